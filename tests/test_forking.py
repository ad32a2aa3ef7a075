"""Tests of analysis.forking: ranges of about equal weight, forked work in order, fallbacks."""

from __future__ import annotations

import os

import pytest

from analysis import forking
from analysis.forking import ENV_PROCESSES, map_ranges, process_count, split_ranges


def test_split_ranges_balances_weight() -> None:
    assert split_ranges([1, 1, 1, 1], 2) == [(0, 2), (2, 4)]
    # total 10: the first cut falls where 5 is reached, after the first item
    assert split_ranges([5, 1, 1, 1, 1, 1], 2) == [(0, 1), (1, 6)]
    assert split_ranges([1, 1, 1], 3) == [(0, 1), (1, 2), (2, 3)]
    assert split_ranges([2, 2], 5) == [(0, 1), (1, 2)]  # never more ranges than items
    assert split_ranges([3, 3, 3], 1) == [(0, 3)]
    assert split_ranges([], 2) == []


def _pids(lo: int, hi: int) -> list[tuple[int, int]]:
    return [(i, os.getpid()) for i in range(lo, hi)]


def test_small_work_stays_in_this_process() -> None:
    out = map_ranges(_pids, [1] * 10)  # 10 < MIN_ITEMS
    assert [i for i, _ in out] == list(range(10))
    assert {pid for _, pid in out} == {os.getpid()}


@pytest.mark.skipif(process_count() < 2, reason="needs fork and two CPUs")
def test_large_work_is_shared_between_processes_in_order() -> None:
    out = map_ranges(_pids, [1] * 40, min_items=0)
    assert [i for i, _ in out] == list(range(40))
    pids = [pid for _, pid in out]
    assert pids[0] == os.getpid()  # the first range runs here
    assert len(set(pids)) == min(process_count(), 40)


def test_environment_turns_forking_off(monkeypatch) -> None:
    monkeypatch.setenv(ENV_PROCESSES, "1")
    assert process_count() == 1
    out = map_ranges(_pids, [1] * 40, min_items=0)
    assert {pid for _, pid in out} == {os.getpid()}
    monkeypatch.setenv(ENV_PROCESSES, "not a number")
    assert process_count() >= 1


@pytest.mark.skipif(process_count() < 2, reason="needs fork and two CPUs")
def test_a_failing_child_costs_time_not_results() -> None:
    parent = os.getpid()

    def job(lo: int, hi: int) -> list[int]:
        if os.getpid() != parent:
            raise RuntimeError("child failure")
        return list(range(lo, hi))

    assert map_ranges(job, [1] * 30, min_items=0) == list(range(30))


@pytest.mark.skipif(process_count() < 2, reason="needs fork and two CPUs")
def test_forked_tagging_gives_the_same_names(monkeypatch) -> None:
    from analysis.actors.ner.tagger import get_tagger

    text = (
        "Chinese Premier Li Qiang met Carrie Lam in Hong Kong on Monday. "
        "Lam said the Hong Kong Monetary Authority would act. "
        "Microsoft and the World Bank signed a deal in Nairobi. "
        "Li later flew to Berlin, where Olaf Scholz received him. "
    ) * 5
    ranges, start = [], 0
    for sentence in text.split(". "):
        ranges.append((start, start + len(sentence) + 1))
        start += len(sentence) + 2
    ranges = [(a, min(b, len(text))) for a, b in ranges if a < len(text)]
    monkeypatch.setenv(ENV_PROCESSES, "1")
    alone = get_tagger().tag_text(text, ranges)
    monkeypatch.setenv(ENV_PROCESSES, "2")
    monkeypatch.setattr(forking, "MIN_ITEMS", 0)
    shared = get_tagger().tag_text(text, ranges)
    assert alone == shared
    assert (16, 24, "PER") in shared  # "Li Qiang"


def test_background_task_without_forking_runs_when_asked() -> None:
    ran = []
    result = forking.in_background(lambda: ran.append(1) or os.getpid(), worth_it=False)
    assert ran == []
    assert result() == os.getpid()
    assert ran == [1]


@pytest.mark.skipif(process_count() < 2, reason="needs fork and two CPUs")
def test_background_task_runs_in_a_child() -> None:
    result = forking.in_background(os.getpid, worth_it=True)
    assert result() != os.getpid()


@pytest.mark.skipif(process_count() < 2, reason="needs fork and two CPUs")
def test_background_task_that_fails_in_the_child_runs_here() -> None:
    parent = os.getpid()

    def task() -> int:
        if os.getpid() != parent:
            raise RuntimeError("child failure")
        return 42

    assert forking.in_background(task, worth_it=True)() == 42


@pytest.mark.skipif(process_count() < 2, reason="needs fork and two CPUs")
def test_a_background_task_never_asked_for_goes_with_its_handle() -> None:
    import gc
    import multiprocessing
    import time

    before = set(multiprocessing.active_children())
    handle = forking.in_background(lambda: time.sleep(30), worth_it=True)
    assert set(multiprocessing.active_children()) - before  # the child is running
    del handle  # e.g. the analysis raised before it asked for the result
    gc.collect()
    assert not set(multiprocessing.active_children()) - before
