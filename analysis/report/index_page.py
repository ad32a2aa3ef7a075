"""The batch's ``index.html``: one row per report in the output folder (this run's articles
first, then earlier runs' reports), when each was made, links to its pages, and the failures.

Every value that comes from an article (title, actor names, error messages, paths) is escaped.
The page is static HTML with inline CSS and no script.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..atomic import write_text_atomic
from ..sentiment.prose import news_tone_meaning, tone_meaning
from ..wording import number, plural, signed
from .dossier import record_warnings
from .pages import (
    INDEX_PAGE,
    SUMMARY_PAGE,
    SUMMARY_STEM,
    PageContext,
    html_page,
    metadata_html,
    page_label,
)

TITLE = "article-analysis reports"


def _get(record: dict[str, Any] | None, *keys: str) -> Any:
    value: Any = record or {}
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _cell(text: str) -> str:
    return text if text != "–" else '<span class="aa-muted">–</span>'


def top_actor_names(record: dict[str, Any] | None, n: int = 3) -> list[str]:
    """The ``n`` actors with most mentions (all kinds) in a record."""
    actors = _get(record, "actors") or []

    def total(actor: dict[str, Any]) -> int:
        return sum(v for v in (actor.get("mentions") or {}).values() if isinstance(v, int))

    return [a.get("name", a.get("id", "?")) for a in sorted(actors, key=total, reverse=True)[:n]]


def _row(article: Any) -> str:
    record = article.record
    pages = _pages(article) if article.article_id else []
    base = quote(article.article_id) if article.article_id else ""
    links = [
        f'<a href="{base}/{quote(stem)}.html">{escape(page_label(stem))}</a>' for stem in pages
    ]
    status = (
        "from an earlier run"
        if getattr(article, "earlier_run", False)
        else "unchanged"
        if article.skipped
        else "failed"
        if article.error
        else "partial"
        if any(not o.ok for o in article.notebooks.values())
        else "written"
    )
    title = escape(article.title or Path(article.source).name)
    if SUMMARY_STEM in pages:
        title = f'<a href="{base}/{SUMMARY_PAGE}">{title}</a>'
    sha = _get(record, "article", "sha256")
    news = _get(record, "sentiment", "news_tone", "mean")
    mean = _get(record, "sentiment", "article", "mean_compound")
    grade = number(_get(record, "stats", "readability_grade", "median_grade"), 1)
    if news is not None:
        tone = (
            f"{signed(news, 2)}<br><span class=aa-muted>{escape(news_tone_meaning(news))}"
            + (f"; VADER {signed(mean)}" if mean is not None else "")
            + "</span>"
        )
    elif mean is not None:
        tone = f"{signed(mean)}<br><span class=aa-muted>{escape(tone_meaning(mean))}</span>"
    else:
        tone = _cell("–")
    return (
        "<tr>"
        f"<td>{title}<br><span class=aa-muted>{escape(article.source)}"
        + (f" · sha256 {escape(sha[:12])}…" if sha else "")
        + "</span></td>"
        f"<td class=num>{_cell(number(_get(record, 'stats', 'words')))}</td>"
        f"<td class=num>{_cell(grade)}</td>"
        f"<td class=num>{tone}</td>"
        f"<td>{escape(', '.join(top_actor_names(record)))}</td>"
        f"<td>{_link_list(links)}</td>"
        f"<td>{escape(_made(getattr(article, 'made', None)))}</td>"
        f"<td>{escape(status)}{_warnings_cell(record)}</td>"
        "</tr>"
    )


def _warnings_cell(record: dict[str, Any] | None) -> str:
    """The record's warnings under the status (the dossier page gives them in full)."""
    warnings = record_warnings(record or {})
    if not warnings:
        return ""
    items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
    return (
        f'<div class="aa-warning">{plural(len(warnings), "warning")}'
        f"<ul class=aa-links>{items}</ul></div>"
    )


def _made(made: str | None) -> str:
    """When a report was made, as stored (UTC, ISO 8601), shown as "2024-06-20 08:15 UTC"."""
    if not made:
        return "–"
    return made.replace("T", " ")[:16] + (" UTC" if made.endswith(("+00:00", "Z")) else "")


def _link_list(links: list[str]) -> str:
    if not links:
        return "<span class=aa-muted>none</span>"
    return "<ul class=aa-links>" + "".join(f"<li>{link}</li>" for link in links) + "</ul>"


def _pages(article: Any) -> list[str]:
    """Pages present in the article's published folder: the dossier first, then the
    notebook pages in order."""
    folder = Path(article.folder) if article.folder else None
    if folder is None or not folder.is_dir():
        return []
    stems = sorted(p.stem for p in folder.glob("*.html"))
    return sorted(stems, key=lambda stem: stem != SUMMARY_STEM)


def render_index(
    articles: Iterable[Any],
    failures: list[dict[str, Any]],
    parameters: Mapping[str, Any] | None = None,
) -> str:
    """The index page as a string (articles are :class:`analysis.report.ArticleReport`);
    ``parameters`` are the run's, shown in the page's metadata."""
    articles = list(articles)
    rows = "\n".join(_row(a) for a in articles)
    if failures:
        failure_rows = "\n".join(
            "<tr>"
            + "".join(
                f"<td>{escape(str(f[k])) if f[k] is not None else ''}</td>"
                for k in ("article", "notebook", "cell", "error")
            )
            + "</tr>"
            for f in failures
        )
        failure_html = (
            f"<h2>Failures ({number(len(failures))})</h2>"
            '<div class="aa-table-scroll"><table class=aa-failures><thead><tr>'
            "<th>Article</th><th>Notebook</th><th>Cell</th><th>Error</th></tr>"
            f"</thead><tbody>{failure_rows}</tbody></table></div>"
        )
    else:
        failure_html = "<h2>Failures</h2><p>None.</p>"
    context = PageContext(
        parameters=dict(parameters or {}), index_href=INDEX_PAGE, summary_href=None
    )
    body = f"""<h1>{TITLE}</h1>
<p>{plural(len(articles), "report")} in this folder, from this run and earlier ones. Each
title opens the article's dossier (key figures, actors, who is quoted, warnings); the other
links open its notebook pages. The reading grade is the median of five US school-grade indices;
the tone is the news tone, the mean of the sentences' calibrated scores on the −4 to +4 scale of
human ratings, with VADER's mean compound (−1 to +1) beside it.</p>
<div class="aa-table-scroll"><table class=articles><thead><tr><th>Article</th>
<th class=num>Words</th><th class=num>Reading grade</th><th class=num>Tone</th>
<th>Top actors</th><th>Pages</th><th>Made</th><th>Status</th></tr></thead>
<tbody>
{rows}
</tbody></table></div>
{failure_html}
{metadata_html(context)}"""
    return html_page(TITLE, body)


def write_index(
    out: Path,
    articles: Iterable[Any],
    failures: list[dict[str, Any]],
    parameters: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``out/index.html`` atomically and return its path."""
    target = out / INDEX_PAGE
    write_text_atomic(target, render_index(articles, failures, parameters))
    return target
