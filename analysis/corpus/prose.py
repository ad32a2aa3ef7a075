"""The sentences of notebook 04 (corpus overview), one function per section.

Each function takes tables the notebook has already computed (:mod:`.overview`) and returns
Markdown: numbers for people (:mod:`analysis.wording`), correct plurals, names escaped, paths
as code spans.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..wording import code, escape_markdown, number, percent, plural, signed, strong
from .overview import OUTLIER_Z


def corpus_prose(
    corpus: object, n_articles: int, facts: Mapping[str, Any], failures: pd.DataFrame
) -> str:
    """What the corpus holds and what could not be analysed.

    ``facts`` maps the ``metric`` of :func:`analysis.corpus.corpus_summary` to its value;
    ``failures`` is the corpus's failures table (``error_type`` per failed input).
    """
    text = f"The corpus in {code(corpus)} holds **{number(n_articles)}** analysed " + (
        "article" if n_articles == 1 else "articles"
    )
    if "words" in facts:
        text += (
            f" with {plural(facts['words'], 'word')} in all (median "
            f"{number(round(facts['median words per article']))} per article)"
        )
    if "sources" in facts:
        text += f", from {plural(facts['sources'], 'source')}"
    if "first date" in facts:
        text += f", dated {facts['first date']} to {facts['last date']}"
    text += ". "
    if failures.empty:
        return text + "Every article in the input could be analysed."
    by_type = failures.groupby("error_type").size().sort_values(ascending=False)
    kinds = ", ".join(f"{kind}: {count}" for kind, count in by_type.items())
    return (
        text + f"{plural(len(failures), 'input article')} could not be analysed "
        f"({kinds}); {'it is' if len(failures) == 1 else 'they are'} listed in "
        "`failures/` with the reason."
    )


def actor_frequency_prose(frequency: pd.DataFrame, n_articles: int) -> str:
    """The actor found in most articles, and how many are common or rare (``frequency`` is
    :func:`analysis.corpus.actor_document_frequency`)."""
    if frequency.empty:
        return (
            "The records of this corpus name no actors (or carry no actors section), so "
            "the actor tables are empty."
        )
    first = frequency.iloc[0]
    common = int((frequency["share"] >= 0.5).sum())
    single = int((frequency["articles"] == 1).sum())
    return (
        f"{plural(len(frequency), 'distinct actor')} "
        f"{'is' if len(frequency) == 1 else 'are'} named. {strong(first['actor_name'])} "
        f"({first['actor_type']}) appears in the most articles: {number(first['articles'])} "
        f"of {number(n_articles)} ({percent(first['share'])}), with "
        f"{plural(first['mentions'], 'mention')} in all. "
        f"{plural(common, 'actor')} {'appears' if common == 1 else 'appear'} in at least "
        f"half of the articles; {single} {'appears' if single == 1 else 'appear'} in a "
        "single article only."
    )


def pairs_prose(pairs: pd.DataFrame) -> str:
    """The pair of actors found together most often and the most exclusive pair (``pairs``
    is :func:`analysis.corpus.actor_cooccurrence`)."""
    if pairs.empty:
        return "No two actors appear in the same article."
    strongest = pairs.iloc[0]
    closest = pairs.sort_values("jaccard", ascending=False).iloc[0]
    return (
        f"The pair found together most often is {strong(strongest['name_a'])} and "
        f"{strong(strongest['name_b'])}, together in "
        f"{plural(strongest['articles'], 'article')}. The most exclusive pair is "
        f"{escape_markdown(closest['name_a'])} and {escape_markdown(closest['name_b'])} "
        f"(Jaccard {number(closest['jaccard'], 2)}; shared articles: "
        f"{number(closest['articles'])})."
    )


def tone_by_group_prose(
    by_group: pd.DataFrame, group_by: str, tone_column: str, overall: float | None
) -> str:
    """The groups with the highest and lowest mean tone (``by_group`` is
    :func:`analysis.corpus.tone_by_group`; ``overall`` is the mean over all articles)."""
    if by_group.empty:
        return f"The articles carry no {code(tone_column)} values, so tone cannot be compared."
    ranked = by_group.sort_values("mean")
    low, high = ranked.iloc[0], ranked.iloc[-1]
    return (
        f"Grouped by {code(group_by)}, {plural(len(by_group), 'group')}: the highest mean "
        f"tone is that of {strong(str(high[group_by]))} (mean {signed(high['mean'])}, "
        f"n = {number(high['articles'])}), the lowest that of {strong(str(low[group_by]))} "
        f"(mean {signed(low['mean'])}, n = {number(low['articles'])}). Overall mean: "
        f"{signed(overall)}."
    )


def tone_over_time_prose(over_time: pd.DataFrame) -> str:
    """The periods with the highest and lowest mean tone (``over_time`` is
    :func:`analysis.corpus.tone_over_time`)."""
    if over_time.empty:
        return "The articles carry no parseable dates (or no tone), so there is no time line."
    peak = over_time.loc[over_time["mean"].idxmax()]
    trough = over_time.loc[over_time["mean"].idxmin()]
    return (
        f"{plural(int(over_time['articles'].sum()), 'dated article')} in "
        f"{plural(len(over_time), 'period')} from {over_time['period'].iloc[0]} to "
        f"{over_time['period'].iloc[-1]}. The highest mean tone is in {peak['period']} "
        f"(mean {signed(peak['mean'])}, n = {number(peak['articles'])}), the lowest in "
        f"{trough['period']} (mean {signed(trough['mean'])}, n = "
        f"{number(trough['articles'])})."
    )


def readability_prose(readability: pd.DataFrame) -> str:
    """Median, middle half and range of each readability metric (``readability`` is
    :func:`analysis.corpus.describe`), as a Markdown list."""
    if readability.empty:
        return "The records of this corpus carry no readability scores."
    return "\n".join(
        f"- {row['metric'].removeprefix('readability_').replace('_', ' ')}: median "
        f"{number(row['median'], 1)} (middle half {number(row['q25'], 1)} to "
        f"{number(row['q75'], 1)}, range {number(row['min'], 1)} to {number(row['max'], 1)})"
        for _, row in readability.iterrows()
    )


def outliers_prose(outliers: pd.DataFrame) -> str:
    """How many listed pairs are outliers and the furthest one (``outliers`` is
    :func:`analysis.corpus.outlier_articles`)."""
    if outliers.empty:
        return "Too few articles (or too little variation) to single out any."
    top = outliers.iloc[0]
    beyond = int(outliers["outlier"].sum())
    return (
        f"{number(beyond)} of the {plural(len(outliers), '(article, metric) pair')} listed "
        f"{'lies' if beyond == 1 else 'lie'} beyond |z| = {OUTLIER_Z}. The furthest is "
        f"{strong(str(top['title'] or top['input_id']))} on {code(top['metric'])}: "
        f"{number(top['value'])} against a corpus median of {number(top['median'])} "
        f"(z = {signed(top['robust_z'], 1)})."
    )
