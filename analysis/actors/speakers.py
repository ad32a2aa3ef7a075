"""Who a statement's speaker is: names, roles, pronouns and definite descriptions resolved.

The text is read once, in order, keeping the **discourse entities** it refers to (people,
organisations, and unnamed speakers such as "a spokesperson for the port authority") and where
each is referred to outside quotations. Entities come from the actor mentions
(:func:`analysis.actors.detect_mentions`: one entity per actor id) and from the speaker and
addressee phrases of :mod:`.attribution` (a name the detector missed is still an entity; an
unnamed speaker is a *role* entity named by its phrase).

* A **name** ("Dijkstra", "Mark") is the entity whose name ends with it or holds it, when one
  does; otherwise a new entity.
* **he / she / his / her** (and "they", "it") resolve to the most salient compatible entity:
  first the entities referred to earlier in the same frame (the first one: the subject
  before objects), then in each previous frame of the paragraph (latest frame first, its
  first compatible entity), then in up to three previous paragraphs. Mentions inside
  quotations are skipped ("Joan" in Brenda Oyelaran's quotation is not the antecedent of the
  "she" after it). Compatibility: a person or a person-like role for he/she (an organisation
  for "it"), and the same gender when both are known. Gender comes from titles and role nouns
  ("Mrs", "spokeswoman"), and from the first pronoun resolved to an entity of unknown gender.
* A **definite description** ("the spokesperson", "said the minister", "the company") is
  the latest entity introduced with that role noun (in apposition or as a title: "Doherty,
  the Kingsbridge captain"; "Judge Helen Carroway"), else, for organisation nouns, the latest
  organisation whose name holds the noun or, failing that, the latest organisation; else the
  subject of the previous frame of the paragraph; else it stays a role.
* **I / my** is the signature of a letter (the name line after it) or the article's byline.
* A Q&A answer belongs to the interviewee: the first person named in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import Document
from .attribution import Statement, signature_paragraphs
from .cues import load_cues
from .mention import Mention
from .quotations import Quotation
from .speech import given_name_genders, load_speech_cues

_PRONOUNS_PERSON = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
_FIRST_PERSON = {"i", "me", "my", "myself"}
_NAME_WORD = re.compile(r"^[A-Z][\w’'.-]*$|^(?:van|von|de|der|del|da|di|du|la|le|el|al|bin|ibn)$")
_JOINERS = {
    "of",
    "for",
    "and",
    "the",
    "de",
    "van",
    "von",
    "der",
    "del",
    "da",
    "di",
    "du",
    "la",
    "le",
    "el",
    "al",
    "bin",
    "&",
}
_FUNCTION_CAPITALS = {
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "in",
    "on",
    "at",
    "of",
    "for",
    "with",
    "by",
    "from",
    "as",
    "to",
    "when",
    "if",
    "while",
    "after",
    "before",
    "since",
    "under",
    "over",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "this",
    "that",
    "these",
    "those",
    "mr",
    "mrs",
    "ms",
    "dr",
}
_MAX_BACK = 400  # references looked back at when resolving (keeps resolution linear)
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s*$")


@dataclass
class Entity:
    """A discourse entity: a person, organisation, state or role."""

    key: str
    name: str
    kind: str  # person, organization, state, place, role
    actor: str | None = None
    actor_name: str | None = None
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    plural: bool = False
    affiliation: str | None = None  # a role's organisation or state ("a spokesperson for X")

    def person_like(self) -> bool:
        return self.kind == "person" or (self.kind == "role" and not self.plural)


@dataclass
class Speaker:
    """A resolved speaker. ``resolution``: name, pronoun, description, role, context,
    first_person or unresolved."""

    text: str
    entity: Entity | None
    resolution: str


@dataclass
class _Ref:
    offset: int
    paragraph: int
    frame: int
    entity: Entity


class _Discourse:
    def __init__(
        self, doc: Document, mentions: Sequence[Mention], quotations: Sequence[Quotation]
    ) -> None:
        self.doc = doc
        self.text = doc.article.text
        self.cues = load_speech_cues()
        self.titles = _title_words()
        self.entities: dict[str, Entity] = {}
        self.refs: list[_Ref] = []
        self.quote_spans = sorted((q.start, q.end) for q in quotations)
        self.quote_starts = [a for a, _ in self.quote_spans]
        self.role_index: dict[str, Entity] = {}
        # named entities by lower-case full name and by each word of their names
        self.by_name: dict[str, Entity] = {}
        self.by_word: dict[str, list[Entity]] = {}

    # --------------------------------------------------------------- entities
    def _add(self, e: Entity) -> Entity:
        self.entities[e.key] = e
        words: set[str] = set()
        for name in {e.name, e.actor_name or e.name}:
            self.by_name.setdefault(name.lower(), e)
            words.update(name.lower().split())
        for w in words:
            self.by_word.setdefault(w, []).append(e)
        return e

    def _with_word(self, word: str) -> list[Entity]:
        """Named entities whose name holds ``word`` (lower case), in order of introduction."""
        return self.by_word.get(word, [])

    def entity_for_mention(self, m: Mention) -> Entity:
        e = self.entities.get(m.actor)
        if e is None:
            e = self._add(
                Entity(
                    m.actor,
                    m.name,
                    m.type,
                    m.actor,
                    m.name,
                    gender=_name_gender(m.name) if m.type == "person" else None,
                )
            )
        return e

    def entity_for_surface(self, m: Mention, text: str) -> Entity:
        """The entity of a mention, read with the name around it: "Di Li" is not the
        dictionary's "Li Qiang" because the mention "Li" follows a given name; a later "Li"
        is the "Di Li" the text introduced."""
        if " " not in m.text.strip():
            before = text[max(0, m.start - 40) : m.start]
            match = re.search(r"(?:^|[\s(])([A-Z][\w’'-]+)\s+$", before)
            prev = match.group(1) if match else None
            line_start = (
                before.rstrip().endswith((".", "!", "?", "\n", "“", '"', "‘")) or not before.strip()
            )
            if (
                prev
                and not line_start
                and prev.lower().rstrip(".") not in self.titles
                and prev.lower() not in _FUNCTION_CAPITALS
                and prev.lower() not in (m.name or "").lower().split()
            ):
                return self.entity_for_name(
                    f"{prev} {m.text}", "person" if m.type == "person" else m.type
                )
            surname = re.sub(r"[’']s$", "", m.text.lower())
            for e in reversed(self._with_word(surname)):
                words = e.name.lower().split()
                if (
                    e.kind == "person"
                    and len(words) > 1
                    and words[-1] == surname
                    and e.key != m.actor
                ):
                    return e  # "Li" after "Di Li": the surname, not the dictionary's Li Qiang
        return self.entity_for_mention(m)

    def entity_for_name(self, name: str, kind: str | None = None) -> Entity:
        words = name.split()
        low = name.lower()
        if low in self.by_name:
            return self.by_name[low]
        if len(words) == 1:
            matches = [
                e
                for e in self._with_word(low)
                if e.kind in ("person", "organization") and low in e.name.lower().split()
            ]
            if len(matches) == 1:
                return matches[0]
        else:
            matches = [
                e
                for e in self._with_word(words[-1].lower())
                if e.kind != "role" and e.name.lower().endswith(" " + low)
            ]
            if len(matches) == 1:
                return matches[0]
        key = f"name:{low}"
        if key not in self.entities:
            kind = kind or _guess_kind(words)
            self._add(
                Entity(key, name, kind, gender=_name_gender(name) if kind == "person" else None)
            )
        return self.entities[key]

    def text_entity(self, word: str) -> Entity | None:
        """The entity the text introduced with a longer name ending or starting with
        ``word`` ("Dijkstra", "Mark"), when exactly one did."""
        low = word.lower()
        found = [
            e
            for e in self._with_word(low)
            if e.kind in ("person", "organization")
            and len(e.name.split()) > 1
            and low in (e.name.lower().split()[0], e.name.lower().split()[-1])
        ]
        surnames = [e for e in found if e.name.lower().split()[-1] == low]
        if len(surnames) == 1:
            return surnames[0]  # "Li" is Di Li's surname, not Li Qiang's given name
        return found[0] if len(found) == 1 else None

    def role_entity(self, phrase: str, head: str, offset: int = -1) -> Entity:
        key = (
            f"role:{offset}:{phrase.lower()}"
            if offset >= 0
            else f"role:{len(self.entities)}:{phrase.lower()}"
        )
        if key in self.entities:
            return self.entities[key]
        e = Entity(key, phrase, "role", plural=_plural(head))
        e.roles.add(head)
        e.gender = _gender_of_words(phrase.lower().split(), self.cues)
        self.entities[key] = e
        self.role_index[head] = e
        return e

    def add_role(self, entity: Entity, head: str) -> None:
        if head and head not in self.titles_ignored():
            entity.roles.add(head)
            self.role_index[head] = entity

    @staticmethod
    def titles_ignored() -> set[str]:
        return {"mr", "mrs", "ms", "dr", "the", "a", "an"}

    def in_quote(self, offset: int) -> bool:
        k = bisect_right(self.quote_starts, offset) - 1
        return k >= 0 and offset < self.quote_spans[k][1]

    def refer(self, offset: int, paragraph: int, frame: int, entity: Entity) -> None:
        self.refs.append(_Ref(offset, paragraph, frame, entity))

    # --------------------------------------------------------------- resolution
    def resolve_pronoun(self, word: str, offset: int, paragraph: int, frame: int) -> Entity | None:
        word = word.lower()
        gender = _PRONOUNS_PERSON.get(word)
        if word in ("it", "its"):
            ok = lambda e: e.kind in ("organization", "state")  # noqa: E731
        elif word in ("they", "them", "their"):
            ok = lambda e: e.plural or e.kind in ("organization",)  # noqa: E731
        else:

            def ok(e: Entity) -> bool:
                return e.person_like() and (gender is None or e.gender in (None, gender))

        for group in self._frames_back(frame, paragraph):
            for r in group:
                if ok(r.entity):
                    return r.entity
        return None

    def _frames_back(self, frame: int, paragraph: int):
        """The references so far, grouped by frame: this frame first, then each earlier
        frame (latest first) of this and up to three earlier paragraphs; each group in text
        order. Bounded work per call (``_MAX_BACK`` references)."""
        refs = self.refs
        idx = len(refs) - 1
        stop = max(-1, idx - _MAX_BACK)
        group: list[_Ref] = []
        while idx > stop and refs[idx].frame == frame:
            group.append(refs[idx])
            idx -= 1
        yield list(reversed(group))
        while idx > stop:
            if paragraph - refs[idx].paragraph > 3:
                return
            current = refs[idx].frame
            group = []
            while idx > stop and refs[idx].frame == current:
                group.append(refs[idx])
                idx -= 1
            yield list(reversed(group))

    def resolve_description(
        self, head: str, offset: int, paragraph: int, frame: int
    ) -> Entity | None:
        if head in self.role_index:
            return self.role_index[head]
        before = self.refs[-_MAX_BACK:]
        if head in self.cues.organisation_heads:
            orgs = [r.entity for r in before if r.entity.kind == "organization"]
            named = [e for e in orgs if head in e.name.lower().split()]
            if named:
                return named[-1]
            if orgs:
                return orgs[-1]
            return None
        # the subject of the previous frame of the paragraph
        prev = [r for r in before if r.paragraph == paragraph and r.frame != frame]
        if prev:
            last_frame = prev[-1].frame
            first = next(r for r in prev if r.frame == last_frame)
            if first.entity.person_like():
                return first.entity
        return None


def _title_words() -> set[str]:
    words = set()
    for title in load_cues().person_titles:
        words.update(w.lower().rstrip(".") for w in title.split())
    return words


def _guess_kind(words: list[str]) -> str:
    cues = load_cues()
    last = words[-1] if words else ""
    if last in cues.org_suffixes or any(w in cues.org_nouns for w in words):
        return "organization"
    return "person"


_INDEFINITE_ROLE = re.compile(r"(An?|One)\s+((?:[\w’'-]+\s+){0,3}?([a-z][\w-]*))\b")


def _person_nouns() -> frozenset[str]:
    cues = load_cues()
    speech = load_speech_cues()
    return frozenset(cues.role_nouns | cues.speaker_nouns | speech.female_words | speech.male_words)


def _name_gender(name: str) -> str | None:
    """The gender of a person's given name, when the census lists it as nearly always one."""
    words = name.split()
    return given_name_genders().get(words[0].lower()) if len(words) > 1 else None


def _plural(head: str) -> bool:
    return (
        head.endswith("s")
        and not head.endswith(("ss", "us", "is"))
        or head in ("people", "police", "staff", "crew")
    )


def _gender_of_words(words: list[str], cues) -> str | None:
    words = [w.strip(".,’'").lower() for w in words]
    if any(w in cues.female_words for w in words):
        return "f"
    if any(w in cues.male_words for w in words):
        return "m"
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'.-]+", text)


def _head(words: list[str]) -> str:
    preps = {"for", "of", "at", "from", "in", "on", "with", "who", "which", "that", "to", "by"}
    for k, w in enumerate(words):
        if k > 0 and w.lower() in preps:
            return words[k - 1].lower().strip(".,’'")
    return words[-1].lower().strip(".,’'") if words else ""


def _name_run(words: list[str], titles: set[str]) -> list[str]:
    """The capitalised name at the head of a phrase, without titles before it."""
    head_end = len(words)
    preps = {"for", "of", "at", "from", "in", "on", "with", "who", "which", "that", "to", "by"}
    for k, w in enumerate(words):
        if (
            k > 0
            and w.lower() in preps
            and not (
                k + 1 < len(words) and words[k - 1][:1].isupper() and words[k + 1][:1].isupper()
            )
        ):
            head_end = k
            break
    # "Amy Lo of Green Action": a person's name ends before "of"/"at"/"from" + organisation
    given = given_name_genders()
    for k, w in enumerate(words[:head_end]):
        if (
            0 < k < head_end - 1
            and w in ("of", "at", "from")
            and words[0].lower() in given
            and all(x[:1].isupper() for x in words[:k])
        ):
            head_end = k
            break
    run: list[str] = []
    for w in reversed(words[:head_end]):
        if _NAME_WORD.match(w) or (run and w.lower() in _JOINERS and w.islower()):
            run.insert(0, w)
        else:
            break
    while run and run[0].lower() in _JOINERS:
        run.pop(0)
    while len(run) > 1 and run[0].lower().rstrip(".") in titles:
        run.pop(0)
    return run


def resolve_speakers(
    doc: Document,
    statements: Sequence[Statement],
    mentions: Sequence[Mention],
    quotations: Sequence[Quotation],
    frame_of: dict[int, int],
) -> list[Speaker]:
    """The speaker of each statement (same order). ``frame_of`` maps a character offset
    (a token start) to its frame number."""
    d = _Discourse(doc, mentions, quotations)
    text = d.text
    starts = sorted(frame_of)

    def frame_at(offset: int) -> int:
        k = bisect_right(starts, offset) - 1
        return frame_of[starts[k]] if k >= 0 else 0

    para_starts = [b.start for b in doc.blocks]

    def paragraph_at(offset: int) -> int:
        return max(0, bisect_right(para_starts, offset) - 1)

    persons = [
        m
        for m in mentions
        if m.type in ("person", "organization", "state") and m.kind in ("name", "nominal")
    ]
    events: list[tuple[int, int, str, object]] = []
    for m in persons:
        if not d.in_quote(m.start):
            events.append((m.start, 1, "mention", m))
    for k, st in enumerate(statements):
        if st.speaker is not None:
            events.append((st.speaker[0], 0, "speaker", k))
        for span in st.chain:
            if span and span != st.speaker:
                events.append((span[0], 2, "chain", (k, span)))
        if st.addressee is not None:
            events.append((st.addressee[0], 2, "addressee", st.addressee))
        if st.how == "context":
            events.append((st.cue, 3, "context", k))
    for t in doc.tokens:
        if (
            t.norm in _PRONOUNS_PERSON
            or t.norm in ("it", "they", "its", "their")
            or t.norm in _FIRST_PERSON
        ):
            if not d.in_quote(t.start):
                events.append((t.start, 4, "pronoun", t))
        elif t.norm == "the" and not d.in_quote(t.start):
            events.append((t.start, 5, "the", t))
    person_nouns = _person_nouns()
    for start in starts:
        match = _INDEFINITE_ROLE.match(text, start)
        if match and match.group(3).lower() in person_nouns and not d.in_quote(start):
            events.append((start, 6, "role_subject", (start, match.end())))
    events.sort(key=lambda e: (e[0], e[1]))

    pronoun_entity: dict[int, Entity] = {}
    statement_speaker: dict[int, Speaker] = {}
    signatures = _signatures(doc)
    byline = _byline(doc)
    mention_at = {m.start: m for m in persons}

    for offset, _order, kind, payload in events:
        paragraph = paragraph_at(offset)
        frame = frame_at(offset)
        if kind == "mention":
            m = payload
            e = d.entity_for_surface(m, text)
            if e.gender is None and m.type == "person":
                e.gender = _gender_of_words(_words(text[max(0, m.start - 6) : m.start]), d.cues)
            d.refer(offset, paragraph, frame, e)
        elif kind == "speaker":
            st = statements[payload]
            sp = _phrase_speaker(
                d,
                st.speaker,
                mentions,
                persons,
                offset,
                paragraph,
                frame,
                pronoun_entity,
                signatures,
                byline,
                mention_at,
            )
            statement_speaker[payload] = sp
            if sp.entity is not None and sp.resolution in ("name", "role", "description"):
                d.refer(offset, paragraph, frame, sp.entity)
                for span in st.chain:
                    if span and span != st.speaker:
                        words = _words(text[span[0] : span[1]])
                        if words and not words[-1][:1].isupper():
                            d.add_role(sp.entity, _head(words))
                        g = _gender_of_words(words, d.cues)
                        if g and sp.entity.gender is None:
                            sp.entity.gender = g
        elif kind == "chain":
            continue
        elif kind == "addressee":
            a, b = payload
            words = _words(text[a:b])
            if (
                words
                and words[0].lower() in ("the", "a", "an", "my", "our")
                and not _head(words)[:1].isupper()
                and _head(words) == _head(words).lower()
            ):
                e = d.role_entity(text[a:b], _head(words))
                d.refer(offset, paragraph, frame, e)
        elif kind == "context":
            statement_speaker[payload] = Speaker("", None, "context")
        elif kind == "pronoun":
            t = payload
            if t.norm in _FIRST_PERSON:
                continue
            e = d.resolve_pronoun(t.norm, offset, paragraph, frame)
            if e is not None:
                gender = _PRONOUNS_PERSON.get(t.norm)
                if gender and e.gender is None and e.kind == "person":
                    e.gender = gender
                pronoun_entity[offset] = e
                d.refer(offset, paragraph, frame, e)
        elif kind == "role_subject":
            a, b = payload
            if not any(r.offset == a for r in d.refs[-3:]):
                words = _words(text[a:b])
                d.refer(offset, paragraph, frame, d.role_entity(text[a:b], words[-1].lower(), a))
        elif kind == "the":
            t = payload
            following = _words(text[t.end : t.end + 40])[:3]
            for w in following:
                lw = w.lower().strip(".,’'")
                if lw in d.role_index:
                    d.refer(offset, paragraph, frame, d.role_index[lw])
                    break
                if not w[:1].isupper():
                    break

    interviewee = _interviewee(d, doc)
    position = {id(st): k for k, st in enumerate(statements)}
    out = []
    for k, st in enumerate(statements):
        sp = statement_speaker.get(k)
        if sp is None:
            sp = Speaker("", None, "unresolved")
        if sp.resolution == "context":
            sp = Speaker("", interviewee, "context" if interviewee else "unresolved")
        if st.how == "coordinated" and st.follows is not None:
            prior = position.get(id(st.follows), -1)
            if prior >= 0 and prior < len(out):
                sp = out[prior]
        out.append(sp)
    return out


def _phrase_speaker(
    d: _Discourse,
    span,
    mentions,
    persons,
    offset,
    paragraph,
    frame,
    pronoun_entity,
    signatures,
    byline,
    mention_at,
) -> Speaker:
    text = d.text
    a, b = span
    phrase = text[a:b]
    words = _words(phrase)
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in _PRONOUNS_PERSON or low in (["it"], ["they"]):
        e = d.resolve_pronoun(low[0], a, paragraph, frame)
        if e is not None:
            gender = _PRONOUNS_PERSON.get(low[0])
            if gender and e.gender is None and e.kind == "person":
                e.gender = gender
            pronoun_entity[a] = e
            d.refer(a, paragraph, frame, e)
        return Speaker(phrase, e, "pronoun" if e else "unresolved")
    if low and low[0] in _FIRST_PERSON and len(words) == 1:
        name = signatures(a) or byline
        if name:
            e = d.entity_for_name(name, "person")
            return Speaker(phrase, e, "first_person")
        return Speaker(phrase, None, "unresolved")
    # a mention whose text ends the phrase's head names the speaker
    run = _name_run(words, d.titles)
    if (
        run == words[:1]
        and _plural(low[0])
        and not _starts_at(persons, a)
        and d.text_entity(run[0]) is None
    ):
        run = []  # "Analysts said", "Beekeepers have long reported": a plural noun
    inside = _within(persons, a, b)
    if run:
        name = " ".join(run)
        name_start = text.rfind(run[0], a, b)
        known = d.text_entity(run[0]) if len(run) == 1 else None
        if known is not None:
            return Speaker(phrase, known, "name")
        for m in inside:
            others = {
                w.lower() for x in _within(mentions, a, b) if x is not m for w in x.text.split()
            } | d.titles
            if (
                m.start <= name_start + len(name)
                and m.end >= name_start + len(run[-1])
                and m.end > name_start
                and _compatible(run, m, others)
            ):
                e = d.entity_for_mention(m)
                g = _gender_of_words(words, d.cues)
                if g and e.gender is None:
                    e.gender = g
                return Speaker(phrase, e, "name")
        if words[-1][:1].isupper() or (
            len(run) >= 1
            and _head(words)[:1] == run[-1][:1].lower()
            and _head(words) == run[-1].lower()
        ):
            e = d.entity_for_name(name)
            g = _gender_of_words(words, d.cues)
            if g and e.gender is None:
                e.gender = g
            for w in words[: len(words) - len(run)]:
                lw = w.lower().strip(".,’'")
                if lw and not w[:1].isupper() and lw not in ("the", "a", "an"):
                    d.add_role(e, lw)
            titles = [w.lower() for w in words[: len(words) - len(run)]]
            for t in titles:
                d.add_role(e, t)
            return Speaker(phrase, e, "name")
    head = _head(words)
    if low and low[0] == "the" and len(words) <= 5:
        e = d.resolve_description(head, a, paragraph, frame)
        if e is not None:
            return Speaker(phrase, e, "description")
    affiliation = next((m for m in inside if m.type in ("organization", "state")), None)
    e = d.role_entity(phrase, head, a)
    if affiliation is not None:
        e.affiliation = affiliation.actor
    return Speaker(phrase, e, "role")


def _within(mentions: Sequence[Mention], a: int, b: int) -> list[Mention]:
    """The mentions (sorted by start) lying inside ``a``…``b``."""
    starts = _starts_of(mentions)
    lo = bisect_left(starts, a)
    hi = bisect_left(starts, b)
    return [m for m in mentions[lo:hi] if m.end <= b]


def _starts_at(mentions: Sequence[Mention], a: int) -> bool:
    """Whether one of the mentions (sorted by start) starts at ``a`` (a bisection, not a scan:
    a scan per speaker phrase made long articles quadratic)."""
    starts = _starts_of(mentions)
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] == a


_STARTS: dict[int, tuple[Sequence[Mention], list[int]]] = {}


def _starts_of(mentions: Sequence[Mention]) -> list[int]:
    hit = _STARTS.get(id(mentions))
    if hit is None or hit[0] is not mentions:
        if len(_STARTS) > 8:
            _STARTS.clear()
        hit = _STARTS[id(mentions)] = (mentions, [m.start for m in mentions])
    return hit[1]


def _compatible(run: list[str], m: Mention, others: set[str] = frozenset()) -> bool:
    """Whether a name as written can be the mention's actor: every word of it is in the
    actor's canonical name or in the mention ("Tomás Herrera" for "Chief Financial Officer
    Tomás Herrera", not "Di Li" for "Li Qiang")."""
    known = set(re.split(r"[\s-]+", (m.name or "").lower())) | set(others)
    return all(
        w.lower() in known
        or re.sub(r"[’']s$", "", w.lower()) in known
        or set(re.split(r"-", w.lower())) <= known
        for w in run
    )


def _signatures(doc: Document):
    """offset -> the name on the signature that closes the letter holding ``offset``."""
    sig = signature_paragraphs(doc)
    names = []
    for index in sig:
        block = doc.blocks[index]
        names.append((block.start, block.text.strip().split("\n")[0].strip()))

    def lookup(offset: int) -> str | None:
        for start, name in names:
            if start > offset:
                return name
        return None

    return lookup


def _byline(doc: Document) -> str | None:
    for block in doc.article.blocks:
        if block.zone == "meta":
            match = _BYLINE.match(block.text)
            if match:
                return match.group(1)
    return None


def _interviewee(d: _Discourse, doc: Document) -> Entity | None:
    """The first person the text refers to (by a mention or a speaker phrase), else the first
    two- or three-word capitalised name of the first paragraph."""
    for r in d.refs:
        if r.entity.kind == "person":
            return r.entity
    if doc.blocks:
        match = re.search(r"\b([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){1,2})\b", doc.blocks[0].text)
        if match:
            return d.entity_for_name(match.group(1), "person")
    return None
