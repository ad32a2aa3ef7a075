"""Issue 13, fourth round: variants of the news tone measured with the shipped procedure's
outer folds (10-fold grouped by editorial, seed 13) and every choice made inside each outer
training part (5-fold grouped inner CV, seed 13), as in ``scripts/fit_news_tone.py``.

Usage: ``.venv/bin/python benchmarks/tone_round4.py --eval ../shared/eval [--variant NAME …]``

Variants (each prints sentence r / article r / weighted F1 of the outer predictions):

- ``shipped``: ``compact+lex+words`` with the shipped (lexicon alpha, word alpha) grid (the
  reference; the shipped procedure also offers the smaller sets, which it never kept);
- ``joint``: the same linear model fitted with an extra article term,
  ``Σ_i r_i² + w Σ_g n_g r̄_g²`` (``r̄_g`` the editorial's mean residual), i.e. extra
  least-squares rows for the editorials' means weighted ``w·n_g``; ``w`` from a grid chosen in
  the inner CV together with the penalties (several selection rules are printed);
- ``joint@W``: the same with ``w`` fixed (for reference, not a procedure);
- ``lexicon-only``: the lexicon features alone (alpha from the shipped grid, inner MSE);
- ``lexicon:KEY:POS:NEG``: the lexicon features plus a word list's squashed positive and
  negative sums, computed as TextBlob's and labMT's (``KEY`` must not be a lexicon of the
  module: ``tb``, ``lm``, ``sr``), lexicon features only and with word weights;
- ``other:MODEL.json``: that model (no masking) and VADER's compound on the tweets, movie
  and Amazon files, Pearson r against their ratings (measurement only, nothing is fitted);
- ``stems``: the word weights over Porter stems of the ordinary words instead of the words;
- ``words+stems``: both;
- ``kernel:VECTORS.npy:RATIO`` (fifth round): the shipped procedure's word-weight set plus
  a ridge over per-sentence vectors (one row per sentence of the development file, in file
  order; e.g. ``benchmarks/encoder_vectors.py``), whose kernel enters as RATIO × V Vᵀ beside the
  word counts' (the ratio fixed, the penalties from the shipped grid).

``--round3`` uses the third round's lexicon features (the shipped ones before the sentimentr
lexicon): the round's rows were measured so. Features are cached in ``--cache`` (a pickle of
the lexicon features as the code computes them; delete it after changing the features).

Rows of the fourth round (model card), before the sentimentr lexicon was added to the code
(``--round3`` reproduces them; the sentimentr rows used ``lexicon:sr:…`` on the sentimentr 2.0
lists before the module had them, now ``lexicon:xx:…`` with ``--round3``)::

    tone_round4.py --round3 --variant shipped --variant joint
    tone_round4.py --round3 --seed 1 --variant shipped --variant lexicon-only \\
        --variant "lexicon:xx:$SR/pos lexicon.txt:$SR/neg lexicon.txt"

and after it (the shipped features)::

    tone_round4.py --variant shipped --variant stems --variant words+stems  # also --seed 1, 2
    tone_round4.py --variant other:analysis/resources/news_tone.json

"""

from __future__ import annotations

import argparse
import importlib.util
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location(
    "fit_news_tone", ROOT / "scripts" / "fit_news_tone.py"
)
fit = importlib.util.module_from_spec(_spec)
sys.modules["fit_news_tone"] = fit
_spec.loader.exec_module(fit)

from analysis.sentiment import news_tone as nt  # noqa: E402

LEX = [c for c in fit.CANDIDATES["compact+lex+words"] if c != nt.EDITORIAL_WORDS]
#: The third round's lexicon features (before the sentimentr lexicon): ``--round3``.
LEX_ROUND3 = [c for c in LEX if not c.startswith("sr_")]
W_GRID = [0.0, 0.5, 1.0, 2.0, 4.0]


def block_projector(groups: np.ndarray) -> np.ndarray:
    """P with P[i, j] = 1 / n_g when i and j are in editorial g, else 0."""
    same = groups[:, None] == groups[None, :]
    n = same.sum(axis=1)
    return same / n[:, None]


def joint_fit(X, K, y, groups, tr, te, alphas, w):
    """Ridge over standardised lexicon features (alpha a) and word counts (kernel K, alpha b)
    with loss r'(I + wP)r: dual coefficients solve (K_a,b + (I + wP)^-1) d = y - ȳ, where
    (I + wP)^-1 = I - w/(1+w) P. The intercept stays the training mean (centred columns)."""
    a, b = alphas
    return joint_fits(X, K, y, groups, tr, te, [a], b, w)[a]


def joint_fits(X, K, y, groups, tr, te, lex_alphas, b, w):
    """:func:`joint_fit` for several lexicon alphas at once (Woodbury: one solve with
    A = K/b + (I + wP)^-1, then a rank-12 update per lexicon alpha)."""
    mean, scale = X[tr].mean(axis=0), X[tr].std(axis=0)
    scale = np.where(scale == 0, 1.0, scale)
    Z, Zte = (X[tr] - mean) / scale, (X[te] - mean) / scale
    intercept = float(y[tr].mean())
    A = np.eye(len(tr))
    Wte = None
    if K is not None:
        Wtr, Wte = fit._centred(K, tr, te)
        A = A + Wtr / b
    if w:
        A = A - (w / (1 + w)) * block_projector(groups[tr])
    yc = y[tr] - intercept
    S = np.linalg.solve(A, np.column_stack([yc, Z]))
    Ay, AZ = S[:, 0], S[:, 1:]
    ZAZ, ZAy = Z.T @ AZ, Z.T @ Ay
    out = {}
    for a in lex_alphas:
        dual = Ay - AZ @ np.linalg.solve(a * np.eye(Z.shape[1]) + ZAZ, ZAy)
        pred = Zte @ (Z.T @ dual) / a + intercept
        if Wte is not None:
            pred = pred + Wte @ dual / b
        out[a] = pred
    return out


def article_scores(pred, y, groups):
    """(n-weighted article MSE, article r) of predictions ``pred`` for ratings ``y``."""
    keys, inv, n = np.unique(groups, return_inverse=True, return_counts=True)
    pm = np.bincount(inv, pred) / n
    ym = np.bincount(inv, y) / n
    return float(np.sum(n * (pm - ym) ** 2) / len(y)), fit.pearson(pm, ym)


def run(feats, y, groups, folds, inner_k, seed, kernel_of, w_grid, grid, log):
    """Nested CV over (w, alphas); returns outer predictions per selection rule."""
    X = fit.lexicon_columns(feats, LEX)
    rules = ("sentence MSE", "objective", "article MSE", "article r")
    preds = {r: np.zeros(len(y)) for r in rules}
    chosen = {r: [] for r in rules}
    for fo, (train, test) in enumerate(folds):
        inner = fit.group_folds(groups[train], inner_k, seed)
        kernels = [kernel_of(train[tr]) for tr, _ in inner]
        stats = {}
        for w in w_grid:
            for alphas, p in inner_predictions(X, y, groups, train, inner, kernels, grid, w):
                pp, yy, gg = p[train], y[train], groups[train]
                s_mse = float(np.mean((pp - yy) ** 2))
                a_mse, a_r = article_scores(pp, yy, gg)
                stats[(w, alphas)] = {
                    "sentence MSE": s_mse,
                    "objective": s_mse + w * a_mse,
                    "article MSE": a_mse,
                    "article r": -a_r,
                }
        for rule in rules:
            if rule == "objective":
                # per w the penalties of the lowest objective, then w by inner article r
                best = {}
                for (w, al), s in stats.items():
                    if w not in best or s["objective"] < stats[(w, best[w])]["objective"]:
                        best[w] = al
                key = min(((w, al) for w, al in best.items()), key=lambda k: stats[k]["article r"])
            else:
                key = min(stats, key=lambda k: stats[k][rule])
            K = kernel_of(train)
            preds[rule][test] = joint_fit(X, K, y, groups, train, test, key[1], key[0])
            chosen[rule].append(key)
        log(f"fold {fo}: " + "; ".join(f"{r}: {chosen[r][-1]}" for r in rules))
    return preds, chosen


def inner_predictions(X, y, groups, train, inner, kernels, grid, w):
    """(alphas, out-of-fold predictions on ``train``) for every pair of ``grid``."""
    by_b: dict[float, list[float]] = {}
    for a, b in grid:
        by_b.setdefault(b, []).append(a)
    preds = {(a, b): np.zeros(len(y)) for a, b in grid}
    for (tr, te), K in zip(inner, kernels, strict=True):
        for b, lex in by_b.items():
            for a, p in joint_fits(X, K, y, groups, train[tr], train[te], lex, b, w).items():
                preds[(a, b)][train[te]] = p
    return list(preds.items())


def fixed(feats, y, groups, folds, inner_k, seed, kernel_of, w, grid, lex=None):
    """Nested CV with w fixed (penalties chosen in the inner CV by the fit's own objective)."""
    X = fit.lexicon_columns(feats, LEX if lex is None else lex)
    pred = np.zeros(len(y))
    for train, test in folds:
        inner = fit.group_folds(groups[train], inner_k, seed)
        kernels = [kernel_of(train[tr]) for tr, _ in inner]
        best = None
        for alphas, p in inner_predictions(X, y, groups, train, inner, kernels, grid, w):
            pp = p[train]
            obj = (
                float(np.mean((pp - y[train]) ** 2))
                + w * article_scores(pp, y[train], groups[train])[0]
            )
            if best is None or obj < best[0]:
                best = (obj, alphas)
        pred[test] = joint_fit(X, kernel_of(train), y, groups, train, test, best[1], w)
    return pred


def fixed_lexicon(feats, y, groups, folds, lex, seed=13):
    """The lexicon features only, alpha from the shipped grid by the inner pooled MSE."""
    pred = np.zeros(len(y))
    for train, test in folds:
        _, alpha = fit.select(feats, y, groups, train, {"s": lex}, 5, seed)
        X = fit.lexicon_columns(feats, lex)
        pred[test] = fit.Ridge(alpha).fit(X[train], y[train]).predict(X[test])
    return pred


class StemCounts(fit.WordCounts):
    """Word counts over Porter stems of the ordinary words (and optionally the words too)."""

    def __init__(self, texts, masks, mode: str) -> None:
        from nltk.stem.porter import PorterStemmer

        stem = PorterStemmer().stem

        def keys(word: str) -> list[str]:
            found = []
            if mode in ("stems", "words+stems"):
                found.append("~" + stem(word.lower()))
            if mode == "words+stems":
                found.append(word)
            return found

        super().__init__(texts, masks, keys)


def lexicon_pair_features(texts, masks, pos_path: Path, neg_path: Path, key: str):
    """``<key>_pos_sat`` and ``<key>_neg_sat`` of a word list (``word<TAB>value`` lines, ``#``
    header), computed exactly as TextBlob's and labMT's: per word its value, ×-0.74 within
    three words after a negation, negation words and news-excluded words without value,
    positive and negative sums squashed. The module is patched for the computation only."""
    values: dict[str, float] = {}
    for path in (pos_path, neg_path):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            word, value = line.split("\t")[:2]
            if " " not in word.strip():
                values[word.strip().lower()] = float(value)
    original = nt._extra_values
    saved = (nt._EXTRA_FEATURES, nt.SATURATED, nt.FEATURE_NAMES)

    def extra(norm: str, exclude: bool = True):
        out = original(norm, exclude)
        if "negations" in nt._word_features(norm, exclude) or (
            exclude and norm in nt._all_exclusions()
        ):
            return out
        v = values.get(norm)
        return out + ((key, v),) if v else out

    names = (f"{key}_pos", f"{key}_neg")
    nt._extra_values = extra
    nt._EXTRA_FEATURES = saved[0] | frozenset(names)
    nt.SATURATED = saved[1] + names
    nt.FEATURE_NAMES = saved[2] + names + tuple(f"{n}_sat" for n in names)
    try:
        rows = [nt.features(t, m) for t, m in zip(texts, masks, strict=True)]
    finally:
        nt._extra_values = original
        nt._EXTRA_FEATURES, nt.SATURATED, nt.FEATURE_NAMES = saved
    print(f"{key}: {len(values)} words", flush=True)
    return {f"{n}_sat": np.array([r[f"{n}_sat"] for r in rows]) for n in names}


def other_sets(eval_dir: Path, model_path: Path) -> None:
    """Pearson r of a model's scores (no masking) and of VADER's compound on the other sets."""
    from analysis.sentiment.vader import analyse

    model = nt.load_model(model_path)
    for name in ("tweets", "movie_review_snippets", "amazon_review_snippets"):
        path = eval_dir / "sentiment" / f"{name}.tsv"
        rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
        y = np.array([float(r[1]) for r in rows])
        texts = ["\t".join(r[2:]) for r in rows]
        nt.prime(model, [(t, ()) for t in texts])  # the sentence encoder, in batches
        score = np.array([nt.score_sentence(t, (), model)[0] for t in texts])
        vader = np.array([analyse(t).compound for t in texts])
        print(
            f"{name}: {model_path.name} r {fit.pearson(score, y):.3f}, "
            f"VADER r {fit.pearson(vader, y):.3f}",
            flush=True,
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tone_round4_feats.pkl"))
    parser.add_argument("--variant", action="append", default=None)
    parser.add_argument("--seed", type=int, default=13, help="outer and inner fold seed")
    parser.add_argument(
        "--round3",
        action="store_true",
        help="the third round's lexicon features (no sentimentr), as the round's rows were run",
    )
    args = parser.parse_args(argv)
    global LEX
    if args.round3:
        LEX = LEX_ROUND3
    t0 = time.time()
    texts, y, groups = fit.load(args.eval)
    if args.cache.is_file():
        feats, masks = pickle.loads(args.cache.read_bytes())
    else:
        masks = fit.mention_masks(texts, groups)
        feats = fit.feature_matrix(texts, masks)
        args.cache.write_bytes(pickle.dumps((feats, masks)))
    print(f"features in {time.time() - t0:.0f} s", flush=True)
    folds = fit.group_folds(groups, 10, args.seed)
    seed = args.seed
    words = feats[nt.EDITORIAL_WORDS]
    variants = args.variant or ["shipped", "joint"]

    def show(name, pred):
        m = fit.metrics(pred, y, groups, fit.THRESHOLD)
        print(
            f"| {name} | {m['sentence_r']:.3f} | {m['article_r']:.3f} | {m['f1_weighted']:.3f} |",
            flush=True,
        )

    for v in variants:
        if v.startswith("other:"):
            other_sets(args.eval, Path(v.split(":", 1)[1]))
        elif v == "shipped":
            show(v, fixed(feats, y, groups, folds, 5, seed, words.kernel, 0.0, fit.WORD_GRID))
        elif v == "lexicon-only":
            show(v, fixed_lexicon(feats, y, groups, folds, LEX, seed))
        elif v == "joint":
            preds, chosen = run(
                feats, y, groups, folds, 5, seed, words.kernel, W_GRID, fit.WORD_GRID, print
            )
            for rule, p in preds.items():
                show(f"joint, (w, alphas) by inner {rule}", p)
        elif v.startswith("joint@"):
            w = float(v.split("@")[1])
            show(v, fixed(feats, y, groups, folds, 5, seed, words.kernel, w, fit.WORD_GRID))
        elif v.startswith("lexicon:"):
            # lexicon:KEY:POS_FILE:NEG_FILE
            _, key, pos, neg = v.split(":")
            extra = lexicon_pair_features(texts, masks, Path(pos), Path(neg), key)
            both = {**feats, **extra}
            lex = LEX + list(extra)
            show(f"{v} (lexicon features only)", fixed_lexicon(both, y, groups, folds, lex, seed))
            show(v, fixed(both, y, groups, folds, 5, seed, words.kernel, 0.0, fit.WORD_GRID, lex))
        elif v.startswith("kernel:"):
            path, ratio = v[len("kernel:") :].rsplit(":", 1)
            V = np.load(path).astype(float)
            extra = float(ratio) * (V @ V.T)

            def kernel(rows, extra=extra):
                return words.kernel(rows) + extra

            show(v, fixed(feats, y, groups, folds, 5, seed, kernel, 0.0, fit.WORD_GRID))
        elif v in ("stems", "words+stems"):
            counts = StemCounts(texts, masks, v)
            show(v, fixed(feats, y, groups, folds, 5, seed, counts.kernel, 0.0, fit.WORD_GRID))
        print(f"  ({time.time() - t0:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
