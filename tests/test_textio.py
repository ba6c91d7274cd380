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
