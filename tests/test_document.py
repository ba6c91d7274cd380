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
