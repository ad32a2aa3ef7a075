"""Tests of analysis.plots.corpus: each figure builds from overview tables and from empty ones."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.corpus import overview
from analysis.errors import ParameterError
from analysis.plots import corpus as plots

from ..corpus.test_overview import ACTORS, ARTICLES
from .legends import assert_legends_outside


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_figures_from_tables():
    frequency = overview.actor_document_frequency(ACTORS, 4)
    matrix = overview.cooccurrence_matrix(overview.actor_cooccurrence(ACTORS, 3), frequency)
    by_group = overview.tone_by_group(ARTICLES, "source")
    over_time = overview.tone_over_time(ARTICLES, freq="D")
    outliers = overview.outlier_articles(ARTICLES, columns=["words"], top_n=1)
    bars = plots.actor_frequency_bars(frequency)
    # three bars, labelled with the mentions: Russia 4, China 3, US 3 (drawn bottom-up)
    assert len(bars.axes[0].patches) == 3
    assert _texts(bars) == ["3 mentions", "3 mentions", "4 mentions"]
    heat = plots.cooccurrence_heatmap(matrix)
    assert _texts(heat) == ["1"] * 6  # off-diagonal cells only
    figures = [
        bars,
        heat,
        plots.tone_by_group_chart(by_group, "source", "tone"),
        plots.tone_over_time_chart(over_time, "tone"),
        plots.distribution_histograms(ARTICLES, overview.READABILITY_COLUMNS),
        plots.outlier_scatter(ARTICLES, "words", "sentiment_mean_compound", outliers),
    ]
    for fig in figures:
        assert isinstance(fig, Figure) and fig.axes
        assert_legends_outside(fig)


@pytest.mark.parametrize(
    "build, message",
    [
        (
            lambda: plots.actor_frequency_bars(
                overview.actor_document_frequency(ACTORS.head(0), 1)
            ),
            "no actors in this corpus",
        ),
        (lambda: plots.cooccurrence_heatmap(pd.DataFrame()), "no actors to pair"),
        (
            lambda: plots.tone_by_group_chart(
                overview.tone_by_group(ARTICLES, "source", "x"), "source", "x"
            ),
            "no x values",
        ),
        (
            lambda: plots.tone_over_time_chart(overview.tone_over_time(ARTICLES, "x"), "x"),
            "no dated articles",
        ),
        (lambda: plots.distribution_histograms(ARTICLES, ["missing"]), "no readability values"),
        (
            lambda: plots.outlier_scatter(ARTICLES, "words", "missing", pd.DataFrame()),
            "no words and missing values",
        ),
    ],
)
def test_empty_tables_give_a_message(build, message):
    fig = build()
    assert any(message in text for text in _texts(fig))


def test_missing_columns_are_named():
    with pytest.raises(
        ParameterError, match=r"actor_frequency_bars needs a table with columns .* missing"
    ):
        plots.actor_frequency_bars(pd.DataFrame({"actor_name": []}))
