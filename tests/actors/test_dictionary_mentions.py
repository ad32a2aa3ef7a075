"""Tests of analysis.mentions: dictionary mentions, metonym vs place, nominals, and the
hand-annotated seed article (tests/fixtures/seed_actor_mentions.csv)."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from analysis.actors import detect_mentions
from analysis.actors.dictionary_mentions import SurfaceIndex, is_all_caps, place_context
from analysis.article import article_from_string
from analysis.text import prepare

from ..conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "seed_actor_mentions.csv"
ZONE_PARAM = {
    "body": "body",
    "title": "title",
    "heading": "headings",
    "caption": "captions",
    "image_title": "image_titles",
}


def _found(text: str) -> list[tuple[str, str, str]]:
    doc = prepare(article_from_string(text))
    return [(m.text, m.actor, m.kind) for m in detect_mentions(doc)]


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return pd.read_csv(FIXTURE, comment="#")


def _spans(rows) -> set[tuple[int, int, str, str]]:
    return {(int(r.start), int(r.end), r.actor, r.kind) for r in rows}


def test_fixture_offsets_point_at_their_text(seed, gold):
    # The fixture was written by hand; every row must quote the article exactly.
    for row in gold.itertuples():
        assert seed.text[row.start : row.end] == row.text


@pytest.mark.parametrize(
    "zones", [["body"], ["body", "title", "headings", "captions", "image_titles"]]
)
def test_seed_name_mentions_precision_and_recall(seed, gold, zones):
    doc = prepare(seed, zones)
    wanted = gold[gold["zone"].map(ZONE_PARAM).isin(zones)]
    found = detect_mentions(doc)
    gold_names = _spans(r for r in wanted.itertuples() if r.kind == "name")
    found_names = {(m.start, m.end, m.actor, m.kind) for m in found if m.kind == "name"}
    true = gold_names & found_names
    assert len(true) / len(found_names) == 1.0, sorted(found_names - gold_names)
    assert len(true) / len(gold_names) == 1.0, sorted(gold_names - found_names)


def test_seed_all_kinds_match_the_annotation(seed, gold):
    doc = prepare(seed)
    found = {(m.start, m.end, m.actor, m.kind) for m in detect_mentions(doc)}
    assert found == _spans(gold[gold["zone"] == "body"].itertuples())


def test_seed_counts_per_actor(seed, gold):
    doc = prepare(seed)
    counts = Counter(m.actor for m in detect_mentions(doc))
    expected = Counter(gold[gold["zone"] == "body"]["actor"])
    assert counts == expected
    # Spot checks counted by hand in the article body: Putin is named 20 times and called
    # "the Russian president"/"the President" 3 times; Russia 15 names + 8 "Russian" +
    # 2 "Moscow"; North Korea 13 names (incl. "DPRK") + 5 demonyms + 2 "Pyongyang" acting.
    assert counts["person:vladimir-putin"] == 23
    assert counts["state:RUS"] == 25
    assert counts["state:PRK"] == 20


@pytest.mark.parametrize(
    "text, expected",
    [
        # longest first: "South Korea", not "Korea"
        (
            "South Korea and North Korea met.",
            [("South Korea", "state:KOR", "name"), ("North Korea", "state:PRK", "name")],
        ),
        ("The U.N. Security Council met.", [("U.N. Security Council", "org:unsc", "name")]),
        ("North Korean troops moved.", [("North Korean", "state:PRK", "adjectival")]),
        # possessives: the span stops before the apostrophe (curly or straight)
        ("President Putin’s visit ended.", [("Putin", "person:vladimir-putin", "name")]),
        ("Russia's economy grew.", [("Russia", "state:RUS", "name")]),
        # capitals acting stand for their state; after a locative preposition/visit, a place
        (
            "Moscow will continue to support Pyongyang.",
            [("Moscow", "state:RUS", "metonym"), ("Pyongyang", "state:PRK", "metonym")],
        ),
        ("He arrived in Pyongyang.", [("Pyongyang", "place:pyongyang", "name")]),
        (
            "Vladimir Putin will visit Hanoi.",
            [("Vladimir Putin", "person:vladimir-putin", "name"), ("Hanoi", "place:hanoi", "name")],
        ),
        (
            "Hanoi's decision surprised Washington.",
            [("Hanoi", "state:VNM", "metonym"), ("Washington", "state:USA", "metonym")],
        ),
        # nominals: one office-holder of the state with that title
        (
            "The Russian president spoke.",
            [
                ("Russian", "state:RUS", "adjectival"),
                ("president", "person:vladimir-putin", "nominal"),
            ],
        ),
        ("The former Russian president spoke.", [("Russian", "state:RUS", "adjectival")]),
        ("President Vladimir Putin spoke.", [("Vladimir Putin", "person:vladimir-putin", "name")]),
        (
            "Vietnam's new president, To Lam, spoke.",
            [("Vietnam", "state:VNM", "name"), ("To Lam", "person:to-lam", "name")],
        ),
        (
            "They welcomed the President of the Russian Federation.",
            [
                ("President", "person:vladimir-putin", "nominal"),
                ("Russian Federation", "state:RUS", "name"),
            ],
        ),
        (
            "President Putin met the North Korean leader.",
            [
                ("Putin", "person:vladimir-putin", "name"),
                ("North Korean", "state:PRK", "adjectival"),
                ("leader", "person:kim-jong-un", "nominal"),
            ],
        ),
        # an all-capitals headline is matched with upper-cased forms
        (
            "RUSSIA AND CHINA SIGN DEAL\n\nThe deal was signed.",
            [("RUSSIA", "state:RUS", "name"), ("CHINA", "state:CHN", "name")],
        ),
    ],
)
def test_detect_mentions_small_texts(text, expected):
    if text.startswith("RUSSIA"):
        article = article_from_string(text)
        doc = prepare(article, ["title", "body"])
        assert [(m.text, m.actor, m.kind) for m in detect_mentions(doc)] == expected
    else:
        assert _found(text) == expected


def test_bare_surname_without_evidence_is_not_linked():
    # A one-word form of a dictionary person links only with evidence in the article (the full
    # name, or an office title before it; analysis.actors.linking): here it is a person the
    # dictionary does not know. (Before the name recogniser, "Putin" alone was Vladimir Putin.)
    found = [
        (m.text, m.actor, m.discovered)
        for m in detect_mentions(prepare(article_from_string("On Monday, Putin’s visit ended.")))
    ]
    assert found == [("Putin", "person:putin", True)]


def test_ambiguous_form_goes_to_the_actor_the_article_names():
    # "Kim" is three dictionary persons (Kim Jong Un preferred); the article names Kim Yo Jong
    # in full, so its "Kim" is her.
    found = _found("Kim Yo Jong spoke first. Later Kim said no.")
    assert found[-1] == ("Kim", "person:kim-yo-jong", "name")


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("arrived in Pyongyang", 11, 20, True),
        ("talks in the Kremlin", 13, 20, True),
        ("the capital of Pyongyang", 15, 24, True),
        ("expected to visit Hanoi", 18, 23, True),
        ("Moscow will", 0, 6, False),
        ("relations with Hanoi", 15, 20, False),
        ("a London-based firm", 2, 8, True),
        ("(Image Credit: Kremlin)", 15, 22, False),
        ("LONDON 1996-08-30", 0, 6, True),
    ],
)
def test_place_context(text, start, end, expected):
    assert place_context(text, start, end) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("SOCCER - LEEDS WIN AT HOME", True),
        ("Putin visits Hanoi", False),
        ("U.S.", False),
        ("ÉTAT D'URGENCE À PARIS", True),  # letters beyond ASCII count as letters
        ("Ça va: ÉLYSÉE", False),  # 3 of 10 letters are lower case
        ("", False),
    ],
)
def test_is_all_caps(text, expected):
    assert is_all_caps(text) is expected


def test_user_dictionary_adds_an_actor(tmp_path):
    from analysis.actors.dictionary import load_dictionary

    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n  - id: org:acme\n    name: Acme Widgets\n    type: organization\n"
        "    names: [Acme Widgets, Acme]\n",
        encoding="utf-8",
    )
    doc = prepare(article_from_string("Acme said profits fell."))
    found = detect_mentions(doc, load_dictionary(extra))
    assert [(m.text, m.actor, m.discovered) for m in found] == [("Acme", "org:acme", False)]


def test_surface_index_finds_forms_at_word_starts_only():
    # Forms are looked up by the word they open with: "Kim" is not found inside "Kimberly",
    # "U.S." is found before "-led", both readings of "Kim Jong Un"/"Kim" and of
    # "Al-Qaeda"/"Al" are returned, a form opening with punctuation never matches, and a word
    # after a full stop ("x.Kim") is not a word start.
    r = [("org:x", "name")]
    index = SurfaceIndex(
        {"U.S.": r, "Kim": r, "Kim Jong Un": r, "'t Hooft": r, "Gen.": r, "Al-Qaeda": r, "Al": r}
    )
    text = "U.S.-led Kimberly met Kim Jong Un; Gen. Al-Qaeda’s 't Hooft x.Kim Al"
    assert index.find(text) == [
        (0, 4, "U.S."),
        (22, 33, "Kim Jong Un"),
        (22, 25, "Kim"),
        (35, 39, "Gen."),
        (40, 48, "Al-Qaeda"),
        (40, 42, "Al"),
        (66, 68, "Al"),
    ]
    upper = SurfaceIndex({"Kim Jong Un": r}, upper=True)
    assert upper.find("KIM JONG UN SAID") == [(0, 11, "KIM JONG UN")]
    assert upper.readings == {"KIM JONG UN": r}


def test_text_whose_lower_case_moves_offsets_gives_the_same_mentions():
    # Titles and people's full names are searched in a lower-case copy of the text; "İ"
    # becomes two characters in lower case, so such a text is searched case-insensitively
    # instead, with the same result (the sentence comes first, so a search of the lower-case
    # copy would be one character off after it).
    story = (
        "Vladimir Putin arrived in Hanoi on Wednesday. Putin said the Russian president "
        "would return. The Vietnamese president welcomed him."
    )
    plain = _found(story)
    assert ("president", "person:vladimir-putin", "nominal") in plain
    assert ("Putin", "person:vladimir-putin", "name") in plain
    turkish = _found("İzmir was quiet. " + story)
    assert [m for m in turkish if m[0] != "İzmir"] == plain
