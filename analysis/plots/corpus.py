"""Figures of the corpus overview (notebook 04). Each function takes a table from
:mod:`analysis.corpus_overview` (or the ``articles`` table) and returns a matplotlib Figure
(built without pyplot); an empty table gives a figure that says what is missing."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..actors.mention import TYPE_COLOURS
from .common import empty_figure, legend_outside, require_columns


def actor_frequency_bars(frequency: pd.DataFrame) -> Figure:
    """Horizontal bars: in how many articles each actor appears (first row on top), each bar
    labelled with the actor's total mentions and coloured by actor type."""
    require_columns(
        frequency, ["actor_name", "actor_type", "articles", "mentions"], "actor_frequency_bars"
    )
    fig = Figure(figsize=(8, 0.38 * max(len(frequency), 3) + 1.3))
    if frequency.empty:
        return empty_figure(fig, "no actors in this corpus (or no actors section in its records)")
    ax = fig.add_subplot()
    rows = frequency.iloc[::-1]
    colours = [TYPE_COLOURS.get(t, "#999999") for t in rows["actor_type"]]
    bars = ax.barh(rows["actor_name"], rows["articles"], color=colours)
    for bar, mentions in zip(bars, rows["mentions"], strict=True):
        ax.annotate(
            f"{int(mentions)} mentions",
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=7,
        )
    types = [t for t in TYPE_COLOURS if t in set(rows["actor_type"])]
    legend_outside(ax, handles=[Patch(color=TYPE_COLOURS[t], label=t) for t in types], fontsize=8)
    ax.set_xlabel("articles mentioning the actor")
    ax.set_title("Actors by number of articles (label: mentions in all articles)")
    ax.margins(x=0.18)
    fig.tight_layout()
    return fig


def cooccurrence_heatmap(matrix: pd.DataFrame) -> Figure:
    """Heat map of a square co-occurrence table (articles in which both actors appear; the
    diagonal, each actor's own articles, is left blank so the pairs stand out)."""
    size = max(len(matrix), 3)
    fig = Figure(figsize=(0.5 * size + 3, 0.5 * size + 2))
    if matrix.empty:
        return empty_figure(fig, "no actors to pair")
    ax = fig.add_subplot()
    values = matrix.to_numpy(dtype=float).copy()
    np.fill_diagonal(values, np.nan)
    image = ax.imshow(values, cmap="Blues")
    ax.set_xticks(range(len(matrix)), matrix.columns, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(matrix)), matrix.index, fontsize=8)
    top = np.nanmax(values) if np.isfinite(values).any() else 0
    if len(matrix) <= 20:
        for i in range(len(matrix)):
            for j in range(len(matrix)):
                if i != j and values[i, j] > 0:
                    ax.text(
                        j,
                        i,
                        int(values[i, j]),
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white" if values[i, j] > top / 2 else "black",
                    )
    fig.colorbar(image, ax=ax, label="articles with both actors", shrink=0.8)
    ax.set_title("Actors appearing in the same articles")
    fig.tight_layout()
    return fig


def tone_by_group_chart(table: pd.DataFrame, group_by: str, column_label: str) -> Figure:
    """One row per group: the median article tone as a dot, the interquartile range as a line,
    the mean as a cross; the number of articles beside each group name."""
    require_columns(
        table, [group_by, "articles", "mean", "median", "q25", "q75"], "tone_by_group_chart"
    )
    fig = Figure(figsize=(8, 0.4 * max(len(table), 3) + 1.4))
    if table.empty:
        return empty_figure(fig, f"no {column_label} values in this corpus")
    ax = fig.add_subplot()
    rows = table.iloc[::-1].reset_index(drop=True)
    labels = [f"{g} (n={n})" for g, n in zip(rows[group_by], rows["articles"], strict=True)]
    y = np.arange(len(rows))
    ax.hlines(y, rows["q25"], rows["q75"], color="#56B4E9", linewidth=4, label="middle half")
    ax.scatter(rows["median"], y, color="#0072B2", zorder=3, label="median")
    ax.scatter(rows["mean"], y, color="#D55E00", marker="x", zorder=4, label="mean")
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_yticks(y, labels)
    ax.set_xlabel(column_label)
    ax.set_title(f"Article tone by {group_by}")
    ax.margins(y=0.3 if len(rows) < 3 else 0.05)
    legend_outside(ax, fontsize=8)
    fig.tight_layout()
    return fig


def tone_over_time_chart(table: pd.DataFrame, column_label: str) -> Figure:
    """Mean and median article tone per period (lines), articles per period (grey bars on a
    second axis)."""
    require_columns(table, ["period", "articles", "mean", "median"], "tone_over_time_chart")
    fig = Figure(figsize=(9, 4))
    if table.empty:
        return empty_figure(fig, "no dated articles with a tone value")
    ax = fig.add_subplot()
    x = np.arange(len(table))
    counts = ax.twinx()
    counts.bar(x, table["articles"], color="#DDDDDD", width=0.8)
    counts.set_ylabel("articles")
    ax.set_zorder(counts.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot(x, table["mean"], marker="o", color="#D55E00", label="mean")
    ax.plot(x, table["median"], marker=".", color="#0072B2", label="median")
    ax.axhline(0, color="#999999", linewidth=0.8)
    step = max(1, len(table) // 12)
    ax.set_xticks(x[::step], table["period"].iloc[::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel(column_label)
    ax.set_title("Article tone over time")
    legend_outside(ax)
    fig.tight_layout()
    return fig


def distribution_histograms(
    articles: pd.DataFrame, columns: Sequence[str], bins: int = 30
) -> Figure:
    """One histogram per column that holds values (small multiples, two per row), with the
    median marked."""
    present = [c for c in columns if c in articles.columns and articles[c].notna().any()]
    rows = max(1, (len(present) + 1) // 2)
    fig = Figure(figsize=(9, 2.6 * rows + 0.6))
    if not present:
        return empty_figure(fig, "no readability values in this corpus")
    for i, column in enumerate(present):
        ax = fig.add_subplot(rows, 2, i + 1)
        values = articles[column].astype(float).dropna()
        ax.hist(values, bins=bins, color="#56B4E9", edgecolor="white")
        ax.axvline(values.median(), color="#D55E00", linewidth=1.2)
        ax.set_title(column.removeprefix("readability_").replace("_", " "), fontsize=9)
        ax.set_ylabel("articles", fontsize=8)
        ax.tick_params(labelsize=8)
    fig.suptitle("Readability of the articles (red line: median)")
    fig.tight_layout()
    return fig


def outlier_scatter(articles: pd.DataFrame, x: str, y: str, outliers: pd.DataFrame) -> Figure:
    """Every article as a dot (``x`` against ``y``); articles listed in ``outliers`` in red."""
    fig = Figure(figsize=(7, 4.5))
    if not {x, y} <= set(articles.columns) or articles[[x, y]].dropna().empty:
        return empty_figure(fig, f"no {x} and {y} values to compare")
    ax = fig.add_subplot()
    flagged = articles["input_id"].isin(set(outliers.get("input_id", [])))
    ax.scatter(
        articles.loc[~flagged, x],
        articles.loc[~flagged, y],
        s=8,
        alpha=0.5,
        color="#56B4E9",
        label="article",
    )
    ax.scatter(
        articles.loc[flagged, x],
        articles.loc[flagged, y],
        s=24,
        color="#D55E00",
        label="listed outlier",
    )
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    ax.set_title("Articles, with the listed outliers")
    legend_outside(ax)
    fig.tight_layout()
    return fig
