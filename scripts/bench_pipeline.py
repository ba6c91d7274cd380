"""Speed and memory of the whole pipeline, stage by stage, on the corpus articles.

    python scripts/bench_pipeline.py [--repeat 5] [--config configs/pipeline.toml]

Prints model load time, per-stage time per article, characters per second of
each stage and of the whole chain, and the peak resident memory of the process.
The process starts as ``diplo`` does, with torch kept out (pipeline/startup.py;
``DIPLO_ALLOW_TORCH=1`` measures it with torch loaded, as a library user's program).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from pipeline.startup import keep_torch_out

keep_torch_out()  # before spaCy is imported, as the diplo command does

from pipeline.config import load_config  # noqa: E402
from pipeline.runner import Pipeline  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs over each article (default 5)")
    parser.add_argument("--config", type=Path, default=None, help="pipeline config (default configs/pipeline.toml)")
    args = parser.parse_args()

    cfg = load_config(args.config)
    started = time.perf_counter()
    nlp = Pipeline.from_config(cfg)
    load_seconds = time.perf_counter() - started
    paths = sorted((REPO / "corpus" / "raw").glob("*.txt"))
    timings: dict[str, list[float]] = {name: [] for name in nlp.stage_names}
    chars = 0
    for _ in range(args.repeat):
        for path in paths:
            t0 = time.perf_counter()
            article = nlp.read(path)
            timings["read"].append(time.perf_counter() - t0)
            chars += len(article.raw)
            for stage in nlp.stages:
                t0 = time.perf_counter()
                article = stage(article)
                timings[stage.name].append(time.perf_counter() - t0)
    per_run_chars = chars / (args.repeat * len(paths))
    print(f"articles: {len(paths)} x {args.repeat} runs, {per_run_chars:,.0f} characters each")
    print(f"pipeline build (models load): {load_seconds:.2f} s")
    total = 0.0
    for name, values in timings.items():
        median = statistics.median(values)
        total += median
        print(f"  {name:<9} {median * 1000:9.1f} ms/article  {per_run_chars / median / 1e6:8.3f} M chars/s")
    print(f"  {'all':<9} {total * 1000:9.1f} ms/article  {per_run_chars / total / 1e6:8.3f} M chars/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
