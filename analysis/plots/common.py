"""What the figure modules share: column checks, legends outside the data, the empty-figure
message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend

from ..errors import ParameterError


def require_columns(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    """Raise ParameterError naming the figure and the missing columns of ``table``."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(
            f"{what} needs a table with columns {list(columns)}; missing {missing}"
        )


def legend_outside(ax: Axes, **kwargs: Any) -> Legend:
    """A legend to the right of the axes, where it can never cover data (``kwargs`` go to
    :meth:`Axes.legend`; no frame by default)."""
    kwargs.setdefault("frameon", False)
    return ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0, **kwargs)


def empty_figure(fig: Figure, message: str) -> Figure:
    """Write ``message`` in the middle of an empty ``fig`` (nothing to plot) and return it."""
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return fig
