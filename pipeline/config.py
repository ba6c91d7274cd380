"""Reads ``configs/*.toml`` into per-stage settings.

The pipeline config names the stages in order and has one table per stage:

    [pipeline]
    stages = ["read", "repair"]

    [stages.repair]
    enabled = true
    ...

Relative paths in a config (``model = "models/ner-ar"``) are relative to the
project root, :data:`PROJECT_ROOT`, wherever the config file itself lives: a
copy of ``configs/pipeline.toml`` in another folder uses the same models.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

#: The folder that holds ``pipeline/``, ``configs/`` and ``models/``; relative config paths start here.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "configs" / "pipeline.toml"


@dataclass
class PipelineConfig:
    """The stage order and each stage's settings."""

    stages: list[str]
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    root: Path = PROJECT_ROOT
    path: Path | None = None

    @property
    def origin(self) -> str:
        """Where the stage list comes from, for messages: the config file, or ``[pipeline] stages``."""
        return str(self.path) if self.path is not None else "[pipeline] stages"

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


def resolve_model_path(path: str | Path) -> Path:
    """A model folder given in code: as written when it exists (relative to the current
    folder), else relative to the project root, so ``"models/ner-ar"`` works from anywhere."""
    p = Path(path)
    return p if p.is_absolute() or p.exists() else PROJECT_ROOT / p


def load_config(path: str | Path | None = None) -> PipelineConfig:
    """Load a pipeline config.

    Relative paths in the config are relative to the project root
    (:data:`PROJECT_ROOT`, the folder holding ``pipeline/``, ``configs/`` and
    ``models/``), never to the config file's own folder: a copy of
    ``configs/pipeline.toml`` saved anywhere finds the same models and
    ``configs/repair.toml``. Write an absolute path to use a file elsewhere.

    Args:
        path: A TOML file; ``configs/pipeline.toml`` when omitted.

    Returns:
        The parsed config (``root`` is :data:`PROJECT_ROOT`).

    Raises:
        ConfigError: The file is missing, a folder, unreadable, not UTF-8, not TOML, lacks
            ``[pipeline] stages``, or does not start with the reader (``read``, not switched off).
    """
    cfg_path = Path(path) if path is not None else DEFAULT_CONFIG
    data = _read_toml(cfg_path)
    pipeline_table = data.get("pipeline", {})
    stages = pipeline_table.get("stages") if isinstance(pipeline_table, dict) else None
    if not isinstance(stages, list) or not all(isinstance(s, str) for s in stages):
        raise ConfigError(f"{cfg_path}: expected a list of stage names in [pipeline] stages")
    settings = data.get("stages", {})
    if not isinstance(settings, dict) or not all(isinstance(t, dict) for t in settings.values()):
        raise ConfigError(f"{cfg_path}: [stages] must be a table of stage tables ([stages.NAME])")
    if not stages or stages[0] != "read":
        found = repr(stages[0]) if stages else "an empty list"
        raise ConfigError(f"{cfg_path}: the first stage of [pipeline] stages must be 'read', found {found}")
    if settings.get("read", {}).get("enabled", True) is not True:
        # Every other stage works on the reader's structure; a run without it has nothing to do.
        raise ConfigError(f"{cfg_path}: [stages.read] enabled: the reader cannot be switched off")
    return PipelineConfig(stages=stages, settings=settings, root=PROJECT_ROOT, path=cfg_path)


def with_overrides(config: PipelineConfig, overrides: list[str]) -> PipelineConfig:
    """The config with ``STAGE.KEY=VALUE`` settings changed for one run (``--set ner.model=...``).

    VALUE is read as a TOML value when it is one (``0.5``, ``true``, ``["a", "b"]``), else as a
    string (``models/ner-ar-e5``).

    Raises:
        ConfigError: An override is not ``STAGE.KEY=VALUE`` or names a stage the config does not have.
    """
    settings = {name: dict(table) for name, table in config.settings.items()}
    for item in overrides:
        target, sep, raw = item.partition("=")
        stage, dot, key = target.strip().partition(".")
        if not sep or not dot or not stage or not key:
            raise ConfigError(f"--set {item}: expected STAGE.KEY=VALUE, e.g. ner.model=models/ner-ar-e5")
        if stage not in config.stages:
            raise ConfigError(
                f"--set {item}: no stage {stage!r} in {config.origin} (stages: {', '.join(config.stages)})"
            )
        try:
            value = tomllib.loads(f"value = {raw.strip()}")["value"]
        except tomllib.TOMLDecodeError:
            value = raw.strip()
        settings.setdefault(stage, {})[key] = value
    return replace(config, settings=settings)


def _read_toml(cfg_path: Path) -> dict[str, Any]:
    """The parsed TOML of a config file.

    Raises:
        ConfigError: Missing, a folder, unreadable, not UTF-8 or not TOML; the message names the file.
    """
    if cfg_path.is_dir():
        raise ConfigError(f"{cfg_path}: is a folder, not a config file (expected a .toml file)")
    try:
        return tomllib.loads(cfg_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{cfg_path}: config file not found") from None
    except PermissionError:
        raise ConfigError(f"{cfg_path}: config file cannot be read (permission denied)") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{cfg_path}: config file is not UTF-8 text (invalid byte 0x{exc.object[exc.start]:02x} "
            f"at byte offset {exc.start})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{cfg_path}: not valid TOML ({exc})") from None
    except OSError as exc:
        # e.g. a FIFO or a device, a path through a file, a name too long.
        raise ConfigError(f"{cfg_path}: config file cannot be read ({exc.strerror or exc})") from None
