"""Sentences a text repeats word for word, and aligning around them.

PDF and OCR conversion sometimes writes a paragraph twice (an abstract paragraph
repeated at a page or column break). The aligner's dynamic programme then sees
two copies of the same sentences competing for one counterpart: the copies pull
the beads around them apart (a sentence joins the wrong bead, its neighbour is
left out) and, since every copy shares the same numbers and names, the lexical
anchors of those sentences count as common words and lose their weight.

:func:`align_without_repeats` aligns only the first occurrence of each sentence
and reports each later copy as a sentence without counterpart (a 1-0 or 0-1 bead,
score 0), placed right after the bead of the sentence before it, so the beads
still cover every sentence once and in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .aligner import Aligner, Bead

_WORD = re.compile(r"\w+")

#: Fewest words a sentence needs to count as a repeat: a short phrase ("Introduction",
#: "see above") may recur in a text by itself; a sentence of this length does not.
MIN_REPEAT_WORDS = 4


def _key(text: str) -> tuple[str, ...]:
    # The words, case-folded: the copy of a paragraph may differ in spacing or stray
    # punctuation left by a page break ("relations. ." against "relations.").
    return tuple(w.casefold() for w in _WORD.findall(text))


def repeated_sentences(texts: Sequence[str], min_words: int = MIN_REPEAT_WORDS) -> dict[int, int]:
    """Sentences that repeat an earlier sentence of the same text word for word.

    Args:
        texts: The sentences of one text, in order.
        min_words: Fewest words a sentence needs to count (shorter ones are never repeats).

    Returns:
        ``{index of the copy: index of its first occurrence}``, empty when nothing repeats.
    """
    first: dict[tuple[str, ...], int] = {}
    out: dict[int, int] = {}
    for i, text in enumerate(texts):
        key = _key(text)
        if len(key) < min_words:
            continue
        if key in first:
            out[i] = first[key]
        else:
            first[key] = i
    return out


def align_without_repeats(
    aligner: Aligner, src: Sequence[str], tgt: Sequence[str], src_lang: str = "ar", tgt_lang: str = "en"
) -> tuple[list[Bead], dict[int, int], dict[int, int]]:
    """Align two texts with their repeated sentences left out of the alignment.

    Args:
        aligner: The sentence aligner.
        src: Source sentences.
        tgt: Target sentences.
        src_lang: Source language code.
        tgt_lang: Target language code.

    Returns:
        ``(beads, src_repeats, tgt_repeats)``: the beads over the original indices, covering
        every sentence of both sides once and in order, each repeat in a 1-0 or 0-1 bead of
        score 0; and the repeats of each side as :func:`repeated_sentences` gives them.
    """
    src_rep, tgt_rep = repeated_sentences(src), repeated_sentences(tgt)
    if not src_rep and not tgt_rep:
        return aligner.align(src, tgt, src_lang, tgt_lang), src_rep, tgt_rep
    src_keep = [i for i in range(len(src)) if i not in src_rep]
    tgt_keep = [j for j in range(len(tgt)) if j not in tgt_rep]
    inner = aligner.align([src[i] for i in src_keep], [tgt[j] for j in tgt_keep], src_lang, tgt_lang)
    beads = [Bead(tuple(src_keep[i] for i in b.src), tuple(tgt_keep[j] for j in b.tgt), b.score) for b in inner]
    # Each copy goes right after the bead holding the sentence before it on its side (at the
    # very start when there is none), so links stay in reading order on both sides.
    after: dict[tuple[int, int], list[Bead]] = {}
    for side, repeats in ((0, src_rep), (1, tgt_rep)):
        for r in sorted(repeats):
            before = max((x for x in (src_keep if side == 0 else tgt_keep) if x < r), default=-1)
            bead = Bead((r,), (), 0.0) if side == 0 else Bead((), (r,), 0.0)
            after.setdefault((side, before), []).append(bead)
    out: list[Bead] = [*after.get((0, -1), []), *after.get((1, -1), [])]
    for b in beads:
        out.append(b)
        for side, indices in ((0, b.src), (1, b.tgt)):
            for x in indices:
                out.extend(after.get((side, x), []))
    return out, src_rep, tgt_rep
