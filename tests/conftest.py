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
