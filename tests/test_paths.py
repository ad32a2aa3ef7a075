"""analysis.paths: the user's paths and globs; what stops a path from being read."""

from __future__ import annotations

import os
import sys

import pytest

from analysis.article import load_article
from analysis.cli import main
from analysis.corpus.inputs import expand_input
from analysis.errors import (
    ArticleNotFoundError,
    CorpusInputError,
    NotAFileError,
    UnreadableFileError,
)
from analysis.paths import expand_paths, path_problem

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks and FIFOs")
BODY = "A title\n\nA paragraph long enough to be the body of this small test article.\n"


@pytest.fixture()
def odd_paths(tmp_path):
    """A symbolic link loop (two links), a broken link, a named pipe, a good file."""
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    return tmp_path


@posix_only
@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("a.txt", UnreadableFileError, "a symbolic link loop"),
        ("broken.txt", ArticleNotFoundError, "a broken symbolic link"),
        ("pipe.txt", NotAFileError, r"a named pipe \(FIFO\), not a file"),
    ],
)
def test_a_single_odd_file_gets_a_clear_error(odd_paths, name, error, message):
    with pytest.raises(error, match=message):
        load_article(odd_paths / name)


@posix_only
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("a.txt", "a symbolic link loop"),
        ("broken.txt", "a broken symbolic link"),
        ("pipe.txt", "named pipe"),
    ],
)
def test_report_and_corpus_paths_say_what_is_wrong(odd_paths, name, message, capsys):
    with pytest.raises(ArticleNotFoundError, match=message):
        expand_paths([odd_paths / name], {".txt"}, ArticleNotFoundError)
    with pytest.raises(CorpusInputError, match=message):
        expand_input(odd_paths / name)
    assert main(["analyse", str(odd_paths / name)]) == 2
    assert message.split(" (")[0] in capsys.readouterr().err


@posix_only
def test_a_folder_lists_only_its_regular_files(odd_paths):
    assert expand_paths([odd_paths], {".txt"}, ArticleNotFoundError) == [odd_paths / "good.txt"]


def test_permission_denied_is_named(tmp_path, monkeypatch):
    # Simulated: tests may run as root, who may read anything.
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert path_problem(good).kind == "permission"
    with pytest.raises(UnreadableFileError, match="permission denied: the file cannot be read"):
        load_article(good)
    with pytest.raises(
        ArticleNotFoundError, match="permission denied: the folder cannot be listed"
    ):
        expand_paths([tmp_path], {".txt"}, ArticleNotFoundError)


def test_a_folder_that_cannot_be_reached_is_named(tmp_path, monkeypatch):
    inner = tmp_path / "locked" / "a.txt"
    real_stat = type(inner).stat

    def stat(self, *args, **kwargs):
        if self == inner:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(type(inner), "stat", stat)
    with pytest.raises(CorpusInputError, match="permission denied: the path cannot be reached"):
        expand_input(inner)


def test_an_ordinary_missing_path_is_still_no_such_file(tmp_path):
    assert path_problem(tmp_path / "missing.txt") is None
    with pytest.raises(ArticleNotFoundError, match="no such file"):
        load_article(tmp_path / "missing.txt")
