"""Tests of analysis.actor_tables on hand-made mentions (values worked out by hand)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.actors.dictionary_mentions import Mention
from analysis.actors.tables import (
    EDGE_COLUMNS,
    FREQUENCY_COLUMNS,
    actor_frequency,
    actor_tone,
    compound_by_sentence,
    cooccurrence_graph,
    cooccurrence_table,
    dispersion_table,
)
from analysis.errors import ParameterError


def _m(actor: str, kind: str, sentence: int, start: int, type_: str = "state") -> Mention:
    return Mention(actor, actor.split(":")[1], type_, "x", start, start + 1, kind, sentence, "body")


# Four sentences: A named in 0 and 2 (twice in 2) and as adjective in 3; B named in 0 and 1;
# C (a person) only in 2.
MENTIONS = [
    _m("state:A", "name", 0, 0),
    _m("state:B", "name", 0, 5),
    _m("state:B", "metonym", 1, 20),
    _m("state:A", "name", 2, 40),
    _m("state:A", "name", 2, 45),
    _m("person:c", "nominal", 2, 50, "person"),
    _m("state:A", "adjectival", 3, 70),
]


def test_frequency_counts_and_positions():
    table = actor_frequency(MENTIONS, 4, title_actors={"state:B"}, heading_actors=())
    assert list(table.columns) == FREQUENCY_COLUMNS
    a = table.iloc[0]
    # A: 3 names + 1 adjectival = 4; sentences {0, 2, 3} = 3 of 4 -> 0.75
    assert (a.actor_id, a.mentions_name, a.mentions_adjectival, a.mentions_total) == (
        "state:A",
        3,
        1,
        4,
    )
    assert (a.first_offset, a.first_sentence, a.n_sentences, a.share_of_sentences) == (
        0,
        0,
        3,
        0.75,
    )
    b = table.set_index("actor_id").loc["state:B"]
    # B: 1 name + 1 metonym; sentences {0, 1} -> 0.5; in the title
    assert (b.mentions_metonym, b.mentions_total, b.share_of_sentences, b.in_title) == (
        1,
        2,
        0.5,
        True,
    )
    assert table["actor_id"].tolist() == ["state:A", "state:B", "person:c"]


def test_frequency_rejects_negative_sentence_count():
    with pytest.raises(ParameterError, match="n_sentences"):
        actor_frequency(MENTIONS, -1)


def test_dispersion_positions():
    table = dispersion_table(MENTIONS, (0, 100))
    # start 70 in a span 0..100 -> 0.7
    assert table["position"].tolist() == [0.0, 0.05, 0.2, 0.4, 0.45, 0.5, 0.7]


def test_cooccurrence_weights():
    graph = cooccurrence_graph(MENTIONS)
    # A–B share sentence 0; A–C share sentence 2 (A twice there still counts once)
    assert graph.edges["state:A", "state:B"]["weight"] == 1
    assert graph.edges["state:A", "person:c"]["weight"] == 1
    assert not graph.has_edge("state:B", "person:c")
    assert graph.nodes["state:A"]["mentions"] == 4
    table = cooccurrence_table(graph)
    assert list(table.columns) == EDGE_COLUMNS
    assert len(table) == 2


def test_tone_means_and_single_sentence_flag():
    scores = {0: 0.5, 1: -0.5, 2: 0.1, 3: -0.3}
    table = actor_tone(MENTIONS, scores).set_index("actor_id")
    # A: sentences 0, 2, 3 -> (0.5 + 0.1 - 0.3) / 3 = 0.1
    assert table.at["state:A", "n_sentences"] == 3
    assert table.at["state:A", "tone"] == pytest.approx(0.1)
    # B: sentences 0, 1 -> 0.0
    assert table.at["state:B", "tone"] == pytest.approx(0.0)
    # C: one sentence -> mean given, tone withheld, flagged
    assert table.at["person:c", "mean_compound"] == pytest.approx(0.1)
    assert math.isnan(table.at["person:c", "tone"])
    assert bool(table.at["person:c", "single_sentence"])


def test_tone_errors():
    with pytest.raises(ParameterError, match="sentence"):
        actor_tone(MENTIONS, {0: 0.1})
    with pytest.raises(ParameterError, match="min_sentences"):
        actor_tone(MENTIONS, {0: 0.1, 1: 0.1, 2: 0.1, 3: 0.1}, min_sentences=0)


def test_compound_by_sentence():
    table = pd.DataFrame({"index": [0, 1], "compound": [0.2, -0.4], "text": ["a", "b"]})
    assert compound_by_sentence(table).to_dict() == {0: 0.2, 1: -0.4}
    with pytest.raises(ParameterError, match="compound"):
        compound_by_sentence(pd.DataFrame({"index": [0]}))


def test_empty_inputs():
    assert actor_frequency([], 0).empty
    assert cooccurrence_table(cooccurrence_graph([])).empty
    assert actor_tone([], {}).empty
