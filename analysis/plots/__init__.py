"""One function per figure, each returning a matplotlib Figure; grouped by analysis.

Public submodules (imported on first use):

* :mod:`analysis.plots.stats` — text statistics (notebook 01)
* :mod:`analysis.plots.sentiment` — sentiment and tone (notebook 02)
* :mod:`analysis.plots.actors` — actors and their portrayal (notebook 03)
* :mod:`analysis.plots.corpus` — corpus overview (notebook 04)

:mod:`analysis.plots.common` is private to them.
"""

from importlib import import_module
from typing import Any

__all__ = ["actors", "corpus", "sentiment", "stats"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
