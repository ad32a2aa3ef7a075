"""The speech-verb lexicon of quote attribution, from ``resources/speech_cues.yaml``.

Every inflected form of every verb is a cue: the forms a verb lists, else the regular ones made
here (third person ``-s``/``-es``/``-ies``, past ``-ed``/``-d``/``-ied`` with a doubled final
consonant where the yaml says so by listing the forms, present participle ``-ing``). Each
form knows its lemma, its tense (``base``, ``s``, ``past``, ``ing``) and the verb's flags (see
the yaml for their meaning).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..paths import RESOURCES_DIR
from .cues import read_packaged_yaml

SPEECH_CUES_FILE = RESOURCES_DIR / "speech_cues.yaml"
GENDERS_FILE = RESOURCES_DIR / "given_name_genders.tsv"

FLAGS = frozenset(
    {
        "bare",
        "addressee",
        "question",
        "naming",
        "infinitive",
        "quote_only",
        "coordinate",
        "noun_too",
    }
)


@dataclass(frozen=True)
class VerbForm:
    """One written form of a speech verb."""

    form: str
    lemma: str
    tense: str
    flags: frozenset[str]

    def has(self, flag: str) -> bool:
        """Whether the verb carries ``flag``."""
        return flag in self.flags


@dataclass(frozen=True)
class SpeechCues:
    """The lexicon: verb forms by lower-case form, and the word lists of the yaml."""

    verbs: dict[str, VerbForm]
    catenatives: frozenset[str]
    document_nouns: frozenset[str]
    generic_speakers: frozenset[str]
    non_speakers: frozenset[str]
    organisation_heads: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]


def regular_forms(lemma: str) -> dict[str, str]:
    """Tense -> form for a regular verb: ``s``, ``past``, ``ing`` (and ``base``)."""
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return {"base": lemma, "s": third, "past": past, "ing": ing}


def _tense_of(form: str, lemma: str) -> str:
    if form == lemma:
        return "base"
    if form.endswith("ing"):
        return "ing"
    if form.endswith("s") and not form.endswith("ss"):
        return "s"
    return "past"


@lru_cache(maxsize=1)
def load_speech_cues() -> SpeechCues:
    """The packaged lexicon (cached)."""
    data = read_packaged_yaml(SPEECH_CUES_FILE)
    verbs: dict[str, VerbForm] = {}
    for lemma, spec in data["verbs"].items():
        flags = frozenset(spec.get("flags") or ())
        unknown = flags - FLAGS
        if unknown:
            raise ValueError(f"{SPEECH_CUES_FILE}: unknown flags {sorted(unknown)} for {lemma}")
        forms = (
            {"base": lemma, **{_tense_of(f, lemma): f for f in spec["forms"]}}
            if spec.get("forms")
            else regular_forms(lemma)
        )
        for tense, form in forms.items():
            verbs.setdefault(form, VerbForm(form, lemma, tense, flags))
        for form in spec.get("forms") or ():
            verbs.setdefault(form, VerbForm(form, lemma, _tense_of(form, lemma), flags))
    return SpeechCues(
        verbs=verbs,
        catenatives=frozenset(data["catenatives"]),
        document_nouns=frozenset(data["document_nouns"]),
        generic_speakers=frozenset(data["generic_speakers"]),
        non_speakers=frozenset(data["non_speakers"]),
        organisation_heads=frozenset(data["organisation_heads"]),
        female_words=frozenset(data["female_words"]),
        male_words=frozenset(data["male_words"]),
    )


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given name -> ``f`` or ``m`` for names nearly always of one gender (1990 U.S. Census;
    ``scripts/build_given_name_genders.py``)."""
    out = {}
    for line in GENDERS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            out[name.lower()] = gender
    return out
