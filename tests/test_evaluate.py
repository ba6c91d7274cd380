"""The evaluation harness: pure scorers, and `diplo evaluate` over the corpus."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.config import PipelineConfig, load_config
from pipeline.corpus import load_corpus
from pipeline.errors import ConfigError
from pipeline.evaluate import STAGES, evaluate_corpus, evaluate_ner, format_report
from pipeline.scoring import span_prf


def test_span_prf_per_label_and_overall():
    gold = [(0, 5, "PER"), (10, 15, "LOC"), (20, 25, "DATE")]
    assert span_prf(gold, gold)["ALL"]["f1"] == 1.0
    wrong = [(0, 5, "ORG"), (10, 14, "LOC"), (20, 25, "DATE")]
    scores = span_prf(wrong, gold)
    assert scores["ALL"]["tp"] == 1
    assert scores["ALL"]["p"] == pytest.approx(1 / 3) and scores["ALL"]["r"] == pytest.approx(1 / 3)
    assert scores["PER"]["r"] == 0.0 and scores["ORG"]["p"] == 0.0 and scores["DATE"]["f1"] == 1.0


def test_ner_evaluation_drops_for_a_wrong_prediction(seed_article):
    corpus = load_corpus()
    gold_entities = [(e.start, e.end, e.label) for p in corpus.passages for e in p.entities]
    from pipeline.document import Article, Entity

    def with_entities(spans):
        article = Article.from_dict(seed_article.to_dict())
        article.entities = [Entity(article.raw[s:e], label, s, e, "ar") for s, e, label in spans]
        return {corpus.article_ids()[0]: article}

    cfg = load_config()
    perfect = evaluate_ner(corpus, with_entities(gold_entities), cfg).metrics
    assert perfect["ALL_f1"] == 1.0
    shifted = [(s, e + 1, label) for s, e, label in gold_entities[::2]] + gold_entities[1::2]
    degraded = evaluate_ner(corpus, with_entities(shifted), cfg).metrics
    assert degraded["ALL_f1"] < 0.75
    relabelled = [(s, e, "ORG" if label == "PLATFORM" else label) for s, e, label in gold_entities]
    assert evaluate_ner(corpus, with_entities(relabelled), cfg).metrics["PLATFORM_r"] == 0.0


def test_evaluate_reports_unbuilt_stages_as_missing_not_zero():
    cfg = load_config()
    only_read = PipelineConfig(stages=["read"], settings=cfg.settings, root=cfg.root, path=cfg.path)
    report = evaluate_corpus(config=only_read)
    assert [r.stage for r in report.results] == list(STAGES)
    read = report.result("read")
    assert read.status == "ok" and read.metrics["units_f1"] > 0.9
    for stage in STAGES[1:]:
        result = report.result(stage)
        assert result.status == "missing" and result.metrics == {}
    text = format_report(report)
    assert "MISSING" in text and "units_f1" in text


def test_the_layout_set_is_scored_beside_the_corpus():
    """corpus/layouts: the reader against line truth, the NER against its held-out entity gold."""
    cfg = load_config()
    read_ner = PipelineConfig(stages=["read", "ner"], settings=cfg.settings, root=cfg.root, path=cfg.path)
    report = evaluate_corpus(stages=["read", "ner"], config=read_ner)
    assert [r.stage for r in report.results] == ["read", "ner"]  # the corpus' own figures come first
    read, ner = report.layouts
    assert (read.stage, ner.stage) == ("read", "ner") and len(read.articles) == 105
    # (0.988 / 0.942 on the 105; 0.989 / 0.943 on the first 101; 0.989 / 0.941 on the first 97; 0.989 / 0.939 on the first 93; 0.988 / 0.932 on the 89 at the end of session 16; the first 85: 0.989 / 0.939; the first 81: 0.988 / 0.937; the first 73:
    # 0.987 / 0.934; the first 65: 0.988 / 0.942; the first 45
    # alone: 0.990 / 0.945, guarded article by article in tests/test_reader_layouts*.py; each audit's
    # four came in at 0.86-0.97 of lines held out; the eighteenth's Sudanese text without layout is at
    # 0.61 of units)
    assert read.metrics["lines"] == 13912 and read.metrics["line_roles"] >= 0.985 and read.metrics["units_f1"] >= 0.93
    assert ner.metrics["ALL_gold"] == 542 and ner.metrics["ar_gold"] + ner.metrics["en_gold"] == 542
    assert 0.5 < ner.metrics["ALL_f1"] < 1.0  # the NER tagged them (without a model it would be 0)
    text = format_report(report)
    assert text.index("layout set:") > text.index("units_f1") and "held-out entity gold" in text
    assert json.loads(report.to_json())["layouts"][1]["metrics"]["ALL_gold"] == 542
    # the held-out entity items (corpus/ner_heldout*): short real texts, scored as the stage tags a passage
    sets = {r.metrics["set"]: r.metrics for r in report.heldout}
    assert {name: m["ALL_gold"] for name, m in sets.items()} == {
        "ner_heldout": 381,
        "ner_heldout3": 320,
        "ner_heldout4": 282,
        "ner_heldout5": 323,
        "ner_heldout6": 314,
    }
    assert {m["items"] for m in sets.values()} == {100, 98} and all(0.6 < m["ALL_f1"] < 1.0 for m in sets.values())
    assert text.index("held-out entity items:") > text.index("layout set:")


def test_unknown_stage_is_an_error():
    with pytest.raises(ConfigError, match="unknown stage"):
        evaluate_corpus(stages=["parse"])


def test_cli_evaluate_writes_json(tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["evaluate", "--stage", "read", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "units_f1" in printed
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["results"][0]["stage"] == "read"


def _seed_articles(seed_article):
    from pipeline.document import Article

    corpus = load_corpus()
    return corpus, {corpus.article_ids()[0]: Article.from_dict(seed_article.to_dict())}


def test_repair_evaluation_is_perfect_with_gold_edits_and_drops_with_wrong_ones(seed_article):
    from pipeline.document import Edit
    from pipeline.evaluate import evaluate_repair

    corpus, articles = _seed_articles(seed_article)
    article = next(iter(articles.values()))
    gold = [e for p in corpus.passages if p.lang == "ar" for e in p.edits]
    article.edits = [Edit(e.start, e.end, e.original, e.replacement, "gold", 1.0, e.kind) for e in gold]
    perfect = evaluate_repair(corpus, articles, load_config()).metrics
    assert perfect["cer_repaired"] == 0.0 and perfect["edit_precision"] == 1.0 and perfect["edit_recall"] == 1.0
    assert perfect["cer_raw"] > 0.01
    # Deliberately wrong: every edit replaces the right span with the wrong text.
    article.edits = [Edit(e.start, e.end, e.original, e.original[::-1] + "x", "wrong", 1.0) for e in gold]
    wrong = evaluate_repair(corpus, articles, load_config()).metrics
    assert wrong["edit_precision"] == 0.0 and wrong["cer_repaired"] > perfect["cer_raw"]


def test_align_evaluation_drops_for_a_wrong_link(seed_article):
    from pipeline.document import AlignmentLink, Sentence
    from pipeline.evaluate import evaluate_align

    corpus, articles = _seed_articles(seed_article)
    article = next(iter(articles.values()))
    holder = article.abstract("ar")[0]
    ids = {}
    for i, s in enumerate(corpus.sentences):
        sid = f"gold.s{i}"
        holder.sentences.append(Sentence(sid, s.text, s.start, s.end, s.lang))
        ids[(s.start, s.end)] = sid

    def link_ids(spans):
        return [ids[tuple(sp)] for sp in spans if tuple(sp) in ids]

    gold_links = [link for link in corpus.links if link.kind == "abstract"]
    article.alignments = [AlignmentLink("abstract", link_ids(g.ar), link_ids(g.en), 1.0) for g in gold_links]
    right = evaluate_align(corpus, articles, load_config()).metrics
    assert right["abstract_strict_f1"] == 1.0
    # Swap the English sides of the first two beads.
    swapped = [
        AlignmentLink("abstract", a.ar, b.en, 1.0)
        for a, b in zip(article.alignments, article.alignments[1:] + article.alignments[:1])
    ]
    article.alignments = swapped
    assert evaluate_align(corpus, articles, load_config()).metrics["abstract_strict_f1"] == 0.0


# -- a validated corpus, entities per article, layers scored only where an article has gold ----------


import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline.errors import InputError  # noqa: E402

from .conftest import SEED_ID  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _two_article_corpus(tmp_path, *, entities_in_copy: bool, alignment_in_copy: bool) -> Path:
    """The seed corpus plus a byte-identical copy of the seed under another id, gold layers as asked."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS / "raw", root / "raw")
    shutil.copytree(CORPUS / "gold", root / "gold")
    other = "001_seed_copy"
    shutil.copy(root / "raw" / f"{SEED_ID}.txt", root / "raw" / f"{other}.txt")
    for name in ("passages", "sentences", "alignment"):
        path = root / "gold" / f"{name}.jsonl"
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        copies = [{**r, "article": other} for r in records]
        for r in copies:
            if "id" in r:
                r["id"] = r["id"].replace(SEED_ID, other)
            if "entities" in r and not entities_in_copy:
                r["entities"] = []
        if name == "alignment" and not alignment_in_copy:
            copies = []
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records + copies), encoding="utf-8")
    return root


def test_evaluate_refuses_a_corpus_that_does_not_validate(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS / "raw", root / "raw")
    shutil.copytree(CORPUS / "gold", root / "gold")
    path = root / "gold" / "passages.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[60])
    record["label"] = "threat"
    lines[60] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"does not validate \(1 problem\(s\).*label 'threat'"):
        evaluate_corpus(root, stages=["read"])


def test_ner_scores_the_same_offsets_in_two_articles_as_two_entities(seed_article, tmp_path):
    from pipeline.document import Article, Entity

    root = _two_article_corpus(tmp_path, entities_in_copy=True, alignment_in_copy=True)
    corpus = load_corpus(root)
    gold = [(e.start, e.end, e.label) for p in corpus.passages_of(SEED_ID) for e in p.entities]
    found = Article.from_dict(seed_article.to_dict())
    found.entities = [Entity(found.raw[s:e], label, s, e, "ar") for s, e, label in gold]
    nothing = Article.from_dict(seed_article.to_dict())
    nothing.entities = []
    result = evaluate_ner(corpus, {SEED_ID: found, "001_seed_copy": nothing}, load_config())
    # Half the gold entities (all of the first article's) were found, none of the copy's.
    assert result.metrics["ALL_p"] == 1.0 and result.metrics["ALL_r"] == 0.5
    assert result.metrics["ALL_gold"] == 2 * len(gold)
    assert result.per_article[SEED_ID]["ALL_f1"] == 1.0 and result.per_article["001_seed_copy"]["ALL_r"] == 0.0


def test_layers_are_scored_only_on_the_articles_that_have_their_gold(tmp_path):
    root = _two_article_corpus(tmp_path, entities_in_copy=False, alignment_in_copy=False)
    cfg = load_config()
    read_align = PipelineConfig(stages=["read", "align"], settings=cfg.settings, root=cfg.root, path=cfg.path)
    report = evaluate_corpus(root, stages=["read", "align"], config=read_align)
    assert report.articles == [SEED_ID, "001_seed_copy"]
    read, align = report.result("read"), report.result("align")
    assert read.articles == [SEED_ID, "001_seed_copy"]
    assert read.per_article[SEED_ID] == read.per_article["001_seed_copy"]
    # The copy has no alignment gold: it is left out, not scored as all false positives.
    assert align.status == "ok" and align.articles == [SEED_ID] and list(align.per_article) == [SEED_ID]
    assert align.metrics["all_strict_f1"] == 1.0 and align.metrics["gold_links"] == 8
    assert "no gold alignment (not scored): 001_seed_copy" in format_report(report)
    assert report.config == str(cfg.path)
    saved = json.loads(report.to_json())
    assert saved["config"] == str(cfg.path) and saved["results"][1]["articles"] == [SEED_ID]


def test_a_layer_no_article_has_is_missing_not_zero(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS / "raw", root / "raw")
    shutil.copytree(CORPUS / "gold", root / "gold")
    (root / "gold" / "alignment.jsonl").write_text("", encoding="utf-8")
    cfg = load_config()
    read_align = PipelineConfig(stages=["read", "align"], settings=cfg.settings, root=cfg.root, path=cfg.path)
    align = evaluate_corpus(root, stages=["align"], config=read_align).result("align")
    assert (
        align.status == "missing"
        and align.metrics == {}
        and "no article of the corpus has gold alignment" in align.note
    )


def test_the_classifier_block_shows_the_main_figures_and_points_to_the_json():
    """It printed some fifty internal keys (model_mean_beta, weak_rule_coverage ...) with mixed rounding."""
    from pipeline.evaluate import Report, StageResult

    metrics = {
        "passages": 75,
        "majority_macro_f1": 0.0636,
        "tfidf_lr_macro_f1": 0.2078,
        "model_macro_f1": 0.7288,
        "model_macro_f1_ci95": [0.619, 0.8386],
        "model_f1_risk": 0.8,
        "model_mean_beta": 2.9333,
        "weak_rule_coverage": 0.6133,
        "model_chosen_C": [10.0],
    }
    text = format_report(Report("corpus", ["a"], [StageResult("classify", "ok", metrics, "cv", ["a"])]))
    assert "model_macro_f1_ci95  [0.6190, 0.8386]" in text and "model_f1_risk" in text
    assert "model_mean_beta" not in text and "weak_rule_coverage" not in text
    assert "(3 more figures in the JSON report)" in text
    other = format_report(Report("corpus", ["a"], [StageResult("ner", "ok", {"PER_f1": 0.5, "x": [0.25]}, "n", ["a"])]))
    assert "PER_f1" in other and "[0.2500]" in other  # other stages show every figure
