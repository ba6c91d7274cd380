"""Decoding article files: forced codecs, Windows-1256 detection, and the Arabic-letter message."""

from __future__ import annotations

import random

import pytest

from pipeline.errors import InputError
from pipeline.reader import read_article
from pipeline.textio import arabic_letter_count, arabic_shortage, decode_bytes, read_text_file

# -- a forced encoding -------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_forced_utf16_without_a_byte_order_mark_is_read(tmp_path, seed_raw, codec):
    """--encoding utf-16-le was refused as 'a binary file (it contains NUL bytes)' before the codec was tried."""
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(seed_raw.encode(codec))
    text, used = read_text_file(path, codec)
    assert used == codec and text == seed_raw
    article = read_article(path, encoding=codec)
    assert article.encoding == codec and article.raw == seed_raw
    assert [p.text for p in article.passages] == [p.text for p in read_article(seed_raw, name="s").passages]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_still_refused_unforced_with_a_hint(tmp_path, seed_raw, codec):
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(seed_raw.encode(codec))
    with pytest.raises(InputError) as info:
        read_text_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}: this is a binary file (it contains NUL bytes), not a text article")
    assert message.endswith(f"without a byte-order mark: pass --encoding {codec}")


def test_a_real_binary_gets_no_utf16_hint_and_a_forced_codec_still_refuses_nul():
    elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00" * 8
    with pytest.raises(InputError) as info:
        decode_bytes(elf, "a.out")
    assert str(info.value) == "a.out: this is a binary file (it contains NUL bytes), not a text article"
    with pytest.raises(InputError, match=r"a\.out: contains NUL characters when decoded as latin-1"):
        decode_bytes(elf, "a.out", "latin-1")


def test_forced_codec_keeps_its_other_errors(seed_raw):
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode_bytes(seed_raw.encode("utf-16-le"), "f", "klingon")
    odd = seed_raw.encode("utf-16-le")[:-1]  # cut in the middle of a UTF-16 code unit
    with pytest.raises(InputError, match=r"f: cannot be decoded as utf-16-le: invalid byte 0x"):
        decode_bytes(odd, "f", "utf-16-le")


# -- Windows-1256 or another codec -----------------------------------------------------------------


def _abstracts_only(seed_raw: str) -> str:
    """The seed from its «الملخص» heading to its English keywords: more English letters than Arabic ones."""
    start = seed_raw.index("الملخص")
    end = seed_raw.index("international relations.", seed_raw.index("Keywords:")) + len("international relations.")
    return seed_raw[start:end] + "\n"


def test_a_short_bilingual_windows_1256_article_is_read(tmp_path, seed_raw):
    """More English than Arabic letters: refused as 'not Arabic Windows-1256' when ASCII letters counted against."""
    text = _abstracts_only(seed_raw)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    assert latin > arabic_letter_count(text) > 400  # the case that was refused
    path = tmp_path / "abstracts-cp1256.txt"
    path.write_bytes(text.encode("cp1256"))
    assert read_text_file(path) == (text, "cp1256")
    article = read_article(path)
    assert [p.lang for p in article.passages if p.kind == "abstract"] == ["ar", "ar", "en", "en"]


def test_the_whole_seed_and_an_ocr_noisy_seed_in_windows_1256(seed_raw):
    from pipeline.repair.noise import add_noise

    for text in (seed_raw, add_noise(seed_raw, 0.3, seed=5).text):
        data = text.encode("cp1256", errors="replace")
        assert decode_bytes(data, "s") == (data.decode("cp1256"), "cp1256")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # Latin-1 German: ä is ن in Windows-1256, inside Latin words.
        ("latin-1 German", "Die Digitalisierung verändert die Außenpolitik: Mädchen, Bär, Käse.".encode("latin-1") * 3),
        # Windows-1251 and KOI8-R Russian: Arabic letters mixed with é/à, or ة/ى inside words.
        ("cp1251 Russian", "Дипломатия это искусство ведения переговоров между государствами.".encode("cp1251") * 3),
        ("koi8-r Russian", "Дипломатия это искусство ведения переговоров между государствами.".encode("koi8-r") * 3),
        ("gbk Chinese", "数字外交是国际关系中的新现象，它改变了国家之间的交流方式。".encode("gbk") * 5),
        ("shift-jis Japanese", "デジタル外交は国際関係における新しい現象です。".encode("shift_jis") * 5),
    ],
)
def test_other_codecs_are_not_read_as_windows_1256(name, data):
    """Each of these used to pass as Windows-1256 (Arabic letters outnumbered ASCII ones) except German."""
    with pytest.raises(InputError, match="not Arabic Windows-1256; pass --encoding"):
        decode_bytes(data, name)


@pytest.mark.parametrize("codec", ["iso8859_6", "mac_arabic"])
def test_arabic_in_another_arabic_codec_is_not_read_as_windows_1256(seed_raw, codec):
    """The seed in ISO-8859-6 or Mac Arabic reads as Windows-1256 mojibake («دèنêة» for «دولية»)."""
    with pytest.raises(InputError, match="not Arabic Windows-1256"):
        decode_bytes(seed_raw.encode(codec, errors="ignore"), codec)


def test_utf8_with_many_bad_bytes_is_not_read_as_windows_1256(seed_raw):
    """Too damaged for the 'UTF-8 Arabic with N invalid byte sequences' message, and no Windows-1256 text either."""
    data = bytearray(seed_raw.encode("utf-8"))
    for i in random.Random(1).sample(range(len(data)), len(data) // 15):
        data[i] = 0xFF
    with pytest.raises(InputError, match="not UTF-8 .* and not Arabic Windows-1256"):
        decode_bytes(bytes(data), "damaged")


def test_damaged_utf8_of_the_bilingual_excerpt_is_still_refused(seed_raw):
    data = _abstracts_only(seed_raw).encode("utf-8")
    cut = next(i for i in range(len(data) // 3, len(data)) if 0x80 <= data[i] < 0xC0)
    with pytest.raises(InputError, match=r"is UTF-8 Arabic with \d+ invalid byte sequence"):
        decode_bytes(data[:cut] + b"\xff" + data[cut:], "damaged")


# -- too little Arabic -----------------------------------------------------------------------------


def test_a_very_short_arabic_text_is_told_how_many_letters_it_has():
    assert arabic_shortage("مرحبا بالعالم\n", 20) == (
        "only 12 Arabic letters (an article needs at least 20; setting [stages.read] min_arabic_letters)"
    )
    assert arabic_shortage("Only English here.", 20) == "no Arabic text found (expected an Arabic article)"
    assert arabic_shortage("ب", 2).startswith("only 1 Arabic letter (")
    assert arabic_shortage("مرحبا بالعالم\n", 12) is None


def test_write_atomic_keeps_links_pipes_and_devices(tmp_path):
    """`-o /dev/null` as root replaced the machine's /dev/null with a plain file (rename over it)."""
    import os
    import stat
    import threading

    from pipeline.textio import write_atomic

    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == ["through the pipe"] and stat.S_ISFIFO(fifo.stat().st_mode)

    if os.geteuid() == 0:  # a copy of /dev/null (major 1, minor 3) in the test folder
        null = tmp_path / "null"
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        write_atomic(null, "gone")
        assert stat.S_ISCHR(null.stat().st_mode)


# -- folders a killed training run left beside its model folder ----------------------------------

_KILLED_DURING_SWAP = """
import os, signal, sys
from pathlib import Path
import pipeline.textio as textio
target, when = Path(sys.argv[1]), sys.argv[2]
new = textio.new_folder_beside(target)
(new / "meta.json").write_text("{}", encoding="utf-8")
if when == "before-renames":  # killed while the new folder is being filled
    os.kill(os.getpid(), signal.SIGKILL)
real_rename = Path.rename
def rename(self, dest):
    real_rename(self, dest)
    os.kill(os.getpid(), signal.SIGKILL)  # killed between the swap's two renames
Path.rename = rename
textio.swap_folder_in(new, target)
"""


def _killed_run(target, when):
    """Run new_folder_beside/swap_folder_in in a child process that is killed (SIGKILL) at ``when``."""
    import signal
    import subprocess
    import sys

    child = subprocess.run([sys.executable, "-c", _KILLED_DURING_SWAP, str(target), when], check=False)
    assert child.returncode == -signal.SIGKILL


def test_a_killed_runs_new_folder_is_removed_by_the_next_run_and_nothing_else(tmp_path):
    import os
    import subprocess
    import time

    from pipeline.textio import remove_stale_folders_beside

    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text('{"old": true}', encoding="utf-8")
    _killed_run(model, "before-renames")
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".model.") and p.name.endswith(".new")]
    assert len(left) == 1 and (left[0] / "meta.json").exists()  # what a killed run leaves

    # Not ours to remove: another model's folder, a live run's folder, a recent folder without a pid.
    other = tmp_path / ".model-v2.1.abc.new"
    live = subprocess.Popen(["sleep", "60"])
    try:
        running = tmp_path / f".model.{live.pid}.xyz.new"
        recent = tmp_path / ".model.k3j9x1_q.new"
        for folder in (other, running, recent):
            folder.mkdir()
        old_legacy = tmp_path / ".model.a8d7f2zz.new"  # an older code's name, left hours ago
        old_legacy.mkdir()
        hours_ago = time.time() - 3 * 3600
        os.utime(old_legacy, (hours_ago, hours_ago))

        done = remove_stale_folders_beside(model)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["model", other.name, running.name, recent.name]
        )
        assert (model / "meta.json").read_text(encoding="utf-8") == '{"old": true}'
        assert len(done) == 2 and all("removed" in line for line in done)
    finally:
        live.kill()
        live.wait()
    # Once its process has ended, the live run's folder is stale too.
    remove_stale_folders_beside(model)
    assert not running.exists()


def test_a_run_killed_between_the_swaps_renames_gets_its_model_back(tmp_path):
    from pipeline.textio import remove_stale_folders_beside

    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text('{"old": true}', encoding="utf-8")
    _killed_run(model, "between-renames")
    assert not model.exists()  # the model folder was renamed away, the new one not yet in place

    done = remove_stale_folders_beside(model)
    assert (model / "meta.json").read_text(encoding="utf-8") == '{"old": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["model"]
    assert any("restored" in line for line in done)


def test_only_the_folder_name_counts_not_a_file_or_a_link(tmp_path):
    import os

    from pipeline.textio import remove_stale_folders_beside

    model = tmp_path / "model"
    dead = 2**22 + 12345  # above any pid this machine hands out (pid_max is at most 2**22)
    (tmp_path / f".model.{dead}.abc.new").write_text("a file, not a folder", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, tmp_path / f".model.{dead}.lnk.new")
    assert remove_stale_folders_beside(model) == []
    assert elsewhere.is_dir() and (tmp_path / f".model.{dead}.abc.new").is_file()
