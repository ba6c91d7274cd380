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
