"""Run one project notebook with papermill and export it to HTML with nbconvert.

This is the unit of work of a batch report (:mod:`analysis.report`): it runs in a worker
process, writes only inside the folder it is given and returns a small, picklable outcome.

Kernels talk to papermill over Unix domain sockets with a path of their own
(:class:`IPCKernelManager`), so notebooks started at the same moment in parallel processes never
pick the same TCP port ("Address already in use", "Kernel died before replying to
kernel_info"); where IPC is not available (Windows), a kernel that dies while starting is
started again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomic
from ..errors import ParameterError
from ..paths import NOTEBOOKS_DIR, RESOURCES_DIR
from .pages import PageContext, notebook_resources

KERNEL_NAME = "python3"
#: Parameters the batch runner sets itself for every article.
RESERVED_PARAMETERS = frozenset({"article_path", "output_dir", "include_zones", "allow_language"})
#: Longest a single notebook cell may run in a batch before the notebook is failed.
CELL_TIMEOUT_SECONDS = 600
#: Times a notebook is tried when its kernel dies while starting (before any cell ran).
KERNEL_START_ATTEMPTS = 3
_KERNEL_START_FAILURES = (
    "Kernel died before replying to kernel_info",
    "Address already in use",
    "Kernel didn't respond",
)


def default_jobs() -> int:
    """Notebooks run at once by default: one more than the cores, since a kernel waits while
    it starts and while its output is exported, and a lone last notebook would leave the
    other cores idle."""
    return (os.cpu_count() or 1) + 1


def _ipc_kernel_manager() -> type:
    """:class:`jupyter_client.AsyncKernelManager` on IPC transport, each kernel with socket
    paths of its own (imported on first use: jupyter_client is slow to import)."""
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        """A kernel reached over Unix domain sockets ``<tmp>/aa-<random>-<n>``: unlike TCP
        ports chosen by binding and releasing port 0, these paths cannot be taken by a
        kernel that another process starts at the same moment."""

        def __init__(self, **kwargs: Any) -> None:
            kwargs.setdefault("transport", "ipc")
            kwargs.setdefault(
                "ip", os.path.join(tempfile.gettempdir(), f"aa-{uuid.uuid4().hex[:16]}")
            )
            super().__init__(**kwargs)

    return IPCKernelManager


@lru_cache(maxsize=1)
def kernel_manager_class() -> type | None:
    """The kernel manager class batch runs use: :class:`IPCKernelManager` where Unix domain
    sockets exist, else None (the default TCP manager, with start retries)."""
    return _ipc_kernel_manager() if hasattr(os, "fork") and os.name == "posix" else None


@dataclass(frozen=True)
class NotebookOutcome:
    """What happened to one notebook of one article.

    ``error`` is ``None`` on success; otherwise ``cell`` (1-based code-cell number, if the
    failure happened in a cell), ``error_name`` and ``error`` describe it.
    """

    notebook: str
    ok: bool
    seconds: float
    html: str | None = None
    cell: int | None = None
    error_name: str | None = None
    error: str | None = None


def report_notebooks(names: list[str] | None = None) -> list[Path]:
    """The notebooks a report runs: those in ``notebooks/`` that take an ``article_path``.

    ``names`` picks some of them by file name, stem or number prefix (``01``, ``02_sentiment``,
    ``03_actors.ipynb``), or names a notebook file of the user's own; ``[]`` picks none
    (records and tables only).
    """
    available = [
        p for p in sorted(NOTEBOOKS_DIR.glob("*.ipynb")) if "article_path" in notebook_parameters(p)
    ]
    if names is None:
        return available
    chosen: list[Path] = []
    for name in names:
        if name.endswith(".ipynb") and Path(name).is_file():  # a notebook of the user's own
            if "article_path" not in notebook_parameters(Path(name)):
                raise ParameterError(
                    f"{name} declares no 'article_path' parameter, so it "
                    "cannot be run per article; add one to its parameters cell"
                )
            chosen.append(Path(name).resolve())
            continue
        key = name.removesuffix(".ipynb")
        matches = [p for p in available if p.stem == key or p.stem.split("_", 1)[0] == key]
        if not matches:
            raise ParameterError(
                f"no report notebook {name!r}; choose from: " + ", ".join(p.stem for p in available)
            )
        chosen.extend(m for m in matches if m not in chosen)
    return chosen


def skip_unused_format_checker() -> None:
    """Keep jsonschema from importing ``rfc3987_syntax`` in this process.

    nbformat imports jsonschema, which imports ``rfc3987_syntax`` at once for its "iri"
    format checks; that module builds some 35 Earley parsers on import, 1.5–2 s in every
    process that reads a notebook (jsonschema issue 1428). Neither the notebook schema nor the
    record schema uses those formats (and format checks are off by default), so the batch's
    processes do without: they would only be checked as unknown formats are, not at all.
    Does nothing once jsonschema is imported.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


@lru_cache(maxsize=32)
def _parameters_cached(path: str, mtime: float) -> dict[str, dict[str, Any]]:
    skip_unused_format_checker()
    import papermill

    return dict(papermill.inspect_notebook(path))


def notebook_parameters(path: Path) -> dict[str, dict[str, Any]]:
    """The parameters a notebook declares (name → papermill's description of it)."""
    return _parameters_cached(str(path), path.stat().st_mtime)


def split_parameters(
    notebooks: list[Path], parameters: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Give each notebook the parameters it declares; reject names no notebook declares.

    Raises:
        ParameterError: listing the valid names of each notebook.
    """
    reserved = sorted(set(parameters) & RESERVED_PARAMETERS)
    if reserved:
        raise ParameterError(
            f"{', '.join(map(repr, reserved))} cannot be set with -p: the runner sets the "
            "article path and output folder of each report; use --zones for the zones and "
            "--allow-language (allow_language=True) for text that is not in English"
        )
    declared = {nb.stem: set(notebook_parameters(nb)) for nb in notebooks}
    if parameters and not notebooks:
        raise ParameterError("parameters were given but no report notebook is selected")
    unknown = [name for name in parameters if not any(name in d for d in declared.values())]
    if unknown:
        valid = "; ".join(f"{stem}: {', '.join(sorted(names))}" for stem, names in declared.items())
        raise ParameterError(
            f"unknown parameter(s) {', '.join(map(repr, unknown))}. Valid names — {valid}"
        )
    return {
        stem: {k: v for k, v in parameters.items() if k in names}
        for stem, names in declared.items()
    }


def kernel_environment(folder: Path) -> dict[str, str]:
    """Environment variables that make ``python3`` mean *this* interpreter's kernel.

    A kernelspec written to ``folder`` comes first on ``JUPYTER_PATH``, so a fresh setup never
    fails with NoSuchKernel and never picks up a kernel of another Python.
    """
    spec_dir = folder / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    # No IPython history: parallel kernels would share (and lock) one sqlite file for nothing.
    spec = {
        "argv": [
            sys.executable,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--HistoryManager.enabled=False",
        ],
        "display_name": "article-analysis (Python 3)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    paths = [str(folder)] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    return {"JUPYTER_PATH": os.pathsep.join(paths)}


@lru_cache(maxsize=2)
def _exporter(show_code: bool) -> Any:
    """One HTML exporter per worker process (its templates and styles are loaded once)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        extra_template_basedirs=[str(RESOURCES_DIR / "templates")],
        template_name="report",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def prepare_workers(show_code: bool = False) -> None:
    """Import what every worker needs (papermill, nbconvert and its HTML exporter with its
    templates) once, in this process, before the pool starts its workers: where workers are
    forked (Linux) they share it instead of each paying for it, about a second apiece."""
    skip_unused_format_checker()
    import papermill  # noqa: F401  (imported for the workers it is forked into)

    _exporter(show_code)


def export_html(
    notebook_path: Path, html_path: Path, show_code: bool = False, page: PageContext | None = None
) -> None:
    """Export an executed notebook to a self-contained HTML page (code hidden by default).

    The page gets a real title, a link back to the index and to the article's dossier, and
    the run metadata (``page``; by default the parameters papermill recorded in the notebook).
    """
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    page = page or PageContext()
    if not page.parameters:
        injected = notebook.metadata.get("papermill", {}).get("parameters") or {}
        page = replace(page, parameters=dict(injected))
    stem = notebook_path.stem.removesuffix(".failed")
    body, _ = _exporter(show_code).from_notebook_node(
        notebook, resources=notebook_resources(page, stem)
    )
    write_text_atomic(html_path, body)


def page_parameters(notebook: Path, injected: dict[str, Any]) -> dict[str, Any]:
    """The parameters a notebook page ran with, as its metadata shows them: every declared
    parameter with its default, overridden by what was injected, without the paths the
    runner sets (the article is shown on its own; the output folder is the report's)."""
    import ast

    shown: dict[str, Any] = {}
    for name, info in notebook_parameters(notebook).items():
        try:
            shown[name] = ast.literal_eval(str(info.get("default")))
        except (ValueError, SyntaxError):
            shown[name] = info.get("default")
    shown.update(injected)
    for name in ("article_path", "output_dir"):
        shown.pop(name, None)
    return shown


def _file_sha256(path: str | None) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else None
    except OSError:
        return None


def run_notebook(
    notebook: Path,
    folder: Path,
    parameters: dict[str, Any],
    show_code: bool = False,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    page: PageContext | None = None,
) -> NotebookOutcome:
    """Execute ``notebook`` into ``folder/notebooks/`` and export ``folder/<stem>.html``.

    ``env`` (e.g. :func:`kernel_environment`) is set in this process before the kernel starts.
    ``page`` says what the HTML page tells about the run (article, headline); the parameters
    and the article's hash are filled in here. Never raises for a failing notebook: the
    failure is returned in the outcome, and the executed notebook (with its error) is kept
    beside the others as ``<stem>.failed.ipynb``, with the kernel's standard error as
    ``<stem>.failed.log``.
    """
    import time

    skip_unused_format_checker()  # before papermill imports nbformat
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    if env:  # set in the worker process itself, whatever the pool's start method
        os.environ.update(env)
    executed_dir = folder / "notebooks"
    executed_dir.mkdir(parents=True, exist_ok=True)
    executed = executed_dir / notebook.name
    failed = executed.with_suffix(".failed.ipynb")
    try:
        with tempfile.TemporaryDirectory(prefix="nb-", dir=folder) as scratch:
            partial = Path(scratch) / notebook.name
            kernel_log = Path(scratch) / "kernel.log"
            try:
                with _stderr_to(kernel_log):  # the kernel's chatter stays off the console
                    _execute(notebook, partial, parameters, cwd)
            except BaseException:
                if partial.exists():
                    os.replace(partial, failed)
                if kernel_log.exists() and kernel_log.stat().st_size:
                    os.replace(kernel_log, failed.with_suffix(".log"))
                raise
            os.replace(partial, executed)
        failed.unlink(missing_ok=True)  # leftovers of an earlier failed run
        failed.with_suffix(".log").unlink(missing_ok=True)
        html = folder / f"{notebook.stem}.html"
        page = page or PageContext()
        article_path = parameters.get("article_path")
        page = replace(
            page,
            parameters=page_parameters(notebook, parameters),
            source=page.source or article_path,
            sha256=page.sha256 or _file_sha256(article_path),
        )
        export_html(executed, html, show_code, page)
    except PapermillExecutionError as error:
        return NotebookOutcome(
            notebook.stem,
            False,
            time.perf_counter() - started,
            cell=_code_cell_number(failed, error.cell_index),
            error_name=error.ename,
            error=_one_line(error.evalue),
        )
    except Exception as error:  # a kernel that died, a bad template…: recorded, never fatal
        return NotebookOutcome(
            notebook.stem,
            False,
            time.perf_counter() - started,
            error_name=type(error).__name__,
            error=_one_line(str(error)),
        )
    return NotebookOutcome(notebook.stem, True, time.perf_counter() - started, html=html.name)


def _execute(notebook: Path, output: Path, parameters: dict[str, Any], cwd: Path | None) -> None:
    """papermill, with a kernel on its own IPC sockets; a kernel that dies while starting is
    started again (up to :data:`KERNEL_START_ATTEMPTS` times)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    manager = kernel_manager_class()
    options = {"kernel_manager_class": manager} if manager is not None else {}
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            papermill.execute_notebook(
                str(notebook),
                str(output),
                parameters=parameters,
                kernel_name=KERNEL_NAME,
                progress_bar=False,
                cwd=str(cwd) if cwd else None,
                request_save_on_cell_execute=False,  # one write at the end
                execution_timeout=CELL_TIMEOUT_SECONDS,
                **options,
            )
            return
        except PapermillExecutionError:
            raise
        except Exception as error:
            if attempt == KERNEL_START_ATTEMPTS or not any(
                text in str(error) for text in _KERNEL_START_FAILURES
            ):
                raise
            print(f"kernel failed to start ({error}); starting it again", file=sys.stderr)


@contextmanager
def _stderr_to(path: Path) -> Iterator[None]:
    """Send this process's standard error (file descriptor 2, which kernels inherit) to
    ``path`` for the duration of the block."""
    target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        with suppress(Exception):
            sys.stderr.flush()
        saved = os.dup(2)
        try:
            os.dup2(target, 2)
            yield
        finally:
            with suppress(Exception):
                sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
    finally:
        os.close(target)


def _code_cell_number(notebook: Path, cell_index: int) -> int | None:
    """1-based number of the failing cell among the *original* notebook's code cells.

    papermill inserts cells into the executed copy (the injected parameters, an error banner
    and an anchor), so the failing cell is found by its error output and counted among the
    code cells the user sees in JupyterLab.
    """
    import nbformat

    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except Exception:
        return None
    number = 0
    for cell in cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.cell_type != "code" or "injected-parameters" in tags:
            continue
        number += 1
        if any(output.get("output_type") == "error" for output in cell.get("outputs", [])):
            return number
    return None


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
