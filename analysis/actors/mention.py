"""The actor vocabulary shared by every actor module: types, id prefixes, mention kinds, colours,
and the :class:`Mention` record."""

from __future__ import annotations

from dataclasses import dataclass

#: What an actor can be.
ACTOR_TYPES = ("person", "state", "organization", "place")

#: The id prefix each type uses ("state:RUS", "org:nato", "person:vladimir-putin", "place:…").
ID_PREFIX = {"person": "person", "state": "state", "organization": "org", "place": "place"}

#: How a mention refers to its actor (see :mod:`analysis.actors.dictionary_mentions`).
MENTION_KINDS = ("name", "nominal", "adjectival", "metonym")

#: Colour per actor type in highlighted text and figures (colour-blind-safe Okabe–Ito palette).
TYPE_COLOURS = {"person": "#E69F00", "state": "#56B4E9", "organization": "#009E73",
                "place": "#CC79A7"}


@dataclass(frozen=True)
class Mention:
    """One actor mention; ``start``/``end`` index ``article.text``."""

    actor: str
    name: str
    type: str
    text: str
    start: int
    end: int
    kind: str
    sentence: int
    zone: str
    discovered: bool = False
