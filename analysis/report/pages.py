"""What every report page shares: its style, the bar of links at the top (back to the index,
to the article's dossier) and the run metadata at the foot (date, package version, parameters,
article hash).

The index (:mod:`.index_page`), the dossier (:mod:`.summary_page`) and the notebook pages (the
``report`` nbconvert template, fed by :func:`notebook_resources`) all use it, so a colleague
who is sent one page can always find the rest. Every value from an article is escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from typing import Any
from urllib.parse import quote

from .._version import __version__

INDEX_PAGE = "index.html"
SUMMARY_PAGE = "summary.html"
SUMMARY_STEM = "summary"

#: The link bar and the run metadata, on every page.
CHROME_CSS = """
.aa-nav { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .9rem;
  padding: .5rem 0; border-bottom: 1px solid #ddd; margin-bottom: .5rem; line-height: 1.6; }
.aa-nav a, .aa-nav .aa-here { margin-right: 1.1rem; white-space: nowrap; }
.aa-nav .aa-here { font-weight: 600; }
.aa-meta { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .82rem;
  color: #555; border-top: 1px solid #ddd; margin-top: 2rem; padding-top: .5rem; }
.aa-meta dl { margin: 0; }
.aa-meta dt { font-weight: 600; float: left; clear: left; width: 9rem; }
.aa-meta dd { margin: 0 0 .2rem 9.5rem; overflow-wrap: anywhere; }
.aa-table-scroll { overflow-x: auto; max-width: 100%; margin: .5rem 0 1rem; }
"""

#: Style of the index and the dossier.
PAGE_CSS = (
    CHROME_CSS
    + """
.aa-page { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
  line-height: 1.45; max-width: 68rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
.aa-page h1 { font-size: 1.6rem; margin: .6rem 0 .3rem; }
.aa-page h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #ddd; }
.aa-page code { font-size: .85em; }
.aa-muted { color: #666; }
.aa-page table { border-collapse: collapse; margin: .5rem 0; }
.aa-page th, .aa-page td { border: 1px solid #ccc; padding: .3rem .55rem; text-align: left;
  vertical-align: top; }
.aa-page th { background: #f2f2f2; }
.aa-page td.num, .aa-page th.num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.aa-page ul.aa-links { list-style: none; margin: 0; padding: 0; }
.aa-page ul.aa-links li { white-space: nowrap; }
.aa-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
  gap: .6rem; margin: .6rem 0; }
.aa-figure { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .7rem; }
.aa-figure .value { font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.aa-figure .label { font-size: .85rem; color: #555; }
.aa-warning { background: #fff6dd; border-left: 4px solid #e0a800; padding: .4rem .7rem;
  margin: .3rem 0; }
.aa-failures th { background: #fbe3e3; }
"""
)

#: Added to JupyterLab's style on notebook pages: wide outputs scroll instead of being cut
#: off, text columns read left-aligned, numbers right-aligned.
NOTEBOOK_CSS = (
    CHROME_CSS
    + """
.jp-OutputArea-output, .jp-RenderedHTMLCommon { overflow-x: auto; max-width: 100%; }
.jp-RenderedHTMLCommon table.aa-table td, .jp-RenderedHTMLCommon table.aa-table th {
  text-align: left; vertical-align: top; max-width: 40rem; }
.jp-RenderedHTMLCommon table.aa-table td.num, .jp-RenderedHTMLCommon table.aa-table th.num {
  text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.aa-nav, .aa-meta { padding-left: var(--jp-notebook-padding, 10px);
  padding-right: var(--jp-notebook-padding, 10px); }
"""
)


@dataclass(frozen=True)
class PageContext:
    """What a page says about the run that made it.

    ``parameters`` are those the page's analysis ran with (for a notebook: what was injected);
    ``generated`` is set when the context is made.
    """

    article_id: str | None = None
    headline: str | None = None
    source: str | None = None
    sha256: str | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    generated: str = field(default_factory=lambda: now())
    version: str = __version__
    index_href: str = "../" + INDEX_PAGE
    summary_href: str | None = SUMMARY_PAGE


def now() -> str:
    """The current time as people read it in a report: ``2026-12-01 23:40 UTC``."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def page_label(stem: str) -> str:
    """A page's name for people: ``01_text_statistics`` → ``Text statistics``."""
    if stem == SUMMARY_STEM:
        return "Dossier"
    words = re.sub(r"^\d+[_ -]*", "", stem).replace("_", " ").strip() or stem
    return words[:1].upper() + words[1:]


def page_title(what: str, headline: str | None) -> str:
    """The browser title of an article's page: ``Text statistics — <headline>``."""
    return f"{what} — {headline}" if headline else what


def nav_html(context: PageContext, here: str, pages: Sequence[str] = ()) -> str:
    """The bar of links at the top of a page: all reports, the dossier, this page, and the
    sibling ``pages`` (stems of pages in the same folder) where they are known."""
    links = [f'<a href="{escape(context.index_href)}">← All reports</a>']
    if context.summary_href and here != page_label(SUMMARY_STEM):
        links.append(f'<a href="{escape(context.summary_href)}">Dossier</a>')
    links.append(f'<span class="aa-here">{escape(here)}</span>')
    links += [
        f'<a href="{quote(stem)}.html">{escape(page_label(stem))}</a>'
        for stem in pages
        if page_label(stem) != here
    ]
    return f'<nav class="aa-nav">{"".join(links)}</nav>'


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def metadata_html(context: PageContext, extra: Sequence[tuple[str, str]] = ()) -> str:
    """The run metadata at the foot of a page, as a definition list (values escaped)."""
    items: list[tuple[str, str]] = [
        ("Generated", context.generated),
        ("Package", f"article-analysis {context.version}"),
    ]
    if context.article_id:
        items.append(("Article id", context.article_id))
    if context.source:
        items.append(("Article file", context.source))
    if context.sha256:
        items.append(("Article SHA-256", context.sha256))
    items.extend(extra)
    if context.parameters:
        items.append(
            (
                "Parameters",
                "; ".join(f"{k} = {_value(v)}" for k, v in sorted(context.parameters.items())),
            )
        )
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v, quote=False)}</dd>" for k, v in items)
    return f'<footer class="aa-meta"><dl>{rows}</dl></footer>'


def notebook_resources(context: PageContext, notebook_stem: str) -> dict[str, Any]:
    """nbconvert resources for a notebook page: its ``<title>``, the link bar and the run
    metadata that the ``report`` template places around the notebook."""
    label = page_label(notebook_stem)
    return {
        "metadata": {"name": page_title(label, context.headline)},
        "report": {
            "nav": nav_html(context, label),
            "meta": metadata_html(context),
            "css": NOTEBOOK_CSS,
        },
    }


def html_page(title: str, body: str) -> str:
    """A whole static page (inline style, no script) around ``body``; ``title`` is escaped."""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title><style>{PAGE_CSS}</style></head>\n"
        f'<body><div class="aa-page">\n{body}\n</div></body></html>\n'
    )
