"""Tests of analysis.plots.sentiment: each function returns a Figure, also for empty input,
and rejects a table without the columns it needs."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import sentiment
from analysis.errors import ParameterError
from analysis.plots import sentiment as plots
from analysis.text import prepare

from .legends import assert_legends_outside


@pytest.fixture(scope="module")
def doc(seed):
    return prepare(seed)


def test_every_figure_on_the_seed(doc):
    table = sentiment.sentence_table(doc)
    figures = [
        plots.sentiment_arc(sentiment.arc(table, 5), sentiment.section_starts(table)),
        plots.score_distribution(table),
        plots.group_bars(sentiment.section_tone(doc)),
        plots.driving_words(sentiment.explain(doc)),
        plots.lexicon_scatter(sentiment.afinn_comparison(doc)),
        plots.share_bars(sentiment.quotations_vs_narration(doc)),
        plots.feature_contributions(sentiment.contributions_table(doc)),
    ]
    assert all(isinstance(fig, Figure) for fig in figures)
    for fig in figures:
        assert_legends_outside(fig)


def test_arc_marks_each_section_start(doc):
    table = sentiment.sentence_table(doc)
    starts = sentiment.section_starts(table)
    fig = plots.sentiment_arc(sentiment.arc(table, 5), starts)
    ax = fig.axes[0]
    dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(dashed) == len(starts) == 5
    assert [t.get_text() for t in ax.texts][1] == "Russia and North Korea [...]"


@pytest.mark.parametrize(
    ("function", "columns"),
    [
        (plots.score_distribution, ["compound"]),
        (plots.driving_words, ["word", "effect"]),
        (plots.lexicon_scatter, ["compound", "afinn_scaled", "agree"]),
    ],
)
def test_empty_tables_give_a_figure(function, columns):
    fig = function(pd.DataFrame(columns=columns))
    assert isinstance(fig, Figure)
    assert fig.axes[0].texts[0].get_text().startswith("no ")


@pytest.mark.parametrize(
    "function",
    [
        plots.score_distribution,
        plots.group_bars,
        plots.driving_words,
        plots.lexicon_scatter,
        plots.share_bars,
    ],
)
def test_missing_columns(function):
    with pytest.raises(ParameterError, match="needs a table with columns"):
        function(pd.DataFrame({"x": [1]}))


def test_a_long_arc_draws_one_line_per_sentence_not_a_bar_patch():
    from matplotlib.collections import LineCollection

    n = plots.MAX_BARS + 1
    arc = pd.DataFrame(
        {
            "index": range(n),
            "compound": [(-1) ** i * 0.5 for i in range(n)],
            "rolling_compound": [0.0] * n,
        }
    )
    ax = plots.sentiment_arc(arc).axes[0]
    assert len(ax.patches) == 1  # only the neutral band
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(lines) == 1 and len(lines[0].get_segments()) == n
    short = plots.sentiment_arc(arc.head(10)).axes[0]
    assert len(short.patches) == 1 + 10  # the band and a bar per sentence


def test_feature_contributions_sums_each_feature_by_hand():
    parts = pd.DataFrame(
        [
            (0, "baseline", 1.0, "", -1, -1, -0.03),
            (0, "masked", 0.0, "Russia", 0, 6, 0.0),
            (0, "vader_pos_sat", 1.0, "good", 7, 11, 0.5),
            (1, "vader_pos_sat", 1.0, "fine", 0, 4, 0.2),
            (1, "negations", 1.0, "not", 5, 8, -0.9),
        ],
        columns=["sentence", "feature", "value", "word", "start", "end", "contribution"],
    )
    ax = plots.feature_contributions(parts).axes[0]
    widths = sorted(round(bar.get_width(), 6) for bar in ax.patches)
    assert widths == [-0.9, 0.7]  # baseline and masked names left out; 0.5 + 0.2
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["VADER positive words", "negations"]  # largest |sum| on top
