"""Word features from outside the NER training corpus (pipeline.ner.features), on real text."""

from __future__ import annotations

from pathlib import Path

import spacy

from pipeline.ner.features import frequency_feature, name_matcher
from pipeline.ner.gazetteer import load_gazetteer
from pipeline.ner.train import load_corpora

#: Article buckets of a word whose base rarely or never takes «ال» (or is in no form in wordfreq).
_NO_ARTICLE = {"0", "1", "x"}


def _unseen_test_tokens(shared_data: Path) -> list[tuple[str, str]]:
    """(word, gold type) of the ANERcorp test tokens whose word never occurs in the train split."""
    data = load_corpora(shared_data, use_aqmar=False)
    seen = {w for s in data["train"] for w in s.tokens}
    seen |= {w for s in data["dev"] for w in s.tokens}
    return [(w, t[2:] if t != "O" else "O") for s in data["test"] for w, t in zip(s.tokens, s.tags) if w not in seen]


def test_names_never_seen_in_training_rarely_take_the_article_in_wordfreq(shared_data: Path) -> None:
    # The feature is only worth embedding if it tells names the model never saw from other words:
    # on the ANERcorp test words absent from train, persons' bases mostly never take «ال» (رامسفيلد,
    # ليبرمان), while the other words, verbs included, take it far more often.
    tokens = _unseen_test_tokens(shared_data)
    persons = [frequency_feature(w)[-1] for w, t in tokens if t in ("PER", "PERS")]
    others = [frequency_feature(w)[-1] for w, t in tokens if t == "O"]
    assert len(persons) > 500 and len(others) > 2000
    share_persons = sum(b in _NO_ARTICLE for b in persons) / len(persons)
    share_others = sum(b in _NO_ARTICLE for b in others) / len(others)
    assert share_persons > 0.6
    assert share_persons - share_others > 0.15


def test_frequency_feature_reads_the_base_word_behind_its_proclitics() -> None:
    # وبواشنطن is rarer than واشنطن, which the list has without the article far more than with it
    assert frequency_feature("وبواشنطن") == frequency_feature("واشنطن")
    assert frequency_feature("واشنطن")[-1] in {"0", "1"}
    # a noun mostly written with its article; the fused لل of للمفاوضات is ل + المفاوضات
    assert frequency_feature("المفاوضات")[-1] in {"3", "4"}
    assert frequency_feature("للمفاوضات") == frequency_feature("المفاوضات")
    assert frequency_feature("2015") == "n"


def test_gazetteer_labels_mark_places_of_the_test_split_and_few_other_words(shared_data: Path) -> None:
    matcher = name_matcher()
    data = load_corpora(shared_data, use_aqmar=False)
    loc_marked = loc = other_marked = other = 0
    for sent in data["test"]:
        for tag, label in zip(sent.tags, matcher.labels(sent.tokens)):
            marked = label[:2] in ("B-", "I-")
            if tag.endswith("LOC"):
                loc, loc_marked = loc + 1, loc_marked + marked
            elif tag == "O":
                other, other_marked = other + 1, other_marked + marked
    assert loc_marked / loc > 0.6
    assert other_marked / other < 0.02


def test_gazetteer_labels_span_a_name_of_several_words_after_a_clitic() -> None:
    words = "وأكد مسؤول في وبالمملكة العربية السعودية والاتحاد الأوروبي أن الوفد المصري".split()
    labels = name_matcher().labels(words)
    assert labels == ["O", "O", "O", "B-LOC", "I-LOC", "I-LOC", "B-ORG", "I-ORG", "O", "O", "NIS"]


def test_names_mined_from_the_ner_corpora_are_not_features() -> None:
    # A name the gazetteer has only because ANERcorp or AQMAR tag it would be a feature every
    # training name has: the model would learn to trust it more than it deserves on new text. A
    # city the maintained tables know is marked even when ANERcorp tags it too (القاهرة, باريس).
    full, maintained = load_gazetteer(), load_gazetteer(mined=False)
    only_mined = [
        e.text
        for k, e in full.entries.items()
        if e.lang == "ar" and e.id.startswith("anercorp:") and " " not in k and k not in maintained.entries
    ]
    assert len(only_mined) > 200
    matcher = name_matcher()
    marked = [w for w in only_mined if matcher.labels([w])[0] not in ("O", "NIS")]
    # (بالاك, Ballack, reads as ب + a town: the feature sees the word, not who is meant)
    assert len(marked) <= len(only_mined) // 100, marked
    assert matcher.labels(["القاهرة", "بباريس", "بغداد"]) == ["B-LOC"] * 3


def test_the_component_sets_both_features_on_a_doc() -> None:
    from pipeline.ner import features  # noqa: F401  (registers the factory)

    nlp = spacy.blank("ar")
    nlp.add_pipe("diplo_word_features")
    doc = nlp("زار وزير الخارجية الأمريكي جون كيري تونس")
    assert [t.lemma_ for t in doc] == ["O", "O", "O", "NIS", "O", "O", "B-LOC"]
    assert [t.tag_ for t in doc] == [frequency_feature(t.text) for t in doc]


def test_a_word_that_reads_as_a_clitic_and_a_town_is_no_strong_place_sign() -> None:
    # The stage takes a city behind «و» only in a list of places, and a word is read as a proclitic
    # and a name only when the rest is the more frequent word: the features follow the same policy,
    # or the model learns to tag what the rules refuse (وجوبا "necessarily", وزاريا "ministerial").
    matcher = name_matcher()
    words = "يتعين على قطر وجوبا احترام بنود الاتفاق".split()
    assert matcher.labels(words)[2:4] == ["B-LOC", "B-LOCw"]
    assert matcher.labels("أجرى جاستين ترودو تعديلا وزاريا أمس".split()) == ["O"] * 6
    # a GeoNames town that is a frequent word (جنين "foetus" as well as Jenin) is a weak sign too
    assert matcher.labels(["جنين"]) == ["B-LOCw"]
