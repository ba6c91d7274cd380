"""Person spans grown over the person words next to them (pipeline.ner.stage.grow_persons).

Real sentences: ANT news (lines 0-700 of the politics corpus) and the list of names of the
development entity set corpus/ner_heldout (ant-1660, shortened)."""

from __future__ import annotations


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
