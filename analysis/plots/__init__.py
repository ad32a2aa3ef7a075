"""One function per figure, each returning a matplotlib Figure; grouped by analysis.

Submodules:

* :mod:`analysis.plots.stats` — text statistics (notebook 01)
* :mod:`analysis.plots.sentiment` — sentiment and tone (notebook 02)
* :mod:`analysis.plots.actors` — actors and their portrayal (notebook 03)
* :mod:`analysis.plots.corpus` — corpus overview
"""
