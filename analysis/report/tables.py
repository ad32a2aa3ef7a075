"""Tidy CSV tables built from a result record (what a colleague opens in a spreadsheet), with
the same column names as the corpus tables (:mod:`analysis.rows`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import rows

_LISTS = {
    "sentences": (rows.sentence_rows, rows.SENTENCE_COLUMNS),
    "actors": (rows.actor_rows, rows.ACTOR_COLUMNS),
    "actor_mentions": (rows.mention_rows, rows.MENTION_COLUMNS),
    "quotes": (rows.quote_rows, rows.QUOTE_COLUMNS),
}


def record_tables(record: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Tables of a record, by name: ``summary`` (its ``articles`` row: ids, zone counts, stats,
    tone) and, where the record has entries, ``sentences``, ``actors``, ``actor_mentions`` and
    ``quotes``."""
    tables = {
        "summary": pd.DataFrame([rows.article_row(record)], columns=list(rows.ARTICLE_COLUMNS))
    }
    for name, (make_rows, columns) in _LISTS.items():
        table_rows = make_rows(record)
        if table_rows:
            tables[name] = pd.DataFrame(table_rows, columns=list(columns))
    return tables
