"""CoNLL-2003-style tokenisation with character offsets into the original text.

The name recogniser was trained on CoNLL-2003 tokens, so running text is split the same way:

* punctuation is its own token (``,`` ``.`` ``(`` ``"`` ``“``), runs of dashes or dots stay
  together (``--``, ``...``);
* clitics are split off: ``Putin 's``, ``do n't``, ``ca n't``, ``they 're``, ``we 've``,
  ``I 'm``, and the apostrophe of a plural possessive (``states '``); the curly apostrophe
  ``’`` is treated like ``'``;
* dotted abbreviations are one token (``U.S.``, ``a.m.``, ``U.S.-led``), as are known
  abbreviations with their period (``Mr.``, ``Corp.``, ``Calif.``, ``vs.``), initials before a
  name (``M. Smith``) and ``No.`` before a number;
* hyphenated words (``high-profile``, ``Inzamam-ul-Haq``, ``6-4``, ``1996-08-30``), names with an
  inner apostrophe (``O'Brien``, ``d'Italia``), numbers with commas or decimals (``1,000``,
  ``19.32``), currency prefixes (``US$``, ``C$``), ``S&P``, URLs, e-mail addresses and domain
  names (``reuters.com``) are one token each.

Every token is ``(text, start, end)`` with ``text == source[start:end]``: tokens are never
rewritten here (the model's view of a token is :func:`features.normalise`).
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "conll_tokens"]

#: Capitalised words that keep their period ("Mr.", "Corp.", "Calif."), lower-cased.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev hon pres amb
    st sr jr messrs mme mlle mt ft jan feb mar apr jun jul aug sep sept oct nov dec
    inc corp ltd co bros dept univ assn
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo""".split()
)
#: Lower-case abbreviations that keep their period in any case.
LOWER_ABBREVIATIONS = frozenset({"vs", "etc", "approx", "cf", "al"})

_APOS = "'\u2019"
_CLITICS = frozenset({"s", "re", "ve", "ll", "d", "m"})
_PATTERN = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"\u201c\u201d]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<abbr>(?:[^\W\d_]\.){2,}(?:-[^\W_]+)*)                   # U.S.  a.m.  U.S.-led
  | (?P<money>[A-Z]{1,3}\$)                                      # US$  C$  HK$
  | (?P<number>(?:(?<![\w.])[+-])?(?:\d+(?:[.,:/]\d+)+|(?<![\w.])\.\d+|(?<![\w.])\d+(?![\w.]))
        (?:-[^\W_]+(?:[./]\d+)*)*)                                # 1,000 19.32 3:30 +44 5-1/2
  | (?P<domain>[^\W_][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|io)(?![\w-]))
  | (?P<word>[^\W_](?:[^\W_]|[-&][^\W_]|['\u2019][^\W_])*)      # words, 6-4, O'Brien, S&P
  | (?P<run>-{2,}|\.{2,}|\*{2,}|={2,})                           # -- ... ** ==
  | (?P<other>\S)
    """,
    re.VERBOSE,
)
_CLOSERS = "\"'\u2019\u201d"
_URL_TRAIL = ".,;:!?)]}'\"\u2019\u201d"


def _split_word(word: str, start: int) -> list[tuple[str, int, int]]:
    """Split a clitic (``'s`` ``n't`` ``'re``…) off a word; keep ``O'Brien`` whole."""
    end = start + len(word)
    cut = max(word.rfind("'"), word.rfind("\u2019"))  # the last apostrophe (see _APOS)
    if cut <= 0:
        return [(word, start, end)]
    tail = word[cut + 1 :].lower()
    if tail in _CLITICS:
        return [(word[:cut], start, start + cut), (word[cut:], start + cut, end)]
    if tail == "t" and cut >= 2 and word[cut - 1] in "nN":
        return [(word[: cut - 1], start, start + cut - 1), (word[cut - 1 :], start + cut - 1, end)]
    return [(word, start, end)]


def _keeps_period(word: str, end: int, text: str, stop: int) -> bool:
    """Whether ``word`` (ending at ``end``) is an abbreviation that takes the next ``.``."""
    if end >= stop or text[end] != ".":
        return False
    lower = word.lower()
    if lower in LOWER_ABBREVIATIONS:
        return True
    if not word[:1].isupper():
        return False
    after = text[end + 1 : end + 3]
    if lower in ABBREVIATIONS:
        return True
    if lower in ("no", "nos"):
        return after[:1] == " " and after[1:2].isdigit()
    # an initial before a name: "M. Smith"
    return len(word) == 1 and after[:1] == " " and after[1:2].isupper()


def conll_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Tokens of ``text[start:end]`` as ``(token, start, end)`` with offsets into ``text``.

    >>> conll_tokens("Putin's visit")
    [('Putin', 0, 5), ("'s", 5, 7), ('visit', 8, 13)]
    """
    stop = len(text) if end is None else min(end, len(text))
    out: list[tuple[str, int, int]] = []
    pos = start
    while pos < stop:
        match = _PATTERN.search(text, pos, stop)
        if match is None:
            break
        kind, a, b = match.lastgroup, match.start(), match.end()
        token = match.group()
        if kind == "url":
            b = a + len(token.rstrip(_URL_TRAIL))
            out.append((text[a:b], a, b))
        elif a == start and token.isdigit() and text[b : b + 2] == ". " and b + 2 < stop:
            out.append((text[a : b + 1], a, b + 1))  # a list number: "1. Michael Johnson"
            b += 1
        elif kind == "word":
            # the cheap tests first: most words are followed by no period and have no apostrophe
            if b < stop and text[b] == "." and _keeps_period(token, b, text, stop):
                b += 1
                out.append((text[a:b], a, b))
            elif "'" in token or "\u2019" in token:
                out.extend(_split_word(token, a))
            else:
                out.append((token, a, b))
        else:
            out.append((token, a, b))
        pos = b
    return _split_final_period(out, text, stop)


def _split_final_period(
    tokens: list[tuple[str, int, int]], text: str, stop: int
) -> list[tuple[str, int, int]]:
    """Split the period off an abbreviation that ends the range ("in the U.S ." as CoNLL).

    The range is a sentence: its last period is the full stop, which CoNLL writes apart.
    """
    last = len(tokens) - 1
    while last >= 0 and tokens[last][0] in _CLOSERS:
        last -= 1
    if last < 0:
        return tokens
    token, a, b = tokens[last]
    if len(token) < 3 or not token.endswith(".") or token.endswith(".."):
        return tokens
    if text[b:stop].strip(_CLOSERS + " \t\n"):
        return tokens
    return [*tokens[:last], (token[:-1], a, b - 1), (".", b - 1, b), *tokens[last + 1 :]]


if __name__ == "__main__":  # pragma: no cover
    import sys

    for line in sys.stdin:
        print(" ".join(t for t, _, _ in conll_tokens(line)))
