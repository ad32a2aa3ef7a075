"""analysis.stats: counts (small texts and the seed, counted by hand), lexical diversity worked
by hand, sections, the record's "stats" object."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys

import pytest

from analysis.article import article_from_string
from analysis.errors import ParameterError
from analysis.record import basic_counts
from analysis.stats import (
    counts,
    lexical_diversity,
    longest_sentences,
    mattr,
    mtld,
    overview_table,
    reading_time_minutes,
    record_section,
    root_ttr,
    section_table,
    sentence_table,
    ttr,
)
from analysis.text import prepare

from ..conftest import ROOT

SMALL = "Title\n\nThe cat sat. The cat ran away.\n\nIt was late.\n"


def _small():
    return prepare(article_from_string(SMALL, "txt"))


def test_counts_of_a_small_text():
    # Paragraphs: "The cat sat. The cat ran away." (30 characters, 6 spaces) and
    # "It was late." (12 characters, 2 spaces).
    # Words: the cat sat | the cat ran away | it was late = 3 + 4 + 3 = 10 in 3 sentences.
    # Letters: 3+3+3 + 3+3+3+4 + 2+3+4 = 31; types: the cat sat ran away it was late = 8.
    # Word lengths sorted: 2 3 3 3 3 3 3 3 4 4 -> median 3, mean 3.1.
    c = counts(_small())
    assert c == {
        "characters": 42,
        "characters_no_spaces": 34,
        "letters": 31,
        "words": 10,
        "unique_words": 8,
        "sentences": 3,
        "paragraphs": 2,
        "syllables": 11,
        "mean_sentence_length": pytest.approx(10 / 3),
        "median_sentence_length": 3,
        "longest_sentence_length": 4,
        "mean_word_length": pytest.approx(3.1),
        "median_word_length": 3,
        "reading_time_minutes": pytest.approx(10 / 238),
    }
    # Syllables: every word has one, except a-way (2): 10 + 1 = 11.


def test_seed_counts_match_basic_counts_and_hand_counts(seed):
    doc = prepare(seed)
    c = counts(doc)
    assert (c["words"], c["sentences"], c["paragraphs"]) == (947, 40, 19)
    assert {k: c[k] for k in ("words", "sentences", "paragraphs")} == basic_counts(doc)


def test_seed_sections_counted_by_hand(seed):
    # Body paragraphs and sentences per section, counted on the page: the lead has 9
    # paragraphs (2+2+2+1+3+2+1+2+2 = 17 sentences); the treaty section 2 (5+2 = 7); "Economic
    # cooperation" 3 (3+1+2 = 6); "US and South Korea react" 2 (1+2 = 3); "Visit to Vietnam"
    # 3 (3+1+3 = 7).
    table = section_table(prepare(seed))
    assert table["section"].tolist() == [
        "(lead)",
        "Russia and North Korea sign strategic partnership agreement",
        "Economic cooperation",
        "US and South Korea react",
        "Visit to Vietnam",
    ]
    assert table["paragraphs"].tolist() == [9, 2, 3, 2, 3]
    assert table["sentences"].tolist() == [17, 7, 6, 3, 7]
    # "US and South Korea react", word by word: "U.S. and South Korean officials … since
    # 2019." 37; "Washington and Seoul … technologies and aid." 32; "Both Pyongyang and
    # Moscow … previously supported." 25: 94 words.
    us_section = table.set_index("section").loc["US and South Korea react"]
    assert (us_section["words"], us_section["longest_sentence_length"]) == (94, 37)
    assert table["words"].sum() == 947


def test_seed_longest_sentences_counted_by_hand(seed):
    # "No country should give Putin … with the United States." 45 words; "Russia has
    # incessantly supported … development path,” Putin stressed." 41; "Putin’s portrait and
    # posters … shared on social media." 40 (counted word by word; "route.," is one word).
    table = longest_sentences(prepare(seed), 3)
    assert table["words"].tolist() == [45, 41, 40]
    assert table.loc[0, "text"].startswith("“No country should give Putin")
    assert table.loc[1, "text"].endswith("Putin stressed.")
    assert table.loc[2, "text"].startswith("Putin’s portrait and posters")


def test_sentence_table_columns_and_totals():
    table = sentence_table(_small())
    assert list(table.columns) == [
        "sentence",
        "paragraph",
        "section",
        "words",
        "letters",
        "syllables",
        "text",
    ]
    assert table["words"].tolist() == [3, 4, 3]
    assert table["paragraph"].tolist() == [0, 0, 1]


@pytest.mark.parametrize(
    ("tokens", "expected_ttr", "expected_root"),
    [
        ("a b a c", 3 / 4, 3 / 2),  # 3 types, 4 tokens, √4 = 2
        ("a a a a", 1 / 4, 1 / 2),
        ("a b c d e f g h i", 1.0, 3.0),  # 9 types, √9 = 3
    ],
)
def test_ttr_and_root_ttr(tokens, expected_ttr, expected_root):
    seq = tokens.split()
    assert ttr(seq) == pytest.approx(expected_ttr)
    assert root_ttr(seq) == pytest.approx(expected_root)


@pytest.mark.parametrize(
    ("tokens", "window", "expected"),
    [
        ("a a b b", 2, 2 / 3),  # windows aa 1/2, ab 2/2, bb 1/2 -> mean 2/3
        ("a a b b", 3, 2 / 3),  # windows aab 2/3, abb 2/3
        ("a b a c", 2, 1.0),  # ab, ba, ac: all 1
        ("a a b", 5, 2 / 3),  # shorter than the window: plain TTR
    ],
)
def test_mattr(tokens, window, expected):
    assert mattr(tokens.split(), window) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        # a a a a: the TTR reaches 1/2 <= 0.72 at every second token: 2 factors both ways: 4/2.
        ("a a a a", 2.0),
        # a b a b c forward: TTR 1, 1, 2/3 -> factor; then b c: TTR 1, no remainder -> 5/1.
        # Backward c b a b a: 1, 1, 1, 3/4, 3/5 -> factor, nothing left -> 5/1. Mean 5.
        ("a b a b c", 5.0),
        # a b a c forward: factor at "a" (2/3), then "c" alone (TTR 1, partial 0): 4/1 = 4.
        # Backward c a b a: TTR 1, 1, 1, 3/4 ends unfinished: partial (1 − 0.75)/(1 − 0.72)
        # = 0.892857 -> 4/0.892857 = 4.48. Mean (4 + 4.48)/2 = 4.24.
        ("a b a c", 4.24),
    ],
)
def test_mtld(tokens, expected):
    assert mtld(tokens.split()) == pytest.approx(expected)


def test_mtld_of_all_distinct_tokens_is_undefined():
    assert math.isnan(mtld("a b c".split()))


def test_lexical_diversity_uses_terms():
    # "Putin met Putin’s aide": terms putin met putin aide -> 3 types in 4 tokens.
    doc = prepare(article_from_string("Title\n\nPutin met Putin’s aide.\n", "txt"))
    assert lexical_diversity(doc)["ttr"] == pytest.approx(0.75)


def test_reading_time():
    assert reading_time_minutes(476) == pytest.approx(2.0)  # 476 / 238
    assert reading_time_minutes(300, wpm=150) == pytest.approx(2.0)
    with pytest.raises(ParameterError, match="words per minute"):
        reading_time_minutes(100, wpm=0)


def test_overview_table():
    table = overview_table(_small())
    assert list(table.columns) == ["measure", "value"]
    assert table.set_index("measure").loc["words", "value"] == 10


def test_record_section_contract(seed):
    doc = prepare(seed)
    record = record_section(doc)
    json.dumps(record, allow_nan=False)
    assert {k: record[k] for k in ("words", "sentences", "paragraphs")} == basic_counts(doc)
    assert set(record["readability"]) >= {
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
    }
    assert set(record["lexical_diversity"]) >= {"ttr", "mattr", "mtld"}
    assert all(isinstance(v, str) for v in record["readability_bands"].values())
    grades = [
        record["readability"][k]
        for k in (
            "flesch_kincaid_grade",
            "gunning_fog",
            "smog_index",
            "coleman_liau_index",
            "automated_readability_index",
        )
    ]
    assert record["readability_grade"]["median_grade"] == statistics.median(grades)
    assert [s["section"] for s in record["sections"]][0] == "(lead)"


def test_record_section_of_an_empty_selection():
    doc = prepare(article_from_string(SMALL, "txt"), ["captions"])
    record = record_section(doc)
    json.dumps(record, allow_nan=False)
    assert (record["words"], record["sentences"], record["paragraphs"]) == (0, 0, 0)
    assert all(v is None for v in record["readability"].values())
    assert record["lexical_diversity"]["ttr"] is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ttr([]), "at least one word"),
        (lambda: mattr(["a"], 0), "window"),
        (lambda: mtld(["a", "b"], threshold=1.5), "threshold"),
        (lambda: longest_sentences(_small(), 0), "whole number"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ParameterError, match=message):
        call()


def test_statistics_need_no_network_and_no_nltk_data(tmp_path, seed_path):
    # Every socket connection refused and NLTK_DATA empty: the CMU table, the stop words,
    # the Dale–Chall list and wordfreq's reference list all come from installed wheels.
    script = (
        "import socket\n"
        "def refuse(*a, **k):\n    raise OSError('network disabled in test')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
        "from analysis.article import load_article\nfrom analysis.text import prepare\n"
        "from analysis import stats\n"
        f"doc = prepare(load_article({str(seed_path)!r}))\n"
        "record = stats.record_section(doc)\n"
        "key = stats.keyness(doc, top_n=None)\n"
        "print(record['words'], record['readability']['dale_chall'] is not None,\n"
        "      'sanctions' in set(key['term']), len(stats.stopword_set()))\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["947", "True", "True", "174"]
