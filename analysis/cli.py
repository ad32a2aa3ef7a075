"""The ``article-analysis`` command: every subcommand and its options.

Only the standard library and the light core modules are imported at start-up; each command
imports the analysis it runs, so ``--help`` and ``--version`` answer at once.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .article import MAX_ARTICLE_BYTES, load_article, normalise_zones
from .corpus.inputs import DEFAULT_PARTITION_SIZE, TEXT_FORMATS
from .errors import ArticleAnalysisError
from .log import logger
from .paths import RAW_DIR, REPORTS_DIR
from .wording import plural


def _add_common(parser: argparse.ArgumentParser, zones_help: str) -> None:
    """Options that mean the same in every subcommand."""
    parser.add_argument("--zones", default="body", help=zones_help)
    parser.add_argument(
        "--actor-dictionary",
        metavar="YAML",
        default=None,
        help="your own actor dictionary, added to the packaged one",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_ARTICLE_BYTES,
        help=f"largest article accepted, in bytes (default {MAX_ARTICLE_BYTES:,})",
    )
    parser.add_argument(
        "--allow-language",
        action="store_true",
        help="analyse an article that is not in English anyway (readability, "
        "sentiment and actors are built for English)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-analysis",
        description="Turn news articles into analytical dossiers: text statistics, "
        "sentiment and tone, and the actors they name.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    analyse = commands.add_parser(
        "analyse", aliases=["analyze"], help="analyse one article and print a summary or its record"
    )
    analyse.add_argument("article", help="a .txt, .md or .html article file")
    analyse.add_argument("--json", action="store_true", help="print the result record as JSON")
    _add_common(
        analyse,
        "zones to analyse, comma-separated (default: body; also title, "
        "headings, image_titles, captions)",
    )

    report = commands.add_parser(
        "report", help="run the notebooks for articles and write HTML reports (default: data/raw)"
    )
    report.add_argument(
        "paths",
        nargs="*",
        help="article files, folders or globs (.txt, .md, .html; default: data/raw)",
    )
    report.add_argument(
        "--out", type=Path, default=REPORTS_DIR, help="output folder (default: reports/)"
    )
    report.add_argument(
        "--notebooks",
        nargs="+",
        metavar="NAME",
        help="notebooks to run, by name or number (default: all report notebooks)",
    )
    report.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        help="notebooks run at once (default: one more than the cores)",
    )
    report.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="a notebook parameter (VALUE is read as YAML: 10, [body, headings])",
    )
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    report.add_argument("--force", action="store_true", help="redo reports that are up to date")
    report.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_common(report, "zones analysed in the result record (default: body)")

    corpus = commands.add_parser(
        "corpus",
        help="analyse many articles on Dask and write Parquet tables",
        description="Analyse every article of INPUT (a folder or glob of article files, or a "
        "JSON Lines / CSV / Parquet file with one article per row) and write the "
        "tables articles/, actors/, failures/ (and sentences/) as Parquet.",
    )
    corpus.add_argument("input", nargs="+", help="folder, glob or table file(s)")
    corpus.add_argument("--out", type=Path, required=True, help="output folder")
    where = corpus.add_mutually_exclusive_group()
    where.add_argument(
        "--workers",
        type=int,
        default=None,
        help="local worker processes (default: CPUs available; 0: no Dask)",
    )
    where.add_argument(
        "--scheduler",
        default=None,
        help="address of a running Dask scheduler, e.g. tcp://HOST:8786",
    )
    corpus.add_argument("--sentences", action="store_true", help="also write sentences/")
    for name in ("text", "id", "title", "source", "date", "url"):
        corpus.add_argument(
            f"--{name}-column", default=name, help=f"column holding the {name} (default: {name})"
        )
    corpus.add_argument(
        "--text-format",
        default="body",
        choices=TEXT_FORMATS,
        help="a row's text is the article body (default) or a whole page",
    )
    corpus.add_argument(
        "--partition-size",
        type=int,
        default=DEFAULT_PARTITION_SIZE,
        help=f"articles per task (default {DEFAULT_PARTITION_SIZE})",
    )
    corpus.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    _add_common(corpus, "zones to analyse (as for analyse; default: body)")
    return parser


def _analyse(args: argparse.Namespace) -> int:
    from .actors import load_dictionary
    from .record import build_record
    from .report.dossier import dossier_text

    dictionary = load_dictionary(args.actor_dictionary)
    # Reading warnings go to stderr through the package logger (load_article logs them).
    article = load_article(args.article, max_bytes=args.max_bytes)
    record = build_record(
        article, normalise_zones(args.zones), dictionary, allow_language=args.allow_language
    )
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(dossier_text(record, width=_terminal_width()))
    return 0


def _terminal_width() -> int:
    """The terminal's width, at most 100 columns (80 when it cannot be told)."""
    import shutil

    return min(100, shutil.get_terminal_size((100, 24)).columns)


def _parameter_value(text: str) -> object:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _report(args: argparse.Namespace) -> int:
    from .report import run_batch

    parameters = {name: _parameter_value(value) for name, value in args.parameter}
    if args.actor_dictionary is not None:
        parameters["actor_dictionary"] = args.actor_dictionary
    result = run_batch(
        args.paths or [RAW_DIR],
        args.out,
        notebooks=args.notebooks,
        parameters=parameters,
        jobs=args.jobs,
        zones=normalise_zones(args.zones),
        show_code=args.show_code,
        force=args.force,
        progress=not args.no_progress,
        max_bytes=args.max_bytes,
        allow_language=args.allow_language,
    )
    written = sum(1 for a in result.articles if a.folder and not a.skipped and not a.error)
    skipped = sum(1 for a in result.articles if a.skipped)
    failed = sum(1 for a in result.articles if a.failures)
    print(
        f"{plural(len(result.articles), 'article')}: {written} written, {skipped} unchanged, "
        f"{failed} with failures ({result.seconds:.1f} s). Index: {result.out / 'index.html'}"
    )
    return 0 if result.ok else 1


def _corpus(args: argparse.Namespace) -> int:
    """0 if every article was analysed, 1 if some failed (input errors raise)."""
    from .corpus import run_corpus

    result = run_corpus(
        args.input,
        args.out,
        workers=args.workers,
        scheduler=args.scheduler,
        sentences=args.sentences,
        text_column=args.text_column,
        id_column=args.id_column,
        title_column=args.title_column,
        source_column=args.source_column,
        date_column=args.date_column,
        url_column=args.url_column,
        zones=normalise_zones(args.zones),
        partition_size=args.partition_size,
        progress=not args.no_progress,
        text_format=args.text_format,
        actor_dictionary=args.actor_dictionary,
        max_bytes=args.max_bytes,
        allow_language=args.allow_language,
    )
    print(
        f"{result.articles} articles analysed, {result.failures} failed, "
        f"{result.actors} actor rows, in {result.seconds:.1f} s "
        f"({result.articles_per_second:.1f} articles/s); tables in {result.out}"
    )
    if result.failures:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(result.errors_by_type.items()))
        print(f"failures by type: {kinds}; see {result.out / 'failures'}", file=sys.stderr)
    return 1 if result.failures else 0


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is at the time (StreamHandler binds it once)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"{record.levelname.lower()}: {record.getMessage()}", file=sys.stderr)


def _log_to_stderr() -> None:
    """Show the package's warnings (e.g. the encoding used) on stderr, once."""
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler())
        logger.setLevel(logging.INFO)


_COMMANDS = {"analyse": _analyse, "analyze": _analyse, "report": _report, "corpus": _corpus}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 some articles failed, 2 bad input)."""
    _log_to_stderr()
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
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
