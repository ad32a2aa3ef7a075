"""Feature extraction for the CRF name recogniser.

A document is a list of sentences, a sentence a list of token strings (CoNLL tokens, see
:mod:`tokens`). :class:`FeatureExtractor` turns a whole document into one feature list per token
(a list of strings, each an attribute with value 1 for python-crfsuite), so that document-level
features see every sentence of the document and nothing else.

Feature groups (each can be switched off in :class:`FeatureConfig` for ablations):

* ``word``: lower form (``l``), the word itself when not lower-case (``w``), long and short shape
  (``s``, ``ss``), a digit flag (``D``);
* ``affixes``: prefixes and suffixes of 1-4 characters of the lower form (``p1``…, ``x1``…);
* ``position``: first token of the sentence (``BOS``), after an opening quote, colon, bracket or
  dash (``AQ``), last token (``EOS``);
* ``window``: lower form, short shape (and cue classes) of the tokens at -2…+2; ``bigrams``:
  the lower-form bigrams with the previous and the next token;
* ``gazetteer``: the packaged actor dictionary (PER/LOC/ORG names,
  metonyms ``MET``, demonyms ``ADJ``; longest match, B/I position, also at -1/+1) and the
  given-name list (``GN``; people in the dictionary add their first names);
* ``cues``: the cue classes of ``actor_cues.yaml`` (person titles ``T``, role nouns ``R``,
  organisation suffixes/prefixes/nouns ``OS``/``OP``/``ON``, news agencies ``NA``, place
  suffixes/nouns ``PS``/``PN``, reporting verbs ``RV``, …) of the token and its neighbours;
* ``document``: the word's majority casing elsewhere in the document (``dc``; only positions
  where casing is informative: not sentence-initial, not after a quote, not in a capitals
  sentence), the longest capitalised sequence containing the word elsewhere in the document
  (``ds`` its position in it, ``dsl`` its last word, ``dsc`` that word's cue classes, ``dsg`` it
  opens with a given name), and acronyms spelling the initials of such a sequence (``acr``);
* ``caps``: a sentence written in capitals (CoNLL headlines, tables) is flagged (``U``) and its
  tokens get the document casing of their word (``Udc``: ``LEICESTERSHIRE`` -> ``X`` when the
  body writes "Leicestershire");
* ``caseless``: a headline in title case ("Putin Visits North Korea as Ties Deepen") counts as a
  caseless sentence too, and in caseless sentences the case-bearing features (shapes, the word)
  are kept apart (``Us``, ``Uss``, ``Uw``) so that capitals there do not read as names.

The second stage of the stacked model adds :func:`stack_features` (how the first stage read the
other occurrences of each word in the document).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from typing import Any

from ..cues import Cues, load_cues
from ..dictionary import Actor, ActorDictionary, packaged_dictionary
from .tokens import conll_tokens

__all__ = [
    "FeatureConfig",
    "FeatureExtractor",
    "Gazetteer",
    "normalise",
    "normalise_all",
    "packaged_gazetteer",
    "shape",
    "short_shape",
]

_NORMALISE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_SPECIAL = {"\u2014": "--", "\u2026": "...", "``": '"', "''": '"'}
_CASED = ("s=", "ss", "w=")
_CACHE_SIZE = 50_000  # word forms kept per cache (cleared when full: bounded memory)
_OPENERS = frozenset({'"', "'", ":", "(", "[", "-", "--", "``"})
_RUN_JOINERS = frozenset({"of", "&", "de", "for", "and"})
_CASE_BREAKS = _OPENERS | {".", "?", "!"}  # the casing of the word after one says nothing
_TYPE_OF = {"person": "PER", "state": "LOC", "place": "LOC", "organization": "ORG"}
_DIGITS = re.compile(r"\d")


def normalise(token: str) -> str:
    """The form the model sees: curly quotes and apostrophes straight, dashes as in CoNLL."""
    special = _SPECIAL.get(token)
    if special:
        return special
    return token if token.isascii() else token.translate(_NORMALISE)


def normalise_all(tokens: list[str]) -> list[str]:
    """:func:`normalise` of every token (plain ASCII tokens, nearly all, pass unchanged)."""
    special = _SPECIAL
    return [t if t.isascii() and t not in special else normalise(t) for t in tokens]


def shape(word: str) -> str:
    """Character classes with runs capped at 4: ``Putin`` -> ``Xxxxx``, ``U.S.`` -> ``X.X.``."""
    out: list[str] = []
    last, run = "", 0
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        run = run + 1 if c == last else 1
        last = c
        if run <= 4:
            out.append(c)
    return "".join(out)


def short_shape(word: str) -> str:
    """Character classes with every run collapsed: ``Putin`` -> ``Xx``, ``1,000`` -> ``d,d``."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def casing(word: str) -> str:
    """``x`` lower-case initial, ``X`` capitalised, ``A`` all capitals (2+ letters), ``-`` none."""
    first = word[:1]
    if not first.isalpha():
        return "-"
    if first.islower():
        return "x"
    if len(word) > 1 and word.isupper():
        return "A"
    return "X"


@dataclass(frozen=True)
class FeatureConfig:
    """Which feature groups to extract (the trained model records its configuration)."""

    word: bool = True
    affixes: bool = True
    position: bool = True
    window: int = 2
    bigrams: bool = True
    gazetteer: bool = True
    document: bool = True
    caps: bool = True
    cues: bool = True
    caseless: bool = True
    aggregate: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FeatureConfig:
        """A configuration from a mapping (unknown keys ignored)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        """The configuration as a plain mapping."""
        return asdict(self)


class Gazetteer:
    """Phrases of the actor dictionary by type, and the given names, as token tuples."""

    def __init__(
        self,
        phrases: dict[tuple[str, ...], str],
        given_names: frozenset[str],
        cues: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.phrases = phrases
        self.cues = cues or {}
        self.upper = {tuple(t.upper() for t in k): v for k, v in phrases.items()}
        self.given_names = given_names
        self.lengths: dict[str, list[int]] = {}
        for table in (self.phrases, self.upper):
            for key in table:
                self.lengths.setdefault(key[0], []).append(len(key))
        for key, lens in self.lengths.items():
            self.lengths[key] = sorted(set(lens), reverse=True)

    @classmethod
    def from_actors(cls, dictionary: ActorDictionary, cues: Cues) -> Gazetteer:
        """The gazetteer of an actor dictionary and the cue lists.

        Actors are read in the order of the packaged files' names (organisations, people,
        places, states: the first reading of a form wins, see :func:`_add_actor`), so the
        phrases do not depend on the order the dictionary was assembled in.
        """
        phrases: dict[tuple[str, ...], str] = {}
        order = {prefix: rank for rank, prefix in enumerate(("org", "person", "place", "state"))}
        for actor in sorted(dictionary, key=lambda a: order[a.id.split(":", 1)[0]]):
            _add_actor(phrases, actor)
        given = set(cues.given_names)
        # people in the dictionary add their first names
        given.update(
            k[0]
            for k, v in phrases.items()
            if v == "PER" and len(k) > 1 and k[0][:1].isupper() and k[0].isalpha()
        )
        return cls(phrases, frozenset(given), _cue_table(cues))

    def cue(self, word: str) -> tuple[str, ...]:
        """Cue classes of a word (case-sensitive for capitalised cues, else lower-cased)."""
        found = self.cues.get(word)
        if found is None and word.isupper() and len(word) > 1:
            found = self.cues.get(word[:1] + word[1:].lower())
        lower = self.cues.get("_" + word.lower(), ())
        return (*found, *lower) if found else lower

    def matches(self, tokens: list[str], upper: bool) -> list[str | None]:
        """Per token ``TYPE:B`` / ``TYPE:I`` of the longest dictionary match, else ``None``."""
        table = self.upper if upper else self.phrases
        if upper:
            tokens = [t.upper() for t in tokens]
        out: list[str | None] = [None] * len(tokens)
        i, n = 0, len(tokens)
        while i < n:
            lens = self.lengths.get(tokens[i])
            found = 0
            for length in lens or ():
                if i + length <= n:
                    kind = table.get(tuple(tokens[i : i + length]))
                    if kind:
                        out[i] = kind + ":B"
                        for j in range(i + 1, i + length):
                            out[j] = kind + ":I"
                        found = length
                        break
            i += found or 1
        return out


#: Short class names of the cue lists in ``actor_cues.yaml``.
_CUE_CLASSES = {
    "person_titles": "T",
    "role_nouns": "R",
    "org_suffixes": "OS",
    "org_prefixes": "OP",
    "org_nouns": "ON",
    "news_agencies": "NA",
    "place_suffixes": "PS",
    "place_nouns": "PN",
    "locative_prepositions": "LP",
    "motion_verbs": "MV",
    "reporting_verbs": "RV",
    "speaker_nouns": "SN",
    "not_names": "NN",
}


def _cue_table(cues: Cues) -> dict[str, tuple[str, ...]]:
    """Word -> cue classes; a multi-word cue marks its last word ("Prime Minister" -> T).

    Capitalised cues are kept as written; lower-case cues are stored as ``_<lower word>``.
    """
    table: dict[str, list[str]] = {}
    for key, label in _CUE_CLASSES.items():
        for phrase in sorted(getattr(cues, key)):
            parts = str(phrase).split()
            last = normalise(parts[-1]) if parts else ""
            if not last:
                continue
            word = last if last[:1].isupper() else "_" + last.lower()
            if label not in table.setdefault(word, []):
                table[word].append(label)
    return {k: tuple(v) for k, v in table.items()}


def _add_actor(phrases: dict[tuple[str, ...], str], actor: Actor) -> None:
    """Index one actor's names, metonyms and demonyms.

    The first reading of a form wins, except that a name (PER/LOC/ORG) beats a metonym or a
    demonym: "Pyongyang" is a metonym of North Korea and the name of a place, so LOC.
    """
    kind = _TYPE_OF[actor.type]
    groups = [(kind, actor.names), ("MET", actor.metonyms), ("ADJ", actor.adjectivals)]
    for label, forms in groups:
        for form in forms:
            key = tuple(normalise(t) for t, _, _ in conll_tokens(form))
            if key and (
                key not in phrases
                or (phrases[key] in ("MET", "ADJ") and label not in ("MET", "ADJ"))
            ):
                phrases[key] = label


@lru_cache(maxsize=1)
def packaged_gazetteer() -> Gazetteer:
    """The gazetteer of the packaged dictionary and cue lists (built once per process).

    The model was trained with it: a user's dictionary extends what is *linked*, not what the
    model's features see.
    """
    return Gazetteer.from_actors(packaged_dictionary(), load_cues())


class FeatureExtractor:
    """Turns documents (lists of token lists) into CRF feature lists."""

    def __init__(self, gazetteer: Gazetteer | None, config: FeatureConfig | None = None) -> None:
        self.gazetteer = gazetteer
        self.config = config or FeatureConfig()
        self._static: dict[str, list[str]] = {}
        self._context: dict[str, tuple[list[str], ...]] = {}

    def clear_caches(self) -> None:
        """Forget the per-word feature caches (for timing from a cold start)."""
        self._static.clear()
        self._context.clear()

    # ------------------------------------------------------------------ per word type (cached)
    def static(self, word: str) -> list[str]:
        """Features of the word itself (cached per word form)."""
        cached = self._static.get(word)
        if cached is not None:
            return cached
        cfg = self.config
        lower = word.lower()
        feats = ["b", "s=" + shape(word), "ss=" + short_shape(word)]
        if cfg.word:
            feats.append("l=" + lower)
            if word != lower:
                feats.append("w=" + word)
        if cfg.affixes and len(lower) > 1:
            for k in range(1, min(4, len(lower)) + 1):
                feats += [f"p{k}={lower[:k]}", f"x{k}={lower[-k:]}"]
        if _DIGITS.search(word):
            feats.append("D")
        if cfg.gazetteer and self.gazetteer and word[:1].isupper():
            title = word if not word.isupper() else word[:1] + word[1:].lower()
            if title in self.gazetteer.given_names:
                feats.append("GN")
        if cfg.cues and self.gazetteer:
            feats.extend("c=" + c for c in self.gazetteer.cue(word))
        if len(self._static) >= _CACHE_SIZE:
            self._static.clear()
        self._static[word] = feats
        return feats

    def static_caseless(self, word: str) -> list[str]:
        """:meth:`static` for a sentence whose casing says nothing: shapes and word get ``U``."""
        key = "\x00" + word
        cached = self._static.get(key)
        if cached is None:
            cached = ["U" + f if f[:2] in _CASED else f for f in self.static(word)]
            self._static[key] = cached
        return cached

    def context(self, word: str, caseless: bool = False) -> tuple[list[str], ...]:
        """The word's features as a neighbour at offsets -2, -1, +1, +2 (cached)."""
        if caseless:
            key = "\x00" + word
            cached = self._context.get(key)
            if cached is None:
                cached = tuple(
                    [f.replace("ss=", "Uss=") for f in feats] for feats in self.context(word)
                )
                self._context[key] = cached
            return cached
        cached = self._context.get(word)
        if cached is not None:
            return cached
        lower, ss = word.lower(), short_shape(word)
        cues = self.gazetteer.cue(word) if self.config.cues and self.gazetteer else ()
        out = tuple(
            [f"{o}l={lower}", f"{o}ss={ss}", *(f"{o}c={c}" for c in cues)]
            for o in ("-2", "-1", "+1", "+2")
        )
        if len(self._context) >= _CACHE_SIZE:
            self._context.clear()
        self._context[word] = out
        return out

    # ------------------------------------------------------------------ whole documents
    def document(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        """Feature lists of every token of a document (one list per sentence)."""
        return list(self.document_reader(sentences)())

    def document_reader(
        self, sentences: list[list[str]]
    ) -> Callable[..., Iterator[list[list[str]]]]:
        """A function that yields the document's feature lists one sentence at a time, each time
        it is called (``read(lo, hi)``: of sentences ``lo`` to ``hi`` only, with the whole
        document's statistics); the document statistics are computed once. The tagger reads
        a document twice (both stages) without holding every token's features at once: on a
        long article those lists are most of the memory."""
        cfg = self.config
        words = [normalise_all(s) for s in sentences]
        caps = [_is_caps(s) or (cfg.caseless and _is_title_case(s)) for s in words]
        doc_case = _doc_casing(words, caps) if cfg.document or cfg.caps else {}
        doc_seq = _doc_sequences(words, caps, self.gazetteer) if cfg.document else {}
        if cfg.aggregate:
            for key, feats in _aggregate_contexts(words).items():
                doc_seq[key] = [*doc_seq.get(key, ()), *feats]
        # a word's document features, per word (in ordinary and in capitals sentences)
        tails: tuple[dict[str, tuple[str, ...]], ...] = ({}, {})

        def read(lo: int = 0, hi: int | None = None) -> Iterator[list[list[str]]]:
            for s, c in zip(words[lo:hi], caps[lo:hi], strict=True):
                yield self._sentence(s, c, doc_case, doc_seq, tails)

        return read

    def _sentence(
        self,
        words: list[str],
        caps: bool,
        doc_case: dict[str, str],
        doc_seq: dict[str, list[str]],
        tails: tuple[dict[str, tuple[str, ...]], ...],
    ) -> list[list[str]]:
        """Feature lists of one sentence's (normalised) words.

        A token's list is, in this order: its word features, position flags, the window
        (neighbours at -2, -1, +1, +2), bigrams, gazetteer matches and document features. Each
        part is computed once per sentence (or looked up per word) as a column of tuples and
        the columns are joined per token, which gives the same lists as building every token
        feature by feature, only faster.
        """
        n = len(words)
        if not n:
            return []
        cfg = self.config
        caseless = caps and cfg.caseless
        none: tuple[str, ...] = ()
        nones: list[tuple[str, ...]] = [none] * n
        static = self.static_caseless if caseless else self.static
        statics = [static(w) for w in words]
        lowers = [w.lower() for w in words]
        pos: list[tuple[str, ...]] = nones
        if cfg.position:
            pos = [("BOS",), *[("AQ",) if w in _OPENERS else none for w in words[:-1]]]
            pos[-1] = (*pos[-1], "EOS")
        m2 = m1 = p1 = p2 = nones
        if cfg.window:
            # a neighbour's features come from its cached context (one list per offset)
            ctx = [self.context(w, caseless) for w in words]
            m1 = [none, *[c[1] for c in ctx[:-1]]]
            p1 = [*[c[2] for c in ctx[1:]], none]
            if cfg.window >= 2:
                m2 = [none, none, *[c[0] for c in ctx[:-2]]][:n]
                p2 = [*[c[3] for c in ctx[2:]], none, none][:n]
        bigrams = nones
        if cfg.bigrams and n > 1:
            pairs = [f"{a}|{b}" for a, b in zip(lowers[:-1], lowers[1:], strict=True)]
            left = ["bl=" + p for p in pairs]
            right = ["br=" + p for p in pairs]
            # (bl, br) of each inner token; the first has no left, the last no right bigram
            bigrams = [(right[0],), *zip(left[:-1], right[1:], strict=True), (left[-1],)]
        near = nones
        if cfg.gazetteer and self.gazetteer:
            gaz = self.gazetteer.matches(words, upper=caps)
            if any(gaz):
                near = [_gazetteer_features(gaz, i) for i in range(n)]
        flag_caps = bool(cfg.caps and caps)
        cache = tails[flag_caps]
        tail = [cache.get(w) for w in words]
        for i, found in enumerate(tail):
            if found is None:
                tail[i] = cache[words[i]] = self._tail(
                    words[i], lowers[i], flag_caps, doc_case, doc_seq
                )
        return [
            [*a, *b, *c, *d, *e, *f, *g, *k, *t]
            for a, b, c, d, e, f, g, k, t in zip(
                statics, pos, m2, m1, p1, p2, bigrams, near, tail, strict=True
            )
        ]

    def _tail(
        self,
        word: str,
        lower: str,
        flag_caps: bool,
        doc_case: dict[str, str],
        doc_seq: dict[str, list[str]],
    ) -> tuple[str, ...]:
        """The document features of a word (the same at every occurrence in the document)."""
        if not word[:1].isalpha():
            return ()
        cfg = self.config
        feats: list[str] = []
        dc = doc_case.get(lower, "?")
        if flag_caps:
            feats += ("U", "Udc=" + dc)
        elif cfg.document:
            feats.append("dc=" + dc)
        if cfg.document:
            feats += doc_seq.get(lower) or ()
            if len(word) > 1 and word.isupper():
                feats += doc_seq.get("^" + word, ())
        return tuple(feats)


def _gazetteer_features(gaz: list[str | None], i: int) -> tuple[str, ...]:
    """Gazetteer features of token ``i``: its own match and those of its neighbours."""
    feats: list[str] = []
    if gaz[i]:
        feats.append(f"g={gaz[i]}")
    if i and gaz[i - 1]:
        feats.append(f"-1g={gaz[i - 1]}")
    if i + 1 < len(gaz) and gaz[i + 1]:
        feats.append(f"+1g={gaz[i + 1]}")
    return tuple(feats)


def _is_caps(words: list[str]) -> bool:
    """Whether a sentence is written in capitals (a CoNLL headline or table row)."""
    alpha = [w for w in words if len(w) > 1 and w[:1].isalpha()]
    if len(alpha) < 2:
        return False
    return sum(w.isupper() for w in alpha) >= 0.7 * len(alpha)


def _is_title_case(words: list[str]) -> bool:
    """Whether a sentence is in headline title case ("Putin Visits North Korea as Ties Deepen").

    At least three words of four or more letters, and all of them capitalised (ordinary
    sentences have lower-case verbs and nouns of that length).
    """
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    if len(long_words) < 3:
        return False
    return all(w[:1].isupper() for w in long_words)


def _doc_casing(words: list[list[str]], caps: list[bool]) -> dict[str, str]:
    """Majority casing (``x``, ``X``, ``A``) of each lower form; ``+`` when it varies.

    Only informative positions count: not in a capitals sentence, not first, not after a
    quote, colon, dash or sentence end.
    """
    # count each written form, then fold the forms into their lower form: the same counts,
    # and the same first-seen order of the casings (max() ties), as counting token by token
    forms: Counter[str] = Counter()
    for sentence, is_caps in zip(words, caps, strict=True):
        if not is_caps:
            forms.update(
                word
                for prev, word in zip(sentence[:-1], sentence[1:], strict=True)
                if prev not in _CASE_BREAKS and word[:1].isalpha()
            )
    counts: dict[str, dict[str, int]] = {}
    for word, k in forms.items():
        seen = counts.setdefault(word.lower(), {})
        kind = casing(word)
        seen[kind] = seen.get(kind, 0) + k
    return {
        lower: max(seen, key=seen.__getitem__) + ("+" if len(seen) > 1 else "")
        for lower, seen in counts.items()
    }


def _doc_sequences(
    words: list[list[str]], caps: list[bool], gazetteer: Gazetteer | None
) -> dict[str, list[str]]:
    """Per lower form: its place in the longest capitalised sequence of the document.

    Features: ``ds=B|I|E`` (position in that sequence), ``dsl=<last word>``, ``dsc=<cue class
    of the last word>`` and ``dsg`` (the sequence opens with a given name). An all-capitals
    word that spells the initials of a sequence ("NAPM" for "National Association of Purchasing
    Management") gets ``acr`` and the sequence's ``dsl``/``dsc``.
    """
    best: dict[str, tuple[int, list[str]]] = {}
    given = gazetteer.given_names if gazetteer else frozenset()
    acronyms: dict[str, list[str]] = {}
    for sentence, is_caps in zip(words, caps, strict=True):
        if is_caps:
            continue
        for a, b in _capitalised_runs(sentence):
            run = sentence[a:b]
            if len(run) < 2:
                continue
            tail = run[-1].lower()
            base = ["dsl=" + tail]
            if gazetteer:
                base.extend("dsc=" + c for c in gazetteer.cue(run[-1]))
            if run[0] in given:
                base.append("dsg")
            named = run[1:] if run[0] in ("The", "A", "An") else run
            initials = "".join(w[0] for w in named if w[:1].isupper())
            if len(initials) >= 2:
                acronyms.setdefault("^" + initials.upper(), ["acr", *base])
            for k, word in enumerate(run):
                if not word[:1].isupper():
                    continue
                pos = "B" if k == 0 else "E" if k == len(run) - 1 else "I"
                key = word.lower()
                if len(run) > best.get(key, (0, []))[0]:
                    best[key] = (len(run), ["ds=" + pos, *base])
    out = {k: v for k, (_, v) in best.items()}
    out.update(acronyms)
    return out


def _aggregate_contexts(words: list[list[str]], limit: int = 12) -> dict[str, list[str]]:
    """Context aggregation: the words around every occurrence of a recurring capitalised word.

    For a lower form written capitalised at least twice in the document, ``a-1=<word before>``
    and ``a+1=<word after>`` over (up to ``limit``) occurrences: "Pirelli shares" in one
    sentence tells "Pirelli" in the others that it is a company.
    """
    where: dict[str, list[tuple[int, int]]] = {}
    for s, sentence in enumerate(words):
        for i, word in enumerate(sentence):
            if word[:1].isupper() and len(word) > 1:
                where.setdefault(word.lower(), []).append((s, i))
    out: dict[str, list[str]] = {}
    for key, places in where.items():
        if len(places) < 2:
            continue
        feats: set[str] = set()
        for s, i in places[:limit]:
            sentence = words[s]
            feats.add("a-1=" + (sentence[i - 1].lower() if i else "<s>"))
            feats.add("a+1=" + (sentence[i + 1].lower() if i + 1 < len(sentence) else "</s>"))
        out[key] = sorted(feats)
    return out


def _capitalised_runs(sentence: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (a lone "of"/"and"/"&"/"de" inside a run is kept)."""
    runs: list[tuple[int, int]] = []
    start = None
    capital = [w[:1].isupper() for w in sentence]
    last = len(sentence) - 1
    for i, cap in enumerate(capital):
        # a joiner continues an open run when a capitalised word follows it
        if cap or (
            start is not None and i < last and capital[i + 1] and sentence[i] in _RUN_JOINERS
        ):
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(sentence)))
    return runs


# ---------------------------------------------------------------------- second stage (stacking)
STACK_TYPES = ("PER", "LOC", "ORG", "MISC")
#: A first-stage reading of one token: type probabilities (PER, LOC, ORG, MISC) and its label.
Reading = tuple[tuple[float, ...] | None, str]


def stack_features(
    sentences: list[list[str]], readings: list[list[Reading]], own: bool = False
) -> list[list[list[str]]]:
    """Second-stage features: how the first stage read the *other* occurrences of each word.

    For a capitalised word that occurs again in the document, ``o<TYPE>=<bin>`` gives the mean
    first-stage probability of each type over its other occurrences (bins 2: ≥ .25, 5: ≥ .5,
    7: ≥ .75), and ``oe=<TYPE>`` the type of the longest first-stage entity containing the word
    elsewhere (``oe+`` when that entity is longer than the one at this occurrence). With
    ``own``, also the first-stage labels of the token and its neighbours (``s1=``, ``s1p=``,
    ``s1n=``: stacked sequential learning).
    """
    return StackContext(sentences, readings, own).features(0, len(sentences))


class StackContext:
    """What :func:`stack_features` needs of the whole document, gathered once; then
    :meth:`features` gives any range of sentences their features (the tagger's processes
    each take a range)."""

    def __init__(
        self, sentences: list[list[str]], readings: list[list[Reading]], own: bool = False
    ) -> None:
        self.own = own
        self.readings = readings
        self.lowers = lowers = [[w.lower() for w in normalise_all(s)] for s in sentences]
        n_types = len(STACK_TYPES)
        sums: dict[str, list[float]] = {}
        longest: dict[str, list[tuple[int, str, int, int]]] = {}
        spans: list[list[tuple[int, int, str]]] = []
        for s, (words, reads) in enumerate(zip(lowers, readings, strict=True)):
            for word, (probs, _) in zip(words, reads, strict=True):
                if probs:
                    acc = sums.get(word)
                    if acc is None:
                        acc = sums[word] = [0.0] * (n_types + 1)
                    for k, p in enumerate(probs):
                        acc[k] += p
                    acc[-1] += 1
            found = _reading_spans([label for _, label in reads])
            spans.append(found)
            for a, b, kind in found:
                for i in range(a, b):
                    longest.setdefault(words[i], []).append((b - a, kind, s, a))
        # Longest (then greatest type) first: the first entry that is not the token's own span
        # is the max() over the other occurrences, found without scanning them all per token.
        for entries in longest.values():
            entries.sort(key=_size_and_kind, reverse=True)
        self.sums, self.longest, self.spans = sums, longest, spans

    def features(self, lo: int, hi: int) -> list[list[list[str]]]:
        """The second-stage features of sentences ``lo`` to ``hi``."""
        sums, longest, own = self.sums, self.longest, self.own
        out: list[list[list[str]]] = []
        for s in range(lo, hi):
            words, reads, found = self.lowers[s], self.readings[s], self.spans[s]
            own_size = {i: b - a for a, b, _ in found for i in range(a, b)}
            labels = [lab for _, lab in reads]
            sentence_feats: list[list[str]] = []
            for i, (probs, _) in enumerate(reads):
                feats: list[str] = []
                if probs is None:  # not capitalised: no other-occurrence features
                    if own:
                        _add_own(feats, labels, i)
                    sentence_feats.append(feats)
                    continue
                acc = sums.get(words[i])
                if probs and acc is not None and acc[-1] > 1:
                    n = acc[-1] - 1
                    for k, kind in enumerate(STACK_TYPES):
                        mean = (acc[k] - probs[k]) / n
                        if mean >= 0.25:
                            feats.append(
                                f"o{kind}={7 if mean >= 0.75 else 5 if mean >= 0.5 else 2}"
                            )
                    if not feats:
                        feats.append("oO")
                for size, kind, e_s, e_a in longest.get(words[i], ()):
                    if e_s != s or not (e_a <= i < e_a + size):
                        feats.append("oe=" + kind)
                        if size > own_size.get(i, 1):
                            feats.append("oe+" + kind)
                        break
                if own:
                    _add_own(feats, labels, i)
                sentence_feats.append(feats)
            out.append(sentence_feats)
        return out


def _size_and_kind(entry: tuple[int, str, int, int]) -> tuple[int, str]:
    """Sort key of a first-stage entity entry: its length, then its type."""
    return entry[0], entry[1]


def _add_own(feats: list[str], labels: list[str], i: int) -> None:
    """Stacked sequential learning: the first-stage labels of the token and its neighbours."""
    feats.append("s1=" + labels[i])
    feats.append("s1p=" + (labels[i - 1] if i else "<s>"))
    feats.append("s1n=" + (labels[i + 1] if i + 1 < len(labels) else "</s>"))


def _reading_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans of an IOB label sequence (any type)."""
    found: list[tuple[int, int, str]] = []
    start, kind = None, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, name = label.partition("-")
        if start is not None and (label == "O" or prefix == "B" or name != kind):
            found.append((start, i, kind))
            start = None
        if label != "O" and start is None:
            start, kind = i, name
    return found


def capitalised_counts(sentences: list[list[str]]) -> Counter[str]:
    """How often each (lower-cased, normalised) word occurs capitalised in a document."""
    return Counter(
        low
        for s in sentences
        for w, low in zip(s, [w.lower() for w in normalise_all(s)], strict=True)
        if w[:1].isupper()
    )


def first_stage_readings(
    crf: Any,
    feats: Iterable[list[list[str]]],
    sentences: list[list[str]],
    counts: Counter[str] | None = None,
) -> list[list[Reading]]:
    """Run a first-stage ``pycrfsuite.Tagger`` over a document's feature lists.

    Every token gets its Viterbi label (IOB2, whatever the model's encoding); a capitalised
    token gets its type probabilities (the sum of its B-, I-, L- and U- marginals) when its
    word is capitalised elsewhere in the document too (the only case :func:`stack_features`
    averages), else an empty tuple. ``counts`` are the document's
    :func:`capitalised_counts`, needed when ``sentences`` are only part of the document.
    """
    known = set(crf.labels())
    pairs = [
        tuple(lab for lab in (f"{p}-{t}" for p in "BILU") if lab in known) for t in STACK_TYPES
    ]
    bilou = any(lab[:2] in ("L-", "U-") for lab in known)
    lowers = [[w.lower() for w in normalise_all(s)] for s in sentences]
    if counts is None:
        counts = capitalised_counts(sentences)
    out: list[list[Reading]] = []
    for xseq, words, lows in zip(feats, sentences, lowers, strict=True):
        if not xseq:
            out.append([])
            continue
        crf.set(xseq)
        labels = to_iob(crf.tag()) if bilou else crf.tag()
        marginal = crf.marginal
        probs: list[tuple[float, ...] | None] = [None] * len(words)
        for i, word in enumerate(words):
            if word[:1].isupper():
                probs[i] = ()
                if counts[lows[i]] > 1:
                    probs[i] = tuple([sum([marginal(lab, i) for lab in pair]) for pair in pairs])
        out.append(list(zip(probs, labels, strict=True)))
    return out


def to_bilou(labels: list[str]) -> list[str]:
    """IOB labels (IOB1 or IOB2) in BILOU: a name's first token ``B-``, its last ``L-``, a
    one-token name ``U-`` (``["B-PER", "I-PER", "B-LOC"]`` -> ``["B-PER", "L-PER", "U-LOC"]``)."""
    out = ["O"] * len(labels)
    for a, b, kind in _reading_spans(labels):
        if b - a == 1:
            out[a] = "U-" + kind
        else:
            out[a], out[b - 1] = "B-" + kind, "L-" + kind
            for i in range(a + 1, b - 1):
                out[i] = "I-" + kind
    return out


def to_iob(labels: list[str]) -> list[str]:
    """BILOU labels in IOB2 (``U-`` -> ``B-``, ``L-`` -> ``I-``); a name ends after ``L-`` or
    ``U-``, and an ``I-``/``L-`` that does not continue a name of its type opens one."""
    out: list[str] = []
    kind = ""  # the type of the name still open after the previous token
    for label in labels:
        prefix, _, name = label.partition("-")
        if label == "O":
            out.append("O")
            kind = ""
            continue
        inside = prefix in ("I", "L") and name == kind
        out.append(("I-" if inside else "B-") + name)
        kind = name if prefix in ("B", "I") else ""
    return out
