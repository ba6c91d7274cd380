"""Tests of the pure scorers in pipeline.scoring."""

from __future__ import annotations

import pytest

from pipeline.document import Edit
from pipeline.scoring import cer, edit_prf, span_prf, wer

RAW = "وصل حجم مستخدمي الإنترنط الى 3 مليارات عبر الإنترن特"


def _e(start: int, end: int, replacement: str) -> Edit:
    return Edit(start=start, end=end, original=RAW[start:end], replacement=replacement, rule="t", confidence=1.0)


def test_cer_and_wer_on_real_damage():
    gold = "وصل حجم مستخدمي الإنترنت الى 3 مليارات"
    assert cer(gold, gold) == 0.0
    assert cer("وصل حجم مستخدمي الإنترنط الى 3 مليارات", gold) == pytest.approx(1 / len(gold))
    assert wer("وصل حجم مستخدمي الإنترنط الى 3 مليارات", gold) == pytest.approx(1 / 7)
    assert cer("", "") == 0.0 and cer("ab", "") == 2.0
    assert wer("", "") == 0.0


def test_edit_prf_judges_by_outcome_not_by_span():
    w = RAW.index("الإنترنط")
    gold = [_e(w, w + 8, "الإنترنت")]  # whole word
    pred = [_e(w + 7, w + 8, "ت")]  # one letter, same result
    s = edit_prf(pred, gold, RAW)
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0)


def test_edit_prf_counts_wrong_replacement_as_fp_and_fn():
    w = RAW.index("الإنترنط")
    gold = [_e(w + 7, w + 8, "ت")]
    pred = [_e(w + 7, w + 8, "ن"), _e(0, 0, " ")]
    s = edit_prf(pred, gold, RAW)
    assert s["tp_pred"] == 0 and s["n_pred"] == 2 and s["recall"] == 0.0
    assert edit_prf([], [], RAW)["precision"] == 1.0


def test_edit_prf_groups_split_deletions():
    # Gold deletes the first copy of a duplicate, the system the second: same text, both right.
    text = "أ ب ج د أ ب ج د."
    gold = [{"start": 0, "end": 8, "replacement": ""}]
    pred = [{"start": 7, "end": 15, "replacement": ""}]
    s = edit_prf(pred, gold, text)
    assert s["precision"] == 1.0 and s["recall"] == 1.0


def test_span_prf_per_label_and_overall():
    gold = [(0, 5, "PER"), (10, 15, "ORG")]
    pred = [(0, 5, "PER"), (10, 14, "ORG"), (20, 25, "LOC")]
    s = span_prf(pred, gold)
    assert s["PER"]["f1"] == 1.0
    assert s["ORG"]["p"] == 0.0 and s["ORG"]["r"] == 0.0
    assert s["LOC"]["n_gold"] == 0
    assert s["ALL"]["tp"] == 1 and s["ALL"]["p"] == pytest.approx(1 / 3) and s["ALL"]["r"] == 0.5
