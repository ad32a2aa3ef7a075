"""analysis.actors.prose: the sentences of notebook 03, from hand-made tables."""

from __future__ import annotations

import pandas as pd

from analysis.actors import prose

SHOWN = pd.DataFrame(
    [
        {
            "actor_id": "state:RUS",
            "name": "Russia",
            "type": "state",
            "mentions_total": 3,
            "mentions_name": 2,
            "mentions_nominal": 0,
            "mentions_adjectival": 1,
            "mentions_metonym": 0,
            "share_of_sentences": 0.5,
            "discovered": False,
        },
        {
            "actor_id": "person:x",
            "name": "Ann <Lee>",
            "type": "person",
            "mentions_total": 1,
            "mentions_name": 1,
            "mentions_nominal": 0,
            "mentions_adjectival": 0,
            "mentions_metonym": 0,
            "share_of_sentences": 0.25,
            "discovered": True,
        },
    ]
)


def test_named_prose():
    text = prose.named_prose("Talks", ["body"], 4, 4, 2, SHOWN, 1)
    assert text.startswith(
        "**Talks** — 4 sentences in zones body: 4 actor mentions of 2 "
        "actors (2 with at least 1 mention): 1 state and 1 person. "
    )
    assert (
        "The most mentioned is **Russia** (state): 3 mentions — 2 by name and 1 "
        "adjectival — in 50% of the sentences. 1 actor was discovered outside the "
        "dictionary."
    ) in text


def test_cooccurrence_prose():
    edges = pd.DataFrame([{"source_name": "Russia", "target_name": "Ann <Lee>", "weight": 1}])
    assert prose.cooccurrence_prose(edges) == (
        "1 pair of actors share at least one sentence. The strongest pair is **Russia** and "
        "**Ann &lt;Lee&gt;**, together in 1 sentence."
    )
    assert (
        prose.cooccurrence_prose(edges.iloc[0:0]) == "No two actors are named in the same sentence."
    )


def test_tone_prose():
    tone = pd.DataFrame(
        [
            {
                "actor_id": "state:RUS",
                "name": "Russia",
                "tone": 0.2,
                "n_sentences": 2,
                "single_sentence": False,
            },
            {
                "actor_id": "person:x",
                "name": "Ann",
                "tone": None,
                "n_sentences": 1,
                "single_sentence": True,
            },
        ]
    )
    assert prose.tone_prose(tone, 2) == (
        "1 actor appears in at least 2 sentences and gets a tone; 1 appears in a single "
        "sentence, whose score is shown hatched and is not a tone. Most positive context: "
        "**Russia** (+0.200 over 2 sentences)."
    )


def test_quotes_prose():
    quotes = pd.DataFrame(
        [{"speaker_actor": "person:x", "speaker_name": "Ann <Lee>", "direct": True}]
    )
    assert prose.quotes_prose(quotes, SHOWN) == (
        "1 statement is attributed (1 with quotation marks); 1 actor speaks: Ann &lt;Lee&gt;. "
        "Among the most mentioned, these are talked about but never quoted: Russia."
    )
    assert "No statement" in prose.quotes_prose(quotes.iloc[0:0], SHOWN)
