"""Review 64 of the session's person and place rules (99a4fc5..54b269d; /work/review64): its
adversarial sentences (written from ANERcorp train and ANT lines 701-1499) that the reviewed code
tagged wrong, and the real ANT/UN sentences of its input on which the later rules (speakers, places
after their noun) were checked."""

from __future__ import annotations

import pytest


def _labelled(found: set[tuple[str, str]], label: str) -> set[str]:
    return {surface for surface, lab in found if lab == label}


@pytest.mark.parametrize(
    "text, not_a_person",
    [
        # a relative pronoun after an occupation opens a clause (o07)
        ("وفي تعليق على الحادثة الغريبة قال الطبيب الذي أشرف على عمليتي الولادة إن الحالة نادرة .", "أشرف"),
        # one word after an occupation: a verb (o12; for the first name of a name the rule cut, o20
        # and o21, see test_no_person_cut_to_its_first_name)
        ("في الوقت نفسه أكد فيرجسون أن اللاعب طالب بالرحيل ثلاث مرات .", "طالب"),
        # «بقلم» with no colon in running text is "with a pen" (a02)
        ("ووقع الرئيس الاتفاقية بقلم ذهبي أهداه له نظيره .", "ذهبي"),
        # «علي» is the preposition «على» spelled with ي (l06, l08, l13)
        ("واطلع الوزير علي كشوفات المرتبات الجديدة .", "كشوفات"),
        ("وحصل اللاعب علي تأشيرة دخول وسافر المدرب علي متن طائرة إلى تونس .", "متن"),
        ("ووصل الوزير علي متن طائرة خاصة إلى بريطانيا .", "متن"),
        # a headline's subject before a colon, and occupations after names in list items (i04, i10, i18)
        ('أولاند يتوعد : قرصنة موقع ماكرون لن تمر "دون رد"', "يتوعد"),
        ("- هاشم صالح العوضي محاسب\n- حمد عبدالله المري مهندس", "مهندس"),
        ("- هاشم صالح العوضي محاسب\n- حمد عبدالله المري مهندس", "محاسب"),
        ("وأسماء الضحايا هم: - سالم خليفة الكواري مفقود - محمد علي المري شهيد", "شهيد"),
        # an unseen imperfect verb after a name of two words ends it (o16)
        ("إن حادثا خطيرا وقع عندما كانت الفنانة أريانا غراندي تحيي حفلا فنيا .", "أريانا غراندي تحيي"),
        # UN un-1129: «رأي» (opinion) shares its key with the verb «رأى»
        (
            "وأعرب العديد من الممثلين عن رأي مفاده أن الاجتماع يمكن أن يسهم في فهم أفضل لعملية خطة التنمية لما"
            " بعد عام 2015.",
            "مفاده",
        ),
    ],
)
def test_no_person_from_these(tag_ar, text, not_a_person) -> None:
    assert not any(not_a_person in name for name in _labelled(tag_ar(text), "PER"))


@pytest.mark.parametrize(
    "text, first_name, name",
    [
        # o20, o21: one word after an occupation was taken as the whole name; the name is both words
        # (a model that finds the whole name is right)
        ("نفى الإعلامي زياد الهاني اليوم الثلاثاء أي أزمة سنية شيعية في العراق .", "زياد", "زياد الهاني"),
        ("بحسب ما صرح به للجوهرة أف أم، الصحفي الجزائري مراد عباسة.", "مراد", "مراد عباسة"),
    ],
)
def test_no_person_cut_to_its_first_name(tag_ar, text, first_name, name) -> None:
    assert not any(first_name in person and person != name for person in _labelled(tag_ar(text), "PER"))


def test_a_lone_tatweel_after_a_title_is_no_crash(tag_ar) -> None:
    """ANERcorp train 203: «ـ» alone after a title made an empty key (IndexError at 54b269d)."""
    assert tag_ar("وقال الملك ـ في بيان .") == set()


@pytest.mark.parametrize(
    "text, place, wrong",
    [
        # ANT 1233, 1284, 760: what follows a place's name is its adjective or a phrase
        (
            "لقي 12 شخصا حتفهم بعد غرق قارب مطاطي كان يقل 22 سوريا ويتجه إلى اليونان قبالة بلدة كوشاداسي المطلة"
            " على بحر إيجه.",
            "كوشاداسي",
            "كوشاداسي المطلة",
        ),
        (
            "وأشارت حكومة المقاطعة إلى احتمال أن يكون الهجوم من تدبير قوى انفصالية من مقاطعة شينجيانغ ذاتية الحكم.",
            "شينجيانغ",
            "شينجيانغ ذاتية",
        ),
        (
            "ويمكن لهذا\xa0الطراز من الصواريخ\xa0أن يصيب أهدافاً تمتد من كوريا الجنوبية واليابان كحد أدنى، إلى"
            " القواعد العسكرية الأميركية في جزيرة غوام كحد أقصى.",
            "غوام",
            "غوام كحد",
        ),
    ],
)
def test_a_place_after_its_noun_ends_before_its_adjective(tag_ar, text, place, wrong) -> None:
    places = _labelled(tag_ar(text), "LOC")
    assert place in places and wrong not in places


def test_a_place_after_its_noun_stops_before_a_person_the_model_finds(tag_ar) -> None:
    """ANT 789: the governor's name follows the state's."""
    found = tag_ar('كما أعلن حاكم ولاية ميشيغن إنريك سنايدر قرارا مماثلا "نظرا للأوضاع الرهيبة في باريس".')
    assert "إنريك سنايدر" in _labelled(found, "PER")
    assert "ميشيغن" in _labelled(found, "LOC")


@pytest.mark.parametrize(
    "text, adjective",
    [
        # ANT 1199 (a headline), ANT 873: an adjective in ة after the noun of a place
        ("السعودية تعلن عن تأسيس أكبر مدينة ترفيهية في العالم", "ترفيهية"),
        ('ونقل البيان عن صحفيين قولهم "إن الزميلة شفاء توجهت الى قرية محررة قرب الموصل لعمل برنامج".', "محررة"),
    ],
)
def test_no_place_from_an_adjective(tag_ar, text, adjective) -> None:
    assert adjective not in _labelled(tag_ar(text), "LOC")
