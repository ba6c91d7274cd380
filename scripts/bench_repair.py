"""Speed of the repair core on clean Arabic, beside CAMeL Tools' arclean on the same text.

Times one-core throughput (MB of UTF-8 per second) of repair_text over the
Arabic of ../shared/data/arabic-text (or a given file), after the lexicons
are loaded (load time is printed apart), and of camel-tools' arclean char map
over the same text in the same run, then prints the ratio.

Usage:
    python scripts/bench_repair.py [--docs 600] [--file PATH] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.camel import arclean  # noqa: E402
from pipeline.repair.core import repair_text  # noqa: E402
from pipeline.repair.lexicon import Lexicon  # noqa: E402
from pipeline.repair.stage import load_repair_settings  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "arabic-text"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=600, help="documents per source")
    ap.add_argument("--file", type=Path, help="benchmark this text file instead")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    if args.file:
        texts = [args.file.read_text(encoding="utf-8")]
    else:
        texts = []
        for src in ("un-parallel-corpus-v1.0-testsets", "ant-corpus-v1.1-politics-intl"):
            with open(DATA / src / "docs.jsonl", encoding="utf-8") as fh:
                for i, line in enumerate(fh):
                    if i >= args.docs:
                        break
                    texts.append(json.loads(line)["text"])
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    settings = load_repair_settings()
    t = time.perf_counter()
    lex = Lexicon.load(settings.lexicon)
    load = time.perf_counter() - t
    print(f"text: {len(texts)} docs, {mb:.2f} MB; lexicon load {load:.1f} s (once per process)")
    best_repair = best_arclean = float("inf")
    for r in range(args.repeat):
        t = time.perf_counter()
        for text in texts:
            arclean(text)
        best_arclean = min(best_arclean, time.perf_counter() - t)
        t = time.perf_counter()
        for text in texts:
            repair_text(text, lex, settings)
        best_repair = min(best_repair, time.perf_counter() - t)
        print(f"  run {r + 1}: repair {best_repair:.2f} s, arclean {best_arclean:.2f} s")
    print(f"repair_text: {mb / best_repair:.2f} MB/s")
    print(f"arclean:     {mb / best_arclean:.2f} MB/s")
    print(f"ratio repair/arclean speed: {best_arclean / best_repair:.3f}")


if __name__ == "__main__":
    main()
