"""The reports folder (analysis.report.batch): ids for every script, no report overwritten by
another source, an index of every report present, a lock, a full disk.

These run no notebook (``notebooks=[]``: the record and its tables only), so they are quick;
tests/report/test_faults.py kills runs with SIGKILL.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import pathlib

import pytest

from analysis.cli import main
from analysis.errors import OutputLockedError, OutputWriteError
from analysis.lock import LOCK_FILE, OutputLock
from analysis.report.batch import run_batch

BODY = (
    "Officials met on Monday to discuss the new border agreement between the two "
    "countries, and the talks went on late into the evening.\n"
)


def _article(path: pathlib.Path, title: str = "Border talks resume") -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{BODY}", encoding="utf-8")
    return path


def _source_of(folder: pathlib.Path) -> str:
    return json.loads((folder / ".manifest.json").read_text(encoding="utf-8"))["source"]


def test_non_latin_file_names_get_readable_distinct_ids(tmp_path):
    names = ["путин.txt", "普京.txt", "朝鲜.txt"]
    files = [_article(tmp_path / "in" / name) for name in names]
    out = tmp_path / "reports"
    result = run_batch(files, out, notebooks=[], progress=False)
    assert [a.article_id for a in result.articles] == ["putin", "pujing", "chaoxian"]
    # A later run with one of them touches only its own folder.
    record_before = (out / "putin" / "record.json").read_bytes()
    run_batch([files[2]], out, notebooks=[], progress=False, force=True)
    assert (out / "putin" / "record.json").read_bytes() == record_before
    assert _source_of(out / "putin") == str(files[0].resolve())
    assert _source_of(out / "chaoxian") == str(files[2].resolve())


def test_a_clash_with_another_source_gets_a_stable_suffix_and_overwrites_nothing(tmp_path):
    first = _article(tmp_path / "a" / "story.txt", "First story")
    second = _article(tmp_path / "b" / "story.txt", "Second story")
    out = tmp_path / "reports"
    run_batch([first], out, notebooks=[], progress=False)
    kept = (out / "story" / "record.json").read_bytes()
    suffix = hashlib.sha256(str(second.resolve()).encode()).hexdigest()[:8]
    for _ in range(2):  # the same folder on every run
        result = run_batch([second], out, notebooks=[], progress=False, force=True)
        assert result.articles[0].article_id == f"story-{suffix}"
    assert (out / "story" / "record.json").read_bytes() == kept
    assert _source_of(out / f"story-{suffix}") == str(second.resolve())
    # Both together, in either order: each keeps its folder.
    both = run_batch([second, first], out, notebooks=[], progress=False)
    assert sorted(a.article_id for a in both.articles) == ["story", f"story-{suffix}"]
    assert all(a.skipped for a in both.articles)


def test_a_folder_that_is_not_a_report_is_never_replaced(tmp_path):
    out = tmp_path / "reports"
    (out / "story").mkdir(parents=True)
    (out / "story" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_batch([_article(tmp_path / "story.txt")], out, notebooks=[], progress=False)
    assert result.articles[0].article_id.startswith("story-")
    assert (out / "story" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_index_lists_every_report_in_the_folder_with_when_it_was_made(tmp_path):
    out = tmp_path / "reports"
    run_batch(
        [_article(tmp_path / "one.txt", "The first article")], out, notebooks=[], progress=False
    )
    run_batch(
        [_article(tmp_path / "two.txt", "The second article")], out, notebooks=[], progress=False
    )
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "The first article" in index and "The second article" in index
    assert index.index("The second article") < index.index("The first article")
    assert "from an earlier run" in index and "<th>Made</th>" in index
    made = json.loads((out / "one" / ".manifest.json").read_text(encoding="utf-8"))["made"]
    assert made.endswith("+00:00") and made.replace("T", " ")[:16] + " UTC" in index


def test_a_second_run_on_the_same_folder_is_refused(tmp_path, capsys):
    out = tmp_path / "reports"
    article = _article(tmp_path / "story.txt")
    with OutputLock(out, "a test run"):
        with pytest.raises(
            OutputLockedError,
            match=r"another run is writing to this folder "
            r"\(a test run, process \d+",
        ):
            run_batch([article], out, notebooks=[], progress=False)
        assert (
            main(["report", str(article), "--out", str(out), "--notebooks", "01", "--no-progress"])
            == 2
        )
    assert "another run is writing to this folder" in capsys.readouterr().err
    assert not (out / "story").exists()
    assert run_batch([article], out, notebooks=[], progress=False).ok  # free again


def test_a_stale_lock_from_a_killed_run_is_detected_and_taken_over(tmp_path, caplog):
    out = tmp_path / "reports"
    out.mkdir()
    # What a killed run leaves: the file with its holder, but no process holding the lock.
    (out / LOCK_FILE).write_text(
        json.dumps(
            {"pid": 999999, "host": "h", "what": "report", "started": "2024-06-20T08:00:00+00:00"}
        )
    )
    with caplog.at_level(logging.WARNING, logger="article_analysis"):
        result = run_batch([_article(tmp_path / "story.txt")], out, notebooks=[], progress=False)
    assert result.ok
    assert "did not finish; its lock is stale" in caplog.text and "999999" in caplog.text
    assert (out / LOCK_FILE).read_text() == ""  # released cleanly this time


def test_a_full_disk_stops_the_run_with_a_clear_error_and_keeps_earlier_reports(
    tmp_path, monkeypatch
):
    out = tmp_path / "reports"
    article = _article(tmp_path / "story.txt")
    run_batch([article], out, notebooks=[], progress=False)
    before = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != LOCK_FILE
    }
    real_write_text = pathlib.Path.write_text

    def full_disk(self, *args, **kwargs):
        if out in self.parents:
            real_write_text(self, "half a fi", encoding="utf-8")  # some bytes got out
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "write_text", full_disk)
    with pytest.raises(OutputWriteError, match="No space left on device.*Free some space"):
        run_batch([article], out, notebooks=[], progress=False, force=True)
    monkeypatch.undo()
    after = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != LOCK_FILE
    }
    assert after == before  # not one byte of the earlier output changed; no temporary left
