"""Tests of the news tone: hand-computed features and scores on tiny sentences, masking,
exclusion lists, decomposition. Lexicon values used (checked in test_lexicon_values):
VADER great 3.1, good 1.9, united 1.8, negation factor -0.74; AFINN great +3, good +3,
united +1; General Inquirer great/good Positiv, "according" (entry accord) and "minister"
Positiv. TextBlob good 0.7, terrible -1.0; labMT good 7.20, plan 6.14, party 7.58, "not" 3.86
(checked in test_textblob_and_labmt_values)."""

from __future__ import annotations

import dataclasses
import math

import pytest

from analysis.sentiment import news_tone as nt
from analysis.sentiment.news_tone import Model
from analysis.sentiment.sentence_encoder import load_encoder


def sat(x: float) -> float:
    return x / math.sqrt(x * x + 15)


def toy(features, coef, mean=None, scale=None, intercept=0.0, exclude=True) -> Model:
    n = len(features)
    return Model(
        tuple(features),
        tuple(mean or [0.0] * n),
        tuple(scale or [1.0] * n),
        tuple(coef),
        intercept,
        exclude,
        {},
    )


def test_lexicon_values():
    from analysis.sentiment.vader import lexicon

    lex = lexicon()
    assert (lex["great"], lex["good"], lex["united"]) == (3.1, 1.9, 1.8)
    afinn = nt.afinn_matcher().ratings
    assert (afinn["great"], afinn["good"], afinn["united"]) == (3, 3, 1)
    assert "positive" in nt.gi_roles("great", exclude=False)[1]
    assert "positive" in nt.gi_roles("minister", exclude=False)[1]


def test_features_unmasked_by_hand():
    f = nt.features("The United States is great.", exclude=False)
    assert f["vader_pos"] == pytest.approx(1.8 + 3.1)
    assert f["vader_npos"] == 2
    assert f["afinn_pos"] == 4
    assert f["gi_pos"] == 1  # great ("united" matches the entry "unit": no polarity)
    assert f["words"] == 5
    assert f["vader_compound"] == pytest.approx(sat(4.9))
    assert f["vader_pos_sat"] == pytest.approx(sat(4.9))
    assert f["afinn_pos_sat"] == pytest.approx(sat(4.0))
    assert f["gi_pos_sat"] == pytest.approx(sat(1.0))


def test_masked_united_states_no_longer_contributes_united():
    text = "The United States is great."
    span = (text.index("United"), text.index("States") + len("States"))
    assert span == (4, 17)
    f = nt.features(text, [span], exclude=False)
    assert f["vader_pos"] == pytest.approx(3.1)
    assert f["afinn_pos"] == 3
    assert f["words"] == 3  # The, is, great
    terms = nt.feature_terms(text, [span], exclude=False)
    assert not [t for t in terms if t.word.lower() in ("united", "states")]
    # a mask that touches only part of a word masks the word
    assert nt.features(text, [(5, 6)], exclude=False)["afinn_pos"] == 3


def test_masked_name_with_an_ordinary_lexicon_word():
    text = "The Free Democratic Party is good."
    spans = nt.capitalised_runs(text)
    assert spans == [(4, 25)]
    masked = nt.features(text, spans)
    plain = nt.features(text)
    assert plain["vader_pos"] == pytest.approx(2.3 + 1.9)  # free, good
    assert masked["vader_pos"] == pytest.approx(1.9)
    assert (plain["afinn_pos"], masked["afinn_pos"]) == (1 + 3, 3)
    assert (plain["gi_pos"], masked["gi_pos"]) == (2, 1)


def test_textblob_and_labmt_values():
    tb, lm = nt.textblob_polarity(), nt.labmt_happiness()
    assert (tb["good"], tb["terrible"]) == (0.7, -1.0)
    assert (lm["good"], lm["plan"], lm["party"], lm["not"]) == (7.20, 6.14, 7.58, 3.86)
    assert "it" not in lm and "is" not in lm and "a" not in lm  # within 0.5 of 5: not listed
    assert all(-1 <= v <= 1 and v for v in tb.values())
    assert all(abs(v - 5) >= 0.5 for v in lm.values())


def test_textblob_and_labmt_features_by_hand():
    f = nt.features("It is a good plan.")
    assert f["tb_pos"] == pytest.approx(0.7)
    assert f["tb_neg"] == 0
    assert f["lm_pos"] == pytest.approx((7.20 - 5) + (6.14 - 5))
    assert f["tb_pos_sat"] == pytest.approx(sat(0.7))
    assert f["lm_pos_sat"] == pytest.approx(sat(2.20 + 1.14))


def test_negation_scales_textblob_and_labmt_within_three_words():
    # "not" is word 3; "a", "good", "plan" are 1, 2 and 3 words after it: all negated, and
    # "not" itself (labMT 3.86) carries no labMT term: it is a negation word.
    f = nt.features("It is not a good plan.")
    assert f["tb_pos"] == 0
    assert f["tb_neg"] == pytest.approx(-0.74 * 0.7)
    assert f["lm_pos"] == 0
    assert f["lm_neg"] == pytest.approx(-0.74 * (2.20 + 1.14))
    # four words after the negation: no longer in its scope
    f = nt.features("Not that it was a good plan.")
    assert f["tb_pos"] == pytest.approx(0.7)
    assert f["lm_pos"] == pytest.approx(2.20 + 1.14)
    # a negated negative word turns positive, as in VADER
    f = nt.features("It was not terrible.")
    assert f["tb_pos"] == pytest.approx(0.74)
    assert f["lm_pos"] == pytest.approx(0.74 * (5 - 2.84))


def test_textblob_and_labmt_follow_exclusions_and_masks():
    text = "The party met."  # labMT: party 7.58 (a news exclusion), met 5.82
    assert nt.features(text)["lm_pos"] == pytest.approx(0.82)
    assert nt.features(text, exclude=False)["lm_pos"] == pytest.approx(2.58 + 0.82)
    text = "They met at Good Hope."  # labMT: they 5.62, met 5.82, good 7.20, hope 7.38
    span = (text.index("Good"), len(text) - 1)
    assert nt.features(text, [span])["tb_pos"] == 0
    assert nt.features(text, [span])["lm_pos"] == pytest.approx(0.62 + 0.82)
    assert nt.features(text)["tb_pos"] == pytest.approx(0.7)
    assert nt.features(text)["lm_pos"] == pytest.approx(0.62 + 0.82 + 2.20 + 2.38)


def test_sentimentr_values_and_features():
    sr = nt.sentimentr_strength()
    assert (sr["good"], sr["great"], sr["failed"], sr["party"], sr["hope"]) == (
        0.5,
        0.7,
        -1.0,
        0.3,
        0.2,
    )
    assert "not" not in sr and "plan" not in sr
    assert all(-1 <= v <= 1 and v for v in sr.values())
    f = nt.features("It is a good plan.")
    assert (f["sr_pos"], f["sr_neg"]) == (pytest.approx(0.5), 0)
    assert f["sr_pos_sat"] == pytest.approx(sat(0.5))
    # negated within three words, as TextBlob and labMT
    f = nt.features("It is not a good plan.")
    assert (f["sr_pos"], f["sr_neg"]) == (0, pytest.approx(-0.74 * 0.5))
    # a news exclusion ("party") and a masked word carry no sentimentr value
    assert nt.features("The party met.")["sr_pos"] == 0
    assert nt.features("The party met.", exclude=False)["sr_pos"] == pytest.approx(0.3)
    text = "They met at Good Hope."  # sentimentr: good 0.5, hope 0.2
    assert nt.features(text)["sr_pos"] == pytest.approx(0.7)
    span = (text.index("Good"), len(text) - 1)
    assert nt.features(text, [span])["sr_pos"] == 0


def test_ordinary_words_leave_out_names_and_masks():
    text = 'Critics say Reagan\'s plan is "Bold" but the NATO allies: Worried.'
    # "Critics" (first word), "Bold" (after a quotation mark) and "Worried" (after a colon)
    # are capitalised for grammar; "Reagan's" and "NATO" are names.
    assert nt.ordinary_words(text) == [
        "critics",
        "say",
        "plan",
        "is",
        "bold",
        "but",
        "the",
        "allies",
        "worried",
    ]
    span = (text.index("plan"), text.index("plan") + 4)
    assert "plan" not in nt.ordinary_words(text, [span])


def test_editorial_words_by_hand_with_a_toy_model():
    weights = {"plan": 0.25, "good": -0.5, "reagan": 9.0}
    model = toy(["editorial_words", "negations"], [1.0, -2.0], mean=[0.1, 0.0])
    model = dataclasses.replace(model, word_weights=weights)
    text = "Not a good plan, said Reagan."
    score, contributions = nt.score_sentence(text, (), model)
    # baseline -0.1; editorial words: good -0.5 + plan 0.25 (Reagan is a name); "Not" -2
    assert score == pytest.approx(-0.1 - 0.25 - 2.0)
    words = {c.feature: [(w.word, w.contribution) for w in c.words] for c in contributions}
    assert words["editorial_words"] == [("good", -0.5), ("plan", 0.25)]
    assert nt._sentence_score(text, (), model) == score


def test_capitalised_runs():
    assert nt.capitalised_runs("Free elections were held.") == []
    text = "He met the Department for the Aging and said: “Great job.”"
    assert [text[a:b] for a, b in nt.capitalised_runs(text)] == ["Department for the Aging"]


def test_negation_by_hand_with_a_toy_model():
    # "good" 1.9 negated by "not": 1.9 * -0.74 = -1.406 (VADER), one negation word.
    text = "It is not good."
    f = nt.features(text)
    assert f["vader_neg"] == pytest.approx(-1.406)
    assert f["vader_pos"] == 0
    assert f["negations"] == 1
    model = toy(["vader_neg", "negations"], [2.0, -0.5], intercept=0.1)
    score, contributions = nt.score_sentence(text, model=model)
    assert score == pytest.approx(0.1 + 2 * -1.406 - 0.5)
    by = {c.feature: c for c in contributions}
    assert by["baseline"].contribution == pytest.approx(0.1)
    assert [(w.word, round(w.contribution, 6)) for w in by["vader_neg"].words] == [("good", -2.812)]
    assert [(w.word, w.contribution) for w in by["negations"].words] == [("not", -0.5)]


def test_standardisation_and_baseline():
    # score = intercept + coef * (x - mean) / scale; baseline = intercept - coef * mean / scale
    model = toy(["afinn_pos"], [0.5], mean=[1.0], scale=[2.0], intercept=-0.2)
    score, contributions = nt.score_sentence("It is great.", model=model)
    assert score == pytest.approx(-0.2 + 0.5 * (3 - 1.0) / 2.0)
    assert contributions[0].contribution == pytest.approx(-0.2 - 0.5 * 1.0 / 2.0)
    assert nt.score_sentence("It is.", model=model)[0] == pytest.approx(model.baseline)


def test_saturated_feature_splits_in_proportion():
    model = toy(["vader_pos_sat"], [1.0])
    score, contributions = nt.score_sentence("good great", model=model)
    assert score == pytest.approx(sat(5.0))  # 1.9 + 3.1
    words = {w.word: w.contribution for w in contributions[1].words}
    assert words["good"] == pytest.approx(sat(5.0) * 1.9 / 5.0)
    assert words["great"] == pytest.approx(sat(5.0) * 3.1 / 5.0)


def test_compound_includes_punctuation_term():
    f = nt.feature_terms("It is great!")
    compound = [t for t in f if t.feature == "vader_compound"]
    total = 3.1 + 0.292
    assert sum(t.value for t in compound) == pytest.approx(sat(total))
    assert [t.word for t in compound] == ["great", "!/?"]


SENTENCES = [
    "The United States and the Security Council did not support the terrible plan, "
    "according to the minister.",
    "It is a good plan.",
    "It is not a good plan.",
    "This is a disaster, but the rescue was remarkably well organised!",
    "Officials said nothing.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_contributions_sum_to_the_score(text):
    model = nt.load_model()
    score, contributions = nt.score_sentence(text, nt.capitalised_runs(text), model)
    assert sum(c.contribution for c in contributions) == pytest.approx(score, abs=1e-9)
    for c in contributions[1:]:
        assert sum(w.contribution for w in c.words) == pytest.approx(c.contribution, abs=1e-9)
    words = nt.word_contributions(contributions)
    assert sum(w.contribution for w in words) + contributions[0].contribution == pytest.approx(
        score, abs=1e-9
    )


def test_shipped_model_matches_its_formula():
    model = nt.load_model()
    assert set(model.features) <= set(nt.FEATURE_NAMES)
    text = "It is a good plan."
    f = nt.features(text, word_weights=model.word_weights, piece_tones=model.context_tones)
    if model.encoder:  # the encoder's term: the model's weights on the sentence embedding
        vector = load_encoder().encode([(text, ())])[0].vector
        f[nt.SENTENCE_ENCODER] = float(model.encoder.weights @ vector)
    assert f["editorial_words"] == pytest.approx(
        sum(model.word_weights.get(w, 0.0) for w in ("it", "is", "a", "good", "plan"))
    )
    expected = model.intercept + sum(
        c * (f[n] - m) / s
        for n, c, m, s in zip(model.features, model.coef, model.mean, model.scale, strict=True)
    )
    assert nt.score_sentence(text)[0] == pytest.approx(expected)
    assert (
        nt.score_sentence("It is not a good plan.")[0]
        < nt.score_sentence(text)[0]
        < nt.score_sentence("It is a great plan.")[0]
    )
    assert nt.score_sentence("This is a disaster.")[0] < -0.05


def test_gi_exclusions_drop_role_and_reporting_words():
    text = "According to the minister, the council met."
    assert nt.features(text, exclude=False)["gi_pos"] == 3  # according (accord), minister, council
    assert nt.features(text)["gi_pos"] == 0
    g = nt.gdelt_vector(text)
    assert (g["positive"], g["word_count"]) == (0.0, 7)
    g = nt.gdelt_vector(text, exclude=False)
    assert g["positive"] == pytest.approx(100 * 3 / 7)


def test_gdelt_vector_masks_names_entirely():
    text = "The Free Democratic Party is good."
    g = nt.gdelt_vector(text, nt.capitalised_runs(text))
    assert g["word_count"] == 3  # The, is, good
    assert g["positive"] == pytest.approx(100 / 3)  # good (free is masked)


def test_exclusion_lists_are_consistent_with_the_lexicons():
    from analysis.sentiment.vader import lexicon

    for word, (polarity, kind, reason) in nt.gi_exclusions().items():
        assert polarity in nt.gi_roles(word, exclude=False)[1], word
        assert not ({"positive", "negative"} & nt.gi_roles(word)[1]), word
        assert kind and len(reason) > 10
    lex = lexicon()
    afinn = nt.afinn_matcher().ratings
    excl = nt.lexicon_exclusions()
    assert excl["vader"] and excl["afinn"]
    assert all(w in lex for w in excl["vader"])
    assert all(w in afinn for w in excl["afinn"])


def test_lexicon_exclusions_apply_to_news_tone_only():
    text = "Like the party, it is good."
    plain = nt.features(text, exclude=False)
    news = nt.features(text)
    assert plain["vader_pos"] == pytest.approx(1.5 + 1.7 + 1.9)  # like, party, good
    assert news["vader_pos"] == pytest.approx(1.9)
    assert (plain["afinn_pos"], news["afinn_pos"]) == (2 + 3, 3)


def test_curly_apostrophe_negation():
    assert nt.features("It isn’t good.")["vader_neg"] == pytest.approx(-1.406)
    assert nt.features("It isn’t good.")["negations"] == 1


def test_score_article_is_the_mean():
    texts = ["It is a good plan.", "This is a disaster."]
    result = nt.score_article(texts)
    scores = [nt.score_sentence(t)[0] for t in texts]
    assert result["mean_score"] == pytest.approx(sum(scores) / 2)
    assert (result["positive_share"], result["negative_share"]) == (0.5, 0.5)
    assert nt.score_article([])["mean_score"] is None
    with_masks = nt.score_article([("The United States is great.", [(4, 17)])])
    assert with_masks["mean_score"] == pytest.approx(
        nt.score_sentence("The United States is great.", [(4, 17)])[0]
    )


def test_sentence_masks_from_detected_mentions():
    from analysis.actors import detect_mentions
    from analysis.article import article_from_string
    from analysis.sentiment.masking import sentence_masks, spans_of
    from analysis.text import prepare

    doc = prepare(article_from_string("Officials met.\n\nThe United States is great."))
    masks = sentence_masks(doc, spans_of(detect_mentions(doc)))
    sentence = doc.sentences[1]
    assert [sentence.text[a:b] for a, b in masks[1]] == ["United States"]
    f = nt.features(sentence.text, masks[1], exclude=False)
    assert f["vader_pos"] == pytest.approx(3.1)


def test_tone_tables_decompose_the_headline():
    from analysis.article import article_from_string
    from analysis.sentiment import contributions_table, news_tone_table
    from analysis.text import prepare

    doc = prepare(article_from_string("The United States is great. It is not a good plan."))
    table = news_tone_table(doc)
    parts = contributions_table(doc)
    assert list(table["news_label"]) == ["positive", "negative"]
    sums = parts.groupby("sentence")["contribution"].sum()
    assert sums.tolist() == pytest.approx(table["news_tone"].tolist(), abs=1e-9)
    # the masked name contributes nothing, and says so
    masked = parts[parts["feature"] == "masked"]
    assert masked["word"].tolist() == ["United States"]
    assert masked["contribution"].tolist() == [0.0]
    assert "United" not in set(parts.loc[parts["feature"] != "masked", "word"])
    assert table.loc[0, "masked_words"] == 1


def test_packaged_tone_lexicons_are_the_sources():
    """scripts/build_tone_lexicons.py --check: the TextBlob, labMT and sentimentr lists are
    derived from their sources (build-time tools of the ``build`` extra; skipped where they are
    not installed)."""
    import importlib.util
    import subprocess
    import sys
    from pathlib import Path

    for name in ("textblob", "labMTsimple", "sentimentr"):
        if importlib.util.find_spec(name) is None:
            pytest.skip(f"{name} (build-time source of the news tone lexicons) is not importable")
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_tone_lexicons.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_context_words_average_the_piece_tones_of_ordinary_words():
    tones = nt.PieceTones({"good": 0.3, "plan": 0.1, "to": 0.05, "##day": 0.07, "reagan": 9.0})
    # ordinary pieces: good, plan, to + ##day (4); "Reagan" is a name, "yes" and "xyzzy" have
    # no piece
    text = "Yes, Reagan has a good plan today, xyzzy."
    terms = [t for t in nt.feature_terms(text, piece_tones=tones) if t.feature == "context_words"]
    # each over 4 pieces + 5 (CONTEXT_PRIOR_PIECES)
    assert [(t.word, round(t.value, 9)) for t in terms] == [
        ("good", round(0.3 / 9, 9)),
        ("plan", round(0.1 / 9, 9)),
        ("today", round(0.12 / 9, 9)),
    ]
    assert nt.features(text, piece_tones=tones)["context_words"] == pytest.approx(0.52 / 9)
    # a masked word leaves the sum and the count: 3 pieces left
    start = text.index("plan")
    masked = nt.features(text, [(start, start + 4)], piece_tones=tones)
    assert masked["context_words"] == pytest.approx((0.3 + 0.12) / 8)
    # one piece alone keeps a sixth of its tone
    assert nt.features("Adorable good.", piece_tones=tones)["context_words"] == pytest.approx(0.05)
    assert nt.features(text)["context_words"] == 0.0  # no tones, no feature


def test_a_model_with_piece_tones_decomposes_exactly():
    base = nt.load_model()
    data = {
        "features": ["context_words"],
        "mean": [0.01],
        "scale": [1.0],
        "coef": [1.0],
        "intercept": -0.1,
        "context_tones": {"good": 0.4, "plan": -0.2},
    }
    model = nt.Model.from_dict(data)
    assert base is not model and "context_tones" not in model.meta
    score, contributions = nt.score_sentence("It is a good plan.", model=model)
    # pieces of the ordinary words with a tone: good, plan -> (0.4 - 0.2) / (2 + 5)
    assert score == pytest.approx(-0.1 - 0.01 + 0.2 / 7)
    (context,) = contributions[1:]
    words = [(w.word, w.contribution) for w in context.words]
    assert words == [("good", pytest.approx(0.4 / 7)), ("plan", pytest.approx(-0.2 / 7))]
    assert nt._sentence_score("It is a good plan.", model=model) == score


def test_the_shipped_model_uses_the_encoder_and_the_static_one_does_not():
    shipped, static = nt.load_model(), nt.load_model(nt.STATIC_MODEL_PATH)
    assert nt.SENTENCE_ENCODER in shipped.features
    assert shipped.encoder.weights.shape == (load_encoder().hidden,)
    assert nt.SENTENCE_ENCODER not in static.features and not static.encoder
    assert nt.model_for_article(nt.ENCODER_SENTENCE_LIMIT) is shipped
    assert nt.model_for_article(nt.ENCODER_SENTENCE_LIMIT + 1) is static
