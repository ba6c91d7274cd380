"""Reading article files into text, and writing outputs atomically.

Decoding is explicit: UTF-8 (with or without a byte-order mark), UTF-16 with
a byte-order mark and Arabic Windows-1256 are recognised; anything else needs
``encoding=`` (``--encoding``), which is then used as given (UTF-16 without a
byte-order mark, for instance). The decoded text is the article's raw text: it
is not normalised (no NFC/NFKC), so every offset the pipeline reports points at
the characters of the file. The only change is that a byte-order mark is not
part of the text.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .errors import InputError, InputNotFoundError, OutputError

# Letters, and their presentation-form glyph codes (PDF text extraction gives ﺍﻟﻤﻠﺨﺺ for الملخص).
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE80-\uFEFC]")
# C0 controls other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0B\x0E-\x1F\x7F]")
# Windows-1256 is accepted only for text that reads as Arabic words: Arabic letters are at least
# this share of the letters outside ASCII (English words are neutral, a bilingual text may be mostly
# English), and at most _MAX_MALFORMED_CP1256 of the words holding an Arabic letter are malformed: a
# word that mixes in another letter (Latin-1 "Mädchen" reads "Mنdchen", ISO-8859-6 Arabic "دèنêة"),
# or has ة/ى before its last letter (KOI8-R Russian reads as Arabic letters with ة for "и").
# Measured: cp1256 Arabic 0-0.02 (the seed with 20% OCR noise 0.017); other codecs and UTF-8 with
# many bad bytes 0.18-1.0.
_MIN_ARABIC_SHARE_CP1256 = 0.5
_MAX_MALFORMED_CP1256 = 0.1
_WORD = re.compile(r"[^\W\d_]+")
# Arabic marks and tatweel: not letters to \w, they would split a word in two.
_ARABIC_MARK = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
_WORD_FINAL_ONLY = frozenset("\u0629\u0649")  # ة ى
# A text with at least this many UTF-8 Arabic letters per invalid sequence is damaged UTF-8, not
# another codec (read as Windows-1256 nearly every Arabic letter of a UTF-8 file is invalid UTF-8).
_MAX_BAD_PER_UTF8_LETTERS = 20


def arabic_letter_count(text: str) -> int:
    """Number of Arabic letters in ``text``."""
    return len(_ARABIC_LETTER.findall(text))


def arabic_shortage(text: str, minimum: int) -> str | None:
    """The problem to report when ``text`` has too few Arabic letters for an article, else None.

    Args:
        text: The decoded text.
        minimum: Fewest Arabic letters an article needs (``[stages.read] min_arabic_letters``).

    Returns:
        ``"no Arabic text found ..."`` without a single Arabic letter, ``"only N Arabic letters ..."``
        with fewer than ``minimum``, None when there are enough.
    """
    count = arabic_letter_count(text)
    if count >= minimum:
        return None
    if count == 0:
        return "no Arabic text found (expected an Arabic article)"
    letters = "letter" if count == 1 else "letters"
    return (
        f"only {count} Arabic {letters} (an article needs at least {minimum}; "
        "setting [stages.read] min_arabic_letters)"
    )


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode an article file.

    Args:
        data: The file's bytes.
        source: The file name, for messages.
        encoding: Force this codec instead of detecting one; the bytes are decoded with it
            as they are (a NUL byte is then only refused if the decoded text holds NUL).

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
    if encoding is not None:
        # A forced codec decides what the bytes mean: UTF-16 without a byte-order mark is full of NUL
        # bytes, so the NUL test applies to the decoded text, not to the bytes.
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
        text = text.removeprefix("\ufeff")
        if "\x00" in text[:8192]:
            raise InputError(
                source, f"contains NUL characters when decoded as {encoding}: a binary file, or not {encoding} text"
            )
        return _check_text(text, source), encoding
    if b"\x00" in data[:8192]:
        raise InputError(
            source, "this is a binary file (it contains NUL bytes), not a text article" + _utf16_hint(data)
        )
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
    if text is not None and _reads_as_arabic(text):
        return _check_text(text, source), "cp1256"
    raise InputError(
        source,
        f"undecodable bytes: not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at byte offset {utf8_error.start}) "
        "and not Arabic Windows-1256; pass --encoding to name the codec",
    )


def _utf16_hint(data: bytes) -> str:
    """A hint for a refused file that decodes as Arabic UTF-16 without a byte-order mark ("" otherwise)."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and not _CONTROL.search(text[:20000]) and arabic_letter_count(text):
            return f"; it reads as Arabic {codec.upper()} without a byte-order mark: pass --encoding {codec}"
    return ""


def _reads_as_arabic(text: str) -> bool:
    """Whether a Windows-1256 reading of a file gives Arabic words, not another codec misread.

    ASCII letters do not count either way: a bilingual article may hold more English than Arabic.
    """
    ar_letters = arabic_letter_count(text)
    other = sum(1 for c in text if ord(c) > 127 and c.isalpha() and not _ARABIC_LETTER.match(c))
    if not ar_letters or ar_letters < _MIN_ARABIC_SHARE_CP1256 * (ar_letters + other):
        return False
    arabic_words = malformed = 0
    for word in _WORD.findall(_ARABIC_MARK.sub("", text)):
        if not _ARABIC_LETTER.search(word):
            continue
        arabic_words += 1
        if any(not _ARABIC_LETTER.match(c) for c in word) or any(c in _WORD_FINAL_ONLY for c in word[:-1]):
            malformed += 1
    return malformed <= _MAX_MALFORMED_CP1256 * arabic_words


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
    the target in one rename. A symbolic link is followed (the file it points to is
    replaced, the link stays), and a target that exists but is no regular file (a
    device such as ``/dev/null`` or ``/dev/stdout``, a named pipe) is written into
    directly: a rename would replace it with a plain file.

    Raises:
        OutputError: The target is a folder, or it or its folder cannot be created or written.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode  # follows symbolic links
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(str(target), f"cannot be written ({exc.strerror or exc})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(str(target), "is a folder, expected a file name to write")
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise OutputError(str(target), f"cannot be written ({exc.strerror or exc})") from None
        return
    if target.is_symlink():
        target = target.resolve()
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


def ensure_writable_folder(folder: Path) -> None:
    """Create ``folder`` if needed and check that a file can be written in it (a temporary file, removed).

    Raises:
        OutputError: ``folder`` is a file, or it cannot be created or written.
    """
    if folder.exists() and not folder.is_dir():
        raise OutputError(str(folder), "is a file, expected a folder to write into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".diplo-write-test.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(str(folder), f"cannot be written ({exc.strerror or exc})") from None
    os.close(fd)
    os.unlink(probe)


def ensure_writable_file(target: Path) -> None:
    """Check that ``target`` can be written (its folder is created if needed), before the work that fills it.

    Raises:
        OutputError: ``target`` is a folder, or its folder cannot be created or written.
    """
    if target.is_dir():
        raise OutputError(str(target), "is a folder, expected a file name to write")
    ensure_writable_folder(target.parent)


def check_model_output(output: str | Path, is_model_folder: Callable[[Path], bool], not_a_model: str) -> None:
    """Refuse, before any training, an output that a finished run must not replace.

    Allowed: a path that does not exist, an empty folder, or a folder ``is_model_folder``
    accepts (a model the run may replace).

    Args:
        output: The folder a train command is to write.
        is_model_folder: Whether a folder is a model of the kind the command writes.
        not_a_model: The error's text for any other folder (what it lacks).

    Raises:
        OutputError: ``output`` is a file, or a folder holding anything else.
    """
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise OutputError(str(out), "is a file, expected a model folder to write (a new, empty or model folder)")
    if out.is_dir() and any(out.iterdir()) and not is_model_folder(out):
        raise OutputError(str(out), f"{not_a_model}; it would be replaced: name a new or empty folder")


def new_folder_beside(output: Path) -> Path:
    """An empty folder next to ``output`` (same file system, so :func:`swap_folder_in` is a rename).

    Its name, ``.<name>.<pid>.<random>.new``, says which process writes it, so that a later run
    can tell the folder of a killed run from one still being written
    (:func:`remove_stale_folders_beside`).

    Raises:
        OutputError: The parent folder cannot be created or written.
    """
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f".{output.name}.{os.getpid()}.", suffix=".new", dir=output.parent))
    except OSError as exc:
        raise OutputError(str(output.parent), f"cannot be written ({exc.strerror or exc})") from None
    folder.chmod(0o777 & ~_umask())  # mkdtemp makes it owner-only; give it a plain mkdir's mode
    return folder


def swap_folder_in(new: Path, output: Path, kept: str = "*.md") -> None:
    """Put the finished folder ``new`` in place of ``output`` by renames, the old folder removed last.

    Files of the old folder matching ``kept`` (its model card, its notes) that ``new`` lacks are
    carried over. If the last rename fails, the old folder is put back.
    """
    old = None
    if output.exists():
        for doc in output.glob(kept):
            if doc.is_file() and not (new / doc.name).exists():
                shutil.copy2(doc, new / doc.name)
        old = output.with_name(f".{output.name}.old-{os.getpid()}")
        output.rename(old)
    try:
        new.rename(output)
    except OSError:
        if old is not None:
            old.rename(output)
        raise
    if old is not None:
        shutil.rmtree(old)


#: A folder of :func:`new_folder_beside` or :func:`swap_folder_in` older than this is stale whoever
#: made it: writing a model folder and swapping it in takes seconds.
STALE_AFTER_SECONDS = 3600.0


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OverflowError:
        return False  # no process has such a number
    return True


def _stale(path: Path, pid: int | None, now: float) -> bool:
    """Whether a leftover folder belongs to no running process: its writer has ended, or it is old."""
    if pid == os.getpid():
        return False
    if pid is not None and not _process_alive(pid):
        return True
    try:
        return now - path.lstat().st_mtime > STALE_AFTER_SECONDS
    except OSError:
        return False


def remove_stale_folders_beside(output: Path) -> list[str]:
    """Clear what a killed run of :func:`new_folder_beside` / :func:`swap_folder_in` left beside ``output``.

    Only folders named as those two functions name them for ``output`` are looked at:
    ``.<name>.<pid>.<random>.new`` (or ``.<name>.<random>.new`` from older code) and
    ``.<name>.old-<pid>``, never ``output`` itself, files or symbolic links. One is stale when the
    process named in it has ended, or when it is older than :data:`STALE_AFTER_SECONDS`; a
    folder a running process may still be writing is left alone. A stale ``.new`` folder is
    removed. A stale ``.old-<pid>`` folder is the previous model: removed when ``output`` exists
    (the swap had finished), put back as ``output`` when it does not (the run was killed between
    the swap's two renames, which left no model in place).

    Args:
        output: The model folder a run is about to write.

    Returns:
        One line per folder removed or restored, for the run's log (empty when nothing was left).
    """
    parent = output.parent
    if not parent.is_dir():
        return []
    name = re.escape(output.name)
    new_name = re.compile(rf"\.{name}\.(?:(\d+)\.)?[A-Za-z0-9_]+\.new")
    old_name = re.compile(rf"\.{name}\.old-(\d+)")
    now = time.time()
    news: list[Path] = []
    olds: list[Path] = []
    for path in parent.iterdir():
        if path == output or path.is_symlink() or not path.is_dir():
            continue
        if m := new_name.fullmatch(path.name):
            if _stale(path, int(m.group(1)) if m.group(1) else None, now):
                news.append(path)
        elif (m := old_name.fullmatch(path.name)) and _stale(path, int(m.group(1)), now):
            olds.append(path)
    done = []
    # The newest old model goes back in place when the killed swap left none.
    olds.sort(key=lambda p: p.lstat().st_mtime, reverse=True)
    if olds and not output.exists():
        olds[0].rename(output)
        done.append(f"restored {output} from {olds[0].name}, left by a run killed while swapping its model in")
        olds = olds[1:]
    for path in [*news, *olds]:
        shutil.rmtree(path, ignore_errors=True)
        done.append(f"removed {path}, left by a killed run")
    return done
