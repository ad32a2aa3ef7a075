"""Executes notebooks/02_sentiment.ipynb with papermill and checks what it writes."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from analysis.sentiment.scores import article_tone
from analysis.text import prepare

from .nbrun import NOTEBOOKS, outputs_text, run_notebook

pytestmark = pytest.mark.notebooks

FIGURES = ["02_news_tone_contributions", "02_arc", "02_distribution", "02_sections", "02_driving_words", "02_lexicons",
           "02_quotations_vs_narration"]
TABLES = ["02_news_tone", "02_news_tone_contributions", "02_tone_summary", "02_sentences", "02_sections", "02_paragraphs",
          "02_top_sentences", "02_explanations", "02_lexicons", "02_quotes",
          "02_quotations_vs_narration"]


def _errors(nb: nbformat.NotebookNode) -> list[str]:
    return [f"{o['ename']}: {o['evalue']}" for c in nb.cells for o in c.get("outputs", [])
            if o.get("output_type") == "error"]


def test_defaults_from_repo_root(tmp_path, seed):
    nb = run_notebook("02_sentiment.ipynb", tmp_path)
    assert not _errors(nb)
    out = tmp_path / "out"
    for name in FIGURES:
        assert (out / f"{name}.png").stat().st_size > 0
        assert (out / f"{name}.svg").stat().st_size > 0
    for name in TABLES:
        assert (out / f"{name}.csv").exists(), name
    sentences = pd.read_csv(out / "02_sentences.csv")
    assert len(sentences) == 40
    summary = pd.read_csv(out / "02_tone_summary.csv").set_index("measure")["value"]
    expected = article_tone(prepare(seed))
    assert summary["mean_compound"] == pytest.approx(expected["mean_compound"])
    assert summary["positive_share"] + summary["negative_share"] + summary[
        "neutral_share"] == pytest.approx(1)
    assert summary["word_count"] == 806     # 947 words, 141 inside actor names (masked)
    top = pd.read_csv(out / "02_top_sentences.csv")
    assert top["direction"].value_counts().to_dict() == {"positive": 3, "negative": 3}
    text = outputs_text(nb)
    assert "<mark class=" in text                      # driving words highlighted
    assert f"mean compound score is {expected['mean_compound']:+.3f}" in text
    assert "Cohen" in text and "quotes 10 passages" in text
    # the headline is the news tone; every sentence's contributions add up to its score
    news = pd.read_csv(out / "02_news_tone.csv")
    parts = pd.read_csv(out / "02_news_tone_contributions.csv")
    assert len(news) == 40
    sums = parts.groupby("sentence")["contribution"].sum()
    assert sums.to_numpy() == pytest.approx(news.set_index("index")["news_tone"].to_numpy())
    assert "its **news tone** is" in text or "news tone</strong> is" in text


def test_parameters_change_the_run(tmp_path):
    nb = run_notebook("02_sentiment.ipynb", tmp_path, top_k=1, rolling_window=3,
                      neutral_threshold=0.3, include_zones=["body", "headings"])
    assert not _errors(nb)
    out = tmp_path / "out"
    top = pd.read_csv(out / "02_top_sentences.csv")
    assert len(top) == 2
    sentences = pd.read_csv(out / "02_sentences.csv")
    assert len(sentences) > 40                          # headings are sentences too
    summary = pd.read_csv(out / "02_tone_summary.csv").set_index("measure")["value"]
    share = ((sentences["compound"] > 0.3).sum() / len(sentences))
    assert summary["positive_share"] == pytest.approx(share)
    assert "rolling mean over 3 sentences" in outputs_text(nb)


def test_runs_from_the_notebooks_folder(tmp_path):
    """JupyterLab runs a notebook with cwd = notebooks/: the default article path must work."""
    import papermill

    executed = tmp_path / "executed.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS / "02_sentiment.ipynb"), str(executed),
                               parameters={"output_dir": str(tmp_path / "out")},
                               cwd=str(NOTEBOOKS), progress_bar=False, kernel_name="python3")
    assert not _errors(nbformat.read(executed, as_version=4))
    assert (tmp_path / "out" / "02_arc.png").exists()
