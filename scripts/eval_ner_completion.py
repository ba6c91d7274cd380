"""Score the person-name completion of the NER stage on ANERcorp dev and test.

Usage:
    python scripts/eval_ner_completion.py                       # model alone vs model + completion
    python scripts/eval_ner_completion.py --sweep               # stem-check thresholds, dev only
    python scripts/eval_ner_completion.py --changes dev         # spans the stem check changes on dev

The Arabic prediction path of the stage is the model plus
:func:`pipeline.ner.stage.complete_person_names` over ``doc.ents`` (as
``NerStage._predict_ar`` does). Here the docs are built from the corpus' own
tokens (as :func:`pipeline.ner.train.evaluate_on_sentences` does) so that the
spans compare with the gold chunks; clitic stripping, rules and the merge of the
stage work on characters and are left out. Dev is the last 10 % of
ANERCorp_CamelLab_train (never trained on, :func:`pipeline.ner.train.load_corpora`);
thresholds are chosen on dev only, test is reported, never tuned on.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.ner.convert import TaggedSentence, _spans  # noqa: E402
from pipeline.ner.stage import complete_person_names, load_lexicons, load_model  # noqa: E402
from pipeline.ner.train import EVAL_LABELS, default_data_dir, load_corpora, span_prf  # noqa: E402


def tagged_docs(nlp: Any, sentences: list[TaggedSentence]) -> list[Any]:
    """The model's docs over the corpus' own tokens."""
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=s.tokens, spaces=[True] * len(s.tokens)) for s in sentences]
    return list(nlp.pipe(docs, batch_size=256))


def score(
    sentences: list[TaggedSentence], docs: list[Any], lexicons: tuple[set[str], dict[str, int]] | None, **kwargs: Any
) -> tuple[dict[str, Any], set[tuple[int, int, int, str]]]:
    """PER/LOC/ORG scores of the docs' entities, completed when ``lexicons`` is given."""
    gold, pred = [], []
    for i, (sent, doc) in enumerate(zip(sentences, docs, strict=True)):
        gold += [(i, a, b, lab) for (a, b), lab in _spans(sent.tags)]
        ents = doc.ents if lexicons is None else complete_person_names(doc, lexicons[1], lexicons[0], **kwargs)
        pred += [(i, e.start, e.end, e.label_) for e in ents]
    return span_prf(gold, pred, EVAL_LABELS), set(pred)


def brief(result: dict[str, Any]) -> dict[str, Any]:
    """Micro P/R/F and PER P/R/F."""
    m, per = result["micro"], result["per_type"]["PER"]
    return {
        "micro": {k: m[k] for k in ("p", "r", "f", "tp", "pred")},
        "PER": {k: per[k] for k in ("p", "r", "f", "tp", "pred")},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=REPO / "models" / "ner-ar")
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--sweep", action="store_true", help="Try stem-check thresholds on dev.")
    parser.add_argument("--changes", choices=("dev", "test"), help="List spans the stem check changes.")
    args = parser.parse_args(argv)

    nlp = load_model(args.model)
    lexicons = load_lexicons(args.model)
    data = load_corpora(args.data, use_aqmar=False)
    docs = {part: tagged_docs(nlp, data[part]) for part in ("dev", "test")}
    has_stem_check = "min_stem_count" in inspect.signature(complete_person_names).parameters
    out: dict[str, Any] = {"model": str(args.model), "stem_check_available": has_stem_check}
    for part in ("dev", "test"):
        out[part] = {
            "model_alone": brief(score(data[part], docs[part], None)[0]),
            "model_plus_completion": brief(score(data[part], docs[part], lexicons)[0]),
        }
        if has_stem_check:
            out[part]["completion_without_stem_check"] = brief(
                score(data[part], docs[part], lexicons, min_stem_count=None)[0]
            )
    if args.sweep and has_stem_check:
        sweep = {}
        for count in (None, 2, 3, 5, 10, 20, 50):
            sweep[f"min_stem_count={count}"] = brief(score(data["dev"], docs["dev"], lexicons, min_stem_count=count)[0])
        out["dev_sweep"] = sweep
    if args.changes and has_stem_check:
        part = args.changes
        gold = {(i, a, b, lab) for i, s in enumerate(data[part]) for (a, b), lab in _spans(s.tags)}
        _, old = score(data[part], docs[part], lexicons, min_stem_count=None)
        _, new = score(data[part], docs[part], lexicons)
        for tag, items in (("dropped", old - new), ("added", new - old)):
            for i, a, b, lab in sorted(items):
                toks = data[part][i].tokens
                verdict = "correct" if (i, a, b, lab) in gold else "wrong"
                print(f"{tag} {verdict:7s} {lab} {' '.join(toks[a:b])}  | {' '.join(toks[b : b + 2])}", file=sys.stderr)
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
