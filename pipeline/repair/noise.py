"""A seeded model of Arabic OCR damage: for evaluation and as a test tool.

:func:`add_noise` damages a given share of the Arabic words of a clean text
with the kinds of damage seen in the seed article (look-alike and dot
confusions, dropped thin letters, doubled or inserted letters, characters of
other scripts, stray tanween, transpositions, merged and split words) and
returns the noisy text with the *gold repair edits*: offsets into the noisy
text, ``original`` (the damage) and ``replacement`` (the clean form). Those
edits are scored against the repair stage's edits with
:func:`pipeline.scoring.edit_prf`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import regex

from ..document import Edit
from .rules import RuleData, load_rule_data

NOISE_KINDS = (
    "lookalike",
    "thin_drop",
    "insertion",
    "foreign",
    "stray_tanween",
    "transposition",
    "merge",
    "split",
)
_KIND_LABEL = {
    "lookalike": "letter_confusion",
    "thin_drop": "letter_confusion",
    "insertion": "letter_confusion",
    "transposition": "letter_confusion",
    "foreign": "foreign_script",
    "stray_tanween": "stray_diacritic",
    "merge": "merged_words",
    "split": "split_words",
}
_WORD = regex.compile(r"[\u0621-\u063A\u0641-\u064A]{3,}")
_FOREIGN = ("特", "ह", "\u093c", "i", "r")


@dataclass(frozen=True)
class NoisyText:
    """A damaged text and the edits that undo the damage (offsets into ``text``)."""

    text: str
    edits: list[Edit]
    clean: str


def add_noise(
    text: str,
    rate: float,
    *,
    seed: int = 0,
    kinds: tuple[str, ...] = NOISE_KINDS,
    data: RuleData | None = None,
) -> NoisyText:
    """Damage ``rate`` of the Arabic words (3+ letters) of ``text``.

    Args:
        text: Clean text.
        rate: Share of eligible words to damage (0.05 for 5%).
        seed: Random seed; the same seed gives the same damage.
        kinds: Damage kinds to draw from (:data:`NOISE_KINDS`).
        data: Rule tables (look-alike groups, thin letters); the package's by default.

    Returns:
        The noisy text, the gold repair edits (noisy-text offsets) and the clean text.

    Raises:
        ValueError: ``rate`` outside [0, 1] or an unknown kind.
    """
    if not 0 <= rate <= 1:
        raise ValueError(f"rate must be between 0 and 1, found {rate!r}")
    unknown = [k for k in kinds if k not in NOISE_KINDS]
    if unknown:
        raise ValueError(f"unknown noise kinds {unknown}; known: {', '.join(NOISE_KINDS)}")
    data = data or load_rule_data()
    rng = random.Random(seed)
    groups: dict[str, list[str]] = {}
    for a, b in data.confusion:
        groups.setdefault(a, []).append(b)
    words = list(_WORD.finditer(text))
    out: list[str] = []
    edits: list[Edit] = []
    pos = 0
    npos = 0  # length of the noisy text written so far
    skip_next = False
    for idx, m in enumerate(words):
        if skip_next:
            skip_next = False
            continue
        if rng.random() >= rate:
            continue
        kind = rng.choice(kinds)
        w = m.group()
        s, e = m.start(), m.end()
        if kind == "merge":
            nxt = words[idx + 1] if idx + 1 < len(words) else None
            if nxt is None or text[e : nxt.start()] != " ":
                continue
            # The damage is the lost space: the noisy text has w+next glued.
            out.append(text[pos:e])
            npos += e - pos
            edits.append(_edit(npos, npos, "", " ", kind))
            pos = e + 1
            skip_next = True
            continue
        noisy = _damage(w, kind, rng, groups, data)
        if noisy is None or noisy == w:
            continue
        out.append(text[pos:s])
        npos += s - pos
        edits.append(_edit(npos, npos + len(noisy), noisy, w, kind))
        out.append(noisy)
        npos += len(noisy)
        pos = e
    out.append(text[pos:])
    return NoisyText(text="".join(out), edits=edits, clean=text)


def _edit(start: int, end: int, original: str, replacement: str, kind: str) -> Edit:
    return Edit(start=start, end=end, original=original, replacement=replacement, rule=f"noise:{kind}", confidence=1.0, kind=_KIND_LABEL[kind])


def _damage(w: str, kind: str, rng: random.Random, groups: dict[str, list[str]], data: RuleData) -> str | None:
    """One damaged form of word ``w`` (None when the kind does not apply to it)."""
    n = len(w)
    if kind == "lookalike":
        idx = [i for i, c in enumerate(w) if c in groups]
        if not idx:
            return None
        i = rng.choice(idx)
        return w[:i] + rng.choice(groups[w[i]]) + w[i + 1 :]
    if kind == "thin_drop":
        idx = [i for i, c in enumerate(w) if c in data.thin and 0 < i]
        if not idx or n < 4:
            return None
        i = rng.choice(idx)
        return w[:i] + w[i + 1 :]
    if kind == "insertion":
        i = rng.randrange(1, n)
        if rng.random() < 0.5:
            return w[:i] + w[i - 1] + w[i:]  # doubled letter (متتصاعد)
        return w[:i] + rng.choice("نيت") + w[i:]  # an extra tooth (توينتر)
    if kind == "foreign":
        i = rng.randrange(1, n)
        ch = rng.choice(_FOREIGN)
        if ch == "\u093c":
            return w[:i] + ch + w[i:]  # a combining nukta inside the word
        return w[:i] + ch + w[i + 1 :]  # a letter read as another script's
    if kind == "stray_tanween":
        i = rng.randrange(1, n - 1)
        return w[:i] + rng.choice("\u064b\u064c\u064d") + w[i:]
    if kind == "transposition":
        i = rng.randrange(1, n - 1)
        if w[i] == w[i + 1]:
            return None
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    if kind == "split":
        i = rng.randrange(1, n - 1)
        return w[:i] + " " + w[i:]
    return None


@dataclass(frozen=True)
class WrappedText:
    """A paragraph wrapped into lines as a PDF's text layer gives them, some words cut at a line's end.

    ``text`` is the lines joined by a space, as the reader joins a paragraph's lines;
    ``line_ends`` are the offsets of those spaces; ``edits`` the gold repairs (the spaces
    inside the cut words deleted); ``clean`` the paragraph with single spaces.
    """

    text: str
    line_ends: list[int]
    edits: list[Edit]
    clean: str


_BREAKABLE = regex.compile(r"[\u0621-\u063A\u0641-\u064A]{4,}")


def wrap_lines(paragraph: str, rate: float, *, seed: int = 0, width: tuple[int, int] = (45, 80)) -> WrappedText:
    """Wrap a paragraph into lines and cut ``rate`` of the words that reach past a line's end.

    The damage of a justified PDF read by OCR or a careless converter: a word that does not
    fit on the line is cut where the line ends, without a hyphen (العد / الة), instead of
    moving whole to the next line. Only words of 4+ Arabic letters are cut, and both halves
    keep 2+ letters.

    Args:
        paragraph: Clean text (its whitespace runs count as single spaces).
        rate: Share of the line-crossing words that are cut (0.3 for 30%).
        seed: Random seed; the same seed gives the same lines.
        width: The line width in characters is drawn from this range, once per paragraph.
    """
    if not 0 <= rate <= 1:
        raise ValueError(f"rate must be between 0 and 1, found {rate!r}")
    rng = random.Random(seed)
    limit = rng.randint(*width)
    words = paragraph.split()
    lines: list[str] = []
    cut_after: set[int] = set()  # lines whose last word goes on at the next line's start
    current = ""
    for w in words:
        if not current:
            current = w
            continue
        if len(current) + 1 + len(w) <= limit:
            current += " " + w
            continue
        room = limit - len(current) - 1
        if room >= 2 and _BREAKABLE.fullmatch(w) and rng.random() < rate:
            k = max(2, min(len(w) - 2, room))
            lines.append(current + " " + w[:k])
            cut_after.add(len(lines) - 1)
            current = w[k:]
            continue
        lines.append(current)
        current = w
    if current:
        lines.append(current)
    text = " ".join(lines)
    line_ends, edits = [], []
    pos = 0
    for k, line in enumerate(lines[:-1]):
        pos += len(line)
        line_ends.append(pos)
        if k in cut_after:
            cut = Edit(pos, pos + 1, " ", "", rule="noise:line_break", confidence=1.0, kind="split_words")
            edits.append(cut)
        pos += 1
    return WrappedText(text=text, line_ends=line_ends, edits=edits, clean=" ".join(words))


def as_presentation_forms(text: str) -> str:
    """``text`` as some PDF-to-text tools give it: each Arabic letter as its isolated glyph code
    (U+FE80-FEFC) and lam-alef as one ligature code (ﻻ), everything else as it was.

    A whole-document kind of damage, deterministic, for tests: the reader must find the
    structure through it and the repair stage must give back the letters.
    """
    for pair, ligature in _LAM_ALEF_LIGATURES.items():
        text = text.replace(pair, ligature)
    return text.translate(_presentation_table())


_LAM_ALEF_LIGATURES = {"لا": "\ufefb", "لأ": "\ufef7", "لإ": "\ufef9", "لآ": "\ufef5"}


def _presentation_table() -> dict[int, str]:
    # Built from Unicode's own decompositions (the isolated form of each letter).
    import unicodedata  # noqa: PLC0415

    table: dict[int, str] = {}
    for cp in range(0xFE70, 0xFEFD):
        name = unicodedata.name(chr(cp), "")
        base = unicodedata.normalize("NFKC", chr(cp))
        if "ISOLATED" in name and len(base) == 1 and ord(base) not in table:
            table[ord(base)] = chr(cp)
    return table
