"""The pipeline config: where relative paths point, and one-line errors for bad config files."""

from __future__ import annotations

import os
import shutil

import pytest

from pipeline.cli import main
from pipeline.config import DEFAULT_CONFIG, PROJECT_ROOT, load_config
from pipeline.errors import ConfigError
from pipeline.repair.stage import load_repair_settings
from pipeline.runner import Pipeline

from .conftest import REPO

_NO_MODELS = ["--disable", "repair", "--disable", "align", "--disable", "ner", "--disable", "classify"]


# -- relative paths ----------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["copy.toml", "configs/pipeline.toml", "a/b/c/mine.toml"])
def test_a_copy_of_the_shipped_config_finds_the_project_models(tmp_path, where):
    """A copy saved outside configs/ used to resolve models/ner-ar against the copy's grandparent folder."""
    copy = tmp_path / where
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DEFAULT_CONFIG, copy)
    cfg = load_config(copy)
    assert cfg.path == copy
    assert cfg.root == PROJECT_ROOT == REPO
    ner_model = cfg.resolve(cfg.stage_settings("ner")["model"])
    assert ner_model == REPO / "models" / "ner-ar" and (ner_model / "meta.json").is_file()
    classifier = cfg.resolve(cfg.stage_settings("classify")["model"])
    assert classifier == REPO / "models" / "classifier" and classifier.is_dir()
    # The repair stage reads configs/repair.toml through the same root: the copy gets the shipped thresholds,
    # not the built-in defaults of a repair.toml that does not exist beside the copy.
    from_copy = load_repair_settings(cfg.stage_settings("repair"), root=cfg.root)
    shipped = load_repair_settings(load_config().stage_settings("repair"))
    assert from_copy == shipped


def test_a_copied_config_builds_the_same_pipeline(tmp_path):
    copy = tmp_path / "copy.toml"
    shutil.copyfile(DEFAULT_CONFIG, copy)
    nlp = Pipeline.from_config(copy, disable=["align", "ner", "classify"])
    shipped = Pipeline.from_config(None, disable=["align", "ner", "classify"])
    assert nlp.stage_names == ["read", "repair"]
    assert nlp.stages[0].settings == shipped.stages[0].settings
    assert nlp.reader_settings == shipped.reader_settings


def test_an_absolute_path_in_a_config_is_kept(tmp_path):
    cfg_file = tmp_path / "pipeline.toml"
    toml = f'[pipeline]\nstages = ["read", "ner"]\n[stages.ner]\nmodel = "{tmp_path / "m"}"\n'
    cfg_file.write_text(toml, encoding="utf-8")
    cfg = load_config(cfg_file)
    assert cfg.resolve(cfg.stage_settings("ner")["model"]) == tmp_path / "m"


# -- files that are not configs ------------------------------------------------------------------


def test_a_folder_is_not_a_config_file(tmp_path):
    with pytest.raises(ConfigError, match="is a folder, not a config file") as info:
        load_config(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}:")


def test_a_config_that_is_not_utf8(tmp_path):
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe[pipeline]\n")
    expected = r"bin\.toml: config file is not UTF-8 text \(invalid byte 0xff at byte offset 0\)"
    with pytest.raises(ConfigError, match=expected):
        load_config(binary)
    latin = tmp_path / "latin1.toml"
    latin.write_bytes(b'[pipeline]\nstages = ["read"]\n# caf\xe9\n')
    with pytest.raises(ConfigError, match=r"invalid byte 0xe9 at byte offset 34"):
        load_config(latin)


def test_a_path_through_a_file_is_a_config_error(tmp_path):
    plain = tmp_path / "plain.toml"
    plain.write_text('[pipeline]\nstages = ["read"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="inner.toml: config file cannot be read"):
        load_config(plain / "inner.toml")


def test_an_unreadable_config(tmp_path):
    locked = tmp_path / "locked.toml"
    locked.write_text('[pipeline]\nstages = ["read"]\n', encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: file permissions are not enforced")
        with pytest.raises(ConfigError, match=r"locked\.toml: config file cannot be read \(permission denied\)"):
            load_config(locked)
    finally:
        locked.chmod(0o600)


@pytest.mark.parametrize(
    ("kind", "message"), [("folder", "is a folder, not a config file"), ("binary", "is not UTF-8 text")]
)
def test_bad_config_files_are_one_line_in_the_cli(tmp_path, capsys, seed_path, kind, message):
    """These used to end in an IsADirectoryError / UnicodeDecodeError traceback."""
    cfg = tmp_path
    if kind == "binary":
        cfg = tmp_path / "bin.toml"
        cfg.write_bytes(b"\xff\xfe[pipeline]\n")
    assert main(["run", str(seed_path), "--config", str(cfg), *_NO_MODELS]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"error: {cfg}: ") and message in err


# -- the stage list ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[pipeline]\nstages = ["repair", "read"]\n',
            "the first stage of [pipeline] stages must be 'read', found 'repair'",
        ),
        ("[pipeline]\nstages = []\n", "the first stage of [pipeline] stages must be 'read', found an empty list"),
        (
            '[pipeline]\nstages = ["read"]\n[stages.read]\nenabled = false\n',
            "[stages.read] enabled: the reader cannot be switched off",
        ),
        (
            '[pipeline]\nstages = ["read"]\n[stages]\nread = 3\n',
            "[stages] must be a table of stage tables ([stages.NAME])",
        ),
        ('pipeline = "read"\n', "expected a list of stage names in [pipeline] stages"),
    ],
)
def test_stage_list_problems_name_the_config_file(tmp_path, toml, message):
    cfg = tmp_path / "mine.toml"
    cfg.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    assert str(info.value) == f"{cfg}: {message}"


def test_the_shipped_config_loads():
    cfg = load_config()
    assert cfg.path == DEFAULT_CONFIG and cfg.stages[0] == "read"
    assert cfg.origin == str(DEFAULT_CONFIG)


# -- --set STAGE.KEY=VALUE ------------------------------------------------------------------------


def test_overrides_change_one_setting_and_read_toml_values():
    from pipeline.config import with_overrides

    cfg = load_config()
    changed = with_overrides(cfg, ["ner.model=models/ner-ar-e5", "ner.batch_size=8", "classify.min_confidence=0.4"])
    assert changed.stage_settings("ner")["model"] == "models/ner-ar-e5"
    assert changed.stage_settings("ner")["batch_size"] == 8
    assert changed.stage_settings("classify")["min_confidence"] == 0.4
    # The rest of the config, and the config given, are as they were.
    assert changed.stage_settings("ner")["link_threshold"] == cfg.stage_settings("ner")["link_threshold"]
    assert cfg.stage_settings("ner")["model"] == "models/ner-ar"
    assert with_overrides(cfg, ["align.enabled=false"]).enabled_stages() == ["read", "repair", "ner", "classify"]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("ner.model", "expected STAGE.KEY=VALUE"),
        ("model=x", "expected STAGE.KEY=VALUE"),
        ("nre.model=x", "no stage 'nre'"),
    ],
)
def test_bad_overrides_are_refused(item, message):
    from pipeline.config import with_overrides

    with pytest.raises(ConfigError, match=message):
        with_overrides(load_config(), [item])


def test_run_takes_the_ner_model_from_set(tmp_path, seed_path, capsys):
    missing = tmp_path / "no-such-model"
    disable = ["--disable", "repair", "--disable", "align", "--disable", "classify"]
    assert main(["run", str(seed_path), "--set", f"ner.model={missing}", *disable]) == 2
    assert f"error: {missing}: NER model folder not found" in capsys.readouterr().err
