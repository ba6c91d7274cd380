"""Review 55 of the session's whole NER change (93cec4e..c107753, on new real text: 126 fixes, no
regression): the regressions it found in targeted text, each wrong at c107753."""

from __future__ import annotations


def test_a_named_service_branch_is_an_institution(tag_ar) -> None:
    # ANT (politics and international news): the Russian Air Force
    assert ("القوات الجوية الروسية", "ORG") in tag_ar("وأعلنت القوات الجوية الروسية أنها قصفت مواقع.")


def test_intelligence_services_in_the_plural_are_a_description(tag_ar) -> None:
    assert not tag_ar("وقالت أجهزة الاستخبارات البريطانية إن الخطر قائم.")  # decision D1


def test_an_ordinal_after_a_noun_it_qualifies_is_no_day(tag_ar) -> None:
    assert not any(label == "DATE" for _, label in tag_ar("ومن المنتظر أن يتم ذلك في النصف الثاني من ماي."))
    assert ("الأول من مارس 2016", "DATE") in tag_ar("وفي اليوم الأول من مارس 2016 أعلن الوزير ذلك.")


def test_english_city_names_that_are_also_people(tag_en) -> None:
    found = tag_en("Jack London and Paris Hilton met Isaiah Berlin in London.")
    assert found == {("London", "LOC")}


def test_service_branches_by_the_rule_alone(ner_stage) -> None:
    """The rule names the branch whatever the model finds; a branch with no country names none."""
    texts = {
        "وأعلنت القوات الجوية الروسية أنها قصفت مواقع.": ["القوات الجوية الروسية"],
        "وأكد قائد القوات البحرية الأمريكية أن": ["القوات البحرية الأمريكية"],
        "وقالت القوات البحرية إن السفينة غرقت": [],
        "وقالت القوات الروسية إن": [],
    }
    for text, names in texts.items():
        assert [text[s.start : s.end] for s in ner_stage.rules.institutions(text)] == names
