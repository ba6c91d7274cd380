"""The reader's front matter in journal layouts other than the seed's (new-user audit).

Each fixture is cut from an audit article built from real UN / ANT text (see
fixtures/layouts/README.md). Before these tests the title was the affiliation line, the
running header, the «*» affiliation note or the authors' line; a title wrapped over two
lines lost its first line; an English-first article's Arabic title, author and dates were
read as one body paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.reader import read_article

from .conftest import LAYOUT_ARTICLES

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"


def _read(name: str, text: str | None = None):
    article = read_article(LAYOUTS / name) if text is None else read_article(text, name=name)
    # Every title and field found keeps its raw offsets.
    for span in [*article.metadata.values(), article.title_ar, article.title_en]:
        if span is not None:
            assert article.raw[span.start : span.end] == span.text
    return article


def _meta(article) -> dict[str, str]:
    return {k: v.text for k, v in article.metadata.items()}


def _front_paragraphs(article) -> list[str]:
    """Texts of passages before the first section that are not the abstracts."""
    return [p.text for p in article.passages if p.section_id is None and p.kind != "abstract"]


@pytest.fixture(scope="module")
def affiliation_dates():
    return _read("front_affiliation_dates.txt")


def test_title_is_the_title_line_not_the_affiliation_under_the_author(affiliation_dates):
    article = affiliation_dates
    assert article.title_ar.text == "دور الأمم المتحدة في حفظ السلم والأمن الدوليين بعد الحرب الباردة"
    # A 17-word English title was filed as the archive's notice.
    assert article.title_en.text == (
        "The Role of the United Nations in Maintaining International Peace and Security after the Cold War"
    )
    meta = _meta(article)
    assert "archive_notice" not in meta
    assert meta["author"] == "أ.م.د. سعاد حسين علي"
    assert meta["affiliation"] == "كلية العلوم السياسية / جامعة بغداد"
    assert meta["email"] == "suad.hussein@copolicy.uobaghdad.edu.iq"
    assert (meta["received"], meta["accepted"], meta["published"]) == ("2019/1/14", "2019/3/2", "2019/6/30")
    # The title and the author's line are no paragraphs of the body.
    assert _front_paragraphs(article) == []


def test_two_line_titles_are_read_whole_in_both_languages():
    article = _read("front_two_line_title.txt")
    assert article.title_ar.text == "التعاون الاقتصادي بوصفه أداة للسياسة الخارجية:\nدراسة في العلاقات الروسية التركية"
    assert article.title_en.text == (
        "Economic Cooperation as a Tool of Foreign Policy:\nA Study of Russian-Turkish Relations"
    )
    assert article.metadata["author"].text == "م.م. علي حسين جاسم"
    assert _front_paragraphs(article) == []


def test_without_byline_label_the_title_is_the_lines_above_the_author():
    # No «إعداد»: the last short Arabic line (the author's name) used to be the title.
    text = (LAYOUTS / "front_two_line_title.txt").read_text(encoding="utf-8").replace("إعداد\n\n", "", 1)
    assert "إعداد" not in text
    article = _read("no-label", text)
    assert article.title_ar.text.startswith("التعاون الاقتصادي") and article.title_ar.text.endswith("التركية")
    assert article.metadata["author"].text == "م.م. علي حسين جاسم"


@pytest.mark.parametrize("name", ["front_english_first.txt", "front_english_first_lines.txt"])
def test_english_first_article_reads_its_arabic_front_matter_between_the_abstracts(name):
    article = _read(name)
    assert article.title_en.text == "Multilateral Diplomacy and the Management of Regional Crises"
    assert article.title_ar.text == "الدبلوماسية متعددة الأطراف وإدارة الأزمات الإقليمية"
    meta = _meta(article)
    assert meta["author"] == "د. خالد محمود الراوي"
    assert meta["author_en"] == "Dr. Khalid Mahmoud Al-Rawi"
    assert meta["affiliation"] == "قسم العلوم السياسية، جامعة الموصل، العراق"
    assert meta["received"] in ("2022/5/3", "3/5/2022")
    assert meta["published"] in ("2022/9/30", "30/9/2022")
    # None of it is a paragraph (it was one, the English author's line joined to the Arabic front matter).
    assert not any("خالد" in t or "Khalid" in t or "تاريخ" in t for t in _front_paragraphs(article))
    assert [p.text[:9] for p in article.abstract("ar")][:1] == ["كما يقدم "]


def test_line_mode_english_first_header_affiliation_and_orcid():
    article = _read("front_english_first_lines.txt")
    meta = _meta(article)
    # The running header at the top of page one names the journal; its page number (201) is left out.
    assert meta["journal"] == "المجلة العربية للعلوم السياسية، المجلد 14، العدد 2، 2022"
    assert meta["affiliation_en"] == "Department of Political Science, University of Mosul, Iraq"
    assert meta["email"] == "khalid.alrawi@uomosul.edu.iq"
    assert meta["orcid"] == "0000-0002-1825-0097"
    assert "archive_notice" not in meta  # the ORCID line was the "notice"
    # (a date followed by the Hijri one: «3/5/2022م الموافق 2/10/1443هـ»)
    assert (meta["received"], meta["accepted"], meta["published"]) == ("3/5/2022", "20/6/2022", "30/9/2022")


def test_author_name_running_header_and_star_affiliation_note_are_no_title():
    article = _read("front_running_header_star.txt")
    assert article.title_ar.text == "الإرهاب العابر للحدود وتحديات الأمن الإقليمي في منطقة الساحل"
    assert article.title_en.text == "Transnational Terrorism and Regional Security Challenges in the Sahel"
    meta = _meta(article)
    # The author's name at the top of every even page is the running header, the starred line the byline.
    assert meta["running_header"] == "د. منى عبد الكريم الزبيدي"
    assert meta["author"] == "د. منى عبد الكريم الزبيدي*"
    assert meta["affiliation"] == "* أستاذة مساعدة، كلية العلوم السياسية، الجامعة المستنصرية."
    assert meta["journal"].startswith("مجلة المستقبل العربي، السنة 44")
    assert meta["email"] == "mona.zubaidi@uomustansiriyah.edu.iq"
    assert not any("الزبيدي" in t or "مجلة المستقبل" in t for t in _front_paragraphs(article))


@pytest.fixture(scope="module")
def superscripts_raw() -> str:
    return (LAYOUTS / "front_superscript_authors.txt").read_text(encoding="utf-8")


def test_authors_marked_with_superscripts_and_their_affiliations(superscripts_raw):
    article = _read("superscripts", superscripts_raw)
    assert article.title_ar.text == "الاتجار بالبشر بوصفه تهديداً للأمن الإنساني: مقاربة في القانون الدولي"
    assert article.title_en.text == "Human Trafficking as a Threat to Human Security: An International Law Approach"
    meta = _meta(article)
    assert meta["author"] == "سارة بن علي¹، يوسف مراد²"
    # Both affiliation lines (one per author, each with its e-mail) make one affiliation.
    assert meta["affiliation"].startswith("¹ جامعة الجزائر 3")
    assert meta["affiliation"].endswith("youcef.mourad@univ-batna.dz")
    assert meta["email"] == "sara.benali@univ-alger3.dz"
    assert meta["journal"] == "مجلة الدراسات الاستراتيجية والعسكرية"
    assert meta["issn"] == "2626-0875"
    assert "archive_notice" not in meta
    assert _front_paragraphs(article) == []


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (
            "تاريخ الإرسال: 12 مايو 2020 تاريخ القبول: 22 تموز 2020 تاريخ النشر: 15 أيلول/سبتمبر 2020",
            ("12 مايو 2020", "22 تموز 2020", "15 أيلول/سبتمبر 2020"),
        ),
        (
            "Received: 12 May 2020; Accepted: July 22, 2020; Published online: 15 September 2020",
            ("12 May 2020", "July 22, 2020", "15 September 2020"),
        ),
        (
            "تاريخ الاستقبال: ١٢/٠٥/٢٠٢٠ تاريخ قبول النشر: ٢٢/٠٧/٢٠٢٠ تاريخ النشر: ١٥/٠٩/٢٠٢٠",
            ("١٢/٠٥/٢٠٢٠", "٢٢/٠٧/٢٠٢٠", "١٥/٠٩/٢٠٢٠"),
        ),
    ],
    ids=["arabic-month-names", "english-labels", "arabic-indic-digits"],
)
def test_dates_with_month_names_other_labels_and_english_labels(superscripts_raw, dates, expected):
    line = next(ln for ln in superscripts_raw.splitlines() if ln.startswith("تاريخ الاستلام"))
    article = _read("dates", superscripts_raw.replace(line, dates, 1))
    meta = _meta(article)
    assert (meta["received"], meta["accepted"], meta["published"]) == expected
    assert not any(dates[:12] in t for t in _front_paragraphs(article))


ARTICLES = LAYOUT_ARTICLES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("krd_zanco_preventive", {"issn": "2218-0222", "issn_2": "2412-396X"}),
        ("ae_sharjah_softpower", {"issn": "1996-2339", "doi": "10.36394/jhss/15/2/9"}),
        ("b_roman", {"issn": "2588-1566", "issn_2": "2602-7380"}),
        ("ps_najah", {"doi": "10.35552/0247.37.6.2045"}),
    ],
)
def test_issn_and_doi_lines_are_fields_and_their_labels_structure(name, expected):
    # «ISSN (Print): … ISSN (Online): …» was the English title; «ISSN … DOI: …» lost its labels.
    article = read_article(ARTICLES / f"{name}.txt")
    meta = _meta(article)
    assert {key: meta.get(key) for key in expected} == expected
    assert article.title_en is None or "ISSN" not in article.title_en.text
    # Every letter of the line is read: the labels are structure, the values fields.
    raw = article.raw
    value = article.metadata[next(iter(expected))]
    first, last = raw.rfind("\n", 0, value.start) + 1, raw.find("\n", value.start)
    covered = [*article.structure_spans, *((v.start, v.end) for v in article.metadata.values())]
    unread = [raw[i] for i in range(first, last) if raw[i].isalpha() and not any(s <= i < e for s, e in covered)]
    assert unread == [], raw[first:last]


@pytest.mark.parametrize(
    ("name", "byline_en", "title_en"),
    [
        # under the Arabic byline, no mark and no affiliation after it
        ("leb_siyasa", "Rami Fouad Haddad", None),
        # marks between the names leave empty parts («Dwaikat1,*, & Muna»)
        ("ps_najah", "Raed Abdel Rahim Dwaikat1,*, & Muna Yousef Hamdan2", None),
        # "A and B" under the English title, in the same block: no second title line
        (
            "ae_sharjah_softpower",
            "Hamad Salem Alkaabi and Aysha Mohammed Alnuaimi",
            "Soft Power in the Foreign Policy of the United Arab Emirates: Humanitarian Aid as a Model",
        ),
    ],
)
def test_english_bylines_are_read_as_authors(name, byline_en, title_en):
    article = read_article(ARTICLES / f"{name}.txt")
    assert _meta(article).get("author_en") == byline_en
    assert all(byline_en not in p.text for p in article.passages)
    if title_en is not None:
        assert article.title_en.text == title_en


def test_a_think_tank_title_page():
    # Before: the bare date was the title, and the unit that signs the paper, the paper's kind
    # and the publisher's copyright line were read as paragraphs.
    article = read_article(ARTICLES / "qa_policy_gulf.txt")
    meta = _meta(article)
    assert article.title_ar.text == "الأزمة الخليجية: مسارات الوساطة وحدودها"
    assert meta["date"] == "حزيران/ يونيو 2017"
    assert meta["author"] == "وحدة تحليل السياسات في المركز العربي"
    assert meta["document_type"] == "تقدير موقف"
    assert meta["publisher"] == "المركز العربي للأبحاث ودراسة السياسات"
    texts = [p.text for p in article.passages]
    assert not any("جميع الحقوق محفوظة" in t or "وحدة تحليل" in t or "تقدير موقف" in t for t in texts)
    # The last page's number, after an endnote ending in «221.», is furniture too: the endnote
    # no longer runs over the page's footer.
    last_note = [p for p in article.passages if p.kind == "footnote"][-1]
    assert last_note.text.endswith("p.\n221.") or last_note.text.endswith("p. 221.")
    assert "dohainstitute" not in last_note.text


def test_a_journal_named_above_the_line_that_describes_it():
    # «المنارة للبحوث والدراسات» over «مجلة علمية محكمة تصدر عن ...»: the description was the
    # journal's name and the name a paragraph.
    meta = _meta(read_article(ARTICLES / "jo_manara.txt"))
    assert meta["journal"] == "المنارة للبحوث والدراسات"
    assert meta["journal_description"].startswith("مجلة علمية محكمة تصدر عن")


def test_a_list_item_ending_in_a_semicolon_short_of_the_line_width_ends_the_list():
    # Without blank lines, the paragraph after «4. ... القائمة؛» was read into that list item.
    article = read_article(ARTICLES / "jo_manara.txt")
    items = [p for p in article.passages if p.kind == "list_item" and p.number == "4"]
    assert len(items) == 1 and items[0].text.endswith("القائمة؛")
    paragraph = next(p for p in article.passages if p.text.startswith("أكد المتحدث الرسمى"))
    assert paragraph.kind == "paragraph"


def test_markers_glued_mid_sentence_and_an_authors_running_head_seen_twice():
    # «يحمل2 اسم», «(اليونيسيف)1 للسيطرة»: their notes at the page foot were paragraphs, and the
    # authors' names, set twice as a page's foot with no page number beside them, were text.
    article = read_article(ARTICLES / "ae_sharjah_softpower.txt")
    notes = {p.number: p.text for p in article.passages if p.kind == "footnote"}
    assert notes["1"].startswith("وفي إطار هذا البرنامج") and notes["2"].startswith("ويقدم المقر")
    texts = [p.text for p in article.passages]
    assert any("(اليونيسيف) للسيطرة" in t for t in texts)
    assert any("يحمل اسم الاجتماع" in t for t in texts)
    assert not any("حمد سالم الكعبي، عائشة محمد النعيمي" in t for t in texts)
    # A year run on to a word is no marker.
    assert _cited("قرار مجلس الأمن عام2017 بشأن") == {}


def _cited(text: str) -> dict[int, int]:
    from pipeline.reader import _cited_numbers

    return _cited_numbers(text)


def test_a_pages_notes_under_a_rule_inside_the_references_list():
    # «____» then «7- ...», «8- ...» at the foot of a page of the references: they were entries.
    article = read_article(ARTICLES / "ma_policy.txt")
    notes = {p.number: p.text for p in article.passages if p.kind == "footnote"}
    assert notes["7"].startswith("وخلال هذه الفترة") and "وتعزيز القدرات" in notes["7"]
    assert notes["8"].startswith("حسن أوريد")
    references = [p.text for p in article.passages if p.kind == "reference"]
    assert not any("وخلال هذه الفترة" in t or "حسن أوريد" in t for t in references)
    zoubir = next(t for t in references if t.startswith("Zoubir Yahia H."))
    assert zoubir.endswith("London, Routledge, 2020.")
    assert references[-1].startswith("Messari Nizar")  # the list goes on after the page's notes


@pytest.mark.parametrize(
    ("name", "key", "start"),
    [
        ("sd_neelain_libya", "affiliation", "(*) أستاذ مشارك، قسم العلوم السياسية"),  # «(*)» on the byline
        ("a_mabhath", "author_note", "¹ المؤلف المرسل: د. سامية بن علي"),  # a superscript on the byline
    ],
)
def test_the_note_of_a_marked_byline_at_the_page_one_foot_is_front_matter(name, key, start):
    # Set after the abstracts (under a rule, at the page foot), it was read as a body paragraph.
    article = read_article(ARTICLES / f"{name}.txt")
    assert article.metadata[key].text.startswith(start)
    assert not any(p.text.startswith(start) or "البريد الإلكتروني" in p.text for p in article.passages)


def test_a_syrian_layout_notes_dates_and_a_one_name_running_head():
    article = read_article(ARTICLES / "sy_damascus.txt")
    meta = _meta(article)
    # the date fields after the keywords (the English part is at the end) were a paragraph
    assert (meta["received"], meta["accepted"]) == ("١٢/٩/٢٠٢٢", "٤/١/٢٠٢٣")
    # the «*» notes, at the page-1 foot past a long abstract and in English at the end, were a
    # footnote and a reference
    assert meta["affiliation"].startswith("* مدرس - قسم العلاقات الدولية")
    assert meta["affiliation_en"].startswith("* Lecturer, Department of International Relations")
    texts = [p.text for p in article.passages]
    assert not any(t.startswith(("* مدرس", "* Lecturer", "Damascus University")) for t in texts)
    # «العلي    ٨٩»: one name beside the page number, the head of every other page
    assert not any(re.match(r"العلي\s*(?:[٠-٩]+)?\s*$", line) for t in texts for line in t.splitlines())


def test_notes_under_a_rule_and_markers_glued_at_a_lines_end():
    # «التونسي1» ending its line, «الخصوص5 .», and «4 قرار ...» as the first line under «____»
    article = read_article(ARTICLES / "tn_rtepd.txt")
    notes = {p.number: p.text for p in article.passages if p.kind == "footnote"}
    assert notes["1"].startswith("انظر حديث وزير الشؤون الخارجية")
    assert notes["2"].startswith("الفصل 77 من دستور")
    assert notes["4"].startswith("قرار مجلس جامعة الدول العربية")
    assert not any("التونسي1" in p.text or "الخصوص5" in p.text for p in article.passages)


def test_a_french_abstract_and_the_journals_name_in_french():
    # «Résumé :» and «Mots-clés :» were body paragraphs; «Revue tunisienne ...» was the English title.
    article = read_article(ARTICLES / "tn_rtepd.txt")
    french = article.abstract("fr")
    assert len(french) == 1 and french[0].text.startswith("Cet article examine la notion de neutralité positive")
    assert french[0].text.endswith("constituent les piliers.")
    meta = _meta(article)
    assert meta["keywords_fr"] == "neutralité positive, politique étrangère, Tunisie, règlement pacifique"
    assert meta["journal_2"] == "Revue tunisienne d'études politiques et diplomatiques"
    assert article.title_en.text.startswith("Positive Neutrality in Tunisian Foreign Policy")
    # the English abstract and keywords are still the English ones
    assert article.abstract("en")[0].text.startswith("Reaffirming the sovereign right")
    assert [k.text for k in article.keywords_en][0] == "positive neutrality"
    assert all(p.section_id is not None for p in article.passages if p.kind == "paragraph")


def test_the_english_title_on_a_last_page_is_no_byline_of_the_ida_label():
    # Under «إعداد», the first Latin line anywhere after the byline was taken as the English
    # byline: here the English title of the English page at the article's end.
    article = read_article(ARTICLES / "egy_iqtisad.txt")
    assert article.title_en.text.startswith("International Competition over the Horn of Africa")
    assert _meta(article)["author_en"] == "Dr. Mona Abdel Rahman El-Sherif"


def test_a_publishers_contact_lines_are_furniture():
    # «هاتف: ... - فاكس: ...» with the centre's e-mail and web address on a title page: the phone
    # line was a paragraph, the centre's e-mail the author's, its address an archive notice.
    article = read_article(ARTICLES / "qa_ajcs.txt")
    meta = _meta(article)
    assert "email" not in meta and "archive_notice" not in meta
    assert not any("هاتف" in p.text or "aljazeera.net" in p.text for p in article.passages)
    raw = article.raw
    for needle in ("هاتف: 40158384", "jcforstudies-ar@aljazeera.net", "http://studies.aljazeera.net"):
        at = raw.index(needle)
        assert any(s <= at < e for s, e in article.structure_spans), needle


def test_a_un_report_chapter_in_layout_mode():
    """A seventh held-out audit's ESCWA chapter (pdftotext -layout): it read 36% of its lines right."""
    article = read_article(ARTICLES / "escwa_report.txt")
    # «موجز الفصل» is the chapter's abstract
    assert article.abstract("ar") and article.abstract("ar")[0].text.startswith("ويعرب مجلس الأمن")
    # UN letter-name headings and «الحواشي» as the endnotes' heading
    headings = [s.heading for s in article.sections]
    assert [h.split("-")[0] for h in headings[:4]] == ["ألف", "باء", "جيم", "دال"]
    assert "الحواشي" in headings
    # numbered paragraphs that go on across the sections are paragraphs (their number kept), not a list
    numbered = [p for p in article.passages if p.kind == "paragraph" and p.number]
    assert [p.number for p in numbered][:5] == ["1", "2", "3", "4", "5"] and len(numbered) >= 11
    assert numbered[0].text.startswith("1 - كذبت منظمة الصحة العالمية")
    assert not [p for p in article.passages if p.kind == "list_item"]
    # the document symbol at every page's top is furniture, the first page's too
    raw = article.raw
    symbols = [m.start() for m in re.finditer(r"E/ESCWA/ECRI/2017/3", raw)]
    assert len(symbols) == 5 and all(any(s <= at < e for s, e in article.structure_spans) for at in symbols)
    # a corporate author's entry after a closed one opens a new entry
    refs = [p.text for p in article.passages if p.kind == "reference"]
    assert sum(t.startswith("الأمم المتحدة (2015).") for t in refs) == 1


def test_a_star_note_and_the_first_footnote_in_one_block():
    # «* أستاذ ...» with its e-mail and then «(1) ...» with no blank line between: the footnote
    # was swallowed by the byline's note and left as a paragraph.
    article = read_article(ARTICLES / "yemen_andalus.txt")
    assert article.metadata["affiliation"].text.startswith("* أستاذ العلاقات الدولية المشارك")
    notes = {p.number: p.text for p in article.passages if p.kind == "footnote"}
    assert notes["1"].startswith("بيان وزارة الخارجية البحرينية")


def test_dates_given_again_in_another_calendar_are_kept():
    # «قدم للنشر في ١٢/٥/١٤٤٤هـ» in Arabic and "(Received 6/12/2022; accepted 12/3/2023)" on the
    # English page: the Gregorian dates were dropped (only their labels set aside).
    meta = _meta(read_article(ARTICLES / "sa_ksu.txt"))
    assert (meta["received"], meta["accepted"]) == ("١٢/٥/١٤٤٤", "٢٠/٨/١٤٤٤")
    assert (meta["received_2"], meta["accepted_2"]) == ("6/12/2022", "12/3/2023")
