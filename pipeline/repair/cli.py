"""``diplo repair [FILE|-] [--diff] [--json] [--apply LOG]``: repair a text file or stdin, write to stdout."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import ConfigError, InputError


def repair_command(
    source: Annotated[
        Optional[str],
        typer.Argument(
            help="A text file (UTF-8, UTF-8 or UTF-16 with a byte-order mark, or Windows-1256), "
            "or - (the default) for stdin."
        ),
    ] = "-",
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show the edits (applied and flagged), one per line under a header, instead of the text."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Write the edit log as JSON instead of the text.")] = False,
    config: Annotated[
        Optional[Path],
        typer.Option("--config", "-c", metavar="FILE", help="Repair settings TOML (default: configs/repair.toml)."),
    ] = None,
    encoding: Annotated[
        Optional[str], typer.Option("--encoding", metavar="CODEC", help="Force the input encoding (e.g. cp1256).")
    ] = None,
    apply: Annotated[
        Optional[Path],
        typer.Option(
            "--apply",
            metavar="LOG",
            help="Apply a reviewed edit log (the --json output, or a `diplo run` JSON) instead of "
            "repairing: edits marked \"applied\" are made, \"flagged\" and \"rejected\" ones are not. "
            "No lexicon is loaded.",
        ),
    ] = None,
) -> None:
    """Repair OCR damage in Arabic text and write the repaired text to stdout.

    The whole text is repaired as one, headings and references included; `diplo run`
    repairs only the abstracts, paragraphs and list items the reader finds, so its edit
    log can be a few edits shorter on the same file. Lines are repaired as they stand: a
    word broken at a line's end (العد / الة) is joined only by `diplo run`, which knows
    which lines make one paragraph.

    To review: write the log with --json, set an edit's "status" to "rejected" to undo it,
    or to "applied" (with the wanted "replacement") to accept a flagged suggestion, then
    run `diplo repair FILE --apply LOG`. Its --json and --diff say which edits a reviewer
    accepted or rejected ("decision").
    """
    if diff and as_json:
        raise ConfigError("--diff and --json: expected one of them, found both")
    text = _read_source(source or "-", encoding)
    if apply is not None:
        from .edit_log import apply_edits, load_edit_log

        edits = load_edit_log(apply, text)
        clean, _ = apply_edits(text, edits)
    else:
        from ..config import PROJECT_ROOT
        from .core import repair_text
        from .lexicon import Lexicon
        from .stage import load_repair_settings

        overrides = {"config": str(config.resolve())} if config is not None else {}
        settings = load_repair_settings(overrides, root=PROJECT_ROOT)
        result = repair_text(text, Lexicon.load(settings.lexicon), settings)
        clean, edits = result.clean, result.edits
    if as_json:
        from .edit_log import text_sha256

        log = {
            "text_sha256": text_sha256(text),
            "clean": clean,
            "edits": [
                {
                    "start": e.start,
                    "end": e.end,
                    "original": e.original,
                    "replacement": e.replacement,
                    "rule": e.rule,
                    "kind": e.kind,
                    "status": e.status,
                    "confidence": e.confidence,
                    "suggestions": e.suggestions,
                    "decision": e.decision,
                }
                for e in edits
            ],
        }
        sys.stdout.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
    elif diff:
        for line in format_diff(text, edits):
            sys.stdout.write(line + "\n")
    else:
        sys.stdout.write(clean)


#: The header of ``--diff``: what each tab-separated column holds.
DIFF_HEADER = "# line:start-end\tstatus\tkind\trule\toriginal -> replacement\tcontext"


def format_diff(text: str, edits: list) -> list[str]:
    """A header, then one line per edit: place, status, kind (the damage), rule (what repaired it),
    ``original -> replacement`` and the edit in its context on its line, followed by the
    suggestions of a flagged edit and ``reviewer: accepted`` / ``reviewer: rejected`` for an
    edit a person decided (``Edit.decision``).

    The kind and rule are those of ``--json`` and of ``diplo run``'s edit log.
    """
    lines = [DIFF_HEADER]
    for e in edits:
        before = text[: e.start]
        line_no = before.count("\n") + before.count("\r") - before.count("\r\n") + 1  # LF, CRLF or CR
        a = max(before.rfind("\n"), before.rfind("\r")) + 1
        a = max(a, e.start - 25)
        b = min(len(text), e.end + 25)
        for end_of_line in (text.find("\n", e.end), text.find("\r", e.end)):
            if end_of_line != -1:
                b = min(b, end_of_line)
        ctx = text[a : e.start] + "[" + e.original + "→" + e.replacement + "]" + text[e.end : b]
        sugg = f"  suggestions: {', '.join(e.suggestions)}" if e.status == "flagged" else ""
        if e.decision:  # a person's decision, not the rules' (see Edit.decision)
            sugg += f"  reviewer: {e.decision}"
        lines.append(
            f"{line_no}:{e.start}-{e.end}\t{e.status}\t{e.kind}\t{e.rule}\t{e.original!r} -> {e.replacement!r}\t{ctx}{sugg}"
        )
    return lines


def _read_source(source: str, encoding: str | None = None) -> str:
    """The text of ``source`` (a path or ``-`` for stdin), decoded as ``diplo run`` decodes articles.

    Raises:
        InputNotFoundError: No such file, or a directory.
        InputError: Empty, binary, undecodable, or without a single Arabic letter.
    """
    from ..textio import arabic_letter_count, decode_bytes, read_text_file

    if source == "-":
        name = "<stdin>"
        text, _ = decode_bytes(sys.stdin.buffer.read(), name, encoding)
    else:
        name = source
        text, _ = read_text_file(source, encoding)
    if not arabic_letter_count(text):
        raise InputError(name, "no Arabic text found (expected Arabic text to repair)")
    return text
