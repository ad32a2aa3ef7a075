"""Plain-text and Markdown pages: furniture inside the story never hides the story after it,
and Markdown (with raw HTML inside) reaches the analysis as plain text."""

from __future__ import annotations

from analysis.article import article_from_string, load_article

STORY = [
    "The regional council voted on Thursday to close the old harbour bridge to lorries after "
    "engineers found cracks in two of its supports.",
    "Traders on the island said the decision would add an hour to every delivery and raise "
    "the price of fresh food in the coming weeks.",
    "The council leader said safety came first and promised a temporary ferry service for "
    "goods within a month.",
    "Engineers expect repairs to take at least a year, and the bridge will stay open to cars "
    "and buses at reduced speed.",
    "A public meeting on the ferry timetable is planned for next Tuesday in the town hall.",
]


def _page(*middle: str) -> str:
    return (
        "Harbour bridge closed to lorries\n\n"
        + "\n\n".join(STORY[:2])
        + "\n\n"
        + "\n\n".join(middle)
        + "\n\n"
        + "\n\n".join(STORY[2:])
        + "\n\n"
        + "Related Articles\n\nLeave a comment\n\nCopyright © 2024 Island Courier\n"
    )


def test_a_photo_credit_in_the_middle_does_not_hide_the_story():
    article = article_from_string(_page("© Agence Photo/Marta Ruiz"))
    assert [p.text for p in article.paragraphs] == STORY
    assert [(b.text, b.reason) for b in article.boilerplate][0] == (
        "© Agence Photo/Marta Ruiz",
        "copyright",
    )
    assert [w.code for w in article.warnings] == ["furniture-in-story"]


def test_share_prompts_and_comment_counts_in_the_middle_do_not_hide_the_story():
    article = article_from_string(_page("Share this story", "7 Comments"))
    assert [p.text for p in article.paragraphs] == STORY
    assert [b.reason for b in article.boilerplate] == [
        "share prompt",
        "comment count",
        "related-links heading",
        "comment prompt",
        "copyright",
    ]


def test_a_long_file_of_many_copies_keeps_every_copy(tmp_path):
    copy = _page("© Agence Photo/Marta Ruiz", "Share this story")
    path = tmp_path / "many.txt"
    path.write_text("\n\n".join([copy] * 300), encoding="utf-8")
    article = load_article(path)
    # The first headline is the title; the others are headings or body, never boilerplate.
    assert sum(p.text in STORY for p in article.paragraphs) == 300 * len(STORY)
    lines = [line for line in path.read_text().splitlines() if line.strip()]
    kept = sum(1 for b in article.blocks if b.zone != "boilerplate")
    assert kept >= len(lines) - 300 * 5  # only the furniture lines of each copy were removed


def test_wire_credit_and_standards_note_mid_page_and_at_the_end():
    text = (
        "Drought hits olive harvest\n\n" + STORY[0] + "\n\n"
        "Writing by Sara Costa; Editing by Paul Dunn\n\n" + STORY[1] + "\n\n"
        "Our Standards: The Agency Trust Principles.\n"
    )
    article = article_from_string(text)
    assert [p.text for p in article.paragraphs] == STORY[:2]
    assert [b.reason for b in article.boilerplate] == ["wire credit", "standards note"]


def test_image_urls_and_markdown_image_lines_in_text_are_furniture():
    text = (
        "Floods in the valley\n\n" + STORY[0] + "\n\n"
        "![](<https://cdn.example.org/2024/floods.jpg>)\n\n"
        "https://cdn.example.org/2024/floods-2.png\n\n" + STORY[1] + "\n"
    )
    article = article_from_string(text)
    assert [p.text for p in article.paragraphs] == STORY[:2]
    assert {b.reason for b in article.boilerplate} == {"image or file URL"}


def test_a_site_blurb_inside_the_footer_is_footer():
    text = (
        "Bridge closed\n\n" + "\n\n".join(STORY) + "\n\nRelated Articles\n\n"
        "Leave a comment\n\nThe Island Courier is an independent paper covering the "
        "islands since 1921, owned by its readers.\n\nSubscribe to the Courier\n"
    )
    article = article_from_string(text)
    assert [p.text for p in article.paragraphs] == STORY
    assert [b.reason for b in article.boilerplate] == [
        "related-links heading",
        "comment prompt",
        "site footer",
        "subscribe prompt",
    ]


def test_letter_signatures_are_not_body():
    text = (
        "Letters to the editor\n\nThe new ferry timetable leaves early workers stranded "
        "on the island every morning.\n\nYours faithfully,\nRuth Baker\nPort Ellen\n\n"
        "Nobody asked the fishermen before the bridge was closed, and it shows.\n\n"
        "— Tom Reid, Bowmore\n"
    )
    article = article_from_string(text)
    assert [p.text[:20] for p in article.paragraphs] == [
        "The new ferry timeta",
        "Nobody asked the fis",
    ]
    assert [b.text for b in article.boilerplate] == [
        "Yours faithfully,",
        "Ruth Baker",
        "Port Ellen",
        "— Tom Reid, Bowmore",
    ]


MARKDOWN_WITH_HTML = """# Harbour bridge closed to lorries

<!-- tracking: campaign=spring -->
<div class="ad-slot"><p>Buy cheap ferry tickets now</p></div>
<script>window.track("page");</script>

The regional council voted on **Thursday** to close the _old_ harbour bridge.

<style>.x { color: red }</style>

Traders said the decision would add an hour to every [delivery](https://example.org/d).

![The bridge at dusk](<https://cdn.example.org/bridge.jpg>)

*The bridge at dusk. (Photo: Island Courier)*

<p>A public meeting is planned for next Tuesday &amp; Wednesday.</p>

- first point of the plan
- second point, with `code`

> A quoted line from the council leader.

*Read more*

## What happens next

Repairs will take a year\\*.
"""


def test_markdown_with_raw_html_has_no_markup_or_markdown_in_any_text():
    article = article_from_string(MARKDOWN_WITH_HTML, fmt="md")
    assert article.title == "Harbour bridge closed to lorries"
    assert [p.text for p in article.paragraphs] == [
        "The regional council voted on Thursday to close the old harbour bridge.",
        "Traders said the decision would add an hour to every delivery.",
        "A public meeting is planned for next Tuesday & Wednesday.",
        "first point of the plan",
        "second point, with code",
        "A quoted line from the council leader.",
        "Repairs will take a year*.",
    ]
    assert article.headings == ("What happens next",)
    assert [b.text for b in article.zone("image_title")] == ["The bridge at dusk"]
    assert [b.text for b in article.zone("caption")] == [
        "The bridge at dusk. (Photo: Island Courier)"
    ]
    assert [(b.text, b.reason) for b in article.boilerplate] == [("Read more", "read-more prompt")]
    for forbidden in ("<", "track", "color", "Buy cheap", "**", "](", "campaign", "&amp;"):
        assert forbidden not in article.text
    for block in article.blocks:
        assert article.text[block.start : block.end] == block.text
