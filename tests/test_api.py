"""Using the components of a loaded pipeline on their own: what the README's Python API promises."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from pipeline.align.encoder import _load_use


@pytest.fixture(scope="module")
def nlp():
    return pipeline.load()


@pytest.fixture(scope="module")
def seed(nlp, seed_path):
    return nlp(seed_path)


def test_models_load_when_the_pipeline_is_built(nlp):
    """`pipeline.load()` is where the models load: the first article used to pay ~5 s more."""
    assert _load_use.cache_info().currsize == 1  # the sentence encoder's weights are read
    lexicon = nlp.stage("repair").lexicon
    assert not isinstance(lexicon._hunspell, Path)  # Hunspell is open (a path until first use)
    assert lexicon._one_edit_index is not None


def test_stage_lookup(nlp):
    assert [nlp.stage(n).name for n in ("repair", "align", "ner", "classify")] == ["repair", "align", "ner", "classify"]
    with pytest.raises(KeyError, match="no stage 'nerr'.*it runs read, repair"):
        nlp.stage("nerr")


def test_repair_one_text_as_the_stage_repairs_a_passage(nlp, seed):
    repair = nlp.stage("repair")
    repaired = [p for p in seed.passages if p.clean_text and p.clean_text != p.text]
    assert len(repaired) >= 10
    for p in repaired:
        assert repair.repair(p.text).clean == p.clean_text
    with pytest.raises(TypeError, match="found NoneType"):
        repair.repair(None)


def test_classify_one_passage_as_the_stage_does(nlp, seed):
    classify = nlp.stage("classify")
    body = seed.body_passages()
    assert len(body) > 50
    for p in body:
        section = seed.section_of(p)
        pred = classify.classify(p.best_text, section.heading if section else None, p.kind)
        assert (pred.label, pred.probs, pred.cues) == (p.label, p.label_probs, p.label_cues)
    with pytest.raises(TypeError, match="use classify"):
        classify.predict(body[0].best_text, None, "paragraph")


def test_classifier_from_its_folder_from_any_folder(nlp, seed, tmp_path, monkeypatch):
    from pipeline.classify import ClassifyStage

    monkeypatch.chdir(tmp_path)  # the default "models/classifier" is found from the project root
    alone = ClassifyStage.from_path()
    p = next(p for p in seed.body_passages() if p.label == "goal")
    section = seed.section_of(p)
    assert alone.classify(p.best_text, section.heading if section else None, p.kind).probs == p.label_probs


def test_entities_of_one_text_as_the_stage_finds_them(nlp, seed):
    ner = nlp.stage("ner")
    checked = 0
    for p in seed.passages:
        if p.lang != "ar" or p.kind not in ("paragraph", "list_item"):
            continue
        mine = sorted((e.start, e.end, e.label) for e in seed.entities if e.passage_id == p.id)
        text, tmap = p.best_text, p.best_map
        alone = sorted((*tmap.span_to_raw(f.start, f.end), f.label) for f in ner.entities_ar(text))
        assert alone == mine
        checked += bool(mine)
    assert checked >= 20


def test_align_sentence_lists_as_the_stage_aligns_the_abstracts(nlp, seed):
    align = nlp.stage("align")
    ar = [s for p in seed.abstract("ar") for s in p.sentences]
    en = [s for p in seed.abstract("en") for s in p.sentences]
    assert [s.text for s in ar] == [t for p in seed.abstract("ar") for t in align.split_sentences(p.best_text, "ar")]
    beads = align.align_sentences([s.text for s in ar], [s.text for s in en])
    ar_ids, en_ids = {s.id for s in ar}, {s.id for s in en}
    links = [a for a in seed.alignments if (a.ar and a.ar[0] in ar_ids) or (a.en and a.en[0] in en_ids)]
    assert [([ar[i].id for i in b.src], [en[j].id for j in b.tgt]) for b in beads] == [(a.ar, a.en) for a in links]
    with pytest.raises(TypeError, match="two lists of sentences"):
        align.align_sentences("نص", "text")


def test_ner_from_its_folder_from_any_folder(nlp, tmp_path, monkeypatch):
    from pipeline.ner import NerStage

    text = "أعلنت وزارة الخارجية السويدية عبر تويتر في 20 يناير 2017 افتتاح سفارة في واشنطن."
    monkeypatch.chdir(tmp_path)
    assert NerStage.from_path().entities_ar(text) == nlp.stage("ner").entities_ar(text)


def test_running_a_processed_article_again_changes_nothing(nlp, seed):
    """It used to append a second copy of the repair edit log (53 -> 106 edits, no longer replayable)."""
    from pipeline.document import Article

    again = nlp(Article.from_json(seed.to_json()))
    note = next(w for w in again.warnings if w.startswith("repair: the article's own edit log was used"))
    again.warnings.remove(note)
    assert again.to_json() == seed.to_json()
