"""Reading article files into text, and writing outputs atomically.

Decoding is explicit: UTF-8 (with or without a byte-order mark) and
Windows-1256 are recognised; anything else needs ``encoding=``. The decoded
text is the article's raw text: it is not normalised (no NFC/NFKC), so every
offset the pipeline reports points at the characters of the file. The only
change is that a UTF-8 byte-order mark is not part of the text.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from pathlib import Path

from .errors import InputError, InputNotFoundError, OutputError

# Letters, and their presentation-form glyph codes (PDF text extraction gives ﺍﻟﻤﻠﺨﺺ for الملخص).
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE80-\uFEFC]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
# C0 controls other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0B\x0E-\x1F\x7F]")
# Letters of Windows-1256 that are not Arabic: a real cp1256 Arabic text is mostly Arabic letters.
_MIN_ARABIC_SHARE_CP1256 = 0.5
# A text with at least this many UTF-8 Arabic letters per invalid sequence is damaged UTF-8, not
# another codec (read as Windows-1256 nearly every Arabic letter of a UTF-8 file is invalid UTF-8).
_MAX_BAD_PER_UTF8_LETTERS = 20


def arabic_letter_count(text: str) -> int:
    """Number of Arabic letters in ``text``."""
    return len(_ARABIC_LETTER.findall(text))


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode an article file.

    Args:
        data: The file's bytes.
        source: The file name, for messages.
        encoding: Force this codec instead of detecting one.

    Returns:
        ``(text, encoding)`` where ``encoding`` names the codec that was used.

    Raises:
        InputError: Empty, binary, undecodable, or an unknown forced codec.
    """
    if not data.strip():
        raise InputError(source, "the file is empty")
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Before the NUL test: UTF-16 text (Notepad's "Unicode") is full of NUL bytes.
        try:
            return _check_text(data.decode("utf-16"), source), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"starts with a UTF-16 byte-order mark but has invalid UTF-16 at byte offset {exc.start}"
            ) from None
    if b"\x00" in data[:8192]:
        raise InputError(source, "this is a binary file (it contains NUL bytes), not a text article")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(source, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                source,
                f"cannot be decoded as {encoding}: invalid byte 0x{data[exc.start]:02x} at byte offset {exc.start}",
            ) from None
        return _check_text(text.removeprefix("\ufeff"), source), encoding
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _check_text(data[len(codecs.BOM_UTF8) :].decode("utf-8"), source), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"starts with a UTF-8 byte-order mark but has invalid UTF-8 at byte offset {exc.start + 3}"
            ) from None
    try:
        return _check_text(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    _refuse_damaged_utf8(data, source, utf8_error)
    # Not UTF-8: the only other encoding Arabic PDFs are commonly converted to is Windows-1256.
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        letters = arabic_letter_count(text) + len(_LATIN_LETTER.findall(text))
        if letters and arabic_letter_count(text) / letters >= _MIN_ARABIC_SHARE_CP1256:
            return _check_text(text, source), "cp1256"
    raise InputError(
        source,
        f"undecodable bytes: not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at byte offset {utf8_error.start}) "
        "and not Arabic Windows-1256; pass --encoding to name the codec",
    )


def _refuse_damaged_utf8(data: bytes, source: str, error: UnicodeDecodeError) -> None:
    """Refuse UTF-8 Arabic with a few bad bytes (a file cut mid-character, a damaged byte).

    Such a file is not Windows-1256: read as cp1256, its UTF-8 letter pairs turn into
    mojibake that is itself mostly Arabic letters (ط, ظ) and passed the cp1256 test.

    Raises:
        InputError: The bytes are UTF-8 Arabic apart from a few invalid sequences.
    """
    lenient = data.decode("utf-8", errors="replace")
    arabic = arabic_letter_count(lenient)
    bad = lenient.count("\ufffd")
    if arabic < 20 or bad * _MAX_BAD_PER_UTF8_LETTERS > arabic:
        return
    if error.end == len(data) and "end of data" in error.reason:
        raise InputError(
            source, f"ends in the middle of a UTF-8 character (byte offset {error.start}): the file looks cut off"
        )
    raise InputError(
        source,
        f"is UTF-8 Arabic with {bad} invalid byte sequence(s), the first 0x{data[error.start]:02x} at byte offset "
        f"{error.start}; repair the file or pass --encoding to name its codec",
    )


def _check_text(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(source, "the file is empty")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(3, len(text[:20000]) // 100):
        raise InputError(source, "this looks like a binary file (many control characters), not a text article")
    return text


def read_text_file(path: str | Path, encoding: str | None = None) -> tuple[str, str]:
    """Read and decode an article file (see :func:`decode_bytes`).

    Raises:
        InputNotFoundError: The path does not exist or is a directory.
        InputError: The file cannot be read or decoded.
    """
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(str(p), "no such file")
    if p.is_dir():
        raise InputNotFoundError(str(p), "is a directory, expected a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(str(p), f"cannot be read ({exc.strerror})") from None
    return decode_bytes(data, str(p), encoding)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` so readers never see a half-written file.

    The text goes to a temporary file in the same folder, which then replaces
    the target in one rename.

    Raises:
        OutputError: The target is a folder, or it or its folder cannot be created or written.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(str(target), "is a folder, expected a file name to write")
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputError(str(target.parent), "is a file, expected a folder to write into")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        # e.g. a folder without write permission, or a path under a missing mount.
        raise OutputError(str(target), f"cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            # mkstemp creates the file readable by its owner only; give it the mode a plain open() would.
            os.fchmod(handle.fileno(), 0o666 & ~_umask())
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(str(target), f"cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file-creation mask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
