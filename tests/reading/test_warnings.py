"""Reading warnings: stable codes on the Article, in the result record, and on the CLI's
stderr."""

from __future__ import annotations

import json

from analysis.article import article_from_string
from analysis.cli import main
from analysis.reading import WARNING_CODES, ReadingWarning
from analysis.record import build_record

PAGE = (
    "Bridge closed\n\nThe council voted on Thursday to close the old bridge to lorries.\n\n"
    "Share this story\n\nTraders said deliveries would take an hour longer.\n"
)


def test_a_warning_is_a_code_and_a_message():
    warning = ReadingWarning("thin-body", "only 40 words")
    assert str(warning) == "thin-body: only 40 words"
    assert warning.to_dict() == {"code": "thin-body", "message": "only 40 words"}
    assert set(WARNING_CODES) == {
        "encoding-guessed",
        "thin-body",
        "fallback",
        "non-english",
        "furniture-in-story",
    }


def test_the_record_carries_language_extraction_and_warnings():
    record = build_record(article_from_string(PAGE))
    article = record["article"]
    assert article["language"] == "en"
    assert article["extraction"] == "text"
    assert [w["code"] for w in article["warnings"]] == ["furniture-in-story"]
    assert "share prompt: 'Share this story'" in article["warnings"][0]["message"]
    json.dumps(record, allow_nan=False)


def test_the_seed_reads_without_warnings(seed):
    record = build_record(seed)
    assert record["article"]["warnings"] == []
    assert record["article"]["language"] == "en" and record["article"]["extraction"] == "text"


def test_cli_prints_reading_warnings_to_stderr(tmp_path, capsys):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.replace("Traders", "Trad\xe9rs").encode("cp1252"))
    assert main(["analyse", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "language: en   read as: text" in out
    lines = err.strip().splitlines()
    assert lines == [
        f"warning: {path}: encoding-guessed: the file is not clean UTF-8; decoded it as cp1252",
        f"warning: {path}: furniture-in-story: 1 furniture line removed from "
        "between story paragraphs (share prompt: 'Share this story')",
    ]
