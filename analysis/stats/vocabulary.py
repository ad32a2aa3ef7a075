"""Which words an article uses and where: frequencies, n-grams, collocations, keyness, KWIC,
dispersion.

Counting rules shared by every function here:

* A **term** is a word token (:mod:`analysis.text`) case-folded, with curly apostrophes made
  straight and a possessive ending removed ("Putin’s" → "putin", "countries’" → "countries").
* **Stop words** are the Snowball English stop-word list (174 function words such as "the",
  "of", "was"; ``resources/stopwords_en.txt``, copied from the ``stopwords`` PyPI package by
  ``scripts/build_word_lists.py``), plus any ``extra_stopwords``.
  Numerals ("2024", "3") are left out of frequencies, n-grams and collocations too.
* N-grams and collocations never cross a sentence boundary.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.stem.snowball import SnowballStemmer
from nltk.text import ConcordanceIndex
from nltk.util import ngrams as nltk_ngrams

from ..errors import ParameterError, positive_int
from ..paths import RESOURCES_DIR
from ..text import Document, Token
from .readability_indices import proper_nouns, words_by_sentence

# wordfreq's English list stops at Zipf 1.0 (a frequency of 1e-8); a word it does not list is
# taken to be no more common than that, so its keyness stays finite.
REFERENCE_FLOOR = 1e-8
G2_CRITICAL_001 = 10.83  # chi-squared with 1 degree of freedom, p < 0.001
STOPWORD_LIST = RESOURCES_DIR / "stopwords_en.txt"


@lru_cache(maxsize=1)
def _snowball_stopwords() -> frozenset[str]:
    text = STOPWORD_LIST.read_text(encoding="utf-8")
    return frozenset(w.strip().lower().replace("’", "'") for w in text.splitlines() if w.strip())


def stopword_set(extra_stopwords: Iterable[str] = ()) -> frozenset[str]:
    """The Snowball English stop words plus ``extra_stopwords`` (case-folded)."""
    if isinstance(extra_stopwords, str):
        raise ParameterError(
            "extra_stopwords must be a list of words, e.g. ['said', 'also'], "
            f"not the string {extra_stopwords!r}"
        )
    extra = {w.strip().lower().replace("’", "'") for w in extra_stopwords if w.strip()}
    return _snowball_stopwords() | frozenset(extra)


def term(token: Token | str) -> str:
    """The term of a word token or string: case-folded, possessive ending removed."""
    norm = token.norm if isinstance(token, Token) else token.lower().replace("’", "'")
    if norm.endswith("'s") and len(norm) > 2:
        return norm[:-2]
    if norm.endswith("s'"):
        return norm[:-1]
    return norm


def _spelling(text: str) -> str:
    """A word as written, without a possessive ending ("Putin’s" → "Putin")."""
    for ending in ("’s", "'s", "’S", "'S"):
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text[:-1] if text.endswith(("s’", "s'")) else text


def _is_numeral(text: str) -> bool:
    return not any(ch.isalpha() for ch in text)


@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


def sentence_terms(doc: Document) -> list[list[str]]:
    """The terms of each sentence, in order (stop words kept)."""
    return [[term(t) for t in words] for words in words_by_sentence(doc)]


def word_frequencies(
    doc: Document, extra_stopwords: Iterable[str] = (), stem: bool = False, top_n: int | None = None
) -> pd.DataFrame:
    """Content-word frequencies: columns ``term``, ``count``, ``per_1000`` (per 1,000 words of
    the document), ``form`` (the most frequent spelling in the text, with its capitals and
    without a possessive ending: "Putin" for the term "putin").

    With ``stem=True`` terms are Snowball (Porter 2) stems, so "sanction" and "sanctions" are
    counted together; ``form`` then shows a readable member of the group. Ties keep text order.
    """
    positive_int("top_n", top_n, allow_none=True)
    stops = stopword_set(extra_stopwords)
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for token in doc.words:
        t = term(token)
        if t in stops or _is_numeral(t):
            continue
        key = _stemmer().stem(t) if stem else t
        counts[key] += 1
        forms.setdefault(key, Counter())[_spelling(token.text)] += 1
    total = len(doc.words)
    rows = [
        {
            "term": key,
            "count": n,
            "per_1000": 1000 * n / total,
            "form": forms[key].most_common(1)[0][0],
        }
        for key, n in counts.most_common(top_n)
    ]
    return pd.DataFrame(rows, columns=["term", "count", "per_1000", "form"])


def ngram_counts(
    doc: Document,
    n: int,
    extra_stopwords: Iterable[str] = (),
    top_n: int | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """N-grams of terms within sentences that neither start nor end with a stop word and hold
    no numeral, seen at least ``min_count`` times: columns ``ngram`` (terms joined by
    spaces), ``n``, ``count``; most frequent first, ties in text order."""
    positive_int("top_n", top_n, allow_none=True)
    positive_int("min_count", min_count)
    positive_int("n", n)
    stops = stopword_set(extra_stopwords)
    counts: Counter[tuple[str, ...]] = Counter()
    for words in sentence_terms(doc):
        for gram in nltk_ngrams(words, n):
            if gram[0] in stops or gram[-1] in stops or any(map(_is_numeral, gram)):
                continue
            counts[gram] += 1
    rows = [
        {"ngram": " ".join(g), "n": n, "count": c}
        for g, c in counts.most_common()
        if c >= min_count
    ][:top_n]
    return pd.DataFrame(rows, columns=["ngram", "n", "count"])


def collocations(
    doc: Document,
    measure: str = "likelihood_ratio",
    min_freq: int = 2,
    extra_stopwords: Iterable[str] = (),
    top_n: int | None = 20,
) -> pd.DataFrame:
    """Bigram collocations scored with NLTK's association measures.

    Bigrams are counted within sentences (NLTK ``BigramCollocationFinder.from_documents``);
    bigrams seen fewer than ``min_freq`` times or holding a stop word or numeral are dropped.
    Columns: ``bigram``, ``w1``, ``w2``, ``count``, ``pmi`` (pointwise mutual information,
    log2 of observed over expected co-occurrence), ``likelihood_ratio`` (Dunning's G2), sorted
    by ``measure`` ("likelihood_ratio" or "pmi").
    """
    positive_int("top_n", top_n, allow_none=True)
    if measure not in ("likelihood_ratio", "pmi"):
        raise ParameterError(f"measure must be 'likelihood_ratio' or 'pmi', not {measure!r}")
    positive_int("min_freq", min_freq)
    stops = stopword_set(extra_stopwords)
    finder = BigramCollocationFinder.from_documents(sentence_terms(doc))
    finder.apply_freq_filter(min_freq)
    finder.apply_word_filter(lambda w: w in stops or _is_numeral(w))
    pmi = dict(finder.score_ngrams(BigramAssocMeasures.pmi))
    llr = dict(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
    rows = [
        {
            "bigram": f"{a} {b}",
            "w1": a,
            "w2": b,
            "count": finder.ngram_fd[(a, b)],
            "pmi": pmi[(a, b)],
            "likelihood_ratio": llr[(a, b)],
        }
        for a, b in pmi
    ]
    table = pd.DataFrame(rows, columns=["bigram", "w1", "w2", "count", "pmi", "likelihood_ratio"])
    table = table.sort_values([measure, "count", "bigram"], ascending=[False, False, True])
    return table.head(top_n).reset_index(drop=True) if top_n else table.reset_index(drop=True)


def reference_frequency(word: str) -> float:
    """A term's frequency in general English (wordfreq's ``en`` list, offline), at least
    :data:`REFERENCE_FLOOR`."""
    import wordfreq  # imported on first use: it takes ~0.3 s and only keyness needs it

    return max(wordfreq.word_frequency(word, "en"), REFERENCE_FLOOR)


def log_likelihood_g2(count: int, total: int, reference: float) -> float:
    """Signed log-likelihood G2 of ``count`` in ``total`` words against a reference rate.

    The reference list is built from billions of words, so its rate ``p`` is taken as known
    and G2 = 2·[a·ln(a/E) + (N−a)·ln((N−a)/(N−E))] with E = N·p (the one-sample form of
    Dunning's statistic). Positive when the text uses the word more than expected, negative
    when less. 3.84 is p < 0.05 and 10.83 p < 0.001 (chi-squared, one degree of freedom).
    """
    if total <= 0 or not 0 <= count <= total or not 0 < reference < 1:
        raise ParameterError(
            f"G2 needs 0 <= count <= total, total > 0, 0 < reference < 1 "
            f"(got count={count}, total={total}, reference={reference})"
        )
    expected = total * reference
    g2 = count * math.log(count / expected) if count else 0.0
    if count < total:
        g2 += (total - count) * math.log((total - count) / (total - expected))
    g2 *= 2
    return g2 if count >= expected else -g2


def log_ratio(count: int, total: int, reference: float) -> float:
    """Hardie's Log Ratio: log2 of the text's relative frequency over the reference's.

    1 means twice as frequent as in general English, 3 eight times; it measures how much more,
    where G2 measures how sure.
    """
    return math.log2((count / total) / reference)


def keyness(
    doc: Document, min_count: int = 2, top_n: int | None = 20, include_numerals: bool = False
) -> pd.DataFrame:
    """Key terms of the document against general English (wordfreq), most key first.

    Every term (stop words included: a good statistic ranks "the" low by itself) seen at least
    ``min_count`` times is scored. Columns: ``term``, ``count``, ``per_1000``,
    ``reference_per_1000``, ``log_ratio``, ``g2``; sorted by ``g2`` (signed, so words the text
    under-uses sink to the bottom). Keep rows with ``g2 > 10.83`` for p < 0.001.
    """
    positive_int("top_n", top_n, allow_none=True)
    total = len(doc.words)
    if total == 0:
        raise ParameterError("keyness needs a document with words; include the body zone")
    counts = Counter(term(t) for t in doc.words)
    rows = []
    for word, n in counts.items():
        if n < min_count or (not include_numerals and _is_numeral(word)):
            continue
        ref = reference_frequency(word)
        rows.append(
            {
                "term": word,
                "count": n,
                "per_1000": 1000 * n / total,
                "reference_per_1000": 1000 * ref,
                "log_ratio": log_ratio(n, total, ref),
                "g2": log_likelihood_g2(n, total, ref),
            }
        )
    table = pd.DataFrame(
        rows, columns=["term", "count", "per_1000", "reference_per_1000", "log_ratio", "g2"]
    )
    table = table.sort_values(["g2", "term"], ascending=[False, True]).reset_index(drop=True)
    return table.head(top_n) if top_n else table


def _split_query(query: str) -> list[str]:
    parts = [term(p) for p in query.split()]
    if not parts or not query.strip():
        raise ParameterError(f"KWIC terms must be non-empty words or phrases, not {query!r}")
    return parts


def kwic(doc: Document, terms: Sequence[str], width: int = 40) -> pd.DataFrame:
    """Keyword in context for each of ``terms`` (words or phrases, case-insensitive; "Putin"
    also finds "Putin’s").

    Matches are found with NLTK's ``ConcordanceIndex`` over the document's terms. Context is
    taken from the paragraph's own text, at most ``width`` characters each side, white space
    collapsed. Columns: ``term``, ``sentence`` (index), ``start``, ``end`` (offsets into the
    article text), ``left``, ``keyword`` (as written), ``right``.
    """
    if isinstance(terms, str):
        terms = [terms]
    if not isinstance(width, int) or width < 0:
        raise ParameterError(f"width must be a whole number of characters >= 0, not {width!r}")
    words = doc.words
    index = ConcordanceIndex([term(t) for t in words], key=lambda w: w)
    starts = [s.start for s in doc.sentences]
    rows = []
    for query in terms:
        parts = _split_query(query)
        for offset in index.offsets(parts[0]):
            window = words[offset : offset + len(parts)]
            if [term(t) for t in window] != parts:
                continue
            start, end = window[0].start, window[-1].end
            sentence = doc.sentences[_position(starts, start)]
            block = doc.blocks[sentence.paragraph]
            left = doc.article.text[max(block.start, start - width) : start]
            right = doc.article.text[end : min(block.end, end + width)]
            rows.append(
                {
                    "term": query,
                    "sentence": sentence.index,
                    "start": start,
                    "end": end,
                    "left": " ".join(left.split()),
                    "keyword": doc.article.text[start:end],
                    "right": " ".join(right.split()),
                }
            )
    return pd.DataFrame(
        rows, columns=["term", "sentence", "start", "end", "left", "keyword", "right"]
    )


def _position(starts: list[int], offset: int) -> int:
    """Index of the sentence whose span holds ``offset`` (sentences sorted by start)."""
    return max(0, bisect_right(starts, offset) - 1)


def dispersion(doc: Document, terms: Sequence[str]) -> pd.DataFrame:
    """Where each term occurs: one row per occurrence with ``term``, ``word_index`` (position
    among the document's words, from 0), ``relative_position`` (0 = first word, 1 = last),
    ``sentence`` and ``start`` (offset into the article text). Phrases are matched as in
    :func:`kwic`."""
    if isinstance(terms, str):
        terms = [terms]
    words = doc.words
    folded = [term(t) for t in words]
    starts = [s.start for s in doc.sentences]
    last = max(len(words) - 1, 1)
    rows = []
    for query in terms:
        parts = _split_query(query)
        for i in range(len(words) - len(parts) + 1):
            if folded[i : i + len(parts)] == parts:
                rows.append(
                    {
                        "term": query,
                        "word_index": i,
                        "relative_position": i / last,
                        "sentence": doc.sentences[_position(starts, words[i].start)].index,
                        "start": words[i].start,
                    }
                )
    return pd.DataFrame(
        rows, columns=["term", "word_index", "relative_position", "sentence", "start"]
    )


def frequent_names(
    doc: Document, top_n: int | None = 5, extra_stopwords: Iterable[str] = ()
) -> list[str]:
    """The most frequent names, most frequent first.

    A name word is written capitalised inside a sentence and never in lower case (stop words,
    single letters and initialisms left out). Two name words that follow each other at least
    twice, where the first occurs mostly (two times in three or more) in that pair, form one
    name ("north korea"); the pair's occurrences then no longer count for either word alone.
    """
    positive_int("top_n", top_n, allow_none=True)
    stops = stopword_set(extra_stopwords)
    names = {term(n) for n in proper_nouns(doc)}
    names = {n for n in names if n not in stops and len(n) > 1 and "." not in n}
    counts: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for words in sentence_terms(doc):
        counts.update(w for w in words if w in names)
        pairs.update(
            f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a in names and b in names
        )
    for pair, n in pairs.most_common():
        first, second = pair.split(" ")
        if n >= 2 and counts[first] and n / counts[first] >= 2 / 3 and counts[second] >= n:
            counts[pair] = n
            counts[first] -= n
            counts[second] -= n
    return [name for name, n in counts.most_common() if n > 0][:top_n]


def concordance_terms(
    doc: Document, keyness_table: pd.DataFrame, extra_stopwords: Iterable[str] = (), names: int = 2
) -> list[str]:
    """Default terms for a concordance: the ``names`` most frequent names
    (:func:`frequent_names`) and the most distinctive word that is not part of a name (the
    first of ``keyness_table``, :func:`keyness`, above G2 = 10.83)."""
    chosen = frequent_names(doc, names, extra_stopwords)
    name_words = {w for name in frequent_names(doc, None, extra_stopwords) for w in name.split()}
    significant = keyness_table[keyness_table["g2"] > G2_CRITICAL_001]["term"]
    return chosen + [t for t in significant if t not in name_words][:1]


def dispersion_terms(
    doc: Document, names: int = 5, others: int = 3, extra_stopwords: Iterable[str] = ()
) -> list[str]:
    """Default terms for a dispersion plot: the ``names`` most frequent names
    (:func:`frequent_names`) and the ``others`` most frequent content words that are not names."""
    every_name = frequent_names(doc, None, extra_stopwords)
    chosen = every_name[:names]
    covered = {word for name in every_name for word in name.split()}
    table = word_frequencies(doc, extra_stopwords)
    rest = [t for t in table["term"] if t not in covered and "." not in t][:others]
    return chosen + rest
