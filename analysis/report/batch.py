"""Batch reports: every article through every report notebook, in parallel, safely.

For each article the batch writes ``<out>/<article-id>/``::

    record.json                 the result record
    tables/*.csv                tidy tables built from the record
    summary.html                the dossier: key figures, actors, quotes, warnings, links
    <notebook>.html             each notebook exported to HTML (code hidden unless show_code)
    notebooks/<notebook>.ipynb  the executed notebooks
    figures/                    what the notebooks saved (PNG and SVG figures, CSV tables)
    .manifest.json              what the report was built from: its source file, when it was
                                made, fingerprints (for skipping unchanged work), an index row

and ``<out>/index.html`` lists every report in ``out`` (from the manifests, with when each was
made, this run's first) and this run's failures.

Safety: an article's folder is assembled in ``<out>/.staging/`` and moved into place only when
all its work is done, so an interrupted run never leaves half a report; a failing article or
notebook is recorded and the others go on; article ids are slugs, so no name can leave ``out``.
A lock (:class:`analysis.lock.OutputLock`) stops a second run on the same ``out``. A write that
fails (a full disk) stops the run with :class:`OutputWriteError`; the reports already published
stay as they were.

Folders: an article's folder is the one its source file already has in ``out`` (the manifest
names the source); else its id (:func:`analysis.article.slugify` of the file name, every script
transliterated) when that folder is free; else the id with a suffix made from the source path
(``article-1a2b3c4d``), the same on every run. A folder is replaced only by a report of the
same source (or, for a manifest written before sources were recorded, of the same text).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..actors.dictionary import load_dictionary
from ..actors.shared_mentions import ENV_MENTIONS, sharing_mentions
from ..article import (
    MAX_ARTICLE_BYTES,
    SUPPORTED_SUFFIXES,
    Article,
    load_article,
    normalise_zones,
)
from ..atomic import write_text_atomic
from ..errors import ArticleAnalysisError, ArticleNotFoundError, OutputWriteError
from ..lock import OutputLock
from ..log import logger
from ..outputs import write_csv
from ..paths import PROJECT_DIR, code_digest, expand_paths, resolve_path
from ..record import build_record
from .index_page import write_index
from .pages import PageContext
from .runner import (
    NotebookOutcome,
    default_jobs,
    kernel_environment,
    notebook_parameters,
    prepare_workers,
    report_notebooks,
    run_notebook,
    split_parameters,
)
from .summary_page import write_summary
from .tables import record_tables

STAGING = ".staging"
MANIFEST = ".manifest.json"
#: Inside the staging folder: the actor mentions shared by the record and the kernels.
MENTIONS_FOLDER = ".mentions"  # a dot: never an article id


@dataclass
class ArticleReport:
    """The outcome of one article in a batch."""

    source: str
    article_id: str | None = None
    title: str | None = None
    folder: str | None = None
    skipped: bool = False
    record: dict[str, Any] | None = None
    notebooks: dict[str, NotebookOutcome] = field(default_factory=dict)
    error: str | None = None  # the article could not be read or analysed at all
    made: str | None = None  # when its published report was made (UTC, ISO 8601)
    earlier_run: bool = False  # a report in ``out`` that this run did not touch

    @property
    def failures(self) -> list[dict[str, Any]]:
        """One row per failure: article, notebook, cell, error."""
        rows = []
        if self.error:
            rows.append(
                {
                    "article": self.source,
                    "notebook": "(reading the article)",
                    "cell": None,
                    "error": self.error,
                }
            )
        for outcome in self.notebooks.values():
            if not outcome.ok:
                rows.append(
                    {
                        "article": self.source,
                        "notebook": outcome.notebook,
                        "cell": outcome.cell,
                        "error": f"{outcome.error_name}: {outcome.error}",
                    }
                )
        return rows


@dataclass
class BatchResult:
    """Everything a batch did; ``ok`` is False when anything failed."""

    out: Path
    articles: list[ArticleReport]
    seconds: float

    @property
    def failures(self) -> list[dict[str, Any]]:
        return [row for article in self.articles for row in article.failures]

    @property
    def ok(self) -> bool:
        return not self.failures


def _sha256_file(path: Path) -> str:
    return _sha256_cached(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=64)
def _sha256_cached(path: str, mtime_ns: int) -> str:
    """A notebook is hashed once per batch, not once per article (mtime guards edits)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _fingerprint(
    article: Article,
    notebook: Path | None,
    parameters: dict[str, Any],
    zones: list[str],
    show_code: bool,
) -> str:
    """What a piece of a report depends on: article bytes, notebook, parameters, package."""
    key = {
        "article": article.sha256,
        "notebook": _sha256_file(notebook) if notebook else None,
        "parameters": parameters,
        "zones": zones,
        "show_code": show_code,
        "package": code_digest(),
    }
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()


def _source_key(source: str | Path) -> str:
    """What identifies an article's source across runs: its absolute, resolved path."""
    return str(Path(source).resolve())


def _published(out: Path) -> dict[str, dict[str, Any]]:
    """Every report folder in ``out`` with its manifest (folders without one are not reports)."""
    found = {}
    for child in sorted(out.iterdir()) if out.is_dir() else []:
        if child.is_dir() and not child.name.startswith("."):
            manifest = _read_manifest(child)
            if manifest:
                found[child.name] = manifest
    return found


def _assign_ids(
    loaded: list[tuple[ArticleReport, Article]], out: Path, published: dict[str, dict[str, Any]]
) -> list[str]:
    """The folder (article id) of each article; see the module docstring for the rule."""
    by_source = {m["source"]: name for name, m in published.items() if m.get("source")}
    ids: list[str] = []
    for report, article in loaded:
        source = _source_key(report.source)
        name = by_source.get(source)
        if name is None or name in ids:
            name = article.id
            digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
            width = 8
            while name in ids or not _may_replace(out / name, published.get(name), source, article):
                name = f"{article.id}-{digest[:width]}"
                width += 8
                if width > len(digest):  # pragma: no cover (a sha256 collision)
                    raise AssertionError(f"no free folder for {source}")
        ids.append(name)
    return ids


def _may_replace(
    folder: Path, manifest: dict[str, Any] | None, source: str, article: Article
) -> bool:
    """True when ``folder`` is free or holds a report of the same source."""
    if not folder.exists() and not folder.is_symlink():
        return True
    if not manifest:
        return False  # not a report (or not ours): never overwritten
    if manifest.get("source"):
        return manifest["source"] == source
    return manifest.get("article") == article.sha256  # a manifest from before sources


def _read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a published report, or {} if it is missing or damaged."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _read_record(folder: Path) -> dict[str, Any] | None:
    """The record of a published report, or None if it is missing or damaged."""
    try:
        record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _publish(staging: Path, target: Path) -> None:
    """Move a finished staging folder into place, replacing the old report in two renames."""
    old = None
    if target.exists():
        old = staging.parent / f"{target.name}.old-{os.getpid()}-{time.time_ns()}"
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _recover(staging_root: Path, out: Path) -> None:
    """Clear what an interrupted run left in staging, first putting back any old report that
    was moved aside and not yet replaced (a run killed between the two renames)."""
    for tmp in out.glob(".*.tmp"):  # an index page whose writer was killed half-way
        tmp.unlink(missing_ok=True)
    if not staging_root.exists():
        return
    for old in staging_root.glob("*.old-*"):
        target = out / old.name.split(".old-", 1)[0]
        if not target.exists():
            os.replace(old, target)
    shutil.rmtree(staging_root, ignore_errors=True)


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    notebooks: list[str] | None = None,
    parameters: dict[str, Any] | None = None,
    jobs: int | None = None,
    zones: Iterable[str] = ("body",),
    show_code: bool = False,
    force: bool = False,
    progress: bool = True,
    max_bytes: int = MAX_ARTICLE_BYTES,
    allow_language: bool = False,
) -> BatchResult:
    """Write reports for the articles named by ``paths`` (files, folders, globs) into ``out``.

    Parameters are checked before anything runs (unknown names raise ParameterError).
    ``jobs`` (default: one more than the cores) notebooks run at once, across articles.
    Unchanged reports (same article bytes, notebook, parameters, package version) are
    skipped unless ``force``. ``allow_language`` analyses articles that are not in English
    anyway (the record and the notebooks' ``allow_language`` parameter); without it such an
    article fails with ``UnsupportedLanguageError``.
    """
    started = time.perf_counter()
    out = Path(out).resolve()
    zone_list = normalise_zones(zones)
    selected = report_notebooks(notebooks)
    parameters = dict(parameters or {})
    if parameters.get("actor_dictionary"):  # kernels run elsewhere: pass an absolute path
        parameters["actor_dictionary"] = str(resolve_path(parameters["actor_dictionary"]).resolve())
    per_notebook = split_parameters(selected, parameters)
    files = expand_paths(paths, SUPPORTED_SUFFIXES, ArticleNotFoundError)
    jobs = max(1, jobs or default_jobs())
    # The record uses the same actor dictionary as the notebooks (checked before any work).
    dictionary_path = parameters.get("actor_dictionary") or None
    dictionary = load_dictionary(dictionary_path)
    record_key = {
        "actor_dictionary": _sha256_file(resolve_path(dictionary_path))
        if dictionary_path
        else None,
        "allow_language": bool(allow_language),
    }

    out.mkdir(parents=True, exist_ok=True)
    with OutputLock(out, "article-analysis report"):
        try:
            reports = _run_locked(
                files,
                out,
                selected,
                parameters,
                per_notebook,
                jobs,
                zone_list,
                show_code,
                force,
                progress,
                max_bytes,
                dictionary,
                record_key,
            )
        except OSError as error:
            _recover(out / STAGING, out)  # put back any report moved aside; clear staging
            raise _write_error(out, error) from error
    return BatchResult(out, reports, time.perf_counter() - started)


def _write_error(out: Path, error: OSError) -> OutputWriteError:
    where = f" ({error.filename})" if error.filename else ""
    return OutputWriteError(
        out,
        f"writing the reports failed: {error.strerror or error}{where}",
        "Free some space (or fix the folder's permissions) and run again; the reports "
        "already in the folder are unchanged",
    )


def _run_locked(
    files: list[Path],
    out: Path,
    selected: list[Path],
    parameters: dict[str, Any],
    per_notebook: dict[str, dict[str, Any]],
    jobs: int,
    zone_list: list[str],
    show_code: bool,
    force: bool,
    progress: bool,
    max_bytes: int,
    dictionary: Any,
    record_key: dict[str, Any],
) -> list[ArticleReport]:
    """The batch itself, once ``out`` is locked; returns every article's outcome.

    ``record_key`` (what the record depends on besides the article: the actor dictionary,
    ``allow_language``) is part of every fingerprint."""
    allow_language = record_key["allow_language"]
    staging_root = out / STAGING
    _recover(staging_root, out)
    staging_root.mkdir()

    reports: list[ArticleReport] = []
    loaded: list[tuple[ArticleReport, Article]] = []
    for path in files:
        report = ArticleReport(source=str(path))
        try:
            article = load_article(path, max_bytes=max_bytes)
        except ArticleAnalysisError as error:
            report.error = str(error)
            logger.error("%s", error)
        except Exception as error:  # a bug or an OS surprise: this article fails, not the batch
            report.error = f"{path}: unexpected {type(error).__name__}: {error}"
            logger.error("%s", report.error)
        else:
            report.title = article.title
            loaded.append((report, article))
        reports.append(report)

    work: list[_Work] = []
    published = _published(out)
    for (report, article), article_id in zip(
        loaded, _assign_ids(loaded, out, published), strict=True
    ):
        report.article_id = article_id
        target = out / article_id
        report.folder = str(target)
        manifest = published.get(article_id, {})
        wanted = {"record": _fingerprint(article, None, record_key, zone_list, show_code)}
        for nb in selected:
            wanted[nb.stem] = _fingerprint(
                article, nb, {**per_notebook[nb.stem], **record_key}, zone_list, show_code
            )
        todo = [
            nb
            for nb in selected
            if force
            or manifest.get(nb.stem) != wanted[nb.stem]
            or not (target / f"{nb.stem}.html").exists()
        ]
        if not force and not todo and manifest.get("record") == wanted["record"]:
            report.record = _read_record(target)
            if report.record is not None:
                report.skipped = True
                continue
        staging = staging_root / article_id
        same_article = manifest.get("article") == article.sha256 and manifest.get(
            "source", _source_key(report.source)
        ) == _source_key(report.source)
        if target.exists() and same_article:  # keep the notebooks this run does not redo
            shutil.copytree(target, staging)
        else:  # pages of another text (or of unknown origin) must not survive
            staging.mkdir()
        redo = {nb.stem for nb in todo}
        kept = (
            {k: v for k, v in manifest.items() if k not in ("record", "article", *redo)}
            if same_article
            else {}
        )
        work.append(_Work(report, article, staging, todo, wanted, kept))

    tasks = [
        (
            w.report,
            w.staging,
            nb,
            _notebook_parameters(w, nb, zone_list, allow_language, per_notebook),
        )
        for w in work
        for nb in w.todo
    ]
    with _NotebookPool(tasks, jobs, staging_root, show_code, progress) as pool:
        # The records are built here while the pool's kernels start and run; their mentions
        # are shared with the kernels (actors.shared_mentions).
        with sharing_mentions(staging_root / MENTIONS_FOLDER):
            for w in work:
                _write_record(w, dictionary, zone_list, allow_language)
        pool.wait()

    for w in work:
        if w.report.error:  # the record failed: nothing of this article is published
            shutil.rmtree(w.staging, ignore_errors=True)
            continue
        w.report.made = datetime.now(UTC).isoformat(timespec="seconds")
        manifest = dict(
            w.kept,
            record=w.wanted["record"],
            article=w.article.sha256,
            source=_source_key(w.report.source),
            id=w.report.article_id,
            title=w.article.title,
            made=w.report.made,
            index=_index_summary(w.report.record),
        )
        for nb in w.todo:
            outcome = w.report.notebooks.get(nb.stem)
            if outcome and outcome.ok:
                manifest[nb.stem] = w.wanted[nb.stem]
            else:  # no stale page may stand in for a notebook that failed this time
                (w.staging / f"{nb.stem}.html").unlink(missing_ok=True)
        write_summary(
            w.staging,
            w.report.record,
            {**parameters, "include_zones": zone_list, "allow_language": allow_language},
        )
        write_text_atomic(w.staging / MANIFEST, json.dumps(manifest))
        _publish(w.staging, out / w.report.article_id)

    shutil.rmtree(staging_root, ignore_errors=True)
    listed = _index_entries(out, reports)
    write_index(
        out,
        listed,
        [row for article in reports for row in article.failures],
        {**parameters, "include_zones": zone_list, "allow_language": allow_language},
    )
    return reports


def _index_summary(record: dict[str, Any] | None) -> dict[str, Any]:
    """The few record values the index shows, kept in the manifest so that the index can list
    every report in ``out`` without reading every record."""
    record = record or {}
    stats = record.get("stats") or {}
    actors = sorted(
        record.get("actors") or [],
        reverse=True,
        key=lambda a: sum(v for v in (a.get("mentions") or {}).values() if isinstance(v, int)),
    )
    grade = (stats.get("readability_grade") or {}).get("median_grade")
    return {
        "article": {"sha256": (record.get("article") or {}).get("sha256")},
        "stats": {"words": stats.get("words"), "readability_grade": {"median_grade": grade}},
        "sentiment": {
            "article": {
                "mean_compound": ((record.get("sentiment") or {}).get("article") or {}).get(
                    "mean_compound"
                )
            },
            "news_tone": {
                "mean": ((record.get("sentiment") or {}).get("news_tone") or {}).get("mean")
            },
        },
        "actors": [
            {"id": a.get("id"), "name": a.get("name"), "mentions": a.get("mentions")}
            for a in actors[:3]
        ],
    }


def _index_entries(out: Path, reports: list[ArticleReport]) -> list[ArticleReport]:
    """What the index lists: this run's articles (in input order), then every other report in
    ``out``, newest first, from their manifests."""
    published = _published(out)
    listed = list(reports)
    for report in reports:
        if report.article_id in published:
            report.made = published[report.article_id].get("made")
    mine = {r.article_id for r in reports if r.article_id}
    others = [(name, m) for name, m in published.items() if name not in mine]
    others.sort(key=lambda item: str(item[1].get("made") or ""), reverse=True)
    for name, manifest in others:
        listed.append(
            ArticleReport(
                source=str(manifest.get("source") or name),
                article_id=name,
                title=manifest.get("title"),
                folder=str(out / name),
                record=manifest.get("index") if isinstance(manifest.get("index"), dict) else None,
                made=manifest.get("made"),
                earlier_run=True,
            )
        )
    return listed


@dataclass
class _Work:
    """An article whose report is being (re)built in ``staging``."""

    report: ArticleReport
    article: Article
    staging: Path
    todo: list[Path]  # notebooks to run
    wanted: dict[str, str]  # fingerprints of the record and of every selected notebook
    kept: dict[str, str]  # manifest entries of notebooks kept from the old report


def _notebook_parameters(
    work: _Work,
    notebook: Path,
    zones: list[str],
    allow_language: bool,
    per_notebook: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """What the runner injects (article, output folder, zones, allow_language) plus the user's
    parameters, limited to the names the notebook declares."""
    params = {
        "article_path": str(Path(work.report.source).resolve()),
        "output_dir": str(work.staging / "figures"),
        "include_zones": zones,
        "allow_language": allow_language,
        **per_notebook[notebook.stem],
    }
    declared = notebook_parameters(notebook)
    return {k: v for k, v in params.items() if k in declared}


def _write_record(work: _Work, dictionary: Any, zones: list[str], allow_language: bool) -> None:
    """Build the result record and its CSV tables into the staging folder.

    An analysis that fails is this article's failure; a write that fails (OSError: a full
    disk) stops the run, since every later write would fail too.
    """
    try:
        work.report.record = build_record(
            work.article, zones, dictionary, allow_language=allow_language
        )
    except Exception as error:  # recorded for this article; the batch goes on
        work.report.error = (
            str(error)
            if isinstance(error, ArticleAnalysisError)
            else f"{work.report.source}: analysis failed: {type(error).__name__}: {error}"
        )
        logger.error("%s", work.report.error)
        return
    write_text_atomic(
        work.staging / "record.json", json.dumps(work.report.record, ensure_ascii=False, indent=2)
    )
    for name, table in record_tables(work.report.record).items():
        write_csv(table, work.staging / "tables" / f"{name}.csv")


class _NotebookPool:
    """Runs (article, notebook) tasks on a process pool with one progress bar.

    Entering submits every task; :meth:`wait` collects the outcomes into each article's
    ``notebooks``. Kernels run in this interpreter (see :func:`kernel_environment`); the
    environment that says so is passed to each task, never set in this process.
    """

    def __init__(
        self,
        tasks: list[tuple[ArticleReport, Path, Path, dict[str, Any]]],
        jobs: int,
        staging_root: Path,
        show_code: bool,
        progress: bool,
    ) -> None:
        self.tasks = tasks
        self.jobs = jobs
        self.staging_root = staging_root
        self.show_code = show_code
        self.progress = progress
        self.futures: dict[Future[NotebookOutcome], tuple[ArticleReport, Path]] = {}
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _NotebookPool:
        if not self.tasks:
            return self
        env = kernel_environment(Path(tempfile.mkdtemp(prefix="kernels-", dir=self.staging_root)))
        # The kernels read the mentions the record (or another kernel) already detected.
        env[ENV_MENTIONS] = str(self.staging_root / MENTIONS_FOLDER)
        prepare_workers(self.show_code)
        self.pool = ProcessPoolExecutor(max_workers=min(self.jobs, len(self.tasks)))
        for report, staging, notebook, params in self.tasks:
            page = PageContext(article_id=report.article_id, headline=report.title)
            future = self.pool.submit(
                run_notebook, notebook, staging, params, self.show_code, PROJECT_DIR, env, page
            )
            self.futures[future] = (report, notebook)
        return self

    def wait(self) -> None:
        from tqdm.auto import tqdm

        with tqdm(
            total=len(self.futures),
            desc="reports",
            unit="notebook",
            file=sys.stderr,
            disable=not self.progress or not self.futures,
        ) as bar:
            for future in as_completed(self.futures):
                report, notebook = self.futures[future]
                try:
                    outcome = future.result()
                except Exception as error:  # the worker process itself died
                    outcome = NotebookOutcome(
                        notebook.stem, False, 0.0, error_name=type(error).__name__, error=str(error)
                    )
                report.notebooks[notebook.stem] = outcome
                if not outcome.ok:
                    bar.write(
                        f"error: {report.source}: {notebook.stem} failed"
                        + (f" in cell {outcome.cell}" if outcome.cell else "")
                        + f": {outcome.error_name}: {outcome.error}",
                        file=sys.stderr,
                    )
                bar.update()

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:
            # On an interrupt, do not start queued notebooks; running ones finish or die.
            self.pool.shutdown(wait=True, cancel_futures=exc_info[0] is not None)
