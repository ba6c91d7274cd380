"""Review 34 of the reader's change a03ea82..2a89682 (the last mend's rules for «اقرأ أيضاً» lines, boxes
of related articles, copyright lines by name, ordinal items that run on): inputs the reviewers wrote
where a rule misfired (tests/fixtures/review34; a06 is review 30's, c07 review 33's). Each test fails
on 266aeeb (2a89682 and a clean-up that changed no output)."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

REVIEW = Path(__file__).parent / "fixtures" / "review34"


def _read(name: str):
    return read_article(REVIEW / name)


def test_lists_of_studies_and_topics_under_box_titles_are_kept():
    # A bare «اقرأ أيضاً:», «مواضيع ذات صلة», «مقالات ذات صلة» over bulleted studies «(2015)», «(2015م)» or
    # topics, no links: the title and its items were dropped as a web page's box.
    for name, items in (
        ("a01_readalso_bare_title_over_studies_by_year.txt", 3),
        ("b01_mawadi_dhat_sila_heading_bulleted_topics.txt", 3),
        ("b03_maqalat_bullets_year_with_meem.txt", 2),
    ):
        assert len(_read(name).passages_of("list_item")) == items, name


def test_a_short_iqra_aydan_line_that_opens_a_paragraph_is_kept():
    article = _read("a03_readalso_short_line_intro_of_quote_same_block.txt")
    assert any(p.text.startswith("اقرأ أيضاً: في هذا السياق ما كتبه ابن خلدون") for p in article.passages)


def test_a_copyright_line_by_name_that_opens_a_sentence_is_text():
    # «حقوق النشر © 2019 تعود إلى المؤلف بموجب العقد ...» filling its line, the sentence going on: dropped.
    article = _read("d01_copyright_named_first_line_of_body_paragraph.txt")
    assert any(p.text.startswith("حقوق النشر © 2019 تعود إلى المؤلف") for p in article.passages)


def test_a_copyright_notice_goes_with_its_licence_line():
    # «حقوق النشر © 2023 للمؤلفين. هذه المقالة متاحة بموجب رخصة ...» / «نسب المصنف 4.0 الدولية CC BY 4.0»:
    # the notice was dropped and its licence line became a section's heading.
    article = _read("c07_named_copyright_licence_positive.txt")
    text = " ".join([p.text for p in article.passages] + [s.heading for s in article.sections])
    assert "CC BY" not in text and "حقوق النشر" not in text


def test_ordinal_items_after_the_first_may_run_on_over_three_lines():
    # «أولاً» ... «ثالثاً» under a lead-in, each item wrapped: the third, on three lines, was a paragraph.
    items = _read("a06_real_list_wrapped_items.txt").passages_of("list_item")
    assert [p.number for p in items] == ["1", "2", "3"]
