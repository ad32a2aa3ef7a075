"""A second opinion on sentence sentiment: the AFINN lexicon, and its agreement with VADER.

AFINN (Finn Årup Nielsen, 2011; list ``AFINN-en-165``, 3,382 words and phrases rated -5 … +5 by
hand) is read from ``resources/AFINN-en-165.txt``, the list as the ``afinn`` wheel ships it,
under the Open Database License 1.0 (``resources/AFINN_LICENSE.txt``; see ``THIRD_PARTY.md``).
The ``afinn`` package itself (its metadata says GPL) is not used at run time. Matching is the
package's method, written here: whitespace runs become one space, the text is lower-cased,
every list entry is found as a whole word (a regular expression with ``\\b`` boundaries,
longest entry first, so phrases such as "does not work" win over their words) and the ratings
are **summed**. There is no negation, booster, "but" or punctuation rule. Curly apostrophes
are made straight here first, since the list is written with ``'`` ("can't stand") and news
text uses ``’``.

On VADER's scale: ``afinn_scaled = s / sqrt(s² + 15)`` maps the sum ``s`` into (-1, 1) with
VADER's own normalisation (alpha 15), for plotting both on one axis; classes use the sum's sign
(AFINN sums are integers: > 0 positive, < 0 negative, 0 neutral), VADER's classes use the
threshold of :mod:`analysis.sentiment`.

Agreement between the two (:func:`afinn_agreement`):

* ``class_agreement``: share of sentences given the same class (positive / neutral / negative);
* ``cohen_kappa``: Cohen's κ on those three classes, ``(p_o - p_e) / (1 - p_e)`` with ``p_e``
  the agreement expected from the two label distributions (None when ``p_e`` = 1);
* ``sign_agreement``: among sentences that *both* call non-neutral, the share with the same
  sign (None when there is none);
* ``pearson_r``: Pearson correlation of VADER's compound with AFINN's sum (None when either is
  constant or there are fewer than two sentences).
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from ..text import Document
from .afinn_list import matcher
from .scores import DEFAULT_THRESHOLD, check_threshold, label, sentence_table

CLASSES = ("negative", "neutral", "positive")


def afinn_words(text: str) -> list[tuple[str, int]]:
    """The AFINN entries found in ``text`` with their ratings, in order."""
    lexicon = matcher()
    prepared = re.sub(r"\s+", " ", text.replace("’", "'")).lower()
    return [(entry, lexicon.ratings[entry]) for _, _, entry in lexicon.finditer(prepared)]


def afinn_score(text: str) -> int:
    """AFINN's sum of ratings over the entries found in ``text`` (0 when none)."""
    return sum(value for _, value in afinn_words(text))


def scaled(score: float, alpha: float = 15.0) -> float:
    """``score / sqrt(score² + alpha)``: a sum mapped into (-1, 1) like VADER's compound."""
    return score / math.sqrt(score * score + alpha)


def afinn_comparison(doc: Document, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """VADER and AFINN side by side for each sentence of ``doc``.

    Columns: ``index``, ``text``, ``compound``, ``vader_label``, ``afinn`` (sum),
    ``afinn_scaled``, ``afinn_label``, ``afinn_words`` (``"word(+2), word(-1)"``), ``agree``.
    """
    threshold = check_threshold(threshold)
    table = sentence_table(doc, threshold)
    rows = []
    for row in table.itertuples(index=False):
        found = afinn_words(row.text)
        total = sum(v for _, v in found)
        afinn_label = label(total, 0.0)
        rows.append(
            (
                row.index,
                row.text,
                row.compound,
                row.label,
                total,
                scaled(total),
                afinn_label,
                ", ".join(f"{w}({v:+d})" for w, v in found),
                row.label == afinn_label,
            )
        )
    return pd.DataFrame(
        rows,
        columns=[
            "index",
            "text",
            "compound",
            "vader_label",
            "afinn",
            "afinn_scaled",
            "afinn_label",
            "afinn_words",
            "agree",
        ],
    )


def cohen_kappa(a: list[str], b: list[str]) -> float | None:
    """Cohen's κ of two equally long label lists (None when chance agreement is 1)."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    labels = set(a) | set(b)
    expected = sum((a.count(c) / n) * (b.count(c) / n) for c in labels)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def pearson(x: list[float], y: list[float]) -> float | None:
    """Pearson's r (None with fewer than two points or a constant series)."""
    n = len(x)
    if n < 2 or n != len(y):
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def afinn_agreement(table: pd.DataFrame) -> dict[str, Any]:
    """Agreement of an :func:`afinn_comparison` table (definitions in the module docstring), plus
    ``sentences`` and the class counts of each lexicon."""
    vader_labels = table["vader_label"].to_list()
    afinn_labels = table["afinn_label"].to_list()
    n = len(table)
    both = [
        (v, a)
        for v, a in zip(vader_labels, afinn_labels, strict=True)
        if v != "neutral" and a != "neutral"
    ]
    result: dict[str, Any] = {
        "sentences": n,
        "class_agreement": (
            sum(v == a for v, a in zip(vader_labels, afinn_labels, strict=True)) / n
        )
        if n
        else None,
        "cohen_kappa": cohen_kappa(vader_labels, afinn_labels),
        "sign_agreement": (sum(v == a for v, a in both) / len(both)) if both else None,
        "pearson_r": pearson(table["compound"].to_list(), table["afinn"].astype(float).to_list()),
    }
    for name, labels in (("vader", vader_labels), ("afinn", afinn_labels)):
        for cls in CLASSES:
            result[f"{name}_{cls}"] = labels.count(cls)
    return result
