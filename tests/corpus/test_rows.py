"""Corpus rows are never merged or lost: duplicate ids refused, texts that are not strings are
failures, a malformed CSV row fails alone, formula-like text stays as it is in Parquet."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.corpus import read_corpus, run_corpus
from analysis.corpus.inputs import CorpusOptions, plan_partitions, read_partition
from analysis.errors import DuplicateIdError

TEXT = "Officials in Berlin met on Monday to discuss the border agreement."


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_duplicate_ids_are_refused_before_any_work(tmp_path):
    path = _jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": TEXT},
            {"id": "b", "text": TEXT},
            {"id": "a", "text": TEXT + " Again."},
            {"id": 7, "text": TEXT},
            {"id": "7", "text": TEXT},
        ],
    )
    out = tmp_path / "out"
    with pytest.raises(DuplicateIdError) as caught:
        run_corpus(path, out, workers=0, partition_size=2, progress=False)
    message = str(caught.value)
    assert "2 ids are used by more than one row" in message
    assert f"'a' at {path}:1, {path}:3" in message and f"'7' at {path}:4, {path}:5" in message
    assert "Make the 'id' values unique" in message
    assert not (out / "articles").exists()  # nothing was analysed or written


def test_duplicate_ids_across_files_and_in_parquet(tmp_path):
    _jsonl(tmp_path / "one.jsonl", [{"id": "x", "text": TEXT}])
    pd.DataFrame([{"id": "x", "text": TEXT}]).to_parquet(tmp_path / "two.parquet")
    with pytest.raises(DuplicateIdError, match="'x' at .*one.jsonl:1, .*two.parquet:1"):
        run_corpus(tmp_path, tmp_path / "out", workers=0, progress=False)


def test_rows_without_ids_are_numbered_and_never_clash(tmp_path):
    path = _jsonl(tmp_path / "in.jsonl", [{"text": TEXT}, {"text": TEXT}])
    result = run_corpus(path, tmp_path / "out", workers=0, progress=False)
    assert result.articles == 2


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (12345, "a number"),
        (["a", "b"], "a list"),
        ({"body": "x"}, "an object"),
        (True, "true/false"),
    ],
)
def test_a_text_that_is_not_a_string_is_a_failure_row(tmp_path, value, kind):
    path = _jsonl(
        tmp_path / "in.jsonl", [{"id": "good", "text": TEXT}, {"id": "odd", "text": value}]
    )
    result = run_corpus(path, tmp_path / "out", workers=0, progress=False)
    assert (result.articles, result.failures) == (1, 1)
    failures = read_corpus(tmp_path / "out").failures
    assert failures["input_id"].tolist() == ["odd"]
    assert failures["error_type"].tolist() == ["CorpusRowError"]
    assert f"the 'text' value is {kind}" in failures["message"][0]


CSV_ROWS = [
    "id,title,text",
    f'1,One,"{TEXT} Line one."',
    f'2,Two,"{TEXT}\n\nA second paragraph, ""quoted""."',
    '3,Three,"This quote is never closed. Officials met.',  # unterminated quote
    f"4,Four,{TEXT.replace(',', '')} Four.",
    '5,Five,"a"b',  # not valid CSV
    f'6,Six,"{TEXT} Six.",surplus,fields',  # more fields than the header
    f'7,Seven,"{TEXT}\nSeven, on two lines."',
    f"8,Eight,{TEXT.replace(',', '')} Eight.",
]


@pytest.mark.parametrize("size", [1, 3, 500])
def test_a_malformed_csv_row_fails_alone(tmp_path, size):
    path = tmp_path / "in.csv"
    path.write_text("\n".join(CSV_ROWS) + "\n", encoding="utf-8")
    items = [
        item
        for part in plan_partitions(path, CorpusOptions(), size)
        for item in read_partition(part, CorpusOptions())
    ]
    assert [(i.input_id, i.error is None) for i in items] == [
        ("1", True),
        ("2", True),
        ("in.csv:3", False),
        ("4", True),
        ("in.csv:5", False),
        ("in.csv:6", False),
        ("7", True),
        ("8", True),
    ]
    assert items[1].text == f'{TEXT}\n\nA second paragraph, "quoted".'
    assert "never closed" in str(items[2].error)
    assert "not valid CSV" in str(items[4].error)
    assert "5 fields but the header has 3" in str(items[5].error)
    result = run_corpus(
        path, tmp_path / f"out{size}", workers=0, partition_size=size, progress=False
    )
    assert (result.articles, result.failures) == (5, 3)


def test_formula_like_text_is_kept_as_it_is_in_parquet(tmp_path):
    path = _jsonl(
        tmp_path / "in.jsonl", [{"id": "=cmd|' /C calc'!A0", "title": "+Title", "text": TEXT}]
    )
    run_corpus(path, tmp_path / "out", workers=0, progress=False)
    articles = read_corpus(tmp_path / "out").articles
    assert articles["input_id"].tolist() == ["=cmd|' /C calc'!A0"]
    assert articles["title"].tolist() == ["+Title"]


def test_a_csv_saved_by_excel_with_a_byte_order_mark_and_crlf(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(
        '\ufeffid,text\r\nx1,"Line one.\r\n\r\nLine two."\r\nx2,Plain.\r\n'.encode("utf-8")
    )
    items = [
        item
        for part in plan_partitions(path, CorpusOptions(), 10)
        for item in read_partition(part, CorpusOptions())
    ]
    assert [(i.input_id, i.text) for i in items] == [
        ("x1", "Line one.\r\n\r\nLine two."),
        ("x2", "Plain."),
    ]
