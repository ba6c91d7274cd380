"""Review 61 of the body rule (pipeline/ner/bodies.py, commit 96c8dc8): cases an independent review
found on real text no one had used for the rule (ANT lines 701-1499, UN documents 601-1199;
/work/review61), as its minimal repro sentences; each was tagged wrong at 2608df5."""

from __future__ import annotations

import pytest


def _organisations(found: set[tuple[str, str]]) -> set[str]:
    return {surface for surface, label in found if label == "ORG"}


@pytest.mark.parametrize(
    "text, not_a_name",
    [
        # forces described as armed or by a country's nisba, with a purpose clause (no state after «لـ»)
        ("استعانت كوريا الجنوبية بالقوات المسلحة للمشاركة في العملية.", "القوات المسلحة للمشاركة"),
        ("استعانت كوريا الجنوبية بالقوات الكورية للمشاركة في العملية.", "القوات الكورية للمشاركة"),
        # «بقيادة» is "led by", not a body
        (
            "وتشكل الجهود المبذولة بقيادة الأمم المتحدة لاستئناف المفاوضات السبيل الوحيد.",
            "قيادة الأمم المتحدة لاستئناف المفاوضات",
        ),
        # a word after «و» that begins a phrase of its own
        (
            "ويلاحظ المؤتمر الجهود التي تبذلها الوكالة الدولية للطاقة الذرية والدول الأعضاء فيها.",
            "الوكالة الدولية للطاقة الذرية والدول",
        ),
        # the committee of a conference; «المعني» opens a phrase of its own
        (
            "وعقد الدورة الثالثة للجنة التحضيرية لمؤتمر الأمم المتحدة المعني بالإسكان.",
            "لجنة التحضيرية لمؤتمر الأمم المتحدة",
        ),
        # a town's council names the town alone (corpus decision C17); a government's organ leaves the
        # government to the rule that names it
        ("وهي تتبع المجلس العسكري لمدينة مصراتة منذ سنوات.", "المجلس العسكري لمدينة مصراتة"),
        (
            "طالب رئيس المجلس الرئاسي لحكومة الوفاق الوطني الليبية فائز السراج بالتدخل.",
            "المجلس الرئاسي لحكومة الوفاق الوطني الليبية",
        ),
        # a verbal noun of purpose and its complement with a pronoun
        ("فتُعرض على المجلس التنفيذي للموافقة عليها.", "المجلس التنفيذي للموافقة"),
        # a name does not run over a paragraph break, nor take an adverb or a word of time
        ("واجتمعت اللجنة الأولمبية الدولية\n\nللمرة الثانية اجتمعت الهيئة في لوزان.", "للمرة"),
        ("ستعمل اللجنة الدورية لتنسيق البحث بتوجيه من الأمين العام.", "اللجنة الدورية لتنسيق البحث"),
    ],
)
def test_no_body_from_a_description(tag_ar, text, not_a_name) -> None:
    assert not any(not_a_name in name for name in _organisations(tag_ar(text)))


def test_the_names_next_to_the_guards_stay(tag_ar) -> None:
    found = _organisations(tag_ar("وأعلن المجلس النروجي للاجئين من جهته أن التنظيم يستهدف المدنيين."))
    assert "المجلس النروجي للاجئين" in found
    found = _organisations(tag_ar("داعيا الهيئة العليا المستقلة للانتخابات إلى القيام بدورها كاملا."))
    assert "الهيئة العليا المستقلة للانتخابات" in found
    assert "الوكالة الدولية للطاقة الذرية" in _organisations(
        tag_ar("ويلاحظ المؤتمر الجهود التي تبذلها الوكالة الدولية للطاقة الذرية والدول الأعضاء فيها.")
    )
    found = _organisations(tag_ar("وقرر المجلس تمديد ولاية القوات المسلحة لجمهورية أذربيجان عاما."))
    assert "القوات المسلحة لجمهورية أذربيجان" in found
