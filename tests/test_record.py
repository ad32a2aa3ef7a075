"""The result record honours its contract (docs/record.md, the JSON Schema) and is
JSON-serialisable."""

from __future__ import annotations

import json

import pytest

from analysis.article import article_from_string, load_article
from analysis.record import SCHEMA, SCHEMA_FILE, build_record

from .conftest import ROOT, assert_valid_record

CONTRACT = {
    "article": ["id", "title", "source", "sha256", "zones"],
    "stats": ["words", "sentences", "paragraphs", "readability", "lexical_diversity"],
    "sentiment": ["sentences", "article", "gdelt_tone"],
}
ZONES = ["title", "headings", "image_titles", "captions", "body_paragraphs", "boilerplate_lines"]
READABILITY = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
]


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
    assert set(record["sentiment"]["article"]) >= {
        "mean_compound",
        "positive_share",
        "negative_share",
        "neutral_share",
    }
    assert set(record["sentiment"]["gdelt_tone"]) >= {
        "tone",
        "positive",
        "negative",
        "polarity",
        "activity_density",
        "self_group_density",
        "word_count",
    }
    sentence = record["sentiment"]["sentences"][0]
    assert set(sentence) >= {"index", "text", "start", "end", "compound", "pos", "neu", "neg"}
    actor = record["actors"][0]
    assert set(actor) >= {"id", "name", "type", "mentions", "tone", "discovered"}
    assert set(actor["mentions"]) >= {"name", "nominal", "adjectival", "metonym"}
    assert set(record["actor_mentions"][0]) >= {"actor", "text", "start", "end", "kind"}
    assert set(record["quotes"][0]) >= {"speaker", "text", "verb", "sentence"}


def test_sections_agree_with_each_other(record, seed):
    assert len(record["sentiment"]["sentences"]) == record["stats"]["sentences"] == 40
    assert record["stats"]["words"] == 947
    # the GDELT-style vector leaves out the 141 words inside actor names
    assert record["sentiment"]["gdelt_tone"]["word_count"] == 806
    for mention in record["actor_mentions"]:
        assert seed.text[mention["start"] : mention["end"]] == mention["text"]
    for sentence in record["sentiment"]["sentences"]:
        assert seed.text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_record_is_json(record):
    assert json.loads(json.dumps(record, allow_nan=False)) == record


def test_a_tiny_article_still_gets_a_whole_record():
    record = build_record(article_from_string("Title\n\nIt rained.\n"))
    assert record["stats"]["words"] == 2 and record["stats"]["sentences"] == 1
    assert record["actors"] == [] and record["quotes"] == []
    json.dumps(record, allow_nan=False)


HTML_PAGE = """<html><head><title>Talks in Geneva</title></head><body><nav>Home | World</nav>
<article><h1>Talks in Geneva</h1><p>Diplomats from France and Iran met in Geneva on Monday to
discuss the nuclear programme, officials said.</p><p>“We made progress,” said the French foreign
minister. The talks will continue next week, according to a statement.</p></article>
<footer>© 2024 Example News</footer></body></html>"""


@pytest.mark.parametrize("zones", [("body",), ("title", "body", "heading", "caption")])
def test_seed_record_matches_the_json_schema(seed, zones):
    assert_valid_record(json.loads(json.dumps(build_record(seed, zones))))


@pytest.mark.parametrize(
    "text, fmt",
    [
        ("One short line.", "txt"),
        ("Headline only\n\n", "txt"),
        ("# A title\n\nA paragraph with *Russia* and Moscow.\n\n- a list item", "md"),
        (HTML_PAGE, "html"),
        ("12 34 56", "txt"),  # no letters, no sentences ending
    ],
)
def test_small_and_odd_records_match_the_json_schema(text, fmt):
    assert_valid_record(json.loads(json.dumps(build_record(article_from_string(text, fmt)))))


def test_the_schema_rejects_what_the_contract_forbids(record):
    broken = json.loads(json.dumps(record))
    broken["stats"]["words"] = -1
    broken["actors"][0]["type"] = "company"
    del broken["sentiment"]["gdelt_tone"]
    broken["surprise"] = 1
    with pytest.raises(AssertionError) as failure:
        assert_valid_record(broken)
    for where in ("stats/words", "actors/0/type", "sentiment: 'gdelt_tone'", "surprise"):
        assert where in str(failure.value)


def _schema_fields(node: dict, found: set[str]) -> set[str]:
    for name, sub in node.get("properties", {}).items():
        found.add(name)
        _schema_fields(sub, found)
    for key in ("items", "oneOf"):
        subs = node.get(key)
        for sub in subs if isinstance(subs, list) else [subs] if subs else []:
            _schema_fields(sub, found)
    return found


def test_docs_name_every_schema_field():
    docs = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    fields = _schema_fields(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")), set())
    missing = sorted(f for f in fields if f"`{f}`" not in docs and f".{f}`" not in docs)
    assert not missing, f"docs/record.md does not describe {missing}"


@pytest.mark.parametrize("name", ["wire_port_strike", "interview_seabed", "letters_library_bins"])
def test_records_of_quote_fixture_texts_match_the_schema(name):
    """Q&A answers, letters and role speakers give valid quotes (parts, modes, resolutions)."""
    path = ROOT / "tests" / "fixtures" / "quotes" / "texts" / f"{name}.txt"
    article = load_article(path)
    record = build_record(article)
    assert_valid_record(record)
    assert record["quotes"]
    for quote in record["quotes"]:
        assert quote["text"] == " … ".join(article.text[a:b] for a, b in quote["parts"])


def test_a_record_built_with_forked_processes_is_the_same(seed, monkeypatch):
    """Long articles share the work between forked processes (analysis.forking); forcing that
    on the seed must give the record one process gives."""
    from analysis import forking, record
    from analysis.sentiment import scores

    if forking.process_count() < 2:
        pytest.skip("needs fork and two CPUs")
    monkeypatch.setenv(forking.ENV_PROCESSES, "1")
    alone = build_record(seed)
    monkeypatch.setenv(forking.ENV_PROCESSES, "2")
    monkeypatch.setattr(forking, "MIN_ITEMS", 0)
    monkeypatch.setattr(record, "MIN_ITEMS", 0)
    monkeypatch.setattr(scores, "FORK_CHARACTERS", 0)
    assert build_record(seed) == alone


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_cyclic_collector_is_paused_while_a_record_is_built(monkeypatch, enabled_before):
    # build_record pauses the collector (record.collector_paused) and gives it back as it
    # found it, also when the analysis raises.
    import gc

    from analysis import record as record_module

    seen = []
    real = record_module.stats.record_section

    def watched(doc):
        seen.append(gc.isenabled())
        return real(doc)

    monkeypatch.setattr(record_module.stats, "record_section", watched)
    article = article_from_string("Putin met Kim in Pyongyang. Both sides praised the deal.")
    try:
        (gc.enable if enabled_before else gc.disable)()
        build_record(article)
        assert seen == [False] and gc.isenabled() is enabled_before

        def fails(doc):
            raise RuntimeError("boom")

        monkeypatch.setattr(record_module.stats, "record_section", fails)
        with pytest.raises(RuntimeError, match="boom"):
            build_record(article)
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()
