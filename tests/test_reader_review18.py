"""What an independent review of the final reader of this round (ce463fc against 2e0d267) found broken,
on its own adversarial articles (tests/fixtures/review18), each read as the reader read it before."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "review18"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def test_empty_lines_holding_a_no_break_space_are_blank():
    # A word processor's empty paragraph is a lone U+00A0: the short sentence between two such lines
    # («وبذلك يتضح أن الوساطة الأفريقية ...») had become a section heading.
    raw = (FIXTURES / "X01_sentence_wabidhalik__nbsp.txt").read_text(encoding="utf-8")
    assert "\n\u00a0\n" in raw
    article = _read("X01_sentence_wabidhalik__nbsp")
    assert not any(s.heading.startswith("وبذلك") for s in article.sections)
    assert any(p.text.startswith("وبذلك يتضح أن الوساطة") for p in article.passages_of("paragraph"))


def test_a_year_after_a_titles_dash_and_a_blank_line_is_the_titles():
    assert _read("P05_title_range_year_after_blank").title_ar.text.rstrip().endswith("2020")


def test_a_credit_label_ending_in_a_colon_is_no_english_title():
    assert _read("E03_translated_by").title_en is None


def test_notes_numbered_with_a_bracket_need_their_own_citation():
    # «وفقا للمادة (1) من الميثاق» cites an article, not note 1: the «1) ...» list under the rule stays a list.
    article = _read("N05_list_under_rule_article_cited")
    assert [p.number for p in article.passages_of("list_item")][:2] == ["1", "2"]
    assert not article.passages_of("footnote")
    # (notes cited with superscript digits «¹» are notes)
    assert [p.number for p in _read("N06_notes_cited_superscript_digit").passages_of("footnote")] == ["1", "2"]
