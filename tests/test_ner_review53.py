"""Review 53 of the mends of review 52 (bd60fdc): each case was wrong at bd60fdc. Sentences are
UN- and news-style, built on the ANT and UN texts the review read (../shared/data/arabic-text)."""

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


def test_the_foreign_ministry_after_a_weekday_or_another_name(stage) -> None:
    text = "وأعلنت الثلاثاء الخارجية الأمريكية أن رجلا حاول اقتحام السفارة."
    assert ("الخارجية الأمريكية", "ORG") in _ar(stage, text)
    assert ("الخارجية الروسية", "ORG") in _ar(stage, "وأعلن الكرملين والخارجية الروسية رفضهما للعقوبات.")


def test_offices_keep_their_place_and_words_beginning_with_b_or_l(stage) -> None:
    found = _ar(stage, "وأفاد مكتب اليونيسيف في بنغلاديش بأن الأطفال بحاجة إلى المساعدة.")
    assert ("مكتب اليونيسيف في بنغلاديش", "ORG") in found  # corpus/ner_heldout/DECISIONS.md, D2
    assert ("مجلس بلدية تونس", "ORG") in _ar(stage, "وصادق مجلس بلدية تونس على الميزانية.")


def test_capitals_known_from_cldr_alone_are_places(stage) -> None:
    assert ("نواكشوط", "LOC") in _ar(stage, "انطلقت بالعاصمة الموريتانية نواكشوط القمة العربية.")
    assert ("مينسك", "LOC") in _ar(stage, "ودعا إلى تطبيق اتفاقات مينسك.")
    assert ("مسقط", "LOC") in _ar(stage, "وتستضيف مسقط الجولة المقبلة.")
    assert ("Kabul", "LOC") in _en(stage, "In Kabul, the Mission continued its work.")
    assert ("Kinshasa", "LOC") in _en(stage, "Kinshasa remained calm.")
    assert ("Minsk", "LOC") in _en(stage, "They signed the Minsk Memorandum.")
    assert ("Tunis", "LOC") in _en(stage, "Tunis remains the seat of the authority.")


def test_a_city_name_that_is_mostly_a_word_needs_a_place_before_it(stage) -> None:
    text = "ونشرت صحيفة العيون الإخبارية تقريرا، وقال إن الحكومة تذر الرماد على العيون."
    # «على العيون» ("on the eyes"): the gazetteer rule does not make it a place (the model may)
    assert not [r for r in stage.rules(text) if text[r.start : r.end] == "العيون"]
    text = "وعقد الاجتماع في العيون كبرى مدن الصحراء."
    assert [(text[r.start : r.end], r.label) for r in stage.rules(text)] == [("العيون", "LOC")]


def test_airports_bridges_and_titles(stage) -> None:
    assert ("مطار الكويت الدولي", "LOC") in _ar(stage, "ووصل المسافرون إلى مطار الكويت الدولي.")
    # (review 54: an adjective after the place makes the phrase a description, as decision D8 has it for
    # «برج لندن السكني»; «جسر لندن التاريخي» is then «لندن» too)
    assert ("لندن", "LOC") in _ar(stage, "واندلع حريق في برج لندن السكني.")
    found = _ar(stage, "وقال الأمير محمد ولي العهد إن المملكة ستواصل الإصلاح.")
    assert not any("ولي العهد" in s for s, _ in found)
