"""Which language an article's body is written in, offline.

The classifier is py3langid (BSD-3-Clause; a maintained fork of langid.py, Lui & Baldwin 2012,
97 languages, its model shipped inside the wheel). Two guards keep it from misfiring on the
short English texts a user may pass:

* a Latin-script text with fewer than :data:`MIN_LETTERS` letters (another script: fewer than
  :data:`MIN_OTHER_SCRIPT_LETTERS`) is ``und`` (undetermined);
* a Latin-script text in which English function words ("the", "of", "and"…) make up at least
  :data:`ENGLISH_FUNCTION_SHARE` of the words is English whatever the classifier says, and the
  classifier's verdict on other Latin-script text counts only when it is confident
  (:data:`MIN_CONFIDENCE`, probabilities normalised); otherwise ``und``.

Texts mostly in another script (Cyrillic, Han, Arabic…) are classified once they are that long:
the script alone shows they are not English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["ENGLISH", "UNDETERMINED", "LanguageGuess", "detect_language", "language_name"]

ENGLISH = "en"
UNDETERMINED = "und"
MIN_LETTERS = 40
#: Fewest letters for a text mostly in another script (a Han character is a word).
MIN_OTHER_SCRIPT_LETTERS = 10
MIN_CONFIDENCE = 0.9
ENGLISH_FUNCTION_SHARE = 0.12
#: Characters read from a long text (the classifier's verdict is settled long before).
SAMPLE_CHARS = 20_000

_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for on with as was it by at from
he his be are this have has not an but or they their which were been said who will its would
we i you she her our there had after about more than into also one when new could them all
after over what up out so if no can over""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

_NAMES = {
    "en": "English",
    "ru": "Russian",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "ar": "Arabic",
    "fa": "Persian",
    "uk": "Ukrainian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "tr": "Turkish",
    "he": "Hebrew",
    "hi": "Hindi",
    "vi": "Vietnamese",
    "id": "Indonesian",
    "sv": "Swedish",
    "cs": "Czech",
    "el": "Greek",
    "ro": "Romanian",
    "hu": "Hungarian",
    "th": "Thai",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "da": "Danish",
    "fi": "Finnish",
    "no": "Norwegian",
    "ur": "Urdu",
    "bn": "Bengali",
    "ms": "Malay",
    "be": "Belarusian",
    "kk": "Kazakh",
    "ka": "Georgian",
    "hy": "Armenian",
    "az": "Azerbaijani",
}


@dataclass(frozen=True)
class LanguageGuess:
    """The language of a text: an ISO 639-1 code (``und`` when undetermined), the
    classifier's normalised probability, and how it was decided (``too short``,
    ``english function words``, ``classifier``, ``not confident``)."""

    code: str
    confidence: float
    method: str

    @property
    def name(self) -> str:
        return language_name(self.code)


def language_name(code: str) -> str:
    """The English name of a language code ("ru" → "Russian"); the code itself if unknown."""
    return "undetermined" if code == UNDETERMINED else _NAMES.get(code, code)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _latin_share(letters: str) -> float:
    latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def detect_language(text: str) -> LanguageGuess:
    """Guess the language of ``text`` (see the module docstring for the rules)."""
    sample = text[:SAMPLE_CHARS]
    letters = "".join(ch for ch in sample if ch.isalpha())
    latin = bool(letters) and _latin_share(letters) >= 0.5
    if len(letters) < (MIN_LETTERS if latin else MIN_OTHER_SCRIPT_LETTERS):
        return LanguageGuess(UNDETERMINED, 0.0, "too short")
    if latin:
        words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
        share = sum(1 for w in words if w in _FUNCTION_WORDS) / max(len(words), 1)
        if share >= ENGLISH_FUNCTION_SHARE:
            return LanguageGuess(ENGLISH, round(share, 3), "english function words")
    code, confidence = _identifier().classify(sample)
    confidence = round(float(confidence), 3)
    if latin and (confidence < MIN_CONFIDENCE or code == ENGLISH):
        # English without its function words is a list or a fragment: not sure enough.
        return LanguageGuess(
            UNDETERMINED if code != ENGLISH else ENGLISH,
            confidence,
            "not confident" if code != ENGLISH else "classifier",
        )
    return LanguageGuess(code, confidence, "classifier")
