"""Throughput of the text-statistics pipeline, beside textstat, and where our readability values
differ from textstat's on the seed article and why.

Corpus: the New York Times editorial snippets of ``<eval>/sentiment/nyt_editorial_snippets_dev.tsv``
grouped by editorial (``id`` is ``editorial_sentence``), each editorial made an article of
paragraphs of up to four sentences under a title line. Measured, best of ``--repeats`` passes
over the whole corpus (the first pass is also shown: our per-word caches start empty there):

* ``prepare``: zoning is done once beforehand; this is sentence splitting and tokenising;
* ``record_section``: counts, the six indices + Dale–Chall, lexical diversity, per-section
  counts (what the result record holds);
* ``full notebook set``: ``record_section`` plus frequencies, bigrams and trigrams,
  collocations and keyness (what notebook 01 computes);
* textstat 0.7.13 computing the same six indices on the same body text (its results are
  memoised per text in a 128-entry LRU cache; the corpus has more texts than that, so every
  pass misses it).

textstat fetches NLTK's cmudict at run time; it is read from ``$NLTK_DATA`` or else
``<eval>/../nltk_data`` (unpacked into a temporary folder, so textstat never tries to download
it). The product never needs it.

It also prints how often our rule-based syllable fallback and Pyphen (textstat's) agree with the
CMU dictionary on words the dictionary knows.

Usage: ``.venv/bin/python benchmarks/stats_benchmark.py [--eval ../shared/eval] [--repeats 3]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import stats  # noqa: E402
from analysis.article import article_from_string, load_article  # noqa: E402
from analysis.paths import SEED_ARTICLE  # noqa: E402
from analysis.stats import readability_indices as rd  # noqa: E402
from analysis.stats import vocabulary  # noqa: E402
from analysis.stats.syllables import cmu_syllables, count_syllables  # noqa: E402
from analysis.text import prepare  # noqa: E402

INDICES = rd.INDICES


def editorials(eval_dir: Path) -> list[str]:
    """One article text per editorial: a title line, then paragraphs of up to 4 sentences."""
    path = eval_dir / "sentiment" / "nyt_editorial_snippets_dev.tsv"
    groups: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            editorial, _, number = row["id"].partition("_")
            groups[editorial].append((int(number), row["text"].strip()))
    texts = []
    for editorial, rows in groups.items():
        sentences = [text for _, text in sorted(rows)]
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        texts.append(f"Editorial {editorial}\n\n" + "\n\n".join(paragraphs) + "\n")
    return texts


def body_text(doc) -> str:
    """The analysed text as one string (paragraphs separated by blank lines), for textstat."""
    return "\n\n".join(block.text for block in doc.blocks)


def best_of(repeats: int, run) -> tuple[float, float]:
    """(first, best) wall time in seconds of ``repeats`` calls of ``run``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times[0], min(times)


def full_set(doc) -> None:
    stats.record_section(doc)
    vocabulary.word_frequencies(doc, top_n=20)
    vocabulary.ngram_counts(doc, 2, top_n=20)
    vocabulary.ngram_counts(doc, 3, top_n=20)
    vocabulary.collocations(doc)
    vocabulary.keyness(doc)


def textstat_six(textstat, text: str) -> dict[str, float]:
    return {name: getattr(textstat, name)(text) for name in INDICES}


def throughput(eval_dir: Path, repeats: int, textstat, textstat_load: float) -> None:
    texts = editorials(eval_dir)
    articles = [article_from_string(t, "txt") for t in texts]
    docs = [prepare(a) for a in articles]
    words = sum(len(d.words) for d in docs)
    bodies = [body_text(d) for d in docs]

    start = time.perf_counter()
    cmu_syllables.cache_clear()
    cmu_syllables()
    cmu_load = time.perf_counter() - start

    def ours_record():
        for d in docs:
            stats.record_section(d)

    def ours_full():
        for d in docs:
            full_set(d)

    # Start the first pass with empty per-word caches (the CMU table stays loaded).
    for cache in (count_syllables, rd.letter_count, rd._is_familiar_packaged):
        cache.cache_clear()
    rows = [
        ("prepare (split + tokenise)", best_of(repeats, lambda: [prepare(a) for a in articles])),
        ("record_section", best_of(repeats, ours_record)),
        ("full notebook set", best_of(repeats, ours_full)),
        (
            "textstat, six indices",
            best_of(repeats, lambda: [textstat_six(textstat, b) for b in bodies]),
        ),
    ]
    print(
        f"Corpus: {len(docs)} NYT editorials, {words:,} words "
        f"(mean {words / len(docs):.0f} words, {sum(len(d.sentences) for d in docs):,} "
        f"sentences), best of {repeats} passes; cores: {os.cpu_count()}"
    )
    print(
        f"One-off loads: CMU dictionary (ours) {cmu_load:.2f} s; textstat's first call "
        f"(NLTK cmudict) {textstat_load:.2f} s"
    )
    print()
    print(f"{'pipeline':<30}{'first s':>9}{'best s':>9}{'articles/s':>12}{'words/s':>11}")
    for name, (first, best) in rows:
        print(f"{name:<30}{first:>9.2f}{best:>9.2f}{len(docs) / best:>12.1f}{words / best:>11,.0f}")
    print()
    ours = [rd.readability(d) for d in docs]
    theirs = [textstat_six(textstat, b) for b in bodies]
    print("Same texts, ours minus textstat: median |difference| and median signed difference")
    print(f"{'index':<30}{'median |d|':>11}{'median d':>10}")
    for name in INDICES:
        diffs = [o[name] - t[name] for o, t in zip(ours, theirs, strict=True)]
        print(
            f"{name:<30}{statistics.median(abs(d) for d in diffs):>11.2f}"
            f"{statistics.median(diffs):>10.2f}"
        )


def seed_differences(textstat) -> None:
    doc = prepare(load_article(SEED_ARTICLE))
    text = body_text(doc)
    counts = rd.readability_counts(doc)
    ts = {
        "words": textstat.lexicon_count(text),
        "sentences": textstat.sentence_count(text),
        "syllables": textstat.syllable_count(text),
        "letters": textstat.letter_count(text),
        "characters (ARI)": textstat.char_count(text),
        "polysyllables (SMOG)": textstat.polysyllabcount(text),
        # Every occurrence, as textstat's gunning_fog counts them (difficult_words() defaults
        # to distinct words).
        "hard words (Fog)": textstat.difficult_words(text, syllable_threshold=3, unique=False),
    }
    ours_inputs = {
        "words": counts.words,
        "sentences": counts.sentences,
        "syllables": counts.syllables,
        "letters": counts.letters,
        "characters (ARI)": counts.letters,
        "polysyllables (SMOG)": counts.polysyllables,
        "hard words (Fog)": counts.complex_words,
    }
    print("Seed body: the counts each side feeds its formulas")
    print(f"{'count':<24}{'ours':>8}{'textstat':>10}")
    for key, value in ours_inputs.items():
        print(f"{key:<24}{value:>8}{ts[key]:>10}")
    print()
    # Our formulas fed textstat's counts: what is left over is a formula difference.
    w, s = ts["words"], ts["sentences"]
    on_theirs = {
        "flesch_reading_ease": rd.flesch_reading_ease(w, s, ts["syllables"]),
        "flesch_kincaid_grade": rd.flesch_kincaid_grade(w, s, ts["syllables"]),
        "gunning_fog": rd.gunning_fog(w, s, ts["hard words (Fog)"]),
        "smog_index": rd.smog_index(s, ts["polysyllables (SMOG)"]),
        "coleman_liau_index": rd.coleman_liau_index(w, s, ts["letters"]),
        "automated_readability_index": rd.automated_readability_index(w, s, ts["characters (ARI)"]),
    }
    why = {
        "flesch_reading_ease": "counts only: sentences and syllables",
        "flesch_kincaid_grade": "counts only: sentences and syllables",
        "gunning_fog": "hard words: theirs = 3+ syllables and not on the Dale–Chall list; "
        "ours = Gunning's rules (names, hyphenated, -es/-ed/-ing excluded)",
        "smog_index": "counts only: sentences and polysyllables",
        "coleman_liau_index": "counts, and textstat's 0.058 for Coleman & Liau's 0.0588",
        "automated_readability_index": "counts: textstat's characters include punctuation; "
        "ours are letters and digits (Smith & Senter)",
    }
    ours = rd.readability(doc)
    print("Seed body: our values against textstat's, and our formulas on textstat's counts")
    print(f"{'index':<30}{'ours':>8}{'textstat':>10}{'diff':>8}{'ours@ts':>9}  why")
    for name in INDICES:
        theirs = getattr(textstat, name)(text)
        print(
            f"{name:<30}{ours[name]:>8.2f}{theirs:>10.2f}{ours[name] - theirs:>8.2f}"
            f"{on_theirs[name]:>9.2f}  {why[name]}"
        )
    print()
    ts_sentences = [p for p in _textstat_sentences(text) if len(p.split()) > 2]
    print(
        f"textstat cuts the body into {len(ts_sentences)} pieces of 3+ words (ours: "
        f"{len(doc.sentences)} sentences); it splits at every '.', so 'U.S.', 'U.N.', "
        f"'a.m.' end sentences. Pieces that start right after such a period:"
    )
    for piece in [p for p in ts_sentences if p[:1].islower() or p.startswith(("S.", "N."))][:6]:
        print(f"  … {piece[:70]}")
    print()
    print(
        "Words whose syllables differ (ours, textstat = NLTK cmudict else Pyphen), "
        "most frequent first:"
    )
    diffs: dict[str, tuple[int, int, int]] = {}
    for token in doc.words:
        mine = count_syllables(token.text)
        theirs = textstat.syllable_count(token.text)
        if mine != theirs:
            n = diffs.get(token.text, (0, mine, theirs))[0] + 1
            diffs[token.text] = (n, mine, theirs)
    ranked = sorted(diffs.items(), key=lambda kv: (-kv[1][0], kv[0]))
    for word, (n, mine, theirs) in ranked[:15]:
        print(f"  {word:<20} x{n:<3} ours {mine}  textstat {theirs}")
    print(f"  ({len(diffs)} distinct words differ)")


def fallback_accuracy() -> None:
    """How often each fallback gives the CMU dictionary's count, on dictionary words it was
    not needed for (every 10th all-letter entry): our rules against Pyphen's hyphenation
    points + 1, which textstat uses for words missing from cmudict."""
    import re

    import pyphen

    from analysis.stats.syllables import rule_syllables

    table = cmu_syllables()
    sample = [w for w in sorted(table) if re.fullmatch(r"[a-z]+", w)][::10]
    hyphenator = pyphen.Pyphen(lang="en_US")
    ours = sum(rule_syllables(w) == table[w] for w in sample) / len(sample)
    theirs = sum(len(hyphenator.positions(w)) + 1 == table[w] for w in sample) / len(sample)
    print(
        f"Syllable fallback against the CMU dictionary ({len(sample):,} entries): "
        f"our rules exact on {ours:.1%}, Pyphen (textstat's fallback) on {theirs:.1%}"
    )


def _textstat_sentences(text: str) -> list[str]:
    import re

    return re.findall(r"\b[^.!?]+[.!?]*", text, re.UNICODE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--eval",
        type=Path,
        default=ROOT.parent / "shared" / "eval",
        help="evaluation data folder (default ../shared/eval)",
    )
    parser.add_argument("--repeats", type=int, default=3, help="passes per measurement")
    args = parser.parse_args(argv)
    # textstat calls nltk.data.find("corpora/cmudict"), which only finds an unzipped folder,
    # and otherwise tries nltk.download() (a network call). So the zip from the NLTK data folder
    # ($NLTK_DATA, else <eval>/../nltk_data) is unpacked into a temporary NLTK data folder.
    import nltk

    nltk_data = Path(os.environ.get("NLTK_DATA") or (args.eval / ".." / "nltk_data").resolve())
    archive = nltk_data / "corpora" / "cmudict.zip"
    if not archive.exists():
        print(
            f"textstat needs NLTK's cmudict; {archive} does not exist. Pass --eval or set "
            "NLTK_DATA to a folder holding corpora/cmudict.zip.",
            file=sys.stderr,
        )
        return 2
    unpacked = tempfile.TemporaryDirectory(prefix="nltk_data_")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(Path(unpacked.name) / "corpora")
    nltk.data.path.insert(0, unpacked.name)
    import textstat

    try:
        start = time.perf_counter()
        textstat.flesch_reading_ease("A warm-up sentence loads NLTK's cmudict once.")
        textstat_load = time.perf_counter() - start
        seed_differences(textstat)
        print()
        fallback_accuracy()
        print()
        throughput(args.eval, args.repeats, textstat, textstat_load)
    finally:
        unpacked.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
