"""The NER on short real texts it was never tuned on, against a gold frozen before any output was seen.

Data: ``corpus/ner_heldout/items.jsonl`` by default, ``corpus/ner_heldout3``, ``ner_heldout4`` and ``ner_heldout5`` with
``--gold`` (each folder's README says how it was made and whether rules were since written from its
errors): Arabic news paragraphs of the ANT corpus and Arabic-English sentence pairs of the UN Parallel
Corpus test sets, each item one text with its gold entities (offsets into the text). ``diplo evaluate
--stage ner`` prints the same figures for every set.

Each item goes through the NER stage of the configured pipeline as a plain string
(``nlp.stage("ner").entities_ar`` / ``entities_en``, what the stage does to a passage, without the
reading and repair before it: the texts are clean). Scorer (:mod:`pipeline.layouts`): exact match of
(item, start, end, label); P/R/F1 overall, per language, per label and per (language, label).
Errors are listed as missed, spurious, wrong label or wrong boundary.

Usage:
    python scripts/eval_ner_heldout.py [--gold FILE] [--config TOML] [--show-errors] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import load_config  # noqa: E402
from pipeline.errors import InputError  # noqa: E402
from pipeline.layouts import LABELS, Span, item_spans, load_items, score  # noqa: E402
from pipeline.runner import Pipeline  # noqa: E402


def predict(items: dict[str, dict], config: Path | None) -> list[Span]:
    """The NER stage's entities of every item."""
    began = time.perf_counter()
    nlp = Pipeline.from_config(load_config(config), disable=["align", "classify"])
    print(f"pipeline built in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return item_spans(nlp.stage("ner"), items)


def errors(gold: list[Span], predicted: list[Span]) -> list[tuple[str, Span | None, Span | None]]:
    """Unmatched gold and predicted spans, paired where they overlap, with their pattern."""
    key = lambda s: (s.article, s.start, s.end, s.label)  # noqa: E731
    gold_keys, pred_keys = set(map(key, gold)), set(map(key, predicted))
    fn = [g for g in gold if key(g) not in pred_keys]
    fp = [p for p in predicted if key(p) not in gold_keys]
    used: set[int] = set()
    out: list[tuple[str, Span | None, Span | None]] = []
    for g in fn:
        hit = next(
            (
                i
                for i, p in enumerate(fp)
                if i not in used and p.article == g.article and p.start < g.end and g.start < p.end
            ),
            None,
        )
        if hit is None:
            out.append((f"{g.lang} missed {g.label}", g, None))
            continue
        used.add(hit)
        p = fp[hit]
        what = (
            "boundary"
            if p.label == g.label
            else f"labelled {p.label}" + ("" if (p.start, p.end) == (g.start, g.end) else " + boundary")
        )
        out.append((f"{g.lang} {g.label} {what}", g, p))
    out += [(f"{p.lang} spurious {p.label}", None, p) for i, p in enumerate(fp) if i not in used]
    return out


def main(argv: list[str] | None = None) -> int:
    """Score the NER against the held-out items and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus/ner_heldout/items.jsonl", help="gold items")
    parser.add_argument("--config", type=Path, default=None, help="pipeline config (default configs/pipeline.toml)")
    parser.add_argument("--show-errors", action="store_true", help="list every error")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores to this file")
    args = parser.parse_args(argv)
    try:
        items, gold = load_items(args.gold)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    predicted = predict(items, args.config)
    table = score(gold, predicted)
    langs = Counter(item["lang"] for item in items.values())
    print(f"NER on {len(items)} held-out items ({langs['ar']} Arabic, {langs['en']} English); exact span + label")
    print(f"{'bucket':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'pred':>6}{'gold':>6}")
    order = ["all", "ar", "en", *LABELS, *(f"{lang}/{lab}" for lang in ("ar", "en") for lab in LABELS)]
    for bucket in order + sorted(b for b in table if b not in order):
        if bucket in table:
            t = table[bucket]
            print(f"{bucket:<14}{t['p']:>7.3f}{t['r']:>7.3f}{t['f1']:>7.3f}{t['tp']:>6}{t['pred']:>6}{t['gold']:>6}")
    errs = errors(gold, predicted)
    print(f"\n{len(errs)} errors:")
    for pattern, n in Counter(p for p, _, _ in errs).most_common(12):
        print(f"{n:>5}  {pattern}")
    if args.show_errors:
        for pattern, g, p in sorted(errs, key=lambda e: ((e[1] or e[2]).article, (e[1] or e[2]).start)):
            s = g or p
            gtxt = f"{g.text!r} {g.label}" if g else "-"
            ptxt = f"{p.text!r} {p.label}" if p else "-"
            print(f"{s.article} [{s.start}:{s.end}] {pattern}: {gtxt} | {ptxt}")
    if args.json is not None:
        args.json.write_text(json.dumps({"scores": table}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
