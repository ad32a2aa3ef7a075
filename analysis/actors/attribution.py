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

from ..text import Document
from .frames import Frame, Item, build_frames, sentence_index
from .phrases import (
    ADVERBS,
    AUX,
    COORDINATORS,
    DETERMINERS,
    FINITE,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    SUBORDINATORS,
    TIME_WORDS,
    WH_WORDS,
    Ctx,
    Subject,
    VerbGroup,
    capitalised,
    finite_at,
    finite_word,
    head_word,
    inverted_speaker,
    is_word,
    items_span,
    norm_at,
    quote_ends_with,
    speaker_ok,
    starts_clause,
    strip_phrase,
    subject_of,
    verb_form,
    verb_group,
)
from .quotations import Quotation
from .speech import VerbForm, load_speech_cues

_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'’-]+(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\))?"
    r"\s*[-–—]+\s+"
)
_QA = re.compile(r"^\s*(Q|A|Question|Answer)\s*[:.]\s+")
_LABEL = re.compile(r"^\s*([A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2})\s*:\s+")
_INTERVIEWERS = frozenset(
    {"Q", "QUESTION", "HOST", "INTERVIEWER", "MODERATOR", "ANCHOR", "REPORTER", "PRESENTER"}
)
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


# ---------------------------------------------------------------------------- content

_SKIP_BEFORE_CONTENT = 10
_NEEDS_ADDRESSEE = frozenset({"tell", "inform", "assure", "remind", "advise"})


def _content_start(
    items: Sequence[Item], g: VerbGroup, hi: int, ctx: Ctx
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
            if n == "," and p + 1 < hi and norm_at(items, p + 1) == "that":
                continue  # "said, that …" (rare, keep)
            return None
        skipped = (pos, p)
        addressee = items_span(items, pos, p) if f.has("addressee") and p > pos else None
        if p > pos and (
            norm_at(items, p - 1) in DETERMINERS
            or (capitalised(item) and capitalised(items[p - 1]))
        ):
            continue  # inside the addressee: "told the BBC she …", "told Al Arabiya the …"
        if n == "that":
            if _skip_ok(items, skipped, f, ctx):
                return p + 1, "that", addressee
            return None
        if (
            n in WH_WORDS
            and (f.has("question") or n in ("how", "whether", "why"))
            and _skip_ok(items, skipped, f, ctx)
        ):
            return p, "wh", addressee
        if (
            f.has("bare")
            and _skip_ok(items, skipped, f, ctx)
            and starts_clause(items, p, hi, ctx.cues)
        ):
            return p, "bare", addressee
    return None


def _skip_ok(items: Sequence[Item], span: tuple[int, int], f: VerbForm, ctx: Ctx) -> bool:
    """Whether the words between a verb and its clause are lead-ins or an addressee: no verb,
    no quotation; an addressee only for "tell"-like verbs."""
    lo, hi = span
    if hi <= lo:
        return True
    words = [i for i in range(lo, hi) if is_word(items[i])]
    if any(
        finite_at(items, i, ctx.cues, plural_s=False) and items[i].norm not in TIME_WORDS
        for i in words
    ):
        return False
    if any(items[i].norm == "to" for i in words) and f.has("addressee") and items[lo].norm != "to":
        return False  # "asked her firm to look at whether …": a request, not a question
    first = items[lo].norm
    if f.has("addressee"):
        return True
    # lead-ins: a prepositional phrase, time words, adverbs
    return first in PREPOSITIONS or first in TIME_WORDS or first in ADVERBS or first.endswith("ly")


def _content_end(
    items: Sequence[Item], lo: int, hi: int, ctx: Ctx, relative: bool
) -> tuple[int, int | None]:
    """Where a reported clause starting at ``lo`` ends (exclusive), and the index of a
    coordinated speech verb that starts a new statement there (or None)."""
    i = lo
    while i < hi:
        item = items[i]
        n = item.norm
        if relative and (n == "," or (item.is_quote and quote_ends_with(item, ctx.text, ","))):
            return (i + 1 if item.is_quote else i), None
        if n == ";":
            return i, None
        if n == "," and norm_at(items, i + 1) == "according" and norm_at(items, i + 2) == "to":
            return i, None
        if n == "," and _new_cue_after(items, i + 1, hi, ctx):
            return i, None
        if (
            n == ","
            and norm_at(items, i + 1) in ("a", "an")
            and not relative
            and i + 2 < hi
            and not finite_at(items, i + 2, ctx.cues)
        ):
            return i, None  # "…, a move unions called “brutal.”": an apposition
        if n in COORDINATORS or n == ",":
            j = i + 1
            if n == "," and norm_at(items, j) in COORDINATORS:
                j += 1
            k = j
            while k < hi and (norm_at(items, k) in AUX or norm_at(items, k) in ADVERBS):
                k += 1
            form = verb_form(items, k, ctx.cues) if k < hi else None
            if (
                form is not None
                and form.has("coordinate")
                and (n != "," or form.tense == "ing" or j > i + 1)
                and norm_at(items, k - 1) != "to"
            ):
                return i, k
        i += 1
    return hi, None


def _new_cue_after(items: Sequence[Item], lo: int, hi: int, ctx: Ctx) -> bool:
    """Whether a new clause with its own speaker and speech verb starts at ``lo`` ("…, she
    told me it was …")."""
    for k in range(lo, min(hi, lo + 8)):
        item = items[k]
        if item.is_quote or item.norm in (",", ";", ":"):
            return False
        form = verb_form(items, k, ctx.cues)
        if form is not None and form.tense in ("past", "s", "base") and k > lo:
            words = [items[j] for j in range(lo, k) if is_word(items[j])]
            while len(words) > 1 and words[0].norm in SUBORDINATORS | COORDINATORS | {"whereas"}:
                words = words[1:]
            return (
                bool(words)
                and (
                    words[0].norm in PERSONAL_PRONOUNS
                    or words[0].norm in DETERMINERS
                    or words[0].text[:1].isupper()
                )
                and not any(
                    finite_word(items, j) and norm_at(items, j) not in {"said", "told", "wrote"}
                    for j in range(lo, k)
                )
            )
        if finite_at(items, k, ctx.cues) and items[k].norm not in AUX:
            return False
    return False


def _trim(items: Sequence[Item], lo: int, hi: int, text: str) -> tuple[int, int] | None:
    """Offsets of a reported clause items[lo:hi] without final punctuation."""
    while (
        hi > lo
        and not items[hi - 1].is_quote
        and items[hi - 1].norm in (".", ",", ";", ":", "—", "–")
    ):
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


def _frame_statements(frame: Frame, ctx: Ctx) -> list[Statement]:
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

    verbs = [i for i in range(n) if verb_form(items, i, ctx.cues) is not None]

    # 1. quotation + attribution
    for qi in range(n):
        item = items[qi]
        if not item.is_quote or claimed[qi]:
            continue
        before_words = [k for k in range(0, qi) if is_word(items[k])]
        opens_frame = not before_words or _DATELINE.match(text[items[0].start : item.start])
        ends_open = (
            quote_ends_with(item, text, ",?!—–-…")
            or item.quote.close_mark is None
            or (qi + 1 < n and verb_form(items, qi + 1, ctx.cues) is not None)
            or (
                qi + 2 < n
                and norm_at(items, qi + 1) in PERSONAL_PRONOUNS
                and verb_form(items, qi + 2, ctx.cues) is not None
            )
        )
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
        if norm_at(items, i) == "according" and norm_at(items, i + 1) == "to" and not claimed[i]:
            st = _according(items, i, ctx, frame, sentence)
            if st is not None:
                add(st[0], st[1], st[2])

    # 3. speech verbs governing clauses
    for v in verbs:
        if v in used_verbs or claimed[v]:
            continue
        g = verb_group(items, v, ctx)
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
    g = verb_group(items, v, ctx)
    if g.negated or g.passive or g.infinitive:
        return None
    lo = qi + 1
    while lo < g.start and items[lo].norm in (",", "—", "–", "-"):
        lo += 1
    if lo == g.start:  # "“…,” said X"
        a, b = inverted_speaker(items, v + 1, hi, ctx)
        speaker = items_span(items, a, b)
        chain = [speaker] if speaker else []
        how = "phrase"
        if not speaker_ok(items, speaker, ctx):
            return None
        after = b
    else:
        if v - lo > 16:
            return None
        subj = subject_of(items, lo, g, ctx)
        if subj.how != "phrase" or not speaker_ok(items, subj.span, ctx):
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
        between = [k for k in range(after, nxt) if is_word(items[k])]
        if (
            not any(verb_form(items, k, ctx.cues) for k in between)
            and not any(items[k].norm in FINITE for k in between)
            and all(not is_word(items[k]) for k in range(nxt + 1, n))
        ):
            parts.append(_quote_part(items[nxt].quote, text))
            quotes.append(items[nxt].quote)
            end = nxt + 1
    used_verbs.add(v)
    st = Statement(
        parts,
        "direct",
        g.text,
        items[v].start,
        speaker,
        sentence(v),
        frame.paragraph,
        how,
        chain,
        None,
        quotes,
    )
    return st, qi, max(end, v + 1)


def _before_quote(items, qi, ctx, verbs, used_verbs, frame, sentence):
    """``X said: “…”`` / ``X liked to say, “…”``: the quotation ends the frame."""
    n = len(items)
    if any(is_word(items[k]) or items[k].is_quote for k in range(qi + 1, n)):
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
    g = verb_group(items, v, ctx)
    if g.negated or g.passive or g.infinitive and not norm_at(items, v - 1) == "to":
        return None
    between = [j for j in range(v + 1, k) if is_word(items[j])]
    if (
        len(between) > 8
        or any(finite_at(items, j, ctx.cues, plural_s=False) for j in between)
        or any(items[j].norm in (",",) for j in range(v + 1, k))
        and items[k].norm == ":"
    ):
        return None
    if items[k].norm == "," and between:
        return None
    subj = subject_of(items, lo, g, ctx)
    if subj.how not in ("phrase", "relative") or not speaker_ok(items, subj.span, ctx):
        return None
    used_verbs.add(v)
    q = items[qi].quote
    addressee = items_span(items, v + 1, k) if g.form.has("addressee") and between else None
    st = Statement(
        [_quote_part(q, ctx.text)],
        "direct",
        g.text,
        items[v].start,
        subj.span,
        sentence(v),
        frame.paragraph,
        subj.how,
        subj.chain,
        addressee,
        [q],
    )
    return st, g.start


def _according(items, i, ctx, frame, sentence):
    """``…, according to X`` / ``According to X, …``."""
    n = len(items)
    j = i + 2
    k = j
    while (
        k < n and not items[k].is_quote and items[k].norm not in (",", ".", ";", "—", "–", "(", ":")
    ):
        k += 1
    a, b = strip_phrase(items, j, k)
    span = items_span(items, a, b)
    if not speaker_ok(items, span, ctx, document_ok=False):
        return None
    words = [x for x in range(a, b) if is_word(items[x])]
    if head_word(items, words) in ctx.cues.document_nouns:
        return None
    if i == 0 or all(not is_word(items[x]) for x in range(0, i)):
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
        rest_words = [x for x in range(k, n) if is_word(items[x])]
        if rest_words and items[k].norm == ",":
            # "…, according to X, who asked not to be named …": apposition, same content
            pass
        lo = 0
    if content is None:
        return None
    mode = "partial" if _has_quote(items, 0, n) else "indirect"
    st = Statement(
        [content],
        mode,
        "according to",
        items[i].start,
        span,
        sentence(i),
        frame.paragraph,
        "phrase",
        [span],
    )
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
    relative_before = [
        st for st in found if st.how == "relative" and _claimed_up_to(items, claimed, g.start)
    ]
    if quoted_as is not None:
        subj = Subject(quoted_as, [quoted_as], "phrase")
    elif relative_before and f.tense != "ing":
        # "Marsudi, who has said that …, stressed that …": the main clause's subject
        subj = Subject(relative_before[-1].speaker, relative_before[-1].chain, "phrase")
    elif f.tense == "ing":
        subj = (
            Subject(None, [], "participle")
            if norm_at(items, g.start - 1) in (",", "")
            else subject_of(items, lo, g, ctx)
        )
    elif g.infinitive:
        return None
    else:
        subj = subject_of(items, lo, g, ctx)
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
            speaker = _frame_subject(items, 0, g.start, ctx)  # "X put it well, describing"
            chain = [speaker] if speaker else []
            how = "phrase"
        else:
            how = "phrase"
        if speaker is None or not speaker_ok(items, speaker, ctx):
            return None
    elif how == "none" or not speaker_ok(items, speaker, ctx):
        # "…, said the ministry." (inverted, content before)
        if (
            norm_at(items, g.start - 1) == ","
            and f.tense in ("past", "s")
            and not f.has("naming")
            and not f.has("question")
        ):
            a, b = inverted_speaker(items, v + 1, n, ctx)
            sp = items_span(items, a, b)
            if (
                norm_at(items, g.start - 1) == ","
                and speaker_ok(items, sp, ctx)
                and all(not is_word(items[x]) and not items[x].is_quote for x in range(b, n))
            ):
                content = _trim(items, lo, g.start, text)
                if content and _words_in(items, lo, g.start) >= 3:
                    mode = "partial" if _has_quote(items, lo, g.start) else "indirect"
                    return (
                        Statement(
                            [content],
                            mode,
                            g.text,
                            items[v].start,
                            sp,
                            sentence(v),
                            frame.paragraph,
                            "phrase",
                            [sp],
                        ),
                        lo,
                        n,
                    )
        return None
    if f.has("noun_too") and not f.has("naming") and f.tense in ("s", "base"):
        # "Kestrel Micro reports its results", "the analyst estimate": a noun or an object
        nxt = norm_at(items, v + 1)
        if (
            nxt != "that"
            and not (v + 1 < n and items[v + 1].is_quote)
            and not (norm_at(items, v + 1) in (",", ".") and _short_name_or_pronoun(items, speaker))
        ):
            return None

    def quoted_words(q, after: int):
        """The quoted words ``q`` as a partial statement, and where the clause ends."""
        statement = Statement(
            [_quote_part(q, text)], "partial", g.text, items[v].start, speaker, sentence(v),
            frame.paragraph, how, chain, None, [q], follows,
        )  # fmt: skip
        return statement, v, after

    # naming verbs: only quoted words
    if f.has("naming"):
        for k in range(v + 1, min(n, v + 16)):
            if items[k].is_quote:
                q = items[k].quote
                return quoted_words(q, k + 1)
            if items[k].norm in (".", ";", ",") and k > v + 1:
                break
        return None
    # infinitive + quoted words: "promised to “use every power available”"
    if f.has("infinitive"):
        for k in range(v + 1, min(n, v + 10)):
            if norm_at(items, k) == "to":
                if k + 1 < n and items[k + 1].is_quote:
                    q = items[k + 1].quote
                    return quoted_words(q, k + 2)
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
        st = Statement(
            [content],
            mode,
            g.text,
            items[v].start,
            speaker,
            sentence(v),
            frame.paragraph,
            how,
            chain,
            addressee,
            [],
            follows,
        )
        return st, g.start, end
    # content before the cue: fronted ("…, Kramer wrote") or around it ("The ferry, he says,")
    if how != "phrase" or speaker is None:
        return None
    s_first = next(i for i in range(n) if items[i].start >= speaker[0])
    chain_lo = min(
        (next(i for i in range(n) if items[i].start >= c[0]) for c in chain), default=s_first
    )
    comma = chain_lo - 1
    if comma < lo or items[comma].norm not in (",", "—", "–"):
        return None
    after = v + 1
    rest = [k for k in range(after, n) if is_word(items[k]) or items[k].is_quote]
    head_lo = lo
    for k in range(comma - 1, lo - 1, -1):
        if items[k].norm in ("—", "–", ":", ";") or items[k].is_quote and k < comma - 1:
            head_lo = k + 1
            break
    if _words_in(items, head_lo, comma) < 2:
        return None
    if norm_at(items, after) == "," and rest:
        # parenthetical: "The ferry, he says, has lost money …"
        part1 = _trim(items, head_lo, comma, text)
        end, _coord = _content_end(items, after + 1, n, ctx, False)
        part2 = _trim(items, after + 1, end, text)
        if part1 is None or part2 is None or _words_in(items, after + 1, end) < 2:
            return None
        mode = "partial" if _has_quote(items, head_lo, end) else "indirect"
        return (
            Statement(
                [part1, part2],
                mode,
                g.text,
                items[v].start,
                speaker,
                sentence(v),
                frame.paragraph,
                how,
                chain,
            ),
            head_lo,
            end,
        )
    # fronted: nothing but lead-ins (or ", adding that …") after the verb
    tail_end = n
    for k in range(after, n):
        if items[k].norm == "," and verb_form(items, k + 1, ctx.cues) is not None:
            tail_end = k
            break
        if items[k].norm in ("that",) or items[k].is_quote:
            return None
    tail = [k for k in range(after, tail_end) if is_word(items[k])]
    if tail and not (
        items[tail[0]].norm in PREPOSITIONS
        or items[tail[0]].norm in TIME_WORDS
        or f.has("addressee")
        or items[tail[0]].norm in ADVERBS
    ):
        return None
    if any(finite_at(items, k, ctx.cues) for k in tail):
        return None
    if _words_in(items, head_lo, comma) < 3:
        return None
    content = _trim(items, head_lo, comma, text)
    if content is None:
        return None
    mode = "partial" if _has_quote(items, head_lo, comma) else "indirect"
    return (
        Statement(
            [content],
            mode,
            g.text,
            items[v].start,
            speaker,
            sentence(v),
            frame.paragraph,
            how,
            chain,
        ),
        head_lo,
        tail_end,
    )


def _quoted_as(items: Sequence[Item], g: VerbGroup, ctx: Ctx) -> tuple[int, int] | None:
    """``quoted X as saying …``: the span of X."""
    if g.form.tense != "ing" or norm_at(items, g.start - 1) != "as":
        return None
    for k in range(g.start - 2, max(-1, g.start - 12), -1):
        n = norm_at(items, k)
        if n in ("quoted", "quotes", "quote", "quoting"):
            a, b = strip_phrase(items, k + 1, g.start - 1)
            return items_span(items, a, b) if b > a else None
        if n in (",", ".", ";") or items[k].is_quote:
            return None
    return None


def _claimed_up_to(items: Sequence[Item], claimed: list[bool], end: int) -> bool:
    """Whether the items just before ``end`` (ignoring commas) were claimed by a statement."""
    k = end - 1
    while k >= 0 and items[k].norm in (",",):
        k -= 1
    return k >= 0 and claimed[k]


def _frame_subject(items: Sequence[Item], lo: int, hi: int, ctx: Ctx) -> tuple[int, int] | None:
    """The noun phrase opening a clause: up to the end of its first capitalised name, or up
    to its first finite verb ("The urbanist Sofia Lindqvist put it well …")."""
    k = lo
    seen_name = False
    while k < hi:
        item = items[k]
        if item.is_quote or item.norm in (",", ";", ":"):
            break
        if capitalised(item) and k > lo:
            seen_name = True
        elif seen_name or finite_at(items, k, ctx.cues):
            break
        k += 1
    a, b = strip_phrase(items, lo, k)
    return items_span(items, a, b) if b > a and b - a <= 8 else None


def _short_name_or_pronoun(items: Sequence[Item], span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    words = [it for it in items if span[0] <= it.start and it.end <= span[1] and is_word(it)]
    return 0 < len(words) <= 4 and (
        words[-1].norm in PERSONAL_PRONOUNS or words[-1].text[:1].isupper()
    )


def _words_in(items: Sequence[Item], lo: int, hi: int) -> int:
    return sum(1 for k in range(lo, hi) if is_word(items[k]) or items[k].is_quote)


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
        if (
            len(lines) <= 3
            and _SIGNATURE.match(block.text.strip())
            and not lines[0].rstrip().endswith((".", "?", "!", ":", ","))
            and len(lines[0].split()) <= 4
        ):
            out.append(index)
    return out


def find_statements(
    doc: Document, frames: list[Frame] | None = None, quotations: list[Quotation] | None = None
) -> list[Statement]:
    """Every statement of ``doc`` (speakers still phrases), in text order. ``frames`` and
    ``quotations``: :func:`.frames.build_frames` of ``doc`` when already built."""
    ctx = Ctx(doc.article.text, load_speech_cues(), [s.start for s in doc.sentences])
    if frames is None or quotations is None:
        frames, quotations = build_frames(doc)
    opening = {q.paragraph: q for q in quotations if q.continues}
    first_frames = _first_frames(frames)
    qa = _qa_paragraphs(doc)
    skip = set(signature_paragraphs(doc))
    statements: list[Statement] = []
    owner: dict[int, Statement] = {}  # quotation open mark -> statement
    last_in_paragraph: dict[int, Statement] = {}
    for frame in frames:
        if frame.paragraph in skip:
            continue
        if qa.get(frame.paragraph, "") in ("A", "A+", "L"):
            _qa_answer(doc, frame, qa, statements, ctx)
            continue
        found = _frame_statements(frame, ctx)
        for st in found:
            # "“A.¶“B,” she said.": the paragraphs before the attribution open the quotation
            first = st.quotes[0] if st.quotes and st.mode == "direct" else None
            while (
                first is not None
                and first.continued
                and first.paragraph - 1 in opening
                and opening[first.paragraph - 1].open_mark not in owner
            ):
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
        words_outside = [it for it in items if is_word(it)]
        for it in quote_items:
            q = it.quote
            if q.open_mark in claimed_quotes:
                continue
            target = None
            if q.continued:
                target = _owner_of_previous(statements, found, owner, q)
            elif not words_outside and len(quote_items) == 1 and not found:
                prev = last_in_paragraph.get(frame.paragraph)
                if (
                    prev is None
                    and frame.paragraph - 1 in last_in_paragraph
                    and id(frame) in first_frames
                ):
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
        if (
            frame.paragraph not in last_in_paragraph
            and statements
            and statements[-1].paragraph == frame.paragraph
        ):
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
    tail = doc.article.text[end : block.end]
    return not re.search(r"[A-Za-z]", tail) or bool(re.match(r"^[,\s]*[^.?!]*[.?!]\s*$", tail))


def _owner_of_previous(statements, found, owner, q):
    """The statement owning the quotation that ``q`` continues (looked for among the last
    statements only: the quotation opened in the previous paragraph)."""
    for st in reversed(statements[-20:] + found):
        if any(x.paragraph == q.paragraph - 1 and x.continues for x in st.quotes):
            return st
    return None


def _qa_answer(
    doc: Document, frame: Frame, qa: dict[int, str], statements: list[Statement], ctx: Ctx
) -> None:
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
    prev = statements[-1] if statements and statements[-1].how in ("context", "label") else None
    if (
        prev is not None
        and (mark == "A+" or frame.start != _first_start(doc, frame.paragraph))
        and prev.paragraph <= frame.paragraph
    ):
        a, b = prev.parts[-1]
        if doc.article.text[b : part[0]].strip() == "":
            prev.parts[-1] = (a, part[1])
        else:
            prev.parts.append(part)
        return
    if speaker is not None:
        statements.append(
            Statement(
                [part],
                "direct",
                None,
                start,
                speaker,
                frame.sentence,
                frame.paragraph,
                "label",
                [speaker],
            )
        )
        return
    statements.append(
        Statement([part], "direct", None, start, None, frame.sentence, frame.paragraph, "context")
    )


def _first_start(doc: Document, paragraph: int) -> int:
    block = doc.blocks[paragraph]
    return block.start + (len(block.text) - len(block.text.lstrip()))
