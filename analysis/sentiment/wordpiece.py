"""WordPiece cuts of words, as BERT's uncased tokenizer makes them (pure Python, no model).

The news tone's ``context_words`` feature gives each word piece a tone (the model's
``context_tones``); this module cuts a word into the pieces of that vocabulary the way the
uncased BERT tokenizer does: lower case, accents stripped, punctuation split off, then the
longest piece of the vocabulary from the start, and ``##``-prefixed continuations. A word with
a part that no piece matches yields no pieces (BERT's ``[UNK]``), as does a word longer than
:data:`MAX_WORD_CHARS` characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

#: BERT's limit: a longer word is one unknown token.
MAX_WORD_CHARS = 100
CONTINUATION = "##"


def is_punctuation(char: str) -> bool:
    # BERT counts every non-alphanumeric ASCII character as punctuation, and Unicode's P*.
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def basic_pieces(text: str) -> list[str]:
    """``text`` in lower case without accents, cut at white space and around punctuation."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    out: list[str] = []
    for chunk in text.split():
        current = ""
        for char in chunk:
            if is_punctuation(char):
                if current:
                    out.append(current)
                    current = ""
                out.append(char)
            else:
                current += char
        if current:
            out.append(current)
    return out


def word_pieces(piece: str, vocabulary: Collection[str]) -> list[str]:
    """Greedy longest-match-first WordPiece of one basic piece; ``[]`` when a part of it has
    no piece in ``vocabulary`` or it is longer than :data:`MAX_WORD_CHARS`."""
    if len(piece) > MAX_WORD_CHARS:
        return []
    out = []
    start = 0
    while start < len(piece):
        end = len(piece)
        found = None
        while start < end:
            candidate = piece[start:end] if start == 0 else CONTINUATION + piece[start:end]
            if candidate in vocabulary:
                found = candidate
                break
            end -= 1
        if found is None:
            return []
        out.append(found)
        start = end
    return out


def tokenize(text: str, vocabulary: Collection[str]) -> list[str]:
    """All word pieces of ``text`` (unknown parts left out)."""
    return [p for basic in basic_pieces(text) for p in word_pieces(basic, vocabulary)]
