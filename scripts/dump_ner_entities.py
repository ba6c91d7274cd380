"""Write every Arabic entity the NER stage finds in the real text of ../shared/data/arabic-text, one per
line, so that two versions of the stage can be compared with `diff` (no gold: a change to the span
rules is read by its differences, then judged by hand).

    python scripts/dump_ner_entities.py -o before.tsv      # at one commit
    python scripts/dump_ner_entities.py -o after.tsv       # at another
    diff <(cut -f1-5 before.tsv) <(cut -f1-5 after.tsv)

Columns: text id, start, end, label, surface, the surface with 40 characters before and 20 after.
Texts: the ANT politics/international news documents (one per line) and the lines of the UN Parallel
Corpus test-set documents (whose ids are ``un-<document id>-<line>``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.textio import write_atomic  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "arabic-text"


def _texts(data: Path, un_docs: int) -> list[tuple[str, str]]:
    texts = []
    with open(data / "ant-corpus-v1.1-politics-intl" / "docs.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            texts.append((f"ant-{i}", json.loads(line)["text"]))
    with open(data / "un-parallel-corpus-v1.0-testsets" / "docs.jsonl", encoding="utf-8") as fh:
        for _, line in zip(range(un_docs), fh):
            doc = json.loads(line)
            for j, text in enumerate(doc["text"].splitlines()):
                if text.strip():
                    texts.append((f"un-{doc['id']}-{j}", text.strip()))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", required=True, type=Path, help="TSV file to write")
    parser.add_argument("--data", type=Path, default=DATA, help="the arabic-text folder")
    parser.add_argument("--un-docs", type=int, default=300, help="UN documents to read (default 300)")
    parser.add_argument("--model", default=None, help="NER model folder (default: the shipped one)")
    args = parser.parse_args()

    from pipeline.ner.stage import NerStage

    stage = NerStage.from_path(args.model) if args.model else NerStage.from_path()
    texts = _texts(args.data, args.un_docs)
    print(f"tagging {len(texts)} texts...", file=sys.stderr)
    rows = []
    for (text_id, text), found in zip(texts, stage.predict_ar([t for _, t in texts]), strict=True):
        for f in found:
            context = text[max(0, f.start - 40) : f.end + 20].replace("\t", " ").replace("\n", " ")
            rows.append(f"{text_id}\t{f.start}\t{f.end}\t{f.label}\t{text[f.start : f.end]}\t{context}\n")
    write_atomic(args.output, "".join(rows))
    print(f"{len(rows)} entities written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
