"""Conversion of the NER corpora: tag validation, repairs, type mapping, DocBin round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.errors import InputError
from pipeline.ner.convert import read_aqmar, read_conll, sentence_to_doc, to_docbin


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "corpus.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_types_are_mapped_and_misc_kept_for_training(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "جورج B-PERS\nبوش I-PERS\nفي O\nواشنطن B-LOC\n\nالأمم B-ORG\nالمتحدة I-ORG\nالأولمبياد B-MISC\n"
    )
    sents, report = read_conll(path)
    assert [s.tags for s in sents] == [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "B-MISC"]]
    assert report.entities == {"PER": 1, "LOC": 1, "ORG": 1, "MISC": 1}
    assert report.problems == []


def test_malformed_lines_are_reported_with_line_numbers(tmp_path: Path) -> None:
    text = "أ O\nبوش I-PERS\nكلمة\nمصر B-LOC\nx B-FOO\ny I--ORG\nz OO\n"
    sents, report = read_conll(_write(tmp_path, text))
    found = {(p.line, p.found) for p in report.problems}
    assert (2, "'I-PER' after 'O'") in found  # IOB2 violation -> entity start
    assert (3, "'كلمة'") in found  # no tag
    assert (5, "unknown tag 'B-FOO'") in found
    assert (6, "stray tag 'I--ORG'") in found
    assert (7, "stray tag 'OO'") in found
    assert sents[0].tokens == ["أ", "بوش", "مصر", "x", "y", "z"]
    assert sents[0].tags == ["O", "B-PER", "B-LOC", "O", "B-ORG", "O"]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="corpus file not found"):
        read_conll(tmp_path / "nope.txt")


def test_docbin_round_trip_keeps_tokens_and_entities(tmp_path: Path) -> None:
    sents, _ = read_conll(_write(tmp_path, "جورج B-PERS\nبوش I-PERS\nفي O\nواشنطن B-LOC\n"))
    nlp = spacy.blank("ar")
    db = to_docbin(nlp.vocab, sents)
    db.to_disk(tmp_path / "x.spacy")
    from spacy.tokens import DocBin

    (doc,) = DocBin().from_disk(tmp_path / "x.spacy").get_docs(nlp.vocab)
    assert [t.text for t in doc] == ["جورج", "بوش", "في", "واشنطن"]
    assert [(e.text, e.label_) for e in doc.ents] == [("جورج بوش", "PER"), ("واشنطن", "LOC")]
    only = sentence_to_doc(nlp.vocab, sents[0], keep_labels=["LOC"])
    assert [(e.text, e.label_) for e in only.ents] == [("واشنطن", "LOC")]


def test_anercorp_counts_match_the_published_figures(shared_data: Path) -> None:
    train, report = read_conll(shared_data / "ner" / "anercorp-camellab" / "ANERCorp_CamelLab_train.txt")
    assert report.sentences == 3973 and report.tokens == 125102
    assert report.entities == {"LOC": 3779, "PER": 2735, "ORG": 1586, "MISC": 900}
    # The README counts 39 I- starts (conlleval chunks); each is reported once.
    assert (
        sum("after 'O'" in p.found or "after 'B-" in p.found or "after 'I-" in p.found for p in report.problems) == 39
    )


def test_aqmar_strays_are_repaired(shared_data: Path) -> None:
    sents, report = read_aqmar(shared_data / "ner" / "aqmar" / "articles")
    assert report.sentences == 2687 and report.tokens == 73853
    assert {t for s in sents for t in s.tags} <= {
        "O",
        "B-PER",
        "I-PER",
        "B-LOC",
        "I-LOC",
        "B-ORG",
        "I-ORG",
        "B-MISC",
        "I-MISC",
    }
    strays = [p for p in report.problems if p.found.startswith("stray tag")]
    assert len(strays) == 15
