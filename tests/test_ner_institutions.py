"""State institutions named by their country (``ArabicRules.institutions``): the parliament, the
navy and the guard join the heads, on real ANT and UN sentences (corpus/GUIDELINES.md: «الحكومة
المكسيكية» is ORG, a nisba alone is not; layout-set decisions 5 and 7, ner_heldout4 B2)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, organisation",
    [
        ("وتعمل على فرز الأصوات في الولايات، لشغل 462 مقعدا يتشكل منها البرلمان الجزائري.", "البرلمان الجزائري"),
        ("وأبلغ وزير الداخلية أعضاء في البرلمان الألماني بأن قوة مهام مشتركة", "البرلمان الألماني"),
        ("محمد علي شهيدي، أن الحرس الثوري الإيراني أعلن عدد المقاتلين القتلى", "الحرس الثوري الإيراني"),
        ("صادق مجلس النواب في البرلمان الروسي (مجلس الدوما) على ما يسمى", "البرلمان الروسي"),
        ("نفذت البحرية الأمريكية مناورات في الخليج.", "البحرية الأمريكية"),
    ],
)
def test_parliament_navy_and_guard_named_by_their_country(tag_ar, text, organisation) -> None:
    assert (organisation, "ORG") in tag_ar(text)


@pytest.mark.parametrize(
    "text, not_an_organisation",
    [
        # a plural nisba describes the members (ANT 317)
        ("هام يضم أعضاء في الحكومة وفي البرلمان الألمانيين وكذلك ممثلو عدد من المؤسسات", "البرلمان"),
        # a definite head takes in no verb and no indefinite word on its way to a country (ANT 396, 233)
        ("قائلا إذا كان وجودي خارج البرلمان يخدم تونس أكثر فلن أتردد", "البرلمان"),
        ("إن عدم التزام الحكومة بمحتوى وثيقة قرطاج تجسم من خلال الإخفاق", "الحكومة"),
        # «البحرية» after a definite noun is "maritime" (after «القوات» it names a service branch, which
        # is an institution like an army: test_ner_review55)
        ("وشاركت السفن البحرية التركية في التدريب.", "البحرية"),
        ("ورسمت الحدود البحرية السعودية مع مصر.", "البحرية"),
    ],
)
def test_no_institution_where_the_head_is_no_name(tag_ar, text, not_an_organisation) -> None:
    assert not any(not_an_organisation in surface and label == "ORG" for surface, label in tag_ar(text))


@pytest.mark.parametrize(
    "text, noun",
    [
        # ANT ant-32, ant-74, ant-83: the model tags the kind of body alone
        ('كشف السياسي نجيب الشابي اليوم الثلاثاء عن خطته لإطلاق حزب سياسي باسم "الحركة الديمقراطية".', "حزب"),
        ('المكلف بالإعلام في مجلس نواب الشعب، حسان الفطحلي، ما نقلته منظمة "أنا يقظ" حول منعها', "منظمة"),
        ('على خلفية دور "الوساطة" الذي يقوم به رئيس حزب سياسي لدعم الجهود الرامية الى حل الأزمة الليبية', "حزب"),
        # ANT ant-667, UN un-118: with the article it refers back to a body named before
        ('والسلام." وقالت المنظمة إن اختيار الشخصية قصد به "التوعية', "المنظمة"),
        ("وتعمل المنظمة مع شعوب الغابات في أمريكا الجنوبية", "المنظمة"),
    ],
)
def test_a_kind_of_body_alone_names_no_organisation(tag_ar, text, noun) -> None:
    assert (noun, "ORG") not in tag_ar(text)


@pytest.mark.parametrize(
    "text",
    [
        # ANT ant-638 and review 64's input (ANT 1282, 1298, 1403): «السعودية» agrees with the noun before it
        'وفق ما أوردته صحيفة "الرياض" السعودية. وأضافت أن الهجوم أسفر عن مقتل',
        "على تحول العاصمة السعودية المبنية في وسط الصحراء",
        "تابعة للقوات المسلحة السعودية أثناء تأدية مهامها",
        'فيما نقلت صحيفة "عكاظ" السعودية عن مصدر في الأمن',
    ],
)
def test_a_feminine_nisba_that_names_a_country_is_an_adjective_after_its_noun(tag_ar, text) -> None:
    assert ("السعودية", "LOC") not in tag_ar(text)


def test_the_country_after_a_name_or_a_verb_stays(tag_ar) -> None:
    # review 64's input (ANT 1397): the United Nations chose Saudi Arabia
    assert ("السعودية", "LOC") in tag_ar("اختارت الأمم المتحدة السعودية لعضوية لجنة حقوق الإنسان")
    assert ("السعودية", "LOC") in tag_ar("معلنا انضمام السعودية لبلده لاتخاذ إجراءات")
