"""A small word-context model: unigram and bigram counts of real Arabic text.

The counts come from the held-out part of ../shared/data/arabic-text (UN
documents and Tunisian news; see ``scripts/build_repair_context.py`` for the
split, and the licences: UN Parallel Corpus terms, ANT corpus Apache-2.0). The
repair stage uses them to

* rank correction candidates of a non-word by how well each fits between its
  neighbours (:meth:`ContextModel.fit`),
* tell a merged word's split (من رسم) or a split word's join (مدونة) apart
  from chance, and
* flag real-word errors: a valid word whose neighbours were never seen with it
  but often with a close variant (الموضع الإلكتروني → الموقع الإلكتروني).

The file (``pipeline/repair/data/context_counts.tsv.gz``) is gzip'd UTF-8
text: ``#`` comment lines, then one record a line,
``U<TAB>word<TAB>count``, ``B<TAB>left right<TAB>count`` and
``C<TAB>word<TAB>variant variant ...`` (close variants of a word, precomputed
so that no edit generation is needed per token).
"""

from __future__ import annotations

import gzip
import math
from pathlib import Path

from ..errors import ModelError

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_FILE = "context_counts.tsv.gz"


class ContextModel:
    """Unigram and bigram counts with the close variants of frequent words.

    Attributes:
        unigrams: Count per word (lookup keys: no diacritics, no tatweel).
        bigrams: Count per ``"left right"`` pair of adjacent words.
        variants: Close variants (one edit, both frequent) per word.
        total: Number of word tokens counted.
    """

    def __init__(
        self,
        unigrams: dict[str, int],
        bigrams: dict[str, int],
        variants: dict[str, tuple[str, ...]] | None = None,
        source: str = "<memory>",
    ) -> None:
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.variants = variants or {}
        self.total = sum(unigrams.values()) or 1
        self.source = source

    @classmethod
    def load(cls, setting: str = DEFAULT_FILE) -> "ContextModel":
        """Read a counts file.

        Args:
            setting: A file name inside the package's data folder, or a path.

        Raises:
            ModelError: The file is missing or a line is malformed.
        """
        path = Path(setting)
        if not path.is_absolute() and not path.exists():
            path = DATA_DIR / setting
        if not path.exists():
            raise ModelError(
                str(path),
                "the repair context model is missing: build it with "
                "`python scripts/build_repair_context.py`, or set [repair.lexicon] context = \"\"",
            )
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        # Split all lines first and build each table in one comprehension (0.4 s against 0.65 s
        # a line at a time, on every start of `diplo repair`); a bad line is looked for only then.
        rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
        try:
            unigrams = {key: int(value) for kind, key, value in rows if kind == "U"}
            bigrams = {key: int(value) for kind, key, value in rows if kind == "B"}
            variants = {key: tuple(value.split(" ")) for kind, key, value in rows if kind == "C"}
            if any(row[0] not in ("U", "B", "C") for row in rows):
                raise ValueError("a kind other than U, B or C")
        except ValueError:
            n, line = _first_bad_line(lines)
            raise ModelError(
                str(path), f"line {n}: expected KIND<TAB>key<TAB>value with KIND U, B or C, found {line[:60]!r}"
            ) from None
        return cls(unigrams, bigrams, variants, source=str(path))

    def clear_caches(self) -> None:
        """Nothing is cached (kept for symmetry with the lexicon)."""

    def pair(self, left: str, right: str) -> int:
        """How often ``left right`` was seen (0 when unseen)."""
        return self.bigrams.get(left + " " + right, 0)

    def fit(self, word: str, left: str | None, right: str | None) -> float:
        """How much the neighbours support ``word``: log10(1 + count) summed over both sides.

        A candidate seen once after its left neighbour gains 0.3, seen ten times 1.0;
        an unseen pair adds nothing (the counts are too few for absence to be evidence).
        """
        score = 0.0
        if left:
            score += math.log10(1 + self.bigrams.get(left + " " + word, 0))
        if right:
            score += math.log10(1 + self.bigrams.get(word + " " + right, 0))
        return score


def _first_bad_line(lines: list[str]) -> tuple[int, str]:
    """The first line (numbered from 1) of a counts file that is not a well-formed record."""
    for n, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in ("U", "B", "C"):
            return n, line
        if parts[0] != "C":
            try:
                int(parts[2])
            except ValueError:
                return n, line
    return len(lines), lines[-1] if lines else ""
