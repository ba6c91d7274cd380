"""Review 57 of the session-19 NER change (4d1157b..eeb0d64): cases an independent review found on real
ANT/UN sentences changed as little as possible (/work/review57 inputs: ANT lines 1300-1499 and UN
documents 1000-1199, outside the gold sets), each wrong at eeb0d64."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("وبلغت الإيرادات 32 بليون دولار في العام الماضي.", "ليون"),  # a billion, not ب + Lyon (real UN text)
        ("ورأى الشيخ في منامه أن البلاد ستشهد رخاء كبيرا.", "منامه"),  # "his dream", not Manama
        ("وتقدم الوزير بخالص التعازي إلى أسر الضحايا.", "خالص"),  # the construct state
        ("وشهد الملعب في ديربي العاصمة حضورا جماهيريا كبيرا.", "ديربي"),
        ("وشارك المتسابقون في رالي داكار هذا العام.", "رالي"),  # a word before a known name
        ("واشترت العائلة ستائر من القطيفة الحمراء.", "القطيفة"),  # velvet, with its adjective
        ("وعقد لقاء بين أوستن ونظيره الصيني.", "أوستن"),  # «بين» before no known place
        ("وقالت الحكومة إنها تتابع ملف حديده باهتمام.", "الحكومة"),  # no institution of Hodeidah
    ],
)
def test_words_and_names_are_no_towns(tag_ar, text, phrase) -> None:
    assert not any(phrase in surface for surface, label in tag_ar(text) if label in ("LOC", "ORG"))


def test_a_month_that_is_a_verb_or_a_carmaker(tag_ar) -> None:
    assert not any(label == "DATE" for _, label in tag_ar("وقال إن الحزب حتى مارس الضغط على الحكومة."))
    assert not any(label == "DATE" for _, label in tag_ar("وقد منذ مارس نشاطه السياسي في الجامعة."))
    # the model's carmaker stays one; a month of two calendars stays a date
    assert ("نيسان", "DATE") not in tag_ar("وارتفعت مبيعات السيارات بعد نيسان وتويوتا في السوق.")
    assert ("نيسان/أبريل", "DATE") in tag_ar("وعقد الاجتماع في نيسان/أبريل الماضي.")
    assert ("مارس", "DATE") in tag_ar("وعقد المؤتمر في مارس الحالي بالعاصمة.")


def test_brackets_with_a_place_are_no_citation(tag_ar) -> None:
    found = tag_ar("وقد تم الاتفاق في الاجتماع (مدينة جنيف، 2015) بحضور الوفود.")
    assert ("جنيف", "LOC") in found and ("2015", "DATE") in found


def test_towns_kept(tag_ar) -> None:
    assert ("مصراتة", "LOC") in tag_ar("وأغلق الطريق الساحلي الرئيسي بين مصراتة وطرابلس.")
    assert ("سوسة", "LOC") in tag_ar("وأشرف والي سوسة الجديد على مراسم التنصيب.")
    assert ("سوسة", "LOC") in tag_ar("والذي تتواصل أشغاله في سوسة إلى غاية يوم الأحد المقبل.")
    assert ("مطار المنستير الدولي", "LOC") in tag_ar("وحطت الطائرة في مطار المنستير الدولي.")
    assert ("شرطة أبيي", "ORG") in tag_ar("وتشكيل دائرة شرطة أبيي بغرض تمكينها من الاضطلاع بمهامها.")


def test_a_month_beside_a_name_by_the_rule_alone(ner_stage) -> None:
    """Whatever the model tags: a month named alone beside a word the training text never has is the
    carmaker; beside a month, a time word, a verb or a noun of the text it stays a date."""
    texts = {
        "وارتفعت مبيعات السيارات بعد نيسان وتويوتا في السوق.": [],
        "منذ يناير وحتى اليوم": ["يناير"],
        "في سبتمبر وأكد الوزير": ["سبتمبر"],
        "منذ يونيو والحكومة تعمل": ["يونيو"],
        "في نوفمبر وديسمبر": ["نوفمبر"],
    }
    for text, dates in texts.items():
        assert [text[s.start : s.end] for s in ner_stage.rules.dates(text)] == dates
