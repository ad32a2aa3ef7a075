"""Sentiment and tone: VADER per sentence, its aggregates, the GDELT-style General Inquirer
vector, AFINN as a second opinion, quotations scored apart from narration.

Modules: :mod:`.vader` (VADER, identical to vaderSentiment 3.3.2, with word effects),
:mod:`.scores` (sentence scores, aggregates, explanations, the record's ``sentiment``),
:mod:`.general_inquirer` (the GDELT-style vector), :mod:`.afinn` (second opinion),
:mod:`.quotation_scores` (text inside quotation marks vs narration), :mod:`.highlight` (HTML).
"""

from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "afinn": ["afinn_agreement", "afinn_comparison", "afinn_score", "afinn_words"],
    "general_inquirer": ["gdelt_tone", "tone_words"],
    "highlight": ["highlight_sentence", "top_sentences_html"],
    "prose": [
        "CLEAR_TONE", "afinn_prose", "arc_prose", "capitalised_words_prose",
        "distribution_prose", "quotations_prose", "sections_prose", "tone_meaning", "tone_prose",
    ],
    "quotation_scores": [
        "quotation_segments", "quotation_spans", "quotations", "quotations_vs_narration",
    ],
    "scores": [
        "DEFAULT_THRESHOLD", "aggregate", "arc", "article_tone", "check_threshold", "explain",
        "explain_text", "label", "paragraph_tone", "record_section", "section_starts",
        "section_tone", "sentence_scores", "sentence_table", "tone_summary", "top_sentences",
    ],
    "vader": ["VaderResult", "WordEffect", "polarity_scores"],
})
