"""A real browser: the index, the dossier and every notebook page of the seed's report open
in headless Chromium, their tables and figures render, links lead where they say, wide tables
scroll inside the page, no Markdown escape shows, and the console shows no JavaScript error.

Uses Debian's chromium, which ``make browser`` installs (as root; CI runs it first), or the
browser that the CHROMIUM variable names. Without one the whole module is skipped with one line
saying so: the tests never install anything themselves.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from analysis.report.batch import run_batch

from ..conftest import SEED

# CHROMIUM names another build (e.g. on a machine without Debian's package).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        "chromium is not installed: run `make browser` (as root) for the browser tier",
        allow_module_level=True,
    )

pytestmark = [pytest.mark.browser, pytest.mark.notebooks]

ARTICLE_ID = "putin-north-korea-2024"
VIEWPORT = {"width": 1280, "height": 900}
# A backslash before Markdown punctuation is an escape that a renderer failed to remove.
VISIBLE_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+!|~>.-]")


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "reports"
    result = run_batch([SEED], out, progress=False)
    assert result.ok, result.failures
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    page = browser.new_page(viewport=VIEWPORT)
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("requestfailed", lambda req: page.errors.append(f"request failed: {req.url}"))
    yield page
    page.close()


def _check_layout(page, name: str) -> None:
    """The page never scrolls sideways, a table wider than its box scrolls inside it, no
    table shows pandas' row numbers, and no Markdown escape is visible."""
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORT["width"], (
        f"{name}: the page is wider than the window"
    )
    clipped = page.evaluate("""() => [...document.querySelectorAll('table')].filter(t => {
        let box = t.parentElement;
        while (box && box !== document.body) {
            const style = getComputedStyle(box);
            if (['auto', 'scroll'].includes(style.overflowX)) return false;
            if (t.getBoundingClientRect().right > box.getBoundingClientRect().right + 1)
                return true;
            box = box.parentElement;
        }
        return t.getBoundingClientRect().right > window.innerWidth + 1;
    }).length""")
    assert clipped == 0, f"{name}: {clipped} table(s) cut off instead of scrolling"
    blank_corner = page.evaluate("""() => [...document.querySelectorAll('table thead tr')]
        .filter(r => r.cells.length > 1 && r.cells[0].textContent.trim() === '').length""")
    assert blank_corner == 0, f"{name}: a table shows an index column"
    text = page.inner_text("body")
    assert not VISIBLE_ESCAPE.search(text), (
        f"{name}: visible Markdown escape {VISIBLE_ESCAPE.search(text).group()!r}"
    )


def test_the_dossier_page(seed_reports, page, tmp_path):
    page.goto((seed_reports / "index.html").as_uri(), wait_until="load")
    assert page.title() == "article-analysis reports"
    assert page.locator("table.articles tbody tr").count() == 1
    first = page.locator("table.articles tbody a").first
    assert first.get_attribute("href") == f"{ARTICLE_ID}/summary.html"
    first.click()
    page.wait_for_load_state("load")
    assert page.title().startswith("Dossier — Russian President Putin visits North Korea")
    assert page.locator("h1").inner_text().startswith("Russian President Putin visits")
    figures = page.locator(".aa-figure")
    assert figures.count() >= 6 and "947" in figures.first.inner_text()
    actors = page.locator("table.aa-actors tbody tr")
    assert actors.count() == 10 and actors.first.inner_text().startswith("Russia")
    assert page.locator("table.aa-quotes tbody tr").count() >= 1
    assert page.get_by_role("heading", name="Warnings").count() == 1
    text = page.inner_text("body")
    assert "(s)" not in text and not re.search(r"\b1 (articles|mentions|sentences)\b", text)
    _check_layout(page, "summary.html")
    page.screenshot(path=str(tmp_path / "summary.png"), full_page=True)
    for name in ("Text statistics", "Sentiment", "Actors"):  # the dossier links every page
        link = page.locator("ul.aa-pages a", has_text=name)
        assert link.count() == 1, name
        link.click()
        page.wait_for_load_state("load")
        assert page.title().startswith(f"{name} — Russian President Putin")
        page.go_back(wait_until="load")
    page.locator("nav.aa-nav a", has_text="All reports").click()
    page.wait_for_load_state("load")
    assert page.title() == "article-analysis reports"
    assert page.errors == []


def test_every_notebook_page_renders(seed_reports, page, tmp_path):
    pages = sorted((seed_reports / ARTICLE_ID).glob("0*.html"))
    assert [p.stem for p in pages] == ["01_text_statistics", "02_sentiment", "03_actors"]
    for report in pages:
        page.goto(report.as_uri(), wait_until="load")
        assert page.title() != "Notebook" and " — Russian President Putin" in page.title()
        assert page.locator("nav.aa-nav a[href='../index.html']").count() == 1
        assert page.locator("nav.aa-nav a[href='summary.html']").count() == 1
        meta = page.locator("footer.aa-meta").inner_text()
        assert "article-analysis" in meta and "73ec1a7f57785ebf" in meta and "Parameters" in meta
        assert page.locator("table").count() >= 1, f"{report.name}: no table rendered"
        images = page.locator("img")
        assert images.count() >= 1, f"{report.name}: no figure rendered"
        widths = images.evaluate_all("els => els.map(e => e.naturalWidth)")
        assert all(w > 0 for w in widths), f"{report.name}: a figure failed to load"
        cells = page.locator("table.aa-table td").all_inner_texts()
        assert not [c for c in cells if re.fullmatch(r"-?\d+\.0{4,}", c)], (
            f"{report.name}: integers shown with decimals"
        )
        _check_layout(page, report.name)
        page.screenshot(path=str(tmp_path / f"{report.stem}.png"), full_page=True)
    assert page.errors == []
