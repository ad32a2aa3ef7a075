"""The structured pieces a page is read into, before zoning: one per paragraph, heading, list
item, quotation, image or caption, in reading order, with plain text (no markup).

HTML (:mod:`.html`) and Markdown (:mod:`.markdown`) are both read into pieces; :mod:`.zoning`
then puts each piece (or line of a piece) into a zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PIECE_KINDS", "Piece", "clean_inline"]

#: What a piece can be.
PIECE_KINDS = (
    "title",
    "heading",
    "paragraph",
    "item",
    "quote",
    "image",
    "caption",
    "table",
    "code",
)


@dataclass(frozen=True)
class Piece:
    """One structural element of a page.

    Attributes:
        kind: one of :data:`PIECE_KINDS`.
        text: its plain text; hard line breaks inside it are ``\\n``.
        level: a heading's level (1 for the page headline).
        emphasised: the whole text is bold or italic (a subheading set in bold, a caption set
            in italics).
    """

    kind: str
    text: str
    level: int = 0
    emphasised: bool = False


_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def clean_inline(text: str) -> str:
    """White space runs made one space on each line, invisible characters (soft hyphens,
    zero-width spaces) dropped, blank lines removed."""
    text = _INVISIBLE.sub("", text).replace("\u00a0", " ")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
