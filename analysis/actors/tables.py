"""Tidy tables built from actor mentions: frequency, dispersion, co-occurrence and tone.

Definitions
-----------
* ``mentions_<kind>``: mentions of the actor of that kind (name, nominal, adjectival, metonym;
  see :mod:`analysis.mentions`); ``mentions_total`` is their sum.
* ``first_offset`` / ``first_sentence``: character offset (into ``article.text``) and sentence
  index of the actor's first mention in the analysed zones.
* ``n_sentences``: sentences with at least one mention of the actor; ``share_of_sentences`` is
  that number over all sentences analysed.
* ``in_title`` / ``in_headings``: the actor is mentioned in the article's title / section
  headings (whatever zones are analysed).
* Co-occurrence: two actors co-occur in a sentence that mentions both; an edge's ``weight`` is
  the number of such sentences.
* Tone: the mean VADER compound score of the sentences that mention the actor (each sentence
  counted once). ``tone`` is left empty when fewer than ``min_sentences`` (default 2) sentences
  carry it — a single sentence is not a portrayal — and ``mean_compound`` always says what
  those sentences score, beside ``n_sentences``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import ParameterError, positive_int
from .mention import MENTION_KINDS, Mention

if TYPE_CHECKING:
    import networkx as nx

FREQUENCY_COLUMNS = [
    "actor_id",
    "name",
    "type",
    *[f"mentions_{k}" for k in MENTION_KINDS],
    "mentions_total",
    "first_offset",
    "first_sentence",
    "n_sentences",
    "share_of_sentences",
    "in_title",
    "in_headings",
    "discovered",
]
DISPERSION_COLUMNS = [
    "actor_id",
    "name",
    "type",
    "kind",
    "text",
    "sentence",
    "start",
    "end",
    "position",
]
EDGE_COLUMNS = ["source", "target", "source_name", "target_name", "weight"]
TONE_COLUMNS = [
    "actor_id",
    "name",
    "type",
    "n_sentences",
    "mean_compound",
    "tone",
    "single_sentence",
]


def actor_frequency(
    mentions: Sequence[Mention],
    n_sentences: int,
    title_actors: Iterable[str] = (),
    heading_actors: Iterable[str] = (),
) -> pd.DataFrame:
    """One row per actor: counts per mention kind, first position, spread, title/heading flags.

    Sorted by ``mentions_total`` (descending), then first position.
    """
    if n_sentences < 0:
        raise ParameterError(f"n_sentences must be >= 0, not {n_sentences}")
    title_set, heading_set = set(title_actors), set(heading_actors)
    rows: dict[str, dict] = {}
    sentences: dict[str, set[int]] = defaultdict(set)
    for m in sorted(mentions, key=lambda m: m.start):
        row = rows.setdefault(
            m.actor,
            {
                "actor_id": m.actor,
                "name": m.name,
                "type": m.type,
                **{f"mentions_{k}": 0 for k in MENTION_KINDS},
                "mentions_total": 0,
                "first_offset": m.start,
                "first_sentence": m.sentence,
                "discovered": m.discovered,
            },
        )
        row[f"mentions_{m.kind}"] += 1
        row["mentions_total"] += 1
        sentences[m.actor].add(m.sentence)
    for actor_id, row in rows.items():
        row["n_sentences"] = len(sentences[actor_id])
        row["share_of_sentences"] = len(sentences[actor_id]) / n_sentences if n_sentences else 0.0
        row["in_title"] = actor_id in title_set
        row["in_headings"] = actor_id in heading_set
    table = pd.DataFrame(list(rows.values()), columns=FREQUENCY_COLUMNS)
    return table.sort_values(
        ["mentions_total", "first_offset"], ascending=[False, True], ignore_index=True
    )


def dispersion_table(mentions: Sequence[Mention], span: tuple[int, int]) -> pd.DataFrame:
    """One row per mention with its sentence index and relative ``position`` (0–1) in ``span``
    (the first and last character offsets of the analysed text)."""
    lo, hi = span
    width = max(hi - lo, 1)
    rows = [
        {
            "actor_id": m.actor,
            "name": m.name,
            "type": m.type,
            "kind": m.kind,
            "text": m.text,
            "sentence": m.sentence,
            "start": m.start,
            "end": m.end,
            "position": (m.start - lo) / width,
        }
        for m in mentions
    ]
    return pd.DataFrame(rows, columns=DISPERSION_COLUMNS)


def cooccurrence_graph(mentions: Sequence[Mention]) -> nx.Graph:
    """Actors as nodes (``name``, ``type``, ``mentions``), an edge per pair of actors that share
    a sentence, ``weight`` = number of shared sentences."""
    # Imported on first use: networkx takes ~0.15 s to import and the record needs no graph.
    import networkx as nx

    graph = nx.Graph()
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for m in mentions:
        if m.actor not in graph:
            graph.add_node(m.actor, name=m.name, type=m.type, mentions=0)
        graph.nodes[m.actor]["mentions"] += 1
        by_sentence[m.sentence].add(m.actor)
    for actors in by_sentence.values():
        for a, b in combinations(sorted(actors), 2):
            weight = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
            graph.add_edge(a, b, weight=weight)
    return graph


def cooccurrence_table(graph: nx.Graph) -> pd.DataFrame:
    """The graph's edges as a table, heaviest first."""
    rows = []
    for a, b, data in graph.edges(data=True):
        source, target = sorted((a, b))
        rows.append(
            {
                "source": source,
                "target": target,
                "source_name": graph.nodes[source]["name"],
                "target_name": graph.nodes[target]["name"],
                "weight": data["weight"],
            }
        )
    table = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    return table.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], ignore_index=True
    )


def actor_tone(
    mentions: Sequence[Mention], compound: pd.Series | dict[int, float], min_sentences: int = 2
) -> pd.DataFrame:
    """Mean compound score of the sentences that mention each actor.

    Args:
        mentions: the actor mentions.
        compound: sentence index -> VADER compound score (e.g. ``sentence_scores(doc)``
            indexed by ``index``; a dict works too).
        min_sentences: fewest sentences for ``tone`` to be filled (``mean_compound`` is always
            given, with ``single_sentence`` saying when it rests on one sentence).
    """
    positive_int("min_sentences", min_sentences)
    scores = dict(compound.items()) if isinstance(compound, pd.Series) else dict(compound)
    meta: dict[str, tuple[str, str]] = {}
    sentences: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        meta.setdefault(m.actor, (m.name, m.type))
        sentences[m.actor].add(m.sentence)
    rows = []
    for actor_id, (name, type_) in meta.items():
        values = [float(scores[i]) for i in sorted(sentences[actor_id]) if i in scores]
        if len(values) < len(sentences[actor_id]):
            missing = sorted(sentences[actor_id] - set(scores))
            raise ParameterError(
                f"no compound score for sentence(s) {missing}; pass the "
                "scores of the same Document the mentions come from"
            )
        mean = sum(values) / len(values) if values else float("nan")
        rows.append(
            {
                "actor_id": actor_id,
                "name": name,
                "type": type_,
                "n_sentences": len(values),
                "mean_compound": mean,
                "tone": mean if len(values) >= min_sentences else float("nan"),
                "single_sentence": len(values) == 1,
            }
        )
    table = pd.DataFrame(rows, columns=TONE_COLUMNS)
    return table.sort_values(
        ["n_sentences", "actor_id"], ascending=[False, True], ignore_index=True
    )


def compound_by_sentence(scores: pd.DataFrame) -> pd.Series:
    """Sentence index -> compound, from a ``sentence_scores`` table (columns index, compound)."""
    missing = {"index", "compound"} - set(scores.columns)
    if missing:
        raise ParameterError(
            f"sentence scores lack column(s) {sorted(missing)}; pass the "
            "table returned by analysis.sentiment.sentence_scores(doc)"
        )
    return pd.Series(scores["compound"].to_numpy(), index=scores["index"].to_numpy())
