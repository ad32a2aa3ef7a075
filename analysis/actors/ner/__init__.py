"""The name recogniser: a linear-chain CRF trained on CoNLL-2003 that tags people (PER),
places (LOC) and organisations (ORG) in running text.

Modules: :mod:`.tokens` (CoNLL-style tokens with offsets into the text), :mod:`.features`
(the feature extractor and the gazetteer built from the actor dictionary and cue lists),
:mod:`.tagger` (the packaged model, loaded once per process). The model, its metadata and its
card live in ``analysis/resources/`` (``ner_crf.model``, ``ner_crf_card.md``);
``scripts/train_ner.py`` (``make model``) retrains it.
"""

from ..._lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "features": ["FeatureConfig", "FeatureExtractor", "Gazetteer", "packaged_gazetteer"],
        "tagger": ["NerTagger", "get_tagger", "tag_text"],
        "tokens": ["conll_tokens"],
    },
)
