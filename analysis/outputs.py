"""Saving figures and tables beside a report, and making article text safe for HTML/Markdown."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from .atomic import replace_atomic, write_text_atomic


def save_figure(fig: Figure, output_dir: str | Path, name: str) -> list[Path]:
    """Save ``fig`` as ``<name>.png`` and ``<name>.svg`` in ``output_dir``; return both paths.

    Each file is written to a temporary name and renamed, so no half-written figure remains.
    """
    paths = []
    for suffix in ("png", "svg"):
        target = Path(output_dir) / f"{name}.{suffix}"
        replace_atomic(target, lambda tmp, fmt=suffix: fig.savefig(
            tmp, format=fmt, dpi=150, bbox_inches="tight"))
        paths.append(target)
    return paths


def save_table(table: pd.DataFrame, output_dir: str | Path, name: str) -> Path:
    """Save a tidy table as ``<name>.csv`` (UTF-8, no index) in ``output_dir``."""
    target = Path(output_dir) / f"{name}.csv"
    write_text_atomic(target, table.to_csv(index=False))
    return target


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def escape_html(text: str) -> str:
    """Escape article text for HTML (``&``, ``<``, ``>``, both quotes)."""
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Escape article text for a Markdown cell: HTML first, then Markdown's own markup.

    Quotes are left as they are: they are harmless in Markdown text, and an entity such as
    ``&#x27;`` would be broken by escaping its ``#``.
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))
