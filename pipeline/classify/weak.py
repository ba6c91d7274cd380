"""Weak and silver labels: extra training signal that no annotator gave.

* **Heading weak labels** (:func:`heading_weak_label`): a section heading that
  names a class (مفهوم / تعريف → concept, أهداف → goal, أدوات / وسائل → tool,
  مخاطر / تحديات / سلبيات → risk, أمثلة / نماذج → example) labels its
  passages weakly; a heading about the study itself (مشكلة / أهمية / أهداف /
  منهجية الدراسة, الفرضية) names ``other`` and wins, so أهداف الدراسة is not a
  goal. The classifier uses the weak label as a prior on the log-odds (see
  :class:`pipeline.classify.model.PriorLogit`), so it also helps on articles
  and sections it never saw.
* **Silver labels** (:func:`silver_sentences`): sentences of real Arabic text
  (``../shared/data/arabic-text``: UN documents and news) that contain a
  *strong* cue phrase of exactly one class. They are an experiment: the
  evaluation reports whether they help on held-out gold sections, and the
  shipped model uses them only if they do (``silver = true`` in the train
  settings).
"""

from __future__ import annotations

import functools
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .features import heading_title, match_phrase, split_clitic, token_variants, tokens

#: Heading words that name a class (normalised forms), checked in this order.
HEADING_CUES: dict[str, tuple[str, ...]] = {
    "other": ("الدراسه", "البحث", "منهجيه", "منهج", "الفرضيه", "فرضيه", "اشكاليه", "مشكله", "هيكليه"),
    "concept": ("مفهوم", "مفاهيم", "المفاهيمي", "مفاهيمي", "تعريف", "ماهيه"),
    "goal": ("اهداف", "هدف", "غايات"),
    "tool": ("ادوات", "اداه", "وسائل", "وسيله", "اليات"),
    "risk": ("مخاطر", "تحديات", "سلبيات", "تهديدات", "معوقات"),
    "example": ("امثله", "مثال", "نماذج", "نموذج", "تطبيقات"),
}

#: Strong cue phrases for silver labels (normalised forms): narrower than the
#: classifier's cue lexicon, chosen so that a sentence holding one mostly does
#: what the class says.
#: A first hand-checked sample (seed 1, 12 per class) showed concept cues
#: mostly naming rather than defining (4/12: «ما يعرف بـ داعش», «قرار غير
#: مفهوم») and example cues almost absent (4 candidates in 3,237 documents), so
#: silver labels are mined for goal, tool and risk only; اليه (also إليه, "to
#: him") and «وسائل الإعلام» (news media as a source) were dropped from tool.
SILVER_CUES: dict[str, tuple[str, ...]] = {
    "goal": ("يهدف الي", "تهدف الي", "بهدف", "الهدف من", "الغرض من", "اهداف"),
    "tool": ("ادوات", "اداه", "وسائل", "وسيله", "اليات", "منصات", "منصه"),
    "risk": ("مخاطر", "خطر", "تهديد", "تهديدات", "تحديات", "سلبيات", "ازمه"),
}
#: Phrases that cancel a cue (normalised): the cue word is part of another expression.
SILVER_EXCLUDE: tuple[str, ...] = ("وسائل الاعلام", "وسائل اعلام", "وسائل التواصل")
SILVER_DATASETS = ("un-parallel-corpus-v1.0-testsets", "ant-corpus-v1.1-politics-intl")
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")


@functools.lru_cache(maxsize=4096)  # an article's passages share a few headings
def heading_weak_label(heading: str | None) -> str | None:
    """The class a section heading names, if any (the weak label of its passages).

    When a heading names several classes the first in :data:`HEADING_CUES`
    order wins.
    """
    if not heading:
        return None
    toks = set(tokens(heading_title(heading)))
    for label, cues in HEADING_CUES.items():
        if toks & {split_clitic(c) for c in cues}:
            return label
    return None


@dataclass(frozen=True)
class SilverSentence:
    """A sentence of third-party text with the class its strong cue names."""

    doc_id: str
    text: str
    label: str
    cue: str


def _phrase_keys() -> list[tuple[str, tuple[str, ...], str]]:
    return [
        (label, tuple(split_clitic(t) for t in p.split()), p) for label, phrases in SILVER_CUES.items() for p in phrases
    ]


def silver_label(sentence: str) -> tuple[str, str] | None:
    """``(class, cue)`` when the sentence holds strong cues of exactly one class, else None."""
    variants = token_variants(sentence)
    for phrase in SILVER_EXCLUDE:
        if match_phrase(variants, tuple(split_clitic(t) for t in phrase.split())):
            return None
    hits: dict[str, str] = {}
    for label, key, phrase in _phrase_keys():
        if match_phrase(variants, key):
            hits.setdefault(label, phrase)
    if len(hits) != 1:
        return None
    label, cue = next(iter(hits.items()))
    return label, cue


def _documents(data_dir: Path) -> Iterator[tuple[str, str]]:
    for name in SILVER_DATASETS:
        path = data_dir / "arabic-text" / name / "docs.jsonl"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                doc = json.loads(line)
                yield str(doc["id"]), str(doc.get("text", ""))


def silver_sentences(
    data_dir: str | Path, *, per_class: int = 40, seed: int = 0, min_words: int = 10, max_words: int = 60
) -> list[SilverSentence]:
    """Silver-labelled sentences from the shared Arabic text, at most ``per_class`` of each class.

    Args:
        data_dir: The shared data folder (``<repo>/../shared/data``).
        per_class: Sentences kept per class (a seeded random sample of the candidates).
        seed: Seed of the sample.
        min_words: Shortest sentence kept.
        max_words: Longest sentence kept.

    Returns:
        The sample, classes in :data:`SILVER_CUES` order; empty when the data is absent.
    """
    candidates: dict[str, list[SilverSentence]] = {label: [] for label in SILVER_CUES}
    for doc_id, text in _documents(Path(data_dir)):
        for match in _SENTENCE.finditer(text):
            sentence = match.group(0).strip()
            if not min_words <= len(sentence.split()) <= max_words:
                continue
            found = silver_label(sentence)
            if found:
                candidates[found[0]].append(SilverSentence(doc_id, sentence, found[0], found[1]))
    rng = random.Random(seed)
    out: list[SilverSentence] = []
    for items in candidates.values():
        rng.shuffle(items)
        out += items[:per_class]
    return out
