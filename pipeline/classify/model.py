"""The passage classifier: a scikit-learn ``Pipeline`` of feature blocks and a calibrated linear model.

Feature blocks (all fitted on training rows only, inside the pipeline):

* ``char``: TF-IDF of character 2–5-grams (within word boundaries) of the
  normalised, dediacritised text — robust to clitics and to OCR damage;
* ``word``: TF-IDF of clitic-split word unigrams and bigrams;
* ``heading``: TF-IDF of the words of the section heading (numbering removed);
* ``cue``: counts of the fixed cue phrases of each class, years, length,
  a trailing colon, list item;
* ``prior``: the class the section heading names (the weak label), one-hot.

The final estimator, :class:`PriorLogit`, is a multinomial logistic regression
over every block but ``prior``. The heading's weak label enters as one shared
weight ``beta`` added to the log-odds of the class it names (a per-class weight
could not be learned for a class whose only headed section is held out).
``beta`` and a softmax temperature (calibration) are chosen on out-of-fold
scores of an inner cross-validation grouped by section, then the model is
refitted on all training rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, KFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from ..document import PASSAGE_LABELS
from ..errors import ConfigError
from .features import (
    CUE_CLASSES,
    CueFeatures,
    CuePrior,
    analyse_heading,
    analyse_words,
    column_heading,
    column_text,
    column_text_normalised,
    heading_prior_matrix,
)

#: Every class the model predicts: the five of the scheme and ``other``.
MODEL_LABELS = (*PASSAGE_LABELS, "other")

#: Default hyper-parameters (overridable from ``[stages.classify]`` / the train command).
DEFAULTS: dict[str, Any] = {
    "C": 10.0,
    "char_ngrams": [2, 5],
    "char_min_df": 2,
    "char_max_features": None,
    "cue_weight": 1.0,
    "heading_weight": 1.0,
    "use_heading_prior": True,
    "use_cue_prior": True,
    "betas": [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0],
    "gammas": [0.0, 0.5, 1.0, 2.0, 3.0],
    "temperatures": [0.5, 0.75, 1.0, 1.5, 2.0, 3.0],
    "inner_splits": 5,
    "selection": "logloss",
    "blocks": ["char", "word", "heading", "cue"],
}


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class PriorLogit(ClassifierMixin, BaseEstimator):
    """Logistic regression plus two shared prior weights, calibrated by temperature.

    The last ``2 * len(prior_classes)`` columns of ``X`` are two prior blocks
    over ``prior_classes``: first the standardised cue counts (weight ``gamma``), then the
    heading's weak label (one-hot, weight ``beta``). Each block adds one
    weight, shared by all classes, times its column to that class's
    log-odds — a per-class weight could not be learned for a class with
    almost no training rows (risk) or whose only headed section is held out.
    The remaining columns feed a multinomial logistic regression.

    Args:
        C: Inverse regularisation strength of the logistic regression.
        prior_classes: Class of each column of a prior block.
        use_prior: Use the heading prior (False: beta is 0).
        use_cue_prior: Use the cue prior (False: gamma is 0).
        betas: Candidate heading-prior weights.
        gammas: Candidate cue-prior weights.
        temperatures: Candidate softmax temperatures, chosen by out-of-fold log loss.
        inner_splits: Folds of the inner cross-validation (grouped when groups are given).
        class_weight: Passed to the logistic regression.
        max_iter: Passed to the logistic regression.
        selection: ``logloss`` (choose the prior weights and temperature together by out-of-fold
            log loss, smooth even with a handful of risk rows) or ``f1`` (prior weights by
            out-of-fold macro-F1, then the temperature by log loss).
    """

    def __init__(
        self,
        C: float = 10.0,
        prior_classes: Sequence[str] = CUE_CLASSES,
        use_prior: bool = True,
        use_cue_prior: bool = True,
        betas: Sequence[float] = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0),
        gammas: Sequence[float] = (0.0, 0.5, 1.0, 2.0, 3.0),
        temperatures: Sequence[float] = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0),
        inner_splits: int = 5,
        class_weight: str | None = "balanced",
        max_iter: int = 3000,
        selection: str = "logloss",
    ) -> None:
        self.C = C
        self.selection = selection
        self.prior_classes = prior_classes
        self.use_prior = use_prior
        self.use_cue_prior = use_cue_prior
        self.betas = betas
        self.gammas = gammas
        self.temperatures = temperatures
        self.inner_splits = inner_splits
        self.class_weight = class_weight
        self.max_iter = max_iter

    # -- fitting ---------------------------------------------------------------

    def _split(self, X: Any) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
        X = sparse.csr_matrix(X)
        k = len(self.prior_classes)
        blocks = np.asarray(X[:, -2 * k :].todense())
        return X[:, : -2 * k], blocks[:, :k], blocks[:, k:]

    def _reorder(self, block: np.ndarray, classes: np.ndarray) -> np.ndarray:
        """Prior columns re-ordered to ``classes`` (classes the prior does not know get zeros)."""
        out = np.zeros((block.shape[0], len(classes)))
        for j, label in enumerate(classes):
            if label in self.prior_classes:
                out[:, j] = block[:, list(self.prior_classes).index(label)]
        return out

    def _new_lr(self) -> LogisticRegression:
        # newton-cg: several times faster than lbfgs on these wide, short matrices.
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter, solver="newton-cg")

    def fit(
        self,
        X: Any,
        y: Sequence[str],
        groups: Sequence[Any] | None = None,
        sample_weight: Sequence[float] | None = None,
    ) -> PriorLogit:
        """Fit the logistic regression; choose the prior weights and the temperature by inner cross-validation.

        Args:
            X: Features with the two prior blocks last.
            y: Class of each row.
            groups: Section of each row; the inner folds never split a section.
            sample_weight: Weight of each row (secondary-label and sentence rows weigh less).
        """
        features, cue, head = self._split(X)
        y = np.asarray(y, dtype=object)
        weights = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.classes_ = np.array(sorted(set(y)), dtype=object)
        oof = self._out_of_fold_scores(features, y, groups, weights)
        self.gamma_, self.beta_, self.temperature_ = self._choose(
            oof, self._reorder(cue, self.classes_), self._reorder(head, self.classes_), y, weights
        )
        self.lr_ = self._new_lr().fit(features, y, sample_weight=weights)
        return self

    def _full_scores(self, lr: LogisticRegression, features: sparse.csr_matrix) -> np.ndarray:
        """Decision scores over :attr:`classes_`; a class the model never saw scores far below the rest."""
        scores = lr.decision_function(features)
        if scores.ndim == 1:  # two classes: sklearn returns one column
            scores = np.column_stack([-scores, scores])
        full = np.repeat(scores.min(axis=1, keepdims=True) - 10.0, len(self.classes_), axis=1)
        for j, label in enumerate(lr.classes_):
            full[:, list(self.classes_).index(label)] = scores[:, j]
        return full

    def _out_of_fold_scores(
        self, features: sparse.csr_matrix, y: np.ndarray, groups: Sequence[Any] | None, weights: np.ndarray
    ) -> np.ndarray:
        """Decision scores of each row from a model that did not see its section."""
        n = len(y)
        if groups is not None and len(set(groups)) >= 2:
            splitter = GroupKFold(n_splits=min(self.inner_splits, len(set(groups))))
            splits = splitter.split(features, y, groups)
        else:
            splits = KFold(n_splits=min(self.inner_splits, n), shuffle=True, random_state=0).split(features)
        oof = np.full((n, len(self.classes_)), np.nan)
        for train, test in splits:
            if len(set(y[train])) < 2:
                continue
            lr = self._new_lr().fit(features[train], y[train], sample_weight=weights[train])
            oof[test] = self._full_scores(lr, features[test])
        return oof

    def _choose(
        self, oof: np.ndarray, cue: np.ndarray, head: np.ndarray, y: np.ndarray, weights: np.ndarray
    ) -> tuple[float, float, float]:
        ok = ~np.isnan(oof).any(axis=1)
        if ok.sum() == 0:
            return 0.0, 0.0, 1.0
        oof, cue, head, y, weights = oof[ok], cue[ok], head[ok], y[ok], weights[ok]
        labels = [c for c in self.classes_ if c in PASSAGE_LABELS]
        betas = list(self.betas) if self.use_prior else [0.0]
        gammas = list(self.gammas) if self.use_cue_prior else [0.0]
        index = {c: j for j, c in enumerate(self.classes_)}
        truth = np.array([index[c] for c in y])

        def logloss(z: np.ndarray) -> float:
            proba = _softmax(z)
            return float(
                -np.sum(weights * np.log(np.clip(proba[np.arange(len(y)), truth], 1e-12, None))) / weights.sum()
            )

        if self.selection == "logloss":
            best_joint, best_joint_loss = (0.0, 0.0, 1.0), np.inf
            for t in self.temperatures:
                for g in gammas:
                    for b in betas:
                        loss = logloss(oof / t + g * cue + b * head)
                        if loss < best_joint_loss - 1e-12:
                            best_joint, best_joint_loss = (g, b, t), loss
            return best_joint
        # The argmax depends on (gamma * T, beta * T) only: pick those by macro-F1
        # (ties: the smaller weights, i.e. the first in the grid)...
        best, best_f1 = (0.0, 0.0), -1.0
        for g in gammas:
            for b in betas:
                pred = self.classes_[np.argmax(oof + g * cue + b * head, axis=1)]
                f1 = f1_score(y, pred, labels=labels, average="macro", zero_division=0, sample_weight=weights)
                if f1 > best_f1 + 1e-9:
                    best, best_f1 = (g, b), f1
        # ...then the temperature by log loss, keeping the products fixed.
        g, b = best
        best_t, best_loss = 1.0, np.inf
        for t in self.temperatures:
            loss = logloss((oof + g * cue + b * head) / t)
            if loss < best_loss - 1e-12:
                best_t, best_loss = t, loss
        return g / best_t, b / best_t, best_t

    # -- prediction ------------------------------------------------------------

    def decision_function(self, X: Any) -> np.ndarray:
        """Calibrated log-odds: model scores over the temperature plus the weighted priors."""
        features, cue, head = self._split(X)
        full = self._full_scores(self.lr_, features)
        return (
            full / self.temperature_
            + self.gamma_ * self._reorder(cue, self.classes_)
            + self.beta_ * self._reorder(head, self.classes_)
        )

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in :attr:`classes_` order."""
        return _softmax(self.decision_function(X))

    def predict(self, X: Any) -> np.ndarray:
        """The most probable class of each row."""
        return self.classes_[np.argmax(self.decision_function(X), axis=1)]

    def feature_contributions(self, X: Any, row: int, label: str) -> np.ndarray:
        """Per-feature contribution (value x weight / temperature) of one row to one class's score."""
        features, _, _ = self._split(X)
        j = list(self.lr_.classes_).index(label)
        x = features[row].toarray().ravel()
        return x * self.lr_.coef_[j] / self.temperature_


def build_model(params: dict[str, Any] | None = None) -> Pipeline:
    """An unfitted classifier pipeline.

    Args:
        params: Overrides of :data:`DEFAULTS`.

    Returns:
        ``Pipeline([("features", FeatureUnion), ("clf", PriorLogit)])``; fit it with
        ``fit(rows, y, clf__groups=sections, clf__sample_weight=weights)``.
    """
    p = {**DEFAULTS, **(params or {})}
    lo, hi = p["char_ngrams"]
    blocks = {
        "char": Pipeline(
            [
                ("col", FunctionTransformer(column_text_normalised)),
                (
                    "tfidf",
                    TfidfVectorizer(
                        analyzer="char_wb",
                        ngram_range=(lo, hi),
                        min_df=p["char_min_df"],
                        max_features=p["char_max_features"],
                        sublinear_tf=True,
                    ),
                ),
            ]
        ),
        "word": Pipeline(
            [
                ("col", FunctionTransformer(column_text)),
                ("tfidf", TfidfVectorizer(analyzer=analyse_words, sublinear_tf=True)),
            ]
        ),
        "heading": Pipeline(
            [("col", FunctionTransformer(column_heading)), ("tfidf", TfidfVectorizer(analyzer=analyse_heading))]
        ),
        "cue": CueFeatures(),
    }
    unknown = [b for b in p["blocks"] if b not in blocks]
    if unknown:
        raise ConfigError(f"classifier blocks: unknown block(s) {unknown}; known: {list(blocks)}")
    features = FeatureUnion(
        [(name, blocks[name]) for name in blocks if name in p["blocks"]]
        + [
            # Must stay last, in this order: PriorLogit reads its prior blocks from the last columns.
            ("cue_prior", CuePrior()),
            ("prior", FunctionTransformer(heading_prior_matrix)),
        ],
        transformer_weights={
            k: w for k, w in (("cue", p["cue_weight"]), ("heading", p["heading_weight"])) if k in p["blocks"]
        },
    )
    clf = PriorLogit(
        C=p["C"],
        use_prior=p["use_heading_prior"],
        use_cue_prior=p["use_cue_prior"],
        betas=tuple(p["betas"]),
        gammas=tuple(p["gammas"]),
        temperatures=tuple(p["temperatures"]),
        inner_splits=p["inner_splits"],
        selection=p["selection"],
    )
    return Pipeline([("features", features), ("clf", clf)])


def build_word_baseline(C: float = 10.0) -> Pipeline:
    """The plain baseline: word TF-IDF (sklearn's default tokenisation of the raw text) + logistic regression."""
    return Pipeline(
        [
            ("col", FunctionTransformer(column_text)),
            ("tfidf", TfidfVectorizer()),
            ("lr", LogisticRegression(C=C, max_iter=3000)),
        ]
    )
