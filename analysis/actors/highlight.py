"""The analysed text as HTML with every actor mention marked (escaped, coloured by type)."""

from __future__ import annotations

from bisect import bisect_left

from ..outputs import escape_html
from ..text import Document
from .mention import TYPE_COLOURS, Mention


def highlight_html(doc: Document, mentions: list[Mention]) -> str:
    """The analysed text as HTML paragraphs, each mention in a ``<mark>`` coloured by type with
    its actor and kind as a tooltip. All article text is escaped."""
    parts = []
    by_start = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    for block in doc.blocks:
        pos = block.start
        html = []
        # Only the mentions that start inside the block (not every mention for every block,
        # which is quadratic in the length of the article).
        for m in by_start[bisect_left(starts, block.start) : bisect_left(starts, block.end)]:
            if m.end > block.end or m.start < pos:
                continue
            html.append(escape_html(doc.article.text[pos : m.start]))
            colour = TYPE_COLOURS.get(m.type, "#DDDDDD")
            html.append(
                f'<mark style="background:{colour}55" '
                f'title="{escape_html(m.name)} ({m.type}, {m.kind})">'
                f"{escape_html(m.text)}</mark>"
            )
            pos = m.end
        html.append(escape_html(doc.article.text[pos : block.end]))
        parts.append(f"<p>{''.join(html)}</p>")
    legend = " ".join(f'<mark style="background:{c}55">{t}</mark>' for t, c in TYPE_COLOURS.items())
    return f"<div><p>{legend}</p>{''.join(parts)}</div>"
