"""article-analysis: turn a news article into an analytical dossier.

The pipeline reads top to bottom: :mod:`.article` reads a file into an Article, :mod:`.text`
splits it into sentences and tokens, :mod:`.stats`, :mod:`.sentiment` and :mod:`.actors`
analyse it, :mod:`.record` gathers the result record, and :mod:`.plots`, :mod:`.report` and
:mod:`.corpus` turn records into figures, reports and corpus tables.

The names below are re-exported here and imported on first use, so ``import analysis`` (and
``article-analysis --version``) stays fast.
"""

from importlib import import_module
from typing import Any

from ._version import __version__

_EXPORTS = {
    "Article": "article",
    "Block": "article",
    "article_from_string": "article",
    "load_article": "article",
    "Document": "text",
    "Sentence": "text",
    "Token": "text",
    "prepare": "text",
    "split_sentences": "text",
    "tokenize": "text",
    "SCHEMA": "record",
    "build_record": "record",
    "Actor": "actors",
    "ActorDictionary": "actors",
    "load_dictionary": "actors",
    **dict.fromkeys(
        (
            "ArticleAnalysisError",
            "ArticleError",
            "ArticleNotFoundError",
            "ArticleTooLargeError",
            "BinaryFileError",
            "CorpusError",
            "CorpusInputError",
            "DictionaryError",
            "EmptyArticleError",
            "NoReadableTextError",
            "NotAFileError",
            "ParameterError",
            "UnreadableFileError",
            "UnsupportedFormatError",
            "UnsupportedLanguageError",
        ),
        "errors",
    ),
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
