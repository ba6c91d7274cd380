"""Command function of the classify stage: ``diplo train classifier`` (registered in :mod:`pipeline.cli`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_MODEL = "models/classifier"  # also in .stage; kept here so the CLI imports nothing heavy


def train_classifier_command(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="DIR", help=f"Model folder to write (default: {DEFAULT_MODEL})."),
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", metavar="DIR", help="Annotated corpus folder (default: corpus/).")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", "-c", metavar="FILE", help="Pipeline config whose [stages.classify] train table is used."
        ),
    ] = None,
    no_cv: Annotated[
        bool, typer.Option("--no-cv", help="Skip the grouped cross-validation (meta.json then has no scores).")
    ] = False,
) -> None:
    """Train the passage classifier on the gold corpus and write models/classifier/ (skops + meta.json)."""
    from ..config import load_config
    from ..corpus import load_corpus, require_valid
    from ..errors import ConfigError
    from ..textio import ensure_writable_folder
    from .persist import check_output_folder
    from .train import train_classifier

    cfg = load_config(config)
    settings = cfg.stage_settings("classify")
    target = Path(output or cfg.resolve(settings.get("model", DEFAULT_MODEL)))
    # All refusals come before minutes of cross-validation: a target that must not be replaced,
    # an unwritable folder, a gold corpus that does not validate.
    check_output_folder(target)
    ensure_writable_folder(target.parent)
    silver = settings.get("silver", False)
    if not isinstance(silver, bool):
        raise ConfigError(f"[stages.classify] silver: expected true or false, found {silver!r}")
    per_class = settings.get("silver_per_class", 60)
    if not isinstance(per_class, int) or isinstance(per_class, bool) or per_class < 1:
        raise ConfigError(f"[stages.classify] silver_per_class: expected a positive integer, found {per_class!r}")
    gold = require_valid(load_corpus(corpus))
    meta = train_classifier(
        gold,
        target,
        settings.get("train", {}),
        use_label2=settings.get("use_label2", True),
        sentences=settings.get("sentences", True),
        silver=silver,
        silver_per_class=per_class,
        cross_validate=not no_cv,
        progress=_to_stderr,
    )
    shown = {k: v for k, v in meta["cv_scores"].items() if k.endswith("macro_f1") or k.startswith("model_f1")}
    result = {"output": str(target), "labels": meta["labels"], "silver_rows": meta["training"]["silver_rows"], "cv": shown}
    typer.echo(json.dumps(result, ensure_ascii=False, indent=2))


def _to_stderr(line: str) -> None:
    typer.echo(line, err=True)
