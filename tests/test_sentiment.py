"""Tests of analysis.sentiment: sentence scores and their aggregates."""

from __future__ import annotations

import pytest

from analysis.article import article_from_string
from analysis.sentiment import SENTENCE_COLUMNS, sentence_scores
from analysis.text import prepare


def doc_of(text: str):
    return prepare(article_from_string(text))


def test_sentence_scores_columns_and_order():
    # Two paragraphs, three sentences: "good" 1.9 alone -> 1.9 / sqrt(3.61 + 15) = 0.4404;
    # "terrible" -2.1 -> -2.1 / sqrt(4.41 + 15) = -0.4767; a neutral sentence -> 0.
    doc = doc_of("The talks were good. The weather was mild.\n\nThe outcome was terrible.")
    table = sentence_scores(doc)
    assert list(table.columns) == SENTENCE_COLUMNS
    assert table["index"].tolist() == [s.index for s in doc.sentences]
    assert table["compound"].tolist() == pytest.approx([0.4404, 0.0, -0.4767], abs=1e-12)
    for row, sentence in zip(table.itertuples(), doc.sentences, strict=True):
        assert doc.article.text[row.start:row.end] == row.text == sentence.text


def test_sentence_scores_seed_has_one_row_per_sentence(seed):
    doc = prepare(seed)
    table = sentence_scores(doc)
    assert len(table) == len(doc.sentences) == 40
    assert table["compound"].between(-1, 1).all()
