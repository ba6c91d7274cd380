"""Builds the stage chain from the config, checks it, and runs articles through it.

A stage is a callable ``Article -> Article`` with three class attributes:
``name``, ``requires`` and ``provides`` (tuples of capability names), and a
``from_settings(settings, config)`` constructor that only stores what it is
given (models load once, when the pipeline is built). The reader is the
implicit first stage and provides ``"structure"``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from .config import PipelineConfig, load_config
from .document import Article
from .errors import ConfigError, DiploError
from .reader import ReaderSettings, read_article

#: Stage name -> "module:Class". Modules import lazily, so an unused stage costs nothing.
STAGE_REGISTRY: dict[str, str] = {
    "repair": "pipeline.repair.stage:RepairStage",
    "align": "pipeline.align:AlignStage",
    "ner": "pipeline.ner:NerStage",
    "classify": "pipeline.classify:ClassifyStage",
}

READ_PROVIDES = ("structure",)


class Stage(Protocol):
    """What the runner expects of a stage."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


def _stage_class(name: str, origin: str = "[pipeline] stages") -> Any:
    try:
        target = STAGE_REGISTRY[name]
    except KeyError:
        known = ", ".join(["read", *STAGE_REGISTRY])
        raise ConfigError(f"{origin}: unknown stage {name!r} in [pipeline] stages; known stages: {known}") from None
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == module_name or module_name.startswith(exc.name + ".")):
            raise ConfigError(f"stage {name!r} is not available in this installation ({module_name})") from None
        raise
    return getattr(module, attr)


class Pipeline:
    """The configured chain of stages.

    Build it once (models load here), then call it on one article or
    :meth:`pipe` many.

    Example:
        >>> nlp = Pipeline.from_config()
        >>> article = nlp("article.txt")
    """

    def __init__(self, config: PipelineConfig, stages: list[Stage], reader_settings: ReaderSettings) -> None:
        self.config = config
        self.stages = stages
        self.reader_settings = reader_settings

    @classmethod
    def from_config(
        cls,
        config: PipelineConfig | str | Path | None = None,
        *,
        disable: Iterable[str] = (),
    ) -> Pipeline:
        """Build the pipeline a config describes.

        Args:
            config: A loaded config, a path to one, or None for ``configs/pipeline.toml``.
            disable: Stage names to leave out of this run.

        Raises:
            ConfigError: An unknown stage (also in ``disable``), or stages whose requirements no earlier stage provides
                (all such problems are reported at once).
        """
        if not isinstance(config, PipelineConfig):
            config = load_config(config)
        disabled = {disable} if isinstance(disable, str) else set(disable)  # disable="ner" is one stage
        known = [*config.stages, *(n for n in STAGE_REGISTRY if n not in config.stages)]
        unknown = sorted(disabled - set(known) - {"read"})
        if unknown:
            # A misspelt --disable would otherwise run the very stage the user meant to leave out.
            raise ConfigError(
                f"--disable: unknown stage(s) {', '.join(map(repr, unknown))}; expected one of {', '.join(known)}"
            )
        if "read" in disabled:
            raise ConfigError(
                "--disable read: the reader cannot be left out (every other stage works on what it reads)"
            )
        names = [n for n in config.enabled_stages() if n not in disabled]
        if not names or names[0] != "read":
            raise ConfigError(f"{config.origin}: the first stage of [pipeline] stages must be 'read'")
        classes = [(n, _stage_class(n, config.origin)) for n in names[1:]]
        provided = set(READ_PROVIDES)
        problems = []
        for name, stage_cls in classes:
            missing = [r for r in stage_cls.requires if r not in provided]
            if missing:
                problems.append(f"stage {name!r} requires {', '.join(missing)}, which no earlier stage provides")
            provided.update(stage_cls.provides)
        if problems:
            raise ConfigError("; ".join(problems))
        reader_settings = ReaderSettings.from_dict(config.stage_settings("read"))
        stages = [stage_cls.from_settings(config.stage_settings(name), config) for name, stage_cls in classes]
        return cls(config, stages, reader_settings)

    @property
    def stage_names(self) -> list[str]:
        """Names of the stages that run, in order (the reader first)."""
        return ["read", *(s.name for s in self.stages)]

    def stage(self, name: str) -> Stage:
        """The loaded stage called ``name``, to use one component on its own.

        Example:
            >>> nlp.stage("ner").entities_ar("زار أنتوني بلينكن القاهرة")
            >>> nlp.stage("classify").classify(passage_text)

        Raises:
            KeyError: No stage of that name runs in this pipeline.
        """
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(f"no stage {name!r} in this pipeline; it runs {', '.join(self.stage_names)}")

    def read(self, source: str | Path | bytes, *, name: str | None = None, encoding: str | None = None) -> Article:
        """Run only the reader."""
        return read_article(source, name=name, encoding=encoding, settings=self.reader_settings)

    def __call__(
        self, source: str | Path | bytes | Article, *, name: str | None = None, encoding: str | None = None
    ) -> Article:
        """Run every stage on one article.

        Args:
            source: A path, raw bytes, the article text itself, or an already-read Article
                (an article processed before keeps its repair edit log, which the repair
                stage then applies rather than repairing again; see ``diplo run --edits``).
            name: How to call the article in messages when ``source`` is text or bytes.
            encoding: Force an input encoding instead of detecting it.

        Raises:
            DiploError: The input cannot be read (:class:`~pipeline.errors.InputError` and
                kin, naming the file) or a stage fails on it.
            TypeError: ``source`` is not a path, bytes, text or Article.
        """
        article = source if isinstance(source, Article) else self.read(source, name=name, encoding=encoding)
        _ran(article, "read")
        for stage in self.stages:
            article = stage(article)
            _ran(article, stage.name)
        return article

    def pipe(
        self,
        sources: Iterable[str | Path | bytes | Article],
        *,
        batch_size: int = 8,
        encoding: str | None = None,
        on_error: Callable[[Any, DiploError], None] | None = None,
    ) -> Iterator[Article]:
        """Run the pipeline over many articles, yielding results in input order.

        Stages that can batch (they define ``pipe``) get ``batch_size`` articles at a time.
        A bad input never costs the good ones: every article before it is yielded first.

        Args:
            sources: Paths, bytes, texts or Articles (a single path or text is refused:
                wrap it in a list).
            batch_size: Articles per batch for stages that batch.
            encoding: Force an input encoding instead of detecting it.
            on_error: Called as ``on_error(source, error)`` for an input that cannot be read
                or that a stage fails on (a :class:`~pipeline.errors.DiploError`); the input is
                skipped and the others go on. Without it the error is raised at that input's
                place, after the articles before it were yielded.

        Raises:
            DiploError: Without ``on_error``, the first input that fails.
            TypeError: ``sources`` is a single str, Path or bytes.
        """
        if isinstance(sources, (str, bytes, Path)):
            raise TypeError(
                "pipe() takes an iterable of sources (paths, bytes, texts or Articles); call nlp(source) "
                "for one, or wrap it in a list"
            )
        batch: list[tuple[Any, Article]] = []
        for source in sources:
            try:
                article = source if isinstance(source, Article) else self.read(source, encoding=encoding)
            except DiploError as exc:
                yield from self._run_batch(batch, on_error)
                batch = []
                if on_error is None:
                    raise
                on_error(source, exc)
                continue
            batch.append((source, article))
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, on_error)
                batch = []
        yield from self._run_batch(batch, on_error)

    def _run_batch(
        self, batch: list[tuple[Any, Article]], on_error: Callable[[Any, DiploError], None] | None
    ) -> Iterator[Article]:
        if not batch:
            return
        # Stages change articles in place: keep copies, so that when a stage fails on one article of
        # the batch the others can be run again one by one (and the failing one found) from scratch.
        copies = [Article.from_dict(a.to_dict()) for _, a in batch] if len(batch) > 1 else []
        articles = [a for _, a in batch]
        try:
            for article in articles:
                _ran(article, "read")
            for stage in self.stages:
                articles = list(stage.pipe(articles)) if hasattr(stage, "pipe") else [stage(a) for a in articles]
                for article in articles:
                    _ran(article, stage.name)
        except DiploError as exc:
            if not copies:
                if on_error is None:
                    raise
                on_error(batch[0][0], exc)
                return
            for (source, _), copy in zip(batch, copies, strict=True):
                yield from self._run_batch([(source, copy)], on_error)
            return
        yield from articles


def _ran(article: Article, stage_name: str) -> None:
    """Record that a stage ran on the article (once, however often it runs again)."""
    if stage_name not in article.stages:
        article.stages.append(stage_name)
