"""Tests of analysis.actors.ner.tokens: CoNLL-style tokens with offsets (worked by hand)."""

from __future__ import annotations

import pytest

from analysis.actors.ner.tokens import conll_tokens


def words(text: str) -> list[str]:
    """Just the token strings."""
    return [t for t, _, _ in conll_tokens(text)]


def test_offsets_map_back_to_the_text() -> None:
    text = "Vladimir Putin\u2019s visit to Pyongyang, \u201ca milestone,\u201d he said."
    tokens = conll_tokens(text)
    assert all(text[a:b] == t for t, a, b in tokens)
    assert [t for t, _, _ in tokens] == [
        "Vladimir",
        "Putin",
        "\u2019s",
        "visit",
        "to",
        "Pyongyang",
        ",",
        "\u201c",
        "a",
        "milestone",
        ",",
        "\u201d",
        "he",
        "said",
        ".",
    ]
    assert tokens[1] == ("Putin", 9, 14)
    assert tokens[2] == ("\u2019s", 14, 16)


def test_range_and_offsets_into_the_whole_text() -> None:
    text = "Title here\n\nVladimir Putin's visit to Pyongyang"
    start = text.index("Vladimir")
    tokens = conll_tokens(text, start)
    assert tokens[0] == ("Vladimir", start, start + 8)
    assert [t for t, _, _ in tokens] == ["Vladimir", "Putin", "'s", "visit", "to", "Pyongyang"]
    assert conll_tokens(text, 0, 10) == [("Title", 0, 5), ("here", 6, 10)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We don't know", ["We", "do", "n't", "know"]),
        ("They can't and won't", ["They", "ca", "n't", "and", "wo", "n't"]),
        (
            "they're, we've, I'm, she'll, he'd",
            ["they", "'re", ",", "we", "'ve", ",", "I", "'m", ",", "she", "'ll", ",", "he", "'d"],
        ),
        ("the states' rights", ["the", "states", "'", "rights"]),
        ("O'Brien met d'Italia", ["O'Brien", "met", "d'Italia"]),
        ("PUTIN'S VISIT", ["PUTIN", "'S", "VISIT"]),
    ],
)
def test_clitics_and_apostrophes(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the U.S. and the U.N. agreed", ["the", "U.S.", "and", "the", "U.N.", "agreed"]),
        ("a U.S.-led force", ["a", "U.S.-led", "force"]),
        ("at 3:30 p.m. on Jan. 5", ["at", "3:30", "p.m.", "on", "Jan.", "5"]),
        (
            "Mr. Smith and Dr. Jones of Acme Corp. in Calif.",
            ["Mr.", "Smith", "and", "Dr.", "Jones", "of", "Acme", "Corp.", "in", "Calif", "."],
        ),
        ("M. Jones arrived", ["M.", "Jones", "arrived"]),
        ("He lives in the U.S.", ["He", "lives", "in", "the", "U.S", "."]),
        ("He fell ill. Then", ["He", "fell", "ill", ".", "Then"]),
        ("No. 5 said no.", ["No.", "5", "said", "no", "."]),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1,000 people paid $19.32 (3.2%)",
            ["1,000", "people", "paid", "$", "19.32", "(", "3.2", "%", ")"],
        ),
        ("US$ 5 and C$ 3", ["US$", "5", "and", "C$", "3"]),
        ("won 6-4 on 1996-08-30", ["won", "6-4", "on", "1996-08-30"]),
        ("rose +0.05 to .500", ["rose", "+0.05", "to", ".500"]),
        ("at 5-1/2 percent", ["at", "5-1/2", "percent"]),
        ("a high-profile Inzamam-ul-Haq", ["a", "high-profile", "Inzamam-ul-Haq"]),
        ("S&P and AT&T", ["S&P", "and", "AT&T"]),
    ],
)
def test_numbers_and_compounds(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "see https://www.reuters.com/world/x?a=1.",
            ["see", "https://www.reuters.com/world/x?a=1", "."],
        ),
        (
            "on reuters.com, or mail news@example.org!",
            ["on", "reuters.com", ",", "or", "mail", "news@example.org", "!"],
        ),
    ],
)
def test_urls(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_punctuation_runs_and_dashes() -> None:
    assert words("wait -- no... really \u2014 yes \u2026") == [
        "wait",
        "--",
        "no",
        "...",
        "really",
        "\u2014",
        "yes",
        "\u2026",
    ]


def test_list_number_at_sentence_start() -> None:
    assert words("1. Michael Johnson ( U.S. ) 19.32") == [
        "1.",
        "Michael",
        "Johnson",
        "(",
        "U.S.",
        ")",
        "19.32",
    ]


def test_empty_and_blank() -> None:
    assert conll_tokens("") == []
    assert conll_tokens("   \n ") == []
