"""Offline sentence splitting and word tokenisation with character offsets, built on NLTK.

Sentences come from NLTK's Punkt algorithm with a packaged abbreviation list
(``resources/abbreviations.txt``) instead of a downloaded model, so no NLTK data package is
needed. Two rules are added on top of Punkt:

* an abbreviation (U.S., U.N., a.m., Mr., Gen., Jan., single initials) never ends a sentence,
  even before a capitalised word ("the U.N. Security Council");
* a quotation closed by ``,”`` / ``?”`` / ``!”`` and followed by a lower-case attribution
  ("… path,” Putin stressed. / “Why?” she asked.) stays one sentence.

Chinese and Japanese: the full-width sentence marks 。！？ (and ．) end a sentence, with any
closing quotes or brackets after them; each Han character or kana is one word, since these
scripts do not put spaces between words (so 300 Chinese characters are about 300 words, not
the handful of runs between punctuation marks).

Counting rules: a *word* is a token that holds at least one letter or digit ("U.S.",
"Putin’s", "high-profile", "2024" are one word each; punctuation is not a word). A *sentence*
never crosses a paragraph boundary.

Analyses of articles that are not in English are refused by :func:`prepare` unless
``allow_language=True`` (see :class:`~analysis.errors.UnsupportedLanguageError`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, TypeVar

import regex
from nltk.tokenize import punkt
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from .article import Article, Block, normalise_zones
from .errors import UnsupportedLanguageError
from .paths import RESOURCES_DIR
from .reading import ENGLISH, UNDETERMINED, language_name

T = TypeVar("T")


@dataclass(frozen=True, slots=True)  # slots: an article has ~200,000 of these per MB
class Token:
    """A token with offsets into the text it was cut from.

    ``norm`` is lower-cased with curly apostrophes made straight; ``is_word`` is True when the
    token holds a letter or a digit.
    """

    text: str
    start: int
    end: int
    norm: str
    is_word: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with offsets into :attr:`Article.text`.

    ``index`` numbers the sentences of the analysed zones from 0; ``paragraph`` is the index of
    its block among those zones' blocks; ``zone`` and ``section`` come from the block.
    """

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    zone: str
    section: str | None


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations that never end a sentence: lower-case, without their final period."""
    words = set()
    for line in (RESOURCES_DIR / "abbreviations.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower().rstrip("."))
    words.update("abcdefghijklmnopqrstuvwxyz")  # single initials
    return frozenset(words)


def _unguarded(pattern: object) -> object:
    """The compiled pattern inside NLTK's ``redos`` wrapper (the pattern itself otherwise)."""
    return getattr(pattern, "_rx", pattern)


class _PunktVars(PunktLanguageVars):
    """NLTK's own Punkt patterns, matched without the wall-clock guard NLTK puts around each
    match for untrusted patterns: the guard made sentence splitting several times slower, and
    on a busy machine a very long paragraph could exceed it and abort the analysis."""

    re_boundary_realignment = _unguarded(PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self) -> object:
        return _unguarded(super()._word_tokenizer_re())

    def period_context_re(self) -> object:
        return _unguarded(super().period_context_re())


class _PunktToken(PunktToken):
    """NLTK's Punkt token, its per-token patterns matched without the guard (as above)."""

    __slots__ = ()
    _RE_ELLIPSIS = _unguarded(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _unguarded(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _unguarded(PunktToken._RE_INITIAL)
    _RE_ALPHA = _unguarded(PunktToken._RE_ALPHA)
    _RE_NON_PUNCT = _unguarded(punkt._re_non_punct)

    @property
    def is_non_punct(self) -> object:
        return self._RE_NON_PUNCT.search(self.type)


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params, lang_vars=_PunktVars(), token_cls=_PunktToken)


# Opening punctuation that may precede the first word of an attribution.
_CLOSING_QUOTE_END = re.compile(r"[,?!…—–-]\s*[”\"’']\s*$|[,]\s*$")
_ATTRIBUTION_START = re.compile(
    r"^[a-z]|^(?:[A-Z][\w’'-]+\s+){0,3}(?:said|says|stressed|added|"
    r"asked|told|noted|wrote|insisted|replied|warned|declared)\b"
)
_NUMBER_SIGN = re.compile(r"\bNos?\.$")
_ABBREV_END = re.compile(r"(?:^|[\s(“\"'])((?:[A-Za-z]\.){2,}|[A-Za-z]+\.)$")


# A CJK sentence end: a full-width mark, then closing quotes or brackets.
_CJK_END = re.compile(r"[。！？．]+[」』”’）)\]】〕\"']*")


def _cjk_spans(text: str, start: int, end: int) -> list[list[int]]:
    """Cut ``text[start:end]`` after each CJK sentence end (spans trimmed of white space)."""
    spans = []
    for match in _CJK_END.finditer(text, start, end):
        if match.end() < end:
            spans.append([start, match.end()])
            start = match.end()
            while start < end and text[start].isspace():
                start += 1
    spans.append([start, end])
    return [s for s in spans if s[1] > s[0]]


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` spans shifted by ``offset``.

    Spans are trimmed of surrounding white space. See the module docstring for the rules.
    """
    spans = [list(span) for span in _punkt().span_tokenize(text)]
    if _CJK_END.search(text):
        spans = [cut for start, end in spans for cut in _cjk_spans(text, start, end)]
    merged: list[list[int]] = []
    for span in spans:
        if merged:
            before = text[merged[-1][0] : merged[-1][1]]
            after = text[span[0] : span[1]]
            match = _ABBREV_END.search(before)
            ends_in_abbreviation = bool(
                match and match.group(1).lower().rstrip(".") in abbreviations()
            )
            # "No. 5", "Nos. 3 and 4": "No." is an abbreviation only before a number.
            ends_in_abbreviation |= bool(_NUMBER_SIGN.search(before) and after[:1].isdigit())
            quote_attribution = bool(
                _CLOSING_QUOTE_END.search(before) and _ATTRIBUTION_START.match(after)
            )
            if ends_in_abbreviation or quote_attribution:
                merged[-1][1] = span[1]
                continue
        merged.append(span)
    return [(start + offset, end + offset) for start, end in merged]


# Order matters: the first alternative that matches at a position wins.
_TOKEN_PATTERN = r"""(?x)
      https?://\S+[\w/]                      # URLs
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+             # e-mail addresses
    | (?:[A-Za-z]\.){2,}                       # U.S. a.m. U.N.
    | \d+(?:[.,:/]\d+)*(?:%|[A-Za-z]+)?(?:[-‐]\w+)*  # 2024 3.5 1,000 50% 1990s 3rd 24-hour
    | [\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]   # one Han character or kana
    | \w+(?:[-‐'’]\w+)*(?:(?<=s)['’](?!\w))?   # words, hyphenated words, possessives
    | \.\.\.|…                                 # ellipsis
    | [^\w\s]                                  # any other single punctuation mark
"""
# Compiled with the engine and flags NLTK's RegexpTokenizer uses (same tokens), but matched
# directly: NLTK wraps every match in a wall-clock guard for untrusted patterns, which made
# tokenising 2-4x slower and would abort a very long paragraph on a busy machine.
_TOKEN_RE = regex.compile(_TOKEN_PATTERN, regex.UNICODE | regex.MULTILINE | regex.DOTALL)
_HAS_ALNUM = re.compile(r"\w")


@lru_cache(maxsize=65536)
def _piece_info(piece: str) -> tuple[str, bool]:
    """``norm`` and ``is_word`` of a token's text; cached because the same words recur."""
    return (
        piece.lower().replace("’", "'").replace("‐", "-"),
        bool(_HAS_ALNUM.search(piece)) and piece != "_",
    )


def _token_tuples(text: str, offset: int = 0) -> list[tuple[str, int, int, str, bool]]:
    """:func:`tokenize` as plain ``(text, start, end, norm, is_word)`` tuples, for hot loops
    that only read the fields (building a frozen :class:`Token` costs more than the match)."""
    info = _piece_info
    out = []
    append = out.append
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        piece = text[start:end]
        norm, is_word = info(piece)
        append((piece, start + offset, end + offset, norm, is_word))
    return out


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokenise ``text`` into words and punctuation with offsets shifted by ``offset``."""
    return [Token(*t) for t in _token_tuples(text, offset)]


def words(text: str) -> list[str]:
    """The words of ``text`` (tokens with a letter or digit), as written."""
    return [t.text for t in tokenize(text) if t.is_word]


def sentences(article: Article, zones: Iterable[str] = ("body",)) -> list[Sentence]:
    """The sentences of an article's zones (body by default), in reading order."""
    result: list[Sentence] = []
    for paragraph, block in enumerate(article.blocks_in(normalise_zones(zones))):
        for start, end in split_sentences(block.text, block.start):
            result.append(
                Sentence(
                    len(result),
                    article.text[start:end],
                    start,
                    end,
                    paragraph,
                    block.zone,
                    block.section,
                )
            )
    return result


def block_tokens(block: Block) -> list[Token]:
    """Tokens of one block, offsets into the article text."""
    return tokenize(block.text, block.start)


def article_tokens(article: Article, zones: Iterable[str] = ("body",)) -> list[Token]:
    """Tokens (words and punctuation) of an article's zones, offsets into the article text."""
    return [t for block in article.blocks_in(normalise_zones(zones)) for t in block_tokens(block)]


@dataclass(frozen=True)
class Document:
    """The analysed view of an article: the chosen zones cut into sentences and tokens once.

    Every analysis (stats, sentiment, actors) takes a ``Document`` so the text is split once.
    """

    article: Article
    zones: tuple[str, ...]
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]

    @property
    def words(self) -> list[Token]:
        """The word tokens (see the module docstring for what counts as a word)."""
        return [t for t in self.tokens if t.is_word]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _memo(self) -> dict[tuple[Any, ...], Any]:
        return {}

    def memo(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """``compute()``, once per ``key`` while this document lives.

        For analyses that several helpers (and notebook cells) ask of one document: the name
        recogniser's mentions, the sentence scores. A document never changes, so neither do
        they; ``key`` holds every other input (by value, or the object itself). Callers hand
        out copies of mutable results."""
        memo = self._memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        """The tokens inside one sentence."""
        lo = bisect_left(self._token_starts, sentence.start)
        hi = bisect_left(self._token_starts, sentence.end)
        return list(self.tokens[lo:hi])

    def _alone_spans(self, sentence: Sentence) -> list[tuple[int, int]] | None:
        r"""The token spans ``tokenize(sentence.text)`` gives (offsets into the sentence), read
        off the document's tokens so a sentence is not tokenised twice.

        None when an edge of the sentence could tokenise differently on its own: a token
        crossing the edge, or a character after the sentence that is not white space (the
        possessive's ``(?!\w)`` looks one character past a token; alone, the text ends there).
        Inside those edges every match is the one the block had: the pattern looks at no other
        character outside the token it matches.
        """
        starts, tokens = self._token_starts, self.tokens
        start, end = sentence.start, sentence.end
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end)
        text = self.article.text
        if (
            (lo > 0 and tokens[lo - 1].end > start)
            or (hi > lo and tokens[hi - 1].end > end)
            or (end < len(text) and text[end] not in _PLAIN_SPACE)
        ):
            return None
        return [(t.start - start, t.end - start) for t in tokens[lo:hi]]


# White space that no regular-expression engine counts as a word character.
_PLAIN_SPACE = frozenset(" \t\n\r")


def check_language(article: Article, allow_language: bool = False) -> None:
    """Refuse an article whose body is not in English, unless ``allow_language``.

    Raises:
        UnsupportedLanguageError: :attr:`Article.language` is known and not English.
    """
    if allow_language or article.language in (ENGLISH, UNDETERMINED, None):
        return
    raise UnsupportedLanguageError(
        article.source,
        f"the article is in {language_name(article.language)} ({article.language}); "
        "readability, sentiment and actor analyses are built for English and would give "
        "confident nonsense",
        "Analyse it anyway with allow_language=True (CLI: --allow-language); the record then "
        "carries a non-english warning.",
        language=article.language,
    )


def prepare(
    article: Article, zones: Iterable[str] = ("body",), *, allow_language: bool = False
) -> Document:
    """Cut an article's zones (body by default) into sentences and tokens.

    Raises:
        UnsupportedLanguageError: the article is not in English and ``allow_language`` is
            False (see :func:`check_language`).
    """
    check_language(article, allow_language)
    zone_list = tuple(normalise_zones(zones))
    return Document(
        article,
        zone_list,
        article.blocks_in(zone_list),
        tuple(sentences(article, zone_list)),
        tuple(article_tokens(article, zone_list)),
    )
