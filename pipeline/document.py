"""The shared data objects of the pipeline and their JSON form.

Every stage takes an :class:`Article` and returns it enriched. All spans are
``(start, end)`` character offsets into :attr:`Article.raw`, the decoded text
exactly as read (no normalisation), so any annotation can be traced back to
the characters the user handed in.

Texts derived from the raw text (a passage's reading text with footnote
markers removed and page-break fragments joined, or its repaired text) carry
an :class:`OffsetMap` that maps every derived offset back to raw offsets.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from .errors import SchemaError

SCHEMA_VERSION = "1.0"

#: Passage kinds the reader produces.
PASSAGE_KINDS = (
    "abstract",
    "paragraph",
    "list_item",
    "reference",
    "footnote",
    "table",  # a table with its caption and source: neither repaired, tagged nor classified
)

#: Entity types of the project.
ENTITY_LABELS = ("PER", "ORG", "LOC", "PLATFORM", "DATE")

#: Damage kinds of repair edits (``Edit.kind``), as defined in corpus/GUIDELINES.md.
EDIT_KINDS = (
    "foreign_script",
    "glued_script",
    "persian_letter",
    "stray_diacritic",
    "letter_confusion",
    "merged_words",
    "split_words",
    "duplicate",
    "leaked_translation",
    "interface_junk",
    "real_word",
    "invisible",
    "tatweel",
    "other",
)

#: Passage classes of the project; ``other`` is outside the scheme.
PASSAGE_LABELS = ("concept", "goal", "tool", "risk", "example")


@dataclass
class Segment:
    """One run of a derived text that maps onto one run of raw text.

    ``derived[d_start:d_end]`` came from ``raw[r_start:r_end]``. When both runs
    have the same length the mapping is character by character; otherwise
    (a replacement, an inserted separator) offsets inside the run map to its
    raw boundaries.
    """

    d_start: int
    d_end: int
    r_start: int
    r_end: int


def _blank(raw: str | None, start: int, end: int) -> bool:
    """Whether ``raw[start:end]`` is known and only white space."""
    return raw is not None and not raw[start:end].strip()


@dataclass
class OffsetMap:
    """Maps offsets of a derived text back to offsets of the raw text."""

    segments: list[Segment] = field(default_factory=list)

    @classmethod
    def identity(cls, raw_start: int, length: int) -> OffsetMap:
        """A map for a derived text that is ``raw[raw_start:raw_start+length]``."""
        return cls([Segment(0, length, raw_start, raw_start + length)])

    def _starts(self) -> list[int]:
        # Kept between lookups (a passage's map is asked thousands of times while maps are
        # composed); rebuilt when the segment list is replaced or grows.
        cache = self.__dict__.get("_starts_cache")
        if cache is None or cache[0] is not self.segments or cache[1] != len(self.segments):
            cache = (self.segments, len(self.segments), [s.d_start for s in self.segments])
            self.__dict__["_starts_cache"] = cache
        return cache[2]

    def _find_index(self, offset: int) -> int:
        if not self.segments:
            raise ValueError("empty offset map")
        return max(0, bisect.bisect_right(self._starts(), offset) - 1)

    def _find(self, offset: int) -> Segment:
        return self.segments[self._find_index(offset)]

    def to_raw(self, offset: int, *, end: bool = False) -> int:
        """Raw offset of a derived offset.

        Args:
            offset: Offset into the derived text (0 <= offset <= len).
            end: Treat the offset as an exclusive end, so an end that falls on
                a segment boundary maps to the end of the preceding segment.

        Returns:
            The corresponding offset into the raw text.
        """
        if end and offset > 0:
            seg = self._find(offset - 1)
            if offset >= seg.d_end:
                return seg.r_end
        else:
            seg = self._find(offset)
        if seg.d_end - seg.d_start == seg.r_end - seg.r_start:
            return seg.r_start + min(offset - seg.d_start, seg.r_end - seg.r_start)
        # A replaced run: its inside has no character-level counterpart.
        if offset <= seg.d_start:
            return seg.r_start
        return seg.r_end if end or offset >= seg.d_end else seg.r_start

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of a derived span."""
        return self.to_raw(start), self.to_raw(end, end=True)

    def raw_runs(self, start: int, end: int, max_gap: int = 0, raw: str | None = None) -> list[tuple[int, int]]:
        """The runs of raw text a derived span comes from, in order: raw ``(start, end)`` pairs, two runs
        joined when at most ``max_gap`` raw characters the derived text left out lie between them,
        or (given the ``raw`` text) when those characters are only white space.

        A span whose derived text joins two places of the raw text (words on either side of a
        footnote block the reader took out, or replaced by a space) has more than one run; a name
        broken over an indented line is one run.
        """
        runs: list[tuple[int, int]] = []
        if not self.segments or end <= start:
            return runs
        broken = False
        for i in range(self._find_index(start), len(self.segments)):
            seg = self.segments[i]
            if seg.d_start >= end:
                break
            s, e = max(start, seg.d_start), min(end, seg.d_end)
            if e <= s:
                continue
            left_out = (seg.r_end - seg.r_start) - (seg.d_end - seg.d_start)
            if left_out > max_gap and not _blank(raw, seg.r_start, seg.r_end):
                broken = True  # a long raw run replaced by a short one (a footnote block by a space)
                continue
            r_start, r_end = self.to_raw(s), self.to_raw(e, end=True)
            if runs and not broken and (r_start - runs[-1][1] <= max_gap or _blank(raw, runs[-1][1], r_start)):
                runs[-1] = (runs[-1][0], max(runs[-1][1], r_end))
            else:
                runs.append((r_start, r_end))
            broken = False
        return runs

    def from_raw(self, offset: int, *, end: bool = False) -> int:
        """Derived offset of a raw offset: the inverse of :meth:`to_raw`.

        The segments are taken in order, with raw runs that do not go backwards (as the reader
        and the repair stage build them). Raw characters the derived text left out (a footnote
        marker, a deleted character) map to the derived offset where they would have been; a
        raw offset inside a replaced run maps outwards, to the run's derived start (or end with
        ``end=True``), so a span that touches a replacement covers all of it. Text inserted at a
        raw offset (an added space) is left outside spans that start or end there.

        Args:
            offset: Offset into the raw text.
            end: Treat the offset as an exclusive end.

        Returns:
            The corresponding offset into the derived text, clamped to it (0 before the first
            segment, its length after the last).

        Raises:
            ValueError: The map is empty.
        """
        if not self.segments:
            raise ValueError("empty offset map")
        if not end:
            for seg in self.segments:
                if seg.r_end > offset:  # the first run that reaches past the offset
                    if offset <= seg.r_start:
                        return seg.d_start
                    if seg.d_end - seg.d_start == seg.r_end - seg.r_start:
                        return seg.d_start + offset - seg.r_start
                    return seg.d_start
            return self.segments[-1].d_end
        for seg in reversed(self.segments):
            if seg.r_start < offset:  # the last run that begins before the end
                if offset >= seg.r_end:
                    return seg.d_end
                if seg.d_end - seg.d_start == seg.r_end - seg.r_start:
                    return seg.d_start + offset - seg.r_start
                return seg.d_end
        return self.segments[0].d_start

    def span_from_raw(self, start: int, end: int) -> tuple[int, int]:
        """Derived ``(start, end)`` of a raw span (see :meth:`from_raw`).

        An empty raw span (where a repair inserted text) gives the inserted text; a raw span
        the derived text left out entirely gives an empty span where it was.
        """
        if start == end:
            a, b = self.from_raw(start, end=True), self.from_raw(start)
            return min(a, b), max(a, b)
        d_start, d_end = self.from_raw(start), self.from_raw(end, end=True)
        return (d_start, d_end) if d_start <= d_end else (d_end, d_end)

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Chain maps: ``inner`` maps a newer text onto this map's derived text.

        Returns a map from the newer text straight to raw offsets.
        """
        if len(self.segments) == 1 and len(inner.segments) == 1:
            # The common case (a passage of one raw run that repair left as it was): the loop
            # below would give this one segment too.
            outer, seg = self.segments[0], inner.segments[0]
            n = outer.d_end - outer.d_start
            if (
                outer.d_start == seg.d_start == seg.r_start == 0
                and seg.d_end == seg.r_end == n == outer.r_end - outer.r_start
            ):
                return OffsetMap([Segment(0, n, outer.r_start, outer.r_end)])
        out = []
        for seg in inner.segments:
            r_start = self.to_raw(seg.r_start)
            r_end = self.to_raw(seg.r_end, end=True) if seg.r_end > seg.r_start else r_start
            if seg.d_end - seg.d_start == seg.r_end - seg.r_start and r_end - r_start != seg.r_end - seg.r_start:
                # Equal-length run over a non-linear part of the outer map: split it where the
                # outer map's segments split, character by character only over non-linear ones.
                x = seg.r_start
                while x < seg.r_end:
                    outer = self.segments[self._find_index(x)]
                    stop = min(seg.r_end, outer.d_end) if outer.d_end > x else x + 1
                    linear = outer.d_end - outer.d_start == outer.r_end - outer.r_start
                    if linear and stop > x:
                        a = self.to_raw(x)
                        out.append(Segment(seg.d_start + x - seg.r_start, seg.d_start + stop - seg.r_start, a, a + stop - x))
                        x = stop
                        continue
                    a = self.to_raw(x)
                    b = self.to_raw(x + 1, end=True)
                    out.append(Segment(seg.d_start + x - seg.r_start, seg.d_start + x + 1 - seg.r_start, a, b))
                    x += 1
                continue
            out.append(Segment(seg.d_start, seg.d_end, r_start, r_end))
        return OffsetMap(_merge_segments(out))


def _merge_segments(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for seg in segments:
        if merged:
            last = merged[-1]
            linear_last = last.d_end - last.d_start == last.r_end - last.r_start
            linear_seg = seg.d_end - seg.d_start == seg.r_end - seg.r_start
            if linear_last and linear_seg and last.d_end == seg.d_start and last.r_end == seg.r_start:
                last.d_end, last.r_end = seg.d_end, seg.r_end
                continue
        merged.append(Segment(seg.d_start, seg.d_end, seg.r_start, seg.r_end))
    return merged


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past any whitespace at the edges of ``text[start:end]``.

    Empty (``start == end``) when the span holds only whitespace.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass
class TextSpan:
    """A piece of text with its raw offsets (a title, a keyword, a metadata value)."""

    text: str
    start: int
    end: int


@dataclass
class Citation:
    """A footnote marker such as ``⁽¹²⁾`` taken out of a passage's text."""

    number: int
    start: int
    end: int


@dataclass
class Sentence:
    """A sentence of a passage; ``start``/``end`` are raw offsets."""

    id: str
    text: str
    start: int
    end: int
    lang: str


@dataclass
class Entity:
    """A named entity; ``start``/``end`` are raw offsets."""

    text: str
    label: str
    start: int
    end: int
    lang: str
    passage_id: str | None = None
    source: str = "model"
    score: float | None = None


@dataclass
class EntityLink:
    """An entity of the English part linked to the same entity in the Arabic part."""

    en: int
    ar: int
    score: float
    method: str = ""


@dataclass
class AlignmentLink:
    """A bead of the bilingual alignment.

    ``ar`` and ``en`` hold sentence ids (or keyword / title ids); either may be
    empty for an unaligned sentence (1-0 or 0-1).
    """

    kind: str
    ar: list[str]
    en: list[str]
    score: float


@dataclass
class Edit:
    """One repair of the raw text, reviewable and reversible.

    ``raw[start:end] == original`` and, when ``status == 'applied'``, the
    repaired text has ``replacement`` in its place. ``flagged`` edits are
    suggestions for review that were not applied; ``rejected`` marks an edit a
    reviewer undid (see :mod:`pipeline.repair.edit_log`).

    ``decision`` says who decided: empty when the repair rules did (``confidence``
    is then the rule's), ``accepted`` when a reviewer made a flagged suggestion
    (``status`` applied; ``confidence`` stays the rule's, for the record), ``rejected``
    when a reviewer undid the edit.
    """

    start: int
    end: int
    original: str
    replacement: str
    rule: str
    confidence: float
    kind: str = ""
    status: str = "applied"
    suggestions: list[str] = field(default_factory=list)
    passage_id: str | None = None
    decision: str = ""


@dataclass
class Section:
    """A headed section of the body."""

    id: str
    heading: str
    level: int
    start: int
    end: int
    number: str | None = None
    parent: str | None = None


@dataclass
class Passage:
    """A unit of running text: an abstract, a paragraph, a list item or a reference.

    ``text`` is the reading text: the raw pieces (``spans``) joined, with
    footnote markers removed; ``text_map`` maps it back to raw offsets.
    ``clean_text`` (with ``clean_map``) is filled by the repair stage.
    """

    id: str
    kind: str
    lang: str
    text: str
    spans: list[tuple[int, int]]
    text_map: OffsetMap
    section_id: str | None = None
    number: str | None = None
    citations: list[Citation] = field(default_factory=list)
    clean_text: str | None = None
    clean_map: OffsetMap | None = None
    sentences: list[Sentence] = field(default_factory=list)
    label: str | None = None
    label_probs: dict[str, float] = field(default_factory=dict)
    label_cues: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Raw offset where the passage begins."""
        return self.spans[0][0]

    @property
    def end(self) -> int:
        """Raw offset where the passage ends."""
        return self.spans[-1][1]

    @property
    def best_text(self) -> str:
        """The repaired text when there is one, else the reading text."""
        return self.clean_text if self.clean_text is not None else self.text

    @property
    def best_map(self) -> OffsetMap:
        """The offset map of :attr:`best_text`."""
        return self.clean_map if self.clean_map is not None else self.text_map


@dataclass
class Article:
    """An article and everything the stages found in it."""

    raw: str
    source: str | None = None
    encoding: str = "utf-8"
    metadata: dict[str, TextSpan] = field(default_factory=dict)
    title_ar: TextSpan | None = None
    title_en: TextSpan | None = None
    keywords_ar: list[TextSpan] = field(default_factory=list)
    keywords_en: list[TextSpan] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    structure_spans: list[tuple[int, int]] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    entity_links: list[EntityLink] = field(default_factory=list)
    alignments: list[AlignmentLink] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def passages_of(self, kind: str, lang: str | None = None) -> list[Passage]:
        """Passages of one kind (and language), in reading order."""
        return [p for p in self.passages if p.kind == kind and (lang is None or p.lang == lang)]

    def abstract(self, lang: str) -> list[Passage]:
        """The abstract's paragraphs in ``lang`` ('ar' or 'en')."""
        return self.passages_of("abstract", lang)

    def body_passages(self) -> list[Passage]:
        """Paragraphs and list items of the body, in reading order."""
        return [p for p in self.passages if p.kind in ("paragraph", "list_item")]

    def passage(self, passage_id: str) -> Passage:
        """The passage with this id."""
        for p in self.passages:
            if p.id == passage_id:
                return p
        raise KeyError(passage_id)

    def section_of(self, passage: Passage) -> Section | None:
        """The section a passage belongs to, if any."""
        for s in self.sections:
            if s.id == passage.section_id:
                return s
        return None

    # -- JSON ---------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the whole article (schema :data:`SCHEMA_VERSION`)."""
        return _to_jsonable(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The article as a JSON document."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output.

        Raises:
            SchemaError: The document is not an article of a known schema version.
        """
        if not isinstance(data, dict) or "raw" not in data:
            raise SchemaError("not an article document: no 'raw' field")
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise SchemaError(f"article schema version {version!r} is not the supported {SCHEMA_VERSION!r}")
        try:
            return _from_jsonable(cls, data)
        except SchemaError:
            raise
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            # A field of the wrong shape ("title_ar": "abc" where a span object belongs).
            raise SchemaError(f"not an article document of schema {SCHEMA_VERSION}: {type(exc).__name__}: {exc}") from None

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an article from :meth:`to_json` output."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"not JSON: {exc}") from None
        return cls.from_dict(data)


def _to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {k: _to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_to_jsonable(v) for v in obj]
    return obj


_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Segment,
        OffsetMap,
        TextSpan,
        Citation,
        Sentence,
        Entity,
        EntityLink,
        AlignmentLink,
        Edit,
        Section,
        Passage,
        Article,
    )
}


def _from_jsonable(cls: type, data: dict[str, Any]) -> Any:
    hints = {f.name: f.type for f in dataclasses.fields(cls)}
    kwargs = {}
    for name, value in data.items():
        if name not in hints:
            raise SchemaError(f"unknown field {name!r} in {cls.__name__}")
        kwargs[name] = _convert(str(hints[name]), value)
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise SchemaError(f"{cls.__name__}: {exc}") from None


def _convert(hint: str, value: Any) -> Any:
    if value is None:
        return None
    hint = hint.replace(" | None", "")
    if hint in _TYPES:
        return _from_jsonable(_TYPES[hint], value)
    if hint.startswith("list[") and hint.endswith("]"):
        inner = hint[5:-1]
        return [_convert(inner, v) for v in value]
    if hint.startswith("dict[str, ") and hint.endswith("]"):
        inner = hint[len("dict[str, ") : -1]
        return {k: _convert(inner, v) for k, v in value.items()}
    if hint.startswith("tuple["):
        return tuple(value)
    return value


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of characters two ``(start, end)`` spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
