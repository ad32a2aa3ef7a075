"""Fit and validate the news tone model: ``analysis/resources/news_tone.json``.

Usage (``make news-tone`` runs the first line)::

    .venv/bin/python scripts/fit_news_tone.py --eval ../shared/eval          # fit, CV table
    .venv/bin/python scripts/fit_news_tone.py --eval ../shared/eval --no-write  # CV table only
    .venv/bin/python scripts/fit_news_tone.py --eval ../shared/eval --check  # exit 1 if stale

Data: ``<eval>/sentiment/nyt_editorial_snippets_dev.tsv`` only (``id`` =
``<editorial>_<sentence>``, ``mean_rating`` on -4 … +4, ``text``); nothing else is read for
fitting and no sentence of it is copied into the repository (the model holds 14 coefficients,
one weight for each ordinary word found in at least two of its sentences, and one tone per word
piece of the context vectors).

Model: ridge regression (numpy, closed form, on standardised features) over the lexicon
features of :mod:`analysis.sentiment.news_tone`, computed as the product computes them: names
masked (actor mentions of :data:`analysis.sentiment.masking.MASKED_KINDS`, each editorial read
as one article) and the news exclusions applied; with the candidate ``compact+lex+words`` also
over the counts of the sentences' ordinary words (:func:`analysis.sentiment.news_tone.
ordinary_words`), unstandardised and with their own penalty (solved in the dual, as kernels),
shipped as the model's ``word_weights``; with ``compact+lex+words+context`` also over the
sentences' static context vectors (``analysis/resources/context_vectors.npz``, from
``scripts/build_context_vectors.py``: the pieces of the ordinary words, summed over their number
plus ``CONTEXT_PRIOR_PIECES``), whose kernel enters beside the counts' at a ratio chosen with
the penalties; the weight vector β is shipped as one tone per piece (``context_tones``,
``vector · β``).

Validation: grouped K-fold over editorials (an editorial's sentences are always in one fold;
groups shuffled with ``--seed``, then dealt to the folds largest first). Inside each outer
training part the feature set and the penalty are chosen by an inner grouped K-fold: per set
the penalty with the lowest pooled inner MSE, then the smallest set whose MSE exceeds the best
set's by at most one standard error of their paired per-fold differences. The outer scores
measure the whole procedure; the shipped model is the same procedure run on all editorials.

Metrics on the outer held-out folds (each sentence predicted once by a model that never saw
its editorial): sentence r (Pearson, pooled), article r (per editorial the mean of its
sentences' scores against the mean of their ratings; Pearson over editorials), weighted
three-class F1 (ratings classed at ±0.05; VADER at its ±0.05, the model's rating-scale score
at ±0.05; AFINN's sum and the General Inquirer tone by sign). Baselines are today's scores
(no fitting) on the same folds.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.actors import detect_mentions  # noqa: E402
from analysis.article import article_from_string  # noqa: E402
from analysis.sentiment import news_tone as nt  # noqa: E402
from analysis.sentiment import wordpiece  # noqa: E402
from analysis.sentiment.masking import MASKED_KINDS  # noqa: E402
from analysis.sentiment.sentence_encoder import load_encoder  # noqa: E402
from analysis.sentiment.vader import analyse  # noqa: E402
from analysis.text import prepare  # noqa: E402

MODEL = ROOT / "analysis" / "resources" / "news_tone.json"
STATIC_MODEL = ROOT / "analysis" / "resources" / "news_tone_static.json"
#: Static context vectors per word piece (``scripts/build_context_vectors.py``).
CONTEXT_VECTORS = ROOT / "analysis" / "resources" / "context_vectors.npz"
EXTRA = ["tb_pos", "tb_neg", "lm_pos", "lm_neg", "sr_pos", "sr_neg"]  # TextBlob, labMT, sentimentr
SAT = [f"{f}_sat" for f in nt.SATURATED if f not in EXTRA]
COMPACT = SAT + ["negations", "dampeners"]

#: Candidate feature sets, smallest first. In each, every lexicon enters once, its positive and
#: its negative evidence squashed as VADER squashes its sum (``x / sqrt(x² + 15)``), so every
#: weight has its expected sign and a word's contributions never pull against each other.
#: (The earlier candidates ``compact+counts`` and ``full`` added the plain sums and word counts
#: beside the squashed sums; with TextBlob and labMT such sets fit weights of both signs on the
#: same evidence, so they are no longer offered.) ``compact+lex`` adds TextBlob, labMT and
#: Darwich's sentimentr lexicon; ``compact+lex+words`` adds a weight per ordinary word
#: (``editorial_words``).
CANDIDATES = {
    "compact": COMPACT,
    "compact+lex": COMPACT + [f"{f}_sat" for f in EXTRA],
    "compact+lex+words": COMPACT + [f"{f}_sat" for f in EXTRA] + [nt.EDITORIAL_WORDS],
    "compact+lex+words+context": COMPACT
    + [f"{f}_sat" for f in EXTRA]
    + [nt.EDITORIAL_WORDS, nt.CONTEXT_WORDS],
    "compact+lex+words+context+encoder": COMPACT
    + [f"{f}_sat" for f in EXTRA]
    + [nt.EDITORIAL_WORDS, nt.CONTEXT_WORDS, nt.SENTENCE_ENCODER],
}
#: The lexicon-only candidates (the ablation rows of the CV table use these, to keep the run
#: short).
LEXICON_SETS = {n: c for n, c in CANDIDATES.items() if nt.EDITORIAL_WORDS not in c}
#: The fifth round's procedure (before the sentence encoder): the static model, which scores
#: articles too long to encode (``news_tone_static.json``).
STATIC = {n: c for n, c in CANDIDATES.items() if nt.SENTENCE_ENCODER not in c}
#: The fourth round's procedure (before the context vectors).
ROUND4 = {n: c for n, c in STATIC.items() if nt.CONTEXT_WORDS not in c}
#: Word weights: a word enters the vocabulary when it occurs in at least this many training
#: sentences (chosen again inside every fold) …
WORD_MIN_DF = 2
#: … and a set with word weights tries these (lexicon alpha, word alpha) pairs; word counts
#: are not standardised, so the word alpha is per count.
WORD_GRID = [(a, b) for a in (31.6227766, 100.0, 316.227766) for b in (100.0, 316.227766, 1000.0)]
#: … and a set with context vectors also tries these ratios r of the word penalty to the
#: context vectors' penalty (the vectors' kernel enters as r × X Xᵀ beside the counts').
CONTEXT_RATIOS = (3.0, 10.0, 30.0)
#: … and a set with the sentence encoder tries these ratios of the word penalty to the
#: embedding's penalty (its kernel enters as e × E Eᵀ), with the context ratio held at
#: :data:`ENCODER_CONTEXT_RATIO` (the ratio the fifth round's procedure chose on all data),
#: over its own (lexicon alpha, word alpha) grid: a first run on (30, 100, 300) × ``WORD_GRID``
#: chose the grid's top ratio and word alpha, with lexicon alpha 316, in every fold.
ENCODER_RATIOS = (100.0, 300.0, 1000.0)
ENCODER_CONTEXT_RATIO = 10.0
ENCODER_WORD_GRID = [(a, b) for a in (100.0, 316.227766) for b in (316.227766, 1000.0, 3162.27766)]
#: The procedure of the first rounds (before TextBlob and labMT; it chose ``compact`` in every
#: fold), for the CV table.
PREVIOUS = {"compact": COMPACT}
#: The third round's procedure (before the sentimentr lexicon), for the CV table.
ROUND3 = {n: [f for f in c if not f.startswith("sr_")] for n, c in ROUND4.items()}
ALPHAS = [float(a) for a in np.logspace(-1, 4, 11)]
THRESHOLD = 0.05


# --------------------------------------------------------------------------- data


def load(eval_dir: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, mean ratings and editorial ids of the development file."""
    path = eval_dir / "sentiment" / "nyt_editorial_snippets_dev.tsv"
    if not path.is_file():
        sys.exit(f"{path}: not found; pass the shared evaluation folder with --eval")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [r["text"] for r in rows]
    y = np.array([float(r["mean_rating"]) for r in rows])
    groups = np.array([r["id"].split("_")[0] for r in rows])
    return texts, y, groups


def mention_masks(texts: list[str], groups: np.ndarray) -> list[list[tuple[int, int]]]:
    """Masked spans per sentence, as the product masks them: each editorial read as one
    article (its sentences as paragraphs), mentions of the masked kinds, spans made relative
    to each sentence."""
    masks: list[list[tuple[int, int]]] = [[] for _ in texts]
    order: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        order.setdefault(g, []).append(i)
    for idx in order.values():
        offsets, pos = [], 0
        for i in idx:
            offsets.append(pos)
            pos += len(texts[i]) + 2
        text = "\n\n".join(texts[i] for i in idx)
        article = article_from_string(text)
        if article.text != text:
            raise RuntimeError("article text differs from its input; offsets would be wrong")
        for m in detect_mentions(prepare(article)):
            if m.kind not in MASKED_KINDS:
                continue
            for k, i in enumerate(idx):
                lo, hi = offsets[k], offsets[k] + len(texts[i])
                if m.start >= lo and m.end <= hi:
                    masks[i].append((m.start - lo, m.end - lo))
    return masks


def feature_matrix(texts, masks, exclude: bool = True) -> dict[str, np.ndarray]:
    """Every lexicon feature per sentence, and under ``editorial_words`` the sentences' word
    counts (:class:`WordCounts`), from which each fold chooses its vocabulary."""
    rows = [nt.features(t, m, exclude) for t, m in zip(texts, masks, strict=True)]
    feats = {name: np.array([r[name] for r in rows]) for name in nt.FEATURE_NAMES}
    feats[nt.EDITORIAL_WORDS] = WordCounts(texts, masks)
    feats[nt.CONTEXT_WORDS] = ContextVectors(texts, masks)
    feats[nt.SENTENCE_ENCODER] = EncoderVectors(texts, masks)
    return feats


class EncoderVectors:
    """Per sentence its embedding by the product's sentence encoder (masked words left out of
    its input), as :class:`analysis.sentiment.encoder_tone.EncoderTone` reads it back: a
    ridge weight vector β on the embeddings is the model's ``encoder_weights``."""

    def __init__(self, texts, masks) -> None:
        items = [(t.replace("’", "'"), m) for t, m in zip(texts, masks, strict=True)]
        self.X = np.array([e.vector for e in load_encoder().encode(items)])
        self.gram = self.X @ self.X.T

    def kernel(self, ratio: float) -> np.ndarray:
        return ratio * self.gram


class ContextVectors:
    """Per sentence the sum of the static context vectors of its ordinary words' word pieces
    over their number plus :data:`~analysis.sentiment.news_tone.CONTEXT_PRIOR_PIECES` (``X``),
    as :class:`analysis.sentiment.news_tone.PieceTones` reads them back: a ridge weight
    vector β gives each piece the tone ``vector · β``."""

    def __init__(self, texts, masks, path: Path = CONTEXT_VECTORS) -> None:
        with np.load(path) as data:
            self.pieces = [str(p) for p in data["pieces"]]
            self.vectors = data["vectors"].astype(float)
        index = {p: i for i, p in enumerate(self.pieces)}
        self.X = np.zeros((len(texts), self.vectors.shape[1]))
        self.ids = []  # per sentence its pieces' rows of ``vectors``
        for i, (text, mask) in enumerate(zip(texts, masks, strict=True)):
            ids = [
                index[p]
                for word in nt.ordinary_words(text, mask)
                for p in wordpiece.tokenize(word, index)
            ]
            self.ids.append(np.array(ids, dtype=int))
            if ids:
                self.X[i] = self.vectors[ids].sum(axis=0) / (len(ids) + nt.CONTEXT_PRIOR_PIECES)
        self.gram = self.X @ self.X.T

    def sums(self, tones: np.ndarray) -> np.ndarray:
        """Per sentence ``context_words`` with the piece ``tones`` (0 without a piece)."""
        prior = nt.CONTEXT_PRIOR_PIECES
        return np.array([tones[ids].sum() / (len(ids) + prior) for ids in self.ids])

    def kernel(self, ratio: float) -> np.ndarray:
        return ratio * self.gram


class WordCounts:
    """Counts of each sentence's ordinary words (:func:`analysis.sentiment.news_tone.
    ordinary_words`: no names, no masked words), and their Gram matrix, so that a fold's
    kernel over its own vocabulary is the full one minus the words it leaves out."""

    def __init__(self, texts, masks, keys=lambda word: (word,)) -> None:
        # keys: what a word counts as (itself; an experiment may count stems instead)
        index: dict[str, int] = {}
        counts = []
        for text, mask in zip(texts, masks, strict=True):
            row: dict[int, int] = {}
            for word in nt.ordinary_words(text, mask):
                for key in keys(word):
                    j = index.setdefault(key, len(index))
                    row[j] = row.get(j, 0) + 1
            counts.append(row)
        self.words = list(index)
        self.C = np.zeros((len(texts), len(index)), dtype=np.float32)
        for i, row in enumerate(counts):
            for j, k in row.items():
                self.C[i, j] = k
        self.present = self.C > 0
        self.gram = (self.C @ self.C.T).astype(float)
        self.rows_of = [np.nonzero(self.present[:, j])[0] for j in range(len(index))]

    def vocabulary(self, rows: np.ndarray) -> np.ndarray:
        """The columns of the words in at least :data:`WORD_MIN_DF` of ``rows``."""
        return np.nonzero(self.present[rows].sum(axis=0) >= WORD_MIN_DF)[0]

    def kernel(self, rows: np.ndarray) -> np.ndarray:
        """Counts times counts over the vocabulary chosen on ``rows`` (all sentences)."""
        keep = np.zeros(self.C.shape[1], dtype=bool)
        keep[self.vocabulary(rows)] = True
        K = self.gram.copy()
        for j in np.nonzero(~keep)[0]:
            r = self.rows_of[j]
            c = self.C[r, j].astype(float)
            K[np.ix_(r, r)] -= np.outer(c, c)
        return K


def _centred(K: np.ndarray, tr: np.ndarray, te: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The kernel blocks (train × train, test × train) of features centred on ``tr``."""
    Ktr, Kte = K[np.ix_(tr, tr)], K[np.ix_(te, tr)]
    row_tr, row_te, mean = Ktr.mean(axis=1), Kte.mean(axis=1), Ktr.mean()
    return (
        Ktr - row_tr[:, None] - row_tr[None, :] + mean,
        Kte - row_te[:, None] - row_tr[None, :] + mean,
    )


def words_fit(X, K, y, tr, te, alphas) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Ridge over standardised lexicon features (penalty ``alphas[0]``) and raw word counts
    (``alphas[1]``) in its dual form. Returns the predictions for ``te``, the dual
    coefficients, the lexicon columns' standardised coefficients and the intercept."""
    a, b = alphas
    mean, scale = X[tr].mean(axis=0), X[tr].std(axis=0)
    scale = np.where(scale == 0, 1.0, scale)
    Z, Zte = (X[tr] - mean) / scale, (X[te] - mean) / scale
    Wtr, Wte = _centred(K, tr, te)
    intercept = float(y[tr].mean())
    dual = np.linalg.solve(Z @ Z.T / a + Wtr / b + np.eye(len(tr)), y[tr] - intercept)
    pred = (Zte @ Z.T / a + Wte / b) @ dual + intercept
    return pred, dual, Z.T @ dual / a, intercept


# --------------------------------------------------------------------------- numpy models


def group_folds(groups: np.ndarray, k: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Grouped K-fold: groups shuffled, then dealt largest first to the lightest fold."""
    rng = np.random.default_rng(seed)
    unique = np.array(sorted(set(groups)))
    rng.shuffle(unique)
    sizes = {g: int(np.sum(groups == g)) for g in unique}
    load_ = np.zeros(k)
    fold_of = {}
    for g in sorted(unique, key=lambda g: -sizes[g]):
        f = int(np.argmin(load_))
        fold_of[g] = f
        load_[f] += sizes[g]
    assign = np.array([fold_of[g] for g in groups])
    return [(np.where(assign != f)[0], np.where(assign == f)[0]) for f in range(k)]


class Ridge:
    """Standardised features, ridge penalty ``alpha``, unpenalised intercept."""

    def __init__(self, alpha: float) -> None:
        self.alpha = alpha

    def fit(self, X: np.ndarray, y: np.ndarray) -> Ridge:
        self.mean = X.mean(axis=0)
        scale = X.std(axis=0)
        self.scale = np.where(scale == 0, 1.0, scale)
        Z = (X - self.mean) / self.scale
        self.intercept = float(y.mean())
        A = Z.T @ Z + self.alpha * np.eye(Z.shape[1])
        self.coef = np.linalg.solve(A, Z.T @ (y - self.intercept))
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        return ((X - self.mean) / self.scale) @ self.coef + self.intercept


# --------------------------------------------------------------------------- metrics


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 2 or np.std(a) == 0 or np.std(b) == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def article_means(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    keys = sorted(set(groups))
    return np.array([values[groups == k].mean() for k in keys])


def classes(values: np.ndarray, threshold: float) -> np.ndarray:
    return np.where(values > threshold, 1, np.where(values < -threshold, -1, 0))


def weighted_f1(truth: np.ndarray, pred: np.ndarray) -> float:
    total = 0.0
    for c in (-1, 0, 1):
        tp = np.sum((pred == c) & (truth == c))
        p = tp / max(np.sum(pred == c), 1)
        r = tp / max(np.sum(truth == c), 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        total += f * np.sum(truth == c)
    return float(total / len(truth))


def metrics(pred: np.ndarray, y: np.ndarray, groups: np.ndarray, threshold: float) -> dict:
    return {
        "sentence_r": pearson(pred, y),
        "article_r": pearson(article_means(pred, groups), article_means(y, groups)),
        "f1_weighted": weighted_f1(classes(y, THRESHOLD), classes(pred, threshold)),
    }


# --------------------------------------------------------------------------- selection


def select(feats, y, groups, rows, sets, inner_folds, seed) -> tuple[str, float]:
    """(feature set, alpha) by grouped K-fold on ``rows``: per set the alpha of the lowest
    pooled MSE, then the smallest set whose MSE exceeds the best set's by no more than one
    standard error of their paired per-fold differences (the one-standard-error rule, paired:
    both sets are scored on the same inner folds)."""
    inner = group_folds(groups[rows], inner_folds, seed)
    yy = y[rows]
    best: dict[str, tuple[float, float, np.ndarray]] = {}
    kernels = None
    for name, cols in sets.items():
        if nt.EDITORIAL_WORDS in cols:
            X = lexicon_columns(feats, cols)
            if kernels is None:
                kernels = [feats[nt.EDITORIAL_WORDS].kernel(rows[tr]) for tr, _ in inner]
            for ratios in kernel_ratios(cols):
                pairs = zip(RATIO_FEATURES, ratios, strict=False)  # the set's ratios only
                extra = sum((feats[f].kernel(r) for f, r in pairs), start=0.0)
                for alphas in word_grid(cols):
                    pred = np.zeros(len(y))
                    fold_mse = []
                    for (tr, te), K in zip(inner, kernels, strict=True):
                        pred[rows[te]] = words_fit(X, K + extra, y, rows[tr], rows[te], alphas)[0]
                        fold_mse.append(float(np.mean((pred[rows[te]] - yy[te]) ** 2)))
                    mse = float(np.mean((pred[rows] - yy) ** 2))
                    if name not in best or mse < best[name][0]:
                        best[name] = (mse, (*alphas, *ratios), np.array(fold_mse))
            continue
        X = np.column_stack([feats[c] for c in cols])[rows]
        for alpha in ALPHAS:
            pred = np.zeros(len(rows))
            fold_mse = []
            for tr, te in inner:
                pred[te] = Ridge(alpha).fit(X[tr], yy[tr]).predict(X[te])
                fold_mse.append(float(np.mean((pred[te] - yy[te]) ** 2)))
            mse = float(np.mean((pred - yy) ** 2))
            if name not in best or mse < best[name][0]:
                best[name] = (mse, alpha, np.array(fold_mse))
    top = min(best, key=lambda n: best[n][0])
    for name in sets:  # smallest first
        diff = best[name][2] - best[top][2]
        se = float(np.std(diff, ddof=1) / np.sqrt(len(diff))) if name != top else 0.0
        if best[name][0] - best[top][0] <= se:
            return name, best[name][1]
    return top, best[top][1]


#: The features fitted in the dual, as kernels, rather than as lexicon columns.
KERNEL_FEATURES = (nt.EDITORIAL_WORDS, nt.CONTEXT_WORDS, nt.SENTENCE_ENCODER)
#: The kernel features whose kernel enters with a ratio to the word penalty, in the order of
#: a choice's ratios: (lexicon alpha, word alpha, context ratio, encoder ratio).
RATIO_FEATURES = (nt.CONTEXT_WORDS, nt.SENTENCE_ENCODER)


def word_grid(cols) -> list[tuple[float, float]]:
    """The (lexicon alpha, word alpha) pairs a set with word weights tries."""
    return ENCODER_WORD_GRID if nt.SENTENCE_ENCODER in cols else WORD_GRID


def kernel_ratios(cols) -> list[tuple[float, ...]]:
    """The ratio settings a set with word weights tries (see :data:`RATIO_FEATURES`)."""
    if nt.SENTENCE_ENCODER in cols:
        return [(ENCODER_CONTEXT_RATIO, e) for e in ENCODER_RATIOS]
    if nt.CONTEXT_WORDS in cols:
        return [(r,) for r in CONTEXT_RATIOS]
    return [()]


def lexicon_columns(feats, cols) -> np.ndarray:
    """The lexicon features of ``cols`` (all but the kernel features) as columns."""
    return np.column_stack([feats[c] for c in cols if c not in KERNEL_FEATURES])


def word_kernel(feats, rows: np.ndarray, alphas: tuple) -> tuple[np.ndarray, tuple]:
    """The kernel of the word counts (vocabulary chosen on ``rows``) plus, for each ratio that
    ``alphas`` holds after the (lexicon alpha, word alpha) pair, that many times the kernel of
    the matching :data:`RATIO_FEATURES`; and the pair."""
    K = feats[nt.EDITORIAL_WORDS].kernel(rows)
    for feature, ratio in zip(RATIO_FEATURES, alphas[2:], strict=False):
        K = K + feats[feature].kernel(ratio)
    return K, alphas[:2]


def alpha_text(alpha) -> str:
    return "/".join(f"{a:g}" for a in alpha) if isinstance(alpha, tuple) else f"{alpha:g}"


def nested_cv(feats, y, groups, sets, folds, inner_folds, seed):
    pred = np.zeros(len(y))
    chosen = []
    for train, test in folds:
        name, alpha = select(feats, y, groups, train, sets, inner_folds, seed)
        X = lexicon_columns(feats, sets[name])
        if nt.EDITORIAL_WORDS in sets[name]:
            K, pair = word_kernel(feats, train, alpha)
            pred[test] = words_fit(X, K, y, train, test, pair)[0]
        else:
            pred[test] = Ridge(alpha).fit(X[train], y[train]).predict(X[test])
        chosen.append(f"{name}@{alpha_text(alpha)}")
    return pred, chosen


def fit_final(feats, y, groups, sets, inner_folds, seed) -> dict:
    rows = np.arange(len(y))
    name, alpha = select(feats, y, groups, rows, sets, inner_folds, seed)
    cols = sets[name]
    if nt.EDITORIAL_WORDS not in cols:
        model = Ridge(alpha).fit(np.column_stack([feats[c] for c in cols]), y)
        return {
            "features": cols,
            "mean": [float(v) for v in model.mean],
            "scale": [float(v) for v in model.scale],
            "coef": [float(v) for v in model.coef],
            "intercept": model.intercept,
            "alpha": alpha,
            "feature_set": name,
        }
    # Lexicon features and word counts together; the word weights, rounded to 1e-6 rating
    # units, make one feature (coefficient 1 on its raw sum) centred on its training mean.
    counts = feats[nt.EDITORIAL_WORDS]
    X = lexicon_columns(feats, cols)
    K, pair = word_kernel(feats, rows, alpha)
    _, dual, coef, intercept = words_fit(X, K, y, rows, rows[:1], pair)
    vocab = counts.vocabulary(rows)
    C = counts.C[:, vocab].astype(float)
    exact = (C - C.mean(axis=0)).T @ dual / pair[1]
    weights = np.round(exact, 6)
    word_sum = C @ weights
    kernel_sums = [word_sum]
    extra: dict = {}
    if len(alpha) >= 3:
        # β = r Xᵀ d / b on centred vectors; each piece's tone is its vector · β
        context = feats[nt.CONTEXT_WORDS]
        Xc = context.X
        beta = alpha[2] * (Xc - Xc.mean(axis=0)).T @ dual / pair[1]
        tones = np.round(context.vectors @ beta, 6)
        kernel_sums.append(context.sums(tones))
        extra = {
            "context_ratio": alpha[2],
            "context_vectors": CONTEXT_VECTORS.name,
            "context_tones": {p: float(t) for p, t in zip(context.pieces, tones, strict=True)},
        }
    if len(alpha) >= 4:
        # the same on the sentence embeddings: the model's weights on a sentence's embedding
        E = feats[nt.SENTENCE_ENCODER].X
        beta = np.round(alpha[3] * (E - E.mean(axis=0)).T @ dual / pair[1], 6)
        kernel_sums.append(E @ beta)
        extra.update(
            {
                "encoder_ratio": alpha[3],
                "encoder": "sentence_encoder.npz (all-MiniLM-L6-v2, int8)",
                "encoder_weights": [float(b) for b in beta],
            }
        )
    scale = X.std(axis=0)
    # the model as shipped (weights rounded) predicts what the dual solution predicts
    dual_pred = words_fit(X, K, y, rows, rows, pair)[0]
    Z = (X - X.mean(axis=0)) / np.where(scale == 0, 1.0, scale)
    shipped = intercept + Z @ coef + sum(v - v.mean() for v in kernel_sums)
    if not np.allclose(shipped, dual_pred, atol=1e-3):
        raise RuntimeError("the shipped word weights do not reproduce the fitted model")
    lexicon = [c for c in cols if c not in KERNEL_FEATURES]
    kernel_features = [c for c in KERNEL_FEATURES if c in cols]
    return {
        "features": lexicon + kernel_features,
        "mean": [float(v) for v in X.mean(axis=0)] + [float(v.mean()) for v in kernel_sums],
        "scale": [float(v) for v in np.where(scale == 0, 1.0, scale)] + [1.0] * len(kernel_sums),
        "coef": [float(v) for v in coef] + [1.0] * len(kernel_sums),
        "intercept": intercept,
        "alpha": alpha[0],
        "word_alpha": pair[1],
        "word_min_df": WORD_MIN_DF,
        "feature_set": name,
        "word_weights": {
            counts.words[j]: float(w)
            for j, w in sorted(zip(vocab, weights, strict=True), key=lambda p: counts.words[p[0]])
            if w
        },
        **extra,
    }


# --------------------------------------------------------------------------- main


def cross_validate(
    eval_dir: Path, folds_k: int = 10, inner_k: int = 5, seed: int = 13, log=print
) -> tuple[dict[str, dict], dict, tuple]:
    """Every row of the CV table (today's scores and the news tone on the same folds), the
    choices per fold, and the data (texts, ratings, groups, features) for a final fit."""
    t0 = time.time()
    texts, y, groups = load(eval_dir)
    log(f"{len(texts)} sentences, {len(set(groups))} editorials")
    masks = mention_masks(texts, groups)
    none = [[] for _ in texts]
    feats = feature_matrix(texts, masks)
    raw = feature_matrix(texts, none, exclude=False)
    unmasked = feature_matrix(texts, none)
    log(f"features computed in {time.time() - t0:.0f} s")
    folds = group_folds(groups, folds_k, seed)
    vader = np.array([analyse(t).compound for t in texts])
    results = {
        "VADER compound (raw, today)": metrics(vader, y, groups, THRESHOLD),
        "VADER compound, names masked (the entity-aware default)": metrics(
            feature_matrix(texts, masks, exclude=False)["vader_compound"], y, groups, THRESHOLD
        ),
        "AFINN-165 sum (today)": metrics(raw["afinn_pos"] + raw["afinn_neg"], y, groups, 0.0),
        "General Inquirer tone % (today)": metrics(
            100 * (raw["gi_pos"] - raw["gi_neg"]) / np.maximum(raw["words"], 1), y, groups, 0.0
        ),
        "General Inquirer tone %, names masked + news exclusions": metrics(
            100 * (feats["gi_pos"] - feats["gi_neg"]) / np.maximum(feats["words"], 1),
            y,
            groups,
            0.0,
        ),
    }
    no_labmt = {n: [f for f in c if not f.startswith("lm_")] for n, c in LEXICON_SETS.items()}
    no_afinn = {n: [f for f in c if not f.startswith("afinn")] for n, c in LEXICON_SETS.items()}
    # (row of the table, key of the choices, features, candidate sets)
    variants = [
        (
            "NEWS TONE (calibrated; set and penalty chosen inside each fold)",
            "news tone",
            feats,
            CANDIDATES,
        ),
        (
            "news tone without the sentence encoder (the fifth round's procedure: the static "
            "model, for articles too long to encode)",
            "static",
            feats,
            STATIC,
        ),
        (
            "news tone without context vectors (the fourth round's procedure)",
            "round 4",
            feats,
            ROUND4,
        ),
        (
            "news tone without TextBlob, labMT and sentimentr (the first rounds' procedure)",
            "before",
            feats,
            PREVIOUS,
        ),
        (
            "news tone without word weights (lexicon features only)",
            "lexicon only",
            feats,
            LEXICON_SETS,
        ),
        (
            "news tone without labMT features (lexicon features only)",
            "without labMT",
            feats,
            no_labmt,
        ),
        (
            "news tone without AFINN features (lexicon features only)",
            "without AFINN",
            feats,
            no_afinn,
        ),
        (
            "news tone, names not masked (lexicon features only)",
            "no masking",
            unmasked,
            LEXICON_SETS,
        ),
    ]
    chosen = {}
    for row, key, features, sets in variants:
        predicted, chosen[key] = nested_cv(features, y, groups, sets, folds, inner_k, seed)
        results[row] = metrics(predicted, y, groups, THRESHOLD)
    log(f"cross-validation done in {time.time() - t0:.0f} s")
    return results, chosen, (texts, y, groups, feats)


def table(results: dict[str, dict]) -> str:
    lines = ["| method | sentence r | article r | weighted F1 |", "|---|---:|---:|---:|"]
    for name, m in results.items():
        lines.append(
            f"| {name} | {m['sentence_r']:.3f} | {m['article_r']:.3f} | {m['f1_weighted']:.3f} |"
        )
    lines.append("| *targets (issue 13)* | *≥ 0.58* | *≥ 0.75* | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--eval",
        type=Path,
        default=Path("../shared/eval"),
        help="the shared evaluation folder (default ../shared/eval)",
    )
    parser.add_argument("--out", type=Path, default=MODEL, help="model JSON to write")
    parser.add_argument(
        "--static-out", type=Path, default=STATIC_MODEL, help="static model JSON to write"
    )
    parser.add_argument("--no-write", action="store_true", help="print the CV table only")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the shipped model differs from a refit"
    )
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--inner-folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    results, chosen, (texts, y, groups, feats) = cross_validate(
        args.eval, args.folds, args.inner_folds, args.seed
    )
    print()
    print(table(results))
    print()
    for name, picks in chosen.items():
        print(f"{name}: {', '.join(picks)}")
    if args.no_write:
        return 0
    common = {
        "target": "mean_rating of nyt_editorial_snippets_dev.tsv (-4 … +4)",
        "training_sentences": len(texts),
        "training_editorials": len(set(groups)),
        "masking": f"actor mentions of kinds {', '.join(MASKED_KINDS)} "
        "(analysis.actors.detect_mentions, each editorial read as one article)",
        "gi_news_exclusions": True,
        "exclusion_lists": ["gi_news_exclusions.txt", "lexicon_news_exclusions.txt"],
        "neutral_threshold": THRESHOLD,
        "command": f"scripts/fit_news_tone.py --folds {args.folds} --inner-folds "
        f"{args.inner_folds} --seed {args.seed}",
        "cv": {name: {k: round(v, 4) for k, v in m.items()} for name, m in results.items()},
    }
    stale = 0
    for sets, out in ((CANDIDATES, args.out), (STATIC, args.static_out)):
        final = {**fit_final(feats, y, groups, sets, args.inner_folds, args.seed), **common}
        text = json.dumps(final, indent=1, ensure_ascii=False) + "\n"
        if args.check:
            same = out.read_text(encoding="utf-8") == text
            print(f"{out.name}: " + ("up to date" if same else "stale: run the fit"))
            stale += not same
            continue
        out.write_text(text, encoding="utf-8")
        print(f"\nwrote {out}: set {final['feature_set']}, alpha {final['alpha']:g}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
