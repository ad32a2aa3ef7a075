"""Text statistics of a Document: counts, sentence lengths, sections, lexical diversity, reading
time, and the "stats" part of the result record.

Counting rules (see also :mod:`analysis.text`, :mod:`analysis.readability`,
:mod:`analysis.vocabulary`):

* **word**: a token holding a letter or a digit ("U.S.", "Putin’s", "high-profile" and "2024"
  are one word each). ``words`` is always ``len(doc.words)``.
* **sentence**, **paragraph**: those of :func:`analysis.text.prepare`; a paragraph is one text
  block of the analysed zones; a sentence never crosses a paragraph.
* **characters**: every character of the analysed blocks, spaces and punctuation included
  (paragraph breaks between blocks are not); **letters**: letters and digits inside words.
* **word length**: letters per word; **sentence length**: words per sentence.
* **type** (unique word): a distinct term — case-folded, possessive ending removed, so "Putin"
  and "Putin’s" are one type. Lexical diversity is computed on the sequence of terms.
* **reading time**: words divided by 238 words per minute, the mean silent reading rate of
  adults for English non-fiction in Brysbaert's 2019 meta-analysis of 190 studies.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..article import LEAD_SECTION
from ..errors import ParameterError, positive_int
from ..text import Document, Sentence, Token
from .diversity import MATTR_WINDOW, lexical_diversity
from .readability_indices import (
    INDICES,
    ReadabilityCounts,
    band,
    grade_summary,
    letter_count,
    scores,
    sentence_counts,
    total_counts,
    words_by_sentence,
)
from .syllables import count_syllables
from .vocabulary import term

READING_WPM = 238


# --- counts and tables ---------------------------------------------------------------------


def sentence_table(doc: Document) -> pd.DataFrame:
    """One row per sentence: ``sentence``, ``paragraph``, ``section``, ``words``, ``letters``,
    ``syllables``, ``text``."""
    rows = []
    for s, words in zip(doc.sentences, words_by_sentence(doc), strict=True):
        rows.append(
            {
                "sentence": s.index,
                "paragraph": s.paragraph,
                "section": s.section or LEAD_SECTION,
                "words": len(words),
                "letters": sum(letter_count(t.text) for t in words),
                "syllables": sum(count_syllables(t.text) for t in words),
                "text": s.text,
            }
        )
    return pd.DataFrame(
        rows, columns=["sentence", "paragraph", "section", "words", "letters", "syllables", "text"]
    )


def longest_sentences(doc: Document, n: int = 5) -> pd.DataFrame:
    """The ``n`` longest sentences in words (ties in text order): ``sentence``, ``section``,
    ``words``, ``text``."""
    positive_int("n", n)
    table = sentence_table(doc).sort_values(["words", "sentence"], ascending=[False, True])
    return table[["sentence", "section", "words", "text"]].head(n).reset_index(drop=True)


def reading_time_minutes(words: int, wpm: int = READING_WPM) -> float:
    """Minutes to read ``words`` silently at ``wpm`` words per minute (238 by default)."""
    if wpm <= 0:
        raise ParameterError(
            f"reading speed must be a positive number of words per minute, not {wpm!r}"
        )
    return words / wpm


def counts(
    doc: Document,
    sentences: Sequence[Sentence] | None = None,
    sentence_words: Sequence[Sequence[Token]] | None = None,
) -> dict[str, Any]:
    """Counts of the whole document, or of some of its ``sentences`` (e.g. one section).

    Keys: ``characters``, ``characters_no_spaces``, ``letters``, ``words``, ``unique_words``,
    ``sentences``, ``paragraphs``, ``syllables``, ``mean_sentence_length``,
    ``median_sentence_length``, ``longest_sentence_length``, ``mean_word_length``,
    ``median_word_length``, ``reading_time_minutes``. Lengths are None when there is nothing
    to average. For a subset of sentences, characters are those of the sentences themselves
    (the spaces between sentences are not counted) and paragraphs are the distinct paragraphs
    they come from.
    ``sentence_words`` (from :func:`analysis.readability.words_by_sentence`) saves a pass.
    """
    if sentence_words is None:
        sentence_words = words_by_sentence(doc)
    chosen = list(doc.sentences if sentences is None else sentences)
    lengths = [len(sentence_words[s.index]) for s in chosen]
    if sentences is None:
        texts = [b.text for b in doc.blocks]
        words = doc.words
        paragraphs = len(doc.blocks)
    else:
        texts = [s.text for s in chosen]
        words = [t for s in chosen for t in sentence_words[s.index]]
        paragraphs = len({s.paragraph for s in chosen})
    word_lengths = [letter_count(t.text) for t in words]
    return {
        "characters": sum(len(t) for t in texts),
        "characters_no_spaces": sum(len("".join(t.split())) for t in texts),
        "letters": sum(word_lengths),
        "words": len(words),
        "unique_words": len({term(t) for t in words}),
        "sentences": len(chosen),
        "paragraphs": paragraphs,
        "syllables": sum(count_syllables(t.text) for t in words),
        "mean_sentence_length": statistics.fmean(lengths) if lengths else None,
        "median_sentence_length": statistics.median(lengths) if lengths else None,
        "longest_sentence_length": max(lengths) if lengths else None,
        "mean_word_length": statistics.fmean(word_lengths) if word_lengths else None,
        "median_word_length": statistics.median(word_lengths) if word_lengths else None,
        "reading_time_minutes": reading_time_minutes(len(words)),
    }


def sections_of(doc: Document) -> dict[str, list[Sentence]]:
    """Sentences grouped by section, sections in reading order (no section -> "(lead)")."""
    groups: dict[str, list[Sentence]] = {}
    for s in doc.sentences:
        groups.setdefault(s.section or LEAD_SECTION, []).append(s)
    return groups


_SECTION_COLUMNS = [
    "section",
    "paragraphs",
    "sentences",
    "words",
    "unique_words",
    "mean_sentence_length",
    "median_sentence_length",
    "longest_sentence_length",
    "mean_word_length",
    "reading_time_minutes",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
]


def section_rows(
    doc: Document,
    sentence_words: Sequence[Sequence[Token]] | None = None,
    per_sentence: Sequence[ReadabilityCounts] | None = None,
) -> list[dict[str, Any]]:
    """The rows of :func:`section_table` as plain dicts (None where a value is undefined)."""
    if sentence_words is None:
        sentence_words = words_by_sentence(doc)
    if per_sentence is None:
        per_sentence = sentence_counts(doc, sentence_words)
    rows = []
    for name, chosen in sections_of(doc).items():
        c = counts(doc, chosen, sentence_words)
        index = scores(total_counts(per_sentence[s.index] for s in chosen)) if c["words"] else {}
        row = {
            "section": name,
            **{k: c[k] for k in _SECTION_COLUMNS[1:10]},
            "flesch_reading_ease": index.get("flesch_reading_ease"),
            "flesch_kincaid_grade": index.get("flesch_kincaid_grade"),
        }
        rows.append(row)
    return rows


def section_table(doc: Document) -> pd.DataFrame:
    """Counts and two readability indices per section: ``section``, ``paragraphs``,
    ``sentences``, ``words``, ``unique_words``, ``mean_sentence_length``,
    ``median_sentence_length``, ``longest_sentence_length``, ``mean_word_length``,
    ``reading_time_minutes``, ``flesch_reading_ease``, ``flesch_kincaid_grade``."""
    return pd.DataFrame(section_rows(doc), columns=_SECTION_COLUMNS)


def overview_table(doc: Document) -> pd.DataFrame:
    """The document's counts as a two-column table: ``measure``, ``value``."""
    return pd.DataFrame(
        [{"measure": k, "value": v} for k, v in counts(doc).items()], columns=["measure", "value"]
    )


def _finite(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else value


def record_section(doc: Document, mattr_window: int = MATTR_WINDOW) -> dict[str, Any]:
    """The "stats" object of the result record (contract: docs/record.md).

    Contract fields: ``words``, ``sentences``, ``paragraphs`` (the same numbers as
    :func:`analysis.record.basic_counts`), ``readability`` with the six indices and
    ``lexical_diversity`` with ``ttr``, ``mattr``, ``mtld``. Extras: the other counts of
    :func:`counts`, ``readability.dale_chall``, ``readability_bands``, ``readability_grade``
    (median of the five grade-level indices and its band),
    ``readability_counts``, ``lexical_diversity.root_ttr`` and ``mattr_window``,
    ``reading_speed_wpm`` and ``sections``. A document without words gets counts of zero and
    None for every index, so a record can still be written. Non-finite values become None.
    """
    sentence_words = words_by_sentence(doc)
    per_sentence = sentence_counts(doc, sentence_words)
    base = counts(doc, sentence_words=sentence_words)
    result: dict[str, Any] = {
        "words": base["words"],
        "sentences": base["sentences"],
        "paragraphs": base["paragraphs"],
    }
    result.update({k: v for k, v in base.items() if k not in result})
    result["reading_speed_wpm"] = READING_WPM
    if base["words"] and base["sentences"]:
        rc = total_counts(per_sentence)
        values = {k: _finite(v) for k, v in scores(rc).items()}
        diversity = {k: _finite(v) for k, v in lexical_diversity(doc, mattr_window).items()}
        result["readability_counts"] = {
            k: getattr(rc, k)
            for k in ("syllables", "letters", "polysyllables", "complex_words", "difficult_words")
        }
    else:
        values = dict.fromkeys((*INDICES, "dale_chall"))
        diversity = dict.fromkeys(("ttr", "root_ttr", "mattr", "mtld"))
        result["readability_counts"] = None
    result["readability"] = values
    result["readability_bands"] = {
        k: (band(k, v) if v is not None else None) for k, v in values.items()
    }
    summary = grade_summary(values) if base["words"] and base["sentences"] else None
    result["readability_grade"] = (
        {"median_grade": summary["median_grade"], "band": summary["band"]} if summary else None
    )
    result["lexical_diversity"] = {**diversity, "mattr_window": mattr_window}
    result["sections"] = [
        {k: _finite(v) if isinstance(v, float) else v for k, v in row.items()}
        for row in section_rows(doc, sentence_words, per_sentence)
    ]
    return result
