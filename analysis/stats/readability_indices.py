"""Readability formulas, their inputs counted from a :class:`~analysis.text.Document`, and bands.

Definitions (all counted over the analysed zones of one Document):

* **word**: a token with a letter or a digit (:mod:`analysis.text`); **sentence**: a sentence of
  :func:`analysis.text.prepare`; **syllables**: :func:`analysis.syllables.count_syllables`.
* **letters**: letters and digits inside words (apostrophes, hyphens and the periods of "U.S."
  are not counted). Coleman–Liau and ARI both use it; ARI's "characters" are letters and
  digits in its authors' definition too.
* **polysyllable**: a word of three or more syllables (SMOG counts every one).
* **complex word** (Gunning Fog): a polysyllable that is not a proper noun (capitalised inside a
  sentence, or a word the text never writes in lower case), not a hyphenated compound, and does
  not reach three syllables only through an ``-es``, ``-ed`` or ``-ing`` ending.
* **difficult word** (Dale–Chall): a word not on the Dale–Chall list of about 3,000 familiar
  words, after undoing regular inflections (plural and possessive ``-s``/``-es``/``-ies``,
  ``-ed``/``-ied``, ``-ing``, ``-er``/``-est``); numerals are familiar; a hyphenated word is
  familiar when all its parts are. Proper names count as difficult (they are not on the list).

The list (2,941 words) is ``resources/dale_chall_words.txt``, copied by
``scripts/build_word_lists.py`` from the data file of the ``textstat`` wheel (MIT; see
``THIRD_PARTY.md``); textstat is a build-time tool only, never imported at run time.

Formulas (W words, S sentences, Y syllables, L letters):

* Flesch Reading Ease = 206.835 − 1.015·W/S − 84.6·Y/W
* Flesch–Kincaid Grade = 0.39·W/S + 11.8·Y/W − 15.59
* Gunning Fog = 0.4·(W/S + 100·complex/W)
* SMOG = 1.0430·√(polysyllables·30/S) + 3.1291 (designed for samples of 30 sentences or more)
* Coleman–Liau = 0.0588·(100·L/W) − 0.296·(100·S/W) − 15.8
* ARI = 4.71·L/W + 0.5·W/S − 21.43
* Dale–Chall = 0.1579·(100·difficult/W) + 0.0496·W/S, plus 3.6365 when difficult words are
  more than 5 % of the words
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..errors import ParameterError
from ..paths import RESOURCES_DIR
from ..text import Document, Sentence, Token
from .syllables import count_syllables

DALE_CHALL_LIST = RESOURCES_DIR / "dale_chall_words.txt"

INDICES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)
READABILITY_LABELS = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch–Kincaid Grade",
    "gunning_fog": "Gunning Fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "automated_readability_index": "Automated Readability Index",
    "dale_chall": "Dale–Chall",
}


@dataclass(frozen=True)
class ReadabilityCounts:
    """The counts every formula is built from (definitions in the module docstring)."""

    words: int
    sentences: int
    syllables: int
    letters: int
    polysyllables: int
    complex_words: int
    difficult_words: int | None


def _require(words: int, sentences: int) -> None:
    if words <= 0 or sentences <= 0:
        raise ParameterError(
            f"readability needs at least one word and one sentence (got {words} words, "
            f"{sentences} sentences); analyse zones that hold text, e.g. include_zones=['body']"
        )


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch Reading Ease: 206.835 − 1.015·W/S − 84.6·Y/W (higher is easier)."""
    _require(words, sentences)
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch–Kincaid Grade Level: 0.39·W/S + 11.8·Y/W − 15.59 (a US school grade)."""
    _require(words, sentences)
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    """Gunning Fog index: 0.4·(W/S + 100·complex/W) (years of schooling)."""
    _require(words, sentences)
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog_index(sentences: int, polysyllables: int) -> float:
    """SMOG grade (McLaughlin 1969): 1.0430·√(polysyllables·30/S) + 3.1291."""
    _require(1, sentences)
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def coleman_liau_index(words: int, sentences: int, letters: int) -> float:
    """Coleman–Liau index: 0.0588·L − 0.296·S − 15.8, L and S per 100 words."""
    _require(words, sentences)
    return 0.0588 * 100 * letters / words - 0.296 * 100 * sentences / words - 15.8


def automated_readability_index(words: int, sentences: int, letters: int) -> float:
    """Automated Readability Index: 4.71·letters/W + 0.5·W/S − 21.43."""
    _require(words, sentences)
    return 4.71 * letters / words + 0.5 * words / sentences - 21.43


def dale_chall_score(words: int, sentences: int, difficult_words: int) -> float:
    """Dale–Chall score: 0.1579·PDW + 0.0496·W/S (+3.6365 when PDW > 5), PDW in percent."""
    _require(words, sentences)
    pdw = 100 * difficult_words / words
    return 0.1579 * pdw + 0.0496 * words / sentences + (3.6365 if pdw > 5 else 0.0)


# --- bands --------------------------------------------------------------------------------

_FLESCH_BANDS = (
    (90, "very easy (5th grade)"),
    (80, "easy (6th grade)"),
    (70, "fairly easy (7th grade)"),
    (60, "plain English (8th–9th grade)"),
    (50, "fairly difficult (10th–12th grade)"),
    (30, "difficult (college)"),
)
_GRADE_BANDS = (
    (6, "very easy (elementary school)"),
    (8, "easy (grades 6–7)"),
    (10, "plain English (grades 8–9)"),
    (13, "fairly difficult (grades 10–12)"),
    (16, "difficult (college)"),
)
_DALE_CHALL_BANDS = (
    (5, "easy (grade 4 and below)"),
    (6, "fairly easy (grades 5–6)"),
    (7, "plain English (grades 7–8)"),
    (8, "fairly difficult (grades 9–10)"),
    (9, "difficult (grades 11–12)"),
    (10, "difficult (college)"),
)
_HARDEST = "very difficult (college graduate)"


def flesch_band(score: float) -> str:
    """Plain-language band of a Flesch Reading Ease score (Flesch's 1949 table)."""
    for floor, band in _FLESCH_BANDS:
        if score >= floor:
            return band
    return _HARDEST


def grade_band(grade: float) -> str:
    """Plain-language band of a US school grade (FK, Fog, SMOG, Coleman–Liau, ARI)."""
    for ceiling, band in _GRADE_BANDS:
        if grade < ceiling:
            return band
    return _HARDEST


def dale_chall_band(score: float) -> str:
    """Plain-language band of a Dale–Chall score (Dale and Chall's grade table)."""
    for ceiling, band in _DALE_CHALL_BANDS:
        if score < ceiling:
            return band
    return _HARDEST


def band(index: str, value: float) -> str:
    """The band of ``value`` for the index named ``index`` (one of INDICES or "dale_chall")."""
    if index == "flesch_reading_ease":
        return flesch_band(value)
    if index == "dale_chall":
        return dale_chall_band(value)
    if index in INDICES:
        return grade_band(value)
    raise ParameterError(
        f"unknown readability index {index!r}; use one of {', '.join(INDICES)}, dale_chall"
    )


GRADE_INDICES = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


def grade_summary(values: dict[str, float | None]) -> dict[str, object]:
    """Summarise the five grade-level indices of :func:`readability`: ``median_grade``,
    ``band`` (of the median), ``lowest`` and ``highest`` as (index, value) pairs.

    The indices weigh different things (syllables, letters, long words), so their median is a
    steadier single answer than any one of them.
    """
    grades = {k: values[k] for k in GRADE_INDICES if values.get(k) is not None}
    if not grades:
        raise ParameterError(
            "no grade-level index to summarise; compute readability(doc) on a "
            "document that holds words"
        )
    ordered = sorted(grades.items(), key=lambda item: item[1])
    median = statistics.median(grades.values())
    return {
        "median_grade": median,
        "band": grade_band(median),
        "lowest": ordered[0],
        "highest": ordered[-1],
    }


# --- word classes --------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def letter_count(word: str) -> int:
    """Letters and digits in a word ("U.S." 2, "Putin’s" 6, "high-profile" 11)."""
    return sum(map(str.isalnum, word))


def is_complex_word(word: str, proper_noun: bool = False) -> bool:
    """Gunning's complex word: 3+ syllables, not a proper noun, not hyphenated, and not made
    three syllables only by an ``-es``/``-ed``/``-ing`` ending."""
    if proper_noun or "-" in word or "‐" in word or count_syllables(word) < 3:
        return False
    lower = word.lower()
    for suffix in ("ing", "ed", "es"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return count_syllables(lower[: -len(suffix)]) >= 3
    return True


@lru_cache(maxsize=1)
def dale_chall_words() -> frozenset[str]:
    """The Dale–Chall familiar words (lower-case), read once from the packaged list."""
    text = DALE_CHALL_LIST.read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def _inflection_bases(word: str) -> list[str]:
    """Candidate base forms of a regularly inflected word (the word itself first)."""
    bases = [word]
    for suffix, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("ier", ("y",)),
        ("iest", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("er", ("", "e")),
        ("est", ("", "e")),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            bases.extend(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # stopped -> stop, bigger -> big
                bases.append(stem[:-1])
    return bases


def is_familiar(word: str, familiar: frozenset[str] | None = None) -> bool:
    """True when ``word`` is on the Dale–Chall list (rules in the module docstring).

    ``familiar`` replaces the packaged list (tests pass small sets); with the packaged list
    answers are cached per word.
    """
    if familiar is None:
        return _is_familiar_packaged(word)
    norm = word.lower().replace("’", "'").strip("'")
    if not any(ch.isalpha() for ch in norm):
        return True
    if "-" in norm:
        return all(is_familiar(part, familiar) for part in norm.split("-") if part)
    if norm.endswith("'s"):
        norm = norm[:-2]
    return any(base in familiar for base in _inflection_bases(norm))


@lru_cache(maxsize=65536)
def _is_familiar_packaged(word: str) -> bool:
    return is_familiar(word, dale_chall_words())


# --- counting over a Document ----------------------------------------------------------------


def words_by_sentence(doc: Document) -> list[list[Token]]:
    """The word tokens of each sentence, found in one pass over the tokens (the same tokens as
    ``doc.sentence_tokens(sentence)``: those starting inside the sentence's span)."""
    result: list[list[Token]] = [[] for _ in doc.sentences]
    sentences = doc.sentences
    i = 0
    for token in doc.tokens:
        if not token.is_word:
            continue
        while i < len(sentences) and token.start >= sentences[i].end:
            i += 1
        if i == len(sentences):
            break
        if token.start >= sentences[i].start:
            result[i].append(token)
    return result


def proper_nouns(
    doc: Document, sentence_words: Sequence[Sequence[Token]] | None = None
) -> frozenset[str]:
    """Lower-cased words the text writes capitalised inside a sentence and never in lower case."""
    capitalised, lower = set(), set()
    for words in words_by_sentence(doc) if sentence_words is None else sentence_words:
        for position, token in enumerate(words):
            if token.text[:1].islower():
                lower.add(token.norm)
            elif token.text[:1].isupper() and position > 0:
                capitalised.add(token.norm)
    return frozenset(capitalised - lower)


def sentence_counts(
    doc: Document, sentence_words: Sequence[Sequence[Token]] | None = None
) -> list[ReadabilityCounts]:
    """The formula counts of each sentence (``sentences`` = 1), in order. Proper nouns are
    judged on the whole document."""
    if sentence_words is None:
        sentence_words = words_by_sentence(doc)
    names = proper_nouns(doc, sentence_words)
    result = []
    for words in sentence_words:
        syllables = letters = poly = complex_ = difficult = 0
        for position, token in enumerate(words):
            n = count_syllables(token.text)
            syllables += n
            letters += letter_count(token.text)
            poly += n >= 3
            is_name = token.text[:1].isupper() and (position > 0 or token.norm in names)
            complex_ += is_complex_word(token.text, proper_noun=is_name)
            difficult += not is_familiar(token.text)
        result.append(
            ReadabilityCounts(len(words), 1, syllables, letters, poly, complex_, difficult)
        )
    return result


def total_counts(parts: Iterable[ReadabilityCounts]) -> ReadabilityCounts:
    """The sum of several counts (e.g. the sentences of one section)."""
    parts = list(parts)
    difficult = [p.difficult_words for p in parts]
    return ReadabilityCounts(
        sum(p.words for p in parts),
        sum(p.sentences for p in parts),
        sum(p.syllables for p in parts),
        sum(p.letters for p in parts),
        sum(p.polysyllables for p in parts),
        sum(p.complex_words for p in parts),
        None if None in difficult else sum(difficult),
    )  # type: ignore[arg-type]


def readability_counts(
    doc: Document, sentences: Sequence[Sentence] | None = None
) -> ReadabilityCounts:
    """Count words, sentences, syllables, letters and the word classes of the formulas, over
    the whole document or some of its ``sentences`` (proper nouns are judged on the whole)."""
    per_sentence = sentence_counts(doc)
    if sentences is None:
        return total_counts(per_sentence)
    return total_counts(per_sentence[s.index] for s in sentences)


def scores(counts: ReadabilityCounts) -> dict[str, float | None]:
    """The six indices (contract names) and ``dale_chall`` (None when ``counts`` has no
    difficult-word count)."""
    c = counts
    result: dict[str, float | None] = {
        "flesch_reading_ease": flesch_reading_ease(c.words, c.sentences, c.syllables),
        "flesch_kincaid_grade": flesch_kincaid_grade(c.words, c.sentences, c.syllables),
        "gunning_fog": gunning_fog(c.words, c.sentences, c.complex_words),
        "smog_index": smog_index(c.sentences, c.polysyllables),
        "coleman_liau_index": coleman_liau_index(c.words, c.sentences, c.letters),
        "automated_readability_index": automated_readability_index(c.words, c.sentences, c.letters),
    }
    result["dale_chall"] = (
        None
        if c.difficult_words is None
        else dale_chall_score(c.words, c.sentences, c.difficult_words)
    )
    return result


def readability(doc: Document) -> dict[str, float | None]:
    """All indices for a Document (raises ParameterError when it holds no words)."""
    return scores(readability_counts(doc))


def readability_table(doc: Document) -> pd.DataFrame:
    """One row per index: ``index``, ``name``, ``value`` (rounded to 2 places), ``band``."""
    rows = []
    for index, value in readability(doc).items():
        if value is None:
            continue
        rows.append(
            {
                "index": index,
                "name": READABILITY_LABELS[index],
                "value": round(value, 2),
                "band": band(index, value),
            }
        )
    return pd.DataFrame(rows, columns=["index", "name", "value", "band"])
