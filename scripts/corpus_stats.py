"""Counts of the gold corpus and agreement between the two independent annotation passes.

    python scripts/corpus_stats.py

Prints passages per label, entities per type, edits per damage kind, and
Cohen's kappa (labels) and F1 (entities) between corpus/gold/pass_a and
corpus/gold/pass_b, with every disagreement listed for adjudication.
"""

from __future__ import annotations

from collections import Counter

from sklearn.metrics import cohen_kappa_score

from pipeline.corpus import load_corpus, validate_corpus
from pipeline.document import overlaps
from pipeline.scoring import span_prf


def _pairs(a, b):
    """Body units of pass A matched with the pass-B unit they overlap most."""
    pairs = []
    for pa in a.passages:
        if not pa.is_body:
            continue
        best = max(b.passages, key=lambda pb: sum(overlaps(x, y) for x in pa.spans for y in pb.spans))
        if best.is_body and sum(overlaps(x, y) for x in pa.spans for y in best.spans):
            pairs.append((pa, best))
    return pairs


def main() -> None:
    gold = load_corpus()
    problems = validate_corpus(gold)
    print(f"gold: {len(gold.passages)} units, validation problems: {len(problems)}")
    print("units per kind:", dict(Counter(p.kind for p in gold.passages)))
    body = [p for p in gold.passages if p.is_body]
    print(f"body passages: {len(body)}")
    print("  main label:", dict(Counter(p.label for p in body).most_common()))
    print("  second label:", dict(Counter(p.label2 for p in body if p.label2).most_common()))
    print("entities per type:", dict(Counter(e.label for p in gold.passages for e in p.entities).most_common()))
    print("edits per kind:", dict(Counter(e.kind for p in gold.passages for e in p.edits).most_common()))
    print(f"abstract sentences: {len(gold.sentences)}, alignment links: {len(gold.links)}")

    a = load_corpus(gold_file="gold/pass_a/passages.jsonl")
    b = load_corpus(gold_file="gold/pass_b/passages.jsonl")
    pairs = _pairs(a, b)
    labels_a = [x.label for x, _ in pairs]
    labels_b = [y.label for _, y in pairs]
    kappa = cohen_kappa_score(labels_a, labels_b)
    agree = sum(x == y for x, y in zip(labels_a, labels_b)) / len(pairs)
    print(f"\nagreement on {len(pairs)} body passages: Cohen's kappa {kappa:.3f}, raw agreement {agree:.3f}")
    ents_a = [(e.start, e.end, e.label) for p in a.passages for e in p.entities]
    ents_b = [(e.start, e.end, e.label) for p in b.passages for e in p.entities]
    scores = span_prf(ents_b, ents_a)
    print(f"entities: pass A {len(ents_a)}, pass B {len(ents_b)}, F1 between passes {scores['ALL']['f1']:.3f}")
    for label, s in scores.items():
        if label != "ALL":
            print(f"  {label:<9} F1 {s['f1']:.3f}")
    print("\nlabel disagreements:")
    for x, y in pairs:
        if x.label != y.label:
            print(f"  {x.id}: A {x.label}/{x.label2}  B {y.label}/{y.label2}  {x.text[:60]}")
    print("entity disagreements:")
    raw = next(iter(a.raw.values()))
    for span in sorted(set(ents_a) ^ set(ents_b)):
        who = "A" if span in ents_a else "B"
        print(f"  only {who}: {span[2]:<8} {raw[span[0]:span[1]]!r}")


if __name__ == "__main__":
    main()
