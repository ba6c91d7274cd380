"""How much of a classifier variant's score is noise: bootstrap intervals over held-out predictions.

Reads the held-out predictions that ``scripts/eval_classifier.py --predictions FILE`` writes
(one file per variant, same folds) and prints, per variant, the table of
``models/classifier/VARIANTS.md``: macro-F1 over the five labels with its 95% interval (a
bootstrap stratified by gold label, as :func:`pipeline.classify.evaluation.bootstrap_macro_f1`
does), the difference to the reference variant with a *paired* 95% interval (both variants
resampled with the same passages), macro-F1 over the four frequent labels (concept, goal, tool,
example; risk has two passages), accuracy and the mean probability of the gold class.

Usage::

    python scripts/eval_classifier.py --no-ablations --predictions /tmp/v8.json
    python scripts/eval_classifier.py --no-ablations --set 'blocks=[...]' --predictions /tmp/v9.json
    python scripts/bootstrap_classifier.py V8=/tmp/v8.json V9=/tmp/v9.json   # the first is the reference
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.document import PASSAGE_LABELS  # noqa: E402

FREQUENT = [label for label in PASSAGE_LABELS if label != "risk"]


def macro(gold: np.ndarray, pred: np.ndarray, labels: list[str]) -> float:
    """Macro-F1 over ``labels`` (a label never predicted nor present scores 0, as in the evaluation)."""
    return float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0))


def load(path: Path) -> dict[str, tuple[str, str, float]]:
    """``{passage id: (gold, predicted, p(gold))}`` from an ``eval_classifier.py --predictions`` file."""
    record = json.loads(path.read_text(encoding="utf-8"))
    return {r["id"]: (r["gold"], r["pred"], float(r["proba"].get(r["gold"], 0.0))) for r in record["passages"]}


def main() -> int:
    """Print the bootstrap table of the given variants."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "variants", nargs="+", metavar="NAME=FILE", help="Held-out predictions; the first is the reference."
    )
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    runs = []
    for item in args.variants:
        name, _, file = item.partition("=")
        runs.append((name, load(Path(file))))
    ids = sorted(runs[0][1])
    for name, run in runs:
        if sorted(run) != ids:
            parser.error(f"{name}: held-out passages differ from {runs[0][0]}'s")
    gold = np.array([runs[0][1][i][0] for i in ids], dtype=object)
    preds = [np.array([run[i][1] for i in ids], dtype=object) for _, run in runs]
    labels = list(PASSAGE_LABELS)
    rng = np.random.default_rng(args.seed)
    strata = [np.flatnonzero(gold == label) for label in sorted(set(gold))]
    samples = np.zeros((args.resamples, len(runs)))
    for b in range(args.resamples):
        idx = np.concatenate([rng.choice(s, size=len(s), replace=True) for s in strata])
        samples[b] = [macro(gold[idx], pred[idx], labels) for pred in preds]
    print(f"{len(ids)} held-out passages, {args.resamples} resamples stratified by gold label, seed {args.seed}")
    print("| variant | macro-F1 | 95% interval | minus ref | paired 95% interval | macro-4 | accuracy | mean p(true) |")
    print("|---|---|---|---|---|---|---|---|")
    for k, ((name, run), pred) in enumerate(zip(runs, preds, strict=True)):
        lo, hi = np.percentile(samples[:, k], [2.5, 97.5])
        if k == 0:
            diff, paired = "—", "—"
        else:
            d = macro(gold, pred, labels) - macro(gold, preds[0], labels)
            plo, phi = np.percentile(samples[:, k] - samples[:, 0], [2.5, 97.5])
            diff, paired = f"{d:+.3f}", f"{plo:+.3f}–{phi:+.3f}"
        p_true = np.mean([run[i][2] for i in ids])
        print(
            f"| {name} | {macro(gold, pred, labels):.3f} | {lo:.3f}–{hi:.3f} | {diff} | {paired} | "
            f"{macro(gold, pred, FREQUENT):.3f} | {accuracy_score(gold, pred):.3f} | {p_true:.3f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
