"""The ``diplo`` command.

The CLI is thin: each command calls a plain function and prints or writes
what it returns. Errors of the :class:`~pipeline.errors.DiploError` family
become one line on stderr and exit status 2; ``--debug`` also prints the
traceback (same exit status). Progress (model loading, evaluation stages)
goes to stderr as plain lines; stdout carries only the JSON or the table.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from .errors import ConfigError, DiploError, OutputError
from .startup import keep_torch_out
from .textio import ensure_writable_file, ensure_writable_folder

#: The encodings ``read_text_file`` recognises without ``--encoding`` (pipeline/textio.py).
ENCODINGS = "UTF-8, UTF-8 or UTF-16 with a byte-order mark, or Windows-1256"
#: ``--set STAGE.KEY=VALUE`` of the commands that run the configured pipeline.
SET_OPTION = typer.Option(
    "--set",
    metavar="STAGE.KEY=VALUE",
    help="Change one stage setting of the config for this run (repeatable), e.g. "
    "--set ner.model=models/ner-ar-e5 (the accurate, slower NER model).",
)


class PlainHelpCommand(TyperCommand):
    """A command whose help shows arguments by name (``ARTICLE...``, ``[SOURCE]``) and flags without a value.

    typer 0.29 labels every parameter with its Python type (``--debug <bool>``, ``<list[Path]>``) and
    puts a required argument in braces (``{articles}...``). Its Rich panels do so for flags too, so the
    app uses the plain click layout (``rich_markup_mode=None``, which already leaves flags bare); this
    class names arguments the click way and gives value options an upper-case placeholder
    (``--config CONFIG``) unless they set a metavar or have choices (``<ppmi|floret>``).
    """

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The usage line after the command name: ``[OPTIONS] ARTICLE...``."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_argument_label(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """The ``Arguments`` and ``Options`` sections of the help."""
        arguments, options = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "option" and not param.is_flag and param.metavar is None:
                if "|" not in param.display_type(ctx):  # choices stay listed
                    param.metavar = param.name.upper()
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument_label(param), record[1]))
            else:
                options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


def _argument_label(param: Any) -> str:
    """``ARTICLE...`` for a required list, ``[SOURCE]`` for an optional argument."""
    label = param.metavar or param.name.upper()
    if param.nargs != 1 and not label.endswith("..."):
        label += "..."
    return label if param.required else f"[{label}]"


app = typer.Typer(
    name="diplo",
    help="Bilingual (Arabic/English) NLP pipeline for articles on diplomacy: "
    "read, repair, align, tag entities, classify passages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
train_app = typer.Typer(
    help="Retrain the shipped models from the data they were built from.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(train_app, name="train")

_STATE = {"debug": False}


@app.callback()
def _main_options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Print the full traceback with an error (the exit status stays the same).")
    ] = False,
) -> None:
    _STATE["debug"] = debug


@app.command("run", cls=PlainHelpCommand, short_help="Run the pipeline on articles and write their JSON.")
def run_command(
    articles: Annotated[
        list[Path],
        typer.Argument(
            metavar="ARTICLE...",
            help=f"Article text files ({ENCODINGS}); - reads one article from stdin.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Folder (created if needed) for one ARTICLE-NAME.json per article; two articles with the same "
            "file name are refused. Without --out the JSON goes to stdout: one indented document for one article, "
            "JSON Lines (one compact document per line, in input order) for several.",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", metavar="FILE", help="Pipeline config (default: configs/pipeline.toml)."),
    ] = None,
    disable: Annotated[
        list[str] | None,
        typer.Option("--disable", "-d", metavar="STAGE", help="Leave out a stage for this run (repeatable)."),
    ] = None,
    set_: Annotated[list[str] | None, SET_OPTION] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", metavar="CODEC", help="Force the input encoding (e.g. cp1256).")
    ] = None,
    compact: Annotated[bool, typer.Option("--compact", help="Write JSON without indentation.")] = False,
    edits: Annotated[
        Path | None,
        typer.Option(
            "--edits",
            metavar="LOG",
            help="A reviewed edit log of the one ARTICLE (`diplo repair --json` output or an earlier `diplo run` "
            'JSON, see `diplo repair --help`): the repair stage makes its "applied" edits instead of repairing, '
            "and the later stages read that text.",
        ),
    ] = None,
) -> None:
    """Run the pipeline on articles and write one JSON document per article.

    Every input is read before the models load. A file that cannot be read or processed is
    reported on stderr in one line and skipped; the other articles are still processed and
    written, and the exit status is 2 when any file failed (0 when all succeeded).
    """
    from .config import load_config, with_overrides
    from .reader import ReaderSettings, read_article
    from .runner import Pipeline
    from .textio import write_atomic

    targets = _output_targets(articles, out) if out is not None else None
    if out is not None:
        # Before any model loads: a folder that cannot be written fails now, not after the first article.
        ensure_writable_folder(out)
    cfg = with_overrides(load_config(config), set_ or [])
    if edits is not None:
        if len(articles) != 1:
            raise ConfigError(f"--edits {edits}: a reviewed edit log belongs to one article, found {len(articles)}")
        if "repair" not in cfg.enabled_stages() or "repair" in (disable or ()):
            raise ConfigError(f"--edits {edits}: the repair stage that applies it is disabled")
        # The stage makes the log's edits instead of repairing: its lexicons (~5 s) are not loaded.
        cfg = dataclasses.replace(
            cfg, settings={**cfg.settings, "repair": {**cfg.stage_settings("repair"), "log_only": True}}
        )
    reader_settings = ReaderSettings.from_dict(cfg.stage_settings("read"))
    # Read every input first: unreadable files are reported before any model is loaded.
    failed: list[Path] = []
    todo = []
    if sum(str(path) == "-" for path in articles) > 1:
        raise ConfigError("-: stdin can be read once, found it given more than once")
    for index, path in enumerate(articles):
        try:
            if str(path) == "-":  # like `diplo repair -`: `cat article.txt | diplo run -`
                article = read_article(
                    sys.stdin.buffer.read(), name="<stdin>", encoding=encoding, settings=reader_settings
                )
            else:
                article = read_article(path, encoding=encoding, settings=reader_settings)
            if edits is not None:
                from .repair.edit_log import load_edit_log

                article.edits = load_edit_log(edits, article.raw)
                # Which log: the JSON and the review page of a reviewed run must say so.
                digest = hashlib.sha256(edits.read_bytes()).hexdigest()[:16]
                article.warnings.append(f"repair: edit log {edits} (sha256 {digest}...) given with --edits")
            todo.append((index, article))
        except DiploError as exc:
            report_error(exc)
            failed.append(path)
    if todo:
        disabled = set(disable or ())
        with loading_models([n for n in cfg.enabled_stages() if n != "read" and n not in disabled]):
            nlp = Pipeline.from_config(cfg, disable=disable or ())
    # Several articles on stdout are JSON Lines: one document per line, whatever --compact says.
    indent = None if compact or (out is None and len(articles) > 1) else 2
    progress = _progress(len(todo), "articles") if out is not None and len(todo) > 1 else None
    for index, article in todo:
        path = articles[index]
        try:
            article = nlp(article)
        except DiploError as exc:
            report_error(exc)
            failed.append(path)
            continue
        finally:
            if progress is not None:
                progress.update(1)
        document = article.to_json(indent=indent)
        if targets is None:
            sys.stdout.write(document + "\n")
            sys.stdout.flush()  # a reader of the JSON Lines gets each article as it is done
        else:
            write_atomic(targets[index], document + "\n")
            typer.echo(f"{path} -> {targets[index]}", err=True)
        for warning in article.warnings:
            typer.echo(f"warning: {path}: {warning}", err=True)
    if progress is not None:
        progress.close()
    if failed:
        if len(articles) > 1:
            typer.echo(f"error: {len(failed)} of {len(articles)} articles failed", err=True)
        raise typer.Exit(DiploError.exit_code)


def _output_targets(articles: list[Path], out: Path) -> list[Path]:
    """The JSON file of each article in ``out``.

    Raises:
        OutputError: Two inputs share a file name (their JSON would overwrite each other), or an
            input would be overwritten by its own JSON.
    """
    targets: list[Path] = []
    first: dict[Path, Path] = {}
    for path in articles:
        target = out / ("stdin.json" if str(path) == "-" else path.stem + ".json")
        if target in first:
            raise OutputError(
                str(target),
                f"would be written for both {first[target]} and {path}; "
                "rename one of them or run them with different --out folders",
            )
        if target.resolve() == path.resolve():
            raise OutputError(str(target), "the output would overwrite the input file")
        first[target] = path
        targets.append(target)
    return targets


@app.command("read", cls=PlainHelpCommand, short_help="Show the structure the reader finds in an article.")
def read_command(
    article: Annotated[
        Path, typer.Argument(metavar="ARTICLE", help=f"Article text file ({ENCODINGS}).", show_default=False)
    ],
    encoding: Annotated[
        str | None, typer.Option("--encoding", metavar="CODEC", help="Force the input encoding (e.g. cp1256).")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            metavar="FILE",
            help="Pipeline config whose [stages.read] is used (default: configs/pipeline.toml).",
        ),
    ] = None,
) -> None:
    """Show the structure the reader finds: metadata, abstracts, keywords, headings, passages."""
    from .config import load_config
    from .reader import ReaderSettings, read_article

    # The reader settings of the config, as `diplo run` reads the article (they were the defaults).
    settings = ReaderSettings.from_dict(load_config(config).stage_settings("read"))
    doc = read_article(article, encoding=encoding, settings=settings)
    echo = typer.echo
    echo(f"source: {doc.source} ({doc.encoding})")
    for key, span in doc.metadata.items():
        if key != "archive_notice":
            echo(f"{key}: {_one_line(span.text)}")  # a title or keyword wrapped in the raw text: one line here
    echo(f"keywords (ar): {' | '.join(_one_line(k.text) for k in doc.keywords_ar)}")
    echo(f"keywords (en): {' | '.join(_one_line(k.text) for k in doc.keywords_en)}")
    items: list[tuple[int, str]] = [(s.start, f"{'#' * s.level} {s.heading}") for s in doc.sections]
    for passage in doc.passages:
        label = passage.kind + (f" {passage.number}" if passage.number else "")
        text = passage.text if len(passage.text) <= 90 else passage.text[:87] + "..."
        items.append((passage.start, f"  [{passage.id} {label} {passage.lang}] {text}"))
    for _, line in sorted(items, key=lambda item: item[0]):
        echo(line)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- stage commands: each stage registers its command below -------------------
# (repair) ------------------------------------------------------------------
from .repair.cli import repair_command  # noqa: E402 - registered in the stage block

app.command("repair", cls=PlainHelpCommand, short_help="Repair OCR damage in Arabic text.")(repair_command)
# (align) -------------------------------------------------------------------
from .align.cli import align_command  # noqa: E402 - registered in the stage block

app.command("align", cls=PlainHelpCommand, short_help="Align an article's Arabic and English parts.")(align_command)
# (ner) ---------------------------------------------------------------------
from .ner.cli import train_ner_command  # noqa: E402 - registered in the stage block

train_app.command("ner", cls=PlainHelpCommand, short_help="Rebuild the Arabic NER model.")(train_ner_command)
# (classify) ----------------------------------------------------------------
from .classify.cli import train_classifier_command  # noqa: E402 - registered in the stage block

train_app.command("classifier", cls=PlainHelpCommand, short_help="Retrain the passage classifier.")(
    train_classifier_command
)
# (review) ------------------------------------------------------------------
from .review import review_command  # noqa: E402 - registered in the stage block

app.command("review", cls=PlainHelpCommand, short_help="Write an HTML page to review a processed article.")(
    review_command
)
# -- end of stage commands ----------------------------------------------------


@app.command("evaluate", cls=PlainHelpCommand, short_help="Score every stage against the annotated corpus.")
def evaluate_command(
    corpus: Annotated[
        Path | None, typer.Option("--corpus", metavar="DIR", help="Annotated corpus folder (default: corpus/).")
    ] = None,
    stage: Annotated[
        list[str] | None,
        typer.Option(
            "--stage",
            "-s",
            metavar="STAGE",
            help="Evaluate only this stage (repeatable): read, repair, align, ner, classify. "
            "classify (a cross-validation) takes several minutes.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Write the report as JSON to this file (default: evaluation.json in the current folder).",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", metavar="FILE", help="Pipeline config (default: configs/pipeline.toml)."),
    ] = None,
    set_: Annotated[list[str] | None, SET_OPTION] = None,
) -> None:
    """Score every stage against the annotated corpus: a table on stdout and the report as JSON in a file.

    Without --out the JSON report is written to evaluation.json in the current folder. Progress
    (model loading, each stage's start and time) goes to stderr.
    """
    from .config import load_config, with_overrides
    from .evaluate import evaluate_corpus, format_report
    from .textio import write_atomic

    target = out or Path("evaluation.json")
    ensure_writable_file(target)  # before the models load and the evaluation runs
    cfg = with_overrides(load_config(config), set_ or [])
    report = evaluate_corpus(corpus, stages=stage or None, config=cfg, log=log)
    typer.echo(format_report(report))
    write_atomic(target, report.to_json() + "\n")
    typer.echo(f"report written to {target}", err=True)


# -- helpers shared by the commands ------------------------------------------


def log(message: str) -> None:
    """Write a progress line to stderr (stdout carries only the command's output)."""
    typer.echo(message, err=True)


@contextmanager
def loading_models(stages: list[str]) -> Iterator[None]:
    """Say on stderr that the models of ``stages`` load, and how long they took."""
    if not stages:
        yield
        return
    log(f"loading models ({', '.join(stages)})...")
    started = time.perf_counter()
    yield
    log(f"models loaded in {time.perf_counter() - started:.1f} s")


def report_error(exc: DiploError) -> None:
    """An error as one line on stderr; with ``--debug`` its traceback first."""
    if _STATE["debug"]:
        traceback.print_exception(exc)
    # One line, whatever the message quotes (spaCy's config errors, for one, span several lines).
    message = " ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    typer.echo(f"error: {message}", err=True)


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
        report_error(exc)
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
