"""Towns known from CLDR or GeoNames alone in two contexts (pipeline.ner.rules): joined by «و» to a
place in a list (read behind «و» only beside a known place), and in brackets after a town (its
governorate), on real sentences of the ANT and UN corpora."""

from __future__ import annotations

import pytest


def _places(found: set[tuple[str, str]]) -> set[str]:
    return {surface for surface, label in found if label == "LOC"}


@pytest.mark.parametrize(
    "text, towns",
    [
        # UN 2015/a/69/839/add_14: the town after a capital
        ("المهام المماثلة الموجودة في نيروبي ومومباسا ومقديشو", {"نيروبي", "مومباسا", "مقديشو"}),
        # UN 2015/a/69/839/add_6: between two towns of Darfur
        (
            "من أجل تحسين إضاءة المطارات في الفاشر ونيالا والجنينة، ومن أجل توفير",
            {"نيالا"},
        ),
        # UN 2015/a/69/823: a list with commas
        (
            "على نحو ما حصل في بودابست، وبراغ، ووارسو، وفي العديد من العواصم الأخرى",
            {"بودابست", "براغ", "وارسو"},
        ),
        # ANT JA-internationalNews-627-20160511: a town before a known one
        ("كما تم أيضا بكل من البويرة وسكيكدة تدمير مخبأ للإرهابيين", {"سكيكدة"}),
        # ANT JA-politic-63-06042016: a town of two words
        (
            "بالمستشفيات الجهوية في ولايات جندوبة وسيدي بوزيد ومدنين، بالإضافة إلى",
            {"سيدي بوزيد"},
        ),
        # UN 2015/s/2015/206
        ("بسبب القتال العنيف في محافظات درعا ودير الزور وحلب.", {"دير الزور"}),
    ],
)
def test_a_town_listed_with_a_place(tag_ar, text, towns) -> None:
    assert towns <= _places(tag_ar(text))


@pytest.mark.parametrize(
    "text, word",
    [
        # ANT: «وجوبا» "obligatorily" (Juba), «وزاريا» "ministerial" (Zaria): no place beside them
        ("على ان الاطار المعني يدعى وجوبا اثر انتهاء مدة الثلاثة اشهر", "جوبا"),
        ("من بينهم طبيب نفسي وجوبا والأساتذة الجامعيين", "جوبا"),
        ("أجرى رئيس الوزراء الكندي جاستين ترودو تعديلا وزاريا الأخير أمس الثلاثاء", "زاريا"),
    ],
)
def test_a_word_behind_wa_is_no_town_without_a_place_beside_it(tag_ar, text, word) -> None:
    assert word not in _places(tag_ar(text))


def test_a_town_in_brackets_after_a_town_is_its_governorate(tag_ar) -> None:
    # ANT (corpus/ner_heldout3 ant-1675-p2): «قابس» is an ordinary word as well (word-like), taken here
    text = "تلميذ من المدرسة الإعدادية التقنية بمارث (قابس). وبلغ عدد المؤهلين"
    assert {"مارث", "قابس"} <= _places(tag_ar(text))


@pytest.mark.parametrize(
    "text, towns",
    [
        # towns whose names are ordinary words as well (word-like), in lists: ANT JA-internationalNews-780,
        # JA-politic-326, JA-internationalNews-231, JA-internationalNews-1173
        ("آخرون في الانفجارين بمدينتي الإسكندرية وطنطا، فيما انهار منزل مجاور", {"طنطا"}),
        ("التي تشهدها عديد الجهات مثل الكاف وتطاوين والقيروان، وتحركات المعطلين", {"القيروان"}),
        ("تابعتان للقطاعين العمليتيين لبومرداس وتيزي وزو أمس الخميس بكشف وتدمير", {"تيزي وزو"}),
        ("ومنذ قطع الرياض وأبوظبي والمنامة والقاهرة علاقاتها مع قطر", {"أبوظبي", "المنامة"}),
    ],
)
def test_a_word_like_town_in_a_list_of_places(tag_ar, text, towns) -> None:
    assert towns <= _places(tag_ar(text))


def test_a_common_word_in_a_list_stays_a_word(tag_ar) -> None:
    # AQMAR Real_Madrid: «المنشأة» (the facility) is a town of GeoNames too
    text = "والملعب يعتبر حاليا ضمن مدينة ريال مدريد الرياضية ، والمنشأة الجديدة لتمارين الفريق تقع خارج"
    assert "المنشأة" not in _places(tag_ar(text))
