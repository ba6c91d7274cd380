"""The reader on the four layouts of the sixteenth audit (corpus/layouts/articles/kw_jss_sidebyside_box,
sa_imam_hijri_supnotes_quran, iq_en_first_arpage_toc, dz_bracketrefs_blockquotes; real UN and ANT
text, frozen before the reader was scored on them: 0.969 / 0.667 at 2dc080a). Two of its findings are
fixed (below); the others are written down in corpus/layouts/articles/README.md for a later round."""

from __future__ import annotations

from pipeline.layouts import score_articles
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

SAUDI = LAYOUT_ARTICLES / "sa_imam_hijri_supnotes_quran.txt"
KUWAIT = LAYOUT_ARTICLES / "kw_jss_sidebyside_box.txt"
IRAQ = LAYOUT_ARTICLES / "iq_en_first_arpage_toc.txt"
ALGERIA = LAYOUT_ARTICLES / "dz_bracketrefs_blockquotes.txt"


def test_notes_and_markers_in_superscript_brackets_with_arabic_indic_digits():
    # «الوزاري⁽١⁾.» and «⁽١⁾ سورة المائدة، الآية: ١.» at the page's foot: the notes were paragraphs and
    # no marker was linked.
    article = read_article(SAUDI)
    notes = article.passages_of("footnote")
    assert [p.number for p in notes] == ["1", "2", "3", "4", "5"]
    assert notes[0].text.startswith("سورة المائدة، الآية")
    assert not any("⁽" in p.text for p in article.passages_of("paragraph"))
    assert {c.number for p in article.passages_of("paragraph") for c in p.citations} >= {1, 2}


def test_an_english_title_whose_first_line_ends_with_a_colon():
    # Between the Arabic keywords and "Abstract:", "... (al-Siyasa al-Shar'iyya):" / "A Foundational
    # Study ...": the colon was read as a sentence's end and the title became a paragraph.
    title = read_article(SAUDI).title_en.text
    assert title.startswith("Treaties with Non-Muslims in Islamic Governance") and "Foundational Study" in title


def test_the_sixteenth_audit_set_does_not_fall():
    scores = score_articles([KUWAIT, SAUDI, IRAQ, ALGERIA])
    assert scores["right"] / scores["lines"] >= 0.985  # 0.969 held out (the box's label line is now set aside)
    assert scores["lost"] == 0


def test_references_that_end_in_hijri_years():
    # Six entries ending in Hijri years («١٤١٧هـ.»): they were two; a year closes an entry, so the next
    # name opens one. (Two merges are left: «القرآن الكريم.» has no year, and a hanging indent is not
    # read as a cue: an independent review found it cut entries in pdftotext -layout text.)
    refs = [p.text for p in read_article(SAUDI).passages_of("reference")]
    assert len(refs) == 4
    assert refs[1].startswith("ابن كثير، إسماعيل بن عمر") and refs[3].startswith("الغنيمي، محمد طلعت")


def test_references_indented_on_their_first_line_are_not_split(tmp_path):
    # The other way of setting a list: each entry's first line indented, its next lines flush.
    head = (
        "عنوان البحث في العلاقات الدولية المعاصرة\n\nد. أحمد علي\nجامعة بغداد\n\nالملخص:\n"
        "تتناول هذه الدراسة الدبلوماسية الرقمية في دول الخليج العربي وأثرها في صناعة القرار الخارجي.\n"
        "الكلمات المفتاحية: الدبلوماسية، الخليج.\n\nمقدمة\nنص المقدمة هنا طويل بما يكفي ليكون فقرة من فقرات البحث.\n\n"
        "المراجع\n"
    )
    refs = (
        "    الخطيب، منى، حماية الصحفيين في النزاعات المسلحة، بيروت: مركز دراسات\nالوحدة العربية، 2015.\n"
        "    عبد الله، محمد، الشرق الأوسط والسلاح النووي، بيروت: دار الساقي،\n2016.\n"
        "    سعد الله، عمر، القانون الدولي الإنساني، عمان: دار مجدلاوي، 2002.\n"
    )
    path = tmp_path / "first_indent.txt"
    path.write_text(head + refs, encoding="utf-8")
    entries = [p.text for p in read_article(path).passages_of("reference")]
    assert len(entries) == 3 and entries[0].endswith("الوحدة العربية، 2015.")


def test_an_abstract_box_set_side_by_side_is_read_in_its_two_columns():
    # «In the case of Mali, ...      وفي حالة مالي، طلب مجلس الأمن ...» on each line of the box: the box
    # was one mixed paragraph, no Arabic abstract was found and the article was refused.
    article = read_article(KUWAIT)
    abstracts = {p.lang: p.text for p in article.passages_of("abstract")}
    assert abstracts["en"].startswith("In the case of Mali, in its resolution 2085 (2012)")
    assert abstracts["ar"].startswith("وفي حالة مالي، طلب مجلس الأمن إلى الأمانة العامة")
    assert "In the case" not in abstracts["ar"] and "مالي" not in abstracts["en"]
    assert [k.text for k in article.keywords_ar][0] == "حفظ السلام"
