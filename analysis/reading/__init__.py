"""Reading internals: structured HTML and Markdown extraction, furniture rules shared by every
format, and language detection. :mod:`analysis.article` is the public entry point
(:func:`~analysis.article.load_article`); this package holds the parts it is built from.

* :mod:`.html`: an HTML page read into pieces from trafilatura's XML, with fallbacks;
* :mod:`.markdown`: Markdown (and the raw HTML inside it) read into pieces;
* :mod:`.zoning`: pieces put into zones;
* :mod:`.furniture`: line-level furniture rules and where the footer starts;
* :mod:`.language`: the body's language, offline (py3langid);
* :mod:`.warning`: the warnings an :class:`~analysis.article.Article` carries.
"""

from .furniture import (
    FURNITURE_REASONS,
    ends_with_credit,
    footer_start,
    furniture_reason,
    is_meta_line,
    line_reasons,
    looks_like_heading,
    looks_like_sentence,
)
from .html import HtmlReading, read_html
from .language import ENGLISH, UNDETERMINED, LanguageGuess, detect_language, language_name
from .markdown import read_markdown, strip_raw_html
from .pieces import Piece
from .warning import WARNING_CODES, ReadingWarning
from .zoning import Zoned, ZonedPage, zone_pieces

__all__ = [
    "ENGLISH",
    "FURNITURE_REASONS",
    "UNDETERMINED",
    "WARNING_CODES",
    "HtmlReading",
    "LanguageGuess",
    "Piece",
    "ReadingWarning",
    "Zoned",
    "ZonedPage",
    "detect_language",
    "ends_with_credit",
    "footer_start",
    "furniture_reason",
    "is_meta_line",
    "language_name",
    "line_reasons",
    "looks_like_heading",
    "looks_like_sentence",
    "read_html",
    "read_markdown",
    "strip_raw_html",
    "zone_pieces",
]
