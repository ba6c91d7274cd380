"""What an independent review of dec4619 (the eighteenth audit's fixes and the mend of review 21)
found it broke, on 78 adversarial articles written from real ANT and UN sentences
(tests/fixtures/review22/): each test fails on dec4619."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review22"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def _notes(article) -> list[tuple[str | None, str]]:
    return [(p.number, p.text) for p in article.passages_of("footnote")]


def test_a_note_wrapped_on_a_date_opens_no_note():
    # «... الصادر في» / «3 أوت 2017، ...» under «الهوامش»: the day was taken for note 3's number.
    notes = _notes(_read("r1b_note_wraps_date_3"))
    assert [n for n, _ in notes] == ["1", "2"] and "الصادر في 3 أوت 2017" in notes[1][1]


def test_a_list_inside_a_note_stays_in_the_note():
    # «... ما يلي» / «2 اتفاقية ...» / «3 اتفاقية ...»: the text cites only (1), the items became notes.
    notes = _notes(_read("r1h_hawamish_item_list_in_note"))
    assert [n for n, _ in notes] == ["1"] and "2 اتفاقية فيينا" in notes[0][1]


def test_entries_under_the_notes_heading_with_a_gap_in_their_numbers_stay_apart():
    # 1, 2, 3, 5: «5. ...» was appended to entry 3.
    article = _read("r1a_hawamish_bibliography")
    numbered = [p for p in article.passages if p.kind in ("footnote", "reference") and p.number]
    assert [p.number for p in numbered] == ["1", "2", "3", "5"]
    assert numbered[2].text.endswith("ص 77.")


def test_a_count_after_a_full_stop_is_no_marker_of_a_note_cited_elsewhere():
    # «... الثلاثاء. 3» / «نواب فقط ...»: the count was cut out of the text as note 3's marker.
    paragraph = next(p for p in _read("r2a_count_after_stop_note_exists").passages if "الثلاثاء." in p.text)
    assert "الثلاثاء. 3" in paragraph.text and not paragraph.citations


def test_a_page_number_after_an_abbreviation_is_no_marker():
    # «... نقد العقل العربي، ص. 12»: the page's number was cut out as note 12's marker.
    paragraph = next(p for p in _read("r2g_page_abbrev_sad").passages if "نقد العقل العربي، ص." in p.text)
    assert "ص. 12" in paragraph.text


def test_a_page_foot_note_ending_with_a_colon_is_a_note():
    # «2. انظر على سبيل المثال:» under note 1, its source on the next line: it became a list item.
    notes = _notes(_read("r3h_pagefoot_dot_colon_ff"))
    assert [n for n, _ in notes] == ["1", "2"] and notes[1][1].startswith("انظر على سبيل المثال: عبد الله العروي")


def test_a_recommendation_named_inside_running_text_opens_no_item():
    # «التوصية 4: ...» at the start of a wrapped line and «التوصية 12-2020 ...» inside a sentence.
    for name in ("r5a_tawsiya_in_wrapped_text", "r5e_tawsiya_number_year"):
        assert not _read(name).passages_of("list_item"), name


def test_a_table_headed_by_the_word_abbreviations_stays_a_table():
    table = next(p for p in _read("r6a_mukhtasarat_table_header").passages if p.kind == "table")
    assert "م.س مرجع سابق" in table.text


def test_an_interview_turn_opened_by_initials_is_no_abbreviation():
    article = _read("r7c_interview_initials")
    assert not article.passages_of("list_item")


def test_arabic_keywords_wrapped_onto_latin_terms_keep_them():
    # «... الوكالة الدولية للطاقة الذرية،» / «GCC, OPEC, IAEA.»: the Latin line was cut off the list.
    keywords = [k.text for k in _read("r8d_ar_kw_wrap_acronyms").keywords_ar]
    assert "IAEA" in keywords[-1] or "IAEA" in keywords


def test_a_map_numbered_with_raqm_is_no_marker():
    # «الخريطة رقم (2)»: taken for note 2's marker and cut out.
    paragraph = next(p for p in _read("r9a_map_number_note").passages if "الخريطة رقم" in p.text)
    assert "الخريطة رقم (2)" in paragraph.text and not paragraph.citations


def test_bare_letters_heading_groups_of_an_alphabetical_list():
    # «ب» over «بشارة، عزمي ...», «ج» over «الجابري، ...»: glued onto the entries before them.
    refs = [p.text for p in _read("r9g_refs_bare_letters").passages_of("reference")]
    assert any(t.startswith("بشارة، عزمي") for t in refs) and any(t.startswith("الجابري، محمد عابد") for t in refs)
    assert not any(t.rstrip().endswith((" ب", " ج")) or " ج الجابري" in t for t in refs)


def test_a_conference_named_with_an_ordinal():
    # «المؤتمر الخامس لكلية الحقوق ...» at the top of every page: a paragraph of the front matter.
    article = _read("r9f_conference_ordinal")
    assert article.metadata["conference"].text.startswith("المؤتمر الخامس لكلية الحقوق")
