"""What an independent review of ef84a23 (the mend of review 23) found it broke, on 67 adversarial
articles written from real ANT sentences (tests/fixtures/review24/): each test fails on ef84a23."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review24"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def _levels(article) -> list[tuple[int, str]]:
    return [(s.level, s.heading.split(":")[0]) for s in article.sections]


def test_chapters_under_ordinal_parts_that_go_on_stay_under_them():
    # «مقدمة», «أولاً» over «المبحث الأول/الثاني», then «ثانياً» over «المبحث الثالث/الرابع»: the
    # chapters took «أولاً»'s level and «ثانياً» fell under them.
    levels = _levels(_read("c21_intro_awwalan_top_mabhath_under"))
    assert levels[1:7] == [
        (1, "أولاً"),
        (2, "المبحث الأول"),
        (2, "المبحث الثاني"),
        (1, "ثانياً"),
        (2, "المبحث الثالث"),
        (2, "المبحث الرابع"),
    ]
    levels = _levels(_read("c31_muqaddima_awwalan_thaniyan_top_mabhath_in_each"))
    assert (1, "ثالثاً") in levels and (2, "المبحث الثالث") in levels


def test_a_body_paragraph_ending_with_its_search_keywords_is_not_cut():
    # «... العربية والأجنبية. كلمات مفتاحية: الدبلوماسية الرقمية، ...» ends a methods paragraph.
    paragraphs = [p.text for p in _read("k22_methods_search_kalimat_end").passages_of("paragraph")]
    assert any("كلمات مفتاحية: الدبلوماسية الرقمية" in t and len(t.split()) > 20 for t in paragraphs)


def test_a_label_sentence_in_the_abstract_does_not_replace_the_keywords_line():
    # «... كلمات مفتاحية: السيادة والثقة تتكرر فيه.» then the real «الكلمات المفتاحية: ...» line.
    keywords = [k.text for k in _read("k27_abs_lastline_kw_colon_quote_then_real").keywords_ar]
    assert keywords == ["الدبلوماسية", "الخليج", "القرار"]


def test_an_inline_keywords_list_that_wraps_is_read_whole():
    # The list after «الكلمات المفتاحية:» wraps over two more lines: its last items became a paragraph.
    article = _read("k24_abs_inline_kw_wraps_long")
    keywords = [k.text.replace("\n", " ") for k in article.keywords_ar]
    assert keywords[0] == "الدبلوماسية الرقمية في دول الخليج العربي"
    assert keywords[-1] == "القوة الناعمة والصورة الذهنية للدولة"
    assert not any("القوة الناعمة والصورة" in p.text for p in article.passages_of("paragraph"))


def test_a_french_abstract_whose_label_line_is_short_and_wraps():
    # «Résumé : La présente étude examine la diplomatie» (six words) over the rest of the abstract.
    article = _read("f21_fr_first_label_short_line")
    french = [p for p in article.passages if p.lang == "fr"]
    assert [p.kind for p in french] == ["abstract"] and "keywords_fr" in article.metadata


def test_a_note_left_open_on_a_colon_keeps_the_numbers_under_it():
    # «... في الأعوام الآتية، وقد رجعنا إليها كلها:» then «2. ...»: the year list opened note 2.
    notes = [(p.number, p.text) for p in _read("m26_hawamish_year_list_in_note").passages_of("footnote")]
    assert notes[0][0] == "1" and "رجعنا إليها كلها: 2." in notes[0][1]
