"""The result record honours the contract in DESIGN.md and is JSON-serialisable."""

from __future__ import annotations

import json

import pytest

from analysis.article import article_from_string
from analysis.record import SCHEMA, build_record

CONTRACT = {
    "article": ["id", "title", "source", "sha256", "zones"],
    "stats": ["words", "sentences", "paragraphs", "readability", "lexical_diversity"],
    "sentiment": ["sentences", "article", "gdelt_tone"],
}
ZONES = ["title", "headings", "image_titles", "captions", "body_paragraphs", "boilerplate_lines"]
READABILITY = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
               "coleman_liau_index", "automated_readability_index"]


@pytest.fixture(scope="module")
def record(seed):
    return build_record(seed)


def test_contract_fields_are_present(record):
    assert record["schema"] == SCHEMA
    for section, keys in CONTRACT.items():
        assert set(keys) <= set(record[section]), section
    assert set(ZONES) <= set(record["article"]["zones"])
    assert set(READABILITY) <= set(record["stats"]["readability"])
    assert set(record["stats"]["lexical_diversity"]) >= {"ttr", "mattr", "mtld"}
    assert set(record["sentiment"]["article"]) >= {"mean_compound", "positive_share",
                                                   "negative_share", "neutral_share"}
    assert set(record["sentiment"]["gdelt_tone"]) >= {
        "tone", "positive", "negative", "polarity", "activity_density", "self_group_density",
        "word_count"}
    sentence = record["sentiment"]["sentences"][0]
    assert set(sentence) >= {"index", "text", "start", "end", "compound", "pos", "neu", "neg"}
    actor = record["actors"][0]
    assert set(actor) >= {"id", "name", "type", "mentions", "tone", "discovered"}
    assert set(actor["mentions"]) >= {"name", "nominal", "adjectival", "metonym"}
    assert set(record["actor_mentions"][0]) >= {"actor", "text", "start", "end", "kind"}
    assert set(record["quotes"][0]) >= {"speaker", "text", "verb", "sentence"}


def test_sections_agree_with_each_other(record, seed):
    assert len(record["sentiment"]["sentences"]) == record["stats"]["sentences"] == 40
    assert record["sentiment"]["gdelt_tone"]["word_count"] == record["stats"]["words"] == 947
    for mention in record["actor_mentions"]:
        assert seed.text[mention["start"]:mention["end"]] == mention["text"]
    for sentence in record["sentiment"]["sentences"]:
        assert seed.text[sentence["start"]:sentence["end"]] == sentence["text"]


def test_record_is_json(record):
    assert json.loads(json.dumps(record, allow_nan=False)) == record


def test_a_tiny_article_still_gets_a_whole_record():
    record = build_record(article_from_string("Title\n\nIt rained.\n"))
    assert record["stats"]["words"] == 2 and record["stats"]["sentences"] == 1
    assert record["actors"] == [] and record["quotes"] == []
    json.dumps(record, allow_nan=False)
