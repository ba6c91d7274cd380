"""The passage classifier: concept, goal, tool, risk, example (or other) for every body passage.

Modules: :mod:`.features` (normalisation, clitic splitting, cue phrases, heading weak labels),
:mod:`.model` (the scikit-learn pipeline), :mod:`.train` (gold rows, training),
:mod:`.evaluation` (grouped cross-validation with baselines), :mod:`.persist` (skops + meta.json),
:mod:`.stage` (the pipeline stage), :mod:`.cli` (``diplo train classifier``).

``ClassifyStage`` is imported lazily, so ``diplo --help`` (which imports
:mod:`.cli`) does not pay for numpy, scipy and scikit-learn.
"""

from __future__ import annotations

from ..lazy import lazy_exports

#: Exported name -> the submodule that defines it.
_HOMES = {"ClassifyStage": "stage", "Prediction": "stage"}

__all__ = sorted(_HOMES)

__getattr__ = lazy_exports(__name__, _HOMES)
