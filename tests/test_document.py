"""The shared data objects: offset maps and the JSON round trip."""

from __future__ import annotations

import json

import pytest

from pipeline.document import SCHEMA_VERSION, Article, OffsetMap, Segment
from pipeline.errors import SchemaError


def test_json_round_trip_of_the_seed_is_lossless(seed_article):
    text = seed_article.to_json()
    again = Article.from_json(text)
    assert again == seed_article
    assert again.to_json() == text
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION


def test_round_trip_keeps_offset_maps_usable(seed_article):
    again = Article.from_json(seed_article.to_json())
    for passage in again.passages:
        s, e = passage.text_map.span_to_raw(0, len(passage.text))
        assert s == passage.start
        assert passage.start < e <= passage.end


def test_unknown_schema_version_is_refused(seed_article):
    data = seed_article.to_dict()
    data["schema_version"] = "0.1"
    with pytest.raises(SchemaError, match="schema version"):
        Article.from_dict(data)


def test_not_an_article_is_refused():
    with pytest.raises(SchemaError):
        Article.from_json('{"hello": 1}')
    with pytest.raises(SchemaError, match="not JSON"):
        Article.from_json("{")


def test_offset_map_linear_and_replaced_runs():
    # derived "ab_cd" from raw "ab\n\ncd": the separator replaces two newlines.
    m = OffsetMap([Segment(0, 2, 10, 12), Segment(2, 3, 12, 14), Segment(3, 5, 14, 16)])
    assert m.to_raw(0) == 10
    assert m.to_raw(1) == 11
    assert m.to_raw(3) == 14
    assert m.span_to_raw(0, 2) == (10, 12)
    assert m.span_to_raw(3, 5) == (14, 16)
    assert m.span_to_raw(0, 5) == (10, 16)


def test_offset_map_compose_maps_a_repair_back_to_raw():
    outer = OffsetMap([Segment(0, 5, 100, 105), Segment(5, 6, 105, 109), Segment(6, 10, 109, 113)])
    # A repair replaced derived[2:4] (2 chars) by 3 chars.
    inner = OffsetMap([Segment(0, 2, 0, 2), Segment(2, 5, 2, 4), Segment(5, 11, 4, 10)])
    combined = outer.compose(inner)
    assert combined.to_raw(0) == 100
    assert combined.span_to_raw(2, 5) == (102, 104)
    assert combined.span_to_raw(7, 11) == (109, 113)


def test_offset_map_from_raw_inverts_to_raw_on_a_small_map():
    # derived "ab_cdXef" from raw "ab\n\ncd!ef": a separator replaces two newlines, the "!" is
    # deleted (a gap in raw) and "X" inserted before "ef" (an empty raw run).
    runs = [(0, 2, 10, 12), (2, 3, 12, 14), (3, 5, 14, 16), (5, 6, 17, 17), (6, 8, 17, 19)]
    m = OffsetMap([Segment(*run) for run in runs])
    assert [m.from_raw(r) for r in (10, 11, 14, 15, 17, 18)] == [0, 1, 3, 4, 6, 7]
    assert m.from_raw(13) == 2 and m.from_raw(13, end=True) == 3  # inside the replaced run: outwards
    assert m.from_raw(16) == 5 and m.from_raw(16, end=True) == 5  # the deleted "!" sits between "d" and "X"
    assert m.from_raw(17, end=True) == 5  # an inserted text is outside spans that end or start at it...
    assert m.from_raw(17) == 6
    assert m.span_from_raw(17, 17) == (5, 6)  # ... but it is the derived span of its empty raw span
    assert m.span_from_raw(16, 17) == (5, 5)  # the deleted "!"
    assert m.span_from_raw(13, 19) == (2, 8)
    assert m.from_raw(0) == 0 and m.from_raw(99, end=True) == 8  # clamped outside the map
    with pytest.raises(ValueError, match="empty"):
        OffsetMap().from_raw(0)


@pytest.fixture(scope="module")
def repaired_seed(seed_path):
    """The seed read and repaired (the repair stage only: its maps have deletions, insertions, replaced runs)."""
    from pipeline.runner import Pipeline

    return Pipeline.from_config(None, disable=["align", "ner", "classify"])(seed_path)


def _linear(seg: Segment) -> bool:
    return seg.d_end - seg.d_start == seg.r_end - seg.r_start and seg.d_end > seg.d_start


def test_offset_map_from_raw_inverts_to_raw_on_the_seed(repaired_seed):
    maps = [(p.id, m) for p in repaired_seed.passages for m in (p.text_map, p.best_map)]
    replaced = [pid for pid, m in maps if any(not _linear(s) and s.d_end > s.d_start for s in m.segments)]
    assert len({pid for pid, m in maps if m is not None}) == len(repaired_seed.passages)
    assert replaced, "no repaired passage with a replaced run: the test would check only linear maps"
    for pid, m in maps:
        for seg in filter(_linear, m.segments):
            for d in range(seg.d_start, seg.d_end):
                assert m.from_raw(m.to_raw(d)) == d, (pid, d)
                r = seg.r_start + d - seg.d_start
                assert m.to_raw(m.from_raw(r)) == r, (pid, r)
            for d in range(seg.d_start + 1, seg.d_end + 1):
                assert m.from_raw(m.to_raw(d, end=True), end=True) == d, (pid, d)


def test_from_raw_puts_every_applied_edit_of_the_seed_in_its_passage(repaired_seed):
    applied = [e for e in repaired_seed.edits if e.status == "applied"]
    assert len(applied) > 20
    for edit in applied:
        passage = repaired_seed.passage(edit.passage_id)
        m = passage.best_map
        start, end = m.span_from_raw(edit.start, edit.end)
        # The repaired text holds exactly the replacement where the original was (a deletion: nothing).
        assert passage.best_text[start:end] == edit.replacement, edit
        assert repaired_seed.raw[edit.start : edit.end] == edit.original


@pytest.mark.parametrize(
    "document",
    [
        '{"raw": "x", "schema_version": "1.0", "title_ar": "abc"}',
        '{"raw": "x", "schema_version": "1.0", "edits": 5}',
        '{"raw": "x", "schema_version": "1.0", "passages": [{"id": 1}]}',
    ],
)
def test_fields_of_the_wrong_shape_are_a_schema_error(document):
    # A span given as a string used to surface as AttributeError from deep inside the decoder.
    with pytest.raises(SchemaError, match="schema 1.0|Passage"):
        Article.from_json(document)
