"""analysis.stats.prose: the sentences of notebook 01, from hand-made results."""

from __future__ import annotations

import pandas as pd

from analysis.stats import prose

COUNTS = {
    "words": 12,
    "sentences": 1,
    "paragraphs": 1,
    "unique_words": 10,
    "reading_time_minutes": 12 / 238,
    "syllables": 18,
    "mean_sentence_length": 12.0,
    "median_sentence_length": 12.0,
}


def test_overview_singular_and_escaped_headline():
    text = prose.overview_prose("Evil <b>headline</b> *now*", ["body"], COUNTS)
    assert text.startswith(r"**Evil &lt;b&gt;headline&lt;/b&gt; \*now\***")
    assert "hold 12 words in 1 sentence and 1 paragraph;" in text
    assert "10 of the words are distinct" in text and "under a minute to read" in text


def test_overview_long_text_rounds_the_reading_time():
    counts = {
        **COUNTS,
        "words": 947,
        "sentences": 40,
        "paragraphs": 19,
        "unique_words": 434,
        "reading_time_minutes": 947 / 238,
    }
    text = prose.overview_prose("T", ["body", "heading"], counts)
    assert "(body, heading) hold 947 words in 40 sentences and 19 paragraphs" in text
    assert "about 4 minutes to read" in text


def test_readability_prose():
    scores = {"flesch_reading_ease": 33.88}
    grade = {
        "median_grade": 14.41,
        "band": "difficult (college)",
        "lowest": ("coleman_liau_index", 13.86),
        "highest": ("smog_index", 15.87),
    }
    counts = {**COUNTS, "words": 947, "syllables": 1667, "mean_sentence_length": 23.675}
    text = prose.readability_prose(scores, grade, counts)
    assert "grade 14.4, **difficult (college)**" in text
    assert "from 13.9 (Coleman–Liau) to 15.9 (SMOG)" in text
    assert "Flesch Reading Ease is 33.9" in text
    # 1667 / 947 = 1.760 syllables per word
    assert "sentences average 23.7 words and words 1.76 syllables" in text


def test_readability_prose_without_words():
    assert "no words" in prose.readability_prose(
        {"flesch_reading_ease": None}, {"median_grade": None}, COUNTS
    )


def test_sentence_length_prose_quotes_the_longest_escaped():
    lengths = pd.DataFrame({"words": [1, 12]})
    longest = pd.DataFrame([{"section": "(lead)", "words": 12, "text": "A [link](x) and\n*stars*"}])
    text = prose.sentence_length_prose(lengths, COUNTS, longest)
    assert text.startswith("Sentences run from 1 to 12 words (mean 12.0, median 12)")
    assert r"section *\(lead\)*, has 12 words" in text
    assert text.endswith(r"> A \[link\]\(x\) and \*stars\*")


def test_collocations_prose_counts_times():
    table = pd.DataFrame([{"bigram": "north korea", "count": 1, "likelihood_ratio": 20.04}])
    assert "*north korea* (1 time, G2 20.0)" in prose.collocations_prose(table, 1)
    empty = pd.DataFrame(columns=["bigram", "count", "likelihood_ratio"])
    assert prose.collocations_prose(empty, 2).endswith("no bigram occurs 2 times or more.")


def test_keyness_prose_singular_and_comparison():
    table = pd.DataFrame(
        {"term": ["sanctions", "the"], "g2": [25.1, 0.41], "log_ratio": [6.2, 0.05]}
    )
    text = prose.keyness_prose(table, 947)
    assert text.startswith("1 word is used significantly more than in general English")
    assert "the most distinctive is *sanctions*." in text
    assert "*the* has G2 0.41 and a log ratio of 0.05" in text


def test_keyness_prose_without_significant_words():
    table = pd.DataFrame({"term": ["a"], "g2": [1.0], "log_ratio": [0.1]})
    assert prose.keyness_prose(table, 12).startswith("No word is used significantly more")


def test_concordance_prose_counts_matches():
    concordance = pd.DataFrame({"term": ["putin", "putin", "treaty"]})
    text = prose.concordance_prose(["putin", "treaty", "kim"], concordance)
    assert text == (
        "Concordance terms: *putin* (2 matches), *treaty* (1 match), *kim* (0 matches)."
    )


def test_dispersion_prose_widest_and_narrowest():
    spread = pd.DataFrame(
        {"count": [3, 2], "min": [0.05, 0.4], "max": [0.95, 0.5]},
        index=pd.Index(["putin", "treaty"], name="term"),
    )
    text = prose.dispersion_prose(spread)
    assert text == (
        "2 terms plotted. *putin* runs through the text, from 5% to 95% of the "
        "way; *treaty* is the most concentrated, between 40% and 50%."
    )


def test_diversity_prose_short_text():
    diversity = {"ttr": 10 / 12, "mattr": float("nan"), "mtld": float("nan")}
    text = prose.diversity_prose(diversity, COUNTS, 50, 0.72)
    assert text == "10 distinct words in 12 words (TTR 0.83). The text is too short for MTLD."


def test_diversity_prose_long_text():
    diversity = {"ttr": 0.458, "mattr": 0.829, "mtld": 105.97}
    counts = {**COUNTS, "words": 947, "unique_words": 434}
    assert prose.diversity_prose(diversity, counts, 50, 0.72) == (
        "434 distinct words in 947 words (TTR 0.46). In an average run of 50 words, 83% are "
        "different words (MATTR 0.83); on average 106 words pass before the running "
        "type-token ratio falls to 0.72 (MTLD)."
    )
