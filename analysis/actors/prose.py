"""The sentences of notebook 03 (actors), one function per section.

Each function takes tables the notebook has already computed (:mod:`analysis.actors`) and
returns Markdown: numbers for people (:mod:`analysis.wording`), correct plurals, actor names
and article text escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..wording import escape_markdown, listing, percent, plural, signed, strong

#: Mention kinds in the order they are reported, with how each reads in a sentence.
_KIND_WORDS = {
    "name": "by name",
    "nominal": "nominal",
    "adjectival": "adjectival",
    "metonym": "as metonym",
}


def named_prose(
    headline: str,
    zones: Sequence[str],
    sentences: int,
    mentions: int,
    actors: int,
    shown: pd.DataFrame,
    min_mentions: int,
) -> str:
    """How many actors and mentions, by type, and the most mentioned with its kinds.

    ``shown`` is the frequency table of the actors with at least ``min_mentions`` mentions
    (:func:`analysis.actors.select_actors`); ``mentions`` and ``actors`` count everything found.
    """
    by_type = shown["type"].value_counts()
    text = (
        f"{strong(headline)} — {plural(sentences, 'sentence')} in zones "
        f"{', '.join(zones)}: {plural(mentions, 'actor mention')} of "
        f"{plural(actors, 'actor')} ({_with_at_least(len(shown), min_mentions)}): "
        f"{listing([plural(n, str(t)) for t, n in by_type.items()])}. "
    )
    if shown.empty:
        return text + "No actor was found."
    lead = shown.iloc[0]
    kinds = [
        f"{lead[f'mentions_{k}']} {w}" for k, w in _KIND_WORDS.items() if lead[f"mentions_{k}"]
    ]
    discovered = int(shown["discovered"].sum())
    return (
        text + f"The most mentioned is {strong(lead['name'])} ({lead['type']}): "
        f"{plural(lead['mentions_total'], 'mention')} — {listing(kinds)} — in "
        f"{percent(lead['share_of_sentences'])} of the sentences. "
        f"{plural(discovered, 'actor')} {'was' if discovered == 1 else 'were'} discovered "
        "outside the dictionary."
    )


def _with_at_least(count: int, min_mentions: int) -> str:
    """ "24 with at least 1 mention", "3 with at least 2 mentions"."""
    return f"{count} with at least {plural(min_mentions, 'mention')}"


def cooccurrence_prose(edges: pd.DataFrame) -> str:
    """How many pairs share a sentence, and the strongest pair (``edges`` is the
    co-occurrence table, strongest first)."""
    if edges.empty:
        return "No two actors are named in the same sentence."
    strongest = edges.iloc[0]
    return (
        f"{plural(len(edges), 'pair')} of actors share at least one sentence. The "
        f"strongest pair is {strong(strongest['source_name'])} and "
        f"{strong(strongest['target_name'])}, together in "
        f"{plural(strongest['weight'], 'sentence')}."
    )


def tone_prose(tone: pd.DataFrame, min_sentences: int) -> str:
    """Which actors get a tone, which appear in a single sentence, and the most positive and
    most negative context (``tone`` is :func:`analysis.actors.actor_tone` for the actors
    shown)."""
    rated = tone.dropna(subset=["tone"])
    single = int(tone["single_sentence"].sum())
    text = (
        f"{plural(len(rated), 'actor')} {'appears' if len(rated) == 1 else 'appear'} in "
        f"at least {plural(min_sentences, 'sentence')} and "
        f"{'gets' if len(rated) == 1 else 'get'} a tone; {single} "
        f"{'appears' if single == 1 else 'appear'} in a single sentence, whose score is "
        "shown hatched and is not a tone."
    )
    if rated.empty:
        return text
    high = rated.loc[rated["tone"].idxmax()]
    low = rated.loc[rated["tone"].idxmin()]
    text += (
        f" Most positive context: {strong(high['name'])} ({signed(high['tone'])} over "
        f"{plural(high['n_sentences'], 'sentence')})"
    )
    if low["actor_id"] != high["actor_id"]:
        text += (
            f"; most negative: {strong(low['name'])} ({signed(low['tone'])} over "
            f"{plural(low['n_sentences'], 'sentence')})"
        )
    return text + "."


def quotes_prose(quotes: pd.DataFrame, top: pd.DataFrame) -> str:
    """How many statements are attributed, who speaks, and which of the most mentioned
    actors (``top``) are talked about but never quoted (``quotes`` is the quote table)."""
    if quotes.empty:
        return "No statement is attributed to anyone in the analysed zones."
    quoted = set(quotes["speaker_actor"].dropna())
    speakers = [escape_markdown(str(n)) for n in quotes["speaker_name"].dropna().unique()]
    silent = [
        escape_markdown(str(n))
        for a, n in zip(top["actor_id"], top["name"], strict=True)
        if a not in quoted
    ]
    direct = int(quotes["direct"].sum())
    return (
        f"{plural(len(quotes), 'statement')} {'is' if len(quotes) == 1 else 'are'} "
        f"attributed ({direct} with quotation marks); "
        f"{plural(len(quoted), 'actor')} {'speaks' if len(quoted) == 1 else 'speak'}"
        + (f": {listing(speakers)}" if speakers else "")
        + ". Among the most mentioned, these are talked about but never quoted: "
        f"{listing(silent)}."
    )
