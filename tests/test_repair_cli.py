"""`diplo repair [FILE|-]`: reading files and stdin like `diplo run`, one-line errors, a reproducible edit log."""

from __future__ import annotations

import hashlib
import io
import json
import sys

import pytest

from pipeline.cli import main


def _seed_excerpt(seed_raw: str) -> str:
    """Lines 150-165 of the seed: look-alike letters (الإنترنط), a dropped letter and a dot confusion."""
    lines = seed_raw.splitlines(keepends=True)
    excerpt = "".join(lines[149:166])
    assert "الإنترنط" in excerpt and "الفنصلية" in excerpt
    return excerpt


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        (b"Caf\xe9 cr\xe8me br\xfbl\xe9e, not Arabic. " * 4, "undecodable bytes"),
        (b"English only, no Arabic letters in this text at all.", "no Arabic text found"),
    ],
)
def test_bad_input_file_is_one_line_and_status_2(tmp_path, capsys, content, message):
    path = tmp_path / "bad input.txt"
    path.write_bytes(content)
    assert main(["repair", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert str(path) in captured.err and message in captured.err


def test_directory_and_missing_file(tmp_path, capsys):
    assert main(["repair", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a directory" in capsys.readouterr().err
    assert main(["repair", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: no such file" in capsys.readouterr().err


def test_empty_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["repair", "-"]) == 2
    assert capsys.readouterr().err == "error: <stdin>: the file is empty\n"


def test_named_settings_file_must_exist(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("نص عربي".encode())))
    assert main(["repair", "--config", str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml: repair settings file not found" in capsys.readouterr().err


def test_diff_and_json_together_is_refused(tmp_path, capsys):
    assert main(["repair", "--diff", "--json", str(tmp_path / "x.txt")]) == 2
    assert "--diff and --json" in capsys.readouterr().err


def test_cp1256_file_stdin_and_json_log(tmp_path, capsys, monkeypatch, seed_raw):
    """A Windows-1256 file repairs like its UTF-8 text; stdin gives the same; the log rebuilds the text."""
    excerpt = _seed_excerpt(seed_raw)
    path = tmp_path / "excerpt-cp1256.txt"
    path.write_bytes(excerpt.encode("cp1256", errors="ignore"))
    text = path.read_bytes().decode("cp1256")
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    assert main(["repair", "--json", str(path)]) == 0
    log = json.loads(capsys.readouterr().out)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the input is never modified
    assert "الإنترنت" in log["clean"] and "الإنترنط" not in log["clean"]
    rebuilt = text
    for e in sorted((e for e in log["edits"] if e["status"] == "applied"), key=lambda e: e["start"], reverse=True):
        assert text[e["start"] : e["end"]] == e["original"]
        rebuilt = rebuilt[: e["start"]] + e["replacement"] + rebuilt[e["end"] :]
    assert rebuilt == log["clean"]

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["repair"]) == 0
    assert capsys.readouterr().out == log["clean"]


def test_diff_has_a_header_and_names_kind_and_rule_as_json_does(tmp_path, capsys, seed_raw):
    # The diff showed the kind (foreign_script) in an unlabelled column while --json and
    # `diplo run` name the rule (foreign_letters): both are shown now, under a header.
    path = tmp_path / "excerpt.txt"
    path.write_text(_seed_excerpt(seed_raw).replace("\n", "\r"), encoding="utf-8")  # CR-only line ends
    assert main(["repair", "--diff", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("#") and lines[0].split("\t")[2:4] == ["kind", "rule"]
    assert main(["repair", "--json", str(path)]) == 0
    edits = json.loads(capsys.readouterr().out)["edits"]
    assert len(lines) == len(edits) + 1
    for line, edit in zip(lines[1:], edits, strict=True):
        place, status, kind, rule = line.split("\t")[:4]
        assert (status, kind, rule) == (edit["status"], edit["kind"], edit["rule"])
        assert place.endswith(f":{edit['start']}-{edit['end']}")
        assert "\r" not in line  # the context stops at the line end, CR included
    first = next(line for line in lines[1:] if "الإنترن[ط→ت]" in line)
    line_no = int(first.split(":")[0])
    assert _seed_excerpt(seed_raw).splitlines()[line_no - 1].count("الإنترنط") >= 1
