"""The reader on articles laid out as other journals lay them out, against line-level truth.

Prints, per article and in all, the share of lines filed under their true role and the unit
precision, recall and F1 (definitions: :mod:`pipeline.layouts`), and with ``--show-errors`` every
wrong line. ``diplo evaluate --stage read`` gives the totals for ``corpus/layouts/articles``.

Usage:
    python scripts/eval_reader_layouts.py [FOLDER] [--show-errors]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.layouts import article_paths, score_article, unit_prf  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "folder", type=Path, nargs="?", default=ROOT / "corpus" / "layouts" / "articles", help="articles with truth"
    )
    ap.add_argument("--show-errors", action="store_true", help="print every line filed under the wrong role")
    args = ap.parse_args()
    total: Counter = Counter()
    confusions: Counter = Counter()
    paths = article_paths(args.folder)
    if not paths:
        ap.error(f"{args.folder}: no NAME.txt with NAME.truth.json beside it")
    print(f"{'article':<28}{'lines':>6}{'roles':>8}{'lost':>6}{'units P':>9}{'R':>7}{'F1':>7}")
    for path in paths:
        s = score_article(path)
        confusions.update(s.pop("confusions"))
        wrong = s.pop("wrong")
        if args.show_errors:
            for tag, want, got, text in wrong:
                print(f"  {path.stem}: {tag:<10} want {want:<10} got {got:<10} {text[:60]}")
        total.update(s)
        print(f"{path.stem:<28}{_row(s)}")
    print(f"{'all':<28}{_row(total)}")
    shown = ", ".join(f"{w} -> {g} {n}" for (w, g), n in confusions.most_common(6))
    print(f"most frequent confusions (want -> got): {shown}")


def _row(s) -> str:
    p, r, f = unit_prf(s)
    return f"{s['lines']:>6}{s['right'] / max(1, s['lines']):>8.3f}{s['lost']:>6}{p:>9.3f}{r:>7.3f}{f:>7.3f}"


if __name__ == "__main__":
    main()
