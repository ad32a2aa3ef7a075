"""Tests of analysis.actors.ner.tagger: the packaged model, loaded once, spans with offsets."""

from __future__ import annotations

import time

import pytest

from analysis.actors.ner.tagger import (
    DEFAULT_MODEL,
    NerTagger,
    get_tagger,
    label_spans,
    tag,
    tag_text,
)
from analysis.errors import ParameterError


def test_label_spans() -> None:
    labels = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "O", "B-MISC"]
    assert label_spans(labels) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert label_spans(["I-PER", "I-PER"]) == [(0, 2, "PER")]
    assert label_spans(["B-MISC"], frozenset({"MISC"})) == [(0, 1, "MISC")]
    assert label_spans([]) == []


def test_model_is_packaged_small_and_cached() -> None:
    assert DEFAULT_MODEL.is_file()
    files = [DEFAULT_MODEL, DEFAULT_MODEL.with_name("ner_crf.stage1.model")]
    assert sum(f.stat().st_size for f in files) <= 20e6
    assert get_tagger() is get_tagger()
    started = time.perf_counter()
    get_tagger()
    assert time.perf_counter() - started < 0.01  # cached, not reloaded


def test_missing_model_is_a_named_error(tmp_path) -> None:
    with pytest.raises(ParameterError, match="make model"):
        NerTagger(tmp_path / "none.model")


def test_li_qiang() -> None:
    text = "Chinese Premier Li Qiang said on Monday that talks would continue."
    assert tag_text(text, [(0, len(text))]) == [(16, 24, "PER")]
    assert text[16:24] == "Li Qiang"


def test_possessive_is_split_off() -> None:
    text = "Vladimir Putin\u2019s visit to Pyongyang was his first in 24 years."
    spans = tag_text(text, [(0, len(text))])
    assert [(text[a:b], kind) for a, b, kind in spans] == [
        ("Vladimir Putin", "PER"),
        ("Pyongyang", "LOC"),
    ]


def test_document_with_several_sentences() -> None:
    text = (
        "Reuters reported that the United Nations Security Council met in New York.\n\n"
        "Kim Jong Un did not attend. Kim later met Sergei Lavrov."
    )
    first = text.index("\n\n")
    second = text.index("Kim later")
    ranges = [(0, first), (first + 2, second - 1), (second, len(text))]
    found = {(text[a:b], kind) for a, b, kind in tag_text(text, ranges)}
    assert {
        ("Reuters", "ORG"),
        ("New York", "LOC"),
        ("Kim Jong Un", "PER"),
        ("Sergei Lavrov", "PER"),
    } <= found


def test_token_api() -> None:
    sentences = [["Angela", "Merkel", "flew", "to", "Paris", "."]]
    assert tag(sentences) == [[(0, 2, "PER"), (4, 5, "LOC")]]


def test_bilou_model_labels_come_back_as_iob() -> None:
    tagger = get_tagger()
    assert tagger.bilou  # the shipped model learns BILOU labels (model card)
    sentences = ["Chinese Premier Li Qiang met Olaf Scholz in Berlin .".split()]
    labels = tagger.labels(sentences)[0]
    assert not any(label[:2] in ("L-", "U-") for label in labels)
    assert tagger.tag(sentences) == [[(2, 4, "PER"), (5, 7, "PER"), (8, 9, "LOC")]]
