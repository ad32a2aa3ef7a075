"""Tables of the calibrated news tone for notebook 02: the headline per sentence with VADER
beside it, and every sentence score taken apart into feature and word contributions."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..text import Document
from .masking import name_spans, sentence_masks
from .news_tone import label as news_label
from .news_tone import model_for_article, prime, score_sentence
from .scores import sentence_scores

NEWS_TONE_COLUMNS = [
    "index",
    "text",
    "news_tone",
    "news_label",
    "compound",
    "raw_compound",
    "masked_words",
]
CONTRIBUTION_COLUMNS = ["sentence", "feature", "value", "word", "start", "end", "contribution"]


def news_tone_table(doc: Document, masked: Sequence[tuple[int, int]] | None = None) -> pd.DataFrame:
    """One row per sentence: ``news_tone`` (the calibrated tone, predicted rating -4 … +4) and
    its class ``news_label`` (±0.05), beside the entity-aware VADER ``compound`` and raw
    VADER ``raw_compound``; ``masked_words``: rated words inside actor names."""
    scores = sentence_scores(doc, masked)
    table = scores[
        ["index", "text", "news_tone", "compound", "raw_compound", "masked_words"]
    ].copy()
    table.insert(3, "news_label", [news_label(x) for x in table["news_tone"]])
    return table[NEWS_TONE_COLUMNS]


def contributions_table(
    doc: Document, masked: Sequence[tuple[int, int]] | None = None
) -> pd.DataFrame:
    """Why each sentence gets its news tone: one row per word and feature (``feature``, the
    feature's raw ``value`` in the sentence, ``word`` with ``start``/``end`` offsets into the
    article text, ``contribution`` to the score), plus a ``baseline`` row per sentence (no
    word) and a ``masked`` row per actor name the sentence holds (contribution 0: its words
    counted toward no feature). A sentence's contributions add up to its ``news_tone``."""
    spans = name_spans(doc) if masked is None else tuple(masked)
    masks = sentence_masks(doc, spans)
    model = model_for_article(len(doc.sentences))
    prime(model, ((s.text, m) for s, m in zip(doc.sentences, masks, strict=True)))
    rows = []
    for sentence, mask in zip(doc.sentences, masks, strict=True):
        _score, parts = score_sentence(sentence.text, mask, model)
        for a, b in mask:
            rows.append(
                (
                    sentence.index,
                    "masked",
                    0.0,
                    sentence.text[a:b],
                    sentence.start + a,
                    sentence.start + b,
                    0.0,
                )
            )
        for part in parts:
            if not part.words:
                if part.feature == "baseline":
                    rows.append(
                        (sentence.index, "baseline", part.value, "", -1, -1, part.contribution)
                    )
                continue
            for w in part.words:
                start = sentence.start + w.start if w.start >= 0 else -1
                end = sentence.start + w.end if w.end >= 0 else -1
                rows.append(
                    (sentence.index, part.feature, part.value, w.word, start, end, w.contribution)
                )
    return pd.DataFrame(rows, columns=CONTRIBUTION_COLUMNS).astype(
        {
            "sentence": "int64",
            "value": "float64",
            "start": "int64",
            "end": "int64",
            "contribution": "float64",
        }
    )
