"""Mention-replacement augmenter of NER training (pipeline.ner.augment)."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from pipeline.ner.augment import create_mention_swap, swap_mentions


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("ar").vocab


def _example(vocab, words: str, tags: list[str]) -> Example:
    ref = Doc(vocab, words=words.split(), ents=tags)
    return Example(Doc(vocab, words=words.split()), ref)


def test_swapped_copy_keeps_context_and_types(vocab) -> None:
    augment = create_mention_swap(level=1.0, swap_prob=1.0)
    first = _example(vocab, "قال جورج بوش في واشنطن", ["O", "B-PER", "I-PER", "O", "B-LOC"])
    second = _example(vocab, "زار رامسفيلد بغداد أمس", ["O", "B-PER", "B-LOC", "O"])
    random.seed(0)
    list(augment(None, first))
    copies = []
    for _ in range(10):
        out = list(augment(None, second))
        assert out[0] is second  # the original is always kept
        copies += out[1:]
    assert copies, "a pool of two names per type must give changed copies"
    for eg in copies:
        copy = eg.reference
        # Context words stay; every name comes from the pool with its own type.
        assert copy[0].text == "زار" and copy[-1].text == "أمس"
        labels = [(e.text, e.label_) for e in copy.ents]
        assert labels[0] in {("جورج بوش", "PER"), ("رامسفيلد", "PER")}
        assert labels[1] in {("واشنطن", "LOC"), ("بغداد", "LOC")}
        assert labels != [("رامسفيلد", "PER"), ("بغداد", "LOC")]
        assert [t.text for t in eg.predicted] == [t.text for t in copy]
        assert not eg.predicted.ents  # the input side carries no annotation


def test_misc_mentions_are_never_swapped(vocab) -> None:
    pool = {"PER": [("بوش",), ("أوباما",)], "LOC": [], "ORG": []}
    doc = Doc(vocab, words="كأس العالم و بوش".split(), ents=["B-MISC", "I-MISC", "O", "B-PER"])
    random.seed(1)
    copies = [swap_mentions(doc, pool, 1.0) for _ in range(20)]
    swapped = [c for c in copies if c is not None]
    assert swapped, "with two PER names in the pool some copies must change"
    for c in swapped:
        assert [(e.text, e.label_) for e in c.ents][0] == ("كأس العالم", "MISC")
        assert c.ents[1].text == "أوباما"


def test_same_seed_same_copies(vocab) -> None:
    def run() -> list[list[str]]:
        random.seed(7)
        augment = create_mention_swap(level=0.5, swap_prob=0.8)
        sents = [
            _example(vocab, "قال جورج بوش في واشنطن", ["O", "B-PER", "I-PER", "O", "B-LOC"]),
            _example(vocab, "زار رامسفيلد بغداد أمس", ["O", "B-PER", "B-LOC", "O"]),
            _example(vocab, "وصل ساركوزي إلى باريس", ["O", "B-PER", "O", "B-LOC"]),
        ]
        return [[t.text for t in eg.reference] for _ in range(3) for s in sents for eg in augment(None, s)]

    assert run() == run()


@pytest.mark.parametrize("level, swap_prob", [(-0.1, 0.5), (0.5, 1.5)])
def test_bad_settings_are_rejected(level: float, swap_prob: float) -> None:
    with pytest.raises(ValueError, match="level and swap_prob"):
        create_mention_swap(level=level, swap_prob=swap_prob)
