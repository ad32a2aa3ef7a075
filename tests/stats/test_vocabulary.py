"""analysis.vocabulary: stop words, terms, frequencies, n-grams, collocations, keyness, KWIC,
dispersion, names; small texts counted by hand."""

from __future__ import annotations

import math

import pytest

from analysis.article import article_from_string
from analysis.errors import ParameterError
from analysis.stats.vocabulary import (
    collocations,
    dispersion,
    dispersion_terms,
    frequent_names,
    keyness,
    kwic,
    log_likelihood_g2,
    log_ratio,
    ngram_counts,
    stopword_set,
    term,
    word_frequencies,
)
from analysis.text import prepare


def _doc(text: str):
    return prepare(article_from_string(f"Title\n\n{text}\n", "txt"))


def test_stopwords_are_the_snowball_list_plus_extras():
    assert len(stopword_set()) == 174  # the lines of resources/stopwords_en.txt
    stops = stopword_set(["Said", " also "])
    assert {"the", "of", "isn't", "said", "also"} <= stops
    assert "sanctions" not in stops and "state" not in stops
    assert "said" not in stopword_set()
    with pytest.raises(ParameterError, match="list of words"):
        stopword_set("said")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Putin’s", "putin"),
        ("countries’", "countries"),
        ("U.S.", "u.s."),
        ("Jong-un", "jong-un"),
        ("Sanctions", "sanctions"),
        ("'s", "'s"),
    ],
)
def test_term(word, expected):
    assert term(word) == expected


def test_word_frequencies_counted_by_hand():
    # Words: The sanctions hurt Sanctions and more sanctions Putin’s sanctions = 9.
    # Stop words the/and/more go; sanctions 4 (per 1,000: 4/9·1000 = 444.44), hurt 1, putin 1.
    table = word_frequencies(
        _doc("The sanctions hurt. Sanctions and more sanctions! Putin’s sanctions.")
    )
    assert list(table.columns) == ["term", "count", "per_1000", "form"]
    assert table[["term", "count"]].values.tolist() == [["sanctions", 4], ["hurt", 1], ["putin", 1]]
    assert table.loc[0, "per_1000"] == pytest.approx(444.444, abs=1e-3)


def test_word_frequencies_stemmed_and_extra_stopwords():
    # sanction / sanctions / sanctioned share the Snowball stem "sanction": 3.
    table = word_frequencies(
        _doc("A sanction, two sanctions, sanctioned firms said."),
        extra_stopwords=["said"],
        stem=True,
    )
    first = table.iloc[0]
    assert (first["term"], first["count"]) == ("sanction", 3)
    assert "said" not in set(table["term"])


def test_bigrams_stay_inside_sentences_and_skip_stopword_edges():
    # Sentence 1: north korea | korea and | and south | south korea; sentence 2: north korea |
    # korea agreed. "korea and" and "and south" end/start with a stop word; no "korea north".
    table = ngram_counts(_doc("North Korea and South Korea. North Korea agreed."), 2)
    assert dict(zip(table["ngram"], table["count"], strict=True)) == {
        "north korea": 2,
        "south korea": 1,
        "korea agreed": 1,
    }
    frequent = ngram_counts(
        _doc("North Korea and South Korea. North Korea agreed."), 2, min_count=2
    )
    assert frequent["ngram"].tolist() == ["north korea"]


def test_collocation_scores_worked_by_hand():
    # Terms: [kim met putin] [kim met lavrov] [putin met lavrov]; N = 9 words;
    # kim 2, met 3, lavrov 2; bigrams kim met 2, met lavrov 2 (others once: below min_freq 2).
    # PMI(kim, met) = log2(2·9 / (2·3)) = log2(3) = 1.58496.
    # G2(kim, met): table o = [[2, 0], [1, 6]], e = [[0.667, 1.333], [2.333, 4.667]];
    # 2·(2·ln 3 + 1·ln(1/2.333) + 6·ln(6/4.667)) = 2·(2.19722 − 0.84730 + 1.50788) = 5.71562.
    table = collocations(_doc("Kim met Putin. Kim met Lavrov. Putin met Lavrov."), min_freq=2)
    assert set(table["bigram"]) == {"kim met", "met lavrov"}
    row = table.set_index("bigram").loc["kim met"]
    assert row["count"] == 2
    assert row["pmi"] == pytest.approx(math.log2(3))
    assert row["likelihood_ratio"] == pytest.approx(5.71562, abs=1e-4)


def test_g2_and_log_ratio_worked_by_hand():
    # 10 in 1,000 words against a reference rate of 0.001: E = 1;
    # 2·(10·ln(10/1) + 990·ln(990/999)) = 2·(23.02585 − 8.95930) = 28.1331; log2(0.01/0.001)
    # = log2(10) = 3.3219.
    assert log_likelihood_g2(10, 1000, 0.001) == pytest.approx(28.1331, abs=1e-3)
    assert log_ratio(10, 1000, 0.001) == pytest.approx(3.3219, abs=1e-4)
    # 0 in 1,000 against 0.01: E = 10; 2·1000·ln(1000/990) = 20.1007, under-used: negative.
    assert log_likelihood_g2(0, 1000, 0.01) == pytest.approx(-20.1007, abs=1e-3)
    with pytest.raises(ParameterError, match="G2 needs"):
        log_likelihood_g2(5, 0, 0.1)


def test_keyness_on_the_seed_finds_topic_words_not_function_words(seed):
    table = keyness(prepare(seed), top_n=None)
    top = list(table["term"][:15])
    assert "sanctions" in top and "pyongyang" in top
    the = table.set_index("term").loc["the"]
    assert abs(the["g2"]) < 3.84  # "the" is used at its ordinary rate: not significant
    assert table["g2"].is_monotonic_decreasing


def test_kwic_context_and_possessives():
    # Body: "Putin met Kim. Later Putin’s aides left." (width 10 characters each side)
    table = kwic(_doc("Putin met Kim. Later Putin’s aides left."), ["putin"], width=10)
    assert list(table.columns) == ["term", "sentence", "start", "end", "left", "keyword", "right"]
    assert table[["sentence", "left", "keyword", "right"]].values.tolist() == [
        [0, "", "Putin", "met Kim."],
        [1, "im. Later", "Putin’s", "aides lef"],
    ]


def test_kwic_phrases_and_offsets():
    doc = _doc("Sanctions on North Korea. North Korea objects.")
    table = kwic(doc, ["North Korea"])
    assert table["sentence"].tolist() == [0, 1]
    for start, end in zip(table["start"], table["end"], strict=True):
        assert doc.article.text[start:end] == "North Korea"


def test_dispersion_positions():
    # Words: a(0) b(1) a(2) c(3) a(4): "a" at 0, 2, 4 of last index 4 -> 0, 0.5, 1.
    table = dispersion(_doc("A b a c a."), ["a", "c"])
    rows = table[table["term"] == "a"]
    assert rows["word_index"].tolist() == [0, 2, 4]
    assert rows["relative_position"].tolist() == [0.0, 0.5, 1.0]
    assert table[table["term"] == "c"]["word_index"].tolist() == [3]


def test_frequent_names_merge_pairs():
    # Kim is capitalised inside sentences and never lower case: 3; "North Korea" follows
    # twice out of two "North": one name. "Officials"/"Then" open sentences only.
    doc = _doc("Officials in North Korea met Kim. Then North Korea and Kim left. Kim smiled.")
    assert frequent_names(doc) == ["kim", "north korea"]
    assert dispersion_terms(doc, names=2, others=1) == ["kim", "north korea", "officials"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d: ngram_counts(d, 0), "n must be a whole number of at least 1"),
        (lambda d: ngram_counts(d, 2, min_count=0), "min_count"),
        (lambda d: collocations(d, measure="dice"), "measure"),
        (lambda d: collocations(d, min_freq=0), "min_freq"),
        (lambda d: word_frequencies(d, top_n=0), "top_n"),
        (lambda d: kwic(d, [" "]), "KWIC terms"),
        (lambda d: kwic(d, ["x"], width=-1), "width"),
        (lambda d: keyness(prepare(d.article, ["captions"])), "keyness needs"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ParameterError, match=message):
        call(_doc("Some words here."))
