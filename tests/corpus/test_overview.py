"""Corpus overview tables on small hand-made corpus tables (values worked out by hand)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.corpus.overview import (
    MISSING_GROUP,
    actor_cooccurrence,
    actor_document_frequency,
    cooccurrence_matrix,
    corpus_summary,
    date_period,
    describe,
    group_labels,
    outlier_articles,
    robust_z,
    tone_by_group,
    tone_over_time,
)
from analysis.corpus.run import CorpusTables
from analysis.errors import ParameterError


def _actors(rows):
    return pd.DataFrame(
        rows,
        columns=[
            "id",
            "actor_id",
            "actor_name",
            "actor_type",
            "mentions",
            "mentions_name",
            "mentions_nominal",
            "mentions_adjectival",
            "mentions_metonym",
            "tone",
            "discovered",
        ],
    )


# Four articles; a4 names nobody; a3 lists Russia with 0 mentions (ignored).
ACTORS = _actors(
    [
        ("a1", "state:RUS", "Russia", "state", 3, 2, 0, 1, 0, 0.2, False),
        ("a1", "state:USA", "United States", "state", 1, 1, 0, 0, 0, None, False),
        ("a2", "state:RUS", "Russia", "state", 1, 1, 0, 0, 0, -0.4, False),
        ("a2", "state:CHN", "China", "state", 2, 0, 0, 2, 0, None, False),
        ("a3", "state:USA", "United States", "state", 2, 2, 0, 0, 0, None, False),
        ("a3", "state:CHN", "China", "state", 1, 1, 0, 0, 0, None, False),
        ("a3", "state:RUS", "Russia", "state", 0, 0, 0, 0, 0, None, False),
    ]
)


def test_actor_document_frequency():
    table = actor_document_frequency(ACTORS, n_articles=4)
    # Russia: a1 + a2 = 2 articles, 3 + 1 = 4 mentions, tone (0.2 - 0.4) / 2 = -0.1.
    # China and the US: 2 articles, 3 mentions each; the tie is broken by id (CHN < USA).
    assert table["actor_id"].tolist() == ["state:RUS", "state:CHN", "state:USA"]
    assert table["articles"].tolist() == [2, 2, 2]
    assert table["share"].tolist() == [0.5, 0.5, 0.5]
    assert table["mentions"].tolist() == [4, 3, 3]
    assert table["mentions_adjectival"].tolist() == [1, 2, 0]
    assert table.loc[0, "mean_tone"] == pytest.approx(-0.1)
    assert table["tone_articles"].tolist() == [2, 0, 0]
    assert math.isnan(table.loc[1, "mean_tone"])
    assert len(actor_document_frequency(ACTORS, 4, top_n=1)) == 1


def test_actor_cooccurrence():
    pairs = actor_cooccurrence(ACTORS, top_n=3)
    # a1: Russia + US; a2: Russia + China; a3: US + China (Russia has 0 mentions there).
    # Each pair shares 1 article; Jaccard 1 / (2 + 2 - 1) = 1/3.
    assert list(zip(pairs["actor_a"], pairs["actor_b"], pairs["articles"], strict=True)) == [
        ("state:CHN", "state:USA", 1),
        ("state:RUS", "state:CHN", 1),
        ("state:RUS", "state:USA", 1),
    ]
    assert pairs["jaccard"].tolist() == pytest.approx([1 / 3] * 3)
    top2 = actor_cooccurrence(ACTORS, top_n=2)  # Russia and China only
    assert top2[["actor_a", "actor_b"]].values.tolist() == [["state:RUS", "state:CHN"]]


def test_cooccurrence_matrix():
    frequency = actor_document_frequency(ACTORS, 4)
    matrix = cooccurrence_matrix(actor_cooccurrence(ACTORS, 3), frequency)
    assert matrix.index.tolist() == ["Russia", "China", "United States"]
    assert matrix.to_numpy().tolist() == [[2, 1, 1], [1, 2, 1], [1, 1, 2]]


def test_empty_actor_tables():
    empty = _actors([])
    assert actor_document_frequency(empty, 3).empty
    assert actor_cooccurrence(empty).empty
    with pytest.raises(ParameterError, match="top_n must be a whole number of at least 1"):
        actor_cooccurrence(ACTORS, top_n=0)


ARTICLES = pd.DataFrame(
    {
        "input_id": ["a1", "a2", "a3", "a4", "a5"],
        "id": ["a1", "a2", "a3", "a4", "a5"],
        "title": ["One", "Two", "Three", "Four", "Five"],
        "source": ["A", "A", "B", None, "A"],
        "date": ["2024-06-17", "2024-06-18", "2024-06-25", "not a date", None],
        "words": [100, 110, 120, 130, 1000],
        "sentiment_mean_compound": [0.1, 0.3, -0.2, 0.5, None],
        "readability_flesch_reading_ease": [50.0, 60.0, 70.0, None, None],
    }
)


def test_tone_by_group():
    table = tone_by_group(ARTICLES, "source").set_index("source")
    # A: 0.1 and 0.3 (a5 has no tone) -> mean 0.2, quartiles 0.15 / 0.25,
    # std sqrt(((0.1)^2 + (0.1)^2) / 1) = 0.1414; B: -0.2; no source: 0.5.
    assert table.index.tolist() == [MISSING_GROUP, "A", "B"]
    assert table.loc["A", "articles"] == 2
    assert table.loc["A", "mean"] == pytest.approx(0.2)
    assert (table.loc["A", "q25"], table.loc["A", "q75"]) == pytest.approx((0.15, 0.25))
    assert table.loc["A", "std"] == pytest.approx(math.sqrt(0.02))
    assert table.loc[MISSING_GROUP, "mean"] == pytest.approx(0.5)
    assert tone_by_group(ARTICLES, "source", column="gdelt_tone_tone").empty


def test_tone_by_date_and_over_time():
    by_week = tone_over_time(ARTICLES, freq="W")
    # 17 and 18 June fall in the week of Monday 17 June; 25 June in the next.
    assert by_week["period"].tolist() == ["2024-06-17", "2024-06-24"]
    assert by_week["articles"].tolist() == [2, 1]
    assert by_week["mean"].tolist() == pytest.approx([0.2, -0.2])
    by_date = tone_by_group(ARTICLES, "date")
    # span 8 days -> days; "not a date" is ungrouped
    assert by_date["date"].tolist() == [MISSING_GROUP, "2024-06-17", "2024-06-18", "2024-06-25"]


@pytest.mark.parametrize(
    "dates, freq, labels, chosen",
    [
        (["2024-06-18", "2024-06-19T10:00:00Z"], None, ["2024-06-18", "2024-06-19"], "D"),
        (["2024-01-01", "2024-06-30"], None, ["2024-01-01", "2024-06-24"], "W"),  # both Mondays
        (["2023-01-15", "2024-06-30"], None, ["2023-01", "2024-06"], "M"),
        (["2023-01-15", "2024-06-30"], "Y", ["2023", "2024"], "Y"),
    ],
)
def test_date_period(dates, freq, labels, chosen):
    got, used = date_period(pd.Series(dates), freq)
    assert (got.tolist(), used) == (labels, chosen)


def test_group_errors():
    with pytest.raises(ParameterError, match="cannot group by 'outlet'"):
        group_labels(ARTICLES, "outlet")
    with pytest.raises(ParameterError, match="unknown period 'Q'"):
        date_period(ARTICLES["date"], "Q")


@pytest.mark.parametrize(
    "values, expected",
    [
        # median 3, absolute deviations 2 1 0 1 97 -> MAD 1; z(100) = 0.6745 * 97 = 65.4265
        ([1, 2, 3, 4, 100], [-1.349, -0.6745, 0.0, 0.6745, 65.4265]),
        ([1, 1, 1, 5], None),  # MAD 0
        ([1, 2], None),  # too few values
    ],
)
def test_robust_z(values, expected):
    z = robust_z(pd.Series(values))
    assert (z is None) if expected is None else z.tolist() == pytest.approx(expected)


def test_outlier_articles():
    table = outlier_articles(ARTICLES, columns=["words"], top_n=2)
    # words: median 120, deviations 20 10 0 10 880 -> MAD 10; a5: 0.6745 * 880 / 10 = 59.356
    assert table.loc[0, "input_id"] == "a5"
    assert table.loc[0, "robust_z"] == pytest.approx(59.356)
    assert bool(table.loc[0, "outlier"]) and not bool(table.loc[1, "outlier"])
    assert outlier_articles(ARTICLES, columns=["missing"]).empty


def test_describe():
    table = describe(ARTICLES).set_index("metric")
    # 50, 60, 70: mean 60, median 60, quartiles 55 / 65
    assert table.index.tolist() == ["readability_flesch_reading_ease"]
    row = table.loc["readability_flesch_reading_ease"]
    assert (row["count"], row["mean"], row["q25"], row["q75"]) == (3, 60.0, 55.0, 65.0)


def test_corpus_summary():
    failures = pd.DataFrame({"input_id": ["x"], "error_type": ["EmptyArticleError"]})
    tables = CorpusTables(ARTICLES, ACTORS, pd.DataFrame(), failures, {"partitions": 2})
    facts = dict(corpus_summary(tables).values.tolist())
    # words 100 + 110 + 120 + 130 + 1000 = 1460; median 120; sources A, B; mentions 10
    assert facts == {
        "articles analysed": 5,
        "articles failed": 1,
        "partitions": 2,
        "words": 1460,
        "median words per article": 120.0,
        "sources": 2,
        "first date": "2024-06-17",
        "last date": "2024-06-25",
        "distinct actors": 3,
        "actor mentions": 10,
    }
