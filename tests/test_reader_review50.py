"""Review 50 of the reader's changes dfcf8e6..c7dad33: each test's input is the reviewer's minimal
reproduction (tests/fixtures/review50, real ANT and UN sentences) and fails on c7dad33."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reader import ReaderSettings, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review50"
NO_ABSTRACT_CHECK = ReaderSettings(require_abstract=False)


def _read(name):
    return read_article(FIXTURES / name, settings=NO_ABSTRACT_CHECK)


def test_a_numbered_heading_under_a_list_stays_a_heading():
    # «1)», «2)» then «3- الدراسات السابقة»; wrapped items 1-3 then «4. الإطار النظري للدراسة: ...» and
    # «5. الخاتمة»: the headings were list items.
    assert "3- الدراسات السابقة" in [s.heading for s in _read("X1_list_paren_then_dash_heading.txt").sections]
    headings = [s.heading for s in _read("X1b_noblank_list123_heading4.txt").sections]
    assert "5. الخاتمة" in headings and any(h.startswith("4. الإطار النظري") for h in headings)


@pytest.mark.parametrize(
    "name",
    [
        "X2a_toc_entries_full_stops.txt",
        "X2b_toc_blank_entries_full_stop.txt",
        "X2c_toc_wrapped_entry.txt",
        "X2d_toc_entries_period_pagenum.txt",
    ],
)
def test_a_table_of_contents_whose_entries_end_with_a_stop(name):
    # Entries «المبحث الأول: ... .» (with a page number, wrapped, set apart by blank lines) were read as
    # body text or as duplicate sections.
    headings = [s.heading for s in _read(name).sections]
    assert len(headings) == len(set(headings))
    assert not any(p.text.startswith(("المبحث", "الفصل", "أولاً")) for p in _read(name).passages_of("paragraph"))


@pytest.mark.parametrize("name", ["X3a_itar_note_colon.txt", "X3b_itar_glued_note_colon.txt"])
def test_a_note_after_the_word_itar_in_a_sentence(name):
    # «في إطار (2): الاتفاق ...», «ضمن هذا إطار(1): ...» (the notes exist): the marker was no longer a citation.
    article = _read(name)
    paragraph = next(p for p in article.passages_of("paragraph") if "إطار" in p.text)
    assert paragraph.citations and "إطار (" not in paragraph.text and "إطار(" not in paragraph.text


def test_code_comments_in_a_text_with_no_blank_lines():
    headings = [s.heading for s in _read("X4_noblank_code_comments.txt").sections]
    assert not any("#" in h or "تحميل" in h for h in headings) and "المقدمة" in headings


def test_powers_written_with_stars():
    assert any("x**2 + y**2" in p.text for p in _read("X5_md_power_stars.txt").passages)


def test_numbers_at_a_page_edge_that_are_text():
    # «35» at the next page's top under the page's note (the text «35 / مشاركا»); «3-» alone at a page's
    # top (an item's number); a note's «ص» / «45».
    assert any("35 مشاركا" in p.text for p in _read("X6a_pagetop_number_after_note.txt").passages)
    assert [p.number for p in _read("X6b_list_number_alone_page_top.txt").passages_of("list_item")] == ["1", "2", "3"]


def test_a_quotation_then_its_marker_alone_then_a_blank_line():
    # «... payments"» / «[3]» / blank / an Arabic paragraph: one passage.
    article = _read("X8_quote_marker_line_blank_merge.txt")
    assert not any("payments" in p.text and "قال القيادي" in p.text for p in article.passages)
