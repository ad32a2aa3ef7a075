"""analysis.corpus.prose: the sentences of notebook 04, from hand-made tables."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import prose


def test_corpus_prose_singular_and_failures():
    failures = pd.DataFrame({"error_type": ["EmptyArticleError"]})
    text = prose.corpus_prose(
        "data/my_corpus",
        1,
        {"words": 947, "median words per article": 947.0, "sources": 1},
        failures,
    )
    assert text.startswith(
        "The corpus in `data/my_corpus` holds **1** analysed article with "
        "947 words in all (median 947 per article), from 1 source. "
    )
    assert text.endswith(
        "1 input article could not be analysed (EmptyArticleError: 1); it is "
        "listed in `failures/` with the reason."
    )


def test_corpus_prose_without_failures():
    text = prose.corpus_prose("c", 3, {}, pd.DataFrame(columns=["error_type"]))
    assert text == (
        "The corpus in `c` holds **3** analysed articles. Every article in the "
        "input could be analysed."
    )


def test_actor_frequency_prose():
    frequency = pd.DataFrame(
        [
            {
                "actor_name": "Russia",
                "actor_type": "state",
                "articles": 2,
                "share": 2 / 3,
                "mentions": 5,
            },
            {
                "actor_name": "Kim",
                "actor_type": "person",
                "articles": 1,
                "share": 1 / 3,
                "mentions": 1,
            },
        ]
    )
    assert prose.actor_frequency_prose(frequency, 3) == (
        "2 distinct actors are named. **Russia** (state) appears in the most articles: 2 of 3 "
        "(67%), with 5 mentions in all. 1 actor appears in at least half of the articles; 1 "
        "appears in a single article only."
    )


def test_pairs_prose():
    pairs = pd.DataFrame([{"name_a": "Russia", "name_b": "Kim", "articles": 1, "jaccard": 0.5}])
    assert prose.pairs_prose(pairs) == (
        "The pair found together most often is **Russia** and **Kim**, together in 1 article. "
        "The most exclusive pair is Russia and Kim (Jaccard 0.50; shared articles: 1)."
    )


def test_tone_by_group_and_over_time():
    groups = pd.DataFrame({"source": ["paper", "wire"], "articles": [1, 2], "mean": [-0.1, 0.2]})
    assert prose.tone_by_group_prose(groups, "source", "tone", 0.1) == (
        "Grouped by `source`, 2 groups: the highest mean tone is that of **wire** (mean "
        "+0.200, n = 2), the lowest that of **paper** (mean −0.100, n = 1). Overall mean: "
        "+0.100."
    )
    periods = pd.DataFrame(
        {"period": ["2024-06", "2024-07"], "articles": [1, 1], "mean": [0.3, -0.3]}
    )
    assert prose.tone_over_time_prose(periods).startswith(
        "2 dated articles in 2 periods from 2024-06 to 2024-07. The highest mean tone is in "
        "2024-06 (mean +0.300, n = 1)"
    )


def test_readability_and_outliers_prose():
    readability = pd.DataFrame(
        [
            {
                "metric": "readability_flesch_reading_ease",
                "median": 50.0,
                "q25": 40.0,
                "q75": 60.25,
                "min": 30.0,
                "max": 70.0,
            }
        ]
    )
    assert prose.readability_prose(readability) == (
        "- flesch reading ease: median 50.0 (middle half 40.0 to 60.2, range 30.0 to 70.0)"
    )
    outliers = pd.DataFrame(
        [
            {
                "title": "A <b>",
                "input_id": "a",
                "metric": "words",
                "value": 5000,
                "median": 800.0,
                "robust_z": 6.04,
                "outlier": True,
            }
        ]
    )
    assert prose.outliers_prose(outliers) == (
        "1 of the 1 (article, metric) pair listed lies beyond |z| = 3.5. The furthest is "
        "**A &lt;b&gt;** on `words`: 5,000 against a corpus median of 800 (z = +6.0)."
    )
