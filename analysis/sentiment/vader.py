"""VADER sentence scores with word-level explanations, identical to vaderSentiment 3.3.2.

This module re-states ``vaderSentiment.SentimentIntensityAnalyzer.polarity_scores`` (Hutto &
Gilbert, ICWSM 2014) so that each sentence's score comes with the lexicon words that moved it
and the rules that changed their weight. The lexicon, emoji table, booster words, negation words
and constants are taken from the installed ``vaderSentiment`` package itself (one analyzer is
built once per process: building one re-reads the lexicon files), and the arithmetic is done in
the same order as the reference, so the scores are bit-for-bit the same (tests and
``benchmarks/sentiment_benchmark.py`` check this).

It is faster than the reference because it lower-cases a sentence's words once instead of
once per lexicon word (the reference rebuilds that list in its negation, idiom and "but"
checks, which is quadratic in sentence length), skips the character-by-character emoji pass
when a sentence holds no emoji, and caches results per sentence text.

How VADER scores a sentence (what the explanation reports):

* the text is split on white space; leading/trailing punctuation is stripped from a token unless
  that leaves two characters or fewer (so ``:)`` survives);
* each token found in the lexicon gets its mean human rating (-4 … +4) as *valence*;
* rules then change that valence: up to three preceding *booster/dampener* words (``very``
  +0.293, ``slightly`` -0.293, scaled by 1, 0.95, 0.9 with distance); a *negation* word up to
  three tokens before (``not``, ``never``, ``n't`` …) multiplies by -0.74; ``no`` just before;
  an ALL-CAPS word in a mixed-case sentence adds ±0.733; ``least``; a few idioms; after a
  *"but"*, valences before it are halved and those after it multiplied by 1.5;
* the valences are summed, ``!`` (up to 4, 0.292 each) and ``?`` (2–3: 0.18 each; more: 0.96)
  push the sum away from zero, and ``compound = s / sqrt(s² + 15)`` rounded to 4 places;
  ``pos``/``neg``/``neu`` are the shares of positive mass, negative mass and neutral tokens,
  rounded to 3 places.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from vaderSentiment import vaderSentiment as _ref

# The reference's own tables, so a change of lexicon or constants in the package follows through.
B_INCR = _ref.B_INCR
C_INCR = _ref.C_INCR
N_SCALAR = _ref.N_SCALAR
BOOSTER_DICT = _ref.BOOSTER_DICT
SPECIAL_CASES = _ref.SPECIAL_CASES
_NEGATE = frozenset(_ref.NEGATE)
_PUNCTUATION = _ref.string.punctuation
_TOKEN_SPAN = re.compile(r"\S+")


@lru_cache(maxsize=1)
def reference_analyzer() -> _ref.SentimentIntensityAnalyzer:
    """The one ``vaderSentiment`` analyzer of this process (its lexicon and emoji table)."""
    return _ref.SentimentIntensityAnalyzer()


def lexicon() -> dict[str, float]:
    """VADER's lexicon: lower-case token → mean human valence rating (-4 … +4)."""
    return reference_analyzer().lexicon


@lru_cache(maxsize=1)
def _emoji_table() -> tuple[dict[str, str], frozenset[str]]:
    emojis = reference_analyzer().emojis
    return emojis, frozenset(emojis)


class WordEffect(NamedTuple):
    """One scored token of a sentence and what VADER's rules did to it.

    ``position`` is the token's index in VADER's white-space split (see :func:`word_spans` for
    its characters); ``word`` the token with surrounding punctuation stripped;
    ``lexicon_valence`` is the lexicon rating, ``valence`` the value after all rules (the term
    VADER sums), ``rules`` the rules that changed it, in the order applied.
    """

    position: int
    word: str
    lexicon_valence: float
    valence: float
    rules: tuple[str, ...]


class VaderResult(NamedTuple):
    """VADER's scores of one text and the terms that produced them.

    ``valences`` holds one number per token (0 for tokens outside the lexicon), exactly the list
    the reference sums; ``punctuation`` is the emphasis for ``!`` and ``?`` (added to the sum's
    magnitude, and only when the sum is not zero).
    """

    compound: float
    pos: float
    neu: float
    neg: float
    valences: tuple[float, ...]
    effects: tuple[WordEffect, ...]
    punctuation: float

    def scores(self) -> dict[str, float]:
        """The four scores as vaderSentiment returns them."""
        return {"neg": self.neg, "neu": self.neu, "pos": self.pos, "compound": self.compound}


def _replace_emoji(text: str) -> tuple[str, bool]:
    """The reference's emoji pass: each emoji becomes its description, then the text is
    stripped. Returns the new text and whether any emoji was found."""
    emojis, keys = _emoji_table()
    if keys.isdisjoint(text):
        return text.strip(), False
    out = []
    prev_space = True
    for char in text:
        if char in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[char])
            prev_space = False
        else:
            out.append(char)
            prev_space = char == " "
    return "".join(out).strip(), True


def _is_negation(word_lower: str) -> bool:
    return word_lower in _NEGATE or "n't" in word_lower


def _valence(
    i: int,
    words: list[str],
    lower: list[str],
    lex: dict[str, float],
    cap_diff: bool,
    rules: list[str],
) -> float:
    """The valence of lexicon token ``i`` after VADER's rules (reference: sentiment_valence)."""
    item = words[i]
    item_lower = lower[i]
    n = len(words)
    valence = lex[item_lower]
    if item_lower == "no" and i != n - 1 and lower[i + 1] in lex:
        valence = 0.0
        rules.append("'no' before a lexicon word: 0")
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
    ):
        valence = lex[item_lower] * N_SCALAR
        rules.append(f"after 'no': x{N_SCALAR}")
    if item.isupper() and cap_diff:
        if valence > 0:
            valence += C_INCR
            rules.append(f"ALL CAPS: {C_INCR:+}")
        else:
            valence -= C_INCR
            rules.append(f"ALL CAPS: {-C_INCR:+}")
    for start_i in range(0, 3):
        if i > start_i and lower[i - (start_i + 1)] not in lex:
            before = words[i - (start_i + 1)]
            s = _scalar_inc_dec(before, lower[i - (start_i + 1)], valence, cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            if s != 0:
                rules.append(f"booster '{lower[i - (start_i + 1)]}': {s:+.4g}")
            valence = _negation_check(valence, lower, start_i, i, rules)
            if start_i == 2:
                valence = _special_idioms_check(valence, lower, i, rules)
    return _least_check(valence, lower, i, lex, rules)


def _scalar_inc_dec(word: str, word_lower: str, valence: float, cap_diff: bool) -> float:
    scalar = 0.0
    if word_lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[word_lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _negation_check(
    valence: float, lower: list[str], start_i: int, i: int, rules: list[str]
) -> float:
    if start_i == 0:
        if _is_negation(lower[i - 1]):
            valence = valence * N_SCALAR
            rules.append(f"negated by '{lower[i - 1]}': x{N_SCALAR}")
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
            rules.append(f"'never {lower[i - 1]}': x1.25")
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _is_negation(lower[i - 2]):
            valence = valence * N_SCALAR
            rules.append(f"negated by '{lower[i - 2]}': x{N_SCALAR}")
    if start_i == 2:
        if (
            lower[i - 3] == "never"
            and (lower[i - 2] == "so" or lower[i - 2] == "this")
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
            if lower[i - 1] in ("so", "this"):  # the reference's condition, as written
                rules.append(f"'{lower[i - 1]}' just before (VADER's 'never so' rule): x1.25")
            else:
                rules.append(f"'never {lower[i - 2]}': x1.25")
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _is_negation(lower[i - 3]):
            valence = valence * N_SCALAR
            rules.append(f"negated by '{lower[i - 3]}': x{N_SCALAR}")
    return valence


def _special_idioms_check(valence: float, lower: list[str], i: int, rules: list[str]) -> float:
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            rules.append(f"idiom '{seq}': {valence}")
            break
    n = len(lower)
    if n - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
            rules.append(f"idiom '{zeroone}': {valence}")
    if n - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
            rules.append(f"idiom '{zeroonetwo}': {valence}")
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
            rules.append(f"booster '{n_gram}': {BOOSTER_DICT[n_gram]:+}")
    return valence


def _least_check(
    valence: float, lower: list[str], i: int, lex: dict[str, float], rules: list[str]
) -> float:
    if i > 1 and lower[i - 1] not in lex and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
            rules.append(f"after 'least': x{N_SCALAR}")
    elif i > 0 and lower[i - 1] not in lex and lower[i - 1] == "least":
        valence = valence * N_SCALAR
        rules.append(f"after 'least': x{N_SCALAR}")
    return valence


def _but_check(lower: list[str], sentiments: list[float]) -> list[list[str]]:
    """The reference's "but" rule, quirks included: it walks the list and rescales the *first*
    element equal to the current one (``list.index``), so repeated values can be rescaled at
    another position, even twice. Returns, per position, the factor notes applied there."""
    notes: list[list[str]] = [[] for _ in sentiments]
    bi = lower.index("but")
    for position in range(len(sentiments)):
        sentiment = sentiments[position]
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments[si] = sentiment * 0.5
            if sentiment != 0:
                notes[si].append("before 'but': x0.5")
        elif si > bi:
            sentiments[si] = sentiment * 1.5
            if sentiment != 0:
                notes[si].append("after 'but': x1.5")
    return notes


def _punctuation_emphasis(text: str) -> float:
    ep_count = min(text.count("!"), 4)
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def _normalize(score: float, alpha: float = 15) -> float:
    norm_score = score / math.sqrt((score * score) + alpha)
    return max(-1.0, min(1.0, norm_score))


@lru_cache(maxsize=65536)
def analyse(text: str) -> VaderResult:
    """Score one text (a sentence) exactly as vaderSentiment 3.3.2 and explain the score.

    Results are cached per text; the returned object is immutable.
    """
    if not isinstance(text, str):
        text = str(text)
    clean, had_emoji = _replace_emoji(text)
    raw_tokens = clean.split()
    punctuation_chars = _PUNCTUATION
    words = []
    for token in raw_tokens:
        stripped = token.strip(punctuation_chars)
        words.append(token if len(stripped) <= 2 else stripped)
    lower = [w.lower() for w in words]
    n = len(words)
    allcaps = sum(map(str.isupper, words))
    cap_diff = 0 < n - allcaps < n
    lex = lexicon()
    boosters = BOOSTER_DICT

    sentiments: list[float] = [0] * n
    rules_at: dict[int, list[str]] = {}
    for i, item_lower in enumerate(lower):
        if (
            item_lower not in lex
            or item_lower in boosters
            or (item_lower == "kind" and i < n - 1 and lower[i + 1] == "of")
        ):
            continue
        rules: list[str] = []
        rules_at[i] = rules
        sentiments[i] = _valence(i, words, lower, lex, cap_diff, rules)
    but_notes = _but_check(lower, sentiments) if "but" in lower else None

    punctuation = _punctuation_emphasis(clean) if sentiments else 0.0
    compound, pos, neu, neg = _score_valences(sentiments, punctuation)

    # Positions whose term is not zero, or whose rules were applied (e.g. "no" set to 0).
    effects = []
    for i, rules in rules_at.items():
        if sentiments[i] != 0 or rules:
            if but_notes:
                rules.extend(but_notes[i])
            effects.append(
                WordEffect(i, words[i], lex[lower[i]], float(sentiments[i]), tuple(rules))
            )
    return VaderResult(
        round(compound, 4),
        round(pos, 3),
        round(neu, 3),
        round(neg, 3),
        tuple(map(float, sentiments)),
        tuple(effects),
        punctuation,
    )


def word_spans(text: str) -> list[tuple[int, int]] | None:
    """Character spans in ``text`` of VADER's tokens (punctuation-stripped as VADER strips
    them), by position; None when the text holds emoji, which VADER rewrites as words."""
    spans = _word_spans(text)
    return None if spans is None else list(spans)


@lru_cache(maxsize=4096)  # a sentence's spans are asked for by its masking and its news tone
def _word_spans(text: str) -> tuple[tuple[int, int], ...] | None:
    if not _emoji_table()[1].isdisjoint(text):
        return None
    bounds = _word_bounds
    spans = []
    for match in _TOKEN_SPAN.finditer(text):
        a, b = bounds(match.group())
        offset = match.start()
        spans.append((offset + a, offset + b))
    if len(spans) != len(text.split()):  # white space that re and str.split disagree on
        return None
    return tuple(spans)


@lru_cache(maxsize=65536)
def _word_bounds(raw: str) -> tuple[int, int]:
    """Where VADER's word sits in a white-space token (punctuation stripped as VADER strips
    it); cached because tokens recur."""
    stripped = raw.strip(_PUNCTUATION)
    word = raw if len(stripped) <= 2 else stripped
    start = raw.find(word)
    return start, start + len(word)


def compound_without(result: VaderResult, position: int) -> float:
    """The compound score (not rounded) that ``result``'s text would get if the token at
    ``position`` contributed nothing: the leave-one-out counterpart used to say how much a
    word moved the score. Punctuation emphasis follows the sign of the remaining sum."""
    total = float(sum(result.valences)) - result.valences[position]
    if total > 0:
        total += result.punctuation
    elif total < 0:
        total -= result.punctuation
    return _normalize(total)


def raw_compound(result: VaderResult) -> float:
    """The compound score of ``result`` before rounding to 4 places."""
    total = float(sum(result.valences))
    if total > 0:
        total += result.punctuation
    elif total < 0:
        total -= result.punctuation
    return _normalize(total)


def polarity_scores(text: str) -> dict[str, float]:
    """``{"neg", "neu", "pos", "compound"}`` of ``text``, equal to vaderSentiment's."""
    return analyse(text).scores()


def clear_cache() -> None:
    """Forget cached sentence results (used by the benchmark to time cold runs)."""
    analyse.cache_clear()
    _word_spans.cache_clear()


def masked_positions(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """VADER token positions of ``text`` that overlap ``spans`` (offsets into ``text``)."""
    if not spans:
        return frozenset()
    positions = _word_spans(text)  # read only: the cached tuple, no copy
    if positions is None:
        return frozenset()
    return frozenset(
        i for i, (a, b) in enumerate(positions) if any(a < e and b > s for s, e in spans)
    )


def masked_scores(result: VaderResult, masked: frozenset[int]) -> tuple[float, float, float, float]:
    """``(compound, pos, neu, neg)`` of ``result`` with the tokens at ``masked`` positions
    valued 0 (after VADER's rules ran on the whole text), by VADER's own arithmetic and
    rounding; equal to ``result``'s scores when nothing is masked."""
    if not masked:
        return result.compound, result.pos, result.neu, result.neg
    sentiments = [0.0 if i in masked else v for i, v in enumerate(result.valences)]
    compound, pos, neu, neg = _score_valences(sentiments, result.punctuation)
    return round(compound, 4), round(pos, 3), round(neu, 3), round(neg, 3)


def _score_valences(sentiments: Sequence[float], punct: float) -> tuple[float, float, float, float]:
    """VADER's ``score_valence`` arithmetic, unrounded: ``(compound, pos, neu, neg)`` of the
    word valences with the punctuation emphasis ``punct`` (all 0 when there is no word)."""
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    sum_s = float(sum(sentiments))
    if sum_s > 0:
        sum_s += punct
    elif sum_s < 0:
        sum_s -= punct
    compound = _normalize(sum_s)
    pos_sum = neg_sum = 0.0
    neu_count = 0
    for score in sentiments:
        if score > 0:
            pos_sum += float(score) + 1
        if score < 0:
            neg_sum += float(score) - 1
        if score == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (
        compound,
        math.fabs(pos_sum / total),
        math.fabs(neu_count / total),
        math.fabs(neg_sum / total),
    )
