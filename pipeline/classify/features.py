"""Text preprocessing and hand-made features of the passage classifier.

Everything here is a module-level function or a small transformer class, so a
fitted :class:`sklearn.pipeline.Pipeline` that uses them can be saved with
skops (lambdas and closures cannot). The model's input is a 2-D object array,
one row per passage, with the columns of :data:`COLUMNS`: the passage text,
its section heading and its kind (``paragraph`` / ``list_item``).

Normalisation never changes what is stored in an article: it only builds the
strings the vectorisers see, so offsets do not matter here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from .. import camel
from ..document import PASSAGE_LABELS

#: Bump when a normalisation or feature function changes what it returns:
#: a saved model records it and refuses to load under a different version.
NORMALISER_VERSION = "3"

#: Columns of the model input (see :func:`make_rows`).
COLUMNS = ("text", "heading", "kind")
TEXT, HEADING, KIND = 0, 1, 2

_TATWEEL = "\u0640"
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06F0-\u06F9]")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A]+")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")

#: Proclitics stripped from a word, longest first (normalised forms: أ/إ/آ are ا).
#: The article-bearing ones need a stem of :data:`MIN_STEM` letters after them.
PROCLITICS = (
    "وبال",
    "فبال",
    "وكال",
    "فكال",
    "ولل",
    "فلل",
    "وال",
    "فال",
    "بال",
    "كال",
    "لل",
    "ال",
)
#: One-letter proclitics: stripped only before a stem of :data:`MIN_STEM_SHORT_PROCLITIC`
#: letters, since و ف ب ل also begin many stems (وسائل, فوائد, بعد, لغة).
SHORT_PROCLITICS = ("و", "ف", "ب", "ل")
#: Pronoun suffixes stripped from a word, longest first. Plain ه is not among
#: them: after normalisation it is also the folded ta marbuta (مقدمة -> مقدمه).
ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "نا", "ها")
#: A stem is never cut below this many letters.
MIN_STEM = 3
MIN_STEM_SHORT_PROCLITIC = 5


def make_rows(texts: Sequence[str], headings: Sequence[str | None], kinds: Sequence[str]) -> np.ndarray:
    """The model input: one ``(text, heading, kind)`` row per passage.

    Args:
        texts: Passage texts (repaired text when there is one).
        headings: The heading of each passage's section (None or "" when it has none).
        kinds: Passage kinds (``paragraph`` or ``list_item``).

    Returns:
        An object array of shape ``(n, 3)``.
    """
    if not len(texts) == len(headings) == len(kinds):
        raise ValueError(
            f"texts, headings and kinds must have the same length, found {len(texts)}, {len(headings)}, {len(kinds)}"
        )
    rows = np.empty((len(texts), len(COLUMNS)), dtype=object)
    for i, (text, heading, kind) in enumerate(zip(texts, headings, kinds, strict=True)):
        rows[i, TEXT] = text or ""
        rows[i, HEADING] = heading or ""
        rows[i, KIND] = kind or ""
    return rows


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage (split after . ! ? ؟); pieces of fewer than 4 words are merged forward."""
    pieces = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    out: list[str] = []
    carry = ""
    for piece in pieces:
        piece = f"{carry} {piece}".strip() if carry else piece
        if len(piece.split()) < 4:
            carry = piece
            continue
        out.append(piece)
        carry = ""
    if carry:
        if out:
            out[-1] = f"{out[-1]} {carry}"
        else:
            out.append(carry)
    return out


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Normalise Arabic for matching: no diacritics or tatweel, folded alef / ya / ta marbuta, digits as 0.

    Presentation-form glyph codes are read as their letters and invisible characters dropped
    (a section heading is raw text, not repaired). Latin letters are lower-cased; whitespace is collapsed. Years become
    ``0000`` so a date in a new article looks like the dates seen in training.
    (Cached: cross-validation normalises the same passages many times.)
    """
    text = camel.dediac(camel.fold_glyphs(text)).replace(_TATWEEL, "")
    text = camel.normalize_alef(camel.normalize_alef_maksura(camel.normalize_teh_marbuta(text)))
    text = _DIGITS.sub("0", text.lower())
    return _SPACES.sub(" ", text).strip()


def split_clitic(word: str) -> str:
    """The stem of a normalised Arabic word with one proclitic and one pronoun suffix removed.

    A light, rule-based split (no analyser data is available offline): it
    over- and under-splits some words, but does so the same way in training
    and at prediction time. Non-Arabic tokens come back unchanged. A stem is
    never cut below :data:`MIN_STEM` letters, so short words (هو, من) survive.
    """
    if not _ARABIC_WORD.fullmatch(word):
        return word
    for pro in PROCLITICS:
        if word.startswith(pro) and len(word) - len(pro) >= MIN_STEM:
            word = word[len(pro) :]
            break
    else:
        if word[0] in SHORT_PROCLITICS and len(word) - 1 >= MIN_STEM_SHORT_PROCLITIC:
            word = word[1:]
    for enc in ENCLITICS:
        if word.endswith(enc) and len(word) - len(enc) >= MIN_STEM:
            word = word[: -len(enc)]
            break
    return word


def tokens(text: str) -> list[str]:
    """Normalised, clitic-split word tokens of a text (punctuation dropped)."""
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(split_clitic(tok) for tok in _raw_tokens(text))


@lru_cache(maxsize=8192)
def _raw_tokens(text: str) -> tuple[str, ...]:
    return tuple(tok for tok in camel.simple_word_tokenize(normalise(text)) if any(ch.isalnum() for ch in tok))


@lru_cache(maxsize=8192)
def token_variants(text: str) -> tuple[frozenset[str], ...]:
    """For each token, the forms a cue phrase may match: its stem and, for a word that begins
    with و ف ب ل, the stem of the rest (وتهدف -> تهدف), which :func:`split_clitic` keeps
    whole when the rest is short. Cue matching is therefore more permissive than the word
    features, which keep one conservative stem per word.
    """
    out = []
    for tok in _raw_tokens(text):
        forms = {split_clitic(tok)}
        if _ARABIC_WORD.fullmatch(tok) and tok[0] in SHORT_PROCLITICS and len(tok) - 1 >= MIN_STEM:
            forms.add(split_clitic(tok[1:]))
        out.append(frozenset(forms))
    return tuple(out)


def match_phrase(variants: tuple[frozenset[str], ...], key: tuple[str, ...]) -> int:
    """How many times a phrase (stem tuple) occurs in a text's :func:`token_variants`."""
    n = len(key)
    return sum(1 for i in range(len(variants) - n + 1) if all(key[k] in variants[i + k] for k in range(n)))


#: A written word: letters with their marks, digits (a run of Arabic or Latin script).
_SURFACE_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u064B-\u065F\u0670\u0640])*")


def surface_of(term: str, text: str) -> str | None:
    """The words of ``text`` behind a normalised term, as the author wrote them.

    The model and the cue table work on normalised, clitic-split forms (دراسه for
    الدراسة, مهمه for مهمة), which read like typos; a reader is shown the passage's own
    spelling. ``term`` is one or more normalised words; a text word matches a term word
    when its normalised form, its stem or (after و ف ب ل) the stem of the rest equals it.

    Returns:
        The matching run of the text (from its first word to its last), or None when
        the term is not found word by word.
    """
    words = [(m.start(), m.end(), _word_forms(m.group())) for m in _SURFACE_WORD.finditer(text)]
    # The term's words as given, then their stems (a cue phrase البحث is found in بحثنا).
    for keys in (term.split(), tokens(term)):
        for i in range(len(words) - len(keys) + 1) if keys else ():
            if all(keys[k] in words[i + k][2] for k in range(len(keys))):
                return text[words[i][0] : words[i + len(keys) - 1][1]]
    return None


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> frozenset[str]:
    norm = normalise(word)
    forms = {norm, split_clitic(norm)}
    if _ARABIC_WORD.fullmatch(norm) and norm[0] in SHORT_PROCLITICS and len(norm) - 1 >= MIN_STEM:
        forms.add(split_clitic(norm[1:]))
    return frozenset(forms)


def analyse_words(text: str) -> list[str]:
    """Analyzer of the word vectoriser: clitic-split unigrams and bigrams."""
    toks = tokens(text)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


def heading_title(heading: str) -> str:
    """A heading without its numbering (أولاً:, ثانياً :, المطلب الاول:, 1-)."""
    key = normalise(heading)
    key = re.sub(r"^(?:المبحث|المطلب|الفصل|الفرع|المحور)\s+\S+\s*[:：.\-–]?\s*", "", key)
    key = re.sub(r"^(?:اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)\s*[:：.\-–]?\s*", "", key)
    key = re.sub(r"^[0-9ivx]+\s*[:：.\-–)]\s*", "", key)
    return key.strip()


def analyse_heading(heading: str) -> list[str]:
    """Analyzer of the heading vectoriser: clitic-split words of the heading title, prefixed ``h:``."""
    return [f"h:{t}" for t in tokens(heading_title(heading))]


def column_text(rows: np.ndarray) -> np.ndarray:
    """The text column of the model input (used in a FunctionTransformer)."""
    return np.asarray(rows)[:, TEXT]


def column_text_normalised(rows: np.ndarray) -> list[str]:
    """The text column, normalised for the character n-gram vectoriser."""
    return [normalise(t) for t in np.asarray(rows)[:, TEXT]]


def column_heading(rows: np.ndarray) -> np.ndarray:
    """The heading column of the model input."""
    return np.asarray(rows)[:, HEADING]


# -- cue phrases --------------------------------------------------------------

#: Cue words and phrases per class, written from the annotation guidelines'
#: definitions (normalised, clitic-split forms; a phrase matches consecutive
#: tokens). They are fixed, never fitted, so a held-out passage is scored by
#: the same cues as the training passages.
CUES: dict[str, tuple[str, ...]] = {
    "concept": (
        "مفهوم",
        "مفاهيم",
        "تعريف",
        "تعريفات",
        "يعرف",
        "تعرف",
        "عرف",
        "مصطلح",
        "يقصد",
        "يقصد ب",
        "يشير",
        "تشير",
        "بمعني",
        "يعني",
        "تعني",
        "ماهيه",
        "طبيعه",
        "نوع",
        "انواع",
        "امتداد",
        "شكل",
        "ظاهره",
        "نشاه",
        "تعد",
        "يعد",
        "هي",
        "هو",
    ),
    "goal": (
        "هدف",
        "اهداف",
        "يهدف",
        "تهدف",
        "بهدف",
        "غايه",
        "غرض",
        "لغرض",
        "بغيه",
        "اجل",
        "من اجل",
        "تعزيز",
        "تحسين",
        "تحقيق",
        "لتحقيق",
        "استفاده",
        "الاستفاده",
        "فوائد",
        "مزايا",
        "مصالح",
        "خدمه",
        "دعم",
        "مهمه",
        "وظيفه",
    ),
    "tool": (
        "اداه",
        "ادوات",
        "وسيله",
        "وسائل",
        "اليات",
        "منصه",
        "منصات",
        "موقع",
        "مواقع",
        "حساب",
        "حسابات",
        "صفحات",
        "قنوات",
        "شبكه",
        "شبكات",
        "تطبيق",
        "تطبيقات",
        "عبر",
        "من خلال",
        "استخدام",
        "باستخدام",
        "توظيف",
        "تفعيل",
        "الكتروني",
        "يجب",
        "ينبغي",
    ),
    "risk": (
        "مخاطر",
        "خطر",
        "خطوره",
        "تهديد",
        "تهديدات",
        "تحدي",
        "تحديات",
        "سلبيات",
        "سلبي",
        "سلبيه",
        "عيوب",
        "مشكل",
        "مشكلات",
        "ازمه",
        "ازمات",
        "انتقاد",
        "انتقادات",
        "نقص",
        "ضعف",
        "قصور",
        "اختراق",
        "تسريب",
        "قرصنه",
        "اشاعات",
        "تضليل",
        "ومع ذلك",
        "الا ان",
        "لكن",
        "سوء",
        "ضرر",
        "اضرار",
    ),
    "example": (
        "مثال",
        "امثله",
        "مثلا",
        "على سبيل المثال",
        "نموذج",
        "نماذج",
        "حاله",
        "تغريده",
        "غرد",
        "رئيس",
        "الرئيس",
        "وزير",
        "سفير",
        "السفاره",
        "عام 0000",
        "0000",
        "يناير",
        "فبراير",
        "مارس",
        "ابريل",
        "مايو",
        "يونيو",
        "يوليو",
        "اغسطس",
        "سبتمبر",
        "اكتوبر",
        "نوفمبر",
        "ديسمبر",
        "كانون",
        "شباط",
        "اذار",
        "نيسان",
        "ايار",
        "حزيران",
        "تموز",
        "اب",
        "ايلول",
        "تشرين",
    ),
    "other": (
        "الدراسه",
        "البحث",
        "الباحث",
        "منهج",
        "المنهج",
        "فرضيه",
        "اشكاليه",
        "تساولات",
        "التساولات",
        "الاتي",
        "يلي",
        "استنتاج",
        "يوصي",
        "نتائج",
    ),
}
#: Class order of the cue columns.
CUE_CLASSES = (*PASSAGE_LABELS, "other")


def _cue_key(phrase: str) -> tuple[str, ...]:
    return tuple(split_clitic(t) for t in phrase.split())


@lru_cache(maxsize=1)
def _cue_index() -> dict[str, list[tuple[str, tuple[str, ...], str]]]:
    """First token -> [(class, phrase tokens, phrase as written)], so a text is scanned once."""
    index: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
    for label, phrases in CUES.items():
        seen = set()
        for phrase in phrases:
            key = _cue_key(phrase)
            if key not in seen:
                seen.add(key)
                index.setdefault(key[0], []).append((label, key, phrase))
    return index


def cue_table() -> dict[str, list[tuple[str, ...]]]:
    """The cue lexicon as token tuples (clitic-split like the passage tokens), per class."""
    return {label: sorted({_cue_key(p) for p in phrases}) for label, phrases in CUES.items()}


def find_cues(text: str) -> dict[str, list[str]]:
    """The cue phrases of each class found in a text.

    Args:
        text: A passage text (any normalisation; it is normalised here).

    Returns:
        ``{class: [phrase, ...]}`` (phrases as written in :data:`CUES`), one entry per
        occurrence, for every class of :data:`CUES`.
    """
    index = _cue_index()
    variants = token_variants(text)
    found: dict[str, list[str]] = {label: [] for label in CUES}
    for i, forms in enumerate(variants):
        for form in sorted(forms):  # a set's order changes with the hash seed: the cues shown must not
            for label, key, phrase in index.get(form, ()):
                if (
                    all(key[k] in variants[i + k] for k in range(1, len(key)))
                    if i + len(key) <= len(variants)
                    else False
                ):
                    found[label].append(phrase)
    return found


def cue_matrix(rows: np.ndarray, first_sentence: bool = False) -> sparse.csr_matrix:
    """Dense hand-made features of each passage, as a sparse matrix.

    Columns: for each class of :data:`CUE_CLASSES`, ``log1p`` of the number of
    its cue phrases in the text; then ``log1p`` of the number of years, the
    log length in tokens, whether the text ends with a colon (a lead-in such
    as «يوصى بالآتي:»), and whether the passage is a list item. With ``first_sentence``,
    then ``log1p`` of the number of each class's cue phrases in the passage's first
    sentence (:func:`split_sentences`): expository prose states a paragraph's function
    in its opening sentence, while later sentences of a long paragraph drift.
    """
    rows = np.asarray(rows)
    k = len(CUE_CLASSES)
    out = np.zeros((rows.shape[0], k + 4 + (k if first_sentence else 0)), dtype=float)
    for i, row in enumerate(rows):
        text = str(row[TEXT])
        found = find_cues(text)
        for j, label in enumerate(CUE_CLASSES):
            out[i, j] = math.log1p(len(found[label]))
        norm = normalise(text)
        out[i, len(CUE_CLASSES)] = math.log1p(len(re.findall(r"\b0000\b", norm)))
        out[i, len(CUE_CLASSES) + 1] = math.log1p(len(_tokens(text))) / 5.0
        out[i, len(CUE_CLASSES) + 2] = 1.0 if text.rstrip().endswith((":", "：")) else 0.0
        out[i, len(CUE_CLASSES) + 3] = 1.0 if str(row[KIND]) == "list_item" else 0.0
        if first_sentence:
            parts = split_sentences(text)
            opening = find_cues(parts[0]) if parts else {label: [] for label in CUE_CLASSES}
            for j, label in enumerate(CUE_CLASSES):
                out[i, k + 4 + j] = math.log1p(len(opening[label]))
    return sparse.csr_matrix(out)


def cue_feature_names(first_sentence: bool = False) -> list[str]:
    """Names of the :func:`cue_matrix` columns."""
    names = [f"cue words of {c}" for c in CUE_CLASSES] + ["years", "length", "ends with a colon", "list item"]
    if first_sentence:
        names += [f"cue words of {c} in the first sentence" for c in CUE_CLASSES]
    return names


def heading_prior_matrix(rows: np.ndarray) -> sparse.csr_matrix:
    """One-hot of the class each passage's heading names (all zeros when it names none).

    Columns follow :data:`CUE_CLASSES`. The classifier does not learn a weight
    per column (one class's heading may be missing from the training folds);
    it adds one shared weight to the log-odds of the named class.
    """
    from .weak import heading_weak_label  # weak.py builds on this module's tokeniser

    rows = np.asarray(rows)
    out = np.zeros((rows.shape[0], len(CUE_CLASSES)), dtype=float)
    for i, row in enumerate(rows):
        label = heading_weak_label(str(row[HEADING]))
        if label is not None:
            out[i, CUE_CLASSES.index(label)] = 1.0
    return sparse.csr_matrix(out)


def heading_prior_by_kind(rows: np.ndarray) -> sparse.csr_matrix:
    """The heading's weak label (:func:`heading_prior_matrix`) split by passage kind.

    Columns: the one-hot for list items, then the one-hot for every other passage (zeros
    in the block that does not match the row's kind). A list under a heading enumerates
    what the heading names; a paragraph of the section may introduce, qualify or digress,
    so the classifier gives each block its own weight.
    """
    rows = np.asarray(rows)
    onehot = heading_prior_matrix(rows).toarray()
    is_list = np.array([str(row[KIND]) == "list_item" for row in rows], dtype=bool)[:, None]
    return sparse.csr_matrix(np.hstack([onehot * is_list, onehot * ~is_list]))


def cue_counts(rows: np.ndarray) -> np.ndarray:
    """``log1p`` of the number of cue phrases of each class (columns follow :data:`CUE_CLASSES`)."""
    rows = np.asarray(rows)
    out = np.zeros((rows.shape[0], len(CUE_CLASSES)), dtype=float)
    for i, row in enumerate(rows):
        found = find_cues(str(row[TEXT]))
        out[i] = [math.log1p(len(found[label])) for label in CUE_CLASSES]
    return out


class CuePrior(TransformerMixin, BaseEstimator):
    """How unusually many cue phrases of each class a passage holds: the standardised cue counts.

    ``(log1p(count) - mean) / std`` per class, with mean and std learned on the
    training rows. The classifier adds one shared weight times this score to
    each class's log-odds, so three risk cues (rare in general) weigh more
    than five tool cues (common everywhere), and a rare class (risk) benefits
    from what the cues of the frequent classes teach about cues in general.
    """

    def fit(self, X: np.ndarray, y: Iterable | None = None) -> CuePrior:
        """Learn each class's mean and spread of cue counts."""
        counts = cue_counts(X)
        self.mean_ = counts.mean(axis=0)
        self.scale_ = np.maximum(counts.std(axis=0), 0.25)
        return self

    def transform(self, X: np.ndarray) -> sparse.csr_matrix:
        """Standardised cue counts, negative scores clipped to 0 (few cues say little)."""
        z = (cue_counts(X) - self.mean_) / self.scale_
        return sparse.csr_matrix(np.clip(z, 0.0, None))


class CueFeatures(TransformerMixin, BaseEstimator):
    """Transformer wrapper of :func:`cue_matrix` (stateless; it has names for the cue explanations).

    Args:
        first_sentence: Also count each class's cue phrases in the first sentence.
    """

    def __init__(self, first_sentence: bool = False) -> None:
        self.first_sentence = first_sentence

    def fit(self, X: np.ndarray, y: Iterable | None = None) -> CueFeatures:
        """Nothing to learn; the lexicon is fixed."""
        self.n_features_out_ = len(cue_feature_names(self.first_sentence))
        return self

    def transform(self, X: np.ndarray) -> sparse.csr_matrix:
        """Cue counts and shape features of each row."""
        return cue_matrix(X, self.first_sentence)

    def get_feature_names_out(self, input_features: Sequence[str] | None = None) -> np.ndarray:
        """Names of the output columns."""
        return np.asarray(cue_feature_names(self.first_sentence), dtype=object)
