"""Fusion: the name recogniser's spans and the dictionary's forms made one set of spans.

The recogniser (:mod:`.ner`, a CRF trained on news) proposes where names are and their type
(PER, LOC, ORG; MISC for events, works, nationalities); the dictionary
(:mod:`.dictionary_mentions`) proposes its forms with every reading they can have. Where the
two overlap:

* the same span: the dictionary form, with the recogniser's type beside it (``tag``), which
  :mod:`.linking` uses to choose or refuse readings;
* a recogniser name longer than the dictionary form(s) inside it ("Alternative for Germany",
  "Kim Kardashian", "Bank of Ghana", "London Irish"): the name wins and the forms inside it
  are dropped, unless the name is nothing but dictionary names ("Russia-Ukraine", "Putin
  Kim": the forms stay) or holds a person's full name from the dictionary ("Federal Reserve
  Chair Jerome Powell" read as one name: "Federal Reserve" and "Jerome Powell" stay). A MISC
  name drops the names and metonyms inside it ("Paris" in "Paris Agreement") but keeps
  demonyms ("Korean" in "Korean War");
* a dictionary form longer than the recogniser's name(s) ("U.N. Security Council" over
  "Security Council"): the dictionary form wins (its multi-word forms are exact);
* crossing spans: the longer wins, the dictionary on a tie.

A run of capitalised words defined by a bracketed acronym after it ("the Alternative for Germany
(AfD)", "the National Health Service (NHS)") is one organisation name when the recogniser cut it
into pieces ("Alternative" + "Germany"), and the acronym is that organisation too; the run
starts at the word whose initial is the acronym's first letter, and is left alone when it is
one dictionary form or one recognised name.

A name the recogniser found at the start of a sentence loses a first word that never opens a
name: an English stop word or a sentence adverb ("Later Zentrix said", "Meanwhile Microsoft",
"Shares of Zentrix": ``sentence_openers`` in ``resources/actor_cues.yaml``), with the lower-case
words after it, unless a dictionary form starts there ("The Hague"). Anywhere in a sentence, a
name loses lower-case stop words at its start ("the Republican Party"): names are written with
a capital, and particles such as "de", "van" or "al" are not stop words.

A MISC name whose last word is a place word (``place_suffixes`` in
``resources/actor_cues.yaml``: "Far East", "Korean Peninsula", "Persian Gulf") is read as a
place; a demonym that opens it stays a demonym ("Russian" in "the Russian Far East").

A dictionary form the recogniser did not tag keeps ``tag=None``; a recogniser name with no
dictionary form in it becomes a span without readings (a name the dictionary does not know).
MISC names never become spans. A name the dictionary lacks whose last word is an
organisation word (``org_suffixes`` in ``resources/actor_cues.yaml``: "Group", "Bank",
"Ministry", "Inc") is an organisation whatever the recogniser's type.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..text import Document, Sentence
from .cues import load_cues, stop_words
from .dictionary_mentions import Candidate
from .ner.tagger import NerTagger, get_tagger

#: The recogniser's types that name actors; MISC is tagged too (it blocks forms inside it).
NAME_TYPES = ("PER", "LOC", "ORG")
_TAGGED = frozenset({*NAME_TYPES, "MISC"})
_LETTER_OR_DIGIT = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name the recogniser found: offsets into ``article.text`` and its type."""

    start: int
    end: int
    type: str


@dataclass
class Span:
    """A fused span: dictionary readings (empty for an unknown name) and the recogniser's type
    of exactly this span (``None`` when it did not tag it so)."""

    start: int
    end: int
    sentence: Sentence
    readings: list[tuple[str, str]]
    tag: str | None


def recognised_names(doc: Document, tagger: NerTagger | None = None) -> list[NameSpan]:
    """The recogniser's names in the document's sentences (the document tagged as a whole);
    ``tagger``: the packaged model when ``None``. With the packaged model the names are
    computed once per document (cached while the document lives: the record, the tone masks
    and the notebooks ask for the same document's mentions)."""
    if tagger is not None:
        return _tagged(doc, tagger)
    return list(doc.memo(("recognised_names",), lambda: tuple(_tagged(doc, get_tagger()))))


def _tagged(doc: Document, tagger: NerTagger) -> list[NameSpan]:
    ranges = [(s.start, s.end) for s in doc.sentences]
    found = tagger.tag_text(doc.article.text, ranges, _TAGGED) if ranges else []
    return [NameSpan(a, b, kind) for a, b, kind in found]


_DEFINED_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]*[A-Z][A-Za-z]*)\s*\)")
_WORD = re.compile(r"[^\s(),;:]+")
_JOINERS = frozenset({"of", "for", "and", "the", "de", "&", "on", "in", "du", "des", "la"})


def _acronym_definitions(
    doc: Document, names: list[NameSpan], cands: list[Candidate]
) -> list[NameSpan]:
    """Recognised pieces of a name defined by a bracketed acronym made one ORG name."""
    text = doc.article.text
    exact = {(c.start, c.end) for c in cands} | {(n.start, n.end) for n in names}
    for sentence in doc.sentences:
        for match in _DEFINED_ACRONYM.finditer(text, sentence.start, sentence.end):
            words = list(_WORD.finditer(text, sentence.start, match.start()))
            run: list[re.Match[str]] = []
            for word in reversed(words):
                gap = text[word.end() : run[0].start() if run else match.start()]
                if gap != " " or not (word.group()[:1].isupper() or word.group() in _JOINERS):
                    break
                run.insert(0, word)
            while run and not run[0].group()[:1] == match.group(1)[0]:
                run.pop(0)
            if len(run) < 2:
                continue
            start, end = run[0].start(), run[-1].end()
            pieces = [n for n in names if n.start < end and start < n.end]
            if (
                (start, end) in exact
                or not any(n.type in NAME_TYPES for n in pieces)
                or any(n.start < start or n.end > end for n in pieces)
                or any(
                    c.start < end and start < c.end and (c.start < start or c.end > end)
                    for c in cands
                )
            ):
                continue
            # the acronym in brackets names the same organisation, whatever it was read as
            a, b = match.span(1)
            names = [n for n in names if n not in pieces and not (n.start < b and a < n.end)]
            names += [NameSpan(start, end, "ORG"), NameSpan(a, b, "ORG")]
    return names


_SENTENCE_START = re.compile(r"[\s\"'“‘(\[—–-]*")


def _trim_openers(doc: Document, names: list[NameSpan], cands: list[Candidate]) -> list[NameSpan]:
    """Names at a sentence start without an opening word that never opens a name."""
    text = doc.article.text
    openers = load_cues().sentence_openers
    stops = stop_words()
    cand_starts = {c.start for c in cands}
    sentence_starts = [s.start for s in doc.sentences]
    out = []
    for name in names:
        words = list(_WORD.finditer(text, name.start, name.end))
        first = words[0].group() if words else ""
        if len(words) > 1 and first.islower() and first in stops:
            rest = [w for w in words if w.group()[:1].isupper()]
            if rest:  # from the first capitalised word: "the Republican Party"
                out.append(NameSpan(rest[0].start(), name.end, name.type))
            continue
        if (
            len(words) > 1
            and (first in openers or first.lower() in stops)
            and name.start not in cand_starts
        ):
            sentence = bisect_right(sentence_starts, name.start) - 1
            lead = text[sentence_starts[sentence] : name.start] if sentence >= 0 else ""
            if _SENTENCE_START.fullmatch(lead):
                rest = words[1:]
                while rest and not rest[0].group()[:1].isupper():
                    rest.pop(0)
                if rest:
                    out.append(NameSpan(rest[0].start(), name.end, name.type))
                continue
        out.append(name)
    return out


def _misc_places(names: list[NameSpan], cands: list[Candidate], text: str) -> list[NameSpan]:
    """MISC names ending in a place word read as places (see the module docstring)."""
    suffixes = load_cues().place_suffixes
    demonym_ends = {
        c.start: c.end
        for c in cands
        if c.readings and all(kind == "adjectival" for _, kind in c.readings)
    }
    out = []
    for name in names:
        words = text[name.start : name.end].split()
        if name.type == "MISC" and len(words) > 1 and words[-1] in suffixes:
            start = name.start
            end_of_demonym = demonym_ends.get(start)
            if end_of_demonym is not None and end_of_demonym < name.end:
                rest = text[end_of_demonym : name.end]
                start = end_of_demonym + len(rest) - len(rest.lstrip())
            if len(text[start : name.end].split()) > 1:
                name = NameSpan(start, name.end, "LOC")
        out.append(name)
    return out


def _covered(name: NameSpan, inside: list[Candidate], text: str) -> bool:
    """True when nothing but dictionary names and punctuation/space make up ``name``
    ("Russia-Ukraine", not "London Irish": a demonym or metonym inside is part of a name)."""
    rest, pos = [], name.start
    for cand in sorted(inside, key=lambda c: c.start):
        if not any(kind == "name" for _, kind in cand.readings):
            return False
        rest.append(text[pos : cand.start])
        pos = max(pos, cand.end)
    rest.append(text[pos : name.end])
    return not _LETTER_OR_DIGIT.search("".join(rest))


def _typed(name: NameSpan, text: str) -> str:
    """The type of a name the dictionary lacks: an organisation when its last word is an
    organisation word ("Zentrix Group", "Halden Bank"), else the recogniser's."""
    words = text[name.start : name.end].split()
    if name.type != "ORG" and len(words) > 1 and words[-1] in load_cues().org_suffixes:
        return "ORG"
    return name.type


def fuse(doc: Document, cands: list[Candidate], names: list[NameSpan]) -> list[Span]:
    """One list of non-overlapping spans from dictionary candidates and recognised names
    (see the module docstring), sorted by offset."""
    text = doc.article.text
    names = _trim_openers(doc, _misc_places(names, cands, text), cands)
    names = _acronym_definitions(doc, names, cands)
    names = sorted(names, key=lambda n: n.start)
    starts = [n.start for n in names]
    ends = [n.end for n in names]

    def overlapping(start: int, end: int) -> list[int]:
        # names do not overlap one another, so those overlapping [start, end) are contiguous
        lo = bisect_right(ends, start)
        hi = bisect_left(starts, end)
        return list(range(lo, hi))

    inside: dict[int, list[Candidate]] = {}
    for cand in cands:
        for i in overlapping(cand.start, cand.end):
            if names[i].start <= cand.start and cand.end <= names[i].end:
                inside.setdefault(i, []).append(cand)
    covered = {i: _covered(names[i], found, text) for i, found in inside.items()}
    holds_person = {
        i: any(
            " " in text[c.start : c.end].strip() and kind == "name" and actor.startswith("person:")
            for c in found
            for actor, kind in c.readings
        )
        for i, found in inside.items()
    }

    spans: list[Span] = []
    consumed: set[int] = set()
    for cand in cands:
        over = overlapping(cand.start, cand.end)
        tag = None
        if over:
            exact = [i for i in over if (names[i].start, names[i].end) == (cand.start, cand.end)]
            wider = [
                i
                for i in over
                if names[i].start <= cand.start and cand.end <= names[i].end and i not in exact
            ]
            if exact:
                tag = names[exact[0]].type
                consumed.add(exact[0])
            elif wider:
                i = wider[0]
                if covered[i] or holds_person[i]:
                    consumed.add(i)
                elif names[i].type == "MISC":
                    if not any(kind == "adjectival" for _, kind in cand.readings):
                        continue
                else:
                    continue  # the recogniser's longer name wins
            else:
                longest = max(names[i].end - names[i].start for i in over)
                if cand.end - cand.start < longest:
                    continue  # a longer crossing name wins
                consumed.update(over)
        spans.append(Span(cand.start, cand.end, cand.sentence, list(cand.readings), tag))

    taken = sorted((s.start, s.end) for s in spans)
    taken_starts = [a for a, _ in taken]
    sentence_starts = [s.start for s in doc.sentences]
    for i, name in enumerate(names):
        if i in consumed or name.type == "MISC":
            continue
        k = bisect_left(taken_starts, name.end)
        if k and taken[k - 1][1] > name.start:
            continue  # overlaps a dictionary form that was kept
        sentence = doc.sentences[bisect_right(sentence_starts, name.start) - 1]
        spans.append(Span(name.start, name.end, sentence, [], _typed(name, text)))
    return sorted(spans, key=lambda s: s.start)
