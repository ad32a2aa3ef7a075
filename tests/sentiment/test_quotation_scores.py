"""Tests of analysis.quotes_sentiment: quotation spans and quotes scored apart from narration."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.article import article_from_string
from analysis.errors import ParameterError
from analysis.sentiment.quotation_scores import (
    SEGMENT_COLUMNS,
    quotation_segments,
    quotation_spans,
    quotations,
    quotations_vs_narration,
)
from analysis.text import prepare


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # H0 e1 _2 s3 a4 i5 d6 _7 “8, "we win" at 9-15, ”15, " and " 16-20, “21, "they lose" 22-31
        ("He said “we win” and “they lose”.", [(9, 15), (22, 31)]),
        ('a "b c" d', [(3, 6)]),  # straight marks alternate
        ("“It goes on", [(1, 11)]),  # left open: ends with the paragraph
        ("x” y", []),  # a stray closing mark
        ('“He said "no" twice”', [(1, 19)]),  # straight marks inside a curly quote
        ("It’s Putin’s ‘plan’.", []),  # single quotes are not quotation marks
        ("“”", []),  # nothing inside
    ],
)
def test_quote_spans(text, spans):
    assert quotation_spans(text) == spans


def test_quote_spans_offset():
    assert quotation_spans('a "b" c', offset=100) == [(103, 104)]


# Sentences (the splitter keeps quotation marks with their sentence):
#   0 “We will win.              -> quote 0 piece "We will win."   win 2.8 -> 0.5859
#   1 They will lose badly,” he said happily.
#        quote 0 piece "They will lose badly,"  lose -1.7 + badly -2.1 = -3.8 -> -0.7003
#        narration "he said happily."           happily 2.6 -> 0.5574
#   2 She said "fine".  narration "She said" -> 0; quote 1 "fine" 0.8 -> 0.2023
# Paragraph 2: “It goes on (quote 2, left open, 0);  paragraph 3: “and on.” (quote 3, 0)
TEXT = (
    '“We will win. They will lose badly,” he said happily. She said "fine".\n\n'
    "“It goes on\n\n“and on.”"
)


@pytest.fixture(scope="module")
def doc():
    return prepare(article_from_string(TEXT))


def test_quote_segments_by_hand(doc):
    table = quotation_segments(doc)
    assert list(table.columns) == SEGMENT_COLUMNS
    assert table[["sentence", "kind", "quote", "text"]].values.tolist() == [
        [0, "quote", 0, "We will win."],
        [1, "quote", 0, "They will lose badly,"],
        [1, "narration", -1, "he said happily."],
        [2, "narration", -1, "She said"],
        [2, "quote", 1, "fine"],
        [3, "quote", 2, "It goes on"],
        [4, "quote", 3, "and on."],
    ]
    assert table["compound"].tolist() == [0.5859, -0.7003, 0.5574, 0.0, 0.2023, 0.0, 0.0]
    for row in table[table["kind"] == "quote"].itertuples():
        assert doc.article.text[row.start : row.end] == row.text


def test_quotation_spanning_a_sentence_boundary(doc):
    table = quotations(doc)
    first = table.iloc[0]
    # one quotation over sentences 0 and 1, scored as the mean of its pieces:
    # (0.5859 - 0.7003) / 2 = -0.0572
    assert first["text"] == "We will win. They will lose badly,"
    assert (first["first_sentence"], first["last_sentence"], first["pieces"]) == (0, 1, 2)
    assert first["words"] == 7
    assert first["compound"] == pytest.approx(-0.0572, abs=1e-12)
    assert table["quote"].tolist() == [0, 1, 2, 3]


def test_quotes_vs_narration_by_hand(doc):
    # quotes: -0.0572, 0.2023, 0, 0 -> mean 0.036275; 1 positive, 1 negative, 2 neutral;
    #   words 7 + 1 + 3 + 2 = 13
    # narration: 0.5574, 0 -> mean 0.2787; words 3 + 2 = 5
    table = quotations_vs_narration(doc)
    quote, narration = table.to_dict("records")
    assert quote == pytest.approx(
        {
            "kind": "quote",
            "units": 4,
            "words": 13,
            "mean_compound": 0.036275,
            "positive_share": 0.25,
            "negative_share": 0.25,
            "neutral_share": 0.5,
        }
    )
    assert narration == pytest.approx(
        {
            "kind": "narration",
            "units": 2,
            "words": 5,
            "mean_compound": 0.2787,
            "positive_share": 0.5,
            "negative_share": 0.0,
            "neutral_share": 0.5,
        }
    )


def test_min_words_turns_short_quotes_into_narration(doc):
    # With min_words=3, "fine" (1 word) and "and on." (2 words) are narration.
    table = quotation_segments(doc, min_words=3)
    assert table[table["kind"] == "quote"]["quote"].nunique() == 2
    assert table[table["kind"] == "narration"]["text"].tolist() == [
        "he said happily.",
        'She said "fine".',
        "and on.",
    ]


def test_no_quotations():
    table = quotations_vs_narration(prepare(article_from_string("Plain narration only.")))
    assert table["units"].tolist() == [0, 1]
    assert pd.isna(table.loc[0, "mean_compound"])


def test_bad_min_words(doc):
    with pytest.raises(ParameterError, match="min_words"):
        quotations(doc, 0)
