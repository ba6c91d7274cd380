"""What an independent review of 8708b5e and 81776bf found they broke (tests/fixtures/review19), each read
as the reader before them read it."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "review19"
REVIEW17 = FIXTURES.parent / "review17"


def test_headings_of_a_word_processors_text_with_crlf_line_ends(tmp_path):
    # «\r\n» was read as two line ends, an empty line round every line: the headings were lost.
    path = tmp_path / "crlf.txt"
    path.write_bytes((REVIEW17 / "W11_true_heading.txt").read_bytes().replace(b"\n", b"\r\n"))
    assert "الإطار المؤسسي للاتحاد الأفريقي" in [s.heading for s in read_article(path).sections]


def test_a_table_with_an_arabic_and_an_english_column_is_no_abstract_box():
    # «الاتحاد الأفريقي                  AU»: a list of abbreviations; it was cut into two columns and
    # glued to the paragraph after it.
    article = read_article(FIXTURES / "R3_S02_abbrev_list_ar_first.txt")
    assert not any(p.text.strip() == "AU" for p in article.passages)
    assert not any("الاتحاد الأفريقي" in p.text and "AU" in p.text and len(p.text) > 400 for p in article.passages)


def test_a_short_english_title_line_ending_with_a_colon_and_a_page_number_after_a_comma():
    # "Water Diplomacy:" is a title's first line, not a credit's label; «45» under a journal line that
    # ends with a comma is furniture, not a body paragraph.
    assert read_article(FIXTURES / "R5_T01_en_title_short_colon_first_line.txt").title_en is not None
    article = read_article(FIXTURES / "R5_T03_journal_line_comma_then_page_number.txt")
    assert not any(p.text.strip().isdigit() for p in article.passages)
