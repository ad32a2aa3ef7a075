"""The news tone's ``sentence_encoder`` feature: a model's weights on the sentence embedding of
:mod:`analysis.sentiment.sentence_encoder`, split into one share per word.

The feature's value is ``weights · embedding``; the embedding is the sum of its tokens' shares,
so the value is the sum of ``weights · share`` over the tokens. A word's term adds up its
pieces' values; BERT's [CLS] and [SEP] tokens, which belong to no word, make one term of the
sentence as a whole (:data:`FRAME`). The terms add up to the value exactly (up to float
rounding).

Encoding costs about 6 ms per sentence on two cores, so :meth:`EncoderTone.prime` encodes many
sentences in batches and keeps their word values; a sentence asked for alone is encoded alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .sentence_encoder import Encoding, load_encoder

#: The word of the term that [CLS] and [SEP] carry (no span: -1, -1).
FRAME = "(sentence as a whole)"
#: Sentences whose word values are kept per model; past this the store starts again.
KEEP = 50_000
#: Sentences encoded per call of the encoder: their token shares (tokens × 384 floats each)
#: live only until their word values are taken, so memory stays bounded on long articles.
CHUNK = 256

WordValue = tuple[str, int, int, float]
Key = tuple[str, tuple[tuple[int, int], ...]]


def _key(text: str, spans: Iterable[Sequence[int]]) -> Key:
    return text, tuple(sorted((int(a), int(b)) for a, b in spans))


class EncoderTone:
    """A model's weights on the sentence embedding, and the word values of the sentences it
    has seen."""

    def __init__(self, weights: Sequence[float]) -> None:
        self.weights = np.asarray(weights, dtype=np.float64)
        self._values: dict[Key, tuple[WordValue, ...]] = {}

    def __bool__(self) -> bool:
        return bool(self.weights.size)

    def prime(self, items: Iterable[tuple[str, Iterable[Sequence[int]]]]) -> None:
        """Encode the ``(text, masked_spans)`` not yet seen, in batches."""
        keys = list(dict.fromkeys(_key(t, s) for t, s in items))
        if len(self._values) + len(keys) > KEEP:
            self._values.clear()
        missing = [k for k in keys if k not in self._values]
        for lo in range(0, len(missing), CHUNK):
            chunk = missing[lo : lo + CHUNK]
            for key, encoding in zip(chunk, load_encoder().encode(chunk), strict=True):
                self._values[key] = self._word_values(key[0], encoding)

    def words(self, text: str, masked_spans: Iterable[Sequence[int]]) -> tuple[WordValue, ...]:
        """``(word, start, end, value)`` per word of the sentence (then the :data:`FRAME`
        term); the values add up to the feature's value."""
        key = _key(text, masked_spans)
        hit = self._values.get(key)
        if hit is None:
            hit = self._word_values(text, load_encoder().encode([key])[0])
            if len(self._values) >= KEEP:
                self._values.clear()
            self._values[key] = hit
        return hit

    def _word_values(self, text: str, encoding: Encoding) -> tuple[WordValue, ...]:
        values = encoding.shares @ self.weights
        words: dict[tuple[int, int], float] = {}
        frame = 0.0
        for (start, end), value in zip(encoding.spans, values.tolist(), strict=True):
            if start < 0:
                frame += value
            else:
                words[(start, end)] = words.get((start, end), 0.0) + value
        out = [(text[a:b], a, b, v) for (a, b), v in words.items()]
        out.append((FRAME, -1, -1, frame))
        return tuple(out)
