"""Shared fixtures: the seed article, the annotated corpus and the third-party data in ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The articles laid out as other journals lay them out, with line truth (corpus/layouts/).
LAYOUT_ARTICLES = REPO / "corpus" / "layouts" / "articles"
SEED_ID = "000_295e6e45a451921c"
SEED_PATH = REPO / "corpus" / "raw" / f"{SEED_ID}.txt"
SHARED_DATA = REPO.parent / "shared" / "data"
VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"
#: Small classifier grids keep one fit around a second; the shipped defaults are larger.
CLASSIFIER_FAST = {"inner_splits": 3, "betas": [0.0, 1.0, 2.0], "gammas": [0.0, 1.0], "temperatures": [0.5, 1.0, 2.0]}


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """Path of the seed article (the first raw document of the corpus)."""
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_raw() -> str:
    """The seed article's text."""
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article():
    """The seed article as the reader reads it (read once per test session; do not mutate)."""
    from pipeline.reader import read_article

    return read_article(SEED_PATH)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The third-party data folder; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="module")
def corpus():
    """The annotated corpus (corpus/), loaded once per test module."""
    from pipeline.corpus import load_corpus

    return load_corpus()


@pytest.fixture(scope="module")
def examples(corpus):
    """The classifier's gold training examples of the corpus."""
    from pipeline.classify.train import gold_examples

    return gold_examples(corpus)


@pytest.fixture(scope="session")
def repair_settings():
    """The repair stage's settings (configs/repair.toml)."""
    from pipeline.repair.stage import load_repair_settings

    return load_repair_settings()


@pytest.fixture(scope="session")
def lexicon(repair_settings):
    """The repair lexicon (wordfreq, Hunspell-ar, the one-edit index), loaded once for the test session."""
    from pipeline.repair.lexicon import Lexicon

    return Lexicon.load(repair_settings.lexicon)


@pytest.fixture(scope="session")
def ner_stage():
    """The NER stage with the shipped model, built once per test session (do not change it)."""
    from pipeline.config import PipelineConfig
    from pipeline.ner import NerStage

    return NerStage.from_settings({"model": "models/ner-ar"}, PipelineConfig(stages=["read", "ner"], root=REPO))


@pytest.fixture(scope="session")
def stand_in_stage(ner_stage):
    """``stand_in_stage(patterns)``: the NER stage with the shipped rules and word lists and, for a
    model, spaCy's entity ruler over ``patterns``: what the stage makes of the spans a model proposes,
    whatever model proposes them."""
    import spacy

    from pipeline.ner.stage import NerStage

    def build(patterns: list[dict]) -> NerStage:
        nlp = spacy.blank("ar")
        nlp.add_pipe("entity_ruler").add_patterns(patterns)
        return NerStage(nlp, ner_stage.gazetteer, ner_stage.name_words, ner_stage.counts)

    return build


@pytest.fixture(scope="session")
def tag_ar(ner_stage):
    """``tag_ar(text)``: the (surface, label) pairs the NER stage finds in an Arabic text."""

    def tag(text: str) -> set[tuple[str, str]]:
        return {(text[f.start : f.end], f.label) for f in ner_stage.entities_ar(text)}

    return tag


@pytest.fixture(scope="session")
def tag_en(ner_stage):
    """``tag_en(text)``: the (surface, label) pairs the NER stage finds in an English text."""

    def tag(text: str) -> set[tuple[str, str]]:
        return {(text[f.start : f.end], f.label) for f in ner_stage.entities_en(text)}

    return tag
