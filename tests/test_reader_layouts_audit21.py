"""The reader on the four layouts of the twenty-first audit (corpus/layouts/articles/
dz_enabs_first_kwswap_apa_wrapdoi, ly_ocr_debris_lamalef, sa_dipl_khulasa_box_ibid, sy_lb_html_export_junk;
real UN and ANT text, frozen before the reader was scored on them: 0.936 / 0.820 at a03ea82, 0.938 /
0.850 once three truth mistakes of the audit were mended, as the corpus has them). Each test but the
last fails on a03ea82.
Left open: OCR's broken lam-alef «ال أمني» and words with debris inside are left to the repair stage."""

from __future__ import annotations

from pipeline.layouts import score_articles
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

ALGERIA = LAYOUT_ARTICLES / "dz_enabs_first_kwswap_apa_wrapdoi.txt"
LIBYA = LAYOUT_ARTICLES / "ly_ocr_debris_lamalef.txt"
SAUDI = LAYOUT_ARTICLES / "sa_dipl_khulasa_box_ibid.txt"
WEB = LAYOUT_ARTICLES / "sy_lb_html_export_junk.txt"


def test_recommendations_numbered_with_ordinal_words_are_a_list():
    # «أولاً: ...» ... «رابعاً: ...» under «... توصي الدراسة بما يلي:»: the wrapped ones were sections (the
    # rest of the conclusion under «ثالثاً»), the others paragraphs.
    article = read_article(SAUDI)
    items = article.passages_of("list_item")
    assert [p.number for p in items] == ["1", "2", "3", "4"]
    assert items[0].text.startswith("إنشاء وحدة للإنذار المبكر") and items[0].text.endswith("الوطنية.")
    assert not any(s.heading.startswith(("أولاً: إنشاء", "ثالثاً: تأهيل")) for s in article.sections)


def test_a_box_between_heavy_rules():
    # «الخلاصة» between two ▬ rules was one paragraph opening with forty ▬, the bottom rule another.
    article = read_article(SAUDI)
    assert not any("▬" in p.text for p in article.passages)
    assert any(p.text.startswith("تبين الدراسة أن الدبلوماسية الوقائية") for p in article.passages)


def test_english_keywords_after_the_arabic_ones():
    # English abstract, Arabic abstract, Arabic keywords, then "Keywords:": the English list was a paragraph.
    article = read_article(ALGERIA)
    assert [k.text for k in article.keywords_en][:3] == ["Algerian diplomacy", "Libyan crisis", "political settlement"]
    assert not any(p.text.startswith("Keywords") for p in article.passages)


def test_apa_entries_with_wrapped_page_ranges_and_links():
    # «... 211-» / «234. https://...» opened an entry numbered 234; a DOI cut at the line's end got a space.
    article = read_article(ALGERIA)
    refs = article.passages_of("reference")
    assert not any(p.number == "234" for p in refs)
    shalabi = next(p.text for p in refs if p.text.startswith("شلبي"))
    assert "211-234." in shalabi and "https://www.asjp.cerist.dz/en/article/128735" in shalabi
    acharya = next(p.text for p in refs if p.text.startswith("Acharya"))
    assert acharya.endswith("https://doi.org/10.1111/isqu.12171")


def test_ordinal_headings_split_by_ocr():
    # «أول اً :», «ث انياً :» were glued into the paragraphs under them.
    article = read_article(LIBYA)
    assert [s.number for s in article.sections if s.heading.startswith(("أول", "ث "))] == ["1", "2", "3"]


def test_scanner_debris_lines_and_rules_with_a_stray_stop():
    # «|» above the title was part of the title; «l» and «|» alone were paragraphs; «ـــــ .» rules too.
    article = read_article(LIBYA)
    assert article.title_ar is not None and not article.title_ar.text.startswith("|")
    assert not any(p.text.strip() in ("l", "|") or "ـــــ" in p.text for p in article.passages)


def test_a_web_page_saved_as_text():
    # The skip link, menu, breadcrumb, share bars, «اقرأ أيضاً» boxes, related articles and credits were
    # paragraphs, list items and references; the breadcrumb was the issue; «اقرأ أيضاً:» ran into the
    # last keyword; the publication date was a paragraph.
    article = read_article(WEB)
    junk = ("تخطَّ", "الرئيسية", "شارك المقال", "اقرأ أيضاً", "مقالات ذات صلة", "↑", "ISSN", "◄", "<https://")
    assert not any(p.text.lstrip(" •").startswith(junk) or "shurufat-journal.org" in p.text for p in article.passages)
    assert article.metadata["issue"].text.startswith("العدد 14")
    assert article.metadata["published"].text == "14 كانون الثاني/يناير 2021"
    assert article.keywords_ar[-1].text == "الوساطة الدولية"
    assert len(article.passages_of("reference")) == 5  # the five entries, no more


def test_the_twenty_first_audit_set_does_not_fall():
    scores = score_articles([ALGERIA, LIBYA, SAUDI, WEB])
    assert scores["right"] / scores["lines"] >= 0.99  # 0.938 held out, 1.000 after the fixes
    assert scores["lost"] == 0
