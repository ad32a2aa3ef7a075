"""Every actor mention of a document: the name recogniser and the dictionary fused, linked with
evidence, then nominals.

1. :func:`.dictionary_mentions.dictionary_candidates`: the dictionary's forms (names, demonyms,
   metonyms) with every reading each can have;
2. :func:`.fusion.recognised_names`: the trained recogniser's names (PER, LOC, ORG, MISC) over
   the whole document; :func:`.fusion.fuse` makes one set of spans of both;
3. :func:`.linking.link_spans`: readings checked against the recogniser's type and the
   article's evidence (surnames, ambiguous acronyms), names the dictionary lacks merged into
   discovered actors;
4. :func:`.dictionary_mentions.nominal_mentions`: "the Russian president" → Putin.
"""

from __future__ import annotations

from ..text import Document
from .dictionary import ActorDictionary, load_dictionary
from .dictionary_mentions import dictionary_candidates, nominal_mentions
from .fusion import fuse, recognised_names
from .linking import link_spans
from .mention import Mention
from .ner.tagger import NerTagger
from .shared_mentions import shared


def detect_mentions(
    doc: Document,
    dictionary: ActorDictionary | None = None,
    *,
    discover: bool = True,
    tagger: NerTagger | None = None,
) -> list[Mention]:
    """Every actor mention in the document's zones, sorted by offset.

    Args:
        doc: the prepared article (see :func:`analysis.text.prepare`).
        dictionary: the actor dictionary; the packaged one when ``None``.
        discover: also report names that are not in the dictionary (``discovered=True``).
            Either way the name recogniser runs: its spans and types decide which dictionary
            readings hold.
        tagger: the name recogniser; the packaged model when ``None`` (another model, e.g.
            one retrained with ``scripts/train_ner.py``: ``NerTagger(path)``).
    """
    dictionary = dictionary if dictionary is not None else load_dictionary()
    # Computed once per document, dictionary and model (notebook cells and helpers ask again).
    key = ("mentions", dictionary, tagger, discover)
    return list(doc.memo(key, lambda: _shared_or_detected(doc, dictionary, discover, tagger)))


def _shared_or_detected(
    doc: Document, dictionary: ActorDictionary, discover: bool, tagger: NerTagger | None
) -> list[Mention]:
    if tagger is not None:  # a caller's own model: never shared
        return _detect(doc, dictionary, discover, tagger)
    # In a report run, another process may have detected them already (shared_mentions).
    return shared(doc, dictionary, discover, lambda: _detect(doc, dictionary, discover, None))


def _detect(
    doc: Document, dictionary: ActorDictionary, discover: bool, tagger: NerTagger | None
) -> list[Mention]:
    spans = fuse(doc, dictionary_candidates(doc, dictionary), recognised_names(doc, tagger))
    found = link_spans(doc, spans, dictionary)
    if not discover:
        found = [m for m in found if not m.discovered]
    return sorted(found + nominal_mentions(doc, dictionary, found), key=lambda m: m.start)
