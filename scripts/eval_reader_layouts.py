"""The reader on articles laid out as other journals lay them out, against line-level truth.

Each article ``NAME.txt`` in the folder has ``NAME.truth.json`` beside it: one record per raw line,
``{"start", "end", "text", "tag"}``, the tag naming the line's true role (``p3`` a line of body
paragraph 3, ``li:b`` of list item b, ``fn:2`` of footnote 2, ``ref:4`` of reference 4,
``abs_ar`` / ``abs_en`` of an abstract, ``h1`` / ``h2`` / ``h_refs`` a heading, ``title_ar``,
``kw_en``, ``author``, ``runhead``, ``pageno``, ``rule``, ...; ``blank`` for an empty line).

Two figures per article and in all:

* line roles: the share of non-blank lines whose letters the reader files under the right role
  (a passage of the right kind, a heading, a title, keywords, front-matter metadata, or set aside
  as structure for page furniture and labels); a line whose letters nothing covers is "lost";
* units: body paragraphs, list items, footnotes and references found as one passage of the same
  kind whose raw extent overlaps the true one by IoU >= 0.9 (the measure of ``diplo evaluate
  --stage read``; a list item's or footnote's extent taken from the start of its line, marker
  included, as the truth tags whole lines), as precision, recall and F1.

Usage:
    python scripts/eval_reader_layouts.py FOLDER [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.reader import ReaderSettings, read_article  # noqa: E402

#: Truth tag (its prefix before a digit or colon) -> the role the reader should give the line.
EXPECTED = {
    "p": "paragraph",
    "quote": "paragraph",
    "twocol": "paragraph",
    "table": "paragraph",
    "table_caption": "paragraph",
    "table_source": "paragraph",
    "li": "list_item",
    "fn": "footnote",
    "ref": "reference",
    "abs_ar": "abstract",
    "abs_en": "abstract",
    "h": "heading",
    "h_refs": "heading",
    "h_refs_part": "heading",
    "title_ar": "title_ar",
    "title_en": "title_en",
    "kw_ar": "keywords",
    "kw_en": "keywords",
    "journal": "front",
    "author": "front",
    "author_en": "front",
    "affil": "front",
    "email": "front",
    "dates": "front",
    "runhead": "set aside",
    "pageno": "set aside",
    "footer": "set aside",
    "rule": "set aside",
    "fn_rule": "set aside",
    "abs_ar_label": "set aside",
    "abs_en_label": "set aside",
    "kw_ar_label": "set aside",
    "kw_en_label": "set aside",
}
#: Units scored by extent, by the kind of passage they should be.
UNIT_KINDS = {"p": "paragraph", "quote": "paragraph", "li": "list_item", "fn": "footnote", "ref": "reference"}
_LETTER = re.compile(r"[^\W\d_]")


def tag_family(tag: str) -> str:
    """``p12b`` -> ``p``, ``fn:3`` -> ``fn``, ``h2`` -> ``h``; other tags as they are."""
    head = tag.split(":")[0]
    if head in EXPECTED:
        return head
    return re.sub(r"\d.*$", "", head)


def roles(article) -> list[str | None]:
    """The role the reader gave each raw character ("" where nothing covers it)."""
    raw = article.raw
    role = [""] * len(raw)

    def mark(start: int, end: int, name: str) -> None:
        for i in range(max(0, start), min(end, len(raw))):
            role[i] = name

    for start, end in article.structure_spans:
        mark(start, end, "set aside")
    for span in article.metadata.values():
        mark(span.start, span.end, "front")
    for name, span in (("title_ar", article.title_ar), ("title_en", article.title_en)):
        if span is not None:
            mark(span.start, span.end, name)
    for span in (*article.keywords_ar, *article.keywords_en):
        mark(span.start, span.end, "keywords")
    for section in article.sections:
        mark(section.start, section.end, "heading")
    for passage in article.passages:
        for start, end in passage.spans:
            mark(start, end, passage.kind)
    return role


def score_article(text_path: Path, show: bool = False) -> dict:
    truth = json.loads(text_path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    article = read_article(text_path, settings=ReaderSettings(require_abstract=False))
    raw = article.raw
    role = roles(article)
    lines = right = lost = 0
    errors: Counter[tuple[str, str]] = Counter()
    for t in truth:
        family = tag_family(t["tag"])
        if family == "blank" or family not in EXPECTED:
            continue
        got = Counter(role[i] for i in range(t["start"], t["end"]) if _LETTER.match(raw[i]))
        if not got:
            continue  # a line without letters (a page number's digits are scored through their tag)
        lines += 1
        seen = got.most_common(1)[0][0]
        if seen == "":
            lost += 1
        want = EXPECTED[family]
        ok = seen == want or (want == "paragraph" and family.startswith("table") and seen in ("list_item", "set aside"))
        # A front-matter line whose labels are set aside and whose values are read as fields
        # (``تاريخ القبول: 2023/2/12``, the digits of the value carry no letters) is read right.
        ok = ok or (want == "front" and seen == "set aside" and "front" in role[t["start"] : t["end"]])
        right += ok
        if not ok:
            errors[(want, seen or "lost")] += 1
            if show:
                print(f"  {text_path.stem}: {t['tag']:<10} want {want:<10} got {seen or 'LOST':<10} {t['text'][:60]}")
    # units
    extents: dict[str, list[int]] = {}
    kinds: dict[str, str] = {}
    for t in truth:
        family = tag_family(t["tag"])
        if family in UNIT_KINDS and t["end"] > t["start"]:
            box = extents.setdefault(t["tag"], [t["start"], t["end"]])
            box[0], box[1] = min(box[0], t["start"]), max(box[1], t["end"])
            kinds[t["tag"]] = UNIT_KINDS[family]
    predicted = [(p.kind, _with_marker(raw, p)) for p in article.passages if p.kind in set(UNIT_KINDS.values())]
    found = sum(
        any(kind == kinds[tag] and _iou(extent, tuple(box)) >= 0.9 for kind, extent in predicted)
        for tag, box in extents.items()
    )
    return {
        "lines": lines,
        "right": right,
        "lost": lost,
        "gold_units": len(extents),
        "predicted_units": len(predicted),
        "found_units": found,
        "errors": errors,
    }


def _with_marker(raw: str, passage) -> tuple[int, int]:
    """A passage's raw extent, from the start of its line for a list item or footnote: the truth
    tags whole lines, and the reader leaves the item's marker (``3-``, ``(5)``) out of its text."""
    start = passage.start
    if passage.kind in ("list_item", "footnote"):
        line_start = raw.rfind("\n", 0, start) + 1
        if start - line_start <= 6:
            start = line_start
    return start, passage.end


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--show-errors", action="store_true", help="print every line filed under the wrong role")
    args = ap.parse_args()
    total: Counter = Counter()
    errors: Counter = Counter()
    paths = sorted(p for p in args.folder.glob("*.txt") if p.with_suffix(".truth.json").exists())
    if not paths:
        ap.error(f"{args.folder}: no NAME.txt with NAME.truth.json beside it")
    print(f"{'article':<28}{'lines':>6}{'roles':>8}{'lost':>6}{'units P':>9}{'R':>7}{'F1':>7}")
    for path in paths:
        s = score_article(path, args.show_errors)
        errors.update(s.pop("errors"))
        total.update(s)
        print(f"{path.stem:<28}{_row(s)}")
    print(f"{'all':<28}{_row(total)}")
    confusions = ", ".join(f"{w} -> {g} {n}" for (w, g), n in errors.most_common(6))
    print(f"most frequent confusions (want -> got): {confusions}")


def _row(s) -> str:
    p = s["found_units"] / s["predicted_units"] if s["predicted_units"] else 0.0
    r = s["found_units"] / s["gold_units"] if s["gold_units"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{s['lines']:>6}{s['right'] / max(1, s['lines']):>8.3f}{s['lost']:>6}{p:>9.3f}{r:>7.3f}{f:>7.3f}"


if __name__ == "__main__":
    main()
