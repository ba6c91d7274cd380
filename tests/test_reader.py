"""The reader on the seed article, on variant layouts and on bad input."""

from __future__ import annotations

import random
import re

import pytest

from pipeline.camel import fold_glyphs
from pipeline.errors import InputError, InputNotFoundError, StructureError
from pipeline.reader import ReaderSettings, read_article
from pipeline.repair.noise import as_presentation_forms

from .conftest import VARIANTS

# Every heading of the seed's body, in order, with its level, as read by hand from the file.
SEED_HEADINGS = [
    (1, "المقدمة"),
    (1, "مشكلة الدراسة"),
    (1, "أهمية الدراسة"),
    (1, "اهداف الدراسة"),
    (1, "الفرضية"),
    (1, "منهجية الدراسة"),
    (1, "هيكلية الدراسة:"),
    (1, "المطلب الاول: الإطار المفاهيمي للدبلوماسية الرقمية"),
    (2, "أولاً: مفهوم الدبلوماسية الرقمية"),
    (2, "ثانياً: أهداف الدبلوماسية الرقمية"),
    (2, "ثالثاً: أدوات الدبلوماسية الرقمية"),
    (1, "المطلب الثاني الدبلوماسية الرقمية وتأثيرها على العلاقات الدولية"),
    (2, "أولاً الدبلوماسية في العلاقات الدولية"),
    (2, "ثانياً : امثلة على تأثير الدبلوماسية الرقمية على العلاقات الدولية"),
    (1, "الخاتمة"),
    (1, "الاستنتاجات"),
    (1, "الوصيات"),
    (1, "المصادر"),
]
FOOTNOTE = re.compile(r"[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]")


def _section(article, heading_start: str):
    return next(s for s in article.sections if s.heading.startswith(heading_start))


def _passages_in(article, section):
    return [p for p in article.passages if p.section_id == section.id]


# -- the seed ------------------------------------------------------------------


def test_front_matter_is_metadata_not_body(seed_article):
    meta = {k: v.text for k, v in seed_article.metadata.items()}
    assert meta["journal"] == "مجلة دراسات دولية"
    assert meta["title_ar"] == "الدبلوماسية الرقمية وأثرها في العلاقات الدولية"
    assert meta["title_en"] == "Digital Diplomacy and its Effects on International Relations"
    assert meta["author"] == "م.د. أيناس مجبل دليان"
    assert meta["author_en"] == "Enas migbil dalyan"
    assert meta["email"] == "Enasmigbil74@gmail.com"
    assert (meta["received"], meta["accepted"], meta["published"]) == ("2024/6/4", "2024/6/30", "2024/10/30")
    assert meta["permalink"] == "https://political-encyclopedia.org/library/7448"
    assert meta["archive_notice"].startswith("الموسوعة السياسية هي مبادرة")
    notice = seed_article.metadata["archive_notice"]
    assert not any(p.start < notice.end and notice.start < p.end for p in seed_article.passages)


def test_metadata_spans_point_at_raw_text(seed_article):
    for span in [*seed_article.metadata.values(), *seed_article.keywords_ar, *seed_article.keywords_en]:
        assert seed_article.raw[span.start : span.end] == span.text


def test_abstracts_and_keywords(seed_article):
    ar = seed_article.abstract("ar")
    en = seed_article.abstract("en")
    assert [p.text[:20] for p in ar] == ["في القرن العشرين انت", "اذ شهد العالم تطويرا"]
    assert len(en) == 2
    assert en[0].text.startswith("In the twentieth century")
    # The stray line break inside the first English sentence is healed.
    assert "within the framework of international relations, including" in en[0].text
    # The lone dots around the page break are gone.
    assert "relations. Especially what is known" in en[1].text
    assert ". ." not in en[1].text
    assert [k.text for k in seed_article.keywords_ar] == ["الدبلوماسية", "الرقمية", "ادوات", "العلاقات الدولية"]
    assert [k.text for k in seed_article.keywords_en] == ["diplomacy", "digital", "tools", "international relations"]


def test_every_heading_in_order_with_its_level(seed_article):
    assert [(s.level, s.heading) for s in seed_article.sections] == SEED_HEADINGS


def test_table_of_contents_is_structure_not_text(seed_article):
    toc = _section(seed_article, "هيكلية الدراسة")
    assert _passages_in(seed_article, toc) == []
    texts = " ".join(p.text for p in seed_article.passages)
    assert "يقسم البحث الى الخطة التالية" not in texts
    assert any(seed_article.raw[s:e] == "اولاً: مفهوم الدبلوماسية الرقمية" for s, e in seed_article.structure_spans)


def test_goal_tool_and_example_items_are_passages(seed_article):
    goals = [p for p in _passages_in(seed_article, _section(seed_article, "ثانياً: أهداف")) if p.kind == "list_item"]
    assert [p.number for p in goals] == ["1", "2", "3", "4", "5", "6"]
    assert goals[0].text.startswith("بذل الجهود المشتركة")
    tools = [p for p in _passages_in(seed_article, _section(seed_article, "ثالثاً: أدوات")) if p.kind == "list_item"]
    assert [p.number for p in tools] == ["1", "2", "3", "4"]
    assert tools[0].text.startswith("وسائل التواصل الاجتماعي:")
    assert tools[3].text.startswith("تعليم الدبلوماسيين عبر")
    examples = [p for p in _passages_in(seed_article, _section(seed_article, "ثانياً : امثلة")) if p.kind == "list_item"]
    assert len(examples) == 11 and all(p.number == "-" for p in examples)
    assert examples[0].text.startswith("في عام 2011 لم ترد رئيسة الوزراء")
    conclusions = [p for p in _passages_in(seed_article, _section(seed_article, "الاستنتاجات")) if p.kind == "list_item"]
    recommendations = [p for p in _passages_in(seed_article, _section(seed_article, "الوصيات")) if p.kind == "list_item"]
    assert len(conclusions) == 8 and len(recommendations) == 7


def test_page_break_fragments_are_joined(seed_article):
    trump = next(p for p in seed_article.passages if "كان له أكبر تأثير على" in p.text)
    assert "كان له أكبر تأثير على تويتر منذ توليه منصبه" in trump.text
    assert len(trump.spans) == 2
    first, second = trump.spans
    assert seed_article.raw[first[1] - len("تأثير على") : first[1]] == "تأثير على"
    assert seed_article.raw[second[0] :].startswith("تويتر منذ توليه منصبه")
    # A list item cut by a page break is joined too.
    cuba = next(p for p in seed_article.passages if p.text.startswith("وفي 25 مايو/أيار 2015"))
    assert "ترحيب البلدين رسمياً بالعودة" in cuba.text and len(cuba.spans) == 2
    # The run-in heading does not swallow the paragraph that follows it.
    follows = next(p for p in seed_article.passages if p.text.startswith("نظراً لأن الدبلوماسية الرقمية"))
    assert "على العلاقات الدولية، وفي ظل حداثة الموضوع" in follows.text


def test_footnote_markers_become_citations(seed_article):
    numbers = []
    for passage in seed_article.passages:
        assert not FOOTNOTE.search(passage.text), passage.id
        for citation in passage.citations:
            marker = seed_article.raw[citation.start : citation.end]
            assert marker.startswith("⁽") and marker.endswith("⁾")
            assert passage.start <= citation.start < passage.end
            numbers.append(citation.number)
    assert sorted(numbers) == list(range(1, 32))
    first = next(p for p in seed_article.passages if p.citations and p.citations[0].number == 1)
    assert "الثورة المعلوماتية. فضلاً عن أن هناك" in first.text


def test_passage_text_maps_back_to_raw(seed_article):
    raw = seed_article.raw
    for passage in seed_article.passages:
        for seg in passage.text_map.segments:
            derived = passage.text[seg.d_start : seg.d_end]
            if derived == raw[seg.r_start : seg.r_end]:
                continue
            else:
                # A joining space stands for a line break, or for stray dots the reader healed.
                assert derived == " ", passage.id
                gap = raw[seg.r_start : seg.r_end].strip(" .\n")
                # ...or, in a reference, for the entry number printed at the end of its first line.
                assert gap == "" or (passage.kind == "reference" and gap == passage.number), passage.id
        assert passage.text_map.span_to_raw(0, len(passage.text))[0] == passage.start


def test_no_line_of_the_seed_is_left_out(seed_article):
    # Nothing is lost: every raw line with a letter is covered by some span of the structure
    # (metadata, titles, keywords, headings, labels, passages). The notice's second line and
    # the lone "إعداد" label above the author were covered by none.
    raw = seed_article.raw
    covered = bytearray(len(raw))
    spans = list(seed_article.structure_spans)
    spans += [(t.start, t.end) for t in seed_article.metadata.values()]
    spans += [(t.start, t.end) for t in (*seed_article.keywords_ar, *seed_article.keywords_en)]
    spans += [(s.start, s.end) for s in seed_article.sections]
    spans += [sp for p in seed_article.passages for sp in p.spans]
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    lines = re.finditer(r"[^\n]+", raw)
    left_out = [m.group() for m in lines if re.search(r"[^\W\d_]", m.group()) and not any(covered[m.start() : m.end()])]
    assert left_out == []
    assert seed_article.metadata["archive_notice"].text.endswith("التي يتضمن المقال تحتها.")


def test_references_are_entries(seed_article):
    refs = seed_article.passages_of("reference")
    assert len(refs) == 30
    numbered = [int(p.number) for p in refs if p.number]
    assert numbered[:8] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert refs[0].text.startswith("دانا علي صالح البرزنجي")
    noon = next(p for p in refs if p.text.startswith("الدبلوماسية الرقمية: لماذا تبعتها"))
    assert noon.text.endswith("<https://www.noonpost.com/content/30017>")
    assert all(p.section_id == _section(seed_article, "المصادر").id for p in refs)


def test_body_passages_have_sections_and_languages(seed_article):
    body = seed_article.body_passages()
    assert len(body) == 75
    assert all(p.section_id for p in body)
    assert {p.lang for p in body} == {"ar"}


# -- variant layouts (fixtures made for these tests) ----------------------------


def _headings(path):
    return [(s.level, s.heading) for s in read_article(path).sections]


def test_variant_mabhath_with_english_abstract():
    article = read_article(VARIANTS / "mabhath_abstract_en.txt")
    assert _headings(VARIANTS / "mabhath_abstract_en.txt") == [
        (1, "المقدمة"),
        (1, "المبحث الأول: الإطار النظري"),
        (2, "أولا: مفهوم الدبلوماسية العامة"),
        (2, "ثانيا: أدوات الدبلوماسية العامة"),
        (1, "المبحث الثاني: التطبيقات العملية"),
        (2, "أولا: تجربة وزارة الخارجية البريطانية"),
        (1, "الخاتمة"),
        (1, "المراجع"),
    ]
    assert article.metadata == {}
    assert article.abstract("en")[0].text.startswith("This study examines")
    assert [k.text for k in article.keywords_en] == ["public diplomacy", "digital platforms", "foreign policy"]
    assert [p.kind for p in article.passages].count("list_item") == 2
    assert len(article.passages_of("reference")) == 2
    concept = next(p for p in article.passages if p.text.startswith("الدبلوماسية العامة هي"))
    assert concept.text.endswith("تجاه سياساتها الخارجية.")


def test_variant_numbered_without_english():
    article = read_article(VARIANTS / "numbered_no_english.txt")
    assert [(s.level, s.heading) for s in article.sections] == [
        (1, "1- المقدمة"),
        (1, "2- الإطار المفاهيمي"),
        (2, "(1) تعريف المنصات الرقمية"),
        (2, "(2) خصائص المنصات الرقمية"),
        (1, "3- النتائج"),
    ]
    assert article.abstract("en") == [] and article.keywords_en == []
    assert article.title_ar.text == "أثر المنصات الرقمية في السياسة الخارجية"
    assert article.metadata["journal"].text == "مجلة العلوم السياسية"


def test_variant_roman_without_front_matter():
    article = read_article(VARIANTS / "roman_no_front.txt")
    assert [(s.level, s.heading) for s in article.sections] == [
        (1, "I. مخاطر الدبلوماسية الرقمية"),
        (2, "1- القرصنة"),
        (2, "2- التضليل الإعلامي"),
        (1, "II. سبل المواجهة"),
    ]
    assert article.metadata == {}
    assert [p.kind for p in article.passages] == ["abstract", "paragraph", "paragraph", "paragraph"]


# -- encodings and bad input ----------------------------------------------------


def test_utf8_bom_and_windows_1256_decode_to_the_same_text(tmp_path, seed_raw):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + seed_raw.encode("utf-8"))
    a = read_article(bom)
    assert a.encoding == "utf-8-sig" and a.raw == seed_raw
    variant = (VARIANTS / "numbered_no_english.txt").read_text(encoding="utf-8")
    cp = tmp_path / "cp1256.txt"
    cp.write_bytes(variant.encode("cp1256"))
    b = read_article(cp)
    assert b.encoding == "cp1256" and b.raw == variant
    forced = read_article(cp, encoding="cp1256")
    assert forced.raw == variant


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n  ", "the file is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00binary", "binary file"),
        ("Only English text here, no Arabic at all.".encode(), "no Arabic text found"),
        (b"Caf\xe9 r\xe9sum\xe9 in Latin-1, not Arabic. " * 5, "undecodable bytes"),
    ],
)
def test_bad_input_is_refused_with_the_file_and_the_reason(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_article(path)
    assert str(path) in str(info.value)


def test_utf16_with_a_byte_order_mark_is_read(tmp_path, seed_raw):
    # Notepad's "Unicode": full of NUL bytes, and was refused as a binary file.
    for codec in ("utf-16", "utf-16-be"):
        path = tmp_path / f"{codec}.txt"
        data = seed_raw.encode(codec)
        path.write_bytes(data if data.startswith((b"\xff\xfe", b"\xfe\xff")) else b"\xfe\xff" + data)
        article = read_article(path)
        assert article.encoding == "utf-16" and article.raw == seed_raw
        assert [p.text for p in article.passages] == [p.text for p in read_article(seed_raw, name="s").passages]


def test_damaged_utf8_is_refused_not_read_as_windows_1256(tmp_path, seed_raw):
    # A UTF-8 file cut in the middle of a character, or with one bad byte, used to be read as
    # Windows-1256 mojibake (ط/ظ letters) without a word.
    data = seed_raw.encode("utf-8")
    cut = next(i for i in range(len(data) // 2, len(data)) if 0x80 <= data[i] < 0xC0)
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut])
    with pytest.raises(InputError, match=rf"ends in the middle of a UTF-8 character \(byte offset {cut - 1}\): the file looks cut off"):
        read_article(path)
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    with pytest.raises(InputError, match=r"is UTF-8 Arabic with \d+ invalid byte sequence\(s\)") as info:
        read_article(path)
    assert str(path) in str(info.value)


def test_forced_wrong_encoding_names_the_byte(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("الملخص".encode("cp1256"))
    with pytest.raises(InputError, match=r"cannot be decoded as utf-8: invalid byte 0x"):
        read_article(path, encoding="utf-8")


def test_missing_file(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file"):
        read_article(tmp_path / "absent.txt")


def test_no_abstract_is_an_error_unless_allowed():
    text = "المقدمة\nهذا نص عربي قصير عن الدبلوماسية الرقمية وأدواتها في العلاقات الدولية المعاصرة.\n"
    with pytest.raises(StructureError, match="no abstract found"):
        read_article(text, name="noabstract.txt")
    article = read_article(text, settings=ReaderSettings(require_abstract=False))
    assert [s.heading for s in article.sections] == ["المقدمة"]
    assert article.body_passages()[0].text.startswith("هذا نص عربي")


def test_an_article_without_line_breaks_is_refused_with_the_reason(seed_raw):
    reason = r"no abstract found .*the text has only 1 line\(s\) for 36,470 characters"
    with pytest.raises(StructureError, match=reason):
        read_article(" ".join(seed_raw.split()), name="one-line.txt")


def test_windows_line_endings_read_the_same(seed_raw):
    lf = read_article(seed_raw, name="lf")
    crlf = read_article(seed_raw.replace("\n", "\r\n"), name="crlf")
    assert [s.heading for s in crlf.sections] == [s.heading for s in lf.sections]
    assert [p.text for p in crlf.passages] == [p.text for p in lf.passages]
    for passage in crlf.passages:
        assert "\r" not in passage.text
        s, e = passage.text_map.span_to_raw(0, len(passage.text))
        assert crlf.raw[s] == passage.text[0]


def test_old_mac_line_endings_read_the_same(seed_raw):
    # A lone CR ends a line too: the whole file used to be one line ("no abstract found").
    lf = read_article(seed_raw, name="lf")
    cr = read_article(seed_raw.replace("\n", "\r"), name="cr")
    assert [s.heading for s in cr.sections] == [s.heading for s in lf.sections]
    assert [(p.kind, p.text) for p in cr.passages] == [(p.kind, p.text) for p in lf.passages]
    for passage in cr.passages:
        s, e = passage.text_map.span_to_raw(0, len(passage.text))
        assert "\r" not in passage.text and cr.raw[s] == passage.text[0]


def test_text_without_blank_lines_is_read_line_by_line(seed_raw):
    # What many PDF-to-text tools give: no blank line between paragraphs. It used to be one
    # block whose first line was the journal name, so "no abstract found".
    normal = read_article(seed_raw, name="seed")
    flat_raw = re.sub(r"\n[ \t]*\n+", "\n", seed_raw)
    flat = read_article(flat_raw, name="flat")
    assert [s.heading for s in flat.sections] == [s.heading for s in normal.sections]
    assert flat.title_ar.text == normal.title_ar.text
    assert [k.text for k in flat.keywords_ar] == [k.text for k in normal.keywords_ar]
    assert [k.text for k in flat.keywords_en] == [k.text for k in normal.keywords_en]
    assert sorted(flat.metadata) == sorted(normal.metadata)

    def body(article):
        return [(p.kind, p.text) for p in article.passages if p.kind in ("abstract", "paragraph", "list_item")]

    # Abstracts, paragraphs and list items come out the same, and so do the 30 references:
    # an entry split over lines is told by its lines (a trailing comma, a line that begins with
    # its link, a short date fragment), not by blank lines (2 of 30 were split before).
    assert body(flat) == body(normal)

    def refs(article):
        return [(p.number, p.text) for p in article.passages if p.kind == "reference"]

    assert len(refs(normal)) == 30 and refs(flat) == refs(normal)
    for passage in flat.passages:
        s, e = passage.text_map.span_to_raw(0, len(passage.text))
        assert flat.raw[s] == passage.text[0]


def test_headings_and_labels_are_found_through_marks_invisibles_and_persian_letters(seed_raw):
    # OCR and PDF conversion leave vowel marks, tatweel, zero-width characters and Persian
    # look-alike letters inside labels; the vowelled heading "المُلَخَّص" used to give
    # "no abstract found" and a Persian-kaf "اسم الکاتب" lost the author (pipeline fuzz run).
    plain = read_article(seed_raw, name="plain")
    damaged = (
        seed_raw.replace("\nالملخص\n", "\nالمُلَخَّص\n", 1)
        .replace("الكلمات المفتاحية:", "الكلمـات المفتاحيّة:", 1)
        .replace("اسم الكاتب:", "اسم الکاتب:", 1)
        .replace("تاريخ الاستلام:", "تاريخ\u200c الاستلام:", 1)
    )
    article = read_article(damaged, name="damaged")
    assert [p.text for p in article.abstract("ar")] == [p.text for p in plain.abstract("ar")]
    assert [k.text for k in article.keywords_ar] == [k.text for k in plain.keywords_ar]
    assert article.metadata["author"].text == plain.metadata["author"].text
    assert article.metadata["received"].text == plain.metadata["received"].text == "2024/6/4"
    for span in (article.metadata["author"], *article.keywords_ar):
        assert article.raw[span.start : span.end] == span.text


def test_dates_with_invisible_characters_between_their_digits_are_read(seed_raw):
    # PDF text puts direction marks and zero-width characters around and inside numbers of
    # right-to-left lines; three of the four dates of the front matter used to be lost.
    rng = random.Random(0)
    head, rest = seed_raw[:3000], seed_raw[3000:]
    marked = []
    for ch in head:
        marked.append(ch)
        if ch.isdigit() and rng.random() < 0.6:
            marked.append(rng.choice("\u200b\u200e\u200f\u2066\u2069"))
    article = read_article("".join(marked) + rest, name="marked")
    plain = read_article(seed_raw, name="seed")
    invisible = re.compile("[\u200b-\u200f\u2066-\u2069]")
    for key in ("received", "accepted", "published", "retrieved"):
        assert invisible.sub("", article.metadata[key].text) == plain.metadata[key].text
        span = article.metadata[key]
        assert article.raw[span.start : span.end] == span.text


def test_date_fields_with_named_months_and_labels_without_a_date(seed_raw):
    # The seed's dates line, rewritten as other journals write it: a label first named without a
    # date (the date label is searched again further on), the longer label «تاريخ القبول للنشر»,
    # named months in both orders, a month pair and an English line.
    line = "تاريخ الاستلام: 2024/6/4 تاريخ القبول: 2024/6/30 تاريخ النشر: 2024/10/30"
    variants = {
        "تاريخ القبول والتحكيم بعد الاستلام، تاريخ الاستلام: 4 حزيران/ يونيو 2024 "
        "تاريخ القبول للنشر: 30 يونيو 2024": ("4 حزيران/ يونيو 2024", "30 يونيو 2024"),
        "Received: June 4, 2024; Accepted on 30th Jun. 2024": ("June 4, 2024", "30th Jun. 2024"),
    }
    for new_line, (received, accepted) in variants.items():
        article = read_article(seed_raw.replace(line, new_line, 1), name="dates")
        assert (article.metadata["received"].text, article.metadata["accepted"].text) == (received, accepted)
        span = article.metadata["accepted"]
        assert article.raw[span.start : span.end] == accepted


def test_two_word_abstract_heading_is_not_cut_after_its_first_word(seed_raw):
    # "ملخص البحث" stopped at "ملخص", left "البحث" as text, and so was not a heading at all.
    article = read_article(seed_raw.replace("\nالملخص\n", "\nملخص البحث\n", 1), name="two-word")
    assert article.abstract("ar")[0].text.startswith("في القرن العشرين")
    heading = article.raw.index("ملخص البحث")
    assert (heading, heading + len("ملخص البحث")) in article.structure_spans


def test_article_in_presentation_forms_is_read_like_the_seed(seed_raw):
    # The whole seed in glyph codes was refused as "no Arabic text found"; with only some
    # letters so, the abstract heading was missed and the abstract read as front matter.
    plain = read_article(seed_raw, name="seed")
    glyphs = read_article(as_presentation_forms(seed_raw), name="glyphs")
    assert "ﺍ" in glyphs.raw and "ﻻ" in glyphs.raw
    assert [fold_glyphs(s.heading) for s in glyphs.sections] == [s.heading for s in plain.sections]
    # (both sides folded: the seed's own damage has a Devanagari nukta, which folding drops too)
    assert [(p.kind, p.lang, fold_glyphs(p.text)) for p in glyphs.passages] == [
        (p.kind, p.lang, fold_glyphs(p.text)) for p in plain.passages
    ]
    assert [fold_glyphs(k.text) for k in glyphs.keywords_ar] == [k.text for k in plain.keywords_ar]
    assert {k: fold_glyphs(v.text) for k, v in glyphs.metadata.items()} == {
        k: v.text for k, v in plain.metadata.items()
    }
    for span in (glyphs.title_ar, glyphs.metadata["journal"], *glyphs.keywords_ar):
        assert glyphs.raw[span.start : span.end] == span.text


def test_front_matter_labels_are_read_through_zero_width_characters(seed_raw):
    # A zero-width space in «إعداد» lost the byline label, so the author's name was taken for
    # the title; one after the space of «رابط ثابت» lost the link, and one in the address cut
    # the e-mail to its last character (pipeline fuzz run, zero-width variant).
    plain = read_article(seed_raw, name="seed")
    damaged = (
        seed_raw.replace("\nإعداد\n", "\nإعد\u200bاد\n", 1)
        .replace("رابط ثابت:", "رابط \u200bثابت:", 1)
        .replace("Enasmigbil74@", "Enasmigbil7\u200c4@", 1)
    )
    article = read_article(damaged, name="zw")
    assert article.title_ar.text == plain.title_ar.text
    assert article.metadata["permalink"].text == plain.metadata["permalink"].text
    assert article.metadata["email"].text == "Enasmigbil7\u200c4@gmail.com"
    label = article.raw.index("إعد\u200bاد")
    assert (label, label + 6) in article.structure_spans


def test_ocr_damaged_byline_label_and_abstract_heading(seed_raw):
    # A doubled letter in «إعداد» made every front-matter line a title candidate (the author's
    # line became the title, the title line was covered by nothing); «المل خص», split by OCR,
    # was no heading, and the whole Arabic abstract was read as the archive notice.
    plain = read_article(seed_raw, name="seed")
    damaged = seed_raw.replace("\nإعداد\n", "\nإعدااد\n", 1).replace("\nالملخص\n", "\nالمل خص\n", 1)
    article = read_article(damaged, name="damaged")
    assert article.title_ar.text == plain.title_ar.text
    assert article.metadata["author_en"].text == plain.metadata["author_en"].text
    assert [p.text for p in article.abstract("ar")] == [p.text for p in plain.abstract("ar")]
    heading = article.raw.index("المل خص")
    assert (heading, heading + len("المل خص")) in article.structure_spans


def test_title_is_the_line_that_repeats_the_article_name_field(seed_raw):
    # Without any byline label the title is the front-matter line closest to «اسم المقال:»,
    # not the last Arabic line before the abstract (here the author's name).
    plain = read_article(seed_raw, name="seed")
    article = read_article(seed_raw.replace("\nإعداد\n", "\n", 1), name="no-label")
    assert article.title_ar.text == plain.title_ar.text


def test_abstract_whose_first_line_looks_like_a_heading_keeps_its_text(seed_raw):
    # A UN document wrapped as an article: its abstract opened with «أولاً - ...», taken for a
    # body heading, and the abstract's three lines were covered by no span (fuzz run).
    first = "أولاً - المسائل الدستورية والقانونية والسياسية"
    text = seed_raw.replace("\nالملخص\n\n", f"\nالملخص\n\n{first}\n", 1)
    article = read_article(text, name="numbered-abstract")
    abstract = article.abstract("ar")
    assert abstract[0].text.startswith(first)
    assert "في القرن العشرين" in " ".join(p.text for p in abstract)
    assert [s.heading for s in article.sections] == [s.heading for s in read_article(seed_raw, name="s").sections]


def test_short_arabic_text_says_how_many_letters_it_has(tmp_path, capsys):
    # "no Arabic text found" for a text that is Arabic, only too short for an article.
    from pipeline.cli import main

    tiny = tmp_path / "tiny.txt"
    tiny.write_text("مرحبا بالعالم\n", encoding="utf-8")
    assert main(["read", str(tiny)]) == 2
    assert capsys.readouterr().err == (
        f"error: {tiny}: only 12 Arabic letters (an article needs at least 20; setting [stages.read] min_arabic_letters)\n"
    )


_NOTE = "يتناول هذا البحث ملخصاً ثانياً مختلفاً عن الأول، ويبحث في أثر وسائل التواصل الاجتماعي على السياسة الخارجية."


@pytest.mark.parametrize(
    ("where", "inserted"),
    [
        ("\nsummary\n", f"\n{_NOTE}\n"),  # a note between the Arabic keywords and the English abstract
        ("\nsummary\n", f"\nالملخص\n\n{_NOTE}\n"),  # a second Arabic abstract heading there
        ("\nالملخص\n", "\nهذا البحث مستل من رسالة ماجستير\n"),  # a short note in the front matter
    ],
)
def test_text_between_the_parts_of_the_front_matter_is_kept(seed_raw, where, inserted):
    # Blocks between the two abstracts were skipped (the body started after the later one), and
    # a front-matter line that was no title or byline was covered by nothing: both silently lost
    # (new-user audit). They are now paragraphs before the first section.
    at = seed_raw.index(where)
    text = seed_raw[:at] + inserted + seed_raw[at:]
    plain = read_article(seed_raw, name="seed")
    article = read_article(text, name="noted")
    note = inserted.strip().split("\n")[-1]
    kept = [p for p in article.passages if note in p.text]
    assert len(kept) == 1 and kept[0].kind == "paragraph" and kept[0].section_id is None
    assert [p.text for p in article.passages if p is not kept[0]] == [p.text for p in plain.passages]
    assert article.title_ar.text == plain.title_ar.text
    assert [s.heading for s in article.sections] == [s.heading for s in plain.sections]


def test_reference_lines_without_blank_lines_join_but_short_entries_after_a_blank_line_stay(seed_raw):
    normal = read_article(seed_raw, name="seed")
    refs = [p.text for p in normal.passages if p.kind == "reference"]
    flat_crlf = re.sub(r"\n[ \t]*\n+", "\n", seed_raw).replace("\n", "\r\n")
    assert [p.text for p in read_article(flat_crlf, name="crlf").passages if p.kind == "reference"] == refs
    # A short unnumbered entry of its own, set off by blank lines, is not taken into the one before.
    with_short = seed_raw.replace("\n\n7. صباح", "\n\nالمصدر نفسه.\n\n7. صباح", 1)
    assert with_short != seed_raw
    got = [p.text for p in read_article(with_short, name="short").passages if p.kind == "reference"]
    assert "المصدر نفسه." in got and len(got) == len(refs) + 1


def test_text_without_abstract_keeps_its_title_out_of_the_first_paragraph(shared_data):
    """With require_abstract off, a news story's title was joined to its first paragraph."""
    import json

    from pipeline.reader import ReaderSettings

    path = shared_data / "arabic-text" / "ant-corpus-v1.1-politics-intl" / "docs.jsonl"
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(next(fh)) for _ in range(20)]
    settings = ReaderSettings(require_abstract=False)
    checked = 0
    for doc in docs:
        title = doc["title"].strip()
        if not title or title.endswith((".", "؟", "!")) or len(title.split()) > 15:
            continue  # a longer first line is not taken for a title (front matter keeps titles short)
        article = read_article(doc["title"] + "\n\n" + doc["text"], name=doc["id"], settings=settings)
        assert article.title_ar is not None and article.title_ar.text == doc["title"].strip()
        first = next(p for p in article.passages if p.kind == "paragraph")
        assert not first.text.startswith(doc["title"].strip())
        checked += 1
    assert checked >= 10


def test_labels_with_words_run_together_by_ocr_are_found(seed_raw):
    """«الكلماتالمفتاحية:» (OCR dropped the space) made the keyword line an abstract sentence."""
    plain = read_article(seed_raw, name="plain")
    merged = seed_raw.replace("الكلمات المفتاحية:", "الكلماتالمفتاحية:", 1)
    assert merged != seed_raw
    article = read_article(merged, name="merged")
    assert [k.text for k in article.keywords_ar] == [k.text for k in plain.keywords_ar]
    assert [p.text for p in article.abstract("ar")] == [p.text for p in plain.abstract("ar")]
