"""Review 28 of the reader's fixes for the twentieth and twenty-first audits (43adef0, af4e9fd): inputs
the reviewer wrote where a new rule misfired (tests/fixtures/review28, real UN and ANT sentences in
journal layouts). Each test fails on af4e9fd."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

REVIEW = Path(__file__).parent / "fixtures" / "review28"


def _read(name: str):
    return read_article(REVIEW / name)


def test_the_phrase_al_kalimat_al_raisa_inside_an_abstract_is_no_keywords_label():
    # «... كلمات رئيسية في هذا الخطاب ...» opening a line of the abstract cut it there and made the rest
    # of the abstract the keywords; the real «الكلمات المفتاحية:» line became a paragraph.
    article = _read("k08_abstract_wrap_kalimat_raisiya_fi.txt")
    assert [k.text for k in article.keywords_ar] == ["الدبلوماسية", "الخليج", "القرار"]
    (abstract,) = article.passages_of("abstract")
    assert abstract.text.endswith("للإعداد لهذه الانتخابات.")


def test_a_persian_abstract_ends_where_the_persian_letters_do():
    # With no keywords line after it, the Persian abstract took the Arabic body up to the next known heading.
    article = _read("p13_fa_no_kw_then_unnumbered_unrecognised_heading.txt")
    assert [p.lang for p in article.passages_of("abstract")] == ["ar", "fa"]
    assert "الدبلوماسية الرقمية: تعريف" in [s.heading for s in article.sections]


def test_a_persian_title_over_a_lone_label_takes_no_arabic_text():
    # «چکیده» alone under a Persian title line: the Arabic title under it became a Persian abstract.
    article = _read("p09_fa_title_block_before_abstract.txt")
    assert not any(p.lang == "fa" for p in article.passages)
    assert article.title_ar is not None and article.title_ar.text.startswith("الدبلوماسية الرقمية")


def test_a_wrapped_numbered_heading_after_a_numbered_list():
    # «3. أهداف الدراسة» listing «1.» ... «3.» in full lines, then the heading «4. ...» wrapped onto a
    # second line: read as the list's fourth item, section 4 lost.
    article = _read("n09_list123_blank_sep_then_wrapped_heading4_text_same_block.txt")
    assert [s.number for s in article.sections if s.number] == ["1", "2", "3", "4", "5"]
    assert [p.number for p in article.passages_of("list_item")] == ["1", "2", "3"]


def test_a_number_that_ends_the_text_is_kept_unless_the_front_matter_gives_it_as_the_last_page():
    # «مجموع عينة الدراسة (مفردة):» / «240» at the text's end: the number was dropped as a page number.
    article = _read("z03_list_last_number.txt")
    assert article.passages[-1].text == "240"


def test_glossed_rows_of_a_table_are_no_headings():
    # «النتائج (Results)», «الخاتمة (Conclusion)» in a table of terms: a section split off the table.
    article = _read("g17_table_two_glossed_rows_not_named.txt")
    assert [s.heading for s in article.sections] == ["مقدمة", "الخاتمة", "المراجع"]
    assert any(p.kind == "table" and p.text.endswith("الخاتمة (Conclusion)") for p in article.passages)


def test_ordinal_headings_over_one_line_paragraphs_keep_their_numbers():
    # «وتنقسم الدراسة إلى المحاور الآتية:» over «أولاً: الإطار النظري» and its one-line paragraph: the
    # headings lost their numbers (taken as a list's items first).
    article = _read("i08_oneline_paras_ordinal_headings_after_yali.txt")
    assert [s.number for s in article.sections if s.heading.startswith(("أولاً", "ثانياً", "ثالثاً"))] == ["1", "2", "3"]
    assert not article.passages_of("list_item")


def test_a_reference_with_a_copyright_sign_is_kept():
    # «2. UNESCO © 2019 World Heritage Report, Paris.» was dropped as a copyright line.
    article = _read("x06_ref_entry_with_copyright_sign.txt")
    assert [p.text for p in article.passages_of("reference")][-1] == "UNESCO © 2019 World Heritage Report, Paris."


def test_a_heading_with_a_title_word_after_wa_is_no_running_head():
    # «الدبلوماسية الرقمية والخليج» above a page number was dropped as a running head.
    article = _read("h05_heading_wa_titleword_at_page_bottom.txt")
    assert "الدبلوماسية الرقمية والخليج" in [s.heading for s in article.sections]


def test_a_marker_alone_leaves_no_passage_of_a_lone_stop():
    # «(1).» alone under a quotation's last line: its citation was found, and «.» left as a passage.
    article = _read("m07_marker_alone_after_quote_stop_then_new_para.txt")
    assert not any(p.text.strip() in (".", "") for p in article.passages)
    cited = [p for p in article.passages if p.citations]
    assert [c.number for p in cited for c in p.citations] == [1] and cited[0].text.endswith("المتورطين.\".")
