"""Grouped cross-validation of the passage classifier, as a method x label table.

The same figures as ``diplo evaluate --stage classify`` (leave-one-section-out
over the gold body passages, the two baselines and the ablations in the same
run), laid out for reading, plus the passages the model gets wrong.

Usage::

    python scripts/eval_classifier.py                 # settings of configs/pipeline.toml
    python scripts/eval_classifier.py --silver        # the model trained with silver sentences
    python scripts/eval_classifier.py --set C=1.0     # a model parameter override (repeatable)
    python scripts/eval_classifier.py --predictions out.json   # also write the held-out predictions
                                                      # (for scripts/bootstrap_classifier.py)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.classify.evaluation import cross_validate_examples  # noqa: E402
from pipeline.classify.model import MODEL_LABELS, passage_proba  # noqa: E402
from pipeline.classify.train import gold_examples, load_silver  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.corpus import load_corpus  # noqa: E402

METHODS = ("majority", "tfidf_lr", "model_no_weak", "model_plus_silver", "model_no_silver", "model")


def main() -> int:
    """Run the cross-validation and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--silver", action="store_true", help="Train the model with silver sentences (and compare without)."
    )
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="Override a model parameter.")
    parser.add_argument("--no-ablations", action="store_true", help="Only the model and the two baselines.")
    parser.add_argument(
        "--predictions",
        type=Path,
        metavar="JSON",
        help="Write each held-out passage's id, gold label, predicted label and probabilities here.",
    )
    args = parser.parse_args()
    settings = load_config().stage_settings("classify")
    params = dict(settings.get("train", {}))
    for item in args.set:
        key, _, value = item.partition("=")
        params[key] = json.loads(value)
    examples = gold_examples(
        load_corpus(), use_label2=settings.get("use_label2", True), sentences=settings.get("sentences", True)
    )
    silver = load_silver(settings) if args.silver or settings.get("silver", False) else []
    wrong: list[tuple[str, str, str, dict[str, float]]] = []
    held_out: list[dict[str, object]] = []

    def collect(model, train, test) -> None:
        classes = list(model.classes_)
        for pid, gold, proba in zip(test.passage_ids, test.labels, passage_proba(model, test.rows), strict=True):
            pred = classes[int(proba.argmax())]
            held_out.append(
                {
                    "id": pid,
                    "gold": str(gold),
                    "pred": str(pred),
                    "proba": {str(c): round(float(p), 6) for c, p in zip(classes, proba, strict=True)},
                }
            )
            if pred != gold:
                wrong.append(
                    (pid, gold, pred, {c: round(float(p), 2) for c, p in zip(classes, proba, strict=True) if p >= 0.1})
                )

    start = time.time()
    figures = cross_validate_examples(
        examples,
        params,
        min_confidence=float(settings.get("min_confidence", 0.0)),
        ablations=not args.no_ablations,
        silver=silver,
        on_fold=collect,
    )
    seconds = time.time() - start
    print(
        f"{figures['passages']} gold passages, {figures['folds']} sections (one fold each), "
        f"{figures['train_rows']} gold rows, {figures['silver_rows']} silver rows; {seconds:.0f} s"
    )
    labels = [*MODEL_LABELS]
    print(f"{'method':<18} {'macro-F1(5)':>11} {'acc':>6} " + " ".join(f"{label:>8}" for label in labels))
    for method in METHODS:
        if f"{method}_macro_f1" not in figures:
            continue
        cells = " ".join(f"{figures[f'{method}_f1_{label}']:>8.3f}" for label in labels)
        print(f"{method:<18} {figures[f'{method}_macro_f1']:>11.3f} {figures[f'{method}_accuracy']:>6.3f} {cells}")
    lo, hi = figures["model_macro_f1_ci95"]
    print(f"model macro-F1 95% interval (bootstrap stratified by gold label): {lo:.3f}-{hi:.3f}")
    print("gold counts:       " + " ".join(f"{label}={figures[f'gold_{label}']}" for label in labels))
    print(
        f"heading weak rule: covers {figures['weak_rule_coverage']:.2f} of the passages, "
        f"precision {figures['weak_rule_precision']:.2f}"
    )
    print(
        f"model: mean p(true class) {figures['model_mean_p_true']:.3f}, "
        f"mean beta {figures['model_mean_beta']:.2f}, mean gamma {figures['model_mean_gamma']:.2f}, "
        f"C chosen {figures['model_chosen_C']}, mean beta of paragraphs {figures['model_mean_beta_paragraph']:.2f} "
        "(kind_prior; otherwise beta is for all)"
    )
    if any(figures.get("model_deltas", [])):
        print(f"centroid prior weight per fold (centroid_prior): {figures['model_deltas']}")
    if args.predictions is not None:
        record = {"params": params, "figures": figures, "passages": sorted(held_out, key=lambda r: str(r["id"]))}
        args.predictions.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"held-out predictions written to {args.predictions}")
    print("\nmodel errors (passage, gold, predicted, probabilities >= 0.1):")
    for pid, gold, pred, probs in sorted(wrong):
        print(f"  {pid}  {gold:<8} -> {pred:<8} {probs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
