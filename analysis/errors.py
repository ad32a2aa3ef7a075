"""One exception hierarchy for everything the package rejects.

Every error names the file (when there is one), says what is wrong and what to do,
so the CLI can print ``str(error)`` as a single line without a traceback.
"""

from __future__ import annotations

from pathlib import Path


class ArticleAnalysisError(Exception):
    """Base class of every error raised on purpose by ``analysis``."""


class ArticleError(ArticleAnalysisError):
    """An article file or text that cannot be analysed.

    Attributes:
        path: the file concerned, or ``None`` for text passed as a string.
        problem: what is wrong.
        advice: what the user can do about it.
    """

    def __init__(self, path: str | Path | None, problem: str, advice: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        self.advice = advice
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.path is not None else "<text>"
        return f"{where}: {self.problem}. {self.advice}"


class ArticleNotFoundError(ArticleError):
    """The path does not exist."""


class NotAFileError(ArticleError):
    """The path exists but is a directory or another non-regular file."""


class EmptyArticleError(ArticleError):
    """The file is empty or holds only white space."""


class BinaryFileError(ArticleError):
    """The file holds binary data (an image, a PDF, an archive…), not text."""


class ArticleTooLargeError(ArticleError):
    """The file is larger than the size limit."""


class UnreadableFileError(ArticleError):
    """The file exists but cannot be read (permissions, I/O error)."""


class UnsupportedFormatError(ArticleError):
    """The file's extension is not one of the supported formats."""


class NoReadableTextError(ArticleError):
    """An HTML page whose main content holds no readable text (scripts, styles, navigation only)."""


class UnsupportedLanguageError(ArticleError):
    """The article is not in English, and the English-only analyses were not allowed on it.

    Attributes:
        language: the ISO 639-1 code of the detected language.
    """

    def __init__(
        self, path: str | Path | None, problem: str, advice: str, *, language: str
    ) -> None:
        self.language = language
        super().__init__(path, problem, advice)


class ParameterError(ArticleAnalysisError):
    """A function or CLI option was given a value it cannot use."""


class DictionaryError(ArticleAnalysisError):
    """An actor dictionary file (YAML) that cannot be used.

    Attributes:
        path: the file concerned.
        line: 1-based line of the offending entry or field, or ``None`` when the whole file is
            concerned (missing, unreadable).
        problem: what is wrong.
        advice: what the user can do about it.
    """

    def __init__(self, path: str | Path, line: int | None, problem: str, advice: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        self.advice = advice
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}, line {self.line}"
        return f"{where}: {self.problem}. {self.advice}"


class CorpusError(ArticleAnalysisError):
    """A corpus input or output folder that cannot be used (which, what is wrong, what to do)."""

    def __init__(self, path: str | Path | None, problem: str, advice: str) -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        self.advice = advice
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path is not None else ""
        return f"{where}{self.problem}. {self.advice}"


class CorpusInputError(CorpusError):
    """The corpus input is missing, of an unknown kind, or lacks the text column."""


class DuplicateIdError(CorpusInputError):
    """Rows of the corpus input share an id (raised before any work; the message lists them)."""


class OutputError(ArticleAnalysisError):
    """An output folder that cannot be written (which, what is wrong, what to do)."""

    def __init__(self, path: str | Path | None, problem: str, advice: str) -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        self.advice = advice
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path is not None else ""
        return f"{where}{self.problem}. {self.advice}"


class OutputLockedError(OutputError):
    """Another run is writing to the same output folder."""


class OutputWriteError(OutputError):
    """Writing the output failed (disk full, permission denied, …); earlier output is intact."""


class CorpusRowError(ArticleAnalysisError):
    """One row of a table cannot be read (malformed JSON, not an object); lands in failures."""


def positive_int(name: str, value: object, *, allow_none: bool = False) -> int | None:
    """``value`` when it is a whole number of at least 1 (or ``None`` when ``allow_none``).

    Raises:
        ParameterError: naming the parameter and the value it was given.
    """
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        also = " or None" if allow_none else ""
        raise ParameterError(f"{name} must be a whole number of at least 1{also}, not {value!r}")
    return value
