"""Checks of the quotes gold standard (tests/fixtures/quotes/) and of the scorer
(benchmarks/quotes_benchmark.py)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "quotes_benchmark", ROOT / "benchmarks" / "quotes_benchmark.py"
)
qb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qb)
GOLD = qb.load_gold()


def _gold(gid: str) -> dict:
    tid = gid.split("#")[0]
    return next(g for g in GOLD["statements"][tid] if g["id"] == gid)


def _names(tid: str) -> list[str]:
    return GOLD["texts"][tid]["names"]


def test_gold_offsets_slice_exactly():
    assert qb.check_gold(GOLD) == []


def test_fixture_size_and_coverage():
    texts = GOLD["texts"]
    required = [g for items in GOLD["statements"].values() for g in items if not g["optional"]]
    assert len(texts) >= 12 and len(required) >= 90
    for tid, meta in texts.items():
        assert 300 <= meta["words"] <= 900, tid
    modes = {g["mode"] for g in required}
    assert modes == {"direct", "indirect", "partial"}


def test_texts_unchanged_since_gold_was_built():
    for tid, meta in GOLD["texts"].items():
        assert hashlib.sha256(meta["text"].encode()).hexdigest() == meta["sha256"], tid


def test_gold_as_predictions_scores_perfectly():
    preds = {
        tid: [{"speaker": g["speaker"], "spans": g["parts"]} for g in items]
        for tid, items in GOLD["statements"].items()
    }
    r = qb.score(GOLD, preds)
    for key in ("full", "span"):
        assert r["overall"][key]["precision"] == 1.0
        assert r["overall"][key]["recall"] == 1.0


def test_text_predictions_are_located_near_the_hint():
    preds = {}
    for tid, items in GOLD["statements"].items():
        preds[tid] = [
            {"speaker": g["speaker"], "text": g["span"], "hint": g["parts"][0][0]}
            for g in items
            if isinstance(g["span"], str) and not g["optional"]
        ]
    r = qb.score(GOLD, preds)
    assert r["overall"]["full"]["precision"] == 1.0


def test_overlap_ignores_quotation_marks_and_white_space():
    text = "“Yes,” she said. “No.”"
    a = qb.content_chars(text, [(0, 6)])  # “Yes,”
    b = qb.content_chars(text, [(1, 4)])  # Yes
    assert len(a) == 4 and len(b) == 3  # Y e s ,
    assert qb.overlap(a, b) == 0.75


def test_half_of_a_two_part_quote_is_not_enough():
    g = _gold("science_bee_sleep#01")  # 85 + 110 characters
    text = GOLD["texts"]["science_bee_sleep"]["text"]
    first = qb.content_chars(text, [tuple(g["parts"][0])])
    whole = qb.content_chars(text, [tuple(p) for p in g["parts"]])
    assert qb.overlap(whole, first) < qb.THRESHOLD


def test_speaker_forms_for_named_speakers():
    g = _gold("wire_port_strike#03")  # Niek Dijkstra
    names = _names("wire_port_strike")
    for ok in (
        "Niek Dijkstra",
        "Dijkstra",
        "dijkstra",
        "Mr Dijkstra",
        "union leader Niek Dijkstra",
        "Niek Dijkstra, who leads the FNV Havens union",
        "person:niek-dijkstra",
        ["He", "Dijkstra"],
    ):
        assert qb.speaker_matches(ok, g, names), ok
    for bad in ("he", "He", "Vos", "Jan Dijkstra", "person:hanneke-vos", "the union", None, []):
        assert not qb.speaker_matches(bad, g, names), bad


def test_ambiguous_surname_needs_more():
    joan = _gold("feature_last_ferry#01")
    names = _names("feature_last_ferry")
    assert qb.speaker_matches("Joan Hartley", joan, names)
    assert qb.speaker_matches("Joan", joan, names)
    assert not qb.speaker_matches("Hartley", joan, names)  # Mark Hartley too
    assert not qb.speaker_matches("Mark", joan, names)
    mark = _gold("feature_last_ferry#03")
    assert qb.speaker_matches("Mark", mark, names)


def test_actor_ids_and_aliases():
    wong = _gold("diplomacy_maritime_pact#02")
    names = _names("diplomacy_maritime_pact")
    assert qb.speaker_matches("person:penny-wong", wong, names)
    assert qb.speaker_matches("Australian Foreign Minister Penny Wong", wong, names)
    assert qb.speaker_matches("Wong", wong, names)
    assert not qb.speaker_matches("person:retno-marsudi", wong, names)
    mcg = _gold("wire_port_strike#07")
    assert qb.speaker_matches("MCG", mcg, _names("wire_port_strike"))
    assert qb.speaker_matches("org:maasvlakte-container-group", mcg, _names("wire_port_strike"))


def test_role_speakers_match_by_head_noun():
    g = _gold("wire_port_strike#05")  # a spokesperson for the Port of Rotterdam Authority
    names = _names("wire_port_strike")
    assert qb.speaker_matches("the spokesperson", g, names)
    assert qb.speaker_matches("A spokesperson for the port authority", g, names)
    assert not qb.speaker_matches("org:port-of-rotterdam-authority", g, names)
    assert not qb.speaker_matches("Port of Rotterdam Authority", g, names)
    assert not qb.speaker_matches("she", g, names)
    officials = _gold("wire_port_strike#01")
    assert qb.speaker_matches("union official", officials, names)  # plural/singular


def test_optional_gold_is_neither_hit_nor_miss():
    g = _gold("court_pollard_fraud#08")  # Pollard's words nested in Fitch's quote
    assert g["optional"]
    preds = {"court_pollard_fraud": [{"speaker": "Pollard", "spans": g["parts"]}]}
    r = qb.score(GOLD, preds)
    assert r["per_text"]["court_pollard_fraud"]["full"]["predicted"] == 0
    assert r["false_positives"] == {}


def test_trap_predictions_are_false_positives():
    meta = GOLD["texts"]["local_pool_closure"]
    trap = next(t for t in meta["traps"] if t["string"] == "Save Our Pool")
    preds = {
        "local_pool_closure": [{"speaker": "parents", "start": trap["start"], "end": trap["end"]}]
    }
    r = qb.score(GOLD, preds)
    assert r["overall"]["full"]["precision"] == 0.0
    assert r["false_positives"] == {"trap": 1}


def test_one_to_one():
    g = _gold("local_pool_closure#03")
    preds = {"local_pool_closure": [{"speaker": "Dev Raman", "spans": g["parts"]}] * 2}
    r = qb.score(GOLD, preds)["per_text"]["local_pool_closure"]["full"]
    assert (r["tp"], r["predicted"]) == (1, 2)


def test_prediction_file_formats(tmp_path):
    d = tmp_path
    g = _gold("tech_lumora_launch#13")
    obj = {"tech_lumora_launch": [{"speaker": "analysts", "start": g["start"], "end": g["end"]}]}
    (d / "p.json").write_text(json.dumps(obj))
    (d / "p.jsonl").write_text(
        json.dumps({"text_id": "tech_lumora_launch", **obj["tech_lumora_launch"][0]}) + "\n"
    )
    assert qb.load_predictions(d / "p.json") == qb.load_predictions(d / "p.jsonl")


def test_pipeline_predictions_use_the_record_parts():
    """The adapter turns record quotes into predictions that the scorer accepts as they are."""
    one = {
        "texts": {"wire_port_strike": GOLD["texts"]["wire_port_strike"]},
        "statements": {"wire_port_strike": GOLD["statements"]["wire_port_strike"]},
        "folder": GOLD["folder"],
    }
    preds = qb.pipeline_predictions(one)["wire_port_strike"]
    assert preds and all(
        p["spans"] and p["mode"] in ("direct", "indirect", "partial") for p in preds
    )
    result = qb.score(one, {"wire_port_strike": preds})
    assert result["per_text"]["wire_port_strike"]["full"]["tp"] > 0
