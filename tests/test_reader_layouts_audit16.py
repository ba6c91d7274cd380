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
    assert scores["right"] / scores["lines"] >= 0.99  # 0.969 held out
    assert scores["lost"] == 0
