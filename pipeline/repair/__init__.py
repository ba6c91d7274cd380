"""OCR repair of Arabic text: rules as data, two lexicons, a reversible edit log.

The pure core is :func:`repair_text`; :class:`RepairStage` runs it on every
Arabic passage of an article. The names are imported lazily, so ``diplo --help``
(which imports :mod:`.cli`) does not pay for the lexicon code and camel-tools.
"""

from __future__ import annotations

from ..lazy import lazy_exports

#: Exported name -> the submodule that defines it.
_HOMES = {
    "Lexicon": "lexicon",
    "RepairResult": "core",
    "RepairSettings": "settings",
    "RepairStage": "stage",
    "apply_edits": "edit_log",
    "load_edit_log": "edit_log",
    "load_repair_settings": "stage",
    "repair_text": "core",
}

__all__ = sorted(_HOMES)

__getattr__ = lazy_exports(__name__, _HOMES)
