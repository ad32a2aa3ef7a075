"""Sentence-level sentiment of a Document with VADER, its aggregates, arc and explanations.

Every score here is VADER's (Hutto & Gilbert 2014) on one sentence of the Document, computed by
:mod:`analysis.vader` (identical to vaderSentiment 3.3.2). Longer units are never scored as one
text, because VADER's compound saturates towards ±1 as a text grows; paragraphs, sections and the
article are described by their sentences instead:

* ``mean_compound``: the mean of the sentences' compound scores;
* ``positive_share``: the share of sentences with compound **above** ``+threshold``;
* ``negative_share``: the share with compound **below** ``-threshold``;
* ``neutral_share``: the rest (``-threshold <= compound <= +threshold``: the boundaries are
  neutral, as in the evaluation data's convention).

The threshold (``neutral_threshold`` in the notebook) defaults to 0.05, the convention of VADER's
authors. The article's GDELT-style tone vector is in :mod:`analysis.tone`; the second lexicon in
:mod:`analysis.afinn_compare`; quotations in :mod:`analysis.quotes_sentiment`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..errors import ParameterError, positive_int
from ..forking import map_ranges
from ..log import logger
from ..text import Document, Sentence
from . import news_tone
from .general_inquirer import gdelt_tone
from .masking import name_spans, sentence_masks
from .news_tone import _sentence_score, model_for_article, prime
from .vader import (
    _normalize,
    analyse,
    masked_positions,
    masked_scores,
    word_spans,
)

#: Where a :func:`sentence_scores` table says which news tone model scored it (``attrs``).
NEWS_TONE_MODEL = "news_tone_model"
#: Columns of :func:`sentence_scores` (the record's ``sentiment.sentences`` fields).
SENTENCE_COLUMNS = [
    "index",
    "text",
    "start",
    "end",
    "compound",
    "pos",
    "neu",
    "neg",
    "raw_compound",
    "raw_pos",
    "raw_neu",
    "raw_neg",
    "masked_words",
    "news_tone",
]
#: The columns' dtypes (``text`` stays an object column: the sentence as written).
SENTENCE_DTYPES = {
    "index": "int64",
    "start": "int64",
    "end": "int64",
    "compound": "float64",
    "pos": "float64",
    "neu": "float64",
    "neg": "float64",
    "raw_compound": "float64",
    "raw_pos": "float64",
    "raw_neu": "float64",
    "raw_neg": "float64",
    "masked_words": "int64",
    "news_tone": "float64",
}

#: Above this many characters of sentences, :func:`sentence_scores` may share the scoring
#: between processes (:mod:`analysis.forking`; about the recogniser's 100,000 tokens).
FORK_CHARACTERS = 600_000

#: Default neutral band: |compound| <= 0.05 is neutral.
DEFAULT_THRESHOLD = 0.05
#: Neutral band of the news tone (the evaluation ratings' convention).
NEWS_THRESHOLD = 0.05

AGGREGATE_COLUMNS = [
    "sentences",
    "mean_compound",
    "positive_share",
    "negative_share",
    "neutral_share",
    "min_compound",
    "max_compound",
]


def check_threshold(threshold: float) -> float:
    """Validate a neutral threshold: a number in [0, 1)."""
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not (0 <= threshold < 1)
    ):
        raise ParameterError(
            f"neutral_threshold must be a number from 0 up to (not including) 1, "
            f"got {threshold!r}; the usual value is 0.05"
        )
    return float(threshold)


def label(compound: float, threshold: float = DEFAULT_THRESHOLD) -> str:
    """``"positive"`` above ``+threshold``, ``"negative"`` below ``-threshold``, else
    ``"neutral"`` (the boundaries themselves are neutral)."""
    if compound > threshold:
        return "positive"
    if compound < -threshold:
        return "negative"
    return "neutral"


def sentence_scores(doc: Document, masked: Sequence[tuple[int, int]] | None = None) -> pd.DataFrame:
    """VADER scores of each sentence of ``doc``, in order, entity-aware, with raw VADER beside.

    Columns: ``index`` (the sentence's index in ``doc.sentences``), ``text``, ``start``/``end``
    (offsets into the article text); ``compound`` (-1 … +1), ``pos``/``neu``/``neg`` (shares
    of the sentence's sentiment mass, summing to about 1; all 0 for a sentence without tokens):
    VADER with the words inside actor names valued 0 ("United States", "Security Council"
    neither lift nor lower a sentence); ``raw_compound``, ``raw_pos``, ``raw_neu``,
    ``raw_neg``: VADER as vaderSentiment scores the sentence; ``masked_words``: how many of
    its rated words were masked; ``news_tone``: the news-calibrated tone
    (:mod:`analysis.sentiment.news_tone`, predicted rating on -4 … +4).

    ``masked``: character spans of actor names (:func:`analysis.sentiment.masking.name_spans`);
    None detects them with the packaged actor dictionary; ``()`` masks nothing.
    """
    spans = name_spans(doc) if masked is None else tuple(tuple(span) for span in masked)
    # Once per document and mask (the notebooks' helpers ask again); callers may add columns.
    return doc.memo(("sentence_scores", spans), lambda: _sentence_scores(doc, spans)).copy()


def _sentence_scores(doc: Document, spans: tuple[tuple[int, int], ...]) -> pd.DataFrame:
    masks = sentence_masks(doc, spans)
    # The sentence encoder runs here, in batches, before any fork: the children read its
    # word values instead of encoding one sentence at a time.
    model = model_for_article(len(doc.sentences))
    static = not model.encoder
    if static:
        logger.warning(
            "news tone: %d sentences, more than the sentence encoder's %d; scored with the "
            "static model (faster, a little less accurate; the record says model: static)",
            len(doc.sentences),
            news_tone.ENCODER_SENTENCE_LIMIT,
        )
    prime(model, ((s.text, m) for s, m in zip(doc.sentences, masks, strict=True)))
    # A long article's sentences are scored in several processes at once (same rows).
    rows = map_ranges(
        lambda lo, hi: _score_rows(doc, doc.sentences[lo:hi], masks[lo:hi], model),
        [len(s.text) for s in doc.sentences],
        min_items=FORK_CHARACTERS,
    )
    table = pd.DataFrame(rows, columns=SENTENCE_COLUMNS).astype(SENTENCE_DTYPES)
    table.attrs[NEWS_TONE_MODEL] = "static" if static else "encoder"
    return table


def _score_rows(
    doc: Document,
    sentences: Sequence[Sentence],
    masks: Sequence[list[tuple[int, int]]],
    model: Any = None,
) -> list[tuple[Any, ...]]:
    """The rows of :func:`sentence_scores` for some of the document's sentences."""
    rows = []
    for sentence, mask in zip(sentences, masks, strict=True):
        result = analyse(sentence.text)
        hidden = masked_positions(sentence.text, mask)
        compound, pos, neu, neg = masked_scores(result, hidden)
        rated = sum(1 for i in hidden if result.valences[i] != 0)
        rows.append(
            (
                sentence.index,
                sentence.text,
                sentence.start,
                sentence.end,
                compound,
                pos,
                neu,
                neg,
                result.compound,
                result.pos,
                result.neu,
                result.neg,
                rated,
                # the document's tokens, where they are the sentence's own
                _sentence_score(sentence.text, mask, model, token_spans=doc._alone_spans(sentence)),
            )
        )
    return rows


def sentence_table(
    doc: Document,
    threshold: float = DEFAULT_THRESHOLD,
    masked: Sequence[tuple[int, int]] | None = None,
) -> pd.DataFrame:
    """:func:`sentence_scores` plus where each sentence sits and its class.

    Extra columns: ``paragraph`` (index among the Document's blocks), ``zone``, ``section``
    (``None`` outside any section), ``label`` (positive / negative / neutral at ``threshold``).
    """
    threshold = check_threshold(threshold)
    table = sentence_scores(doc, masked)
    table["paragraph"] = pd.Series([s.paragraph for s in doc.sentences], dtype="int64")
    table["zone"] = pd.Series([s.zone for s in doc.sentences], dtype="object")
    table["section"] = pd.Series([s.section for s in doc.sentences], dtype="object")
    table["label"] = pd.Series([label(c, threshold) for c in table["compound"]], dtype="object")
    return table


def _summary(compounds: pd.Series, threshold: float) -> dict[str, Any]:
    n = len(compounds)
    if n == 0:
        return {
            "sentences": 0,
            "mean_compound": None,
            "positive_share": None,
            "negative_share": None,
            "neutral_share": None,
            "min_compound": None,
            "max_compound": None,
        }
    positive = int((compounds > threshold).sum())
    negative = int((compounds < -threshold).sum())
    return {
        "sentences": n,
        "mean_compound": float(compounds.mean()),
        "positive_share": positive / n,
        "negative_share": negative / n,
        "neutral_share": (n - positive - negative) / n,
        "min_compound": float(compounds.min()),
        "max_compound": float(compounds.max()),
    }


def aggregate(
    table: pd.DataFrame, by: str | None = None, threshold: float = DEFAULT_THRESHOLD
) -> pd.DataFrame:
    """Sentence-level aggregates of a :func:`sentence_table`, per group of ``by``.

    ``by`` is ``"paragraph"``, ``"section"``, ``"zone"`` or ``None`` (one row for the whole
    table). Groups keep reading order (first appearance). Columns: the group key (if any),
    then ``sentences``, ``mean_compound``, ``positive_share``, ``negative_share``,
    ``neutral_share`` (see the module docstring), ``min_compound``, ``max_compound``.
    """
    threshold = check_threshold(threshold)
    if by is None:
        return pd.DataFrame([_summary(table["compound"], threshold)], columns=AGGREGATE_COLUMNS)
    if by not in ("paragraph", "section", "zone"):
        raise ParameterError(
            f"aggregate by must be 'paragraph', 'section', 'zone' or None, got {by!r}"
        )
    keys = table[by].where(table[by].notna(), "(none)") if by != "paragraph" else table[by]
    rows = []
    for key in dict.fromkeys(keys):
        rows.append({by: key, **_summary(table.loc[keys == key, "compound"], threshold)})
    return pd.DataFrame(rows, columns=[by, *AGGREGATE_COLUMNS])


def paragraph_tone(doc: Document, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Aggregates per paragraph (block) of ``doc``, with its section."""
    table = sentence_table(doc, threshold)
    result = aggregate(table, "paragraph", threshold)
    sections = table.drop_duplicates("paragraph").set_index("paragraph")["section"]
    result.insert(1, "section", result["paragraph"].map(sections))
    return result


def section_tone(doc: Document, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Aggregates per section of ``doc`` (``"(none)"`` for sentences outside any section)."""
    return aggregate(sentence_table(doc, threshold), "section", threshold)


def article_tone(
    doc: Document, threshold: float = DEFAULT_THRESHOLD, scores: pd.DataFrame | None = None
) -> dict[str, Any]:
    """The article's tone from its sentences (entity-aware VADER): ``mean_compound``,
    ``positive_share``, ``negative_share``, ``neutral_share``, and ``raw_mean_compound`` (the
    mean of raw VADER); None each when there is no sentence. ``scores``: a
    :func:`sentence_scores` table of ``doc`` (computed when None)."""
    threshold = check_threshold(threshold)
    scores = sentence_scores(doc) if scores is None else scores
    summary = _summary(scores["compound"], threshold)
    out = {
        key: summary[key]
        for key in ("mean_compound", "positive_share", "negative_share", "neutral_share")
    }
    out["raw_mean_compound"] = float(scores["raw_compound"].mean()) if len(scores) else None
    return out


def news_tone_summary(scores: pd.DataFrame, threshold: float = NEWS_THRESHOLD) -> dict[str, Any]:
    """The article's news tone from a :func:`sentence_scores` table: ``mean`` (the mean of the
    sentences' news tone, the calibrated headline, -4 … +4 rating scale), ``positive_share``,
    ``negative_share``, ``neutral_share`` at ±``threshold`` (the ratings' band, 0.05), and
    ``model``: ``"encoder"`` (the shipped model, with the sentence encoder) or ``"static"``
    (an article of more than ``ENCODER_SENTENCE_LIMIT`` sentences, scored without it; the
    static model is a little less accurate, see ``news_tone_card.md``), as the table's
    ``attrs`` record it (a table without them: by its number of rows)."""
    summary = _summary(scores["news_tone"], threshold)
    return {
        "mean": summary["mean_compound"],
        "positive_share": summary["positive_share"],
        "negative_share": summary["negative_share"],
        "neutral_share": summary["neutral_share"],
        "model": scores.attrs.get(NEWS_TONE_MODEL)
        or ("static" if len(scores) > news_tone.ENCODER_SENTENCE_LIMIT else "encoder"),
    }


def arc(table: pd.DataFrame, window: int = 5) -> pd.DataFrame:
    """The sentiment arc: the sentences in order with a rolling mean of their compound scores.

    The window is centred on each sentence and spans ``window`` sentences (fewer at the
    edges: ``min_periods=1``), so the curve starts at the first sentence. Adds the column
    ``rolling_compound`` to a copy of ``table`` (a :func:`sentence_table`).
    """
    positive_int("rolling_window", window)
    result = table.copy()
    result["rolling_compound"] = (
        result["compound"].rolling(window, center=True, min_periods=1).mean()
    )
    return result


def section_starts(table: pd.DataFrame) -> pd.DataFrame:
    """Where each section starts in sentence order: ``section``, ``index`` (first sentence)."""
    sections = table["section"].where(table["section"].notna(), "(none)")
    first = ~sections.eq(sections.shift())
    return pd.DataFrame(
        {"section": sections[first].to_list(), "index": table.loc[first, "index"].to_list()}
    )


def top_sentences(table: pd.DataFrame, k: int = 3) -> pd.DataFrame:
    """The ``k`` most positive sentences (compound > 0, highest first) and the ``k`` most
    negative (compound < 0, lowest first); fewer when the article has fewer.

    Columns: ``direction`` (positive / negative), ``rank`` (1 = strongest), then the columns of
    ``table``. Ties keep reading order.
    """
    positive_int("top_k", k)
    positive = (
        table[table["compound"] > 0].sort_values("compound", ascending=False, kind="stable").head(k)
    )
    negative = table[table["compound"] < 0].sort_values("compound", kind="stable").head(k)
    parts = []
    for direction, part in (("positive", positive), ("negative", negative)):
        part = part.copy()
        part.insert(0, "rank", range(1, len(part) + 1))
        part.insert(0, "direction", direction)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


EXPLANATION_COLUMNS = [
    "sentence",
    "position",
    "word",
    "start",
    "end",
    "lexicon_valence",
    "valence",
    "effect",
    "rules",
    "capitalised",
    "masked",
]


def _compound_of(valences: Sequence[float], punctuation: float) -> float:
    total = float(sum(valences))
    if total > 0:
        total += punctuation
    elif total < 0:
        total -= punctuation
    return _normalize(total)


def _explanation_rows(text: str, offset: int, mask: Sequence[tuple[int, int]] = ()) -> list[tuple]:
    result = analyse(text)
    if not result.effects:
        return []
    spans = word_spans(text)
    hidden = masked_positions(text, mask)
    valences = [0.0 if i in hidden else v for i, v in enumerate(result.valences)]
    full = _compound_of(valences, result.punctuation)
    rows = []
    for effect in result.effects:
        start, end = spans[effect.position] if spans else (-1, -1)
        masked = effect.position in hidden
        without = valences.copy()
        without[effect.position] = 0.0
        rows.append(
            (
                effect.position,
                effect.word,
                start + offset if start >= 0 else -1,
                end + offset if end >= 0 else -1,
                effect.lexicon_valence,
                effect.valence,
                0.0 if masked else full - _compound_of(without, result.punctuation),
                "; ".join(effect.rules),
                _capitalised(effect.word, effect.position),
                masked,
            )
        )
    return rows


def _capitalised(word: str, position: int) -> bool:
    # Mid-sentence capital (not ALL CAPS, not after an opening quote mark at the start).
    letters = word.lstrip("“‘\"'(")
    return position > 0 and letters[:1].isupper() and not letters.isupper()


def _explanation_frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=columns)
    types = {
        "position": "int64",
        "start": "int64",
        "end": "int64",
        "lexicon_valence": "float64",
        "valence": "float64",
        "effect": "float64",
        "word": "object",
        "rules": "object",
        "capitalised": "bool",
        "masked": "bool",
    }
    if "sentence" in columns:
        types["sentence"] = "int64"
    return table.astype(types)


def explain_text(text: str, offset: int = 0, mask: Sequence[tuple[int, int]] = ()) -> pd.DataFrame:
    """Why VADER scores ``text`` as it does: one row per lexicon word that moved the score.

    Columns: ``position`` (token index in VADER's split), ``word``, ``start``/``end`` (character
    offsets of the word in ``text`` plus ``offset``; -1 when the text holds emoji),
    ``lexicon_valence`` (the word's rating, -4 … +4), ``valence`` (after the rules: the term
    VADER sums), ``effect`` (the change of the compound score caused by this word: compound
    minus compound with this word's term removed, unrounded), ``rules`` (the rules that changed
    its weight, ``"; "``-separated: negation, boosters, ALL CAPS, "but", idioms, "least"),
    ``capitalised`` (capitalised mid-sentence, so possibly part of a name -- "United States",
    "Supreme Leader" -- that VADER scores as an ordinary word), ``masked`` (inside an actor
    name given in ``mask``: it counts toward raw VADER only, and its ``effect`` on the
    entity-aware compound is 0). Punctuation emphasis (``!``, ``?``) is not a word; it is
    folded into every ``effect``. ``mask``: spans of names, offsets into ``text``.
    """
    return _explanation_frame(_explanation_rows(text, offset, mask), EXPLANATION_COLUMNS[1:])


def explain(doc: Document, masked: Sequence[tuple[int, int]] | None = None) -> pd.DataFrame:
    """:func:`explain_text` for every sentence of ``doc``, offsets into the article text;
    the first column ``sentence`` is the sentence index. ``masked``: actor-name spans (None:
    detected), so masked words show with ``masked`` True and no effect."""
    spans = name_spans(doc) if masked is None else tuple(masked)
    masks = sentence_masks(doc, spans)
    rows = [
        (sentence.index, *row)
        for sentence, mask in zip(doc.sentences, masks, strict=True)
        for row in _explanation_rows(sentence.text, sentence.start, mask)
    ]
    return _explanation_frame(rows, EXPLANATION_COLUMNS)


def tone_summary(doc: Document, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """The article's tone in one table: ``measure``, ``value``, ``definition`` -- the sentence
    aggregates (VADER) then the GDELT-style vector (General Inquirer; :mod:`analysis.tone`)."""
    threshold = check_threshold(threshold)
    scores = sentence_scores(doc)
    tone = article_tone(doc, threshold, scores)
    news = news_tone_summary(scores)
    gdelt = gdelt_tone(doc)
    rows = [
        ("sentences", len(doc.sentences), "sentences scored (one by one)"),
        (
            "news_tone",
            news["mean"],
            "mean of the sentences' news tone: the calibrated tone (predicted rating, -4 … +4)",
        ),
        (
            "mean_compound",
            tone["mean_compound"],
            "mean of the sentences' VADER compound (-1 … +1), words inside actor names masked",
        ),
        (
            "raw_mean_compound",
            tone["raw_mean_compound"],
            "mean of raw VADER compound (as vaderSentiment scores)",
        ),
        ("positive_share", tone["positive_share"], f"share of sentences above +{threshold:g}"),
        ("negative_share", tone["negative_share"], f"share of sentences below -{threshold:g}"),
        ("neutral_share", tone["neutral_share"], f"share within ±{threshold:g} (inclusive)"),
        ("gdelt_tone", gdelt["tone"], "positive - negative (% of words)"),
        ("gdelt_positive", gdelt["positive"], "% of words in General Inquirer Positiv"),
        ("gdelt_negative", gdelt["negative"], "% of words in General Inquirer Negativ"),
        ("gdelt_polarity", gdelt["polarity"], "positive + negative (% of words)"),
        ("activity_density", gdelt["activity_density"], "% of words in General Inquirer Active"),
        (
            "self_group_density",
            gdelt["self_group_density"],
            "% of words that are first-person pronouns (I, we, us, our…)",
        ),
        ("word_count", gdelt["word_count"], "words counted for the GDELT-style measures"),
    ]
    return pd.DataFrame(rows, columns=["measure", "value", "definition"]).astype(
        {"value": "float64"}
    )


def record_section(
    doc: Document,
    threshold: float = DEFAULT_THRESHOLD,
    masked: Sequence[tuple[int, int]] | None = None,
    scores: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The result record's ``sentiment`` object (contract: docs/record.md), JSON-serialisable.

    ``sentences``: ``index, text, start, end``, entity-aware ``compound, pos, neu, neg``,
    raw VADER ``raw_compound, raw_pos, raw_neu, raw_neg``, ``masked_words``, ``news_tone``;
    ``article``: ``mean_compound, positive_share, negative_share, neutral_share,
    raw_mean_compound``; ``news_tone``: ``mean, positive_share, negative_share,
    neutral_share`` (the calibrated headline); ``gdelt_tone``: ``tone, positive, negative,
    polarity, activity_density, self_group_density, word_count``
    (:func:`analysis.sentiment.general_inquirer.gdelt_tone`, names masked, news exclusions);
    ``neutral_threshold``: the threshold used for the shares. ``masked``: actor-name spans
    (None: detected); ``scores``: :func:`sentence_scores` of ``doc`` with those spans, when
    already computed.
    """
    threshold = check_threshold(threshold)
    spans = name_spans(doc) if masked is None else tuple(masked)
    scores = sentence_scores(doc, spans) if scores is None else scores
    sentences = [
        {
            "index": int(r.index),
            "text": r.text,
            "start": int(r.start),
            "end": int(r.end),
            "compound": float(r.compound),
            "pos": float(r.pos),
            "neu": float(r.neu),
            "neg": float(r.neg),
            "raw_compound": float(r.raw_compound),
            "raw_pos": float(r.raw_pos),
            "raw_neu": float(r.raw_neu),
            "raw_neg": float(r.raw_neg),
            "masked_words": int(r.masked_words),
            "news_tone": float(r.news_tone),
        }
        for r in scores.itertuples(index=False)
    ]
    return {
        "sentences": sentences,
        "article": article_tone(doc, threshold, scores),
        "news_tone": news_tone_summary(scores),
        "gdelt_tone": gdelt_tone(doc, spans),
        "neutral_threshold": threshold,
    }
