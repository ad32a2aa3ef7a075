"""Notebook 01 runs top to bottom under papermill (from the repo root with defaults, and from
notebooks/ as JupyterLab would, with other parameters) and writes its figures and tables."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from ..conftest import ROOT
from .nbrun import NOTEBOOKS, outputs_text, run_notebook

NAME = "01_text_statistics.ipynb"
FIGURES = ["01_readability", "01_sentence_length", "01_top_words", "01_ngrams_2",
           "01_ngrams_3", "01_keyness", "01_dispersion"]
TABLES = ["01_overview", "01_sections", "01_readability", "01_sentences", "01_top_words",
          "01_ngrams_2", "01_ngrams_3", "01_collocations", "01_keyness", "01_dispersion",
          "01_kwic", "01_lexical_diversity"]


@pytest.mark.notebooks
def test_notebook_01_with_defaults(tmp_path):
    nb = run_notebook(NAME, tmp_path)
    out = tmp_path / "out"
    for name in FIGURES:
        for suffix in ("png", "svg"):
            assert (out / f"{name}.{suffix}").stat().st_size > 1000, f"{name}.{suffix}"
    for name in TABLES:
        assert (out / f"{name}.csv").exists(), name
    overview = pd.read_csv(out / "01_overview.csv").set_index("measure")["value"]
    assert (overview["words"], overview["sentences"], overview["paragraphs"]) == (947, 40, 19)
    readability = pd.read_csv(out / "01_readability.csv")
    assert len(readability) == 7 and readability["band"].notna().all()
    keyness = pd.read_csv(out / "01_keyness.csv").set_index("term")
    assert keyness.loc["sanctions", "g2"] > 10.83 and abs(keyness.loc["the", "g2"]) < 3.84
    kwic = pd.read_csv(out / "01_kwic.csv")
    assert not kwic.empty
    text = outputs_text(nb)
    assert "947 words in 40 sentences" in text
    images = sum(1 for cell in nb.cells for output in cell.get("outputs", [])
                 if "image/png" in output.get("data", {}))
    assert images == len(FIGURES)  # each figure shown once


@pytest.mark.notebooks
def test_notebook_01_from_the_notebooks_folder_with_other_parameters(tmp_path):
    import papermill

    executed = tmp_path / NAME
    papermill.execute_notebook(
        str(NOTEBOOKS / NAME), str(executed), cwd=str(ROOT / "notebooks"),
        progress_bar=False, kernel_name="python3",
        parameters={"output_dir": str(tmp_path / "out"), "include_zones": ["body", "headings"],
                    "ngram_sizes": [1], "kwic_terms": ["sanctions", "Kim Jong Un"],
                    "extra_stopwords": ["putin"], "dispersion_terms": ["treaty"],
                    "top_n": 5})
    nb = nbformat.read(executed, as_version=4)
    out = tmp_path / "out"
    kwic = pd.read_csv(out / "01_kwic.csv")
    assert set(kwic["term"]) == {"sanctions", "Kim Jong Un"}
    top_words = pd.read_csv(out / "01_top_words.csv")
    assert len(top_words) == 5 and "putin" not in set(top_words["term"])
    assert (out / "01_ngrams_1.png").exists()
    assert "(body, heading)" in outputs_text(nb)
