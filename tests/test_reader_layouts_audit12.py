"""The reader on the four layouts of the twelfth audit (corpus/layouts/articles/bk_proceedings_discussion,
int_dialogue_qa, kw_votes_endnotes, tr_translated_notes: a chapter of a proceedings volume with its
discussion, an interview, a Kuwaiti paper with a table of UN votes and endnotes, a translated study
with the translator's star notes; real UN and ANT text, frozen before the reader was scored on
them: 0.867 / 0.771 at cfb52b8)."""

from __future__ import annotations

from pipeline.layouts import score_articles, unit_prf
from pipeline.reader import ReaderSettings, read_article

from .conftest import LAYOUT_ARTICLES

PROCEEDINGS = LAYOUT_ARTICLES / "bk_proceedings_discussion.txt"
INTERVIEW = LAYOUT_ARTICLES / "int_dialogue_qa.txt"
VOTES = LAYOUT_ARTICLES / "kw_votes_endnotes.txt"
TRANSLATED = LAYOUT_ARTICLES / "tr_translated_notes.txt"


def test_star_notes_among_a_pages_numbered_notes_are_notes():
    # The translator's «(*) ... (المترجم)» between «(1)» and «(2)» under the rule, its stars cited in
    # the text («المستوردة(*).»): it was a paragraph of the body, and so was every such note.
    article = read_article(TRANSLATED)
    notes = article.passages_of("footnote")
    stars = [p for p in notes if p.number == "*"]
    assert len(stars) >= 2
    assert stars[0].text.startswith("فريق الخبراء هيئة يعينها الأمين العام") and stars[0].text.endswith("(المترجم)")
    assert [p.number for p in notes[:3]] == ["1", "*", "2"]
    assert not any(p.text.startswith("(*)") for p in article.passages_of("paragraph"))


def test_a_translated_studys_byline_and_front_notes():
    # «ترجمة: ...» and «مراجعة: ...» were body paragraphs; the three notes «(*)», «(**)», «(***)»
    # at the foot of page 1 were one paragraph that ran on over the page break and took the
    # heading «تقديم المترجم» with it.
    article = read_article(TRANSLATED)
    meta = article.metadata
    assert meta["translator"].text.startswith("د. سامر عبد الكريم الخطيب")
    assert meta["reviewer"].text == "أ.د. نادية فؤاد منصور"
    assert meta["author_note"].text.startswith("(*) نُشرت هذه الدراسة أصلاً باللغة الإنجليزية")
    assert meta["author"].text.startswith("جوناثان ر. هيلمان")
    # (the author's note gives his post: his affiliation)
    assert meta["affiliation"].text.startswith("(**) أستاذ مشارك في العلاقات الدولية")
    assert article.sections[0].heading == "تقديم المترجم"
    assert not any("نُشرت هذه الدراسة" in p.text or "ترجمة:" in p.text for p in article.passages)


def test_an_interviews_questions_and_answers_are_paragraphs_of_their_own():
    # «س:» and «ج:» lines with no blank line and no short line before them: a question ran on as
    # the tail of the answer before it.
    article = read_article(INTERVIEW, settings=ReaderSettings(require_abstract=False))
    turns = [p.text[:2] for p in article.passages_of("paragraph") if p.text[:2] in ("س:", "ج:")]
    assert turns[:6] == ["س:", "ج:", "س:", "ج:", "س:", "ج:"]
    assert not any("\nس:" in p.text or " س: " in p.text for p in article.passages_of("paragraph"))


def test_the_votes_table_and_endnotes_are_read_as_before():
    article = read_article(VOTES)
    assert [p.number for p in article.passages_of("footnote")] == ["1", "2", "3", "4", "5", "6"]
    assert len(article.passages_of("reference")) == 4


def test_the_four_read_their_lines_right():
    """The four at the figures measured when they were added (held out, before these fixes:
    0.867 / 0.771); the proceedings chapter, with no abstract, still loses its title to the
    volume's «المصدر:» line."""
    total = score_articles((PROCEEDINGS, INTERVIEW, VOTES, TRANSLATED))
    assert total["lines"] == 428 and total["lost"] == 0
    assert total["right"] / total["lines"] >= 0.89
    assert unit_prf(total)[2] >= 0.89
