"""Start-up choices of the ``diplo`` process (made by the command, never by importing the library).

camel-tools 1.6 depends on torch for its data-backed models (morphology, pretrained
NER), which cannot be downloaded on these machines and which this pipeline does not
use, so torch is installed. thinc, which spaCy imports, imports torch whenever it is
installed, to offer PyTorch layers: about 2 s of every command's start-up and a few
hundred MB of memory, for nothing. No part of the default pipeline runs torch: the NER model
is thinc on numpy, the classifier scikit-learn, the sentence encoder numpy.

So the ``diplo`` command keeps torch out of its process. A program that imports
:mod:`pipeline` as a library is left alone, and a user who plugs a torch-based
spaCy pipeline into the config sets ``DIPLO_ALLOW_TORCH=1``; the project's own torch-based model
(the fine-tuned E5 NER model, opt-in) lifts the ban itself when it loads (:func:`allow_torch`).
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

#: Set to 1 to let ``diplo`` import torch (a torch-based model in the config needs it).
ALLOW_TORCH_ENV = "DIPLO_ALLOW_TORCH"


class _TorchKeptOut(importlib.abc.MetaPathFinder):
    """Fails every import of torch with a message that says why and how to allow it.

    A finder, not ``sys.modules["torch"] = None``: libraries that test
    ``"torch" in sys.modules`` before looking at a tensor (scikit-learn's
    array-API helpers do) must see torch as simply absent.
    """

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == "torch" or fullname.startswith("torch."):
            raise ModuleNotFoundError(
                f"torch is kept out of the diplo process (nothing in the pipeline uses it); "
                f"set {ALLOW_TORCH_ENV}=1 to allow it",
                name=fullname,
            )
        return None


def keep_torch_out() -> bool:
    """Make ``import torch`` fail in this process from now on (see the module docstring).

    Does nothing when torch is already imported or ``DIPLO_ALLOW_TORCH`` is set to
    anything but ``0``.

    Returns:
        Whether torch is kept out.
    """
    if os.environ.get(ALLOW_TORCH_ENV, "0") not in ("", "0") or "torch" in sys.modules:
        return False
    if not any(isinstance(finder, _TorchKeptOut) for finder in sys.meta_path):
        sys.meta_path.insert(0, _TorchKeptOut())
    return True


def allow_torch() -> None:
    """Let this process import torch again: a model the config names runs on it (the fine-tuned
    E5 NER model), so naming that model is the user's choice to pay torch's start-up."""
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _TorchKeptOut)]
