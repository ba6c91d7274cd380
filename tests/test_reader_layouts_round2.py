"""The reader on layouts a second held-out audit found it misread.

The fixtures ``tests/fixtures/layouts/r2_*.txt`` were cut from that audit's repros: their
sentences are real text (UN Parallel Corpus v1.0 test sets, ANT corpus v1.1; see the folder's
README), their layout that of other Arabic journals. Before these tests

* an English title, byline and abstract set after the references made the whole body front
  matter (headings read as paragraphs, the references one paragraph), or the English title a
  reference entry;
* a two-line Arabic title lost its first line, and the ``____`` rules around the abstract were
  paragraphs;
* references numbered ``(1) (2) (3)`` or unnumbered one per line (Chicago style) were one entry;
* dates labelled «الاستلام: … القبول: … النشر:» (no «تاريخ») were a paragraph, and the note
  «* المؤلف المرسل.» an English abstract passage.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import LAYOUT_ARTICLES
from .test_reader_layouts_front import _meta, _read  # offsets of every title and field checked there

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"


def _raw(name: str) -> str:
    return (LAYOUTS / name).read_text(encoding="utf-8")


def _sections(article) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for s in article.sections]


def _structure(article) -> list[str]:
    return [article.raw[s:e] for s, e in article.structure_spans]


# -- (A) the English part after the references ---------------------------------------------

_TITLE_EN = "The Transformation of Turkish Foreign Policy towards the Middle East"
_BYLINE_EN = "Dr. Haider Abdulkareem Al-Jubouri"
# The same list as author-year entries (the earlier audit's a3 layout), an English one last.
_AUTHOR_YEAR_REFS = (
    "الشمري، أحمد (2018). الأداة الاقتصادية في السياسة الخارجية. عمان: دار الحامد.\n"
    "Hill, F., & Taspinar, O. (2006). Turkey and Russia: Axis of the excluded? Survival, 48(1), 81-92.\n"
)


def _english_part_variants() -> dict[str, str]:
    raw = _raw("r2_english_part_at_end.txt")
    refs = raw[raw.index("1. أحمد داود") : raw.index("\n\n" + _TITLE_EN) + 1]
    return {
        "blank-lines": raw,
        # no blank lines at all: the text is read line by line
        "line-by-line": re.sub(r"\n\s*\n", "\n", raw),
        # a bare name under the title (no «Dr.») and author-year entries before it
        "bare-name-author-year": raw.replace(_BYLINE_EN, "Haider Abdulkareem Al-Jubouri").replace(
            refs, _AUTHOR_YEAR_REFS
        ),
    }


@pytest.mark.parametrize("variant", ["blank-lines", "line-by-line", "bare-name-author-year"])
def test_english_title_byline_and_abstract_after_the_references(variant):
    text = _english_part_variants()[variant]
    article = _read(variant, text)
    meta = _meta(article)
    assert article.title_ar.text == "التحول في السياسة الخارجية التركية تجاه الشرق الأوسط"
    assert article.title_en.text == _TITLE_EN  # (it was the last reference entry, or a paragraph)
    assert meta["author"] == "أ.م.د. حيدر عبد الكريم الجبوري"
    assert meta["author_en"].endswith("Haider Abdulkareem Al-Jubouri")
    # The body between the Arabic abstract and the English part is the body: its headings are
    # sections, its references entries.
    assert _sections(article) == [(1, "1. المقدمة"), (1, "2. الإطار النظري"), (1, "المصادر")]
    refs = article.passages_of("reference")
    assert len(refs) == 2
    assert refs[-1].lang == "en" and refs[-1].section_id == article.sections[-1].id
    assert not any("Transformation" in p.text or "Al-Jubouri" in p.text for p in refs)
    # Both abstracts and keyword lists.
    abstracts = article.passages_of("abstract")
    assert [p.lang for p in abstracts] == ["ar", "en"]
    assert abstracts[1].text.startswith("Follow-up to the Indonesian-Swiss")
    assert abstracts[1].text.endswith("developed by the group.")
    assert [k.text for k in article.keywords_en] == ["Turkey", "foreign policy", "Middle East"]
    assert [k.text for k in article.keywords_ar] == ["تركيا", "السياسة الخارجية", "الشرق الأوسط"]
    # Each body paragraph is in its section, and no front-matter line is a paragraph.
    paragraphs = article.passages_of("paragraph")
    assert [p.section_id for p in paragraphs] == [s.id for s in article.sections[:2]]
    assert not any(_TITLE_EN in p.text for p in article.passages)


def test_english_part_at_the_end_under_headings_the_reader_does_not_know():
    """Far more text than a title page holds between the abstracts is a body, headings or not."""
    raw = _raw("r2_english_part_at_end.txt")
    plain = raw.replace("1. المقدمة", "تقديم عام").replace("2. الإطار النظري", "في الإطار")
    assert plain != raw
    article = _read("plain", plain)
    assert article.title_en.text == _TITLE_EN
    assert _meta(article)["author_en"] == _BYLINE_EN
    assert [p.lang for p in article.passages_of("abstract")] == ["ar", "en"]
    assert len(article.passages_of("reference")) == 2
    assert any(p.text.startswith("وقال شرف الدين") for p in article.passages_of("paragraph"))


# -- (B) two-line titles and rule lines ----------------------------------------------------

_TITLE_LINES = ("الدبلوماسية متعددة الأطراف ودور الأمم المتحدة في تسوية", "النزاعات الإقليمية: مقاربة تحليلية")


@pytest.mark.parametrize(
    ("second_line", "byline"),
    [
        (_TITLE_LINES[1], "د. سامية بن علي"),
        # a second line that could be a name (no colon, no preposition): the byline is further down
        ("النزاعات الإقليمية المعاصرة", "د. سامية بن علي"),
        ("النزاعات الإقليمية المعاصرة", "سامية بن علي"),  # ... a bare name above the affiliation
    ],
    ids=["subtitle-with-colon", "name-like-second-line", "bare-name-byline"],
)
def test_two_line_title_is_read_whole(second_line, byline):
    raw = _raw("r2_two_line_title_rules.txt")
    text = raw.replace(_TITLE_LINES[1], second_line).replace("د. سامية بن علي", byline)
    article = _read("title", text)
    assert article.title_ar.text == f"{_TITLE_LINES[0]}\n{second_line}"
    meta = _meta(article)
    assert meta["author"] == byline
    assert meta["affiliation"] == "جامعة تونس المنار"
    assert meta["journal"] == "مجلة العلوم السياسية والقانون – المجلد 7، العدد 2، 2023"
    assert not any(_TITLE_LINES[0] in p.text for p in article.passages)


def test_rule_lines_are_structure_not_text():
    raw = _raw("r2_two_line_title_rules.txt")
    article = _read("rules", raw)
    rule = "_" * 60
    assert raw.count(rule) == 2
    assert _structure(article).count(rule) == 2
    assert not any("___" in p.text for p in article.passages)
    abstracts = article.passages_of("abstract")
    assert len(abstracts) == 1 and abstracts[0].text.endswith("الذي وضعه الفريق.")
    assert [k.text for k in article.keywords_ar] == ["الدبلوماسية", "الأمم المتحدة", "الوساطة"]
    # Rules made of other characters, and a rule inside a paragraph's block, are structure too.
    for other in ("==========", "* * *", "──────────", "- - - - -"):
        body = raw.replace("ذلك رفضه لمشروع قانون المصالحة..", f"{other}\nذلك رفضه لمشروع قانون المصالحة..")
        assert body != raw
        got = _read(other, body)
        assert other in _structure(got)
        assert not any(other in p.text for p in got.passages)


# -- (C) references ------------------------------------------------------------------------


def test_unnumbered_chicago_entries_one_per_line_are_entries_each():
    article = _read("chicago", _raw("r2_references_chicago.txt"))
    assert _sections(article) == [(1, "الخاتمة"), (1, "المراجع")]
    refs = article.passages_of("reference")
    assert [p.text for p in refs] == [
        "الخطيب، منى. الأمن في الساحل الأفريقي. القاهرة: مركز الأهرام، 2018.",
        "Williams, Paul D. War and Conflict in Africa. Cambridge: Polity Press, 2016.",
        "African Union. Protocol Relating to the Establishment of the Peace and Security Council. Durban, 2002.",
    ]
    assert [p.lang for p in refs] == ["ar", "en", "en"]


def test_an_unnumbered_entry_wrapped_after_a_full_stop_is_still_one_entry():
    """A line that starts with a name continues an entry that has no year yet."""
    raw = _raw("r2_references_chicago.txt")
    wrapped = raw.replace(
        "Williams, Paul D. War and Conflict in Africa. Cambridge: Polity Press, 2016.",
        "Williams, Paul D. War and Conflict in Africa.\nPolity Press, Cambridge, 2016.",
    )
    assert wrapped != raw
    refs = _read("wrapped", wrapped).passages_of("reference")
    assert len(refs) == 3
    assert refs[1].text == "Williams, Paul D. War and Conflict in Africa. Polity Press, Cambridge, 2016."


def test_entries_numbered_in_brackets_are_entries_each():
    article = _read("parenthesized", _raw("r2_references_parenthesized.txt"))
    assert _sections(article) == [(1, "الخاتمة"), (1, "المصادر")]
    refs = article.passages_of("reference")
    assert [p.number for p in refs] == ["1", "2", "3"]
    assert refs[0].text == "أحمد داود أوغلو، العمق الاستراتيجي، بيروت: الدار العربية للعلوم، 2010."
    # the year in brackets on the next line is no entry number: the entry runs on to it
    assert refs[2].text.startswith("Aras, Bülent.") and refs[2].text.endswith("no. 3 (2009): 127-142.")
    assert [p.lang for p in refs] == ["ar", "ar", "en"]


# -- (D) dates without «تاريخ» and the starred note ------------------------------------------


def test_dates_without_the_word_date_and_the_starred_note_are_front_matter():
    article = _read("dates", _raw("r2_dates_star_note.txt"))
    meta = _meta(article)
    assert (meta["received"], meta["accepted"], meta["published"]) == ("2022/01/15", "2022/04/02", "2022/06/30")
    assert {"الاستلام: ", "القبول: ", "النشر: "} <= set(_structure(article))  # the labels
    assert meta["author"] == "كريم مساعدية *"
    assert meta["author_note"] == "* المؤلف المرسل."
    assert article.title_ar.text == "الأمن الطاقوي في منطقة المتوسط: قراءة في السياسة الخارجية الجزائرية"
    abstracts = article.passages_of("abstract")
    assert [p.lang for p in abstracts] == ["ar", "en"]
    assert abstracts[1].text.endswith("developed by the group.")
    assert not any("المؤلف المرسل" in p.text or "الاستلام" in p.text for p in article.passages)
    assert _sections(article) == [(1, "مقدمة")]
    assert [p.section_id for p in article.passages_of("paragraph")] == [article.sections[0].id]
    # A bare label word inside a longer label is no label of its own.
    raw = article.raw
    line = next(ln for ln in raw.splitlines() if ln.startswith("الاستلام"))
    longer = raw.replace(line, "الاستلام: 2022/01/15 تاريخ قبول النشر: 2022/04/02")
    meta = _meta(_read("longer", longer))
    assert (meta["received"], meta["accepted"]) == ("2022/01/15", "2022/04/02")
    assert "published" not in meta  # «النشر:» of «قبول النشر:» is the acceptance date's label


def test_whole_article_with_its_english_part_at_the_end():
    """The held-out audit's article (corpus/layouts/articles): journal line without «مجلة»,
    footnotes (1) (2) in the body, references (1) (2) (3), English title, byline and abstract last."""
    path = LAYOUT_ARTICLES / "c_endabs.txt"
    article = _read("c_endabs", path.read_text(encoding="utf-8"))
    meta = _meta(article)
    assert meta["journal"] == "دراسات في العلاقات الدولية"  # (it was a paragraph)
    assert article.title_en.text == "The Transformation of Turkish Foreign Policy towards the Middle East after 2011"
    assert meta["author_en"] == "Assist. Prof. Dr. Haider Abdulkareem Al-Jubouri"
    assert [s.heading for s in article.sections if s.level == 1] == [
        "١. المقدمة",
        "٢. الإطار النظري",
        "٣. مراحل التحول",
        "٤. الاستنتاجات",
        "المصادر",
    ]
    refs = article.passages_of("reference")
    assert [p.number for p in refs] == ["1", "2", "3"] and refs[2].text.endswith("(2009): 127-142.")
    assert [p.lang for p in article.passages_of("abstract")] == ["ar", "en"]
    assert [p.number for p in article.passages_of("footnote")] == ["1", "2"]
