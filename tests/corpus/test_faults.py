"""Corpus runs killed with SIGKILL mid-write, and a full disk: the previous corpus stays whole
and readable, and a re-run completes without leftovers."""

from __future__ import annotations

import errno
import json
import sys

import pandas as pd
import pytest

from analysis.corpus import read_corpus, run_corpus
from analysis.corpus import run as corpus_run
from analysis.errors import CorpusError, OutputWriteError

from ..report.test_faults import run_killed

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

_KILLS = {
    # the first partition written, the second analysed, then the process dies
    "between partitions": """
from analysis.corpus import run as corpus_run

real = corpus_run.process_partition

def process_partition(part, options, out):
    if part.index == 1:
        die()
    return real(part, options, out)

corpus_run.process_partition = process_partition
""",
    # half of a Parquet file written to its temporary name
    "mid-file": """
from analysis.corpus import run as corpus_run

calls = []
real = corpus_run.pq.write_table

def write_table(table, where):
    calls.append(where)
    if len(calls) > 2:
        Path(where).write_bytes(b"PAR1 half a file")
        die()
    real(table, where)

corpus_run.pq.write_table = write_table
""",
    # the previous tables moved aside, the new ones half moved in
    "mid-publish": """
import os
from analysis.corpus import run as corpus_run

def publish(staging, out):
    (out / corpus_run.OLD).mkdir()
    for name in (corpus_run.MANIFEST, "articles"):
        os.replace(out / name, out / corpus_run.OLD / name)
    os.replace(staging / "articles", out / "articles")
    die()

corpus_run._publish = publish
""",
}


def _corpus(tmp_path, n=6):
    rows = [
        {
            "id": f"a{i}",
            "text": f"Story {i}. Officials in Berlin met on Monday to discuss "
            f"the border agreement for the {i}th time.",
        }
        for i in range(n)
    ]
    table = tmp_path / f"in{n}.jsonl"
    table.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return table


@pytest.mark.parametrize("point", sorted(_KILLS))
def test_a_killed_rerun_leaves_the_previous_corpus_whole(tmp_path, point):
    out = tmp_path / "corpus"
    run_corpus(_corpus(tmp_path, 4), out, workers=0, partition_size=2, progress=False)
    table = _corpus(tmp_path, 6)
    run_killed(
        _KILLS[point],
        f"from analysis.corpus import run_corpus\n"
        f"run_corpus({str(table)!r}, {str(out)!r}, workers=0, "
        f"partition_size=2, progress=False)",
    )
    if point != "mid-publish":  # before publishing, readers still see the previous corpus
        assert sorted(read_corpus(out).articles["input_id"]) == [f"a{i}" for i in range(4)]
    for part in (p for p in out.rglob("part-*.parquet") if ".staging" not in p.parts):
        pd.read_parquet(part)  # every visible table file is whole

    result = run_corpus(table, out, workers=0, partition_size=2, progress=False)
    assert (result.articles, result.failures) == (6, 0)
    assert sorted(read_corpus(out).articles["input_id"]) == [f"a{i}" for i in range(6)]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "actors",
        "articles",
        "corpus.json",
    ]
    assert [
        p for p in out.rglob("*") if p.name.endswith(".tmp") or p.name in (".staging", ".old")
    ] == []


def test_a_killed_publish_puts_the_previous_corpus_back(tmp_path):
    out = tmp_path / "corpus"
    run_corpus(_corpus(tmp_path, 4), out, workers=0, partition_size=2, progress=False)
    run_killed(
        _KILLS["mid-publish"],
        f"from analysis.corpus import run_corpus\n"
        f"run_corpus({str(_corpus(tmp_path, 6))!r}, "
        f"{str(out)!r}, workers=0, progress=False)",
    )
    with pytest.raises(CorpusError, match="not a corpus output folder"):
        read_corpus(out)  # mid-publish: no manifest, so no reader takes it for a corpus
    corpus_run._recover(out)  # what the next run does first, under its lock
    assert sorted(read_corpus(out).articles["input_id"]) == [f"a{i}" for i in range(4)]


def test_a_full_disk_gives_a_clear_error_and_keeps_the_previous_corpus(tmp_path, monkeypatch):
    out = tmp_path / "corpus"
    run_corpus(_corpus(tmp_path, 4), out, workers=0, partition_size=2, progress=False)
    before = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != ".lock"
    }

    def full_disk(table, where):
        raise OSError(errno.ENOSPC, "No space left on device", str(where))

    monkeypatch.setattr(corpus_run.pq, "write_table", full_disk)
    with pytest.raises(OutputWriteError, match="No space left on device.*previous corpus"):
        run_corpus(_corpus(tmp_path, 6), out, workers=0, partition_size=2, progress=False)
    after = {
        p.relative_to(out): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and p.name != ".lock"
    }
    assert after == before
