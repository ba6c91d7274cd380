"""Evaluate the repair core on clean real Arabic and on synthetic OCR noise.

Reads the clean Arabic of ../shared/data/arabic-text (UN test sets and news),
then:

1. clean text: runs repair and counts applied edits per 5,000 tokens (every
   applied edit on clean text is a candidate false correction; they are
   printed for inspection with --show);
2. synthetic noise: damages 5% and 10% of the Arabic words with the seeded
   noise model (pipeline.repair.noise) and scores the applied edits against
   the injected damage (pipeline.scoring.edit_prf), overall and on non-word
   damage only (damaged forms that both lexicons reject);
3. line ends: wraps every paragraph into lines (pipeline.repair.noise.wrap_lines),
   cutting 30% of the words that reach past a line's end without a hyphen, joins
   the lines with spaces as the reader does and repairs it as the stage does
   (the spaces that were line breaks given as ``line_ends``): words joined at
   the cuts (recall), joins at the other line ends (false), and, as a stress
   test, false joins when every space of the unbroken text is taken for a line end.

Usage:
    python scripts/eval_repair_synthetic.py [--docs 400] [--offset 0] [--seed 13] [--show 30]

The first 400 documents of each source are held out from the context model
(scripts/build_repair_context.py); keep --offset + --docs <= 400.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.repair.core import repair_text  # noqa: E402
from pipeline.repair.lexicon import Lexicon  # noqa: E402
from pipeline.repair.noise import add_noise, wrap_lines  # noqa: E402
from pipeline.repair.stage import load_repair_settings  # noqa: E402
from pipeline.scoring import edit_prf  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "arabic-text"
SOURCES = ("un-parallel-corpus-v1.0-testsets", "ant-corpus-v1.1-politics-intl")


#: The context model (scripts/build_repair_context.py) counts documents from this index on:
#: evaluating beyond it would score the model on text it has seen.
HELD_OUT = 400


def load_docs(per_source: int, offset: int = 0) -> list[str]:
    """Documents ``offset`` .. ``offset + per_source - 1`` of each source (file order, deterministic)."""
    if offset + per_source > HELD_OUT:
        print(
            f"warning: documents {HELD_OUT}+ were counted by the context model; figures beyond them are optimistic",
            file=sys.stderr,
        )
    texts = []
    for src in SOURCES:
        with open(DATA / src / "docs.jsonl", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= offset + per_source:
                    break
                if i >= offset:
                    texts.append(json.loads(line)["text"])
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400, help="documents per source")
    ap.add_argument("--offset", type=int, default=0, help="skip this many documents of each source first")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--show", type=int, default=0, help="print this many edits on clean text")
    ap.add_argument("--rates", default="0.05,0.10")
    ap.add_argument("--line-rate", type=float, default=0.3, help="share of line-crossing words cut (0: skip)")
    args = ap.parse_args()
    settings = load_repair_settings()
    lex = Lexicon.load(settings.lexicon)
    docs = load_docs(args.docs, args.offset)
    n_tokens = sum(len(d.split()) for d in docs)
    t = time.perf_counter()
    clean_edits = []
    for d in docs:
        r = repair_text(d, lex, settings)
        for e in r.applied:
            clean_edits.append((e, d))
    dt = time.perf_counter() - t
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"clean text: {len(docs)} docs, {n_tokens} tokens, {mb:.2f} MB, {dt:.1f} s")
    print(f"  applied edits: {len(clean_edits)} = {len(clean_edits) * 5000 / n_tokens:.2f} per 5,000 tokens")
    by_kind: dict[str, int] = {}
    for e, _ in clean_edits:
        by_kind[e.kind] = by_kind.get(e.kind, 0) + 1
    print("  by kind:", dict(sorted(by_kind.items(), key=lambda kv: -kv[1])))
    for e, d in clean_edits[: args.show]:
        a = max(0, e.start - 30)
        print(f"    {e.kind:16} {e.rule:24} {e.original!r} -> {e.replacement!r}   …{d[a:e.end + 30]!r}".replace("\\n", " "))
    for rate in [float(x) for x in args.rates.split(",")]:
        preds, golds, nonword_golds = [], [], []
        agg = {"tp_pred": 0, "n_pred": 0, "tp_gold": 0, "n_gold": 0}
        agg_nw = {"tp_gold": 0, "n_gold": 0}
        per_rule: dict[str, list[int]] = {}
        for k, d in enumerate(docs):
            noisy = add_noise(d, rate, seed=args.seed * 1000 + k)
            r = repair_text(noisy.text, lex, settings)
            s = edit_prf(r.applied, noisy.edits, noisy.text)
            for key in agg:
                agg[key] += s[key]
            nw = [g for g in noisy.edits if _is_nonword(g, lex)]
            s2 = edit_prf(r.applied, nw, noisy.text)
            agg_nw["tp_gold"] += s2["tp_gold"]
            agg_nw["n_gold"] += s2["n_gold"]
            for g in noisy.edits:
                hit = edit_prf(r.applied, [g], noisy.text)["tp_gold"]
                per_rule.setdefault(g.rule, [0, 0])
                per_rule[g.rule][0] += hit
                per_rule[g.rule][1] += 1
            preds.append(len(r.applied))
            golds.append(len(noisy.edits))
            nonword_golds.append(len(nw))
        p = agg["tp_pred"] / max(1, agg["n_pred"])
        rc = agg["tp_gold"] / max(1, agg["n_gold"])
        rnw = agg_nw["tp_gold"] / max(1, agg_nw["n_gold"])
        print(
            f"noise {rate:.0%}: injected {agg['n_gold']} ({agg_nw['n_gold']} non-word), applied {agg['n_pred']}; "
            f"precision {p:.3f}, recall (all) {rc:.3f}, recall (non-word) {rnw:.3f}"
        )
        print("  recall by damage:", {k: f"{v[0]}/{v[1]}" for k, v in sorted(per_rule.items())})
    if args.line_rate > 0:
        line_ends_report(docs, lex, settings, args.line_rate, args.seed, args.show)


def line_ends_report(docs: list[str], lex: Lexicon, settings, rate: float, seed: int, show: int) -> None:
    """Words cut at a line's end: how many the stage joins, and what else it joins there."""
    cuts = joined = plain = false_plain = spaces = false_stress = 0
    before = 0  # joined without the line ends (every space taken as written)
    shown = []
    k = 0
    for d in docs:
        for paragraph in d.split("\n"):
            if not paragraph.strip():
                continue
            k += 1
            wrapped = wrap_lines(paragraph, rate, seed=seed * 100000 + k)
            gold = {e.start for e in wrapped.edits}
            made = _joins(repair_text(wrapped.text, lex, settings, line_ends=wrapped.line_ends))
            plain_made = _joins(repair_text(wrapped.text, lex, settings))
            cuts += len(gold)
            joined += len(gold & made)
            before += len(gold & plain_made)
            plain += len(wrapped.line_ends) - len(gold)
            false_plain += len(made.intersection(wrapped.line_ends) - gold)
            # Stress: the unbroken paragraph with every space taken for a line end.
            text = wrapped.clean
            every = [i for i, ch in enumerate(text) if ch == " "]
            baseline = _joins(repair_text(text, lex, settings))
            stress = _joins(repair_text(text, lex, settings, line_ends=every))
            spaces += len(every)
            false_stress += len(stress - baseline)
            shown += [text[max(0, i - 20) : i + 20] for i in sorted(stress - baseline)]
    print(
        f"line ends ({rate:.0%} of the line-crossing words cut): {cuts} cut words, joined {joined} "
        f"(recall {joined / max(1, cuts):.3f}; {before / max(1, cuts):.3f} without line_ends); "
        f"false joins at {plain} other line ends: {false_plain}"
    )
    print(f"  stress, every space of the unbroken text a line end: {false_stress} joins in {spaces} spaces")
    for ctx in shown[:show]:
        print("    …" + ctx.replace("\n", " ") + "…")


def _joins(result) -> set[int]:
    """Offsets of the spaces a repair deleted to join two words."""
    return {e.start for e in result.applied if e.rule == "split_words"}


def _is_nonword(edit, lex: Lexicon) -> bool:
    """Whether an injected damage leaves a non-word (both lexicons reject the damaged form)."""
    if edit.kind in ("merged_words", "split_words", "foreign_script", "stray_diacritic"):
        # Glued words, foreign letters and stray marks are never valid words.
        return True
    info = lex.info(edit.original)
    return not info.known


if __name__ == "__main__":
    main()
