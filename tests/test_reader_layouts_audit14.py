"""The reader on the four layouts of the fourteenth audit (corpus/layouts/articles/sy_tishreen_rtl_front,
sa_pagefoot_glued_restart, ma_conf_fr_orcid, gulf_report_boxes_glossary: a Syrian paper with boxed
labels, spaced dates and an English page at the end, a Saudi paper whose page-foot notes restart at 1
with their numbers glued to the text, a Moroccan conference paper with an ISSN line in two columns, a
Gulf centre's report with an executive summary; real UN and ANT text, frozen before the reader was
scored on them: 0.864 / 0.727 at 2801eb4)."""

from __future__ import annotations

from pipeline.layouts import score_articles, unit_prf
from pipeline.reader import _wrap_width, read_article

from .conftest import LAYOUT_ARTICLES

SYRIAN = LAYOUT_ARTICLES / "sy_tishreen_rtl_front.txt"
SAUDI = LAYOUT_ARTICLES / "sa_pagefoot_glued_restart.txt"
CONFERENCE = LAYOUT_ARTICLES / "ma_conf_fr_orcid.txt"
REPORT = LAYOUT_ARTICLES / "gulf_report_boxes_glossary.txt"


def test_labels_set_in_boxes_and_dates_with_spaced_slashes():
    # «□ ملخّص □» and «□ ABSTRACT □»: the Arabic label and the dates above it opened the abstract, and
    # the whole English page at the end was read as references (no English title, abstract, keywords).
    article = read_article(SYRIAN)
    abstracts = {p.lang: p.text for p in article.passages_of("abstract")}
    assert abstracts["ar"].startswith("وأحال رئيس المحكمة الجنائية الدولية") and "□" not in abstracts["ar"]
    assert abstracts["en"].startswith("In his letter, the President of the International Criminal Court")
    assert article.title_en.text.startswith("The Obligations of Non-Party States to Cooperate")
    assert [k.text for k in article.keywords_en][:2] == ["International Criminal Court", "Security Council"]
    assert article.metadata["received"].text == "12 / 4 / 2022" and article.metadata["accepted"].text == "3 / 7 / 2022"
    assert not any(p.text.startswith(("Dr. Rami", "□")) for p in article.passages_of("reference"))


def test_page_foot_notes_whose_numbers_are_glued_to_their_text():
    # «1انظر: ...», «2قرار مجلس الأمن ...» under each page's rule, numbered from 1 on every page: each
    # page's notes were one paragraph, and every marker stayed in the text.
    article = read_article(SAUDI)
    notes = [(p.number, p.text) for p in article.passages_of("footnote")]
    assert [n for n, _ in notes][:7] == ["1", "2", "1", "2", "3", "1", "2"]
    assert notes[0][1].startswith("انظر: مركز الملك عبدالعزيز للحوار الوطني")
    assert not any(p.text.startswith(("1انظر", "2قرار")) for p in article.passages_of("paragraph"))
    assert not any("والمخدرات1" in p.text for p in article.passages)


def test_paragraphs_that_end_short_of_the_line_width_when_notes_lift_the_90th_percentile():
    # The body's lines wrap at about 79 characters, the notes' and references' at up to 95: the width
    # was taken as unknown, so paragraphs set without blank lines ran together.
    lengths = [66, 67, 70, 70, 71, 71, 72, 72, *[73] * 6, 74, 74, 74, 76, 76, 76, 77, 77, 78, 78, 78, 79, 79]
    lengths += [6, 7, 15, 20, 24, 25, 29, 34, 40, 46, 53, 59, 62, 86, 89, 89, 90, 92, 94, 94, 95]
    assert _wrap_width(lengths) == 79
    article = read_article(SAUDI)
    paragraphs = [p.text for p in article.passages_of("paragraph")]
    assert any(p.startswith("أعلنت القوات المسلحة الإماراتية") for p in paragraphs)
    assert not any("في هذه العملية. أعلنت القوات" in p for p in paragraphs)


def test_an_issn_line_in_two_columns_and_a_conference_note_under_the_titles():
    # "ISSN 2566-8056      Journal of Political Science and Law" was the English title, and the
    # second line of «ورقة مقدمة إلى المؤتمر الدولي ...» the Arabic one.
    article = read_article(CONFERENCE)
    meta = article.metadata
    assert meta["issn"].text == "2566-8056" and meta["journal_2"].text == "Journal of Political Science and Law"
    assert article.title_ar.text == "الأزمة المالية لمنظمة الأمم المتحدة وانعكاساتها على عمليات حفظ السلام"
    assert article.title_en.text.startswith("The Financial Crisis of the United Nations")
    assert meta["author_note"].text.startswith("ورقة مقدمة إلى المؤتمر الدولي")
    assert meta["author_note"].text.endswith("14-15 مارس 2019")
    assert not any(k.startswith("affiliation") and "ورقة مقدمة" in v.text for k, v in meta.items())
    # (a bulleted part heading of the references: «• باللغة العربية:»)
    assert [s.heading for s in article.sections][-2:] == ["• باللغة العربية:", "• باللغة الفرنسية:"]


def test_an_executive_summary_and_two_bylines_on_one_line():
    article = read_article(REPORT)
    assert not any("الملخص التنفيذي" in p.text for p in article.passages)
    assert article.metadata["author_byline"].text.startswith("د. خالد سعيد المطيري – أ. هند")


def test_the_fourteenth_audit_set_scores():
    scores = score_articles([SYRIAN, SAUDI, CONFERENCE, REPORT])
    assert scores["right"] / scores["lines"] >= 0.955  # 0.864 held out
    assert unit_prf(scores)[2] >= 0.87  # 0.727 held out
