"""What an independent review of the fourteenth audit's fixes (2361d63) found they broke, on its own
adversarial articles (tests/fixtures/review16: real ANT and UN sentences in Arabic journal layouts),
each read as the reader before the fixes read it; and what the fixes must still do there."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "review16"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def test_a_bulleted_list_item_that_is_a_label_word_is_a_list_item():
    # «● ملخص تنفيذي», «▪ الملخص», «▪ المراجع» in a body list: the first two were dropped as labels, the
    # last opened a references section that took the next paragraph as an entry.
    items = [p.text for p in _read("r1_02_body_bullet_report_parts").passages_of("list_item")]
    assert items[:4] == ["ملخص تنفيذي", "الخلفية والسياق", "التطورات الرئيسية", "التوصيات"]
    article = _read("r1_07_body_bullet_keywords_alone")
    items = [p.text for p in article.passages_of("list_item") if p.number == "▪"]
    assert "الملخص" in items and "المراجع" in items
    assert not article.passages_of("reference")
    # (a label in a closed box, or after a square with its colon, is one: the fix is kept)
    boxed = _read("r1_01_boxed_abs_ok")
    assert {p.lang for p in boxed.passages_of("abstract")} == {"ar", "en"}


def test_an_executive_summary_heading_in_the_body_keeps_its_text():
    article = _read("r2_02_exec_summary_body_heading")
    assert any(p.text == "الملخص التنفيذي" for p in article.passages)


def test_a_number_glued_to_a_word_that_goes_on_with_the_line_above_is_text():
    # «3ملايين لاجئ ...» and «2عامين كاملين ...» at a page's foot, after an unfinished line: they had
    # become footnotes 3 and 2 (each number then twice).
    for name, glued in (("r4_02_glued_body_number", "3ملايين"), ("r4_04_glued_body_two_years", "2عامين")):
        article = _read(name)
        numbers = [p.number for p in article.passages_of("footnote")]
        assert len(numbers) == len(set(numbers)), name
        assert any(glued in p.text for p in article.passages_of("paragraph") + article.passages_of("list_item")), name


def test_a_note_on_where_the_paper_was_presented_takes_no_line_after_it():
    # The note ran on into the English affiliation, the Arabic affiliation and the English title.
    meta = _read("r7_06_en_presented_then_affil").metadata
    assert meta["author_note"].text.startswith("Paper presented at the International Conference")
    assert meta["affiliation_en"].text == "Department of Political Science, University of Baghdad"
    meta = _read("r7_08_note_noperiod_affil").metadata
    assert meta["affiliation"].text == "كلية العلوم السياسية، جامعة بغداد"
    assert meta["author_note"].text.startswith("(*) بحث مقدم إلى المؤتمر الدولي الثاني")
    titled = _read("r7_09_en_note_then_title")
    assert titled.title_en.text == "The Role of the Security Council in Protecting Civilians"
    assert titled.metadata["author_note"].text.endswith("the Arab Political Science Network")
    # (the fix is kept: the note is no affiliation)
    kept = _read("r7_01_presented_ok").metadata
    assert kept["affiliation"].text == "كلية العلوم السياسية، جامعة بغداد"


def test_a_word_processors_text_with_a_table_keeps_its_paragraphs():
    # One line per paragraph, no blank lines, 15 short table rows: the rows were taken for the line
    # width, every paragraph line then counted as a full one, and each section became one passage.
    article = _read("word_table_17")
    want = json.loads((FIXTURES / "word_table_17.paragraphs.json").read_text(encoding="utf-8"))
    norm = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731
    got = {norm(p.text) for p in article.passages if p.kind in ("paragraph", "list_item")}
    assert sum(norm(p) in got for p in want) >= 8  # 8 of 10 before the change, 0 with it


def test_an_email_line_is_no_heading(tmp_path):
    # The thirteenth audit's CAUS article with its blank lines taken out: the e-mail line above a
    # full-width line was read as a heading once the text's line width was known.
    raw = (LAYOUT_ARTICLES / "caus_mustaqbal_treaty.txt").read_text(encoding="utf-8")
    path = tmp_path / "noblank.txt"
    path.write_text(re.sub(r"\n[ \t]*\n", "\n", raw), encoding="utf-8")
    article = read_article(path)
    assert not any("@" in s.heading for s in article.sections)
