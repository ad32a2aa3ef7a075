"""analysis.sentiment.prose: the sentences of notebook 02 and the words for a tone."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.sentiment import prose


@pytest.mark.parametrize(
    ("mean", "expected"),
    [
        (0.31, "clearly positive"),
        (0.178, "leans positive"),
        (0.05, "about neutral"),
        (-0.05, "about neutral"),
        (-0.051, "leans negative"),
        (-0.4, "clearly negative"),
        (None, "no sentence to score"),
    ],
)
def test_tone_meaning(mean, expected):
    assert prose.tone_meaning(mean, 0.05) == expected


TONE = {
    "mean_compound": 0.17751,
    "positive_share": 0.525,
    "negative_share": 0.175,
    "neutral_share": 0.3,
}
GDELT = {
    "tone": 4.857,
    "positive": 8.659,
    "negative": 3.801,
    "polarity": 12.46,
    "activity_density": 13.31,
    "self_group_density": 0.211,
    "word_count": 947,
}


def test_tone_prose():
    text = prose.tone_prose("A *headline*", TONE, GDELT, 40, 0.05)
    assert text.startswith(
        r"**A \*headline\***: over 40 sentences the mean compound score is "
        "+0.178, so the article leans positive at a neutral band of ±0.05."
    )
    assert "52% of the sentences are positive, 18% negative and 30% neutral." in text
    assert "percentages of 947 words) the tone is +4.86 (8.66% positive" in text


def test_tone_prose_one_sentence_clearly_negative():
    tone = {
        "mean_compound": -0.6,
        "positive_share": 0.0,
        "negative_share": 1.0,
        "neutral_share": 0.0,
    }
    text = prose.tone_prose("T", tone, {"word_count": 0}, 1, 0.05)
    assert (
        "over 1 sentence the mean compound score is −0.600, so the article is clearly "
        "negative" in text
    )
    assert "GDELT" not in text


def test_tone_prose_without_sentences():
    assert "no sentence" in prose.tone_prose("T", {"mean_compound": None}, GDELT, 0, 0.05)


def test_arc_prose():
    arc = pd.DataFrame(
        {
            "index": [0, 1, 2],
            "section": ["(lead)", "(lead)", "Talks"],
            "rolling_compound": [0.1, 0.4, -0.2],
        }
    )
    text = prose.arc_prose(arc, [0, 2], 1)
    assert text.startswith("The rolling mean over 1 sentence peaks at +0.400 around sentence 1")
    assert "lowest, −0.200, around sentence 2 (section *Talks*)" in text
    assert "each of the 2 sections starts" in text


def test_distribution_prose_singular():
    sentences = pd.DataFrame({"compound": [0.0, 0.5, -0.25]})
    assert prose.distribution_prose(sentences) == (
        "Sentence scores run from −0.250 to +0.500 (median 0.000); 1 sentence contains no "
        "word of VADER's lexicon at all and scores exactly 0."
    )


def test_sections_prose():
    sections = pd.DataFrame(
        {
            "section": ["(lead)", "Talks"],
            "mean_compound": [0.3, -0.1],
            "sentences": [1, 4],
            "negative_share": [0.0, 0.5],
        }
    )
    assert prose.sections_prose(sections) == (
        r"Of 2 sections, *\(lead\)* is the most positive (mean +0.300 over 1 sentence) and "
        "*Talks* the most negative (mean −0.100 over 4 sentences, 50% of them negative)."
    )
    assert "single section" in prose.sections_prose(sections.head(1))


def test_capitalised_words_prose():
    explanation = pd.DataFrame(
        {
            "word": ["Hope", "war", "Hope"],
            "capitalised": [True, False, True],
            "effect": [0.2, -0.3, 0.15],
        }
    )
    assert prose.capitalised_words_prose(explanation) == (
        "2 scored words are capitalised mid-sentence and may be part of a name that VADER "
        "reads as an ordinary word (*Hope*); together they add +0.350 to the sentences' "
        "compound scores."
    )


def test_afinn_prose():
    agreement = {
        "sentences": 4,
        "class_agreement": 0.75,
        "cohen_kappa": 0.5,
        "pearson_r": None,
        "vader_positive": 1,
        "vader_negative": 2,
        "afinn_positive": 2,
        "afinn_negative": 1,
    }
    assert prose.afinn_prose(agreement) == (
        "AFINN (hand-rated words summed, no negation or booster rules) puts 75% of the 4 "
        "sentences in the same class as VADER (Cohen's κ 0.50). VADER finds 1 positive "
        "sentence and 2 negative, AFINN 2 and 1. *Contains information from AFINN (Finn Årup "
        "Nielsen), which is made available here under the Open Database License (ODbL).*"
    )


def test_quotations_prose():
    versus = pd.DataFrame(
        {
            "kind": ["quote", "narration"],
            "units": [1, 3],
            "words": [7, 40],
            "mean_compound": [0.5, -0.1],
            "negative_share": [0.0, 1 / 3],
        }
    )
    assert prose.quotations_prose(versus) == (
        "The article quotes 1 passage (7 words). Their mean compound is +0.500 against "
        "−0.100 for the narration; 0% of the quotations are negative, against 33% of the "
        "narrated sentences."
    )
    versus.loc[0, "units"] = 0
    assert "no quotation" in prose.quotations_prose(versus)


@pytest.mark.parametrize(
    ("mean", "expected"),
    [
        (1.2, "clearly positive"),
        (0.3, "leans positive"),
        (0.02, "about neutral"),
        (-0.06, "leans negative"),
        (-1.01, "clearly negative"),
        (None, "no sentence to score"),
    ],
)
def test_news_tone_meaning(mean, expected):
    # the rating scale: neutral within ±0.05, clearly so beyond ±1
    assert prose.news_tone_meaning(mean) == expected


def test_news_tone_prose_by_hand():
    news = {"mean": -0.3, "positive_share": 0.25, "negative_share": 0.5, "neutral_share": 0.25}
    tone = {"mean_compound": -0.2, "raw_mean_compound": -0.1}
    parts = pd.DataFrame(
        [
            (0, "masked", 0.0, "United States", 0, 13, 0.0),
            (0, "baseline", 1.0, "", -1, -1, -0.03),
            (0, "vader_neg_sat", -1.0, "war", 20, 23, -0.6),
            (1, "vader_neg_sat", -1.0, "War", 40, 43, -0.5),
            (1, "vader_pos_sat", 1.0, "*peace*", 50, 57, 0.4),
        ],
        columns=["sentence", "feature", "value", "word", "start", "end", "contribution"],
    )
    text = prose.news_tone_prose("A <b>story</b>", news, tone, parts)
    assert text.startswith(
        r"**A &lt;b&gt;story&lt;/b&gt;** leans negative: its **news tone** "
        "is −0.30 on the −4 … +4 scale"
    )
    assert "25% of the sentences read as positive, 50% negative and 25% neutral." in text
    assert "mean compound of −0.200 (leans negative, −1 … +1)" in text
    assert "−0.100 with them." in text
    # "war" and "War" are one word: −0.6 − 0.5 = −1.1; the word is escaped for Markdown
    assert r"Words that raised it most: “\*peace\*” (+0.40)." in text
    assert "Words that lowered it most: “war” (−1.10)." in text
    assert "The words of 1 actor name were left out (*United States*)" in text


def test_news_tone_prose_without_sentences():
    assert "no tone" in prose.news_tone_prose("H", {"mean": None}, {}, pd.DataFrame())
