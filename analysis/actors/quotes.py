"""Quote attribution: who is reported as saying what.

:func:`attribute_quotes` runs the grammar of :mod:`.attribution` over the document's frames
(sentences with each quotation as one unit, :mod:`.frames`; quotations found by
:mod:`.quotations`) and resolves every speaker phrase with :mod:`.speakers`. One row per
statement:

* ``mode``: ``direct`` (the words inside quotation marks), ``indirect`` (a reported clause or a
  source phrase, "according to X"), ``partial`` (a reported clause holding quoted words, or
  quoted words governed by "called", "described as", "promised to");
* ``parts``: the character spans of the reported words (a quotation interrupted by its
  attribution, continued after it or over paragraphs has several); ``start``/``end``: from the
  first to the last; ``text``: the parts joined by " … ";
* ``speaker``: the speaker's actor id when the speaker is an actor of the article, else its name
  or role phrase ("a spokesperson for the Port of Rotterdam Authority"); ``speaker_text``: the
  phrase at the cue ("he", "the spokesperson"); ``resolution``: how it was found (``name``,
  ``pronoun``, ``description``, ``role``, ``first_person``, ``context`` for Q&A answers,
  ``unresolved``); ``speaker_affiliation``: for a role, the organisation or state its phrase
  names.

The work is linear in the text length (pronouns look back a bounded number of references).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..text import Document
from .attribution import find_statements
from .frames import build_frames
from .mention import Mention
from .speakers import resolve_speakers

QUOTE_COLUMNS = [
    "sentence",
    "speaker",
    "speaker_actor",
    "speaker_name",
    "speaker_type",
    "speaker_text",
    "speaker_affiliation",
    "resolution",
    "verb",
    "mode",
    "text",
    "direct",
    "start",
    "end",
    "parts",
]


def attribute_quotes(doc: Document, mentions: Sequence[Mention]) -> pd.DataFrame:
    """One row per attributed statement of ``doc`` (columns :data:`QUOTE_COLUMNS`, in text
    order). ``mentions`` are the document's actor mentions
    (:func:`analysis.actors.detect_mentions`)."""
    # Once per document and mentions (notebooks ask in several cells); callers get a copy.
    key = ("quotes", tuple(mentions))
    return doc.memo(key, lambda: _attribute_quotes(doc, mentions)).copy()


def _attribute_quotes(doc: Document, mentions: Sequence[Mention]) -> pd.DataFrame:
    frames, quotations = build_frames(doc)
    statements = find_statements(doc, frames, quotations)
    frame_of = {frame.start: k for k, frame in enumerate(frames)}
    speakers = resolve_speakers(doc, statements, mentions, quotations, frame_of)
    text = doc.article.text
    rows: list[dict[str, Any]] = []
    for st, sp in zip(statements, speakers, strict=True):
        parts = [(int(a), int(b)) for a, b in st.parts if b > a]
        if not parts:
            continue
        e = sp.entity
        phrase = sp.text
        if e is not None:
            speaker = e.actor or e.name
            name = e.actor_name or (e.name if e.kind != "role" else None)
            kind = e.kind
        else:
            speaker, name, kind = phrase or None, None, None
        rows.append(
            {
                "sentence": st.sentence,
                "speaker": speaker,
                "speaker_actor": e.actor if e else None,
                "speaker_name": name,
                "speaker_type": kind,
                "speaker_text": phrase,
                "speaker_affiliation": e.affiliation if e else None,
                "resolution": sp.resolution,
                "verb": st.verb,
                "mode": st.mode,
                "text": " … ".join(text[a:b] for a, b in parts),
                "direct": st.mode == "direct",
                "start": parts[0][0],
                "end": parts[-1][1],
                "parts": [list(p) for p in parts],
            }
        )
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)
