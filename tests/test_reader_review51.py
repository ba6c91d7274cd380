"""Review 51 of the reader's last review mend (c7dad33..180ad59): each test's input is the reviewer's
minimal reproduction (tests/fixtures/review51, real ANT and UN sentences) and fails on 180ad59."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reader import ReaderSettings, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review51"
NO_ABSTRACT_CHECK = ReaderSettings(require_abstract=False)


def _read(name):
    return read_article(FIXTURES / name, settings=NO_ABSTRACT_CHECK)


def test_a_heading_and_its_paragraph_after_the_contents():
    # «خطة البحث» and two entries, then «تمهيد» over its paragraph in one block: both were swallowed as contents.
    article = _read("t5_toc_then_block_heading_paragraph.txt")
    assert "تمهيد" in [s.heading for s in article.sections]
    assert any(p.text.startswith("اتهم المرشد الأعلى") for p in article.passages_of("paragraph"))


def test_a_plan_in_prose_with_a_count_at_a_line_end():
    # «قسمنا البحث على ثلاثة مباحث تضمنت 12» / «مطلباً، ...»: «12» was read as a contents' page number.
    assert any(p.text.startswith("قسمنا البحث") for p in _read("t2_plan_prose_line_ends_number.txt").passages)


@pytest.mark.parametrize(
    "name", ["k1_md_bold_numbered_headings.txt", "k2_md_bold_numbers_in_text.txt", "k3_md_bold_items_start_digit.txt"]
)
def test_bold_numbers(name):
    # «**250**», «**75%**», «- **1948** ...»: the marks stayed in the text.
    assert not any("**" in p.text for p in _read(name).passages if p.kind != "table")


@pytest.mark.parametrize(
    "name",
    [
        "b2_itar_box_centered_layout.noblank.txt",  # the box's title centred with 20 spaces
        "b3_itar_box_md_bold.txt",  # «**إطار (1): ...**»
        "b4_itar_box_bullet.txt",  # «- إطار (1): ...»
        "b5_itar_box_ascii.noblank.txt",  # «| إطار (1): ... |»
    ],
)
def test_a_boxs_title_after_an_indent_or_a_mark(name):
    box = next(p for p in _read(name).passages if "منتدى غاز شرق المتوسط" in p.text)
    assert "إطار (1):" in box.text and not box.citations
