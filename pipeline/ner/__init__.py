"""Named entities (PER, ORG, LOC, PLATFORM, DATE) in the Arabic and English text of an article.

``NerStage`` is imported lazily, so ``diplo --help`` (which imports :mod:`.cli`) does
not pay for the stage's rules and camel-tools.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NerStage"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import stage

        return getattr(stage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
