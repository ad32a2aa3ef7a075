"""Score actor detection on CoNLL-2003 English dev: each document analysed as its own article.

Usage::

    .venv/bin/python benchmarks/ner_benchmark.py [--eval ../shared/eval] [--split dev]
        [--errors 20] [--curve] [--model analysis/resources/ner_crf.model]

Two rows per figure:

* ``pipeline``: the product as a user runs it. Each CoNLL document is detokenised into running
  text (a sentence per paragraph), read with :func:`analysis.article.article_from_string`,
  prepared with every content zone (title, headings, captions, image titles, body: the CoNLL
  headline and dateline are annotated too) and analysed by
  :func:`analysis.actors.detect_mentions`; mentions of kind ``name`` and ``metonym`` are the
  predictions (person -> PER, state or place -> LOC, organisation -> ORG; a metonym such as
  "Washington said" or "Brussels decided" is LOC, as CoNLL tags it), nominals and demonyms
  are not (CoNLL does not tag them as PER/LOC/ORG);
* ``model``: the name recogniser alone (:meth:`NerTagger.tag_text` on the same text, with the
  CoNLL sentences as its sentences).

Scoring: exact spans, conlleval style, PER/LOC/ORG (gold MISC is ignored): precision = correct
/ predicted, recall = correct / gold, typed needs span and type, untyped the span only.
Character spans are mapped back to the gold tokens; a span that does not start and end on
token edges counts as a wrong prediction. Splits: all, non-sports and sports documents (a
sports document's headline opens with a sport label and a dash: "SOCCER - …").

``--curve`` retrains the model on 25 % and 50 % of the training documents with the shipped
model's configuration (``scripts/train_ner.py``; a few minutes each) and prints the learning
curve beside the shipped model (100 %).

Targets (issue 11), pipeline on dev: typed F1 >= 0.88, ORG >= 0.80, non-sports >= 0.90.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import tempfile
import time
from bisect import bisect_right
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
train_ner = importlib.util.module_from_spec(_spec)
sys.modules["train_ner"] = train_ner
_spec.loader.exec_module(train_ner)

from analysis.actors import detect_mentions  # noqa: E402
from analysis.actors.dictionary import load_dictionary  # noqa: E402
from analysis.actors.ner.tagger import DEFAULT_MODEL, NerTagger  # noqa: E402
from analysis.article import article_from_string  # noqa: E402
from analysis.text import prepare  # noqa: E402

TYPES = ("PER", "LOC", "ORG")
OUR_TYPE = {"person": "PER", "state": "LOC", "place": "LOC", "organization": "ORG"}
SCORED_KINDS = ("name", "metonym")
ZONES = ("title", "headings", "captions", "image_titles", "body")
SPLITS = ("all", "non-sports", "sports")
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'S",
    "n't",
    "'ll",
    "'re",
    "'ve",
    "'d",
    "'m",
    "'",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}

Span = tuple[int, int, str]


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Running text of CoNLL tokens and each token's character span."""
    text, offsets, quote_open = "", [], False
    for i, tok in enumerate(tokens):
        space = bool(text) and tok not in _NO_SPACE_BEFORE and tokens[i - 1] not in _NO_SPACE_AFTER
        if tok == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif i and tokens[i - 1] == '"' and quote_open:
            space = False
        if space:
            text += " "
        offsets.append((len(text), len(text) + len(tok)))
        text += tok
    return text, offsets


def gold_spans(tags: list[str]) -> set[Span]:
    """``(first token, last token + 1, type)`` of the PER/LOC/ORG entities (IOB1 or IOB2)."""
    found: set[Span] = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if start is not None and (tag == "O" or prefix == "B" or label != kind):
            if kind in TYPES:
                found.add((start, i, kind))
            start, kind = None, None
        if tag != "O" and start is None:
            start, kind = i, label
    return found


def doc_text(doc) -> tuple[str, list[tuple[int, int]], list[list[tuple[int, int]]]]:
    """A document's text (a sentence per paragraph), sentence ranges and gold token spans."""
    parts, ranges, offsets, pos = [], [], [], 0
    for sentence in doc.sentences:
        text, spans = detokenise([t for t, _ in sentence])
        parts.append(text)
        ranges.append((pos, pos + len(text)))
        offsets.append([(a + pos, b + pos) for a, b in spans])
        pos += len(text) + 2
    return "\n\n".join(parts), ranges, offsets


def to_token_spans(found: list[Span], offsets: list[list[tuple[int, int]]]) -> list[set[Span]]:
    """Character spans per sentence as token spans (off-edge spans stay, as wrong ones)."""
    starts, ends = {}, {}
    for s, toks in enumerate(offsets):
        for i, (a, b) in enumerate(toks):
            starts[a], ends[b] = (s, i), (s, i)
    out: list[set[Span]] = [set() for _ in offsets]
    sentence_starts = [toks[0][0] if toks else 0 for toks in offsets]
    for a, b, kind in found:
        first, last = starts.get(a), ends.get(b)
        if first and last and first[0] == last[0]:
            out[first[0]].add((first[1], last[1] + 1, kind))
        else:  # not on gold token edges: a wrong prediction in the sentence it starts in
            out[max(0, bisect_right(sentence_starts, a) - 1)].add((-1 - a, -1 - b, kind))
    return out


class Score:
    """Span counts for precision, recall and F1 per type and overall (``ALL``)."""

    def __init__(self) -> None:
        self.correct: Counter[str] = Counter()
        self.predicted: Counter[str] = Counter()
        self.gold: Counter[str] = Counter()

    def add(self, gold: set[Span], predicted: set[Span], typed: bool = True) -> None:
        """Count one sentence."""
        if not typed:
            gold = {(a, b, "ANY") for a, b, _ in gold}
            predicted = {(a, b, "ANY") for a, b, _ in predicted}
        for counter, group in (
            (self.gold, gold),
            (self.predicted, predicted),
            (self.correct, gold & predicted),
        ):
            for *_, kind in group:
                counter[kind] += 1
                counter["ALL"] += 1

    def prf(self, kind: str = "ALL") -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = self.correct[kind] / self.predicted[kind] if self.predicted[kind] else 0.0
        r = self.correct[kind] / self.gold[kind] if self.gold[kind] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pipeline_spans(text: str, dictionary, tagger: NerTagger | None) -> list[Span]:
    """The product's name and metonym mentions of one document as typed character spans."""
    doc = prepare(article_from_string(text), ZONES)
    return [
        (m.start, m.end, "LOC" if m.kind == "metonym" else OUR_TYPE[m.type])
        for m in detect_mentions(doc, dictionary, tagger=tagger)
        if m.kind in SCORED_KINDS
    ]


def model_spans(text: str, ranges: list[tuple[int, int]], tagger: NerTagger) -> list[Span]:
    """The recogniser's PER/LOC/ORG spans of one document."""
    return tagger.tag_text(text, ranges)


def cpu_seconds() -> float:
    """User + system CPU seconds of this process."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def evaluate(
    docs, tagger: NerTagger, dictionary, errors: Counter | None = None
) -> tuple[dict, dict[str, float]]:
    """Scores per (method, split, typed) and CPU seconds per method."""
    scores = {
        (method, split, typed): Score()
        for method in ("pipeline", "model")
        for split in SPLITS
        for typed in (True, False)
    }
    seconds = {"pipeline": 0.0, "model": 0.0}
    for doc in docs:
        text, ranges, offsets = doc_text(doc)
        started = cpu_seconds()
        pipe = to_token_spans(pipeline_spans(text, dictionary, tagger), offsets)
        middle = cpu_seconds()
        model = to_token_spans(model_spans(text, ranges, tagger), offsets)
        seconds["pipeline"] += middle - started
        seconds["model"] += cpu_seconds() - middle
        splits = ("all", "sports" if doc.sports else "non-sports")
        for s, sentence in enumerate(doc.sentences):
            gold = gold_spans([t for _, t in sentence])
            for method, predicted in (("pipeline", pipe[s]), ("model", model[s])):
                for split in splits:
                    for typed in (True, False):
                        scores[method, split, typed].add(gold, predicted, typed)
            if errors is not None:
                words = [t for t, _ in sentence]
                tag = "S" if doc.sports else "N"
                for a, b, kind in gold - pipe[s]:
                    errors[f"missed   {tag} {kind} {' '.join(words[a:b])}"] += 1
                for a, b, kind in pipe[s] - gold:
                    shown = " ".join(words[a:b]) if a >= 0 else "<off token edges>"
                    errors[f"spurious {tag} {kind} {shown}"] += 1
    return scores, seconds


def print_table(scores: dict) -> None:
    """P/R/F1 per split, method and type."""
    print(
        f"{'split':<11} {'method':<9} {'kind':<8} {'type':<4} {'gold':>6} {'pred':>6} "
        f"{'P':>6} {'R':>6} {'F1':>6}"
    )
    for split in SPLITS:
        for method in ("pipeline", "model"):
            for typed in (True, False):
                score = scores[method, split, typed]
                for kind in [*TYPES, "ALL"] if typed else ["ALL"]:
                    p, r, f = score.prf(kind)
                    label = "typed" if typed else "untyped"
                    print(
                        f"{split:<11} {method:<9} {label:<8} {kind:<4} {score.gold[kind]:>6} "
                        f"{score.predicted[kind]:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f}"
                    )


def learning_curve(args: argparse.Namespace, docs, dictionary, full: dict) -> None:
    """Retrain on 25 % and 50 % of train like the shipped model; print dev F1 per share."""
    train_path = args.eval / "ner" / "conll2003_train.txt"
    print(f"\nlearning curve (configuration of {args.model.name}; dev, typed F1)")
    print(
        f"{'train':>6} {'docs':>5} {'tokens':>7} {'train s':>8} {'method':<9} {'ALL':>6} "
        f"{'PER':>6} {'LOC':>6} {'ORG':>6} {'non-sp':>7} {'sports':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for fraction in (0.25, 0.5, 1.0):
            if fraction < 1:
                path = Path(tmp) / f"curve{int(fraction * 100)}.model"
                meta = train_ner.train_like(args.model, train_path, fraction, path)
                seconds = meta["features_s"] + meta["train_s"]
                scores, _ = evaluate(docs, NerTagger(path), dictionary)
            else:
                meta, seconds, scores = full["meta"], float("nan"), full["scores"]
            shown = f"{seconds:>8.0f}" if seconds == seconds else f"{'(shipped)':>8}"
            for method in ("pipeline", "model"):
                typed = scores[method, "all", True]
                print(
                    f"{fraction:>6.0%} {meta['documents']:>5} {meta['tokens']:>7} "
                    f"{shown} {method:<9} {typed.prf()[2]:>6.3f} "
                    f"{typed.prf('PER')[2]:>6.3f} {typed.prf('LOC')[2]:>6.3f} "
                    f"{typed.prf('ORG')[2]:>6.3f} "
                    f"{scores[method, 'non-sports', True].prf()[2]:>7.3f} "
                    f"{scores[method, 'sports', True].prf()[2]:>7.3f}"
                )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--eval",
        type=Path,
        default=ROOT.parent / "shared" / "eval",
        help="evaluation data folder (default ../shared/eval)",
    )
    parser.add_argument("--split", default="dev", help="CoNLL split to score (default dev)")
    parser.add_argument(
        "--model", type=Path, default=DEFAULT_MODEL, help="name model (default: the packaged one)"
    )
    parser.add_argument(
        "--errors", type=int, default=0, help="print this many of the most frequent pipeline errors"
    )
    parser.add_argument(
        "--curve",
        action="store_true",
        help="learning curve: retrain on 25 %% and 50 %% of train (slow)",
    )
    args = parser.parse_args(argv)
    path = args.eval / "ner" / f"conll2003_{args.split}.txt"
    if not path.exists():
        print(f"{path}: not found; pass --eval pointing at the evaluation folder", file=sys.stderr)
        return 2
    docs = train_ner.read_docs(path)
    dictionary = load_dictionary()
    started = time.perf_counter()
    tagger = NerTagger(args.model)
    load_s = time.perf_counter() - started
    errors: Counter | None = Counter() if args.errors else None
    scores, seconds = evaluate(docs, tagger, dictionary, errors)
    n_tokens = sum(d.n_tokens for d in docs)
    n_sports = sum(d.sports for d in docs)
    print(
        f"CoNLL-2003 {args.split}: {len(docs)} documents ({n_sports} sports, "
        f"{len(docs) - n_sports} non-sports), {n_tokens} tokens; model {args.model.name} "
        f"({args.model.stat().st_size / 1e6:.1f} MB, loaded in {load_s:.2f} s)"
    )
    print(
        f"CPU seconds: pipeline (reading, sentences, recogniser, dictionary, linking) "
        f"{seconds['pipeline']:.1f} s ({n_tokens / seconds['pipeline']:,.0f} tokens/s); "
        f"recogniser alone {seconds['model']:.1f} s "
        f"({n_tokens / seconds['model']:,.0f} tokens/s)\n"
    )
    print_table(scores)
    if errors:
        print("\nmost frequent pipeline errors (N = non-sports, S = sports):")
        for item, n in errors.most_common(args.errors):
            print(f"  {n:>3} {item}")
    if args.curve:
        meta = json.loads(args.model.with_suffix(".model.json").read_text(encoding="utf-8"))
        learning_curve(args, docs, dictionary, {"meta": meta, "scores": scores})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
