"""The article-analysis command: help, version, analyse, report."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from analysis import SCHEMA, __version__
from analysis.cli import main

from .conftest import ROOT, assert_valid_record


def test_help_lists_the_commands(capsys):
    try:
        main(["--help"])
    except SystemExit as exit_:
        assert exit_.code == 0
    out = capsys.readouterr().out
    assert "analyse" in out and "report" in out


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exit_:
        assert exit_.code == 0
    assert capsys.readouterr().out.strip() == f"article-analysis {__version__}"


def test_analyse_prints_the_dossier_within_100_columns(seed_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")  # a wide terminal still gets at most 100 columns
    assert main(["analyse", str(seed_path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == (
        "Russian President Putin visits North Korea after 24 years to deepen "
        "security and trade ties"
    )
    assert max(map(len, lines)) <= 100
    assert "947 words, 40 sentences, 19 paragraphs" in out
    assert "headings 4" in out and "boilerplate lines 7" in out
    assert "grade 14.4, difficult (college)" in out
    flat = " ".join(out.split())
    # The news tone is the headline; VADER beside it, with and without the names' words.
    assert "leans positive: news tone +0.20 on the −4 … +4 rating scale over 40 sentences" in flat
    assert "VADER +0.124, leans positive (names left out; +0.178 with them)" in flat
    # Russia: 15 by name + 8 adjectival + 2 metonym = 25, tone over 22 sentences
    assert re.search(
        r"Russia \(state\) +25 +15 name, 8 adjectival, 2 metonym +\+0\.065 \(22\)", out
    )
    assert "13 statements attributed to 8 speakers" in flat and "Vladimir Putin (6)" in out
    assert re.search(r"^Warnings +none$", out, re.MULTILINE)


def test_analyse_dossier_fits_a_narrow_terminal(seed_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "72")
    assert main(["analyse", str(seed_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(map(len, lines)) <= 72


def test_analyse_json_record(seed_path, capsys):
    assert main(["analyse", str(seed_path), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert_valid_record(record)
    assert record["schema"] == SCHEMA
    assert record["article"]["id"] == "putin-north-korea-2024"
    assert record["article"]["zones"]["body_paragraphs"] == 19
    assert record["stats"]["words"] == 947
    assert record["stats"]["sentences"] == 40
    assert record["stats"]["paragraphs"] == 19


def test_analyse_zones_widen_the_record(seed_path, capsys):
    assert main(["analyse", str(seed_path), "--json", "--zones", "body,headings,title"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["zones_analysed"] == ["body", "heading", "title"]
    assert record["stats"]["paragraphs"] == 19 + 4 + 1


def test_unknown_zone_is_a_clear_error(seed_path, capsys):
    assert main(["analyse", str(seed_path), "--zones", "footer"]) == 2
    assert "unknown zone 'footer'" in capsys.readouterr().err


def test_console_script_runs_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "analysis.cli", "analyse", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_report_writes_records_and_keeps_going(tmp_path, seed_copy, capsys):
    (tmp_path / "broken.txt").write_bytes(b"")
    out = tmp_path / "reports"
    probe = str(ROOT / "tests" / "fixtures" / "probe_report.ipynb")
    assert (
        main(["report", str(tmp_path), "--out", str(out), "--notebooks", probe, "--no-progress"])
        == 1
    )
    record = json.loads((out / "putin-north-korea-2024" / "record.json").read_text())
    assert_valid_record(record)
    assert record["stats"]["sentences"] == 40
    captured = capsys.readouterr()
    assert "error: " in captured.err and "broken.txt" in captured.err
    assert "2 articles: 1 written, 0 unchanged, 1 with failures" in captured.out
    assert not list(out.rglob("*.tmp"))


def test_analyse_with_a_user_actor_dictionary(seed_path, tmp_path, capsys):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n  - id: org:rodong-sinmun\n    name: Rodong Sinmun (KCNA)\n"
        "    type: organization\n    names: [Rodong Sinmun]\n",
        encoding="utf-8",
    )
    assert main(["analyse", str(seed_path), "--json", "--actor-dictionary", str(extra)]) == 0
    record = json.loads(capsys.readouterr().out)
    names = {a["id"]: a["name"] for a in record["actors"]}
    assert names["org:rodong-sinmun"] == "Rodong Sinmun (KCNA)"


def test_analyse_with_a_broken_actor_dictionary(seed_path, tmp_path, capsys):
    extra = tmp_path / "bad.yaml"
    extra.write_text("actors:\n  - id: x\n    name: X\n    type: planet\n", encoding="utf-8")
    assert main(["analyse", str(seed_path), "--actor-dictionary", str(extra)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "bad.yaml, line" in err and "Traceback" not in err


def test_allow_language_is_an_option_of_every_command(tmp_path):
    from analysis.cli import _parser

    for argv in (
        ["analyse", "a.txt"],
        ["report", "a.txt"],
        ["corpus", "a.jsonl", "--out", str(tmp_path)],
    ):
        assert _parser().parse_args(argv).allow_language is False
        assert _parser().parse_args([*argv, "--allow-language"]).allow_language is True


def test_allow_language_reaches_report_and_corpus(monkeypatch, tmp_path, capsys):
    import analysis.corpus
    import analysis.report

    seen = {}

    def fake_batch(paths, out, **kwargs):
        seen["report"] = kwargs["allow_language"]
        return analysis.report.BatchResult(tmp_path, [], 0.0)

    def fake_corpus(inputs, out, **kwargs):
        seen["corpus"] = kwargs["allow_language"]
        return analysis.corpus.CorpusResult(tmp_path, 0, 0, 0, 0, 0, 0.0, 0, None)

    monkeypatch.setattr(analysis.report, "run_batch", fake_batch)
    monkeypatch.setattr(analysis.corpus, "run_corpus", fake_corpus)
    for flag in ([], ["--allow-language"]):
        assert main(["report", "a.txt", *flag]) == 0
        assert main(["corpus", "a.jsonl", "--out", str(tmp_path), *flag]) == 0
        assert seen == {"report": bool(flag), "corpus": bool(flag)}
