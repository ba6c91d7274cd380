"""The reader's de-interleaving of two-column bilingual boxes (pipeline.reader._deinterleaved),
after the tenth review: it was quadratic in a run of alternating Arabic/English lines without an
abstract label, and it reached past the box into the body (a lost «المقدمة», passages whose spans
ran backwards). The texts are the ninth audit's box article (real UN text) and the review's
compact front matter built from real article lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import reader
from pipeline.reader import ReaderSettings, read_article

from .conftest import LAYOUT_ARTICLES, SEED_PATH

BOX = LAYOUT_ARTICLES / "eg_bilingual_box.txt"
LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")

# The review's compact bilingual front matter: one line per field, no blank lines, then the body.
COMPACT = """الدبلوماسية الرقمية في السياسة الخارجية العربية
Digital Diplomacy in Arab Foreign Policy
د. خالد محمود الراوي
Dr. Khalid Mahmoud Al-Rawi
الملخص: تتناول هذه الدراسة دور الدبلوماسية الرقمية في السياسة الخارجية للدول العربية منذ عام 2011، وتخلص إلى أن وسائل التواصل غيرت ممارسة الدبلوماسية.
Abstract: This study examines the role of digital diplomacy in the foreign policy of Arab states since 2011, and argues that social media changed the practice of diplomacy.
الكلمات المفتاحية: الدبلوماسية الرقمية، السياسة الخارجية، وسائل التواصل
Keywords: digital diplomacy, foreign policy, social media
المقدمة
تعد الدبلوماسية من أقدم أدوات العلاقات الدولية (Berridge, 2015)، وقد تطورت عبر العصور.
Diplomacy is the conduct of international relations by negotiation.
وهذا التعريف هو الأكثر شيوعا في أدبيات العلاقات الدولية المعاصرة وفي الدراسات العربية.
ثم تطور المفهوم.
وتغير كثيرا.
"""


def _assert_spans_forward(article, name: str = "") -> None:
    """No passage's spans run backwards or overlap (each piece comes after the one before it)."""
    for passage in article.passages:
        spans = list(passage.spans)
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert start >= end, (name, passage.id, spans)


def _box_lines() -> tuple[list[str], list[str]]:
    """The box's abstract lines, Arabic and English, as the PDF text alternates them."""
    lines = BOX.read_text(encoding="utf-8").splitlines()
    start = lines.index("Abstract") + 1
    box = lines[start : start + 26]
    ar = [line for line in box if reader._line_script(line) == "ar"]
    en = [line for line in box if reader._line_script(line) == "en"]
    assert len(ar) >= 10 and len(en) >= 10
    return ar, en


def _alternating(pairs: int, label: bool) -> str:
    ar, en = _box_lines()
    lines = ["المستخلص", "Abstract"] if label else []
    for k in range(pairs):
        lines += [ar[k % len(ar)], en[k % len(en)]]
    return "\n".join(lines) + "\n"


def _count_label_checks(monkeypatch) -> list[int]:
    calls = [0]
    original = reader._opens_abstract_or_keywords

    def counting(text: str) -> bool:
        calls[0] += 1
        return original(text)

    monkeypatch.setattr(reader, "_opens_abstract_or_keywords", counting)
    return calls


def test_a_long_alternating_run_without_a_label_is_scanned_once_and_left_in_place(monkeypatch):
    # 400 pairs of the box's lines with no abstract label: the old loop re-scanned the run from
    # each line (~n²/2 label checks); now each line is checked once.
    text = _alternating(400, label=False)
    calls = _count_label_checks(monkeypatch)
    blocks = reader._blocks(text, ReaderSettings())
    n_lines = 800
    assert 0 < calls[0] <= n_lines
    # no label: nothing is reordered, every line is kept in raw order
    starts = [line.start for block in blocks for line in block.lines]
    assert len(starts) == n_lines and starts == sorted(starts)


def test_a_long_box_with_a_label_is_read_column_by_column_in_bounded_checks(monkeypatch):
    text = _alternating(400, label=True)
    calls = _count_label_checks(monkeypatch)
    lines, at = [], 0
    for line in text.splitlines():
        lines.append(reader._Line(at, at + len(line), line))
        at += len(line) + 1
    parts = reader._deinterleaved(lines)
    assert 0 < calls[0] <= len(lines) == 802
    calls[0] = 0
    article = read_article(text, name="box400.txt")
    assert calls[0] <= 4 * 802  # a few passes over the lines, not one per line and start
    # one column after the other, each in raw order
    columns = [p for p in parts if p]
    assert [reader._line_script(p[0].text) for p in columns] == ["ar", "en"]
    for part in columns:
        assert len({reader._line_script(line.text) for line in part}) == 1
        assert [line.start for line in part] == sorted(line.start for line in part)
    assert len(columns[0]) == len(columns[1]) == 401
    assert not any(_LATIN.search(p.text) for p in article.passages if p.lang == "ar")
    _assert_spans_forward(article)


def test_compact_bilingual_front_matter_keeps_the_body_heading_and_its_lines():
    article = read_article(COMPACT, name="compact.txt")
    # the box ends at «المقدمة»: the section is found, and the body's lines stay in raw order
    assert [s.heading for s in article.sections] == ["المقدمة"]
    body = [p for p in article.passages if p.section_id == article.sections[0].id]
    assert body and body[0].text.startswith("تعد الدبلوماسية من أقدم")
    assert "Diplomacy is the conduct" in body[0].text
    assert all(p.section_id is None for p in article.passages if "الملخص" in p.text)
    assert [k.text for k in article.keywords_ar] == ["الدبلوماسية الرقمية", "السياسة الخارجية", "وسائل التواصل"]
    assert [k.text for k in article.keywords_en] == ["digital diplomacy", "foreign policy", "social media"]
    assert article.title_en is not None and article.title_en.text == "Digital Diplomacy in Arab Foreign Policy"
    _assert_spans_forward(article)


def test_the_box_article_without_blank_lines_keeps_its_one_line_fields_in_place():
    # With no blank lines the whole front page alternates; only the abstract and keywords
    # (from the first label on) are columns: the title pair and the issue lines stay put.
    text = "\n".join(line for line in BOX.read_text(encoding="utf-8").splitlines() if line.strip()) + "\n"
    article = read_article(text, name="box_noblank.txt")
    assert article.title_ar is not None and article.title_ar.text == "الوساطة الإقليمية في الأزمة الليبية:"
    assert article.title_en is not None and article.title_en.text == "Regional Mediation in the Libyan Crisis:"
    ar, en = article.abstract("ar"), article.abstract("en")
    assert ar and ar[0].text.startswith("وأعرب عن القلق أيضا")
    assert en and en[0].text.startswith("Concern was also raised")
    assert [k.text for k in article.keywords_ar][:2] == ["الوساطة", "الأزمة الليبية"]
    # no front passage mixes the Arabic title with an English line
    for passage in article.passages:
        if passage.section_id is None and passage.kind != "abstract":
            assert not (_ARABIC.search(passage.text) and _LATIN.search(passage.text)), passage.text
    assert [s.heading for s in article.sections][0] == "مقدمة"
    _assert_spans_forward(article)


def test_an_english_first_box_without_blank_lines_around_its_keywords_does_not_run_backwards():
    # The review's insertion into the English-first article: an English-led box whose English
    # keywords line came right before the Arabic column in the reordered block, and a front-matter
    # note joined the two ([[613, 639], [360, 405]]).
    box = [
        "Abstract:",
        "This study examines the role of digital diplomacy in",
        "تتناول هذه الدراسة دور الدبلوماسية الرقمية في",
        "the foreign policy of Arab states since 2011, and",
        "السياسة الخارجية للدول العربية منذ عام 2011،",
        "argues that social media changed the practice of diplomacy.",
        "وتخلص إلى أن وسائل التواصل غيرت ممارسة الدبلوماسية.",
        "Keywords: diplomacy, media",
    ]
    lines = (LAYOUTS / "front_english_first.txt").read_text(encoding="utf-8").splitlines()
    at = lines.index("Keywords: multilateral diplomacy, regional crises, mediation.") + 1
    article = read_article("\n".join(lines[:at] + ["", *box, ""] + lines[at:]) + "\n", name="en_first_box.txt")
    _assert_spans_forward(article)
    keywords = next(p for p in article.passages if p.text.startswith("Keywords: diplomacy"))
    assert not _ARABIC.search(keywords.text)


@pytest.mark.parametrize("blank_lines", [True, False])
def test_no_passage_runs_backwards_in_the_layout_articles_and_the_seed(blank_lines):
    for path in [SEED_PATH, *sorted(LAYOUT_ARTICLES.glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        if not blank_lines:
            text = "\n".join(line for line in text.splitlines() if line.strip()) + "\n"
        # (as the layout scorer reads them: the symposium report has no abstract)
        settings = ReaderSettings(require_abstract=False)
        _assert_spans_forward(read_article(text, name=path.name, settings=settings), path.name)


def test_a_keywords_line_without_a_closing_comma_keeps_its_continuation():
    # «الكلمات المفتاحية: الوساطة، الأزمة الليبية» (no comma at the end) still runs on to
    # «دول الجوار، ...» two lines down: the Arabic column's keywords end only there.
    text = BOX.read_text(encoding="utf-8").replace(
        "الكلمات المفتاحية: الوساطة، الأزمة الليبية،\n", "الكلمات المفتاحية: الوساطة، الأزمة الليبية\n"
    )
    assert "الأزمة الليبية\n" in text
    article = read_article(text, name="box_kw.txt")
    assert "دول الجوار" in [k.text for k in article.keywords_ar]
    _assert_spans_forward(article)


def test_a_box_cut_by_a_stray_english_line_is_still_read_column_by_column():
    # A numbered English note moved into the abstract (the review's movefn variant) reads as a
    # heading and cuts the box in two; the second part holds the keywords but no abstract label
    # and is reordered whole.
    lines = BOX.read_text(encoding="utf-8").splitlines()
    at = lines.index("expressed was that Article 33 envisaged a hierarchy")
    stray = "4. Lacher, Wolfram. Libya's Fragmentation: Structure and Process in Violent Conflict."
    article = read_article("\n".join(lines[:at] + [stray] + lines[at:]) + "\n", name="box_stray.txt")
    ar = article.abstract("ar")
    assert ar and not any(_LATIN.search(p.text) for p in ar)
    assert [k.text for k in article.keywords_ar][:3] == ["الوساطة", "الأزمة الليبية", "دول الجوار"]
    _assert_spans_forward(article)
