"""``diplo evaluate``: every stage scored against the annotated corpus.

The gold corpus is validated first (:func:`pipeline.corpus.require_valid`):
a corpus with problems is refused, never scored. The pipeline (as
configured) then runs once over each corpus article; each stage's output is
compared with the gold by the pure scorers in :mod:`pipeline.scoring` and the
stages' own metric modules. A stage that is not built, not configured or has
no model is reported as *missing*, never as zero; so is a stage whose gold
layer no article has, and each stage is scored only on the articles that
have gold for its layer (:meth:`pipeline.corpus.Corpus.annotated`), which its
result lists.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .config import PipelineConfig, load_config
from .corpus import Corpus, GoldPassage, gold_clean_text, load_corpus, require_valid
from .document import Article, overlaps
from .errors import ConfigError, DiploError
from .scoring import cer, edit_prf, span_prf, wer

STAGES = ("read", "repair", "align", "ner", "classify")
#: The gold layer each stage is scored against (see :meth:`pipeline.corpus.Corpus.annotated`).
LAYER_OF = {"read": "units", "repair": "repair", "align": "alignment", "ner": "entities", "classify": "labels"}


@dataclass
class StageResult:
    """The evaluation of one stage.

    Attributes:
        status: ``ok``, ``missing`` (not built / not configured / no model) or ``error``.
        metrics: Named figures (rounded floats and counts).
        note: Why a stage is missing, or what the figures mean.
        articles: The articles scored: those with gold for the stage's layer.
        per_article: A few of the figures for each article, where cheap.
    """

    stage: str
    status: str
    metrics: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    articles: list[str] = field(default_factory=list)
    per_article: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Report:
    """All stage results of one evaluation run.

    Attributes:
        corpus: The corpus folder.
        articles: The corpus articles the pipeline ran on.
        results: One result per stage asked for.
        config: The pipeline config file that was run.
        models: The model folder of each stage that ran with one (``{stage: path}``).
        layouts: The reader and the NER on the layout set (``corpus/layouts``: articles laid out as
            other journals lay them out, never used to tune the NER), when the corpus has it and
            those stages were asked for; stage names ``read`` and ``ner``.
        heldout: The NER on each set of held-out entity items (``corpus/ner_heldout*/items.jsonl``:
            short real texts with hand gold), when the NER was asked for; one ``ner`` result per set,
            the set's folder name in ``metrics["set"]``.
    """

    corpus: str
    articles: list[str]
    results: list[StageResult]
    config: str = ""
    models: dict[str, str] = field(default_factory=dict)
    layouts: list[StageResult] = field(default_factory=list)
    heldout: list[StageResult] = field(default_factory=list)

    def to_json(self) -> str:
        """The report as JSON."""
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    def result(self, stage: str) -> StageResult:
        """The result of one stage."""
        return next(r for r in self.results if r.stage == stage)


def evaluate_corpus(
    corpus_dir: str | Path | None = None,
    *,
    stages: list[str] | None = None,
    config: PipelineConfig | str | Path | None = None,
    log: Callable[[str], None] | None = None,
) -> Report:
    """Run the configured pipeline over the corpus and score the chosen stages.

    Args:
        corpus_dir: The corpus folder (``corpus/`` by default).
        stages: Stage names to score; all of :data:`STAGES` when omitted.
        config: Pipeline config to run (``configs/pipeline.toml`` by default).
        log: Called with a progress line (models loading, each stage's start and time); silent when omitted.

    Raises:
        ConfigError: An unknown stage name.
        InputError: The gold corpus does not validate (the message counts and quotes the problems).
    """
    wanted = list(stages or STAGES)
    unknown = [s for s in wanted if s not in STAGES]
    if unknown:
        raise ConfigError(f"unknown stage(s) {', '.join(unknown)} for evaluate; known: {', '.join(STAGES)}")
    # Before any model loads: an unknown label or a shifted offset would silently change the figures.
    corpus = require_valid(load_corpus(corpus_dir))
    cfg = config if isinstance(config, PipelineConfig) else load_config(config)
    # Stages after the last one scored are not built: their models need not load.
    last = max(STAGES.index(s) for s in wanted)
    log = log or _silent
    articles, run_notes = _run_pipeline(corpus, cfg, STAGES[: last + 1], log)
    results = []
    for stage in wanted:
        if stage != "read" and stage not in run_notes["ran"]:
            results.append(
                StageResult(stage, "missing", note=run_notes["why"].get(stage, "not in the configured pipeline"))
            )
            log(f"{stage}: missing ({' '.join(results[-1].note.split())})")  # one line, as the CLI's errors
            continue
        covered = [a for a in corpus.annotated(LAYER_OF[stage]) if a in articles]
        if not covered:
            results.append(StageResult(stage, "missing", note=f"no article of the corpus has gold {LAYER_OF[stage]}"))
            log(f"{stage}: missing ({results[-1].note})")
            continue
        evaluator = _EVALUATORS[stage]
        log(f"{stage}: scoring...")
        started = time.perf_counter()
        try:
            result = evaluator(corpus, {a: articles[a] for a in covered}, cfg, log)
            result.articles = covered
            results.append(result)
        except DiploError as exc:
            results.append(StageResult(stage, "missing", note=str(exc)))
        log(f"{stage}: done in {time.perf_counter() - started:.1f} s")
    models = {
        name: str(cfg.resolve(cfg.stage_settings(name)["model"]))
        for name in STAGES
        if name in run_notes["ran"] and isinstance(cfg.stage_settings(name).get("model"), str)
    }
    config_path = str(cfg.path) if cfg.path is not None else "(a PipelineConfig built in code)"
    layouts = _evaluate_layouts(corpus.root / "layouts", wanted, cfg, run_notes, log)
    heldout = _evaluate_heldout_items(corpus.root, wanted, run_notes, log)
    return Report(str(corpus.root), corpus.article_ids(), results, config_path, models, layouts, heldout)


def _ner_metrics(table: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """P/R/F1 and gold counts of the buckets the report shows (all, per language, per type)."""
    metrics: dict[str, Any] = {}
    for bucket in ("all", "ar", "en", "PER", "ORG", "LOC", "DATE", "PLATFORM"):
        if bucket in table:
            row = table[bucket]
            name = "ALL" if bucket == "all" else bucket
            metrics.update({f"{name}_{k}": round(row[k], 4) for k in ("p", "r", "f1")})
            metrics[f"{name}_gold"] = row["gold"]
    return metrics


def _evaluate_heldout_items(
    root: Path, wanted: list[str], run_notes: dict[str, Any], log: Callable[[str], None]
) -> list[StageResult]:
    """The NER stage on each set of held-out entity items of the corpus (their READMEs say which are blind)."""
    from .layouts import item_spans, load_items, score

    nlp = run_notes.get("pipeline")
    if "ner" not in wanted or "ner" not in run_notes["ran"] or nlp is None:
        return []
    out = []
    for path in sorted(root.glob("ner_heldout*/items.jsonl")):
        name = path.parent.name
        log(f"ner ({name}): tagging {path.parent.name}/items.jsonl...")
        started = time.perf_counter()
        items, gold = load_items(path)
        table = score(gold, item_spans(nlp.stage("ner"), items))
        metrics = {"set": name, "items": len(items), **_ner_metrics(table)}
        note = (
            f"{name}: short real texts (ANT news, UN sentence pairs) with hand gold, frozen before any NER "
            f"output was seen; exact span and type (details: python scripts/eval_ner_heldout.py --gold "
            f"corpus/{name}/items.jsonl; corpus/{name}/README.md says whether rules were written from its errors)"
        )
        out.append(StageResult("ner", "ok", metrics, note, sorted(items)))
        log(f"ner ({name}): done in {time.perf_counter() - started:.1f} s")
    return out


def _evaluate_layouts(
    folder: Path, wanted: list[str], cfg: PipelineConfig, run_notes: dict[str, Any], log: Callable[[str], None]
) -> list[StageResult]:
    """The reader (line truth) and the NER (held-out entity gold) on the corpus' layout set."""
    from .layouts import article_paths, entity_spans, load_gold, score, score_articles, unit_prf
    from .reader import ReaderSettings

    out: list[StageResult] = []
    articles_dir = folder / "articles"
    paths = article_paths(articles_dir) if articles_dir.is_dir() else []
    if "read" in wanted and paths:
        log(f"read (layout set): scoring {len(paths)} articles...")
        started = time.perf_counter()
        settings = dataclasses.replace(ReaderSettings.from_dict(cfg.stage_settings("read")), require_abstract=False)
        total = score_articles(paths, settings)
        p, r, f = unit_prf(total)
        metrics = {
            "line_roles": round(total["right"] / max(1, total["lines"]), 4),
            "lines": total["lines"],
            "lines_lost": total["lost"],
            "units_p": round(p, 4),
            "units_r": round(r, 4),
            "units_f1": round(f, 4),
            "gold_units": total["gold_units"],
            "predicted": total["predicted_units"],
        }
        note = (
            "line truth of articles in other journals' layouts: share of lines read in their true role; "
            "units as above (details: python scripts/eval_reader_layouts.py)"
        )
        out.append(StageResult("read", "ok", metrics, note, [p.stem for p in paths]))
        log(f"read (layout set): done in {time.perf_counter() - started:.1f} s")
    gold_dir = folder / "ner_gold"
    nlp = run_notes.get("pipeline")
    if "ner" in wanted and "ner" in run_notes["ran"] and nlp is not None and (gold_dir / "entities.jsonl").is_file():
        log("ner (layout set): tagging the articles with gold entities...")
        started = time.perf_counter()
        regions, gold = load_gold(gold_dir, articles_dir)
        predicted = []
        for name in sorted(regions):
            try:
                predicted += entity_spans(name, nlp(articles_dir / f"{name}.txt"), regions[name])
            except DiploError as exc:
                log(f"ner (layout set): {name} not scored ({exc})")
        metrics = _ner_metrics(score(gold, predicted))
        note = (
            "held-out entity gold (abstracts of 21 articles, first body paragraphs of eight), frozen before any "
            "NER output was seen; exact span and type (details: python scripts/eval_ner_layouts.py)"
        )
        out.append(StageResult("ner", "ok", metrics, note, sorted(regions)))
        log(f"ner (layout set): done in {time.perf_counter() - started:.1f} s")
    return out


def _silent(message: str) -> None:
    """The default progress callback: says nothing."""


def _run_pipeline(
    corpus: Corpus, cfg: PipelineConfig, needed: tuple[str, ...] = STAGES, log: Callable[[str], None] = _silent
) -> tuple[dict[str, Article], dict[str, Any]]:
    """Run every stage of ``needed`` that can run; note why the others cannot.

    Stages are built one by one, so a stage whose model is missing or refused
    is reported (with the reason) without stopping the stages that do not need it.
    """
    from .reader import ReaderSettings
    from .runner import READ_PROVIDES, Pipeline, _stage_class

    why: dict[str, str] = {}
    enabled = cfg.enabled_stages()
    for name in STAGES[1:]:
        if name not in enabled:
            why[name] = "not in [pipeline] stages of the config"
    stages = []
    provided = set(READ_PROVIDES)
    building = [n for n in enabled if n != "read" and n in needed]
    if building:
        log(f"loading models ({', '.join(building)})...")
    started = time.perf_counter()
    for name in enabled:
        if name == "read" or name not in needed:
            continue
        try:
            stage_cls = _stage_class(name)
            missing = [r for r in stage_cls.requires if r not in provided]
            if missing:
                raise ConfigError(f"needs {', '.join(missing)}, which no stage that could run provides")
            stages.append(stage_cls.from_settings(cfg.stage_settings(name), cfg))
            provided.update(stage_cls.provides)
        except DiploError as exc:
            why[name] = str(exc)
    if building:
        log(f"models loaded in {time.perf_counter() - started:.1f} s")
    nlp = Pipeline(cfg, stages, ReaderSettings.from_dict(cfg.stage_settings("read")))
    ids = corpus.article_ids()
    log(f"running {', '.join(nlp.stage_names)} on {len(ids)} article(s)...")
    started = time.perf_counter()
    articles = {aid: nlp(corpus.raw_path(aid)) for aid in ids}
    log(f"pipeline ran in {time.perf_counter() - started:.1f} s")
    return articles, {"ran": {"read", *(s.name for s in stages)}, "why": why, "pipeline": nlp}


# -- read ---------------------------------------------------------------------


#: Unit kinds the reader makes passages of (titles and keyword lines are read as fields).
_READ_KINDS = ("abstract", "paragraph", "list_item", "reference", "footnote", "table")


def evaluate_read(
    corpus: Corpus, articles: dict[str, Article], cfg: PipelineConfig, log: Callable[[str], None] = _silent
) -> StageResult:
    """Passage segmentation: gold units found as a predicted passage of the same kind and nearly the same extent."""
    tp = n_gold = n_pred = 0
    per_article = {}
    for aid, article in articles.items():
        gold = [g for g in corpus.passages_of(aid) if g.kind in _READ_KINDS]
        pred = [p for p in article.passages]
        found = sum(
            1 for g in gold if any(p.kind == g.kind and _iou((p.start, p.end), (g.start, g.end)) >= 0.9 for p in pred)
        )
        per_article[aid] = {"units_f1": round(_f1(found, len(pred), len(gold)), 4), "gold_units": len(gold)}
        tp += found
        n_gold += len(gold)
        n_pred += len(pred)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return StageResult(
        "read",
        "ok",
        {
            "units_p": round(p, 4),
            "units_r": round(r, 4),
            "units_f1": round(f1, 4),
            "gold_units": n_gold,
            "predicted": n_pred,
        },
        "abstract, paragraph, list-item and reference units of the same kind whose raw extents overlap by IoU >= 0.9",
        per_article=per_article,
    )


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = overlaps(a, b)
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


# -- repair -------------------------------------------------------------------


def evaluate_repair(
    corpus: Corpus, articles: dict[str, Article], cfg: PipelineConfig, log: Callable[[str], None] = _silent
) -> StageResult:
    """CER/WER of raw vs gold and repaired vs gold, and precision/recall of the applied edits.

    Texts are rebuilt per gold unit from the raw characters, so the figures do
    not depend on the reader's segmentation: raw = the unit with footnote
    markers removed; repaired = the same with the stage's applied edits; gold =
    the same with the gold edits.
    """
    raw_chars = raw_dist = rep_dist = 0
    raw_words = raw_wdist = rep_wdist = 0
    counts = {"tp_pred": 0, "tp_gold": 0, "n_pred": 0, "n_gold": 0}
    per_article = {}
    for aid, article in articles.items():
        pred_article, gold_article = [], []
        chars = dist_raw = dist_rep = 0.0
        raw = corpus.raw[aid]
        applied = [e for e in article.edits if e.status == "applied"]
        for g in corpus.passages_of(aid):
            if g.lang != "ar" or g.kind not in ("abstract", "paragraph", "list_item", "title", "keywords"):
                continue
            inside = [e for e in applied if any(s <= e.start and e.end <= t for s, t in g.spans)]
            plain = _rebuild(raw, g, [])
            repaired = _rebuild(raw, g, inside)
            gold_text = g.text
            chars += len(gold_text)
            dist_raw += cer(plain, gold_text) * len(gold_text)
            dist_rep += cer(repaired, gold_text) * len(gold_text)
            n_words = len(gold_text.split())
            raw_words += n_words
            raw_wdist += wer(plain, gold_text) * n_words
            rep_wdist += wer(repaired, gold_text) * n_words
            pred_article += inside
            gold_article += g.edits
        prf = edit_prf(pred_article, gold_article, raw)
        for key in counts:
            counts[key] += prf[key]
        raw_chars += chars
        raw_dist += dist_raw
        rep_dist += dist_rep
        per_article[aid] = {
            "cer_raw": round(dist_raw / chars, 5) if chars else 0.0,
            "cer_repaired": round(dist_rep / chars, 5) if chars else 0.0,
            "edits_applied": prf["n_pred"],
            "edits_gold": prf["n_gold"],
        }
    precision = counts["tp_pred"] / counts["n_pred"] if counts["n_pred"] else 0.0
    recall = counts["tp_gold"] / counts["n_gold"] if counts["n_gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return StageResult(
        "repair",
        "ok",
        {
            "cer_raw": round(raw_dist / raw_chars, 5) if raw_chars else 0.0,
            "cer_repaired": round(rep_dist / raw_chars, 5) if raw_chars else 0.0,
            "wer_raw": round(raw_wdist / raw_words, 5) if raw_words else 0.0,
            "wer_repaired": round(rep_wdist / raw_words, 5) if raw_words else 0.0,
            "edit_precision": round(precision, 4),
            "edit_recall": round(recall, 4),
            "edit_f1": round(f1, 4),
            "edits_applied": counts["n_pred"],
            "edits_gold": counts["n_gold"],
        },
        "over the Arabic gold units; edits judged by outcome (same repaired string)",
        per_article=per_article,
    )


def _rebuild(raw: str, unit: GoldPassage, edits: list[Any]) -> str:
    replaced = GoldPassage(**{**unit.__dict__, "edits": [_as_gold_edit(e) for e in edits]})
    return gold_clean_text(raw, replaced)


def _as_gold_edit(edit: Any):
    from .corpus import GoldEdit

    return GoldEdit(edit.start, edit.end, edit.original, edit.replacement, getattr(edit, "kind", ""))


# -- align --------------------------------------------------------------------


def evaluate_align(
    corpus: Corpus, articles: dict[str, Article], cfg: PipelineConfig, log: Callable[[str], None] = _silent
) -> StageResult:
    """Alignment links against the gold beads, strict and lax (see :mod:`pipeline.align.metrics`).

    Predicted sentences are mapped onto the gold sentences they overlap most,
    so a bead is compared on gold sentence identities.
    """
    from .align.metrics import AlignmentScores, score_alignment

    total = AlignmentScores()
    per_kind: dict[str, AlignmentScores] = {}
    per_article = {}
    for aid, article in articles.items():
        of_article = AlignmentScores()
        spans = _predicted_unit_spans(article)
        gold_units = _gold_alignment_units(corpus, aid)
        for kind in ("title", "keywords", "abstract"):
            gold_beads = [
                (
                    tuple(_unit_id(gold_units, "ar", s) for s in link.ar),
                    tuple(_unit_id(gold_units, "en", s) for s in link.en),
                )
                for link in corpus.links
                if link.article == aid and link.kind == kind
            ]
            pred_beads = []
            for link in article.alignments:
                if link.kind != kind:
                    continue
                ar = tuple(sorted({_unit_id(gold_units, "ar", spans[i]) for i in link.ar if i in spans}))
                en = tuple(sorted({_unit_id(gold_units, "en", spans[i]) for i in link.en if i in spans}))
                pred_beads.append((ar, en))
            scores = score_alignment(pred_beads, gold_beads)
            total.add(scores)
            of_article.add(scores)
            per_kind.setdefault(kind, AlignmentScores()).add(scores)
        per_article[aid] = {"all_strict_f1": round(of_article.strict_f1, 4)}
    metrics = {f"all_{k}": v for k, v in total.as_dict().items()}
    for kind, scores in per_kind.items():
        metrics[f"{kind}_strict_f1"] = round(scores.strict_f1, 4)
    metrics["gold_links"] = sum(1 for link in corpus.links if link.article in articles)
    return StageResult(
        "align",
        "ok",
        metrics,
        "title, keyword and abstract-sentence beads; strict = exact bead",
        per_article=per_article,
    )


def _predicted_unit_spans(article: Article) -> dict[str, tuple[int, int]]:
    spans: dict[str, tuple[int, int]] = {}
    for p in article.passages:
        for s in p.sentences:
            spans[s.id] = (s.start, s.end)
    if article.title_ar:
        spans["title.ar"] = (article.title_ar.start, article.title_ar.end)
    if article.title_en:
        spans["title.en"] = (article.title_en.start, article.title_en.end)
    for lang, keywords in (("ar", article.keywords_ar), ("en", article.keywords_en)):
        for i, k in enumerate(keywords):
            spans[f"kw.{lang}.{i}"] = (k.start, k.end)
    return spans


def _gold_alignment_units(corpus: Corpus, aid: str) -> dict[str, list[tuple[int, int]]]:
    units: dict[str, list[tuple[int, int]]] = {"ar": [], "en": []}
    for link in corpus.links:
        if link.article == aid:
            units["ar"] += [tuple(s) for s in link.ar]
            units["en"] += [tuple(s) for s in link.en]
    for s in corpus.sentences:
        if s.article == aid:
            units[s.lang].append((s.start, s.end))
    return {lang: sorted(set(v)) for lang, v in units.items()}


def _unit_id(
    units: dict[str, list[tuple[int, int]]], lang: str, span: tuple[int, int]
) -> tuple[int, int] | tuple[str, int, int]:
    best = max(units[lang], key=lambda u: overlaps(u, span), default=None)
    if best is None or overlaps(best, span) == 0:
        return ("unmatched", span[0], span[1])
    return best


# -- ner ----------------------------------------------------------------------


def evaluate_ner(
    corpus: Corpus, articles: dict[str, Article], cfg: PipelineConfig, log: Callable[[str], None] = _silent
) -> StageResult:
    """Entity P/R/F1 per type and overall, exact raw-span match, over the annotated units.

    Spans carry their article id: the same offsets in two articles are two entities.
    """
    predicted, gold = [], []
    per_article = {}
    for aid, article in articles.items():
        units = [g for g in corpus.passages_of(aid) if g.kind not in ("reference", "footnote")]  # not repaired
        regions = _merge([s for g in units for s in g.spans])
        gold_article = [(aid, e.start, e.end, e.label) for g in units for e in g.entities]
        pred_article = [
            (aid, e.start, e.end, e.label)
            for e in article.entities
            if any(s <= e.start and e.end <= t for s, t in regions)
        ]
        overall = span_prf(pred_article, gold_article)["ALL"]
        per_article[aid] = {
            "ALL_p": round(overall["p"], 4),
            "ALL_r": round(overall["r"], 4),
            "ALL_f1": round(overall["f1"], 4),
            "ALL_gold": overall["n_gold"],
        }
        gold += gold_article
        predicted += pred_article
    scores = span_prf(predicted, gold)
    metrics = {}
    for label, s in scores.items():
        metrics[f"{label}_p"] = round(s["p"], 4)
        metrics[f"{label}_r"] = round(s["r"], 4)
        metrics[f"{label}_f1"] = round(s["f1"], 4)
        metrics[f"{label}_gold"] = s["n_gold"]
    return StageResult(
        "ner",
        "ok",
        metrics,
        "exact raw-span and type match, in titles, abstracts, keywords and body",
        per_article=per_article,
    )


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1] + 2:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


# -- classify -----------------------------------------------------------------


def evaluate_classify(
    corpus: Corpus, articles: dict[str, Article], cfg: PipelineConfig, log: Callable[[str], None] = _silent
) -> StageResult:
    """Cross-validated passage classification (folds by section; never scored by a model that saw it).

    This re-runs the training recipe of ``[stages.classify]`` (settings and ``train`` table) in
    grouped cross-validation over the gold body passages; the configured model folder
    (``model = ...``) is not loaded or scored, since it was trained on every gold passage.
    """
    try:
        module = importlib.import_module("pipeline.classify.evaluation")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("pipeline.classify"):
            return StageResult("classify", "missing", note="the passage classifier is not built yet")
        raise
    metrics = module.cross_validate_corpus(corpus, cfg.stage_settings("classify"), progress=log)
    return StageResult(
        "classify",
        "ok",
        metrics,
        "grouped cross-validation by section of the training recipe in [stages.classify] over the gold body "
        "passages; the configured model is NOT scored (it was trained on all of them): retrain it with "
        "`diplo train classifier`",
    )


#: Each evaluator is called as ``evaluator(corpus, articles, cfg, log)``; ``log`` takes progress lines
#: of long evaluations (the classifier's folds), the others need not use it.
_EVALUATORS: dict[str, Callable[[Corpus, dict[str, Article], PipelineConfig, Callable[[str], None]], StageResult]] = {
    "read": evaluate_read,
    "repair": evaluate_repair,
    "align": evaluate_align,
    "ner": evaluate_ner,
    "classify": evaluate_classify,
}


def format_report(report: Report) -> str:
    """A plain-text table of the report, one block per stage."""
    lines = [f"corpus: {report.corpus} ({len(report.articles)} article(s))", ""]
    lines += _format_results(report.results, report.articles)
    if report.layouts:
        count = max(len(r.articles) for r in report.layouts)
        lines.append(f"layout set: {report.corpus}/layouts ({count} article(s) in other journals' layouts)")
        lines.append("")
        lines += _format_results(report.layouts, [])
    if report.heldout:
        lines.append(f"held-out entity items: {report.corpus}/ner_heldout* ({len(report.heldout)} set(s))")
        lines.append("")
        lines += _format_results(report.heldout, [])
    return "\n".join(lines).rstrip() + "\n"


def _format_results(results: list[StageResult], articles: list[str]) -> list[str]:
    """The blocks of ``results``; ``articles``: the articles a stage without its gold leaves out."""
    lines: list[str] = []
    for result in results:
        if result.status != "ok":
            lines.append(f"{result.stage:<9} {result.status.upper()}: {result.note}")
            lines.append("")
            continue
        lines.append(f"{result.stage:<9} {result.note}")
        left_out = [a for a in articles if a not in result.articles]
        if result.articles and left_out:
            lines.append(
                f"  scored on {len(result.articles)} of {len(articles)} article(s); "
                f"no gold {LAYER_OF.get(result.stage, '')} (not scored): {', '.join(left_out)}"
            )
        shown = {k: v for k, v in result.metrics.items() if _in_table(result.stage, k)}
        width = max((len(k) for k in shown), default=0)
        for key, value in shown.items():
            lines.append(f"  {key:<{width}}  {_figure(value):>10}")
        if len(shown) < len(result.metrics):
            lines.append(f"  ({len(result.metrics) - len(shown)} more figures in the JSON report)")
        lines.append("")
    return lines


#: The classifier's figures the table shows: the baselines, the model per label and its interval,
#: without the weak labels, and the gold counts (the JSON report has every figure: the confidence
#: thresholds, the weak rules' coverage and precision, the parameters chosen in the folds).
_CLASSIFY_TABLE = re.compile(
    r"(?:passages|folds|majority_macro_f1|tfidf_lr_macro_f1|model_macro_f1(?:_ci95)?|model_f1_\w+"
    r"|model_no_weak_macro_f1|gold_\w+)"
)


def _in_table(stage: str, key: str) -> bool:
    return stage != "classify" or _CLASSIFY_TABLE.fullmatch(key) is not None


def _figure(value: Any) -> str:
    """A figure as the table prints it: floats to four places, in lists too."""
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_figure(v) for v in value) + "]"
    return str(value)
