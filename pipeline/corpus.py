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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import PROJECT_ROOT
from .document import EDIT_KINDS, ENTITY_LABELS, PASSAGE_LABELS
from .errors import InputError, InputNotFoundError

DEFAULT_CORPUS = PROJECT_ROOT / "corpus"
GOLD_LABELS = (*PASSAGE_LABELS, "other")
UNIT_KINDS = ("title", "abstract", "keywords", "paragraph", "list_item", "reference", "footnote", "table")
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
    #: Line of the record in its file (for messages); 0 when built in code.
    line: int = field(default=0, compare=False)

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
    #: Line of the record in gold/sentences.jsonl (for messages); 0 when built in code.
    line: int = field(default=0, compare=False)


@dataclass
class GoldLink:
    """A gold alignment bead: raw spans on each side (either side may be empty)."""

    article: str
    kind: str
    ar: list[tuple[int, int]]
    en: list[tuple[int, int]]
    #: Line of the record in gold/alignment.jsonl (for messages); 0 when built in code.
    line: int = field(default=0, compare=False)


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

    def annotated(self, layer: str) -> list[str]:
        """Ids of the articles that have gold for one layer (the others are *not annotated*, never zero).

        An article is annotated for ``units`` (segmentation) and ``repair`` (gold clean text and
        edits; an article without edits is clean) when it has records in gold/passages.jsonl; for
        ``labels`` when its body units carry labels; for ``entities`` when at least one of its
        units has an entity; for ``sentences`` / ``alignment`` when it has records in
        gold/sentences.jsonl / gold/alignment.jsonl (see corpus/README.md).

        Raises:
            ValueError: An unknown layer name.
        """
        if layer in ("units", "repair"):
            found = {p.article for p in self.passages}
        elif layer == "labels":
            found = {p.article for p in self.passages if p.is_body and p.label is not None}
        elif layer == "entities":
            found = {p.article for p in self.passages if p.entities}
        elif layer == "sentences":
            found = {s.article for s in self.sentences}
        elif layer == "alignment":
            found = {link.article for link in self.links}
        else:
            raise ValueError(f"unknown gold layer {layer!r}; expected one of {', '.join(LAYERS)}")
        return sorted(found)


#: The gold layers :meth:`Corpus.annotated` knows.
LAYERS = ("units", "repair", "labels", "entities", "sentences", "alignment")


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, record)`` of every non-blank line; a missing file has none.

    Raises:
        InputError: A line is not valid JSON or not a JSON object.
    """
    if not path.exists():
        return []
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"line {number} is not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise InputError(str(path), f"line {number}: expected a JSON object, found {type(record).__name__}")
            records.append((number, record))
    return records


def _spans(value: Any) -> list[tuple[int, int]]:
    """``[[start, end], ...]`` as tuples (a TypeError when the shape is wrong)."""
    if not isinstance(value, list):
        raise TypeError(f"expected a list of [start, end] pairs, found {value!r}")
    spans = []
    for pair in value:
        if not (isinstance(pair, list) and len(pair) == 2 and all(type(x) is int for x in pair)):
            raise TypeError(f"expected [start, end] integer pairs, found {pair!r}")
        spans.append((pair[0], pair[1]))
    return spans


def _offset(record: dict[str, Any], key: str) -> int:
    value = record[key]
    if type(value) is not int:
        raise TypeError(f"{key}: expected an integer offset, found {value!r}")
    return value


def _passage(record: dict[str, Any], line: int) -> GoldPassage:
    return GoldPassage(
        id=record["id"],
        article=record["article"],
        kind=record["kind"],
        lang=record["lang"],
        section=record.get("section"),
        spans=_spans(record["spans"]),
        raw=record.get("raw", ""),
        text=record.get("text", ""),
        citations=[{"start": _offset(c, "start"), "end": _offset(c, "end")} for c in record.get("citations", [])],
        edits=[
            GoldEdit(_offset(e, "start"), _offset(e, "end"), e["original"], e["replacement"], e["kind"])
            for e in record.get("edits", [])
        ],
        label=record.get("label"),
        label2=record.get("label2"),
        entities=[
            GoldEntity(_offset(e, "start"), _offset(e, "end"), e["label"], e["text"])
            for e in record.get("entities", [])
        ],
        line=line,
    )


def _sentence(record: dict[str, Any], line: int) -> GoldSentence:
    return GoldSentence(
        record["article"], record["lang"], _offset(record, "start"), _offset(record, "end"), record["text"], line
    )


def _link(record: dict[str, Any], line: int) -> GoldLink:
    return GoldLink(record["article"], record["kind"], _spans(record["ar"]), _spans(record["en"]), line)


def _records(path: Path, build: Callable[[dict[str, Any], int], Any]) -> list[Any]:
    """Build one object per record of a JSONL file; a missing field or a wrong type names the line.

    Raises:
        InputError: A line is not a JSON object, lacks a field or has a value of the wrong type.
    """
    out = []
    for number, record in _read_jsonl(path):
        where = f"line {number}" + (f" (record {record['id']})" if isinstance(record.get("id"), str) else "")
        try:
            out.append(build(record, number))
        except KeyError as exc:
            raise InputError(str(path), f"{where} lacks the field {exc}") from None
        except (TypeError, AttributeError) as exc:  # e.g. "entities": "x", or an entity that is no object
            raise InputError(str(path), f"{where} is malformed ({exc})") from None
    return out


def load_corpus(root: str | Path | None = None, *, gold_file: str = "gold/passages.jsonl") -> Corpus:
    """Load the corpus folder (without validating it: see :func:`validate_corpus`, :func:`require_valid`).

    Raw files are read as the pipeline reads them (:func:`pipeline.textio.read_text_file`: the
    bytes decoded, line ends kept as they are), so gold offsets mean the same characters as the
    offsets into :attr:`pipeline.document.Article.raw`.

    Args:
        root: The corpus folder; ``corpus/`` of the project when omitted.
        gold_file: The passages file inside it (another annotator's pass can be loaded the same way).

    Raises:
        InputNotFoundError: The folder or its passages file is missing.
        InputError: A record is not valid JSON, lacks a field or has a value of the wrong type
            (the message names the file and line), or a raw file cannot be decoded.
    """
    from .textio import read_text_file

    root = Path(root) if root is not None else DEFAULT_CORPUS
    passages_path = root / gold_file
    if not passages_path.exists():
        raise InputNotFoundError(str(passages_path), "no gold passages file (expected corpus/gold/passages.jsonl)")
    raw: dict[str, str] = {}
    for path in sorted((root / "raw").glob("*.txt")):
        raw[path.stem] = read_text_file(path)[0]
    return Corpus(
        root=root,
        raw=raw,
        passages=_records(passages_path, _passage),
        sentences=_records(root / "gold" / "sentences.jsonl", _sentence),
        links=_records(root / "gold" / "alignment.jsonl", _link),
    )


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

    Checks, in gold/passages.jsonl: ids unique and of the form ``<article>:pNNN``; an article
    with a raw file; offsets in range and pointing at the recorded text; kinds, languages,
    labels, entity types and edit kinds in the scheme (an article's body units are either all
    labelled or all unlabelled, i.e. not annotated for labels); no overlapping entities or
    edits; units in reading order and not overlapping; the gold text differs from the raw text
    only where an edit or a footnote marker is recorded. In gold/sentences.jsonl and
    gold/alignment.jsonl: a known article, offsets in range, a sentence's text equal to the raw
    text it points at, no duplicate sentence, a bead kind in the scheme with at least one side,
    one span per side for a title or keyword bead, and abstract beads made of gold sentences.
    """
    problems: list[str] = []
    problems += _check_ids(corpus)
    labelled = set(corpus.annotated("labels"))
    previous_end: dict[str, int] = {}
    for p in corpus.passages:
        where = f"{p.id} (passages line {p.line})" if p.line else p.id
        raw = corpus.raw.get(p.article)
        if raw is None:
            problems.append(f"{where}: no raw text for article {p.article!r} (expected raw/{p.article}.txt)")
            continue
        if p.kind not in UNIT_KINDS:
            problems.append(f"{where}: kind {p.kind!r} not in {UNIT_KINDS}")
        if p.lang not in LANGS:
            problems.append(f"{where}: lang {p.lang!r} not in {LANGS}")
        if not p.spans:
            problems.append(f"{where}: no spans")
            continue
        bad_span = False
        for s, e in p.spans:
            if not (0 <= s < e <= len(raw)):
                problems.append(f"{where}: span ({s}, {e}) out of range (raw text has {len(raw)} characters)")
                bad_span = True
        if bad_span:
            continue
        if p.start < previous_end.get(p.article, 0):
            problems.append(f"{where}: overlaps or precedes the unit before it")
        previous_end[p.article] = p.end
        if p.is_body and p.article in labelled:
            if p.label not in GOLD_LABELS:
                problems.append(f"{where}: label {p.label!r} not in {GOLD_LABELS}")
            if p.label2 is not None and (p.label2 not in GOLD_LABELS or p.label2 == p.label):
                problems.append(f"{where}: second label {p.label2!r} invalid")
        elif p.label is not None or p.label2 is not None:
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
    problems += _check_sentences(corpus)
    problems += _check_links(corpus)
    return problems


#: Languages of gold units and sentences.
LANGS = ("ar", "en")
#: Kinds of gold alignment beads.
LINK_KINDS = ("title", "keywords", "abstract")
_ID = re.compile(r"(?P<article>.+):p\d{3,}")


def _check_ids(corpus: Corpus) -> list[str]:
    """Unique passage ids of the form ``<article>:pNNN``."""
    problems = []
    lines: dict[str, list[int]] = {}
    for p in corpus.passages:
        lines.setdefault(p.id, []).append(p.line)
        match = _ID.fullmatch(p.id) if isinstance(p.id, str) else None
        if match is None or match["article"] != p.article:
            problems.append(f"{p.id} (passages line {p.line}): id is not '{p.article}:pNNN' (<article>:p + 3 digits)")
    for pid, where in lines.items():
        if len(where) > 1:
            problems.append(f"{pid}: id used by {len(where)} records (passages lines {', '.join(map(str, where))})")
    return problems


def _check_sentences(corpus: Corpus) -> list[str]:
    problems = []
    seen: dict[tuple[str, str, int, int], int] = {}
    for s in corpus.sentences:
        where = f"sentences.jsonl line {s.line}"
        raw = corpus.raw.get(s.article)
        if raw is None:
            problems.append(f"{where}: no raw text for article {s.article!r} (expected raw/{s.article}.txt)")
            continue
        if s.lang not in LANGS:
            problems.append(f"{where}: lang {s.lang!r} not in {LANGS}")
        if not 0 <= s.start < s.end <= len(raw):
            problems.append(f"{where}: ({s.start}, {s.end}) out of range (raw text has {len(raw)} characters)")
            continue
        if raw[s.start : s.end] != s.text:
            problems.append(f"{where}: ({s.start}, {s.end}) is {raw[s.start : s.end][:40]!r}…, recorded {s.text[:40]!r}…")
        key = (s.article, s.lang, s.start, s.end)
        if key in seen:
            problems.append(f"{where}: the same sentence as line {seen[key]}")
        seen.setdefault(key, s.line)
    return problems


def _check_links(corpus: Corpus) -> list[str]:
    problems = []
    sentences = {(s.article, s.lang, s.start, s.end) for s in corpus.sentences}
    for link in corpus.links:
        where = f"alignment.jsonl line {link.line}"
        raw = corpus.raw.get(link.article)
        if raw is None:
            problems.append(f"{where}: no raw text for article {link.article!r} (expected raw/{link.article}.txt)")
            continue
        if link.kind not in LINK_KINDS:
            problems.append(f"{where}: kind {link.kind!r} not in {LINK_KINDS}")
        if not link.ar and not link.en:
            problems.append(f"{where}: both sides are empty")
        for lang, spans in (("ar", link.ar), ("en", link.en)):
            if link.kind in ("title", "keywords") and len(spans) > 1:
                problems.append(f"{where}: a {link.kind} bead has one span per side, found {len(spans)} on {lang}")
            for s, e in spans:
                if not 0 <= s < e <= len(raw):
                    problems.append(f"{where}: {lang} span ({s}, {e}) out of range (raw text has {len(raw)} characters)")
                elif link.kind == "abstract" and (link.article, lang, s, e) not in sentences:
                    problems.append(f"{where}: {lang} span ({s}, {e}) is not a gold sentence of sentences.jsonl")
                elif raw[s:e] != raw[s:e].strip():
                    problems.append(f"{where}: {lang} span ({s}, {e}) starts or ends with white space")
    return problems


def require_valid(corpus: Corpus, *, shown: int = 5) -> Corpus:
    """The corpus itself when :func:`validate_corpus` finds nothing; else an error listing the problems.

    Args:
        corpus: A loaded corpus.
        shown: How many problems the message quotes (all are counted).

    Raises:
        InputError: The gold does not validate (the message gives the count and the first problems).
    """
    problems = validate_corpus(corpus)
    if problems:
        more = f"; … and {len(problems) - shown} more" if len(problems) > shown else ""
        raise InputError(
            str(corpus.root),
            f"the gold corpus does not validate ({len(problems)} problem(s); list them all with "
            f"`python -m pipeline.corpus {corpus.root}`): " + "; ".join(problems[:shown]) + more,
        )
    return corpus


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.corpus [DIR]``: validate a corpus folder and list every problem.

    Returns:
        0 when the gold validates, 1 when it has problems, 2 when it cannot be loaded.
    """
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0] in ("-h", "--help")):
        print("usage: python -m pipeline.corpus [CORPUS_DIR]   (default: corpus/ of the project)")
        return 0 if args and args[0] in ("-h", "--help") else 2
    try:
        corpus = load_corpus(args[0] if args else None)
    except (InputError, InputNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    problems = validate_corpus(corpus)
    for problem in problems:
        print(problem)
    summary = {layer: len(corpus.annotated(layer)) for layer in LAYERS}
    print(
        f"{corpus.root}: {len(corpus.article_ids())} article(s), {len(corpus.passages)} units, "
        f"{len(corpus.sentences)} sentences, {len(corpus.links)} alignment beads; articles with gold per layer: "
        + ", ".join(f"{k} {v}" for k, v in summary.items())
        + f"; {len(problems)} problem(s)",
        file=sys.stderr if problems else sys.stdout,
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
