"""Article and sentence tone against human ratings of editorials: today's VADER beside the
entity-aware VADER and the calibrated news tone, on the same grouped folds.

For ``<eval>/sentiment/nyt_editorial_snippets_dev.tsv`` (sentences of New York Times editorials,
mean ratings of 20 people on -4 … +4) this prints, per method: **sentence r** (Pearson r of the
score and the rating over all sentences, each predicted by a model that never saw its
editorial: 10-fold cross-validation grouped by editorial), **article r** (per editorial the mean
of its sentences' scores against the mean of their ratings), and the weighted three-class F1.
The news tone's feature set and penalty are chosen inside each fold (nested CV), so its figures
measure the whole fitting procedure of ``scripts/fit_news_tone.py``, which shares this code.

A held-out half of the editorials is not in this folder: the same command scores it when given
a folder that holds it (``--eval``), with the shipped model (``--shipped``: no refitting).

Usage: ``.venv/bin/python benchmarks/tone_benchmark.py [--eval ../shared/eval] [--shipped]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location(
    "fit_news_tone", ROOT / "scripts" / "fit_news_tone.py"
)
fit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fit)

from analysis.sentiment import news_tone as nt  # noqa: E402
from analysis.sentiment.vader import analyse  # noqa: E402


def shipped(eval_dir: Path) -> dict[str, dict]:
    """The shipped model and today's VADER on every sentence of the file (no refitting)."""
    texts, y, groups = fit.load(eval_dir)
    masks = fit.mention_masks(texts, groups)
    model = nt.load_model()
    nt.prime(model, zip(texts, masks, strict=True))  # the sentence encoder, in batches
    news = np.array([nt.score_sentence(t, m, model)[0] for t, m in zip(texts, masks, strict=True)])
    vader = np.array([analyse(t).compound for t in texts])
    return {
        "VADER compound (raw, today)": fit.metrics(vader, y, groups, fit.THRESHOLD),
        "NEWS TONE (shipped model)": fit.metrics(news, y, groups, fit.THRESHOLD),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--eval",
        type=Path,
        default=Path("../shared/eval"),
        help="the shared evaluation folder (default ../shared/eval)",
    )
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="score the shipped model as it is (for data it was not fitted on)",
    )
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    if args.shipped:
        print(fit.table(shipped(args.eval)))
        return 0
    results, chosen, _ = fit.cross_validate(args.eval, args.folds, 5, args.seed)
    print()
    print(fit.table(results))
    print(f"\nnews tone, chosen per fold: {', '.join(chosen['news tone'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
