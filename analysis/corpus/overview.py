"""Corpus-level tables for the overview notebook (04), computed from the corpus tables.

Every function takes the ``articles`` and/or ``actors`` tables written by
:mod:`analysis.corpus` (read with :func:`analysis.corpus.read_corpus`) and returns a tidy
DataFrame. A column that a corpus lacks (a record section not computed) gives an empty table,
never an error, so the notebook can say what is missing.

Definitions:

* *document frequency* of an actor: the number of articles with at least one mention of it;
  *mentions*: the sum of its mentions over all articles;
* *co-occurrence*: two actors co-occur in an article when both are mentioned in it; the pair's
  ``articles`` counts such articles, and ``jaccard`` = both / (either), i.e.
  articles(a and b) / (articles(a) + articles(b) - articles(a and b));
* *robust z-score* of a value x of a metric: 0.6745 (x - median) / MAD, with MAD the median
  absolute deviation over the analysed articles (Iglewicz and Hoaglin); |z| > 3.5 marks an
  outlier. A metric whose MAD is 0 is skipped (half the articles share one value).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import pandas as pd

from ..errors import ParameterError, positive_int
from .run import CorpusTables

#: Readability columns of the ``articles`` table, in the order the notebook shows them.
READABILITY_COLUMNS = (
    "readability_flesch_reading_ease",
    "readability_flesch_kincaid_grade",
    "readability_gunning_fog",
    "readability_smog_index",
    "readability_coleman_liau_index",
    "readability_automated_readability_index",
)
#: Metrics screened for outlier articles.
OUTLIER_COLUMNS = (
    "words",
    "sentiment_mean_compound",
    "gdelt_tone_tone",
    "readability_flesch_reading_ease",
    "lexical_diversity_mtld",
    "n_actors",
)
OUTLIER_Z = 3.5
MISSING_GROUP = "(none)"


def has_values(table: pd.DataFrame, column: str) -> bool:
    """True if ``column`` exists in ``table`` and holds at least one non-null value."""
    return column in table.columns and bool(table[column].notna().any())


def corpus_summary(tables: CorpusTables) -> pd.DataFrame:
    """One row per fact (``metric``, ``value``): articles analysed and failed, words, sources,
    dates, actors. Values that the corpus does not hold are left out."""
    articles, actors = tables.articles, tables.actors
    facts: list[tuple[str, object]] = [
        ("articles analysed", len(articles)),
        ("articles failed", len(tables.failures)),
        ("partitions", tables.manifest.get("partitions")),
    ]
    if has_values(articles, "words"):
        facts += [
            ("words", int(articles["words"].sum())),
            ("median words per article", float(articles["words"].median())),
        ]
    if has_values(articles, "source"):
        facts.append(("sources", int(articles["source"].nunique())))
    dates = pd.to_datetime(
        articles.get("date", pd.Series(dtype=str)), errors="coerce", format="mixed", utc=True
    ).dropna()
    if not dates.empty:
        facts += [
            ("first date", dates.min().date().isoformat()),
            ("last date", dates.max().date().isoformat()),
        ]
    if not actors.empty:
        facts += [
            ("distinct actors", int(actors["actor_id"].nunique())),
            ("actor mentions", int(actors["mentions"].fillna(0).sum())),
        ]
    return pd.DataFrame(facts, columns=["metric", "value"])


def actor_document_frequency(
    actors: pd.DataFrame, n_articles: int, top_n: int | None = None
) -> pd.DataFrame:
    """Per actor: in how many articles it appears (``articles``, ``share`` of all analysed
    articles), how often (``mentions`` and per kind), and the mean of its per-article tone
    (``mean_tone``, over the articles where the record gives one; ``tone_articles`` counts them).

    Sorted by articles, then mentions (descending); the first ``top_n`` rows if given.
    """
    columns = [
        "actor_id",
        "actor_name",
        "actor_type",
        "articles",
        "share",
        "mentions",
        "mentions_name",
        "mentions_nominal",
        "mentions_adjectival",
        "mentions_metonym",
        "mean_tone",
        "tone_articles",
        "discovered",
    ]
    if actors.empty:
        return pd.DataFrame(columns=columns)
    present = actors[actors["mentions"].fillna(0) > 0]
    grouped = present.groupby("actor_id", sort=False)
    table = grouped.agg(
        actor_name=("actor_name", "first"),
        actor_type=("actor_type", "first"),
        articles=("id", "nunique"),
        mentions=("mentions", "sum"),
        mentions_name=("mentions_name", "sum"),
        mentions_nominal=("mentions_nominal", "sum"),
        mentions_adjectival=("mentions_adjectival", "sum"),
        mentions_metonym=("mentions_metonym", "sum"),
        mean_tone=("tone", "mean"),
        tone_articles=("tone", "count"),
        discovered=("discovered", "all"),
    ).reset_index()
    table["share"] = table["articles"] / n_articles if n_articles else float("nan")
    table = table.sort_values(
        ["articles", "mentions", "actor_id"], ascending=[False, False, True], ignore_index=True
    )
    for column in (
        "articles",
        "mentions",
        "mentions_name",
        "mentions_nominal",
        "mentions_adjectival",
        "mentions_metonym",
        "tone_articles",
    ):
        table[column] = table[column].astype(int)
    table = table[columns]
    return table.head(positive_int("top_n", top_n)) if top_n is not None else table


def actor_cooccurrence(actors: pd.DataFrame, top_n: int = 15) -> pd.DataFrame:
    """Pairs of the ``top_n`` actors with the highest document frequency that appear in the same
    articles: ``actor_a``, ``actor_b`` (ids), their names, ``articles`` (both mentioned) and
    ``jaccard`` (see the module docstring). Sorted by articles, descending."""
    columns = ["actor_a", "actor_b", "name_a", "name_b", "articles", "jaccard"]
    frequency = actor_document_frequency(actors, 1, top_n=positive_int("top_n", top_n))
    if frequency.empty:
        return pd.DataFrame(columns=columns)
    top = frequency["actor_id"].tolist()
    rank = {actor: i for i, actor in enumerate(top)}
    names = dict(zip(frequency["actor_id"], frequency["actor_name"], strict=True))
    per_actor = dict(zip(frequency["actor_id"], frequency["articles"], strict=True))
    present = actors[actors["actor_id"].isin(rank) & (actors["mentions"].fillna(0) > 0)]
    counts: dict[tuple[str, str], int] = {}
    for _, group in present.groupby("id", sort=False)["actor_id"]:
        ordered = sorted(set(group), key=rank.__getitem__)
        for a, b in combinations(ordered, 2):
            counts[(a, b)] = counts.get((a, b), 0) + 1
    rows = [
        (a, b, names[a], names[b], n, n / (per_actor[a] + per_actor[b] - n))
        for (a, b), n in counts.items()
    ]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(
        ["articles", "jaccard", "actor_a", "actor_b"],
        ascending=[False, False, True, True],
        ignore_index=True,
    )


def cooccurrence_matrix(pairs: pd.DataFrame, frequency: pd.DataFrame) -> pd.DataFrame:
    """Square table of co-occurring articles between the actors of ``frequency`` (rows and
    columns in its order, labelled by name); the diagonal holds each actor's own articles."""
    order = frequency["actor_id"].tolist()
    matrix = pd.DataFrame(0, index=order, columns=order, dtype=int)
    for actor, n in zip(frequency["actor_id"], frequency["articles"], strict=True):
        matrix.loc[actor, actor] = int(n)
    for row in pairs.itertuples(index=False):
        if row.actor_a in matrix.index and row.actor_b in matrix.index:
            matrix.loc[row.actor_a, row.actor_b] = matrix.loc[row.actor_b, row.actor_a] = int(
                row.articles
            )
    names = dict(zip(frequency["actor_id"], frequency["actor_name"], strict=True))
    matrix.index = [names[a] for a in order]
    matrix.columns = [names[a] for a in order]
    return matrix


def date_period(dates: pd.Series, freq: str | None = None) -> tuple[pd.Series, str]:
    """Dates (strings) as period labels, and the period used: ``freq`` ``D``/``W``/``M``/``Y``,
    or chosen from the span: days up to 62 days, weeks (starting Monday) up to a year, else
    months. A period is labelled by its first day; unparseable dates give NA."""
    parsed = pd.to_datetime(dates, errors="coerce", utc=True, format="mixed").dt.tz_localize(None)
    if freq is None:
        span = (parsed.max() - parsed.min()) if parsed.notna().any() else pd.Timedelta(0)
        freq = (
            "D" if span <= pd.Timedelta(days=62) else "W" if span <= pd.Timedelta(days=366) else "M"
        )
    if freq not in ("D", "W", "M", "Y"):
        raise ParameterError(f"unknown period {freq!r}; use D, W, M or Y")
    # A period is labelled by its first day: 2024-06-17 (week), 2024-06 (month), 2024 (year).
    fmt = {"D": "%Y-%m-%d", "W": "%Y-%m-%d", "M": "%Y-%m", "Y": "%Y"}[freq]
    labels = parsed.dt.to_period(freq).dt.start_time.dt.strftime(fmt).where(parsed.notna())
    return labels, freq


def group_labels(articles: pd.DataFrame, group_by: str) -> pd.Series:
    """The group of each article: the ``group_by`` column's value (``date`` as a period), or
    :data:`MISSING_GROUP` where it is empty.

    Raises:
        ParameterError: the articles table has no such column.
    """
    if group_by not in articles.columns:
        raise ParameterError(
            f"cannot group by {group_by!r}: the articles table has no such "
            f"column; try source, date, or one of {', '.join(articles.columns)}"
        )
    if group_by == "date":
        labels, _ = date_period(articles["date"])
    else:
        labels = articles[group_by].astype("string")
    return labels.fillna(MISSING_GROUP).replace("", MISSING_GROUP).rename(group_by)


def tone_by_group(
    articles: pd.DataFrame, group_by: str, column: str = "sentiment_mean_compound"
) -> pd.DataFrame:
    """Per group: ``articles``, and ``mean``, ``median``, ``q25``, ``q75``, ``std`` of the
    article tone ``column`` (articles without a tone value are left out). Sorted by group."""
    columns = [group_by, "articles", "mean", "median", "q25", "q75", "std"]
    if not has_values(articles, column):
        return pd.DataFrame(columns=columns)
    labels = group_labels(articles, group_by)
    values = articles[column].astype(float)
    keep = values.notna()
    grouped = values[keep].groupby(labels[keep])
    table = (
        pd.DataFrame(
            {
                "articles": grouped.size(),
                "mean": grouped.mean(),
                "median": grouped.median(),
                "q25": grouped.quantile(0.25),
                "q75": grouped.quantile(0.75),
                "std": grouped.std(),
            }
        )
        .rename_axis(group_by)
        .reset_index()
    )
    return table[columns]


def tone_over_time(
    articles: pd.DataFrame, column: str = "sentiment_mean_compound", freq: str | None = None
) -> pd.DataFrame:
    """Per date period (see :func:`date_period`): ``articles`` and the ``mean`` and
    ``median`` article tone; empty without parseable dates or tone values."""
    columns = ["period", "articles", "mean", "median"]
    if not has_values(articles, column) or not has_values(articles, "date"):
        return pd.DataFrame(columns=columns)
    labels, _ = date_period(articles["date"], freq)
    values = articles[column].astype(float)
    keep = values.notna() & labels.notna()
    if not keep.any():
        return pd.DataFrame(columns=columns)
    grouped = values[keep].groupby(labels[keep])
    return (
        pd.DataFrame(
            {"articles": grouped.size(), "mean": grouped.mean(), "median": grouped.median()}
        )
        .rename_axis("period")
        .reset_index()
    )


def describe(articles: pd.DataFrame, columns: Sequence[str] = READABILITY_COLUMNS) -> pd.DataFrame:
    """Distribution of each column that holds values: ``count``, ``mean``, ``std``, ``min``,
    ``q25``, ``median``, ``q75``, ``max`` (one row per column, ``metric`` names it)."""
    rows = []
    for column in columns:
        if has_values(articles, column):
            values = articles[column].astype(float).dropna()
            rows.append(
                {
                    "metric": column,
                    "count": len(values),
                    "mean": values.mean(),
                    "std": values.std(),
                    "min": values.min(),
                    "q25": values.quantile(0.25),
                    "median": values.median(),
                    "q75": values.quantile(0.75),
                    "max": values.max(),
                }
            )
    return pd.DataFrame(
        rows, columns=["metric", "count", "mean", "std", "min", "q25", "median", "q75", "max"]
    )


def robust_z(values: pd.Series) -> pd.Series | None:
    """0.6745 (x - median) / MAD; ``None`` when MAD is 0 or there are fewer than 3 values."""
    values = values.astype(float)
    known = values.dropna()
    if len(known) < 3:
        return None
    median = known.median()
    mad = (known - median).abs().median()
    if mad == 0:
        return None
    return 0.6745 * (values - median) / mad


def outlier_articles(
    articles: pd.DataFrame, columns: Sequence[str] = OUTLIER_COLUMNS, top_n: int = 10
) -> pd.DataFrame:
    """The ``top_n`` (article, metric) pairs furthest from the corpus median in robust z-score,
    over the metrics of ``columns`` that the corpus holds: ``input_id``, ``id``, ``title``,
    ``source``, ``metric``, ``value``, ``median``, ``robust_z``, ``outlier`` (|z| > 3.5)."""
    positive_int("top_n", top_n)
    keep = ["input_id", "id", "title", "source"]
    frames = []
    for column in columns:
        if not has_values(articles, column):
            continue
        z = robust_z(articles[column])
        if z is None:
            continue
        frame = articles[keep].copy()
        frame["metric"] = column
        frame["value"] = articles[column].astype(float)
        frame["median"] = articles[column].astype(float).median()
        frame["robust_z"] = z
        frames.append(frame.dropna(subset=["robust_z"]))
    result_columns = [*keep, "metric", "value", "median", "robust_z", "outlier"]
    if not frames:
        return pd.DataFrame(columns=result_columns)
    table = pd.concat(frames, ignore_index=True)
    table["outlier"] = table["robust_z"].abs() > OUTLIER_Z
    order = table["robust_z"].abs().sort_values(ascending=False, kind="stable").index
    return table.loc[order, result_columns].head(top_n).reset_index(drop=True)
