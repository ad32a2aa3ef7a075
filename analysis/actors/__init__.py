"""Actors: the people, states, organisations and places an article names, how often, where, in
whose company, in what tone, and who is quoted.

Modules: :mod:`.mention` (the shared vocabulary and the Mention record), :mod:`.dictionary`
(the actor dictionary), :mod:`.dictionary_mentions` (dictionary forms: name, nominal,
adjectival, metonym), :mod:`.ner` (the trained name recogniser), :mod:`.fusion` (its names and
the dictionary's forms as one set of spans), :mod:`.linking` (which actor a span names, with
evidence; names the dictionary lacks), :mod:`.detection` (all of it together), :mod:`.cues`,
:mod:`.quotes` (quote attribution: :mod:`.quotations` finds the quotation marks,
:mod:`.frames` the sentences with quotations as units, :mod:`.speech` the speech-verb lexicon,
:mod:`.phrases` verb groups, clauses and speaker phrases, :mod:`.attribution` the grammar,
:mod:`.speakers` who the speakers are), :mod:`.tables` (frequency, dispersion, co-occurrence,
tone), :mod:`.analysis` (all of it in one call, the record's actor sections),
:mod:`.highlight` (HTML).
"""

from .._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "analysis": [
            "ActorAnalysis",
            "analyse_actors",
            "mentions_table",
            "record_sections",
            "select_actors",
        ],
        "detection": ["detect_mentions"],
        "dictionary": ["Actor", "ActorDictionary", "load_dictionary"],
        "highlight": ["highlight_html"],
        "mention": ["ACTOR_TYPES", "ID_PREFIX", "MENTION_KINDS", "TYPE_COLOURS", "Mention"],
        "prose": ["cooccurrence_prose", "named_prose", "quotes_prose", "tone_prose"],
        "quotations": ["Quotation", "find_quotations"],
        "quotes": ["QUOTE_COLUMNS", "attribute_quotes"],
        "tables": [
            "actor_frequency",
            "actor_tone",
            "cooccurrence_graph",
            "cooccurrence_table",
            "dispersion_table",
        ],
    },
)
