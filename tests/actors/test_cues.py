"""Tests of analysis.cues: the packaged cue lists load and hold what detection relies on."""

from __future__ import annotations

import pytest

from analysis.actors.cues import load_cues


@pytest.mark.parametrize(
    "attribute, member",
    [
        ("role_nouns", "adviser"),
        ("org_suffixes", "Ministry"),
        ("org_nouns", "newspaper"),
        ("news_agencies", "Reuters"),
        ("place_suffixes", "Airport"),
        ("locative_prepositions", "in"),
        ("motion_verbs", "visit"),
        ("reporting_verbs", "stressed"),
        ("speaker_nouns", "spokesperson"),
        ("not_names", "June"),
        ("given_names", "John"),
    ],
)
def test_cue_lists(attribute, member):
    assert member in getattr(load_cues(), attribute)


def test_titles_longest_first():
    titles = load_cues().person_titles
    assert (
        titles.index("Deputy Prime Minister")
        < titles.index("Prime Minister")
        < titles.index("Minister")
    )
