"""Words and numbers for people: plurals, numbers, signed scores, percentages, lists, and
article text made safe for Markdown and HTML.

Everything a report, a notebook or the terminal says in prose goes through these helpers, so
"1 article", "947 words", "+0.178" and "52%" read the same everywhere. Standard library only:
the command line uses it without importing pandas.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from numbers import Integral, Real

#: Shown for a value that is missing or not a number.
MISSING = "–"


def plural(
    count: int | float,
    singular: str,
    plural_form: str | None = None,
    *,
    digits: int | None = None,
    show: bool = True,
) -> str:
    """``count`` with the noun in the right number: "1 article", "2 articles", "0 matches",
    "23.7 words" (``digits=1``).

    ``plural_form`` defaults to ``singular + "s"`` ("es" after s, x, z, ch, sh). The count is
    written by :func:`number` (``digits`` decimals if given). With ``show=False`` only the
    noun is returned.
    """
    if plural_form is None:
        plural_form = singular + ("es" if re.search(r"(s|x|z|ch|sh)$", singular) else "s")
    text = number(count, digits)
    noun = singular if text == "1" else plural_form
    return f"{text} {noun}" if show else noun


def is_number(value: object) -> bool:
    """True for an int or float (numpy's too) that is not NaN; False for bools and the rest."""
    if isinstance(value, bool) or not isinstance(value, Real):
        return False
    return not math.isnan(float(value))


def number(value: object, digits: int | None = None) -> str:
    """A number as a person reads it.

    Integers (and floats with no fraction) as integers with thousands separators ("1,234");
    other numbers with 2–3 significant decimals: 1 decimal from 100, 2 from 1, 3 below 1
    ("253.4", "14.41", "0.178"), more only for very small values ("0.00012"). ``digits``
    fixes the number of decimals instead. A missing value is "–".
    """
    if not is_number(value):
        return MISSING if value is None or _is_nan(value) else str(value)
    if isinstance(value, Integral):
        return f"{int(value):,}".replace("-", "−")
    x = float(value)
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if digits is None:
        if x == int(x):
            return f"{int(x):,}".replace("-", "−")
        size = abs(x)
        digits = 1 if size >= 100 else 2 if size >= 1 else 3
        if size < 0.001:  # keep two significant digits of a very small value
            digits = min(10, 1 - math.floor(math.log10(size)))
    text = f"{x:,.{digits}f}"
    if float(text.replace(",", "")) == 0:
        return "0"
    return text.replace("-", "−")


def signed(value: object, digits: int = 3) -> str:
    """A score with its sign, e.g. a compound "+0.178" or "−0.052" (a true minus sign)."""
    if not is_number(value):
        return MISSING
    text = f"{float(value):+.{digits}f}"
    if float(text) == 0:
        return f"{0:.{digits}f}"
    return text.replace("-", "−")


def percent(share: object, digits: int = 0) -> str:
    """A share 0…1 as a percentage: 0.525 → "52%" (or "52.5%" with ``digits=1``)."""
    if not is_number(share):
        return MISSING
    return f"{100 * float(share):.{digits}f}%"


def listing(items: Iterable[str], conjunction: str = "and", empty: str = "none") -> str:
    """ "a", "a and b", "a, b and c"; ``empty`` when there is nothing to list."""
    items = list(items)
    if not items:
        return empty
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def escape_html(text: str) -> str:
    """Escape article text for HTML (``&``, ``<``, ``>``, both quotes)."""
    return html.escape(text, quote=True)


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def escape_markdown(text: str) -> str:
    """Escape article text for Markdown prose: HTML first, then Markdown's own markup.

    Renderers turn ``\\*`` back into ``*``, so nothing of the escaping shows. Quotes are left as
    they are: they are harmless in Markdown text, and an entity such as ``&#x27;`` would be
    broken by escaping its ``#``. Inside a code span use :func:`code` instead: there a
    backslash would show.
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(str(text), quote=False))


def code(text: str) -> str:
    """``text`` as a Markdown code span (a file name, a parameter): shown literally, so it is
    not backslash-escaped; the fence is longer than any run of backticks inside."""
    text = str(text).replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def emphasis(text: str) -> str:
    """Article text in italics for Markdown (escaped)."""
    return f"*{escape_markdown(text)}*"


def strong(text: str) -> str:
    """Article text in bold for Markdown (escaped)."""
    return f"**{escape_markdown(text)}**"


def _is_nan(value: object) -> bool:
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return True
    try:
        return math.isnan(value)  # type: ignore[arg-type]
    except TypeError:
        return False
