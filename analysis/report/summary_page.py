"""An article's dossier page, ``summary.html``: the page a colleague opens first.

Headline facts, key figures, the top actors and their kinds of mention, who is quoted, the
warnings, and links to the notebook pages, all from the result record (:mod:`.dossier`). Static
HTML with inline style and no script; every value from the article is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..atomic import write_text_atomic
from ..wording import listing, number, plural, signed
from .dossier import (
    Dossier,
    dossier_facts,
    quotes_text,
    readability_text,
    size_text,
    tone_text,
    zones_text,
)
from .pages import (
    SUMMARY_PAGE,
    SUMMARY_STEM,
    PageContext,
    html_page,
    metadata_html,
    nav_html,
    page_label,
    page_title,
)

#: What each report notebook's page holds, for the links at the end of the dossier.
PAGE_DESCRIPTIONS = {
    "01_text_statistics": "counts, readability, frequent and key words, collocations, "
    "words in context, lexical diversity",
    "02_sentiment": "tone of every sentence, the arc, sections and paragraphs, the words "
    "that drive the scores, a second lexicon, quotations against narration",
    "03_actors": "who is named and how, where, with whom, in what tone, who is quoted, and "
    "the text with its actors highlighted",
}
TOP_ACTORS = 10
TOP_SPEAKERS = 8
EXAMPLE_CHARACTERS = 160


def _figure(value: str, label: str) -> str:
    return (
        f'<div class="aa-figure"><div class="value">{escape(value)}</div>'
        f'<div class="label">{escape(label)}</div></div>'
    )


def _key_figures(facts: Dossier) -> str:
    minutes = facts.reading_minutes or 0
    figures = [
        _figure(number(facts.words), "words"),
        _figure(number(facts.sentences), plural(facts.sentences, "sentence", show=False)),
        _figure(
            "< 1" if minutes < 1 else number(round(minutes)),
            "minute to read" if round(minutes) == 1 else "minutes to read",
        ),
        _figure(
            number(facts.grade, 1) if facts.grade is not None else "–",
            f"reading grade: {facts.grade_band or 'not measured'}",
        ),
        _figure(
            signed(facts.news_tone, 2)
            if facts.news_tone is not None
            else signed(facts.mean_compound),
            f"news tone: {facts.news_tone_meaning}"
            if facts.news_tone is not None
            else f"tone: {facts.tone_meaning}",
        ),
        _figure(
            number(facts.actor_count),
            plural(facts.actor_count, "actor", show=False)
            + f", {plural(facts.mention_count, 'mention')}",
        ),
        _figure(
            number(facts.quote_count),
            plural(facts.quote_count, "statement", show=False) + " attributed",
        ),
    ]
    return f'<div class="aa-figures">{"".join(figures)}</div>'


def _facts_table(facts: Dossier) -> str:
    rows = [
        (
            "Source",
            f"{facts.source or '(text)'}"
            + (f" ({facts.format} file, encoding {facts.encoding})" if facts.format else ""),
        ),
        ("Zones of the page", zones_text(facts)),
        ("Analysed", f"{listing(facts.zones_analysed) or 'body'}: {size_text(facts)}"),
        ("Readability", readability_text(facts)),
        ("Tone", tone_text(facts)),
        ("Quotes", quotes_text(facts)),
    ]
    body = "".join(f"<tr><th scope=row>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    return f'<div class="aa-table-scroll"><table class="aa-facts">{body}</table></div>'


def _actors_table(facts: Dossier) -> str:
    if not facts.actors:
        return "<p>No actor was found in the analysed zones.</p>"
    head = (
        "<tr><th>Actor</th><th>Type</th><th class=num>Mentions</th><th class=num>by name"
        "</th><th class=num>nominal</th><th class=num>adjectival</th>"
        "<th class=num>metonym</th><th class=num>Tone</th><th class=num>Sentences</th></tr>"
    )
    rows = []
    for actor in facts.actors[:TOP_ACTORS]:
        name = escape(actor.name) + (
            ' <span class="aa-muted">(discovered)</span>' if actor.discovered else ""
        )
        kinds = "".join(
            f"<td class=num>{number(actor.kinds[k]) if actor.kinds[k] else ''}</td>"
            for k in ("name", "nominal", "adjectival", "metonym")
        )
        tone = signed(actor.tone) if actor.tone is not None else "–"
        rows.append(
            f"<tr><td>{name}</td><td>{escape(actor.type)}</td>"
            f"<td class=num>{number(actor.mentions)}</td>{kinds}"
            f"<td class=num>{tone}</td><td class=num>{number(actor.tone_sentences)}</td>"
            "</tr>"
        )
    more = len(facts.actors) - TOP_ACTORS
    note = (
        f'<p class="aa-muted">… and {plural(more, "other actor")}: see the actors page.</p>'
        if more > 0
        else ""
    )
    explain = (
        '<p class="aa-muted">Tone: the mean VADER compound (−1 … +1) of the sentences '
        "that mention the actor; none when a single sentence does.</p>"
    )
    return (
        f'<div class="aa-table-scroll"><table class="aa-actors"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{note}{explain}"
    )


def _speakers_table(facts: Dossier) -> str:
    if not facts.speakers:
        return "<p>No statement is attributed to anyone.</p>"
    rows = []
    for speaker in facts.speakers[:TOP_SPEAKERS]:
        example = speaker.example or ""
        if len(example) > EXAMPLE_CHARACTERS:
            example = example[: EXAMPLE_CHARACTERS - 1].rstrip() + "…"
        rows.append(
            f"<tr><td>{escape(speaker.name)}</td>"
            f"<td class=num>{number(speaker.statements)}</td>"
            f"<td>“{escape(example)}”</td></tr>"
        )
    return (
        '<div class="aa-table-scroll"><table class="aa-quotes"><thead><tr><th>Speaker</th>'
        "<th class=num>Statements</th><th>For example</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _warnings(facts: Dossier) -> str:
    if not facts.warnings:
        return "<p>None recorded.</p>"
    return "".join(f'<div class="aa-warning">{escape(w)}</div>' for w in facts.warnings)


def _pages(pages: Sequence[str]) -> str:
    if not pages:
        return "<p>No notebook page was written for this article.</p>"
    items = "".join(
        f'<li><a href="{quote(stem)}.html">{escape(page_label(stem))}</a>'
        + (f": {escape(PAGE_DESCRIPTIONS[stem])}" if stem in PAGE_DESCRIPTIONS else "")
        + "</li>"
        for stem in pages
    )
    return f"<ul class=aa-pages>{items}</ul>"


def render_summary(
    record: Mapping[str, Any], pages: Sequence[str], context: PageContext | None = None
) -> str:
    """The dossier page of ``record`` as a string; ``pages`` are the stems of the notebook
    pages beside it (``01_text_statistics``, …), linked in that order."""
    facts = dossier_facts(record)
    context = context or PageContext()
    context = replace(
        context,
        article_id=facts.article_id,
        headline=facts.headline,
        source=facts.source,
        sha256=facts.sha256,
    )
    label = page_label(SUMMARY_STEM)
    body = (
        f"{nav_html(context, label, pages)}\n"
        f"<h1>{escape(facts.headline)}</h1>\n"
        f'<p class="aa-muted">Dossier of <code>{escape(facts.article_id)}</code>: '
        f"{escape(size_text(facts))}.</p>\n"
        f"<h2>Key figures</h2>{_key_figures(facts)}\n"
        f"<h2>Headline facts</h2>{_facts_table(facts)}\n"
        f"<h2>Top actors</h2>"
        f"<p>{escape(plural(facts.actor_count, 'actor'))} named "
        f"{escape(plural(facts.mention_count, 'time'))}, the most mentioned first.</p>"
        f"{_actors_table(facts)}\n"
        f"<h2>Who is quoted</h2>{_speakers_table(facts)}\n"
        f"<h2>Warnings</h2>{_warnings(facts)}\n"
        f"<h2>The full report</h2>{_pages(pages)}\n"
        f"{metadata_html(context, [('Zones analysed', listing(facts.zones_analysed))])}"
    )
    return html_page(page_title(label, facts.headline), body)


def write_summary(
    folder: Path, record: Mapping[str, Any], parameters: Mapping[str, Any] | None = None
) -> Path:
    """Write ``folder/summary.html`` for ``record``, linking the notebook pages present in
    ``folder``; ``parameters`` are the run's (shown in the metadata)."""
    pages = sorted(p.stem for p in folder.glob("*.html") if p.name != SUMMARY_PAGE)
    target = folder / SUMMARY_PAGE
    write_text_atomic(
        target, render_summary(record, pages, PageContext(parameters=dict(parameters or {})))
    )
    return target
