"""Tests of quote attribution (analysis.actors.quotes and the grammar behind it).

The texts here are written for these tests and are not in the benchmark's gold
(tests/fixtures/quotes/); each failure class of issue 13 has its own cases.
"""

from __future__ import annotations

import pytest

from analysis.actors import detect_mentions
from analysis.actors.quotes import QUOTE_COLUMNS, attribute_quotes
from analysis.article import article_from_string
from analysis.text import prepare


def _quotes(text: str):
    doc = prepare(article_from_string(text))
    return attribute_quotes(doc, detect_mentions(doc))


def _one(text: str):
    table = _quotes(text)
    assert len(table) == 1, table[["speaker", "verb", "text"]].to_string()
    return table.iloc[0]


def _parts(text: str, row) -> list[str]:
    return [text[a:b] for a, b in row.parts]


# ---------------------------------------------------------------- quotations over sentences


def test_multi_sentence_quotation_then_follow_on():
    text = "“We shot it in nine days. Nobody slept,” Waller-Bridge said. “It was worth it.”"
    row = _one(text)
    assert (row.speaker_text, row.verb, row["mode"]) == ("Waller-Bridge", "said", "direct")
    assert _parts(text, row) == ["We shot it in nine days. Nobody slept", "It was worth it."]


def test_quotation_over_paragraphs_is_one_statement():
    text = (
        "“The first part,” the coach said. “The second part.\n\n"
        "“The third part, in its own paragraph.\n\n“And the end.”\n\nThe match is on Sunday."
    )
    row = _one(text)
    assert _parts(text, row) == [
        "The first part",
        "The second part.",
        "The third part, in its own paragraph.",
        "And the end.",
    ]


def test_speaker_inside_a_split_quotation():
    text = "“I have lived here all my life,” said fisherman Ole Brandt, 60, “and I will stay.”"
    row = _one(text)
    assert _parts(text, row) == ["I have lived here all my life", "and I will stay."]
    assert row.speaker_name == "Ole Brandt"


@pytest.mark.parametrize(
    "text, speaker, verb",
    [
        ("“Never again,” Hollis quipped.", "Hollis", "quipped"),
        (
            "“The deal is done. We sign on Friday,” an aide to the governor told Reuters.",
            "an aide to the governor",
            "told",
        ),
        ("“Prices will rise,” the analyst added.", "the analyst", "added"),
        ("“I have no regrets,” Okonkwo says.", "Okonkwo", "says"),
        ("“The bridge is unsafe,” said a county engineer.", "a county engineer", "said"),
        ("“Stay indoors,” police told residents on Sunday.", "police", "told"),
        ("The mayor replied: “We will rebuild.”", "The mayor", "replied"),
        ("“Quiet, please,” she whispered.", "she", "whispered"),
        ("“We need a deal now,” said Sen. Chuck Schumer, D-N.Y.", "Sen. Chuck Schumer", "said"),
        ("“Enough is enough!” protesters chanted outside the embassy.", "protesters", "chanted"),
    ],
)
def test_attribution_after_or_before_a_quotation(text, speaker, verb):
    row = _one(text)
    assert (row.speaker_text, row.verb, row["mode"]) == (speaker, verb, "direct")


def test_straight_and_single_quotation_marks():
    text = "\"We will appeal,\" the lawyer said. 'It isn't over,' her client added."
    table = _quotes(text)
    assert [(r.speaker_text, r.text) for r in table.itertuples()] == [
        ("the lawyer", "We will appeal"),
        ("her client", "It isn't over"),
    ]


# ---------------------------------------------------------------- indirect and partial


@pytest.mark.parametrize(
    "text, speaker, verb, content, mode",
    [
        (
            "Kim said the agreement was strong.",
            "Kim",
            "said",
            "the agreement was strong",
            "indirect",
        ),
        (
            "The ministry said in a statement that output would fall.",
            "The ministry",
            "said",
            "output would fall",
            "indirect",
        ),
        (
            "Pia Holm told reporters on Monday that the talks had failed.",
            "Pia Holm",
            "told",
            "the talks had failed",
            "indirect",
        ),
        (
            "Union leaders have long argued that the pay offer is too low.",
            "Union leaders",
            "have argued",
            "the pay offer is too low",
            "indirect",
        ),
        (
            "The board will tell shareholders that the dividend is safe.",
            "The board",
            "will tell",
            "the dividend is safe",
            "indirect",
        ),
        (
            "Lena Park asked whether the road would reopen.",
            "Lena Park",
            "asked",
            "whether the road would reopen",
            "indirect",
        ),
        (
            "Grain exports doubled last year, the trade minister said.",
            "the trade minister",
            "said",
            "Grain exports doubled last year",
            "indirect",
        ),
        (
            "Rui Costa, who chairs the committee, said the vote was “a disgrace” and would be "
            "challenged.",
            "Rui Costa",
            "said",
            "the vote was “a disgrace” and would be challenged",
            "partial",
        ),
    ],
)
def test_speech_verb_governing_a_clause(text, speaker, verb, content, mode):
    row = _one(text)
    assert (row.speaker_text, row.verb, row.text, row["mode"]) == (speaker, verb, content, mode)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participial apposition between subject and verb
        (
            "Mayor Jane Ortiz, speaking to reporters outside city hall, said the budget would be "
            "balanced.",
            [("Mayor Jane Ortiz", "the budget would be balanced")],
        ),
        # the addressee is a whole phrase ("the BBC"), not the clause's first word
        ("A witness told the BBC she heard three shots.", [("A witness", "she heard three shots")]),
        # a second speaker after "while" starts a second statement
        (
            "Premier Anna Berg said the border would stay open, while the ministry said it was "
            "monitoring the situation.",
            [
                ("Premier Anna Berg", "the border would stay open"),
                ("the ministry", "it was monitoring the situation"),
            ],
        ),
    ],
)
def test_speaker_and_clause_boundaries(text, expected):
    assert [(r.speaker_text, r.text) for r in _quotes(text).itertuples()] == expected


def test_person_of_an_organisation_is_named_without_it():
    row = _one("“This is a great day,” said Amy Lo of Green Action.")
    assert row.speaker_name == "Amy Lo"


def test_quotation_opening_in_an_earlier_paragraph_joins_its_attribution():
    text = "“It is too early to say.\n\n“We need more data,” the scientist said."
    row = _one(text)
    assert _parts(text, row) == ["It is too early to say.", "We need more data"]


def test_parenthetical_attribution_has_two_parts():
    text = "The harbour, she says, has not been dredged since 1998."
    row = _one(text)
    assert _parts(text, row) == ["The harbour", "has not been dredged since 1998"]


def test_coordinated_verb_starts_a_second_statement():
    text = "The airline said it had cancelled 40 flights and warned that more delays were likely."
    table = _quotes(text)
    assert [(r.speaker_text, r.verb, r.text) for r in table.itertuples()] == [
        ("The airline", "said", "it had cancelled 40 flights"),
        ("The airline", "warned", "more delays were likely"),
    ]


def test_partial_quotations_of_naming_and_promising_verbs():
    table = _quotes(
        "Critics called the plan “a gift to developers.” The governor promised to "
        "“fight it in every court.”"
    )
    assert [(r.speaker_text, r.verb, r.mode, r.text) for r in table.itertuples()] == [
        ("Critics", "called", "partial", "a gift to developers."),
        ("The governor", "promised", "partial", "fight it in every court."),
    ]


# ---------------------------------------------------------------- sources and non-statements


def test_according_to_a_person_is_a_source_not_a_quotation():
    row = _one("Sales fell 5 percent last year, according to Della Ruiz, the finance chief.")
    assert (row.speaker_name, row.verb, row["mode"], row.text) == (
        "Della Ruiz",
        "according to",
        "indirect",
        "Sales fell 5 percent last year",
    )


@pytest.mark.parametrize(
    "text",
    [
        # participle lead-ins: nothing is said
        "Speaking from a stage at Microsoft's headquarters, Satya Nadella unveiled a new laptop.",
        "Standing beside the mayor, Ana Ruiz watched the parade.",
        # the noun "reports", a company that "reports" results, documents as sources
        "Reports of a merger surfaced on Monday.",
        "Rival Helix Corp reports its quarterly results next week.",
        "Sales fell 5 percent last year, according to the company's annual figures.",
        "Prices rose, according to a survey published on Friday.",
        # titles, signs, scare quotes
        "The report, titled “Rivers at Risk”, was published in May.",
        "A banner on the bridge said “No More Tolls”.",
        "So-called “smart” meters are spreading.",
        # no clause: a noun phrase object, a gerund, an infinitive, a passive, a negation
        "He denied the charges.",
        "She recalled meeting the prince in 1990.",
        "The judge asked the jury to ignore the remark.",
        "The minister was told that the plan had failed.",
        "She did not say whether the talks would resume.",
        # speech inside a quotation belongs to the quotation (nested speech is not attributed)
    ],
)
def test_no_statement(text):
    assert _quotes(text).empty


def test_asked_whether_lead_in_is_not_the_question_of_the_speaker():
    row = _one("Asked whether she would run again, Meyer said she had not decided.")
    assert (row.speaker_text, row.text) == ("Meyer", "she had not decided")


# ---------------------------------------------------------------- pronouns and roles


def test_pronoun_goes_to_the_spokesperson_not_the_person_named_before():
    text = (
        "Maria Kovacs chairs the committee.\n\n"
        "A spokesman for the ministry declined to give details. "
        "“We are studying the proposal,” he said."
    )
    row = _one(text)
    assert row.speaker_text == "he" and row.resolution == "pronoun"
    assert row.speaker == "A spokesman"
    assert row.speaker_actor is None


def test_pronoun_prefers_the_subject_over_a_later_object():
    text = (
        "Coach Dan Reyes, whose side lost, refused to blame referee Tom Hall. "
        "“We were not good enough,” he said."
    )
    row = _one(text)
    assert row.speaker_name == "Dan Reyes"


def test_pronoun_skips_names_inside_quotations_and_checks_gender():
    text = "Ines Weber has run the shop for 30 years.\n\n“Paul came in every morning,” she says."
    row = _one(text)
    assert row.speaker_name == "Ines Weber"


def test_definite_description_resolves_to_the_role_introduced_earlier():
    text = (
        "A spokeswoman for the port said ships were waiting. "
        "“The backlog will clear,” the spokeswoman added."
    )
    table = _quotes(text)
    assert table["speaker"].tolist() == ["A spokeswoman for the port"] * 2
    assert table["resolution"].tolist() == ["role", "description"]


def test_role_apposition_makes_the_title_a_description_of_the_person():
    text = (
        "Sara Lind, the team captain, said the squad was tired. “We need a rest,” said the captain."
    )
    table = _quotes(text)
    assert table["speaker_name"].tolist() == ["Sara Lind", "Sara Lind"]


def test_unresolvable_pronoun_is_kept_as_written():
    row = _one("“It went well,” she said.")
    assert (row.speaker, row.resolution, row.speaker_actor) == ("she", "unresolved", None)


def test_letter_writer_is_the_signature():
    text = (
        "When I asked the clerk why the office had closed, she told me it was the budget."
        "\n\nJane Doyle\nMill Street, Fenby"
    )
    table = _quotes(text)
    assert [
        (r.speaker_name if isinstance(r.speaker_name, str) else None, r.speaker_text, r.text)
        for r in table.itertuples()
    ] == [("Jane Doyle", "I", "why the office had closed"), (None, "she", "it was the budget")]
    assert table.iloc[1]["speaker"] == "the clerk"


def test_qa_answers_belong_to_the_interviewee():
    text = (
        "Tariq Aziz runs the city's oldest bakery.\n\nQ: When do you start?\n\n"
        "A: At four. Every day.\n\nQ: Why?\n\nA: Habit, mostly."
    )
    table = _quotes(text)
    assert table["text"].tolist() == ["At four. Every day.", "Habit, mostly."]
    assert set(table["speaker_name"]) == {"Tariq Aziz"}
    assert set(table["resolution"]) == {"context"}


def test_transcript_lines_belong_to_their_labels_not_the_host():
    text = "RILEY: We started in a garage.\n\nHOST: And now?\n\nRILEY: Now we have 200 staff."
    table = _quotes(text)
    assert table["text"].tolist() == ["We started in a garage.", "Now we have 200 staff."]
    assert set(table["speaker_text"]) == {"RILEY"}


def test_quotation_without_a_comma_before_an_inverted_verb():
    row = _one("“This changes everything” said Tom Riley, a developer.")
    assert (row.speaker_name, row.text) == ("Tom Riley", "This changes everything")


def test_sentence_final_apposition_is_not_reported_and_has_its_own_speaker():
    table = _quotes("The bank said it would cut 500 jobs, a move unions called “brutal.”")
    assert [(r.speaker_text, r.text) for r in table.itertuples()] == [
        ("The bank", "it would cut 500 jobs"),
        ("unions", "brutal."),
    ]


def test_naming_verb_is_not_an_inverted_attribution():
    assert _quotes("“I never wanted to leave” — that is how Maria Costa, 80, describes her exile.")[
        "speaker_text"
    ].tolist() in ([], ["Maria Costa"])


def test_speaker_links_to_the_actor_id():
    # (the surname links to the dictionary's Putin with evidence: a title that names the office)
    row = _one("“We will win,” President Putin stressed.")
    assert (row.speaker, row.speaker_actor, row.speaker_name) == (
        "person:vladimir-putin",
        "person:vladimir-putin",
        "Vladimir Putin",
    )


def test_role_speaker_keeps_its_affiliation():
    row = _one("“No,” a spokesperson for the U.S. embassy told Reuters.")
    assert (row.speaker, row.speaker_actor, row.speaker_affiliation) == (
        "a spokesperson for the U.S. embassy",
        None,
        "state:USA",
    )


# ---------------------------------------------------------------- table and seed


def test_columns_offsets_and_text(seed):
    doc = prepare(seed)
    table = attribute_quotes(doc, detect_mentions(doc))
    assert list(table.columns) == QUOTE_COLUMNS
    for row in table.itertuples():
        assert row.text == " … ".join(seed.text[a:b] for a, b in row.parts)
        assert (row.start, row.end) == (row.parts[0][0], row.parts[-1][1])
        assert row.mode in ("direct", "indirect", "partial")
    found = {(r.speaker, r.verb) for r in table.itertuples()}
    assert ("person:vladimir-putin", "stressed") in found  # “…,” Putin stressed
    assert ("person:kim-jong-un", "said") in found  # Kim said the agreement …
    assert ("person:vladimir-putin", "noted") in found  # He noted that …
    assert ("a spokesperson for the U.S. embassy in Hanoi", "added") in found
    # "A banner … said" is not a speaker
    assert not table["speaker_text"].str.contains("banner").any()


def test_attribution_scales_linearly():
    """Twenty times the text gives twenty times the statements (each paragraph alike)."""
    para = (
        "“The port is open,” said harbour master Eva Lund. She said ships were waiting. "
        "“Ten of them,” she added.\n\n"
    )
    assert len(_quotes(para * 20)) == 20 * len(_quotes(para))


def test_quotes_are_attributed_once_per_document_and_handed_out_as_copies(monkeypatch) -> None:
    from analysis.actors import quotes as quotes_module

    calls = []
    real = quotes_module.build_frames
    monkeypatch.setattr(quotes_module, "build_frames", lambda d: calls.append(1) or real(d))
    doc = prepare(article_from_string("“We will act,” Olaf Scholz said. “Not now,” he added."))
    mentions = detect_mentions(doc)
    first = attribute_quotes(doc, mentions)
    first["speaker"] = "changed"  # the caller's table is its own
    again = attribute_quotes(doc, mentions)
    assert again["speaker_name"].tolist() == ["Olaf Scholz", "Olaf Scholz"]
    assert "changed" not in again["speaker"].tolist()
    assert len(calls) == 1
    attribute_quotes(doc, [])  # other mentions (none): attributed again
    assert len(calls) == 2
