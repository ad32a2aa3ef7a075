"""The AFINN-165 word list: the one place it is loaded (:mod:`.afinn` compares sentence
scores with it; :mod:`.news_tone` uses its ratings as features). Licence questions about the
list and the ``afinn`` package are settled here only."""

from __future__ import annotations

from functools import lru_cache

from afinn import Afinn


@lru_cache(maxsize=1)
def _afinn() -> Afinn:
    # Building one compiles a regular expression of all 3,382 entries: do it once.
    return Afinn(language="en", emoticons=False)


def afinn_lexicon() -> dict[str, int]:
    """AFINN-165: lower-case entry → rating (-5 … +5)."""
    return dict(_afinn()._dict)
