"""Strict and lax alignment scores (pipeline.align.metrics)."""

from __future__ import annotations

import pytest

from pipeline.align.metrics import AlignmentScores, parse_bead_line, score_alignment, score_documents

GOLD = [((0,), (0, 1)), ((1,), (2,)), ((2, 3), (3,)), ((), (4,)), ((4,), (5,))]


def test_perfect():
    s = score_alignment(GOLD, GOLD)
    assert s.strict_f1 == 1.0 and s.lax_f1 == 1.0


def test_split_bead_is_lax_not_strict():
    pred = [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2, 3), (3,)), ((), (4,)), ((4,), (5,))]
    s = score_alignment(pred, GOLD)
    # precision: 6 predicted beads, 4 exact; (0)-(0) overlaps gold -> lax hit; null (1) is not in gold -> lax miss
    assert (s.strict_tp_p, s.strict_fp, s.lax_tp_p, s.lax_fp) == (4, 2, 5, 1)
    # recall ignores null beads: 4 gold non-null beads, 3 found exactly, the 1-2 one overlaps a prediction
    assert (s.strict_tp_r, s.strict_fn, s.lax_tp_r, s.lax_fn) == (3, 1, 4, 0)
    assert s.strict_p == pytest.approx(4 / 6) and s.strict_r == pytest.approx(3 / 4)
    assert s.lax_r == 1.0


def test_wrong_everything():
    pred = [((0,), (5,)), ((4,), (0,))]
    s = score_alignment(pred, GOLD)
    assert s.strict_f1 == 0.0 and s.lax_f1 == 0.0


def test_pooled_over_documents():
    total = score_documents([(GOLD, GOLD), ([((0,), (1,))], [((0,), (0,))])])
    assert total.strict_tp_p == 5 and total.strict_fp == 1
    assert isinstance(total, AlignmentScores)


def test_empty_is_zero_not_error():
    assert score_alignment([], []).strict_f1 == 0.0


def test_parse_bead_line():
    assert parse_bead_line("[0]:[0, 1]") == ((0,), (0, 1))
    assert parse_bead_line("[]:[22]\n") == ((), (22,))
    with pytest.raises(ValueError, match="expected a bead"):
        parse_bead_line("0:1")
