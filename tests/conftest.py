"""Shared fixtures: the seed article and small texts used across test modules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.article import Article, load_article

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
