"""The NER stage on articles laid out as other journals (corpus/layouts/articles).

Their sentences are real text: UN Parallel Corpus v1.0 test-set pairs (abstracts) and ANT
corpus v1.1 news (bodies); see corpus/layouts/articles/README.md. The tests use only the
article text, never the held-out entity gold beside it (corpus/layouts/ner_gold).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.config import PipelineConfig
from pipeline.ner import NerStage
from pipeline.reader import read_article

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "corpus" / "layouts" / "articles"


@pytest.fixture(scope="module")
def stage() -> NerStage:
    return NerStage.from_settings({"model": "models/ner-ar"}, PipelineConfig(stages=["read", "ner"], root=REPO))


@pytest.fixture(scope="module")
def tagged(stage):
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = stage(read_article(ARTICLES / f"{name}.txt"))
        return cache[name]

    return get


def _entities(article, label: str | None = None) -> list[tuple[str, str]]:
    return [(" ".join(e.text.split()), e.label) for e in article.entities if label is None or e.label == label]


def test_dr_congo_is_not_the_republic_of_the_congo(tagged, stage) -> None:
    article = tagged("egy_iqtisad")
    found = _entities(article)
    # «جمهورية الكونغو الديمقراطية» 4 times, "the Democratic Republic of the Congo"; once inside the
    # name of MONUSCO, one ORG (data/organisations.json, as the layout gold marks it), twice after
    # «القوات المسلحة لـ», the name of the Congolese army (FARDC), one ORG as the layout gold marks it.
    assert found.count(("جمهورية الكونغو الديمقراطية", "LOC")) == 1
    assert found.count(("القوات المسلحة لجمهورية الكونغو الديمقراطية", "ORG")) == 2
    assert ("بعثة منظمة الأمم المتحدة لتحقيق الاستقرار في جمهورية الكونغو الديمقراطية", "ORG") in found
    assert ("Democratic Republic of the Congo", "LOC") in found
    assert ("جمهورية الكونغو", "LOC") not in found
    ids = {stage.gazetteer.lookup(t).id for t, label in found if ("الكونغو" in t or "Congo" in t) and label == "LOC"}
    assert ids == {"CD"}


def test_resolution_numbers_are_not_dates(tagged) -> None:
    # «ولا سيما القرارات 2057 (2012) و 2109 (2013)» in the Arabic abstract.
    dates = [text for text, _ in _entities(tagged("c_endabs"), "DATE")]
    assert "2057" not in dates
    assert "2012" in dates  # the year in brackets after a resolution number stays a date


def test_english_resolution_numbers_are_not_dates(stage) -> None:
    # UN Parallel Corpus v1.0 test set, English side.
    text = "to resolutions 1970 (2011) and 1973 (2011) as modified by resolution 2009 (2011) to consult with each other"
    dates = [text[f.start : f.end] for f in stage.entities_en(text) if f.label == "DATE"]
    assert dates == ["2011", "2011", "2011"]


def test_english_abstracts_find_un_organs_and_regions(tagged) -> None:
    # Names mined from the UN Parallel Corpus (pipeline/ner/data/mined_names.json); the UN
    # documents these abstracts were taken from were left out of the mining.
    found = _entities(tagged("ae_sharjah_softpower"), None)
    assert ("Security Council", "ORG") in found
    assert ("African Union", "ORG") in found
    assert ("Middle East", "LOC") in _entities(tagged("iraq_ulum_siyasiya"), None)


def test_english_and_arabic_un_names_are_linked(tagged) -> None:
    article = tagged("ae_sharjah_softpower")
    pairs = {
        (" ".join(article.entities[link.en].text.split()), article.entities[link.ar].text)
        for link in article.entity_links
    }
    assert ("Security Council", "مجلس الأمن") in pairs


def test_party_named_after_its_country_is_one_organisation(tagged) -> None:
    # ANT news body: «... حزب نداء تونس ...»; the model stopped at «حزب نداء», the gazetteer took «تونس».
    article = tagged("c_endabs")
    found = _entities(article)
    assert ("حزب نداء تونس", "ORG") in found
    m = re.search(r"حزب نداء\s+تونس", article.raw)  # the name runs over a line break
    assert not any(e.label == "LOC" and m.start() <= e.start < m.end() for e in article.entities)


def test_person_cut_short_takes_the_full_name_found_elsewhere_in_the_article(tagged) -> None:
    # ANT news body: «الباجي قايد السبسي» is found in full once; «الرئيس الباجي قائد السبسي»
    # (another spelling of قايد) was cut to «الباجي».
    found = _entities(tagged("alg_huquq"), "PER")
    assert ("الباجي قائد السبسي", "PER") in found
    assert ("الباجي", "PER") not in found


def test_article_completion_needs_the_words_of_the_full_name() -> None:
    from pipeline.ner.stage import Found, complete_names_in_article

    full = "رئيس الجمهورية الباجي قايد السبسي كان نبه"
    texts = [full, "وأكد الباجي أن الحكومة", "قال قائد السبسي إن", "من أخيه الرئيس الباجي قائد السبسي وتحدث"]
    founds = [
        [Found(t.index(name), t.index(name) + len(name), "PER", "model")]
        for t, name in zip(texts, ("الباجي قايد السبسي", "الباجي", "قائد السبسي", "الباجي"), strict=True)
    ]
    out = complete_names_in_article(texts, founds)
    assert [texts[i][f.start : f.end] for i, fs in enumerate(out) for f in fs] == [
        "الباجي قايد السبسي",
        "الباجي",
        "قائد السبسي",
        "الباجي قائد السبسي",
    ]


def test_english_council_names_are_organisations(tagged) -> None:
    # UN abstract: "... the Peace and Security Council of the African Union ..." (not in the
    # mined gazetteer: its head noun Council makes it an ORG, holding the African Union).
    found = _entities(tagged("krd_zanco_preventive"), "ORG")
    assert ("Peace and Security Council of the African Union", "ORG") in found
