"""Places named after the noun of their kind that no list has: «بمحافظة الدقهلية», «بولاية تاماوليباس».

The gazetteer knows countries, CLDR's cities and the GeoNames towns of the Arab world; provinces,
villages and districts of elsewhere it does not, and the model, trained on news of the 2000s, misses
the ones it never saw. A noun of a place's kind (محافظة, ولاية, إقليم, قرية, حي, منطقة...) is
evidence that a name follows (in the dual, two names: في قريتي سرمين وكورين); the name is the run of
one or two words after it that the texts never use as words: the training text never outside a name,
the unlabelled text less than ten times, never as an ordinary word with clitics, with the article or
in the feminine (there or in wordfreq's Arabic list), no plural of a word (نازحين; سرمين and جوجارات
are no plurals), and no verb (so «منطقة عازلة», «ولاية الخبراء», «قرية صغيرة», «حي هادئ», «مدينة
ملاهي» name nothing). Three of the nouns have a commoner sense after some words (حملة مقاطعة: a
boycott; خلال ولاية: a term; من ناحية: in terms of) and name no place there.

The noun itself stays outside the span (corpus/GUIDELINES.md), as with titles.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .gazetteer import Gazetteer, key
from .rules import WORD_RE, RuleSpan

#: Nouns of a place's kind, with the proclitics they take (و, ب, ل, وب).
_PLACE_NOUNS = frozenset(
    key(clitic + w)
    for w in ("محافظة", "ولاية", "إقليم", "مقاطعة", "قرية", "بلدة", "مدينة", "جزيرة", "حي", "مخيم", "ناحية", "منطقة")
    for clitic in ("", "و", "ب", "ل", "وب", "ول")
)
#: The same nouns in the dual («في قريتي سرمين وكورين», «في ولايتي تكساس وفلوريدا»): two names
#: follow, the second after «و».
_DUAL_PLACE_NOUNS = frozenset(
    key(clitic + w)
    for w in ("محافظتي", "ولايتي", "قريتي", "بلدتي", "مدينتي", "جزيرتي", "مخيمي", "منطقتي")
    for clitic in ("", "و", "ب", "ل", "وب", "ول")
)
#: Nouns of a place's kind that have a commoner sense: a boycott, a term of office, "in terms of".
#: After the words that select that sense they name no place.
_OTHER_SENSE = {
    key("مقاطعة"): frozenset(key(w) for w in ("حملة", "حملات", "دعا", "دعت", "دعوة", "دعوات", "إلى", "الى", "قرار")),
    key("ولاية"): frozenset(
        key(w) for w in ("خلال", "عهد", "فترة", "تمديد", "انتهاء", "بداية", "نهاية", "طوال", "إبان", "مدة", "تجديد")
    ),
    key("ناحية"): frozenset(key(w) for w in ("من", "ومن")),
}
#: «إلى» before «مقاطعة», and the call that makes it a boycott (دعا, دعت, يدعو, تدعو, دعوة, دعوات).
_TO = frozenset(key(w) for w in ("إلى", "الى", "وإلى"))
_CALL = re.compile(
    r"(?<![\u0621-\u064a])[وف]?(?:دعا|دعت|دعوا|يدعو|تدعو|يدعون|ندعو|دعوة|دعوات|الدعوة)(?![\u0621-\u064a])"
)
#: Most words of such a name.
MAX_PLACE_WORDS = 2
#: Seen this often in the unlabelled text, a word is a word of the language (or a place the gazetteer
#: should know), not a name only this text has.
_RARE = 10
#: Seen this often, a word with the article taken off is an ordinary noun (المنطقة الصناعية: صناعية).
_SEEN = 2


def is_place_noun(word: str) -> bool:
    """Whether ``word`` is a noun of a place's kind (قرية, بمحافظة, قريتي): a kind, never a name."""
    return key(word) in _PLACE_NOUNS or key(word) in _DUAL_PLACE_NOUNS


class PlacesAfterNouns:
    """LOC spans of the names that follow a noun of a place's kind (see the module docstring).

    Args:
        gazetteer: The loaded gazetteer: its other and person words of the training text, its nisba
            adjectives and its entries.
        counts: Word counts of the unlabelled Arabic text (keys of :func:`key`).
        ordinary: Whether an unseen word is an ordinary word with clitics (سيحقق, بنظيره).
    """

    def __init__(self, gazetteer: Gazetteer, counts: dict[str, int], ordinary: Callable[[str], bool]) -> None:
        self.gazetteer = gazetteer
        self.counts = counts
        self.ordinary = ordinary

    def __call__(self, text: str) -> list[RuleSpan]:
        """The LOC spans of ``text``, in text order."""
        words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
        out: list[RuleSpan] = []
        for i in range(len(words) - 1):
            noun_key = key(words[i][2])
            dual = noun_key in _DUAL_PLACE_NOUNS
            if not (dual or noun_key in _PLACE_NOUNS) or words[i][2].endswith("ه"):
                continue  # (بلده is "his country": the key folds ه and ة)
            if self._other_sense(text, words, i):
                continue  # حملة مقاطعة (a boycott), خلال ولاية (a term), من ناحية (in terms of)
            j = self._name_end(text, words, i + 1) if _joined(text, words, i + 1) else i + 1
            if j == i + 1:
                continue
            if not dual:
                out.append(RuleSpan(words[i + 1][0], words[j - 1][1], "LOC", rule="place-noun"))
                continue
            # a dual only where «و» and the second name follow (taken when it passes the same test):
            # «ولايتي» and «منطقتي» are as often "my term", "my region" (بداية ولايتي بصفتي الأمين العام)
            if not (j < len(words) and _joined(text, words, j) and words[j][2].startswith("و")):
                continue
            out.append(RuleSpan(words[i + 1][0], words[j - 1][1], "LOC", rule="place-noun"))
            second = words[j][0] + 1, words[j][1], words[j][2][1:]
            k = self._name_end(text, [*words[:j], second, *words[j + 1 :]], j)
            if k > j:
                out.append(RuleSpan(second[0], words[k - 1][1] if k > j + 1 else second[1], "LOC", rule="place-noun"))
        return out

    def no_place_after_noun(self, text: str, start: int, end: int) -> bool:
        """Whether the one word ``text[start:end]`` (a LOC the model found) follows a place noun that
        shows it is no place: the noun in its commoner sense (حملة مقاطعة ماكدونالدز, a boycott), or an
        ordinary word after it (حي هادئ, قرية محررة: an adjective; حي يرزق: a verb), by the tests
        :meth:`_name` makes of a word the rule would take, less the rarity one: the model's places
        are mostly words the texts have (في حي الشجاعية)."""
        words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, max(0, start - 40), end)]
        i = next((x for x, w in enumerate(words) if w[0] == start), None)
        if i is None or i < 1 or words[-1][1] != end or i != len(words) - 1 or not _joined(text, words, i):
            return False
        noun_key = key(words[i - 1][2])
        if noun_key not in _PLACE_NOUNS or words[i - 1][2].endswith("ه"):
            return False
        if self.gazetteer.lookup(text[start:end]) is not None:
            return False  # a known place stays one (إلى مقاطعة كيبيك; مقاطعة إسرائيل: a boycott of a place)
        if self._other_sense(text, words, i - 1):
            # «إلى مقاطعة» is as often "to the province of" (انتقل إلى مقاطعة كيبيك): a boycott when a
            # call comes before it (دعت ... إلى مقاطعة)
            return key(words[i - 2][2]) not in _TO or _CALL.search(text, max(0, start - 60), start) is not None
        return self._ordinary(text[start:end])

    def _ordinary(self, word: str) -> bool:
        """Whether an indefinite word after a place noun is an ordinary word by its forms: an adjective
        in the feminine, a word the texts have with the article or in the feminine, an imperfect verb,
        a plural of a word of the text (the tests of :meth:`_name` on a first word)."""
        k = key(word)
        if k.startswith("ال") or word.startswith("و"):
            return False
        return (
            word.endswith("ة")
            or (word.endswith(("ات", "ون", "ين")) and self._plural(k))
            or self.counts.get("ال" + k, 0) >= _SEEN
            or self.counts.get(k + "ة", 0) >= _SEEN
            or (k[0] in "يت" and len(k) >= 4 and self.counts.get(k[1:], 0) >= _SEEN)
            or _ordinary_in_wordfreq(word)
        )

    def _name_end(self, text: str, words: list[tuple[int, int, str]], first: int) -> int:
        """The index after the last word of the name that begins at word ``first`` (``first`` itself
        when no name begins there)."""
        j = first
        while (
            j < len(words)
            and j - first < MAX_PLACE_WORDS
            and (j == first or _joined(text, words, j))
            and self._name(words[j][2], first=j == first)
        ):
            j += 1
        return j

    def _other_sense(self, text: str, words: list[tuple[int, int, str]], i: int) -> bool:
        """Whether the noun at word ``i`` has its commoner sense here: after a word that selects it
        (``_OTHER_SENSE``), without «ب» (بولاية is always "in the state of")."""
        noun_key = key(words[i][2])
        bare = _bare(noun_key)
        if bare not in _OTHER_SENSE or noun_key.startswith(("ب", "وب")) and bare != noun_key:
            return False
        return i > 0 and _joined(text, words, i) and key(words[i - 1][2]) in _OTHER_SENSE[bare]

    def _plural(self, k: str) -> bool:
        """Whether a word in ات, ون or ين is the plural of a word of the text: its singular (نازح,
        مستوطنة) is seen, or the word itself with the article (النازحين). Names end so too (سرمين,
        جنين)."""
        stem = k[2:] if k.startswith("ال") else k
        singular = stem[:-2]
        return (
            len(singular) < 2
            or self.counts.get(singular, 0) >= _SEEN
            or self.counts.get(singular + "ه", 0) >= _SEEN
            or self.counts.get("ال" + stem, 0) >= _SEEN
            or self.counts.get("ال" + singular, 0) >= _SEEN
        )

    def _name(self, word: str, first: bool) -> bool:
        """A word of a place's name that no text uses as a word (see the module docstring). A second
        word has neither the article nor a proclitic before a word of the text: what follows a name is
        as often its adjective (كوشاداسي المطلة) or a phrase (كاتانيا لدواع, غوام كحد أقصى) as the rest
        of a foreign name (أندرا براديش, ريجو إيميليا)."""
        if len(word) < 3 or not all("\u0621" <= ch <= "\u064a" and ch != "\u0640" for ch in word):
            return False
        k = key(word)
        gaz = self.gazetteer
        if k in gaz.other_words or k in gaz.person_words or k in gaz.nisba or self.counts.get(k, 0) >= _RARE:
            return False
        if k.startswith("ال") and (not first or self.counts.get(k[2:], 0) >= _SEEN):
            return False  # the article on an ordinary word (الصناعية, not الدقهلية)
        if not first and k[0] in "لبك" and self.counts.get(k[1:], 0) >= _SEEN:
            return False  # كحد (أقصى), لدواع: a proclitic and a word
        if not first and k.endswith(("ها", "هم", "هما", "هن")):
            return False  # a verb or a noun with its pronoun (منطقة الأمازون نسجها)
        if not first and k.endswith("ا") and self.counts.get(k[:-1], 0) + self.counts.get("ال" + k[:-1], 0) >= _SEEN:
            return False  # an adverb in the accusative (مخيم حندرات ذبحا: ذبح)
        if word[0] == "و" or (word.endswith(("ات", "ون", "ين")) and self._plural(k)):
            return False  # a second noun after «و»; plurals (a town of «مستوطنات», «نازحين»; not سرمين)
        if word.endswith("ة") and not k.startswith("ال"):
            return False  # an adjective of the noun (مدينة ترفيهية, قرية محررة, ذاتية)
        if not k.startswith("ال") and (self.counts.get("ال" + k, 0) >= _SEEN or self.counts.get(k + "ة", 0) >= _SEEN):
            return False  # a noun or an adjective: the text has it with the article or in the feminine (ملاهي, هادئ)
        if k[0] in "يت" and len(k) >= 4 and self.counts.get(k[1:], 0) >= _SEEN:
            return False  # an imperfect verb (حي يرزق)
        if not k.startswith("ال") and _ordinary_in_wordfreq(word):
            return False  # the same test on a larger text: مدينة ملاهي, مخيم صيفي, حي مزدحم
        return not self.ordinary(word)


#: Zipf frequency (wordfreq's Arabic list) from which a word's form with the article or in the
#: feminine makes it a noun or an adjective: the ordinary words after a place noun reach 3.4 (صفيح,
#: ملاهي, مزدحم, شاسع, هادئ 4.3), the places the rule finds stay under 2.9 (بطحاء; كشمير 2.5, تكساس 1.2).
#: The stage's other wordfreq tests of a word with the article use it too (NerStage, first names).
NOUN_ZIPF = 3.1


def zipf_ar(word: str) -> float:
    """wordfreq's Zipf frequency of an Arabic word. wordfreq loads on the first call (about 0.4 s):
    the rules ask it only about words no project text decides."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar")


def noun_in_wordfreq(word: str) -> bool:
    """Whether wordfreq's Arabic list has ``word`` (two letters or more) with the article often enough
    to be a noun or an adjective (``NOUN_ZIPF``: اليسر 3.3, الجبارة 3.2; الينكر has none)."""
    return len(word) >= 2 and zipf_ar("ال" + word) >= NOUN_ZIPF


def _ordinary_in_wordfreq(word: str) -> bool:
    """Whether wordfreq's Arabic list has ``word`` with the article or in the feminine often enough
    (``NOUN_ZIPF``): only asked when a place noun is followed by a word no project text has."""
    return noun_in_wordfreq(word) or zipf_ar(word + "ة") >= NOUN_ZIPF


def _bare(noun_key: str) -> str:
    """A place noun's key without its proclitic (بولاية -> ولاية; ولاية itself begins with و)."""
    for clitic in ("وب", "ول", "و", "ب", "ل"):
        if noun_key.startswith(clitic) and noun_key[len(clitic) :] in _OTHER_SENSE:
            return noun_key[len(clitic) :]
    return noun_key


def _joined(text: str, words: list[tuple[int, int, str]], j: int) -> bool:
    """Word ``j`` follows word ``j - 1`` after spaces only (no punctuation, no line break)."""
    gap = text[words[j - 1][1] : words[j][0]]
    return bool(gap) and gap.isspace() and "\n" not in gap
