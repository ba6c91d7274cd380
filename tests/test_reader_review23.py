"""What an independent review of 614ae0d (the nineteenth audit's fixes and the mend of review 22)
found it broke, on 70 adversarial articles written from real ANT sentences (tests/fixtures/review23/):
each test fails on 614ae0d but the guard that keeps its fix of keywords run on at an English abstract's end."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review23"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def _levels(article) -> list[tuple[int, str]]:
    return [(s.level, s.heading.split(":")[0]) for s in article.sections]


def test_chapters_under_numbered_parts_stay_under_them():
    # «1. الإطار المفاهيمي» over «المبحث الأول», «المبحث الثاني», then «2. الممارسة الخليجية»: the chapters
    # took the parts' level and «2.» fell under them.
    levels = _levels(_read("c02_numbered_top_mabhath_under"))
    assert (1, "2. الممارسة الخليجية") in levels and (2, "المبحث الأول") in levels


def test_sub_parts_under_the_introductions_ordinals_stay_under_them():
    # «أولاً: أهمية الدراسة» over «الفرع الأول», «الفرع الثاني», then «ثانياً»: «الفرع» took «أولاً»'s level.
    levels = _levels(_read("c12_named_intro_awwalan_then_far3_within"))
    assert levels[1:5] == [(1, "أولاً"), (2, "الفرع الأول"), (2, "الفرع الثاني"), (1, "ثانياً")]


def test_words_about_keywords_inside_a_text_are_no_keywords_label():
    # «... الرسمي. الكلمات المفتاحية في الخطاب، مثل ...» in the abstract's middle, "Keywords used in the
    # search:" in a methods paragraph: the abstract was cut after its first sentence.
    article = _read("k09_abstract_quotes_alkalimat_mid")
    abstract = next(p.text for p in article.passages_of("abstract") if p.lang == "ar")
    assert "الكلمات المفتاحية في الخطاب" in abstract
    assert "في الخطاب" not in [k.text for k in article.keywords_ar]
    paragraphs = [p.text for p in _read("k16_methods_search_keywords_en").passages_of("paragraph")]
    assert any("Keywords used in the search" in t and len(t.split()) > 12 for t in paragraphs)


def test_english_keywords_run_on_at_the_end_of_the_abstract_and_wrapping():
    # "... ministries of foreign affairs. Keywords: digital" / "diplomacy, Gulf, decision making."
    keywords = [k.text.replace("\n", " ") for k in _read("k06_help_en_inline").keywords_en]
    assert keywords == ["digital diplomacy", "Gulf", "decision making"]


def test_a_title_opening_with_resume_is_no_french_abstract():
    # «Résumé: la diplomatie au Golfe» at the top: its line, the Arabic title and the byline were read as
    # a French abstract and the front matter was lost.
    article = _read("f08_resume_ar_word_title")
    assert not [p for p in article.passages if p.lang == "fr"]
    assert article.metadata["author"].text == "د. أحمد علي حسن"


def test_uncited_notes_without_a_final_stop_stay_apart():
    # Four entries under «الهوامش» ending «ص 45» with no full stop, cited nowhere: they were one note.
    article = _read("m14_hawamish_uncited_no_period_each")
    numbered = [p for p in article.passages if p.kind in ("footnote", "reference") and p.number]
    assert [p.number for p in numbered] == ["1", "2", "3", "4"]


def test_set_off_markers_beside_a_table_number_and_an_article_number():
    # «الجدول رقم (1)», «المادة (2)» were counted as markers of notes 1 and 2, so the markers set off after
    # full stops («... الحكومة. 1») were not.
    article = _read("m16_setoff_markers_table_article_numbers")
    assert "الجدول رقم (1)" in next(p.text for p in article.passages if "الجدول رقم" in p.text)
    cited = [c.number for p in article.passages_of("paragraph") for c in p.citations]
    assert cited.count(1) >= 1 and cited.count(2) >= 2


def test_a_singular_reference_word_alone_opens_no_references_list():
    article = _read("r09_body_line_references_only_mid_text")
    assert [s.heading for s in article.sections] == ["مقدمة", "الخاتمة", "المراجع"]
