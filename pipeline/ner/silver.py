"""Silver training sentences: the unlabelled Arabic text tagged by a teacher model.

The shipped CNN model learns what an Arabic word is from 125k tokens of ANERcorp (and AQMAR):
most names of new text are names it never saw. The fine-tuned multilingual-e5-small model
(``models/ner-ar-e5``, trained on the ANERcorp train split only) knows far more of them but tags
about 1k tokens/s. ``diplo train ner --teacher DIR`` therefore tags the unlabelled ANT news and
UN text that the training already reads for its vectors with that model, and adds the tagged
lines to the training set (knowledge distillation through silver labels): the student keeps the
CNN's speed and learns the teacher's names in context. Opt-in: measured in session 31 and not
shipped (its gains and the behaviour tests it breaks are in ``models/ner-ar/MODEL_CARD.md``).

The documents the held-out gold is drawn from are left out, so that no evaluation text is
trained on, even with silver labels: the source documents of the held-out entity items
(``corpus/ner_heldout*/items.jsonl``), every document one of whose lines appears in the layout
articles (``corpus/layouts``, ``tests/fixtures/layouts``: built from ANT and UN text) or in the
items, and every document that holds the opening of an item anywhere in a line (UN resolutions
repeat each other's sentences).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import PROJECT_ROOT
from ..errors import InputError
from .convert import TaggedSentence

#: Folders of the layout articles (text files built from ANT and UN text).
LAYOUT_FOLDERS = (Path("corpus") / "layouts", Path("tests") / "fixtures" / "layouts")
#: The held-out entity item files (``source_doc`` names the ANT or UN document of each item).
HELDOUT_ITEMS = "corpus/ner_heldout*/items.jsonl"
#: A line is looked up in the held-out text by its first characters (squashed spaces).
PROBE_CHARS = 60
#: Shorter probes would match common openings ("قال ..."), not a copied line.
MIN_PROBE_CHARS = 30
#: A document holding a held-out item's first characters anywhere in a line is left out too.
ITEM_OPENING_CHARS = 40
_ARABIC = re.compile("[\u0600-\u06ff]")


def squash(text: str) -> str:
    """The text with every run of white space made one space."""
    return " ".join(text.split())


@dataclass(frozen=True)
class HeldOut:
    """What training must not read: held-out document ids, the held-out text (squashed) and the
    openings of the held-out items (UN text repeats its sentences across documents)."""

    ids: frozenset[str]
    text: str
    item_openings: frozenset[str] = frozenset()

    def holds(self, doc_id: str, lines: Iterable[str]) -> bool:
        """Whether a document is held out: by its id, by a line found in the held-out text, or by
        a held-out item's opening found anywhere in one of its lines."""
        if doc_id in self.ids:
            return True
        squashed = [squash(line) for line in lines]
        for line in squashed:
            probe = line[:PROBE_CHARS]
            if len(probe) >= MIN_PROBE_CHARS and probe in self.text:
                return True
        sizes = {len(opening) for opening in self.item_openings}
        for line in squashed:
            for size in sizes:
                if any(line[i : i + size] in self.item_openings for i in range(len(line) - size + 1)):
                    return True
        return False


def held_out(root: Path = PROJECT_ROOT) -> HeldOut:
    """The held-out entity items' source documents and the text of items and layout articles."""
    parts = [
        squash(f.read_text(encoding="utf-8"))
        for folder in LAYOUT_FOLDERS
        for f in sorted((root / folder).rglob("*.txt"))
    ]
    ids, openings = set(), set()
    for items in sorted(root.glob(HELDOUT_ITEMS)):
        for line in items.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                text = squash(item["text"])
                parts.append(text)
                if len(text) >= MIN_PROBE_CHARS:
                    openings.add(text[:ITEM_OPENING_CHARS])
                if item.get("source_doc"):
                    ids.add(item["source_doc"])
    return HeldOut(frozenset(ids), " ".join(parts), frozenset(openings))


def unlabelled_lines(files: Iterable[Path], keep_out: HeldOut) -> tuple[list[str], int, int]:
    """The Arabic lines of the ``docs.jsonl`` files' documents that are not held out.

    Returns:
        The lines (a line holding Arabic letters, in document order), the number of documents
        read and the number left out.

    Raises:
        InputError: A file is missing.
    """
    lines: list[str] = []
    read = left_out = 0
    for path in files:
        if not path.is_file():
            raise InputError(str(path), "unlabelled Arabic text not found")
        with path.open(encoding="utf-8") as fh:
            for raw in fh:
                if not raw.strip():
                    continue
                doc = json.loads(raw)
                read += 1
                doc_lines = [x for x in (doc.get("text") or "").split("\n") if x.strip() and _ARABIC.search(x)]
                if keep_out.holds(str(doc.get("id", "")), doc_lines):
                    left_out += 1
                    continue
                lines.extend(doc_lines)
    return lines, read, left_out


def tag_with_teacher(
    teacher: Any, lines: list[str], log: Callable[[str], None] = print, batch_size: int = 64
) -> list[TaggedSentence]:
    """Each line as the teacher pipeline tokenises and tags it (IOB2; space tokens left out).

    Args:
        teacher: A loaded spaCy NER pipeline (:func:`pipeline.ner.stage.load_model`).
        lines: The text to tag.
        log: Called with a progress line now and then.
        batch_size: Lines per batch of ``teacher.pipe``.
    """
    out: list[TaggedSentence] = []
    t0 = time.time()
    tokens = 0
    step = max(1000, len(lines) // 8)
    for n, doc in enumerate(teacher.pipe(lines, batch_size=batch_size), start=1):
        kept = [t for t in doc if not t.is_space]
        tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in kept]
        out.append(TaggedSentence([t.text for t in kept], tags, "silver"))
        tokens += len(kept)
        if n % step == 0 or n == len(lines):
            secs = time.time() - t0
            log(f"silver: {n:,}/{len(lines):,} lines tagged ({tokens / max(secs, 1e-9):,.0f} tokens/s)")
    return out
