"""The repair stage: runs :func:`~pipeline.repair.core.repair_text` on every Arabic passage."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import PROJECT_ROOT, PipelineConfig
from ..document import Article, Edit
from ..errors import ConfigError
from .core import repair_text
from .lexicon import Lexicon
from .settings import RepairSettings

#: Passage kinds repaired by default (references keep their mixed-script bibliographic text).
DEFAULT_KINDS = ("abstract", "paragraph", "list_item")


def load_repair_settings(overrides: dict[str, Any] | None = None, root: Path = PROJECT_ROOT) -> RepairSettings:
    """Repair settings: ``configs/repair.toml`` ``[repair]``, then ``overrides`` on top.

    Args:
        overrides: A ``[stages.repair]`` table; its ``config`` key may name another TOML
            file (relative to ``root``) to read instead of ``configs/repair.toml``.
            ``lexicon`` entries are merged key by key.
        root: The project root that relative paths refer to.

    Raises:
        ConfigError: A named settings file is missing, the settings file is not TOML, or a
            setting is unknown or mistyped.
    """
    overrides = dict(overrides or {})
    overrides.pop("enabled", None)
    overrides.pop("kinds", None)
    named = overrides.pop("config", None)
    path = root / (named or "configs/repair.toml")
    if named is not None and not path.is_file():
        # A settings file asked for by name must exist: silently using the defaults would hide a typo.
        raise ConfigError(f"{path}: repair settings file not found")
    base: dict[str, Any] = {}
    if path.exists():
        try:
            base = dict(tomllib.loads(path.read_text(encoding="utf-8")).get("repair", {}))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    lexicon = {**base.get("lexicon", {}), **overrides.pop("lexicon", {})}
    base.update(overrides)
    base["lexicon"] = lexicon
    return RepairSettings.from_dict(base, source=str(path))


class RepairStage:
    """Repairs OCR damage in the Arabic passages of an article.

    Sets ``passage.clean_text`` and ``passage.clean_map`` (clean -> raw offsets)
    and appends every edit, applied or flagged, to ``article.edits`` with raw
    offsets and the passage id.
    """

    name = "repair"
    requires = ("structure",)
    provides = ("clean_text",)

    def __init__(self, lexicon: Lexicon, settings: RepairSettings, kinds: tuple[str, ...] = DEFAULT_KINDS) -> None:
        self.lexicon = lexicon
        self.settings = settings
        self.kinds = kinds

    @classmethod
    def from_settings(cls, settings: dict[str, Any], config: PipelineConfig | None = None) -> "RepairStage":
        """Build the stage from its ``[stages.repair]`` table; loads the lexicons once.

        Raises:
            ConfigError: A bad setting.
            ModelError: The second lexicon is required but not installed.
        """
        root = config.root if config is not None else PROJECT_ROOT
        kinds = settings.get("kinds", DEFAULT_KINDS)
        if not isinstance(kinds, (list, tuple)) or not all(isinstance(k, str) for k in kinds):
            raise ConfigError(f"[stages.repair] kinds: expected a list of passage kinds, found {kinds!r}")
        rs = load_repair_settings(settings, root=root)
        return cls(Lexicon.load(rs.lexicon), rs, tuple(kinds))

    def __call__(self, article: Article) -> Article:
        """Repair every Arabic passage of ``article`` (in place) and return it."""
        for passage in article.passages:
            if passage.lang != "ar" or passage.kind not in self.kinds or not passage.text:
                continue
            result = repair_text(passage.text, self.lexicon, self.settings)
            passage.clean_text = result.clean
            passage.clean_map = passage.text_map.compose(result.map)
            for e in result.edits:
                start, end = passage.text_map.span_to_raw(e.start, e.end)
                if e.end == e.start:
                    end = start
                article.edits.append(
                    Edit(
                        start=start,
                        end=end,
                        original=article.raw[start:end],
                        replacement=e.replacement,
                        rule=e.rule,
                        confidence=e.confidence,
                        kind=e.kind,
                        status=e.status,
                        suggestions=list(e.suggestions),
                        passage_id=passage.id,
                    )
                )
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 8) -> Iterator[Article]:
        """Repair a stream of articles, in order."""
        for article in articles:
            yield self(article)
