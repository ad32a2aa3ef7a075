"""Figures of the actor analysis (notebook 03). Each function takes a tidy table (or the graph)
from :mod:`analysis.actors` and returns a matplotlib Figure (built without pyplot)."""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..actors.mention import TYPE_COLOURS
from ..errors import positive_int
from .common import empty_figure, legend_outside, require_columns

KIND_COLOURS = {
    "name": "#0072B2",
    "nominal": "#E69F00",
    "adjectival": "#009E73",
    "metonym": "#CC79A7",
}
KIND_MARKERS = {"name": "|", "nominal": "x", "adjectival": "^", "metonym": "s"}


def _label(row) -> str:
    return f"{row['name']} ({row['type']})"


def frequency_bars(frequency: pd.DataFrame, top_n: int = 15) -> Figure:
    """Stacked horizontal bars of the ``top_n`` most mentioned actors, one segment per mention
    kind; labels carry the actor type and are coloured by it."""
    kinds = list(KIND_COLOURS)
    require_columns(
        frequency, ["name", "type", *[f"mentions_{k}" for k in kinds]], "frequency_bars"
    )
    positive_int("top_n", top_n)
    top = frequency.head(top_n)
    fig = Figure(figsize=(8, 0.4 * max(len(top), 3) + 1.2))
    if top.empty:
        return empty_figure(fig, "no actors found")
    ax = fig.add_subplot()
    labels = [_label(r) for _, r in top.iterrows()][::-1]
    left = [0] * len(top)
    for kind in kinds:
        values = top[f"mentions_{kind}"].tolist()[::-1]
        ax.barh(labels, values, left=left, color=KIND_COLOURS[kind], label=kind)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for tick, type_ in zip(ax.get_yticklabels(), top["type"].tolist()[::-1], strict=True):
        tick.set_color(TYPE_COLOURS.get(type_, "black"))
    ax.set_xlabel("mentions")
    ax.set_title(f"Most mentioned actors (top {len(top)}), by kind of mention")
    legend_outside(ax, title="kind of mention", fontsize=8, title_fontsize=8)
    fig.tight_layout()
    return fig


def dispersion_strip(dispersion: pd.DataFrame, actors: Sequence[str]) -> Figure:
    """One row per actor (ids in ``actors``, first on top); a mark at each mention's relative
    position in the text (0 = start, 1 = end), shaped by mention kind."""
    require_columns(dispersion, ["actor_id", "name", "kind", "position"], "dispersion_strip")
    fig = Figure(figsize=(8, 0.35 * max(len(actors), 3) + 1.2))
    rows = dispersion[dispersion["actor_id"].isin(actors)]
    if rows.empty:
        return empty_figure(fig, "no actors to show")
    ax = fig.add_subplot()
    order = {actor: len(actors) - 1 - i for i, actor in enumerate(actors)}
    names = dict(zip(rows["actor_id"], rows["name"], strict=False))
    for kind, marker in KIND_MARKERS.items():
        part = rows[rows["kind"] == kind]
        if not part.empty:
            ax.scatter(
                part["position"],
                part["actor_id"].map(order),
                marker=marker,
                s=60,
                color=KIND_COLOURS[kind],
                label=kind,
            )
    ax.set_yticks(list(order.values()), [names.get(a, a) for a in order])
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("position in the text (0 = start, 1 = end)")
    ax.set_title("Where each actor is mentioned")
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4)
    fig.tight_layout()
    return fig


def cooccurrence_network(graph: nx.Graph, top_n: int = 15, seed: int = 7) -> Figure:
    """The ``top_n`` most mentioned actors as nodes (size = mentions, colour = type), edges as
    wide as the number of sentences two actors share; layout fixed by ``seed``."""
    positive_int("top_n", top_n)
    fig = Figure(figsize=(8, 6.5))
    if graph.number_of_nodes() == 0:
        return empty_figure(fig, "no actors found")
    nodes = sorted(graph.nodes, key=lambda n: -graph.nodes[n].get("mentions", 0))[:top_n]
    sub = graph.subgraph(nodes)
    ax = fig.add_subplot()
    pos = nx.spring_layout(sub, seed=seed, weight="weight")
    weights = [d["weight"] for _, _, d in sub.edges(data=True)]
    top = max(weights, default=1)
    nx.draw_networkx_edges(
        sub, pos, ax=ax, width=[0.5 + 4 * w / top for w in weights], edge_color="#999999", alpha=0.7
    )
    nx.draw_networkx_nodes(
        sub,
        pos,
        ax=ax,
        node_size=[80 + 40 * sub.nodes[n].get("mentions", 1) for n in sub],
        node_color=[TYPE_COLOURS.get(sub.nodes[n].get("type"), "#DDDDDD") for n in sub],
        edgecolors="white",
    )
    nx.draw_networkx_labels(
        sub, pos, ax=ax, font_size=8, labels={n: sub.nodes[n].get("name", n) for n in sub}
    )
    legend_outside(
        ax,
        handles=[Patch(color=c, label=t) for t, c in TYPE_COLOURS.items()],
        title="actor type",
        fontsize=8,
        title_fontsize=8,
    )
    ax.set_title("Actors named in the same sentence")
    ax.set_axis_off()
    fig.tight_layout()
    return fig


def tone_bars(tone: pd.DataFrame, top_n: int = 15) -> Figure:
    """Mean compound of the sentences mentioning each actor (the ``top_n`` with most sentences),
    labelled with the number of sentences; bars resting on one sentence are hatched and grey."""
    require_columns(tone, ["name", "n_sentences", "mean_compound", "single_sentence"], "tone_bars")
    positive_int("top_n", top_n)
    top = tone.head(top_n)
    fig = Figure(figsize=(8, 0.4 * max(len(top), 3) + 1.2))
    if top.empty:
        return empty_figure(fig, "no actors found")
    ax = fig.add_subplot()
    rows = top.iloc[::-1]
    colours = [
        "#BBBBBB" if single else ("#009E73" if value >= 0 else "#D55E00")
        for single, value in zip(rows["single_sentence"], rows["mean_compound"], strict=True)
    ]
    bars = ax.barh(rows["name"], rows["mean_compound"], color=colours)
    for bar, single, n in zip(bars, rows["single_sentence"], rows["n_sentences"], strict=True):
        if single:
            bar.set_hatch("//")
        x = bar.get_width()
        ax.text(
            x + (0.01 if x >= 0 else -0.01),
            bar.get_y() + bar.get_height() / 2,
            f"n={n}",
            va="center",
            ha="left" if x >= 0 else "right",
            fontsize=8,
        )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound of the sentences mentioning the actor")
    ax.set_title("Actor tone (n = sentences; hatched = a single sentence)")
    fig.tight_layout()
    return fig


def quoted_vs_mentioned(frequency: pd.DataFrame, quotes: pd.DataFrame, top_n: int = 15) -> Figure:
    """For the ``top_n`` most mentioned and the ``top_n`` most quoted actors: mentions beside
    statements attributed to them. (Every quoted actor made the chart of a long article
    hundreds of bars tall and slow to draw; the title says how many quoted actors it leaves
    out.)"""
    require_columns(frequency, ["actor_id", "name", "mentions_total"], "quoted_vs_mentioned")
    require_columns(quotes, ["speaker_actor"], "quoted_vs_mentioned")
    positive_int("top_n", top_n)
    quoted = quotes["speaker_actor"].dropna().value_counts()
    most_quoted = quoted.index[:top_n]  # value_counts: most statements first
    keep = frequency[(frequency.index < top_n) | frequency["actor_id"].isin(most_quoted)]
    left_out = int((~quoted.index.isin(keep["actor_id"])).sum())
    fig = Figure(figsize=(8, 0.4 * max(len(keep), 3) + 1.2))
    if keep.empty:
        return empty_figure(fig, "no actors found")
    ax = fig.add_subplot()
    rows = keep.iloc[::-1].reset_index(drop=True)
    y = range(len(rows))
    ax.barh(
        [i + 0.2 for i in y], rows["mentions_total"], height=0.4, color="#56B4E9", label="mentions"
    )
    ax.barh(
        [i - 0.2 for i in y],
        rows["actor_id"].map(quoted).fillna(0),
        height=0.4,
        color="#E69F00",
        label="statements attributed",
    )
    ax.set_yticks(list(y), rows["name"])
    ax.set_xlabel("count")
    title = "Who is quoted versus who is talked about"
    if left_out:
        title += f"\n({left_out} other quoted actor{'s' if left_out != 1 else ''} not shown)"
    ax.set_title(title)
    legend_outside(ax, fontsize=8)
    fig.tight_layout()
    return fig
