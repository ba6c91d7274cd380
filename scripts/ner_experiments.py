"""Run one NER training experiment on prepared data and score it on ANERcorp dev and test.

The data (DocBins, norm table, static vectors) come from a work folder written by
``diplo train ner --no-aqmar --vectors {ppmi,floret} --work-dir DIR --max-steps 1 -o DIR/model``
(only its data preparation matters) so that every experiment trains on
the same ANERcorp train split (no AQMAR: the published-split comparison) and is
selected on the same dev split (the last 10 % of the train file). The test split
is only scored, never used for a choice.

Usage:
    python scripts/ner_experiments.py NAME --work /tmp/nerexp/r1 \
        [--config configs/ner_ar.cfg] [--set training.max_steps=3000 ...] \
        [--char] [--augment] [--pretrain-epochs 5 --pretrain-set objective.hidden_size=128 ...] \
        [--results /tmp/nerexp/results.jsonl]

Variants (written into ``NAME/config.cfg`` beside the run): ``--char`` embeds
words with spaCy's CharacterEmbed (NORM + the first and last 3 letters) instead
of MultiHashEmbed; ``--augment`` adds the mention-replacement augmenter
(:mod:`pipeline.ner.augment`); ``--features`` trains from ``configs/ner_ar_features.cfg`` (the
``diplo_word_features`` component, :mod:`pipeline.ner.features`); ``--pretrain-epochs`` runs ``spacy pretrain``
first and adds the ``[pretraining]`` block without which spaCy silently
ignores ``init_tok2vec``.

The runs of models/ner-ar/MODEL_CARD.md (ablation table), with
``S="--set training.max_steps=3000 --set training.patience=750 --set training.eval_frequency=250"``:
baseline ``r1`` = the ``diplo train ner --no-aqmar --max-steps 6000`` run itself;
``pre5t``: ``--work PPMI --pretrain-epochs 5 --pretrain-set objective.hidden_size=128
--pretrain-set objective.n_characters=4 $S``; ``char``: ``--work PPMI --char $S``;
``floret``: ``--work FLORET $S``; ``aug``: ``--work PPMI --augment $S``;
``floret_aug``: ``--work FLORET --augment $S``; session 26: ``--work PPMI --features $S --set
system.seed=N --set training.seed=N`` (N = 0, 1, 2).

Each run appends one JSON line (name, settings, dev and test P/R/F1 over
PER/LOC/ORG, seconds) to the results file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.ner.train import EVAL_LABELS, default_data_dir, evaluate_on_sentences, load_corpora  # noqa: E402


def _value(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def derive_config(base: Path, target: Path, *, char: bool, augment: bool, pretraining: bool) -> Path:
    """Write the training config of one variant (see the module docstring) and return its path."""
    import spacy
    from spacy.util import load_config

    config = load_config(base, interpolate=False)
    if char:
        config["components"]["tok2vec"]["model"]["embed"] = {
            "@architectures": "spacy.CharacterEmbed.v2",
            "width": "${components.tok2vec.model.encode.width}",
            "rows": 20000,
            "nM": 16,
            "nC": 12,  # UTF-8 bytes: the first and last 3 Arabic letters
            "include_static_vectors": True,
            "feature": "NORM",
        }
    if augment:
        config["corpora"]["train"]["augmenter"] = {
            "@augmenters": "diplo.mention_swap.v1",
            "level": 0.5,
            "swap_prob": 0.8,
        }
    if pretraining and not config.get("pretraining"):
        defaults = load_config(Path(spacy.__file__).parent / "default_config_pretraining.cfg", interpolate=False)
        config = defaults.merge(config)
    config.to_disk(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("name")
    parser.add_argument(
        "--work", type=Path, required=True, help="Folder with train.spacy, dev.spacy, norms.json, vectors/"
    )
    parser.add_argument("--config", type=Path, default=REPO / "configs" / "ner_ar.cfg")
    parser.add_argument("--set", action="append", default=[], help="Config override key=value (JSON value).")
    parser.add_argument("--char", action="store_true", help="CharacterEmbed instead of MultiHashEmbed.")
    parser.add_argument("--augment", action="store_true", help="Mention-replacement augmentation.")
    parser.add_argument(
        "--features",
        action="store_true",
        help="Embed wordfreq and gazetteer word features: short for --config configs/ner_ar_features.cfg.",
    )
    parser.add_argument("--pretrain-epochs", type=int, default=0, help="spacy pretrain epochs first (0: none).")
    parser.add_argument("--pretrain-set", action="append", default=[], help="[pretraining] setting key=value.")
    parser.add_argument("--results", type=Path, default=Path("/tmp/nerexp/results.jsonl"))
    args = parser.parse_args(argv)

    import spacy
    from spacy.cli.train import train as spacy_train

    from pipeline.ner import augment, features, norms  # noqa: F401  (register diplo.ar_norms.v1, diplo.mention_swap.v1, diplo_word_features)

    t0 = time.time()
    if args.features:
        args.config = REPO / "configs" / "ner_ar_features.cfg"
    work = args.work
    out = work.parent / args.name
    out.mkdir(parents=True, exist_ok=True)
    args.config = derive_config(
        args.config,
        out / "config.cfg",
        char=args.char,
        augment=args.augment,
        pretraining=bool(args.pretrain_epochs),
    )
    overrides = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        "paths.norms": str(work / "norms.json"),
        "paths.vectors": str(work / "vectors" / "vectors-model"),
    }
    for item in args.set:
        k, _, v = item.partition("=")
        overrides[k] = _value(v)
    if args.pretrain_epochs:
        from pipeline.ner.pretrain import pretrain_tok2vec, write_raw_text
        from pipeline.ner.train import unlabelled_sentences

        data = load_corpora(default_data_dir(), use_aqmar=False)
        raw = out / "raw_text.jsonl"
        out.mkdir(parents=True, exist_ok=True)
        write_raw_text(unlabelled_sentences(default_data_dir()) + [s.tokens for s in data["train"]], raw)
        pre_over = {k: v for k, v in overrides.items() if not k.startswith("paths.")}
        weights = pretrain_tok2vec(
            args.config,
            raw,
            out / "pretrain",
            norms=work / "norms.json",
            vectors=work / "vectors" / "vectors-model",
            overrides=pre_over,
            epochs=args.pretrain_epochs,
            settings={k: _value(v) for k, _, v in (item.partition("=") for item in args.pretrain_set)},
        )
        overrides["paths.init_tok2vec"] = str(weights)
    t_pre = time.time() - t0
    spacy_train(args.config, out / "train", use_gpu=-1, overrides=overrides)
    nlp = spacy.load(out / "train" / "model-best")
    data = load_corpora(default_data_dir(), use_aqmar=False)
    row = {
        "name": args.name,
        "config": str(args.config),
        "set": args.set,
        "char": args.char,
        "augment": args.augment,
        "features": args.features,
        "pretrain_epochs": args.pretrain_epochs,
        "pretrain_set": args.pretrain_set,
        "dev": evaluate_on_sentences(nlp, data["dev"], EVAL_LABELS)["micro"],
        "test": evaluate_on_sentences(nlp, data["test"], EVAL_LABELS),
        "seconds": round(time.time() - t0),
        "pretrain_seconds": round(t_pre),
    }
    with args.results.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")
    print(json.dumps({k: row[k] for k in ("name", "dev", "seconds")}), "test:", row["test"]["micro"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
