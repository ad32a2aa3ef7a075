"""A check the figure tests share: no legend covers the data."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def assert_legends_outside(fig: Figure) -> None:
    """Every legend of ``fig`` lies outside the plotting area of every axes of the figure."""
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None:
            continue
        box = legend.get_window_extent(renderer)
        for other in fig.axes:
            area = other.get_window_extent(renderer)
            overlap_x = min(box.x1, area.x1) - max(box.x0, area.x0)
            overlap_y = min(box.y1, area.y1) - max(box.y0, area.y0)
            assert overlap_x <= 1 or overlap_y <= 1, (
                f"the legend of {ax.get_title()!r} covers the plotting area"
            )
