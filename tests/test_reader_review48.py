"""Review 48 of the reader's changes 53f080a..32d912d: each test's input is the reviewer's minimal
reproduction (tests/fixtures/review48, real ANT and UN sentences) and fails on 32d912d."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reader import ReaderSettings, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review48"
NO_ABSTRACT_CHECK = ReaderSettings(require_abstract=False)


def _read(name):
    return read_article(FIXTURES / name, settings=NO_ABSTRACT_CHECK)


def test_a_name_after_an_affiliation_that_ends_with_a_comma_is_the_next_byline():
    # «..., Qatar University,» / «Mona Hassan Ali» / «Faculty of ...»: the second author and her
    # affiliation were read as the first affiliation's lines.
    meta = _read("f1_affil_comma_then_name_en.txt").metadata
    assert meta["author_en_2"].text == "Mona Hassan Ali"
    assert meta["affiliation_en_2"].text.startswith("Faculty of Economics")
    meta = _read("f2_affil_comma_then_name_ar.txt").metadata
    assert "affiliation_2" in meta and "سارة أحمد محمود" not in meta["affiliation"].text


@pytest.mark.parametrize(
    "name, person",
    [
        ("s3i_dates_then_email_label.txt", None),  # «Received: ...; Accepted: ...; Email: ...»
        ("s3a_email_name_before_label.txt", "د. سامر العمري"),  # «د. سامر العمري، البريد الإلكتروني: ...»
        ("s3b_email_address_label.txt", None),  # «عنوان البريد الإلكتروني: ...»
    ],
)
def test_an_email_label_after_a_separator_or_a_word(name, person):
    meta = _read(name).metadata
    assert meta["email"].text == "samer.omari@qu.edu.qa" and "archive_notice" not in meta
    assert (meta["corresponding_author"].text if "corresponding_author" in meta else None) == person


@pytest.mark.parametrize(
    "name, kept",
    [
        ("p1_column_table_pagefoot.txt", "9"),  # a table's last cell at a page's foot
        ("p2_total_pagefoot.txt", "250"),  # a sample's size after «...كاملة:»
        ("p3_timeline_hijri_pagetop.txt", "٧٢٣"),  # a year of a timeline at a page's top
        ("p5_numbered_list_item_alone.txt", "3"),  # a list's number alone
        ("p8_two_pages_seq_and_count.txt", "57"),  # a count, beside the real page numbers 12 and 13
    ],
)
def test_a_bare_number_at_a_page_edge_that_fits_no_page_sequence_stays(name, kept):
    article = _read(name)
    raw = article.raw
    dropped = {raw[s:e].strip(" -–—|") for s, e in article.structure_spans}
    assert kept not in dropped
    if name.startswith("p8"):
        assert {"12", "13"} <= dropped


def test_bold_marks_only_in_pairs():
    # «(r = 0.62**)», «(p < 0.01**)»: significance stars; «__________»: a blank to fill in; «_ملاحظة_:».
    texts = " ".join(p.text for p in _read("m1_md_significance_stars.txt").passages)
    assert "0.62**" in texts and "0.01**" in texts
    texts = " ".join(p.text for p in _read("m2_md_fill_blanks.txt").passages)
    assert "__________" in texts
    texts = " ".join(p.text for p in _read("m7_md_bullets_star_colon.txt").passages)
    assert "ملاحظة_:" not in texts or "_ملاحظة_:" in texts


def test_a_wide_pdf_text_with_blank_lines_is_read_by_its_blocks():
    # Lines of 200+ characters wrapped on a wide page, paragraphs set apart by blank lines: read a line
    # a paragraph (7 paragraphs for 3).
    assert len(_read("u1b_wide_pdf_sentence_at_line_end.txt").passages_of("paragraph")) == 3


@pytest.mark.parametrize("name", ["m13_plain_two_hash_comments.txt", "m14_md_fenced_code_comments.txt"])
def test_code_comments_are_no_markdown_headings(name):
    # «# تحميل البيانات» under a line of text, or inside a «```» block: two bogus sections.
    headings = [s.heading for s in _read(name).sections]
    assert not any("تحميل البيانات" in h or "حساب المتوسطات" in h for h in headings)


def test_a_number_alone_as_a_markdown_heading_is_no_section():
    assert "15" not in [s.heading for s in _read("m9_md_page_number_heading.txt").sections]


def test_superscript_letter_notes_after_an_acronym():
    # «OPECᵃ», «NATOᵇ»: the markers stayed in the text and the two notes were one paragraph.
    article = _read("s2_suplet_acronym.txt")
    assert len(article.passages_of("footnote")) == 2
    assert [c.number for p in article.passages_of("paragraph") for c in p.citations] == [1, 2]


def test_a_table_of_phrases_keeps_its_rows():
    # A literature review's table (study, aim, method, finding): its rows were a paragraph.
    article = _read("s4b_litreview_long_cells.txt")
    tables = article.passages_of("table")
    assert len(tables) == 1
    assert "دراسة محمد العتيبي" in tables[0].text and "دراسة سارة الشمري" in tables[0].text
    assert not any("دراسة سارة الشمري" in p.text for p in article.passages_of("paragraph"))


def test_html_superscripts_that_cite_no_note_stay():
    # «كم<sup>2</sup>», «10<sup>11</sup>»: taken out as citations 2 and 11 (there is only note 1).
    article = _read("m5_md_sup_exponent.txt")
    paragraph = next(p for p in article.passages_of("paragraph") if "كم<sup>2</sup>" in p.text)
    assert "10<sup>11</sup>" in paragraph.text and [c.number for c in paragraph.citations] == [1]
