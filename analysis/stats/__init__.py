"""Text statistics: counts, readability, syllables, lexical diversity, vocabulary, keyness, KWIC.

Modules: :mod:`.overview` (counts, sentences, sections, the record's ``stats``),
:mod:`.readability_indices`, :mod:`.syllables`, :mod:`.diversity`, :mod:`.vocabulary`.
"""

from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "diversity": [
            "MATTR_WINDOW",
            "MTLD_THRESHOLD",
            "lexical_diversity",
            "mattr",
            "mtld",
            "root_ttr",
            "ttr",
        ],
        "overview": [
            "READING_WPM",
            "counts",
            "longest_sentences",
            "overview_table",
            "reading_time_minutes",
            "record_section",
            "section_table",
            "sentence_table",
        ],
        "readability_indices": [
            "READABILITY_LABELS",
            "automated_readability_index",
            "coleman_liau_index",
            "dale_chall_score",
            "flesch_band",
            "flesch_kincaid_grade",
            "flesch_reading_ease",
            "grade_summary",
            "gunning_fog",
            "readability",
            "readability_table",
            "smog_index",
        ],
        "syllables": ["count_syllables"],
        "prose": [
            "collocations_prose",
            "concordance_prose",
            "dispersion_prose",
            "diversity_prose",
            "keyness_prose",
            "overview_prose",
            "readability_prose",
            "sentence_length_prose",
        ],
        "vocabulary": [
            "G2_CRITICAL_001",
            "collocations",
            "concordance_terms",
            "dispersion",
            "dispersion_terms",
            "frequent_names",
            "keyness",
            "kwic",
            "log_likelihood_g2",
            "log_ratio",
            "ngram_counts",
            "stopword_set",
            "term",
            "word_frequencies",
        ],
    },
)
