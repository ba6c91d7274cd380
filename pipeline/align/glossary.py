"""A bilingual Arabic–English glossary of diplomacy terms, built from aligned UN sentences.

The glossary is data, not hand-written: :func:`build_glossary` reads the 8,000
aligned sentence pairs of the UN Parallel Corpus test sets and keeps, for each
frequent English term (one to three words, not starting or ending with a
function word), the Arabic term (one to three words, clitics stripped) whose
sentence co-occurrence with it has the highest Dice coefficient, when that
coefficient is high enough. The result is a small TSV shipped in
``pipeline/data/align_glossary.tsv`` and used to link keywords.

Rebuild with ``python -m pipeline.align.glossary``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..camel import match_key

GLOSSARY_PATH = Path(__file__).resolve().parent.parent / "data" / "align_glossary.tsv"

EN_STOP = frozenset(
    """a an the of in on at to for by with from and or but as is are was were be been being that this these those it its
    which who whom whose their there they them he she his her we our you your i not no all any each other such than
    then also has have had do does did will would shall should may might can could must into upon under over between
    among about after before during within without against per including inter its if so only more most very same
    said paragraph paragraphs resolution resolutions document documents annex session item items page""".split()
)
AR_STOP = frozenset(
    """في من على إلى الى عن مع أن ان إن التي الذي الذين هذا هذه ذلك تلك كما أو او و ثم قد لا ما لم لن هو هي هم
    كان كانت يكون تكون بين عند حيث كل أي غير أيضا ايضا وفقا بشأن""".split()
)
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_AR_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
_EN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def ar_terms(text: str) -> list[str]:
    """Arabic words folded for matching: diacritics and hamza forms folded, one proclitic stripped."""
    out = []
    for word in _AR_WORD.findall(match_key(text)):
        for pre in _PREFIXES:
            # A one-letter proclitic only comes off a long word (وزير is not و + زير).
            if word.startswith(pre) and len(word) - len(pre) >= (3 if len(pre) > 1 else 4):
                word = word[len(pre) :]
                break
        out.append(word)
    return out


def en_terms(text: str) -> list[str]:
    """English words, lower-cased, with a plural -s removed from longer words."""
    out = []
    for word in _EN_WORD.findall(text.lower()):
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


def _ngrams(words: list[str], stop: frozenset[str], max_n: int = 3) -> set[str]:
    grams = set()
    for n in range(1, max_n + 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if gram[0] in stop or gram[-1] in stop or any(len(w) < 2 for w in gram):
                continue
            grams.add(" ".join(gram))
    return grams


@dataclass
class Glossary:
    """English term -> Arabic terms (both folded as by :func:`en_terms` / :func:`ar_terms`)."""

    en_to_ar: dict[str, set[str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.en_to_ar)

    @classmethod
    def load(cls, path: Path = GLOSSARY_PATH) -> "Glossary":
        """Read a glossary TSV (``english<TAB>arabic<TAB>dice``); a missing file gives an empty glossary."""
        gl = cls()
        if not path.exists():
            return gl
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            en, ar, *_ = line.split("\t")
            gl.en_to_ar.setdefault(en, set()).add(ar)
        return gl

    def match(self, ar_text: str, en_text: str) -> float:
        """Share of the English text's words covered by glossary terms whose Arabic side occurs in ``ar_text``.

        Returns:
            A value in [0, 1]; 0 when nothing matches.
        """
        en_words = en_terms(en_text)
        if not en_words:
            return 0.0
        ar_grams = _ngrams(ar_terms(ar_text), frozenset(), 3)
        covered = [False] * len(en_words)
        for n in (3, 2, 1):
            for i in range(len(en_words) - n + 1):
                term = " ".join(en_words[i : i + n])
                if term in self.en_to_ar and self.en_to_ar[term] & ar_grams:
                    for k in range(i, i + n):
                        covered[k] = True
        content = [c for w, c in zip(en_words, covered) if w not in EN_STOP]
        return sum(content) / len(content) if content else 0.0


def build_glossary(pairs: Iterable[tuple[str, str]], min_count: int = 5, min_dice: float = 0.45) -> list[tuple[str, str, float]]:
    """Term pairs from aligned ``(arabic, english)`` sentences.

    Args:
        pairs: Aligned sentence pairs.
        min_count: Fewest sentences an English term must occur in.
        min_dice: Lowest Dice coefficient of sentence co-occurrence to keep a pair.

    Returns:
        ``(english, arabic, dice)`` rows sorted by English term.
    """
    en_df: Counter[str] = Counter()
    ar_df: Counter[str] = Counter()
    co: dict[str, Counter[str]] = defaultdict(Counter)
    for ar, en in pairs:
        eg = _ngrams(en_terms(en), EN_STOP)
        ag = _ngrams(ar_terms(ar), AR_STOP)
        en_df.update(eg)
        ar_df.update(ag)
        for e in eg:
            co[e].update(ag)
    rows = []
    for e, n_e in en_df.items():
        if n_e < min_count:
            continue
        best, best_dice = None, 0.0
        for a, n_ea in co[e].items():
            dice = 2.0 * n_ea / (n_e + ar_df[a])
            if dice > best_dice or (dice == best_dice and best is not None and len(a) > len(best)):
                best, best_dice = a, dice
        if best is not None and best_dice >= min_dice:
            rows.append((e, best, round(best_dice, 3)))
    rows.sort()
    return rows


def main(argv: list[str] | None = None) -> int:
    """Rebuild ``pipeline/data/align_glossary.tsv`` from the UN test sets in ``../shared/data``."""
    from .testsets import UN_DOCS

    pairs = []
    with UN_DOCS.open(encoding="utf-8") as fh:
        for line in fh:
            for s in json.loads(line)["sentences"]:
                pairs.append((s["ar"], s["en"]))
    rows = build_glossary(pairs)
    with GLOSSARY_PATH.open("w", encoding="utf-8") as out:
        out.write("# english\tarabic\tdice — built by `python -m pipeline.align.glossary` from the UN Parallel Corpus v1.0 test sets\n")
        for e, a, d in rows:
            out.write(f"{e}\t{a}\t{d}\n")
    print(f"{len(rows)} terms from {len(pairs)} sentence pairs -> {GLOSSARY_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
