"""The repair stage: runs :func:`~pipeline.repair.core.repair_text` on every Arabic passage."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..config import PROJECT_ROOT, PipelineConfig
from ..document import Article, Edit, Passage
from ..errors import ConfigError
from .core import repair_glyphs, repair_text
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


def _raw_edits(passage: Passage, edit: Edit) -> list[tuple[int, int, str]]:
    """Raw ``(start, end, replacement)`` of an edit made on the passage's reading text.

    An applied edit whose text crosses a place where the reading text leaves raw characters
    out (a footnote marker such as ``⁽²⁸⁾``, taken out as a citation) is split there, so that
    no edit claims to replace the marker: applying the raw edits keeps the marker and the
    reading text of the result is the repaired text. Pieces that stay as they were at either
    end are left out; the replacement goes to the first changed piece, the others are deleted.
    """
    tmap = passage.text_map
    if edit.end == edit.start:
        start = tmap.to_raw(edit.start)
        return [(start, start, edit.replacement)]
    cuts = [edit.start]
    for prev, seg in zip(tmap.segments, tmap.segments[1:], strict=False):
        if edit.start < seg.d_start < edit.end and prev.r_end != seg.r_start:
            cuts.append(seg.d_start)
    cuts.append(edit.end)
    if len(cuts) == 2 or edit.status != "applied":
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
        if text[a:b] != piece_replacement:
            out.append((start, end, piece_replacement))
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

    def __init__(self, lexicon: Lexicon, settings: RepairSettings, kinds: tuple[str, ...] = DEFAULT_KINDS) -> None:
        self.lexicon = lexicon
        self.settings = settings
        self.kinds = kinds

    @classmethod
    def from_settings(cls, settings: dict[str, Any], config: PipelineConfig | None = None) -> "RepairStage":
        """Build the stage from its ``[stages.repair]`` table; loads the lexicons once.

        Raises:
            ConfigError: A bad setting.
            ModelError: The second lexicon is required but not installed.
        """
        root = config.root if config is not None else PROJECT_ROOT
        kinds = settings.get("kinds", DEFAULT_KINDS)
        if not isinstance(kinds, (list, tuple)) or not all(isinstance(k, str) for k in kinds):
            raise ConfigError(f"[stages.repair] kinds: expected a list of passage kinds, found {kinds!r}")
        rs = load_repair_settings(settings, root=root)
        return cls(Lexicon.load(rs.lexicon), rs, tuple(kinds))

    def __call__(self, article: Article) -> Article:
        """Repair every Arabic passage of ``article`` (in place) and return it."""
        for passage in article.passages:
            if not passage.text:
                continue
            if passage.lang == "ar" and passage.kind in self.kinds:
                result = repair_text(passage.text, self.lexicon, self.settings)
            else:
                result = repair_glyphs(passage.text, self.lexicon)  # references: only the glyph codes
                if not result.edits:
                    continue
            passage.clean_text = result.clean
            passage.clean_map = passage.text_map.compose(result.map)
            for e in result.edits:
                for start, end, replacement in _raw_edits(passage, e):
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

    def pipe(self, articles: Iterable[Article], batch_size: int = 8) -> Iterator[Article]:
        """Repair a stream of articles, in order."""
        for article in articles:
            yield self(article)
