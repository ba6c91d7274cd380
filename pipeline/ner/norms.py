"""Normalised word forms (spaCy's ``NORM`` attribute) for the Arabic NER model.

spaCy embeds each token by its NORM, prefix, suffix and shape. For Arabic the
plain lower-cased form is a poor NORM: وألمانيا, بألمانيا, لألمانيا and
المانيا are four different rows of the embedding table although they name the
same place. The NORM used here folds hamza/alef, ya and teh-marbuta variants and
removes diacritics (:func:`pipeline.ner.gazetteer.key`) and strips a proclitic
when the rest of the word is a known name or clearly more frequent in real
Arabic text (:func:`pipeline.ner.rules.strip_clitic`).

The norms are a ``lexeme_norm`` lookups table stored in the model's vocab, so
loading the model needs no code from here; the table is built by
``diplo train ner`` and added before the model is initialised through the
``diplo.ar_norms.v1`` callback named in ``configs/ner_ar.cfg``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.lookups import Lookups
from spacy.util import registry

from .gazetteer import key
from .rules import strip_clitic


def ar_norm(word: str, known: set[str], counts: dict[str, int], names: set[str] | None = None) -> str:
    """The NORM of one Arabic word (see the module docstring)."""
    cut = strip_clitic(word, known, counts, names)
    rest = word[cut:]
    if cut and word[cut - 1 : cut + 1] == "لل":
        rest = "ا" + rest  # fused لل: the norm is the dictionary form with its article
    return key(rest) or word


def build_norm_table(
    words: Iterable[str], known: set[str], counts: dict[str, int], names: set[str] | None = None
) -> dict[str, str]:
    """``{word: norm}`` for the Arabic words whose norm differs from their lower-cased form."""
    table = {}
    for word in sorted(set(words)):
        if not any("\u0621" <= ch <= "\u064a" for ch in word):
            continue
        norm = ar_norm(word, known, counts, names)
        if norm != word.lower():
            table[word] = norm
    return table


@registry.callbacks("diplo.ar_norms.v1")
def add_ar_norms(path: str | None = None) -> Callable[[Any], Any]:
    """A ``before_init`` callback that installs the norm table found at ``path`` (a JSON object).

    With ``path`` null the pipeline keeps spaCy's default norms.
    """

    def before_init(nlp: Any) -> Any:
        if path:
            table = json.loads(Path(path).read_text(encoding="utf-8"))
            lookups = Lookups()
            lookups.add_table("lexeme_norm", table)
            nlp.vocab.lookups = lookups
        return nlp

    return before_init
