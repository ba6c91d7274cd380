"""The reader on the independent review's reproducers of the tenth audit's fixes (review 12).

Each file in tests/fixtures/review12/ is a real article of the corpus (the seed, or a layout
article with a damage transform) with one thing changed that a fix for the audit read wrongly:
the old reader (before the audit's fixes) read each of them as these tests ask.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review12"


def _read(name: str):
    path = FIXTURES / name
    return read_article(path.read_bytes(), name=path.name)


def _kinds(article, needle: str) -> list[tuple[str, str]]:
    return [(p.kind, p.lang) for p in article.passages if needle in p.text]


@pytest.mark.parametrize(
    ("name", "quote", "rest"),
    [
        # An English quotation inside the Arabic abstract (no Arabic keywords before the English part).
        ("r1_en_quote_cuts_ar_abstract.txt", '"Digital diplomacy is the use', "اذ شهد العالم تطويراً"),
        # The same with the languages swapped.
        ("r2_ar_quote_cuts_en_abstract.txt", None, None),
    ],
)
def test_a_quotation_in_the_other_language_does_not_cut_the_abstract(name, quote, rest):
    article = _read(name)
    abstracts = [p for p in article.passages if p.kind == "abstract"]
    if quote is not None:
        assert _kinds(article, quote) == [("abstract", "ar")]
        assert _kinds(article, rest) == [("abstract", "ar")]
    # every abstract passage of the first abstract's language comes before any of the other's
    langs = [p.lang for p in abstracts]
    assert langs == sorted(langs, key=langs.index) and len(set(langs)) == 2
    assert all(p.section_id is None for p in abstracts)


def test_a_line_by_line_bilingual_box_keeps_its_english_abstract_and_keywords():
    # eg_bilingual_box with digits damage: a page number splits the interleaved box.
    article = _read("r11_interleaved_box_keywords_en_lost.txt")
    assert [k.text for k in article.keywords_en][:2] == ["mediation", "Libyan crisis"]
    assert _kinds(article, "expressed was that Article 33 envisaged") == [("abstract", "en")]


def test_a_running_head_over_the_other_part_stays_covered():
    # struct_iran_gulf with no-break spaces: the journal's running head above the English title.
    article = _read("r8_uncovered_line_struct_iran_gulf_nbsp0.txt")
    raw = article.raw
    head = raw.index("مجلة ا\xa0لدراسات الخليجية\xa0 وا\xa0لدولية، المجلد 4، ا\xa0لعدد 2، 2021، 45-68")
    covered = [(s, e) for p in article.passages for s, e in p.spans] + list(article.structure_spans)
    covered += [(t.start, t.end) for t in article.metadata.values()]
    assert any(s <= head < e for s, e in covered)


def test_names_under_a_colon_are_no_letter_headings():
    article = _read("r3_abjad_names_heading.txt")
    assert not any(s.heading.startswith("أ. محمد") for s in article.sections)


def test_a_sentence_that_opens_with_shakl_is_no_figure_caption():
    article = _read("r4_running_sentence_into_figure.txt")
    assert _kinds(article, "شكل 2 من أشكال التواصل") == [("paragraph", "ar")]


def test_a_last_sentence_that_gives_a_date_stays_in_the_body():
    article = _read("r5_date_sentence_at_end.txt")
    assert _kinds(article, "وقد تم تحديث هذه الدراسة") == [("paragraph", "ar")]


def test_a_box_label_in_the_body_is_not_set_aside():
    # «معلومات البحث» on a line of its own in the body: the body's text (only the ASJP box's
    # label, above the abstracts, is set aside).
    article = _read("r6_box_label_heading_in_body.txt")
    assert _kinds(article, "معلومات البحث") == [("paragraph", "ar")]


def test_a_page_number_under_the_notes_that_cut_an_abstract_is_set_aside(seed_raw):
    # The seed, its Arabic abstract cut mid-sentence by a page's foot: a rule, an author's note
    # and the page number «ص 101» printed once, then a form feed and the rest of the abstract.
    lines = seed_raw.split("\n")
    cut = lines[43]
    half = cut[: len(cut) // 2].rsplit(" ", 1)[0]
    foot = [
        half,
        "____________________",
        "(1) كلية العلوم السياسية – جامعة بغداد.",
        "ص 101",
        "\f",
        cut[len(half) + 1 :],
    ]
    text = "\n".join(lines[:43] + foot + lines[44:]) + "\n"
    article = read_article(text.encode("utf-8"), name="seed_pagefoot.txt")
    assert _kinds(article, "ص 101") == []
    page = text.index("ص 101")
    assert any(s <= page < e for s, e in article.structure_spans)
    assert article.metadata["affiliation"].text.startswith("(1) كلية العلوم السياسية")
    assert [p.kind for p in article.passages if half[:30] in p.text] == ["abstract"]
