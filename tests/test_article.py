"""analysis.article: zoning of the seed page (counted by hand), formats, offsets."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.article import (
    LEAD_SECTION,
    article_from_string,
    load_article,
    normalise_zones,
    slugify,
)
from analysis.errors import ParameterError

from .conftest import SEED_SHA256

SEED_TITLE = (
    "Russian President Putin visits North Korea after 24 years to deepen security and trade ties"
)
SEED_SECTIONS = (
    LEAD_SECTION,
    "Russia and North Korea sign strategic partnership agreement",
    "Economic cooperation",
    "US and South Korea react",
    "Visit to Vietnam",
)


def test_seed_zone_counts_match_hand_count(seed):
    assert seed.zone_counts() == {
        "title": 1,
        "meta": 1,
        "headings": 4,
        "image_titles": 2,
        "captions": 2,
        "body_paragraphs": 19,
        "boilerplate_lines": 7,
    }


def test_seed_metadata(seed, seed_path):
    assert seed.title == SEED_TITLE
    assert seed.id == "putin-north-korea-2024"
    assert seed.sha256 == SEED_SHA256
    assert seed.source == str(seed_path)
    assert seed.encoding == "utf-8"
    assert seed.format == "txt"
    # The repeated headline is kept for audit but is not a second title.
    assert [b.text for b in seed.zone("duplicate_title")] == [SEED_TITLE]


def test_seed_sections_and_paragraphs_per_section(seed):
    assert seed.section_names() == SEED_SECTIONS
    assert seed.headings == SEED_SECTIONS[1:]
    per_section = [sum(1 for p in seed.paragraphs if p.section == name) for name in SEED_SECTIONS]
    assert per_section == [9, 2, 3, 2, 3]


def test_seed_image_titles_and_captions(seed):
    assert [b.text for b in seed.zone("image_titles")] == [
        "Putin and Kim in Pyongyang in June 2024",
        "Russian President Vladimir Putin with North Korean Leader Kim Jong Un",
    ]
    captions = seed.zone("captions")
    assert all(c.text.endswith("(Image Credit: Kremlin)") for c in captions)
    assert [c.section for c in captions] == [LEAD_SECTION, "Economic cooperation"]


def test_seed_meta_and_boilerplate(seed):
    assert [b.text[:28] for b in seed.zone("meta")] == ["Asia-Pacific, News No Commen"]
    assert [b.text[:20] for b in seed.boilerplate] == [
        "Related Articles",
        "Leave a comment",
        "Copyright © 2014-202",
        "IRIA is a research i",
        "Subscribe to IRIA Ne",
        "Enter your email add",
        "Back to Top",
    ]


def test_seed_first_and_last_paragraph(seed):
    assert seed.paragraphs[0].text.startswith("Russian President Vladimir Putin arrived")
    assert seed.paragraphs[-1].text.endswith("that Putin launched in February 2022.")


def test_every_block_offset_points_at_its_text(seed):
    for block in seed.blocks:
        assert seed.text[block.start : block.end] == block.text


def test_article_is_immutable(seed):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed.title = "x"  # type: ignore[misc]
    assert isinstance(seed.blocks, tuple)


def test_loading_does_not_modify_the_file(seed_copy):
    before = seed_copy.read_bytes()
    load_article(seed_copy)
    assert seed_copy.read_bytes() == before


def test_hard_wrapped_paragraphs_are_one_block():
    text = "A title\n\nThe first paragraph is wrapped\nacross two lines.\n\nSecond paragraph.\n"
    article = article_from_string(text)
    assert article.title == "A title"
    assert [p.text for p in article.paragraphs] == [
        "The first paragraph is wrapped\nacross two lines.",
        "Second paragraph.",
    ]


def test_markdown_zones():
    text = (
        "# The headline\n\nLead paragraph one.\n\n## A section\n\nBody in section.\n\n"
        "![Leaders meet](img.jpg)\n\n*The two leaders. (Photo: Agency)*\n\nLast one.\n"
    )
    article = article_from_string(text, fmt="md")
    assert article.title == "The headline"
    assert article.headings == ("A section",)
    assert [b.text for b in article.zone("image_title")] == ["Leaders meet"]
    assert [b.text for b in article.zone("caption")] == ["The two leaders. (Photo: Agency)"]
    assert [(p.text, p.section) for p in article.paragraphs] == [
        ("Lead paragraph one.", LEAD_SECTION),
        ("Body in section.", "A section"),
        ("Last one.", "A section"),
    ]
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text


def test_html_main_content_only(tmp_path):
    sentence = "The delegation met officials in the capital to discuss trade and security. "
    html = (
        "<html><head><title>Page title</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        f"<article><h1>Leaders meet</h1><p>{sentence * 4}</p><h2>Trade</h2>"
        f"<p>{sentence * 4}</p><p>{sentence * 3}</p></article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    article = load_article(path)
    assert article.format == "html"
    assert article.title == "Leaders meet"
    assert article.headings == ("Trade",)
    assert len(article.paragraphs) == 3
    assert "alert" not in article.text and "color:red" not in article.text
    assert "Home" not in article.text and "Copyright" not in article.text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Putin visits North Korea", "putin-visits-north-korea"),
        ("../../etc/passwd", "etc-passwd"),
        ("Čeština à la carte!", "cestina-a-la-carte"),
        ("...", "article"),
    ],
)
def test_slugify(given, expected):
    assert slugify(given) == expected


def test_normalise_zones_accepts_aliases_and_rejects_unknown():
    assert normalise_zones("body, headings,captions") == ["body", "heading", "caption"]
    assert normalise_zones(["body_paragraphs", "title"]) == ["body", "title"]
    with pytest.raises(ParameterError, match="unknown zone 'footer'"):
        normalise_zones(["footer"])


def test_include_zones_widen_the_blocks(seed):
    body = seed.blocks_in(["body"])
    wider = seed.blocks_in(["body", "headings", "title", "captions"])
    assert len(wider) == len(body) + 4 + 1 + 2
    assert [b.zone for b in wider][0] == "title"


@pytest.mark.parametrize(
    "text",
    [
        "Putin called the treaty “a groundbreaking document.”",
        "A single short paragraph",
        "Talks ended.",
    ],
)
def test_a_single_paragraph_is_body_not_title(text):
    article = article_from_string(text)
    assert article.title == ""
    assert [p.text for p in article.paragraphs] == [text]


def test_a_first_line_ending_like_a_sentence_is_not_a_title():
    article = article_from_string("He said it was “over.”\n\nThe talks went on anyway.\n")
    assert article.title == ""
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    ("line", "is_meta"),
    [
        ("By Jane Doe", True),
        ("By JANE DOE | June 19, 2024", True),
        ("Posted on June 19, 2024 by admin", True),
        ("World, News 3 Comments on Leaders meet", True),
        ("June 20, 2024 10:15 AM UTC Updated ago", True),
        ("Thu 20 Jun 2024 08.00 BST", True),
        (
            "June 20, 2024 was the day the two leaders finally met in the capital after years.",
            False,
        ),
        ("By Wednesday, Putin had landed in the capital.", False),
        ("By contrast, Seoul said little about the meeting.", False),
        ("The Kremlin had no comment on the report.", False),
        ("Published reports say the talks failed.", False),
        ("By 2030, China will have doubled its output of solar panels, analysts say.", False),
        ("Leaders meet in the capital for the first time in a decade, officials said.", False),
    ],
)
def test_meta_lines_under_the_title(line, is_meta):
    text = f"Leaders meet\n\n{line}\n\nThe body paragraph follows here, long enough to be one.\n"
    article = article_from_string(text)
    assert bool(article.zone("meta") and article.zone("meta")[0].text == line) == is_meta
    assert len(article.paragraphs) == (1 if is_meta else 2)


def test_wire_credits_close_the_article():
    text = (
        "Drones hit refinery\n\nKYIV (Reuters) - Drones struck a refinery overnight, the "
        "military said.\n\nReporting by Tom Balmforth; Editing by Alex Richardson\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
    )
    article = article_from_string(text)
    assert len(article.paragraphs) == 1
    assert [b.text[:12] for b in article.boilerplate] == ["Reporting by", "Our Standard"]


def test_furniture_words_inside_the_story_do_not_start_the_footer():
    text = (
        "Court rules on song\n\nThe case was heard on Monday in the capital.\n\n"
        "Read more\n\nCopyright lawyers argued that the melody had been copied from an "
        "older recording made decades ago.\n\nThe judge will rule next week.\n\n"
        "Related Articles\n\nBack to Top\n"
    )
    article = article_from_string(text)
    assert [p.text[:15] for p in article.paragraphs] == [
        "The case was he",
        "Copyright lawye",
        "The judge will ",
    ]
    assert [b.text for b in article.boilerplate] == ["Read more", "Related Articles", "Back to Top"]


def test_reading_fields_are_filled_for_every_article():
    article = article_from_string("A title\n\nThe talks ended without a deal on Friday.\n")
    assert article.extraction == "text" and article.warnings == ()
    assert article.language == "und"  # too short to tell
    moved = dataclasses.replace(article, source="elsewhere.txt")
    assert moved.language == article.language and moved.warnings == article.warnings


def test_html_and_markdown_text_is_plain_and_offsets_hold(tmp_path):
    page = (
        "<html><head><meta property='og:title' content='Leaders meet'></head><body>"
        "<article><p>The delegation met officials in the capital to discuss <b>trade</b> "
        "and security for many hours on end.</p><p><strong>Trade first</strong></p>"
        "<p>They agreed to meet again next year, officials said after the long talks.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = load_article(path)
    assert article.title == "Leaders meet" and article.zone_counts()["title"] == 1
    assert article.headings == ("Trade first",)
    assert "**" not in article.text and "<" not in article.text
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("путин", "putin"),
        ("普京", "pujing"),
        ("朝鲜", "chaoxian"),
        ("Łódź 2024", "lodz-2024"),
        ("Crème brûlée", "creme-brulee"),
        ("Ελλάδα", "ellada"),
        ("..", "article"),
        ("", "article"),
    ],
)
def test_ids_of_every_script_are_readable_slugs(name, slug):
    assert slugify(name) == slug
