"""Sentence segmentation of Arabic and English abstracts.

Both splitters are rules over the passage text and return ``(start, end)``
offsets into it, so sentences map back to raw offsets through the passage's
offset map.

Arabic: a sentence ends at ``.`` ``!`` ``؟`` ``?`` ``؛`` or the Arabic full stop
``۔`` (U+06D4) followed by a space or the end, and at a blank line. It does not
end at an abbreviation of one or two Arabic letters (``م.د.``, ``أ.د.``, ``د.``),
inside a number (``3.5``, ``2024/6/4``), inside a quotation that closes later in
the same paragraph (``«...»``, ``"..."``), or at a run of dots followed by a
lower-case continuation. Commas and the conjunction و never split: Arabic runs
clauses together and the aligner handles what remains.

English: ``.`` ``!`` ``?`` followed by a space and an upper-case letter, a digit
or an opening quote, except after common abbreviations (``Dr.``, ``e.g.``,
``U.S.``), single initials and inside numbers. Stray punctuation (``. .`` left
by page breaks) never makes a sentence of its own: it is attached to the
sentence before.
"""

from __future__ import annotations

import re

from ..document import strip_span

#: Sentence-final punctuation of Arabic text.
AR_TERMINATORS = ".!؟?؛\u06d4…"
EN_TERMINATORS = ".!?…"
_CLOSERS = "\"'”’»)]›"
_OPEN_QUOTES = {"«": "»", "“": "”", '"': '"'}

EN_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr vs etc e.g i.e cf al fig no nos vol vols pp ed eds co corp inc ltd
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u dept gen col lt sgt gov rep sen
    rev hon approx est min max art sec para ch p""".split()
)

_AR_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_WORD_CHAR = re.compile(r"\w")


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of a text.

    Args:
        text: A passage text (an abstract paragraph, a title, ...).
        lang: ``"ar"`` for the Arabic rules, anything else for the English ones.

    Returns:
        ``(start, end)`` offsets into ``text``, in order, without surrounding
        whitespace; an empty or blank text gives ``[]``. Pieces with no letter
        or digit (a lone ``.``) are attached to the neighbouring sentence.
    """
    cuts = _cut_points(text, lang)
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in [*cuts, len(text)]:
        start, end = strip_span(text, prev, cut)
        prev = cut
        if start >= end:
            continue
        if not _WORD_CHAR.search(text[start:end]) and spans:
            # A stray mark: glue it onto the sentence before.
            spans[-1] = (spans[-1][0], end)
            continue
        if spans and not _WORD_CHAR.search(text[spans[-1][0] : spans[-1][1]]):
            spans[-1] = (spans[-1][0], end)
            continue
        spans.append((start, end))
    return spans


def _cut_points(text: str, lang: str) -> list[int]:
    arabic = lang == "ar"
    terms = AR_TERMINATORS if arabic else EN_TERMINATORS
    cuts: list[int] = []
    quote_end = -1
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in _OPEN_QUOTES and i > quote_end:
            close = text.find(_OPEN_QUOTES[ch], i + 1)
            para = text.find("\n\n", i + 1)
            if close != -1 and (para == -1 or close < para):
                quote_end = close
        if ch == "\n" and text.startswith("\n\n", i) or ch == "\n" and _blank_line_follows(text, i):
            cuts.append(i)
            i += 1
            continue
        if ch not in terms:
            i += 1
            continue
        # Extend over a run of terminators and closing quotes/brackets ("!؟", '."', '.»').
        j = i + 1
        while j < n and (text[j] in terms or text[j] in _CLOSERS):
            j += 1
        if i < quote_end and j <= quote_end:
            i = j
            continue
        if j < n and not text[j].isspace():
            i = j  # no space after: 3.5, م.د., U.S., a URL
            continue
        if _is_abbreviation(text, i, arabic) or not _next_starts_sentence(text, j, arabic):
            i = j
            continue
        if not arabic and _paragraph_number(text, i):
            i = j  # "... region. 5. The Committee ...": the number opens the sentence after it
            continue
        cuts.append(j)
        i = j
    return cuts


def _paragraph_number(text: str, i: int) -> bool:
    """Whether the full stop at ``i`` closes a paragraph number (1 to 3 digits) that stands at a
    sentence's start, as UN documents number their paragraphs ("5. The Committee ...")."""
    word = _word_before(text, i)
    if not (word.isdigit() and len(word) <= 3 and text[i] == "."):
        return False
    before = text[: i - len(word)].rstrip().rstrip(_CLOSERS)
    return not before or before[-1] in EN_TERMINATORS


def _blank_line_follows(text: str, i: int) -> bool:
    k = i + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    return k < len(text) and text[k] == "\n"


def _word_before(text: str, i: int) -> str:
    k = i
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:i]


def _is_abbreviation(text: str, i: int, arabic: bool) -> bool:
    if text[i] != ".":
        return False
    word = _word_before(text, i).lstrip("(\"'«“")
    if not word:
        return False
    if arabic:
        # م.د. / أ.د. / د. : one- or two-letter Arabic abbreviations, possibly chained with dots.
        parts = [p for p in word.split(".") if p]
        return bool(parts) and all(len(p) <= 1 and _AR_LETTER.match(p) for p in parts)
    low = word.lower()
    if low in EN_ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Smith"
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # U.S. / e.g.


def _next_starts_sentence(text: str, j: int, arabic: bool) -> bool:
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    if k >= len(text):
        return True
    nxt = text[k]
    if arabic:
        # Arabic has no case; a Latin lower-case word after a dot is a continuation.
        return not (nxt.isalpha() and nxt.isascii() and nxt.islower())
    return nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«([" or not nxt.isalpha() and not nxt.isascii()
