"""The sentences of notebook 02 (sentiment and tone), one function per section, and the words
for a tone (:func:`tone_meaning`) that the dossier uses too.

Each function takes results the notebook has already computed and returns Markdown: numbers
for people (:mod:`analysis.wording`), correct plurals, article text escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..wording import (
    emphasis,
    escape_markdown,
    listing,
    number,
    percent,
    plural,
    signed,
    strong,
)

#: Mean compound from which a tone is called clearly (not just leaning) positive or negative.
CLEAR_TONE = 0.3
#: The same for the news tone, on the human rating scale (-4 … +4: 1 is "mildly positive").
CLEAR_NEWS_TONE = 1.0
#: Neutral band of the news tone (the ratings' own, as in the evaluation data).
NEWS_NEUTRAL = 0.05


def tone_meaning(
    mean_compound: float | None, threshold: float = 0.05, clear: float = CLEAR_TONE
) -> str:
    """What a mean score says, in words: "clearly positive" (above ``clear``: +0.3 for VADER's
    compound), "leans positive" (above ``threshold``), "about neutral" (within
    ±``threshold``), "leans negative", "clearly negative"; "no sentence to score" for None."""
    if mean_compound is None or pd.isna(mean_compound):
        return "no sentence to score"
    if mean_compound > clear:
        return "clearly positive"
    if mean_compound > threshold:
        return "leans positive"
    if mean_compound < -clear:
        return "clearly negative"
    if mean_compound < -threshold:
        return "leans negative"
    return "about neutral"


def news_tone_meaning(mean: float | None) -> str:
    """:func:`tone_meaning` of a news tone (rating scale: neutral within ±0.05, clearly
    positive or negative beyond ±1)."""
    return tone_meaning(mean, NEWS_NEUTRAL, CLEAR_NEWS_TONE)


def news_tone_prose(
    headline: str,
    news: Mapping[str, Any],
    tone: Mapping[str, Any],
    contributions: pd.DataFrame,
    top: int = 5,
) -> str:
    """The headline tone: the calibrated news tone (what it means, its shares), VADER beside
    it, and the features and words that moved it most.

    ``news`` is :func:`analysis.sentiment.news_tone_summary` (``mean`` and shares), ``tone``
    :func:`analysis.sentiment.article_tone`, ``contributions``
    :func:`analysis.sentiment.contributions_table`.
    """
    if news.get("mean") is None:
        return "The analysed zones hold no sentence, so there is no tone to report."
    meaning = news_tone_meaning(news["mean"])
    text = (
        f"{strong(headline)} {_verb(meaning)}: its **news tone** is "
        f"{signed(news['mean'], 2)} on the −4 … +4 scale of human ratings (the mean of its "
        "sentences' scores from a model calibrated on editorial sentences rated by people; "
        f"±{NEWS_NEUTRAL:g} is neutral). {percent(news['positive_share'])} of the sentences "
        f"read as positive, {percent(news['negative_share'])} negative and "
        f"{percent(news['neutral_share'])} neutral."
    )
    if news.get("model") == "static":
        text += (
            " The article is too long for the sentence encoder, so its sentences were scored "
            "by the static model (lexicons, word weights and piece tones, without the encoder), "
            "which agrees a little less with human raters."
        )
    if tone.get("mean_compound") is not None:
        text += (
            f" VADER alone gives a mean compound of {signed(tone['mean_compound'])} "
            f"({tone_meaning(tone['mean_compound'])}, −1 … +1) with the words inside "
            "actor names left out"
        )
        raw = tone.get("raw_mean_compound")
        text += f", {signed(raw)} with them." if raw is not None else "."
    words = contributions[(contributions["word"] != "") & (contributions["feature"] != "masked")]
    if not words.empty:
        by_word = words.groupby(words["word"].str.lower())["contribution"].sum()
        up = [_quoted(w, v) for w, v in by_word.nlargest(top).items() if v > 0]
        down = [_quoted(w, v) for w, v in by_word.nsmallest(top).items() if v < 0]
        if up:
            text += f" Words that raised it most: {listing(up)}."
        if down:
            text += f" Words that lowered it most: {listing(down)}."
    masked = contributions[contributions["feature"] == "masked"]
    if not masked.empty:
        names = sorted(set(masked["word"]))
        text += (
            f" The words of {plural(len(names), 'actor name')} were left out "
            f"({listing([emphasis(n) for n in names[:top]])}"
            f"{', …' if len(names) > top else ''}): “United” in “United States” says "
            "nothing about the story's tone."
        )
    return text


def tone_prose(
    headline: str,
    tone: Mapping[str, Any],
    gdelt: Mapping[str, Any],
    sentences: int,
    threshold: float,
) -> str:
    """The article's tone: mean compound and what it means, the shares of positive, negative
    and neutral sentences, and the GDELT-style measures.

    ``tone`` is :func:`analysis.sentiment.article_tone`, ``gdelt`` is
    :func:`analysis.sentiment.gdelt_tone`.
    """
    if tone.get("mean_compound") is None:
        return "The analysed zones hold no sentence, so there is no tone to report."
    meaning = tone_meaning(tone["mean_compound"], threshold)
    text = (
        f"{strong(headline)}: over {plural(sentences, 'sentence')} the mean compound score "
        f"is {signed(tone['mean_compound'])}, so the article {_verb(meaning)} at a neutral "
        f"band of ±{threshold:g}. {percent(tone['positive_share'])} of the sentences are "
        f"positive, {percent(tone['negative_share'])} negative and "
        f"{percent(tone['neutral_share'])} neutral."
    )
    if gdelt.get("word_count"):
        text += (
            " On the GDELT-style measures (General Inquirer lists, percentages of "
            f"{plural(gdelt['word_count'], 'word')}) the tone is "
            f"{signed(gdelt['tone'], 2)} ({number(gdelt['positive'], 2)}% positive and "
            f"{number(gdelt['negative'], 2)}% negative words, polarity "
            f"{number(gdelt['polarity'], 2)}); {number(gdelt['activity_density'], 1)}% of "
            f"the words are activity words and {number(gdelt['self_group_density'], 2)}% "
            "first-person pronouns."
        )
    return text


def _quoted(word: str, value: float) -> str:
    """“word” (+0.42): article text escaped, its contribution signed."""
    return f"“{escape_markdown(word)}” ({signed(value, 2)})"


def _verb(meaning: str) -> str:
    """ "leans positive" stays; "clearly positive" → "is clearly positive"."""
    return meaning if meaning.startswith("leans") else f"is {meaning}"


def arc_prose(arc: pd.DataFrame, section_starts: Sequence[Any], window: int) -> str:
    """Where the rolling mean of the arc peaks and where it is lowest.

    ``arc`` is :func:`analysis.sentiment.arc` (``index``, ``section``, ``rolling_compound``).
    """
    if arc.empty:
        return "The analysed zones hold no sentence, so there is no arc."
    high = arc.loc[arc["rolling_compound"].idxmax()]
    low = arc.loc[arc["rolling_compound"].idxmin()]
    return (
        f"The rolling mean over {plural(window, 'sentence')} peaks at "
        f"{signed(high['rolling_compound'])} around sentence {high['index']} (section "
        f"{emphasis(str(high['section']))}) and is lowest, "
        f"{signed(low['rolling_compound'])}, around sentence {low['index']} (section "
        f"{emphasis(str(low['section']))}). Dashed lines mark where each of the "
        f"{plural(len(section_starts), 'section')} starts; bars are single sentences, "
        "coloured by class."
    )


def distribution_prose(sentences: pd.DataFrame) -> str:
    """The range and median of the sentence scores, and how many score exactly 0."""
    if sentences.empty:
        return "The analysed zones hold no sentence."
    zero = int((sentences["compound"] == 0).sum())
    return (
        f"Sentence scores run from {signed(sentences['compound'].min())} to "
        f"{signed(sentences['compound'].max())} (median "
        f"{signed(sentences['compound'].median())}); {plural(zero, 'sentence')} "
        f"{'contains' if zero == 1 else 'contain'} no word of VADER's lexicon at all and "
        f"{'scores' if zero == 1 else 'score'} exactly 0."
    )


def sections_prose(sections: pd.DataFrame) -> str:
    """The most positive and the most negative section (``sections`` is
    :func:`analysis.sentiment.section_tone`)."""
    if len(sections) < 2:
        return "The analysed text has a single section, so there is no section to compare."
    best = sections.loc[sections["mean_compound"].idxmax()]
    worst = sections.loc[sections["mean_compound"].idxmin()]
    return (
        f"Of {plural(len(sections), 'section')}, {emphasis(str(best['section']))} is the "
        f"most positive (mean {signed(best['mean_compound'])} over "
        f"{plural(best['sentences'], 'sentence')}) and {emphasis(str(worst['section']))} "
        f"the most negative (mean {signed(worst['mean_compound'])} over "
        f"{plural(worst['sentences'], 'sentence')}, {percent(worst['negative_share'])} of "
        "them negative)."
    )


def capitalised_words_prose(explanation: pd.DataFrame) -> str:
    """Scored words written with a capital mid-sentence: perhaps parts of names that VADER
    reads as ordinary words (``explanation`` is :func:`analysis.sentiment.explain`)."""
    named = explanation[explanation["capitalised"]]
    if named.empty:
        return (
            "No scored word is capitalised mid-sentence, so no name is likely to have "
            "been scored as an ordinary word."
        )
    words = sorted(set(named["word"]))
    return (
        f"{plural(len(named), 'scored word')} {'is' if len(named) == 1 else 'are'} "
        "capitalised mid-sentence and may be part of a name that VADER reads as an "
        f"ordinary word ({listing([emphasis(w) for w in words])}); together they add "
        f"{signed(named['effect'].sum())} to the sentences' compound scores."
    )


# The ODbL (section 4.3) asks a published work produced from the list to say so; reports that
# show AFINN numbers are such works (THIRD_PARTY.md).
AFINN_NOTICE = (
    "*Contains information from AFINN (Finn Årup Nielsen), which is made available "
    "here under the Open Database License (ODbL).*"
)


def afinn_prose(agreement: Mapping[str, Any]) -> str:
    """How far AFINN agrees with VADER (``agreement`` is
    :func:`analysis.sentiment.afinn_agreement`)."""
    if not agreement.get("sentences"):
        return "The analysed zones hold no sentence to compare."
    kappa, r = agreement.get("cohen_kappa"), agreement.get("pearson_r")
    text = (
        "AFINN (hand-rated words summed, no negation or booster rules) puts "
        f"{percent(agreement['class_agreement'])} of the "
        f"{plural(agreement['sentences'], 'sentence')} in the same class as VADER"
    )
    if kappa is not None and not pd.isna(kappa):
        text += f" (Cohen's κ {number(kappa, 2)})"
    if r is not None and not pd.isna(r):
        text += f"; the scores correlate at r = {number(r, 2)}"
    return (
        text + f". VADER finds {plural(agreement['vader_positive'], 'positive sentence')} "
        f"and {number(agreement['vader_negative'])} negative, AFINN "
        f"{number(agreement['afinn_positive'])} and {number(agreement['afinn_negative'])}. "
        + AFINN_NOTICE
    )


def quotations_prose(versus: pd.DataFrame) -> str:
    """Quotations against narration (``versus`` is
    :func:`analysis.sentiment.quotations_vs_narration`)."""
    by_kind = versus.set_index("kind")
    if not (
        {"quote", "narration"} <= set(by_kind.index)
        and by_kind.loc["quote", "units"]
        and by_kind.loc["narration", "units"]
    ):
        return "The analysed text holds no quotation to set against the narration."
    quoted, narrated = by_kind.loc["quote"], by_kind.loc["narration"]
    return (
        f"The article quotes {plural(int(quoted['units']), 'passage')} "
        f"({plural(int(quoted['words']), 'word')}). Their mean compound is "
        f"{signed(quoted['mean_compound'])} against {signed(narrated['mean_compound'])} "
        f"for the narration; {percent(quoted['negative_share'])} of the quotations are "
        f"negative, against {percent(narrated['negative_share'])} of the narrated "
        "sentences."
    )
