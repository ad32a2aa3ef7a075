"""Tests of analysis.sentiment_html: escaped sentences with driving words marked."""

from __future__ import annotations

from analysis.article import article_from_string
from analysis.sentiment.highlight import highlight_sentence, top_sentences_html
from analysis.sentiment.scores import explain, sentence_table, top_sentences
from analysis.text import prepare

# Sentence 1: "The <plan> & deal are not good, but we are safe!"
#   tokens The(0) <plan>(1) &(2) deal(3) are(4) not(5) good(6) but(7) we(8) are(9) safe(10)
#   good 1.9, negated (-1.406) and before "but" (x0.5) -> -0.703: marked negative
#   safe 1.9 ("not" is 5 tokens back: too far to negate), after "but" (x1.5) -> 2.85: marked
#   positive; "<plan>" and "&" must be escaped
TEXT = "Intro line here.\n\nThe <plan> & deal are not good, but we are safe!"


def _doc_and_explanation():
    doc = prepare(article_from_string(TEXT))
    return doc, explain(doc)


def test_highlight_marks_and_escapes():
    doc, table = _doc_and_explanation()
    sentence = doc.sentences[1]
    html = highlight_sentence(sentence.text, sentence.start, table[table["sentence"] == 1])
    assert html.startswith('The &lt;plan&gt; &amp; deal are not <mark class="neg"')
    assert '>good</mark>, but we are <mark class="pos"' in html
    assert html.endswith(">safe</mark>!")
    assert "<plan>" not in html
    assert "negated by &#x27;not&#x27;" in html  # rules shown in the title, escaped


def test_highlight_without_words_is_plain_escaped_text():
    doc, table = _doc_and_explanation()
    sentence = doc.sentences[0]
    assert (
        highlight_sentence(sentence.text, sentence.start, table[table["sentence"] == 0])
        == "Intro line here."
    )


def test_top_sentences_html_lists_driving_words():
    doc, table = _doc_and_explanation()
    html = top_sentences_html(top_sentences(sentence_table(doc), 1), table)
    assert html.startswith("<table>") and html.endswith("</table>")
    # strongest effect first: safe before good
    assert html.index("safe (+") < html.index("good (-")
