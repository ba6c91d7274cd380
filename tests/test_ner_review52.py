"""Review 52 of the session-18 span rules (institutions, CLDR cities, span adjustments): each case was
wrong at 9a22a71. Arabic sentences are from the ANT corpus and the UN Parallel Corpus test sets
(../shared/data/arabic-text), some cut to the clause the rule sees; English ones are UN-style."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import PipelineConfig
from pipeline.ner import NerStage

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def stage() -> NerStage:
    return NerStage.from_settings({"model": "models/ner-ar"}, PipelineConfig(stages=["read", "ner"], root=REPO))


def _ar(stage: NerStage, text: str) -> set[tuple[str, str]]:
    return {(text[f.start : f.end], f.label) for f in stage.entities_ar(text)}


def _en(stage: NerStage, text: str) -> set[tuple[str, str]]:
    return {(text[f.start : f.end], f.label) for f in stage.entities_en(text)}


def test_foreign_policy_is_no_foreign_ministry(stage) -> None:
    # ANT: «السياسة الخارجية الأمريكية»; the minister of state's title; UN: external aid for Haiti
    found = _ar(stage, "وفي توجيه السياسة الخارجية الأمريكية وخاصة ما يتعلّق منها بشعوب وقضايا العرب.")
    assert not any(label == "ORG" for _, label in found)
    assert not any(label == "ORG" for _, label in _ar(stage, "صرح وزير الدولة للشؤون الخارجية العماني بذلك."))
    haiti = _ar(stage, "إلى المشاركة بنشاط في إطار تنسيق المعونة الخارجية لتنمية هايتي من أجل الاستفادة الكاملة.")
    assert ("هايتي", "LOC") in haiti and not any(label == "ORG" for _, label in haiti)


def test_an_institution_does_not_run_over_a_preposition(stage) -> None:
    found = _ar(stage, "وقال إن الشرطة في لندن تلقت بلاغا عن الحادث مساء أمس.")
    assert ("لندن", "LOC") in found and not any("في" in s for s, _ in found)


def test_financial_is_not_malian(stage) -> None:
    found = _ar(stage, "مبرمة بين جهاز الشرطة وجهاز الأمن الوطني من جهة، ووحدة الاستخبارات المالية من جهة أخرى.")
    assert ("الاستخبارات المالية", "ORG") not in found


def test_cldr_cities_are_not_found_inside_ordinary_words(stage) -> None:
    assert not _ar(stage, "تحدث رضا بلحاج عن كواليس استقالته من ديوان رئيس الجمهورية.") & {("واليس", "LOC")}
    found = _ar(stage, "والأطباء (من بينهم طبيب نفسي وجوبا) والأساتذة الجامعيين.")
    assert ("جوبا", "LOC") not in found
    assert ("ماهي", "LOC") not in _ar(stage, "لكنه لا يعرف ماهي هذه التجاوزات كما وقع اتهامه.")
    assert ("كابول", "LOC") in _ar(stage, "وصل الوفد إلى كابول صباح اليوم.")  # where a place is expected


def test_english_cities_that_are_names_or_words(stage) -> None:
    assert ("Regina", "LOC") not in _en(stage, "The report was presented by Ms. Regina Eze, on behalf of Nigeria.")
    # (review 53: refusing a city beside any capitalised word lost "In Kabul", "Minsk Memorandum";
    # "Morgan Stanley" is tagged again since, a known miss)
    assert ("Oral", "LOC") not in _en(stage, "Oral statements were made by the delegations.")
    assert ("Juneau", "LOC") not in _en(stage, "As Juneau (2016) argues, soft power is relational.")
    assert ("Juba", "LOC") in _en(stage, "The Special Representative visited Juba, Wau and Malakal in March 2015.")


def test_person_spans_are_not_split_at_ordinary_words(stage) -> None:
    found = _ar(stage, "وخلال لقائي بالأمير محمد ولي العهد السعودي، فقد طلبت هذا منه.")
    assert not any(s.startswith("لي") for s, _ in found)
    assert ("جورج واشنطن", "PER") in _ar(stage, "وقد بدأ هذا التقليد منذ عهد الرئيس الأول جورج واشنطن.")


def test_type_words_in_figures_of_speech(stage) -> None:
    found = _ar(stage, "متمنّيا لها الشفاء العاجل والعودة الى ساحة تونس السياسية.")
    assert ("تونس", "LOC") in found and not any(s.startswith("ساحة") for s, _ in found)
    assert ("مطار طرابلس الدولي", "LOC") in _ar(stage, "وهبطت الطائرة في مطار طرابلس الدولي أمس.")


def test_forces_keep_the_name_after_them(stage) -> None:
    assert ("الناتو", "ORG") in _ar(stage, "وأعلنت قوات الناتو انسحابها من المنطقة بعد انتهاء المهمة.")
    sdf = _ar(stage, "وأعلنت قوات سوريا الديمقراطية سيطرتها على مدينة الطبقة بعد معارك مع تنظيم داعش.")
    assert any(label == "ORG" and s.startswith("قوات سوريا") for s, label in sdf)
