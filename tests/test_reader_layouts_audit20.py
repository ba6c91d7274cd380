"""The reader on the four layouts of the twentieth audit (corpus/layouts/articles/
ir_persian_abs_termnotes, jo_policy_numparas_bilingual_heads_enquotes, ocr_brokenwords_notecont_treaty,
tn_maghrebi_months_althead_jp; real UN and ANT text, frozen before the reader was scored on them: 0.933 /
0.723 at a03ea82). Each test but the last fails on a03ea82.
Left open: words OCR broke at a line's end without a hyphen («ميز انية») are left to the repair stage,
which joins most of them; a paragraph that ends on a full line without a blank line after it is joined to
the next (nothing marks the end); a treaty's two-line subtitle under «ملحق» is read as a paragraph."""

from __future__ import annotations

from pipeline.layouts import score_articles
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

IRAN = LAYOUT_ARTICLES / "ir_persian_abs_termnotes.txt"
JORDAN = LAYOUT_ARTICLES / "jo_policy_numparas_bilingual_heads_enquotes.txt"
OCR = LAYOUT_ARTICLES / "ocr_brokenwords_notecont_treaty.txt"
TUNISIA = LAYOUT_ARTICLES / "tn_maghrebi_months_althead_jp.txt"


def test_a_persian_abstract_is_a_passage_of_its_own_language():
    # «چکیده» was read as a second Arabic abstract, its label and «کلیدواژه‌ها» line inside the text.
    article = read_article(IRAN)
    persian = [p for p in article.passages if p.lang == "fa"]
    assert [p.kind for p in persian] == ["abstract"] and persian[0].text.startswith("پژوهش حاضر")
    assert article.metadata["keywords_fa"].text.startswith("دیپلماسی منطقه")
    assert not any("چکیده" in p.text or "کلیدواژه" in p.text for p in article.passages)


def test_keywords_labelled_al_kalimat_al_raisa():
    # «الكلمات الرئيسة:» was not a keywords label: no Arabic keywords, the line appended to the abstract.
    article = read_article(IRAN)
    assert [k.text for k in article.keywords_ar][:2] == ["الدبلوماسية الإقليمية", "الاتفاق النووي"]
    assert not any("الكلمات الرئيسة" in p.text for p in article.passages)


def test_english_term_notes_under_the_page_rule():
    # «1. Regional Diplomacy» under the rule, cited by «الإقليمية1», was an English list item.
    article = read_article(IRAN)
    notes = [p.text for p in article.passages_of("footnote")]
    assert notes == ["Regional Diplomacy", "Neighbourhood Policy", "Regional Security Complex",
                     "Joint Comprehensive Plan of Action (JCPOA)"]  # fmt: skip


def test_front_matter_and_page_furniture_of_the_iranian_article():
    # The Persian ISSN line, «نوع المقالة: ...» and the copyright line were paragraphs; a running head of
    # the title and «رضائي پور وجعفري» was a paragraph; the last page's number «94» was a reference.
    article = read_article(IRAN)
    assert article.metadata["issn"].text == "2345-6789" and article.metadata["issn_2"].text == "2345-6797"
    assert article.metadata["article_type"].text == "بحث علمي محكَّم"
    texts = [p.text for p in article.passages]
    assert not any(t.startswith(("شاپای", "نوع المقالة", "حقوق النشر")) or "رضائي پور" in t for t in texts)
    assert "94" not in texts and not any(p.text.strip().isdigit() for p in article.passages_of("reference"))


def test_a_persian_part_of_the_references():
    # «ب) المصادر الفارسية» was glued onto the Arabic entry before it.
    article = read_article(IRAN)
    assert "ب) المصادر الفارسية" in [s.heading for s in article.sections]
    assert not any("المصادر الفارسية" in p.text for p in article.passages)


def test_a_report_numbers_its_paragraphs_through_its_headings():
    # «1.», «2.» were list items, «3. ... أن:» a heading (the headings under it a level down), «11.» to
    # «13.» headings whose second lines became paragraphs.
    article = read_article(JORDAN)
    numbered = [p for p in article.passages if p.kind == "paragraph" and p.lang == "ar" and p.text[:1].isdigit()]
    assert [p.text.split(".")[0] for p in numbered] == [str(n) for n in range(1, 14)]
    assert not any(s.heading[:1].isdigit() and "." in s.heading[:3] for s in article.sections)
    assert [s.level for s in article.sections if s.heading.startswith(("أولاً", "ثانياً", "ثالثاً"))] == [1, 1, 1]


def test_a_references_heading_with_its_english_name():
    # «المراجع (References)» headed no references list: its entries were paragraphs, three of them merged.
    article = read_article(JORDAN)
    refs = article.passages_of("reference")
    assert len(refs) == 4 and refs[2].text.startswith("Cull, Nicholas J.")


def test_a_quoted_treaty_one_article_a_paragraph():
    # «المادة (٣)», «(٥)», «(٦)» were one paragraph, «(١)» glued to the subtitle above it.
    article = read_article(OCR)
    articles = [p.text for p in article.passages if p.text.startswith("المادة (")]
    assert [t[:10] for t in articles] == ["المادة (١)", "المادة (٢)", "المادة (٣)", "المادة (٥)", "المادة (٦)"]


def test_a_note_marker_alone_on_the_paragraphs_last_line():
    # «(٤).» on a line of its own under the quotation it cites: its note «(٤) المصدر نفسه» was body text.
    article = read_article(OCR)
    assert "المصدر نفسه، ص ٢١٥." in [p.text for p in article.passages_of("footnote")]


def test_the_twentieth_audit_set_does_not_fall():
    scores = score_articles([IRAN, JORDAN, OCR, TUNISIA])
    assert scores["right"] / scores["lines"] >= 0.99  # 0.933 held out, 0.996 after the fixes
    assert scores["lost"] == 0
