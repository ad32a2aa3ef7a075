"""Entity masking: the character spans of actor names, whose words do not count toward tone.

"United States", "U.N. Security Council", "Supreme Leader" and "Free Democratic Party" hold
words that VADER, AFINN and the General Inquirer rate ("united" +1.8, "security" +1.4,
"supreme", "free"); inside a name they say nothing about the text's tone. The default sentence
and article tone, the GDELT-style vector and the news tone leave the words inside actor
mentions out (raw VADER is kept beside them, identical to vaderSentiment).

A span is masked for every mention (:func:`analysis.actors.detect_mentions`) of kind ``name``
(“Vladimir Putin”, "United States"), ``metonym`` ("Washington said") or ``nominal`` ("the
Supreme Leader"); demonyms ("Russian") are ordinary words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..actors.detection import detect_mentions
from ..actors.mention import Mention
from ..text import Document

#: Mention kinds whose words are masked.
MASKED_KINDS = ("name", "metonym", "nominal")


def spans_of(
    mentions: Iterable[Mention], kinds: Sequence[str] = MASKED_KINDS
) -> tuple[tuple[int, int], ...]:
    """The sorted character spans of ``mentions`` of the given kinds."""
    return tuple(sorted({(m.start, m.end) for m in mentions if m.kind in kinds}))


def name_spans(
    doc: Document, mentions: Iterable[Mention] | None = None
) -> tuple[tuple[int, int], ...]:
    """The spans of actor names in ``doc`` (offsets into the article text). With ``mentions``
    None they are detected with the packaged dictionary, once per document (cached while the
    document lives)."""
    if mentions is not None:
        return spans_of(mentions)
    return doc.memo(("name_spans",), lambda: spans_of(detect_mentions(doc)))


def sentence_masks(doc: Document, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The masked spans per sentence of ``doc``, relative to each sentence's start."""
    out: list[list[tuple[int, int]]] = [[] for _ in doc.sentences]
    if not spans:
        return out
    k = 0
    ordered = sorted(spans)
    for i, s in enumerate(doc.sentences):
        while k < len(ordered) and ordered[k][1] <= s.start:
            k += 1
        j = k
        while j < len(ordered) and ordered[j][0] < s.end:
            a, b = ordered[j]
            out[i].append((max(a, s.start) - s.start, min(b, s.end) - s.start))
            j += 1
    return out
