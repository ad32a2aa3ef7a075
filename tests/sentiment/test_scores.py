"""Tests of analysis.sentiment: sentence scores, aggregates, arc, top sentences, explanations,
and the record section."""

from __future__ import annotations

import json

import pytest

from analysis.article import article_from_string
from analysis.errors import ParameterError
from analysis.sentiment.scores import (
    EXPLANATION_COLUMNS,
    SENTENCE_COLUMNS,
    aggregate,
    arc,
    article_tone,
    explain,
    label,
    paragraph_tone,
    record_section,
    section_starts,
    section_tone,
    sentence_scores,
    sentence_table,
    tone_summary,
    top_sentences,
)
from analysis.sentiment.vader import polarity_scores
from analysis.text import prepare

# A small article worked out by hand. VADER lexicon: good 1.9, terrible -2.1, critics -1.2,
# angry -2.3; "talks", "weather", "mild", "outcome", "nothing", "happened" are not in it.
#   0 "The talks were good."         1.9 / sqrt(1.9**2 + 15)   =  0.44043 ->  0.4404
#   1 "The weather was mild."        no lexicon word            ->  0.0
#   2 "The outcome was terrible."    -2.1 / sqrt(2.1**2 + 15)  = -0.47666 -> -0.4767
#   3 "Critics were angry."          -3.5 / sqrt(3.5**2 + 15)  = -0.67048 -> -0.6705
#   4 "Nothing else happened here."  no lexicon word            ->  0.0
# Paragraphs: 0 = sentences 0-1 (section "(lead)"), 1 = 2-3 and 2 = 4 (section "Reactions").
SMALL = (
    "# Title of the story\n\nThe talks were good. The weather was mild.\n\n## Reactions\n\n"
    "The outcome was terrible. Critics were angry.\n\nNothing else happened here.\n"
)
COMPOUNDS = [0.4404, 0.0, -0.4767, -0.6705, 0.0]


@pytest.fixture(scope="module")
def small():
    return prepare(article_from_string(SMALL, "md"))


def test_sentence_scores_columns_and_order(small):
    table = sentence_scores(small)
    assert list(table.columns) == SENTENCE_COLUMNS
    assert table["index"].tolist() == [0, 1, 2, 3, 4]
    assert table["compound"].tolist() == COMPOUNDS
    for row in table.itertuples():
        assert small.article.text[row.start : row.end] == row.text


def test_sentence_scores_seed_has_one_row_per_sentence(seed):
    doc = prepare(seed)
    table = sentence_scores(doc)
    assert len(table) == len(doc.sentences) == 40
    assert table["compound"].between(-1, 1).all()
    assert (table[["pos", "neu", "neg"]].sum(axis=1) - 1).abs().max() <= 0.002


@pytest.mark.parametrize(
    ("compound", "threshold", "expected"),
    [
        (0.05, 0.05, "neutral"),  # the boundary is neutral
        (0.0501, 0.05, "positive"),
        (-0.05, 0.05, "neutral"),
        (-0.0501, 0.05, "negative"),
        (0.0, 0.0, "neutral"),
        (0.3, 0.4, "neutral"),
    ],
)
def test_label_boundaries(compound, threshold, expected):
    assert label(compound, threshold) == expected


def test_article_tone_by_hand(small):
    # mean = (0.4404 + 0 - 0.4767 - 0.6705 + 0) / 5 = -0.7068 / 5 = -0.14136
    # positive: 1 of 5 (0.4404); negative: 2 of 5; neutral: the two zeros
    tone = article_tone(small)
    # (no actor names in it: the entity-aware mean equals raw VADER's)
    assert tone == pytest.approx(
        {
            "mean_compound": -0.14136,
            "positive_share": 0.2,
            "negative_share": 0.4,
            "neutral_share": 0.4,
            "raw_mean_compound": -0.14136,
        },
        abs=1e-12,
    )


def test_threshold_moves_the_shares(small):
    # At 0.45 only -0.4767 and -0.6705 lie outside the band: 0.4404 becomes neutral.
    tone = article_tone(small, 0.45)
    assert (tone["positive_share"], tone["negative_share"], tone["neutral_share"]) == (
        0.0,
        0.4,
        0.6,
    )
    # At 0.5 only -0.6705 is outside.
    assert article_tone(small, 0.5)["negative_share"] == 0.2


def test_section_tone_by_hand(small):
    # (lead): 0.4404, 0 -> mean 0.2202, 1 positive of 2, 1 neutral
    # Reactions: -0.4767, -0.6705, 0 -> mean -1.1472 / 3 = -0.3824, 2 negative of 3
    table = section_tone(small)
    assert table["section"].tolist() == ["(lead)", "Reactions"]
    assert table["sentences"].tolist() == [2, 3]
    assert table["mean_compound"].tolist() == pytest.approx([0.2202, -0.3824], abs=1e-12)
    assert table["positive_share"].tolist() == [0.5, 0.0]
    assert table["negative_share"].tolist() == pytest.approx([0.0, 2 / 3])
    assert table["neutral_share"].tolist() == pytest.approx([0.5, 1 / 3])
    assert table["min_compound"].tolist() == [0.0, -0.6705]
    assert table["max_compound"].tolist() == [0.4404, 0.0]


def test_paragraph_tone_by_hand(small):
    # paragraph 1: (-0.4767 - 0.6705) / 2 = -0.5736, both negative
    table = paragraph_tone(small)
    assert table["paragraph"].tolist() == [0, 1, 2]
    assert table["section"].tolist() == ["(lead)", "Reactions", "Reactions"]
    assert table["mean_compound"].tolist() == pytest.approx([0.2202, -0.5736, 0.0], abs=1e-12)
    assert table["negative_share"].tolist() == [0.0, 1.0, 0.0]
    assert table["neutral_share"].tolist() == [0.5, 0.0, 1.0]


def test_aggregate_whole_table_and_bad_key(small):
    table = sentence_table(small)
    whole = aggregate(table)
    assert whole.loc[0, "sentences"] == 5
    assert whole.loc[0, "mean_compound"] == pytest.approx(-0.14136, abs=1e-12)
    with pytest.raises(ParameterError, match="'paragraph', 'section', 'zone'"):
        aggregate(table, "chapter")


def test_sentence_table_places_sentences(small):
    table = sentence_table(small)
    assert table["paragraph"].tolist() == [0, 0, 1, 1, 2]
    assert table["section"].tolist() == ["(lead)", "(lead)", "Reactions", "Reactions", "Reactions"]
    assert table["label"].tolist() == ["positive", "neutral", "negative", "negative", "neutral"]


def test_arc_rolling_mean_by_hand(small):
    # window 3, centred, shorter at the edges:
    #   0: (0.4404 + 0) / 2 = 0.2202
    #   1: (0.4404 + 0 - 0.4767) / 3 = -0.0121
    #   2: (0 - 0.4767 - 0.6705) / 3 = -0.3824
    #   3: (-0.4767 - 0.6705 + 0) / 3 = -0.3824
    #   4: (-0.6705 + 0) / 2 = -0.33525
    curve = arc(sentence_table(small), 3)
    assert curve["rolling_compound"].tolist() == pytest.approx(
        [0.2202, -0.0121, -0.3824, -0.3824, -0.33525], abs=1e-12
    )
    # window 1 is the scores themselves
    assert arc(sentence_table(small), 1)["rolling_compound"].tolist() == COMPOUNDS


def test_section_starts(small):
    starts = section_starts(sentence_table(small))
    assert starts.to_dict("list") == {"section": ["(lead)", "Reactions"], "index": [0, 2]}


def test_top_sentences(small):
    table = sentence_table(small)
    top = top_sentences(table, 1)
    assert top[["direction", "rank", "index"]].values.tolist() == [
        ["positive", 1, 0],
        ["negative", 1, 3],
    ]
    # k larger than what exists: one positive, two negatives (lowest first), no neutral
    top = top_sentences(table, 5)
    assert top[["direction", "rank", "index"]].values.tolist() == [
        ["positive", 1, 0],
        ["negative", 1, 3],
        ["negative", 2, 2],
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: arc(t, 0), "rolling_window must be a whole number of at least 1"),
        (lambda t: arc(t, 2.5), "rolling_window"),
        (lambda t: top_sentences(t, 0), "top_k must be a whole number"),
        (lambda t: aggregate(t, None, 1.5), "neutral_threshold must be a number from 0"),
        (lambda t: aggregate(t, None, -0.1), "neutral_threshold"),
        (lambda t: aggregate(t, None, "0.05"), "neutral_threshold"),
    ],
)
def test_bad_parameters(small, call, message):
    with pytest.raises(ParameterError, match=message):
        call(sentence_table(small))


def test_explain_negated_sentence_in_a_document():
    # "The plan is not good." : good 1.9 negated by "not" -> -1.406, the only term:
    # effect = -1.406 / sqrt(1.406**2 + 15) = -0.341238; offsets point at "good" in the text.
    doc = prepare(article_from_string("Intro line here.\n\nThe plan is not good."))
    table = explain(doc)
    assert list(table.columns) == EXPLANATION_COLUMNS
    (row,) = table.itertuples(index=False)
    assert (row.sentence, row.word, row.lexicon_valence) == (1, "good", 1.9)
    assert doc.article.text[row.start : row.end] == "good"
    assert row.valence == pytest.approx(-1.406, abs=1e-12)
    assert row.effect == pytest.approx(-0.341238, abs=1e-6)
    assert row.rules == "negated by 'not': x-0.74"


def test_record_section_contract(small):
    record = record_section(small)
    json.dumps(record)  # serialisable
    assert set(record) >= {"sentences", "article", "gdelt_tone"}
    assert [s["compound"] for s in record["sentences"]] == COMPOUNDS
    assert set(record["sentences"][0]) == set(SENTENCE_COLUMNS)
    assert set(record["article"]) == {
        "mean_compound",
        "positive_share",
        "negative_share",
        "neutral_share",
        "raw_mean_compound",
    }
    assert set(record["news_tone"]) == {
        "mean",
        "positive_share",
        "negative_share",
        "neutral_share",
        "model",
    }
    assert set(record["gdelt_tone"]) == {
        "tone",
        "positive",
        "negative",
        "polarity",
        "activity_density",
        "self_group_density",
        "word_count",
    }


def test_empty_document_has_no_tone():
    # The small article has no captions: analysing that zone gives no sentence.
    doc = prepare(article_from_string(SMALL, "md"), ["captions"])
    assert sentence_scores(doc).empty
    assert article_tone(doc) == {
        "mean_compound": None,
        "positive_share": None,
        "negative_share": None,
        "neutral_share": None,
        "raw_mean_compound": None,
    }
    json.dumps(record_section(doc))


def test_tone_summary_rows(small):
    summary = tone_summary(small).set_index("measure")["value"]
    assert summary["sentences"] == 5
    assert summary["mean_compound"] == pytest.approx(-0.14136, abs=1e-12)
    assert summary["negative_share"] == 0.4
    # GDELT-style word count: 4 + 4 + 4 + 3 + 4 words in the five sentences = 19
    assert summary["word_count"] == len(small.words) == 19


@pytest.mark.parametrize(
    ("text", "capitalised"),
    [
        # "United" (1.8) is capitalised mid-sentence: possibly part of a name; "played" (1.4) is
        # lower case; "Good" opens the sentence
        ("The United team played.", [True, False]),
        ("Good news came.", [False]),
        ("They were GREAT today.", [False]),  # ALL CAPS is emphasis, not a name
    ],
)
def test_capitalised_flag(text, capitalised):
    table = explain(prepare(article_from_string(text)))
    assert table["capitalised"].tolist() == capitalised


@pytest.mark.parametrize(
    "text, masked_text",
    [
        ("The United States welcomed the plan.", "United States"),
        ("The U.N. Security Council met again.", "U.N. Security Council"),
    ],
)
def test_words_inside_actor_names_do_not_count(text, masked_text):
    doc = prepare(article_from_string(text))
    start = text.index(masked_text)
    spans = [(start, start + len(masked_text))]
    masked = sentence_scores(doc, spans).iloc[0]
    raw = polarity_scores(text)
    # raw VADER stays vaderSentiment's; the entity-aware score drops the name's words
    assert (masked.raw_compound, masked.raw_pos, masked.raw_neu, masked.raw_neg) == (
        raw["compound"],
        raw["pos"],
        raw["neu"],
        raw["neg"],
    )
    assert masked.masked_words == 1
    without = polarity_scores(text.replace(masked_text, "X"))
    assert masked.compound == without["compound"]
    explanation = explain(doc, spans)
    assert explanation.loc[explanation["masked"], "effect"].tolist() == [0.0]


def test_seed_tone_is_no_longer_driven_by_names(seed):
    """The issue's figures: raw mean compound +0.178; "united" ×4 from "United States"."""
    doc = prepare(seed)
    table = sentence_scores(doc)
    assert table["raw_compound"].mean() == pytest.approx(0.1775, abs=1e-4)
    assert table["compound"].mean() < table["raw_compound"].mean() - 0.04
    words = explain(doc)
    united = words[words["word"].str.lower() == "united"]
    assert len(united) == 4 and united["masked"].all()
    security = words[words["word"] == "Security"]  # "U.N. Security Council"
    assert len(security) >= 1 and security["masked"].all()


def test_news_tone_column_is_score_sentence_exactly(seed) -> None:
    # sentence_scores computes the score without its decomposition, from the document's tokens
    from analysis.sentiment.masking import sentence_masks
    from analysis.sentiment.news_tone import score_sentence

    doc = prepare(seed)
    spans = ((0, 12), (40, 55), (300, 320))
    table = sentence_scores(doc, spans)
    masks = sentence_masks(doc, spans)
    for sentence, mask, value in zip(doc.sentences, masks, table["news_tone"], strict=True):
        assert value == score_sentence(sentence.text, mask)[0]


def test_sentence_scores_are_computed_once_and_handed_out_as_copies(small):
    first = sentence_scores(small)
    first["compound"] = 9.0  # a caller's change must not reach the next caller
    assert sentence_scores(small)["compound"].tolist() == COMPOUNDS


def test_sentence_scores_shared_between_processes_are_the_same(seed, monkeypatch):
    from analysis import forking
    from analysis.sentiment import scores

    if forking.process_count() < 2:
        pytest.skip("needs fork and two CPUs")
    alone = sentence_scores(prepare(seed), ())
    monkeypatch.setattr(scores, "FORK_CHARACTERS", 0)
    shared = sentence_scores(prepare(seed), ())  # a new document: nothing memoised
    assert shared.equals(alone)


def test_an_article_over_the_encoder_limit_is_scored_by_the_static_model(monkeypatch, caplog):
    from analysis.sentiment import news_tone, scores
    from analysis.sentiment.prose import news_tone_prose
    from analysis.sentiment.tone_tables import contributions_table

    doc = prepare(article_from_string(SMALL, "md"))
    static = news_tone.load_model(news_tone.STATIC_MODEL_PATH)
    expected = [news_tone.score_sentence(s.text, (), static)[0] for s in doc.sentences]
    shipped = [news_tone.score_sentence(s.text, ())[0] for s in doc.sentences]
    assert expected != shipped  # the two models differ on these sentences
    monkeypatch.setattr(news_tone, "ENCODER_SENTENCE_LIMIT", 4)
    with caplog.at_level("WARNING", logger="article_analysis"):
        table = sentence_scores(doc, ())
    assert table["news_tone"].tolist() == pytest.approx(expected)
    assert "5 sentences, more than the sentence encoder's 4" in caplog.text
    assert table.attrs[scores.NEWS_TONE_MODEL] == "static"
    assert record_section(doc, masked=())["news_tone"]["model"] == "static"
    # the contributions are the static model's too, and add up to the table's scores
    parts = contributions_table(doc, ())
    assert not (parts["feature"] == news_tone.SENTENCE_ENCODER).any()
    sums = parts.groupby("sentence")["contribution"].sum()
    assert sums.tolist() == pytest.approx(expected, abs=1e-9)
    # and the prose says which model scored the article
    news = record_section(doc, masked=())["news_tone"]
    assert "too long for the sentence encoder" in news_tone_prose("The article", news, {}, parts)


def test_a_short_article_is_scored_with_the_encoder(small):
    from analysis.sentiment import news_tone

    table = sentence_scores(small, ())
    expected = [news_tone.score_sentence(s.text, ())[0] for s in small.sentences]
    assert table["news_tone"].tolist() == pytest.approx(expected)
    assert record_section(small, masked=())["news_tone"]["model"] == "encoder"
