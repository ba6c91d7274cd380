"""The pure repair function: damaged Arabic text in, clean text, edit log and offset map out.

:func:`repair_text` works on any string (a passage, a whole file, a corpus
line). It finds edits in three passes, all in offsets of the *input* text:

1. document level: interface junk, English sentences leaked into Arabic
   running text, and immediately repeated runs of words are deleted;
2. word level: each word goes through the character rules (invisible
   characters, presentation forms, Persian letters, tatweel, foreign marks,
   stray tanween, foreign letters, glued Latin) and then, if both lexicons
   reject it, through the lexicon corrector (auto-correct or flag);
3. word pairs: a lone clitic or a broken word is joined to its neighbour.

Edits never overlap (flagged edits may cover an applied one: they are whole-
word suggestions for review), and applying the applied edits to the input
gives the clean text (:func:`apply_edits`).
"""

from __future__ import annotations

import bisect
import math
import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import cache, partial
from itertools import accumulate, compress

import regex

from ..charclass import class_body
from ..document import Edit, OffsetMap
from .context import ContextModel
from .edit_log import apply_edits
from .edit_log import edit_order as _edit_order
from .lexicon import PLAIN_ARABIC, Candidate, Lexicon, fold
from .rules import (
    RuleData,
    foreign_runs,
    is_arabic_letter,
    is_latin_letter,
    lookup_key,
    map_persian_letters,
    map_presentation_forms,
    remove_foreign_marks,
    remove_invisible,
    remove_stray_tanween,
    remove_tatweel,
    split_glued_latin,
    strip_clitics,
    transliterate_latin,
)
from .settings import RepairSettings

#: A word: letters, marks and format characters (so invisible characters inside words stay with them).
#: Superscript letters (ᵃ ᵇ ᶜ, ª): a note's marker set after a word, not a letter of it.
#: (the blocks that hold them: Latin-1, spacing modifiers, phonetic extensions, super- and subscripts,
#: Latin Extended-C/D/E, Georgian, Tifinagh, Cyrillic Extended-B)
_SUPERSCRIPT_BLOCKS = ((0xAA, 0xBB), (0x2B0, 0x300), (0x10FC, 0x10FD), (0x1D2C, 0x1DC0), (0x2071, 0x20A0),
                       (0x2C7C, 0x2C7E), (0x2D6F, 0x2D70), (0xA69C, 0xA69E), (0xA770, 0xA771), (0xA7F2, 0xA7FA),
                       (0xAB5C, 0xAB6A))  # fmt: skip
_SUPERSCRIPTS = frozenset(
    c
    for a, b in _SUPERSCRIPT_BLOCKS
    for c in map(chr, range(a, b))
    if c.isalpha() and unicodedata.decomposition(c).startswith("<super>")
)
_SUPERSCRIPT_LETTERS = class_body("".join(sorted(_SUPERSCRIPTS)))
#: A character of a word: a letter, a mark or a format character, not a superscript letter.
_WORD_CHAR = regex.compile(rf"[[\p{{L}}\p{{M}}\p{{Cf}}]--[{_SUPERSCRIPT_LETTERS}]]+", regex.V1)
# (a superscript between two letters, marks aside, stays in its word, where it is debris: «الحكوᵃمة»)
_WORD = regex.compile(
    rf"[[\p{{L}}\p{{M}}\p{{Cf}}]--[{_SUPERSCRIPT_LETTERS}]]+"
    rf"(?:[{_SUPERSCRIPT_LETTERS}]+[\p{{M}}\p{{Cf}}]*[\p{{L}}--[{_SUPERSCRIPT_LETTERS}]][[\p{{L}}\p{{M}}\p{{Cf}}]--[{_SUPERSCRIPT_LETTERS}]]*)*",
    regex.V1,
)
_CLITIC_LETTERS = frozenset("بكل")
#: Letters that only ever end a word: inside a "word" they mark a lost space.
_FINAL_ONLY = frozenset("ةى")
_WORD_SPLIT = regex.compile(f"({_WORD.pattern})", regex.V1)
#: A character outside the Basic Multilingual Plane (see :func:`_split_words`).
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
#: A run of Arabic presentation-form code points (letters, ligatures, marks).
_GLYPH_RUN = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFC]+")
#: A line break: LF, or CR alone or before LF (old Mac and Windows files read as they are).
_LINE_BREAK = re.compile(r"[\n\r]")
#: A line (a token, in a newline-joined list) with no Arabic letter.
_NON_ARABIC_LINE = re.compile(r"(?m)^[^\u0621-\u063A\u0641-\u064A\u0671-\u06D3\n]+$")
# Arabic letters, and their presentation-form glyph codes (a word of ﺍﻟﻤﻠﺨﺺ is Arabic to repair)
_HAS_AR = regex.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE80-\uFEFC]")
#: An English sentence: a capitalised word, then 4+ more words, ending in . ! or ?
_LATIN_SENTENCE = regex.compile(r"[A-Z][A-Za-z'’\-]*(?:[ ,;:]+[A-Za-z0-9'’\-]+){4,}[ ]*[.!?]")
_ARABIC_LETTER_CLASS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe80-\ufefc"

#: Edit kinds, most specific first: one edit of a word takes the first kind of its rules.
KIND_ORDER = (
    "foreign_script",
    "glued_script",
    "persian_letter",
    "stray_diacritic",
    "letter_confusion",
    "merged_words",
    "real_word",
    "tatweel",
    "invisible",
    "other",
)
_LEXICON_RULES = frozenset({"lexicon", "rare_form", "merged_words"})
_RULE_KIND = {
    "invisible": "invisible",
    "presentation_form": "other",
    "persian_letter": "persian_letter",
    "tatweel": "tatweel",
    "foreign_mark": "foreign_script",
    "stray_tanween": "stray_diacritic",
    "foreign_letters": "foreign_script",
    "glued_latin": "glued_script",
    "lexicon": "letter_confusion",
    "rare_form": "letter_confusion",
    "merged_words": "merged_words",
    "real_word": "real_word",
}


@dataclass
class RepairResult:
    """The outcome of :func:`repair_text`.

    Attributes:
        clean: The repaired text.
        edits: Applied and flagged edits, offsets into the input text, in text order.
        map: Maps offsets of ``clean`` back to offsets of the input text.
    """

    clean: str
    edits: list[Edit] = field(default_factory=list)
    map: OffsetMap = field(default_factory=OffsetMap)

    @property
    def applied(self) -> list[Edit]:
        """The edits that were applied."""
        return [e for e in self.edits if e.status == "applied"]

    @property
    def flagged(self) -> list[Edit]:
        """The edits left for review."""
        return [e for e in self.edits if e.status == "flagged"]


class _Word:
    """One word of the text and what the word-level pass made of it."""

    __slots__ = ("start", "end", "text", "fixed", "rules", "base", "flag", "lexicon_confidence")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.fixed = text  # after the rules (may contain a space for split words)
        self.rules: list[str] = []
        self.base = text  # after the character rules, before the lexicon
        self.flag: Edit | None = None
        # How sure the lexicon corrector was of its correction (its margin over the runner-up).
        self.lexicon_confidence: float | None = None


#: Verdicts per word kept across calls (a stage repairs many passages with one lexicon);
#: cleared when this large, so memory stays bounded.
_WORD_CACHE_MAX = 300_000


@dataclass
class _WordCache:
    """Word verdicts of one lexicon under one settings object, kept across texts."""

    settings: RepairSettings
    #: token -> verdict; None for a word left as it is (the common case).
    verdicts: dict[str, "_WordResult | None"] = field(default_factory=dict)
    #: The tokens whose verdict is not None, so a text's few can be found with one set operation.
    changed: set[str] = field(default_factory=set)


def _word_cache(lexicon: Lexicon, settings: RepairSettings) -> _WordCache:
    """The word -> verdict cache of this lexicon under these settings."""
    cache = lexicon.word_caches.get(id(settings))
    if cache is None or cache.settings is not settings:
        cache = _WordCache(settings)
        lexicon.word_caches[id(settings)] = cache
    if len(cache.verdicts) > _WORD_CACHE_MAX:
        cache.verdicts.clear()
        cache.changed.clear()
    return cache


# -- public API ---------------------------------------------------------------------------


def warm_up(lexicon: Lexicon, settings: RepairSettings | None = None) -> None:
    """Build now, rather than on first use, everything :func:`repair_text` builds once per process.

    Opens Hunspell and builds the lexicon's indexes and the per-threshold word sets of
    these settings (about 3 s in all, most of it reading Hunspell's affix file), so
    that the time of the first text is that of any other.
    """
    settings = settings or RepairSettings()
    lexicon.warm()
    lexicon.plain_forms_known(settings.rare_max_zipf, settings.context_known_count)
    _bmp_word_split()
    if lexicon.context is not None and settings.realword_min_pairs > 0:
        lexicon.real_word_variants(settings.realword_min_gap, _inner_substitution)


def repair_text(
    text: str,
    lexicon: Lexicon,
    settings: RepairSettings | None = None,
    doc_counts: Counter | None = None,
    line_ends: Collection[int] = (),
) -> RepairResult:
    """Repair OCR damage in Arabic text.

    Args:
        text: Any string (a passage's reading text, a file, a corpus line).
        lexicon: The loaded :class:`~pipeline.repair.lexicon.Lexicon` (load it once).
        settings: Thresholds; the defaults when None.
        doc_counts: How often each token occurs in the whole document the text is part of
            (see :func:`token_counts`), for the rule that an unknown form written again and
            again is a name, not damage; the text's own counts when None.
        line_ends: Offsets of the spaces of ``text`` that stand for a line break of the
            source (a passage's lines joined into its reading text). A word broken at a
            line's end without a hyphen has halves that are words of their own more often
            than one broken by a stray space (العد / الة), so two words are joined across
            such a space on weaker evidence (``line_join_margin``).

    Returns:
        The clean text, the edit log (input offsets) and the clean -> input offset map.
    """
    settings = settings or RepairSettings()
    line_ends = frozenset(line_ends)
    rules = lexicon.rules
    deletions = _document_deletions(text, rules, settings)
    # One C-level split gives the words and the separators between them; offsets are the
    # running sum of the parts' lengths: word i spans offs[2i+1]:offs[2i+2] and the
    # separator after it is parts[2i+2]. No per-word Python object for the plain words.
    parts = _split_words(text)
    offs = list(accumulate(map(len, parts), initial=0))
    toks = parts[1::2]
    n = len(toks)
    if deletions:
        alive = _outside(deletions, offs, n)
        live_toks = [t for t, ok in zip(toks, alive) if ok]
    else:
        alive = None
        live_toks = toks
    cache = _word_cache(lexicon, settings)
    counts = Counter(live_toks)
    known = cache.verdicts
    new = set(counts).difference(known)  # C speed: the set is iterated, the big dict probed
    # Most new tokens are common words of bare letters, or words real text has, left as they
    # are: settled at C speed too.
    plain_known = lexicon.plain_forms_known(settings.rare_max_zipf, settings.context_known_count)
    common = set(filter(plain_known.__contains__, new))
    known.update(dict.fromkeys(common))
    for t in new.difference(common):
        hit = _repair_word(t, lexicon, settings)
        if not hit[1] and hit[2] is None and hit[0] == t:
            known[t] = None
        else:
            known[t] = hit
            cache.changed.add(t)
    # (a name is counted over the whole document: a passage may hold it once, the article thrice)
    name_counts = counts if doc_counts is None else doc_counts
    changed = cache.changed.intersection(counts)  # C-level: the few words something happens to
    words: dict[int, _Word] = {}  # token index -> the words something happens to
    if changed:
        for i in compress(range(n), map(changed.__contains__, toks)):
            if alive is None or alive[i]:
                t = toks[i]
                words[i] = _word_from_verdict(i, t, known[t], parts, offs, name_counts, lexicon, settings)
        if lexicon.context is not None:
            _rejudge_next_to_fixes(words, parts, toks, known, offs, name_counts, lexicon, settings)
    if lexicon.context is not None and settings.realword_min_pairs > 0:
        _real_word_flags(parts, toks, alive, words, lexicon, settings, offs, counts)
    token_keys = _duplicate_keys(toks)
    deletions += _duplicate_deletions(text, token_keys, offs, alive, settings, words)
    edits = _deletion_edits(text, deletions)
    if edits:  # some text deleted: the words inside it are gone
        # Pieces that touch are one deletion: a duplicated sentence cut in two by junk inside it
        # still holds the word the junk starts inside (an LRM before "The ...": the word
        # "\u200eThe" was held by neither piece, and its own edit overlapped the first).
        spans: list[tuple[int, int]] = []
        for e in edits:
            if spans and e.start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], e.end))
            else:
                spans.append((e.start, e.end))
        live = _outside(spans, offs, n)
        for i in [i for i in words if not live[i]]:
            del words[i]
    else:
        live = None
    joins = _join_edits(text, parts, offs, words, live, lexicon, settings, line_ends)
    if joins:
        joined = {bisect.bisect_left(offs, e.start) // 2 - 1 for e in joins}  # separator i: word i + word i + 1
        if lexicon.context is not None:
            _rejudge_next_to_fixes(words, parts, toks, known, offs, name_counts, lexicon, settings, joined)
        # Two copies of a sentence that differed only by a split word are now one sentence twice.
        taken = [(e.start, e.end) for e in edits]
        extra = [
            d
            for d in _duplicate_deletions(text, token_keys, offs, live, settings, words, joined)
            if not any(a < d[1] and d[0] < b for a, b in taken)
        ]
        if extra:
            dup_edits = _deletion_edits(text, extra)
            spans = [(e.start, e.end) for e in dup_edits]
            joins = [e for e in joins if not _inside(spans, e.start, e.end)]
            for i in [i for i in words if _inside(spans, offs[2 * i + 1], offs[2 * i + 2])]:
                del words[i]
            edits += dup_edits
    edits += joins
    # A deleted run that begins or ends inside a word (junk glued to it: ججاري التحميل...)
    # leaves part of the word; the word's own edit would overlap the deletion, so it is left out.
    cut = [(e.start, e.end) for e in edits if e.rule in _DELETION_RULES]
    for i in sorted(words):
        w = words[i]
        fix = _word_edit(w) if w.fixed != w.text else None
        if cut and any(a < w.end and w.start < b for a, b in cut):
            if (fix and _overlaps(fix, cut)) or (w.flag is not None and _overlaps(w.flag, cut)):
                continue
        if fix is not None:
            edits.append(fix)
        if w.flag is not None:
            edits.append(w.flag)
    edits.sort(key=_edit_order)
    clean, omap = apply_edits(text, edits)
    for _ in range(3):
        # Junk or a duplicated sentence that only shows once its words are repaired (or
        # once text between two copies is gone): found on the repaired text, deleted in
        # the raw one, so repairing the repaired text finds nothing more.
        if not any(e.status == "applied" for e in edits):
            break  # the repaired text is the text: nothing new to find
        # (Even a removed tatweel or invisible character counts: «جاري التحـميل...» or an English
        # sentence with a zero-width space inside is junk only once it is gone. The text's lines
        # without edits are as they were and yield nothing new, so a line's repair does not
        # depend on its neighbours' edits.)
        late = _late_deletions(text, clean, omap, rules, settings, edits)
        if late:
            spans = [(e.start, e.end) for e in late]
            edits = [e for e in edits if not any(a < e.end and e.start < b or a == e.start == e.end for a, b in spans)]
            edits += late
            edits.sort(key=_edit_order)
            clean, omap = apply_edits(text, edits)
        # The halves of a split word that a deletion brought together (الج Retrying… معة):
        # joined now, on the repaired text, as a second repair would join them.
        late_joins = _late_joins(text, clean, omap, lexicon, settings, edits)
        if late_joins:
            edits += late_joins
            edits.sort(key=_edit_order)
            clean, omap = apply_edits(text, edits)
        if not (late or late_joins):
            break
    return RepairResult(clean=clean, edits=edits, map=omap)


def repair_glyphs(text: str, lexicon: Lexicon) -> RepairResult:
    """Only presentation-form glyph codes written as their letters (ﻻ -> لا), one edit per run.

    For text the word repair leaves alone (references, whose mixed-script bibliographic text
    a lexicon would damage): the glyph codes are never meant, so the mapping is certain.
    """
    presentation = lexicon.rules.presentation
    edits = [
        Edit(
            start=m.start(),
            end=m.end(),
            original=m.group(),
            replacement="".join(presentation.get(ch, ch) for ch in m.group()),
            rule="presentation_form",
            confidence=0.99,
            kind=_RULE_KIND["presentation_form"],
        )
        for m in _GLYPH_RUN.finditer(text)
        if any(ch in presentation for ch in m.group())
    ]
    clean, omap = apply_edits(text, edits)
    return RepairResult(clean=clean, edits=edits, map=omap)


def _late_deletions(
    text: str, clean: str, omap: OffsetMap, rules: RuleData, settings: RepairSettings, edits: list[Edit]
) -> list[Edit]:
    """Deletions found on the repaired text ``clean``, as edits of the raw ``text`` (see :func:`repair_text`).

    Only the lines an applied edit changed are searched again: every deletion lies on one line,
    and a line no edit touched reads as it did in the first pass, which found all there was on it.
    """
    raw_breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    clean_breaks = [m.start() for m in _LINE_BREAK.finditer(clean)]
    if len(clean_breaks) == len(raw_breaks):
        edited = sorted(
            {
                k
                for e in edits
                if e.status == "applied"
                for k in range(bisect.bisect_left(raw_breaks, e.start), bisect.bisect_left(raw_breaks, e.end) + 1)
            }
        )
    else:  # (never seen: no edit deletes a line break) the whole text, to be safe
        edited = list(range(len(clean_breaks) + 1))
    bounds = [-1, *clean_breaks, len(clean)]
    line_starts = [bounds[k] + 1 for k in edited]  # where each searched line starts in ``clean``
    searched = "\n".join(clean[bounds[k] + 1 : bounds[k + 1]] for k in edited)
    searched_starts = list(accumulate((bounds[k + 1] - bounds[k] for k in edited[:-1]), initial=0))
    parts = _split_words(searched)
    offs = list(accumulate(map(len, parts), initial=0))
    found = _document_deletions(searched, rules, settings)
    found += _duplicate_deletions(searched, _duplicate_keys(parts[1::2]), offs, None, settings)
    out: list[tuple[int, int, str]] = []
    for fs, fe, kind in sorted(found):
        j = bisect.bisect_right(searched_starts, fs) - 1  # the searched line it lies on
        cs, ce = fs - searched_starts[j] + line_starts[j], fe - searched_starts[j] + line_starts[j]
        s, e = omap.to_raw(cs), omap.to_raw(ce, end=True)
        for ed in edits:  # widen over any edit it cuts into, so nothing is half deleted
            if ed.start < e and s < ed.end:
                s, e = min(s, ed.start), max(e, ed.end)
        if e > s:
            out.append((s, e, kind))
    return _deletion_edits(text, out)


def _join_line_end(left: str, right: str, joined: str, lexicon: Lexicon, settings: RepairSettings) -> bool:
    """Whether two words on either side of a line break are one word broken there (العد / الة).

    The halves of a word broken at any letter are often forms of their own that web text
    has (العد, الة, أف, راد), so both halves being known proves nothing. Yes when real text
    never has the two side by side, and the joined word is far commoner than the pair
    would be by chance: its Zipf exceeds Zipf(left) + Zipf(right) - 9 (the Zipf of two
    independent words, per billion) by ``line_join_margin``.
    """
    if len(right) < 2 or left == "و" or settings.line_join_margin < 0:
        return False
    ctx = lexicon.context
    if ctx is None or ctx.pair(left, right) > 0:
        return False
    jz = lexicon.zipf.get(joined, 0.0)
    if jz < settings.line_join_min_zipf:
        return False
    chance = lexicon.zipf.get(left, 0.0) + lexicon.zipf.get(right, 0.0) - 9.0
    return jz >= chance + settings.line_join_margin


#: Rules of the edits that delete a run of text (see :func:`_late_joins`).
_DELETION_RULES = frozenset({"interface_junk", "leaked_translation", "duplicate"})


def _late_joins(
    text: str, clean: str, omap: OffsetMap, lexicon: Lexicon, settings: RepairSettings, edits: list[Edit]
) -> list[Edit]:
    """Joins of split words found on the repaired lines that lost a run of text, as edits of ``text``.

    A deleted run (junk, a leaked sentence, a duplicate) can leave the two halves of a split
    word side by side; the join pass saw them apart. The lines of ``clean`` that hold such a
    deletion are searched for joins as a second repair would search them; a join is kept when
    the separator it deletes is raw text no edit touches.
    """
    raw_breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    clean_breaks = [m.start() for m in _LINE_BREAK.finditer(clean)]
    if len(clean_breaks) != len(raw_breaks):
        return []  # (never seen: no edit deletes a line break)
    lines = sorted(
        {
            bisect.bisect_left(raw_breaks, e.start)
            for e in edits
            if e.status == "applied" and e.rule in _DELETION_RULES
        }
    )
    if not lines:
        return []
    bounds = [-1, *clean_breaks, len(clean)]
    taken = [(e.start, e.end) for e in edits if e.status == "applied"]
    out: list[Edit] = []
    for k in lines:
        line_start = bounds[k] + 1
        line = clean[line_start : bounds[k + 1]]
        parts = _split_words(line)
        offs = list(accumulate(map(len, parts), initial=0))
        for j in _join_edits(line, parts, offs, {}, None, lexicon, settings):
            s = omap.to_raw(line_start + j.start)
            e = omap.to_raw(line_start + j.end, end=True)
            if text[s:e] != j.original or any(a < e and s < b for a, b in taken):
                continue  # the separator is not raw text as it stands (an edit made or moved it)
            out.append(replace(j, start=s, end=e))
    return out


def token_counts(texts: Iterable[str]) -> Counter:
    """How often each token occurs in ``texts`` (the passages of one document), as
    :func:`repair_text` splits them: its ``doc_counts``."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(_split_words(text)[1::2])
    return counts


def _real_word_flags(
    parts: list[str],
    toks: list[str],
    alive: list[bool] | None,
    words: dict[int, _Word],
    lexicon: Lexicon,
    settings: RepairSettings,
    offs: list[int],
    distinct: Counter | None = None,
) -> None:
    """Flag valid words whose neighbours were never seen with them but often with a close variant.

    الموضع الإلكتروني: "الموضع" is a word, but real text pairs "الإلكتروني" with
    الموقع, one inner letter away and much more common (``realword_min_gap`` Zipf),
    and never with الموضع. Such a word is
    flagged with the variant as suggestion; it is replaced only when the evidence is
    overwhelming (``realword_apply_pairs``). Adds :class:`_Word` objects to ``words``.
    """
    ctx = lexicon.context
    variants = lexicon.real_word_variants(settings.realword_min_gap, _inner_substitution)
    bigrams = ctx.bigrams
    # The text's distinct words first (a few hundred probes of the big table, not one per token).
    suspects = variants.keys() & (distinct.keys() if distinct is not None else set(toks))  # iterates the smaller
    if not suspects:
        return
    for i in compress(range(len(toks)), map(suspects.__contains__, toks)):
        if i in words or (alive is not None and not alive[i]):
            continue
        left, right = _neighbours(parts, i)
        if not (left or right):
            continue
        w = toks[i]
        if (left and (left + " " + w) in bigrams) or (right and (w + " " + right) in bigrams):
            continue  # the word itself was seen in this company
        best, best_n = "", 0
        for v in variants[w]:
            n = (bigrams.get(left + " " + v, 0) if left else 0) + (bigrams.get(v + " " + right, 0) if right else 0)
            if n > best_n:
                best, best_n = v, n
        if best_n < settings.realword_min_pairs:
            continue
        word = _Word(offs[2 * i + 1], offs[2 * i + 2], w)
        conf = round(min(0.9, 1.0 - 1.0 / (1 + best_n)), 3)
        if best_n >= settings.realword_apply_pairs:
            word.fixed = best
            word.rules = ["real_word"]
        else:
            word.flag = Edit(
                start=word.start,
                end=word.end,
                original=w,
                replacement=best,
                rule="real_word",
                confidence=conf,
                kind="real_word",
                status="flagged",
                suggestions=[best],
            )
        words[i] = word


def _rejudge_next_to_fixes(
    words: dict[int, _Word],
    parts: list[str],
    toks: list[str],
    known: dict[str, "_WordResult | None"],
    offs: list[int],
    counts: Counter,
    lexicon: Lexicon,
    settings: RepairSettings,
    joined: set[int] | frozenset[int] = frozenset(),
    rounds: int = 3,
) -> None:
    """Judge again, beside their neighbours' repaired forms, the words next to a repaired word.

    A word's context score uses its neighbours; judged beside a damaged neighbour it
    may only be flagged, and beside the repaired one be corrected, so repairing the
    repaired text would change it. Judging it beside the repaired neighbours now makes
    the repair idempotent (a few words per text; repeated until nothing changes). A
    neighbour that is part of a join (``joined``: separator i joins word i and i + 1,
    الشع بي -> الشعبي) is seen as the joined word.
    """

    def shown(j: int, step: int) -> str:
        # What word j shows on the side of the word being judged: the whole joined word
        # when j is part of a join (walking left, step -1, or right, +1), else its repaired form.
        k = j
        while (k - 1 if step < 0 else k) in joined:
            k += step
        if k != j:
            lo, hi = min(j, k), max(j, k)
            return lookup_key(
                "".join((words[x].fixed if x in words else toks[x]).replace(" ", "") for x in range(lo, hi + 1))
            )
        return lookup_key(words[j].fixed.split(" ")[-1 if step < 0 else 0] if j in words else toks[j])

    for _ in range(rounds):
        changed = False
        for i in sorted(words):
            if i - 1 in joined or i in joined or known.get(toks[i]) is None:
                continue  # part of a join itself, or not a word the lexicon judged
            raw = _neighbours(parts, i)
            left, right = raw
            if left is not None and (i - 1 in words or i - 2 in joined):
                left = shown(i - 1, -1)
            if right is not None and (i + 1 in words or i + 1 in joined):
                right = shown(i + 1, +1)
            if (left, right) == raw:
                continue
            old = words[i]
            new = _word_from_verdict(i, toks[i], known[toks[i]], parts, offs, counts, lexicon, settings, (left, right))
            if new.fixed != old.fixed or (new.flag is None) != (old.flag is None):
                words[i] = new
                changed = True
        if not changed:
            return


def _inner_substitution(w: str, v: str) -> bool:
    """Whether ``v`` is ``w`` with one letter replaced, neither the first nor the last.

    Variants that add or drop a letter, or change the first (تكون/يكون) or last
    (مجموع/مجموعة) one, are mostly grammar (clitics, agreement), not misread letters.
    """
    if len(w) != len(v) or w[0] != v[0] or w[-1] != v[-1]:
        return False
    return sum(a != b for a, b in zip(w, v)) == 1


def _neighbours(parts: list[str], i: int) -> tuple[str | None, str | None]:
    """Lookup keys of the words before and after word ``i`` when only spaces separate them."""
    left = right = None
    gap = parts[2 * i]
    if i > 0 and gap and not gap.strip(" "):
        left = lookup_key(parts[2 * i - 1])
    if 2 * i + 3 < len(parts):
        gap = parts[2 * i + 2]
        if gap and not gap.strip(" "):
            right = lookup_key(parts[2 * i + 3])
    return left, right


def _word_from_verdict(
    i: int,
    t: str,
    verdict: "_WordResult",
    parts: list[str],
    offs: list[int],
    counts: Counter,
    lexicon: Lexicon,
    settings: RepairSettings,
    neighbours: tuple[str | None, str | None] | None = None,
) -> _Word:
    """The word object of token ``i`` whose verdict changes or flags it.

    A verdict of the lexicon corrector is taken again with the token's neighbours
    (``neighbours``, else those of the text) when a context model is loaded (the
    cached verdict is context-free).
    """
    fixed, applied_rules, suggestions, conf, base = verdict
    if (
        lexicon.context is not None
        and (suggestions is not None or not _LEXICON_RULES.isdisjoint(applied_rules))
        and PLAIN_ARABIC.fullmatch(lookup_key(base))
    ):
        left, right = neighbours if neighbours is not None else _neighbours(parts, i)
        if left or right:
            char_rules = [r for r in applied_rules if r not in _LEXICON_RULES]
            fixed, applied_rules, suggestions, conf = _lexicon_step(base, char_rules, lexicon, settings, left, right)
    w = _Word(offs[2 * i + 1], offs[2 * i + 2], t)
    w.fixed, w.rules, w.base = fixed, list(applied_rules), base
    if not _LEXICON_RULES.isdisjoint(w.rules):
        w.lexicon_confidence = conf
    if counts[t] >= settings.name_min_repeats and not _LEXICON_RULES.isdisjoint(w.rules):
        # The same unknown form again and again is more likely a name than OCR noise
        # (المرايحي), unless it is a rare look-alike of a very common word (الإنترت).
        if lexicon.zipf.get(lookup_key(fixed), 0.0) < settings.name_override_zipf:
            suggestions = [fixed]
            w.fixed = base
            w.rules = [r for r in w.rules if r not in _LEXICON_RULES]
    if suggestions:
        w.flag = Edit(
            start=w.start,
            end=w.end,
            original=w.text,
            replacement=suggestions[0],
            rule="lexicon",
            confidence=round(conf, 3),
            kind="letter_confusion",
            status="flagged",
            suggestions=list(suggestions),
        )
    return w


# -- word level ---------------------------------------------------------------------------


_WordResult = tuple[str, list[str], "list[str] | None", float, str]


def _repair_word(word: str, lexicon: Lexicon, settings: RepairSettings) -> _WordResult:
    """Repair one word.

    Returns:
        ``(fixed, rules, suggestions, confidence, base)``: the repaired form (may hold a
        space when a merged word was split), the rules that changed it, suggestions when
        the word is left for review (else None), the confidence of the decision, and the
        form after the character rules only.
    """
    if PLAIN_ARABIC.fullmatch(word):
        return _plain_verdict(word, [], lexicon, settings)
    if not _HAS_AR.search(word):
        # Latin or other script: only invisible characters are taken out.
        fixed = remove_invisible(word, lexicon.rules)
        return fixed, (["invisible"] if fixed != word else []), None, 1.0, fixed
    rules = lexicon.rules
    applied: list[str] = []
    w = word
    for name, fn in _char_rules(rules, settings):
        new = fn(w)
        if new != w:
            applied.append(name)
            w = new
    if PLAIN_ARABIC.fullmatch(lookup_key(w)):
        # Arabic letters under marks (most such words: تُخضِع, داخلياً): no other script or
        # Persian letter left for the steps below, only the lexicon's verdict.
        return _plain_verdict(w, applied, lexicon, settings)
    if settings.persian_letters:
        new = map_persian_letters(w, rules)
        if new != w:
            # A Persian letter is a font artefact unless the Persian spelling is the known one.
            if lexicon.info(new).known or not lexicon.info(w).known:
                applied.append("persian_letter")
                w = new
    glued = split_glued_latin(w)
    if glued is not None:
        ar_index = 0 if _HAS_AR.search(glued[0]) else 1
        arabic = glued[ar_index]
        if PLAIN_ARABIC.fullmatch(arabic):
            # The Arabic half gets the same word repair it would get standing alone, in this
            # same pass, so that repairing the repaired text changes nothing.
            fixed_ar, ar_rules, suggestions, confidence = _lexicon_step(arabic, [], lexicon, settings)
            if suggestions is None and " " not in fixed_ar and lexicon.info(fixed_ar).known:
                halves = [glued[0], glued[1]]
                halves[ar_index] = fixed_ar
                return halves[0] + " " + halves[1], applied + ["glued_latin", *ar_rules], None, min(0.95, confidence), w
        elif lexicon.info(arabic).known:
            return glued[0] + " " + glued[1], applied + ["glued_latin"], None, 0.95, w
    runs = foreign_runs(w)
    if runs and all(c in _SUPERSCRIPTS for a, b in runs for c in w[a:b]):
        # Superscript letters inside a word (notes' markers set astray): deleted, alone, the word's
        # marks kept, never replaced by a letter (الᵇقيد is no «العقيد»); the word then gets a plain
        # word's verdict in this same pass (ديسᵇمير -> ديسمبر), so a second repair changes nothing.
        w = "".join(c for c in w if c not in _SUPERSCRIPTS)
        applied.append("foreign_letters")
        runs = foreign_runs(w)
        if PLAIN_ARABIC.fullmatch(lookup_key(w)):
            return _plain_verdict(w, applied, lexicon, settings)
    if runs:
        return (*_foreign_step(w, applied, lexicon, settings), w)
    if PLAIN_ARABIC.fullmatch(lookup_key(w)):  # plain once a Persian letter is mapped (اسپم -> اسبم -> اسم)
        return _plain_verdict(w, applied, lexicon, settings)
    return w, applied, None, 0.99, w


def _plain_verdict(w: str, applied: list[str], lexicon: Lexicon, settings: RepairSettings) -> _WordResult:
    """The verdict on a word of Arabic letters (marks aside) once the character rules ran."""
    if lookup_key(w) in lexicon.plain_forms_known(settings.rare_max_zipf, settings.context_known_count):
        return w, applied, None, 1.0, w  # a known word under the author's marks (المقرَّر)
    return (*_lexicon_step(w, applied, lexicon, settings), w)


def _char_rules(rules: RuleData, settings: RepairSettings) -> list[tuple[str, Callable[[str], str]]]:
    out: list[tuple[str, Callable[[str], str]]] = [
        ("invisible", partial(remove_invisible, data=rules)),
        ("presentation_form", partial(map_presentation_forms, data=rules)),
        ("foreign_mark", remove_foreign_marks),
        ("stray_tanween", remove_stray_tanween),
    ]
    if settings.remove_tatweel:
        out.insert(2, ("tatweel", remove_tatweel))
    return out


def _score(c: Candidate, settings: RepairSettings) -> float:
    return c.zipf - settings.cost_weight * c.cost


def _neg_score(c: Candidate, settings: RepairSettings) -> float:
    return -_score(c, settings)


def _lexicon_step(
    w: str,
    applied: list[str],
    lexicon: Lexicon,
    settings: RepairSettings,
    left: str | None = None,
    right: str | None = None,
) -> tuple[str, list[str], list[str] | None, float]:
    """Correct or flag ``w`` when both lexicons reject it (or it is a rare look-alike of a common word).

    Args:
        w: The word after the character rules.
        applied: The character rules that changed it.
        lexicon: The lexicons (and the context model, if loaded).
        settings: Thresholds.
        left: The word before it (lookup key), when only spaces stand between; None otherwise.
        right: The word after it, likewise. With a context model, candidates seen
            next to these neighbours rank higher.
    """
    key = lookup_key(w)
    if len(key) < 2:
        return w, applied, None, 1.0
    info = lexicon.info(key)
    # Only a form wordfreq has (Hunspell's verdict precomputed, cheap) can be rare.
    rare = 0 < info.direct_zipf <= settings.rare_max_zipf and info.zipf <= settings.rare_max_zipf and not info.hunspell
    if info.zipf > 0 and not rare:
        return w, applied, None, 1.0
    # From here wordfreq rejects the word (or it is rare): whether Hunspell accepts it
    # (hunspell_only) matters only once a candidate is found, so it is asked then.
    ctx_model = lexicon.context
    if ctx_model is not None and _seen_in_context(key, ctx_model, lexicon, settings):
        return w, applied, None, 1.0
    if rare and len(key) < settings.rare_min_len:
        return w, applied, None, 1.0
    cands = lexicon.candidates(key, max_cost=settings.flag_max_cost)
    splits = _split_candidates(key, lexicon, settings)
    ctx = lexicon.context if (left or right) and settings.context_weight > 0 else None
    scored = [
        (_score(c, settings) + (_fit(ctx, c.text, left, right, settings) if ctx else 0.0), c) for c in cands + splits
    ]
    scored.sort(key=_neg_first)
    # Hamza seats and ى/ي, ة/ه are the author's spelling, never OCR damage (اصبح, الاولى stay).
    folded = fold(key)
    scored = [(sc, c) for sc, c in scored if fold(c.text) != folded]
    keep = None
    if rare:
        keep = partial(_clearly_commoner, min_zipf=info.direct_zipf + settings.rare_gap)
        scored = [(sc, c) for sc, c in scored if keep(c)]
    scored = _settle_top(scored, lexicon, keep)
    if not scored:
        return w, applied, None, 1.0
    best = scored[0][1]
    margin = scored[0][0] - (scored[1][0] if len(scored) > 1 else -math.inf)
    conf = _confidence(margin)
    clear = best.cost <= settings.auto_max_cost and margin >= settings.auto_margin
    # A dearer edit (a deleted ي, 0.8) is applied only when nothing else comes near.
    clear = clear or (
        best.cost <= settings.clear_max_cost
        and margin >= settings.clear_margin
        and best.zipf >= settings.clear_min_zipf
    )

    # Whether Hunspell accepts a word wordfreq lacks (0.05-0.4 ms to ask) changes the
    # frequency a correction needs and vetoes corrections of long words: asked only then.
    def hunspell_only() -> bool:
        return info.zipf == 0 and info.hunspell

    min_plain, min_hunspell = settings.auto_min_zipf, settings.hunspell_only_min_zipf
    if " " in best.text:
        min_plain, min_hunspell = max(min_plain, 0.0), max(min_hunspell, 0.0)
    if best.zipf >= max(min_plain, min_hunspell):
        frequent_enough = True
    elif best.zipf < min(min_plain, min_hunspell):
        frequent_enough = False
    else:
        frequent_enough = best.zipf >= (min_hunspell if hunspell_only() else min_plain)
    # A clitic on a rare form wordfreq has (والكنغرس: الكنغرس, Zipf 1.1, which stays) is changed
    # only as the bare form would be, towards a clearly commoner, cheap candidate; else it is
    # flagged for review (للاستخدان -> للاستخدام, over the OCR typo استخدان that wordfreq lists).
    stem_keep = None
    if info.rare_stem is not None and len(info.rare_stem[0]) >= settings.rare_min_len:
        stem_keep = partial(_clearly_commoner, min_zipf=round(info.rare_stem[1] - 1.0, 2) + settings.rare_gap)
    if clear and frequent_enough and (stem_keep is None or stem_keep(best)):
        if not _keeps_marks(w, key):
            return w, applied, [best.text], conf  # diacritised word: leave the author's marks, only suggest
        if len(key) >= settings.hunspell_veto_min_len and hunspell_only():
            return w, applied, [c.text for _, c in scored[:3]], min(conf, 0.5)  # Hunspell's word: review only
        rule = "merged_words" if " " in best.text else ("rare_form" if rare else "lexicon")
        return best.text, applied + [rule], None, conf
    if best.zipf < settings.hunspell_only_min_zipf and hunspell_only():
        return w, applied, None, 1.0
    suggestions = [c.text for _, c in scored[:3]]
    return w, applied, suggestions, min(conf, 0.5)


def _seen_in_context(key: str, ctx: ContextModel, lexicon: Lexicon, settings: RepairSettings) -> bool:
    """Whether edited real text has the word, or its stem of 3+ letters once a clitic is set aside.

    Such a form is a word (names, Tunisian usage: الممضية, and with a clitic للسواتل).
    """
    need = settings.context_known_count
    unigrams = ctx.unigrams
    if unigrams.get(key, 0) >= need:
        return True
    return any(len(stem) >= 3 and unigrams.get(stem, 0) >= need for _, stem, _ in strip_clitics(key, lexicon.rules)[1:])


def _clearly_commoner(c: Candidate, min_zipf: float) -> bool:
    """Whether a rare form's candidate is cheap and common enough to replace it."""
    return c.zipf >= min_zipf and c.cost <= 0.5


def _settle_top(
    scored: list[tuple[float, Candidate]],
    lexicon: Lexicon,
    keep: Callable[[Candidate], bool] | None,
    top: int = 3,
) -> list[tuple[float, Candidate]]:
    """Ask Hunspell about the pending candidates that reach the top ``top`` (best first).

    A pending candidate's score is an upper bound (Hunspell's verdict can only lower
    it), so once the first ``top`` are settled their order and scores are final: the
    same as asking about every candidate up front, at a fraction of the cost.
    """
    while True:
        idx = next((k for k, (_, cand) in enumerate(scored[:top]) if cand.pending), None)
        if idx is None:
            return scored
        sc, c = scored[idx]
        settled = lexicon.confirm(c)
        if keep is not None and not keep(settled):
            del scored[idx]
        else:
            scored[idx] = (sc - (c.zipf - settled.zipf), settled)
            scored.sort(key=_neg_first)


def _neg_first(pair: tuple[float, Candidate]) -> float:
    return -pair[0]


def _fit(ctx: ContextModel, text: str, left: str | None, right: str | None, settings: RepairSettings) -> float:
    """Context bonus of a candidate (a split candidate "a b" is judged by its outer halves)."""
    first, _, last = text.partition(" ")
    if not last:
        return settings.context_weight * ctx.fit(text, left, right)
    return settings.context_weight * (ctx.fit(first, left, None) + ctx.fit(last, None, right))


def _keeps_marks(w: str, key: str) -> bool:
    """Whether replacing ``w`` by a bare candidate loses no author's diacritics."""
    return w == key


def _confidence(margin: float) -> float:
    if margin == math.inf:
        return 0.97
    return max(0.05, min(0.97, 1.0 - math.exp(-margin)))


def _split_candidates(key: str, lexicon: Lexicon, settings: RepairSettings) -> list[Candidate]:
    """Readings of a merged word as two words (منرسم → من رسم, وزارةالداخلية → وزارة الداخلية).

    A split is offered after a particle when the rest is frequent, or where both
    halves are frequent words of 3+ letters and the seam is one no single word can
    have (a letter that only ends words, ة ى, before it, or the article ال after it)
    or the two were seen side by side in real text. A seam split is cheaper.
    """
    out = []
    zipf = lexicon.zipf
    particles = lexicon.rules.particles
    ctx = lexicon.context
    for i in range(2, len(key) - 1):
        left, right = key[:i], key[i:]
        zl = zipf.get(left, 0.0)
        zr = zipf.get(right, 0.0)
        if zr < 2.5 or zl == 0:
            continue
        seam = left[-1] in _FINAL_ONLY or (right.startswith("ال") and len(right) > 3)
        cost = settings.split_seam_cost if seam else settings.split_cost
        if left in particles and zr >= settings.split_min_zipf:
            out.append(Candidate(left + " " + right, cost, round(min(zr, zl), 2)))
        elif (
            min(zl, zr) >= settings.split_min_zipf
            and len(left) >= 3
            and len(right) >= 3  # a short right half is mostly a suffix (دراسيت|ان, جسيم|ين)
            and (seam or (ctx is not None and ctx.pair(left, right) > 0))
        ) or (
            min(zl, zr) >= settings.split_plain_min_zipf and min(len(left), len(right)) >= settings.split_plain_min_len
        ):
            out.append(Candidate(left + " " + right, cost, round(min(zr, zl), 2)))
    return out


def _foreign_step(
    w: str, applied: list[str], lexicon: Lexicon, settings: RepairSettings
) -> tuple[str, list[str], list[str] | None, float]:
    """Fill foreign letters inside an Arabic word (الإنترن特 → الإنترنت, توiter → تويتر)."""
    runs = foreign_runs(w)
    if len(runs) != 1:
        return w, applied, None, 0.5
    a, b = runs[0]
    prefix, run, suffix = lookup_key(w[:a]), w[a:b], lookup_key(w[b:])
    found: dict[str, float] = {}
    if all(is_latin_letter(c) for c in run) and len(run) >= 2:
        base = prefix + transliterate_latin(run, lexicon.rules) + suffix
        for cand in [base] + [c.text for c in lexicon.candidates(base, max_cost=0.6)]:
            z = lexicon.zipf.get(cand, 0.0)
            if z > 0:
                found[cand] = z
        min_zipf = settings.latin_fill_min_zipf
    else:
        # One or two stray characters: each stands for at most one Arabic letter.
        for filler in [""] + [chr(c) for c in range(0x0621, 0x064B) if is_arabic_letter(chr(c))]:
            cand = prefix + filler + suffix
            z = lexicon.zipf.get(cand, 0.0)
            if z > 0:
                found[cand] = z
        min_zipf = settings.auto_min_zipf
    ranked = sorted(found.items(), key=_neg_value)
    if not ranked:
        return w, applied, None, 0.5
    best, zb = ranked[0]
    margin = zb - ranked[1][1] if len(ranked) > 1 else math.inf
    conf = _confidence(margin)
    if zb >= min_zipf and margin >= settings.auto_margin:
        return best, applied + ["foreign_letters"], None, conf
    return w, applied, [c for c, _ in ranked[:3]], min(conf, 0.5)


def _neg_value(kv: tuple[str, float]) -> float:
    return -kv[1]


def _word_edit(w: _Word) -> Edit:
    """The minimal edit turning a word into its repaired form."""
    a, b = w.text, w.fixed
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
        s += 1
    kinds = [_RULE_KIND.get(r, "other") for r in w.rules]
    kind = min(kinds, key=KIND_ORDER.index) if kinds else "other"
    certain = all(
        r in ("invisible", "presentation_form", "tatweel", "stray_tanween", "foreign_mark", "persian_letter")
        for r in w.rules
    )
    # A lexicon correction is as sure as its margin over the runner-up said (it was 0.9 for all).
    confidence = 0.99 if certain else 0.9
    if w.lexicon_confidence is not None and not _LEXICON_RULES.isdisjoint(w.rules):
        confidence = round(w.lexicon_confidence, 3)
    return Edit(
        start=w.start + p,
        end=w.end - s,
        original=a[p : len(a) - s],
        replacement=b[p : len(b) - s],
        rule="+".join(w.rules),
        confidence=confidence,
        kind=kind,
    )


def _split_words(text: str) -> list[str]:
    """``text`` split into separators and words (letters, marks, format characters): ``[sep, word, sep, ..., sep]``.

    The same split as ``_WORD_SPLIT`` (the ``regex`` module's Unicode categories), twice as
    fast: a text with no character beyond U+FFFF (nearly all text) is split by a ``re`` class
    that holds the same characters of the Basic Multilingual Plane, which ``re`` matches with
    one table lookup per character (``regex`` looks each character's category up; ``re``
    builds such a table only for a class that stays within the plane).
    """
    if _ASTRAL.search(text):
        return _WORD_SPLIT.split(text)
    return _bmp_word_split().split(text)


@cache
def _bmp_word_split() -> re.Pattern[str]:
    """``_WORD_SPLIT`` for text within the Basic Multilingual Plane (built on first use, about 50 ms)."""
    plane = "".join(map(chr, range(0x10000)))
    body = class_body("".join(_WORD_CHAR.findall(plane)))
    letter = class_body("".join(regex.findall(rf"[\p{{L}}--[{_SUPERSCRIPT_LETTERS}]]", plane, regex.V1)))
    mark = class_body("".join(regex.findall(r"[\p{M}\p{Cf}]", plane)))
    return re.compile(f"([{body}]+(?:[{_SUPERSCRIPT_LETTERS}]+[{mark}]*[{letter}][{body}]*)*)")


# -- document level -----------------------------------------------------------------------


def _document_deletions(text: str, rules: RuleData, settings: RepairSettings) -> list[tuple[int, int, str]]:
    """Spans of interface junk and leaked English sentences, each with one adjacent space."""
    out: list[tuple[int, int, str]] = []
    # One search per pattern: each starts with a literal, which re finds at C speed (joined into
    # one alternation they were a third slower).
    for pat in rules.junk:
        for m in pat.finditer(text):
            out.append((*_with_space(text, m.start(), m.end()), "interface_junk"))
    for m in _LATIN_SENTENCE.finditer(text):
        if len(m.group().split()) < settings.min_leaked_words:
            continue
        if _arabic_neighbours(text, m.start(), m.end()):
            out.append((*_with_space(text, m.start(), m.end()), "leaked_translation"))
    out.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, k in out:
        if merged and s < merged[-1][1]:
            ps, pe, pk = merged[-1]
            merged[-1] = (ps, max(pe, e), pk)
        else:
            merged.append((s, e, k))
    return merged


def _with_space(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen a deleted run by the space before it (or after it at the start of a line)."""
    if s > 0 and text[s - 1] == " ":
        return s - 1, e
    if e < len(text) and text[e] == " ":
        return s, e + 1
    return s, e


def _arabic_neighbours(text: str, s: int, e: int) -> bool:
    """Whether Arabic running text stands on both sides of ``text[s:e]`` on the same line."""
    line_start = max(text.rfind("\n", 0, s), text.rfind("\r", 0, s)) + 1
    ends = [k for k in (text.find("\n", e), text.find("\r", e)) if k >= 0]
    line_end = min(ends, default=len(text))
    before = text[line_start:s].rstrip(" ")
    after = text[e:line_end].lstrip(" ")
    if before.endswith(("(", "«", '"', "“")) or after.startswith((")", "»", '"', "”")):
        return False
    left = regex.search(rf"([{_ARABIC_LETTER_CLASS}])[^A-Za-z{_ARABIC_LETTER_CLASS}]*$", before)
    right = regex.match(rf"[^A-Za-z{_ARABIC_LETTER_CLASS}]*([{_ARABIC_LETTER_CLASS}])", after)
    return bool(left and right)


def _duplicate_keys(toks: list[str]) -> list[str]:
    """Each token's lookup key, or "" for a token with no Arabic letter (see :func:`_duplicate_deletions`).

    Three C-level passes over the joined tokens (tokens hold no newline): strip marks,
    blank the lines with no Arabic letter, split.
    """
    return _NON_ARABIC_LINE.sub("", lookup_key("\n".join(toks))).split("\n")


def _duplicate_deletions(
    text: str,
    token_keys: list[str],
    offs: list[int],
    alive: list[bool] | None,
    settings: RepairSettings,
    words: dict[int, _Word] | None = None,
    joined: set[int] | None = None,
) -> list[tuple[int, int, str]]:
    """Second copies of immediately repeated runs of words (a duplicated sentence).

    Only Arabic words count (``token_keys``, from :func:`_duplicate_keys`), as the word
    pass repaired them (``words``) and, when given, with the words of ``joined`` pairs
    (separator i: word i and i + 1) as one: two copies that differ by a damaged or split
    word are still one sentence twice. With ``joined``, only the lines that hold a joined
    pair are searched: on the other lines the words read as they did in the search without
    ``joined``, whose duplicates are deleted already.
    A repeated run of ``min_duplicate_words`` or more words repeats its first n-gram,
    on the same line, so only positions whose opening n-gram occurred before on their line
    are examined (most lines have none, which one set of the line's n-grams shows).
    """
    min_len = settings.min_duplicate_words
    if len(token_keys) < 2 * min_len:
        return []
    all_keys = list(token_keys)
    for i, w in (words or {}).items():
        if w.fixed != w.text and _HAS_AR.search(w.fixed):
            all_keys[i] = lookup_key(w.fixed)
    for i in sorted(joined or (), reverse=True):  # word i and i + 1 written as one (right to left: chains)
        all_keys[i], all_keys[i + 1] = all_keys[i] + all_keys[i + 1], ""
    if alive is not None:
        all_keys = [k if ok else "" for k, ok in zip(all_keys, alive)]
    idx = list(compress(range(len(all_keys)), all_keys))
    keys = list(filter(None, all_keys))
    n = len(keys)
    g = max(1, min(4, min_len))
    if n < 2 * min_len:
        return []
    # A repeated run lies on one line, so each line's n-grams are looked at apart, and only
    # on a line where some n-gram occurs twice (most lines have none, which one set of its
    # n-grams shows) are the runs compared. Two copies of a long text, the same article pasted
    # twice, were compared word by word over their whole length at every repeated n-gram
    # (quadratic: four copies of the seed took 17 s).
    out: list[tuple[int, int, str]] = []
    joined_words = sorted(joined) if joined else None
    for first, stop in _line_ranges(text, idx, offs):
        if stop - first < 2 * min_len:
            continue  # too few words on the line for a run and its copy
        if joined_words is not None:
            k = bisect.bisect_left(joined_words, idx[first])
            if k == len(joined_words) or joined_words[k] > idx[stop - 1]:
                continue  # no joined pair on the line
        grams = list(zip(*(keys[first + k : stop - g + 1 + k] for k in range(g)), strict=True))
        if len(set(grams)) == len(grams):
            continue
        last_seen: dict[tuple[str, ...], list[int]] = {}
        skip_until = 0
        for j, gram in enumerate(grams, start=first):
            positions = last_seen.setdefault(gram, [])
            if j >= skip_until:
                for i in reversed(positions):
                    length = j - i
                    if length < min_len or j + length > stop or not _same_run(keys, i, j, length):
                        continue
                    end_word = idx[j + length - 1]
                    while joined and end_word in joined:  # the run ends on a joined word: take its last part
                        end_word += 1
                    first_end = idx[j - 1]  # the last word of the first copy (a joined word: its last part)
                    while joined and first_end in joined:
                        first_end += 1
                    out.append((offs[2 * first_end + 2], offs[2 * end_word + 2], "duplicate"))
                    skip_until = j + length
                    break
            positions.append(j)
            if len(positions) > 8:
                del positions[0]
    return out


def _line_ranges(text: str, idx: list[int], offs: list[int]) -> list[tuple[int, int]]:
    """``(first, stop)`` ranges of the keys on each line of ``text`` (key k is word ``idx[k]``)."""
    bounds = [0]
    for brk in _LINE_BREAK.finditer(text):
        word = bisect.bisect_left(offs, brk.start()) // 2  # the first word after the break
        bounds.append(bisect.bisect_left(idx, word))
    bounds.append(len(idx))
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _same_run(keys: list[str], i: int, j: int, length: int) -> bool:
    """Whether ``keys[i:i+length] == keys[j:j+length]``, stopping at the first difference."""
    for k in range(1, length):
        if keys[i + k] != keys[j + k]:
            return False
    return True


def _deletion_edits(text: str, deletions: list[tuple[int, int, str]]) -> list[Edit]:
    """Deletion spans made non-overlapping (a later span is cut where an earlier one ends)."""
    pieces: list[tuple[int, int, str]] = []
    # Document-level deletions (junk, leaked text) win over duplicates where they overlap.
    primary = sorted(d for d in deletions if d[2] != "duplicate")
    dups = sorted(d for d in deletions if d[2] == "duplicate")
    pieces.extend(primary)
    for s, e, k in dups:
        cur = s
        for ps, pe, _ in sorted(primary):
            if pe <= cur or ps >= e:
                continue
            if ps > cur:
                pieces.append((cur, ps, k))
            cur = max(cur, pe)
        if cur < e:
            pieces.append((cur, e, k))
    pieces.sort()
    edits = []
    last_end = -1
    for s, e, k in pieces:
        s = max(s, last_end)
        if e <= s:
            continue
        edits.append(Edit(start=s, end=e, original=text[s:e], replacement="", rule=k, confidence=0.95, kind=k))
        last_end = e
    return edits


def _outside(spans: list[tuple[int, ...]], offs: list[int], n: int) -> list[bool]:
    """For each of the ``n`` words (word i spans ``offs[2i+1]:offs[2i+2]``), whether no span holds it.

    Word starts and ends both rise with i, so the words a span ``(a, b)`` holds are one run:
    from the first word starting at or after ``a`` to the last ending at or before ``b``. Two
    binary searches per span and a slice assignment: a loop over the words was the cost of a
    long text with a few deletions.
    """
    starts = offs[1 : 2 * n : 2]
    ends = offs[2 : 2 * n + 1 : 2]
    out = [True] * n
    for a, b, *_ in spans:
        lo = bisect.bisect_left(starts, a)
        hi = bisect.bisect_right(ends, b)
        if hi > lo:
            out[lo:hi] = [False] * (hi - lo)
    return out


def _overlaps(edit: Edit, spans: list[tuple[int, int]]) -> bool:
    """Whether an edit overlaps one of ``spans`` (an insertion: whether it falls inside one)."""
    return any(a < edit.end and edit.start < b or a < edit.start == edit.end < b for a, b in spans)


def _inside(spans: list[tuple[int, ...]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b, *_ in spans)


# -- word pairs ---------------------------------------------------------------------------


def _join_edits(
    text: str,
    parts: list[str],
    offs: list[int],
    words: dict[int, _Word],
    live: list[bool] | None,
    lexicon: Lexicon,
    settings: RepairSettings,
    line_ends: Collection[int] = (),
) -> list[Edit]:
    """Join split words: a lone clitic (ك وسيط, ب أنها) or a broken word (مد ونة).

    The join is judged on the words as the character rules left them; a lexicon
    correction or flag of either half is dropped when the halves form a known word.
    New :class:`_Word` objects are added to ``words`` for halves that had none.
    """
    toks = parts[1::2]
    bases = toks
    if words:
        bases = list(toks)
        for i, w in words.items():
            # The form after the character rules and foreign-letter filling; a lexicon
            # correction is judged again below (dropped when the halves join).
            lexical = not _LEXICON_RULES.isdisjoint(w.rules)
            bases[i] = w.base if lexical or " " in w.fixed else w.fixed
    # The forms after every per-word fix: a join that only shows once a half is corrected
    # must be made in the same pass, or repairing the repaired text would change it again.
    # A word the rules split in two (السيليكونSilicon) meets its left neighbour with its first
    # part and its right neighbour with its last part.
    fixed = list(toks)  # the form a word shows to its left neighbour
    fixed_last = list(toks)  # the form it shows to its right neighbour
    for i, w in words.items():
        pieces = w.fixed.split(" ")
        fixed[i], fixed_last[i] = pieces[0], pieces[-1]
    seps = parts[2:-1:2]  # seps[i] stands between word i and word i + 1
    # Cheap tests first, at C speed: almost no pair of neighbours joins into a frequent
    # word, and a lone clitic letter is rare.
    frequent = lexicon.frequent_forms(3.0)
    found: set[int] = set()
    found.update(compress(range(len(seps)), map(frequent.__contains__, map(operator.add, bases, bases[1:]))))
    found.update(compress(range(len(seps)), map(_CLITIC_LETTERS.__contains__, bases)))
    if line_ends:
        # A word broken at a line's end may join into a rarer word (لتمر / يرها).
        zipf = lexicon.zipf
        for pos in line_ends:
            k = bisect.bisect_left(offs, pos)
            i = k // 2 - 1  # separator i starts at offs[2i + 2]
            if k % 2 == 0 and 0 <= i < len(seps) and offs[k] == pos:
                if zipf.get(bases[i] + bases[i + 1], 0.0) >= settings.line_join_min_zipf:
                    found.add(i)
    # The fixed forms differ from the bases only at the words something happened to: only the
    # separators next to those words need the same tests again.
    for i in {k for w in words for k in (w - 1, w) if 0 <= k < len(seps)}:
        if fixed_last[i] + fixed[i + 1] in frequent or fixed_last[i] in _CLITIC_LETTERS:
            found.add(i)
    # Right to left, so a word rebuilt by one join can take a clitic on its left in the same
    # pass (ب أ فضل -> بأفضل): repairing the repaired text then finds nothing more to join.
    todo = sorted(found, reverse=True)
    queued = set(todo)
    merged_base: dict[int, str] = {}
    merged_fixed: dict[int, str] = {}
    edits = []
    while todo:
        i = todo.pop(0)
        if seps[i] not in (" ", "  ") or (live is not None and not (live[i] and live[i + 1])):
            continue
        if i + 1 in merged_base and not (_lone_prefix(bases[i]) or _lone_prefix(fixed_last[i])):
            # Only a lone letter or ال joins a word that is itself the result of a join (ال مق رر
            # -> المقرر: a second pass would join ال to مقرر).
            continue
        right_base = merged_base.get(i + 1, bases[i + 1])
        right_fixed = merged_fixed.get(i + 1, fixed[i + 1])
        keep_fixes = False
        at_line_end = offs[2 * i + 2] in line_ends
        ok = _joins(bases[i], right_base, lexicon, settings, at_line_end)
        if not ok and (fixed_last[i], right_fixed) != (bases[i], right_base):
            ok = keep_fixes = _joins(fixed_last[i], right_fixed, lexicon, settings, at_line_end)
        if not ok:
            continue
        for k in (i, i + 1):
            w = words.get(k)
            if w is None:
                continue
            if not keep_fixes and not _LEXICON_RULES.isdisjoint(w.rules):
                w.fixed = w.base
                w.rules = [r for r in w.rules if r not in _LEXICON_RULES]
            w.flag = None
        s, e = offs[2 * i + 2], offs[2 * i + 3]
        edits.append(
            Edit(
                start=s,
                end=e,
                original=text[s:e],
                replacement="",
                rule="split_words",
                confidence=0.9,
                kind="split_words",
            )
        )
        if fixed[i] == fixed_last[i]:  # a word split in two still shows its first part to the left
            merged_base[i] = bases[i] + right_base
            merged_fixed[i] = fixed_last[i] + right_fixed
        if i > 0 and i - 1 not in queued:
            queued.add(i - 1)
            todo.insert(0, i - 1)
    return edits


def _lone_prefix(word: str) -> bool:
    """Whether a word is a lone letter or the bare article ال: a prefix split off its word."""
    return len(word) == 1 or word == "ال"


def _joins(left: str, right: str, lexicon: Lexicon, settings: RepairSettings, at_line_end: bool = False) -> bool:
    """Whether two neighbouring words, as given, should be written as one (``at_line_end``: a
    line break of the source stands between them)."""
    clitic = len(left) == 1 and left in "بكل"
    if clitic and len(right) < 2:
        return False
    if not (PLAIN_ARABIC.fullmatch(left) and PLAIN_ARABIC.fullmatch(right)):
        return False  # marks or a tatweel: the author wrote the prefix apart on purpose (بـ اكبر)
    if clitic:
        # The joined word must be a word as written (wordfreq or Hunspell), not only through a
        # clitic reading: that reading is the lone letter itself, so ب before بالسيطرة would
        # make ببالسيطرة, a preposition on a preposition, and ب before يزال or كانت a
        # preposition on a verb. A noun with the article takes ب or ك (ب المناخات -> بالمناخات;
        # ل takes it as لل).
        joined = lexicon.info(left + right)
        right_info = lexicon.info(right)
        as_written = joined.direct_zipf > 0 or joined.hunspell
        definite = left in "بك" and right.startswith("ال") and right_info.direct_zipf > 0
        ok = (as_written or definite) and right_info.zipf > 0
    else:
        ok = _join_broken(left, right, left + right, lexicon, settings) or (
            at_line_end and _join_line_end(left, right, left + right, lexicon, settings)
        )
    # Join only into a word the word repair would leave as it is: a joined word that still
    # needed correcting would be corrected by the next pass, and repair must be idempotent.
    joined = left + right
    if ok and lexicon.zipf.get(joined, 0.0) <= settings.rare_max_zipf:
        ok = _lexicon_step(joined, [], lexicon, settings)[0] == joined
    return ok


def _join_broken(left: str, right: str, joined: str, lexicon: Lexicon, settings: RepairSettings) -> bool:
    """Whether two neighbours are the halves of one frequent word (مد ونة → مدونة).

    Yes when the left half is no word at all (a lone letter other than و, the bare
    article ال) or a half is a form both lexicons reject. When both halves are words,
    only with a context model: the pair was never seen in real text, the joined word
    was, it is frequent, and a half is a rare form (رسم ية, السلط ان).
    """
    if len(right) < 2 or left == "و":
        return False  # initials (ع ب م), and و written apart is the author's habit (و بعض)
    if left == "ال" or len(left) == 1:
        return True
    li, ri = lexicon.info(left), lexicon.info(right)
    if (not li.known) or (not ri.known):
        return True
    ctx = lexicon.context
    if ctx is None or ctx.pair(left, right) > 0:
        return False
    jz = lexicon.zipf.get(joined, 0.0)
    if jz < settings.join_min_zipf or (ctx.unigrams.get(joined, 0) == 0 and jz < settings.join_unseen_min_zipf):
        return False
    zl, zr = lexicon.zipf.get(left, 0.0), lexicon.zipf.get(right, 0.0)
    return min(zl, zr) < settings.join_max_half_zipf
