"""Corpus-mode throughput and peak memory: a plain loop against Dask with 1 and 2 workers.

Builds a corpus of real text in a temporary folder (never in the repository):

* the New York Times editorials of ``sentiment/nyt_editorial_snippets_dev.tsv``, one article per
  editorial (``id`` is ``editorial_sentence``), four sentences to a paragraph;
* the Reuters sentences of ``ner/conll2003_dev.txt``, detokenised with NLTK's Treebank
  detokeniser and grouped twenty to an article, four to a paragraph;

replicated (with new ids and sources) to ``--articles`` articles and written as JSON Lines.
Each configuration then runs in its own Python process through
:func:`analysis.corpus.run_corpus` (so peak memory is measured per configuration):

* ``plain loop``: ``workers=0``, the partitions one after the other in one process, no Dask;
  the same helpers (read, ``build_record``, flatten, write Parquet);
* ``dask N``: a local cluster of N worker processes with one thread each.

With ``--repeat N`` each configuration runs N times and the fastest run is shown (the machine
may be shared; the fastest run is the least disturbed one), with the largest peak memory.
Throughput is articles per second of wall time, cluster start included (``articles/s``) and
excluded (``running/s``: from the moment the cluster is up). Peak memory is the
peak resident set (``getrusage`` ``ru_maxrss``) of the client process and of the largest
worker. Run at two sizes (``--articles 20000,40000``) to see whether memory grows with the
corpus.

Usage::

    .venv/bin/python benchmarks/corpus_benchmark.py [--eval ../shared/eval]
        [--articles 20000,40000] [--workers 1,2] [--partition-size 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PER_REUTERS_ARTICLE = 20
PER_PARAGRAPH = 4


def editorials(path: Path) -> list[tuple[str, list[str]]]:
    """NYT editorials: ``(editorial id, sentences)`` in file order."""
    groups: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            editorial = row["id"].split("_", 1)[0]
            groups.setdefault(editorial, []).append(row["text"].strip())
    return list(groups.items())


def reuters(path: Path) -> list[tuple[str, list[str]]]:
    """CoNLL-2003 sentences detokenised, grouped twenty to an article."""
    from nltk.tokenize.treebank import TreebankWordDetokenizer

    detok = TreebankWordDetokenizer()
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            tokens.append(line.split()[0])
        elif tokens:
            sentences.append(detok.detokenize(tokens))
            tokens = []
    return [
        (f"r{i // PER_REUTERS_ARTICLE}", sentences[i : i + PER_REUTERS_ARTICLE])
        for i in range(0, len(sentences), PER_REUTERS_ARTICLE)
    ]


def body(sentences: list[str]) -> str:
    return "\n\n".join(
        " ".join(sentences[i : i + PER_PARAGRAPH]) for i in range(0, len(sentences), PER_PARAGRAPH)
    )


def build_corpus(eval_dir: Path, n_articles: int, target: Path) -> tuple[int, int]:
    """Write ``n_articles`` articles as JSON Lines; return (base articles, bytes written)."""
    base = [
        ("nyt", key, sents)
        for key, sents in editorials(eval_dir / "sentiment" / "nyt_editorial_snippets_dev.tsv")
    ]
    base += [
        ("reuters", key, sents) for key, sents in reuters(eval_dir / "ner" / "conll2003_dev.txt")
    ]
    with target.open("w", encoding="utf-8") as handle:
        for i in range(n_articles):
            source, key, sents = base[i % len(base)]
            copy = i // len(base)
            handle.write(
                json.dumps(
                    {
                        "id": f"{source}-{key}-{copy}",
                        "source": source,
                        "date": f"1996-{1 + copy % 12:02d}-{1 + i % 28:02d}",
                        "title": "",
                        "text": body(sents),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return len(base), target.stat().st_size


def record_sections(corpus: Path) -> list[str]:
    """The sections of the result record for the corpus's first article (what is measured)."""
    import analysis.corpus.run as corpus_module
    from analysis.corpus.inputs import article_from_body

    first = json.loads(corpus.open(encoding="utf-8").readline())
    record = corpus_module.build_record(article_from_body(first["text"], article_id="x"))
    return [key for key, value in record.items() if isinstance(value, dict | list)]


def run_one(args: argparse.Namespace) -> None:
    """One configuration in this process; prints its result as one JSON line."""
    from analysis.corpus.run import run_corpus

    result = run_corpus(
        args.input, args.out, workers=args.one, partition_size=args.partition_size, progress=False
    )
    print(
        json.dumps(
            {
                "articles": result.articles,
                "failures": result.failures,
                "seconds": result.seconds,
                "per_second": result.articles_per_second,
                "running": result.articles_per_second_running,
                "startup": result.startup_seconds,
                "client_mb": result.peak_client_rss_mb,
                "worker_mb": result.peak_worker_rss_mb if args.one else None,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--eval",
        type=Path,
        default=ROOT.parent / "shared" / "eval",
        help="the evaluation data folder (default ../shared/eval)",
    )
    parser.add_argument(
        "--articles", default="20000", help="corpus sizes, comma-separated (default 20000)"
    )
    parser.add_argument("--workers", default="1,2", help="Dask worker counts (default 1,2)")
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs per configuration; the fastest is shown (default 1)",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one config
    parser.add_argument("--input", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        run_one(args)
        return

    sizes = [int(n) for n in args.articles.split(",")]
    worker_counts = [int(n) for n in args.workers.split(",")]
    rows = []
    plain_by_size: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        for size in sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            n_base, n_bytes = build_corpus(args.eval, size, corpus)
            print(
                f"corpus: {size} articles ({n_base} distinct, replicated), "
                f"{n_bytes / 1e6:.1f} MB of JSON Lines; record sections: "
                f"{', '.join(record_sections(corpus))}",
                flush=True,
            )
            plain = None
            for workers in [0, *worker_counts]:
                out = Path(tmp) / f"out-{size}-{workers}"
                runs = []
                for _ in range(max(1, args.repeat)):
                    done = subprocess.run(
                        [
                            sys.executable,
                            __file__,
                            "--one",
                            str(workers),
                            "--input",
                            str(corpus),
                            "--out",
                            str(out),
                            "--partition-size",
                            str(args.partition_size),
                        ],
                        capture_output=True,
                        text=True,
                        cwd=ROOT,
                    )
                    if done.returncode:
                        sys.exit(f"the run with {workers} workers failed:\n{done.stderr[-3000:]}")
                    runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
                result = min(runs, key=lambda r: r["seconds"])
                # Peak memory: the largest over the repeats.
                for key in ("client_mb", "worker_mb"):
                    peaks = [r[key] for r in runs if r[key] is not None]
                    result[key] = max(peaks) if peaks else None
                if workers == 0:
                    plain = plain_by_size[size] = result["per_second"]
                label = (
                    "plain loop"
                    if workers == 0
                    else f"dask {workers} worker" + ("s" if workers > 1 else "")
                )
                rows.append((size, label, result, result["per_second"] / plain))
                print(f"  {label}: {result['per_second']:.1f} articles/s", flush=True)

    print()
    print(
        f"{'articles':>8}  {'configuration':<15} {'seconds':>8} {'startup':>7} "
        f"{'articles/s':>10} {'vs plain':>8} {'running/s':>9} {'vs plain':>8} "
        f"{'failures':>8} {'client MB':>9} {'worker MB':>9}"
    )
    for size, label, result, ratio in rows:
        worker = "-" if result["worker_mb"] is None else f"{result['worker_mb']:.0f}"
        running = result["running"] / plain_by_size[size]
        print(
            f"{size:>8}  {label:<15} {result['seconds']:>8.1f} {result['startup']:>7.1f} "
            f"{result['per_second']:>10.1f} {ratio:>7.2f}x {result['running']:>9.1f} "
            f"{running:>7.2f}x {result['failures']:>8} {result['client_mb']:>9.0f} "
            f"{worker:>9}"
        )
    print(
        "\ntargets: 1 worker >= 0.90x the plain loop; 2 workers >= 1.70x; peak memory flat "
        "across sizes"
    )


if __name__ == "__main__":
    main()
