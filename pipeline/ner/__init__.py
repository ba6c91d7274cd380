"""Named entities (PER, ORG, LOC, PLATFORM, DATE) in the Arabic and English text of an article."""

from .stage import NerStage

__all__ = ["NerStage"]
