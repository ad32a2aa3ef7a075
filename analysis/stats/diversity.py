"""Lexical diversity of a sequence of terms: TTR, root TTR, MATTR and MTLD.

Diversity is computed on *terms* (case-folded words without a possessive ending, so "Putin"
and "Putin’s" are one type), see :func:`analysis.stats.vocabulary.term`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..errors import ParameterError, positive_int
from ..text import Document
from .vocabulary import term

MATTR_WINDOW = 50
MTLD_THRESHOLD = 0.72


def _require_tokens(tokens: Sequence[str]) -> None:
    if len(tokens) == 0:
        raise ParameterError(
            "lexical diversity needs at least one word; analyse zones that "
            "hold text, e.g. include_zones=['body']"
        )


def ttr(tokens: Sequence[str]) -> float:
    """Type-token ratio: distinct tokens / tokens."""
    _require_tokens(tokens)
    return len(set(tokens)) / len(tokens)


def root_ttr(tokens: Sequence[str]) -> float:
    """Guiraud's root TTR: distinct tokens / √tokens (less dependent on length than TTR)."""
    _require_tokens(tokens)
    return len(set(tokens)) / math.sqrt(len(tokens))


def mattr(tokens: Sequence[str], window: int = MATTR_WINDOW) -> float:
    """Moving-average TTR (Covington & McFall 2010): the mean TTR of every run of ``window``
    consecutive tokens. A text shorter than the window gets its plain TTR."""
    _require_tokens(tokens)
    positive_int("window", window)
    if len(tokens) <= window:
        return ttr(tokens)
    counts: dict[str, int] = {}
    for tok in tokens[:window]:
        counts[tok] = counts.get(tok, 0) + 1
    total = len(counts)
    for i in range(window, len(tokens)):
        out, inc = tokens[i - window], tokens[i]
        counts[out] -= 1
        if counts[out] == 0:
            del counts[out]
        counts[inc] = counts.get(inc, 0) + 1
        total += len(counts)
    return total / ((len(tokens) - window + 1) * window)


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    """Factors in one direction: a factor closes when the running TTR falls to ``threshold``;
    the unfinished remainder counts as (1 − its TTR) / (1 − threshold) of a factor."""
    factors = 0.0
    types: set[str] = set()
    count = 0
    current = 1.0
    for tok in tokens:
        count += 1
        types.add(tok)
        current = len(types) / count
        if current <= threshold:
            factors += 1
            types, count, current = set(), 0, 1.0
    if count:
        factors += (1 - current) / (1 - threshold)
    return factors


def mtld(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010): tokens per factor, the
    mean of a forward and a backward pass. NaN when no factor forms at all (every token
    distinct: the text is too short to measure)."""
    _require_tokens(tokens)
    if not 0 < threshold < 1:
        raise ParameterError(f"MTLD threshold must lie between 0 and 1, not {threshold!r}")
    values = []
    for seq in (tokens, list(reversed(tokens))):
        factors = _mtld_pass(seq, threshold)
        values.append(len(seq) / factors if factors else math.nan)
    return sum(values) / 2


def terms(doc: Document) -> list[str]:
    """The document's words as terms (case-folded, possessive removed), in order."""
    return [term(t) for t in doc.words]


def lexical_diversity(doc: Document, window: int = MATTR_WINDOW) -> dict[str, float]:
    """``ttr``, ``root_ttr``, ``mattr`` (window ``window``) and ``mtld`` of the document."""
    seq = terms(doc)
    return {
        "ttr": ttr(seq),
        "root_ttr": root_ttr(seq),
        "mattr": mattr(seq, window),
        "mtld": mtld(seq),
    }
