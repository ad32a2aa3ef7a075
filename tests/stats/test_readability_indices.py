"""analysis.readability: each formula against short texts counted by hand, word classes, bands."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis.article import article_from_string
from analysis.errors import ParameterError
from analysis.stats.readability_indices import (
    ReadabilityCounts,
    automated_readability_index,
    band,
    coleman_liau_index,
    dale_chall_score,
    dale_chall_words,
    flesch_kincaid_grade,
    flesch_reading_ease,
    grade_summary,
    gunning_fog,
    is_complex_word,
    is_familiar,
    readability,
    readability_counts,
    readability_table,
    sentence_counts,
    smog_index,
    total_counts,
    words_by_sentence,
)
from analysis.text import prepare

from ..conftest import ROOT

# Text A, counted by hand:
#   "The cat sat on the mat." the cat sat on the mat: 6 words, 6 syllables, 3+3+3+2+3+3 = 17
#   letters. "It was a beautiful evening." it was a beau-ti-ful eve-ning: 5 words,
#   1+1+1+3+2 = 8 syllables, 2+3+1+9+7 = 22 letters.
#   W = 11, S = 2, Y = 14, L = 39; polysyllables and complex words: "beautiful" = 1;
#   every word is on the Dale–Chall list, so difficult words = 0.
TEXT_A = "The cat sat on the mat. It was a beautiful evening."
COUNTS_A = ReadabilityCounts(
    words=11,
    sentences=2,
    syllables=14,
    letters=39,
    polysyllables=1,
    complex_words=1,
    difficult_words=0,
)

# Text B, counted by hand:
#   yes-ter-day 3, E-liz-a-beth 4, vis-it-ed 3, the 1, em-bas-sy 3 | of-fi-cials 3, were 1,
#   re-con-sid-er-ing 5, care-ful-ly 3: W = 9, S = 2, Y = 26, polysyllables 7.
#   Letters 9+9+7+3+7 + 9+4+13+9 = 70.
#   Complex (Gunning): Yesterday, embassy, Officials, reconsidering (reconsider has 4
#   syllables without -ing), carefully = 5; not Elizabeth (a name inside the sentence) and not
#   visited (visit has 2 syllables without -ed).
TEXT_B = "Yesterday Elizabeth visited the embassy. Officials were reconsidering carefully."


def _doc(text: str):
    return prepare(article_from_string(f"Title\n\n{text}\n", "txt"))


def test_counts_of_text_a():
    assert readability_counts(_doc(TEXT_A)) == COUNTS_A


def test_counts_of_text_b():
    counts = readability_counts(_doc(TEXT_B))
    assert (
        counts.words,
        counts.sentences,
        counts.syllables,
        counts.letters,
        counts.polysyllables,
        counts.complex_words,
    ) == (9, 2, 26, 70, 7, 5)


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        # 206.835 − 1.015·(11/2) − 84.6·(14/11) = 206.835 − 5.5825 − 107.6727 = 93.5798
        ("flesch_reading_ease", 93.5798),
        # 0.39·5.5 + 11.8·1.272727 − 15.59 = 2.145 + 15.018182 − 15.59 = 1.5732
        ("flesch_kincaid_grade", 1.5732),
        # 0.4·(5.5 + 100·1/11) = 0.4·(5.5 + 9.0909) = 5.8364
        ("gunning_fog", 5.8364),
        # 1.0430·√(1·30/2) + 3.1291 = 1.0430·3.872983 + 3.1291 = 4.039521 + 3.1291 = 7.1686
        ("smog_index", 7.1686),
        # L = 100·39/11 = 354.5455, S = 100·2/11 = 18.1818;
        # 0.0588·354.5455 − 0.296·18.1818 − 15.8 = 20.8473 − 5.3818 − 15.8 = −0.3345
        ("coleman_liau_index", -0.3345),
        # 4.71·39/11 + 0.5·11/2 − 21.43 = 16.6991 + 2.75 − 21.43 = −1.9809
        ("automated_readability_index", -1.9809),
        # 0.1579·0 + 0.0496·5.5 = 0.2728 (no difficult words, so no 3.6365 adjustment)
        ("dale_chall", 0.2728),
    ],
)
def test_formulas_on_text_a(index, expected):
    assert readability(_doc(TEXT_A))[index] == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        # Text B: W 9, S 2, Y 26, complex 5, polysyllables 7, letters 70.
        # 206.835 − 1.015·4.5 − 84.6·26/9 = 206.835 − 4.5675 − 244.4 = −42.1325
        (flesch_reading_ease, (9, 2, 26), -42.1325),
        # 0.39·4.5 + 11.8·2.888889 − 15.59 = 1.755 + 34.088889 − 15.59 = 20.2539
        (flesch_kincaid_grade, (9, 2, 26), 20.2539),
        # 0.4·(4.5 + 100·5/9) = 0.4·(4.5 + 55.5556) = 24.0222
        (gunning_fog, (9, 2, 5), 24.0222),
        # 1.0430·√(7·30/2) + 3.1291 = 1.0430·10.246951 + 3.1291 = 10.687570 + 3.1291 = 13.8167
        (smog_index, (2, 7), 13.8167),
        # 0.0588·(100·70/9) − 0.296·(100·2/9) − 15.8 = 45.7333 − 6.5778 − 15.8 = 23.3556
        (coleman_liau_index, (9, 2, 70), 23.3556),
        # 4.71·70/9 + 0.5·4.5 − 21.43 = 36.6333 + 2.25 − 21.43 = 17.4533
        (automated_readability_index, (9, 2, 70), 17.4533),
        # PDW = 10 % > 5: 0.1579·10 + 0.0496·(100/5) + 3.6365 = 1.579 + 0.992 + 3.6365 = 6.2075
        (dale_chall_score, (100, 5, 10), 6.2075),
        # PDW = 5 % is not above 5: 0.1579·5 + 0.0496·20 = 0.7895 + 0.992 = 1.7815
        (dale_chall_score, (100, 5, 5), 1.7815),
    ],
)
def test_formulas_on_counts(function, args, expected):
    assert function(*args) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(
    ("word", "proper", "expected"),
    [
        ("embassy", False, True),  # em-bas-sy
        ("Elizabeth", True, False),  # a proper noun
        ("visited", False, False),  # vis-it-ed: three only through -ed
        ("reconsidering", False, True),  # re-con-sid-er stays at four without -ing
        ("high-ranking", False, False),  # hyphenated compound
        ("table", False, False),  # two syllables
    ],
)
def test_complex_words(word, proper, expected):
    assert is_complex_word(word, proper_noun=proper) is expected


@pytest.mark.parametrize(
    ("word", "familiar", "expected"),
    [
        ("visited", {"visit"}, True),
        ("stopped", {"stop"}, True),
        ("cities", {"city"}, True),
        ("bigger", {"big"}, True),
        ("liked", {"like"}, True),
        ("boxes", {"box"}, True),
        ("making", {"make"}, True),
        ("Putin’s", {"putin"}, True),
        ("2024", set(), True),
        ("well-known", {"well", "known"}, True),
        ("well-known", {"well"}, False),
        ("embassy", {"visit"}, False),
    ],
)
def test_familiar_words(word, familiar, expected):
    assert is_familiar(word, frozenset(familiar)) is expected


def test_dale_chall_list_is_packaged_and_textstat_not_imported():
    words = dale_chall_words()
    assert len(words) == 2941  # the lines of resources/dale_chall_words.txt
    assert {"the", "cat", "beautiful"} <= words and "embassy" not in words
    code = (
        "import sys; from analysis.stats.readability_indices import dale_chall_words; "
        "dale_chall_words(); print('textstat' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("index", "value", "expected"),
    [
        ("flesch_reading_ease", 90, "very easy (5th grade)"),
        ("flesch_reading_ease", 89.9, "easy (6th grade)"),
        ("flesch_reading_ease", 65, "plain English (8th–9th grade)"),
        ("flesch_reading_ease", 30, "difficult (college)"),
        ("flesch_reading_ease", 29.9, "very difficult (college graduate)"),
        ("flesch_kincaid_grade", 5.9, "very easy (elementary school)"),
        ("gunning_fog", 8, "plain English (grades 8–9)"),
        ("smog_index", 12.9, "fairly difficult (grades 10–12)"),
        ("coleman_liau_index", 13, "difficult (college)"),
        ("automated_readability_index", 16, "very difficult (college graduate)"),
        ("dale_chall", 4.9, "easy (grade 4 and below)"),
        ("dale_chall", 9.9, "difficult (college)"),
        ("dale_chall", 10, "very difficult (college graduate)"),
    ],
)
def test_bands(index, value, expected):
    assert band(index, value) == expected


def test_table_has_one_row_per_index_with_band():
    table = readability_table(_doc(TEXT_A))
    assert list(table.columns) == ["index", "name", "value", "band"]
    assert len(table) == 7
    fre = table.set_index("index").loc["flesch_reading_ease"]
    assert fre["value"] == 93.58 and fre["band"] == "very easy (5th grade)"


def test_seed_is_hard_news_prose(seed):
    # Plausibility, not pinned values: long sentences (947 words in 40) and many long words
    # put a wire-style news story at college level on every index.
    values = readability(prepare(seed))
    assert 0 < values["flesch_reading_ease"] < 50
    for index in (
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
    ):
        assert 11 < values[index] < 20, index


def test_bad_input_names_the_problem():
    with pytest.raises(ParameterError, match="at least one word and one sentence"):
        flesch_reading_ease(0, 0, 0)
    with pytest.raises(ParameterError, match="include_zones"):
        readability(prepare(article_from_string("Title\n\nBody text.\n", "txt"), ["captions"]))
    with pytest.raises(ParameterError, match="unknown readability index"):
        band("fog", 3)


def test_grade_summary():
    # Grades 10, 12, 13, 14, 20: median 13 -> "difficult (college)"; lowest FK, highest ARI.
    values = {
        "flesch_reading_ease": 40.0,
        "flesch_kincaid_grade": 10.0,
        "gunning_fog": 12.0,
        "smog_index": 13.0,
        "coleman_liau_index": 14.0,
        "automated_readability_index": 20.0,
        "dale_chall": 9.0,
    }
    summary = grade_summary(values)
    assert summary == {
        "median_grade": 13.0,
        "band": "difficult (college)",
        "lowest": ("flesch_kincaid_grade", 10.0),
        "highest": ("automated_readability_index", 20.0),
    }
    with pytest.raises(ParameterError, match="no grade-level index"):
        grade_summary(dict.fromkeys(values))


def test_words_by_sentence_matches_sentence_tokens(seed):
    doc = prepare(seed)
    expected = [[t for t in doc.sentence_tokens(s) if t.is_word] for s in doc.sentences]
    assert words_by_sentence(doc) == expected


def test_section_counts_add_up_to_the_document(seed):
    doc = prepare(seed)
    whole = readability_counts(doc)
    assert total_counts(sentence_counts(doc)) == whole
    half = readability_counts(doc, doc.sentences[:20])
    rest = readability_counts(doc, doc.sentences[20:])
    assert total_counts([half, rest]) == whole


def test_packaged_list_is_used_by_default():
    assert is_familiar("cats") and is_familiar("evening") and not is_familiar("embassy")
