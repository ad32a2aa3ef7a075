"""Corpus mode: the per-article analysis over many articles, partitioned, on Dask.

Each partition (a few hundred articles, see :mod:`analysis.corpus_input`) is one Dask task. The
task reads its own articles, runs the same helpers as the single-article notebooks
(:func:`analysis.record.build_record` on an :class:`~analysis.article.Article`), flattens the
records (:mod:`analysis.corpus_records`) and writes one Parquet file per output table. It sends
back only a few counts, so neither the client nor the scheduler ever holds the corpus; a worker
holds one partition at a time. Lexicons and dictionaries are loaded once per worker process (the
analysis modules cache them), and a task ships only paths and offsets.

Output folder (``out``)::

    articles/part-NNNNN.parquet    one row per analysed article
    actors/part-NNNNN.parquet      one row per article x actor
    sentences/part-NNNNN.parquet   one row per sentence (only with sentences=True)
    failures/part-NNNNN.parquet    one row per article (or partition) that failed
    corpus.json                    the manifest: input, options, counts, timing (written last)

Each folder is a Parquet dataset: ``pandas.read_parquet(out / "articles")`` or
:func:`read_corpus` reads it whole. An article that cannot be read or analysed becomes a
``failures`` row (article id, error type, message) and the run goes on; a worker that dies
takes its partition to ``failures`` too. Tables are written to ``out/.staging`` and replace
the previous run's only when the run completes: a run that fails (a full disk) or is killed
leaves the previous corpus as it was. A re-run into the same folder replaces the previous
run's part files.

By default a ``distributed.LocalCluster`` runs ``workers`` processes with one thread each (the
work is pure Python, so threads would contend for the GIL); ``scheduler="tcp://host:8786"``
uses an existing cluster instead, whose workers must see the input and output paths (a shared
file system) and have this package installed. ``workers=0`` runs the partitions one after the
other in this process, without Dask.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .._version import __version__
from ..actors.dictionary import ActorDictionary, load_dictionary
from ..atomic import write_text_atomic
from ..errors import CorpusError, OutputWriteError, ParameterError
from ..lock import OutputLock
from ..log import logger
from ..paths import resolve_output_dir, resolve_path
from ..record import SCHEMA, build_record
from .inputs import (
    DEFAULT_PARTITION_SIZE,
    CorpusOptions,
    Partition,
    check_unique_ids,
    item_article,
    plan_partitions,
    read_partition,
)
from .tables import (
    SCHEMAS,
    actor_rows,
    article_row,
    failure_row,
    sentence_rows,
    to_table,
)

CORPUS_SCHEMA = "article-analysis-corpus/1"
MANIFEST = "corpus.json"
TABLES = ("articles", "actors", "sentences", "failures")
#: How long to try to reach an existing scheduler.
CONNECT_TIMEOUT = "20s"
#: Dask settings for the local cluster's workers (see :func:`_client`).
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
}


@dataclass(frozen=True)
class CorpusResult:
    """What a corpus run did: counts, timing and where the tables are."""

    out: Path
    partitions: int
    articles: int
    failures: int
    actors: int
    sentences: int
    seconds: float
    workers: int
    scheduler: str | None
    startup_seconds: float = 0.0
    peak_worker_rss_mb: float | None = None
    peak_client_rss_mb: float | None = None
    errors_by_type: dict[str, int] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        """Analysed plus failed articles per second of wall time (cluster start included)."""
        return (self.articles + self.failures) / self.seconds if self.seconds else float("nan")

    @property
    def articles_per_second_running(self) -> float:
        """Articles per second once the cluster is up (cluster start excluded)."""
        running = self.seconds - self.startup_seconds
        return (self.articles + self.failures) / running if running > 0 else float("nan")


@dataclass(frozen=True)
class CorpusTables:
    """The tables of a corpus output folder, read back as pandas DataFrames."""

    articles: pd.DataFrame
    actors: pd.DataFrame
    sentences: pd.DataFrame
    failures: pd.DataFrame
    manifest: dict[str, Any]


# --------------------------------------------------------------------------- one partition


def _peak_rss_mb() -> float | None:
    """Peak resident memory of this process in MB (``None`` where ``resource`` is missing)."""
    try:
        import resource
    except ImportError:  # pragma: no cover (Windows)
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


@lru_cache(maxsize=4)
def dictionary_once(path: str | None) -> ActorDictionary:
    """The actor dictionary for ``path`` (``None``: the packaged one), read once per process,
    so each worker loads it once however many partitions it runs."""
    return load_dictionary(path)


def analyse_partition(part: Partition, options: CorpusOptions) -> dict[str, list[dict]]:
    """Rows of every table for one partition; failures are rows too, never exceptions.

    For each article: build it from the input (stage ``read``), then
    :func:`~analysis.record.build_record` and flatten (stage ``analyse``). If reading the
    partition itself fails, the rows done so far are kept and one ``partition`` failure added.
    """
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    item = None
    try:
        dictionary = dictionary_once(options.actor_dictionary)
        for item in read_partition(part, options):
            stage = "read"
            try:
                article = item_article(item, options)
                stage = "analyse"
                record = build_record(
                    article, options.zones, dictionary, allow_language=options.allow_language
                )
                meta = {
                    "input_id": item.input_id,
                    "source": item.source,
                    "date": item.date,
                    "url": item.url,
                    "origin": item.origin,
                    "partition": part.index,
                }
                new = {
                    "articles": [article_row(record, meta)],
                    "actors": actor_rows(record, item.input_id),
                    "sentences": (
                        sentence_rows(record, item.input_id) if options.sentences else []
                    ),
                }
            except Exception as error:  # one article never stops the run
                rows["failures"].append(
                    failure_row(
                        error,
                        input_id=item.input_id,
                        origin=item.origin,
                        partition=part.index,
                        stage=stage,
                    )
                )
                continue
            for name, found in new.items():
                rows[name].extend(found)
    except Exception as error:  # the partition's input could not be read (further)
        after = f" after {item.origin}" if item is not None else ""
        rows["failures"].append(
            failure_row(
                error,
                input_id=None,
                origin=f"{part.label}{after}",
                partition=part.index,
                stage="partition",
            )
        )
    return rows


def _write_part(out: Path, name: str, index: int, rows: list[dict]) -> None:
    """Write one table's rows of one partition atomically (temporary name, then rename)."""
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"part-{index:05d}.parquet"
    tmp = folder / f".part-{index:05d}.{os.getpid()}.tmp"
    try:
        pq.write_table(to_table(rows, name), tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def process_partition(part: Partition, options: CorpusOptions, out: str) -> dict[str, Any]:
    """Analyse one partition and write its Parquet files; return only counts (a Dask task)."""
    started = time.perf_counter()
    rows = analyse_partition(part, options)
    for name, found in rows.items():
        if found:
            _write_part(Path(out), name, part.index, found)
    errors: dict[str, int] = {}
    for failure in rows["failures"]:
        errors[failure["error_type"]] = errors.get(failure["error_type"], 0) + 1
    return {
        "partition": part.index,
        "seconds": time.perf_counter() - started,
        "peak_rss_mb": _peak_rss_mb(),
        "errors_by_type": errors,
        **{name: len(found) for name, found in rows.items()},
    }


# --------------------------------------------------------------------------- the run


STAGING = ".staging"  # this run's tables, until the run completes
OLD = ".old"  # the previous run's tables and manifest, while they are replaced


def _recover(out: Path) -> None:
    """Clear what a killed run left: its staged tables, and, if it died while replacing the
    previous run's tables (``.old`` is there but no new manifest), the previous run put back."""
    old = out / OLD
    if old.is_dir():
        if not (out / MANIFEST).exists():
            for name in (*TABLES, MANIFEST):
                if (old / name).exists():
                    if (out / name).is_dir():
                        shutil.rmtree(out / name)
                    os.replace(old / name, out / name)
        shutil.rmtree(old)
    shutil.rmtree(out / STAGING, ignore_errors=True)
    for tmp in out.glob(f".{MANIFEST}.*.tmp"):  # a manifest whose writer was killed
        tmp.unlink()


def _publish(staging: Path, out: Path) -> None:
    """Put this run's tables in place of the previous run's (renames only: no space needed).

    The old manifest goes first, so no reader ever takes a mix of old and new tables for a
    finished run; :func:`_recover` undoes a publish that was interrupted.
    """
    old = out / OLD
    old.mkdir()
    for name in (MANIFEST, *TABLES):
        if (out / name).exists():
            os.replace(out / name, old / name)
    for name in TABLES:
        if (staging / name).exists():
            os.replace(staging / name, out / name)


def _client(workers: int, scheduler: str | None, processes: bool):
    """A Dask client: on the cluster at ``scheduler``, or on a new local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=CONNECT_TIMEOUT), None
        except (OSError, TimeoutError, ValueError) as error:
            raise CorpusError(
                None,
                f"cannot reach the Dask scheduler at {scheduler!r} ({error})",
                "Start it (dask scheduler) or check the address, e.g. tcp://HOST:8786.",
            ) from error
    import dask

    # The worker's sampling profiler walks the task thread's stack every 10 ms; on pure-Python
    # work it takes the GIL from the task for several per cent of the time. Nobody reads those
    # profiles here (no dashboard), so it is switched off for the local workers.
    with dask.config.set(WORKER_CONFIG):
        # No dashboard; its HTTP server (health checks) takes any free port, so several runs
        # on one machine do not collide on 8787.
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            scheduler_kwargs={"dashboard_address": ":0"},
        )
    return Client(cluster), cluster


def default_workers() -> int:
    """Worker processes for a local cluster: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def run_corpus(
    input: str | Path | Sequence[str | Path],
    out: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    sentences: bool = False,
    text_column: str = "text",
    id_column: str = "id",
    title_column: str = "title",
    source_column: str = "source",
    date_column: str = "date",
    url_column: str = "url",
    zones: Sequence[str] = ("body",),
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: bool = True,
    text_format: str = "body",
    processes: bool = True,
    max_bytes: int | None = None,
    actor_dictionary: str | Path | None = None,
    allow_language: bool = False,
) -> CorpusResult:
    """Analyse every article of ``input`` and write the corpus tables to ``out``.

    Args:
        input: a folder or glob of article files, or JSON Lines / CSV / Parquet table files
            (one article per row), or a list of these.
        out: the output folder (created; a previous run there is replaced).
        workers: local worker processes (default: the CPUs available); ``0`` runs in this
            process without Dask. Ignored with ``scheduler``.
        scheduler: address of an existing Dask scheduler (``tcp://HOST:PORT``).
        sentences: also write the ``sentences`` table.
        text_column, id_column, title_column, source_column, date_column, url_column: column
            (or JSON key) names in table inputs; only the text column is required.
        zones: the zones analysed (as for a single article).
        partition_size: articles per partition (per Dask task).
        progress: show a progress bar (tqdm, on stderr).
        text_format: how a row's text is read: ``body`` (the article body; the title comes from
            the title column) or ``txt``/``md``/``html`` (a whole page, zoned like a file).
        processes: local workers as processes (True) or threads of this process (False: for
            quick tests; the GIL makes it no faster than one worker).
        max_bytes: largest article accepted, in bytes.
        actor_dictionary: your own actor dictionary (YAML), added to the packaged one; it
            must be readable by the workers at the same path.
        allow_language: analyse articles that are not in English anyway (their rows carry the
            ``non-english`` warning); without it each is a ``failures`` row with
            ``UnsupportedLanguageError``.

    Raises:
        CorpusInputError: the input is missing, of an unsupported kind, or lacks the text
            column (the message lists the columns it has).
        DuplicateIdError: rows share an id (listed), checked before any work.
        CorpusError: the output path is a file, or the scheduler cannot be reached.
        DictionaryError: the actor dictionary cannot be used (checked before the run).
        ParameterError: a negative ``workers`` or an unknown zone or text format.
    """
    if workers is not None and workers < 0:
        raise ParameterError(f"workers must be 0 or more, not {workers}")
    option_values: dict[str, Any] = dict(
        text_column=text_column,
        id_column=id_column,
        title_column=title_column,
        source_column=source_column,
        date_column=date_column,
        url_column=url_column,
        text_format=text_format,
        zones=tuple(zones),
        sentences=sentences,
        allow_language=bool(allow_language),
    )
    if max_bytes is not None:
        option_values["max_bytes"] = max_bytes
    if actor_dictionary is not None and str(actor_dictionary).strip():
        # An absolute path, so that workers in other folders find it; loaded here once to
        # report a bad file before the run rather than once per article.
        option_values["actor_dictionary"] = str(resolve_path(actor_dictionary).resolve())
        dictionary_once(option_values["actor_dictionary"])
    options = CorpusOptions(**option_values)
    inputs = [input] if isinstance(input, str | Path) else list(input)
    parts = plan_partitions(inputs, options, partition_size)
    check_unique_ids(parts, options)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise CorpusError(out, "the output path is a file", "Pass a folder for --out.")
    with OutputLock(out, "article-analysis corpus"):
        try:
            return _run_locked(
                parts, inputs, options, out, workers, scheduler, processes, progress, partition_size
            )
        except OSError as error:
            try:
                _recover(out)  # the previous corpus back in place if it was being replaced
            except OSError:
                pass
            where = f" ({error.filename})" if error.filename else ""
            raise OutputWriteError(
                out,
                f"writing the corpus tables failed: {error.strerror or error}{where}",
                "Free some space (or fix the folder's permissions) and run again; the previous "
                "corpus in the folder, if any, is unchanged",
            ) from error


def _run_locked(
    parts: list[Partition],
    inputs: list,
    options: CorpusOptions,
    out: Path,
    workers: int | None,
    scheduler: str | None,
    processes: bool,
    progress: bool,
    partition_size: int,
) -> CorpusResult:
    """The run itself, once ``out`` is locked: tables are written to ``out/.staging`` and
    replace the previous run's only when the run completes (a failed or killed run leaves the
    previous corpus as it was)."""
    _recover(out)
    final, out = out, out / STAGING
    out.mkdir(parents=True)
    n_workers = default_workers() if workers is None else workers
    started = time.perf_counter()
    timing: dict[str, float] = {}
    if scheduler is None and n_workers == 0:
        summaries = list(_run_inline(parts, options, out, progress))
    else:
        summaries = list(
            _run_dask(parts, options, out, n_workers, scheduler, processes, progress, timing)
        )
    seconds = time.perf_counter() - started
    totals = {name: sum(s.get(name, 0) for s in summaries) for name in TABLES}
    errors: dict[str, int] = {}
    for summary in summaries:
        for kind, count in summary.get("errors_by_type", {}).items():
            errors[kind] = errors.get(kind, 0) + count
    worker_peaks = [s["peak_rss_mb"] for s in summaries if s.get("peak_rss_mb") is not None]
    result = CorpusResult(
        out=final,
        partitions=len(parts),
        articles=totals["articles"],
        failures=totals["failures"],
        actors=totals["actors"],
        sentences=totals["sentences"],
        seconds=seconds,
        workers=int(timing.get("workers", n_workers)),
        scheduler=scheduler,
        startup_seconds=timing.get("ready", started) - started if timing else 0.0,
        peak_worker_rss_mb=max(worker_peaks) if worker_peaks else None,
        peak_client_rss_mb=_peak_rss_mb(),
        errors_by_type=errors,
    )
    _publish(out, final)
    _write_manifest(result, inputs, options, partition_size)
    _recover(final)  # the previous run's tables, and the emptied staging folder, go
    return result


def _progress_bar(total: int, enabled: bool):
    # Plain tqdm: tqdm.auto wants ipywidgets in Jupyter (not a dependency) and warns without.
    from tqdm import tqdm

    return tqdm(total=total, unit="partition", disable=not enabled, desc="corpus", file=sys.stderr)


def _run_inline(parts: list[Partition], options: CorpusOptions, out: Path, progress: bool):
    """The plain loop: every partition in this process, one after the other."""
    with _progress_bar(len(parts), progress) as bar:
        for part in parts:
            summary = process_partition(part, options, str(out))
            bar.update(1)
            yield summary


def _run_dask(
    parts: list[Partition],
    options: CorpusOptions,
    out: Path,
    workers: int,
    scheduler: str | None,
    processes: bool,
    progress: bool,
    timing: dict[str, float],
):
    """Every partition as a Dask task; a task that dies becomes a ``partition`` failure.

    ``timing["ready"]`` is set to the clock when the cluster is up."""
    from distributed import as_completed

    client, cluster = _client(workers, scheduler, processes)
    timing["ready"] = time.perf_counter()
    timing["workers"] = len(client.scheduler_info().get("workers", {}))
    try:
        futures = client.map(process_partition, parts, options=options, out=str(out), pure=False)
        index = {future.key: part for future, part in zip(futures, parts, strict=True)}
        articles = failures = 0
        with _progress_bar(len(parts), progress) as bar:
            for future in as_completed(futures):
                try:
                    summary = future.result()
                except Exception as error:  # the worker died (memory, crash) on this partition
                    part = index[future.key]
                    row = failure_row(
                        error,
                        input_id=None,
                        origin=part.label,
                        partition=part.index,
                        stage="partition",
                    )
                    _write_part(out, "failures", part.index, [row])
                    summary = {
                        "partition": part.index,
                        "failures": 1,
                        "errors_by_type": {row["error_type"]: 1},
                    }
                future.release()
                articles += summary.get("articles", 0)
                failures += summary.get("failures", 0)
                bar.set_postfix(articles=articles, failures=failures, refresh=False)
                bar.update(1)
                yield summary
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _write_manifest(
    result: CorpusResult, inputs: list, options: CorpusOptions, partition_size: int
) -> None:
    manifest = {
        "schema": CORPUS_SCHEMA,
        "record_schema": SCHEMA,
        "generator": f"article-analysis {__version__}",
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "input": [str(p) for p in inputs],
        "options": {
            **asdict(options),
            "zones": list(options.zones),
            "partition_size": partition_size,
        },
        "workers": result.workers,
        "scheduler": result.scheduler,
        "partitions": result.partitions,
        "counts": {
            "articles": result.articles,
            "failures": result.failures,
            "actors": result.actors,
            "sentences": result.sentences,
        },
        "errors_by_type": result.errors_by_type,
        "seconds": round(result.seconds, 3),
        "tables": [name for name in TABLES if (result.out / name).is_dir()],
    }
    write_text_atomic(result.out / MANIFEST, json.dumps(manifest, indent=2) + "\n")


# --------------------------------------------------------------------------- reading back


def is_corpus_dir(path: str | Path) -> bool:
    """True if ``path`` holds a finished corpus run (its manifest exists)."""
    return (Path(path) / MANIFEST).is_file()


def read_table(out: str | Path, name: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """One corpus table as a DataFrame with its fixed columns (empty if it has no rows)."""
    import pyarrow.dataset as ds

    if name not in SCHEMAS:
        raise ParameterError(f"unknown corpus table {name!r}; choose from {', '.join(TABLES)}")
    schema = SCHEMAS[name]
    folder = Path(out) / name
    files = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    table = (
        ds.dataset([str(f) for f in files], schema=schema, format="parquet").to_table(
            columns=list(columns) if columns else None
        )
        if files
        else pa.Table.from_pylist([], schema=schema)
    )
    if columns and not files:
        table = table.select(list(columns))
    return table.to_pandas()


def read_corpus(out: str | Path) -> CorpusTables:
    """Read a corpus output folder (all four tables and the manifest).

    Raises:
        CorpusError: the folder holds no finished corpus run.
    """
    out = Path(out)
    if not is_corpus_dir(out):
        raise CorpusError(
            out,
            f"this is not a corpus output folder (no {MANIFEST})",
            "Run `article-analysis corpus INPUT --out FOLDER` first, or pass the folder it wrote.",
        )
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    return CorpusTables(*(read_table(out, name) for name in TABLES), manifest=manifest)


def ensure_corpus(
    corpus_dir: str | Path,
    input_path: str | Path | Sequence[str | Path],
    *,
    workers: int = 0,
    **options: Any,
) -> Path:
    """The corpus folder ``corpus_dir``, built from ``input_path`` first if it holds no finished
    run (for notebooks: their default corpus works out of the box).

    Relative paths are tried from the current folder, then from the project folder (as
    :func:`analysis.paths.resolve_path`); a new corpus is written under the project folder.
    ``options`` go to :func:`run_corpus`.
    """
    found = resolve_path(corpus_dir)
    if is_corpus_dir(found):
        return found
    folder = resolve_output_dir(corpus_dir)
    if not is_corpus_dir(folder):
        inputs = [input_path] if isinstance(input_path, str | Path) else list(input_path)
        sources = [resolve_path(p) for p in inputs]
        logger.info("no corpus in %s yet; analysing %s", folder, ", ".join(map(str, sources)))
        options.setdefault("progress", False)
        run_corpus(sources, folder, workers=workers, **options)
    return folder
