"""The record as tidy rows: one vocabulary for report CSVs and corpus Parquet."""

from __future__ import annotations

import pytest

from analysis import rows
from analysis.corpus.tables import SCHEMAS, actor_rows, article_row
from analysis.record import build_record
from analysis.report.tables import record_tables

RECORD = {
    "article": {
        "id": "a-1",
        "title": "T",
        "sha256": "ab",
        "language": "en",
        "extraction": "trafilatura",
        "zones": {"title": 1},
        "warnings": [
            {"code": "thin-body", "message": "short"},
            {"code": "fallback", "message": "ld+json used"},
        ],
    },
    "stats": {"words": 12, "readability": {"gunning_fog": "n/a"}},
    "actors": [
        {
            "id": "state:RUS",
            "name": "Russia",
            "type": "state",
            "mentions": {"name": 2, "adjectival": 1},
            "tone": 0.25,
            "tone_sentences": 2,
            "discovered": False,
        }
    ],
    "actor_mentions": [
        {"actor": "state:RUS", "text": "Russia", "start": 0, "end": 6, "kind": "name"}
    ],
    "quotes": [],
}


def test_article_row_by_hand():
    row = rows.article_row(RECORD)
    assert list(row) == list(rows.ARTICLE_COLUMNS)
    assert (row["id"], row["words"], row["language"], row["extraction"]) == (
        "a-1",
        12,
        "en",
        "trafilatura",
    )
    assert row["warnings"] == "thin-body; fallback"
    assert row["readability_gunning_fog"] is None  # not a number: null, never a guess
    assert row["zones_title"] == 1 and row["zones_captions"] is None
    assert (row["n_actors"], row["n_actor_mentions"], row["n_quotes"]) == (1, 1, 0)


def test_no_warnings_list_is_null_and_an_empty_one_is_empty():
    assert rows.warning_codes({"article": {}}) is None
    assert rows.warning_codes({"article": {"warnings": []}}) == ""


def test_actor_rows_rename_record_keys_and_sum_the_kinds():
    (row,) = rows.actor_rows(RECORD)
    assert row == {
        "id": "a-1",
        "actor_id": "state:RUS",
        "actor_name": "Russia",
        "actor_type": "state",
        "mentions_name": 2,
        "mentions_nominal": None,
        "mentions_adjectival": 1,
        "mentions_metonym": None,
        "mentions": 3,
        "tone": 0.25,
        "tone_sentences": 2,
        "discovered": False,
    }


@pytest.mark.parametrize(
    "kind, value, expected",
    [
        ("int64", "7", 7),
        ("int64", True, None),
        ("float64", float("nan"), None),
        ("float64", "x", None),
        ("string", 5, "5"),
        ("bool", 1, True),
        ("int64", None, None),
    ],
)
def test_as_kind(kind, value, expected):
    assert rows.as_kind(value, kind) == expected


def test_report_csvs_and_corpus_parquet_share_column_names(seed):
    record = build_record(seed)
    tables = record_tables(record)
    corpus_articles = set(SCHEMAS["articles"].names)
    assert set(tables["summary"].columns) <= corpus_articles
    assert list(tables["actors"].columns) == [c for c in SCHEMAS["actors"].names if c != "input_id"]
    assert list(tables["sentences"].columns) == [
        c for c in SCHEMAS["sentences"].names if c != "input_id"
    ]
    meta = {"input_id": "x", "origin": "f.txt", "partition": 0}
    assert article_row(record, meta)["words"] == tables["summary"].at[0, "words"] == 947
    assert actor_rows(record, "x")[0]["actor_id"] == tables["actors"].at[0, "actor_id"]
