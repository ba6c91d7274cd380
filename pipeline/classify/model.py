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
scores of an inner cross-validation grouped by section — on the passages'
main-label rows only (``select_on_main``), the label the model is judged by —
then the model is refitted on all training rows (secondary-label and sentence
rows included).

A passage is scored by :func:`passage_proba`: the average of the probabilities
of the passage as a whole and the mean probabilities of its sentences
(``sentence_pool``), so one defining or dated sentence is not drowned by the
rest of a long paragraph. Options kept for ablation and off by default (their
outer-CV scores are in ``models/classifier/VARIANTS.md``): ``Cs`` (C chosen by
the inner CV), ``kind_prior`` (separate heading weights for list items and
paragraphs), ``first_sentence_cues`` (cue counts of the opening sentence), and two
cross-validation-only options over USE sentence vectors (:mod:`pipeline.classify.embedding`):
the ``embed`` block (the vectors in the regression, V9) and ``centroid_prior`` (a
nearest-centroid prior with one weight chosen by the inner CV, V10); a model trained with
either is not saved (:func:`pipeline.classify.train.train_classifier` refuses them).
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
from .embedding import SentenceEmbedding
from .features import (
    CUE_CLASSES,
    HEADING,
    KIND,
    TEXT,
    CueFeatures,
    CuePrior,
    analyse_heading,
    analyse_words,
    column_heading,
    column_text,
    column_text_normalised,
    heading_prior_by_kind,
    heading_prior_matrix,
    split_sentences,
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
    # Weight of the sentence-embedding block (block "embed"): fixed a priori at 1.0, the scale of
    # the unit-norm TF-IDF blocks (models/classifier/VARIANTS.md, V9).
    "embed_weight": 1.0,
    "heading_weight": 1.0,
    "use_heading_prior": True,
    "use_cue_prior": True,
    "betas": [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0],
    "gammas": [0.0, 0.5, 1.0, 2.0, 3.0],
    "temperatures": [0.5, 0.75, 1.0, 1.5, 2.0, 3.0],
    "inner_splits": 5,
    "selection": "logloss",
    "blocks": ["char", "word", "heading", "cue"],
    # Candidate regularisation strengths chosen by the inner CV (None: C alone, fixed).
    "Cs": None,
    # Passed to the logistic regression ("balanced": by summed sample weight, see PriorLogit).
    "class_weight": "balanced",
    # Weight of the mean sentence probabilities in a multi-sentence passage's probabilities
    # (see passage_proba); 0 scores the passage as a whole only. Fixed a priori at 0.5 (see
    # models/classifier/VARIANTS.md, V1).
    "sentence_pool": 0.5,
    # Cue counts of the first sentence as well as of the whole passage (see cue_matrix).
    "first_sentence_cues": False,
    # The heading prior with one weight for list items and one for paragraphs (see PriorLogit).
    "kind_prior": False,
    # Choose the prior weights and temperature on the passages' main-label rows only (V8).
    "select_on_main": True,
    # A nearest-centroid prior over the USE sentence vectors, weight chosen from ``deltas`` by the
    # inner CV (V10; off: see models/classifier/VARIANTS.md).
    "centroid_prior": False,
    "deltas": [0.0, 5.0, 10.0, 20.0, 40.0, 80.0],
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
        class_weight: Passed to the logistic regression (scikit-learn >= 1.8 computes
            ``balanced`` from the summed sample weights, so sentence and secondary-label rows
            count by their weight).
        max_iter: Passed to the logistic regression.
        selection: ``logloss`` (choose the prior weights and temperature together by out-of-fold
            log loss, smooth even with a handful of risk rows) or ``f1`` (prior weights by
            out-of-fold macro-F1, then the temperature by log loss).
        Cs: Candidate values of ``C`` chosen by the inner cross-validation, jointly with the
            prior weights and temperature (by log loss); None: ``C`` as given.
        kind_prior: The heading prior comes as two blocks, list items then paragraphs, each
            with its own weight (``beta_`` and ``beta_paragraph_``); otherwise one block and
            one weight (``beta_paragraph_`` is 0).
        select_on_main: Choose the prior weights and temperature on the out-of-fold scores of
            the rows marked ``main`` in :meth:`fit` only (the passages' main labels), not on
            the secondary-label and sentence rows, which still train the regression.
        sentence_pool: Not used by the estimator itself: the weight of the sentence
            probabilities in :func:`passage_proba`, stored with the model so that training
            and prediction agree.
        centroid_prior: ``X`` holds, just before the prior blocks, ``embed_dim`` columns of unit
            sentence vectors; they do not feed the regression: each class's centroid (the
            sample-weighted mean of its training rows' vectors, renormalised) gives every row its
            cosine similarity to the class, added to the log-odds with one shared weight
            (``delta_``, chosen from ``deltas`` with the other weights; the inner folds compute
            their own centroids, so no row is scored against a centroid that holds it).
        deltas: Candidate weights of the centroid prior.
        embed_dim: Width of the sentence-vector block (with ``centroid_prior``).
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
        Cs: Sequence[float] | None = None,
        sentence_pool: float = 0.0,
        kind_prior: bool = False,
        select_on_main: bool = False,
        centroid_prior: bool = False,
        deltas: Sequence[float] = (0.0,),
        embed_dim: int = 512,
    ) -> None:
        self.C = C
        self.centroid_prior = centroid_prior
        self.deltas = deltas
        self.embed_dim = embed_dim
        self.select_on_main = select_on_main
        self.kind_prior = kind_prior
        self.Cs = Cs
        self.sentence_pool = sentence_pool
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

    def _split(self, X: Any) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray, np.ndarray]:
        """Features, the cue prior, and the heading prior as two blocks (list items, paragraphs).

        Without ``kind_prior`` the heading prior is one block, returned first, and the second is zeros.
        """
        X = sparse.csr_matrix(X)
        k = len(self.prior_classes)
        n_blocks = 3 if self.kind_prior else 2
        blocks = np.asarray(X[:, -n_blocks * k :].todense())
        # getattr: a model saved before the centroid prior existed has no such attribute.
        centroid_width = self.embed_dim if getattr(self, "centroid_prior", False) else 0
        features = X[:, : -n_blocks * k - centroid_width]
        if self.kind_prior:
            return features, blocks[:, :k], blocks[:, k : 2 * k], blocks[:, 2 * k :]
        return features, blocks[:, :k], blocks[:, k:], np.zeros_like(blocks[:, k:])

    def _embeddings(self, X: Any) -> np.ndarray:
        """The sentence-vector block (``centroid_prior``), dense."""
        X = sparse.csr_matrix(X)
        end = X.shape[1] - len(self.prior_classes) * (3 if self.kind_prior else 2)
        return np.asarray(X[:, end - self.embed_dim : end].todense())

    def _centroids(self, emb: np.ndarray, y: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Unit centroid of each class of :attr:`classes_` (zeros for a class without rows)."""
        out = np.zeros((len(self.classes_), emb.shape[1]))
        for j, label in enumerate(self.classes_):
            mask = y == label
            if mask.any():
                centre = (weights[mask, None] * emb[mask]).sum(axis=0)
                out[j] = centre / max(float(np.linalg.norm(centre)), 1e-12)
        return out

    def _splits(self, n: int, y: np.ndarray, groups: Sequence[Any] | None) -> list[tuple[np.ndarray, np.ndarray]]:
        """The inner folds: grouped by section when groups are given."""
        if groups is not None and len(set(groups)) >= 2:
            splitter = GroupKFold(n_splits=min(self.inner_splits, len(set(groups))))
            return list(splitter.split(np.zeros(n), y, groups))
        return list(KFold(n_splits=min(self.inner_splits, n), shuffle=True, random_state=0).split(np.zeros(n)))

    def _reorder(self, block: np.ndarray, classes: np.ndarray) -> np.ndarray:
        """Prior columns re-ordered to ``classes`` (classes the prior does not know get zeros)."""
        out = np.zeros((block.shape[0], len(classes)))
        for j, label in enumerate(classes):
            if label in self.prior_classes:
                out[:, j] = block[:, list(self.prior_classes).index(label)]
        return out

    def _new_lr(self, C: float | None = None) -> LogisticRegression:
        # newton-cg: several times faster than lbfgs on these wide, short matrices.
        return LogisticRegression(
            C=self.C if C is None else C, class_weight=self.class_weight, max_iter=self.max_iter, solver="newton-cg"
        )

    def fit(
        self,
        X: Any,
        y: Sequence[str],
        groups: Sequence[Any] | None = None,
        sample_weight: Sequence[float] | None = None,
        main: Sequence[bool] | None = None,
    ) -> PriorLogit:
        """Fit the logistic regression; choose the prior weights and the temperature by inner cross-validation.

        Args:
            X: Features with the two prior blocks last.
            y: Class of each row.
            groups: Section of each row; the inner folds never split a section.
            sample_weight: Weight of each row (secondary-label and sentence rows weigh less).
            main: True for the rows of a passage's main label (used with ``select_on_main``).
        """
        features, cue, head, head2 = self._split(X)
        y = np.asarray(y, dtype=object)
        weights = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.classes_ = np.array(sorted(set(y)), dtype=object)
        cue, head, head2 = (self._reorder(b, self.classes_) for b in (cue, head, head2))
        select_weights = weights
        if self.select_on_main and main is not None:
            select_weights = weights * np.asarray(main, dtype=float)
        sims = None
        if self.centroid_prior:
            emb = self._embeddings(X)
            sims = self._out_of_fold_similarities(emb, y, groups, weights)
        best_loss = np.inf
        for C in self.Cs or [self.C]:
            oof = self._out_of_fold_scores(features, y, groups, weights, C)
            (gamma, beta, beta2, temperature, delta), loss = self._choose(
                oof, cue, head, head2, y, select_weights, sims
            )
            # Several Cs: the lowest out-of-fold log loss wins (ties: the first in the grid).
            if loss < best_loss - 1e-12 or best_loss == np.inf:
                best_loss = loss
                self.C_, self.gamma_, self.temperature_ = float(C), gamma, temperature
                self.beta_, self.beta_paragraph_, self.delta_ = beta, beta2, delta
        self.lr_ = self._new_lr(self.C_).fit(features, y, sample_weight=weights)
        self.centroids_ = self._centroids(emb, y, weights) if self.centroid_prior else np.zeros((0, 0))
        return self

    def _out_of_fold_similarities(
        self, emb: np.ndarray, y: np.ndarray, groups: Sequence[Any] | None, weights: np.ndarray
    ) -> np.ndarray:
        """Each row's cosine similarity to the class centroids of an inner fold that did not see its section."""
        sims = np.zeros((len(y), len(self.classes_)))
        for train, test in self._splits(len(y), y, groups):
            sims[test] = emb[test] @ self._centroids(emb[train], y[train], weights[train]).T
        return sims

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
        self,
        features: sparse.csr_matrix,
        y: np.ndarray,
        groups: Sequence[Any] | None,
        weights: np.ndarray,
        C: float | None = None,
    ) -> np.ndarray:
        """Decision scores of each row from a model that did not see its section."""
        n = len(y)
        oof = np.full((n, len(self.classes_)), np.nan)
        for train, test in self._splits(n, y, groups):
            if len(set(y[train])) < 2:
                continue
            lr = self._new_lr(C).fit(features[train], y[train], sample_weight=weights[train])
            oof[test] = self._full_scores(lr, features[test])
        return oof

    def _choose(
        self,
        oof: np.ndarray,
        cue: np.ndarray,
        head: np.ndarray,
        head2: np.ndarray,
        y: np.ndarray,
        weights: np.ndarray,
        sims: np.ndarray | None = None,
    ) -> tuple[tuple[float, float, float, float, float], float]:
        """``(gamma, beta, beta_paragraph, temperature, delta)`` and the out-of-fold log loss they reach.

        ``delta``, the centroid prior's weight, is chosen only when ``sims`` (the out-of-fold
        centroid similarities, ``centroid_prior``) are given; otherwise it is 0.
        """
        ok = ~np.isnan(oof).any(axis=1) & (weights > 0)
        if ok.sum() == 0:
            return (0.0, 0.0, 0.0, 1.0, 0.0), np.inf
        oof, cue, y, weights = oof[ok], cue[ok], y[ok], weights[ok]
        head, head2 = head[ok], head2[ok]
        labels = [c for c in self.classes_ if c in PASSAGE_LABELS]
        betas1 = list(self.betas) if self.use_prior else [0.0]
        betas2 = betas1 if self.kind_prior else [0.0]
        deltas = list(self.deltas) if sims is not None else [0.0]
        sims = sims[ok] if sims is not None else np.zeros_like(head)
        # Each pair of heading weights and the centroid weight as one term, so the loops below stay
        # three deep.
        head_terms = [
            ((b1, b2, d), b1 * head + b2 * head2 + d * sims) for d in deltas for b1 in betas1 for b2 in betas2
        ]
        gammas = list(self.gammas) if self.use_cue_prior else [0.0]
        index = {c: j for j, c in enumerate(self.classes_)}
        truth = np.array([index[c] for c in y])

        def logloss(z: np.ndarray) -> float:
            proba = _softmax(z)
            return float(
                -np.sum(weights * np.log(np.clip(proba[np.arange(len(y)), truth], 1e-12, None))) / weights.sum()
            )

        if self.selection == "logloss":
            best_joint, best_joint_loss = (0.0, 0.0, 0.0, 1.0, 0.0), np.inf
            for t in self.temperatures:
                for g in gammas:
                    for (b1, b2, d), term in head_terms:
                        loss = logloss(oof / t + g * cue + term)
                        if loss < best_joint_loss - 1e-12:
                            best_joint, best_joint_loss = (g, b1, b2, t, d), loss
            return best_joint, best_joint_loss
        # The argmax depends on (gamma * T, beta * T) only: pick those by macro-F1
        # (ties: the smaller weights, i.e. the first in the grid)...
        best, best_term, best_f1 = (0.0, 0.0, 0.0, 0.0), head_terms[0][1], -1.0
        for g in gammas:
            for (b1, b2, d), term in head_terms:
                pred = self.classes_[np.argmax(oof + g * cue + term, axis=1)]
                f1 = f1_score(y, pred, labels=labels, average="macro", zero_division=0, sample_weight=weights)
                if f1 > best_f1 + 1e-9:
                    best, best_term, best_f1 = (g, b1, b2, d), term, f1
        # ...then the temperature by log loss, keeping the products fixed.
        g, b1, b2, d = best
        best_t, best_loss = 1.0, np.inf
        for t in self.temperatures:
            loss = logloss((oof + g * cue + best_term) / t)
            if loss < best_loss - 1e-12:
                best_t, best_loss = t, loss
        return (g / best_t, b1 / best_t, b2 / best_t, best_t, d / best_t), best_loss

    # -- prediction ------------------------------------------------------------

    def decision_function(self, X: Any) -> np.ndarray:
        """Calibrated log-odds: model scores over the temperature plus the weighted priors."""
        features, cue, head, head2 = self._split(X)
        full = self._full_scores(self.lr_, features)
        scores = (
            full / self.temperature_
            + self.gamma_ * self._reorder(cue, self.classes_)
            + self.beta_ * self._reorder(head, self.classes_)
            + self.beta_paragraph_ * self._reorder(head2, self.classes_)
        )
        if getattr(self, "centroid_prior", False):
            scores = scores + self.delta_ * (self._embeddings(X) @ self.centroids_.T)
        return scores

    def heading_push(self, X: Any, row: int, label: str) -> float:
        """How much the heading's weak label adds to one row's log-odds of ``label`` (0 if it names another)."""
        if label not in self.prior_classes:
            return 0.0
        _, _, head, head2 = self._split(X[row])
        j = list(self.prior_classes).index(label)
        return float(self.beta_ * head[0, j] + self.beta_paragraph_ * head2[0, j])

    def predict_proba(self, X: Any) -> np.ndarray:
        """Class probabilities, columns in :attr:`classes_` order."""
        return _softmax(self.decision_function(X))

    def predict(self, X: Any) -> np.ndarray:
        """The most probable class of each row."""
        return self.classes_[np.argmax(self.decision_function(X), axis=1)]

    def explain(self, X: Any, label: str) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
        """What raised every row's score of ``label``, for all rows at once.

        Returns:
            ``(features, heading, cue)``: each feature's contribution (value x weight /
            temperature; sparse, nonzero only where the row has the feature, indices sorted),
            the heading prior's push (:meth:`heading_push`) and the cue prior's push (its weight
            times the row's cue score), one per row; the pushes are 0 when the priors do not
            know ``label``.
        """
        features, cue, head, head2 = self._split(X)
        j = list(self.lr_.classes_).index(label)
        # (value x weight) / temperature, in feature_contributions' order of operations
        contributions = sparse.csr_matrix(features.multiply(self.lr_.coef_[j])) / self.temperature_
        contributions.sort_indices()
        n = features.shape[0]
        if label not in self.prior_classes:
            return contributions, np.zeros(n), np.zeros(n)
        k = list(self.prior_classes).index(label)
        heading = self.beta_ * head[:, k] + self.beta_paragraph_ * head2[:, k]
        return contributions, np.asarray(heading, dtype=float), self.gamma_ * np.asarray(cue[:, k], dtype=float)

    def feature_contributions(self, X: Any, row: int, label: str) -> np.ndarray:
        """Per-feature contribution (value x weight / temperature) of one row to one class's score."""
        features, _, _, _ = self._split(X[row : row + 1])  # the row alone: not the whole matrix per row
        j = list(self.lr_.classes_).index(label)
        x = features.toarray().ravel()
        return x * self.lr_.coef_[j] / self.temperature_


def build_model(params: dict[str, Any] | None = None) -> Pipeline:
    """An unfitted classifier pipeline.

    Args:
        params: Overrides of :data:`DEFAULTS`.

    Returns:
        ``Pipeline([("features", FeatureUnion), ("clf", PriorLogit)])``; fit it with
        ``fit(rows, y, clf__groups=sections, clf__sample_weight=weights, clf__main=is_main)``.
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
        "cue": CueFeatures(first_sentence=p["first_sentence_cues"]),
        "embed": SentenceEmbedding(),
    }
    unknown = [b for b in p["blocks"] if b not in blocks]
    if unknown:
        raise ConfigError(f"classifier blocks: unknown block(s) {unknown}; known: {list(blocks)}")
    features = FeatureUnion(
        [(name, blocks[name]) for name in blocks if name in p["blocks"]]
        # The centroid prior's sentence vectors sit just before the prior blocks (see PriorLogit).
        + ([("centroid", SentenceEmbedding())] if p["centroid_prior"] else [])
        + [
            # Must stay last, in this order: PriorLogit reads its prior blocks from the last columns.
            ("cue_prior", CuePrior()),
            (
                "prior",
                FunctionTransformer(heading_prior_by_kind if p["kind_prior"] else heading_prior_matrix),
            ),
        ],
        transformer_weights={
            k: w
            for k, w in (("cue", p["cue_weight"]), ("heading", p["heading_weight"]), ("embed", p["embed_weight"]))
            if k in p["blocks"]
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
        Cs=tuple(p["Cs"]) if p["Cs"] else None,
        class_weight=p["class_weight"],
        sentence_pool=float(p["sentence_pool"]),
        kind_prior=bool(p["kind_prior"]),
        select_on_main=bool(p["select_on_main"]),
        centroid_prior=bool(p["centroid_prior"]),
        deltas=tuple(p["deltas"]),
    )
    return Pipeline([("features", features), ("clf", clf)])


def passage_proba(model: Pipeline, rows: np.ndarray, features: Any = None) -> np.ndarray:
    """Class probabilities of passages, pooled with those of their sentences.

    For a passage of several sentences (:func:`pipeline.classify.features.split_sentences`)
    the result is ``(1 - w) * p(passage) + w * mean(p(sentence))`` with ``w`` the model's
    ``sentence_pool`` (0: the passage as a whole only). A passage's function is often carried
    by one or two of its sentences (a definition, a dated case), which the whole passage's
    word vector dilutes; the model is trained on sentence rows as well, so it knows them.

    Args:
        model: A fitted pipeline from :func:`build_model`.
        rows: Model input (see :func:`pipeline.classify.features.make_rows`).
        features: ``rows`` through the model's ``features`` step, when the caller has them
            already (the stage needs them for the cues too): transformed once, not twice.

    Returns:
        An array of shape ``(n, len(model.classes_))``; rows sum to 1.
    """
    rows = np.asarray(rows, dtype=object)
    if features is None:
        proba = model.predict_proba(rows)
    else:
        proba = model.named_steps["clf"].predict_proba(features)
    weight = float(getattr(model.named_steps["clf"], "sentence_pool", 0.0))
    if weight <= 0.0 or len(rows) == 0:
        return proba
    owner, sentences = [], []
    for i, row in enumerate(rows):
        parts = split_sentences(str(row[TEXT]))
        if len(parts) > 1:
            owner += [i] * len(parts)
            sentences += [(part, row[HEADING], row[KIND]) for part in parts]
    if not sentences:
        return proba
    sent_rows = np.empty((len(sentences), rows.shape[1]), dtype=object)
    for j, (text, heading, kind) in enumerate(sentences):
        sent_rows[j, TEXT], sent_rows[j, HEADING], sent_rows[j, KIND] = text, heading, kind
    sent_proba = model.predict_proba(sent_rows)
    owner_arr = np.asarray(owner)
    out = proba.copy()
    for i in sorted(set(owner)):
        out[i] = (1.0 - weight) * proba[i] + weight * sent_proba[owner_arr == i].mean(axis=0)
    return out


def build_word_baseline(C: float = 10.0) -> Pipeline:
    """The plain baseline: word TF-IDF (sklearn's default tokenisation of the raw text) + logistic regression."""
    return Pipeline(
        [
            ("col", FunctionTransformer(column_text)),
            ("tfidf", TfidfVectorizer()),
            ("lr", LogisticRegression(C=C, max_iter=3000)),
        ]
    )
