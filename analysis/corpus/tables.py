"""The corpus tables: record rows (:mod:`analysis.rows`) with the input's metadata, in fixed
Arrow schemas, so every partition's Parquet file has the same columns whatever it holds.

Tables and their rows:

* ``articles``: one row per analysed article (metadata from the input, then the record's
  :data:`analysis.rows.ARTICLE_COLUMNS`);
* ``actors``: one row per article × actor (:data:`analysis.rows.ACTOR_COLUMNS` + ``input_id``);
* ``sentences``: one row per scored sentence (``--sentences``);
* ``failures``: one row per article (or unreadable partition) that could not be analysed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from .. import rows

#: Columns of ``articles`` that come from the input rather than the record.
INPUT_COLUMNS: dict[str, str] = {
    "input_id": "string",  # the id as given (id column, else "<file>:<row>"; the path for files)
    "source": "string",  # publisher/outlet from the source column (None for article files)
    "date": "string",  # as given in the date column (ISO 8601 recommended)
    "url": "string",
    "origin": "string",  # where it was read: file path, or "<table file>:<row>"
    "partition": "int64",
}

FAILURE_COLUMNS: dict[str, str] = {
    "input_id": "string",
    "origin": "string",
    "partition": "int64",
    "stage": "string",
    "error_type": "string",
    "message": "string",
}


def _schema(columns: Mapping[str, str]) -> pa.Schema:
    return pa.schema([pa.field(name, pa.type_for_alias(kind)) for name, kind in columns.items()])


def _with_input_id(columns: Mapping[str, str]) -> dict[str, str]:
    return {
        "id": columns["id"],
        "input_id": "string",
        **{name: kind for name, kind in columns.items() if name != "id"},
    }


ARTICLES_SCHEMA = _schema({**INPUT_COLUMNS, **rows.ARTICLE_COLUMNS})
ACTORS_SCHEMA = _schema(_with_input_id(rows.ACTOR_COLUMNS))
SENTENCES_SCHEMA = _schema(_with_input_id(rows.SENTENCE_COLUMNS))
FAILURES_SCHEMA = _schema(FAILURE_COLUMNS)

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES_SCHEMA,
    "actors": ACTORS_SCHEMA,
    "sentences": SENTENCES_SCHEMA,
    "failures": FAILURES_SCHEMA,
}


def article_row(record: Mapping[str, Any], meta: Mapping[str, Any]) -> dict[str, Any]:
    """One ``articles`` row: ``meta`` (the :data:`INPUT_COLUMNS`) and the record's fields."""
    return {**{name: meta.get(name) for name in INPUT_COLUMNS}, **rows.article_row(record)}


def actor_rows(record: Mapping[str, Any], input_id: str | None) -> list[dict[str, Any]]:
    """``actors`` rows: one per entry of ``record["actors"]`` (none if the section is absent)."""
    return [{"id": None, "input_id": input_id} | row for row in rows.actor_rows(record)]


def sentence_rows(record: Mapping[str, Any], input_id: str | None) -> list[dict[str, Any]]:
    """``sentences`` rows from ``record["sentiment"]["sentences"]`` (none if absent)."""
    return [{"id": None, "input_id": input_id} | row for row in rows.sentence_rows(record)]


def failure_row(
    error: BaseException, *, input_id: str | None, origin: str | None, partition: int, stage: str
) -> dict[str, Any]:
    """A ``failures`` row: which article, where it was read, at which stage, and the error."""
    return {
        "input_id": input_id,
        "origin": origin,
        "partition": partition,
        "stage": stage,
        "error_type": type(error).__name__,
        "message": str(error) or repr(error),
    }


def to_table(table_rows: list[dict[str, Any]], name: str) -> pa.Table:
    """Rows as an Arrow table with the fixed schema of table ``name`` (also when empty)."""
    return pa.Table.from_pylist(table_rows, schema=SCHEMAS[name])
