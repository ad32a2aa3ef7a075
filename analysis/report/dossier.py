"""An article's dossier: the facts a reader wants first, read from its result record, and the
dossier as the terminal shows it (``article-analysis analyse ARTICLE``).

:func:`dossier_facts` gathers the facts (headline, zones and size, readability and its band,
tone and what it means, the top actors with their kinds of mention, who is quoted, warnings);
:func:`dossier_text` lays them out within a terminal's width; :mod:`.summary_page` makes the
same facts into ``summary.html``. Only the record is read: no analysis runs here.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..sentiment.prose import news_tone_meaning, tone_meaning
from ..wording import listing, number, percent, plural, signed

#: Mention kinds in the order they are reported.
KINDS = ("name", "nominal", "adjectival", "metonym")
TERMINAL_WIDTH = 100


@dataclass(frozen=True)
class ActorFacts:
    """One actor of the dossier: mentions in all and by kind, tone and its sentences."""

    name: str
    type: str
    mentions: int
    kinds: dict[str, int]
    tone: float | None
    tone_sentences: int
    discovered: bool

    def kinds_text(self) -> str:
        """ "20 by name, 3 nominal" (kinds with no mention left out)."""
        parts = [
            f"{n} by name" if kind == "name" else f"{n} {kind}"
            for kind, n in self.kinds.items()
            if n
        ]
        return ", ".join(parts) or "no mention"

    def tone_text(self) -> str:
        """ "tone +0.201 (23 sentences)", or why there is none."""
        if self.tone is None:
            return "no tone: a single sentence" if self.tone_sentences == 1 else "no tone"
        return f"tone {signed(self.tone)} ({plural(self.tone_sentences, 'sentence')})"


@dataclass(frozen=True)
class SpeakerFacts:
    """Someone quoted: the actor's name (or the speaker phrase) and how many statements."""

    name: str
    statements: int
    example: str | None = None


@dataclass(frozen=True)
class Dossier:
    """The facts of one article's dossier (see :func:`dossier_facts`)."""

    headline: str
    article_id: str
    source: str | None
    sha256: str
    format: str | None
    encoding: str | None
    language: str | None
    extraction: str | None
    zones: dict[str, int]
    zones_analysed: list[str]
    words: int
    sentences: int
    paragraphs: int
    reading_minutes: float | None
    grade: float | None
    grade_band: str | None
    flesch: float | None
    flesch_band: str | None
    news_tone: float | None
    news_tone_meaning: str
    news_shares: dict[str, float | None]
    mean_compound: float | None
    raw_mean_compound: float | None
    tone_meaning: str
    shares: dict[str, float | None]
    gdelt_tone: float | None
    neutral_threshold: float
    actor_count: int
    mention_count: int
    actors: list[ActorFacts]
    quote_count: int
    speakers: list[SpeakerFacts]
    warnings: list[str] = field(default_factory=list)


def _get(mapping: Any, *keys: str, default: Any = None) -> Any:
    for key in keys:
        if not isinstance(mapping, Mapping) or key not in mapping:
            return default
        mapping = mapping[key]
    return mapping if mapping is not None else default


def record_warnings(record: Mapping[str, Any]) -> list[str]:
    """The warnings a record carries (``article.warnings``, and any top-level ``warnings``),
    as sentences; a warning given as an object shows its ``message``."""
    found = [*(_get(record, "article", "warnings") or []), *(_get(record, "warnings") or [])]
    texts = []
    for warning in found:
        if isinstance(warning, Mapping):
            text = warning.get("message") or warning.get("code") or str(dict(warning))
        else:
            text = str(warning)
        if text and text not in texts:
            texts.append(str(text))
    return texts


def _actors(record: Mapping[str, Any]) -> list[ActorFacts]:
    facts = []
    for actor in _get(record, "actors", default=[]):
        kinds = {k: int(_get(actor, "mentions", k, default=0)) for k in KINDS}
        facts.append(
            ActorFacts(
                name=str(actor.get("name") or actor.get("id") or "?"),
                type=str(actor.get("type") or "actor"),
                mentions=sum(kinds.values()),
                kinds=kinds,
                tone=actor.get("tone"),
                tone_sentences=int(actor.get("tone_sentences") or 0),
                discovered=bool(actor.get("discovered")),
            )
        )
    return sorted(facts, key=lambda a: -a.mentions)  # stable: record order breaks ties


def _speakers(record: Mapping[str, Any]) -> list[SpeakerFacts]:
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for quote in _get(record, "quotes", default=[]):
        name = quote.get("speaker_name") or quote.get("speaker_text") or quote.get("speaker")
        if not name:
            continue
        counts[name] += 1
        examples.setdefault(name, str(quote.get("text") or ""))
    return [SpeakerFacts(name, n, examples.get(name)) for name, n in counts.most_common()]


def dossier_facts(record: Mapping[str, Any]) -> Dossier:
    """The dossier facts of a result record (docs/record.md); missing parts read as empty."""
    article = _get(record, "article", default={})
    stats = _get(record, "stats", default={})
    tone = _get(record, "sentiment", "article", default={})
    news = _get(record, "sentiment", "news_tone", default={})
    threshold = float(_get(record, "sentiment", "neutral_threshold", default=0.05))
    actors = _actors(record)
    mean = tone.get("mean_compound")
    return Dossier(
        headline=str(article.get("title") or "") or "(untitled)",
        article_id=str(article.get("id") or ""),
        source=article.get("source"),
        sha256=str(article.get("sha256") or ""),
        format=article.get("format"),
        encoding=article.get("encoding"),
        language=article.get("language"),
        extraction=article.get("extraction"),
        zones=dict(article.get("zones") or {}),
        zones_analysed=list(_get(record, "zones_analysed", default=[])),
        words=int(stats.get("words") or 0),
        sentences=int(stats.get("sentences") or 0),
        paragraphs=int(stats.get("paragraphs") or 0),
        reading_minutes=stats.get("reading_time_minutes"),
        grade=_get(stats, "readability_grade", "median_grade"),
        grade_band=_get(stats, "readability_grade", "band"),
        flesch=_get(stats, "readability", "flesch_reading_ease"),
        flesch_band=_get(stats, "readability_bands", "flesch_reading_ease"),
        news_tone=news.get("mean"),
        news_tone_meaning=news_tone_meaning(news.get("mean")),
        news_shares={k: news.get(f"{k}_share") for k in ("positive", "negative", "neutral")},
        mean_compound=mean,
        raw_mean_compound=tone.get("raw_mean_compound"),
        tone_meaning=tone_meaning(mean, threshold),
        shares={k: tone.get(f"{k}_share") for k in ("positive", "negative", "neutral")},
        gdelt_tone=_get(record, "sentiment", "gdelt_tone", "tone"),
        neutral_threshold=threshold,
        actor_count=len(actors),
        mention_count=sum(a.mentions for a in actors),
        actors=actors,
        quote_count=len(_get(record, "quotes", default=[])),
        speakers=_speakers(record),
        warnings=record_warnings(record),
    )


# -- sentences shared by the terminal and the dossier page ------------------------------------


def zones_text(facts: Dossier) -> str:
    """ "title 1, headings 4, body paragraphs 19, …" (zones with no block left out)."""
    return (
        ", ".join(f"{name.replace('_', ' ')} {number(n)}" for name, n in facts.zones.items() if n)
        or "no block"
    )


def size_text(facts: Dossier) -> str:
    """ "947 words, 40 sentences, 19 paragraphs; about 4 minutes to read"."""
    text = (
        f"{plural(facts.words, 'word')}, {plural(facts.sentences, 'sentence')}, "
        f"{plural(facts.paragraphs, 'paragraph')}"
    )
    minutes = facts.reading_minutes
    if minutes is not None and facts.words:
        text += (
            "; under a minute to read"
            if minutes < 1
            else f"; about {plural(round(minutes), 'minute')} to read"
        )
    return text


def readability_text(facts: Dossier) -> str:
    """ "grade 14.4, difficult (college); Flesch reading ease 33.9, difficult (college)"."""
    if facts.grade is None:
        return "not measured (no words in the analysed zones)"
    text = f"grade {number(facts.grade, 1)}, {facts.grade_band}"
    if facts.flesch is not None:
        text += f"; Flesch reading ease {number(facts.flesch, 1)}, {facts.flesch_band}"
    return text


def tone_text(facts: Dossier) -> str:
    """ "leans positive: news tone +0.07 on the −4 … +4 rating scale over 40 sentences (55%
    positive, …); VADER +0.124, leans positive (+0.178 with names); GDELT-style …"."""
    if facts.news_tone is None and facts.mean_compound is None:
        return facts.tone_meaning
    text = ""
    if facts.news_tone is not None:
        news = facts.news_shares
        text = (
            f"{facts.news_tone_meaning}: news tone {signed(facts.news_tone, 2)} on the "
            f"−4 … +4 rating scale over {plural(facts.sentences, 'sentence')} "
            f"({percent(news['positive'])} positive, {percent(news['negative'])} negative, "
            f"{percent(news['neutral'])} neutral); "
        )
    text += (
        f"VADER {signed(facts.mean_compound)}, {facts.tone_meaning} (names left out"
        + (
            f"; {signed(facts.raw_mean_compound)} with them"
            if facts.raw_mean_compound is not None
            else ""
        )
        + ")"
    )
    if facts.gdelt_tone is not None:
        text += (
            f"; GDELT-style tone {signed(facts.gdelt_tone, 2)}, the percentage of "
            "positive minus negative words"
        )
    return text


def actors_text(facts: Dossier) -> str:
    """ "29 actors, 120 mentions"."""
    return f"{plural(facts.actor_count, 'actor')}, {plural(facts.mention_count, 'mention')}"


def quotes_text(facts: Dossier, top: int = 3) -> str:
    """ "16 statements attributed; most quoted: Vladimir Putin (5), …"."""
    if not facts.quote_count:
        return "no statement is attributed to anyone"
    speakers = [f"{s.name} ({s.statements})" for s in facts.speakers[:top]]
    return (
        f"{plural(facts.quote_count, 'statement')} attributed to "
        f"{plural(len(facts.speakers), 'speaker')}; most quoted: {listing(speakers)}"
    )


# -- the terminal -------------------------------------------------------------------------------


def _field(label: str, text: str, width: int, indent: int = 13) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=f"{label:<{indent}}",
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
    ) or [label]


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _actor_table(actors: list[ActorFacts], width: int) -> list[str]:
    """Aligned rows: actor (type), mentions, mentions by kind, tone (sentences)."""
    if not actors:
        return []
    labels = [f"{a.name} ({a.type})" for a in actors]
    kinds = [", ".join(f"{n} {k}" for k, n in a.kinds.items() if n) for a in actors]
    tones = [
        f"{signed(a.tone)} ({a.tone_sentences})"
        if a.tone is not None
        else f"– ({plural(a.tone_sentences, 'sentence')})"
        for a in actors
    ]
    tone_w = max(len("tone (sentences)"), *map(len, tones))
    kind_w = max(len("by kind"), *map(len, kinds))
    label_w = max(len("actor (type)"), *map(len, labels))
    room = width - 2 - 8 - tone_w - 6  # indent, mentions column, tone column, gaps
    kind_w = min(kind_w, max(12, room // 2))
    label_w = min(label_w, room - kind_w)
    rows = [("actor (type)", "mentions", "by kind", "tone (sentences)")]
    rows += [
        (lab, str(a.mentions), kin, ton)
        for lab, a, kin, ton in zip(labels, actors, kinds, tones, strict=True)
    ]
    return [
        (
            f"  {_cut(lab, label_w):<{label_w}}  {men:>8}  {_cut(kin, kind_w):<{kind_w}}  {ton}"
        ).rstrip()
        for lab, men, kin, ton in rows
    ]


def dossier_text(record: Mapping[str, Any], width: int = TERMINAL_WIDTH, top: int = 5) -> str:
    """The dossier as plain text, no line longer than ``width`` (default 100) columns."""
    facts = dossier_facts(record)
    width = max(width, 60)
    lines = textwrap.wrap(facts.headline, width=width) or ["(untitled)"]
    lines.append("─" * min(width, max(len(line) for line in lines)))
    source = facts.source or "(text)"
    lines += _field(
        "Article",
        f"{facts.article_id} · {source}"
        + (f" · {facts.format} file, encoding {facts.encoding}" if facts.format else "")
        + (
            f" · language: {facts.language}   read as: {facts.extraction}" if facts.language else ""
        ),
        width,
    )
    lines += _field("Zones", zones_text(facts), width)
    lines += _field(
        "Analysed", f"{', '.join(facts.zones_analysed) or 'body'}: {size_text(facts)}", width
    )
    lines += _field("Readability", readability_text(facts), width)
    lines += _field("Tone", tone_text(facts), width)
    lines += _field(
        "Actors", actors_text(facts) + ("; the most mentioned:" if facts.actors else ""), width
    )
    lines += _actor_table(facts.actors[:top], width)
    if len(facts.actors) > top:
        lines.append(
            f"  … and {plural(len(facts.actors) - top, 'other')} (--json lists every actor)"
        )
    lines += _field("Quotes", quotes_text(facts), width)
    if facts.warnings:
        for i, warning in enumerate(facts.warnings):
            lines += _field("Warnings" if i == 0 else "", f"• {warning}", width)
    else:
        lines += _field("Warnings", "none", width)
    return "\n".join(lines)
