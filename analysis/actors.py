"""Actors of an article in one call: mentions, frequency, dispersion, co-occurrence, quotes, tone.

The work is done by single-job modules; this one wires them together for notebooks, reports and
the result record:

* :mod:`analysis.dictionary` – the actor dictionary;
* :mod:`analysis.mentions` – dictionary mentions (name, nominal, adjectival, metonym);
* :mod:`analysis.discovery` – names not in the dictionary;
* :mod:`analysis.quotes` – quote attribution;
* :mod:`analysis.actor_tables` – frequency, dispersion, co-occurrence and tone tables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from .actor_tables import (
    actor_frequency,
    actor_tone,
    compound_by_sentence,
    cooccurrence_graph,
    cooccurrence_table,
    dispersion_table,
)
from .article import Article
from .dictionary import ActorDictionary, load_dictionary
from .errors import ParameterError
from .mentions import MENTION_KINDS, Mention, detect_mentions
from .outputs import escape_html
from .paths import resolve_path
from .quotes import attribute_quotes
from .text import Document, prepare

MENTION_COLUMNS = ["actor_id", "name", "type", "kind", "text", "start", "end", "sentence",
                   "zone", "discovered"]

#: Highlight colours per actor type (colour-blind-safe Okabe–Ito palette).
TYPE_COLOURS = {"person": "#E69F00", "state": "#56B4E9", "organization": "#009E73",
                "place": "#CC79A7"}


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


def load_actor_dictionary(path: str | Path | None = None) -> ActorDictionary:
    """The packaged dictionary, extended/overridden by the YAML file at ``path`` if given
    (``None`` or ``""`` means the packaged dictionary alone)."""
    if path is None or str(path).strip() == "":
        return load_dictionary()
    return load_dictionary(resolve_path(path))


def mentions_table(mentions: list[Mention]) -> pd.DataFrame:
    """The mentions as a tidy table (one row per mention, in text order)."""
    rows = [{"actor_id": m.actor, "name": m.name, "type": m.type, "kind": m.kind,
             "text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence,
             "zone": m.zone, "discovered": m.discovered} for m in mentions]
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
    if scores is None:
        from .sentiment import sentence_scores

        scores = sentence_scores(doc)
    return compound_by_sentence(scores)


def analyse_actors(doc: Document, dictionary: ActorDictionary | None = None,
                   scores: pd.DataFrame | None = None, *, min_sentences: int = 2
                   ) -> ActorAnalysis:
    """Detect the actors of ``doc`` and build every actor table.

    Args:
        doc: the prepared article (its analysed zones).
        dictionary: the actor dictionary (the packaged one when ``None``).
        scores: per-sentence VADER scores of ``doc`` (``analysis.sentiment.sentence_scores``);
            computed when ``None``.
        min_sentences: fewest sentences for an actor's ``tone`` to be given.
    """
    dictionary = dictionary if dictionary is not None else load_dictionary()
    mentions = detect_mentions(doc, dictionary)
    heads = headline_actors(doc.article, dictionary)
    span = ((doc.sentences[0].start, doc.sentences[-1].end) if doc.sentences else (0, 1))
    graph = cooccurrence_graph(mentions)
    return ActorAnalysis(
        mentions=mentions,
        mentions_table=mentions_table(mentions),
        frequency=actor_frequency(mentions, len(doc.sentences), heads["title"],
                                  heads["headings"]),
        dispersion=dispersion_table(mentions, span),
        graph=graph,
        edges=cooccurrence_table(graph),
        quotes=attribute_quotes(doc, mentions),
        tone=actor_tone(mentions, _compound(doc, scores), min_sentences),
    )


def select_actors(frequency: pd.DataFrame, min_mentions: int = 1, top_n: int | None = None
                  ) -> pd.DataFrame:
    """The rows of a frequency table with at least ``min_mentions`` mentions, the first
    ``top_n`` of them (all when ``None``)."""
    if not isinstance(min_mentions, int) or min_mentions < 1:
        raise ParameterError(f"min_mentions must be a positive integer, not {min_mentions!r}")
    if top_n is not None and (not isinstance(top_n, int) or top_n < 1):
        raise ParameterError(f"top_n must be a positive integer or None, not {top_n!r}")
    kept = frequency[frequency["mentions_total"] >= min_mentions].reset_index(drop=True)
    return kept if top_n is None else kept.head(top_n)


def _number(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) \
        else round(float(value), 4)


def record_sections(doc: Document, dictionary: ActorDictionary | None = None,
                    scores: pd.DataFrame | None = None) -> dict[str, list[dict[str, Any]]]:
    """The result record's ``actors``, ``actor_mentions`` and ``quotes`` fields.

    ``actors[].tone`` is the mean compound of the sentences mentioning the actor, or ``None``
    when fewer than two sentences do; ``tone_sentences`` gives that number of sentences.
    ``quotes[].speaker`` is the speaker's actor id when the speaker is an actor, else the
    speaker phrase as written (``speaker_text`` always holds the phrase).
    """
    result = analyse_actors(doc, dictionary, scores)
    tone = result.tone.set_index("actor_id")
    actors = []
    for row in result.frequency.itertuples(index=False):
        actors.append({
            "id": row.actor_id, "name": row.name, "type": row.type,
            "mentions": {k: int(getattr(row, f"mentions_{k}")) for k in MENTION_KINDS},
            "tone": _number(tone.at[row.actor_id, "tone"]),
            "tone_sentences": int(tone.at[row.actor_id, "n_sentences"]),
            "discovered": bool(row.discovered),
        })
    mentions = [{"actor": m.actor, "text": m.text, "start": m.start, "end": m.end,
                 "kind": m.kind} for m in result.mentions]
    quotes = [{"speaker": q.speaker_actor if isinstance(q.speaker_actor, str) else q.speaker,
               "speaker_name": q.speaker_name if isinstance(q.speaker_name, str) else None,
               "speaker_text": q.speaker, "text": q.text, "verb": q.verb,
               "sentence": int(q.sentence)} for q in result.quotes.itertuples(index=False)]
    return {"actors": actors, "actor_mentions": mentions, "quotes": quotes}


def highlight_html(doc: Document, mentions: list[Mention]) -> str:
    """The analysed text as HTML paragraphs, each mention in a ``<mark>`` coloured by type with
    its actor and kind as a tooltip. All article text is escaped."""
    parts = []
    by_start = sorted(mentions, key=lambda m: m.start)
    for block in doc.blocks:
        pos = block.start
        html = []
        for m in by_start:
            if m.start < block.start or m.end > block.end or m.start < pos:
                continue
            html.append(escape_html(doc.article.text[pos:m.start]))
            colour = TYPE_COLOURS.get(m.type, "#DDDDDD")
            html.append(f'<mark style="background:{colour}55" '
                        f'title="{escape_html(m.name)} ({m.type}, {m.kind})">'
                        f"{escape_html(m.text)}</mark>")
            pos = m.end
        html.append(escape_html(doc.article.text[pos:block.end]))
        parts.append(f"<p>{''.join(html)}</p>")
    legend = " ".join(f'<mark style="background:{c}55">{t}</mark>'
                      for t, c in TYPE_COLOURS.items())
    return f"<div><p>{legend}</p>{''.join(parts)}</div>"
