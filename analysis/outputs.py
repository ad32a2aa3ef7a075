"""Saving figures and tables beside a report, and making article text safe for HTML/Markdown.

CSV files are written by one function, :func:`write_csv` (notebook tables through
:func:`save_table`, the batch's record tables too). A text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written with a leading ``'``, so a spreadsheet shows
it as text instead of running it as a formula (CSV injection); numbers are left as they are.
Parquet tables keep every value unchanged.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .atomic import replace_atomic, write_text_atomic

if TYPE_CHECKING:  # only a type hint: matplotlib is slow to import and batch runs need none
    from matplotlib.figure import Figure


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


#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """``value`` with a ``'`` in front when it is text a spreadsheet would run as a formula
    ("=HYPERLINK(…)", "+7 per cent", "@mention"); anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(table: pd.DataFrame) -> str:
    """The table as CSV text (no index), text cells neutralised (:func:`neutralise_formula`)."""
    safe = table.copy(deep=False)
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column])
                or pd.api.types.is_bool_dtype(safe[column])):
            safe[column] = safe[column].map(neutralise_formula)
    return safe.to_csv(index=False)


def write_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` to ``path`` as UTF-8 CSV, atomically, formula cells neutralised."""
    path = Path(path)
    write_text_atomic(path, csv_text(table))
    return path


def save_table(table: pd.DataFrame, output_dir: str | Path, name: str) -> Path:
    """Save a tidy table as ``<name>.csv`` (UTF-8, no index) in ``output_dir`` (through
    :func:`write_csv`: text cells that would run as spreadsheet formulas get a leading ``'``)."""
    return write_csv(table, Path(output_dir) / f"{name}.csv")


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
