"""The reader on the four layouts of the eighth audit (corpus/layouts/articles/th_*, struct_*,
brief_*, review_*: a thesis extract, a structured-abstract journal, a think-tank policy brief and
a book review; real UN and ANT text, frozen before the reader was scored on them)."""

from __future__ import annotations

from pipeline.reader import ReaderSettings, read_article

from .conftest import LAYOUT_ARTICLES

THESIS = LAYOUT_ARTICLES / "th_tunisia_libya.txt"
STRUCT = LAYOUT_ARTICLES / "struct_iran_gulf.txt"
BRIEF = LAYOUT_ARTICLES / "brief_gulf_mediation.txt"
REVIEW = LAYOUT_ARTICLES / "review_cyber_book.txt"


def _set_aside(article, line: str) -> bool:
    start = article.raw.index(line)
    return any(s <= start and start + len(line) <= e for s, e in article.structure_spans)


def test_a_table_of_contents_with_dotted_leaders_is_set_aside():
    # «ملخص ...... ج» in the thesis's فهرس المحتويات opened the abstract: the contents were read as
    # the abstract and the real abstract page as paragraphs.
    article = read_article(THESIS)
    (ar,) = article.abstract("ar")
    assert ar.text.startswith("غير أن دراسات وتقييمات")
    assert not any("....." in p.text for p in article.passages)
    for line in ("فهرس المحتويات", "ملخص ....", "الفصل الأول: الإطار المفاهيمي للدراسة ....", "الملاحق ...."):
        assert _set_aside(article, line), line
    # one dotted line (a form to fill in) is no table of contents
    raw = "الملخص\nتتناول الدراسة الدبلوماسية.\n\nمقدمة\nالاسم ........................ 1\nوتبدأ الدراسة بتعريف المفهوم.\n"
    one = read_article(raw, settings=ReaderSettings(require_abstract=False))
    assert any("الاسم" in p.text for p in one.passages)
