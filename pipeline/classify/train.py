"""Training data from the gold corpus, and training of the classifier.

A training row is a gold body passage (its gold clean text, its section
heading, its kind) with its main label. Two honest extensions add signal:

* a passage with a secondary label (``label2``) adds a second row with that
  label and a lower weight (:data:`LABEL2_WEIGHT`);
* sentence rows: each sentence of a multi-sentence passage is added with the
  passage's label and a low weight (:data:`SENTENCE_WEIGHT`), so cue words of
  a single sentence count without the rest of the paragraph.

Rows carry their group (article and section), so cross-validation never puts
two rows of one section on different sides.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..corpus import Corpus, GoldPassage
from ..errors import ConfigError
from .features import make_rows, split_sentences

LABEL2_WEIGHT = 0.5
SENTENCE_WEIGHT = 0.3
SILVER_WEIGHT = 0.3
#: Where the shared third-party data sits: beside the repository (CI copies it there).
SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@dataclass
class Examples:
    """Training or evaluation rows.

    Attributes:
        rows: Model input (see :func:`pipeline.classify.features.make_rows`).
        labels: Class of each row.
        groups: ``article/section`` of each row.
        weights: Sample weight of each row.
        passage_ids: Gold passage id of each row.
        is_main: True for the row of a passage's main label (the rows that are evaluated).
    """

    rows: np.ndarray
    labels: np.ndarray
    groups: np.ndarray
    weights: np.ndarray
    passage_ids: list[str] = field(default_factory=list)
    is_main: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def subset(self, mask: np.ndarray) -> Examples:
        """The rows where ``mask`` is true."""
        idx = np.flatnonzero(mask)
        return Examples(
            self.rows[idx],
            self.labels[idx],
            self.groups[idx],
            self.weights[idx],
            [self.passage_ids[i] for i in idx],
            self.is_main[idx],
        )

    def __len__(self) -> int:
        return len(self.labels)


def body_passages(corpus: Corpus) -> list[GoldPassage]:
    """The labelled gold body passages, in corpus order."""
    return [p for p in corpus.passages if p.is_body and p.label]


def group_of(passage: GoldPassage) -> str:
    """The cross-validation group of a passage: its article and section."""
    return f"{passage.article}/{passage.section or '-'}"


def gold_examples(corpus: Corpus, *, use_label2: bool = True, sentences: bool = True) -> Examples:
    """Rows of the gold body passages (main label first), plus secondary-label and sentence rows.

    Args:
        corpus: The gold corpus.
        use_label2: Add a lower-weight row for each secondary label.
        sentences: Add lower-weight sentence rows for multi-sentence passages.
    """
    texts, headings, kinds, labels, groups, weights, ids, main = [], [], [], [], [], [], [], []

    def add(p: GoldPassage, text: str, label: str, weight: float, is_main: bool) -> None:
        texts.append(text)
        headings.append(p.section or "")
        kinds.append(p.kind)
        labels.append(label)
        groups.append(group_of(p))
        weights.append(weight)
        ids.append(p.id)
        main.append(is_main)

    for p in body_passages(corpus):
        add(p, p.text, p.label, 1.0, True)
        if use_label2 and p.label2:
            add(p, p.text, p.label2, LABEL2_WEIGHT, False)
        if sentences:
            parts = split_sentences(p.text)
            if len(parts) > 1:
                for s in parts:
                    add(p, s, p.label, SENTENCE_WEIGHT, False)
    return Examples(
        make_rows(texts, headings, kinds),
        np.array(labels, dtype=object),
        np.array(groups, dtype=object),
        np.array(weights, dtype=float),
        ids,
        np.array(main, dtype=bool),
    )


def with_silver(examples: Examples, silver: list[Any], weight: float = SILVER_WEIGHT) -> Examples:
    """The rows plus silver sentences (no heading, group ``silver/<doc>``, never evaluated).

    Args:
        examples: Gold rows.
        silver: :class:`pipeline.classify.weak.SilverSentence` items.
        weight: Sample weight of a silver row.
    """
    if not silver:
        return examples
    rows = make_rows([s.text for s in silver], [""] * len(silver), ["paragraph"] * len(silver))
    return Examples(
        np.concatenate([examples.rows, rows]),
        np.concatenate([examples.labels, np.array([s.label for s in silver], dtype=object)]),
        np.concatenate([examples.groups, np.array([f"silver/{s.doc_id}" for s in silver], dtype=object)]),
        np.concatenate([examples.weights, np.full(len(silver), weight)]),
        examples.passage_ids + [f"silver:{s.doc_id}" for s in silver],
        np.concatenate([examples.is_main, np.zeros(len(silver), dtype=bool)]),
    )


def load_silver(settings: dict[str, Any], data_dir: str | Path | None = None) -> list[Any]:
    """Silver sentences as the settings ask (``silver_per_class``, default 60); empty when the data is absent."""
    from .weak import silver_sentences

    folder = Path(data_dir) if data_dir is not None else SHARED_DATA
    if not (folder / "arabic-text").is_dir():
        return []
    return silver_sentences(folder, per_class=int(settings.get("silver_per_class", 60)))


def training_hash(examples: Examples) -> str:
    """SHA-256 of the training rows, labels, groups and weights (recorded in meta.json)."""
    digest = hashlib.sha256()
    for row, label, group, weight in zip(
        examples.rows, examples.labels, examples.groups, examples.weights, strict=True
    ):
        record = [str(row[0]), str(row[1]), str(row[2]), str(label), str(group), f"{weight:.4f}"]
        digest.update(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def fit_model(examples: Examples, params: dict[str, Any] | None = None) -> Any:
    """Fit a classifier pipeline on the given rows (groups drive its inner calibration folds)."""
    from .model import build_model

    model = build_model(params)
    model.fit(
        examples.rows,
        examples.labels,
        clf__groups=examples.groups,
        clf__sample_weight=examples.weights,
        clf__main=examples.is_main,
    )
    return model


def train_classifier(
    corpus: Corpus,
    out_dir: str | Path,
    params: dict[str, Any] | None = None,
    *,
    use_label2: bool = True,
    sentences: bool = True,
    silver: bool = False,
    silver_per_class: int = 60,
    cross_validate: bool = True,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Train on every gold body passage and save the model with its meta.json.

    Args:
        corpus: The gold corpus.
        out_dir: The model folder to write (``models/classifier``).
        params: Hyper-parameter overrides (see :data:`pipeline.classify.model.DEFAULTS`).
        use_label2: Train on secondary labels too.
        sentences: Train on sentence rows too.
        silver: Train on silver sentences from the shared Arabic text too.
        silver_per_class: Silver sentences per class.
        cross_validate: Run the grouped cross-validation first and store its scores in meta.json.
        progress: Called with a line after each cross-validation fold.

    Returns:
        The meta.json content.
    """
    from .evaluation import cross_validate_examples
    from .persist import save_model

    experimental = [
        name
        for name, on in (
            ("blocks containing 'embed'", "embed" in (params or {}).get("blocks", [])),
            ("centroid_prior = true", bool((params or {}).get("centroid_prior", False))),
        )
        if on
    ]
    if experimental:
        # Cross-validation options only (V9, V10 in models/classifier/VARIANTS.md): the stage and the
        # model loader do not handle the sentence-vector blocks, so a saved model would not load.
        raise ConfigError(
            f"[stages.classify.train]: {', '.join(experimental)} is for cross-validation only "
            "(scripts/eval_classifier.py --set ...); a classifier saved with it is not supported"
        )
    examples = gold_examples(corpus, use_label2=use_label2, sentences=sentences)
    silver_rows = load_silver({"silver_per_class": silver_per_class}) if silver else []
    scores: dict[str, Any] = {}
    if cross_validate:
        scores = cross_validate_examples(
            examples, params, silver=silver_rows, silver_ablation=False, progress=progress
        )
    examples = with_silver(examples, silver_rows)
    model = fit_model(examples, params)
    training = {
        "passages": int(examples.is_main.sum()),
        "rows": len(examples),
        "articles": corpus.article_ids(),
        "use_label2": use_label2,
        "sentences": sentences,
        "silver_rows": len(silver_rows),
        "params": params or {},
    }
    return save_model(model, out_dir, training_hash=training_hash(examples), training=training, scores=scores)
