"""The reader on the four layouts of the nineteenth audit (corpus/layouts/articles/
eg_awwalan_bracketitems_unres, iq_supdigit_perpage_notes, lb_inlinekw_longlines_endabs,
ma_fr_first_motscles_frrefs; real UN and ANT text, frozen before the reader was scored on them: 0.953 /
0.942 at dec4619, three of its five findings invisible to the scorer). Each test fails on dec4619.
Left open: quoted operative paragraphs of a resolution («1 - يطلب ...») are list items, not a quotation;
«المبحث» chapters after the introduction's «أولاً/ثانياً» are a level too low (a rule that raised them
was withdrawn after three reviews found it misfiring where ordinals are the article's top parts:
tests/test_reader_review23.py ... review26.py)."""

from __future__ import annotations

from pipeline.layouts import score_articles
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

EGYPT = LAYOUT_ARTICLES / "eg_awwalan_bracketitems_unres.txt"
IRAQ = LAYOUT_ARTICLES / "iq_supdigit_perpage_notes.txt"
LEBANON = LAYOUT_ARTICLES / "lb_inlinekw_longlines_endabs.txt"
MOROCCO = LAYOUT_ARTICLES / "ma_fr_first_motscles_frrefs.txt"


def test_keywords_run_on_at_the_end_of_the_abstract():
    # «... وما إلى ذلك. كلمات مفتاحية: النأي بالنفس، ...» on the abstract's last line: no Arabic keyword
    # was found and the label stayed in the abstract.
    article = read_article(LEBANON)
    assert [k.text for k in article.keywords_ar][:2] == ["النأي بالنفس", "الحياد"]
    abstracts = [p.text for p in article.passages_of("abstract") if p.lang == "ar"]
    assert abstracts[-1].endswith("وما إلى ذلك.") and not any("كلمات مفتاحية" in t for t in abstracts)


def test_a_french_abstract_set_before_the_arabic_one():
    # «Résumé :» over the French abstract, above «ملخص:»: its lines were read as the English title and a
    # paragraph overlapping the abstract and the French keywords.
    article = read_article(MOROCCO)
    assert article.title_en is None or "présente" not in article.title_en.text
    french = [p for p in article.passages if p.lang == "fr"]
    assert [p.kind for p in french] == ["abstract"]
    spans = sorted(span for p in article.passages for span in p.spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # no two passages overlap
    assert not any(p.kind == "paragraph" and p.start < french[0].end for p in article.passages)


def test_a_references_part_headed_in_french():
    # «Références en français :» was glued onto the last Arabic entry, the French entries under the Arabic part.
    article = read_article(MOROCCO)
    assert "Références en français :" in [s.heading for s in article.sections]
    assert not any(p.text.endswith("Références en français :") for p in article.passages_of("reference"))


def test_the_nineteenth_audit_set_does_not_fall():
    scores = score_articles([EGYPT, IRAQ, LEBANON, MOROCCO])
    assert scores["right"] / scores["lines"] >= 0.955  # 0.953 held out; the quoted clauses are list items
    assert scores["lost"] == 0
