"""Bad input: each case raises a named error that says which file, what is wrong, what to do;
the CLI prints that one line without a traceback and exits non-zero."""

from __future__ import annotations

import logging

import pytest

from analysis import errors
from analysis.article import article_from_string, load_article
from analysis.cli import main

CURLY = "“Sanctions,” the minister said, “won’t work.” And the talks went on for hours."


def _cases(tmp_path):
    """(name, path, expected error, words the message must contain)."""
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n  \r\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "scripts.html").write_text(
        "<html><head><script>var a=1;</script></head><body>"
        + "<script>document.write('x')</script>" * 50
        + "<style>body{}</style><nav><a href='/'>Home</a></nav></body></html>"
    )
    (tmp_path / "huge.txt").write_bytes(b"word " * 1_100_000)
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04rest")
    return [
        ("missing", tmp_path / "nope.txt", errors.ArticleNotFoundError, "no such file"),
        ("directory", tmp_path / "folder.txt", errors.NotAFileError, "directory"),
        ("empty", tmp_path / "empty.txt", errors.EmptyArticleError, "empty"),
        ("whitespace", tmp_path / "blank.txt", errors.EmptyArticleError, "white space"),
        ("binary", tmp_path / "binary.txt", errors.BinaryFileError, "binary"),
        ("pdf", tmp_path / "scan.txt", errors.BinaryFileError, "PDF"),
        ("scripts", tmp_path / "scripts.html", errors.NoReadableTextError, "no readable"),
        ("too large", tmp_path / "huge.txt", errors.ArticleTooLargeError, "over the limit"),
        ("format", tmp_path / "sheet.xlsx", errors.UnsupportedFormatError, "unsupported"),
    ]


CASE_NAMES = [
    "missing",
    "directory",
    "empty",
    "whitespace",
    "binary",
    "pdf",
    "scripts",
    "too large",
    "format",
]


@pytest.mark.parametrize("case", CASE_NAMES)
def test_bad_file_raises_named_error(tmp_path, case):
    name, path, error, words = next(c for c in _cases(tmp_path) if c[0] == case)
    with pytest.raises(error) as caught:
        load_article(path, max_bytes=5_000_000)
    message = str(caught.value)
    assert isinstance(caught.value, errors.ArticleAnalysisError)
    assert str(path) in message  # which file
    assert words in message  # what is wrong
    assert caught.value.advice and caught.value.advice in message  # what to do


@pytest.mark.parametrize("case", CASE_NAMES)
def test_cli_prints_one_line_and_exits_non_zero(tmp_path, capsys, case):
    name, path, error, words = next(c for c in _cases(tmp_path) if c[0] == case)
    code = main(["analyse", str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and words in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_decoded_and_the_encoding_named(tmp_path, caplog, encoding):
    text = (
        "Title line\n\n"
        + (
            CURLY
            if encoding == "cp1252"
            else CURLY.replace("“", "«").replace("”", "»").replace("’", "'")
        )
        + " Café.\n"
    )
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    with caplog.at_level(logging.WARNING, logger="article_analysis"):
        article = load_article(path)
    # cp1252 and latin-1 agree on everything but 0x80–0x9f; both decode as cp1252 here.
    assert article.encoding == "cp1252"
    assert article.paragraphs[0].text.endswith("Café.")
    assert "“Sanctions,”" in article.text or "«Sanctions,»" in article.text
    assert any("not clean UTF-8" in r.message and "cp1252" in r.message for r in caplog.records)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(
        b"Title\n\nA paragraph about the summit in the capital.".replace(b"summit", b"summ\x81t")
    )
    assert load_article(path).encoding == "latin-1"


def test_cli_reports_the_encoding(tmp_path, capsys):
    path = tmp_path / "win.txt"
    path.write_bytes(("Title\n\n" + CURLY + "\n").encode("cp1252"))
    assert main(["analyse", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "txt file, encoding cp1252" in " ".join(out.split())  # the dossier, maybe wrapped
    assert "not clean UTF-8" in err


def test_size_limit_is_a_parameter(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nA short paragraph of text.\n")
    with pytest.raises(errors.ArticleTooLargeError, match="over the limit of 10 bytes"):
        load_article(path, max_bytes=10)


def test_empty_string_and_unknown_format_are_rejected():
    with pytest.raises(errors.EmptyArticleError):
        article_from_string("   \n")
    with pytest.raises(errors.ParameterError, match="unknown format"):
        article_from_string("text", fmt="docx")


def test_title_and_site_furniture_only_has_no_body():
    with pytest.raises(errors.NoReadableTextError, match="no body paragraphs"):
        article_from_string("Just a headline\n\nAdvertisement\n\nBack to Top\n")


def test_utf8_with_a_stray_cp1252_byte_keeps_its_utf8(tmp_path):
    text = "Title\n\n“Putin’s visit,” she said, “is over.” It wasn\x92t.\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(text.replace("\x92", "@").encode("utf-8").replace(b"@", b"\x92"))
    article = load_article(path)
    assert article.paragraphs[0].text == "“Putin’s visit,” she said, “is over.” It wasn’t."
    assert article.encoding == "utf-8 (1 stray byte read as cp1252)"


def test_unreadable_file_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nSome body text here.\n")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    with pytest.raises(errors.UnreadableFileError, match="cannot be read .Permission denied"):
        load_article(path)


def test_a_headline_repeated_without_a_gap_is_one_title():
    article = article_from_string("Leaders meet\nLeaders meet\n\nThe body of the story.\n")
    assert article.title == "Leaders meet"
    assert [b.zone for b in article.blocks] == ["title", "duplicate_title", "body"]
