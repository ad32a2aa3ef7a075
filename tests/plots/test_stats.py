"""analysis.plots.stats: each function returns a Figure drawn from its table; empty tables and
wrong tables are handled."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.errors import ParameterError
from analysis.plots import stats as plots
from analysis.stats.overview import sentence_table
from analysis.stats.readability_indices import readability_table
from analysis.stats.vocabulary import dispersion, keyness, ngram_counts, word_frequencies
from analysis.text import prepare

from .legends import assert_legends_outside


@pytest.fixture(scope="module")
def doc(seed):
    return prepare(seed)


def _bars(fig: Figure) -> int:
    return len(fig.axes[0].patches)


def test_histogram(doc):
    fig = plots.sentence_length_histogram(sentence_table(doc), bins=10)
    assert isinstance(fig, Figure) and _bars(fig) == 10
    assert fig.axes[0].get_xlabel() == "words per sentence"
    assert_legends_outside(fig)


def test_bar_charts_have_one_bar_per_row(doc):
    assert _bars(plots.top_words_chart(word_frequencies(doc, top_n=7))) == 7
    assert _bars(plots.ngram_chart(ngram_counts(doc, 2, top_n=5))) == 5
    assert _bars(plots.keyness_chart(keyness(doc, top_n=6))) == 6
    assert _bars(plots.readability_chart(readability_table(doc))) == 5  # grade indices only


def test_first_row_is_on_top(doc):
    table = word_frequencies(doc, top_n=3)
    fig = plots.top_words_chart(table)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[-1] == table.loc[0, "form"]


def test_dispersion_plot_one_row_per_term(doc):
    terms = ["putin", "north korea", "absent-word"]
    fig = plots.dispersion_plot(dispersion(doc, terms), terms, len(doc.words))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == terms
    assert len(ax.lines) == 3 and len(ax.lines[2].get_xdata()) == 0


def test_empty_tables_give_a_figure():
    empty = pd.DataFrame(columns=["term", "count", "per_1000", "form"])
    assert isinstance(plots.top_words_chart(empty), Figure)
    assert isinstance(plots.sentence_length_histogram(pd.DataFrame(columns=["words"])), Figure)
    assert isinstance(
        plots.dispersion_plot(pd.DataFrame(columns=["term", "word_index"]), [], 0), Figure
    )


def test_wrong_table_is_named():
    with pytest.raises(ParameterError, match="keyness_chart needs a table with columns"):
        plots.keyness_chart(pd.DataFrame({"term": ["a"]}))
