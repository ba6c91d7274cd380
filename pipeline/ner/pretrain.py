"""``spacy pretrain`` of the NER model's tok2vec on unlabelled Arabic text.

spaCy's pretraining (a language-modelling style objective: predict the first
and last characters of each word from its context) teaches the CNN encoder
Arabic word shapes and contexts from text that has no entity labels: the ANT
news, the UN documents and the ANERcorp training sentences (never the test
split). The weights are then loaded by ``[initialize] init_tok2vec`` before NER
training.

spaCy's pretraining loop builds the pipeline from its config without running
``initialize``, so the Arabic NORM table and the static vectors that training
installs would be missing and the encoder would be pretrained on different
inputs than it is trained on. The ``diplo.ar_pretrain_vocab.v1`` callback
(an ``[nlp] after_creation`` hook used only in the pretraining config) installs
both first.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.util import registry

from .norms import add_ar_norms

#: Pretraining settings of the shipped recipe (see models/ner-ar/MODEL_CARD.md).
DEFAULT_EPOCHS = 8
#: UTF-8 bytes predicted per word: Arabic letters take two bytes, so 8 bytes are
#: the first two and last two letters (where clitics and inflection endings are).
N_CHARACTERS = 8


@registry.callbacks("diplo.ar_pretrain_vocab.v1")
def ar_pretrain_vocab(norms: str | None = None, vectors: str | None = None) -> Callable[[Any], Any]:
    """An ``after_creation`` callback: install the norm table and the static vectors.

    Args:
        norms: JSON ``{word: norm}`` table (see :mod:`pipeline.ner.norms`), or None.
        vectors: A spaCy pipeline folder holding the vectors table, or None.
    """

    def after_creation(nlp: Any) -> Any:
        nlp = add_ar_norms(norms)(nlp)
        if vectors:
            from spacy.training.initialize import load_vectors_into_model

            load_vectors_into_model(nlp, vectors)
        return nlp

    return after_creation


def write_raw_text(sentences: Iterable[list[str]], path: Path) -> int:
    """Write tokenised sentences as a ``{"text": ...}`` JSONL file; returns the number of lines."""
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for sent in sentences:
            if len(sent) >= 5:
                fh.write(json.dumps({"text": " ".join(sent)}, ensure_ascii=False) + "\n")
                n += 1
    return n


def pretrain_tok2vec(
    config_path: Path,
    raw_text: Path,
    out_dir: Path,
    *,
    norms: Path | None,
    vectors: Path | None,
    overrides: dict[str, Any] | None = None,
    epochs: int | None = None,
    settings: dict[str, Any] | None = None,
    seed: int = 0,
) -> Path:
    """Pretrain the tok2vec of the training config; returns the weights file for ``init_tok2vec``.

    Args:
        config_path: The NER training config (its tok2vec architecture is pretrained).
        raw_text: JSONL file with a ``text`` field per line.
        out_dir: Where the pretraining checkpoints go.
        norms: The norm table used in training.
        vectors: The vectors pipeline used in training.
        overrides: The same config overrides as training (e.g. the tok2vec width).
        epochs: Passes over the raw text (default: ``[pretraining] max_epochs`` of the config,
            or DEFAULT_EPOCHS when the config has no ``[pretraining]`` block).
        settings: Dotted ``[pretraining]`` settings to change, e.g.
            ``{"objective.hidden_size": 128}``.
        seed: Random seed.
    """
    import spacy
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    config = load_config(config_path, overrides=overrides or {}, interpolate=False)
    if "pretraining" not in config or not config["pretraining"]:
        # A config without its own [pretraining] block gets spaCy's defaults, with
        # as many predicted bytes as two Arabic letters at each end of a word.
        defaults = load_config(Path(spacy.__file__).parent / "default_config_pretraining.cfg")
        config = defaults.merge(config)
        config["pretraining"]["objective"]["n_characters"] = N_CHARACTERS
        config["pretraining"]["max_epochs"] = DEFAULT_EPOCHS
    if epochs is not None:
        config["pretraining"]["max_epochs"] = epochs
    for dotted, value in (settings or {}).items():
        *parents, leaf = dotted.split(".")
        section = config["pretraining"]
        for name in parents:
            section = section[name]
        section[leaf] = value
    config["paths"]["raw_text"] = str(raw_text)
    config["system"]["seed"] = seed
    config["training"]["seed"] = seed
    config["nlp"]["after_creation"] = {
        "@callbacks": "diplo.ar_pretrain_vocab.v1",
        "norms": str(norms) if norms else None,
        "vectors": str(vectors) if vectors else None,
    }
    # The norms are installed by after_creation; the training-time hook must not run here.
    config["initialize"]["before_init"] = None
    out_dir.mkdir(parents=True, exist_ok=True)
    pretrain(config, out_dir, use_gpu=-1, silent=False)
    return out_dir / "model-last.bin"
