"""Review 31 of the mend 56d775d (a marker alone on its line, keywords found after the abstracts, copyright
by name, running heads of joined names, split ordinals): inputs the reviewer wrote where a mended rule
still misfired (tests/fixtures/review31, real ANT sentences in journal layouts). Each test fails on
56d775d."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

REVIEW = Path(__file__).parent / "fixtures" / "review31"


def _read(name: str):
    return read_article(REVIEW / name)


def test_numbers_alone_that_label_the_clauses_under_them():
    # «... على ما يأتي:» then «(1)» / clause, «(2)» / clause, «(3)» / clause: all one paragraph (the number
    # joined the lead-in above and left it open).
    texts = [p.text for p in _read("g06_law_clauses_marker_alone.txt").passages]
    assert [t[:3] for t in texts if t.startswith("(")] == ["(1)", "(2)", "(3)"]
    assert any(t.endswith("على ما يأتي:") for t in texts)


def test_a_number_alone_between_two_paragraphs_joins_neither():
    texts = [p.text for p in _read("g12_page_number_parenthesised_alone.txt").passages]
    assert "(12)" in texts


def test_a_heading_or_a_sentence_after_the_abstracts_with_a_keywords_label():
    # «الكلمات الرئيسية: المفهوم والدلالة» (a heading) and «كلمات مفتاحية: هذا هو المصطلح ...» (prose) right
    # after the abstracts were read as the Arabic keywords.
    heading = _read("h10_body_heading_kalimat_raisa_colon_after_en_abs.txt")
    assert not heading.keywords_ar and "الكلمات الرئيسية: المفهوم والدلالة" in [s.heading for s in heading.sections]
    prose = _read("h11_body_para_kalimat_miftahiya_colon_after_abs.txt")
    assert not prose.keywords_ar
    assert any(p.text.startswith("كلمات مفتاحية: هذا هو المصطلح") for p in prose.passages)


def test_a_wrapped_line_opening_with_huquq_al_nashr_is_text():
    texts = " ".join(p.text for p in _read("i01_body_wrapped_line_haquq_nashr_sign.txt").passages)
    assert "وجاء في صفحة حقوق النشر © 2019 محفوظة لدار" in texts


def test_a_heading_of_title_words_by_a_page_number_is_kept():
    # «الدبلوماسية الرقمية في دول الخليج العربي والأمن الوطني وصناعة القرار» under «45» was dropped as a
    # running head (eight words, «و»-joined title words).
    texts = " ".join(p.text for p in _read("j01_heading_8words_wa_after_page_number.txt").passages)
    assert "الدبلوماسية الرقمية في دول الخليج العربي والأمن الوطني" in texts


def test_aw_la_with_a_colon_is_no_split_ordinal():
    # «... بمفردها؟» / «أو لا: وهنا يرى ...» became a numbered heading.
    article = _read("l01_aw_la_colon_after_question.txt")
    assert not any(s.heading.startswith("أو لا") for s in article.sections)
    assert any("بمفردها؟ أو لا: وهنا يرى" in p.text for p in article.passages)
