"""Wall time of ``diplo repair FILE`` on a small file: start-up (imports, lexicon loading) dominates.

Runs the command in fresh processes, alternating between the checkouts given, so a busy
machine slows all of them alike, and prints every wall time and the medians of the wall and
CPU (user + system) times per checkout (on a machine shared with other jobs the CPU time is
the steadier figure)::

    python scripts/bench_repair_startup.py                    # this checkout, 5 runs
    python scripts/bench_repair_startup.py --runs 5 ../main . # an older checkout against this one

The input is lines 150-166 of the seed article (2.3 kB of Arabic with OCR damage: look-alike
letters, a dropped letter, Latin letters inside a word), written to a temporary file.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "raw" / "000_295e6e45a451921c.txt"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_once(checkout: Path, path: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``python -m pipeline.cli repair PATH`` with ``checkout``'s package first."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "repair", str(path)],
        env=env,
        cwd=checkout,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start, _children_cpu() - cpu


def main() -> None:
    """Parse the arguments, time the checkouts and print the results."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkouts", nargs="*", type=Path, default=[REPO], help="Repository folders to compare.")
    parser.add_argument("--runs", type=int, default=5, help="Runs per checkout (default 5).")
    args = parser.parse_args()
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "excerpt.txt"
        path.write_text("".join(lines[149:166]), encoding="utf-8")
        times: dict[Path, list[tuple[float, float]]] = {c: [] for c in args.checkouts}
        for _ in range(args.runs):
            for checkout in args.checkouts:
                times[checkout].append(time_once(checkout.resolve(), path))
    for checkout, ts in times.items():
        wall, cpu = [t[0] for t in ts], [t[1] for t in ts]
        shown = " ".join(f"{t:.2f}" for t in wall)
        print(
            f"{checkout}: wall median {statistics.median(wall):.2f} s ({shown}), "
            f"CPU median {statistics.median(cpu):.2f} s, over {len(ts)} runs"
        )


if __name__ == "__main__":
    main()
