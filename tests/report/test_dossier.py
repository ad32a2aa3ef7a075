"""The dossier (analysis.report.dossier, summary_page, index_page): facts read from a record,
the terminal layout, and the pages, on a small hand-made record."""

from __future__ import annotations

import re
from types import SimpleNamespace

from analysis import __version__
from analysis.report.dossier import dossier_facts, dossier_text
from analysis.report.index_page import render_index
from analysis.report.pages import PageContext
from analysis.report.summary_page import render_summary

HOSTILE = "Evil <script>alert(1)</script> & *stars* under_score"


def record(**article) -> dict:
    """A small record: 2 actors, 3 quotes, one sentence of tone."""
    return {
        "zones_analysed": ["body"],
        "article": {
            "id": "talks",
            "title": "Talks in Hanoi",
            "source": "in/talks.txt",
            "sha256": "ab" * 32,
            "format": "txt",
            "encoding": "utf-8",
            "zones": {"title": 1, "meta": 0, "headings": 0, "body_paragraphs": 2},
            **article,
        },
        "stats": {
            "words": 61,
            "sentences": 1,
            "paragraphs": 2,
            "reading_time_minutes": 0.26,
            "readability": {"flesch_reading_ease": 48.04},
            "readability_bands": {"flesch_reading_ease": "difficult (college)"},
            "readability_grade": {"median_grade": 11.96, "band": "fairly difficult"},
        },
        "sentiment": {
            "article": {
                "mean_compound": -0.4,
                "positive_share": 0.0,
                "negative_share": 1.0,
                "neutral_share": 0.0,
            },
            "gdelt_tone": {"tone": -3.278},
            "neutral_threshold": 0.05,
        },
        "actors": [
            {
                "id": "person:to-lam",
                "name": "To Lam",
                "type": "person",
                "mentions": {"name": 1, "nominal": 0, "adjectival": 0, "metonym": 0},
                "tone": None,
                "tone_sentences": 1,
                "discovered": True,
            },
            {
                "id": "state:VNM",
                "name": "Vietnam",
                "type": "state",
                "mentions": {"name": 2, "nominal": 0, "adjectival": 3, "metonym": 1},
                "tone": -0.4,
                "tone_sentences": 2,
                "discovered": False,
            },
        ],
        "quotes": [
            {"speaker": "person:to-lam", "speaker_name": "To Lam", "text": "We are ready"},
            {"speaker": "person:to-lam", "speaker_name": "To Lam", "text": "Again"},
            {
                "speaker": "officials",
                "speaker_name": None,
                "speaker_text": "officials",
                "text": "<b>No</b> comment",
            },
        ],
    }


def test_facts_from_a_record():
    facts = dossier_facts(record())
    assert [a.name for a in facts.actors] == ["Vietnam", "To Lam"]  # 6 mentions before 1
    assert facts.actors[0].mentions == 6 and facts.mention_count == 7
    assert facts.actors[0].kinds_text() == "2 by name, 3 adjectival, 1 metonym"
    assert facts.actors[1].tone_text() == "no tone: a single sentence"
    assert [(s.name, s.statements) for s in facts.speakers] == [("To Lam", 2), ("officials", 1)]
    assert facts.tone_meaning == "clearly negative" and facts.warnings == []


def test_warnings_as_strings_or_objects_and_absent():
    facts = dossier_facts(
        record(
            warnings=[
                "Only 1 sentence: tone is unreliable.",
                {"code": "language", "message": "Not English (de)."},
            ]
        )
    )
    assert facts.warnings == ["Only 1 sentence: tone is unreliable.", "Not English (de)."]
    assert dossier_facts({}).warnings == [] and dossier_facts({}).headline == "(untitled)"


def test_terminal_dossier():
    text = dossier_text(record(warnings=["Only 1 sentence: tone is unreliable."]))
    lines = text.splitlines()
    assert lines[0] == "Talks in Hanoi" and set(lines[1]) == {"─"}
    assert "Zones        title 1, headings" not in text  # zones without blocks are left out
    assert "Zones        title 1, body paragraphs 2" in text
    assert "body: 61 words, 1 sentence, 2 paragraphs; under a minute to read" in text
    assert "grade 12.0, fairly difficult; Flesch reading ease 48.0, difficult (college)" in text
    assert "VADER −0.400, clearly negative (names left out)" in text  # no news tone here
    assert re.search(r"Vietnam \(state\) +6 +2 name, 3 adjectival, 1 metonym +−0\.400 \(2\)", text)
    assert re.search(r"To Lam \(person\) +1 +1 name +– \(1 sentence\)", text)
    assert (
        "3 statements attributed to 2 speakers; most quoted: To Lam (2) and officials (1)" in text
    )
    assert re.search(r"^Warnings +• Only 1 sentence: tone is unreliable\.$", text, re.M)


def test_news_tone_is_the_headline_when_the_record_has_it():
    rec = record()
    rec["sentiment"]["news_tone"] = {
        "mean": -0.5,
        "positive_share": 0.0,
        "negative_share": 1.0,
        "neutral_share": 0.0,
    }
    rec["sentiment"]["article"]["raw_mean_compound"] = -0.2
    flat = " ".join(dossier_text(rec).split())
    # -0.5 is past the ±0.05 neutral band but within ±1: it leans negative
    assert (
        "leans negative: news tone −0.50 on the −4 … +4 rating scale over 1 sentence (0% "
        "positive, 100% negative, 0% neutral); VADER −0.400, clearly negative (names left "
        "out; −0.200 with them)"
    ) in flat


def test_terminal_dossier_keeps_within_the_width():
    long = record(title="A very long headline " * 8)
    long["actors"][1]["name"] = "The Socialist Republic of Vietnam and its many ministries"
    for width in (60, 80, 100):
        assert max(map(len, dossier_text(long, width).splitlines())) <= width


def test_summary_page():
    html = render_summary(
        record(title=HOSTILE),
        ["01_text_statistics", "03_actors"],
        PageContext(parameters={"top_n": 5}),
    )
    assert "<script>alert" not in html and "<b>No</b>" not in html
    assert (
        "<title>Dossier — Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; *stars* "
        "under_score</title>"
    ) in html
    assert '<a href="../index.html">← All reports</a>' in html
    assert '<a href="01_text_statistics.html">Text statistics</a>' in html
    assert '<a href="03_actors.html">Actors</a>' in html
    assert f"article-analysis {__version__}" in html and "ab" * 32 in html
    assert "top_n = 5" in html
    assert "\\*" not in html and "\\_" not in html  # no Markdown escapes on the page
    assert "2 actors named 7 times" in html and "(s)" not in html
    assert "None recorded." in html


def test_summary_page_shows_warnings():
    html = render_summary(record(warnings=["Text is <short>."]), [])
    assert '<div class="aa-warning">Text is &lt;short&gt;.</div>' in html
    assert "No notebook page was written" in html


def test_index_shows_each_reports_warnings_escaped(tmp_path):
    warned = SimpleNamespace(
        record=record(warnings=["Only 9 words of <body>."]),
        article_id="a",
        title="A",
        source="in/a.txt",
        folder=None,
        skipped=False,
        error=None,
        notebooks={},
    )
    clean = SimpleNamespace(**{**vars(warned), "record": record(), "article_id": "b"})
    html = render_index([warned, clean], [], {})
    assert html.count('class="aa-warning"') == 1
    assert "1 warning<ul class=aa-links><li>Only 9 words of &lt;body&gt;.</li></ul>" in html


def test_index_links_the_dossier_first(tmp_path):
    folder = tmp_path / "talks"
    folder.mkdir()
    for name in ("summary", "01_text_statistics", "03_actors"):
        (folder / f"{name}.html").write_text("x")
    article = SimpleNamespace(
        record=record(),
        article_id="talks",
        title=HOSTILE,
        source="in/talks.txt",
        folder=str(folder),
        skipped=False,
        error=None,
        notebooks={},
    )
    html = render_index([article], [], {"include_zones": ["body"]})
    links = re.findall(r'href="([^"]+)"', html)
    assert links[:2] == ["talks/summary.html", "talks/summary.html"]  # the title, then "Dossier"
    assert links[2:] == ["talks/01_text_statistics.html", "talks/03_actors.html"]
    assert "1 report in this folder" in html
    assert "<td class=num>61</td>" in html and "<td class=num>12.0</td>" in html
    assert "−0.400" in html and "&lt;script&gt;" in html and "<script>alert" not in html
    assert 'include_zones = ["body"]' in html
