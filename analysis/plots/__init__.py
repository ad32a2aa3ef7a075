"""One function per figure, each returning a matplotlib Figure; grouped by analysis.

Public submodules:

* :mod:`analysis.plots.stats` — text statistics (notebook 01)
* :mod:`analysis.plots.sentiment` — sentiment and tone (notebook 02)
* :mod:`analysis.plots.actors` — actors and their portrayal (notebook 03)
* :mod:`analysis.plots.corpus` — corpus overview (notebook 04)

:mod:`analysis.plots.common` is private to them. Importing this package imports matplotlib;
nothing outside the notebooks needs it. Each submodule is imported when first used
(``from analysis.plots import stats`` imports that one only: a notebook's kernel starts faster
without the others' libraries, e.g. networkx).
"""

from importlib import import_module
from typing import Any

_SUBMODULES = ("actors", "corpus", "sentiment", "stats")
__all__ = list(_SUBMODULES)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
