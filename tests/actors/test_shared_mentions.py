"""Tests of analysis.actors.shared_mentions: a report run's processes detect an article's
mentions once, through files named by everything the mentions depend on."""

from __future__ import annotations

from analysis.actors import detection, load_dictionary
from analysis.actors.dictionary import ActorDictionary
from analysis.actors.shared_mentions import ENV_MENTIONS, mention_file, sharing_mentions
from analysis.article import article_from_string
from analysis.text import prepare

TEXT = "Chinese Premier Li Qiang met Olaf Scholz in Berlin. Li said the talks went well."


def _counting(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = detection._detect
    monkeypatch.setattr(detection, "_detect", lambda *a: calls.append(1) or real(*a))
    return calls


def test_a_second_process_reads_what_the_first_wrote(tmp_path, monkeypatch) -> None:
    calls = _counting(monkeypatch)
    article = article_from_string(TEXT)
    monkeypatch.setenv(ENV_MENTIONS, str(tmp_path))  # as a report kernel sees it
    first = detection.detect_mentions(prepare(article))
    assert len(calls) == 1 and len(list(tmp_path.glob("*.pickle"))) == 1
    again = detection.detect_mentions(prepare(article))  # a new document: read, not detected
    assert again == first and len(calls) == 1
    monkeypatch.delenv(ENV_MENTIONS)
    assert detection.detect_mentions(prepare(article)) == first  # not shared: detected
    assert len(calls) == 2


def test_the_file_names_what_the_mentions_depend_on(tmp_path) -> None:
    article = article_from_string(TEXT)
    doc = prepare(article)
    packaged = load_dictionary()
    name = mention_file(tmp_path, doc, packaged, True)
    assert mention_file(tmp_path, prepare(article), packaged, True) == name  # same inputs
    assert mention_file(tmp_path, doc, packaged, False) != name  # discover
    smaller = ActorDictionary([a for a in packaged if a.id != "person:li-qiang"])
    assert mention_file(tmp_path, doc, smaller, True) != name  # dictionary content
    other = prepare(article_from_string(TEXT + " Scholz agreed."))
    assert mention_file(tmp_path, other, packaged, True) != name  # text
    zones = prepare(article_from_string("# Title\n\n" + TEXT, "md"), ("title", "body"))
    assert mention_file(tmp_path, zones, packaged, True) != name


def test_an_unreadable_file_is_detected_again_and_replaced(tmp_path, monkeypatch) -> None:
    calls = _counting(monkeypatch)
    doc = prepare(article_from_string(TEXT))
    path = mention_file(tmp_path, doc, load_dictionary(), True)
    path.write_bytes(b"not a pickle")
    with sharing_mentions(tmp_path):  # as the report runner's own process shares them
        found = detection.detect_mentions(doc)
    assert len(calls) == 1 and [m.text for m in found][:2] == ["Chinese", "Li Qiang"]
    with sharing_mentions(tmp_path):
        assert detection.detect_mentions(prepare(article_from_string(TEXT))) == found
    assert len(calls) == 1  # the replaced file was read


def test_a_callers_own_model_is_never_shared(tmp_path, monkeypatch) -> None:
    from analysis.actors.ner.tagger import get_tagger

    monkeypatch.setenv(ENV_MENTIONS, str(tmp_path))
    detection.detect_mentions(prepare(article_from_string(TEXT)), tagger=get_tagger())
    assert not list(tmp_path.glob("*.pickle"))
