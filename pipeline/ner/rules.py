"""Span rules of the NER stage: DATE, PLATFORM and gazetteer names, clitic-aware.

Arabic attaches one-letter proclitics (و ف ب ك ل) to the next word, so a name
is often written وتويتر or بالسويد. The project's guideline puts the clitic
outside the entity (وتويتر -> تويتر, بالسويد -> السويد) and, for the fused لل
form, removes exactly one ل (للأمم المتحدة -> لأمم المتحدة). The rules here
work on character offsets of the text they are given, so every span they
return is exact; the stage maps them to raw offsets.

English text is handled by a spaCy ``blank("en")`` pipeline with an
``entity_ruler`` whose patterns come from the same gazetteer
(:func:`build_english_ruler`).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol, TypeVar

from .gazetteer import TOWN_WORDS, Gazetteer, key

#: Word characters of Arabic text: letters, digits, diacritics, tatweel.
_WORD = r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]"
WORD_RE = re.compile(_WORD + r"+")
_LATIN_WORD = re.compile(r"[A-Za-z]")

#: Proclitic letter sequences that may precede a name (longest first).
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")

_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_YEAR = rf"(?:1[0-9]|20|[\u0661][\u0660-\u0669]|[\u0662][\u0660]){_DIGIT}{{2}}"
_ERA = r"(?:\s?(?:م|هـ|ه)(?!" + _WORD + r"))?"
_YEARWORD = r"(?:عام|العام|سنة|السنة|أعوام|اعوام|عامي)\s+"
_ORDINALS = "الأول|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الحادي|العشرين|العشرون"
#: Head nouns of institutions named by their country (وزارة الخارجية الفرنسية, السفارة السويدية).
INSTITUTION_HEADS = (
    "وزارة", "سفارة", "السفارة", "الحكومة", "حكومة", "القنصلية", "قنصلية", "مكتب", "بعثة", "البعثة", "مجلس", "وكالة",
    "الشرطة", "شرطة", "الجيش", "جيش", "الخارجية", "الاستخبارات", "استخبارات", "المخابرات", "مخابرات", "الدرك",
    "البرلمان", "برلمان", "البحرية", "الحرس",
)  # fmt: skip
#: The noun of a party named by a noun and its country (حزب نداء تونس).
_PARTY = "حزب"
#: «القوات» and the adjectives of its service branches (air, naval, land forces).
_FORCES = "القوات"
_BRANCHES = frozenset({"الجوية", "البحرية", "البرية"})
#: «الخارجية» is the foreign ministry (الخارجية القطرية), except in a minister's title (وزير الخارجية القطري)
#: and where it is the adjective of the definite noun before it (السياسة الخارجية السعودية, الديون
#: الخارجية المصرية, الشؤون الخارجية); after a weekday (أعلنت الثلاثاء الخارجية), a known name or
#: with «و» (الكرملين والخارجية الروسية) it is the ministry.
_FOREIGN_MINISTRY = "الخارجيه"  # its key
#: Heads that are adjectives as well, tested like «الخارجية»: «البحرية» is the navy (البحرية التركية) and
#: "maritime" after a noun (الحدود البحرية السعودية, القوات البحرية).
_ADJECTIVE_HEADS = frozenset({_FOREIGN_MINISTRY, "البحريه"})
_MINISTER_OR_AFFAIRS = re.compile("وزير|وزراء|شؤون|شوون|شئون")
_DEFINITE = re.compile("^(?:[وفبلك]?ال|لل)")
#: Words an institution's name does not run over to reach a place: prepositions (الشرطة في لندن,
#: «في» is a locative: two entities) and words with a ب / ل proclitic (المعونة الخارجية لتنمية هايتي).
_NOT_IN_NAME = re.compile(r"^(?:[وف]?(?:في|من|الي|علي|عن|مع|منذ|حتي|لدي)|[وف]?(?:بال|لل)\w{2,}|[وف]?ل(?!ل)\w{2,}ي?ه)$")
#: Plural nouns before a head that make the phrase a description (أجهزة الاستخبارات البريطانية, decision D1).
_PLURAL_DESCRIPTORS = frozenset(key(w) for w in ("أجهزة", "وأجهزة", "لأجهزة", "وكالات", "أفرع", "فروع"))
_ORDINAL_DAY = re.compile("(?:" + _ORDINALS + r")\s")
_DEFINITE_NOUN_BEFORE = re.compile(r"(?<![\w\u064B-\u065F])[وفبلك]?ال(?!يوم\s)\w{2,}\s+$")  # (اليوم الأول من: a day)
#: Embassies and missions: named by a nisba they are institutions (السفارة الألمانية), by a country's
#: name the country alone is tagged (بعثة كوريا الشمالية: corpus/layouts/ner_gold/DECISIONS.md, 12).
_MISSION_HEADS = frozenset(key(w) for w in ("سفارة", "السفارة", "بعثة", "البعثة"))
#: «في» and «لدى» belong to the names of offices and missions (مكتب اليونيسيف في بنغلاديش).
_OFFICE_HEADS = frozenset(key(w) for w in ("مكتب", "بعثة", "البعثة"))
_OFFICE_IN = frozenset(key(w) for w in ("في", "لدى"))
#: Heads of an institution named by its portfolio: a ministry (وزارة الاقتصاد والمالية) and a named
#: government (حكومة الوحدة الوطنية).
_PORTFOLIO_HEADS = {key("وزارة"): 1, key("حكومة"): 2}  # head -> fewest words of its name after it
#: Relative pronouns and إلى, which look like a noun with the article (الذي, التي; إلى is «الي» once folded).
_NOT_PORTFOLIO = frozenset(
    key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "إلى", "الى")
)
#: A radio station: a word, then "FM" in Arabic letters («الجوهرة أف أم», «موزاييك إف إم»).
_FM_STATION = re.compile(r"(?<!" + _WORD + r")(?P<name>" + _WORD + r"{2,})\s+[أإا]ف\s+[أإا]م(?!" + _WORD + r")")
#: Descriptor nouns that introduce a name and give its type (the descriptor stays outside the span).
SITE_DESCRIPTORS = ("موقع", "تطبيق", "منصة", "مدونة")
ORG_DESCRIPTORS = ("مؤسسة", "شركة", "منظمة", "جمعية", "هيئة", "وكالة")
#: Words a quoted statement or headline opens with, never a medium's name (لا تعليق).
_QUOTE_OPENERS = frozenset(key(w) for w in ("لا", "لم", "لن", "ما", "إن", "أن", "قد", "هل", "ليس", "كيف", "لماذا"))
#: Words that report what a medium said or name an interview with it (قالت, أوردته, حوار, تقرير).
_REPORTING = frozenset(
    key(w)
    for w in (
        "قال قالت ذكر ذكرت يذكر أفاد أفادت نقل نقلت نقلته أورد أوردت أوردته نشر نشرت نشرته كشف كشفت وفق وفقا "
        "حسب بحسب حوار مقابلة تصريح تصريحات لقاء تقرير تقارير أعلن أعلنت بث بثت بثته أكد أكدت أضاف أضافت "
        "أشار أشارت أوضح أوضحت مصادر مراسل افتتاحية تحرير محرر المحرر عدد"
    ).split()
)
_PRIVATE = frozenset(key(w) for w in ("الخاص", "الخاصة", "الرسمي", "الرسمية", "الإخبارية", "الإخباري"))
_DIGIT_RE = re.compile(r"[0-9\u0660-\u0669]")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z&' -]*[A-Za-z]")
#: Latin abbreviations that are no medium's or organisation's name (bands, degrees, units, formats).
NOT_ACRONYMS = frozenset({"FM", "AM", "HD", "TV", "PDF", "PHD", "PH.D", "MBA", "BA", "MA", "CEO", "USD", "GMT", "DNA"})
_DOTTED_LETTERS = re.compile(r"[\u0621-\u064A]{1,3}(?:\.[\u0621-\u064A]{1,3})+\.?(?: [\u0621-\u064A]{2,6})?")
#: A canal (قناة السويس) and a station (محطة تشيرنوبل النووية) are places as often as media.
_FACILITY_MEDIA = ("قناة", "محطة")
#: One of ``_FACILITY_MEDIA`` (with a clitic) and an opening quote or bracket, just before a name.
_FACILITY_BEFORE = re.compile(r"(?:^|\s)[وفبل]?(?:" + "|".join(_FACILITY_MEDIA) + r")\s*[\"«(]?\s*$")
_FACILITY_ADJECTIVES = frozenset(
    key(w) for w in ("النووية", "النووي", "الفضائية", "الكهربائية", "لتوليد", "للطاقة", "الحرارية", "للقطارات")
)
#: Adjectives of a power plant (not الفضائية: a satellite channel is a broadcaster).
_FACILITY_PLANT_ADJECTIVES = _FACILITY_ADJECTIVES - {key("الفضائية")}
#: The word after a name, past its closing quote or bracket.
_FACILITY_ADJECTIVE_AFTER = re.compile(r"[\"»)]?\s+(?P<word>[\u0621-\u064A]+)")
#: News media introduced by what they are (صحيفة "الحياة", محطة (سي.ان.ان ترك)): the name is an ORG.
MEDIA_DESCRIPTORS = ("صحيفة", "جريدة", "مجلة", "قناة", "محطة", "تلفزيون", "إذاعة")
_DECADES = "عشرينيات|ثلاثينيات|أربعينيات|اربعينيات|خمسينيات|ستينيات|سبعينيات|ثمانينيات|تسعينيات"


#: A city known from CLDR alone is found behind a locative proclitic only (بكابول, لجوبا): behind و or
#: ك an ordinary word is far likelier (وجوبا "necessarily", كواليس "backstage"). A one-word name that
#: is mostly an ordinary word (``Gazetteer.city_words``: ماهي, العيون) is taken only right after a
#: locative word (في العيون) or a locative word and a nisba (العاصمة الموريتانية نواكشوط). «من» and
#: «بين» introduce such a city (قادما من نواكشوط) but not a town only GeoNames knows: they come before
#: any noun (من البدع "of heresies", not from Al Bada'a), «بين» only before و + a known place.
_LOCATIVE_CLITICS = frozenset({"ب", "ل", "وب", "ول", "فب", "فل"})
_IN_CLITICS = frozenset({"ب", "وب", "فب"})
_FROM_BETWEEN = frozenset(key(w) for w in ("من", "ومن", "بين"))
_BETWEEN = key("بين")
_GOVERNOR = key("والي")
#: Definite words that may follow a town's name without being its adjective (بالمنستير اليوم, مطار
#: المنستير الدولي).
_TIME_WORDS = frozenset(
    key(w)
    for w in (
        "اليوم", "الأسبوع", "الشهر", "العام", "السنة", "الماضي", "الجاري", "الليلة", "الأحد", "الاثنين",
        "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الدولي", "الدولية",
    )
)  # fmt: skip


def _after_town_word(text: str, words: list[_Word], i: int) -> bool:
    """Whether ``words[i]`` comes right after a word that names a town (مدينة, ولاية, والي ...; not
    «وإلى», "and to", whose key is the governor's)."""
    if i < 1 or text[words[i - 1].end : words[i].start].strip():
        return False
    before = words[i - 1]
    return before.info.key in TOWN_WORDS and (before.info.key != _GOVERNOR or before.text.endswith("والي"))


class _TownKeys(NamedTuple):
    """Gazetteer keys the list and bracket rules look up (built once by :class:`ArabicRules`)."""

    #: Places that are no ordinary word (countries, towns not flagged ``word``), of any length.
    sure_places: frozenset[str]
    #: Every place, word-like towns and names of several words included.
    places: frozenset[str]
    #: Towns (CLDR and GeoNames), not countries.
    towns: frozenset[str]
    #: Words mostly inside person names in the training text.
    person_words: frozenset[str]


#: Plural nouns that open a list of places (في ولايات جندوبة وسيدي بوزيد ومدنين, عواصم ...).
_LIST_WORDS = frozenset(
    key(w)
    for w in (
        "ولايات", "بولايات", "محافظات", "بمحافظات", "مدن", "بمدن", "عواصم", "مناطق", "بمناطق", "مدينتي",
        "بمدينتي",
    )
)  # fmt: skip


def _list_gap(text: str, words: list[_Word], a: int, b: int) -> bool:
    """Whether only spaces or a comma stand between ``words[a]`` and ``words[b]`` (items of a list)."""
    return text[words[a].end : words[b].start].strip() in ("", "،", ",")


def _is_place(text: str, words: list[_Word], first: int, last: int, keys: Container[str]) -> bool:
    """Whether ``words[first..last]`` name a known place (no punctuation inside; the first word may
    carry clitics)."""
    if any(text[words[x].end : words[x + 1].start].strip() for x in range(first, last)):
        return False
    rest = [w.info.key for w in words[first + 1 : last + 1]]
    return any(" ".join([k, *rest]) in keys for _, k in words[first].info.starts)


def _place_ending(text: str, words: list[_Word], j: int, keys: Container[str]) -> int | None:
    """The first word of a known place of one to three words that ends at ``words[j]``, or None."""
    return next((first for first in range(j, max(j - 3, -1), -1) if _is_place(text, words, first, j, keys)), None)


def _place_starting(text: str, words: list[_Word], j: int, keys: Container[str]) -> bool:
    """Whether a known place of one to three words begins at ``words[j]``."""
    return any(_is_place(text, words, j, last, keys) for last in range(j, min(j + 3, len(words))))


def _listed_with_place(text: str, words: list[_Word], i: int, n: int, town_keys: _TownKeys) -> bool:
    """Whether the ``n`` words from ``words[i]`` (after «و») are an item of a list of places.

    One place beside them is not enough («على قطر وجوبا»: "obligatorily", «أعلنت روسيا وجهرا»: "openly",
    «أتلتيكو مدريد وإيندهوفن»: a club); two signs of a list are needed: a place before them and a
    «و» place after them, one of the two no ordinary word (في نيروبي ومومباسا ومقديشو, محافظات درعا
    ودير الزور وحلب); or a place that is no ordinary word before them that opens the list after a
    locative or list word, a preposition's clitic or another place (بكل من البويرة وسكيكدة, البليدة
    وبومرداس وبرج بوعريريج, بودابست، وبراغ، ووارسو). Only spaces or a comma stand between the items, and
    no word of a person's name follows (في لندن وجوني ديب)."""
    end = i + n
    if end < len(words) and not text[words[end - 1].end : words[end].start].strip():
        if words[end].info.key in town_keys.person_words:
            return False
    if i < 1 or not _list_gap(text, words, i - 1, i):
        return False
    before_any = _place_ending(text, words, i - 1, town_keys.places)
    if before_any is None:
        return False
    before_sure = _place_ending(text, words, i - 1, town_keys.sure_places)
    after = end < len(words) and words[end].text.startswith("و") and _list_gap(text, words, end - 1, end)
    if after and _place_starting(text, words, end, town_keys.sure_places if before_sure is None else town_keys.places):
        return True
    if before_sure is None:
        return False
    opener = words[before_sure]
    if any(offset and opener.text[:offset] in _LOCATIVE_CLITICS for offset, _ in opener.info.starts):
        return True  # «بالفاشر ونيالا»
    if before_sure < 1 or not _list_gap(text, words, before_sure - 1, before_sure):
        return False
    prior = words[before_sure - 1].info.key
    return (
        prior in _LOCATIVE_WORDS
        or prior in _FROM_BETWEEN
        or prior in TOWN_WORDS
        or prior in _LIST_WORDS
        or _place_ending(text, words, before_sure - 1, town_keys.places) is not None
    )


def _bracketed_after_town(text: str, words: list[_Word], i: int, n: int, town_keys: _TownKeys) -> bool:
    """Whether the ``n`` words from ``words[i]`` are all a bracket holds, right after a town (its
    governorate: بمارث (قابس)); not after a country (إنجلترا (توتنهام): a club), nor a person's word
    (جنين (نايف))."""
    end = words[i + n - 1].end
    return (
        i >= 1
        and text[words[i - 1].end : words[i].start].strip() == "("
        and text[end : end + 1] == ")"
        and any(k in town_keys.towns for _, k in words[i - 1].info.starts)
        and words[i].info.key not in town_keys.person_words
    )


def _name_follows(text: str, words: list[_Word], i: int, entries: Container[str]) -> bool:
    """Whether the word after ``words[i]`` (no punctuation between) is a known name of one word."""
    if i + 1 >= len(words) or text[words[i].end : words[i + 1].start].strip():
        return False
    return words[i + 1].info.key in entries


#: A word with the article (not إلى, الذي, التي: a preposition and relative pronouns begin with ال too).
_DEFINITE_NOUN = re.compile(r"ال(?!ذي|تي|ذين|لذين|لتي|لاتي|ى|ي$)" + _WORD + r"{2,}")


def _agrees_with_next(text: str, words: list[_Word], i: int, nisba: Container[str], definite: bool = True) -> bool:
    """Whether ``words[i]`` has a definite word right after it that is no country's nisba nor a word of
    time: the adjective of a definite word (المنشأة النووية) or the rest of a longer name, or, with
    ``definite`` false, what a word in the construct state governs as well (بخالص التعازي, ديربي العاصمة)."""
    if (definite and not _DEFINITE.match(words[i].info.key)) or i + 1 >= len(words):
        return False
    after = words[i + 1]
    if text[words[i].end : after.start].strip() or not _DEFINITE_NOUN.match(after.text):
        return False
    return after.info.key not in nisba and after.info.key not in _TIME_WORDS


_LOCATIVE_WORDS = frozenset(
    key(w)
    for w in (
        "في", "وفي", "إلى", "وإلى", "الى", "نحو", "صوب", "باتجاه", "قرب", "داخل", "خارج", "مدينة",
        "المدينة", "بمدينة", "ومدينة", "العاصمة", "عاصمة", "بالعاصمة", "ولاية", "مطار", "منطقة", "عبر",
        "شارع", "بشارع", "وشارع",
    )
)  # fmt: skip


def _city_here(
    text: str,
    words: list[_Word],
    i: int,
    offset: int,
    word_like: bool,
    common: bool = False,
    nisba: Container[str] = (),
    geonames: bool = False,
    n: int = 1,
    names: Container[str] = (),
    town_keys: _TownKeys | None = None,
) -> bool:
    """Whether a city known from CLDR or GeoNames alone, ``n`` words from ``words[i]`` after ``offset``
    clitic letters, is taken; ``nisba`` holds the keys of the countries' nisba adjectives, ``names``
    the gazetteer's keys; ``town_keys`` (keys of places, towns and person words) lets a town stand in a
    list behind «و» or in brackets after a town."""
    after_town_word = _after_town_word(text, words, i)
    if (
        n == 1
        and not after_town_word  # «والي سوسة الجديد»: the new governor
        and geonames
        and _agrees_with_next(text, words, i, nisba, not word_like)
    ):
        # «المنشأة النووية», «القطيفة الحمراء», «الوادى الجديد»: a noun and its adjective, or a longer name;
        # «بخالص التعازي», «إبراء الذمة»: a word that governs the next one
        return False
    if geonames and (word_like or common) and _name_follows(text, words, i + n - 1, names):
        return False  # «رالي داكار», «أورانج تونس»: a word before a name, not a town
    if common:
        if offset:
            return False  # ببيان "in a statement", not in Bayan
        if after_town_word:
            return True
        if i < 1 or text[words[i - 1].end : words[i].start].strip():
            return False
        # «العاصمة الليبية طرابلس»: a town word, then the country's nisba
        return (
            i >= 2
            and words[i - 1].info.key in nisba
            and not text[words[i - 2].end : words[i - 1].start].strip()
            and words[i - 2].info.key in TOWN_WORDS
        )
    if offset:
        # «بسوسة» "in Sousse"; but «للسلط» "for the authorities", not for Salt, and «بارا» is no ب + Arrah
        if word_like and len(words[i].text) - offset <= 3:
            return False
        if words[i].text[:offset] in (_IN_CLITICS if word_like else _LOCATIVE_CLITICS):
            return True
        # «نيروبي ومومباسا», «بمدينتي الإسكندرية وطنطا»: a town joined by و to a place in a list of towns
        # (a word-like one too, not a common word); alone, «وجوبا» is "obligatorily" more often than
        # "and Juba", «وزاريا» "ministerial"
        return (
            town_keys is not None
            and words[i].text[:offset] == "و"
            # «الدوحة وجاسم», «بالإمارات وزايد»: a word-like town named like a person is the person
            and not (
                word_like
                and n == 1
                and any(o == offset and k in town_keys.person_words for o, k in words[i].info.starts)
            )
            and _listed_with_place(text, words, i, n, town_keys)
        )
    if not word_like:
        return True
    if town_keys is not None and _bracketed_after_town(text, words, i, n, town_keys):
        return True  # «بمارث (قابس)»: the governorate of the town before it
    if i < 1 or text[words[i - 1].end : words[i].start].strip():
        return False
    if words[i - 1].info.key in _LOCATIVE_WORDS or after_town_word:
        return True
    if not geonames and words[i - 1].info.key in _FROM_BETWEEN:
        return True  # «قادما من نواكشوط»; a town only GeoNames knows is no «من البدع», «بين أوستن ونظيره»
    if words[i - 1].info.key == _BETWEEN and i + n < len(words):
        # «بين مصراتة وطرابلس»: between the town and a known place
        other = words[i + n].text
        return other.startswith("و") and key(other[1:]) in names
    # «العاصمة الموريتانية نواكشوط»: a locative word, then the country's nisba (not «في مالي المنشأة»)
    return (
        i >= 2
        and words[i - 1].info.key in nisba
        and not text[words[i - 2].end : words[i - 1].start].strip()
        and words[i - 2].info.key in _LOCATIVE_WORDS
    )


#: Distinct words whose lookup facts :class:`ArabicRules` keeps (a few MB at most).
_CACHE_SIZE = 200_000


#: A Latin name that ends with a full stop after a lower-case letter and has no other dot:
#: «شركة Sony Pictures Entertainment.» ends a sentence (digdipblog.com and U.S. do not match).
_SENTENCE_STOP = re.compile(r"^[^.]*[a-z]\.$")

#: Prepositions of time before a month named alone (في مارس, منذ نوفمبر), and the relative words after
#: one (أفريل الفارط, نوفمبر الماضي).
_TIME_PREPOSITIONS = "في|منذ|خلال|حتى|مطلع|أواخر|اواخر|أوائل|اوائل|منتصف|أواسط|بداية|نهاية|قبل|بعد"
_RELATIVE_WORDS = "الماضي|الفارط|المنصرم|الجاري|الحالي|المقبل|القادم"
#: Month names that are verbs as well (مارس "exerted", practised), and the object that shows the verb:
#: a definite noun that is no relative word (مارس الضغط) or a noun with a pronoun (مارس نشاطه).
_MONTH_VERBS = frozenset({"مارس"})
_VERB_OBJECT = re.compile(
    r"\s+(?:ال(?!ماضي|فارط|منصرم|جاري|حالي|مقبل|قادم)" + _WORD + r"+|" + _WORD + r"+(?:ه|ها|هم)(?!" + _WORD + r"))"
)

#: «و» and the word after a month named alone (في مارس وأبريل, بعد نيسان وتويوتا), and the words of time
#: that may follow it so (منذ يناير وحتى اليوم).
_AND_WORD = re.compile(r"\s+و(" + _WORD + r"+)")
_TIME_JOINS = frozenset({"حتى", "إلى", "الى", "لغاية", "قبل", "بعد", "خلال", "منذ", "في", "طوال"})
#: Words after which a number is a document number, not a year (القرار 2057, resolution 2085 (2012)).
REFERENCE_WORDS_AR = ("قرار", "القرار", "القرارات", "القرارين", "قراري", "قراراته", "قرارها", "قراره", "رقم")
REFERENCE_WORDS_EN = ("resolution", "resolutions", "Resolution", "Resolutions", "No.", "No", "no.", "number", "Number")
_REF_NUMBER = rf"{_DIGIT}+"
_REF_YEAR = rf"(?:\s*\(\s*{_DIGIT}{{4}}\s*\))?"
#: A reference word, then numbers (each with an optional «(year)») joined by و / and / commas:
#: «القرارات 2057 (2012) و 2109», "resolutions 2057 (2012) and 2109 (2013)".
_REFERENCE_RE = re.compile(
    r"(?<!" + _WORD + r")(?:[وفبلك]|لل|وب|ول|وال|بال)?(?:" + "|".join(REFERENCE_WORDS_AR) + r")(?!" + _WORD + r")"
    r"|(?<![A-Za-z])(?:" + "|".join(re.escape(w) for w in REFERENCE_WORDS_EN) + r")(?![A-Za-z])"
)
_REFERENCE_FIRST = re.compile(rf"\s*(?:(?:رقم|No\.?)\s*)?(?P<n>{_REF_NUMBER})(?P<y>{_REF_YEAR})")
_REFERENCE_NEXT = re.compile(rf"\s*(?:،|,|و|and|&)\s*(?P<n>{_REF_NUMBER})(?P<y>{_REF_YEAR})")


def reference_numbers(text: str) -> set[tuple[int, int]]:
    """Spans of numbers that follow a reference word: resolution and document numbers, not years.

    «القرار 2057», «القرار رقم 2057», «القرارات 2057 (2012) و 2109», "resolution 2085 (2012)",
    "No. 1998". The year in brackets after a resolution number is not one of them.
    """
    out: set[tuple[int, int]] = set()
    for m in _REFERENCE_RE.finditer(text):
        first = _REFERENCE_FIRST.match(text, m.end())
        if first is None:
            continue
        out.add((first.start("n"), first.end("n")))
        pos = first.end()
        while (nxt := _REFERENCE_NEXT.match(text, pos)) is not None:
            out.add((nxt.start("n"), nxt.end("n")))
            pos = nxt.end()
    return out


class _WordInfo(NamedTuple):
    """What the rules need to know about one distinct word."""

    key: str
    #: (clitic offset, key of the rest) for each way the word may begin a gazetteer name.
    starts: tuple[tuple[int, str], ...]
    #: Offset of an institution head noun (وزارة, بالسفارة -> 2), None when the word is none.
    head: int | None
    #: The word is a country name or a nisba adjective of one.
    country: bool


class _Word(NamedTuple):
    start: int
    end: int
    text: str
    info: _WordInfo


@dataclass(frozen=True)
class RuleSpan:
    """A span a rule found: character offsets into the text it was given."""

    start: int
    end: int
    label: str
    id: str = ""
    rule: str = ""


def _alternation(words: Iterable[str]) -> str:
    forms = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


def _with_hamza_variants(words: Iterable[str]) -> set[str]:
    """Month names also as commonly typed without hamza (ابريل, اكتوبر)."""
    out = set()
    for w in words:
        out.add(w)
        out.add(w.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا"))
    return out


class ArabicRules:
    """DATE and gazetteer (LOC/ORG/PLATFORM) spans in Arabic text, clitic-aware.

    Args:
        gazetteer: The loaded gazetteer (its Arabic entries and month names are used).
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        places = {k: e for k, e in gazetteer.entries.items() if e.label == "LOC"}
        self._town_keys = _TownKeys(
            sure_places=frozenset(k for k in places if k not in gazetteer.city_words),
            places=frozenset(places),
            towns=frozenset(k for k, e in places.items() if e.id.startswith("city:")),
            person_words=frozenset(gazetteer.person_words),
        )
        months = _alternation(_with_hamza_variants(gazetteer.months_ar))
        month_group = rf"(?:{months})(?:\s*[/\\\-]\s*(?:{months}))?"
        clitic = r"(?<!" + _WORD + r")(?:[وف]?[بلك]?)"
        patterns = [
            # 25 مايو/أيار 2015 م ; 17 سبتمبر/أيلول عام 2017 ; 20 فبراير/شباط ; 6-24 نيسان/أبريل 2015
            rf"{_DIGIT}{{1,2}}(?:\s*[-–]\s*{_DIGIT}{{1,2}})?\s+{month_group}(?:\s*[،,]?\s*(?:{_YEARWORD})?{_YEAR}{_ERA})?",
            # أيلول / سبتمبر 2007 ; مارس 2007
            rf"{month_group}\s*[،,]?\s*(?:{_YEARWORD})?{_YEAR}{_ERA}",
            # السابع من أغسطس 2017 ; الحادي عشر من سبتمبر: a day written as an ordinal
            rf"(?:{_ORDINALS})(?:\s+(?:عشر|والعشرين|والعشرون))?\s+من\s+{month_group}"
            rf"(?:\s*[،,]?\s*(?:{_YEARWORD})?{_YEAR}{_ERA})?",
            # خمسينيات القرن العشرين ; القرن الحادي والعشرين ; القرن التاسع عشر
            rf"(?:(?:{_DECADES})\s+)?القرن\s+(?:{_ORDINALS})(?:\s+(?:عشر|والعشرين|والعشرون))?",
            # 2024/6/4 ; 4/6/2024
            rf"{_YEAR}[/\-.]{_DIGIT}{{1,2}}[/\-.]{_DIGIT}{{1,2}}(?!{_DIGIT})",
            rf"{_DIGIT}{{1,2}}[/\-.]{_DIGIT}{{1,2}}[/\-.]{_YEAR}",
            # الفترة 2016-2017 (a biennium): a range of years is one date
            rf"(?:{_YEARWORD})?{_YEAR}\s*[-–]\s*{_YEAR}{_ERA}",
            # عام 2007 ; عام 2011م
            rf"{_YEARWORD}{_YEAR}{_ERA}",
            # 2014 م ; a bare year
            rf"{_YEAR}{_ERA}",
        ]
        self._date_re = re.compile(
            clitic
            + r"(?P<span>"
            + "|".join(f"(?:{p})" for p in patterns)
            + r")(?![0-9\u0660-\u0669/\\\-]|"
            + _WORD
            + ")"
        )
        # A month named alone is a date where a date is expected: after a time preposition (في مارس,
        # منذ نوفمبر, في شهر أفريل) or before a relative word (أفريل الفارط); the modifier stays outside
        # (corpus/layouts/ner_gold/DECISIONS.md 20).
        self._bare_month_re = re.compile(
            r"(?<!" + _WORD + r")(?:[وف]?(?:" + _TIME_PREPOSITIONS + r")\s+(?:[بل]?شهر\s+)?"
            r"(?P<after>" + month_group + r")(?!" + _WORD + r"|\s*[/\\\-]|\s+[0-9\u0660-\u0669])"
            r"|(?P<before>" + month_group + r")\s+(?:" + _RELATIVE_WORDS + r")(?!" + _WORD + r"))"
        )
        self._month_keys = {key(m) for m in _with_hamza_variants(gazetteer.months_ar)}
        # A bare domain (digdipblog.com), not one inside a full URL or an e-mail address.
        self._first_keys = {k.split()[0] for k in gazetteer.entries}
        self._heads = {key(h) for h in INSTITUTION_HEADS}
        descriptor = (
            r"(?<!"
            + _WORD
            + r")[وفبك]?(?P<lam>ل)?(?P<article>ال)?(?P<desc>"
            + "|".join((*SITE_DESCRIPTORS, *ORG_DESCRIPTORS, *MEDIA_DESCRIPTORS))
            + r")\s*"
        )
        # مؤسسة "بيبلو فاونديشن" ; موقع «توبيلوماسي»: a quoted name of one to four words; a
        # bracketed one after a medium's noun (محطة (سي.ان.ان ترك)).
        quoted = (
            r"(?:[\"«“](?P<q>[^\"«»“”\n.،,:;()]{2,40}?)[\"»”]"
            r"|\((?P<b>[^\"«»“”\n،,:;()]{2,40}?)\))"
        )
        # مؤسسة Diplo ; منصة WhatsApp Business: a capitalised Latin-script name of two letters or more.
        latin = r"(?P<l>[A-Z][A-Za-z0-9.\-]+(?:\s+[A-Z][A-Za-z0-9.\-]*){0,3})(?![A-Za-z])"
        self._descriptor_re = re.compile(descriptor + r"(?:" + quoted + r"|" + latin + r")")
        self._cache: dict[str, _WordInfo] = {}
        self._url_re = re.compile(
            r"(?<![\w@./:\-])(?P<span>(?:www\.)?[A-Za-z0-9][A-Za-z0-9\-]*\.(?:com|org|net|info|io|me|blog))(?![\w@/\-.])"
        )

    def dates(self, text: str) -> list[RuleSpan]:
        """DATE spans (the clitic before the first word is left out).

        An ordinal after a definite noun it qualifies is no day (النصف الثاني من ماي, الأسبوع الثاني
        من أكتوبر: a half, a week).

        A bare number after a reference word (القرار 2057, القرارات 2057 (2012) و 2109) is a
        document number, not a year (:func:`reference_numbers`).
        """
        spans = [
            RuleSpan(m.start("span"), m.end("span"), "DATE", rule="date")
            for m in self._date_re.finditer(text)
            if not (_ORDINAL_DAY.match(m.group("span")) and _DEFINITE_NOUN_BEFORE.search(text, 0, m.start("span")))
        ]
        for m in self._bare_month_re.finditer(text):
            group = "after" if m.group("after") is not None else "before"
            if group == "after" and _VERB_OBJECT.match(text, m.end(group)) and m.group(group) in _MONTH_VERBS:
                continue  # «حتى مارس الضغط», «منذ مارس نشاطه»: the verb "exerted" and its object
            if group == "after" and (joined := _AND_WORD.match(text, m.end(group))) is not None:
                k = key(joined.group(1))
                if (
                    k not in self._month_keys
                    and k not in self.gazetteer.other_words
                    and joined.group(1) not in _TIME_JOINS
                ):
                    # «بعد نيسان وتويوتا»: a month named alone beside a word that is no word of the training
                    # text (a name: a carmaker) is no month; «في مارس وقال»: a verb, the month stays
                    continue
            # (a month alone is weaker than the model's names: بعد نيسان, the carmaker; نيسان/أبريل is not)
            month = RuleSpan(m.start(group), m.end(group), "DATE", rule="date" if "/" in m.group(group) else "month")
            if not any(s.start <= month.start < s.end or month.start <= s.start < month.end for s in spans):
                spans.append(month)
        spans.sort(key=lambda s: s.start)
        if not spans:
            return spans
        numbers = reference_numbers(text)
        return [s for s in spans if (s.start, s.end) not in numbers]

    def urls(self, text: str) -> list[RuleSpan]:
        """Web sites named by their address (digdipblog.com) as PLATFORM spans."""
        return [RuleSpan(m.start("span"), m.end("span"), "PLATFORM", rule="url") for m in self._url_re.finditer(text)]

    def descriptors(self, text: str) -> list[RuleSpan]:
        """Names introduced by a descriptor noun, the descriptor left outside (guideline: مؤسسة Diplo -> "Diplo").

        A quoted name (one to four words) or a capitalised Latin-script name right
        after موقع/تطبيق/منصة/مدونة is a PLATFORM (a site referred to as a site),
        after مؤسسة/شركة/منظمة/جمعية/هيئة/وكالة an ORG, and so is one after the noun of a news
        medium (صحيفة "الحياة", جريدة, مجلة, قناة, محطة, تلفزيون, إذاعة), quoted or in brackets.
        """
        out = []
        for m in self._descriptor_re.finditer(text):
            group = next(g for g in ("q", "b", "l") if m.group(g) is not None)
            name = m.group(group)
            if m.group("desc") in MEDIA_DESCRIPTORS and not self._medium_name(m, group, name, text):
                continue
            if group == "b" and m.group("desc") not in MEDIA_DESCRIPTORS:
                continue  # (مؤسسة (2015: a bracket after other descriptors is rarely a name
            if len(name.split()) > 4:
                continue
            start = m.start(group) + (len(name) - len(name.lstrip()))
            end = m.start(group) + len(name.rstrip())
            if group == "l" and _SENTENCE_STOP.search(text[start:end]):
                end -= 1  # the sentence's full stop, not part of the name (an abbreviation U.S. keeps its dots)
            label = "PLATFORM" if m.group("desc") in SITE_DESCRIPTORS else "ORG"
            out.append(RuleSpan(start, end, label, rule="descriptor"))
        return out

    def _medium_name(self, m: re.Match, group: str, name: str, text: str) -> bool:
        """Whether the quote or bracket after a medium's noun names the medium.

        A quote is a medium's name only with a cue that a medium is meant: a reporting or interview
        word just before (قالت صحيفة, في حوار لقناة, وفق ما أوردته صحيفة) or a reporting verb just
        after (قناة "ليبيا الحدث" قد نشرت), a country's nisba or «الخاص» after it (صحيفة "الخبر"
        الجزائرية), Latin script or a known organisation; not after the noun with the article
        (الصحيفة "لا تعليق": what the paper said), not a quote opening with a particle (لا, لم, إن).
        In brackets only Latin without digits, letters spelled with dots (سي.ان.ان ترك) or a known
        organisation (not التلفزيون (الرسمي), (FM), (ع. 12)). A canal or a station that is a place
        (قناة "السويس", محطة "تشيرنوبل" النووية) stays a place.
        """
        if m.group("article") or key(name.split()[0]) in _QUOTE_OPENERS or (group == "b" and _DIGIT_RE.search(name)):
            return False  # (a number in brackets is an issue or a date: مجلة (ع. 12); قناة "فرانس 24" is a name)
        entry = self.gazetteer.lookup(name)
        known = entry is not None and entry.label == "ORG"
        latin = group == "l" or (_LATIN_NAME.fullmatch(name) is not None and name.upper() not in NOT_ACRONYMS)
        dotted = _DOTTED_LETTERS.fullmatch(name) is not None
        if (group == "b" or m.group("desc") == "محطة") and not (latin or known or dotted):
            return False  # (a station or plant is named in quotes as often as a broadcaster: محطة "كينغز كروس")
        after = WORD_RE.search(text, m.end(), m.end() + 24)
        after_key = key(after.group()) if after is not None and not text[m.end() : after.start()].strip() else ""
        if m.group("desc") in _FACILITY_MEDIA and (
            (entry is not None and entry.label == "LOC") or after_key in _FACILITY_ADJECTIVES
        ):
            return False
        if latin or known or after_key in self.gazetteer.nisba or after_key in _PRIVATE or after_key in _REPORTING:
            return True
        before = [key(w) for w in WORD_RE.findall(text, max(0, m.start() - 40), m.start())][-4:]
        return any(w in _REPORTING or w[1:] in _REPORTING for w in before) or m.group("lam") is not None

    def names(self, text: str, labels: Iterable[str] = ("LOC", "ORG", "PLATFORM")) -> list[RuleSpan]:
        """Gazetteer names, longest match first, with the clitic of the first word left out."""
        return self._names(text, self._words(text), set(labels))

    def _words(self, text: str) -> list[_Word]:
        """The words of a text with their cached lookup facts."""
        cache = self._cache
        out = []
        for m in WORD_RE.finditer(text):
            w = m.group()
            info = cache.get(w)
            if info is None:
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()  # bounded memory on very large batches; refilled from the next texts
                info = cache[w] = self._word_info(w)
            out.append(_Word(m.start(), m.end(), w, info))
        return out

    def _word_info(self, word: str) -> _WordInfo:
        """Lookup facts of one distinct word, computed once (the rules see the same words again and again)."""
        k = key(word)
        starts = []
        for offset in clitic_offsets(word):
            k_first = k if offset == 0 else key(restore_article(word, offset, word[offset:]))
            if k_first in self._first_keys:
                starts.append((offset, k_first))
        head = next((o for o in clitic_offsets(word) if key(restore_article(word, o, word[o:])) in self._heads), None)
        entry = self.gazetteer.entries.get(k)
        # (a town whose name is an ordinary word as well names no institution: مجلس الأمن المنشأة)
        country = k in self.gazetteer.nisba or (
            entry is not None
            and entry.label == "LOC"
            and k not in self.gazetteer.city_words
            # «ملف حديده» (his iron) names no institution of Hodeidah «الحديدة»: a town's ة is no ه
            and not (entry.id.startswith("city:geonames:") and entry.text.endswith("ة") and word.endswith("ه"))
        )
        return _WordInfo(k, tuple(starts), head, country)

    def _names(self, text: str, words: list[_Word], wanted: set[str]) -> list[RuleSpan]:
        out: list[RuleSpan] = []
        i = 0
        while i < len(words):
            found = self._name_at(text, words, i, wanted) if words[i].info.starts else None
            if found is None:
                i += 1
                continue
            out.append(found[0])
            i += found[1]
        return out

    def _name_at(self, text: str, words: list[_Word], i: int, wanted: set[str]) -> tuple[RuleSpan, int] | None:
        first = words[i]
        entries = self.gazetteer.entries
        shorter_known = False
        for offset, k_first in first.info.starts:
            entry = entries.get(k_first)
            if shorter_known and entry is not None and entry.id.startswith("city:"):
                continue  # «باردو», «وباردو» are Bardo (gated here), not ب + Ordu
            shorter_known = shorter_known or entry is not None
            # «وجدة» after a list of Saudi towns: و + Jeddah (a name known from data) before Oujda (GeoNames)
            split_known = (
                offset == 0
                and entry is not None
                and entry.id.startswith("city:geonames:")
                and any(o and k in entries and not entries[k].id.startswith("city:") for o, k in first.info.starts)
                and not _after_town_word(text, words, i)  # «مدينة وجدة المغربية» is Oujda
            )
            for n in range(min(self.gazetteer.max_words, len(words) - i), 0, -1):
                if n == 1 and split_known:
                    continue
                if n > 1 and any(text[words[j - 1].end : words[j].start].strip() for j in range(i + 1, i + n)):
                    continue  # a name does not run across punctuation
                k = k_first if n == 1 else " ".join([k_first, *(w.info.key for w in words[i + 1 : i + n])])
                entry = self.gazetteer.entries.get(k)
                # Latin-script names (Facebook) inside Arabic text match the English entries too.
                if (
                    entry is not None
                    and entry.label in wanted
                    and (entry.lang == "ar" or _LATIN_WORD.match(first.text))
                    and not (offset and k in self.gazetteer.city_glued)
                    # «في منامه» "in his dream", not Manama «المنامة»: a town's ة is no pronoun ه (but
                    # «مدينة زواره» is Zuwara)
                    and not (
                        entry.id.startswith("city:geonames:")
                        and entry.text.endswith("ة")
                        and words[i + n - 1].text.endswith("ه")
                        and not _after_town_word(text, words, i)
                    )
                    and (
                        not entry.id.startswith("city:")
                        or _city_here(
                            text,
                            words,
                            i,
                            offset,
                            k in self.gazetteer.city_words,
                            k in self.gazetteer.city_common,
                            self.gazetteer.nisba,
                            entry.id.startswith("city:geonames:"),
                            n,
                            entries,
                            self._town_keys,
                        )
                    )
                ):
                    # a town glued to «و» is only taken as an item of a list of places (_listed_with_place)
                    listed = entry.id.startswith("city:") and first.text[:offset] == "و"
                    rule = "town-list" if listed else "gazetteer"
                    return RuleSpan(first.start + offset, words[i + n - 1].end, entry.label, entry.id, rule), n
        return None

    def no_town_here(self, text: str, start: int, end: int) -> bool:
        """Whether the one word ``text[start:end]`` (a place the model found) is no town by the tests
        the list and bracket rules make of a town: in brackets after a country (إنجلترا (توتنهام): a
        club) or holding a person's word (جنين (نايف)), or glued to «و» when it is a person's word
        (الدوحة وجاسم). A country or region the gazetteer knows is never vetoed."""
        if " " in text[start:end]:
            return False
        entry = self.gazetteer.lookup(text[start:end])
        if entry is not None and not entry.id.startswith("city:"):
            return False
        words = self._words(text[max(0, start - 40) : end + 2])
        shift = max(0, start - 40)
        i = next((x for x, w in enumerate(words) if w.start + shift <= start < w.end + shift), None)
        if i is None:
            return False
        word, k = words[i], key(text[start:end])
        person = k in self._town_keys.person_words
        if word.start + shift == start - 1 and word.text.startswith("و"):
            return person  # «وجاسم» after a place: the person
        if i < 1 or word.start + shift != start:
            return False
        before = text[words[i - 1].end + shift : start].strip()
        if before != "(" or text[end : end + 1] != ")":
            return False
        return person or self._country(words[i - 1].info.key)

    def facility_place(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]``, right after «قناة» or «محطة» (quoted or not), is a place the
        gazetteer knows: the canal or the station is named after it (قناة "السويس", محطة تشيرنوبل), so
        without the cue of a medium (which :meth:`descriptors` reads) it is no broadcaster."""
        if not _FACILITY_BEFORE.search(text, max(0, start - 12), start):
            return False
        entry = self.gazetteer.lookup(text[start:end])
        return entry is not None and entry.label == "LOC"

    def facility_not_body(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]``, right after «قناة» or «محطة» (quoted or not), is followed by the
        adjective of a plant (محطة "تشيرنوبل" النووية; not الفضائية, a satellite channel): a facility
        is named, no body, as :meth:`descriptors` reads it too."""
        if not _FACILITY_BEFORE.search(text, max(0, start - 12), start):
            return False
        after = _FACILITY_ADJECTIVE_AFTER.match(text, end)
        return after is not None and key(after.group("word")) in _FACILITY_PLANT_ADJECTIVES

    def _adjective_here(self, words: list[_Word], i: int) -> bool:
        """Whether «الخارجية» (or «البحرية») at ``words[i]`` is the adjective of the word before it, not
        the ministry (the navy)."""
        before = words[i - 1].info.key
        if _MINISTER_OR_AFFAIRS.search(before):
            return True
        if key(words[i].text[words[i].info.head or 0 :]) != _FOREIGN_MINISTRY:
            return bool(_DEFINITE.match(before))  # القوات البحرية التركية: no navy follows a definite noun
        if words[i].info.head:
            # «والخارجية» after an adjective (الداخلية والخارجية) is one too; after a name, the ministry
            return bool(_DEFINITE.match(before)) and before.endswith("يه")
        if not _DEFINITE.match(before) or before in self.gazetteer.weekdays_ar:
            return False  # «الثلاثاء الخارجية»: a weekday
        return not words[i - 1].info.starts  # the word before is no name (الكرملين)

    def institutions(self, text: str, max_gap: int = 2) -> list[RuleSpan]:
        """ORG spans of state institutions named by their country.

        A head noun (وزارة, سفارة, الحكومة, الشرطة, الجيش...) followed, within ``max_gap`` words
        and without punctuation in between, by a country or city name or its nisba
        adjective: وزارة الخارجية الفرنسية, السفارة السويدية (but «سفارة السويد» is the country alone),
        مكتب شؤون الخارجية البريطاني, الشرطة البريطانية, شرطة لندن, الجيش الفرنسي,
        الخارجية القطرية (not in a minister's title, وزير الخارجية القطري, nor as an adjective,
        السياسة الخارجية السعودية; not after أجهزة). The name stops at a preposition or a ب/ل word
        (الشرطة في لندن: two entities), except an office's «في» (مكتب اليونيسيف في بنغلاديش). A
        ministry named by its portfolio alone
        (وزارة الخارجية, وزارة الاقتصاد والمالية) is also an ORG, as the guideline asks, and so is
        a government named by a noun and its adjective (حكومة الوحدة الوطنية): :func:`_portfolio_end`.
        """
        return self._institutions(text, self._words(text), max_gap)

    def _institutions(self, text: str, words: list[_Word], max_gap: int = 2) -> list[RuleSpan]:
        out: list[RuleSpan] = []
        i = 0
        while i < len(words):
            start, end, word, info = words[i]
            branch = self._service_branch(text, words, i)
            if branch is not None:
                out.append(branch)
                i += 3
                continue
            offset = info.head
            if (
                offset is None
                or (key(word[offset:]) in _ADJECTIVE_HEADS and i > 0 and self._adjective_here(words, i))
                or (i > 0 and words[i - 1].info.key in _PLURAL_DESCRIPTORS)  # أجهزة الاستخبارات البريطانية
            ):
                i += 1
                continue
            last = None
            definite_head = key(word[offset:]).startswith("ال")
            for j in range(i + 1, min(len(words), i + max_gap + 2)):
                if text[words[j - 1].end : words[j].start].strip():
                    break  # punctuation or a line of something else in between
                if (
                    not words[j].info.country
                    and _NOT_IN_NAME.match(words[j].info.key)
                    and not (
                        words[j].info.key in _OFFICE_IN
                        and key(word[offset:]) in _OFFICE_HEADS
                        and any(w.info.starts or w.info.country for w in words[i + 1 : j])
                    )
                ):
                    break
                if definite_head and not words[j].info.country and not words[j].info.key.startswith("ال"):
                    break  # a definite head takes no indefinite word into its name (البرلمان يخدم تونس)
                # two heads are two bodies (وطالب البرلمان الشرطة البريطانية: the police alone), but
                # «الخارجية» after a definite noun is its adjective (المخابرات الخارجية الأمريكية)
                if (
                    definite_head
                    and words[j].info.head is not None
                    and not (words[j].info.key in _ADJECTIVE_HEADS and self._adjective_here(words, j))
                ):
                    break
                if words[j].info.country:
                    if key(word[offset:]) in _MISSION_HEADS and words[j].info.key not in self.gazetteer.nisba:
                        break  # بعثة مصر, سفارة دولة الإمارات: the country is named, no institution (decision 12)
                    if j == i + 1 and self._disagrees(word[offset:], words[j].info.key):
                        break  # a nisba right after the head agrees with it: «وزير الخارجية الإيراني» is a title
                    if (
                        j > i + 1
                        and any(_NEW_PHRASE.match(w.info.key) for w in words[i + 1 : j])
                        and self._disagrees(word[offset:], words[j].info.key)
                    ):
                        break  # مجلس الأمن والأزمة السورية: the nisba goes with the noun after و
                    last = j
                    break
            if last is None and key(word[offset:]) in _PORTFOLIO_HEADS and i + 1 < len(words):
                last = _portfolio_end(text, words, i, key(word[offset:]))
            if last is None:
                i += 1
                continue
            out.append(RuleSpan(start + offset, words[last].end, "ORG", rule="institution"))
            i = last + 1
        return out

    def _service_branch(self, text: str, words: list[_Word], i: int) -> RuleSpan | None:
        """A service branch named by its country, as an army is (الجيش الفرنسي): «القوات» (its
        proclitics left out), a branch adjective and a country's nisba (القوات الجوية الروسية)."""
        word = words[i].text
        if not word.endswith(_FORCES) or len(word) - len(_FORCES) > 2 or i + 2 >= len(words):
            return None
        if any(text[words[j - 1].end : words[j].start].strip() for j in (i + 1, i + 2)):
            return None
        if words[i + 1].text not in _BRANCHES or words[i + 2].info.key not in self.gazetteer.nisba:
            return None
        return RuleSpan(words[i].end - len(_FORCES), words[i + 2].end, "ORG", rule="institution")

    def _country(self, k: str) -> bool:
        """Whether the key ``k`` is a place the gazetteer knows that is no town (a country or region)."""
        entry = self.gazetteer.entries.get(k)
        return entry is not None and entry.label == "LOC" and not entry.id.startswith("city:")

    def _parties(self, text: str, words: list[_Word]) -> list[RuleSpan]:
        """Parties named by a noun and their country after «حزب» (حزب نداء تونس, حزب آفاق تونس, حزب
        تحيا تونس): «حزب», an indefinite word that is no known name, nisba or imperfect verb (حزب يحكم
        تونس names none), and a country the gazetteer knows, the words on one line or across a line
        break; the proclitic before «حزب» is left out."""
        out = []
        for i in range(len(words) - 2):
            word, middle, place = words[i], words[i + 1], words[i + 2]
            if not word.text.endswith(_PARTY) or len(word.text) - len(_PARTY) > 2:
                continue
            if any(text[a.end : b.start].strip() for a, b in ((word, middle), (middle, place))):
                continue
            m = middle.info.key
            if m.startswith("ال") or middle.text.startswith(("ي", "و")) or m in self.gazetteer.nisba or len(m) < 3:
                continue
            if self.gazetteer.entries.get(m) is not None:
                continue
            if not self._country(place.info.key):
                continue
            out.append(RuleSpan(word.end - len(_PARTY), place.end, "ORG", rule="party"))
        return out

    def broadcasters(self, text: str) -> list[RuleSpan]:
        """ORG spans of radio stations named «X أف أم» (الجوهرة أف أم, موزاييك إف إم): the word
        before "FM" and "FM", a one-letter proclitic on it left out (لل keeps one ل, as names do)."""
        out = []
        for m in _FM_STATION.finditer(text):
            word = m.group("name")
            offset = 1 if word.startswith("لل") or (word[0] in "وفبكل" and word[1:3] == "ال") else 0
            out.append(RuleSpan(m.start("name") + offset, m.end(), "ORG", rule="broadcaster"))
        return out

    def _disagrees(self, head: str, country_key: str) -> bool:
        """Whether a nisba adjective differs in gender from an institution head noun.

        A feminine head (وزارة, السفارة: ending in ة; a plural in ات, الاستخبارات) takes a feminine nisba (السورية), a
        masculine one (مجلس, مكتب) a masculine nisba (السوري). A nisba of the other gender
        agrees with a noun between them: after a conjunction or a preposition (مجلس الأمن
        والأزمة السورية) that noun starts a phrase of its own; in a genitive chain (بعثة الاتحاد
        الأفريقي) it is part of the name. A country's name agrees with anything.
        """
        if country_key not in self.gazetteer.nisba or country_key in self.gazetteer.entries:
            return False
        if country_key.endswith(("يين", "يون")):
            return True  # a plural nisba describes people (أعضاء البرلمان الألمانيين), never the body
        # keys fold ة to ه; a plural in ات (الاستخبارات) takes a feminine adjective too
        return key(head).endswith(("ه", "ات")) != country_key.endswith("ه")

    def __call__(self, text: str) -> list[RuleSpan]:
        """All rule spans of a text, overlaps resolved (longer span wins, then earlier)."""
        words = self._words(text)
        return resolve_overlaps(
            [
                *self.dates(text),
                *self.urls(text),
                *self.descriptors(text),
                *self.broadcasters(text),
                *self._institutions(text, words),
                *self._parties(text, words),
                *self._names(text, words, {"LOC", "ORG", "PLATFORM", "PER"}),
            ]
        )


#: «شؤون» (affairs) before the noun a ministry is named by (وزارة شؤون المرأة), with its spellings.
_AFFAIRS = frozenset(key(w) for w in ("شؤون", "شئون", "شوون"))


def _portfolio_end(text: str, words: list[_Word], i: int, head: str) -> int | None:
    """The last word of an institution named by its portfolio after the head ``words[i]``, or None.

    The portfolio is a noun with the article (الاقتصاد, الخارجية), after «شؤون» for a ministry
    (وزارة شؤون المرأة والطفل); nouns joined to it by و
    (والمالية, والتجارة) and adjectives of relation (ية / ي: الخارجية, الرقمي, الوطنية) go on
    with it; a word after punctuation, a date word or a name does not (وزارة الداخلية الأحد).
    """
    last = None
    affairs = False
    for j in range(i + 1, min(len(words), i + 8)):
        if text[words[j - 1].end : words[j].start].strip():
            break  # punctuation between
        k = words[j].info.key
        if k in _NOT_PORTFOLIO:
            break
        if j == i + 1 and k in _AFFAIRS and head == key("وزارة"):
            affairs = True  # وزارة شؤون المرأة والطفل: «شؤون» and the noun it governs
            continue
        if j == i + 1 or (affairs and j == i + 2):
            if not k.startswith("ال") or len(k) < 4:
                return None
        elif not (k.startswith("وال") or (k.startswith("ال") and k.endswith(("ي", "يه")))):
            break
        last = j
    if last is None or last - i < _PORTFOLIO_HEADS[head]:
        return None
    if _PORTFOLIO_HEADS[head] > 1 and not words[last].info.key.endswith(("ي", "يه")):
        return None  # a government named by a noun and its adjective (الوحدة الوطنية), not «حكومة الرئيس»
    return last


def restore_article(word: str, offset: int, candidate: str) -> str:
    """The dictionary form of a candidate that lost its ا to a fused لل (لأمم المتحدة -> الأمم المتحدة)."""
    if offset > 0 and word[offset - 1 : offset + 1] == "لل":
        return "ا" + candidate
    return candidate


def clitic_offsets(word: str) -> Iterator[int]:
    """Offsets at which a name may start inside ``word``: 0, then after each plausible proclitic.

    The fused form لل (ل + ال) yields the offset after the first ل only, as the
    guideline asks; the caller looks the rest up with its article restored.
    """
    yield 0
    for prefix in sorted(PROCLITICS, key=len):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            yield len(prefix)


def strip_clitic(
    text: str,
    known: set[str] | None = None,
    counts: dict[str, int] | None = None,
    names: set[str] | None = None,
    whole: Container[str] = (),
) -> int:
    """How many leading characters of a model span are a proclitic to leave out.

    The model was trained on corpora whose entity tokens keep their clitics
    (وألمانيا is B-LOC), so its spans must be trimmed. A prefix is stripped when
    the rest of the word is a gazetteer name (``known``: والدنمارك -> الدنمارك),
    unless the whole word is itself a known name (لبنان); else when the rest is a
    word that begins names in the training data (``names``) and is not rarer than the
    whole word (كريم keeps its ك although ريم begins names), or is clearly more
    frequent than the whole word in real Arabic text (``counts``, rests of four
    letters or more: وشيلي -> شيلي, لترامب -> ترامب, but not كاليفورنيا,
    فرانكفورت or وادي). The fused لل loses
    exactly one ل (للأمم المتحدة -> لأمم المتحدة), as the guideline asks.
    A span of several words is also trimmed when the rest of the whole span is a known name
    (ودير الزور -> دير الزور, though دير begins no name of its own). Without counts, only the
    article-based forms (والسويد, بالسويد) are trimmed.

    Args:
        text: The span text as the model found it.
        known: Keys (:func:`pipeline.ner.gazetteer.key`) of gazetteer names and their first words.
        counts: Word counts keyed the same way.
        names: Keys of words that begin names in the training data.
        whole: Keys of names that keep their first letter although no part of them is in ``known``
            (towns only GeoNames knows: كابل is Kabul, not ك + a name).

    Returns:
        The number of characters to drop from the start (0 when none).
    """
    first = text.split(" ", 1)[0]
    known = known or set()
    names = names or set()
    k_first = key(first)
    n_first = counts.get(k_first, 0) if counts else 0

    def candidates() -> Iterator[tuple[int, str]]:
        for prefix in sorted(PROCLITICS, key=len):
            rest = first[len(prefix) :]
            if first.startswith(prefix) and len(rest) >= 2:
                if prefix.endswith("ل") and rest.startswith("ل"):
                    yield len(prefix), "ا" + rest  # fused لل: the span keeps the second ل
                yield len(prefix), rest

    if k_first in known:
        return 0
    tail = text[len(first) :]
    if tail and key(text) not in known and key(text) not in whole:
        for cut, rest in candidates():
            if key(rest + tail) in known or key(rest + tail) in whole:
                return cut  # ودير الزور -> دير الزور: the name is known whole, its first word alone is not
    for cut, rest in candidates():
        # وجدة after Saudi towns is و + Jeddah rather than Oujda (a town only GeoNames knows), بكين is
        # Beijing rather than ب + Kane: the more frequent reading wins
        if key(rest) in known and (k_first not in whole or counts is None or counts.get(key(rest), 0) > n_first):
            return cut
    if k_first in whole:
        return 0
    for cut, rest in candidates():
        if (
            len(rest) >= 4
            and key(rest) in whole
            and (rest.startswith("ال") or counts is None or counts.get(key(rest), 0) >= n_first)
        ):
            # بالمدية, بسوسة -> سوسة; not كريم -> ريم (three letters) nor باولو -> اولو (Paolo is the more frequent)
            return cut
    if k_first in names:
        return 0
    for cut, rest in candidates():
        k_rest = key(rest)
        if k_rest in names and (counts is None or counts.get(k_rest, 0) >= n_first):
            # كريم is a name of its own, seen more often than ريم (which begins names too): keep its ك.
            return cut
        if counts is None:
            if rest.startswith("ال") and len(rest) >= 4:
                return cut
        elif len(k_rest) >= 4 and counts.get(k_rest, 0) >= max(3, 2 * n_first):
            # Short rests are too often other words (وادي -> ادي "led to").
            return cut
    return 0


class _HasExtent(Protocol):
    start: int
    end: int


_Spanned = TypeVar("_Spanned", bound=_HasExtent)


class _Typed(_HasExtent, Protocol):
    label: str
    id: str


def _longest_first(span: _HasExtent) -> tuple[int, int]:
    return -(span.end - span.start), span.start


def resolve_overlaps(spans: Iterable[_Spanned]) -> list[_Spanned]:
    """Keep non-overlapping spans (rule spans, or the stage's found entities): longer first, then
    earlier; result in text order."""
    chosen: list[_Spanned] = []
    for span in sorted(spans, key=_longest_first):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


#: Lower-case words that may join the capitalised words of an English name (Council of the European Union).
EN_CONNECTORS = ("of", "the", "for", "and", "on", "in")
_EN_NAME_WORD = r"(?:[A-Z][A-Za-z'’\-.]*[A-Za-z]|[A-Z])"
#: "and the" joins two names (the WHO and the Council), not the words of one (Economic and Social Council).
_EN_JOIN = r"(?:(?:of|the|for|on|in|and(?!\s+the\s))\s+)*"
_EN_RUN = re.compile(rf"(?<![A-Za-z'’\-]){_EN_NAME_WORD}(?:\s+{_EN_JOIN}{_EN_NAME_WORD})*(?![A-Za-z])")


def english_head(words: Sequence[str]) -> str:
    """The head noun of an English name: its last word before the first preposition.

    "World Health Organization" -> Organization, "United Nations Mission in Liberia" -> Mission,
    "Office of the High Commissioner" -> Office, "Economic and Social Council" -> Council.
    """
    head = words[0]
    for w in words:
        if w in ("of", "for", "on", "in"):
            break
        if w not in EN_CONNECTORS:
            head = w
    return head


def english_organisations(text: str, heads: set[str]) -> list[RuleSpan]:
    """ORG spans of English names whose head noun names organisations (Mission, Council...).

    A run of capitalised words, joined by of/the/for/and/on/in, whose head
    (:func:`english_head`) is in ``heads`` (mined by scripts/build_ner_gazetteer.py); a
    leading "The" stays outside.
    """
    out = []
    for m in _EN_RUN.finditer(text):
        words = m.group().split()
        start = m.start()
        # "The Security Council", "If the Security Council" (a capitalised first word of a
        # sentence): no name has a bare "the" as its second word.
        cut = 1 if words[0] == "The" else 2 if len(words) > 2 and words[1] == "the" else 0
        if cut and len(words) > cut:
            start = m.start() + m.group().index(words[cut], len(words[0]))
            words = words[cut:]
        if len(words) >= 2 and english_head(words) in heads:
            out.append(RuleSpan(start, m.end(), "ORG", rule="en_org"))
    return out


#: Geographic features whose English name holds the type word (corpus/layouts/ner_gold/DECISIONS.md
#: 15, 16): "Lake Chad", "Gulf of Aden", "Caspian Sea", "Golan Heights", "Lake Chad Basin", and a
#: capitalised direction before a name ("East Jerusalem", "North Kivu", "West Africa").
_EN_CAP = r"[A-Z][a-z]+(?:['’](?!s\b)[A-Za-z]+|-[A-Za-z]+)?"  # Sana'a, not Africa's
_EN_FEATURE_BEFORE = re.compile(
    rf"\b(?:Lake|Mount|Gulf of|Bay of|Strait of|Sea of)\s+{_EN_CAP}"
    r"(?:\s+(?:Basin|Region|Valley))?\b"
)
_EN_FEATURE_AFTER = re.compile(
    rf"\b(?:{_EN_CAP}\s+){{1,2}}"
    r"(?:Sea|Ocean|Heights|Basin|Valley|Peninsula|Desert|Mountains|River|Plateau|Islands)\b"
)
_EN_DIRECTION = re.compile(rf"\b(?:(?:North|South)-(?:East|West)|East|West|North|South|Central)\s+{_EN_CAP}\b")
#: A capitalised word right before a match: the match is the end of a longer name (Middle East Peace).
_EN_CAPITALISED_BEFORE = re.compile(r"[A-Z][A-Za-z'’-]*\s+$")
#: Capitalised words that open a sentence or a title, never a feature's name (The Red Sea: "The" out).
_EN_NOT_A_FEATURE_NAME = frozenset({"The", "A", "An", "In", "On", "At", "Of", "For", "And", "Small", "Developing"})
#: Endings of demonyms, adjectives rather than names after a direction (South Sudanese, West Irish,
#: North Iraqi); for words in -n see :func:`_demonym_in_an`. (Not -ic: South Pacific, North Atlantic.)
_EN_DEMONYM = re.compile(r"(?:eses?|ish|is?)$")
_EN_DEMONYM_AN = re.compile(r"ns?$")
_EN_DEMONYM_IAN = re.compile(r"[ie]ans?$")


def _demonym_in_an(phrase: str, gazetteer: Gazetteer) -> bool:
    """Whether a direction and a word in -n is a demonym: a word in -ian or -ean is one unless the
    gazetteer knows the whole phrase (Central Asian, South Ossetian, North Caucasian); another word
    in -n is one when the gazetteer knows the place without the -n, with the direction or without
    (North Koreans: North Korea; West Africans: Africa), not a name that ends so (South Kordofan)."""
    if _EN_DEMONYM_IAN.search(phrase):
        return gazetteer.lookup(phrase) is None
    end = _EN_DEMONYM_AN.search(phrase)
    if end is None:
        return False
    stem = phrase[: end.start()]
    return gazetteer.lookup(stem) is not None or gazetteer.lookup(stem.split()[-1]) is not None


#: Capitalised words after a match that make it part of a longer name (Nile Basin Initiative, Mount
#: Sinai Hospital), except the descriptors of a place (North Kivu Province, Idlib Governorate) and the
#: events and documents named after it, which are transparent (Caspian Sea Summit: decision 9).
_EN_NAME_GOES_ON = re.compile(
    r"[^\S\n]+(?!(?:Province|Governorate|Region|District|State|Prefecture|Summit|Conference|Convention|"
    r"Agreement|Treaty|Declaration|Process|Talks|Meeting|Report)\b)[A-Z][a-z]"
)
#: Words before a match that make it part of a name: an operation (Operation Desert Storm), a hyphen
#: (South-East Asia). (Bodies named after a region, Al-Qaida in the Arabian Peninsula, are in the
#: organisations table: the longer name wins.)
_EN_NAME_BEFORE = re.compile(r"\bOperation\s+$|-$")


def _inside_longer_name(text: str, start: int, end: int, after: bool = True) -> bool:
    """Whether ``text[start:end]`` is part of a longer name: a capitalised word that opens no sentence
    or title right before it (Middle East Peace), ``_EN_NAME_BEFORE``, or, with ``after``, a
    capitalised word right after it (Pacific Islands Forum, Nile Basin Initiative). A region named
    with a direction is taken before a capitalised word (North Kivu Governor, West Africa Report)."""
    before = _EN_CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and before.group().strip() not in _EN_NOT_A_FEATURE_NAME:
        return True
    if after and _EN_NAME_GOES_ON.match(text, end) is not None:
        return True
    return _EN_NAME_BEFORE.search(text, max(0, start - 40), start) is not None


def english_places(text: str, gazetteer: Gazetteer) -> list[RuleSpan]:
    """LOC spans of English geographic features named with their type word and of regions named with a
    capitalised direction (see ``_EN_FEATURE_BEFORE``); a leading "The" stays out, and nothing is
    taken inside a longer name (:func:`_inside_longer_name`) or from a direction and a demonym (South
    Korean, North Koreans: the gazetteer knows Korea)."""
    out: dict[tuple[int, int], RuleSpan] = {}
    for pattern in (_EN_FEATURE_BEFORE, _EN_FEATURE_AFTER):
        for m in pattern.finditer(text):
            if _inside_longer_name(text, m.start(), m.end()):
                continue
            words = m.group().split()
            skip = 0
            while skip < len(words) - 1 and words[skip] in _EN_NOT_A_FEATURE_NAME:
                skip += 1
            if skip and pattern is _EN_FEATURE_AFTER and len(words) - skip < 2:
                continue
            start = m.start() + (m.group().index(words[skip]) if skip else 0)
            out[start, m.end()] = RuleSpan(start, m.end(), "LOC", rule="en_feature")
    for m in _EN_DIRECTION.finditer(text):
        direction, name = m.group().split()[:2]
        known = gazetteer.lookup(name) is not None
        if (
            (("-" in direction or name.endswith("s")) and not known)  # South-West Administrations
            or _EN_DEMONYM.search(name)
            or _demonym_in_an(m.group(), gazetteer)
            or name in _EN_NOT_A_FEATURE_NAME
            or _inside_longer_name(text, m.start(), m.end(), after=False)
        ):
            continue
        out[m.start(), m.end()] = RuleSpan(m.start(), m.end(), "LOC", rule="en_feature")
    return list(out.values())


#: A word (lookup key) that opens a phrase after a name's head: a conjunction or preposition on a
#: definite noun (والأزمة, بالجيش, للشعب), or a preposition after و/ف (وفي).
_NEW_PHRASE = re.compile(r"^(?:[وف](?:[بك]?ال|لل)|[بك]ال|لل|[وف](?:في|علي|من|الي|عن|مع)$)")
#: An acronym in brackets after the name it shortens: "Gulf Cooperation Council (GCC)".
_EN_ACRONYM_DEF = re.compile(r"\((?P<acr>[A-Z][A-Z&]{1,9})\)")
_EN_ACRONYM_WORD = re.compile(r"(?<![A-Za-z0-9&\-])[A-Z][A-Z&]{1,9}(?![A-Za-z0-9&\-])")


def _initials(words: Sequence[str]) -> str:
    """The capital initials of a name's words, connectors left out (Co-operation gives C)."""
    return "".join(w[0] for w in words if w not in EN_CONNECTORS and w[0].isupper())


def english_acronyms(text: str, spans: Sequence[_Typed]) -> dict[str, tuple[str, str]]:
    """Acronyms the text defines for names found in it: acronym -> (label, id).

    "Gulf Cooperation Council (GCC)": the words just before the brackets whose initials
    spell the acronym are the name. When either the name (a span of ``spans`` ending there)
    or the acronym itself (a span of ``spans`` inside the brackets) was found, the other takes
    its label and id. An acronym of a name nothing typed (Artificial Intelligence (AI)) is
    no entity.
    """
    found: dict[str, tuple[str, str]] = {}
    by_end = {s.end: s for s in spans}
    by_start = {s.start: s for s in spans}
    for m in _EN_ACRONYM_DEF.finditer(text):
        acr = m.group("acr")
        before = text[: m.start()].rstrip()
        name = by_end.get(len(before))
        inner = by_start.get(m.start("acr"))
        if name is not None and _initials(re.split(r"[\s\-]+", text[name.start : name.end])) == acr:
            found.setdefault(acr, (name.label, name.id))
        elif inner is not None and inner.end == m.end("acr"):
            found.setdefault(acr, (inner.label, inner.id))
    return found


def english_acronym_spans(
    text: str, spans: Sequence[_HasExtent], acronyms: dict[str, tuple[str, str]]
) -> list[RuleSpan]:
    """Spans of ``text`` for the defined ``acronyms`` and the names they shorten, outside ``spans``.

    Every standalone use of a defined acronym is tagged as its name was; and a name just
    before the brackets of a typed acronym ("World Health Organization (WHO)") is tagged
    as the acronym was.
    """
    if not acronyms:
        return []
    taken = [(s.start, s.end) for s in spans]

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    out = []
    for m in _EN_ACRONYM_WORD.finditer(text):
        hit = acronyms.get(m.group())
        if hit is not None and free(m.start(), m.end()):
            out.append(RuleSpan(m.start(), m.end(), hit[0], hit[1], rule="en_acronym"))
    for m in _EN_ACRONYM_DEF.finditer(text):
        acr = m.group("acr")
        hit = acronyms.get(acr)
        if hit is None:
            continue
        run = None
        for r in _EN_RUN.finditer(text, 0, m.start()):
            run = r
        if run is None or text[run.end() : m.start()].strip():
            continue
        words = list(re.finditer(r"\S+", run.group()))
        # The shortest tail of the run whose initials spell the acronym (the run may hold more:
        # "The Secretariat of the United Nations and the World Health Organization").
        for k in range(len(words) - 1, -1, -1):
            tail = [w.group() for w in words[k:]]
            if tail[0] in EN_CONNECTORS:
                continue
            initials = _initials([part for w in tail for part in w.split("-") if part])
            if initials == acr:
                start = run.start() + words[k].start()
                if free(start, run.end()):
                    out.append(RuleSpan(start, run.end(), hit[0], hit[1], rule="en_acronym"))
                break
            if len(initials) > len(acr):
                break
    return out


def english_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Entity-ruler patterns for English text: gazetteer names and dates."""
    patterns: list[dict] = []
    for entry in gazetteer.names("en"):
        patterns.append({"label": entry.label, "pattern": entry.text, "id": entry.id})
    months = sorted(gazetteer.months_en)
    year = {"TEXT": {"REGEX": r"^(1[0-9]|20)\d\d$"}}
    day = {"TEXT": {"REGEX": r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
    month = {"TEXT": {"IN": months}}
    ordinals = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth", "21st", "20th", "19th", "18th",
    ]  # fmt: skip
    dash = {"TEXT": {"IN": ["-", "–"]}}
    date_patterns = [
        # 6-24 April 2015; the 2016-2017 biennium: a range of days or years is one date.
        [day, dash, day, month, {"TEXT": ",", "OP": "?"}, year],
        [day, dash, day, month],
        [year, dash, year],
        [day, month, {"TEXT": ",", "OP": "?"}, year],
        [month, day, {"TEXT": ",", "OP": "?"}, year],
        [month, year],
        [day, month],
        [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": ordinals}}, {"LOWER": "century"}],
        [
            {"LOWER": "the", "OP": "?"},
            {"LOWER": "twenty"},
            {"TEXT": "-", "OP": "?"},
            {"LOWER": "first"},
            {"LOWER": "century"},
        ],
        [{"LOWER": "the"}, year, {"LOWER": "s"}],
        [{"TEXT": {"REGEX": r"^(1[0-9]|20)\d0s$"}}],
        [{"TEXT": {"REGEX": r"^\d{4}[/\-]\d{1,2}[/\-]\d{1,2}$"}}],
        [year],
    ]
    for p in date_patterns:
        patterns.append({"label": "DATE", "pattern": p})
    patterns.append({"label": "PLATFORM", "pattern": [{"LIKE_URL": True}]})
    return patterns


def build_english_ruler(gazetteer: Gazetteer):  # type: ignore[no-untyped-def]
    """A spaCy ``blank("en")`` pipeline with an entity ruler for English titles, abstracts and keywords."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    ruler.add_patterns(english_patterns(gazetteer))
    return nlp
