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
    assert _cited(article) == [(1, "(أ)"), (3, "(ج)")]
    assert any("الشرط (أ)" in p.text for p in article.passages)
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


def test_years_over_a_timeline_and_repeated_table_captions_are_kept():
    # «۲۰۱۴» ... «۲۰۱۷» alone over each year's paragraph were dropped as page numbers; three tables
    # captioned alike lost their captions and source lines as running heads.
    timeline = read_article(R37 / "p01_timeline_years_persian.txt")
    years = ["۲۰۱۴", "۲۰۱۵", "۲۰۱۶", "۲۰۱۷"]
    assert [p.text for p in timeline.passages if p.text in years] == years
    tables = read_article(R37 / "p05_repeated_source_lines_persian.txt").passages_of("table")
    assert [p.text[:15] for p in tables] == ["الجدول رقم (۱):", "الجدول رقم (۲):", "الجدول رقم (۳):"]
    assert all("المصدر" in p.text for p in tables)


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
