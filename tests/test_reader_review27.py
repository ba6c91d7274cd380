"""What an independent review of e5b651d found in its rule for a French abstract set before the
others (a «Mots-clés» line was required: real abstracts without one were lost), on 40 adversarial
articles written from real ANT sentences (tests/fixtures/review27/): each test fails on e5b651d."""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review27"


def _french(name: str) -> list[str]:
    return [p.kind for p in read_article(FIXTURES / f"{name}.txt").passages if p.lang == "fr"]


def test_a_french_abstract_first_without_keywords_is_read():
    # «Résumé : Cette étude examine ...» (prose, sentences, no «Mots-clés»): it became an English paragraph.
    assert _french("f01_resume_inline_prose_no_keywords") == ["abstract"]


def test_a_french_abstract_first_in_two_paragraphs_is_read():
    assert _french("f03_resume_two_paragraphs_then_motscles") == ["abstract", "abstract"]


def test_a_french_title_over_a_keywords_line_is_no_abstract():
    # «Résumé : la diplomatie numérique au Golfe» then «Mots-clés : ...»: five words of a title became
    # the French abstract and the English title was lost.
    article = read_article(FIXTURES / "f20_title_resume_next_block_motscles.txt")
    assert not [p for p in article.passages if p.lang == "fr" and p.kind == "abstract"]
