"""Reads ``configs/*.toml`` into per-stage settings.

The pipeline config names the stages in order and has one table per stage:

    [pipeline]
    stages = ["read", "repair"]

    [stages.repair]
    enabled = true
    ...

Paths in a config are relative to the project root (the parent of the
``configs/`` folder the file lives in).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "configs" / "pipeline.toml"


@dataclass
class PipelineConfig:
    """The stage order and each stage's settings."""

    stages: list[str]
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    root: Path = PROJECT_ROOT
    path: Path | None = None

    def stage_settings(self, name: str) -> dict[str, Any]:
        """Settings of one stage (an empty dict when it has none)."""
        return dict(self.settings.get(name, {}))

    def enabled_stages(self) -> list[str]:
        """Stage names in order, without those switched off with ``enabled = false``."""
        return [s for s in self.stages if self.settings.get(s, {}).get("enabled", True)]

    def resolve(self, path: str | Path) -> Path:
        """A config path made absolute against the project root."""
        p = Path(path)
        return p if p.is_absolute() else self.root / p


def load_config(path: str | Path | None = None) -> PipelineConfig:
    """Load a pipeline config.

    Args:
        path: A TOML file; ``configs/pipeline.toml`` when omitted.

    Returns:
        The parsed config.

    Raises:
        ConfigError: The file is missing, not TOML, or lacks ``[pipeline] stages``.
    """
    cfg_path = Path(path) if path is not None else DEFAULT_CONFIG
    try:
        data = tomllib.loads(cfg_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{cfg_path}: config file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{cfg_path}: not valid TOML ({exc})") from None
    stages = data.get("pipeline", {}).get("stages")
    if not isinstance(stages, list) or not all(isinstance(s, str) for s in stages):
        raise ConfigError(f"{cfg_path}: expected a list of stage names in [pipeline] stages")
    settings = data.get("stages", {})
    if not isinstance(settings, dict):
        raise ConfigError(f"{cfg_path}: [stages] must be a table of stage tables")
    root = cfg_path.resolve().parent.parent
    return PipelineConfig(stages=stages, settings=settings, root=root, path=cfg_path)
