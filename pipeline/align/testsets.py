"""Loaders for the alignment test data in ``../shared/data`` (Text+Berg, UN derived set).

The UN Parallel Corpus test documents are 1-1 only; :func:`derive_un_document`
builds loose-translation documents from them with the seeded procedure the data
README describes (merge two consecutive sentences on one side with p=0.12 each,
drop one side with p=0.05 each) and records the gold beads while doing so.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from .metrics import parse_bead_line

#: ``<repo>/../shared/data`` (CI copies shared/ beside the clone).
SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
TEXTBERG_DIR = SHARED_DATA / "align" / "textberg-bleualign-defr"
UN_DOCS = SHARED_DATA / "arabic-text" / "un-parallel-corpus-v1.0-testsets" / "docs.jsonl"


@dataclass
class AlignDoc:
    """A parallel document with its gold beads (line indices on each side)."""

    name: str
    src: list[str]
    tgt: list[str]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)
    src_lang: str = ""
    tgt_lang: str = ""


def load_textberg(name: str, directory: Path = TEXTBERG_DIR) -> AlignDoc:
    """One Text+Berg document (``dev`` or ``test0`` … ``test6``), German source, French target.

    Raises:
        FileNotFoundError: The data folder or one of the three files is missing.
    """
    src = (directory / f"{name}.de").read_text(encoding="utf-8").splitlines()
    tgt = (directory / f"{name}.fr").read_text(encoding="utf-8").splitlines()
    gold = [parse_bead_line(line) for line in (directory / f"{name}.defr").read_text(encoding="utf-8").splitlines() if line.strip()]
    return AlignDoc(name, src, tgt, gold, "de", "fr")


def load_un_documents(split: str = "testset", min_sentences: int = 3, path: Path = UN_DOCS) -> list[dict]:
    """UN pseudo-documents of one split with at least ``min_sentences`` pairs, in file order."""
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["split"] == split and len(doc["sentences"]) >= min_sentences:
                docs.append(doc)
    return docs


def derive_un_document(doc: dict, rng: random.Random, p_merge: float = 0.12, p_drop: float = 0.05) -> AlignDoc:
    """Turn a 1-1 UN document into a loose translation with merges and drops.

    Walks the pairs in order; for each step draws one number: with ``p_merge``
    join the English sides of two consecutive pairs (an Arabic 2 ↔ English 1
    bead), with ``p_merge`` join their Arabic sides (1 ↔ 2), with ``p_drop``
    drop the English side (1-0), with ``p_drop`` drop the Arabic side (0-1),
    otherwise keep the pair (1-1). Arabic is the source side.

    Args:
        doc: A record of ``docs.jsonl``.
        rng: The seeded generator (one per derived set, so the set is reproducible).
        p_merge: Probability of each kind of merge.
        p_drop: Probability of each kind of drop.

    Returns:
        The derived document with its gold beads.
    """
    pairs = [(s["ar"].strip(), s["en"].strip()) for s in doc["sentences"]]
    ar: list[str] = []
    en: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i = 0
    while i < len(pairs):
        x = rng.random()
        can_merge = i + 1 < len(pairs)
        if x < p_merge and can_merge:
            (a1, e1), (a2, e2) = pairs[i], pairs[i + 1]
            gold.append(((len(ar), len(ar) + 1), (len(en),)))
            ar += [a1, a2]
            en.append(f"{e1} {e2}")
            i += 2
        elif x < 2 * p_merge and can_merge:
            (a1, e1), (a2, e2) = pairs[i], pairs[i + 1]
            gold.append(((len(ar),), (len(en), len(en) + 1)))
            ar.append(f"{a1} {a2}")
            en += [e1, e2]
            i += 2
        elif 2 * p_merge <= x < 2 * p_merge + p_drop:
            gold.append(((len(ar),), ()))
            ar.append(pairs[i][0])
            i += 1
        elif 2 * p_merge + p_drop <= x < 2 * p_merge + 2 * p_drop:
            gold.append(((), (len(en),)))
            en.append(pairs[i][1])
            i += 1
        else:
            gold.append(((len(ar),), (len(en),)))
            ar.append(pairs[i][0])
            en.append(pairs[i][1])
            i += 1
    return AlignDoc(doc["id"], ar, en, gold, "ar", "en")


def un_derived_set(split: str = "testset", n_docs: int = 400, seed: int = 13, min_sentences: int = 3) -> list[AlignDoc]:
    """The first ``n_docs`` UN documents of a split (≥ ``min_sentences`` pairs), derived with one seeded RNG."""
    rng = random.Random(seed)
    return [derive_un_document(d, rng) for d in load_un_documents(split, min_sentences)[:n_docs]]
