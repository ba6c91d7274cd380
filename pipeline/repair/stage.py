"""The repair stage: runs :func:`~pipeline.repair.core.repair_text` on every Arabic passage."""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import accumulate
from pathlib import Path
from typing import Any

from ..config import PROJECT_ROOT, PipelineConfig
from ..document import Article, Edit, Passage
from ..errors import ConfigError, InputError
from .core import RepairResult, repair_glyphs, repair_text, token_counts, warm_up
from .edit_log import apply_edits, check_edits
from .lexicon import Lexicon
from .settings import RepairSettings

#: Passage kinds repaired by default (references keep their mixed-script bibliographic text;
#: only presentation-form glyph codes in them are written as letters).
DEFAULT_KINDS = ("abstract", "paragraph", "list_item")


def load_repair_settings(overrides: dict[str, Any] | None = None, root: Path = PROJECT_ROOT) -> RepairSettings:
    """Repair settings: ``configs/repair.toml`` ``[repair]``, then ``overrides`` on top.

    Args:
        overrides: A ``[stages.repair]`` table; its ``config`` key may name another TOML
            file (relative to ``root``) to read instead of ``configs/repair.toml``.
            ``lexicon`` entries are merged key by key.
        root: The project root that relative paths refer to.

    Raises:
        ConfigError: A named settings file is missing, the settings file is not TOML, or a
            setting is unknown or mistyped.
    """
    overrides = dict(overrides or {})
    overrides.pop("enabled", None)
    overrides.pop("kinds", None)
    named = overrides.pop("config", None)
    path = root / (named or "configs/repair.toml")
    if named is not None and not path.is_file():
        # A settings file asked for by name must exist: silently using the defaults would hide a typo.
        raise ConfigError(f"{path}: repair settings file not found")
    base: dict[str, Any] = {}
    if path.exists():
        try:
            base = dict(tomllib.loads(path.read_text(encoding="utf-8")).get("repair", {}))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    lexicon = {**base.get("lexicon", {}), **overrides.pop("lexicon", {})}
    base.update(overrides)
    base["lexicon"] = lexicon
    return RepairSettings.from_dict(base, source=str(path))


def _gap(passage: Passage, raw: str, start: int, end: int) -> bool:
    """Whether the passage's reading text ``[start, end)`` is one space standing for a page's end:
    raw text that is not the passage's (the notes, page number and running head between its two
    pages) or a form feed."""
    if passage.text[start:end] != " ":
        return False
    a, b = passage.text_map.span_to_raw(start, end)
    return any(not ch.isspace() or ch == "\f" for ch in raw[a:b])


#: A half of a word that moves over a page: its text, the edits it absorbs, the reading span it leaves.
_Moved = tuple[str, list[int], tuple[int, int]]


def _joins_over_gaps(
    passage: Passage, edits: list[Edit], raw: str
) -> tuple[dict[int, list[tuple[int, int, str]]], set[int]]:
    """Raw edits of the joins of a word broken across a page (its halves on two pages).

    The reading text's space between the halves stands for the end of one page and the start of
    the next; deleting that raw run would delete the notes and running head with it. A half moves
    instead: the second is written after the first at the first page's end and deleted, with the
    space after it, at the next page's start; or, when the passage ends with the second half, the
    first moves forward the same way. A half moves only when its raw text is its reading text (no
    note marker inside) and no other edit reaches into it from outside; its own edits (a letter
    fixed in it) are made in the moved text and left out of the log, their raw characters being
    deleted. A join that no half can make so gets no raw edit, and the stage takes it out of the
    clean text too.

    Returns:
        The raw ``(start, end, replacement)`` edits by index into ``edits`` (an empty list: the
        join cannot be made in the raw text), and the indices of the edits the moved halves absorbed.
    """
    moved: dict[int, list[tuple[int, int, str]]] = {}
    absorbed: set[int] = set()
    text, tmap = passage.text, passage.text_map
    applied = [j for j, other in enumerate(edits) if other.status == "applied"]
    deletions = [j for j in applied if not edits[j].replacement]

    def touched(j: int, start: int, end: int) -> bool:
        return edits[j].start < end and start < edits[j].end or edits[j].start == edits[j].end == start

    def movable(k: int, lo: int, hi: int, space: tuple[int, int] | None, shared: bool = True) -> _Moved | None:
        """The half ``[lo, hi)`` with its fixes, the edits it absorbs and the reading span to delete
        (with ``space``, unless another edit takes it: a deleted run after the second half; a first
        half whose space another join takes, «ال» / «دي» / page / «نية», does not move: ``shared``)."""
        if space is not None and any(touched(j, *space) for j in applied if j != k):
            if not shared:
                return None
            space = None  # (another edit deletes that space: junk after the half)
        cut = (min(lo, space[0]) if space else lo, max(hi, space[1]) if space else hi)
        inside = [j for j in applied if j != k and lo <= edits[j].start and edits[j].end <= hi]
        if any(touched(j, *cut) for j in applied if j != k and j not in inside):
            return None
        a, b = tmap.span_to_raw(*cut)
        if re.sub(r"\s+", " ", raw[a:b]) != re.sub(r"\s+", " ", text[cut[0] : cut[1]]):
            return None  # a note marker inside the half: not the reading text's characters
        half = text[lo:hi]
        if inside:
            shifted = [replace(edits[j], start=edits[j].start - lo, end=edits[j].end - lo) for j in inside]
            half, _ = apply_edits(half, shifted)
        return half, inside, cut

    for k in applied:
        e = edits[k]
        if e.rule != "split_words" or e.replacement or not _gap(passage, raw, e.start, e.end):
            continue
        moved[k] = []
        half_end = e.end
        while half_end < len(text) and not text[half_end].isspace():
            half_end += 1
        if half_end < len(text) and text[half_end] == " ":  # (after a tab, the first half moves)
            space = (half_end, half_end + 1)
            found = movable(k, e.end, half_end, space)
            if found is not None:
                half, inside, cut = found
                at = tmap.to_raw(e.start)
                moved[k] = [(at, at, half), (*tmap.span_to_raw(*cut), "")]
                absorbed.update(inside)
                if cut[1] == half_end:
                    # The space after the half opens deleted runs (junk, a leaked sentence): the
                    # space after the last of them goes instead, the page's end now standing
                    # between the words.
                    after = half_end
                    while runs := [j for j in deletions if j != k and edits[j].start == after]:
                        after = max(edits[j].end for j in runs)
                    if (
                        after > half_end
                        and text[after : after + 1].isspace()
                        and not any(touched(j, after, after + 1) for j in applied)
                    ):
                        moved[k].append((*tmap.span_to_raw(after, after + 1), ""))
                    elif after > half_end:
                        moved[k] = []  # (no space to take: the first half moves instead)
                if moved[k]:
                    continue
        half_start = e.start
        while half_start > 0 and not text[half_start - 1].isspace():
            half_start -= 1
        if half_start > 0 and text[half_start - 1] != " ":
            continue  # (a tab or a no-break space before it: no move keeps the text as it reads)
        space = (half_start - 1, half_start) if half_start > 0 else None
        found = movable(k, half_start, e.start, space, shared=False)
        if found is not None:
            half, inside, cut = found
            at = tmap.to_raw(e.end)
            moved[k] = [(*tmap.span_to_raw(*cut), ""), (at, at, half)]
            absorbed.update(inside)
    for k in applied:
        # A sentence repeated over a page whose second copy ends the passage («... الاقتصادية» /
        # page / «الاقتصادية.»): no space after the copy can go with the page's end kept, so the
        # first copy goes instead, with the space before it (the same clean text).
        e = edits[k]
        if e.rule != "duplicate" or e.replacement or k in moved or not _gap(passage, raw, e.start, e.start + 1):
            continue
        if e.end < len(text) and text[e.end] == " ":
            continue  # (the space after the copy goes: :func:`_raw_edits`)
        copy = text[e.start + 1 : e.end]
        lo = e.start - len(copy)
        if lo < 1 or text[lo : e.start] != copy or text[lo - 1] != " " or _gap(passage, raw, lo - 1, lo):
            continue
        if any(touched(j, lo - 1, e.start) for j in applied if j != k):
            continue
        a, b = tmap.span_to_raw(lo - 1, e.start)
        if re.sub(r"\s+", " ", raw[a:b]) == text[lo - 1 : e.start]:
            moved[k] = [(a, b, "")]
    return moved, absorbed


def _raw_edits(passage: Passage, edit: Edit, raw: str) -> list[tuple[int, int, str]]:
    """Raw ``(start, end, replacement)`` of an edit made on the passage's reading text.

    An applied edit whose text crosses a place where the reading text leaves raw characters
    out (a footnote marker such as ``⁽²⁸⁾``, taken out as a citation) is split there, so that
    no edit claims to replace the marker: applying the raw edits keeps the marker and the
    reading text of the result is the repaired text. Pieces that stay as they were at either
    end are left out; the replacement goes to the first changed piece, the others are deleted,
    except the space that stands for a page's end and the next page's start (notes, running
    head), which stays.
    """
    tmap = passage.text_map
    if edit.end == edit.start:
        start = tmap.to_raw(edit.start)
        return [(start, start, edit.replacement)]
    cuts = [edit.start]
    for prev, seg in zip(tmap.segments, tmap.segments[1:], strict=False):
        if edit.start < seg.d_start < edit.end and (
            prev.r_end != seg.r_start
            or _gap(passage, raw, prev.d_start, prev.d_end)
            or _gap(passage, raw, seg.d_start, seg.d_end)
        ):
            cuts.append(seg.d_start)
    cuts.append(edit.end)
    if len(cuts) == 2 or edit.status != "applied":
        if edit.status == "applied" and not edit.replacement and _gap(passage, raw, edit.start, edit.end):
            return []  # never the page's end (its notes, its running head)
        start, end = tmap.span_to_raw(edit.start, edit.end)
        return [(start, end, edit.replacement)]
    text = passage.text
    pieces = list(zip(cuts, cuts[1:], strict=False))
    replacement = edit.replacement
    while len(pieces) > 1 and replacement.startswith(text[pieces[0][0] : pieces[0][1]]):
        replacement = replacement[pieces[0][1] - pieces[0][0] :]
        pieces.pop(0)
    while len(pieces) > 1 and replacement.endswith(text[pieces[-1][0] : pieces[-1][1]]):
        replacement = replacement[: len(replacement) - (pieces[-1][1] - pieces[-1][0])]
        pieces.pop()
    out = []
    for k, (a, b) in enumerate(pieces):
        start, end = tmap.span_to_raw(a, b)
        piece_replacement = replacement if k == 0 else ""
        if piece_replacement == "" and _gap(passage, raw, a, b):
            # The page's end stays, and the space it stands for takes the place of a space
            # next to the deleted run, which goes instead: one space, as in the clean text.
            for s in (edit.end, edit.start - 1):
                if 0 <= s < len(text) and text[s] == " " and not _gap(passage, raw, s, s + 1):
                    out.append((*tmap.span_to_raw(s, s + 1), ""))
                    break
        elif text[a:b] != piece_replacement:
            out.append((start, end, piece_replacement))
    return sorted(out)


#: Characters that end a line of the raw text (form feeds: a page break).
_LINE_END = re.compile("[\n\r\f\v\x85\u2028\u2029]")


def line_break_spaces(passage: Passage, raw: str) -> list[int]:
    """Offsets of the spaces of the passage's reading text that stand for a line or page break.

    The reader joins a paragraph's lines (and its pieces on two pages) with a space; the
    repair stage joins a word broken at such a place on weaker evidence than one broken by
    a space inside a line (see ``line_join_margin``). A space is a break when the raw text it
    maps to holds a line-end character, or when it maps to no raw text at all (a space put
    between two raw pieces).
    """
    text = passage.text
    out = []
    for seg in passage.text_map.segments:
        if seg.d_end - seg.d_start == seg.r_end - seg.r_start:
            for m in _LINE_END.finditer(raw, seg.r_start, seg.r_end):
                at = seg.d_start + m.start() - seg.r_start
                if text[at] == " ":
                    out.append(at)
        elif text[seg.d_start : seg.d_end] == " ":
            if seg.r_start == seg.r_end or _LINE_END.search(raw, seg.r_start, seg.r_end):
                out.append(seg.d_start)
    return out


class RepairStage:
    """Repairs OCR damage in the Arabic passages of an article.

    Sets ``passage.clean_text`` and ``passage.clean_map`` (clean -> raw offsets)
    and appends every edit, applied or flagged, to ``article.edits`` with raw
    offsets and the passage id. Passages of other kinds (references) get only their
    presentation-form glyph codes written as letters, when they have any.
    """

    name = "repair"
    requires = ("structure",)
    provides = ("clean_text",)

    def __init__(
        self, lexicon: Lexicon | None, settings: RepairSettings, kinds: tuple[str, ...] = DEFAULT_KINDS
    ) -> None:
        #: None for a stage that only makes the edits of reviewed logs (``log_only``): it cannot repair.
        self.lexicon = lexicon
        self.settings = settings
        self.kinds = kinds

    @classmethod
    def from_settings(cls, settings: dict[str, Any], config: PipelineConfig | None = None) -> "RepairStage":
        """Build the stage from its ``[stages.repair]`` table; loads the lexicons once, and warms them.

        With ``log_only = true`` (what ``diplo run --edits`` sets) no lexicon is loaded (about 5 s
        saved): the stage only makes the applied edits of the reviewed log each article carries
        (an article without edits keeps its text as it is, as with an empty log).

        Raises:
            ConfigError: A bad setting.
            ModelError: The second lexicon is required but not installed.
        """
        root = config.root if config is not None else PROJECT_ROOT
        kinds = settings.get("kinds", DEFAULT_KINDS)
        if not isinstance(kinds, (list, tuple)) or not all(isinstance(k, str) for k in kinds):
            raise ConfigError(f"[stages.repair] kinds: expected a list of passage kinds, found {kinds!r}")
        settings = dict(settings)
        log_only = settings.pop("log_only", False)
        if not isinstance(log_only, bool):
            raise ConfigError(f"[stages.repair] log_only: expected true or false, found {log_only!r}")
        rs = load_repair_settings(settings, root=root)
        if log_only:
            return cls(None, rs, tuple(kinds))
        lexicon = Lexicon.load(rs.lexicon)
        warm_up(lexicon, rs)  # Hunspell and the indexes now (~3 s), not on the first article
        return cls(lexicon, rs, tuple(kinds))

    def repair(self, text: str) -> RepairResult:
        """Repair one text with the stage's lexicons and settings (those of ``diplo run``).

        Returns:
            The clean text, the edit log (offsets into ``text``) and the clean -> ``text`` map.
        """
        if not isinstance(text, str):
            raise TypeError(f"repair() takes a text (str), found {type(text).__name__}")
        if self.lexicon is None:
            raise ConfigError("repair(): this repair stage was built with log_only = true and loaded no lexicon")
        return repair_text(text, self.lexicon, self.settings)

    def __call__(self, article: Article) -> Article:
        """Repair every Arabic passage of ``article`` (in place) and return it.

        An article that arrives with edits already (a reviewed edit log put there by
        ``diplo run --edits``, see :func:`~pipeline.repair.edit_log.load_edit_log`) is not
        repaired again: its ``applied`` edits are made in their passages, so later stages
        read the reviewed text.
        """
        if article.edits or self.lexicon is None:
            return apply_reviewed_log(article, self.kinds)
        repaired = [p for p in article.passages if p.text and p.lang == "ar" and p.kind in self.kinds]
        results = self._repair_passages(repaired, article.raw)
        for passage in article.passages:
            if not passage.text:
                continue
            if passage.lang == "ar" and passage.kind in self.kinds:
                result = results[id(passage)]
            else:
                result = repair_glyphs(passage.text, self.lexicon)  # references: only the glyph codes
                if not result.edits:
                    continue
            moved, absorbed = _joins_over_gaps(passage, result.edits, article.raw)
            while any(not raw_edits for raw_edits in moved.values()):
                # A join over a page that no half can make in the raw text is not made at all: the
                # clean text is what the raw edit log makes of the raw text.
                undone = {k for k, raw_edits in moved.items() if not raw_edits}
                kept = [e for k, e in enumerate(result.edits) if k not in undone]
                clean, cmap = apply_edits(passage.text, kept)
                result = RepairResult(clean=clean, edits=kept, map=cmap)
                moved, absorbed = _joins_over_gaps(passage, result.edits, article.raw)
            passage.clean_text = result.clean
            passage.clean_map = passage.text_map.compose(result.map)
            for k, e in enumerate(result.edits):
                if k in absorbed:
                    continue
                for start, end, replacement in moved[k] if k in moved else _raw_edits(passage, e, article.raw):
                    article.edits.append(
                        Edit(
                            start=start,
                            end=end,
                            original=article.raw[start:end],
                            replacement=replacement,
                            rule=e.rule,
                            confidence=e.confidence,
                            kind=e.kind,
                            status=e.status,
                            suggestions=list(e.suggestions),
                            passage_id=passage.id,
                        )
                    )
        return article

    def _repair_passages(self, passages: list[Passage], raw: str) -> dict[int, RepairResult]:
        """Repair the passages' texts in one call, then split the result back per passage.

        Every pass of :func:`repair_text` looks no further than a line (a duplicated run, a
        leaked sentence, a word's neighbours, a split word's halves), so the passages joined
        by line breaks are repaired as one by one (names are counted over the whole article
        either way), and most of what a short passage cost was the call itself. Should an edit
        ever cross from one passage into the next, the passages are repaired one by one instead.
        """
        if not passages:
            return {}
        assert self.lexicon is not None
        texts = [p.text for p in passages]
        if any("\n" in t or "\r" in t for t in texts):
            return self._repair_one_by_one(passages, raw)
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        line_ends = [start + k for p, start in zip(passages, starts) for k in line_break_spaces(p, raw)]
        joined = repair_text("\n".join(texts), self.lexicon, self.settings, line_ends=line_ends)
        owned: list[list[Edit]] = [[] for _ in passages]
        for e in joined.edits:
            k = bisect.bisect_right(starts, e.start) - 1
            if e.end > starts[k] + len(texts[k]):
                return self._repair_one_by_one(passages, raw)
            owned[k].append(replace(e, start=e.start - starts[k], end=e.end - starts[k]))
        results = {}
        for passage, text, edits in zip(passages, texts, owned, strict=True):
            clean, omap = apply_edits(text, edits)
            results[id(passage)] = RepairResult(clean=clean, edits=edits, map=omap)
        return results

    def _repair_one_by_one(self, passages: list[Passage], raw: str) -> dict[int, RepairResult]:
        """Each passage repaired on its own, names counted over all of them."""
        assert self.lexicon is not None
        doc_counts = token_counts(p.text for p in passages)
        return {
            id(p): repair_text(p.text, self.lexicon, self.settings, doc_counts, line_break_spaces(p, raw))
            for p in passages
        }

    def pipe(self, articles: Iterable[Article], batch_size: int = 8) -> Iterator[Article]:
        """Repair a stream of articles, in order."""
        for article in articles:
            yield self(article)


def apply_reviewed_log(article: Article, kinds: tuple[str, ...] = DEFAULT_KINDS) -> Article:
    """Make the ``applied`` edits of the article's (reviewed) edit log in its passages.

    Each edit goes to the passage it names (``passage_id``, as in a ``diplo run`` JSON) or
    else to the passage one of whose raw pieces holds its start (a ``diplo repair --json`` log of the
    whole text). Edits outside every passage (in a heading or the front matter, which the
    stage does not repair) are taken out of the log, with a warning that quotes the applied
    ones. A warning also says that the article's own log was used.
    Flagged and rejected edits stay in the log and change nothing. As in a repair run,
    every Arabic passage of ``kinds`` gets a ``clean_text`` (its text when no edit applies).

    Raises:
        InputError: An edit's ``original`` is not at its raw offsets, applied edits
            overlap, or an edit cannot be made in its passage's reading text.
    """
    source = article.source or "<edit log>"
    check_edits(article.edits, article.raw, source)
    by_id = {p.id: p for p in article.passages}
    pieces = sorted((start, end, p.id) for p in article.passages for start, end in p.spans)
    starts = [start for start, _, _ in pieces]
    owned: dict[str, list[Edit]] = {}
    kept: list[Edit] = []
    outside: list[Edit] = []
    for e in article.edits:
        passage = by_id.get(e.passage_id or "")
        if passage is None or not passage.start <= e.start <= e.end <= passage.end:
            # The passage one of whose raw pieces holds the edit's start (an edit may run
            # over a page break into the passage's next piece, never past its end).
            k = bisect.bisect_right(starts, e.start) - 1
            passage = None
            if k >= 0 and e.start <= pieces[k][1]:
                candidate = by_id[pieces[k][2]]
                passage = candidate if e.end <= candidate.end else None
        if passage is None:
            outside.append(e)
            continue
        e.passage_id = passage.id
        kept.append(e)
        owned.setdefault(passage.id, []).append(e)
    for passage in article.passages:
        edits = owned.get(passage.id, [])
        if not edits and not (passage.text and passage.lang == "ar" and passage.kind in kinds):
            continue
        passage_id = passage.id
        tmap = passage.text_map
        text_edits = []
        for e in edits:
            if e.status != "applied":
                continue
            a, b = tmap.span_from_raw(e.start, e.end)
            text_edits.append(
                Edit(a, b, passage.text[a:b], e.replacement, e.rule, e.confidence, e.kind, e.status)
            )
        try:
            clean, cmap = apply_edits(passage.text, text_edits)
        except ValueError as exc:
            raise InputError(source, f"edit log: cannot apply the edits of passage {passage_id} ({exc})") from None
        passage.clean_text = clean
        passage.clean_map = tmap.compose(cmap)
    article.edits = kept
    counts = {status: sum(e.status == status for e in kept) for status in ("applied", "flagged", "rejected")}
    note = (
        "repair: the article's own edit log was used instead of repairing "
        f"({counts['applied']} applied, {counts['flagged']} flagged, {counts['rejected']} rejected)"
    )
    if note not in article.warnings:  # said once, however often the article is run again
        article.warnings.append(note)
    lost = [e for e in outside if e.status == "applied"]
    if lost:
        places = ", ".join(f"{e.start}:{e.end} {e.original!r} -> {e.replacement!r}" for e in lost[:3])
        article.warnings.append(
            f"repair: {len(lost)} applied edit(s) of the log lie outside the passages the pipeline reads "
            f"(headings, front matter) and were not made: {places}{' ...' if len(lost) > 3 else ''}"
        )
    return article
