"""Thresholds of the repair stage, read from ``configs/repair.toml`` or ``[stages.repair]``."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import ConfigError


@dataclass(frozen=True)
class RepairSettings:
    """When the corrector may change a word, and when it only flags it.

    A non-word is corrected automatically only when its best candidate is
    close (``auto_max_cost``), common (``auto_min_zipf``) and clearly ahead of
    the runner-up (``auto_margin`` on the score ``zipf - cost_weight * cost``).
    """

    auto_max_cost: float = 0.6
    auto_min_zipf: float = 2.5
    auto_margin: float = 0.6
    #: A dearer candidate (cost up to ``clear_max_cost``) is applied only with this margin,
    #: and only when it is this frequent (a transliterated name keeps its letters: الآيبياد).
    clear_max_cost: float = 0.8
    clear_margin: float = 1.0
    clear_min_zipf: float = 3.5
    cost_weight: float = 2.0
    flag_max_cost: float = 1.0
    #: A form wordfreq knows but rarely sees (Zipf below this) and Hunspell rejects is treated as
    #: a likely typo when a candidate is at least ``rare_gap`` Zipf more frequent (الإنترت).
    rare_max_zipf: float = 2.0
    rare_gap: float = 2.5
    rare_min_len: int = 6
    #: Hunspell accepts some forms wordfreq never saw (overgeneration: يبز); such a form is corrected
    #: only towards a candidate this frequent, else flagged.
    hunspell_only_min_zipf: float = 3.5
    #: ... but only when shorter than this: a longer form Hunspell accepts is a real inflection far
    #: more often than OCR damage (duals المؤشران, rare plurals خاويات), so it is flagged, never changed.
    hunspell_veto_min_len: int = 4
    #: A merged word is split when both halves are at least this frequent (or the first is a particle).
    split_min_zipf: float = 3.0
    #: Weighted cost of a split (منرسم → من رسم), and of one at a seam no word has (ة/ى before, ال after).
    split_cost: float = 0.4
    split_seam_cost: float = 0.2
    #: Without a telling seam or a context pair, both halves must be this frequent and this long.
    split_plain_min_zipf: float = 9.0
    split_plain_min_len: int = 4
    #: Two valid neighbours are joined (رسم ية → رسمية) only with a context model that never saw
    #: them as a pair, when the joined word is this frequent and a half is short or rarer than
    #: ``join_max_half_zipf``.
    join_min_zipf: float = 3.0
    join_max_half_zipf: float = 3.0
    #: A joined word the context text never saw must be at least this frequent.
    join_unseen_min_zipf: float = 3.0
    #: Two valid neighbours on either side of a line break of the source (a word OCR or the PDF
    #: broke at the line's end without a hyphen: العد / الة) are joined, besides the cases above,
    #: when the context text never saw them as a pair, the joined word is ``line_join_min_zipf``
    #: frequent and its Zipf exceeds what the two words side by side would have by chance
    #: (Zipf left + Zipf right - 9) by this margin (a negative value: never).
    line_join_margin: float = 3.5
    #: ... and the joined word at least this frequent.
    line_join_min_zipf: float = 2.0
    #: Candidates filling a Latin run inside an Arabic word (توiter) must be this frequent to apply.
    latin_fill_min_zipf: float = 4.5
    #: An unknown form seen this often in one text is taken for a name: flagged, not corrected,
    #: unless its correction is a very common word (Zipf >= name_override_zipf).
    name_min_repeats: int = 3
    name_override_zipf: float = 4.5
    #: Weight of the context model's bonus (log10(1 + pair count) per neighbour) in candidate scores.
    context_weight: float = 1.5
    #: A form the context model's text has this often is a word, whatever the lexicons say.
    context_known_count: int = 1
    #: Real-word errors: a valid word never seen with its neighbours is flagged when a more common
    #: close variant (one inner letter, ``realword_min_gap`` Zipf more common) was seen with them
    #: this often (0 = off), and replaced from this many on.
    realword_min_pairs: int = 2
    realword_apply_pairs: int = 1000
    realword_min_gap: float = 1.5
    min_duplicate_words: int = 4
    min_leaked_words: int = 5
    persian_letters: bool = True
    remove_tatweel: bool = True
    lexicon: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None, *, source: str = "repair settings") -> "RepairSettings":
        """Validate and build settings.

        Args:
            data: A mapping of setting names to values (unknown names are errors).
            source: Where the mapping came from, for messages.

        Raises:
            ConfigError: An unknown setting or a value of the wrong type.
        """
        data = dict(data or {})
        data.pop("enabled", None)
        data.pop("config", None)
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name not in known:
                raise ConfigError(f"{source}: unknown repair setting {name!r}; known: {', '.join(sorted(known))}")
            default = getattr(cls, name, None) if name != "lexicon" else {}
            expected = type(default)
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise ConfigError(
                    f"{source}: setting {name!r} expects {expected.__name__}, found {type(value).__name__} {value!r}"
                )
            kwargs[name] = value
        return cls(**kwargs)
