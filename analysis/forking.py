"""Share one long computation between forked processes: for the longest articles only.

The name recogniser reads a document sentence by sentence once its document statistics are
known, so the sentences of a long article can be tagged in several processes at once. The
children are forked, so they inherit the model, the document and its statistics without
copying or pickling them; only their results travel back. Output is identical to running the
ranges one after the other in this process (tested), which is also what happens when
forking is unavailable or not worth it:

* not on Linux (macOS and Windows do not fork safely or at all);
* in a daemonic process (a multiprocessing pool worker may not have children);
* one usable CPU, or ``ARTICLE_ANALYSIS_PROCESSES=1`` in the environment (the variable also
  caps the number of processes);
* the work is small: forking costs more than it saves below about 100,000 tokens;
* anything goes wrong in the machinery (the system refuses to fork, a child dies): the
  missing ranges are computed here, so a failure costs time, never results.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
import weakref
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = [
    "ENV_PROCESSES",
    "MIN_ITEMS",
    "in_background",
    "map_ranges",
    "process_count",
    "split_ranges",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[int, int], list[T]]

#: Environment variable: the most processes one analysis may use (``1`` turns forking off).
ENV_PROCESSES = "ARTICLE_ANALYSIS_PROCESSES"
#: Below this much work (tokens) everything runs in this process.
MIN_ITEMS = 100_000
#: The most processes used by default (each holds a share of the work's memory).
MAX_PROCESSES = 4

# The job of the current map_ranges (in_background) call, read by the forked children (set
# before they fork).
_job: Job[Any] | None = None
_task: Callable[[], Any] | None = None


def process_count() -> int:
    """How many processes an analysis may use here (1: no forking)."""
    if not sys.platform.startswith("linux") or multiprocessing.current_process().daemon:
        return 1
    try:
        wanted = int(os.environ.get(ENV_PROCESSES, MAX_PROCESSES))
    except ValueError:
        wanted = MAX_PROCESSES
    return max(1, min(wanted, len(os.sched_getaffinity(0))))


def split_ranges(weights: Sequence[int], parts: int) -> list[tuple[int, int]]:
    """Cut ``range(len(weights))`` into at most ``parts`` consecutive ranges of about equal
    total weight (each non-empty)."""
    n = len(weights)
    if n == 0:
        return []
    parts = max(1, min(parts, n))
    total = sum(weights)
    bounds, start, acc, cut = [], 0, 0, 1
    for i, w in enumerate(weights):
        acc += w
        if cut < parts and acc >= total * cut / parts and i + 1 < n:
            bounds.append((start, i + 1))
            start, cut = i + 1, cut + 1
    bounds.append((start, n))
    return bounds


def map_ranges(job: Job[T], weights: Sequence[int], min_items: int | None = None) -> list[T]:
    """``job(lo, hi)`` over consecutive ranges of the items, concatenated in order.

    ``weights`` are the items' costs (tokens per sentence). When their sum reaches
    ``min_items`` (default :data:`MIN_ITEMS`) and forking is possible (module docstring), the
    first range runs here and the others in forked children; otherwise ``job(0, len(weights))``
    runs here.
    """
    threshold = MIN_ITEMS if min_items is None else min_items
    processes = process_count() if sum(weights) >= threshold else 1
    ranges = split_ranges(weights, processes)
    if len(ranges) <= 1:
        return job(0, len(weights))
    global _job
    _job = job
    results: list[list[T] | None] = [None] * len(ranges)
    try:
        context = multiprocessing.get_context("fork")
        # gc.freeze in each child: its collector then leaves the inherited objects alone, so
        # their memory stays shared with this process instead of being copied page by page.
        with context.Pool(len(ranges) - 1, initializer=gc.freeze) as pool:
            pending = pool.map_async(_run, ranges[1:], chunksize=1)
            results[0] = job(*ranges[0])
            results[1:] = pending.get()
    except Exception as error:  # the machinery failed: compute what is missing here
        logger.debug("forked ranges failed (%s); running them here", repr(error))
    finally:
        _job = None
    out: list[T] = []
    for (lo, hi), part in zip(ranges, results, strict=True):
        out.extend(job(lo, hi) if part is None else part)
    return out


def _run(bounds: tuple[int, int]) -> list[Any]:
    """A child's share: the inherited job over one range."""
    assert _job is not None, "map_ranges sets the job before forking"
    return _job(*bounds)


def in_background(task: Callable[[], T], worth_it: bool) -> Callable[[], T]:
    """Start ``task()`` in a forked child when ``worth_it`` and forking is possible; return a
    function that gives its result (waiting for the child, or computing it here when it did
    not run or failed). Without forking, ``task`` runs when the result is asked for.

    For an independent part of a long analysis (the statistics beside the name recogniser):
    the child works while this process does the rest.
    """
    if not worth_it or process_count() < 2:
        return task
    global _task
    _task = task
    try:
        pool = multiprocessing.get_context("fork").Pool(1, initializer=gc.freeze)
        pending = pool.apply_async(_run_task)
    except Exception as error:
        logger.debug("background task not started (%r); it runs here", error)
        return task
    finally:
        _task = None

    def result() -> T:
        try:
            return pending.get()
        except Exception as error:  # the machinery (or the task) failed: run it here
            logger.debug("background task failed (%r); running it here", error)
            return task()
        finally:
            pool.terminate()

    # Never asked for (the analysis failed before): the child goes when the handle does.
    weakref.finalize(result, pool.terminate)
    return result


def _run_task() -> Any:
    """The child of :func:`in_background`: the inherited task."""
    assert _task is not None, "in_background sets the task before forking"
    return _task()
