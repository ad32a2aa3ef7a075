"""A real browser: the index and one article's report open in headless Chromium, their tables
and figures render, and the console shows no JavaScript error.

Uses Debian's chromium (``make test`` installs it when run as root). Outside CI the test is
skipped if no chromium is installed; in CI (CI=true) a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from analysis.report.batch import run_batch

from ..conftest import SEED

pytestmark = [pytest.mark.browser, pytest.mark.notebooks]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "reports"
    result = run_batch([SEED], out, jobs=2, progress=False)
    assert result.ok, result.failures
    return out


def _open(page, url: str, errors: list[str]) -> None:
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
    page.goto(url, wait_until="load")


def test_reports_render_in_chromium(seed_reports, tmp_path):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make test` installs it (apt) when root")
        pytest.skip("chromium is not installed (make test installs it when run as root)")
    from playwright.sync_api import sync_playwright

    index = seed_reports / "index.html"
    pages = sorted((seed_reports / "putin-north-korea-2024").glob("*.html"))
    assert pages, "no notebook report was written"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            _open(page, index.as_uri(), errors)
            assert page.locator("table.articles tbody tr").count() == 1
            link = page.locator("table.articles a").first
            assert link.count() == 1
            page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
            for report in pages:
                _open(page, report.as_uri(), errors)
                tables = page.locator("table").count()
                images = page.locator("img")
                assert tables >= 1, f"{report.name}: no table rendered"
                assert images.count() >= 1, f"{report.name}: no figure rendered"
                widths = images.evaluate_all("els => els.map(e => e.naturalWidth)")
                assert all(w > 0 for w in widths), f"{report.name}: a figure failed to load"
                page.screenshot(path=str(tmp_path / f"{report.stem}.png"), full_page=True)
            assert errors == []
        finally:
            browser.close()
