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


def test_show_table_formats_escapes_and_aligns():
    from analysis.outputs import show_table

    table = pd.DataFrame(
        {"name": ["<b>Kim</b>", "Lee"], "score": [0.12345, 2.0], "ok": [True, False]}
    )
    html = show_table(table, digits={"score": 2})._repr_html_()
    assert "&lt;b&gt;Kim&lt;/b&gt;" in html and "<b>Kim</b>" not in html  # text is escaped
    assert ">0.12<" in html and ">yes<" in html and ">no<" in html
    assert html.count('class="num"') == 3  # the numeric column only: its header, two cells
    assert ">2.00<" in html
    assert "rows.</em>" not in html  # nothing cut, nothing said


def test_show_table_shows_the_first_rows_and_says_so():
    from analysis.outputs import SHOWN_ROWS, show_table

    table = pd.DataFrame({"n": range(SHOWN_ROWS + 50)})
    html = show_table(table)._repr_html_()
    assert html.count("<tr>") == 1 + SHOWN_ROWS  # header + the first rows
    assert f"The first {SHOWN_ROWS} of {SHOWN_ROWS + 50} rows." in html
    assert show_table(table, max_rows=None)._repr_html_().count("<tr>") == 1 + SHOWN_ROWS + 50
    assert show_table(table, max_rows=3)._repr_html_().count("<tr>") == 4
    assert "no rows" in show_table(table.iloc[0:0])._repr_html_()
