"""diplo-pipeline: a bilingual (Arabic/English) NLP pipeline for diplomacy articles.

``load`` builds a :class:`Pipeline` (``pipeline.runner``); the results are
:class:`Article` objects (``pipeline.document``); errors are :class:`DiploError`
subclasses (``pipeline.errors``). Load the configured pipeline once, then run it
on one article or stream many::

    import pipeline
    nlp = pipeline.load()
    article = nlp("article.txt")
    for article in nlp.pipe(["a.txt", "b.txt"]):
        print(article.to_json())
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .document import Article, Passage, Section
from .errors import DiploError

if TYPE_CHECKING:
    from .runner import Pipeline

__version__ = "0.1.0"

__all__ = ["Article", "DiploError", "Passage", "Pipeline", "Section", "load", "__version__"]


def load(config: str | Path | None = None, *, disable: Iterable[str] = ()) -> Pipeline:
    """Build the pipeline described by a config (``configs/pipeline.toml`` by default).

    Models load here, once; the returned :class:`Pipeline` is then called on
    articles (``nlp(path)``) or streams them (``nlp.pipe(paths)``), and
    ``nlp.stage(name)`` gives one component to use on plain strings.

    Args:
        config: A TOML file. Relative paths inside it (models, ``configs/repair.toml``)
            are relative to the project root, wherever the file is.
        disable: Stage names to leave out (``"ner"`` or ``["ner", "classify"]``); the
            reader cannot be left out.

    Raises:
        ConfigError: The config is missing or invalid, or ``disable`` names an unknown stage.
        ModelError: A model folder or file is missing, damaged, modified or of another version.
    """
    from .runner import Pipeline

    return Pipeline.from_config(config, disable=disable)


def __getattr__(name: str) -> Any:
    # The runner (and through the reader, camel-tools' character tables, ~1 s) is imported on
    # first use: every submodule import runs this file, ``diplo --help`` included.
    if name == "Pipeline":
        from .runner import Pipeline

        return Pipeline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
