"""The classify stage: a label, class probabilities and the cues behind them for every body passage.

For each paragraph and list item of the body the stage sets

* ``label_probs``: the calibrated probability of each of the five classes of
  the scheme and of ``other`` (they sum to 1), the passage's own probabilities
  pooled with those of its sentences (:func:`pipeline.classify.model.passage_proba`);
* ``label``: the most probable class; ``other`` when ``other`` is the most
  probable, or when no class of the scheme reaches ``min_confidence``
  (``[stages.classify] min_confidence``; 0, i.e. off, by default) — passages
  outside the scheme (the study's problem, aims, method; lead-ins such as
  «يوصى بالآتي:») are never forced into a class;
* ``label_cues``: why — the terms present in the passage that pushed the
  chosen class most (word features, cue phrases of the class, the section
  heading when it names the class), strongest first.

The model is loaded once, in :meth:`ClassifyStage.from_settings`.
:meth:`ClassifyStage.predict` has no side effects; ``__call__`` writes the
results into the article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..config import PipelineConfig, resolve_model_path
from ..document import PASSAGE_LABELS, Article
from ..errors import ConfigError, ModelError
from .features import find_cues, make_rows, surface_of
from .model import passage_proba
from .persist import load_model
from .weak import heading_weak_label

DEFAULT_MODEL = "models/classifier"
#: Function words (normalised, clitic-split) never shown as reasons: they carry weight in the
#: model but explain nothing to a reader.
FUNCTION_WORDS = frozenset(
    "في من الي علي عن مع ما لا ان او ثم قد كما اذ اذا هذا هذه ذلك تلك التي الذي هو هي هم كان لم لن بين عند حتي".split()
)
_BLOCK_ORDER = ("char", "word", "heading", "cue", "cue_prior", "prior")


@dataclass
class Prediction:
    """The classification of one passage."""

    label: str
    probs: dict[str, float]
    cues: list[str]


def _block_widths(model: Any) -> list[tuple[str, int, Any]]:
    """(name, width, transformer) of each feature block, in column order."""
    out = []
    for name, transformer in model.named_steps["features"].transformer_list:
        if name in ("char", "word", "heading"):
            width = len(transformer.named_steps["tfidf"].vocabulary_)
        elif name == "cue":
            width = transformer.n_features_out_
        else:
            clf = model.named_steps["clf"]
            kind_split = name == "prior" and getattr(clf, "kind_prior", False)
            width = len(clf.prior_classes) * (2 if kind_split else 1)
        out.append((name, width, transformer))
    return out


class ClassifyStage:
    """Labels body passages with concept / goal / tool / risk / example, or other.

    Args:
        model: The fitted pipeline (see :mod:`pipeline.classify.model`).
        meta: Its meta.json content.
        min_confidence: Below this probability for every class of the scheme, a passage is ``other``.
        n_cues: How many cue terms to keep per passage.
    """

    name = "classify"
    requires = ("structure",)
    provides = ("labels",)

    def __init__(
        self, model: Any, meta: dict[str, Any] | None = None, *, min_confidence: float = 0.0, n_cues: int = 6
    ) -> None:
        self.model = model
        self.meta = meta or {}
        self.min_confidence = min_confidence
        self.n_cues = n_cues
        self.classes = [str(c) for c in model.classes_]
        self._names = self._feature_names()

    @classmethod
    def from_settings(cls, settings: dict[str, Any], config: PipelineConfig) -> ClassifyStage:
        """Build the stage from ``[stages.classify]``; the model is loaded here, once.

        Settings: ``model`` (folder, default ``models/classifier``), ``min_confidence`` (0–1),
        ``n_cues`` (cue terms per passage).

        Raises:
            ConfigError: A setting has the wrong type or range.
            ModelError: The model folder is missing, corrupt, tampered with or of another version, or its
                labels are not within the scheme.
        """
        min_confidence = settings.get("min_confidence", 0.0)
        if not isinstance(min_confidence, (int, float)) or not 0.0 <= float(min_confidence) <= 1.0:
            raise ConfigError(
                f"[stages.classify] min_confidence: expected a number between 0 and 1, found {min_confidence!r}"
            )
        n_cues = settings.get("n_cues", 6)
        if not isinstance(n_cues, int) or n_cues < 0:
            raise ConfigError(f"[stages.classify] n_cues: expected a non-negative integer, found {n_cues!r}")
        path = settings.get("model", DEFAULT_MODEL)
        if not isinstance(path, (str, Path)):
            raise ConfigError(f"[stages.classify] model: expected a folder path, found {path!r}")
        folder = config.resolve(path)
        model, meta = load_model(folder)
        _check_labels(folder, meta)
        return cls(model, meta, min_confidence=float(min_confidence), n_cues=n_cues)

    @classmethod
    def from_path(
        cls, path: str | Path = DEFAULT_MODEL, *, min_confidence: float = 0.0, n_cues: int = 6
    ) -> ClassifyStage:
        """Load the classifier from its folder, for use outside a pipeline.

        A relative ``path`` is taken from the current folder when it exists there, else from
        the project root (so the default finds the shipped model from anywhere).

        Raises:
            ModelError: The model folder is missing, corrupt, tampered with or of another version, or its
                labels are not within the scheme.
        """
        folder = resolve_model_path(path)
        model, meta = load_model(folder)
        _check_labels(folder, meta)
        return cls(model, meta, min_confidence=min_confidence, n_cues=n_cues)

    def classify(self, text: str, heading: str | None = None, kind: str = "paragraph") -> Prediction:
        """Classify one passage: its label, the probability of each class and the cues behind it.

        Args:
            text: The passage (repaired Arabic text gives the best results).
            heading: The heading of its section, if any (a weak signal the model uses).
            kind: ``paragraph`` or ``list_item``.

        Raises:
            TypeError: ``text`` is not a string.
        """
        if not isinstance(text, str):
            raise TypeError(f"classify() takes one passage text (str), found {type(text).__name__}")
        return self.predict([text], [heading or ""], [kind])[0]

    def _feature_names(self) -> list[tuple[str, str]]:
        """(block, readable name) of every column the logistic regression sees."""
        names: list[tuple[str, str]] = []
        for block, _, transformer in _block_widths(self.model):
            if block in ("cue_prior", "prior"):
                continue
            if block in ("char", "word", "heading"):
                vocab = transformer.named_steps["tfidf"].get_feature_names_out()
                names += [(block, str(v)) for v in vocab]
            else:
                names += [(block, str(v)) for v in transformer.get_feature_names_out()]
        return names

    # -- prediction ----------------------------------------------------------------

    def predict(self, texts: Sequence[str], headings: Sequence[str | None], kinds: Sequence[str]) -> list[Prediction]:
        """Classify passages (no side effects).

        Args:
            texts: Passage texts (repaired text preferred).
            headings: Their section headings.
            kinds: Their kinds.

        Returns:
            One :class:`Prediction` per passage.

        Raises:
            TypeError: A single string instead of a sequence of texts (use :meth:`classify`).
            ValueError: The three sequences differ in length.
        """
        if isinstance(texts, str) or isinstance(kinds, str):
            raise TypeError("predict() takes sequences of texts, headings and kinds; use classify() for one passage")
        if not texts:
            return []
        rows = make_rows(texts, headings, kinds)
        X = self.model.named_steps["features"].transform(rows)
        proba = passage_proba(self.model, rows, X)
        clf = self.model.named_steps["clf"]
        scheme = [j for j, c in enumerate(self.classes) if c != "other"]
        labels = []
        for row in proba:
            label = self.classes[int(np.argmax(row))]
            if label != "other" and max(row[j] for j in scheme) < self.min_confidence:
                label = "other"
            labels.append(label)
        # What raised each label's score, for all passages at once (per passage, the row lookups
        # and the matrix splits cost more than the prediction).
        explained = {
            label: clf.explain(X[: len(texts)], label)
            for label in set(labels)
            if self.n_cues and label in list(clf.lr_.classes_)
        }
        out = []
        for i, (row, label) in enumerate(zip(proba, labels, strict=True)):
            probs = {c: round(float(p), 4) for c, p in zip(self.classes, row, strict=True)}
            cues = self._cues(explained[label], i, label, texts[i], headings[i]) if label in explained else []
            out.append(Prediction(label, probs, cues))
        return out

    def _cues(self, explained: Any, i: int, label: str, text: str, heading: str | None) -> list[str]:
        """The terms present in passage ``i`` that raised ``label``'s score most (``explained``:
        the model's :meth:`~pipeline.classify.model.PriorLogit.explain` of ``label``)."""
        contributions, heading_push, cue_push = explained
        start, end = contributions.indptr[i], contributions.indptr[i + 1]
        scored: dict[str, float] = {}
        origin: dict[str, tuple[str, str]] = {}  # key -> (block, normalised term), to show it as written
        features = contributions.indices[start:end].tolist()
        for j, value in zip(features, contributions.data[start:end].tolist(), strict=True):
            if value <= 0:
                continue
            block, name = self._names[j]
            if block == "char" or name == "length":
                continue  # character n-grams and length are not readable as reasons
            words = (name[2:] if block == "heading" else name).split()
            if block in ("word", "heading") and all(w in FUNCTION_WORDS for w in words):
                continue
            key = f"heading word {name[2:]}" if block == "heading" else name
            origin[key] = (block, name[2:] if block == "heading" else name)
            scored[key] = scored.get(key, 0.0) + value
        push = float(heading_push[i])
        if heading_weak_label(heading) == label and push > 0:
            scored[f"heading names {label}"] = push
        push = float(cue_push[i])
        if push > 0:
            scored[f"unusually many cue words of {label}"] = push
        ranked = [k for k, _ in sorted(scored.items(), key=lambda kv: -kv[1])]
        # Shown in the author's spelling (الدراسة, not the normalised دراسه) when found; looked up
        # only for the cues kept (a passage has hundreds of positive features).
        phrases = list(dict.fromkeys(f"«{surface_of(p, text) or p}»" for p in find_cues(text).get(label, [])))
        out = phrases[:2]
        for key in ranked:
            if len(out) >= self.n_cues:
                break
            block, term = origin.get(key, ("", ""))
            if block == "heading":
                shown = f"heading word {surface_of(term, heading or '') or term}"
            elif block == "word":
                shown = surface_of(term, text) or term
            else:
                shown = key
            if shown not in out and f"«{shown}»" not in out:
                out.append(shown)
        return out[: self.n_cues]

    def __call__(self, article: Article) -> Article:
        """Set ``label``, ``label_probs`` and ``label_cues`` on every Arabic body passage.

        The model is trained on Arabic text: a passage in another language (an English footer or
        quotation the reader kept as a paragraph) is left unlabelled rather than scored as noise.
        """
        passages = [p for p in article.body_passages() if p.lang == "ar"]
        headings = []
        for p in passages:
            section = article.section_of(p)
            headings.append(section.heading if section else "")
        predictions = self.predict([p.best_text for p in passages], headings, [p.kind for p in passages])
        for passage, pred in zip(passages, predictions, strict=True):
            passage.label = pred.label
            passage.label_probs = pred.probs
            passage.label_cues = pred.cues
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Classify a stream of articles, in order."""
        for article in articles:
            yield self(article)


#: The labels a classifier may predict: the five passage labels of the scheme and ``other``.
SCHEME_LABELS = (*PASSAGE_LABELS, "other")


def _check_labels(folder: Path, meta: dict[str, Any]) -> None:
    """Refuse a model whose labels (meta.json, equal to the model's classes) fall outside the scheme.

    Raises:
        ModelError: A label is not one of :data:`SCHEME_LABELS`.
    """
    unknown = [str(label) for label in meta.get("labels", []) if label not in SCHEME_LABELS]
    if unknown:
        raise ModelError(
            str(folder),
            f"labels {', '.join(map(repr, unknown))} are not in the scheme ({', '.join(SCHEME_LABELS)}); "
            "retrain on a validated corpus with `diplo train classifier`",
        )
