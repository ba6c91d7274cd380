"""Word features from outside the training corpus for the Arabic NER model (experimental).

The model learns words from 125k tokens of ANERcorp; most names of a new text are not among them
(49 % of the test split's person tokens have no vector). Two things known about a word from much
larger data can still tell a name from an ordinary word, and spaCy can embed both beside the word:

* how the word behaves in wordfreq's Arabic frequency list (620k words counted in Wikipedia, news,
  subtitles and web text; CC BY-SA 4.0): how frequent its base is (the word without its proclitics)
  and whether that base takes the article «ال» — a foreign name almost never does
  (واشنطن Zipf 4.9, الواشنطن 2.9; جورج 5.0, الجورج absent), a noun mostly does (المفاوضات ≥ مفاوضات).
  Set as the token's ``tag_`` ("z5a2": Zipf bucket of the base, article bucket);
* whether the word begins or continues a name of the maintained gazetteers (CLDR and pycountry
  country names, CLDR and GeoNames cities, the organisations table, nisba adjectives of countries),
  never of the names mined from the NER corpora or tagged by a model (a feature a training name
  always has would teach the model to trust it more than it deserves on new text). Set as the
  token's ``lemma_`` ("B-LOC", "I-ORG", "LOCw" for a town whose name is mostly an ordinary word,
  "NIS" for a nisba, "O").

The ``diplo_word_features`` component sets both; ``MultiHashEmbed`` embeds them through its ``TAG``
and ``LEMMA`` attributes. It has no weights or state: the features are computed from wordfreq and
the gazetteer when the pipeline runs, so the model's config must name it before ``tok2vec`` and,
for training, in ``[training] annotating_components``.

The shipped model does not use it (``configs/ner_ar.cfg``); ``configs/ner_ar_features.cfg`` trains with
it, and ``models/ner-ar/MODEL_CARD.md`` ("Word features from wordfreq and the gazetteers") has what it
gained and why it is not shipped yet.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import camel
from .gazetteer import Gazetteer, key, load_gazetteer
from .rules import restore_article

#: Proclitics tried before a base word (the conjunction, a preposition, both). The stage's list
#: (``pipeline.ner.rules.PROCLITICS``) has فك as well, which would read «فكان» as فك + ان here.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
#: Gazetteer id prefixes of names mined from the NER corpora or typed by a model: not features.
MINED_ID_PREFIXES = ("anercorp:", "model:", "un:")
#: Longest gazetteer name matched, in tokens.
MAX_NAME_TOKENS = 5


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("ar", "large")


def _zipf(word: str) -> float:
    freq = _frequencies().get(word)
    return math.log10(freq) + 9 if freq else 0.0


def _after_proclitics(word: str) -> Iterator[str]:
    """What may follow a proclitic of :data:`PROCLITICS` in ``word``, the article of a fused لل restored."""
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            yield restore_article(word, len(clitic), word[len(clitic) :])  # للمفاوضات: ل + المفاوضات


def base_word(word: str) -> str:
    """The word without the proclitics that make it rarer: the candidate with the highest Zipf."""
    best, best_zipf = word, _zipf(word)
    for rest in _after_proclitics(word):
        z = _zipf(rest)
        if z > best_zipf:
            best, best_zipf = rest, z
    return best


@lru_cache(maxsize=1 << 18)
def frequency_feature(word: str) -> str:
    """``z{bucket}a{bucket}``: the Zipf bucket of the word's base and how its base takes «ال».

    Article bucket: ``n`` no Arabic letters; ``x`` the noun is in no form in the list; otherwise
    the difference of Zipf between the form with the article and the form without, in five buckets
    from ``0`` (never with it) to ``4`` (mostly with it).
    """
    word = camel.dediac(word).replace("\u0640", "")
    if not any("\u0621" <= ch <= "\u064a" for ch in word):
        return "n"
    base = base_word(word)
    noun = base[2:] if base.startswith("ال") and len(base) > 3 else base
    plain, definite = _zipf(noun), _zipf("ال" + noun)
    zipf_bucket = min(int(_zipf(base)), 7)
    if plain == 0 and definite == 0:
        article = "x"
    else:
        diff = definite - plain
        article = "0" if diff <= -2.5 else "1" if diff <= -1.5 else "2" if diff <= -0.5 else "3" if diff <= 0.5 else "4"
    return f"z{zipf_bucket}a{article}"


#: Zipf from which a town only GeoNames knows is labelled ``LOCw`` (the stage takes such a town only
#: where a place is expected: see ``pipeline.ner.rules``).
FREQUENT_TOWN_ZIPF = 3.0


def _gated_town(gazetteer: Gazetteer, k: str, entry_id: str) -> bool:
    """Whether the stage takes this town only in a place context (it is an ordinary word as well)."""
    if k in gazetteer.city_words or k in gazetteer.city_common or k in gazetteer.city_glued:
        return True
    return entry_id.startswith("city:geonames:") and _zipf(gazetteer.entries[k].text) >= FREQUENT_TOWN_ZIPF


class NameMatcher:
    """Token-level BIO labels of the names of the maintained gazetteers (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.names: dict[str, str] = {}
        #: Keys of names that are cities, not countries: behind «و» the stage takes them only in lists.
        self.cities: set[str] = set()
        # (the ids are checked too, in case a gazetteer with the mined names is passed in)
        for k, entry in gazetteer.entries.items():
            if entry.lang != "ar" or entry.id.startswith(MINED_ID_PREFIXES):
                continue
            label = entry.label
            if label == "LOC" and _gated_town(gazetteer, k, entry.id):
                label = "LOCw"
            self.names[k] = label
            if entry.id.startswith("city:"):
                self.cities.add(k)
        self.nisba = set(gazetteer.nisba)
        self.first_words = {k.split()[0] for k in self.names}

    def _first_keys(self, word: str) -> list[str]:
        """The word's key, and the keys of what follows a proclitic when that is the more frequent
        reading (وبغداد is و + بغداد; وجوبا "necessarily" and وزاريا "ministerial" are words, not
        و + Juba or Zaria)."""
        word = camel.dediac(word)
        whole = _zipf(word)
        return [key(word)] + [key(rest) for rest in _after_proclitics(word) if _zipf(rest) > whole]

    def labels(self, words: list[str]) -> list[str]:
        """One label per word: ``B-X``/``I-X`` inside the longest name found, ``NIS`` or ``O``."""
        out = ["O"] * len(words)
        i = 0
        while i < len(words):
            found = 0
            for nth, first in enumerate(self._first_keys(words[i])):
                if first not in self.first_words:
                    continue
                rest = [key(w) for w in words[i + 1 : i + MAX_NAME_TOKENS]]
                for n in range(len(rest), -1, -1):
                    name = " ".join([first, *rest[:n]])
                    label = self.names.get(name)
                    if label == "LOC" and nth and name in self.cities and words[i].startswith(("و", "ف")):
                        label = "LOCw"  # وجوبا "necessarily": a city behind «و» is a weak sign
                    if label is not None:
                        found = n + 1
                        out[i] = f"B-{label}"
                        for j in range(i + 1, i + found):
                            out[j] = f"I-{label}"
                        break
                if found:
                    break
            if found:
                i += found
                continue
            if any(k in self.nisba for k in self._first_keys(words[i])):
                out[i] = "NIS"
            i += 1
        return out


@lru_cache(maxsize=1)
def name_matcher() -> NameMatcher:
    """The :class:`NameMatcher` of the maintained gazetteers (built once per process)."""
    return NameMatcher(load_gazetteer(mined=False))


class WordFeatures:
    """The ``diplo_word_features`` pipeline component (see the module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        for token, name_label in zip(doc, name_matcher().labels(words), strict=True):
            token.tag_ = frequency_feature(token.text)
            token.lemma_ = name_label
        return doc


@Language.factory("diplo_word_features")
def make_word_features(nlp: Language, name: str) -> WordFeatures:
    """Factory of :class:`WordFeatures` (no settings)."""
    return WordFeatures()
