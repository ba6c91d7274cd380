"""The passage classifier: concept, goal, tool, risk, example (or other) for every body passage.

Modules: :mod:`.features` (normalisation, clitic splitting, cue phrases, heading weak labels),
:mod:`.model` (the scikit-learn pipeline), :mod:`.train` (gold rows, training),
:mod:`.evaluation` (grouped cross-validation with baselines), :mod:`.persist` (skops + meta.json),
:mod:`.stage` (the pipeline stage), :mod:`.cli` (``diplo train classifier``).

``ClassifyStage`` is imported lazily, so ``diplo --help`` (which imports
:mod:`.cli`) does not pay for numpy, scipy and scikit-learn.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ClassifyStage", "Prediction"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import stage

        return getattr(stage, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
