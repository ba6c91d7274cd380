"""The review page (pipeline/review.py) and ``diplo review``, on the seed processed by the whole pipeline."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections import Counter
from html import escape, unescape
from html.parser import HTMLParser

import pytest

from pipeline.cli import main
from pipeline.document import Article, Section
from pipeline.review import codepoint_name, heading_as_written, needs_name, place_entities, render_html

MARK = re.compile(r'<mark class="entity"[^>]*>\s*(.*?)\s*<span', re.S)
ZWJ = "\u200d"


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


def _text(html: str) -> str:
    """The text a fragment shows (tags dropped, entities decoded, joiners added by the page removed)."""
    return unescape(re.sub(r"<[^>]+>", "", html)).replace(ZWJ, "")


def _shown(s: str) -> str:
    """What the edit table shows for an edit's original or replacement (∅, ␣, or named characters)."""
    if not s:
        return "∅"
    if not s.strip(" \n\t"):
        return s.replace(" ", "␣").replace("\n", "↵").replace("\t", "⇥")
    return "".join(codepoint_name(ch) if needs_name(s, i) else ch for i, ch in enumerate(s))


def _cells(row: str) -> dict[str, str]:
    return dict(re.findall(r'<td class="(\w+)"[^>]*>(.*?)</td>', row, re.S))


def _row(page: str, e) -> str:
    rows = re.findall(rf'<tr class="{e.status}"><td class="raw" dir="ltr">{e.start}–{e.end}</td>(.*?)</tr>', page)
    assert len(rows) == 1, e
    return rows[0]


def test_edits_appear_under_their_passage_with_suggestions(processed, page):
    blocks = _blocks(page)
    flagged = [e for e in processed.edits if e.status == "flagged"]
    applied = [e for e in processed.edits if e.status == "applied"]
    assert flagged and applied
    for e in processed.edits:
        passage = processed.passage(e.passage_id)
        cells = _cells(_row(blocks[e.passage_id], e))
        assert _text(cells["change"]) == f"{_shown(e.original)} ← {_shown(e.replacement)}"
        # The context reads, in order: the text before, what is removed (and added), the text after.
        before = processed.raw[max(passage.start, e.start - 30) : e.start].replace("\n", " ")
        after = processed.raw[e.end : min(passage.end, e.end + 30)].replace("\n", " ")
        middle = _shown(e.original) if e.original or e.status != "applied" else ""
        if e.status == "applied" and e.replacement:
            middle += _shown(e.replacement)
        assert _text(cells["context"]).strip("…") == before + middle + after, e
        if e.status == "flagged":
            assert re.search(r'<span class="flag" dir="(rtl|ltr)">', cells["context"])
            assert _text(cells["suggestions"]) == " · ".join(e.suggestions)
        else:
            assert "<del " in cells["context"] or "<ins " in cells["context"]
        status = _text(cells["status"])
        assert status.startswith(f"{e.status}confidence {e.confidence:.2f}") and e.kind in status
        if e.rule != e.kind:
            assert f"rule {e.rule}" in status


class _Isolation(HTMLParser):
    """Records, for each text in an edit table's change and context cells, the tags around it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict]] = []
        self.texts: list[tuple[str, list[tuple[str, dict]]]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "wbr"):
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        cell = next((a.get("class") for t, a in self.stack if t == "td"), None)
        if cell in ("change", "context") and data.strip(" ←"):  # the arrow is the cell's own
            inner = self.stack[[t for t, _ in self.stack].index("td") + 1 :]
            self.texts.append((data, inner))


def test_every_piece_of_an_edit_is_bidi_isolated_run_by_run(processed, page):
    tables = "".join(re.findall(r'<table class="edits">.*?</table>', page, re.S))
    # Every deleted, inserted or flagged piece has a direction of its own (an isolate).
    assert re.findall(r"<(?:del|ins)\b", tables) and not re.findall(r"<(?:del|ins)>", tables)
    assert all(' dir="' in t for t in re.findall(r'<(?:del|ins|span class="flag")[^>]*>', tables))
    parser = _Isolation()
    parser.feed(tables)
    assert len(parser.texts) > 100
    for data, inner in parser.texts:
        # Each text sits in an isolate inside its cell, and none mixes the two directions.
        assert any(t == "bdi" or "dir" in a for t, a in inner), data
        kinds = {unicodedata.bidirectional(ch) for ch in data} & {"L", "R", "AL"}
        assert not ({"L"} & kinds and {"R", "AL"} & kinds), data
    # p0043: the English sentence removed after the Arabic one is one left-to-right run, its full
    # stop at its end, in the change cell and in the context.
    e = next(e for e in processed.edits if e.start == 21518 and e.rule == "leaked_translation")
    sentence = (
        "Moreover, digital diplomacy has accelerated the dissemination of information, "
        "especially during various crises."
    )
    assert e.original == " " + sentence
    cells = _cells(_row(page, e))
    assert f'<bdi dir="ltr">{sentence}</bdi>' in cells["change"]
    assert f'<del dir="rtl"> <bdi dir="ltr">{sentence}</bdi></del>' in cells["context"]
    # The full stop after a deleted Arabic sentence stays between it and the English after it
    # (plain text in the right-to-left line, not inside the English run).
    before_it = next(e for e in processed.edits if e.start == 21426)
    context = _cells(_row(page, before_it))["context"]
    assert '</del><bdi dir="rtl">. <bdi dir="ltr">Moreover, digital diplomacy</bdi> </bdi>' in context


def test_a_letter_added_inside_a_word_keeps_the_letters_joined(processed, page):
    # تشار -> تتشار in «الانتشار»: the inserted ت is shown between zero-width joiners, so the
    # word keeps its joined letter forms across the pieces.
    e = next(e for e in processed.edits if e.start == 21813)
    assert (e.original, e.replacement) == ("", "ت")
    context = _cells(_row(page, e))["context"]
    assert f"الان{ZWJ}</bdi></bdi><ins" in context and f">{ZWJ}ت{ZWJ}</bdi></ins>" in context
    assert f'<bdi dir="rtl"><bdi dir="rtl">{ZWJ}شار' in context
    assert "<del" not in context  # an insertion shows only what it inserts


def test_entity_highlights_never_break_across_lines(page):
    marks = re.findall(r'<mark class="entity"[^>]*>', page)
    assert len(marks) > 100
    assert all("white-space: nowrap" in m for m in marks)
    assert re.search(r"mark\.entity[^{]*\{[^}]*white-space: nowrap", page)


def test_narrow_windows_scroll_the_edit_table_not_the_page_and_never_split_words(page):
    css = page[page.index("<style>") : page.index("</style>")]
    assert "anywhere" not in css and "break-all" not in css and "table-layout: fixed" not in css
    assert "table.edits { table-layout: auto; }" in css and ".scroll { overflow-x: auto;" in css
    tables = re.findall(r"(.{0,40})<table class=\"(edits|alignment|meta-table)\">", page)
    assert len(tables) > 10 and all(before.endswith('<div class="scroll">') for before, _ in tables)


def test_labels_say_what_they_are(processed, page):
    header, body = page.split("</header>", 1)
    # Section headings as the article writes them: no reader count before «ثانياً: ...».
    s010 = next(s for s in processed.sections if s.id == "s010")
    assert s010.number == "2" and s010.heading.startswith("ثانياً")
    assert f'<h4 id="s010" dir="rtl"><bdi>{escape(s010.heading)}</bdi> ' in body
    assert not re.search(r"<h[3-6][^>]*><bdi>\d", body)
    # Every page heading starts on the same (right) side.
    assert all(' dir="rtl"' in h for h in re.findall(r"<h[2-6][^>]*>", page))
    # The legend explains the cues' spelling, the bars and the raw offsets.
    legend = re.search(r'<details class="legend".*?</details>', header, re.S).group(0)
    text = _text(legend)
    assert "cue terms «in quotes» and heading words as the article writes them" in text
    assert "normalised spelling" in text
    assert "one bar per class" in text and "raw" in text and "end is excluded" in text
    # Numbers say what they are; counts agree with their number.
    assert re.search(r"<b>applied</b><br><span [^>]*>confidence 0\.\d\d</span>", body)
    assert "1 entities" not in page and "1 edits" not in page and "· 1 entity, " in page
    assert 'class="bead">ar 1 : en 2<br>' in page and 'class="bead">ar 1 : en 1<br>' in page
    assert '<td dir="ltr" title="article_name">Article name</td>' in header
    assert ">article_name<" not in header


def test_heading_as_written_keeps_a_number_the_article_writes():
    raw = "1. المقدمة\n\nنص\n\nثانياً: أهداف الدراسة\n\nنص"
    first = Section("s1", "المقدمة", 1, 0, 16, number="1")
    second = Section("s2", "ثانياً: أهداف الدراسة", 1, raw.index("ثانياً"), len(raw), number="2")
    assert heading_as_written(raw, first) == "1. المقدمة"
    assert heading_as_written(raw, second) == "ثانياً: أهداف الدراسة"


@pytest.mark.parametrize(
    ("text", "i", "named"),
    [
        ("\u093c", 0, True),  # a lone combining mark: a missing-glyph box
        ("\u200c", 0, True),  # zero width non-joiner: invisible
        ("a\u00a0b", 1, True),  # no-break space
        ("وأجّحت", 3, False),  # a shadda on its letter renders
        ("\u0651", 0, True),  # a lone shadda does not
        (".", 0, True),  # a lone full stop is easy to miss
        ("ـ", 0, True),  # a lone tatweel is a stroke
        ("ت", 0, False),
        ("x", 0, False),
        ("ab", 0, False),
        (" ", 0, False),
    ],
)
def test_which_characters_the_edit_table_names(text, i, named):
    assert needs_name(text, i) is named


def test_a_deleted_nukta_is_shown_by_its_name(processed, page):
    e = next(e for e in processed.edits if e.start == 3617)
    assert e.original == "\u093c" and codepoint_name(e.original) == "U+093C DEVANAGARI SIGN NUKTA"
    row = _row(page, e)
    assert "\u093c" not in row
    assert row.count('<span class="cp" dir="ltr">U+093C DEVANAGARI SIGN NUKTA</span>') == 2  # change and context


def test_alignment_table_has_every_bead(processed, page):
    table = re.search(r'<table class="alignment">(.*?)</table>', page, re.S).group(1)
    rows = table.count("<tr>") - 1
    assert rows == len(processed.alignments) >= 5
    beads = Counter(f"ar {len(link.ar)} : en {len(link.en)}" for link in processed.alignments)
    assert beads["ar 1 : en 1"] >= 5
    for bead, n in beads.items():
        assert table.count(f'<td dir="ltr" class="bead">{bead}<br>') == n
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
        ("empty.json", "", "the file is empty"),
        ("blank.jsonl", " \n\n", "the file is empty"),
        ("two.jsonl", '{"a": 1}\n{"b": 2}\n', "holds 2 JSON documents (JSON Lines); review takes one"),
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
    body = page.split("</header>", 1)[1]
    assert "<mark" not in body and 'class="label"' not in body
    assert "stages that ran: <b>none</b>" in page  # read_article alone records no stage


def test_json_lines_of_several_articles_is_refused_with_what_to_do(tmp_path, seed_json, capsys):
    # What diplo run a.txt b.txt writes to stdout: one article a line.
    line = json.dumps(json.loads(seed_json.read_text(encoding="utf-8")), ensure_ascii=False)
    path = tmp_path / "two.jsonl"
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    assert main(["review", str(path), "-o", str(tmp_path / "page.html")]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {path}: holds 2 articles (JSON Lines); review takes one: split it or run `diplo run` with --out\n"
    )
    assert not (tmp_path / "page.html").exists()
    path.write_text(f"{line}\n", encoding="utf-8")  # one line of JSON Lines is one article
    assert main(["review", str(path), "-o", str(tmp_path / "page.html")]) == 0


def test_an_unknown_edit_status_is_refused_naming_the_edit(tmp_path, seed_json, capsys):
    data = json.loads(seed_json.read_text(encoding="utf-8"))
    data["edits"][3]["status"] = "rejectd"  # a reviewer's typo
    e = data["edits"][3]
    path = tmp_path / "reviewed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["review", str(path), "-o", str(tmp_path / "page.html")]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(f"error: {path}: edit 3 (raw {e['start']}–{e['end']}, rule {e['rule']}") and err.count("\n") == 1
    )
    assert "status 'rejectd', expected one of applied, flagged, rejected" in err
    assert not (tmp_path / "page.html").exists()
    with pytest.raises(ValueError, match="status 'rejectd'"):
        render_html(Article.from_json(path.read_text(encoding="utf-8")))


def test_review_never_overwrites_its_input(tmp_path, capsys, seed_path):
    from pipeline.cli import main

    data = tmp_path / "run.json"
    assert main(["run", str(seed_path), "--compact", "-d", "repair", "-d", "align", "-d", "ner", "-d", "classify"]) == 0
    data.write_text(capsys.readouterr().out, encoding="utf-8")
    before = data.read_bytes()
    assert main(["review", str(data), "-o", str(data)]) == 2
    assert "is the input; the page would overwrite it" in capsys.readouterr().err
    assert data.read_bytes() == before
