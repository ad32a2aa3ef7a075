"""The NumPy sentence encoder and its per-word tone: the forward pass against PyTorch's output
stored with the weights, the pieces and shares by hand, and the exact split into words."""

from __future__ import annotations

import importlib.util
import math

import numpy as np
import pytest

from analysis.paths import RESOURCES_DIR
from analysis.sentiment import encoder_tone, sentence_encoder
from analysis.sentiment.encoder_tone import FRAME, EncoderTone
from analysis.sentiment.sentence_encoder import (
    MAX_PIECES,
    _erf,
    _shares,
    _word_spans,
    load_encoder,
)

ROOT = RESOURCES_DIR.parents[1]
_spec = importlib.util.spec_from_file_location(
    "build_sentence_encoder", ROOT / "scripts" / "build_sentence_encoder.py"
)
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


@pytest.fixture(scope="module")
def encoder():
    return load_encoder()


def test_numpy_forward_agrees_with_pytorch_on_the_stored_sentences(encoder):
    with np.load(sentence_encoder.ENCODER_PATH) as data:
        texts = [str(t) for t in data["reference_texts"]]
        reference = data["reference_vectors"]
    mine = np.array([e.vector for e in encoder.encode([(t, ()) for t in texts])])
    cosines = (mine * reference).sum(axis=1)
    assert len(texts) >= 4
    assert cosines.min() >= build.MIN_COSINE
    # and not trivially: different sentences have clearly different embeddings
    assert float(mine[0] @ mine[1]) < 0.9


def test_erf_matches_the_standard_library():
    xs = np.linspace(-4, 4, 161, dtype=np.float64)
    assert np.max(np.abs(_erf(xs) - [math.erf(x) for x in xs])) < 2e-7


def test_shares_split_the_normalised_mean_by_hand():
    # mean (2, 0), length 2: the normalised mean (1, 0) is 1/4 from the first token, 3/4 from
    # the second
    shares = _shares(np.array([[1.0, 0.0], [3.0, 0.0]]))
    assert shares.tolist() == [[0.25, 0.0], [0.75, 0.0]]
    assert _shares(np.zeros((2, 3))).tolist() == [[0.0] * 3] * 2


def test_word_spans_cut_at_white_space_and_around_punctuation():
    text = "Don't stop, 2.5%!"
    assert [text[a:b] for a, b in _word_spans(text)] == [
        "Don", "'", "t", "stop", ",", "2", ".", "5", "%", "!",
    ]  # fmt: skip


def test_pieces_leave_masked_words_out_and_mark_unknown_parts(encoder):
    text = "Obama praised the ☃ plan"
    pieces, spans = encoder.pieces(text, [(0, 5)])
    assert pieces == ["praised", "the", "[UNK]", "plan"]
    assert [text[a:b] for a, b in spans] == ["praised", "the", "☃", "plan"]


def test_a_masked_word_is_as_if_absent(encoder):
    masked, plain = encoder.encode(
        [("Obama praised the plan.", [(0, 5)]), ("praised the plan.", ())]
    )
    assert np.allclose(masked.vector, plain.vector, atol=1e-6)


def test_long_sentences_are_cut_at_the_piece_limit(encoder):
    pieces, _ = encoder.pieces("word " * (MAX_PIECES + 40))
    assert len(pieces) == MAX_PIECES


def test_batching_does_not_change_an_encoding(encoder):
    items = [("A short one.", ()), ("A much longer sentence, with commas, and more words.", ())]
    together = encoder.encode(items)
    alone = [encoder.encode([item])[0] for item in items]
    for a, b in zip(together, alone, strict=True):
        assert a.pieces == b.pieces
        assert np.allclose(a.shares, b.shares, atol=1e-6)
        assert abs(np.linalg.norm(a.vector) - 1.0) < 1e-6


def test_encoder_tone_words_add_up_to_the_weights_times_the_embedding(encoder):
    rng = np.random.default_rng(3)
    weights = rng.normal(size=encoder.hidden)
    tone = EncoderTone(weights)
    text = "The talks failed, and the ceasefire collapsed."
    words = tone.words(text, ())
    vector = encoder.encode([(text, ())])[0].vector
    assert sum(v for *_, v in words) == pytest.approx(float(weights @ vector), abs=1e-9)
    assert words[-1][:3] == (FRAME, -1, -1)
    assert [w for w, *_ in words[:-1]] == [
        "The", "talks", "failed", ",", "and", "the", "ceasefire", "collapsed", ".",
    ]  # fmt: skip


def test_encoder_tone_groups_a_words_pieces():
    # a toy encoding: [CLS] un ##fair [SEP], the two pieces from one word
    encoding = sentence_encoder.Encoding(
        ("[CLS]", "un", "##fair", "[SEP]"),
        ((-1, -1), (0, 6), (0, 6), (-1, -1)),
        np.array([[0.1, 0.0], [0.2, 1.0], [0.3, 0.0], [0.4, 0.0]]),
    )
    tone = EncoderTone([1.0, 10.0])
    assert tone._word_values("unfair", encoding) == (
        ("unfair", 0, 6, pytest.approx(10.5)),
        (FRAME, -1, -1, pytest.approx(0.5)),
    )


def test_an_empty_model_has_no_encoder_tone():
    assert not EncoderTone(())
    assert EncoderTone([0.0])


def test_primed_sentences_are_not_encoded_again(monkeypatch, encoder):
    tone = EncoderTone(np.ones(encoder.hidden))
    tone.prime([("One sentence.", ()), ("Another one.", [(0, 7)])])
    monkeypatch.setattr(encoder_tone, "load_encoder", lambda: pytest.fail("encoded again"))
    assert tone.words("Another one.", [(0, 7)])[0][0] == "one"


def test_build_quantises_rows_symmetrically_by_hand():
    q, scale = build.quantised(np.array([[127.0, -63.5, 0.0], [0.0, 0.0, 0.0]]))
    assert q.tolist() == [[127, -64, 0], [0, 0, 0]]
    assert scale.tolist() == [1.0, 1.0]


def test_build_reads_safetensors_by_hand(tmp_path):
    import json
    import struct

    body = np.array([1.5, -2.0], dtype=np.float32).tobytes()
    header = json.dumps({"w": {"dtype": "F32", "shape": [1, 2], "data_offsets": [0, 8]}})
    path = tmp_path / "m.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header.encode() + body)
    assert build.read_safetensors(path)["w"].tolist() == [[1.5, -2.0]]


def test_a_full_store_starts_again_and_keeps_what_it_was_asked_for(monkeypatch, encoder):
    monkeypatch.setattr(encoder_tone, "KEEP", 3)
    tone = EncoderTone(np.ones(encoder.hidden))
    tone.prime([("A.", ()), ("B.", ())])
    tone.prime([("A.", ()), ("B.", ()), ("C.", ()), ("D.", ())])  # 2 + 4 > 3: starts again
    assert set(tone._values) == {(t, ()) for t in ("A.", "B.", "C.", "D.")}
    monkeypatch.setattr(encoder_tone, "load_encoder", lambda: pytest.fail("encoded again"))
    assert tone.words("C.", ())[0][0] == "C"


def test_news_tone_prime_reads_the_text_as_scoring_does(monkeypatch):
    from analysis.sentiment import news_tone as nt

    model = nt.load_model()
    text = "They don’t trust the plan."
    nt.prime(model, [(text, ())])
    monkeypatch.setattr(encoder_tone, "load_encoder", lambda: pytest.fail("encoded again"))
    score, parts = nt.score_sentence(text, (), model)
    encoder_part = next(p for p in parts if p.feature == nt.SENTENCE_ENCODER)
    assert encoder_part.words and sum(p.contribution for p in parts) == pytest.approx(score)


def test_score_article_picks_the_model_by_length(monkeypatch):
    from analysis.sentiment import news_tone as nt

    sentences = ["The talks failed.", "The rescue worked."]
    shipped = nt.score_article(sentences)["scores"]
    assert shipped == pytest.approx([nt.score_sentence(s)[0] for s in sentences])
    monkeypatch.setattr(nt, "ENCODER_SENTENCE_LIMIT", 1)
    static = nt.load_model(nt.STATIC_MODEL_PATH)
    assert nt.score_article(sentences)["scores"] == pytest.approx(
        [nt.score_sentence(s, (), static)[0] for s in sentences]
    )


def test_batches_keep_to_the_row_and_token_limits_by_hand(monkeypatch):
    monkeypatch.setattr(sentence_encoder, "BATCH_TOKENS", 10)
    lengths = [2, 3, 3, 4, 12]
    # rows 0-2: 3 rows × 3 tokens = 9; row 3 would make 4 × 4 = 16 > 10; row 4 alone (12)
    assert sentence_encoder._batches([0, 1, 2, 3, 4], lengths, 64) == [[0, 1, 2], [3], [4]]
    assert sentence_encoder._batches([0, 1, 2], lengths, 2) == [[0, 1], [2]]
