"""Read Markdown into :class:`~.pieces.Piece` objects with plain text.

Block structure (``#`` and underlined headings, paragraphs, list items, block quotes, tables,
images, fenced code) gives each piece its kind; inline mark-up (``**bold**``, ``*italic*``,
links, inline images, inline code, backslash escapes) is removed from the text, so no Markdown
artefact reaches the analysis.

Raw HTML inside Markdown is not text: comments, ``<script>``/``<style>`` and similar elements,
navigation, footers and containers whose class or id names an advert, a share bar, a
newsletter or related links are removed with their content; ``<h1>``–``<h6>`` and ``<img>``
become headings and images; any other tag is dropped and its text kept. Entities are decoded
last, in each piece's text, so ``&lt;script&gt;`` is the text "<script>", never mark-up.
"""

from __future__ import annotations

import re
from html import unescape

from .pieces import Piece, clean_inline

__all__ = ["read_markdown", "strip_raw_html"]

_FLAGS = re.DOTALL | re.IGNORECASE
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_DROPPED = re.compile(
    r"<(script|style|noscript|iframe|template|object|embed|svg|form|button|"
    r"select|textarea|nav|footer|head)\b[^>]*>.*?(?:</\1\s*>|$)",
    _FLAGS,
)
_FURNITURE_BOX = re.compile(
    r"<(div|aside|section|span|p|figure|ins|ul|ol|header)\b[^>]*\b(?:class|id)\s*=\s*[\"'][^\"']*"
    r"\b(?:ads?|adv\w*|advert\w*|sponsor\w*|promo\w*|banner\w*|newsletter\w*|related\w*|"
    r"share\w*|sharing|social\w*|cookie\w*|subscri\w*|outbrain|taboola)\b[^\"']*[\"'][^>]*>"
    r".*?</\1\s*>",
    _FLAGS,
)
_HEADING_TAG = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", _FLAGS)
_IMG_TAG = re.compile(r"<img\b[^>]*?>", re.IGNORECASE)
_ALT = re.compile(r"\balt\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|section|article|aside|header|main|figure|figcaption|"
    r"blockquote|ul|ol|li|table|tr|h[1-6]|hr|pre)\b[^>]*>",
    re.IGNORECASE,
)
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
# An HTML tag: a name of letters and digits, then attributes; never an autolink <https://…>.
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


def strip_raw_html(text: str) -> str:
    """Markdown with its raw HTML removed (see the module docstring); line breaks of removed
    blocks are kept so paragraphs stay apart."""

    def blank(match: re.Match[str]) -> str:
        return "\n\n" if "\n" in match.group(0) else " "

    text = _COMMENT.sub(blank, text)
    for _ in range(3):  # nested furniture boxes
        text, changed = _FURNITURE_BOX.subn(blank, text)
        if not changed:
            break
    text = _DROPPED.sub(blank, text)
    text = _HEADING_TAG.sub(
        lambda m: (
            "\n\n"
            + "#" * int(m.group(1))
            + " "
            + " ".join(_ANY_TAG.sub(" ", m.group(2)).split())
            + "\n\n"
        ),
        text,
    )

    def image(match: re.Match[str]) -> str:
        alt = _ALT.search(match.group(0))
        label = (alt.group(1) or alt.group(2) or "") if alt else ""
        return f"\n\n![{label}]()\n\n"

    text = _IMG_TAG.sub(image, text)
    text = _BR_TAG.sub("\n", text)
    text = _BLOCK_TAG.sub("\n\n", text)
    return _ANY_TAG.sub("", text)


_FENCE = re.compile(r"^(```+|~~~+)[^\n]*\n.*?(?:^\1[ \t]*$|\Z)", re.DOTALL | re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^(?:[-*_][ \t]*){3,}$")
_IMAGE_LINE = re.compile(
    r"^\[?!\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)(?:\]\((?:[^()]|\([^)]*\))*\))?"
    r"\s*$"
)
_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")

_INLINE_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()]|\([^)]*\))*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s\\])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s\\])_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$", re.MULTILINE)
_WHOLLY_EMPHASISED = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$", re.DOTALL)


def clean_markdown_inline(text: str) -> str:
    """Plain text of one block of Markdown: inline images dropped, links to their text,
    emphasis, strike-through and code marks removed, escapes resolved, entities decoded."""
    text = _HARD_BREAK.sub("", text)
    text = _INLINE_IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE_SPAN.sub(lambda m: m.group(2).strip(), text)
    for _ in range(2):
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDER.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return clean_inline(unescape(text))


def _front_matter_title(text: str) -> tuple[str, str]:
    """(title from YAML front matter, text without it)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return "", text
    title = ""
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "title":
            title = value.strip().strip("\"'")
    return clean_markdown_inline(title), text[match.end() :]


def read_markdown(text: str) -> list[Piece]:
    """Read Markdown into pieces; the first level-1 heading (or a front-matter title) is the
    ``title`` piece, placed first."""
    front_title, text = _front_matter_title(text)
    text = strip_raw_html(text)
    pieces: list[Piece] = []
    position = 0
    for fence in _FENCE.finditer(text):
        pieces.extend(_blocks(text[position : fence.start()]))
        body = fence.group(0).split("\n", 1)[1] if "\n" in fence.group(0) else ""
        code = re.sub(r"\n?(```+|~~~+)[ \t]*$", "", body).strip("\n")
        if code.strip():
            pieces.append(Piece("code", code))
        position = fence.end()
    pieces.extend(_blocks(text[position:]))
    for i, piece in enumerate(pieces):
        if piece.kind == "heading" and piece.level == 1 and not front_title:
            return [Piece("title", piece.text, level=1), *pieces[:i], *pieces[i + 1 :]]
    return [Piece("title", front_title, level=1), *pieces] if front_title else pieces


def _blocks(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in chunk.split("\n") if line.strip()]
        lines = [line for line in lines if not _REFERENCE.match(line)]
        if lines:
            pieces.extend(_chunk_pieces(lines))
    return pieces


def _chunk_pieces(lines: list[str]) -> list[Piece]:
    first = lines[0].strip()
    if (
        len(lines) >= 2
        and _SETEXT.match(lines[1].strip())
        and len(lines) == 2
        and not _ITEM.match(first)
    ):
        level = 1 if lines[1].strip().startswith("=") else 2
        return [_heading(first, level)]
    heading = _ATX.match(first)
    if heading:
        rest = _chunk_pieces(lines[1:]) if len(lines) > 1 else []
        text = clean_markdown_inline(heading.group(2))
        return ([Piece("heading", text, level=len(heading.group(1)))] if text else []) + rest
    if all(_RULE.match(line.strip()) for line in lines):
        return []
    if all(_IMAGE_LINE.match(line.strip()) for line in lines):
        images = []
        for line in lines:
            alt = clean_markdown_inline(_IMAGE_LINE.match(line.strip()).group(1))
            images.append(Piece("image", alt))
        return [p for p in images if p.text]
    if all(_QUOTE.match(line) for line in lines):
        inner = [_QUOTE.match(line).group(1) for line in lines]
        text = clean_markdown_inline("\n".join(inner))
        return [Piece("quote", text)] if text else []
    if _ITEM.match(lines[0]):
        return _items(lines)
    if len(lines) >= 2 and "|" in first and _TABLE_SEPARATOR.match(lines[1].strip()):
        rows = [lines[0], *lines[2:]]
        cells = [
            [clean_markdown_inline(c) for c in row.strip().strip("|").split("|")] for row in rows
        ]
        return [Piece("table", " | ".join(c for c in row if c)) for row in cells if any(row)]
    raw = "\n".join(line.strip() for line in lines)
    emphasised = bool(_WHOLLY_EMPHASISED.match(raw))
    text = clean_markdown_inline(raw)
    return [Piece("paragraph", text, emphasised=emphasised)] if text else []


def _heading(text: str, level: int) -> Piece:
    return Piece("heading", clean_markdown_inline(text), level=level)


def _items(lines: list[str]) -> list[Piece]:
    items: list[list[str]] = []
    for line in lines:
        match = _ITEM.match(line)
        if match:
            items.append([match.group(1)])
        elif items:
            items[-1].append(line.strip())
    pieces = []
    for item in items:
        text = clean_markdown_inline("\n".join(item))
        if text:
            pieces.append(Piece("item", text))
    return pieces
