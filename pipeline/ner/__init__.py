"""Named entities (PER, ORG, LOC, PLATFORM, DATE) in the Arabic and English text of an article.

``NerStage`` is imported lazily, so ``diplo --help`` (which imports :mod:`.cli`) does
not pay for the stage's rules and camel-tools.
"""

from __future__ import annotations

from ..lazy import lazy_exports

#: Exported name -> the submodule that defines it.
_HOMES = {"NerStage": "stage"}

__all__ = sorted(_HOMES)

__getattr__ = lazy_exports(__name__, _HOMES)
