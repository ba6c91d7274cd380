"""Speed of the repair core on clean Arabic, beside CAMeL Tools' arclean on the same text.

Times one-core throughput (MB of UTF-8 per second) of repair_text over the
Arabic of ../shared/data/arabic-text (or a given file), after the lexicons
are loaded (load time is printed apart), and of camel-tools' arclean char map
over the same text in the same run, then prints the ratio.

Each run starts with empty caches (the lexicon's per-word verdicts are
cleared), so the figure is that of new text, not of text seen before; a
second pass over the same text ("warm") is printed too, because a stage that
repairs a stream of articles keeps its caches. What is built once per process
(Hunspell, the candidate index, per-threshold word sets) is built before the
runs by ``warm_up`` and timed apart. Both CPU time of this process (what one
core does) and wall time are printed; the throughput is computed from CPU time,
as the median and the best of the runs (other processes on the machine still
slow a run down through shared caches, so the spread is printed too).

Last, the whole stage (``RepairStage``: passages, offset maps back to the raw
text, the edit log in raw offsets) runs with empty caches, so every word is new
to it, twice: over the same held-out text (each document an article, each of its
lines a paragraph passage, as the reader makes them), and on the seed article,
which is damaged OCR output (about 2.8% of its tokens) and so the harder case.
arclean is timed on the same text in both runs and the ratio printed. Last, the seed
pasted 1, 4 and 8 times into one text: the time per copy shows whether the
document-level passes stay linear on long texts.

The default text is the held-out part of ../shared/data/arabic-text: the first
400 documents of each source, which the repair's word-context model was not
built from (scripts/build_repair_context.py skips them).

Usage:
    python scripts/bench_repair.py [--docs 400] [--file PATH] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.camel import arclean  # noqa: E402
from pipeline.document import Article  # noqa: E402
from pipeline.repair.core import repair_text, warm_up  # noqa: E402
from pipeline.repair.lexicon import Lexicon  # noqa: E402
from pipeline.repair.stage import load_repair_settings  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "arabic-text"
SEED = ROOT / "corpus" / "raw" / "000_295e6e45a451921c.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400, help="documents per source (the first 400 are held out)")
    ap.add_argument("--file", type=Path, help="benchmark this text file instead")
    ap.add_argument("--repeat", type=int, default=5)
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
    warm_up(lex, settings)
    warm = time.perf_counter() - t
    print(
        f"text: {len(texts)} docs, {mb:.2f} MB; lexicon load {load:.1f} s + {warm:.1f} s opening Hunspell "
        f"and building indexes (once per process; the stage does it when it is built)"
    )
    runs: dict[str, list[float]] = {"repair": [], "warm": [], "arclean": []}
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
        runs["repair"].append(cold[0])
        runs["warm"].append(hot[0])
        runs["arclean"].append(arc[0])
        print(
            f"  run {r + 1}: repair {cold[0]:.2f} s CPU ({cold[1]:.2f} s wall), same text again {hot[0]:.2f} s CPU "
            f"({hot[1]:.2f} s wall); arclean {arc[0]:.2f} s CPU ({arc[1]:.2f} s wall)"
        )
    med = {k: statistics.median(v) for k, v in runs.items()}
    best = {k: min(v) for k, v in runs.items()}
    print(
        f"repair_text, new text:      {mb / med['repair']:.2f} MB/s median, {mb / best['repair']:.2f} best "
        "(CPU time, one core)"
    )
    print(f"repair_text, text seen:     {mb / med['warm']:.2f} MB/s median, {mb / best['warm']:.2f} best")
    print(f"arclean:                    {mb / med['arclean']:.2f} MB/s median, {mb / best['arclean']:.2f} best")
    ratios = [a / r for a, r in zip(runs["arclean"], runs["repair"], strict=True)]
    print(f"ratio repair/arclean speed: {statistics.median(ratios):.3f} median of the runs (new text)")
    _bench_stage(lex, settings, args.repeat, [_as_article(t) for t in texts], "the same text as articles")
    if SEED.exists():
        from pipeline.reader import read_article

        _bench_stage(lex, settings, args.repeat, [read_article(SEED)], "the seed article")
        _bench_long_text(lex, settings, SEED.read_text(encoding="utf-8"))


def _as_article(text: str) -> Article:
    """A document as the reader would give it: one paragraph passage per non-empty line."""
    from pipeline.document import OffsetMap, Passage

    passages = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            passages.append(
                Passage(
                    id=f"p{len(passages) + 1:03d}",
                    kind="paragraph",
                    lang="ar",
                    text=line,
                    spans=[(start, start + len(line))],
                    text_map=OffsetMap.identity(start, len(line)),
                )
            )
        start += len(line) + 1
    return Article(raw=text, passages=passages)


def _bench_stage(lex: Lexicon, settings, repeat: int, articles: list, what: str) -> None:
    """The whole repair stage over ``articles`` (caches emptied before every run), beside arclean on their text."""
    from pipeline.repair.stage import RepairStage

    stage = RepairStage(lex, settings)
    mb = sum(len(a.raw.encode("utf-8")) for a in articles) / 1e6
    dicts = [a.to_dict() for a in articles]
    times, arc_times = [], []
    for _ in range(repeat):
        copies = [Article.from_dict(d) for d in dicts]
        c, w = _clock()
        for a in copies:
            arclean(a.raw)
        arc_times.append(_since(c, w)[0])
        lex.clear_caches()
        c, w = _clock()
        for a in copies:
            stage(a)
        times.append(_since(c, w)[0])
    med = statistics.median(times)
    ratio = statistics.median(a / t for a, t in zip(arc_times, times, strict=True))
    print(
        f"RepairStage on {what} ({mb * 1000:.0f} KB, every word new): {med * 1000:.0f} ms = "
        f"{mb / med:.2f} MB/s median, "
        f"{mb / min(times):.2f} best; arclean {mb / statistics.median(arc_times):.2f} MB/s; ratio {ratio:.3f}"
    )


def _bench_long_text(lex: Lexicon, settings, seed: str) -> None:
    """repair_text on the seed pasted 1, 4 and 8 times as one text: the time per copy should stay flat."""
    parts = []
    for copies in (1, 4, 8):
        lex.clear_caches()
        c, w = _clock()
        repair_text(seed * copies, lex, settings)
        cpu = _since(c, w)[0]
        parts.append(f"x{copies} {cpu * 1000 / copies:.0f} ms/copy")
    print("repair_text on the seed pasted several times in one text (every word new): " + ", ".join(parts))


def _clock() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def _since(cpu: float, wall: float) -> tuple[float, float]:
    return time.process_time() - cpu, time.perf_counter() - wall


if __name__ == "__main__":
    main()
