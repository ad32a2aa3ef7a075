"""analysis.text: sentences and tokens, offsets, the seed's hand-counted sentences."""

from __future__ import annotations

import pytest

from analysis.article import article_from_string
from analysis.text import prepare, sentences, split_sentences, tokenize, words


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He met the U.N. Security Council. Then he left.",
            ["He met the U.N. Security Council.", "Then he left."],
        ),
        (
            "The U.S. Embassy said so. Others agreed.",
            ["The U.S. Embassy said so.", "Others agreed."],
        ),
        (
            "He arrived at 3 a.m. Local media filmed it.",
            ["He arrived at 3 a.m. Local media filmed it."],
        ),
        (
            "Talks end at 5 p.m. on Friday. Then a dinner.",
            ["Talks end at 5 p.m. on Friday.", "Then a dinner."],
        ),
        (
            "Mr. Smith met Dr. Jones. Gen. Lee came in Jan. Next year too.",
            ["Mr. Smith met Dr. Jones.", "Gen. Lee came in Jan. Next year too."],
        ),
        (
            "J. K. Rowling wrote it. She was pleased.",
            ["J. K. Rowling wrote it.", "She was pleased."],
        ),
        (
            "“We will go our own path,” Putin stressed. Kim agreed.",
            ["“We will go our own path,” Putin stressed.", "Kim agreed."],
        ),
        ("“Why now?” she asked. Nobody answered.", ["“Why now?” she asked.", "Nobody answered."]),
        (
            '"It is over," the minister said. Talks ended.',
            ['"It is over," the minister said.', "Talks ended."],
        ),
        ("One. Two! Three? Four.", ["One.", "Two!", "Three?", "Four."]),
        ("Lavrov said no. Kim then left.", ["Lavrov said no.", "Kim then left."]),
        (
            "Resolution No. 2397 was adopted. It tightened sanctions.",
            ["Resolution No. 2397 was adopted.", "It tightened sanctions."],
        ),
    ],
)
def test_split_sentences(text, expected):
    assert _split(text) == expected


def test_split_sentences_offsets_are_shifted():
    spans = split_sentences("Ab cd. Ef gh.", offset=100)
    assert spans == [(100, 106), (107, 113)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin’s high-profile visit", ["Putin’s", "high-profile", "visit"]),
        ("Kim Jong-un met Putin's aide.", ["Kim", "Jong-un", "met", "Putin's", "aide", "."]),
        (
            "the U.S. and the U.N. at 3 a.m.",
            ["the", "U.S.", "and", "the", "U.N.", "at", "3", "a.m."],
        ),
        ("“defensive” pact", ["“", "defensive", "”", "pact"]),
        (
            "June 18, 2024: 1,000 troops (5.5%)",
            ["June", "18", ",", "2024", ":", "1,000", "troops", "(", "5.5%", ")"],
        ),
        ("the countries’ leaders", ["the", "countries’", "leaders"]),
        ("write to editor@ir-ia.com now", ["write", "to", "editor@ir-ia.com", "now"]),
        (
            "the 1990s, a 24-hour truce, the 3rd time, 5G",
            ["the", "1990s", ",", "a", "24-hour", "truce", ",", "the", "3rd", "time", ",", "5G"],
        ),
    ],
)
def test_tokenize(text, expected):
    assert [t.text for t in tokenize(text)] == expected


def test_tokens_carry_offsets_and_normal_form():
    text = "Putin’s visit"
    tokens = tokenize(text, offset=10)
    assert [(t.start, t.end) for t in tokens] == [(10, 17), (18, 23)]
    assert tokens[0].norm == "putin's"
    assert tokens[0].is_word


def test_words_skip_punctuation():
    assert words("Hello, world — it’s 2024!") == ["Hello", "world", "it’s", "2024"]


def test_seed_body_has_40_sentences_counted_by_hand(seed):
    found = sentences(seed)
    assert len(found) == 40
    # Spot checks of the hard cases in the seed.
    texts = [s.text for s in found]
    assert "The Russian president arrived in Pyongyang at around 3 a.m. local time." in texts
    assert any(
        t.startswith("“Russia has incessantly") and t.endswith("Putin stressed.") for t in texts
    )
    assert any(
        t.startswith(
            "North Korea faces heavy economic sanctions imposed by the U.N. Security Council"
        )
        for t in texts
    )
    for s in found:
        assert seed.text[s.start : s.end] == s.text


def test_seed_sentences_per_paragraph(seed):
    per_paragraph = [0] * 19
    for s in sentences(seed):
        per_paragraph[s.paragraph] += 1
    assert per_paragraph == [2, 2, 2, 1, 3, 2, 1, 2, 2, 5, 2, 3, 1, 2, 1, 2, 3, 1, 3]


def test_seed_body_word_count(seed):
    # Cross-check: white-space separated pieces holding a letter or digit, with the
    # seed's one stray "route.," and dashes accounted for, give the same number.
    doc = prepare(seed)
    by_whitespace = sum(
        1 for p in seed.paragraphs for piece in p.text.split() if any(ch.isalnum() for ch in piece)
    )
    assert len(doc.words) == by_whitespace == 947


def test_sentences_never_cross_paragraphs():
    first = "The first paragraph runs on for quite a few words and never ends with a stop"
    article = article_from_string(f"Title\n\n{first}\n\nSecond one.\n")
    assert [s.text for s in sentences(article)] == [first, "Second one."]


def test_document_sentence_tokens(seed):
    doc = prepare(seed)
    first = doc.sentence_tokens(doc.sentences[0])
    assert first[0].text == "Russian" and first[-1].text == "."
    assert sum(len(doc.sentence_tokens(s)) for s in doc.sentences) == len(doc.tokens)


def test_alone_spans_are_the_tokens_of_the_sentence_alone() -> None:
    # Edges where a sentence alone could tokenise differently from its block: a possessive
    # quote before a word character, a URL or address running on, CJK sentences without spaces.
    text = (
        "He said it’s the girls' toys. The bosses'x stuff. Visit https://a.b/c. Then mail "
        "a.b@c.d.Next one. U.S. officials met... 中国政府表示。日本の首相は「平和」を望む！"
        "Rock’n’roll’s s’ x.\n\nThe ’90s were the bosses’."
    )
    doc = prepare(article_from_string(text))
    reused = 0
    for sentence in doc.sentences:
        spans = doc._alone_spans(sentence)
        if spans is not None:
            reused += 1
            assert spans == [(t.start, t.end) for t in tokenize(sentence.text)]
    assert reused >= 3


def test_sentence_splitter_matches_nltk_punkt_without_its_guard():
    # The splitter runs NLTK's own Punkt patterns with NLTK's wall-clock guard taken off
    # (text._PunktVars, text._PunktToken): it must cut exactly where the guarded tokenizer
    # with the same parameters cuts, and none of its patterns may still be the guard.
    from nltk import redos
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from analysis import text as text_module

    splitter = text_module._punkt()
    guarded = PunktSentenceTokenizer(splitter._params)
    sample = (
        "Mr. Smith went to Washington. He said so... Then 3.5 million left, i.e. most of them. "
        "J. R. R. Tolkien wrote it in 1954. “Is it?” she asked. Yes! The U.S. Army (Ret.) "
        "replied: no.\n\nA new paragraph. 12. A numbered line? ... And an ellipsis."
    )
    assert list(splitter.span_tokenize(sample)) == list(guarded.span_tokenize(sample))
    token = splitter._Token("3.5")
    patterns = [
        splitter._lang_vars.re_boundary_realignment,
        splitter._lang_vars._word_tokenizer_re(),
        splitter._lang_vars.period_context_re(),
        token._RE_ELLIPSIS,
        token._RE_NUMERIC,
        token._RE_INITIAL,
        token._RE_ALPHA,
        token._RE_NON_PUNCT,
    ]
    assert not any(isinstance(p, redos.TimedPattern) for p in patterns)
    assert token.type == "##number##" and token.is_number and token.is_non_punct
    assert not splitter._Token("...").is_non_punct and splitter._Token("...").is_ellipsis
