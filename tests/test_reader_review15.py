"""What an independent review of the thirteenth audit's fixes (2801eb4) found they broke, on its own
adversarial articles (tests/fixtures/review15: real ANT sentences in an Arabic journal's layout), each
read as the reader before the fixes read it; and what the fixes must still do there."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "review15"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def _kinds(article, kind: str) -> list[tuple[str | None, str]]:
    return [(p.number, p.text) for p in article.passages_of(kind)]


def test_a_short_title_with_its_notes_star_stays_the_title():
    # «أزمة دارفور(*)» over «د. سامية بن علي»: the title became the author, the author «author_byline».
    article = _read("r3_m1_star_title")
    assert article.title_ar.text == "أزمة دارفور(*)"
    assert article.metadata["author"].text == "د. سامية بن علي" and "author_byline" not in article.metadata


def test_a_short_affiliation_note_does_not_take_the_next_authors_byline():
    # «(*) أستاذة القانون الدولي العام، جامعة بغداد» then «حيدر كاظم عبد علي»: the second author was
    # read as the rest of the first one's note.
    meta = _read("r3_m6_note_runs_into_second_author").metadata
    assert meta["author"].text == "منى عبد الرزاق الخطيب(*)"
    assert meta["author_byline"].text == "حيدر كاظم عبد علي"
    assert meta["affiliation"].text == "(*) أستاذة القانون الدولي العام، جامعة بغداد"
    assert meta["affiliation_2"].text == "كلية القانون، جامعة بابل"


def test_a_starred_title_over_a_bare_name_is_no_byline():
    meta = _read("r3_m9_star_title_reform").metadata
    assert meta.get("author") is None or meta["author"].text != "إصلاح مجلس الأمن(*)"


def test_numbered_notes_after_a_quotation_that_is_not_a_block_quotation():
    # Quotations opened in the middle of a line, left open (OCR lost the »), closed with "
    # or set the other way round (»...«): their numbered lines are notes and list items as before.
    assert [n for n, _ in _kinds(_read("r5_m1_unclosed_quote_then_footnote"), "footnote")] == ["1"]
    assert [n for n, _ in _kinds(_read("r5_m2_reversed_guillemets_footnote"), "footnote")] == ["1"]
    assert [n for n, _ in _kinds(_read("r5_m3_reversed_guillemets_list"), "list_item")] == ["1", "2", "3"]
    assert [n for n, _ in _kinds(_read("r5_m4_mixed_quote_close_list"), "list_item")] == ["1", "2"]
    notes = _kinds(_read("r5_m7_quote_across_pagebreak_numbered_note"), "footnote")
    assert [n for n, _ in notes] == ["6"] and notes[0][1].startswith("انظر: وكالة تونس إفريقيا للأنباء")


def test_a_note_under_a_heading_left_at_a_pages_foot():
    # «...المعطلة.(5)», the heading «المبحث الثاني: ...», then «5- انظر: ...» and the page's end.
    article = _read("r7_m1_widowed_heading_then_footnote")
    notes = _kinds(article, "footnote")
    assert [n for n, _ in notes] == ["5"] and notes[0][1].startswith("انظر: أحمد أبو الوفا")
    assert not any("(5)" in p.text for p in article.passages_of("paragraph"))


def test_a_marker_after_an_article_number_at_a_sentences_end_is_a_marker():
    # «المادة 51 (4).» with notes (3), (4), (5): (4) is the note's marker; «المادة 2 (4) منه» is the
    # article's paragraph and stays in the text.
    article = _read("r6_m3_real_marker_after_article_pagefoot")
    assert [n for n, _ in _kinds(article, "footnote")] == ["3", "4", "5"]
    assert not any("المادة 51 (4)" in p.text for p in article.passages)
    kept = _read("r6_h2_article_subpara_pagefoot")
    assert any("كما تنص المادة 2 (4) منه" in p.text for p in kept.passages_of("paragraph"))


def test_a_references_wrapped_line_with_a_full_stop_is_no_entry():
    # «ترجمة طلعت الشايب. القاهرة: ...», «دار النهضة العربية. القاهرة.», «متاح على الموقع الرسمي. ...»
    # go on with the entry above them.
    for name, tail in (
        ("r9_m2_wrap_translator_dot", "ترجمة طلعت الشايب. القاهرة: دار سطور، 1998."),
        ("r9_m3_wrap_publisher_dot", "دار النهضة العربية. القاهرة."),
        ("r9_m6_wrap_access_note", "متاح على الموقع الرسمي. تاريخ الاطلاع 12 مارس 2020."),
    ):
        refs = [text for _, text in _kinds(_read(name), "reference")]
        assert len(refs) == 2 and refs[0].endswith(tail), name


def test_the_english_title_is_the_first_english_group_not_the_last():
    assert _read("r2_m1_en_subtitle_own_group").title_en.text == "Parliamentary Diplomacy and Regional Conflicts"
    assert _read("r2_m4_en_title_blank_split").title_en.text == "Parliamentary Diplomacy and the Settlement"
    typed = _read("r2_m2_en_article_type_above_byline")
    assert typed.title_en.text.startswith("Parliamentary Diplomacy and the Settlement of Regional Conflicts")
    # An English title on the first line, over the line, is the title and not also the journal.
    first = _read("r2_m8_en_first_title_above_vol")
    assert first.title_en.text == "Parliamentary Diplomacy and Regional Conflicts" and "journal" not in first.metadata


def test_a_subtitle_under_the_title_is_no_invented_author():
    # «سوريا نموذجا», «مصر وإثيوبيا وسد النهضة» under the title: no bare name.
    for name in ("r4_m1_subtitle", "r4_m15_country_pair"):
        assert "author" not in _read(name).metadata, name
