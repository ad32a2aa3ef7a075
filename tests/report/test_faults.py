"""Report runs killed with SIGKILL mid-write, then run again (corpus: tests/corpus/test_faults.py).

Each kill happens in a child process at a chosen point (a patched writer kills its own process
half-way through a file, or between the two renames that publish a report), so the test is
deterministic and takes a few seconds. Afterwards every file a reader can see is whole, and a
re-run completes and leaves no temporary file behind.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from analysis.report.batch import run_batch

from ..conftest import ROOT, SEED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

_PRELUDE = """
import os, signal, sys
from pathlib import Path

def die():
    os.kill(os.getpid(), signal.SIGKILL)
"""

_REPORT_KILLS = {
    # half of a table written to its temporary file
    "table": """
from analysis.atomic import replace_atomic
from analysis.report import batch

def write_csv(table, path):
    replace_atomic(Path(path), lambda tmp: (tmp.write_text(table.to_csv()[:40]), die()))

batch.write_csv = write_csv
""",
    # the old report moved aside, the new one not yet in place
    "publish": """
from analysis.report import batch

def publish(staging, target):
    os.replace(target, staging.parent / f"{target.name}.old-{os.getpid()}-1")
    die()

batch._publish = publish
""",
    # half of the index page written
    "index": """
from analysis.atomic import replace_atomic
from analysis.report import index_page

def write_text_atomic(path, text):
    replace_atomic(Path(path), lambda tmp: (tmp.write_text(text[:100]), die()))

index_page.write_text_atomic = write_text_atomic
""",
}


def run_killed(patch: str, call: str) -> None:
    script = _PRELUDE + textwrap.dedent(patch) + "\n" + call
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]


def _visible_files(out: Path) -> list[Path]:
    return [
        p
        for p in out.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)
    ]


def _assert_report_files_whole(out: Path) -> None:
    """Every file a reader sees is complete: JSON parses, CSV parses, pages end properly."""
    for path in _visible_files(out):
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".csv":
            pd.read_csv(path)
        elif path.suffix == ".html":
            assert path.read_text(encoding="utf-8").rstrip().endswith("</html>"), path
    for folder in (p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        assert (folder / ".manifest.json").is_file() and (folder / "record.json").is_file()


@pytest.mark.parametrize("point", sorted(_REPORT_KILLS))
def test_a_report_run_killed_mid_write_leaves_only_whole_files(tmp_path, point):
    article = tmp_path / "story.txt"
    shutil.copyfile(SEED, article)
    out = tmp_path / "reports"
    run_batch([article], out, notebooks=[], progress=False)
    before = {p.relative_to(out): p.read_bytes() for p in _visible_files(out)}

    run_killed(
        _REPORT_KILLS[point],
        f"from analysis.report.batch import run_batch\n"
        f"run_batch([{str(article)!r}], {str(out)!r}, notebooks=[], force=True, "
        f"progress=False)",
    )
    _assert_report_files_whole(out)
    if point != "index":  # killed before publishing: the old report is still the one shown
        visible = {p.relative_to(out): p.read_bytes() for p in _visible_files(out)}
        assert {k: v for k, v in visible.items() if k.parts[0] != "story"} == {
            k: v for k, v in before.items() if k.parts[0] != "story"
        }
        if point == "table":
            assert visible == before

    again = run_batch([article], out, notebooks=[], progress=False)
    assert again.ok and (out / "story" / "record.json").is_file()
    _assert_report_files_whole(out)
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".tmp") or ".old-" in p.name]
    assert leftovers == [] and not (out / ".staging").exists()
    assert "story" in (out / "index.html").read_text(encoding="utf-8")
