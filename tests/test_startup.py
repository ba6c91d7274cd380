"""The diplo process keeps torch out (pipeline/startup.py): faster start-up, same results."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import REPO, SEED_PATH

# Runs in a fresh interpreter: the test process may have imported torch already (through
# spaCy), and keeping torch out only works before that.
_CHILD = """
import json, sys
from pipeline.startup import keep_torch_out
kept_out = keep_torch_out()
import spacy, thinc.compat
try:
    import torch
    torch_error = None
except ModuleNotFoundError as exc:
    torch_error = str(exc)
entities = []
if {tag}:
    from pipeline.config import PipelineConfig
    from pipeline.ner import NerStage
    from pipeline.reader import read_article
    stage = NerStage.from_settings({{"model": "models/ner-ar"}}, PipelineConfig(stages=["read", "ner"], root={repo!r}))
    entities = [[e.start, e.end, e.label] for e in stage(read_article({seed!r})).entities]
print(json.dumps({{
    "kept_out": kept_out,
    "torch_loaded": "torch" in sys.modules,
    "thinc_has_torch": thinc.compat.has_torch,
    "torch_error": torch_error,
    "entities": entities,
}}))
"""


def _child(allow: str | None, tag: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DIPLO_ALLOW_TORCH"}
    if allow is not None:
        env["DIPLO_ALLOW_TORCH"] = allow
    code = _CHILD.format(repo=str(REPO), seed=str(SEED_PATH), tag=tag)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_torch_is_kept_out_and_the_entities_are_the_same(seed_article):
    import copy

    from pipeline.config import PipelineConfig
    from pipeline.ner import NerStage

    stage = NerStage.from_settings({"model": "models/ner-ar"}, PipelineConfig(stages=["read", "ner"], root=REPO))
    tagged = stage(copy.deepcopy(seed_article))
    child = _child(None, tag=True)
    assert child["kept_out"] and not child["torch_loaded"] and not child["thinc_has_torch"]
    assert "DIPLO_ALLOW_TORCH=1" in child["torch_error"]
    # The NER model is thinc on numpy: without torch it tags the seed exactly as in this process.
    assert child["entities"] == [[e.start, e.end, e.label] for e in tagged.entities]
    assert len(child["entities"]) > 50


def test_torch_can_be_allowed():
    child = _child("1", tag=False)
    assert not child["kept_out"] and child["torch_loaded"] and child["torch_error"] is None


# `diplo repair` on a small file: start-up is most of its time (scripts/bench_repair_startup.py).
_REPAIR_CHILD = """
import contextlib, io, json, sys
from pipeline.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = main(["repair", {path!r}])
print(json.dumps({{"status": status, "out": out.getvalue(), "modules": sorted(sys.modules)}}))
"""


def test_repair_imports_nothing_it_does_not_use(tmp_path, seed_raw):
    """camel-tools' charsets module (every Unicode code point sorted by category, 0.7-1.3 s) and
    numpy.ma (0.2 s, pulled in by np.unique) were imported by every `diplo repair` and used by none."""
    path = tmp_path / "excerpt.txt"
    path.write_text("".join(seed_raw.splitlines(keepends=True)[149:166]), encoding="utf-8")
    code = _REPAIR_CHILD.format(path=str(path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    child = json.loads(done.stdout.strip().splitlines()[-1])
    assert child["status"] == 0 and "الإنترنت" in child["out"]  # it did repair the text
    assert "camel_tools.utils.charsets" not in child["modules"]
    assert "camel_tools.tokenizers.word" not in child["modules"]
    assert "numpy.ma" not in child["modules"]
    assert "hunspell" in child["modules"] and "wordfreq" in child["modules"]  # the lexicons it needs


def test_camel_wrappers_import_their_modules_on_first_use():
    from pipeline import camel

    assert camel.dediac("الدِّبلوماسيّة") == "الدبلوماسية"
    assert camel.simple_word_tokenize("الدبلوماسية، الرقمية.") == ["الدبلوماسية", "،", "الرقمية", "."]
    assert camel.match_key("الدِّبلوماسيّة") == "الدبلوماسيه"
