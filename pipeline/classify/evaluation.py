"""Cross-validation of the passage classifier on the gold corpus, grouped by section.

Each fold holds out one section (leave-one-group-out): every row of the
section — its passages, their secondary-label rows and sentence rows — leaves
the training side, so neighbouring passages are never split and nothing of the
held-out section is fitted (vectoriser vocabularies and IDF included: the whole
pipeline is fitted inside the fold). Only the main label of each held-out gold
passage is scored.

Compared in the same run, on the same folds:

* ``majority``: always the most frequent label of the training fold;
* ``tfidf_lr``: plain word TF-IDF + logistic regression on the passage text;
* ``model``: the classifier as shipped (heading weak-label prior on);
* ``model_no_weak``: the same without the heading weak labels (beta = 0);
* ``weak_rule``: the heading weak label alone, on the passages whose heading names a class.

``other``: passages outside the scheme are a sixth class of the model; a
passage may also fall to ``other`` when no class of the scheme reaches
``min_confidence`` (0 by default: off). The headline macro-F1 is over the five
labels of the scheme only, with ``other`` counted as a wrong answer wherever
it is predicted for or instead of one of them; ``other``'s own F1 is
reported beside it, and so are macro-F1 and other's F1 had ``min_confidence``
been 0.35 or 0.5 (same held-out probabilities).

Every model is scored through :func:`pipeline.classify.model.passage_proba`
(sentence pooling), as the stage scores it. ``model_macro_f1_ci95`` is a 95%
bootstrap interval of the model's macro-F1 (resampling held-out passages within
each gold label): with two risk passages it is about ±0.1 wide.

The design of the model (feature blocks, the priors, their grids) was chosen
by looking at these same 75 passages, so the figures are optimistic for a new
article; the shipped hyper-parameters are otherwise chosen inside each
training fold (inner grouped CV), never on the held-out section.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from ..corpus import Corpus
from ..document import PASSAGE_LABELS
from .model import MODEL_LABELS, build_word_baseline, passage_proba
from .train import Examples, fit_model, gold_examples, load_silver, with_silver
from .weak import heading_weak_label

FoldHook = Callable[[Any, Examples, Examples], None]
#: ``min_confidence`` values also scored in every run, to show what the threshold would do.
THRESHOLDS = (0.35, 0.5)


def apply_threshold(proba: np.ndarray, classes: list[str], min_confidence: float) -> list[str]:
    """Labels from probabilities: the most probable class, or ``other`` if no scheme class reaches the threshold."""
    out = []
    scheme = [j for j, c in enumerate(classes) if c in PASSAGE_LABELS]
    for row in proba:
        best = classes[int(np.argmax(row))]
        if best != "other" and scheme and max(row[j] for j in scheme) < min_confidence:
            best = "other"
        out.append(best)
    return out


def scores(gold: list[str], pred: list[str], prefix: str) -> dict[str, float]:
    """Macro-F1 over the five labels, accuracy, per-label F1 and other's F1, keys prefixed."""
    labels = list(PASSAGE_LABELS)
    out = {
        f"{prefix}_macro_f1": round(float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)), 4),
        f"{prefix}_accuracy": round(float(accuracy_score(gold, pred)), 4),
    }
    _, _, f1s, _ = precision_recall_fscore_support(gold, pred, labels=[*labels, "other"], zero_division=0)
    for label, f1 in zip([*labels, "other"], f1s, strict=True):
        out[f"{prefix}_f1_{label}"] = round(float(f1), 4)
    return out


def bootstrap_macro_f1(
    gold: list[str], pred: list[str], *, n_resamples: int = 1000, seed: int = 0
) -> tuple[float, float]:
    """A 95% interval of macro-F1 over the five labels, by a bootstrap stratified by gold label.

    Passages are resampled with replacement within each gold label, so every resample keeps
    the gold counts (and so always holds the rare labels). With two risk passages the interval
    is wide: that width, not the third decimal, is what a difference between models must beat.

    Args:
        gold: Gold labels of the held-out passages.
        pred: Predicted labels, in the same order.
        n_resamples: Number of resamples.
        seed: Seed of the resampling.

    Returns:
        The 2.5th and 97.5th percentiles.
    """
    rng = np.random.default_rng(seed)
    gold_arr, pred_arr = np.asarray(gold, dtype=object), np.asarray(pred, dtype=object)
    strata = [np.flatnonzero(gold_arr == label) for label in sorted(set(gold))]
    values = []
    for _ in range(n_resamples):
        idx = np.concatenate([rng.choice(s, size=len(s), replace=True) for s in strata])
        values.append(
            f1_score(gold_arr[idx], pred_arr[idx], labels=list(PASSAGE_LABELS), average="macro", zero_division=0)
        )
    lo, hi = np.percentile(values, [2.5, 97.5])
    return round(float(lo), 4), round(float(hi), 4)


def cross_validate_examples(
    examples: Examples,
    params: dict[str, Any] | None = None,
    *,
    min_confidence: float = 0.0,
    ablations: bool = True,
    silver: list[Any] | None = None,
    silver_ablation: bool = True,
    on_fold: FoldHook | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Leave-one-section-out cross-validation of the classifier and the baselines.

    Args:
        examples: Rows from :func:`pipeline.classify.train.gold_examples`.
        params: Hyper-parameter overrides of the model.
        min_confidence: Threshold below which a passage is ``other``.
        ablations: Also run the model without the heading weak labels.
        silver: Silver sentences added to every training fold of ``model`` (never tested).
        silver_ablation: Also run the model the other way round for silver: without it when
            ``silver`` is given (``model_no_silver``), with the given-or-mined silver when not
            (``model_plus_silver``); only when ``ablations`` is on.
        on_fold: Called as ``on_fold(model, train, test)`` after each fold is fitted (tests use it).
        progress: Called with a line after each fold (``classify: fold 3/15 (21.4 s)``).

    Returns:
        Flat ``{name: number}``: per-method macro-F1, accuracy and per-label F1, plus counts.
    """
    params = dict(params or {})
    groups = sorted(set(examples.groups[examples.is_main]))
    n_main = int(examples.is_main.sum())
    silver = list(silver or [])
    alt_silver: list[Any] | None = None
    alt_name = ""
    if ablations and silver_ablation:
        if silver:
            alt_silver, alt_name = [], "model_no_silver"
        else:
            alt_silver = _mined_silver()
            alt_name = "model_plus_silver" if alt_silver else ""
    gold: list[str] = []
    probas: list[tuple[np.ndarray, list[str]]] = []
    pred: dict[str, list[str]] = {"majority": [], "tfidf_lr": [], "model": [], "model_no_weak": []}
    if alt_name:
        pred[alt_name] = []
    proba_true: list[float] = []
    betas: list[float] = []
    gammas: list[float] = []
    cs: list[float] = []
    betas_paragraph: list[float] = []
    deltas: list[float] = []
    started = time.perf_counter()
    for fold, group in enumerate(groups, 1):
        train = examples.subset(examples.groups != group)
        test = examples.subset((examples.groups == group) & examples.is_main)
        if len(test) == 0:
            continue
        main_train = train.subset(train.is_main)
        gold += list(test.labels)
        majority = DummyClassifier(strategy="most_frequent").fit(main_train.rows, main_train.labels)
        pred["majority"] += list(majority.predict(test.rows))
        baseline = build_word_baseline().fit(main_train.rows, main_train.labels)
        pred["tfidf_lr"] += list(baseline.predict(test.rows))
        model = fit_model(with_silver(train, silver), params)
        if on_fold is not None:
            on_fold(model, train, test)
        classes = list(model.classes_)
        proba = passage_proba(model, test.rows)
        pred["model"] += apply_threshold(proba, classes, min_confidence)
        probas += [(row, classes) for row in proba]
        for label, row in zip(test.labels, proba, strict=True):
            proba_true.append(float(row[classes.index(label)]) if label in classes else 0.0)
        betas.append(float(model.named_steps["clf"].beta_))
        gammas.append(float(model.named_steps["clf"].gamma_))
        cs.append(float(model.named_steps["clf"].C_))
        betas_paragraph.append(float(model.named_steps["clf"].beta_paragraph_))
        deltas.append(float(getattr(model.named_steps["clf"], "delta_", 0.0)))
        if ablations:
            plain = fit_model(with_silver(train, silver), {**params, "use_heading_prior": False})
            pred["model_no_weak"] += apply_threshold(
                passage_proba(plain, test.rows), list(plain.classes_), min_confidence
            )
            if alt_name:
                alt = fit_model(with_silver(train, alt_silver or []), params)
                pred[alt_name] += apply_threshold(passage_proba(alt, test.rows), list(alt.classes_), min_confidence)
        if progress is not None:
            progress(f"classify: fold {fold}/{len(groups)} ({time.perf_counter() - started:.1f} s)")
    out: dict[str, Any] = {
        "passages": n_main,
        "folds": len(groups),
        "train_rows": len(examples),
        "silver_rows": len(silver),
    }
    for method, predicted in pred.items():
        if predicted:
            out.update(scores(gold, predicted, method))
    if gold:
        out["model_macro_f1_ci95"] = list(bootstrap_macro_f1(gold, pred["model"]))
    # The other-threshold alternative, on the same held-out probabilities.
    for t in THRESHOLDS:
        thresholded = [apply_threshold(row[None, :], classes, t)[0] for row, classes in probas]
        figures = scores(gold, thresholded, f"model_min_conf_{t:.2f}")
        out[f"model_min_conf_{t:.2f}_macro_f1"] = figures[f"model_min_conf_{t:.2f}_macro_f1"]
        out[f"model_min_conf_{t:.2f}_f1_other"] = figures[f"model_min_conf_{t:.2f}_f1_other"]
    weak_gold, weak_pred = [], []
    for row, label in zip(examples.rows[examples.is_main], examples.labels[examples.is_main], strict=True):
        weak = heading_weak_label(str(row[1]))
        if weak is not None:
            weak_gold.append(label)
            weak_pred.append(weak)
    out["weak_rule_coverage"] = round(len(weak_gold) / n_main, 4) if n_main else 0.0
    out["weak_rule_precision"] = round(float(accuracy_score(weak_gold, weak_pred)), 4) if weak_gold else 0.0
    out["model_mean_p_true"] = round(float(np.mean(proba_true)), 4) if proba_true else 0.0
    out["model_mean_beta"] = round(float(np.mean(betas)), 4) if betas else 0.0
    out["model_mean_gamma"] = round(float(np.mean(gammas)), 4) if gammas else 0.0
    out["model_chosen_C"] = sorted(set(cs))
    out["model_deltas"] = [round(d, 4) for d in deltas]
    out["model_mean_beta_paragraph"] = round(float(np.mean(betas_paragraph)), 4) if betas_paragraph else 0.0
    for label in MODEL_LABELS:
        out[f"gold_{label}"] = int(sum(1 for g in gold if g == label))
    return out


def _mined_silver() -> list[Any]:
    return load_silver({})


def cross_validate_corpus(
    corpus: Corpus, settings: dict[str, Any] | None = None, progress: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """The ``diplo evaluate --stage classify`` entry point.

    Args:
        corpus: The gold corpus.
        settings: ``[stages.classify]`` of the pipeline config: ``min_confidence``,
            ``use_label2``, ``sentences``, ``silver``, ``silver_per_class`` and a ``train``
            table of model parameters.
        progress: Called with a line after each fold.

    Returns:
        The figures of :func:`cross_validate_examples`.
    """
    settings = settings or {}
    examples = gold_examples(
        corpus, use_label2=settings.get("use_label2", True), sentences=settings.get("sentences", True)
    )
    silver = load_silver(settings) if settings.get("silver", False) else []
    return cross_validate_examples(
        examples,
        settings.get("train", {}),
        min_confidence=float(settings.get("min_confidence", 0.0)),
        silver=silver,
        progress=progress,
    )
