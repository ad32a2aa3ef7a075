"""Every actor mention of a document: dictionary forms, discovered names, then nominals."""

from __future__ import annotations

from ..text import Document
from .dictionary import ActorDictionary, load_dictionary
from .dictionary_mentions import dictionary_mentions, nominal_mentions
from .discovery import discover_mentions
from .mention import Mention


def detect_mentions(doc: Document, dictionary: ActorDictionary | None = None, *,
                    discover: bool = True) -> list[Mention]:
    """Every actor mention in the document's zones, sorted by offset.

    Args:
        doc: the prepared article (see :func:`analysis.text.prepare`).
        dictionary: the actor dictionary; the packaged one when ``None``.
        discover: also find names that are not in the dictionary (``discovered=True``).
    """
    dictionary = dictionary if dictionary is not None else load_dictionary()
    found = dictionary_mentions(doc, dictionary)
    if discover:
        found = discover_mentions(doc, found, dictionary)
    return sorted(found + nominal_mentions(doc, dictionary, found), key=lambda m: m.start)
