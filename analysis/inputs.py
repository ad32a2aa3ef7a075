"""Expand the paths a user names (files, folders, globs) into article files."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from .article import SUPPORTED_SUFFIXES
from .errors import ArticleNotFoundError


def collect_articles(paths: Iterable[str | Path]) -> list[Path]:
    """Article files named by ``paths``: files as given, folders searched (not recursively)
    for supported extensions, globs expanded. Sorted, without duplicates.

    A named file is kept whatever its extension, so loading it can say what is wrong.

    Raises:
        ArticleNotFoundError: a path or glob matches nothing.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.exists():
            found.append(path)
        elif glob.has_magic(str(raw)):
            matches = sorted(Path(p) for p in glob.glob(str(raw)) if Path(p).is_file())
            if not matches:
                raise ArticleNotFoundError(raw, "the pattern matches no file",
                                           "Check the pattern and the current folder.")
            found.extend(matches)
        else:
            raise ArticleNotFoundError(raw, "no such file or folder",
                                       "Check the path (it is relative to the current folder).")
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)
