"""What an independent review of the fifteenth audit's fixes (2dc080a) found they broke, on its own
adversarial articles (tests/fixtures/review17: real ANT and UN sentences in Arabic journal layouts),
each read as the reader before the fixes read it; and what the fixes must still do there."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "review17"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def test_short_lines_that_are_no_headings_stay_text():
    # A sentence without its full stop, a dateline, a table's rows, a verse, a list's lead-in without
    # a colon, a Qur'anic verse: each had become a section heading (its text out of the passages).
    for name, line in (
        ("B01_short_sentence_no_stop", "ولم تلق هذه المبادرة قبولاً لدى المجلس الوطني الانتقالي"),
        ("B02_dateline", "بنغازي في 15 مارس 2021"),
        ("B05_table_two_rows", "ليبيا"),
        ("B07_poem_two_hemistichs", "إذا الشعب يوما أراد الحياة"),
        ("B15_leadin_no_colon", "وتتمثل أبرز هذه المبادرات فيما يلي"),
        ("B16_quran_verse", "قال تعالى"),
    ):
        article = _read(name)
        assert not any(line in s.heading for s in article.sections), name
        assert any(line in p.text for p in article.passages), name


def test_headings_between_paragraph_lines_are_still_found():
    headings = [s.heading for s in _read("W11_true_heading").sections]
    assert "الإطار المؤسسي للاتحاد الأفريقي" in headings
    headings = [s.heading for s in _read("W12_heading_subheading").sections]
    assert headings[1:3] == ["مبادرات الاتحاد الأفريقي تجاه الأزمة الليبية", "خارطة الطريق لعام 2011"]


def test_a_number_that_ends_a_titles_line_is_the_titles():
    # «... منذ عام» / «2011», and «... الإقليمية» / «1945 –» / «2020»: the numbers were taken for page numbers.
    assert _read("F01_title_year_alone").title_ar.text.endswith("2011")
    assert _read("F05_title_range_then_year").title_ar.text.endswith("1945 –\n2020")


def test_a_list_numbered_1_under_a_separator_in_the_body_is_a_list():
    article = _read("N04_paren_list_after_separator_rule")
    assert [p.number for p in article.passages_of("list_item")][:2] == ["1", "2"]
    assert not article.passages_of("footnote")


def test_two_bylines_with_the_same_star_keep_both_notes():
    affiliation = _read("S02_two_authors_same_star").metadata["affiliation"].text
    assert "* أستاذ العلاقات الدولية المشارك" in affiliation and "* أستاذ مساعد، قسم التاريخ" in affiliation
