"""Sentence segmentation and Arabic–English alignment of titles, keywords and abstracts.

The package exports :class:`AlignStage` (registered as ``pipeline.align:AlignStage``).
"""

from .stage import AlignStage

__all__ = ["AlignStage"]
