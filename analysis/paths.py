"""Where things are: project paths (derived once from the package location, so notebooks find
``data/`` from any working directory) and the files a user's paths and globs name.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import stat
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ._version import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
# In a source checkout (editable install) the project is the package's parent; when the package
# is installed elsewhere, the current directory stands in for it.
PROJECT_DIR = PACKAGE_DIR.parent if (PACKAGE_DIR.parent / "pyproject.toml").exists() else Path.cwd()
DATA_DIR = PROJECT_DIR / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
REPORTS_DIR = PROJECT_DIR / "reports"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
SEED_ARTICLE = RAW_DIR / "putin_north_korea_2024.txt"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's code, resources and templates: an editable install keeps its
    version number while the code changes, and what a changed analysis made must be redone."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def resolve_path(path: str | Path, base: Path = PROJECT_DIR) -> Path:
    """Resolve ``path`` as given if it exists, else relative to the project directory.

    Notebooks run with cwd = ``notebooks/`` in JupyterLab and cwd = repo root under papermill;
    a default like ``data/raw/x.txt`` must work in both.
    """
    candidate = Path(path).expanduser()
    if candidate.is_absolute() or candidate.exists():
        return candidate
    anchored = base / candidate
    return anchored if anchored.exists() else candidate


def resolve_output_dir(path: str | Path, base: Path = PROJECT_DIR) -> Path:
    """An output folder: absolute as given, relative ones anchored at the project directory
    (so a notebook writes to the same place from JupyterLab and from papermill). Created."""
    candidate = Path(path).expanduser()
    folder = candidate if candidate.is_absolute() else base / candidate
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class PathProblem:
    """Why a path cannot be used as an input. ``kind``: ``missing`` (a broken symbolic link),
    ``loop`` (symbolic links that point at each other), ``permission``, ``special`` (a named
    pipe, socket or device: reading it could wait forever) or ``unreadable``."""

    kind: str
    problem: str
    advice: str


def path_problem(path: str | Path) -> PathProblem | None:
    """What stops ``path`` from being read, or ``None`` when it is a readable file or folder
    (or simply does not exist: the caller says "no such file" in its own words)."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return PathProblem(
                "missing",
                f"a broken symbolic link (it points to "
                f"{os.readlink(path)!r}, which does not exist)",
                "Fix the link or pass the file it should point to.",
            )
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return PathProblem(
                "loop",
                "a symbolic link loop (the links point at each other, so no file is ever reached)",
                "Point the link at a real file or folder.",
            )
        if error.errno in (errno.EACCES, errno.EPERM):
            return PathProblem(
                "permission",
                "permission denied: the path cannot be reached",
                "Check the permissions of the folders above it.",
            )
        return PathProblem(
            "unreadable",
            f"the path cannot be read ({error.strerror or error})",
            "Check the path and the disk it is on.",
        )
    if stat.S_ISDIR(info.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            return PathProblem(
                "permission",
                "permission denied: the folder cannot be listed",
                "Check its permissions (it needs read and execute), or copy "
                "the files somewhere readable.",
            )
        return None
    if stat.S_ISREG(info.st_mode):
        if not os.access(path, os.R_OK):
            return PathProblem(
                "permission",
                "permission denied: the file cannot be read",
                "Check its permissions, or copy it somewhere readable.",
            )
        return None
    kind = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(info.st_mode)
        else "a socket"
        if stat.S_ISSOCK(info.st_mode)
        else "a device"
    )
    return PathProblem(
        "special",
        f"this is {kind}, not a file (reading it could wait forever)",
        "Save the article to a regular .txt, .md or .html file and pass that.",
    )


def expand_paths(
    paths: Iterable[str | Path],
    suffixes: Collection[str],
    not_found: Callable[[str | Path, str, str], Exception],
    what: str = "article file",
) -> list[Path]:
    """The files that ``paths`` name, in order, without duplicates.

    A file is kept as given whatever its extension (so reading it can say what is wrong); a
    folder gives its files whose extension is in ``suffixes`` (not recursively, sorted); a glob
    gives its matching files with such an extension (sorted).

    Raises:
        the error ``not_found(path, problem, advice)`` builds: a path that does not exist, or a
        folder or glob that names no file with one of ``suffixes`` (an ``what``), or a path
        that cannot be used (:func:`path_problem`: a symbolic link loop, a broken link,
        permission denied, a named pipe or other special file).
    """
    found: list[Path] = []
    wanted = {suffix.lower() for suffix in suffixes}
    for raw in paths:
        path = Path(raw).expanduser()
        problem = path_problem(path)
        if problem is not None:
            raise not_found(path, problem.problem, problem.advice)
        if path.is_dir():
            try:
                matches = sorted(
                    p for p in path.iterdir() if p.is_file() and p.suffix.lower() in wanted
                )
            except PermissionError as error:
                raise not_found(
                    path,
                    "permission denied: the folder cannot be listed",
                    "Check its permissions (it needs read and execute).",
                ) from error
            if not matches:
                raise not_found(
                    path,
                    f"the folder holds no {what}",
                    f"Put {', '.join(sorted(wanted))} files in it.",
                )
            found.extend(matches)
        elif path.exists():
            found.append(path)
        elif glob.has_magic(str(raw)):
            matches = sorted(
                Path(p)
                for p in glob.glob(str(path))
                if Path(p).is_file() and Path(p).suffix.lower() in wanted
            )
            if not matches:
                raise not_found(
                    raw,
                    f"the pattern matches no {what}",
                    "Check the pattern and the current folder.",
                )
            found.extend(matches)
        else:
            raise not_found(
                raw,
                "no such file or folder",
                "Check the path (it is relative to the current folder).",
            )
    return list(dict.fromkeys(found))
