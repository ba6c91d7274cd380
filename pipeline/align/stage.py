"""The align stage: sentences of both abstracts, and title, keyword and sentence links."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..config import PipelineConfig
from ..document import AlignmentLink, Article, Passage, Sentence
from ..errors import ConfigError
from .aligner import Aligner, AlignerParams, Bead, arabic_skeleton
from .encoder import SentenceEncoder
from .glossary import Glossary
from .repeats import align_without_repeats
from .segment import split_sentences

log = logging.getLogger(__name__)

#: Link kinds this stage writes (and replaces when run again).
LINK_KINDS = ("title", "keywords", "abstract")

#: Aligner parameters tuned on the UN devset derived documents (Arabic–English; random search,
#: see scripts/eval_align.py for the held-out testset figures).
AR_EN_PARAMS = AlignerParams(
    mode="vecalign",
    skip=0.267,
    size_exp=1.023,
    w_len=0.02,
    w_anchor=0.1,
    anchor_base=0.5,
    neighbours=5,
    max_anchor_df=0.05,
    bead_penalty={(1, 4): 0.1, (4, 1): 0.1, (2, 3): 0.1, (3, 2): 0.1},
    # English characters per Arabic character: the median over the UN devset documents.
    length_ratio=1.18,
)

#: Parameters tuned on Text+Berg ``dev`` (German–French OCR'd yearbooks; used by the benchmark only).
#: Shared names and numbers (anchors, weight 0.4) raised dev strict F1 from 0.857 to 0.871.
TEXTBERG_PARAMS = AlignerParams(
    mode="vecalign",
    skip=0.434,
    size_exp=0.851,
    w_len=0.03,
    w_anchor=0.4,
    anchor_base=0.5,
    neighbours=5,
    max_anchor_df=0.1,
    bead_penalty={(2, 2): 0.05, (1, 3): 0.05, (3, 1): 0.05, (1, 4): 0.2, (4, 1): 0.2, (2, 3): 0.2, (3, 2): 0.2},
)

_PARAM_FIELDS = {f.name for f in dataclasses.fields(AlignerParams)} - {"beads", "bead_penalty"}


def params_from_settings(settings: dict[str, Any], base: AlignerParams = AR_EN_PARAMS) -> AlignerParams:
    """Aligner parameters from a ``[stages.align]`` table (unknown keys are an error).

    Raises:
        ConfigError: A key that is not an aligner parameter, or a value of the wrong type.
    """
    updates: dict[str, Any] = {}
    for key, value in settings.items():
        if key in ("enabled", "keyword_threshold", "title_threshold", "encoder", "glossary", "transliterate"):
            continue
        if key not in _PARAM_FIELDS:
            raise ConfigError(
                f"[stages.align] {key}: unknown setting; expected one of {', '.join(sorted(_PARAM_FIELDS))}"
            )
        expected = type(getattr(base, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected):
            raise ConfigError(f"[stages.align] {key}: expected {expected.__name__}, found {value!r}")
        updates[key] = value
    return dataclasses.replace(base, **updates)


class AlignStage:
    """Splits the abstracts into sentences and links the Arabic and English parts.

    Args:
        aligner: The sentence aligner (its encoder also scores titles and keywords).
        glossary: Bilingual term glossary for keywords.
        keyword_threshold: Lowest keyword-pair score that makes a link.
    """

    name = "align"
    requires = ("structure",)
    provides = ("sentences", "alignment")

    def __init__(self, aligner: Aligner, glossary: Glossary, keyword_threshold: float = 0.35) -> None:
        self.aligner = aligner
        self.glossary = glossary
        self.keyword_threshold = keyword_threshold

    @classmethod
    def from_settings(cls, settings: dict[str, Any], config: PipelineConfig | None = None) -> "AlignStage":
        """Build the stage from its ``[stages.align]`` table.

        Settings: any :class:`~pipeline.align.aligner.AlignerParams` field (``skip``,
        ``w_len`` ...), ``keyword_threshold``, ``encoder = false`` to align on
        length and anchors only, and ``transliterate = true`` to add Arabic words as
        name anchors in a Latin consonant skeleton (:func:`~pipeline.align.aligner.arabic_skeleton`,
        through CAMeL Tools' Buckwalter map; off by default: on the 400 UN devset derived
        documents it gave strict F1 0.9769 against 0.9771 without, and 0.9746 against 0.9755
        on the testset, as UN text has few names). The encoder's weights are read here (about 2 s), so that
        the first article costs what any other does; a missing encoder package gives one
        logged warning and the length-and-anchors fallback.

        Raises:
            ConfigError: An unknown setting or a value of the wrong type.
        """
        params = params_from_settings(settings)
        threshold = settings.get("keyword_threshold", 0.35)
        if not isinstance(threshold, (int, float)) or isinstance(threshold, bool):
            raise ConfigError(f"[stages.align] keyword_threshold: expected a number, found {threshold!r}")
        transliterate = settings.get("transliterate", False)
        if not isinstance(transliterate, bool):
            raise ConfigError(f"[stages.align] transliterate: expected true or false, found {transliterate!r}")
        encoder = SentenceEncoder(threads=1) if settings.get("encoder", True) else None
        if encoder is not None:
            encoder.warm()  # load the model now: a pipeline's models load when it is built
        aligner = Aligner(encoder, params, transliterate=arabic_skeleton if transliterate else None)
        return cls(aligner, Glossary.load(), float(threshold))

    # -- running -----------------------------------------------------------------

    def align_sentences(self, ar: Sequence[str], en: Sequence[str]) -> list[Bead]:
        """Align a list of Arabic sentences with a list of English ones (no article needed).

        Returns:
            Beads in order (``Bead.src`` Arabic and ``Bead.tgt`` English sentence indices,
            1-0 … 3-1 and the like, with a score), covering every sentence of both sides once.
            A sentence that repeats an earlier one of its side word for word is left unaligned
            (:mod:`pipeline.align.repeats`).
        """
        return align_without_repeats(self.aligner, ar, en, "ar", "en")[0]

    def split_sentences(self, text: str, lang: str) -> list[str]:
        """The sentences of an Arabic (``ar``) or English (``en``) text, as the stage splits abstracts."""
        return [text[a:b] for a, b in split_sentences(text, lang)]

    def __call__(self, article: Article) -> Article:
        """Fill ``passage.sentences`` of both abstracts and ``article.alignments``; returns the article."""
        article.alignments = [a for a in article.alignments if a.kind not in LINK_KINDS]
        ar_sents = self._segment(article.abstract("ar"))
        en_sents = self._segment(article.abstract("en"))
        article.alignments += self.link_titles(article)
        if (article.title_ar is None) != (article.title_en is None):
            missing = "English" if article.title_en is None else "Arabic"
            article.warnings.append(f"align: no {missing} title found, so the titles are not linked")
        article.alignments += self.link_keywords(article)
        if not ar_sents or not en_sents:
            missing = "English" if not en_sents else "Arabic"
            article.warnings.append(f"align: no {missing} abstract sentences, so the abstracts are not aligned")
            return article
        # A paragraph the conversion wrote twice would pull the beads around it apart: its
        # copies are left unaligned, with a warning.
        beads, ar_rep, en_rep = align_without_repeats(
            self.aligner, [s.text for s in ar_sents], [s.text for s in en_sents], "ar", "en"
        )
        for name, sents, repeats in (("Arabic", ar_sents, ar_rep), ("English", en_sents, en_rep)):
            if repeats:
                pairs = ", ".join(f"{sents[r].id} = {sents[f].id}" for r, f in sorted(repeats.items()))
                article.warnings.append(
                    f"align: {len(repeats)} {name} abstract sentence(s) repeat earlier ones word for word "
                    f"({pairs}; a paragraph written twice by the PDF or OCR conversion?): left unaligned"
                )
        for bead in beads:
            article.alignments.append(
                AlignmentLink(
                    kind="abstract",
                    ar=[ar_sents[i].id for i in bead.src],
                    en=[en_sents[j].id for j in bead.tgt],
                    score=bead.score,
                )
            )
        return article

    def pipe(self, articles, batch_size: int = 8):  # noqa: ANN001, ANN201 - runner protocol
        """Align a stream of articles, in order."""
        for article in articles:
            yield self(article)

    @staticmethod
    def _segment(passages: list[Passage]) -> list[Sentence]:
        out: list[Sentence] = []
        for p in passages:
            text, tmap = p.best_text, p.best_map
            p.sentences = []
            for n, (s, e) in enumerate(split_sentences(text, p.lang)):
                start, end = tmap.span_to_raw(s, e)
                p.sentences.append(Sentence(id=f"{p.id}.s{n}", text=text[s:e], start=start, end=end, lang=p.lang))
            out += p.sentences
        return out

    def _similarity(self, ar: list[str], en: list[str]) -> np.ndarray:
        """Cosine matrix ar × en (zeros without the encoder)."""
        enc = self.aligner.encoder
        if enc is None or not enc.available or not ar or not en:
            return np.zeros((len(ar), len(en)))
        return enc.encode(ar) @ enc.encode(en).T

    def link_titles(self, article: Article) -> list[AlignmentLink]:
        """One ``title`` link when both titles are present."""
        if article.title_ar is None or article.title_en is None:
            return []
        sim = float(self._similarity([article.title_ar.text], [article.title_en.text])[0, 0])
        gloss = self.glossary.match(article.title_ar.text, article.title_en.text)
        return [AlignmentLink("title", ["title.ar"], ["title.en"], round(max(sim, gloss), 4))]

    def link_keywords(self, article: Article) -> list[AlignmentLink]:
        """Keyword links: a one-to-one assignment maximising encoder + glossary similarity.

        Keywords are short and often listed in the same order on both sides, so a
        small bonus rewards the same relative position. Pairs scoring below the
        threshold stay unlinked (1-0 / 0-1 links).
        """
        from scipy.optimize import linear_sum_assignment

        ar = [k.text for k in article.keywords_ar]
        en = [k.text for k in article.keywords_en]
        if not ar and not en:
            return []
        score = np.zeros((len(ar), len(en)))
        if ar and en:
            sim = self._similarity(ar, en)
            for i, a in enumerate(ar):
                for j, e in enumerate(en):
                    pos = 1.0 - abs(i / max(len(ar) - 1, 1) - j / max(len(en) - 1, 1))
                    score[i, j] = max(sim[i, j], self.glossary.match(a, e)) + 0.15 * pos
        rows, cols = linear_sum_assignment(-score) if ar and en else ([], [])
        links = []
        linked_ar, linked_en = set(), set()
        for i, j in zip(rows, cols):
            if score[i, j] >= self.keyword_threshold:
                links.append(
                    AlignmentLink("keywords", [f"kw.ar.{i}"], [f"kw.en.{j}"], round(float(min(score[i, j], 1.0)), 4))
                )
                linked_ar.add(i)
                linked_en.add(j)
        links += [AlignmentLink("keywords", [f"kw.ar.{i}"], [], 0.0) for i in range(len(ar)) if i not in linked_ar]
        links += [AlignmentLink("keywords", [], [f"kw.en.{j}"], 0.0) for j in range(len(en)) if j not in linked_en]
        return links
