"""Line-level rules for site furniture, shared by every format (.txt, .md, .html).

A scraped page mixes the story with the site's furniture: wire credits, standards notes,
copyright lines, read-more and share prompts, comment counts, citation and DOI lines, image
and file URLs, letter signatures, related-article lists. Each line (a paragraph of HTML or
Markdown, a physical line of a text file) is judged on its own by :func:`furniture_reason`;
:func:`line_reasons` adds the few rules that need a neighbour (the teasers under "Related
Articles", the name under "Yours sincerely,", an excerpt followed by "Read more").

Every rule has a word limit, so a paragraph that merely opens with such a word ("Copyright
lawyers argued…", "Share prices fell…") is never furniture.

Where the footer starts is decided by :func:`footer_start`: only where the rest of the page is
furniture, so a furniture line in the middle of the story (a photo credit, "Share this
article", "12 Comments") never hides the story after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "FURNITURE_REASONS",
    "ends_with_credit",
    "footer_start",
    "furniture_reason",
    "is_meta_line",
    "line_reasons",
    "looks_like_heading",
    "looks_like_sentence",
]


@dataclass(frozen=True)
class _Rule:
    reason: str
    pattern: re.Pattern[str]
    max_words: int


def _rule(reason: str, pattern: str, max_words: int, flags: int = re.IGNORECASE) -> _Rule:
    return _Rule(reason, re.compile(pattern, flags), max_words)


_P = r"[\W_]*"  # leading or trailing punctuation, bullets, emphasis marks, arrows
_SOCIAL = frozenset(
    """facebook twitter x linkedin whatsapp email e-mail mail print reddit
pinterest telegram messenger tumblr flipboard pocket sms share copy link url threads bluesky
instagram youtube tiktok rss feed mastodon vk weibo wechat line viber""".split()
)

# Order matters: the first rule that matches names the reason.
_RULES: tuple[_Rule, ...] = (
    _rule(
        "wire credit",
        rf"^{_P}(?:additional\s+)?(?:reporting|writing|editing|compiled|research|"
        r"translation|translated|graphics|production|fact[- ]checking|illustrations?)"
        r"(?:\s+(?:and|&)\s+\w+)?\s+by\s+\S",
        45,
    ),
    _rule(
        "wire credit",
        r"\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|"
        r"article)\W*$",
        35,
    ),
    _rule("standards note", rf"^{_P}our standards\b|\btrust principles\b", 20),
    _rule(
        "copyright",
        rf"^{_P}(?:copyright\s*(?:©|\(c\)|\d{{4}}|by\b|:|$)|©|"
        r"\(c\)\s*(?:\d{4}|[A-Z]))",
        30,
    ),
    _rule("copyright", r"\bcopyrighted\b", 30),
    _rule(
        "copyright",
        r"\bpermission\b.*\b(?:reprint|reproduc|republish|redistribut)"
        r"|\b(?:reprint|reproduc|republish|redistribut)\w*\b.*\bpermission\b",
        40,
    ),
    _rule(
        "copyright",
        r"\ball rights reserved\b|\bsubject to copyright\b"
        r"|\bno part (?:of this \w+ )?may be reproduced\b"
        r"|\b(?:may|must) not be (?:re)?published,? broadcast",
        60,
    ),
    _rule("more-information line", rf"^{_P}(?:more|further) information\s*:", 90),
    _rule("citation or DOI", r"\bdoi\s*:\s*10\.\d{4,}/\S|\bdoi\.org/10\.\d{4,}/", 90),
    _rule("citation or DOI", r"\bretrieved\s+(?:on\s+)?\d{1,2}\s+\w+\s+\d{4}\s+from\s+\S", 90),
    _rule(
        "citation or DOI",
        rf"^{_P}(?:citation|cite this(?: \w+)?|journal (?:reference|"
        r"information)|references?|original (?:study|paper|article))"
        r"\s*:\s*\S",
        90,
    ),
    _rule("more-information line", rf"^{_P}(?:provided by|explore further)\b", 15),
    _rule("image or file URL", r"^!\[[^\]]*\]\(.*\)$", 40),
    _rule(
        "image or file URL",
        r"^<?\S+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|pdf|docx?|xlsx?|pptx?|zip|"
        r"mp[34]|mov|avi|wav)(?:[?#]\S*)?>?$",
        1,
    ),
    _rule("bare URL", r"^<?(?:https?://|www\.)\S+>?$", 1),
    _rule(
        "read-more prompt",
        rf"^{_P}(?:read|see|watch|listen to)\s+(?:more|next|also|the (?:full|whole|"
        r"original) (?:story|article|report|post|interview|statement))\b",
        25,
    ),
    _rule("read-more prompt", rf"^{_P}(?:continue|keep) reading\b", 12),
    _rule(
        "read-more prompt",
        rf"^{_P}(?:also read|more on this (?:story|topic)|"
        r"(?:click|tap) here\b)",
        25,
    ),
    _rule(
        "related-links heading",
        rf"^{_P}(?:related(?: [\w-]+){{0,2}}|you (?:may|might) (?:also )?(?:like|enjoy|be "
        r"interested in)|more (?:stories|articles|news|posts|videos)(?: from\b.*)?|"
        r"more from\b.*|recommended(?: for you| stories| articles| reading| videos)?|"
        r"most (?:read|popular|viewed|shared)|trending(?: now| stories)?|popular "
        r"(?:posts|stories|articles)|read next|up next|what to read next|further reading|"
        rf"latest (?:news|stories|posts|articles)|in other news){_P}$",
        10,
    ),
    _rule(
        "share prompt",
        rf"^{_P}(?:share|tweet|email|e-mail|print|pin)(?: (?:this|the) (?:article|story|post|"
        rf"page|video))?(?: (?:on|via|with) [\w ]+)?{_P}$",
        8,
    ),
    _rule(
        "comment count",
        rf"^{_P}(?:(?:\d+|one)\s+(?:comments?|replies|responses)|no\s+"
        rf"(?:comments|replies|responses))(?: on (?-i:[A-Z“\"']).*)?{_P}$",
        30,
    ),
    _rule("comment count", rf"^{_P}comments?\s*(?:\(\d+\)|\d+)?{_P}$", 3),
    _rule(
        "comment prompt",
        rf"^{_P}(?:(?:leave|post|add|write) a (?:comment|reply|response)|(?:view|show|hide|"
        r"load|read|see) (?:all )?(?:\d+ )?comments?|join the (?:conversation|discussion)|"
        r"(?:log|sign) in to (?:comment|reply)|comments? (?:are|is) closed)\b",
        12,
    ),
    _rule(
        "advertisement",
        rf"^{_P}(?:advertisement|advertising|ad|sponsored(?: content| post| by\b.*)?|"
        r"paid (?:content|post|partnership)|promoted(?: content)?|(?:story|article) "
        r"continues below(?: advertisement)?|continue reading (?:below|the main story)|"
        rf"scroll (?:down )?to continue(?: with content)?){_P}$",
        8,
    ),
    _rule(
        "subscribe prompt",
        rf"^{_P}(?:subscribe\b|sign up\b|register (?:now|here|for)\b|join our (?:newsletter|"
        r"mailing list)|newsletter\b|enter your e-?mail\b|follow us\b|get the app\b|"
        r"get (?:our|the) \w+(?: \w+)? newsletter\b|"
        r"(?:get|receive) (?:the latest|our) .* (?:in|to) your inbox)",
        25,
    ),
    _rule("subscribe prompt", rf"^(?:[\w’'&.-]+ ){{0,4}}newsletters?{_P}$", 5),
    _rule("subscribe prompt", r"\bdownload (?:the|our) (?:[\w-]+ ){0,3}apps?\b", 30),
    _rule(
        "follow prompt",
        rf"^{_P}follow (?:us|\S+(?: \S+){{0,3}}) on (?:twitter|facebook|"
        r"instagram|linkedin|x|youtube|tiktok|threads|bluesky|telegram|"
        r"whatsapp|mastodon)\b",
        30,
    ),
    _rule(
        "navigation",
        rf"^{_P}(?:back to top|skip to (?:main )?content|jump to\b.*|(?:previous|next|older|"
        r"newer)\s+(?:article|post|story|page|entry|posts|entries|articles|stories)\b.*|"
        rf"home|menu|search|log ?in|sign in|log out|top){_P}$",
        10,
    ),
    _rule("navigation", rf"^{_P}home\s*[>›»/|]", 15),
    _rule(
        "tags or category line",
        rf"^{_P}(?:tags?|tagged(?: with)?|topics?|categor(?:y|ies)|"
        r"filed under|posted in|keywords?)\s*:",
        30,
    ),
    _rule("cookie notice", r"\b(?:we|this (?:site|website)) uses? cookies\b", 60),
    _rule(
        "photo credit",
        rf"^{_P}(?:(?:photo|image|picture|photograph|illustration|"
        r"graphic)s?(?:\s+credits?)?|credits?)\s*:\s*\S",
        12,
    ),
    _rule("video or audio link", rf"^{_P}(?:video|watch|listen|audio|podcast)\s*:\s*\S", 12),
    _rule(
        "letter signature",
        r"^(?:yours (?:sincerely|faithfully|truly)|sincerely(?: yours)?|(?:kind |best |warm )?"
        r"regards|with (?:best |kind )?wishes|best wishes|respectfully(?: yours)?)\W*$",
        4,
    ),
    _rule(
        "letter signature",
        r"^[—–-]{1,2}\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
        r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,2}\.?$",
        10,
        flags=0,
    ),
)

#: Every reason a furniture line can be removed for.
FURNITURE_REASONS = tuple(
    dict.fromkeys(
        [r.reason for r in _RULES]
        + [
            "disguised text (mixed scripts)",
            "share buttons",
            "related-article link",
            "teaser for another post",
            "site footer",
        ]
    )
)


def furniture_reason(line: str) -> str | None:
    """Why this line is site furniture, or ``None`` if it is not (judged on the line alone)."""
    text = line.strip()
    if not text:
        return None
    words = text.split()
    for rule in _RULES:
        if len(words) <= rule.max_words and rule.pattern.search(text):
            return rule.reason
    if len(_MIXED_SCRIPT.findall(text)) >= 2:
        return "disguised text (mixed scripts)"
    tokens = [t for t in re.split(r"[\s|•·/,]+", text.lower()) if t]
    if (
        tokens
        and len(tokens) <= 12
        and all(t.strip("()[]:.") in _SOCIAL for t in tokens)
        and (
            len(tokens) > 1
            or tokens[0] in ("facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest")
        )
    ):
        return "share buttons"
    return None


# A word mixing Latin and Cyrillic letters: spam disguised from filters ("Yоur" with a
# Cyrillic "о").
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0400-\u04ff])\w+\b")
_ELLIPSIS_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\W*$")
# "[…]": the mark blogs put at the end of a post's excerpt.
_EXCERPT_MARK = re.compile(r"\[(?:…|\.\.\.)\]\W*$")
_TEASER_END = re.compile(
    r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*(?:read more|continue reading|"
    r"more|read the rest|full story)\W*$",
    re.IGNORECASE,
)
_SENTENCE_STOP = re.compile(r"[.!;:][\"”’')\]]*$")
_MAX_TEASER_WORDS = 25
_MAX_SIGNATURE_WORDS = 8


def looks_like_sentence(text: str) -> bool:
    """Ends like a sentence (a period, "!", ";" or ":", possibly inside a closing quote)."""
    return bool(_SENTENCE_STOP.search(text.strip()))


def line_reasons(lines: Sequence[str]) -> list[str | None]:
    """:func:`furniture_reason` of each line, plus the rules that need a neighbour.

    * the teasers listed under a related-links heading ("Related Articles", "You may also
      like"): the short headline-like lines that follow it. When a paragraph follows the list,
      its last line is taken for a subheading of the story and kept;
    * the name and place under a letter's sign-off ("Yours sincerely,");
    * an excerpt of another post: a line ending in "[…]", or in an ellipsis and "Read more"
      (or an ellipsis, then a read-more line), with the headline-like line just before it.
    """
    reasons = [furniture_reason(line) for line in lines]
    n = len(lines)
    for i, line in enumerate(lines):
        if reasons[i] is None and (
            _TEASER_END.search(line.strip()) or _EXCERPT_MARK.search(line.strip())
        ):
            reasons[i] = "teaser for another post"
        elif (
            reasons[i] is None
            and i + 1 < n
            and reasons[i + 1] == "read-more prompt"
            and _ELLIPSIS_END.search(line.strip())
        ):
            reasons[i] = "teaser for another post"
        else:
            continue
        if i > 0 and reasons[i - 1] is None and looks_like_heading(lines[i - 1]):
            reasons[i - 1] = "teaser for another post"
    i = 0
    while i < n:
        reason = reasons[i]
        i += 1
        if reason == "related-links heading":
            run = []
            while i < n and reasons[i] is None and _teaser_like(lines[i]):
                run.append(i)
                i += 1
            follows_story = i < n and reasons[i] is None
            if follows_story and run:
                run.pop()  # the last short line before a paragraph is the story's subheading
            for j in run:
                reasons[j] = "related-article link"
        elif reason == "letter signature" and not lines[i - 1].lstrip().startswith(("—", "–", "-")):
            taken = 0
            while (
                i < n
                and taken < 3
                and reasons[i] is None
                and len(lines[i].split()) <= _MAX_SIGNATURE_WORDS
                and not looks_like_sentence(lines[i])
            ):
                reasons[i] = "letter signature"
                i += 1
                taken += 1
    return reasons


def _teaser_like(line: str) -> bool:
    text = line.strip()
    return 0 < len(text.split()) <= _MAX_TEASER_WORDS and not text.endswith((".", ";", ","))


def footer_start(
    furniture: Sequence[bool], words: Sequence[int], max_island_words: int = 120
) -> int:
    """Where the page footer begins: the index of the first unit of the trailing run of
    furniture (``len(furniture)`` when the page does not end in furniture).

    ``furniture[i]`` says whether unit ``i`` (a paragraph or chunk of lines) is all furniture,
    ``words[i]`` how many words it has. The footer is the longest tail of the page in which
    every unit is furniture, except that a short unit (a site blurb, at most
    ``max_island_words``) wedged between furniture — at least two furniture units before it,
    furniture after it — is part of the footer too. So a furniture line in the middle of the
    story never hides the story after it.
    """
    n = len(furniture)
    start = n
    i = n - 1
    while i >= 0:
        if furniture[i]:
            start = i
        elif not (
            start == i + 1
            and start < n
            and words[i] <= max_island_words
            and i >= 2
            and furniture[i - 1]
            and furniture[i - 2]
        ):
            break
        i -= 1
    return start


# --------------------------------------------------------------------------- other line rules

_CREDIT = re.compile(
    r"[(\[]\s*(?:image|photo|picture|video)?\s*(?:credit|source|courtesy)s?\b[^()\[\]]*[)\]]\s*$"
    r"|[(\[]\s*(?:photo|image|picture)\s*:[^()\[\]]*[)\]]\s*$",
    re.IGNORECASE,
)


def ends_with_credit(text: str) -> bool:
    """A line ending in an image credit, "(Image Credit: Kremlin)", "[Photo: AP]": a caption."""
    return bool(_CREDIT.search(text))


# Meta lines: a comment count, a dated/posted stamp, or a byline ("By Jane Doe", "By JANE DOE |
# June 19, 2024"); "By 2030, China will…" is a sentence, not a byline.
_META = re.compile(
    # a comment count as sites print it: "No Comments", "3 Comments on <title>" (capital C)
    r"(?-i:\b(?:\d+|No)\s+Comments?\b)"
    r"|^(?:posted|published|updated|filed under|written by)(?:\s+(?:on|at|in|by)\b|:)"
    # a labelled date: "Date: 21 June 2024", "News date : 04/21/2022", "Last modified: …"
    r"|^(?:last (?:modified|updated|edited)|(?:\w+ )?date)\s*:"
    # a byline names people in capitals (case-sensitive): "By Jane Doe", "By JANE DOE |"
    r"|^by\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december)\b)"
    r"(?-i:(?:[A-Z][\w.’'-]*\s*){1,4})(?:$|[|,–—-]|and\b)",
    re.IGNORECASE,
)
_MAX_META_WORDS = 40
# A short line opening with a date is a time stamp: "June 20, 2024 10:15 AM UTC",
# "Thu 20 Jun 2024", "2024-06-20 08:00".
_DATE_STAMP = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
_MAX_STAMP_WORDS = 12


def is_meta_line(text: str, title: str = "") -> bool:
    """A category/comment-count line, a byline or a time stamp under a headline."""
    words = len(text.split())
    return words <= _MAX_META_WORDS and bool(
        _META.search(text)
        or (title and f" on {title}" in text)  # "… No Comments on <title>"
        or (words <= _MAX_STAMP_WORDS and _DATE_STAMP.match(text))
    )


_TERMINAL_PUNCT = tuple('.!?…:;,"”’)')
_MAX_HEADING_WORDS = 14


def looks_like_heading(text: str) -> bool:
    """Short, unpunctuated at the end, starting with a capital or a number."""
    text = text.strip()
    words = text.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and not text.endswith(_TERMINAL_PUNCT)
        and (text[0].isupper() or text[0].isdigit())
    )
