"""Sentence segmentation and Arabic–English alignment of titles, keywords and abstracts.

The package exports :class:`AlignStage` (registered as ``pipeline.align:AlignStage``).
It is imported lazily, so ``diplo --help`` (which imports :mod:`.cli`) does not pay
for the aligner's numpy and scipy.
"""

from __future__ import annotations

from typing import Any

__all__ = ["AlignStage"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import stage

        return getattr(stage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
