"""Reports on text that is not in English: refused by name unless --allow-language, which
reaches the record, the dossier and the notebooks (their ``allow_language`` parameter) and is
part of the fingerprint."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from analysis.cli import main
from analysis.report.batch import run_batch

from ..conftest import GERMAN, SEED

pytestmark = pytest.mark.notebooks


def test_german_report_fails_by_name_unless_allowed(tmp_path, capsys):
    article = tmp_path / "articles" / "scholz.txt"
    article.parent.mkdir()
    article.write_text(GERMAN, encoding="utf-8")
    out = tmp_path / "reports"
    argv = ["report", str(article), "--out", str(out), "--notebooks", "01", "--no-progress"]

    assert main(argv) == 1
    captured = capsys.readouterr()
    assert "1 with failures" in captured.out
    assert "German (de)" in captured.err and "--allow-language" in captured.err
    assert "01_text_statistics failed in cell 2: UnsupportedLanguageError" in captured.err
    assert not (out / "scholz").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "German (de)" in index and "UnsupportedLanguageError" in index

    assert main([*argv, "--allow-language"]) == 0
    assert "1 written" in capsys.readouterr().out
    folder = out / "scholz"
    record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    assert record["article"]["language"] == "de"
    assert [w["code"] for w in record["article"]["warnings"]] == ["non-english"]
    summary = (folder / "summary.html").read_text(encoding="utf-8")
    assert "German (de)" in summary and "allow_language = true" in summary
    assert (folder / "01_text_statistics.html").is_file()
    executed = nbformat.read(folder / "notebooks" / "01_text_statistics.ipynb", as_version=4)
    injected = [
        c.source for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])
    ]
    assert len(injected) == 1 and "allow_language = True" in injected[0]


def test_allow_language_is_part_of_the_fingerprint(tmp_path):
    article = tmp_path / "seed.txt"
    shutil.copyfile(SEED, article)
    out = tmp_path / "reports"
    assert not run_batch([article], out, notebooks=[], progress=False).articles[0].skipped
    assert run_batch([article], out, notebooks=[], progress=False).articles[0].skipped
    allowed = run_batch([article], out, notebooks=[], progress=False, allow_language=True)
    assert not allowed.articles[0].skipped
    assert (
        run_batch([article], out, notebooks=[], progress=False, allow_language=True)
        .articles[0]
        .skipped
    )
