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
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
              for e in _record_validator().iter_errors(record)]
    assert not errors, "record breaks its schema:\n" + "\n".join(errors[:20])
