"""The NER on held-out articles it was never tuned on, against an independent entity gold.

Data: the 21 articles of ``corpus/layouts/articles`` (abstracts: UN Parallel Corpus sentence
pairs; bodies: ANT news text; see that folder's README) and the gold of ``corpus/layouts/ner_gold``
(the annotated regions and their entities, annotated by corpus/GUIDELINES.md "Entities" plus the
folder's DECISIONS.md, and frozen before any NER output was seen).

Each article with regions goes through the configured pipeline the way ``diplo run`` does
(read -> repair -> align -> ner, built once: the stages after ``ner`` are left out because they
add no entities). Scorer (:mod:`pipeline.layouts`): exact match of (article, start, end, label)
for predicted entities inside the regions; P/R/F1 overall, per language, per label and per
(language, label). Errors are also sorted into patterns (missed, spurious, wrong label on the
right span, boundary errors with how the span differs), the most frequent listed.
``diplo evaluate --stage ner`` gives the overall and per-language figures.

Usage:
    python scripts/eval_ner_layouts.py [--gold DIR] [--articles DIR] [--config TOML]
        [--show-errors] [--patterns N] [--json FILE]
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
from pipeline.layouts import LABELS, Span, entity_spans, errors, load_gold, raw_text, score  # noqa: E402
from pipeline.runner import Pipeline  # noqa: E402


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
        if article.raw != raw_text(articles_dir, name):
            raise InputError(f"{name}: the reader's raw text differs from the file's (offsets would not match)")
        predicted += entity_spans(name, article, regions[name])
    return predicted, nlp.stage_names


def main(argv: list[str] | None = None) -> int:
    """Score the NER against the layout-articles gold and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus/layouts/ner_gold", help="gold folder")
    parser.add_argument("--articles", type=Path, default=ROOT / "corpus/layouts/articles", help="article folder")
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
