"""Loading and validating the annotated corpus in ``corpus/``.

Layout (see ``corpus/README.md``)::

    corpus/raw/<article id>.txt         the articles as received (never modified)
    corpus/gold/passages.jsonl          one record per unit: spans, gold clean text, edits, labels, entities
    corpus/gold/sentences.jsonl         gold sentence segmentation of the abstracts
    corpus/gold/alignment.jsonl         gold alignment links (title, keywords, abstract sentences)

All gold offsets are character offsets into the raw article text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import PROJECT_ROOT
from .document import EDIT_KINDS, ENTITY_LABELS, PASSAGE_LABELS
from .errors import InputError, InputNotFoundError

DEFAULT_CORPUS = PROJECT_ROOT / "corpus"
GOLD_LABELS = (*PASSAGE_LABELS, "other")
UNIT_KINDS = ("title", "abstract", "keywords", "paragraph", "list_item", "reference", "footnote")
_MARKER = re.compile(r"⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾")


@dataclass
class GoldEntity:
    """A gold entity: raw offsets and type."""

    start: int
    end: int
    label: str
    text: str


@dataclass
class GoldEdit:
    """A gold repair: raw offsets, what stands there, what it should be, and the damage kind."""

    start: int
    end: int
    original: str
    replacement: str
    kind: str


@dataclass
class GoldPassage:
    """One annotated unit of an article."""

    id: str
    article: str
    kind: str
    lang: str
    section: str | None
    spans: list[tuple[int, int]]
    raw: str
    text: str
    citations: list[dict[str, int]]
    edits: list[GoldEdit]
    label: str | None
    label2: str | None
    entities: list[GoldEntity]

    @property
    def start(self) -> int:
        """Raw offset of the unit's first character."""
        return self.spans[0][0]

    @property
    def end(self) -> int:
        """Raw offset after the unit's last character."""
        return self.spans[-1][1]

    @property
    def is_body(self) -> bool:
        """Whether the unit is a body paragraph or list item (the ones that carry labels)."""
        return self.kind in ("paragraph", "list_item")


@dataclass
class GoldSentence:
    """A gold sentence of an abstract."""

    article: str
    lang: str
    start: int
    end: int
    text: str


@dataclass
class GoldLink:
    """A gold alignment bead: raw spans on each side (either side may be empty)."""

    article: str
    kind: str
    ar: list[tuple[int, int]]
    en: list[tuple[int, int]]


@dataclass
class Corpus:
    """The annotated corpus: raw articles and their gold annotation."""

    root: Path
    raw: dict[str, str]
    passages: list[GoldPassage] = field(default_factory=list)
    sentences: list[GoldSentence] = field(default_factory=list)
    links: list[GoldLink] = field(default_factory=list)

    def article_ids(self) -> list[str]:
        """Ids of the articles that have gold annotation, in order."""
        return sorted({p.article for p in self.passages})

    def raw_path(self, article: str) -> Path:
        """Path of an article's raw text."""
        return self.root / "raw" / f"{article}.txt"

    def passages_of(self, article: str) -> list[GoldPassage]:
        """Gold units of one article, in reading order."""
        return [p for p in self.passages if p.article == article]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"line {number} is not valid JSON ({exc.msg})") from None
    return records


def load_corpus(root: str | Path | None = None, *, gold_file: str = "gold/passages.jsonl") -> Corpus:
    """Load the corpus folder.

    Args:
        root: The corpus folder; ``corpus/`` of the project when omitted.
        gold_file: The passages file inside it (another annotator's pass can be loaded the same way).

    Raises:
        InputNotFoundError: The folder or its passages file is missing.
        InputError: A record is not valid JSON or lacks a field.
    """
    root = Path(root) if root is not None else DEFAULT_CORPUS
    passages_path = root / gold_file
    if not passages_path.exists():
        raise InputNotFoundError(str(passages_path), "no gold passages file (expected corpus/gold/passages.jsonl)")
    raw: dict[str, str] = {}
    for path in sorted((root / "raw").glob("*.txt")):
        raw[path.stem] = path.read_text(encoding="utf-8")
    passages = []
    for record in _read_jsonl(passages_path):
        try:
            passages.append(
                GoldPassage(
                    id=record["id"],
                    article=record["article"],
                    kind=record["kind"],
                    lang=record["lang"],
                    section=record.get("section"),
                    spans=[tuple(s) for s in record["spans"]],
                    raw=record.get("raw", ""),
                    text=record.get("text", ""),
                    citations=record.get("citations", []),
                    edits=[
                        GoldEdit(e["start"], e["end"], e["original"], e["replacement"], e["kind"])
                        for e in record.get("edits", [])
                    ],
                    label=record.get("label"),
                    label2=record.get("label2"),
                    entities=[
                        GoldEntity(e["start"], e["end"], e["label"], e["text"]) for e in record.get("entities", [])
                    ],
                )
            )
        except KeyError as exc:
            raise InputError(str(passages_path), f"record {record.get('id', '?')} lacks the field {exc}") from None
    sentences = [
        GoldSentence(r["article"], r["lang"], r["start"], r["end"], r["text"])
        for r in _read_jsonl(root / "gold" / "sentences.jsonl")
    ]
    links = [
        GoldLink(r["article"], r["kind"], [tuple(s) for s in r["ar"]], [tuple(s) for s in r["en"]])
        for r in _read_jsonl(root / "gold" / "alignment.jsonl")
    ]
    return Corpus(root=root, raw=raw, passages=passages, sentences=sentences, links=links)


def gold_clean_text(raw: str, passage: GoldPassage) -> str:
    """Rebuild a unit's gold clean text from the raw text, its edits and its footnote markers.

    Edits are applied and markers removed (with the one space before a marker),
    piece by piece; pieces are joined with single spaces.
    """
    pieces = []
    for s, e in passage.spans:
        ops = [(ed.start, ed.end, ed.replacement) for ed in passage.edits if s <= ed.start and ed.end <= e]
        for c in passage.citations:
            if s <= c["start"] < e:
                cs = c["start"] - 1 if c["start"] - 1 >= s and raw[c["start"] - 1] == " " else c["start"]
                ops.append((cs, c["end"], ""))
        ops.sort()
        out, pos = [], s
        for a, b, replacement in ops:
            out.append(raw[pos:a])
            out.append(replacement)
            pos = b
        out.append(raw[pos:e])
        pieces.append("".join(out))
    return " ".join(pieces)


def validate_corpus(corpus: Corpus) -> list[str]:
    """Check the gold annotation; return one message per problem (empty when valid).

    Checks: offsets in range and pointing at the recorded text; kinds, labels,
    entity types and edit kinds in the scheme; no overlapping entities or
    edits; units in reading order and not overlapping; the gold text differs
    from the raw text only where an edit or a footnote marker is recorded.
    """
    problems: list[str] = []
    previous_end: dict[str, int] = {}
    for p in corpus.passages:
        raw = corpus.raw.get(p.article)
        if raw is None:
            problems.append(f"{p.id}: no raw text for article {p.article}")
            continue
        where = p.id
        if p.kind not in UNIT_KINDS:
            problems.append(f"{where}: kind {p.kind!r} not in {UNIT_KINDS}")
        for s, e in p.spans:
            if not (0 <= s < e <= len(raw)):
                problems.append(f"{where}: span ({s}, {e}) out of range")
        if p.start < previous_end.get(p.article, 0):
            problems.append(f"{where}: overlaps or precedes the unit before it")
        previous_end[p.article] = p.end
        if p.is_body:
            if p.label not in GOLD_LABELS:
                problems.append(f"{where}: label {p.label!r} not in {GOLD_LABELS}")
            if p.label2 is not None and (p.label2 not in GOLD_LABELS or p.label2 == p.label):
                problems.append(f"{where}: second label {p.label2!r} invalid")
        elif p.label is not None:
            problems.append(f"{where}: a {p.kind} unit carries a label")
        for ent in p.entities:
            if ent.label not in ENTITY_LABELS:
                problems.append(f"{where}: entity type {ent.label!r} not in {ENTITY_LABELS}")
            if raw[ent.start : ent.end] != ent.text:
                problems.append(
                    f"{where}: entity ({ent.start}, {ent.end}) is {raw[ent.start : ent.end]!r}, recorded {ent.text!r}"
                )
            if not p.spans[0][0] <= ent.start < ent.end <= p.spans[-1][1]:
                problems.append(f"{where}: entity ({ent.start}, {ent.end}) outside the unit")
        ordered = sorted(p.entities, key=lambda x: (x.start, x.end))
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b.start < a.end:
                problems.append(f"{where}: entities {a.text!r} and {b.text!r} overlap")
        for ed in p.edits:
            if ed.kind not in EDIT_KINDS:
                problems.append(f"{where}: edit kind {ed.kind!r} not in {EDIT_KINDS}")
            if raw[ed.start : ed.end] != ed.original:
                problems.append(
                    f"{where}: edit ({ed.start}, {ed.end}) is {raw[ed.start : ed.end]!r}, recorded {ed.original!r}"
                )
            if not any(s <= ed.start and ed.end <= e for s, e in p.spans):
                problems.append(f"{where}: edit ({ed.start}, {ed.end}) outside the unit's spans")
        edits = sorted(p.edits, key=lambda x: x.start)
        for a, b in zip(edits, edits[1:], strict=False):
            if b.start < a.end:
                problems.append(f"{where}: edits at {a.start} and {b.start} overlap")
        for c in p.citations:
            if not _MARKER.fullmatch(raw[c["start"] : c["end"]]):
                problems.append(f"{where}: citation ({c['start']}, {c['end']}) is not a footnote marker")
        if p.raw and p.raw != " ".join(raw[s:e] for s, e in p.spans):
            problems.append(f"{where}: 'raw' is not the raw pieces joined with spaces")
        rebuilt = gold_clean_text(raw, p)
        if rebuilt != p.text:
            problems.append(f"{where}: gold text differs from raw where no edit or marker is recorded")
    return problems
