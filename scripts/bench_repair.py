"""Speed of the repair core on clean Arabic, beside CAMeL Tools' arclean on the same text.

Times one-core throughput (MB of UTF-8 per second) of repair_text over the
Arabic of ../shared/data/arabic-text (or a given file), after the lexicons
are loaded (load time is printed apart), and of camel-tools' arclean char map
over the same text in the same run, then prints the ratio.

Each run starts with empty caches (the lexicon's per-word verdicts are
cleared), so the figure is that of new text, not of text seen before; a
second pass over the same text ("warm") is printed too, because a stage that
repairs a stream of articles keeps its caches. Both CPU time of this process
(what one core does, undisturbed by other processes on the machine) and wall
time are printed; the throughput is computed from CPU time.

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
    t = time.perf_counter()
    lex.warm()
    warm = time.perf_counter() - t
    print(
        f"text: {len(texts)} docs, {mb:.2f} MB; lexicon load {load:.1f} s + {warm:.1f} s opening Hunspell "
        f"and building indexes (once per process; lazy in the stage)"
    )
    best = {"repair": float("inf"), "warm": float("inf"), "arclean": float("inf")}
    for r in range(args.repeat):
        c, w = _clock()
        for text in texts:
            arclean(text)
        arc = _since(c, w)
        lex.clear_caches()
        c, w = _clock()
        for text in texts:
            repair_text(text, lex, settings)
        cold = _since(c, w)
        c, w = _clock()
        for text in texts:
            repair_text(text, lex, settings)
        hot = _since(c, w)
        best["repair"] = min(best["repair"], cold[0])
        best["warm"] = min(best["warm"], hot[0])
        best["arclean"] = min(best["arclean"], arc[0])
        print(
            f"  run {r + 1}: repair {cold[0]:.2f} s CPU ({cold[1]:.2f} s wall), same text again {hot[0]:.2f} s CPU "
            f"({hot[1]:.2f} s wall); arclean {arc[0]:.2f} s CPU ({arc[1]:.2f} s wall)"
        )
    print(f"repair_text, new text:      {mb / best['repair']:.2f} MB/s (CPU time, one core)")
    print(f"repair_text, text seen:     {mb / best['warm']:.2f} MB/s")
    print(f"arclean:                    {mb / best['arclean']:.2f} MB/s")
    print(f"ratio repair/arclean speed: {best['arclean'] / best['repair']:.3f} (new text)")


def _clock() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def _since(cpu: float, wall: float) -> tuple[float, float]:
    return time.process_time() - cpu, time.perf_counter() - wall


if __name__ == "__main__":
    main()
