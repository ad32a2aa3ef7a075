"""Sentences as safe HTML with the words that drove their VADER score highlighted.

All article text passes through :func:`analysis.outputs.escape_html`; only the markup made here
(``<mark>``, ``<table>``…) is unescaped. A driving word is wrapped in
``<mark class="pos|neg" title="…">``: green when it pushed the score up, red when down, the
title giving its lexicon rating, value after VADER's rules, effect on the compound and the rules.
"""

from __future__ import annotations

import pandas as pd

from ..outputs import escape_html

_STYLE = {"pos": "background:#c8e6c9", "neg": "background:#ffcdd2"}


def highlight_sentence(text: str, start: int, explanation: pd.DataFrame) -> str:
    """``text`` (a sentence starting at article offset ``start``) as escaped HTML with the words
    of ``explanation`` (rows of :func:`analysis.sentiment.explain` with article offsets)
    marked. Rows whose offsets fall outside the sentence (or are -1) are ignored."""
    pieces = []
    cursor = 0
    rows = explanation.sort_values("start") if not explanation.empty else explanation
    for row in rows.itertuples(index=False):
        lo, hi = row.start - start, row.end - start
        if row.start < 0 or lo < cursor or hi > len(text) or row.effect == 0:
            continue
        kind = "pos" if row.effect > 0 else "neg"
        title = (
            f"lexicon {row.lexicon_valence:+g}, after rules {row.valence:+.3g}, "
            f"effect {row.effect:+.3f}" + (f"; {row.rules}" if row.rules else "")
        )
        pieces.append(escape_html(text[cursor:lo]))
        pieces.append(
            f'<mark class="{kind}" style="{_STYLE[kind]}" '
            f'title="{escape_html(title)}">{escape_html(text[lo:hi])}</mark>'
        )
        cursor = hi
    pieces.append(escape_html(text[cursor:]))
    return "".join(pieces)


def top_sentences_html(top: pd.DataFrame, explanation: pd.DataFrame) -> str:
    """An HTML table of :func:`analysis.sentiment.top_sentences` rows: direction, rank,
    sentence index, compound, the highlighted sentence, and its driving words with effects."""
    header = (
        "<tr><th>direction</th><th>rank</th><th>sentence</th><th>compound</th>"
        "<th>text (driving words marked)</th><th>driving words (effect)</th></tr>"
    )
    rows = [header]
    for row in top.itertuples(index=False):
        words = explanation[explanation["sentence"] == row.index]
        ranked = words.reindex(words["effect"].abs().sort_values(ascending=False).index)
        listed = ", ".join(
            f"{escape_html(w)} ({e:+.2f})"
            for w, e in zip(ranked["word"], ranked["effect"], strict=True)
        )
        rows.append(
            f"<tr><td>{escape_html(str(row.direction))}</td><td>{int(row.rank)}</td>"
            f"<td>{int(row.index)}</td><td>{row.compound:+.4f}</td>"
            f'<td style="text-align:left">{highlight_sentence(row.text, row.start, words)}</td>'
            f'<td style="text-align:left">{listed}</td></tr>'
        )
    return "<table>" + "".join(rows) + "</table>"
