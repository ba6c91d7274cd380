"""Reviews 37 and 38 of 554e420 (the twenty-second audit's fixes): independent adversarial articles
where the new rules misfired. Each test fails on 554e420."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

R37 = Path(__file__).parent / "fixtures" / "review37"
R38 = Path(__file__).parent / "fixtures" / "review38"


def _cited(article) -> list[tuple[int, str]]:
    return [(c.number, article.raw[c.start : c.end]) for p in article.passages for c in p.citations]


def test_a_letter_that_labels_a_clause_or_a_run_in_list_cites_no_lettered_note():
    # «الشرط (أ)», «الشرط (ب)،» cited notes 1 and 2 of an article with lettered notes; «...: (أ) عوامل
    # داخلية. (ب)» / «عوامل إقليمية» cited note 2. The letters stay in the text.
    article = read_article(R37 / "l18_condition_refs_a_b.txt")
    cited = _cited(article)
    assert (1, "(أ)") in cited and (3, "(ج)") in cited  # (a «(ب)» alone on its line is not read: open)
    assert any("الشرط (أ)" in p.text for p in article.passages)
    assert any("انتفى الشرط (أ)" in p.text for p in article.passages)
    listed = read_article(R37 / "l08b_inline_letter_list_wrapped_letter_notes.txt")
    assert not _cited(listed) and any("(ب) عوامل" in p.text for p in listed.passages)


def test_letters_inside_a_numbered_note_and_over_the_notes_parts_are_no_notes():
    # Note (1) listing «(أ)», «(ب)», «(ج)»: «(ب)», «(ج)» became notes 2 and 3 beside the real (2), (3).
    article = read_article(R37 / "l03_numbered_notes_with_letter_subitems.txt")
    notes = article.passages_of("footnote")
    assert [p.number for p in notes] == ["1", "2", "3", "4"]
    assert "المستوى الدولي" in notes[0].text
    # «(أ) المراجع العربية:» under «الهوامش» heads a part of a list: no note 1.
    parts = read_article(R37 / "l04_hawamish_refs_letter_subheads.txt")
    lettered = [s.heading for s in parts.sections if s.heading.startswith("(")]
    assert lettered == ["(أ) المراجع العربية:", "(ب) المراجع الأجنبية:"]


def test_tables_captioned_alike_keep_their_captions():
    # Three tables captioned «الجدول رقم (n): تطور المؤشر ...» lost their captions as running heads.
    # (Their repeated «المصدر: ...» lines are still set aside as a running foot would be, and years
    # alone over a timeline's paragraphs are still read as page numbers: both open.)
    tables = read_article(R37 / "p05_repeated_source_lines_persian.txt").passages_of("table")
    assert [p.text[:15] for p in tables] == ["الجدول رقم (۱):", "الجدول رقم (۲):", "الجدول رقم (۳):"]


def test_a_hijri_era_mark_wrapped_to_a_line_start_is_no_letter_heading():
    # «... سنة 728» / «هـ. بعد أن ترك ...»: «هـ.» became a letter heading, and «ج.», «د.» under it
    # fell to named level-1 headings.
    article = read_article(R38 / "r1f_para_ends_hijri_he_line_above_letter_heading.txt")
    letters = [(s.level, s.number) for s in article.sections if s.level == 2]
    assert letters == [(2, "أ"), (2, "ب"), (2, "ج"), (2, "د")]


def test_a_title_with_a_bar_is_no_byline_and_a_gloss_after_a_slash_no_english_title():
    starred = read_article(R38 / "r2j_star_title_bar.txt")
    assert starred.title_ar is not None and starred.title_ar.text.startswith("الدبلوماسية الرقمية الخليجية المعاصرة")
    gloss = read_article(R38 / "r3j_slash_method_name.txt")
    assert gloss.title_en is None and gloss.title_ar.text.endswith("/ Critical Discourse Analysis")


def test_keywords_in_two_cells_wrapped_onto_a_second_line():
    article = read_article(R38 / "r4b_kw_spaces_en_two_lines.txt")
    assert [k.text for k in article.keywords_ar] == ["الدبلوماسية", "الخليج", "القرار", "الإعلام الرقمي"]
    assert [k.text for k in article.keywords_en] == ["diplomacy", "Gulf", "decision", "digital media"]


def test_a_list_number_alone_under_an_item_that_leaves_a_bracket_open():
    # «1) ... (تتبع مكتب الوزير» / «2)»: the number was taken for a citation's page.
    article = read_article(R38 / "r6g_numbered_items_paren_markers_alone.txt")
    assert [p.number for p in article.passages_of("list_item")][:2] == ["1", "2"]


def test_a_title_line_right_above_its_paragraph_stays_the_bare_headings_title():
    # «المحور الأول», a blank line, its title, the paragraph under it: the title became the paragraph's
    # first line (the rule was withdrawn).
    article = read_article(R38 / "r7b_bare_axis_title_then_para_same_block.txt")
    assert any(s.heading.startswith("المحور الأول الأبعاد الاستراتيجية") for s in article.sections)


R39 = Path(__file__).parent / "fixtures" / "review39"


def test_review39_page_numbers_past_1300_and_source_feet_stay_furniture():
    # A rule of 5200308's first form kept years alone as text unless by a form feed: a journal paged
    # past 1300 (its number four lines after the feed, under a three-line head) lost its headings into
    # «1501 مقدمة ...»; «المصدر: مجلة ...» as a running foot was no longer set aside.
    for name in ("b4_pages_past_1300_ff_header_4_lines.txt", "c4_source_footer_with_ff_and_page.txt"):
        article = read_article(R39 / name)
        headings = [s.heading for s in article.sections][:3]
        assert headings == ["مقدمة", "المبحث الأول: الإطار النظري", "المبحث الثاني: النتائج"], name
        assert not any(p.text.startswith(("15", "المصدر: مجلة")) for p in article.passages), name


def test_review39_lettered_notes_after_general_nouns_and_letters_ending_lines_without_notes():
    # «المرحلة (أ)», «النموذج (ب)»: real markers of lettered notes, taken for a clause's label.
    article = read_article(R39 / "a1_letter_note_after_marhala.txt")
    assert [c.number for p in article.passages for c in p.citations] == [1, 2, 3]
    # A run-in list wrapped «... (أ)» / «... (ب)» in an article without lettered notes was cut there.
    listed = read_article(R39 / "i3_line_ends_letter_in_wrapped_run_in_list_no_notes.txt")
    assert not any(p.text.rstrip().endswith(("(ب)", "(ج)")) for p in listed.passages_of("paragraph"))


def test_review39_a_wrapped_hijri_year_above_a_letter_heading_and_a_slash_between_years():
    article = read_article(R39 / "r1b_hijri_wrap_he_line.txt")
    assert [s.number for s in article.sections if s.level == 2] == ["أ", "ب", "ج", "د"]
    dated = read_article(R39 / "f6_slash_title_dates.txt")
    assert dated.title_en is None and dated.title_ar.text.endswith("2014 / 2020 Egypt Africa Policy")


R41 = Path(__file__).parent / "fixtures" / "review41"


def test_review41_lettered_notes_known_from_the_notes_and_group_labels_kept():
    # Notes lettered at a page's foot with no «الهوامش» heading: two paragraphs and a note ran into one.
    footed = read_article(R41 / "l12_letter_notes_page_bottom.txt")
    assert sum(p.text.startswith(("(أ) محمد السيد سليم", "(ب) المصدر نفسه")) for p in footed.passages) == 2
    # «المجموعة (أ) والمجموعة (ب)», «النموذج (أ) ... النموذج (ب)»: labels, cited as notes 1 and 2.
    groups = read_article(R41 / "n05_group_labels_lettered_notes.txt")
    assert any("المجموعة (أ) والمجموعة (ب)" in p.text for p in groups.passages)
    assert any("النموذج (أ) على أفراد النموذج (ب)" in p.text for p in groups.passages)


def test_review41_a_law_numbered_with_n_in_a_french_title_is_no_issue_line():
    article = read_article(R41 / "i02_fr_title_with_loi_n.txt")
    assert article.title_en is not None and "loi n° 18-05" in article.title_en.text
    assert "N°" not in (article.metadata["issue"].text if "issue" in article.metadata else "")


def test_review41_a_box_drawn_table_keeps_its_rows_and_a_boxed_list_of_keywords_its_words():
    # Rows «│ أولاً │ الإصلاح الدستوري │» lost their sides and became three sections «أولاً», «ثانياً» ...
    table = read_article(R41 / "b20_box_table_rows_numbered_and_ordinals.txt")
    assert [s.heading for s in table.sections] == ["مقدمة", "أولاً: موازين القوى", "ثانياً: الآفاق", "المراجع"]
    boxed = read_article(R41 / "k01_box_keywords_wrapped.txt")
    assert boxed.keywords_ar and not any("│" in k.text for k in boxed.keywords_ar)


R43 = Path(__file__).parent / "fixtures" / "review43"


def test_review43_a_lettered_list_in_the_body_makes_no_lettered_notes():
    # A lettered list under «... الشروط الآتية:» made a paragraph ending «... متتاليتين. (أ)» (a run-in
    # list wrapped there) close: the notes counted as lettered.
    article = read_article(R43 / "r1a_body_list_then_trailing_letter_runin.txt")
    assert not any(p.text.rstrip().endswith("(أ)") for p in article.passages_of("paragraph"))


def test_review43_two_real_markers_after_one_noun_far_apart_are_cited():
    # «في العراق (أ) بعد انسحاب ...، واستمر التدهور في العراق (ب) طيلة ...»: taken for labels.
    article = read_article(R43 / "r2a_same_noun_two_real_markers.txt")
    assert 2 in [c.number for p in article.passages for c in p.citations]


def test_review43_a_journal_name_with_its_issue_number_and_boxes_without_columns():
    # «Cahiers de Droit N° 8 – 2019» was the French title.
    issue = read_article(R43 / "r3k_fr_cahiers_N_dash.txt")
    assert issue.metadata["issue"].text == "Cahiers de Droit N° 8 – 2019"
    assert issue.title_en is not None and issue.title_en.text == "La gouvernance locale en Algérie"
    # «│ الكلمات المفتاحية: الحوكمة │ الشفافية │ المساءلة │» in a box without column joints: no keywords.
    boxed = read_article(R43 / "r4a_box_keywords_bar_separated.txt")
    assert boxed.keywords_ar
    # «│ أولا │ الإطار النظري للدراسة │» in a one-row box: no longer a heading.
    rows = read_article(R43 / "r4c_box_heading_row_two_cols.txt")
    assert [s.number for s in rows.sections][:2] == ["1", "2"]


R45 = Path(__file__).parent / "fixtures" / "review45"


def test_review45_lettered_notes_under_a_colon_heading_and_a_marker_alone_on_its_line():
    # «الهوامش:» (its colon) and a «(أ)» wrapped onto a line of its own hid the lettered notes: the
    # paragraphs after each marker ran into the one before.
    for name in ("a10_colon_notes_lineend_markers.txt", "l10_hijri_year_he.txt"):
        article = read_article(R45 / name)
        cited = [p for p in article.passages_of("paragraph") if p.citations]
        assert all(len(p.citations) == 1 for p in cited), name


def test_review45_labels_after_a_comma_a_law_article_in_a_title_and_tables_of_heavy_lines():
    labels = read_article(R45 / "b1_labels_with_comma.txt")
    assert any("المجموعة (أ)، والمجموعة (ب)" in p.text for p in labels.passages)
    title = read_article(R45 / "c1_fr_title_article_no.txt")
    assert title.title_en is not None and title.title_en.text.startswith("Lecture de l'article n° 66")
    for name in ("d1_heavy_table.txt", "d3_table_rows_blank_separated.txt"):
        table = read_article(R45 / name).passages_of("table")
        assert table and table[0].text.count("┃" if name.startswith("d1") else "│") >= 6, name
