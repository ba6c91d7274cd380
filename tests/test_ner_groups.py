"""Armed and political groups from the project's table of organisations (pipeline/ner/data/
organisations.json), on real sentences of the ANT and UN corpora: the descriptor «جماعة» / «تنظيم»
outside the span (corpus/layouts/ner_gold/DECISIONS.md 14), «القاعدة» the base never a group."""

from __future__ import annotations

import pytest


def _organisations(found: set[tuple[str, str]]) -> set[str]:
    return {surface for surface, label in found if label == "ORG"}


@pytest.mark.parametrize(
    "text, groups",
    [
        # ANT ant-527, ant-542, ant-489
        (
            'أعلنت منظمة "أطباء بلا حدود" ارتفاع حصيلة القتلى جراء قصف الجيش النيجيري عن طريق الخطأ مخيما'
            " للنازحين الفارين من ممارسات جماعة بوكو حرام في شمال شرق البلاد.",
            {"بوكو حرام"},
        ),
        (
            "وذلك على ذمة قضية يتم التحقيق فيها بناء على بلاغ مقدم من لجنة حصر وإدارة أموال جماعة الإخوان"
            " المسلمين، بحسب ما أفادت به مصادر إعلامية مصرية، الثلاثاء.",
            {"الإخوان المسلمين"},
        ),
        (
            'ضمن التحالف العربي بقيادة السعودية والذي ينفذ عملية "عاصفة الحزم" منذ مارس الماضي ضد الحوثيين'
            " وقوات الرئيس اليمني السابق علي عبدالله صالح.",
            {"الحوثيين"},
        ),
        # UN un-238: the regional branch whole, «تنظيم» outside both times
        (
            "وإذ يشير إلى إدراج تنظيم القاعدة في شبه الجزيرة العربية ومن يرتبط به من أفراد في قائمة الجزاءات"
            " المفروضة على تنظيم القاعدة التي وضعتها اللجنة المنبثقة عن القرارين 1267 (1999) و 1989 (2011)،",
            {"القاعدة في شبه الجزيرة العربية", "القاعدة"},
        ),
        # ANT ant-71: «تنظيم» outside the Islamic State's name as well
        (
            'عن التطورات الحاصلة في العراق وإعلان تنظيم الدولة الإسلامية في العراق والشام "داعش" الخلافة'
            " الإسلامية ومبايعة أبو بكر البغدادي.",
            {"الدولة الإسلامية في العراق والشام"},
        ),
    ],
)
def test_groups_are_organisations_without_their_descriptor(tag_ar, text, groups) -> None:
    found = _organisations(tag_ar(text))
    assert groups <= found
    assert not any(name.startswith(("تنظيم", "جماعة")) for name in found)


def test_the_base_is_no_group(tag_ar) -> None:
    """ANT ant-456: «القاعدة العسكرية» is a military base."""
    text = (
        "كما أفاد المتحدث خلال مؤتمر صحفي أمس الجمعة، بأن من بين القتلى أيضا مدنيون كانوا يعملون في القاعدة"
        " العسكرية الواقعة في منطقة صحراوية على بعد 650 كلم جنوب طرابلس."
    )
    assert not any("القاعدة" in name for name in _organisations(tag_ar(text)))


def test_english_names_of_the_groups(tag_en) -> None:
    """UN un-44: both groups, linked to the Arabic names by the table's ids."""
    found = tag_en("The Security Council recalls its decision to place Boko Haram on the Al-Qaida sanctions list.")
    assert {("Boko Haram", "ORG"), ("Al-Qaida", "ORG")} <= found
