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
#: Their feminine forms, after a feminine chapter word (الفقرة الأولى, الجزء ... القسم الثانية is rare).
FEMININE_ORDINAL_ADJECTIVES = (
    "الاولي",
    "الثانيه",
    "الثالثه",
    "الرابعه",
    "الخامسه",
    "السادسه",
    "السابعه",
    "الثامنه",
    "التاسعه",
    "العاشره",
)
#: Chapter words, from the largest division to the smallest; الجزء, القسم and الفقرة are the
#: Maghrebi plan's (partie, section, paragraphe); الجلسة the sessions of a symposium's report.
CHAPTER_WORDS = ("الباب", "الجزء", "القسم", "الفصل", "المبحث", "المطلب", "الفرع", "الفقره", "المحور", "الجلسه")
#: Named headings that open the references list (a line made of reference words opens one too,
#: see :func:`reference_heading_kind`).
REFERENCE_HEADINGS = (
    "المصادر",
    "المراجع",
    "قائمه المصادر",
    "قائمه المراجع",
    "المصادر والمراجع",
    "الهوامش",
    "الحواشي",
    "الاحالات",
)
#: Headings of the appendices after the references (match-key forms): they end the references
#: list, and what follows is read as body text.
APPENDIX_HEADINGS = ("الملاحق", "ملاحق", "الملحق", "ملحق")
#: Headings of the author's note printed after the references (match-key forms): «نبذة عن الكاتب»
#: and a paragraph of prose (post, university, e-mail). Like an appendix, it ends the references.
AUTHOR_BIO_HEADINGS = tuple(
    f"نبذه عن {who}"
    for who in ("الكاتب", "الكاتبه", "الكتاب", "الباحث", "الباحثه", "الباحثين", "المؤلف", "المؤلفه", "المؤلفين")
)
#: Named headings of a thesis's front pages, set before its abstract: the acknowledgements and
#: the dedication (a page of text under the heading, not front-matter metadata).
FRONT_PAGE_HEADINGS = (
    "شكر وتقدير",
    "الشكر والتقدير",
    "اهداء",
    "الاهداء",
    # a list of the abbreviations used, before the introduction («GCC: مجلس التعاون ...»)
    "قائمه المختصرات",
    "قائمه الاختصارات",
    "المختصرات المستخدمه",
)
#: The statements a journal prints after the references (match-key forms, English lower-cased):
#: funding, conflicts of interest, data availability, thanks. Headings, not reference entries.
STATEMENT_HEADINGS = (
    "التمويل",
    "تضارب المصالح",
    "تعارض المصالح",
    "اتاحه البيانات",
    "توفر البيانات",
    "funding",
    "conflict of interest",
    "conflicts of interest",
    "competing interests",
    "declaration of competing interest",
    "declaration of interest",
    "disclosure statement",
    "declarations",
    "data availability",
    "data availability statement",
    "acknowledgements",
    "acknowledgments",
    "author contributions",
)
#: Headings known by name (match-key forms). They are all top-level.
NAMED_HEADINGS = (
    "المقدمه",
    "مقدمه",
    "تمهيد",
    "التمهيد",
    "مدخل",
    "المدخل",
    "تقديم",  # (the Maghrebi word for an article's introduction)
    "التقديم",
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
    "الخلاصه",
    "خلاصه",
    "الاستنتاجات",
    "النتائج",
    "التوصيات",
    "المقترحات",
    # a journal's closing statements and a thesis's front pages
    "الافصاحات",
    "افصاحات",
    "الافصاح",
    *STATEMENT_HEADINGS,
    *FRONT_PAGE_HEADINGS,
    *REFERENCE_HEADINGS,
    *APPENDIX_HEADINGS,
    *AUTHOR_BIO_HEADINGS,
)
#: Named headings that open a table of contents.
TOC_HEADINGS = ("هيكليه الدراسه", "هيكليه البحث", "هيكل الدراسه", "خطه الدراسه", "خطه البحث", "تقسيم الدراسه")

# Words of a references-list heading (match-key forms, English lower-cased). A heading made only
# of these words, with at least one core word, names the list or a part of it: قائمة المصادر
# والمراجع, المراجع المعتمدة, الهوامش والمراجع, References, Works cited, Arabic references...
#: Words that name the references themselves: a references heading has one of them.
REFERENCE_CORE_WORDS = frozenset(
    "المصادر المراجع الهوامش مصادر مراجع references reference bibliography sources cited"
    " références bibliographie"
    # (the Maghrebi «البيبليوغرافيا», as spelt with or without its first ي)
    " البيبليوغرافيا بيبليوغرافيا الببليوغرافيا ببليوغرافيا البيبلوغرافيا بيبلوغرافيا".split()
)
#: Words that make a heading the list as a whole (قائمة المراجع), not one of its parts.
REFERENCE_LIST_WORDS = frozenset("قائمه لائحه ثبت list".split())  # لائحة: the Maghrebi word
#: Words that name the language of a part of the list (المراجع العربية, English references).
REFERENCE_LANGUAGE_WORDS = frozenset(
    "العربيه الاجنبيه الانجليزيه الانكليزيه الفرنسيه باللغه اللغه arabic english foreign french"
    " français française arabe anglais anglaise étrangères".split()
)
#: Other languages a part of the list may be in (المصادر الفارسية): inside a references list only,
#: as a kind of source is (a history's body may have a section on «المصادر الفارسية»).
REFERENCE_OTHER_LANGUAGE_WORDS = frozenset(
    "الفارسيه التركيه العبريه الالمانيه الاسبانيه الروسيه persian turkish german russian spanish".split()
)
#: Words that name a kind of source (أولاً: الكتب, الرسائل الجامعية, المواقع الإلكترونية): inside
#: a references list, a short line of them heads a part of the list.
REFERENCE_CATEGORY_WORDS = frozenset(
    """الكتب كتب الرسائل رسائل الاطاريح الاطروحات الجامعيه البحوث الابحاث الدراسات المجلات الدوريات
    المقالات العلميه المواقع الالكترونيه الانترنت الوثائق التقارير الرسميه الصحف القوانين الاتفاقيات
    المعاجم الموسوعات المنشورات وثائق تقارير مقالات دوريات مجلات صحف مواقع بحوث ابحاث دراسات قوانين
    اتفاقيات books articles journals periodicals newspapers reports documents websites online theses
    dissertations papers ouvrages revues périodiques rapports thèses mémoires""".split()
)
#: Other words such a heading may hold (المراجع المعتمدة, مصادر البحث, Works cited, References and notes).
REFERENCE_OTHER_WORDS = frozenset(
    "المعتمده المستخدمه البحث الدراسه و works of and & selected notes further reading en langue".split()
)
_REFERENCE_WORDS = (
    REFERENCE_CORE_WORDS
    | REFERENCE_LIST_WORDS
    | REFERENCE_LANGUAGE_WORDS
    | REFERENCE_CATEGORY_WORDS
    | REFERENCE_OTHER_WORDS
    | REFERENCE_OTHER_LANGUAGE_WORDS
)
#: Longest references heading, in words (المصادر والمراجع العربية والأجنبية has four).
_REFERENCE_HEADING_MAX_WORDS = 6

_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})\s*[-–.)]\s*(?P<title>\S.*)$")
# A multi-level number (2.1, 3-1, 2.1.3) then a space: a sub-heading whatever its separator.
_NUM_MULTI = re.compile(r"^(?P<num>\d{1,2}(?:[.\-–]\d{1,2}){1,3})[.\-–)]?\s+(?P<title>\S.*)$")
# (not a date: 15-3-2019 is no heading number 15)
_NUM_DASH = re.compile(r"^(?P<num>\d{1,2})\s*[-–]\s*(?P<title>[^\s\d].*)$")
_LETTER = re.compile(r"^(?P<num>[أابجدهوزحطي])ـ?\s?[-–)]\s+(?P<title>\S.*)$")
#: «(أ) الإعلان الرئاسي»: a letter in brackets (a law journal's sub-heading under «أولاً:»).
_LETTER_PAREN = re.compile(r"^\(\s*(?P<num>[أابجدهوزحطي])\s*\)\s*[-–.:]?\s*(?P<title>[^\s\d].*)$")
# UN documents number their top divisions with letter names: «ألف- مقدمة», «باء- ...».
UN_LETTER_NAMES = ("الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون")
_UN_LETTER = re.compile(r"^(?P<num>\S+?)\s*[-–]\s*(?P<title>[^\s\d].*)$")
_NUM_PAREN = re.compile(r"^\(\s*(?P<num>\d{1,2})\s*\)\s*[-–.:]?\s*(?P<title>\S.*)$")
# "1. المقدمة": a one-level number with a dot (not a decimal: no digit after the dot).
_NUM_DOT = re.compile(r"^(?P<num>\d{1,2})\.(?!\d)\s*(?P<title>\S.*)$")
#: One appendix (match-key form): «الملحق رقم (1): نص المادة 28», «ملحق 2 - ...», «الملحق الاول: ...».
_APPENDIX_AR = re.compile(
    r"^(?:ال)?ملحق\s*(?:رقم\s*)?(?P<num>\(\s*[0-9٠-٩]{1,2}\s*\)|[0-9٠-٩]{1,2}(?![0-9٠-٩])|"
    + "|".join(ORDINAL_ADJECTIVES)
    + r"(?!\S))\s*[:：\-–.]?\s*(?P<title>.*)$"
)
#: An English one: "Appendix", "Appendices", "Annex II: ...", "Appendix A – ...".
_APPENDIX_EN = re.compile(
    r"^(?:appendix|appendices|annex|annexes)(?:\s+(?P<num>[A-Z]|\d{1,2}|[IVX]{1,4})(?![\w]))?\s*[:：.\-–]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_NUMBER_PARTS = re.compile(r"[.\-–]")
_TRAILING = " \t:：.-–"
#: Heading styles that carry a number written in digits or Roman numerals.
NUMBERED_STYLES = ("num-dash", "num-paren", "num-dot", "roman", "letter", "letter-paren", "un-letter")
#: The letters that number subheadings and list items, in abjad order (أ- ب- ج- ...).
ABJAD_LETTERS = "أبجدهوزحطي"


@dataclass(frozen=True)
class HeadingInfo:
    """What a heading line says about itself.

    Attributes:
        style: ``named``, a chapter word (``المطلب``...), ``ordinal``, ``num-dash``,
            ``num-paren``, ``num-dot``, ``roman``, ``letter`` (``أ-``), ``letter-paren``
            (``(أ)``), ``un-letter`` or ``appendix`` (``الملحق رقم (1):``, ``Annex II``).
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

    @property
    def depth(self) -> int:
        """How many parts the heading's number has: 1 for ``2-`` or ``2.``, 2 for ``2.1`` or ``3-1``."""
        if self.style in ("num-dash", "num-dot"):
            return len(_NUMBER_PARTS.split(self.key))
        return 1


#: What a named heading may be joined with by «و» (match-key forms, with their pronoun suffixes
#: made below): «إشكالية البحث وفرضياته», «أهمية الدراسة وأهدافها», «النتائج والتوصيات».
_JOINED_NOUNS = (
    "فرضيات فرضيه تساؤلات اسئله اهداف اهميه منهج منهجيه حدود مصطلحات مفاهيم مشكله اشكاليه "
    "التوصيات المقترحات النتائج الاستنتاجات افاق ادوات"
).split()


def _with_suffixes(noun: str) -> set[str]:
    """A noun and its forms with a pronoun suffix (اهداف → اهدافه, اهدافها; اهميه → اهميته)."""
    stem = noun[:-1] + "ت" if noun.endswith("ه") else noun
    return {noun} | {stem + suffix for suffix in ("ه", "ها", "هم", "هما")}


_JOINED_FORMS = frozenset(form for noun in _JOINED_NOUNS for form in _with_suffixes(noun)) | frozenset(NAMED_HEADINGS)


def _named_key(text: str) -> str | None:
    key = match_key(text).strip(_TRAILING)
    if key.isascii():
        key = key.lower()  # ("Conflict of Interest", "FUNDING")
    if key in NAMED_HEADINGS:
        return key
    # A named heading and what «و» joins to it: «إشكالية البحث وفرضياته» is «إشكالية البحث».
    first, *joined = re.split(r" و(?=\S)", key)
    if joined and first in NAMED_HEADINGS and all(part in _JOINED_FORMS for part in joined):
        return first
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


#: An English name in brackets at a line's end, after the Arabic words: «المراجع (References)».
_ENGLISH_GLOSS = re.compile(
    r"\s*(?:[(\[]\s*[A-Za-z][A-Za-z&'’.,\- ]*[)\]]|[|/–—-]\s*[A-Za-z][A-Za-z&'’.,\- ]*?)\s*(?=[:：]?\s*$)"
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


@lru_cache(maxsize=16384)  # a pure function of the line, asked several times per line by the reader
def classify_heading(text: str, *, in_references: bool = False) -> HeadingInfo | None:
    """Classify a candidate heading line.

    Args:
        text: The line, as it stands in the article.
        in_references: The line is inside a references list, where a line naming only kinds
            of source (الكتب, الرسائل الجامعية) heads a part of the list.

    Returns:
        The heading's style, key and title, or None when the words do not form a heading.
    """
    stripped = text.strip()
    if in_references:
        stripped = stripped.lstrip("•▪◦●■□◆ ")  # (a bullet may set a part's heading off: «• باللغة العربية:»)
    if not stripped:
        return None
    # A references heading with its English name after it in brackets («المراجع (References)») names
    # what its Arabic words name; no other heading does (a table's rows, «النتائج (Results)», are no headings).
    unglossed = _ENGLISH_GLOSS.sub("", stripped) if _ARABIC_LETTER.search(stripped) else stripped
    if reference_heading_kind(unglossed) not in ("list", "part"):
        unglossed = stripped
    named = _named_key(unglossed)
    if named:
        return HeadingInfo("named", named, "")
    kind = reference_heading_kind(unglossed)
    if kind in ("list", "part") or (kind == "category" and in_references):
        return HeadingInfo("named", _reference_key(unglossed), "")
    appendix = _APPENDIX_AR.match(match_key(stripped)) or _APPENDIX_EN.match(stripped)
    if appendix is not None:
        title = appendix.group("title").strip()
        if appendix.group("num") is None:
            # "Appendix" or "Annexes" alone heads the appendices, as «الملاحق» does.
            return HeadingInfo("named", stripped.lower().rstrip(_TRAILING), "") if not title else None
        if title[:1].islower():
            return None  # "Annex I of the Convention lists ...": a sentence about an annex
        # (the Arabic one was matched on its match-key form: its title words as written)
        n = len(title.split())
        return HeadingInfo("appendix", appendix.group("num").strip("() "), " ".join(stripped.split()[-n:]) if n else "")
    words = stripped.split()
    first = match_key(words[0]).strip(_TRAILING)
    if first in CHAPTER_WORDS and len(words) >= 2:
        ordinal = match_key(words[1]).strip(_TRAILING)
        for ordinals in (ORDINAL_ADJECTIVES, FEMININE_ORDINAL_ADJECTIVES):
            if ordinal in ordinals:
                title = " ".join(words[2:]).lstrip(_TRAILING)
                return HeadingInfo(first, str(ordinals.index(ordinal) + 1), title)
    if first in ORDINAL_ADVERBS:
        title = " ".join(words[1:]).lstrip(_TRAILING)
        return HeadingInfo("ordinal", str(ORDINAL_ADVERBS.index(first) + 1), title)
    # An ordinal that OCR split in two, «أول اً :», «ث انياً :» (a space inside the word), with the
    # colon or dash of a heading after it («أو لا تستطيع ...», «أو لا: ...» are "or not").
    split = len(words) >= 2 and len(words[0]) <= 3 and match_key(words[0]) != "او"
    joined = match_key("".join(words[:2])).strip(_TRAILING) if split else ""
    rest = " ".join(words[2:])
    if joined in ORDINAL_ADVERBS and (words[1].endswith((":", "-", "–")) or rest.startswith((":", "-", "–"))):
        return HeadingInfo("ordinal", str(ORDINAL_ADVERBS.index(joined) + 1), rest.lstrip(_TRAILING))
    un = _UN_LETTER.match(stripped)
    if un and match_key(un.group("num")) in UN_LETTER_NAMES:
        return HeadingInfo(
            "un-letter", str(UN_LETTER_NAMES.index(match_key(un.group("num"))) + 1), un.group("title").strip()
        )
    multi = _NUM_MULTI.match(stripped)
    if multi:
        style = "num-dot" if "." in multi.group("num") else "num-dash"
        return HeadingInfo(style, multi.group("num"), multi.group("title").strip())
    for style, pattern in (
        ("num-dot", _NUM_DOT),
        ("num-paren", _NUM_PAREN),
        ("num-dash", _NUM_DASH),
        ("roman", _ROMAN),
        ("letter", _LETTER),
        ("letter-paren", _LETTER_PAREN),
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


def _reference_key(text: str) -> str:
    return match_key(text).strip(_TRAILING).lower()


def _reference_words(text: str) -> list[str] | None:
    """The words of a line as reference-heading words (و taken off a word: والمراجع), or None
    when some word is not one."""
    words = []
    for word in re.split(r"[\s،,]+", _reference_key(text)):
        if not word:
            continue
        if word not in _REFERENCE_WORDS and word.startswith("و") and word[1:] in _REFERENCE_WORDS:
            word = word[1:]
        if word not in _REFERENCE_WORDS:
            return None
        words.append(word)
    return words or None


@lru_cache(maxsize=16384)
def reference_heading_kind(text: str) -> str | None:
    """Whether a short line heads a references list, by its words alone.

    A line made only of reference words (قائمة، المصادر، المراجع، الهوامش، العربية،
    الأجنبية، المعتمدة، و / References, Bibliography, Works cited, Sources...) with at
    least one word that names the references is a references heading. The reader
    decides from the layout whether the line can be a heading at all.

    Args:
        text: The line (a trailing colon is allowed).

    Returns:
        ``"list"`` for a heading of the whole list (قائمة المصادر والمراجع, References),
        ``"part"`` for the heading of one language's part of it (المراجع العربية, English
        references), ``"category"`` for a line with no reference word, only kinds of source
        (الكتب, الرسائل الجامعية), which heads a part only inside a references list; None
        otherwise.
    """
    if any(ch.isdigit() for ch in text):
        return None
    words = _reference_words(text)
    if words is None or len(words) > _REFERENCE_HEADING_MAX_WORDS:
        return None
    kinds = set(words)
    if kinds & REFERENCE_OTHER_LANGUAGE_WORDS and not kinds & REFERENCE_LIST_WORDS:
        # «المصادر الفارسية» heads a part inside the list, nowhere else (not a list's word «الفارسية» alone)
        return "category" if kinds & REFERENCE_CORE_WORDS else None
    if kinds & REFERENCE_CORE_WORDS:
        if kinds & REFERENCE_LANGUAGE_WORDS and not kinds & REFERENCE_LIST_WORDS:
            # المصادر والمراجع العربية والأجنبية names both parts: the whole list.
            languages = kinds & REFERENCE_LANGUAGE_WORDS - {"باللغه", "اللغه"}
            return "list" if len(languages) > 1 else "part"
        return "list"
    if kinds & REFERENCE_CATEGORY_WORDS and not kinds & REFERENCE_LIST_WORDS:
        return "category"
    if kinds & REFERENCE_LANGUAGE_WORDS and kinds <= REFERENCE_LANGUAGE_WORDS | REFERENCE_OTHER_WORDS:
        return "category"  # «١ - العربية», "Foreign": a language alone heads a part inside the list
    return None


def is_reference_heading(info: HeadingInfo) -> bool:
    """Whether a heading opens a references list (المصادر, قائمة المراجع, References...)."""
    return info.style == "named" and (
        info.key in REFERENCE_HEADINGS or reference_heading_kind(info.key) in ("list", "part")
    )


def is_appendices_heading(info: HeadingInfo) -> bool:
    """Whether a heading names the appendices as a whole (الملاحق, ملحق, "Appendices", "Annex")."""
    return info.style == "named" and (
        info.key in APPENDIX_HEADINGS or info.key in ("appendix", "appendices", "annex", "annexes")
    )


def is_reference_part(info: HeadingInfo) -> bool:
    """Whether a heading met inside a references list heads a part of it (أولاً: المراجع
    العربية, المراجع الأجنبية, الكتب) rather than a new list (References) or the next division."""
    if info.style == "named":
        return reference_heading_kind(info.key) in ("part", "category")
    if info.style == "ordinal":
        return True  # أولاً / ثانياً under a references heading divide the list
    return info.style in NUMBERED_STYLES and reference_heading_kind(info.title) is not None


def heading_number(key: str) -> int | None:
    """The position of a one-level heading or list number: ``3`` -> 3, ``ب`` -> 2 (abjad order)."""
    if key.isdigit():
        return int(key)
    key = "أ" if key == "ا" else key
    return ABJAD_LETTERS.index(key) + 1 if len(key) == 1 and key in ABJAD_LETTERS else None
