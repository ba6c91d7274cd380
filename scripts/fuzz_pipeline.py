"""Fuzz the whole pipeline with realistic damaged variants of real articles and check invariants.

Builds seeded variants of the seed article (OCR noise at several rates, cut sections, abstracts,
keywords or references, shuffled lines, CRLF / CR line endings, a byte-order mark, Windows-1256
and UTF-16 bytes, invisible characters, page breaks, duplicated pages, joined lines, truncation,
Latin paragraphs, digit tables, Arabic-Indic digits, Persian letters, presentation forms ...) and
of documents from ``../shared/data/arabic-text`` wrapped as articles (with and without an
abstract block), runs each through the pipeline in-process (models load once), and checks:

* a batch of good variants run again through ``nlp.pipe`` gives the same documents;
* no exception other than a :class:`~pipeline.errors.DiploError` whose message is one line
  naming the input; for each distinct such error the CLI (``diplo run``) is run on the variant
  written to a file and must print one ``error:`` line, no traceback, exit 2, input unchanged;
* every span (metadata, titles, keywords, sections, passages, citations, sentences, entities,
  edits, structure spans) lies inside ``raw`` and its stored text equals ``raw[start:end]``
  where the object stores raw text;
* ``text_map`` / ``clean_map`` copy raw characters on their character-by-character runs;
* the applied edits of each passage, applied with :func:`pipeline.repair.apply_edits` to the
  passage's reading text, reproduce its ``clean_text`` (the edit log explains every repair);
* sentences lie inside their passage and are the text of their passage; alignment links name
  existing sentences, titles and keywords; classifier probabilities are in [0, 1] and sum to 1;
* ``to_json`` is valid JSON and ``Article.from_json`` reads it back to the same document;
* "nothing lost": raw lines with letters that no span covers are reported (as a count compared
  with the unmodified seed, so a variant that silently drops text stands out).

Usage:
    .venv/bin/python scripts/fuzz_pipeline.py                       # 298 variants (~4 min), report to stdout
    .venv/bin/python scripts/fuzz_pipeline.py --variants 60 --seed 3
    .venv/bin/python scripts/fuzz_pipeline.py --only noise --only crlf --out fuzz.json
    .venv/bin/python scripts/fuzz_pipeline.py --dump /tmp/fuzz      # also write failing variants there
    .venv/bin/python scripts/fuzz_pipeline.py --minimise NAME       # shrink one failing variant by lines

Exit status: 0 when no variant failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.document import PASSAGE_LABELS, Article  # noqa: E402
from pipeline.errors import DiploError  # noqa: E402
from pipeline.repair import apply_edits  # noqa: E402
from pipeline.repair.noise import add_noise, as_presentation_forms  # noqa: E402

SHARED = ROOT / ".." / "shared"
SEED = SHARED / "seeds" / "000_295e6e45a451921c.txt"
if not SEED.exists():
    SEED = ROOT / "corpus" / "raw" / "000_295e6e45a451921c.txt"
DATA = SHARED / "data" / "arabic-text"
_LETTER = re.compile(r"[A-Za-z\u0621-\u064A\u0671-\u06D3]")


@dataclass
class Variant:
    """One input to try: its name, kind and the file's bytes."""

    name: str
    kind: str
    data: bytes


@dataclass
class Outcome:
    """What happened to one variant."""

    name: str
    kind: str
    status: str  # ok, error (an acceptable DiploError), fail
    problems: list[str] = field(default_factory=list)
    error: str | None = None
    lost_lines: int = 0
    seconds: float = 0.0


# -- variants ------------------------------------------------------------------------------------


def _enc(text: str) -> bytes:
    return text.encode("utf-8")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _cut(text: str, start_pat: str, end_pat: str | None) -> str:
    """Text without the lines from the first line matching ``start_pat`` up to (not incl.) ``end_pat``."""
    lines = _lines(text)
    s = next((i for i, ln in enumerate(lines) if re.match(start_pat, ln.strip())), None)
    if s is None:
        return text
    e = len(lines)
    if end_pat is not None:
        e = next((i for i in range(s + 1, len(lines)) if re.match(end_pat, lines[i].strip())), len(lines))
    return "\n".join(lines[:s] + lines[e:])


def _sprinkle(text: str, rng: random.Random, chars: str, rate: float) -> str:
    out = []
    for ch in text:
        out.append(ch)
        if ch != "\n" and rng.random() < rate:
            out.append(rng.choice(chars))
    return "".join(out)


def _section_bounds(text: str) -> list[tuple[int, int]]:
    """Line-index ranges of the seed's body sections (heading line to the next heading)."""
    from pipeline.reader import parse_article

    art = parse_article(text)
    starts = sorted({text.count("\n", 0, s.start) for s in art.sections})
    ends = starts[1:] + [len(_lines(text))]
    return list(zip(starts, ends, strict=True))


def seed_variants(seed: str, rng: random.Random) -> Iterator[Variant]:
    """Variants of the seed article (a few of each kind, each drawn from ``rng``)."""
    n = rng.randrange(1_000_000)
    for rate in (0.02, 0.05, 0.1, 0.2, 0.4):
        s = rng.randrange(1_000_000)
        yield Variant(f"noise{rate}-{s}", "noise", _enc(add_noise(seed, rate, seed=s).text))
    yield Variant("plain", "plain", _enc(seed))
    yield Variant("cut-en-abstract", "cut", _enc(_cut(seed, r"^summary$", r"^Keywords")))
    yield Variant("cut-en-abstract-and-keywords", "cut", _enc(_cut(seed, r"^summary$", r"^المقدمة$")))
    yield Variant("cut-ar-abstract", "cut", _enc(_cut(seed, r"^الملخص$", r"^الكلمات المفتاحية")))
    yield Variant("cut-both-abstracts", "cut", _enc(_cut(seed, r"^الملخص$", r"^المقدمة$")))
    yield Variant("cut-ar-keywords", "cut", _enc(_cut(seed, r"^الكلمات المفتاحية", r"^summary$")))
    yield Variant("cut-en-keywords", "cut", _enc(_cut(seed, r"^Keywords", r"^المقدمة$")))
    yield Variant("cut-references", "cut", _enc(_cut(seed, r"^المصادر$", None)))
    yield Variant("cut-front-matter", "cut", _enc(_cut(seed, r"^مجلة", r"^الملخص$")))
    yield Variant("cut-body", "cut", _enc(_cut(seed, r"^المقدمة$", None)))
    lines = _lines(seed)
    bounds = _section_bounds(seed)
    for _ in range(3):
        a, b = rng.choice(bounds)
        yield Variant(f"cut-section-{a}", "cut", _enc("\n".join(lines[:a] + lines[b:])))
    for _ in range(3):
        a, b = rng.choice(bounds)
        body = lines[a + 1 : b]
        rng.shuffle(body)
        yield Variant(f"shuffle-section-{a}-{n}", "shuffle", _enc("\n".join(lines[: a + 1] + body + lines[b:])))
    yield Variant("crlf", "crlf", _enc(seed.replace("\n", "\r\n")))
    yield Variant("cr-only", "crlf", _enc(seed.replace("\n", "\r")))
    yield Variant("crlf-mixed", "crlf", _enc("".join(ln + rng.choice(["\n", "\r\n"]) for ln in lines)))
    yield Variant("bom", "bom", codecs.BOM_UTF8 + _enc(seed))
    yield Variant("bom-crlf", "bom", codecs.BOM_UTF8 + _enc(seed.replace("\n", "\r\n")))
    yield Variant("bom-inside", "bom", _enc("\ufeff" + seed.replace("\nالملخص\n", "\n\ufeffالملخص\n")))
    yield Variant("utf16", "encoding", seed.encode("utf-16"))
    yield Variant("cp1256", "encoding", seed.encode("cp1256", errors="replace"))
    for chars, label in (
        ("\u00a0", "nbsp"),
        ("\u200b\u200c\u200d", "zero-width"),
        ("\u200e\u200f\u061c", "bidi-marks"),
        ("\u00ad\u0640", "soft-hyphen-tatweel"),
        ("\u00a0\u200b\u200c\u200d\u200e\u200f\u2028\u202a\u202c\ufeff", "all-invisible"),
    ):
        for rate in (0.01, 0.1):
            yield Variant(
                f"{label}-{rate}", "invisible", _enc(_sprinkle(seed, random.Random(rng.random()), chars, rate))
            )
    yield Variant("nbsp-for-spaces", "invisible", _enc(seed.replace(" ", "\u00a0")))
    yield Variant("tabs-for-spaces", "invisible", _enc(seed.replace(" ", "\t")))
    yield Variant("no-line-breaks-in-blocks", "long-lines", _enc(re.sub(r"(?<!\n)\n(?!\n)", " ", seed)))
    yield Variant("one-line", "long-lines", _enc(seed.replace("\n", " ")))
    yield Variant("no-blank-lines", "long-lines", _enc(re.sub(r"\n{2,}", "\n", seed)))
    yield Variant("double-spaced", "long-lines", _enc(seed.replace("\n", "\n\n\n")))
    long_word = "".join(rng.choice("ابتثجحخدذرزسشصضطظعغفقكلمنهوي") for _ in range(5000))
    yield Variant("long-word", "long-lines", _enc(seed.replace("\nالمقدمة\n", f"\nالمقدمة\n\n{long_word}\n", 1)))
    for _ in range(3):
        a = rng.randrange(40, len(lines) - 40)
        page = lines[a : a + rng.randrange(10, 40)]
        yield Variant(f"dup-page-{a}", "duplicate", _enc("\n".join(lines[:a] + page + page + lines[a + len(page) :])))
    yield Variant("dup-whole", "duplicate", _enc(seed + "\n" + seed))
    pages = []
    for i in range(0, len(lines), 45):
        pages.append("\n".join(lines[i : i + 45]) + f"\n{i // 45 + 1}\n")
    yield Variant("form-feeds", "pages", _enc("\f".join(pages)))
    yield Variant("page-numbers", "pages", _enc("\n\n".join(pages)))
    for _ in range(8):
        cut = rng.randrange(200, len(seed))
        yield Variant(f"truncated-{cut}", "truncate", _enc(seed[:cut]))
    for cut in (seed.index("\nsummary") - 30, seed.index("\nالمقدمة\n") + 5, seed.index("الملخص") + 3):
        yield Variant(f"truncated-at-{cut}", "truncate", _enc(seed[:cut]))
    data = seed.encode("utf-8")
    for _ in range(3):
        cut = rng.randrange(1000, len(data))
        yield Variant(f"truncated-bytes-{cut}", "truncate", data[:cut])  # may cut a UTF-8 sequence
    latin = (
        "The concept of digital diplomacy refers to the use of the internet and social media by states. "
        "It was introduced by the US State Department in 2009 and widely adopted since then."
    )
    yield Variant(
        "latin-paragraphs", "mixed", _enc(seed.replace("\nالمقدمة\n", f"\nالمقدمة\n\n{latin}\n\n{latin}\n", 1))
    )
    table = "\n".join(" ".join(str(rng.randrange(0, 10_000)) for _ in range(6)) for _ in range(12))
    yield Variant("digit-table", "mixed", _enc(seed.replace("\nالمقدمة\n", f"\nالمقدمة\n\n{table}\n", 1)))
    pipe_table = "\n".join("| " + " | ".join(str(rng.randrange(100)) for _ in range(4)) + " |" for _ in range(6))
    yield Variant("pipe-table", "mixed", _enc(seed.replace("\nالخاتمة\n", f"\n{pipe_table}\n\nالخاتمة\n", 1)))
    yield Variant("arabic-indic-digits", "digits", _enc(seed.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))))
    yield Variant("persian-digits", "digits", _enc(seed.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))))
    yield Variant("persian-letters", "letters", _enc(seed.translate(str.maketrans("كيى", "کیی"))))
    yield Variant(
        "persian-letters-some", "letters", _enc(re.sub("ك", lambda m: "ک" if rng.random() < 0.3 else "ك", seed))
    )
    forms = str.maketrans({"ا": "ﺍ", "ل": "ﻟ", "م": "ﻣ", "ه": "ﻪ"})
    yield Variant("presentation-forms", "letters", _enc(seed.translate(forms)))
    yield Variant("lam-alef-ligature", "letters", _enc(seed.replace("لا", "ﻻ")))
    yield Variant("presentation-forms-all", "glyphs", _enc(as_presentation_forms(seed)))
    yield Variant(
        "diacritised", "letters", _enc(_sprinkle(seed, random.Random(n), "\u064e\u064f\u0650\u0651\u0652", 0.2))
    )
    yield Variant("emoji", "letters", _enc(_sprinkle(seed, random.Random(n + 1), "😀🇸🇦👍🏽\U0001d400", 0.005)))
    yield Variant("combining-latin", "letters", _enc(_sprinkle(seed, random.Random(n + 2), "\u0301\u0308\u093c", 0.01)))
    yield Variant("superscripts", "letters", _enc(_sprinkle(seed, random.Random(n + 3), "¹²³⁽⁾⁴", 0.005)))
    yield Variant("replacement-chars", "letters", _enc(_sprinkle(seed, random.Random(n + 4), "\ufffd", 0.005)))
    yield Variant("control-chars", "letters", _enc(_sprinkle(seed, random.Random(n + 5), "\x07\x1b\x0b", 0.0005)))
    heads = {ln for ln in lines if 0 < len(ln.split()) <= 4 and re.search("[\u0621-\u064a]", ln)}
    vowelled = "\n".join(
        _sprinkle(ln, random.Random(n + 6), "\u064e\u064f\u0650\u0651\u0640", 0.3) if ln in heads else ln
        for ln in lines
    )
    yield Variant("vowelled-headings", "letters", _enc(vowelled))
    yield Variant("markers-invisible", "letters", _enc(re.sub(r"(⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾)", "\u200b\\1\u00ad", seed)))
    yield Variant(
        "markers-damaged-word",
        "letters",
        _enc(re.sub(r"([\u0621-\u064A])(⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾)", "\\1\u0640\\2\u200c", seed)),
    )
    for k in range(10):
        yield combo_variant(seed, random.Random(rng.random()), f"{n}-{k}")
    yield Variant("headings-only", "structure", _enc("\n\n".join(ln for ln in lines if 0 < len(ln.split()) <= 4)))
    yield Variant(
        "abstract-only", "structure", _enc("الملخص\n\n" + seed.split("\nالملخص\n", 1)[1].split("\nsummary\n", 1)[0])
    )
    yield Variant("headings-no-text", "structure", _enc("الملخص\n\nsummary\n\nالمقدمة\n\nالخاتمة\n\nالمصادر\n"))
    yield Variant(
        "empty-sections", "structure", _enc(seed.split("\nالمقدمة\n")[0] + "\nالمقدمة\n\nالخاتمة\n\nالمصادر\n")
    )


def _t_noise(t: str, r: random.Random) -> str:
    return add_noise(t, r.choice([0.03, 0.1, 0.3]), seed=r.randrange(10**6)).text


def _t_pages(t: str, r: random.Random) -> str:
    ls = _lines(t)
    a = r.randrange(0, max(1, len(ls) - 30))
    return "\n".join(ls[:a] + ls[a : a + 25] + ls[a:])


def _t_truncate(t: str, r: random.Random) -> str:
    ls = _lines(t)
    return "\n".join(ls[: r.randrange(len(ls) // 3, len(ls))])


def _t_latin(t: str, r: random.Random) -> str:
    ls = _lines(t)
    i = r.randrange(len(ls))
    return "\n".join(ls[:i] + ["", "Diplomacy online: a note on sources (2019), pp. 12-14.", ""] + ls[i:])


#: Transforms a combination variant chains (two or three of them, in random order).
TRANSFORMS: dict[str, Callable[[str, random.Random], str]] = {
    "noise": _t_noise,
    "crlf": lambda t, r: t.replace("\n", "\r\n"),
    "nbsp": lambda t, r: _sprinkle(t, r, "\u00a0", 0.02),
    "zw": lambda t, r: _sprinkle(t, r, "\u200b\u200c\u200d\u200f", 0.02),
    "tatweel": lambda t, r: _sprinkle(t, r, "\u0640", 0.02),
    "persian": lambda t, r: re.sub(
        "[كي]", lambda m: {"ك": "ک", "ي": "ی"}[m.group()] if r.random() < 0.3 else m.group(), t
    ),
    "pages": _t_pages,
    "truncate": _t_truncate,
    "latin": _t_latin,
    "indic": lambda t, r: t.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    "formfeed": lambda t, r: re.sub(r"\n\n", lambda m: "\n\f" if r.random() < 0.05 else "\n\n", t),
    "tabs": lambda t, r: re.sub(" ", lambda m: "\t" if r.random() < 0.1 else " ", t),
}


def combo_variant(seed: str, rng: random.Random, tag: str) -> Variant:
    """The seed with two or three transforms chained (damage seldom comes alone)."""
    names = rng.sample(sorted(TRANSFORMS), rng.choice([2, 3]))
    text = seed
    for name in names:
        text = TRANSFORMS[name](text, rng)
    data = _enc(text)
    if rng.random() < 0.2:
        data = codecs.BOM_UTF8 + data
    return Variant(f"combo-{'+'.join(names)}-{tag}", "combo", data)


def _load_docs(name: str, limit: int) -> list[dict]:
    path = DATA / name / "docs.jsonl"
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            out.append(json.loads(line))
            if len(out) >= limit:
                break
    return out


def data_variants(rng: random.Random, count: int) -> Iterator[Variant]:
    """Documents of the shared Arabic data sets wrapped as articles."""
    docs = _load_docs("un-parallel-corpus-v1.0-testsets", 400) + _load_docs("ant-corpus-v1.1-politics-intl", 400)
    if not docs:
        return
    for i in range(count):
        d = rng.choice(docs)
        body = d["text"].strip()
        paras = [p for p in body.split("\n") if p.strip()]
        title = d.get("title") or paras[0][:60]
        style = i % 6
        if style == 0:  # bare text, no abstract
            text = body
        elif style == 1:  # an Arabic abstract from the first paragraph, body after a heading
            text = (
                f"{title}\n\nالملخص\n\n{paras[0]}\n\nالكلمات المفتاحية: الأمم المتحدة، الأمن\n\nالمقدمة\n\n"
                + "\n\n".join(paras[1:])
            )
        elif style == 2 and d.get("text_en"):  # a real English abstract beside the Arabic one
            en = [p for p in d["text_en"].split("\n") if p.strip()]
            k = min(3, len(paras), len(en))
            text = (
                f"{title}\n\n{en[0][:80]}\n\nالملخص\n\n"
                + "\n".join(paras[:k])
                + "\n\nsummary\n\n"
                + " ".join(en[:k])
                + "\n\nKeywords: United Nations, security\n\nالمقدمة\n\n"
                + "\n\n".join(paras[k:])
            )
        elif style == 3:  # abstract with a colon run-in, noisy body
            noisy = add_noise("\n\n".join(paras), 0.1, seed=rng.randrange(10**6)).text
            text = f"الملخص: {paras[0]}\n\nAbstract: A report on the situation.\n\n{noisy}"
        elif style == 4:  # only the English abstract heading, Arabic body
            text = "Abstract\n\nA report of the United Nations.\n\n" + "\n\n".join(paras)
        else:  # numbered sections
            parts = [f"{j + 1}. عنوان القسم {j + 1}\n\n{p}" for j, p in enumerate(paras)]
            text = f"الملخص\n\n{paras[0]}\n\n" + "\n\n".join(parts)
        yield Variant(f"data{style}-{d['id'].replace('/', '_').replace(':', '_')}", "data", _enc(text))


def build_variants(seed_text: str, rng: random.Random, n_data: int, n_seed_rounds: int) -> list[Variant]:
    """All variants: ``n_seed_rounds`` rounds of seed variants and ``n_data`` data-set documents."""
    out: list[Variant] = []
    seen: set[str] = set()
    for _ in range(n_seed_rounds):
        for v in seed_variants(seed_text, random.Random(rng.random())):
            if v.name in seen:
                continue
            seen.add(v.name)
            out.append(v)
    out += list(data_variants(random.Random(rng.random()), n_data))
    return out


# -- invariants ----------------------------------------------------------------------------------


def _ws(s: str) -> str:
    return " ".join(s.split())


def _check_map(raw: str, text: str, omap, label: str, problems: list[str], edited: set[int] | None = None) -> None:
    """A map covers its text in order, stays inside raw, and its char-by-char runs copy raw.

    ``edited``: raw positions inside applied edits, where a same-length replacement may differ.
    """
    d = 0
    for seg in omap.segments:
        if seg.d_start != d:
            problems.append(f"{label}: map gap/overlap at derived {d} (segment starts {seg.d_start})")
            return
        if not (0 <= seg.r_start <= seg.r_end <= len(raw)):
            problems.append(f"{label}: map segment raw {seg.r_start}:{seg.r_end} outside raw")
            return
        piece = text[seg.d_start : seg.d_end]
        if seg.d_end - seg.d_start == seg.r_end - seg.r_start:
            rpiece = raw[seg.r_start : seg.r_end]
            bad = [
                k
                for k, (a, b) in enumerate(zip(piece, rpiece, strict=False))
                if a != b and not (a.isspace() and b.isspace()) and (edited is None or seg.r_start + k not in edited)
            ]
            if bad:
                problems.append(
                    f"{label}: linear map run {seg.d_start}:{seg.d_end} is {piece[:30]!r}, raw has {rpiece[:30]!r}"
                )
                return
        d = seg.d_end
    if d != len(text):
        problems.append(f"{label}: map covers {d} of {len(text)} characters")


def _raw_to_text_offsets(omap, raw_offset: int) -> list[int]:
    """Derived offsets whose raw offset is ``raw_offset`` (character-by-character runs only)."""
    out = []
    for seg in omap.segments:
        if seg.d_end - seg.d_start == seg.r_end - seg.r_start and seg.r_start <= raw_offset <= seg.r_end:
            out.append(seg.d_start + raw_offset - seg.r_start)
        elif seg.r_start == raw_offset:
            out.append(seg.d_start)
        elif seg.r_end == raw_offset:
            out.append(seg.d_end)
    return sorted(set(out))


def _passage_edits_reproduce(article: Article, p, edits, problems: list[str]) -> None:
    """Map the passage's applied raw-offset edits into its reading text and replay them."""
    from pipeline.document import Edit

    mapped = []
    for e in edits:
        found = None
        for ds in _raw_to_text_offsets(p.text_map, e.start):
            for de in _raw_to_text_offsets(p.text_map, e.end) if e.end != e.start else [ds]:
                if de < ds:
                    continue
                if p.text_map.to_raw(ds) == e.start and (de == ds or p.text_map.to_raw(de, end=True) == e.end):
                    if _ws(p.text[ds:de]) == _ws(e.original) or p.text[ds:de] == e.original:
                        found = (ds, de)
                        break
            if found:
                break
        if found is None:
            problems.append(
                f"{p.id}: applied edit {e.start}:{e.end} {e.original!r}->{e.replacement!r} "
                "not found in the passage text"
            )
            return
        ds, de = found
        mapped.append(Edit(ds, de, p.text[ds:de], e.replacement, e.rule, e.confidence, e.kind))
    try:
        replayed, _ = apply_edits(p.text, mapped)
    except ValueError as exc:
        problems.append(f"{p.id}: edits do not replay: {exc}")
        return
    if replayed != p.clean_text:
        i = next(
            (k for k, (a, b) in enumerate(zip(replayed, p.clean_text, strict=False)) if a != b),
            min(len(replayed), len(p.clean_text)),
        )
        problems.append(
            f"{p.id}: applied edits give {replayed[max(0, i - 15) : i + 15]!r}, "
            f"clean_text has {p.clean_text[max(0, i - 15) : i + 15]!r}"
        )


def check_article(article: Article) -> tuple[list[str], int]:
    """Every invariant problem of a pipeline result, and the number of uncovered raw lines with letters."""
    raw = article.raw
    n = len(raw)
    problems: list[str] = []

    def span(label: str, s: int, e: int, text: str | None = None, *, loose: bool = False) -> bool:
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n):
            problems.append(f"{label}: span {s}:{e} outside raw (len {n})")
            return False
        if text is not None:
            r = raw[s:e]
            if r != text and not (loose and _ws(r) == _ws(text)):
                problems.append(f"{label}: stored {text[:40]!r} but raw[{s}:{e}] is {r[:40]!r}")
                return False
        return True

    for key, ts in article.metadata.items():
        span(f"metadata.{key}", ts.start, ts.end, ts.text)
    for label, ts in (("title_ar", article.title_ar), ("title_en", article.title_en)):
        if ts is not None:
            span(label, ts.start, ts.end, ts.text)
    for i, ts in enumerate(article.keywords_ar):
        span(f"keywords_ar[{i}]", ts.start, ts.end, ts.text)
    for i, ts in enumerate(article.keywords_en):
        span(f"keywords_en[{i}]", ts.start, ts.end, ts.text)
    for s in article.sections:
        span(f"section {s.id}", s.start, s.end, s.heading, loose=True)
    for i, (s, e) in enumerate(article.structure_spans):
        span(f"structure_spans[{i}]", s, e)
    ids = [p.id for p in article.passages]
    if len(set(ids)) != len(ids):
        problems.append("duplicate passage ids")
    section_ids = {s.id for s in article.sections}
    sentence_ids: set[str] = set()
    edits_by_passage: dict[str, list] = {}
    for e in article.edits:
        if span(f"edit {e.start}:{e.end}", e.start, e.end, e.original) and e.status == "applied":
            edits_by_passage.setdefault(e.passage_id or "", []).append(e)
        if e.status not in ("applied", "flagged"):
            problems.append(f"edit {e.start}:{e.end}: status {e.status!r}")
    for p in article.passages:
        if p.section_id is not None and p.section_id not in section_ids:
            problems.append(f"{p.id}: section_id {p.section_id!r} is not a section")
        for s, e in p.spans:
            span(f"{p.id} span", s, e)
        _check_map(raw, p.text, p.text_map, f"{p.id} text_map", problems)
        for c in p.citations:
            span(f"{p.id} citation", c.start, c.end)
        if p.clean_text is not None:
            if p.clean_map is None:
                problems.append(f"{p.id}: clean_text without clean_map")
            else:
                edited = {k for e in edits_by_passage.get(p.id, []) for k in range(e.start, e.end)}
                _check_map(raw, p.clean_text, p.clean_map, f"{p.id} clean_map", problems, edited)
            _passage_edits_reproduce(article, p, edits_by_passage.pop(p.id, []), problems)
        best = p.best_text
        pos = 0
        for sent in p.sentences:
            sentence_ids.add(sent.id)
            span(f"sentence {sent.id}", sent.start, sent.end)
            if not (p.start <= sent.start <= sent.end <= p.end):
                problems.append(f"sentence {sent.id}: {sent.start}:{sent.end} outside passage {p.start}:{p.end}")
            k = best.find(sent.text, pos)
            if k < 0:
                problems.append(f"sentence {sent.id}: text {sent.text[:30]!r} not in the passage text after {pos}")
            else:
                pos = k + len(sent.text)
        if p.label_probs:
            values = list(p.label_probs.values())
            if any(not (0.0 <= v <= 1.0) or math.isnan(v) for v in values) or abs(sum(values) - 1.0) > 1e-3:
                problems.append(f"{p.id}: label_probs {p.label_probs}")
            if p.label not in (*PASSAGE_LABELS, "other"):
                problems.append(f"{p.id}: label {p.label!r}")
    for pid, left in edits_by_passage.items():
        problems.append(f"{len(left)} applied edit(s) of passage {pid!r}, which has no clean_text")
    by_id = {p.id: p for p in article.passages}
    for ent in article.entities:
        if span(f"entity {ent.text!r}", ent.start, ent.end, ent.text):
            if not ent.text.strip() or ent.text != ent.text.strip():
                problems.append(f"entity {ent.start}:{ent.end}: blank or padded text {ent.text!r}")
            p = by_id.get(ent.passage_id or "")
            if ent.passage_id is not None and p is None:
                problems.append(f"entity {ent.text!r}: unknown passage {ent.passage_id}")
            elif p is not None and not (p.start <= ent.start and ent.end <= p.end):
                problems.append(f"entity {ent.text!r} {ent.start}:{ent.end} outside passage {p.id} {p.start}:{p.end}")
    for link in article.entity_links:
        if not (0 <= link.en < len(article.entities) and 0 <= link.ar < len(article.entities)):
            problems.append(f"entity link {link} names a missing entity")
    known = set(sentence_ids)
    if article.title_ar is not None:
        known.add("title.ar")
    if article.title_en is not None:
        known.add("title.en")
    known.update(f"kw.ar.{i}" for i in range(len(article.keywords_ar)))
    known.update(f"kw.en.{i}" for i in range(len(article.keywords_en)))
    for link in article.alignments:
        missing = [x for x in (*link.ar, *link.en) if x not in known]
        if missing:
            problems.append(f"alignment {link.kind} names missing ids {missing}")
        if not link.ar and not link.en:
            problems.append(f"alignment {link.kind} links nothing")
    try:
        document = article.to_json()
        back = Article.from_json(document)
        if back.to_json() != document:
            problems.append("to_json -> from_json -> to_json is not the same document")
        json.loads(document)
    except Exception as exc:  # noqa: BLE001 - any failure here is a finding
        problems.append(f"JSON round trip: {type(exc).__name__}: {exc}")
    return problems, _lost_lines(article)


def _lost_lines(article: Article) -> int:
    """Raw lines with letters that no span of the article covers at all."""
    raw = article.raw
    covered = bytearray(len(raw) + 1)
    spans: list[tuple[int, int]] = list(article.structure_spans)
    spans += [(t.start, t.end) for t in article.metadata.values()]
    spans += [(t.start, t.end) for t in (article.title_ar, article.title_en) if t is not None]
    spans += [(t.start, t.end) for t in (*article.keywords_ar, *article.keywords_en)]
    spans += [(s.start, s.end) for s in article.sections]
    spans += [sp for p in article.passages for sp in p.spans]
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    lost = 0
    for m in re.finditer(r"[^\n\r\f]+", raw):
        if _LETTER.search(m.group()) and not any(covered[m.start() : m.end()]):
            lost += 1
    return lost


# -- running -------------------------------------------------------------------------------------


def run_variant(nlp, v: Variant) -> Outcome:
    """Run the pipeline on one variant and check the result."""
    name = f"fuzz/{v.name}.txt"
    t = time.perf_counter()
    try:
        article = nlp(v.data, name=name)
    except DiploError as exc:
        message = str(exc)
        out = Outcome(v.name, v.kind, "error", error=f"{type(exc).__name__}: {message}")
        if "\n" in message.strip():
            out.status, out.problems = "fail", ["error message spans several lines"]
        elif name not in message:
            out.status, out.problems = "fail", ["error message does not name the input"]
        out.seconds = time.perf_counter() - t
        return out
    except Exception as exc:  # noqa: BLE001 - every other exception is a defect
        tb = traceback.extract_tb(exc.__traceback__)
        where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(tb[-3:]))
        return Outcome(
            v.name, v.kind, "fail", [f"crash {type(exc).__name__}: {exc} at {where}"], seconds=time.perf_counter() - t
        )
    try:
        problems, lost = check_article(article)
    except Exception as exc:  # noqa: BLE001 - a checker crash is reported, not hidden
        problems, lost = [f"checker crashed: {type(exc).__name__}: {exc}"], 0
    return Outcome(
        v.name, v.kind, "fail" if problems else "ok", problems, lost_lines=lost, seconds=time.perf_counter() - t
    )


def cli_check(v: Variant, error: str) -> list[str]:
    """Run ``diplo run`` on the variant written to a file: one error line, exit 2, file unchanged."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        path = Path(tmp) / f"{v.name}.txt"
        path.write_bytes(v.data)
        before = hashlib.sha256(v.data).hexdigest()
        proc = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "diplo"), "run", str(path), "--out", str(Path(tmp) / "out")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=600,
        )
        problems = []
        if hashlib.sha256(path.read_bytes()).hexdigest() != before:
            problems.append("CLI modified the input file")
        err_lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        if proc.returncode != 2:
            problems.append(f"CLI exit status {proc.returncode}, expected 2")
        if "Traceback" in proc.stderr:
            problems.append("CLI printed a traceback")
        if len([ln for ln in err_lines if ln.startswith("error:")]) != 1 or str(path) not in proc.stderr:
            problems.append(f"CLI stderr is not one error line naming the file: {proc.stderr.strip()[:200]!r}")
        if list((Path(tmp) / "out").glob("*")) if (Path(tmp) / "out").exists() else False:
            problems.append("CLI wrote an output for a refused input")
        return problems


def pipe_check(nlp, variants: list[Variant]) -> Outcome:
    """``nlp.pipe`` over a batch of variants gives what ``nlp`` gives each one alone."""
    t = time.perf_counter()
    problems = []
    try:
        piped = list(nlp.pipe([v.data for v in variants], batch_size=8))
    except Exception as exc:  # noqa: BLE001 - a crash in batch mode is a finding
        return Outcome("pipe", "pipe", "fail", [f"crash {type(exc).__name__}: {exc}"])
    for v, got in zip(variants, piped, strict=True):
        alone = nlp(v.data, name=f"fuzz/{v.name}.txt")
        got.source = alone.source
        if got.to_json() != alone.to_json():
            problems.append(f"pipe result of {v.name} differs from running it alone")
    status = "fail" if problems else "ok"
    return Outcome(f"pipe-of-{len(variants)}", "pipe", status, problems, seconds=time.perf_counter() - t)


def minimise(nlp, v: Variant) -> Variant:
    """Shrink a failing variant line by line while it fails with the same first problem kind."""

    def signature(o: Outcome) -> str | None:
        if o.status != "fail":
            return None
        return re.sub(r"[\d:]+|'.*?'|\".*?\"", "", o.problems[0])[:60]

    want = signature(run_variant(nlp, v))
    if want is None:
        return v
    text = v.data.decode("utf-8", errors="surrogateescape")
    lines = text.split("\n")
    chunk = max(1, len(lines) // 2)
    while chunk >= 1:
        i = 0
        changed = False
        while i < len(lines):
            trial = lines[:i] + lines[i + chunk :]
            cand = Variant(v.name, v.kind, "\n".join(trial).encode("utf-8", errors="surrogateescape"))
            if trial and signature(run_variant(nlp, cand)) == want:
                lines = trial
                changed = True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return Variant(v.name + "-min", v.kind, "\n".join(lines).encode("utf-8", errors="surrogateescape"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed of the variants (default 0)")
    parser.add_argument("--variants", type=int, default=300, help="stop after this many variants (default 300)")
    parser.add_argument(
        "--data-docs", type=int, default=100, help="data-set documents wrapped as articles (default 100)"
    )
    parser.add_argument("--rounds", type=int, default=4, help="rounds of seed variants, each freshly drawn (default 4)")
    parser.add_argument("--only", action="append", default=[], help="only variants of this kind (repeatable)")
    parser.add_argument(
        "--cli-checks", type=int, default=6, help="distinct refused inputs also run through `diplo run`"
    )
    parser.add_argument("--pipe-check", type=int, default=16, help="run this many good variants again through nlp.pipe")
    parser.add_argument("--dump", type=Path, help="write failing variants (and minimised ones) to this folder")
    parser.add_argument("--minimise", metavar="NAME", help="minimise the variant of this name and write it to --dump")
    parser.add_argument("--out", type=Path, help="write every outcome as JSON here")
    args = parser.parse_args(argv)

    from pipeline.runner import Pipeline

    seed_text = SEED.read_text(encoding="utf-8")
    variants = build_variants(seed_text, random.Random(args.seed), args.data_docs, args.rounds)
    if args.only:
        variants = [v for v in variants if v.kind in args.only]
    variants = variants[: args.variants]
    t0 = time.perf_counter()
    nlp = Pipeline.from_config()
    print(f"models loaded in {time.perf_counter() - t0:.1f}s; {len(variants)} variants", file=sys.stderr)
    if args.minimise:
        v = next((v for v in variants if v.name == args.minimise), None)
        if v is None:
            parser.error(f"no variant named {args.minimise!r}")
        small = minimise(nlp, v)
        target = (args.dump or Path(".")) / f"{small.name}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(small.data)
        print(f"{target}: {len(small.data)} bytes; {run_variant(nlp, small).problems[:3]}")
        return 0
    base_lost = _lost_lines(nlp(seed_text, name="seed"))
    outcomes: list[Outcome] = []
    cli_seen: set[str] = set()
    for i, v in enumerate(variants):
        o = run_variant(nlp, v)
        if o.status == "error" and len(cli_seen) < args.cli_checks:
            key = re.sub(r"fuzz/\S+", "", o.error or "")
            if key not in cli_seen:
                cli_seen.add(key)
                extra = cli_check(v, o.error or "")
                if extra:
                    o.status, o.problems = "fail", extra
        if o.lost_lines > base_lost + 2 and o.status == "ok":
            o.problems.append(f"note: {o.lost_lines} raw lines with letters covered by no span (seed: {base_lost})")
        outcomes.append(o)
        mark = {"ok": ".", "error": "e", "fail": "F"}[o.status]
        print(f"[{i + 1}/{len(variants)}] {mark} {v.name} {o.seconds:.1f}s {(o.error or '')[:100]}", file=sys.stderr)
        for p in o.problems[:3]:
            print(f"      {p[:220]}", file=sys.stderr)
        if o.status == "fail" and args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            (args.dump / f"{v.name}.txt").write_bytes(v.data)
    if args.pipe_check:
        outcomes.append(
            pipe_check(
                nlp, [v for v, o in zip(variants, outcomes, strict=False) if o.status == "ok"][: args.pipe_check]
            )
        )
    fails = [o for o in outcomes if o.status == "fail"]
    errors = [o for o in outcomes if o.status == "error"]
    notes = [o for o in outcomes if o.status == "ok" and o.problems]
    print(
        f"\n{len(outcomes)} variants in {time.perf_counter() - t0:.0f}s: "
        f"{len(outcomes) - len(fails) - len(errors)} ok, "
        f"{len(errors)} refused with a one-line error, {len(fails)} failed, {len(notes)} with lost-text notes"
    )
    kinds: dict[str, list[str]] = {}
    for o in fails:
        kinds.setdefault(re.sub(r"[\d:]+|'.*?'", "", o.problems[0])[:80], []).append(o.name)
    for k, names in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(names):3d} x {k}   e.g. {', '.join(names[:3])}")
    for o in errors:
        print(f"  refused: {o.name}: {o.error}")
    for o in notes:
        print(f"  {o.name}: {o.problems[0]}")
    if args.out:
        args.out.write_text(json.dumps([o.__dict__ for o in outcomes], ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
