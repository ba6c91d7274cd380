"""Bodies named by a head noun, its adjectives and what they are for: «اللجنة الوطنية لحقوق الإنسان».

Arabic names the formal bodies of diplomacy prose (commissions, agencies, unions, armed movements)
by a pattern more than by a word list: a body noun (اللجنة, الهيئة, النقابة, الائتلاف), one or more
adjectives of the kind names take (الوطنية, العليا, المستقلة, الدولية), then a phrase with «لـ»
saying what the body is for (لحقوق الإنسان, للانتخابات, لتحرير رواندا), or, in UN usage, «المعنية
بـ» (هيئة الخبراء المعنية بحقوق الشعوب الأصلية). An indefinite head takes a genitive first
(منظمة الأمم المتحدة للطفولة is left to the gazetteer, see below; صندوق النقد العربي has no phrase and
is left to the model). The model, trained on news where few such names recur, mostly tags only the
place at the end (رواندا) or nothing.

What keeps a description from passing as a name (most of it from three independent reviews):

- the adjectives must be nisba adjectives (الوطنية, الدولية, الاستشارية) or the few adjectives of
  rank and standing names use (العليا, العامة, المستقلة, المشتركة); words of time, status and
  evaluation (الجديدة, السنوية, العادية, الرئيسي) are none;
- a «لـ» word without the article must govern a noun (لتحرير رواندا) or be a country or region
  (لكولومبيا), and no pronoun ends it (البرنامج النووي لبلاده); a fused «لل» word followed by a
  preposition with a pronoun is a purpose clause (للموافقة عليها);
- no title, town, conference, owner (النادي, المعارضة) or other body after «لـ»: the organ of a
  body leaves the body named on its own (المكتب التنفيذي للاتحاد العام التونسي للشغل);
- a known name is not extended (مجلس الأمن لبحث الأزمة), and the name stops once it is one;
- forces described by their country or as armed are named only for a state (DECISIONS 5:
  «القوات العراقية» is no entity; القوات المسلحة لجمهورية الكونغو الديمقراطية is);
- after «و» the name goes on only with a noun of its own kind (والميزانية), not a plural in -ات, a
  known name or a body (والسلطات المحلية, والأمم المتحدة, والحكومة السعودية).

The head nouns are typed here: no library lists Arabic nouns of institutions, and ANERcorp's
ORG chunks begin with sports clubs and news agencies far more often than with such heads.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .gazetteer import TOWN_WORDS, Gazetteer, is_region, key, nisba_forms
from .rules import INSTITUTION_HEADS, WORD_RE, RuleSpan, clitic_offsets, restore_article
from .titles import TITLES_DEFINITE, TITLES_INDEFINITE

_HEAD_NOUNS = (
    "لجنة هيئة منظمة اتحاد وكالة معهد مكتب بنك مصرف رابطة مؤسسة مركز شركة نقابة ائتلاف تحالف جبهة "
    "حركة قوات صندوق مجلس جمعية قيادة مفوضية أمانة محكمة جامعة أكاديمية مرصد منتدى حزب سلطة فريق مجموعة"
)
#: Head nouns of bodies, with and without the article (keys).
HEADS_DEFINITE = frozenset(key("ال" + w) for w in _HEAD_NOUNS.split())
HEADS_INDEFINITE = frozenset(key(w) for w in _HEAD_NOUNS.split())
_FORCES = frozenset({key("قوات"), key("القوات")})
#: Adjectives of rank and standing that are no nisba (العليا, العامة); nisba adjectives are found by form.
_STANDING = frozenset(
    key(w)
    for w in (
        "العليا الأعلى العامة العام المستقلة المستقل المتحدة المشتركة المشترك الموحدة الموحد الخاصة الخاص "
        "الدائمة الدائم الكبرى المركزي المركزية المسلحة"
    ).split()
)
#: Nisba-shaped words that say when, not which (الحالي, الماضي, التالي): never part of a name.
_NOT_NAME_ADJECTIVES = frozenset(
    key(w)
    for w in (
        "الحالي الحالية الماضي الماضية التالي التالية الآتي الآتية الثاني الثانية الذاتي الذاتية "
        "الجديد الجديدة السابق السابقة المقبل المقبلة القادم القادمة الدوري الدورية الرئيسي الرئيسية "
        "الأساسي الأساسية الفني الفنية السنوي السنوية الشهري الشهرية الأسبوعي الأسبوعية اليومي اليومية "
        "المؤقت المؤقتة العادي العادية الاستثنائي الاستثنائية الطارئ الطارئة"
    ).split()
)
#: Words with the article that are function words (key of إلى is «الي»; relative pronouns).
_NOT_DEFINITE_NOUNS = frozenset(
    key(w) for w in "الذي التي الذين اللذين اللتين اللاتي اللواتي إلى الى إلا الا الآن اليوم".split()
)
#: Words beginning with ل that are conjunctions, prepositions or adverbs, not «لـ» + a noun.
_NOT_FOR_WORDS = frozenset(
    key(w)
    for w in (
        "لذلك لهذا لهذه لكن لكنه لكنها لقد لدى لأن لأنه لأنها لكي لعل لماذا لما لمن لمدة لصالح لحين "
        "لغاية ليس ليست لديه لديها لدينا لها لهم لنا له لمن لتلك لذا للمرة للغاية للتو"
    ).split()
)
_CONCERNED = frozenset(key(w) for w in ("المعني", "المعنية", "المعنيه"))
#: Heads only with the article: «قيادة» is "leadership, steering" (بقيادة الأمم المتحدة, قيادة المركبة).
_DEFINITE_ONLY = frozenset({key("قيادة")})
#: Heads of bodies the other rules name (حكومة الوفاق الوطني): after «لـ» they are the organisation.
_OTHER_BODIES = (
    frozenset(key(w) for w in INSTITUTION_HEADS)
    | frozenset(key("ال" + w) for w in INSTITUTION_HEADS)
    | frozenset(key(w) for w in "البرلمان الكونغرس الكنيست برلمان".split())  # اللجنة الخارجية للبرلمان اللبناني
)
#: Prepositions a verbal noun of purpose governs, with a pronoun (للموافقة عليها); not «من» (من جهته).
_PURPOSE_PREPOSITIONS = frozenset(key(w) for w in ("على", "عن", "مع", "إلى"))
#: Owners after «لل»: the team, group or main party of a club, a tournament, the opposition is described,
#: not named (الفريق الأول للنادي الملكي, الحزب الرئيسي للمعارضة).
_OWNERS = frozenset(
    key(w)
    for w in "النادي البطولة المعارضة المشروع المنتخب".split()  # (not الدولة: المجلس الأعلى للدولة)
)
#: Events after «لـ»: the committee of a conference is no name of its own (DECISIONS 9: conferences are
#: not marked; اللجنة التحضيرية لمؤتمر الأطراف).
_EVENTS = frozenset(key(w) for w in "مؤتمر المؤتمر قمة القمة دورة الدورة اجتماع الاجتماع".split())
#: Pronoun suffixes of a preposition (عليها, عليّ): see :meth:`NamedBodies._purpose_complement`.
_PRONOUN_SUFFIX = re.compile(r"(?:ها|هما|هم|هن|كم|نا|ه|ي)$")
#: After «و», the words that start a phrase of their own (والعديد من) rather than a word of the name.
_QUANTIFIER_NEXT = frozenset(key(w) for w in ("من",))
#: Pronoun suffixes: «لبلاده», «لشعبها» end the phrase as a possessive, not a name.
_PRONOUN_END = re.compile(r"(?:ه|ها|هم|هما|هن|كم|نا)$")
_NISBA_SHAPE = re.compile(r"^ال.{2,}(?:ي|يه)$")  # keys: ة is folded to ه
_GAP = re.compile(r"[^\S\n]*\n?[^\S\n]*")  # a name runs over a line break, not a blank line
#: Distinct words whose head lookup is kept.
_CACHE_SIZE = 100_000
MAX_ADJECTIVES = 3
MAX_TAIL = 5


class NamedBodies:
    """ORG spans of bodies named by head noun + adjectives + purpose phrase (module docstring).

    Args:
        gazetteer: The loaded gazetteer: known names are not extended, places may end a name
            (لتحرير رواندا), country nisbas tell forces described from forces named.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._heads: dict[str, tuple[int, bool, str] | None] = {}
        # nisba adjectives of places, also of the first word of a name of several (كوريا الجنوبية -> الكورية)
        places = [e.text for e in gazetteer.entries.values() if e.lang == "ar" and is_region(e)]
        self._place_nisba = set(gazetteer.nisba) | {key(f) for p in places for f in nisba_forms(p.split()[0])}

    def __call__(self, text: str, organisations: Collection[tuple[int, int]] = ()) -> list[RuleSpan]:
        """The ORG spans of ``text``, in text order, not overlapping.

        ``organisations`` are the (start, end) offsets of the organisations the model found: a body
        of one (المكتب السياسي لنداء تونس) is not a name of its own, the organisation after «لـ» is.
        A model organisation that begins at the «لـ» word but runs on past the end of the body's
        name is no such organisation: the model has cut the name and taken the verb after it
        («النقابة العامة | للتعليم الثانوي قرّرت»).
        """
        words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
        out: list[RuleSpan] = []
        i = 0
        while i < len(words):
            found = self._body_at(text, words, i, organisations)
            if found is None:
                i += 1
                continue
            out.append(found[0])
            i = found[1]
        return out

    def _body_at(
        self, text: str, words: list[tuple[int, int, str]], i: int, organisations: Collection[tuple[int, int]]
    ) -> tuple[RuleSpan, int] | None:
        start, _, word = words[i]
        head = self._head(word)
        if head is None:
            return None
        offset, definite, head_key = head
        j = i + 1
        if not definite:
            # an indefinite head governs a noun with the article first (هيئة الخبراء)
            if not self._joined(text, words, j) or not self._definite_noun(words[j][2]):
                return None
            if self._head(words[j][2]) is not None:
                return None  # «قيادة الاتحاد العام التونسي للشغل»: the body named is the second
            j += 1
        adjectives = []
        while j < len(words) and len(adjectives) < MAX_ADJECTIVES and self._joined(text, words, j):
            k = key(words[j][2])
            if k in _CONCERNED or not self._name_adjective(k):
                break
            adjectives.append(k)
            j += 1
        if definite and not adjectives:
            return None
        # forces described by their country or as armed (القوات الإسرائيلية, القوات المسلحة للمشاركة) are
        # named only for a state after «لـ» (القوات المسلحة لجمهورية الكونغو الديمقراطية)
        described = head_key in _FORCES and all(a in self._place_nisba or a in _STANDING for a in adjectives)
        if self.gazetteer.lookup(restore_article(word, offset, text[start + offset : words[j - 1][1]])) is not None:
            return None  # a known name is not extended (مجلس الأمن لبحث ...)
        concerned = self._joined(text, words, j) and key(words[j][2]) in _CONCERNED
        if not adjectives and not concerned:
            return None  # «حركة النهضة لمخرجات الحوار»: a name, then a verb's complement
        if concerned:
            j += 1  # UN usage: «المعنية بـ» instead of «لـ»
        if not self._joined(text, words, j):
            return None
        phrase = words[j][2]
        preposition = "ب" if concerned else "ل"
        fused = phrase.startswith(preposition + "ال") or (preposition == "ل" and phrase.startswith("لل"))
        restored = key("ال" + phrase[2:]) if fused else ""
        if (
            not phrase.startswith(preposition)
            or len(phrase) < 4
            or key(phrase) in _NOT_FOR_WORDS
            or (not fused and _PRONOUN_END.search(phrase))
            or restored in TITLES_DEFINITE  # «حزب المبادرة للمرشح الباجي»: a person follows
            or key(phrase[1:]) in TITLES_INDEFINITE  # المكتب الإعلامي لرئيس الوزراء
        ):
            return None
        bare = key(restore_article(phrase, 1, phrase[1:]))
        if described and not self._place_at(text, words, j):
            return None
        if (
            self._head(phrase) is not None
            or bare in _OTHER_BODIES  # المجلس الرئاسي لحكومة الوفاق الوطني
            or bare in _EVENTS
            or bare in _OWNERS
            or bare in TOWN_WORDS  # المجلس العسكري لمدينة مصراتة: the town alone
            or self._known_organisation(text, words, j)
        ):
            return None  # «المكتب التنفيذي للاتحاد العام التونسي للشغل»: the body after «لـ» is the name
        end = j + 1
        if not fused and not self._place(phrase[1:]):
            # «لـ» + a noun governs what it names (لتحرير رواندا, لحقوق الإنسان); «لـ» + a place is
            # whole (القوات المسلحة الثورية لكولومبيا)
            if not (self._joined(text, words, end) and self._governed(words[end][2])):
                return None
            end += 1
        elif fused and self._joined(text, words, end) and self._purpose_complement(words[end][2]):
            return None  # «المجلس التنفيذي للموافقة عليها»: a verbal noun of purpose and its complement
        after_adjective = False
        while end < len(words) and end - j <= MAX_TAIL and self._joined(text, words, end):
            entry = self.gazetteer.lookup(restore_article(word, offset, text[start + offset : words[end - 1][1]]))
            if entry is not None and entry.label == "ORG":
                break  # a known name is complete (الوكالة الدولية للطاقة الذرية والحيلولة دون ...)
            tail = words[end][2]
            coordinated = tail.startswith("و")
            if (
                not self._tail_word(tail)
                or (coordinated and not self._ends_coordination(text, words, end + 1))
                # after an adjective «و» joins another adjective (السمعي والبصري), not a noun
                or (coordinated and after_adjective and not self._name_adjective(key(tail[1:])))
                or (coordinated and self._begins_name(text, words, end))  # والأمم المتحدة: a second name
            ):
                break
            after_adjective = tail.startswith("ال") and self._name_adjective(key(tail))
            end += 1
        name_end = words[end - 1][1]
        if any(words[j][0] <= o_start <= words[j][0] + 2 and o_end <= name_end for o_start, o_end in organisations):
            return None  # «المكتب السياسي لنداء تونس»: the organisation after «لـ» is the name
        return RuleSpan(start + offset, name_end, "ORG", rule="body"), end

    def _head(self, word: str) -> tuple[int, bool, str] | None:
        """(clitic offset, definite?, key of the head with its article) when ``word`` is a body head."""
        try:
            return self._heads[word]
        except KeyError:
            pass
        if len(self._heads) >= _CACHE_SIZE:
            self._heads.clear()  # bounded memory on very large batches
        found = self._heads[word] = self._find_head(word)
        return found

    @staticmethod
    def _find_head(word: str) -> tuple[int, bool, str] | None:
        for offset in clitic_offsets(word):
            restored = key(restore_article(word, offset, word[offset:]))
            if offset == 1 and word.startswith("لل") and key("ال" + word[1:]) in HEADS_DEFINITE:
                restored = key("ال" + word[1:])  # للجنة: ل + اللجنة, one ل left out as the guideline asks
            if restored in HEADS_DEFINITE:
                return offset, True, restored
            if restored in HEADS_INDEFINITE and restored not in _DEFINITE_ONLY:
                return offset, False, restored
        return None

    @staticmethod
    def _joined(text: str, words: list[tuple[int, int, str]], j: int) -> bool:
        """Word ``j`` exists and only white space separates it from the word before."""
        return j < len(words) and _GAP.fullmatch(text[words[j - 1][1] : words[j][0]]) is not None

    @staticmethod
    def _definite_noun(word: str) -> bool:
        return word.startswith("ال") and len(word) >= 4 and key(word) not in _NOT_DEFINITE_NOUNS

    def _name_adjective(self, k: str) -> bool:
        if k in _NOT_NAME_ADJECTIVES:
            return False
        return k in _STANDING or bool(_NISBA_SHAPE.match(k)) or k in self.gazetteer.nisba

    def _known_organisation(self, text: str, words: list[tuple[int, int, str]], j: int) -> bool:
        """Whether the «لـ» word ``j`` begins a known organisation (للأمم المتحدة, لحكومة دبي)."""
        phrase = words[j][2]
        first = "ا" + phrase[1:] if phrase.startswith("لل") else phrase[1:]
        for n in range(MAX_TAIL):
            if n and not self._joined(text, words, j + n):
                break
            candidate = " ".join([first, *(w for _, _, w in words[j + 1 : j + 1 + n])])
            entry = self.gazetteer.lookup(candidate)
            if entry is not None and entry.label == "ORG":
                return True
        return False

    @staticmethod
    def _purpose_complement(word: str) -> bool:
        """Whether ``word`` is a preposition with a pronoun (عليها, عنه, إليه): the complement of a verbal
        noun of purpose (للموافقة عليها). Without a pronoun it may go on with the name (الهيئة الوقتية
        للإشراف على القضاء العدلي, الرابطة التونسية للدفاع عن حقوق الإنسان) or the sentence (دعا الهيئة
        ... إلى)."""
        k = key(word)
        return k not in _PURPOSE_PREPOSITIONS and _PRONOUN_SUFFIX.sub("", k) in _PURPOSE_PREPOSITIONS

    def _ends_coordination(self, text: str, words: list[tuple[int, int, str]], k: int) -> bool:
        """Whether a word joined by «و» may end the name at ``k - 1``: not a plural in -ات (والسلطات
        المحلية), nor before a known name (والنادي الأهلي), «من» (والعديد من) or a definite word that is
        no name adjective (والدول الأعضاء, والمسائل المتصلة)."""
        if not self._joined(text, words, k):
            return True
        after = words[k][2]
        if key(after) in _QUANTIFIER_NEXT:
            return False
        bare = key(words[k - 1][2][1:])
        known = self.gazetteer.lookup(after) is not None and key(after) not in self._place_nisba
        if bare.endswith("ات") or known:
            return False  # والسلطات المحلية, والنادي الأهلي: a phrase of its own
        return not (self._definite_noun(after) and not self._name_adjective(key(after)))

    def _begins_name(self, text: str, words: list[tuple[int, int, str]], k: int) -> bool:
        """Whether the word ``k`` without its «و» begins a known name of one to three words."""
        parts = [words[k][2][1:]]
        for n in range(1, 4):
            if self.gazetteer.lookup(" ".join(parts)) is not None:
                return True
            if not self._joined(text, words, k + n):
                return False
            parts.append(words[k + n][2])
        return self.gazetteer.lookup(" ".join(parts)) is not None

    def _place_at(self, text: str, words: list[tuple[int, int, str]], j: int) -> bool:
        """Whether the «لـ» word ``j`` begins a known place (لأذربيجان, لجمهورية الكونغو الديمقراطية)."""
        parts = [words[j][2][1:]]
        for n in range(1, MAX_TAIL):
            if self._place(" ".join(parts)):
                return True
            if not self._joined(text, words, j + n):
                break
            parts.append(words[j + n][2])
        return self._place(" ".join(parts))

    def _place(self, word: str) -> bool:
        """A country or region (لكولومبيا, لأفريقيا), not a city: a town's council names the town
        alone (المجلس البلدي لبغداد, decision C17)."""
        return is_region(self.gazetteer.entries.get(key(word)))

    def _governed(self, word: str) -> bool:
        """The noun a «لـ» word governs: a noun with the article or a known place or body."""
        if self._definite_noun(word) and key(word) not in _NOT_NAME_ADJECTIVES:
            return True
        entry = self.gazetteer.entries.get(key(word))
        return entry is not None and entry.label in ("LOC", "ORG")

    def _tail_word(self, word: str) -> bool:
        """A word that goes on with the name: a name adjective (الثانوي, السورية), a place (الكونغو), or
        a noun joined by «و» (والميزانية, والمعارضة) that is no body, no title and no plural of persons
        (والمحكمة الدستورية, والعضوين: a second entity or the people); not a body's name in apposition
        (الفيفا)."""
        k = key(word)
        if k in _CONCERNED:
            return False  # «لمؤتمر الأمم المتحدة المعني»: a phrase of its own follows
        if word.startswith("ال") and self._name_adjective(k):
            return True
        if word.startswith("و") and self._definite_noun(word[1:]):
            bare = key(word[1:])
            return (
                bare not in HEADS_DEFINITE
                and bare not in _OTHER_BODIES  # والحكومة السعودية: a second entity
                and bare not in TITLES_DEFINITE
                and not bare.endswith(("ين", "ون"))
                and bare not in _NOT_NAME_ADJECTIVES
            )
        entry = self.gazetteer.entries.get(k)
        return entry is not None and entry.label == "LOC"  # (not «الفيفا»: a name in apposition)
