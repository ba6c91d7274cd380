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


# -- bad inputs in a stream, and what a library user passes -------------------------------------


def test_pipe_yields_every_good_article_around_a_bad_input(seed_path, tmp_path):
    """A bad input used to end the stream and lose the good articles already read in its batch."""
    from pipeline.errors import InputError

    nlp = Pipeline.from_config(_read_only())
    bad = tmp_path / "bad.txt"
    bad.write_text("English only, not an article.", encoding="utf-8")
    good = VARIANTS / "roman_no_front.txt"
    sources = [seed_path, good, bad, seed_path, good]

    failures = []
    results = list(nlp.pipe(sources, batch_size=8, on_error=lambda src, exc: failures.append((src, exc))))
    assert [a.source for a in results] == [str(p) for p in (seed_path, good, seed_path, good)]
    assert [(src, type(exc)) for src, exc in failures] == [(bad, InputError)]
    assert str(bad) in str(failures[0][1])

    stream = nlp.pipe(sources, batch_size=8)  # no handler: raised at the bad input, after the good ones
    assert [next(stream).source, next(stream).source] == [str(seed_path), str(good)]
    with pytest.raises(InputError, match="bad.txt"):
        next(stream)


class _FailsOnRoman:
    """A stage that refuses one article, to check how the runner contains a stage's failure."""

    name = "fails_on_roman"
    requires = ("structure",)
    provides = ()

    def __call__(self, article):
        from pipeline.errors import StructureError

        if "roman" in (article.source or ""):
            raise StructureError(article.source, "refused by the test stage")
        return article

    def pipe(self, articles, batch_size=8):
        for article in articles:
            yield self(article)


def test_a_stage_failing_on_one_article_of_a_batch_costs_only_that_article(seed_path):
    base = Pipeline.from_config(_read_only())
    nlp = Pipeline(base.config, [_FailsOnRoman()], base.reader_settings)
    roman = VARIANTS / "roman_no_front.txt"
    other = VARIANTS / "mabhath_abstract_en.txt"
    failures = []
    results = list(nlp.pipe([seed_path, roman, other], on_error=lambda src, exc: failures.append(src)))
    assert [a.source for a in results] == [str(seed_path), str(other)]
    assert failures == [roman]
    assert all(a.stages == ["read", "fails_on_roman"] for a in results)  # the retried ones ran each stage once


def test_single_source_and_wrong_types_are_refused_clearly(seed_path):
    nlp = Pipeline.from_config(_read_only())
    with pytest.raises(TypeError, match="iterable of sources"):
        list(nlp.pipe(str(seed_path)))
    with pytest.raises(TypeError, match="found NoneType"):
        nlp(None)
    with pytest.raises(TypeError, match="found int"):
        nlp(123)


def test_arabic_file_name_is_read_as_a_file(seed_raw, tmp_path, monkeypatch):
    path = tmp_path / "مقال الدبلوماسية الرقمية.txt"
    path.write_text(seed_raw, encoding="utf-8")
    nlp = Pipeline.from_config(_read_only())
    article = nlp(str(path))
    assert article.source == str(path) and article.raw == seed_raw
    monkeypatch.chdir(tmp_path)
    assert nlp("مقال الدبلوماسية الرقمية.txt").raw == seed_raw  # relative to the current folder


def test_running_again_records_each_stage_once(seed_path):
    nlp = Pipeline.from_config(_read_only())
    article = nlp(nlp(seed_path))
    assert article.stages == ["read"]


def test_disable_takes_one_name_as_a_string():
    nlp = pipeline.load(disable="repair")
    assert "repair" not in [s.name for s in nlp.stages]
