"""Sentence segmentation of Arabic and English abstracts (pipeline.align.segment)."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.align.segment import split_sentences

from .conftest import LAYOUT_ARTICLES, REPO


def texts(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang)]


class TestArabic:
    def test_terminators(self):
        assert texts("انتهى الاجتماع. هل وافق الوفد؟ نعم! ثم غادر؛ وانتهى", "ar") == [
            "انتهى الاجتماع.",
            "هل وافق الوفد؟",
            "نعم!",
            "ثم غادر؛",
            "وانتهى",
        ]

    def test_arabic_full_stop(self):
        assert texts("جملة أولى\u06d4 جملة ثانية", "ar") == ["جملة أولى\u06d4", "جملة ثانية"]

    def test_abbreviation_date_and_decimal_do_not_split(self):
        text = "قدمه م.د. أيناس دليان في 2024/6/4 وبلغ النمو 3.5 في المئة. ثم نشر."
        assert texts(text, "ar") == ["قدمه م.د. أيناس دليان في 2024/6/4 وبلغ النمو 3.5 في المئة.", "ثم نشر."]

    def test_quoted_speech_stays_whole(self):
        text = "قال الوزير: «نحن هنا. وسنبقى» ثم غادر. انتهى."
        assert texts(text, "ar") == ["قال الوزير: «نحن هنا. وسنبقى» ثم غادر.", "انتهى."]

    def test_commas_and_wa_do_not_split(self):
        text = "شهد العالم تطوراً كبيراً، وساهم هذا التطور في جعل العالم قرية صغيرة، واصبح يتحكم في العلاقات."
        assert len(split_sentences(text, "ar")) == 1

    def test_blank_line_is_a_boundary(self):
        assert texts("فقرة بلا نقطة\n\nفقرة ثانية", "ar") == ["فقرة بلا نقطة", "فقرة ثانية"]

    @pytest.mark.parametrize("text", ["", "   ", "\n\n"])
    def test_empty(self, text):
        assert split_sentences(text, "ar") == []


class TestEnglish:
    def test_abbreviations_initials_numbers(self):
        text = "He met Dr. Smith and J. Doe in the U.S. in 2019. It grew 3.5 times. Then he left."
        assert texts(text, "en") == [
            "He met Dr. Smith and J. Doe in the U.S. in 2019.",
            "It grew 3.5 times.",
            "Then he left.",
        ]

    def test_stray_dots_join_the_sentence_before(self):
        assert texts("It ended . . Especially this.", "en") == ["It ended . .", "Especially this."]
        assert texts(". .", "en") == [". ."]

    def test_lower_case_after_dot_continues(self):
        assert len(split_sentences("See p. 4 and fig. 2 of the report. done", "en")) == 1


def test_seed_abstracts_match_gold_sentences(seed_article):
    """Every gold sentence of both seed abstracts is found with its exact raw span."""
    gold = [
        json.loads(line)
        for line in (REPO / "corpus" / "gold" / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    got = []
    for lang in ("ar", "en"):
        for p in seed_article.abstract(lang):
            for s, e in split_sentences(p.best_text, lang):
                got.append((lang, *p.best_map.span_to_raw(s, e)))
    assert sorted(got) == sorted((g["lang"], g["start"], g["end"]) for g in gold)


def test_un_paragraph_numbers_open_the_sentence_after_them():
    """UN text numbers its paragraphs: «... States. 13. As ...» — the number went with the sentence
    before it or stood alone as a sentence (b_roman's English abstract, real UN text)."""
    from pipeline.reader import read_article

    article = read_article(LAYOUT_ARTICLES / "b_roman.txt")
    sentences = [s for p in article.abstract("en") for s in texts(p.text, "en")]
    assert not any(re.fullmatch(r"\d{1,3}\.", s) for s in sentences)
    assert not any(re.search(r"\s\d{1,3}\.$", s) for s in sentences)
    assert any(s.startswith("13. As") for s in sentences)
    # a number that ends a sentence ("in paragraph 7.") still ends it
    assert texts("It was set out in paragraph 7. The vote followed.", "en") == [
        "It was set out in paragraph 7.",
        "The vote followed.",
    ]
