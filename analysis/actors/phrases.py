"""Phrases of attribution: verb groups, clauses, comma segments and speaker phrases.

The pieces the grammar of :mod:`.attribution` is built from, over the items of a frame
(:mod:`.frames`: narration tokens and whole quotations):

* **word classes** (auxiliaries, prepositions, determiners, time words, …);
* **verb groups**: a speech verb with the auxiliaries, adverbs and "liked to" before it, and
  whether it is negated ("did not say"), passive ("was told") or an infinitive ("to say");
* **clauses**: whether words start a clause (a subject, then a finite verb before any comma,
  relative word or subordinator), so "said the talks failed" reports and "recalls the winter of
  2010, when …" does not;
* **segments**: the comma-separated stretches before a verb, each a lead-in ("In a statement",
  "Giving evidence …"), a relative clause, an apposition ("a neurobiologist at …", "51"), a
  noun phrase or a clause;
* **speakers**: the subject of a verb group (the head of an apposition chain, the subject
  of a coordinated clause, the antecedent of "who"), the phrase after an inverted verb, and
  whether a phrase can be a speaker at all (not a document for "according to", not a sign).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import abbreviations
from .frames import Item
from .speech import SpeechCues, VerbForm

AUX = frozenset(
    "has have had having will would shall should can could may might must is are was "
    "were am be been being do does did 's 'd 've 'll".split()
)
NEGATION = frozenset("not never n't no".split())
PASSIVE_AUX = frozenset("is are was were be been being am".split())
ADVERBS = frozenset(
    "also later long earlier previously once often still now then again already "
    "always just afterwards subsequently too reportedly repeatedly even first "
    "initially last further frequently".split()
)
PREPOSITIONS = frozenset(
    "in on at after before during under over from for with by to via "
    "through throughout into onto since until within without despite "
    "following outside inside near across against among between beside "
    "behind beyond around about of as like upon amid".split()
)
LEAD_WORDS = frozenset(
    "however meanwhile later earlier then but and yet still instead also "
    "separately elsewhere indeed nevertheless nonetheless so thus asked "
    "speaking writing last".split()
)
SUBORDINATORS = frozenset(
    "when if as because while although though whereas unless since until "
    "after before once whether where".split()
)
RELATIVES = frozenset("who whom whose which where".split())
WH_WORDS = frozenset("whether if how why what when where who which whom whose".split())
DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your some any "
    "no every each all both either neither several many most few such "
    "another other".split()
)
SUBJECT_PRONOUNS = frozenset(
    "he she it they we i you there this that these those who "
    "nobody everyone everybody someone somebody none".split()
)
PERSONAL_PRONOUNS = frozenset("he she they it we i".split())
OBJECT_WORDS = frozenset("me him her us them you it".split())
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today "
    "yesterday tonight tomorrow week month year morning afternoon evening "
    "night weekend january february march april may june july august "
    "september october november december last next this ago later earlier "
    "afterwards".split()
)
FINITE = frozenset(
    "is are was were am has have had will would shall should can could may "
    "might must do does did 's 're 've 'd 'll won't can't isn't wasn't aren't "
    "weren't hasn't haven't hadn't doesn't don't didn't wouldn't couldn't "
    "shouldn't went came took made gave got found fell rose left knew thought "
    "saw told said became began brought bought built held kept led lost meant "
    "met paid put ran sent set sold spent stood understood won wrote".split()
)
COORDINATORS = frozenset("and but or".split())
MARK_CHARS = "“”\"‘’'«»„"
PARTICIPLES = frozenset(
    "seen shown given taken made held done found known cited obtained "
    "released published compiled shared issued".split()
)


@dataclass
class Ctx:
    """What the grammar needs about the document."""

    text: str
    cues: SpeechCues
    sentence_starts: list[int]


# ---------------------------------------------------------------------------- small helpers


def norm_at(items: Sequence[Item], i: int) -> str:
    return items[i].norm if 0 <= i < len(items) and not items[i].is_quote else ""


def is_word(item: Item) -> bool:
    return item.token is not None and item.token.is_word


def capitalised(item: Item) -> bool:
    return is_word(item) and item.text[:1].isupper()


def quote_ends_with(item: Item, text: str, chars: str) -> bool:
    q = item.quote
    if q is None:
        return False
    inner = text[q.start : q.end].rstrip()
    return bool(inner) and inner[-1] in chars


def items_span(items: Sequence[Item], lo: int, hi: int) -> tuple[int, int] | None:
    """Offsets of items[lo:hi] (None when empty)."""
    if hi <= lo:
        return None
    return items[lo].start, items[hi - 1].end


def verb_form(items: Sequence[Item], i: int, cues: SpeechCues) -> VerbForm | None:
    """The speech verb at ``i``, unless it is capitalised or used as a noun or adjective
    after a determiner ("a reply", "a straight answer", "the reported deaths")."""
    item = items[i]
    form = cues.verbs.get(item.norm)  # first: most tokens are not speech verbs
    if form is None or item.is_quote or not is_word(item) or item.text[:1].isupper():
        return None
    before = norm_at(items, i - 1)
    nounlike = (form.has("noun_too") or form.tense == "base") and form.tense != "past"
    if norm_at(items, i + 1) == "that" and before not in DETERMINERS:
        return form
    if (
        before in DETERMINERS
        or before in ("'s", "’s")
        or (
            nounlike
            and norm_at(items, i - 2) in DETERMINERS
            and before
            and before not in AUX
            and before not in ADVERBS
            and before not in NEGATION
            and not items[i - 1].text[:1].isupper()
        )
    ):
        return None
    return form


# ---------------------------------------------------------------------------- verb groups


@dataclass
class VerbGroup:
    start: int  # first item of the verb group (auxiliaries, adverbs, "liked to")
    verb: int  # the speech verb
    form: VerbForm
    text: str  # the verb group as written, adverbs left out
    negated: bool
    passive: bool
    infinitive: bool


def verb_group(items: Sequence[Item], v: int, ctx: Ctx) -> VerbGroup:
    form = ctx.cues.verbs[items[v].norm]
    j = v - 1
    words = [items[v].text]
    negated = passive = infinitive = False
    if norm_at(items, j) == "to":
        if norm_at(items, j - 1) in ctx.cues.catenatives:
            words[:0] = [items[j - 1].text, "to"]
            j -= 2
        else:
            infinitive = True
    previous = None
    while j >= 0 and not items[j].is_quote:
        n = items[j].norm
        if n in AUX:
            if n in PASSIVE_AUX and previous is None and form.tense == "past" and not infinitive:
                passive = True
            words.insert(0, items[j].text)
            previous = n
        elif n in NEGATION:
            negated = True
        elif (n in ADVERBS or (n.endswith("ly") and n.isalpha() and len(n) > 4)) and not items[
            j
        ].text[:1].isupper():
            pass
        else:
            break
        j -= 1
    start = j + 1
    # "has been saying": progressive, not passive
    if passive and form.tense == "ing":
        passive = False
    return VerbGroup(start, v, form, " ".join(words), negated, passive, infinitive)


# ---------------------------------------------------------------------------- clauses


def finite_word(items: Sequence[Item], i: int) -> bool:
    """A lower-case auxiliary or common irregular past form ("Fell" is a name)."""
    return norm_at(items, i) in FINITE and not items[i].text[:1].isupper()


def finite_at(items: Sequence[Item], i: int, cues: SpeechCues, plural_s: bool = True) -> bool:
    n = norm_at(items, i)
    if not n or not is_word(items[i]) or items[i].text[:1].isupper():
        return False
    if n in FINITE or n in cues.verbs and cues.verbs[n].tense in ("past", "s"):
        return True
    before = norm_at(items, i - 1)
    if (
        n.endswith("ed")
        and len(n) > 4
        and before not in DETERMINERS
        and before not in ("been", "be", "being", "is", "was", "were", "are", "to")
    ):
        return True
    if (
        plural_s
        and n.endswith("s")
        and not n.endswith(("ss", "us", "is", "'s", "ous"))
        and len(n) > 3
        and before
        and before not in DETERMINERS
        and before not in PREPOSITIONS
        and not before.endswith("ly")
        and not before.isdigit()
        and before not in AUX
        and is_word(items[i - 1])
    ):
        return True
    return False


def starts_clause(items: Sequence[Item], lo: int, hi: int, cues: SpeechCues) -> bool:
    """Whether items[lo:hi] starts a clause: a subject, then a finite verb before any comma,
    relative word or subordinator (so "the winter of 2010, when snow closed …" and "a slowdown
    in orders that have been …" are noun phrases, not clauses)."""
    if lo >= hi or items[lo].is_quote:
        return False
    first = items[lo].norm
    if not is_word(items[lo]) and first not in ("$", "£", "€"):
        return False
    if (
        first in PREPOSITIONS - {"about"}
        or first in TIME_WORDS
        or first == "to"
        or first in WH_WORDS - {"who"}
        or first.endswith("ing")
        and first not in ("nothing", "something", "everything")
    ):
        return False
    if finite_at(items, lo, cues, plural_s=False) and first not in ("there",):
        return False  # starts with a verb: no subject
    for i in range(lo + 1, min(hi, lo + 25)):
        n = items[i].norm
        if items[i].is_quote:
            continue
        if (
            n in (",", ";", ":", "(", "—", "–")
            or n in RELATIVES
            or n == "that"
            or n in SUBORDINATORS - {"as"}
        ):
            return False
        if finite_at(items, i, cues):
            return True
    return False


# ---------------------------------------------------------------------------- segments


@dataclass
class Segment:
    lo: int
    hi: int
    kind: str  # empty, relative, apposition, np, leadin, clause


def segments(items: Sequence[Item], lo: int, hi: int, ctx: Ctx) -> list[Segment]:
    """Comma-separated segments of items[lo:hi] (a quotation ending in "," ends one too);
    parentheses are skipped; a dash, colon or semicolon drops everything before it."""
    segs: list[Segment] = []
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
            segs.append(Segment(start, i, ""))
            start = i + 1
        elif depth == 0 and item.is_quote and quote_ends_with(item, ctx.text, ","):
            segs.append(Segment(start, i + 1, ""))
            start = i + 1
        i += 1
    segs.append(Segment(start, hi, ""))
    # "The Austin, Texas-based company": a place, then its state, is one phrase
    merged: list[Segment] = []
    for seg in segs:
        if (
            merged
            and seg.hi > seg.lo
            and merged[-1].hi > merged[-1].lo
            and capitalised(items[merged[-1].hi - 1])
            and capitalised(items[seg.lo])
            and norm_at(items, merged[-1].lo) in ("the", "a", "an")
            and not capitalised(items[seg.hi - 1])
        ):
            merged[-1] = Segment(merged[-1].lo, seg.hi, "")
        else:
            merged.append(seg)
    for seg in merged:
        seg.kind = segment_kind(items, seg, ctx)
    return merged


def segment_kind(items: Sequence[Item], seg: Segment, ctx: Ctx) -> str:
    words = [i for i in range(seg.lo, seg.hi) if items[i].norm not in "()"]
    words = [i for i in words if is_word(items[i]) or items[i].is_quote]
    if not words:
        return "empty"
    while len(words) > 1 and items[words[0]].norm in COORDINATORS:
        words = words[1:]
    first = items[words[0]].norm
    if first in RELATIVES or first == "that" and len(words) > 1:
        return "relative"
    if first.isdigit() or first in (
        "aged",
        "defending",
        "prosecuting",
        "formerly",
        "both",
        "then",
        "now",
    ):
        return "apposition"
    if (
        first.endswith("ing")
        and not items[words[0]].text[:1].isupper()
        and first not in ctx.cues.verbs
    ):
        return "apposition"  # "Mayor Ortiz, speaking to reporters, said"
    if (
        first in PREPOSITIONS
        or first in LEAD_WORDS
        or first in SUBORDINATORS
        or first in TIME_WORDS
    ):
        return "leadin"
    if (
        items[words[0]].text[:1].isupper()
        and words[0] == seg.lo
        and (
            first.endswith("ing")
            or first.endswith("ed")
            and len(words) > 1
            and (items[words[1]].norm in PREPOSITIONS or items[words[1]].norm in WH_WORDS)
        )
    ):
        return "leadin"  # "Giving evidence …", "Opening the case …", "Asked whether …"
    if first in ("a", "an"):
        return "apposition_np"
    # verbs of a relative clause inside the phrase do not make it a clause
    rel = next((k for k, i in enumerate(words) if k > 0 and items[i].norm in RELATIVES), None)
    main = words[:rel] if rel is not None else words
    if (
        any(verb_form(items, i, ctx.cues) for i in main)
        or any(finite_word(items, i) for i in main)
        or any(finite_at(items, i, ctx.cues, plural_s=False) for i in main[1:])
    ):
        return "clause"
    return "np"


@dataclass
class Subject:
    span: tuple[int, int] | None
    chain: list[tuple[int, int]]
    how: str  # phrase, relative, coordinated, none


def strip_phrase(items: Sequence[Item], lo: int, hi: int) -> tuple[int, int]:
    """Drop leading conjunctions/subordinators and trailing commas from a phrase."""
    while lo < hi and (items[lo].norm in SUBORDINATORS | COORDINATORS | {",", "—", "–"}):
        lo += 1
    while hi > lo and (
        not (is_word(items[hi - 1]) or items[hi - 1].norm in (")",))
        or items[hi - 1].norm in ADVERBS
        and hi - 1 > lo
    ):
        hi -= 1
    return lo, hi


def subject_of(items: Sequence[Item], lo: int, g: VerbGroup, ctx: Ctx) -> Subject:
    """The speaker phrase left of a verb group (see the module docstring)."""
    hi = g.start
    segs = segments(items, lo, hi, ctx)
    last = segs[-1]
    if last.kind == "empty":
        # "Kevin Osei, a portfolio manager …, which owns …, told": an apposition chain
        return chain_head(items, segs[:-1], ctx) if len(segs) > 1 else Subject(None, [], "none")
    toks = list(range(last.lo, last.hi))
    conj = [i for i in toks if items[i].norm in COORDINATORS]
    if conj and conj[-1] == last.hi - 1:
        # "… welcomed the deal but said": the subject of the coordinated clause
        before = Segment(last.lo, conj[-1], "")
        before.kind = segment_kind(items, before, ctx)
        verb_phrase = before.kind == "clause" or (
            before.hi > before.lo and finite_at(items, before.lo, ctx.cues)
        )
        head = (
            chain_head(items, segs[:-1], ctx)
            if verb_phrase or before.kind == "empty"
            else Subject(None, [], "none")
        )
        if head.span and verb_phrase and not clause_has_subject(items, before):
            return Subject(head.span, head.chain, "coordinated")
        return Subject(None, [], "coordinated")
    # "what the company called": the subject after "what"
    whats = [i for i in toks if items[i].norm == "what"]
    if whats:
        a, b = strip_phrase(items, whats[-1] + 1, last.hi)
        if b <= a:
            return Subject(None, [], "none")
        return Subject(items_span(items, a, b), [], "phrase")
    if "(" in [items[i].norm for i in toks]:
        cut = next(i for i in toks if items[i].norm == "(")
        last = Segment(last.lo, cut, last.kind)
    if last.kind == "relative":
        rel = items[last.lo].norm
        rest = strip_phrase(items, last.lo + 1, last.hi)
        if rest[1] > rest[0] and rel in ("that", "which", "whom"):
            return Subject(items_span(items, *rest), [], "phrase")  # "… that they say …"
        if rel in ("who", "that", "which") and rest[1] <= rest[0] and len(segs) > 1:
            head = chain_head(items, segs[:-1], ctx)
            if head.span:
                return Subject(head.span, head.chain, "relative")
            antecedent = clause_object(items, segs[-2], ctx)
            if antecedent is not None:
                return Subject(antecedent, [antecedent], "relative")
        return Subject(None, [], "none")
    np_and_np = conj and not any(finite_at(items, i, ctx.cues) for i in range(last.lo, conj[-1]))
    if conj and last.kind in ("clause", "leadin", "np") and not (np_and_np and last.kind == "np"):
        a, b = strip_phrase(items, conj[-1] + 1, last.hi)
        if b > a and not any(finite_word(items, i) for i in range(a, b)):
            return Subject(items_span(items, a, b), [], "phrase")
        return Subject(None, [], "none")
    if last.kind in ("clause", "leadin"):
        # "When I asked …": a subordinate clause's own subject
        a, b = strip_phrase(items, last.lo, last.hi)
        if (
            b > a
            and items[last.lo].norm in SUBORDINATORS
            and b - a <= 4
            and not any(finite_word(items, i) for i in range(a, b))
        ):
            return Subject(items_span(items, a, b), [], "phrase")
        return Subject(None, [], "none")
    # "a move unions called …", "the plan they announced": a relative clause without "that"
    words = [i for i in toks if is_word(items[i])]
    if (
        len(words) >= 3
        and items[words[0]].norm in DETERMINERS
        and (
            items[words[-1]].norm in PERSONAL_PRONOUNS - {"it"}
            or (
                plural(items[words[-1]].norm)
                and not capitalised(items[words[-1]])
                and not capitalised(items[words[-2]])
                and items[words[-2]].norm not in DETERMINERS
                and not items[words[-2]].norm.endswith(("al", "ous", "ive", "ful", "ic", "s"))
            )
        )
    ):
        return Subject(items_span(items, words[-1], words[-1] + 1), [], "phrase")
    # a phrase right before the verb: it is the subject
    a, b = strip_phrase(items, last.lo, last.hi)
    if b <= a or b - a > 14:
        return Subject(None, [], "none")
    return Subject(items_span(items, a, b), [items_span(items, a, b)], "phrase")


def plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def clause_has_subject(items: Sequence[Item], seg: Segment) -> bool:
    """Whether a clause segment starts with its own subject ("Ann left but"), rather than a
    verb coordinated with an earlier subject ("welcomed the deal but")."""
    first = items[seg.lo]
    return first.norm in SUBJECT_PRONOUNS or first.text[:1].isupper()


def clause_object(items: Sequence[Item], seg: Segment, ctx: Ctx) -> tuple[int, int] | None:
    """The noun phrase ending a clause ("I received a reply from the department"), the
    antecedent of a relative clause after it."""
    last_verb = None
    for i in range(seg.lo, seg.hi):
        if finite_at(items, i, ctx.cues, plural_s=False):
            last_verb = i
    if last_verb is None:
        return None
    a, b = strip_phrase(items, last_verb + 1, seg.hi)
    if b <= a or b - a > 12:
        return None
    return items_span(items, a, b)


def chain_head(items: Sequence[Item], segs: list[Segment], ctx: Ctx) -> Subject:
    """The head of an apposition chain ending at the last segment: walk left over relative
    clauses, ages and appositive phrases until a lead-in, a clause or the frame start."""
    chain: list[Segment] = []
    for seg in reversed(segs):
        if (
            seg.kind == "leadin"
            and not any(c.kind == "np" for c in chain)
            and capitalised(items[seg.lo])
            and items[seg.lo].norm.endswith("ing")
            and capitalised(items[seg.hi - 1])
            and seg is segs[0]
        ):
            seg.kind = "np"  # "Swimming teacher Karen Bright, who …, said"
        if seg.kind in ("leadin", "clause", "empty"):
            if seg.kind == "clause" and not chain:
                return Subject(None, [], "none")
            break
        if (
            seg.kind == "np"
            and not capitalised(items[seg.lo])
            and items[seg.lo].norm not in DETERMINERS
        ):
            break  # "…, halting most traffic, union officials said": not a phrase
        chain.insert(0, seg)
        if seg.kind == "np" and any(s.kind == "np" for s in chain[1:]):
            break
    nps = [s for s in chain if s.kind in ("np", "apposition_np")]
    if not nps:
        return Subject(None, [], "none")
    head = nps[0]
    spans = [items_span(items, *strip_phrase(items, s.lo, paren_cut(items, s))) for s in nps]
    spans = [s for s in spans if s]
    # a name in apposition names the speaker ("The council's head of leisure, Paul Okonjo")
    named = [s for s in nps if capitalised(items[strip_phrase(items, s.lo, s.hi)[1] - 1])]
    if named and not capitalised(items[strip_phrase(items, head.lo, head.hi)[1] - 1]):
        head = named[0]
    a, b = strip_phrase(items, head.lo, paren_cut(items, head))
    if b <= a or b - a > 14:
        return Subject(None, [], "none")
    return Subject(items_span(items, a, b), spans, "phrase")


def paren_cut(items: Sequence[Item], seg: Segment) -> int:
    for i in range(seg.lo, seg.hi):
        if items[i].norm == "(":
            return i
    return seg.hi


def inverted_speaker(items: Sequence[Item], lo: int, hi: int, ctx: Ctx) -> tuple[int, int]:
    """The speaker phrase after an inverted verb ("said Niek Dijkstra, who leads …"): up to
    the first comma, quotation or boundary."""
    j = lo
    short = abbreviations()
    while (
        j < hi
        and not items[j].is_quote
        and (
            items[j].norm not in (",", ".", ";", ":", "—", "–", "(", "?", "!")
            or items[j].norm == "."
            and j > lo
            and norm_at(items, j - 1) in short
        )
    ):
        j += 1  # "said Sen. Chuck Schumer": the abbreviation's full stop is not an end
    return strip_phrase(items, lo, j)


def speaker_ok(
    items: Sequence[Item], span: tuple[int, int] | None, ctx: Ctx, document_ok: bool = True
) -> bool:
    if span is None:
        return False
    idx = [i for i, it in enumerate(items) if span[0] <= it.start and it.end <= span[1]]
    words = [i for i in idx if is_word(items[i])]
    if not words or len(words) > 14:
        return False
    first, last = items[words[0]].norm, items[words[-1]].norm
    if first in PREPOSITIONS or first in ("to", "that") or first in TIME_WORDS:
        return False
    if last in DETERMINERS or last in PREPOSITIONS or last in AUX or last in COORDINATORS:
        return False
    if len(words) == 1 and last in ctx.cues.generic_speakers:
        return False
    if any(finite_word(items, i) for i in words):
        return False
    if any(
        verb_form(items, i, ctx.cues)
        and ctx.cues.verbs[items[i].norm].tense in ("past", "s")
        and norm_at(items, i - 1) not in DETERMINERS
        for i in words
    ):
        return False
    head = head_word(items, words)
    if head in ctx.cues.generic_speakers and not any(
        items[i].norm.isdigit() or items[i].norm in ("two", "three", "four", "several")
        for i in words
    ):
        return False
    if not document_ok and head in ctx.cues.document_nouns:
        return False
    if head in ctx.cues.non_speakers or any(
        items[i].norm in ctx.cues.non_speakers for i in words[:3]
    ):
        return False
    return True


def head_word(items: Sequence[Item], words: list[int]) -> str:
    """The head noun of a phrase: the last word before a modifier that follows it (a
    preposition, a relative word, a participle, a second determiner: "a study published on
    Wednesday", "exchange data compiled by …", "the data the council published")."""
    for k, i in enumerate(words):
        n = items[i].norm
        if k > 0 and (
            n in PREPOSITIONS | RELATIVES | {"that"}
            or n in DETERMINERS
            or n in PARTICIPLES
            or (n.endswith(("ed", "en")) and len(n) > 3 and not items[i].text[:1].isupper())
        ):
            return items[words[k - 1]].norm
    return items[words[-1]].norm
