"""The ``article-analysis`` command."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from . import __version__
from .actors import load_actor_dictionary
from .article import MAX_ARTICLE_BYTES, load_article, normalise_zones
from .corpus import add_corpus_parser, corpus_command
from .errors import ArticleAnalysisError
from .log import logger
from .paths import RAW_DIR, REPORTS_DIR
from .record import build_record
from .report import run_batch


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
    analyse.add_argument("--actor-dictionary", metavar="YAML", default=None,
                         help="your own actor dictionary, added to the packaged one")
    analyse.add_argument("--max-bytes", type=int, default=MAX_ARTICLE_BYTES,
                         help=f"largest file accepted (default {MAX_ARTICLE_BYTES:,})")
    analyse.add_argument("--allow-language", action="store_true",
                         help="analyse an article that is not in English anyway (readability, "
                              "sentiment and actors are built for English)")

    report = commands.add_parser(
        "report", help="run the notebooks for articles and write HTML reports (default: data/raw)")
    report.add_argument("paths", nargs="*", help="article files, folders or globs "
                                                 "(.txt, .md, .html; default: data/raw)")
    report.add_argument("--out", type=Path, default=REPORTS_DIR,
                        help="output folder (default: reports/)")
    report.add_argument("--notebooks", nargs="+", metavar="NAME",
                        help="notebooks to run, by name or number (default: all report notebooks)")
    report.add_argument("--jobs", "-j", type=int, default=None,
                        help="notebooks run at once (default: the number of cores)")
    report.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                        metavar=("NAME", "VALUE"),
                        help="a notebook parameter (VALUE is read as YAML: 10, [body, headings])")
    report.add_argument("--zones", default="body", help="zones analysed in the result record")
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    report.add_argument("--force", action="store_true", help="redo reports that are up to date")
    report.add_argument("--no-progress", action="store_true", help="no progress bar")
    report.add_argument("--max-bytes", type=int, default=MAX_ARTICLE_BYTES,
                        help=f"largest article file accepted (default {MAX_ARTICLE_BYTES:,})")

    add_corpus_parser(commands)
    return parser


def _summary(record: dict) -> str:
    art, stats = record["article"], record["stats"]
    zones = art["zones"]
    lines = [
        f"{art['title'] or '(untitled)'}",
        f"  id: {art['id']}   source: {art['source'] or '<text>'}   encoding: {art['encoding']}",
        f"  language: {art['language']}   read as: {art['extraction']}",
        "  zones: " + ", ".join(f"{k} {v}" for k, v in zones.items()),
        f"  sections: {', '.join(art['sections'])}",
        f"  analysed ({', '.join(record['zones_analysed'])}): {stats['words']} words, "
        f"{stats['sentences']} sentences, {stats['paragraphs']} paragraphs",
    ]
    return "\n".join(lines)


def _analyse(args: argparse.Namespace) -> int:
    dictionary = load_actor_dictionary(args.actor_dictionary)
    # Reading warnings go to stderr through the package logger (load_article logs them).
    article = load_article(args.article, max_bytes=args.max_bytes)
    record = build_record(article, normalise_zones(args.zones), dictionary,
                          allow_language=args.allow_language)
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(_summary(record))
    return 0


def _parameter_value(text: str) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _report(args: argparse.Namespace) -> int:
    parameters = {name: _parameter_value(value) for name, value in args.parameter}
    result = run_batch(args.paths or [RAW_DIR], args.out, notebooks=args.notebooks,
                       parameters=parameters, jobs=args.jobs, zones=normalise_zones(args.zones),
                       show_code=args.show_code, force=args.force,
                       progress=not args.no_progress, max_bytes=args.max_bytes)
    written = sum(1 for a in result.articles if a.folder and not a.skipped and not a.error)
    skipped = sum(1 for a in result.articles if a.skipped)
    failed = sum(1 for a in result.articles if a.failures)
    print(f"{len(result.articles)} articles: {written} written, {skipped} unchanged, "
          f"{failed} with failures ({result.seconds:.1f} s). Index: {result.out / 'index.html'}")
    return 0 if result.ok else 1


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is at the time (StreamHandler binds it once)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"{record.levelname.lower()}: {record.getMessage()}", file=sys.stderr)


def _log_to_stderr() -> None:
    """Show the package's warnings (e.g. the encoding used) on stderr, once."""
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler())
        logger.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 some articles failed, 2 bad input)."""
    _log_to_stderr()
    args = _parser().parse_args(argv)
    try:
        if args.command in ("analyse", "analyze"):
            return _analyse(args)
        if args.command == "corpus":
            return corpus_command(args)
        return _report(args)
    except ArticleAnalysisError as error:
        logger.debug("failed", exc_info=True)
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # e.g. --out names a file, or a folder is not writable
        print(f"error: {error}. Check the path and its permissions.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
