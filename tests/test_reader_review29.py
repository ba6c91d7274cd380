"""Review 29 of the reader's fixes for the twentieth and twenty-first audits (43adef0, af4e9fd): inputs
the reviewer wrote where a new rule misfired (tests/fixtures/review29, real UN and ANT sentences in
journal layouts). Each test fails on af4e9fd."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.reader import parse_article, read_article

REVIEW = Path(__file__).parent / "fixtures" / "review29"


def _read(name: str):
    return read_article(REVIEW / name)


def _texts(article) -> list[str]:
    return [p.text for p in article.passages]


def test_sentences_that_open_with_web_interface_words_are_text():
    # «اقرأ أيضا ما كتبه ابن خلدون ...», «شارك المقال الأول من الاتفاقية ...» and a wrapped line «تصميم
    # وتطوير أداة الدراسة، ...» were dropped as a web page's interface; so was the heading «تصميم وتطوير
    # أداة الدراسة».
    assert any(t.startswith("اقرأ أيضا ما كتبه ابن خلدون") for t in _texts(_read("r13a_iqra_sentence.txt")))
    assert any(t.startswith("شارك المقال الأول من الاتفاقية") for t in _texts(_read("r13h_shark_sentence.txt")))
    wrapped = _read("r13b_tasmim_wrap.txt")
    assert any("تصميم وتطوير أداة الدراسة" in t for t in _texts(wrapped))
    heading = _read("r13c_tasmim_heading.txt")
    assert "تصميم وتطوير أداة الدراسة" in [s.heading for s in heading.sections]


def test_table_rows_with_bars_are_no_menu_or_credits():
    # «| تطوير البنية التحتية | 45% |» and «الرئيسية | 1200 كم | 45%» were dropped as credits and a menu.
    assert any("تطوير البنية التحتية" in t for t in _texts(_read("r13d_table_bars.txt")))
    assert any("الرئيسية | 1200 كم" in t for t in _texts(_read("r13e_menu_table.txt")))


def test_a_word_after_a_web_address_at_a_line_end_keeps_its_space():
    cases = {
        "r20c_en_abs_www.txt": "www.un.org. 2015",
        "r20f_url_arabic_digit.txt": "https://data.unhcr.org/ar 2019",
        "r20i_url_end_en_sentence.txt": "https://www.un.org/securitycouncil/ e.g.",
        "r20j_url_then_word_stop.txt": "https://www.un.org/ar الرسمي.",
        "r20k_en_url_then_word_stop.txt": "www.lasportal.org website.",
    }
    for name, joined in cases.items():
        assert any(joined in t for t in _texts(_read(name))), name
    refs = [p.text for p in _read("r20h_ref_url_then_date.txt").passages_of("reference")]
    assert any("https://www.mfa.gov.lb/reports 15/3/2020" in t for t in refs)
    assert any("https://www.publicaffairs.com/soft-power 2004" in t for t in refs)


def test_ordinal_sections_of_a_text_without_blank_lines_stay_sections():
    # An introduction ending «... على النحو الآتي:» over «أولاً: ...» sections: with blank lines dropped
    # (and with one line a paragraph) the sections became the items of a list.
    raw = (REVIEW / "r11j_para_layout_sections.txt").read_text(encoding="utf-8")
    for text in (raw, re.sub(r"\n[ \t]*\n", "\n", raw)):
        article = parse_article(text)
        numbered = [s.number for s in article.sections if s.heading.startswith(("أولاً", "ثانياً", "ثالثاً"))]
        assert numbered == ["1", "2", "3"]
        assert not article.passages_of("list_item")


def test_open_ranges_of_periodicals_do_not_swallow_the_next_entry():
    # «مجلة المستقبل العربي، ...، 1978-» / «2. سليم ...»: the second entry was glued to the first.
    refs = _read("r19a_periodical_open.txt").passages_of("reference")
    assert [p.number for p in refs] == ["1", "2", "3", "4"]


def test_a_body_section_on_persian_sources_is_no_references_list():
    # «المصادر الفارسية» in a history article's body opened the references: its paragraphs were entries.
    article = _read("r21a_persian_sources_heading.txt")
    assert [p.kind for p in article.passages].count("reference") == 3
    assert "المصادر الفارسية" in [s.heading for s in article.sections]


def test_a_sentence_opening_with_kalimat_miftahiya_after_the_abstracts_is_text():
    # «كلمات مفتاحية، مثل السيادة والشرعية، تتكرر ...» right after the abstracts became the Arabic keywords.
    article = _read("r12c_ar_kw_sentence_after.txt")
    assert not article.keywords_ar
    assert any(t.startswith("كلمات مفتاحية، مثل السيادة والشرعية") for t in _texts(article))


def test_aw_la_at_a_line_start_is_no_split_ordinal():
    # «... أن تحمي حدودها» / «أو لا تستطيع ذلك؟» with blank lines dropped: «أو لا» read as «أولاً».
    raw = (REVIEW / "r16a_aw_la_line.txt").read_text(encoding="utf-8")
    article = parse_article(re.sub(r"\n[ \t]*\n", "\n", raw))
    assert not any(s.heading.startswith("أو لا") for s in article.sections)
    assert any("حدودها أو لا تستطيع ذلك؟" in t for t in _texts(article))
