"""The `diplo` command: outputs, atomic writes, and one-line errors with exit status 2."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.document import Article

from .conftest import REPO

#: Options of a run that only reads (no model loads).
READ_ONLY = ["--disable", "repair", "--disable", "align", "--disable", "ner", "--disable", "classify"]


def test_run_writes_one_json_per_article_and_leaves_the_input_alone(tmp_path, seed_path, capsys):
    before = hashlib.sha256(seed_path.read_bytes()).hexdigest()
    out = tmp_path / "out"
    assert main(["run", str(seed_path), "--out", str(out), *READ_ONLY]) == 0
    assert hashlib.sha256(seed_path.read_bytes()).hexdigest() == before
    written = out / f"{seed_path.stem}.json"
    article = Article.from_json(written.read_text(encoding="utf-8"))
    assert article.source == str(seed_path)
    assert len(article.body_passages()) == 75
    assert [p.name for p in out.iterdir()] == [written.name]  # no temporary file left behind


def test_run_without_out_prints_json(seed_path, capsys):
    assert main(["run", str(seed_path), "--compact", *READ_ONLY]) == 0
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
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", "/nonexistent/article.txt"], capture_output=True, text=True
    )
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
    # The shipped meta.json without its file hashes (a folder made by hand with `spacy train`),
    # so that spaCy itself gets as far as parsing the config.
    meta = json.loads((REPO / "models" / "ner-ar" / "meta.json").read_text(encoding="utf-8"))
    meta.pop("diplo_sha256")
    (broken / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    cfg = tmp_path / "pipeline.toml"
    cfg.write_text(f'[pipeline]\nstages = ["read", "ner"]\n[stages.ner]\nmodel = "{broken}"\n', encoding="utf-8")
    assert main(["run", str(seed_path), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "loading models (ner)..."
    assert len(err) == 2 and err[1].startswith(f"error: {broken}: corrupt NER model: spaCy cannot load it")


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


# -- defects of the new-user audit ------------------------------------------------------------------

_SEED_LINES = 60  # the front matter and both abstracts: enough for the reader, quick for the models


@pytest.fixture()
def small_article(tmp_path, seed_raw) -> Path:
    """The head of the seed (front matter, abstracts, keywords): a real article the stages run on quickly."""
    path = tmp_path / "small.txt"
    path.write_text("\n".join(seed_raw.split("\n")[:_SEED_LINES]) + "\n", encoding="utf-8")
    return path


def _broken_ner_config(tmp_path) -> Path:
    """A config whose NER model folder is corrupt: building the pipeline fails at once, naming the folder."""
    broken = tmp_path / "ner-broken"
    broken.mkdir()
    (broken / "config.cfg").write_text("garbage [[[\n", encoding="utf-8")
    (broken / "meta.json").write_bytes((REPO / "models" / "ner-ar" / "meta.json").read_bytes())
    cfg = tmp_path / "pipeline.toml"
    cfg.write_text(f'[pipeline]\nstages = ["read", "ner"]\n[stages.ner]\nmodel = "{broken}"\n', encoding="utf-8")
    return cfg


def test_run_says_that_models_load_and_how_long_it_took(small_article, capsys):
    assert main(["run", str(small_article), "--disable", "align", "--disable", "ner", "--disable", "classify"]) == 0
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert err[0] == "loading models (repair)..."
    assert re.fullmatch(r"models loaded in \d+\.\d s", err[1])
    assert json.loads(captured.out)["stages"] == ["read", "repair"]  # stdout is the JSON only


def test_evaluate_reports_each_stage_start_and_time(tmp_path, capsys):
    target = tmp_path / "report.json"
    assert (
        main(
            [
                "evaluate",
                "--stage",
                "read",
                "--stage",
                "ner",
                "--out",
                str(target),
                "--config",
                str(_broken_ner_config(tmp_path)),
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert err[0] == "loading models (ner)..."
    assert re.fullmatch(r"models loaded in \d+\.\d s", err[1])
    assert err[2] == "running read on 1 article(s)..."
    assert re.fullmatch(r"pipeline ran in \d+\.\d s", err[3])
    assert err[4] == "read: scoring..."
    assert re.fullmatch(r"read: done in \d+\.\d s", err[5])
    assert err[6].startswith("ner: missing (") and "corrupt NER model" in err[6]
    assert err[7] == f"report written to {target}"
    assert "units_f1" in captured.out and "loading" not in captured.out  # progress stays off stdout


def test_unwritable_out_is_refused_before_any_model_loads(tmp_path, capsys, small_article):
    """A folder below a file cannot be created: the error names it, before the (broken) NER model is touched."""
    blocker = tmp_path / "results.txt"
    blocker.write_text("keep me\n", encoding="utf-8")
    cfg = _broken_ner_config(tmp_path)
    assert main(["run", str(small_article), "--out", str(blocker / "sub"), "--config", str(cfg)]) == 2
    assert capsys.readouterr().err == f"error: {blocker / 'sub'}: cannot be written (Not a directory)\n"
    assert main(["evaluate", "--stage", "read", "--out", str(blocker / "x.json")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # refused before the evaluation, not after its table
    assert captured.err == f"error: {blocker}: is a file, expected a folder to write into\n"
    assert blocker.read_text(encoding="utf-8") == "keep me\n"


def test_out_folder_is_created_and_left_without_probe_files(tmp_path, small_article):
    out = tmp_path / "new" / "folder"
    assert main(["run", str(small_article), "--out", str(out), *_NO_MODELS]) == 0
    assert [p.name for p in out.iterdir()] == ["small.json"]


def test_unknown_vectors_kind_is_refused_at_once():
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["train", "ner", "--vectors", "bogus"])
    assert result.exit_code == 2
    assert "Invalid value for '--vectors'" in result.output and "'ppmi', 'floret'" in result.output


def test_inputs_with_the_same_file_name_are_refused_up_front(tmp_path, capsys, seed_raw):
    first, second = tmp_path / "a" / "small.txt", tmp_path / "b" / "small.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(seed_raw, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(first), str(second), "--out", str(out), *_NO_MODELS]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {out / 'small.json'}: would be written for both")
    assert str(first) in err and str(second) in err
    assert not out.exists()


def test_debug_prints_the_traceback_and_keeps_exit_status_2(tmp_path, capsys):
    missing = tmp_path / "nonexistent.txt"
    assert main(["--debug", "read", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert err.endswith(f"error: {missing}: no such file\n")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "--debug", "read", str(missing)], capture_output=True, text=True
    )
    assert done.returncode == 2 and "InputNotFoundError" in done.stderr


@pytest.mark.parametrize(
    "command",
    [[], ["run"], ["read"], ["repair"], ["align"], ["evaluate"], ["train"], ["train", "ner"], ["train", "classifier"]],
)
def test_help_shows_flags_without_a_value_and_arguments_by_name(command):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert not re.search(r"<(bool|list\[|path|str|int)", result.output), result.output
    assert "{" not in result.output
    assert re.search(r"^  --help +Show this message", result.output, re.M)


def test_run_and_evaluate_help_say_what_they_accept_and_write():
    from typer.testing import CliRunner

    from pipeline.cli import app

    def help_of(*command: str) -> str:
        return " ".join(CliRunner().invoke(app, [*command, "--help"], terminal_width=200).output.split())

    run = help_of("run")
    assert "Usage: diplo run [OPTIONS] ARTICLE..." in run and "--compact Write JSON" in run
    assert "UTF-16 with a byte-order mark" in run and "JSON Lines" in run and "exit status is 2" in run
    assert "evaluation.json in the current folder" in help_of("evaluate")
    assert "Usage: diplo align [OPTIONS] ARTICLE" in help_of("align")


def test_several_articles_on_stdout_are_json_lines(tmp_path, seed_raw, capsys):
    paths = []
    for name in ("one.txt", "two.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(seed_raw, encoding="utf-8")
    assert main(["run", *map(str, paths), *_NO_MODELS]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(p) for p in paths]
    assert main(["run", str(paths[0]), *_NO_MODELS]) == 0  # one article stays one indented document
    assert capsys.readouterr().out.startswith('{\n  "raw":')


def test_batch_writes_every_good_article_and_reports_every_bad_one(tmp_path, seed_raw, capsys):
    files = {
        "good.txt": seed_raw.encode(),
        "empty.txt": b"",
        "binary.bin": b"\x00\x01\x02binary\x00",
        "tiny.txt": seed_raw.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    out = tmp_path / "out"
    assert main(["run", *(str(tmp_path / n) for n in files), "--out", str(out), *_NO_MODELS]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["good.json", "tiny.json"]
    err = capsys.readouterr().err.splitlines()
    assert f"error: {tmp_path / 'empty.txt'}: the file is empty" in err
    assert any(line.startswith(f"error: {tmp_path / 'binary.bin'}: this is a binary file") for line in err)
    assert err[-1] == "error: 2 of 4 articles failed"


def test_bad_files_are_reported_before_the_models_load(tmp_path, capsys, small_article):
    """Only the good article reaches model loading; a batch of bad files loads nothing."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    cfg = _broken_ner_config(tmp_path)
    assert main(["run", str(empty), str(small_article), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"error: {empty}: the file is empty" and err[1] == "loading models (ner)..."
    assert main(["run", str(empty), str(empty), "--config", str(cfg)]) == 2
    assert "loading models" not in capsys.readouterr().err


def test_readme_lists_every_metadata_key_the_reader_finds(seed_article):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    output_format = readme.split("## Output format", 1)[1].split("\n## ", 1)[0]
    missing = [key for key in seed_article.metadata if f"`{key}`" not in output_format]
    assert not missing


def _broken_repair_config(tmp_path) -> Path:
    """A config whose repair settings file is missing: building the repair stage fails at once."""
    cfg = tmp_path / "pipeline-repair.toml"
    cfg.write_text(
        f'[pipeline]\nstages = ["read", "repair", "align"]\n[stages.repair]\nconfig = "{tmp_path / "missing.toml"}"\n',
        encoding="utf-8",
    )
    return cfg


def test_align_reads_and_checks_its_output_before_loading_models(tmp_path, capsys, small_article):
    cfg = _broken_repair_config(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["align", str(empty), "--config", str(cfg)]) == 2
    assert capsys.readouterr().err == f"error: {empty}: the file is empty\n"
    blocker = tmp_path / "results.txt"
    blocker.write_text("keep me\n", encoding="utf-8")
    assert main(["align", str(small_article), "--out", str(blocker / "x.tsv"), "--config", str(cfg)]) == 2
    assert capsys.readouterr().err == f"error: {blocker}: is a file, expected a folder to write into\n"
    assert main(["align", str(small_article), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "loading models (repair, align)..." and "missing.toml" in err[1]


@pytest.mark.parametrize("model", ["ner", "classifier"])
def test_train_checks_its_output_folder_before_the_work(model, capsys):
    # The output was checked only when the model was saved, minutes of training later.
    assert main(["train", model, "--output", "/proc/diplo-no-such-folder/model"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/proc/diplo-no-such-folder" in err and "cannot be written" in err


def test_read_uses_the_config_reader_settings_and_the_error_says_how(tmp_path, capsys, shared_data):
    """A news story has no abstract: refused with the way out, which `diplo read --config` then takes."""
    import json as _json

    doc = _json.loads(
        (shared_data / "arabic-text" / "ant-corpus-v1.1-politics-intl" / "docs.jsonl").open(encoding="utf-8").readline()
    )
    news = tmp_path / "news.txt"
    news.write_text(doc["title"] + "\n\n" + doc["text"], encoding="utf-8")
    assert main(["read", str(news)]) == 2
    err = capsys.readouterr().err
    assert "no abstract found" in err and "require_abstract = false" in err and err.count("\n") == 1
    cfg = tmp_path / "pipeline.toml"
    cfg.write_text(
        (REPO / "configs" / "pipeline.toml")
        .read_text(encoding="utf-8")
        .replace("require_abstract = true", "require_abstract = false"),
        encoding="utf-8",
    )
    assert main(["read", str(news), "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "[p0001 paragraph ar]" in out and doc["text"].split()[0] in out


def test_run_reads_one_article_from_stdin(tmp_path, capsys, monkeypatch, seed_path):
    """`cat article.txt | diplo run -`, as `diplo repair -` reads stdin."""
    import io

    assert main(["run", str(seed_path), "--compact", *READ_ONLY]) == 0
    from_file = json.loads(capsys.readouterr().out)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed_path.read_bytes())))
    assert main(["run", "-", "--compact", *READ_ONLY]) == 0
    from_stdin = json.loads(capsys.readouterr().out)
    assert from_stdin["source"] == "<stdin>"
    assert {**from_stdin, "source": None} == {**from_file, "source": None}

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed_path.read_bytes())))
    assert main(["run", "-", "-o", str(tmp_path / "out"), *READ_ONLY]) == 0
    assert json.loads((tmp_path / "out" / "stdin.json").read_text(encoding="utf-8"))["raw"] == from_file["raw"]
    assert main(["run", "-", "-", *READ_ONLY]) == 2
    assert "stdin can be read once" in capsys.readouterr().err
