"""Rebuild ``pipeline/ner/data/mined_names.json``: organisation, place and person names mined from data.

Usage:
    python scripts/build_ner_gazetteer.py            # write the file
    python scripts/build_ner_gazetteer.py --check    # rebuild in memory, fail if the file differs
    python scripts/build_ner_gazetteer.py --show en  # print the English entries with their counts

Two sources, both deterministic for the same data and model:

1. **ANERcorp train + AQMAR** (the training split of the shipped model: the first 90 % of
   ``ANERCorp_CamelLab_train.txt``, never its last 10 % (dev) nor the test file, plus all of
   AQMAR). Every PER/LOC/ORG chunk, its leading proclitic taken off when the rest is a chunk too
   (وألمانيا -> ألمانيا), is kept when it is tagged at least ``MIN_GOLD`` times, at least
   ``MIN_TAGGED_SHARE`` of its occurrences as a token sequence in that text are tagged, and one
   label holds ``MIN_LABEL_SHARE`` of its chunks.
2. **UN Parallel Corpus v1.0 test sets** (aligned Arabic-English sentence pairs). English
   candidates are maximal runs of capitalised words (joined by of/the/for/and/on/in), not at the
   start of a sentence, seen in ``MIN_DOCS`` UN documents. Each is paired with the Arabic n-gram
   (clitic of its first word taken off) that co-occurs with it most consistently in the aligned
   sentences (Dice coefficient over sentence pairs). The pair is typed by the Arabic side: its
   label in source 1 when it is there, else the label the shipped Arabic model
   (``models/ner-ar``) gives its occurrences in the UN Arabic sentences, when most of them are
   tagged so. The Arabic counterpart of an English name CLDR or pycountry know as a place is a LOC
   however few its documents, whatever the model types it, when it is a near spelling of one of
   that place's known Arabic names (the UN's فييت نام beside CLDR's فيتنام). Untyped pairs (Member
   States, General Assembly session titles the model does not tag...) are left out. (Typing the
   rest as ORG by an English head noun was tried in session 18: of 44 pairs it would add, about
   half had a cut Arabic side («وضع المرأة» for Commission on the Status of Women) or named a
   generic body («اللجنة الخاصة», Programme of Action); not done.)

UN documents any of whose sentences appear in ``corpus/layouts`` or ``tests/fixtures/layouts``
(the audit articles are built from UN test-set abstracts) or in the held-out entity items
(``corpus/ner_heldout*/items.jsonl``) are left out, so that their entities stay a held-out test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Collection
from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.ner import silver  # noqa: E402  (the held-out text, shared with diplo train ner's silver lines)
from pipeline.ner.convert import _spans  # noqa: E402
from pipeline.ner.gazetteer import DATA_DIR, Entry, Gazetteer, key, load_gazetteer  # noqa: E402
from pipeline.ner.rules import PROCLITICS, clitic_offsets, english_head, restore_article  # noqa: E402
from pipeline.ner.train import default_data_dir, load_corpora  # noqa: E402

OUTPUT = DATA_DIR / "mined_names.json"
UN_DOCS = Path("arabic-text") / "un-parallel-corpus-v1.0-testsets" / "docs.jsonl"
LABELS = ("PER", "LOC", "ORG")

# Source 1 thresholds.
MIN_GOLD = 2
MIN_TAGGED_SHARE = 0.5
MIN_LABEL_SHARE = 0.8
# Source 2 thresholds.
MIN_DOCS = 3
MIN_PAIRS = 3
MIN_DICE = 0.5
MIN_MODEL_SHARE = 0.5
MAX_AR_WORDS = 7
# Source 3 thresholds and text (see model_person_names).
ANT_DOCS = Path("arabic-text") / "ant-corpus-v1.1-politics-intl" / "docs.jsonl"
ANT_MINED_LINES = 1500
MIN_MODEL_DOCS = 3
MIN_MODEL_NAME_SHARE = 0.5
# English organisation heads: an Arabic word begins ORG chunks of the training text at least
# ORG_HEAD_MIN_COUNT times and in ORG_HEAD_MIN_SHARE of its occurrences (مجلس, منظمة, بعثة...);
# an English head noun is the head of at least ORG_HEAD_MIN_NAMES UN names whose Arabic
# counterpart begins with such a word, and of more such names than of others.
ORG_HEAD_MIN_COUNT = 5
ORG_HEAD_MIN_SHARE = 0.3
ORG_HEAD_MIN_NAMES = 2

_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-.]*[A-Za-z]|[A-Za-z]|\S")
_CONNECTORS = {"of", "the", "for", "and", "on", "in", "de", "du", "des", "al", "el"}
_AR_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u0640]+")
_ARABIC = re.compile(r"[\u0621-\u064A]")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064A]{2,}$")
#: A word seen this often in the training text and (almost) never inside a name is a function
#: word (في, من, التي): an Arabic counterpart neither begins nor ends with one.
FUNCTION_MIN_COUNT = 100
FUNCTION_MAX_NAME_SHARE = 0.02
#: Person words: a word inside PER chunks in at least this share of its occurrences in the
#: training text (جورج, أنان, بن); other words: seen at least OTHER_MIN_COUNT times and less
#: often in PER chunks (حزب, مجلس, يؤدي, في). A word of neither list is unseen there.
PERSON_MIN_SHARE = 0.5
OTHER_MIN_COUNT = 2


# -- source 1: ANERcorp train + AQMAR -------------------------------------------------------


def gold_names(sentences: list[Any]) -> dict[str, dict[str, Any]]:
    """Names tagged in the training sentences, by key: surface, label, counts."""
    chunks: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for sent in sentences:
        for (a, b), lab in _spans(sent.tags):
            if lab not in LABELS:
                continue
            text = " ".join(sent.tokens[a:b])
            chunks[key(text)][lab] += 1
            surfaces[key(text)][text] += 1
    # A clitic-prefixed form counts for the bare form (وألمانيا -> ألمانيا, للعراق -> العراق)
    # when that is a chunk too, or when the rest begins with the article (والناصرة -> الناصرة),
    # but not after ك: «كال» begins foreign names (كاليفورنيا, كالديرون) far more often than it is
    # "like the" before a name.
    for k in sorted(chunks):
        for p in sorted(PROCLITICS, key=len, reverse=True):
            if not k.startswith(p) or len(k) - len(p) < 3:
                continue
            rest = k[len(p) :]
            fused = p.endswith("ل") and rest.startswith("ل")
            if fused:
                rest = "ا" + rest  # fused لل: ل + ال
            if rest in chunks or (rest.startswith("ال") and len(rest) >= 5 and "ك" not in p):
                chunks[rest].update(chunks.pop(k))
                for t, n in surfaces.pop(k).items():
                    surfaces[rest][("ا" if fused else "") + t[len(p) :]] += n
                break
    wanted = {k for k, c in chunks.items() if sum(c.values()) >= MIN_GOLD and len(k) >= 3}
    # How often each wanted name occurs as a token sequence at all (tagged or not), clitic forms included.
    by_first: dict[str, list[list[str]]] = defaultdict(list)
    for k in wanted:
        words = k.split()
        by_first[words[0]].append(words)
    seen: Counter = Counter()
    for sent in sentences:
        keys = [key(t) for t in sent.tokens]
        for i, k in enumerate(keys):
            firsts = [k] + [k[len(p) :] for p in PROCLITICS if k.startswith(p) and len(k) - len(p) >= 2]
            for first in firsts:
                for words in by_first.get(first, ()):
                    if keys[i + 1 : i + len(words)] == words[1:]:
                        seen[" ".join(words)] += 1
    out = {}
    for k in sorted(wanted):
        c = chunks[k]
        label, n = max(sorted(c.items()), key=lambda kv: kv[1])
        total = sum(c.values())
        if n / total < MIN_LABEL_SHARE or total / max(seen[k], total) < MIN_TAGGED_SHARE:
            continue
        surface = surfaces[k].most_common(1)[0][0] if surfaces[k] else k
        out[k] = {"text": surface, "label": label, "tagged": total, "seen": max(seen[k], total)}
    return out


def _chunk_word_counts(sentences: list[Any], label: str, first_only: bool) -> tuple[Counter, Counter]:
    """Counts of every word key of the training text, and of those in ``label`` chunks (only the
    chunks' first words when ``first_only``)."""
    total: Counter = Counter()
    inside: Counter = Counter()
    for sent in sentences:
        total.update(key(t) for t in sent.tokens)
        for (a, b), lab in _spans(sent.tags):
            if lab == label:
                inside.update(key(t) for t in sent.tokens[a : a + 1 if first_only else b])
    return total, inside


def arabic_org_heads(sentences: list[Any]) -> set[str]:
    """Keys of words that often begin an ORG chunk of the training text (مجلس, منظمة, حزب)."""
    total, starts = _chunk_word_counts(sentences, "ORG", first_only=True)
    return {w for w, n in starts.items() if n >= ORG_HEAD_MIN_COUNT and n / total[w] >= ORG_HEAD_MIN_SHARE}


def function_words(sentences: list[Any]) -> set[str]:
    """Keys of frequent words of the training text that are hardly ever part of a name."""
    total: Counter = Counter()
    inside: Counter = Counter()
    for sent in sentences:
        for tok, tag in zip(sent.tokens, sent.tags, strict=True):
            k = key(tok)
            total[k] += 1
            if tag != "O":
                inside[k] += 1
    return {k for k, n in total.items() if n >= FUNCTION_MIN_COUNT and inside[k] / n < FUNCTION_MAX_NAME_SHARE}


def person_word_lists(sentences: list[Any]) -> tuple[list[str], list[str]]:
    """Keys of the Arabic words of the training text that are mostly part of a person's name, and of
    the words seen there ``OTHER_MIN_COUNT`` times or more that are mostly not (for
    :mod:`pipeline.ner.titles`: after a title, a name is a person word or a word the text never has)."""
    total, in_person = _chunk_word_counts(sentences, "PER", first_only=False)
    arabic = [k for k in total if _ARABIC_ONLY.match(k)]
    person = sorted(k for k in arabic if in_person[k] and in_person[k] >= PERSON_MIN_SHARE * total[k])
    other = sorted(k for k in arabic if total[k] >= OTHER_MIN_COUNT and in_person[k] < PERSON_MIN_SHARE * total[k])
    return person, other


# -- source 2: UN Parallel Corpus ----------------------------------------------------------------


def held_out_documents(docs: list[dict], layout_text: str) -> set[str]:
    """UN documents with a sentence that appears in the layout fixtures or the held-out entity items."""
    out = set()
    for doc in docs:
        for pair in doc["sentences"]:
            for side in ("ar", "en"):
                probe = silver.squash(pair[side])[:60]
                if len(probe) >= 30 and probe in layout_text:
                    out.add(doc["id"])
    return out


def english_candidates(sentence: str) -> list[tuple[str, bool, bool]]:
    """Runs of capitalised words (with inner connectors): (text, starts the sentence, is a maximal run).

    A name is a candidate when it stands as a maximal run (the Security Council); its
    occurrences inside longer runs (Security Council Committee) count for its pairing.
    """
    tokens = _EN_TOKEN.findall(sentence)
    out = []
    i = 0
    while i < len(tokens):
        if not tokens[i][0].isupper() or not tokens[i][0].isalpha():
            i += 1
            continue
        j = i + 1
        last = i
        while j < len(tokens):
            t = tokens[j]
            if t[0].isupper() and t[0].isalpha():
                last = j
            elif t not in _CONNECTORS:
                break
            j += 1
        run = tokens[i : last + 1]
        # The run and its sub-runs that begin and end with a capitalised word
        # ("Security Council" inside "Security Council Committee").
        for a in range(len(run)):
            for b in range(a + 1, len(run) + 1):
                words = run[a:b]
                if not (words[0][0].isupper() and words[-1][0].isupper()) or words[0] == "The":
                    continue
                text = " ".join(words)
                if len(text) >= 3 and not _ROMAN.match(text):
                    out.append((text, i + a == 0, (a, b) == (0, len(run))))
        i = last + 1
    return out


def arabic_ngrams(sentence: str, function: set[str]) -> dict[str, tuple[int, int, str, int]]:
    """Arabic n-grams of a sentence, by key (first word's clitic off) -> (start, end, surface, clitic length).

    An n-gram is made of Arabic words only, runs across no punctuation, and neither begins
    nor ends with a function word.
    """
    words = [(m.start(), m.end(), m.group()) for m in _AR_WORD.finditer(sentence)]
    arabic = [bool(_ARABIC.search(w)) and not re.search(r"[0-9A-Za-z_]", w) for _, _, w in words]
    out: dict[str, tuple[int, int, str, int]] = {}
    for i, (s, _, w) in enumerate(words):
        if not arabic[i]:
            continue
        for off in clitic_offsets(w):
            first = restore_article(w, off, w[off:])
            if key(first) in function:
                continue
            rest_keys: list[str] = []
            end = words[i][1]
            surface = [first]
            for n in range(MAX_AR_WORDS):
                if n:
                    j = i + n
                    if j >= len(words) or not arabic[j] or sentence[words[j - 1][1] : words[j][0]].strip():
                        break
                    rest_keys.append(key(words[j][2]))
                    surface.append(words[j][2])
                    end = words[j][1]
                if rest_keys and rest_keys[-1] in function:
                    continue
                k = " ".join([key(first), *rest_keys])
                if k not in out or off < out[k][3]:
                    out[k] = (s + off, end, " ".join(surface), off)
    return out


def un_names(
    data_dir: Path, model: Path, gold: dict[str, dict[str, Any]], function: set[str], org_heads_ar: set[str]
) -> tuple[list[dict], list[str], dict[str, int], set[str]]:
    """English names of the UN sentences with their Arabic counterparts and types, the English heads
    of organisation names, counts, and the keys of the Arabic counterparts of English names CLDR
    and pycountry know as places (whatever the model types them: no person is mined from those)."""
    from pipeline.ner.stage import load_model

    docs = [json.loads(line) for line in (data_dir / UN_DOCS).read_text(encoding="utf-8").splitlines() if line]
    held_out = held_out_documents(docs, silver.held_out().text)
    pairs = []
    for doc in sorted(docs, key=lambda d: d["id"]):
        if doc["id"] in held_out:
            continue
        for pair in doc["sentences"]:
            pairs.append((doc["id"], pair["en"], pair["ar"]))
    en_docs: dict[str, set[str]] = defaultdict(set)
    en_in_pair: list[set[str]] = []
    for doc_id, en, _ in pairs:
        cands = english_candidates(en)
        for text, initial, maximal in cands:
            if maximal and not initial:
                en_docs[text].add(doc_id)
        en_in_pair.append({t for t, _, _ in cands})
    wanted = {t for t, d in en_docs.items() if len(d) >= MIN_DOCS}
    places = load_gazetteer(mined=False)
    # English places CLDR and pycountry know, however few their documents: their Arabic counterparts
    # are never mined as persons (فييت نام, Viet Nam, in 1 document here)
    place_names = {t for t in en_docs if known_place(places, t) is not None}
    ar_grams = [arabic_ngrams(ar, function) for _, _, ar in pairs]
    ar_count: Counter = Counter(k for grams in ar_grams for k in grams)
    # How often each n-gram is a whole word sequence (no clitic cut off its first word).
    ar_whole: Counter = Counter(k for grams in ar_grams for k, v in grams.items() if v[3] == 0)
    en_count: Counter = Counter()
    joint: dict[str, Counter] = defaultdict(Counter)
    for cands, grams in zip(en_in_pair, ar_grams, strict=True):
        for t in cands & (wanted | place_names):
            en_count[t] += 1
            joint[t].update(grams.keys())
    nlp = load_model(model)
    ents_of = [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe([ar for _, _, ar in pairs], batch_size=128)
    ]

    def counterpart(t: str) -> tuple[str, int, float] | None:
        """The Arabic n-gram (key) paired best with the English name ``t``, its pairs and Dice."""
        best = None
        for k, c in joint[t].items():
            if c < MIN_PAIRS or not _ARABIC.search(k):
                continue
            dice = 2 * c / (en_count[t] + ar_count[k])
            # Higher Dice first, then the form seen more often as whole words (بنغلاديش, not
            # نغلاديش with its ب read as a clitic), then the longer n-gram, then the key.
            rank = (round(dice, 6), ar_whole[k] / ar_count[k], len(k.split()), k)
            if best is None or rank > best[0]:
                best = (rank, k, c, dice)
        if best is None or best[3] < MIN_DICE:
            return None
        return best[1], best[2], best[3]

    counterparts = {t: counterpart(t) for t in sorted(wanted | place_names)}
    place_keys = {found[0] for t in place_names if (found := counterparts[t]) is not None}
    out = []
    head_votes: dict[str, Counter] = defaultdict(Counter)
    for t in sorted(wanted):
        found = counterparts[t]
        if found is None:
            continue
        k, c, dice = found
        words = t.split()
        if len(words) >= 2:
            head_votes[english_head(words)][k.split()[0] in org_heads_ar] += 1
        labels: Counter = Counter()
        surfaces: Counter = Counter()
        occurrences = 0
        for grams, ents in zip(ar_grams, ents_of, strict=True):
            if k not in grams:
                continue
            s, e, surface, _ = grams[k]
            occurrences += 1
            surfaces[surface] += 1
            for es, ee, lab in ents:
                # The model's entity is (almost) the n-gram itself: not one word of it
                # (بوروندي inside حكومة بوروندي does not make the government a place), nor
                # a longer name around it (مجلس inside مجلس الأمن is no organisation).
                if min(e, ee) - max(s, es) >= 0.8 * max(e - s, ee - es) and lab in LABELS:
                    labels[lab] += 1
                    break
        model_label = None
        if labels and labels.most_common(1)[0][1] >= MIN_MODEL_SHARE * occurrences:
            model_label = sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if k in gold:
            label, typed_by = gold[k]["label"], "anercorp+aqmar"
            if model_label is not None and model_label != label:
                continue  # the UN sense differs from the newswire one (ISIL: الدولة الإسلامية, a LOC there)
        elif model_label not in (None, "LOC") and k in place_keys:
            # a place CLDR and pycountry name in English that the model types otherwise: a misaligned
            # counterpart (Gibraltar: طارق of جبل طارق) or the model's slip (Chile: شيلي, PER), left out
            continue
        elif model_label is not None:
            label, typed_by = model_label, "model"
        else:
            continue
        out.append(
            {
                "en": t,
                "ar": sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0],
                "label": label,
                "typed_by": typed_by,
                "docs": len(en_docs[t]),
                "pairs": c,
                "dice": round(dice, 3),
                "_key": k,
            }
        )
    # The UN's own spelling of a place CLDR and pycountry name (فييت نام beside CLDR's فيتنام), however
    # few its documents: a LOC whatever the model types it. Only a near spelling of a known Arabic
    # name of the same place is taken, so a misaligned counterpart (طارق for Gibraltar, جبل طارق)
    # is not.
    taken = {e["_key"] for e in out}
    for t in sorted(place_names):
        found = counterparts[t]
        if found is None or found[0] in taken or places.lookup(found[0]) is not None:
            continue
        k, c, dice = found
        spellings = arabic_spellings(places, t)
        if not any(_near_spelling(k, known) for known in spellings):
            continue
        if k.startswith("و") and any(_near_spelling(k[1:], known) for known in spellings):
            continue  # the name with «و» before it (وجزر تركس وكايكوس: lists of places)
        surfaces = Counter(grams[k][2] for grams in ar_grams if k in grams)
        surface = sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out.append(
            {
                "en": t,
                "ar": surface,
                "label": "LOC",
                "typed_by": "cldr spelling",
                "docs": len(en_docs[t]),
                "pairs": c,
                "dice": round(dice, 3),
                "_key": k,
            }
        )
    # One English name per Arabic counterpart, the best paired (قبرص is Cyprus, not Turkish).
    best_for: dict[str, dict] = {}
    for entry in out:
        other = best_for.get(entry["_key"])
        if other is None or (entry["dice"], entry["pairs"]) > (other["dice"], other["pairs"]):
            best_for[entry["_key"]] = entry
    out = [{k: v for k, v in e.items() if k != "_key"} for e in out if best_for[e["_key"]] is e]
    heads = sorted(
        h for h, votes in head_votes.items() if votes[True] >= ORG_HEAD_MIN_NAMES and votes[True] > votes[False]
    )
    stats = {"un_pairs": len(pairs), "un_documents_held_out": len(held_out), "en_candidates": len(wanted)}
    return out, heads, stats, place_keys


def known_place(places: Gazetteer, english: str) -> Entry | None:
    """The gazetteer's place for an English name, also under CLDR's «St.» where the UN writes «Saint»
    (Saint Helena, St. Helena); None when it knows no place by that name."""
    for form in (english, re.sub(r"^Saint ", "St. ", english)):
        entry = places.lookup(form)
        if entry is not None and entry.label == "LOC":
            return entry
    return None


def arabic_spellings(places: Gazetteer, english: str) -> list[str]:
    """Keys of the Arabic names the gazetteer gives the place it knows by the English ``english``."""
    entry = known_place(places, english)
    if entry is None:
        return []
    return sorted(k for k, e in places.entries.items() if e.id == entry.id and e.lang == "ar")


def _near_spelling(a: str, b: str) -> bool:
    """Whether two name keys are spellings of one name: their letters, spaces aside, differ by at
    most one edit in five and their lengths by at most two letters (فييت نام / فيتنام, شيلي / تشيلي;
    not a cut name, المتحدة الأمريكية / الولايات المتحدة الأمريكية, nor طارق / جبل طارق)."""
    x, y = a.replace(" ", ""), b.replace(" ", "")
    return abs(len(x) - len(y)) <= 2 and SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.8


def _ends_on_a_place(name_key: str, place_keys: Collection[str]) -> bool:
    """Whether a name (its key) is or ends on the Arabic counterpart of a UN place: فييت نام, and
    سانت هيلانة, whose counterpart is هيلانة (found after «وسانت» as well)."""
    words = name_key.split()
    return any(" ".join(words[i:]) in place_keys for i in range(len(words)))


def model_person_names(
    data_dir: Path,
    model: Path,
    gold: dict[str, dict[str, Any]],
    other_words: set[str],
    place_keys: Collection[str] = (),
) -> tuple[list[dict], int]:
    """Persons the shipped model tags again and again in the unlabelled text (source 3).

    The text: ANT news lines before ``ANT_MINED_LINES`` (the held-out entity items are drawn from the
    lines after it) and the UN documents of source 2, less every document a sentence or paragraph of
    which is in the layout fixtures or the held-out items. A name of two words or more is kept when
    the model tags it as PER in ``MIN_MODEL_DOCS`` documents and in ``MIN_MODEL_NAME_SHARE`` of its
    occurrences (a leading proclitic of its first word is taken off when the rest is tagged too:
    وراشد الغنوشي -> راشد الغنوشي), its last word is no word of the training text outside names
    (حسن نية, "good faith") and no nisba, and source 1 does not type it otherwise. Two PER spans
    with one space between them count as one candidate too (the model's B-PER B-PER inside one name:
    الباجي | قايد السبسي, كيم | إيل سونغ); the same thresholds keep a subject and its object out. The
    model finds these names in some sentences and misses them in others (الباجي قايد السبسي after «الرئيسين»).
    Nor is a name mined that is or ends on one of ``place_keys``, the Arabic counterparts of UN places
    (فييت نام, Viet Nam; سانت هيلانة, Saint Helena: a model may tag them as persons).
    """
    from pipeline.ner.stage import load_model

    held = silver.held_out().text
    texts = []
    ant_lines = (data_dir / ANT_DOCS).read_text(encoding="utf-8").splitlines()[:ANT_MINED_LINES]
    for line in ant_lines:
        doc = json.loads(line)
        body = (doc.get("title") or "") + "\n" + doc["text"]
        if not any(len(p := silver.squash(par)[:60]) >= 30 and p in held for par in body.split("\n")):
            texts.append(body)
    un_docs = [json.loads(line) for line in (data_dir / UN_DOCS).read_text(encoding="utf-8").splitlines() if line]
    held_un = held_out_documents(un_docs, held)
    texts += [
        "\n".join(p["ar"] for p in d["sentences"])
        for d in sorted(un_docs, key=lambda d: d["id"])
        if d["id"] not in held_un
    ]
    nlp = load_model(model)
    tagged: Counter = Counter()
    docs: dict[str, set[int]] = defaultdict(set)
    for n, doc in enumerate(nlp.pipe(texts, batch_size=64)):
        persons = [ent for ent in doc.ents if ent.label_ == "PER"]
        surfaces = [ent.text.strip() for ent in persons]
        surfaces += [
            doc.text[a.start_char : b.end_char]
            for a, b in pairwise(persons)
            if doc.text[a.end_char : b.start_char] == " "
        ]
        for surface in surfaces:
            if "\n" not in surface and len(surface.split()) >= 2 and _ARABIC_ONLY.match(surface.replace(" ", "")):
                tagged[surface] += 1
                docs[surface].add(n)
    for surface in list(tagged):  # وراشد الغنوشي -> راشد الغنوشي when the rest is tagged as well
        for clitic in PROCLITICS:
            rest = surface[len(clitic) :]
            if surface.startswith(clitic) and rest in tagged:
                tagged[rest] += tagged.pop(surface)
                docs[rest] |= docs.pop(surface)
                break
    corpus = "\n".join(texts)
    out = []
    for surface, count in sorted(tagged.items()):
        last = key(surface.split()[-1])
        if (
            len(docs[surface]) < MIN_MODEL_DOCS
            or last in other_words
            or key(surface) in gold
            or _ends_on_a_place(key(surface), place_keys)
        ):
            continue
        seen = len(
            re.findall(r"(?<![\u0621-\u064A])(?:[وفبلك]|وب|ول)?" + re.escape(surface) + r"(?![\u0621-\u064A])", corpus)
        )
        if count >= MIN_MODEL_NAME_SHARE * seen:
            out.append({"text": surface, "label": "PER", "tagged": count, "seen": seen, "docs": len(docs[surface])})
    return out, len(texts)


def build(data_dir: Path, model: Path) -> dict[str, Any]:
    """The whole data file as a JSON-ready dict."""
    train = load_corpora(data_dir, use_aqmar=True)["train"]
    gold = gold_names(train)
    un, heads, stats, place_keys = un_names(data_dir, model, gold, function_words(train), arabic_org_heads(train))
    person_words, other_words = person_word_lists(train)
    persons, mined_texts = model_person_names(data_dir, model, gold, set(other_words), place_keys)
    stats["model_texts"] = mined_texts
    return {
        "_about": (
            "Names mined by scripts/build_ner_gazetteer.py (do not edit by hand). 'ar': PER/LOC/ORG names of "
            "ANERcorp train (first 90 % of the CAMeL Lab train file; CC BY-SA 4.0) and AQMAR (CC BY-SA 3.0). "
            "'un': English names of the UN Parallel Corpus v1.0 test sets (c) United Nations, Ziemski et al. "
            "LREC 2016, with their Arabic counterparts from the aligned sentences, typed by ANERcorp/AQMAR or "
            "by the shipped Arabic model. 'person_words' / 'other_words': keys of the words of ANERcorp train "
            "+ AQMAR that are mostly / mostly not part of a person's name there."
        ),
        "_thresholds": {
            "MIN_GOLD": MIN_GOLD,
            "MIN_TAGGED_SHARE": MIN_TAGGED_SHARE,
            "MIN_LABEL_SHARE": MIN_LABEL_SHARE,
            "MIN_DOCS": MIN_DOCS,
            "MIN_PAIRS": MIN_PAIRS,
            "MIN_DICE": MIN_DICE,
            "MIN_MODEL_SHARE": MIN_MODEL_SHARE,
            "MIN_MODEL_DOCS": MIN_MODEL_DOCS,
            "MIN_MODEL_NAME_SHARE": MIN_MODEL_NAME_SHARE,
            "ANT_MINED_LINES": ANT_MINED_LINES,
            "ORG_HEAD_MIN_COUNT": ORG_HEAD_MIN_COUNT,
            "ORG_HEAD_MIN_SHARE": ORG_HEAD_MIN_SHARE,
            "ORG_HEAD_MIN_NAMES": ORG_HEAD_MIN_NAMES,
            "PERSON_MIN_SHARE": PERSON_MIN_SHARE,
            "OTHER_MIN_COUNT": OTHER_MIN_COUNT,
        },
        "_counts": {
            **stats,
            "ar": len(gold),
            "un": len(un),
            "ar_model": len(persons),
            "en_org_heads": len(heads),
            "person_words": len(person_words),
            "other_words": len(other_words),
        },
        "ar": [
            {"text": v["text"], "label": v["label"], "tagged": v["tagged"], "seen": v["seen"]} for v in gold.values()
        ],
        "un": un,
        "ar_model": persons,
        "en_org_heads": heads,
        "person_words": person_words,
        "other_words": other_words,
    }


def dump(data: dict[str, Any]) -> str:
    """The file's text: one entry per line, so diffs stay readable."""
    lines = ["{"]
    items = list(data.items())
    for n, (k, v) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if isinstance(v, list):
            lines.append(f"  {json.dumps(k)}: [")
            for m, entry in enumerate(v):
                lines.append("    " + json.dumps(entry, ensure_ascii=False) + ("," if m < len(v) - 1 else ""))
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--model", type=Path, default=REPO / "models" / "ner-ar")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="Fail if the file on disk differs from a rebuild.")
    parser.add_argument("--show", choices=("ar", "un"), help="Print one part, one entry per line.")
    args = parser.parse_args(argv)
    text = dump(build(args.data, args.model))
    if args.show:
        for entry in json.loads(text)[args.show]:
            print(json.dumps(entry, ensure_ascii=False))
        return 0
    if args.check:
        same = args.output.is_file() and args.output.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.output} differs from a rebuild")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
