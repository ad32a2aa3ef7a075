"""Executes notebooks/03_actors.ipynb with papermill and checks what it produced."""

from __future__ import annotations

import pandas as pd
import pytest

from .nbrun import outputs_text, run_notebook

FIGURES = ["03_actor_frequency", "03_actor_dispersion", "03_actor_network", "03_actor_tone",
           "03_quoted_vs_mentioned"]
TABLES = ["03_actor_frequency", "03_actor_mentions", "03_actor_dispersion",
          "03_actor_cooccurrence", "03_actor_tone", "03_quotes"]


@pytest.mark.notebooks
def test_notebook_03_defaults(tmp_path):
    nb = run_notebook("03_actors.ipynb", tmp_path)
    out = tmp_path / "out"
    for name in FIGURES:
        assert (out / f"{name}.png").stat().st_size > 0
        assert (out / f"{name}.svg").stat().st_size > 0
    for name in TABLES:
        assert (out / f"{name}.csv").exists()
    freq = pd.read_csv(out / "03_actor_frequency.csv")
    # Russia (25) and Putin (23) lead the seed article body; see tests/test_mentions.py
    assert freq["actor_id"].tolist()[:2] == ["state:RUS", "person:vladimir-putin"]
    quotes = pd.read_csv(out / "03_quotes.csv")
    assert "stressed" in quotes["verb"].tolist()
    text = outputs_text(nb)
    assert "The most mentioned is **Russia**" in text
    assert "<mark" in text                              # highlighted article text
    assert "image/png" in str(nb.cells)                 # figures are shown inline


@pytest.mark.notebooks
def test_notebook_03_parameters(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  - id: place:yakutsk-city\n    name: Yakutsk\n    type: place\n"
                     "    names: [Yakutsk]\n", encoding="utf-8")
    run_notebook("03_actors.ipynb", tmp_path, include_zones=["body", "captions"],
                 actor_dictionary=str(extra), min_mentions=3, top_n=5)
    freq = pd.read_csv(tmp_path / "out" / "03_actor_frequency.csv")
    row = freq.set_index("actor_id").loc["place:yakutsk-city"]
    assert not row["discovered"]                      # the user's entry, not a discovery
    mentions = pd.read_csv(tmp_path / "out" / "03_actor_mentions.csv")
    assert "caption" in set(mentions["zone"])
