"""WordPiece cuts worked out by hand (BERT's uncased rules)."""

from __future__ import annotations

from analysis.sentiment import wordpiece as wp


def test_basic_pieces_lower_case_strip_accents_and_split_punctuation():
    assert wp.basic_pieces("Héllo, World's  NAÏVE-café!") == [
        "hello", ",", "world", "'", "s", "naive", "-", "cafe", "!",
    ]  # fmt: skip
    assert wp.basic_pieces("  ") == []
    assert wp.basic_pieces("“Yes”") == ["“", "yes", "”"]  # Unicode punctuation too


def test_word_pieces_take_the_longest_piece_first():
    vocab = {"un", "##aff", "##able", "a", "ab", "##c", "##bc"}
    assert wp.word_pieces("unaffable", vocab) == ["un", "##aff", "##able"]
    # "abc" is not a piece; "ab" is the longest start, then "##c" (not "a" + "##bc")
    assert wp.word_pieces("abc", vocab) == ["ab", "##c"]


def test_a_word_with_an_unknown_part_or_too_long_has_no_pieces():
    vocab = {"un", "##able", "a", "##a"}
    assert wp.word_pieces("unaffable", vocab) == []  # "aff" matches nothing
    assert wp.word_pieces("a" * wp.MAX_WORD_CHARS, vocab) == ["a"] + ["##a"] * 99
    assert wp.word_pieces("a" * (wp.MAX_WORD_CHARS + 1), vocab) == []


def test_tokenize_joins_the_words_pieces_and_drops_unknown_words():
    vocab = {"don", "'", "t", "go", "##ing", "!"}
    assert wp.tokenize("Don't going xyz!", vocab) == ["don", "'", "t", "go", "##ing", "!"]
