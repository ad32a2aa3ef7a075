"""Tests of analysis.actors: the one-call analysis, the record sections and the highlighted text."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.actors import (
    analyse_actors,
    highlight_html,
    load_dictionary,
    record_sections,
    select_actors,
)
from analysis.article import article_from_string
from analysis.errors import DictionaryError, ParameterError
from analysis.sentiment.scores import sentence_scores
from analysis.text import prepare

from ..conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "seed_actor_mentions.csv"


@pytest.fixture(scope="module")
def seed_doc(seed):
    return prepare(seed)


@pytest.fixture(scope="module")
def record(seed_doc):
    return record_sections(seed_doc, scores=sentence_scores(seed_doc))


def test_record_fields(record):
    assert set(record) == {"actors", "actor_mentions", "quotes"}
    json.dumps(record)  # JSON-serialisable
    actor = record["actors"][0]
    assert {"id", "name", "type", "mentions", "tone", "discovered"} <= set(actor)
    assert set(actor["mentions"]) == {"name", "nominal", "adjectival", "metonym"}
    assert set(record["actor_mentions"][0]) == {"actor", "text", "start", "end", "kind"}
    assert {"speaker", "text", "verb", "sentence"} <= set(record["quotes"][0])


def test_record_counts_match_the_annotation(record):
    gold = pd.read_csv(FIXTURE, comment="#")
    body = gold[gold["zone"] == "body"]
    expected = body.groupby(["actor", "kind"]).size().to_dict()
    for actor in record["actors"]:
        for kind, n in actor["mentions"].items():
            assert n == expected.get((actor["id"], kind), 0), (actor["id"], kind)
    assert len(record["actor_mentions"]) == len(body)


def test_record_tone_is_withheld_for_single_sentence_actors(record):
    by_id = {a["id"]: a for a in record["actors"]}
    # Aisen Nikolayev is named once (one sentence): no tone, but the count says why.
    assert by_id["person:aisen-nikolayev"]["tone"] is None
    assert by_id["person:aisen-nikolayev"]["tone_sentences"] == 1
    assert by_id["person:aisen-nikolayev"]["discovered"] is True
    putin = by_id["person:vladimir-putin"]
    assert putin["tone_sentences"] >= 2 and -1 <= putin["tone"] <= 1


def test_analysis_tables(seed_doc):
    result = analyse_actors(seed_doc)
    freq = result.frequency.set_index("actor_id")
    # Russia: in the title ("Russian President Putin …") and a heading ("Russia and North …")
    assert bool(freq.at["state:RUS", "in_title"]) and bool(freq.at["state:RUS", "in_headings"])
    # Ukraine: neither
    assert not freq.at["state:UKR", "in_title"] and not freq.at["state:UKR", "in_headings"]
    assert freq.at["person:vladimir-putin", "first_sentence"] == 0
    assert len(result.dispersion) == len(result.mentions)
    assert result.graph.edges["person:vladimir-putin", "person:kim-jong-un"]["weight"] >= 1


def test_highlight_escapes_article_text():
    doc = prepare(article_from_string("President Putin met <b>Kim</b> & friends."))
    html = highlight_html(doc, analyse_actors(doc).mentions)
    assert "&lt;b&gt;" in html and "&amp; friends" in html and "<b>" not in html
    assert 'title="Vladimir Putin (person, name)"' in html


@pytest.mark.parametrize("value", [None, ""])
def test_packaged_dictionary_by_default(value):
    assert "state:RUS" in load_dictionary(value)


def test_bad_user_dictionary_names_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - id: nonsense\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.yaml"):
        load_dictionary(bad)


def test_select_actors(seed_doc):
    freq = analyse_actors(seed_doc).frequency
    # Counted in the hand annotation: Russia 25, Putin 23, North Korea 20, United States 8,
    # Kim Jong Un 6, Vietnam 6, Pyongyang 4, Ukraine 4 -> 8 actors with 4 or more mentions
    assert len(select_actors(freq, 4)) == 8
    assert len(select_actors(freq, 4, top_n=3)) == 3
    with pytest.raises(ParameterError, match="min_mentions"):
        select_actors(freq, 0)
    with pytest.raises(ParameterError, match="top_n"):
        select_actors(freq, 1, top_n=0)
