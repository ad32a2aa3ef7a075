"""Put the pieces of a structured page (HTML, Markdown) into zones.

Each piece keeps the role its mark-up gave it (a heading is a heading, a list item is body),
and then the rules shared with plain text apply line by line: furniture lines
(:mod:`.furniture`) go to ``boilerplate`` with their reason, bylines and time stamps to
``meta``, a paragraph set wholly in bold that reads like a heading is a heading, a paragraph
ending in an image credit is a caption. The footer is the trailing run of furniture
(:func:`.furniture.footer_start`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import (
    ends_with_credit,
    footer_start,
    furniture_reason,
    is_meta_line,
    line_reasons,
    looks_like_heading,
)
from .pieces import Piece

__all__ = ["Zoned", "ZonedPage", "zone_pieces"]

_MAX_CAPTION_WORDS = 80


@dataclass(frozen=True)
class Zoned:
    """A piece (or one line of it) in its zone; ``reason`` says why boilerplate was removed."""

    zone: str
    text: str
    reason: str | None = None


@dataclass(frozen=True)
class ZonedPage:
    """The zoned pieces, the title, and how many furniture lines sat inside the story."""

    title: str
    zoned: list[Zoned]
    furniture_in_story: list[Zoned]


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def zone_pieces(pieces: list[Piece]) -> ZonedPage:
    """Zone structured pieces (see the module docstring)."""
    title = ""
    rest = list(pieces)
    head: list[Zoned] = []
    if rest and rest[0].kind == "title":
        title = rest[0].text.replace("\n", " ")
        head.append(Zoned("title", title))
        rest = rest[1:]

    # Furniture is judged line by line across the page, so the rules that need a neighbour
    # (teasers under "Related Articles", a signature under a sign-off) see them.
    judged = [i for i, p in enumerate(rest) if p.kind != "code"]
    lines = [(i, line) for i in judged for line in rest[i].text.split("\n")]
    reasons = line_reasons([line for _, line in lines])
    per_piece: dict[int, list[tuple[str, str | None]]] = {}
    for (i, line), reason in zip(lines, reasons, strict=True):
        per_piece.setdefault(i, []).append((line, reason))

    zoned: list[Zoned] = []
    previous_kind = ""
    for i, piece in enumerate(rest):
        if piece.kind == "image":
            reason = per_piece[i][0][1] if len(per_piece[i]) == 1 else furniture_reason(piece.text)
            zoned.append(
                Zoned("boilerplate", piece.text, reason)
                if reason
                else Zoned("image_title", piece.text)
            )
        elif piece.kind == "code":
            zoned.append(Zoned("body", piece.text))
        elif title and piece.kind in ("heading", "paragraph") and _norm(piece.text) == _norm(title):
            zoned.append(Zoned("duplicate_title", piece.text, "repeated headline"))
        else:
            zoned.extend(_zone_lines(piece, per_piece.get(i, []), title, previous_kind))
        previous_kind = piece.kind

    # The footer: the trailing run of furniture (with short islands such as a site blurb).
    furniture = [z.zone in ("boilerplate", "meta", "duplicate_title") for z in zoned]
    words = [len(z.text.split()) for z in zoned]
    start = footer_start(furniture, words)
    for j in range(start, len(zoned)):
        if not furniture[j]:
            zoned[j] = Zoned("boilerplate", zoned[j].text, "site footer")
    story = [j for j, z in enumerate(zoned) if z.zone == "body"]
    inside = [z for z in zoned[story[0] : story[-1]] if z.zone == "boilerplate"] if story else []
    return ZonedPage(title, head + zoned, inside)


def _zone_lines(
    piece: Piece, lines: list[tuple[str, str | None]], title: str, previous_kind: str
) -> list[Zoned]:
    """Zone one piece: its furniture and meta lines apart, the rest by the piece's kind."""
    out: list[Zoned] = []
    kept: list[str] = []

    def flush() -> None:
        if kept:
            out.append(_zone_text(piece, "\n".join(kept), previous_kind))
            kept.clear()

    for line, reason in lines:
        if reason:
            flush()
            out.append(Zoned("boilerplate", line, reason))
        elif (
            piece.kind in ("paragraph", "heading")
            and len(line.split()) <= 40
            and is_meta_line(line, title)
        ):
            flush()
            out.append(Zoned("meta", line))
        else:
            kept.append(line)
    flush()
    return out


def _zone_text(piece: Piece, text: str, previous_kind: str) -> Zoned:
    kind = piece.kind
    if kind == "heading":
        return Zoned("heading", text.replace("\n", " "))
    if kind == "caption":
        return Zoned("caption", text)
    if kind == "paragraph":
        if ends_with_credit(text) and len(text.split()) <= _MAX_CAPTION_WORDS:
            return Zoned("caption", text)
        if (
            piece.emphasised
            and previous_kind in ("image", "caption")
            and len(text.split()) <= _MAX_CAPTION_WORDS
        ):
            return Zoned("caption", text)
        if piece.emphasised and "\n" not in text and looks_like_heading(text):
            return Zoned("heading", text)
    return Zoned("body", text)
