"""Figures and tables beside a report and in a notebook: saved whole, shown for people.

:func:`save_figure` and :func:`save_table` write the files; :func:`show_figure` and
:func:`show_table` also return what a notebook displays (the saved PNG, rendered once; a table
without pandas' row numbers, its numbers formatted by :func:`analysis.wording.number`).
Article text is escaped by :func:`escape_html` and :func:`escape_markdown` (from
:mod:`analysis.wording`).

CSV files are written by one function, :func:`write_csv` (notebook tables through
:func:`save_table`, the batch's record tables too). A text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written with a leading ``'``, so a spreadsheet shows
it as text instead of running it as a formula (CSV injection); numbers are left as they are.
Parquet tables keep every value unchanged.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .atomic import replace_atomic, write_bytes_atomic, write_text_atomic
from .wording import escape_html, escape_markdown, number

if TYPE_CHECKING:  # only a type hint: matplotlib is slow to import and batch runs need none
    from matplotlib.figure import Figure

__all__ = [
    "FigureView",
    "TableView",
    "csv_text",
    "escape_html",
    "escape_markdown",
    "neutralise_formula",
    "save_figure",
    "save_table",
    "show_figure",
    "show_table",
    "write_csv",
]

#: Resolution of saved PNG files; the notebook shows the same image at :data:`SCREEN_DPI`.
FILE_DPI = 150
#: The most rows :func:`show_table` shows by default: a long article's tables (one row per
#: sentence or quote) made report pages of tens of megabytes that no one reads row by row;
#: the saved tables (:func:`save_table`) hold every row.
SHOWN_ROWS = 200
SCREEN_DPI = 100


class FigureView:
    """A saved figure as a notebook shows it: the PNG file's bytes at screen size.

    Displaying it sends the PNG already written (no second rendering of the figure).
    """

    def __init__(self, png: bytes, paths: list[Path]) -> None:
        self.png = png
        self.paths = paths

    def _repr_png_(self) -> tuple[bytes, dict[str, int]]:
        width = int.from_bytes(self.png[16:20], "big")  # from the PNG's IHDR chunk
        height = int.from_bytes(self.png[20:24], "big")
        scale = SCREEN_DPI / FILE_DPI
        return self.png, {"width": round(width * scale), "height": round(height * scale)}

    def __repr__(self) -> str:
        return f"<figure {', '.join(p.name for p in self.paths)}>"


def _render(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=FILE_DPI, bbox_inches="tight")
    return buffer.getvalue()


def save_figure(fig: Figure, output_dir: str | Path, name: str) -> list[Path]:
    """Save ``fig`` as ``<name>.png`` and ``<name>.svg`` in ``output_dir``; return both paths.

    Each file is written to a temporary name and renamed, so no half-written figure remains.
    """
    return show_figure(fig, output_dir, name).paths


def show_figure(fig: Figure, output_dir: str | Path, name: str) -> FigureView:
    """Save ``fig`` as PNG and SVG (like :func:`save_figure`) and return the PNG to display."""
    png = _render(fig)
    folder = Path(output_dir)
    write_bytes_atomic(folder / f"{name}.png", png)
    svg = folder / f"{name}.svg"
    replace_atomic(
        svg, lambda tmp: fig.savefig(tmp, format="svg", dpi=FILE_DPI, bbox_inches="tight")
    )
    return FigureView(png, [folder / f"{name}.png", svg])


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
        if not (
            pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_bool_dtype(safe[column])
        ):
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


class TableView:
    """A table as a notebook and a report show it: no row numbers, numbers for people
    (:func:`analysis.wording.number`, ``yes``/``no`` for booleans) and right-aligned, text
    escaped and left-aligned, wide tables scrolling inside their own box. ``table`` is the
    DataFrame itself, to reuse."""

    def __init__(
        self,
        table: pd.DataFrame,
        digits: dict[str, int] | None = None,
        max_rows: int | None = SHOWN_ROWS,
    ) -> None:
        self.table = table
        self.digits = digits or {}
        self.max_rows = max_rows

    def _text(self, value: Any, digits: int | None) -> str:
        if isinstance(value, bool | np.bool_):
            return "yes" if value else "no"
        if isinstance(value, list | tuple | np.ndarray):
            return ", ".join(map(str, value))
        return number(value, digits)

    def _repr_html_(self) -> str:
        table = self.table
        if not isinstance(table.index, pd.RangeIndex):  # a meaningful index becomes a column
            table = table.reset_index()
        total = len(table)
        if self.max_rows is not None:
            table = table.head(self.max_rows)
        columns = [str(c) for c in table.columns]
        numeric = [
            pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])
            for c in table.columns
        ]
        align = [
            'style="text-align:right" class="num"' if n else 'style="text-align:left"'
            for n in numeric
        ]
        head = "".join(
            f"<th {a}>{escape_html(c)}</th>" for c, a in zip(columns, align, strict=True)
        )
        rows = []
        for values in table.itertuples(index=False, name=None):
            cells = "".join(
                f"<td {a}>{escape_html(self._text(v, self.digits.get(c)))}</td>"
                for v, c, a in zip(values, columns, align, strict=True)
            )
            rows.append(f"<tr>{cells}</tr>")
        if not rows:
            rows.append(f'<tr><td colspan="{max(1, len(columns))}"><em>no rows</em></td></tr>')
        note = ""
        if len(table) < total:
            note = (
                f'<p class="aa-table-note"><em>The first {number(len(table))} of '
                f"{number(total)} rows.</em></p>"
            )
        return (
            f'<div class="aa-table-scroll" style="overflow-x:auto;max-width:100%">'
            f'<table class="aa-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>{note}</div>"
        )

    def __repr__(self) -> str:
        return repr(self.table)


def show_table(
    table: pd.DataFrame, digits: dict[str, int] | None = None, max_rows: int | None = SHOWN_ROWS
) -> TableView:
    """``table`` ready to display: see :class:`TableView`. ``digits`` fixes the decimals of
    some columns (``{"compound": 3}``); ``max_rows`` shows only the first rows (default
    :data:`SHOWN_ROWS`; ``None`` for all), and a line under the table says how many there are."""
    return TableView(table, digits, max_rows)
