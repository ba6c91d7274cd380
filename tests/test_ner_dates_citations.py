"""A month named alone is a date where a date is expected, and an author-year citation in the body
holds no entity (corpus/layouts/ner_gold/DECISIONS.md 18 and 20), on real text of the layout set and
the development item set corpus/ner_heldout."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "corpus" / "layouts" / "articles"
ITEMS = {d["id"]: d for d in map(json.loads, (REPO / "corpus" / "ner_heldout" / "items.jsonl").open(encoding="utf-8"))}


def _passage(name: str, start: str, end: str) -> str:
    raw = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    i = raw.index(start)
    return " ".join(raw[i : raw.index(end, i) + len(end)].split())


def test_a_month_named_alone_after_a_time_word(tag_ar) -> None:
    text = ITEMS["ant-1730-p1"]["text"]  # «للمرة الأولى في نوفمبر الماضي»
    assert ("نوفمبر", "DATE") in tag_ar(text)
    assert ("أفريل", "DATE") in tag_ar(ITEMS["ant-1670-p2"]["text"])  # «أعلنا في أفريل الفارط»
    found = tag_ar("وقد عقد المجلس اجتماعه خلال شهر جوان المقبل، ثم في تشرين الأول/أكتوبر.")
    assert {("جوان", "DATE"), ("تشرين الأول/أكتوبر", "DATE")} <= found
    # a full date stays one span; the relative word stays outside
    assert tag_ar("في 20 مارس 2015 وفي مارس الماضي") == {("20 مارس 2015", "DATE"), ("مارس", "DATE")}
    # a verb or a noun that spells a month is no date without the time word: «مارس الضغط» "exerted"
    assert not tag_ar("مارس الضغط على الحكومة")


def test_no_entity_inside_an_author_year_citation(tag_ar) -> None:
    text = _passage("om_squ", "هرع السكان", "(Bercovitch, 2011, p. 45).")
    assert not any(s == "2011" for s, _ in tag_ar(text))
    text = _passage("alg_huquq", "إقالة وزير التربية", "(سليم، 1998، ص 112)")
    found = tag_ar(text)
    assert ("سليم", "PER") not in found and ("1998", "DATE") not in found
    # a year in brackets that is no citation, and a place with its year, stay
    assert ("2014", "DATE") in tag_ar("جرت انتخابات (2014) في تونس")
    assert {("جنيف", "LOC"), ("2015", "DATE")} <= tag_ar("وعقد المؤتمر (جنيف، 2015) بحضور الوفود")
