"""Flatten result records (contract in DESIGN.md) into the rows of the corpus tables.

Each corpus table has a fixed column list and Arrow type, so every partition's Parquet file has
the same schema whatever its articles hold. A column is filled from one path in the record; a
path the record does not have (a section not yet computed, an empty list) gives a null, which
pandas reads as NaN/None. Nothing is estimated or filled in.

Tables and their rows:

* ``articles``: one row per analysed article (metadata from the input, then record fields);
* ``actors``: one row per article × actor of ``record["actors"]``;
* ``sentences``: one row per scored sentence of ``record["sentiment"]["sentences"]``;
* ``failures``: one row per article (or unreadable partition) that could not be analysed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyarrow as pa

from ..actors.mention import MENTION_KINDS

_STR, _INT, _FLOAT, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()

#: Columns of ``articles`` that come from the input rather than the record.
INPUT_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("input_id", _STR),    # the id as given (id column, else "<file>:<row>"; the path for files)
    ("source", _STR),      # publisher/outlet from the source column (None for article files)
    ("date", _STR),        # as given in the date column (ISO 8601 recommended)
    ("url", _STR),
    ("origin", _STR),      # where it was read: file path, or "<table file>:<row>"
    ("partition", _INT),
)

#: ``articles`` columns filled from the record: column -> (path in the record, type).
ARTICLE_FIELDS: dict[str, tuple[tuple[str, ...], pa.DataType]] = {
    "id": (("article", "id"), _STR),
    "title": (("article", "title"), _STR),
    "sha256": (("article", "sha256"), _STR),
    **{f"zones_{name}": (("article", "zones", name), _INT)
       for name in ("title", "headings", "image_titles", "captions", "body_paragraphs",
                    "boilerplate_lines")},
    "words": (("stats", "words"), _INT),
    "sentences": (("stats", "sentences"), _INT),
    "paragraphs": (("stats", "paragraphs"), _INT),
    **{f"readability_{name}": (("stats", "readability", name), _FLOAT)
       for name in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                    "coleman_liau_index", "automated_readability_index")},
    **{f"lexical_diversity_{name}": (("stats", "lexical_diversity", name), _FLOAT)
       for name in ("ttr", "mattr", "mtld")},
    **{f"sentiment_{name}": (("sentiment", "article", name), _FLOAT)
       for name in ("mean_compound", "positive_share", "negative_share", "neutral_share")},
    **{f"gdelt_tone_{name}": (("sentiment", "gdelt_tone", name), _FLOAT)
       for name in ("tone", "positive", "negative", "polarity", "activity_density",
                    "self_group_density", "word_count")},
}

#: ``articles`` columns counting the record's lists (null when the list is absent).
COUNT_FIELDS: dict[str, tuple[str, ...]] = {
    "n_actors": ("actors",),
    "n_actor_mentions": ("actor_mentions",),
    "n_quotes": ("quotes",),
}

ARTICLES_SCHEMA = pa.schema(
    [pa.field(name, kind) for name, kind in INPUT_COLUMNS]
    + [pa.field(name, kind) for name, (_, kind) in ARTICLE_FIELDS.items()]
    + [pa.field(name, _INT) for name in COUNT_FIELDS]
)

ACTORS_SCHEMA = pa.schema([
    ("id", _STR), ("input_id", _STR), ("actor_id", _STR), ("actor_name", _STR),
    ("actor_type", _STR),
    *[(f"mentions_{kind}", _INT) for kind in MENTION_KINDS],
    ("mentions", _INT),    # sum of the four kinds present in the record
    ("tone", _FLOAT), ("discovered", _BOOL),
])

SENTENCES_SCHEMA = pa.schema([
    ("id", _STR), ("input_id", _STR), ("index", _INT), ("text", _STR), ("start", _INT),
    ("end", _INT), ("compound", _FLOAT), ("pos", _FLOAT), ("neu", _FLOAT), ("neg", _FLOAT),
])

FAILURES_SCHEMA = pa.schema([
    ("input_id", _STR), ("origin", _STR), ("partition", _INT), ("stage", _STR),
    ("error_type", _STR), ("message", _STR),
])

SCHEMAS: dict[str, pa.Schema] = {"articles": ARTICLES_SCHEMA, "actors": ACTORS_SCHEMA,
                                 "sentences": SENTENCES_SCHEMA, "failures": FAILURES_SCHEMA}


def get_path(record: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """The value at ``path`` in nested mappings, or ``None`` if any step is missing."""
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _number(value: Any, kind: pa.DataType) -> Any:
    """``value`` as the column's type; ``None`` for missing, non-numeric or NaN values."""
    if value is None or isinstance(value, bool) and kind != _BOOL:
        return None
    try:
        if kind == _INT:
            return int(value)
        if kind == _FLOAT:
            number = float(value)
            return None if number != number else number
    except (TypeError, ValueError):
        return None
    return value


def article_row(record: Mapping[str, Any], meta: Mapping[str, Any]) -> dict[str, Any]:
    """One ``articles`` row: ``meta`` (the :data:`INPUT_COLUMNS`) and the record's fields."""
    row: dict[str, Any] = {name: meta.get(name) for name, _ in INPUT_COLUMNS}
    for name, (path, kind) in ARTICLE_FIELDS.items():
        value = get_path(record, path)
        row[name] = (None if value is None else str(value)) if kind == _STR \
            else _number(value, kind)
    for name, path in COUNT_FIELDS.items():
        value = get_path(record, path)
        row[name] = len(value) if isinstance(value, list) else None
    return row


def actor_rows(record: Mapping[str, Any], input_id: str | None) -> list[dict[str, Any]]:
    """``actors`` rows: one per entry of ``record["actors"]`` (none if the section is absent).

    ``mentions`` is the sum of the per-kind counts the record gives (null if it gives none).
    """
    rows = []
    article_id = get_path(record, ("article", "id"))
    for actor in record.get("actors") or []:
        mentions = actor.get("mentions") if isinstance(actor.get("mentions"), Mapping) else {}
        counts = {kind: _number(mentions.get(kind), _INT) for kind in MENTION_KINDS}
        present = [c for c in counts.values() if c is not None]
        discovered = actor.get("discovered")
        rows.append({
            "id": article_id, "input_id": input_id,
            "actor_id": None if actor.get("id") is None else str(actor["id"]),
            "actor_name": actor.get("name"), "actor_type": actor.get("type"),
            **{f"mentions_{kind}": count for kind, count in counts.items()},
            "mentions": sum(present) if present else None,
            "tone": _number(actor.get("tone"), _FLOAT),
            "discovered": None if discovered is None else bool(discovered),
        })
    return rows


def sentence_rows(record: Mapping[str, Any], input_id: str | None) -> list[dict[str, Any]]:
    """``sentences`` rows from ``record["sentiment"]["sentences"]`` (none if absent)."""
    article_id = get_path(record, ("article", "id"))
    rows = []
    for sentence in get_path(record, ("sentiment", "sentences")) or []:
        row = {"id": article_id, "input_id": input_id, "text": sentence.get("text")}
        for name in ("index", "start", "end"):
            row[name] = _number(sentence.get(name), _INT)
        for name in ("compound", "pos", "neu", "neg"):
            row[name] = _number(sentence.get(name), _FLOAT)
        rows.append(row)
    return rows


def failure_row(error: BaseException, *, input_id: str | None, origin: str | None,
                partition: int, stage: str) -> dict[str, Any]:
    """A ``failures`` row: which article, where it was read, at which stage, and the error."""
    return {"input_id": input_id, "origin": origin, "partition": partition, "stage": stage,
            "error_type": type(error).__name__, "message": str(error) or repr(error)}


def to_table(rows: list[dict[str, Any]], name: str) -> pa.Table:
    """Rows as an Arrow table with the fixed schema of table ``name`` (also when empty)."""
    schema = SCHEMAS[name]
    return pa.Table.from_pylist(rows, schema=schema)
