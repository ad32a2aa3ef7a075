"""Cue words for actor detection, loaded once from ``resources/actor_cues.yaml`` and
``resources/given_names.txt`` (see those files for meaning and provenance), and the English
word lists linking uses (``stopwords_en.txt``, ``dale_chall_words.txt``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..paths import RESOURCES_DIR

CUES_FILE = RESOURCES_DIR / "actor_cues.yaml"
GIVEN_NAMES_FILE = RESOURCES_DIR / "given_names.txt"


@dataclass(frozen=True)
class Cues:
    """The cue lists; phrase lists are kept as written, word lists as frozensets."""

    person_titles: tuple[str, ...]
    role_nouns: frozenset[str]
    org_suffixes: frozenset[str]
    org_prefixes: frozenset[str]
    org_nouns: frozenset[str]
    news_agencies: frozenset[str]
    place_suffixes: frozenset[str]
    place_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    motion_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    speaker_nouns: frozenset[str]
    not_names: frozenset[str]
    given_names: frozenset[str]
    ambiguous_acronyms: frozenset[str] = frozenset()
    sentence_openers: frozenset[str] = frozenset()


def read_packaged_yaml(path: Path) -> Any:
    """A packaged YAML resource, parsed with libyaml when PyYAML has it (about ten times faster
    than the pure-Python parser, which would add ~0.15 s to every run's start)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The packaged cue lists (cached)."""
    data = read_packaged_yaml(CUES_FILE)
    given = frozenset(
        line.strip()
        for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    # Longest titles first so "Deputy Prime Minister" wins over "Minister".
    titles = tuple(sorted(set(data["person_titles"]), key=lambda t: (-len(t), t)))
    return Cues(
        person_titles=titles,
        role_nouns=frozenset(data["role_nouns"]),
        org_suffixes=frozenset(data["org_suffixes"]),
        org_prefixes=frozenset(data["org_prefixes"]),
        org_nouns=frozenset(data["org_nouns"]),
        news_agencies=frozenset(data["news_agencies"]),
        place_suffixes=frozenset(data["place_suffixes"]),
        place_nouns=frozenset(data["place_nouns"]),
        locative_prepositions=frozenset(data["locative_prepositions"]),
        motion_verbs=frozenset(data["motion_verbs"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
        speaker_nouns=frozenset(data["speaker_nouns"]),
        not_names=frozenset(data["not_names"]),
        given_names=given,
        ambiguous_acronyms=frozenset(data.get("ambiguous_acronyms") or ()),
        sentence_openers=frozenset(data.get("sentence_openers") or ()),
    )


def _word_list(name: str) -> frozenset[str]:
    text = (RESOURCES_DIR / name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words (Snowball's list, lower case): they never open a name."""
    return _word_list("stopwords_en.txt")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Stop words and the Dale–Chall familiar words (lower case): an acronym that spells one of
    them in a line written in capitals may be the word ("US", "WHO")."""
    return stop_words() | _word_list("dale_chall_words.txt")
