"""The actor vocabulary shared by every actor module: types, id prefixes, mention kinds, colours,
and the :class:`Mention` record (with :class:`SpanIndex` for overlap tests)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

#: What an actor can be.
ACTOR_TYPES = ("person", "state", "organization", "place")

#: The id prefix each type uses ("state:RUS", "org:nato", "person:vladimir-putin", "place:…").
ID_PREFIX = {"person": "person", "state": "state", "organization": "org", "place": "place"}

#: How a mention refers to its actor (see :mod:`analysis.actors.dictionary_mentions`).
MENTION_KINDS = ("name", "nominal", "adjectival", "metonym")

#: Colour per actor type in highlighted text and figures (colour-blind-safe Okabe–Ito palette).
TYPE_COLOURS = {
    "person": "#E69F00",
    "state": "#56B4E9",
    "organization": "#009E73",
    "place": "#CC79A7",
}


@dataclass(frozen=True, slots=True)
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


class SpanIndex:
    """Character spans ``(start, end)`` that answer "does anything overlap [a, b)?" in
    O(log n), so checking every token or match of an article against its mentions stays linear
    in the article's length (a scan of every span per token is quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # _max_end[i]: the largest end among the first i + 1 spans (by start).
        self._max_end = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span ``(s, e)`` has ``s < end`` and ``start < e``."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._max_end[i - 1] > start
