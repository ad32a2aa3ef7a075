"""Tag names of people (PER), places (LOC) and organisations (ORG) with the trained CRF.

>>> text = "Chinese Premier Li Qiang said on Monday."
>>> tag_text(text, [(0, len(text))])                  # doctest: +SKIP
[(16, 24, 'PER')]

The model (``analysis/resources/ner_crf.model`` with its ``.json`` metadata and first-stage
model; trained by ``scripts/train_ner.py``, card ``ner_crf_card.md``) and the gazetteer are
loaded once per process and cached. A document is tagged as a whole: pass all its sentences in
one call so that the document-level features see the whole document (and only it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from ...errors import ParameterError
from ...forking import map_ranges
from ...paths import RESOURCES_DIR
from .features import (
    FeatureConfig,
    FeatureExtractor,
    StackContext,
    capitalised_counts,
    first_stage_readings,
    packaged_gazetteer,
    to_iob,
)
from .tokens import conll_tokens

__all__ = ["DEFAULT_MODEL", "NerTagger", "get_tagger", "label_spans", "tag", "tag_text"]

DEFAULT_MODEL = RESOURCES_DIR / "ner_crf.model"
TYPES = frozenset({"PER", "LOC", "ORG"})

TokenSpan = tuple[int, int, str]
CharSpan = tuple[int, int, str]


class NerTagger:
    """A loaded CRF model with its feature extractor (and first-stage model when stacked)."""

    def __init__(self, model: str | Path = DEFAULT_MODEL) -> None:
        model = Path(model)
        if not model.is_file():
            raise ParameterError(
                f"name model {model} not found: reinstall the package, or "
                "retrain it with `make model` (see ner_crf_card.md)"
            )
        meta_path = model.with_suffix(model.suffix + ".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        self.meta = meta
        config = FeatureConfig.from_dict(meta.get("features", {}))
        gazetteer = packaged_gazetteer() if config.gazetteer else None
        self.extractor = FeatureExtractor(gazetteer, config)
        self.crf = pycrfsuite.Tagger()
        self.crf.open(str(model))
        self.stage1: pycrfsuite.Tagger | None = None
        self.stack_own = bool(meta.get("stack_own"))
        self.bilou = meta.get("encoding", "iob") == "bilou"
        if meta.get("stage1"):
            self.stage1 = pycrfsuite.Tagger()
            self.stage1.open(str(model.with_name(meta["stage1"])))

    def labels(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 labels of each token of a document's sentences.

        A long document's sentences are tagged in several processes at once
        (:func:`analysis.forking.map_ranges`; same labels)."""
        read = self.extractor.document_reader(sentences)
        sizes = [len(s) for s in sentences]
        if self.stage1 is None:
            return map_ranges(lambda lo, hi: self._tag_all(read(lo, hi), None), sizes)
        # Two passes over the features, sentence by sentence (see document_reader).
        counts = capitalised_counts(sentences)
        readings = map_ranges(
            lambda lo, hi: first_stage_readings(
                self.stage1, read(lo, hi), sentences[lo:hi], counts
            ),
            sizes,
        )
        stack = StackContext(sentences, readings, own=self.stack_own)
        return map_ranges(lambda lo, hi: self._tag_all(read(lo, hi), stack.features(lo, hi)), sizes)

    def _tag_all(
        self, feats: Iterable[list[list[str]]], extras: list[list[list[str]]] | None
    ) -> list[list[str]]:
        """The final model's labels of each sentence (second-stage features added)."""
        labels = []
        for i, xseq in enumerate(feats):
            if extras is not None:
                for x, e in zip(xseq, extras[i], strict=True):
                    if e:  # most tokens (lower-case words) get no second-stage feature
                        x.extend(e)
            found = self.crf.tag(xseq) if xseq else []
            labels.append(to_iob(found) if self.bilou else found)
        return labels

    def tag(
        self, sentences: list[list[str]], types: frozenset[str] = TYPES
    ) -> list[list[TokenSpan]]:
        """Per sentence, the ``(first token, last token + 1, type)`` of each name."""
        return [label_spans(labels, types) for labels in self.labels(sentences)]

    def tag_text(
        self, text: str, sentences: list[tuple[int, int]], types: frozenset[str] = TYPES
    ) -> list[CharSpan]:
        """Character spans ``(start, end, type)`` of the names in ``text``.

        ``sentences`` are the ``(start, end)`` character ranges of the document's sentences
        (a headline or a paragraph may be one range); every range is one document.
        """
        tokens = [conll_tokens(text, a, b) for a, b in sentences]
        spans = self.tag([[t for t, _, _ in s] for s in tokens], types)
        return [
            (toks[a][1], toks[b - 1][2], kind)
            for toks, found in zip(tokens, spans, strict=True)
            for a, b, kind in found
        ]


def label_spans(labels: list[str], types: frozenset[str] = TYPES) -> list[TokenSpan]:
    """Spans of an IOB label sequence (an ``I-`` after ``O`` or another type opens a span)."""
    found: list[TokenSpan] = []
    start, kind = None, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, name = label.partition("-")
        if start is not None and (label == "O" or prefix == "B" or name != kind):
            if kind in types:
                found.append((start, i, kind))
            start = None
        if label != "O" and start is None:
            start, kind = i, name
    return found


@lru_cache(maxsize=4)
def get_tagger(model: str = str(DEFAULT_MODEL)) -> NerTagger:
    """The tagger of a model file (the packaged one by default), loaded once per process."""
    return NerTagger(model)


def tag(sentences: list[list[str]]) -> list[list[TokenSpan]]:
    """Token spans of PER/LOC/ORG names per sentence of one document (default model)."""
    return get_tagger().tag(sentences)


def tag_text(text: str, sentences: list[tuple[int, int]]) -> list[CharSpan]:
    """Character spans of PER/LOC/ORG names in one document's text (default model)."""
    return get_tagger().tag_text(text, sentences)
