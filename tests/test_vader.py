"""Tests of analysis.vader: fidelity to vaderSentiment 3.3.2 and the word explanations."""

from __future__ import annotations

import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import vader

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
