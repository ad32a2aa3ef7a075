"""The AFINN-165 word list: the one place it is loaded (:mod:`.afinn` compares sentence
scores with it; :mod:`.news_tone` uses its ratings as features).

The list is read from ``resources/AFINN-en-165.txt`` (the list as the ``afinn`` wheel ships it,
copied by ``scripts/build_word_lists.py``), under the Open Database License 1.0
(``resources/AFINN_LICENSE.txt``; see ``THIRD_PARTY.md``). The ``afinn`` package itself (its
metadata says GPL) is a build-time tool only and is never imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ArticleAnalysisError
from ..paths import RESOURCES_DIR

AFINN_LIST = RESOURCES_DIR / "AFINN-en-165.txt"


class AfinnListError(ArticleAnalysisError):
    """The packaged AFINN list is missing or malformed."""


@dataclass(frozen=True)
class _Lexicon:
    ratings: dict[str, int]
    pattern: re.Pattern[str]


def _read_list(path: Path = AFINN_LIST) -> dict[str, int]:
    """Entry -> rating from a tab-separated AFINN file (``entry<TAB>rating`` per line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise AfinnListError(f"{path}: cannot read the AFINN list ({exc}); reinstall "
                             "article-analysis") from exc
    ratings: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        fields = line.strip().split("\t")
        if len(fields) != 2 or not fields[0] or not fields[1].lstrip("-").isdigit():
            raise AfinnListError(f"{path}, line {number}: expected 'entry<TAB>rating' "
                                 f"(an integer), got {line!r}")
        ratings[fields[0]] = int(fields[1])
    return ratings


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    # One alternation of all 3,382 entries, compiled once. Longest first: at a given position
    # the regular expression takes the first alternative that matches, so a phrase wins.
    ratings = _read_list()
    entries = sorted(ratings, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, entries)) + r")\b")
    return _Lexicon(ratings, pattern)


def afinn_lexicon() -> dict[str, int]:
    """AFINN-165: lower-case entry → rating (-5 … +5)."""
    return dict(_lexicon().ratings)
