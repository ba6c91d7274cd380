"""The reader on layouts other than the seed's, from a new-user audit on articles laid out as
pdftotext gives other journals (fixtures in tests/fixtures/layouts/, real UN and ANT text)."""

from __future__ import annotations

import re

from pipeline.reader import ReaderSettings, parse_article, read_article

from .conftest import REPO

LAYOUTS = REPO / "tests" / "fixtures" / "layouts"


def _left_out(article) -> list[str]:
    """Raw lines with a letter that no span of the structure covers (text the reader lost)."""
    raw = article.raw
    covered = bytearray(len(raw))
    spans = list(article.structure_spans)
    spans += [(t.start, t.end) for t in article.metadata.values()]
    spans += [(t.start, t.end) for t in (*article.keywords_ar, *article.keywords_en)]
    spans += [(t.start, t.end) for t in (article.title_ar, article.title_en) if t is not None]
    spans += [(s.start, s.end) for s in article.sections]
    spans += [sp for p in article.passages for sp in p.spans]
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    lines = re.finditer(r"[^\n]+", raw)
    return [m.group() for m in lines if re.search(r"[^\W\d_]", m.group()) and not any(covered[m.start() : m.end()])]


def _texts(spans) -> list[str]:
    return [s.text for s in spans]


def test_keywords_that_wrap_or_start_on_the_next_line_are_kept():
    """The second line of a wrapped Arabic list, and English keywords under a bare "Keywords:", were dropped."""
    article = read_article(LAYOUTS / "labels_keywords_wrapped.txt")
    assert _texts(article.keywords_ar) == [
        "الأمم المتحدة",
        "الأمن الجماعي",
        "مجلس الأمن",
        "عمليات حفظ السلام",
        "الدبلوماسية الوقائية",
        "الحرب الباردة",
        "النظام الدولي",
    ]
    assert _texts(article.keywords_en) == ["United Nations", "collective security", "Security Council", "peacekeeping"]
    assert _left_out(article) == []


def test_labels_followed_by_a_dash_open_the_abstracts_and_keywords():
    """«الملخص – ...» and "Abstract—..." made "no abstract found"; "Keywords—" was a paragraph."""
    article = read_article(LAYOUTS / "labels_dash.txt")
    (ar,) = article.abstract("ar")
    (en,) = article.abstract("en")
    assert ar.text.startswith("تحتفل كوبا") and en.text.startswith("Cuba wishes")
    assert _texts(article.keywords_ar) == ["الأمم المتحدة", "الأمن الجماعي"]
    assert _texts(article.keywords_en) == ["United Nations", "collective security"]
    assert [p.kind for p in article.passages] == ["abstract", "abstract", "paragraph"]


def test_run_in_labels_without_a_separator():
    """«ملخص البحث» and ABSTRACT in capitals open an abstract with the text on their line; a
    sentence that starts «ملخص القول» stays a sentence; "Index Terms—" is a keywords label."""
    article = read_article(LAYOUTS / "labels_run_in.txt")
    (ar,) = article.abstract("ar")
    (en,) = article.abstract("en")
    assert ar.text.startswith("تحتفل كوبا") and en.text.startswith("Cuba wishes")
    assert _texts(article.keywords_ar) == ["الأمم المتحدة", "الأمن الجماعي"]
    assert _texts(article.keywords_en) == ["United Nations", "collective security"]
    (body,) = article.passages_of("paragraph")
    assert body.text.startswith("ملخص القول")


def test_text_after_the_keywords_in_their_block_is_not_lost():
    """A paragraph with no blank line after the keywords line was skipped with the keywords block."""
    raw = (LAYOUTS / "labels_dash.txt").read_text(encoding="utf-8")
    line = "الكلمات المفتاحية: الأمم المتحدة، الأمن الجماعي."
    assert line in raw
    extra = "وتؤكد الدراسة أن العمل الجماعي شرط للأمن الدولي."
    article = parse_article(raw.replace(line, line + "\n" + extra), settings=ReaderSettings())
    assert _texts(article.keywords_ar) == ["الأمم المتحدة", "الأمن الجماعي"]
    assert _left_out(article) == []
    assert any(p.text == extra for p in article.passages)
