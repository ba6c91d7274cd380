"""The `diplo` command: outputs, atomic writes, and one-line errors with exit status 2."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys

import pytest

from pipeline.cli import main
from pipeline.document import Article

from .conftest import REPO


def test_run_writes_one_json_per_article_and_leaves_the_input_alone(tmp_path, seed_path, capsys):
    before = hashlib.sha256(seed_path.read_bytes()).hexdigest()
    out = tmp_path / "out"
    assert main(["run", str(seed_path), "--out", str(out), "--disable", "repair", "--disable", "align",
                 "--disable", "ner", "--disable", "classify"]) == 0
    assert hashlib.sha256(seed_path.read_bytes()).hexdigest() == before
    written = out / f"{seed_path.stem}.json"
    article = Article.from_json(written.read_text(encoding="utf-8"))
    assert article.source == str(seed_path)
    assert len(article.body_passages()) == 75
    assert [p.name for p in out.iterdir()] == [written.name]  # no temporary file left behind


def test_run_without_out_prints_json(seed_path, capsys):
    assert main(["run", str(seed_path), "--compact", "--disable", "repair", "--disable", "align",
                 "--disable", "ner", "--disable", "classify"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["keywords_en"][0]["text"] == "diplomacy"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        (b"English only, no Arabic letters in this file at all.", "no Arabic text found"),
        (b"Caf\xe9 cr\xe8me br\xfbl\xe9e, not an Arabic article. " * 4, "undecodable bytes"),
        ("الملخص غير موجود في هذا النص العربي القصير الذي لا يحتوي على عناوين".encode(), "no abstract found"),
    ],
)
def test_bad_input_gives_one_line_and_status_2(tmp_path, capsys, content, message):
    path = tmp_path / "bad input.txt"
    path.write_bytes(content)
    assert main(["run", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(path) in err and message in err


def test_missing_file_and_unknown_encoding(tmp_path, capsys, seed_path):
    assert main(["run", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: no such file" in capsys.readouterr().err
    assert main(["run", str(seed_path), "--encoding", "klingon"]) == 2
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


def test_bad_config_is_one_line(tmp_path, capsys, seed_path):
    cfg = tmp_path / "configs" / "pipeline.toml"
    cfg.parent.mkdir()
    cfg.write_text('[pipeline]\nstages = ["read", "parse"]\n', encoding="utf-8")
    assert main(["run", str(seed_path), "--config", str(cfg)]) == 2
    assert "unknown stage 'parse'" in capsys.readouterr().err


def test_console_script_exit_status():
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "/nonexistent/article.txt"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: /nonexistent/article.txt: no such file"


_NO_MODELS = ["--disable", "repair", "--disable", "align", "--disable", "ner", "--disable", "classify"]


def test_out_that_is_a_file_or_unwritable_is_one_line(tmp_path, capsys, seed_path):
    not_a_folder = tmp_path / "results"
    not_a_folder.write_text("keep me\n", encoding="utf-8")
    assert main(["run", str(seed_path), "--out", str(not_a_folder), *_NO_MODELS]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {not_a_folder}: is a file, expected a folder to write into\n"
    assert not_a_folder.read_text(encoding="utf-8") == "keep me\n"
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # running as root: permissions are not enforced
        return
    assert main(["run", str(seed_path), "--out", str(locked), *_NO_MODELS]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be written" in err and "Traceback" not in err


def test_written_json_has_the_usual_file_mode(tmp_path, seed_path):
    """The atomic write goes through a private temporary file; the result must still be readable by others."""
    out = tmp_path / "out"
    assert main(["run", str(seed_path), "--out", str(out), *_NO_MODELS]) == 0
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE((out / f"{seed_path.stem}.json").stat().st_mode) == 0o666 & ~mask


def test_corrupt_ner_model_is_one_line_naming_the_folder(tmp_path, capsys, seed_path):
    """spaCy's config errors span several lines; the CLI still prints one line that names the model folder."""
    broken = tmp_path / "ner-broken"
    broken.mkdir()
    (broken / "config.cfg").write_text("garbage [[[\n", encoding="utf-8")
    # The shipped meta.json, so that spaCy gets as far as parsing the config.
    (broken / "meta.json").write_bytes((REPO / "models" / "ner-ar" / "meta.json").read_bytes())
    cfg = tmp_path / "pipeline.toml"
    cfg.write_text(f'[pipeline]\nstages = ["read", "ner"]\n[stages.ner]\nmodel = "{broken}"\n', encoding="utf-8")
    assert main(["run", str(seed_path), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {broken}: corrupt NER model: spaCy cannot load it")
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ([], "repair"),
        (["run"], "--disable"),
        (["read"], "--encoding"),
        (["repair"], "--encoding"),
        (["align"], "TMX 1.4"),
        (["evaluate"], "--stage"),
        (["train", "ner"], "Skip the config's [pretraining]"),
        (["train", "classifier"], "whose [stages.classify] train"),
    ],
)
def test_every_help_renders_and_keeps_square_brackets(command, shown):
    """Rich markup would swallow a bracketed TOML table name such as [pretraining] in an option's help."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert shown in " ".join(result.output.split())
