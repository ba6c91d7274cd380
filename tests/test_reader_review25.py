"""What an independent review of 1b2d2b0 (the mend of review 24) found it broke, or undid of the
commit before, on 114 adversarial articles written from real ANT sentences (tests/fixtures/review25/):
each test fails on 1b2d2b0. (Its chapter-level findings went with the rule they were about, withdrawn
after review 26.)"""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review25"


def _read(name: str):
    return read_article(FIXTURES / f"{name}.txt")


def test_a_french_title_over_an_english_title_is_no_french_abstract():
    # «Résumé : la diplomatie au Golfe» over "Digital diplomacy in the Gulf states and its effect on
    # decision making": with the English words counted the block was a French abstract running on over
    # the Arabic title and byline.
    article = _read("f51_resume_colon_fr_title_then_en_title_block")
    assert not [p for p in article.passages if p.lang == "fr"]
    assert article.metadata["author"].text == "د. أحمد علي حسن"
    assert article.title_ar.text.startswith("الدبلوماسية الرقمية في دول الخليج العربي")


def test_a_note_ending_with_a_colon_leaves_the_next_note_its_own():
    # «1. للمزيد حول هذا الموضوع ينظر:» then «2. عبد الله العروي ...», «3. ...»: note 2 was glued onto 1.
    for name in ("m52_note_ends_colon_then_next_note", "m59_note_paren_ends_colon"):
        numbered = [p for p in _read(name).passages if p.kind in ("footnote", "reference") and p.number]
        assert [p.number for p in numbered] == ["1", "2", "3"], name
        assert numbered[1].text.startswith("عبد الله العروي"), name


def test_an_english_keywords_line_does_not_stop_the_arabic_inline_keywords():
    # «... كلمات مفتاحية: الدبلوماسية، الخليج، القرار.» then a block opening "Keywords:".
    keywords = [k.text for k in _read("k63_abs_inline_kw_next_block_en_keywords_line").keywords_ar]
    assert keywords == ["الدبلوماسية", "الخليج", "القرار"]
