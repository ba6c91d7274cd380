"""The reader on numbered headings and references lists laid out unlike the seed's.

The fixtures in tests/fixtures/layouts/ were cut from the articles of a new-user audit: their
sentences are real text (UN Parallel Corpus v1.0 test sets, ANT corpus v1.1), their headings
and lists the layouts of other Arabic journals (see the folder's README).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.headings import classify_heading, reference_heading_kind
from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"


def _sections(article):
    return [(s.level, s.heading) for s in article.sections]


def _section(article, heading: str):
    return next(s for s in article.sections if s.heading == heading)


def _in(article, section, kind: str | None = None):
    return [p for p in article.passages if p.section_id == section.id and (kind is None or p.kind == kind)]


# -- numbered headings -----------------------------------------------------------


def test_dash_numbered_headings_ending_with_a_colon_and_their_sub_levels():
    """«1- المقدمة:» was a list item (the colon counted as a sentence end) and «2-1 ...» a
    paragraph, so the article had no body heading at all."""
    article = read_article(LAYOUTS / "headings_numbered_dash.txt")
    assert _sections(article) == [
        (1, "1- المقدمة:"),
        (1, "2- الإطار النظري:"),
        (2, "2-1 مفهوم الأداة الاقتصادية في السياسة الخارجية:"),
        (2, "2-2 أشكال التعاون الاقتصادي:"),
        (1, "3- التعاون في مجال الطاقة:"),
        (2, "3-1 مشروع السيل التركي:"),
        (1, "4- الخاتمة:"),
        (1, "المراجع"),
    ]
    assert [s.number for s in article.sections[:7]] == ["1", "2", "2-1", "2-2", "3", "3-1", "4"]
    theory = _section(article, "2- الإطار النظري:")
    assert {s.parent for s in article.sections if s.number in ("2-1", "2-2")} == {theory.id}
    intro = _section(article, "1- المقدمة:")
    assert _in(article, intro)[0].text.startswith("انطلق اليوم الجمعة حزب الوطنيين")


def test_short_numbered_lines_one_after_another_stay_list_items():
    """Consecutive short numbered lines with no text between them are a list, not headings."""
    article = read_article(LAYOUTS / "headings_numbered_dash.txt")
    energy = _section(article, "3- التعاون في مجال الطاقة:")
    items = _in(article, energy, "list_item")
    assert [p.number for p in items] == ["1", "2", "3"]
    assert items[0].text == "إنتاج النفط والغاز الطبيعي ونقلهما"
    # The sentence that introduces them ends with a colon but is text, not a heading.
    intro = [p for p in _in(article, energy, "paragraph") if p.text.startswith("وبحث الوزراء")]
    assert len(intro) == 1 and intro[0].text.endswith("التالية:")
    assert not any(s.heading.startswith(("1- إنتاج", "2- التكنولوجيا")) for s in article.sections)


def test_dot_numbered_headings_in_a_text_without_blank_lines():
    """«1. المقدمة» was a list item joined with the next paragraph and «2.1» came out at level 1."""
    article = read_article(LAYOUTS / "headings_numbered_dot_lines.txt")
    assert _sections(article) == [
        (1, "1. المقدمة"),
        (1, "2. الإطار النظري للدراسة"),
        (2, "2.1 مفهوم الدبلوماسية متعددة الأطراف"),
        (2, "2.2 أدوات إدارة الأزمات"),
        (1, "3. دراسة الحالة"),
        (2, "3.1 الوساطة الإقليمية"),
        (2, "3.2 دور المنظمات الدولية"),
        (1, "4. النتائج والتوصيات"),
        (1, "References"),
    ]
    intro = _section(article, "1. المقدمة")
    first = _in(article, intro)[0]
    assert first.kind == "paragraph" and first.text.startswith("أكد رئيس الحكومة يوسف الشاهد")
    assert not any("المقدمة" in p.text for p in article.abstract("ar"))


def test_a_number_that_continues_the_other_punctuation_stays_at_its_level():
    """«3-» after «2.» and «2.1» is the third top heading, and «4-1» is under «4-», not a second «4»."""
    text = (LAYOUTS / "headings_numbered_dash.txt").read_text(encoding="utf-8")
    mixed = text.replace("1- المقدمة:", "1. المقدمة").replace("2- الإطار النظري:", "2. الإطار النظري")
    assert mixed != text
    article = read_article(mixed, name="mixed")
    assert [(s.level, s.number) for s in article.sections[:7]] == [
        (1, "1"),
        (1, "2"),
        (2, "2-1"),
        (2, "2-2"),
        (1, "3"),
        (2, "3-1"),
        (1, "4"),
    ]


# -- references headings -----------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "قائمة المصادر والمراجع",
        "References",
        "REFERENCES",
        "Bibliography",
        "المراجع المعتمدة",
        "الهوامش والمراجع",
        "قائمة المراجع والمصادر",
        "المصادر والمراجع العربية والأجنبية",
        "Works cited",
        "قائمة المراجع:",
    ],
)
def test_references_heading_variants_open_the_references_list(heading):
    text = (LAYOUTS / "references_unnumbered.txt").read_text(encoding="utf-8")
    varied = text.replace("\n\nالمراجع\n\n", f"\n\n{heading}\n\n")
    assert varied != text
    article = read_article(varied, name=heading)
    assert _sections(article)[-1] == (1, heading)
    section = article.sections[-1]
    assert [p.kind for p in _in(article, section)] == ["reference"] * 5


def test_unnumbered_entries_one_per_line_are_entries_each():
    """Author-year and dash-bulleted entries in one block were one passage tagged English."""
    article = read_article(LAYOUTS / "references_unnumbered.txt")
    refs = article.passages_of("reference")
    assert [p.text.split("(")[0].split(".")[0] for p in refs] == [
        "الشمري، أحمد ",
        "حسن، محمد ",
        "Hill, F",
        "Gallagher, Anne T",
        "UNODC",
    ]
    assert [p.lang for p in refs] == ["ar", "ar", "en", "en", "en"]
    assert all(p.number is None for p in refs)
    assert refs[3].text.endswith("Cambridge University Press, 2010.")  # the bullet is not part of the entry


def test_reference_parts_are_sub_headings_and_their_entries_stay_references():
    """«أولاً: المراجع العربية» under «المراجع» opened a level-1 section and ended the list."""
    article = read_article(LAYOUTS / "references_parts.txt")
    assert _sections(article) == [
        (1, "المقدمة"),
        (1, "المراجع"),
        (2, "أولاً: المراجع العربية"),
        (2, "ثانياً: المراجع الأجنبية"),
    ]
    refs_section = _section(article, "المراجع")
    assert {s.parent for s in article.sections[2:]} == {refs_section.id}
    refs = article.passages_of("reference")
    assert len(refs) == 7 and not article.passages_of("list_item")
    assert [p.number for p in refs[:2]] == ["1", "2"]
    assert [p.lang for p in refs] == ["ar", "ar", "en", "en", "ar", "ar", "en"]
    foreign = _section(article, "ثانياً: المراجع الأجنبية")
    assert len(_in(article, foreign, "reference")) == 5


def test_unnumbered_reference_parts_are_sub_headings_too():
    text = (LAYOUTS / "references_parts.txt").read_text(encoding="utf-8")
    plain = text.replace("أولاً: المراجع العربية", "المراجع العربية:").replace(
        "ثانياً: المراجع الأجنبية", "المراجع الأجنبية:"
    )
    assert plain != text
    article = read_article(plain, name="plain")
    assert _sections(article)[1:] == [(1, "المراجع"), (2, "المراجع العربية:"), (2, "المراجع الأجنبية:")]
    assert len(article.passages_of("reference")) == 7


def test_a_second_list_after_the_first_is_a_list_of_its_own():
    article = read_article(LAYOUTS / "references_two_lists.txt")
    assert _sections(article) == [(1, "المقدمة"), (1, "قائمة المصادر والمراجع"), (1, "References")]
    refs = article.passages_of("reference")
    assert [(p.number, p.lang) for p in refs] == [("1", "ar"), ("2", "en"), (None, "en"), (None, "en")]
    assert not article.passages_of("list_item")
    english = _section(article, "References")
    assert [p.text[:4] for p in _in(article, english)] == ["Rana", "Berr"]


def test_wrapped_entries_in_a_text_without_blank_lines_are_joined():
    """A word cut by hyphenation (United Na-) or a link cut after its first dot runs on, the link
    joined again without a space (the line end cut the address, it put no space in it)."""
    article = read_article(LAYOUTS / "headings_numbered_dot_lines.txt")
    refs = article.passages_of("reference")
    assert [p.lang for p in refs] == ["en", "en", "en", "ar", "ar"]
    assert refs[1].text.endswith("United Nations. https://undocs.org/A/69/801")
    assert refs[2].text.endswith("https://doi.org/10.1057/9781137445520")
    assert len(refs[2].spans) == 1  # the two lines are one block of the entry


# -- the words of a heading ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "style", "key", "depth"),
    [
        ("1. المقدمة", "num-dot", "1", 1),
        ("2.1 مفهوم الدبلوماسية", "num-dot", "2.1", 2),
        ("3-1 مشروع السيل التركي:", "num-dash", "3-1", 2),
        ("4-1 النتائج", "num-dash", "4-1", 2),
        ("4- الخاتمة", "num-dash", "4", 1),
    ],
)
def test_numbered_heading_words(line, style, key, depth):
    info = classify_heading(line)
    assert (info.style, info.key, info.depth) == (style, key, depth)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("قائمة المصادر والمراجع", "list"),
        ("Works cited", "list"),
        ("المراجع الأجنبية:", "part"),
        ("English references", "part"),
        ("الرسائل الجامعية", "category"),
        ("المصادر الرسمية تقول إن الاجتماع تأجل", None),
        ("Sources: UN data", None),
        ("قائمة الدول الأعضاء", None),
        ("المراجع 2015", None),
    ],
)
def test_reference_heading_words(line, kind):
    assert reference_heading_kind(line) == kind


def test_a_date_is_no_heading_number():
    assert classify_heading("15-3-2019 اجتماع اللجنة") is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("إشكالية البحث وفرضياته", "اشكاليه البحث"),
        ("أهمية الدراسة وأهدافها", "اهميه الدراسه"),
        ("منهج البحث وأدواته", "منهج البحث"),
        ("الخاتمة والتوصيات", "الخاتمه"),
        ("النتائج والمقترحات", "النتائج"),
    ],
)
def test_a_named_heading_with_what_wa_joins_to_it(text, key):
    info = classify_heading(text)
    assert info is not None and (info.style, info.key) == ("named", key)


@pytest.mark.parametrize("text", ["المقدمة والسياق العام للأزمة", "النتائج وتداعياتها على المنطقة", "الخاتمة و"])
def test_a_named_heading_joined_to_other_words_is_not_one(text):
    assert classify_heading(text) is None


def test_a_joined_named_heading_opens_its_section():
    # «إشكالية البحث وفرضياته» (Lebanese review) was a paragraph of the introduction.
    article = read_article(LAYOUT_ARTICLES / "leb_siyasa.txt")
    assert "إشكالية البحث وفرضياته" in [s.heading for s in article.sections]


@pytest.mark.parametrize(
    ("text", "style", "key"),
    [
        ("الجزء الأول: مرتكزات الحياد الإيجابي", "الجزء", "1"),
        ("الفقرة الأولى: وحدة القرار الخارجي", "الفقره", "1"),
        ("الفقرة الثانية", "الفقره", "2"),
        ("القسم الثالث: التحديات", "القسم", "3"),
        ("خلاصة", "named", "خلاصه"),
    ],
)
def test_maghrebi_plan_words_feminine_ordinals_and_khulasa(text, style, key):
    info = classify_heading(text)
    assert info is not None and (info.style, info.key) == (style, key)


def test_a_tunisian_plan_and_its_bracketed_given_names_in_the_references():
    article = read_article(LAYOUT_ARTICLES / "tn_rtepd.txt")
    headings = [s.heading for s in article.sections]
    assert any(h.startswith("الجزء الأول: مرتكزات الحياد الإيجابي") for h in headings)
    assert sum(h.startswith("الفقرة الأولى") for h in headings) == 2
    # «بن عاشور (رافع)،», "CHOUIKHA (L.) et GOBE (É.)," open entries (they were run together).
    refs = [p.text for p in article.passages if p.kind == "reference"]
    for start in ("بن عاشور (رافع)،", "الشابي (منصف)،", "BEN ACHOUR (Y.),", "CHOUIKHA (L.) et GOBE (É.),"):
        assert sum(t.startswith(start) for t in refs) == 1, start
    assert next(t for t in refs if t.startswith("CHOUIKHA")).endswith("La Découverte, Paris, 2015.")


def test_bracketed_reference_numbers_and_khulasa_as_the_conclusion():
    article = read_article(LAYOUT_ARTICLES / "qa_ajcs.txt")
    assert "خلاصة" in [s.heading for s in article.sections]  # was set aside as an abstract label
    refs = [p for p in article.passages if p.kind == "reference"]
    assert [p.number for p in refs][:4] == ["1", "2", "3", "4"]
    assert refs[0].text.startswith("البيت الأبيض") and "2017" in refs[0].text


def test_an_author_year_entry_runs_on_after_its_full_stop_without_blank_lines():
    article = read_article(LAYOUT_ARTICLES / "om_squ.txt")
    entry = next(p for p in article.passages if p.kind == "reference" and p.text.startswith("العبري، منى."))
    assert entry.text.endswith("مجلة الآداب والعلوم الاجتماعية، 11(1)، 45-68.")
