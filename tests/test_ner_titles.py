"""Persons named after their title (pipeline/ner/titles.py), on real text: the development item set
corpus/ner_heldout and sentences of the ANT news corpus and the UN test sets in ../shared/data
(quoted; outside every gold set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.ner.titles import TitledPersons

REPO = Path(__file__).resolve().parent.parent
ITEMS = {d["id"]: d for d in map(json.loads, (REPO / "corpus" / "ner_heldout" / "items.jsonl").open(encoding="utf-8"))}


@pytest.mark.parametrize(
    "item, name",
    [
        ("ant-1520-p1", "تيريزا ماي"),  # «رئيسة الوزراء تيريزا ماي يوم غد»
        ("ant-1640-p2", "إيمانويل ماكرون"),  # «الرئيس إيمانويل ماكرون سيحقق»
        ("ant-1670-p1", "باراك أوباما"),  # «الرئيس الأمريكي باراك أوباما،وفق»
        ("ant-1680-p1", "إياد علاوي"),  # «إياد علاوي نائب الرئيس العراقي»: the title after the name
    ],
)
def test_names_the_model_never_saw_after_a_title(tag_ar, item, name) -> None:
    assert (name, "PER") in tag_ar(ITEMS[item]["text"])


@pytest.mark.parametrize(
    "text, name",
    [
        # ANT: a weekday's article says nothing of the given name «خميس»
        ("بحث وزير الشؤون الخارجية خميس الجهيناوي، اليوم الثلاثاء بالقاهرة، مع نظيره المصري", "خميس الجهيناوي"),
        ("أنه على استعداد للقاء اللواء خليفة حفتر في إطار المبادرة العربية", "خليفة حفتر"),
        ("يتعرض رئيس وزراء كندا جاستن ترودو إلى انتقادات شديدة", "جاستن ترودو"),  # office, country, name
        ("وقال المتحدث باسم الحكومة الاتحادية شتفن زايبرت اليوم الأحد", "شتفن زايبرت"),
        # a common noun after the name ends it: «تعديلا» (التعديل), «ضيف» (الضيف)
        ("أجرى رئيس الوزراء الكندي جاستين ترودو تعديلا وزاريا أمس الثلاثاء", "جاستين ترودو"),
        ("أن حل رئيس الوزراء الإسرائيلي بنيامين ناتنياهو ضيف شرف أمس الاثنين", "بنيامين ناتنياهو"),
        # UN test sets: «السيد» before names of several words, the country in brackets after them
        ("أود إبلاغكم باعتزامي تعيين السيد هايلي تيلاهون جبرماريام (إثيوبيا) رئيساً للبعثة", "هايلي تيلاهون جبرماريام"),
        ("وأشار السيد ندوهونغيريهي إلى الأدلة الواردة في التقرير", "ندوهونغيريهي"),
        # a title in apposition after a name of two words and a comma
        ("يشار إلى أن رافع بن عاشور، رئيس المؤتمر الاول لحركة نداء تونس", "رافع بن عاشور"),
    ],
)
def test_the_name_after_a_title_is_one_person(tag_ar, text, name) -> None:
    found = tag_ar(text)
    assert (name, "PER") in found
    assert not any(label == "PER" and surface != name and name in surface for surface, label in found)


@pytest.mark.parametrize(
    "text, word",
    [
        ("مشيرا إلى أن رئيس الحكومة سيشرع في مشاورات جديدة", "سيشرع"),  # an imperfect verb (يشرع)
        ("وزير الداخلية ورئيس الحكومة الأسبق يتحمل المسؤولية السياسية", "يتحمل"),
        ("وزير لدى رئيس الحكومة مكلف بالعلاقة بمجلس نواب الشعب", "مكلف"),  # an adjective: المكلف
        ("يحضر الرئيس المنتخب قداسا دينيا في الكنيسة", "قداسا"),  # a noun in the accusative: القداس
        ("كما يتقاضى أوباما كرئيس للولايات المتحدة راتبا شهريا", "راتبا"),  # «كرئيس»: as president
        ("طالب رئيس الحكومة الحبيب الصيد، من الوزراء", "طالب"),  # a verb before the title as subject
        ("بعث رئيس الوزراء الإسرائيلي برسالة إلى الشعب", "برسالة"),
    ],
)
def test_words_after_or_before_a_title_that_name_no_one(tag_ar, text, word) -> None:
    assert not any(word in surface for surface, label in tag_ar(text) if label == "PER")


def test_an_indefinite_title_governs_a_noun_not_a_name(ner_stage) -> None:
    titles = TitledPersons(ner_stage.gazetteer, ner_stage.counts, ner_stage._ordinary_word)
    text = "قال رئيس حزب نداء تونس إن وزير لدى الحكومة سيزور البلاد"
    assert titles(text) == []
    text = "وقال الرئيس الأمريكي باراك أوباما إن"
    assert [(text[s.start : s.end], s.label, s.rule) for s in titles(text)] == [("باراك أوباما", "PER", "title")]


@pytest.mark.parametrize(
    "text, names",
    [
        # UN test sets (real English sentences)
        ("Ms. Mélanie De Groof, arms (Belgium)", {"Mélanie De Groof"}),
        ("the Treaty, Secretary-General Ban Ki-moon welcomed this event in a statement", {"Ban Ki-moon"}),
        ("Mr. Jack Holland (Australia), Ms. Ingrid Hauzenberger (Austria)", {"Jack Holland", "Ingrid Hauzenberger"}),
        ("placed during the year by Mr. Glucksman)", {"Glucksman"}),
        ("able international order, Mr. A. de Zayas.", {"A. de Zayas"}),
        ("Ambassador Samantha Power (United States of America)", {"Samantha Power"}),
        # a month that is a name; a possessive; a city that is a given name
        ("President Barack Obama met Prime Minister Theresa May on 3 May 2017.", {"Barack Obama", "Theresa May"}),
        ("which included support for Mr. León's efforts", {"León"}),
        ("Ms. Regina Eze (Nigeria) chaired the meeting.", {"Regina Eze"}),
    ],
)
def test_english_names_after_a_title(tag_en, text, names) -> None:
    assert {surface for surface, label in tag_en(text) if label == "PER"} == names


def test_english_titles_before_no_name(tag_en) -> None:
    text = (
        "The President of the General Assembly read the Secretary-General Report. Mr. President, Madam Chair, "
        "Prime Minister May 2017 talks were held."
    )
    assert not any(label == "PER" for _, label in tag_en(text))


def test_titles_of_clergy_and_officers(tag_ar) -> None:
    # review 58's inputs (ANT 986, UN 1186): a patriarch and a captain
    assert ("بشارة بطرس الراعي", "PER") in tag_ar("والتقى رئيس الوزراء، ومع البطريرك بشارة بطرس الراعي، خلال زيارته")
    assert ("جيف ديفيس", "PER") in tag_ar("وقال المتحدث باسم وزارة الدفاع الأمريكية الكابتن جيف ديفيس، إن")
    # «المقرر» and «المفوض» are no titles here: an adjective, a predicate
    assert not any(label == "PER" for _, label in tag_ar("وجدول الأنصبة المقررة لاشتراكات الدول الأطراف."))
    assert not any(label == "PER" for _, label in tag_ar("والمفوض السامي مساءل أمام الأمين العام عن أدائه."))


@pytest.mark.parametrize(
    "text, name",
    [
        # given names that are words as well (winner, air, leader), before a surname the training text lacks
        ("ونجا رئيس المجلس الرئاسي الليبي فائز السراج من إطلاق نار استهدف موكبه", "فائز السراج"),  # ANT 831
        ("ورافق كوشنر إلى العراق الجنرال جو دانفورد رئيس أركان الجيوش الأمريكية", "جو دانفورد"),  # ANT 1157
        ("قال رئيس الجمهورية الباجي قائد السبسي إن من يعارضون قانون المصالحة", "الباجي قائد السبسي"),  # ANT 406
        ("أكدت وزيرة السياحة أمال كربول أنها لن تتولى أي منصب وزاري", "أمال كربول"),  # ANT 132
    ],
)
def test_given_names_that_are_words(tag_ar, text, name) -> None:
    found = {surface for surface, label in tag_ar(text) if label == "PER"}
    assert name in found and not any(name in other and other != name for other in found)


def test_no_given_name_from_a_function_word_or_a_verb(tag_ar) -> None:
    for text, word in (
        ("وقال وزير الخارجية إن موغيريني ستجري اتصالات بمختلف الأطراف", "إن"),
        ("كما أضاف المتحدث بأن ترامب سيلتقي الرئيس المكسيكي", "بأن"),
        ("وقال إن السفير الأمريكي لدى إسرائيل يلتقي نتنياهو غدا.", "يلتقي"),
    ):
        assert not any(word in surface for surface, label in tag_ar(text) if label == "PER")
