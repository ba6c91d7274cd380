"""The one place that imports camel-tools.

Only ``camel_tools.utils`` and ``camel_tools.tokenizers.word`` are used: they
need none of camel-tools' downloadable data and import neither torch nor
transformers, so start-up stays fast. Every other module calls these wrappers.

``camel_tools.utils.dediac`` and ``camel_tools.tokenizers.word`` are imported on
first use: both import ``camel_tools.utils.charsets``, which sorts all 1.1 million
Unicode code points by category when imported (0.7-1.3 s), and ``diplo repair``
needs neither.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

__all__ = [
    "FOREIGN_MARKS",
    "INVISIBLE_CHARACTERS",
    "arclean",
    "arclean_charmap",
    "dediac",
    "fold_glyphs",
    "normalize_alef",
    "normalize_alef_maksura",
    "normalize_teh_marbuta",
    "normalize_unicode",
    "simple_word_tokenize",
    "match_key",
    "presentation_forms",
    "to_buckwalter",
]


@lru_cache(maxsize=1)
def _dediac_ar() -> Callable[[str], str]:
    from camel_tools.utils.dediac import dediac_ar  # noqa: PLC0415 - slow import, see the module docstring

    return dediac_ar


@lru_cache(maxsize=1)
def _simple_word_tokenize() -> Callable[[str], list[str]]:
    from camel_tools.tokenizers.word import simple_word_tokenize  # noqa: PLC0415 - slow import, see above

    return simple_word_tokenize


def dediac(text: str) -> str:
    """Remove Arabic diacritics (harakat, tanween, shadda, sukun, dagger alef)."""
    return _dediac_ar()(text)


def normalize_alef(text: str) -> str:
    """Map أ إ آ ٱ to bare alef ا."""
    return normalize_alef_ar(text)


def normalize_alef_maksura(text: str) -> str:
    """Map alef maksura ى to ي."""
    return normalize_alef_maksura_ar(text)


def normalize_teh_marbuta(text: str) -> str:
    """Map teh marbuta ة to heh ه."""
    return normalize_teh_marbuta_ar(text)


def simple_word_tokenize(text: str) -> list[str]:
    """CAMeL Tools' punctuation-aware whitespace tokenizer."""
    return _simple_word_tokenize()(text)


@lru_cache(maxsize=1)
def _arclean_mapper() -> CharMapper:
    return CharMapper.builtin_mapper("arclean")


def arclean(text: str) -> str:
    """CAMeL Tools' ``arclean`` character map.

    It expands some characters and deletes others, so offsets move: use it
    only where offsets do not matter (matching keys, benchmarks).
    """
    return _arclean_mapper()(text)


def arclean_charmap() -> dict[str, str]:
    """The ``arclean`` map as ``{character: replacement}`` (a copy).

    Characters the map keeps unchanged are left out; characters it deletes map
    to ``""``. Callers pick the part they need and apply it themselves, so they
    can keep their own offsets.
    """
    mapper = _arclean_mapper()
    return {ch: rep for ch, rep in mapper._charmap.items() if rep is not None}


@lru_cache(maxsize=1)
def presentation_forms() -> dict[str, str]:
    """Arabic presentation-form code points (ﺍ ﻟ ﻻ ...) and their base letters, from ``arclean``.

    PDF text extraction often gives glyph codes instead of letters. Only this part of
    the ``arclean`` map is taken, so callers keep their own offsets; a lam-alef ligature
    maps to two letters (ﻻ -> لا).
    """
    return {
        ch: rep
        for ch, rep in arclean_charmap().items()
        if (0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFC) and rep
    }


#: Format characters that PDF text leaves inside words and that carry no letter: zero-width
#: space/joiners, direction marks and embeddings, the Arabic letter mark, soft hyphen, word
#: joiner, isolates, byte-order mark (none is special inside a regex character class).
INVISIBLE_CHARACTERS = (
    "\u200b\u200c\u200d\u200e\u200f\u061c\u00ad\u2060\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\ufeff"
)
#: Foreign combining marks that OCR leaves on Arabic letters: Latin accents, the Devanagari nukta.
FOREIGN_MARKS = "".join(map(chr, range(0x0300, 0x0370))) + "\u093c"


@lru_cache(maxsize=1)
def _glyph_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(ch): rep for ch, rep in presentation_forms().items()}
    table.update(dict.fromkeys(map(ord, INVISIBLE_CHARACTERS + FOREIGN_MARKS)))
    return table


def fold_glyphs(text: str) -> str:
    """Text with presentation-form glyph codes as letters (ﻻ -> لا) and no invisible characters
    or foreign combining marks, for comparing and matching; never used to change a document's
    text (the repair stage does that, with an edit for each change)."""
    return text.translate(_glyph_table())


def match_key(text: str) -> str:
    """A loose comparison key for Arabic strings: no diacritics or tatweel, alef/ya/ta-marbuta folded.

    Used to compare headings, keywords and gazetteer entries regardless of
    hamza spelling and vowel marks, of presentation-form glyph codes (ﺍﻟﻤﻠﺨﺺ) and of
    invisible characters inside words (a zero-width space in إعداد); never used to change text.
    """
    text = _dediac_ar()(fold_glyphs(text)).replace("\u0640", "")
    text = normalize_alef_ar(normalize_alef_maksura_ar(normalize_teh_marbuta_ar(text)))
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _ar2bw_mapper() -> CharMapper:
    return CharMapper.builtin_mapper("ar2bw")


def to_buckwalter(text: str) -> str:
    """Buckwalter transliteration of Arabic text (one ASCII character per Arabic letter).

    Used by the NER stage to compare an Arabic name with its English spelling
    (تويتر -> twytr ~ Twitter); other characters pass through unchanged.
    """
    return _ar2bw_mapper()(text)
