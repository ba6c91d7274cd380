"""Pure scoring functions over (predicted, gold) pairs.

Every function takes plain values and returns numbers or small dicts; none
reads files or models. Stages add their scorers here (one function each, with
a docstring and a test in ``tests/test_scoring.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import editdistance


def cer(hyp: str, ref: str) -> float:
    """Character error rate: Levenshtein distance over the reference length.

    Args:
        hyp: The system's text.
        ref: The gold text.

    Returns:
        ``distance / len(ref)`` (0.0 for two empty strings; ``len(hyp)`` when ``ref`` is empty).
    """
    if not ref:
        return float(len(hyp))
    return editdistance.eval(hyp, ref) / len(ref)


def wer(hyp: str, ref: str) -> float:
    """Word error rate over whitespace tokens.

    Args:
        hyp: The system's text.
        ref: The gold text.

    Returns:
        Word-level Levenshtein distance over the number of reference words.
    """
    h, r = hyp.split(), ref.split()
    if not r:
        return float(len(h))
    return editdistance.eval(h, r) / len(r)


def _field(edit: Any, name: str) -> Any:
    return edit[name] if isinstance(edit, dict) else getattr(edit, name)


def _edit_span(edit: Any) -> tuple[int, int]:
    return _field(edit, "start"), _field(edit, "end")


def _item_span(item: tuple[int, int, str, Any]) -> tuple[int, int]:
    return item[0], item[1]


def _apply(text: str, start: int, end: int, edits: Sequence[Any]) -> str:
    """``text[start:end]`` with the edits (inside that span) applied."""
    out = []
    pos = start
    for e in sorted(edits, key=_edit_span):
        s, t = _field(e, "start"), _field(e, "end")
        out.append(text[pos:s])
        out.append(_field(e, "replacement"))
        pos = max(pos, t)
    out.append(text[pos:end])
    return "".join(out)


def edit_prf(pred_edits: Iterable[Any], gold_edits: Iterable[Any], text: str) -> dict[str, float]:
    """Precision, recall and F1 of predicted edits against gold edits, judged by outcome.

    Edits are objects or dicts with ``start``, ``end`` (offsets into ``text``)
    and ``replacement``. Overlapping or touching edits of both sides form a
    group; a group is correct when applying its predicted edits gives the same
    string as applying its gold edits. So a whole-word edit and a one-letter
    edit that produce the same word agree, and a right span with a wrong
    replacement counts as both a false positive and a false negative.

    Args:
        pred_edits: The system's applied edits.
        gold_edits: The gold edits.
        text: The text both refer to.

    Returns:
        ``precision``, ``recall``, ``f1`` and the counts ``tp_pred``, ``tp_gold``,
        ``n_pred``, ``n_gold`` (precision = tp_pred / n_pred, recall = tp_gold / n_gold;
        1.0 when the denominator is 0).
    """
    items = [(_field(e, "start"), _field(e, "end"), "p", e) for e in pred_edits]
    items += [(_field(e, "start"), _field(e, "end"), "g", e) for e in gold_edits]
    items.sort(key=_item_span)
    groups: list[list[tuple[int, int, str, Any]]] = []
    group_end = -1
    for it in items:
        if groups and it[0] <= group_end:
            groups[-1].append(it)
            group_end = max(group_end, it[1])
        else:
            groups.append([it])
            group_end = it[1]
    tp_p = tp_g = n_p = n_g = 0
    for g in groups:
        preds = [x[3] for x in g if x[2] == "p"]
        golds = [x[3] for x in g if x[2] == "g"]
        n_p += len(preds)
        n_g += len(golds)
        if preds and golds:
            s = min(x[0] for x in g)
            e = max(x[1] for x in g)
            if _apply(text, s, e, preds) == _apply(text, s, e, golds):
                tp_p += len(preds)
                tp_g += len(golds)
    precision = tp_p / n_p if n_p else 1.0
    recall = tp_g / n_g if n_g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp_pred": tp_p,
        "tp_gold": tp_g,
        "n_pred": n_p,
        "n_gold": n_g,
    }


def span_prf(
    predicted: Iterable[tuple[Any, ...]], gold: Iterable[tuple[Any, ...]]
) -> dict[str, dict[str, float]]:
    """Exact-match precision, recall and F1 of labelled spans, per label and overall (micro).

    A span is a tuple whose last item is its label: ``(start, end, label)``, or
    ``(article, start, end, label)`` when several texts are scored together (the
    same offsets in two articles are two spans). A predicted span counts only
    when the gold has the same tuple, as in spaCy's ``Scorer.score_spans``;
    duplicates count once.

    Args:
        predicted: The system's spans.
        gold: The gold spans.

    Returns:
        ``{label: {"p", "r", "f1", "tp", "n_pred", "n_gold"}}`` for every label seen on
        either side, plus ``"ALL"`` for the micro average. A 0/0 ratio is 0.
    """
    pred_set, gold_set = set(predicted), set(gold)
    labels = sorted({s[-1] for s in pred_set | gold_set})

    def scores(p: set, g: set) -> dict[str, float]:
        tp = len(p & g)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"p": precision, "r": recall, "f1": f1, "tp": tp, "n_pred": len(p), "n_gold": len(g)}

    out = {
        label: scores({s for s in pred_set if s[-1] == label}, {s for s in gold_set if s[-1] == label})
        for label in labels
    }
    out["ALL"] = scores(pred_set, gold_set)
    return out
