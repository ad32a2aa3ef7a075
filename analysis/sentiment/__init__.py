"""Sentiment and tone: the calibrated news tone (the headline), VADER per sentence with actor
names masked and raw VADER beside it, their aggregates, the GDELT-style General Inquirer vector,
AFINN as a second opinion, quotations scored apart from narration.

Modules: :mod:`.vader` (VADER, identical to vaderSentiment 3.3.2, with word effects),
:mod:`.masking` (the spans of actor names left out of the tone), :mod:`.news_tone` (the
calibrated model and its exact decomposition), :mod:`.scores` (sentence scores, aggregates,
explanations, the record's ``sentiment``), :mod:`.tone_tables` (notebook tables of the news
tone), :mod:`.general_inquirer` (the GDELT-style vector and its news exclusions),
:mod:`.afinn_list` (the AFINN-165 list, loaded in one place), :mod:`.afinn` (second opinion),
:mod:`.quotation_scores` (text inside quotation marks vs narration), :mod:`.highlight` (HTML).
"""

from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "afinn": ["afinn_agreement", "afinn_comparison", "afinn_score", "afinn_words"],
        "afinn_list": ["afinn_lexicon"],
        "general_inquirer": ["gdelt_tone", "news_exclusions", "tone_words"],
        "masking": ["MASKED_KINDS", "name_spans", "sentence_masks", "spans_of"],
        "news_tone": ["load_model", "score_article", "score_sentence", "word_contributions"],
        "tone_tables": ["contributions_table", "news_tone_table"],
        "highlight": ["highlight_sentence", "top_sentences_html"],
        "prose": [
            "CLEAR_TONE",
            "afinn_prose",
            "arc_prose",
            "capitalised_words_prose",
            "distribution_prose",
            "news_tone_meaning",
            "news_tone_prose",
            "quotations_prose",
            "sections_prose",
            "tone_meaning",
            "tone_prose",
        ],
        "quotation_scores": [
            "quotation_segments",
            "quotation_spans",
            "quotations",
            "quotations_vs_narration",
        ],
        "scores": [
            "DEFAULT_THRESHOLD",
            "aggregate",
            "arc",
            "article_tone",
            "check_threshold",
            "explain",
            "explain_text",
            "label",
            "news_tone_summary",
            "paragraph_tone",
            "record_section",
            "section_starts",
            "section_tone",
            "sentence_scores",
            "sentence_table",
            "tone_summary",
            "top_sentences",
        ],
        "vader": ["VaderResult", "WordEffect", "polarity_scores"],
    },
)
