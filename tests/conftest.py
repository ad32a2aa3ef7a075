"""Shared fixtures: the seed article and small texts used across test modules."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from analysis.article import Article, load_article
from analysis.record import SCHEMA_FILE

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "putin_north_korea_2024.txt"
SEED_SHA256 = "73ec1a7f57785ebfbd8ba97b9c7cf461ad8a2bb015c9edaee85f779e4873d82d"
#: A short German news article (headline, then three paragraphs): refused by the analyses
#: unless ``allow_language`` / ``--allow-language``.
GERMAN = (
    "Scholz reist zu Gesprächen nach Paris\n\n"
    "Bundeskanzler Olaf Scholz ist am Dienstag zu einem zweitägigen Besuch in Paris "
    "eingetroffen. Im Mittelpunkt der Gespräche mit Präsident Emmanuel Macron stehen die "
    "Energiepolitik und die Unterstützung für die Ukraine.\n\n"
    "Nach Angaben der Bundesregierung wollen beide Länder ihre Zusammenarbeit bei der Rüstung "
    "vertiefen. Kritiker werfen der Regierung jedoch vor, die Kosten der Projekte zu "
    "unterschätzen.\n\n"
    "Die Opposition im Bundestag forderte eine Debatte über die Pläne noch vor der "
    "Sommerpause. Ein Sprecher des Finanzministeriums sagte, der Haushalt werde dadurch nicht "
    "zusätzlich belastet.\n"
)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed() -> Article:
    return load_article(SEED)


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    """The seed article copied into a temporary folder (for tests that write beside it)."""
    target = tmp_path / SEED.name
    shutil.copyfile(SEED, target)
    return target


@cache
def _record_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def assert_valid_record(record: dict) -> None:
    """Fail with every way ``record`` breaks the JSON Schema of the record (docs/record.md)."""
    errors = [
        f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
        for e in _record_validator().iter_errors(record)
    ]
    assert not errors, "record breaks its schema:\n" + "\n".join(errors[:20])
