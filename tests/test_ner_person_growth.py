"""Person spans grown over the person words next to them (pipeline.ner.stage.grow_persons), and
persons found by a known first name before an unseen surname (persons_by_first_name).

Real sentences: ANT news (lines 0-700 of the politics corpus), UN documents (0-600) and the list of
names of the development entity set corpus/ner_heldout (ant-1660, shortened)."""

from __future__ import annotations

import pytest


def _persons(found: set[tuple[str, str]]) -> set[str]:
    return {surface for surface, label in found if label == "PER"}


def test_a_given_name_before_the_models_person_joins_it(tag_ar) -> None:
    found = _persons(tag_ar("قال رئيس حركة النهضة، راشد الغنوشي، إن زيارته التي يؤديها اليوم إلى الجزائر مهمة."))
    assert "راشد الغنوشي" in found


def test_the_pieces_of_a_long_name_are_one_person(tag_ar) -> None:
    text = (
        "وتضمنت القائمة كلا من : الأفراد : - خليفة محمد تركي السبيعي - قطري. - إبراهيم عيسى الحجي محمد "
        "الباكر - قطري. - سالم حسن خليفة راشد الكواري - قطري."
    )
    found = _persons(tag_ar(text))
    assert {"خليفة محمد تركي السبيعي", "إبراهيم عيسى الحجي محمد الباكر"} <= found
    assert "محمد الباكر" not in found


def test_no_growth_over_a_title_a_nisba_or_a_conjunction(tag_ar) -> None:
    # a widow's description before a name stays apart from it
    found = _persons(tag_ar('وبدورها اعتبرت مباركة عواينية أرملة الشهيد محمد البراهمي ، " أن دم الشهيد لن يضيع".'))
    assert not any("الشهيد محمد" in name for name in found)
    # «الكندي» (a surname in the training text) is the nisba of a title here
    found = _persons(tag_ar("وكان رئيس الوزراء الكندي جاستن ترودو زار أحد المساجد العام الماضي."))
    assert not any(name.startswith("الكندي") for name in found)
    # a town after «و» is no name grown from the word before it
    found = _persons(tag_ar("كما تم ايقاف 88 مهاجرا غير شرعي بكل من تمنراست وعين صالح وتلمسان، بحسب بيان."))
    assert not any("صالح وتلمسان" in name for name in found)


def test_a_person_fills_its_list_item(tag_ar) -> None:
    """Designation lists give one full name per item; the model finds a part of it and the rest are
    words of names (corpus/ner_heldout, ant-1660)."""
    text = (
        "- عبدالله غانم مسلم الخوار - قطري. - محمد سعيد بن حلوان السقطري - قطري. - هاشم صالح عبدالله العوضي"
        " - قطري. - علي محمد محمد الصلابي - ليبي. - حمد عبدالله الفطيس المري - قطري."
    )
    found = _persons(tag_ar(text))
    assert {
        "عبدالله غانم مسلم الخوار",
        "محمد سعيد بن حلوان السقطري",
        "هاشم صالح عبدالله العوضي",
        "علي محمد محمد الصلابي",
        "حمد عبدالله الفطيس المري",
    } <= found


def test_a_grown_person_still_fills_its_list_item(tag_ar) -> None:
    """corpus/ner_heldout, ant-1660: the model finds «سالم حسن», growth takes «خليفة راشد»; the span
    before growth no longer keeps the item from taking the family name (it counted as another span)."""
    text = "عبدالعزيز بن خليفة العطية – قطري. - سالم حسن خليفة راشد الكواري - قطري. - عبدالله غانم مسلم الخوار"
    assert "سالم حسن خليفة راشد الكواري" in _persons(tag_ar(text))


@pytest.mark.parametrize(
    "text, person",
    [
        # ANT ant-115, ant-647, ant-667, UN un-504: a known first name and a surname no text has
        ("لة الى ايطاليا بدعوة من نظيره الإيطالي، سيرجيو ماتارالا، تتواصل على مدى يومين", "سيرجيو ماتارالا"),
        ("على ما أوضح وزير الداخلية في ولاية هيسن بيتر بويت، مشيدا بتفكيك خلية", "بيتر بويت"),
        ('موفقا." وقالت أنا ماري غوتيز، أستاذة الشؤون الدولية بجامعة', "ماري غوتيز"),
        ("أودو تريفي (فانواتو)", "أودو تريفي"),
        # corpus/ner_heldout3 (development), ant-1535
        ("أنشأ مارك زوكبرج مؤسس ورئيس موقع فيسبوك تقليدا سنويا له", "مارك زوكبرج"),
    ],
)
def test_a_first_name_and_a_surname_no_text_has(tag_ar, text, person) -> None:
    assert person in _persons(tag_ar(text))


def test_no_person_from_a_particle_or_an_adjective(tag_ar) -> None:
    # UN un-162: «دو» opens the name of a town; un-39: «جبّارة» is "mighty" before «لتحرر»
    assert not _persons(tag_ar("بمرور عشرين عامًا على اعتماد اتفاقية بيليم دو بارا، التي صدَّق عليها 34 بلدًا"))
    text = "وأكد تعزيز العلمانية، باعتبارها وسيلة جبّارة لتحرر المرأة الشامل وقوة لها ودرعا"
    assert not any("جبّارة" in name for name in _persons(tag_ar(text)))
    # ANT ant-1232: «مهاجرين» (migrants) is a plural noun, not a first name
    assert not _persons(tag_ar("العثور على جثتي مهاجرين توفّيا من البرد والدهس"))


def test_no_entity_ends_in_a_space(tag_ar) -> None:
    """A second space (or a no-break space) after a name is a token the model may tag: the span ends
    before it (ANT ant-87, ant-227)."""
    for text in (
        "مع الملفات المسندة إليهم صلب المكتب: - الأمين العام: عدنان منصر  - عضو مكلف بالملفات الاقتصادية:"
        " محمد الصادق جبنون - عضو مكلف بالعلاقة مع الأحزاب: الحبيب بوعجيلة  - عضوة مكلفة بالعلاقة مع المجتمع"
        " المدني، إيمان الجزيري",
        "استقبل رئيس الجمهورية الباجي قايد السبسي، صباح اليوم بقصر قرطاج الوزير الأوّل الجزائري،، عبد"
        " المالك سلال\xa0الذي يؤدّي زيارة إلى تونس لترؤس وفد بلاده في أشغال الدورة 21 للجنة الكبرى المشتركة"
        " التونسية الجزائرية.",
    ):
        found = tag_ar(text)
        assert found
        assert all(surface == surface.strip() for surface, _ in found)


@pytest.mark.parametrize(
    "text, word",
    [
        # ANT ant-577, ant-99, ant-482, UN un-484: the model tags plurals and accusatives of ordinary words
        ('خلال العراق الشهر الماضي، كانوا من المدنيين". وأضاف البيان أن', "المدنيين"),
        ("مختلف الأحزاب، حسب ما أعلن عنه قياديون في الحزب.", "قياديون"),
        ("وعلى حكومتنا التي تمثل نظريا شعبنا أن تحتج على محاولة عزل", "نظريا"),
        ("ويمثل تخريج موظفين قانونيين مدربين يمتلكون المعرفة المطلوبة", "قانونيين"),
    ],
)
def test_no_person_from_a_plural_or_an_accusative(tag_ar, text, word) -> None:
    assert not any(word in name for name in _persons(tag_ar(text)))


def test_names_that_end_like_plurals_or_accusatives_are_not_taken_for_them(ner_stage) -> None:
    for name in ("الأمين", "الحسين", "ياسين", "شاهين", "نسرين", "معين", "ثريا", "رضا", "ماكرون", "جونسون"):
        assert not ner_stage._inflected_word(name), name
