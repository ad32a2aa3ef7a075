"""Batch reports: run the notebooks for many articles with papermill, export HTML, write the
record, tidy tables and an index page; never a half-written report.

Modules: :mod:`.batch` (the batch: staging, fingerprints, publishing), :mod:`.runner`
(executing one notebook, exporting it), :mod:`.tables` (a record's CSV tables),
:mod:`.index_page` (``index.html``).
"""

from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "batch": ["ArticleReport", "BatchResult", "run_batch"],
    "index_page": ["write_index"],
    "runner": ["export_html", "notebook_parameters", "report_notebooks", "run_notebook"],
    "tables": ["record_tables"],
})
