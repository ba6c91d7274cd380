"""Mention replacement: a training-data augmenter for the Arabic NER model.

The model overfits the names it has seen: on ANERcorp the best dev score comes
after four epochs, and most missed test names are names that never occur in
training (رامسفيلد, كاكبيرن). Mention replacement (Dai & Adel, COLING 2020)
adds, beside a training sentence, a copy in which each PER/LOC/ORG mention is
replaced by another mention of the same type taken from the training data, so
the model has to rely more on the context around a name than on the name itself.

The augmenter is named in ``[corpora.train.augmenter]`` of
``configs/ner_ar.cfg``; it is used only in training (the dev corpus is not
augmented) and draws from Python's ``random``, which spaCy seeds from
``[training] seed``, so training stays deterministic.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

#: Types whose mentions are swapped (MISC is a mixed bag: its mentions are kept).
SWAP_LABELS = ("PER", "LOC", "ORG")


@registry.augmenters("diplo.mention_swap.v1")
def create_mention_swap(level: float = 0.5, swap_prob: float = 0.8) -> Callable[[Any, Example], Iterator[Example]]:
    """Make the augmenter.

    Args:
        level: Share of training sentences with entities that also get a swapped copy.
        swap_prob: Probability that a given mention of the copy is replaced.

    Returns:
        ``augment(nlp, example)`` yielding the example and, sometimes, its swapped copy.
    """
    if not 0.0 <= level <= 1.0 or not 0.0 <= swap_prob <= 1.0:
        raise ValueError(f"diplo.mention_swap.v1: level and swap_prob must be in [0, 1], got {level}, {swap_prob}")
    # Mentions seen so far, per label, in first-seen order (the pool grows during the first
    # epoch and then holds every training mention; the order is deterministic).
    pool: dict[str, list[tuple[str, ...]]] = {lab: [] for lab in SWAP_LABELS}
    known: set[tuple[str, tuple[str, ...]]] = set()

    def augment(nlp: Any, example: Example) -> Iterator[Example]:
        ref = example.reference
        mentions = [ent for ent in ref.ents if ent.label_ in SWAP_LABELS]
        for ent in mentions:
            words = tuple(t.text for t in ent)
            if (ent.label_, words) not in known:
                known.add((ent.label_, words))
                pool[ent.label_].append(words)
        yield example
        if mentions and random.random() < level:
            copy = swap_mentions(ref, pool, swap_prob)
            if copy is not None:
                yield Example(
                    Doc(ref.vocab, words=[t.text for t in copy], spaces=[bool(t.whitespace_) for t in copy]), copy
                )

    return augment


def swap_mentions(doc: Doc, pool: dict[str, list[tuple[str, ...]]], swap_prob: float) -> Doc | None:
    """A copy of ``doc`` with PER/LOC/ORG mentions replaced by random pool mentions of the same type.

    Returns:
        The new gold Doc, or None when no mention was replaced.
    """
    words: list[str] = []
    tags: list[str] = []
    changed = False
    i = 0
    ents = {ent.start: ent for ent in doc.ents}
    while i < len(doc):
        ent = ents.get(i)
        if ent is None:
            words.append(doc[i].text)
            tags.append("O")
            i += 1
            continue
        new = tuple(t.text for t in ent)
        if ent.label_ in SWAP_LABELS and len(pool[ent.label_]) > 1 and random.random() < swap_prob:
            pick = random.choice(pool[ent.label_])
            changed = changed or pick != new
            new = pick
        words += new
        tags += [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(new) - 1)
        i = ent.end
    if not changed:
        return None
    return Doc(doc.vocab, words=words, spaces=[True] * len(words), ents=tags)
