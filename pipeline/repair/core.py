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

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import regex

from ..document import Edit, OffsetMap, Segment
from .lexicon import Candidate, Lexicon, fold
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
    transliterate_latin,
)
from .settings import RepairSettings

#: A word: letters, marks and format characters (so invisible characters inside words stay with them).
_WORD = regex.compile(r"[\p{L}\p{M}\p{Cf}]+")
#: A plain Arabic word (only base letters): the fast path, nothing but the lexicon can apply.
_PLAIN_AR = regex.compile(r"[\u0621-\u063A\u0641-\u064A]+")
_HAS_AR = regex.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]")
#: An English sentence: a capitalised word, then 4+ more words, ending in . ! or ?
_LATIN_SENTENCE = regex.compile(r"[A-Z][A-Za-z'’\-]*(?:[ ,;:]+[A-Za-z0-9'’\-]+){4,}[ ]*[.!?]")
_ARABIC_LETTER_CLASS = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3"

#: Edit kinds, most specific first: one edit of a word takes the first kind of its rules.
KIND_ORDER = (
    "foreign_script",
    "glued_script",
    "persian_letter",
    "stray_diacritic",
    "letter_confusion",
    "merged_words",
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


@dataclass
class _Word:
    start: int
    end: int
    text: str
    fixed: str  # after the rules (may contain a space for split words)
    rules: list[str]
    base: str = ""  # after the character rules, before the lexicon
    flag: Edit | None = None
    deleted: bool = False


# -- public API ---------------------------------------------------------------------------


def repair_text(text: str, lexicon: Lexicon, settings: RepairSettings | None = None) -> RepairResult:
    """Repair OCR damage in Arabic text.

    Args:
        text: Any string (a passage's reading text, a file, a corpus line).
        lexicon: The loaded :class:`~pipeline.repair.lexicon.Lexicon` (load it once).
        settings: Thresholds; the defaults when None.

    Returns:
        The clean text, the edit log (input offsets) and the clean -> input offset map.
    """
    settings = settings or RepairSettings()
    rules = lexicon.rules
    deletions = _document_deletions(text, rules, settings)
    words = [
        _Word(m.start(), m.end(), m.group(), m.group(), [])
        for m in _WORD.finditer(text)
        if not _inside(deletions, m.start(), m.end())
    ]
    cache: dict[str, _WordResult] = {}
    counts = Counter(w.text for w in words)
    for w in words:
        hit = cache.get(w.text)
        if hit is None:
            hit = _repair_word(w.text, lexicon, settings)
            cache[w.text] = hit
        fixed, applied_rules, suggestions, conf, base = hit
        w.fixed, w.rules, w.base = fixed, list(applied_rules), base
        if _LEXICON_RULES & set(w.rules) and counts[w.text] >= settings.name_min_repeats:
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
    deletions += _duplicate_deletions(text, words, deletions, settings)
    edits = _deletion_edits(text, deletions)
    deleted_spans = [(e.start, e.end) for e in edits]
    live = [w for w in words if not _inside(deleted_spans, w.start, w.end)]
    edits += _join_edits(text, live, lexicon, settings)
    for w in live:
        if w.fixed != w.text:
            edits.append(_word_edit(w))
        if w.flag is not None:
            edits.append(w.flag)
    edits.sort(key=_edit_order)
    clean, omap = apply_edits(text, edits)
    return RepairResult(clean=clean, edits=edits, map=omap)


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, OffsetMap]:
    """Apply the applied edits (input offsets, non-overlapping) to ``text``.

    Args:
        text: The input text the edits' offsets refer to.
        edits: Edits; flagged ones are skipped.

    Returns:
        The edited text and the map from its offsets back to ``text``.

    Raises:
        ValueError: Two applied edits overlap or an edit's ``original`` does not match the text.
    """
    out: list[str] = []
    segments: list[Segment] = []
    pos = 0
    d = 0
    for e in sorted((e for e in edits if e.status == "applied"), key=_edit_order):
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start} (previous edit ends at {pos})")
        if text[e.start : e.end] != e.original:
            raise ValueError(f"edit at {e.start}:{e.end} expects {e.original!r}, text has {text[e.start:e.end]!r}")
        if e.start > pos:
            out.append(text[pos : e.start])
            segments.append(Segment(d, d + e.start - pos, pos, e.start))
            d += e.start - pos
        if e.replacement:
            out.append(e.replacement)
            segments.append(Segment(d, d + len(e.replacement), e.start, e.end))
            d += len(e.replacement)
        pos = e.end
    if pos < len(text) or not segments:
        out.append(text[pos:])
        segments.append(Segment(d, d + len(text) - pos, pos, len(text)))
    return "".join(out), OffsetMap(segments)


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
    if _PLAIN_AR.fullmatch(word):
        if lexicon.zipf.get(word, 0.0) > settings.rare_max_zipf:
            return word, [], None, 1.0, word
        return (*_lexicon_step(word, [], lexicon, settings), word)
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
    if settings.persian_letters:
        new = map_persian_letters(w, rules)
        if new != w:
            # A Persian letter is a font artefact unless the Persian spelling is the known one.
            if lexicon.info(new).known or not lexicon.info(w).known:
                applied.append("persian_letter")
                w = new
    glued = split_glued_latin(w)
    if glued is not None:
        arabic = glued[0] if _HAS_AR.search(glued[0]) else glued[1]
        if lexicon.info(arabic).known:
            return glued[0] + " " + glued[1], applied + ["glued_latin"], None, 0.95, w
    if foreign_runs(w):
        return (*_foreign_step(w, applied, lexicon, settings), w)
    if _PLAIN_AR.fullmatch(lookup_key(w)):
        return (*_lexicon_step(w, applied, lexicon, settings), w)
    return w, applied, None, 0.99, w


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
    w: str, applied: list[str], lexicon: Lexicon, settings: RepairSettings
) -> tuple[str, list[str], list[str] | None, float]:
    """Correct or flag ``w`` when both lexicons reject it (or it is a rare look-alike of a common word)."""
    key = lookup_key(w)
    if len(key) < 2:
        return w, applied, None, 1.0
    info = lexicon.info(key)
    rare = (
        not info.hunspell
        and 0 < info.direct_zipf <= settings.rare_max_zipf
        and info.zipf <= settings.rare_max_zipf
    )
    hunspell_only = info.hunspell and info.zipf == 0
    if info.known and not rare and not hunspell_only:
        return w, applied, None, 1.0
    cands = lexicon.candidates(key, max_cost=settings.flag_max_cost)
    splits = _split_candidates(key, lexicon, settings)
    cands = sorted(cands + splits, key=partial(_neg_score, settings=settings))
    # Hamza seats and ى/ي, ة/ه are the author's spelling, never OCR damage (اصبح, الاولى stay).
    folded = fold(key)
    cands = [c for c in cands if fold(c.text) != folded]
    if rare:
        if len(key) < settings.rare_min_len:
            return w, applied, None, 1.0
        cands = [c for c in cands if c.zipf >= info.direct_zipf + settings.rare_gap and c.cost <= 0.5]
        if not cands:
            return w, applied, None, 1.0
    if not cands:
        return w, applied, None, 1.0
    best = cands[0]
    margin = _score(best, settings) - (_score(cands[1], settings) if len(cands) > 1 else -math.inf)
    min_zipf = settings.hunspell_only_min_zipf if hunspell_only else settings.auto_min_zipf
    if " " in best.text:
        min_zipf = max(min_zipf, 0.0)
    conf = _confidence(margin)
    if best.cost <= settings.auto_max_cost and best.zipf >= min_zipf and margin >= settings.auto_margin:
        if not _keeps_marks(w, key):
            return w, applied, [best.text], conf  # diacritised word: leave the author's marks, only suggest
        rule = "merged_words" if " " in best.text else ("rare_form" if rare else "lexicon")
        return best.text, applied + [rule], None, conf
    if hunspell_only and best.zipf < settings.hunspell_only_min_zipf:
        return w, applied, None, 1.0
    suggestions = [c.text for c in cands[:3]]
    return w, applied, suggestions, min(conf, 0.5)


def _keeps_marks(w: str, key: str) -> bool:
    """Whether replacing ``w`` by a bare candidate loses no author's diacritics."""
    return w == key


def _confidence(margin: float) -> float:
    if margin == math.inf:
        return 0.97
    return max(0.05, min(0.97, 1.0 - math.exp(-margin)))


def _split_candidates(key: str, lexicon: Lexicon, settings: RepairSettings) -> list[Candidate]:
    """Readings of a merged word as two words (منرسم → من رسم)."""
    out = []
    for i in range(2, len(key) - 1):
        left, right = key[:i], key[i:]
        zl = lexicon.zipf.get(left, 0.0)
        zr = lexicon.zipf.get(right, 0.0)
        if zr < 2.5 or zl == 0:
            continue
        if left in lexicon.rules.particles and zr >= settings.split_min_zipf:
            out.append(Candidate(left + " " + right, 0.4, round(min(zr, zl), 2)))
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
    certain = all(r in ("invisible", "presentation_form", "tatweel", "stray_tanween", "foreign_mark", "persian_letter") for r in w.rules)
    return Edit(
        start=w.start + p,
        end=w.end - s,
        original=a[p : len(a) - s],
        replacement=b[p : len(b) - s],
        rule="+".join(w.rules),
        confidence=0.99 if certain else 0.9,
        kind=kind,
    )


# -- document level -----------------------------------------------------------------------


def _document_deletions(text: str, rules: RuleData, settings: RepairSettings) -> list[tuple[int, int, str]]:
    """Spans of interface junk and leaked English sentences, each with one adjacent space."""
    out: list[tuple[int, int, str]] = []
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
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start:s].rstrip(" ")
    after = text[e:line_end].lstrip(" ")
    if before.endswith(("(", "«", '"', "“")) or after.startswith((")", "»", '"', "”")):
        return False
    left = regex.search(rf"([{_ARABIC_LETTER_CLASS}])[^A-Za-z{_ARABIC_LETTER_CLASS}]*$", before)
    right = regex.match(rf"[^A-Za-z{_ARABIC_LETTER_CLASS}]*([{_ARABIC_LETTER_CLASS}])", after)
    return bool(left and right)


def _norm_word(w: str) -> str:
    return lookup_key(w)


def _duplicate_deletions(
    text: str, words: list[_Word], deletions: list[tuple[int, int, str]], settings: RepairSettings
) -> list[tuple[int, int, str]]:
    """Second copies of immediately repeated runs of words (a duplicated sentence)."""
    seq = [w for w in words if _HAS_AR.search(w.text)]
    keys = [_norm_word(w.text) for w in seq]
    n = len(seq)
    min_len = settings.min_duplicate_words
    out: list[tuple[int, int, str]] = []
    last_seen: dict[str, list[int]] = {}
    j = 0
    while j < n:
        hit = None
        for i in reversed(last_seen.get(keys[j], [])):
            length = j - i
            if length < min_len or j + length > n:
                continue
            if keys[i:j] == keys[j : j + length] and "\n" not in text[seq[i].start : seq[j + length - 1].end]:
                hit = (i, length)
                break
        if hit is not None:
            i, length = hit
            out.append((seq[j - 1].end, seq[j + length - 1].end, "duplicate"))
            for k in range(j, j + length):
                last_seen.setdefault(keys[k], []).append(k)
            j += length
            continue
        positions = last_seen.setdefault(keys[j], [])
        positions.append(j)
        if len(positions) > 8:
            del positions[0]
        j += 1
    return out


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
        edits.append(
            Edit(start=s, end=e, original=text[s:e], replacement="", rule=k, confidence=0.95, kind=k)
        )
        last_end = e
    return edits


def _inside(spans: list[tuple[int, ...]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b, *_ in spans)


# -- word pairs ---------------------------------------------------------------------------


def _join_edits(text: str, words: list[_Word], lexicon: Lexicon, settings: RepairSettings) -> list[Edit]:
    """Join split words: a lone clitic (ك وسيط, ب أنها) or a broken word (مد ونة).

    The join is judged on the words as the character rules left them; a lexicon
    correction or flag of either half is dropped when the halves form a known word.
    """
    edits = []
    prev_joined = False
    for a, b in zip(words, words[1:]):
        gap = text[a.end : b.start]
        if prev_joined or not gap or gap.strip(" ") or len(gap) > 2:
            prev_joined = False
            continue
        left, right = lookup_key(a.base), lookup_key(b.base)
        if not (_PLAIN_AR.fullmatch(left) and _PLAIN_AR.fullmatch(right)):
            continue
        joined = left + right
        if a.base != left or b.base != right:
            continue  # a tatweel or marks: the author wrote the prefix apart on purpose (بـ اكبر)
        if len(left) == 1 and left in "بكل":
            ok = lexicon.info(joined).known and lexicon.info(right).zipf > 0 and len(right) >= 2
        else:
            li, ri = lexicon.info(left), lexicon.info(right)
            broken = (not li.known) or (not ri.known)
            ok = broken and lexicon.zipf.get(joined, 0.0) >= 3.0
        if not ok:
            continue
        for w in (a, b):
            if w.fixed != w.base:
                w.fixed = w.base
                w.rules = [r for r in w.rules if r not in ("lexicon", "rare_form", "merged_words")]
            w.flag = None
        edits.append(
            Edit(start=a.end, end=b.start, original=gap, replacement="", rule="split_words", confidence=0.9, kind="split_words")
        )
        prev_joined = True
    return edits


def _edit_order(e: Edit) -> tuple[int, int, int]:
    return (e.start, e.end, 0 if e.status == "applied" else 1)
