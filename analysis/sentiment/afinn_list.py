"""The AFINN-165 word list: the one place it is loaded (:mod:`.afinn` compares sentence
scores with it; :mod:`.news_tone` uses its ratings as features).

The list is read from ``resources/AFINN-en-165.txt`` (the list as the ``afinn`` wheel ships it,
copied by ``scripts/build_word_lists.py``), under the Open Database License 1.0
(``resources/AFINN_LICENSE.txt``; see ``THIRD_PARTY.md``). The ``afinn`` package itself (its
metadata says GPL) is a build-time tool only and is never imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ArticleAnalysisError
from ..paths import RESOURCES_DIR

AFINN_LIST = RESOURCES_DIR / "AFINN-en-165.txt"


class AfinnListError(ArticleAnalysisError):
    """The packaged AFINN list is missing or malformed."""


def _read_list(path: Path = AFINN_LIST) -> dict[str, int]:
    """Entry -> rating from a tab-separated AFINN file (``entry<TAB>rating`` per line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise AfinnListError(
            f"{path}: cannot read the AFINN list ({exc}); reinstall article-analysis"
        ) from exc
    ratings: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        fields = line.strip().split("\t")
        if len(fields) != 2 or not fields[0] or not fields[1].lstrip("-").isdigit():
            raise AfinnListError(
                f"{path}, line {number}: expected 'entry<TAB>rating' (an integer), got {line!r}"
            )
        ratings[fields[0]] = int(fields[1])
    return ratings


@dataclass(frozen=True)
class AfinnMatcher:
    """The list's entries found as whole words, as the ``afinn`` package finds them with one
    regular expression ``\b(?:entry|…)\b`` (longest entry first): at each word start, the
    longest entry that fits and ends at a word boundary, then on after it. Looked up by the
    entry's first word instead of compiling 3,382 alternatives (0.2 s at start-up)."""

    ratings: dict[str, int]
    by_first_word: dict[str, tuple[str, ...]]  # first \w+ run -> entries, longest first

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, entry)`` of each match in ``text`` (lower-cased by the caller)."""
        pos = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < pos:  # inside the previous match
                continue
            for entry in self.by_first_word.get(word.group(), ()):
                end = start + len(entry)
                if text.startswith(entry, start) and (
                    end == len(text) or not _is_word_char(text[end])
                ):
                    yield start, end, entry
                    pos = end
                    break


_WORD = re.compile(r"\w+")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@lru_cache(maxsize=1)
def matcher() -> AfinnMatcher:
    """The packaged list and its matcher, built once."""
    ratings = _read_list()
    by_first: dict[str, list[str]] = {}
    for entry in sorted(ratings, key=len, reverse=True):
        first = _WORD.match(entry)
        if first is None:
            raise AfinnListError(
                f"{AFINN_LIST}: the entry {entry!r} does not start with a "
                "letter or digit; reinstall article-analysis"
            )
        by_first.setdefault(first.group(), []).append(entry)
    return AfinnMatcher(ratings, {word: tuple(entries) for word, entries in by_first.items()})


def afinn_lexicon() -> dict[str, int]:
    """AFINN-165: lower-case entry → rating (-5 … +5)."""
    return dict(matcher().ratings)
