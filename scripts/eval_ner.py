"""Evaluate the shipped NER model: ANERcorp CAMeL Lab test split and the seed article's gold.

Usage:
    python scripts/eval_ner.py                      # both evaluations, models/ner-ar, ANERcorp test
    python scripts/eval_ner.py --split dev          # ANERcorp dev (last 10 % of the train file)
    python scripts/eval_ner.py --model PATH --only anercorp
    python scripts/eval_ner.py --only seed --gold corpus/gold/passages.jsonl --errors

ANERcorp: the model alone on the corpus' own tokens, exact match of conlleval
chunks, micro F1 over PER/LOC/ORG (and over PER/LOC/ORG/MISC, the published
papers' setting); and the whole Arabic prediction of the NER stage (model,
name completion, clitic stripping, gazetteer and rules) on each sentence's
tokens joined by spaces, its character spans read back as the tokens they
touch (ANERcorp keeps clitics inside names, the stage leaves them out, so a
span that starts after a clitic counts from the clitic's token). ``--split dev``
scores the last 10 % of the train file (never trained on, the split to decide
on); the test split is reported, never tuned on. Seed: reader (+ repair when available and ``--repair``) +
NER stage on the raw article; exact raw-offset and type match against the gold
entities of every unit (titles, abstracts, keywords, paragraphs, list items).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.ner.train import EVAL_LABELS, default_data_dir, evaluate_on_sentences, span_prf  # noqa: E402

LABELS = ("PER", "ORG", "LOC", "PLATFORM", "DATE")
PUBLISHED = (
    "AraBERTv0.2-base 83.70, AraELECTRA 83.95, CAMeL Tools ~83, BiLSTM-CRF 81.7, mBERT 78.4 (4 types incl. MISC)"
)


def eval_anercorp(model: Path, data_dir: Path, split: str = "test") -> dict:
    """Scores of the model alone and of the stage's Arabic prediction on one ANERcorp split."""
    from pipeline.ner.stage import NerStage
    from pipeline.ner.train import load_corpora

    sentences = load_corpora(data_dir, use_aqmar=False)[split]
    stage = NerStage.from_path(model)
    return {
        "per_loc_org": evaluate_on_sentences(stage.nlp_ar, sentences, EVAL_LABELS),
        "with_misc": evaluate_on_sentences(stage.nlp_ar, sentences, (*EVAL_LABELS, "MISC")),
        "stage_per_loc_org": eval_stage_on_sentences(stage, sentences),
    }


#: Sentences of ANERcorp read as one article by the stage's article-level name completion.
ARTICLE_SENTENCES = 20


def eval_stage_on_sentences(stage, sentences: list) -> dict:  # type: ignore[no-untyped-def]
    """PER/LOC/ORG scores of ``stage.predict_ar`` on sentences, its character spans read back as tokens."""
    from pipeline.ner.convert import _spans

    texts, starts = [], []
    for sent in sentences:
        offsets, pos = [], 0
        for tok in sent.tokens:
            offsets.append(pos)
            pos += len(tok) + 1
        texts.append(" ".join(sent.tokens))
        starts.append(offsets)
    founds = stage.predict_ar(texts)
    if getattr(stage, "complete_names", False):
        from pipeline.ner.stage import complete_names_in_article

        # ANERcorp marks no article boundaries: runs of ARTICLE_SENTENCES sentences stand in for articles.
        for a in range(0, len(texts), ARTICLE_SENTENCES):
            founds[a : a + ARTICLE_SENTENCES] = complete_names_in_article(
                texts[a : a + ARTICLE_SENTENCES], founds[a : a + ARTICLE_SENTENCES]
            )
    gold, pred = [], []
    for i, (sent, found) in enumerate(zip(sentences, founds, strict=True)):
        gold += [(i, a, b, lab) for (a, b), lab in _spans(sent.tags)]
        offsets = starts[i]
        for f in found:
            first = max(j for j, o in enumerate(offsets) if o <= f.start)
            last = max(j for j, o in enumerate(offsets) if o < f.end)
            pred.append((i, first, last + 1, f.label))
    return span_prf(gold, pred, EVAL_LABELS)


def eval_seed(model: Path, gold_path: Path, *, repair: bool, show_errors: bool) -> dict:
    """Scores of reader + NER stage on the seed article against its gold entities."""
    from pipeline.ner.stage import NerStage
    from pipeline.reader import read_article

    units = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_article: dict[str, list[dict]] = {}
    for u in units:
        by_article.setdefault(u["article"], []).append(u)
    stage = NerStage.from_path(model)
    gold, pred = [], []
    for article_id, article_units in by_article.items():
        article = read_article(REPO / "corpus" / "raw" / f"{article_id}.txt")
        if repair:
            from pipeline.config import load_config
            from pipeline.repair.stage import RepairStage

            cfg = load_config()
            article = RepairStage.from_settings(cfg.stage_settings("repair"), cfg)(article)
        article = stage(article)
        regions = [tuple(s) for u in article_units if u["kind"] != "reference" for s in u["spans"]]
        gold += [(article_id, e["start"], e["end"], e["label"]) for u in article_units for e in u.get("entities", [])]
        pred += [
            (article_id, e.start, e.end, e.label)
            for e in article.entities
            if any(s <= e.start and e.end <= t for s, t in regions)
        ]
        if show_errors:
            raw = article.raw
            g, p = set(gold), set(pred)
            for kind, items in (("missed", g - p), ("spurious", p - g)):
                for _, s, e, lab in sorted(items, key=lambda x: x[1]):
                    print(f"{kind:9s} {lab:8s} {s:6d} {raw[s:e]!r}  ...{raw[max(0, s - 25) : s]!r}", file=sys.stderr)
    result = span_prf(gold, pred, LABELS)
    result["sources"] = dict(Counter(lab for *_, lab in pred))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=REPO / "models" / "ner-ar")
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--gold", type=Path, default=REPO / "corpus" / "gold" / "passages.jsonl")
    parser.add_argument("--only", choices=("anercorp", "seed"))
    parser.add_argument(
        "--split", choices=("dev", "test"), default="test", help="ANERcorp split (dev: decide; test: report)."
    )
    parser.add_argument("--repair", action="store_true", help="Run the repair stage before NER (seed).")
    parser.add_argument("--errors", action="store_true", help="List missed and spurious seed entities on stderr.")
    args = parser.parse_args(argv)
    out: dict = {"model": str(args.model)}
    if args.only in (None, "anercorp"):
        out[f"anercorp_{args.split}"] = eval_anercorp(args.model, args.data, args.split)
        out["published"] = PUBLISHED
    if args.only in (None, "seed"):
        if args.gold.is_file():
            out["seed_gold"] = eval_seed(args.model, args.gold, repair=args.repair, show_errors=args.errors)
        else:
            out["seed_gold"] = f"no gold file at {args.gold}"
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
