"""Scoring the reader and the NER on the layout set: articles laid out as other journals lay
them out, with the true role of every line and an independent entity gold.

The set lives in ``corpus/layouts/``: ``articles/NAME.txt`` with ``NAME.truth.json`` (one record
per raw line, ``{"start", "end", "text", "tag"}``, the tag naming the line's true role: ``p3`` a
line of body paragraph 3, ``li:b`` of list item b, ``fn:2`` of footnote 2, ``ref:4`` of reference
4, ``abs_ar`` / ``abs_en`` of an abstract, ``h1`` a heading, ``title_ar``, ``kw_en``, ``author``,
``runhead``, ``pageno``, ``rule``, ...; ``blank`` for an empty line), and ``ner_gold/`` (the
annotated regions and their entities, frozen before any NER output was seen; see its README).
``diplo evaluate`` scores both when the corpus has them; ``scripts/eval_reader_layouts.py`` and
``scripts/eval_ner_layouts.py`` print the details (per article, every error).

Reader, two figures per article and in all:

* line roles: the share of non-blank lines whose letters the reader files under the right role
  (a passage of the right kind, a heading, a title, keywords, front-matter metadata, or set aside
  as structure for page furniture and labels); a line whose letters nothing covers is "lost";
* units: body paragraphs, list items, footnotes and references found as one passage of the same
  kind whose raw extent overlaps the true one by IoU >= 0.9 (the measure of ``diplo evaluate
  --stage read`` on the corpus; a list item's or footnote's extent taken from the start of its
  line, marker included, as the truth tags whole lines), as precision, recall and F1.

NER: a predicted entity is scored when its raw span lies inside the annotated regions of its
article (its first character in one region and its last in a region of the same language: an
entity may wrap from one line to the next) and takes that region's language; exact match of
(article, start, end, label); precision, recall and F1 overall, per language, per label and per
(language, label).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .document import Article, Passage
from .errors import InputError
from .reader import ReaderSettings, read_article

LABELS = ("PER", "ORG", "LOC", "PLATFORM", "DATE")
#: One-letter Arabic prefixes the guidelines leave outside a span.
PREFIXES = set("وفبكل")

#: Truth tag (its prefix before a digit or colon) -> the role the reader should give the line.
EXPECTED = {
    "p": "paragraph",
    "quote": "paragraph",
    "twocol": "paragraph",
    "table": "paragraph",
    "table_caption": "paragraph",
    "table_source": "paragraph",
    "li": "list_item",
    "fn": "footnote",
    "ref": "reference",
    "abs_ar": "abstract",
    "abs_en": "abstract",
    "h": "heading",
    "h_refs": "heading",
    "h_refs_part": "heading",
    "title_ar": "title_ar",
    "title_en": "title_en",
    "kw_ar": "keywords",
    "kw_en": "keywords",
    "journal": "front",
    "author": "front",
    "author_en": "front",
    "affil": "front",
    "email": "front",
    "dates": "front",
    "runhead": "set aside",
    "pageno": "set aside",
    "footer": "set aside",
    "rule": "set aside",
    "fn_rule": "set aside",
    "abs_ar_label": "set aside",
    "abs_en_label": "set aside",
    "kw_ar_label": "set aside",
    "kw_en_label": "set aside",
}
#: Units scored by extent, by the kind of passage they should be.
UNIT_KINDS = {"p": "paragraph", "quote": "paragraph", "li": "list_item", "fn": "footnote", "ref": "reference"}
_LETTER = re.compile(r"[^\W\d_]")


def tag_family(tag: str) -> str:
    """``p12b`` -> ``p``, ``fn:3`` -> ``fn``, ``h2`` -> ``h``; other tags as they are."""
    head = tag.split(":")[0]
    if head in EXPECTED:
        return head
    return re.sub(r"\d.*$", "", head)


def roles(article: Article) -> list[str]:
    """The role the reader gave each raw character ("" where nothing covers it)."""
    raw = article.raw
    role = [""] * len(raw)

    def mark(start: int, end: int, name: str) -> None:
        for i in range(max(0, start), min(end, len(raw))):
            role[i] = name

    for start, end in article.structure_spans:
        mark(start, end, "set aside")
    for span in article.metadata.values():
        mark(span.start, span.end, "front")
    for name, span in (("title_ar", article.title_ar), ("title_en", article.title_en)):
        if span is not None:
            mark(span.start, span.end, name)
    for span in (*article.keywords_ar, *article.keywords_en):
        mark(span.start, span.end, "keywords")
    for section in article.sections:
        mark(section.start, section.end, "heading")
    for passage in article.passages:
        for start, end in passage.spans:
            mark(start, end, passage.kind)
    return role


def score_article(text_path: Path, settings: ReaderSettings | None = None) -> dict[str, Any]:
    """The reader's line roles and units on one article against its line truth.

    Args:
        text_path: The article (``NAME.txt``, with ``NAME.truth.json`` beside it).
        settings: Reader settings (the defaults, with no abstract required, when omitted).

    Returns:
        Counts ``lines``, ``right``, ``lost``, ``gold_units``, ``predicted_units``,
        ``found_units``; ``confusions`` (a Counter of (wanted, got) roles) and ``wrong`` (each
        wrong line as ``(tag, wanted, got, text)``).
    """
    truth = json.loads(text_path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    settings = settings or ReaderSettings(require_abstract=False)
    article = read_article(text_path, settings=settings)
    raw = article.raw
    role = roles(article)
    lines = right = lost = 0
    confusions: Counter[tuple[str, str]] = Counter()
    wrong: list[tuple[str, str, str, str]] = []
    for t in truth:
        family = tag_family(t["tag"])
        if family == "blank" or family not in EXPECTED:
            continue
        got = Counter(role[i] for i in range(t["start"], t["end"]) if _LETTER.match(raw[i]))
        if not got:
            continue  # a line without letters (a page number's digits are scored through their tag)
        lines += 1
        seen = got.most_common(1)[0][0]
        if seen == "":
            lost += 1
        want = EXPECTED[family]
        ok = seen == want or (
            want == "paragraph" and family.startswith("table") and seen in ("table", "list_item", "set aside")
        )
        # A front-matter line whose labels are set aside and whose values are read as fields
        # (``تاريخ القبول: 2023/2/12``, the digits of the value carry no letters) is read right.
        ok = ok or (want == "front" and seen == "set aside" and "front" in role[t["start"] : t["end"]])
        # A line of two columns (``twocol``) holds two pieces of text: read into its columns' passages
        # (an abstract box set side by side, each column an abstract) it is read as right as read whole.
        ok = ok or (family == "twocol" and seen in ("abstract", "keywords"))
        right += ok
        if not ok:
            confusions[(want, seen or "lost")] += 1
            wrong.append((t["tag"], want, seen or "LOST", t["text"]))
    # units
    extents: dict[str, list[int]] = {}
    kinds: dict[str, str] = {}
    for t in truth:
        family = tag_family(t["tag"])
        if family in UNIT_KINDS and t["end"] > t["start"] and t["text"].strip():
            # (a line's extent from its first character: pdftotext -layout pads right-aligned lines)
            first = t["start"] + len(t["text"]) - len(t["text"].lstrip())
            box = extents.setdefault(t["tag"], [first, t["end"]])
            box[0], box[1] = min(box[0], first), max(box[1], t["end"])
            kinds[t["tag"]] = UNIT_KINDS[family]
    predicted = [(p.kind, _with_marker(raw, p)) for p in article.passages if p.kind in set(UNIT_KINDS.values())]
    found = sum(
        any(kind == kinds[tag] and _iou(extent, tuple(box)) >= 0.9 for kind, extent in predicted)
        for tag, box in extents.items()
    )
    return {
        "lines": lines,
        "right": right,
        "lost": lost,
        "gold_units": len(extents),
        "predicted_units": len(predicted),
        "found_units": found,
        "confusions": confusions,
        "wrong": wrong,
    }


_LONG_NOTE_MARKER = re.compile(r"(?:\[\^\d{1,3}\]:|<sup>\d{1,3}</sup>)\s*")


def _with_marker(raw: str, passage: Passage) -> tuple[int, int]:
    """A passage's raw extent, from the start of its line for a list item or footnote: the truth
    tags whole lines, and the reader leaves the item's marker (``3-``, ``(5)``) out of its text."""
    start = passage.start
    if passage.kind in ("list_item", "footnote"):
        line_start = raw.rfind("\n", 0, start) + 1
        while line_start < start and raw[line_start] in " \t\f":
            line_start += 1
        # (a marker of six characters at most, or a Markdown or HTML note's: «[^12]:», «<sup>3</sup>»)
        if start - line_start <= 6 or _LONG_NOTE_MARKER.fullmatch(raw, line_start, start):
            start = line_start
    return start, passage.end


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def article_paths(folder: Path) -> list[Path]:
    """The articles of a layout folder that have their line truth beside them, sorted by name."""
    return sorted(p for p in Path(folder).glob("*.txt") if p.with_suffix(".truth.json").exists())


def score_articles(paths: Iterable[Path], settings: ReaderSettings | None = None) -> Counter[str]:
    """The counts of :func:`score_article` summed over several articles (its lists left out)."""
    total: Counter[str] = Counter()
    for path in paths:
        total.update({k: v for k, v in score_article(path, settings).items() if isinstance(v, int)})
    return total


def unit_prf(scores: dict[str, int]) -> tuple[float, float, float]:
    """Unit precision, recall and F1 of summed article scores."""
    return prf(scores["found_units"], scores["predicted_units"], scores["gold_units"])


# -- NER ---------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """One entity: raw offsets into its article, label and language."""

    article: str
    start: int
    end: int
    label: str
    lang: str
    text: str


def read_jsonl(path: Path) -> list[dict]:
    """Read a JSON Lines file.

    Raises:
        InputError: The file is missing or a line is not a JSON object.
    """
    if not path.is_file():
        raise InputError(f"{path}: gold file not found")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: expected a JSON object, found {line[:60]!r} ({exc})") from None
        records.append(record)
    return records


def load_gold(gold_dir: Path, articles_dir: Path) -> tuple[dict[str, list[tuple[int, int, str]]], list[Span]]:
    """Load and check the regions and gold entities.

    Returns:
        Regions per article as (start, end, lang), and the gold spans.

    Raises:
        InputError: An article file is missing, or a gold entity's text is not the raw text at its offsets.
    """
    raws: dict[str, str] = {}
    regions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in read_jsonl(gold_dir / "regions.jsonl"):
        regions[r["article"]].append((r["start"], r["end"], r["lang"]))
    gold = []
    for e in read_jsonl(gold_dir / "entities.jsonl"):
        raw = raw_text(articles_dir, e["article"], raws)
        if raw[e["start"] : e["end"]] != e["text"]:
            raise InputError(
                f"{gold_dir / 'entities.jsonl'}: {e['article']} [{e['start']}:{e['end']}] should read "
                f"{e['text']!r}, found {raw[e['start'] : e['end']]!r}"
            )
        gold.append(Span(e["article"], e["start"], e["end"], e["label"], e["lang"], e["text"]))
    return dict(regions), gold


def load_items(path: Path) -> tuple[dict[str, dict], list[Span]]:
    """Held-out entity items (``corpus/ner_heldout*/items.jsonl``: one short text per line with its gold).

    Returns:
        The items by id, and the gold spans (``article`` is the item's id, offsets into its text).

    Raises:
        InputError: The file is missing, a gold entity's text is not the item's text at its offsets,
            or an id repeats.
    """
    items: dict[str, dict] = {}
    gold = []
    for record in read_jsonl(path):
        if record["id"] in items:
            raise InputError(f"{path}: item id {record['id']!r} occurs twice")
        items[record["id"]] = record
        text = record["text"]
        for e in record["entities"]:
            if text[e["start"] : e["end"]] != e["text"]:
                raise InputError(
                    f"{path}: {record['id']} [{e['start']}:{e['end']}] should read {e['text']!r}, "
                    f"found {text[e['start'] : e['end']]!r}"
                )
            gold.append(Span(record["id"], e["start"], e["end"], e["label"], record["lang"], e["text"]))
    return items, gold


def item_spans(ner: Any, items: dict[str, dict]) -> list[Span]:
    """The entities an NER stage finds in each item, as the stage tags a passage's plain text."""
    out = []
    for item_id, item in items.items():
        text = item["text"]
        found = ner.entities_ar(text) if item["lang"] == "ar" else ner.entities_en(text)
        out += [Span(item_id, f.start, f.end, f.label, item["lang"], text[f.start : f.end]) for f in found]
    return out


def raw_text(articles_dir: Path, article: str, cache: dict[str, str] | None = None) -> str:
    """The raw text of an article, as the reader sees it (no newline translation).

    Raises:
        InputError: The article's file is missing.
    """
    if cache is not None and article in cache:
        return cache[article]
    path = Path(articles_dir) / f"{article}.txt"
    if not path.is_file():
        raise InputError(f"{path}: article named in the gold not found")
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    if cache is not None:
        cache[article] = text
    return text


def region_lang(regions: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The language of the regions holding [start, end), or None when the span is not inside them."""
    first = next((lang for s, e, lang in regions if s <= start < e), None)
    last = next((lang for s, e, lang in regions if s < end <= e), None)
    return first if first is not None and first == last else None


def entity_spans(name: str, article: Article, regions: list[tuple[int, int, str]]) -> list[Span]:
    """The entities of a processed article that lie inside its annotated regions."""
    out = []
    for ent in article.entities:
        lang = region_lang(regions, ent.start, ent.end)
        if lang is not None:
            out.append(Span(name, ent.start, ent.end, ent.label, lang, article.raw[ent.start : ent.end]))
    return out


def _key(span: Span) -> tuple[str, int, int, str]:
    """What an exact match compares."""
    return span.article, span.start, span.end, span.label


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[Span], predicted: list[Span]) -> dict[str, dict[str, float | int]]:
    """Exact span-and-label scores, overall and per language, label and (language, label).

    Returns:
        Bucket name ("all", "ar", "en", "PER", "ar/PER", ...) -> tp, pred, gold, p, r, f1.
    """
    gold_keys = {_key(s) for s in gold}
    counts: dict[str, Counter] = defaultdict(Counter)
    for spans, field in ((gold, "gold"), (predicted, "pred")):
        for s in spans:
            for bucket in ("all", s.lang, s.label, f"{s.lang}/{s.label}"):
                counts[bucket][field] += 1
                if field == "pred" and _key(s) in gold_keys:
                    counts[bucket]["tp"] += 1
    table = {}
    for bucket, c in counts.items():
        p, r, f = prf(c["tp"], c["pred"], c["gold"])
        table[bucket] = {"tp": c["tp"], "pred": c["pred"], "gold": c["gold"], "p": p, "r": r, "f1": f}
    return table


def _boundary_detail(g: Span, p: Span, raw: str) -> str:
    """How a predicted span that overlaps a gold one differs from it, in a few words."""
    parts = []
    if p.start < g.start:
        extra = raw[p.start : g.start]
        if len(extra) <= 2 and set(extra) <= PREFIXES:
            parts.append("keeps prefix")
        else:
            parts.append(f"+{len(extra.split()) or 1}w left")
    elif p.start > g.start:
        parts.append(f"-{len(raw[g.start : p.start].split()) or 1}w left")
    if p.end > g.end:
        parts.append(f"+{len(raw[g.end : p.end].split()) or 1}w right")
    elif p.end < g.end:
        parts.append(f"-{len(raw[p.end : g.end].split()) or 1}w right")
    return ", ".join(parts)


def errors(gold: list[Span], predicted: list[Span], articles_dir: Path) -> list[tuple[str, Span | None, Span | None]]:
    """Pair each unmatched gold and predicted span into an error with its pattern.

    A predicted span overlapping an unmatched gold one is a wrong label (same span), a boundary
    error (same label) or both; what is left is missed (gold) or spurious (predicted).
    """
    pred_keys = {_key(s) for s in predicted}
    gold_keys = {_key(s) for s in gold}
    fn = [g for g in gold if _key(g) not in pred_keys]
    fp = [p for p in predicted if _key(p) not in gold_keys]
    used: set[int] = set()
    out = []
    raws: dict[str, str] = {}
    for g in fn:
        raw = raw_text(articles_dir, g.article, raws)
        overlaps = [
            (i, p)
            for i, p in enumerate(fp)
            if i not in used and p.article == g.article and p.start < g.end and g.start < p.end
        ]
        # Prefer the same label, then the largest overlap.
        overlaps.sort(key=lambda ip: (ip[1].label != g.label, -(min(g.end, ip[1].end) - max(g.start, ip[1].start))))
        if not overlaps:
            out.append((f"{g.lang} missed {g.label}", g, None))
            continue
        i, p = overlaps[0]
        used.add(i)
        if (p.start, p.end) == (g.start, g.end):
            out.append((f"{g.lang} {g.label} labelled {p.label}", g, p))
        elif p.label == g.label:
            out.append((f"{g.lang} {g.label} boundary ({_boundary_detail(g, p, raw)})", g, p))
        else:
            out.append((f"{g.lang} {g.label} labelled {p.label} + boundary ({_boundary_detail(g, p, raw)})", g, p))
    for i, p in enumerate(fp):
        if i not in used:
            out.append((f"{p.lang} spurious {p.label}", None, p))
    return out
