"""Review 63 of the session's NER rules (dabe9a2..7e58a77): adversarial sentences an independent
review wrote from real sentences of the ANERcorp train file (/work/review63), each tagged wrong at
7e58a77, and its positive controls."""

from __future__ import annotations

import pytest


def _labelled(found: set[tuple[str, str]], label: str) -> set[str]:
    return {surface for surface, lab in found if lab == label}


@pytest.mark.parametrize(
    "text, not_a_name",
    [
        # a time adjective and a purpose clause; a town's council; an office-holder's office; an
        # organ of a parliament; a second body after «و»
        ("فإن مجلس الادارة يتقدم بتوصية إلي الجمعية العمومية السنوية لاصدار القرارات التالية :", "السنوية"),
        ("انفجرت عبوة ناسفة بالقرب من المجلس البلدي لبغداد في مكان غير بعيد عن الانفجار الأول .", "المجلس البلدي"),
        (
            "قال المكتب الإعلامي لرئيس الوزراء الإسرائيلي إيهود أولمرت إنه عازم على مواصلة الحرب على لبنان .",
            "المكتب الإعلامي",
        ),
        ("رئيس اللجنة الخارجية للبرلمان اللبناني سعد الحريري ، عن استعداد عدة دول للمشاركة .", "اللجنة الخارجية"),
        ("وأشاد مدير الاتحاد المصري للمصارعة والنادي الأهلي مصطفى عبد الله بفوز عبد الفتاح .", "والنادي"),
        # a quoted word after a medium's noun with no cue that a medium is meant; a station
        ('ومن جانبها اتهمت صحيفة " صفراء " الإدارة الأميركية " بالعمل علي عرقلة الحوار " .', "صفراء"),
        ('ومن بين هذه الحوادث منع برامج تلفزيون " الواقع " ورجم اللصوص .', "الواقع"),
        ('وقال بلير للصحفيين في محطة " كينغز كروس " ان الولايات المتحدة وبريطانيا لن تتحركا .', "كينغز كروس"),
        ("وأكد في كلمة نشرت في مجلة ( ع. 12 ) أن المغرب يشهد تحديثا بوتيرة متسارعة .", "ع. 12"),
        # words in brackets after an organisation that are no acronym
        ("خلال اجتماع الجمعية العامة للأمم المتحدة ( كل عام ) في نيويورك .", "كل عام"),
        ("الحاصل على الدكتوراه من جامعة الملك سعود ( Ph.D ) انه اشارة الى الاشكالية .", "Ph.D"),
    ],
)
def test_no_organisation_from_these(tag_ar, text, not_a_name) -> None:
    assert not any(not_a_name in name for name in _labelled(tag_ar(text), "ORG"))


def test_persons_do_not_grow_over_nouns_nor_join_subject_and_object(tag_ar) -> None:
    found = _labelled(tag_ar("فكان أن بني أمية رفضوا مبايعة خليفة عثمان بن عفان و على رأسهم معاوية ."), "PER")
    assert not any(name.startswith("خليفة") for name in found)  # "the successor of"
    found = _labelled(tag_ar("وخلف أحمد حسن محمد زيدان في الدقيقة 65 من المباراة ."), "PER")
    assert not any(name.startswith("وخلف") for name in found)  # «و» + "replaced"
    found = _labelled(tag_ar("واستقبل حسني مبارك خالد مشعل بالقاهرة أمس , وأكدا أهمية الحفاظ علي الاستقرار ."), "PER")
    assert not any("مبارك خالد" in name for name in found)


def test_the_reviews_positive_controls_stay(tag_ar) -> None:
    found = tag_ar("ذكرت وكالة الأنباء الألمانية ( د ب أ ) أن اتحاد صناعة السيارات في ألمانيا أعلن ذلك .")
    assert "د ب أ" in _labelled(found, "ORG")
    found = tag_ar("وكان صاحب السمو الشيخ خليفة بن زايد آل نهيان رئيس الدولة قد غادر باريس بعد محادثات .")
    assert "خليفة بن زايد آل نهيان" in _labelled(found, "PER")
    found = tag_ar("وأشاد مدير الاتحاد المصري للمصارعة والنادي الأهلي مصطفى عبد الله بفوز عبد الفتاح .")
    assert "الاتحاد المصري للمصارعة" in _labelled(found, "ORG")
