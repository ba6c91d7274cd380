"""``diplo align ARTICLE [--format table|tmx|tsv]``: align one article's Arabic and English parts."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from ..document import Article

FORMATS = ("table", "tmx", "tsv")


def align_article(
    path: Path,
    config: Path | None = None,
    encoding: str | None = None,
    log: Callable[[str], None] | None = None,
) -> Article:
    """Read an article, run the configured stages that come before ``align`` (e.g. repair), then align it.

    Args:
        path: The article text file.
        config: Pipeline config (default ``configs/pipeline.toml``).
        encoding: Force the input encoding.
        log: Called with progress lines (models loading and the time they took); silent when omitted.

    Returns:
        The article with sentences and alignment links.
    """
    from ..config import load_config
    from ..reader import ReaderSettings, read_article
    from ..runner import Pipeline
    from .stage import AlignStage

    cfg = load_config(config)
    names = cfg.enabled_stages()
    # Keep the stages that run before align; add align when the config leaves it out.
    before = names[: names.index("align")] if "align" in names else [n for n in names if n in ("read", "repair")]
    # Read first: an unreadable file is reported before any model loads.
    article = read_article(path, encoding=encoding, settings=ReaderSettings.from_dict(cfg.stage_settings("read")))
    cfg_before = type(cfg)(stages=before, settings=cfg.settings, root=cfg.root, path=cfg.path)
    if log is not None:
        log(f"loading models ({', '.join([*before[1:], 'align'])})...")
    started = time.perf_counter()
    pipe = Pipeline.from_config(cfg_before)
    stage = AlignStage.from_settings(cfg.stage_settings("align"), cfg)
    if log is not None:
        log(f"models loaded in {time.perf_counter() - started:.1f} s")
    article = stage(pipe(article))
    article.stages.append("align")
    return article


def render(article: Article, fmt: str, width: int = 120) -> str:
    """The article's links as a ``table`` (``width`` terminal cells wide), ``tmx`` or ``tsv`` document.

    Raises:
        ValueError: An unknown format.
    """
    from .formats import aligned_pairs, to_table, to_tmx, to_tsv

    pairs = aligned_pairs(article)
    if fmt == "table":
        return to_table(pairs, width)
    if fmt == "tmx":
        return to_tmx(pairs, source=article.source)
    if fmt == "tsv":
        return to_tsv(pairs)
    raise ValueError(f"--format: expected one of {', '.join(FORMATS)}, found {fmt!r}")


def align_command(
    article: Annotated[Path, typer.Argument(metavar="ARTICLE", help="An article text file.", show_default=False)],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="table|tmx|tsv", help="Output: table (side by side), tmx (TMX 1.4) or tsv."
        ),
    ] = "table",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="Write to this file (its folder is created) instead of stdout (-)."
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", metavar="FILE", help="Pipeline config (default: configs/pipeline.toml)."),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", metavar="CODEC", help="Force the input encoding (e.g. cp1256).")
    ] = None,
) -> None:
    """Align the Arabic and English title, keywords and abstract sentences of an article."""
    from ..cli import log
    from ..errors import ConfigError, OutputError
    from ..textio import ensure_writable_file

    if fmt not in FORMATS:
        raise ConfigError(f"--format: expected one of {', '.join(FORMATS)}, found {fmt!r}")
    from ..textio import write_atomic

    if out is not None and str(out) == "-":
        out = None
    if out is not None:
        if out.exists() and article.exists() and out.resolve() == article.resolve():
            raise OutputError(str(out), "is the input article; the output would overwrite it")
        ensure_writable_file(out)  # before the encoder loads
    aligned = align_article(article, config, encoding, log=log)
    width = shutil.get_terminal_size((120, 24)).columns if out is None and sys.stdout.isatty() else 120
    text = render(aligned, fmt, width)
    if out is None:
        # UTF-8 whatever the terminal's locale (the TMX declares UTF-8; Arabic has no Latin-1 form).
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        write_atomic(out, text)
    # Warnings (e.g. no English abstract) go to stderr in every format, so a TMX or TSV file stays clean.
    for warning in aligned.warnings:
        typer.echo(f"warning: {article}: {warning}", err=True)
