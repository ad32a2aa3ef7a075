"""Sentence-level sentiment of a Document with VADER, and its aggregates.

Every score here is VADER's (Hutto & Gilbert 2014) on one sentence of the Document, computed by
:mod:`analysis.vader` (identical to vaderSentiment 3.3.2). Longer units are never scored as one
text, because VADER's compound saturates towards ±1 as a text grows; paragraphs, sections and the
article are described by their sentences instead:

* ``mean_compound``: the mean of the sentences' compound scores;
* ``positive_share``: the share of sentences with compound **above** ``+threshold``;
* ``negative_share``: the share with compound **below** ``-threshold``;
* ``neutral_share``: the rest (``-threshold <= compound <= +threshold``, boundaries neutral).

The threshold defaults to 0.05, the convention of VADER's authors and of the evaluation data.
"""

from __future__ import annotations

import pandas as pd

from .text import Document
from .vader import analyse

#: Columns of :func:`sentence_scores`.
SENTENCE_COLUMNS = ["index", "text", "start", "end", "compound", "pos", "neu", "neg"]


def sentence_scores(doc: Document) -> pd.DataFrame:
    """VADER scores of each sentence of ``doc``, in order.

    Columns: ``index`` (the sentence's index in ``doc.sentences``), ``text``, ``start``/``end``
    (offsets into the article text), ``compound`` (-1 … +1), ``pos``/``neu``/``neg`` (shares
    of the sentence's sentiment mass, summing to about 1; all 0 for a sentence without tokens).
    """
    rows = []
    for sentence in doc.sentences:
        result = analyse(sentence.text)
        rows.append((sentence.index, sentence.text, sentence.start, sentence.end,
                     result.compound, result.pos, result.neu, result.neg))
    table = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return table.astype({"index": "int64", "start": "int64", "end": "int64",
                         "compound": "float64", "pos": "float64", "neu": "float64",
                         "neg": "float64"})
