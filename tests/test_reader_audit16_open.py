"""The sixteenth audit's findings left open at f0cb00b (corpus/layouts/articles/README.md): a numbered
heading right over a numbered subheading, quotations set on lines of their own with no blank line
(a Qur'anic verse in ﴿ ﴾, a hadith closed by a ⁽٤⁾ note marker), paragraph ends at 75-80 % of the
line width, paragraphs opened by a first-line indent, and a running head seen once that carries its
page number far off at its edge. Each test fails on f0cb00b; the guards beside them keep what the
rules must not touch."""

from __future__ import annotations

from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

SAUDI = LAYOUT_ARTICLES / "sa_imam_hijri_supnotes_quran.txt"
KUWAIT = LAYOUT_ARTICLES / "kw_jss_sidebyside_box.txt"
ALGERIA = LAYOUT_ARTICLES / "dz_bracketrefs_blockquotes.txt"
TREATY = LAYOUT_ARTICLES / "caus_mustaqbal_treaty.txt"

_FRONT = (
    "عنوان البحث في العلاقات الدولية المعاصرة\n\nد. أحمد علي\nجامعة بغداد\n\nالملخص:\n"
    "تتناول هذه الدراسة الدبلوماسية الرقمية في دول الخليج العربي وأثرها في صناعة القرار الخارجي.\n"
    "الكلمات المفتاحية: الدبلوماسية، الخليج.\n\n"
)


def _body_paragraphs(article) -> list[str]:
    return [p.text for p in article.passages_of("paragraph") if p.lang == "ar"]


def test_a_numbered_heading_right_over_its_first_numbered_subheading():
    # «3. مسار الوساطة الجزائرية (2014-2015):» over «1.3 جولات الحوار الخمس:» were a list item and a
    # paragraph, and section 3's text was filed under section 2.
    article = read_article(ALGERIA)
    by_heading = {s.heading: s for s in article.sections}
    three = by_heading["3. مسار الوساطة الجزائرية (2014-2015):"]
    sub = by_heading["1.3 جولات الحوار الخمس:"]
    assert three.level == 1 and sub.level == 2 and sub.parent == three.id
    assert by_heading["2.3 مضمون اتفاق السلم والمصالحة:"].parent == three.id
    assert not article.passages_of("list_item")


def test_numbered_list_items_ending_with_colons_stay_a_list(tmp_path):
    # Guard: two one-level items of one list, each ending with a colon, are still no headings.
    body = (
        "مقدمة\nنص المقدمة هنا طويل بما يكفي ليكون فقرة من فقرات البحث، وقد انتهى بجملة تامة.\n"
        "ومن أبرز هذه الأدوات ما يأتي بيانه في النقاط الآتية من هذا البحث المختصر:\n"
        "1. المنصات الرقمية الرسمية للوزارات:\n2. الحسابات الشخصية للسفراء:\n"
    )
    path = tmp_path / "list.txt"
    path.write_text(_FRONT + body, encoding="utf-8")
    items = read_article(path).passages_of("list_item")
    assert [p.number for p in items] == ["1", "2"]


def test_a_quranic_verse_and_a_hadith_set_on_lines_of_their_own():
    # The verse (its line opened by ﴿ under «... قوله تعالى:») was joined to the paragraph after it,
    # and the hadith closed by «»⁽٤⁾.» to the one before it.
    paragraphs = _body_paragraphs(read_article(SAUDI))
    verse = next(t for t in paragraphs if t.startswith("﴿"))
    assert verse.endswith("[الأنفال: ٦١]")
    assert any(t.startswith("قال ابن كثير") for t in paragraphs)
    hadith = next(t for t in paragraphs if t.startswith("«أَلَا مَنْ ظَلَمَ"))
    assert hadith.rstrip(".").endswith("»")
    assert any(t.startswith("ومن السنة ما ثبت") and t.endswith("أنه قال:") for t in paragraphs)


def test_a_quoted_treaty_article_stays_one_passage():
    # «المادة 79: ...» and its two clauses: the short line ending clause 1 («... من المادة 50.») does
    # not end the quotation, which is a passage apart from the sentence introducing it.
    paragraphs = _body_paragraphs(read_article(TREATY))
    quote = next(t for t in paragraphs if t.startswith("«المادة 79"))
    assert "المادة 50." in quote and quote.endswith("مدنيين...».")
    assert any(t.endswith("على ما يلي:") for t in paragraphs)


def test_a_paragraph_whose_last_line_stops_at_three_quarters_of_the_width():
    # dz p1 | p2: the last line, 63 characters in an 84-wide column, ends «[2، ص 34].»; it was read as
    # a wrapped line and the two paragraphs were one.
    paragraphs = _body_paragraphs(read_article(ALGERIA))
    assert any(t.endswith("[2، ص 34].") for t in paragraphs)


def test_paragraphs_opened_by_a_first_line_indent():
    # «             المساهمة بذلك ... في البلاد.» (right-aligned, 66 of 76 characters) then
    # «    و أضاف جلاّد ...»: a four-space indent opens each paragraph of the Kuwaiti text.
    paragraphs = _body_paragraphs(read_article(KUWAIT))
    assert any(t.endswith("الانتقالي في البلاد.") for t in paragraphs)
    assert any(t.startswith("و أضاف جلاّد أنّ رئيسة هيئة الحقيقة") for t in paragraphs)


def test_a_hanging_indent_is_no_paragraph_opening(tmp_path):
    # Guard: in a text whose wrapped lines are indented after full lines that run on, the indent
    # opens nothing, even after a line that ends a sentence.
    body = "مقدمة\n" + "\n".join(
        [
            "وأوضح عبد السلام أن غياب القيادي قد يكون بسبب بعض المشاغل، مؤكدا أنه سيكون حاضرا",
            "    خلال بقية أشغال هذا المؤتمر الذي يعقد في العاصمة تونس منذ يوم الجمعة الماضي.",
            "وأضاف أن المؤتمر فيه قدر كبير من الوحدة والانسجام والتوافق في التوجهات الاستراتيجية",
            "الكبرى للحركة، حسب قوله، وأن النقاش داخل اللجان يجري في أجواء هادئة ومسؤولة جدا",
            "    في الجلسات القادمة وأن الحركة ملتزمة بخياراتها الكبرى التي أعلنتها منذ مدة طويلة.",
            "    وقال إن المؤتمر سيحسم المسائل العالقة خلال اليومين القادمين كما هو مقرر سلفا.",
            "    وأكد أن الحركة ستعلن قائمة أعضاء مكتبها التنفيذي الجديد خلال الأسبوع القادم.",
            "وبين أن اللوائح التي ستعرض على المؤتمرين تتعلق بالجوانب السياسية والاقتصادية",
            "والاجتماعية وبالعلاقات الخارجية للحركة مع الأحزاب والمنظمات في الداخل والخارج،",
            "ووفق ما جرى الاتفاق عليه بين الأطراف في الجلسة الافتتاحية للمؤتمر يوم الجمعة.",
        ]
    )
    path = tmp_path / "hanging.txt"
    path.write_text(_FRONT + body + "\n", encoding="utf-8")
    paragraphs = _body_paragraphs(read_article(path))
    assert not any(t.startswith("وقال إن المؤتمر") or t.startswith("وأكد أن الحركة") for t in paragraphs)


def test_a_running_head_seen_once_with_its_page_number_far_at_its_edge():
    # «\fفهد ناصر العتيبي: الشراكة بين الأمم المتحدة والمنظمات الإقليمية          327» at a page's top,
    # the author's name and the title's words: it was a one-line table in section 2.
    article = read_article(KUWAIT)
    assert not any("فهد ناصر العتيبي" in p.text for p in article.passages)
    assert not any(p.kind == "table" and "327" in p.text for p in article.passages)
