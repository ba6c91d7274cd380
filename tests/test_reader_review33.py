"""Review 33 of the reader's change a03ea82..5e7e8eb (page furniture, web pages saved as text, copyright
lines, references, web addresses cut at a line end): inputs the reviewer wrote where a rule misfired
(tests/fixtures/review33, real ANT sentences in journal layouts). Each test fails on 5e7e8eb."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

REVIEW = Path(__file__).parent / "fixtures" / "review33"


def _read(name: str):
    return read_article(REVIEW / name)


def _joined(article) -> str:
    return " ¶ ".join(p.text for p in article.passages)


def test_a_copyright_line_by_name_takes_no_line_after_it():
    # «حقوق النشر © 2023 ...» opening the text: the journal's name and issue under it were dropped with it;
    # «حقوق الطبع © 2022 محفوظة للمؤلف» between paragraphs: the paragraph under it was dropped.
    top = _read("c01_named_copyright_top_block_title.txt")
    assert top.metadata["journal"].text == "مجلة دراسات سياسية واستراتيجية" and "issue" in top.metadata
    between = _read("c02_named_copyright_between_paragraphs.txt")
    assert any(p.text.startswith("أما بخصوص حركة المعتمدين") for p in between.passages)
    assert "حقوق الطبع" not in _joined(between)


def test_a_paragraph_opening_with_iqra_aydan_keeps_its_first_line():
    assert "اقرأ أيضاً: ما كتبه محمد عابد الجابري" in _joined(_read("w04_read_also_wrapped_paragraph.txt"))


def test_a_table_row_naming_the_platforms_is_no_share_bar():
    assert "شارك المحتوى | فيسبوك | تويتر | واتساب" in _joined(_read("w06_share_row_in_table.txt"))


def test_a_section_of_related_studies_is_kept():
    # «مقالات ذات صلة» over «دراسة الجابري (2015) ...» bullets: the heading and the items were dropped.
    article = _read("w01_related_articles_heading_bullets.txt")
    assert "مقالات ذات صلة" in [s.heading for s in article.sections]
    assert len(article.passages_of("list_item")) == 3


def test_a_language_word_ending_a_wrapped_entry_is_no_part_heading():
    # «... عن اللغة» / «الفارسية» inside a references list: a part heading cut the entry.
    article = _read("r05_persian_word_line_wrapped_arabic_entry.txt")
    assert [s.heading for s in article.sections] == ["مقدمة", "قائمة المراجع"]
    assert article.passages_of("reference")[0].text.endswith("عن اللغة الفارسية")


def test_a_body_heading_on_arabic_and_persian_sources_opens_no_references():
    # «المصادر العربية والفارسية» in the body: its paragraphs became references.
    article = _read("r13_body_heading_arabic_persian_sources.txt")
    assert len(article.passages_of("reference")) == 3


def test_a_date_after_a_web_address_ending_in_a_slash_keeps_its_space():
    refs = " ".join(p.text for p in _read("u04_reference_url_slash_then_date.txt").passages_of("reference"))
    assert "moe.gov.sa/ar/ 2021/03/15 تاريخ الاطلاع." in refs


def test_roman_labels_alone_on_their_lines_are_no_debris():
    text = _joined(_read("f02_roman_numeral_line_in_english_list.txt"))
    assert "I the state and its ministries; II the regional" in text
