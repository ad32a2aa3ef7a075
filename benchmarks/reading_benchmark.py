"""How faithfully HTML pages are read: our content zones beside bare ``trafilatura.extract``.

Data: ``<eval>/html/`` (see its README): English pages from trafilatura's own extraction
benchmark, each with snippets its main text must contain (``with``) and must not (``without``:
navigation, footers, dates, ads…). Scored as that benchmark scores: white space normalised,
a ``with`` snippet found is a true positive and missed a false negative, a ``without`` snippet
found is a false positive. Precision, recall and F1 are pooled over all snippets.

* **ours**: :func:`analysis.article.load_article` on the page file; the text is the content
  zones (title, headings, body, captions) joined in reading order. A page we refuse (a named
  error) scores as an empty text.
* **bare trafilatura**: ``trafilatura.extract(page_bytes)`` with its defaults, in the same run
  (bytes, as trafilatura's own benchmark passes them, so it finds each page's declared
  encoding; given the pages decoded as UTF-8 with undecodable bytes replaced, it scores a
  little lower: F1 0.923 against 0.930 here).

Both read the same bytes; seconds are wall time of the extraction alone (the first page of each
is read once beforehand so imports are not timed). The table also counts the extraction path
each page took (``Article.extraction``) and the reading warnings raised.

Usage: ``.venv/bin/python benchmarks/reading_benchmark.py [--eval ../shared/eval] [--pages N]
[--show-misses]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.article import load_article  # noqa: E402
from analysis.errors import ArticleAnalysisError  # noqa: E402

CONTENT_ZONES = ("title", "heading", "body", "caption")


def norm(text: str) -> str:
    """White space collapsed to single spaces, as the benchmark compares texts."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    seconds: float = 0.0

    def add(self, expected: dict, text: str | None) -> tuple[list[str], list[str]]:
        """Count one page; return the missed ``with`` and the found ``without`` snippets."""
        found = norm(text or "")
        missed = [w for w in expected["with"] if norm(w) not in found]
        leaked = [w for w in expected["without"] if norm(w) in found]
        self.tp += len(expected["with"]) - len(missed)
        self.fn += len(missed)
        self.fp += len(leaked)
        return missed, leaked

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


def ours(path: Path) -> tuple[str | None, str, tuple[str, ...]]:
    """(content-zone text, extraction path, warning codes) of one page by our reader."""
    try:
        article = load_article(path)
    except ArticleAnalysisError as error:
        return None, f"refused ({type(error).__name__})", ()
    text = "\n".join(b.text for b in article.blocks_in(CONTENT_ZONES))
    codes = tuple(getattr(w, "code", str(w)) for w in getattr(article, "warnings", ()))
    return text, getattr(article, "extraction", "markdown"), codes


def bare(data: bytes) -> str | None:
    import trafilatura

    return trafilatura.extract(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--eval",
        type=Path,
        default=ROOT.parent / "shared" / "eval",
        help="the evaluation folder (default ../shared/eval)",
    )
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages")
    parser.add_argument(
        "--show-misses", action="store_true", help="list, per page, our missed and leaked snippets"
    )
    args = parser.parse_args(argv)
    logging.getLogger("article_analysis").setLevel(logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    folder = args.eval / "html"
    expectations = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
    names = sorted(expectations)[: args.pages]
    pages = folder / "pages"
    # Warm up: imports and one-time model loads are not timed.
    ours(pages / names[0])
    bare((pages / names[0]).read_bytes())

    scores = {"ours": Score(), "bare trafilatura": Score()}
    paths: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for name in names:
        path = pages / name
        data = path.read_bytes()
        started = time.perf_counter()
        text, how, codes = ours(path)
        scores["ours"].seconds += time.perf_counter() - started
        paths[how] += 1
        warnings.update(set(codes))
        missed, leaked = scores["ours"].add(expectations[name], text)
        started = time.perf_counter()
        reference = bare(data)
        scores["bare trafilatura"].seconds += time.perf_counter() - started
        b_missed, b_leaked = scores["bare trafilatura"].add(expectations[name], reference)
        if args.show_misses and (missed or leaked):
            print(f"== {name} [{how}]")
            for snippet in missed:
                flag = "  (bare finds it)" if snippet not in b_missed else ""
                print(f"   missed: {snippet[:90]!r}{flag}")
            for snippet in leaked:
                flag = "  (bare too)" if snippet in b_leaked else ""
                print(f"   leaked: {snippet[:90]!r}{flag}")

    print(f"\nReading benchmark: {len(names)} pages of {folder}\n")
    print(f"| {'reader':<18} | precision | recall |   F1  |  TP |  FP |  FN | seconds |")
    print(f"|{'-' * 20}|-----------|--------|-------|-----|-----|-----|---------|")
    for label, s in scores.items():
        print(
            f"| {label:<18} |   {s.precision:.3f}   |  {s.recall:.3f} | {s.f1:.3f} |"
            f" {s.tp:>3} | {s.fp:>3} | {s.fn:>3} | {s.seconds:>7.1f} |"
        )
    print("\nExtraction path (ours): " + ", ".join(f"{k} {v}" for k, v in paths.most_common()))
    print(
        "Pages with each warning (ours): "
        + (", ".join(f"{k} {v}" for k, v in warnings.most_common()) or "none")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
