"""The reader on the four layouts of the ninth audit (corpus/layouts/articles/eg_bilingual_box,
jo_mutah_pagefoot, ocr_mosul_scan, bh_law_appendix: a two-column bilingual front page, page-foot
notes without a rule, an OCR scan with an English page at the end, a law paper with appendices;
real UN and ANT text, frozen before the reader was scored on them: 0.873 / 0.722 at fb31031)."""

from __future__ import annotations

import re

from pipeline.layouts import score_articles, unit_prf
from pipeline.reader import ReaderSettings, parse_article, read_article

from .conftest import LAYOUT_ARTICLES

BOX = LAYOUT_ARTICLES / "eg_bilingual_box.txt"
PAGEFOOT = LAYOUT_ARTICLES / "jo_mutah_pagefoot.txt"
SCAN = LAYOUT_ARTICLES / "ocr_mosul_scan.txt"
LAW = LAYOUT_ARTICLES / "bh_law_appendix.txt"

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")


def test_a_bilingual_box_read_line_by_line_gives_each_language_its_abstract():
    # The box's Arabic and English lines alternate (pdftotext reads across both columns): the
    # Arabic abstract was cut into one mixed "en" abstract, and the keyword fields mixed scripts.
    article = read_article(BOX)
    ar = article.abstract("ar")
    en = article.abstract("en")
    assert ar and en
    assert ar[0].text.startswith("وأعرب عن القلق أيضا") and ar[-1].text.endswith("والتقييم.")
    assert en[0].text.startswith("Concern was also raised") and en[-1].text.endswith("being envisaged.")
    assert not any(_LATIN.search(p.text) for p in ar) and not any(_ARABIC.search(p.text) for p in en)
    # each passage's raw spans cover its own lines only, not the other language's between them
    for passage in ar:
        assert all(not _LATIN.search(article.raw[s:e]) for s, e in passage.spans)
    assert [k.text for k in article.keywords_ar] == [
        "الوساطة",
        "الأزمة الليبية",
        "دول الجوار",
        "الأمم المتحدة",
        "تسوية المنازعات",
    ]
    assert all(not _ARABIC.search(k.text) for k in article.keywords_en)
    assert [k.text for k in article.keywords_en][:2] == ["mediation", "Libyan crisis"]


def test_text_in_one_language_is_not_reordered():
    # The de-interleaving needs a stretch that alternates and holds an abstract or keywords label:
    # an English page after an Arabic one (the scan's last page) keeps its order.
    article = read_article(SCAN)
    (en,) = article.abstract("en")
    assert en.text.startswith("Discussing international foreign policy issues")


def test_a_bilingual_box_title_and_issue_lines():
    # Title lines ar 1, en 1, ar 2, en 2: each title had one line of the other's, or a paragraph.
    article = read_article(BOX)
    assert article.title_ar.text == "الوساطة الإقليمية في الأزمة الليبية:"
    assert article.title_en.text == "Regional Mediation in the Libyan Crisis:"
    assert article.metadata["subtitle_ar"].text == "قراءة في أدوار دول الجوار (2015-2017)"
    assert article.metadata["subtitle_en"].text == "The Roles of the Neighbouring States (2015-2017)"
    # «المجلد التاسع – العدد الثاني» (ordinals, no digits) was a paragraph
    issues = {article.metadata[k].text for k in article.metadata if k.startswith("issue")}
    assert "المجلد التاسع – العدد الثاني – يوليو 2023" in issues
    assert not any(p.text.startswith(("الوساطة الإقليمية", "The Roles", "المجلد")) for p in article.passages)


def test_a_letter_spaced_label_opens_the_english_abstract_after_the_references():
    # «A B S T R A C T» was no label: the English page after the Arabic references (title, author,
    # abstract, keywords) was read as two references.
    article = read_article(SCAN)
    (en,) = article.abstract("en")
    assert "the parties noted" in en.text  # the end-of-line hyphens joined back (par- / ties)
    assert en.text.endswith("in the Republic of Turkey.")
    assert article.title_en.text.startswith("TURKEY AND THE ARAB REGIONAL ORDER")
    assert [k.text for k in article.keywords_en][0] == "Turkey"
    assert not any("Discussing" in p.text for p in article.passages_of("reference"))
    # "K E Y W O R D S:" likewise; a line of single letters that spell no label is no label
    raw = (
        "الملخص\nتتناول الدراسة الوساطة الإقليمية.\n\nA B S T R A C T\nThe study examines mediation.\n"
        "K E Y W O R D S: mediation, Gulf\n\nمقدمة\nنص المقدمة.\n"
    )
    small = read_article(raw, settings=ReaderSettings(require_abstract=False))
    assert [k.text for k in small.keywords_en] == ["mediation", "Gulf"]
    (en,) = small.abstract("en")
    assert en.text == "The study examines mediation."


def test_appendices_after_the_references_close_them():
    # «الملاحق», «الملحق رقم (1): ...» and the appendix's clauses and timeline were references.
    article = read_article(LAW)
    sections = {s.heading: s for s in article.sections}
    top = sections["الملاحق"]
    one = sections["الملحق رقم (1): نص المادة 28 من اتفاق باريس"]
    assert top.level == 1 and one.level == 2 and one.parent == top.id
    refs = [p.text for p in article.passages_of("reference")]
    assert len(refs) == 5 and refs[-1].startswith("Rajamani")
    items = [p.text for p in article.passages_of("list_item")]
    assert [t.split()[0] for t in items] == ["يجوز", "يسري", "يعتبر"]
    # the timeline (a header row of short cells, rows set apart by runs of spaces; no caption) is
    # a table, also where it goes on after the page's notes
    tables = article.passages_of("table")
    assert len(tables) == 2 and tables[0].text.startswith("التاريخ") and "أول موعد" in tables[1].text
    assert not any(p.text.startswith(("3 أيلول", "4 تشرين")) for p in article.passages_of("footnote"))


def test_numbered_keyword_lists_under_a_bare_label():
    # `Keywords:` then `1. Paris Agreement` ... was a paragraph, «1- اتفاق باريس» ... list items.
    article = read_article(LAW)
    assert [k.text for k in article.keywords_en] == [
        "Paris Agreement",
        "treaty withdrawal",
        "common concern of humankind",
        "erga omnes obligations",
        "climate change",
    ]
    assert [k.text for k in article.keywords_ar][0] == "اتفاق باريس" and len(article.keywords_ar) == 5
    # run in after the label, the numbers split the list too
    raw = "Abstract\nThe study examines withdrawal.\n\nKeywords: 1. Paris Agreement 2. treaty withdrawal\n"
    small = parse_article(raw, settings=ReaderSettings(require_abstract=False))
    assert [k.text for k in small.keywords_en] == ["Paris Agreement", "treaty withdrawal"]


def test_letters_in_brackets_head_subsections():
    # «(أ) الإعلان الرئاسي» was glued to the paragraph under it.
    article = read_article(LAW)
    headings = [s.heading for s in article.sections]
    for heading in ("(أ) الإعلان الرئاسي", "(ب) الاتفاق الذي انسحبت منه الولايات المتحدة", "(أ) قانون المعاهدات"):
        assert heading in headings
    assert not any(p.text.startswith("(") for p in article.passages_of("paragraph"))


def test_a_block_quotation_between_two_paragraphs():
    # «... بما يلي:» / «يجوز ... إلى الوديع». / «ويترتب ...»: one passage of three, the lines full.
    article = read_article(LAW)
    quote = next(p for p in article.passages if p.text.startswith("«يجوز"))
    assert quote.text.endswith("إلى الوديع».")
    before = next(p for p in article.passages if p.text.startswith("وقد تضمن اتفاق باريس"))
    assert before.text.endswith("بما يلي:")
    assert any(p.text.startswith("ويترتب على ذلك") for p in article.passages)
    # a quotation that closes inside a line stays in its paragraph
    raw = (
        "الملخص\nتتناول الدراسة الوساطة.\n\nمقدمة\nوقال الوزير في بيانه:\n«إن الحوار هو الطريق» ثم أضاف"
        " أن المفاوضات ستستأنف قريبا.\n"
    )
    small = read_article(raw, settings=ReaderSettings(require_abstract=False))
    assert any(p.text.startswith("وقال الوزير") and "ستستأنف" in p.text for p in small.passages)


def test_page_foot_notes_without_a_rule():
    # Notes numbered `1 ...` at each page's foot, no rule, numbering restarting on each page, the
    # markers plain digits set off by spaces: they were paragraphs glued to the body around them.
    article = read_article(PAGEFOOT)
    notes = article.passages_of("footnote")
    assert [n.number for n in notes] == ["1", "2", "3", "1", "2", "3", "4", "5", "1"]
    assert notes[0].text.startswith("ميثاق الأمم المتحدة")
    # note 3 of page 2 runs over: its last line opens page 3's notes, without a number
    assert len(notes[2].spans) == 2 and notes[2].text.endswith("ص 45-78.")
    # the note after the references is a note, not part of the last entry
    assert notes[-1].text.startswith("قرار مجلس الأمن 2254")
    assert article.passages_of("reference")[-1].text.endswith("New York.")
    # the markers leave the reading text as citations; a number of the text stays
    first = next(p for p in article.passages if "متفقة" in p.text)
    assert "متفقة. وقد" in first.text and [c.number for c in first.citations] == [1]
    assert any("وامتنعت 3 دول" in p.text for p in article.passages)
    # the paragraph the notes cut goes on after the page break
    assert any(p.text.startswith("وقال بيان الامم المتحدة") and "انهاء الحرب" in p.text for p in article.passages)


def test_numbered_lines_at_a_page_foot_that_a_colon_introduces_or_nothing_cites_are_no_notes():
    # The same article with page 2's last body line introducing its numbered lines (a list), or
    # with the marker of its note 1 gone: page 2's lines are not read as notes; the other pages' are.
    raw = PAGEFOOT.read_text(encoding="utf-8")
    body_end = "المدن المحاصرة في سوريا.\n1 ميثاق"
    assert raw.count(body_end) == 1 and raw.count("متفقة 1.") == 1
    introduced = raw.replace(body_end, "المدن المحاصرة في سوريا كما يلي:\n1 ميثاق")
    for changed in (introduced, raw.replace("متفقة 1.", "متفقة.")):
        notes = read_article(changed).passages_of("footnote")
        assert [n.number for n in notes] == ["1", "2", "3", "4", "5", "1"]
        assert not any(n.text.startswith("ميثاق الأمم المتحدة") for n in notes)


def test_headings_of_six_words_without_blank_lines():
    # «من مجلس الأمن إلى الجمعية العامة» and «الامتناع عن التصويت بديلا من الفيتو» (six words) opened
    # the paragraphs under them; the limit was five.
    headings = [s.heading for s in read_article(PAGEFOOT).sections]
    assert "من مجلس الأمن إلى الجمعية العامة" in headings
    assert "الامتناع عن التصويت بديلا من الفيتو" in headings


def test_a_numbered_reference_runs_on_to_the_next_number():
    # `4. Lacher ... Conflict.` / `London: I.B. Tauris, 2020.` / `5. ...`: the place and publisher
    # opened a reference of their own.
    refs = [p.text for p in read_article(BOX).passages_of("reference")]
    assert "Violent Conflict. London: I.B. Tauris, 2020." in refs[3]
    assert not any(r.startswith("London") for r in refs)


def test_the_four_read_their_lines_right():
    """The four at the figures measured when they were added: 0.995 of the lines, unit F1 0.938
    (held out, before these fixes: 0.873 / 0.722)."""
    total = score_articles((BOX, PAGEFOOT, SCAN, LAW))
    assert total["lines"] == 590 and total["lost"] == 0
    assert total["right"] / total["lines"] >= 0.99
    assert unit_prf(total)[2] >= 0.93


def test_numbers_of_the_text_at_a_page_foot_are_not_footnote_markers():
    # (Inputs from the session's review.) Lines at a page's foot that open with 1, 2, 3 and whose
    # numbers the text above has set off by spaces are notes only when those digits can be
    # markers: «المادة 2 من الميثاق» is article 2, «نحو 1 مليون» an amount, and a line
    # «1 مليون لاجئ ...» no note. The notes rule had deleted those numbers from the paragraph.
    fixtures = LAYOUT_ARTICLES.parent.parent.parent / "tests" / "fixtures" / "layouts"
    for name, kept in (
        ("pagefoot_article_numbers.txt", ("المادة 2 من الميثاق", "المادة 1 على")),
        ("pagefoot_amounts.txt", ("نحو 1 مليون", "أكثر من 2 مليون", "تركيا 3 ملايين")),
    ):
        article = read_article(fixtures / name)
        assert not [p for p in article.passages if p.kind == "footnote"], name
        body = " ".join(p.text for p in article.passages if p.kind == "paragraph")
        assert all(k in body for k in kept), name
    # the audit's real page-foot notes are still found, their markers taken out of the text
    notes = [p for p in read_article(PAGEFOOT).passages if p.kind == "footnote"]
    assert len(notes) >= 9


def test_numbered_keywords_may_be_years_and_have_commas_between():
    # (Review inputs.) «2- 2003» is the list's second keyword, not the list's end (the first
    # item was kept with its number); commas between run-in numbered items are separators.
    head = "عنوان البحث: الدبلوماسية العربية المعاصرة\n\nالملخص\nتتناول هذه الدراسة دور الدبلوماسية العربية.\n\n"
    tail = "\n\nالمقدمة\nتعد الدبلوماسية من أقدم أدوات العلاقات الدولية، وقد تطورت عبر العصور تطورا كبيرا.\n"
    for keywords in (
        "الكلمات المفتاحية:\n1- الأمن\n2- 2003\n3- العراق",
        "الكلمات المفتاحية: 1. الأمن 2. 2003 3. العراق",
        "الكلمات المفتاحية: 1. الأمن، 2. 2003، 3. العراق",
    ):
        article = read_article(head + keywords + tail)
        assert [k.text for k in article.keywords_ar] == ["الأمن", "2003", "العراق"], keywords
