"""Output formats of the alignment: a side-by-side table, TMX 1.4 and a TSV bitext."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .. import camel
from ..document import Article

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class AlignedPair:
    """One link with its texts: sentence (or title / keyword) texts on each side, in order."""

    kind: str
    ar_ids: list[str]
    en_ids: list[str]
    ar: list[str]
    en: list[str]
    score: float
    #: Words of the Arabic side the repair stage flagged and left as they are, each with its
    #: suggestions (``للاستخدان → للاستخدام``): the segment may still hold an OCR error.
    flagged: list[str] = field(default_factory=list)


def aligned_pairs(article: Article) -> list[AlignedPair]:
    """The article's links with the texts they join, in the order title, keywords, abstract.

    Texts are made fit for a translation memory (:func:`segment_text`): one line, Arabic
    presentation-form glyph codes as letters, no invisible or control characters.
    """
    texts: dict[str, str] = {}
    for p in article.passages:
        for s in p.sentences:
            texts[s.id] = segment_text(s.text, p.lang)
    if article.title_ar is not None:
        texts["title.ar"] = segment_text(article.title_ar.text, "ar")
    if article.title_en is not None:
        texts["title.en"] = segment_text(article.title_en.text, "en")
    for lang, kws in (("ar", article.keywords_ar), ("en", article.keywords_en)):
        for i, k in enumerate(kws):
            texts[f"kw.{lang}.{i}"] = segment_text(k.text, lang)
    spans = {s.id: (s.start, s.end) for p in article.passages for s in p.sentences}
    flags = [e for e in article.edits if e.status == "flagged"]
    pairs = []
    for link in article.alignments:
        held = [spans[i] for i in link.ar if i in spans]
        flagged = [
            segment_text(e.original, "ar") + (" → " + " / ".join(e.suggestions) if e.suggestions else "")
            for e in flags
            if any(start <= e.start and e.end <= end for start, end in held)
        ]
        pairs.append(
            AlignedPair(
                link.kind,
                list(link.ar),
                list(link.en),
                [texts.get(i, "") for i in link.ar],
                [texts.get(i, "") for i in link.en],
                link.score,
                flagged,
            )
        )
    return pairs


#: Invisible characters (zero-width, direction marks, soft hyphen, BOM) and C0/C1 controls:
#: a translation memory matches visible text, and a control character in a TSV or a terminal
#: table is an escape code.
_INVISIBLE = re.compile(f"[{camel.INVISIBLE_CHARACTERS}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def segment_text(text: str, lang: str) -> str:
    """A text as a translation-memory segment: one line, no invisible or control characters,
    and for Arabic the letters of presentation-form glyph codes (ﺍﻟﻤﻠﺨﺺ -> الملخص; titles and
    keywords are raw text, which the repair stage does not touch)."""
    text = camel.fold_glyphs(text) if lang == "ar" else _INVISIBLE.sub("", text)
    return _one_line(_INVISIBLE.sub("", text))


def _one_line(text: str) -> str:
    return " ".join(text.split())


# Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF): a stray one
# from a PDF conversion would make the whole TMX file unreadable to an XML parser.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


#: Left-to-right mark at the start of every table line: a terminal that sets a line's direction from
#: its first letter would otherwise draw a line holding only Arabic right to left, across the columns.
_LRM = "\u200e"


def _cells(char: str) -> int:
    # Combining marks (Arabic harakat and tanween, a decomposed ü) and format characters take no
    # cell; East Asian wide and fullwidth characters (an ideograph leaked in by OCR) take two.
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: combining marks 0, East Asian wide/fullwidth characters 2, others 1.

    Args:
        text: One line of text (no tabs or control characters).

    Returns:
        The number of cells, which a fixed-width terminal uses to place the next column.
    """
    return sum(_cells(c) for c in text)


def _pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - display_width(text))


def _cut_word(word: str, cells: int) -> list[str]:
    # Cut between characters that take a cell, so a mark stays with its letter.
    pieces, piece, used = [], "", 0
    for char in word:
        n = _cells(char)
        if n and used + n > cells and piece:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += n
    if piece:
        pieces.append(piece)
    return pieces


def wrap_cells(text: str, cells: int) -> list[str]:
    """Greedy word wrap of ``text`` into lines of at most ``cells`` terminal cells.

    Unlike :func:`textwrap.wrap`, which counts characters, a line holds as many words as fit
    on the screen: Arabic with diacritics fills the column, and wide characters do not spill
    over it. A word wider than a line is cut between letters (never before a combining mark).

    Args:
        text: The text; runs of whitespace count as one space.
        cells: Line width in cells (at least 2, so a wide character fits).

    Returns:
        The lines, empty for a blank text.
    """
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        n = display_width(word)
        if line and used + 1 + n <= cells:
            line, used = f"{line} {word}", used + 1 + n
            continue
        if line:
            lines.append(line)
        if n <= cells:
            line, used = word, n
            continue
        *full, line = _cut_word(word, cells)
        lines.extend(full)
        used = display_width(line)
    if line:
        lines.append(line)
    return lines


def to_table(pairs: list[AlignedPair], width: int = 120) -> str:
    """A readable side-by-side table: English on the left, Arabic on the right, one block per link.

    Columns are measured in terminal cells (:func:`display_width`), not characters, so a
    decomposed accent or Arabic diacritics do not shift the Arabic column and a wide
    character does not push a line past ``width``.

    Args:
        pairs: The links with their texts.
        width: Terminal cells per line (the terminal's width when writing to one).
    """
    col = max(20, (width - 20) // 2)
    lines = [f"{'link':<18}{'English':<{col}}  Arabic", "-" * min(width, 18 + 2 * col + 2)]
    for p in pairs:
        left = wrap_cells(" ".join(p.en), col) or ["—"]
        right = wrap_cells(" ".join(p.ar), col) or ["—"]
        head = f"{p.kind} {len(p.ar)}-{len(p.en)} {p.score:.2f}"
        for n in range(max(len(left), len(right))):
            tag = head if n == 0 else ""
            en = left[n] if n < len(left) else ""
            ar = right[n] if n < len(right) else ""
            lines.append(_LRM + f"{_pad(tag, 18)}{_pad(en, col)}  {ar}".rstrip())
        if p.flagged:
            lines.append(_LRM + f"{'':<18}flagged, not repaired: {'; '.join(p.flagged)}")
        lines.append("")
    return "\n".join(lines)


def to_tmx(pairs: list[AlignedPair], source: str | None = None) -> str:
    """A TMX 1.4 document with one translation unit per link that has text on both sides.

    Arabic is the source language. Each ``<tu>`` carries the link kind, the
    bead (``x-bead``: ``1-2`` is one Arabic and two English sentences), the sentence ids and
    the score as ``<prop>`` elements, and the header the file name. A ``<note>`` lists the
    Arabic words the repair stage flagged and left for review, with its suggestions (the
    segment may still hold an OCR error there). A side of several
    sentences is one ``<seg>`` of the sentences joined by a space. Control
    characters that XML 1.0 does not allow are left out, so the file always parses.
    """
    tmx = ET.Element("tmx", version="1.4")
    header = ET.SubElement(
        tmx,
        "header",
        creationtool="diplo",
        creationtoolversion="0.1.0",
        segtype="sentence",
        **{"o-tmf": "diplo-json", "adminlang": "en", "srclang": "ar", "datatype": "plaintext"},
    )
    if source:
        # The file's name once, in the header (a full path would leak a home folder into a shared memory).
        prop = ET.SubElement(header, "prop", type="x-source")
        prop.text = _xml_text(Path(source).name)
    body = ET.SubElement(tmx, "body")
    for p in pairs:
        if not p.ar or not p.en:
            continue
        # Titles and keywords are phrases, not sentences (the header's segtype).
        tu = ET.SubElement(body, "tu", segtype="sentence" if p.kind == "abstract" else "phrase")
        bead = f"{len(p.ar_ids)}-{len(p.en_ids)}"
        props = (
            ("x-kind", p.kind),
            ("x-bead", bead),
            ("x-ar-ids", " ".join(p.ar_ids)),
            ("x-en-ids", " ".join(p.en_ids)),
            ("x-score", f"{p.score:.4f}"),
        )
        for name, value in props:
            prop = ET.SubElement(tu, "prop", type=name)
            prop.text = _xml_text(value)
        if p.flagged:
            note = ET.SubElement(tu, "note")
            note.text = _xml_text("Arabic words flagged by the OCR repair, not changed: " + "; ".join(p.flagged))
        for lang, sents in (("ar", p.ar), ("en", p.en)):
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: lang})
            seg = ET.SubElement(tuv, "seg")
            seg.text = _one_line(_xml_text(" ".join(sents)))
    ET.indent(tmx)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tmx, encoding="unicode") + "\n"


def to_tsv(pairs: list[AlignedPair]) -> str:
    """A tab-separated bitext: ``kind, score, ar_ids, en_ids, arabic, english`` with a header.

    Ids within a cell are separated by ``+`` (ids never contain it); texts have
    tabs and line breaks turned into spaces, so every row is one line with
    exactly six cells. Several sentences on one side are joined by one space.
    Cells are not quoted (a quotation mark is text): read the file with
    ``csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)`` or pandas' ``quoting=3``.
    """
    rows = ["kind\tscore\tar_ids\ten_ids\tarabic\tenglish"]
    for p in pairs:
        rows.append(
            "\t".join([p.kind, f"{p.score:.4f}", "+".join(p.ar_ids), "+".join(p.en_ids), _one_line(" ".join(p.ar)), _one_line(" ".join(p.en))])
        )
    return "\n".join(rows) + "\n"
