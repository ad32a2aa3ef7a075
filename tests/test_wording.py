"""analysis.wording: plurals, numbers for people, escaping for Markdown."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.wording import (
    code,
    escape_markdown,
    listing,
    number,
    percent,
    plural,
    signed,
)


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (1, "article", "1 article"),
        (0, "article", "0 articles"),
        (2, "match", "2 matches"),
        (1.0, "word", "1 word"),
        (1234, "mention", "1,234 mentions"),
        (3, "box", "3 boxes"),
        (np.int64(1), "sentence", "1 sentence"),
    ],
)
def test_plural(count, noun, expected):
    assert plural(count, noun) == expected


def test_plural_with_decimals_and_irregular_forms():
    assert plural(23.675, "word", digits=1) == "23.7 words"
    assert plural(1.04, "syllable", digits=0) == "1 syllable"  # rounds to 1: singular
    assert plural(2, "person", "people") == "2 people"
    assert plural(1, "actor", show=False) == "actor"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (947, "947"),
        (947.0, "947"),
        (6050.0, "6,050"),
        (3.978992, "3.98"),
        (14.41474, "14.41"),
        (253.44, "253.4"),
        (0.1775125, "0.178"),
        (0.00012, "0.00012"),
        (-2.0, "−2"),
        (-0.052, "−0.052"),
        (np.float64(2.5), "2.50"),
        (None, "–"),
        (math.nan, "–"),
        (pd.NA, "–"),
        ("text", "text"),
        (0.0001, "0.00010"),
        (-0.0004, "−0.00040"),
    ],
)
def test_number(value, expected):
    assert number(value) == expected


def test_number_with_fixed_decimals_and_near_zero():
    assert number(14.41474, 1) == "14.4"
    assert number(-0.0001, 2) == "0"  # no "-0.00"


def test_signed_and_percent():
    assert signed(0.1775125) == "+0.178"
    assert signed(-0.05) == "−0.050"
    assert signed(-0.0001) == "0.000"
    assert signed(4.857, 2) == "+4.86"
    assert signed(None) == "–"
    assert percent(0.525) == "52%" and percent(0.175, 1) == "17.5%" and percent(None) == "–"


def test_listing():
    assert listing([]) == "none"
    assert listing(["Putin"]) == "Putin"
    assert listing(["Putin", "Kim"]) == "Putin and Kim"
    assert listing(["a", "b", "c"], "or") == "a, b or c"


def test_markdown_escaping_and_code_spans():
    assert escape_markdown("Evil <script> a_b *c*") == r"Evil &lt;script&gt; a\_b \*c\*"
    # in a code span nothing is escaped (a backslash would show); the fence outgrows backticks
    assert code("data/my_corpus") == "`data/my_corpus`"
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"
