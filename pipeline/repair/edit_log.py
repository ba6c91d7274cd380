"""Reviewed edit logs: read a log a reviewer has marked up and apply it to the raw text.

The repair stage writes every edit with its raw offsets, the original
characters and a ``status`` (``applied`` or ``flagged``). A reviewer works on
that log, not on the text:

* to undo an applied edit, set its ``status`` to ``rejected``;
* to accept a flagged suggestion, set its ``status`` to ``applied`` and its
  ``replacement`` to the wanted form (usually one of ``suggestions``).

The loaded edits record the reviewer's decision (``Edit.decision``): ``accepted``
for an applied edit that carries suggestions (only flagged edits get them, so the
rules did not make it) or that a log already marks accepted, ``rejected`` for a
rejected one, empty for the rest.

:func:`load_edit_log` reads such a log (the ``--json`` output of ``diplo
repair``, the JSON of ``diplo run``, or a bare list of edits) and checks it
against the text it is meant for; :func:`apply_edits` then gives the
reviewed text and its map back to the raw characters. Nothing here loads the
lexicons, so applying a log is instant.
"""

from __future__ import annotations

import codecs
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..document import Edit, OffsetMap, Segment
from ..errors import InputError

#: Edit statuses a reviewed log may hold; only ``applied`` edits change the text.
REVIEW_STATUSES = ("applied", "flagged", "rejected")
#: Values of ``Edit.decision``: none (the repair rules decided), or a reviewer's.
REVIEW_DECISIONS = ("", "accepted", "rejected")
_REQUIRED = ("start", "end", "original", "replacement", "status")


def text_sha256(text: str) -> str:
    """The SHA-256 of the UTF-8 bytes of ``text``: names the decoded text an edit log belongs to."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_edit_log(path: str | Path, text: str) -> list[Edit]:
    """Read a (reviewed) edit log and check that it belongs to ``text``.

    Args:
        path: A JSON file: ``diplo repair --json`` output (``{"edits": [...]}``,
            with ``text_sha256``), a ``diplo run`` article (``{"raw": ..., "edits": [...]}``)
            or a bare list of edits.
        text: The decoded text the log's offsets refer to (the article file as read).

    Returns:
        The edits, in the log's order.

    Raises:
        InputError: The file is missing, unreadable or not JSON, holds no edit list,
            an edit lacks a field or has an unknown status, the log was made from
            another text, an edit's ``original`` is not at its offsets, or two
            applied edits overlap.
    """
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "edit log not found") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, expected an edit log JSON file") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(name, "the file is empty (expected an edit log JSON file)")
    # Editors save JSON with a byte-order mark (Notepad, PowerShell), some as UTF-16.
    codec = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        data = json.loads(data.decode(codec))
    except UnicodeDecodeError as exc:
        raise InputError(name, f"expected UTF-8 JSON, found undecodable bytes at {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    mismatch = " (was it made from another file, or from this one before its line ends or encoding changed?)"
    if isinstance(data, dict):
        if "raw" in data and data["raw"] != text:
            raise InputError(name, "this article JSON was made from another text: its 'raw' differs" + mismatch)
        if "text_sha256" in data and data["text_sha256"] != text_sha256(text):
            raise InputError(name, "this edit log was made from another text: its text_sha256 differs" + mismatch)
        items = data.get("edits")
    else:
        items = data
    if not isinstance(items, list):
        raise InputError(name, "expected an edit log: a JSON list of edits or an object with an 'edits' list")
    edits = [_edit(item, i, len(items), name) for i, item in enumerate(items)]
    check_edits(edits, text, name)
    return edits


def _which(i: int, total: int, start: Any = None, end: Any = None, original: Any = None) -> str:
    """How an error names an edit: its place in the log counted from 1, and its offsets and text."""
    where = f"edit {i + 1} of {total}"
    if isinstance(start, int) and isinstance(end, int):
        where += f" (at {start}:{end}" + (f", {original!r})" if isinstance(original, str) else ")")
    return where


def check_edits(edits: Sequence[Edit], text: str, source: str) -> None:
    """Check that every edit's ``original`` is at its offsets and applied edits do not overlap.

    Raises:
        InputError: Naming ``source`` and the first edit (by its index in the log) that fails.
    """
    n = len(edits)
    for i, e in enumerate(edits):
        if e.start > e.end:
            raise InputError(source, f"{_which(i, n, e.start, e.end)}: the start is after the end")
        if not 0 <= e.start <= e.end <= len(text):
            raise InputError(source, f"{_which(i, n, e.start, e.end)}: outside the text ({len(text)} characters)")
        if text[e.start : e.end] != e.original:
            raise InputError(
                source,
                f"{_which(i, n, e.start, e.end)} expects {e.original!r}, the text has {text[e.start : e.end]!r} "
                "(was the log made from another text?)",
            )
    applied = sorted((e.start, e.end, i) for i, e in enumerate(edits) if e.status == "applied")
    for (_, _, a), (_, _, b) in zip(applied, applied[1:]):
        ea, eb = edits[a], edits[b]
        # Two insertions at one place have no order in the text: which comes first is not the log's to say.
        if eb.start < ea.end or (ea.start == ea.end == eb.start == eb.end):
            first, second = _which(a, n, ea.start, ea.end, ea.original), _which(b, n, eb.start, eb.end, eb.original)
            raise InputError(source, f"applied {first} and {second} overlap; reject one of them")


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, OffsetMap]:
    """Apply the applied edits (input offsets, non-overlapping) to ``text``.

    Args:
        text: The input text the edits' offsets refer to.
        edits: Edits; flagged ones are skipped.

    Returns:
        The edited text and the map from its offsets back to ``text``.

    Raises:
        ValueError: Two applied edits overlap or an edit's ``original`` does not match the text.
    """
    out: list[str] = []
    segments: list[Segment] = []
    pos = 0
    d = 0
    for e in sorted((e for e in edits if e.status == "applied"), key=edit_order):
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start} (previous edit ends at {pos})")
        if text[e.start : e.end] != e.original:
            raise ValueError(f"edit at {e.start}:{e.end} expects {e.original!r}, text has {text[e.start : e.end]!r}")
        if e.start > pos:
            out.append(text[pos : e.start])
            segments.append(Segment(d, d + e.start - pos, pos, e.start))
            d += e.start - pos
        if e.replacement:
            out.append(e.replacement)
            segments.append(Segment(d, d + len(e.replacement), e.start, e.end))
            d += len(e.replacement)
        pos = e.end
    if pos < len(text) or not segments:
        out.append(text[pos:])
        segments.append(Segment(d, d + len(text) - pos, pos, len(text)))
    return "".join(out), OffsetMap(segments)


def edit_order(e: Edit) -> tuple[int, int, int]:
    """Sort key of edits: text order, an applied edit before a flagged one at the same place."""
    return (e.start, e.end, 0 if e.status == "applied" else 1)


def _edit(item: Any, index: int, total: int, source: str) -> Edit:
    if not isinstance(item, dict):
        raise InputError(source, f"{_which(index, total)}: expected a JSON object, found {type(item).__name__}")
    which = _which(index, total, item.get("start"), item.get("end"), item.get("original"))
    missing = [k for k in _REQUIRED if k not in item]
    if missing:
        raise InputError(source, f"{which}: missing field(s) {', '.join(missing)}")
    status = item["status"]
    if status not in REVIEW_STATUSES:
        raise InputError(source, f"{which}: status {status!r}, expected one of {', '.join(REVIEW_STATUSES)}")
    start, end = item["start"], item["end"]
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        raise InputError(source, f"{which}: start and end must be integers, found {start!r} and {end!r}")
    if not (isinstance(item["original"], str) and isinstance(item["replacement"], str)):
        raise InputError(source, f"{which}: original and replacement must be strings")
    decision = item.get("decision") or ""
    if decision not in REVIEW_DECISIONS:
        raise InputError(source, f"{which}: decision {decision!r}, expected one of accepted, rejected or \"\"")
    suggestions = [str(s) for s in item.get("suggestions", []) or []]
    return Edit(
        start=start,
        end=end,
        original=item["original"],
        replacement=item["replacement"],
        rule=str(item.get("rule", "")),
        confidence=float(item.get("confidence", 1.0) or 0.0),
        kind=str(item.get("kind", "")),
        status=status,
        suggestions=suggestions,
        passage_id=item.get("passage_id"),
        decision=review_decision(status, decision, suggestions),
    )


def review_decision(status: str, decision: str, suggestions: list[str]) -> str:
    """The reviewer's decision an edit of a reviewed log records (see :attr:`Edit.decision`).

    The status is what the reviewer set last, so it wins over an older decision (an edit
    accepted in one round and rejected in the next reads ``rejected``). An applied edit with
    suggestions was flagged by the rules (they never apply an edit they give suggestions for),
    so a reviewer accepted it.

    Args:
        status: The edit's status in the log.
        decision: The decision the log gives, if any (``""`` when none).
        suggestions: The edit's suggestions in the log.

    Returns:
        ``"accepted"``, ``"rejected"`` or ``""``.
    """
    if status == "rejected":
        return "rejected"
    if status == "applied" and (decision == "accepted" or suggestions):
        return "accepted"
    return ""
