"""Pure scorers for sentence-alignment links.

The definitions follow the evaluation of Sennrich & Volk (2010) as implemented
by Vecalign's ``score.py`` (Thompson & Koehn 2019), which Bertalign and
SentAlign also use, so figures are comparable with the published ones on the
Text+Berg benchmark.

A bead is a pair ``(src_ids, tgt_ids)`` of sentence-id tuples; either side may
be empty (a 1-0 or 0-1 bead). Beads empty on both sides are ignored.

* **Precision** is computed over all predicted beads (null beads included). A
  predicted bead is a *strict* hit when exactly the same bead is in the gold; it
  is a *lax* hit when it is a strict hit or when one of its target ids is
  aligned in the gold to one of its source ids (partial overlap on both
  sides). A predicted null bead that is not in the gold is a miss for both.
* **Recall** is the same computation with the roles swapped and null beads
  removed from both sides: a gold bead (non-null) is recalled strictly when the
  prediction contains exactly it, laxly when a predicted bead overlaps it on
  both sides.
* F1 is the harmonic mean; counts are pooled over documents (micro average)
  before dividing. A 0/0 ratio is 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

Bead = tuple[Sequence[Hashable], Sequence[Hashable]]


@dataclass
class AlignmentScores:
    """Pooled alignment counts and the P/R/F1 derived from them."""

    strict_tp_p: int = 0
    strict_fp: int = 0
    lax_tp_p: int = 0
    lax_fp: int = 0
    strict_tp_r: int = 0
    strict_fn: int = 0
    lax_tp_r: int = 0
    lax_fn: int = 0

    def add(self, other: "AlignmentScores") -> None:
        """Pool another document's counts into these."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_p(self) -> float:
        """Strict precision."""
        return self._ratio(self.strict_tp_p, self.strict_tp_p + self.strict_fp)

    @property
    def strict_r(self) -> float:
        """Strict recall."""
        return self._ratio(self.strict_tp_r, self.strict_tp_r + self.strict_fn)

    @property
    def strict_f1(self) -> float:
        """Strict F1."""
        return self._f1(self.strict_p, self.strict_r)

    @property
    def lax_p(self) -> float:
        """Lax precision."""
        return self._ratio(self.lax_tp_p, self.lax_tp_p + self.lax_fp)

    @property
    def lax_r(self) -> float:
        """Lax recall."""
        return self._ratio(self.lax_tp_r, self.lax_tp_r + self.lax_fn)

    @property
    def lax_f1(self) -> float:
        """Lax F1."""
        return self._f1(self.lax_p, self.lax_r)

    def as_dict(self) -> dict[str, float]:
        """P/R/F1 for strict and lax matching, rounded to 4 places."""
        return {
            "strict_p": round(self.strict_p, 4),
            "strict_r": round(self.strict_r, 4),
            "strict_f1": round(self.strict_f1, 4),
            "lax_p": round(self.lax_p, 4),
            "lax_r": round(self.lax_r, 4),
            "lax_f1": round(self.lax_f1, 4),
        }


def _normalise(beads: Iterable[Bead]) -> set[tuple[tuple, tuple]]:
    return {(tuple(s), tuple(t)) for s, t in beads if len(s) or len(t)}


def _hits(reference: set[tuple[tuple, tuple]], candidates: set[tuple[tuple, tuple]]) -> tuple[int, int, int, int]:
    """Strict hits, strict misses, lax hits, lax misses of ``candidates`` against ``reference``."""
    src_to_tgt: dict[Hashable, set[Hashable]] = defaultdict(set)
    for src, tgt in reference:
        for s in src:
            src_to_tgt[s].update(tgt)
    s_hit = s_miss = l_hit = l_miss = 0
    for bead in candidates:
        if bead in reference:
            s_hit += 1
            l_hit += 1
            continue
        s_miss += 1
        src, tgt = bead
        linked = set()
        for s in src:
            linked |= src_to_tgt.get(s, set())
        if linked.intersection(tgt):
            l_hit += 1
        else:
            l_miss += 1
    return s_hit, s_miss, l_hit, l_miss


def score_alignment(predicted: Iterable[Bead], gold: Iterable[Bead]) -> AlignmentScores:
    """Strict and lax alignment counts of one document.

    Args:
        predicted: Predicted beads ``(src_ids, tgt_ids)``; ids are any hashables
            (line numbers, sentence ids, raw spans).
        gold: Gold beads in the same form.

    Returns:
        The counts; read ``strict_f1``/``lax_f1`` etc. from the result, or pool
        several documents with :meth:`AlignmentScores.add`.
    """
    pred = _normalise(predicted)
    ref = _normalise(gold)
    out = AlignmentScores()
    out.strict_tp_p, out.strict_fp, out.lax_tp_p, out.lax_fp = _hits(ref, pred)
    pred_full = {b for b in pred if b[0] and b[1]}
    ref_full = {b for b in ref if b[0] and b[1]}
    out.strict_tp_r, out.strict_fn, out.lax_tp_r, out.lax_fn = _hits(pred_full, ref_full)
    return out


def score_documents(pairs: Iterable[tuple[Iterable[Bead], Iterable[Bead]]]) -> AlignmentScores:
    """Pooled counts over ``(predicted, gold)`` pairs of many documents."""
    total = AlignmentScores()
    for predicted, gold in pairs:
        total.add(score_alignment(predicted, gold))
    return total


def parse_bead_line(line: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Parse one ``[0, 1]:[2]`` line (Vecalign / Bleualign gold format).

    Raises:
        ValueError: The line is not of that form.
    """
    left, sep, right = line.strip().partition(":")
    if not sep or not (left.startswith("[") and left.endswith("]") and right.startswith("[") and right.endswith("]")):
        raise ValueError(f"expected a bead like '[0, 1]:[2]', found {line.strip()!r}")

    def ids(part: str) -> tuple[int, ...]:
        inner = part[1:-1].strip()
        return tuple(int(x) for x in inner.split(",")) if inner else ()

    return ids(left), ids(right)
