"""Review 66 (independent, /work/review66/REPORT.md) of the institution, author, stem and place
changes of b185a93..1975ca4: each case here failed on 1975ca4. Sentences from the review's
adversarial set (written from real ANT, UN and ANERcorp sentences) and its real-text differences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        # R1: a definite head stops at another head: two bodies, the second named by its nisba
        ("وطالب البرلمان الشرطة البريطانية بالتحقيق في الحادث.", ("الشرطة البريطانية", "ORG"), "البرلمان"),
        ("وانتقد نواب في البرلمان الحكومة الجزائرية بسبب الأزمة.", ("الحكومة الجزائرية", "ORG"), "البرلمان"),
        ("وحاصر الحرس السفارة الأمريكية في طهران.", ("السفارة الأمريكية", "ORG"), "الحرس"),
        ("وأبلغت البحرية الجيش التركي بتحركات السفن.", ("الجيش التركي", "ORG"), "البحرية"),
        # R5: after «بقلم:» a word the author's line goes on after, a verb or a word with a pronoun
        ("بقلم: جيمس نشر في صحيفة الغارديان", ("جيمس", "PER"), "نشر"),
        ("بقلم: سالم يكتب", ("سالم", "PER"), "يكتب"),
        ("بقلم: بيتر خاص بالموقع", ("بيتر", "PER"), "خاص"),
        # R6: «بيسر» is ب + يسر "with ease" (wordfreq has اليسر)
        ("وقال الوزير جون كيري بيسر إن الاتفاق ممكن.", ("جون كيري", "PER"), "بيسر"),
    ],
)
def test_no_span_runs_on_into_the_next_word(tag_ar, text, expected, not_expected) -> None:
    found = tag_ar(text)
    assert expected in found
    assert not any(not_expected in surface for surface, _ in found)


@pytest.mark.parametrize(
    "text, not_a_place",
    [
        # R2: «ولايتي» is "my term" (UN un-867) unless «و» and a second name follow
        ("كانون الثاني/يناير 2007، وهو التاريخ الذي يمثل بداية ولايتي بصفتي الأمين العام.", "بصفتي"),
        ("وانتهت ولايتي رسميا أمس.", "رسميا"),
        # R4: an adverb in the accusative ends the name (ANT ant-1072)
        ("لجريمة قتل الطفل الفلسطيني من مخيم حندرات ذبحا على يد مسلحين", "حندرات ذبحا"),
    ],
)
def test_no_place_from_my_term_or_an_adverb(tag_ar, text, not_a_place) -> None:
    assert (not_a_place, "LOC") not in tag_ar(text)


def test_a_dual_still_names_both_places(tag_ar) -> None:
    assert {("تكساس", "LOC"), ("فلوريدا", "LOC")} <= tag_ar("في ولايتي تكساس وفلوريدا.")
    assert ("حندرات", "LOC") in tag_ar("لجريمة قتل الطفل الفلسطيني من مخيم حندرات ذبحا على يد مسلحين")
