"""Build the repair stage's word-context model from real Arabic text.

Counts words and adjacent word pairs in ../shared/data/arabic-text (UN
Parallel Corpus test sets and the ANT news corpus) and writes them, with the
close variants of frequent words, to
``pipeline/repair/data/context_counts.tsv.gz`` (format: see
:mod:`pipeline.repair.context`).

Held-out split: the first ``--skip`` documents (default 400) of each source are
NOT counted, because scripts/eval_repair_synthetic.py (``--docs`` <= 400) and
tests/test_repair.py evaluate on exactly those documents; a model that had seen
them would flatter the figures.

Words are lookup keys (diacritics and tatweel removed). A pair counts only when
the two words are separated by spaces alone (punctuation, digits, Latin words
and line breaks end a chain), which is how the repair stage reads neighbours.

Licences of the counted text: UN Parallel Corpus v1.0 terms (acknowledge the
United Nations and cite Ziemski, Junczys-Dowmunt and Pouliquen 2016, LREC'16;
"no other restrictions apply"); ANT corpus v1.1 Apache-2.0 (Chouigui et al.).
The counts file repeats this in its header.

Usage:
    python scripts/build_repair_context.py [--skip 400] [--min-pair 1] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.repair.context import DATA_DIR, DEFAULT_FILE  # noqa: E402
from pipeline.repair.lexicon import Lexicon, fold  # noqa: E402
from pipeline.repair.rules import lookup_key, one_edit_cost  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "arabic-text"
SOURCES = ("un-parallel-corpus-v1.0-testsets", "ant-corpus-v1.1-politics-intl")
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{Cf}]+|[^\p{L}\p{M}\p{Cf}\s]+|\n")
_ARABIC_WORD = regex.compile(r"[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0640]+")

HEADER = """# Word-context counts for the repair stage (pipeline/repair/context.py).
# Built by scripts/build_repair_context.py from ../shared/data/arabic-text, documents {skip}+ of each source
# (the first {skip} are held out for evaluation): {tokens:,} Arabic word tokens, {docs:,} documents.
# Sources and licences:
#   UN Parallel Corpus v1.0 test sets (United Nations; terms in raw/DISCLAIMER: acknowledge the United Nations
#   as the source and cite Ziemski, M., Junczys-Dowmunt, M., and Pouliquen, B. (2016), The United Nations
#   Parallel Corpus v1.0, LREC'16; "no other restrictions apply").
#   ANT corpus v1.1, categories politic + internationalNews (Chouigui, Ben Khiroun, Elayeb; Apache License 2.0).
# Records: U<TAB>word<TAB>count | B<TAB>left right<TAB>count | C<TAB>word<TAB>close variants (space-separated)
"""


def chains(text: str) -> list[list[str]]:
    """Runs of Arabic words separated by spaces only, as lookup keys."""
    out: list[list[str]] = []
    cur: list[str] = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if _ARABIC_WORD.fullmatch(tok):
            cur.append(lookup_key(tok))
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip", type=int, default=400, help="documents held out at the start of each source")
    ap.add_argument("--min-pair", type=int, default=1, help="keep word pairs seen at least this often")
    ap.add_argument("--variant-min-zipf", type=float, default=3.0, help="words whose close variants are listed")
    ap.add_argument("--variant-min-count", type=int, default=3, help="variants must occur this often in the text")
    ap.add_argument("--out", type=Path, default=DATA_DIR / DEFAULT_FILE)
    args = ap.parse_args()
    t = time.perf_counter()
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    docs = 0
    for src in SOURCES:
        with open(DATA / src / "docs.jsonl", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i < args.skip:
                    continue
                docs += 1
                doc = json.loads(line)
                for text in (doc.get("title") or "", doc["text"]):
                    for chain in chains(text):
                        uni.update(chain)
                        bi.update(a + " " + b for a, b in zip(chain, chain[1:]))
    tokens = sum(uni.values())
    print(f"{docs} docs, {tokens:,} tokens, {len(uni):,} words, {len(bi):,} pairs ({time.perf_counter() - t:.0f} s)")
    lex = Lexicon.load({"wordlist": "large"})
    # Close variants: one edit apart, both frequent, not mere spelling variants (hamza, ى/ي, ة/ه),
    # and the variant seen in the counted text often enough for its pairs to mean something.
    seen = {w for w, c in uni.items() if c >= args.variant_min_count}
    variants: dict[str, list[str]] = {}
    for w, z in lex.zipf.items():
        if z < args.variant_min_zipf:
            break  # wordfreq's forms come most frequent first
        if len(w) < 4:
            continue
        near = [
            v
            for v in lex.near_forms(w)
            if v in seen and len(v) >= 4 and fold(v) != fold(w) and one_edit_cost(w, v, lex.rules) <= 1.0
        ]
        if near:
            variants[w] = sorted(near, key=lambda v: -uni[v])  # noqa: E731 - build script, nothing saved
    print(f"{len(variants):,} words with close variants ({time.perf_counter() - t:.0f} s)")
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(HEADER.format(skip=args.skip, tokens=tokens, docs=docs))
        for w, c in sorted(uni.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"U\t{w}\t{c}\n")
        for p, c in sorted(bi.items(), key=lambda kv: (-kv[1], kv[0])):
            if c >= args.min_pair:
                fh.write(f"B\t{p}\t{c}\n")
        for w in sorted(variants):
            fh.write(f"C\t{w}\t{' '.join(variants[w])}\n")
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.2f} MB ({time.perf_counter() - t:.0f} s)")


if __name__ == "__main__":
    main()
