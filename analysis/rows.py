"""The result record as tidy rows: one column vocabulary for report CSVs and corpus Parquet.

A record field has one column name wherever it is tabled: ``words`` (``stats.words``),
``readability_flesch_reading_ease``, ``sentiment_mean_compound``, ``gdelt_tone_tone``,
``actor_id``/``actor_name``/``actor_type``… Every row carries ``id``, the article id. A path the
record does not have (a section not computed, an empty list) gives ``None``; nothing is
estimated or filled in. Column kinds are Arrow type names (``string``, ``int64``, ``float64``,
``bool``) so the corpus can build fixed Parquet schemas from them. The contract of the fields
themselves is ``docs/record.md``.

Tables and their rows:

* ``articles``: one row per article (:data:`ARTICLE_COLUMNS`);
* ``actors``: one row per entry of ``record["actors"]`` (:data:`ACTOR_COLUMNS`);
* ``sentences``: one row per scored sentence of ``record["sentiment"]["sentences"]``;
* ``actor_mentions`` and ``quotes``: one row per entry of those record lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .actors.mention import MENTION_KINDS
from .sentiment.general_inquirer import TONE_FIELDS
from .sentiment.scores import SENTENCE_COLUMNS as SCORE_COLUMNS
from .sentiment.scores import SENTENCE_DTYPES
from .stats.readability_indices import INDICES as READABILITY_INDICES

#: Zone counts of ``record["article"]["zones"]``.
ZONE_COUNTS = (
    "title",
    "headings",
    "image_titles",
    "captions",
    "body_paragraphs",
    "boilerplate_lines",
)

#: ``articles`` columns filled from the record: column -> (path in the record, kind).
ARTICLE_FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "id": (("article", "id"), "string"),
    "title": (("article", "title"), "string"),
    "sha256": (("article", "sha256"), "string"),
    "language": (("article", "language"), "string"),
    "extraction": (("article", "extraction"), "string"),
    **{f"zones_{name}": (("article", "zones", name), "int64") for name in ZONE_COUNTS},
    "words": (("stats", "words"), "int64"),
    "sentences": (("stats", "sentences"), "int64"),
    "paragraphs": (("stats", "paragraphs"), "int64"),
    **{
        f"readability_{name}": (("stats", "readability", name), "float64")
        for name in READABILITY_INDICES
    },
    **{
        f"lexical_diversity_{name}": (("stats", "lexical_diversity", name), "float64")
        for name in ("ttr", "mattr", "mtld")
    },
    **{
        f"sentiment_{name}": (("sentiment", "article", name), "float64")
        for name in (
            "mean_compound",
            "positive_share",
            "negative_share",
            "neutral_share",
            "raw_mean_compound",
        )
    },
    **{
        f"news_tone_{name}": (("sentiment", "news_tone", name), "float64")
        for name in ("mean", "positive_share", "negative_share", "neutral_share")
    },
    **{
        f"gdelt_tone_{name}": (("sentiment", "gdelt_tone", name), "float64") for name in TONE_FIELDS
    },
}

#: ``articles`` columns counting the record's lists (``None`` when the list is absent).
COUNT_FIELDS: dict[str, tuple[str, ...]] = {
    "n_actors": ("actors",),
    "n_actor_mentions": ("actor_mentions",),
    "n_quotes": ("quotes",),
}

ARTICLE_COLUMNS: dict[str, str] = {
    **{name: kind for name, (_, kind) in ARTICLE_FIELDS.items()},
    "warnings": "string",  # reading warning codes, "; "-separated ("" when there are none)
    **dict.fromkeys(COUNT_FIELDS, "int64"),
}

ACTOR_COLUMNS: dict[str, str] = {
    "id": "string",
    "actor_id": "string",
    "actor_name": "string",
    "actor_type": "string",
    **{f"mentions_{kind}": "int64" for kind in MENTION_KINDS},
    "mentions": "int64",  # sum of the per-kind counts present in the record
    "tone": "float64",
    "tone_sentences": "int64",
    "discovered": "bool",
}

SENTENCE_COLUMNS: dict[str, str] = {
    "id": "string",
    **{name: SENTENCE_DTYPES.get(name, "string") for name in SCORE_COLUMNS},
}

MENTION_COLUMNS: dict[str, str] = {
    "id": "string",
    "actor_id": "string",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "kind": "string",
}

QUOTE_COLUMNS: dict[str, str] = {
    "id": "string",
    "speaker": "string",
    "speaker_actor": "string",
    "speaker_name": "string",
    "speaker_text": "string",
    "speaker_type": "string",
    "speaker_affiliation": "string",
    "resolution": "string",
    "mode": "string",
    "text": "string",
    "verb": "string",
    "sentence": "int64",
    "start": "int64",
    "end": "int64",
}


def get_path(record: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """The value at ``path`` in nested mappings, or ``None`` if any step is missing."""
    value: Any = record
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def as_kind(value: Any, kind: str) -> Any:
    """``value`` as the column's kind; ``None`` for missing, non-numeric or NaN numbers."""
    if value is None:
        return None
    if kind == "string":
        return str(value)
    if kind == "bool":
        return bool(value)
    if isinstance(value, bool):
        return None
    try:
        if kind == "int64":
            return int(value)
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def warning_codes(record: Mapping[str, Any]) -> str | None:
    """The codes of ``record["article"]["warnings"]`` joined by ``"; "`` (``""`` for none,
    ``None`` when the record has no warnings list); the messages stay in the record."""
    warnings = get_path(record, ("article", "warnings"))
    if not isinstance(warnings, list):
        return None
    return "; ".join(str(w.get("code")) for w in warnings if isinstance(w, Mapping))


def article_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's ``articles`` row (:data:`ARTICLE_COLUMNS`)."""
    row = {
        name: as_kind(get_path(record, path), kind) for name, (path, kind) in ARTICLE_FIELDS.items()
    }
    row["warnings"] = warning_codes(record)
    for name, path in COUNT_FIELDS.items():
        value = get_path(record, path)
        row[name] = len(value) if isinstance(value, list) else None
    return row


def _list_rows(
    record: Mapping[str, Any],
    path: tuple[str, ...],
    columns: Mapping[str, str],
    rename: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One row per mapping in the record's list at ``path``; ``rename``: column -> record key."""
    article_id = as_kind(get_path(record, ("article", "id")), "string")
    rename = rename or {}
    rows = []
    for entry in get_path(record, path) or []:
        if not isinstance(entry, Mapping):
            continue
        row = {"id": article_id}
        for column, kind in columns.items():
            if column != "id":
                row[column] = as_kind(entry.get(rename.get(column, column)), kind)
        rows.append(row)
    return rows


def actor_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``actors`` rows (:data:`ACTOR_COLUMNS`); ``mentions`` sums the kinds the record gives."""
    rows = _list_rows(
        record,
        ("actors",),
        {c: k for c, k in ACTOR_COLUMNS.items() if not c.startswith("mentions")},
        {"actor_id": "id", "actor_name": "name", "actor_type": "type"},
    )
    for row, actor in zip(
        rows, [a for a in record.get("actors") or [] if isinstance(a, Mapping)], strict=True
    ):
        mentions = actor.get("mentions") if isinstance(actor.get("mentions"), Mapping) else {}
        counts = {kind: as_kind(mentions.get(kind), "int64") for kind in MENTION_KINDS}
        present = [c for c in counts.values() if c is not None]
        row.update({f"mentions_{kind}": count for kind, count in counts.items()})
        row["mentions"] = sum(present) if present else None
    return [{column: row.get(column) for column in ACTOR_COLUMNS} for row in rows]


def sentence_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``sentences`` rows (:data:`SENTENCE_COLUMNS`) from the record's sentiment section."""
    return _list_rows(record, ("sentiment", "sentences"), SENTENCE_COLUMNS)


def mention_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``actor_mentions`` rows (:data:`MENTION_COLUMNS`)."""
    return _list_rows(record, ("actor_mentions",), MENTION_COLUMNS, {"actor_id": "actor"})


def quote_rows(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """``quotes`` rows (:data:`QUOTE_COLUMNS`)."""
    return _list_rows(record, ("quotes",), QUOTE_COLUMNS)
