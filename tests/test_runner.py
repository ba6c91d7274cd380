"""The runner: config checks, the stage chain, one article and a stream."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.config import PipelineConfig, load_config
from pipeline.errors import ConfigError
from pipeline.runner import Pipeline

from .conftest import VARIANTS


def _read_only() -> PipelineConfig:
    cfg = load_config()
    return PipelineConfig(stages=["read"], settings=cfg.settings, root=cfg.root, path=cfg.path)


def test_pipe_keeps_input_order_and_matches_single_calls(seed_path):
    nlp = Pipeline.from_config(_read_only())
    paths = [seed_path, VARIANTS / "roman_no_front.txt", VARIANTS / "mabhath_abstract_en.txt"]
    streamed = list(nlp.pipe(paths, batch_size=2))
    assert [a.source for a in streamed] == [str(p) for p in paths]
    assert [a.to_json() for a in streamed] == [nlp(p).to_json() for p in paths]
    assert all(a.stages == ["read"] for a in streamed)


def test_text_and_bytes_sources(seed_path, seed_raw):
    nlp = Pipeline.from_config(_read_only())
    from_text = nlp(seed_raw, name="seed")
    from_bytes = nlp(seed_path.read_bytes(), name="seed")
    assert from_text.passages == from_bytes.passages == nlp(seed_path).passages


def test_unknown_stage_and_unmet_requirements_are_reported_together(tmp_path):
    cfg = tmp_path / "configs" / "pipeline.toml"
    cfg.parent.mkdir()
    cfg.write_text('[pipeline]\nstages = ["read", "nonsense"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown stage 'nonsense'"):
        Pipeline.from_config(cfg)
    cfg.write_text('[pipeline]\nstages = ["repair", "read"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="first stage"):
        Pipeline.from_config(cfg)


def test_reader_settings_are_validated(tmp_path):
    cfg = tmp_path / "configs" / "pipeline.toml"
    cfg.parent.mkdir()
    cfg.write_text('[pipeline]\nstages = ["read"]\n[stages.read]\nrequire_abstrct = false\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting.*require_abstrct"):
        Pipeline.from_config(cfg)


def test_config_file_errors(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)


def test_public_api_loads_the_default_config():
    nlp = pipeline.load(disable=["repair", "align", "ner", "classify"])
    assert nlp.stage_names == ["read"]


def test_disabling_an_unknown_stage_is_an_error(seed_path):
    """A misspelt --disable must not silently run the stage it meant to leave out."""
    with pytest.raises(ConfigError, match="--disable: unknown stage.*'nerr'.*expected one of read, repair"):
        Pipeline.from_config(_read_only(), disable=["nerr"])
    # Disabling a registered stage the config does not list is harmless.
    assert Pipeline.from_config(_read_only(), disable=["ner"]).stage_names == ["read"]


def test_unknown_stage_names_the_config_file(tmp_path, capsys, seed_path):
    # The message named neither the file nor the table the stage list comes from.
    from pipeline.cli import main

    cfg = tmp_path / "mine.toml"
    cfg.write_text('[pipeline]\nstages = ["read", "foo"]\n', encoding="utf-8")
    assert main(["run", str(seed_path), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert f"error: {cfg}: unknown stage 'foo' in [pipeline] stages; known stages: read, " in err


def test_disable_read_names_the_option(capsys, seed_path):
    # It said "the first stage of [pipeline] stages must be 'read'", about a config never touched.
    from pipeline.cli import main

    assert main(["run", str(seed_path), "--disable", "read"]) == 2
    assert "error: --disable read: the reader cannot be left out" in capsys.readouterr().err
    with pytest.raises(ConfigError, match="--disable read"):
        Pipeline.from_config(None, disable=["read"])
