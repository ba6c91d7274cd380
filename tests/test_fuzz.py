"""A sample of scripts/fuzz_pipeline.py's damaged inputs through the whole pipeline, every invariant checked.

The script runs ~300 variants (a few minutes); this runs one of each kind (noise, cut parts,
line layouts, encodings, invisible characters, truncation, shared-data documents, ...), so a
change that breaks offsets, the edit log, the maps or the one-line refusals on odd input
fails the suite, not only the next fuzz run.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from types import ModuleType

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_pipeline", REPO / "scripts" / "fuzz_pipeline.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nlp():
    from pipeline.runner import Pipeline

    return Pipeline.from_config()


def test_one_variant_of_each_kind_keeps_every_invariant(fuzz, nlp):
    variants = fuzz.build_variants(fuzz.SEED.read_text(encoding="utf-8"), random.Random(0), 6, 1)
    by_kind: dict[str, list] = {}
    for v in variants:
        by_kind.setdefault(v.kind, []).append(v)
    sample = [by_kind[kind][0] for kind in sorted(by_kind)]
    assert len(sample) >= 15
    outcomes = [fuzz.run_variant(nlp, v) for v in sample]
    failed = {o.name: o.problems[:2] for o in outcomes if o.status == "fail"}
    assert failed == {}
    # Most variants are read and repaired; the refusals are the inputs that have no abstract left.
    ok = [o for o in outcomes if o.status == "ok"]
    assert len(ok) >= 0.75 * len(outcomes)
    assert all("no abstract" in o.error or "cut off" in o.error for o in outcomes if o.status == "error")
    pipe = fuzz.pipe_check(nlp, [v for v, o in zip(sample, outcomes, strict=True) if o.status == "ok"][:3])
    assert pipe.status == "ok", pipe.problems[:2]


def test_article_in_presentation_forms_gives_what_the_seed_gives(nlp, seed_raw):
    # Every Arabic letter as a glyph code (as some PDF-to-text tools write it): the file was
    # refused as "no Arabic text found"; the repair stage now gives back the letters, one
    # presentation_form edit per word, and every later stage sees the seed's text.
    from pipeline.repair.noise import as_presentation_forms

    plain = nlp(seed_raw, name="seed")
    glyphs = nlp(as_presentation_forms(seed_raw), name="glyphs")
    # (references get only their glyph codes written as letters; the seed's own references
    # are left as they are, so they are compared through fold_glyphs)
    from pipeline.camel import fold_glyphs

    assert [p.best_text for p in glyphs.passages] == [
        p.best_text if p.kind != "reference" else fold_glyphs(p.best_text) for p in plain.passages
    ]
    assert [p.label for p in glyphs.passages] == [p.label for p in plain.passages]
    assert sorted((e.label, e.lang) for e in glyphs.entities) == sorted((e.label, e.lang) for e in plain.entities)
    assert [(a.kind, a.ar, a.en) for a in glyphs.alignments] == [(a.kind, a.ar, a.en) for a in plain.alignments]
    assert len(glyphs.entity_links) == len(plain.entity_links)

    def rules(article):
        return {rule for e in article.edits for rule in e.rule.split("+")}

    assert rules(glyphs) - rules(plain) == {"presentation_form"}
