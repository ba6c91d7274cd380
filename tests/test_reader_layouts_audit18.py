"""The reader on the four layouts of the eighteenth audit (corpus/layouts/articles/
ae_epc_brief_pullquotes_recs, dz_endnotes_repeat_kw3_tablewrap, qa_qu_abbrevlist_enspeech,
sd_omdurman_rawcolumns; real UN and ANT text, frozen before the reader was scored on them: 0.951 /
0.673 at 0bd3423, the truth of one paragraph break fixed after freezing). Each test below fails on
b0e9ade. Left open: the Sudanese text converted without layout (its two columns one after the
other, notes' continuation lines among them) and the policy brief's pull quotes."""

from __future__ import annotations

from pipeline.layouts import score_articles
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

BRIEF = LAYOUT_ARTICLES / "ae_epc_brief_pullquotes_recs.txt"
ALGERIA = LAYOUT_ARTICLES / "dz_endnotes_repeat_kw3_tablewrap.txt"
QATAR = LAYOUT_ARTICLES / "qa_qu_abbrevlist_enspeech.txt"
SUDAN = LAYOUT_ARTICLES / "sd_omdurman_rawcolumns.txt"


def test_endnotes_cited_by_numbers_set_off_after_the_full_stop():
    # «... أخرى". 1», «... رئيس الحكومة. 3»: the markers were not found, so note 1 was a reference,
    # notes 3 and 5 ran into 2 and 4, and «الحكومة. 3» hid its paragraph's end.
    article = read_article(BRIEF)
    notes = article.passages_of("footnote")
    assert [p.number for p in notes] == ["1", "2", "3", "4", "5"]
    assert notes[2].text.startswith("وزارة الخارجية والتعاون الدولي")
    cited = sorted(c.number for p in article.passages_of("paragraph") for c in p.citations)
    assert cited == [1, 2, 3, 4, 5]
    assert not any(p.text.rstrip().endswith(("أخرى\". 1", ". 3")) for p in article.passages_of("paragraph"))


def test_recommendations_numbered_by_name_are_a_list():
    # «التوصية 1: ...» to «التوصية 5: ...» were paragraphs.
    items = read_article(BRIEF).passages_of("list_item")
    recommendations = [p for p in items if p.number and p.number.isdigit()]
    assert [p.number for p in recommendations] == ["1", "2", "3", "4", "5"]
    assert recommendations[0].text.startswith("الإبقاء على قنوات الوساطة")


def test_a_numbered_heading_under_a_line_that_cites_its_number_is_no_note():
    # «... في تونس. (2)» then «2. الإطار المفاهيمي للوساطة الدولية:»: the heading was read as note 2
    # and its section lost (its subsection «1.2» hung under section 1).
    article = read_article(ALGERIA)
    sections = {s.heading: s for s in article.sections}
    two = sections["2. الإطار المفاهيمي للوساطة الدولية:"]
    assert two.level == 1 and sections["1.2 مفهوم الوساطة وأنواعها:"].parent == two.id
    assert not any(p.text.startswith("الإطار المفاهيمي") for p in article.passages_of("footnote"))


def test_a_note_marker_after_the_last_full_stop_does_not_hide_the_paragraph_end():
    # «... وفق تعبيره. (6)», 68 characters of 84 with the marker, 64 without: the next paragraph was
    # joined to it.
    paragraphs = [p.text for p in read_article(ALGERIA).passages_of("paragraph")]
    assert any(t.endswith("كان صادما، وفق تعبيره.") for t in paragraphs)


def test_a_list_of_abbreviations_before_the_introduction():
    # «قائمة المختصرات» over «GCC: مجلس التعاون ... (Gulf Cooperation Council)» ...: the heading was
    # taken into the English keywords and the entries were one paragraph.
    article = read_article(QATAR)
    assert [k.text for k in article.keywords_en][-1] == "multilateral diplomacy"
    assert "قائمة المختصرات" in [s.heading for s in article.sections]
    entries = [p.text for p in article.passages_of("list_item") if p.text[:4].isupper()]
    assert len(entries) == 7 and entries[0].startswith("GCC:")


def test_an_english_paragraph_that_opens_with_an_acronym_and_a_colon_is_no_list(tmp_path):
    # Guard: one such line alone is a paragraph's first line, not an entry of a list of abbreviations.
    text = (
        "عنوان البحث في العلاقات الدولية المعاصرة\n\nد. أحمد علي\nجامعة قطر\n\nالملخص:\n"
        "تتناول هذه الدراسة الدبلوماسية الرقمية في دول الخليج العربي وأثرها في صناعة القرار الخارجي.\n"
        "الكلمات المفتاحية: الدبلوماسية، الخليج.\n\nمقدمة\n"
        "NATO: the alliance agreed at its summit to widen its partnership with the Gulf states, and the\n"
        "ministers asked the council to report on the progress made before the end of the year.\n"
    )
    path = tmp_path / "nato.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert not article.passages_of("list_item")
    assert any(p.text.startswith("NATO: the alliance") and "progress made" in p.text for p in article.passages)


def test_the_eighteenth_audit_set_does_not_fall():
    scores = score_articles([BRIEF, ALGERIA, QATAR, SUDAN])
    assert scores["right"] / scores["lines"] >= 0.985  # 0.951 held out
    assert scores["lost"] == 0
