"""What an independent review of 0bd3423 (the seventeenth audit's fixes and the mend of review 20)
found it broke, on 103 adversarial articles written from real ANT and UN sentences
(tests/fixtures/review21/): each test fails on 0bd3423 and passes on f0cb00b and now."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review21"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def _meta(article) -> dict[str, str]:
    return {key: span.text for key, span in article.metadata.items()}


def test_a_two_column_table_of_capitalised_words_is_no_pair_of_bylines():
    # "Member State          Voting Record" over "Saudi Arabia          Yes": two "Latin names", so the
    # table was cut into its columns, one paragraph each.
    table = next(p for p in _read("r2p_english_vote_table").passages if p.kind == "table")
    assert table.text.startswith("Member State") and "Voting Record" in table.text and "Qatar" in table.text


def test_a_title_that_names_a_conference_is_still_the_title():
    # «مؤتمر برلين 1884 وتقسيم إفريقيا: ...» and "The Berlin Conference of 1884 ..." at the top and as the
    # pages' running head: the title was taken for the conference's name and the article had none.
    assert _read("r3a_title_mutamar_runninghead").title_ar.text.startswith("مؤتمر برلين 1884")
    article = _read("r3i_english_title_conference_first")
    assert article.title_en is not None and "conference" not in article.metadata


def test_a_conference_named_with_a_ta_marbuta_or_alif_maqsura():
    # (the test ran on the match-key form, ة -> ه, ى -> ي: «الندوة», «الملتقى» could never match)
    head = "الندوة الدولية الثانية للدراسات الدبلوماسية – الرباط 2023"
    body = "\n".join(
        [
            head,
            "",
            "الدبلوماسية الرقمية في دول الخليج العربي",
            "",
            "د. أحمد علي حسن",
            "جامعة بغداد",
            "",
            "الملخص:",
            "تتناول هذه الدراسة الدبلوماسية الرقمية في دول الخليج العربي وأثرها في صناعة القرار الخارجي.",
            "الكلمات المفتاحية: الدبلوماسية، الخليج.",
            "",
            "مقدمة",
            "وصوت 82 نائبا بنعم، واحتفظ نائبان بصوتهما في حين عارض هذا المقترح نائب واحد في الجلسة.",
            "\f" + head,
            "وأبرزت النائبة تشبث المرأة التونسية بحريتها، وإصرارها على المضي في طريق الإصلاح.",
        ]
    )
    article = read_article(body)
    assert _meta(article)["conference"] == head
    assert article.title_ar.text == "الدبلوماسية الرقمية في دول الخليج العربي"


def test_a_known_heading_name_under_a_heading_title_line_is_text():
    # «المطلب الأول» / «مفهوم الدبلوماسية الرقمية» / «تمهيد.»: the last became a level-1 section and the
    # next «المطلب الثاني» fell to level 1 with it.
    article = _read("r4a_matlab_title_shortline")
    levels = {s.heading: s.level for s in article.sections}
    assert "تمهيد." not in levels
    assert levels["المطلب الثاني أدوات الدبلوماسية الرقمية"] == 2


def test_a_supplement_cited_with_a_note_keeps_its_marker():
    # «في الملحق(1).», note (1) «جريدة الصباح، الملحق الأسبوعي ...»: «الملحق» was taken for an annex's
    # number and the marker lost.
    article = _read("r8i_mulhaq_sentence_end")
    assert any(c.number == 1 for p in article.passages_of("paragraph") for c in p.citations)


def test_a_reference_that_wraps_onto_a_single_letter_keeps_it():
    # «... 2011» / «م» (the era's letter wrapped): the «م» was set aside as a letter group's head.
    refs = [p.text for p in _read("r6a_ref_wrapped_meem").passages_of("reference")]
    assert refs[0].endswith("مكتبة الشروق الدولية، 2011 م")


def test_a_quotation_closed_with_the_wrong_mark_holds_nothing_open():
    # A quotation opened with « and closed with ”: the paragraph after it was joined to it.
    paragraphs = [p.text for p in _read("r9k_quote_closed_wrong_mark").passages_of("paragraph")]
    assert len(paragraphs) >= 3 and any(t.startswith("«") for t in paragraphs)
    quote = next(t for t in paragraphs if t.startswith("«"))
    assert quote.rstrip(". ").endswith("”")


def test_a_date_range_is_no_second_calendar():
    # «تاريخ النشر: 01/03/2024 - 15/03/2024»: the end of the range was taken for published_2.
    meta = _meta(_read("r7f_date_then_range"))
    assert meta["published"] == "01/03/2024" and "published_2" not in meta


def test_a_body_line_under_a_rule_opening_with_baqiya_and_a_number_is_no_note():
    # «بقية 2 من الأعضاء ...»: glued onto note 2 as its carried rest.
    article = _read("r5f_under_rule_baqiya_count")
    assert any(p.text.startswith("بقية 2 من الأعضاء") for p in article.passages_of("paragraph"))
    assert not any("من الأعضاء لم يصوتوا" in p.text for p in article.passages_of("footnote"))


def test_two_equal_dates_in_a_dates_table_are_two_fields():
    # «| 12/10/2023 | 16/12/2023 | 16/12/2023 |»: each cell was found with str.index, so the third
    # pointed at the second's characters.
    article = _read("r7b_date_table_same_dates")
    accepted, published = article.metadata["accepted"], article.metadata["published"]
    assert accepted.text == published.text == "16/12/2023" and accepted.start < published.start
