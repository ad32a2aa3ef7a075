"""The static context vectors behind ``context_words``: the build script's helpers by hand, and
the shipped file's agreement with the shipped model."""

from __future__ import annotations

import importlib.util
import json

import numpy as np

from analysis.paths import RESOURCES_DIR
from analysis.sentiment import news_tone as nt

ROOT = RESOURCES_DIR.parents[1]
_spec = importlib.util.spec_from_file_location(
    "build_context_vectors", ROOT / "scripts" / "build_context_vectors.py"
)
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def test_conll_sentences_keep_words_only(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text(
        "-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\nBlackburn I-PER\n", encoding="utf-8"
    )
    assert build.conll_sentences(path) == ["EU rejects", "Peter Blackburn"]


def test_kept_pieces_drop_special_unused_and_non_ascii_pieces_in_id_order():
    vocab = {"[PAD]": 0, "[unused0]": 1, "the": 5, "##s": 4, "é": 3, "[": 2}
    assert build.kept_pieces(vocab) == ["[", "##s", "the"]


def test_shipped_vectors_and_model_tones_share_one_vocabulary():
    with np.load(RESOURCES_DIR / "context_vectors.npz") as data:
        pieces = [str(p) for p in data["pieces"]]
        vectors = data["vectors"]
    assert vectors.dtype == np.float16
    assert vectors.shape == (len(pieces), build.DIMENSIONS)
    assert len(set(pieces)) == len(pieces) and "the" in pieces and "##s" in pieces
    model = json.loads((RESOURCES_DIR / "news_tone.json").read_text(encoding="utf-8"))
    if nt.CONTEXT_WORDS in model["features"]:
        # the run-time vocabulary (the tones' keys) is the one the fit cut the words with
        assert sorted(model["context_tones"]) == sorted(pieces)
