"""The reader on the four layouts of the thirteenth audit (corpus/layouts/articles/caus_mustaqbal_treaty,
dz_trilingual_ocr, lb_en_first_starnotes, pp_toc_recs_aidigits: a CAUS-style study quoting treaty
articles, an Algerian paper with three abstracts and OCR-damaged labels, a Lebanese paper whose English
title page comes first, a think tank's policy paper with a contents page and endnotes in Arabic-Indic
digits; real UN and ANT text, frozen before the reader was scored on them: 0.929 / 0.818 at 471f8bd)."""

from __future__ import annotations

from pipeline.layouts import score_articles, unit_prf
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

TREATY = LAYOUT_ARTICLES / "caus_mustaqbal_treaty.txt"
TRILINGUAL = LAYOUT_ARTICLES / "dz_trilingual_ocr.txt"
ENGLISH_FIRST = LAYOUT_ARTICLES / "lb_en_first_starnotes.txt"
POLICY_PAPER = LAYOUT_ARTICLES / "pp_toc_recs_aidigits.txt"

ABSTRACT = (
    "ملخص\nتتناول هذه الدراسة الدبلوماسية الرقمية في دول الخليج العربي وأثرها في صناعة القرار الخارجي، "
    "وتبين أدواتها ومخاطرها من خلال أمثلة حديثة من المنطقة.\nالكلمات المفتاحية: الدبلوماسية، الخليج.\n\n"
    "مقدمة\nنص المقدمة هنا طويل بما يكفي ليكون فقرة من فقرات البحث في هذا الموضوع المهم جدا.\n"
)
TITLE = "الأمن الإقليمي في الخليج العربي بعد عام 2011"


def test_labels_that_pdf_text_broke_inside_a_word_are_labels():
    # «ا لكلمات المفتاحية:» (a space after the non-joining alef) and "Abstrac t:": the Arabic keywords
    # ran into the abstract, and the English abstract's first line became a paragraph and its second
    # line an English affiliation.
    article = read_article(TRILINGUAL)
    assert [k.text for k in article.keywords_ar][:2] == ["الساحل الإفريقي", "عدم التدخل"]
    assert [k.text for k in article.keywords_en][:2] == ["Sahel", "non-interference"]
    english = [p for p in article.passages_of("abstract") if p.lang == "en"]
    assert len(english) == 1 and english[0].text.startswith("In October 2014, UNSMIL visited")
    assert "affiliation_en" not in article.metadata
    assert not any("لكلمات المفتاحية" in p.text or "Abstrac" in p.text for p in article.passages)


def test_an_english_title_page_names_its_journal_above_the_title():
    # The journal's name on the first line was taken as the English title; the title became a paragraph.
    article = read_article(ENGLISH_FIRST)
    assert article.title_en.text.startswith("The League of Arab States and Nuclear Non-Proliferation:")
    assert article.metadata["journal"].text == "Lebanese Journal of Politics and International Relations"
    assert article.metadata["author_en"].text == "Karim Nassif Haddad"
    assert article.title_ar.text.startswith("جامعة الدول العربية ومنع الانتشار النووي")


def test_a_byline_marked_with_a_bracketed_star_and_its_note_over_three_lines():
    # «منى عبد الرزاق الخطيب(*)» was a paragraph; the title was taken from the second line of the
    # star note at the page's foot, and the note's first line was the publisher.
    article = read_article(TREATY)
    meta = article.metadata
    assert article.title_ar.text.startswith("حماية الصحفيين في النزاعات المسلحة:")
    assert meta["author"].text == "منى عبد الرزاق الخطيب(*)"
    assert meta["affiliation"].text.startswith("(*) أستاذة القانون الدولي العام")
    assert meta["affiliation"].text.endswith("أثناء النزاعات المسلحة.")
    assert meta["journal"].text == "المستقبل العربي" and "publisher" not in meta
    # (a title's second line with its note's star stays the title's: the twelfth audit's study)
    translated = read_article(LAYOUT_ARTICLES / "tr_translated_notes.txt")
    assert translated.title_ar.text.endswith("حالة دارفور وحدود الرقابة الدولية(*)")


def test_a_bare_name_under_the_title_is_the_byline():
    # No affiliation, no mark, no academic title: the name was the title.
    for gap in ("\n\n", "\n"):
        text = f"المستقبل العربي\n\n{TITLE}{gap}محمد الأمين\n\n{ABSTRACT}"
        article = read_article(text)
        assert article.title_ar.text == TITLE
        assert article.metadata["author"].text == "محمد الأمين"


def test_a_subtitle_in_a_block_of_its_own_is_no_byline():
    for subtitle in ("دراسة حالة", "رؤية مستقبلية"):
        article = read_article(f"المستقبل العربي\n\n{TITLE}\n\n{subtitle}\n\n{ABSTRACT}")
        assert "author" not in article.metadata
    short_title = read_article(f"المستقبل العربي\n\nدبلوماسية القمة\n\n{ABSTRACT}")
    assert short_title.title_ar.text == "دبلوماسية القمة" and "author" not in short_title.metadata


def test_numbered_clauses_of_a_quoted_treaty_article_are_no_footnotes():
    # «المادة 79: ...» then «1 - يعد الصحفيون ...», «2 - يجب حمايتهم ...»: the article cites (1) and (2)
    # before, so the clauses were footnotes 1 and 2 (each number twice); «المادة 2 (7)» lost its (7).
    article = read_article(TREATY)
    notes = article.passages_of("footnote")
    assert [p.number for p in notes] == [str(n) for n in range(1, 9)]
    assert not any("يعد الصحفيون" in p.text for p in notes)
    quoted = next(p for p in article.passages_of("paragraph") if p.text.startswith("«المادة 79"))
    # (one passage: the short line that ends clause 1 does not end the quotation, 3ff8ae8)
    assert "1 - يعد الصحفيون" in quoted.text and "2 - يجب حمايتهم" in quoted.text
    assert any(p.text.startswith("«المادة 2 (7): ليس في هذا الميثاق") for p in article.passages)


def test_a_references_list_in_parts_named_by_language_and_kind_of_source():
    # «1 - العربية», «وثائق», «2 - الأجنبية», "Periodicals" were entries, and «1 - العربية» made the
    # list a numbered one, so that the unnumbered entries ran together.
    article = read_article(TREATY)
    headings = [s.heading for s in article.sections]
    assert headings[-5:] == ["1 - العربية", "كتب", "وثائق", "2 - الأجنبية", "Periodicals"]
    refs = [p.text for p in article.passages_of("reference")]
    assert len(refs) == 5
    assert refs[1].startswith("مركز حماية وحرية الصحفيين. تقرير") and refs[2].startswith("مجلس الأمن. القرار 2222")


def test_a_list_under_a_heading_at_a_pages_foot_and_the_paragraph_after_a_list():
    # «التوصيات» then «١. ...» to «٥. ...» at the page's foot: the first three were footnotes. A
    # paragraph set flush after a list whose items wrap onto indented lines ran on as the last item.
    article = read_article(POLICY_PAPER)
    items = [(p.number, p.text[:12]) for p in article.passages_of("list_item") if p.number != "•"]
    assert [n for n, _ in items] == ["١", "٢", "٣", "١", "٢", "٣", "٤", "٥"]
    assert [p.number for p in article.passages_of("footnote")] == ["1", "2", "3", "4", "5"]
    third = next(p for p in article.passages_of("list_item") if p.text.startswith("سيناريو الانكماش"))
    assert third.text.endswith("وانسحاب الدول المساهمة.")
    assert any(p.text.startswith("وجاء الاستفتاء بعد حملة حشد") for p in article.passages_of("paragraph"))


def test_the_thirteenth_audit_set_scores():
    paths = [TREATY, TRILINGUAL, ENGLISH_FIRST, POLICY_PAPER]
    scores = score_articles(paths)
    assert scores["right"] / scores["lines"] >= 0.98  # 0.929 held out
    assert unit_prf(scores)[2] >= 0.93  # 0.818 held out
