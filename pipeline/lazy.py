"""Lazy exports for the stage packages (PEP 562), so ``diplo --help`` imports none of their code."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_exports(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports each exported name from its submodule on first use.

    Args:
        package: The package's ``__name__``.
        homes: Exported name -> the submodule (relative to ``package``) that defines it.
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f".{home}", package), name)

    return __getattr__
