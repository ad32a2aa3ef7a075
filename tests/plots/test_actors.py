"""Tests of analysis.plots.actors: each figure builds from the real tables and from empty ones."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.actors.analysis import analyse_actors
from analysis.errors import ParameterError
from analysis.plots import actors as plots
from analysis.text import prepare

from .legends import assert_legends_outside


@pytest.fixture(scope="module")
def result(seed):
    return analyse_actors(prepare(seed))


def test_figures_from_the_seed(result):
    top = result.frequency["actor_id"].head(5).tolist()
    figures = [
        plots.frequency_bars(result.frequency, 5),
        plots.dispersion_strip(result.dispersion, top),
        plots.cooccurrence_network(result.graph, 5),
        plots.tone_bars(result.tone, 5),
        plots.quoted_vs_mentioned(result.frequency, result.quotes, 5),
    ]
    for fig in figures:
        assert isinstance(fig, Figure) and fig.axes
        assert_legends_outside(fig)
    # five bars per kind segment in the frequency chart (4 kinds x 5 actors)
    assert len(figures[0].axes[0].patches) == 20
    assert len(figures[0].axes[0].get_yticklabels()) == 5


def test_figures_from_empty_tables(result):
    empty_freq = result.frequency.iloc[0:0]
    for fig in [
        plots.frequency_bars(empty_freq),
        plots.dispersion_strip(result.dispersion.iloc[0:0], []),
        plots.cooccurrence_network(nx.Graph()),
        plots.tone_bars(result.tone.iloc[0:0]),
        plots.quoted_vs_mentioned(empty_freq, result.quotes.iloc[0:0]),
    ]:
        assert isinstance(fig, Figure)


def test_network_legend_leaves_a_small_graph_visible():
    """Two actors of a short article: the legend stays beside the nodes, never on them."""
    graph = nx.Graph()
    graph.add_node("a", name="Ann", type="person", mentions=1)
    graph.add_node("b", name="Bolivia", type="state", mentions=2)
    graph.add_edge("a", "b", weight=1)
    assert_legends_outside(plots.cooccurrence_network(graph))


@pytest.mark.parametrize("top_n", [0, -3, 2.5])
def test_bad_top_n(result, top_n):
    with pytest.raises(ParameterError, match="top_n"):
        plots.frequency_bars(result.frequency, top_n)


def test_missing_columns():
    with pytest.raises(ParameterError, match="mentions_name"):
        plots.frequency_bars(pd.DataFrame({"name": ["x"], "type": ["state"]}))


def test_quoted_vs_mentioned_keeps_the_most_mentioned_and_the_most_quoted():
    # six actors by mentions a..f; quoted: f ×3, e ×2, d ×1, a ×1
    frequency = pd.DataFrame(
        {
            "actor_id": list("abcdef"),
            "name": ["A", "B", "C", "D", "E", "F"],
            "mentions_total": [9, 8, 7, 6, 5, 4],
        }
    )
    quotes = pd.DataFrame({"speaker_actor": ["f", "f", "f", "e", "e", "d", "a", None]})
    fig = plots.quoted_vs_mentioned(frequency, quotes, top_n=2)
    # most mentioned a, b; most quoted f, e; d is left out (and said to be)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(labels) == ["A", "B", "E", "F"]
    assert "1 other quoted actor not shown" in fig.axes[0].get_title()
    wide = plots.quoted_vs_mentioned(frequency, quotes, top_n=6)
    assert "not shown" not in wide.axes[0].get_title()
