"""The gold corpus loads and validates, and the validator catches broken records."""

from __future__ import annotations

import copy

import pytest

from pipeline.corpus import GOLD_LABELS, load_corpus, validate_corpus
from pipeline.document import ENTITY_LABELS

from .conftest import SEED_ID


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_gold_covers_the_seed_and_validates(corpus):
    assert corpus.article_ids() == [SEED_ID]
    assert validate_corpus(corpus) == []
    body = [p for p in corpus.passages if p.is_body]
    assert len(body) == 75
    assert all(p.label in GOLD_LABELS for p in body)
    assert {e.label for p in corpus.passages for e in p.entities} == set(ENTITY_LABELS)
    kinds = {e.kind for p in corpus.passages for e in p.edits}
    assert {"foreign_script", "stray_diacritic", "letter_confusion", "merged_words", "split_words", "duplicate",
            "leaked_translation", "interface_junk"} <= kinds


def test_gold_corrects_the_known_damage(corpus):
    text = " ".join(p.text for p in corpus.passages if p.lang == "ar")
    for damaged in ("الإنترن特", "بلد़ه", "توiter", "الإنترنٌت", "منرسم", "جارٍ إعادة المحاولة", "Moreover, digital diplomacy"):
        assert damaged not in text
    assert "من رسم" in text and "كوسيط" in text


def test_alignment_gold_links_both_abstracts(corpus):
    kinds = [link.kind for link in corpus.links]
    assert kinds.count("keywords") == 4 and kinds.count("title") == 1 and kinds.count("abstract") == 3
    raw = corpus.raw[SEED_ID]
    title = next(link for link in corpus.links if link.kind == "title")
    assert raw[slice(*title.en[0])] == "Digital Diplomacy and its Effects on International Relations"


@pytest.mark.parametrize(
    "breakage",
    ["entity_offset", "label", "overlap", "unrecorded_change", "edit_original"],
)
def test_validator_catches_broken_gold(corpus, breakage):
    broken = copy.deepcopy(corpus)
    unit = next(p for p in broken.passages if p.is_body and len(p.entities) >= 2 and p.edits)
    if breakage == "entity_offset":
        unit.entities[0].start += 1
    elif breakage == "label":
        unit.label = "danger"
    elif breakage == "overlap":
        unit.entities[1].start = unit.entities[0].start
        unit.entities[1].text = broken.raw[SEED_ID][unit.entities[1].start : unit.entities[1].end]
    elif breakage == "unrecorded_change":
        unit.text = unit.text.replace(" ", "  ", 1)
    elif breakage == "edit_original":
        unit.edits[0].original = "xyz"
    problems = validate_corpus(broken)
    assert problems and all(unit.id in p for p in problems)
