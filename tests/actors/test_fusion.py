"""Tests of analysis.actors.fusion: recogniser names and dictionary forms made one set of spans.

The recogniser's output is written by hand here (``NameSpan``), so these tests check the fusion
rules alone, whatever the trained model says.
"""

from __future__ import annotations

import pytest

from analysis.actors.dictionary import load_dictionary
from analysis.actors.dictionary_mentions import dictionary_candidates
from analysis.actors.fusion import NameSpan, fuse, recognised_names
from analysis.article import article_from_string
from analysis.text import prepare


def _fused(text: str, names: list[tuple[str, str]]) -> list[tuple[str, list, str | None]]:
    """Fuse hand-written recogniser names (``(surface, type)``, first occurrence) with the
    packaged dictionary's forms; return ``(surface, actor ids, tag)`` per span."""
    doc = prepare(article_from_string(text))
    spans = []
    for surface, kind in names:
        start = text.index(surface)
        spans.append(NameSpan(start, start + len(surface), kind))
    fused = fuse(doc, dictionary_candidates(doc, load_dictionary()), spans)
    return [(text[s.start : s.end], [r[0] for r in s.readings], s.tag) for s in fused]


def test_same_span_keeps_the_readings_and_the_type():
    assert _fused("Putin met Kim Jong Un.", [("Kim Jong Un", "PER")]) == [
        ("Putin", ["person:vladimir-putin"], None),
        ("Kim Jong Un", ["person:kim-jong-un"], "PER"),
    ]


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("The Alternative for Germany won seats.", "Alternative for Germany", "ORG"),
        ("Rates were held by the Bank of Ghana.", "Bank of Ghana", "ORG"),
        ("Kim Kardashian arrived late.", "Kim Kardashian", "PER"),
        ("London Irish beat Bath.", "London Irish", "ORG"),  # a place and a demonym inside
    ],
)
def test_a_longer_recognised_name_wins(text, name, kind):
    assert _fused(text, [(name, kind)]) == [(name, [], kind)]


def test_a_name_made_only_of_dictionary_names_keeps_them():
    assert _fused("Russia-Ukraine talks resumed.", [("Russia-Ukraine", "MISC")]) == [
        ("Russia", ["state:RUS"], None),
        ("Ukraine", ["state:UKR"], None),
    ]


def test_misc_drops_names_inside_but_keeps_demonyms():
    assert _fused("The Paris Agreement holds.", [("Paris Agreement", "MISC")]) == []
    assert _fused("The Korean War ended in 1953.", [("Korean War", "MISC")]) == [
        ("Korean", ["state:KOR", "state:PRK"], None)
    ]


def test_a_longer_dictionary_form_wins():
    found = _fused("The U.N. Security Council met.", [("Security Council", "ORG")])
    assert found == [("U.N. Security Council", ["org:unsc"], None)]


def test_misc_name_ending_in_a_place_word_is_a_place():
    text = "Troops massed in the Russian Far East and in the Zarvan Basin."
    found = _fused(text, [("Russian Far East", "MISC"), ("Zarvan Basin", "MISC")])
    assert found == [
        ("Russian", ["state:RUS"], None),
        ("Far East", [], "LOC"),
        ("Zarvan Basin", [], "LOC"),
    ]


def test_pieces_of_a_name_defined_by_an_acronym_become_one_organisation():
    text = "Voters backed the Alternative for Germany (AfD) in Saxony."
    found = _fused(
        text, [("Alternative", "LOC"), ("Germany", "LOC"), ("AfD", "ORG"), ("Saxony", "LOC")]
    )
    assert found == [
        ("Alternative for Germany", [], "ORG"),
        ("AfD", [], "ORG"),
        ("Saxony", [], "LOC"),
    ]


def test_acronym_definition_leaves_a_dictionary_name_alone():
    text = "Papua New Guinea (PNG) exports gas."
    found = _fused(text, [("Papua New Guinea", "LOC"), ("PNG", "LOC")])
    assert found == [("Papua New Guinea", ["state:PNG"], "LOC"), ("PNG", ["state:PNG"], "LOC")]


@pytest.mark.parametrize(
    "text, name, kept",
    [
        ("Later Zentrix said it would cut jobs.", "Later Zentrix", "Zentrix"),
        ("Shares of Zentrix Holdings rose.", "Shares of Zentrix Holdings", "Zentrix Holdings"),
        ("“The Orvane Group will appeal,” he said.", "The Orvane Group", "Orvane Group"),
    ],
)
def test_a_sentence_opener_is_not_part_of_a_name(text, name, kept):
    assert _fused(text, [(name, "ORG")]) == [(kept, [], "ORG")]


@pytest.mark.parametrize(
    "text, name, kept, tag",
    [
        (
            "Delegates met the Calverton Farmers Union on Friday.",
            "the Calverton Farmers Union",
            "Calverton Farmers Union",
            "ORG",
        ),
        ("Rain fell on the Isle of Arrow overnight.", "the Isle of Arrow", "Isle of Arrow", "LOC"),
        ("Talks with de Gaulle ended.", "de Gaulle", "de Gaulle", "PER"),  # a particle
    ],
)
def test_a_name_never_opens_with_a_lower_case_stop_word(text, name, kept, tag):
    assert _fused(text, [(name, tag)]) == [(kept, [], tag)]


def test_an_opener_inside_a_sentence_or_a_dictionary_form_stays():
    assert _fused("He said Later Records won.", [("Later Records", "ORG")]) == [
        ("Later Records", [], "ORG")
    ]
    assert _fused("The Hague hosted the talks.", [("The Hague", "LOC")]) == [
        ("The Hague", ["state:NLD", "place:the-hague"], "LOC")
    ]


def test_recognised_names_of_an_empty_document():
    doc = prepare(article_from_string("Some text."), ["captions"])
    assert recognised_names(doc) == []


def test_recognised_names_are_computed_once_per_document(monkeypatch):
    from analysis.actors import fusion

    doc = prepare(article_from_string("Angela Merkel flew to Paris on Monday."))
    first = recognised_names(doc)
    assert [(doc.article.text[n.start : n.end], n.type) for n in first] == [
        ("Angela Merkel", "PER"),
        ("Paris", "LOC"),
    ]
    monkeypatch.setattr(fusion, "get_tagger", lambda: None)  # would fail if called again
    assert recognised_names(doc) == first
