"""The reader: raw article text in, :class:`~pipeline.document.Article` structure out.

The reader works on lines and blank-line separated blocks of the raw text and
never changes a character: every title, keyword, heading and passage it finds
keeps its raw offsets. It recognises

* the front matter (journal, titles, author, dates, permalink, archive notice);
* the Arabic abstract (الملخص) and keywords (الكلمات المفتاحية), the English
  abstract (``summary`` / ``Abstract``) and ``Keywords``;
* headed sections with levels, the table of contents (structure, not text);
* paragraphs and list items, re-joining a paragraph cut by a page break;
* footnote markers such as ``⁽¹²⁾``, kept out of passage text as citations;
* the references list, one passage per entry.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from itertools import groupby, pairwise, takewhile
from operator import itemgetter
from pathlib import Path
from typing import Any

from .camel import FOREIGN_MARKS, INVISIBLE_CHARACTERS, fold_glyphs, match_key, presentation_forms
from .charclass import class_body
from .document import Article, Citation, OffsetMap, Passage, Section, Segment, TextSpan
from .errors import ConfigError, InputError, StructureError
from .headings import (
    ABJAD_LETTERS,
    FEMININE_ORDINAL_ADJECTIVES,
    FRONT_PAGE_HEADINGS,
    NUMBERED_STYLES,
    ORDINAL_ADJECTIVES,
    STATEMENT_HEADINGS,
    TOC_HEADINGS,
    HeadingInfo,
    classify_heading,
    heading_number,
    is_appendices_heading,
    is_definite,
    is_reference_heading,
    is_reference_part,
    ordinal_word_index,
    reference_heading_kind,
)
from .textio import arabic_shortage, decode_bytes, read_text_file

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# (inside superscript brackets the digits may be plain or Arabic-Indic ones: «⁽١⁾»)
_FOOTNOTE = re.compile(
    rf"⁽(?:[{_SUPERSCRIPT_DIGITS}]+|[0-9\u0660-\u0669]{{1,3}})⁾|(?<=\S)[{_SUPERSCRIPT_DIGITS}]+"
    # a Markdown note's reference, «... السبسي.[^1]» (Pandoc and the PDF-to-Markdown converters write
    # them), and HTML's superscript, «.<sup>1</sup>» (marker writes that)
    r"|\[\^[0-9]{1,3}\](?!:)"
)
#: Bullet glyphs a word processor's lists come out of pdftotext with: •, the small and large
#: squares, circles, diamonds, arrow heads (◄ ► ➢), ticks, and the Symbol/Wingdings private-use
#: code points (U+F0A7, U+F0B7, U+F0D8 ...) a font without a Unicode map gives.
_BULLETS = "•▪▫■□●○◦◆◇♦❖➢➤►◄▶◀✓✔\uf0a7\uf0b7\uf0d8\uf076\uf0fc"
#: A list item's marker: ``1-``, ``2.``, ``3)``, a dash or bullet, or a letter of the abjad order (``أ-``,
#: ``ب)``: أ ب ج د هـ و ز ح ط ي) followed by a space.
_LIST_MARKER = re.compile(
    rf"^(?:(?P<num>\d{{1,3}})\s*[.\-–)/](?!\d)\s*|(?P<dash>[-–{_BULLETS}])\s+|(?P<letter>[أابجدهوزحطي]ـ?)\s?[-–)]\s+"
    # (a policy paper's numbered recommendations: «التوصية 1: ...», «توصية رقم 2 - ...», "Recommendation 3:")
    r"|(?:(?:ال)?توصية|[Rr]ecommendation)\s+(?:رقم\s+)?(?P<named>\d{1,2}(?:\.\d{1,2})?)\s*[:：.\-–](?!\d)\s*)"
)
_SENTENCE_END = ".!?؟…:"
_CLOSERS = " \t\"'”’»)]}"
# Marks and invisible characters OCR and PDF conversion put inside words (vowel marks, tatweel,
# zero-width and direction marks, soft hyphens): a label or heading is recognised through them.
_INVISIBLE_CHARS = INVISIBLE_CHARACTERS

# (and the presentation forms of the marks and of tatweel, U+FE70-FE7F, and the foreign
# combining marks OCR leaves on Arabic letters)
_INSIDE_WORD = f"[\u064b-\u0652\u0670\u0640\ufe70-\ufe7f{class_body(FOREIGN_MARKS + _INVISIBLE_CHARS)}]*"
# Persian letters that OCR gives for their Arabic look-alikes.
_LOOK_ALIKES = {"ك": "ک", "ي": "یى", "ى": "يی"}
_ALEFS = "اأإآ"


def _letter_forms() -> tuple[dict[str, str], dict[str, str]]:
    """Per base letter, the characters that stand for it in PDF text (itself, Persian look-alikes,
    presentation-form glyph codes); per alef, the lam-alef ligatures that hold it."""
    forms: dict[str, set[str]] = {}
    ligatures: dict[str, str] = {}
    for code, base in presentation_forms().items():
        if len(base) == 1:
            forms.setdefault(base, set()).add(code)
        elif len(base) == 2 and base[0] == "ل" and base[1] in _ALEFS:
            ligatures[base[1]] = ligatures.get(base[1], "") + code
    for base, others in _LOOK_ALIKES.items():
        for other in others:
            forms.setdefault(base, set()).update({other, *forms.get(other, ())})
    return {b: "[" + b + "".join(sorted(f - {b})) + "]" for b, f in forms.items()}, ligatures


_LETTER_FORMS, _LAM_ALEF = _letter_forms()


#: Letters that do not join the letter after them: PDF text extraction may put a space after one
#: inside a word.
_NON_JOINING = frozenset("اأإآدذرزوؤة")


def _spaced(word: str) -> str:
    """A regex of a Latin label word whose letters PDF text may set apart ("Abstrac t", "A B S T R A C T")."""
    return " ?".join(re.escape(ch) for ch in word)


def _tolerant(*phrases: str) -> str:
    """A regex alternation of Arabic phrases that also matches them with marks or invisible
    characters between the letters, Persian look-alike letters, presentation-form glyph
    codes, lam-alef ligatures included, and words run together (offsets stay raw offsets)."""

    def letter(ch: str) -> str:
        return _LETTER_FORMS.get(ch, re.escape(ch)) + _INSIDE_WORD

    def one(phrase: str) -> str:
        parts = []
        i = 0
        while i < len(phrase):
            ch = phrase[i]
            if ch in _NON_JOINING and 0 < i + 1 < len(phrase) and phrase[i + 1] != " ":
                # PDF text breaks a word after a letter that does not join the next (ا لكلمات)
                parts.append(letter(ch) + "(?: (?! ))?")
            elif ch == " ":
                parts.append(r"\s*" + _INSIDE_WORD)  # OCR drops spaces too: الكلماتالمفتاحية
            elif ch == "ل" and i + 1 < len(phrase) and phrase[i + 1] in _LAM_ALEF:
                # ﻻ is one code for two letters
                pair = letter(ch) + letter(phrase[i + 1])
                parts.append(f"(?:{pair}|[{_LAM_ALEF[phrase[i + 1]]}]{_INSIDE_WORD})")
                i += 1
            else:
                parts.append(letter(ch))
            i += 1
        return "".join(parts)

    # Longest first: "ملخص البحث" must not stop at "ملخص", leaving "البحث" as text.
    return "(?:" + "|".join(one(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


#: What journals put between a label and the text on its line: a colon, a dash or a full stop.
_LABEL_SEPARATOR = r"[:：\-–—.]"
_AR_ABSTRACT_LABELS = (
    "الملخص",
    "ملخص",
    "ملخص البحث",
    "ملخص الدراسة",
    "المستخلص",
    "مستخلص",
    "مستخلص البحث",
    "مستخلص الدراسة",
    "خلاصة",
    "ملخص بالعربية",
    "ملخص باللغة العربية",
    "الملخص بالعربية",
    "الملخص باللغة العربية",
    "المستخلص باللغة العربية",
    "مستخلص باللغة العربية",
    "موجز",
    "الموجز",
    "موجز الفصل",
    "موجز تنفيذي",
    "ملخص تنفيذي",
    "الملخص التنفيذي",
    "الموجز التنفيذي",
)
_AR_ABSTRACT = re.compile(
    rf"^{_INSIDE_WORD}(?P<label>{_tolerant(*_AR_ABSTRACT_LABELS)})\s*(?P<sep>{_LABEL_SEPARATOR}\s*)?",
    re.UNICODE,
)
_EN_ABSTRACT = re.compile(
    rf"^(?P<label>executive\s+{_spaced('summary')}|{_spaced('summary')}|{_spaced('abstract')})\s*(?P<sep>{_LABEL_SEPARATOR}\s*)?",
    re.IGNORECASE,
)
#: A French abstract (Maghrebi journals give one beside the English): read as a passage of its own
#: language, which the later stages leave alone.
_FR_ABSTRACT = re.compile(rf"^(?P<label>r[ée]sum[ée])\s*(?P<sep>{_LABEL_SEPARATOR}\s*)?", re.IGNORECASE)
#: Arabic abstract labels that open a line of abstract text even without a separator (``ملخص البحث
#: تتناول هذه الدراسة``); a one-word label does not (``الملخص غير موجود ...``, ``ملخص القول إن ...``
#: are sentences).
_AR_ABSTRACT_RUN_IN = frozenset(
    match_key(w).replace(" ", "") for w in ("ملخص البحث", "ملخص الدراسة", "مستخلص البحث", "مستخلص الدراسة")
)
#: Fewest words of text after such a label for the line to open the abstract.
_RUN_IN_MIN_WORDS = 5
#: The end of a label set in bold in Markdown, «**Keywords:**», «**الكلمات المفتاحية**:» (the opening
#: marks are set aside with the line's other marks).
_MARKDOWN_BOLD_END = r"(?:\*{1,3}|_{1,3})?"
_AR_KEYWORDS = re.compile(
    rf"^(?:\*|_)?{_INSIDE_WORD}"
    + "(?:"
    + _tolerant("الكلمات المفتاحية", "الكلمات الدالة", "الكلمات المفاتيح", "كلمات مفتاحية", "كلمات دالة")
    # («الكلمات الرئيسة» is a phrase of prose too, «الكلمات الرئيسة في تغريدات ...»: a label only with its colon)
    + "|"
    + _tolerant("الكلمات الرئيسة", "الكلمات الرئيسية", "كلمات رئيسة", "كلمات رئيسية")
    + r"(?=\s*[:：\-–—]))"
    + _MARKDOWN_BOLD_END
    + r"\s*(?P<sep>[:：\-–—]"
    + _MARKDOWN_BOLD_END
    + r"\s*)?"
)
_EN_KEYWORDS = re.compile(
    rf"^(?:\*|_)?(?:{_spaced('key')}\s?-?{_spaced('words')}|index\s+terms){_MARKDOWN_BOLD_END}"
    rf"\s*(?P<sep>[:：\-–—]{_MARKDOWN_BOLD_END}\s*)?",
    re.IGNORECASE,
)
_FR_KEYWORDS = re.compile(
    rf"^mots[\s-]?cl[ée]s{_MARKDOWN_BOLD_END}\s*(?P<sep>[:：\-–—]{_MARKDOWN_BOLD_END}\s*)?", re.IGNORECASE
)
#: A Persian abstract (journals of Iranian universities publishing in Arabic give one beside the
#: Arabic and English abstracts): «چکیده», «کلیدواژه‌ها» / «واژگان کلیدی», spelt with Persian or
#: Arabic kaf and yeh. Read as a passage of its own language, which the later stages leave alone.
_FA_ABSTRACT = re.compile(rf"^(?P<label>چ[کك][یي]ده)\s*(?P<sep>{_LABEL_SEPARATOR}\s*)?")
_FA_KEYWORDS = re.compile(
    r"^(?:[کك]ل[یي]د[\s\u200c]?واژه(?:[\s\u200c]?ها)?|واژگان\s+[کك]ل[یي]د[یي]|واژه[\s\u200c]?های\s+[کك]ل[یي]د[یي])"
    r"\s*(?P<sep>[:：\-–—]\s*)?"
)
#: Letters Persian writes and Arabic does not (and the zero-width non-joiner of Persian words).
_PERSIAN_LETTERS = re.compile("[پچژگکی\u200c]")
_ABSTRACT_LABELS = {"ar": _AR_ABSTRACT, "en": _EN_ABSTRACT, "fr": _FR_ABSTRACT, "fa": _FA_ABSTRACT}
_KEYWORDS_LABELS = {"ar": _AR_KEYWORDS, "en": _EN_KEYWORDS, "fr": _FR_KEYWORDS, "fa": _FA_KEYWORDS}
_KEYWORD_SEPARATORS = re.compile(r"[،,؛;]")
#: Separators of a keyword list without commas: a dash or slash between spaces (not Sino-Russian).
_KEYWORD_DASHES = re.compile(r"\s+[–—/-]\s+")
_KEYWORD_TRIM = " \t\r\n.\"'‘’“”«»│┃║*_"  # (a box's sides around a wrapped list; Markdown's emphasis, «*a; b.*»)
# (invisible characters may sit inside an address in PDF text; the value keeps them, as raw text)
_EMAIL = re.compile(rf"[\w.+\-{_INVISIBLE_CHARS}]+@[\w\-{_INVISIBLE_CHARS}]+(?:\.[\w\-{_INVISIBLE_CHARS}]+)+")
_URL = re.compile(r"https?://[^\s>]+")
# Digits and separators with invisible characters allowed between them (PDF text puts direction
# marks around numbers in right-to-left lines); the value keeps them, as raw text.
_INVISIBLE = f"[{_INVISIBLE_CHARS}\u2061-\u2069]*"  # and the direction isolates around numbers
_DIGITS = rf"\d(?:{_INVISIBLE}\d){{0,3}}"
_DATE_SEP = rf"{_INVISIBLE}(?:[ \t]?/[ \t]?|[\-.]){_INVISIBLE}"  # (12 / 4 / 2022: spaces round a slash)
# Month names as journals write them: Egyptian/Gulf, Levantine/Iraqi, Maghrebi; English in full or short.
_MONTHS_AR = (
    "يناير كانون الثاني فبراير شباط مارس آذار اذار أبريل ابريل إبريل نيسان مايو أيار ايار يونيو يونيه حزيران "
    "يوليو يوليه تموز أغسطس اغسطس آب سبتمبر أيلول ايلول أكتوبر اكتوبر تشرين الأول تشرين الاول نوفمبر "
    "تشرين الثاني ديسمبر كانون الأول كانون الاول جانفي فيفري أفريل افريل ماي جوان جويلية أوت اوت"
)
_MONTH_PHRASES = re.findall(r"(?:كانون|تشرين) \S+|\S+", _MONTHS_AR)
_MONTH = rf"(?:{_tolerant(*_MONTH_PHRASES)}(?!\w)|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_MONTH_PAIR = rf"{_MONTH}(?:\s*[/(]\s*{_MONTH}\s*\)?)?"  # أيار/مايو, كانون الثاني (يناير)
_ORDINAL = r"(?:st|nd|rd|th)?"
# 12 مايو 2020, 12 May 2020 | May 12, 2020. The month is written once, after an optional day:
# (?(day)...) takes the tail of the order the day chose. Spelt as two alternatives, each with its
# own month pair, the tolerant month names were compiled twice as often (the reader's regexes
# took seconds to compile); the day needs a digit and a month never starts with one, so the
# matches are the same.
_DAY = rf"{_DIGITS}{_ORDINAL}\s*[-/]?\s*"
_YEAR_AFTER_DAY_MONTH = rf"\s*[-/,،]?\s*{_DIGITS}"
_DAY_YEAR_AFTER_MONTH = rf"\s+{_DIGITS}{_ORDINAL}\s*[,،]?\s*{_DIGITS}"
_NAMED_DATE = rf"(?P<day>{_DAY})?{_MONTH_PAIR}(?(day){_YEAR_AFTER_DAY_MONTH}|{_DAY_YEAR_AFTER_MONTH})"
_NUMERIC_DATE = rf"{_DIGITS}{_DATE_SEP}{_DIGITS}{_DATE_SEP}{_DIGITS}"
_DATE_VALUE = rf"\s*(?:[:：\-–]|(?i:on)\b)?(?:\*\*|__)?\s*[(\[]?{_INVISIBLE}(?P<value>{_NUMERIC_DATE}|{_NAMED_DATE})"
#: Date labels of the front matter, Arabic (any spelling of the hamza) and English.
_DATE_LABELS = {
    "received": (
        (
            "تاريخ الاستلام",
            "تاريخ الإستلام",
            "تاريخ الاستقبال",
            "تاريخ الإستقبال",
            "تاريخ الإرسال",
            "تاريخ الارسال",
            "تاريخ التسليم",
            "تاريخ التسلم",
            "تاريخ الورود",
            "تاريخ الإيداع",
            "تاريخ الايداع",
            "تاريخ استلام البحث",
            "تاريخ إرسال البحث",
            "تاريخ ارسال البحث",
            "تاريخ تقديم البحث",
            "تاريخ التقديم",
            "تاريخ ورود البحث",
            "قدم للنشر في",
        ),
        # (and French: «Reçu le 12/10/2021 – Accepté le 03/02/2022»)
        r"received|submitted|date of (?:submission|receipt)|reçue?(?:\s+le)?|soumise?(?:\s+le)?|date de réception",
    ),
    "revised": (
        ("تاريخ المراجعة", "تاريخ التعديل", "تاريخ التنقيح", "تاريخ التحكيم"),
        r"revised|date of revision|révisée?(?:\s+le)?|date de révision",
    ),
    "accepted": (
        (
            "تاريخ القبول",
            "تاريخ قبول النشر",
            "تاريخ قبول البحث",
            "تاريخ قبوله للنشر",
            "تاريخ القبول للنشر",
            "قبل للنشر في",  # (قدم للنشر في ١٢/٥/١٤٤٤هـ؛ وقبل للنشر في ٢٠/٨/١٤٤٤هـ)
        ),
        r"accepted|date of acceptance|acceptée?(?:\s+le)?|date d['’]acceptation",
    ),
    "published": (
        ("تاريخ النشر",),
        r"published(?: online)?|date of publication|available online|publiée?(?:\s+le)?|date de publication",
    ),
    # (a web page's «آخر تحديث: ...», "Last updated: ...")
    "updated": (("آخر تحديث", "تاريخ التحديث"), r"last updated|updated on"),
    "retrieved": (("تاريخ الاسترداد",), r"retrieved"),
}
#: The same labels without «تاريخ» (``الاستلام: 2022/01/15   القبول: ...   النشر: ...``): taken only
#: when no word comes right before them and a colon comes after, so that «النشر» inside a sentence
#: or a longer label («تاريخ قبول النشر:») is no label of its own.
_BARE_DATE_LABELS = {
    "received": (
        "الاستلام",
        "الإستلام",
        "الاستقبال",
        "الإستقبال",
        "الإرسال",
        "الارسال",
        "التسليم",
        "الورود",
        "الإيداع",
    ),
    "revised": ("المراجعة", "التعديل", "التنقيح"),
    "accepted": ("القبول", "قبول النشر"),
    "published": ("النشر",),
}
#: Labels that are one only with no word before them: a web page's «نُشر في 14 كانون الثاني 2021»
#: (not «قُبل للنشر في ...», «قدم للنشر في ...»).
_OPENING_DATE_LABELS = {"published": ("نشر في",)}
_DATE_VALUE_AFTER_LABEL = re.compile(_DATE_VALUE)


def _other_calendar(first: str, second: str) -> bool:
    """Whether two dates are in different calendars: one year Hijri (13xx-14xx), the other
    Gregorian (19xx-20xx). A range «01/03/2024 - 15/03/2024» is no second calendar."""
    years = [re.findall(r"[0-9\u0660-\u0669]{4}", d) for d in (first, second)]
    if not all(years):
        return False
    eras = {int(y[-1]) // 100 for y in years}  # (int() reads Arabic-Indic digits too)
    return len(eras & {13, 14}) == 1 and len(eras & {19, 20}) == 1


#: A date's other calendar set right after it, its era mark aside: «هـ – 12/10/2023م», "H / 2023".
_SECOND_CALENDAR_DATE = re.compile(
    rf"\s*(?:هـ|ه|م)?\s*[–\-/]\s*[(\[]?(?P<value>{_NUMERIC_DATE})(?:\s*(?:هـ|ه|م)(?![^\W\d_]))?"
)


@dataclass(frozen=True)
class _DateField:
    """A date label and the date after it, found on a line (offsets into the line)."""

    start: int  # where the label starts
    value_start: int
    value_end: int
    value: str


class _DateLabel:
    """The labels of one kind of date (received, accepted ...) followed by a date.

    Searched in two steps, the label and then the date where it ends: one regex per kind, with
    the tolerant month names inside each, took seconds to compile. The first label followed by a
    date is found, as the one regex found it: no label is the start of a longer one that a date
    could follow (تاريخ القبول للنشر is no date after تاريخ القبول), and the invisible characters a
    label's end may take back are ones the date's start takes too.
    """

    def __init__(self, label: str) -> None:
        self.label = re.compile(label)

    def search(self, text: str, pos: int = 0) -> _DateField | None:
        """The first date of this kind on ``text`` (from ``pos``), or None."""
        while (m := self.label.search(text, pos)) is not None:
            value = _DATE_VALUE_AFTER_LABEL.match(text, m.end())
            if value is not None:
                return _DateField(m.start(), value.start("value"), value.end("value"), value.group("value"))
            pos = m.start() + 1
        return None


_METADATA_DATES = {
    key: _DateLabel(
        rf"(?:{_tolerant(*ar)}|\b(?i:{en})\b"
        + (
            rf"|(?<![^\W\d_])(?<![^\W\d_]\s){_tolerant(*_BARE_DATE_LABELS[key])}(?=\s*[:：])"
            if key in _BARE_DATE_LABELS
            else ""
        )
        + (
            rf"|(?<![^\W\d_])(?<![^\W\d_]\s){_tolerant(*_OPENING_DATE_LABELS[key])}"
            if key in _OPENING_DATE_LABELS
            else ""
        )
        + ")"
    )
    for key, (ar, en) in _DATE_LABELS.items()
}
#: A line that is a date and nothing else (a policy paper's «حزيران/ يونيو 2017», "June 2017").
# (A month and year, «حزيران/ يونيو 2017», is a third tail after the month, in the same
# conditional: the line must end after the value, so which tail is tried first cannot change it.)
_BARE_DATE = re.compile(
    rf"^\s*[(\[]?{_INVISIBLE}(?P<value>{_NUMERIC_DATE}|(?P<day>{_DAY})?{_MONTH_PAIR}"
    rf"(?(day){_YEAR_AFTER_DAY_MONTH}|(?:{_DAY_YEAR_AFTER_MONTH}|{_YEAR_AFTER_DAY_MONTH})))"
    rf"{_INVISIBLE}[)\]]?\s*$"
)
_METADATA_LABELS = {
    # A thesis's cover: the degree it is submitted for, the speciality, the academic year.
    "degree": re.compile(
        rf"^(?P<value>(?:{_tolerant('مذكرة', 'رسالة', 'أطروحة', 'بحث', 'مشروع')})\s.*"
        rf"(?:{_tolerant('لنيل', 'استكمالا', 'متطلبات', 'درجة', 'شهادة')}).*)$"
        r"|^(?P<value_en>(?i:an?\s+(?:thesis|dissertation)\s+submitted\b.*))$"
    ),
    "speciality": re.compile(
        rf"^(?:{_tolerant('اختصاص', 'الاختصاص', 'تخصص', 'التخصص', 'شعبة', 'الشعبة')}|(?i:speciali[sz]ation|major))"
        r"\s*[:：]\s*(?P<value>\S.*)$"
    ),
    "academic_year": re.compile(
        rf"^(?:{_tolerant('السنة الجامعية', 'العام الجامعي', 'السنة الدراسية', 'العام الدراسي', 'الموسم الجامعي')}"
        r"|(?i:academic\s+year))\s*[:：]?\s*(?P<value>\S.*\d.*)$"
    ),
    # A translated study's byline: its translator and the translation's reviewer (kept only when
    # the value names a person, :func:`_names_a_person`).
    "translator": re.compile(
        rf"^(?:{_tolerant('ترجمة', 'الترجمة', 'تعريب', 'المترجم', 'المترجمة')}|(?i:translated\s+by|translator))"
        r"\s*[:：]\s*(?P<value>[^:：\s](?:[^:：]*[^:：\s])?)$"
    ),
    "reviewer": re.compile(
        rf"^(?:{_tolerant('مراجعة', 'مراجعة الترجمة', 'راجع الترجمة')}|(?i:reviewed\s+by|revised\s+by))"
        r"\s*[:：]\s*(?P<value>[^:：\s](?:[^:：]*[^:：\s])?)$"
    ),
    "article_name": re.compile(rf"^{_tolerant('اسم المقال')}\s*[:：]\s*(?P<value>.+)$"),
    # The kind of paper a journal says it is: «نوع المقالة: بحث علمي محكَّم», "Article type: Research".
    "article_type": re.compile(
        rf"^(?:{_tolerant('نوع المقالة', 'نوع المقال', 'نوع البحث', 'نوع الورقة')}|(?i:article\s+type|paper\s+type))"
        r"\s*[:：]\s*(?P<value>\S.*)$"
    ),
    "author": re.compile(rf"^{_tolerant('اسم الكاتب')}\s*[:：]\s*(?P<value>.+)$"),
    "permalink": re.compile(rf"^{_tolerant('رابط ثابت')}\s*[:：]\s*<?(?P<value>[^<>\s]+)>?\s*$"),
}
#: The fields of :data:`_METADATA_LABELS` whose value must name a person (see :func:`_names_a_person`).
_PERSON_FIELDS = frozenset({"translator", "reviewer"})
_ARABIC = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")  # presentation forms too
#: Prepositions that may link the words of a run-in heading (match-key forms).
_PREPOSITION_KEYS = frozenset(match_key(w) for w in ("في", "على", "من", "إلى", "عن"))
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class ReaderSettings:
    """Settings of the reader (``[stages.read]`` in ``configs/pipeline.toml``).

    Attributes:
        require_abstract: Refuse an article in which no Arabic or English abstract is found.
        join_page_breaks: Re-join a paragraph that a page break cut in two.
        max_heading_words: Longest line (in words) taken as a stand-alone heading.
        min_arabic_letters: Fewest Arabic letters for a text to count as an Arabic article.
        drop_page_furniture: Set aside running headers and footers (a line that recurs on the
            pages, page numbers masked) and page-number lines, as structure, so that they neither
            become passages nor cut the paragraphs they interrupt.
        min_header_repeats: How often a line must occur to count as a running header or footer.
        unnumbered_headings: Take a short line set off by blank lines between a finished
            paragraph and the next as a heading, even with no number and no known name.
    """

    require_abstract: bool = True
    join_page_breaks: bool = True
    drop_page_furniture: bool = True
    min_header_repeats: int = 3
    unnumbered_headings: bool = True
    max_heading_words: int = 14
    min_arabic_letters: int = 20

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReaderSettings:
        """Build settings from a config table, rejecting unknown keys."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known - {"enabled"}
        if unknown:
            raise ConfigError(
                f"[stages.read]: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
            )
        values = {k: v for k, v in data.items() if k in known}
        for name, value in values.items():
            expected = type(getattr(cls, name))
            if type(value) is not expected:  # bool is no int here: `max_heading_words = true` is a slip
                raise ConfigError(
                    f"[stages.read] {name}: expected {'true or false' if expected is bool else 'a whole number'}, "
                    f"found {value!r}"
                )
            if expected is int and value < 1:
                raise ConfigError(f"[stages.read] {name}: expected a whole number of at least 1, found {value}")
        return cls(**values)


@dataclass
class _Line:
    start: int
    end: int
    text: str
    heading: HeadingInfo | None = None
    forced_heading: bool = False
    #: The line is the title of the heading on the line above it («المطلب الأول» / «مفهوم ...»).
    heading_title: bool = False


@dataclass
class _Block:
    lines: list[_Line]
    #: Whether the block's last line is followed by another line of the text's block (a column of
    #: a bilingual box read as a block of its own): it counts as a wrapped line for the line width.
    runs_on: bool = False

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass
class _Unit:
    """A passage under construction: raw blocks, each a list of line spans."""

    kind: str
    blocks: list[list[tuple[int, int]]]
    section_id: str | None
    number: str | None = None
    closed: bool = False
    under_rule: bool = False  # a note of a page's notes set under a rule line inside the references
    lettered: bool = False  # an endnote lettered «(أ)», «(ب)» ...


@dataclass
class _State:
    raw: str
    settings: ReaderSettings
    sections: list[Section] = field(default_factory=list)
    units: list[_Unit] = field(default_factory=list)
    structure: list[tuple[int, int]] = field(default_factory=list)
    #: The width of the text's wrapped lines (characters; 0 when its paragraphs are not wrapped).
    line_width: int = 0
    #: The indent of a full line of the body, when its paragraphs open with a deeper one (a
    #: first-line indent, as a word processor's text converted with its layout has); else None.
    paragraph_indent: int | None = None
    #: Where pages end, when the text shows it (page furniture set aside, form feeds); empty otherwise.
    page_breaks: list[int] = field(default_factory=list)
    #: Where rule lines end (the line above a page's footnotes is one).
    rule_ends: list[int] = field(default_factory=list)
    style_stack: list[str] = field(default_factory=list)
    section_stack: list[Section] = field(default_factory=list)
    #: Where the lines of a book review's record of the book start (its «label: value» fields).
    book_record: set[int] = field(default_factory=set)
    #: Footnote markers printed as plain digits set off by spaces (``متفقة 1.``), found for the
    #: notes at a page's foot: where each marker's digits start -> (where they end, the number).
    set_off_markers: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: The page-foot notes an abstract ran over (the authors' affiliations under the first page's
    #: rule), read with the front matter.
    abstract_notes: list[_Block] = field(default_factory=list)
    #: The keywords blocks an abstract took from above its label (indexes of the reader's blocks).
    keyword_blocks: set[int] = field(default_factory=set)
    #: Lines that open an item of a list numbered with ordinal words («أولاً: ...» under «... بما يلي:»):
    #: where each line starts -> the item's number.
    ordinal_items: dict[int, str] = field(default_factory=dict)
    lettered_notes: bool = False  # the notes under «الهوامش» are lettered «(أ)», «(ب)» ...


# -- entry points -----------------------------------------------------------


def read_article(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    encoding: str | None = None,
    settings: ReaderSettings | None = None,
) -> Article:
    """Read an article from a file path, raw bytes or text.

    A ``str`` is taken as a path when it is a single short line that names an
    existing file or has no Arabic letters (so ``"مقال.txt"`` is read as a file when
    it exists), otherwise as the article text itself; pass a :class:`~pathlib.Path`
    to leave no doubt.

    Args:
        source: A path, the file's bytes, or the article text.
        name: Name used in messages when ``source`` is bytes or text.
        encoding: Force this input encoding instead of detecting it.
        settings: Reader settings; defaults when omitted.

    Returns:
        The article with its structure (front matter, abstracts, keywords,
        sections, passages, references).

    Raises:
        InputError: Empty, binary or undecodable input, or no Arabic text.
        InputNotFoundError: The path does not exist.
        StructureError: No abstract found while ``require_abstract`` is set.
        TypeError: ``source`` is not a path, bytes or text.
    """
    settings = settings or ReaderSettings()
    if not isinstance(source, (str, Path, bytes)):
        raise TypeError(f"expected a file path, the file's bytes or the article text, found {type(source).__name__}")
    if isinstance(source, bytes):
        label = name or "<bytes>"
        text, used = decode_bytes(source, label, encoding)
        path = None
    elif isinstance(source, Path) or (isinstance(source, str) and _looks_like_path(source)):
        label = str(source)
        text, used = read_text_file(source, encoding)
        path = str(source)
    else:
        label = name or "<text>"
        text, used, path = source, "str", None
        if not text.strip():
            raise InputError(label, "the text is empty")
    problem = arabic_shortage(text, settings.min_arabic_letters)
    if problem is not None:
        raise InputError(label, problem)
    article = parse_article(text, label=label, settings=settings)
    article.source = path if path is not None else name
    article.encoding = used
    return article


def _split_block(blocks: list[_Block], index: int, line: int) -> None:
    """Split ``blocks[index]`` in two before its line ``line`` (in place)."""
    block = blocks[index]
    blocks[index : index + 1] = [_Block(block.lines[:line]), _Block(block.lines[line:])]


def _looks_like_path(text: str) -> bool:
    if "\n" in text or "\r" in text or len(text) >= 1024:
        return False
    if not _ARABIC.search(text):
        return True
    try:
        return Path(text).is_file()  # an Arabic file name (مقال.txt) is common for this audience
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL
        return False


def parse_article(raw: str, *, label: str = "<text>", settings: ReaderSettings | None = None) -> Article:
    """Parse decoded article text into an :class:`Article` (no decoding, no input checks)."""
    settings = settings or ReaderSettings()
    article = Article(raw=raw)
    state = _State(raw=raw, settings=settings, lettered_notes=_has_lettered_notes(raw))
    markdown = _is_markdown(raw)
    blocks, rules = _drop_rule_lines(_blocks(raw, settings, markdown))
    # A table of contents with dotted leaders (a thesis's فهرس المحتويات): page furniture, taken
    # out before the abstract is looked for (its «ملخص ...... ج» entry is no abstract heading).
    blocks, contents = _drop_contents_lines(blocks)
    rules += contents
    # The publisher's «عن المركز» blurb at the end of a paper: boilerplate, set aside.
    blocks, blurb = _drop_publisher_blurb(blocks, raw)
    rules += blurb
    blocks, box_labels = _drop_box_labels(blocks)
    rules += box_labels
    blocks = _label_blocks(blocks)
    state.structure.extend(rules)
    state.rule_ends = sorted(end for _, end in rules)
    if settings.drop_page_furniture:
        blocks, furniture = _drop_page_furniture(blocks, settings, raw)
        state.structure.extend(furniture)
        state.page_breaks = sorted({start for start, _ in furniture} | {m.start() for m in _PAGE_BREAK.finditer(raw)})

    ar_abs = _find_line(blocks, lambda t: _abstract_heading_end(t, "ar") is not None)
    en_abs = _find_line(blocks, lambda t: _abstract_heading_end(t, "en") is not None)
    first_heading = _find_line(
        blocks, lambda t: classify_heading(t) is not None and len(t.split()) <= settings.max_heading_words
    )
    # An abstract printed with no label (a Jordanian journal's page 1: title, byline, abstract,
    # «الكلمات المفتاحية: ...»): found from its keywords line, above which it stands.
    unlabelled: list[_Block] = []
    for lang in ("ar", "en"):
        if (ar_abs if lang == "ar" else en_abs) is None:
            found = _unlabelled_abstract(blocks, lang, first_heading)
            if found is not None:
                index, line = found
                # (the blocks found so far, by identity: a split moves the indices after it)
                marked = [blocks[k] if k is not None else None for k in (ar_abs, en_abs, first_heading)]
                if line:
                    _split_block(blocks, index, line)
                    index += 1
                ar_abs, en_abs, first_heading = (
                    next(k for k, b in enumerate(blocks) if b is block) if block is not None else None
                    for block in marked
                )
                unlabelled.append(blocks[index])
                if lang == "ar":
                    ar_abs = index
                else:
                    en_abs = index
    starts = [b for b in (ar_abs, en_abs) if b is not None]
    if not starts and settings.require_abstract:
        message = "no abstract found (expected a heading such as الملخص, summary or Abstract"
        lines = sum(1 for line in re.split(r"\r\n|\r|\n", raw) if line.strip())  # (lines of the text, not cut pieces)
        if lines < _FEW_LINES and len(raw) > _FEW_LINES_MIN_CHARS:
            # A whole article on a handful of lines: the headings are inside them, not at line starts.
            message += f" at the start of a line; the text has only {lines} line(s) for {len(raw):,} characters"
        # Say how to go on: a text without an abstract (a news story, a chapter) can still be
        # repaired, tagged and classified.
        raise StructureError(
            label,
            message + "); to process a text without one, set require_abstract = false "
            "under [stages.read] in a copy of configs/pipeline.toml and pass it with --config",
        )
    front_end = min(starts) if starts else (first_heading if first_heading is not None else 0)
    prose = _running_text_start(blocks, front_end) if not starts else None
    # A text with no abstract and no byline whose first line reads as a title: a news story, its
    # headline over its dateline and text (the headline is its front matter, below).
    news = (
        not starts
        and front_end > 0
        and not _byline_above(blocks, front_end, 0)
        and _looks_like_title(blocks[0].lines[0], raw)
    )
    if prose is not None and not news:
        # A text with no abstract (a symposium's report, read when require_abstract is off) whose
        # first heading comes late: its front matter ends where its running text begins.
        index, line = prose
        if line:
            _split_block(blocks, index, line)
            index += 1
        front_end = index
    if not starts and (front_end == 0 or news) and blocks and _looks_like_title(blocks[0].lines[0], raw):
        # A text without an abstract (read when require_abstract is off), such as a news story,
        # starts with its title: front matter, not the first words of the first paragraph (nor its
        # dateline, «تونس - الجوهرة اف ام», when a heading comes further down).
        if len(blocks[0].lines) > 1:  # read line by line, the title's block took the next lines too
            _split_block(blocks, 0, 1)
        front_end = 1

    body_start = front_end
    read: set[int] = set()  # blocks the abstracts took
    ends: dict[int, int] = {}  # where each abstract starts and ends
    for index, lang in ((ar_abs, "ar"), (en_abs, "en")):
        if index is not None:
            end = _read_abstract(article, state, blocks, index, lang, labelled=blocks[index] not in unlabelled)
            read.update(range(index, end))
            read.update(state.keyword_blocks)
            ends[index] = end
            body_start = max(body_start, end)
    # An abstract read without its keywords, whose list comes after the other language's keywords
    # (the English abstract first, then the Arabic one, then «الكلمات المفتاحية: ...» and "Keywords: ..."):
    # the list right after the abstracts is its keywords.
    for index, lang in ((ar_abs, "ar"), (en_abs, "en")):
        if index is None or (article.keywords_ar if lang == "ar" else article.keywords_en):
            continue
        after = body_start
        # (its label with a colon or a dash, or alone on its line: «كلمات مفتاحية، مثل السيادة ...» is prose)
        if (
            after < len(blocks)
            and after not in read
            and _keywords_label_end(blocks[after].lines[0].text, lang) is not None
            and _labelled_list(blocks[after].lines[0].text, lang)
            and _reads_as_keywords(blocks[after], lang)
        ):
            _read_keywords(article, state, blocks[after].lines, lang)
            read.add(after)
            body_start = after + 1
    # A French abstract next to the others (Résumé / Mots-clés): a passage in its own language.
    french = _find_line(blocks, lambda t: _abstract_heading_end(t, "fr") is not None)
    if (
        french is not None
        and starts
        and french < min(starts)
        and not _french_label_alone(blocks[french], blocks[french + 1] if french + 1 < len(blocks) else None)
    ):
        french = None  # «Résumé: la diplomatie au Golfe» over the Arabic title: a title, not the abstract
    if french is not None and starts and french < (first_heading if first_heading is not None else len(blocks)):
        end = _read_abstract(article, state, blocks, french, "fr")
        read.update(range(french, end))
        body_start = max(body_start, end)
    # A Persian abstract beside the others («چکیده», «کلیدواژه‌ها»), before the body's first heading.
    persian = _find_line(blocks, lambda t: _abstract_heading_end(t, "fa") is not None)
    if (
        persian is not None
        and starts
        and persian not in read
        and persian < (first_heading if first_heading is not None else len(blocks))
    ):
        end = _read_abstract(article, state, blocks, persian, "fa")
        read.update(range(persian, end))
        body_start = max(body_start, end)
    later_blocks: list[_Block] = []
    order = sorted(ends)
    between = [i for i in range(ends[order[0]], order[-1]) if i not in read] if len(order) == 2 else []
    if between and _body_between(blocks, between, settings):
        # The second language's part comes after the body and its references (title, byline,
        # abstract, keywords at the end of the article): the body is what lies between the two
        # abstracts, less the title and byline lines right above the second one.
        second_lang = "ar" if order[-1] == ar_abs else "en"
        middle, later_blocks = _split_trailing_front([blocks[i] for i in between], second_lang)
        body = middle + [b for i, b in enumerate(blocks) if i >= ends[order[-1]] and i not in read]
    else:
        # An English-first article gives its Arabic title, author and dates after the English
        # keywords, before the Arabic abstract: front matter too, not a paragraph of the body.
        later = _later_front_matter(blocks, ends, read)
        read.update(later)
        later_blocks = [blocks[i] for i in later]
        # Blocks between the abstracts that neither took (a note, a second abstract heading after
        # the keywords) are read with the body, before its first heading, rather than dropped.
        body = [b for i, b in enumerate(blocks[front_end:body_start], front_end) if i not in read]
        body += blocks[body_start:]
    # The note a starred name in the front matter points to («* المؤلف المرسل.»), set after the
    # abstracts, belongs to the front matter.
    notes = _star_notes(body, blocks[:front_end], settings) + _date_blocks(body, settings) + state.abstract_notes
    book = _book_record_blocks(body, settings)
    state.book_record = {line.start for block in book for line in block.lines}
    notes += _citation_blocks(body, settings) + book
    body = [b for b in body if not any(b is n for n in notes)]
    # (a French abstract set first, «Résumé :» above the Arabic one, is no part of the front matter)
    front = [b for i, b in enumerate(blocks[:front_end]) if i not in state.keyword_blocks and i not in read]
    _read_front_matter(article, front, state, later_blocks + notes)
    if article.title_ar is None and article.metadata.get("article_name"):
        article.title_ar = article.metadata["article_name"]

    state.line_width = _line_width(body)
    state.paragraph_indent = _paragraph_indent(body, state)
    toc_entries = _mark_toc(body, state)
    body = _split_inline_headings(body, toc_entries, state)
    _read_body(body, state)
    _numbered_paragraphs(state)

    # The numbers of the footnotes found, with where each one's text is: a plain marker (3) or a
    # superscript after a space in the text before it cites it.
    footnotes = {
        int(u.number): u.blocks[0][0][0] for u in state.units if u.kind == "footnote" and (u.number or "").isdigit()
    }
    # (a number set off after a sentence's end, «... أخرى". 1», cites only a note that no marker of
    # the usual kinds cites: «... الثلاثاء. 3» where (3) cites note 3 elsewhere is a count)
    bare_ok = set(footnotes) - _marker_numbers(raw)
    # (notes lettered «(أ)», «(ب)»: the text cites them by their letters)
    lettered = {
        number: start
        for number, start in footnotes.items()
        if _LETTER_NOTE_LINE.match(raw[_line_start_of(raw, start) : start + 1])
    }
    labels = _letter_labels(raw) if lettered else frozenset()
    # (notes marked by superscript letters at a page's foot, «ᵃ ...»: the page's text above cites them
    # so, «البلديةᵃ.»; where the markers stand, with the note's number)
    superscript_lettered = _superscript_letter_markers(raw, state)
    article.sections = state.sections
    article.structure_spans = sorted(state.structure)
    article.passages = [
        p
        for p in (
            _make_passage(
                raw, u, i, footnotes, state.set_off_markers, bare_ok, lettered, labels, superscript_lettered, markdown
            )
            for i, u in enumerate(sorted(state.units, key=lambda u: u.blocks[0][0][0]))
        )
        if p
    ]
    return article


# -- lines and blocks -------------------------------------------------------


#: The left and right sides of a drawn box around a line's text: «│ », « │» (box-drawing verticals).
_BOX_SIDE_LEFT = re.compile(r"^[│┃║╎┆┊]\s*")
_BOX_SIDE_RIGHT = re.compile(r"\s*[│┃║╎┆┊]$")
#: A box's border line, and the joints a table's border has where its columns meet it.
_BOX_BORDER = re.compile(r"^[\u2500-\u257f\s]{3,}$")
_COLUMN_JOINTS = "".join(map(chr, range(0x252C, 0x254C))) + "╤╥╦╧╨╩╪╫╬"  # (light, heavy and mixed T-joints, crosses)
#: A box drawn in ASCII: its border «+------+» (no «+» inside: a table's border has one where its
#: columns meet it), and a line inside it between «|» sides with no «|» between them.
_ASCII_BOX_BORDER = re.compile(r"^\+[-=]{3,}\+$")
_ASCII_BOX_LINE = re.compile(r"^\|(?P<text>[^|]*)\|$")


def _blocks(raw: str, settings: ReaderSettings, markdown: bool = False) -> list[_Block]:
    """The text's blocks: runs of non-blank lines, split at blank lines.

    Lines end at LF, CRLF or a lone CR (old Mac files and some PDF converters write CR
    only). A text with no blank lines between its paragraphs (what many PDF-to-text
    tools give) is split at line level instead (:func:`_line_blocks`). In a Markdown text
    (``markdown``: :func:`_is_markdown`) the marks around a line are left out of its span.
    """
    blocks: list[_Block] = []
    current: list[_Line] = []
    table_box = False  # inside a box whose border has column joints (┬ ┼): a table's
    ascii_box = False  # inside a box drawn «+----+» / «| ... |»
    no_blank_lines = markdown and not _BLANK_LINE.search(raw)
    fenced = False  # inside a Markdown code block «```»: its lines are as they stand
    blank_before = True
    for m in _LINE.finditer(raw):
        content = m.group(1)
        stripped = content.strip()
        after_blank, blank_before = blank_before, not stripped
        if markdown and stripped.startswith("```"):
            fenced = not fenced
        if markdown and stripped and not fenced:
            # (Markdown's marks around a line, «## 1. المقدمة», «> ...», «**د. مريم ...**», «<a@b.qa>»:
            # layout, as a box's sides are; the line keeps its raw offsets)
            cut = _markdown_line(stripped)
            if cut is not None:
                lead = len(content) - len(content.lstrip()) + cut[0]
                inner = stripped[cut[0] : cut[1]]
                if inner.strip():
                    start = m.start() + lead
                    # (an ATX heading after a blank line is a heading whatever its length or words:
                    # «#### 2.1 دور بعثة ...»; not a number alone, «## 15», a page's)
                    atx = (
                        (after_blank or no_blank_lines)
                        and _MARKDOWN_HEADING.match(stripped) is not None
                        and not inner.isdigit()
                    )
                    current.append(_Line(start, start + len(inner), inner, forced_heading=atx))
                    continue
                stripped = ""
        if not stripped:
            if current:
                blocks.append(_Block(current))
                current = []
            continue
        if _ASCII_BOX_BORDER.match(stripped):
            ascii_box = not ascii_box and _ascii_box_follows(raw, m.end())
        elif ascii_box and (side := _ASCII_BOX_LINE.match(stripped)) is not None:
            # (the sides of a box drawn in ASCII, «| المستخلص |»: layout, as a box-drawing box's are)
            text = side.group("text")
            inner = text.strip()
            if not inner:
                if current:
                    blocks.append(_Block(current))
                    current = []
                continue
            start = m.start() + (len(content) - len(content.lstrip())) + 1 + (len(text) - len(text.lstrip()))
            current.append(_Line(start, start + len(inner), inner))
            continue
        else:
            ascii_box = False
        if _BOX_BORDER.match(stripped):
            table_box = any(joint in stripped for joint in _COLUMN_JOINTS) and not any(
                corner in stripped for corner in "└┘╚╝┗┛"
            )
        elif not _BOX_SIDE_LEFT.match(stripped):
            table_box = False  # (a line out of the box: the table is over; a blank line between rows is not)
        lead = len(content) - len(content.lstrip())
        start = m.start() + lead
        # (the sides of a box drawn with box-drawing characters, «│ الملخص │»: layout, not text; the
        # rows of a table drawn so, «│ أولاً │ الإصلاح │» under «┌───┬───┐», keep theirs)
        if not table_box:
            if side := _BOX_SIDE_LEFT.match(stripped):
                start += side.end()
                stripped = stripped[side.end() :]
            if side := _BOX_SIDE_RIGHT.search(stripped):
                stripped = stripped[: side.start()]
        if not stripped:
            if current:
                blocks.append(_Block(current))
                current = []
            continue
        current.append(_Line(start, start + len(stripped), stripped))
    if current:
        blocks.append(_Block(current))
    # A two-column bilingual box is read one column after the other, each column a block of its own
    # (a passage joins the lines of one block, and a column's lines are in raw order only among themselves).
    # (Whether the text has a paragraph layout is judged on its blank lines, before the split.)
    laid_out = len(blocks)
    split: list[_Block] = []
    columns: set[int] = set()  # where the parts a block was split into start
    for block in blocks:
        parts = _byline_columns(block.lines, raw) or [
            part for part in _deinterleaved(_side_by_side(block.lines), settings) if part
        ]
        split += [_Block(part, runs_on=k < len(parts) - 1) for k, part in enumerate(parts)]
        columns.update(part[0].start for part in parts[1:])
    lines = sum(len(b.lines) for b in split)
    # (a word processor's text saved as plain text has a paragraph a line, its lines far longer than
    # a page's; blank lines there are empty paragraphs, not a layout)
    if (lines >= _LINE_MODE_MIN_LINES and laid_out < _LINE_MODE_MAX_BLOCK_SHARE * lines) or _unwrapped(split):
        # a column still starts a block of its own when the text is read line by line
        return _line_blocks([line for b in split for line in b.lines], settings, columns)
    return split


def _unwrapped(blocks: list[_Block]) -> bool:
    """Whether the text's paragraphs are lines of their own, run together without blank lines: at
    least ``_UNWRAPPED_MIN_LINES`` times, and for a quarter of its long lines, a line of running text
    longer than any page's line (``_UNWRAPPED_MIN_CHARS``, no columns) that ends a sentence is followed
    in its block by another such line, and such long lines seldom run on into the next one (a word
    processor's text saved as plain text; a PDF's text with a paragraph a line and blank lines between
    them, or a wide page's wrapped lines, is read by its blocks)."""

    def long(line: _Line) -> bool:
        return line.end - line.start >= _UNWRAPPED_MIN_CHARS and not _COLUMN_GAP.search(line.text)

    pairs = wrapped = 0
    for block in blocks:
        for a, b in pairwise(block.lines):
            if long(a) and long(b):
                if _ends_sentence(a.text):
                    pairs += 1
                else:
                    wrapped += 1  # (a long line that runs on into the next: a wide page's wrapping)
    # (a PDF's text with a paragraph in a line or two and blank lines between paragraphs has few such
    # pairs among its long lines: the seed article, 3 of 60)
    lines = sum(1 for block in blocks for line in block.lines if long(line))
    return pairs >= _UNWRAPPED_MIN_LINES and pairs >= _UNWRAPPED_MIN_SHARE * lines and 4 * wrapped <= pairs


#: How long a line of a paragraph left unwrapped is at least (pdftotext's lines of an A4 page hold
#: 90-130 characters), and how many of them, each ending a sentence, must follow one another.
_UNWRAPPED_MIN_CHARS = 200
_UNWRAPPED_MIN_LINES = 2
_UNWRAPPED_MIN_SHARE = 0.25


#: Markdown's marks: an ATX heading's «#»s, a quotation's «>», emphasis around a whole line, an
#: address between angle brackets (Pandoc writes them so; so do the PDF-to-Markdown converters).
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)")
#: A heading's closing «#»s and Pandoc's attributes after it: «## المقدمة ##», «## Abstract {#abs .unnumbered}».
_MARKDOWN_HEADING_END = re.compile(r"(?:[ \t]+#+)?(?:[ \t]*\{[#.][^{}]*\})?[ \t]*$")
_MARKDOWN_QUOTE = re.compile(r"^(?:>[ \t]?)+")
_MARKDOWN_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.*\S)\1$")
_MARKDOWN_LINK = re.compile(r"^<([^<>\s]+)>$")
#: Markdown's bold marks inside a line: «**الحياد:**», «__term__» (not a run of three or more: «______», a
#: blank to fill in).
_MARKDOWN_BOLD = re.compile(r"(?<![*_])(?:\*\*|__)(?![*_])")


def _bold_marks(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """The bold marks of ``raw[start:end]`` that pair up on their raw line, an opening one (not after a
    digit, before a non-space) with the next closing one (after a non-space); the opening may stand
    before ``start`` (a label's «**» the line's marks cut off). Not «0.62**», a significance level's
    stars (no opening before it), nor «______»."""
    line_start = _line_start_of(raw, start)
    line_end = _LINE_BREAK.search(raw, end)
    stop = line_end.start() if line_end else len(raw)
    out = []
    opened: dict[str, re.Match[str]] = {}
    for m in _MARKDOWN_BOLD.finditer(raw, line_start, stop):
        before = raw[m.start() - 1] if m.start() > line_start else " "
        after = raw[m.end()] if m.end() < stop else " "
        mark = m.group()
        if mark in opened and not before.isspace():
            opening = opened.pop(mark)
            out += [(a, b) for a, b in (opening.span(), m.span()) if start <= a < end]
        elif not before.isdigit() and not after.isspace() and not (after.isdigit() and before.isalnum()):
            # (after a letter too: «و**الوساطة**», a clitic glued to the bold word; before a number only
            # after a space or a mark, «**250**», not «x**2», a power)
            opened[mark] = m
    return sorted(out)


_MARKDOWN_BOLD_LABEL = re.compile(r"^(\*\*\*|___|\*\*|__)(?=[^*_\n]{1,60}?(?:[:：]\1|\1[:：]))")
#: Fewest heading lines «## ...» for a text to be read as Markdown.
_MARKDOWN_MIN_HEADINGS = 2


def _is_markdown(raw: str) -> bool:
    """Whether the text is Markdown: two ATX headings at least («# ...», «## ...»), each after a blank line
    or at the text's start (not "# of rounds ...", a count in an English line, nor «# تحميل البيانات»,
    a code's comment under a line of text or inside a fenced block)."""
    unfenced = _FENCED_CODE.sub("", raw)
    if len(_ATX_AFTER_BLANK.findall(unfenced)) >= _MARKDOWN_MIN_HEADINGS:
        return True
    # (a text with no blank lines at all, «## الملخص» right under the title: the lines that read as
    # headings or labels count, not «# تحميل البيانات», a code's comment)
    if _BLANK_LINE.search(unfenced):
        return False
    headings = [
        m.group("text")
        for m in _ATX_ANYWHERE.finditer(unfenced)
        if classify_heading(m.group("text")) is not None or _is_label(m.group("text"))
    ]
    return len(headings) >= _MARKDOWN_MIN_HEADINGS


#: A Markdown heading after a blank line or at the text's start; a fenced code block.
_ATX_AFTER_BLANK = re.compile(r"(?:\A|\n[ \t]*\r?\n)[ \t]{0,3}#{1,6}[ \t]+(?![a-z])\S")
_ATX_ANYWHERE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?![a-z])(?P<text>\S.*?)[ \t#]*$", re.MULTILINE)
_FENCED_CODE = re.compile(r"^[ \t]*```.*?^[ \t]*```[^\n]*$", re.MULTILINE | re.DOTALL)


def _markdown_line(text: str) -> tuple[int, int] | None:
    """Where a stripped Markdown line's text starts and ends once its marks are set aside, or None when
    it has none: «## 1. المقدمة» -> «1. المقدمة», «> إن ...» -> «إن ...», «**د. مريم**» -> «د. مريم»."""
    start, end = 0, len(text)
    if _RULE_LINE.match(text):
        return None  # «***», «___», «---»: a rule
    if m := _MARKDOWN_HEADING.match(text):
        start = m.end()
        end = max(start, _MARKDOWN_HEADING_END.search(text, start).start())
    elif m := _MARKDOWN_QUOTE.match(text):
        start = m.end()
    body = text[start:end]
    if m := _MARKDOWN_BOLD_LABEL.match(body):
        start += m.end()  # «**Keywords:** ...»: the label's opening marks (its closing ones stay)
    elif m := _MARKDOWN_EMPHASIS.match(body):
        start, end = start + len(m.group(1)), end - len(m.group(1))
    elif m := _MARKDOWN_LINK.match(body):
        start, end = start + 1, end - 1
    return (start, end) if (start, end) != (0, len(text)) else None


def _line_start_of(raw: str, pos: int) -> int:
    """Where the raw line ``pos`` stands on starts (after LF, CR or CRLF)."""
    return max(raw.rfind("\n", 0, pos), raw.rfind("\r", 0, pos)) + 1


def _raw_line(raw: str, pos: int) -> str:
    """The whole raw line ``pos`` stands on, its indent included."""
    end = _LINE_BREAK.search(raw, pos)
    return raw[_line_start_of(raw, pos) : end.start() if end else len(raw)]


def _next_list_item(info: HeadingInfo, state: _State, line: _Line) -> bool:
    """Whether a numbered line that reads as a heading is the next item of the list just read: the last
    unit is a list item numbered one less, its last line right above this one, and this line goes on on
    the next one (it ends with a comma, a preposition or a conjunction) or, the item before having
    wrapped, it has no colon and names no known section (a wrapped list's items are headings by their
    look: short, no full stop; «4. الإطار النظري للدراسة: ...», «5. الخاتمة» under a list are sections)."""
    if info.style not in ("num-dash", "num-dot", "num-paren") or not info.key.isdigit():
        return False
    last = state.units[-1] if state.units else None
    return (
        last is not None
        and last.kind == "list_item"
        # (this one goes on, «2. دعم ... الدولية،»; or the one before wrapped and this one reads as no
        # heading's title, no colon in it nor a known name, «4. الإطار النظري للدراسة: ...», «5. الخاتمة»)
        and (
            _GOES_ON_END.search(line.text) is not None
            or (
                sum(len(block) for block in last.blocks) > 1
                and ":" not in line.text
                and "：" not in line.text
                and not _is_named_heading(info.title)
            )
        )
        and (last.number or "").isdigit()
        and int(last.number) + 1 == int(info.key)
        and not _BLANK_LINE.search(state.raw, last.blocks[-1][-1][1], line.start)
        and not state.raw[last.blocks[-1][-1][1] : line.start].strip()
    )


def _ascii_box_follows(raw: str, pos: int) -> bool:
    """Whether the lines after a border «+----+» at ``pos`` are a box's: «| ... |» lines up to a
    second border (a table drawn in ASCII has «|» between its cells too, and is left alone)."""
    for m in _LINE.finditer(raw, pos):
        stripped = m.group(1).strip()
        if _ASCII_BOX_BORDER.match(stripped):
            return True
        if stripped and _ASCII_BOX_LINE.match(stripped) is None:
            return False
    return False


#: Two columns of one line set apart by a run of spaces (``pdftotext -layout``).
_COLUMN_SPLIT = re.compile(r"(?<=\S)[ \t]{3,}(?=\S)")
#: Fewest lines of a block that hold an English and an Arabic column for the block to be read so.
_SIDE_BY_SIDE_MIN_LINES = 4


def _side_by_side(lines: list[_Line]) -> list[_Line]:
    """A block's lines with each line that holds two columns of different scripts, set apart by a run of
    spaces («In the case of Mali, ...      وفي حالة مالي، طلب ...», a bilingual box laid out side by
    side), cut into its two columns, one line each in raw order: the box then reads as one whose
    languages alternate line by line (:func:`_deinterleaved` puts them back in columns). Only in a
    block where at least ``_SIDE_BY_SIDE_MIN_LINES`` lines are so; other blocks are left alone."""
    cuts: list[tuple[_Line, _Line] | None] = []
    for line in lines:
        gaps = list(_COLUMN_SPLIT.finditer(line.text))
        if len(gaps) != 1:
            cuts.append(None)
            continue
        gap = gaps[0]
        left_text, right_text = line.text[: gap.start()], line.text[gap.end() :]
        if {_line_script(left_text), _line_script(right_text)} != {"ar", "en"}:
            cuts.append(None)
            continue
        left = _Line(line.start, line.start + gap.start(), left_text)
        cuts.append((left, _Line(line.start + gap.end(), line.end, right_text)))
    if sum(cut is not None for cut in cuts) < _SIDE_BY_SIDE_MIN_LINES:
        return lines
    # (only an abstract box: its columns hold an abstract's or the keywords' label; a table or a list of
    # terms with a column in each language stays as it is)
    labels = [part.text for cut in cuts if cut is not None for part in cut]
    if not any(_opens_abstract_or_keywords(text) for text in labels):
        return lines
    out: list[_Line] = []
    for line, cut in zip(lines, cuts, strict=True):
        out.extend(cut if cut is not None else (line,))
    return out


#: Two columns of a byline block set side by side: a wider run of spaces than a table cell's.
_BYLINE_GAP = re.compile(r"(?<=\S)[ \t]{6,}(?=\S)")


def _byline_columns(lines: list[_Line], raw: str) -> list[list[_Line]] | None:
    """Two authors' bylines set side by side (``pdftotext -layout`` of a conference paper: each
    name over its affiliation and e-mail, the two far apart on the same lines), as two parts, one
    author's lines each; None for any other block. The block's first line holds two names with an
    academic title or in Latin script, a line under them an affiliation or an e-mail, and every line
    is one or two parts; a line of one part belongs to the column its position on the line is nearer to."""
    if len(lines) < 2:
        return None
    first = _BYLINE_GAP.split(lines[0].text)
    if len(first) != 2 or not all(_is_author(name) or _latin_names(name) for name in first):
        return None
    # (a byline gives an affiliation or an e-mail under the names: a table's header row of two
    # capitalised words, "Member State          Voting Record", gives neither)
    parts = [part for line in lines[1:] for part in _BYLINE_GAP.split(line.text)]
    if not any(_EMAIL.search(part) or _is_affiliation(part) for part in parts):
        return None
    columns: tuple[list[_Line], list[_Line]] = ([], [])
    # (half-way between where the two columns start on the first line, counted from the line's start)
    middle = _indent(raw, lines[0].start) + _BYLINE_GAP.search(lines[0].text).end() / 2
    for line in lines:
        gaps = list(_BYLINE_GAP.finditer(line.text))
        if len(gaps) > 1:
            return None
        if gaps:
            gap = gaps[0]
            columns[0].append(_Line(line.start, line.start + gap.start(), line.text[: gap.start()]))
            columns[1].append(_Line(line.start + gap.end(), line.end, line.text[gap.end() :]))
        else:
            columns[_indent(raw, line.start) >= middle].append(line)
    return list(columns)


#: Fewest lines of a two-column bilingual box emitted line by line (an Arabic line, then an
#: English one, ...): fewer (a two-line title pair) may be a title and its translation.
_INTERLEAVED_MIN_LINES = 6
#: Longest stretch of one script inside such a box: the column that runs out first leaves the
#: other's last lines alone (two English lines in a row, then the keywords alternate again).
_INTERLEAVED_MAX_RUN = 2
#: Share of a line's letters that must be of one script for the line to be of that script.
_ONE_SCRIPT_SHARE = 0.8


#: Arabic-Indic and Persian digits (in the Arabic block, but no letters).
_INDIC_DIGIT = re.compile("[\u0660-\u0669\u06F0-\u06F9]")


def _line_script(text: str) -> str | None:
    """"ar" or "en" for a line written in one script, None for a line of both or of no letters."""
    # (Arabic-Indic digits are no letters: a page number «- ١٢١ -» is of no script)
    ar = len(_ARABIC.findall(text)) - len(_INDIC_DIGIT.findall(text))
    la = len(_LATIN.findall(text))
    if ar + la == 0:
        return None
    if ar >= _ONE_SCRIPT_SHARE * (ar + la):
        return "ar"
    if la >= _ONE_SCRIPT_SHARE * (ar + la):
        return "en"
    return None


def _french_label_alone(block: _Block, following: _Block | None) -> bool:
    """Whether a «Résumé» block set before the other abstracts is a French abstract: its label alone on
    its line; or prose after it (fifteen words or more in Latin script, a sentence ended by a word, not
    by «vol.»); or its «Mots-clés» line in the block or opening the next one, after a sentence or a
    dozen words. «Résumé: la diplomatie au Golfe» over an English title or a byline is a title."""
    first = block.lines[0].text
    end = _abstract_heading_end(first, "fr")
    if end is None:
        return False
    if not first[end:].strip(" :：-–"):
        return True
    text = " ".join([first[end:]] + [line.text for line in block.lines[1:] if _line_script(line.text) == "en"])
    words = len(text.split())
    sentence = re.search(r"[^\W\d_]{3,}[.!?](?:\s|$)", text) is not None
    if words >= 15 and sentence:
        return True
    lines = [line.text for line in block.lines[1:]] + ([following.lines[0].text] if following else [])
    keywords = any(_keywords_label_end(line, "fr") is not None for line in lines)
    return keywords and (words >= 12 or sentence)


def _opens_abstract_or_keywords(text: str) -> bool:
    return any(
        _abstract_heading_end(text, lang) is not None or _keywords_label_end(text, lang) is not None
        for lang in ("ar", "en")
    )


def _opens_keywords(text: str) -> bool:
    return any(_keywords_label_end(text, lang) is not None for lang in ("ar", "en"))


#: Line ends that carry a keywords list on to the next line of its column.
_LIST_RUNS_ON = (",", "،", ";", "؛", "-", "–")


def _interleaved_end(lines: list[_Line], scripts: list[str | None], i: int, settings: ReaderSettings) -> int:
    """Where the stretch of alternating one-script lines that starts at line ``i`` ends (exclusive).

    It ends at a line of both scripts or of none, before a run of more than ``_INTERLEAVED_MAX_RUN``
    lines of one script, at a body heading (``المقدمة``: the box is over, the body begins) and
    after the keywords: once a column's keywords list has ended (a line of it that does not run
    on with a comma), the next line of that column is no longer in the box.
    """
    j = i
    run = 0  # how many lines of the same script end the stretch so far
    in_keywords: set[str] = set()
    done: set[str] = set()
    while j < len(lines) and scripts[j] is not None:
        script, text = scripts[j], lines[j].text
        run = run + 1 if j > i and script == scripts[j - 1] else 1
        if run > _INTERLEAVED_MAX_RUN:
            return j - (run - 1)  # the long run of one script is not part of the box
        if script in done:
            return j
        if j > i and _is_body_heading(text, settings):
            return j
        if _opens_keywords(text):
            in_keywords.add(script)
        if script in in_keywords and _keywords_end_here(lines, scripts, j):
            done.add(script)
        j += 1
    return j


def _keywords_end_here(lines: list[_Line], scripts: list[str | None], j: int) -> bool:
    """Whether a column's keywords list ends on line ``j``: the line ends a sentence, or it does
    not run on (no comma at its end) and the column's next line holds no list of its own."""
    text = lines[j].text.rstrip()
    if text.endswith(_LIST_RUNS_ON):
        return False
    if text.endswith((".", "؟", "!")):
        return True
    following = next((k for k in range(j + 1, min(j + 3, len(lines))) if scripts[k] == scripts[j]), None)
    return following is None or not any(mark in lines[following].text for mark in _LIST_RUNS_ON[:4])


def _deinterleaved(
    lines: list[_Line], settings: ReaderSettings | None = None
) -> list[list[_Line]]:
    """A block's lines in parts, each stretch of alternating Arabic and English lines put in reading
    order: the lines of the first label's script, then those of the other (both in their own
    order), each column a part of its own; the lines around it are parts of their own too.

    A two-column bilingual box (title, abstract, keywords side by side) comes out of PDF text
    one visual line at a time, so the two languages alternate line by line; read in that order,
    the Arabic abstract would be cut into the English one. A stretch is at least
    ``_INTERLEAVED_MIN_LINES`` lines of one script each, in which no script runs for more than
    ``_INTERLEAVED_MAX_RUN`` lines; a line of both scripts or of none (a page number) ends it,
    and so do a body heading and the end of the keywords (:func:`_interleaved_end`); and it
    holds an abstract or keywords label (``المستخلص`` / ``Abstract``), for what the order
    spoils is the text that runs over several lines. Only the lines from the first label on are
    reordered: the one-line fields above it (journal, title, author, affiliation pairs) are read
    line by line by the front-matter reader and are left in place, and so are text in one
    language and a page where the languages take turns by paragraph.
    The lines keep their raw offsets, and within each part they are in raw order, so that no
    passage's spans run backwards.

    Linear in the number of lines: whether a line opens a label is decided once, and a stretch
    that is not reordered is passed over whole (a later start inside it ends at the same line and
    holds no label either).
    """
    scripts = [_line_script(line.text) for line in lines]
    labels = [s is not None and _opens_abstract_or_keywords(line.text) for s, line in zip(scripts, lines)]
    parts: list[list[_Line]] = [[]]
    i = 0
    while i < len(lines):
        if scripts[i] is None:
            parts[-1].append(lines[i])
            i += 1
            continue
        j = _interleaved_end(lines, scripts, i, settings or ReaderSettings())
        first_label = next((k for k in range(i, j) if labels[k]), None)
        if (
            first_label is not None
            and j - i >= _INTERLEAVED_MIN_LINES
            and sum(scripts[k] != scripts[k - 1] for k in range(i + 1, j)) >= (j - i) // 2
        ):
            if _opens_keywords(lines[first_label].text) and not any(
                _abstract_heading_end(lines[k].text, lang) is not None for k in range(first_label, j) for lang in ("ar", "en")
            ):
                # Keywords but no abstract label: the lines above them are the box's abstract
                # whose label fell on the other side of a break (a page number, a moved line).
                first_label = i
            parts[-1] += lines[i:first_label]
            first = scripts[first_label]
            parts.append([lines[k] for k in range(first_label, j) if scripts[k] == first])
            parts.append([lines[k] for k in range(first_label, j) if scripts[k] != first])
            parts.append([])
        else:
            parts[-1] += lines[i : max(j, i + 1)]
        i = max(j, i + 1)
    return parts


#: A text longer than this on fewer lines lost its line breaks (the error says so).
_FEW_LINES = 5
_FEW_LINES_MIN_CHARS = 2000
#: One line and its end (LF, CRLF or CR); the empty match at the very end is skipped by the caller's strip.
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
#: A text of at least this many lines in which blank lines make fewer blocks than this
#: share of its lines has no paragraph layout to go by: it is read line by line.
_LINE_MODE_MIN_LINES = 20
_LINE_MODE_MAX_BLOCK_SHARE = 0.05


def _line_blocks(lines: list[_Line], settings: ReaderSettings, columns: set[int] | None = None) -> list[_Block]:
    """Blocks for a text without blank lines: a new block after a line that ends a sentence or is heading-like.

    A paragraph wrapped over several lines stays one block (its lines do not end
    sentences); headings, abstract and keyword labels and front-matter lines (short,
    no full stop) each start or make their own block, and so does every line of a
    references list, which is what the reader expects of a laid-out text. A line whose start
    is in ``columns`` (the first line of a bilingual box's column, :func:`_deinterleaved`)
    starts a block too: the column before it lies partly after it in the raw text.
    """
    columns = columns or set()
    blocks: list[_Block] = []
    in_references = False
    previous_ends = True  # whether the line before ends its block
    width = _wrap_width([line.end - line.start for line in lines])
    for line in lines:
        info = classify_heading(line.text)
        starts = _starts_block(line.text, info, settings)
        if not blocks or previous_ends or (starts and not in_references) or line.start in columns:
            blocks.append(_Block([line]))
        else:
            blocks[-1].lines.append(line)
        if info is not None and info.style == "named":
            # Reference entries are one per line (the reference reader joins the ones that run on).
            in_references = is_reference_heading(info)
        text = line.text
        if in_references and not starts:
            # An entry ends where its line does, unless the line visibly runs on (a comma, a colon, a word cut short).
            previous_ends = _reference_closed(text) and not text.rstrip().endswith((",", "،", ";", "؛"))
        else:
            # A line of wrapped text that runs to the full width goes on to the next line even when it
            # ends a sentence or looks like a heading (a footnote `(2) ...` wrapped): a paragraph's
            # last line falls short of the width.
            full = width > 0 and line.end - line.start >= _FULL_LINE_SHARE * width
            previous_ends = (
                (starts and not (full and not _ends_sentence(text)))
                or (_ends_sentence(text) and not full)
                or len(text.split()) <= 3
            )
    return blocks


#: A line this close to the wrap width counts as full (the text goes on to the next line).
_FULL_LINE_SHARE = 0.85
#: Share of a text's lines that must lie near its widest lines for the text to count as wrapped.
_WRAPPED_SHARE = 0.4


#: How far above the crowd of wrapped lines the 90th percentile may lie for the crowd to give the width.
_LIFTED_WIDTH_SHARE = 1.25


def _wrap_width(lengths: list[int]) -> int:
    """The width a text's lines were wrapped to, or 0 when they were not wrapped.

    PDF text wraps at a fixed width, so most lines lie just under the widest ones (the 90th
    percentile, or the length with the most lines just under it when longer lines of notes or
    references lift that); a text whose lines are whole paragraphs (the seed) has no such crowd.
    """
    if len(lengths) < _WIDTH_MIN_LINES:
        return 0
    ordered = sorted(lengths)
    width = ordered[int(0.9 * (len(ordered) - 1))]
    near = sum(_FULL_LINE_SHARE * width <= n <= 1.15 * width for n in ordered)
    if near >= _WRAPPED_SHARE * len(ordered):
        return width
    # Notes or references wrapped a little wider can lift the 90th percentile above the crowd of
    # the body's wrapped lines: the widest length with the most lines just under it, when the
    # percentile is only a little above it (lines that are whole paragraphs, in a text converted
    # from a word processor, are far longer than a crowd of table rows or verses: no width).
    crowd, width = max((sum(_FULL_LINE_SHARE * w <= n <= w for n in ordered), w) for w in set(ordered))
    lifted = ordered[int(0.9 * (len(ordered) - 1))] <= _LIFTED_WIDTH_SHARE * width
    return width if lifted and crowd >= _WRAPPED_SHARE * len(ordered) else 0


def _starts_block(text: str, info: HeadingInfo | None, settings: ReaderSettings) -> bool:
    """Whether a line is a heading or an abstract or keywords label (it opens a block of its own)."""
    if _AR_ABSTRACT.match(text) or _EN_ABSTRACT.match(text):
        return True
    if any(_keywords_label_end(text, lang) is not None for lang in ("ar", "en")):
        return True
    if _abstract_heading_end(text, "ar") is not None:
        return True
    return info is not None and len(text.split()) <= settings.max_heading_words


#: A page-number line: the number alone, or dressed as ``- 12 -``, ``[12]``, ``| 12``, ``Page 12``, ``ص 12``
#: (Western, Arabic-Indic or, typed on a Persian keyboard, Persian digits ``- ۴۵ -``).
_PAGE_NUMBER = re.compile(
    # (an OCR'd scan may set a space inside the number, «1 2 1», «12 3»: read without it)
    r"^[\s\-–—|\[\](){}.]*(?:page\s*|ص\s*)?(?P<n>[0-9](?: ?[0-9]){0,3}|[٠-٩]{1,4}|[۰-۹]{1,4})"
    r"(?:\s*ص)?[\s\-–—|\[\](){}.]*$",
    re.IGNORECASE,
)
#: Fewest lines between two page numbers (a column of numbers in a table is not a page sequence).
_PAGE_MIN_LINES = 5
_DIGIT_RUN = re.compile(r"[0-9٠-٩۰-۹]+")
#: Longest line, in words, that may be a running header or footer.
_HEADER_MAX_WORDS = 20
#: A Markdown note's definition: «[^3]: text» (its number in group ``k``).
_MARKDOWN_NOTE = r"\[\^(?P<k>\d{1,3})\]:"
_MARKDOWN_NOTE_LINE = re.compile(rf"^{_MARKDOWN_NOTE}\s*(?=\S)")
#: A footnote line at the bottom of a page: ``(3) ...``, ``⁽³⁾ ...``, ``³ ...`` or ``[^3]: ...``.
_FOOTNOTE_LINE = re.compile(
    rf"^(?:[(\[](?P<p>\d{{1,3}})[)\]]|⁽(?P<s>[{_SUPERSCRIPT_DIGITS}]+|[0-9\u0660-\u0669]{{1,3}})⁾"
    rf"|(?P<b>[{_SUPERSCRIPT_DIGITS}]+)|{_MARKDOWN_NOTE}|<sup>(?P<h>\d{{1,3}})</sup>)\s*\S"
)


#: A copyright line of the publisher (on the title page or a page foot), furniture wherever it stands.
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)\s|copyright\b|all rights reserved|"
    + _tolerant("جميع الحقوق محفوظة", "حقوق الطبع محفوظة", "حقوق النشر محفوظة", "الحقوق محفوظة")
    + ")"
    r"|©\s*(?:\d{4}|[٠-٩]{4})\s*\.?\s*$",
    re.IGNORECASE,
)
#: Words of a licence a copyright notice goes on with on its next line.
_LICENCE_WORDS = re.compile(
    _tolerant("رخصة", "ترخيص", "المشاع الإبداعي", "المشاع الابداعي")
    + r"|(?i:\bCC\s+BY\b|creative\s+commons|licen[cs]e)"
)
#: The same notice by name, then the sign and the year: «حقوق النشر © 2023 للمؤلفين. ...» (on a line of
#: its own, not a wrapped line of text).
_COPYRIGHT_NAMED = re.compile(
    r"^\s*(?:"
    + _tolerant("حقوق النشر", "حقوق الطبع", "حقوق التأليف", "حقوق الملكية")
    + r"|copyright)\s*©\s*(?:\d{4}|[٠-٩]{4})",
    re.IGNORECASE,
)


#: Fewest words of a running head that joins a front-matter word with «و» («... / رضائي پور وجعفري»).
_JOINED_HEAD_MIN_WORDS = 8
#: The pages an article takes, as its front matter gives them: «ص 67-94», «ص ص 41-66», "pp. 41-66".
_PAGE_RANGE = re.compile(
    r"(?:(?<![^\W\d_])ص\s*\.?\s*(?:ص\s*)?[:：]?\s*|(?<![^\W\d_])الصفحات\s*[:：]?\s*|\b(?:pp?\.?|[Pp]ages?\s*[:：]?)\s*)"
    r"\d{1,4}\s*[-–]\s*(?P<last>\d{1,4})(?!\d)"
)
#: The first lines of a text, where its front matter gives its pages.
_PAGE_RANGE_LINES = 30


def _drop_page_furniture(
    blocks: list[_Block], settings: ReaderSettings, raw: str
) -> tuple[list[_Block], list[tuple[int, int]]]:
    """The blocks without their running headers, footers and page numbers, and those lines' spans.

    A page number is a line holding only a number (``- 12 -``, ``[12]``) that goes up by one or
    two from the page-number line before or after it, at least a few lines away (a column of a
    table is not a page sequence). A running header or footer is a line that occurs at least
    ``min_header_repeats`` times, its page number taken off (``121 مجلة ... العدد (58)``), that
    is not a heading, a label, a footnote or a sentence; twice is enough when each copy stands
    next to a page number or a form feed (a short article's alternating heads). Its occurrences
    before the first abstract or heading are left to the front matter (the title of an article is
    often its running head too).
    """
    lines = [line for block in blocks for line in block.lines]
    numbers = [(k, _page_number(line.text)) for k, line in enumerate(lines)]
    numbers = [(k, n) for k, n in numbers if n is not None]
    dropped: set[int] = set()
    for j, (k, n) in enumerate(numbers):
        for other_k, other_n in numbers[max(0, j - 1) : j] + numbers[j + 1 : j + 2]:
            if abs(other_k - k) >= _PAGE_MIN_LINES and 1 <= (other_n - n) * (1 if other_k > k else -1) <= 2:
                dropped.add(k)
    # A short last (or first) page: its number continues a sequence already found, also when a
    # line like a number («221.», the end of an endnote) stands between them (then a few lines away).
    for j, (k, n) in enumerate(numbers):
        for other_k, other_n in numbers[max(0, j - 1) : j] + numbers[j + 1 : j + 2]:
            if other_k in dropped and 1 <= (other_n - n) * (1 if other_k > k else -1) <= 2:
                dropped.add(k)
    found = sorted((k, n) for k, n in numbers if k in dropped)
    for k, n in numbers:
        before = next(((ok, on) for ok, on in reversed(found) if ok < k), None)
        after = next(((ok, on) for ok, on in found if ok > k), None)
        if (before is not None and 1 <= n - before[1] <= 2 and k - before[0] >= _PAGE_MIN_LINES) or (
            after is not None and 1 <= after[1] - n <= 2 and after[0] - k >= _PAGE_MIN_LINES
        ):
            dropped.add(k)
    # The text's last line, a number alone in its block that the front matter gives as the article's
    # last page («ص 67-94»): the last page's number, printed after pages the text leaves out (an
    # English abstract set on the article's last page, «70» ... «94»).
    if numbers and numbers[-1][0] == len(lines) - 1 and numbers[-1][0] not in dropped and len(blocks[-1].lines) == 1:
        last_k, last_n = numbers[-1]
        head = "\n".join(line.text for line in lines[:_PAGE_RANGE_LINES])
        if any(int(m.group("last")) == last_n for m in _PAGE_RANGE.finditer(head)):
            dropped.add(last_k)
    front_end = next(
        (k for k, line in enumerate(lines) if _is_label(line.text) or _is_furniture_free_heading(line.text)), 0
    )
    # The front matter ends at the first page's end at the latest (a report whose first label or
    # named heading is its references list would keep every running head as front matter).
    page_ends = [k for k in range(1, len(lines)) if _PAGE_BREAK.search(raw, lines[k - 1].end, lines[k].start)]
    front_end = min([front_end, *page_ends[:1], *sorted(dropped)[:1]])
    keys: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        key = _furniture_key(line.text)
        if key is not None:
            keys.setdefault(key, []).append(k)
    numbered = set(dropped)  # the page-number lines: a running head sits next to one
    # the last line of a page and the first of the next, where a form feed parts them
    breaks = {
        j for k in range(1, len(lines)) if _PAGE_BREAK.search(raw, lines[k - 1].end, lines[k].start) for j in (k - 1, k)
    }
    # Front-matter pages numbered with abjad letters (أ ب ج, a thesis's) or Roman numerals: a lone
    # one on the last or first line of a page.
    dropped.update(k for k in breaks if _LETTER_PAGE_NUMBER.match(lines[k].text))
    # A number (at most three digits, dashes around it) alone on a page's first or last line, where the
    # text marks its pages (a form feed, a converter's «{2}------»): that page's number, printed once
    # (see :func:`_edge_page_numbers`: a table's last cell, a count after «...:», a year at a page's top
    # are not).
    dropped.update(_edge_page_numbers(lines, breaks, dropped, raw))
    # A chapter's name as the running head of its pages («الفصل الأول: الإطار المفاهيمي»): a
    # heading-like line set at the top of two pages or more (a heading is printed once), or at a
    # page's top right above the same heading («قائمة المراجع» over «قائمة المراجع»).
    tops = [k for k in range(len(lines)) if k == 0 or _PAGE_BREAK.search(raw, lines[k - 1].end, lines[k].start)]
    heads: dict[str, list[int]] = {}
    for k in tops:
        if classify_heading(lines[k].text) is not None and len(lines[k].text.split()) <= _HEADER_MAX_WORDS:
            heads.setdefault(match_key(" ".join(lines[k].text.split())), []).append(k)
    if heads:
        line_keys = [match_key(" ".join(line.text.split())) for line in lines]  # once, not once per head
        for key, where in heads.items():
            same_below = [k for k in where if k + 1 < len(lines) and line_keys[k + 1] == key]
            if len(where) >= 2 and not any(line_keys[j] == key for j in range(len(lines)) if j not in where):
                dropped.update(where)
            dropped.update(same_below)
    # The words of the front matter: a line that recurs in the body made only of them is the
    # authors' names or the title set as a running head, even away from any page number.
    front_words = {w for line in lines[:front_end] for w in _furniture_words(line.text)}
    for key, where in keys.items():
        at_page_edges = len(where) >= 2 and all(
            any(j in numbered or j in breaks for j in (k - 2, k - 1, k, k + 1, k + 2)) for k in where
        )
        words = _furniture_words(key)
        body_copies = [k for k in where if k >= front_end]
        # (a name joined to the one before it by «و», «رضائي پور وجعفري», is a front-matter word too, in a
        # running head as long as a title and its authors: «الدبلوماسية الرقمية والخليج» is a heading)
        joined = [w for w in words if w not in front_words]
        joined_ok = (
            len(words) >= _JOINED_HEAD_MIN_WORDS
            and all(w[:1] == "و" and w[1:] in front_words for w in joined)
            and all(k in breaks for k in where)  # (at a page's top or foot, by a form feed)
        )
        from_front = len(words) >= 3 and (not joined or joined_ok)
        # Once is enough right by a page number when the line is made of front-matter words or
        # set in two parts far apart (``كريم مساعدية          الأمن الطاقوي ...``): a short article's
        # alternating heads, each seen once.
        # So is a line of front-matter words at a page's top or foot that carries its page number
        # itself, set far off at its edge («فهد العتيبي: الشراكة ...          327»).
        by_number = [
            k
            for k in body_copies
            if (
                (k - 1 in numbered or k + 1 in numbered)
                and (from_front or (_two_parts_far_apart(lines[k].text) and not _has_date_field(lines[k].text)))
            )
            or (
                from_front
                and k in breaks
                and _FAR_PAGE_NUMBER.search(lines[k].text)
                # (not a table's row that goes on from a page to the next: its neighbours are rows)
                and not any(0 <= j < len(lines) and _COLUMN_GAP.search(lines[j].text) for j in (k - 1, k + 1))
            )
        ]
        # (the title's first line printed once as the odd page's head is in the front matter too:
        # one copy in the body is what counts)
        if by_number and len(body_copies) == 1:
            dropped.update(by_number)
        if len(where) >= settings.min_header_repeats or at_page_edges or (from_front and len(body_copies) >= 2):
            # (twice is enough when every copy stands by a page number or a page break: a short article)
            dropped.update(k for k in where if k >= front_end or _DOCUMENT_SYMBOL.match(key))
    block_of = [bi for bi, block in enumerate(blocks) for _ in block.lines]

    def wrapped(k: int) -> bool:
        """Whether line ``k`` goes on with a sentence of the line above (same block, no blank line)."""
        return (
            k > 0
            and block_of[k - 1] == block_of[k]
            and not _ends_sentence(lines[k - 1].text)
            and "|" not in lines[k - 1].text
            and _BLANK_LINE.search(raw, lines[k - 1].end, lines[k].start) is None
        )

    copyright_lines = [
        k
        for k, line in enumerate(lines)
        if len(line.text.split()) <= _HEADER_MAX_WORDS and _COPYRIGHT.search(line.text)
    ]
    dropped.update(copyright_lines)
    width = _line_width(blocks)
    # A notice by name, «حقوق النشر © 2023 للمؤلفين.», on a line of its own, with the lines of its block
    # that carry on its licence («... بموجب رخصة المشاع الإبداعي» / «CC BY 4.0»); one that opens a
    # sentence the next line goes on with is text.
    for k, line in enumerate(lines):
        if len(line.text.split()) > _HEADER_MAX_WORDS or not _COPYRIGHT_NAMED.match(line.text) or wrapped(k):
            continue
        licence = [k]
        while (
            licence[-1] + 1 < len(lines)
            and wrapped(licence[-1] + 1)
            and _LICENCE_WORDS.search(lines[licence[-1] + 1].text)
        ):
            licence.append(licence[-1] + 1)
        last = lines[licence[-1]]
        if (
            licence[-1] + 1 < len(lines)
            and wrapped(licence[-1] + 1)
            and width > 0
            and last.end - last.start >= _SHORT_LINE_SHARE * width
        ):
            continue  # («حقوق النشر © 2019 محفوظة لدار» filling its line / «الشروق، وجاء في ...»: a sentence)
        dropped.update(licence)
    # A licence notice that wraps («© 2021, ..., licensee QU Press. This article is published under
    # the terms of the Creative» / "Commons Attribution 4.0 ..."): the lines of its block it runs on to.
    for k in copyright_lines:
        j = k + 1
        while (
            j < len(lines)
            and block_of[j] == block_of[k]
            and not _ends_sentence(lines[j - 1].text)
            and len(lines[j].text.split()) <= _HEADER_MAX_WORDS
        ):
            dropped.add(j)
            j += 1
    # Scanner debris on a line of its own: «|», «l» (a rule's edge or a speck read as a letter).
    dropped.update(k for k, line in enumerate(lines) if _DEBRIS_LINE.match(line.text))
    # A web page's interface saved with its text: the lines above, and the links a «read also» or
    # "related articles" box lists after its title.
    for k, line in enumerate(lines):
        text = line.text
        if not _WEB_HINT.search(text):
            continue  # (the rules below are slow: most lines hold none of their words)
        # (never a line that goes on with a sentence of the line above, «... بهدف» / «تصميم وتطوير أداة ...»,
        # unless that line was the site's too)
        if wrapped(k) and k - 1 not in dropped:
            continue
        menu = _WEB_MENU.match(text)
        # (a table's row among rows of bars is no menu, share bar or credits)
        bars = text.count("|")
        in_table = bars >= 2 and any(
            0 <= j < len(lines) and block_of[j] == block_of[k] and lines[j].text.count("|") == bars
            for j in (k - 1, k + 1)
        )
        # (a «read also» line alone: its link under it, or nothing of its block after it; not the first line
        # of a paragraph, short or not, that goes on under it)
        alone = (
            k + 1 >= len(lines)
            or block_of[k + 1] != block_of[k]
            or _WEB_LINK_LINE.match(lines[k + 1].text) is not None
            or _BLANK_LINE.search(raw, line.end, lines[k + 1].start) is not None
        )
        titled = _WEB_READ_ALSO.match(text) is not None and _WEB_BOX_TITLE.match(text) is None
        if (
            _WEB_INTERFACE.match(text)
            or (_WEB_BOX_TITLE.match(text) and _web_box(lines, k, raw))
            or (_WEB_SHARE.match(text) and len(_WEB_BUTTON.findall(text)) >= 2 and not in_table)
            or (titled and alone and not text.rstrip().endswith((".", "!", "?", "؟")))
            or (menu and not in_table and ("|" not in text or _WEB_MENU_PAGE.search(text)))
            or (
                _WEB_CREDITS.search(text)
                and _WEB_CREDITS_WITH.search(text)
                and len(text.split()) <= _WEB_CREDITS_MAX_WORDS
                and not in_table
            )
        ):
            dropped.add(k)
            # (under a box's title alone, «اقرأ أيضاً:», its bulleted titles, with or without addresses;
            # under a «read also» line, its address)
            if _WEB_BOX_TITLE.match(line.text) is not None and _web_box(lines, k, raw):
                dropped.update(range(k + 1, _web_box_end(lines, k, raw)))
            else:
                j = k + 1
                while (
                    j < len(lines)
                    and _WEB_LINK_LINE.match(lines[j].text)
                    and _BLANK_LINE.search(raw, lines[j - 1].end, lines[j].start) is None
                ):
                    dropped.add(j)
                    j += 1
    # A publisher's contact lines (telephone, fax, P.O. box) and the e-mail and web address set
    # with them: the title page's or the last page's foot, not the author's e-mail or a notice.
    contact = [k for k, line in enumerate(lines) if _CONTACT.match(line.text)]
    for k in contact:
        dropped.add(k)
        for step in (-1, 1):  # the addresses right before and after it, two at most on each side
            j = k + step
            while abs(j - k) <= 2 and 0 <= j < len(lines) and _contact_address(lines[j].text):
                dropped.add(j)
                j += step
    if not dropped:
        return blocks, []
    gone = {id(lines[k]) for k in dropped}
    # A block the furniture stood in (text without blank lines) is cut there: its two parts are
    # the two sides of a page break, read as such (a paragraph joined across it keeps two spans).
    return _cut_out(blocks, lambda line: id(line) in gone)


#: A line of a publisher's contact details: «هاتف: ... - فاكس: ...», «ص.ب 23123», "Tel: ...".
_CONTACT = re.compile(
    r"^\s*(?:"
    + _tolerant("هاتف", "الهاتف", "فاكس", "الفاكس", "تلفون", "ص.ب", "ص. ب", "صندوق بريد")
    + r"|(?i:tel|phone|fax|p\.?\s?o\.?\s?box)\b)\s*[:.]?\s*[+(]?\d"
)


#: A web page's interface, left in the text by a page saved or exported as text, each phrase alone on
#: its line (a colon after it at most; arrows and bullets may stand before it): the links to skip to
#: the content or back to the top.
_WEB_INTERFACE = re.compile(
    r"^[\s↑⬆▲^«»|•◄►]*(?:"
    + _tolerant(
        "تخط إلى المحتوى", "انتقل إلى المحتوى", "تجاوز إلى المحتوى", "العودة إلى الأعلى", "الرجوع إلى الأعلى",
        "العودة للأعلى",
    )
    + r"|(?i:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top))"
    r"[\s:：ًّ↑]*$"
)
#: Words and marks without which no line is a web page's interface (a fast test before the rules).
_WEB_HINT = re.compile(
    r"[|»›>◄►↑⬆▲]|"
    # (spelt as the rules take them: with marks, tatweel, Persian letters or glyph forms inside)
    + _tolerant("المحتوى", "الأعلى", "للأعلى", "صلة", "أيضا", "ايضا", "شارك", "الرئيسية", "تصميم", "تطوير", "برمجة")
    + r"|(?i:skip|back|related|read|share|home|design|develop|power)"
)
#: A share bar: its label, then buttons set apart by bars («شارك المقال:  فيسبوك  |  تويتر  |  واتساب»):
#: two buttons named at least (a table's row may open with the verb «شارك»).
_WEB_SHARE = re.compile(
    r"^\s*(?:"
    + _tolerant("شارك المقال", "شارك هذا المقال", "شارك الخبر")
    + r"|(?i:share\s+this\s+(?:article|post))\s*[:：]?"
    + r"|(?:"
    + _tolerant("شارك")
    + r"|(?i:share))\s*[:：])"
    r"\s*(?:[^|\d]{1,20}\|){2,}[^|\d]{1,20}$"
)
_WEB_BUTTON = re.compile(
    _tolerant("فيسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب", "تلغرام", "تيليجرام", "لينكد إن", "طباعة")
    + r"|(?i:\b(?:facebook|twitter|whatsapp|telegram|linkedin|print|e-?mail)\b)"
)
#: A «read also» link between paragraphs: the label and its colon, then a title of a few words at most,
#: with no figure and no stop at its end (a note citing a source, «اقرأ أيضاً: الجابري، ...، ص 12.», is text).
_WEB_READ_ALSO = re.compile(
    r"^\s*(?:"
    + _tolerant("اقرأ أيضا", "إقرأ أيضا", "اقرأ ايضا")
    + r"|(?i:read\s+also))ً?\s*[:：]\s*(?:[^\d\s]+(?:\s+|$)){0,14}$"
)
#: A site's credits after a bar, on its notice's line: «ISSN 2709-4431 (Online) | تصميم وتطوير: ...»,
#: "© 2021 ... | Powered by ...".
_WEB_CREDITS = re.compile(
    r"\|\s*(?:" + _tolerant("تصميم", "تطوير", "برمجة", "تصميم وتطوير", "تصميم وبرمجة") + r"\s*[:：]"
    r"|(?i:designed\s+by|developed\s+by|powered\s+by))"
)
_WEB_CREDITS_WITH = re.compile(r"©|\bISSN\b|" + _tolerant("جميع الحقوق", "الحقوق محفوظة"), re.IGNORECASE)
#: Most words of a line of credits.
_WEB_CREDITS_MAX_WORDS = 14
#: A site's menu or breadcrumb: its first item the home page, then short items after bars (three or
#: more, no figures, one of them a page a journal's site has) or chevrons set between spaces
#: («الرئيسية | عن المجلة | هيئة التحرير | ...», «الرئيسية » الأعداد » العدد 14 » دراسات»).
_WEB_MENU = re.compile(
    r"^\s*(?:" + _tolerant("الرئيسية", "الصفحة الرئيسية") + r"|(?i:home))\s*"
    r"(?:(?:\|\s*[^|\d\n]{1,30}){3,}|(?:\s[»›>]\s+[^»›>\n]{1,40}){2,})$"
)
_WEB_MENU_PAGE = re.compile(
    _tolerant("عن المجلة", "من نحن", "هيئة التحرير", "اتصل بنا", "الأعداد", "قواعد النشر", "الأرشيف")
    + r"|(?i:\b(?:about|contact|editorial|archive|issues|submissions?)\b)"
)
#: A line of scanner debris only: bars and the Latin letter OCR reads them as (one to three).
_DEBRIS_LINE = re.compile(
    r"^\s*[|¦‖l!]{1,3}\s*$"  # (not «I», «II»: a list's Roman labels)
    # (an OCR'd scan's specks read as marks: «. ' ،», «، .»; not «.» or «'» alone, a sentence's stop
    # that pdftotext set on a line of its own, nor «. . .», an elision)
    r"|^\s*(?!(?:\.[ \t]*){3,}$)(?:[.,'‘’`،؛·][ \t]+){1,3}[.,'‘’`،؛·]\s*$"
)
#: The title of a box of links alone on its line: «اقرأ أيضاً:», «مقالات ذات صلة», "Related articles".
_WEB_BOX_TITLE = re.compile(
    r"^\s*(?:"
    + _tolerant("مقالات ذات صلة", "مواضيع ذات صلة", "أخبار ذات صلة", "اقرأ أيضا", "إقرأ أيضا", "اقرأ ايضا")
    + r"|(?i:related\s+(?:articles|posts|stories)|read\s+also))[\s:：ً]*$"
)
#: A year a study is cited by: «(2015)», «(الجابري، 2015)», «2015م», «1435هـ», «(2015-2018)».
_YEAR_CITED = re.compile(r"(?<!\d)(?:1[3-9]|20|١[٣-٩]|٢٠)\d{2}(?!\d)")  # (\d: Arabic-Indic digits too)


_BRACKETED_YEAR = re.compile(r"\([^()]*?" + _YEAR_CITED.pattern + r"[^()]*\)")


def _web_box(lines: list[_Line], k: int, raw: str) -> bool:
    """Whether the box title ``k`` («اقرأ أيضاً:», «مقالات ذات صلة») heads a web page's box of links: bulleted
    titles or addresses follow it, none citing a study by author and year («دراسة الجابري (2015) ...»:
    a section of related studies), and a title with text under it is a heading."""
    j = _web_box_end(lines, k, raw)
    items = [line.text for line in lines[k + 1 : j]]
    # (a web page's box links its titles, or sets them after arrows with no year; a bulleted list of
    # topics, or of studies cited by a year in brackets, «(2015)», «(الجابري، ٢٠١٥)», is text, links or not)
    texts = [re.sub(r"<?https?://\S+", "", item) for item in items]
    if not items or any(_BRACKETED_YEAR.search(text) for text in texts):
        return False
    if any("://" in item for item in items):
        return True
    return all(item.lstrip()[:1] in "◄►" and not _YEAR_CITED.search(item) for item in items)


def _web_box_end(lines: list[_Line], k: int, raw: str) -> int:
    """Where the bulleted titles and addresses under the box title ``k`` end (the index after them): at
    the first other line, or at a blank line (the article's own list may follow the box)."""
    j = k + 1
    while (
        j < len(lines)
        and (_WEB_BOX_ITEM.match(lines[j].text) or _WEB_LINK_LINE.match(lines[j].text))
        and _BLANK_LINE.search(raw, lines[j - 1].end, lines[j].start) is None
    ):
        j += 1
    return j


#: An item of such a box: a bullet or an arrow, then a title.
_WEB_BOX_ITEM = re.compile(r"^\s*[•◄►▪]\s*\S")
#: A link of a «read also» box: a bullet and a title with its address, or the address alone.
_WEB_LINK_LINE = re.compile(r"^\s*(?:[•◄►▪\-–*]\s*\S.*<https?://[^>]+>|<?https?://\S+>?)\s*$")


def _contact_address(text: str) -> bool:
    """A line that only gives an e-mail or a web address (its label aside)."""
    rest = _URL.sub("", _EMAIL.sub("", text))
    return rest != text and len(rest.split()) <= 3


def _has_date_field(text: str) -> bool:
    """Whether a line holds a labelled date («تاريخ قبول النشر: 2023/3/9»): text, not a running head."""
    return any(p.search(text) for p in _METADATA_DATES.values())


#: A page number set far off at a line's edge, as a running head carries it in pdftotext's layout mode.
_FAR_PAGE_NUMBER = re.compile(
    r"^\s*[0-9\u0660-\u0669\u06F0-\u06F9]{1,4} {4,}\S|\S {4,}[0-9\u0660-\u0669\u06F0-\u06F9]{1,4}\s*$"
)


def _two_parts_far_apart(text: str) -> bool:
    """A line set in two parts far apart (a running head's author and title, in pdftotext's layout
    mode); a table's row has more cells."""
    return len(re.split(r" {8,}", text.strip())) == 2


def _furniture_words(text: str) -> set[str]:
    """The words of a line with letters, as a running head repeats them (glyph forms folded)."""
    return {match_key(w) for w in re.findall(r"[^\W\d_]{2,}", text)}


def _page_number(text: str) -> int | None:
    m = _PAGE_NUMBER.match(text)
    return int(m.group("n").replace(" ", "")) if m else None  # int() reads Arabic-Indic digits too


#: A page number of the front matter: an abjad letter (أ ب ج د هـ ...) or a Roman numeral, dressed
#: as a page number may be (``- ب -``, ``(iv)``).
_LETTER_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|\[\](){}.]*(?:هـ|[أابجدهوزحطيكلمنسعفصقرشتثخذضظغ]|(?i:[ivxlc]{1,6}))[\s\-–—|\[\](){}.]*$"
)
_EDGE_PAGE_NUMBER = re.compile(r"^[\s\-–—|]*(?P<n>[0-9\u0660-\u0669]{1,3})[\s\-–—|]*$")
#: A PDF-to-Markdown converter's page separator (marker's «{2}------»).
_CONVERTER_PAGE_SEPARATOR = re.compile(r"^[ \t]*\{\d{1,4}\}-{8,}[ \t]*$", re.MULTILINE)


def _edge_page_numbers(lines: list[_Line], breaks: set[int], numbered: set[int], raw: str) -> set[int]:
    """The lines among ``breaks`` (a page's first and last lines) that are only a page's number: a number
    that another such number, or a page number found already (``numbered``), fits across the pages
    between them; one next to a converter's page separator; one dressed with dashes or bars on both sides
    («- 7 -»); a bare one on a page's last line under the page's notes (not after «ص», «رقم» or a comma,
    which wait for it). Not one after a line that ends with a colon («... كاملة:» / «250»)."""
    page = [0] * len(lines)
    for k in range(1, len(lines)):
        page[k] = page[k - 1] + (1 if _PAGE_BREAK.search(raw, lines[k - 1].end, lines[k].start) else 0)
    value = {}
    for k in breaks:
        m = _EDGE_PAGE_NUMBER.match(lines[k].text)
        if m is not None and not (k and lines[k - 1].text.rstrip().endswith((":", "："))):
            value[k] = int(m.group("n"))
    known = {k: n for k in numbered if (n := _page_number(lines[k].text)) is not None}
    numbers = value | known
    found = set()
    for k, n in value.items():
        fits = any(j != k and page[j] != page[k] and v - n == page[j] - page[k] for j, v in numbers.items())
        separated = _CONVERTER_PAGE_SEPARATOR.search(
            raw, lines[k - 1].end if k else 0, lines[k + 1].start if k + 1 < len(lines) else len(raw)
        )
        # («- 7 -», «| 7 |»: a page's number; not «3-», an item's)
        dressed = re.match(r"^\s*[-–—|\[]\s*\S+\s*[-–—|\]]\s*$", lines[k].text) is not None
        # (a bare number at a page's foot under the page's notes, «(1) ينظر: ... ص 12» / «7»; not at the
        # next page's top, nor the page a note's «ص» or «رقم» waits for)
        last_of_page = k + 1 == len(lines) or _PAGE_BREAK.search(raw, lines[k].end, lines[k + 1].start) is not None
        under_notes = (
            k > 0
            and last_of_page
            and _FOOTNOTE_LINE.match(lines[k - 1].text) is not None
            and not re.search(r"(?:ص|رقم|[،,])\s*$", lines[k - 1].text)
        )
        if fits or separated is not None or dressed or under_notes:
            found.add(k)
    return found
#: A line that is only a web address (``www.acsds.org``, ``https://example.org/papers``).
_WEB_ADDRESS = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?(?:[\w./-]*)$", re.IGNORECASE)
#: A UN document symbol, one token (E/ESCWA/ECRI/2017/3, A/70/1, S/2015/283).
_DOCUMENT_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Z0-9.\-]+){2,}$")


def _furniture_key(text: str) -> str | None:
    """The form under which a running header's occurrences are the same line (its page number, on
    either side and with its ``|`` or dash, taken off), or None for a line that cannot be one: a
    line of fewer than two words with letters, a sentence, a footnote, a heading or a label."""
    if _DOCUMENT_SYMBOL.match(text.strip()):
        return text.strip()  # a UN document symbol at every page's top (E/ESCWA/ECRI/2017/3)
    if _WEB_ADDRESS.match(text.strip()):
        return text.strip().lower()  # the publisher's site at every page's foot (www.acsds.org)
    cut = text.rstrip(" .…")  # a head cut short with "..." is no sentence
    if len(text.split()) > _HEADER_MAX_WORDS or (_ends_sentence(text) and cut == text.rstrip(" ")):
        return None
    if _FOOTNOTE_LINE.match(text):
        return None
    if _TABLE_CAPTION.match(text) or _FIGURE_CAPTION.match(text):
        return None  # tables and figures of one kind, captioned alike
    key = " ".join(_DIGIT_RUN.sub(" ", text).split()).strip(" |–—-·•/")
    # (a lone word is a table cell, unless a page number stands at the line's edge: «العلي   ٨٩»)
    least = 1 if _PAGE_NUMBER_EDGE.search(text.strip().replace("\u00a0", " ")) else 2
    if sum(1 for word in key.split() if any(ch.isalpha() for ch in word)) < least:
        return None  # table cells, numbers, a lone word
    if _is_label(text) or classify_heading(text) is not None:
        return None
    return " ".join(key.split())


def _is_furniture_free_heading(text: str) -> bool:
    """A named body heading (المقدمة): past it, the front matter is over."""
    info = classify_heading(text)
    return info is not None and info.style == "named" and len(text.split()) <= 4


def _is_label(text: str) -> bool:
    """Whether a line opens an abstract or a keywords list (in either language)."""
    return any(
        _abstract_heading_end(text, lang) is not None or _keywords_label_end(text, lang) is not None
        for lang in _ABSTRACT_LABELS
    )


#: Where a keywords label starts after a finished sentence on the same line («... ذلك. كلمات مفتاحية:
#: ...», "... region. Keywords: ...").
_INLINE_KEYWORDS = re.compile(r"(?<=[.!?؟])\s+(?=(?:ال)?كلمات|(?:ال)?مفردات|(?i:key\s?words|mots[- ]cl[ée]s)\b)")


#: A keywords label with its separator right after it («كلمات مفتاحية:», "Keywords -"): a sentence
#: about keywords («الكلمات المفتاحية في الخطاب ...», "Keywords used in the search") has none.
_INLINE_KEYWORDS_LABEL = re.compile(
    r"(?:ال)?(?:كلمات|مفردات)\s+(?:ال)?(?:مفتاحية|مفاتيح|دالة|رئيسة|رئيسية)\s*[:：\-–]"
    r"|(?i:key\s?words|mots[- ]cl[ée]s)\s*[:：\-–]"
)


def _with_inline_keywords_cut(lines: list[_Line]) -> list[_Line]:
    """The lines of a block, a line cut where a keywords list it runs on to starts («... وما إلى ذلك.
    كلمات مفتاحية: النأي بالنفس، الحياد ...»): the abstract's last line, or the one before lines as
    short as a list's (the list wraps)."""
    out: list[_Line] = []
    for n, line in enumerate(lines):
        cut = None
        if all(len(after.text.split()) <= 10 for after in lines[n + 1 :]):
            cut = next(
                (
                    m
                    for m in _INLINE_KEYWORDS.finditer(line.text)
                    if _INLINE_KEYWORDS_LABEL.match(line.text, m.end())
                    and any(_keywords_label_end(line.text[m.end() :], lang) is not None for lang in ("ar", "en", "fr"))
                ),
                None,
            )
        if cut is None:
            out.append(line)
            continue
        out.append(_Line(line.start, line.start + cut.start(), line.text[: cut.start()]))
        out.append(_Line(line.start + cut.end(), line.end, line.text[cut.end() :]))
    return out


def _label_blocks(blocks: list[_Block]) -> list[_Block]:
    """The blocks with every abstract or keywords label opening a block, and each keywords
    block holding its label line and the lines its list runs on to, and nothing else.

    A list that wraps (its line ends with a separator, ``... الوقائية،``) or that starts on the
    line after its label (``Keywords:`` alone) goes on to the next line, also when a blank line
    or the line-by-line reading put that line in the next block; the lines after the list are a
    block of their own (they were silently dropped with the keywords block).
    """
    split: list[_Block] = []
    listed: set[int] = set()  # lines that go on with a keywords list whatever they end with
    in_abstract = False  # (after an abstract's label, before its keywords or the body's first heading)
    for b, block in enumerate(blocks):
        first = block.lines[0].text
        if any(_abstract_heading_end(first, lang) is not None for lang in ("ar", "en", "fr")):
            in_abstract = True
        elif _opens_keywords(first) or classify_heading(first) is not None:
            in_abstract = False
        # (a keywords line of its own further on: the abstract's words «كلمات مفتاحية: ...» are no list)
        later = [line.text for line in block.lines[1:]]
        if b + 1 < len(blocks):
            later.append(blocks[b + 1].lines[0].text)
        script = _line_script(block.lines[-1].text)
        cut = in_abstract and not any(_opens_keywords(text) and _line_script(text) == script for text in later)
        current: list[_Line] = []
        lines = _with_inline_keywords_cut(block.lines) if cut else block.lines
        if len(lines) > len(block.lines):
            # (the lines after a keywords list cut off an abstract's line are that list's)
            cut_at = next(k for k, (new, old) in enumerate(zip(lines, block.lines, strict=False)) if new is not old)
            label_at = cut_at + 1
            listed.update(id(line) for line in lines[label_at + 1 :])
        for line in lines:
            if current and _is_label(line.text):
                split.append(_Block(current))
                current = []
            current.append(line)
        split.append(_Block(current))
    queue = deque(split)
    out: list[_Block] = []
    while queue:
        block = queue.popleft()
        first = block.lines[0].text
        ends = (_keywords_label_end(first, lang) for lang in ("ar", "en"))
        label_end = next((e for e in ends if e is not None), None)
        if label_end is None:
            out.append(block)
            continue
        taken = [block.lines[0]]
        tail = first[label_end:]
        rest = list(block.lines[1:])
        item = 0  # the number of the last numbered keyword line taken
        while True:
            if not rest and queue and not _is_label(queue[0].lines[0].text):
                rest = list(queue.popleft().lines)
            if rest and _keyword_item(rest[0].text) == item + 1 and (item or not tail.strip()):
                # A numbered keyword list under its label («1- اتفاق باريس», "2. treaty withdrawal"):
                # short items numbered in turn; the next number goes on with it.
                item += 1
                tail = rest[0].text
                taken.append(rest.pop(0))
                continue
            if rest and id(rest[0]) in listed:
                tail = rest[0].text
                taken.append(rest.pop(0))
                continue
            if item or not rest or classify_heading(rest[0].text) is not None or not _list_runs_on(tail, rest[0].text):
                break
            if (
                _line_script(tail[-40:]) == "en"
                and _line_script(rest[0].text) == "ar"
                and not tail.rstrip().endswith((",", "،", ";", "؛"))
            ):
                break  # (English keywords do not run on to «قائمة المختصرات» under them)
            tail = rest[0].text
            taken.append(rest.pop(0))
        out.append(_Block(taken))
        if rest:  # the lines after the list: a block of their own
            queue.appendleft(_Block(rest))
    return out


#: A numbered keyword: its number, and a few words that end no sentence.
_KEYWORD_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*[.\-–)]\s*(?P<item>[^\d\s].*|\d{4}\s*)$")  # (or a year: «2- 2003»)
_KEYWORD_ITEM_MAX_WORDS = 6
#: A bullet that opens a keyword's line (``\uf0fc الدبلوماسية التونسية``).
_KEYWORD_BULLET = re.compile(rf"(?:^|(?<=[\n\r]))[ \t]*[{_BULLETS}][ \t]*")
#: The numbers of a numbered keyword list run in on one line ("1. Paris Agreement 2. treaty ...").
_KEYWORD_NUMBER = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})\s*[.\-–)]\s+(?=[^\d\s]|\d{4}(?!\d))")


def _keyword_item(text: str) -> int | None:
    """The number of a numbered keyword line («1- اتفاق باريس», "2. treaty withdrawal"), or None."""
    m = _KEYWORD_ITEM.match(text)
    if m is None:
        return None
    item = m.group("item")
    if len(item.split()) > _KEYWORD_ITEM_MAX_WORDS or _ends_sentence(item.rstrip(".")):
        return None
    return int(m.group("n"))


#: Longest line, in words, that may carry on a keyword list whose line did not end with a separator.
_KEYWORDS_TAIL_MAX_WORDS = 8


def _list_runs_on(text: str, following: str) -> bool:
    """Whether a keywords line ``text`` goes on to the line ``following``.

    It does when nothing follows its label yet, when it ends with a separator, or when it did not
    end the list (no full stop) and the next line is a short piece of a list (``الأمن – الوساطة.``:
    a keyword wrapped in a list separated by dashes or slashes).
    """
    stripped = text.rstrip(" \t")
    if not stripped or stripped[-1] in "،,؛;-–—/":
        return True
    if stripped.endswith(".") or len(following.split()) > _KEYWORDS_TAIL_MAX_WORDS:
        return False
    listed = _KEYWORD_SEPARATORS.search(following) or _KEYWORD_DASHES.search(following)
    return bool(listed) or len(following.split()) <= 3


def _find_line(blocks: list[_Block], predicate) -> int | None:
    for i, block in enumerate(blocks):
        if predicate(block.lines[0].text):
            return i
    return None


#: A rule line: only underscores, dashes, equals signs, stars or box-drawing lines (``_____``, ``* * *``).
# ـ: a rule typed with tatweel; a stray stop OCR reads at its end («ـــــــ .») does not make it text
_RULE_LINE = re.compile(
    r"^(?:[_\-=*─━═—–~ـ▬]\s*){3,}\.?\s*$|^[\u2500-\u257f\s]{3,}$|^\+[-=]{3,}\+$"
    # (and what a PDF-to-Markdown converter leaves for a picture: «<!-- image -->», «![](_page_3_Picture_1.jpeg)»)
    r"|^<!--[^<>]*-->$|^!\[[^\[\]]*\]\([^()\s]*\)$"
    # (and the page separator marker writes, «{12}------------------------------------------------»)
    r"|^\{\d{1,4}\}-{8,}$"
)
#: Where a page ends: a form feed, or a PDF-to-Markdown converter's page separator line.
_PAGE_BREAK = re.compile(r"\f|^[ \t]*\{\d{1,4}\}-{8,}[ \t]*$", re.MULTILINE)


def _drop_rule_lines(blocks: list[_Block]) -> tuple[list[_Block], list[tuple[int, int]]]:
    """The blocks without their rule lines, and those lines' spans.

    A rule line is layout (the box around an abstract, the line above the footnotes of a page),
    not text: it becomes structure, and the lines on either side of it are separate blocks.
    """
    return _cut_out(blocks, lambda line: _RULE_LINE.match(line.text) is not None)


def _label_key(text: str) -> str:
    """A heading or label line as the named-line sets below hold it: match key, no spaces, no
    colon, lower case («فهرس المحتويات:» and «فهرس  المحتويات» alike; "Contents" as "contents")."""
    return match_key(text).replace(" ", "").strip(":：").lower()


#: A contents entry: its title, a dotted leader, its page (a number, a Roman numeral or the abjad
#: letter of a front-matter page), or the page first where the extraction put it there.
_LEADER = r"(?:[.…·]\s?){4,}"
_CONTENTS_PAGE = r"(?:[0-9]{1,4}|[٠-٩]{1,4}|[ivxlcIVXLC]{1,6}|[\u0621-\u064a])"
_CONTENTS_ENTRY = re.compile(
    rf"^(?:\S.*?\s*{_LEADER}\s*{_CONTENTS_PAGE}|{_CONTENTS_PAGE}\s*{_LEADER}\s*\S.*?)$"
)
#: Headings of a table of contents, a list of tables or figures (match-key forms, spaces removed).
_CONTENTS_HEADINGS = frozenset(
    _label_key(w)
    for w in (
        "فهرس المحتويات", "المحتويات", "قائمة المحتويات", "فهرس الموضوعات", "الفهرس", "فهرس",
        "قائمة الجداول", "فهرس الجداول", "قائمة الأشكال", "فهرس الأشكال", "contents", "table of contents",
        "list of tables", "list of figures",
    )
)
#: Fewest entries that make a table of contents (one dotted line may be a form to fill in).
_CONTENTS_MIN_ENTRIES = 3


def _drop_contents_lines(blocks: list[_Block]) -> tuple[list[_Block], list[tuple[int, int]]]:
    """The blocks without the lines of a table of contents with dotted leaders, and their spans.

    Entries are lines ``title ........ 12`` (the page a number, a Roman numeral or an abjad letter
    أ ب ج); at least three of them a line or two apart make the table, with an entry's title
    wrapped onto the line before its leader, and the table's heading (فهرس المحتويات, Contents)
    right above it. They are furniture: read as text, «ملخص ...... ج» would open the abstract.
    """
    lines = [line for block in blocks for line in block.lines]
    entries = [k for k, line in enumerate(lines) if _CONTENTS_ENTRY.match(line.text)]
    taken: set[int] = set()
    run: list[int] = []
    for k in [*entries, None]:
        if k is not None and (not run or k - run[-1] <= 2):
            run.append(k)
            continue
        if len(run) >= _CONTENTS_MIN_ENTRIES:
            taken.update(range(run[0], run[-1] + 1))
            head = run[0] - 1
            if head >= 0 and _label_key(lines[head].text) in _CONTENTS_HEADINGS:
                taken.add(head)
        run = [k] if k is not None else []
    if not taken:
        return blocks, []
    gone = {id(lines[k]) for k in taken}
    return _cut_out(blocks, lambda line: id(line) in gone)


#: Headings of the publisher's description at a paper's end (match-key forms, spaces removed).
_BLURB_HEADINGS = frozenset(
    _label_key(w)
    for w in (
        "عن المركز", "نبذة عن المركز", "حول المركز", "عن المعهد", "نبذة عن المعهد", "عن المؤسسة",
        "about the centre", "about the center", "about the institute", "about us",
    )
)
#: The blurb stands in this last share of the text.
_BLURB_TAIL_SHARE = 0.3


def _drop_publisher_blurb(blocks: list[_Block], raw: str) -> tuple[list[_Block], list[tuple[int, int]]]:
    """The blocks without a publisher's «عن المركز» / "About the Centre" paragraph at the text's
    end (its heading, the rest of its block, and the block under a heading alone in its own)."""
    lines = [line for block in blocks for line in block.lines]
    block_of = [bi for bi, block in enumerate(blocks) for _ in block.lines]
    for k, line in enumerate(lines):
        if line.start < (1 - _BLURB_TAIL_SHARE) * len(raw) or len(line.text.split()) > 4:
            continue
        if _label_key(line.text) not in _BLURB_HEADINGS:
            continue
        taken = {k} | {j for j in range(k + 1, len(lines)) if block_of[j] == block_of[k]}
        if len(taken) == 1 and block_of[k] + 1 < len(blocks):
            taken |= {j for j in range(k + 1, len(lines)) if block_of[j] == block_of[k] + 1}
        gone = {id(lines[j]) for j in taken}
        return _cut_out(blocks, lambda ln: id(ln) in gone)
    return blocks, []


#: The heading of the ASJP article-info box (match-key forms, spaces removed), alone on its line
#: above the box's dates: a label with no content of its own.
_BOX_LABELS = frozenset(
    _label_key(w) for w in ("معلومات المقال", "معلومات البحث", "article info", "article information")
)


def _drop_box_labels(blocks: list[_Block]) -> tuple[list[_Block], list[tuple[int, int]]]:
    """The blocks without the «معلومات المقال» / "Article info" lines of an ASJP box.

    Only above the last abstract or keywords label: the box is front matter, and a body heading
    «معلومات البحث» is the body's.
    """
    last = max((k for k, b in enumerate(blocks) if _opens_abstract_or_keywords(b.lines[0].text)), default=-1)
    head, spans = _cut_out(blocks[: last + 1], _is_box_label)
    return head + blocks[last + 1 :], spans


def _is_box_label(line: _Line) -> bool:
    return len(line.text.split()) <= 3 and _label_key(line.text) in _BOX_LABELS


def _cut_out(blocks: list[_Block], taken: Callable[[_Line], bool]) -> tuple[list[_Block], list[tuple[int, int]]]:
    """The blocks without the lines ``taken`` says to take out, each block cut where one stood,
    and the spans of the lines taken out (in text order)."""
    out: list[_Block] = []
    spans: list[tuple[int, int]] = []
    for block in blocks:
        kept: list[_Line] = []
        for line in block.lines:
            if taken(line):
                spans.append((line.start, line.end))
                if kept:
                    out.append(_Block(kept))
                kept = []
            else:
                kept.append(line)
        if kept:
            out.append(_Block(kept))
    return out, spans


#: The Arabic abstract labels that may stand alone on a short line (compared by ``_label_key``, see
#: :func:`_abstract_heading_end`): not «خلاصة» (a conclusion's heading too) nor the longer forms.
_AR_ABSTRACT_KEYS = frozenset(
    _label_key(w)
    for w in _AR_ABSTRACT_LABELS
    if w not in ("خلاصة", "ملخص بالعربية", "ملخص باللغة العربية", "موجز تنفيذي", "ملخص تنفيذي")
)


#: A label printed letter-spaced (``A B S T R A C T``, ``K E Y W O R D S:``): four or more single
#: letters, each followed by one space, then a last letter that ends the word.
_LETTER_SPACED = re.compile(r"^(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_])")


def _unspaced_label_end(text: str, lang: str, label_end: Callable[[str, str], int | None]) -> int | None:
    """``label_end`` for a line that opens with a letter-spaced word, read with the spaces between
    its letters removed; the end is given in the line as printed. None when the line does not open
    with such a word, or the word is not (all of) the label."""
    m = _LETTER_SPACED.match(text)
    if m is None:
        return None
    word = m.group().replace(" ", "")
    end = label_end(word + text[m.end() :], lang)
    if end is None or end < len(word):
        return None
    return end + m.end() - len(word)


def _abstract_heading_end(text: str, lang: str) -> int | None:
    """Where the abstract heading that opens this line ends, or None when the line opens no abstract.

    The label stands alone on its line, or text follows it after a colon, a dash or a full
    stop (``Abstract—This study ...``, ``الملخص – تتناول ...``); a two-word Arabic label
    (``ملخص البحث``, ``ملخص الدراسة``) and an English label in capitals (``ABSTRACT This ...``)
    may be followed by the text directly. An Arabic heading split by OCR (المل خص) is recognised
    when it stands alone on its line.
    """
    boxed = _boxed_label_end(text, lang, _abstract_heading_end)
    if boxed is not None:
        return boxed
    m = _ABSTRACT_LABELS[lang].match(text)
    if m is not None:
        rest = text[m.end() :]
        if not rest or m.group("sep"):
            return m.end()
        label = m.group("label")
        if lang != "ar" and label.isupper() and len(label) > 1:
            return m.end()
        if (
            lang == "ar"
            and match_key(label).replace(" ", "") in _AR_ABSTRACT_RUN_IN
            and len(rest.split()) >= _RUN_IN_MIN_WORDS
        ):
            return m.end()
    if lang == "ar" and len(text.split()) <= 3 and _label_key(text) in _AR_ABSTRACT_KEYS:
        return len(text)
    if m is None:
        return _unspaced_label_end(text, lang, _abstract_heading_end)
    return None


#: Boxes, squares and bullets a layout sets around a label («□ ملخّص □», "■ ABSTRACT").
_LABEL_BOX = "□■▪▫◆◇●○◼◻◾◽►▶❖✦"
_BOXED_LABEL = re.compile(rf"^[{_LABEL_BOX}][\s{_LABEL_BOX}]*")


def _boxed_label_end(text: str, lang: str, label_end: Callable[[str, str], int | None]) -> int | None:
    """Where a label set in a box or after a square ends (its closing box too), or None."""
    m = _BOXED_LABEL.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    label = rest.rstrip(" \t" + _LABEL_BOX)
    if label != rest.rstrip() and label_end(label, lang) == len(label):
        return len(text)  # the label alone in its box: «□ ملخّص □»
    inner = label_end(rest, lang)
    # (after an open square or a bullet, only a label with its colon: «● ملخص تنفيذي» is a list's item)
    if inner is None or not re.search(r"[:：]", rest[:inner]):
        return None
    return m.end() + inner


#: Most words of one keyword in a list found by its label alone (a phrase is longer).
_KEYWORD_MAX_WORDS = 6


def _reads_as_keywords(block: _Block, lang: str) -> bool:
    """Whether a block under a keywords label holds a list of keywords: two or more short items set
    apart by commas, semicolons or dashes, with no sentence inside them («الكلمات الرئيسية: المفهوم
    والدلالة» is a heading, «كلمات مفتاحية: هذا هو المصطلح ...» a sentence)."""
    first = block.lines[0].text
    text = " ".join([first[_keywords_label_end(first, lang) or 0 :]] + [line.text for line in block.lines[1:]])
    separators = _KEYWORD_SEPARATORS if _KEYWORD_SEPARATORS.search(text) else _KEYWORD_DASHES
    items = [item.strip(_KEYWORD_TRIM) for item in separators.split(text)]
    items = [item for item in items if item]
    return len(items) >= 2 and all(
        len(item.split()) <= _KEYWORD_MAX_WORDS and not re.search(r"[.!?؟]\s", item) for item in items
    )


def _labelled_list(text: str, lang: str) -> bool:
    """Whether a keywords label opens the line with its colon or dash after it, or alone on its line."""
    m = _KEYWORDS_LABELS[lang].match(text)
    return m is not None and (bool(m.group("sep")) or not text[m.end() :].strip())


def _keywords_label_end(text: str, lang: str) -> int | None:
    """Where the keywords label that opens this line ends, or None when the line has none.

    The label is followed by a colon or a dash, stands alone on its line (the keywords on the
    next), or is followed directly by a list (a comma in the rest of the line).
    """
    boxed = _boxed_label_end(text, lang, _keywords_label_end)
    if boxed is not None:
        return boxed
    m = _KEYWORDS_LABELS[lang].match(text)
    if m is None:
        return _unspaced_label_end(text, lang, _keywords_label_end)
    rest = text[m.end() :]
    if not rest or m.group("sep") or _KEYWORD_SEPARATORS.search(rest):
        return m.end()
    return None


# -- front matter -----------------------------------------------------------


def _span(raw: str, start: int, end: int) -> TextSpan:
    return TextSpan(raw[start:end], start, end)


#: Longest first line, in words, that a text without an abstract (a news story) may have as its title.
_TITLE_MAX_WORDS = 15
#: Longest front-matter line, in words, that may be (a line of) a title: an English title of
#: 17 words is common. A longer line, or one of more than _TITLE_MAX_WORDS that reads as a
#: sentence, is prose (the archive's notice, a note).
_FRONT_TITLE_MAX_WORDS = 25
#: Longest title, in words, when it is wrapped over several lines.
_TITLE_GROUP_MAX_WORDS = 40
#: Longest journal name, in words, on a line of its own above the title.
_JOURNAL_MAX_WORDS = 8
#: Longest author line, in words (several names with their marks).
_AUTHOR_MAX_WORDS = 16
#: Longest affiliation line, in words (department, faculty, university, country, e-mail).
_AFFILIATION_MAX_WORDS = 30


def _looks_like_title(line: _Line, raw: str) -> bool:
    """A short first line that does not end a sentence and is set off by a blank line."""
    text = line.text
    if not 0 < len(text.split()) <= _TITLE_MAX_WORDS or _ends_sentence(text):
        return False
    return _BLANK_LINE.match(raw, line.end) is not None or raw[line.end :].strip() == ""


# What tells the lines of a journal's front matter apart. A title is what is left: a short line
# that is no author, affiliation, journal line, date or other field, and does not read as a sentence.
#: Academic titles before a name: د. أ.د. أ.م.د. م.م. م.د. (letters with dots), ذ. (Moroccan: أستاذ),
#: الدكتور, الأستاذ الدكتور; an Egyptian byline sets them off with a slash: «د/ ...», «أ.د/ ...»,
#: «دكتور / ...».
_HONORIFIC_AR = re.compile(
    rf"^(?:[أاإدمذ]{_INSIDE_WORD}\s?[./]\s?){{1,4}}(?=\s*[^\W\d_])"
    r"|^(?:ال)?(?:دكتور|دكتوره|دكتورة|بروفيسور|بروفسور)(?:\s|/)"
    r"|^ال[أا]ستاذ[ةه]?\s+(?:ال)?دكتور"
)
#: The slash an Egyptian byline sets after the academic title: «دكتور / أحمد ...» reads «دكتور أحمد ...».
_HONORIFIC_SLASH = re.compile(r"^(?P<title>[^\W\d_][^/\s]{0,10}(?:\s?[^/\s]{1,3}){0,3})\s*/\s*(?=[^\W\d_])")
#: (with the Iraqi ranks «Asst. Lect.» and «Lect. Dr.», the English of م.م. and م.د.)
_HONORIFIC_EN = re.compile(
    r"^(?:(?:Assoc(?:iate)?|Assist(?:ant)?|Asst)\.?\s+)?(?:Dr|Prof|Professor|Lect|Lecturer|Mr|Mrs|Ms|Mme)\.?\s+[A-Z]"
    r"|,\s*(?:Ph\.?\s?D|PhD|M\.?\s?A|M\.?\s?Sc)\.?\s*$"
)
#: A mark after a name that points to its affiliation note: ¹ ² * †.
_NAME_MARK = re.compile(rf"(?<=[^\W\d_])(?:[{_SUPERSCRIPT_DIGITS}*†]|\d{{1,2}}(?=[،,*†\s]|$))")  # دويكات1،*
#: A line that opens with such a mark is the note it points to (an affiliation, a position).
#: An affiliation mark set off from the name by a space, before a comma or the line's end («عيسى 1*،», «رحماني 2»).
_SPACED_NAME_MARK = re.compile(r"(?<=[^\W\d_]) (?:\d{1,2}\*?|\*)(?=\s*[،,]|\s*$)")
_NOTE_MARK = re.compile(rf"^[{_SUPERSCRIPT_DIGITS}*†]")
_BRACKETED_NAME_STAR = re.compile(r"(?<=[^\W\d_])\s?\(\s*(?P<star>[*†]{1,3})\s*\)")
_SEGMENT_SEPARATORS = re.compile(r"[،,؛;/|()–—]|\s-\s")
_AFFILIATION_WORDS_AR = frozenset(
    match_key(w)
    for w in (
        "جامعة الجامعة كلية الكلية قسم معهد المعهد مركز المركز أكاديمية الأكاديمية وزارة مدرسة المدرسة "
        "مخبر مختبر أستاذ أستاذة استاذ استاذة مدرس مدرسة باحث باحثة طالب طالبة محاضر"
    ).split()
)
_AFFILIATION_WORDS_EN = frozenset(
    "university université universite universidad college faculty department dept institute school centre center "
    "academy ministry laboratory professor lecturer researcher".split()
)
#: Words that make a line read as a phrase about something (a title), not as the name of a place.
# (not folded by match_key, which makes «على» the name «علي»)
_TITLE_WORDS_AR = frozenset("في على إلى الى الي عن بين نحو حول من".split())
_TITLE_WORDS_EN = frozenset(
    "in on from to between towards toward as with after before during through under against within".split()
)
#: First words of a state's name («الجمهورية التونسية», «المملكة المغربية»), as a cover names it.
_STATE_WORDS = frozenset(
    match_key(w) for w in ("الجمهورية", "جمهورية", "المملكة", "مملكة", "سلطنة", "دولة", "إمارة", "الإمارات")
)
#: "The Arab League" names no university.
_ARAB_LEAGUE = re.compile(r"جامع[ةه]\s+الدول\s+العربي[ةه]|Arab\s+League|League\s+of\s+Arab\s+States", re.IGNORECASE)
#: A word that names a journal inside its name ("... University Journal for ...").
_JOURNAL_WORD = re.compile(r"\b(?:Journal|Review|Quarterly|Revue)\b")
_JOURNAL_START = re.compile(r"^(?:ال)?مجل[ةه](?!\w)|^(?:the\s+)?(?:journal|revue)\b", re.IGNORECASE)
#: The name of a conference or of its proceedings (in match-key form for the Arabic: ه for ة, ي for ى),
#: with what makes it an event's name (الدولي، العلمي ...; "International ... Conference"): «مؤتمر برلين
#: 1884 ...» is a title.
_CONFERENCE_START = re.compile(
    r"^(?:وقائع\s+|اعمال\s+)?(?:ال)?(?:مؤتمر|ملتقي|ندوه|منتدي)\s+(?:ال)?(?:دولي|علمي|سنوي|وطني|اقليمي|عربي"
    r"|اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي|ثاني عشر|اولي)ه?(?!\w)"
    r"|^(?:the\s+)?(?:\w+\s+){0,2}(?:international|annual|scientific|national|regional)\s+"
    r"(?:\w+\s+){0,3}(?:conference|symposium|forum)\b|^proceedings\s+of\b",
    re.IGNORECASE,
)
#: A volume's or issue's number on a line: a journal's issue line, not a conference's name.
_ISSUE_WORDS = re.compile(r"\b(?:vol|no)\b\.?|(?<!\w)(?:المجلد|العدد)(?!\w)", re.IGNORECASE)
#: A line that describes a journal rather than names it: «مجلة علمية دولية محكمة», "A peer-reviewed journal".
_JOURNAL_DESCRIPTION = re.compile(
    "^"
    + _tolerant("مجلة")
    + r"\s+(?:"
    + _tolerant("علمية", "دولية", "محكمة", "فصلية", "أكاديمية", "سنوية", "دورية", "نصف")
    + r")(?!\w)|^an?\s+(?:international\s+)?(?:peer[- ]reviewed|refereed|scientific|academic)\s+journal\b",
    re.IGNORECASE,
)
_ISSUE = re.compile(
    r"(?:المجلد|العدد|السن[ةه]|(?<![A-Za-z])(?:vol(?:ume)?|issue|no)\.?)\s*[:：]?\s*\(?\s*\d"
    # (a French journal's «N° 37 – Printemps 2022», «Cahiers de Droit N° 8», «N° 1-2»; not «la loi
    # n° 18-05», «décret n° 18-07», «Laboratoire n° 12», «Dépôt légal N° 2006-1234»)
    + r"|(?<![A-Za-z])(?<!loi )(?<!décret )(?<!arrêté )(?<!ordonnance )(?<!laboratoire )(?<!légal )"
    r"(?<!article )(?<!exécutif )(?<!ministériel )(?<!organique )(?<!b\.p\. )(?<!bp )"
    r"(?:n°|numéro)\s*\d+(?!\d|-\d{2})"
    # (or a number spelled as an ordinal, on the match key: «المجلد التاسع – العدد الثاني»)
    + r"|(?:المجلد|العدد)\s+(?:"
    + "|".join(ORDINAL_ADJECTIVES + FEMININE_ORDINAL_ADJECTIVES)
    + r")(?!\S)",
    re.IGNORECASE,
)
_ISSN = re.compile(
    r"(?:\b(?:[EP]-?|Online\s+|Print\s+)?ISSN"
    # (the Persian and Arabic names of the number: «شاپای چاپی» printed, «شاپای الکترونیکی» online; «ردمد»)
    r"|(?<!\w)(?:شاپا|ردمد)ی?(?:\s+(?:چاپی|الکترونیکی|الكتروني|إلكتروني|الإلكتروني|الالكتروني|ورقي|الورقي))?)"
    r"\s*(?:\(\s*(?:print|online|electronic|[ep])\s*\)\s*)?[:：]?\s*"
    r"(?P<value>\d{4}\s?-?\s?\d{3}[\dXx])",
    re.IGNORECASE,
)
#: The gap between two columns of one line of PDF text ("ISSN 2566-8056      Journal of ...").
_TWO_COLUMNS = re.compile(r"\s{4,}")
#: The medium written after an ISSN's number, "(Print)", "(Online)", «(ورقي)», and a separator after it.
_ISSN_MEDIUM = re.compile(
    r"\s*\(\s*(?:print|online|electronic|[ep]|ورقي|إلكتروني|الكتروني)\s*\)\s*[|/،,]?", re.IGNORECASE
)
_DOI = re.compile(r"(?:\bdoi\s*[:：]\s*|https?://(?:dx\.)?doi\.org/)(?P<value>10\.\d{4,9}/\S+)", re.IGNORECASE)
_ORCID = re.compile(
    r"(?:https?://)?orcid\.org/(?P<id>\d{4}-\d{4}-\d{4}-\d{3}[\dX])"
    r"|\bORCID(?:\s*iD)?\s*[:：]?\s*(?P<bare>\d{4}-\d{4}-\d{4}-\d{3}[\dX])",
    re.IGNORECASE,
)
#: «إعداد: د. فلان» — the byline label with the name on its line.
_BYLINE_LABELS = (
    "إعداد",
    "إعداد الباحث",
    "إعداد الباحثة",
    "إعداد الطالب",
    "إعداد الطالبة",
    "من إعداد",
    "الباحث",
    "الباحثة",
    "الباحثان",
    "بقلم",
    "تأليف",
)
#: A thesis supervisor's label, with the name after it or alone on its line (the name on the next).
_SUPERVISOR = re.compile(
    rf"^(?:{_tolerant('تحت إشراف', 'بإشراف', 'إشراف', 'المشرف', 'الأستاذ المشرف', 'المشرفة')}"
    r"|(?i:supervis(?:or|ed\s+by)))"
    rf"(?:\s+(?:{_tolerant('الأستاذ', 'الأستاذة', 'الدكتور', 'الدكتورة', 'الأستاذ الدكتور')}|د\.|أ\.\s?د\.))*"
    r"\s*(?:[:：]\s*(?P<value>\S.*)|[:：]?)$"
)
_PREPARED_BY_INLINE = re.compile(rf"^{_tolerant(*_BYLINE_LABELS)}\s*[:：]\s*(?P<value>\S.*)$")


#: The slash between a title and its English rendering on one line.
_TITLE_SLASH = re.compile(r"\s+/\s+")


def _slash_title(raw: str, start: int, end: int) -> tuple[TextSpan, TextSpan] | None:
    """An Arabic title and its English rendering set on one line after a slash («... / English
    Title»): the two titles' spans, or None. The English part has no Arabic letter, 3+ words and
    at least 0.4 times as many words as the Arabic words on the slash's line."""
    m = None
    for m in _TITLE_SLASH.finditer(raw, start, end):
        pass  # (the last slash: «السياسة / الاقتصاد في ... / Politics ...»)
    if m is None:
        return None
    english = raw[m.end() : end]
    english_words = len(re.findall(r"[A-Za-z]{2,}", english))
    if _ARABIC.search(english) or english_words < 3 or not english[:1].isalpha():
        return None  # (not «... 2014 / 2020 Egypt Africa Policy»: a range of years)
    line_start = max(raw.rfind("\n", start, m.start()), raw.rfind("\r", start, m.start()), start - 1) + 1
    arabic_words = len(re.findall(r"[\u0621-\u064a]{2,}", raw[line_start : m.start()]))
    # (a rendering is not much shorter than the title on its line; a gloss or a book's title after a
    # slash is: «... منهج التحليل النقدي للخطاب / Critical Discourse Analysis», 3 words against 15)
    if not arabic_words or english_words < 0.4 * arabic_words:
        return None
    return _span(raw, start, m.start()), _span(raw, m.end(), end)


def _segments(text: str) -> list[list[str]]:
    """The words of each comma, slash or dash separated part of a line, marks and numbers dropped."""
    out = []
    for part in _SEGMENT_SEPARATORS.split(text):
        words = [w.strip(f".:：*†{_SUPERSCRIPT_DIGITS}0123456789") for w in part.split()]
        words = [w for w in words if w]
        if words:
            out.append(words)
    return out


def _has_title_words(text: str) -> bool:
    """Whether a text has a preposition: it reads as a phrase about something, not as a name."""
    words = re.sub("[\u064b-\u0652\u0640]", "", fold_glyphs(text)).split()
    return any(w.strip(".,،:") in _TITLE_WORDS_AR or w.lower() in _TITLE_WORDS_EN for w in words)


def _is_affiliation(text: str) -> bool:
    """A line naming a university, faculty, department or institute (with a country, an e-mail).

    The affiliation word opens one of the line's comma or slash separated parts («كلية العلوم
    السياسية / جامعة بغداد», "Department of Political Science, University of Mosul, Iraq"); a
    line of one part must not read as a phrase about something («المركز القانوني للاجئين في ...»
    is a title).
    """
    original, text = text, match_key(text)  # (glyph codes, vowel marks and hamza spellings folded)
    words = text.split()
    if not words or len(words) > _AFFILIATION_MAX_WORDS:
        return False
    text = _ARAB_LEAGUE.sub("", text)
    segments = _segments(text)
    hits = 0
    for seg in segments:
        if match_key(seg[0]) in _AFFILIATION_WORDS_AR or match_key(seg[0]).removeprefix("و") in _AFFILIATION_WORDS_AR:
            hits += 1
        elif len(seg) <= 8 and any(w.lower() in _AFFILIATION_WORDS_EN for w in seg):
            hits += 1
    if hits == 0:
        return False
    marked = bool(_NOTE_MARK.match(text)) or bool(_EMAIL.search(text))
    return hits >= 2 or marked or len(segments) >= 2 or not _has_title_words(original)


def _is_author(text: str) -> bool:
    """A byline: a name after an academic title (د. أ.م.د. Dr. Prof.), or names marked ¹ ² * for their affiliations."""
    columns = _BYLINE_COLUMNS.split(text.strip())
    if len(columns) > 1 and all(_is_author(column) for column in columns):
        return True  # names set apart in columns: «Asst. Prof. Dr. Haider ...        Asst. Lect. Zainab ...»
    if _IEEE_GRADE.search(text) and not _ends_sentence(text) and len(text.split()) <= 2 * _AUTHOR_MAX_WORDS:
        return True  # «ريم خالد الغامدي، ياسر محمود الحربي، عضو، IEEE، وعبدالرحمن ...»: an IEEE journal's byline
    if len(_SPACED_NAME_MARK.findall(text)) >= 2:
        # The ASJP byline «سليمة بن عيسى 1*، كمال رحماني 2»: each name's mark set off by a space
        # (two of them at least: one number after a word is no mark, «المجلد 10»).
        text = _SPACED_NAME_MARK.sub("*", text)
    slash = _HONORIFIC_SLASH.match(text)
    if slash and _HONORIFIC_AR.match(match_key(slash.group("title") + "/ ")):
        text = slash.group("title") + " " + text[slash.end() :]
    original, text = text, match_key(text)
    words = text.split()
    bare = _NAME_MARK.sub("", text).rstrip(f" {_SUPERSCRIPT_DIGITS}")
    if not words or len(words) > _AUTHOR_MAX_WORDS or bare.endswith((":", "：", "!", "?", "؟")):
        return False
    if not (_HONORIFIC_AR.match(text) or _HONORIFIC_EN.search(text) or _NAME_MARK.search(text)):
        return False
    # Names are short and carry no prepositions: a title with a footnote star, or a news headline
    # that quotes «د. فلان: ...», reads as a phrase.
    # (a dash between two names too; a bar sets names in cells, «د. فهد العجمي | د. نورة المطيري»,
    # when each cell is a name with its title or mark, not a title's second part)
    cells = [c.strip() for c in original.split("|")]
    barred = len(cells) > 1 and all(
        _HONORIFIC_AR.match(match_key(c)) or _HONORIFIC_EN.search(c) or _NAME_MARK.search(c) for c in cells
    )
    names = re.split(r"[،,;؛&|]|\s(?:and|و|[–—-])\s" if barred else r"[،,;؛&]|\s(?:and|و|[–—-])\s", original)
    # (the marks between names leave empty parts: «Dwaikat1,*, & Muna»)
    names = [n for n in names if n.strip(f" *†{_SUPERSCRIPT_DIGITS}0123456789")]
    return ":" not in text and all(len(n.split()) <= 6 and not _has_title_words(n) for n in names)


#: The end of a line that its next line goes on: a preposition, a conjunction, a comma (an affiliation's
#: «..., University of» / «Tripoli, Libya», a reference's «... Investment and» / «Funding»).
_GOES_ON_END = re.compile(
    r"(?:(?<![^\W\d_])(?:of|and|for|the|in|at|de|des|du|et|la|le)|[,،]|(?<![^\W\d_])(?:في|و|ب|ل))[ \t]*$",
    re.IGNORECASE,
)
#: An author's IEEE membership grade in a byline: «عضو، IEEE», «زميل IEEE», "Member, IEEE", "Senior Member, IEEE".
_IEEE_GRADE = re.compile(r"(?:عضو|زميل|عضو أول|(?i:member|fellow|senior member|student member))[،,]?\s+IEEE\b")
#: Names of a byline set apart in columns by a run of spaces.
_BYLINE_COLUMNS = re.compile(r"[ \t]{4,}")
#: A personal name in Latin script: two to five capitalised words («Abdel», «Al-Kaabi», «bin»).
_LATIN_NAME = re.compile(r"^(?:(?:[A-Z][\w'’.-]*|bin|ibn|bint|al|el|de|van|von)\s+){1,4}[A-Z][\w'’.-]*$")


def _latin_names(text: str) -> int:
    """How many personal names a Latin-script byline lists («A B and C D», «A B, C D & E F»), or 0."""
    text = _NAME_MARK.sub("", text).strip(f" {_SUPERSCRIPT_DIGITS}")
    parts = [part.strip(" *†") for part in re.split(r"[,;&]|\sand\s", text)]
    parts = [part for part in parts if part]
    if not parts or any(not _LATIN_NAME.match(part) for part in parts) or _has_title_words(text):
        return 0
    return len(parts)


def _names_a_person(text: str) -> bool:
    """Whether a byline field's value names people: a name with an academic title or a note mark
    («د. سامر الخطيب(***)»), or Latin-script personal names."""
    bare = re.sub(r"\(\s*[*†]+\s*\)", "*", text).strip()
    return _is_author(bare) or _latin_names(bare) > 0


def _is_name_like(text: str) -> bool:
    """A short line that could be a bare name: 2 to 5 words, no prepositions, no colon (a
    subtitle's «النزاعات الإقليمية: مقاربة تحليلية»), no article-word run."""
    words = text.split()
    return (
        2 <= len(words) <= 5
        and not _has_title_words(text)
        and not _ends_sentence(text)
        and not re.search(r"[:：]", text)
    )


#: A page number at the start or end of a running header line.
_PAGE_NUMBER_EDGE = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")


def _header_key(text: str) -> str:
    """A line without its digits and spaces: a running header repeats with another page number."""
    return re.sub(r"[\d\s\u0660-\u0669]+", "", text)


@dataclass
class _FrontLine:
    """A front-matter line and what it was found to be."""

    line: _Line
    later: bool  # between the two abstracts (the second language's front matter)
    block: int  # index of its block
    role: str = ""  # field, journal, label, author, affiliation, notice, note, or "" (may be a title)
    script: str = "ar"
    repeats: bool = False  # the line recurs later in the text (a running header)
    paged: bool = False  # ... with another page number at its start or end each time


def _read_front_matter(
    article: Article, blocks: list[_Block], state: _State, later: list[_Block] | None = None
) -> None:
    """Read the front matter: journal, fields, titles, bylines, affiliations, dates, notes.

    ``blocks`` come before the first abstract; ``later`` are blocks between the abstracts that
    hold the second language's front matter (an English-first article gives its Arabic title,
    author and dates after the English keywords).
    """
    raw = article.raw
    items = [_FrontLine(ln, False, bi) for bi, b in enumerate(blocks) for ln in b.lines]
    items += [_FrontLine(ln, True, len(blocks) + bi) for bi, b in enumerate(later or ()) for ln in b.lines]
    if not items:
        return
    counts: dict[str, int] = {}
    numbers: dict[str, set[str]] = {}  # the page numbers each recurring line was seen with
    for m in _LINE.finditer(raw):
        text = m.group(1).strip()
        key = _header_key(text)
        if len(key) >= 6:
            counts[key] = counts.get(key, 0) + 1
            edge = _PAGE_NUMBER_EDGE.search(text)
            if edge:
                numbers.setdefault(key, set()).add(edge.group().strip())
    for fl in items:
        # (an e-mail address in an Arabic affiliation line does not make it English)
        fl.script = _script(_URL.sub("", _EMAIL.sub("", fl.line.text)))
        key = _header_key(fl.line.text)
        fl.repeats = counts.get(key, 0) >= 2
        fl.paged = fl.repeats and len(numbers.get(key, ())) >= 2
    _classify_front_lines(article, items, state)
    _pick_titles(article, items, state)


def _classify_front_lines(article: Article, items: list[_FrontLine], state: _State) -> None:
    """Give each front-matter line its role and read the fields it holds into the metadata."""
    raw = article.raw
    meta = article.metadata

    def put(key: str, start: int, end: int) -> None:
        if key not in meta:
            meta[key] = _span(raw, start, end)

    notice: list[tuple[int, int]] = []
    previous: _FrontLine | None = None
    supervisor_next = False  # the line after a bare «إشراف ...:» label is the supervisor's name
    citation: str | None = None  # the key of the citation being read (it runs on in its block)
    in_date_table = _read_date_table(items, raw, meta, state)
    for n, fl in enumerate(items):
        if n in in_date_table:
            fl.role = "field"
            continue
        line, text = fl.line, fl.line.text
        words = len(text.split())
        key = match_key(text)
        prior, previous = previous, fl
        if (
            n
            and _PAGE_NUMBER.match(text)
            and not _adjacent(raw, items[n - 1].line, line)
            # (a title's line that goes on, «... 1945 –», then the year after a blank line)
            and not items[n - 1].line.text.rstrip().endswith(("-", "–", "—"))
        ):
            # A page's number between two parts of the front matter (an English page, then the
            # Arabic one): page furniture, no line of the title under it.
            fl.role = "field"
            state.structure.append((line.start, line.end))
            citation = None  # (a page ends the way to cite the article read above it)
            continue
        # «للاقتباس: ...» / "Cite this article as: ...": the way to cite the article, a field that
        # runs on to the end of its block; its label is structure.
        cite = _CITATION_LABEL.match(text)
        if cite is not None:
            fl.role = "field"
            citation = _free_key(meta, "citation")
            start = line.start + (cite.start("value") if cite.group("value") else len(text))
            meta[citation] = _span(raw, start, line.end)
            state.structure.append((line.start, start))
            continue
        if (
            citation is not None
            and prior is not None
            and prior.block == fl.block
            and _adjacent(raw, prior.line, line)  # (a blank line ends it where the text has no blocks)
        ):
            fl.role = "field"
            meta[citation] = _span(raw, meta[citation].start if meta[citation].text else line.start, line.end)
            continue
        citation = None
        # A reviewed book's record («بيانات الكتاب:» then «الناشر: ...», «عدد الصفحات: ...»):
        # each value a field, each label structure.
        if line.start in state.book_record and _is_book_record_heading(text):
            fl.role = "field"
            state.structure.append((line.start, line.end))
            continue
        book = _book_field(text) if line.start in state.book_record else None
        if book is not None:
            field_key, m = book
            fl.role = "field"
            meta[_free_key(meta, field_key)] = _span(raw, line.start + m.start("value"), line.end)
            state.structure.append((line.start, line.start + m.start("value")))
            continue
        # «مجلة علمية محكمة تصدر عن ...» under a name describes the journal named above it.
        if (
            not fl.later
            and _JOURNAL_DESCRIPTION.match(text)
            and prior is not None
            and prior.role == ""
            and _adjacent(raw, prior.line, line)
            and len(prior.line.text.split()) <= _JOURNAL_MAX_WORDS
            and "journal" not in meta
        ):
            prior.role = fl.role = "journal"
            meta["journal"] = _span(raw, *_without_page_number(prior))
            meta["journal_description"] = _span(raw, line.start, line.end)
            continue
        # (the archive's first line names the journal: «مجلة دراسات دولية»)
        # (its name in a second language too: «Revue tunisienne d'études ...» under the Arabic one)
        if not fl.later and _JOURNAL_START.match(key) and words <= 15:
            fl.role = "journal"
            meta[_free_key(meta, "journal")] = _span(raw, *_without_page_number(fl))
            continue
        # A conference's name and session over the title, the head of every page of its proceedings
        # («المؤتمر الدولي الثالث ... – عمّان 2024   الجلسة الثالثة: ...»): a field, not the title.
        if (
            not fl.later
            and fl.repeats
            and _CONFERENCE_START.match(key)
            and not _ISSUE_WORDS.search(text)
            and not any(other.role in ("title", "author") for other in items[:n])
        ):
            fl.role = "field"
            meta[_free_key(meta, "conference")] = _span(raw, *_without_page_number(fl))
            continue
        if not fl.later and _is_document_type(key) and "document_type" not in meta:
            fl.role = "field"
            meta["document_type"] = _span(raw, line.start, line.end)
            continue
        if _ISSUE.search(key) and words <= 20 and ("مجل" in key or not fl.later):
            fl.role = "journal"  # a volume/issue line, the running header of the journal's pages
            if "issue" in meta and _script(meta["issue"].text) != _script(text):
                # (a bilingual box gives it in both languages, one under the other)
                meta[_free_key(meta, "issue")] = _span(raw, *_without_page_number(fl))
            put("issue", *_without_page_number(fl))
            continue
        matched = False
        # A thesis's supervisor («إشراف الأستاذ الدكتور:» over the name, or «إشراف: د. ...»): a
        # field, its label structure; not a byline.
        # (in the English front matter set after the Arabic part, "Supervised by: Dr. ...")
        english_later = fl.later and _script(text) == "en"
        supervisor = _SUPERVISOR.match(text) if not fl.later or english_later else None
        if supervisor is not None and (supervisor.group("value") or not fl.later):
            fl.role = "field"
            if supervisor.group("value"):
                key = "supervisor_en" if english_later else "supervisor"
                put(key, line.start + supervisor.start("value"), line.end)
                state.structure.append((line.start, line.start + supervisor.start("value")))
            else:
                state.structure.append((line.start, line.end))
                supervisor_next = True
            continue
        if supervisor_next and words <= _AUTHOR_MAX_WORDS:
            supervisor_next = False
            fl.role = "field"
            put("supervisor", line.start, line.end)
            continue
        supervisor_next = False
        for key, pattern in _METADATA_LABELS.items():
            m = pattern.match(text)
            if m and key in _PERSON_FIELDS and not _names_a_person(m.group("value") or ""):
                # «مراجعة: كتاب ...» heads a book review, «ترجمة: عن الفرنسية» says from what: no names
                m = None
            if m:
                group = "value" if m.group("value") is not None else "value_en"
                meta[key] = _span(raw, line.start + m.start(group), line.start + m.end(group))
                if m.start(group) > 0:  # the label («السنة الجامعية:») is structure
                    state.structure.append((line.start, line.start + m.start(group)))
                matched = True
        for key, date_label in _METADATA_DATES.items():
            # (both languages' dates of a kind on one line: «تاريخ الاستلام: 2023/09/14 | Received: 14 September 2023»)
            dates = []
            while (date := date_label.search(text, dates[-1].value_end if dates else 0)) is not None:
                dates.append(date)
            for date in dates:
                # (a second date of the kind, in the other calendar or language, is received_2 ...)
                field_key = key if key not in meta or meta[key].text == date.value else _free_key(meta, key)
                put(field_key, line.start + date.value_start, line.start + date.value_end)
                # (the label is structure, as an abstract's or the keywords' label is)
                state.structure.append((line.start + date.start, line.start + date.value_start))
                matched = True
                # the same date in the other calendar right after it: «27/03/1445هـ – 12/10/2023م»
                other = _SECOND_CALENDAR_DATE.match(text, date.value_end)
                if other is not None and _other_calendar(date.value, other.group("value")):
                    put(_free_key(meta, key), line.start + other.start("value"), line.start + other.end("value"))
        bare_date = _BARE_DATE.match(text) if not matched else None
        if bare_date:
            put("date", line.start + bare_date.start("value"), line.start + bare_date.end("value"))
            matched = True
        columns = _TWO_COLUMNS.split(text.strip()) if words > 6 and _ISSN.search(text) else []
        if len(columns) == 2 and sum(bool(_ISSN.search(c)) for c in columns) == 1:
            # "ISSN 2566-8056      Journal of Political Science and Law": the number and, set apart
            # in the other column, the journal's name.
            name = next(c for c in columns if not _ISSN.search(c))
            at = line.start + text.index(name)
            meta[_free_key(meta, "journal")] = _span(raw, at, at + len(name.rstrip()))
        if words <= 6 or columns:
            # «ISSN (Print): … ISSN (Online): …», «ISSN … DOI: …»: each number is a field, and
            # its label is structure.
            for key, pattern in (("issn", _ISSN), ("doi", _DOI)):
                for m in pattern.finditer(text):
                    meta[_free_key(meta, key)] = _span(raw, line.start + m.start("value"), line.start + m.end("value"))
                    state.structure.append((line.start + m.start(), line.start + m.start("value")))
                    # (and the medium after the number: "2307-4655 (Print) | 2313-7592 (Online)")
                    medium = _ISSN_MEDIUM.match(text, m.end())
                    if medium is not None:
                        state.structure.append((line.start + m.end(), line.start + medium.end()))
                    matched = True
        orcid = _ORCID.search(text)
        email = _EMAIL.search(text)
        if orcid and words <= 3:
            group = "id" if orcid.group("id") else "bare"
            put("orcid", line.start + orcid.start(group), line.start + orcid.end(group))
            # (the link or label around the number is structure: «https://orcid.org/», "ORCID iD:")
            state.structure.append((line.start + orcid.start(), line.start + orcid.start(group)))
            matched = True
        # (or after a longer label, with the name: «البريد الإلكتروني للباحث المراسل: ...»,
        # "Corresponding author: Samer A. Al-Omari, samer.omari@yu.edu.jo")
        labelled = _email_label(text, email, words, matched) if email is not None else None
        if email and (words <= 3 or labelled is not None):
            # (an address given again, on the English page: email_2, as a second DOI is doi_2)
            meta[_free_key(meta, "email")] = _span(raw, line.start + email.start(), line.start + email.end())
            # (its label is structure, as an ORCID's is: «البريد الإلكتروني: <mailto:», "E-mail:")
            if labelled is not None:
                label_start, label_end, person = labelled
                state.structure.append((line.start + label_start, line.start + label_end))
                if person is not None:
                    # «الباحث المراسل: د. سامر العمري، samer@...», «د. سامر العمري، البريد الإلكتروني: ...»:
                    # the name is the corresponding author's
                    put("corresponding_author", line.start + person[0], line.start + person[1])
            elif text[: email.start()].strip():
                state.structure.append((line.start, line.start + email.start()))
            matched = True
        if matched:
            fl.role = "field"
            continue
        m = _PREPARED_BY_INLINE.match(text)
        if m:
            fl.role = "author"
            state.structure.append((line.start, line.start + m.start("value")))  # the label
            fl.line = _Line(line.start + m.start("value"), line.end, m.group("value"))
            continue
        # The note of a marked name that runs on to the next line («(*) البحث مستل من رسالة ...
        # (... بعد» then «عام ٢٠١١) المقدمة إلى مركز ...»): the same note, not an affiliation.
        if (
            prior is not None
            and prior.role == "field"
            and "author_note" in meta
            and (note := meta[_last_key(meta, "author_note")]).end == prior.line.end
            and _adjacent(raw, prior.line, line)
            and not _footnote_closed(prior.line.text)
            and _script(text) == _script(prior.line.text)  # (not the English byline under it)
            and not (_is_author(text) or _latin_names(text) or _EMAIL.search(text))
            # (a note on where the paper was presented, when short, ends on its line: the title, an
            # affiliation or a name follows it)
            and not (
                _presented_note(note.text)
                and (
                    len(prior.line.text.split()) < _WRAPPED_NOTE_MIN_WORDS
                    or _is_affiliation(text)
                    or _looks_like_bare_name(text)
                    or _title_case(text)
                )
            )
        ):
            fl.role = "field"
            meta[_last_key(meta, "author_note")] = _span(raw, note.start, line.end)
            continue
        # A marked affiliation note that runs on over lines («(*) أستاذة القانون ... وعضو الهيئة» then
        # «الاستشارية للمرصد ...»): its next lines are the same affiliation, up to a closed line.
        if (
            prior is not None
            and prior.role == "affiliation"
            and _NOTE_MARK_OPENING.match(_first_of_run(items, n - 1).line.text)
            and _adjacent(raw, prior.line, line)
            and not _footnote_closed(prior.line.text)
            and len(prior.line.text.split()) >= _WRAPPED_NOTE_MIN_WORDS  # a line the note filled
            and _script(text) == _script(prior.line.text)
            and not (_NOTE_MARK_OPENING.match(text) or _is_author(text) or _latin_names(text))
            and not (_looks_like_bare_name(text) or _is_affiliation(text))  # the next author's byline
        ):
            fl.role = "affiliation"
            continue
        # (but under the title, a name with an academic title that the pages' heads repeat, «ذ.
        # يوسف بنعلي», is the byline: a running head stands above the title on the first page)
        byline = (
            _is_author(text)
            and not any(other.role == "author" for other in items[:n])
            and any(other.role == "" and len(other.line.text.split()) >= 3 for other in items[:n])
        )
        if fl.repeats and not fl.later and (_is_author(text) or _is_name_like(text)) and not byline:
            fl.role = "header"  # an author's name at the top of every page, not the byline
            put("running_header", line.start, line.end)
            continue
        if _presented_note(text):
            # «ورقة مقدمة إلى المؤتمر الدولي ...، كلية ...»: where the paper was presented, a note (its
            # next lines go on with it, as an author's note does), not an affiliation nor a title.
            fl.role = "field"
            meta[_free_key(meta, "author_note")] = _span(raw, line.start, line.end)
            continue
        if _is_affiliation(text):
            fl.role = "affiliation"
        elif _is_author(text) or _starred_name(raw, items, n):
            fl.role = "author"
        elif _NOTE_MARK_OPENING.match(text) and words <= _AFFILIATION_MAX_WORDS:
            # the note of a marked name: «* المؤلف المرسل.», "* Corresponding author.", «¹ المؤلف المرسل: ...»
            fl.role = "field"
            meta[_free_key(meta, "author_note")] = _span(raw, line.start, line.end)
            continue
        elif _is_prose(raw, items, n):
            # A long line, a link or an address before the titles is the archive's notice, and so
            # is the rest of its block; between the abstracts it is a note kept as a paragraph.
            fl.role = "note" if fl.later else "notice"
        elif prior is not None and prior.role == "notice" and prior.block == fl.block:
            fl.role = "notice"
        if fl.role in ("affiliation", "author"):
            if orcid:
                group = "id" if orcid.group("id") else "bare"
                put("orcid", line.start + orcid.start(group), line.start + orcid.end(group))
            if email:
                put("email", line.start + email.start(), line.start + email.end())
        if fl.role == "notice":
            notice.append((line.start, line.end))
    if notice:
        meta["archive_notice"] = _span(raw, notice[0][0], notice[-1][1])
    # A bare name right above an affiliation or an e-mail is a byline too.
    for n, fl in enumerate(items[:-1]):
        nxt = items[n + 1]
        before = items[n - 1].line.text if n else ""
        if (
            fl.role == ""
            and n
            and items[n - 1].role == "affiliation"
            and items[n - 1].script == fl.script
            and _GOES_ON_END.search(before)
            and _adjacent(raw, items[n - 1].line, fl.line)
            # (after a comma, not a name, «..., Qatar University,» / «Mona Hassan Ali»: the next byline)
            and not (
                before.rstrip().endswith((",", "،"))
                and (_latin_names(fl.line.text) or _looks_like_bare_name(fl.line.text) or _is_author(fl.line.text))
            )
        ):
            # "... Faculty of Economics and Political Science, University of" / "Tripoli, Libya": the
            # affiliation wraps, its last line is no name
            fl.role = "affiliation"
            continue
        if (
            fl.role == ""
            and _is_name_like(fl.line.text)
            and (nxt.role == "affiliation" or (nxt.role == "field" and _EMAIL.search(nxt.line.text)))
            and _adjacent(raw, fl.line, nxt.line)
            and not before.rstrip().endswith((":", "：", "-", "–"))
        ):
            # (a state's name heading a cover, «الجمهورية التونسية» over «وزارة التعليم العالي»,
            # is the first line of the affiliation, not a person)
            fl.role = "affiliation" if match_key(fl.line.text.split()[0]) in _STATE_WORDS else "author"
    # The byline in Latin letters right under the Arabic one («رامي فؤاد حداد» / "Rami Fouad Haddad").
    for prior, fl in zip(items, items[1:], strict=False):
        if (
            fl.role == ""
            and fl.script == "en"
            and prior.role == "author"
            and prior.script == "ar"
            and _adjacent(raw, prior.line, fl.line)
            and _latin_names(fl.line.text)
        ):
            fl.role = "author"


def _without_page_number(fl: _FrontLine) -> tuple[int, int]:
    """The raw extent of a journal line, without the page number of a running header."""
    line = fl.line
    edge = _PAGE_NUMBER_EDGE.search(line.text) if fl.paged else None
    if edge is None:
        return line.start, line.end
    if edge.start() == 0:
        return line.start + edge.end(), line.end
    return line.start, line.start + edge.start()


def _is_prose(raw: str, items: list[_FrontLine], n: int) -> bool:
    """Whether a front-matter line reads as running text: long, a link, an address, a sentence."""
    text = items[n].line.text
    words = len(text.split())
    if words > _FRONT_TITLE_MAX_WORDS or _URL.search(text) or "@" in text:
        return True
    if words <= _TITLE_MAX_WORDS:
        return False
    if _ends_sentence(text.rstrip(":：")):
        return True
    # A long line that runs on into a line ending a sentence (a paragraph wrapped by the layout).
    if n + 1 < len(items):
        nxt = items[n + 1].line
        return bool(re.search(r"[.!?؟]$", nxt.text.rstrip(_CLOSERS))) and _adjacent(raw, items[n].line, nxt)
    return False


#: Fewest lines and words of a paragraph of running text (:func:`_running_text_start`).
_RUNNING_TEXT_MIN_LINES = 3
_RUNNING_TEXT_MIN_WORDS = 40


def _byline_above(blocks: list[_Block], index: int, line: int) -> bool:
    """Whether a byline («إعداد: د. ...», a name with an academic title) or an affiliation stands
    among the lines before ``blocks[index].lines[line]``: the front matter of a journal's text."""
    lines = [ln for block in blocks[:index] for ln in block.lines] + blocks[index].lines[:line]
    return any(
        _is_author(ln.text) or _PREPARED_BY_INLINE.match(ln.text) or _is_affiliation(ln.text) for ln in lines
    )


#: Fewest words of a line of running text (a wrapped line of a paragraph).
_RUNNING_LINE_MIN_WORDS = 8


def _running_text_start(blocks: list[_Block], limit: int) -> tuple[int, int] | None:
    """Where the first paragraph of running text in ``blocks[:limit]`` begins: ``(block, line)``.

    Running text is three lines or more of eight words or more each (the last one may be
    shorter), forty words or more, with a sentence ended in them; a title, a byline, an
    address or a journal's lines are none of these.
    """
    for b, block in enumerate(blocks[:limit]):
        lines = block.lines
        for n in range(len(lines)):
            run = list(takewhile(lambda ln: len(ln.text.split()) >= _RUNNING_LINE_MIN_WORDS, lines[n:]))
            run += lines[n + len(run) : n + len(run) + 1]  # the paragraph's short last line
            if (
                len(run) >= _RUNNING_TEXT_MIN_LINES
                and sum(len(line.text.split()) for line in run) >= _RUNNING_TEXT_MIN_WORDS
                and any(_ends_sentence(line.text) for line in run)
                and not any(_EMAIL.search(line.text) for line in run)
            ):
                return b, n
    return None


def _later_front_matter(blocks: list[_Block], ends: dict[int, int], read: set[int]) -> list[int]:
    """The blocks between the first abstract's end and the second abstract, when they are front matter.

    They are when one of their lines is a byline, an affiliation, a date field or the byline
    label; otherwise (a note, a stray heading) they stay with the body.
    """
    if len(ends) < 2:
        return []
    first, second = sorted(ends)
    between = [i for i in range(ends[first], second) if i not in read]
    for i in between:
        for line in blocks[i].lines:
            text = line.text
            if (
                _is_author(text)
                or _is_affiliation(text)
                or _PREPARED_BY_INLINE.match(text)
                or match_key(text).strip(": ") in _PREPARED_BY
                or any(p.search(text) for p in _METADATA_DATES.values())
            ):
                return between
    # The second language's title alone above its abstract (an English title between the Arabic
    # keywords and ``Abstract``): a few short lines of that script, no sentence.
    lines = [line for i in between for line in blocks[i].lines]
    second_lang = "en" if _script(blocks[second].lines[0].text) == "en" else "ar"
    if (
        lines
        and len(lines) <= 3
        and sum(len(line.text.split()) for line in lines) <= _TITLE_MAX_WORDS_LATE
        # (a colon ends a title's first line: "... Governance (al-Siyasa al-Shar'iyya):", but a short
        # label such as "Translated by:" is no title's)
        and all(_script(line.text) == second_lang and not _ends_sentence(line.text.rstrip(" :：")) for line in lines)
        and not any(_CREDIT_LABEL.match(line.text) for line in lines)
    ):
        return between
    return []


#: A credit's label on its own line ("Translated by:", "Corresponding author:"): no title's first line.
_CREDIT_LABEL = re.compile(
    r"^\s*(?:translated|reviewed|edited|supervised|prepared|compiled|written|corresponding|revised)\b[^:：]{0,20}[:：]\s*$",
    re.IGNORECASE,
)
#: Most words of a second-language title set alone between the first keywords and the second abstract.
_TITLE_MAX_WORDS_LATE = 30


#: Fewest words of running text that, with one body heading, make the blocks between the
#: abstracts a body (an English-first article's Arabic front matter has a few dozen).
_BODY_BETWEEN_MIN_WORDS = 80
#: Most words of the front matter between two abstracts (title, byline, affiliation, dates, a note).
_FRONT_BETWEEN_MAX_WORDS = 300
#: Most lines of a title and byline set above an abstract at the end of an article.
_TRAILING_FRONT_MAX_LINES = 8


def _body_between(blocks: list[_Block], between: list[int], settings: ReaderSettings) -> bool:
    """Whether the blocks between the two abstracts are the article's body (the second abstract
    comes at its end): they hold a references heading, two body headings, or one and running
    text, or more text than a title page has."""
    if sum(len(blocks[i].text.split()) for i in between) > _FRONT_BETWEEN_MAX_WORDS:
        return True  # (headings the reader does not know: far more text than a title page has)
    headings = 0
    words = 0
    for i in between:
        text = blocks[i].lines[0].text
        info = classify_heading(text)
        if info is not None and len(text.split()) <= settings.max_heading_words:
            if info.style == "named" and is_reference_heading(info):
                return True
            if _is_body_heading(text, settings):
                headings += 1
                continue
        words += len(blocks[i].text.split())
    return headings >= 2 or (headings == 1 and words >= _BODY_BETWEEN_MIN_WORDS)


def _split_trailing_front(blocks: list[_Block], lang: str) -> tuple[list[_Block], list[_Block]]:
    """The body blocks, and the title and byline lines at their end that belong to the abstract after them.

    An abstract at the end of an article (after the references) has its title and byline above
    it: short lines in its language that end no sentence and are no heading or reference entry
    (an author, an affiliation, an e-mail or a date line may end as it likes).
    """
    lines = [(bi, line) for bi, block in enumerate(blocks) for line in block.lines]
    cut = len(lines)
    while (
        cut > 0 and len(lines) - cut < _TRAILING_FRONT_MAX_LINES and _trailing_front_line(lines[cut - 1][1].text, lang)
    ):
        cut -= 1
    # A line that continues the one before it in its block (an entry or a sentence running on) is no title.
    while 0 < cut < len(lines) and lines[cut - 1][0] == lines[cut][0] and not _reference_closed(lines[cut - 1][1].text):
        cut += 1
    if cut == len(lines):
        return blocks, []

    def regroup(part: list[tuple[int, _Line]]) -> list[_Block]:
        # (a block the cut falls inside is split in two)
        return [_Block([line for _, line in group]) for _, group in groupby(part, key=itemgetter(0))]

    return regroup(lines[:cut]), regroup(lines[cut:])


def _trailing_front_line(text: str, lang: str) -> bool:
    """Whether a line may be (part of) the title or byline of an abstract set at the article's end."""
    words = len(text.split())
    if not words or words > _FRONT_TITLE_MAX_WORDS:
        return False
    if _is_author(text) or _is_affiliation(text) or _EMAIL.search(text) or _ORCID.search(text):
        return True
    if any(p.search(text) for p in _METADATA_DATES.values()):
        return True
    if _script(text) != lang or classify_heading(text) is not None or _URL.search(text):
        return False
    if _REF_NUMBER_START.match(text) or _REF_BULLET.match(text) or _REF_AUTHOR_YEAR.match(text):
        return False
    return not text.rstrip(_CLOSERS).endswith((".", ",", "،", ";", "؛"))


def _star_notes(body: list[_Block], front: list[_Block], settings: ReaderSettings) -> list[_Block]:
    """Blocks before the body's first heading that open with the ``*`` or ``†`` a front-matter
    line carries (``كريم مساعدية *`` ... ``* المؤلف المرسل.``): the notes of the front matter."""
    carried = Counter(
        m.group("mark") for block in front for line in block.lines for m in _NOTE_MARK_IN_LINE.finditer(line.text)
    )
    marks = set(carried)
    notes: list[_Block] = []
    taken: Counter[tuple[str, str | None]] = Counter()
    past_heading = False
    for block in body:
        text = block.lines[0].text
        if classify_heading(text) is not None and len(text.split()) <= settings.max_heading_words:
            past_heading = True
            continue
        opening = _NOTE_MARK_OPENING.match(text)
        bracketed = _bracketed_mark(text, marks)
        if bracketed:
            # «(*) ...», «(**) ...», «(***) ...» one under the other (the title's, the author's, the
            # translator's notes): one note each.
            split = next((j for j, line in enumerate(block.lines) if j and _bracketed_mark(line.text, marks)), None)
            if split is not None:
                body.insert(body.index(block) + 1, _Block(block.lines[split:]))
                del block.lines[split:]
        if opening and opening.group("mark") in marks:
            # «* ...» then «** ...»: a page's star notes one under the other, one note each
            later = next(
                (
                    j
                    for j, line in enumerate(block.lines)
                    if j and _NOTE_MARK_OPENING.match(line.text) and not line.text.startswith("(")
                ),
                None,
            )
            if later is not None:
                body.insert(body.index(block) + 1, _Block(block.lines[later:]))
                del block.lines[later:]
        cut = next((j for j, line in enumerate(block.lines) if j and _FOOTNOTE_LINE.match(line.text)), None)
        if opening and opening.group("mark") in marks and cut is not None:
            # «* أستاذ ...» then «(1) ...» with no blank line between: only the star note is the
            # byline's, the footnote goes back to the body (as a block of its own, after it).
            body.insert(body.index(block) + 1, _Block(block.lines[cut:]))
            del block.lines[cut:]
        # (a note marked in brackets is no bullet of the abstract: it may be longer, the original's
        # reference of a translated study)
        most = _BRACKETED_NOTE_MAX_WORDS if bracketed else _AFFILIATION_MAX_WORDS
        if opening and opening.group("mark") in marks and len(block.text.split()) <= most:
            # Past the first heading (the page-1 foot after a long abstract, or the English note at
            # the article's end), only a note that names a post or an institution is the byline's,
            # and as many notes of a mark in each language as bylines carry it: the same star at a
            # later page's foot marks that page's own note («* مركز الخليج للأبحاث، التقرير ...»).
            seen = (opening.group("mark"), _script(block.text))
            if (not past_heading or _names_a_post(block.text)) and taken[seen] < carried[seen[0]]:
                taken[seen] += 1
                notes.append(block)
                # the author's e-mail on the line under the note (read as a block of its own when the
                # note's line ended a sentence)
                k = body.index(block) + 1
                if k < len(body) and _EMAIL.fullmatch(body[k].lines[0].text.strip()):
                    if len(body[k].lines) > 1:
                        body.insert(k + 1, _Block(body[k].lines[1:]))
                        del body[k].lines[1:]
                    notes.append(body[k])
    return notes


#: Most words of a front-matter note whose mark is in brackets, «(*) نُشرت هذه الدراسة أصلاً ...».
_BRACKETED_NOTE_MAX_WORDS = 80


def _bracketed_mark(text: str, marks: set[str]) -> bool:
    """Whether a line opens with one of the front matter's note marks in brackets, «(**) ...»."""
    opening = _NOTE_MARK_OPENING.match(text)
    return opening is not None and text.startswith("(") and opening.group("mark") in marks


#: The label of the way to cite the article, set under its abstract («للاقتباس:», "Cite this article as:").
_CITATION_LABEL = re.compile(
    rf"^(?:{_tolerant('للاقتباس', 'للاستشهاد', 'للإحالة', 'للإحالة إلى هذا البحث', 'طريقة الاستشهاد', 'توثيق البحث')}"
    r"|(?i:(?:please\s+)?cite\s+this\s+(?:article|paper)(?:\s+as)?|to\s+cite\s+this\s+(?:article|paper)"
    r"|how\s+to\s+cite(?:\s+this\s+(?:article|paper))?))\s*[:：]\s*(?P<value>\S.*)?$"
)


def _citation_blocks(body: list[_Block], settings: ReaderSettings) -> list[_Block]:
    """Blocks before the body's first heading that give the way to cite the article (front matter)."""
    found: list[_Block] = []
    for block in body:
        text = block.lines[0].text
        if classify_heading(text) is not None and len(text.split()) <= settings.max_heading_words:
            break
        if _CITATION_LABEL.match(text):
            found.append(block)
    return found


#: The fields of a book review's record of the book under review, by the labels they come with.
_BOOK_FIELDS = {
    "book_title": (("العنوان", "عنوان الكتاب", "اسم الكتاب"), r"title|book\s+title"),
    "book_author": (("المؤلف", "المؤلفون", "تأليف", "اسم المؤلف"), r"authors?"),
    "book_translator": (("ترجمة", "المترجم", "الترجمة"), r"translat(?:or|ed\s+by)"),
    "book_editor": (("تحرير", "المحرر"), r"editors?|edited\s+by"),
    "book_publisher": (("الناشر", "دار النشر", "جهة النشر"), r"publisher"),
    "book_place": (("مكان النشر",), r"place\s+of\s+publication"),
    "book_year": (("سنة النشر", "سنة الإصدار"), r"year(?:\s+of\s+publication)?"),
    "book_edition": (("الطبعة",), r"edition"),
    "book_pages": (("عدد الصفحات", "الصفحات", "عدد الصفحات والحجم"), r"pages|number\s+of\s+pages"),
    "isbn": (("ردمك", "الرقم الدولي"), r"isbn(?:-1[03])?"),
}
_BOOK_FIELD = {
    key: re.compile(rf"^(?:{_tolerant(*ar)}|(?i:{en}))\s*[:：]\s*(?P<value>\S.*)$")
    for key, (ar, en) in _BOOK_FIELDS.items()
}
#: The heading of that record, alone on its line («بيانات الكتاب:»).
_BOOK_RECORD_HEADINGS = frozenset(
    _label_key(w)
    for w in ("بيانات الكتاب", "معلومات الكتاب", "بطاقة الكتاب", "الكتاب", "book details", "book information")
)
#: Fewest fields that make a block the record of a book (one «العنوان:» line may be anything).
_BOOK_RECORD_MIN_FIELDS = 3


def _book_field(text: str) -> tuple[str, re.Match[str]] | None:
    for key, pattern in _BOOK_FIELD.items():
        m = pattern.match(text)
        if m:
            return key, m
    return None


def _is_book_record_heading(text: str) -> bool:
    return _label_key(text) in _BOOK_RECORD_HEADINGS


def _book_record_blocks(body: list[_Block], settings: ReaderSettings) -> list[_Block]:
    """Blocks before the body's first heading that record the book a review is about: three
    «label: value» lines or more (العنوان، المؤلف، الناشر، سنة النشر، عدد الصفحات، ISBN), under a
    «بيانات الكتاب:» line or not. They are front matter, not paragraphs."""
    found: list[_Block] = []
    for block in body:
        text = block.lines[0].text
        if classify_heading(text) is not None and len(text.split()) <= settings.max_heading_words:
            break
        fields = sum(1 for line in block.lines if _book_field(line.text))
        if fields >= _BOOK_RECORD_MIN_FIELDS and all(
            _book_field(line.text) or (k == 0 and _is_book_record_heading(line.text))
            for k, line in enumerate(block.lines)
        ):
            found.append(block)
    if found:
        return found
    # (read line by line, the record's lines may be blocks of a line or two each)
    run: list[_Block] = []
    for block in body:
        text = block.lines[0].text
        if classify_heading(text) is not None and len(text.split()) <= settings.max_heading_words:
            break
        ok = all(_book_field(line.text) or _is_book_record_heading(line.text) for line in block.lines)
        if ok:
            run.append(block)
            continue
        if sum(1 for b in run for line in b.lines if _book_field(line.text)) >= _BOOK_RECORD_MIN_FIELDS:
            return run
        run = []
    if sum(1 for b in run for line in b.lines if _book_field(line.text)) >= _BOOK_RECORD_MIN_FIELDS:
        return run
    return []


def _date_blocks(body: list[_Block], settings: ReaderSettings) -> list[_Block]:
    """Blocks before the body's first heading made only of date fields («تاريخ الإيداع: ...
    تاريخ القبول: ...» after the keywords, when the English part is at the article's end)."""
    found: list[_Block] = []
    for block in body:
        text = block.lines[0].text
        if classify_heading(text) is not None and len(text.split()) <= settings.max_heading_words:
            break
        if _dates_only(block):
            found.append(block)
    # The submission dates printed at the very end, after the references («تاريخ استلام البحث:
    # ...   تاريخ قبول النشر: ...» on the last page): front matter too.
    # (Each line opens with its label there: a last sentence that gives a date, «وقد تم تحديث هذه
    # الدراسة في تاريخ النشر: ...», is the body's.)
    tail: list[_Block] = []
    for block in reversed(body):
        if any(block is f for f in found) or not _dates_only(block, labelled=True):
            break
        tail.append(block)
    return found + tail[::-1]


def _dates_only(block: _Block, labelled: bool = False) -> bool:
    """Whether every line of a block is a short line of date fields (with ``labelled``, each
    opening with a date's label)."""
    return all(
        len(line.text.split()) <= _DATE_LINE_MAX_WORDS
        and any((m := p.search(line.text)) and (not labelled or not line.text[: m.start].strip())
                for p in _METADATA_DATES.values())
        for line in block.lines
    )  # fmt: skip


#: Longest line of date fields, in words (three labelled dates).
_DATE_LINE_MAX_WORDS = 16


def _names_a_post(text: str) -> bool:
    """Whether a note names a post or an institution («* مدرس - قسم ...», "* Lecturer, Department ...")."""
    return any(
        match_key(w).strip("،,.-:") in _AFFILIATION_WORDS_AR or w.lower().strip(",.;:") in _AFFILIATION_WORDS_EN
        for w in text.split()
    )


#: The mark a byline puts on a name for its note: ``*``, ``†``, ``(*)``, or a superscript digit.
_NOTE_MARK_IN_LINE = re.compile(rf"(?P<mark>[*†]+|[{_SUPERSCRIPT_DIGITS}]+)")
#: A note that opens with such a mark: ``* المؤلف المرسل.``, ``(*) أستاذ مشارك ...``, ``¹ ...``.
_NOTE_MARK_OPENING = re.compile(rf"^\(?\s*(?P<mark>[*†]+|[{_SUPERSCRIPT_DIGITS}]+)\s*\)?")


#: Words before a name's part that takes the article (عبد الرزاق, أبو القاسم, آل سعود).
_NAME_LINKS = frozenset(match_key(w) for w in ("عبد", "أبو", "ابو", "بن", "ابن", "آل", "ذو"))


def _definite_words(text: str) -> int:
    """How many words of an Arabic text take the article, not counting a name's «عبد ال...» parts."""
    words = [match_key(w).strip(_CLOSERS + "*().,،") for w in text.split()]
    return sum(
        1
        for k, w in enumerate(words)
        if w.removeprefix("و").startswith("ال") and not (k and words[k - 1] in _NAME_LINKS)
    )


#: A note on where a paper was presented («ورقة مقدمة إلى المؤتمر ...», «قدم هذا البحث في ندوة ...»),
#: matched on the match-key form (a star or a number in brackets may mark it).
_PRESENTED_AT = re.compile(
    r"^(?:\(?\s*[*\d]+\s*\)?\s*)?(?:(?:ورقه|بحث|دراسه|ورقة)\s+(?:مقدمه|مقدم|قدمت|قدم|القيت)"
    r"|(?:قدمت|قدم|القيت)\s+(?:هذه|هذا)\s+(?:الورقه|البحث|الدراسه))\s"
)
_PRESENTED_AT_EN = re.compile(
    r"^(?:\(?\s*[*\d]+\s*\)?\s*)?(?:(?:This|A)\s+paper\s+was\s+(?:first\s+)?presented|Paper\s+presented)\b",
    re.IGNORECASE,
)
#: Fewest words of a line of a marked note that runs on to the next line (a line the note filled).
_WRAPPED_NOTE_MIN_WORDS = 10


def _presented_note(text: str) -> bool:
    """Whether a front line notes where the paper was presented («ورقة مقدمة إلى المؤتمر ...»)."""
    return bool(_PRESENTED_AT.match(match_key(text)) or _PRESENTED_AT_EN.match(text))


def _title_case(text: str) -> bool:
    """Whether a Latin-script line is set in title case ("The Role of the Security Council"): most of
    its words of four letters or more are capitalised."""
    long_words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if len(w) >= 4]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def _first_of_run(items: list[_FrontLine], n: int) -> _FrontLine:
    """The first line of the run of lines with the role of ``items[n]`` that ends at ``n``."""
    while n > 0 and items[n - 1].role == items[n].role:
        n -= 1
    return items[n]


def _adjacent(raw: str, a: _Line, b: _Line) -> bool:
    """Whether line ``b`` comes right after line ``a`` with no blank line between them."""
    gap = raw[a.end : b.start]
    return a.end <= b.start and not gap.strip() and len(_LINE_BREAK.findall(gap)) == 1


def _pick_titles(article: Article, items: list[_FrontLine], state: _State) -> None:
    """Choose the titles among the lines left after the fields, then name the bylines and affiliations.

    A title may be wrapped over several lines (no blank line between them). The Arabic title
    is the one closest above the byline («إعداد» or the first author line); a line that
    recurs as a running header is taken only when nothing else is left.
    """
    raw = article.raw
    meta = article.metadata
    free = [i for i, fl in enumerate(items) if fl.role == ""]
    keys = {i: match_key(items[i].line.text).strip(": ") for i in free}
    label = next((i for i in free if keys[i] in _PREPARED_BY), None)
    if label is None:
        # OCR damage in the one-word label (إعدااد, إعددا): the closest one-word line, if close.
        label = next((i for i in free if " " not in keys[i] and _close(keys[i], "اعداد")), None)
    if label is not None:
        items[label].role = "label"
        state.structure.append((items[label].line.start, items[label].line.end))  # the "prepared by" label
        # The byline is the first line under the label, and an English line after it is its English form.
        byline = next((i for i in range(label + 1, len(items)) if items[i].role in ("", "author")), None)
        if byline is not None:
            items[byline].role = "author"
            # (in the same part of the front matter, and reading as names: the English title of
            # an English page at the article's end is no byline)
            latin = next(
                (
                    i
                    for i in range(byline + 1, len(items))
                    if items[i].role in ("", "author")
                    and items[i].script == "en"
                    and items[i].later == items[byline].later
                    and (
                        _is_author(items[i].line.text)
                        or _latin_names(items[i].line.text)
                        or (i <= byline + 2 and _is_name_like(items[i].line.text))  # «Enas migbil dalyan»
                    )
                ),
                None,
            )
            if latin is not None:
                items[latin].role = "author"
    if label is None and not any(fl.role == "author" and fl.script == "ar" for fl in items):
        _find_corporate_byline(raw, items)
    groups = _title_groups(raw, items, label)
    chosen: list[list[_FrontLine]] = []
    interleaved = _interleaved_title(raw, groups)
    if interleaved is not None:
        # A bilingual box's title, line by line in both languages (ar 1, en 1, ar 2, en 2): a field
        # holds one raw stretch, so each title is its first line and its second line is the
        # subtitle; no line of the other language enters either.
        groups = [g for g in groups if not any(g[0] is fl for pair in interleaved for fl in pair)]
        for (first, second), lang in zip(interleaved, ("ar", "en"), strict=True):
            setattr(article, f"title_{lang}", _span(raw, first.line.start, first.line.end))
            meta[f"subtitle_{lang}"] = _span(raw, second.line.start, second.line.end)
            chosen.append([first, second])
    ar_groups = [g for g in groups if g[0].script == "ar"] if interleaved is None else []
    en_groups = [g for g in groups if g[0].script == "en" and sum(len(fl.line.text.split()) for fl in g) >= 3]
    en_groups = en_groups if interleaved is None else []
    if ar_groups:
        anchor = label
        if anchor is None:
            anchor = next((i for i, fl in enumerate(items) if fl.role == "author" and fl.script == "ar"), None)
        if anchor is None and _bare_name_under_title(ar_groups):
            # A byline of a bare name, with no title or mark, under a longer title: the author.
            ar_groups[-1][0].role = "author"
            anchor = items.index(ar_groups[-1][0])
            ar_groups = ar_groups[:-1]
        title = _choose_title(items, ar_groups, anchor, meta.get("article_name"))
        article.title_ar = _span(raw, title[0].line.start, title[-1].line.end)
        chosen.append(title)
        if not en_groups and (halves := _slash_title(raw, title[0].line.start, title[-1].line.end)):
            # «دبلوماسية الوساطة ... / Kuwaiti Mediation Diplomacy ...»: both titles on one line
            article.title_ar, article.title_en = halves
    if en_groups:
        pool = [g for g in en_groups if not any(fl.repeats for fl in g)] or en_groups
        # The journal's name on the first line, above the issue's line ("Vol. 9, No. 2 (2019)"), is no
        # title when another English line may be one (an English title page).
        pool = [g for g in pool if not _journal_line_above_issue(items, g)] or pool
        title_en = pool[0]
        article.title_en = _span(raw, title_en[0].line.start, title_en[-1].line.end)
        chosen.append(title_en)
    # A first line on its own above the title that no role claimed, when no line named the journal,
    # is the journal's name without the word «مجلة» («دراسات في العلاقات الدولية»), not a paragraph.
    first = items[0]
    if (
        "journal" not in meta
        and chosen
        and first.role == ""
        and not first.later
        and not any(first in group for group in chosen)
        and items.index(chosen[0][0]) > 0
        # (alone in its block, or above the issue's line: "Vol. 9, No. 2 (2019)")
        and (len(items) == 1 or items[1].block != first.block or items[1].role in ("field", "journal"))
        and (
            len(first.line.text.split()) <= _JOURNAL_MAX_WORDS
            # ("Al-Quds Open University Journal for Humanities and Social Studies")
            or (_JOURNAL_WORD.search(first.line.text) is not None and len(first.line.text.split()) <= 15)
        )
        and not _ends_sentence(first.line.text)
    ):
        first.role = "journal"
        meta["journal"] = _span(raw, first.line.start, first.line.end)
    if article.title_ar:
        meta["title_ar"] = article.title_ar
    if article.title_en:
        meta["title_en"] = article.title_en
    for group in chosen:
        for fl in group:
            fl.role = "title"
        # Under a title set above an abstract at the article's end, a bare name is the byline.
        after = items.index(group[-1]) + 1
        if group[-1].later and after < len(items):
            nxt = items[after]
            if (
                nxt.role == ""
                and nxt.script == group[-1].script
                and (_is_name_like(nxt.line.text) or _latin_names(nxt.line.text))
            ):
                nxt.role = "author"
    _name_bylines(article, items)
    _keep_front_matter_notes(raw, [fl.line for fl in items if fl.role in ("", "note")], state)


#: What kind of paper a think tank's title page says it is («تقدير موقف», "Policy Brief").
_DOCUMENT_TYPES = frozenset(
    match_key(w)
    for w in (
        "تقدير موقف",
        "ورقة سياسات",
        "ورقة سياسية",
        "ورقة بحثية",
        "ورقة عمل",
        "ورقة تحليلية",
        "تحليل سياسات",
        "دراسة",
        "دراسات",
        "تقرير",
        "مقال رأي",
        "policy brief",
        "policy paper",
        "position paper",
        "working paper",
        "research paper",
        "situation assessment",
        "analytical paper",
        "report",
        # a journal's article types («بحث أصيل | Original Research»)
        "بحث أصيل",
        "بحث اصيل",
        "مقالة بحثية",
        "مقال بحثي",
        "مقالة أصيلة",
        "مقالة مراجعة",
        "مراجعة كتاب",
        "مراجعات كتب",
        "مراجعات الكتب",
        "original research",
        "original article",
        "research article",
        "review article",
        "book review",
    )
)


def _is_document_type(key: str) -> bool:
    """A line naming the kind of paper, in one language or two side by side («بحث أصيل | Original Research»)."""
    parts = [part.strip(" :：-–").lower() for part in re.split(r"[|/]", key)]
    return all(part in _DOCUMENT_TYPES for part in parts if part) and any(parts)
#: First words of a unit that signs a paper in its own name («وحدة تحليل السياسات في المركز العربي»).
_CORPORATE_AUTHOR_WORDS = frozenset(match_key(w) for w in "وحدة فريق لجنة قسم برنامج مركز مرصد مختبر منتدى".split())


#: Nouns a subtitle opens with and a person's name does not («دراسة حالة», «قراءة نقدية»).
_SUBTITLE_OPENERS = frozenset(
    match_key(w)
    for w in (
        "دراسة قراءة رؤية مقاربة تحليل حالة أثر دور واقع مستقبل إشكالية نموذج تجربة مدخل نظرة تقييم أزمة "
        "قضية مسألة سياسة إصلاح تطور مفهوم ظاهرة"
    ).split()
)


def _journal_line_above_issue(items: list[_FrontLine], group: list[_FrontLine]) -> bool:
    """Whether a title group is the front matter's first line alone, over the issue's line."""
    return len(group) == 1 and items.index(group[0]) == 0 and len(items) > 1 and items[1].role in ("field", "journal")


#: Words of a subtitle that a person's name never holds («سوريا نموذجا», «تونس ما بعد الثورة»).
_NOT_IN_NAMES = frozenset(
    match_key(w) for w in "نموذجا أنموذجا انموذجا نموذج مثالا ما بعد قبل خلال عبر ضد تجاه لدى منذ بين حالة".split()
)
#: Given names that begin with و (a later word of a name that does: «محمد وليد الخطيب»).
_NAMES_WITH_WAW = frozenset(match_key(w) for w in "وليد وائل وفاء وداد وسام وهبة وصفي وجدي ولاء وعد وضاح وديع".split())


def _bare_name_under_title(groups: list[list[_FrontLine]]) -> bool:
    """Whether the last of the Arabic title groups is a person's bare name set under the title.

    One line (the title's groups leave a bare name out of the title above it) that reads as a bare
    name (:func:`_looks_like_bare_name`), under a group of more words (the title) in the same part
    of the front matter.
    """
    if len(groups) < 2 or len(groups[-1]) != 1:
        return False
    name, title = groups[-1][0], groups[-2]
    text = name.line.text
    return (
        not name.later
        and not title[-1].later
        and _looks_like_bare_name(text)
        and sum(len(fl.line.text.split()) for fl in title) > len(text.split())
    )


def _looks_like_bare_name(text: str) -> bool:
    """Whether an Arabic line reads as a person's name with no title or mark: two to five words with
    no preposition, digit or mark, at most one of them with the article (a family name: الخطيب;
    عبد الرزاق aside), no later one ending in ية (a subtitle's adjective: «رؤية مستقبلية») and no
    subtitle's first noun (دراسة, قراءة, أزمة ...)."""
    words = [match_key(w) for w in text.split()]
    return (
        _is_name_like(text)
        and _definite_words(text) <= 1
        and not any(w.endswith(("يه", "ية")) for w in words[1:])
        and not re.search(r"[\d\u0660-\u0669*()«»\"]", text)
        and bool(words)
        and words[0] not in _SUBTITLE_OPENERS
        and not any(w in _NOT_IN_NAMES for w in words)
        # (a list of places joined by و, «ليبيا واليمن وسوريا»: a name's parts are not so joined)
        and not any(w.startswith("و") and len(w) > 3 and w not in _NAMES_WITH_WAW for w in words[1:])
    )


def _starred_name(raw: str, items: list[_FrontLine], n: int) -> bool:
    """Whether a front line is a byline marked with a star in brackets for its note («منى عبد الرزاق
    الخطيب(*)»), not a title with its note's star («أزمة دارفور(*)»): a bare name before the star,
    under a line that may be the title, and not over a byline of its own (a name with an academic
    title, or a bare name without a star: then the starred line is the title above it)."""
    text = items[n].line.text.rstrip()
    m = _BRACKETED_NAME_STAR.search(text)
    if m is None or m.end() != len(text) or not _looks_like_bare_name(text[: m.start()]):
        return False
    if not any(other.role == "" and len(other.line.text.split()) >= 3 for other in items[:n]):
        return False  # nothing above it to be the title: it is the title
    if n + 1 < len(items) and _adjacent(raw, items[n].line, items[n + 1].line):
        nxt = items[n + 1].line.text
        if _is_author(nxt) or (_looks_like_bare_name(nxt) and not _BRACKETED_NAME_STAR.search(nxt)):
            return False
    return True


def _find_corporate_byline(raw: str, items: list[_FrontLine]) -> None:
    """With no author line, the short line under the title that names a unit is the byline.

    It must stand in a block of its own below another candidate line (the title), so that the
    publisher's name on the first line, or a title's second line, is not taken.
    """
    for n, fl in enumerate(items):
        words = fl.line.text.split()
        if (
            n > 0
            and fl.role == ""
            and fl.script == "ar"
            and not fl.later
            and len(words) <= _JOURNAL_MAX_WORDS
            and match_key(words[0]) in _CORPORATE_AUTHOR_WORDS
            and not _ends_sentence(fl.line.text)
            and any(prior.role == "" and prior.script == "ar" for prior in items[:n])
            and not _adjacent(raw, items[n - 1].line, fl.line)
        ):
            fl.role = "author"
            return


def _interleaved_title(
    raw: str, groups: list[list[_FrontLine]]
) -> tuple[tuple[_FrontLine, _FrontLine], tuple[_FrontLine, _FrontLine]] | None:
    """The Arabic and English title of a two-column bilingual box, or None: four title lines in a
    row, one a group, alternating scripts (ar, en, ar, en or en, ar, en, ar), whose first line in
    each language goes on (a colon, a dash, a comma or a link word at its end: «الوساطة الإقليمية في
    الأزمة الليبية:» / "Regional Mediation in the Libyan Crisis:"). Returned as ((ar 1, ar 2),
    (en 1, en 2))."""
    for k in range(len(groups) - 3):
        four = groups[k : k + 4]
        if any(len(g) != 1 for g in four):
            continue
        lines = [g[0] for g in four]
        scripts = [fl.script for fl in lines]
        if scripts not in (["ar", "en", "ar", "en"], ["en", "ar", "en", "ar"]):
            continue
        if not all(_adjacent(raw, a.line, b.line) for a, b in zip(lines, lines[1:], strict=False)):
            continue
        firsts = lines[:2]
        if not all(
            fl.line.text.rstrip().endswith((":", "：", "-", "–", "،", ",")) or _ends_in_link_word(fl.line.text)
            for fl in firsts
        ):
            continue
        by_script = {fl.script: fl for fl in firsts}
        seconds = {fl.script: fl for fl in lines[2:]}
        return (by_script["ar"], seconds["ar"]), (by_script["en"], seconds["en"])
    return None


def _title_groups(raw: str, items: list[_FrontLine], label: int | None) -> list[list[_FrontLine]]:
    """The lines that may be titles, a title wrapped over adjacent lines making one group."""
    groups: list[list[_FrontLine]] = []
    last = -2
    # (the Arabic byline's names: a Latin line listing as many names is its English form)
    authors_ar = sum(
        len([n for n in re.split(r"[،,]|\sو", fl.line.text) if n.strip()])
        for fl in items
        if fl.role == "author" and fl.script == "ar"
    )
    for i, fl in enumerate(items):
        text = fl.line.text
        words = len(text.split())
        # (below the «إعداد» label come the byline and affiliations, not a title; an English
        # part at the article's end has its own title)
        if fl.role != "" or (label is not None and i > label and not (fl.later and not items[label].later)):
            continue
        if words > _FRONT_TITLE_MAX_WORDS or re.search(r"[.!?؟]$", text.rstrip(_CLOSERS)):
            continue  # a sentence is a note, not a title
        group = groups[-1] if groups and last == i - 1 else None
        if (
            group is not None
            and group[-1].script == fl.script
            and (_adjacent(raw, group[-1].line, fl.line) or _continues(raw, group[-1].line, fl.line))
            and sum(len(g.line.text.split()) for g in group) + words <= _TITLE_GROUP_MAX_WORDS
            # (a line ending in a colon or dash goes on; a bare name under a title is no part of it,
            # unless the byline is found further down: then it is the title's second line)
            and (
                group[-1].line.text.rstrip().endswith((":", "：", "-", "–", "،", ","))
                or _ends_in_link_word(group[-1].line.text)
                or not _is_name_like(text)
                or any(later.role == "author" and later.script == fl.script for later in items[i + 1 :])
            )
            and not (fl.script == "en" and authors_ar >= 2 and _latin_names(text) == authors_ar)
        ):
            group.append(fl)
        else:
            groups.append([fl])
        last = i
    return groups


#: Words no title ends with: a line of a title that ends with one goes on to the next line
#: ("... A Study of the" / "Foreign Fighters Phenomenon").
_LINK_WORDS = frozenset(
    "the a an of and or for to in on at by with from between".split()
) | frozenset(match_key(w) for w in ("في", "على", "من", "إلى", "الى", "عن", "بين", "و", "مع"))


def _ends_in_link_word(text: str) -> bool:
    words = text.split()
    return bool(words) and match_key(words[-1]).lower() in _LINK_WORDS


def _continues(raw: str, a: _Line, b: _Line) -> bool:
    """Whether title line ``a`` ends in a colon or dash and ``b`` follows it after blank lines only."""
    return a.text.rstrip().endswith((":", "：", "-", "–")) and not raw[a.end : b.start].strip()


def _choose_title(
    items: list[_FrontLine], groups: list[list[_FrontLine]], anchor: int | None, named: TextSpan | None
) -> list[_FrontLine]:
    pool = [g for g in groups if not any(fl.repeats for fl in g)] or groups
    if named is not None:
        # The archive's "article name" field repeats the title: the group closest to it is the
        # title, wherever it stands (a damaged label can leave other lines before the byline).
        key = match_key(named.text)
        best = max(pool, key=lambda g: _similarity(match_key(" ".join(fl.line.text for fl in g)), key))
        if _similarity(match_key(" ".join(fl.line.text for fl in best)), key) >= _TITLE_SIMILARITY:
            return best
    position = {id(fl): i for i, fl in enumerate(items)}
    if anchor is None:
        return pool[-1]
    above = [g for g in pool if position[id(g[-1])] < anchor]
    return above[-1] if above else pool[0]


def _name_bylines(article: Article, items: list[_FrontLine]) -> None:
    """Authors and affiliations into the metadata, per language; a second one gets a number."""
    raw = article.raw
    meta = article.metadata
    first_title = min(
        (i for i, fl in enumerate(items) if fl.role == "title" or fl.role == "author"), default=len(items)
    )
    runs: list[list[_FrontLine]] = []
    for i, fl in enumerate(items):
        if fl.role == "author":
            base = "author" if fl.script == "ar" else "author_en"
            if base == "author" and "author" in meta and not any(k.startswith("author_byline") for k in meta):
                base = "author_byline"  # the archive's «اسم الكاتب» field came first
            meta[_free_key(meta, base)] = _span(raw, fl.line.start, fl.line.end)
        elif fl.role == "affiliation":
            if (
                runs
                and runs[-1][-1] is items[i - 1]
                and runs[-1][-1].script == fl.script
                # (not over another column's text: two bylines side by side give one span per line)
                and not raw[runs[-1][-1].line.end : fl.line.start].strip()
            ):
                runs[-1].append(fl)
            else:
                runs.append([fl])
    for run in runs:
        if items.index(run[0]) < first_title:
            base = "publisher"  # an institute named with the journal, above the titles
        else:
            base = "affiliation" if run[0].script == "ar" else "affiliation_en"
        meta[_free_key(meta, base)] = _span(raw, run[0].line.start, run[-1].line.end)


#: A table's border or rule line: «+-----+-----+», «|=====|».
_TABLE_BORDER = re.compile(r"^[\s+|\-=─━┼┬┴┌┐└┘│_]+$")
#: The cells of a table's row: between «|» marks, or set apart by wide gaps.
_CELL_SPLIT = re.compile(r"\s*\|\s*|\s{3,}")


def _row_cells(text: str) -> list[str]:
    return [cell for cell in _CELL_SPLIT.split(text.strip().strip("|")) if cell.strip()]


def _read_date_table(items: list[_FrontLine], raw: str, meta: dict[str, TextSpan], state: _State) -> set[int]:
    """The dates of a front matter that gives them as a table, a row of labels over a row of dates
    («| تاريخ الاستلام | تاريخ القبول | تاريخ النشر |» over «| 27/03/1445هـ – 12/10/2023م | ...»):
    each date the field its column's label names (a second calendar after it, ``_2``), the labels
    and the borders structure. Returns the indexes of the table's lines."""
    for n, fl in enumerate(items):
        labels = _row_cells(fl.line.text)
        keys = [next((k for k, d in _METADATA_DATES.items() if d.label.search(cell)), None) for cell in labels]
        if len(labels) < 2 or None in keys or any(_DATE_VALUE_AFTER_LABEL.search(cell) for cell in labels):
            continue
        rows = [n]
        k = n + 1
        while k < len(items) and _TABLE_BORDER.match(items[k].line.text):
            rows.append(k)
            k += 1
        if k == len(items):
            continue
        values = _row_cells(items[k].line.text)
        if len(values) != len(labels):
            continue
        found = [re.search(_NUMERIC_DATE, cell) for cell in values]
        if None in found:
            continue
        line = items[k].line
        dates: list[tuple[int, int]] = []
        pos = 0
        for key, date, cell in zip(keys, found, values, strict=True):
            at = line.start + line.text.index(cell, pos)  # (two cells may hold the same date)
            pos = at - line.start + len(cell)
            dates.append((at + date.start(), at + date.end()))
            other = _SECOND_CALENDAR_DATE.match(cell, date.end())
            if other is not None and not _other_calendar(date.group(), other.group("value")):
                other = None
            if other is not None:
                dates.append((at + other.start("value"), at + other.end("value")))
            for start, end in dates[-2 if other is not None else -1 :]:
                meta[_free_key(meta, key)] = _span(raw, start, end)
        # (the cell marks and era letters between the dates are structure: nothing is lost)
        bounds = [line.start, *(x for span in dates for x in span), line.end]
        state.structure.extend((a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if raw[a:b].strip())
        value_row = k
        k += 1
        while k < len(items) and _TABLE_BORDER.match(items[k].line.text):
            rows.append(k)
            k += 1
        if n > 0 and _TABLE_BORDER.match(items[n - 1].line.text):
            rows.append(n - 1)
        # (the labels and the borders are structure; the dates are the fields)
        state.structure.extend((items[r].line.start, items[r].line.end) for r in rows)
        return {*rows, value_row}
    return set()


def _last_key(meta: dict[str, TextSpan], base: str) -> str:
    """The key :func:`_free_key` gave last for ``base`` (``base``, ``base_2``, ...)."""
    n = 2
    while f"{base}_{n}" in meta:
        n += 1
    return base if n == 2 else f"{base}_{n - 1}"


def _free_key(meta: dict[str, TextSpan], base: str) -> str:
    """``base``, or ``base_2``, ``base_3``... when it is taken."""
    if base not in meta:
        return base
    n = 2
    while f"{base}_{n}" in meta:
        n += 1
    return f"{base}_{n}"


def _keep_front_matter_notes(raw: str, lines: list[_Line], state: _State) -> None:
    """Front-matter lines that are no title, byline or field (a note such as «هذا البحث مستل من
    رسالة ماجستير») become paragraphs before the first section, so no text of the file is lost.
    Lines of one block make one paragraph, closed: the body's first lines do not run into it.

    A thesis's dedication and acknowledgements pages (إهداء, شكر وتقدير) come before its abstract:
    the heading that opens such a block is a section's heading and the text under it that
    section's paragraph.
    """
    unit: _Unit | None = None
    previous: _Line | None = None
    opened = False  # whether a front page's heading opened a section
    for line in lines:
        # (a line of a bilingual box's second column lies before the first column's last line:
        # no gap, and no block with it)
        gap = raw[previous.end : line.start] if previous is not None and previous.end <= line.start else None
        same_block = gap is not None and not gap.strip() and len(_LINE_BREAK.findall(gap)) <= 1
        info = None if same_block else _front_page_heading(line.text, state.settings)
        if info is not None:
            _open_section(state, info, [line])
            opened = True
            unit = None
        elif unit is not None and same_block:
            unit.blocks[-1].append((line.start, line.end))
        else:
            unit = _Unit("paragraph", [[(line.start, line.end)]], _current_section(state), closed=True)
            state.units.append(unit)
        previous = line
    if opened:
        # The front pages' sections end where the front matter does: the body's text before its
        # first heading lies in no section, as it would without them.
        state.section_stack = []
        state.style_stack = []


def _front_page_heading(text: str, settings: ReaderSettings) -> HeadingInfo | None:
    """The heading of a thesis's front page («إهداء», «شكر وتقدير») alone on its line, or None."""
    info = classify_heading(text)
    if info is None or info.style != "named" or info.key not in FRONT_PAGE_HEADINGS:
        return None
    return info if len(text.split()) <= settings.max_heading_words else None


_LINE_BREAK = re.compile(r"\r\n|[\n\r]")
_PREPARED_BY = frozenset(match_key(w) for w in _BYLINE_LABELS)
#: Least similarity (difflib ratio of match keys) of a damaged label or title to the expected one.
_LABEL_SIMILARITY = 0.8
_TITLE_SIMILARITY = 0.6


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _close(key: str, label: str) -> bool:
    """Whether a one-word line's key is the label with an OCR slip (a letter doubled, lost or swapped)."""
    return key != label and abs(len(key) - len(label)) <= 1 and _similarity(key, label) >= _LABEL_SIMILARITY


def _script(text: str) -> str:
    ar = len(_ARABIC.findall(text))
    la = len(_LATIN.findall(text))
    return "ar" if ar >= la else "en"


# -- abstracts and keywords -------------------------------------------------


def _read_abstract(
    article: Article, state: _State, blocks: list[_Block], index: int, lang: str, labelled: bool = True
) -> int:
    """Read one abstract starting at block ``index``; return the index of the block after it.

    ``labelled``: the block opens with the abstract's label (``الملخص``, ``Abstract:``); else it
    is the abstract's first line (see :func:`_unlabelled_abstract`).
    """
    raw = article.raw
    others = [other for other in _ABSTRACT_LABELS if other != lang]
    first = blocks[index].lines[0]
    heading_end = _abstract_heading_end(first.text, lang) if labelled else 0
    assert heading_end is not None  # the block was found by this test
    if heading_end:
        state.structure.append((first.start, first.start + heading_end))
    pieces: list[list[_Line]] = []
    rest = first.text[heading_end:]
    if rest:
        pieces.append([_Line(first.start + heading_end, first.end, rest), *blocks[index].lines[1:]])
    elif len(blocks[index].lines) > 1:
        pieces.append(blocks[index].lines[1:])
    end = index + 1
    keywords_lines: list[_Line] = []
    # Whether the other language's abstract began already (its label above this one's): then a
    # block in its script inside this abstract is a line of it (a bilingual box pdftotext gave
    # line by line), not the opening of its part.
    other_read = any(p.kind == "abstract" and p.lang != lang for p in article.passages) or any(
        _abstract_heading_end(block.lines[0].text, other) is not None for block in blocks[:index] for other in others
    )
    j = index
    while j + 1 < len(blocks):
        j += 1
        block = blocks[j]
        head = block.lines[0].text
        open_sentence = bool(pieces) and not _ends_sentence(pieces[-1][-1].text)
        notes_end = _page_foot_notes_end(blocks, j, state) if open_sentence else None
        if notes_end is not None:
            # An abstract cut mid-sentence by the page's foot: the notes under the rule (the
            # authors' affiliations, «(1) كلية ...») are front matter, and the abstract goes on
            # after the next page's head (its page number and running head are set aside already).
            for note in blocks[j:notes_end]:
                # (a page number printed under the notes, «ص 101», is the page's furniture)
                numbers = [ln for ln in note.lines if _page_number(ln.text) is not None]
                state.structure.extend((ln.start, ln.end) for ln in numbers)
                kept = [ln for ln in note.lines if _page_number(ln.text) is None]
                if kept:
                    state.abstract_notes.append(_Block(kept) if numbers else note)
            end = notes_end
            j = notes_end - 1
            continue
        if _keywords_label_end(head, lang) is not None:
            keywords_lines = block.lines  # the label's line and the lines the list runs on to
            end = j + 1
            break
        other_keywords = next(
            (o for o in ("ar", "en") if o != lang and _keywords_label_end(head, o) is not None), None
        )
        if pieces and other_keywords is not None and not getattr(article, f"keywords_{other_keywords}"):
            # The other abstract's keywords set after this abstract, both lists together under the
            # abstracts («Abstract ...» / «الكلمات المفتاحية: ...» / «Keywords: ...»): that language's
            # list, not a paragraph of this abstract.
            _read_keywords(article, state, block.lines, other_keywords)
            end = j + 1
            continue
        # A heading ends the abstract, but not before any of its text: a block right under the
        # abstract's heading is its text even when its first line looks like a heading.
        # (and so does the note of a starred name, «* المؤلف المرسل.», set under the abstract)
        if (
            any(
                _ABSTRACT_LABELS[other].match(head) or _abstract_heading_end(head, other) is not None
                for other in others
            )
            or (pieces and _is_body_heading(head, state.settings))
            or (pieces and _is_star_note(block, lang))
            # (a Persian abstract ends where the Persian letters do: Arabic text after it is the body)
            or (lang == "fa" and not _PERSIAN_LETTERS.search(" ".join(line.text for line in block.lines)))
            or (pieces and not other_read and _other_script(block, lang) and _other_box_follows(blocks, j, lang))
        ):
            end = j
            break
        pieces.append(block.lines)
        end = j + 1
    if not keywords_lines and index > 0 and _keywords_label_end(blocks[index - 1].lines[0].text, lang) is not None:
        # The keywords set above the abstract's label (the ASJP box: «الكلمات المفتاحية:» and one
        # keyword a line, then «الملخص:»): the abstract's keywords, not front-matter text.
        keywords_lines = blocks[index - 1].lines
        state.keyword_blocks.add(index - 1)
    units = _abstract_units(raw, pieces, lang)
    for unit in units:
        state.units.append(unit)
    if keywords_lines:
        _read_keywords(article, state, keywords_lines, lang)
    return end


def _read_keywords(article: Article, state: _State, keywords_lines: list[_Line], lang: str) -> None:
    """Read a keywords list: its label's line and the lines it runs on to."""
    raw = article.raw
    first_kw = keywords_lines[0]
    label_end = first_kw.start + (_keywords_label_end(first_kw.text, lang) or 0)
    state.structure.append((first_kw.start, label_end))
    # (split line run by line run: in a bilingual box the other language's lines lie between)
    first_span = (label_end, keywords_lines[0].end)
    more = [(x.start, x.end) for x in keywords_lines[1:]]
    other = _other_keywords_cell(raw, label_end, first_kw.end, lang)
    if other is not None:
        # «الكلمات المفتاحية: ... | Keywords: ...»: the other language's list in the line's second
        # cell; a list wrapped onto the next lines has its two cells there too («الإعلام الرقمي |
        # digital media»), or a line of one language.
        cut, other_lang, other_start = other
        state.structure.append((cut, other_start))
        first_span = (label_end, cut)
        theirs = [(other_start, first_kw.end)]
        more = []
        for x in keywords_lines[1:]:
            cell = _CELL_BREAK.search(raw, x.start, x.end)
            if cell is not None:
                more.append((x.start, cell.start()))
                theirs.append((cell.end(), x.end))
            elif _script(x.text) == other_lang:
                theirs.append((x.start, x.end))
            else:
                more.append((x.start, x.end))
        _store_keywords(article, other_lang, [k for s, e in theirs for k in _split_keywords(raw, s, e)], raw)
    extents = _contiguous(raw, [first_span] + more)
    spans = [span for s, e in extents for span in _split_keywords(raw, s, e)]
    _store_keywords(article, lang, spans, raw)


def _store_keywords(article: Article, lang: str, spans: list[TextSpan], raw: str) -> None:
    if lang == "ar":
        article.keywords_ar = spans
    elif lang == "en":
        article.keywords_en = spans
    elif spans:  # (the article has no list field for a third language: the list as one field)
        article.metadata[f"keywords_{lang}"] = _span(raw, spans[0].start, spans[-1].end)


#: Two cells of one line: a bar, or a wide run of spaces.
_CELL_BREAK = re.compile(r"\s*\|\s*| {4,}")


def _other_keywords_cell(raw: str, start: int, end: int, lang: str) -> tuple[int, str, int] | None:
    """The other language's keywords in a second cell of the keywords line (``| Keywords: ...``):
    ``(where the first cell ends, that language, where its list starts)``, or None."""
    for m in _CELL_BREAK.finditer(raw, start, end):
        cell = raw[m.end() : end]
        for other in _ABSTRACT_LABELS:
            if other == lang:
                continue
            label = _KEYWORDS_LABELS[other].match(cell)
            if label is not None and label.group("sep"):
                return m.start(), other, m.end() + label.end()
    return None


#: Fewest words of an abstract found from its keywords line alone (a title, a byline, a
#: dedication or an epigraph is shorter).
_UNLABELLED_ABSTRACT_MIN_WORDS = 40
#: The opening of a licence, funding or thanks statement («هذا البحث ممول من ...», "This research was
#: funded by ...", "This article is licensed under ..."), never an abstract's first words.
_LICENCE = re.compile(
    r"(?:this|the)\s+(?:research|work|study|article|paper|project)\s+(?:was|is|has\s+been)\s+"
    r"(?:funded|supported|financed|licensed|published\s+under)\b|funding\s*:|acknowledg|"
    r"creative\s+commons|licensed\s+under"
    + "|"
    + _tolerant(
        "تم تمويل", "هذا البحث ممول", "مول هذا البحث", "حظي هذا البحث بدعم", "هذا العمل مرخص", "مرخص بموجب",
        "المشاع الإبداعي",
    ),
    re.IGNORECASE,
)


def _unlabelled_abstract(blocks: list[_Block], lang: str, first_heading: int | None) -> tuple[int, int] | None:
    """Where an abstract with no label begins: ``(block, line)``, or None.

    Some journals print the abstract with no label at all, between the byline and the keywords
    line («الكلمات المفتاحية: ...», "Keywords: ..."). The keywords line of the language, before the
    body's first heading, is the anchor: the abstract is the text right above it, back to the last
    line of the front matter (a byline, an affiliation, an e-mail address, a link, a date, a
    citation, licence or funding statement), a line in the other script, or a paragraph that is
    no abstract paragraph: one that ends no sentence (a title) or is shorter than
    ``_ABSTRACT_PARAGRAPH_MIN_WORDS`` (a dedication, an epigraph, a conference note). Paragraphs
    are blocks, a block that opens in lower case or with a stray full stop going on with the one
    above. Nothing is found when the text found is too short to be an abstract or ends no sentence.
    """
    limit = len(blocks) if first_heading is None else first_heading
    keywords = next((k for k in range(limit) if _keywords_label_end(blocks[k].lines[0].text, lang) is not None), None)
    if not keywords:
        return None
    # Paragraphs: runs of blocks, a block that opens in lower case or with a lone stop going on
    # with the one above («... framework of» / «international relations, ...»).
    paragraphs: list[list[tuple[int, int, _Line]]] = []
    for b in range(keywords):
        lines = [(b, n, line) for n, line in enumerate(blocks[b].lines)]
        head = lines[0][2].text.lstrip()
        if paragraphs and (head[:1].islower() or head[:1] == "."):
            paragraphs[-1].extend(lines)
        else:
            paragraphs.append(lines)
    found: list[tuple[int, int, _Line]] = []
    for paragraph in reversed(paragraphs):
        kept: list[tuple[int, int, _Line]] = []
        stopped = False
        for item in reversed(paragraph):
            if _front_line_above_abstract(item[2].text, lang):
                stopped = True
                break
            kept.append(item)
        kept.reverse()
        if found and not _abstract_paragraph(kept):
            break  # a paragraph above the abstract that is no part of it
        found = kept + found
        if stopped or not kept:
            break
    if not found:
        return None
    words = sum(len(line.text.split()) for _, _, line in found)
    if words < _UNLABELLED_ABSTRACT_MIN_WORDS or not _ends_sentence(found[-1][2].text):
        return None
    return found[0][0], found[0][1]


#: Fewest words of each paragraph of an abstract found from its keywords line, but the last.
_ABSTRACT_PARAGRAPH_MIN_WORDS = 25


def _abstract_paragraph(lines: list[tuple[int, int, _Line]]) -> bool:
    """Whether lines read as a paragraph of an abstract: long enough, ending a sentence."""
    words = sum(len(line.text.split()) for _, _, line in lines)
    return words >= _ABSTRACT_PARAGRAPH_MIN_WORDS and _ends_sentence(lines[-1][2].text)


def _front_line_above_abstract(text: str, lang: str) -> bool:
    """Whether a line above an unlabelled abstract is front matter, which bounds it."""
    return bool(
        _script(text) != lang
        or _is_author(text)
        or _is_affiliation(text)
        or _EMAIL.search(text)
        or _URL.search(text)
        or _has_date_field(text)
        or _CITATION_LABEL.match(text)
        or _COPYRIGHT.match(text)
        or _LICENCE.match(text)
        or _opens_abstract_or_keywords(text)
        or classify_heading(text) is not None
    )


def _page_foot_notes_end(blocks: list[_Block], j: int, state: _State) -> int | None:
    """When block ``j`` opens a page's notes under a rule (``(1) ...``, ``1- ...``, ``* ...``) and a
    page ends after them: the index of the first block after the notes, else None."""
    if not state.page_breaks or not _under_rule(blocks[j].lines[0], state):
        return None
    k = j
    while k < len(blocks) and (
        _FOOTNOTE_LINE.match(blocks[k].lines[0].text) or _PAGE_BOTTOM_NOTE.match(blocks[k].lines[0].text)
    ):
        k += 1
    if k == j or k >= len(blocks):
        return None
    # (a page break, not the abstract's end: the next block starts on the next page)
    p = bisect.bisect_left(state.page_breaks, blocks[k - 1].lines[-1].end)
    if p >= len(state.page_breaks) or state.page_breaks[p] > blocks[k].lines[0].start:
        return None
    return k


def _other_script(block: _Block, lang: str) -> bool:
    """Whether a block is written in the other script than an Arabic or English abstract's (the
    English title of an ASJP box right under the Arabic abstract): it ends the abstract, whose
    passage must hold its own language only (the aligner reads every sentence of it as that
    language). A Latin name or term inside Arabic lines does not count: the block's letters must
    be mostly of the other script."""
    if lang not in ("ar", "en"):
        return False  # (a French abstract shares the English one's script)

    def other(text: str) -> bool:
        ar, la = len(_ARABIC.findall(text)), len(_LATIN.findall(text))
        return la > 2 * ar if lang == "ar" else ar > 2 * la

    # Its first line too: a page's running head in the abstract's script over the other part's
    # title is a page break inside the abstract, not the other part's opening.
    return other(block.lines[0].text) and other(" ".join(line.text for line in block.lines))


#: How many blocks after a block in the other script :func:`_other_box_follows` looks at.
_OTHER_BOX_MAX_BLOCKS = 12


def _other_box_follows(blocks: list[_Block], j: int, lang: str) -> bool:
    """Whether the block in the other script at ``j`` opens the other language's part (its title
    over its box): an abstract or keywords label of that language comes after it, before any of
    the abstract's own language and before any more text in the abstract's script. A running head
    or a stray line between an abstract and its own keywords (``Keywords:`` after an Arabic page
    head) does not end the abstract, nor does a label line itself, nor a quotation in the other
    language inside the abstract (the abstract's text goes on after it), nor a line of the other
    column of a bilingual box that pdftotext gave line by line."""
    if _opens_abstract_or_keywords(blocks[j].lines[0].text):
        return False
    own_script = "en" if lang == "ar" else "ar"  # a block "in the other script" than this one's is in lang's
    for block in blocks[j + 1 : j + 1 + _OTHER_BOX_MAX_BLOCKS]:
        head = block.lines[0].text
        if _abstract_heading_end(head, lang) is not None or _keywords_label_end(head, lang) is not None:
            return False
        if _opens_abstract_or_keywords(head):
            return True
        if _other_script(block, own_script):
            return False
    return False


#: Most words of a starred note in the abstract's own language (a bullet of the abstract is longer).
_STAR_NOTE_MAX_WORDS = 12


def _is_star_note(block: _Block, lang: str) -> bool:
    """Whether a block under an abstract is the note of a starred name («* المؤلف المرسل.»), not
    a bullet of the abstract: it opens with ``*`` or ``†`` and is short, or in the other language,
    or gives an e-mail address."""
    text = block.text
    if text[0] not in "*†" or len(text.split()) > _AFFILIATION_MAX_WORDS:
        return False
    return len(text.split()) <= _STAR_NOTE_MAX_WORDS or _script(text) != lang or bool(_EMAIL.search(text))


def _is_body_heading(text: str, settings: ReaderSettings) -> bool:
    info = classify_heading(text)
    if info is None or len(text.split()) > settings.max_heading_words or _reads_as_sentence(text):
        return False
    if info.style == "num-dot":
        # "2.1 ..." or "1. ..." may be a line of the abstract; "1. المقدمة" is the body's first heading.
        named = classify_heading(info.title) if info.depth == 1 else None
        return named is not None and named.style == "named"
    return True


def _abstract_units(raw: str, pieces: list[list[_Line]], lang: str) -> list[_Unit]:
    """Paragraphs of an abstract, healing stray line breaks and lone dots."""
    units: list[_Unit] = []
    for lines in pieces:
        spans = []
        for line in lines:
            s, e = line.start, line.end
            # Lone "." lines and ". ." tails are conversion debris, not text.
            while s < e and raw[s] in ". ":
                s += 1
            core = raw[s:e].rstrip(" .")
            if len(core) < e - s and raw[s + len(core)] == ".":
                e = s + len(core) + 1  # keep the full stop, drop the dots and spaces after it
            if s < e:
                spans.append((s, e))
        if not spans:
            continue
        starts_mid_sentence = raw[lines[0].start] == "." or (units and not units[-1].closed)
        # (a page break runs forwards only: a column read after the other lies before it)
        starts_mid_sentence = starts_mid_sentence and not (units and units[-1].blocks[-1][-1][1] > spans[0][0])
        if units and starts_mid_sentence:
            units[-1].blocks.append(spans)
        else:
            units.append(_Unit("abstract", [spans], None))
        units[-1].closed = _ends_sentence(raw[spans[-1][0] : spans[-1][1]])
    for unit in units:
        unit.number = lang
    return units


def _split_keywords(raw: str, start: int, end: int) -> list[TextSpan]:
    """The keywords of ``raw[start:end]``, split at commas and semicolons or, in a list that has
    none, at dashes and slashes between spaces (``الأمم المتحدة – الوساطة``, ``mediation / UN``); a
    keyword wrapped onto the next line is one keyword (its text is the raw slice, line break included).
    A list numbered 1, 2, 3 ... (one item a line, or run in) is split at its numbers, which are left out."""
    text = raw[start:end]
    numbers = list(_KEYWORD_NUMBER.finditer(text))
    if len(numbers) >= 2 and [int(m.group("n")) for m in numbers] == list(range(1, len(numbers) + 1)):
        # A numbered list (items on their own lines or run in): the numbers separate the keywords,
        # and are no part of them.
        separators: re.Pattern[str] = _KEYWORD_NUMBER
    elif len(_KEYWORD_BULLET.findall(text)) >= 2:
        # One keyword a line, each after a bullet (the ASJP box's check mark, U+F0FC in pdftotext):
        # the bullets separate the keywords, and are no part of them.
        separators = _KEYWORD_BULLET
    elif _KEYWORD_SEPARATORS.search(text):
        separators = _KEYWORD_SEPARATORS
    else:
        separators = _KEYWORD_DASHES
    out = []
    pos = start
    for m in [*separators.finditer(text), None]:
        cut = start + m.start() if m is not None else end
        s, e = pos, cut
        pos = start + m.end() if m is not None else end
        # (a numbered list may also have commas between its items: «1. الأمن، 2. العراق»)
        trim = _KEYWORD_TRIM + "،,؛;" if separators in (_KEYWORD_NUMBER, _KEYWORD_BULLET) else _KEYWORD_TRIM
        while s < e and raw[s] in trim:
            s += 1
        while e > s and raw[e - 1] in trim:
            e -= 1
        if s < e:
            out.append(_span(raw, s, e))
    return out


# -- table of contents and inline headings ----------------------------------


#: Fewest words of a block ending a sentence that tells a plan in prose rather than list contents.
_TOC_PROSE_MIN_WORDS = 8


def _plan_in_prose(lines: list[_Line]) -> bool:
    """Whether lines under a table of contents' heading tell the plan in prose («قُسِّم البحث على مبحثين
    ... تناول المبحث الأول ...»): eight words or more ending a sentence, fewer than half of the lines
    opening as a heading does or ending with a page's number (a contents' entries, «المبحث الأول: ... . 4»)."""
    text = " ".join(line.text for line in lines)
    entries = sum(
        1
        for line in lines
        if classify_heading(line.text) is not None or _TOC_PAGE_END.search(line.text)
    )
    return (
        len(text.split()) >= _TOC_PROSE_MIN_WORDS
        and lines[-1].text.rstrip().endswith((".", "!", "?", "؟", "…"))
        # (most lines, not one: a wrapped line of the plan may open with «المبحث الأول ...» or end with «12»)
        and 2 * entries < len(lines)
    )


#: A contents' entry's page number after a stop, leaders or a wide space («... . 4», «...... 12»; not a
#: count in the plan's prose, «تضمنت 12»).
_TOC_PAGE_END = re.compile(r"(?:[.…][ \t]*|[ \t]{2,})[0-9\u0660-\u0669]{1,3}\s*$")


def _mark_toc(body: list[_Block], state: _State) -> list[HeadingInfo]:
    """Find the table of contents; mark its blocks as structure and return its entries."""
    entries: list[HeadingInfo] = []
    in_toc = False
    seen: set[tuple[str, str]] = set()
    for block in body:
        head = block.lines[0]
        info = classify_heading(head.text)
        toc_lines = block.lines
        if not in_toc:
            if info and info.style == "named" and info.key in TOC_HEADINGS:
                head.heading = info
                toc_lines = block.lines[1:]
                if toc_lines and _plan_in_prose(toc_lines):
                    continue  # «هيكلية البحث:» over the plan told in prose: a heading and its paragraph
                in_toc = True
            else:
                continue
        elif (
            len(block.text.split()) > 20
            or (info is not None and info.identity in seen and info.style != "ordinal")
            # (a sentence under «هيكلية البحث:», «قُسِّم البحث على مبحثين ... تناول المبحث الأول ...»:
            # the plan told in prose, not a list of contents)
            or _plan_in_prose(block.lines)
            # (a heading and its paragraph after the contents, «تمهيد» over its text)
            or (len(block.lines) > 1 and info is not None and _plan_in_prose(block.lines[1:]))
        ):
            break
        for line in toc_lines:
            line_info = classify_heading(line.text)
            line.heading = HeadingInfo("toc", "", line.text)
            state.structure.append((line.start, line.end))
            if line_info:
                entries.append(line_info)
                seen.add(line_info.identity)
    return entries


def _split_inline_headings(body: list[_Block], toc: list[HeadingInfo], state: _State) -> list[_Block]:
    """Split blocks where a heading runs into the text around it.

    PDF conversion sometimes glues a heading to its first sentence
    ("أولاً الدبلوماسية ... الدولية نظراً لأن ...") or to the end of the
    previous paragraph ("... عبر الشبكة. ثانياً : امثلة ..."). The table of
    contents, when there is one, says where such a heading ends.
    """
    raw = state.raw
    out: list[_Block] = []
    for block in body:
        if block.lines[0].heading is not None:
            out.append(block)
            continue
        current: list[_Line] = []
        for line in block.lines:
            cut = _inline_heading(raw, line, toc, state.settings)
            if cut is None:
                current.append(line)
                continue
            h_start, h_end = cut
            if h_start > line.start:
                before = raw[line.start : h_start].rstrip()
                current.append(_Line(line.start, line.start + len(before), before))
            if current:
                out.append(_Block(current))
            heading_line = _Line(h_start, h_end, raw[h_start:h_end], forced_heading=True)
            out.append(_Block([heading_line]))
            after_start = h_end
            while after_start < line.end and raw[after_start].isspace():
                after_start += 1
            current = [_Line(after_start, line.end, raw[after_start : line.end])] if after_start < line.end else []
        if current:
            out.append(_Block(current))
    return out


def _inline_heading(raw: str, line: _Line, toc: list[HeadingInfo], settings: ReaderSettings) -> tuple[int, int] | None:
    words = [(m.start() + line.start, m.end() + line.start, m.group()) for m in re.finditer(r"\S+", line.text)]
    if len(words) <= settings.max_heading_words:
        return None
    for i, (w_start, _, word) in enumerate(words):
        number = ordinal_word_index(word)
        if number is None:
            continue
        if i > 0 and not words[i - 1][2].rstrip(_CLOSERS).endswith((".", "…", "!", "?", "؟")):
            continue
        j = i + 1
        if j < len(words) and words[j][2] in (":", "："):
            j += 1
        titles = [e.title for e in toc if e.style == "ordinal" and e.key == str(number) and e.title]
        k = _match_title(words, j, titles)
        if k is None and i > 0:
            continue  # mid-line headings are only trusted when the contents list names them
        if k is None:
            k = j
        while k < len(words) and (
            is_definite(words[k][2])
            or (match_key(words[k][2]) in _PREPOSITION_KEYS and k + 1 < len(words) and is_definite(words[k + 1][2]))
        ):
            k += 1
        if k == j:
            continue
        end = words[k - 1][1]
        return w_start, end
    return None


def _match_title(words: list[tuple[int, int, str]], j: int, titles: list[str]) -> int | None:
    best = None
    for title in titles:
        t_words = [match_key(w).strip(":،,") for w in title.split()]
        got = [match_key(w[2]).strip(":،,") for w in words[j : j + len(t_words)]]
        if t_words and got == t_words:
            best = max(best or 0, j + len(t_words))
    return best


# -- body -------------------------------------------------------------------


@dataclass
class _BodyLine:
    line: _Line
    block: int
    first: bool


def _read_body(body: list[_Block], state: _State) -> None:
    items = [_BodyLine(line, bi, li == 0) for bi, block in enumerate(body) for li, line in enumerate(block.lines)]
    # Markers from the body on: the front matter's marks (an author's ¹ or دويكات1،) point to affiliations.
    cited = _cited_numbers(state.raw, items[0].line.start if items else 0)
    # (where the text first cites a translator's or editor's star note «(*)», «(**)», by its stars)
    starred: dict[str, int] = {}
    for m in _STAR_CITED.finditer(state.raw, items[0].line.start if items else 0):
        starred.setdefault(m.group("stars"), m.start())
    foot_notes = _page_foot_notes(items, state)
    # (where the captions set under a figure are: the figure's text lines above each one)
    figure_captions = [k for k, item in enumerate(items) if _FIGURE_CAPTION.match(item.line.text)]
    # (the abjad letters that open a line with a full stop: «أ. ...» heads a section only in a text
    # that has its «ب. ...» too)
    dotted_letters = {
        m.group("num") or m.group("latin") for item in items if (m := _DOTTED_LETTER.match(item.line.text))
    }
    in_references = False
    references_level = 1  # level of the heading of the references list being read
    current: _Unit | None = None
    footnote: _Unit | None = None  # the footnote whose lines are being read
    last_footnote: str | None = None  # the number of the last footnote read
    in_notes = False  # under «الهوامش», the article's endnotes
    last_heading = -2  # the index of the last heading line read
    i = 0
    while i < len(items):
        item = items[i]
        if item.first:
            current = None
        if item.line.heading is not None and item.line.heading.style == "toc":
            i += 1
            continue
        text = item.line.text
        if any(_abstract_heading_end(text, lang) == len(text) for lang in ("ar", "en")) and not (
            state.sections and (_is_named_heading(text) or "تنفيذ" in match_key(text))
        ):
            # A second abstract label (الملخص alone) among the body blocks: a label, not text (but
            # «خلاصة» past the body's first heading is its conclusion's heading).
            state.structure.append((item.line.start, item.line.end))
            current = None
            i += 1
            continue
        marker = None
        if (
            not in_references
            and _under_rule(item.line, state)
            and not (_FOOTNOTE_LINE.match(text) or _PAGE_BOTTOM_NOTE.match(text) or _PLAIN_FOOTNOTE_LINE.match(text))
        ):
            last_note = next((u for u in reversed(state.units) if u.kind == "footnote"), None)
            label = _CONTINUED_NOTE.match(text)
            if label is not None:
                # «تابع هامش (٣): ...»: the rest of a note of the page before, named by its number.
                number = int(label.group("n") or label.group("bracketed"))
                named = next(
                    (u for u in reversed(state.units) if u.kind == "footnote" and _note_number(u) == number), None
                )
                if named is not None and label.end() < len(text):
                    state.structure.append((item.line.start, item.line.start + label.end()))
                    named.blocks.append([(item.line.start + label.end(), item.line.end)])
                    named.closed = _footnote_closed(text)
                    i += 1
                    continue
            if last_note is not None and _note_carried_here(last_note, items, i, state):
                # The previous page's last note, cut mid-phrase («ينظر: د. عبد»), goes on under this
                # page's rule with no number of its own: the same note, not a paragraph of the body.
                last_note.blocks.append([(item.line.start, item.line.end)])
                last_note.closed = _footnote_closed(text)
                i += 1
                continue
        if not in_references and (
            footnote is None
            or item.first
            or _page_break_between(state, footnote.blocks[-1][-1][1], item.line.start)
        ):
            # (a table that the page's notes cut goes on under the next page's head)
            last_text = next((u for u in reversed(state.units) if u.kind != "footnote"), None)
            continued = (
                last_text is not None
                and last_text.kind == "table"
                and _page_break_between(state, last_text.blocks[-1][-1][1], item.line.start)
            )
            end = _column_table_end(items, i, state, continued)
            if end is not None:
                _add_table(items[i:end], state)
                current = None
                i = end
                continue
        if not in_references:
            # (a line after a colon in the text opens the list the colon introduces, «بما يأتي:» then
            # «١- ...», even where a page ends under it; among a page's notes a colon is a note's)
            after_colon = (
                state.raw[: item.line.start].rstrip().endswith(":")
                and footnote is None
                and not _under_rule(item.line, state)
            )
            # (nor does a page's foot open right under a heading: «التوصيات» then «١. ...» is its list,
            # unless the page above cites the number: a heading left at the page's foot, then a note)
            under_heading = last_heading == i - 1 and not _cited_on_page(text, item.line.start, state)
            bottom = not after_colon and not under_heading and (
                _at_page_bottom(item.line, state)
                or (current is not None and current.kind == "paragraph" and not current.closed)
            )
            last_item = next((u for u in reversed(state.units) if u.kind in ("list_item", "paragraph")), None)
            previous_number = footnote.number if footnote is not None else None
            plain = _PLAIN_FOOTNOTE_LINE.match(text) or _GLUED_FOOTNOTE_LINE.match(text)
            paren = _PAREN_NOTE.match(text) if plain is None and _at_page_bottom(item.line, state) else None
            if paren is not None and (
                _cited_on_page(text, item.line.start, state)
                or (last_footnote or "").isdigit() and int(paren.group("n")) == int(last_footnote or 0) + 1
            ):
                plain = paren  # «1) ...» under a page's rule, cited above it or next in turn (no list under a rule)
            if previous_number is None and plain and _under_rule(item.line, state):
                # The first «N text» line under a rule opens the page's notes, whatever the text cites.
                previous_number = str(int(plain.group("n")) - 1)
            marker = _footnote_line(
                item.line,
                cited,
                previous_number,
                bottom,
                last_item.number if last_item is not None and last_item.kind == "list_item" else None,
                below_rule=_below_page_rule(item.line, state),
            )
            if marker is not None and _inside_quotation(state, item.line.start):
                marker = None  # a numbered clause of a quoted text («المادة 79: ... 1 - يعد ...»)
            star = _STAR_NOTE_LINE.match(text) if marker is None else None
            if (
                star is not None
                and (bottom or previous_number is not None or _under_rule(item.line, state))
                and starred.get(star.group("stars"), item.line.start) < item.line.start
            ):
                # «(*) ... (المترجم)»: a translator's or editor's note among the page's numbered
                # ones, its stars cited in the text above («المستوردة(*).»).
                marker = (star.group("stars"), star.end())
            if marker is None and (bottom or _below_page_rule(item.line, state)):
                marker = _superscript_letter_note(item.line, state)
        elif _under_rule(item.line, state) or (
            footnote is not None
            and footnote.under_rule
            and not _page_break_between(state, footnote.blocks[-1][-1][1], item.line.start)
        ):
            # A page's notes under a rule line inside the references list («____» then «7- ...»):
            # notes whose numbers the text cites, and the lines they wrap onto, up to the page's end.
            marker = _footnote_line(
                item.line, cited, footnote.number if footnote is not None else None, True, below_rule=True
            )
            if marker is None and footnote is not None:
                footnote.blocks[-1].append((item.line.start, item.line.end))
                i += 1
                continue
        elif last_footnote is not None and _FOOTNOTE_LINE.match(text):
            # A page bottom inside the references list: only the footnote that comes next (6 after 5),
            # cited in the text, is one; an entry numbered (6) of a list numbered so is not.
            marker = _footnote_line(item.line, cited)
            if marker is not None and not (last_footnote.isdigit() and marker[0] == str(int(last_footnote) + 1)):
                marker = None
        if marker is None and (markdown := _MARKDOWN_NOTE_LINE.match(text)) is not None:
            marker = (str(int(markdown.group("k"))), markdown.end())  # «[^3]: ...»: Markdown's note, wherever it stands
        if marker is None and item.line.start in foot_notes:
            marker = foot_notes[item.line.start]
            if marker[0] == _CARRIED_NOTE:
                last_note = next((u for u in reversed(state.units) if u.kind == "footnote"), None)
                if last_note is not None:
                    # (the page's text above goes on after the notes, as at any page break)
                    last_note.blocks.append([(item.line.start, item.line.end)])
                    i += 1
                    continue
                marker = None
        previous_note = footnote
        if marker is not None:
            # A footnote that PDF text puts where the page ends: a passage of its own, and the
            # paragraph it interrupts goes on after it (joined as at a page break).
            footnote = _Unit(
                "footnote", [[(item.line.start + marker[1], item.line.end)]], _current_section(state), number=marker[0]
            )
            state.units.append(footnote)
            footnote.closed = _footnote_closed(item.line.text)
            footnote.under_rule = in_references and (
                _under_rule(item.line, state)
                or (previous_note is not None and previous_note.under_rule)
                # (Markdown's notes after the references: their indented lines go on with them)
                or _MARKDOWN_NOTE_LINE.match(item.line.text) is not None
            )
            last_footnote = marker[0]
            current = None
            i += 1
            continue
        if (
            footnote is not None
            and _MARKDOWN_NOTE_LINE.match(_raw_line(state.raw, footnote.blocks[0][0][0]))
            and _raw_line(state.raw, item.line.start)[:1] in (" ", "\t")
            and _adjacent(state.raw, _Line(footnote.blocks[-1][-1][1], footnote.blocks[-1][-1][1], ""), item.line)
        ):
            # «[^2]: Mehran Kamrava, ...» / «    2013), pp. 88-112.»: Markdown's note goes on on its
            # indented lines, wherever it stands
            footnote.blocks[-1].append((item.line.start, item.line.end))
            i += 1
            continue
        if not in_references:
            if (
                footnote is not None
                and not item.first
                and not footnote.closed
                and current is None
                and classify_heading(text) is None
                and not _page_break_between(state, footnote.blocks[-1][-1][1], item.line.start)
            ):
                footnote.blocks[-1].append((item.line.start, item.line.end))  # the footnote wraps
                footnote.closed = _footnote_closed(item.line.text)
                i += 1
                continue
            if footnote is not None and current is None and not item.first:
                # The text after a footnote that interrupted it: the paragraph the footnote cut goes on.
                item = _BodyLine(item.line, item.block, True)
            footnote = None
        if not in_references:
            end = _table_end(items, i)
            if end is None and figure_captions:
                end = _figure_end(items, i, figure_captions)
            if end is not None:
                # A table with its caption (and source line): one passage of its own, not a
                # paragraph per row to repair, tag and classify.
                _add_table(items[i:end], state)
                current = None
                i = end
                continue
        info = _line_heading(items, i, state.settings, in_references, dotted_letters)
        if (
            info is not None
            and info.key in STATEMENT_HEADINGS
            and i
            and items[i - 1].block == item.block
            and _GOES_ON_END.search(items[i - 1].line.text)
        ):
            info = None  # «... Investment and» / «Funding» / «for Arab States»: a wrapped line, no heading
        if info is not None and not in_references and _numbered_text_goes_on(items, i, info, state):
            info = None
        if info is not None and not in_references and _next_list_item(info, state, item.line):
            info = None  # «1. إنشاء آلية ...» / «الدول العربية، ...» / «2. دعم ...»: the list's next item
        ordinal = info if info is not None else classify_heading(text)
        if (
            ordinal is not None
            and ordinal.style == "ordinal"
            and not in_references
            and _ordinal_list_item(items, i, ordinal, state)
        ):
            state.ordinal_items[item.line.start] = ordinal.key
            info = None
        if (
            info is None
            and not in_references
            and state.settings.unnumbered_headings
            and (
                _set_off_heading(items, i, state.raw, under_heading=last_heading == i - 1)
                or _short_heading_line(items, i, state)
                or _heading_between_paragraph_lines(items, i, state, after_heading=last_heading == i - 1)
            )
        ):
            info = HeadingInfo("named", match_key(text), "")
        if info is not None:
            last_heading = i
            heading_lines = [item.line]
            if _needs_title(info) and i + 1 < len(items) and _is_title_continuation(items[i + 1], state.settings):
                heading_lines.append(items[i + 1].line)
                i += 1
                # (the heading's title line: a numbered heading right under it, «الفرع الأول: ...» under
                # «المطلب الأول» / «مفهوم ...», is no wrapped line of running text)
                items[i].line.heading_title = True
            appendices = next((s for s in reversed(state.section_stack) if s.level == 1), None)
            # «6. قائمة المراجع:», «5. الإحالات:»: a numbered heading whose title is a known
            # name opens what the name alone would (the ASJP template numbers them).
            name = info
            if info.style in NUMBERED_STYLES and info.title:
                name = classify_heading(info.title) or info
                name = name if name.style == "named" else info
            # (under the endnotes, «6. قائمة المراجع:» is the references list, not a part of the notes)
            new_list = in_notes and name is not info and reference_heading_kind(name.key) == "list"
            if in_references and is_reference_part(info) and not new_list:
                # أولاً: المراجع العربية under المراجع heads a part of the list, one level down;
                # the entries under it are still references.
                _open_section(state, info, heading_lines, level=references_level + 1)
            elif (
                info.style == "appendix"
                and appendices is not None
                and (named := classify_heading(appendices.heading)) is not None
                and is_appendices_heading(named)
            ):
                # «الملحق رقم (1): ...» under «الملاحق»: one appendix, a level below
                _open_section(state, info, heading_lines, level=2)
            else:
                _open_section(state, info, heading_lines)
                in_references = is_reference_heading(name)
                # «الهوامش» at the end: the article's notes (endnotes), read as footnotes where the
                # text cites their numbers; an entry whose number nothing cites is a reference.
                in_notes = name.style == "named" and name.key in _NOTES_KEYS
                footnote = None
                references_level = state.sections[-1].level
            current = None
            i += 1
            continue
        if in_notes:
            note = _endnote_start(
                item.line,
                cited,
                footnote.number if footnote is not None else None,
                first=footnote is None,
                after_closed=footnote is not None and footnote.closed,
                wants_number=footnote is not None and _note_wants_number(state, footnote, items, i),
                after_letter=footnote is not None and footnote.lettered,
            )
            if note is not None:
                footnote = _Unit("footnote", [[(item.line.start + note[1], item.line.end)]], None, number=note[0])
                footnote.lettered = bool(_LETTER_NOTE_LINE.match(item.line.text))
                footnote.section_id = _current_section(state)
                footnote.closed = _footnote_closed(item.line.text)
                state.units.append(footnote)
                i += 1
                continue
            last_end = footnote.blocks[-1][-1][1] if footnote is not None else 0
            if (
                footnote is not None
                and footnote.closed
                and _BLANK_LINE.search(state.raw, last_end, item.line.start)
                and not state.raw[last_end : item.line.start].count("\f")
            ):
                # A blank line after a finished note, and no note number: the notes are over.
                in_notes = False
                footnote = None
            elif footnote is not None and footnote.kind == "footnote":
                footnote.blocks[-1].append((item.line.start, item.line.end))  # the note goes on
                footnote.closed = _footnote_closed(item.line.text)
                i += 1
                continue
        if in_references:
            _read_reference_line(item, state)
        else:
            end = _quotation_end(items, i) if current is not None and current.kind == "paragraph" else None
            if end is not None:
                # A quotation set on lines of its own: a passage between the paragraph that
                # introduces it and the one that goes on after it.
                lines = [(x.line.start, x.line.end) for x in items[i:end]]
                state.units.append(_Unit("paragraph", [lines], _current_section(state), closed=True))
                current = None
                i = end
                continue
            current = _read_text_line(item, current, state)
        i += 1


#: Most lines of a quotation set on lines of its own.
_QUOTATION_MAX_LINES = 8
#: What may follow the closing mark on a quotation's last line: a full stop, a note marker
#: (``(3)``, ``³``, ``⁽٣⁾``) and, after a verse, its sura and number («﴾ [الأنفال: ٦١]»).
_QUOTATION_TAIL = re.compile(
    rf"\s*[.،,]?\s*(?:(?:[(\[]?\d{{1,3}}[)\]]|⁽[{_SUPERSCRIPT_DIGITS}0-9\u0660-\u0669]{{1,3}}⁾"
    rf"|[{_SUPERSCRIPT_DIGITS}]+"
    rf"|[(\[][^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?\s*[:：]\s*\d{{1,3}}(?:\s*[-–]\s*\d{{1,3}})?[)\]])"
    rf"\s*){{0,2}}[.]?$"
)
#: The marks a quotation set on lines of its own opens and closes with: guillemets, or the
#: ornate parentheses of a Qur'anic verse.
_QUOTATION_MARKS = {"«": "»", "﴿": "﴾"}


def _quotation_end(items: list[_BodyLine], i: int) -> int | None:
    """Where a quotation that opens at ``items[i]`` ends (the index after its last line), or None.

    A line that opens with « (or a verse's ﴿), under a line that introduces it with a colon («...
    بما يلي:», «قوله تعالى:»), opens a quotation when it closes (its matching » or ﴾) at the end
    of a line at most ``_QUOTATION_MAX_LINES`` lines on, a stop, a note marker or a verse's sura
    and number at most after it: the quoted text (a treaty's article, a passage of a book, a
    verse) fills its lines from start to end. A quotation that closes in the middle of a line goes
    on as part of its paragraph; straight quotes ("...") open run-in quotations as
    often as set-off ones, and are left to the paragraph rules.
    """
    text = items[i].line.text
    if i == 0 or text[:1] not in _QUOTATION_MARKS:
        return None
    if not items[i - 1].line.text.rstrip(_CLOSERS + _SUPERSCRIPT_DIGITS).endswith(":"):
        return None
    opener = text[0]
    closer = _QUOTATION_MARKS[opener]
    depth = 0
    for j in range(i, min(len(items), i + _QUOTATION_MAX_LINES)):
        line = items[j].line.text
        if j > i and classify_heading(line) is not None:
            return None
        for k, ch in enumerate(line):
            depth += (ch == opener) - (ch == closer)
            if depth == 0:
                # The quotation closes here: a block if nothing but a stop or a marker follows.
                return j + 1 if _QUOTATION_TAIL.match(line, k + 1) else None
    return None


#: Fewest items of a numbered run, and least mean length (characters), for it to be a report's
#: numbered paragraphs rather than a list.
_NUMBERED_PARAGRAPHS_MIN_RUN = 4
_NUMBERED_PARAGRAPHS_MIN_CHARS = 200


def _numbered_paragraphs(state: _State) -> None:
    """UN and ESCWA reports number every paragraph («12 - ...»), on through their headings: a run
    of long numbered items whose numbering goes on across sections is paragraphs, not a list."""
    items = [u for u in state.units if u.kind == "list_item" and (u.number or "").isdigit()]
    items.sort(key=lambda u: u.blocks[0][0][0])
    runs: list[list[_Unit]] = []
    for unit in items:
        if runs and int(unit.number) == int(runs[-1][-1].number) + 1:
            runs[-1].append(unit)
        else:
            runs.append([unit])
    last = None  # the last number of the numbered paragraphs found so far
    for run in runs:
        sections = {u.section_id for u in run}
        size = sum(e - s for u in run for block in u.blocks for s, e in block) / len(run)
        # (a run that takes up the numbering again after a paragraph read otherwise: a table, two columns)
        resumes = last is not None and 0 < int(run[0].number) - last <= 3
        if size >= _NUMBERED_PARAGRAPHS_MIN_CHARS and (
            resumes or (len(run) >= _NUMBERED_PARAGRAPHS_MIN_RUN and len(sections) >= 2)
        ):
            last = int(run[-1].number)
            for unit in run:
                unit.kind = "paragraph"
                s, e = unit.blocks[0][0]
                line_start = state.raw.rfind("\n", 0, s) + 1
                while state.raw[line_start] in " \t\f":
                    line_start += 1
                unit.blocks[0][0] = (line_start, e)  # the paragraph's number is part of its text


#: The headings of the endnotes (match-key forms of «الهوامش» and its synonyms).
_NOTES_KEYS = frozenset(match_key(w) for w in ("الهوامش", "الحواشي", "الإحالات"))


def _note_wants_number(state: _State, note: _Unit, items: list[_BodyLine], i: int) -> bool:
    """Whether the numbered line ``i`` under «الهوامش» goes on with the note before it: that note's
    line ends with a word that numbers a volume or a page («الجزء» / «2. ...»), or with a colon that
    opens a list of its own, whose number comes back before the next note's («... كلها:» / «2. 2015» /
    ... / «2. العروي ...»)."""
    last = state.raw[slice(*note.blocks[-1][-1])].rstrip()
    if _WANTS_NUMBER.search(last):
        return True
    if not last.endswith((":", "：")):
        return False
    number = re.match(r"^[(\[]?(\d{1,3})", items[i].line.text)
    if number is None:
        return False
    again = re.compile(rf"^[(\[]?{number.group(1)}\s*[.\-–)\]]")
    following = re.compile(rf"^[(\[]?{int(number.group(1)) + 1}\s*[.\-–)\]]")
    for item in items[i + 1 :]:
        if _is_named_heading(item.line.text):
            return False  # (the notes are over: «المراجع» numbers its own entries)
        if again.match(item.line.text):
            return True
        if following.match(item.line.text):
            return False
    return False


def _endnote_start(
    line: _Line,
    cited: dict[int, int],
    previous: str | None = None,
    first: bool = False,
    after_closed: bool = False,
    wants_number: bool = False,
    after_letter: bool = False,
) -> tuple[str, int] | None:
    """``(number, where its text starts)`` when a line under «الهوامش» opens a note the text cites
    (``3 ...``, ``(3) ...``, ``3- ...``, ``3. ...``, ``³ ...``). A number set off by its brackets
    or its stop (``3.``, ``3-``, ``(3)``) opens a note uncited too (a marker set off after a
    sentence's end, «... أخرى". 1», is found only once the note is) when it is the first under the
    heading (``first``: note 1) or comes after a note that ended (``after_closed``); a bare
    number (``3 أوت 2017``) may be a wrapped line of the note before. Notes lettered in abjad order
    (``(أ) ...``, ``(ب) ...``) are numbered by the letters' order: «(أ)» as the first under the
    heading, unless it reads as a heading of the notes' parts (short, and no sentence or a colon at
    its end: «(أ) المراجع العربية:»), and each next letter after a lettered note (``after_letter``; a
    note numbered «(1)» may list «(أ)», «(ب)» inside). Else None."""
    letter = _LETTER_NOTE_LINE.match(line.text)
    if letter is not None:
        number = ABJAD_VALUES[letter.group("l")]
        text = line.text[letter.end() :]
        if first and number == 1:
            heading_like = len(text.split()) <= _FOOTNOTE_HEADING_MAX_WORDS and (
                text.rstrip().endswith((":", "：")) or not _ends_sentence(text)
            )
            return None if heading_like else (str(number), letter.end())
        if after_letter and _next_after(previous, str(number)):
            return str(number), letter.end()
        return None
    for pattern in (_FOOTNOTE_LINE, _PAGE_BOTTOM_NOTE, _PLAIN_FOOTNOTE_LINE):
        m = pattern.match(line.text)
        if m is None:
            continue
        digits = next((g for g in m.groups() if g and g[0].isdigit() or g and g[0] in _SUPERSCRIPT_DIGITS), None)
        if digits is None:
            return None
        number = int(digits.translate(_SUPERSCRIPT_VALUE))
        punctuated = pattern is not _PLAIN_FOOTNOTE_LINE
        in_turn = punctuated and (
            (first and number == 1) or after_closed or (_next_after(previous, str(number)) and not wants_number)
        )
        if cited.get(number, line.start) >= line.start and not in_turn:
            return None
        end = m.end() - (1 if pattern is _FOOTNOTE_LINE else 0)
        while end < len(line.text) and line.text[end] in " \t.-–:)]":
            end += 1
        return str(number), end
    return None


#: Most words of a front-matter line that gives an e-mail address after a label (and a name).
_LABELLED_EMAIL_MAX_WORDS = 9
#: A line that opens with the label of an e-mail address or of the author to write to, and its colon
#: («البريد الإلكتروني للباحث المراسل:», «للمراسلة:», "Corresponding author:", "E-mail:"); not a
#: note's mark (a marked name's note, «* المؤلف المرسل: ...»), an affiliation or a name before it.
_EMAIL_LABEL_WORDS = (
    "(?:"
    + _tolerant(
        "البريد الإلكتروني", "بريد إلكتروني", "البريد", "الإيميل", "للمراسلة", "المراسلة", "للتواصل",
        "الباحث المراسل", "المؤلف المراسل",
    )
    + r"|(?i:e-?mail|mail|corresponding\s+author|correspondence|contact))"
)
_EMAIL_LABEL = re.compile(rf"^{_EMAIL_LABEL_WORDS}[^:：]{{0,40}}[:：]")
#: Such a label right before the address, after a separator or a word: «...; Email: ...»,
#: «د. سامر العمري، البريد الإلكتروني: ...», «عنوان البريد الإلكتروني: ...».
_EMAIL_LABEL_BEFORE = re.compile(
    rf"(?:^|(?<=[\s;،,|]))(?P<label>{_EMAIL_LABEL_WORDS}[^:：;،,|]{{0,30}}[:：])[ \t]*(?:<?mailto:)?[ \t<]*$"
)


def _email_label(
    text: str, email: re.Match[str], words: int, fields_before: bool = False
) -> tuple[int, int, tuple[int, int] | None] | None:
    """Where the label of a front-matter line's e-mail address stands (``(start, end)`` in the line), and
    the corresponding author's name on the line when there is one; None when the address has no
    e-mail or correspondence label: the label right before the address, after nothing, a name, one
    word («عنوان البريد ...») or other fields read on the line (``fields_before``: its dates), or a
    label that opens a short line with a name between it and the address. Nothing may follow the
    address, and a marked name's note («* المؤلف المرسل: ...») or an affiliation with its e-mail at
    the end («* أستاذ ... بيروت. البريد الإلكتروني: ...») is read as such."""
    if text[email.end() :].strip(" .;،,)>") or _NOTE_MARK_OPENING.match(text):
        return None
    before = _EMAIL_LABEL_BEFORE.search(text, 0, email.start())
    if before is not None:
        prefix = text[: before.start("label")]
        name = _person_span(text, 0, before.start("label"))
        if name is None and len(prefix.split()) > 1 and not fields_before:
            return None
        return before.start("label"), email.start(), name
    opening = _EMAIL_LABEL.match(text)
    if opening is not None and words <= _LABELLED_EMAIL_MAX_WORDS:
        return 0, opening.end(), _person_span(text, opening.end(), email.start())
    return None


def _person_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of ``text[start:end]`` without the separators around it, when it names a person."""
    m = re.search(r"[^\s،,;؛–—|-](?:.*[^\s،,;؛–—|-])?", text[start:end])
    if m is None or not _names_a_person(m.group()):
        return None
    return start + m.start(), start + m.end()


def _superscript_letter(letter: str) -> str:
    """The superscript form of a small Latin letter (``a`` -> ``ᵃ``, ``i`` -> ``ⁱ``)."""
    try:
        return unicodedata.lookup(f"MODIFIER LETTER SMALL {letter.upper()}")
    except KeyError:  # i and n have their superscripts beside the digits'
        return unicodedata.lookup(f"SUPERSCRIPT LATIN SMALL LETTER {letter.upper()}")


#: Superscript small Latin letters (ᵃ ᵇ ᶜ …) with their place in the alphabet, found by their Unicode
#: names: some journals mark a page's notes so, the letters starting again on each page.
SUPERSCRIPT_LETTER_VALUES = {_superscript_letter(ch): k + 1 for k, ch in enumerate("abcdefghijklmnopqrstuvwxyz")}
_SUPERSCRIPT_LETTERS = "".join(SUPERSCRIPT_LETTER_VALUES)
#: A line opened by a note's superscript letter and a space: «ᵃ Georges CORM, Le Liban ...».
_SUPERSCRIPT_LETTER_NOTE = re.compile(rf"^(?P<l>[{_SUPERSCRIPT_LETTERS}])[ \t]+(?=\S)")


def _superscript_letter_mark(letters: str) -> re.Pattern[str]:
    """One of ``letters`` set alone, superscript, after a word or a stop (``البلديةᵃ.``, ``العربيᶜ``,
    ``وتموّلها ᵇ.``), not one of a run of them (``Mᵐᵉ``, ``1ᵉʳ``); see :func:`_ordinal_superscript` for
    the ones after a capital."""
    return re.compile(
        rf"(?:(?<=[^\W\d_])|(?<=[.!?؟…\"'”’»)\]])|(?<=[^\W\d_][ \t]))(?<![{_SUPERSCRIPT_LETTERS}])"
        rf"[{letters}](?![{_SUPERSCRIPT_LETTERS}\w])"
    )


def _ordinal_superscript(raw: str, at: int) -> bool:
    """Whether the superscript letter at ``at`` is French typography after a Roman numeral or a single
    capital («XIXᵉ siècle», «Mᵉ Boutros»), not a note's marker («OPECᵃ» is one)."""
    word = re.search(r"[A-Za-z]+$", raw[max(0, at - 12) : at])
    return word is not None and (len(word.group()) == 1 or re.fullmatch(r"[IVXLCDM]+", word.group()) is not None)


def _superscript_letter_markers(raw: str, state: _State) -> dict[int, int]:
    """Where the text cites a note marked by a superscript letter, with the note's number: the letter
    alone after a word on the note's page, above the note (the letters start again on each page, and
    a letter on a page with no such note is the text's own: «XIXᵉ», «Mᵉ»)."""
    markers: dict[int, int] = {}
    for unit in state.units:
        if unit.kind != "footnote" or not (unit.number or "").isdigit():
            continue
        start = unit.blocks[0][0][0]
        note = _SUPERSCRIPT_LETTER_NOTE.match(raw[raw.rfind("\n", 0, start) + 1 : start + 1])
        if note is None:
            continue
        k = bisect.bisect_right(state.page_breaks, start)
        page_start = state.page_breaks[k - 1] if k else 0
        for m in _superscript_letter_mark(note.group("l")).finditer(raw, page_start, start):
            if not _ordinal_superscript(raw, m.start()):
                markers.setdefault(m.start(), int(unit.number))
    return markers


def _superscript_letter_note(line: _Line, state: _State) -> tuple[str, int] | None:
    """``(number, where its text starts)`` when a line at a page's foot opens with a superscript
    letter that the page's text above cites («... البلديةᵃ.» / «ᵃ Georges CORM, ...»): a note lettered
    so, numbered by the letter's place in the alphabet. Else None."""
    m = _SUPERSCRIPT_LETTER_NOTE.match(line.text)
    if m is None:
        return None
    k = bisect.bisect_right(state.page_breaks, line.start)
    page_start = state.page_breaks[k - 1] if k else 0
    marks = _superscript_letter_mark(m.group("l")).finditer(state.raw, page_start, line.start)
    if not any(not _ordinal_superscript(state.raw, mark.start()) for mark in marks):
        return None
    return str(SUPERSCRIPT_LETTER_VALUES[m.group("l")]), m.end()


#: An endnote lettered in abjad order under «الهوامش»: «(أ) ...», «(هـ) ...».
_LETTER_NOTE_LINE = re.compile(r"^[(\[](?P<l>هـ|[أابجدهوزحطي])[)\]]\s*(?=\S)")
#: The number of each abjad letter that letters notes (أ 1, ب 2, ... ي 10; هـ and ه both 5).
ABJAD_VALUES = {letter: k + 1 for k, letter in enumerate(ABJAD_LETTERS)} | {"ا": 1, "هـ": 5}


#: The end of a note's line that goes on with a number on the next line: a word that numbers a
#: volume, an issue or a page («الجزء» / «2. ...» is the note's own volume, not note 2).
_WANTS_NUMBER = re.compile(r"(?<![^\W\d_])(?:الجزء|ج|العدد|ع|المجلد|مج|ص|صص|رقم|vol\.|no\.|pp?\.)\s*$", re.IGNORECASE)


#: A marker glued to an Arabic word (or its closing bracket) inside a sentence, a word following:
#: «يحمل2 اسم», «(اليونيسيف)1 للسيطرة» (one or two digits: «عام2017» is a year run on).
_GLUED_MID_SENTENCE = (
    # (not after the conjunction و written apart: «يومي ٤ و٥ جوان» counts days)
    r"(?:(?<=[\u0621-\u064a])(?<!\sو)|(?<=[\u0621-\u064a][)\]]))(?P<m>\d{1,2})"
    # «التونسي1» at a line's end («$»: where a passage's line is read on its own), «الخصوص5 .»
    r"(?=[ \t]+[\u0621-\u064a]|[ \t]*\r?\n[ \t]*[\u0621-\u064a]|[ \t]*$|[ \t]+[.!?؟…،,:؛])"
)
#: A footnote marker inside the text: ``⁽³⁾``, a superscript, or ``(3)`` after a character (not at a line start).
#: A bracketed marker with its full stop alone on a line, under a line that ends a sentence or a
#: quotation («... وأن ألتزم بالولاء لها. "» / «(٤).»): the conversion put the marker on a line of
#: its own (a page number in brackets has no stop after it).
_MARKER_ALONE = (
    # (the line start first: the lookbehinds after it are tried at line starts only)
    r"(?<=\n)(?:(?<=[.!?؟…\"'”’»]\n)|(?<=[.!?؟…\"'”’»] \n)|(?<=[.!?؟…\"'”’»]\r\n))"
    r"(?=[(\[]\d{1,3}[)\]][.،,][ \t]*(?:\r?\n|$))"
)
_CITED = re.compile(
    rf"⁽(?P<s>[{_SUPERSCRIPT_DIGITS}]+|[0-9\u0660-\u0669]{{1,3}})⁾|(?<=[^\n\r])(?P<b>[{_SUPERSCRIPT_DIGITS}]+)"
    r"|\[\^(?P<k>\d{1,3})\](?!:)|<sup>(?P<h>\d{1,3})</sup>"
    rf"|(?:(?<=\S)[ \t]?|{_MARKER_ALONE})[(\[](?P<p>\d{{1,3}})[)\]]"
    # a superscript set after the full stop (or the colon that ends a lead-in), a quotation's
    # closing mark before it: «المحظورة.1», «الإمارات".3», «المقبلة:4»
    rf"|(?:(?<=[^\W\d_][.!?؟…:])|(?<=[^\W\d_][\"'”’»)][.!?؟…]))(?P<d>\d{{1,3}})(?=\s|$)"
    rf"|(?:(?<=[^\W\d_A-Za-z])|(?<=[^\W\d_A-Za-z][\"'”’»]))(?P<g>\d{{1,3}})(?=[.!?؟…،,:؛])"
    rf"|{_GLUED_MID_SENTENCE}"
)
#: A line this short that does not end a sentence is a numbered heading, not a footnote.
_FOOTNOTE_HEADING_MAX_WORDS = 8
#: Notes that are footnotes only at a page bottom: ``3- ...``, ``3. ...``, ``* ...``, ``† ...``.
_PAGE_BOTTOM_NOTE = re.compile(r"^(?:(?P<n>\d{1,3})\s*[-–.]\s+|(?P<star>[*†]{1,3})\s*)(?=\S)")
#: How near (characters) a page end must follow a line for the line to be at the page's bottom.
_PAGE_BOTTOM_CHARS = 600
_PLAIN_FOOTNOTE_LINE = re.compile(r"^(?P<n>\d{1,3})\s+(?=[^\W\d_]|[\"“«])")
#: A note numbered «1)» (a closing bracket only), as some journals number the notes under a page's rule.
_PAREN_NOTE = re.compile(r"^(?P<n>\d{1,3})\)\s+(?=\S)")
#: A note's number glued to its first (Arabic) word, at a page's foot: «1انظر: ...», «2قرار مجلس الأمن».
_GLUED_FOOTNOTE_LINE = re.compile(r"^(?P<n>\d{1,3})(?=[\u0621-\u064a])")
_SUPERSCRIPT_VALUE = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")


def _cited_numbers(raw: str, start: int = 0) -> dict[int, int]:
    """Each footnote number the text cites from ``start`` on, with the offset of its first marker."""
    cited: dict[int, int] = {}
    for m in _CITED.finditer(raw, start):
        cited.setdefault(_cited_number(m), m.start())
    return cited


def _cited_number(m: re.Match[str]) -> int:
    """The note number a match of ``_CITED`` cites (superscript digits read as plain ones)."""
    digits = next(m.group(g) for g in ("s", "b", "p", "d", "g", "m", "k", "h") if m.group(g))
    return int(digits.translate(_SUPERSCRIPT_VALUE))


def _marker_numbers(raw: str) -> set[int]:
    """The numbers the text's markers of the usual kinds cite (not a figure's «الجدول رقم (1)» nor an
    article's «المادة (2)»)."""
    numbers: set[int] = set()
    for m in _CITED.finditer(raw):
        if m.group("p") and (
            _FIGURE_NUMBER_WORD.search(raw, max(0, m.start() - 30), m.start())
            or _CLAUSE_NUMBER_WORD.search(raw, max(0, m.start() - 20), m.start())
        ):
            continue
        numbers.add(_cited_number(m))
    return numbers


def _next_after(previous: str | None, digits: str) -> bool:
    """Whether a note numbered ``digits`` comes right after the note numbered ``previous``."""
    return previous is not None and previous.isdigit() and int(digits) == int(previous) + 1


def _footnote_line(
    line: _Line,
    cited: dict[int, int],
    previous: str | None = None,
    page_bottom: bool = False,
    list_number: str | None = None,
    below_rule: bool = False,
) -> tuple[str, int] | None:
    """``(number, where its text starts)`` when the line is the text of a footnote, else None.

    It starts with a footnote number (``(3)``, ``⁽³⁾``, ``³``, or ``3`` and a word), and the
    text cites that number before the line (a marker ``⁽³⁾``, ``كلمة³`` or ``كلمة (3)``) or the
    footnote just before it has the number before (``previous``): a numbered list or heading
    (``(1) تعريف ...``) whose numbers are cited nowhere is not a footnote. At a page bottom
    (``page_bottom``: a page ends just after the line, or the line interrupts a sentence) a
    number written as a list's (``3-``, ``3.``) cited so, and a ``*`` note, are footnotes too,
    unless the list item just before has the number before (``list_number``); so is a number glued
    to the note's first word (``1انظر``) when it follows the note before or is the first under the
    page's rule (``below_rule``).
    """
    m = _FOOTNOTE_LINE.match(line.text)
    if m is not None:
        digits = (m.group("p") or m.group("s") or m.group("b") or m.group("k") or m.group("h")).translate(
            _SUPERSCRIPT_VALUE
        )
        end = m.end() - 1  # the pattern ends on the text's first character
    elif page_bottom and (m := _PAGE_BOTTOM_NOTE.match(line.text)) is not None:
        if m.group("star"):
            return m.group("star"), m.end()
        digits, end = m.group("n"), m.end()
        if list_number is not None and list_number.isdigit() and int(digits) == int(list_number) + 1:
            return None  # item 4 after item 3 of a list: the list goes on, whatever it cites
    else:
        m = _PLAIN_FOOTNOTE_LINE.match(line.text)
        glued = m is None and page_bottom and (m := _GLUED_FOOTNOTE_LINE.match(line.text)) is not None
        paren = m is None and below_rule and (m := _PAREN_NOTE.match(line.text)) is not None
        if m is None:
            return None
        digits, end = m.group("n"), m.end()
        if paren and not _next_after(previous, digits):
            return None  # «1)» under a page's rule: a note only where the caller found it cited or next in turn
        if glued and not (_next_after(previous, digits) or (below_rule and digits == "1")):
            # «1انظر: ...»: PDF text lost the space between a note's number and its first word; only
            # among a page's notes (the first one under the page's rule, or after the note before),
            # not «3ملايين لاجئ» that goes on with the text above it
            return None
    number = int(digits)
    if not _next_after(previous, digits) and cited.get(number, len(line.text) + line.start) >= line.start:
        return None
    if (
        not _ends_sentence(line.text)
        and len(line.text.split()) <= _FOOTNOTE_HEADING_MAX_WORDS
        # (under the page's rule, an English term in an Arabic text is the note that gives the term
        # its marker cites, «الإقليمية1» / «1. Regional Diplomacy», not a heading)
        and not (below_rule and _line_script(line.text) == "en")
    ):
        return None  # a numbered heading (``(1) تعريف المنصات الرقمية``) in a text that cites (1)
    if (
        m.re is not _FOOTNOTE_LINE
        and line.text.rstrip().endswith((":", "："))
        and len(line.text.split()) <= _FOOTNOTE_HEADING_MAX_WORDS
        and not (below_rule or _next_after(previous, digits))  # (a note of a page's notes ends so too: «2. انظر:»)
    ):
        return None  # «2. الإطار المفاهيمي للوساطة الدولية:» under a line that cites (2): a section's heading
    while end < len(line.text) and line.text[end] in " \t.-–:":
        end += 1
    if m.re is not _FOOTNOTE_LINE and _is_named_heading(line.text[end:]):
        # «4. خاتمة:», «6. قائمة المراجع:»: a numbered heading that names a known section (the
        # ASJP template numbers its conclusion, notes and references), whatever the text cites.
        # (A note marked as notes are, «(1) خاتمة: ...» or «¹ ...», stays a note.)
        return None
    return str(number), end


def _cited_on_page(text: str, start: int, state: _State) -> bool:
    """Whether the number that opens ``text`` (a line at ``start``) is cited as «(5)» or «[5]» on the
    same page above it."""
    m = re.match(r"\s*[(\[]?(?P<n>[0-9\u0660-\u0669]{1,3})", text)
    if m is None:
        return False
    k = bisect.bisect_right(state.page_breaks, start)
    page = state.raw[state.page_breaks[k - 1] if k else 0 : start]
    n = re.escape(m.group("n"))
    superscript = re.escape(m.group("n").translate(_TO_SUPERSCRIPT))
    return any(
        not _CLAUSE_NUMBER_WORD.search(page, max(0, c.start() - 20), c.start())
        and not _FIGURE_NUMBER_WORD.search(page, max(0, c.start() - 30), c.start())
        for c in re.finditer(rf"\({n}\)|\[{n}\]|⁽{n}⁾|(?<=\S){superscript}(?![{_SUPERSCRIPT_DIGITS}])", page)
    )


_TO_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPT_DIGITS)
#: An article or paragraph word right before a bracketed number («المادة (1)»): no note's marker.
_CLAUSE_WORD = (
    r"(?:(?<![^\W\d_])(?:لل|[وفبل]?(?:ال)?)(?:مادة|فقرة|بند)|\b(?:[Aa]rticle|[Pp]aragraph|[Ss]ection|[Cc]lause))"
)
_CLAUSE_NUMBER_WORD = re.compile(_CLAUSE_WORD + r"\s*$")
#: A figure's or table's word (and «رقم») right before a bracketed number: «الشكل رقم (1)», «جدول (2)»,
#: "Figure (3)" number the figure, they cite no note; so do «الملحق رقم (1)», «الخريطة رقم (2)»,
#: «الصورة رقم (3)», a policy paper's box «إطار (1): ...» (but «في الملحق(1).», «المخطط (1)»: a
#: newspaper's supplement, a five-year plan are cited with notes).
_BOX_WORD = re.compile(r"^[ \t]*(?:(?:\*\*|[-•|>])[ \t]*)?[إا]طار\s*$", re.MULTILINE)

_FIGURE_NUMBER_WORD = re.compile(
    r"(?:(?<![^\W\d_])(?:[وفبل]?(?:ال)?|لل)(?:(?:شكل|جدول|(?:رسم|مخطط)\s+(?:ال)?بياني)\s*(?:رقم\s*)?"
    r"|(?:ملحق|خريطة|صورة|رسم|مخطط|إطار|اطار)\s*رقم\s*)"
    r"|\b(?:[Ff]igure|[Ff]ig\.|[Tt]able|[Mm]ap|[Aa]ppendix|[Aa]nnex)\s*)$"
)


#: How far back a quotation that a line may stand inside is looked for.
_QUOTATION_REACH = 800


def _inside_quotation(state: _State, start: int) -> bool:
    """Whether ``start`` lies inside a block quotation: a line that opens with «, in the same stretch
    of text (no blank line, page break or rule line between), whose quotation is not yet closed. A
    numbered line there is a clause of the quoted text (an article of a treaty), not a footnote."""
    k = bisect.bisect_right(state.rule_ends, start)
    since = max(0, start - _QUOTATION_REACH, state.rule_ends[k - 1] if k else 0)
    before = state.raw[since:start]
    stop = max(before.rfind("\n\n"), before.rfind("\f"), before.rfind("\n\r\n"))
    before = before[stop + 1 :]
    opening = None
    for opening in _QUOTATION_LINE.finditer(before):
        pass
    return opening is not None and _quotation_open(before[opening.start() :])


def _inside_opened_quotation(current: _Unit, line: _Line, state: _State) -> bool:
    """Whether ``line`` goes on with a quotation set on lines of its own that the paragraph
    ``current`` opened under a line that introduces it with a colon: the paragraph's first line
    opens with « (and holds no other «), no » has come since, it has had fewer than
    ``_QUOTATION_MAX_LINES`` lines, and ``line`` is no dialogue turn and opens no « of its own. (Counting « against
    » would keep a quotation open for good where a closing mark is missing or written «...«, or
    where a quotation runs over paragraphs each opened with « and only the last one closed.)"""
    if current.kind != "paragraph" or _DIALOGUE_TURN.match(line.text) or line.text.startswith("«"):
        return False  # (a quotation over paragraphs opens each of them with «)
    first = current.blocks[0][0]
    opening = state.raw[first[0] : first[1]].lstrip()
    if not opening.startswith("«") or opening.count("«") > 1:
        return False  # (a second « on its first line: «الشعب يريد« closed the wrong way, or nested)
    if sum(len(block) for block in current.blocks) >= _QUOTATION_MAX_LINES:
        return False
    # (and the quotation closes with » within its lines: one closed with ” or left open holds nothing)
    ahead = state.raw[line.start : line.start + _QUOTATION_REACH]
    if "»" not in "\n".join(ahead.split("\n")[:_QUOTATION_MAX_LINES]):
        return False
    # the paragraph before introduces it with a colon («... على ما يلي(3):»)
    k = next((k for k in range(len(state.units) - 1, -1, -1) if state.units[k] is current), 0)
    before = next((u for u in reversed(state.units[:k]) if u.kind != "footnote"), None)
    if before is None or not before.blocks:
        return False
    intro = state.raw[before.blocks[-1][-1][0] : before.blocks[-1][-1][1]]
    if not intro.rstrip(_CLOSERS + _SUPERSCRIPT_DIGITS + "0123456789()").endswith((":", "：")):
        return False
    return "»" not in state.raw[first[0] : line.start]


#: A line that opens a block quotation.
_QUOTATION_LINE = re.compile(r"^[ \t]*«", re.MULTILINE)


def _quotation_open(text: str) -> bool:
    """Whether ``text``, which opens with a «quotation», leaves it open at its end: more « than »
    (marks set the other way round, »...«, pair up as well), and no closing ” or " after the last «
    (a quotation closed with the wrong mark)."""
    if not text.lstrip().startswith("«") or text.count("«") <= text.count("»"):
        return False
    return not re.search(r"[”\"]", text[text.rfind("«") :])


#: What :func:`_page_foot_notes` gives for the unnumbered line that ends the previous page's last note.
_CARRIED_NOTE = "+"


def _set_off_marker(number: int) -> re.Pattern[str]:
    """A footnote number printed in the text as a plain digit set off by spaces (a superscript
    flattened by the PDF's text layer): after a word or a closing quote, before a space, a
    stop or a comma («متفقة 1.», «حلب 1 التي», «السوري" 2.», «الفلسطينية 3،»)."""
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=[\"”»)]))[ \t]{number}(?=[ \t.،,؛;:]|$)", re.MULTILINE)


#: Words a number belongs to when it follows them (match-key forms): an article, paragraph or
#: resolution number, a page, a year, an amount («المادة 2 من الميثاق», «نحو 1 مليون»), not a
#: footnote marker set off by spaces.
_NUMBERED_BY = frozenset(
    match_key(w)
    for w in (
        "المادة", "مادة", "الفقرة", "فقرة", "البند", "بند", "القرار", "قرار", "رقم", "العدد", "عدد",
        "المجلد", "الفصل", "فصل", "الجزء", "جزء", "الباب", "باب", "ص", "صفحة", "الصفحة", "عام", "العام",
        "سنة", "السنة", "نحو", "حوالي", "قرابة", "من", "إلى", "حتى", "بين", "و",
    )
)  # fmt: skip
#: Words of an amount after a number («1 مليون لاجئ»): the number is part of the text.
_AMOUNT_WORDS = frozenset(
    match_key(w)
    for w in (
        "مليون", "ملايين", "مليونا", "ألف", "آلاف", "ألفا", "مليار", "مليارات", "مليارا", "بالمئة",
        "بالمائة", "%", "٪", "دولار", "دولارا", "يورو", "كم", "كيلومتر",
    )
)  # fmt: skip


def _is_marker(text: str, m: re.Match[str]) -> bool:
    """Whether a digit set off by spaces in ``text`` (a :func:`_set_off_marker` match) may be a
    footnote marker: not the number of the word before it (``المادة 2``, ``نحو 1``) nor an
    amount (``3 ملايين``)."""
    before = text[: m.start()].split()
    after = text[m.end() :].split(maxsplit=1)
    if before and match_key(before[-1]) in _NUMBERED_BY:
        return False
    return not (after and match_key(after[0].strip(".،,؛;:")) in _AMOUNT_WORDS)


def _page_foot_notes(items: list[_BodyLine], state: _State) -> dict[int, tuple[str, int]]:
    """The footnote lines at the feet of pages printed with no rule line and plain numbers
    (``1 ميثاق الأمم المتحدة، ...``): where each note's line starts -> (its number, where its text
    starts in the line).

    A page's notes are the run of lines that ends the page (its furniture aside): lines that open
    with a bare number ``N`` and a word, numbered in turn (from 1, numbering that restarts on each
    page, or from the number after the previous page's last note), and the lines they wrap onto.
    Every number must be cited in the page's text above, set off by spaces (:func:`_set_off_marker`);
    the line above the run must not end with a colon, which introduces a list; no line of the run
    is numbered as a list's (``2. ...``); and the run takes at most half the page. A page's last
    lines that merely start with numbers (a real number of the text, ``2254 مرجعا``, or a list) fail
    one of these.
    """
    if not state.page_breaks or not items:
        return {}
    pages: list[list[int]] = []
    page = None
    for k, item in enumerate(items):
        p = bisect.bisect_right(state.page_breaks, item.line.start)
        if p != page:
            pages.append([])
            page = p
        pages[-1].append(k)
    found: dict[int, tuple[str, int]] = {}
    last_number = 0
    carried_open = False  # whether the previous page's last note runs on to this page
    for indices in pages:
        if not _page_break_between(state, items[indices[-1]].line.end, len(state.raw) + 1):
            continue  # the text's end, no page's foot: an article may end with a numbered list
        numbers: dict[int, tuple[int, int]] = {}  # index -> (number, text start)
        for k in indices:
            m = _PLAIN_FOOTNOTE_LINE.match(items[k].line.text)
            if m is not None and match_key(items[k].line.text[m.end() :].split(maxsplit=1)[0]) not in _AMOUNT_WORDS:
                numbers[k] = (int(m.group("n")), m.end())
        run_start = None
        # The run from each numbered line to the page's end: numbers in turn, nothing else numbered.
        for k in indices[1:]:
            if k not in numbers:
                continue
            first = numbers[k][0]
            if first not in (1, last_number + 1):
                continue
            expected = first
            ok = True
            for j in range(k, indices[-1] + 1):
                if j in numbers:
                    if numbers[j][0] != expected:
                        ok = False
                        break
                    expected += 1
                elif (listed := _LIST_MARKER.match(items[j].line.text)) is not None and listed.group("num"):
                    ok = False  # a line numbered as a list's («2. ...», «3- ...»): no note's wrapped line
                    break
            if not ok or items[k - 1].line.text.rstrip().endswith((":", "：")):
                continue
            if 2 * (indices[-1] + 1 - k) > len(indices):
                continue  # notes take the foot of a page, not most of it
            above = state.raw[items[indices[0]].line.start : items[k - 1].line.end]
            markers_found = (
                any(_is_marker(above, m) for m in _set_off_marker(numbers[j][0]).finditer(above))
                for j in numbers
                if j >= k
            )
            if all(markers_found):
                run_start = k
                break
        if run_start is None:
            carried_open = False
            continue
        carried = items[run_start - 1].line
        if (
            carried_open
            and run_start - 1 > indices[0]
            and _footnote_closed(carried.text)
            and _REF_YEAR.search(carried.text)
            and not _ends_sentence(items[run_start - 2].line.text)
        ):
            # The last note of the page before did not end there: its last line opens this page's
            # notes, without a number. Only a line that finishes a citation (a year, a final stop)
            # under a line of text cut mid-sentence is taken so.
            found[carried.start] = (_CARRIED_NOTE, 0)
        offset = items[indices[0]].line.start
        after = 0  # the markers come in the order of their notes
        for j in range(run_start, indices[-1] + 1):
            if j not in numbers:
                continue
            number = numbers[j][0]
            found[items[j].line.start] = (str(number), numbers[j][1])
            last_number = number
            # The marker: the first one after the previous note's, one before a stop or a comma
            # rather than one before a word (``وامتنعت 3 دول`` is a number of the text).
            candidates = [
                m for m in _set_off_marker(number).finditer(above) if m.start() >= after and _is_marker(above, m)
            ]
            marked = [m for m in candidates if not above[m.end() : m.end() + 1].isspace() and m.end() < len(above)]
            chosen = (marked or candidates or [None])[0]
            if chosen is not None:
                digits = offset + chosen.start() + 1  # (after the space that sets it off)
                state.set_off_markers[digits] = (offset + chosen.end(), number)
                after = chosen.end()
        carried_open = not _footnote_closed(items[indices[-1]].line.text)
    return found


#: The label of a note's rest carried over to the next page's foot: «تابع هامش (٣):», «تتمة الحاشية 3 -».
_CONTINUED_NOTE = re.compile(
    r"^(?:تابع|تتمة|بقية)\s*(?:(?:ال)?(?:هامش|حاشية|إحالة|احالة)\s*(?:رقم)?\s*[(\[]?\s*(?P<n>\d{1,3})\s*[)\]]?"
    r"|[(\[]\s*(?P<bracketed>\d{1,3})\s*[)\]])\s*[:：\-–]?\s*"
)
#: The last words of a note cut by the page's end in a date or a number it goes on with («الصادر في ٥»),
#: not a page reference (``ص 12``) or a year that ends an entry.
_CUT_AT_NUMBER = re.compile(r"(?:^|\s)(?:في|من|إلى|الى|بين|رقم)\s+\d{1,2}$")


def _note_number(unit: _Unit) -> int | None:
    number = unit.number or ""
    return int(number) if number.isdigit() else None


def _note_carried_here(note: _Unit, items: list[_BodyLine], i: int, state: _State) -> bool:
    """Whether the unnumbered line ``i``, right under a rule, is the end of ``note`` carried over
    from the page before: the note's own last line stops mid-phrase (no sentence end, no page
    number: «ينظر: د. عبد», not «... 2010، ص 12»), a page break lies between them, and the line
    opens that page's notes (a numbered note follows it, or the page ends): body text under a rule
    (a table's closing dashes, a running head's underline) goes on as body text.
    """
    end = note.blocks[-1][-1][1]
    # (the note's own last line tells, not ``closed``: a heading on the next page closes every unit)
    last = state.raw[slice(*note.blocks[-1][-1])].rstrip()
    if _footnote_closed(last) or (last and last[-1].isdigit() and not _CUT_AT_NUMBER.search(last)):
        return False
    line = items[i].line
    if not _page_break_between(state, end, line.start):
        return False
    following = items[i + 1].line.text if i + 1 < len(items) else ""
    return (
        i + 1 >= len(items)
        or bool(_FOOTNOTE_LINE.match(following) or _PLAIN_FOOTNOTE_LINE.match(following))
        or bool(_STAR_NOTE_LINE.match(following) or _PAGE_BOTTOM_NOTE.match(following))
        or _at_page_bottom(line, state)
    )


#: A note marked by stars in brackets, «(*) ...», «(**) ...» (a translator's or an editor's note).
_STAR_NOTE_LINE = re.compile(r"^\((?P<stars>\*{1,3})\)\s*(?=\S)")
#: Where the text cites such a note: the stars in brackets right after a word or a closing mark.
_STAR_CITED = re.compile(r"(?<=[^\s(])\((?P<stars>\*{1,3})\)")


def _footnote_closed(text: str) -> bool:
    """Whether a footnote line ends its note: a sentence end, but not a colon (``القاهرة:`` goes on
    to its publisher on the next line)."""
    return _ends_sentence(text) and not text.rstrip(_CLOSERS).endswith((":", "："))


def _page_break_between(state: _State, start: int, end: int) -> bool:
    k = bisect.bisect_left(state.page_breaks, start)
    return k < len(state.page_breaks) and state.page_breaks[k] < end


#: Most words of a heading that has no number and no known name.
_SET_OFF_HEADING_MAX_WORDS = 8


#: A table's caption: «جدول (1): ...», «الجدول رقم 2-1 ...», "Table 3: ...".
_TABLE_CAPTION = re.compile(
    r"^\s*(?:" + _tolerant("الجدول", "جدول") + r"|table)\s*(?:" + _tolerant("رقم") + r")?\s*[(\[]?\s*[\d٠-٩]",
    re.IGNORECASE,
)
#: The line under a table that names its source: «المصدر: ...», "Source: ...".
_TABLE_SOURCE = re.compile(r"^\s*(?:" + _tolerant("المصدر", "المصادر") + r"|sources?)\s*[:：]", re.IGNORECASE)
#: Most words of a table row (cells set apart by runs of spaces, or one short cell per line).
_TABLE_ROW_MAX_WORDS = 14
_TABLE_CELL_MAX_WORDS = 5


def _add_table(rows: list[_BodyLine], state: _State) -> None:
    """The lines of a table as one passage of kind ``table`` in the current section."""
    lines = [(row.line.start, row.line.end) for row in rows]
    state.units.append(_Unit("table", [lines], _current_section(state)))


def _table_end(items: list[_BodyLine], i: int) -> int | None:
    """Where the table that a caption line opens at ``items[i]`` ends (the index after its
    source line or its last row), or None when the line opens no table.

    A row is a short line that ends no sentence and is no heading: cells set apart by runs of
    three spaces or more (pdftotext's layout mode) or set between bars, or a single short cell
    (one cell per line).
    """
    if not _TABLE_CAPTION.match(items[i].line.text):
        return None
    j = i + 1
    while j < len(items) and _table_row(items[j].line.text):
        j += 1
    if j == i + 1:
        return None
    if j < len(items) and _TABLE_SOURCE.match(items[j].line.text):
        j += 1
    return j


#: A figure's caption, set under it: «شكل (1): ...», «الشكل رقم 2: ...», "Figure 3. ...".
_FIGURE_CAPTION = re.compile(
    r"^\s*(?:" + _tolerant("الشكل", "شكل") + r"|figure|fig\.)\s*(?:" + _tolerant("رقم") + r")?\s*[(\[]?\s*[\d٠-٩]+"
    # then what ends a caption's number (a running sentence «شكل 2 من أشكال ...» goes on with a word)
    r"\s*[)\]]?\s*(?:[:：.\-–—]|$)",
    re.IGNORECASE,
)
#: Fewest and most lines of a figure's text (axis values, a legend) above its caption.
_FIGURE_MIN_LINES = 2
_FIGURE_MAX_LINES = 30


def _figure_end(items: list[_BodyLine], i: int, captions: list[int]) -> int | None:
    """Where a figure that starts at ``items[i]`` ends (the index after its caption, or after the
    source line under the caption), or None when no figure starts there.

    A chart printed as text (pdftotext gives its axis values, years and legend as loose lines)
    comes before its caption «شكل (1): ...»: short lines that are no sentence (table rows), after
    a line that ends a sentence, straight up to the caption; or its caption comes first, the rows
    under it. They, the caption and the «المصدر:»
    line under it are one passage, not the first lines of the next paragraph.
    """
    if i > 0 and not items[i].first and not _ends_sentence(items[i - 1].line.text):
        return None
    k = bisect.bisect_left(captions, i)
    if k < len(captions) and captions[k] == i:
        # The caption above its chart («الشكل رقم (1): ...» over the axis values and labels): the
        # rows under it, and the source line under them.
        end = i + 1
        while end < len(items) and end - i <= _FIGURE_MAX_LINES and _table_row(items[end].line.text):
            end += 1
        rows = items[i + 1 : end]
        if len(rows) < _FIGURE_MIN_LINES or not any(_DIGIT_RUN.search(item.line.text) for item in rows):
            return None
        if end < len(items) and _TABLE_SOURCE.match(items[end].line.text):
            end += 1
        return end
    if k == len(captions) or not _FIGURE_MIN_LINES <= captions[k] - i <= _FIGURE_MAX_LINES:
        # (a caption with no text above it, an image's, stays a paragraph of its own, and so does
        # one under a single short line: a quotation, a page number)
        return None
    caption = captions[k]
    rows = items[i:caption]
    if not all(_table_row(item.line.text) for item in rows):
        return None
    if not any(_DIGIT_RUN.search(item.line.text) for item in rows):
        return None  # a chart has values on an axis
    end = caption + 1
    if end < len(items) and _TABLE_SOURCE.match(items[end].line.text):
        end += 1
    return end


#: Fewest rows of a table without a caption: lines whose cells are set apart by wide gaps.
_COLUMN_TABLE_MIN_ROWS = 3
_COLUMN_GAP = re.compile(r"\S {4,}\S")
_HEADER_CELL_MAX_WORDS = 3


def _column_table_end(items: list[_BodyLine], i: int, state: _State, continued: bool = False) -> int | None:
    """Where a table without a caption that starts at ``items[i]`` ends, or None.

    pdftotext's layout mode keeps a table's columns apart with runs of spaces: at least
    ``_COLUMN_TABLE_MIN_ROWS`` lines in a row on one page, each of two cells or more set apart
    by four spaces or more, short, ending no sentence (an appendix's timeline «12 كانون
    الأول/ديسمبر 2015       اعتماد اتفاق باريس»). A row that opens with a day number is no
    footnote: a note's text runs on with single spaces. Its first line is a header row of short
    cells without digits (``التاريخ       الإجراء``): two columns of running text, which the same
    layout mode prints side by side, open with a line of long cells. A table ``continued`` from
    the page before (nothing but its notes and the page's furniture between) needs no header.
    Rows of cells between bars («| ... | ... |») make a table of their own, header or not.
    """
    if _bar_row(items[i].line.text):
        j = i + 1
        while j < len(items) and _bar_row(items[j].line.text):
            j += 1
        return j if j - i >= (1 if continued else _COLUMN_TABLE_MIN_ROWS) else None
    if not continued and not _header_row(items[i].line.text):
        return None
    j = i
    while (
        j < len(items)
        and _COLUMN_GAP.search(items[j].line.text)
        and (_short_row(items[j].line.text) or (j == i and not continued))  # (the header: checked above)
        and not _ends_sentence(items[j].line.text)
        and (j == i or not _page_break_between(state, items[j - 1].line.end, items[j].line.start))
    ):
        j += 1
    return j if j - i >= (1 if continued else _COLUMN_TABLE_MIN_ROWS) else None


def _header_row(text: str) -> bool:
    """Whether a line can head a table's columns: two cells or more set apart by four spaces, short and
    without digits, or many such cells set apart by three («الرقم   الفقرة   موافق بشدة   موافق   محايد»)."""

    def short(cells: list[str]) -> bool:
        return all(len(cell.split()) <= _HEADER_CELL_MAX_WORDS and not _DIGIT_RUN.search(cell) for cell in cells)

    cells = re.split(r" {4,}", text.strip())
    if len(cells) >= 2 and short(cells):
        return True
    cells = _SPACED_CELLS.split(text.strip())
    # (a header's cells are labels, some of more than one word: not a line of prose spread out word by word)
    return len(cells) >= _MANY_CELLS and short(cells) and any(len(cell.split()) > 1 for cell in cells)


def _short_row(text: str) -> bool:
    """Whether a line is short enough for a table's row: ``_TABLE_ROW_MAX_WORDS`` words, or more in
    many cells set apart by runs of spaces, none of them long (a survey's row: its item, five
    percentages, a mean, a deviation, a rank; running text set in two columns has two cells)."""
    if len(text.split()) <= _TABLE_ROW_MAX_WORDS:
        return True
    cells = _SPACED_CELLS.split(text.strip())
    return (
        len(cells) >= _MANY_CELLS
        and max(len(cell.split()) for cell in cells) <= _LONG_CELL_WORDS
        # (where most cells are single words, half of them figures or tick boxes, «31.3%», «3.79», «(  )»: a
        # line of prose justified with wide spaces, «ارتفع   عدد   جولات   الوساطة   من   3 ...», has words in
        # them; a table of phrases, a literature review's, needs none)
        and (
            2 * sum(len(cell.split()) == 1 for cell in cells) <= len(cells)
            or 2 * sum(bool(_DATA_CELL.search(cell)) for cell in cells) >= len(cells)
        )
    )


#: Cells of a row set apart by three spaces or more, how many make a row of many cells, and the most
#: words each may have then.
_SPACED_CELLS = re.compile(r" {3,}")
#: A cell of figures or a tick box: «31.3%», «3.79», «١٢», «(  )».
_DATA_CELL = re.compile(r"^[\d\u0660-\u0669.,٫%٪*()\-–+ ]+$")
_MANY_CELLS = 5
_LONG_CELL_WORDS = 10


#: A table row with its cells between bars, as a word processor or a web page exports it:
#: «| جمال بنعمر | المغرب | 2011-2015 |» (two cells at least).
_BAR_ROW = re.compile(r"^\s*\|(?:[^|\n]*\|){2,}\s*$")


def _bar_row(text: str) -> bool:
    """Whether a line is a row of cells between bars, short enough for a table's row."""
    return bool(_BAR_ROW.match(text)) and len(text.replace("|", " ").split()) <= _TABLE_ROW_MAX_WORDS


def _table_row(text: str) -> bool:
    if _bar_row(text):
        return True
    words = text.split()
    if not words or not (_short_row(text) or _header_row(text)) or _ends_sentence(text) or _TABLE_SOURCE.match(text):
        return False
    if classify_heading(text) is not None or _FOOTNOTE_LINE.match(text):
        return False
    return bool(re.search(r"\S {3,}\S", text.strip())) or len(words) <= _TABLE_CELL_MAX_WORDS


def _set_off_heading(items: list[_BodyLine], i: int, raw: str, under_heading: bool = False) -> bool:
    """A heading with no number and no known name (a policy paper's «خلفيات الأزمة»): a short
    Arabic line alone between blank lines, that ends no sentence and no clause (no colon or
    comma), after a line that ends a sentence (or under such a heading) and above a block of at
    least two lines (or above a subheading of the same kind: «الوساطة الكويتية» over «الموقف الأميركي»)."""
    line = items[i].line
    text = line.text
    words = text.split()
    if not 2 <= len(words) <= _SET_OFF_HEADING_MAX_WORDS or _ends_sentence(text):
        return False
    if text.rstrip().endswith((":", "：", "،", ",", "؛", ";")) or not _ARABIC.match(text):
        return False
    if i == 0 or i + 1 >= len(items) or not (under_heading or _ends_sentence(items[i - 1].line.text)):
        return False
    if not (
        _BLANK_LINE.search(raw, items[i - 1].line.end, line.start)
        and _BLANK_LINE.search(raw, line.end, items[i + 1].line.start)
    ):
        return False
    following = items[i + 1].block
    if sum(1 for item in items[i + 1 : i + 3] if item.block == following) >= 2:
        return True
    return not under_heading and _set_off_heading(items, i + 1, raw, under_heading=True)


#: Most words of a heading with no number, no known name and no blank lines around it («الامتناع
#: عن التصويت بديلا من الفيتو» has six; the half-width bound below is the stricter test).
_SHORT_HEADING_MAX_WORDS = 7
#: Longest such heading, as a share of the text's line width.
_SHORT_HEADING_MAX_SHARE = 0.5


#: First words of a short line that is a sentence, a caption or a verse, not a heading (match-key forms):
#: «ولم تلق ...», «قال الوزير ...», «وهذا ما سنتناوله ...», «فهل نجح ...», «الجدول 2-1 ...», «إذا الشعب ...».
_NO_HEADING_START = re.compile(
    r"^(?:[«\"“﴿(\[]|(?:"
    + "|".join(
        match_key(w)
        for w in (
            "قال وقال فقال وأضاف وأكد وأشار ويرى ويبقى وتتمثل وتتلخص ويمكن وهذا وهذه وذلك ولم ولا ولن وقد وكان "
            "وإن وأن فهل هل كما إذ إذا فلا لا لم لن لقد قد إن أن بسم والله الله الجدول جدول الشكل شكل المصدر "
            "المصادر ملاحظة أما لكن ثم انظر كيف سورة رسم خريطة الباحث الباحثة إعداد"
        ).split()
    )
    + r")(?!\w))"
)
#: An empty line, spaces or no-break spaces on it (a word processor's empty paragraph: U+00A0).
_EMPTY_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r(?!\n)|\n)")
#: Most words of such a heading.
_WP_HEADING_MAX_WORDS = 8
#: Words that make a short line a sentence (a relative pronoun, a particle before a clause, a verb of saying).
_SENTENCE_WORDS = frozenset(
    match_key(w)
    for w in "أن إن أنه إنه التي الذي الذين كان كانت قد لقد يتضح يمكن يجب ليس ليست هو هي هم أما لكن ثم انظر كيف".split()
)
#: Heading words that open with و or ف (a noun, not a conjunction).
_HEADING_WORDS_WITH_WAW = frozenset(
    match_key(w) for w in "واقع وسائل وظائف وثائق وحدة وزارة فرص فلسطين فرنسا فنزويلا فعالية فاعلية فكرة".split()
)
#: A date in a short line (a dateline): a Hijri year or a month's name with a day or a year.
_HIJRI_OR_MONTH_DATE = re.compile(
    rf"[0-9\u0660-\u0669]\s*(?:هـ|ه\b)|{_NAMED_DATE}|(?<!\w){_tolerant(*_MONTH_PHRASES)}(?!\w)"
)
#: Shortest line that is a whole paragraph, in a text whose lines are paragraphs (a word processor's).
_PARAGRAPH_LINE_MIN_CHARS = 200


def _heading_between_paragraph_lines(
    items: list[_BodyLine], i: int, state: _State, after_heading: bool = False, depth: int = 0
) -> bool:
    """A heading with no number and no known name in a text whose lines are whole paragraphs (one
    converted from a word processor: no line width): a line of two to twelve Arabic words ending
    no sentence or clause, after a line that ends a sentence (or a heading), above a paragraph's
    line at least three times as long («الإطار المؤسسي للاتحاد الأفريقي» between two paragraphs),
    or above one more such heading (a section's heading, then its first subsection's)."""
    if state.line_width > 0 or i == 0 or i + 1 >= len(items):
        return False
    text = items[i].line.text
    if not 2 <= len(text.split()) <= 12 or _ends_sentence(text) or not _ARABIC.match(text):
        return False
    if text.rstrip().endswith((":", "：", "،", ",", "؛", ";")):
        return False
    if _LIST_MARKER.match(text) or _DOTTED_LETTER.match(text) or _NO_HEADING_START.match(match_key(text)):
        return False
    if len(re.findall(r"[0-9\u0660-\u0669]+", text)) > 1 or _HIJRI_OR_MONTH_DATE.search(text):
        return False  # a table's row, a dateline
    raw = state.raw
    line = items[i].line
    if _EMPTY_LINE.search(raw, items[i - 1].line.end, line.start) or _EMPTY_LINE.search(
        raw, line.end, items[i + 1].line.start
    ):
        return False  # (with blank lines between the paragraphs, a short one is a paragraph of its own)
    words = [match_key(w) for w in text.split()]
    if len(words) > _WP_HEADING_MAX_WORDS or any(w in _SENTENCE_WORDS for w in words):
        return False  # (a sentence left without its stop: «وبذلك يتضح أن الوساطة ...»)
    if len(words[0]) > 3 and words[0][0] in "وف" and words[0] not in _HEADING_WORDS_WITH_WAW:
        return False  # (a sentence's conjunction: «وبالتالي ...», «فإن ...»)
    before = items[i - 1].line.text.rstrip()
    if before.endswith((":", "：")) or not (after_heading or _ends_sentence(before)):
        return False  # (after «... التحكيم:» come the items it introduces)
    following = items[i + 1].line
    length = following.end - following.start
    if length >= _PARAGRAPH_LINE_MIN_CHARS and length >= 3 * len(text):
        return classify_heading(following.text) is None
    return depth == 0 and _heading_between_paragraph_lines(items, i + 1, state, after_heading=True, depth=1)


def _short_heading_line(items: list[_BodyLine], i: int, state: _State) -> bool:
    """A heading with no number and no known name in a text without blank lines («عرض الكتاب»,
    «خلاصة الفصل», «أبرز النقاط»): a line of two to seven Arabic words, under half the line width,
    ending no sentence or clause, after a line that ends a sentence (or at the body's start) and
    above a line that runs to the full width or opens a list item. A paragraph's short last
    line ends a sentence; a wrapped line of a title or of a list is followed by a short line."""
    if state.line_width <= 0:
        return False
    line = items[i].line
    text = line.text
    if not 2 <= len(text.split()) <= _SHORT_HEADING_MAX_WORDS or _ends_sentence(text):
        return False
    if text.rstrip().endswith(("،", ",", "؛", ";")) or not _ARABIC.match(text) or _LIST_MARKER.match(text):
        return False
    if _EMAIL.search(text) or _URL.search(text):
        return False  # «البريد الإلكتروني: ...@...»: an address is no heading
    if line.end - line.start > _SHORT_HEADING_MAX_SHARE * state.line_width:
        return False
    if i + 1 >= len(items) or (i > 0 and not _ends_sentence(items[i - 1].line.text)):
        return False
    following = items[i + 1].line
    if classify_heading(following.text) is not None:
        return False
    full = following.end - following.start >= _FULL_LINE_SHARE * state.line_width
    # (or a one-line lead-in to a list: «يتوزع الكتاب على ... على النحو الآتي:»)
    return full or bool(_LIST_MARKER.match(following.text)) or following.text.rstrip().endswith((":", "："))


def _is_named_heading(text: str) -> bool:
    info = classify_heading(text)
    return info is not None and info.style == "named"


def _below_page_rule(line: _Line, state: _State) -> bool:
    """Whether a rule line stands above ``line`` on its page (the line is among the page's notes)."""
    k = bisect.bisect_right(state.rule_ends, line.start)
    if not k:
        return False
    p = bisect.bisect_right(state.page_breaks, line.start)
    return not p or state.rule_ends[k - 1] > state.page_breaks[p - 1]


def _under_rule(line: _Line, state: _State) -> bool:
    """Whether a rule line stands right above ``line`` (blank lines at most between them)."""
    k = bisect.bisect_right(state.rule_ends, line.start)
    return k > 0 and not state.raw[state.rule_ends[k - 1] : line.start].strip()


def _at_page_bottom(line: _Line, state: _State) -> bool:
    """Whether a page ends (page furniture, a form feed) within a few lines after ``line``."""
    k = bisect.bisect_left(state.page_breaks, line.end)
    return k < len(state.page_breaks) and state.page_breaks[k] - line.end <= _PAGE_BOTTOM_CHARS


#: An abjad letter and a full stop that open a line: «أ. انسحاب الكتل البرلمانية», «هـ. ...» (not
#: «أ. د.», an honorific, whose next word is an abbreviation too).
_ABJAD_NEXT = {"أ": "ب", "ا": "ب", "ب": "ج", "ج": "د", "د": "ه", "ه": "و", "و": "ز", "ز": "ح", "ح": "ط", "ط": "ي"}
# (and the Latin capitals of an IEEE-style journal's subsections, «A. مفهوم الدبلوماسية السيبرانية»,
# before an Arabic title only: "A. Smith" in a reference is a name)
_ABJAD_NEXT |= {a: b for a, b in pairwise("ABCDEFGHIJ")}
_DOTTED_LETTER = re.compile(
    r"^(?:(?P<num>[أابجدهوزحطي])ـ?\.\s+(?P<title>(?![^\W\d_]{1,2}\.)[^\W\d_]\S*\s+\S.*)"
    r"|(?P<latin>[A-J])\.\s+(?P<latin_title>[\u0621-\u064a]\S*\s+\S.*))$"
)


def _wrapped_hijri_year(items: list[_BodyLine], i: int) -> bool:
    """Whether the line ``i`` opening with «هـ.» is the era mark of a Hijri year the line above ends
    with, wrapped to a line's start («... سنة 728» / «هـ. بعد أن ...»), not a fifth letter heading:
    the line above is running text of the same block ending in a number."""
    if i == 0 or not items[i].line.text.startswith("هـ"):
        return False
    above = items[i - 1]
    return (
        above.block == items[i].block
        and above.line.text.rstrip()[-1:].isdigit()
        and _DOTTED_LETTER.match(above.line.text) is None
    )


def _in_letter_list(items: list[_BodyLine], i: int) -> bool:
    """Whether the «أ.» line ``i`` is an item of a list, not a heading: a line next to it is
    another such item (a heading has text under it), or the line before it ends in a colon
    («وقد شارك في التحكيم:» over «أ. محمد علي» / «ب. سعيد حسن»)."""
    for k in (i - 1, i + 1):
        # (not the «هـ.» a wrapped Hijri year begins: «... سنة 923» / «هـ. وانتهت ...» above «د.»)
        if 0 <= k < len(items) and _DOTTED_LETTER.match(items[k].line.text) and not _wrapped_hijri_year(items, k):
            return True
    if i == 0:
        return False
    before = items[i - 1].line
    # (a heading over it may end in a colon too: «المبحث الأول:» over «أ. ...»)
    intro = before.text.rstrip().endswith((":", "："))
    return intro and before.heading is None and classify_heading(before.text) is None


def _line_heading(
    items: list[_BodyLine],
    i: int,
    settings: ReaderSettings,
    in_references: bool = False,
    dotted_letters: set[str] | None = None,
) -> HeadingInfo | None:
    """The heading a body line is, or None when it is text.

    Inside a references list a numbered line is an entry, unless its title names a part of
    the list (``1. المراجع العربية``). A line numbered with an abjad letter and a full stop
    (``أ. ...``, an Iraqi journal's top level) is a letter heading when the text also has a line
    with the letter after it (``dotted_letters``): «أ.» alone is as often an honorific.
    """
    item = items[i]
    line = item.line
    if line.heading is not None:
        return line.heading
    info = classify_heading(line.text, in_references=in_references)
    if (
        info is None
        and dotted_letters
        and not in_references
        and (m := _DOTTED_LETTER.match(line.text))
        and not _wrapped_hijri_year(items, i)
    ):
        letter = m.group("num") or m.group("latin")
        following = _ABJAD_NEXT.get(letter)
        previous = next((a for a, b in _ABJAD_NEXT.items() if b == letter), None)
        if (following in dotted_letters or previous in dotted_letters) and not _in_letter_list(items, i):
            info = HeadingInfo("letter", letter, (m.group("title") or m.group("latin_title")).strip())
    if info is None and line.forced_heading and not in_references:
        info = HeadingInfo("named", match_key(line.text), "")  # a Markdown heading with no number or known name
    if info is None:
        return None
    if line.forced_heading:
        return info
    if len(line.text.split()) > settings.max_heading_words:
        return None
    if not item.first:
        previous = items[i - 1].line
        # (under a heading's title line, a numbered heading; a known name there, «تمهيد.», is text)
        above = previous.heading is not None or (previous.heading_title and info.style != "named")
        if not above and classify_heading(previous.text) is None and not _ends_sentence(previous.text):
            return None  # a wrapped line of running text that happens to start like a heading
    if info.style in NUMBERED_STYLES:
        if in_references and not is_reference_part(info):
            return None
        # A short numbered line is a heading only if it does not read as a sentence or sit in a
        # list. A heading may end with a colon ("3- التعاون في مجال الطاقة:"), a sentence may not.
        if _reads_as_sentence(line.text) or len(info.title.split()) > 10:
            return None
        if _introduces_list(info.title):
            return None
        for j in (i - 1, i + 1):
            if 0 <= j < len(items) and items[j].block == item.block:
                other = classify_heading(items[j].line.text)
                if (
                    other is not None
                    and other.style == info.style
                    and _ends_sentence(items[j].line.text)
                    # (a section's heading over its first subheading: «3. ...:» over «1.3 ...:»)
                    and not (
                        _first_subheading(info, other, items, i)
                        if j == i + 1
                        else _first_subheading(other, info, items, i - 1)
                    )
                ):
                    return None
        if _next_to_following_number(items, i, info):
            return None
    elif info.style != "named" and line.text.rstrip().endswith((".", "؟", "?", "!")):
        return None
    return info


def _first_subheading(info: HeadingInfo, sub: HeadingInfo, items: list[_BodyLine], i: int) -> bool:
    """Whether the numbered line under the heading line ``i`` is its first subheading («3. ...:» over
    «3.1 ...:» or, read right to left, «1.3 ...:»), not the next item of a list: one level deeper,
    its number made of this one's and 1, and no sentence («2.5 في المئة ...» after «1. ...:» is a
    quantity); a list that a sentence introduces («... المحاور الآتية:») keeps its sub-items."""
    parts = sorted(int(p) for p in re.split(r"[.\-–]", sub.key) if p.isdigit())
    if sub.depth != info.depth + 1 or not info.key.isdigit() or parts != sorted([int(info.key), 1]):
        return False
    if _reads_as_sentence(items[i + 1].line.text):
        return False
    return i == 0 or items[i].first or not items[i - 1].line.text.rstrip(_CLOSERS).endswith((":", "："))


def _reads_as_sentence(text: str) -> bool:
    """Whether a line ends as a sentence does (a full stop, a question mark...), a colon aside."""
    return _ends_sentence(text) and not text.rstrip(_CLOSERS).endswith((":", "："))


#: Last words of a sentence that introduces what follows it (… ما يلي:, … التالية:), in match-key form.
_INTRODUCER_KEYS = frozenset(
    match_key(w)
    for w in (
        "يلي", "التالي", "التالية", "الآتي", "الآتية", "كالتالي", "كالآتي", "following", "follows",
        # (and words that open a quotation: «... حين أشار إلى أن:», «... قائلاً:», "... stated that:")
        "أن", "بأن", "قائلا", "قائلة", "بقوله", "بقولها", "that",
    )
)


#: Most lines an item of a list numbered with ordinal words runs on (its next item comes within them).
_ORDINAL_ITEM_MAX_LINES = 3
#: Most words of such an item (a section under an ordinal heading holds more).
_ORDINAL_ITEM_MAX_WORDS = 60
#: Most lines of an item whose first line runs on without a stop (a heading over a short section is
#: its line and the section's lines).
_ORDINAL_ITEM_RUN_ON_LINES = 2
#: Widest line of an item that runs on, in line widths of the text.
_ITEM_MAX_WIDTH = 1.05


def _ordinal_list_item(items: list[_BodyLine], i: int, info: HeadingInfo, state: _State) -> bool:
    """Whether the line ``i`` that opens with an ordinal word («أولاً: إنشاء وحدة ...») is an item of a
    list, not a section's heading: the first item stands under a sentence that introduces a list
    («وفي ضوء ما تقدم، توصي الدراسة بما يلي:») with the second item a few lines down, and each next item
    comes a few lines after the item before it. Headings have their sections' text between them."""
    number = int(info.key)
    # An item runs on for a few lines at most and holds a few dozen words (one line a paragraph, a
    # section's heading and its text are two lines: the words tell them apart); an ordinal line
    # alone between blank lines is a heading.
    alone = items[i].first and (i + 1 >= len(items) or items[i + 1].first)
    extent = _item_extent(items, i)
    if alone or sum(len(line.text.split()) for line in extent) > _ORDINAL_ITEM_MAX_WORDS:
        return False
    # An item is a sentence: its line ends one (or a clause, «؛») or fills the line and runs on; a short
    # line with no stop, «أولاً: الإطار النظري», is a heading over its section's text.
    line = items[i].line
    # (a colon ends no item: «أولاً: مفهوم الدبلوماسية الرقمية:» heads its section)
    ends = _reads_as_sentence(line.text) or line.text.rstrip().endswith(("؛", ";"))
    width = line.end - line.start
    # (a line that runs on fills the text's width, no more: a heading is often set longer than the text)
    runs_on = bool(state.line_width) and (
        _FULL_LINE_SHARE * state.line_width <= width <= _ITEM_MAX_WIDTH * state.line_width
    )
    # (the list's first item two lines at most; once it has begun, as many as an item may run on)
    most = _ORDINAL_ITEM_RUN_ON_LINES if number == 1 else _ORDINAL_ITEM_MAX_LINES
    if not ends and (not runs_on or len(extent) > most):
        return False
    window = range(max(0, i - _ORDINAL_ITEM_MAX_LINES), i)
    if number > 1:
        return any(
            state.ordinal_items.get(items[j].line.start) == str(number - 1) for j in window
        )
    if i == 0 or items[i - 1].line.heading is not None:
        return False
    above = items[i - 1].line.text
    if classify_heading(above) is not None or not _introduces_list(above):
        return False
    for j in range(i + 1, min(len(items), i + 1 + _ORDINAL_ITEM_MAX_LINES)):
        following = classify_heading(items[j].line.text)
        if following is not None and following.style == "ordinal" and following.key == "2":
            return True
    return False


def _item_extent(items: list[_BodyLine], i: int) -> list[_Line]:
    """The lines from line ``i`` to the next line that opens with an ordinal word or the end of its block."""
    lines = [items[i].line]
    for j in range(i + 1, len(items)):
        if items[j].first or items[j].block != items[i].block:
            break
        info = classify_heading(items[j].line.text)
        if info is not None and info.style == "ordinal":
            break
        lines.append(items[j].line)
    return lines


def _numbered_text_goes_on(items: list[_BodyLine], i: int, info: HeadingInfo, state: _State) -> bool:
    """Whether the numbered line ``i`` is the next of the text's numbered paragraphs, not a heading: a
    report that numbers its paragraphs («10. واعتبر مجلس الأمن ...» / «11. إنشاء وحدة ...») goes on
    numbering them under its headings. The line fills the text's width and wraps onto the next line
    of its block, and the paragraph just numbered before it, in the same way, did too (a numbered
    heading is short, or has no such paragraph before it)."""
    number = heading_number(info.key)
    line = items[i].line
    if info.style not in NUMBERED_STYLES or info.depth != 1 or number is None or number < 2 or not state.line_width:
        return False
    if i + 1 >= len(items) or items[i + 1].block != items[i].block:
        return False
    if line.end - line.start < _FULL_LINE_SHARE * state.line_width:
        return False
    marker = re.match(r"\s*\d+\s*(\S)", line.text)
    numbered = [u for u in state.units if u.kind == "list_item" and (u.number or "").isdigit()]
    previous = numbered[-1] if numbered else None
    if previous is None or int(previous.number) != number - 1 or marker is None:
        return False
    # (the text numbers its paragraphs on through its headings already: a number before this one
    # went on under the next heading; a list under a heading, «1.» ... «3.», is followed by its
    # section's heading «4. ...», not by more of it)
    if not any(
        int(b.number) == int(a.number) + 1 and a.section_id != b.section_id for a, b in zip(numbered, numbered[1:])
    ):
        return False
    first_start, first_end = previous.blocks[0][0]
    line_start = state.raw.rfind("\n", 0, first_start) + 1
    opening = state.raw[line_start:first_end]
    wrapped = len(previous.blocks[0]) > 1 or len(previous.blocks) > 1
    return (
        wrapped
        and re.match(rf"\s*{number - 1}\s*{re.escape(marker.group(1))}", opening) is not None
        and first_end - line_start >= _FULL_LINE_SHARE * state.line_width
    )


def _introduces_list(title: str) -> bool:
    """Whether a numbered line ending with a colon is a sentence that introduces a list or a
    quotation («9 - وفي الجلسة 276، أقرت اللجنة جدول الأعمال التالي:»), not a heading: it has a
    comma inside or ends with a word such as التالي / ما يلي."""
    text = title.rstrip(_CLOSERS)
    if not text.endswith((":", "：")):
        return False
    words = text.rstrip(":： ").split()
    return any(ch in text for ch in "،,؛;") or (bool(words) and match_key(words[-1]).lower() in _INTRODUCER_KEYS)


def _next_to_following_number(items: list[_BodyLine], i: int, info: HeadingInfo) -> bool:
    """Whether a one-level numbered line has the number just before or after its own on the line
    next to it, with no text between: items of a list ("1. ...", "2. ..."), not headings, each of
    which is followed by its section's text."""
    number = heading_number(info.key)
    if info.depth != 1 or number is None:
        return False
    for j, step in ((i - 1, -1), (i + 1, 1)):
        if 0 <= j < len(items) and items[j].line.heading is None:
            other = classify_heading(items[j].line.text)
            if (
                other is not None
                and other.style == info.style
                and other.depth == 1
                and heading_number(other.key) == number + step
            ):
                return True
    return False


def _needs_title(info: HeadingInfo) -> bool:
    return info.style not in ("named",) and not info.title


def _is_title_continuation(item: _BodyLine, settings: ReaderSettings) -> bool:
    text = item.line.text
    return (
        item.line.heading is None
        and len(text.split()) <= settings.max_heading_words
        and not _ends_sentence(text)
        and classify_heading(text) is None
        and not _LIST_MARKER.match(text)
    )


def _open_section(state: _State, info: HeadingInfo, lines: list[_Line], level: int | None = None) -> None:
    """Open a section for a heading; its level comes from the order in which heading styles
    first appear, unless ``level`` is given (a part of the references list)."""
    # A multi-level number is one level below the one-level numbers whatever its separator
    # (2.1 under "2.", 3-1 under "3-"): its depth, not its punctuation, makes its style.
    style = info.style if info.depth == 1 else f"num-sub{info.depth}"
    style = _continued_numbering(state, info, style)
    if level is not None:
        pass  # the heading styles of the body stay as they are
    elif style == "named":
        level = 1
        state.style_stack = ["named"]
    elif style in state.style_stack:
        level = state.style_stack.index(style) + 1
        state.style_stack = state.style_stack[:level]
    elif not state.style_stack or state.style_stack == ["named"]:
        level = 1
        state.style_stack = [style]
    else:
        state.style_stack.append(style)
        level = len(state.style_stack)
    start, end = lines[0].start, lines[-1].end
    heading = " ".join(line.text for line in lines)
    while state.section_stack and state.section_stack[-1].level >= level:
        state.section_stack.pop()
    parent = state.section_stack[-1].id if state.section_stack else None
    section = Section(
        id=f"s{len(state.sections) + 1:03d}",
        heading=heading,
        level=level,
        start=start,
        end=end,
        number=info.key if style != "named" else None,
        parent=parent,
    )
    state.sections.append(section)
    state.section_stack.append(section)
    # A heading closes whatever paragraph was open: text after it starts afresh.
    for unit in state.units:
        unit.closed = True


def _continued_numbering(state: _State, info: HeadingInfo, style: str) -> str:
    """The style a one-level number goes by when it continues the numbering of the other
    punctuation: "3-" after "2." (and its sub-headings) is the third heading of the same level,
    not the first of a level below."""
    other = {"num-dot": "num-dash", "num-dash": "num-dot"}.get(style)
    if other is None or info.depth != 1 or not info.key.isdigit() or style in state.style_stack:
        return style
    if other not in state.style_stack:
        return style
    level = state.style_stack.index(other) + 1
    last = next((s for s in reversed(state.sections) if s.level == level), None)
    if last is not None and last.number is not None and last.number.isdigit() and int(last.number) == int(info.key) - 1:
        return other
    return style


def _current_section(state: _State) -> str | None:
    return state.section_stack[-1].id if state.section_stack else None


#: Fewest words of an unfinished passage for the next block to continue it (a page break cut it):
#: a shorter one is a caption or a heading the reader did not know (``شكل (1): مسار ...``).
_CUT_MIN_WORDS = 10


def _open_unit(state: _State, at: int) -> _Unit | None:
    """The paragraph or list item that a page break cut, which the block starting at ``at`` continues.

    It is the last one read, left without a sentence end, of at least ``_CUT_MIN_WORDS`` words;
    when the text shows where its pages end (page numbers, running heads, form feeds), a page
    must end between it and ``at``.
    """
    if not state.settings.join_page_breaks:
        return None
    for unit in reversed(state.units):
        if unit.kind in ("paragraph", "list_item"):
            if unit.closed:
                return None
            end = unit.blocks[-1][-1][1]
            if end > at:
                # A column of a bilingual box read after the other one (:func:`_deinterleaved`)
                # lies before it in the raw text: a page break runs forwards only.
                return None
            words = sum(len(state.raw[s:e].split()) for block in unit.blocks for s, e in block)
            if words < _CUT_MIN_WORDS:
                return None
            if state.page_breaks:
                k = bisect.bisect_left(state.page_breaks, end)
                if k == len(state.page_breaks) or state.page_breaks[k] >= at:
                    return None
            return unit
    return None


#: Fewest wrapped lines for a text's line width to be measured.
_WIDTH_MIN_LINES = 8


def _line_width(blocks: list[_Block]) -> int:
    """The width the body's lines were wrapped to (:func:`_wrap_width` of the lines that are
    followed by another line of their block; 0 when they were not wrapped or are too few)."""
    return _wrap_width(
        [line.end - line.start for block in blocks for line in (block.lines if block.runs_on else block.lines[:-1])]
    )


def _indent(raw: str, start: int) -> int:
    """How many spaces or tabs stand before ``start`` on its line."""
    k = start
    while k > 0 and raw[k - 1] in " \t":
        k -= 1
    return start - k if k == 0 or raw[k - 1] in "\n\r\f" else 0


#: How many more spaces than a full line's a paragraph's first line is indented by.
_PARAGRAPH_INDENT = range(2, 9)
#: Fewest first-line indents after a finished sentence for a text to count as indenting its paragraphs.
_PARAGRAPH_INDENT_MIN_LINES = 2


def _paragraph_indent(blocks: list[_Block], state: _State) -> int | None:
    """The indent of the body's full lines when its paragraphs open a few spaces deeper, else None.

    A wrapped text (it has a line width) indents its paragraphs when at least two lines after a
    finished sentence (not a list item's) stand 2-8 spaces deeper than its full lines usually do
    and read as a paragraph's first line (:func:`_opening_line`), and no line so
    indented comes after a full line that runs on (a hanging indent, a quotation's or a list's
    wrapped lines do). A short last line set flush to the right of a page laid out right to
    left stands much deeper: it is no opening. The references' hanging indents are not looked at.
    """
    if state.line_width <= 0:
        return None
    lines = [line for block in blocks for line in block.lines]
    full = [
        _indent(state.raw, line.start)
        for line in lines
        if line.end - line.start >= _FULL_LINE_SHARE * state.line_width
    ]
    if not full:
        return None
    base = Counter(full).most_common(1)[0][0]
    openings = 0
    for block in blocks:
        info = classify_heading(block.lines[0].text)
        if info is not None and is_reference_heading(info):
            break  # (the references' hanging indents are no paragraphs')
        for before, line in pairwise(block.lines):
            if _indent(state.raw, line.start) - base not in _PARAGRAPH_INDENT:
                continue
            if _COLUMN_GAP.search(line.text) or _COLUMN_GAP.search(before.text):
                continue  # a table's rows
            if _ends_sentence(before.text):
                if not _LIST_MARKER.match(before.text) and _opening_line(state, line, base):
                    openings += 1
            elif before.end - before.start >= _FULL_LINE_SHARE * state.line_width:
                return None  # an indented line after a full line that runs on: a hanging indent
    return base if openings >= _PARAGRAPH_INDENT_MIN_LINES else None


def _opening_line(state: _State, line: _Line, base: int) -> bool:
    """Whether an indented line reads as a paragraph's first line: it runs to the full width, its
    indent counted, and on to the next line (no sentence ends it). A paragraph's right-aligned
    last line that nearly fills the width ends its sentence; a verse or a short quoted line is short."""
    indent = _indent(state.raw, line.start) - base
    full = indent + line.end - line.start >= _FULL_LINE_SHARE * state.line_width
    return full and not _ends_sentence(line.text)


def _indented_opening(state: _State, line: _Line) -> bool:
    """Whether ``line`` opens a paragraph by its first-line indent (see :func:`_paragraph_indent`)."""
    base = state.paragraph_indent
    return (
        base is not None
        and _indent(state.raw, line.start) - base in _PARAGRAPH_INDENT
        and _opening_line(state, line, base)
    )


def _outdented_after_list(state: _State, item: _Unit, line: _Line) -> bool:
    """Whether ``line``, after the finished list item ``item``, starts a paragraph: the list's items
    wrap onto indented lines («٢. ...» then «   بعد استقرار ...»), and this line is not indented."""
    if _indent(state.raw, line.start):
        return False
    items = [u for u in state.units if u.kind == "list_item" and u.section_id == item.section_id]
    wrapped = [s for u in items for block in u.blocks for s, _ in block[1:]]
    return bool(wrapped) and all(_indent(state.raw, s) for s in wrapped)


def _unit_just_above(state: _State, start: int) -> _Unit | None:
    """The paragraph or list item whose last line is the line right above ``start`` (blank space between)."""
    last = next((u for u in reversed(state.units) if u.kind in ("paragraph", "list_item")), None)
    if last is None or state.raw[last.blocks[-1][-1][1] : start].strip():
        return None
    return last


#: A line that is only a number, its closing bracket and a stop: the end of a citation wrapped
#: before its page number («23).» under «(Zartman, 2008, p.»: the bracket open, a page's word last).
_CITATION_TAIL = re.compile(r"^\s*[0-9\u0660-\u0669]{1,4}\s*\)\s*[.,،;؛]?\s*$")


def _open_bracket(text: str) -> bool:
    """Whether a line leaves a round bracket open (more ``(`` than ``)``)."""
    return text.count("(") > text.count(")")


def _read_text_line(item: _BodyLine, current: _Unit | None, state: _State) -> _Unit:
    """Add one line of running text to the passage it belongs to; return that passage."""
    line = item.line
    marker = _LIST_MARKER.match(line.text)
    if marker and marker.group("named") and current is not None and not current.closed:
        marker = None  # «التوصية 3: ...» on a wrapped line: words of the sentence, no item's label
    if (
        marker
        and current is not None
        and current.kind == "paragraph"
        and _quotation_open(state.raw[current.blocks[0][0][0] : line.start])
    ):
        marker = None  # a numbered clause of a quotation the paragraph opened («المادة 79: ... 1 - يعد»)
    if (
        marker
        and current is not None
        and _CITATION_TAIL.match(line.text)
        and _open_bracket(state.raw[slice(*current.blocks[-1][-1])])
        and _WANTS_NUMBER.search(state.raw[slice(*current.blocks[-1][-1])].rstrip())
    ):
        marker = None  # the page number of a citation the line above opened: «(Zartman, 2008, p.» / «23).»
    if (
        marker is None
        and _ABBREVIATION_ENTRY.match(line.text)
        and not re.search(r"[.!?؟]\s+\S", line.text)  # (an interview's «AK: The role was limited. The ...»)
        and (
            (current is not None and _ABBREVIATION_ENTRY.match(state.raw[slice(*current.blocks[0][0])]))
            or _ABBREVIATION_ENTRY.match(state.raw[line.end :].lstrip(" \t\r\n\f"))
        )
    ):
        # «GCC: مجلس التعاون لدول الخليج العربية (Gulf Cooperation Council)»: an entry of a list of
        # abbreviations, one a line (its acronym is its text, not a marker)
        unit = _Unit("list_item", [[(line.start, line.end)]], _current_section(state))
        state.units.append(unit)
        unit.closed = True
        return unit
    if marker is None and line.start in state.ordinal_items:
        # «ثانياً: تعزيز التنسيق ...» under «... بما يلي:»: an item of a list numbered with ordinal words
        opening = re.match(r"\S+\s*[:：\-–]?\s*", line.text)
        unit = _Unit(
            "list_item",
            [[(line.start + (opening.end() if opening else 0), line.end)]],
            _current_section(state),
            number=state.ordinal_items[line.start],
        )
        state.units.append(unit)
    elif marker:
        start = line.start + marker.end()
        number = marker.group("num") or marker.group("dash") or marker.group("letter") or marker.group("named")
        unit = _Unit("list_item", [[(start, line.end)]], _current_section(state), number=number)
        state.units.append(unit)
    elif (
        _MARKER_ONLY_LINE.match(line.text)
        and (host := current or _unit_just_above(state, line.start)) is not None
        # (not under a lead-in, «... على ما يأتي:» / «(1).»: the number of what follows)
        and not state.raw[slice(*host.blocks[-1][-1])].rstrip().endswith((":", "："))
    ):
        # «(٤).» alone under the paragraph's last line: the marker of its note and its full stop
        unit = host
        unit.blocks[-1].append((line.start, line.end))
    elif current is not None and not (
        (
            current.closed
            and (
                _short_line(state, current.blocks[-1][-1], line.text)
                or (current.kind == "paragraph" and _indented_opening(state, line))
                or _DIALOGUE_TURN.match(line.text)
                or _TREATY_ARTICLE.match(line.text)
                or (current.kind == "list_item" and _outdented_after_list(state, current, line))
            )
            # (a treaty's next article under a line the text's width does not fill, a title over it:
            # «الموقعة في أنقرة في ٢٩ آذار ١٩٤٦» / «المادة (١): ...»)
            or (_TREATY_ARTICLE.match(line.text) and _short_line(state, current.blocks[-1][-1], line.text))
        )
        # (a sentence of a quotation the paragraph opened and has not closed: «المادة 79: ... 50.»)
        and not _inside_opened_quotation(current, line, state)
    ):
        unit = current
        unit.blocks[-1].append((line.start, line.end))
    elif current is not None:
        # The line before ended a sentence well short of the text's line width: a paragraph ended
        # there (PDF text often leaves no blank line between paragraphs).
        unit = _Unit("paragraph", [[(line.start, line.end)]], _current_section(state))
        state.units.append(unit)
    else:
        continuing = _open_unit(state, line.start) if item.first else None
        if continuing is not None:
            unit = continuing
            unit.blocks.append([(line.start, line.end)])
        else:
            unit = _Unit("paragraph", [[(line.start, line.end)]], _current_section(state))
            state.units.append(unit)
    # (a list item ends in a semicolon too: «... القائمة؛» short of the line width ends the list)
    # (and a quotation's closing mark: a pulled quote «...» set between paragraphs ends where its
    # short last line does, though no full stop ends it)
    # (and a verse's close, «﴾ [الأنفال: ٦١]»: a verse set on its own lines ends there; it is no
    # sentence end for the other rules, a heading may end with a verse)
    unit.closed = (
        _ends_sentence(line.text)
        # (a letter in brackets after the full stop, «... الوزارة. (أ)», where the notes are lettered)
        or (state.lettered_notes and _END_THEN_LETTER.search(line.text.rstrip()) is not None)
        or (unit.kind == "list_item" and line.text.rstrip().endswith(("؛", ";")))
        or line.text.rstrip().endswith(("»", "”"))
        or _closing_straight_quote(state.raw, unit, line)
        or _VERSE_END.search(line.text.rstrip()) is not None
    )
    return unit


def _closing_straight_quote(raw: str, unit: _Unit, line: _Line) -> bool:
    """Whether the line ends with a straight quotation mark that closes a quotation opened in the unit
    (an even count of them so far), a note's marker after it or not: «... التعاون الثنائي"», «..."[4]»."""
    text = _TRAILING_BRACKET_MARKER.sub("", line.text.rstrip())
    if not text.endswith('"'):
        return False
    # (only where a blank line follows, not a page's end: a sentence may go on after the quotation,
    # «... "الثنائي"» / «، الصادر ...», on the next line or the next page)
    following = re.match(
        # (a note's marker alone on the line under it first: «... payments"» / «[3]» / blank line)
        r"[ \t]*\r?\n(?:[ \t]*[(\[]\d{1,3}[)\]][ \t]*\r?\n)?[ \t]*\r?\n(?P<gap>[^\u0621-\u064aA-Za-z]*)",
        raw[line.end : line.end + 400],
    )
    if following is None or "\f" in following.group("gap") or _PAGE_BREAK.search(following.group("gap")):
        return False
    whole = " ".join(raw[s:e] for block in unit.blocks for s, e in block)
    if whole.count('"') % 2:
        return False
    # (a quotation, not a name in quotes at a line's end: «في برنامج "الماتينال"» goes on)
    quoted = whole[: whole.rstrip().rfind('"')]
    return len(quoted[quoted.rfind('"') + 1 :].split()) >= _QUOTATION_MIN_WORDS


#: Fewest words between straight quotation marks for the closing one to end a paragraph.
_QUOTATION_MIN_WORDS = 4
#: A note's marker in brackets at a line's end: «... الدولة"[4]».
_TRAILING_BRACKET_MARKER = re.compile(r"\s*[(\[]\d{1,3}[)\]]$")


#: A letter in brackets after a line's last full stop: the marker of a lettered note.
_TRAILING_LETTER = re.compile(r"(?<=[.!?؟…\"'”’»])\s*[(\[](?:هـ|[أابجدهوزحطي])[)\]]\s*$")
#: A sentence end and a letter in brackets that cites a lettered note: «... الوزارة. (أ)».
_END_THEN_LETTER = re.compile(r"[.!?؟…][\s\"'”’»]*[(\[](?:هـ|[أابجدهوزحطي])[)\]]$")
#: A line opened by a note lettered «(أ)» (or «(ا)»), and one opened by «(ب)».
_FIRST_LETTER_LINE = re.compile(r"^[ \t]*[(\[][أا][)\]][ \t]*\S", re.MULTILINE)
_SECOND_LETTER_LINE = re.compile(r"^[ \t]*[(\[]ب[)\]][ \t]*\S", re.MULTILINE)
#: «(أ)» in the text where a note's marker stands: glued to a word or after a stop, before a stop
#: or at the line's end.
_FIRST_LETTER_MARKER = re.compile(
    # (after a letter, a mark, a digit, a bracket or a stop; alone on the next line too)
    r"(?:[\u0621-\u0652\d)\]]|[.!?؟…\"'”’»])[ \t]*(?:\r?\n[ \t]*)?[(\[][أا][)\]](?=[.!?؟…،,:؛]|[ \t]*(?:\r?\n|$))"
)


def _has_lettered_notes(raw: str) -> bool:
    """Whether the article letters its notes: a line opened by «(أ)», not under a lead-in that ends
    with a colon (a lettered list's first item), after the text cited «(أ)» as a note's marker, and a
    line opened by «(ب)» after it."""
    marker = _FIRST_LETTER_MARKER.search(raw)
    if marker is None:
        return False
    for first in _FIRST_LETTER_LINE.finditer(raw, marker.end()):
        k = first.start()
        while k > 0 and raw[k - 1].isspace():
            k -= 1
        line = raw[_line_start_of(raw, k) : k]
        if raw[k - 1 : k] in (":", "：") and match_key(line.rstrip(":： ")) not in _NOTES_KEYS:
            continue  # (a lead-in's list; «الهوامش:» heads the notes)
        return _SECOND_LETTER_LINE.search(raw, first.end()) is not None
    return False


#: An entry of a list of abbreviations: an acronym in capitals, a colon or a dash, its expansion.
_ABBREVIATION_ENTRY = re.compile(r"^[A-Z][A-Z0-9&]{1,9}\s*[:：–=]\s*\S")


#: The label of a turn of an interview, «س:» / «ج:» (سؤال / جواب), "Q:" / "A:": after a finished
#: sentence it opens a paragraph of its own, however long the line before it.
#: A line that is only a note's marker and the stop after it: «(٤).», «[3].» (a number alone, «(2)», labels
#: the clause or verse after it).
_MARKER_ONLY_LINE = re.compile(r"^\s*[(\[][0-9\u0660-\u0669]{1,3}[)\]][.،,]\s*$")
#: A treaty's or a law's article quoted article by article, one a paragraph: «المادة (1): ...», «مادة 2 -».
_TREATY_ARTICLE = re.compile(
    r"^(?:ال)?مادة\s*(?:رقم\s*)?[(\[]?\s*[0-9\u0660-\u0669]{1,3}\s*[)\]]?\s*[:：\-–]"
    r"|^Article\s+[0-9]{1,3}\s*[:：\-–.]"
)
_DIALOGUE_TURN = re.compile(r"^(?:(?:ال)?(?:س|ج|سؤال|جواب)\s*[:：/]|(?:Q|A)\s*[:：])\s*\S")


#: A line shorter than this share of the text's line width, ending a sentence, ends its paragraph.
_SHORT_LINE_SHARE = 0.8
#: The same for a line in Latin script, whose words run longer ("Internationalization" does not fit
#: in the fifth of a line that an Arabic word would).
_SHORT_LATIN_LINE_SHARE = 0.75


def _short_line(state: _State, span: tuple[int, int], following: str = "") -> bool:
    """Whether a wrapped text's line stops well short of the line width (a paragraph's last line).
    A web address on the next line, too long for the room left, does not count as a new paragraph's start."""
    if state.line_width <= 0:
        return False
    text = state.raw[span[0] : span[1]]
    share = _SHORT_LATIN_LINE_SHARE if _line_script(text) == "en" else _SHORT_LINE_SHARE
    # (a note's marker after the last full stop is not counted: «... وفق تعبيره. (6)»)
    marker = _TRAILING_MARKER.search(text)
    if marker is None and state.lettered_notes:
        marker = _TRAILING_LETTER.search(text)  # «... في اليمن. (أ)» where the notes are lettered
    length = len(text) - (len(marker.group()) if marker else 0)
    if length >= share * state.line_width:
        return False
    return length < _SHORT_LATIN_LINE_SHARE * state.line_width or not _URL_START.match(following)


#: A footnote marker after a line's last full stop: `` (6)``, ``[6]``, ``⁽٦⁾``, ``⁶``.
_TRAILING_MARKER = re.compile(
    rf"(?<=[.!?؟…\"'”’»])\s*(?:[(\[]\d{{1,3}}[)\]]|⁽[0-9\u0660-\u0669{_SUPERSCRIPT_DIGITS}]{{1,3}}⁾|[{_SUPERSCRIPT_DIGITS}]+)\s*$"
)


#: A line that opens with a web address (in brackets or not).
_URL_START = re.compile(r"^[(\[<]?(?:https?://|www\.)", re.IGNORECASE)


#: A sentence end followed by a plain footnote marker: ``... التونسية. (4)``, ``... [2]``, ``الماضي.1``, ``الحكومة. 3``.
_END_THEN_MARKER = re.compile(
    r"(?:[.!?؟…][\s\"'”’»]*[(\[]\d{1,3}[)\]]|[^\W\d_][.!?؟…][\"'”’»]*\d{1,3}"
    r"|[\u0621-\u064a]{2}[\"'”’»]?[.!?؟…][\"'”’»]? \d{1,2})$"
)


#: A Qur'anic verse closing a line, its sura and number at most after it: «﴾ [الأنفال: ٦١]».
_VERSE_END = re.compile(r"﴾\s*(?:[(\[][^\W\d_][^()\[\]\n]{0,40}[)\]])?\s*\.?$")


def _ends_sentence(text: str) -> bool:
    if _END_THEN_MARKER.search(text.rstrip()):
        return True
    text = _MARKDOWN_MARKER_END.sub("", text)  # «... السبسي.[^1]»
    text = text.rstrip(_CLOSERS)
    if _FOOTNOTE.search(text[-6:] if len(text) > 6 else text) and re.search(rf"[⁾{_SUPERSCRIPT_DIGITS}]$", text):
        return True
    return text.endswith(tuple(_SENTENCE_END))


#: Markdown notes' references at a line's end: «... السبسي.[^1]», «... .<sup>1</sup>».
_MARKDOWN_MARKER_END = re.compile(r"(?:\[\^\d{1,3}\]|<sup>\d{1,3}</sup>)+\s*$")
# (a number in brackets too: "(3) Aras, Bülent ...")
_REF_NUMBER_START = re.compile(r"^\s*[-–]?\s*\.?\s*(?:[(\[](?P<pnum>\d{1,3})[)\]]|(?P<num>\d{1,3})\s*[.\-–)](?!\d))\s*")
# An unnumbered entry of a list set one per line: a bulleted line ("- Gallagher, Anne T. ...")
# or an author-year start ("Hill, F., & Taspinar, O. (2006).", «الشمري، أحمد (2018).»).
_REF_BULLET = re.compile(rf"^\s*[-–{_BULLETS}]\s+(?=[^\W\d_]|[\"“«(])")
_REF_AUTHOR_YEAR = re.compile(r"^(?P<author>[^\W\d_][^()\d]{0,80}?)\s*\(\s*(?:\d{4}\s*[a-zم]?|n\.\s?d\.)\s*\)")
_REF_NUMBER_END = re.compile(r"(?<=[^\d./])\.(?P<num>\d{1,3})\s*$")
# How an entry of a bibliography (Chicago style, no number, no year after the author) starts: a
# surname and a comma before the given name ("Williams, Paul D.", «الخطيب، منى.»), or a body's
# name ended by a full stop ("African Union. Protocol ...", «مجلس الأمن. القرار ...»).
#: Nouns that open the name of a body that signs a publication (مركز ..., الأمم المتحدة, وزارة ...).
_BODY_NOUNS = (
    "مركز", "مجلس", "أمم", "امم", "منظمة", "وزارة", "جامعة", "بنك", "صندوق", "لجنة", "جمعية", "هيئة", "معهد",
    "اتحاد", "رئاسة", "مؤسسة", "أمانة", "امانة", "مفوضية", "برنامج", "وكالة", "حكومة", "محكمة", "مكتب",
)  # fmt: skip
_REF_NAME_START = re.compile(
    r"^(?:(?:(?:de|van|von|der|den|del|della|di|da|du|le|la|al|el|bin|ibn)[\s\-]+){0,2}"  # de Waal, al-Sayyid
    # (the name, a comma, then the given name or the title in quotes: "MEIER Daniel, « Le Liban ... »",
    # «نادية مصطفى، "الأبعاد ..."»)
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}(?:,\s*[A-ZÀ-ÖØ-Þ«\"“]|\.\s+[A-Z\"“])"
    r"|(?:[\u0621-\u064a\u0671-\u06d3]+\s+){0,3}[\u0621-\u064a\u0671-\u06d3]+\s*[،,]\s*[\u0621-\u064a\u0671-\u06d3«\"“]"
    # a body's name ended by a full stop, in Arabic («مركز حماية وحرية الصحفيين. تقرير ...»): it opens
    # with a noun that names bodies (not «دار النهضة العربية. القاهرة.», a publisher on a wrapped line)
    r"|(?:ال)?(?:" + "|".join(_BODY_NOUNS) + r")"
    r"(?:\s+[\u0621-\u064a\u0671-\u06d3]+){0,5}\.\s+[\u0621-\u064a\u0671-\u06d3«\"]"
    # the Maghrebi and French way: surname, then the given name in brackets («بن عاشور (رافع)،»,
    # "CHOUIKHA (L.) et GOBE (É.),")
    r"|[^\W\d_][^\W\d_'’\- ]{1,30}(?:\s[^\W\d_'’\-]{2,20})?\s*\([^()\d]{1,25}\)\s*(?:[،,]|et\s))"
)
#: A year of publication (or "n.d."): an entry that has one has its date, what ends an entry.
_REF_YEAR = re.compile(
    r"(?<![\d٠-٩])(?:1[5-9]\d\d|20\d\d|١[٥-٩][٠-٩][٠-٩]|٢٠[٠-٩][٠-٩])(?![\d٠-٩])|\bn\.\s?d\."
    # a Hijri year (١٤١٧هـ, 1420 ه)
    r"|(?<![\d٠-٩])(?:1[34]\d\d|١[٣٤][٠-٩][٠-٩])\s?(?:هـ|ه(?![\u0621-\u064a]))"
)
_REF_LEAD = " \t-–." + _BULLETS


#: A line of a references list that is only a letter in brackets or between dashes, or «حرف الحاء»:
#: the head of an alphabetical group of entries. (A bare letter may be an entry's wrapped end: «م».)
_LETTER_GROUP = re.compile(
    r"^\s*(?:[(\[]\s*[^\W\d_]\s*[)\]]|[-–—]\s*[^\W\d_]\s*[-–—]|حرف\s+(?:ال)?[^\W\d_]{2,6})\s*$"
)


def _bare_letter_group(line: _Line, state: _State) -> bool:
    """Whether a line that is one bare letter («ب») heads a group of an alphabetical list: the entry
    before it has ended, and the entry after it opens with that letter (a wrapped entry's last
    letter, «م» after «... 2011», goes on with its entry)."""
    text = line.text.strip()
    if len(text) != 1 or not text.isalpha():
        return False
    previous = next((u for u in reversed(state.units) if u.kind == "reference"), None)
    if previous is not None and not _ends_sentence(state.raw[slice(*previous.blocks[-1][-1])]):
        return False
    following = match_key(state.raw[line.end : line.end + 40].lstrip(" \t\r\n\f-–•"))
    # (an alphabetical list sorts by the name without its article: «ج» over «الجابري، محمد عابد»)
    return following[:1] == match_key(text) or (following.startswith("ال") and following[2:3] == match_key(text))


#: A line that ends inside a page range, «211-»: the range goes on at the next line's start.
_OPEN_PAGE_RANGE = re.compile(r"(?<![\d/])(?P<start>\d{1,4})\s?[-–]\s*$")


def _read_reference_line(item: _BodyLine, state: _State) -> None:
    """Add one line of the references list: a new numbered entry or the continuation of one."""
    raw = state.raw
    line = item.line
    if _LETTER_GROUP.match(line.text) or _bare_letter_group(line, state):
        # «(ح)», «- ح -», "(E)": the letter a group of an alphabetical list opens with, no entry of its own
        state.structure.append((line.start, line.end))
        previous = next((u for u in reversed(state.units) if u.kind == "reference"), None)
        if previous is not None:
            previous.closed = True
        return
    start_m = _REF_NUMBER_START.match(line.text)
    end_m = _REF_NUMBER_END.search(line.text)
    number = (start_m.group("num") or start_m.group("pnum")) if start_m else (end_m.group("num") if end_m else None)
    section = _current_section(state)
    # (an entry under an earlier heading, the list's or one of its parts', is not continued)
    previous = next((u for u in reversed(state.units) if u.kind == "reference" and u.section_id == section), None)
    open_range = _OPEN_PAGE_RANGE.search(raw[slice(*previous.blocks[-1][-1])]) if previous is not None else None
    if (
        start_m is not None
        and open_range is not None
        and not item.first
        # (the range's end is past its start, and no next entry's number: «... 1978-» / «2. سليم ...»)
        and int(number) > int(open_range.group("start"))
        and not ((previous.number or "").isdigit() and int(number) == int(previous.number) + 1)
        # (after the range's end, a link or nothing: «234. https://...»; an author's name opens an entry)
        and re.match(r"\s*(?:$|https?://|www\.|doi|[.,،;؛:])", line.text[start_m.end() :], re.IGNORECASE) is not None
    ):
        # «... 4(3)، 211-» / «234. https://...»: the page range's end wrapped onto the line, no entry's number
        start_m = None
        number = end_m.group("num") if end_m else None
    author_year = _REF_AUTHOR_YEAR.match(line.text)
    # (the author part names someone: "Surname, X." / «الشمري، أحمد» / "United Nations.")
    new_entry = bool(_REF_BULLET.match(line.text)) or (
        author_year is not None and re.search(r"[,،]|\.$", author_year.group("author")) is not None
    )
    # Entries set one per line without numbers or years after the authors (a Chicago-style
    # bibliography): after an entry that is complete (closed, with its year), a line that opens
    # with an author's or a body's name is the next entry.
    if not new_entry and author_year is not None and previous is not None and previous.closed:
        new_entry = True  # «الأمم المتحدة (2015). ...» after «... المتحدة.»: a corporate author's entry
    if not new_entry and previous is not None and previous.closed and _REF_NAME_START.match(line.text):
        new_entry = any(_REF_YEAR.search(raw, s, e) for block in previous.blocks for s, e in block)
    # An unnumbered line continues the entry before it when it is inside the same block, when
    # that entry visibly runs on (ends with ":", a comma or mid-phrase), when it begins with a
    # link (links close an entry, they do not open one), or when it is too short to be an entry
    # of its own (a date, a page: an entry has at least an author and a title).
    starts_with_url = bool(re.match(r"<?https?://", line.text.strip()))
    # Only on the very next line: after a blank line a short block may be an entry of its own.
    fragment = (
        previous is not None
        and len(line.text.split()) <= 3
        and _BLANK_LINE.search(raw, previous.blocks[-1][-1][1], line.start) is None
    )
    # In an author-year list set without blank lines, a line that opens no entry (no author and
    # year, no name, no bullet) goes on with the entry before it, even after a full stop («...
    # الخليج.» then the journal's name).
    runs_on = (
        previous is not None
        and _REF_AUTHOR_YEAR.match(raw[previous.blocks[0][0][0] : previous.blocks[0][0][1]]) is not None
        and author_year is None
        and not _REF_NAME_START.match(line.text)
        and not _REF_BULLET.match(line.text)
        and _BLANK_LINE.search(raw, previous.blocks[-1][-1][1], line.start) is None
    )
    # Between two numbered entries, N. and the next line's N+1., a line without a number opens no
    # entry: it goes on with entry N, even after a full stop ("4. ... Violent Conflict." /
    # "London: I.B. Tauris, 2020." / "5. ..."). (A list may go on unnumbered after its numbered
    # entries: there no N+1 follows.)
    numbered = (
        previous is not None
        and (previous.number or "").isdigit()
        and not _REF_BULLET.match(line.text)
        and _next_line_number(raw, line.end) == int(previous.number) + 1
    )
    continues = (
        previous is not None
        and number is None
        and not new_entry
        # (a bilingual box's second column lies before the first one's last line: no run-on backwards)
        and previous.blocks[-1][-1][1] <= line.start
        and (not item.first or starts_with_url or fragment or not previous.closed or runs_on or numbered)
    )
    if continues:
        if item.first:
            previous.blocks.append([(line.start, line.end)])
        else:
            previous.blocks[-1].append((line.start, line.end))
        previous.closed = _reference_closed(line.text)
        return
    s, e = line.start, line.end
    if start_m:
        s = line.start + start_m.end()
    elif end_m:
        e = line.start + end_m.start()
    while s < e and raw[s] in _REF_LEAD:
        s += 1
    while e > s and raw[e - 1] in " \t":
        e -= 1
    unit = _Unit("reference", [[(s, e)]], _current_section(state), number=number)
    unit.closed = _reference_closed(raw[s:e])
    state.units.append(unit)


_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)")
_NEXT_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)[ \t]*(?P<text>[^\r\n]*)")


def _next_line_number(raw: str, end: int) -> int | None:
    """The entry number that opens the line after the one ending at ``end``, or None."""
    m = _NEXT_LINE.match(raw, end)
    start = _REF_NUMBER_START.match(m.group("text")) if m is not None else None
    if start is None:
        return None
    return int(start.group("num") or start.group("pnum"))


def _reference_closed(text: str) -> bool:
    text = text.rstrip()
    if _CUT_WORD.search(text) or _CUT_LINK.search(text):
        return False
    return not (text.endswith((":", ",", "،", ";", "؛")) or (text and text[-1].isalpha()))


# A line that ends inside a word cut by hyphenation ("United Na-") or inside a link cut after the
# first dot of its host ("https://doi.") runs on to the next line.
_CUT_WORD = re.compile(r"[^\W\d_]-$")
_CUT_LINK = re.compile(r"https?://[^\s./]+\.$")


# -- passages ---------------------------------------------------------------


def _make_passage(
    raw: str,
    unit: _Unit,
    index: int,
    footnotes: dict[int, int] | None = None,
    set_off: dict[int, tuple[int, int]] | None = None,
    bare_ok: set[int] | None = None,
    lettered: dict[int, int] | None = None,
    labels: frozenset[int] = frozenset(),
    superscript_lettered: dict[int, int] | None = None,
    markdown: bool = False,
) -> Passage | None:
    """Build a passage: join the unit's lines with spaces, take footnote markers out.

    Besides ``⁽³⁾`` and superscripts after a character, a marker ``(3)`` or `` ³`` in running
    text is a citation when the article has footnote 3 after it (``footnotes``: number -> where
    its text starts); so are the plain digits ``set_off`` by spaces that the notes at a page's
    foot were found to cite (``متفقة 1.``; where the digits start -> (end, number)), and a letter
    ``(ج)`` that cites a note lettered so (``lettered``: number -> where its text starts), and a
    superscript letter ``ᵃ`` that cites a note of its page marked so (``superscript_lettered``: where
    each such marker starts -> the note's number). In a Markdown text (``markdown``) the bold marks
    «**» and «__» are left out too (a table keeps its text as it is).
    """
    plain = footnotes if unit.kind in ("abstract", "paragraph", "list_item") else None
    set_off = set_off if plain is not None else None
    superscript_lettered = superscript_lettered if plain is not None else None
    text_parts: list[str] = []
    segments: list[Segment] = []
    citations: list[Citation] = []
    pos = 0
    prev_end: int | None = None
    for block in unit.blocks:
        for s, e in block:
            pieces = _without_markers(
                raw, s, e, citations, plain, set_off, bare_ok, lettered, labels, superscript_lettered,
                markdown and unit.kind != "table",
            )
            for k, (ps, pe) in enumerate(pieces):
                if pe <= ps:
                    continue
                if prev_end is not None and k == 0 and _hyphen_break(raw, prev_end, ps, segments):
                    # "regi-" + "stered": the hyphen PDF text put at the line end is left out, like a marker.
                    last = segments[-1]
                    segments[-1] = Segment(last.d_start, last.d_end - 1, last.r_start, last.r_end - 1)
                    text_parts[-1] = text_parts[-1][:-1]
                    pos -= 1
                elif prev_end is not None and (k == 0 or raw[prev_end:ps].strip() == ""):
                    sep = " " if k == 0 or raw[prev_end:ps] else ""
                    if sep and k == 0 and unit.kind != "table" and _url_break(raw, prev_end, ps):
                        sep = ""  # «https://doi.org/10.1111/isqu.1217» + «1»: an address cut at the line's end
                    if sep:
                        segments.append(Segment(pos, pos + 1, prev_end, ps))
                        text_parts.append(sep)
                        pos += 1
                segments.append(Segment(pos, pos + pe - ps, ps, pe))
                text_parts.append(raw[ps:pe])
                pos += pe - ps
                prev_end = pe
    text = "".join(text_parts)
    if not text.strip():
        return None
    spans = [piece for block in unit.blocks for piece in _contiguous(raw, block)]
    lang = unit.number if unit.kind == "abstract" else _script(text)
    number = None if unit.kind == "abstract" else unit.number
    return Passage(
        id=f"p{index + 1:04d}",
        kind=unit.kind,
        lang=lang,
        text=text,
        spans=spans,
        text_map=OffsetMap(segments),
        section_id=unit.section_id,
        number=number,
        citations=citations,
    )


def _contiguous(raw: str, block: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A block's line spans as raw extents: lines that follow each other in the raw text make one
    extent. A line of the other language between two lines of a bilingual box (which the reader
    took out of the block) is no part of the passage, so the passage's spans leave it out."""
    out = [block[0]]
    for s, e in block[1:]:
        last_s, last_e = out[-1]
        between = _line_script(raw[last_e:s]) if last_e <= s else "?"
        if between is None or between == _line_script(raw[s:e]):
            # (page furniture between two lines of a paragraph stays inside its extent, as it always has)
            out[-1] = (last_s, e)
        else:
            out.append((s, e))
    return out


#: A web or DOI address that ends a line, and the piece of address that may open the next one.
_URL_AT_END = re.compile(r"(?:https?://|www\.|doi\.org/)\S*$", re.IGNORECASE)
_URL_PIECE = re.compile(r"[A-Za-z0-9./\-?=&%#~:_]+(?=\s|$)")


def _url_break(raw: str, prev_end: int, next_start: int) -> bool:
    """Whether a line end cut a web address or a page range, which goes on at the next line's start
    with no space: the line ends with an address and the next opens with more of one (its characters
    only, with a digit or one of ``/ . - _ =`` in it: a word after an address is text), or the line
    ends with «211-» and the next opens with the range's end."""
    # (not a decimal's range, «1.5-» / «2020», which a table's cells set so)
    tail = raw[max(0, prev_end - 6) : prev_end]
    if re.search(r"(?<![\d.,])\d{1,4}[-–]$", tail) and raw[next_start : next_start + 1].isdigit():
        return True
    line_start = raw.rfind("\n", 0, prev_end) + 1
    url = _URL_AT_END.search(raw, line_start, prev_end)
    piece = _URL_PIECE.match(raw, next_start)
    if url is None or piece is None:
        return False
    address, more = url.group(), piece.group()
    if address.endswith("."):
        # a sentence's full stop after a whole address («www.un.org.»), unless the host is cut after
        # its first dot («https://doi.» / «org/10.1057/...»)
        host = re.sub(r"^(?:https?://)?", "", address, flags=re.IGNORECASE)
        return "/" not in host and host.count(".") == 1 and "/" in more
    # The address was cut after a separator («.../article/» / «128735»), the next line opens with one,
    # or a DOI's suffix runs on («10.1111/isqu.1217» / «1»); not a word, a date or a year after a whole
    # address («.../ar» / «2019», «.../reports» / «15/3/2020»).
    # (more of an address holds a figure or a separator other than a stop: «e.g.» after «.../» is a word;
    # a number that words go on after, «.../» + «2 مليار», or a date, «15/3/2020», is text)
    addressy = re.search(r"[\d/_=%\-]", more.rstrip(".")) is not None
    rest = raw[piece.end() : raw.find("\n", piece.end()) if "\n" in raw[piece.end() :] else len(raw)]
    date = re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\.?", more) is not None
    # (figures only, a year, «2021/03/15», a number, with words or a comma after them on the line)
    if date or (re.fullmatch(r"[\d/.\-]+", more) and re.match(r"\s*(?:[^\W\d_]|[،,])", rest)):
        return False
    return (
        (address.endswith(("/", "-", "_", "=", "?", "&")) and addressy)
        or more.startswith(("/", "-", "_", "=", "?", "&"))
        # (a DOI's suffix goes on with figures: «.../isqu.1217» + «1»; «Accessed» after it is a word)
        or (("doi.org/" in address.lower() or "/10." in address) and more.isalnum() and any(c.isdigit() for c in more))
    )


def _hyphen_break(raw: str, prev_end: int, next_start: int, segments: list[Segment]) -> bool:
    """Whether a Latin word was cut at a line end with a hyphen (``regi-`` / ``stered``).

    The line ends with a hyphen after two Latin letters, and the next starts with a small letter
    (``United Na-`` / ``tions`` too; a capital after the break, as in ``Franco-`` / ``German``,
    keeps the hyphen and the space).
    """
    if not segments or segments[-1].r_end != prev_end or segments[-1].d_end - segments[-1].d_start < 3:
        return False
    return (
        raw[prev_end - 1] == "-"
        and raw[prev_end - 3 : prev_end - 1].isascii()
        and raw[prev_end - 3 : prev_end - 1].isalpha()
        and raw[next_start].isascii()
        and raw[next_start].islower()
    )


#: Markers that are citations only where the article has the footnote: `` (3)``, ``كلمة(3)``, `` ³``.
_PLAIN_MARKER = re.compile(
    rf"(?:(?<=\S)[ \t]?|{_MARKER_ALONE})[(\[](?P<p>\d{{1,3}})[)\]]|(?<=\s)(?P<s>[{_SUPERSCRIPT_DIGITS}]+)(?![\w])"
    # (a number set off after an Arabic sentence's end at a line's end: «... أخرى". 1», not "no. 3")
    rf"|(?:(?<=[\u0621-\u064a]{{2}}[.!?؟…])|(?<=[\u0621-\u064a]{{2}}[.!?؟…][\"'”’»])|(?<=[\u0621-\u064a][\"'”’»][.!?؟…]))"
    rf"[ \t](?P<e>\d{{1,3}})(?=[ \t]*(?:\r?\n|$))"
    rf"|(?<=[^\W\d_][.!?؟…])(?P<d>\d{{1,3}})(?=\s|$)"
    rf"|(?:(?<=[^\W\d_A-Za-z])|(?<=[^\W\d_A-Za-z][\"'”’»]))(?P<g>\d{{1,3}})(?=[.!?؟…،,:؛])"
    rf"|{_GLUED_MID_SENTENCE}"
    # HTML's superscript, «.<sup>1</sup>» (marker writes that; not «10<sup>11</sup>», «كم<sup>2</sup>» where
    # no note 2 follows)
    r"|(?<![0-9])<sup>(?P<h>\d{1,3})</sup>"
    # a letter in brackets that cites a lettered note: after a word, before a stop or at the
    # line's end («الحیّاد(ج).», «بالعاصمة (هـ).»), or after the sentence's end («... اس. (ب)»)
    r"|(?:(?<=[\u0621-\u064a\u06a9\u06cc])[ \t]?|(?<=[.!?؟…\"'”’»])[ \t]?)"
    r"[(\[](?P<l>هـ|[أابجدهوزحطي])[)\]](?=[.!?؟…،,:؛]|[ \t]*(?:\r?\n|$))"
)


#: A word a letter in brackets labels a part of, right before it: «الشرط (أ)», «المادة 51 الفقرة (ب)»,
#: «في البند (ج)», «الملحق (ب)», «الجدول رقم (أ)» (a text's parts and a law's; after other nouns,
#: «المرحلة (أ)», the letter is as often a note's marker).
_LETTER_CLAUSE_WORD = re.compile(
    r"(?<![^\W\d_])(?:لل|[وفبل]?(?:ال)?)(?:فقرة|فقرتين|بند|بندين|شرط|ملحق|مرفق|جدول|شكل|مادة|قسم|محور|فصل|باب)"
    r"(?:\s+(?:رقم|[0-9\u0660-\u0669]{1,3}))?[ \t]*$"
)
#: The word right before a letter in brackets.
_WORD_BEFORE = re.compile(r"([\u0621-\u064a]+)[ \t]*(?:\r?\n[ \t]*)?$")
#: A word and the letter in brackets after it: «المجموعة (أ)».
_WORD_LETTER = re.compile(r"([\u0621-\u064a]{2,})[ \t]*(?:\r?\n[ \t]*)?[(\[](هـ|[أابجدهوزحطي])[)\]]")


def _noun_key(word: str) -> str:
    """A noun without its conjunction, preposition or article: «والمجموعة» -> «مجموعة»."""
    key = match_key(word)
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            return key[len(prefix) :]
    return key


#: Most characters between two letters in brackets after one noun that label its kinds.
_LABEL_SPAN = 40
#: What stands between two labels: words, or just a comma («المجموعة (أ)، والمجموعة (ب)»); no stop.
_LABEL_GAP = re.compile(r"[^.!?؟…،,؛;]*|[\s،,؛;]*")


def _letter_labels(raw: str) -> frozenset[int]:
    """Where the letters in brackets stand that label a thing's kinds or members: one noun set
    before two different letters close together, no sentence end between and a comma only alone
    («المجموعة (أ) والمجموعة (ب)», «المجموعة (أ)، والمجموعة (ب)»), not notes' markers («في العراق (أ)
    بعد ...، واستمر ... في العراق (ب)»)."""
    last: dict[str, re.Match[str]] = {}
    labels: set[int] = set()
    for m in _WORD_LETTER.finditer(raw):
        noun = _noun_key(m.group(1))
        seen = last.get(noun)
        if (
            seen is not None
            and seen.group(2) != m.group(2)
            and m.start() - seen.end() <= _LABEL_SPAN
            and _LABEL_GAP.fullmatch(raw, seen.end(), m.start()) is not None
        ):
            labels.update((seen.end(1), m.end(1)))
        last[noun] = m
    return frozenset(labels)


#: A letter in brackets that opens an item of a run-in list (after a colon, a comma or the line's start).
_RUN_IN_LETTER = re.compile(r"(?:^|[:：،,;؛])[ \t]*[(\[](?:هـ|[أابجدهوزحطي])[)\]]", re.MULTILINE)


#: An article, paragraph or clause number just before a bracketed number («المادة 2 (7)»): the
#: brackets hold its sub-number, not a footnote marker.
_CLAUSE_NUMBER = re.compile(_CLAUSE_WORD + r"\s+[0-9\u0660-\u0669]{1,3}[ \t]*$")


def _without_markers(
    raw: str,
    start: int,
    end: int,
    citations: list[Citation],
    footnotes: dict[int, int] | None = None,
    set_off: dict[int, tuple[int, int]] | None = None,
    bare_ok: set[int] | None = None,
    lettered: dict[int, int] | None = None,
    labels: frozenset[int] = frozenset(),
    superscript_lettered: dict[int, int] | None = None,
    emphasis: bool = False,
) -> list[tuple[int, int]]:
    markers: list[tuple[int, int, str | None]] = [
        (m.start(), m.end(), m.group().strip("⁽⁾[]^")) for m in _FOOTNOTE.finditer(raw, start, end)
    ]
    if emphasis:
        markers += [(a, b, None) for a, b in _bold_marks(raw, start, end)]
        markers.sort(key=itemgetter(0))
    if superscript_lettered:
        markers += [(at, at + 1, str(n)) for at, n in superscript_lettered.items() if start <= at < end]
        markers.sort(key=itemgetter(0, 1))
    if set_off:
        # plain digits set off by spaces, found for the notes at a page's foot (``متفقة 1.``)
        markers += [(at, e, str(n)) for at, (e, n) in set_off.items() if start <= at and e <= end]
        markers.sort(key=itemgetter(0, 1))
    if footnotes:
        for m in _PLAIN_MARKER.finditer(raw, start, end):
            if m.group("l"):
                number = ABJAD_VALUES[m.group("l")]
                line_start = _line_start_of(raw, m.start())
                clause = _LETTER_CLAUSE_WORD.search(raw, max(line_start, m.start() - 30), m.start())
                before = _WORD_BEFORE.search(raw, max(0, m.start() - 30), m.start())
                labelled = before is not None and before.end(1) in labels
                if clause or labelled or _RUN_IN_LETTER.search(raw, line_start, m.start()):
                    continue  # «الشرط (أ).», «في البند (ج)،»; «...: (أ) عوامل داخلية. (ب)»: labels, not markers
                if lettered and number in lettered and lettered[number] > m.start():
                    at = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
                    markers.append((at, m.end(), str(number)))
                continue
            digits = (
                m.group("p") or m.group("s") or m.group("d") or m.group("g") or m.group("m") or m.group("e")
                or m.group("h")
            )
            number = int(digits.translate(_SUPERSCRIPT_VALUE))
            if (
                m.group("p")
                and _CLAUSE_NUMBER.search(raw, max(start, m.start() - 40), m.start())
                and not re.match(r"\s*(?:[.،,؛;!?؟]|$)", raw[m.end() : end])
            ):
                continue  # an article's paragraph, «المادة 2 (7): ...», "Article 2(7) of": no marker
            if m.group("p") and _FIGURE_NUMBER_WORD.search(raw, max(start, m.start() - 30), m.start()):
                continue  # «ويبين الشكل رقم (1) تطور ...»: the figure's number
            box = m.group("p") and _BOX_WORD.search(raw, _line_start_of(raw, m.start()), m.start())
            if box and raw[m.end() : m.end() + 1] in (":", "："):
                continue  # «إطار (1): منتدى غاز شرق المتوسط»: a box's number (not «في إطار(1) ...», a note's)
            if m.group("e") and number not in (bare_ok or ()):
                continue
            if footnotes.get(number, -1) > m.start() and not any(a < m.end() and m.start() < b for a, b, _ in markers):
                at = m.start() + (len(m.group()) - len(m.group().lstrip(" \t")) if m.group("p") or m.group("e") else 0)
                markers.append((at, m.end(), digits))
        markers.sort(key=itemgetter(0, 1))
    pieces = []
    pos = start
    for m_start, m_end, digits in markers:
        if digits is None:  # (a Markdown bold mark: no citation, and the spaces around it stay)
            pieces.append((pos, m_start))
            pos = m_end
            if m_start == start:  # («**» opening the piece, «الملخص:** نص»: the text starts after the spaces)
                while pos < end and raw[pos] in " \t":
                    pos += 1
            continue
        citations.append(Citation(int(digits.translate(_SUPERSCRIPT_VALUE)), m_start, m_end))
        left_end = m_start
        while left_end > pos and raw[left_end - 1] in " \t" and (m_end >= end or raw[m_end] in " \t.،,؛:"):
            left_end -= 1
        pieces.append((pos, left_end))
        pos = m_end
    pieces.append((pos, end))
    return pieces
