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
    from ..corpus import load_corpus
    from ..textio import ensure_writable_folder
    from .train import train_classifier

    cfg = load_config(config)
    settings = cfg.stage_settings("classify")
    target = output or cfg.resolve(settings.get("model", DEFAULT_MODEL))
    ensure_writable_folder(Path(target).parent)  # before minutes of cross-validation
    meta = train_classifier(
        load_corpus(corpus),
        target,
        settings.get("train", {}),
        use_label2=settings.get("use_label2", True),
        sentences=settings.get("sentences", True),
        cross_validate=not no_cv,
        progress=_to_stderr,
    )
    shown = {k: v for k, v in meta["cv_scores"].items() if k.endswith("macro_f1") or k.startswith("model_f1")}
    typer.echo(json.dumps({"output": str(target), "labels": meta["labels"], "cv": shown}, ensure_ascii=False, indent=2))


def _to_stderr(line: str) -> None:
    typer.echo(line, err=True)
