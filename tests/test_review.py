"""The review page (pipeline/review.py) and ``diplo review``, on the seed processed by the whole pipeline."""

from __future__ import annotations

import copy
import re
from collections import Counter
from html import escape, unescape

import pytest

from pipeline.cli import main
from pipeline.document import Article
from pipeline.review import place_entities, render_html

MARK = re.compile(r'<mark class="entity"[^>]*>\s*(.*?)\s*<span', re.S)


@pytest.fixture(scope="module")
def seed_json(seed_path, tmp_path_factory):
    """The seed's JSON as ``diplo run`` writes it (the whole pipeline runs once for the module)."""
    out = tmp_path_factory.mktemp("run")
    assert main(["run", str(seed_path), "--out", str(out)]) == 0
    return out / f"{seed_path.stem}.json"


@pytest.fixture(scope="module")
def processed(seed_json) -> Article:
    return Article.from_json(seed_json.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(processed) -> str:
    return render_html(processed)


def _blocks(page: str) -> dict[str, str]:
    """Each passage's part of the page, by passage id."""
    return dict(re.findall(r'<article class="passage" id="([^"]+)">(.*?)</article>', page, re.S))


def test_every_entity_is_placed_once_and_none_is_lost(processed):
    assert processed.stages == ["read", "repair", "align", "ner", "classify"]
    placement = place_entities(processed)
    assert placement.count() == len(processed.entities) > 100
    shown = [e for spans in placement.marks.values() for _, _, e in spans]
    shown += [e for listed in placement.listed.values() for e, _ in listed] + placement.outside
    assert sorted(map(id, shown)) == sorted(map(id, processed.entities))
    # The English abstract's entities are highlighted in the English abstract passage.
    english = [e for e in processed.entities if e.lang == "en"]
    assert english and all(e.passage_id in placement.marks for e in english)


def test_every_arabic_entity_is_highlighted_in_its_passage(processed, page):
    blocks = _blocks(page)
    marks = {pid: Counter(unescape(m) for m in MARK.findall(block)) for pid, block in blocks.items()}
    arabic = [e for e in processed.entities if e.lang == "ar"]
    same = 0
    for e in arabic:
        passage = processed.passage(e.passage_id)
        start, end = passage.best_map.span_from_raw(e.start, e.end)
        shown = passage.best_text[start:end]
        assert marks[e.passage_id][shown] > 0, (e, shown)
        marks[e.passage_id][shown] -= 1
        same += shown == e.text
    # The text shown is the entity's raw text except where repair changed it (e.g. توينتر -> تويتر).
    assert same >= len(arabic) - 5
    assert "raw 11890–11896 «توينتر»" in page  # the raw text stays in the highlight's tooltip


def test_passages_labels_probabilities_and_headings_appear(processed, page):
    blocks = _blocks(page)
    assert set(blocks) == {p.id for p in processed.passages}
    labelled = [p for p in processed.passages if p.label]
    assert len(labelled) > 50
    for p in labelled:
        block = blocks[p.id]
        assert f">{p.label} {p.label_probs[p.label]:.2f}</span>" in block
        assert block.count('class="prob"') == len(p.label_probs)
        for cue in p.label_cues:
            assert f">{escape(cue)}</span>" in block
    for p in processed.passages:
        direction = "rtl" if p.lang == "ar" else "ltr"
        assert f'<div class="text" lang="{p.lang}" dir="{direction}">' in blocks[p.id]
    for section in processed.sections:
        assert f'id="{section.id}"' in page and escape(section.heading) in page


def test_edits_appear_under_their_passage_with_suggestions(processed, page):
    blocks = _blocks(page)
    flagged = [e for e in processed.edits if e.status == "flagged"]
    applied = [e for e in processed.edits if e.status == "applied"]
    assert flagged and applied
    for e in processed.edits:
        rows = re.findall(
            rf'<tr class="{e.status}"><td dir="ltr">{e.start}–{e.end}</td>(.*?)</tr>', blocks[e.passage_id]
        )
        assert len(rows) == 1, e
        if e.status == "flagged":
            assert f'<span class="flag">{escape(e.original)}</span>' in rows[0]
            assert " · ".join(escape(s) for s in e.suggestions) in rows[0]
        else:
            assert f"<del>{escape(e.original)}</del><ins>{escape(e.replacement)}</ins>" in rows[0]
        assert f">{escape(e.rule)}<" in rows[0] and f">{escape(e.kind)}<" in rows[0]


def test_alignment_table_has_every_bead(processed, page):
    table = re.search(r'<table class="alignment">(.*?)</table>', page, re.S).group(1)
    rows = table.count("<tr>") - 1
    assert rows == len(processed.alignments) >= 5
    beads = Counter(f"{len(link.ar)}-{len(link.en)}" for link in processed.alignments)
    assert beads["1-1"] >= 5
    for bead, n in beads.items():
        assert table.count(f'<td dir="ltr">{bead}<br>') == n
    sentence = processed.abstract("en")[0].sentences[0]
    assert escape(sentence.text) in table and processed.title_en.text in table


def test_every_text_is_escaped_and_the_page_is_self_contained(processed, page):
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in page
    assert '<meta charset="utf-8">' in page
    assert not re.search(r"<script|<link|@import|url\(|\b(src|href)=\"(?!#)", page)
    evil = "<script>alert('x')</script><x-evil>"
    article = copy.deepcopy(processed)
    target = next(p for p in article.passages if p.kind == "paragraph" and p.clean_text is not None)
    target.clean_text = evil + target.clean_text
    article.sections[0].heading = evil
    article.warnings.append(evil)
    target.label_cues.append(evil)
    next(iter(article.metadata.values())).text = evil
    article.edits[0].original = evil
    article.edits[0].suggestions = [evil]
    article.source = f"/tmp/{evil}.txt"
    bad = render_html(article)
    assert "<script" not in bad and "<x-evil" not in bad
    assert bad.count("&lt;x-evil&gt;") >= 8


def test_json_route_and_text_route_give_the_same_page(seed_path, seed_json, tmp_path, processed, page, capsys):
    from_json, from_text = tmp_path / "json.html", tmp_path / "out" / "text.html"
    assert main(["review", str(seed_json), "-o", str(from_json)]) == 0
    assert main(["review", str(seed_path), "-o", str(from_text)]) == 0
    assert from_json.read_text(encoding="utf-8") == page
    assert from_text.read_text(encoding="utf-8") == page
    assert sorted(p.name for p in from_text.parent.iterdir()) == ["text.html"]  # no temporary file left
    capsys.readouterr()
    assert main(["review", str(seed_json)]) == 0  # without -o: the page on stdout
    assert capsys.readouterr().out == page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("not-article.json", '{"hello": 1}', "expected an article JSON written by diplo run: not an article document"),
        ("broken.json", '{"raw": "x",', "expected an article JSON written by diplo run: not JSON"),
        ("list.json", "[1, 2]", "not an article document"),
        ("missing.json", None, "no such file"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["review", str(path), "-o", str(tmp_path / "page.html")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert captured.err.startswith(f"error: {path}: ") and message in captured.err
    assert not (tmp_path / "page.html").exists()


def test_output_that_is_a_folder_is_refused_before_reading(tmp_path, seed_json, capsys):
    assert main(["review", str(seed_json), "-o", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a folder" in capsys.readouterr().err


def test_a_read_only_article_renders_without_the_later_stages(seed_article):
    article = copy.deepcopy(seed_article)  # the session's read-only seed: not mutated
    page = render_html(article)
    assert set(_blocks(page)) == {p.id for p in article.passages}
    assert "no alignment (the align stage did not run)" in page
    assert "<mark" not in page.split("</header>", 1)[1] and 'class="label"' not in page
    assert "stages that ran: <b>none</b>" in page  # read_article alone records no stage
