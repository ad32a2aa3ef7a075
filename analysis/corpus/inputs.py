"""Corpus input: split the input into partitions cheaply, then read one partition at a time.

An input is a folder or glob of article files (.txt/.md/.html), or table files: JSON Lines
(``.jsonl``/``.ndjson``), CSV (``.csv``) or Parquet (``.parquet``/``.pq``) with one article per
row. Planning (:func:`plan_partitions`) only lists files and finds record boundaries; the texts
are read later, inside the task that processes the partition (:func:`read_partition`), so a
partition is the most any process holds at once.

How a table file is split, without holding it:

* JSON Lines: at line ends (one streaming pass counts lines in 1 MB blocks);
* CSV: at record ends, i.e. newlines outside quoted fields (RFC 4180: a newline ends a
  record when the number of ``"`` before it is even; ``""`` escapes keep the count even).
  A quote that is never closed (its field would run to the end of the file) makes the line
  it opens on a malformed row of its own: that row fails, and reading goes on at the next
  line. A row that does not parse (``"a"b``) or has more fields than the header fails alone
  too. Files that escape quotes with a backslash instead are not supported;
* Parquet: by row group, and a row group larger than a partition into row slices (each task
  then decodes that row group's columns, so write Parquet with row groups of about
  ``partition_size`` rows for the best speed).

Row ids: the id column's value; without one, ``"<file name>:<row>"`` where row counts the file's
records from 1 (the line number for JSON Lines). Ids must be unique across the input: rows that
share an id would merge in the ``actors`` table, so :func:`check_unique_ids` refuses such an
input before any work with :class:`~analysis.errors.DuplicateIdError`, listing them (it reads
the input once more: for Parquet only the id column). A text that is not a string (a number, a
list) is a failure row, never analysed as its Python form.

Rows become articles in one of two ways (``text_format``):

* ``"body"`` (the default for tables): the text is the article's body. Paragraphs are split at
  blank lines (consecutive lines are one paragraph, as in a hard-wrapped file); the title comes
  from the title column, never from the text, so a first paragraph that is short or ends in
  ``?``/``!``/a quote is still body;
* ``"txt"``, ``"md"``, ``"html"``: the text is a whole page, zoned as a file of that format
  would be (:func:`analysis.article.article_from_string`); the title column only fills a title
  the page lacks.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..article import (
    LEAD_SECTION,
    MAX_ARTICLE_BYTES,
    SUPPORTED_SUFFIXES,
    Article,
    Block,
    article_from_string,
    decode_bytes,
    load_article,
    normalise_zones,
    slugify,
)
from ..errors import (
    ArticleTooLargeError,
    CorpusInputError,
    CorpusRowError,
    DuplicateIdError,
    EmptyArticleError,
    ParameterError,
    positive_int,
)
from ..paths import expand_paths

TABLE_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
TEXT_FORMATS = ("body", "txt", "md", "html")
_BLOCK = 1 << 20  # bytes read at a time while planning

#: Articles per partition (one Dask task).
DEFAULT_PARTITION_SIZE = 500


@dataclass(frozen=True)
class CorpusOptions:
    """How rows are read and analysed; small, so it ships cheaply with every task."""

    text_column: str = "text"
    id_column: str = "id"
    title_column: str = "title"
    source_column: str = "source"
    date_column: str = "date"
    url_column: str = "url"
    text_format: str = "body"
    zones: tuple[str, ...] = ("body",)
    sentences: bool = False
    max_bytes: int = MAX_ARTICLE_BYTES
    actor_dictionary: str | None = None  # the user's YAML, added to the packaged dictionary
    allow_language: bool = False  # analyse text that is not in English anyway

    def __post_init__(self) -> None:
        if self.text_format not in TEXT_FORMATS:
            raise ParameterError(
                f"unknown text_format {self.text_format!r}; use one of {', '.join(TEXT_FORMATS)}"
            )
        object.__setattr__(self, "zones", tuple(normalise_zones(self.zones)))

    @property
    def meta_columns(self) -> dict[str, str]:
        """Input column name for each optional field."""
        return {
            "id": self.id_column,
            "title": self.title_column,
            "source": self.source_column,
            "date": self.date_column,
            "url": self.url_column,
        }


@dataclass(frozen=True)
class Partition:
    """A slice of the input, described by paths and offsets only (never by its texts).

    ``kind`` is ``files``, ``jsonl``, ``csv`` or ``parquet``. ``start``/``stop`` are byte
    offsets (jsonl, csv) or row offsets inside ``row_group`` (parquet); ``first_row`` is the
    1-based number of the slice's first record in its file; ``header`` the CSV header's end.
    """

    index: int
    kind: str
    path: str = ""
    paths: tuple[str, ...] = ()
    start: int = 0
    stop: int = 0
    first_row: int = 1
    row_group: int = 0
    header: int = 0

    @property
    def label(self) -> str:
        """A short description for messages."""
        if self.kind == "files":
            return f"{len(self.paths)} files from {self.paths[0]}" if self.paths else "no files"
        return f"{self.path} from row {self.first_row}"


@dataclass(frozen=True)
class InputItem:
    """One article as read from the input, before analysis."""

    input_id: str
    origin: str
    path: str | None = None  # an article file, read by load_article
    text: Any = None  # str or bytes from a table row
    title: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    error: BaseException | None = None  # the row itself could not be read


# --------------------------------------------------------------------------- planning


def expand_input(input_path: str | Path | Sequence[str | Path]) -> list[tuple[str, Path]]:
    """The input files and their kind (``article`` or a table kind), sorted, without duplicates.

    A folder yields its article files and table files (not recursively); a glob its matches.

    Raises:
        CorpusInputError: nothing exists at the path, the glob or folder matches nothing, or a
            named file has an unsupported extension.
    """
    raw_inputs = [input_path] if isinstance(input_path, str | Path) else list(input_path)
    found = expand_paths(
        raw_inputs,
        [*SUPPORTED_SUFFIXES, *TABLE_SUFFIXES],
        CorpusInputError,
        "article or table file",
    )
    for path in found:
        if not _kind(path):
            raise CorpusInputError(
                path,
                f"unsupported input type {path.suffix or '(no extension)'!r}",
                "Pass a folder or glob of article files, or a .jsonl, .csv or .parquet "
                "table with a text column.",
            )
    return [(_kind(p) or "", p) for p in found]


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return "article"
    return TABLE_SUFFIXES.get(suffix)


def plan_partitions(
    input_path: str | Path | Sequence[str | Path],
    options: CorpusOptions,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> list[Partition]:
    """Split the input into partitions of about ``partition_size`` articles each.

    Reads only file listings, Parquet metadata and one streaming pass over JSON Lines/CSV
    files to find record boundaries; checks that every table has the text column.

    Raises:
        CorpusInputError: see :func:`expand_input`; also a table without the text column (the
            message lists the columns it has) or a table that cannot be opened.
        ParameterError: ``partition_size`` below 1.
    """
    positive_int("partition_size", partition_size)
    partitions: list[Partition] = []
    articles: list[str] = []

    def flush_articles() -> None:
        for i in range(0, len(articles), partition_size):
            partitions.append(
                Partition(len(partitions), "files", paths=tuple(articles[i : i + partition_size]))
            )
        articles.clear()

    for kind, path in expand_input(input_path):
        if kind == "article":
            articles.append(str(path))
            continue
        flush_articles()
        planner = {"jsonl": _plan_jsonl, "csv": _plan_csv, "parquet": _plan_parquet}[kind]
        for part in planner(path, options, partition_size):
            partitions.append(replace(part, index=len(partitions)))
    flush_articles()
    return partitions


def _missing_text_column(path: Path, options: CorpusOptions, columns: Sequence[str]) -> None:
    if options.text_column not in columns:
        shown = ", ".join(repr(c) for c in list(columns)[:30]) or "(none)"
        raise CorpusInputError(
            path,
            f"there is no text column {options.text_column!r}; its columns are: {shown}",
            "Name the column that holds the article text with --text-column (text_column=...).",
        )


def _record_ends(path: Path, csv: bool, flags: dict[str, bool]) -> Iterator[Any]:
    """Offsets just after each record's end, as numpy arrays (one per block read).

    For CSV a newline ends a record only outside quotes (the count of ``"`` before it is
    even). ``flags["suspect"]`` is set when a quote stands where well-formed CSV has none (an
    opening quote not at the start of a field, a closing quote not before a comma or a line
    end) or one is left open at the end: then these ends cannot be trusted (see
    :func:`_csv_slices`).
    """
    import numpy as np  # imported here, not at start-up: only planning needs it

    quotes = offset = 0
    previous = 10  # the byte before the file: as if after a newline
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            data = np.frombuffer(block, dtype=np.uint8)
            ends = np.flatnonzero(data == 10)
            if csv:
                is_quote = data == 34
                parity = (quotes + np.cumsum(is_quote)) % 2
                ends = ends[parity[ends] == 0]
                at = np.flatnonzero(is_quote)
                if len(at) and not flags["suspect"]:
                    before = np.where(at > 0, data[np.maximum(at - 1, 0)], previous)
                    after = data[np.minimum(at + 1, len(data) - 1)]
                    inner = at + 1 < len(data)  # a quote at a block's end: checked no further
                    opening = parity[at] == 1
                    bad_open = opening & ~np.isin(before, (44, 10, 34))
                    bad_close = ~opening & inner & ~np.isin(after, (44, 10, 13, 34))
                    flags["suspect"] = bool(bad_open.any() or bad_close.any())
                quotes += int(np.count_nonzero(is_quote))
                previous = int(data[-1])
            ends = ends + (offset + 1)
            offset += len(block)
            if len(ends):
                yield ends
    if csv and quotes % 2:
        flags["suspect"] = True


def _slice_ends(
    ends_blocks: Iterator[Any], every: int, size: int, header: bool
) -> tuple[list[tuple[int, int, int]], int]:
    """Group record ends into slices of ``every`` records: ``(slices, header_end)``."""
    slices: list[tuple[int, int, int]] = []
    header_end = None if header else 0
    start = count = 0
    row = 1
    for ends in ends_blocks:
        if header_end is None and len(ends):
            header_end = start = int(ends[0])
            ends = ends[1:]
        for cut in ends[every - count - 1 :: every].tolist():
            slices.append((start, cut, row))
            start, row = cut, row + every
        count = (count + len(ends)) % every
    if header_end is None:  # a CSV header without a newline and no rows
        header_end = start = size
    if size > start:  # the last records (or one without a final newline)
        slices.append((start, size, row))
    return slices, header_end


def _boundaries(
    path: Path, every: int, csv: bool, limit: int = MAX_ARTICLE_BYTES
) -> tuple[list[tuple[int, int, int]], int]:
    """Cut a line-based file into slices of ``every`` records, in one streaming pass.

    Returns ``(slices, header_end)``: ``slices`` are ``(start, stop, first_row)`` byte ranges;
    for CSV the first record is the header (it ends at ``header_end``) and a newline ends a
    record only outside quotes. Only the slice boundaries are kept, so memory stays small. A
    CSV file with a malformed quote is cut record by record instead (:func:`_csv_slices`).
    """
    flags = {"suspect": False}
    size = path.stat().st_size
    result = _slice_ends(_record_ends(path, csv, flags), every, size, header=csv)
    if flags["suspect"]:
        return _csv_slices(path, every, limit)
    return result


def _csv_slices(path: Path, every: int, limit: int) -> tuple[list[tuple[int, int, int]], int]:
    """Slices of a CSV file cut where :func:`_csv_records` ends its records (slower than the
    quote count, and used only for a file whose quotes do not pair up as they should)."""
    import mmap

    import numpy as np

    with path.open("rb") as handle:
        if path.stat().st_size == 0:
            return [], 0
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            header_end = data.find(b"\n")
            header_end = len(data) if header_end < 0 else header_end + 1
            fields = _parse_record(data[:header_end])
            n_fields = len(fields) if isinstance(fields, list) else 0

            def ends() -> Iterator[Any]:
                yield np.array([header_end])
                batch = []
                for _, end, _ in _csv_records(data, header_end, len(data), n_fields, limit):
                    batch.append(end)
                    if len(batch) >= 65536:
                        yield np.array(batch)
                        batch = []
                if batch:
                    yield np.array(batch)

            return _slice_ends(ends(), every, len(data), header=True)


def _csv_records(
    data: Any, start: int, stop: int, n_fields: int, limit: int
) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, closed)`` of each CSV record in ``data[start:stop]`` (bytes or mmap).

    A record ends at the first newline with an even count of ``"`` since its start. A record
    that spans several lines is kept only if it parses as CSV with at most ``n_fields`` fields
    and is under ``limit`` bytes; otherwise its quote was never closed (or closed by another
    row's quote), and its first line is a malformed record alone (``closed`` False); the next
    line starts a new record. The planner and the reader apply this same rule, so they agree
    on every record.
    """
    position = start
    while position < stop:
        end = None
        quotes, scan, lines = 0, position, 0
        while scan < stop and scan - position <= limit:
            newline = data.find(b"\n", scan, stop)
            line_end = stop if newline < 0 else newline + 1
            quotes += data[scan:line_end].count(b'"')  # (an mmap has no count)
            scan, lines = line_end, lines + 1
            if quotes % 2 == 0:
                end = line_end
                break
        if end is not None and lines > 1:
            fields = _parse_record(data[position:end])
            if isinstance(fields, BaseException) or len(fields) > n_fields:
                end = None
        if end is None:
            newline = data.find(b"\n", position, stop)
            end = stop if newline < 0 else newline + 1
            yield position, end, False
        else:
            yield position, end, True
        position = end


def _plan_jsonl(path: Path, options: CorpusOptions, every: int) -> list[Partition]:
    with path.open("rb") as handle:
        first = b""
        for line in handle:
            if line.strip():
                first = line
                break
    if not first:
        raise CorpusInputError(
            path,
            "the JSON Lines file is empty",
            "Write one JSON object per line, each with the article text.",
        )
    try:
        record = json.loads(first)
    except ValueError:
        record = None  # a malformed first line becomes a failure row, like any other
    if isinstance(record, dict):
        _missing_text_column(path, options, list(record))
    slices, _ = _boundaries(path, every, csv=False)
    return [
        Partition(0, "jsonl", path=str(path), start=a, stop=b, first_row=row)
        for a, b, row in slices
    ]


def _plan_csv(path: Path, options: CorpusOptions, every: int) -> list[Partition]:
    import pandas as pd

    try:
        header = pd.read_csv(path, nrows=0, encoding_errors="replace")
    except (ValueError, OSError) as error:
        raise CorpusInputError(
            path,
            f"the CSV file cannot be read ({error})",
            "Check that it is a comma-separated file with a header row.",
        ) from error
    _missing_text_column(path, options, [str(c) for c in header.columns])
    slices, header_end = _boundaries(path, every, csv=True, limit=options.max_bytes)
    return [
        Partition(0, "csv", path=str(path), start=a, stop=b, first_row=row, header=header_end)
        for a, b, row in slices
    ]


def _plan_parquet(path: Path, options: CorpusOptions, every: int) -> list[Partition]:
    import pyarrow.parquet as pq

    try:
        metadata = pq.ParquetFile(path).metadata
    except (OSError, ValueError) as error:  # ArrowInvalid is a ValueError
        raise CorpusInputError(
            path,
            f"the Parquet file cannot be read ({error})",
            "Check that the file is complete and really Parquet.",
        ) from error
    _missing_text_column(path, options, metadata.schema.to_arrow_schema().names)
    parts = []
    first_row = 1
    for group in range(metadata.num_row_groups):
        rows = metadata.row_group(group).num_rows
        for start in range(0, rows, every):
            parts.append(
                Partition(
                    0,
                    "parquet",
                    path=str(path),
                    start=start,
                    stop=min(start + every, rows),
                    row_group=group,
                    first_row=first_row + start,
                )
            )
        first_row += rows
    return parts


# --------------------------------------------------------------------------- reading


def read_partition(part: Partition, options: CorpusOptions) -> Iterator[InputItem]:
    """The input items of one partition, read now (inside the task that analyses them).

    A row that cannot be read yields an item with ``error`` set; an unreadable partition
    raises (the caller records it as one failure).
    """
    if part.kind == "files":
        for path in part.paths:
            yield InputItem(input_id=path, origin=path, path=path)
        return
    name = Path(part.path).name
    rows = {"jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}[part.kind]
    for number, row in enumerate(rows(part, options), start=part.first_row):
        origin = f"{part.path}:{number}"
        if isinstance(row, BaseException):
            yield InputItem(input_id=f"{name}:{number}", origin=origin, error=row)
            continue
        if row is None:  # a blank line
            continue
        meta = {key: _text_or_none(row.get(column)) for key, column in options.meta_columns.items()}
        yield InputItem(
            input_id=meta.pop("id") or f"{name}:{number}",
            origin=origin,
            text=row.get(options.text_column),
            **meta,
        )


def _text_or_none(value: Any) -> str | None:
    """Metadata as text: ``None`` for missing/NaN/empty values; dates in ISO form."""
    if value is None or isinstance(value, float) and value != value:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return text.strip() or None


def _read_range(part: Partition) -> bytes:
    with open(part.path, "rb") as handle:
        handle.seek(part.start)
        return handle.read(part.stop - part.start)


def _jsonl_rows(part: Partition, options: CorpusOptions) -> Iterator[Any]:
    data = _read_range(part)
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()  # the empty piece after the last newline is not a line
    for line in lines:
        if not line.strip():
            yield None
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            yield CorpusRowError(f"the line is not valid JSON ({error})")
            continue
        if not isinstance(row, dict):
            yield CorpusRowError(
                f"the line holds a JSON {type(row).__name__}, not an object with a text field"
            )
            continue
        yield row


def _csv_rows(part: Partition, options: CorpusOptions) -> Iterator[Any]:
    """The rows of a CSV slice, each parsed on its own, so that a malformed row (a quote never
    closed, a field that does not parse, too many fields) is one error, not the partition's."""
    with open(part.path, "rb") as handle:
        header_bytes = handle.read(part.header)
    header = _parse_record(header_bytes)
    if isinstance(header, BaseException):
        raise CorpusInputError(
            part.path, f"the CSV header cannot be read ({header})", "Check the file's first line."
        )
    if header:
        header[0] = header[0].removeprefix("\ufeff")  # a byte-order mark, as Excel writes
    names = [name if name.strip() else f"Unnamed: {i}" for i, name in enumerate(header)]
    data = _read_range(part)
    for start, end, closed in _csv_records(data, 0, len(data), len(names), options.max_bytes):
        record = data[start:end]
        fields = (
            _parse_record(record)
            if closed
            else CorpusRowError(
                "a quotation mark on this line is never closed (or closed by another row's), so "
                "the row cannot be read; the rows after it are read as usual"
            )
        )
        if isinstance(fields, BaseException):
            yield fields
        elif not fields or all(value == "" for value in fields):
            yield None  # a blank line
        elif len(fields) > len(names):
            yield CorpusRowError(
                f"the row has {len(fields)} fields but the header has "
                f"{len(names)} (a comma inside an unquoted text?)"
            )
        else:
            yield dict(zip(names, fields + [""] * (len(names) - len(fields)), strict=True))


def _parse_record(record: bytes) -> list[str] | CorpusRowError:
    """The fields of one CSV record (UTF-8, else cp1252, else latin-1), or the error."""
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = record.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        return CorpusRowError(f"the row is not valid CSV ({error})")
    if len(rows) > 1:
        return CorpusRowError("the row is not valid CSV (it holds more than one record)")
    return rows[0] if rows else []


def _parquet_rows(part: Partition, options: CorpusOptions) -> Iterator[Any]:
    import pyarrow.parquet as pq

    handle = pq.ParquetFile(part.path)
    present = set(handle.schema_arrow.names)
    wanted = [c for c in (options.text_column, *options.meta_columns.values()) if c in present]
    table = handle.read_row_group(part.row_group, columns=list(dict.fromkeys(wanted)))
    yield from table.slice(part.start, part.stop - part.start).to_pylist()


# --------------------------------------------------------------------------- unique ids

#: Duplicate ids named in a DuplicateIdError message (the rest are counted).
_SHOWN_DUPLICATES = 10


def _partition_ids(part: Partition, options: CorpusOptions) -> Iterator[tuple[str, str]]:
    """``(id, origin)`` of the rows of one partition that have an id of their own."""
    if part.kind == "files":
        return  # a file's id is its path: unique once the paths are
    if part.kind == "parquet":
        import pyarrow.parquet as pq

        handle = pq.ParquetFile(part.path)
        if options.id_column not in handle.schema_arrow.names:
            return
        column = handle.read_row_group(part.row_group, columns=[options.id_column])
        values = column.slice(part.start, part.stop - part.start).column(0).to_pylist()
        for number, value in enumerate(values, start=part.first_row):
            if (text := _text_or_none(value)) is not None:
                yield text, f"{part.path}:{number}"
        return
    name = Path(part.path).name
    for item in read_partition(part, options):
        numbered = f"{name}:{item.origin.rsplit(':', 1)[-1]}"  # no id: numbered, unique
        if item.error is None and item.input_id != numbered:
            yield item.input_id, item.origin


def check_unique_ids(partitions: Sequence[Partition], options: CorpusOptions) -> None:
    """Refuse an input whose rows share an id, before any work (see the module docstring).

    Raises:
        DuplicateIdError: naming the first duplicated ids and where each occurs.
    """
    seen: dict[str, str] = {}
    duplicates: dict[str, list[str]] = {}
    for part in partitions:
        for row_id, origin in _partition_ids(part, options):
            first = seen.setdefault(row_id, origin)
            if first != origin:
                duplicates.setdefault(row_id, [first]).append(origin)
    if not duplicates:
        return
    shown = "; ".join(
        f"{row_id!r} at {', '.join(places[:3])}"
        + (f" and {len(places) - 3} more" if len(places) > 3 else "")
        for row_id, places in list(duplicates.items())[:_SHOWN_DUPLICATES]
    )
    more = len(duplicates) - _SHOWN_DUPLICATES
    raise DuplicateIdError(
        None,
        f"{len(duplicates)} id{'s are' if len(duplicates) > 1 else ' is'} used by more "
        f"than one row ({shown}{f'; and {more} more ids' if more > 0 else ''}), so their "
        "actors would merge",
        f"Make the {options.id_column!r} values unique, or name another id column with "
        "--id-column (a column that does not exist numbers the rows as <file>:<row>)",
    )


# --------------------------------------------------------------------------- articles


def item_article(item: InputItem, options: CorpusOptions) -> Article:
    """The :class:`Article` of one input item (a file, or a row's text).

    Raises:
        ArticleAnalysisError: the row could not be read, or its text is missing, empty, binary
            or holds no body (the same errors as for files).
    """
    if item.error is not None:
        raise item.error
    if item.path is not None:
        return load_article(item.path, max_bytes=options.max_bytes)
    value = item.text
    if value is None or isinstance(value, float) and value != value:
        raise EmptyArticleError(
            item.origin,
            f"the row has no {options.text_column!r} value",
            "Fill the text column, or drop the row.",
        )
    if not isinstance(value, str | bytes):
        kind = {
            int: "a number",
            float: "a number",
            bool: "true/false",
            list: "a list",
            dict: "an object",
        }.get(type(value), f"a {type(value).__name__}")
        raise CorpusRowError(
            f"{item.origin}: the {options.text_column!r} value is {kind} "
            f"({str(value)[:40]!r}), not text; store the article text as a "
            "string"
        )
    data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    if len(data) > options.max_bytes:
        raise ArticleTooLargeError(
            item.origin,
            f"the text is {len(data):,} bytes, over the limit of {options.max_bytes:,}",
            "Split it into articles, or raise max_bytes (--max-bytes).",
        )
    text, _ = decode_bytes(data, item.origin)  # rejects binary and empty texts as for files
    article_id = slugify(item.input_id, fallback=f"article-{hashlib.sha256(data).hexdigest()[:10]}")
    if options.text_format == "body":
        return article_from_body(
            text, title=item.title or "", article_id=article_id, source=item.origin
        )
    article = article_from_string(text, fmt=options.text_format, article_id=article_id)
    changes: dict[str, Any] = {"source": item.origin}
    if not article.title and item.title:
        changes["title"] = item.title
    return replace(article, **changes)


_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")


def article_from_body(
    body: str, *, title: str = "", article_id: str, source: str | None = None
) -> Article:
    """An :class:`Article` whose text is ``title`` (if any), a blank line, then ``body``.

    Every paragraph of ``body`` (split at blank lines; consecutive lines are one paragraph)
    is a ``body`` block in section :data:`LEAD_SECTION`; nothing is zoned away. Offsets index
    the combined text; ``sha256`` is that of the body's UTF-8 bytes.

    Raises:
        EmptyArticleError: the body holds only white space.
    """
    if not body.strip():
        raise EmptyArticleError(
            source,
            "the text is empty or holds only white space",
            "Fill the text column, or drop the row.",
        )
    title = " ".join(title.split())
    prefix = f"{title}\n\n" if title else ""
    text = prefix + body.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [Block("title", title, 0, len(title))] if title else []
    position = len(prefix)
    for gap in [*_BLANK_LINE.finditer(text, position), None]:
        stop = gap.start() if gap else len(text)
        piece = text[position:stop]
        if piece.strip():
            start = position + len(piece) - len(piece.lstrip())
            end = position + len(piece.rstrip())
            blocks.append(Block("body", text[start:end], start, end, LEAD_SECTION))
        position = gap.end() if gap else stop
    return Article(
        id=article_id,
        title=title,
        source=source,
        sha256=hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(),
        text=text,
        encoding="utf-8",
        format="txt",
        blocks=tuple(blocks),
    )
