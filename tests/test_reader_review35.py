"""Review 35 of the reader's last mend fe6a3ca and the speed change b2c0e59 (boxes of related articles,
«اقرأ أيضاً» lines, the fast test in front of the web rules): inputs the reviewer wrote where they
misfired (tests/fixtures/review35). Each test fails on 13719a9."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

REVIEW = Path(__file__).parent / "fixtures" / "review35"


def _read(name: str):
    return read_article(REVIEW / name)


def test_studies_cited_by_year_under_a_box_title_are_kept():
    # «(٢٠١٥)» in Arabic-Indic digits after arrows, and «(2015)» with one item's address: dropped as a box.
    assert len(_read("b01_box_arrows_studies_indic_years.txt").passages_of("list_item")) == 3
    assert len(_read("b03_box_studies_years_one_with_url.txt").passages_of("list_item")) == 3


def test_a_box_ends_at_a_blank_line():
    # «اقرأ أيضاً:» and its link, a blank line, then the article's own «• تعزيز آليات ...» list: dropped too.
    items = _read("b04_box_links_then_blank_then_article_bullets.txt").passages_of("list_item")
    assert [p.text[:11] for p in items] == ["تعزيز آليات", "إنشاء صندوق", "تفعيل دور م"]


def test_web_lines_spelt_with_marks_or_tatweel_are_dropped_too():
    # «اقرأ أيضًا: ...» (the tanween on the dad) became a heading; «مقالات ذات صـلة» (tatweel) and its link
    # a heading and a list item: the fast test before the rules missed them.
    for name in ("h02_readalso_tanween_title_line.txt", "h04_related_tatweel.txt"):
        article = _read(name)
        text = " ".join([p.text for p in article.passages] + [s.heading for s in article.sections])
        assert "أيضًا" not in text and "صـلة" not in text and "https://" not in text, name
