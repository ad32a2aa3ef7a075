"""Flattening result records into corpus rows: contract names, nulls for missing sections."""

from __future__ import annotations

import math

import pytest

from analysis.corpus.tables import (
    ARTICLES_SCHEMA,
    SCHEMAS,
    actor_rows,
    article_row,
    failure_row,
    sentence_rows,
    to_table,
)
from analysis.rows import get_path

META = {
    "input_id": "in-1",
    "source": "AP",
    "date": "2024-06-19",
    "url": None,
    "origin": "c.jsonl:1",
    "partition": 3,
}

# A record holding every contract field, with values chosen by hand.
FULL = {
    "schema": "article-analysis/2",
    "article": {
        "id": "a-1",
        "title": "T",
        "source": None,
        "sha256": "ab",
        "zones": {
            "title": 1,
            "headings": 2,
            "image_titles": 0,
            "captions": 1,
            "body_paragraphs": 5,
            "boilerplate_lines": 4,
        },
    },
    "stats": {
        "words": 120,
        "sentences": 6,
        "paragraphs": 5,
        "readability": {
            "flesch_reading_ease": 55.5,
            "flesch_kincaid_grade": 9.1,
            "gunning_fog": 11.0,
            "smog_index": 10.2,
            "coleman_liau_index": 10.9,
            "automated_readability_index": 8.8,
        },
        "lexical_diversity": {"ttr": 0.6, "mattr": 0.7, "mtld": 80.0},
    },
    "sentiment": {
        "sentences": [
            {
                "index": 0,
                "text": "Good.",
                "start": 3,
                "end": 8,
                "compound": 0.44,
                "pos": 1.0,
                "neu": 0.0,
                "neg": 0.0,
            }
        ],
        "article": {
            "mean_compound": 0.44,
            "positive_share": 1.0,
            "negative_share": 0.0,
            "neutral_share": 0.0,
        },
        "gdelt_tone": {
            "tone": 2.5,
            "positive": 3.0,
            "negative": 0.5,
            "polarity": 3.5,
            "activity_density": 4.0,
            "self_group_density": 0.0,
            "word_count": 120,
        },
    },
    "actors": [
        {
            "id": "RUS",
            "name": "Russia",
            "type": "state",
            "mentions": {"name": 3, "nominal": 1, "adjectival": 0, "metonym": 2},
            "tone": -0.2,
            "discovered": False,
        },
        {
            "id": "person:aisen-nikolayev",
            "name": "Aisen Nikolayev",
            "type": "person",
            "mentions": {"name": 2},
            "tone": None,
            "discovered": True,
        },
    ],
    "actor_mentions": [{"actor": "RUS", "text": "Russia", "start": 0, "end": 6, "kind": "name"}]
    * 6,
    "quotes": [],
}


@pytest.mark.parametrize(
    "path, expected",
    [
        (("stats", "words"), 120),
        (("stats", "readability", "gunning_fog"), 11.0),
        (("stats", "missing"), None),
        (("nothing", "here"), None),
        (("stats", "words", "deeper"), None),  # a number has no keys
    ],
)
def test_get_path(path, expected):
    assert get_path(FULL, path) == expected


@pytest.mark.parametrize(
    "column, expected",
    [
        ("input_id", "in-1"),
        ("source", "AP"),
        ("partition", 3),
        ("id", "a-1"),
        ("zones_headings", 2),
        ("zones_boilerplate_lines", 4),
        ("words", 120),
        ("readability_flesch_reading_ease", 55.5),
        ("lexical_diversity_mtld", 80.0),
        ("sentiment_mean_compound", 0.44),
        ("gdelt_tone_tone", 2.5),
        ("gdelt_tone_word_count", 120.0),
        ("n_actors", 2),
        ("n_actor_mentions", 6),
        ("n_quotes", 0),  # an empty list counts 0
    ],
)
def test_article_row_full_record(column, expected):
    assert article_row(FULL, META)[column] == expected


def test_article_row_has_every_schema_column_and_nulls_for_missing_sections():
    partial = {"article": FULL["article"], "stats": {"words": 9, "sentences": 1, "paragraphs": 1}}
    row = article_row(partial, META)
    assert list(row) == ARTICLES_SCHEMA.names
    assert row["words"] == 9
    missing = [name for name, value in row.items() if value is None]
    assert "readability_gunning_fog" in missing and "sentiment_mean_compound" in missing
    assert "n_actors" in missing and "url" in missing
    frame = to_table([row], "articles").to_pandas()
    assert math.isnan(frame.loc[0, "gdelt_tone_tone"])


@pytest.mark.parametrize(
    "value, expected", [("12", 12), ("x", None), (float("nan"), None), (True, None)]
)
def test_numbers_are_coerced_or_null(value, expected):
    record = {"stats": {"words": value}}
    assert article_row(record, META)["words"] == expected


def test_actor_rows():
    rows = actor_rows(FULL, "in-1")
    # Russia: 3 + 1 + 0 + 2 = 6 mentions; Nikolayev: only "name" given, 2.
    assert [
        (r["actor_id"], r["mentions"], r["mentions_metonym"], r["tone"], r["discovered"])
        for r in rows
    ] == [("RUS", 6, 2, -0.2, False), ("person:aisen-nikolayev", 2, None, None, True)]
    assert {r["id"] for r in rows} == {"a-1"} and {r["input_id"] for r in rows} == {"in-1"}
    assert list(rows[0]) == SCHEMAS["actors"].names
    assert actor_rows({"article": {"id": "x"}}, "x") == []


def test_sentence_rows():
    [row] = sentence_rows(FULL, "in-1")
    assert row == {
        "id": "a-1",
        "input_id": "in-1",
        "text": "Good.",
        "index": 0,
        "start": 3,
        "end": 8,
        "compound": 0.44,
        "pos": 1.0,
        "neu": 0.0,
        "neg": 0.0,
        # fields the record does not have are None, never estimated
        "raw_compound": None,
        "raw_pos": None,
        "raw_neu": None,
        "raw_neg": None,
        "masked_words": None,
        "news_tone": None,
    }
    assert sentence_rows({"article": {"id": "x"}}, "x") == []


def test_failure_row():
    row = failure_row(
        ValueError("bad line"), input_id="r1", origin="c.jsonl:4", partition=0, stage="read"
    )
    assert row == {
        "input_id": "r1",
        "origin": "c.jsonl:4",
        "partition": 0,
        "stage": "read",
        "error_type": "ValueError",
        "message": "bad line",
    }
    assert (
        failure_row(KeyError(), input_id=None, origin=None, partition=1, stage="analyse")["message"]
        == "KeyError()"
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_empty_tables_keep_their_schema(name):
    table = to_table([], name)
    assert table.num_rows == 0 and table.schema == SCHEMAS[name]


def test_the_seed_record_fills_every_record_column(seed):
    """build_record's sections land in the columns named after the contract: none is null."""
    from analysis.record import build_record

    record = build_record(seed)
    row = article_row(record, META)
    assert [name for name, value in row.items() if value is None] == ["url"]  # from META
    assert row["words"] == 947 and row["sentences"] == 40
    assert row["sentiment_mean_compound"] == record["sentiment"]["article"]["mean_compound"]
    assert row["gdelt_tone_tone"] == record["sentiment"]["gdelt_tone"]["tone"]
    assert row["n_actors"] == len(record["actors"]) == len(actor_rows(record, "x"))
    assert len(sentence_rows(record, "x")) == 40
    russia = [r for r in actor_rows(record, "x") if r["actor_id"] == "state:RUS"]
    assert len(russia) == 1 and russia[0]["mentions"] == sum(
        record["actors"][[a["id"] for a in record["actors"]].index("state:RUS")][
            "mentions"
        ].values()
    )
