"""Persons named after their title: «الرئيس الأمريكي باراك أوباما», «رئيسة الوزراء تيريزا ماي».

News and diplomacy prose introduces almost every person by office or rank, and the model, trained
on news of the 2000s, misses the names it never saw (ماكرون, تيريزا ماي). A title is strong
evidence that a name follows, once its modifiers are passed over: nisba adjectives and other
definite words (الأمريكي, الوزراء, السابق), the nouns of an office's name (وزير خارجية قطر, المتحدث
باسم) and country names. The name is the run of words after them that are person words of the
training text (جورج, محمد, بن) or words it never has (أوباما, ماكرون); a word the training text has
outside names (حزب, يوم, في, قال) ends it, and so do punctuation and known places and bodies.

The title itself stays outside the span (corpus/GUIDELINES.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .gazetteer import Gazetteer, is_region, key
from .rules import WORD_RE, RuleSpan

#: Titles that are titles with or without the article (رئيس الوزراء, الرئيس); without it they
#: govern a complement (رئيس وزراء إسرائيل), so a name never follows them directly.
_TITLES_BOTH = (
    "رئيس رئيسة وزير وزيرة نائب نائبة سفير سفيرة مستشار مستشارة مبعوث مبعوثة متحدث متحدثة ناطق ناطقة مندوب مندوبة ولي"
)
#: Titles only with the article: without it they are given names or ordinary nouns as well (أمير,
#: سلطان, أمين, لواء "brigade"). Not «الفريق» (lieutenant general), far more often "the team"
#: (الفريق المتقدم فور وصوله), «المقرر» (rapporteur), an adjective as often (الأنصبة المقررة), nor
#: «المفوض» (commissioner), followed by its predicate more often than by a name (المفوض السامي مساءل).
_TITLES_DEFINITE = (
    "السيد السيدة الأمير الأميرة الشيخ الشيخة السلطان الملك الملكة العاهل الأمين الزعيم الزعيمة القائد "
    "الجنرال المشير اللواء العميد العقيد الدكتور الدكتورة البروفيسور السناتور السيناتور "
    "البابا الكاردينال الإمام المفتي الحاخام المرشح المرشحة المحافظ الوالي العمدة القاضي القاضية "
    "المدير المديرة الممثل الممثلة المنسق المنسقة القنصل البطريرك "
    "المطران الكابتن"
)
#: Occupations that introduce a person the way a title does (الصحفي علي بن مزين, الناشطة الحقوقية
#: زهرة كوبية, الكاتب الجزائري رشيد بوجدرة), only with the article. Most are adjectives as well
#: (المؤتمر الصحفي, المكتب الإعلامي): they count as a title only where no definite word stands
#: before them, which they would qualify. Not «الداعية» ("calling for": الداعية إلى عقد مؤتمر) nor
#: «الحقوقي» (a modifier: الناشط الحقوقي), nor «المدونة» (a blog, which is a platform).
_OCCUPATIONS = (
    "الصحفي الصحفية الصحافي الصحافية الكاتب الكاتبة الروائي الروائية الشاعر الشاعرة الأديب الأديبة "
    "المؤلف المؤلفة الباحث الباحثة المفكر المؤرخ الفيلسوف المحامي المحامية الناشط الناشطة المدون "
    "الإعلامي الإعلامية المذيع المذيعة المخرج المخرجة الفنان الفنانة المغني المغنية اللاعب اللاعبة "
    "المدرب الخبير الخبيرة المحلل المحللة الملياردير الأستاذ الأستاذة الطبيب الطبيبة المعارض"
)
OCCUPATIONS = frozenset(key(w) for w in _OCCUPATIONS.split())
#: «رجل» / «سيدة» with one of these is an occupation too (رجل الأعمال, رجل الدين الشيعي نمر النمر).
_OCCUPATION_HEADS = frozenset(key(w) for w in ("رجل", "سيدة"))
_OCCUPATION_COMPLEMENTS = frozenset(key(w) for w in ("الأعمال", "الدين"))
TITLES_INDEFINITE = frozenset(key(w) for w in _TITLES_BOTH.split())
TITLES_DEFINITE = (
    frozenset(key("ال" + w) for w in _TITLES_BOTH.split())
    | frozenset(key(w) for w in _TITLES_DEFINITE.split())
    | OCCUPATIONS
)
#: Words that put an author's name after them in a byline or a book list (بقلم: ستيفن بينكر);
#: the others only before a colon (تأليف: ..., ترجمة: ...; «إعداد التقرير» is "preparing").
_AUTHOR_CUES = frozenset(key(w) for w in ("بقلم",))
_AUTHOR_CUES_COLON = frozenset(key(w) for w in ("تأليف", "ترجمة", "إعداد"))
#: What may stand between an author cue and the name: spaces and a colon (an abbreviated academic
#: title after them is passed over as ``_ABBREVIATED_TITLES``).
_AUTHOR_GAP = re.compile(r"[^\S\n]*:?[^\S\n]*")
#: Relative pronouns: after a title they open a clause, whose verb may be a given name (أشرف).
_RELATIVE_PRONOUNS = frozenset(
    key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي")
)
#: Reporting verbs, masculine and feminine perfect (with «و» or «ف» before them as well): their
#: subject, right after them, is mostly the person who speaks (وأضاف فالس أن ...). Not «رأى», whose key
#: is the noun «رأي» (عن رأي مفاده أن).
_REPORTING_VERBS = frozenset(
    key(w)
    for w in (
        "قال قالت أكد أكدت أضاف أضافت أوضح أوضحت صرح صرحت أعلن أعلنت أشار أشارت اعتبر اعتبرت شدد شددت "
        "لفت لفتت حذر حذرت كشف كشفت تابع تابعت أفاد أفادت"
    ).split()
)
#: What a speaker says begins with one of these (or a colon).
_THAT = frozenset(key(w) for w in ("أن", "إن", "بأن", "ان"))
#: Abbreviated academic titles before an author's name (د. أ.د. م.د.), each letter a word before a dot.
_ABBREVIATED_TITLES = frozenset(("د", "أ", "م"))
#: Where an author's line ends: a number, punctuation, a dash, a bracket or the line's end.
_AUTHOR_LINE_END = re.compile(r"[^\S\n]*(?:$|\n|[0-9\u0660-\u0669\-–—،,.;:()\[\]«»\"'])")
#: What may stand before «بقلم» without a colon: a line's start or a closing bracket (كتاب (...) بقلم).
_BYLINE_BEFORE = re.compile(r"(?:^|[\n)\]»\"])[^\S\n]*$")
#: What separates two authors' names: a comma (after which a name of two words or more follows).
_AUTHOR_COMMA = re.compile(r"[^\S\n]*[،,][^\S\n]*")
#: Indefinite nouns of an office's name passed over between a title and the name (وزير خارجية قطر,
#: رئيس وزراء إسرائيل, المتحدث باسم الخارجية, رئيس مجلس النواب).
_OFFICE_WORDS = frozenset(key(w) for w in "باسم وزراء خارجية دفاع داخلية حكومة دولة مجلس وزارة لجنة هيئة".split())
#: Most modifiers passed over after a title, and most words of the name.
MAX_MODIFIERS = 4
MAX_NAME_WORDS = 4
#: Seen this often in the unlabelled text, a word is a word of the language (the
#: ``word_counts.json`` of the model keeps words seen twice).
_SEEN = 2
#: Words that join the parts of a name (آل ثاني, بن علي): the word after them is a name, whatever else it is.
_NAME_LINKS = frozenset(key(w) for w in ("آل", "بن", "ابن", "بنت", "أبو", "أبي", "عبد"))
#: Seen this often, a word the training text never has is a familiar name of the news (ماي, أون,
#: أوباما), not a word that happens to follow one (طقم, أودع).
FAMILIAR = 10
#: Seen this often, a word is a function word or one of the commonest words of news prose (قال 427,
#: وزير 335, بأن 517, إن 8,017 times in the 550k words of unlabelled text), never a given name.
_COMMON = 200
_ON_BEHALF = key("باسم")
_HONORIFICS = frozenset(key(w) for w in ("السيد", "السيدة"))
_AT = key("لدى")
#: The given name «علي» as written, with ي: the key folds it with the preposition «على», one of the
#: commonest words, so only the spelling tells them apart (texts that write «على» with ي lose it).
_ALI = "علي"
#: Nouns of facilities and prizes named after a titled person (مطار الملك فهد, مستشفى الشيخ زايد, جائزة
#: الملك فيصل): the title and the name are part of the place's or the prize's name (DECISIONS 15).
#: Not «برنامج» and «صندوق»: «برنامج الرئيس عبد الفتاح السيسي» is the president's programme.
_FACILITIES = frozenset(
    key(w)
    for w in (
        "مطار مستشفى جسر مسجد جامع جامعة مدينة جائزة مركز مدرسة شارع ميناء قاعدة ملعب قصر كلية معهد ساحة "
        "حديقة برج طريق مؤسسة مجمع قناة سد متحف مكتبة حي محطة نادي وسام قلادة كأس كرسي"
    ).split()
)
#: Regnal and dynastic ordinals that end a name (رمسيس الثاني, عبد الله الثاني, إليزابيث الثانية).
_REGNAL_ORDINALS = frozenset(
    key(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن الثانية الثالثة".split()
)


class TitledPersons:
    """PER spans of the names that follow a title (see the module docstring).

    Args:
        gazetteer: The loaded gazetteer: its person and other words of the training text, its
            nisba adjectives and its places and bodies.
        counts: Word counts of the unlabelled Arabic text (keys of :func:`key`).
        ordinary: Whether an unseen word is an ordinary word with clitics (سيحقق, بنظيره).
    """

    def __init__(self, gazetteer: Gazetteer, counts: dict[str, int], ordinary: Callable[[str], bool]) -> None:
        self.gazetteer = gazetteer
        self.counts = counts
        self.ordinary = ordinary

    def __call__(self, text: str) -> list[RuleSpan]:
        """The PER spans of ``text``, in text order."""
        words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
        out: list[RuleSpan] = []
        i = 0
        while i < len(words):
            definite = self._title(words[i][2])
            if definite is None and self._occupation_head(text, words, i):
                definite = True  # رجل الأعمال, رجل الدين: the complement is passed over as a modifier
            if definite is None or self._qualifies(text, words, i):
                i += 1
                continue
            j = i + 1
            skipped = 0
            while (
                j < len(words) and skipped < MAX_MODIFIERS and _joined(text, words, j) and self._modifier(words[j][2])
            ):
                if key(words[j][2]) == _ON_BEHALF and not (
                    j + 1 < len(words)
                    and _joined(text, words, j + 1)
                    and key(words[j + 1][2]) != _ON_BEHALF
                    and self._modifier(words[j + 1][2])
                ):
                    break  # «المتحدث باسم كتائب القسام»: the body he speaks for follows, not his name
                j += 1
                skipped += 1
                if (
                    key(words[j - 1][2]) == _AT
                    and j < len(words)
                    and _joined(text, words, j)
                    and _is_place(self.gazetteer, words[j][2])
                ):
                    j += 1  # سفير الولايات المتحدة لدى سوريا روبرت فورد: «لدى» and the country
            if not (definite or skipped):
                i += 1
                continue  # «رئيس» alone governs a noun (رئيس حزب), it does not name a person
            if not definite and key(words[i][2]) in TITLES_INDEFINITE:
                before = self._name_before(text, words, i)
                if before is not None and not (out and out[-1].end > before.start):
                    out.append(before)
            first = j
            # a comma may stand between the title and a name of two words or more (وزير الخارجية، جون كيري)
            comma = 0 < j < len(words) and text[words[j - 1][1] : words[j][0]] in ("، ", ", ")
            while j < len(words) and j - first < MAX_NAME_WORDS and (_joined(text, words, j) or (comma and j == first)):
                if j - first >= 2 and self._unseen_imperfect(words[j][2]):
                    break  # الفنانة أريانا غراندي تحيي حفلا: a verb the text never has ends the name
                if j > first and key(words[j][2]) in _REGNAL_ORDINALS:
                    j += 1  # رمسيس الثاني, عبد الله الثاني: the ordinal ends the name
                    break
                if not self._name_word(words[j][2], j == first):
                    if not (j == first and self._given_name_that_is_a_word(text, words, j)):
                        break
                    if skipped and not comma and self._unseen_definite(words[j - 1][2]):
                        first -= 1  # الباجي قائد السبسي: a definite word the training text never has opens the name
                j += 1
            if comma and j - first < 2:
                j = first
            if j - first < 2 and _is_occupation(words[i][2]):
                # after an occupation, one word is as often a verb (اللاعب طالب بالرحيل) or the cut first
                # name of a name whose surname the rule turns down (الإعلامي زياد الهاني)
                j = first
            if (
                j > first
                and not (i and key(_without_proclitic(words[i - 1][2])) in _FACILITIES)
                and not (
                    j - first == 1
                    and not any(key(words[x][2]) in _HONORIFICS for x in range(i, first))  # رئيس اللجنة السيد X
                    and self._lone_unknown(words[first][2], text)
                )
            ):
                out.append(RuleSpan(words[first][0], words[j - 1][1], "PER", rule="title"))
            i = max(j, i + 1)
        for extra in (self._authors(text, words), self._speakers(text, words)):
            out += [a for a in extra if not any(a.start < o.end and o.start < a.end for o in out)]
        return sorted(out, key=lambda span: span.start)

    def _speakers(self, text: str, words: list[tuple[int, int, str]]) -> list[RuleSpan]:
        """PER spans of a name that is the subject of a reporting verb and says something: the verb, one
        to three name words, then «أن» / «إن» / «بأن» or a colon (وأضاف فالس أن ...). A name of one word
        is one the training text never has outside names nor the unlabelled text as an ordinary word.
        (The stage drops these spans where the model found another kind of name: «أعلنت فولكس فاغن أن».
        Bodies with a name of two words the model does not know stay persons: «قالت أمنستي إنترناشونال».)"""
        out: list[RuleSpan] = []
        for i in range(len(words) - 2):
            k = key(words[i][2])
            if k not in _REPORTING_VERBS and not (k[:1] in "وف" and k[1:] in _REPORTING_VERBS):
                continue
            first = j = i + 1
            while (
                j < len(words)
                and j - first < 3
                and _joined(text, words, j)
                and self._name_word(words[j][2], j == first)
            ):
                j += 1
            if j == first or j >= len(words):
                continue
            gap = text[words[j - 1][1] : words[j][0]]
            said = (gap == " " and key(words[j][2]) in _THAT) or gap.strip() == ":"
            if not said or (j - first == 1 and self._lone_unknown(words[first][2], text)):
                continue
            out.append(RuleSpan(words[first][0], words[j - 1][1], "PER", rule="speaker"))
        return out

    def _qualifies(self, text: str, words: list[tuple[int, int, str]], i: int) -> bool:
        """Whether the occupation at word ``i`` is an adjective of the definite word before it (المؤتمر
        الصحفي, المكتب الإعلامي) rather than a title."""
        if key(_without_proclitic_al(words[i][2])) not in OCCUPATIONS or not i or not _joined(text, words, i):
            return False
        return key(words[i - 1][2]).startswith(("ال", "وال", "بال", "لل", "فال", "كال"))

    def _occupation_head(self, text: str, words: list[tuple[int, int, str]], i: int) -> bool:
        """«رجل» or «سيدة» (with «و» or not) before «الأعمال» or «الدين»."""
        k = key(words[i][2])
        if k not in _OCCUPATION_HEADS and not (k[:1] == "و" and k[1:] in _OCCUPATION_HEADS):
            return False
        return i + 1 < len(words) and _joined(text, words, i + 1) and key(words[i + 1][2]) in _OCCUPATION_COMPLEMENTS

    def _authors(self, text: str, words: list[tuple[int, int, str]]) -> list[RuleSpan]:
        """PER spans of the names after an author cue (بقلم: ستيفن بينكر; تأليف: د. أحمد زويل), several
        authors joined by «و» or commas (بقلم: دارين اسميلجو وجيمس روبينسون). A title after the cue
        is left to :meth:`__call__` (بقلم الدكتور ...)."""
        out: list[RuleSpan] = []
        for i in range(len(words) - 1):
            k = key(words[i][2])
            if k not in _AUTHOR_CUES and k not in _AUTHOR_CUES_COLON:
                continue
            gap = text[words[i][1] : words[i + 1][0]]
            if not _AUTHOR_GAP.fullmatch(gap):
                continue
            before = _BYLINE_BEFORE.search(text, max(0, words[i][0] - 20), words[i][0])
            if ":" not in gap and (k in _AUTHOR_CUES_COLON or before is None):
                continue  # «بقلم ذهبي أهداه» is "with a golden pen"; a byline has a colon or stands alone
            j = i + 1
            while j + 1 < len(words) and words[j][2] in _ABBREVIATED_TITLES and text.startswith(".", words[j][1]):
                j += 1  # د. / أ.د. / م.د.
            start_offset = 0
            min_words = 1
            while j < len(words) and self._title(words[j][2]) is None:
                first = j
                while j < len(words) and j - first < MAX_NAME_WORDS and (j == first or _joined(text, words, j)):
                    word = words[j][2][start_offset:] if j == first else words[j][2]
                    if not (
                        self._name_word(word, j == first, conjunction=j > first or bool(start_offset))
                        or (j == first + 1 and self._surname_that_is_a_word(text, words, j))
                        or (
                            j == first
                            and not start_offset
                            and (
                                self._given_name_that_is_a_word(text, words, j)
                                or self._given_name_before_surname(text, words, j)
                            )
                        )
                    ):
                        break
                    j += 1
                if j - first < min_words:
                    break
                out.append(RuleSpan(words[first][0] + start_offset, words[j - 1][1], "PER", rule="title"))
                if j >= len(words):
                    break
                # another author: «و» + a name of two words, or a comma and a name of two words
                if _joined(text, words, j) and words[j][2].startswith("و") and len(words[j][2]) > 2:
                    start_offset = 1
                elif _AUTHOR_COMMA.fullmatch(text, words[j - 1][1], words[j][0]):
                    start_offset = 0
                else:
                    break
                if not (j + 1 < len(words) and _joined(text, words, j + 1)):
                    break
                min_words = 2
        return out

    def _unseen_imperfect(self, word: str) -> bool:
        """An imperfect verb the unlabelled text has rarely or never (تحيي, seen twice): ي or ت, four
        letters or more, and no person word of the training text."""
        k = key(word)
        return (
            len(k) >= 4 and k[0] in "يت" and self.counts.get(k, 0) < FAMILIAR and k not in self.gazetteer.person_words
        )

    def _unseen_definite(self, word: str) -> bool:
        """A definite word that the training text never has and that is no nisba (الباجي, not الليبي)."""
        k = key(word)
        gaz = self.gazetteer
        return k.startswith("ال") and not (k in gaz.other_words or k in gaz.nisba or k in gaz.person_words)

    def _lone_unknown(self, word: str, text: str) -> bool:
        """A name of one word that is no person word, no familiar name (``FAMILIAR``) and not said twice
        in the text is as often a verb, an adjective or a noun in the accusative (الرئيس يحصي, الرئيس
        ملزم, السفير الروسي غاضبا, أعدم وزير الزراعة رميا); not after «السيد» / «السيدة», which only a
        name follows (السيد نجوغونا)."""
        k = key(word)
        if k.endswith("ا") and self.counts.get("ال" + k[:-1], 0) >= _SEEN and k not in self.gazetteer.person_words:
            return True  # an accusative however often it is seen: جدلا (الجدل)
        if k in self.gazetteer.person_words or self.counts.get(k, 0) >= FAMILIAR:
            return False
        return len(re.findall(r"(?<![\w\u064B-\u065F])" + re.escape(word) + r"(?![\w\u064B-\u065F])", text)) < 2

    def _name_before(self, text: str, words: list[tuple[int, int, str]], i: int) -> RuleSpan | None:
        """The name that a title in apposition follows (إياد علاوي نائب الرئيس العراقي, خميس الجهيناوي،
        وزير الخارجية): two name words or more right before the title, after a space or a comma; the
        first word of the name is not definite."""
        gap = text[words[i - 1][1] : words[i][0]] if i else ""
        if gap not in (" ", "، ", ", "):
            return None
        j = i - 1
        while j >= 0 and i - j <= MAX_NAME_WORDS and self._name_word(words[j][2], False):
            if j == 0 or text[words[j - 1][1] : words[j][0]] != " ":
                break
            j -= 1
        else:
            j += 1  # word j is no name word (or too many words were taken)
        while j < i and key(words[j][2]).startswith("ال"):
            j += 1
        if i - j < 2:
            return None  # one word before a title is mostly the verb of a title as subject (طالب رئيس الحكومة)
        return RuleSpan(words[j][0], words[i - 1][1], "PER", rule="title")

    def _title(self, word: str) -> bool | None:
        """True for a definite title, False for an indefinite one, None for no title; a proclitic
        (و, ف, ب, ل; not ك: «كرئيس للولايات المتحدة» is "as president") and «لل» for «ل + ال» are taken off first."""
        k = key(word)
        forms = [k]
        if len(k) > 3 and k[0] in "وفبل":
            forms.append(k[1:])
            if k.startswith("لل"):
                forms.append("ال" + k[2:])
        for form in forms:
            if form in TITLES_DEFINITE:
                return True
            if form in TITLES_INDEFINITE:
                return False
        return None

    def _modifier(self, word: str) -> bool:
        """A word between a title and the name: definite (الأمريكي, الوزراء, والدفاع, للشؤون), an office
        word (خارجية, باسم, لدى) or a country (وزير خارجية قطر, لسوريا); not a relative pronoun, which
        opens a clause (الطبيب الذي أشرف على ...)."""
        k = key(word)
        if k in _RELATIVE_PRONOUNS:
            return False
        if k.startswith(("ال", "وال", "لل")) and len(k) > 3:
            return True
        if k in _OFFICE_WORDS or k == _AT:
            return True
        if k.startswith("ل") and _is_place(self.gazetteer, word[1:]):
            return True  # سفير الولايات المتحدة لسوريا
        return _is_place(self.gazetteer, word)

    def with_model(self, text: str, model: list[RuleSpan]) -> tuple[list[RuleSpan], list[RuleSpan]]:
        """The PER spans of ``text`` (:meth:`__call__`) set against the model's spans of it.

        A title span that runs on past a model PER span it holds the start of is cut back before the
        first word past it that is a word of the text (seen ``_SEEN`` times or more) but neither a
        familiar name (``FAMILIAR``), a person word of the training text nor definite (a surname:
        رضا الجوادي): «الرئيس أوباما طقم ألماس» ends after أوباما as the model says, «كيم جونغ أون اعدم»
        after the familiar أون, and «هايلي تيلاهون جبرماريام» runs on over names the text never has.
        A model span that takes in, before a name found after a title, only titles and words never
        inside names (ORG «المنتخب دونالد ترامب») is dropped for the name; one that begins with a
        definite first name (الباجي قايد السبسي, الوليد بن طلال) is kept. A title span that begins
        before a model PER span with words that are no names (:meth:`_names_before`) begins where the
        model's does, unless another model PER span begins where the title span does (the model split
        الباجي | قائد | السبسي around a word of the language: the title span is the whole name) or the
        gazetteer knows the title span as a person (:meth:`_known_person`). A model PER span that
        begins where a title span does and runs on past it only over words of the language is dropped
        for the title span (:meth:`_runs_on_past`: «بقلم: جيمس نشر»).

        Returns:
            The title spans and the model spans to merge.
        """
        persons = [m for m in model if m.label == "PER"]
        titled = []
        for t in self(text):
            m = next((m for m in persons if t.start <= m.start < m.end < t.end), None)
            if m is not None:
                t = RuleSpan(t.start, self._end_past(text, m.end, t.end), t.label, t.id, t.rule)
            m = next((m for m in persons if t.start < m.start < t.end), None)
            starts_with_model_name = any(p.start == t.start for p in persons)
            if (
                m is not None
                and not starts_with_model_name
                and not self._known_person(text[t.start : t.end])
                and not self._names_before(WORD_RE.findall(text, t.start, m.start))
            ):
                t = RuleSpan(m.start, t.end, t.label, t.id, t.rule)  # فوز ماكرون, أشادت هيلين كلارك
            titled.append(t)
        kept = [
            m
            for m in model
            if not any(
                m.start < t.start < m.end <= t.end and self._title_material(text[m.start : t.start]) for t in titled
            )
            and not any(m.label == "PER" and self._runs_on_past(text, t, m) for t in titled)
        ]
        return titled, kept

    def _runs_on_past(self, text: str, titled: RuleSpan, model: RuleSpan) -> bool:
        """Whether a model span that begins where a title span does goes on past it only over words of
        the language: words the training text has outside names, never inside, and the unlabelled text
        often (``FAMILIAR``): «بقلم: جيمس نشر في» (published), not «آل ثاني» (a family's name)."""
        if model.start != titled.start or model.end <= titled.end:
            return False
        before = WORD_RE.findall(text, titled.start, titled.end)
        past = WORD_RE.findall(text, titled.end, model.end)
        gaz = self.gazetteer
        return (
            bool(before and past)
            and key(before[-1]) not in _NAME_LINKS
            and all(
                w != _ALI  # «علي» as spelled is a name (بقلم: أحمد علي)
                and (k := key(w)) in gaz.other_words
                and k not in gaz.person_words
                and k not in _NAME_LINKS
                and gaz.lookup(w) is None  # جورج واشنطن: a name, whatever else it is
                and self.counts.get(k, 0) >= FAMILIAR
                for w in past
            )
        )

    def _known_person(self, surface: str) -> bool:
        """Whether the gazetteer has ``surface`` as a person, as written or with «ائ» spelled «اي» as
        Maghrebi texts spell it (الباجي قائد السبسي: قايد)."""
        return any(
            (entry := self.gazetteer.lookup(form)) is not None and entry.label == "PER"
            for form in {surface, surface.replace("ائ", "اي")}
        )

    def _names_before(self, words: list[str]) -> bool:
        """Whether the words a title span has before the model's PER span are names too: none of them
        is a word of the training text outside names, a definite word or a perfect verb with its
        feminine ت (أشادت: أشاد is a word of the text). Otherwise the span starts where the model's
        does («رئيس المجلس الدستوري فوز ماكرون», «أشادت هيلين كلارك، رئيسة وزراء نيوزيلندا»)."""
        gaz = self.gazetteer
        for w in words:
            k = key(w)
            if k in gaz.person_words:
                continue
            if k in gaz.other_words or k.startswith("ال"):
                return False
            if k.endswith("ت") and self.counts.get(k[:-1], 0) >= _SEEN:
                return False
        return True

    def _end_past(self, text: str, start: int, end: int) -> int:
        """Where a name that the model ended at ``start`` ends, at most at ``end`` (see :meth:`with_model`)."""
        for w in WORD_RE.finditer(text, start, end):
            k = key(w.group())
            if (
                not k.startswith("ال")
                and (len(k) < 3 or _SEEN <= self.counts.get(k, 0) < FAMILIAR)
                and k not in self.gazetteer.person_words
            ):
                break
            start = w.end()
        return start

    def _title_material(self, text: str) -> bool:
        """Whether ``text`` is only titles and words that are never names in the training text
        (الرئيس المنتخب)."""
        gaz = self.gazetteer
        words = WORD_RE.findall(text)
        return bool(words) and all(
            self._title(w) is not None or (k := key(w)) in gaz.other_words or k in gaz.nisba or k in _OFFICE_WORDS
            for w in words
        )

    def _name_word(
        self, word: str, first: bool, article: bool = True, training: bool = True, conjunction: bool = True
    ) -> bool:
        """A word of the name: a person word of the training text, or a word it never has that looks
        like a name (no و unless ``conjunction`` is False, where none can stand: ويليام after «بقلم:»;
        no ة, not a known place or body); a definite word only after the first (عبد الفتاح السيسي),
        never a nisba adjective."""
        if len(word) < 2 or not all("\u0621" <= ch <= "\u064a" and ch != "\u0640" for ch in word):
            return False  # (no tatweel: «بـ» is a preposition)
        k = key(word)
        gaz = self.gazetteer
        if k in gaz.nisba:
            return False
        if k in gaz.person_words:
            return not first or not k.startswith("ال")
        entry = gaz.entries.get(k)
        if (training and k in gaz.other_words) or (
            entry is not None and entry.label != "PER" and not entry.id.startswith("city:geonames:")
        ):
            return False
        if k.startswith("ال") and (first or self.counts.get(k[2:], 0) >= _SEEN):
            return False  # the article on a word of the text (عصام الشابي التحوير الوزاري), not a surname
        if (conjunction and k[0] == "و") or k.startswith(("بال", "لل", "كال")) or word.endswith("ة"):
            return False  # (ف and ه are tested as clitics by ``ordinary``: فرنسوا, عبدربه are names)
        return not (
            self.ordinary(word)
            or self._imperfect_verb(k)
            or self._perfect_verb(k)
            or (article and self._common_noun(k, first))
        )

    def _given_name_that_is_a_word(self, text: str, words: list[tuple[int, int, str]], j: int) -> bool:
        """A first name that is a word of the language as well (فائز "winner", جو "air", قائد "leader":
        the article test or the training text turns it down) when a name word that the training text
        never has follows it (فائز السراج, جو دانفورد, الباجي قائد السبسي); not a word the unlabelled
        text has ``_COMMON`` times or more (في, إن, قال, بعد: function words and the commonest verbs)."""
        k = key(words[j][2])
        if not k:
            return False  # a lone tatweel (الملك ـ في بيان)
        if words[j][2] == _ALI and j + 1 < len(words) and _joined(text, words, j + 1):
            # «علي بن مزين»: the key folds على and علي, and many texts write the preposition with ي (الوزير
            # علي متن طائرة, علي كشوفات): the given name only before a person word of the training text
            return key(words[j + 1][2]) in self.gazetteer.person_words
        if self.counts.get(k, 0) >= _COMMON or k[0] in "يتن":
            return False  # (nor an imperfect verb: السفير الأمريكي لدى إسرائيل يلتقي نتنياهو)
        if (
            not self._name_word(words[j][2], True, article=False, training=False)
            or j + 1 >= len(words)
            or not _joined(text, words, j + 1)
        ):
            return False
        nxt = words[j + 1][2]
        return key(nxt) not in self.gazetteer.person_words and self._name_word(nxt, False)

    def _given_name_before_surname(self, text: str, words: list[tuple[int, int, str]], j: int) -> bool:
        """Right after an author cue, a first name that is a word as well (مات "died") before a
        surname of the training text (بقلم: مات ريدلي); elsewhere a word before a name is as
        often a verb or a noun with its subject (رأى محمد), which :meth:`_given_name_that_is_a_word`
        leaves out."""
        k = key(words[j][2])
        if not k or self.counts.get(k, 0) >= _COMMON or j + 1 >= len(words) or not _joined(text, words, j + 1):
            return False
        if not self._name_word(words[j][2], True, article=False, training=False):
            return False
        nxt = words[j + 1][2]
        return key(nxt) in self.gazetteer.person_words and self._name_word(nxt, False)

    def _surname_that_is_a_word(self, text: str, words: list[tuple[int, int, str]], j: int) -> bool:
        """Right after an author cue, a surname that is a word as well (كون "being") after a first name
        of the training text, where the author's line ends (بقلم: توماس كون 11 –); not a function word
        or a common verb (``_COMMON``), a title, an occupation, a nisba or a word in ة (بقلم: جون سميث
        رئيس التحرير keeps two words). A word the line goes on after is as often a verb or an
        adjective (بقلم: جيمس نشر في, بقلم: بيتر خاص بـ)."""
        word = words[j][2]
        k = key(word)
        return (
            _AUTHOR_LINE_END.match(text, words[j][1]) is not None
            and key(words[j - 1][2]) in self.gazetteer.person_words
            and len(k) >= 2
            and all("\u0621" <= ch <= "\u064a" and ch != "\u0640" for ch in word)
            and not word.endswith("ة")
            and k[0] not in "وف"
            and not k.startswith("ال")
            and self.counts.get(k, 0) < _COMMON
            and k not in self.gazetteer.nisba
            and self._title(word) is None
            and not _is_occupation(word)
            and not self._imperfect_verb(k)  # بقلم: سالم يكتب
            and not k.endswith(("ها", "هم", "ه"))  # a verb or a noun with its pronoun (ترجمه)
        )

    def _imperfect_verb(self, k: str) -> bool:
        """An imperfect verb (يتحمل, سيشرع): its prefix taken off, the rest is a word of the text."""
        rest = k[1:] if k.startswith(("سي", "ست", "سن")) else k
        if rest[0] not in "يتن" or len(rest) < 4:
            return False
        return self.counts.get(rest[1:], 0) >= _SEEN

    def _perfect_verb(self, k: str) -> bool:
        """A perfect verb of the form أفعل with the feminine «ت» (أشادت, أعلنت), which opens a clause
        before its subject: without the ت, a word of the text (أشاد, أعلن)."""
        return len(k) >= 5 and k[0] == "ا" and k.endswith("ت") and self.counts.get(k[:-1], 0) >= _SEEN

    def _common_noun(self, k: str, first: bool) -> bool:
        """A noun or adjective, which takes the article, unlike a name: the text has it with «ال»
        (ضيف / الضيف; تعديلا / التعديل, the accusative's alif off). Right after a title, where a name
        is expected, only a word at least twice as often with the article as without (مكلف, قداسا;
        not منجي, whose article form المنجي is the same name)."""
        if "ال" + k in self.gazetteer.weekdays_ar:  # «الخميس» is Thursday, «خميس الجهيناوي» a name
            return False
        definite = self.counts.get("ال" + k, 0)
        if k.endswith("ا"):
            definite += self.counts.get("ال" + k[:-1], 0)
        if first:
            return definite >= max(_SEEN, 2 * self.counts.get(k, 0))
        return definite >= _SEEN


def _joined(text: str, words: list[tuple[int, int, str]], j: int) -> bool:
    """Word ``j`` follows word ``j - 1`` after one space (no punctuation, no line break between)."""
    return text[words[j - 1][1] : words[j][0]] == " "


#: English titles before a name (President Barack Obama, Secretary-General António Guterres, Mr.
#: Ndohungirehe). Not the ones that head names of bodies and things as often (General Assembly,
#: Director General, Justice Ministry, Chair's summary).
_EN_TITLE = (
    r"(?:Vice[- ])?President(?:-elect)?|Prime Minister|(?:Deputy |Foreign |Defence |Defense )?Minister|"
    r"Secretary[- ]General|Secretary of State|Secretary|Ambassador|Chancellor|King|Queen|(?:Crown )?Prince|"
    r"Princess|Sheikh|Sheikha|Emir|Amir|Sultan|Pope|Senator|Governor|Mayor|Envoy|Spokesperson|Spokesman|"
    r"Spokeswoman|Commissioner|Rapporteur|Professor|Prof\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Madam|H\.E\.|Gen\."
)
_EN_NAME_WORD = r"(?:[A-Z]\.|(?:al-|el-|bin-|ibn-|abu-)?[A-Z][^\W\d_]*(?:['’-][A-Z]?[^\W\d_]+)*)"
_EN_PARTICLE = r"(?:de|da|del|van|von|der|bin|bint|ibn|al-|el-|abu|dos|du|la|le)"
# Titles may be stacked (Secretary-General Mr. Ban Ki-moon, Prime Minister Sheikh Hasina); a comma
# may follow them before a name of two words or more (Defence Minister, Moshe Yaalon).
_EN_TITLED = re.compile(
    r"\b(?:(?:" + _EN_TITLE + r"),?\s+)*(?:" + _EN_TITLE + r")(?P<comma>,)?\s+"
    r"(?P<name>" + _EN_NAME_WORD + r"(?:\s+(?:" + _EN_PARTICLE + r"\s+){0,2}" + _EN_NAME_WORD + r"){0,3})"
)
_EN_TITLE_WORD = re.compile(
    r"^(?:" + _EN_TITLE + r"|General|Deputy|Vice|Foreign|Minister|Special|Secretary|Chair|Chairman|Chairperson)$"
)
#: Capitalised words after a title that are no name: words opening a sentence or a heading, and
#: the nouns of documents and bodies named after an office (the Secretary-General Report).
_EN_NOT_NAME = frozenset(
    "The A An In On At Of For And To By With From As His Her Their Its This That "
    "Report Reports Note Bulletin Statement Letter Message Office Panel Board Committee Council Group Team "
    "Fund Programme Program Initiative Prize Award Forum Summit Conference Declaration Act Law Plan Agenda "
    "Doctrine Administration Premier".split()
)
#: Words of a rank that follow a title before the name (Minister Counsellor Ahmed Hassan, Ambassador
#: Extraordinary and Plenipotentiary): passed over, never the name's first word.
_EN_RANK = frozenset("Extraordinary Plenipotentiary Counsellor Counselor Adviser Advisor Coordinator Designate".split())
#: Nouns of facilities and things named after a person with a title (King Fahd Causeway, Sheikh Zayed
#: Grand Mosque, King Abdullah Economic City): the name is part of a place's or a thing's name.
_EN_FACILITY = frozenset(
    "Causeway City Mosque Centre Centres Center Centers Island Airport Hospital University Bridge Street Road "
    "Avenue Square Prize Award Foundation Port Stadium Palace Park School College Institute Treatment Library "
    "Museum Hall Canal Dam Base".split()
)
_EN_FACILITY_NEXT = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:" + "|".join(sorted(_EN_FACILITY)) + r")\b")
_EN_NUMBER_NEXT = re.compile(r"\s*\d")


def english_titled_persons(text: str, gazetteer: Gazetteer) -> list[RuleSpan]:
    """PER spans of capitalised names after an English title, the title outside (President Barack Obama
    -> "Barack Obama"); the name ends before a title word, a month before a number, a country or a
    known body, and after a possessive "'s". (Not before a city: Ms. Regina Eze.) No person where the
    name is part of a facility's or a thing's name (King Fahd Causeway)."""
    out = []
    for m in _EN_TITLED.finditer(text):
        words = list(re.finditer(r"\S+", m.group("name")))
        kept: list[tuple[int, int]] = []
        facility = False
        for w in words:
            word = re.sub(r"['’]s$", "", w.group())
            if word in _EN_FACILITY:
                facility = True
                break
            if not kept and word in _EN_RANK:
                continue
            if kept and word in ("Sheikh", "Sheikha"):
                kept.append((w.start(), w.end()))  # Hassan Sheikh Mohamud: a title word inside a name
                continue
            if (
                _EN_TITLE_WORD.match(word)
                or word in _EN_NOT_NAME
                or word in gazetteer.org_heads_en
                or (word in gazetteer.months_en and _EN_NUMBER_NEXT.match(text, m.start("name") + w.end()))
                or _region_or_body(gazetteer, word)
            ):
                break  # (a month before a number is a date: Prime Minister May 2017; Theresa May is a name)
            kept.append((w.start(), w.start() + len(word)))
            if word != w.group():
                break  # Obama's: the name ends with its possessive
        while kept and re.fullmatch(_EN_PARTICLE, m.group("name")[kept[-1][0] : kept[-1][1]]):
            kept.pop()
        if facility or not kept or (m.group("comma") and (len(kept) < 2 or _all_common_en(m.group("name"), kept))):
            continue  # (after a comma: "the Ambassador, Permanent Representative of Japan" names no one)
        base = m.start("name")
        if _EN_FACILITY_NEXT.match(text, base + kept[-1][1]):
            continue
        out.append(RuleSpan(base + kept[0][0], base + kept[-1][1], "PER", rule="title"))
    return out


def _region_or_body(gazetteer: Gazetteer, word: str) -> bool:
    entry = gazetteer.entries.get(key(word))
    return entry is not None and (is_region(entry) or entry.label in ("ORG", "PLATFORM"))


def _is_place(gazetteer: Gazetteer, word: str) -> bool:
    """A country or a city the curated tables know (not a town only GeoNames knows: many are words)."""
    entry = gazetteer.entries.get(key(word))
    return entry is not None and entry.label == "LOC" and not entry.id.startswith("city:geonames:")


def _is_occupation(word: str) -> bool:
    """An occupation (الصحفي, والناشطة) or «رجل/سيدة» of one (see ``OCCUPATIONS``)."""
    k = key(word)
    return key(_without_proclitic_al(word)) in OCCUPATIONS or k in _OCCUPATION_HEADS or k[1:] in _OCCUPATION_HEADS


def _without_proclitic_al(word: str) -> str:
    """``word`` without a leading و / ف / ب / ل before its article (والصحفي -> الصحفي, للصحفي -> الصحفي)."""
    if word.startswith("لل"):
        return "ال" + word[2:]
    if len(word) > 3 and word[0] in "وفبل" and word[1:3] == "ال":
        return word[1:]
    return word


def _without_proclitic(word: str) -> str:
    """``word`` without a leading و / ف / ب / ل / ك when the rest is a facility noun (ومطار, لمستشفى)."""
    if len(word) > 3 and word[0] in "وفبلك" and key(word[1:]) in _FACILITIES:
        return word[1:]
    return word


#: Zipf frequency (wordfreq) from which a capitalised word is an ordinary English word (Permanent 4.4,
#: Distinguished 3.9, Member 4.9; Moshe 2.9, Yaalon below 1).
_EN_COMMON_ZIPF = 3.9


def _all_common_en(name: str, kept: list[tuple[int, int]]) -> bool:
    """Whether every word of a name after a comma is an ordinary English word (Member States)."""
    from wordfreq import zipf_frequency

    return all(zipf_frequency(name[s:e].lower(), "en") >= _EN_COMMON_ZIPF for s, e in kept)
