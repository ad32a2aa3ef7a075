"""Frames: the sentences of a paragraph with each quotation as one unit.

A quotation may hold several sentences ("“A. B,” she said.") and a sentence may hold several
quotations, so attribution does not work on Punkt sentences directly. A **frame** is a run of
consecutive sentences of one paragraph joined wherever a sentence boundary falls inside a
quotation; its **items** are the narration tokens and the quotations (one item each, marks
included), in text order. Building frames is linear in the text length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..text import Document, Token
from .quotations import Quotation, find_quotations


class Item:
    """A narration token (``quote`` is None) or a whole quotation (``token`` is None).

    ``start``/``end`` cover the token, or the quotation with its marks; ``norm`` and ``text``
    are the token's lower-case and written forms ("" for a quotation). A plain slotted class,
    not a frozen dataclass: attribution makes one per token and reads these fields millions
    of times on a long article. Treat it as read-only."""

    __slots__ = ("start", "end", "token", "quote", "norm", "text", "is_quote")

    def __init__(
        self, start: int, end: int, token: Token | None = None, quote: Quotation | None = None
    ) -> None:
        self.start = start
        self.end = end
        self.token = token
        self.quote = quote
        self.norm = token.norm if token is not None else ""
        self.text = token.text if token is not None else ""
        self.is_quote = quote is not None

    def __repr__(self) -> str:
        return f"Item({self.start}, {self.end}, token={self.token!r}, quote={self.quote!r})"


@dataclass
class Frame:
    """One frame: its items, paragraph index and the index of its first sentence."""

    items: list[Item]
    paragraph: int
    sentence: int

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end


def _quote_end(q: Quotation) -> int:
    return q.close_mark + 1 if q.close_mark is not None else q.end


def build_frames(doc: Document) -> tuple[list[Frame], list[Quotation]]:
    """The frames of every paragraph of ``doc``, and the quotations found."""
    text = doc.article.text
    quotations = find_quotations(text, doc.blocks)
    by_paragraph: dict[int, list[Quotation]] = {}
    for q in quotations:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    sentence_starts = [s.start for s in doc.sentences]
    sentence_ends = {s.end for s in doc.sentences}
    tokens = doc.tokens
    token_starts = [t.start for t in tokens]
    frames: list[Frame] = []
    for index, block in enumerate(doc.blocks):
        quotes = by_paragraph.get(index, [])
        lo, hi = bisect_left(token_starts, block.start), bisect_left(token_starts, block.end)
        items: list[Item] = []
        k = 0
        for token in tokens[lo:hi]:
            while k < len(quotes) and _quote_end(quotes[k]) <= token.start:
                k += 1
            if k < len(quotes) and quotes[k].open_mark <= token.start < _quote_end(quotes[k]):
                q = quotes[k]
                if not items or items[-1].quote is not q:
                    items.append(Item(q.open_mark, _quote_end(q), quote=q))
                continue
            items.append(Item(token.start, token.end, token=token))
        current: list[Item] = []
        for item in items:
            current.append(item)
            if item.end in sentence_ends:
                frames.append(_frame(current, index, sentence_starts))
                current = []
        if current:
            frames.append(_frame(current, index, sentence_starts))
    return frames, quotations


def sentence_index(offset: int, sentence_starts: list[int]) -> int:
    """The index of the sentence holding ``offset`` (``sentence_starts`` sorted)."""
    return max(0, bisect_right(sentence_starts, offset) - 1)


def _frame(items: list[Item], paragraph: int, sentence_starts: list[int]) -> Frame:
    return Frame(items, paragraph, sentence_index(items[0].start, sentence_starts))
