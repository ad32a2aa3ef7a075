"""Quoted passages scored apart from the narration around them.

A *quotation* is a passage between double quotation marks inside one analysed block
(paragraph): curly ``“ … ”`` or straight ``" … "``. Rules:

* a curly quotation opens at ``“`` and closes at the next ``”``; straight marks alternate
  open / close; a mark of the other kind inside an open quotation is part of it;
* a quotation left open at the end of its paragraph ends there (news style: a quotation that
  runs on into the next paragraph re-opens it with a new ``“``);
* a quotation may span sentence boundaries ("“We will win. They will lose,” he said.");
* single quotes (``‘ ’``, ``'``) are not quotation marks here: ``’`` is also the apostrophe.

Scoring: a quotation is cut at the Document's sentence boundaries; each piece is scored with
VADER (:mod:`analysis.vader`) as a sentence, and the quotation's compound is the mean of its
pieces (so a long quotation does not saturate). *Narration* is each sentence with its quoted
pieces removed (the remaining parts joined by a space); a sentence that is all quotation has no
narration piece. Pieces without a word (only punctuation) are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

import pandas as pd

from ..errors import ParameterError
from ..text import Document
from .scores import DEFAULT_THRESHOLD, check_threshold
from .vader import analyse

_MARKS = re.compile(r"[“”\"]")
_MARK_CHARS = '“”"'
_WORD = re.compile(r"\w")


def quotation_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` of the passages between double quotation marks in ``text`` (marks
    excluded), shifted by ``offset``; see the module docstring for the pairing rules."""
    spans = []
    opener: str | None = None
    start = 0
    for match in _MARKS.finditer(text):
        mark = match.group()
        if opener is None:
            if mark == "”":  # a closing mark with nothing open: a stray mark, ignore it
                continue
            opener, start = mark, match.end()
        elif (opener == "“" and mark == "”") or (opener == '"' and mark == '"'):
            spans.append((start + offset, match.start() + offset))
            opener = None
    if opener is not None:
        spans.append((start + offset, len(text.rstrip()) + offset))
    return [(s, e) for s, e in spans if e > s]


SEGMENT_COLUMNS = [
    "sentence",
    "kind",
    "quote",
    "text",
    "start",
    "end",
    "words",
    "compound",
    "pos",
    "neu",
    "neg",
]


def _check_min_words(min_words: int) -> int:
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 1:
        raise ParameterError(f"min_words must be a whole number of at least 1, got {min_words!r}")
    return min_words


def quotations(doc: Document, min_words: int = 1) -> pd.DataFrame:
    """The quoted passages of ``doc`` with at least ``min_words`` words.

    Columns: ``quote`` (number, reading order), ``text``, ``start``/``end`` (offsets into the
    article text, marks excluded), ``first_sentence``/``last_sentence`` (indices of the
    sentences it touches), ``words``, ``pieces`` (sentence pieces scored), ``compound`` (mean
    of the pieces' compound scores).
    """
    _check_min_words(min_words)
    segments = quotation_segments(doc, min_words)
    quotes = segments[segments["kind"] == "quote"]
    rows = []
    text = doc.article.text
    for number, group in quotes.groupby("quote", sort=True):
        start, end = int(group["start"].min()), int(group["end"].max())
        rows.append(
            (
                int(number),
                text[start:end],
                start,
                end,
                int(group["sentence"].min()),
                int(group["sentence"].max()),
                int(group["words"].sum()),
                len(group),
                float(group["compound"].mean()),
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "quote",
            "text",
            "start",
            "end",
            "first_sentence",
            "last_sentence",
            "words",
            "pieces",
            "compound",
        ],
    )


def quotation_segments(doc: Document, min_words: int = 1) -> pd.DataFrame:
    """Every sentence of ``doc`` cut into quotation pieces and one narration piece, scored.

    Columns: ``sentence`` (index), ``kind`` (``quote`` / ``narration``), ``quote`` (quotation
    number, -1 for narration), ``text``, ``start``/``end`` (offsets into the article text; for
    narration, the span from its first to its last character), ``words``, ``compound``,
    ``pos``, ``neu``, ``neg``. Quotations shorter than ``min_words`` words (counted over the
    whole quotation) are treated as narration.
    """
    _check_min_words(min_words)
    text = doc.article.text
    spans = [span for block in doc.blocks for span in quotation_spans(block.text, block.start)]
    spans = [s for s in spans if len(_words(text[s[0] : s[1]])) >= min_words]
    # Spans are in text order and do not overlap, so their ends are sorted too: each sentence
    # looks only at the spans that reach into it (scanning every span per sentence is
    # quadratic in the length of the article).
    ends = [e for _, e in spans]
    rows = []
    for sentence in doc.sentences:
        quoted = []
        number = bisect_right(ends, sentence.start)
        while number < len(spans) and spans[number][0] < sentence.end:
            qs, qe = spans[number]
            start, end = max(qs, sentence.start), min(qe, sentence.end)
            if start < end and _WORD.search(text[start:end]):
                quoted.append((number, start, end))
            number += 1
        cursor = sentence.start
        narration = []
        for number, start, end in quoted:
            rows.append(_segment(sentence.index, "quote", number, text[start:end], start, end))
            narration.append((cursor, start))
            cursor = end
        narration.append((cursor, sentence.end))
        parts = [_trim(text, s, e) for s, e in narration if _WORD.search(text[s:e])]
        if parts:
            joined = " ".join(text[s:e] for s, e in parts)
            rows.append(
                _segment(sentence.index, "narration", -1, joined, parts[0][0], parts[-1][1])
            )
    table = pd.DataFrame(rows, columns=SEGMENT_COLUMNS)
    return table.sort_values(["sentence", "start"], kind="stable").reset_index(drop=True)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space and quotation marks at either end."""
    while start < end and (text[start].isspace() or text[start] in _MARK_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _MARK_CHARS):
        end -= 1
    return start, end


def _words(text: str) -> list[str]:
    return [w for w in text.split() if _WORD.search(w)]


def _segment(
    sentence: int, kind: str, quote: int, text: str, start: int, end: int
) -> tuple[Any, ...]:
    result = analyse(text)
    return (
        sentence,
        kind,
        quote,
        text,
        start,
        end,
        len(_words(text)),
        result.compound,
        result.pos,
        result.neu,
        result.neg,
    )


def quotations_vs_narration(
    doc: Document, threshold: float = DEFAULT_THRESHOLD, min_words: int = 1
) -> pd.DataFrame:
    """Quotations against narration: one row per kind.

    Columns: ``kind``, ``units`` (quotations, or sentences with narration), ``words``,
    ``mean_compound`` (mean over quotations of their compound; over narration pieces),
    ``positive_share``/``negative_share``/``neutral_share`` (of those units, at
    ``±threshold``, boundaries neutral). Shares and mean are NaN without units.
    """
    threshold = check_threshold(threshold)
    segments = quotation_segments(doc, min_words)
    quotes = quotations(doc, min_words)
    narration = segments[segments["kind"] == "narration"]
    rows = []
    for kind, compounds, words in (
        ("quote", quotes["compound"], quotes["words"]),
        ("narration", narration["compound"], narration["words"]),
    ):
        n = len(compounds)
        if n:
            positive = int((compounds > threshold).sum())
            negative = int((compounds < -threshold).sum())
            shares = (
                float(compounds.mean()),
                positive / n,
                negative / n,
                (n - positive - negative) / n,
            )
        else:
            shares = (None, None, None, None)
        rows.append((kind, n, int(words.sum()), *shares))
    return pd.DataFrame(
        rows,
        columns=[
            "kind",
            "units",
            "words",
            "mean_compound",
            "positive_share",
            "negative_share",
            "neutral_share",
        ],
    )
