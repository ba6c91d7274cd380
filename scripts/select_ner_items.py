"""Select the texts of a held-out entity item set (corpus/ner_heldout*): real ANT news paragraphs and
UN Arabic-English sentence pairs, none of whose text occurs in corpus/.

ANT (``arabic-text/ant-corpus-v1.1-politics-intl/docs.jsonl``): 25 documents, every tenth line from
``--ant-start``; from each its first two lines of 40 characters or more, one item each. UN
(``arabic-text/un-parallel-corpus-v1.0-testsets/docs.jsonl``): 25 documents, every tenth line from
``--un-start``; from each the first sentence pair whose English side has a capitalised word after its
first, an Arabic and an English item. A document whose picked text occurs in corpus/ (a 30-character
piece from its middle, ``grep -rlF``) is replaced by the next line, and the sequence goes on at the next
multiple of ten. The items are written with empty entity lists, for annotators to fill in.

corpus/ner_heldout3: ``--ant-start 1505 --un-start 1205``; corpus/ner_heldout4: ``--ant-start 1502
--un-start 1202``; both were selected before they joined corpus/, so to select them again pass
``--ignore corpus/ner_heldout3 --ignore corpus/ner_heldout4``. corpus/ner_heldout (1500 / 1200) was selected
the same way by its annotator (its DECISIONS.md, S1-S3).

Usage:
    python scripts/select_ner_items.py --ant-start 1505 --un-start 1205 --out raw_items.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ner.train import default_data_dir  # noqa: E402

ANT = Path("arabic-text") / "ant-corpus-v1.1-politics-intl" / "docs.jsonl"
UN = Path("arabic-text") / "un-parallel-corpus-v1.0-testsets" / "docs.jsonl"
DOCUMENTS = 25


def in_corpus(text: str, ignore: tuple[Path, ...] = ()) -> bool:
    """Whether a 30-character piece from the middle of ``text`` occurs in a file of corpus/ (outside ``ignore``)."""
    text = text.strip()
    middle = len(text) // 2
    piece = text[max(0, middle - 15) : max(0, middle - 15) + 30]
    done = subprocess.run(["grep", "-rlF", "--", piece, str(ROOT / "corpus")], capture_output=True, text=True)
    hits = [Path(line).resolve() for line in done.stdout.splitlines() if line.strip()]
    return any(not any(hit.is_relative_to(folder) for folder in ignore) for hit in hits)


def _capitalised_after_first(english: str) -> bool:
    return any(re.sub(r"^[^\w]+", "", token)[:1].isupper() for token in english.split()[1:])


def select(data: Path, ant_start: int, un_start: int, ignore: tuple[Path, ...] = (), log=print) -> list[dict]:
    """The items, in order: ANT paragraphs first, then the UN pairs (Arabic, English)."""
    items: list[dict] = []
    ant = (data / ANT).read_text(encoding="utf-8").split("\n")
    base, taken, i = ant_start, 0, ant_start
    while taken < DOCUMENTS:
        doc = json.loads(ant[i])
        lines = [line for line in doc["text"].split("\n") if line.strip()]
        good = [line for line in lines if len(line) >= 40][:2]
        if len(good) < 2 or any(in_corpus(line, ignore) for line in good):
            log(f"ant {i}: skipped")
            i += 1
            continue
        for k, line in enumerate(good, 1):
            items.append({"id": f"ant-{i}-p{k}", "source_doc": doc["id"], "lang": "ar", "text": line, "entities": []})
        taken, base = taken + 1, base + 10
        i = base
    un = (data / UN).read_text(encoding="utf-8").split("\n")
    base, taken, i = un_start, 0, un_start
    while taken < DOCUMENTS:
        doc = json.loads(un[i])
        pair = next((p for p in doc["sentences"] if _capitalised_after_first(p["en"])), None)
        if pair is None or in_corpus(pair["ar"], ignore) or in_corpus(pair["en"], ignore):
            log(f"un {i}: skipped")
            i += 1
            continue
        for lang in ("ar", "en"):
            items.append(
                {"id": f"un-{i}-{lang}", "source_doc": doc["id"], "lang": lang, "text": pair[lang], "entities": []}
            )
        taken, base = taken + 1, base + 10
        i = base
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ant-start", type=int, required=True, help="first ANT line (0-based)")
    parser.add_argument("--un-start", type=int, required=True, help="first UN line (0-based)")
    parser.add_argument("--data", type=Path, default=None, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--out", type=Path, required=True, help="items file to write (JSON Lines)")
    parser.add_argument(
        "--ignore",
        type=Path,
        action="append",
        default=[],
        help="a corpus folder whose text does not count (repeatable)",
    )
    args = parser.parse_args(argv)
    ignore = tuple(folder.resolve() for folder in args.ignore)
    items = select(args.data or default_data_dir(), args.ant_start, args.un_start, ignore)
    args.out.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    print(f"wrote {len(items)} items to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
