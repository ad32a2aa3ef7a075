"""Tests of analysis.sentiment.afinn: the packaged AFINN list, scores and the agreement with
VADER."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from analysis.article import article_from_string
from analysis.sentiment import afinn as ac
from analysis.sentiment import afinn_list
from analysis.text import prepare

from ..conftest import ROOT


# AFINN-en-165 ratings: good +3, bad -3, terrible -3, critics -2, angry -3, win +4,
# "can't stand" -3, "does not work" -3 (phrases win over their words).
@pytest.mark.parametrize(
    ("text", "words", "score"),
    [
        ("The talks were good.", [("good", 3)], 3),
        ("Critics were angry.", [("critics", -2), ("angry", -3)], -5),
        ("I can’t stand it.", [("can't stand", -3)], -3),  # curly apostrophe made straight
        (
            "It does not work, but the GOOD part is good",
            [("does not work", -3), ("good", 3), ("good", 3)],
            3,
        ),
        ("The weather was mild.", [], 0),
    ],
)
def test_afinn_words_and_score(text, words, score):
    assert ac.afinn_words(text) == words
    assert ac.afinn_score(text) == score


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Runs of whitespace (tabs, line breaks) inside a phrase count as one space.
        ("It does  not\nwork.", [("does not work", -3)]),
        # Whole words only: "bad" inside "badge" and "won" inside "wonder" are not matched.
        ("A badge, a wonder, a bad day.", [("bad", -3)]),
        # Upper case is lowered; a hyphen is a word boundary ("ill-advised" is not an entry).
        ("An ILL-ADVISED plan", [("ill", -2)]),
    ],
)
def test_matching_rules(text, words):
    assert ac.afinn_words(text) == words


def test_packaged_list_is_read_whole():
    ratings = afinn_list._read_list()
    assert len(ratings) == 3382
    # Ratings read off AFINN-en-165.txt by hand.
    assert (ratings["abandon"], ratings["breathtaking"], ratings["does not work"]) == (-2, 5, -3)
    assert min(ratings.values()) == -5 and max(ratings.values()) == 5


@pytest.mark.parametrize("line", ["good", "good\t+x", "\t3", "good\t3\textra"])
def test_malformed_list_is_a_named_error(tmp_path, line):
    path = tmp_path / "list.txt"
    path.write_text(f"bad\t-3\n{line}\n", encoding="utf-8")
    with pytest.raises(afinn_list.AfinnListError, match="line 2"):
        afinn_list._read_list(path)


def test_afinn_package_is_not_imported():
    """The list is read from analysis/resources: the afinn wheel (metadata: GPL) is not used."""
    code = (
        "import sys; from analysis.sentiment.afinn import afinn_score; "
        "afinn_score('good'); print('afinn' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"


def test_packaged_list_is_the_wheels():
    """scripts/build_word_lists.py --check: the packaged lists are byte copies of the build-time
    wheels' files (skipped where the build extra is not installed)."""
    for name in ("afinn", "textstat", "stopwords"):
        if importlib.util.find_spec(name) is None:
            pytest.skip(f"{name} (build extra) is not installed")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_word_lists.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0, 0.0),
        (1, 0.25),  # 1 / sqrt(1 + 15) = 1 / 4
        (-7, -7 / 8),  # -7 / sqrt(49 + 15) = -7 / 8
    ],
)
def test_scaled(score, expected):
    assert ac.scaled(score) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "kappa"),
    [
        # p_o = 3/4; p_e = (2/4)(1/4) + (1/4)(2/4) + (1/4)(1/4) = 0.3125;
        # kappa = (0.75 - 0.3125) / (1 - 0.3125) = 7/11
        (
            ["positive", "positive", "negative", "neutral"],
            ["positive", "negative", "negative", "neutral"],
            7 / 11,
        ),
        (["positive", "negative"], ["positive", "negative"], 1.0),
        # p_o = 0; p_e = (1/2)(1/2) * 2 = 0.5; kappa = -1
        (["positive", "negative"], ["negative", "positive"], -1.0),
        (["neutral", "neutral"], ["neutral", "neutral"], None),  # chance agreement is 1
    ],
)
def test_cohen_kappa(a, b, kappa):
    result = ac.cohen_kappa(a, b)
    assert result == (pytest.approx(kappa) if kappa is not None else None)


@pytest.mark.parametrize(
    ("x", "y", "r"),
    [
        ([1, 2, 3], [2, 4, 6], 1.0),
        ([1, 2, 3], [3, 2, 1], -1.0),
        # deviations (-1.5, -0.5, 0.5, 1.5) and (-1.5, 0.5, -0.5, 1.5): 4 / sqrt(5 * 5) = 0.8
        ([1, 2, 3, 4], [1, 3, 2, 4], 0.8),
        ([1, 1, 1], [1, 2, 3], None),
        ([1], [1], None),
    ],
)
def test_pearson(x, y, r):
    result = ac.pearson(x, y)
    assert result == (pytest.approx(r) if r is not None else None)


def test_compare_and_agreement_by_hand():
    # VADER: 0.4404 pos / 0.0 neu / -0.3412 neg ("never" negates good) / -0.6705 neg
    # AFINN:  +3 pos    /  0 neu  /  +3 pos (no negation rule)          /  -5 neg
    doc = prepare(
        article_from_string(
            "The talks were good. The weather was mild. "
            "The plan was never good. Critics were angry."
        )
    )
    table = ac.afinn_comparison(doc)
    assert table["afinn"].tolist() == [3, 0, 3, -5]
    assert table["vader_label"].tolist() == ["positive", "neutral", "negative", "negative"]
    assert table["afinn_label"].tolist() == ["positive", "neutral", "positive", "negative"]
    assert table["agree"].tolist() == [True, True, False, True]
    result = ac.afinn_agreement(table)
    # class agreement 3/4; kappa: p_e = (1/4)(2/4) + (1/4)(1/4) + (2/4)(1/4) = 0.3125 -> 7/11
    # sign agreement over the 3 sentences both call non-neutral: 2/3
    assert result["class_agreement"] == 0.75
    assert result["cohen_kappa"] == pytest.approx(7 / 11)
    assert result["sign_agreement"] == pytest.approx(2 / 3)
    assert (result["vader_negative"], result["afinn_positive"]) == (2, 2)
    assert -1 <= result["pearson_r"] <= 1
