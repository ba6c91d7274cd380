"""Recognising the headings of Arabic research articles.

A heading is classified from its words alone (the reader decides from the
layout whether a line can be a heading at all). Matching is done on
:func:`pipeline.camel.match_key` forms, so أولاً / اولا / أولا and
الأول / الاول are the same heading. The word lists are data below, not logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .camel import match_key

#: Ordinal adverbs used as heading numbers (match-key forms, tanween removed).
ORDINAL_ADVERBS = ("اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا")
#: Ordinal adjectives after a chapter word (المطلب الاول ...).
ORDINAL_ADJECTIVES = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر")
#: Chapter words, from the largest division to the smallest.
CHAPTER_WORDS = ("الباب", "الفصل", "المبحث", "المطلب", "الفرع", "المحور")
#: Headings known by name (match-key forms). They are all top-level.
NAMED_HEADINGS = (
    "المقدمه",
    "مقدمه",
    "مشكله الدراسه",
    "مشكله البحث",
    "اشكاليه الدراسه",
    "اشكاليه البحث",
    "اهميه الدراسه",
    "اهميه البحث",
    "اهداف الدراسه",
    "اهداف البحث",
    "الفرضيه",
    "فرضيه الدراسه",
    "فرضيه البحث",
    "منهجيه الدراسه",
    "منهجيه البحث",
    "منهج الدراسه",
    "منهج البحث",
    "هيكليه الدراسه",
    "هيكليه البحث",
    "هيكل الدراسه",
    "خطه الدراسه",
    "خطه البحث",
    "تقسيم الدراسه",
    "الدراسات السابقه",
    "الخاتمه",
    "خاتمه",
    "الاستنتاجات",
    "النتائج",
    "التوصيات",
    "المقترحات",
    "المصادر",
    "المراجع",
    "قائمه المصادر",
    "قائمه المراجع",
    "المصادر والمراجع",
    "الهوامش",
)
#: Named headings that open a table of contents.
TOC_HEADINGS = ("هيكليه الدراسه", "هيكليه البحث", "هيكل الدراسه", "خطه الدراسه", "خطه البحث", "تقسيم الدراسه")
#: Named headings that open the references list.
REFERENCE_HEADINGS = ("المصادر", "المراجع", "قائمه المصادر", "قائمه المراجع", "المصادر والمراجع", "الهوامش")

_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})\s*[-–.)]\s*(?P<title>\S.*)$")
_NUM_DASH = re.compile(r"^(?P<num>\d{1,2})\s*[-–]\s*(?P<title>\S.*)$")
_NUM_PAREN = re.compile(r"^\(\s*(?P<num>\d{1,2})\s*\)\s*[-–.:]?\s*(?P<title>\S.*)$")
_NUM_DOT = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})+)\s*[-–.)]?\s+(?P<title>\S.*)$")
_TRAILING = " \t:：.-–"


@dataclass(frozen=True)
class HeadingInfo:
    """What a heading line says about itself.

    Attributes:
        style: ``named``, a chapter word (``المطلب``...), ``ordinal``, ``num-dash``,
            ``num-paren``, ``num-dot`` or ``roman``.
        key: Identifies the heading within its style (the name, or the number).
        title: The heading's own title words, if any (``المطلب الاول:`` has none).
    """

    style: str
    key: str
    title: str

    @property
    def identity(self) -> tuple[str, str]:
        """``(style, key)``: two headings with the same identity are the same heading."""
        return self.style, self.key


def _named_key(text: str) -> str | None:
    key = match_key(text).strip(_TRAILING)
    if key in NAMED_HEADINGS:
        return key
    # One OCR slip in a long heading name (الوصيات for التوصيات) still names it.
    if len(key) >= 6:
        for name in NAMED_HEADINGS:
            if abs(len(name) - len(key)) <= 1 and _within_one_edit(key, name):
                return name
    return None


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def classify_heading(text: str) -> HeadingInfo | None:
    """Classify a candidate heading line.

    Args:
        text: The line, as it stands in the article.

    Returns:
        The heading's style, key and title, or None when the words do not form a heading.
    """
    stripped = text.strip()
    if not stripped:
        return None
    named = _named_key(stripped)
    if named:
        return HeadingInfo("named", named, "")
    words = stripped.split()
    first = match_key(words[0]).strip(_TRAILING)
    if first in CHAPTER_WORDS and len(words) >= 2:
        ordinal = match_key(words[1]).strip(_TRAILING)
        if ordinal in ORDINAL_ADJECTIVES:
            title = " ".join(words[2:]).lstrip(_TRAILING)
            return HeadingInfo(first, str(ORDINAL_ADJECTIVES.index(ordinal) + 1), title)
    if first in ORDINAL_ADVERBS:
        title = " ".join(words[1:]).lstrip(_TRAILING)
        return HeadingInfo("ordinal", str(ORDINAL_ADVERBS.index(first) + 1), title)
    for style, pattern in (
        ("num-dot", _NUM_DOT),
        ("num-paren", _NUM_PAREN),
        ("num-dash", _NUM_DASH),
        ("roman", _ROMAN),
    ):
        m = pattern.match(stripped)
        if m:
            return HeadingInfo(style, m.group("num"), m.group("title").strip())
    return None


@lru_cache(maxsize=65536)
def ordinal_word_index(word: str) -> int | None:
    """1-based number of an ordinal adverb (أولاً → 1), else None."""
    key = match_key(word).strip(_TRAILING + "،,")
    return ORDINAL_ADVERBS.index(key) + 1 if key in ORDINAL_ADVERBS else None


@lru_cache(maxsize=65536)
def is_definite(word: str) -> bool:
    """Whether a word carries the definite article (ال, وال, بال, لل...)."""
    key = match_key(word).strip(_TRAILING + "،,")
    return key.startswith(("ال", "وال", "بال", "فال", "كال", "لل")) and len(key) > 3
