"""What an independent review of 3ff8ae8 (the sixteenth audit's open findings) found it broke, on
75 adversarial articles written from real ANT and UN sentences (tests/fixtures/review20/): each test
fails on 3ff8ae8 and passes on f0cb00b and now."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review20"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.passages_of("paragraph")]


def test_a_numbered_heading_that_ends_with_a_verse_is_a_heading():
    # «2. تفسير قوله تعالى ﴿ادْعُ إِلَى سَبِيلِ رَبِّكَ﴾»: a verse's close was made a sentence's end, so
    # the heading "read as a sentence" and became a list item swallowing its section's text.
    for name in ("r3_numbered_heading_verse", "r3c_numbered_heading_verse_sura"):
        article = _read(name)
        assert [s.heading.split()[0] for s in article.sections[1:]] == ["2.", "3."], name
        assert not article.passages_of("list_item"), name


def test_decimal_quantities_under_numbered_items_are_no_subheadings():
    # «1. معدل النمو الاقتصادي:» over «2.5 في المئة خلال عام 2020.»: the items became sections.
    article = _read("r1_decimal_values")
    assert [p.number for p in article.passages_of("list_item")] == ["1", "2"]
    assert [s.heading for s in article.sections] == ["مقدمة"]


def test_sub_items_of_a_list_a_sentence_introduces_stay_a_list():
    # «وتتضمن الخطة المحاور الآتية:» / «1. المحور السياسي:» / «1.1 الحوار الوطني.» ...
    article = _read("r1_list_with_subitems")
    assert [p.number for p in article.passages_of("list_item")] == ["1", "2"]
    assert [s.heading for s in article.sections] == ["مقدمة"]


def test_an_unbalanced_quotation_mark_does_not_hold_the_paragraph_open():
    # «الشعب يريد« (closed the wrong way): every paragraph end after it was ignored.
    first = _paragraphs(_read("r6b_reversed_close"))[0]
    assert first.startswith("«الشعب يريد«") and "يذكر أن حركة الشعب" not in first
    # a quotation over two paragraphs, each opened with «, only the last closed: the text after it
    # was joined to it
    paragraphs = _paragraphs(_read("r6_two_para_quote"))
    assert any(t.startswith("«وأشار عمار عمروسية") for t in paragraphs)
    assert any(t.startswith("أكد النائب عن الجبهة الشعبية") for t in paragraphs)


def test_dialogue_turns_after_an_unclosed_quotation_are_paragraphs():
    paragraphs = _paragraphs(_read("r6_dialogue_after_quote"))
    assert any(t.startswith("س: ما موقف الحزب") for t in paragraphs)
    assert any(t.startswith("ج: طلبت أحزاب المعارضة") for t in paragraphs)


def test_a_right_aligned_last_line_that_nearly_fills_the_width_is_no_indented_opening():
    # pdftotext -layout sets a paragraph's last line flush right: 2-8 spaces deep when it nearly fills
    # the line, after a line that ends a sentence inside the paragraph.
    paragraphs = _paragraphs(_read("r5b_rtl_layout_indent_near_full_last"))
    assert not any(t.startswith(("الحوار حول حكومة", "ستواجه مصيرا", "استقالات جماعية")) for t in paragraphs)
    # (each paragraph opens with a four-space indent, «    وأوضح أنه ...» too)
    assert [t.split()[0] for t in paragraphs] == ["عاد", "وأضاف", "الى", "وأوضح", "وصف"]


def test_the_indented_wrapped_lines_of_list_items_stay_with_their_items():
    # Indented verses in the text switched the first-line-indent rule on, and it then cut each list
    # item's indented second line off as a paragraph.
    article = _read("r5_verses_activate_list_item_split")
    items = article.passages_of("list_item")
    assert "ويشمل ذلك عقد جولات منتظمة للحوار" in items[0].text
    assert "ويكون ذلك بتوفير الموارد اللازمة" in items[1].text


def test_an_english_line_left_short_by_a_long_next_word_does_not_end_its_paragraph():
    # 62 characters of an 80-wide paragraph, a sentence ended, «Internationalization» next.
    english = [t for t in _paragraphs(_read("r4b_english_longword_stops")) if t.isascii()]
    assert len(english) == 1 and "Internationalization" in english[0] and "Telecommunications" in english[0]


def test_a_web_address_on_the_next_line_does_not_open_a_paragraph():
    paragraphs = _paragraphs(_read("r4b_url_after_internal_stop"))
    assert not any(t.startswith(("https://", "(https://")) for t in paragraphs)


def test_a_table_row_at_a_page_top_is_no_running_head():
    # «\fالنزاعات المسلحة في الشرق الأوسط          12», a row of a table going on over the page: its
    # words are the title's, its number at the far edge, but its neighbours are rows.
    table = next(p for p in _read("r7b_table_continues_title_words_row").passages if p.kind == "table")
    assert "النزاعات المسلحة في الشرق الأوسط" in table.text and "الخليج العربي" in table.text
