"""Tidy CSV tables built from a result record (what a colleague opens in a spreadsheet)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def _flatten(prefix: str, value: Any, into: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{prefix}_{key}" if prefix else key, inner, into)
    elif not isinstance(value, list):
        into[prefix] = value


def record_tables(record: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Tables of a record, by name: ``summary`` (one row of every scalar: stats, tone, zone
    counts), and where the record has them ``sentences``, ``actors``, ``actor_mentions``,
    ``quotes``. Nested fields become ``parent_child`` columns."""
    summary: dict[str, Any] = {}
    for section in ("article", "stats", "sentiment"):
        if section in record:
            _flatten(section, record[section], summary)
    tables = {"summary": pd.DataFrame([summary])}
    sentences = record.get("sentiment", {}).get("sentences")
    if sentences:
        tables["sentences"] = pd.DataFrame(sentences)
    if record.get("actors"):
        rows = []
        for actor in record["actors"]:
            row: dict[str, Any] = {}
            _flatten("", actor, row)
            rows.append(row)
        tables["actors"] = pd.DataFrame(rows)
    for name in ("actor_mentions", "quotes"):
        if record.get(name):
            tables[name] = pd.DataFrame(record[name])
    return tables
