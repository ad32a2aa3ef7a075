"""Syllable counts from the CMU Pronouncing Dictionary, with a rule-based fallback.

Counting rules, applied to one word token as written in the text:

* The CMU Pronouncing Dictionary (about 126,000 words; its syllable counts are packaged as
  ``resources/cmudict_syllables.txt``, built by ``scripts/build_syllables.py``) is looked up
  first, lower-cased with curly apostrophes made straight. A word's count is the number of
  vowel phonemes (phones carrying a stress digit) in its *first* listed pronunciation.
* A hyphenated word ("high-profile", "defense-related") is the sum of its parts.
* A possessive ("Putin's", "countries'") not in the dictionary is its base word, plus one
  syllable when the base ends in a sibilant sound ("Moscow's" 2, "Bush's" 2).
* Initialisms written with periods ("U.S.", "a.m.") and all-capital words without a vowel
  ("DPRK") are spelled out: one syllable per letter, three for W.
* A token without letters (a numeral such as "2024") counts as one syllable. This keeps numbers
  from dominating the formulas; textstat (through Pyphen) treats them the same way.
* Any other word missing from the dictionary goes to :func:`rule_syllables`, a heuristic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..paths import RESOURCES_DIR

SYLLABLE_TABLE = RESOURCES_DIR / "cmudict_syllables.txt"

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Adjacent vowels usually pronounced as two syllables (ge-o-, ac-tu-al, pre-mi-um, Ukrain-i-an);
# the lookbehind keeps -tion/-sion/-cion/-gion and -tia/-sia one syllable.
_HIATUS = re.compile(r"(?<![cgst])i[aou]|eo|(?<![gq])u[ao]|iu")
_VOWELS = set("aeiouy")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze")


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Word -> syllables of its first CMU pronunciation, read once from the packaged table
    (one line per count, ``N word word …``: about 0.05 s, against 0.2–1 s to parse the
    dictionary itself)."""
    counts: dict[str, int] = {}
    with SYLLABLE_TABLE.open(encoding="utf-8") as table:
        for line in table:
            if not line.startswith("#"):
                n, _, words = line.partition(" ")
                counts.update(dict.fromkeys(words.split(), int(n)))
    return counts


def rule_syllables(word: str) -> int:
    """Estimate the syllables of an English word by spelling rules (at least 1).

    Counts groups of vowel letters (y included), then: a final silent ``e`` is dropped
    ("relive" 2) unless it closes a consonant + ``le`` ("table" 2); a final ``-ed`` is silent
    unless it follows ``t`` or ``d`` ("relived" 2, "wanted" 2); a final ``-es`` is silent after
    a consonant that is not a sibilant ("makes" 1, "boxes" 2, "pages" 2); vowel pairs usually
    spoken as two syllables add one ("geolocated" 5); ``-ism`` adds one.
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    count = len(_VOWEL_GROUP.findall(w))
    count += len(_HIATUS.findall(w))
    if w.endswith("ism"):
        count += 1
    if w.endswith("e") and w[-2] not in _VOWELS and not (w[-2] == "l" and w[-3] not in _VOWELS):
        count -= 1
    elif w.endswith("ed") and w[-3] not in "aeioutd":
        count -= 1
    elif (
        w.endswith("es")
        and w[-3] not in _VOWELS
        and w[-3] not in "sxzcg"
        and not w.endswith(("ches", "shes"))
        and not (w[-3] == "l" and w[-4] not in _VOWELS)
    ):
        count -= 1
    return max(1, count)


def _spelled_out(letters: str) -> int:
    return sum(3 if ch == "w" else 1 for ch in letters)


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Syllables in one word token (see the module docstring for the rules)."""
    norm = word.lower().replace("’", "'").replace("‘", "'").strip("'")
    if not any(ch.isalpha() for ch in norm):
        return 1
    table = cmu_syllables()
    if norm in table:
        return table[norm]
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]?\.?", norm) or (
        word.isupper() and len(word) > 1 and not (set(norm) & _VOWELS)
    ):
        return _spelled_out(re.sub(r"[^a-z]", "", norm))
    if "-" in norm or "‐" in norm:
        return sum(count_syllables(part) for part in re.split(r"[-‐]+", word) if part)
    if norm.endswith("'s") or norm.endswith("s'"):
        base = norm[:-2] if norm.endswith("'s") else norm[:-1]
        extra = 1 if norm.endswith("'s") and base.endswith(_SIBILANT_ENDINGS) else 0
        return count_syllables(base) + extra
    return rule_syllables(norm)
