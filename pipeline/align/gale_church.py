"""Gale & Church (1993) length-based sentence alignment, the baseline the aligner is measured against.

nltk (which ships ``nltk.translate.gale_church``) is not installed, so this is a
small implementation of the published model: the cost of a bead is
``-log P(match type) - log P(|delta|)`` with ``delta = (l2 - c*l1) / sqrt(s2*l1)``
on character counts, ``c = 1``, ``s2 = 6.8`` and the paper's priors for
1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 beads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Prior probability of each bead type (Gale & Church 1993, table 5).
PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
}
MEAN_RATIO = 1.0
VARIANCE = 6.8


def _length_cost(l1: int, l2: int, ratio: float) -> float:
    if l1 == 0 and l2 == 0:
        return 0.0
    mean = (l1 + l2 / ratio) / 2.0
    delta = (ratio * l1 - l2) / math.sqrt(ratio * VARIANCE * max(mean, 1e-6))
    tail = math.erfc(abs(delta) / math.sqrt(2.0))
    return -math.log(max(tail, 1e-300))


def gale_church_align(src: Sequence[str], tgt: Sequence[str], ratio: float = MEAN_RATIO) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Align two sentence lists on character lengths only.

    Args:
        src: Source sentences.
        tgt: Target sentences.
        ratio: Expected target/source character ratio (1.0 in the paper; pass
            the corpus ratio for a language pair with different lengths).

    Returns:
        Beads ``(src_ids, tgt_ids)`` in order, covering both sides.
    """
    n, m = len(src), len(tgt)
    ls = [len(s) for s in src]
    lt = [len(t) for t in tgt]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    prior_cost = {b: -math.log(p) for b, p in PRIORS.items()}
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, (0, 0)
            for (k, l), pc in prior_cost.items():
                if k > i or l > j:
                    continue
                prev = cost[i - k][j - l]
                if prev == inf:
                    continue
                c = prev + pc + _length_cost(sum(ls[i - k : i]), sum(lt[j - l : j]), ratio)
                if c < best:
                    best, arg = c, (k, l)
            cost[i][j] = best
            back[i][j] = arg
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        k, l = back[i][j]
        beads.append((tuple(range(i - k, i)), tuple(range(j - l, j))))
        i, j = i - k, j - l
    beads.reverse()
    return beads
