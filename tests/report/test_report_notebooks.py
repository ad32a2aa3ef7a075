"""The real report notebooks through the batch runner, on a small hostile article: every page
is written, no article text reaches HTML unescaped, and no Markdown escape shows."""

from __future__ import annotations

import html
import re

import pytest

from analysis.report.batch import run_batch

pytestmark = pytest.mark.notebooks

HOSTILE = (
    "<script>alert('title')</script> Putin & Kim \"meet\" in Pyongyang / Moscow\n\n"
    "<img src=x onerror=alert('body')> Russian President Vladimir Putin met Kim Jong Un in "
    "Pyongyang on Wednesday, and the two leaders signed a treaty. “It is a <b>great</b> day,” "
    "Putin said.\n\n"
    "<script>alert('heading')</script>\n\n"
    "Kim said the agreement was their “strongest ever treaty.” The United States criticised the "
    "deal, and Washington said it would respond. </div></table>"
    '<iframe src="javascript:alert(1)">\n'
)


def test_hostile_article_is_escaped_in_every_report(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "reports"
    result = run_batch([article], out, jobs=2, progress=False)
    assert result.ok, result.failures
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 5  # index, dossier and three notebook pages
    # Raw tags only: the escaped text (&lt;img src=x onerror=…&gt;) is what must appear.
    payload = re.compile(r"<script>alert|<img src=x|<iframe|<b>great</b>|</div></table>")
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not payload.search(text), f"{page.name}: unescaped article text"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in index
    # No Markdown escape reaches a page as text (a backslash before punctuation).
    for page in pages:
        text = re.sub(
            r"<style.*?</style>|<[^>]+>", "", page.read_text(encoding="utf-8"), flags=re.S
        )
        assert not re.search(r"\\[\\`*_{}\[\]()#+!|~>-]", html.unescape(text)), page.name
