"""A human-readable review page of one processed article: ``diplo review INPUT [-o OUT.html]``.

``diplo run`` writes JSON, which is complete but hard to read. :func:`render_html` turns one
processed :class:`~pipeline.document.Article` into a single self-contained HTML page (inline CSS,
no scripts, no external resources) that shows what every stage did:

- the header: source file, titles, metadata, the stages that ran and the article's warnings;
- the abstracts and keywords, and the sentence alignment as a table of beads;
- every other passage under its section heading, with its class, the probability of each class
  and the cues behind it, its repaired text with the entities highlighted (spaCy's displaCy in
  manual mode), and the repair edits made or suggested in it.

Entities and edits carry raw offsets; they are placed in a passage's repaired text through
:meth:`~pipeline.document.OffsetMap.span_from_raw`. An entity that cannot be highlighted (it
overlaps another one, or lies outside every passage, title and keyword) is listed where it
belongs instead: none is dropped (:func:`place_entities` says where each one goes).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Annotated

import typer

from .document import ENTITY_LABELS, PASSAGE_LABELS, Article, Edit, Entity, OffsetMap, Passage, Section, TextSpan
from .errors import InputError, InputNotFoundError, SchemaError
from .repair.edit_log import REVIEW_STATUSES

#: Background colour of each entity type's highlight (displaCy's ``colors`` option).
ENTITY_COLORS = {
    "PER": "#f6c28b",
    "ORG": "#9cc3f5",
    "LOC": "#a8e6a1",
    "PLATFORM": "#d9b8f2",
    "DATE": "#f3e88e",
}

#: Colour of each passage class (its label pill and probability bar).
CLASS_COLORS = {
    "concept": "#4e79a7",
    "goal": "#59a14f",
    "tool": "#f28e2b",
    "risk": "#e15759",
    "example": "#b07aa1",
    "other": "#9c9c9c",
}

_CSS = """
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", Arial, sans-serif;
  margin: 0; background: #f4f4f2; color: #222; line-height: 1.6; }
main { max-width: 1150px; margin: 0 auto; padding: 1em 1.5em 3em; background: #fff; }
h1 { font-size: 1.6em; margin: 0.2em 0; } h2 { border-bottom: 2px solid #ddd; margin-top: 1.8em; }
/* Every heading of the page's own structure starts at the right, as the page is right to left. */
h2, h3, h4, h5, h6 { text-align: right; }
.en-title { font-size: 1.15em; color: #444; margin: 0 0 0.8em; }
/* A wide table scrolls inside its own box; the page itself never scrolls sideways. */
.scroll { overflow-x: auto; max-width: 100%; margin: 0.5em 0; }
table { border-collapse: collapse; width: 100%; margin: 0; font-size: 0.92em; }
th, td { border: 1px solid #ddd; padding: 0.3em 0.5em; vertical-align: top; }
th { background: #f0f0ee; font-weight: 600; white-space: nowrap; }
.meta-table td:first-child { white-space: nowrap; color: #555; width: 10em; }
.muted, .sid { color: #888; font-size: 0.85em; }
.chips span.chip { display: inline-block; background: #eef1f5; border-radius: 0.8em; padding: 0 0.6em;
  margin: 0.15em; font-size: 0.9em; }
.warning { color: #8a4b00; background: #fff4e0; padding: 0.2em 0.5em; margin: 0.2em 0; border-radius: 0.3em; }
.passage { border: 1px solid #e2e2e2; border-radius: 0.4em; margin: 0.8em 0; padding: 0.4em 0.8em; }
.passage .head { font-size: 0.85em; color: #555; }
.pid { font-family: monospace; font-weight: bold; color: #222; }
.label { display: inline-block; color: #fff; border-radius: 0.3em; padding: 0 0.5em; font-weight: bold; }
.probs { display: flex; flex-wrap: wrap; gap: 0.2em 1em; font-size: 0.8em; margin: 0.2em 0; }
.prob { display: inline-flex; align-items: center; gap: 0.3em; }
.bar { display: inline-block; width: 70px; height: 0.7em; background: #eee; border-radius: 0.2em; overflow: hidden; }
.bar span { display: block; height: 100%; }
.text { font-size: 1.05em; }
.entities { line-height: 2.4 !important; }
/* Each highlight (and its label) is its own bidi unit: a Latin name beside an Arabic one keeps its box;
   and it never breaks across lines, so the label stays beside the name. */
mark.entity, mark.entity > span { unicode-bidi: isolate; white-space: nowrap; }
/* Edit table: columns grow to their longest word (no word is ever split, which would break the
   joining of Arabic letters); when the columns do not fit, the table scrolls in its .scroll box. */
table.edits { table-layout: auto; }
table.edits td { overflow-wrap: normal; word-break: normal; }
table.edits td.context { min-width: 10em; width: 40%; } table.edits td.change { min-width: 6em; width: 22%; }
table.edits th { white-space: normal; } table.edits td.status { font-size: 0.9em; }
table.edits .code { font-family: monospace; font-size: 0.9em; }
/* Every piece of an edit (kept text, deleted, inserted, and each run of one script in them) is
   isolated, so Arabic and English around a change keep their own order. */
table.edits del, table.edits ins, table.edits .flag, table.edits bdi { unicode-bidi: isolate; }
tr.flagged { background: #fff8d6; } tr.applied { background: #f1faef; }
tr.rejected { background: #f2f2f2; color: #777; }
del { background: #f8d0d0; text-decoration: line-through; } ins { background: #c9f0c4; text-decoration: none; }
.flag { background: #ffe28a; }
.ws { color: #999; font-family: monospace; }
.cp { font-family: monospace; font-size: 0.85em; color: #444; }
a { color: #2a5db0; text-decoration: none; }
.legend { font-size: 0.9em; } .legend dt { font-weight: 600; } .legend dd { margin: 0 0 0.3em 1.5em; }
.legend mark { padding: 0.1em 0.5em; border-radius: 0.3em; margin: 0 0.2em; white-space: nowrap; }
"""


# -- where the entities go ----------------------------------------------------


@dataclass
class _Holder:
    """A piece of text entities can be highlighted in: a passage, a title or a keyword."""

    key: str
    text: str
    map: OffsetMap
    start: int
    end: int


@dataclass
class EntityPlacement:
    """Where each entity of an article is shown on the review page.

    Attributes:
        marks: Per holder (a passage id, ``title.ar``/``title.en`` or ``kw.ar.N``/``kw.en.N``),
            the entities highlighted in its text, as ``(start, end, entity)`` with offsets into
            the holder's displayed text, in text order and not overlapping.
        listed: Per holder, the entities shown in a list under it with the reason they are not
            highlighted (they overlap a highlighted one, or map to no text of it).
        outside: Entities in no passage, title or keyword, listed at the end of the page.
    """

    marks: dict[str, list[tuple[int, int, Entity]]] = field(default_factory=dict)
    listed: dict[str, list[tuple[Entity, str]]] = field(default_factory=dict)
    outside: list[Entity] = field(default_factory=list)

    def count(self) -> int:
        """How many entities the page shows (highlighted, listed or outside)."""
        return sum(len(v) for v in self.marks.values()) + sum(len(v) for v in self.listed.values()) + len(self.outside)


def _holders(article: Article) -> list[_Holder]:
    holders = [_Holder(p.id, p.best_text, p.best_map, p.start, p.end) for p in article.passages]

    def add(key: str, span: TextSpan | None) -> None:
        # A title or keyword is shown as its text; its raw offsets map one to one only when
        # the text is the raw slice (the reader keeps it so; anything else is not highlighted).
        if span is not None and span.end > span.start and article.raw[span.start : span.end] == span.text:
            holders.append(
                _Holder(key, span.text, OffsetMap.identity(span.start, len(span.text)), span.start, span.end)
            )

    add("title.ar", article.title_ar)
    add("title.en", article.title_en)
    for lang, keywords in (("ar", article.keywords_ar), ("en", article.keywords_en)):
        for i, keyword in enumerate(keywords):
            add(f"kw.{lang}.{i}", keyword)
    return holders


def place_entities(article: Article) -> EntityPlacement:
    """Decide where the review page shows each entity of ``article``.

    An entity is highlighted in its passage (``Entity.passage_id``) when its raw span lies in
    the passage and maps to some of the passage's repaired text; an entity without a usable
    passage goes to the passage, title or keyword whose raw span holds it. Of overlapping
    entities the earlier (then longer) one is highlighted and the other listed under the same
    text. Every entity is placed exactly once: ``place_entities(a).count() == len(a.entities)``.

    Args:
        article: A processed article.

    Returns:
        The placement of every entity.
    """
    holders = _holders(article)
    by_key = {h.key: h for h in holders}
    placement = EntityPlacement()
    candidates: dict[str, list[tuple[int, int, Entity]]] = {}
    for entity in article.entities:
        holder = by_key.get(entity.passage_id or "")
        if holder is None or not (holder.start <= entity.start and entity.end <= holder.end):
            holder = next((h for h in holders if h.start <= entity.start and entity.end <= h.end), None)
        if holder is None:
            placement.outside.append(entity)
            continue
        start, end = holder.map.span_from_raw(entity.start, entity.end)
        if start >= end or not holder.text[start:end].strip():
            placement.listed.setdefault(holder.key, []).append((entity, "no text left after repair"))
            continue
        candidates.setdefault(holder.key, []).append((start, end, entity))
    for key, spans in candidates.items():
        spans.sort(key=lambda item: (item[0], -item[1]))
        kept: list[tuple[int, int, Entity]] = []
        for start, end, entity in spans:
            if kept and start < kept[-1][1]:
                other = kept[-1][2]
                placement.listed.setdefault(key, []).append((entity, f"overlaps {other.label} «{other.text}»"))
            else:
                kept.append((start, end, entity))
        placement.marks[key] = kept
    return placement


# -- the page -----------------------------------------------------------------


def render_html(article: Article) -> str:
    """A self-contained HTML review page of one processed article.

    The page shows, in reading order: the source file, titles, metadata, the stages that ran
    and the warnings, and a legend; the abstracts and keywords with their entities, and the
    sentence alignment as a table (Arabic | English | bead, e.g. ``ar 1 : en 2`` | score);
    then every other passage under its section heading (as the article writes it) with its
    class and class probabilities, its cue terms, its repaired text with the entities
    highlighted (displaCy, manual mode; Arabic right to left; a highlight never breaks across
    lines) and a table of the repair edits in it (raw offsets, original ← replacement and the
    same in context, status with confidence, kind and rule, suggestions). In that table each
    piece of text is bidi-isolated, run by run, so mixed Arabic and English keep their order,
    and invisible or combining characters are named (``U+093C DEVANAGARI SIGN NUKTA``). All
    text is HTML-escaped; the page has inline CSS only, no scripts and no external resources.

    Args:
        article: A processed article (any subset of the stages may have run).

    Returns:
        The page as a UTF-8 HTML document.

    Raises:
        InputError: An edit has a status other than ``applied``, ``flagged`` or ``rejected``.
    """
    check_statuses(article, article.source or "article")
    placement = place_entities(article)
    edits_by_passage: dict[str, list[Edit]] = {}
    stray_edits: list[Edit] = []
    ids = {p.id for p in article.passages}
    for edit in sorted(article.edits, key=lambda e: (e.start, e.end)):
        if edit.passage_id in ids:
            edits_by_passage.setdefault(edit.passage_id, []).append(edit)
        else:
            stray_edits.append(edit)
    page = _Page(article, placement, edits_by_passage)
    name = Path(article.source).name if article.source else "(text)"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ar" dir="rtl">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(name)} — diplo review</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body><main>",
        page.header(name),
        page.front_matter(),
        page.body(),
        page.leftovers(stray_edits),
        "</main></body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


class _Page:
    """Renders the parts of one article's page."""

    def __init__(self, article: Article, placement: EntityPlacement, edits: dict[str, list[Edit]]) -> None:
        self.article = article
        self.placement = placement
        self.edits = edits

    # -- header ---------------------------------------------------------------

    def header(self, name: str) -> str:
        a = self.article
        out = ['<header dir="rtl">', f'<p class="muted" dir="ltr">source: <b>{escape(name)}</b>']
        if a.source and a.source != name:
            out.append(f" ({escape(a.source)})")
        out.append(f" · encoding {escape(a.encoding)} · schema {escape(a.schema_version)}</p>")
        out.append(f'<h1 lang="ar" dir="rtl">{self._holder_html("title.ar", a.title_ar)}</h1>')
        if a.title_en is not None:
            out.append(f'<p class="en-title" lang="en" dir="ltr">{self._holder_html("title.en", a.title_en)}</p>')
        rows = []
        for key, span in a.metadata.items():
            if key in ("title_ar", "title_en", "archive_notice"):
                continue  # the titles are above; the archive's notice is boilerplate
            rows.append(
                f'<tr><td dir="ltr" title="{escape(key, quote=True)}">{escape(metadata_name(key))}</td>'
                f'<td dir="auto">{escape(span.text)}</td></tr>'
            )
        if rows:
            out.append('<div class="scroll"><table class="meta-table">' + "".join(rows) + "</table></div>")
        out.append(f'<p dir="ltr">stages that ran: <b>{escape(" → ".join(a.stages) or "none")}</b></p>')
        out.append(self._summary())
        if a.warnings:
            out.append('<div dir="ltr"><b>warnings</b>')
            out.extend(f'<div class="warning" dir="auto">{escape(w)}</div>' for w in a.warnings)
            out.append("</div>")
        else:
            out.append('<p class="muted" dir="ltr">no warnings</p>')
        out.append(self._legend())
        out.append("</header>")
        return "\n".join(out)

    def _summary(self) -> str:
        a = self.article
        kinds = Counter(p.kind for p in a.passages)
        labels = Counter(p.label for p in a.passages if p.label)
        ents = Counter(e.label for e in a.entities)
        status = Counter(e.status for e in a.edits)
        marked = sum(len(v) for v in self.placement.marks.values())
        items = [
            "passages: " + ", ".join(f"{n} {k}" for k, n in kinds.items()),
            "classes: " + (", ".join(f"{n} {k}" for k, n in labels.most_common()) or "none"),
            f"entities: {len(a.entities)} ({', '.join(f'{n} {k}' for k, n in ents.most_common()) or 'none'}); "
            f"{marked} highlighted, {len(a.entities) - marked} listed",
            "edits: " + (", ".join(f"{n} {k}" for k, n in status.most_common()) or "none"),
            f"alignment beads: {len(a.alignments)}",
        ]
        flagged = [e for e in a.edits if e.status == "flagged"]
        if flagged:
            links = ", ".join(
                f'<a href="#{escape(e.passage_id or "leftovers", quote=True)}" dir="auto">{_visible(e.original)}</a>'
                for e in flagged
            )
            items.append(f"flagged for review: {links}")
        return '<ul dir="ltr">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"

    def _legend(self) -> str:
        labels = [*ENTITY_LABELS, *sorted({e.label for e in self.article.entities} - set(ENTITY_LABELS))]
        marks = "".join(
            f'<mark style="background: {ENTITY_COLORS.get(label, "#ddd")}">{escape(label)}</mark>' for label in labels
        )
        bars = "".join(
            f'<span class="prob">{escape(label)} <span class="bar"><span style="width: 50%; background: '
            f'{CLASS_COLORS[label]}"></span></span></span> '
            for label in CLASS_COLORS  # the classes and "other"
        )
        items = [
            ("entities", f"{marks} the name recognised, with its type; hover for its raw text and offsets"),
            (
                "class",
                'the passage\'s class and its probability (<span class="label" style="background: '
                f'{CLASS_COLORS["goal"]}">goal 0.87</span>); under it one bar per class, '
                f"as long as the classifier's probability of that class (a full bar is 1.00): {bars}",
            ),
            (
                "cues",
                "the words and features that weighed most for the class: cue terms «in quotes» and heading "
                "words as the article writes them (the classifier matches them in a normalised spelling, so "
                "<bdi>«الدراسة»</bdi> also stands for <bdi>دراسه</bdi> and <bdi>والدراسة</bdi>; a term it "
                "cannot find in the text is shown in that spelling), and descriptions such as «unusually many "
                "cue words of …»",
            ),
            (
                "edits",
                '<del>original</del><ins>replacement</ins> applied; <span class="flag">original</span> flagged '
                "(a suggestion, not applied) or rejected by a reviewer; ∅ nothing, ␣ a space, and an invisible "
                'or combining character shown by its code point and name (<span class="cp">U+200C ZERO WIDTH '
                "NON-JOINER</span>); confidence is the repair rule's, from 0 to 1",
            ),
            (
                "raw",
                "offsets such as 3617–3618 count characters in the source file's decoded text (the first "
                "character is 0, the end is excluded): the same offsets as in diplo run's JSON",
            ),
        ]
        rows = "".join(f"<dt>{escape(term)}</dt><dd>{text}</dd>" for term, text in items)
        return (
            f'<details class="legend" dir="ltr" open><summary>how to read this page</summary><dl>{rows}</dl></details>'
        )

    # -- abstracts, keywords, alignment ---------------------------------------

    def front_matter(self) -> str:
        a = self.article
        out = ['<section id="abstracts">', '<h2 dir="rtl">الملخص · <bdi>Abstract</bdi></h2>']
        for lang, heading in (("ar", "الملخص"), ("en", "Abstract")):
            passages = a.abstract(lang)
            if not passages:
                out.append(f'<p class="muted" dir="ltr">no {lang} abstract</p>')
                continue
            out.append(f'<h3 dir="rtl"><bdi lang="{lang}">{heading}</bdi></h3>')
            out.extend(self.passage(p) for p in passages)
        # An abstract in a third language (a Maghrebi journal's Résumé) is shown as it was read.
        for lang in sorted({p.lang for p in a.passages_of("abstract")} - {"ar", "en"}):
            out.append(f'<h3 dir="rtl"><bdi lang="{escape(lang, quote=True)}">{escape(lang)}</bdi></h3>')
            out.extend(self.passage(p) for p in a.abstract(lang))
        out.append('<h3 dir="rtl">الكلمات المفتاحية · <bdi>Keywords</bdi></h3>')
        for lang, keywords in (("ar", a.keywords_ar), ("en", a.keywords_en)):
            chips = "".join(
                f'<span class="chip">{self._holder_html(f"kw.{lang}.{i}", k)}</span>' for i, k in enumerate(keywords)
            )
            out.append(f'<div class="chips" lang="{lang}" dir="{_dir(lang)}">{chips or "—"}</div>')
        for key in ("title.ar", "title.en", *(f"kw.{x}" for x in self._keyword_keys())):
            out.append(self._listed(key))
        out.append(self.alignment())
        out.append("</section>")
        return "\n".join(x for x in out if x)

    def _keyword_keys(self) -> list[str]:
        a = self.article
        return [f"ar.{i}" for i in range(len(a.keywords_ar))] + [f"en.{i}" for i in range(len(a.keywords_en))]

    def alignment(self) -> str:
        a = self.article
        if not a.alignments:
            return '<p class="muted" dir="ltr">no alignment (the align stage did not run)</p>'
        texts: dict[str, str] = {}
        for p in a.passages:
            for s in p.sentences:
                texts[s.id] = s.text
        for key, span in (("title.ar", a.title_ar), ("title.en", a.title_en)):
            if span is not None:
                texts[key] = span.text
        for lang, keywords in (("ar", a.keywords_ar), ("en", a.keywords_en)):
            for i, k in enumerate(keywords):
                texts[f"kw.{lang}.{i}"] = k.text
        rows = []
        for link in a.alignments:
            bead = f"ar {len(link.ar)} : en {len(link.en)}"
            ar = _side(link.ar, texts)
            en = _side(link.en, texts)
            rows.append(
                f'<tr><td lang="ar" dir="rtl">{ar}</td><td lang="en" dir="ltr">{en}</td>'
                f'<td dir="ltr" class="bead">{escape(bead)}<br><span class="muted">{escape(link.kind)}</span></td>'
                f'<td dir="ltr">{link.score:.3f}</td></tr>'
            )
        return (
            '<h3 dir="rtl">المحاذاة · <bdi>Alignment</bdi></h3>'
            '<div class="scroll"><table class="alignment"><tr><th>العربية</th><th dir="ltr">English</th>'
            '<th dir="ltr" title="how many sentences of each language the bead joins">bead (sentences)</th>'
            f'<th dir="ltr">score</th></tr>{"".join(rows)}</table></div>'
        )

    # -- body -----------------------------------------------------------------

    def body(self) -> str:
        a = self.article
        events: list[tuple[int, int, str]] = [(s.start, 0, self._heading(s.id)) for s in a.sections]
        events += [(p.start, 1, self.passage(p)) for p in a.passages if p.kind != "abstract"]
        events.sort(key=lambda e: (e[0], e[1]))
        heading = '<h2 dir="rtl">النص · <bdi>Body</bdi></h2>'
        return f'<section id="body">\n{heading}\n' + "\n".join(e[2] for e in events) + "\n</section>"

    def _heading(self, section_id: str) -> str:
        section = next(s for s in self.article.sections if s.id == section_id)
        level = min(6, section.level + 2)
        about = f"section {section.id}, level {section.level}"
        if section.number:
            about += f", the reader's no. {section.number}"
        return (
            f'<h{level} id="{escape(section.id, quote=True)}" dir="rtl">'
            f"<bdi>{escape(heading_as_written(self.article.raw, section))}</bdi> "
            f'<span class="sid" dir="ltr" title="{escape(about, quote=True)}">{escape(section.id)}</span></h{level}>'
        )

    def passage(self, p: Passage) -> str:
        ents = self.placement.marks.get(p.id, [])
        edits = self.edits.get(p.id, [])
        head = [f'<span class="pid">{escape(p.id)}</span>', escape(p.kind)]
        if p.number:
            head.append(f"no. {escape(p.number)}")
        head.append(escape(p.lang))
        if p.section_id:
            head.append(f"section {escape(p.section_id)}")
        head.append(f"{_count(len(ents), 'entity', 'entities')}, {_count(len(edits), 'edit')}")
        if p.clean_text is None:
            head.append("not repaired")
        label = ""
        if p.label:
            color = CLASS_COLORS.get(p.label, "#666")
            prob = p.label_probs.get(p.label)
            shown = f" {prob:.2f}" if prob is not None else ""
            label = (
                f' <span class="label" style="background: {color}" title="class and its probability">'
                f"{escape(p.label)}{shown}</span>"
            )
        out = [
            f'<article class="passage" id="{escape(p.id, quote=True)}">',
            f'<div class="head" dir="ltr">{" · ".join(head)}{label}</div>',
        ]
        if p.label_probs:
            out.append(_probs(p.label_probs))
        if p.label_cues:
            chips = "".join(f'<span class="chip" dir="auto">{escape(c)}</span>' for c in p.label_cues)
            out.append(
                '<div class="chips cues" dir="ltr"><span class="muted" title="what weighed most for the class; '
                'see the legend">cues:</span> ' + chips + "</div>"
            )
        out.append(f'<div class="text" lang="{escape(p.lang, quote=True)}" dir="{_dir(p.lang)}">')
        out.append(_displacy(p.best_text, ents, p.lang))
        out.append("</div>")
        out.append(self._listed(p.id))
        if edits:
            out.append(_edits_table(self.article.raw, p, edits))
        out.append("</article>")
        return "\n".join(x for x in out if x)

    # -- entities and edits that sit nowhere else -----------------------------

    def _holder_html(self, key: str, span: TextSpan | None) -> str:
        if span is None:
            return '<span class="muted">—</span>'
        lang = "ar" if ".ar" in key else "en"
        return _displacy(span.text, self.placement.marks.get(key, []), lang, inline=True)

    def _listed(self, key: str) -> str:
        listed = self.placement.listed.get(key, [])
        if not listed:
            return ""
        items = "".join(
            f'<li>{_entity_line(e)} <span class="muted">— not highlighted: {escape(why)}</span></li>'
            for e, why in listed
        )
        return f'<ul class="listed" dir="ltr" data-holder="{escape(key, quote=True)}">{items}</ul>'

    def leftovers(self, stray_edits: list[Edit]) -> str:
        outside = self.placement.outside
        if not outside and not stray_edits:
            return ""
        out = ['<section id="leftovers" dir="ltr">', "<h2>Outside every passage</h2>"]
        if outside:
            verb = "lies" if len(outside) == 1 else "lie"
            out.append(f"<p>{_count(len(outside), 'entity', 'entities')} {verb} in no passage, title or keyword:</p>")
            out.append("<ul>" + "".join(f"<li>{_entity_line(e)}</li>" for e in outside) + "</ul>")
        if stray_edits:
            verb = "belongs" if len(stray_edits) == 1 else "belong"
            out.append(f"<p>{_count(len(stray_edits), 'edit')} {verb} to no passage of the article:</p>")
            out.append(_edits_table(self.article.raw, None, stray_edits))
        out.append("</section>")
        return "\n".join(out)


#: Readable names of the metadata keys the reader fills (the key itself is the cell's tooltip).
METADATA_NAMES = {
    "journal": "Journal",
    "article_name": "Article name",
    "author": "Author",
    "author_byline": "Author (byline)",
    "author_en": "Author (English)",
    "permalink": "Permanent link",
    "email": "E-mail",
    "received": "Received",
    "accepted": "Accepted",
    "published": "Published",
    "retrieved": "Retrieved from the archive",
}


def metadata_name(key: str) -> str:
    """A metadata key as a reader would name it: ``article_name`` -> ``Article name``."""
    return METADATA_NAMES.get(key) or key.replace("_", " ").strip().capitalize()


def heading_as_written(raw: str, section: Section) -> str:
    """A section heading as the article writes it, with its number only if the article writes one.

    The reader counts sections (``Section.number``) even where the heading carries its own
    ordinal (``ثانياً: أهداف ...``): the count is not put in front of the heading. What the raw
    text writes before the heading itself (``1.``, ``II -``) is kept. The count and the section
    id are in the heading's tooltip.
    """
    heading = section.heading
    probe = heading[:12]
    at = raw.find(probe, section.start, section.end) if probe else -1
    prefix = raw[section.start : at].strip() if at > section.start else ""
    # Only a short label (a number, a letter and its punctuation) counts as the heading's own.
    if prefix and len(prefix) <= 8 and "\n" not in prefix:
        return f"{prefix} {heading}"
    return heading


def _count(n: int, one: str, many: str | None = None) -> str:
    """``1 entity``, ``2 entities``."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _dir(lang: str) -> str:
    return "rtl" if lang in ("ar", "fa") else "ltr"


def _side(ids: list[str], texts: dict[str, str]) -> str:
    if not ids:
        return '<span class="muted">—</span>'
    parts = []
    for sid in ids:
        text = texts.get(sid)
        shown = escape(text) if text is not None else '<span class="muted">(unknown id)</span>'
        parts.append(f'{shown} <span class="sid" dir="ltr">{escape(sid)}</span>')
    return "<br>".join(parts)


def _probs(probs: dict[str, float]) -> str:
    order = [*PASSAGE_LABELS, *sorted(set(probs) - set(PASSAGE_LABELS))]
    cells = []
    for label in order:
        if label not in probs:
            continue
        value = probs[label]
        width = max(0.0, min(1.0, value)) * 100
        color = CLASS_COLORS.get(label, "#666")
        cells.append(
            f'<span class="prob">{escape(label)} <span class="bar"><span style="width: {width:.1f}%; '
            f'background: {color}"></span></span> {value:.2f}</span>'
        )
    return f'<div class="probs" dir="ltr">{"".join(cells)}</div>'


def _entity_line(e: Entity) -> str:
    color = ENTITY_COLORS.get(e.label, "#ddd")
    return (
        f'<mark style="background: {color}; white-space: nowrap" dir="auto">{escape(e.text)}</mark> {escape(e.label)} '
        f'<span class="muted">raw {e.start}–{e.end}, {escape(e.lang)}, {escape(e.source)}'
        f"{', passage ' + escape(e.passage_id) if e.passage_id else ''}</span>"
    )


def _displacy(text: str, marks: list[tuple[int, int, Entity]], lang: str, *, inline: bool = False) -> str:
    """``text`` with its entities highlighted by displaCy (manual mode); displaCy escapes the text."""
    from spacy import displacy
    from spacy.displacy.templates import TPL_ENT, TPL_ENT_RTL

    rtl = lang == "ar"
    # displaCy picks its right-to-left template in the renderer's constructor, before it reads the
    # document's direction, so the template is passed explicitly; the tooltip gives the raw text.
    # A highlight never breaks across lines: a name cut at the line end would leave its type
    # label alone on the next line (the style is inline too, so a copied highlight keeps it).
    template = (TPL_ENT_RTL if rtl else TPL_ENT).replace(
        '<mark class="entity" style="', '<mark class="entity" title="{tip}" style="white-space: nowrap; '
    )
    ents = []
    for start, end, e in marks:
        tip = f"{e.label} · raw {e.start}–{e.end} «{e.text}» · {e.source}"
        ents.append({"start": start, "end": end, "label": escape(e.label), "params": {"tip": escape(tip, quote=True)}})
    doc = {"text": text, "ents": ents, "title": None, "settings": {"lang": lang, "direction": _dir(lang)}}
    colors = {escape(label): color for label, color in ENTITY_COLORS.items()}
    markup = displacy.render(
        [doc], style="ent", manual=True, page=False, options={"colors": colors, "template": template}
    )
    if inline:
        # A title or keyword sits inside a heading or chip: no block of its own.
        markup = markup.replace('<div class="entities"', '<span class="entities"', 1)
        markup = markup[: markup.rfind("</div>")] + "</span>"
    return markup


#: Bidi classes of the characters that set a run's direction (Unicode's strong types).
_STRONG = {"L": "ltr", "R": "rtl", "AL": "rtl"}
#: Categories of characters an edit table names instead of showing: combining marks (they have
#: nothing to sit on, or show as a missing-glyph box), format and control characters (invisible),
#: private-use and unassigned ones, and separators other than the plain space.
_NAMED_CATEGORIES = frozenset({"Mn", "Mc", "Me", "Cf", "Cc", "Co", "Cn", "Cs", "Zs", "Zl", "Zp"})


_ZWJ = "\u200d"
#: Arabic letters that join only to the letter before them (nothing joins after them).
_NOT_JOINING_LEFT = frozenset("ءآأؤإاةدذرزوٱژڈڑۀۃۄۅۆۇۈۉۊۋۍۏ")


def _runs(text: str) -> list[tuple[str, str | None]]:
    """``text`` cut into runs of one direction, as ``(piece, "ltr" | "rtl" | None)``, in order.

    A run is a stretch of strong characters of one direction with the weak and neutral ones
    (digits, spaces, punctuation) between them. Neutrals between two runs of different
    directions go with the run before up to their last space (a full stop ends the sentence
    it follows) and with the run after from there (an opening bracket or quote opens the next
    one). Neutrals before the first strong character are a run of their own (direction None),
    and so are the spaces at either end of a run.
    """
    runs: list[list] = []  # [text, direction]
    pending = ""  # neutrals after the last strong character
    for ch in text:
        direction = _STRONG.get(unicodedata.bidirectional(ch))
        if direction is None:
            pending += ch
            continue
        if runs and runs[-1][1] == direction:
            runs[-1][0] += pending + ch
        else:
            if runs:
                cut = max(pending.rfind(" "), pending.rfind("\n")) + 1
                runs[-1][0] += pending[:cut]
                runs.append([pending[cut:] + ch, direction])
            elif pending.strip(_ZWJ):
                runs.extend([[pending, None], [ch, direction]])
            else:
                runs.append([pending + ch, direction])  # a joiner stays with the letter it joins
        pending = ""
    if pending:
        if runs:
            runs[-1][0] += pending
        else:
            runs.append([pending, None])
    # The spaces at either end of a run stand between the runs, not inside one: a trailing space
    # inside an English run in a right-to-left line would show on the wrong side of it.
    out: list[tuple[str, str | None]] = []
    for text, direction in runs:
        core = text.strip(" ")
        if direction is None or not core:
            out.append((text, direction))
            continue
        lead, trail = len(text) - len(text.lstrip(" ")), len(text) - len(text.rstrip(" "))
        out.extend(x for x in ((text[:lead], None), (core, direction), (text[len(text) - trail :], None)) if x[0])
    return out


def _isolated(text: str) -> str:
    """``text`` escaped, each run of one direction in its own ``<bdi>`` (see :func:`_runs`)."""
    parts = []
    for t, d in _runs(text):
        if d:
            parts.append(f'<bdi dir="{d}">{escape(t)}</bdi>')
        else:
            # Spaces and punctuation between runs take the direction of the line they are in, so
            # they stay between the runs around them (an isolate would be left to right).
            parts.append(escape(t))
    return "".join(parts)


def codepoint_name(ch: str) -> str:
    """``U+093C DEVANAGARI SIGN NUKTA``: a character's code point and Unicode name (or category)."""
    name = unicodedata.name(ch, "") or f"<{unicodedata.category(ch)}>"
    return f"U+{ord(ch):04X} {name}"


def needs_name(text: str, i: int) -> bool:
    """Whether the edit table names ``text[i]`` (code point and Unicode name) instead of showing it.

    Named are combining marks with no letter before them in ``text`` (alone they show as a
    missing-glyph box or a dotted circle), format, control, private-use and unassigned
    characters (invisible or unreadable), separators other than the plain space, and a
    character that stands alone in ``text`` and is not a letter of the Arabic or Latin script
    (a lone full stop, a digit of another script, a tatweel). Newline and tab are left to the
    whitespace display.
    """
    ch = text[i]
    if ch in " \n\t":
        return False
    category = unicodedata.category(ch)
    if category[0] == "M":
        # A mark on a letter of the same text renders on it (وأجّحت); a bare one does not.
        base = text[i - 1] if i else ""
        return not base or needs_name(text, i - 1) or base.isspace()
    if category in _NAMED_CATEGORIES:
        return True
    if len(text) == 1:
        name = unicodedata.name(ch, "")
        # Letters proper only: a modifier letter such as the tatweel (Lm) is a stroke, not a letter.
        return not (category in ("Lu", "Ll", "Lo") and name.startswith(("ARABIC", "LATIN")))
    return False


def _visible(s: str, *, join_start: bool = False, join_end: bool = False) -> str:
    """An edit's original or replacement as HTML: every run isolated, unreadable characters named.

    An empty string shows as ∅ and an all-space one with visible symbols (␣ ↵ ⇥); characters
    :func:`needs_name` picks show as their code point and Unicode name; the rest is shown as it
    is, each run of one direction in its own ``<bdi>`` so Arabic and English keep their order.
    ``join_start``/``join_end`` add a zero-width joiner at that end: the string continues a word.
    """
    if not s:
        return '<span class="ws" title="nothing">∅</span>'
    if not s.strip(" \n\t"):
        return '<span class="ws">' + escape(s.replace(" ", "␣").replace("\n", "↵").replace("\t", "⇥")) + "</span>"
    out: list[str] = []
    plain = ""
    named = [needs_name(s, i) for i in range(len(s))]
    for ch, name_it in zip(s, named, strict=True):
        if not name_it:
            plain += ch
            continue
        if plain:
            out.append(_isolated(plain))
            plain = ""
        out.append(f'<span class="cp" dir="ltr">{escape(codepoint_name(ch))}</span>')
    if plain:
        out.append(_isolated(plain))
    if join_start and not named[0]:
        out[0] = out[0].replace(">", ">" + _ZWJ, 1)
    if join_end and not named[-1]:
        cut = out[-1].rfind("</bdi>")
        out[-1] = out[-1][:cut] + _ZWJ + out[-1][cut:]
    return "".join(out)


def _code(identifier: str) -> str:
    """An identifier (``leaked_translation``) that may wrap after its underscores, never inside a word."""
    return escape(identifier).replace("_", "_<wbr>")


def _joins(left: str, right: str) -> bool:
    """Whether an edit boundary between ``left`` and ``right`` falls inside a joined Arabic word."""
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    return (
        unicodedata.bidirectional(a) == "AL"
        and unicodedata.bidirectional(b) == "AL"
        and unicodedata.category(a) == "Lo"
        and unicodedata.category(b) == "Lo"
        and a not in _NOT_JOINING_LEFT
    )


def _edits_table(raw: str, passage: Passage | None, edits: list[Edit]) -> str:
    lo, hi = (passage.start, passage.end) if passage is not None else (0, len(raw))
    # The context reads in its passage's direction; the pieces in it (kept text, deleted,
    # inserted) are isolated from each other, so each shows exactly its own characters.
    direction = _dir(passage.lang) if passage is not None else "rtl"
    rows = []
    for e in edits:
        cut_before, cut_after = e.start - 30 > lo, e.end + 30 < hi
        before = raw[max(lo, e.start - 30) : e.start].replace("\n", " ")
        after = raw[e.end : min(hi, e.end + 30)].replace("\n", " ")
        # Where the edit cuts a word (a letter added or removed inside it), a zero-width joiner
        # on each side of the cut keeps the letters in their joined forms across the pieces.
        if e.status == "applied":
            shown = [("del", "", e.original), ("ins", "", e.replacement)]
            # In context an insertion is only its inserted text and a deletion its deleted one
            # (the change cell shows the ∅ of the other side).
            shown = [piece for piece in shown if piece[2]] or shown[:1]
        else:
            shown = [("span", ' class="flag"', e.original)]
        seq = [before, *(text for _, _, text in shown), after]
        seams = [_joins(seq[i], seq[i + 1]) for i in range(len(seq) - 1)]
        pieces = [
            f'<{tag}{attrs} dir="{direction}">{_visible(text, join_start=seams[i], join_end=seams[i + 1])}</{tag}>'
            for i, (tag, attrs, text) in enumerate(shown)
        ]
        context = (
            ("<bdi>…</bdi>" if cut_before else "")
            + (f'<bdi dir="{direction}">{_isolated(before + (_ZWJ if seams[0] else ""))}</bdi>' if before else "")
            + "".join(pieces)
            + (f'<bdi dir="{direction}">{_isolated((_ZWJ if seams[-1] else "") + after)}</bdi>' if after else "")
            + ("<bdi>…</bdi>" if cut_after else "")
        )
        suggestions = (
            " · ".join(f'<bdi dir="{direction}">{_visible(s)}</bdi>' for s in e.suggestions)
            or '<span class="muted">—</span>'
        )
        what = f'<span class="code">{_code(e.kind)}</span>' if e.kind else ""
        if e.rule and e.rule != e.kind:
            what += f'<br><span class="muted">rule <span class="code">{_code(e.rule)}</span></span>'
        about = f"kind {e.kind or '-'}, rule {e.rule or '-'}, confidence {e.confidence:.3f}"
        # A person's decision (Edit.decision) is shown apart from the rule's confidence.
        decided = f'<br><b class="decision">{escape(e.decision)} by a reviewer</b>' if e.decision else ""
        rows.append(
            f'<tr class="{escape(e.status, quote=True)}">'
            f'<td class="raw" dir="ltr">{e.start}–{e.end}</td>'
            f'<td class="change" dir="rtl"><bdi dir="{direction}" class="orig">{_visible(e.original)}</bdi> ← '
            f'<bdi dir="{direction}" class="repl">{_visible(e.replacement)}</bdi></td>'
            f'<td class="context" dir="{direction}">{context}</td>'
            f'<td class="status" dir="ltr" title="{escape(about, quote=True)}"><b>{escape(e.status)}</b><br>'
            f'<span class="muted" style="white-space: nowrap">confidence {e.confidence:.2f}</span>'
            f"{decided}<br>{what}</td>"
            f'<td class="suggestions" dir="rtl">{suggestions}</td></tr>'
        )
    return (
        '<div class="scroll"><table class="edits">'
        '<tr><th dir="ltr" title="character offsets of the change in the decoded source file, end excluded">raw</th>'
        "<th>الأصل ← البديل</th><th>في السياق</th>"
        '<th dir="ltr">status · kind</th><th>اقتراحات</th></tr>' + "".join(rows) + "</table></div>"
    )


# -- the command ----------------------------------------------------------------


def load_for_review(
    path: Path, *, config: Path | None = None, encoding: str | None = None, progress: bool = False
) -> Article:
    """The processed article of ``path``: a ``diplo run`` JSON as it is, or an article text run through the pipeline.

    A file whose name ends in ``.json`` or ``.jsonl`` (or whose text begins with ``{``) is read
    as ``diplo run``'s JSON of one article and no model loads (an empty file, several articles
    as JSON Lines or an edit with an unknown status are refused with a message that says so);
    any other file is read and processed as ``diplo run`` does it: read first (a bad file is
    refused before any model loads), then the configured stages.

    Args:
        path: The JSON or article text file.
        config: Pipeline config for a text file (default ``configs/pipeline.toml``).
        encoding: Force the encoding of a text file.
        progress: Say on stderr that the models load and how long they took.

    Returns:
        The processed article.

    Raises:
        InputNotFoundError: No such file.
        InputError: The JSON is invalid or not an article's, or the text cannot be read.
    """
    if not path.is_file():
        raise InputNotFoundError(str(path), "no such file" if not path.exists() else "not a file")
    if _is_json(path):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"expected an article JSON written by diplo run, found {exc.reason}") from None
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror})") from None
        article = _article_from_json(text, str(path))
        check_statuses(article, str(path))
        return article
    from contextlib import nullcontext

    from .cli import loading_models
    from .config import load_config
    from .reader import ReaderSettings, read_article
    from .runner import Pipeline

    cfg = load_config(config)
    article = read_article(path, encoding=encoding, settings=ReaderSettings.from_dict(cfg.stage_settings("read")))
    stages = [n for n in cfg.enabled_stages() if n != "read"]
    with loading_models(stages) if progress else nullcontext():
        nlp = Pipeline.from_config(cfg)
    return nlp(article)


def _article_from_json(text: str, source: str) -> Article:
    """The article of a ``diplo run`` JSON, or an error that says what the file holds instead."""
    if not text.strip():
        raise InputError(source, "the file is empty")
    try:
        return Article.from_json(text)
    except SchemaError as exc:
        documents = _json_documents(text)
        if len(documents) > 1:
            # diplo run a.txt b.txt writes JSON Lines to stdout: one article a line.
            articles = all(isinstance(d, dict) and "raw" in d for d in documents)
            what = "articles" if articles else "JSON documents"
            raise InputError(
                source,
                f"holds {len(documents)} {what} (JSON Lines); review takes one: split it or run `diplo run` with --out",
            ) from None
        raise InputError(source, f"expected an article JSON written by diplo run: {exc}") from None


def _json_documents(text: str) -> list[object]:
    """The JSON documents ``text`` holds one after another (JSON Lines), or [] if it is not such a sequence."""
    decoder = json.JSONDecoder()
    documents: list[object] = []
    at = 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            return documents
        try:
            document, at = decoder.raw_decode(text, at)
        except json.JSONDecodeError:
            return []
        documents.append(document)


def check_statuses(article: Article, source: str) -> None:
    """Refuse an edit whose status the page cannot show (a hand-edited JSON's typo, say).

    Args:
        article: The article to show.
        source: The file it came from, for the message.

    Raises:
        InputError: An edit's status is not one of ``applied``, ``flagged``, ``rejected``.
    """
    for i, e in enumerate(article.edits):
        if e.status not in REVIEW_STATUSES:
            raise InputError(
                source,
                f"edit {i} (raw {e.start}–{e.end}, rule {e.rule or '-'}, {e.original!r} -> {e.replacement!r}): "
                f"status {e.status!r}, expected one of {', '.join(REVIEW_STATUSES)}",
            )


def _is_json(path: Path) -> bool:
    if path.suffix.lower() in (".json", ".jsonl", ".ndjson"):
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def review_command(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT",
            help="A JSON written by diplo run (no model loads), or an article text file (the pipeline runs on it).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Write the page to this file (atomically) instead of stdout."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", "-c", metavar="FILE", help="Pipeline config for a text INPUT (default: configs/pipeline.toml)."
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", metavar="CODEC", help="Force the encoding of a text INPUT (e.g. cp1256)."),
    ] = None,
) -> None:
    """Write a self-contained HTML page to review one processed article.

    The page shows the header (titles, metadata, stages, warnings), the abstracts, keywords and
    their sentence alignment, then every passage under its heading with its class and
    probabilities, its repaired text with the entities highlighted, and its repair edits
    (applied and flagged, with suggestions).
    """
    from .errors import OutputError
    from .textio import ensure_writable_file, write_atomic

    if out is not None:
        if out.exists() and source.exists() and out.resolve() == source.resolve():
            raise OutputError(str(out), "is the input; the page would overwrite it")
        ensure_writable_file(out)  # before any model loads
    article = load_for_review(source, config=config, encoding=encoding, progress=True)
    page = render_html(article)
    if out is None:
        sys.stdout.write(page)
    else:
        write_atomic(out, page)
        typer.echo(f"{source} -> {out}", err=True)
