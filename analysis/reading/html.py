"""Read an HTML page into :class:`~.pieces.Piece` objects from its structure, not from Markdown.

The main content comes from trafilatura's XML output (``<head>``, ``<p>``, ``<list>``,
``<quote>``, ``<graphic>``, ``<table>``…), so headings, paragraphs, list items, block quotes,
images and their captions (``<figcaption>``, matched to the image) keep their roles and no
Markdown mark-up ever reaches the text. The title is the page's own headline when the body
opens with one, else its metadata title (an ``og:title``-style meta tag, the JSON-LD headline,
or ``<title>`` without the site name).

When the extracted body is thin, other readings are tried in order and the first that is not
thin is used (:attr:`HtmlReading.path` records which):

1. ``trafilatura``: precision-and-recall balanced defaults, comments left out;
2. ``ld+json``: the ``articleBody`` of the page's JSON-LD, when it holds clearly more words
   than the extraction (pages that render their story from JSON);
3. ``trafilatura-recall``: trafilatura with ``favor_recall``;
4. ``justext``: jusText's paragraph classifier (stop lists of all its languages).

"Thin" means fewer than :data:`THIN_WORDS` words of body and less than :data:`THIN_SHARE` of
the words a reader sees on the page (its text outside scripts, styles and the head). A
fallback replaces the reading before it only when it holds at least :data:`GAIN` times its
words. Scripts, styles, forms and comments never reach the text: trafilatura drops them, and
text is read from element text only (entities decoded, never markup).
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape

from lxml import etree

from .pieces import Piece, clean_inline

__all__ = ["GAIN", "THIN_SHARE", "THIN_WORDS", "HtmlReading", "read_html"]

THIN_WORDS = 120
THIN_SHARE = 0.2
GAIN = 1.5
#: ld+json articleBody is used when it has this many more words than the extraction, too.
LD_JSON_MIN_EXTRA_WORDS = 50

_BODY_KINDS = ("paragraph", "item", "quote", "table", "code")
_NOT_VISIBLE = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "object",
    "embed",
    "canvas",
    "math",
)


@dataclass
class HtmlReading:
    """What :func:`read_html` found.

    Attributes:
        pieces: the page's main content, in reading order (a ``title`` piece first if any).
        path: which reading was used (see the module docstring).
        page_words: words a reader sees on the whole page.
        tried: every reading tried, with its body words, in order.
    """

    pieces: list[Piece]
    path: str
    page_words: int
    tried: list[tuple[str, int]] = field(default_factory=list)

    @property
    def body_words(self) -> int:
        return _body_words(self.pieces)

    @property
    def thin(self) -> bool:
        return _is_thin(self.body_words, self.page_words)


def _body_words(pieces: list[Piece]) -> int:
    return sum(len(p.text.split()) for p in pieces if p.kind in _BODY_KINDS)


def _is_thin(body_words: int, page_words: int) -> bool:
    return body_words < THIN_WORDS and body_words < THIN_SHARE * page_words


def read_html(html: str) -> HtmlReading:
    """Read a page's main content into pieces, falling back when it comes out thin."""
    from trafilatura.utils import load_html

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    tree = load_html(html)
    if tree is None:
        return HtmlReading([], "trafilatura", 0)
    page_words = _visible_words(tree)
    figures = _figure_captions(tree)
    ld_title, ld_body = _ld_json_article(tree)

    title, pieces = _trafilatura_pieces(tree, figures)
    reading = HtmlReading(pieces, "trafilatura", page_words, [("trafilatura", _body_words(pieces))])
    ld_words = _body_words(_json_body_pieces(ld_body)) if ld_body else 0
    if ld_words >= max(GAIN * reading.body_words, reading.body_words + LD_JSON_MIN_EXTRA_WORDS) or (
        ld_words >= LD_JSON_MIN_EXTRA_WORDS
        and _same_text(ld_body, pieces)
        and sum(p.kind in _BODY_KINDS for p in pieces)
        < sum(p.kind in _BODY_KINDS for p in _json_body_pieces(ld_body))
    ):
        # Clearly more story in the JSON; or trafilatura itself fell back to the JSON as one
        # block, and reading it here keeps its paragraphs apart.
        reading.pieces = _json_body_pieces(ld_body)
        reading.path = "ld+json"
        reading.tried.append(("ld+json", ld_words))
    elif ld_words:
        reading.tried.append(("ld+json", ld_words))
    if reading.thin:
        for path, reader in (("trafilatura-recall", _recall_pieces), ("justext", _justext_pieces)):
            candidate = reader(tree, figures)
            words = _body_words(candidate)
            reading.tried.append((path, words))
            if words >= GAIN * max(reading.body_words, 1) and words > reading.body_words:
                reading.pieces, reading.path = candidate, path
                if not reading.thin:
                    break
    # The headline from metadata: a meta tag, the JSON-LD headline, or <title>.
    reading.pieces = _with_title(reading.pieces, title or ld_title or _title_tag(tree))
    return reading


# --------------------------------------------------------------------------- the page


def _visible_words(tree) -> int:
    """Words of the text a reader sees: the page's text outside scripts, styles, the head."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    hidden = set()
    for element in root.iter(*_NOT_VISIBLE):
        hidden.update(element.iter())
    words = 0
    for element in root.iter():
        if element in hidden:
            if element.tail and element.getparent() not in hidden:
                words += len(element.tail.split())  # the text after a script is visible
            continue
        if isinstance(element.tag, str) and element.text:
            words += len(element.text.split())
        if element is not root and element.tail:
            words += len(element.tail.split())
    return words


def _figure_captions(tree) -> dict[str, str]:
    """Image source → caption text, from ``<figure>``'s ``<figcaption>``."""
    captions: dict[str, str] = {}
    for figure in tree.iter("figure"):
        caption = figure.find(".//figcaption")
        if caption is None:
            continue
        text = clean_inline(" ".join(caption.itertext()))
        if not text:
            continue
        for image in figure.iter("img"):
            for attribute in ("src", "data-src", "data-original", "data-lazy-src"):
                source = image.get(attribute)
                if source:
                    captions.setdefault(source.strip(), text)
    return captions


def _ld_json_article(tree) -> tuple[str, str]:
    """(headline, articleBody) of the page's JSON-LD; the longest body if there are several."""
    best = ("", "")
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        for node in _json_nodes(data):
            body = node.get("articleBody") or node.get("text") if _is_article(node) else None
            if isinstance(body, str) and len(body) > len(best[1]):
                headline = node.get("headline") or node.get("name") or ""
                best = (headline if isinstance(headline, str) else "", body)
    title, body = best
    return clean_inline(unescape(title)), body


def _is_article(node: dict) -> bool:
    kinds = node.get("@type", "")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return "articleBody" in node or any(
        isinstance(k, str) and k.endswith(("Article", "BlogPosting", "Report")) for k in kinds
    )


def _json_nodes(data) -> Iterator[dict]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


_BREAK_TAGS = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|/blockquote)\s*/?\s*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


def _markup_to_text(text: str) -> str:
    """Text of an articleBody that may hold HTML: tags dropped, breaks kept, entities decoded."""
    if "<" in text:
        text = _BREAK_TAGS.sub("\n", text)
        text = _ANY_TAG.sub(" ", text)
    return unescape(text).replace("\r\n", "\n").replace("\r", "\n")


_HTML_BLOCK = re.compile(r"<\s*(?:p|div|h[1-6]|ul|ol|li|pre|blockquote|br|table)\b", re.I)
_FRAGMENT_KINDS = {
    "p": "paragraph",
    "li": "item",
    "blockquote": "quote",
    "pre": "code",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "figcaption": "caption",
    "tr": "table",
}


def _json_body_pieces(body: str) -> list[Piece]:
    """Pieces of an ld+json articleBody: plain text split into paragraphs, or, when it holds
    HTML (even entity-escaped HTML), its headings, paragraphs, list items, quotations and code
    read from the mark-up."""
    if "<" not in body and _HTML_BLOCK.search(unescape(body)):
        body = unescape(body)  # "&lt;p&gt;…": mark-up escaped once more than it should be
    if not _HTML_BLOCK.search(body):
        return [Piece("paragraph", p) for p in _split_paragraphs(_markup_to_text(body))]
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(body, create_parent="div")
    except (etree.ParserError, ValueError):
        return [Piece("paragraph", p) for p in _split_paragraphs(_markup_to_text(body))]
    for element in root.iter("script", "style", "noscript", "iframe", "template", "svg"):
        element.drop_tree()
    pieces: list[Piece] = []
    for element in root.iter(*_FRAGMENT_KINDS):
        if any(a.tag in _FRAGMENT_KINDS for a in element.iterancestors()):
            continue  # read with its block ancestor
        kind = _FRAGMENT_KINDS[element.tag]
        raw = "".join(element.itertext())
        text = raw.strip("\n") if kind == "code" else clean_inline(raw)
        if text:
            level = int(element.tag[1]) if kind == "heading" else 0
            pieces.append(Piece(kind, text, level=level))
    return pieces or [Piece("paragraph", p) for p in _split_paragraphs(_markup_to_text(body))]


def _same_text(body: str, pieces: list[Piece]) -> bool:
    """The extraction's body is the JSON body (white space and punctuation aside)."""

    def norm(text: str) -> str:
        return re.sub(r"\W+", " ", text).strip().casefold()

    extracted = norm(" ".join(p.text for p in pieces if p.kind in _BODY_KINDS))
    return bool(extracted) and norm(body) in extracted


def _split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain body: split at blank lines, or at single line breaks when the
    body has no blank line."""
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [p for p in (clean_inline(part.replace("\n", " ")) for part in parts) if p]


# --------------------------------------------------------------------------- trafilatura


def _trafilatura_xml(tree, **options) -> etree._Element | None:
    import trafilatura

    xml = trafilatura.extract(
        copy.deepcopy(tree),
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=True,
        include_formatting=True,
        include_links=False,
        **options,
    )
    if not xml:
        return None
    try:
        return etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:  # pragma: no cover - trafilatura writes well-formed XML
        return None


def _trafilatura_pieces(tree, figures: dict[str, str]) -> tuple[str, list[Piece]]:
    doc = _trafilatura_xml(tree)
    return _meta_title(tree), ([] if doc is None else _xml_pieces(doc.find("main"), figures))


_TITLE_METAS = ("og:title", "twitter:title", "title", "dc.title", "headline")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—:•·»]|-{1,2}|::)\s+")


def _meta_title(tree) -> str:
    """The page's headline from an ``og:title``/``twitter:title``-style meta tag."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key in _TITLE_METAS and (meta.get("content") or "").strip():
            return clean_inline(meta.get("content"))
    return ""


def _title_tag(tree) -> str:
    """``<title>`` without the site name after a separator ("Story | Site")."""
    element = tree.find(".//title")
    title = clean_inline(element.text_content() if element is not None else "")
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) > 1:
        title = max(parts, key=lambda p: len(p.split()))
    return title


def _recall_pieces(tree, figures: dict[str, str]) -> list[Piece]:
    doc = _trafilatura_xml(tree, favor_recall=True)
    return [] if doc is None else _xml_pieces(doc.find("main"), figures)


def _justext_pieces(tree, figures: dict[str, str]) -> list[Piece]:
    import justext

    stoplist = frozenset().union(*(justext.get_stoplist(name) for name in justext.get_stoplists()))
    page = etree.tostring(tree, encoding="unicode", method="html")
    try:
        # Lenient thresholds (as trafilatura uses jusText): shorter paragraphs and lower
        # stop-word densities count as good, since this runs only on pages found thin.
        paragraphs = justext.justext(
            page,
            stoplist,
            length_low=50,
            length_high=150,
            stopwords_low=0.1,
            stopwords_high=0.2,
            max_link_density=0.2,
        )
    except Exception:  # jusText's own parse errors: nothing to read from it
        return []
    pieces = []
    for paragraph in paragraphs:
        if paragraph.is_boilerplate:
            continue
        text = clean_inline(paragraph.text)
        if text:
            pieces.append(
                Piece(
                    "heading" if paragraph.is_heading else "paragraph",
                    text,
                    level=2 if paragraph.is_heading else 0,
                )
            )
    return pieces


def _text(element, skip: tuple[str, ...] = ()) -> str:
    """Plain text of an element: ``<lb/>`` is a line break, children in ``skip`` left out."""
    parts: list[str] = []

    def walk(node, top: bool) -> None:
        if not top and node.tag in skip:
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child, False)
        if not top and node.tail:
            parts.append(node.tail)

    walk(element, True)
    return clean_inline("".join(parts))


def _emphasised(element) -> bool:
    """All the element's text sits inside ``<hi>`` (bold, italic…)."""
    if (element.text or "").strip():
        return False
    children = [c for c in element if c.tag != "lb"]
    return bool(children) and all(c.tag == "hi" and not (c.tail or "").strip() for c in children)


def _xml_pieces(main, figures: dict[str, str]) -> list[Piece]:
    pieces: list[Piece] = []
    if main is None:
        return pieces

    def image(graphic) -> None:
        alt = clean_inline(graphic.get("alt") or graphic.get("title") or "")
        if alt:
            pieces.append(Piece("image", alt))
        caption = figures.get((graphic.get("src") or "").strip())
        if caption:
            pieces.append(Piece("caption", caption))

    def walk(element) -> None:
        tag = element.tag
        if tag == "head":
            level = int(re.sub(r"\D", "", element.get("rend") or "") or 2)
            text = _text(element)
            if text:
                pieces.append(Piece("heading", text, level=level))
        elif tag == "p":
            for graphic in element.iter("graphic"):
                image(graphic)
            text = _text(element, skip=("graphic",))
            if text and not any(p.kind == "caption" and p.text == text for p in pieces[-2:]):
                pieces.append(Piece("paragraph", text, emphasised=_emphasised(element)))
        elif tag == "list":
            for item in element.findall("item"):
                text = _text(item, skip=("list", "graphic"))
                if text:
                    pieces.append(Piece("item", text))
                for nested in item.findall("list"):
                    walk(nested)
        elif tag == "quote":
            paragraphs = [c for c in element if c.tag in ("p", "list", "head", "quote")]
            if not paragraphs:
                text = _text(element)
                if text:
                    pieces.append(Piece("quote", text))
            for child in paragraphs:
                text = _text(child)
                if text:
                    pieces.append(Piece("quote", text))
        elif tag == "graphic":
            image(element)
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell) for cell in row.findall("cell")]
                text = " | ".join(c.replace("\n", " ") for c in cells if c)
                if text:
                    pieces.append(Piece("table", text))
        elif tag == "code":
            text = "".join(element.itertext()).strip()
            if text:
                pieces.append(Piece("code", text))
        elif tag in ("div", "main", "section"):
            for child in element:
                walk(child)
        else:  # an element trafilatura rarely writes: keep its text as a paragraph
            text = _text(element)
            if text:
                pieces.append(Piece("paragraph", text))

    for child in main:
        walk(child)
    return pieces


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s.casefold()).strip()

    return bool(a and b) and norm(a) == norm(b)


def _with_title(pieces: list[Piece], metadata_title: str) -> list[Piece]:
    """The page headline as a ``title`` piece first: the body's opening level-1 heading, or a
    heading equal to the metadata title, or else the metadata title itself."""
    pieces = list(pieces)
    for i, piece in enumerate(pieces[:4]):
        if piece.kind == "heading" and (piece.level == 1 or _same(piece.text, metadata_title)):
            if all(p.kind in ("heading", "image", "caption") for p in pieces[:i]) or _same(
                piece.text, metadata_title
            ):
                pieces[i] = Piece("title", piece.text, level=1)
                return [pieces[i], *pieces[:i], *pieces[i + 1 :]]
    if metadata_title:
        return [Piece("title", metadata_title, level=1), *pieces]
    return pieces
