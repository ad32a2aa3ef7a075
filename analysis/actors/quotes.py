"""Quote attribution: who is reported as saying what, sentence by sentence.

Patterns, tried in this order on each sentence (the first that fits wins; one quote per
sentence):

1. **quote, then attribution** — ``“…,” Putin stressed.`` / ``“…,” said Putin.`` /
   ``“…,” a spokesperson for the U.S. embassy in Hanoi told Reuters``;
2. **source phrase** — ``…, according to officials.`` / ``…, as stated by his adviser, Yuri
   Ushakov.`` (the rest of the sentence is the reported content);
3. **content, then attribution** — ``Moscow will continue …, Russian President Vladimir Putin
   wrote in an article …`` (the content has at least four words);
4. **speaker first** — ``Kim said the agreement …`` / ``He noted that Washington …`` /
   ``Washington and Seoul have alleged that …`` / ``Petrov, an analyst at X, said …`` (an
   apposition between commas is not part of the speaker; auxiliaries and adverbs such as "has",
   "also" may stand between speaker and verb; "called"/"described" count only with a quotation
   after them).

A speaker phrase (patterns 1, 3, 4) must be short (at most 12 words) and hold an actor mention,
a speaker noun ("spokesperson", "officials", "sides") or a pronoun (he, she, they); for pattern 2
any phrase is a source. The speaker's actor is the person mentioned in the phrase, else its
first organisation or state (a place is never the speaker: "the U.S. embassy in Hanoi" → the
United States). "he"/"she" resolve to the last person mentioned before the verb; "the
spokesperson" (a definite speaker noun) resolves to the last speaker whose phrase used that noun.
In pattern 4 a lead-in ("said in a statement that …", "said on Monday …") and the addressee
of "told" ("told Al Arabiya the kingdom …", "told reporters that …") are not part of the text.
``direct`` is True when the reported text holds quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ..text import Document
from .cues import load_cues
from .mention import Mention

QUOTE_COLUMNS = ["sentence", "speaker", "speaker_actor", "speaker_name", "speaker_type", "verb",
                 "text", "direct", "start", "end"]

_MAX_SPEAKER_WORDS = 12
_MIN_CONTENT_WORDS = 4  # "However, Kim said …" is not content "However" said by Kim
_PRONOUNS = {"he", "she", "they", "we"}
_SKIPPABLE = re.compile(r"(?:\s+(?:also|has|have|had|was|were|is|are|would|will|later|earlier|"
                        r"previously|repeatedly|then|again|once|further|reportedly|publicly|"
                        r"personally|directly|\w+ly))+$", re.IGNORECASE)
_NEEDS_QUOTE = {"called", "described"}
_LEAD_IN = re.compile(r"(?:in an? (?:statement|interview|speech|post|letter|note)\b[^,“\"]*?"
                      r"|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
                      r",?\s+(?:that\s+)?")
_ADDRESSEE = re.compile(r"(?:(?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*)*|reporters|journalists|"
                        r"lawmakers|parliament|the (?:BBC|newspaper|agency))\s+(?:that\s+)?")
_TYPE_RANK = {"person": 0, "organization": 1, "state": 2}
_CONJUNCTION = r"(?:but|and|while|whereas|although|though|yet)\s+"
# A wire dateline opening a sentence ("KYIV (Reuters) - ") is not part of what was said.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s+")


def _verb_pattern() -> str:
    verbs = sorted(load_cues().reporting_verbs, key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(v) for v in verbs) + r")"


def attribute_quotes(doc: Document, mentions: Sequence[Mention]) -> pd.DataFrame:
    """One row per attributed statement (see the module docstring for the patterns)."""
    cues = load_cues()
    verbs = _verb_pattern()
    direct_after = re.compile(
        r"^\s*[“\"](?P<quote>[^”\"]+?)[,?!]?\s*[”\"]\s*,?\s*(?:(?P<speaker>[^,“”\"]+?)\s+"
        rf"(?P<verb>{verbs})\b|(?P<verb2>{verbs})\s+(?P<speaker2>[^,.“”\"]+))")
    source = re.compile(r"^(?P<quote>.+?),?\s+(?:according to|as stated by|as reported by)\s+"
                        r"(?P<speaker>[^.;]+?)\s*[.;]?$", re.DOTALL)
    # "…, but X said …": a conjunction starts a new clause whose content follows the verb.
    fronted = re.compile(rf"^(?P<quote>[^“”\"]+?),\s+(?!{_CONJUNCTION})(?P<speaker>[^,]+?)\s+"
                         rf"(?P<verb>{verbs})\b")
    first = re.compile(rf"(?:^|,\s+|;\s+)(?:{_CONJUNCTION})?"
                       rf"(?P<speaker>[^,;“”\"]+?)(?:,[^,;“”\"]+,)?"
                       rf"\s+(?P<verb>{verbs})\b"
                       r"(?:\s*,)?\s+(?:that\s+)?(?P<quote>.+)$", re.DOTALL)
    text = doc.article.text
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    rows: list[dict] = []
    for sentence in doc.sentences:
        base, s = sentence.start, sentence.text
        near = by_sentence.get(sentence.index, [])

        def ok(match: re.Match, group: str, near=near, base=base) -> bool:
            return _speaker_ok(match.group(group), base + match.start(group), near, cues)

        found = None
        match = direct_after.match(s)
        if match:
            group = "speaker" if match.group("speaker") else "speaker2"
            if ok(match, group):
                found = (match, group, "verb" if match.group("verb") else "verb2", "direct")
        if found is None and (match := source.match(s)):
            found = (match, "speaker", None, "source")
        if found is None and (match := fronted.match(s)) and ok(match, "speaker") \
                and len(match.group("quote").split()) >= _MIN_CONTENT_WORDS:
            found = (match, "speaker", "verb", "fronted")
        if found is None:
            for match in first.finditer(s):
                needs_quote = match.group("verb").lower() in _NEEDS_QUOTE
                if needs_quote and "“" not in match.group("quote"):
                    continue
                if ok(match, "speaker"):
                    found = (match, "speaker", "verb", "first")
                    break
        if found is None:
            continue
        match, speaker_group, verb_group, pattern = found
        raw_speaker = match.group(speaker_group)
        speaker = _SKIPPABLE.sub("", raw_speaker.strip())
        s_start = base + match.start(speaker_group) + (len(raw_speaker) - len(raw_speaker.lstrip()))
        q_start, q_end = base + match.start("quote"), base + match.end("quote")
        quote = text[q_start:q_end].strip().rstrip(".").strip()
        if dateline := _DATELINE.match(quote):
            q_start = text.index(quote, q_start) + dateline.end()
            quote = quote[dateline.end():]
        if pattern == "first":
            # "said in a statement that …", "told Al Arabiya (that) …": the content follows
            lead = _LEAD_IN.match(quote) or (
                match.group(verb_group).lower() in ("told", "tells") and _ADDRESSEE.match(quote))
            if lead and lead.end() < len(quote):
                q_start = text.index(quote, q_start) + lead.end()
                quote = quote[lead.end():]
        actor = _speaker_actor(speaker, s_start, s_start + len(speaker), mentions, rows, cues)
        verb = (match.group(verb_group) if verb_group else
                re.search(r"according to|as stated by|as reported by", s).group(0))
        rows.append({
            "sentence": sentence.index, "speaker": speaker,
            "speaker_actor": actor.actor if actor else None,
            "speaker_name": actor.name if actor else None,
            "speaker_type": actor.type if actor else None,
            "verb": verb, "text": quote,
            "direct": pattern == "direct" or "“" in quote or '"' in quote,
            "start": q_start, "end": q_end})
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def _speaker_ok(speaker: str, start: int, sentence_mentions: list[Mention], cues) -> bool:
    speaker = _SKIPPABLE.sub("", speaker.strip())
    words = speaker.split()
    if not words or len(words) > _MAX_SPEAKER_WORDS:
        return False
    if speaker.lower() in _PRONOUNS:
        return True
    end = start + len(speaker)
    if any(start <= m.start and m.end <= end and m.type != "place" for m in sentence_mentions):
        return True
    return any(w.lower().strip("’'") in cues.speaker_nouns for w in words)


def _speaker_actor(speaker: str, start: int, end: int, mentions: Sequence[Mention],
                   previous: list[dict], cues) -> Mention | None:
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.type != "place"]
    if inside:
        return sorted(inside, key=lambda m: (_TYPE_RANK.get(m.type, 9), m.start))[0]
    lowered = speaker.lower()
    if lowered in ("he", "she"):
        before = [m for m in mentions if m.type == "person" and m.end <= start]
        return before[-1] if before else None
    nouns = [w for w in lowered.split() if w in cues.speaker_nouns]
    if lowered.startswith("the ") and nouns:
        for row in reversed(previous):
            if nouns[-1] in row["speaker"].lower() and row["speaker_actor"]:
                return Mention(row["speaker_actor"], row["speaker_name"], row["speaker_type"],
                               speaker, start, end, "name", -1, "")
    return None
