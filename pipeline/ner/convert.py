"""Convert the CoNLL-style NER corpora (ANERcorp, AQMAR) into spaCy DocBin files.

Both corpora are one ``TOKEN TAG`` per line with blank lines between
sentences. Before anything is converted every line is validated: a line that
does not split into a token and a tag, a tag outside the corpus' tag set, or an
``I-X`` that does not continue an ``X`` entity is reported (file, line number,
what was found, what was done). Stray tags get a documented repair instead of
being silently dropped.

Type mapping (corpus type -> project type):

* ``PERS`` (ANERcorp) and ``PER`` (AQMAR) -> ``PER``; ``LOC`` -> ``LOC``; ``ORG`` -> ``ORG``.
* ``MISC`` (ANERcorp) and AQMAR's per-article ``MIS0``-``MIS3`` -> ``MISC``.
  ``MISC`` is not one of the project's types, but it is kept as a *training*
  label: without it the model is taught that a MISC span (an event, a product,
  a nationality) is ordinary text directly beside PER/LOC/ORG look-alikes, and
  it tends to absorb those spans into ORG. The NER stage drops ``MISC``
  predictions before they reach the article (see :mod:`pipeline.ner.stage`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.vocab import Vocab

from ..errors import InputError

#: Corpus entity type -> training label.
TYPE_MAP: dict[str, str] = {
    "PERS": "PER",
    "PER": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC",
    "MIS0": "MISC",
    "MIS1": "MISC",
    "MIS2": "MISC",
    "MIS3": "MISC",
}

#: Repairs of stray tags found in AQMAR (see its README); the value is the tag used instead.
STRAY_TAGS: dict[str, str] = {
    "I--ORG": "I-ORG",
    "OO": "O",
    "IO": "O",
    "B-MIS-1": "B-MIS1",
    "B-MIS-2": "B-MIS2",
    "B-MISS1": "B-MIS1",
    "B-MIS1`": "B-MIS1",
    "B-MIS": "B-MISC",
    "I-MIS": "I-MISC",
    # Language-of-origin marks on single tokens: not entities of any kind we keep.
    "B-ENGLISH": "O",
    "B-SPANISH": "O",
}

_TAG_RE = re.compile(r"^(?:O|[BI]-[A-Z0-9]+)$")


@dataclass
class Problem:
    """One malformed or repaired line of a corpus file."""

    path: str
    line: int
    found: str
    action: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.found} -> {self.action}"


@dataclass
class TaggedSentence:
    """A sentence of a CoNLL corpus: tokens and their IOB2 tags (project labels)."""

    tokens: list[str]
    tags: list[str]
    source: str = ""


@dataclass
class ConversionReport:
    """What a conversion read, repaired and wrote."""

    sentences: int = 0
    tokens: int = 0
    entities: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    def add(self, other: ConversionReport) -> None:
        """Merge another report into this one."""
        self.sentences += other.sentences
        self.tokens += other.tokens
        self.entities.update(other.entities)
        self.problems.extend(other.problems)

    def summary(self) -> str:
        """A short human-readable summary (one line per malformed line at the end)."""
        ents = ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items()))
        lines = [
            f"{self.sentences} sentences, {self.tokens} tokens, entities: {ents}",
            f"{len(self.problems)} malformed or repaired lines",
        ]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def _map_tag(tag: str) -> str | None:
    """Map a well-formed corpus tag to a project tag; None when its type is unknown."""
    if tag == "O":
        return "O"
    prefix, _, typ = tag.partition("-")
    label = TYPE_MAP.get(typ)
    return f"{prefix}-{label}" if label else None


def read_conll(path: str | Path) -> tuple[list[TaggedSentence], ConversionReport]:
    """Read and validate a ``TOKEN TAG`` file.

    Args:
        path: The corpus file (UTF-8, one token per line, blank line between sentences).

    Returns:
        The sentences with tags mapped to project labels (IOB2, repaired) and a
        report listing every malformed line and what was done with it.

    Raises:
        InputError: The file does not exist or is not UTF-8.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "corpus file not found") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"expected UTF-8 text, found undecodable bytes at {exc.start}") from None
    report = ConversionReport()
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    lines: list[int] = []
    for lineno, line in enumerate([*text.split("\n"), ""], start=1):
        line = line.rstrip("\r")
        if not line.strip():
            if tokens:
                fixed = _repair_iob(tags, lines, path.name, report)
                sentences.append(TaggedSentence(tokens, fixed, path.name))
                report.sentences += 1
                report.tokens += len(tokens)
                tokens, tags, lines = [], [], []
            continue
        parts = line.split()
        if len(parts) != 2:
            report.problems.append(Problem(path.name, lineno, repr(line), "skipped: expected 'TOKEN TAG'"))
            continue
        token, tag = parts
        if tag in STRAY_TAGS:
            fixed_tag = STRAY_TAGS[tag]
            report.problems.append(Problem(path.name, lineno, f"stray tag {tag!r}", f"read as {fixed_tag!r}"))
            tag = fixed_tag
        mapped = _map_tag(tag) if _TAG_RE.match(tag) else None
        if mapped is None:
            report.problems.append(Problem(path.name, lineno, f"unknown tag {tag!r}", "read as 'O'"))
            mapped = "O"
        tokens.append(token)
        tags.append(mapped)
        lines.append(lineno)
    for sent in sentences:
        for _, label in _spans(sent.tags):
            report.entities[label] += 1
    return sentences, report


def _repair_iob(tags: Sequence[str], lines: Sequence[int], name: str, report: ConversionReport) -> list[str]:
    """Turn an ``I-X`` that does not continue an ``X`` into ``B-X`` (conlleval's reading), and report it."""
    out = []
    prev = "O"
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            report.problems.append(
                Problem(name, lines[i], f"{tag!r} after {prev!r}", f"read as 'B-{tag[2:]}' (starts an entity)")
            )
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def _spans(tags: Sequence[str]) -> list[tuple[tuple[int, int], str]]:
    """Token spans ``((start, end), label)`` of an IOB2 sequence."""
    spans = []
    start = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append(((start, i), label))
            start = None
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


def sentence_to_doc(vocab: Vocab, sentence: TaggedSentence, *, keep_labels: Iterable[str] | None = None) -> Doc:
    """A Doc built from the corpus' own tokens, with its entities set.

    Args:
        vocab: The vocab of the pipeline the data is for.
        sentence: Tokens and IOB2 tags.
        keep_labels: Labels to keep; other entities become ``O`` (all kept when None).
    """
    keep = set(keep_labels) if keep_labels is not None else None
    tags = list(sentence.tags)
    if keep is not None:
        tags = [t if t == "O" or t[2:] in keep else "O" for t in tags]
    doc = Doc(vocab, words=sentence.tokens, spaces=[True] * len(sentence.tokens))
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


def to_docbin(
    vocab: Vocab,
    sentences: Iterable[TaggedSentence],
    *,
    keep_labels: Iterable[str] | None = None,
    sentences_per_doc: int = 1,
) -> DocBin:
    """Pack sentences into a DocBin (optionally several sentences per Doc).

    Args:
        vocab: The vocab of the pipeline the data is for.
        sentences: The validated sentences.
        keep_labels: Labels to keep (all when None).
        sentences_per_doc: How many consecutive sentences form one training Doc.
    """
    keep = list(keep_labels) if keep_labels is not None else None
    db = DocBin(store_user_data=False)
    batch: list[TaggedSentence] = []
    for sent in sentences:
        batch.append(sent)
        if len(batch) >= sentences_per_doc:
            db.add(sentence_to_doc(vocab, _join(batch), keep_labels=keep))
            batch = []
    if batch:
        db.add(sentence_to_doc(vocab, _join(batch), keep_labels=keep))
    return db


def _join(batch: list[TaggedSentence]) -> TaggedSentence:
    if len(batch) == 1:
        return batch[0]
    return TaggedSentence([t for s in batch for t in s.tokens], [t for s in batch for t in s.tags], batch[0].source)


def read_aqmar(
    folder: str | Path, articles: Iterable[str] | None = None
) -> tuple[list[TaggedSentence], ConversionReport]:
    """Read (some of) the AQMAR article files.

    Args:
        folder: The ``articles/`` folder of the AQMAR corpus.
        articles: File stems to read (all ``*.txt`` when None), in the given order.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "AQMAR articles folder not found")
    names = sorted(p.stem for p in folder.glob("*.txt")) if articles is None else list(articles)
    report = ConversionReport()
    sentences: list[TaggedSentence] = []
    for name in names:
        sents, rep = read_conll(folder / f"{name}.txt")
        sentences.extend(sents)
        report.add(rep)
    return sentences, report
