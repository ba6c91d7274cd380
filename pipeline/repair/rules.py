"""Character- and word-level repair rules: small pure functions over data tables.

Each rule takes a word (or a text) and returns the repaired form, so a caller
can tell what a rule changed by comparing input and output. The tables (look-
alike letter groups, thin letters, Persian letters, invisible characters,
interface junk, clitics) live in ``pipeline/repair/data/`` and are read once by
:func:`load_rule_data`.

None of these rules consults a lexicon; the lexicon-backed decisions (which
candidate replaces a non-word) live in :mod:`pipeline.repair.lexicon` and
:mod:`pipeline.repair.core`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..camel import presentation_forms
from ..errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent / "data"

TATWEEL = "\u0640"
#: Tanween marks: fathatan, dammatan, kasratan.
TANWEEN = "\u064b\u064c\u064d"
_TANWEEN_SET = frozenset(TANWEEN)
SHADDA = "\u0651"
#: Arabic combining marks (harakat, tanween, shadda, sukun, dagger alef, Quranic marks).
ARABIC_MARKS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"] + [chr(c) for c in range(0x06D6, 0x06EE)]
)
#: Letters a tanween-fath may legitimately stand before at the end of a word (كتاباً, هدىً).
_FINAL_AFTER_FATHATAN = "اى"


#: A combining mark (Mn) that is not one of ARABIC_MARKS: what :func:`remove_foreign_marks` may drop.
#: A superset of what it drops, used only to pass over the words that have none.
#: (U+1171E, an Ahom sign, is Mn in Python 3.11's Unicode 14 and Mc in later ones: named.)
_NON_ARABIC_MARK = regex.compile(r"[\p{Mn}\U0001171E--[\u064B-\u065F\u0670\u06D6-\u06ED]]", regex.V1)


def is_arabic_letter(ch: str) -> bool:
    """Whether ``ch`` is a letter of the Arabic block (base or extended, not a mark or tatweel)."""
    o = ord(ch)
    return (0x0621 <= o <= 0x063A) or (0x0641 <= o <= 0x064A) or (0x0671 <= o <= 0x06D3) or (0x06FA <= o <= 0x06FF)


def is_arabic_char(ch: str) -> bool:
    """Whether ``ch`` is an Arabic letter, mark or tatweel."""
    return is_arabic_letter(ch) or ch in ARABIC_MARKS or ch == TATWEEL


def is_latin_letter(ch: str) -> bool:
    """Whether ``ch`` is an ASCII or Latin-1/Extended Latin letter."""
    return ch.isalpha() and ord(ch) < 0x0250


def is_foreign_char(ch: str) -> bool:
    """A letter or mark of another script than Arabic (Latin excluded: see :func:`is_latin_letter`).
    (A superscript letter that ends a word, a note's marker, is no part of the word: see
    ``pipeline.repair.core._split_words``; one inside a word is debris.)"""
    if is_arabic_char(ch) or is_latin_letter(ch):
        return False
    cat = unicodedata.category(ch)
    return cat[0] in "LM"


@dataclass(frozen=True)
class RuleData:
    """The data tables of the rules, read once from ``pipeline/repair/data``."""

    invisible: frozenset[str]
    persian: dict[str, str]
    presentation: dict[str, str]
    junk: tuple[re.Pattern[str], ...]
    confusion: dict[tuple[str, str], float]
    thin: dict[str, float]
    thin_add: dict[str, float]
    proclitics: tuple[str, ...]
    enclitics: tuple[str, ...]
    particles: frozenset[str]
    translit: dict[str, str]


def _data_lines(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: repair data file not found") from None
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=4)
def load_rule_data(data_dir: Path = DATA_DIR) -> RuleData:
    """Read the rule tables.

    Args:
        data_dir: Folder with the data files (the package's own by default).

    Returns:
        The tables, ready for the rule functions.

    Raises:
        ConfigError: A data file is missing or malformed.
    """
    invisible = set()
    for row in _data_lines(data_dir / "invisible.txt"):
        code = row[0].strip()
        if not code.startswith("U+"):
            raise ConfigError(f"{data_dir / 'invisible.txt'}: expected U+XXXX, found {code!r}")
        invisible.add(chr(int(code[2:], 16)))
    persian = {row[0]: row[1] for row in _data_lines(data_dir / "persian_letters.tsv")}
    # Presentation forms (ligatures, isolated/final glyph codes): CAMeL Tools' arclean map
    # knows their base letters; only that part of the map is used, so offsets stay ours.
    presentation = dict(presentation_forms())
    junk = tuple(re.compile(row[0]) for row in _data_lines(data_dir / "junk.txt"))
    confusion: dict[tuple[str, str], float] = {}
    for row in _data_lines(data_dir / "confusions.tsv"):
        group, cost = row[0], float(row[1])
        for a in group:
            for b in group:
                if a != b:
                    confusion[(a, b)] = min(cost, confusion.get((a, b), cost))
    thin_rows = _data_lines(data_dir / "thin_letters.tsv")
    thin = {row[0]: float(row[1]) for row in thin_rows}
    thin_add = {row[0]: float(row[2] if len(row) > 2 else row[1]) for row in thin_rows}
    pro, enc = [], []
    for row in _data_lines(data_dir / "clitics.tsv"):
        (pro if row[0] == "pro" else enc).append(row[1])
    particles = frozenset(row[0] for row in _data_lines(data_dir / "particles.txt"))
    translit = {row[0]: (row[1] if len(row) > 1 else "") for row in _data_lines(data_dir / "latin_translit.tsv")}
    return RuleData(
        invisible=frozenset(invisible),
        persian=persian,
        presentation=presentation,
        junk=junk,
        confusion=confusion,
        thin=thin,
        thin_add=thin_add,
        proclitics=tuple(sorted(pro, key=len, reverse=True)),
        enclitics=tuple(sorted(enc, key=len, reverse=True)),
        particles=particles,
        translit=translit,
    )


# -- character rules on one word ------------------------------------------------


def remove_invisible(word: str, data: RuleData) -> str:
    """Drop zero-width and direction-control characters."""
    if data.invisible.isdisjoint(word):  # almost every word: one C-level pass
        return word
    return "".join(ch for ch in word if ch not in data.invisible)


def map_presentation_forms(word: str, data: RuleData) -> str:
    """Replace Arabic presentation-form code points (ﻻ, ﺑ...) by their base letters."""
    if data.presentation.keys().isdisjoint(word):
        return word
    return "".join(data.presentation.get(ch, ch) for ch in word)


def map_persian_letters(word: str, data: RuleData) -> str:
    """Replace Persian letters a PDF font put into an Arabic word (پ → ب, ک → ك)."""
    return "".join(data.persian.get(ch, ch) for ch in word)


def remove_tatweel(word: str) -> str:
    """Drop tatweel (kashida) inside a word; keep a word-final one.

    A final tatweel marks a prefix the author wrote apart on purpose
    (``بـ (السيلفي)``, ``الـ6``, ``بـ"الباهتة"``), so it stays.
    """
    if TATWEEL not in word:
        return word
    body = word.rstrip(TATWEEL)
    return body.replace(TATWEEL, "") + word[len(body) :]


def remove_foreign_marks(word: str) -> str:
    """Drop combining marks of other scripts (a Devanagari nukta in بلد़ه)."""
    if not _NON_ARABIC_MARK.search(word):  # the words with no such mark, at C speed
        return word
    return "".join(
        ch for ch in word if not (unicodedata.category(ch) == "Mn" and not is_arabic_char(ch) and ord(ch) >= 0x0300)
    )


def remove_stray_tanween(word: str) -> str:
    """Drop tanween that stands inside a word (الإنترنٌت, خاصٌة, عقوًدا).

    Tanween is only ever final. A fathatan may precede a final alef or alef
    maksura (كتاباً written كتابًا, هدًى); any other tanween followed by a letter
    is stray. The author's final tanween and every shadda stay.
    """
    if _TANWEEN_SET.isdisjoint(word):
        return word
    out = []
    for i, ch in enumerate(word):
        if ch in TANWEEN:
            rest = "".join(c for c in word[i + 1 :] if is_arabic_letter(c))
            if rest and not (ch == "\u064b" and rest in _FINAL_AFTER_FATHATAN and len(rest) == 1):
                continue
        out.append(ch)
    return "".join(out)


def split_glued_latin(word: str) -> tuple[str, str] | None:
    """Split an Arabic word glued to a Latin word (السيليكونSilicon → السيليكون, Silicon).

    Returns:
        ``(arabic, latin)`` in text order when the word is one Arabic run and one
        Latin run of 3+ letters that starts with a capital, else None.
    """
    m = re.fullmatch(r"([^\sA-Za-z]+)([A-Z][A-Za-z]{2,})", word) or re.fullmatch(r"([A-Z][A-Za-z]{2,})([^\sA-Za-z]+)", word)
    if not m:
        return None
    a, b = m.group(1), m.group(2)
    if not (any(is_arabic_letter(c) for c in a + b)):
        return None
    arabic_part = a if any(is_arabic_letter(c) for c in a) else b
    if not all(is_arabic_char(c) for c in arabic_part) or sum(is_arabic_letter(c) for c in arabic_part) < 2:
        return None
    return a, b


def foreign_runs(word: str) -> list[tuple[int, int]]:
    """``(start, end)`` of runs of non-Arabic letters (Latin, CJK, Devanagari...) inside an Arabic word."""
    runs = []
    i = 0
    while i < len(word):
        if is_latin_letter(word[i]) or is_foreign_char(word[i]):
            j = i
            while j < len(word) and (is_latin_letter(word[j]) or is_foreign_char(word[j])):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def transliterate_latin(run: str, data: RuleData) -> str:
    """A Latin run read as the Arabic letters a damaged font meant (iter → يتر).

    Vowels that Arabic does not write are dropped; a doubled letter is written once.
    """
    out: list[str] = []
    for ch in run.lower():
        rep = data.translit.get(ch, "")
        if rep and out and out[-1] == rep:
            continue
        out.append(rep)
    return "".join(out)


# -- lookup keys -------------------------------------------------------------------


_KEY_DELETE = {ord(ch): None for ch in ARABIC_MARKS | {TATWEEL}}
# A character-class regex, not str.translate: translate looks every character up in a
# dict (60 ms on a megabyte of Arabic), the regex scans at C speed and most words have
# no mark at all, so one search settles them.
_KEY_MARKS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_KEY_DELETE)) + "]+")


def lookup_key(word: str) -> str:
    """The form of a word (or of any text) used for lexicon lookup: no diacritics, no tatweel."""
    return _KEY_MARKS.sub("", word) if _KEY_MARKS.search(word) else word


def strip_clitics(word: str, data: RuleData) -> tuple[tuple[str, str, str], ...]:
    """Possible ``(proclitic, stem, enclitic)`` readings of a word, the bare word first.

    Only stems of at least two letters are returned; the caller decides which
    readings a lexicon accepts. (Kept per word: validity, context and candidates
    all ask about the same unknown word.)
    """
    return _strip_clitics(word, data.proclitics, data.enclitics)


def clear_clitic_cache() -> None:
    """Forget the readings kept by :func:`strip_clitics` (benchmarks of new text)."""
    _strip_clitics.cache_clear()


@lru_cache(maxsize=1 << 16)
def _strip_clitics(word: str, proclitics: tuple[str, ...], enclitics: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    out = [("", word, "")]
    pros = [""] + [p for p in proclitics if word.startswith(p) and len(word) - len(p) >= 2]
    for p in pros:
        rest = word[len(p) :]
        if p:
            out.append((p, rest, ""))
            if p.endswith("لل"):
                # لل = ل + ال with the alef elided: للدولة -> ال + دولة
                out.append((p, "ال" + rest, ""))
        for e in enclitics:
            if rest.endswith(e) and len(rest) - len(e) >= 3:
                stem = rest[: -len(e)]
                out.append((p, stem, e))
                if stem.endswith("ت") and e:
                    # صورته -> صورة + ه (teh marbuta written open before a suffix)
                    out.append((p, stem[:-1] + "ة", e))
    return tuple(out)


# -- weighted edit distance -------------------------------------------------------


def weighted_distance(a: str, b: str, data: RuleData, *, limit: float = 3.0) -> float:
    """Edit cost of turning ``a`` (the damaged word) into ``b`` (a candidate).

    Look-alike substitutions (dots, hamza seats) are cheap, thin letters are
    cheap to drop or add, and a doubled letter is cheap to undouble. Adjacent
    transpositions cost 0.5; every other operation 1.0.

    Args:
        a: The damaged word.
        b: The candidate.
        data: The rule tables (confusion groups, thin letters).
        limit: Costs above this are reported as ``limit`` (early stop).

    Returns:
        The minimal weighted cost.
    """
    n, m = len(a), len(b)
    if abs(n - m) > 3:
        return limit
    prev2: list[float] | None = None
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + _ins_cost(b, j - 1, data)
    for i in range(1, n + 1):
        cur = [0.0] * (m + 1)
        cur[0] = prev[0] + _del_cost(a, i - 1, data)
        row_min = cur[0]
        for j in range(1, m + 1):
            ca, cb = a[i - 1], b[j - 1]
            sub = 0.0 if ca == cb else data.confusion.get((ca, cb), 1.0)
            best = min(prev[j - 1] + sub, prev[j] + _del_cost(a, i - 1, data), cur[j - 1] + _ins_cost(b, j - 1, data))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and ca != cb:
                best = min(best, prev2[j - 2] + 0.5)
            cur[j] = best
            row_min = min(row_min, best)
        if row_min >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[m], limit)


def one_edit_cost(a: str, b: str, data: RuleData) -> float:
    """:func:`weighted_distance` for two words one edit apart, in linear time.

    Candidates are generated one edit (deletion, insertion, substitution or
    adjacent transposition) from the damaged word, so the cost is that edit's
    weight; where several positions give the same word (a doubled letter), the
    cheapest is taken, and a substitution may be cheaper as a deletion plus an
    insertion (0.3 + 0.4 < 1.0). Other two-edit paths that undercut the one edit
    are left out: on 4,235 candidate pairs of frequent words the result equals
    :func:`weighted_distance` in all but 2 (it is never lower); pairs that are
    not one edit apart get the full :func:`weighted_distance`.

    Args:
        a: The damaged word.
        b: A word one edit away from it.
        data: The rule tables.

    Returns:
        The weighted cost (as :func:`weighted_distance` would give it).
    """
    n, m = len(a), len(b)
    p = 0
    while p < n and p < m and a[p] == b[p]:
        p += 1
    cost: float | None = None
    if n == m + 1:  # a letter of a deleted: positions i with a[:i] + a[i+1:] == b
        q = 0
        while q < m and a[n - 1 - q] == b[m - 1 - q]:
            q += 1
        lo = n - 1 - q
        if lo <= p:
            cost = min(_del_cost(a, i, data) for i in range(lo, p + 1))
    elif m == n + 1:  # a letter inserted into a
        q = 0
        while q < n and a[n - 1 - q] == b[m - 1 - q]:
            q += 1
        lo = m - 1 - q
        if lo <= p:
            cost = min(_ins_cost(b, j, data) for j in range(lo, p + 1))
    elif n == m and p < n:
        if a[p + 1 :] == b[p + 1 :]:
            # a substitution, or the same change as a deletion plus an insertion
            cost = min(data.confusion.get((a[p], b[p]), 1.0), _del_cost(a, p, data) + _ins_cost(b, p, data))
        elif p + 1 < n and a[p] == b[p + 1] and a[p + 1] == b[p] and a[p + 2 :] == b[p + 2 :]:
            cost = 0.5
    if cost is None:
        return weighted_distance(a, b, data)
    return cost


def _del_cost(a: str, i: int, data: RuleData) -> float:
    """Cost of deleting ``a[i]`` (an OCR insertion)."""
    ch = a[i]
    if (i > 0 and a[i - 1] == ch) or (i + 1 < len(a) and a[i + 1] == ch):
        return 0.3  # a doubled letter (متتصاعد)
    return data.thin_add.get(ch, 1.0)


def _ins_cost(b: str, j: int, data: RuleData) -> float:
    """Cost of inserting ``b[j]`` (a letter OCR dropped)."""
    ch = b[j]
    return data.thin.get(ch, 1.0)
