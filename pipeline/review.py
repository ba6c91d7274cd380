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

import sys
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Annotated

import typer

from .document import ENTITY_LABELS, PASSAGE_LABELS, Article, Edit, Entity, OffsetMap, Passage, TextSpan
from .errors import InputError, InputNotFoundError, SchemaError

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
.en-title { font-size: 1.15em; color: #444; margin: 0 0 0.8em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 0.92em; }
th, td { border: 1px solid #ddd; padding: 0.3em 0.5em; vertical-align: top; }
th { background: #f0f0ee; font-weight: 600; }
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
/* Each highlight (and its label) is its own bidi unit: a Latin name beside an Arabic one keeps its box. */
mark.entity, mark.entity > span { unicode-bidi: isolate; }
table.edits { table-layout: fixed; } table.edits td { overflow-wrap: anywhere; }
table.edits td.code { overflow-wrap: normal; font-size: 0.85em; }
tr.flagged { background: #fff8d6; } tr.applied { background: #f1faef; }
tr.rejected { background: #f2f2f2; color: #777; }
del { background: #f8d0d0; text-decoration: line-through; } ins { background: #c9f0c4; text-decoration: none; }
.flag { background: #ffe28a; }
.ws { color: #999; font-family: monospace; }
a { color: #2a5db0; text-decoration: none; }
.legend mark { padding: 0.1em 0.5em; border-radius: 0.3em; margin: 0 0.2em; }
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
    and the warnings; the abstracts and keywords with their entities, and the sentence
    alignment as a table (Arabic | English | bead kind | score); then every other passage
    under its section heading with its class and class probabilities, its cue terms, its
    repaired text with the entities highlighted (displaCy, manual mode; Arabic right to left)
    and a table of the repair edits in it (raw offsets, original → replacement in context,
    kind, rule, status, suggestions). All text is HTML-escaped; the page has inline CSS only,
    no scripts and no external resources.

    Args:
        article: A processed article (any subset of the stages may have run).

    Returns:
        The page as a UTF-8 HTML document.
    """
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
            rows.append(f'<tr><td dir="ltr">{escape(key)}</td><td dir="auto">{escape(span.text)}</td></tr>')
        if rows:
            out.append('<table class="meta-table">' + "".join(rows) + "</table>")
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
                f'<a href="#{escape(e.passage_id or "leftovers", quote=True)}" dir="auto">{escape(e.original)}</a>'
                for e in flagged
            )
            items.append(f"flagged for review: {links}")
        return '<ul dir="ltr">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"

    def _legend(self) -> str:
        labels = [*ENTITY_LABELS, *sorted({e.label for e in self.article.entities} - set(ENTITY_LABELS))]
        marks = "".join(
            f'<mark style="background: {ENTITY_COLORS.get(label, "#ddd")}">{escape(label)}</mark>' for label in labels
        )
        return (
            f'<p class="legend" dir="ltr">entities: {marks} · edits: <del>original</del><ins>replacement</ins> '
            'applied, <span class="flag">original</span> flagged or rejected (not applied)</p>'
        )

    # -- abstracts, keywords, alignment ---------------------------------------

    def front_matter(self) -> str:
        a = self.article
        out = ['<section id="abstracts">', "<h2>الملخص · Abstract</h2>"]
        for lang, heading in (("ar", "الملخص"), ("en", "Abstract")):
            passages = a.abstract(lang)
            if not passages:
                out.append(f'<p class="muted" dir="ltr">no {lang} abstract</p>')
                continue
            out.append(f'<h3 dir="{_dir(lang)}" lang="{lang}">{heading}</h3>')
            out.extend(self.passage(p) for p in passages)
        out.append('<h3 dir="ltr">Keywords · الكلمات المفتاحية</h3>')
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
            bead = f"{len(link.ar)}-{len(link.en)}"
            ar = _side(link.ar, texts)
            en = _side(link.en, texts)
            rows.append(
                f'<tr><td lang="ar" dir="rtl">{ar}</td><td lang="en" dir="ltr">{en}</td>'
                f'<td dir="ltr">{escape(bead)}<br><span class="muted">{escape(link.kind)}</span></td>'
                f'<td dir="ltr">{link.score:.3f}</td></tr>'
            )
        return (
            '<h3 dir="ltr">Alignment · المحاذاة</h3>'
            '<table class="alignment"><tr><th>العربية</th><th dir="ltr">English</th><th dir="ltr">bead</th>'
            f'<th dir="ltr">score</th></tr>{"".join(rows)}</table>'
        )

    # -- body -----------------------------------------------------------------

    def body(self) -> str:
        a = self.article
        events: list[tuple[int, int, str]] = [(s.start, 0, self._heading(s.id)) for s in a.sections]
        events += [(p.start, 1, self.passage(p)) for p in a.passages if p.kind != "abstract"]
        events.sort(key=lambda e: (e[0], e[1]))
        return '<section id="body">\n<h2>النص · Body</h2>\n' + "\n".join(e[2] for e in events) + "\n</section>"

    def _heading(self, section_id: str) -> str:
        section = next(s for s in self.article.sections if s.id == section_id)
        level = min(6, section.level + 2)
        number = f"{escape(section.number)} " if section.number else ""
        return (
            f'<h{level} id="{escape(section.id, quote=True)}" dir="auto">{number}{escape(section.heading)} '
            f'<span class="sid" dir="ltr">{escape(section.id)}</span></h{level}>'
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
        head.append(f"{len(ents)} entities, {len(edits)} edits")
        if p.clean_text is None:
            head.append("not repaired")
        label = ""
        if p.label:
            color = CLASS_COLORS.get(p.label, "#666")
            prob = p.label_probs.get(p.label)
            shown = f" {prob:.2f}" if prob is not None else ""
            label = f' <span class="label" style="background: {color}">{escape(p.label)}{shown}</span>'
        out = [
            f'<article class="passage" id="{escape(p.id, quote=True)}">',
            f'<div class="head" dir="ltr">{" · ".join(head)}{label}</div>',
        ]
        if p.label_probs:
            out.append(_probs(p.label_probs))
        if p.label_cues:
            chips = "".join(f'<span class="chip" dir="auto">{escape(c)}</span>' for c in p.label_cues)
            out.append(f'<div class="chips cues" dir="ltr"><span class="muted">cues:</span> {chips}</div>')
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
            out.append(f"<p>{len(outside)} entities lie in no passage, title or keyword:</p>")
            out.append("<ul>" + "".join(f"<li>{_entity_line(e)}</li>" for e in outside) + "</ul>")
        if stray_edits:
            out.append(f"<p>{len(stray_edits)} edits belong to no passage of the article:</p>")
            out.append(_edits_table(self.article.raw, None, stray_edits))
        out.append("</section>")
        return "\n".join(out)


def _dir(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


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
        f'<mark style="background: {color}" dir="auto">{escape(e.text)}</mark> {escape(e.label)} '
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
    template = (TPL_ENT_RTL if rtl else TPL_ENT).replace('<mark class="entity"', '<mark class="entity" title="{tip}"')
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


def _visible(s: str) -> str:
    """An edit's original or replacement, with an empty or all-space string made visible."""
    if not s:
        return '<span class="ws">∅</span>'
    if s.strip():
        return escape(s)
    return '<span class="ws">' + escape(s.replace(" ", "␣").replace("\n", "↵").replace("\t", "⇥")) + "</span>"


def _edits_table(raw: str, passage: Passage | None, edits: list[Edit]) -> str:
    lo, hi = (passage.start, passage.end) if passage is not None else (0, len(raw))
    rows = []
    for e in edits:
        before = raw[max(lo, e.start - 30) : e.start].replace("\n", " ")
        after = raw[e.end : min(hi, e.end + 30)].replace("\n", " ")
        if e.status == "applied":
            change = f"<del>{escape(e.original)}</del><ins>{escape(e.replacement)}</ins>"
        else:
            change = f'<span class="flag">{escape(e.original)}</span>'
        context = f"…{escape(before)}{change}{escape(after)}…"
        suggestions = " · ".join(escape(s) for s in e.suggestions) or '<span class="muted">—</span>'
        rows.append(
            f'<tr class="{escape(e.status, quote=True)}">'
            f'<td dir="ltr">{e.start}–{e.end}</td>'
            f'<td class="change" dir="rtl">{_visible(e.original)} ← {_visible(e.replacement)}</td>'
            f'<td dir="rtl">{context}</td>'
            f'<td class="code" dir="ltr">{escape(e.kind)}</td><td class="code" dir="ltr">{escape(e.rule)}</td>'
            f'<td dir="ltr">{escape(e.status)} {e.confidence:.2f}</td>'
            f'<td dir="rtl">{suggestions}</td></tr>'
        )
    return (
        '<table class="edits"><colgroup><col style="width: 6.5em"><col style="width: 18%"><col style="width: 32%">'
        '<col style="width: 9.5em"><col style="width: 9.5em"><col style="width: 6em"><col></colgroup>'
        '<tr><th dir="ltr">raw</th><th>الأصل ← البديل</th><th>في السياق</th>'
        '<th dir="ltr">kind</th><th dir="ltr">rule</th><th dir="ltr">status</th><th>اقتراحات</th></tr>'
        + "".join(rows)
        + "</table>"
    )


# -- the command ----------------------------------------------------------------


def load_for_review(
    path: Path, *, config: Path | None = None, encoding: str | None = None, progress: bool = False
) -> Article:
    """The processed article of ``path``: a ``diplo run`` JSON as it is, or an article text run through the pipeline.

    A file whose name ends in ``.json`` (or whose text begins with ``{``) is read as ``diplo
    run``'s JSON and no model loads; any other file is read and processed as ``diplo run``
    does it: read first (a bad file is refused before any model loads), then the configured
    stages.

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
        try:
            return Article.from_json(text)
        except SchemaError as exc:
            raise InputError(str(path), f"expected an article JSON written by diplo run: {exc}") from None
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


def _is_json(path: Path) -> bool:
    if path.suffix.lower() == ".json":
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
    from .textio import ensure_writable_file, write_atomic

    if out is not None:
        ensure_writable_file(out)  # before any model loads
    article = load_for_review(source, config=config, encoding=encoding, progress=True)
    page = render_html(article)
    if out is None:
        sys.stdout.write(page)
    else:
        write_atomic(out, page)
        typer.echo(f"{source} -> {out}", err=True)
