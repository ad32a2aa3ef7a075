"""A small grammar of attribution over frames (sentences with quotations as units).

It finds **statements**: a cue (a speech verb, "according to", a Q&A answer), the speaker phrase
the cue governs and the span of what is reported. Speakers are phrases here; who they are
(pronouns, "the spokesperson", actor ids) is decided by :mod:`.speakers`.

Rules, in the order they claim text (each claimed word is claimed once):

1. **Quotation + attribution** (``direct``). A quotation ending in ``,`` ``?`` ``!`` or a dash
   that opens a frame, followed by ``speaker verb`` or ``verb speaker`` ("“…,” Adebayo said.",
   "“…,” said the minister", "“…,” she liked to say"); a quotation right after the attribution
   continues the statement ("“…,” Brückner said, “…”"). Or ``speaker verb [addressee]:`` /
   ``verb,`` before a quotation that ends the frame ("Li replied: “…”").
2. **Source phrase**: ``…, according to X`` / ``According to X, …`` (``indirect``) where X can
   speak (not a document or data: "the figures", "a filing", "a study").
3. **Speech verb governing a clause** (``indirect``; ``partial`` when the clause holds quoted
   words): speaker before the verb (auxiliaries, adverbs and "liked to" between), then an
   addressee for "tell"-like verbs, lead-ins ("in a statement", "on Tuesday"), then a
   that-clause, a wh-/whether clause for "ask"-like verbs, or a clause without "that" for
   "say"-like verbs (a subject, then a finite verb before any relative word or subordinator).
   Content before the cue ("Every day … costs …, Kramer wrote") and around it ("The ferry, he
   says, has lost money") is taken when the verb has no object of its own. "call"/"describe"
   take only quoted words ("called the idea “Plan B”", "described as “very healthy”"), and
   "promise to"/"vow to" only with quoted words after "to"; both give ``partial`` statements
   of the quoted words. A verb after "and"/"but" that the lexicon marks ``coordinate`` starts
   a new statement of the same speaker and ends the clause before it; "adding that …" too.
4. **Follow-on quotations**: a quotation that makes up a whole frame joins the direct statement
   just before it in the paragraph (or ending the previous paragraph); a quotation continued
   over paragraphs joins the statement of its first part.
5. **Q&A**: a paragraph after ``A:`` (and the paragraphs after it until the next ``Q:``) is a
   direct statement by the interviewee.

Not statements: a speech verb with a noun-phrase object ("recalls the winter of 2010"), a
gerund or an infinitive without quoted words ("asked the jury to keep an open mind"), passives
("the jury heard", "was told"), negated verbs ("did not say"), capitalised participles opening a
sentence ("Speaking at …", "Asked whether …"), quotations without a cue (scare quotes, titles,
signs), nested speech inside a quotation, and speech verbs inside a reported clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import Document, abbreviations
from .frames import Frame, Item, build_frames, sentence_index
from .quotations import Quotation
from .speech import SpeechCues, VerbForm, load_speech_cues

AUX = frozenset("has have had having will would shall should can could may might must is are was "
                "were am be been being do does did 's 'd 've 'll".split())
NEGATION = frozenset("not never n't no".split())
PASSIVE_AUX = frozenset("is are was were be been being am".split())
ADVERBS = frozenset("also later long earlier previously once often still now then again already "
                    "always just afterwards subsequently too reportedly repeatedly even first "
                    "initially last further frequently".split())
PREPOSITIONS = frozenset("in on at after before during under over from for with by to via "
                         "through throughout into onto since until within without despite "
                         "following outside inside near across against among between beside "
                         "behind beyond around about of as like upon amid".split())
LEAD_WORDS = frozenset("however meanwhile later earlier then but and yet still instead also "
                       "separately elsewhere indeed nevertheless nonetheless so thus asked "
                       "speaking writing last".split())
SUBORDINATORS = frozenset("when if as because while although though whereas unless since until "
                          "after before once whether where".split())
RELATIVES = frozenset("who whom whose which where".split())
WH_WORDS = frozenset("whether if how why what when where who which whom whose".split())
DETERMINERS = frozenset("the a an this that these those his her its their our my your some any "
                        "no every each all both either neither several many most few such "
                        "another other".split())
SUBJECT_PRONOUNS = frozenset("he she it they we i you there this that these those who "
                             "nobody everyone everybody someone somebody none".split())
PERSONAL_PRONOUNS = frozenset("he she they it we i".split())
OBJECT_WORDS = frozenset("me him her us them you it".split())
TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today "
                       "yesterday tonight tomorrow week month year morning afternoon evening "
                       "night weekend january february march april may june july august "
                       "september october november december last next this ago later earlier "
                       "afterwards".split())
FINITE = frozenset("is are was were am has have had will would shall should can could may "
                   "might must do does did 's 're 've 'd 'll won't can't isn't wasn't aren't "
                   "weren't hasn't haven't hadn't doesn't don't didn't wouldn't couldn't "
                   "shouldn't went came took made gave got found fell rose left knew thought "
                   "saw told said became began brought bought built held kept led lost meant "
                   "met paid put ran sent set sold spent stood understood won wrote".split())
COORDINATORS = frozenset("and but or".split())
MARK_CHARS = "“”\"‘’'«»„"
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\))?"
                       r"\s*[-–—]+\s+")
_QA = re.compile(r"^\s*(Q|A|Question|Answer)\s*[:.]\s+")
_LABEL = re.compile(r"^\s*([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2})\s*:\s+")
_INTERVIEWERS = frozenset({"Q", "QUESTION", "HOST", "INTERVIEWER", "MODERATOR", "ANCHOR",
                           "REPORTER", "PRESENTER"})
_SIGNATURE = re.compile(r"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}\s*(?:\n.*)?$")


@dataclass
class Statement:
    """One attribution found by the grammar (speaker still a phrase).

    ``parts``: spans of the reported words; ``speaker``: (start, end) of the speaker phrase or
    None; ``chain``: spans of the phrases in apposition with it ("Paul Okonjo" and "the
    council's head of leisure"); ``how``: how the speaker was found (``phrase``, ``relative``
    for "X, who said …", ``coordinated`` for "… and warned that …", ``context`` for Q&A)."""

    parts: list[tuple[int, int]]
    mode: str
    verb: str | None
    cue: int
    speaker: tuple[int, int] | None
    sentence: int
    paragraph: int
    how: str = "phrase"
    chain: list[tuple[int, int]] = field(default_factory=list)
    addressee: tuple[int, int] | None = None
    quotes: list[Quotation] = field(default_factory=list)
    follows: Statement | None = None


@dataclass
class _Ctx:
    """What the grammar needs about the document."""

    text: str
    cues: SpeechCues
    sentence_starts: list[int]


# ---------------------------------------------------------------------------- small helpers

def _tok(items: Sequence[Item], i: int) -> str:
    return items[i].norm if 0 <= i < len(items) and not items[i].is_quote else ""


def _is_word(item: Item) -> bool:
    return item.token is not None and item.token.is_word


def _capitalised(item: Item) -> bool:
    return _is_word(item) and item.text[:1].isupper()


def _quote_ends_with(item: Item, text: str, chars: str) -> bool:
    q = item.quote
    if q is None:
        return False
    inner = text[q.start:q.end].rstrip()
    return bool(inner) and inner[-1] in chars


def _span(items: Sequence[Item], lo: int, hi: int) -> tuple[int, int] | None:
    """Offsets of items[lo:hi] (None when empty)."""
    if hi <= lo:
        return None
    return items[lo].start, items[hi - 1].end


def _verb_form(items: Sequence[Item], i: int, cues: SpeechCues) -> VerbForm | None:
    """The speech verb at ``i``, unless it is capitalised or used as a noun or adjective
    after a determiner ("a reply", "a straight answer", "the reported deaths")."""
    item = items[i]
    if item.is_quote or not _is_word(item) or item.text[:1].isupper():
        return None
    form = cues.verbs.get(item.norm)
    if form is None:
        return None
    before = _tok(items, i - 1)
    nounlike = (form.has("noun_too") or form.tense == "base") and form.tense != "past"
    if _tok(items, i + 1) == "that" and before not in DETERMINERS:
        return form
    if before in DETERMINERS or before in ("'s", "’s") or (
            nounlike and _tok(items, i - 2) in DETERMINERS and before and
            before not in AUX and before not in ADVERBS and before not in NEGATION and
            not items[i - 1].text[:1].isupper()):
        return None
    return form


# ---------------------------------------------------------------------------- verb groups

@dataclass
class _Group:
    start: int      # first item of the verb group (auxiliaries, adverbs, "liked to")
    verb: int       # the speech verb
    form: VerbForm
    text: str       # the verb group as written, adverbs left out
    negated: bool
    passive: bool
    infinitive: bool


def _group(items: Sequence[Item], v: int, ctx: _Ctx) -> _Group:
    form = ctx.cues.verbs[items[v].norm]
    j = v - 1
    words = [items[v].text]
    negated = passive = infinitive = False
    if _tok(items, j) == "to":
        if _tok(items, j - 1) in ctx.cues.catenatives:
            words[:0] = [items[j - 1].text, "to"]
            j -= 2
        else:
            infinitive = True
    previous = None
    while j >= 0 and not items[j].is_quote:
        n = items[j].norm
        if n in AUX:
            if n in PASSIVE_AUX and previous is None and form.tense == "past" and \
                    not infinitive:
                passive = True
            words.insert(0, items[j].text)
            previous = n
        elif n in NEGATION:
            negated = True
        elif (n in ADVERBS or (n.endswith("ly") and n.isalpha() and len(n) > 4)) and \
                not items[j].text[:1].isupper():
            pass
        else:
            break
        j -= 1
    start = j + 1
    # "has been saying": progressive, not passive
    if passive and form.tense == "ing":
        passive = False
    return _Group(start, v, form, " ".join(words), negated, passive, infinitive)


# ---------------------------------------------------------------------------- clauses

def _finite_word(items: Sequence[Item], i: int) -> bool:
    """A lower-case auxiliary or common irregular past form ("Fell" is a name)."""
    return _tok(items, i) in FINITE and not items[i].text[:1].isupper()


def _finite_at(items: Sequence[Item], i: int, cues: SpeechCues, plural_s: bool = True) -> bool:
    n = _tok(items, i)
    if not n or not _is_word(items[i]) or items[i].text[:1].isupper():
        return False
    if n in FINITE or n in cues.verbs and cues.verbs[n].tense in ("past", "s"):
        return True
    before = _tok(items, i - 1)
    if n.endswith("ed") and len(n) > 4 and before not in DETERMINERS and before not in \
            ("been", "be", "being", "is", "was", "were", "are", "to"):
        return True
    if (plural_s and n.endswith("s") and not n.endswith(("ss", "us", "is", "'s", "ous"))
            and len(n) > 3
            and before and before not in DETERMINERS and before not in PREPOSITIONS
            and not before.endswith("ly") and not before.isdigit() and before not in AUX
            and _is_word(items[i - 1])):
        return True
    return False


def _clause_end(items: Sequence[Item], lo: int, hi: int, cues: SpeechCues) -> bool:
    """Whether items[lo:hi] starts a clause: a subject, then a finite verb before any comma,
    relative word or subordinator (so "the winter of 2010, when snow closed …" and "a slowdown
    in orders that have been …" are noun phrases, not clauses)."""
    if lo >= hi or items[lo].is_quote:
        return False
    first = items[lo].norm
    if not _is_word(items[lo]) and first not in ("$", "£", "€"):
        return False
    if first in PREPOSITIONS - {"about"} or first in TIME_WORDS or first == "to" \
            or first in WH_WORDS - {"who"} or first.endswith("ing") and first not in ("nothing",
                                                                                   "something",
                                                                                   "everything"):
        return False
    if _finite_at(items, lo, cues, plural_s=False) and first not in ("there",):
        return False  # starts with a verb: no subject
    for i in range(lo + 1, min(hi, lo + 25)):
        n = items[i].norm
        if items[i].is_quote:
            continue
        if n in (",", ";", ":", "(", "—", "–") or n in RELATIVES or n == "that" or \
                n in SUBORDINATORS - {"as"}:
            return False
        if _finite_at(items, i, cues):
            return True
    return False


# ---------------------------------------------------------------------------- segments

@dataclass
class _Segment:
    lo: int
    hi: int
    kind: str       # empty, relative, apposition, np, leadin, clause


def _segments(items: Sequence[Item], lo: int, hi: int, ctx: _Ctx) -> list[_Segment]:
    """Comma-separated segments of items[lo:hi] (a quotation ending in "," ends one too);
    parentheses are skipped; a dash, colon or semicolon drops everything before it."""
    segs: list[_Segment] = []
    start = lo
    depth = 0
    i = lo
    while i < hi:
        item = items[i]
        n = item.norm
        if n == "(":
            depth += 1
        elif n == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and n in (";", ":", "—", "–"):
            segs = []
            start = i + 1
        elif depth == 0 and n == ",":
            segs.append(_Segment(start, i, ""))
            start = i + 1
        elif depth == 0 and item.is_quote and _quote_ends_with(item, ctx.text, ","):
            segs.append(_Segment(start, i + 1, ""))
            start = i + 1
        i += 1
    segs.append(_Segment(start, hi, ""))
    # "The Austin, Texas-based company": a place, then its state, is one phrase
    merged: list[_Segment] = []
    for seg in segs:
        if merged and seg.hi > seg.lo and merged[-1].hi > merged[-1].lo and \
                _capitalised(items[merged[-1].hi - 1]) and _capitalised(items[seg.lo]) and \
                _tok(items, merged[-1].lo) in ("the", "a", "an") and \
                not _capitalised(items[seg.hi - 1]):
            merged[-1] = _Segment(merged[-1].lo, seg.hi, "")
        else:
            merged.append(seg)
    for seg in merged:
        seg.kind = _segment_kind(items, seg, ctx)
    return merged


def _segment_kind(items: Sequence[Item], seg: _Segment, ctx: _Ctx) -> str:
    words = [i for i in range(seg.lo, seg.hi) if items[i].norm not in "()" ]
    words = [i for i in words if _is_word(items[i]) or items[i].is_quote]
    if not words:
        return "empty"
    while len(words) > 1 and items[words[0]].norm in COORDINATORS:
        words = words[1:]
    first = items[words[0]].norm
    if first in RELATIVES or first == "that" and len(words) > 1:
        return "relative"
    if first.isdigit() or first in ("aged", "defending", "prosecuting", "formerly", "both",
                                    "then", "now"):
        return "apposition"
    if first.endswith("ing") and not items[words[0]].text[:1].isupper() and \
            first not in ctx.cues.verbs:
        return "apposition"     # "Mayor Ortiz, speaking to reporters, said"
    if first in PREPOSITIONS or first in LEAD_WORDS or first in SUBORDINATORS or \
            first in TIME_WORDS:
        return "leadin"
    if items[words[0]].text[:1].isupper() and words[0] == seg.lo and (
            first.endswith("ing") or first.endswith("ed") and len(words) > 1 and (
                items[words[1]].norm in PREPOSITIONS or items[words[1]].norm in WH_WORDS)):
        return "leadin"   # "Giving evidence …", "Opening the case …", "Asked whether …"
    if first in ("a", "an"):
        return "apposition_np"
    # verbs of a relative clause inside the phrase do not make it a clause
    rel = next((k for k, i in enumerate(words) if k > 0 and items[i].norm in RELATIVES), None)
    main = words[:rel] if rel is not None else words
    if any(_verb_form(items, i, ctx.cues) for i in main) or \
            any(_finite_word(items, i) for i in main) or \
            any(_finite_at(items, i, ctx.cues, plural_s=False) for i in main[1:]):
        return "clause"
    return "np"


@dataclass
class _Subject:
    span: tuple[int, int] | None
    chain: list[tuple[int, int]]
    how: str            # phrase, relative, coordinated, none


def _strip_np(items: Sequence[Item], lo: int, hi: int) -> tuple[int, int]:
    """Drop leading conjunctions/subordinators and trailing commas from a phrase."""
    while lo < hi and (items[lo].norm in SUBORDINATORS | COORDINATORS | {",", "—", "–"}):
        lo += 1
    while hi > lo and (not (_is_word(items[hi - 1]) or items[hi - 1].norm in (")",)) or
                       items[hi - 1].norm in ADVERBS and hi - 1 > lo):
        hi -= 1
    return lo, hi


def _subject(items: Sequence[Item], lo: int, g: _Group, ctx: _Ctx) -> _Subject:
    """The speaker phrase left of a verb group (see the module docstring)."""
    hi = g.start
    segs = _segments(items, lo, hi, ctx)
    last = segs[-1]
    if last.kind == "empty":
        # "Kevin Osei, a portfolio manager …, which owns …, told": an apposition chain
        return _chain_head(items, segs[:-1], ctx) if len(segs) > 1 else \
            _Subject(None, [], "none")
    toks = list(range(last.lo, last.hi))
    conj = [i for i in toks if items[i].norm in COORDINATORS]
    if conj and conj[-1] == last.hi - 1:
        # "… welcomed the deal but said": the subject of the coordinated clause
        before = _Segment(last.lo, conj[-1], "")
        before.kind = _segment_kind(items, before, ctx)
        verb_phrase = before.kind == "clause" or (
            before.hi > before.lo and _finite_at(items, before.lo, ctx.cues))
        head = _chain_head(items, segs[:-1], ctx) if verb_phrase or before.kind == "empty" \
            else _Subject(None, [], "none")
        if head.span and verb_phrase and not _clause_has_subject(items, before):
            return _Subject(head.span, head.chain, "coordinated")
        return _Subject(None, [], "coordinated")
    # "what the company called": the subject after "what"
    whats = [i for i in toks if items[i].norm == "what"]
    if whats:
        a, b = _strip_np(items, whats[-1] + 1, last.hi)
        return _Subject(_span(items, a, b), [], "phrase") if b > a else _Subject(None, [], "none")
    if "(" in [items[i].norm for i in toks]:
        cut = next(i for i in toks if items[i].norm == "(")
        last = _Segment(last.lo, cut, last.kind)
    if last.kind == "relative":
        rel = items[last.lo].norm
        rest = _strip_np(items, last.lo + 1, last.hi)
        if rest[1] > rest[0] and rel in ("that", "which", "whom"):
            return _Subject(_span(items, *rest), [], "phrase")   # "… that they say …"
        if rel in ("who", "that", "which") and rest[1] <= rest[0] and len(segs) > 1:
            head = _chain_head(items, segs[:-1], ctx)
            if head.span:
                return _Subject(head.span, head.chain, "relative")
            antecedent = _clause_object(items, segs[-2], ctx)
            if antecedent is not None:
                return _Subject(antecedent, [antecedent], "relative")
        return _Subject(None, [], "none")
    np_and_np = conj and not any(_finite_at(items, i, ctx.cues) for i in range(last.lo, conj[-1]))
    if conj and last.kind in ("clause", "leadin", "np") and not (np_and_np and
                                                                last.kind == "np"):
        a, b = _strip_np(items, conj[-1] + 1, last.hi)
        if b > a and not any(_finite_word(items, i) for i in range(a, b)):
            return _Subject(_span(items, a, b), [], "phrase")
        return _Subject(None, [], "none")
    if last.kind in ("clause", "leadin"):
        # "When I asked …": a subordinate clause's own subject
        a, b = _strip_np(items, last.lo, last.hi)
        if b > a and items[last.lo].norm in SUBORDINATORS and b - a <= 4 and \
                not any(_finite_word(items, i) for i in range(a, b)):
            return _Subject(_span(items, a, b), [], "phrase")
        return _Subject(None, [], "none")
    # "a move unions called …", "the plan they announced": a relative clause without "that"
    words = [i for i in toks if _is_word(items[i])]
    if len(words) >= 3 and items[words[0]].norm in DETERMINERS and (
            items[words[-1]].norm in PERSONAL_PRONOUNS - {"it"} or (
                _plural(items[words[-1]].norm) and not _capitalised(items[words[-1]]) and
                not _capitalised(items[words[-2]]) and
                items[words[-2]].norm not in DETERMINERS and
                not items[words[-2]].norm.endswith(("al", "ous", "ive", "ful", "ic", "s")))):
        return _Subject(_span(items, words[-1], words[-1] + 1), [], "phrase")
    # a phrase right before the verb: it is the subject
    a, b = _strip_np(items, last.lo, last.hi)
    if b <= a or b - a > 14:
        return _Subject(None, [], "none")
    return _Subject(_span(items, a, b), [_span(items, a, b)], "phrase")


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _clause_has_subject(items: Sequence[Item], seg: _Segment) -> bool:
    """Whether a clause segment starts with its own subject ("Ann left but"), rather than a
    verb coordinated with an earlier subject ("welcomed the deal but")."""
    first = items[seg.lo]
    return first.norm in SUBJECT_PRONOUNS or first.text[:1].isupper()


def _clause_object(items: Sequence[Item], seg: _Segment, ctx: _Ctx) -> tuple[int, int] | None:
    """The noun phrase ending a clause ("I received a reply from the department"), the
    antecedent of a relative clause after it."""
    last_verb = None
    for i in range(seg.lo, seg.hi):
        if _finite_at(items, i, ctx.cues, plural_s=False):
            last_verb = i
    if last_verb is None:
        return None
    a, b = _strip_np(items, last_verb + 1, seg.hi)
    if b <= a or b - a > 12:
        return None
    return _span(items, a, b)


def _chain_head(items: Sequence[Item], segs: list[_Segment], ctx: _Ctx) -> _Subject:
    """The head of an apposition chain ending at the last segment: walk left over relative
    clauses, ages and appositive phrases until a lead-in, a clause or the frame start."""
    chain: list[_Segment] = []
    for seg in reversed(segs):
        if seg.kind == "leadin" and not any(c.kind == "np" for c in chain) and \
                _capitalised(items[seg.lo]) and items[seg.lo].norm.endswith("ing") and \
                _capitalised(items[seg.hi - 1]) and seg is segs[0]:
            seg.kind = "np"     # "Swimming teacher Karen Bright, who …, said"
        if seg.kind in ("leadin", "clause", "empty"):
            if seg.kind == "clause" and not chain:
                return _Subject(None, [], "none")
            break
        if seg.kind == "np" and not _capitalised(items[seg.lo]) and \
                items[seg.lo].norm not in DETERMINERS:
            break       # "…, halting most traffic, union officials said": not a phrase
        chain.insert(0, seg)
        if seg.kind == "np" and any(s.kind == "np" for s in chain[1:]):
            break
    nps = [s for s in chain if s.kind in ("np", "apposition_np")]
    if not nps:
        return _Subject(None, [], "none")
    head = nps[0]
    spans = [_span(items, *_strip_np(items, s.lo, _paren_cut(items, s))) for s in nps]
    spans = [s for s in spans if s]
    # a name in apposition names the speaker ("The council's head of leisure, Paul Okonjo")
    named = [s for s in nps if _capitalised(items[_strip_np(items, s.lo, s.hi)[1] - 1])]
    if named and not _capitalised(items[_strip_np(items, head.lo, head.hi)[1] - 1]):
        head = named[0]
    a, b = _strip_np(items, head.lo, _paren_cut(items, head))
    if b <= a or b - a > 14:
        return _Subject(None, [], "none")
    return _Subject(_span(items, a, b), spans, "phrase")


def _paren_cut(items: Sequence[Item], seg: _Segment) -> int:
    for i in range(seg.lo, seg.hi):
        if items[i].norm == "(":
            return i
    return seg.hi


def _inverted_speaker(items: Sequence[Item], lo: int, hi: int, ctx: _Ctx) -> tuple[int, int]:
    """The speaker phrase after an inverted verb ("said Niek Dijkstra, who leads …"): up to
    the first comma, quotation or boundary."""
    j = lo
    short = abbreviations()
    while j < hi and not items[j].is_quote and (
            items[j].norm not in (",", ".", ";", ":", "—", "–", "(", "?", "!") or
            items[j].norm == "." and j > lo and _tok(items, j - 1) in short):
        j += 1      # "said Sen. Chuck Schumer": the abbreviation's full stop is not an end
    return _strip_np(items, lo, j)


def _speaker_ok(items: Sequence[Item], span: tuple[int, int] | None, ctx: _Ctx,
                document_ok: bool = True) -> bool:
    if span is None:
        return False
    idx = [i for i, it in enumerate(items) if span[0] <= it.start and it.end <= span[1]]
    words = [i for i in idx if _is_word(items[i])]
    if not words or len(words) > 14:
        return False
    first, last = items[words[0]].norm, items[words[-1]].norm
    if first in PREPOSITIONS or first in ("to", "that") or first in TIME_WORDS:
        return False
    if last in DETERMINERS or last in PREPOSITIONS or last in AUX or last in COORDINATORS:
        return False
    if len(words) == 1 and last in ctx.cues.generic_speakers:
        return False
    if any(_finite_word(items, i) for i in words):
        return False
    if any(_verb_form(items, i, ctx.cues) and ctx.cues.verbs[items[i].norm].tense in ("past", "s")
           and _tok(items, i - 1) not in DETERMINERS for i in words):
        return False
    head = _head_word(items, words)
    if head in ctx.cues.generic_speakers and not any(
            items[i].norm.isdigit() or items[i].norm in ("two", "three", "four", "several")
            for i in words):
        return False
    if not document_ok and head in ctx.cues.document_nouns:
        return False
    if head in ctx.cues.non_speakers or any(items[i].norm in ctx.cues.non_speakers
                                            for i in words[:3]):
        return False
    return True


def _head_word(items: Sequence[Item], words: list[int]) -> str:
    """The head noun of a phrase: the last word before a modifier that follows it (a
    preposition, a relative word, a participle, a second determiner: "a study published on
    Wednesday", "exchange data compiled by …", "the data the council published")."""
    for k, i in enumerate(words):
        n = items[i].norm
        if k > 0 and (n in PREPOSITIONS | RELATIVES | {"that"} or n in DETERMINERS or
                      n in _PARTICIPLES or (n.endswith(("ed", "en")) and len(n) > 3 and
                                            not items[i].text[:1].isupper())):
            return items[words[k - 1]].norm
    return items[words[-1]].norm


# ---------------------------------------------------------------------------- content

_PARTICIPLES = frozenset("seen shown given taken made held done found known cited obtained "
                         "released published compiled shared issued".split())
_SKIP_BEFORE_CONTENT = 10
_NEEDS_ADDRESSEE = frozenset({"tell", "inform", "assure", "remind", "advise"})


def _content_start(items: Sequence[Item], g: _Group, hi: int, ctx: _Ctx
                   ) -> tuple[int, str, tuple[int, int] | None] | None:
    """Where the reported clause after a verb group starts: (index, kind, addressee span);
    kind is ``that``, ``wh`` or ``bare``. None when the verb governs no clause."""
    f = g.form
    pos = g.verb + 1
    end = min(hi, pos + _SKIP_BEFORE_CONTENT + 1)
    first = pos + 1 if f.lemma in _NEEDS_ADDRESSEE else pos
    for p in range(first, end):
        item = items[p]
        n = item.norm
        if item.is_quote:
            return None
        if n in (",", ":", ";", ".", "?", "!", "(", ")", "—", "–"):
            if n == "," and p + 1 < hi and _tok(items, p + 1) == "that":
                continue   # "said, that …" (rare, keep)
            return None
        skipped = (pos, p)
        addressee = _span(items, pos, p) if f.has("addressee") and p > pos else None
        if p > pos and (_tok(items, p - 1) in DETERMINERS or (
                _capitalised(item) and _capitalised(items[p - 1]))):
            continue    # inside the addressee: "told the BBC she …", "told Al Arabiya the …"
        if n == "that":
            if _skip_ok(items, skipped, f, ctx):
                return p + 1, "that", addressee
            return None
        if n in WH_WORDS and (f.has("question") or n in ("how", "whether", "why")) and \
                _skip_ok(items, skipped, f, ctx):
            return p, "wh", addressee
        if f.has("bare") and _skip_ok(items, skipped, f, ctx) and \
                _clause_end(items, p, hi, ctx.cues):
            return p, "bare", addressee
    return None


def _skip_ok(items: Sequence[Item], span: tuple[int, int], f: VerbForm, ctx: _Ctx) -> bool:
    """Whether the words between a verb and its clause are lead-ins or an addressee: no verb,
    no quotation; an addressee only for "tell"-like verbs."""
    lo, hi = span
    if hi <= lo:
        return True
    words = [i for i in range(lo, hi) if _is_word(items[i])]
    if any(_finite_at(items, i, ctx.cues, plural_s=False) and items[i].norm not in TIME_WORDS
           for i in words):
        return False
    if any(items[i].norm == "to" for i in words) and f.has("addressee") and \
            items[lo].norm != "to":
        return False    # "asked her firm to look at whether …": a request, not a question
    first = items[lo].norm
    if f.has("addressee"):
        return True
    # lead-ins: a prepositional phrase, time words, adverbs
    return first in PREPOSITIONS or first in TIME_WORDS or first in ADVERBS or \
        first.endswith("ly")


def _content_end(items: Sequence[Item], lo: int, hi: int, ctx: _Ctx, relative: bool
                 ) -> tuple[int, int | None]:
    """Where a reported clause starting at ``lo`` ends (exclusive), and the index of a
    coordinated speech verb that starts a new statement there (or None)."""
    i = lo
    while i < hi:
        item = items[i]
        n = item.norm
        if relative and (n == "," or (item.is_quote and _quote_ends_with(item, ctx.text, ","))):
            return (i + 1 if item.is_quote else i), None
        if n == ";":
            return i, None
        if n == "," and _tok(items, i + 1) == "according" and _tok(items, i + 2) == "to":
            return i, None
        if n == "," and _new_cue_after(items, i + 1, hi, ctx):
            return i, None
        if n == "," and _tok(items, i + 1) in ("a", "an") and not relative and \
                i + 2 < hi and not _finite_at(items, i + 2, ctx.cues):
            return i, None      # "…, a move unions called “brutal.”": an apposition
        if n in COORDINATORS or n == ",":
            j = i + 1
            if n == "," and _tok(items, j) in COORDINATORS:
                j += 1
            k = j
            while k < hi and (_tok(items, k) in AUX or _tok(items, k) in ADVERBS):
                k += 1
            form = _verb_form(items, k, ctx.cues) if k < hi else None
            if form is not None and form.has("coordinate") and (
                    n != "," or form.tense == "ing" or j > i + 1) and \
                    _tok(items, k - 1) != "to":
                return i, k
        i += 1
    return hi, None


def _new_cue_after(items: Sequence[Item], lo: int, hi: int, ctx: _Ctx) -> bool:
    """Whether a new clause with its own speaker and speech verb starts at ``lo`` ("…, she
    told me it was …")."""
    for k in range(lo, min(hi, lo + 8)):
        item = items[k]
        if item.is_quote or item.norm in (",", ";", ":"):
            return False
        form = _verb_form(items, k, ctx.cues)
        if form is not None and form.tense in ("past", "s", "base") and k > lo:
            words = [items[j] for j in range(lo, k) if _is_word(items[j])]
            while len(words) > 1 and words[0].norm in SUBORDINATORS | COORDINATORS | {
                    "whereas"}:
                words = words[1:]
            return bool(words) and (words[0].norm in PERSONAL_PRONOUNS or
                                    words[0].norm in DETERMINERS or
                                    words[0].text[:1].isupper()) and \
                not any(_finite_word(items, j) and _tok(items, j) not in {"said", "told", "wrote"}
                        for j in range(lo, k))
        if _finite_at(items, k, ctx.cues) and items[k].norm not in AUX:
            return False
    return False


def _trim(items: Sequence[Item], lo: int, hi: int, text: str) -> tuple[int, int] | None:
    """Offsets of a reported clause items[lo:hi] without final punctuation."""
    while hi > lo and not items[hi - 1].is_quote and items[hi - 1].norm in (".", ",", ";",
                                                                             ":", "—", "–"):
        hi -= 1
    while lo < hi and not items[lo].is_quote and items[lo].norm in (",", ":", "—", "–"):
        lo += 1
    if hi <= lo:
        return None
    start, end = items[lo].start, items[hi - 1].end
    if _DATELINE.match(text[start:end]):
        start += _DATELINE.match(text[start:end]).end()
    return (start, end) if end > start else None


def _quote_part(q: Quotation, text: str) -> tuple[int, int]:
    """The words of a direct quotation: without the marks and without a final comma that
    stands for the full stop before the attribution."""
    start, end = q.start, q.end
    while end > start and text[end - 1] in " \n,":
        end -= 1
    while start < end and text[start] in " \n":
        start += 1
    return start, end


def _has_quote(items: Sequence[Item], lo: int, hi: int) -> bool:
    return any(items[i].is_quote for i in range(lo, hi))


# ---------------------------------------------------------------------------- the grammar

def _frame_statements(frame: Frame, ctx: _Ctx, previous: list[Statement]) -> list[Statement]:
    items = frame.items
    n = len(items)
    text = ctx.text
    found: list[Statement] = []
    claimed = [False] * n
    used_verbs: set[int] = set()

    def sentence(i: int) -> int:
        return sentence_index(items[i].start, ctx.sentence_starts)

    def add(st: Statement, lo: int, hi: int) -> Statement:
        for k in range(max(lo, 0), min(hi, n)):
            claimed[k] = True
        found.append(st)
        return st

    verbs = [i for i in range(n) if _verb_form(items, i, ctx.cues) is not None]

    # 1. quotation + attribution
    for qi in range(n):
        item = items[qi]
        if not item.is_quote or claimed[qi]:
            continue
        before_words = [k for k in range(0, qi) if _is_word(items[k])]
        opens_frame = not before_words or _DATELINE.match(text[items[0].start:item.start])
        ends_open = _quote_ends_with(item, text, ",?!—–-…") or item.quote.close_mark is None \
            or (qi + 1 < n and _verb_form(items, qi + 1, ctx.cues) is not None) or (
                qi + 2 < n and _tok(items, qi + 1) in PERSONAL_PRONOUNS and
                _verb_form(items, qi + 2, ctx.cues) is not None)
        if opens_frame and ends_open and qi + 1 < n:
            st = _after_quote(items, qi, ctx, verbs, used_verbs, frame, sentence)
            if st is not None:
                add(st[0], qi, st[2])
                continue
        st = _before_quote(items, qi, ctx, verbs, used_verbs, frame, sentence)
        if st is not None:
            add(st[0], st[1], qi + 1)

    # 2. according to X
    for i in range(n - 1):
        if _tok(items, i) == "according" and _tok(items, i + 1) == "to" and not claimed[i]:
            st = _according(items, i, ctx, frame, sentence)
            if st is not None:
                add(st[0], st[1], st[2])

    # 3. speech verbs governing clauses
    for v in verbs:
        if v in used_verbs or claimed[v]:
            continue
        g = _group(items, v, ctx)
        if g.negated or g.passive:
            continue
        st = _verb_statement(items, g, ctx, frame, found, claimed, sentence)
        if st is not None:
            used_verbs.add(v)
            add(st[0], st[1], st[2])
    return sorted(found, key=lambda s: s.cue)


def _after_quote(items, qi, ctx, verbs, used_verbs, frame, sentence):
    """``“…,” X said`` / ``“…,” said X`` (+ a quotation continuing after the attribution)."""
    n = len(items)
    hi = n
    for k in range(qi + 1, n):
        if items[k].is_quote or items[k].norm in (";",):
            hi = k
            break
    cand = [v for v in verbs if qi < v < hi and v not in used_verbs]
    if not cand:
        return None
    v = cand[0]
    g = _group(items, v, ctx)
    if g.negated or g.passive or g.infinitive:
        return None
    lo = qi + 1
    while lo < g.start and items[lo].norm in (",", "—", "–", "-"):
        lo += 1
    if lo == g.start:       # "“…,” said X"
        a, b = _inverted_speaker(items, v + 1, hi, ctx)
        speaker = _span(items, a, b)
        chain = [speaker] if speaker else []
        how = "phrase"
        if not _speaker_ok(items, speaker, ctx):
            return None
        after = b
    else:
        if v - lo > 16:
            return None
        subj = _subject(items, lo, g, ctx)
        if subj.how != "phrase" or not _speaker_ok(items, subj.span, ctx):
            return None
        speaker, chain, how = subj.span, subj.chain, subj.how
        after = v + 1
    text = ctx.text
    q = items[qi].quote
    parts = [_quote_part(q, text)]
    quotes = [q]
    end = after
    # a quotation right after the attribution (and its appositions) continues it
    nxt = hi if hi < n and items[hi].is_quote else None
    if nxt is not None:
        between = [k for k in range(after, nxt) if _is_word(items[k])]
        if not any(_verb_form(items, k, ctx.cues) for k in between) and \
                not any(items[k].norm in FINITE for k in between) and \
                all(not _is_word(items[k]) for k in range(nxt + 1, n)):
            parts.append(_quote_part(items[nxt].quote, text))
            quotes.append(items[nxt].quote)
            end = nxt + 1
    used_verbs.add(v)
    st = Statement(parts, "direct", g.text, items[v].start, speaker, sentence(v),
                   frame.paragraph, how, chain, None, quotes)
    return st, qi, max(end, v + 1)


def _before_quote(items, qi, ctx, verbs, used_verbs, frame, sentence):
    """``X said: “…”`` / ``X liked to say, “…”``: the quotation ends the frame."""
    n = len(items)
    if any(_is_word(items[k]) or items[k].is_quote for k in range(qi + 1, n)):
        return None
    k = qi - 1
    if k < 0 or items[k].norm not in (":", ","):
        return None
    # the verb group before the colon, with only an addressee or lead-ins after it
    lo = 0
    for j in range(qi - 1, -1, -1):
        if items[j].is_quote:
            lo = j + 1
            break
    cand = [v for v in verbs if lo <= v < k and v not in used_verbs]
    if not cand:
        return None
    v = cand[-1]
    g = _group(items, v, ctx)
    if g.negated or g.passive or g.infinitive and not _tok(items, v - 1) == "to":
        return None
    between = [j for j in range(v + 1, k) if _is_word(items[j])]
    if len(between) > 8 or any(_finite_at(items, j, ctx.cues, plural_s=False)
                               for j in between) or \
            any(items[j].norm in (",",) for j in range(v + 1, k)) and items[k].norm == ":":
        return None
    if items[k].norm == "," and between:
        return None
    subj = _subject(items, lo, g, ctx)
    if subj.how not in ("phrase", "relative") or not _speaker_ok(items, subj.span, ctx):
        return None
    used_verbs.add(v)
    q = items[qi].quote
    addressee = _span(items, v + 1, k) if g.form.has("addressee") and between else None
    st = Statement([_quote_part(q, ctx.text)], "direct", g.text, items[v].start, subj.span,
                   sentence(v), frame.paragraph, subj.how, subj.chain, addressee, [q])
    return st, g.start


def _according(items, i, ctx, frame, sentence):
    """``…, according to X`` / ``According to X, …``."""
    n = len(items)
    j = i + 2
    k = j
    while k < n and not items[k].is_quote and items[k].norm not in (",", ".", ";", "—", "–",
                                                                     "(", ":"):
        k += 1
    a, b = _strip_np(items, j, k)
    span = _span(items, a, b)
    if not _speaker_ok(items, span, ctx, document_ok=False):
        return None
    words = [x for x in range(a, b) if _is_word(items[x])]
    if _head_word(items, words) in ctx.cues.document_nouns:
        return None
    if i == 0 or all(not _is_word(items[x]) for x in range(0, i)):
        # According to X, CONTENT.
        if k >= n or items[k].norm != ",":
            return None
        # skip an apposition after X
        c = k + 1
        content = _trim(items, c, n, ctx.text)
        lo = 0
    else:
        end = i
        while end > 0 and items[end - 1].norm in (",",):
            end -= 1
        content = _trim(items, 0, end, ctx.text)
        rest_words = [x for x in range(k, n) if _is_word(items[x])]
        if rest_words and items[k].norm == ",":
            # "…, according to X, who asked not to be named …": apposition, same content
            pass
        lo = 0
    if content is None:
        return None
    mode = "partial" if _has_quote(items, 0, n) else "indirect"
    st = Statement([content], mode, "according to", items[i].start, span, sentence(i),
                   frame.paragraph, "phrase", [span])
    return st, lo, n


def _verb_statement(items, g, ctx, frame, found, claimed, sentence):
    """Rule 3 for one verb group (see the module docstring)."""
    n = len(items)
    text = ctx.text
    f = g.form
    v = g.verb
    if f.has("quote_only"):
        return None
    # the region of this clause: after the last quotation/claimed item before the verb
    lo = 0
    for j in range(g.start - 1, -1, -1):
        if claimed[j] and not items[j].is_quote:
            lo = j + 1
            break
    if g.start == 0 and f.tense == "ing":
        return None
    quoted_as = _quoted_as(items, g, ctx)
    relative_before = [st for st in found if st.how == "relative" and
                       _claimed_up_to(items, claimed, g.start)]
    if quoted_as is not None:
        subj = _Subject(quoted_as, [quoted_as], "phrase")
    elif relative_before and f.tense != "ing":
        # "Marsudi, who has said that …, stressed that …": the main clause's subject
        subj = _Subject(relative_before[-1].speaker, relative_before[-1].chain, "phrase")
    elif f.tense == "ing":
        subj = _Subject(None, [], "participle") if _tok(items, g.start - 1) in (",", "") \
            else _subject(items, lo, g, ctx)
    elif g.infinitive:
        return None
    else:
        subj = _subject(items, lo, g, ctx)
    how = subj.how
    speaker, chain = subj.span, subj.chain
    follows = None
    if how in ("coordinated", "participle"):
        prior = [s for s in found if s.cue < items[v].start]
        if prior:
            follows = prior[-1]
            speaker, chain = follows.speaker, follows.chain
            how = "coordinated"
        elif speaker is None and how == "participle":
            speaker = _frame_subject(items, 0, g.start, ctx)   # "X put it well, describing"
            chain = [speaker] if speaker else []
            how = "phrase"
        else:
            how = "phrase"
        if speaker is None or not _speaker_ok(items, speaker, ctx):
            return None
    elif how == "none" or not _speaker_ok(items, speaker, ctx):
        # "…, said the ministry." (inverted, content before)
        if _tok(items, g.start - 1) == "," and f.tense in ("past", "s") and \
                not f.has("naming") and not f.has("question"):
            a, b = _inverted_speaker(items, v + 1, n, ctx)
            sp = _span(items, a, b)
            if _tok(items, g.start - 1) == "," and _speaker_ok(items, sp, ctx) and \
                    all(not _is_word(items[x]) and not items[x].is_quote for x in range(b, n)):
                content = _trim(items, lo, g.start, text)
                if content and _words_in(items, lo, g.start) >= 3:
                    mode = "partial" if _has_quote(items, lo, g.start) else "indirect"
                    return (Statement([content], mode, g.text, items[v].start, sp, sentence(v),
                                      frame.paragraph, "phrase", [sp]), lo, n)
        return None
    if f.has("noun_too") and not f.has("naming") and f.tense in ("s", "base"):
        # "Kestrel Micro reports its results", "the analyst estimate": a noun or an object
        nxt = _tok(items, v + 1)
        if nxt != "that" and not (v + 1 < n and items[v + 1].is_quote) and not (
                _tok(items, v + 1) in (",", ".") and _short_name_or_pronoun(items, speaker)):
            return None
    # naming verbs: only quoted words
    if f.has("naming"):
        for k in range(v + 1, min(n, v + 16)):
            if items[k].is_quote:
                q = items[k].quote
                return (Statement([_quote_part(q, text)], "partial", g.text, items[v].start,
                                  speaker, sentence(v), frame.paragraph, how, chain, None, [q],
                                  follows), v, k + 1)
            if items[k].norm in (".", ";", ",") and k > v + 1:
                break
        return None
    # infinitive + quoted words: "promised to “use every power available”"
    if f.has("infinitive"):
        for k in range(v + 1, min(n, v + 10)):
            if _tok(items, k) == "to":
                if k + 1 < n and items[k + 1].is_quote:
                    q = items[k + 1].quote
                    return (Statement([_quote_part(q, text)], "partial", g.text,
                                      items[v].start, speaker, sentence(v), frame.paragraph,
                                      how, chain, None, [q], follows), v, k + 2)
                break
            if items[k].norm in (".", ";", ",", "that") or items[k].is_quote:
                break
    start = _content_start(items, g, n, ctx)
    relative = how == "relative"
    if start is not None:
        c, kind, addressee = start
        end, _coord = _content_end(items, c, n, ctx, relative)
        content = _trim(items, c, end, text)
        if content is None:
            return None
        mode = "partial" if _has_quote(items, c, end) else "indirect"
        st = Statement([content], mode, g.text, items[v].start, speaker, sentence(v),
                       frame.paragraph, how, chain, addressee, [], follows)
        return st, g.start, end
    # content before the cue: fronted ("…, Kramer wrote") or around it ("The ferry, he says,")
    if how != "phrase" or speaker is None:
        return None
    s_first = next(i for i in range(n) if items[i].start >= speaker[0])
    chain_lo = min((next(i for i in range(n) if items[i].start >= c[0]) for c in chain),
                   default=s_first)
    comma = chain_lo - 1
    if comma < lo or items[comma].norm not in (",", "—", "–"):
        return None
    after = v + 1
    rest = [k for k in range(after, n) if _is_word(items[k]) or items[k].is_quote]
    head_lo = lo
    for k in range(comma - 1, lo - 1, -1):
        if items[k].norm in ("—", "–", ":", ";") or items[k].is_quote and k < comma - 1:
            head_lo = k + 1
            break
    if _words_in(items, head_lo, comma) < 2:
        return None
    if _tok(items, after) == "," and rest:
        # parenthetical: "The ferry, he says, has lost money …"
        part1 = _trim(items, head_lo, comma, text)
        end, _coord = _content_end(items, after + 1, n, ctx, False)
        part2 = _trim(items, after + 1, end, text)
        if part1 is None or part2 is None or _words_in(items, after + 1, end) < 2:
            return None
        mode = "partial" if _has_quote(items, head_lo, end) else "indirect"
        return (Statement([part1, part2], mode, g.text, items[v].start, speaker, sentence(v),
                          frame.paragraph, how, chain), head_lo, end)
    # fronted: nothing but lead-ins (or ", adding that …") after the verb
    tail_end = n
    for k in range(after, n):
        if items[k].norm == "," and _verb_form(items, k + 1, ctx.cues) is not None:
            tail_end = k
            break
        if items[k].norm in ("that",) or items[k].is_quote:
            return None
    tail = [k for k in range(after, tail_end) if _is_word(items[k])]
    if tail and not (items[tail[0]].norm in PREPOSITIONS or items[tail[0]].norm in TIME_WORDS
                     or f.has("addressee") or items[tail[0]].norm in ADVERBS):
        return None
    if any(_finite_at(items, k, ctx.cues) for k in tail):
        return None
    if _words_in(items, head_lo, comma) < 3:
        return None
    content = _trim(items, head_lo, comma, text)
    if content is None:
        return None
    mode = "partial" if _has_quote(items, head_lo, comma) else "indirect"
    return (Statement([content], mode, g.text, items[v].start, speaker, sentence(v),
                      frame.paragraph, how, chain), head_lo, tail_end)


def _quoted_as(items: Sequence[Item], g: _Group, ctx: _Ctx) -> tuple[int, int] | None:
    """``quoted X as saying …``: the span of X."""
    if g.form.tense != "ing" or _tok(items, g.start - 1) != "as":
        return None
    for k in range(g.start - 2, max(-1, g.start - 12), -1):
        n = _tok(items, k)
        if n in ("quoted", "quotes", "quote", "quoting"):
            a, b = _strip_np(items, k + 1, g.start - 1)
            return _span(items, a, b) if b > a else None
        if n in (",", ".", ";") or items[k].is_quote:
            return None
    return None


def _claimed_up_to(items: Sequence[Item], claimed: list[bool], end: int) -> bool:
    """Whether the items just before ``end`` (ignoring commas) were claimed by a statement."""
    k = end - 1
    while k >= 0 and items[k].norm in (",",):
        k -= 1
    return k >= 0 and claimed[k]


def _frame_subject(items: Sequence[Item], lo: int, hi: int, ctx: _Ctx
                   ) -> tuple[int, int] | None:
    """The noun phrase opening a clause: up to the end of its first capitalised name, or up
    to its first finite verb ("The urbanist Sofia Lindqvist put it well …")."""
    k = lo
    seen_name = False
    while k < hi:
        item = items[k]
        if item.is_quote or item.norm in (",", ";", ":"):
            break
        if _capitalised(item) and k > lo:
            seen_name = True
        elif seen_name or _finite_at(items, k, ctx.cues):
            break
        k += 1
    a, b = _strip_np(items, lo, k)
    return _span(items, a, b) if b > a and b - a <= 8 else None


def _short_name_or_pronoun(items: Sequence[Item], span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    words = [it for it in items if span[0] <= it.start and it.end <= span[1] and _is_word(it)]
    return 0 < len(words) <= 4 and (words[-1].norm in PERSONAL_PRONOUNS or
                                    words[-1].text[:1].isupper())


def _words_in(items: Sequence[Item], lo: int, hi: int) -> int:
    return sum(1 for k in range(lo, hi) if _is_word(items[k]) or items[k].is_quote)


# ---------------------------------------------------------------------------- the document

def _qa_paragraphs(doc: Document) -> dict[int, str]:
    """Paragraph index -> ``Q``, ``A`` (an answer of the interviewee), ``L`` (a transcript
    line after a speaker label in capitals: "RILEY: …") or ``A+`` (an answer or line running
    on in a paragraph without a marker, until the next question or label)."""
    marks: dict[int, str] = {}
    current = None
    labels = 0
    for index, block in enumerate(doc.blocks):
        match = _QA.match(block.text)
        label = _LABEL.match(block.text)
        if match:
            current = "A" if match.group(1) in ("A", "Answer") else "Q"
            marks[index] = current
        elif label:
            labels += 1
            current = "Q" if label.group(1).upper() in _INTERVIEWERS else "L"
            marks[index] = current
        elif current in ("A", "L"):
            marks[index] = "A+"
    if any(v == "A" for v in marks.values()) or labels >= 2:
        return marks
    return {}


def signature_paragraphs(doc: Document) -> list[int]:
    """Paragraphs that are a letter's signature: a short name line (and an address line)."""
    out = []
    for index, block in enumerate(doc.blocks):
        lines = block.text.strip().split("\n")
        if len(lines) <= 3 and _SIGNATURE.match(block.text.strip()) and \
                not lines[0].rstrip().endswith((".", "?", "!", ":", ",")) and \
                len(lines[0].split()) <= 4:
            out.append(index)
    return out


def find_statements(doc: Document, frames: list[Frame] | None = None,
                    quotations: list[Quotation] | None = None) -> list[Statement]:
    """Every statement of ``doc`` (speakers still phrases), in text order. ``frames`` and
    ``quotations``: :func:`.frames.build_frames` of ``doc`` when already built."""
    ctx = _Ctx(doc.article.text, load_speech_cues(), [s.start for s in doc.sentences])
    if frames is None or quotations is None:
        frames, quotations = build_frames(doc)
    opening = {q.paragraph: q for q in quotations if q.continues}
    first_frames = _first_frames(frames)
    qa = _qa_paragraphs(doc)
    skip = set(signature_paragraphs(doc))
    statements: list[Statement] = []
    owner: dict[int, Statement] = {}       # quotation open mark -> statement
    last_in_paragraph: dict[int, Statement] = {}
    for frame in frames:
        if frame.paragraph in skip:
            continue
        if qa.get(frame.paragraph, "") in ("A", "A+", "L"):
            _qa_answer(doc, frame, qa, statements, ctx)
            continue
        found = _frame_statements(frame, ctx, statements)
        for st in found:
            # "“A.¶“B,” she said.": the paragraphs before the attribution open the quotation
            first = st.quotes[0] if st.quotes and st.mode == "direct" else None
            while first is not None and first.continued and \
                    first.paragraph - 1 in opening and \
                    opening[first.paragraph - 1].open_mark not in owner:
                first = opening[first.paragraph - 1]
                st.parts.insert(0, _quote_part(first, ctx.text))
                st.quotes.insert(0, first)
                owner[first.open_mark] = st
        claimed_quotes = {q.open_mark for st in found for q in st.quotes}
        for st in found:
            for q in st.quotes:
                owner[q.open_mark] = st
        # 4. follow-on quotations
        items = frame.items
        quote_items = [it for it in items if it.is_quote]
        words_outside = [it for it in items if _is_word(it)]
        for it in quote_items:
            q = it.quote
            if q.open_mark in claimed_quotes:
                continue
            target = None
            if q.continued:
                target = _owner_of_previous(statements, found, owner, q)
            elif not words_outside and len(quote_items) == 1 and not found:
                prev = last_in_paragraph.get(frame.paragraph)
                if prev is None and frame.paragraph - 1 in last_in_paragraph and \
                        id(frame) in first_frames:
                    prev = last_in_paragraph[frame.paragraph - 1]
                    if not prev.quotes or not _ends_paragraph(doc, prev):
                        prev = None
                if prev is not None and prev.mode == "direct":
                    target = prev
            if target is not None:
                target.parts.append(_quote_part(q, ctx.text))
                target.quotes.append(q)
                owner[q.open_mark] = target
        statements.extend(found)
        for st in found:
            last_in_paragraph[frame.paragraph] = st
        if frame.paragraph not in last_in_paragraph and statements and \
                statements[-1].paragraph == frame.paragraph:
            last_in_paragraph[frame.paragraph] = statements[-1]
        # a frame after the last statement breaks a follow-on across paragraphs
        if not found and words_outside and frame.paragraph in last_in_paragraph:
            last_in_paragraph.pop(frame.paragraph, None)
    return statements


def _first_frames(frames: list[Frame]) -> set[int]:
    """ids of the first frame of each paragraph."""
    seen: dict[int, Frame] = {}
    for f in frames:
        seen.setdefault(f.paragraph, f)
    return {id(f) for f in seen.values()}


def _ends_paragraph(doc: Document, st: Statement) -> bool:
    block = doc.blocks[st.paragraph]
    last = st.quotes[-1]
    end = last.close_mark + 1 if last.close_mark is not None else last.end
    tail = doc.article.text[end:block.end]
    return not re.search(r"[A-Za-z]", tail) or bool(re.match(r"^[,\s]*[^.?!]*[.?!]\s*$", tail))


def _owner_of_previous(statements, found, owner, q):
    """The statement owning the quotation that ``q`` continues (looked for among the last
    statements only: the quotation opened in the previous paragraph)."""
    for st in reversed(statements[-20:] + found):
        if any(x.paragraph == q.paragraph - 1 and x.continues for x in st.quotes):
            return st
    return None


def _qa_answer(doc: Document, frame: Frame, qa: dict[int, str], statements: list[Statement],
               ctx: _Ctx) -> None:
    """A Q&A answer: the paragraph (its first frame makes the statement, later frames and
    paragraphs join it)."""
    block = doc.blocks[frame.paragraph]
    start = max(frame.start, block.start)
    speaker = None
    if frame.start == _first_start(doc, frame.paragraph):
        match = _QA.match(block.text) or _LABEL.match(block.text)
        if match:
            start = block.start + match.end()
            if qa[frame.paragraph] == "L":
                speaker = (block.start + match.start(1), block.start + match.end(1))
    part = (start, frame.end)
    mark = qa[frame.paragraph]
    prev = statements[-1] if statements and statements[-1].how in ("context", "label") \
        else None
    if prev is not None and (mark == "A+" or frame.start != _first_start(doc, frame.paragraph)) \
            and prev.paragraph <= frame.paragraph:
        a, b = prev.parts[-1]
        if doc.article.text[b:part[0]].strip() == "":
            prev.parts[-1] = (a, part[1])
        else:
            prev.parts.append(part)
        return
    if speaker is not None:
        statements.append(Statement([part], "direct", None, start, speaker, frame.sentence,
                                    frame.paragraph, "label", [speaker]))
        return
    statements.append(Statement([part], "direct", None, start, None, frame.sentence,
                                frame.paragraph, "context"))


def _first_start(doc: Document, paragraph: int) -> int:
    block = doc.blocks[paragraph]
    return block.start + (len(block.text) - len(block.text.lstrip()))
