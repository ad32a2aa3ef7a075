"""Tests of analysis.vader: fidelity to vaderSentiment 3.3.2 and the word explanations."""

from __future__ import annotations

import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.sentiment import vader

REFERENCE = SentimentIntensityAnalyzer()


# Expected values worked out by hand from the lexicon (good 1.9, terrible -2.1, great 3.1,
# happy 2.7) and VADER's constants (negation x-0.74, booster +0.293, caps +0.733, alpha 15):
#
# "The food was not good."  good: 1.9 * -0.74 = -1.406 (negated by "not", one word before)
#   compound = -1.406 / sqrt(1.406**2 + 15) = -0.34124 -> -0.3412
#   neg mass = 1.406 + 1 = 2.406, 4 neutral tokens, total 6.406: neg 0.376, neu 0.624
# "It was good, but the ending was terrible."  good 1.9 * 0.5 = 0.95, terrible -2.1 * 1.5 = -3.15
#   sum -2.2; compound = -2.2 / sqrt(4.84 + 15) = -0.49391 -> -0.4939
#   pos mass 1.95, neg mass 4.15, 6 neutral, total 12.1: pos 0.161, neg 0.343, neu 0.496
# "He is VERY happy"  caps differ (2 of 4 tokens upper: "He" is not, "VERY" is):
#   happy 2.7; booster VERY: 0.293 + 0.733 (caps) = 1.026 -> 3.726
#   compound = 3.726 / sqrt(3.726**2 + 15) = 0.69331 -> 0.6933;
#   pos mass 4.726, 3 neutral: pos 0.612, neu 0.388
# "Great!!"  3.1 + 2 * 0.292 = 3.684; compound = 3.684 / sqrt(13.5719 + 15) = 0.68921 -> 0.6892
#   (the single token has no neutral mass: pos = 1.0)
PINNED = [
    ("The food was not good.", -0.3412, 0.0, 0.624, 0.376),
    ("It was good, but the ending was terrible.", -0.4939, 0.161, 0.496, 0.343),
    ("He is VERY happy", 0.6933, 0.612, 0.388, 0.0),
    ("Great!!", 0.6892, 1.0, 0.0, 0.0),
    ("", 0.0, 0.0, 0.0, 0.0),
    ("The leaders then rode in the same limousine.", 0.0, 0.0, 1.0, 0.0),
]


@pytest.mark.parametrize(("text", "compound", "pos", "neu", "neg"), PINNED)
def test_pinned_scores_worked_by_hand(text, compound, pos, neu, neg):
    scores = vader.polarity_scores(text)
    assert scores == {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


# Sentences that exercise each rule of the reference, including its quirks.
FIDELITY_SAMPLE = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "No problem, no worries, no fear.",
    "good good but good good",  # "but" rescaling with repeated values (list.index quirk)
    "Is it good?? Really???",
    "“No country should give Putin a platform to promote his war of aggression,” he said.",
]


@pytest.mark.parametrize("text", FIDELITY_SAMPLE)
def test_equals_reference(text):
    ours = vader.polarity_scores(text)
    ref = REFERENCE.polarity_scores(text)
    assert ours.keys() == ref.keys()
    for key, value in ref.items():
        assert math.isclose(ours[key], value, rel_tol=0, abs_tol=1e-9), key


# Explanations worked out by hand.
# "The food was not good.": VADER's tokens The(0) food(1) was(2) not(3) good(4).
#   good: lexicon 1.9; "not" one token before -> x-0.74 -> -1.406; the only term, so removing it
#   leaves 0 and its effect is the whole compound -1.406 / sqrt(1.406**2 + 15) = -0.341238.
# "It was good, but the ending was not terrible!": It(0) was(1) good(2) but(3) the(4)
#   ending(5) was(6) not(7) terrible(8).
#   good 1.9 before "but" -> 0.95; terrible -2.1, negated -> 1.554, after "but" x1.5 -> 2.331.
#   sum 3.281 + "!" 0.292 = 3.573 -> compound 3.573 / sqrt(3.573**2 + 15) = 0.678074
#   without good: 2.331 + 0.292 = 2.623 -> 0.560760; effect of good 0.117314
#   without terrible: 0.95 + 0.292 = 1.242 -> 0.305371; effect of terrible 0.372703
EXPLAINED = [
    (
        "The food was not good.",
        [(4, "good", 1.9, -1.406, ("negated by 'not': x-0.74",), -0.341238)],
    ),
    (
        "It was good, but the ending was not terrible!",
        [
            (2, "good", 1.9, 0.95, ("before 'but': x0.5",), 0.117314),
            (
                8,
                "terrible",
                -2.1,
                2.331,
                ("negated by 'not': x-0.74", "after 'but': x1.5"),
                0.372703,
            ),
        ],
    ),
    ("The leaders then rode in the same limousine.", []),
]


@pytest.mark.parametrize(("text", "expected"), EXPLAINED)
def test_explanation_worked_by_hand(text, expected):
    result = vader.analyse(text)
    assert len(result.effects) == len(expected)
    for effect, (position, word, lexicon_valence, valence, rules, change) in zip(
        result.effects, expected, strict=True
    ):
        assert (effect.position, effect.word, effect.rules) == (position, word, rules)
        assert effect.lexicon_valence == lexicon_valence
        assert effect.valence == pytest.approx(valence, abs=1e-12)
        full = vader.raw_compound(result)
        assert full - vader.compound_without(result, position) == pytest.approx(change, abs=1e-6)


def test_booster_and_caps_rules_are_named():
    # "He is VERY happy": happy 2.7 + VERY (0.293 booster + 0.733 caps) = 3.726
    (effect,) = vader.analyse("He is VERY happy").effects
    assert effect.valence == pytest.approx(3.726, abs=1e-12)
    assert effect.rules == ("booster 'very': +1.026",)


def test_but_rule_quirk_is_reproduced():
    # The reference rescales the *first* element equal to the current one (list.index).
    # "but welcome xlnt": terms 0, 2.0, 3.0. Position 1: 2.0 -> 3.0. Position 2 holds 3.0,
    # whose first occurrence is now position 1, so position 1 becomes 4.5 and position 2
    # keeps 3.0 (instead of 3.0, 4.5).
    result = vader.analyse("but welcome xlnt")
    assert result.valences == (0.0, 4.5, 3.0)
    assert [e.rules for e in result.effects] == [("after 'but': x1.5", "after 'but': x1.5"), ()]
    # Without a collision: "great good but" -> 3.1 * 0.5, 1.9 * 0.5
    assert vader.analyse("great good but").valences == (1.55, 0.95, 0.0)
    for text in ("but welcome xlnt", "great good but", "good good but good good"):
        assert vader.polarity_scores(text) == REFERENCE.polarity_scores(text)


def test_word_spans_point_at_stripped_tokens():
    # VADER strips ASCII punctuation only: curly quotes stay on the token (so "good,”" is
    # not found in the lexicon -- a limitation of the reference, kept for fidelity).
    text = "“It was good,” he said. (Fine)"
    spans = vader.word_spans(text)
    assert [text[s:e] for s, e in spans] == ["“It", "was", "good,”", "he", "said", "Fine"]
    assert vader.word_spans("so happy 😁") is None


def test_analyse_is_cached_and_immutable():
    first = vader.analyse("A fine day.")
    assert vader.analyse("A fine day.") is first
    with pytest.raises(AttributeError):
        first.compound = 1.0


def test_one_reference_analyzer_per_process():
    assert vader.reference_analyzer() is vader.reference_analyzer()
    assert vader.lexicon()["good"] == 1.9
