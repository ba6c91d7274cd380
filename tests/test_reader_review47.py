"""Review 47 of the reader's session-17 changes (577d191..53f080a): each test's input is the reviewer's
minimal reproduction (tests/fixtures/review47, real ANT and UN sentences) and fails on 53f080a."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reader import ReaderSettings, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review47"
NO_ABSTRACT_CHECK = ReaderSettings(require_abstract=False)


def _read(name, settings=None):
    return read_article(FIXTURES / name, settings=settings)


def test_superscript_letters_that_cite_no_note_of_their_page_stay():
    # «القرن XIXᵉ بحسب Mᵉ Fouad Boutros» above notes ᵃ-ᵉ: the two «ᵉ» were taken out as markers; on a
    # page with no such notes «Cᵇ» lost its letter.
    article = _read("R1_superscript_siecle_maitre.txt", NO_ABSTRACT_CHECK)
    assert any("XIXᵉ بحسب Mᵉ Fouad Boutros" in p.text for p in article.passages)
    other = _read("R1b_superscript_other_page.txt", NO_ABSTRACT_CHECK)
    cited = [c.number for p in other.passages for c in p.citations]
    assert cited == [1, 2]


def test_an_email_needs_an_email_label():
    # A name or an affiliation with a colon before the address lost the title, the affiliation or a
    # second author to the e-mail field.
    article = _read("R2_label_name_email_noblank.txt", NO_ABSTRACT_CHECK)
    assert article.title_ar is not None and article.title_ar.text == "الدبلوماسية الرقمية الأردنية"
    article = _read("R2c_affil_colon_email.txt", NO_ABSTRACT_CHECK)
    assert article.metadata["affiliation"].text.startswith("جامعة اليرموك – كلية الآداب")
    assert "email_2" not in article.metadata
    # «الباحث المراسل: د. سامر ...، samer@...»: the e-mail, and the name as the corresponding author's
    article = _read("R2b_label_name_email.txt", NO_ABSTRACT_CHECK)
    assert article.metadata["email"].text == "samer.omari@yu.edu.jo"
    assert article.metadata["corresponding_author"].text == "د. سامر عبد الله العمري"


def test_prose_justified_with_wide_spaces_is_no_table():
    # «ارتفع   عدد   جولات   الوساطة   من   3 ...» (each word set apart by three spaces) over «شكل (1)»
    # was a table of many cells.
    article = _read("R3_justified_before_figure.txt", NO_ABSTRACT_CHECK)
    assert not article.passages_of("table")
    assert any("ارتفع   عدد   جولات" in p.text for p in article.passages_of("paragraph"))


def test_a_statement_name_on_a_wrapped_line_is_no_heading():
    # «... Investment and» / «Funding» / «for Arab States, ...»: the entry was cut and «Funding» a section.
    article = _read("R4_ref_wrapped_funding.txt", NO_ABSTRACT_CHECK)
    assert "Funding" not in [s.heading for s in article.sections]
    assert [p.text[:14] for p in article.passages_of("reference")] == ["World Bank, De", "الصواني، يوسف "]


def test_hash_counts_in_a_plain_text_make_no_markdown():
    # «# of mediation rounds per year», «# of signed agreements»: two lines opening with «# » lost their «#».
    article = _read("R5_hash_of_lines.txt", NO_ABSTRACT_CHECK)
    assert any("# of mediation rounds per year" in p.text for p in article.passages)


@pytest.mark.parametrize("name", ["D1_md_hrules.txt", "D2c_md_bold_labels.txt", "D3_md_closing_hashes.txt"])
def test_markdown_rules_bold_marks_and_closing_hashes(name):
    # «***», «___» were paragraphs «*», «_»; «**ملاحظة:** ...» kept «**» in the text (and the abstract
    # opened «** ...»); «## المقدمة ##» was no heading.
    article = _read(name)
    assert all(p.text.strip("*_ ") and "**" not in p.text for p in article.passages)
    assert not article.passages_of("abstract")[0].text.startswith((" ", "*"))
    assert "المقدمة" in [s.heading for s in article.sections] or "1. المقدمة" in [s.heading for s in article.sections]


def test_markdown_bold_dates_heading_attributes_and_italic_labels():
    # «**تاريخ الاستلام:** 2021/3/12» was no date; «## الملخص {#الملخص .unnumbered}» no abstract label
    # (refused); «*الكلمات المفتاحية*: ...» no keywords.
    dates = _read("D2_md_bold_dates.txt").metadata
    assert (dates["received"].text, dates["accepted"].text) == ("2021/3/12", "2021/6/1")
    attrs = _read("D7_md_header_attrs.txt")
    assert attrs.passages_of("abstract") and [s.heading for s in attrs.sections] == ["1. المقدمة"]
    italic = _read("D7b_md_italic_kw.txt")
    assert [k.text for k in italic.keywords_ar] == ["الوساطة", "قطر", "دارفور"]


def test_a_markdown_note_goes_on_on_its_indented_line_in_the_body():
    # «[^1]: وزارة ...» / «    وانظر أيضا: ...» before the next paragraph: the second line was a paragraph.
    article = _read("D4_md_note_continuation.txt")
    notes = article.passages_of("footnote")
    assert [n.text for n in notes] == ["وزارة الخارجية القطرية، بيان صحفي، 2010. وانظر أيضا: المرجع نفسه، ص 4."]
