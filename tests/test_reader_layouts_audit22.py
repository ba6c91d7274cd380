"""The reader on the four layouts of the twenty-second audit (corpus/layouts/articles/
iq_fakeyboard_letter_endnotes, kw_conf_slashtitle_pipeauthors_secnotes, sd_awla_dash_abjad_sentlines,
ye_enabs_mid_kwcells_pageof_doi; real UN and ANT text, frozen before the reader was scored on them:
0.970 / 0.867 at e420b5a). Each test fails on e420b5a.
Left open: with one sentence a line (every line ending with a full stop) a paragraph carried over a page
is read as two (nothing shows it goes on); a page number or running head seen on one page only is text;
a bare «المحور الأول» over a blank line takes the first line of the paragraph under it as its title (a rule
that stopped it took real titles set right above their paragraphs too: review 38, withdrawn)."""

from __future__ import annotations

from pathlib import Path

from pipeline.layouts import score_articles
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

IRAQ = LAYOUT_ARTICLES / "iq_fakeyboard_letter_endnotes.txt"
KUWAIT = LAYOUT_ARTICLES / "kw_conf_slashtitle_pipeauthors_secnotes.txt"
SUDAN = LAYOUT_ARTICLES / "sd_awla_dash_abjad_sentlines.txt"
YEMEN = LAYOUT_ARTICLES / "ye_enabs_mid_kwcells_pageof_doi.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "audit22"


def test_page_numbers_in_persian_digits_are_set_aside():
    # «- ۴۵ -» (typed on a Persian keyboard) was a list item «۴۵ -» in the body, five times.
    article = read_article(IRAQ)
    assert not article.passages_of("list_item")
    assert not any("۴۵" in p.text or "۴۶" in p.text for p in article.passages if len(p.text) < 10)


def test_endnotes_lettered_in_abjad_order_are_linked_to_their_markers():
    # «(أ) ...» ... «(ط) ...» under «الهوامش» were one reference; «واجهتها" (أ)», «بالعاصمة (هـ).»,
    # «الجهیناوی(ط).» cited nothing.
    article = read_article(IRAQ)
    notes = article.passages_of("footnote")
    assert [p.number for p in notes] == [str(n) for n in range(1, 10)]
    assert notes[0].text.startswith("ینظر: محمد السید سلیم") and notes[2].text == "المصدر نفسه، ص ۵۴."
    cited = sorted((c.number, article.raw[c.start : c.end]) for p in article.passages for c in p.citations)
    assert cited == [(n, f"({letter})") for n, letter in enumerate(["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط"], 1)]


def test_a_letter_marker_after_the_full_stop_ends_its_paragraph():
    # Three paragraphs ending «... الوزارة. (أ)» between blank lines ran into one.
    article = read_article(FIXTURES / "letter_endnotes_after_stop.txt")
    paragraphs = article.passages_of("paragraph")
    assert len(paragraphs) == 3
    assert [c.number for p in paragraphs for c in p.citations] == [1, 2, 3]


def test_the_fifth_abjad_heading_written_with_tatweel():
    # «هـ. تقييم الأداء الدبلوماسي السوداني:» was text between two paragraphs it joined.
    article = read_article(SUDAN)
    assert [s.number for s in article.sections if s.level == 2][-5:] == ["أ", "ب", "ج", "د", "ه"]
    assert any(s.heading.startswith("هـ. تقييم الأداء") for s in article.sections)


def test_names_set_apart_by_bars_and_a_title_with_its_english_after_a_slash():
    # «د. فهد سالم العجمي | د. نورة ... | أ. يوسف ...» was the title; the real title «... / Kuwaiti
    # Mediation ...» a paragraph.
    article = read_article(KUWAIT)
    assert article.title_ar.text == "دبلوماسية الوساطة الكويتية في الأزمات الخليجية (2017-2021)"
    assert article.title_en.text == "Kuwaiti Mediation Diplomacy in the Gulf Crises (2017-2021)"
    assert article.metadata["author"].text.startswith("د. فهد سالم العجمي | د. نورة")
    assert not any(p.text.startswith("دبلوماسية الوساطة") for p in article.passages)


def test_both_languages_keywords_in_two_cells_of_one_line():
    # «الكلمات المفتاحية: ... | Keywords: ...»: all went to the Arabic list, one keyword holding «| Keywords:».
    article = read_article(YEMEN)
    assert [k.text for k in article.keywords_ar] == [
        "الدبلوماسية اليمنية", "الأمم المتحدة", "المبعوث الخاص", "التسوية السياسية",
    ]  # fmt: skip
    assert [k.text for k in article.keywords_en] == [
        "Yemeni diplomacy", "United Nations", "Special Envoy", "political settlement",
    ]  # fmt: skip


def test_a_table_of_rows_between_bars_and_a_citation_wrapped_before_its_page():
    # The «| ... |» table, its caption and source were one paragraph; «(Zartman, 2008, p.» / «23).» made
    # a list item «23».
    article = read_article(YEMEN)
    tables = article.passages_of("table")
    assert len(tables) == 1 and tables[0].text.startswith("جدول (1)") and "المصدر:" in tables[0].text
    assert not article.passages_of("list_item")
    assert any(p.text.endswith("(Zartman, 2008, p. 23).") for p in article.passages_of("paragraph"))


def test_days_joined_by_and_are_no_note_markers():
    # «يومي 8 و9 مارس», «يومي 2 و3»: the 9 and the 3 cited notes 9 and 3.
    for name, words in (("krd_zanco_preventive.txt", "يومي 8 و9"), ("dz_asjp_infobox.txt", "يومي 2 و3")):
        article = read_article(LAYOUT_ARTICLES / name)
        at = article.raw.index(words) + len(words) - 1
        assert not any(c.start <= at < c.end for p in article.passages for c in p.citations), name


def test_the_twenty_second_audit_set_does_not_fall():
    scores = score_articles([IRAQ, KUWAIT, SUDAN, YEMEN])
    assert scores["right"] / scores["lines"] >= 0.99  # 0.970 held out, 0.998 after the fixes
    assert scores["lost"] == 0
