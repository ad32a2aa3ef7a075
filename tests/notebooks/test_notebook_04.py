"""Notebook 04 (corpus overview) runs on a small synthetic corpus and on its default input."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from analysis.corpus.run import is_corpus_dir, run_corpus

from .nbrun import outputs_text, run_notebook

pytestmark = pytest.mark.notebooks

FIGURES = ["04_actor_frequency", "04_actor_cooccurrence", "04_tone_by_group",
           "04_tone_over_time", "04_readability", "04_outliers"]
TABLES = ["04_corpus_summary", "04_actor_frequency", "04_actor_cooccurrence",
          "04_tone_by_group", "04_tone_over_time", "04_readability", "04_outliers"]

TEXTS = [
    "Russian President Vladimir Putin arrived in Pyongyang on Tuesday. He praised the strong "
    "friendship between Russia and North Korea.",
    "China warned the United States against new sanctions. Beijing said the talks had failed "
    "and called the measures a terrible mistake.",
    "The United Nations welcomed the agreement. Officials in Geneva said it was a good day for "
    "peace.",
    "Germany and France agreed on a joint plan. Berlin and Paris will share the costs.",
    "Ukraine said Russian forces attacked the city overnight. Kyiv called it a brutal assault.",
    "Japan and South Korea held talks in Tokyo about North Korea's missile tests.",
    "The European Union and the United Kingdom signed a new trade deal after long talks.",
    "India and China agreed to ease tensions on the border. Both sides praised the progress.",
    "Brazil hosted a summit on climate change. Leaders pledged to protect the Amazon forest.",
]


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """Nine articles from two sources over two weeks, and one empty row."""
    folder = tmp_path_factory.mktemp("corpus")
    rows = [{"id": f"n{i}", "title": f"Story {i}", "source": "wire" if i % 2 else "paper",
             "date": f"2024-06-{10 + i:02d}", "text": text} for i, text in enumerate(TEXTS)]
    rows.append({"id": "blank", "source": "wire", "date": "2024-06-20", "text": ""})
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run_corpus(source, folder / "out", workers=0, progress=False)
    return folder / "out"


def test_notebook_on_a_small_corpus(small_corpus, tmp_path):
    nb = run_notebook("04_corpus_overview.ipynb", tmp_path, corpus_dir=str(small_corpus),
                      top_n=5, group_by="source")
    out = tmp_path / "out"
    for name in FIGURES:
        assert (out / f"{name}.png").stat().st_size > 0 and (out / f"{name}.svg").exists()
    for name in TABLES:
        assert (out / f"{name}.csv").exists()
    facts = dict(pd.read_csv(out / "04_corpus_summary.csv").values.tolist())
    assert (int(facts["articles analysed"]), int(facts["articles failed"])) == (9, 1)
    assert (facts["first date"], facts["last date"]) == ("2024-06-10", "2024-06-18")
    text = outputs_text(nb)
    assert "holds **9** analysed articles" in text
    assert "1 input article could not be analysed (EmptyArticleError: 1)" in text
    frequency = pd.read_csv(out / "04_actor_frequency.csv")
    assert (frequency["articles"] <= 9).all() and (frequency["mentions"] >=
                                                   frequency["articles"]).all()
    tone = pd.read_csv(out / "04_tone_by_group.csv")
    if not tone.empty:   # filled once the records carry the sentiment section
        assert sorted(tone["source"]) == ["paper", "wire"]
        assert tone["articles"].sum() == 9


def test_notebook_builds_its_default_corpus(tmp_path):
    """With no corpus at corpus_dir, the notebook analyses input_path (data/raw) first."""
    target = tmp_path / "corpus"
    nb = run_notebook("04_corpus_overview.ipynb", tmp_path, corpus_dir=str(target),
                      group_by="date")
    assert is_corpus_dir(target)
    facts = dict(pd.read_csv(tmp_path / "out" / "04_corpus_summary.csv").values.tolist())
    assert int(facts["articles analysed"]) >= 1            # the seed article at least
    assert re.search(r"holds \*\*\d+\*\* analysed articles?\b", outputs_text(nb))
