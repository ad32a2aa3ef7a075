"""Actor mentions: where an article names, describes or stands for an actor.

A :class:`Mention` has offsets into :attr:`Article.text`, the canonical actor it refers to and a
*kind*:

``name``
    the actor is named: "Vladimir Putin", "Putin" in "Putin’s", "Russia", "U.N. Security
    Council"; a place actor named as a place ("arrived in Pyongyang") is a name mention of the
    place (``place:pyongyang``).
``nominal``
    an office title that points to one known office-holder in context: "the Russian
    president" → Putin. The span is the title alone ("president"); the demonym before it is an
    adjectival mention of the state in its own right.
``adjectival``
    a demonym: "Russian", "North Korean" (→ the state).
``metonym``
    a capital or seat of government standing for its state: "Moscow will continue to support
    Pyongyang" (both → states), "Washington and Seoul have alleged", "Hanoi’s decision".

Counting rules
--------------
* Dictionary forms are matched case-sensitively (curly and straight apostrophes are the same;
  in an all-capitals line the upper-cased forms are matched). Overlapping matches resolve
  longest first: "South Korea" is not "Korea", "U.N. Security Council" is one organisation,
  "North Korean" is an adjectival of North Korea, not "Korean".
* A possessive ("Putin’s", "Russia’s") is a mention of the base; the span stops before the
  apostrophe.
* Capital or seat vs place (principled rule): a form that is both a state's metonym and a place
  is the **place** when it follows a locative preposition ("in/at/to/from/near/… Pyongyang",
  also "in the Kremlin"), the noun of a place phrase ("the capital of Pyongyang", "the city of
  …"), or a verb of movement ("visit Hanoi"), when it opens a dateline ("LONDON (AP) —") or
  is "X-based"; otherwise — subject, object of any other verb,
  possessive, coordinated with a state, after "with" — it is a **metonym** of its state.
* A form read differently by several actors ("Korean", "Kim") goes to the reading whose actor
  the article mentions most through unambiguous forms; failing that, to the dictionary's
  preferred reading.
* Nominal: a dictionary title ("president", "foreign minister", case-insensitive) whose state
  is given by a demonym just before it ("the Russian president"), a possessive state before it
  ("Vietnam’s new president"), or "of (the) <state>" after it ("the President of the Russian
  Federation"); it is counted when exactly one office-holder of that state has the title, or
  exactly one of several is named in the article. A title directly followed by a name
  ("President Vladimir Putin", "president, To Lam") is not a nominal (the name is the mention);
  nor is a title with "former", "late", "then", "ex" or "outgoing" among the three words before.
* This module finds the dictionary's forms; :func:`analysis.actors.detect_mentions` fuses them
  with the trained name recogniser and links them with evidence (:mod:`.fusion`,
  :mod:`.linking`): a form the recogniser reads as another type, a surname without evidence
  or an ambiguous acronym without context may lose its reading, and names not in the
  dictionary are added (``discovered=True``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..text import Document, Sentence
from .cues import load_cues
from .dictionary import ActorDictionary
from .mention import Mention, SpanIndex


def normalise_apostrophes(text: str) -> str:
    """Curly apostrophes and Unicode hyphens made ASCII, keeping every offset."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-")


class SurfaceIndex:
    """Fast lookup of dictionary surface forms in a text, all matches at word starts.

    Forms are bucketed by their first word (the run of word characters they open with): a form
    that matches at a word start opens with that whole word, since the form goes on with a
    non-word character or ends at a word boundary (or with a full stop, after its first word).
    So each word of the text is one dictionary lookup, and only the forms that open with that
    very word are compared.
    """

    def __init__(self, forms: dict[str, list[tuple[str, str]]], *, upper: bool = False) -> None:
        self.readings: dict[str, list[tuple[str, str]]] = {}
        buckets: dict[str, list[str]] = defaultdict(list)
        for form, readings in forms.items():
            key_form = normalise_apostrophes(form.upper() if upper else form)
            first = _FIRST_WORD.match(key_form)
            if len(key_form) < 2 or first is None:
                continue  # a form that opens with no word character never matches a word start
            merged = self.readings.setdefault(key_form, [])
            merged.extend(r for r in readings if r not in merged)
            if key_form not in buckets[first.group()]:
                buckets[first.group()].append(key_form)
        self.buckets = {k: sorted(v, key=len, reverse=True) for k, v in buckets.items()}

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """All ``(start, end, form)`` matches in ``text`` (normalised), overlaps included."""
        text = normalise_apostrophes(text)
        found = []
        buckets = self.buckets
        for match in _WORD_START.finditer(text):
            forms = buckets.get(match.group())
            if forms is None:
                continue
            pos = match.start()
            for form in forms:
                end = pos + len(form)
                if text.startswith(form, pos) and (
                    end == len(text) or not _is_word_char(text[end]) or form.endswith(".")
                ):
                    found.append((pos, end, form))
        return found


# A word start and its whole word (the bucket key of :class:`SurfaceIndex`).
_WORD_START = re.compile(r"(?<![\w.])\w+")
_FIRST_WORD = re.compile(r"\w+")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@lru_cache(maxsize=8)
def _indexes(dictionary: ActorDictionary) -> tuple[SurfaceIndex, SurfaceIndex]:
    forms = dictionary.surface_forms()
    return SurfaceIndex(forms), SurfaceIndex(forms, upper=True)


_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def is_all_caps(text: str) -> bool:
    """True for a headline-style line written in capitals (at least 4 letters, 80 % upper)."""
    ascii_text = text.encode("ascii", "ignore")
    if (len(ascii_text) - len(ascii_text.translate(None, _ASCII_LOWER))) * 4 > len(text):
        return False  # a quarter of the line is in lower case: the common case, decided fast
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


@dataclass
class Candidate:
    """A dictionary form found in a sentence, with every ``(actor_id, kind)`` it can read as."""

    start: int
    end: int
    readings: list[tuple[str, str]]
    sentence: Sentence


def _select_longest(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (then leftmost)."""
    chosen: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _previous_words(text: str, start: int, n: int = 3) -> list[str]:
    """Up to ``n`` lower-cased words before ``start``, nearest first (punctuation skipped)."""
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 60) : start])
    return [w.lower() for w in reversed(before[-n:])]


# What follows the place of a wire dateline: "LONDON 1996-08-30", "MOSCOW (Reuters) -".
_DATELINE_AFTER = re.compile(r"\s*(?:\d{4}-\d\d-\d\d|\(|-|—)")


def place_context(text: str, start: int, end: int) -> bool:
    """True when the form at ``text[start:end]`` is used as a place (see the module rules)."""
    cues = load_cues()
    gap = text[max(0, start - 3) : start]
    if "(" in gap or ":" in gap:
        return False  # "(Image Credit: Kremlin)": a source, not a location
    words = _previous_words(text, start)
    if not words:
        # A dateline: "LONDON 1996-08-30" / "MOSCOW (Reuters) -".
        return bool(_DATELINE_AFTER.match(text, end))
    if re.match(r"-based\b", text[end : end + 6]):
        return True  # "a London-based consultancy"
    if words[0] == "the" and len(words) > 1:
        words = words[1:]
    if words[0] in cues.locative_prepositions or words[0] in cues.motion_verbs:
        return True
    return words[0] == "of" and len(words) > 1 and words[1] in cues.place_nouns


def resolve_readings(
    cand: Candidate, text: str, counts: Counter, dictionary: ActorDictionary
) -> tuple[str, str] | None:
    """Choose the (actor_id, kind) of one candidate; see the module docstring."""
    readings = cand.readings
    metonyms = [r for r in readings if r[1] == "metonym"]
    places = [r for r in readings if r[1] == "name" and dictionary.get(r[0]).type == "place"]
    if metonyms or places:
        if place_context(text, cand.start, cand.end):
            readings = places or metonyms
        else:
            readings = metonyms or readings
    if len(readings) > 1:
        best = max(counts.get(r[0], 0) for r in readings)
        if best > 0:
            readings = [r for r in readings if counts.get(r[0], 0) == best]
    return readings[0] if readings else None


def dictionary_candidates(doc: Document, dictionary: ActorDictionary) -> list[Candidate]:
    """Every dictionary form in the document's sentences, overlaps resolved longest first."""
    index, upper_index = _indexes(dictionary)
    found: list[Candidate] = []
    for sentence in doc.sentences:
        idx = upper_index if is_all_caps(sentence.text) else index
        cands = [
            Candidate(sentence.start + s, sentence.start + e, idx.readings[form], sentence)
            for s, e, form in idx.find(sentence.text)
        ]
        found.extend(_select_longest(cands))
    return found


def unambiguous_counts(cands: list[Candidate]) -> Counter:
    """Per actor id, the candidates that can only be that actor (they settle "Korean", "Kim")."""
    counts: Counter = Counter()
    for cand in cands:
        ids = {r[0] for r in cand.readings}
        if len(ids) == 1:
            counts[next(iter(ids))] += 1
    return counts


def candidate_mention(
    cand: Candidate, reading: tuple[str, str], text: str, dictionary: ActorDictionary
) -> Mention:
    """The mention of one candidate read as ``(actor_id, kind)``."""
    actor = dictionary.get(reading[0])
    return Mention(
        actor.id,
        actor.name,
        actor.type,
        text[cand.start : cand.end],
        cand.start,
        cand.end,
        reading[1],
        cand.sentence.index,
        cand.sentence.zone,
    )


def dictionary_mentions(doc: Document, dictionary: ActorDictionary) -> list[Mention]:
    """Mentions of dictionary actors by name, demonym and metonym, from the dictionary alone
    (no name model, no evidence rules, no nominals; see :func:`.detection.detect_mentions`)."""
    text = doc.article.text
    cands = dictionary_candidates(doc, dictionary)
    counts = unambiguous_counts(cands)
    result = []
    for cand in cands:
        reading = resolve_readings(cand, text, counts, dictionary)
        if reading is not None:
            result.append(candidate_mention(cand, reading, text, dictionary))
    return result


_NOT_CURRENT = {"former", "late", "then", "ex", "previous", "outgoing", "acting"}


@lru_cache(maxsize=8)
def _title_pattern(dictionary: ActorDictionary, ignore_case: bool = True) -> re.Pattern[str] | None:
    """Every person's office title (lower case), longest first, as one pattern (built once per
    dictionary): case-insensitive, or for text already in lower case a plain one, which runs
    several times faster over a long article."""
    titles = sorted(
        {t.lower() for a in dictionary.by_type("person") for t in a.titles}, key=len, reverse=True
    )
    if not titles:
        return None
    alternatives = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE if ignore_case else 0)


def nominal_mentions(
    doc: Document, dictionary: ActorDictionary, found: list[Mention]
) -> list[Mention]:
    """Nominal mentions ("the Russian president" → Putin); see the module rules."""
    pattern = _title_pattern(dictionary)
    if pattern is None:
        return []
    text = normalise_apostrophes(doc.article.text)
    scanned = text.lower()
    if len(scanned) == len(text):  # lower() kept every offset (it nearly always does)
        pattern = _title_pattern(dictionary, ignore_case=False)
    else:
        scanned = text
    by_end = {m.end: m for m in found}
    by_start = {m.start: m for m in found}
    named = Counter(m.actor for m in found if m.kind == "name")
    taken = SpanIndex((m.start, m.end) for m in found)
    result = []
    for sentence in doc.sentences:
        for match in pattern.finditer(scanned, sentence.start, sentence.end):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            title = match.group(0).lower()
            after = text[end : sentence.end]
            follow = re.match(r"(?:,\s*|\s+)(\S)", after)
            if follow and follow.group(1).isupper():
                continue  # "President Vladimir Putin", "president, To Lam": the name counts
            before = text[sentence.start : start]
            prev = re.findall(r"[A-Za-z]+", before)[-3:]
            if any(w.lower() in _NOT_CURRENT for w in prev):
                continue  # "the former Russian president" is not the office-holder
            state = _nominal_state(text, start, end, sentence, by_end, by_start)
            if state is None:
                continue
            holders = dictionary.office_holders(state, title)
            if len(holders) > 1:
                holders = [h for h in holders if named[h.id]]
            if len(holders) != 1:
                continue
            person = holders[0]
            result.append(
                Mention(
                    person.id,
                    person.name,
                    person.type,
                    doc.article.text[start:end],
                    start,
                    end,
                    "nominal",
                    sentence.index,
                    sentence.zone,
                )
            )
    return result


def _nominal_state(
    text: str,
    start: int,
    end: int,
    sentence: Sentence,
    by_end: dict[int, Mention],
    by_start: dict[int, Mention],
) -> str | None:
    """The state (or organisation) a title at ``text[start:end]`` belongs to, if stated."""
    # "the Russian president", "Vietnam's new president", "the U.N. secretary-general"
    before = re.search(
        r"((?:'s|')?\s+(?:new\s+|current\s+|incumbent\s+|top\s+)?)$", text[sentence.start : start]
    )
    if before:
        mention = by_end.get(start - len(before.group(1)))
        possessive = before.group(1).lstrip().startswith("'")
        if mention is not None and (
            mention.kind == "adjectival" or possessive or mention.type == "organization"
        ):
            if mention.type in ("state", "organization"):
                return mention.actor
    after = re.match(r"\s+of\s+(?:the\s+)?", text[end : sentence.end])
    if after:
        mention = by_start.get(end + after.end())
        if mention is not None and mention.type in ("state", "organization"):
            return mention.actor
    return None
