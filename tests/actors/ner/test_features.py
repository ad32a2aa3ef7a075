"""Tests of analysis.actors.ner.features: shapes, the gazetteer, document-level features."""

from __future__ import annotations

from analysis.actors.ner.features import (
    FeatureExtractor,
    _capitalised_runs,
    _doc_casing,
    normalise,
    packaged_gazetteer,
    shape,
    short_shape,
    to_bilou,
    to_iob,
)


def test_shapes_and_normalise() -> None:
    assert shape("Putin") == "Xxxxx"
    assert shape("U.S.") == "X.X."
    assert shape("1996-08-30") == "dddd-dd-dd"
    assert short_shape("McDonald") == "XxXx"
    assert short_shape("1,000") == "d,d"
    assert normalise("\u2019s") == "'s"
    assert normalise("\u201c") == '"'
    assert normalise("\u2014") == "--"


def test_gazetteer_comes_from_the_packaged_dictionary_and_cues() -> None:
    gazetteer = packaged_gazetteer()
    assert gazetteer.phrases[("North", "Korea")] == "LOC"
    assert gazetteer.phrases[("Vladimir", "Putin")] == "PER"
    assert gazetteer.phrases[("NATO",)] == "ORG"
    # a name beats a metonym: Pyongyang is a place and North Korea's metonym
    assert gazetteer.phrases[("Pyongyang",)] == "LOC"
    assert gazetteer.phrases[("Russian",)] == "ADJ"
    assert "Vladimir" in gazetteer.given_names and "Mary" in gazetteer.given_names
    assert "T" in gazetteer.cue("President") and "RV" in gazetteer.cue("said")
    assert packaged_gazetteer() is gazetteer  # built once


def test_gazetteer_and_document_features() -> None:
    sentences = [
        ["Vladimir", "Putin", "arrived", "in", "Pyongyang", "."],
        ["Putin", "met", "Kim", "."],
    ]
    feats = FeatureExtractor(packaged_gazetteer()).document(sentences)
    assert "g=PER:B" in feats[0][0] and "g=PER:I" in feats[0][1]
    assert "g=LOC:B" in feats[0][4]
    assert "BOS" in feats[0][0] and "EOS" in feats[0][5]
    # "Putin" alone in the second sentence knows it ends a longer name opened by a given name
    assert {"ds=E", "dsg"} <= set(feats[1][0])


def test_document_casing_feature() -> None:
    # "Apple" is written in lower case mid-sentence elsewhere in the document: dc=x
    sentences = [["He", "ate", "an", "apple", "."], ["Apple", "pie", "is", "sweet", "."]]
    feats = FeatureExtractor(packaged_gazetteer()).document(sentences)
    assert "dc=x" in feats[1][0]


def test_capitals_headline_is_flagged() -> None:
    # its words get the casing the body gives them ("Leicestershire" mid-sentence: X)
    sentences = [
        ["LEICESTERSHIRE", "TAKE", "OVER", "AT", "TOP"],
        ["Rain", "helped", "Leicestershire", "beat", "Somerset", "."],
    ]
    feats = FeatureExtractor(packaged_gazetteer()).document(sentences)
    assert {"U", "Udc=X"} <= set(feats[0][0])
    assert "U" not in feats[1][2]


def test_window_and_bigrams_at_the_sentence_edges() -> None:
    extractor = FeatureExtractor(packaged_gazetteer())
    [[alone]] = extractor.document([["Paris"]])
    assert {"BOS", "EOS"} <= set(alone)
    assert not [f for f in alone if f[:1] in "+-" or f.startswith(("bl=", "br="))]
    [[first, second, third]] = extractor.document([["Angela", "Merkel", "spoke"]])
    assert "br=angela|merkel" in first and "bl=angela|merkel" not in first
    assert ["bl=angela|merkel", "br=merkel|spoke"] == [f for f in second if f[:3] in ("bl=", "br=")]
    assert "bl=merkel|spoke" in third and not [f for f in third if f.startswith("br=")]
    assert "-2l=angela" in third and "+2l=spoke" in first and "-2l=angela" not in second
    # the feature lists are the caller's own (the tagger extends them with stage-2 features)
    assert first is not extractor.document([["Angela", "Merkel", "spoke"]])[0][0]


def test_capitalised_runs_keep_inner_joiners() -> None:
    assert _capitalised_runs(["The", "Bank", "of", "England", "said"]) == [(0, 4)]
    assert _capitalised_runs(["in", "New", "York"]) == [(1, 3)]
    assert _capitalised_runs(["Bank", "of"]) == [(0, 1)]  # no capital after "of"
    assert _capitalised_runs(["of", "Paris", "and", "rain"]) == [(1, 2)]
    assert _capitalised_runs([]) == []


def test_document_casing_ties_go_to_the_first_seen_casing() -> None:
    words = [["I", "saw", "Apple", "and", "apple", "."], ["The", "apple", "."]]
    assert _doc_casing(words, [False, False])["apple"] == "x+"  # x twice, X once
    assert _doc_casing(words[:1], [False])["apple"] == "X+"  # a tie: X came first
    assert "apple" not in _doc_casing(words, [True, True])  # capitals sentences: nothing


def test_bilou_labels_and_back() -> None:
    iob = ["B-PER", "I-PER", "B-LOC", "O", "I-ORG", "I-ORG", "B-ORG", "B-MISC", "I-MISC", "I-MISC"]
    bilou = ["B-PER", "L-PER", "U-LOC", "O", "B-ORG", "L-ORG", "U-ORG", "B-MISC", "I-MISC",
             "L-MISC"]  # fmt: skip
    assert to_bilou(iob) == bilou
    assert to_iob(bilou) == [
        "B-PER", "I-PER", "B-LOC", "O", "B-ORG", "I-ORG", "B-ORG", "B-MISC", "I-MISC", "I-MISC"
    ]  # fmt: skip
    # ill-formed sequences: a name ends after L-/U-; an I-/L- that continues nothing opens one
    assert to_iob(["U-PER", "I-PER", "L-PER", "L-LOC", "B-ORG", "U-ORG"]) == [
        "B-PER", "B-PER", "I-PER", "B-LOC", "B-ORG", "B-ORG"
    ]  # fmt: skip
    assert to_iob(iob) == ["B-PER", "I-PER", "B-LOC", "O", "B-ORG", "I-ORG", "B-ORG", "B-MISC",
                           "I-MISC", "I-MISC"]  # fmt: skip
