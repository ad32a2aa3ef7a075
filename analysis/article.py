"""Load an article (.txt, .md, .html) into an immutable :class:`Article` split into zones.

A scraped news page mixes the story with its furniture. Each line or paragraph of the page
becomes a :class:`Block` in exactly one zone:

========================  ==============================================================
zone                      what it holds
========================  ==============================================================
``title``                 the headline (a headline repeated at the top is one title)
``duplicate_title``       the repeated headline, kept for audit
``meta``                  category / comment-count / byline lines under the title
``heading``               section headings inside the story
``image_title``           the title line that a scraper puts above an image caption
``caption``               image captions (lines ending in a credit such as "(Image Credit: …)")
``body``                  the story's paragraphs
``boilerplate``           removed site furniture (related articles, comment prompts,
                          copyright, site blurb, subscribe form, "Back to Top", wire credits,
                          citation lines, image URLs…), each with its reason, kept for audit
========================  ==============================================================

Offsets (``start``/``end``) index :attr:`Article.text`. For ``.txt`` that is the decoded file
with line endings normalised to ``\\n``. HTML and Markdown are read from their structure
(:mod:`analysis.reading`): :attr:`Article.text` is then their plain text, one piece (heading,
paragraph, list item, quotation, caption…) after another with a blank line between, without
any mark-up, since mark-up is not text a reader sees.

Furniture rules are shared by every format and judged line by line
(:mod:`analysis.reading.furniture`); the footer starts only where the rest of the page is
furniture. :attr:`Article.warnings` says what a reader of the results should know (encoding
guessed, thin body, fallback extraction, non-English text, furniture inside the story) and
:attr:`Article.language` records the body's language.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

from .errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryFileError,
    EmptyArticleError,
    NoReadableTextError,
    NotAFileError,
    ParameterError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from .log import logger
from .paths import path_problem
from .reading import (
    ENGLISH,
    UNDETERMINED,
    Piece,
    ReadingWarning,
    ZonedPage,
    detect_language,
    ends_with_credit,
    footer_start,
    furniture_reason,
    is_meta_line,
    language_name,
    line_reasons,
    looks_like_heading,
    read_html,
    read_markdown,
    zone_pieces,
)

#: Largest article file accepted, in bytes (a long feature is ~100 kB; 5 MB is a book).
MAX_ARTICLE_BYTES = 5_000_000

SUPPORTED_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}

ZONES = (
    "title",
    "duplicate_title",
    "meta",
    "heading",
    "image_title",
    "caption",
    "body",
    "boilerplate",
)

#: Names accepted by ``include_zones`` parameters, mapped to zones.
ZONE_ALIASES = {
    "title": "title",
    "titles": "title",
    "meta": "meta",
    "heading": "heading",
    "headings": "heading",
    "image_title": "image_title",
    "image_titles": "image_title",
    "caption": "caption",
    "captions": "caption",
    "body": "body",
    "body_paragraphs": "body",
    "paragraphs": "body",
    "boilerplate": "boilerplate",
    "duplicate_title": "duplicate_title",
}

#: Section name of the paragraphs before the first heading.
LEAD_SECTION = "(lead)"

_SENTENCE_END = re.compile(r"[.,;][\"”’')\]]*$")
_MAX_TITLE_WORDS = 30
# Fewer words than this in a page's main content means the extractor found only furniture.
_MIN_HTML_WORDS = 12


@dataclass(frozen=True)
class Block:
    """One line or paragraph of the page, in one zone.

    Attributes:
        zone: one of :data:`ZONES`.
        text: the block's text, ``article.text[start:end]``.
        start, end: character offsets into :attr:`Article.text`.
        section: the heading of the section it belongs to (:data:`LEAD_SECTION` before the
            first heading; ``None`` for title, meta and boilerplate).
        reason: why a boilerplate block was removed.
    """

    zone: str
    text: str
    start: int
    end: int
    section: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Article:
    """An article read from a file or a string; immutable.

    Attributes:
        id: a slug made of ``[a-z0-9-]`` only, safe as a folder name.
        title: the headline ("" if the page has none).
        source: the path it was read from, or ``None``.
        sha256: hex digest of the file's bytes (of the UTF-8 text for strings).
        text: the text that all offsets index.
        encoding: the encoding used to decode the file.
        format: ``txt``, ``md`` or ``html``.
        blocks: every block of the page in reading order.
        language: ISO 639-1 code of the body's language (``und``: undetermined, e.g. too
            short); detected from the body when not given (:mod:`analysis.reading.language`).
        warnings: what a reader of the results should know about how the text was read
            (:class:`~analysis.reading.ReadingWarning`: a stable ``code`` and a message).
        extraction: how the text was read: ``text``, ``markdown``, or for HTML ``trafilatura``,
            ``ld+json``, ``trafilatura-recall`` or ``justext`` (see
            :mod:`analysis.reading.html`).
    """

    id: str
    title: str
    source: str | None
    sha256: str
    text: str
    encoding: str
    format: str
    blocks: tuple[Block, ...] = field(repr=False)
    language: str | None = None
    warnings: tuple[ReadingWarning, ...] = ()
    extraction: str = "text"

    def __post_init__(self) -> None:
        # Frozen: fill the derived fields once, here, so every way of building an Article
        # (files, strings, corpus rows, dataclasses.replace) records its language.
        warnings = tuple(self.warnings)
        if self.language is None:
            body = "\n".join(b.text for b in self.blocks if b.zone == "body")
            object.__setattr__(self, "language", detect_language(body).code)
        if self.language not in (ENGLISH, UNDETERMINED) and not any(
            w.code == "non-english" for w in warnings
        ):
            warnings += (
                ReadingWarning(
                    "non-english",
                    f"the body is in {language_name(self.language)} "
                    f"({self.language}); readability, sentiment and actor analyses "
                    "are built for English",
                ),
            )
        object.__setattr__(self, "warnings", warnings)

    def zone(self, name: str) -> tuple[Block, ...]:
        """The blocks of one zone (``name`` may be a zone or an alias such as ``headings``)."""
        zone = normalise_zones([name])[0]
        return tuple(b for b in self.blocks if b.zone == zone)

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        """The body paragraphs."""
        return self.zone("body")

    @property
    def headings(self) -> tuple[str, ...]:
        """The section headings, in order."""
        return tuple(b.text for b in self.zone("heading"))

    @property
    def boilerplate(self) -> tuple[Block, ...]:
        """Removed site furniture, kept for audit."""
        return self.zone("boilerplate")

    def blocks_in(self, zones: Iterable[str] = ("body",)) -> tuple[Block, ...]:
        """Blocks of the given zones, in reading order."""
        wanted = set(normalise_zones(zones))
        return tuple(b for b in self.blocks if b.zone in wanted)

    def section_names(self) -> tuple[str, ...]:
        """Section names in order: :data:`LEAD_SECTION` if body text precedes the first heading."""
        names: list[str] = []
        for block in self.blocks:
            if block.zone in ("body", "heading") and block.section and block.section not in names:
                names.append(block.section)
        return tuple(names)

    def zone_counts(self) -> dict[str, int]:
        """Counts per zone, under the result record's names."""
        count = {z: 0 for z in ZONES}
        for block in self.blocks:
            count[block.zone] += 1
        return {
            "title": count["title"],
            "meta": count["meta"],
            "headings": count["heading"],
            "image_titles": count["image_title"],
            "captions": count["caption"],
            "body_paragraphs": count["body"],
            "boilerplate_lines": count["boilerplate"],
        }


def normalise_zones(zones: Iterable[str] | str) -> list[str]:
    """Map zone names and aliases (``headings``, ``captions``…) to zones; reject unknown ones."""
    if isinstance(zones, str):
        zones = [z for z in re.split(r"[,\s]+", zones) if z]
    result = []
    for name in zones:
        key = str(name).strip().lower()
        if key not in ZONE_ALIASES:
            raise ParameterError(
                f"unknown zone {name!r}; choose from: {', '.join(sorted(set(ZONE_ALIASES)))}"
            )
        if ZONE_ALIASES[key] not in result:
            result.append(ZONE_ALIASES[key])
    return result


def slugify(text: str, fallback: str = "article") -> str:
    """A lowercase ``[a-z0-9-]`` slug of at most 80 characters; never empty, never ``..``.

    Every script is transliterated (anyascii): "путин" -> "putin", "普京" -> "pujing",
    "Łódź" -> "lodz", so names in any language keep a readable, stable id.
    """
    ascii_text = anyascii(unicodedata.normalize("NFC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    return slug or fallback


# --------------------------------------------------------------------------- reading files


def load_article(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read an article file (.txt, .md, .html/.htm) into an :class:`Article`.

    Text that is not UTF-8 is decoded as cp1252 (or latin-1) and a warning names the encoding;
    :attr:`Article.encoding` records it. Every reading warning (:attr:`Article.warnings`) is
    also logged on the ``article_analysis`` logger. The file is never modified.

    Raises:
        ArticleNotFoundError, NotAFileError, UnsupportedFormatError, ArticleTooLargeError,
        EmptyArticleError, BinaryFileError, NoReadableTextError: with the file, the problem and
        what to do in the message.
    """
    path = Path(path)
    problem = path_problem(path)
    if problem is not None:  # a link loop or broken link, no permission, a named pipe
        error = {"missing": ArticleNotFoundError, "special": NotAFileError}.get(
            problem.kind, UnreadableFileError
        )
        raise error(path, problem.problem, problem.advice)
    if not path.exists():
        raise ArticleNotFoundError(
            path, "no such file", "Check the path (it is relative to the current folder)."
        )
    if not path.is_file():
        kind = "a directory" if path.is_dir() else "not a regular file"
        raise NotAFileError(
            path,
            f"this is {kind}, not an article file",
            "Pass a .txt, .md or .html file inside it instead.",
        )
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormatError(
            path,
            f"unsupported file type {path.suffix or '(no extension)'!r}",
            f"Save the article as one of {', '.join(sorted(SUPPORTED_SUFFIXES))}.",
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise ArticleTooLargeError(
            path,
            f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes",
            "Split it into articles, or raise the limit (max_bytes / --max-bytes) if it "
            "really is one article.",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(
            path,
            f"the file cannot be read ({error.strerror or error})",
            "Check its permissions, or copy it somewhere readable.",
        ) from error
    text, encoding = decode_bytes(data, path)
    article = _build(
        text,
        fmt=fmt,
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        fallback_id=path.stem,
    )
    for warning in article.warnings:
        logger.warning("%s: %s", path, warning)
    return article


def article_from_string(text: str, fmt: str = "txt", article_id: str | None = None) -> Article:
    """Build an :class:`Article` from text already in memory (``fmt``: txt, md or html)."""
    if fmt not in ("txt", "md", "html"):
        raise ParameterError(f"unknown format {fmt!r}; use 'txt', 'md' or 'html'")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _build(
        text,
        fmt=fmt,
        source=None,
        sha256=digest,
        encoding="utf-8",
        fallback_id=article_id,
        explicit_id=article_id is not None,
    )


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old MS Office document",
}


def decode_bytes(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode file bytes as UTF-8, else cp1252, else latin-1; return ``(text, encoding)``.

    Rejects binary data (known file signatures, NUL bytes, many control characters) and
    empty or white-space-only text. Line endings are normalised to ``\\n``.
    """
    if not data.strip():
        raise EmptyArticleError(
            path,
            "the file is empty or holds only white space",
            "Check that the scrape or export worked and saved the text.",
        )
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    if encoding is None:
        for magic, what in _MAGIC.items():
            if data.startswith(magic):
                raise BinaryFileError(
                    path, f"this is {what}, not text", "Convert it to .txt, .md or .html first."
                )
        sample = data[:65536]
        controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
        if b"\x00" in sample or controls > len(sample) * 0.01:
            raise BinaryFileError(
                path,
                "the file holds binary data, not text",
                "Pass the article as a .txt, .md or .html text file.",
            )
    text, name = _decode(data, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyArticleError(
            path, "the file holds only white space", "Check that the scrape or export worked."
        )
    return text, name


def _decode(data: bytes, bom_encoding: str | None) -> tuple[str, str]:
    """Decode with the BOM's encoding; else UTF-8; else UTF-8 with stray cp1252 bytes (a page
    pasted together from two sources); else cp1252; else latin-1 (which never fails)."""
    if bom_encoding:
        return data.decode(bom_encoding), ("utf-8" if bom_encoding == "utf-8-sig" else bom_encoding)
    try:
        return data.decode("utf-8"), ("ascii" if data.isascii() else "utf-8")
    except UnicodeDecodeError:
        pass
    strays = 0

    def as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
        nonlocal strays
        strays += 1
        byte = error.object[error.start : error.start + 1]
        try:
            return byte.decode("cp1252"), error.start + 1
        except UnicodeDecodeError:
            return byte.decode("latin-1"), error.start + 1

    codecs.register_error("article-analysis-cp1252", as_cp1252)
    mixed = data.decode("utf-8", errors="article-analysis-cp1252")
    # Real UTF-8 sequences alongside the bad bytes: keep them, fix only the strays.
    if sum(1 for ch in mixed if ord(ch) > 0x7F) > strays:
        return mixed, f"utf-8 ({strays} stray byte{'s' if strays != 1 else ''} read as cp1252)"
    for name in ("cp1252", "latin-1"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


# --------------------------------------------------------------------------- zoning


@dataclass
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str) -> list[_Line]:
    """Non-empty lines with offsets (stripped of surrounding white space)."""
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = match.start() + lead
            lines.append(_Line(stripped, start, start + len(stripped)))
    return lines


def _chunks(text: str) -> list[list[_Line]]:
    """Runs of consecutive non-empty lines (paragraph candidates), split at blank lines."""
    chunks: list[list[_Line]] = []
    previous_end = -2
    for line in _lines(text):
        gap = text[previous_end : line.start] if previous_end >= 0 else ""
        if chunks and gap.count("\n") <= 1:
            chunks[-1].append(line)
        else:
            chunks.append([line])
        previous_end = line.end
    return chunks


def _zone_txt(text: str) -> tuple[str, list[Block], list[Block]]:
    """Zone a scraped plain-text page. Returns ``(title, blocks, furniture inside the story)``.

    Furniture is judged line by line (:mod:`analysis.reading.furniture`); the footer is the
    trailing run of chunks made only of furniture (a short site blurb inside it included), so a
    furniture line in the middle of the page never hides the story after it.
    """
    chunks = _chunks(text)
    blocks: list[Block] = []
    title = ""
    i = 0
    if chunks and len(chunks[0]) == 2 and chunks[0][0].text == chunks[0][1].text:
        chunks[0:1] = [[chunks[0][0]], [chunks[0][1]]]  # a headline printed twice, no gap
    first = chunks[0] if chunks else []
    # A headline is a short first line with more text after it that does not end like a
    # sentence (a period, comma or semicolon, possibly inside a closing quote).
    if (
        first
        and len(first) == 1
        and len(chunks) > 1
        and len(first[0].text.split()) <= _MAX_TITLE_WORDS
        and not _SENTENCE_END.search(first[0].text)
        and not furniture_reason(first[0].text)
    ):
        title = first[0].text
        blocks.append(Block("title", title, first[0].start, first[0].end))
        i = 1
    # A headline repeated right under itself (with or without a blank line) is one title.
    if title and i < len(chunks) and chunks[i][0].text == title:
        line = chunks[i][0]
        blocks.append(
            Block("duplicate_title", line.text, line.start, line.end, reason="repeated headline")
        )
        chunks[i] = chunks[i][1:]
        if not chunks[i]:
            i += 1
    # Meta lines (category, comment count, byline) come right after the title.
    while (
        i < len(chunks)
        and i <= 3
        and len(chunks[i]) == 1
        and is_meta_line(chunks[i][0].text, title)
    ):
        line = chunks[i][0]
        blocks.append(Block("meta", line.text, line.start, line.end))
        i += 1

    rest = chunks[i:]
    flat = [line for chunk in rest for line in chunk]
    flat_reasons = line_reasons([line.text for line in flat])
    reasons: list[list[str | None]] = []
    position = 0
    for chunk in rest:
        reasons.append(flat_reasons[position : position + len(chunk)])
        position += len(chunk)
    furniture = [all(r is not None for r in chunk_reasons) for chunk_reasons in reasons]
    words = [sum(len(line.text.split()) for line in chunk) for chunk in rest]
    footer = max(footer_start(furniture, words), 1) if rest else 0

    section = LEAD_SECTION
    inside: list[Block] = []
    for n, chunk in enumerate(rest):
        if n >= footer:
            for line, reason in zip(chunk, reasons[n], strict=True):
                blocks.append(
                    Block(
                        "boilerplate",
                        line.text,
                        line.start,
                        line.end,
                        reason=reason or "site footer",
                    )
                )
            continue
        kept = []
        for line, reason in zip(chunk, reasons[n], strict=True):
            if reason:
                block = Block("boilerplate", line.text, line.start, line.end, reason=reason)
                blocks.append(block)
                inside.append(block)
            else:
                kept.append(line)
        if not kept:
            continue
        if ends_with_credit(kept[-1].text):
            for line in kept[:-1]:
                blocks.append(Block("image_title", line.text, line.start, line.end, section))
            caption = kept[-1]
            blocks.append(Block("caption", caption.text, caption.start, caption.end, section))
            continue
        has_more_body = n + 1 < footer and not furniture[n + 1]
        if len(kept) == 1 and has_more_body and looks_like_heading(kept[0].text):
            section = kept[0].text
            blocks.append(Block("heading", section, kept[0].start, kept[0].end, section))
            continue
        # A paragraph: one line, or hard-wrapped lines joined (the block spans them all).
        start, end = kept[0].start, kept[-1].end
        blocks.append(Block("body", text[start:end], start, end, section))
    body = [b for b in blocks if b.zone == "body"]
    inside = [b for b in inside if body and body[0].start < b.start < body[-1].start]
    return title, blocks, inside


def _assemble(page: ZonedPage) -> tuple[str, list[Block]]:
    """The text of zoned pieces (blank lines between them) and their blocks with offsets."""
    parts: list[str] = []
    blocks: list[Block] = []
    position = 0
    section = LEAD_SECTION
    for item in page.zoned:
        if parts:
            parts.append("\n\n")
            position += 2
        start, end = position, position + len(item.text)
        parts.append(item.text)
        position = end
        if item.zone == "heading":
            section = item.text
        in_section = item.zone in ("heading", "body", "image_title", "caption")
        blocks.append(
            Block(item.zone, item.text, start, end, section if in_section else None, item.reason)
        )
    return "".join(parts), blocks


def _structured(pieces: list[Piece]) -> tuple[str, str, list[Block], list[Block]]:
    """(text, title, blocks, furniture inside the story) of pieces read from HTML/Markdown."""
    page = zone_pieces(pieces)
    text, blocks = _assemble(page)
    inside_ids = {id(z) for z in page.furniture_in_story}
    inside = [b for b, z in zip(blocks, page.zoned, strict=True) if id(z) in inside_ids]
    return text, page.title, blocks, inside


def _read_html(
    html: str, source: str | None
) -> tuple[str, str, list[Block], list[Block], str, list[ReadingWarning]]:
    """Main content of an HTML page, from its structure (:mod:`analysis.reading.html`)."""
    reading = read_html(html)
    words = reading.body_words
    if (
        not reading.pieces
        or words + sum(len(p.text.split()) for p in reading.pieces if p.kind == "heading")
        < _MIN_HTML_WORDS
    ):
        shown = " ".join(p.text for p in reading.pieces)[:80]
        detail = (
            f" (only {shown!r} outside scripts, styles and navigation)"
            if shown
            else " (only scripts, styles, navigation or boilerplate)"
        )
        raise NoReadableTextError(
            source,
            f"the HTML page has no readable main content{detail}",
            "Save the article's own page, or copy its text into a .txt file.",
        )
    warnings = []
    if reading.path != "trafilatura":
        tried = ", ".join(f"{path} {n} words" for path, n in reading.tried)
        warnings.append(
            ReadingWarning(
                "fallback",
                f"the main extraction came out thin; read the page with "
                f"{reading.path} instead (body words: {tried})",
            )
        )
    if reading.thin:
        warnings.append(
            ReadingWarning(
                "thin-body",
                f"only {words} words of body against {reading.page_words} words "
                "shown on the page; the story may be missing (check the saved page)",
            )
        )
    text, title, blocks, inside = _structured(reading.pieces)
    return text, title, blocks, inside, reading.path, warnings


def _build(
    text: str,
    *,
    fmt: str,
    source: str | None,
    sha256: str,
    encoding: str,
    fallback_id: str | None,
    explicit_id: bool = False,
) -> Article:
    if not text.strip():
        raise EmptyArticleError(
            source, "the text is empty or holds only white space", "Pass the article's text."
        )
    warnings: list[ReadingWarning] = []
    if encoding not in ("utf-8", "ascii", "utf-16"):
        warnings.append(
            ReadingWarning(
                "encoding-guessed", f"the file is not clean UTF-8; decoded it as {encoding}"
            )
        )
    if fmt == "html":
        text, title, blocks, inside, extraction, found = _read_html(text, source)
        warnings.extend(found)
    elif fmt == "md":
        text, title, blocks, inside = _structured(read_markdown(text))
        extraction = "markdown"
    else:
        title, blocks, inside = _zone_txt(text)
        extraction = "text"
    if not any(b.zone == "body" for b in blocks):
        raise NoReadableTextError(
            source,
            "no body paragraphs were found in the article",
            "Check that the file holds the article's text, not only a title or site furniture.",
        )
    if inside:
        shown = "; ".join(dict.fromkeys(f"{b.reason}: {b.text[:40]!r}" for b in inside[:3]))
        more = f" and {len(inside) - 3} more" if len(inside) > 3 else ""
        warnings.append(
            ReadingWarning(
                "furniture-in-story",
                f"{len(inside)} furniture line{'s' if len(inside) > 1 else ''}"
                f" removed from between story paragraphs ({shown}{more})",
            )
        )
    if explicit_id or fallback_id:
        article_id = slugify(fallback_id or "")
    else:
        article_id = slugify(title, fallback=f"article-{sha256[:10]}")
    return Article(
        id=article_id,
        title=title,
        source=source,
        sha256=sha256,
        text=text,
        encoding=encoding,
        format=fmt,
        blocks=tuple(blocks),
        warnings=tuple(warnings),
        extraction=extraction,
    )
