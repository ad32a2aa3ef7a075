"""Batch reports (analysis.report): isolation of failures, atomic output, skipping, safety.

These run a small probe notebook (tests/fixtures/probe_report.ipynb) so they test the runner,
not the analyses; tests/test_report_notebooks.py runs the real notebooks.
"""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from analysis.cli import main
from analysis.errors import ParameterError
from analysis.report import batch as report_module
from analysis.report.batch import run_batch

from ..conftest import ROOT, SEED, SEED_SHA256, assert_valid_record

PROBE = str(ROOT / "tests" / "fixtures" / "probe_report.ipynb")
HOSTILE_TITLE = "<script>alert('t')</script> & \"quotes\" / slashes"
HOSTILE_BODY = (
    "The minister said <img src=x onerror=alert(1)> and <script>alert('b')</script> "
    "in a long paragraph so that the body is certainly a paragraph of its own."
)

pytestmark = pytest.mark.notebooks


@pytest.fixture()
def batch(tmp_path):
    """Three articles: the seed, one that makes the notebook fail, one that cannot be read."""
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copyfile(SEED, articles / "seed.txt")
    (articles / "will_FAIL.txt").write_text(
        f"{HOSTILE_TITLE}\n\n{HOSTILE_BODY}\n", encoding="utf-8"
    )
    (articles / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    return articles


def test_batch_of_three_with_failures_keeps_going(batch, tmp_path):
    out = tmp_path / "reports"
    result = run_batch([batch], out, notebooks=[PROBE], jobs=2, progress=False)
    assert not result.ok
    by_source = {a.source.rsplit("/", 1)[-1]: a for a in result.articles}
    assert set(by_source) == {"seed.txt", "will_FAIL.txt", "broken.txt"}
    # The readable, passing article has its whole report.
    seed = out / "seed"
    assert (seed / "probe_report.html").is_file()
    assert (seed / "notebooks" / "probe_report.ipynb").is_file()
    assert (seed / "figures" / "probe_paragraphs.png").is_file()
    assert (seed / "figures" / "probe_paragraphs.svg").is_file()
    record = json.loads((seed / "record.json").read_text())
    assert_valid_record(record)
    assert record["stats"]["sentences"] == 40
    assert (seed / "tables" / "summary.csv").is_file()
    # Every page: a real title, links back to the index and the dossier, the run metadata.
    page = (seed / "probe_report.html").read_text(encoding="utf-8")
    assert "<title>Probe report — Russian President Putin visits North Korea" in page
    assert 'href="../index.html"' in page and 'href="summary.html"' in page
    assert SEED_SHA256 in page and "label = probe" in page and "article-analysis " in page
    dossier = (seed / "summary.html").read_text(encoding="utf-8")
    assert '<a href="probe_report.html">Probe report</a>' in dossier
    # The failing notebook: recorded with its cell and message; no HTML page pretends otherwise.
    failing = by_source["will_FAIL.txt"]
    outcome = failing.notebooks["probe_report"]
    assert not outcome.ok and outcome.error_name == "RuntimeError" and outcome.cell == 3
    assert not (out / failing.article_id / "probe_report.html").exists()
    assert (out / failing.article_id / "notebooks" / "probe_report.failed.ipynb").exists()
    # The unreadable article is a failure too; nothing of it is written.
    assert "binary" in by_source["broken.txt"].error
    # The index lists all three and the two failures.
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr><td>") == 3 + 2 and "Failures (2)" in index
    assert index.index('href="seed/summary.html"') < index.index('href="seed/probe_report.html"')
    assert "asked to fail" in index and "binary data" in index
    assert not (out / ".staging").exists()


def test_article_text_is_escaped_everywhere(batch, tmp_path):
    (batch / "will_FAIL.txt").rename(batch / "hostile.txt")
    out = tmp_path / "reports"
    run_batch([batch / "hostile.txt"], out, notebooks=[PROBE], jobs=1, progress=False)
    pages = [out / "index.html", *out.glob("*/probe_report.html")]
    assert len(pages) == 2
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert(" in text


def test_cli_exit_code_and_message_for_a_batch(batch, tmp_path, capsys):
    code = main(
        [
            "report",
            str(batch),
            "--out",
            str(tmp_path / "r"),
            "--notebooks",
            PROBE,
            "--jobs",
            "2",
            "--no-progress",
        ]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert "3 articles: 2 written, 0 unchanged, 2 with failures" in captured.out
    assert "will_FAIL.txt: probe_report failed in cell 3: RuntimeError" in captured.err
    assert "Traceback" not in captured.err


def test_unknown_parameter_is_rejected_before_anything_runs(tmp_path):
    out = tmp_path / "reports"
    with pytest.raises(ParameterError, match=r"unknown parameter\(s\) 'top_m'.*label"):
        run_batch([SEED], out, notebooks=[PROBE], parameters={"top_m": 3}, progress=False)
    assert not out.exists()


def test_rerun_skips_unchanged_and_redoes_changed(tmp_path):
    out = tmp_path / "reports"
    article = tmp_path / "seed.txt"
    shutil.copyfile(SEED, article)
    first = run_batch([article], out, notebooks=[PROBE], progress=False)
    assert first.ok and not first.articles[0].skipped
    page = out / "seed" / "probe_report.html"
    stamp = page.stat().st_mtime_ns
    again = run_batch([article], out, notebooks=[PROBE], progress=False)
    assert again.articles[0].skipped and page.stat().st_mtime_ns == stamp
    changed = run_batch(
        [article], out, notebooks=[PROBE], parameters={"label": "new"}, progress=False
    )
    assert not changed.articles[0].skipped and "new" in page.read_text(encoding="utf-8")
    forced = run_batch(
        [article], out, notebooks=[PROBE], parameters={"label": "new"}, force=True, progress=False
    )
    assert not forced.articles[0].skipped


def test_interrupted_run_leaves_the_old_report_whole(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    article = tmp_path / "seed.txt"
    shutil.copyfile(SEED, article)
    run_batch([article], out, notebooks=[PROBE], progress=False)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(report_module, "_publish", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch([article], out, notebooks=[PROBE], parameters={"label": "x"}, progress=False)
    assert sorted(p.relative_to(out) for p in out.rglob("*") if ".staging" not in p.parts) == before
    monkeypatch.undo()
    run_batch([article], out, notebooks=[PROBE], progress=False)  # cleans the leftovers
    assert not (out / ".staging").exists()


def test_article_ids_stay_inside_the_output_folder(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    body = "A title\n\nA paragraph long enough to be the body of this small article.\n"
    (articles / "...txt").write_text(body)  # stem ".." must not climb out
    (articles / "a b.txt").write_text(body)
    (articles / "a-b.md").write_text("# A title\n\nThe body paragraph of the markdown one.\n")
    (articles / "a-b-2.txt").write_text(body)  # owns "a-b-2": the clash must go elsewhere
    out = tmp_path / "reports"
    result = run_batch([articles], out, notebooks=[], progress=False)
    ids = sorted(a.article_id for a in result.articles)
    # "a-b.md" clashes with "a b.txt" (first in order): it gets a suffix from its own path,
    # the same on every run, whatever else is in the batch.
    suffix = hashlib.sha256(str((articles / "a-b.md").resolve()).encode()).hexdigest()[:8]
    assert ids == sorted(["a-b", "a-b-2", f"a-b-{suffix}", "article"])  # the suffix varies
    assert result.ok and all(a.notebooks == {} for a in result.articles)
    for article in result.articles:
        assert (out / article.article_id).resolve().parent == out.resolve()


@pytest.mark.parametrize("name", ["article_path", "output_dir", "include_zones", "allow_language"])
def test_runner_parameters_cannot_be_overridden(tmp_path, name):
    with pytest.raises(ParameterError, match="cannot be set with -p"):
        run_batch([SEED], tmp_path / "r", notebooks=[PROBE], parameters={name: "x"}, progress=False)


def test_partial_rerun_after_the_text_changed_drops_stale_pages(tmp_path):
    out = tmp_path / "reports"
    article = tmp_path / "story.txt"
    shutil.copyfile(SEED, article)
    second = tmp_path / "probe_two.ipynb"
    shutil.copyfile(PROBE, second)
    run_batch([article], out, notebooks=[PROBE, str(second)], progress=False)
    assert (out / "story" / "probe_two.html").exists()
    article.write_text(
        SEED.read_text(encoding="utf-8").replace("Yakutsk", "Irkutsk"), encoding="utf-8"
    )
    run_batch([article], out, notebooks=[PROBE], progress=False)
    # The other notebook's page described the old text: it is gone, not left as current.
    assert not (out / "story" / "probe_two.html").exists()
    assert (out / "story" / "probe_report.html").exists()


def test_a_damaged_report_is_redone_not_fatal(tmp_path):
    out = tmp_path / "reports"
    article = tmp_path / "story.txt"
    shutil.copyfile(SEED, article)
    run_batch([article], out, notebooks=[PROBE], progress=False)
    (out / "story" / "record.json").unlink()
    again = run_batch([article], out, notebooks=[PROBE], progress=False)
    assert again.ok and not again.articles[0].skipped
    assert (out / "story" / "record.json").exists()


def test_a_report_moved_aside_by_a_killed_run_is_put_back(tmp_path):
    out = tmp_path / "reports"
    article = tmp_path / "story.txt"
    shutil.copyfile(SEED, article)
    run_batch([article], out, notebooks=[], progress=False)
    # A run killed between moving the old report aside and moving the new one in:
    (out / ".staging").mkdir()
    (out / "story").rename(out / ".staging" / "story.old-1-2")
    result = run_batch([article], out, notebooks=[], progress=False)
    assert result.articles[0].skipped  # the old report was found again, whole
    assert (out / "story" / "record.json").exists() and not (out / ".staging").exists()
