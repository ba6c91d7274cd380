"""The ``diplo`` command.

The CLI is thin: each command calls a plain function and prints or writes
what it returns. Errors of the :class:`~pipeline.errors.DiploError` family
become one line on stderr and exit status 2; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import DiploError
from .startup import keep_torch_out

app = typer.Typer(
    name="diplo",
    help="Bilingual (Arabic/English) NLP pipeline for articles on diplomacy: read, repair, align, tag entities, classify passages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
train_app = typer.Typer(help="Retrain the shipped models from the data they were built from.", no_args_is_help=True)
app.add_typer(train_app, name="train")

_STATE = {"debug": False}


@app.callback()
def _main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks instead of one-line errors.")] = False,
) -> None:
    _STATE["debug"] = debug


@app.command("run")
def run_command(
    articles: Annotated[list[Path], typer.Argument(help="Article text files (UTF-8, UTF-8 with BOM or Windows-1256).", show_default=False)],
    out: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="Folder for one JSON file per article; JSON goes to stdout when omitted.")
    ] = None,
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="Pipeline config (default: configs/pipeline.toml).")] = None,
    disable: Annotated[
        Optional[list[str]], typer.Option("--disable", "-d", help="Leave out a stage for this run (repeatable).")
    ] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the input encoding (e.g. cp1256).")] = None,
    compact: Annotated[bool, typer.Option("--compact", help="Write JSON without indentation.")] = False,
) -> None:
    """Run the pipeline on articles and write one JSON document per article."""
    from .config import load_config
    from .reader import ReaderSettings, read_article
    from .runner import Pipeline
    from .textio import write_atomic

    from .errors import OutputError

    if out is not None and out.exists() and not out.is_dir():
        # Reported now, not after the models have loaded and the first article has run.
        raise OutputError(str(out), "is a file, expected a folder to write into")
    cfg = load_config(config)
    reader_settings = ReaderSettings.from_dict(cfg.stage_settings("read"))
    # Read every input first: a bad file is reported before any model is loaded.
    read = [read_article(path, encoding=encoding, settings=reader_settings) for path in articles]
    nlp = Pipeline.from_config(cfg, disable=disable or ())
    indent = None if compact else 2
    show_progress = out is not None and len(articles) > 1
    progress = _progress(len(articles), "articles") if show_progress else None
    for path, article in zip(articles, read):
        article = nlp(article)
        document = article.to_json(indent=indent)
        if out is None:
            sys.stdout.write(document + "\n")
        else:
            target = out / (path.stem + ".json")
            if target.resolve() == path.resolve():
                raise typer.BadParameter(f"{target}: output would overwrite the input file")
            write_atomic(target, document + "\n")
            typer.echo(f"{path} -> {target}", err=True)
        for warning in article.warnings:
            typer.echo(f"warning: {path}: {warning}", err=True)
        if progress is not None:
            progress.update(1)
    if progress is not None:
        progress.close()


@app.command("read")
def read_command(
    article: Annotated[Path, typer.Argument(help="Article text file.", show_default=False)],
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Force the input encoding.")] = None,
) -> None:
    """Show the structure the reader finds: metadata, abstracts, keywords, headings, passages."""
    from .reader import read_article

    doc = read_article(article, encoding=encoding)
    echo = typer.echo
    echo(f"source: {doc.source} ({doc.encoding})")
    for key, span in doc.metadata.items():
        if key != "archive_notice":
            echo(f"{key}: {span.text}")
    echo(f"keywords (ar): {' | '.join(k.text for k in doc.keywords_ar)}")
    echo(f"keywords (en): {' | '.join(k.text for k in doc.keywords_en)}")
    items: list[tuple[int, str]] = [(s.start, f"{'#' * s.level} {s.heading}") for s in doc.sections]
    for passage in doc.passages:
        label = passage.kind + (f" {passage.number}" if passage.number else "")
        text = passage.text if len(passage.text) <= 90 else passage.text[:87] + "..."
        items.append((passage.start, f"  [{passage.id} {label} {passage.lang}] {text}"))
    for _, line in sorted(items, key=lambda item: item[0]):
        echo(line)


# -- stage commands: each stage registers its command below -------------------
# (repair) ------------------------------------------------------------------
from .repair.cli import repair_command  # noqa: E402 - registered in the stage block

app.command("repair")(repair_command)
# (align) -------------------------------------------------------------------
from .align.cli import align_command  # noqa: E402 - registered in the stage block

app.command("align")(align_command)
# (ner) ---------------------------------------------------------------------
from .ner.cli import train_ner_command  # noqa: E402 - registered in the stage block

train_app.command("ner")(train_ner_command)
# (classify) ----------------------------------------------------------------
from .classify.cli import train_classifier_command  # noqa: E402 - registered in the stage block

train_app.command("classifier")(train_classifier_command)
# -- end of stage commands ----------------------------------------------------


@app.command("evaluate")
def evaluate_command(
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help="Annotated corpus folder (default: corpus/).")] = None,
    stage: Annotated[
        Optional[list[str]], typer.Option("--stage", "-s", help="Evaluate only this stage (repeatable): read, repair, align, ner, classify.")
    ] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the report as JSON here.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", "-c", help="Pipeline config (default: configs/pipeline.toml).")] = None,
) -> None:
    """Score every stage against the annotated corpus and print a table."""
    from .evaluate import evaluate_corpus, format_report
    from .textio import write_atomic

    report = evaluate_corpus(corpus, stages=stage or None, config=config)
    typer.echo(format_report(report))
    target = out or Path("evaluation.json")
    write_atomic(target, report.to_json() + "\n")
    typer.echo(f"report written to {target}", err=True)


def _progress(total: int, unit: str):
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, file=sys.stderr, disable=not sys.stderr.isatty())


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``diplo`` console script; returns the exit status."""
    keep_torch_out()  # before anything imports spaCy (and through it thinc, which would import torch)
    try:
        app(args=argv, standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except DiploError as exc:
        if _STATE["debug"]:
            raise
        # One line, whatever the message quotes (spaCy's config errors, for one, span several lines).
        message = " ".join(line.strip() for line in str(exc).splitlines() if line.strip())
        typer.echo(f"error: {message}", err=True)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
