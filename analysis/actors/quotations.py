"""Quotation spans: where quoted words are, across sentences and paragraphs.

One pass over each paragraph pairs quotation marks into :class:`Quotation` spans (linear in the
text length). Only the outermost quotation is kept: marks inside it (a quotation nested in a
quotation) are part of its words.

* Curly double marks ``“…”``, guillemets ``«…»`` and low-high ``„…“`` pair as written.
* Straight double marks ``"`` open where a word follows and no word precedes them (after white
  space, the paragraph start or an opening bracket or dash) and close otherwise.
* Single marks ``‘…’`` (British style) open the same way; a ``’`` between two letters is an
  apostrophe ("don’t"), so the closing mark is the first ``’`` (or ``'`` for a straight
  opening) that is not followed by a letter or digit. Straight ``'`` only opens a quotation
  when a matching close is found in the same paragraph.
* A quotation still open at the end of a paragraph **continues** in the next paragraph when that
  paragraph starts with an opening mark (the convention for a quotation over several
  paragraphs: the opening mark is repeated, the closing mark is left out until the end); it is
  then marked ``continues`` and the next one ``continued``. Otherwise it is closed at the end of
  the paragraph and marked ``unclosed``.

Offsets index the article text; ``start``/``end`` are the quoted words without the marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..article import Block

_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"', "'": "'"}
_OPEN_AFTER = set(" \t\n([{—–-/:;") | {""}


@dataclass(frozen=True)
class Quotation:
    """Quoted words: ``text[start:end]`` (marks excluded); ``open_mark``/``close_mark`` are the
    marks' offsets (``close_mark`` is None when the quotation has no closing mark in its
    paragraph). ``paragraph`` is the index of its block among the blocks searched."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    paragraph: int
    mark: str
    continues: bool = False
    continued: bool = False
    unclosed: bool = False


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before in _OPEN_AFTER or before in "“‘\"'") and after not in ("", " ", "\n", "\t")


def _closing_single(text: str, i: int, close: str) -> int:
    """The offset of the first ``close`` mark after ``i`` that is not an apostrophe, or -1."""
    j = text.find(close, i + 1)
    while j >= 0:
        after = text[j + 1] if j + 1 < len(text) else ""
        before = text[j - 1]
        if not after.isalnum() and not before.isspace():
            return j
        j = text.find(close, j + 1)
    return -1


def _scan(text: str) -> tuple[list[tuple[int, int | None, str]], tuple[int, str] | None]:
    """Pair the marks of one paragraph. Returns the closed quotations as (open, close, mark)
    and the quotation left open at the end, as (open, mark), if any."""
    found: list[tuple[int, int | None, str]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char in "“«„" or (char in '"‘' and _opens(text, i)):
            close = _PAIRS[char]
            if char in "‘":
                j = _closing_single(text, i, close)
            else:
                j = text.find(close, i + 1)
                if char == '"':
                    # a straight mark closes where no word follows it directly
                    while j >= 0 and j + 1 < n and text[j + 1].isalnum():
                        j = text.find(close, j + 1)
            if j < 0:
                return found, (i, char)
            found.append((i, j, char))
            i = j + 1
            continue
        if char == "'" and _opens(text, i) and not (i > 0 and text[i - 1].isalnum()):
            j = _closing_single(text, i, "'")
            if j > 0:
                found.append((i, j, char))
                i = j + 1
                continue
        i += 1
    return found, None


def find_quotations(text: str, blocks: Sequence[Block]) -> list[Quotation]:
    """Every outermost quotation in ``blocks`` (paragraphs of ``text``, in reading order)."""
    result: list[Quotation] = []
    carried = False  # the previous paragraph ended inside a quotation
    for index, block in enumerate(blocks):
        para = text[block.start : block.end]
        base = block.start
        lead = len(para) - len(para.lstrip())
        found, open_at_end = _scan(para)
        for k, (o, c, mark) in enumerate(found):
            continued = carried and k == 0 and o == lead
            result.append(
                Quotation(
                    base + o + 1, base + c, base + o, base + c, index, mark, continued=continued
                )
            )
        if open_at_end is not None:
            o, mark = open_at_end
            end = len(para.rstrip())
            continued = carried and not found and o == lead
            nxt = blocks[index + 1] if index + 1 < len(blocks) else None
            next_text = text[nxt.start : nxt.end].lstrip() if nxt is not None else ""
            continues = next_text[:1] == mark or (mark in "“„" and next_text[:1] in "“„")
            result.append(
                Quotation(
                    base + o + 1,
                    base + end,
                    base + o,
                    None,
                    index,
                    mark,
                    continues=continues,
                    continued=continued,
                    unclosed=not continues,
                )
            )
            carried = continues
        else:
            carried = False
    return result
