"""The batch's ``index.html``: one row per report in the output folder (this run's articles
first, then earlier runs' reports), when each was made, links to its pages, and the failures.

Every value that comes from an article (title, actor names, error messages, paths) is escaped.
The page is static HTML with inline CSS and no script.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..atomic import write_text_atomic

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.failures th { background: #fbe3e3; }
.muted { color: #777; }
"""


def _get(record: dict[str, Any] | None, *keys: str) -> Any:
    value: Any = record or {}
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _number(value: Any, digits: int = 2) -> str:
    if isinstance(value, int | float):
        return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"
    return '<span class="muted">–</span>'


def top_actor_names(record: dict[str, Any] | None, n: int = 3) -> list[str]:
    """The ``n`` actors with most mentions (all kinds) in a record."""
    actors = _get(record, "actors") or []

    def total(actor: dict[str, Any]) -> int:
        return sum(v for v in (actor.get("mentions") or {}).values() if isinstance(v, int))
    return [a.get("name", a.get("id", "?")) for a in sorted(actors, key=total, reverse=True)[:n]]


def _row(article: Any) -> str:
    record = article.record
    if article.article_id:
        links = [f'<a href="{quote(article.article_id)}/{quote(name)}.html">{escape(name)}</a>'
                 for name in sorted(_pages(article))]
    else:
        links = []
    status = ("from an earlier run" if getattr(article, "earlier_run", False) else
              "skipped (unchanged)" if article.skipped else
              "failed" if article.error else
              "partial" if any(not o.ok for o in article.notebooks.values()) else "written")
    title = article.title or Path(article.source).name
    return (
        "<tr>"
        f"<td>{escape(title)}<br><span class=muted>{escape(article.source)}</span></td>"
        f"<td class=num>{_number(_get(record, 'stats', 'words'))}</td>"
        f"<td class=num>{_number(_get(record, 'stats', 'readability', 'flesch_kincaid_grade'))}"
        "</td>"
        f"<td class=num>{_number(_get(record, 'sentiment', 'article', 'mean_compound'), 3)}</td>"
        f"<td>{escape(', '.join(top_actor_names(record)))}</td>"
        f"<td>{' · '.join(links) or '<span class=muted>none</span>'}</td>"
        f"<td>{escape(_made(getattr(article, 'made', None)))}</td>"
        f"<td>{escape(status)}</td>"
        "</tr>")


def _made(made: str | None) -> str:
    """When a report was made, as stored (UTC, ISO 8601), shown as "2024-06-20 08:15 UTC"."""
    if not made:
        return "–"
    return made.replace("T", " ")[:16] + (" UTC" if made.endswith(("+00:00", "Z")) else "")


def _pages(article: Any) -> list[str]:
    """Notebook pages present in the article's published folder."""
    folder = Path(article.folder) if article.folder else None
    if folder is None or not folder.is_dir():
        return []
    return [p.stem for p in folder.glob("*.html")]


def render_index(articles: Iterable[Any], failures: list[dict[str, Any]]) -> str:
    """The index page as a string (articles are :class:`analysis.report.ArticleReport`)."""
    rows = "\n".join(_row(a) for a in articles)
    if failures:
        failure_rows = "\n".join(
            "<tr>" + "".join(f"<td>{escape(str(f[k])) if f[k] is not None else ''}</td>"
                             for k in ("article", "notebook", "cell", "error")) + "</tr>"
            for f in failures)
        failure_html = ("<h2>Failures</h2><table class=failures><thead><tr><th>Article</th>"
                        "<th>Notebook</th><th>Cell</th><th>Error</th></tr></thead><tbody>"
                        f"{failure_rows}</tbody></table>")
    else:
        failure_html = "<h2>Failures</h2><p>None.</p>"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>article-analysis reports</title><style>{_STYLE}</style></head>
<body>
<h1>article-analysis reports</h1>
<table class=articles><thead><tr><th>Article</th><th>Words</th><th>Readability (FK grade)</th>
<th>Tone (mean compound)</th><th>Top actors</th><th>Reports</th><th>Made</th><th>Status</th>
</tr></thead>
<tbody>
{rows}
</tbody></table>
{failure_html}
</body></html>
"""


def write_index(out: Path, articles: Iterable[Any], failures: list[dict[str, Any]]) -> Path:
    """Write ``out/index.html`` atomically and return its path."""
    target = out / "index.html"
    write_text_atomic(target, render_index(articles, failures))
    return target
