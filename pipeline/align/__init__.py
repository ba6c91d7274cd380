"""Sentence segmentation and Arabic–English alignment of titles, keywords and abstracts.

The package exports :class:`AlignStage` (registered as ``pipeline.align:AlignStage``), and
:class:`Aligner`, :class:`SentenceEncoder` and :func:`split_sentences` for use on their own.
It is imported lazily, so ``diplo --help`` (which imports :mod:`.cli`) does not pay
for the aligner's numpy and scipy.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{home}", __name__), name)
