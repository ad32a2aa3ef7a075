"""Figures of the text statistics (notebook 01). Each function takes the tidy table that
:mod:`analysis.stats`, :mod:`analysis.readability` or :mod:`analysis.vocabulary` returns and
gives back a matplotlib Figure.

Figures are built with ``matplotlib.figure.Figure``, not pyplot, so no global figure state is
kept between calls (batch reports draw many) and Jupyter shows each figure once.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .common import empty_figure, legend_outside, require_columns

_BAR_COLOUR = "#3b6ea8"
_ACCENT = "#c0504d"


def sentence_length_histogram(sentences: pd.DataFrame, bins: int = 15) -> Figure:
    """Histogram of words per sentence (from :func:`analysis.stats.sentence_table`), with the
    mean and median marked."""
    require_columns(sentences, ["words"], "sentence_length_histogram")
    fig = Figure(figsize=(7, 3.6))
    if sentences.empty:
        return empty_figure(fig, "no sentences")
    ax = fig.add_subplot()
    lengths = sentences["words"].tolist()
    ax.hist(lengths, bins=bins, color=_BAR_COLOUR, edgecolor="white")
    mean, median = statistics.fmean(lengths), statistics.median(lengths)
    ax.axvline(mean, color=_ACCENT, linestyle="-", label=f"mean {mean:.1f}")
    ax.axvline(median, color="black", linestyle="--", label=f"median {median:g}")
    ax.set_xlabel("words per sentence")
    ax.set_ylabel("sentences")
    ax.set_title("Sentence length")
    legend_outside(ax)
    fig.tight_layout()
    return fig


def bar_chart(table: pd.DataFrame, label: str, value: str, title: str, xlabel: str) -> Figure:
    """Horizontal bars of ``value`` per ``label``, first row on top."""
    require_columns(table, [label, value], "bar_chart")
    fig = Figure(figsize=(7, max(2.0, 0.32 * len(table) + 1.0)))
    if table.empty:
        return empty_figure(fig, "nothing to show")
    ax = fig.add_subplot()
    labels = table[label].astype(str).tolist()[::-1]
    values = table[value].tolist()[::-1]
    ax.barh(labels, values, color=_BAR_COLOUR)
    if pd.api.types.is_integer_dtype(table[value]):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.25 ticks
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def top_words_chart(frequencies: pd.DataFrame) -> Figure:
    """Bars of the most frequent content words (:func:`analysis.vocabulary.word_frequencies`)."""
    require_columns(frequencies, ["form", "count"], "top_words_chart")
    return bar_chart(
        frequencies, "form", "count", "Most frequent words (stop words removed)", "occurrences"
    )


def ngram_chart(ngrams: pd.DataFrame) -> Figure:
    """Bars of the most frequent n-grams (:func:`analysis.vocabulary.ngram_counts`)."""
    require_columns(ngrams, ["ngram", "n", "count"], "ngram_chart")
    sizes = sorted(set(ngrams["n"])) if not ngrams.empty else []
    name = (
        {1: "words", 2: "bigrams", 3: "trigrams"}.get(sizes[0], f"{sizes[0]}-grams")
        if len(sizes) == 1
        else "n-grams"
    )
    return bar_chart(ngrams, "ngram", "count", f"Most frequent {name}", "occurrences")


def keyness_chart(keyness: pd.DataFrame) -> Figure:
    """Bars of log-likelihood G2 for the key terms (:func:`analysis.vocabulary.keyness`),
    each labelled with its log ratio (how many times more frequent than in general English,
    as a power of two)."""
    require_columns(keyness, ["term", "g2", "log_ratio"], "keyness_chart")
    fig = bar_chart(
        keyness,
        "term",
        "g2",
        "Key words against general English (wordfreq)",
        "log-likelihood G2 (10.83 = p < 0.001)",
    )
    if not keyness.empty:
        ax = fig.axes[0]
        for y, ratio in enumerate(keyness["log_ratio"].tolist()[::-1]):
            ax.annotate(
                f"LR {ratio:.1f}",
                (0, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                color="white",
            )
        ax.axvline(10.83, color=_ACCENT, linewidth=0.8, linestyle=":")
    return fig


def dispersion_plot(positions: pd.DataFrame, terms: Sequence[str], total_words: int) -> Figure:
    """Lexical dispersion: one row per term, a tick at each occurrence's word position
    (from :func:`analysis.vocabulary.dispersion`)."""
    require_columns(positions, ["term", "word_index"], "dispersion_plot")
    terms = list(terms)
    fig = Figure(figsize=(8, 0.45 * len(terms) + 1.2))
    if not terms:
        return empty_figure(fig, "no terms")
    ax = fig.add_subplot()
    for row, name in enumerate(terms):
        xs = positions.loc[positions["term"] == name, "word_index"].tolist()
        ax.plot(xs, [row] * len(xs), "|", color=_BAR_COLOUR, markersize=14, mew=1.5)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(0, max(total_words, 1))
    ax.set_xlabel("word position in the text")
    ax.set_title("Where the terms occur")
    fig.tight_layout()
    return fig


def readability_chart(readability: pd.DataFrame) -> Figure:
    """The grade-level indices (all but Flesch Reading Ease and Dale–Chall) as bars against the
    US school grades, with the band boundaries of :func:`analysis.readability.grade_band`
    (:func:`analysis.readability.readability_table`)."""
    require_columns(readability, ["index", "name", "value"], "readability_chart")
    grades = readability[~readability["index"].isin(["flesch_reading_ease", "dale_chall"])]
    fig = bar_chart(
        grades, "name", "value", "Readability as a US school grade", "grade (years of schooling)"
    )
    if not grades.empty:
        ax = fig.axes[0]
        ax.set_xlim(0, max(18.0, float(grades["value"].max()) + 1))
        for grade, text in ((10, "past plain English"), (13, "college"), (16, "college graduate")):
            ax.axvline(grade, color="grey", linewidth=0.8, linestyle="--")
            ax.text(
                grade,
                1.0,
                text,
                transform=ax.get_xaxis_transform(),
                fontsize=7,
                va="bottom",
                ha="center",
                color="grey",
            )
        for y, value in enumerate(grades["value"].tolist()[::-1]):
            ax.annotate(
                f"{value:.1f}",
                (value, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        ax.set_title("Readability as a US school grade", pad=14)
    return fig
