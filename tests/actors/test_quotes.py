"""Tests of analysis.quotes: quote attribution patterns on small texts and on the seed."""

from __future__ import annotations

import pytest

from analysis.actors import detect_mentions
from analysis.actors.quotes import QUOTE_COLUMNS, attribute_quotes
from analysis.article import article_from_string
from analysis.text import prepare


def _quotes(text: str):
    doc = prepare(article_from_string(text))
    return attribute_quotes(doc, detect_mentions(doc))


@pytest.mark.parametrize("text, speaker, actor, verb, quote, direct", [
    # 1. quotation, then attribution
    ("“We will win,” Putin stressed.", "Putin", "person:vladimir-putin", "stressed",
     "We will win", True),
    ("“No,” a spokesperson for the U.S. embassy told Reuters.",
     "a spokesperson for the U.S. embassy", "state:USA", "told", "No", True),
    # 2. source phrase: the rest of the sentence is the content
    ("The talks went well, according to officials.", "officials", None, "according to",
     "The talks went well", False),
    # 3. content first, then speaker and verb
    ("Moscow will help Pyongyang, Russian President Vladimir Putin wrote in an article.",
     "Russian President Vladimir Putin", "person:vladimir-putin", "wrote",
     "Moscow will help Pyongyang", False),
    # 4. speaker first, auxiliaries/adverbs skipped, "that" dropped
    ("However, Kim said the agreement was strong.", "Kim", "person:kim-jong-un", "said",
     "the agreement was strong", False),
    ("Washington and Seoul have alleged that arms were sent.", "Washington and Seoul",
     "state:USA", "alleged", "arms were sent", False),
    # a lead-in and the addressee of "told" are not part of the content
    ("The ministry said in a statement that output would fall.", "The ministry", None, "said",
     "output would fall", False),
    ("Putin told Reuters that the talks had failed.", "Putin", "person:vladimir-putin", "told",
     "the talks had failed", False),
    # a conjunction opens a new clause: its content follows the verb, not the clause before
    ("Blinken declined to comment on the strikes, but NATO Secretary General Jens Stoltenberg "
     "said Ukraine had a right to self-defence.", "NATO Secretary General Jens Stoltenberg",
     "person:jens-stoltenberg", "said", "Ukraine had a right to self-defence", False),
    # a wire dateline is not part of the content
    ("KYIV (Reuters) - Ukrainian drones struck an oil refinery overnight, Ukraine's military "
     "said on Thursday.", "Ukraine's military", "state:UKR", "said",
     "Ukrainian drones struck an oil refinery overnight", False),
    # an apposition between commas is not part of the speaker
    ("Ivan Sokolov, an aide to the governor, said the roads would reopen.", "Ivan Sokolov",
     "person:ivan-sokolov", "said", "the roads would reopen", False),
    ("Putin called the treaty “a groundbreaking document” on Monday.", "Putin",
     "person:vladimir-putin", "called", "the treaty “a groundbreaking document” on Monday", True),
])
def test_single_sentence_patterns(text, speaker, actor, verb, quote, direct):
    table = _quotes(text)
    assert list(table.columns) == QUOTE_COLUMNS
    assert len(table) == 1
    row = table.iloc[0]
    assert (row.speaker, row.speaker_actor, row.verb, row.text, bool(row.direct)) == (
        speaker, actor, verb, quote, direct)


@pytest.mark.parametrize("text", [
    "Putin called the treaty historic.",     # "called" needs a quotation
    "A banner hung on a building said hello.",  # not a speaker: no actor, no speaker noun
    "The treaty was signed on Wednesday.",
])
def test_no_quote(text):
    assert _quotes(text).empty


def test_pronoun_and_definite_speaker_resolve_to_earlier_speakers():
    text = ("Putin arrived. He noted that the visit mattered. “Stop,” a spokesperson for the "
            "U.S. embassy told Reuters. “Now,” the spokesperson added.")
    table = _quotes(text)
    assert table[["speaker", "speaker_actor", "verb"]].values.tolist() == [
        ["He", "person:vladimir-putin", "noted"],
        ["a spokesperson for the U.S. embassy", "state:USA", "told"],
        ["the spokesperson", "state:USA", "added"]]


def test_seed_quotes(seed):
    doc = prepare(seed)
    table = attribute_quotes(doc, detect_mentions(doc))
    by_verb = {(r.speaker_actor, r.verb) for r in table.itertuples()}
    # The attributions the issue names, found by reading the article:
    assert ("person:vladimir-putin", "stressed") in by_verb      # “…,” Putin stressed
    assert ("person:kim-jong-un", "said") in by_verb             # Kim said the agreement …
    assert ("state:USA", "told") in by_verb                      # a spokesperson … told Reuters
    assert ("state:USA", "added") in by_verb                     # the spokesperson added
    assert ("person:vladimir-putin", "wrote") in by_verb         # …, Putin wrote in an article
    # Every quote's offsets point at its text in the article.
    for row in table.itertuples():
        assert seed.text[row.start:row.end].strip().rstrip(".").strip() == row.text
