"""The versioned, JSON-serialisable result record of one article.

Its contract is ``docs/record.md`` (each field's meaning, type and unit) and the JSON Schema
:data:`SCHEMA_FILE`, against which the tests validate every record they produce.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from . import actors, sentiment, stats
from ._version import __version__
from .actors import ActorDictionary
from .actors.fusion import recognised_names
from .article import Article
from .forking import MIN_ITEMS, in_background
from .paths import RESOURCES_DIR
from .text import Document, prepare

SCHEMA = "article-analysis/2"
SCHEMA_FILE = RESOURCES_DIR / "record.schema.json"


def article_section(article: Article) -> dict[str, Any]:
    """Metadata and zone counts of the article."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "sha256": article.sha256,
        "format": article.format,
        "encoding": article.encoding,
        "zones": article.zone_counts(),
        "sections": list(article.section_names()),
        "language": article.language,
        "extraction": article.extraction,
        "warnings": [w.to_dict() for w in article.warnings],
    }


def basic_counts(doc: Document) -> dict[str, int]:
    """Words, sentences and paragraphs of the analysed zones."""
    return {"words": len(doc.words), "sentences": len(doc.sentences), "paragraphs": len(doc.blocks)}


def build_record(
    article: Article,
    zones: Iterable[str] = ("body",),
    dictionary: ActorDictionary | None = None,
    *,
    allow_language: bool = False,
) -> dict[str, Any]:
    """Analyse ``article`` (its body by default) and return the result record.

    ``dictionary`` is the actor dictionary (default: the packaged one,
    :func:`analysis.dictionary.load_dictionary`).

    Raises:
        UnsupportedLanguageError: the article is not in English and ``allow_language`` is
            False: its readability, sentiment and actors would be confident nonsense.
    """
    with collector_paused():
        return _build_record(article, zones, dictionary, allow_language)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector paused (reference counting still
    frees nearly everything at once).

    An analysis makes millions of small objects (tokens, features, spans) that all live until
    the record is built; the collector would walk each of them at least twice as they age,
    about a tenth of the time of a long article, to find almost nothing: one record leaves a
    few hundred objects in reference cycles whatever the article's length (none on a 1.6 MB
    article, at most 500 on the evaluation pages), and they are collected once the collector
    is back. A caller that had paused it keeps it paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build_record(
    article: Article, zones: Iterable[str], dictionary: ActorDictionary | None, allow_language: bool
) -> dict[str, Any]:
    doc = prepare(article, zones, allow_language=allow_language)
    dictionary = dictionary if dictionary is not None else actors.load_dictionary()
    big = len(doc.tokens) >= MIN_ITEMS
    # On a long article the name recogniser runs in several processes first (kept for
    # detect_mentions); the statistics, independent of the rest, are then computed by a forked
    # child while this process links the names, which it does alone.
    recognised_names(doc)
    stats_section = in_background(lambda: stats.record_section(doc), worth_it=big)
    # Mentions first: their names are masked in the tone (sentiment.masking).
    mentions = actors.detect_mentions(doc, dictionary)
    quotes = in_background(lambda: actors.attribute_quotes(doc, mentions), worth_it=big)
    spans = sentiment.spans_of(mentions)
    scores = sentiment.sentence_scores(doc, spans)
    sentiment_section = sentiment.record_section(doc, masked=spans, scores=scores)
    # Actor tone reuses the (entity-aware) sentence scores above.
    actor_sections = actors.record_sections(
        doc, dictionary, scores, mentions=mentions, quotes=quotes()
    )
    return {
        "schema": SCHEMA,
        "generator": f"article-analysis {__version__}",
        "zones_analysed": list(doc.zones),
        "article": article_section(article),
        "stats": stats_section(),
        "sentiment": sentiment_section,
        **actor_sections,
    }
