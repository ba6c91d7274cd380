"""Alignment evaluation in one run: our aligner side by side with a Gale–Church length-only baseline.

Data sets (from ``../shared/data``):
  * Text+Berg ``dev`` (the tuning document) and ``test0``–``test6`` (German–French, Bleualign gold);
  * the UN Arabic–English derived set: the first N testset documents with at least
    3 sentence pairs, with seeded merges and drops (``pipeline.align.testsets``);
  * the seed article's abstract, title and keyword gold (``corpus/gold/alignment.jsonl``).

Scores are strict and lax P/R/F1 as defined in ``pipeline.align.metrics`` (Vecalign's
``score.py`` definitions). Usage::

    python scripts/eval_align.py [--un-docs 400] [--seed 13] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.align.aligner import Aligner  # noqa: E402
from pipeline.align.encoder import SentenceEncoder  # noqa: E402
from pipeline.align.gale_church import gale_church_align  # noqa: E402
from pipeline.align.metrics import score_alignment, score_documents  # noqa: E402
from pipeline.align.stage import AR_EN_PARAMS, TEXTBERG_PARAMS, AlignStage  # noqa: E402
from pipeline.align.testsets import load_textberg, un_derived_set  # noqa: E402

SEED = ROOT / "corpus" / "raw" / "000_295e6e45a451921c.txt"
GOLD = ROOT / "corpus" / "gold" / "alignment.jsonl"


def _eval(docs, align) -> tuple[dict, float]:
    t = time.perf_counter()
    pairs = [(align(d), d.gold) for d in docs]
    return score_documents(pairs).as_dict(), time.perf_counter() - t


def eval_seed(stage: AlignStage) -> dict:
    """Per-kind scores of the seed article against the gold links (units matched by raw span)."""
    from pipeline.reader import read_article

    article = stage(read_article(SEED))
    spans = {s.id: (s.start, s.end) for p in article.passages for s in p.sentences}
    spans["title.ar"] = (article.title_ar.start, article.title_ar.end) if article.title_ar else None
    spans["title.en"] = (article.title_en.start, article.title_en.end) if article.title_en else None
    for lang, kws in (("ar", article.keywords_ar), ("en", article.keywords_en)):
        for i, k in enumerate(kws):
            spans[f"kw.{lang}.{i}"] = (k.start, k.end)
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    for kind in ("title", "keywords", "abstract"):
        g = [(tuple(map(tuple, x["ar"])), tuple(map(tuple, x["en"]))) for x in gold if x["kind"] == kind]
        p = [(tuple(spans[i] for i in link.ar), tuple(spans[i] for i in link.en)) for link in article.alignments if link.kind == kind]
        s = score_alignment(p, g)
        out[kind] = {"links": len(g), "exact": sum(1 for b in p if b in set(g)), **s.as_dict()}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--un-docs", type=int, default=400, help="UN derived documents (default 400)")
    ap.add_argument("--seed", type=int, default=13, help="RNG seed of the UN derivation (default 13)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args()

    encoder = SentenceEncoder(threads=1)
    results: dict[str, dict] = {}

    tb = [load_textberg(f"test{i}") for i in range(7)]
    tb_dev = [load_textberg("dev")]
    un = un_derived_set("testset", args.un_docs, seed=args.seed)
    n_beads = sum(len(d.gold) for d in un)

    ours_tb = Aligner(encoder, TEXTBERG_PARAMS)
    ours_tb_general = Aligner(encoder, AR_EN_PARAMS)
    ours_un = Aligner(encoder, AR_EN_PARAMS)
    un_ratio = sum(len(t) for d in un for t in d.tgt) / max(1, sum(len(s) for d in un for s in d.src))

    runs = [
        ("Text+Berg dev", "ours (Text+Berg dev params)", tb_dev, lambda d: [(b.src, b.tgt) for b in ours_tb.align(d.src, d.tgt, "de", "fr")]),
        ("Text+Berg dev", "Gale-Church", tb_dev, lambda d: gale_church_align(d.src, d.tgt)),
        ("Text+Berg test0-6", "ours (Text+Berg dev params)", tb, lambda d: [(b.src, b.tgt) for b in ours_tb.align(d.src, d.tgt, "de", "fr")]),
        ("Text+Berg test0-6", "ours (ar-en params)", tb, lambda d: [(b.src, b.tgt) for b in ours_tb_general.align(d.src, d.tgt, "de", "fr")]),
        ("Text+Berg test0-6", "Gale-Church", tb, lambda d: gale_church_align(d.src, d.tgt)),
        (f"UN ar-en derived ({len(un)} docs, {n_beads} beads)", "ours (ar-en params)", un, lambda d: [(b.src, b.tgt) for b in ours_un.align(d.src, d.tgt, "ar", "en")]),
        (f"UN ar-en derived ({len(un)} docs, {n_beads} beads)", "Gale-Church", un, lambda d: gale_church_align(d.src, d.tgt)),
        (f"UN ar-en derived ({len(un)} docs, {n_beads} beads)", "Gale-Church (en/ar ratio)", un, lambda d: gale_church_align(d.src, d.tgt, un_ratio)),
    ]
    print(f"| data | aligner | strict P | strict R | strict F1 | lax P | lax R | lax F1 | time s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for data, name, docs, fn in runs:
        scores, secs = _eval(docs, fn)
        results[f"{data} / {name}"] = {**scores, "seconds": round(secs, 1)}
        print(
            f"| {data} | {name} | {scores['strict_p']:.3f} | {scores['strict_r']:.3f} | {scores['strict_f1']:.3f} "
            f"| {scores['lax_p']:.3f} | {scores['lax_r']:.3f} | {scores['lax_f1']:.3f} | {secs:.1f} |",
            flush=True,
        )
    if SEED.exists() and GOLD.exists():
        stage = AlignStage(Aligner(encoder, AR_EN_PARAMS), AlignStage.from_settings({}).glossary)
        seed = eval_seed(stage)
        results["seed"] = seed
        for kind, s in seed.items():
            print(f"seed {kind}: {s['exact']}/{s['links']} gold links exact, strict F1 {s['strict_f1']:.3f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
