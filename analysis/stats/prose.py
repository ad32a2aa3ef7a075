"""The sentences of notebook 01 (text statistics), one function per section.

Each function takes results the notebook has already computed and returns Markdown: numbers
for people (:mod:`analysis.wording`), correct plurals, article text escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..wording import emphasis, escape_markdown, listing, number, percent, plural, strong
from .overview import READING_WPM
from .readability_indices import READABILITY_LABELS, flesch_band
from .vocabulary import G2_CRITICAL_001


def overview_prose(headline: str, zones: Sequence[str], counts: Mapping[str, Any]) -> str:
    """How much text the analysed zones hold and how long it takes to read.

    ``counts`` is :func:`analysis.stats.counts` (``words``, ``sentences``, ``paragraphs``,
    ``unique_words``, ``reading_time_minutes``).
    """
    words, sentences = counts["words"], counts["sentences"]
    minutes = counts["reading_time_minutes"] or 0
    reading = "under a minute" if minutes < 1 else f"about {plural(round(minutes), 'minute')}"
    return (
        f"{strong(headline)}: the analysed zones ({', '.join(zones)}) hold "
        f"{plural(words, 'word')} in {plural(sentences, 'sentence')} and "
        f"{plural(counts['paragraphs'], 'paragraph')}; "
        f"{number(counts['unique_words'])} of the words are distinct. At {READING_WPM} "
        "words a minute (the mean adult silent reading rate for non-fiction) it takes "
        f"{reading} to read."
    )


def readability_prose(
    scores: Mapping[str, float | None], grade: Mapping[str, Any], counts: Mapping[str, Any]
) -> str:
    """The median grade of the grade-level indices, their range, and Flesch Reading Ease.

    ``scores`` is :func:`analysis.stats.readability`, ``grade`` is
    :func:`analysis.stats.grade_summary`, ``counts`` as for :func:`overview_prose`.
    """
    if grade.get("median_grade") is None or scores.get("flesch_reading_ease") is None:
        return "The analysed zones hold no words, so no readability can be computed."
    (low_index, low), (high_index, high) = grade["lowest"], grade["highest"]
    ease = scores["flesch_reading_ease"]
    syllables = counts["syllables"] / counts["words"] if counts.get("words") else None
    return (
        f"The median of the five grade-level indices is grade "
        f"{number(grade['median_grade'], 1)}, **{grade['band']}**; they range from "
        f"{number(low, 1)} ({READABILITY_LABELS[low_index]}) to {number(high, 1)} "
        f"({READABILITY_LABELS[high_index]}). Flesch Reading Ease is {number(ease, 1)}, "
        f"which Flesch's table calls *{flesch_band(ease)}*: sentences average "
        f"{plural(counts['mean_sentence_length'], 'word', digits=1)} and words "
        f"{plural(syllables, 'syllable', digits=2)}."
    )


def sentence_length_prose(
    lengths: pd.DataFrame, counts: Mapping[str, Any], longest: pd.DataFrame
) -> str:
    """The spread of sentence lengths and the longest sentence, quoted.

    ``lengths`` is :func:`analysis.stats.sentence_table`, ``longest`` is
    :func:`analysis.stats.longest_sentences`.
    """
    if lengths.empty:
        return "The analysed zones hold no sentence."
    first = longest.iloc[0]
    return (
        f"Sentences run from {number(lengths['words'].min())} to "
        f"{plural(lengths['words'].max(), 'word')} (mean "
        f"{number(counts['mean_sentence_length'], 1)}, median "
        f"{number(counts['median_sentence_length'])}). The longest, in section "
        f"{emphasis(str(first['section']))}, has {plural(first['words'], 'word')}:\n\n"
        f"> {_quote(first['text'])}"
    )


def collocations_prose(collocations: pd.DataFrame, min_freq: int) -> str:
    """What the collocation table holds and its strongest bigram."""
    text = (
        "Bigrams that occur together more often than their words' frequencies predict, "
        "scored with NLTK's likelihood ratio (Dunning's G2) and PMI; "
    )
    if collocations.empty:
        return text + f"no bigram occurs {plural(min_freq, 'time')} or more."
    top = collocations.iloc[0]
    return (
        text + f"the strongest is {emphasis(top['bigram'])} "
        f"({plural(top['count'], 'time')}, G2 {number(top['likelihood_ratio'], 1)})."
    )


def keyness_prose(keyness: pd.DataFrame, words: int, top: int = 5) -> str:
    """How many words are used significantly more than in general English, the most
    distinctive, and "the" for comparison. ``keyness`` is the full
    :func:`analysis.stats.keyness` table (``top_n=None``)."""
    significant = keyness[keyness["g2"] > G2_CRITICAL_001]
    if len(significant):
        names = listing([emphasis(t) for t in significant["term"][:top]])
        text = (
            f"{plural(len(significant), 'word')} "
            f"{'is' if len(significant) == 1 else 'are'} used significantly more than "
            f"in general English (p < 0.001); the most distinctive "
            f"{'is' if len(significant) == 1 else 'are'} {names}."
        )
    else:
        text = (
            "No word is used significantly more than in general English at p < 0.001 "
            f"(with at least 2 occurrences in {plural(words, 'word')})."
        )
    the = keyness[keyness["term"] == "the"]
    if len(the):
        text += (
            f" For comparison, *the* has G2 {number(the['g2'].iloc[0], 2)} and a log "
            f"ratio of {number(the['log_ratio'].iloc[0], 2)}: it is used at about its "
            "ordinary rate."
        )
    return text


def concordance_prose(terms: Sequence[str], concordance: pd.DataFrame) -> str:
    """The concordance terms and how many matches each has."""
    if not terms:
        return "No term was chosen for the concordance."
    matches = concordance["term"].value_counts().to_dict() if len(concordance) else {}
    return (
        "Concordance terms: "
        + ", ".join(f"{emphasis(t)} ({plural(matches.get(t, 0), 'match')})" for t in terms)
        + "."
    )


def dispersion_prose(spread: pd.DataFrame) -> str:
    """Where the plotted terms occur: the most spread out and the most concentrated.

    ``spread`` has one row per term with ``count``, ``min`` and ``max`` relative positions.
    """
    if spread.empty:
        return "None of the terms occurs in the analysed zones."
    width = (spread["max"] - spread["min"]).sort_values()
    widest, narrowest = width.index[-1], width.index[0]
    text = (
        f"{plural(len(spread), 'term')} plotted. {emphasis(str(widest))} runs through the "
        f"text, from {percent(spread.loc[widest, 'min'])} to "
        f"{percent(spread.loc[widest, 'max'])} of the way"
    )
    if narrowest != widest:
        text += (
            f"; {emphasis(str(narrowest))} is the most concentrated, between "
            f"{percent(spread.loc[narrowest, 'min'])} and "
            f"{percent(spread.loc[narrowest, 'max'])}"
        )
    return text + "."


def diversity_prose(
    diversity: Mapping[str, float], counts: Mapping[str, Any], window: int, threshold: float
) -> str:
    """TTR, MATTR and MTLD in words (``diversity`` is :func:`analysis.stats.lexical_diversity`;
    ``threshold`` is MTLD's, :data:`analysis.stats.MTLD_THRESHOLD`)."""
    text = (
        f"{number(counts['unique_words'])} distinct words in "
        f"{plural(counts['words'], 'word')} (TTR {number(diversity['ttr'], 2)})."
    )
    mattr, mtld = diversity.get("mattr"), diversity.get("mtld")
    has_mattr = mattr is not None and pd.notna(mattr)
    has_mtld = mtld is not None and pd.notna(mtld)
    if has_mattr:
        text += (
            f" In an average run of {plural(window, 'word')}, {percent(mattr)} are "
            f"different words (MATTR {number(mattr, 2)})" + (";" if has_mtld else ".")
        )
    if has_mtld:
        text += (
            f"{' on' if has_mattr else ' On'} average {plural(round(mtld), 'word')} pass "
            f"before the running type-token ratio falls to {threshold} (MTLD)."
        )
    else:
        text += " The text is too short for MTLD."
    return text


def _quote(text: str) -> str:
    return escape_markdown(" ".join(str(text).split()))
