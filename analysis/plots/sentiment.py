"""Figures of sentiment and tone (notebook 02). Each function takes a tidy table from
:mod:`analysis.sentiment` and returns a matplotlib Figure.

Figures are built with ``matplotlib.figure.Figure``, not pyplot, so no global figure state is
kept between calls (batch reports draw many) and Jupyter shows each figure once.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from ..sentiment.scores import DEFAULT_THRESHOLD
from .common import empty_figure, legend_outside, require_columns

POSITIVE = "#2e7d32"
NEGATIVE = "#c62828"
NEUTRAL = "#9e9e9e"
LINE = "#1f3b73"


def _colour(value: float, threshold: float) -> str:
    if value > threshold:
        return POSITIVE
    if value < -threshold:
        return NEGATIVE
    return NEUTRAL


#: Sentences beyond which the arc draws each sentence as a line, not a bar (a bar per
#: sentence costs a patch each: 40,000 sentences took over a minute to draw and save).
MAX_BARS = 2000


def sentiment_arc(
    arc_table: pd.DataFrame,
    section_starts: pd.DataFrame | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Figure:
    """The arc: each sentence's compound (bars) and the rolling mean (line) in reading order,
    the neutral band shaded, and a dashed line where each section starts.

    ``arc_table`` comes from :func:`analysis.sentiment.arc`; ``section_starts`` from
    :func:`analysis.sentiment.section_starts`.
    """
    require_columns(arc_table, ["index", "compound", "rolling_compound"], "sentiment_arc")
    fig = Figure(figsize=(10, 4.2))
    if arc_table.empty:
        return empty_figure(fig, "no sentences")
    ax = fig.add_subplot()
    ax.axhspan(
        -threshold,
        threshold,
        color=NEUTRAL,
        alpha=0.15,
        lw=0,
        label=f"neutral band (±{threshold:g})",
    )
    colours = [_colour(v, threshold) for v in arc_table["compound"]]
    if len(arc_table) <= MAX_BARS:
        ax.bar(
            arc_table["index"],
            arc_table["compound"],
            width=0.8,
            color=colours,
            alpha=0.55,
            label="sentence compound",
        )
    else:  # thousands of bars are thinner than a pixel: one line collection draws far faster
        ax.vlines(
            arc_table["index"],
            0,
            arc_table["compound"],
            colors=colours,
            alpha=0.55,
            lw=0.6,
            label="sentence compound",
        )
    ax.plot(
        arc_table["index"], arc_table["rolling_compound"], color=LINE, lw=2, label="rolling mean"
    )
    ax.axhline(0, color="black", lw=0.6)
    if section_starts is not None and not section_starts.empty:
        for row in section_starts.itertuples(index=False):
            ax.axvline(row.index - 0.5, color="black", ls="--", lw=0.8, alpha=0.7)
            ax.text(
                row.index - 0.3,
                1.02,
                textwrap.shorten(str(row.section), 28),
                rotation=25,
                fontsize=7,
                va="bottom",
                ha="left",
                transform=ax.get_xaxis_transform(),
            )
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(arc_table["index"].min() - 0.8, arc_table["index"].max() + 0.8)
    ax.set_xlabel("sentence (reading order)")
    ax.set_ylabel("VADER compound")
    legend_outside(ax, fontsize=8)
    fig.tight_layout()
    return fig


def score_distribution(
    table: pd.DataFrame, threshold: float = DEFAULT_THRESHOLD, bins: int = 20
) -> Figure:
    """Histogram of sentence compound scores on -1 … +1, coloured by class, with the
    ±threshold boundaries marked."""
    require_columns(table, ["compound"], "score_distribution")
    fig = Figure(figsize=(7, 3.6))
    if table.empty:
        return empty_figure(fig, "no sentences")
    ax = fig.add_subplot()
    edges = [-1 + 2 * i / bins for i in range(bins + 1)]
    values = table["compound"]
    groups = [
        values[values < -threshold],
        values[values.abs() <= threshold],
        values[values > threshold],
    ]
    ax.hist(
        groups,
        bins=edges,
        stacked=True,
        color=[NEGATIVE, NEUTRAL, POSITIVE],
        edgecolor="white",
        label=["negative", "neutral", "positive"],
    )
    for x in (-threshold, threshold):
        ax.axvline(x, color="black", ls=":", lw=0.8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("VADER compound")
    ax.set_ylabel("sentences")
    ax.set_title("Distribution of sentence scores")
    legend_outside(ax, fontsize=8)
    fig.tight_layout()
    return fig


def group_bars(
    table: pd.DataFrame, key: str = "section", threshold: float = DEFAULT_THRESHOLD
) -> Figure:
    """Mean compound per group (a :func:`analysis.sentiment.aggregate` table, e.g. per section):
    horizontal bars in reading order, first on top, with the sentence count and the shares of
    positive / negative sentences written beside each bar."""
    require_columns(
        table, [key, "mean_compound", "sentences", "positive_share", "negative_share"], "group_bars"
    )
    fig = Figure(figsize=(8, 0.9 + 0.5 * max(len(table), 1)))
    if table.empty:
        return empty_figure(fig, "no sentences")
    ax = fig.add_subplot()
    labels = [textwrap.shorten(str(v), 40) for v in table[key]]
    means = table["mean_compound"].fillna(0).tolist()
    positions = list(range(len(table)))[::-1]
    ax.barh(positions, means, color=[_colour(v, threshold) for v in means])
    ax.set_yticks(positions, labels)
    ax.axvline(0, color="black", lw=0.6)
    for y, row in zip(positions, table.itertuples(index=False), strict=True):
        note = f"{row.sentences} sent., {row.positive_share:.0%} pos, {row.negative_share:.0%} neg"
        ax.text(1.02, y, note, va="center", fontsize=8, transform=ax.get_yaxis_transform())
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean sentence compound")
    ax.set_title(f"Tone by {key}")
    fig.tight_layout()
    return fig


def driving_words(explanation: pd.DataFrame, top_n: int = 15) -> Figure:
    """The words that moved the article's sentence scores most: the sum of each word's
    ``effect`` (from :func:`analysis.sentiment.explain`) over the article, the ``top_n`` largest
    in absolute value, lower-cased."""
    require_columns(explanation, ["word", "effect"], "driving_words")
    fig = Figure(figsize=(7, 0.8 + 0.32 * top_n))
    if explanation.empty:
        return empty_figure(fig, "no lexicon word found")
    totals = (
        explanation.assign(word=explanation["word"].str.lower())
        .groupby("word")["effect"]
        .agg(["sum", "count"])
    )
    totals = totals.reindex(totals["sum"].abs().sort_values(ascending=False).index).head(top_n)
    ax = fig.add_subplot()
    positions = list(range(len(totals)))[::-1]
    ax.barh(positions, totals["sum"], color=[_colour(v, 0) for v in totals["sum"]])
    ax.set_yticks(
        positions, [f"{w} (×{n})" for w, n in zip(totals.index, totals["count"], strict=True)]
    )
    ax.axvline(0, color="black", lw=0.6)
    ax.set_xlabel("summed change of sentence compound")
    ax.set_title("Words that drive the scores")
    fig.tight_layout()
    return fig


#: Readable names of the news tone's features.
FEATURE_LABELS = {
    "vader_pos_sat": "VADER positive words",
    "vader_neg_sat": "VADER negative words",
    "afinn_pos_sat": "AFINN positive words",
    "afinn_neg_sat": "AFINN negative words",
    "gi_pos_sat": "General Inquirer positive words",
    "gi_neg_sat": "General Inquirer negative words",
    "negations": "negations",
    "dampeners": 'dampeners ("slightly", "somewhat")',
    "tb_pos_sat": "TextBlob positive words",
    "tb_neg_sat": "TextBlob negative words",
    "lm_pos_sat": "labMT happy words",
    "lm_neg_sat": "labMT unhappy words",
    "sr_pos_sat": "sentimentr positive words",
    "sr_neg_sat": "sentimentr negative words",
    "editorial_words": "word weights (editorials)",
    "context_words": "word-piece tones (context vectors)",
    "sentence_encoder": "sentence encoder (words in context)",
}


def feature_contributions(contributions: pd.DataFrame) -> Figure:
    """What makes the news tone: each feature's contribution summed over the article's
    sentences (from :func:`analysis.sentiment.contributions_table`; ``baseline`` and masked
    names left out), largest in absolute value on top."""
    require_columns(contributions, ["feature", "contribution"], "feature_contributions")
    parts = contributions[~contributions["feature"].isin(["baseline", "masked"])]
    totals = parts.groupby("feature")["contribution"].sum()
    fig = Figure(figsize=(7, 0.8 + 0.35 * max(len(totals), 1)))
    if totals.empty:
        return empty_figure(fig, "no sentence to score")
    totals = totals.reindex(totals.abs().sort_values().index)
    ax = fig.add_subplot()
    ax.barh(range(len(totals)), totals.values, color=[_colour(v, 0) for v in totals.values])
    ax.set_yticks(
        range(len(totals)),
        [FEATURE_LABELS.get(name, name.replace("_", " ")) for name in totals.index],
    )
    ax.axvline(0, color="black", lw=0.6)
    ax.set_xlabel("summed contribution to the sentences' news tone (rating scale)")
    ax.set_title("What moves the news tone")
    fig.tight_layout()
    return fig


def lexicon_scatter(comparison: pd.DataFrame) -> Figure:
    """VADER compound against AFINN (scaled to -1 … +1) per sentence, from
    :func:`analysis.afinn_compare.compare`; agreeing classes in blue, disagreeing in red."""
    require_columns(comparison, ["compound", "afinn_scaled", "agree"], "lexicon_scatter")
    fig = Figure(figsize=(5.2, 5))
    if comparison.empty:
        return empty_figure(fig, "no sentences")
    ax = fig.add_subplot()
    agree = comparison["agree"].astype(bool)
    ax.scatter(
        comparison.loc[agree, "compound"],
        comparison.loc[agree, "afinn_scaled"],
        color=LINE,
        alpha=0.5,
        label=f"same class ({int(agree.sum())})",
    )
    ax.scatter(
        comparison.loc[~agree, "compound"],
        comparison.loc[~agree, "afinn_scaled"],
        color=NEGATIVE,
        marker="x",
        label=f"different class ({int((~agree).sum())})",
    )
    zeros = int(((comparison["compound"] == 0) & (comparison["afinn_scaled"] == 0)).sum())
    if zeros > 1:
        ax.annotate(
            f"{zeros} sentences at (0, 0)",
            (0, 0),
            xytext=(-0.95, 0.12),
            fontsize=8,
            arrowprops={"arrowstyle": "->", "color": NEUTRAL},
        )
    ax.plot([-1, 1], [-1, 1], color=NEUTRAL, lw=0.8, ls="--")
    ax.axhline(0, color="black", lw=0.5)
    ax.axvline(0, color="black", lw=0.5)
    ax.set_xlim(-1.05, 1.05)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("VADER compound")
    ax.set_ylabel("AFINN sum, scaled s/√(s²+15)")
    ax.set_title("Two lexicons, sentence by sentence")
    legend_outside(ax, fontsize=8)
    fig.tight_layout()
    return fig


def share_bars(
    table: pd.DataFrame, key: str = "kind", title: str = "Quotations vs narration"
) -> Figure:
    """Stacked horizontal bars of negative / neutral / positive shares per row of ``table``
    (e.g. :func:`analysis.quotes_sentiment.quotes_vs_narration`), with the mean compound and the
    number of units written beside each bar."""
    require_columns(
        table,
        [key, "positive_share", "negative_share", "neutral_share", "mean_compound"],
        "share_bars",
    )
    fig = Figure(figsize=(8, 1.6 + 0.6 * max(len(table), 1)))
    rows = table.dropna(subset=["mean_compound"])
    if rows.empty:
        return empty_figure(fig, "nothing to compare")
    ax = fig.add_subplot()
    positions = list(range(len(rows)))[::-1]
    left = [0.0] * len(rows)
    for column, colour, name in (
        ("negative_share", NEGATIVE, "negative"),
        ("neutral_share", NEUTRAL, "neutral"),
        ("positive_share", POSITIVE, "positive"),
    ):
        values = rows[column].astype(float).tolist()
        ax.barh(positions, values, left=left, color=colour, label=name)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(positions, [str(v) for v in rows[key]])
    for y, row in zip(positions, rows.itertuples(index=False), strict=True):
        units = getattr(row, "units", None)
        note = f"mean {row.mean_compound:+.3f}" + (f", n={units}" if units is not None else "")
        ax.text(1.02, y, note, va="center", fontsize=8, transform=ax.get_yaxis_transform())
    ax.set_xlim(0, 1)
    ax.set_title(title)
    # The legend below the axis stands in for an x label ("share of units" by class).
    ax.legend(
        frameon=False,
        fontsize=8,
        ncols=3,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.15),
        title="share of units by class",
        title_fontsize=8,
    )
    fig.tight_layout()
    return fig
