"""The align stage on the seed article, its outputs (table, TMX, TSV) and the diplo align command."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET

import pytest

from pipeline.align import AlignStage
from pipeline.align.formats import aligned_pairs, to_table, to_tmx, to_tsv
from pipeline.align.stage import params_from_settings
from pipeline.errors import ConfigError

from .conftest import LAYOUT_ARTICLES, REPO


@pytest.fixture(scope="module")
def stage() -> AlignStage:
    return AlignStage.from_settings({})


@pytest.fixture(scope="module")
def aligned(stage, seed_article):
    return stage(copy.deepcopy(seed_article))


def _gold_links():
    return [
        json.loads(line)
        for line in (REPO / "corpus" / "gold" / "alignment.jsonl").read_text(encoding="utf-8").splitlines()
    ]


def _spans(article):
    spans = {s.id: [s.start, s.end] for p in article.passages for s in p.sentences}
    spans["title.ar"] = [article.title_ar.start, article.title_ar.end]
    spans["title.en"] = [article.title_en.start, article.title_en.end]
    for lang, kws in (("ar", article.keywords_ar), ("en", article.keywords_en)):
        for i, k in enumerate(kws):
            spans[f"kw.{lang}.{i}"] = [k.start, k.end]
    return spans


def test_seed_links_match_gold(aligned):
    """Every gold link of the seed (title, keywords, abstract with its 1-2 bead) is predicted, and nothing else."""
    spans = _spans(aligned)
    predicted = sorted(
        (link.kind, [spans[i] for i in link.ar], [spans[i] for i in link.en]) for link in aligned.alignments
    )
    gold = sorted((g["kind"], g["ar"], g["en"]) for g in _gold_links())
    assert predicted == gold


def test_sentences_have_raw_offsets(aligned):
    for p in aligned.abstract("ar") + aligned.abstract("en"):
        assert p.sentences
        for n, s in enumerate(p.sentences):
            assert s.id == f"{p.id}.s{n}" and s.lang == p.lang
            # Reading text and raw differ only by joins/markers: the sentence starts and ends on the same characters.
            assert aligned.raw[s.start] == s.text[0] and aligned.raw[s.end - 1] == s.text[-1]


def test_rerun_replaces_links(stage, aligned):
    again = stage(copy.deepcopy(aligned))
    assert len(again.alignments) == len(aligned.alignments)


def test_no_english_abstract_warns(stage, seed_article):
    article = copy.deepcopy(seed_article)
    article.passages = [p for p in article.passages if not (p.kind == "abstract" and p.lang == "en")]
    article = stage(article)
    assert not [a for a in article.alignments if a.kind == "abstract"]
    assert any("no English abstract" in w for w in article.warnings)
    assert article.abstract("ar")[0].sentences


def test_a_missing_title_warns(stage, aligned):
    # d_awwalan's English part has no title: nothing said why the titles had no link.
    from pipeline.reader import read_article

    article = stage(read_article(LAYOUT_ARTICLES / "d_awwalan.txt"))
    assert article.title_en is None and article.title_ar is not None
    assert not [a for a in article.alignments if a.kind == "title"]
    assert "align: no English title found, so the titles are not linked" in article.warnings
    assert not any("title" in w for w in aligned.warnings)  # the seed has both


def test_json_round_trip(aligned):
    from pipeline.document import Article

    back = Article.from_json(aligned.to_json())
    assert back.alignments == aligned.alignments


def test_table_tsv_tmx(aligned):
    pairs = aligned_pairs(aligned)
    table = to_table(pairs)
    assert "Digital Diplomacy" in table and "abstract 1-2" in table
    tsv = to_tsv(pairs).splitlines()
    assert tsv[0].split("\t") == ["kind", "score", "ar_ids", "en_ids", "arabic", "english"]
    assert all(len(row.split("\t")) == 6 for row in tsv)
    assert any("p0004.s0+p0004.s1" in row for row in tsv)
    root = ET.fromstring(to_tmx(pairs, source="seed").encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr)
    tus = root.findall("body/tu")
    assert len(tus) == len([p for p in pairs if p.ar and p.en])
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tus[0].findall("tuv")]
    assert langs == ["ar", "en"]


def test_settings_are_checked():
    assert params_from_settings({"skip": 1}).skip == 1.0
    with pytest.raises(ConfigError, match="unknown setting"):
        params_from_settings({"skipp": 0.3})
    with pytest.raises(ConfigError, match="expected float"):
        params_from_settings({"skip": "high"})


def test_cli_formats(seed_path, capsys):
    from pipeline.cli import main

    assert main(["align", str(seed_path), "--format", "tsv"]) == 0
    assert capsys.readouterr().out.startswith("kind\tscore")
    assert main(["align", str(seed_path), "--format", "xml"]) == 2
    assert "--format: expected one of table, tmx, tsv, found 'xml'" in capsys.readouterr().err


def test_tmx_parses_with_control_characters_in_the_text(aligned):
    """A stray control character from a PDF conversion must not make the TMX file unreadable."""
    pairs = aligned_pairs(aligned)
    pairs[0].ar[0] = pairs[0].ar[0].replace(" ", "\x01 ", 1)
    pairs[0].en[0] = pairs[0].en[0].replace(" ", "\x0c\x1b ", 1)
    root = ET.fromstring(to_tmx(pairs, source="seed\x02.txt").encode("utf-8"))
    segs = [seg.text for seg in root.findall("body/tu")[0].iter("seg")]
    assert segs[0].startswith("الدبلوماسية الرقمية") and segs[1].startswith("Digital Diplomacy and")
    assert not any(c in "".join(segs) for c in "\x01\x0c\x1b")


def test_cli_no_english_abstract_warns_on_stderr_and_writes_tmx(tmp_path, capsys, seed_raw):
    """An article without an English abstract: exit 0, a TMX file that parses, the warning on stderr only."""
    from pipeline.cli import main

    lines = seed_raw.split("\n")
    start = lines.index("summary")
    end = next(n for n, line in enumerate(lines) if line.startswith("Keywords:"))
    article = tmp_path / "no-english-abstract.txt"
    article.write_text("\n".join(lines[:start] + lines[end + 1 :]), encoding="utf-8")
    out = tmp_path / "out.tmx"
    assert main(["align", str(article), "--format", "tmx", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"warning: {article}: align: no English abstract" in captured.err
    root = ET.parse(out).getroot()
    assert [tu.find("prop[@type='x-kind']").text for tu in root.findall("body/tu")] == ["title"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([article.name, out.name])  # no temporary file left
    assert main(["align", str(article), "--format", "tsv", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.endswith(f"{tmp_path}: is a folder, expected a file name to write\n")


def test_tmx_names_the_file_once_and_marks_beads_and_phrases(aligned):
    pairs = aligned_pairs(aligned)
    root = ET.fromstring(to_tmx(pairs, source="/home/someone/private/seed.txt").encode("utf-8"))
    assert root.find("header/prop[@type='x-source']").text == "seed.txt"  # no folder path, and once
    assert root.findall("body/tu/note") == []
    tus = root.findall("body/tu")
    kinds = [tu.find("prop[@type='x-kind']").text for tu in tus]
    assert [tu.get("segtype") for tu in tus] == ["sentence" if k == "abstract" else "phrase" for k in kinds]
    assert "1-2" in [tu.find("prop[@type='x-bead']").text for tu in tus]


def test_segments_are_fit_for_a_translation_memory(aligned):
    """Glyph codes, invisible and control characters reached the TSV and table (the TMX only dropped controls)."""
    from pipeline.align.formats import segment_text

    damaged = copy.deepcopy(aligned)
    title = damaged.title_ar.text
    glyphs = title.replace("الدبلوماسية", "ﺍﻟﺪﺑﻠﻮﻣﺎﺳﻴﺔ")
    assert glyphs != title
    damaged.title_ar.text = glyphs
    damaged.title_en.text = damaged.title_en.text.replace(" ", "\u200b \x1b", 2)
    pairs = aligned_pairs(damaged)
    assert pairs[0].ar == [segment_text(title, "ar")] == [" ".join(title.split())]
    assert pairs[0].en == [" ".join(aligned.title_en.text.split())]
    for text in (to_tsv(pairs), to_table(pairs)):
        assert "\x1b" not in text and "\u200b" not in text and "ﺍﻟﺪﺑﻠﻮﻣﺎﺳﻴﺔ" not in text


def test_align_out_never_overwrites_the_article_and_dash_is_stdout(tmp_path, capsys, seed_raw):
    import hashlib

    from pipeline.cli import main

    article = tmp_path / "victim.txt"
    article.write_text(seed_raw, encoding="utf-8")
    before = hashlib.sha256(article.read_bytes()).hexdigest()
    assert main(["align", str(article), "--format", "tsv", "--out", str(article)]) == 2
    assert "is the input article; the output would overwrite it" in capsys.readouterr().err
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    assert main(["align", str(article), "--format", "tsv", "--out", str(link)]) == 2
    assert hashlib.sha256(article.read_bytes()).hexdigest() == before
    capsys.readouterr()
    assert main(["align", str(article), "--format", "tsv", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("kind\tscore") and not (tmp_path / "-").exists()


def test_align_writes_utf8_whatever_the_terminal_encoding(seed_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    run = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "align", str(seed_path), "--format", "tsv"],
        capture_output=True, env=env, cwd=REPO, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")[-500:]
    assert "الدبلوماسية الرقمية" in run.stdout.decode("utf-8")


def test_flagged_repairs_are_marked_in_the_tmx_and_table(tmp_path, capsys, seed_raw):
    """A word the repair only flagged stays in the Arabic segment: the TMX unit and the table say so."""
    from pipeline.cli import main

    damaged = seed_raw.replace("مادة للاستخدام", "مادة للاستخدان", 1)  # the Arabic abstract's second sentence
    assert damaged != seed_raw
    path = tmp_path / "article.txt"
    path.write_text(damaged, encoding="utf-8")
    assert main(["align", str(path), "--format", "tmx"]) == 0
    root = ET.fromstring(capsys.readouterr().out.encode("utf-8"))
    notes = {tu.find("tuv/seg").text: tu.find("note").text for tu in root.iter("tu") if tu.find("note") is not None}
    assert len(notes) == 1
    ((segment, note),) = notes.items()
    assert "للاستخدان" in segment and "للاستخدان → للاستخدام" in note
    assert main(["align", str(path)]) == 0
    table = capsys.readouterr().out
    assert table.count("flagged, not repaired: للاستخدان → للاستخدام") == 1


# -- an abstract paragraph written twice (PDF/OCR conversion) ------------------------------------


def _abstract_links(article):
    """The abstract links as the sentence texts they join (ids shift when a paragraph is inserted)."""
    text = {s.id: s.text for p in article.passages for s in p.sentences}
    return sorted(
        (tuple(text[i] for i in link.ar), tuple(text[i] for i in link.en))
        for link in article.alignments
        if link.kind == "abstract" and link.ar and link.en
    )


def _doubled(seed_raw, passages):
    """The seed with the raw text of ``passages`` (consecutive) written a second time right after them."""
    start, end = passages[0].start, passages[-1].end
    return seed_raw[:end] + "\n\n" + seed_raw[start:end] + seed_raw[end:]


@pytest.mark.parametrize("which", ["ar:0", "ar:1", "en:0", "en:1", "ar:all", "en:all"])
def test_a_repeated_abstract_paragraph_leaves_the_alignment_as_it_was(
    stage, aligned, seed_article, seed_raw, tmp_path, which
):
    """Its copy used to pull the beads apart (e.g. the last Arabic sentence linked to a copy's second
    sentence plus the real translation, or the whole English abstract written twice leaving the
    first translation unaligned); now the copies are left unaligned with a warning, the rest as before."""
    from pipeline.reader import read_article

    lang, part = which.split(":")
    paragraphs = seed_article.abstract(lang)
    doubled = paragraphs if part == "all" else [paragraphs[int(part)]]
    path = tmp_path / "doubled.txt"
    path.write_text(_doubled(seed_raw, doubled), encoding="utf-8")
    article = stage(read_article(path))
    assert len(article.abstract(lang)) == len(paragraphs) + len(doubled)  # the reader kept the copy

    assert _abstract_links(article) == _abstract_links(aligned)
    # The copy's paragraphs come right after the paragraphs they repeat.
    after = paragraphs.index(doubled[-1]) + 1
    copies = [s for p in article.abstract(lang)[after : after + len(doubled)] for s in p.sentences]
    ids = {d.id for d in doubled}
    assert [s.text for s in copies] == [s.text for p in aligned.abstract(lang) if p.id in ids for s in p.sentences]
    side = "ar" if lang == "ar" else "en"
    other = "en" if side == "ar" else "ar"
    for s in copies:
        link = next(x for x in article.alignments if s.id in getattr(x, side))
        assert getattr(link, side) == [s.id] and getattr(link, other) == [] and link.score == 0.0
    warning = next(w for w in article.warnings if "repeat earlier ones word for word" in w)
    assert all(s.id in warning for s in copies)
    # Every sentence is in exactly one link, in reading order on both sides.
    for key in ("ar", "en"):
        ids = [i for link in article.alignments if link.kind == "abstract" for i in getattr(link, key)]
        assert ids == [s.id for p in article.abstract(key) for s in p.sentences]


def test_repeated_sentences_need_the_same_words_and_a_sentence_length():
    from pipeline.align.repeats import repeated_sentences

    en = [s.text for p in read_seed_abstract("en") for s in p.sentences]
    assert repeated_sentences(en) == {}
    twice = en + [en[1].upper(), en[0] + " .", "See above.", "See above."]
    assert repeated_sentences(twice) == {len(en): 1, len(en) + 1: 0}  # short phrases never count


def read_seed_abstract(lang):
    from pipeline.reader import read_article

    from .conftest import SEED_PATH

    article = read_article(SEED_PATH)
    AlignStage._segment(article.abstract(lang))
    return article.abstract(lang)
