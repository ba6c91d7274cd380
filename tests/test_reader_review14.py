"""The reader on the second independent review's reproducers (review 14, of the fixes to review 13
and the twelfth audit).

Each file in tests/fixtures/review14/ is made from the seed article's lines or an ANT news text with
one thing changed that a fix read worse than the reader before the eleventh audit: a news story's
lead taken into the front matter, a UN document symbol read as an interview's answer, a book
review's or a translation's label read as a byline, an abstract cut by «بدعم من» in its text.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import ReaderSettings, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review14"


def _read(name: str, **settings):
    path = FIXTURES / name
    return read_article(path.read_bytes(), name=path.name, settings=ReaderSettings(**settings))


def test_a_news_lead_under_a_headline_that_is_no_title_stays_text():
    # «11 متنافسا على كرسي "الايليزي" : من هم؟» opens with a number and ends with a question mark:
    # no title line. The lead paragraphs above the first heading became the archive notice.
    article = _read("R1_news_digit_headline_noabs.txt", require_abstract=False)
    assert "archive_notice" not in article.metadata
    assert any(p.text.startswith("تستعد فرنسا للسباق الانتخابي") for p in article.passages_of("paragraph"))


def test_a_un_document_symbol_at_a_line_start_opens_no_answer():
    # «A/RES/70/1 هو رمز القرار ...» wrapped to a line's start after a finished sentence.
    article = _read("R2_ares_wrap.txt")
    (paragraph,) = [p for p in article.passages_of("paragraph") if "A/RES/70/1" in p.text]
    assert paragraph.text.startswith("اعتمدت الجمعية العامة خطة التنمية المستدامة")


def test_review_and_translation_labels_without_a_name_are_no_byline():
    # «مراجعة: كتاب ...» heads a book review; «ترجمة: عن الفرنسية» says from what language.
    article = _read("R3_review_heading.txt")
    assert "reviewer" not in article.metadata
    assert any(p.text.startswith("مراجعة: كتاب الأمن السيبراني") for p in article.passages)
    article = _read("R4_translated_from.txt")
    assert "translator" not in article.metadata


def test_support_named_inside_an_unlabelled_abstract_does_not_cut_it():
    # «... بدعم من ...» inside the Arabic abstract (no label) was taken for a funding statement,
    # and everything above it was lost with the keywords.
    article = _read("L2_ar_nolabel_bidam.txt")
    (ar,) = article.abstract("ar")
    assert ar.text.startswith("تتناول هذه الدراسة الدبلوماسية الرقمية") and "بدعم من" in ar.text
    assert [k.text for k in article.keywords_ar] == ["الدبلوماسية", "الرقمية", "ادوات", "العلاقات الدولية"]
