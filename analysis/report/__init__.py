"""Batch reports: run the notebooks for many articles with papermill, export HTML, write the
record, tidy tables, a dossier per article and an index page; never a half-written report.

Modules: :mod:`.batch` (the batch: staging, fingerprints, publishing), :mod:`.runner`
(executing one notebook, exporting it), :mod:`.tables` (a record's CSV tables),
:mod:`.dossier` (an article's dossier facts, and the terminal dossier), :mod:`.summary_page`
(``summary.html``), :mod:`.index_page` (``index.html``), :mod:`.pages` (what every page
shares: style, link bar, run metadata).
"""

from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "batch": ["ArticleReport", "BatchResult", "run_batch"],
        "dossier": ["Dossier", "dossier_facts", "dossier_text", "record_warnings"],
        "index_page": ["render_index", "write_index"],
        "pages": ["PageContext", "page_label"],
        "runner": [
            "default_jobs",
            "export_html",
            "notebook_parameters",
            "prepare_workers",
            "report_notebooks",
            "run_notebook",
        ],
        "summary_page": ["render_summary", "write_summary"],
        "tables": ["record_tables"],
    },
)
