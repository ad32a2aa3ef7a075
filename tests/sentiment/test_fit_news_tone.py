"""Tests of scripts/fit_news_tone.py's own pieces (numpy ridge, grouped folds, metrics), on
numbers worked out by hand; the fit itself needs the evaluation data and is run by
``make news-tone`` / ``benchmarks/tone_benchmark.py``, not by the tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from analysis.sentiment import news_tone as nt

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "fit_news_tone", ROOT / "scripts" / "fit_news_tone.py"
)
fit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fit)


def test_ridge_without_penalty_is_least_squares():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = 2 * X[:, 0] + 1
    model = fit.Ridge(0.0).fit(X, y)
    assert model.predict(np.array([[4.0]]))[0] == pytest.approx(9.0)
    assert model.intercept == pytest.approx(4.0)  # the mean of y (X is centred)


def test_ridge_penalty_shrinks_towards_the_mean():
    # one standardised feature z = (-1.342, -0.447, 0.447, 1.342): z·z = 4, z·(y - ȳ) = 4·2·sd
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = 2 * X[:, 0] + 1
    sd = X[:, 0].std()
    coef = fit.Ridge(4.0).fit(X, y).coef[0]
    assert coef == pytest.approx(4 * 2 * sd / (4 + 4))


def test_group_folds_never_split_a_group():
    groups = np.array(["a", "a", "b", "c", "c", "c", "d", "e"])
    folds = fit.group_folds(groups, 3, seed=1)
    seen = []
    for train, test in folds:
        assert not set(groups[train]) & set(groups[test])
        seen.extend(test)
    assert sorted(seen) == list(range(len(groups)))


def test_article_r_uses_the_mean_per_group():
    groups = np.array(["x", "x", "y", "y", "z"])
    y = np.array([1.0, 3.0, -1.0, -3.0, 0.0])  # group means 2, -2, 0
    pred = np.array([0.0, 2.0, 0.0, -4.0, 0.5])  # group means 1, -2, 0.5
    m = fit.metrics(pred, y, groups, 0.05)
    assert m["article_r"] == pytest.approx(np.corrcoef([1, -2, 0.5], [2, -2, 0])[0, 1])


def test_weighted_f1_by_hand():
    truth = np.array([1, 1, 0, -1])
    pred = np.array([1, 0, 0, -1])
    # F1: class 1: p 1, r 0.5 -> 2/3; class 0: p 0.5, r 1 -> 2/3; class -1: 1. Weights 2, 1, 1.
    assert fit.weighted_f1(truth, pred) == pytest.approx((2 * 2 / 3 + 2 / 3 + 1) / 4)


def test_context_vectors_average_the_pieces_of_ordinary_words(tmp_path):
    path = tmp_path / "v.npz"
    pieces = np.array(["good", "plan", "to", "##day"])
    vectors = np.array([[1, 0], [0, 1], [2, 2], [0, 4]], dtype=np.float16)
    np.savez(path, pieces=pieces, vectors=vectors)
    texts = ["Yes, a good plan today.", "Reagan, Reagan.", "The plan."]
    context = fit.ContextVectors(texts, [[], [], []], path)
    # good, plan, to, ##day -> the four vectors' sum over 4 + 5 pieces; no piece -> zeros;
    # "plan" alone -> over 1 + 5
    assert nt.CONTEXT_PRIOR_PIECES == 5
    assert np.allclose(context.X, [[3 / 9, 7 / 9], [0.0, 0.0], [0.0, 1 / 6]])
    assert np.allclose(context.kernel(2.0), 2.0 * context.X @ context.X.T)
    tones = np.array([0.4, -0.2, 0.1, 0.3])
    assert np.allclose(context.sums(tones), [(0.4 - 0.2 + 0.1 + 0.3) / 9, 0.0, -0.2 / 6])


class _Kernel:
    """A kernel feature whose kernel is ``ratio`` times a fixed matrix."""

    def __init__(self, matrix):
        self.matrix = np.asarray(matrix, dtype=float)

    def kernel(self, arg):
        return self.matrix if isinstance(arg, np.ndarray) else arg * self.matrix


def test_kernel_ratios_per_set():
    assert fit.kernel_ratios(["negations", nt.EDITORIAL_WORDS]) == [()]
    assert fit.kernel_ratios([nt.EDITORIAL_WORDS, nt.CONTEXT_WORDS]) == [
        (r,) for r in fit.CONTEXT_RATIOS
    ]
    assert fit.kernel_ratios([nt.EDITORIAL_WORDS, nt.CONTEXT_WORDS, nt.SENTENCE_ENCODER]) == [
        (fit.ENCODER_CONTEXT_RATIO, e) for e in fit.ENCODER_RATIOS
    ]


def test_word_grid_per_set():
    assert fit.word_grid([nt.EDITORIAL_WORDS, nt.CONTEXT_WORDS]) == fit.WORD_GRID
    grid = fit.word_grid([nt.EDITORIAL_WORDS, nt.CONTEXT_WORDS, nt.SENTENCE_ENCODER])
    assert grid == fit.ENCODER_WORD_GRID and len(grid) == 6


def test_word_kernel_adds_each_ratio_times_its_kernel_by_hand():
    feats = {
        nt.EDITORIAL_WORDS: _Kernel([[1, 0], [0, 1]]),
        nt.CONTEXT_WORDS: _Kernel([[1, 1], [1, 1]]),
        nt.SENTENCE_ENCODER: _Kernel([[0, 2], [2, 0]]),
    }
    rows = np.arange(2)
    K, pair = fit.word_kernel(feats, rows, (3.0, 5.0))
    assert pair == (3.0, 5.0) and K.tolist() == [[1, 0], [0, 1]]
    K, _ = fit.word_kernel(feats, rows, (3.0, 5.0, 10.0))
    assert K.tolist() == [[11, 10], [10, 11]]
    K, pair = fit.word_kernel(feats, rows, (3.0, 5.0, 10.0, 0.5))
    assert pair == (3.0, 5.0) and K.tolist() == [[11, 11], [11, 11]]


def test_encoder_vectors_are_the_products_embeddings():
    from analysis.sentiment.sentence_encoder import load_encoder

    texts = ["Obama’s plan failed.", "Good news."]
    masks = [[(0, 5)], []]
    vectors = fit.EncoderVectors(texts, masks)
    expected = load_encoder().encode([("Obama's plan failed.", [(0, 5)]), ("Good news.", [])])
    assert np.allclose(vectors.X, [e.vector for e in expected])
    assert np.allclose(vectors.kernel(2.0), 2.0 * vectors.X @ vectors.X.T)
