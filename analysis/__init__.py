"""article-analysis: turn a news article into an analytical dossier.

The public helpers are re-exported here; each lives in a module with one job.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("article-analysis")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

from .article import Article, Block, article_from_string, load_article  # noqa: E402
from .dictionary import Actor, ActorDictionary, load_dictionary  # noqa: E402
from .errors import (  # noqa: E402
    ArticleAnalysisError,
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryFileError,
    CorpusError,
    CorpusInputError,
    DictionaryError,
    EmptyArticleError,
    NoReadableTextError,
    NotAFileError,
    ParameterError,
    UnsupportedFormatError,
    UnsupportedLanguageError,
)
from .record import SCHEMA, build_record  # noqa: E402
from .text import Document, Sentence, Token, prepare, split_sentences, tokenize  # noqa: E402

__all__ = [
    "SCHEMA", "Actor", "ActorDictionary", "Article", "ArticleAnalysisError", "ArticleError",
    "ArticleNotFoundError", "ArticleTooLargeError", "BinaryFileError", "Block", "CorpusError",
    "CorpusInputError", "DictionaryError", "Document", "EmptyArticleError", "load_dictionary",
    "NoReadableTextError", "NotAFileError", "ParameterError", "Sentence", "Token",
    "UnsupportedFormatError", "UnsupportedLanguageError", "__version__", "article_from_string",
    "build_record", "load_article", "prepare", "split_sentences", "tokenize",
]
