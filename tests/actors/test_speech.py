"""Tests of the speech-verb lexicon and the given-name genders (analysis.actors.speech)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis.actors.speech import given_name_genders, load_speech_cues, regular_forms

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "lemma, forms",
    [
        ("add", {"base": "add", "s": "adds", "past": "added", "ing": "adding"}),
        ("argue", {"base": "argue", "s": "argues", "past": "argued", "ing": "arguing"}),
        (
            "testify",
            {"base": "testify", "s": "testifies", "past": "testified", "ing": "testifying"},
        ),
        ("stress", {"base": "stress", "s": "stresses", "past": "stressed", "ing": "stressing"}),
    ],
)
def test_regular_forms(lemma, forms):
    assert regular_forms(lemma) == forms


def test_every_tense_of_a_verb_is_a_cue():
    verbs = load_speech_cues().verbs
    for form, tense in (
        ("say", "base"),
        ("says", "s"),
        ("said", "past"),
        ("saying", "ing"),
        ("quipped", "past"),
        ("told", "past"),
        ("written", "past"),
    ):
        assert verbs[form].tense == tense, form
    assert verbs["told"].has("addressee") and verbs["asked"].has("question")
    assert verbs["called"].has("naming") and not verbs["said"].has("naming")
    assert verbs["reports"].has("noun_too")
    assert "reads" not in verbs  # a sign "reads" a slogan: not speech


def test_given_name_genders():
    genders = given_name_genders()
    assert (genders["peter"], genders["ann"], genders["margaret"]) == ("m", "f", "f")
    assert "lee" not in genders  # 76% male, 24% female: left out


def test_gender_table_is_built_from_its_source():
    pytest.importorskip("names", reason="the build-time source package 'names' is missing")
    result = subprocess.run(
        [sys.executable, "scripts/build_given_name_genders.py", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
