"""Corpus scale: many articles analysed on Dask into Parquet tables, and their overview.

Modules: :mod:`.inputs` (files and tables of articles, partitions), :mod:`.tables` (record →
rows with fixed Arrow schemas), :mod:`.run` (the Dask run, the manifest, reading back),
:mod:`.overview` (corpus-level summaries for notebook 04).
"""

from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "inputs": ["CorpusOptions", "check_unique_ids"],
        "overview": [
            "OUTLIER_Z",
            "READABILITY_COLUMNS",
            "actor_cooccurrence",
            "actor_document_frequency",
            "cooccurrence_matrix",
            "corpus_summary",
            "describe",
            "has_values",
            "outlier_articles",
            "tone_by_group",
            "tone_over_time",
        ],
        "prose": [
            "actor_frequency_prose",
            "corpus_prose",
            "outliers_prose",
            "pairs_prose",
            "readability_prose",
            "tone_by_group_prose",
            "tone_over_time_prose",
        ],
        "run": [
            "CorpusResult",
            "CorpusTables",
            "ensure_corpus",
            "is_corpus_dir",
            "read_corpus",
            "read_table",
            "run_corpus",
        ],
    },
)
