"""The reader on the four layouts of the twenty-third audit (corpus/layouts/articles/eg_boxframe_numparas,
gulf_cover_infographic_urlnotes, lb_frar_supletters_opcit, ma_tifinagh_trilingual; real UN and ANT text,
frozen before the reader was scored on them: 0.901 / 0.772 at 5200308, one of the four refused). Each test
fails on 5200308.
Until session 17 (2026-11-30) notes marked with superscript letters «ᵃ ᵇ ᶜ», lettered again on each page,
were paragraphs, and unnumbered reference entries that open with a name and a quoted title joined the entry
above. Left open: an infographic page's numbers and captions are paragraphs."""

from __future__ import annotations

from pathlib import Path

from pipeline.layouts import score_articles, unit_prf
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

EGYPT = LAYOUT_ARTICLES / "eg_boxframe_numparas.txt"
GULF = LAYOUT_ARTICLES / "gulf_cover_infographic_urlnotes.txt"
LEBANON = LAYOUT_ARTICLES / "lb_frar_supletters_opcit.txt"
MOROCCO = LAYOUT_ARTICLES / "ma_tifinagh_trilingual.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "audit23"


def test_abstracts_in_a_box_drawn_with_box_drawing_characters():
    # «┌───┐» / «│ الملخص │» ... «└───┘»: no abstract was found (the article was refused), and with the
    # check off the box was a paragraph with its borders in it.
    article = read_article(EGYPT)
    abstracts = article.passages_of("abstract")
    assert [p.lang for p in abstracts] == ["ar", "en"]
    assert not any(ch in p.text for p in article.passages for ch in "│┌┐└┘─")
    assert article.keywords_ar and article.keywords_en


def test_a_french_issue_line_is_no_english_title():
    # «N° 37 – Printemps 2022 – pp. 113-131» was the English title; the French title a paragraph.
    article = read_article(LEBANON)
    assert article.metadata["issue"].text.startswith("N° 37")
    assert article.title_en is not None and article.title_en.text.startswith("La diplomatie")


def test_the_maghrebi_introduction_and_bibliography_headings():
    # «تقديم» and «البيبليوغرافيا» were text: the introduction ran into the abstract, the entries were list items.
    article = read_article(FIXTURES / "maghrebi_heads.txt")
    assert [s.heading for s in article.sections][:1] == ["تقديم"]
    assert "البيبليوغرافيا" in [s.heading for s in article.sections]
    assert not article.passages_of("list_item")
    assert len(read_article(MOROCCO).passages_of("abstract")) == 3


def test_superscript_letter_markers_are_left_to_the_text(tmp_path):
    # The repair stage deleted «ᵃ», «ᵇ» glued to words as foreign letters and flagged «العربيᶜ» for «العربية».
    from pipeline.repair.lexicon import Lexicon
    from pipeline.repair.stage import RepairStage, load_repair_settings

    settings = load_repair_settings()
    article = RepairStage(Lexicon.load(settings.lexicon), settings)(read_article(FIXTURES / "supletter_notes.txt"))
    assert not [e for e in article.edits if any(ch in e.original for ch in "ᵃᵇᶜ")]


def test_the_twenty_third_audit_set_does_not_fall():
    scores = score_articles([EGYPT, GULF, LEBANON, MOROCCO])
    assert scores["right"] / scores["lines"] >= 0.96  # 0.901 held out, 0.963 after the fixes
    assert scores["lost"] == 0


def test_notes_marked_with_superscript_letters():
    # «ᵃ Georges CORM, ...» under a page's rule, the text above citing «البلديةᵃ.»: the notes were
    # paragraphs and the markers stayed in the text (the article's units 0.53).
    article = read_article(FIXTURES / "supletter_notes.txt")
    notes = article.passages_of("footnote")
    assert [n.text[:14] for n in notes] == ["Georges CORM, ", "وزارة الخارجية"]
    cited = [c.number for p in article.passages_of("paragraph") for c in p.citations]
    assert cited == [1, 2]
    assert not any(ch in p.text for p in article.passages for ch in "ᵃᵇ")
    # the paragraph the notes cut goes on after the page's head
    paragraphs = read_article(LEBANON).passages_of("paragraph")
    assert any("مؤامرة تقف وراءها أطراف سياسية" in p.text for p in paragraphs)
    assert unit_prf(score_articles([LEBANON]))[2] >= 0.86


def test_superscript_letters_cited_nowhere_are_no_notes(tmp_path):
    # Without the markers in the text the lines are no notes; nor are a French abbreviation's
    # superscripts («Mᵐᵉ», «1ᵉʳ») markers.
    raw = (FIXTURES / "supletter_notes.txt").read_text(encoding="utf-8")
    uncited = tmp_path / "uncited.txt"
    uncited.write_text(raw.replace("البلديةᵃ.", "البلدية.").replace("المنطقة\"ᵇ.", "المنطقة\"."), encoding="utf-8")
    assert not read_article(uncited).passages_of("footnote")
    french = tmp_path / "french.txt"
    french.write_text(raw.replace("راشد الغنوشي", "راشد الغنوشي (Mᵐᵉ Haddad, 1ᵉʳ janvier)"), encoding="utf-8")
    article = read_article(french)
    assert len(article.passages_of("footnote")) == 2
    assert any("Mᵐᵉ Haddad, 1ᵉʳ janvier" in p.text for p in article.passages_of("paragraph"))


def test_french_dates_and_reference_parts():
    # «Reçu le 12/10/2021 – Accepté le 03/02/2022» was a body paragraph; «Ouvrages» (the French
    # «الكتب») was a reference entry, not the head of the list's part.
    article = read_article(LEBANON)
    assert (article.metadata["received"].text, article.metadata["accepted"].text) == ("12/10/2021", "03/02/2022")
    assert not any("Reçu le" in p.text for p in article.passages)
    article = read_article(FIXTURES / "fr_refparts.txt")
    assert [s.heading for s in article.sections][-2:] == ["Ouvrages", "Articles"]
    assert [p.text[:6] for p in article.passages_of("reference")][:4] == ["CORM G", "SALAMÉ", "MAÏLA ", "MEIER "]


def test_unnumbered_entries_that_open_with_a_name_and_a_quoted_title():
    # «نادية مصطفى، "الأبعاد ..."» and "MEIER Daniel, « Le Liban ... »" after an entry that ended
    # («... 2012.», «pp. 41-58.») were read as the entry above's last lines.
    arabic = [p.text for p in read_article(EGYPT).passages_of("reference") if p.lang == "ar"]
    assert [t.split("،")[0] for t in arabic] == ["أيمن السيد عبد الوهاب", "محمد سالمان طايع", "نادية مصطفى"]
