"""Sentence segmentation and Arabic–English alignment of titles, keywords and abstracts.

The package exports :class:`AlignStage` (registered as ``pipeline.align:AlignStage``), and
:class:`Aligner`, :class:`SentenceEncoder` and :func:`split_sentences` for use on their own.
It is imported lazily, so ``diplo --help`` (which imports :mod:`.cli`) does not pay
for the aligner's numpy and scipy.
"""

from __future__ import annotations

from ..lazy import lazy_exports

#: Exported name -> the submodule that defines it.
_HOMES = {
    "AlignStage": "stage",
    "Aligner": "aligner",
    "AlignerParams": "aligner",
    "Bead": "aligner",
    "SentenceEncoder": "encoder",
    "split_sentences": "segment",
}

__all__ = sorted(_HOMES)

__getattr__ = lazy_exports(__name__, _HOMES)
