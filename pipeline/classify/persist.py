"""Saving and loading the classifier: skops for the pipeline, ``meta.json`` beside it; never pickle.

A model folder holds::

    model.skops   the fitted scikit-learn Pipeline (skops format)
    meta.json     labels, the SHA-256 of model.skops and of the training data,
                  library versions, the normaliser version, cross-validated scores

Loading refuses, with :class:`~pipeline.errors.ModelError`, a folder that is
missing a file, a meta.json that is not the expected JSON, a model file whose
SHA-256 differs from the one recorded (corrupted or replaced), a model saved
under another scikit-learn / skops major.minor version or another normaliser
version, and a model file that asks for any type outside :data:`ALLOWED_TYPES`
(skops' untrusted types are checked before anything is loaded).
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ModelError
from ..textio import check_model_output, new_folder_beside, remove_stale_folders_beside, swap_folder_in
from .features import NORMALISER_VERSION

MODEL_FILE = "model.skops"
META_FILE = "meta.json"
FORMAT = "diplo-classifier/1"

#: The only non-default types a classifier file may contain: our own
#: preprocessing functions and estimators. Anything else is refused.
ALLOWED_TYPES = frozenset(
    {
        "pipeline.classify.features.CueFeatures",
        "pipeline.classify.features.analyse_heading",
        "pipeline.classify.features.analyse_words",
        "pipeline.classify.features.column_heading",
        "pipeline.classify.features.column_text",
        "pipeline.classify.features.column_text_normalised",
        "pipeline.classify.features.CuePrior",
        "pipeline.classify.features.heading_prior_matrix",
        "pipeline.classify.features.heading_prior_by_kind",
        "pipeline.classify.model.PriorLogit",
    }
)
#: Libraries whose major.minor version must match between saving and loading.
CHECKED_LIBRARIES = ("sklearn", "skops")


def library_versions() -> dict[str, str]:
    """Versions of the libraries the model depends on (and of Python)."""
    import numpy
    import scipy
    import sklearn
    import skops

    return {
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "skops": skops.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def _strip_introspection(model: Any) -> None:
    """Drop the vectorisers' ``stop_words_`` (introspection only; sklearn documents it as safe to remove).

    With min_df pruning it holds every rare character n-gram and would make
    the file ten times larger.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    stack = [model]
    while stack:
        est = stack.pop()
        if isinstance(est, TfidfVectorizer) and hasattr(est, "stop_words_"):
            delattr(est, "stop_words_")
        for attr in ("steps", "transformer_list"):
            for _, child in getattr(est, attr, []) or []:
                stack.append(child)


#: Files of an existing model folder that a retrain keeps: its documentation (MODEL_CARD.md,
#: VARIANTS.md), which nothing loads and training does not write.
KEPT_DOCS = "*.md"


def is_model_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a classifier written by ``diplo train classifier`` (model.skops and its meta.json)."""
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and meta.get("format") == FORMAT and (folder / MODEL_FILE).is_file()


def check_output_folder(output: str | Path) -> None:
    """Refuse, before any training, an output that a finished run must not replace.

    Allowed: a path that does not exist, an empty folder, or a classifier
    folder (:func:`is_model_folder`; its ``*.md`` documentation is kept).

    Raises:
        OutputError: ``output`` is a file, or a folder holding anything else.
    """
    check_model_output(
        output,
        is_model_folder,
        f"exists and is not a classifier folder written by `diplo train classifier` (no {MODEL_FILE} and "
        f"{META_FILE} of format {FORMAT!r})",
    )


def save_model(
    model: Any,
    out_dir: str | Path,
    *,
    training_hash: str,
    training: dict[str, Any] | None = None,
    scores: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write a fitted classifier pipeline and its meta.json.

    Args:
        model: The fitted pipeline (``classes_`` gives the labels).
        out_dir: The model folder (created if needed).
        training_hash: SHA-256 of the training rows.
        training: What the model was trained on (counts, options, parameters).
        scores: Cross-validated scores to record.

    Returns:
        The meta.json content.

    Raises:
        OutputError: ``out_dir`` is a file or a folder that is not a classifier folder
            (:func:`check_output_folder`), or cannot be written.
    """
    import skops.io as sio

    target = Path(out_dir)
    check_output_folder(target)
    remove_stale_folders_beside(target)  # what an earlier, killed save left (never the model itself)
    # Written beside the target and swapped in whole: a failed save leaves the old model intact.
    out = new_folder_beside(target)
    try:
        meta = _write(sio, model, out, training_hash, training, scores)
        swap_folder_in(out, target, KEPT_DOCS)
    finally:
        if out.exists():
            shutil.rmtree(out)
    return meta


def _write(
    sio: Any,
    model: Any,
    out: Path,
    training_hash: str,
    training: dict[str, Any] | None,
    scores: dict[str, Any] | None,
) -> dict[str, Any]:
    """Write model.skops and meta.json into the (new, empty) folder ``out``."""
    _strip_introspection(model)
    model_path = out / MODEL_FILE
    # skops writes each vocabulary entry as a verbose JSON node; deflate shrinks the file ~20x.
    sio.dump(model, model_path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    meta = {
        "format": FORMAT,
        "labels": [str(c) for c in model.classes_],
        "model_file": MODEL_FILE,
        "model_sha256": _sha256(model_path),
        "training_data_sha256": training_hash,
        "training": training or {},
        "versions": library_versions(),
        "normaliser_version": NORMALISER_VERSION,
        "cv_scores": scores or {},
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return meta


def read_meta(model_dir: str | Path) -> dict[str, Any]:
    """Read and check a model folder's meta.json.

    Raises:
        ModelError: The folder or meta.json is missing, not JSON, or lacks a field.
    """
    folder = Path(model_dir)
    if not folder.is_dir():
        raise ModelError(
            str(folder), "classifier model folder not found; expected the folder written by `diplo train classifier`"
        )
    meta_path = folder / META_FILE
    if not meta_path.is_file():
        raise ModelError(str(meta_path), "missing; a classifier folder needs meta.json beside model.skops")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(str(meta_path), f"corrupt: not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise ModelError(str(meta_path), f"expected a JSON object, found {type(meta).__name__}")
    missing = [k for k in ("format", "labels", "model_sha256", "versions", "normaliser_version") if k not in meta]
    if missing:
        raise ModelError(str(meta_path), f"lacks the field(s) {', '.join(missing)}")
    if meta["format"] != FORMAT:
        raise ModelError(str(meta_path), f"expected format {FORMAT!r}, found {meta['format']!r}")
    # Each field the loader reads, with its expected type: a hand-edited meta.json is refused here
    # with the field named, not by an AttributeError deep in the loader.
    expected = {
        "labels": (list, "a list of label names"),
        "model_sha256": (str, "a SHA-256 hex string"),
        "versions": (dict, "an object of library versions such as {\"sklearn\": \"1.9.0\"}"),
        "normaliser_version": (str, "a version string"),
    }
    for key, (kind, what) in expected.items():
        if not isinstance(meta[key], kind):
            raise ModelError(str(meta_path), f"{key}: expected {what}, found {meta[key]!r}")
    if not all(isinstance(label, str) for label in meta["labels"]):
        raise ModelError(str(meta_path), f"labels: expected a list of label names, found {meta['labels']!r}")
    return meta


def load_model(model_dir: str | Path) -> tuple[Any, dict[str, Any]]:
    """Load a classifier folder after checking its integrity, versions and types.

    Args:
        model_dir: The folder written by :func:`save_model`.

    Returns:
        ``(pipeline, meta)``.

    Raises:
        ModelError: Anything is missing, corrupt, tampered with, of another version, or untrusted.
    """
    import skops.io as sio

    folder = Path(model_dir)
    meta = read_meta(folder)
    model_path = folder / MODEL_FILE
    if not model_path.is_file():
        raise ModelError(str(model_path), "missing; expected the skops file written by `diplo train classifier`")
    if meta["normaliser_version"] != NORMALISER_VERSION:
        raise ModelError(
            str(folder),
            f"trained with normaliser version {meta['normaliser_version']!r}, this code has "
            f"{NORMALISER_VERSION!r}; retrain with `diplo train classifier`",
        )
    current = library_versions()
    for lib in CHECKED_LIBRARIES:
        saved = str(meta["versions"].get(lib, "?"))
        if _major_minor(saved) != _major_minor(current[lib]):
            raise ModelError(
                str(folder),
                f"saved with {lib} {saved}, installed is {current[lib]}; retrain with `diplo train classifier`",
            )
    found = _sha256(model_path)
    if found != meta["model_sha256"]:
        raise ModelError(
            str(model_path),
            f"SHA-256 {found[:12]}… differs from the {str(meta['model_sha256'])[:12]}… recorded in meta.json: "
            "the file is corrupted or was replaced",
        )
    try:
        untrusted = sio.get_untrusted_types(file=model_path)
    except Exception as exc:  # skops raises zipfile/JSON/Key errors on a damaged file
        raise ModelError(str(model_path), f"corrupt skops file ({type(exc).__name__}: {exc})") from None
    refused = sorted(set(untrusted) - ALLOWED_TYPES)
    if refused:
        raise ModelError(
            str(model_path), f"refused: the file contains types outside the allow-list: {', '.join(refused)}"
        )
    try:
        model = sio.load(model_path, trusted=sorted(untrusted))
    except Exception as exc:
        raise ModelError(str(model_path), f"corrupt skops file ({type(exc).__name__}: {exc})") from None
    labels = [str(c) for c in getattr(model, "classes_", [])]
    if labels != list(meta["labels"]):
        raise ModelError(str(model_path), f"labels {labels} differ from meta.json's {meta['labels']}")
    return model, meta
