"""Linking: which actor each fused span (:mod:`.fusion`) names, and only with evidence.

Readings the recogniser's type rules out
    The dictionary's type is authoritative for states and organisations ("Jordan" tagged PER
    is still the state). A person's form tagged LOC or ORG, a place's form tagged PER or ORG
    ("Leeds" the club) and a metonym tagged PER ("Washington" the person) lose that reading;
    a span left without readings is a name the dictionary does not know.

Acronyms that are also ordinary words
    An acronym that is a file format, a unit or a technical term (``ambiguous_acronyms`` in
    ``resources/actor_cues.yaml``: PNG, SMS, DOC…), or that spells an English word in a line
    written in capitals ("US", "WHO", "CAR"), links to its actor only with context: the actor
    named by another form in the article ("Papua New Guinea … PNG"), or for a state a place
    phrase ("in PNG"). Without it, it is not a mention.

Surnames and given names need evidence
    A one-word form of a person who has a longer name ("Li", "Kim", "Lam", "Wang", "Putin")
    links to that person only when the article (any zone) names them in full ("Li Qiang"), or
    writes one of their office titles just before a one-word form ("Premier Li", "President
    Xi"; not "Deputy Prime Minister Li"). Without such evidence it is the name of a person
    the dictionary does not know ("Wang, a farmer in Hebei, said": ``person:wang``).

    A person introduced in full by the article ("Di Li", "Carrie Lam", "Kim Kardashian",
    "Robert De Niro") owns later mentions by the first or last word(s) of that name ("Li",
    "Lam", "Kim", "De Niro"). When several people could own a short form, the one introduced
    last before it wins (the first introduced after it, when none is before); among
    dictionary people alone, the one the article names most (as for any ambiguous form).

Names the dictionary does not know (``discovered=True``)
    One actor per name and type in an article: a short form merges into the full name that
    owns it (as above), a name that one longer organisation name extends by organisation words
    merges into it ("Rhodium" → "Rhodium Group"; not a place: "Texas" stays apart from "Texas
    Rangers"; nor "Lumora" from its product "Lumora Hearth"), and an acronym in brackets right
    after a name is that name
    ("Alternative for Germany (AfD)" … "AfD"). Otherwise each mention keeps the recogniser's
    type in its context, so "Milwaukee" the team (ORG) and "Milwaukee" the city (LOC) are two
    actors. The actor's name is its full form; its id is ``person:``/``org:``/``place:`` plus
    a slug of the name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..article import slugify
from ..text import Document
from .cues import common_words, load_cues
from .dictionary import Actor, ActorDictionary
from .dictionary_mentions import (
    Candidate,
    candidate_mention,
    is_all_caps,
    normalise_apostrophes,
    place_context,
    resolve_readings,
)
from .fusion import Span
from .mention import ID_PREFIX, Mention

#: The recogniser's type -> the actor type of a name the dictionary does not know.
ACTOR_TYPE = {"PER": "person", "LOC": "place", "ORG": "organization"}
#: Actor type -> the recogniser's type of its names.
_TAG_OF = {"person": "PER", "state": "LOC", "place": "LOC", "organization": "ORG"}

_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_BRACKETED = re.compile(r"\s*\(\s*$")


def tag_allows(actor: Actor, kind: str, tag: str | None) -> bool:
    """Whether the recogniser's type ``tag`` of a span leaves the reading ``(actor, kind)``."""
    if tag is None or tag == "MISC" or kind == "adjectival":
        return True
    if kind == "metonym":
        return tag != "PER"
    if actor.type in ("state", "organization"):
        return True
    return _TAG_OF[actor.type] == tag


def ambiguous_acronym(form: str, caps_line: bool, dictionary: ActorDictionary) -> bool:
    """True for an acronym that is also a file format, unit or term, or (in a line written in
    capitals) an English word; in a line in capitals, only a form the dictionary writes in
    capitals is an acronym ("WHO", not "CHINA")."""
    if not _ACRONYM.fullmatch(form):
        return False
    if form in load_cues().ambiguous_acronyms:
        return True
    return caps_line and form.lower() in common_words() and bool(dictionary.lookup(form))


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(normalise_apostrophes(text).split())


@dataclass
class _Person:
    """Someone who may own short forms: a dictionary person or a name found in full."""

    key: str  # actor id, or the full name of a discovered person
    introductions: list[int]  # offsets where the article names them in full / by title


class _Evidence:
    """Where the article names a dictionary person in full or by title + surname (cached)."""

    def __init__(self, text: str, dictionary: ActorDictionary) -> None:
        self.text = normalise_apostrophes(text)
        self.dictionary = dictionary
        self._found: dict[str, list[int]] = {}
        # the names are searched in a lower-case copy (several times faster than a
        # case-insensitive pattern over a long article), unless lower() moved an offset
        self._lower = self.text.lower()
        self._flags = 0 if len(self._lower) == len(self.text) else re.IGNORECASE
        if self._flags:
            self._lower = self.text

    def needed(self, actor: Actor, form: str) -> bool:
        """A one-word form of a person who has a longer name needs evidence."""
        return (
            actor.type == "person"
            and len(_tokens(form)) == 1
            and any(len(_tokens(name)) > 1 for name in actor.names)
        )

    def _cased(self, form: str) -> str:
        """``form`` as it is searched: normalised, and in lower case when the text is."""
        form = normalise_apostrophes(form)
        return form if self._flags else form.lower()

    def positions(self, actor: Actor) -> list[int]:
        """Offsets of the person's full names and of "<title> <one-word form>" in the text."""
        if actor.id not in self._found:
            full = [n for n in actor.names if len(_tokens(n)) > 1]
            short = [n for n in actor.names if len(_tokens(n)) == 1]
            alternatives = [re.escape(self._cased(n)) for n in full]
            if actor.titles and short:
                titles = sorted(actor.titles, key=len, reverse=True)
                titles_alt = "|".join(re.escape(self._cased(t)) for t in titles)
                names = "|".join(re.escape(self._cased(n)) for n in short)
                alternatives.append(rf"(?:{titles_alt})\s+(?:{names})")
            found: list[int] = []
            if alternatives:
                pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", self._flags)
                found = [
                    m.start()
                    for m in pattern.finditer(self._lower)
                    if not _LESSER_OFFICE.search(self.text, max(0, m.start() - 12), m.start())
                ]
            self._found[actor.id] = found
        return self._found[actor.id]


#: A word before a title that makes it another office: "Deputy Prime Minister Li" is not Li
#: Qiang's office, "Vice President X" not the president's.
_LESSER_OFFICE = re.compile(r"(?i:deputy|vice|acting|assistant|under|first|ex)[\s-]+$")


def _choose(people: list[_Person], offset: int) -> _Person:
    """The person introduced last before ``offset`` (else the first introduced after it)."""
    before = [
        (max(p for p in person.introductions if p <= offset), i)
        for i, person in enumerate(people)
        if any(p <= offset for p in person.introductions)
    ]
    if before:
        return people[max(before)[1]]
    return min(people, key=lambda person: min(person.introductions, default=offset))


def link_spans(doc: Document, spans: list[Span], dictionary: ActorDictionary) -> list[Mention]:
    """Mentions of the fused spans: dictionary readings checked against the recogniser's type
    and the article's evidence, unknown names merged into discovered actors (see the module
    docstring)."""
    text = doc.article.text
    evidence = _Evidence(text, dictionary)
    caps_lines = {s.index: is_all_caps(s.text) for s in {sp.sentence for sp in spans}}

    # 1. readings the recogniser's type allows
    for span in spans:
        span.readings = [
            r for r in span.readings if tag_allows(dictionary.get(r[0]), r[1], span.tag)
        ]
    # 2. ambiguous acronyms need their actor named otherwise (or, for a state, a place phrase)
    named_by_other_forms = Counter(
        r[0]
        for span in spans
        for r in span.readings
        if not ambiguous_acronym(
            text[span.start : span.end], caps_lines[span.sentence.index], dictionary
        )
    )
    for span in spans:
        form = text[span.start : span.end]
        if ambiguous_acronym(form, caps_lines[span.sentence.index], dictionary):
            span.tag = None  # never a name of its own: "saved as PNG", "sent by SMS"
            span.readings = [
                r
                for r in span.readings
                if named_by_other_forms[r[0]]
                or (
                    dictionary.get(r[0]).type == "state"
                    and place_context(text, span.start, span.end)
                )
            ]
    # 3. one-word forms of people need evidence; people named in full own their short forms
    people = _people(spans, text, dictionary, evidence)
    owner: dict[int, str] = {}
    for n, span in enumerate(spans):
        form = text[span.start : span.end]
        persons = [r for r in span.readings if dictionary.get(r[0]).type == "person"]
        if len(persons) < len(span.readings):
            # a state, organisation or place form is a person's only when the recogniser reads
            # a person and the article names one in full ("Neil Jordan … Jordan said")
            owners = people.get(_tokens(form), []) if span.tag == "PER" else []
            if owners:
                chosen = _choose(owners, span.start)
                span.readings = [(chosen.key, "name")] if chosen.key in dictionary else []
                if chosen.key not in dictionary:
                    owner[n] = chosen.key
            continue
        if persons and not evidence.needed(dictionary.get(persons[0][0]), form):
            continue
        candidates = [_Person(r[0], evidence.positions(dictionary.get(r[0]))) for r in persons]
        candidates = [c for c in candidates if c.introductions]
        keys = {c.key for c in candidates}
        candidates += [p for p in people.get(_tokens(form), []) if p.key not in keys]
        if not candidates:
            if persons and span.tag is None:
                span.tag = "PER"  # a person's name, but not known to be the dictionary's one
            span.readings = []
            continue
        if all(c.key in dictionary for c in candidates) and persons:
            # dictionary people only: resolved among them as any ambiguous form is
            span.readings = [r for r in persons if r[0] in {c.key for c in candidates}]
            continue
        chosen = _choose(candidates, span.start)
        if chosen.key in dictionary:
            span.readings = [(chosen.key, "name")]
        else:
            span.readings = []
            owner[n] = chosen.key
    # 4. dictionary readings resolved as before; the rest are names the dictionary lacks
    counts: Counter[str] = Counter()
    for span in spans:
        ids = {r[0] for r in span.readings}
        if len(ids) == 1:
            counts[next(iter(ids))] += 1
    mentions: list[Mention] = []
    unknown: list[tuple[int, Span]] = []
    for n, span in enumerate(spans):
        if span.readings:
            cand = Candidate(span.start, span.end, span.readings, span.sentence)
            reading = resolve_readings(cand, text, counts, dictionary)
            if reading is not None:
                mentions.append(candidate_mention(cand, reading, text, dictionary))
        elif (
            (span.tag in ACTOR_TYPE or n in owner)
            and _LETTERS.search(text[span.start : span.end])
            and span.end - span.start >= 2
        ):
            unknown.append((n, span))
    mentions.extend(_discovered(text, unknown, owner))
    return sorted(mentions, key=lambda m: m.start)


_LETTERS = re.compile(r"[^\W\d_]")


def _people(
    spans: list[Span], text: str, dictionary: ActorDictionary, evidence: _Evidence
) -> dict[tuple[str, ...], list[_Person]]:
    """Short forms (first or last words) -> the people named in full who may own them."""
    full: dict[str, _Person] = {}
    for span in spans:
        words = _tokens(text[span.start : span.end])
        if len(words) < 2:
            continue
        persons = [r[0] for r in span.readings if dictionary.get(r[0]).type == "person"]
        if span.readings and len(persons) == len({r[0] for r in span.readings}):
            key = persons[0]
        elif not span.readings and span.tag == "PER":
            key = " ".join(words)
        else:
            continue
        if key not in full:
            full[key] = _Person(
                key, list(evidence.positions(dictionary.get(key))) if key in dictionary else []
            )
        full[key].introductions.append(span.start)
    shorts: dict[tuple[str, ...], list[_Person]] = {}
    for person in full.values():
        names = (
            [_tokens(n) for n in dictionary.get(person.key).names if len(_tokens(n)) > 1]
            if person.key in dictionary
            else [tuple(person.key.split())]
        )
        for words in names:
            for k in range(1, len(words)):
                for short in (words[:k], words[k:]):
                    owners = shorts.setdefault(short, [])
                    if person not in owners:
                        owners.append(person)
    return shorts


def _discovered(text: str, unknown: list[tuple[int, Span]], owner: dict[int, str]) -> list[Mention]:
    """Mentions of names the dictionary does not know: one actor per name and type."""
    surface = {n: " ".join(_tokens(text[s.start : s.end])) for n, s in unknown}
    key = {n: owner.get(n, surface[n]) for n, _ in unknown}
    tag = {n: "PER" if n in owner else str(s.tag) for n, s in unknown}
    # an acronym in brackets right after a name is that name: "Alternative for Germany (AfD)"
    by_end = {s.end: n for n, s in unknown}
    for n, span in unknown:
        if " " in surface[n] or not _ACRONYM.fullmatch(re.sub(r"[a-z]", "", surface[n]) or "-"):
            continue
        before = text[max(0, span.start - 4) : span.start]
        match = _BRACKETED.search(before)
        if match and text[span.end : span.end + 1] == ")":
            prior = by_end.get(span.start - len(before) + match.start())
            if prior is not None:
                for m, _ in unknown:
                    if surface[m] == surface[n]:
                        key[m], tag[m] = key[prior], tag[prior]
    # a name that a longer organisation name extends by organisation words only is that
    # organisation: "Rhodium" in "Rhodium Group" (not "Lumora" in "Lumora Hearth")
    suffixes = load_cues().org_suffixes
    orgs = {key[n] for n, _ in unknown if tag[n] == "ORG" and " " in key[n]}
    extended: dict[str, set[str]] = {}  # short name -> the organisations extending it
    for o in orgs:
        words = o.split(" ")
        for i in range(len(words) - 1, 0, -1):
            if words[i] not in suffixes:
                break
            extended.setdefault(" ".join(words[:i]), set()).add(o)
    for n, _ in unknown:
        if n in owner or tag[n] == "LOC":
            continue  # a place opening an organisation's name is the place: "Texas Rangers"
        longer = extended.get(key[n], ())
        if len(longer) == 1:
            key[n], tag[n] = next(iter(longer)), "ORG"
    # an organisation named again without the words before its last ones is that organisation
    # when only one organisation of the article ends so: "Rangers" after "Texas Rangers"
    # (not "United" after "Leeds United" and "Manchester United")
    shortened: dict[str, set[str]] = {}
    for o in orgs:
        words = o.split(" ")
        for i in range(1, len(words)):
            shortened.setdefault(" ".join(words[i:]), set()).add(o)
    for n, _ in unknown:
        if n in owner or tag[n] != "ORG":
            continue
        longer = shortened.get(key[n], ())
        if len(longer) == 1:
            key[n] = next(iter(longer))
    mentions = []
    for n, span in unknown:
        actor_type = ACTOR_TYPE[tag[n]]
        actor_id = f"{ID_PREFIX[actor_type]}:{slugify(key[n])}"
        mentions.append(
            Mention(
                actor_id,
                key[n],
                actor_type,
                text[span.start : span.end],
                span.start,
                span.end,
                "name",
                span.sentence.index,
                span.sentence.zone,
                discovered=True,
            )
        )
    return mentions
