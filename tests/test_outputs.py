"""analysis.outputs: figures and tables written whole; article text escaped."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from analysis.outputs import escape_html, escape_markdown, save_figure, save_table
from analysis.paths import resolve_output_dir, resolve_path


def test_save_figure_writes_png_and_svg(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    paths = save_figure(fig, tmp_path / "figs", "line")
    plt.close(fig)
    assert [p.name for p in paths] == ["line.png", "line.svg"]
    assert paths[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in paths[1].read_bytes()[:500]
    assert sorted(p.name for p in (tmp_path / "figs").iterdir()) == ["line.png", "line.svg"]


def test_save_table_round_trips(tmp_path):
    table = pd.DataFrame({"word": ["putin", "kim"], "count": [3, 2]})
    path = save_table(table, tmp_path, "words")
    assert pd.read_csv(path).equals(table)


def test_escape_html_and_markdown():
    hostile = '<script>alert("x")</script> <img src=x onerror=y> *bold* [a](b)'
    assert escape_html(hostile) == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
        "&lt;img src=x onerror=y&gt; *bold* [a](b)"
    )
    md = escape_markdown(hostile)
    assert "<" not in md and ">" not in md and "&#" not in md
    assert r"\*bold\*" in md and r"\[a\]\(b\)" in md


def test_paths_anchor_relative_names_at_the_project(tmp_path, monkeypatch, seed_path):
    monkeypatch.chdir(tmp_path)
    assert resolve_path("data/raw/putin_north_korea_2024.txt") == seed_path
    out = resolve_output_dir(tmp_path / "x")
    assert out.is_dir()


def test_csv_cells_that_would_run_as_formulas_get_a_quote(tmp_path):
    table = pd.DataFrame(
        {
            "text": [
                '=HYPERLINK("http://x")',
                "+7 per cent",
                "-minus",
                "@handle",
                "\tTab",
                "plain",
                None,
            ],
            "compound": [-0.5, 0.25, 0.0, 1.0, -1.0, 0.5, 0.0],
            "flag": [True, False, True, False, True, False, True],
        }
    )
    path = save_table(table, tmp_path, "cells")
    back = pd.read_csv(path, keep_default_na=False)
    assert back["text"].tolist() == [
        '\'=HYPERLINK("http://x")',
        "'+7 per cent",
        "'-minus",
        "'@handle",
        "'\tTab",
        "plain",
        "",
    ]
    # numbers (negative ones too) and booleans are values, not formulas: unchanged
    assert back["compound"].tolist() == [-0.5, 0.25, 0.0, 1.0, -1.0, 0.5, 0.0]
    assert back["flag"].tolist() == table["flag"].tolist()
    assert table["text"][0].startswith("=")  # the caller's table is not modified
