"""analysis.reading.furniture: each line rule on text unlike the page that prompted it, the
rules that need a neighbour, and where the footer starts."""

from __future__ import annotations

import pytest

from analysis.reading.furniture import (
    FURNITURE_REASONS,
    footer_start,
    furniture_reason,
    is_meta_line,
    line_reasons,
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # wire credits and standards notes
        (
            "Reporting by Ana Lima in Lisbon; Writing by Pedro Sousa; Editing by Kim Lee",
            "wire credit",
        ),
        ("(Additional reporting by Omar Farouk in Cairo; Editing by Helen Park)", "wire credit"),
        ("Compiled by the Tokyo newsroom", "wire credit"),
        ("Associated Press writer Lee Chang contributed to this report.", "wire credit"),
        ("Our Standards: The Agency Trust Principles.", "standards note"),
        # copyright
        ("© Agence Photo/Marta Ruiz", "copyright"),
        ("Copyright 2023 Harbour Times Media Group", "copyright"),
        ("(c) 2021 Valley Gazette", "copyright"),
        ("This story is the copyrighted work of the Valley Gazette.", "copyright"),
        ("It may not be reprinted without the express permission of the publisher.", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        ("All Rights Reserved.", "copyright"),
        # citations, DOIs, "More information"
        (
            "Smith, J. et al. Coral bleaching in the Red Sea. Marine Biology (2022). "
            "DOI: 10.1007/s00227-022-01234-5",
            "citation or DOI",
        ),
        ("https://doi.org/10.1126/science.abc1234", "citation or DOI"),
        (
            "Citation: Lakes are warming faster (2021, March 3) retrieved 4 March 2021 from "
            "https://example.org/news/lakes.html",
            "citation or DOI",
        ),
        ("Journal information: Ocean Letters", "citation or DOI"),
        (
            "More information: Ana Silva et al, Sediment cores from the delta, Geology Today.",
            "more-information line",
        ),
        ("Provided by Northfield University", "more-information line"),
        # URLs of images and files
        ("![](<https://cdn.example.org/2024/05/harbour.jpg>)", "image or file URL"),
        ("https://cdn.example.org/img/photo-123.webp?w=800", "image or file URL"),
        ("report-final-v2.pdf", "image or file URL"),
        ("https://example.org/world/story-123", "bare URL"),
        # prompts
        ("*Read more*", "read-more prompt"),
        ("READ MORE: Floods close roads across the valley", "read-more prompt"),
        ("Continue reading →", "read-more prompt"),
        ("Share this story", "share prompt"),
        ("Share on WhatsApp", "share prompt"),
        ("Facebook | Twitter | Email", "share buttons"),
        ("12 Comments", "comment count"),
        ("Comments (4)", "comment count"),
        ("Join the discussion", "comment prompt"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Sign up for our morning briefing", "subscribe prompt"),
        ("The Harbour Times Newsletter", "subscribe prompt"),
        ("Get breaking alerts: download our free app for Android and iOS", "subscribe prompt"),
        ("Follow the Valley Gazette on Instagram @valleygazette", "follow prompt"),
        ("You might also like", "related-links heading"),
        ("Related coverage", "related-links heading"),
        ("Tags: rivers, climate, farming", "tags or category line"),
        ("Filed under: Science", "tags or category line"),
        ("Photo credit: Jan Novak", "photo credit"),
        ("WATCH: Flood waters sweep through the market", "video or audio link"),
        ("This website uses cookies to improve your experience.", "cookie notice"),
        ("Skip to main content", "navigation"),
        ("Next article »", "navigation"),
        ("Yours faithfully,", "letter signature"),
        ("— Maria Gonzalez, Leeds", "letter signature"),
        ("Вuy сheap wаtсhes tоday", "disguised text (mixed scripts)"),
    ],
)
def test_furniture_lines(line, reason):
    assert furniture_reason(line) == reason
    assert reason in FURNITURE_REASONS


@pytest.mark.parametrize(
    "line",
    [
        "Copyright lawyers argued that the melody had been copied.",
        "Share prices fell sharply on Monday after the announcement.",
        "Reporting on the war has become more dangerous, editors say.",
        "Editing the genome of crops is still banned in the bloc.",
        "Comments by the minister angered farmers.",
        "No comment on the report was offered by the ministry.",
        "Read the statement carefully, the lawyer told the court, before you sign.",
        "More information about the crash will be released on Monday, police said.",
        "Provided by the ministry, the figures show a steep rise in arrests across the region "
        "over the past year and a half.",
        "Follow-up talks are planned for next week.",
        "Related to the case, two officers were suspended.",
        "Sign language interpreters joined the briefing for the first time since the war began, "
        "which advocacy groups had long demanded from the government of the day.",
        "The photo: a child on a flooded street.",
        "Video footage shows the car leaving the road, police said on Monday.",
        "Advertising revenue fell by a third.",
        "Home secretary Jane Doe resigned.",
        "The ship docked in Sevastopol.",
        "Regards to the family were sent by the president.",
        "Our standards of living have fallen, the survey shows, as prices rose faster than wages "
        "for most households in the north of the country over the last decade.",
    ],
)
def test_story_lines_are_not_furniture(line):
    assert furniture_reason(line) is None


def test_teasers_under_a_related_heading_are_links_but_a_subheading_before_a_paragraph_stays():
    lines = [
        "Related Articles",
        "Floods close roads across the valley",
        "Why the river keeps rising",
        "Farmers count the cost",
        "The minister visited the area on Tuesday and promised aid to the farmers.",
    ]
    reasons = line_reasons(lines)
    assert reasons[:3] == ["related-links heading", "related-article link", "related-article link"]
    assert reasons[3] is None  # the subheading of the paragraph that follows
    assert reasons[4] is None


def test_a_sign_off_takes_the_name_and_place_under_it():
    lines = [
        "The council must act before winter.",
        "Yours sincerely,",
        "Peter Olsen",
        "Bergen",
        "A new letter opens here and runs on to make its own point clearly.",
    ]
    assert line_reasons(lines) == [
        None,
        "letter signature",
        "letter signature",
        "letter signature",
        None,
    ]


def test_an_excerpt_with_read_more_is_a_teaser_with_its_headline():
    lines = [
        "Harvest festival draws record crowds",
        "Thousands came to the square on Saturday to taste the new wine and…",
        "Read more",
        "The main story goes on here, long after the teaser.",
    ]
    assert line_reasons(lines) == [
        "teaser for another post",
        "teaser for another post",
        "read-more prompt",
        None,
    ]
    inline = ["Visitors flocked to the valley as the vines turned gold [...] Continue reading"]
    assert line_reasons(inline) == ["teaser for another post"]


@pytest.mark.parametrize(
    ("furniture", "words", "start"),
    [
        ([False, False, False], [50, 50, 50], 3),  # no footer
        ([False, False, True, True], [50, 50, 2, 3], 2),  # a plain footer
        ([False, True, False, False], [50, 2, 50, 50], 4),  # furniture mid-story: no footer
        ([False, True, True, False, True], [50, 2, 3, 60, 2], 1),  # a site blurb inside the footer
        ([False, True, False, True], [50, 2, 60, 2], 3),  # one furniture line is no footer
        ([False, True, True, False], [50, 2, 2, 30], 4),  # the page ends in story
        ([False, True, True, False, True], [50, 2, 3, 400, 2], 4),  # a long paragraph is story
    ],
)
def test_footer_starts_only_where_the_rest_is_furniture(furniture, words, start):
    assert footer_start(furniture, words) == start


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("Date: 3 March 2021", True),
        ("Last updated: 14:05 GMT", True),
        ("Release date : 12/01/2020", True),
        ("The date was set for March, officials said.", False),
    ],
)
def test_labelled_dates_are_meta(line, meta):
    assert is_meta_line(line) == meta
