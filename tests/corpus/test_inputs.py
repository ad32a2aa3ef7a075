"""Corpus input: planning partitions without reading texts, reading rows, building articles."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.article import LEAD_SECTION
from analysis.corpus.inputs import (
    CorpusOptions,
    InputItem,
    article_from_body,
    expand_input,
    item_article,
    plan_partitions,
    read_partition,
)
from analysis.errors import (
    ArticleTooLargeError,
    BinaryFileError,
    CorpusInputError,
    CorpusRowError,
    EmptyArticleError,
    ParameterError,
)

OPTIONS = CorpusOptions()


# --------------------------------------------------------------------------- article_from_body


@pytest.mark.parametrize(
    "body, title, expected",
    [
        # A one-paragraph body that ends in "?" is body, not a title.
        ("Is this a question?", "", [("body", "Is this a question?", 0, 19)]),
        # text = "T\n\nOne.\n\nTwo\nwrapped.": T at 0-1; "One." at 3-7; "Two\nwrapped." at 9-21.
        (
            "One.\n\nTwo\nwrapped.",
            "T",
            [("title", "T", 0, 1), ("body", "One.", 3, 7), ("body", "Two\nwrapped.", 9, 21)],
        ),
        # Surrounding white space is trimmed; three newlines are one paragraph break.
        # "  He said “go.”  \n \n\nBye!": 2 spaces, "He said “go.”" (13 chars) at 2-15, then
        # 2 spaces (15, 16), "\n" 17, " " 18, "\n" 19, "\n" 20: "Bye!" at 21-25.
        (
            "  He said “go.”  \n \n\nBye!",
            "",
            [("body", "He said “go.”", 2, 15), ("body", "Bye!", 21, 25)],
        ),
        # "By the way" is not a byline here: nothing in a body is zoned away.
        ("By the way, this is body.", "", [("body", "By the way, this is body.", 0, 25)]),
    ],
)
def test_article_from_body_blocks(body, title, expected):
    article = article_from_body(body, title=title, article_id="x")
    got = [(b.zone, b.text, b.start, b.end) for b in article.blocks]
    assert got == expected
    assert all(article.text[b.start : b.end] == b.text for b in article.blocks)
    assert all(b.section == LEAD_SECTION for b in article.blocks if b.zone == "body")
    assert article.title == title


def test_article_from_body_rejects_white_space():
    with pytest.raises(EmptyArticleError, match="empty or holds only white space"):
        article_from_body(" \n\n \t", article_id="x", source="t.jsonl:3")


def test_why_body_mode_exists():
    """The page reader takes a short unpunctuated first line for a title; in a body column
    every paragraph is body."""
    from analysis.article import article_from_string

    page = article_from_string(
        "Ceasefire holds\n\nBy noon, the guns were silent.\n\nMore.", fmt="txt", article_id="x"
    )
    assert page.title == "Ceasefire holds"
    assert [b.text for b in page.paragraphs] == ["By noon, the guns were silent.", "More."]
    body = article_from_body(
        "Ceasefire holds\n\nBy noon, the guns were silent.\n\nMore.", article_id="x"
    )
    assert body.title == "" and len(body.paragraphs) == 3


# --------------------------------------------------------------------------- planning


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


ROWS = [
    {"id": f"a{i}", "title": f"T{i}", "text": f'Para {i}.\n\nSecond, "quoted"\nline {i}.'}
    for i in range(7)
]


def _read_all(parts, options=OPTIONS):
    return [item for part in parts for item in read_partition(part, options)]


@pytest.mark.parametrize(
    "size, first_rows", [(3, [1, 4, 7]), (7, [1]), (10, [1]), (1, list(range(1, 8)))]
)
def test_jsonl_partitions_cover_every_line_once(tmp_path, size, first_rows):
    path = _jsonl(tmp_path / "c.jsonl", ROWS)
    parts = plan_partitions(path, OPTIONS, size)
    assert [p.first_row for p in parts] == first_rows
    data = path.read_bytes()
    assert b"".join(data[p.start : p.stop] for p in parts) == data
    items = _read_all(parts)
    assert [i.input_id for i in items] == [f"a{i}" for i in range(7)]
    assert [i.origin for i in items] == [f"{path}:{n}" for n in range(1, 8)]


def test_csv_partitions_respect_quoted_newlines(tmp_path):
    # Each text holds a blank line and a quoted "" inside quotes: a newline inside quotes
    # must not end a record.
    path = tmp_path / "c.csv"
    pd.DataFrame(ROWS).to_csv(path, index=False)
    parts = plan_partitions(path, OPTIONS, 2)
    assert [p.first_row for p in parts] == [1, 3, 5, 7]
    items = _read_all(parts)
    assert [(i.input_id, i.title, i.text) for i in items] == [
        (r["id"], r["title"], r["text"]) for r in ROWS
    ]


def test_parquet_partitions_by_row_group(tmp_path):
    path = tmp_path / "c.parquet"
    pd.DataFrame(ROWS).to_parquet(path, row_group_size=4)
    parts = plan_partitions(path, OPTIONS, 3)
    # row group 0 (rows 1-4) splits into 3 + 1; row group 1 (rows 5-7) is one slice.
    assert [(p.row_group, p.start, p.stop, p.first_row) for p in parts] == [
        (0, 0, 3, 1),
        (0, 3, 4, 4),
        (1, 0, 3, 5),
    ]
    assert [i.input_id for i in _read_all(parts)] == [f"a{i}" for i in range(7)]


def test_rows_without_an_id_column_are_numbered(tmp_path):
    path = _jsonl(tmp_path / "n.jsonl", [{"text": "One."}, {"text": "Two."}])
    items = _read_all(plan_partitions(path, OPTIONS, 5))
    assert [i.input_id for i in items] == ["n.jsonl:1", "n.jsonl:2"]


def test_custom_column_names(tmp_path):
    path = _jsonl(
        tmp_path / "c.jsonl",
        [{"key": 7, "body": "Words here.", "outlet": "AP", "published": "2024-06-19"}],
    )
    options = CorpusOptions(
        text_column="body", id_column="key", source_column="outlet", date_column="published"
    )
    [item] = _read_all(plan_partitions(path, options, 5), options)
    assert (item.input_id, item.text, item.source, item.date) == (
        "7",
        "Words here.",
        "AP",
        "2024-06-19",
    )


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
def test_missing_text_column_lists_the_columns(tmp_path, suffix):
    frame = pd.DataFrame({"id": ["1"], "body": ["Some text."]})
    path = tmp_path / f"t.{suffix}"
    if suffix == "jsonl":
        _jsonl(path, frame.to_dict("records"))
    elif suffix == "csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path)
    with pytest.raises(CorpusInputError) as caught:
        plan_partitions(path, OPTIONS, 10)
    message = str(caught.value)
    assert "no text column 'text'" in message and "'id', 'body'" in message
    assert "--text-column" in message and str(path) in message


@pytest.mark.parametrize(
    "name, problem",
    [
        ("missing.jsonl", "no such file or folder"),
        ("report.docx", "unsupported input type '.docx'"),
        ("*.nothing", "matches no article or table file"),
    ],
)
def test_bad_inputs(tmp_path, name, problem):
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(CorpusInputError, match=problem):
        expand_input(tmp_path / name)


def test_empty_folder_and_bad_partition_size(tmp_path):
    with pytest.raises(CorpusInputError, match="holds no article or table file"):
        expand_input(tmp_path)
    (tmp_path / "a.txt").write_text("Title\n\nBody text here.", encoding="utf-8")
    with pytest.raises(ParameterError, match="partition_size must be a whole number of at least 1"):
        plan_partitions(tmp_path, OPTIONS, 0)


def test_folder_of_files_and_tables(tmp_path):
    for name in ("b.txt", "a.md"):
        (tmp_path / name).write_text("# T\n\nBody.", encoding="utf-8")
    _jsonl(tmp_path / "c.jsonl", ROWS[:2])
    (tmp_path / "notes.docx").write_bytes(b"ignored in a folder")
    kinds = [(kind, path.name) for kind, path in expand_input(tmp_path)]
    assert kinds == [("article", "a.md"), ("article", "b.txt"), ("jsonl", "c.jsonl")]
    parts = plan_partitions(tmp_path, OPTIONS, 1)
    assert [p.kind for p in parts] == ["files", "files", "jsonl", "jsonl"]  # input order
    assert [p.index for p in parts] == [0, 1, 2, 3]


# --------------------------------------------------------------------------- rows -> articles


def test_malformed_json_lines_become_row_errors(tmp_path):
    path = tmp_path / "m.jsonl"
    path.write_text('{"text": "Fine."}\n\nnot json\n[1, 2]\n', encoding="utf-8")
    items = _read_all(plan_partitions(path, OPTIONS, 10))
    # line 2 is blank (skipped); lines 3 and 4 are errors.
    assert [(i.input_id, type(i.error).__name__) for i in items] == [
        ("m.jsonl:1", "NoneType"),
        ("m.jsonl:3", "CorpusRowError"),
        ("m.jsonl:4", "CorpusRowError"),
    ]
    with pytest.raises(CorpusRowError, match="JSON list, not an object"):
        item_article(items[2], OPTIONS)


@pytest.mark.parametrize(
    "text, error, message",
    [
        ("", EmptyArticleError, "empty or holds only white space"),
        ("  \n\n ", EmptyArticleError, "white space"),
        (None, EmptyArticleError, "has no 'text' value"),
        (float("nan"), EmptyArticleError, "has no 'text' value"),
        ("bad\x00bytes\x00here", BinaryFileError, "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", BinaryFileError, "a PNG image"),
    ],
)
def test_unusable_row_texts(text, error, message):
    item = InputItem(input_id="r1", origin="t.jsonl:1", text=text)
    with pytest.raises(error, match=message) as caught:
        item_article(item, OPTIONS)
    assert "t.jsonl:1" in str(caught.value)


def test_row_text_size_limit():
    item = InputItem(input_id="r1", origin="t.jsonl:1", text="word " * 30)
    with pytest.raises(ArticleTooLargeError, match="150 bytes, over the limit of 100"):
        item_article(item, CorpusOptions(max_bytes=100))


def test_row_bytes_in_cp1252_are_decoded():
    item = InputItem(input_id="r1", origin="t:1", text="Café owners said “no”.".encode("cp1252"))
    article = item_article(item, OPTIONS)
    assert article.paragraphs[0].text == "Café owners said “no”."


@pytest.mark.parametrize(
    "fmt, title_column, expected_title, body",
    [
        # body mode: the title comes from the column; the text is all body
        ("body", "Column title", "Column title", ["Short first line", "Second paragraph."]),
        ("body", None, "", ["Short first line", "Second paragraph."]),
        # txt mode: the page's own first line is its title; the column does not override it
        ("txt", "Column title", "Short first line", ["Second paragraph."]),
    ],
)
def test_text_formats(fmt, title_column, expected_title, body):
    item = InputItem(
        input_id="Row 1",
        origin="t:1",
        title=title_column,
        text="Short first line\n\nSecond paragraph.",
    )
    article = item_article(item, CorpusOptions(text_format=fmt))
    assert article.title == expected_title
    assert [b.text for b in article.paragraphs] == body
    assert article.id == "row-1" and article.source == "t:1"


def test_unknown_text_format():
    with pytest.raises(ParameterError, match="unknown text_format 'pdf'"):
        CorpusOptions(text_format="pdf")
