"""One function per figure, each returning a matplotlib Figure; grouped by analysis.

Public submodules:

* :mod:`analysis.plots.stats` — text statistics (notebook 01)
* :mod:`analysis.plots.sentiment` — sentiment and tone (notebook 02)
* :mod:`analysis.plots.actors` — actors and their portrayal (notebook 03)
* :mod:`analysis.plots.corpus` — corpus overview (notebook 04)

:mod:`analysis.plots.common` is private to them. Importing this package imports matplotlib;
nothing outside the notebooks needs it.
"""

from . import actors, corpus, sentiment, stats

__all__ = ["actors", "corpus", "sentiment", "stats"]
