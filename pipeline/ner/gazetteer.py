"""Gazetteers of the NER stage: places, international organisations, platforms, month names.

Built from maintained data wherever a library has it:

* country, territory and region names in Arabic and English from Babel's CLDR
  tables, plus pycountry's Arabic translations of the ISO 3166-1 names
  (common and official forms), dediacritised through :mod:`pipeline.camel`;
* month names of both Gregorian families (يناير… and كانون الثاني…) with the
  Levantine, Iraqi and Maghrebi (جانفي…, يوليوز…) locale variants, from CLDR;
* platform names from ``data/platforms.json`` and international organisations (UN agencies and
  missions, regional organisations, courts) with the Arabic names of state institutions (مجلس
  النواب, رئاسة الحكومة) from ``data/organisations.json`` (no library has them);
* organisation, place and person names mined from data (``data/mined_names.json``, rebuilt by
  ``scripts/build_ner_gazetteer.py``): names tagged in ANERcorp train and AQMAR, and English
  names of the UN Parallel Corpus test sets with their Arabic counterparts from the aligned
  sentences (Security Council / مجلس الأمن, African Union / الاتحاد الأفريقي, New York / نيويورك);
  they never override a name of the tables above;
* cities from CLDR's exemplar cities of the time zones, in Arabic and English, and towns with an
  Arabic name from GeoNames (every town of 15,000 people or more in the Arab countries, cities of
  100,000 or more elsewhere; English names from a million people or when rare as English words)
  (``data/cities.json``, rebuilt by ``scripts/build_ner_cities.py``; :func:`add_cities`);
* a short table of aliases that no library has (أمريكا/أميركا, بريطانيا, فلسطين).

ISO 3166 writes some names inverted ("Congo, The Democratic Republic of the",
"Iran, Islamic Republic of"; in Arabic «الكونغو، جمهورية الكونغو الديموقراطية»):
the running-text order is generated from them (:func:`uninverted_en`,
:func:`uninverted_ar`), and Arabic names spelt ديموقراطي also get the
common spelling ديمقراطي (:func:`spelling_variants_ar`).

Nothing is read at import time: :func:`load_gazetteer` builds the tables once
per process when the stage is built.
"""

from __future__ import annotations

import gettext
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import camel

DATA_DIR = Path(__file__).resolve().parent / "data"

#: CLDR region codes that are not place names an article would tag (the world, unknown, groupings).
_SKIP_CODES = {"001", "ZZ", "QO", "EZ", "XA", "XB"}
#: CLDR "territories" that are organisations, and the organisations among the aliases.
_ORG_CODES = {"EU", "UN", "ISIL"}

#: Countries whose nisba is far more often an ordinary adjective: المالي / المالية (Malian) is
#: "financial" (وزارة المالية, الاستخبارات المالية), so no nisba forms are made of مالي.
_NISBA_IS_A_WORD = {"ML"}

#: Aliases no library lists: code -> (Arabic forms, English forms).
ALIASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "US": (
        ("أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"),
        ("America", "USA", "U.S.", "the United States", "United States of America"),
    ),
    "GB": (
        ("بريطانيا", "بريطانيا العظمى", "إنجلترا", "انكلترا"),
        ("Britain", "Great Britain", "UK", "U.K.", "England"),
    ),
    "PS": (("فلسطين",), ("Palestine",)),
    "RU": (("روسيا الاتحادية",), ("Russia",)),
    "KR": (("كوريا الجنوبية",), ("South Korea",)),
    "KP": (("كوريا الشمالية",), ("North Korea",)),
    "AE": (("الإمارات",), ("UAE",)),
    "CD": ((), ("DR Congo",)),
    "UN": (("منظمة الأمم المتحدة", "هيئة الأمم المتحدة"), ("UN", "U.N.")),
    "EU": ((), ("EU",)),
    # An armed group. The UN texts pair ISIL with الدولة الإسلامية, which ANERcorp and AQMAR tag as a
    # place (the historical state), so the mined entry came out LOC, and داعش is in neither corpus.
    "ISIL": (
        (
            "داعش",
            "تنظيم الدولة الإسلامية",
            "الدولة الإسلامية في العراق والشام",
            # with «تنظيم» too, so that the longer name wins where the text has it (the stage then
            # leaves «تنظيم» outside)
            "تنظيم الدولة الإسلامية في العراق والشام",
        ),
        ("ISIL", "ISIS", "Daesh", "Da'esh"),
    ),
}

#: Locales whose CLDR month names cover the Arabic month-name families.
MONTH_LOCALES = ("ar", "ar_EG", "ar_SY", "ar_LB", "ar_IQ", "ar_JO", "ar_DZ", "ar_TN", "ar_MA", "ar_MR", "ar_LY")


@dataclass
class Entry:
    """One gazetteer name: its label and the id shared by all its spellings and languages."""

    text: str
    label: str
    id: str
    lang: str


@dataclass
class Gazetteer:
    """Lookup tables keyed by :func:`key` of a name."""

    entries: dict[str, Entry] = field(default_factory=dict)
    nisba: dict[str, str] = field(default_factory=dict)
    months_ar: set[str] = field(default_factory=set)
    #: Keys of the Arabic weekday names (CLDR): «الخميس» is Thursday, «خميس» a given name too.
    weekdays_ar: set[str] = field(default_factory=set)
    months_en: set[str] = field(default_factory=set)
    #: Head nouns of English organisation names (Council, Union mined from data; Ministry, Mission...).
    org_heads_en: set[str] = field(default_factory=set)
    #: Keys of one-word Arabic city names (known from CLDR alone) that are ordinary words far more
    #: often than places (ماهي "what is", العيون "the eyes"): taken only where a place is expected.
    city_words: set[str] = field(default_factory=set)
    #: Those of ``city_words`` that are nouns of the language (السفيرة, سيول): taken only where a town is named.
    city_common: set[str] = field(default_factory=set)
    #: Keys of towns (GeoNames) that a proclitic turns into a more frequent word (اولو: باولو, Paolo).
    city_glued: set[str] = field(default_factory=set)
    #: Keys of English city names that only the CLDR city table gives (London, Kabul): an English name
    #: of a person too (Jack London), so the English rules take them more carefully.
    city_names_en: set[str] = field(default_factory=set)
    #: Keys of Arabic words mostly part of a person's name in the NER training text (جورج, بن), and
    #: of words seen there twice or more that mostly are not (حزب, يؤدي): see pipeline.ner.titles.
    person_words: set[str] = field(default_factory=set)
    other_words: set[str] = field(default_factory=set)
    max_words: int = 1

    def add(self, text: str, label: str, id_: str, lang: str) -> None:
        """Add one name (first writer wins: an ORG code never turns a LOC name into an ORG)."""
        text = " ".join(camel.dediac(text).split())
        if lang == "en" and text.startswith("the "):
            # "the United States", pycountry's "the State of Palestine": the article stays outside
            # an entity (corpus/GUIDELINES.md); "The Hague" keeps its own
            text = text[4:]
        if not text:
            return
        k = key(text)
        self.entries.setdefault(k, Entry(text, label, id_, lang))
        self.max_words = max(self.max_words, len(k.split()))

    def lookup(self, text: str) -> Entry | None:
        """The entry for a name (spelling variants of alef, ya, teh marbuta and case are folded)."""
        return self.entries.get(key(text))

    def names(self, lang: str, label: str | None = None) -> list[Entry]:
        """All entries of one language (and label)."""
        return [e for e in self.entries.values() if e.lang == lang and (label is None or e.label == label)]


_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """The lookup key of a name: dediacritised, alef/ya/teh-marbuta folded, Latin lower-cased.

    Cached (a pure function of its argument): the span rules look up every word of a text several
    times, and folding is most of their time.
    """
    return camel.match_key(text).lower()


def nisba_forms(name: str) -> list[str]:
    """Nisba adjectives of a one-word Arabic place name (مصر -> المصري, المصرية, ...)."""
    if " " in name or _LATIN.search(name):
        return []
    stem = name[2:] if name.startswith("ال") else name
    stem = re.sub(r"[اةى]$", "", stem)
    stem = stem[:-1] if stem.endswith("ي") else stem  # بريطانيا -> بريطان(ي)
    if len(stem) < 2:
        return []
    forms = []
    for suffix in ("ي", "ية", "يون", "يين", "يان", "يتين"):
        forms += [stem + suffix, "ال" + stem + suffix]
    return forms


_INVERTED_EN = re.compile(r"^(?P<head>[^,]+), (?:The )?(?P<tail>[^,]+)$")


def uninverted_en(name: str) -> str | None:
    """The running-text form of an ISO name written inverted, else None.

    "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo",
    "Iran, Islamic Republic of" -> "Islamic Republic of Iran", "Virgin Islands, British"
    -> "British Virgin Islands". A list ("Bonaire, Sint Eustatius and Saba") or an
    apposition ("Taiwan, Province of China") is no inversion: the part after the comma
    must end in "of"/"of the" or be one word.
    """
    m = _INVERTED_EN.match(name)
    if m is None:
        return None
    head, tail = m.group("head"), m.group("tail")
    if re.search(r"\bof(?: the)?$", tail) or " " not in tail:
        return f"{tail} {head}"
    return None


def uninverted_ar(name: str) -> str | None:
    """The full form of an Arabic ISO name written «short، full» (الكونغو، جمهورية الكونغو الديموقراطية), else None.

    Only when the part after the comma contains the part before it (not a list or an
    apposition such as «تايوان، محافظة صينية»).
    """
    if "،" not in name:
        return None
    head, _, tail = (camel.dediac(part).strip() for part in name.partition("،"))
    if head and tail and key(head) in key(tail):
        return tail
    return None


#: Spelling pairs of Arabic words in state names (the ISO translations write ديموقراطي, the press ديمقراطي).
_AR_SPELLINGS = (("ديموقراطي", "ديمقراطي"),)


def spelling_variants_ar(name: str) -> list[str]:
    """The name and its other common spellings."""
    out = [name]
    for a, b in _AR_SPELLINGS:
        for form in list(out):
            if a in form:
                out.append(form.replace(a, b))
            elif b in form:
                out.append(form.replace(b, a))
    return out


#: Head nouns of English organisation names ("Ministry of the Interior", "Customs Administration",
#: "United Nations Mission in Liberia"), beside the ones mined from data (Council, Union, Assembly).
EN_ORG_HEADS = frozenset(
    """Ministry Ministries Organization Organisation Agency Commission Committee Office Mission Bank Fund
    Programme Program Authority Administration Secretariat Court Tribunal Parliament Party Movement Front
    Forces Army Institute University Corporation Association League Department Directorate Board Centre
    Center Foundation Mechanism Force Police Government Cabinet Senate Congress Chamber""".split()
)


#: International organisations and state institutions, by hand (no library lists them).
ORGANISATIONS_FILE = "organisations.json"


def add_organisations(gaz: Gazetteer, table: dict) -> None:
    """Add the ORG names of ``data/organisations.json``: each organisation's English and Arabic
    names under one id (so the two abstracts link), and the Arabic names of state institutions."""
    for oid, forms in table.items():
        if oid.startswith("_"):
            continue
        for lang in ("en", "ar"):
            for form in forms.get(lang, []):
                gaz.add(form, "ORG", f"org:{oid}", lang)
    for form in table.get("_ar_only", []):
        gaz.add(form, "ORG", f"org:{key(form)}", "ar")


#: Names mined from data by scripts/build_ner_gazetteer.py.
MINED_FILE = "mined_names.json"
#: Shortest mined Arabic name kept (two-letter names are mostly pieces of others).
_MIN_MINED_LENGTH = 3


def add_mined_names(gaz: Gazetteer, mined: dict) -> None:
    """Add the names of ``data/mined_names.json`` after the curated tables (which win on a clash).

    * ``un`` first: English UN names and their Arabic counterparts, under one id so the two
      abstracts link. When the English name is already known (a country), the Arabic counterpart
      takes its id only if the mined label agrees (الاتحاد الروسي, typed ORG by the model, is not
      added as Russia); a wrong pairing cannot rename a country. Nor does an English name that
      begins a known name of its Arabic side's place join it (Uzbek / أوزبكستان: the adjective).
    * ``en_org_heads``: head nouns of English organisation names (see
      :func:`pipeline.ner.rules.english_organisations`).
    * ``person_words`` / ``other_words``: words of ANERcorp train and AQMAR mostly inside / mostly
      outside person names there.
    * ``ar``: names tagged in ANERcorp train and AQMAR; a word that is the nisba adjective of
      a country (المصريون, tagged PER there) is left out, as the project tags no nationalities.
    """
    for entry in mined.get("un", []):
        en, ar, label = entry["en"], entry["ar"], entry["label"]
        if _clitic_form(gaz, ar):
            continue
        known = gaz.lookup(en)
        if known is not None:
            if known.label == label:
                gaz.add(ar, known.label, known.id, "ar")
            continue
        ar_known = gaz.lookup(ar)
        if ar_known is not None and any(
            e.id == ar_known.id and e.lang == "en" and key(e.text).startswith(key(en)) for e in gaz.entries.values()
        ):
            continue  # the cut name of a known place is its adjective: Uzbek / أوزبكستان (Uzbekistan)
        id_ = f"un:{en}"
        gaz.add(en, label, id_, "en")
        gaz.add(ar, label, id_, "ar")
    gaz.org_heads_en.update(mined.get("en_org_heads", []))
    gaz.person_words.update(mined.get("person_words", []))
    gaz.other_words.update(mined.get("other_words", []))
    for entry in mined.get("ar", []):
        text, label = entry["text"], entry["label"]
        if len(key(text)) < _MIN_MINED_LENGTH or key(text) in gaz.nisba or _clitic_form(gaz, text):
            continue
        gaz.add(text, label, f"anercorp:{key(text)}", "ar")


def add_model_persons(gaz: Gazetteer, mined: dict) -> None:
    """Add ``ar_model`` of ``data/mined_names.json``: persons the shipped model tags again and again in
    the unlabelled ANT and UN text (see scripts/build_ner_gazetteer.py, source 3). Last, after the
    towns: a name any list has (بيونغ يانغ, tagged PER by the model) keeps its list's type."""
    for entry in mined.get("ar_model", []):
        text = entry["text"]
        if gaz.lookup(text) is None:
            gaz.add(text, "PER", f"model:{key(text)}", "ar")


def _clitic_form(gaz: Gazetteer, arabic: str) -> bool:
    """Whether a mined Arabic name is «و» + a name the gazetteer already has (وجزر كايمان, وتنزانيا: the
    corpora tag the conjunction with the name). Kept as a name, its first word would stop the model's
    «وجزر القمر» from losing its «و» (:func:`pipeline.ner.rules.strip_clitic`)."""
    return arabic.startswith("و") and gaz.lookup(arabic[1:]) is not None


#: Gazetteer ids of countries and regions (CLDR territory codes: TN, 150).
_REGION_ID = re.compile(r"[A-Z]{2}|[0-9]{3}")


def is_region(entry: Entry | None) -> bool:
    """Whether a gazetteer entry is a country or region (its id a CLDR territory code), not a city or a name."""
    return entry is not None and _REGION_ID.fullmatch(entry.id) is not None


CITIES_FILE = "cities.json"

#: Words that name a town: a city whose name is mostly an ordinary word (``Gazetteer.city_common``:
#: بيان for Bayan, سيول for Seoul) is taken only right after one (مدينة حمص, والي سوسة), not before
#: a country's nisba (الثورة الليبية, صحيفة الخبر الجزائرية are no towns). («ولاية» is a mandate as
#: well, but the nouns that follow it then, تمديد ولاية الخبراء, are too frequent to be towns.)
TOWN_WORDS = frozenset(
    key(w)
    for w in (
        "مدينة", "بمدينة", "ومدينة", "لمدينة", "العاصمة", "بالعاصمة", "والعاصمة", "للعاصمة", "ولاية",
        "بولاية", "محافظة", "بمحافظة", "بلدة", "ببلدة", "وبلدة", "قرية", "بقرية", "وقرية", "مدن", "بمدن",
        "مدينتي", "قريتي", "بلدتي", "ريف", "بريف", "وريف", "والي", "معتمدية", "بمعتمدية", "بلدية", "ببلدية",
    )
)  # fmt: skip


def add_cities(gaz: Gazetteer, cities: list[dict]) -> None:
    """Cities as LOC, in Arabic and English, from ``data/cities.json`` (CLDR's exemplar cities of the
    time zones: Europe/Brussels is بروكسل / Brussels; written by ``scripts/build_ner_cities.py``, which
    says what is left out).

    They are added last, after the country tables and the names mined from data, so a city that
    shares a country's name (الكويت, Djibouti) stays the country, a city one of whose names is known
    joins that entry (Brussels takes the id of ANERcorp's بروكسل), and an entry with a ``city:`` id is
    a city no other source knows (the rules take those more carefully: :mod:`pipeline.ner.rules`,
    :meth:`pipeline.ner.stage.NerStage.predict_en`). Its one-word Arabic names that wordfreq finds far
    more frequent than the English name (``word``: ماهي, العيون) go to ``Gazetteer.city_words``. No
    nisba forms are made of cities (البغدادي is a family name as often as not).
    """
    for city in cities:
        if "geonames" in city:
            _add_geonames_town(gaz, city)
            continue
        names = [(city[lang], lang) for lang in ("en", "ar") if city.get(lang)]
        known = [
            e
            for e in (gaz.lookup(n) for n, _ in names)
            if e is not None and e.label == "LOC" and "/" not in e.id and not is_region(e)
        ]  # (not a country's code: Wallis is not the territory Wallis and Futuna's other name)
        city_id = known[0].id if known else "city:" + city["zone"]
        for name, lang in names:
            new = gaz.lookup(name) is None
            gaz.add(name, "LOC", city_id, lang)
            if new and lang == "en":
                gaz.city_names_en.add(key(name))
        entry = gaz.lookup(city["ar"]) if city.get("ar") else None
        if city.get("word") and entry is not None and entry.id == city_id and city_id.startswith("city:"):
            gaz.city_words.add(key(city["ar"]))


def _known_place(gaz: Gazetteer, name: str) -> bool:
    """Whether ``name`` is a place the gazetteer knows from a source other than GeoNames."""
    entry = gaz.lookup(name)
    return entry is not None and entry.label == "LOC" and not entry.id.startswith("city:geonames:")


def _add_geonames_town(gaz: Gazetteer, town: dict) -> None:
    """A town of GeoNames (``data/cities.json`` records with a ``geonames`` id): only its names no other
    source knows are added, each under the town's own ``city:geonames:`` id, so that the rules gate all
    of them (an old or other name of a known city, أنفا for Casablanca, is an adverb as well: آنفا
    "above"); a name that is a country's nisba (السويدية, a Syrian town) is left out."""
    town_id = f"city:geonames:{town['geonames']}"
    for lang in ("en", "ar"):
        name = town.get(lang)
        if not name:
            continue
        # (the file's names are dediacritised and single-spaced: the key is computed once, not by add)
        k = key(name)
        if k in gaz.entries or k in gaz.nisba or k in TOWN_WORDS:
            continue
        gaz.entries[k] = Entry(name, "LOC", town_id, lang)
        gaz.max_words = max(gaz.max_words, k.count(" ") + 1)
        if lang == "en":
            gaz.city_names_en.add(k)
        elif " " in name and _known_place(gaz, name.split()[0]):
            continue  # القدس الشرقية: a known place and its adjective is a place, whatever the words
        else:
            if town.get("glued"):
                gaz.city_glued.add(k)
            if town.get("word"):
                gaz.city_words.add(k)
                if town.get("common"):
                    gaz.city_common.add(k)


@lru_cache(maxsize=1)
def load_gazetteer(mined: bool = True, model_typed: bool = True) -> Gazetteer:
    """Build the gazetteer from Babel/CLDR, pycountry and the project's data files (once per process).

    Args:
        mined: Add the names of ``data/mined_names.json`` (mined from the NER corpora, from the UN
            texts with the model's types, and persons the model tags). Without them the gazetteer
            holds the maintained tables alone, each city under its own ``city:`` id (the word
            features of the NER model, :mod:`pipeline.ner.features`, use only those).
        model_typed: With ``mined``, also add the mined names a model chose or typed (``un`` and
            ``ar_model``). ``diplo train ner`` builds its NORM table without them: a model trained
            on the names its predecessor mined could not be rebuilt from the code and the data alone.
    """
    import pycountry
    from babel import Locale

    gaz = Gazetteer()
    ar, en = Locale("ar"), Locale("en")
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True).gettext
    for code, ar_name in ar.territories.items():
        if code in _SKIP_CODES:
            continue
        label = "ORG" if code in _ORG_CODES else "LOC"
        gaz.add(ar_name, label, code, "ar")
        if code in en.territories:
            gaz.add(en.territories[code], label, code, "en")
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            gaz.add(value, "LOC", code, "en")
            running = uninverted_en(value)
            if running:
                gaz.add(running, "LOC", code, "en")
            translated = tr(value)
            if translated != value:
                full = uninverted_ar(translated)
                for form in spelling_variants_ar(camel.dediac(full or translated)):
                    gaz.add(form, "LOC", code, "ar")
    for code, (ar_forms, en_forms) in ALIASES.items():
        label = "ORG" if code in _ORG_CODES else "LOC"
        for form in ar_forms:
            gaz.add(form, label, code, "ar")
        for form in en_forms:
            gaz.add(form, label, code, "en")
    for entry in list(gaz.entries.values()):
        if entry.lang == "ar" and entry.label == "LOC" and entry.id not in _NISBA_IS_A_WORD:
            for form in nisba_forms(entry.text):
                gaz.nisba.setdefault(key(form), entry.id)
    add_organisations(gaz, json.loads((DATA_DIR / ORGANISATIONS_FILE).read_text(encoding="utf-8")))
    gaz.org_heads_en.update(EN_ORG_HEADS)
    mined_names = json.loads((DATA_DIR / MINED_FILE).read_text(encoding="utf-8")) if mined else {}
    if not model_typed:
        mined_names = {k: v for k, v in mined_names.items() if k not in ("un", "ar_model")}
    add_mined_names(gaz, mined_names)
    add_cities(gaz, json.loads((DATA_DIR / CITIES_FILE).read_text(encoding="utf-8"))["cities"])
    add_model_persons(gaz, mined_names)
    platforms = json.loads((DATA_DIR / "platforms.json").read_text(encoding="utf-8"))
    for pid, forms in platforms.items():
        if pid.startswith("_"):
            continue
        for form in forms.get("ar", []):
            gaz.add(form, "PLATFORM", pid, "ar")
        for form in forms.get("en", []):
            gaz.add(form, "PLATFORM", pid, "en")
    for loc in MONTH_LOCALES:
        for context in ("format", "stand-alone"):
            for name in Locale.parse(loc).months[context]["wide"].values():
                gaz.months_ar.add(camel.dediac(name))
    for context in ("format", "stand-alone"):
        gaz.weekdays_ar.update(key(name) for name in Locale.parse("ar").days[context]["wide"].values())
    for name in en.months["format"]["wide"].values():
        gaz.months_en.add(name)
    for name in en.months["format"]["abbreviated"].values():
        gaz.months_en.add(name)
    return gaz
