"""``diplo train ner``: rebuild the Arabic NER pipeline in ``models/ner-ar`` from its data.

Steps (all deterministic for a given seed):

1. read and validate ANERcorp (CAMeL Lab split) and AQMAR, report malformed
   lines, map types (see :mod:`pipeline.ner.convert`) and write DocBins: train =
   ANERcorp train minus its last 10 % (the dev set, as CAMeL Lab ships no dev
   split) plus, optionally, all of AQMAR; test = ANERcorp test, never trained on;
2. optionally learn static word vectors from unlabelled Arabic text
   (:mod:`pipeline.ner.vectors`);
3. when the config has a ``[pretraining]`` block, pretrain the tok2vec on the
   unlabelled text plus the training sentences (``spacy pretrain``,
   :mod:`pipeline.ner.pretrain`) and start training from those weights;
4. train with spaCy's own training loop (``spacy.cli.train.train``) on
   ``configs/ner_ar.cfg`` with a fixed seed;
5. assemble the shipped pipeline: the best checkpoint, a tokenizer that also
   splits a full stop after a digit, a closing quote or bracket, the list of name-initial words used for
   clitic stripping, and ``meta.json`` with data, licences, versions, scores and
   the SHA-256 of every file of the folder (``diplo_sha256``, checked at load).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import PROJECT_ROOT
from ..errors import ConfigError, InputError
from ..textio import check_model_output, new_folder_beside, remove_stale_folders_beside, swap_folder_in
from .convert import ConversionReport, TaggedSentence, read_aqmar, read_conll, to_docbin
from .gazetteer import key
from .rules import PROCLITICS
from .stage import COUNTS_FILE, LEXICON_FILE, trained_model_meta, write_checksums

MODEL_VERSION = "1.2.0"
DEFAULT_OUTPUT = PROJECT_ROOT / "models" / "ner-ar"
DEFAULT_CONFIG = PROJECT_ROOT / "configs" / "ner_ar.cfg"
EVAL_LABELS = ("PER", "LOC", "ORG")

CORPORA = {
    "anercorp": {
        "name": "ANERcorp, CAMeL Lab train/test split",
        "licence": "CC BY-SA 4.0",
        "citation": "Benajiba, Rosso & Benedí Ruiz, CICLing 2007; Obeid et al., LREC 2020 (CAMeL Tools)",
        "files": ["ner/anercorp-camellab/ANERCorp_CamelLab_train.txt"],
    },
    "aqmar": {
        "name": "AQMAR Arabic Wikipedia NER corpus v1.0",
        "licence": "CC BY-SA 3.0",
        "citation": "Mohit, Schneider, Bhowmick, Oflazer & Smith, EACL 2012",
        "files": ["ner/aqmar/articles"],
    },
    "arabic-text": {
        "name": (
            "Unlabelled Arabic text (static vectors, word counts, norms): ANT corpus v1.1 "
            "(politics, international) and UN Parallel Corpus v1.0 test sets"
        ),
        "licence": "Apache-2.0 (ANT corpus); UN Parallel Corpus terms (acknowledge the UN, cite Ziemski et al. 2016)",
        "citation": "Chouigui et al. (ANT corpus); Ziemski, Junczys-Dowmunt & Pouliquen, LREC 2016",
        "files": [
            "arabic-text/ant-corpus-v1.1-politics-intl/docs.jsonl",
            "arabic-text/un-parallel-corpus-v1.0-testsets/docs.jsonl",
        ],
    },
}


def default_data_dir() -> Path:
    """``<repo>/../shared/data``, where the third-party data sets live beside a clone."""
    return (PROJECT_ROOT / ".." / "shared" / "data").resolve()


@dataclass
class TrainResult:
    """What a training run produced."""

    output: Path
    scores: dict[str, Any]
    reports: dict[str, ConversionReport] = field(default_factory=dict)
    seconds: float = 0.0


# -- scoring ----------------------------------------------------------------------


def span_prf(
    gold: Iterable[tuple[Any, int, int, str]], pred: Iterable[tuple[Any, int, int, str]], labels: Iterable[str]
) -> dict[str, Any]:
    """Exact-match precision/recall/F1 per label and micro-averaged over ``labels``.

    Args:
        gold: ``(unit, start, end, label)`` of the gold entities.
        pred: The same for the predicted entities.
        labels: Labels to score (others are ignored on both sides).

    Returns:
        ``{"micro": {"p", "r", "f", "tp", "gold", "pred"}, "per_type": {label: {...}}}``.
    """
    labels = tuple(labels)
    g = {x for x in gold if x[3] in labels}
    p = {x for x in pred if x[3] in labels}

    def prf(gs: set, ps: set) -> dict[str, float | int]:
        tp = len(gs & ps)
        prec = tp / len(ps) if ps else 0.0
        rec = tp / len(gs) if gs else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"p": round(prec, 4), "r": round(rec, 4), "f": round(f, 4), "tp": tp, "gold": len(gs), "pred": len(ps)}

    per_type = {lab: prf({x for x in g if x[3] == lab}, {x for x in p if x[3] == lab}) for lab in labels}
    return {"micro": prf(g, p), "per_type": per_type}


def evaluate_on_sentences(
    nlp: Any, sentences: list[TaggedSentence], labels: Iterable[str] = EVAL_LABELS
) -> dict[str, Any]:
    """Score a pipeline on pre-tokenised gold sentences (token-span exact match, conlleval chunks)."""
    from spacy.tokens import Doc

    from .convert import _spans

    gold, pred = [], []
    docs = [Doc(nlp.vocab, words=s.tokens, spaces=[True] * len(s.tokens)) for s in sentences]
    for i, (sent, doc) in enumerate(zip(sentences, nlp.pipe(docs, batch_size=256), strict=True)):
        gold += [(i, a, b, lab) for (a, b), lab in _spans(sent.tags)]
        pred += [(i, e.start, e.end, e.label_) for e in doc.ents]
    return span_prf(gold, pred, labels)


# -- data ---------------------------------------------------------------------------


def _sha256_of(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for f in files:
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def load_corpora(data_dir: Path, *, use_aqmar: bool, dev_fraction: float = 0.1) -> dict[str, Any]:
    """Read, validate and split the corpora.

    Returns:
        ``{"train", "dev", "test"}`` sentence lists and ``reports`` per corpus.

    Raises:
        InputError: A corpus file is missing.
    """
    ner = data_dir / "ner"
    train_all, rep_train = read_conll(ner / "anercorp-camellab" / "ANERCorp_CamelLab_train.txt")
    test, rep_test = read_conll(ner / "anercorp-camellab" / "ANERCorp_CamelLab_test.txt")
    cut = int(len(train_all) * (1 - dev_fraction))
    train, dev = train_all[:cut], train_all[cut:]
    reports = {"anercorp_train": rep_train, "anercorp_test": rep_test}
    if use_aqmar:
        aqmar, rep_aq = read_aqmar(ner / "aqmar" / "articles")
        train = train + aqmar
        reports["aqmar"] = rep_aq
    return {"train": train, "dev": dev, "test": test, "reports": reports}


def name_words(sentences: Iterable[TaggedSentence], labels: Iterable[str] = EVAL_LABELS) -> list[str]:
    """Keys of words that begin a PER/LOC/ORG name in the training data, without clitic-prefixed forms.

    A form such as وألمانيا is left out when ألمانيا is itself on the list, so
    the stage can tell that its و is a clitic.
    """
    from .convert import _spans

    wanted = set(labels)
    words = Counter()
    for sent in sentences:
        for (a, _), lab in _spans(sent.tags):
            if lab in wanted:
                words[key(sent.tokens[a])] += 1
    out = set()
    for w in words:
        if any(w.startswith(p) and w[len(p) :] in words for p in PROCLITICS):
            continue
        if len(w) >= 2:
            out.add(w)
    return sorted(out)


def unlabelled_sentences(data_dir: Path, limit: int | None = None) -> list[list[str]]:
    """The unlabelled Arabic text (ANT news, UN documents), one token list per line.

    Raises:
        InputError: A file is missing.
    """
    import spacy

    from .vectors import iter_jsonl_texts

    nlp = spacy.blank("ar")
    sents: list[list[str]] = []
    for rel in CORPORA["arabic-text"]["files"]:
        path = data_dir / rel
        if not path.is_file():
            raise InputError(str(path), "unlabelled Arabic text not found")
        for text in iter_jsonl_texts(path):
            for line in text.split("\n"):
                if line.strip():
                    sents.append([t.text for t in nlp.tokenizer(line) if not t.is_space])
            if limit is not None and len(sents) >= limit:
                break
    return sents


def word_counts(sentences: Iterable[list[str]], min_count: int = 2) -> dict[str, int]:
    """Counts of word keys (:func:`pipeline.ner.gazetteer.key`) seen at least ``min_count`` times."""
    counts = Counter(key(w) for s in sentences for w in s if any("\u0621" <= ch <= "\u064a" for ch in w))
    return {w: c for w, c in sorted(counts.items()) if c >= min_count}


#: Static vectors of the shipped recipe: "ppmi" (one vector per word seen twice) or "floret"
#: (subword-aware, every word gets a vector; +2 dev F1 on ANERcorp but a lower seed F1, so not
#: shipped); see models/ner-ar/MODEL_CARD.md for the comparison.
VECTORS_KIND = "ppmi"
VECTORS_KINDS = ("floret", "ppmi", "use", "ppmi+use")

#: Words of wordfreq's list added to the vocabulary of the encoder vectors ("use", "ppmi+use").
ENCODER_VOCAB_TOP = 100_000


def build_vectors(
    sents: list[list[str]],
    out_dir: Path,
    *,
    kind: str = VECTORS_KIND,
    dim: int | None = None,
    seed: int = 0,
    encoder_vocab_top: int = ENCODER_VOCAB_TOP,
) -> Path:
    """Learn static vectors from tokenised sentences (unlabelled text plus training sentences).

    Args:
        sents: Tokenised sentences.
        out_dir: Work folder.
        kind: ``"floret"`` (100 d, 50,000 hashed rows of words and character 3- to 5-grams),
            ``"ppmi"`` (64 d PPMI + SVD, one row per word seen twice, at most 50,000 words),
            ``"use"`` (64 d: each word of the text and of wordfreq's 100,000 most frequent Arabic
            words encoded alone by multilingual USE, PCA; see
            :func:`pipeline.ner.vectors.train_encoder_vectors`) or ``"ppmi+use"`` (128 d: both, a
            zero PPMI half for a word without a PPMI vector).
        dim: Vector width (default 100 for floret, 64 for ppmi and use; the USE half of ppmi+use).
        seed: Random state of the SVD (floret is deterministic on its single thread).
        encoder_vocab_top: Most frequent words of wordfreq's list the encoder vectors add.

    Returns:
        A folder holding a spaCy pipeline with only the vectors table.

    Raises:
        ConfigError: Unknown ``kind``.
    """
    import numpy as np
    import spacy
    from spacy.training.initialize import convert_vectors

    from .vectors import frequent_words, train_encoder_vectors, train_floret, train_ppmi_svd, write_word2vec_text

    out_dir.mkdir(parents=True, exist_ok=True)
    vec_nlp = spacy.blank("ar")
    if kind == "floret":
        table = train_floret(sents, out_dir, dim=dim or 100)
        convert_vectors(vec_nlp, table, truncate=0, prune=-1, name="ner_ar.floret", mode="floret")
    elif kind == "ppmi":
        words, vecs = train_ppmi_svd(sents, dim=dim or 64, min_count=2, max_words=50000, seed=seed)
        txt = out_dir / "vectors.txt"
        write_word2vec_text(words, vecs, txt)
        convert_vectors(vec_nlp, txt, truncate=0, prune=-1, name="ner_ar.ppmi_svd")
    elif kind in ("use", "ppmi+use"):
        ppmi_words, ppmi_vecs = train_ppmi_svd(sents, dim=64, min_count=2, max_words=50000, seed=seed)
        # Every word of the text (a name seen once in training too) and the frequent words of a far
        # larger text, so that words never seen here still get a vector.
        seen = {w for s in sents for w in s}
        words = sorted(
            w
            for w in seen | set(ppmi_words) | set(frequent_words("ar", encoder_vocab_top))
            if w.strip() and not any(c.isspace() for c in w)
        )
        vecs = train_encoder_vectors(words, dim=dim or 64, seed=seed)
        if kind == "ppmi+use":
            row = {w: i for i, w in enumerate(ppmi_words)}
            ppmi_part = np.zeros((len(words), ppmi_vecs.shape[1]), dtype=np.float32)
            for n, w in enumerate(words):
                if w in row:
                    ppmi_part[n] = ppmi_vecs[row[w]]
            # Both halves unit length: the rows stay at most unit length.
            vecs = np.hstack([vecs, ppmi_part]) / np.sqrt(2.0)
        txt = out_dir / "vectors.txt"
        write_word2vec_text(words, vecs, txt)
        convert_vectors(vec_nlp, txt, truncate=0, prune=-1, name=f"ner_ar.{kind.replace('+', '_')}")
    else:
        raise ConfigError(f"vectors kind: expected one of {', '.join(VECTORS_KINDS)}, got {kind!r}")
    target = out_dir / "vectors-model"
    vec_nlp.to_disk(target)
    return target


# -- output folder ----------------------------------------------------------------------

#: Files of an existing model folder that a retrain keeps: its documentation (MODEL_CARD.md...), which
#: nothing loads and training does not write.
KEPT_DOCS = "*.md"


def is_ner_model_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a pipeline written by ``diplo train ner`` (config.cfg and its meta.json fields)."""
    meta = trained_model_meta(folder)
    return meta is not None and "diplo_scores" in meta and meta["training"].get("command") == "diplo train ner"


def check_output_folder(output: str | Path) -> None:
    """Refuse, before any training, an output that a finished run must not replace.

    Allowed: a path that does not exist, an empty folder, or a model folder
    written by ``diplo train ner`` (see :func:`is_ner_model_folder`).

    Raises:
        OutputError: ``output`` is a file, or a folder holding anything else.
    """
    check_model_output(
        output,
        is_ner_model_folder,
        "exists and is not a model folder written by `diplo train ner` (no config.cfg and meta.json with its "
        "diplo fields)",
    )


# -- training -------------------------------------------------------------------------


def train_ner(
    output: str | Path = DEFAULT_OUTPUT,
    *,
    data_dir: str | Path | None = None,
    config: str | Path = DEFAULT_CONFIG,
    use_aqmar: bool = True,
    use_vectors: bool = True,
    vectors_kind: str = VECTORS_KIND,
    use_norms: bool = True,
    use_pretraining: bool = True,
    seed: int = 0,
    max_steps: int | None = None,
    limit: int | None = None,
    work_dir: str | Path | None = None,
    teacher: str | Path | None = None,
    log: Any = print,
) -> TrainResult:
    """Train the Arabic NER pipeline and save it with its ``meta.json``.

    Args:
        output: Folder of the finished pipeline: new, empty, or a model folder of this command (replaced
            whole at the end; anything else is refused before training).
        data_dir: The shared data folder (default ``<repo>/../shared/data``).
        config: The spaCy training config.
        use_aqmar: Add AQMAR to the training data.
        use_vectors: Learn and use static word vectors.
        vectors_kind: ``"floret"`` or ``"ppmi"`` (:func:`build_vectors`).
        use_norms: Install the Arabic NORM table (:mod:`pipeline.ner.norms`).
        use_pretraining: Run the config's ``[pretraining]`` (if it has one) before training.
        seed: Random seed of training (and of the vectors' SVD).
        max_steps: Override ``[training] max_steps`` (e.g. a tiny smoke run).
        limit: Use only this many sentences of each data set (a smoke run; scores are meaningless).
        work_dir: Where the DocBins, vectors and checkpoints go (a temporary folder when None).
        teacher: A trained NER model folder (``models/ner-ar-e5``) whose tags of the unlabelled
            Arabic text are added to the training sentences (:mod:`pipeline.ner.silver`); None
            trains on the gold corpora alone.
        log: Called with progress messages.

    Returns:
        The output folder and the scores written to ``meta.json``.

    Raises:
        InputError: Training data is missing.
        ConfigError: The training config is missing.
        ModelError: The teacher model folder is missing or cannot be loaded.
        OutputError: ``output`` is a file or a folder that is not a model folder (:func:`check_output_folder`).
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    from . import augment, features, norms  # noqa: F401  (register the callback, augmenter and component the config names)

    t0 = time.time()
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    config = Path(config)
    if not config.is_file():
        raise ConfigError(f"{config}: spaCy training config not found")
    if not (data_dir / "ner").is_dir():
        raise InputError(
            str(data_dir / "ner"), "NER training data not found (expected the shared data folder beside the repo)"
        )
    output = Path(output)
    check_output_folder(output)  # before minutes of training
    for line in remove_stale_folders_beside(output):  # what an earlier, killed run left
        log(line)
    tmp = None
    if work_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="diplo-ner-")
        work = Path(tmp.name)
    else:
        work = Path(work_dir)
        work.mkdir(parents=True, exist_ok=True)
    try:
        data = load_corpora(data_dir, use_aqmar=use_aqmar)
        if limit is not None:
            data = {**data, **{part: data[part][:limit] for part in ("train", "dev", "test")}}
        for name, rep in data["reports"].items():
            log(f"{name}: {rep.summary().splitlines()[0]}; {len(rep.problems)} malformed or repaired lines")
        (work / "conversion_report.txt").write_text(
            "\n\n".join(f"== {n}\n{r.summary()}" for n, r in data["reports"].items()) + "\n", encoding="utf-8"
        )
        silver: list[TaggedSentence] = []
        teacher_info = None
        if teacher is not None:
            silver, teacher_info = silver_sentences(Path(teacher), data_dir, limit, log)
        vocab = spacy.blank("ar").vocab
        to_docbin(vocab, data["train"] + silver).to_disk(work / "train.spacy")
        to_docbin(vocab, data["dev"]).to_disk(work / "dev.spacy")
        overrides: dict[str, Any] = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed,
            "training.seed": seed,
        }
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
            overrides["training.eval_frequency"] = max(1, min(250, max_steps))
        unlabelled = unlabelled_sentences(data_dir, limit) + [s.tokens for s in data["train"]]
        counts = word_counts(unlabelled)
        words = name_words(data["train"])
        if use_norms:
            from .norms import build_norm_table

            known = norm_known_words()
            seen = Counter(w for s in unlabelled for w in s)
            vocab_words = [w for w, c in seen.items() if c >= 2] + [w for s in data["train"] for w in s.tokens]
            table = build_norm_table(vocab_words, known, counts, set(words))
            (work / "norms.json").write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
            overrides["paths.norms"] = str(work / "norms.json")
            log(f"Arabic norm table: {len(table)} words")
        if use_vectors:
            log(f"learning static vectors ({vectors_kind})...")
            overrides["paths.vectors"] = str(build_vectors(unlabelled, work / "vectors", kind=vectors_kind, seed=seed))
        else:
            overrides["components.tok2vec.model.embed.include_static_vectors"] = False
        pretrained = use_pretraining and _has_pretraining(config)
        if pretrained:
            from .pretrain import pretrain_tok2vec, write_raw_text

            raw = work / "raw_text.jsonl"
            n_lines = write_raw_text(unlabelled, raw)
            log(f"pretraining the tok2vec (spacy pretrain) on {n_lines} lines of unlabelled text...")
            model_overrides = {k: v for k, v in overrides.items() if k.startswith("components.")}
            with spacy_console():  # spaCy's progress table is not our result
                init_tok2vec = pretrain_tok2vec(
                    config,
                    raw,
                    work / "pretrain",
                    norms=Path(overrides["paths.norms"]) if "paths.norms" in overrides else None,
                    vectors=Path(overrides["paths.vectors"]) if "paths.vectors" in overrides else None,
                    overrides=model_overrides,
                    seed=seed,
                )
            overrides["paths.init_tok2vec"] = str(init_tok2vec)
        log(f"training with spaCy ({config.name}, seed {seed})...")
        # spaCy prints its training table (with colours) on stdout, which holds the command's JSON
        # result: send it to stderr with the other progress lines.
        with spacy_console():
            spacy_train(config, work / "train", use_gpu=-1, overrides=overrides)
        nlp = spacy.load(work / "train" / "model-best")
        # The norms now live in the vocab; the shipped config must not need the callback, nor
        # the training-only augmenter (the recipe is in configs/ner_ar.cfg and meta.json).
        nlp.config["initialize"]["before_init"] = None
        augmenter = nlp.config["corpora"]["train"].get("augmenter")
        nlp.config["corpora"]["train"]["augmenter"] = None
        # Work-folder paths mean nothing in the shipped model (and would make rebuilds differ).
        for name in ("norms", "train", "dev", "vectors", "init_tok2vec", "raw_text"):
            if name in nlp.config["paths"]:
                nlp.config["paths"][name] = None
        _extend_tokenizer(nlp)
        scores = {
            "anercorp_test": evaluate_on_sentences(nlp, data["test"], EVAL_LABELS),
            "anercorp_test_with_misc": evaluate_on_sentences(nlp, data["test"], (*EVAL_LABELS, "MISC")),
            "dev": evaluate_on_sentences(nlp, data["dev"], EVAL_LABELS),
        }
        log(f"ANERcorp test micro F1 (PER/LOC/ORG): {scores['anercorp_test']['micro']['f']:.4f}")
        nlp.meta.update(
            _meta(
                data_dir,
                data,
                scores,
                seed=seed,
                use_aqmar=use_aqmar,
                use_vectors=use_vectors,
                vectors_kind=vectors_kind,
                use_norms=use_norms,
                pretrained=pretrained,
                config=config,
                teacher=teacher_info,
            )
        )
        nlp.meta["training"]["augmenter"] = dict(augmenter) if augmenter else None
        # Written beside the target and swapped in whole: a failed run leaves the old model intact.
        check_output_folder(output)  # still what it was when training started
        new = new_folder_beside(output)
        try:
            nlp.to_disk(new)
            (new / LEXICON_FILE).write_text(json.dumps(words, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
            (new / COUNTS_FILE).write_text(json.dumps(counts, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
            shutil.copy(work / "conversion_report.txt", new / "conversion_report.txt")
            # Last, once every file is written: the SHA-256 the stage checks at load.
            write_checksums(new)
            swap_folder_in(new, output, KEPT_DOCS)
        finally:
            if new.exists():
                shutil.rmtree(new)
        return TrainResult(output, scores, data["reports"], time.time() - t0)
    finally:
        if tmp is not None:
            tmp.cleanup()


#: wasabi (spaCy's console printer) leaves out colours when ANSI_COLORS_DISABLED is set, and
#: colours and spinner animations when WASABI_LOG_FRIENDLY is (wasabi.util.supports_ansi,
#: wasabi.Printer).
NO_COLOUR_ENV = {"ANSI_COLORS_DISABLED": "1", "WASABI_LOG_FRIENDLY": "1"}
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class _Uncoloured(io.TextIOBase):
    """A text stream that writes to another one with ANSI escape sequences taken out."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._stream.write(_ANSI_ESCAPE.sub("", text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def spacy_console() -> Iterator[None]:
    """spaCy's console output (what it prints on stdout) sent to stderr, in colour only on a terminal.

    When stderr is not a terminal (a log file, a pipe, CI) or ``NO_COLOR`` is set, wasabi is told
    to print plainly (:data:`NO_COLOUR_ENV`, for the duration only) and any escape sequence still
    printed is taken out: wasabi's shared printer ``wasabi.msg``, which ``spacy train`` uses for its
    headings, read the environment once, when spaCy was first imported.
    """
    stream = sys.stderr
    if _is_terminal(stream) and not os.environ.get("NO_COLOR"):
        with contextlib.redirect_stdout(stream):
            yield
        return
    saved = {name: os.environ.get(name) for name in NO_COLOUR_ENV}
    os.environ.update(NO_COLOUR_ENV)
    try:
        with contextlib.redirect_stdout(_Uncoloured(stream)):
            yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _has_pretraining(config: Path) -> bool:
    """Whether the training config has a ``[pretraining]`` block with at least one epoch."""
    from spacy.util import load_config

    block = load_config(config, interpolate=False).get("pretraining") or {}
    return int(block.get("max_epochs", 0) or 0) > 0


#: What a final full stop, comma, semicolon or colon is split from, on top of spaCy's Arabic rules,
#: which keep it glued: a number ("2017." -> "2017" "."), and a closing quote, bracket or
#: footnote parenthesis or a vowel mark (`باريس".` -> `باريس` `"` `.`, «2014).», «رقمياً.»): the
#: quote and bracket are then split by spaCy's own rules, and a name at the end of a quotation
#: or before a parenthesis's closing stop is a token of its own.
TOKEN_END_PUNCT_AFTER = "0-9\u0660-\u0669\"'»”’)\\]⁾\u064b-\u0652\u0670"


#: An Arabic comma or semicolon glued between a word or number and a word (text from PDFs often loses the space after
#: it: «أوباما،وفق», «الإرادة،عدنان منصر»; 94 times in 9,942 paragraphs of ANT and UN text). spaCy
#: splits a Latin comma there but keeps these, so the word before and the word after became one
#: token, and a name before such a comma was lost or tagged with the next word.
ARABIC_INFIX_PUNCT = (
    r"(?<=[0-9\u0660-\u0669\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0670])[،؛](?=[\u0621-\u064a\u0671-\u06d3])"
)

#: The same for a bracket, question or exclamation mark glued between two Arabic words
#: («ليلى الشتاوي(نداء تونس)», «بن فرج(الحرة)», «لماذا؟قال»), when two letters come before it: not
#: after a lone clitic («وصف خصومه بـ(الفاسدين) و(المتآمرين)»), where the bracketed word would stand
#: alone and the model tags it as a name. Not a quote: a quoted word glued to a clitic
#: («وصفه بـ"العبث"», «بـ"المرتزقة" و"المأجورين"») stands alone the same way (on 9,942 ANT and UN
#: paragraphs about as many new spans were wrong as right). Not a full stop («حسب قوله.وقال»):
#: spaCy's URL rule takes «قوله.وقال» for a domain name, and loosening that rule also splits dotted
#: acronyms (سي.آي.إيه) that other rules read whole.
ARABIC_GLUED_PUNCT = (
    r"(?<=[\u0621-\u063a\u0641-\u064a][\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u064b-\u0652\u0670])"
    r"[؟!()](?=[\u0621-\u064a\u0671-\u06d3])"
)


def _extend_tokenizer(nlp: Any) -> None:
    """Split a final full stop or comma after a number, a closing quote or bracket, or a mark, and
    punctuation glued between two Arabic words (:data:`ARABIC_INFIX_PUNCT`, :data:`ARABIC_GLUED_PUNCT`)."""
    from spacy.util import compile_infix_regex, compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, rf"(?<=[{TOKEN_END_PUNCT_AFTER}])[.،؛:]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    infixes = [*nlp.Defaults.infixes, ARABIC_INFIX_PUNCT, ARABIC_GLUED_PUNCT]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def norm_known_words() -> set[str]:
    """The keys of the gazetteer's names and their first words, which the NORM table keeps whole
    (no proclitic cut off). Not the mined names a model chose or typed (``un``, ``ar_model`` of
    ``mined_names.json``): they follow the shipped model, and a model whose NORM table followed them
    could not be rebuilt from the code and the data alone."""
    from .gazetteer import load_gazetteer

    gaz = load_gazetteer(model_typed=False)
    return set(gaz.entries) | {k.split()[0] for k in gaz.entries}


def silver_sentences(
    teacher: Path, data_dir: Path, limit: int | None = None, log: Any = print
) -> tuple[list[TaggedSentence], dict[str, Any]]:
    """The unlabelled Arabic text, held-out documents left out, tagged by the ``teacher`` model.

    Returns:
        The silver sentences and what ``meta.json`` records of them (the teacher, line, token and
        entity counts, the documents left out).

    Raises:
        InputError: The unlabelled text is missing.
        ModelError: The teacher folder is missing or cannot be loaded.
    """
    from .silver import held_out, tag_with_teacher, unlabelled_lines
    from .stage import load_model

    files = [data_dir / rel for rel in CORPORA["arabic-text"]["files"]]
    lines, read, left_out = unlabelled_lines(files, held_out())
    if limit is not None:
        lines = lines[:limit]
    t0 = time.time()
    nlp = load_model(teacher)
    log(
        f"silver: {len(lines):,} lines of the unlabelled text to tag with the teacher {teacher} "
        f"(loaded in {time.time() - t0:.1f} s; {left_out} of {read} documents left out: "
        "held-out gold is drawn from them)"
    )
    sentences = tag_with_teacher(nlp, lines, log)
    entities = Counter(tag[2:] for s in sentences for tag in s.tags if tag.startswith("B-"))
    try:
        shown = teacher.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        shown = teacher.name
    info = {
        "model": shown,
        "name": nlp.meta.get("name"),
        "version": nlp.meta.get("version"),
        "trained_on": [src.get("name") for src in nlp.meta.get("sources", [])],
        "silver_lines": len(sentences),
        "silver_tokens": sum(len(s.tokens) for s in sentences),
        "silver_entities": dict(sorted(entities.items())),
        "documents_left_out": left_out,
        "documents_read": read,
    }
    return sentences, info


def _meta(
    data_dir: Path,
    data: dict[str, Any],
    scores: dict[str, Any],
    *,
    seed: int,
    use_aqmar: bool,
    use_vectors: bool,
    vectors_kind: str,
    use_norms: bool,
    pretrained: bool,
    config: Path,
    teacher: dict[str, Any] | None = None,
) -> dict[str, Any]:
    import spacy

    corpora = ["anercorp"] + (["aqmar"] if use_aqmar else []) + ["arabic-text"]
    sources = []
    for name in corpora:
        info = CORPORA[name]
        sources.append(
            {
                "name": info["name"],
                "license": info["licence"],
                "citation": info["citation"],
                "files": info["files"],
                "sha256": _sha256_of(data_dir / f for f in info["files"]),
            }
        )
    return {
        "lang": "ar",
        "name": "ner_ar",
        "version": MODEL_VERSION,
        "spacy_version": f">={spacy.__version__},<3.9.0",
        "description": (
            "Arabic NER (PER/LOC/ORG, plus MISC that the NER stage drops) for the diplo pipeline; "
            "CNN tok2vec, no transformer"
            + ("; also trained on unlabelled text tagged by a teacher model." if teacher else ".")
        ),
        "license": "CC BY-SA 4.0 (trained on CC BY-SA data; see sources)",
        "author": "diplo-pipeline",
        "sources": sources,
        "training": {
            "seed": seed,
            "config": config.name,
            "use_aqmar": use_aqmar,
            "use_vectors": use_vectors,
            "vectors": vectors_kind if use_vectors else None,
            "use_norms": use_norms,
            "pretrained_tok2vec": pretrained,
            "train_sentences": len(data["train"]),
            "teacher": teacher,
            "dev_sentences": len(data["dev"]),
            "dev": "last 10% of ANERcorp_CamelLab_train (CAMeL Lab ship no dev split)",
            "type_map": "PERS->PER, PER->PER, LOC, ORG, MISC/MIS0-3->MISC (MISC dropped by the stage)",
            "command": "diplo train ner",
        },
        "diplo_scores": scores,
        "scorer": "exact span match over conlleval chunks (an I- tag after O or another type starts an entity)",
    }
