"""Review 49 of the reader's changes 32d912d..dfcf8e6: each test's input is the reviewer's minimal
reproduction (tests/fixtures/review49, real ANT and UN sentences) and fails on dfcf8e6."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reader import ReaderSettings, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review49"
NO_ABSTRACT_CHECK = ReaderSettings(require_abstract=False)


def test_markdown_with_no_blank_lines_keeps_its_headings():
    # «# title» / «**name**» / «## الملخص» / text / ... with no blank line anywhere: refused (no abstract found).
    article = read_article(FIXTURES / "R1_md_no_blank_before_headings.txt")
    assert article.passages_of("abstract")
    assert [s.heading for s in article.sections] == ["1. المقدمة", "2. الإطار النظري", "3. الخاتمة", "المراجع"]


@pytest.mark.parametrize("name", ["R2_md_bold_glued_waw.txt", "R2c_md_bold_closing_before_letter.txt"])
def test_bold_marks_glued_to_letters(name):
    # «و**الوساطة**», «بال**نص**», «**ثانيا:**الوساطة»: the marks stayed in the text.
    article = read_article(FIXTURES / name, settings=NO_ABSTRACT_CHECK)
    assert not any("**" in p.text for p in article.passages)


def test_a_page_number_printed_once():
    # «- 7 -» alone at a page's foot (no other page number to fit it) was a list item; a bare «7» under
    # the page's notes ended the note («ص 12 7»).
    article = read_article(FIXTURES / "R3_dashed_single_pageno.txt", settings=NO_ABSTRACT_CHECK)
    assert not article.passages_of("list_item") and not any(p.text.startswith("7") for p in article.passages)
    notes = read_article(FIXTURES / "R3b_pageno_glued_to_note.txt", settings=NO_ABSTRACT_CHECK).passages_of("footnote")
    assert notes[0].text.endswith("ص 12")


@pytest.mark.parametrize(
    "name",
    [
        "R4_quote_end_before_pagebreak.txt",  # «... "..."» / page / «، الصادر ...»
        "R4b_quote_line_end_then_comma_noblank.txt",  # «... "..."» / «، الصادر ...»
        "R4c_quote_line_end_continues_noblank.txt",  # «... "..."» / «مشيرا إلى أن ...»
    ],
)
def test_a_sentence_that_goes_on_after_a_quotation(name):
    article = read_article(FIXTURES / name, settings=NO_ABSTRACT_CHECK)
    assert not any(p.text.startswith(("،", "مشيرا", ".")) for p in article.passages)


@pytest.mark.parametrize("name, dots", [("R6_elision_dots.txt", ". . ."), ("R6b_quote_omission_dots.txt", ". . . .")])
def test_an_elision_of_spaced_dots_is_text(name, dots):
    article = read_article(FIXTURES / name, settings=NO_ABSTRACT_CHECK)
    assert any(dots in p.text for p in article.passages)
