"""The reader on the independent review's reproducers of the eleventh audit's fixes (review 13).

Each file in tests/fixtures/review13/ is the seed article (or a short text made from its lines,
or from an ANT news text) with one thing changed that a first version of the audit's fixes read
wrongly: a crash, body text taken into a note, a note's line or a citation taken into the
abstract, a news story's dateline made its title. These tests ask what the reader before the
fixes did, or better.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.reader import ReaderSettings, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "review13"


def _read(name: str, **settings):
    path = FIXTURES / name
    return read_article(path.read_bytes(), name=path.name, settings=ReaderSettings(**settings))


def test_an_unlabelled_abstract_split_off_its_block_does_not_shift_the_other_label():
    # The Arabic abstract (no label) shares its block with the dates line, so the block is split;
    # the English abstract's label block moved one place on, and was read at its old index (the
    # Arabic keywords) as a labelled abstract: AssertionError.
    article = _read("m1_crash_split.txt")
    (ar,) = article.abstract("ar")
    assert ar.text.startswith("اذ شهد العالم تطويراً كبيراً")
    (en,) = article.abstract("en")
    assert en.text.startswith("The world has witnessed")
    assert [k.text for k in article.keywords_ar] == ["الدبلوماسية", "الرقمية"]


def test_body_text_under_a_rule_is_no_note_carried_over():
    # The page's last note ends with a page reference («... 2010، ص 12», no full stop); on a later
    # page a line of body text stands under a rule (a bare rule, a table's closing dashes): it was
    # joined to the note, and the paragraph was gone from the body.
    for name in ("m3_rule_body.txt", "m9_table_rule.txt"):
        article = _read(name)
        (note,) = article.passages_of("footnote")
        assert len(note.spans) == 1, name
        assert any(p.text.startswith("وقد تركت هذه الثورة") for p in article.passages_of("paragraph")), name


def test_a_front_note_does_not_run_on_into_the_english_byline():
    # «(*) البحث مستل من رسالة ماجستير» (no full stop) over «Enas migbil dalyan».
    article = _read("m2b_note_en_name_seed.txt")
    assert article.metadata["author_note"].text == "(*) البحث مستل من رسالة ماجستير"
    assert article.metadata["author_en"].text == "Enas migbil dalyan"


def test_a_numbered_note_after_a_note_ending_with_a_colon_stays_a_note():
    # Under the rule, «انظر المصدرين الآتيين في هذا الموضوع:» then «1- محمد علي، ...، ص 45.» just
    # above the page number: the colon is the note's, not the text's; the line was a list item.
    article = _read("m7_colon_note.txt")
    notes = [p.text for p in article.passages_of("footnote")]
    assert notes == ["انظر المصدرين الآتيين في هذا الموضوع:", "محمد علي، الدبلوماسية الحديثة، بغداد، 2010، ص 45."]
    assert not article.passages_of("list_item")


def test_a_citation_line_or_a_note_above_an_unlabelled_abstract_stays_out_of_it():
    # "How to cite: ..." over the English abstract (no label), a conference note over the Arabic
    # one: both were taken into the abstract, and the citation field was lost.
    article = _read("m6_citation.txt")
    assert article.metadata["citation"].text.startswith("Dalyan, E. M. (2024).")
    (en,) = article.abstract("en")
    assert en.text.startswith("The world has witnessed") and "How to cite" not in en.text
    article = _read("m8_conf_note.txt")
    (ar,) = article.abstract("ar")
    assert ar.text.startswith("اذ شهد العالم تطويراً كبيراً") and "المؤتمر العلمي" not in ar.text


def test_a_funding_statement_above_an_unlabelled_abstract_stays_out_of_it():
    # The seed without its «summary» label, a funding statement over the English abstract (three
    # blocks: a stray blank line cuts a sentence, and a lone full stop opens the last one): the
    # abstract is the three blocks, not the statement; a first fix took the statement in, a second
    # one took only the last block (too short: no abstract at all).
    article = _read("r1_en_funding.txt")
    en = article.abstract("en")
    assert en[0].text.startswith("In the twentieth century, concepts spread")
    assert "international relations, including the concept of digital diplomacy" in en[0].text
    assert en[-1].text.endswith("all areas of international and global affairs .")
    assert not any("funded by" in p.text for p in en)
    assert [k.text for k in article.keywords_en] == ["diplomacy", "digital", "tools", "international relations"]


def test_a_news_story_keeps_its_headline_as_title_above_its_dateline():
    # Read without an abstract: a headline, the dateline «تونس - الجوهرة اف ام» over the text, and
    # a heading further down. The dateline became the title and the headline a paragraph.
    article = _read("m4_dateline_noabs.txt", require_abstract=False)
    assert article.title_ar.text.startswith("انسحاب أنصار حزب التحرير من قصر المؤتمرات")
    first = article.passages_of("paragraph")[0]
    assert first.text.startswith("تونس - الجوهرة اف ام انسحب أنصار حزب التحرير")
