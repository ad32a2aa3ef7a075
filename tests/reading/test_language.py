"""Language: detected offline and recorded; non-English text is refused by the analyses unless
the user opts in; CJK punctuation ends sentences and each Han character is a word."""

from __future__ import annotations

import json

import pytest

from analysis.article import article_from_string
from analysis.cli import main
from analysis.errors import UnsupportedLanguageError
from analysis.reading.language import detect_language
from analysis.record import build_record
from analysis.text import prepare, split_sentences, tokenize

RUSSIAN = (
    "Президент прибыл в столицу рано утром и сразу отправился на переговоры с руководством "
    "страны. Стороны обсудили торговлю, энергетику и безопасность в регионе.\n\n"
    "По словам министра, соглашение будет подписано до конца года. Эксперты считают, что "
    "визит укрепит отношения между двумя государствами."
)
CHINESE = (
    "总统今天上午抵达首都，随即与该国领导人举行会谈。双方讨论了贸易、能源和地区安全问题。"
    "部长表示，协议将在年底前签署！专家认为，这次访问将加强两国关系吗？当然会。"
)
FRENCH = (
    "Le président est arrivé dans la capitale tôt le matin et s’est rendu directement aux "
    "négociations avec les dirigeants du pays. Les deux parties ont discuté du commerce, de "
    "l’énergie et de la sécurité régionale."
)
ENGLISH = (
    "The president arrived in the capital early in the morning and went straight to talks "
    "with the country's leaders. The two sides discussed trade, energy and regional security."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (RUSSIAN, "ru"),
        (CHINESE, "zh"),
        (FRENCH, "fr"),
        (ENGLISH, "en"),
        ("It rained.", "und"),  # too short to say
        ("Putin Kim Lavrov Shoigu Xi Biden Macron Scholz Modi Erdogan Lula", "und"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text).code == code


@pytest.mark.parametrize(("text", "code"), [(RUSSIAN, "ru"), (CHINESE, "zh"), (FRENCH, "fr")])
def test_non_english_is_recorded_warned_and_refused_unless_allowed(text, code):
    article = article_from_string("Headline\n\n" + text)
    assert article.language == code
    assert [w.code for w in article.warnings] == ["non-english"]
    with pytest.raises(UnsupportedLanguageError, match="built for English") as caught:
        build_record(article)
    assert caught.value.language == code and "allow_language=True" in str(caught.value)
    with pytest.raises(UnsupportedLanguageError):
        prepare(article)
    record = build_record(article, allow_language=True)
    assert record["article"]["language"] == code
    assert record["article"]["warnings"][0]["code"] == "non-english"


def test_english_and_undetermined_text_is_analysed(seed):
    assert seed.language == "en" and seed.warnings == ()
    short = article_from_string("Title\n\nIt rained.\n")
    assert short.language == "und"
    assert build_record(short)["stats"]["words"] == 2


def test_chinese_sentences_end_at_cjk_punctuation_and_characters_are_words():
    spans = split_sentences(CHINESE)
    sentences = [CHINESE[a:b] for a, b in spans]
    assert sentences == [
        "总统今天上午抵达首都，随即与该国领导人举行会谈。",
        "双方讨论了贸易、能源和地区安全问题。",
        "部长表示，协议将在年底前签署！",
        "专家认为，这次访问将加强两国关系吗？",
        "当然会。",
    ]
    words = [t for t in tokenize(CHINESE) if t.is_word]
    han = sum(1 for ch in CHINESE if "\u4e00" <= ch <= "\u9fff")
    assert len(words) == han
    doc = prepare(article_from_string("标题\n\n" + CHINESE), allow_language=True)
    assert len(doc.sentences) == 5 and len(doc.words) == han


def test_closing_quotes_stay_with_a_cjk_sentence():
    text = "他说：「我们会来。」然后离开了。"
    assert [text[a:b] for a, b in split_sentences(text)] == ["他说：「我们会来。」", "然后离开了。"]


def test_cli_refuses_non_english_with_one_line_and_accepts_it_when_allowed(tmp_path, capsys):
    path = tmp_path / "ru.txt"
    path.write_text("Заголовок статьи\n\n" + RUSSIAN, encoding="utf-8")
    assert main(["analyse", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Russian (ru)" in err and "--allow-language" in err
    assert main(["analyse", str(path), "--json", "--allow-language"]) == 0
    out, err = capsys.readouterr()
    record = json.loads(out)
    assert record["article"]["language"] == "ru"
    assert "non-english" in err  # the reading warning, on stderr
