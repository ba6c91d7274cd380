"""The NER on held-out articles it was never tuned on, against an independent entity gold.

Data: the 21 articles of ``tests/fixtures/layouts/articles`` (abstracts: UN Parallel Corpus
sentence pairs; bodies: ANT news text; see that folder's README). A gold folder (default
``tests/fixtures/layouts/ner_gold``) holds

* ``regions.jsonl``: the annotated regions, one record per raw line
  ``{"article", "lang", "start", "end"}`` (the Arabic and English abstract lines of every article,
  and the lines of the first four body paragraphs of eight of them);
* ``entities.jsonl``: every entity inside them, ``{"article", "lang", "start", "end", "text",
  "label"}`` with raw character offsets into ``NAME.txt`` (read with ``newline=""``), labels
  PER, ORG, LOC, PLATFORM, DATE, annotated by corpus/GUIDELINES.md "Entities" plus the folder's
  DECISIONS.md, and frozen before any NER output was seen.

Each article with regions goes through the configured pipeline the way ``diplo run`` does
(read -> repair -> align -> ner, built once: the stages after ``ner`` are left out because they
add no entities). A predicted entity is scored when its raw span lies inside the annotated
regions of its article: its first character in one region and its last in a region of the same
language (an entity may wrap from one line to the next, as gold ones do). It takes the language of
that region.

Scorer: exact match of (article, start, end, label). Precision = matches / predicted in regions,
recall = matches / gold, F1 their harmonic mean; overall, per language, per label and per
(language, label), with the counts. Errors are also sorted into patterns (missed, spurious, wrong
label on the right span, boundary errors with how the span differs: a one-letter prefix or a
title kept, a word too many or too few), the most frequent listed.

Usage:
    python scripts/eval_ner_layouts.py [--gold DIR] [--articles DIR] [--config TOML]
        [--show-errors] [--patterns N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import load_config  # noqa: E402
from pipeline.errors import InputError  # noqa: E402
from pipeline.runner import Pipeline  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "PLATFORM", "DATE")
#: One-letter Arabic prefixes the guidelines leave outside a span.
PREFIXES = set("وفبكل")


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
        raise InputError(f"{path}: gold file not found (expected regions.jsonl and entities.jsonl in the gold folder)")
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
    regions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in read_jsonl(gold_dir / "regions.jsonl"):
        regions[r["article"]].append((r["start"], r["end"], r["lang"]))
    gold = []
    for e in read_jsonl(gold_dir / "entities.jsonl"):
        raw = raw_text(articles_dir, e["article"])
        if raw[e["start"] : e["end"]] != e["text"]:
            raise InputError(
                f"{gold_dir / 'entities.jsonl'}: {e['article']} [{e['start']}:{e['end']}] should read "
                f"{e['text']!r}, found {raw[e['start'] : e['end']]!r}"
            )
        gold.append(Span(e["article"], e["start"], e["end"], e["label"], e["lang"], e["text"]))
    return dict(regions), gold


_RAW: dict[str, str] = {}


def raw_text(articles_dir: Path, article: str) -> str:
    """The raw text of an article, as the reader sees it (no newline translation)."""
    if article not in _RAW:
        path = articles_dir / f"{article}.txt"
        if not path.is_file():
            raise InputError(f"{path}: article named in the gold not found")
        with open(path, encoding="utf-8", newline="") as handle:
            _RAW[article] = handle.read()
    return _RAW[article]


def region_lang(regions: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The language of the regions holding [start, end), or None when the span is not inside them."""
    first = next((lang for s, e, lang in regions if s <= start < e), None)
    last = next((lang for s, e, lang in regions if s < end <= e), None)
    return first if first is not None and first == last else None


def predict(
    articles_dir: Path, regions: dict[str, list[tuple[int, int, str]]], config: Path | None
) -> tuple[list[Span], list[str]]:
    """Run the configured pipeline up to NER on every article with regions.

    Returns:
        The predicted spans inside the regions, and the stage names that ran.
    """
    cfg = load_config(config)
    stages = cfg.enabled_stages()
    after_ner = stages[stages.index("ner") + 1 :] if "ner" in stages else []
    began = time.perf_counter()
    nlp = Pipeline.from_config(cfg, disable=after_ner)
    print(f"pipeline built in {time.perf_counter() - began:.1f} s: {' -> '.join(nlp.stage_names)}", file=sys.stderr)
    predicted = []
    for name in sorted(regions):
        article = nlp(articles_dir / f"{name}.txt")
        raw = raw_text(articles_dir, name)
        if article.raw != raw:
            raise InputError(f"{name}: the reader's raw text differs from the file's (offsets would not match)")
        for ent in article.entities:
            lang = region_lang(regions[name], ent.start, ent.end)
            if lang is not None:
                predicted.append(Span(name, ent.start, ent.end, ent.label, lang, raw[ent.start : ent.end]))
    return predicted, nlp.stage_names


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
    for g in fn:
        raw = raw_text(articles_dir, g.article)
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


def main(argv: list[str] | None = None) -> int:
    """Score the NER against the layout-articles gold and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/fixtures/layouts/ner_gold", help="gold folder")
    parser.add_argument(
        "--articles", type=Path, default=ROOT / "tests/fixtures/layouts/articles", help="article folder"
    )
    parser.add_argument("--config", type=Path, default=None, help="pipeline config (default configs/pipeline.toml)")
    parser.add_argument("--show-errors", action="store_true", help="list every error with its pattern")
    parser.add_argument("--patterns", type=int, default=15, help="how many error patterns and surfaces to list")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores and errors to this file")
    args = parser.parse_args(argv)

    regions, gold = load_gold(args.gold, args.articles)
    predicted, stage_names = predict(args.articles, regions, args.config)
    table = score(gold, predicted)

    print(
        f"NER on {len(regions)} layout articles ({sum(len(r) for r in regions.values())} region lines), "
        f"stages {' -> '.join(stage_names)}; exact span + label"
    )
    print(f"{'bucket':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
    order = ["all", "ar", "en", *LABELS, *(f"{lang}/{lab}" for lang in ("ar", "en") for lab in LABELS)]
    extra = sorted(b for b in table if b not in order)  # a label outside the scheme, if the model emits one
    for bucket in [*order, *extra]:
        if bucket in table:
            t = table[bucket]
            print(f"{bucket:<14}{t['p']:>7.3f}{t['r']:>7.3f}{t['f1']:>7.3f}{t['tp']:>6}{t['pred']:>6}{t['gold']:>6}")

    errs = errors(gold, predicted, args.articles)
    patterns = Counter(pattern for pattern, _, _ in errs)
    print(f"\n{len(errs)} errors; the {args.patterns} most frequent patterns:")
    for pattern, n in patterns.most_common(args.patterns):
        print(f"{n:>5}  {pattern}")
    surfaces = Counter(
        f"{pattern}: {(g or p).text!r}" + (f" -> {p.text!r}" if g and p and p.text != g.text else "")
        for pattern, g, p in errs
    )
    print(f"\nthe {args.patterns} most frequent errors by surface:")
    for surface, n in surfaces.most_common(args.patterns):
        print(f"{n:>5}  {surface.replace(chr(10), ' ')}")
    if args.show_errors:
        print("\nall errors (article [start:end] gold | predicted):")
        for pattern, g, p in sorted(errs, key=lambda e: ((e[1] or e[2]).article, (e[1] or e[2]).start)):
            s = g or p
            gtxt = f"{g.text!r} {g.label}" if g else "-"
            ptxt = f"{p.text!r} {p.label}" if p else "-"
            print(f"{s.article} [{s.start}:{s.end}] {pattern}: {gtxt} | {ptxt}".replace("\n", "⏎"))
    if args.json is not None:
        report = {
            "scores": table,
            "patterns": dict(patterns.most_common()),
            "errors": [
                {"pattern": pattern, "gold": g.__dict__ if g else None, "pred": p.__dict__ if p else None}
                for pattern, g, p in errs
            ],
        }
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
