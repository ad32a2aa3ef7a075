"""The ``article-analysis`` command."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .article import MAX_ARTICLE_BYTES, load_article, normalise_zones
from .atomic import write_text_atomic
from .errors import ArticleAnalysisError
from .inputs import collect_articles
from .log import logger
from .paths import RAW_DIR, REPORTS_DIR
from .record import build_record


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-analysis",
        description="Turn news articles into analytical dossiers: text statistics, "
                    "sentiment and tone, and the actors they name.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    analyse = commands.add_parser("analyse", aliases=["analyze"],
                                  help="analyse one article and print a summary or its record")
    analyse.add_argument("article", help="a .txt, .md or .html article file")
    analyse.add_argument("--json", action="store_true", help="print the result record as JSON")
    analyse.add_argument("--zones", default="body",
                         help="zones to analyse, comma-separated (default: body; also title, "
                              "headings, image_titles, captions)")
    analyse.add_argument("--max-bytes", type=int, default=MAX_ARTICLE_BYTES,
                         help=f"largest file accepted (default {MAX_ARTICLE_BYTES:,})")

    report = commands.add_parser("report", help="write reports for articles (default: data/raw)")
    report.add_argument("paths", nargs="*", help="article files, folders or globs")
    report.add_argument("--out", type=Path, default=REPORTS_DIR, help="output folder")
    report.add_argument("--zones", default="body", help="zones to analyse (as for analyse)")
    return parser


def _summary(record: dict) -> str:
    art, stats = record["article"], record["stats"]
    zones = art["zones"]
    lines = [
        f"{art['title'] or '(untitled)'}",
        f"  id: {art['id']}   source: {art['source'] or '<text>'}   encoding: {art['encoding']}",
        "  zones: " + ", ".join(f"{k} {v}" for k, v in zones.items()),
        f"  sections: {', '.join(art['sections'])}",
        f"  analysed ({', '.join(record['zones_analysed'])}): {stats['words']} words, "
        f"{stats['sentences']} sentences, {stats['paragraphs']} paragraphs",
    ]
    return "\n".join(lines)


def _analyse(args: argparse.Namespace) -> int:
    article = load_article(args.article, max_bytes=args.max_bytes)
    record = build_record(article, normalise_zones(args.zones))
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(_summary(record))
    return 0


def _report(args: argparse.Namespace) -> int:
    zones = normalise_zones(args.zones)
    paths = collect_articles(args.paths or [RAW_DIR])
    failures = 0
    for path in paths:
        try:
            record = build_record(load_article(path), zones)
        except ArticleAnalysisError as error:
            failures += 1
            print(f"error: {error}", file=sys.stderr)
            continue
        target = args.out / record["article"]["id"] / "record.json"
        write_text_atomic(target, json.dumps(record, ensure_ascii=False, indent=2))
        print(f"wrote {target}")
    print(f"{len(paths) - failures} of {len(paths)} articles reported", file=sys.stderr)
    return 1 if failures else 0


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is at the time (StreamHandler binds it once)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)


def _log_to_stderr() -> None:
    """Show the package's warnings (e.g. the encoding used) on stderr, once."""
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 some articles failed, 2 bad input)."""
    _log_to_stderr()
    args = _parser().parse_args(argv)
    try:
        if args.command in ("analyse", "analyze"):
            return _analyse(args)
        return _report(args)
    except ArticleAnalysisError as error:
        logger.debug("failed", exc_info=True)
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
