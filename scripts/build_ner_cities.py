"""Write pipeline/ner/data/cities.json: the cities the NER gazetteer adds, from CLDR through Babel.

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

Deterministic; ``--check`` fails when the file differs from a rebuild (Babel's or wordfreq's data
changed: rebuild and commit).

Usage:
    python scripts/build_ner_cities.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import camel  # noqa: E402
from pipeline.ner.gazetteer import CITIES_FILE, DATA_DIR  # noqa: E402

#: Zipf margin (wordfreq) from which a one-word Arabic city name counts as an ordinary word.
WORD_MARGIN = 1.5


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
    return {
        "_about": (
            "Exemplar cities of the CLDR time zones (Unicode CLDR through Babel; Unicode licence), Arabic "
            "dediacritised; 'word': an Arabic name wordfreq finds far more frequent than the English one. "
            "Written by scripts/build_ner_cities.py (do not edit by hand)."
        ),
        "cities": cities,
    }


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
