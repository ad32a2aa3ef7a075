"""Actors of an article in one call: mentions, frequency, dispersion, co-occurrence, quotes, tone.

The work is done by single-job modules; this one wires them together for notebooks, reports and
the result record:

* :mod:`.dictionary` – the actor dictionary;
* :mod:`.detection` – every mention: the name recogniser (:mod:`.ner`) and the dictionary's
  forms (:mod:`.dictionary_mentions`: name, nominal, adjectival, metonym) fused
  (:mod:`.fusion`) and linked with evidence (:mod:`.linking`), names not in the dictionary
  included;
* :mod:`.quotes` – quote attribution;
* :mod:`.tables` – frequency, dispersion, co-occurrence and tone tables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..article import Article
from ..errors import positive_int
from ..sentiment.scores import sentence_scores
from ..text import Document, prepare
from .detection import detect_mentions
from .dictionary import ActorDictionary, load_dictionary
from .mention import MENTION_KINDS, Mention
from .quotes import attribute_quotes
from .tables import (
    actor_frequency,
    actor_tone,
    compound_by_sentence,
    cooccurrence_graph,
    cooccurrence_table,
    dispersion_table,
)

if TYPE_CHECKING:
    import networkx as nx


MENTION_COLUMNS = [
    "actor_id",
    "name",
    "type",
    "kind",
    "text",
    "start",
    "end",
    "sentence",
    "zone",
    "discovered",
]


@dataclass(frozen=True)
class ActorAnalysis:
    """Everything the actor notebook shows, as plain values and tidy tables."""

    mentions: list[Mention]
    mentions_table: pd.DataFrame
    frequency: pd.DataFrame
    dispersion: pd.DataFrame
    graph: nx.Graph
    edges: pd.DataFrame
    quotes: pd.DataFrame
    tone: pd.DataFrame


def mentions_table(mentions: list[Mention]) -> pd.DataFrame:
    """The mentions as a tidy table (one row per mention, in text order)."""
    rows = [
        {
            "actor_id": m.actor,
            "name": m.name,
            "type": m.type,
            "kind": m.kind,
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "sentence": m.sentence,
            "zone": m.zone,
            "discovered": m.discovered,
        }
        for m in mentions
    ]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def headline_actors(article: Article, dictionary: ActorDictionary) -> dict[str, set[str]]:
    """Actor ids mentioned in the title and in the section headings."""
    result = {}
    for key, zone in (("title", "title"), ("headings", "heading")):
        blocks = article.blocks_in([zone])
        if not blocks:
            result[key] = set()
            continue
        # The caller's analysis has already accepted (or refused) the article's language.
        doc = prepare(article, [zone], allow_language=True)
        result[key] = {m.actor for m in detect_mentions(doc, dictionary)}
    return result


def _compound(doc: Document, scores: pd.DataFrame | None) -> pd.Series:
    return compound_by_sentence(sentence_scores(doc) if scores is None else scores)


def analyse_actors(
    doc: Document,
    dictionary: ActorDictionary | None = None,
    scores: pd.DataFrame | None = None,
    *,
    min_sentences: int = 2,
    mentions: list[Mention] | None = None,
) -> ActorAnalysis:
    """Detect the actors of ``doc`` and build every actor table.

    Args:
        doc: the prepared article (its analysed zones).
        dictionary: the actor dictionary (the packaged one when ``None``).
        scores: per-sentence VADER scores of ``doc`` (``analysis.sentiment.sentence_scores``);
            computed when ``None``.
        min_sentences: fewest sentences for an actor's ``tone`` to be given.
        mentions: the mentions of ``doc`` when already detected with ``dictionary``.
    """
    dictionary = dictionary if dictionary is not None else load_dictionary()
    mentions = detect_mentions(doc, dictionary) if mentions is None else mentions
    heads = headline_actors(doc.article, dictionary)
    span = (doc.sentences[0].start, doc.sentences[-1].end) if doc.sentences else (0, 1)
    graph = cooccurrence_graph(mentions)
    return ActorAnalysis(
        mentions=mentions,
        mentions_table=mentions_table(mentions),
        frequency=actor_frequency(mentions, len(doc.sentences), heads["title"], heads["headings"]),
        dispersion=dispersion_table(mentions, span),
        graph=graph,
        edges=cooccurrence_table(graph),
        quotes=attribute_quotes(doc, mentions),
        tone=actor_tone(mentions, _compound(doc, scores), min_sentences),
    )


def select_actors(
    frequency: pd.DataFrame, min_mentions: int = 1, top_n: int | None = None
) -> pd.DataFrame:
    """The rows of a frequency table with at least ``min_mentions`` mentions, the first
    ``top_n`` of them (all when ``None``)."""
    positive_int("min_mentions", min_mentions)
    positive_int("top_n", top_n, allow_none=True)
    kept = frequency[frequency["mentions_total"] >= min_mentions].reset_index(drop=True)
    return kept if top_n is None else kept.head(top_n)


def _number(value: Any) -> float | None:
    return (
        None
        if value is None or (isinstance(value, float) and math.isnan(value))
        else round(float(value), 4)
    )


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def quote_record(q: Any) -> dict[str, Any]:
    """One row of :func:`analysis.actors.attribute_quotes` as a record ``quotes`` entry."""
    return {
        "speaker": _text_or_none(q.speaker) or _text_or_none(q.speaker_text) or "",
        "speaker_actor": _text_or_none(q.speaker_actor),
        "speaker_name": _text_or_none(q.speaker_name),
        "speaker_text": _text_or_none(q.speaker_text) or "",
        "speaker_type": _text_or_none(q.speaker_type),
        "speaker_affiliation": _text_or_none(q.speaker_affiliation),
        "resolution": q.resolution,
        "mode": q.mode,
        "text": q.text,
        "verb": _text_or_none(q.verb),
        "sentence": int(q.sentence),
        "start": int(q.start),
        "end": int(q.end),
        "parts": [[int(a), int(b)] for a, b in q.parts],
    }


def record_sections(
    doc: Document,
    dictionary: ActorDictionary | None = None,
    scores: pd.DataFrame | None = None,
    *,
    mentions: list[Mention] | None = None,
    quotes: pd.DataFrame | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """The result record's ``actors``, ``actor_mentions`` and ``quotes`` fields.

    ``actors[].tone`` is the mean compound of the sentences mentioning the actor, or ``None``
    when fewer than two sentences do; ``tone_sentences`` gives that number of sentences.
    ``quotes[]`` are the rows of :func:`.quotes.attribute_quotes` (:func:`quote_record`);
    pass ``quotes`` when they are already known for these ``mentions``.
    """
    # Only the tables the record holds (no graph, dispersion or mention table: the notebooks'
    # analyse_actors builds those).
    dictionary = dictionary if dictionary is not None else load_dictionary()
    mentions = detect_mentions(doc, dictionary) if mentions is None else mentions
    heads = headline_actors(doc.article, dictionary)
    frequency = actor_frequency(mentions, len(doc.sentences), heads["title"], heads["headings"])
    tone = actor_tone(mentions, _compound(doc, scores)).set_index("actor_id")
    actors = []
    for row in frequency.itertuples(index=False):
        actors.append(
            {
                "id": row.actor_id,
                "name": row.name,
                "type": row.type,
                "mentions": {k: int(getattr(row, f"mentions_{k}")) for k in MENTION_KINDS},
                "tone": _number(tone.at[row.actor_id, "tone"]),
                "tone_sentences": int(tone.at[row.actor_id, "n_sentences"]),
                "discovered": bool(row.discovered),
            }
        )
    mention_rows = [
        {"actor": m.actor, "text": m.text, "start": m.start, "end": m.end, "kind": m.kind}
        for m in mentions
    ]
    quotes = attribute_quotes(doc, mentions) if quotes is None else quotes
    quote_rows = [quote_record(q) for q in quotes.itertuples(index=False)]
    return {"actors": actors, "actor_mentions": mention_rows, "quotes": quote_rows}
