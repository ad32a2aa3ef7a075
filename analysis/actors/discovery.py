"""Names that are not in the actor dictionary: found by capitalisation and cues, typed, merged.

Definitions
-----------
*Name sequence*: consecutive capitalised words on one line ("Aisen Nikolayev", "Sunan
International Airport"), joined by single spaces; name particles (de, van, bin, al…) may sit
between two capitalised words, "&" always joins ("Douglas & Lomason"), "of"/"for" (and "of the")
join an organisation or place name that already holds a cue word ("Ministry of Foreign
Affairs", "Bank of …"). A sequence stops at a dictionary mention, at punctuation and after a
possessive ("Nikolayev’s": the span stops before the apostrophe). A leading person title
("Governor", "Deputy Prime Minister", "Mr.") is cut off and is a person cue. Calendar words
("June", "Monday") and "I" are never names.

*Sentence-initial words*: the first word of a sentence (or after an opening quotation mark or a
colon) is capitalised anyway. It is dropped when it is an ordinary word: it also appears in
lower case in the document, or it is a common English word (``wordfreq`` Zipf frequency >= 3.5)
that is not a given name — unless it is capitalised mid-sentence elsewhere in the article, or
it opens a name that ends in an organisation/place word and is no function word (Zipf < 5.5:
"Deutsche Bank said …" keeps "Deutsche", "The Ministry …" drops "The"). Lines written in
capitals (headlines) are not searched.

Cues and types (first that applies):

1. organisation — a news agency ("Reuters"); a last word such as Ministry, Agency, Council,
   Party, Bank, University, Inc ("org_suffixes"); a first word such as "Ministry"/"Bank"
   followed by of/for; a following noun such as "newspaper", "company", "agency";
2. person — a title was cut off ("Governor Aisen Nikolayev");
3. place — a last word such as Airport, River, Province, East ("Far East");
4. person — a role noun in apposition ("his adviser, Yuri Ushakov"; "Ushakov, an aide";
   "Petrov, a political analyst"), a
   first word that is a given name (U.S. Census list, plus the first names of dictionary
   persons) in a sequence of two or more words, an age (", 45,"), a reporting verb before a
   name of two or more words that ends the clause ("…, said Rajab Adinayev."), a reporting verb
   after
   a sequence of two or more words that is not the object of a preposition ("Aisen Nikolayev
   said", not "analysts at Goldman Sachs said");
5. place — after a locative preposition ("traveled to Yakutsk"), before ", a city …", after
   "the city of", or a first-level subdivision name ("Bavaria", "Texas"; ISO 3166-2, from
   ``resources/subdivisions.txt``);
6. organisation — an acronym in capitals of 2–6 letters ("IRIA").

Business-news context is an organisation cue between 2 and 3 ("shares of X", "a stake in X",
"X shares", "X said it …"), and so are an organisation noun before the name ("the pressure
group Human Rights Watch", unless the name looks like a person's) and a lower-case role noun
followed by a name after it ("Petofi general manager Laszlo Sebesvari"). The place in a wire
dateline ("BONN 1996-08-30", "MOSCOW (Reuters) -") is a place even though the line is in
capitals.

A sequence without a cue is kept only when it repeats a name already found in the article:
the whole name, or — for persons — the last word ("Aisen Nikolayev" … "Nikolayev") or the first
word (family name first: "Kim Jong Un" … "Kim"), unless two names share it; these merge into one
actor. The discovered actor is named by its longest form, and its id is
``person:``/``org:``/``place:`` plus a slug of that name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..article import slugify
from ..paths import RESOURCES_DIR
from ..text import Document, Sentence, Token, abbreviations
from .cues import Cues, load_cues
from .dictionary import ActorDictionary
from .dictionary_mentions import is_all_caps
from .mention import ID_PREFIX, Mention, SpanIndex

#: Prepositions after which an unknown name is taken as a place. "to", "from", "with", "by"
#: are left out: they as often precede people ("talked to Smith", "won from Karbacher").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                                "around", "into", "within"})

#: Zipf frequency at or above which a sentence-initial capitalised word is taken as ordinary.
COMMON_ZIPF = 3.5
#: Zipf frequency of function words ("The", "In", "After"): never the first word of a name.
FUNCTION_ZIPF = 5.5

_PARTICLES = {"de", "van", "von", "bin", "al", "da", "di", "del", "der", "den", "la", "le",
              "du", "ibn", "el", "dos", "das", "ben", "abu", "bint"}
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_QUOTES_OPEN = {"“", '"', "‘", "(", ":", "—", "–", "-", "'"}


@dataclass
class _Sequence:
    sentence: Sentence
    tokens: list[Token]
    start: int
    end: int
    text: str
    type: str | None = None
    titled: bool = False
    org_hint: bool = False


@lru_cache(maxsize=1)
def subdivision_names() -> frozenset[str]:
    """Names of first-level subdivisions (states, provinces, regions) as ISO 3166-2 writes them
    (often the local form: "Bayern", "Texas"), from ``resources/subdivisions.txt``."""
    lines = (RESOURCES_DIR / "subdivisions.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in English (imported on first use: ~0.3 s)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _bare(word: str) -> str:
    """The word without a possessive ending."""
    return _POSSESSIVE.sub("", word)


_PREFIXED_NAME = re.compile(r"^(?:al|el|bin|ibn|abu|ben|de|di|da|van|von|d|l|o)[-'’][A-Z]")
_ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}


def _is_cap(token: Token) -> bool:
    """A capitalised word, or one with a lower-case name prefix ("al-Saadani")."""
    return token.is_word and (token.text[0].isupper() or bool(_PREFIXED_NAME.match(token.text)))


def _given_names(dictionary: ActorDictionary, cues: Cues) -> frozenset[str]:
    extra = set()
    for actor in dictionary.by_type("person"):
        for name in actor.names:
            parts = name.split()
            if len(parts) >= 2:
                extra.add(parts[0])
    return cues.given_names | extra


def _sentence_tokens(doc: Document) -> list[list[Token]]:
    starts = [t.start for t in doc.tokens]
    result = []
    for sentence in doc.sentences:
        lo = bisect_left(starts, sentence.start)
        hi = bisect_left(starts, sentence.end)
        result.append(list(doc.tokens[lo:hi]))
    return result


def _sequences(doc: Document, sentence: Sentence, tokens: list[Token],
               blocked: SpanIndex, cues: Cues) -> list[_Sequence]:
    text = doc.article.text
    abbrevs = abbreviations()

    def free(tok: Token) -> bool:
        return not blocked.overlaps(tok.start, tok.end)

    def joined(a: Token, b: Token) -> bool:
        gap = text[a.end:b.start]
        return gap in (" ", "") and not _POSSESSIVE.search(a.text)

    cue_words = cues.org_prefixes | cues.org_suffixes | cues.place_suffixes
    result = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not (_is_cap(tok) and free(tok)) or _bare(tok.text) in cues.not_names:
            i += 1
            continue
        seq = [tok]
        j = i + 1
        while j < len(tokens):
            nxt = tokens[j]
            last = seq[-1]
            if _is_cap(nxt) and free(nxt) and joined(last, nxt) and (
                    _bare(nxt.text) not in cues.not_names or nxt.text in _ROMAN):
                seq.append(nxt)  # "Baudouin I": a regnal number belongs to the name
                j += 1
                continue
            # "Mr. Smith", "J. Smith": an abbreviation's period inside the name
            if (nxt.text == "." and last.norm in abbrevs and j + 1 < len(tokens)
                    and nxt.start == last.end and _is_cap(tokens[j + 1])
                    and free(tokens[j + 1]) and text[nxt.end:tokens[j + 1].start] == " "):
                seq.extend([nxt, tokens[j + 1]])
                j += 2
                continue
            connector = nxt.norm in _PARTICLES or nxt.text == "&" or (
                nxt.norm in ("of", "for") and any(t.text in cue_words for t in seq)) or (
                nxt.norm == "of" and _title_goes_on(text[seq[0].start:last.end], cues))
            if connector and j + 1 < len(tokens) and joined(last, nxt):
                k = j + 1
                if nxt.norm in ("of", "for") and tokens[k].norm == "the" and k + 1 < len(tokens):
                    k += 1
                if _is_cap(tokens[k]) and free(tokens[k]) and joined(tokens[k - 1], tokens[k]):
                    seq.extend(tokens[j:k + 1])
                    j = k + 1
                    continue
            break
        result.append(_make_sequence(text, sentence, seq))
        i = j
    return result


def _title_goes_on(words: str, cues: Cues) -> bool:
    """True when ``words`` + " of" starts a person title ("Secretary" → "Secretary of State")."""
    return any(t.startswith(words + " of ") for t in cues.person_titles)


def _make_sequence(text: str, sentence: Sentence, seq: list[Token]) -> _Sequence:
    start, end = seq[0].start, seq[-1].end
    possessive = _POSSESSIVE.search(seq[-1].text)
    if possessive:
        end -= len(possessive.group(0))
    elif seq[-1].text in _ABBREVIATED_SUFFIXES and text[end:end + 1] == ".":
        end += 1  # "NationsBank Corp." keeps its abbreviation's period
    return _Sequence(sentence, seq, start, end, text[start:end])


_ABBREVIATED_SUFFIXES = {"Corp", "Inc", "Co", "Ltd", "Bros", "Cos", "Assn"}
_PREPOSITIONS = {"at", "of", "from", "for", "with", "by", "in", "on", "to", "about", "against",
                 "into", "over", "under", "between", "among", "like", "than"}
_DEMONYM = re.compile(r"(?:an|ese|ish)$")


def _split_at_title(seq: _Sequence, cues: Cues, text: str) -> list[_Sequence]:
    """Split "Cofinec CEO Stephen Frater" at an inner title: the words before it name an
    organisation (``org_hint``), the words after it a person (titled)."""
    for k, tok in enumerate(seq.tokens[1:], start=1):
        rest_text = text[tok.start:seq.end]
        for title in cues.person_titles:
            if rest_text.startswith(title + " ") and title[0].isupper():
                left = [t for t in seq.tokens[:k] if t.is_word]
                right = [t for t in seq.tokens[k:] if t.start >= tok.start + len(title) + 1]
                if not left or not right or left[-1].norm in _PARTICLES:
                    continue
                if len(left) == 1 and _DEMONYM.search(left[0].text):
                    # "Zairean Foreign Minister X": a nationality, not an organisation
                    return [s for s in [_strip_title(_make_sequence(text, seq.sentence, right),
                                                     cues, text)] if s is not None]
                first = _make_sequence(text, seq.sentence, seq.tokens[:k])
                first.org_hint = True
                second = _strip_title(_make_sequence(text, seq.sentence, right), cues, text)
                if second is None:
                    return [first]
                second.titled = True
                return [first, second]
    return [seq]


def _strip_title(seq: _Sequence, cues: Cues, text: str) -> _Sequence | None:
    """Cut a leading person title; return the rest (None when nothing is left)."""
    for title in cues.person_titles:
        if seq.text == title:
            return None
        if seq.text.startswith(title + " ") or (title.endswith(".") and
                                                seq.text.startswith(title)):
            cut = seq.start + len(title)
            rest = [t for t in seq.tokens if t.start >= cut and t.text != "."]
            if not rest:
                return None
            out = _make_sequence(text, seq.sentence, rest)
            out.titled = True
            stripped = _strip_title(out, cues, text)  # "Deputy Minister": titles nest
            if stripped is None:
                return None
            stripped.titled = True
            return stripped
    return seq


def _drop_ordinary_first(seq: _Sequence, tokens: list[Token], lower_words: set[str],
                         mid_caps: set[str], given: frozenset[str],
                         text: str, cues: Cues) -> _Sequence | None:
    """Drop an ordinary sentence-initial first word (see the module docstring)."""
    first = seq.tokens[0]
    position = tokens.index(first)
    previous = [t for t in tokens[:position]]
    initial = not any(t.is_word for t in previous) or (
        previous and previous[-1].text in _QUOTES_OPEN)
    if not initial:
        return seq
    word = first.text
    base = _POSSESSIVE.sub("", word)
    if base in mid_caps:
        return seq  # capitalised inside a sentence elsewhere in the article: a name
    words = [t.text for t in seq.tokens if t.is_word]
    if len(words) >= 2 and _bare(words[-1]) in cues.org_suffixes | cues.place_suffixes and \
            _zipf(base.lower()) < FUNCTION_ZIPF:
        return seq  # "Deutsche Bank said …", "Foreign Ministry officials …": part of the name
    ordinary = base.lower() in lower_words or (
        _zipf(base.lower()) >= COMMON_ZIPF and base not in given)
    if not ordinary:
        return seq
    rest = [t for t in seq.tokens[1:]]
    while rest and not rest[0].is_word or (rest and rest[0].norm in ("of", "for", "&", "the")):
        rest = rest[1:]
    return _make_sequence(text, seq.sentence, rest) if rest else None


_BODY_ZONES = {"body", "caption"}


def _headline_case(sentence: Sentence) -> bool:
    """True for a line in capitals, or a title/heading in title case ("Putin Visits Hanoi"):
    capitalisation there says nothing about names, so discovery skips it."""
    if is_all_caps(sentence.text):
        return True
    if sentence.zone in _BODY_ZONES:
        return False
    long_words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", sentence.text) if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _mid_sentence_capitals(doc: Document) -> set[str]:
    """Capitalised words (possessive cut) that occur somewhere other than a sentence start."""
    found = set()
    for sentence, tokens in zip(doc.sentences, _sentence_tokens(doc), strict=True):
        if _headline_case(sentence):
            continue
        words = [t for t in tokens if t.is_word]
        for prev, tok in zip(tokens, tokens[1:], strict=False):
            if tok.is_word and tok is not words[0] and _is_cap(tok) and \
                    prev.text not in _QUOTES_OPEN:
                found.add(_POSSESSIVE.sub("", tok.text))
    return found


def _next_words(text: str, end: int, limit: int, n: int = 4) -> list[str]:
    return re.findall(r"[A-Za-z’']+|,|\d+", text[end:limit])[:n]


_COMPANY_BEFORE = {("shares", "of"), ("shares", "in"), ("stake", "in"), ("stake", "of"),
                   ("unit", "of"), ("subsidiary", "of"), ("division", "of"), ("bid", "for"),
                   ("takeover", "of"), ("shareholders", "of"), ("stake", "in")}
_COMPANY_AFTER = {"shares", "stock", "shareholders"}


def multi_person_like(words: list[str], given: frozenset[str]) -> bool:
    """True when the words look like a person's name (a given name and another word)."""
    return len(words) >= 2 and words[0] in given


# A corporate role between an organisation and a person: "Petofi general manager Laszlo
# Sebesvari", "Zentrix spokesman Ed Lee". Family and personal relations ("Yeltsin aide …",
# "his wife Naina") are left out: they follow people.
_ROLE_THEN_NAME = re.compile(
    r" (?:(?:general|chief|deputy|vice|press|managing|executive|senior|finance|marketing|"
    r"sales|board) )?(?:spokesman|spokeswoman|spokesperson|chairman|chairwoman|president|"
    r"director|manager|executive|official|economist|analyst|chief|head|treasurer|counsel|"
    r"founder|strategist|trader) [A-Z]")


def _role_then_name(text: str, end: int, limit: int, cues: Cues) -> bool:
    """The name is followed by a corporate role noun and then a capitalised name."""
    return bool(_ROLE_THEN_NAME.match(text[end:limit]))


def _company_context(before: list[str], after: list[str]) -> bool:
    """Business-news cues of a company: "shares of X", "a stake in X", "X shares", "X's
    stock", "X said it …" (a speaker referred to as "it")."""
    if tuple(before[-2:]) in _COMPANY_BEFORE:
        return True
    words = [w for w in after if w not in ("'s", "’s")]
    if words[:1] and words[0] in _COMPANY_AFTER:
        return True
    return len(words) >= 2 and words[0] in ("said", "says") and words[1] == "it"


def _type_of(seq: _Sequence, text: str, cues: Cues, given: frozenset[str]) -> str | None:
    """The cue-based type of a sequence, or None (see the module docstring for the order)."""
    words = [t.text for t in seq.tokens if t.is_word]
    last = _POSSESSIVE.sub("", words[-1])
    sentence = seq.sentence
    before = re.findall(r"[A-Za-z]+|,", text[sentence.start:seq.start])
    before_lower = [w.lower() for w in before]
    after = _next_words(text, seq.end, sentence.end)
    after_lower = [w.lower() for w in after]
    multi = len(words) >= 2
    if seq.text in cues.news_agencies:
        return "organization"
    if multi and last in cues.org_suffixes:
        return "organization"
    if multi and words[0] in cues.org_prefixes and any(w in ("of", "for") for w in words):
        return "organization"
    if after_lower and after_lower[0] in cues.org_nouns and not text.startswith("'", seq.end):
        return "organization"
    if before_lower and before_lower[-1] in cues.org_nouns and not multi_person_like(words, given):
        return "organization"  # "the pressure group Human Rights Watch"
    if _role_then_name(text, seq.end, sentence.end, cues):
        return "organization"  # "Petofi general manager Laszlo Sebesvari"
    if seq.titled:
        return "person"
    if seq.org_hint or _company_context(before_lower, after_lower):
        return "organization"
    if multi and last in cues.place_suffixes:
        return "place"
    # apposition: "adviser, Yuri Ushakov" / "spokesman Dmitry Peskov" / "Ushakov, an aide"
    prev = [w for w in before_lower if w != ","][-1:]
    if prev and prev[0] in cues.role_nouns:
        return "person"
    if multi and before_lower[-1:] and before_lower[-1] in ("said", "says", "added", "told") \
            and (not after_lower or after_lower[0] in (",", "that")):
        return "person"  # "…, said Rajab Adinayev, a …"
    if after_lower[:1] == [","]:
        rest = [w for w in after_lower[1:] if w not in ("a", "an", "the", "his", "her", "its")]
        # ", a political analyst": a role noun among the next three words, before any comma
        upto = rest[:rest.index(",")] if "," in rest else rest
        if any(w in cues.role_nouns for w in upto[:3]):
            return "person"
        if rest[:1] and rest[0].isdigit() and len(rest[0]) <= 2:
            return "person"
        if rest[:1] and rest[0] in cues.place_nouns:
            return "place"
        if any(w in cues.org_nouns for w in upto[:3]):
            return "organization"  # "Energy Aspects, a London-based consultancy"
    if multi and words[0] in given:
        return "person"
    subject = not before_lower or before_lower[-1] in (",", "and") or \
        before_lower[-1] not in _PREPOSITIONS
    if multi and subject and after_lower[:1] and after_lower[0] in cues.reporting_verbs:
        return "person"  # "Aisen Nikolayev said", not "analysts at Goldman Sachs said"
    near = [w for w in before_lower if w != "the"][-2:]
    if near and near[-1] in PLACE_PREPOSITIONS:
        return "place"
    if len(near) == 2 and near[-1] == "of" and near[0] in cues.place_nouns:
        return "place"
    if seq.text in subdivision_names():
        return "place"
    if re.fullmatch(r"[A-Z]{2,6}", seq.text):
        return "organization"
    return None


def discover_mentions(doc: Document, found: list[Mention],
                      dictionary: ActorDictionary) -> list[Mention]:
    """``found`` plus mentions of names not in the dictionary (``discovered=True``)."""
    cues = load_cues()
    given = _given_names(dictionary, cues)
    text = doc.article.text
    freeable = _freeable(found, text)
    blocked = SpanIndex((m.start, m.end) for m in found if m not in freeable)
    lower_words = {t.text for t in doc.tokens if t.is_word and t.text.islower()}
    mid_caps = _mid_sentence_capitals(doc)
    typed: list[_Sequence] = []
    untyped: list[_Sequence] = []
    for sentence, tokens in zip(doc.sentences, _sentence_tokens(doc), strict=True):
        dateline = _dateline(sentence, tokens, blocked)
        if dateline is not None:
            typed.append(dateline)
        if _headline_case(sentence):
            continue
        for whole in _sequences(doc, sentence, tokens, blocked, cues):
            whole = _strip_title(whole, cues, text)
            for seq in _split_at_title(whole, cues, text) if whole else []:
                if not seq.titled and not seq.org_hint:
                    seq = _drop_ordinary_first(seq, tokens, lower_words, mid_caps, given, text,
                                               cues)
                if seq is None or len(seq.text) < 2:
                    continue
                seq.type = _type_of(seq, text, cues, given)
                (typed if seq.type else untyped).append(seq)
    typed, untyped, dropped = _settle_freed(typed, untyped, freeable)
    kept = [m for m in found if m not in dropped]
    return kept + _merge(typed, untyped)


_DATELINE = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:, [A-Z][A-Za-z.]+)?"
                       r"\s+(?:\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]+ \d{4}|\((?:[A-Z][\w ]*)\)"
                       r"\s*[-–—])")


def _dateline(sentence: Sentence, tokens: list[Token], blocked: SpanIndex
              ) -> _Sequence | None:
    """The place of a wire-news dateline at the start of a sentence ("BONN 1996-08-30",
    "MOSCOW (Reuters) -"), unless the dictionary already has it."""
    match = _DATELINE.match(sentence.text)
    if not match:
        return None
    start, end = sentence.start + match.start(1), sentence.start + match.end(1)
    if blocked.overlaps(start, end):
        return None
    seq_tokens = [t for t in tokens if start <= t.start and t.end <= end]
    return _Sequence(sentence, seq_tokens, start, end, sentence.text[:match.end(1)], "place")


def _freeable(found: list[Mention], text: str) -> set[Mention]:
    """Dictionary forms a longer unknown name may swallow: a one-word person name or a state or
    place form joined to capitalised words after it ("Wang" in "Wang Donghai", "New York" in
    "New York Stock Exchange"), a one-word form after a capitalised word ("Washington" in
    "MaliVai Washington"), and a state or place after "<Word> of" ("Bank of Japan")."""
    starts = {m.start for m in found}
    ends = {m.end for m in found}
    result = set()
    for m in found:
        if m.kind == "adjectival" or m.kind == "nominal":
            continue
        followed = bool(re.match(r" [A-Z]", text[m.end:m.end + 2])) and m.end + 1 not in starts
        # (a short window before the mention: searching all the text before it is quadratic)
        preceded = " " not in m.text and bool(re.search(r"[A-Za-z] $",
                                                         text[max(0, m.start - 3):m.start])) and \
            m.start - 1 not in ends and bool(re.search(r"(?:^|\s)[A-Z][\w'’-]* $",
                                                      text[max(0, m.start - 30):m.start]))
        preceded_by_of = bool(re.search(r"[A-Z]\w* of (?:the )?$",
                                        text[max(0, m.start - 40):m.start]))
        if m.type == "person" and " " not in m.text and (followed or preceded):
            result.add(m)
        elif m.type in ("state", "place") and (followed or preceded or preceded_by_of):
            result.add(m)
    return result


def _settle_freed(typed: list[_Sequence], untyped: list[_Sequence], freeable: set[Mention]
                  ) -> tuple[list[_Sequence], list[_Sequence], set[Mention]]:
    """A freed dictionary form stays unless a longer sequence with a cue (any type) covers it;
    sequences that lose are dropped."""
    dropped: set[Mention] = set()
    keep_typed, keep_untyped = [], []
    # Freeable mentions by start: only those starting within (seq.start - longest, seq.end)
    # can overlap a sequence, so each sequence looks at a few of them, not all.
    ordered = sorted(freeable, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]
    longest = max((m.end - m.start for m in ordered), default=0)
    for seq in typed + untyped:
        near = ordered[bisect_left(starts, seq.start - longest):bisect_left(starts, seq.end)]
        inside = [m for m in near if seq.start <= m.start and m.end <= seq.end]
        overlapping = [m for m in near if m.start < seq.end and seq.start < m.end]
        if not overlapping:
            (keep_typed if seq.type else keep_untyped).append(seq)
            continue
        wins = seq.type is not None and bool(inside) and len(inside) == len(overlapping) and \
            all(seq.end - seq.start > m.end - m.start for m in inside)
        if wins:
            dropped.update(inside)
            keep_typed.append(seq)
    return keep_typed, keep_untyped, dropped


def _merge(typed: list[_Sequence], untyped: list[_Sequence]) -> list[Mention]:
    """Group sequences into discovered actors (whole name, or person surname) and mention them."""
    actors: dict[str, tuple[str, str]] = {}     # key text -> (name, type)
    surnames: dict[str, set[str]] = {}          # person surname -> full names
    for seq in sorted(typed, key=lambda s: -len(s.text)):
        if seq.text in actors:
            continue
        if seq.type == "person" and " " not in seq.text and seq.text in surnames \
                and len(surnames[seq.text]) == 1:
            continue
        actors[seq.text] = (seq.text, seq.type)
        if seq.type == "person" and " " in seq.text:
            # Short forms: the last word ("Nikolayev") and, for names written family name
            # first ("Kim Jong Un"), the first word; a short form shared by two names is dropped.
            parts = seq.text.split()
            for short in {parts[0], parts[-1]}:
                surnames.setdefault(short, set()).add(seq.text)

    def resolve(surface: str) -> tuple[str, str] | None:
        if surface in surnames and len(surnames[surface]) == 1:
            return actors[next(iter(surnames[surface]))]
        return actors.get(surface)

    mentions = []
    for seq in sorted(typed + untyped, key=lambda s: s.start):
        actor = resolve(seq.text)
        if actor is None:
            continue
        name, type_ = actor
        actor_id = f"{ID_PREFIX[type_]}:{slugify(name)}"
        mentions.append(Mention(actor_id, name, type_, seq.text, seq.start, seq.end, "name",
                                seq.sentence.index, seq.sentence.zone, discovered=True))
    return mentions
