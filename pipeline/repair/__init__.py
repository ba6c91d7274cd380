"""OCR repair of Arabic text: rules as data, two lexicons, a reversible edit log.

The pure core is :func:`repair_text`; :class:`RepairStage` runs it on every
Arabic passage of an article.
"""

from .core import RepairResult, apply_edits, repair_text
from .lexicon import Lexicon
from .settings import RepairSettings
from .stage import RepairStage


__all__ = ["Lexicon", "RepairResult", "RepairSettings", "RepairStage", "apply_edits", "repair_text"]
