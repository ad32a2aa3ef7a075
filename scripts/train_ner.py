"""Train the CRF name recogniser on CoNLL-2003 English train: ``analysis/resources/ner_crf.model``.

Usage (``make model`` runs the first line; ``EVAL=`` changes the folder)::

    .venv/bin/python scripts/train_ner.py --eval ../shared/eval
    .venv/bin/python scripts/train_ner.py --eval ../shared/eval --out /tmp/x.model --c1 0.05 \\
        --fraction 0.5 --no-gazetteer …            # experiments (score with the benchmark)

Data: ``<eval>/ner/conll2003_train.txt`` only (907 documents, 203,621 tokens; CoNLL-2003 is
Reuters RCV1 newswire, research use). Nothing of it is copied into the repository: the model
holds feature weights. Model selection (features, regularisation) was done on
``conll2003_dev.txt`` with ``benchmarks/ner_benchmark.py``; the defaults below are the shipped
configuration (see ``analysis/resources/ner_crf_card.md``).

Writes three files next to ``--out``: the model (``ner_crf.model``), its metadata
(``ner_crf.model.json``: feature configuration, parameters, data sizes; the tagger reads it)
and, for the two-stage model, the first stage (``ner_crf.stage1.model``).

Reproducible: documents are read in file order, a fraction keeps evenly spaced documents, the
jackknife folds are fixed (document i is in fold i mod K), L-BFGS in python-crfsuite is
deterministic, and the metadata holds no timings, so the same data gives the same files.

Two-stage model (``--stack K``): a first-stage CRF is trained on all documents; each training
document then gets first-stage readings from a model trained on the other K-1 folds
(jackknifing), and the second stage learns from the features plus how the first stage read the
word's other occurrences in the document (:func:`analysis.actors.ner.features.stack_features`).
Both stages learn BILOU labels (``--encoding``, ``--stage1-encoding``; ``iob`` keeps the
file's IOB2 tags): a name's first, inside and last token and a one-token name each get their
own label, which the tagger turns back into IOB2.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.actors.ner.features import (  # noqa: E402
    FeatureConfig,
    FeatureExtractor,
    Reading,
    first_stage_readings,
    packaged_gazetteer,
    stack_features,
    to_bilou,
)
from analysis.paths import RESOURCES_DIR  # noqa: E402

DEFAULT_OUT = RESOURCES_DIR / "ner_crf.model"
FEATURE_GROUPS = ("word", "affixes", "position", "bigrams", "gazetteer", "document", "caps", "cues")
#: The shipped configuration (chosen on dev; see the model card).
DEFAULTS = {
    "c1": 0.05,
    "c2": 0.01,
    "iterations": 250,
    "stack": 4,
    "caseless": True,
    "title_headlines": 2,
    "encoding": "bilou",
    "stage1_encoding": "bilou",
}

#: A story is *sports* when its headline opens with one of these labels and a dash.
SPORTS = (
    "soccer",
    "football",
    "cricket",
    "baseball",
    "basketball",
    "boxing",
    "golf",
    "tennis",
    "squash",
    "rugby",
    "athletics",
    "cycling",
    "motor racing",
    "motorcycling",
    "horse racing",
    "ice hockey",
    "hockey",
    "nhl",
    "nfl",
    "nba",
    "swimming",
    "skiing",
    "alpine skiing",
    "sailing",
    "rowing",
    "formula one",
    "olympics",
    "volleyball",
    "handball",
    "badminton",
    "snooker",
    "darts",
    "table tennis",
    "judo",
    "wrestling",
    "equestrian",
    "triathlon",
    "gymnastics",
    "fencing",
    "chess",
)

Sentence = list[tuple[str, str]]


@dataclass
class Doc:
    """One CoNLL document: sentences of ``(token, IOB tag)`` pairs."""

    sentences: list[Sentence]

    @property
    def sports(self) -> bool:
        """Whether the headline opens with a sport label and a dash ("SOCCER - ...")."""
        headline = " ".join(t for t, _ in self.sentences[0]).lower() if self.sentences else ""
        label = headline.split(" - ", 1)[0] if " - " in headline else ""
        return bool(label) and label.startswith(SPORTS)

    @property
    def n_tokens(self) -> int:
        """Number of tokens."""
        return sum(len(s) for s in self.sentences)

    def words(self) -> list[list[str]]:
        """The sentences as token lists."""
        return [[t for t, _ in s] for s in self.sentences]


def read_docs(path: Path) -> list[Doc]:
    """Documents of a CoNLL file (``-DOCSTART-`` starts one; blank lines end sentences)."""
    docs: list[Doc] = []
    sentence: Sentence = []
    current: list[Sentence] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if sentence:
                current.append(sentence)
                sentence = []
            if parts and current:
                docs.append(Doc(current))
                current = []
            continue
        sentence.append((parts[0], parts[-1]))
    if sentence:
        current.append(sentence)
    if current:
        docs.append(Doc(current))
    return docs


_SMALL_WORDS = frozenset("a an the and but or nor for at by to in of on up as vs via".split())


def title_case(word: str, first: bool, keep: set[str]) -> str:
    """A capitals-only headline word in headline title case ("LEICESTERSHIRE" -> "Leicestershire").

    Words in ``keep`` (acronyms written in capitals elsewhere), words with a period ("U.S.") and
    words without letters stay; short function words go lower case unless first; a clitic
    ("'S") goes lower case; each part of a hyphenated word is capitalised.
    """
    if not word.isupper() or word in keep or "." in word:
        return word
    lower = word.lower()
    if lower.startswith("'") or (not first and lower in _SMALL_WORDS):
        return lower
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def retitle(doc: Doc) -> Doc:
    """The document with its capitals-only headline in title case (as web headlines are)."""
    if not doc.sentences:
        return doc
    keep = {t for s in doc.sentences[1:] for t, _ in s if len(t) > 1 and t.isupper()}
    head = doc.sentences[0]
    if sum(t.isupper() for t, _ in head) < 2:
        return doc
    new = [(title_case(t, i == 0, keep), tag) for i, (t, tag) in enumerate(head)]
    return Doc([new, *doc.sentences[1:]])


def select_fraction(docs: list[Doc], fraction: float) -> list[Doc]:
    """Evenly spaced documents making up ``fraction`` of the list (all when ``fraction >= 1``)."""
    if fraction >= 1:
        return docs
    return [d for i, d in enumerate(docs) if int((i + 1) * fraction) > int(i * fraction)]


def training_docs(path: Path, fraction: float = 1.0, title_headlines: int = 0) -> list[Doc]:
    """The training documents: a fraction of them, every ``title_headlines``-th retitled (so
    the model also learns headlines written in title case, as web pages write them)."""
    docs = select_fraction(read_docs(path), fraction)
    if title_headlines:
        docs = [
            retitle(d) if i % title_headlines == title_headlines - 1 else d
            for i, d in enumerate(docs)
        ]
    return docs


def doc_labels(doc: Doc, misc: bool, encoding: str = "iob") -> list[list[str]]:
    """Labels of a document's sentences (MISC mapped to ``O`` unless ``misc``): the file's IOB
    tags, or BILOU (``encoding="bilou"``)."""
    out = [
        [tag if misc or not tag.endswith("MISC") else "O" for _, tag in sentence]
        for sentence in doc.sentences
    ]
    return [to_bilou(labels) for labels in out] if encoding == "bilou" else out


def fit(
    feats: list[list[list[list[str]]]],
    docs: list[Doc],
    out: Path,
    *,
    c1: float,
    c2: float,
    iterations: int,
    misc: bool,
    encoding: str = "iob",
    verbose: bool = False,
) -> None:
    """Train one CRF on per-document feature lists and save it to ``out``."""
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for doc_feats, doc in zip(feats, docs, strict=True):
        for xseq, yseq in zip(doc_feats, doc_labels(doc, misc, encoding), strict=True):
            trainer.append(xseq, yseq)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(out))


def jackknife_readings(
    feats: list[list[list[list[str]]]], docs: list[Doc], folds: int, tmp: Path, **params: Any
) -> list[list[list[Reading]]]:
    """First-stage readings of every training document from a model that did not see it."""
    readings: list[list[list[Reading]]] = [[] for _ in docs]
    for k in range(folds):
        keep = [i for i in range(len(docs)) if i % folds != k]
        path = tmp / f"fold{k}.model"
        fit([feats[i] for i in keep], [docs[i] for i in keep], path, **params)
        crf = pycrfsuite.Tagger()
        crf.open(str(path))
        for i in range(k, len(docs), folds):
            readings[i] = first_stage_readings(crf, feats[i], docs[i].words())
        crf.close()
    return readings


def stage1_path(out: Path) -> Path:
    """Where the first stage of a stacked model lives (``x.model`` -> ``x.stage1.model``)."""
    return out.with_name(out.stem + ".stage1" + out.suffix)


def train(
    docs: list[Doc],
    config: FeatureConfig,
    out: Path,
    *,
    c1: float,
    c2: float,
    iterations: int,
    misc: bool = True,
    encoding: str = "iob",
    stage1_encoding: str | None = None,
    stack: int = 0,
    stack_own: bool = False,
    fraction: float = 1.0,
    title_headlines: int = 0,
    verbose: bool = False,
    readings_file: Path | None = None,
) -> dict[str, Any]:
    """Train and save a model and its metadata; return the metadata and timings.

    ``fraction`` and ``title_headlines`` only go into the metadata: they say how ``docs`` were
    chosen (see :func:`training_docs`). ``stage1_encoding`` is the first stage's label encoding
    (default: ``encoding``). ``readings_file`` (experiments): where the jackknife readings are
    kept; when it exists, it and the first-stage model already next to ``out`` are reused
    instead of training the first stage again (same data, features and first-stage settings).
    """
    stage1_encoding = stage1_encoding or encoding
    extractor = FeatureExtractor(packaged_gazetteer() if config.gazetteer else None, config)
    params: dict[str, Any] = {
        "c1": c1,
        "c2": c2,
        "iterations": iterations,
        "misc": misc,
        "encoding": encoding,
        "verbose": verbose,
    }
    started = time.perf_counter()
    feats = [extractor.document(doc.words()) for doc in docs]
    extracted = time.perf_counter()
    if stack > 1:
        first = {**params, "encoding": stage1_encoding}
        if readings_file is not None and readings_file.exists():
            readings = [
                [[(tuple(p) if p is not None else None, lab) for p, lab in s] for s in d]
                for d in json.loads(readings_file.read_text(encoding="utf-8"))
            ]
        else:
            fit(feats, docs, stage1_path(out), **first)
            with tempfile.TemporaryDirectory() as tmp:
                readings = jackknife_readings(feats, docs, stack, Path(tmp), **first)
            if readings_file is not None:
                readings_file.write_text(json.dumps(readings), encoding="utf-8")
        for doc_feats, doc, reads in zip(feats, docs, readings, strict=True):
            extras = stack_features(doc.words(), reads, own=stack_own)
            for xseq, extra in zip(doc_feats, extras, strict=True):
                for x, e in zip(xseq, extra, strict=True):
                    x.extend(e)
    fit(feats, docs, out, **params)
    meta = {
        "features": config.to_dict(),
        "misc": misc,
        "encoding": encoding,
        "stage1_encoding": stage1_encoding if stack > 1 else None,
        "stack": stack,
        "stack_own": stack_own,
        "stage1": stage1_path(out).name if stack > 1 else None,
        "c1": c1,
        "c2": c2,
        "iterations": iterations,
        "fraction": fraction,
        "title_headlines": title_headlines,
        "documents": len(docs),
        "sentences": sum(len(d.sentences) for d in docs),
        "tokens": sum(d.n_tokens for d in docs),
    }
    out.with_suffix(out.suffix + ".json").write_text(
        json.dumps(meta, indent=2) + "\n", encoding="utf-8"
    )
    return {**meta, "features_s": extracted - started, "train_s": time.perf_counter() - extracted}


def train_like(model: Path, train_path: Path, fraction: float, out: Path) -> dict[str, Any]:
    """Train on a fraction of the training file with the configuration and parameters of an
    existing model (for learning curves)."""
    meta = json.loads(model.with_suffix(model.suffix + ".json").read_text(encoding="utf-8"))
    title_headlines = meta.get("title_headlines", 0)
    docs = training_docs(train_path, fraction, title_headlines)
    return train(
        docs,
        FeatureConfig.from_dict(meta["features"]),
        out,
        c1=meta["c1"],
        c2=meta["c2"],
        iterations=meta["iterations"],
        misc=meta["misc"],
        encoding=meta.get("encoding", "iob"),
        stage1_encoding=meta.get("stage1_encoding"),
        stack=meta.get("stack", 0),
        stack_own=bool(meta.get("stack_own")),
        fraction=fraction,
        title_headlines=title_headlines,
    )


def build_parser() -> argparse.ArgumentParser:
    """Command-line options (defaults: the shipped configuration)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--eval",
        type=Path,
        default=ROOT.parent / "shared" / "eval",
        help="evaluation folder holding ner/ (default ../shared/eval)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"model file (default {DEFAULT_OUT.relative_to(ROOT)})",
    )
    parser.add_argument("--c1", type=float, default=DEFAULTS["c1"], help="L1 penalty")
    parser.add_argument("--c2", type=float, default=DEFAULTS["c2"], help="L2 penalty")
    parser.add_argument(
        "--iterations", type=int, default=DEFAULTS["iterations"], help="L-BFGS iterations"
    )
    parser.add_argument(
        "--fraction",
        type=float,
        default=1.0,
        help="share of the training documents (learning curves)",
    )
    parser.add_argument(
        "--stack",
        type=int,
        default=DEFAULTS["stack"],
        help="two-stage model with a K-fold jackknife (0 = one stage)",
    )
    parser.add_argument(
        "--stack-own",
        action="store_true",
        help="second stage also sees the first-stage labels around each token",
    )
    parser.add_argument("--no-misc", action="store_true", help="train MISC as O")
    parser.add_argument(
        "--encoding",
        choices=("iob", "bilou"),
        default=DEFAULTS["encoding"],
        help="label encoding: IOB2 as in the file, or BILOU (begin, inside, last, unit)",
    )
    parser.add_argument(
        "--stage1-encoding",
        choices=("iob", "bilou"),
        default=DEFAULTS["stage1_encoding"],
        help="the first stage's label encoding",
    )
    parser.add_argument(
        "--readings",
        type=Path,
        default=None,
        help="experiments: keep the jackknife readings in this file; when it exists, reuse it "
        "and the first-stage model next to --out (same first-stage settings)",
    )
    for group in FEATURE_GROUPS:
        parser.add_argument(f"--no-{group}", action="store_true", help=f"drop {group} features")
    parser.add_argument("--window", type=int, default=2, help="context window (0, 1 or 2)")
    parser.add_argument(
        "--no-caseless", action="store_true", help="title-case headlines keep their casing features"
    )
    parser.add_argument(
        "--aggregate",
        action="store_true",
        help="context aggregation over a recurring word's occurrences",
    )
    parser.add_argument(
        "--title-headlines",
        type=int,
        default=DEFAULTS["title_headlines"],
        metavar="N",
        help="write every N-th training document's capitals headline in title case (0 = never)",
    )
    parser.add_argument("--verbose", action="store_true", help="print crfsuite's log")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Train from the command line."""
    args = build_parser().parse_args(argv)
    path = args.eval / "ner" / "conll2003_train.txt"
    if not path.exists():
        print(
            f"{path}: not found; pass --eval (or EVAL= to make) pointing at the evaluation "
            "folder that holds ner/conll2003_train.txt",
            file=sys.stderr,
        )
        return 2
    config = FeatureConfig(
        window=args.window,
        caseless=not args.no_caseless,
        aggregate=args.aggregate,
        **{g: not getattr(args, "no_" + g) for g in FEATURE_GROUPS},
    )
    docs = training_docs(path, args.fraction, args.title_headlines)
    result = train(
        docs,
        config,
        args.out,
        c1=args.c1,
        c2=args.c2,
        iterations=args.iterations,
        misc=not args.no_misc,
        encoding=args.encoding,
        stage1_encoding=args.stage1_encoding,
        readings_file=args.readings,
        stack=args.stack,
        stack_own=args.stack_own,
        fraction=args.fraction,
        title_headlines=args.title_headlines,
        verbose=args.verbose,
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
