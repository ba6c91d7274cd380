"""Build annotator A's gold files for the seed article (corpus/gold/*.jsonl).

The annotations are written below as data: every unit is a list of raw pieces
found by searching for their opening words, and every edit / entity is a
(search string, occurrence) pair resolved with ``str.find`` inside the unit,
so no offset is ever typed by hand. The script then checks everything it
writes (slices match, texts rebuild, no overlaps, labels in the scheme,
every non-blank body line covered or known to be a heading) and refuses to
write on any failure.

Usage:
    python scripts/build_gold_a.py            # check and write
    python scripts/build_gold_a.py --check    # check only, print a summary
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARTICLE = "000_295e6e45a451921c"
RAW_PATH = REPO / "corpus" / "raw" / f"{ARTICLE}.txt"
GOLD = REPO / "corpus" / "gold"

RAW = RAW_PATH.read_text(encoding="utf-8")

LABELS = {"concept", "goal", "tool", "risk", "example", "other"}
ENTITY_TYPES = {"PER", "ORG", "LOC", "PLATFORM", "DATE"}
EDIT_KINDS = {
    "foreign_script", "glued_script", "persian_letter", "stray_diacritic",
    "letter_confusion", "merged_words", "split_words", "duplicate",
    "leaked_translation", "interface_junk", "real_word", "invisible",
    "tatweel", "other",
}
BODY_KINDS = {"paragraph", "list_item"}

SUPERSCRIPT = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5",
               "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}
MARKER_RE = re.compile(r"⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾")
# Letters for the word-boundary test of entity matches (Arabic + Latin).
LETTER_RE = re.compile(r"[A-Za-z\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u0640]")
PREFIXES = set("وفبكل")
LIST_MARKER_RE = re.compile(r"-\s*\d+\s*\.\s*|\d+\s*[.\-]\s*|-\s*")


class GoldError(Exception):
    """An annotation that does not resolve or does not check."""


# --------------------------------------------------------------------------
# Helpers: pieces, edits, entities
# --------------------------------------------------------------------------

def P(prefix: str, occ: int = 0, end: str | None = None, mid: bool = False) -> dict:
    """A raw piece: from the occ-th occurrence of ``prefix`` to end of line.

    With ``end`` the piece stops after the first ``end`` found after the start.
    Unless ``mid`` is set the prefix must open a line (after optional spaces).
    """
    return {"prefix": prefix, "occ": occ, "end": end, "mid": mid}


def E(original: str, replacement: str, kind: str, occ: int | str = 0) -> dict:
    """An edit: the occ-th occurrence of ``original`` inside the unit ("all" for every one)."""
    return {"original": original, "replacement": replacement, "kind": kind, "occ": occ}


def N(text: str, label: str, occ: int | str = 0, upto: str | None = None,
      glued: bool = False) -> dict:
    """An entity: the occ-th word-bounded occurrence of ``text`` in the unit.

    With ``upto`` the entity runs from ``text`` to the end of the first ``upto``
    after it (for a name cut by a page break, raw text includes the gap).
    ``glued`` skips the word-boundary test (a name glued to Latin script).
    """
    return {"text": text, "label": label, "occ": occ, "upto": upto, "glued": glued}


def resolve_piece(piece: dict, after: int) -> tuple[int, int]:
    """Raw (start, end) of a piece, searched from ``after`` on."""
    pos = after
    seen = 0
    while True:
        s = RAW.find(piece["prefix"], pos)
        if s < 0:
            raise GoldError(f"piece prefix not found after {after}: {piece['prefix']!r}")
        line_start = RAW.rfind("\n", 0, s) + 1
        ok = piece["mid"] or RAW[line_start:s].strip() == ""
        if ok:
            if seen == piece["occ"]:
                break
            seen += 1
        pos = s + 1
    if piece["end"] is None:
        e = RAW.find("\n", s)
        e = len(RAW) if e < 0 else e
    else:
        e = RAW.find(piece["end"], s)
        if e < 0:
            raise GoldError(f"piece end {piece['end']!r} not found after {s}")
        e += len(piece["end"])
    # Pieces never start or end with white space.
    while RAW[s].isspace():
        s += 1
    while RAW[e - 1].isspace():
        e -= 1
    return s, e


def occurrences(needle: str, spans: list[tuple[int, int]], bounded: bool) -> list[int]:
    """Raw start offsets of ``needle`` inside the unit's pieces, in order."""
    out = []
    for s, e in spans:
        pos = s
        while True:
            i = RAW.find(needle, pos, e)
            if i < 0:
                break
            if not bounded or is_word_bounded(i, i + len(needle)):
                out.append(i)
            pos = i + 1
    return out


def is_word_bounded(s: int, e: int) -> bool:
    """True if raw[s:e] is a whole word, allowing up to two clitic letters before it."""
    if e < len(RAW) and LETTER_RE.match(RAW[e]):
        return False
    k = s
    n_prefix = 0
    while k > 0 and LETTER_RE.match(RAW[k - 1]):
        if RAW[k - 1] not in PREFIXES or n_prefix >= 2:
            return False
        n_prefix += 1
        k -= 1
    return True


# --------------------------------------------------------------------------
# The annotation data
# --------------------------------------------------------------------------

UNITS: list[dict] = []
_section: list[str | None] = [None]


def sec(heading: str | None) -> None:
    """Set the section (heading text as it stands in raw) for the units that follow."""
    _section[0] = heading


def U(kind: str, lang: str, pieces: list[dict], label: str | None = None,
      label2: str | None = None, edits: list[dict] | None = None,
      ents: list[dict] | None = None, key: str | None = None) -> None:
    """Declare one unit in reading order."""
    UNITS.append({
        "kind": kind, "lang": lang, "section": _section[0], "pieces": pieces,
        "label": label, "label2": label2, "edits": edits or [], "ents": ents or [],
        "key": key,
    })


# ---- front: titles, abstracts, keywords ---------------------------------
sec(None)
U("title", "ar", [P("الدبلوماسية الرقمية وأثرها في العلاقات الدولية")], key="title_ar")
U("title", "en", [P("Digital Diplomacy and its Effects on International Relations")], key="title_en")

sec("الملخص")
U("abstract", "ar", [P("في القرن العشرين انتشرت مفاهيم")], key="abs_ar_1",
  ents=[N("القرن العشرين", "DATE")])
U("abstract", "ar", [P("اذ شهد العالم تطويراً")], key="abs_ar_2")
U("keywords", "ar", [P("الكلمات المفتاحية:")], key="kw_ar")

sec("summary")
U("abstract", "en", [P("In the twentieth century"), P("international relations, including the concept")],
  key="abs_en_1", ents=[N("the twentieth century", "DATE")])
# Stray lone "." at the end of this paragraph and at the start of the next one:
# layout debris, not sentence text.
U("abstract", "en", [P("The world has witnessed")], key="abs_en_2",
  edits=[E(" .", "", "other", 0)])
U("abstract", "en", [P(". Especially what is known")], key="abs_en_3",
  edits=[E(". ", "", "other", 0)])
U("keywords", "en", [P("Keywords: diplomacy")], key="kw_en")

# ---- introduction --------------------------------------------------------
sec("المقدمة")
U("paragraph", "ar", [P("في القرن العشرين انتشرت المفاهيم")], "concept",
  ents=[N("القرن العشرين", "DATE")])
U("paragraph", "ar", [P("إذ يشهد العالم اليوم ثورة")], "concept",
  edits=[E("بعده", "بعدت", "real_word")])
U("paragraph", "ar", [P("وقد تركت هذه الثورة علامات"), P("على الدبلوماسية كأداة")], "tool",
  edits=[E("وتتأثراً", "وتأثراً", "letter_confusion"),
         E("بلد\u093cه", "بلده", "foreign_script")])
U("paragraph", "ar", [P("أنتجت ثورة الإعلام الرقمي")], "tool",
  ents=[N("البوسنة", "LOC")])
U("paragraph", "ar", [P("كما إنها تمارس شيئاً جديداً")], "concept",
  edits=[E("بداخليهم", "بداخلهم", "letter_confusion")])

sec("مشكلة الدراسة")
U("paragraph", "ar", [P("تحاول الدراسة الإجابة")], "other",
  ents=[N("تويتر", "PLATFORM"), N("الفيس بوك", "PLATFORM")])

sec("أهمية الدراسة")
U("paragraph", "ar", [P("توضح أهمية هذه الدراسة")], "other")

sec("اهداف الدراسة")
U("paragraph", "ar", [P("توضيح مفهوم الدبلوماسية الرقمية، من خلال")], "other")

sec("الفرضية")
U("paragraph", "ar", [P("الدراسة مفادها ان بأن")], "other",
  edits=[E("منرسم", "من رسم", "merged_words")])

sec("منهجية الدراسة")
U("paragraph", "ar", [P("وكان المنهج الأول الذي")], "other",
  edits=[E(" وخصائصها", "", "duplicate", 1),
         E("اكثـر", "اكثر", "tatweel")])

sec("هيكلية الدراسة:")
# adjudicated: the two sentences framing the table of contents (يقسم البحث ... / هذا فضلاً عن ...)
# belong to the contents block, which is structure, not body text (issue #2); they are not units.

# ---- first part ----------------------------------------------------------
sec("الإطار المفاهيمي للدبلوماسية الرقمية")
U("paragraph", "ar", [P("إن التطور التكنولوجي خاص")], "concept",
  edits=[E("خاصٌة", "خاصة", "stray_diacritic")])

sec("أولاً: مفهوم الدبلوماسية الرقمية")
U("paragraph", "ar", [P("تجدر الإشارة إلى أن هناك أنواع")], "concept",
  edits=[E("ويسبب", "وبسبب", "real_word")],
  ents=[N("الفيس بوك", "PLATFORM"), N("التويتر", "PLATFORM"),
        N("Twitter", "PLATFORM"), N("Facebook", "PLATFORM")])
U("paragraph", "ar", [P("وعليه، ونظراً لحداثة المصطلح")], "concept")
U("paragraph", "ar", [P("وفي هذا الإطار، فقد قام الموقع"), P("الدبلوماسي ، لا سيما وأن")], "concept",
  ents=[N("digdipblog.com", "PLATFORM"), N("عام 2001", "DATE"),
        N("مانور", "PER"), N("سيجيف", "PER")])
U("paragraph", "ar", [P("اما على المستوى الرسمي لوزارات")], "concept",
  ents=[N("مكتب شؤون الخارجية البريطاني", "ORG")])
U("paragraph", "ar", [P("اما وزارة الخارجية الفرنسية")], "concept",
  ents=[N("وزارة الخارجية الفرنسية", "ORG"), N("وزارة الشؤون الفرنسية", "ORG")])
U("paragraph", "ar", [P("ويقول إيفان بوتر")], "concept",
  edits=[E("خال", "خلال", "letter_confusion"),
         E("الإنترت", "الإنترنت", "letter_confusion", "all")],
  ents=[N("إيفان بوتر", "PER"), N("هولمز", "PER")])
U("paragraph", "ar", [P("وتشير المعطيات الى ان عام 2007"),
                      P("التكنولوجيا الرقمية في الدبلوماسية الآن ظاهرة عالمية"),
                      P("والأكاديميين .")], "example",
  edits=[E("الإسرائييليون", "الإسرائيليون", "letter_confusion"),
         E("ك وسيط", "كوسيط", "split_words"),
         E("تصوينهم", "تصويتهم", "letter_confusion"),
         E("توينتر", "تويتر", "letter_confusion"),
         E("المسasse", "الساسة", "foreign_script")],
  ents=[N("عام 2007", "DATE"), N("وزارة الخارجية البريطانية", "ORG"),
        N("أيلول / سبتمبر 2007", "DATE"), N("سفارة السويد الافتراضية", "ORG"),
        N("سكايب", "PLATFORM"), N("الفيسبوك", "PLATFORM"),
        N("الأمم المتحدة", "ORG"), N("واتساب", "PLATFORM"),
        N("وزارة الخارجية الكينية", "ORG"), N("توينتر", "PLATFORM")])

sec("ثانياً: أهداف الدبلوماسية الرقمية")
U("paragraph", "ar", [P("يمكن القول ان الدبلوماسية الرقمية")], "concept",
  edits=[E("الإنترنط", "الإنترنت", "letter_confusion")])
U("paragraph", "ar", [P("أن فرغاس هانسون")], "goal",
  ents=[N("فرغاس هانسون", "PER")])
U("list_item", "ar", [P("1. بذل الجهود المشتركة")], "goal")
U("list_item", "ar", [P("2. البقاء عن طريق")], "goal",
  edits=[E("الإنترنط", "الإنترنت", "letter_confusion")])
U("list_item", "ar", [P("3. لاستفادة من التدفق")], "goal",
  edits=[E("لاستفادة", "الاستفادة", "letter_confusion")])
U("list_item", "ar", [P("4. إثراء الاتصالات")], "goal",
  edits=[E("الفنصلية", "القنصلية", "letter_confusion")])
U("list_item", "ar", [P("5. تعزيز حرية التعبير")], "goal")
U("list_item", "ar", [P("6. إنشاء معدات رقمية")], "goal")
U("paragraph", "ar", [P("وهناك مهمة أخرى للدبلوماسية")], "goal", "example",
  ents=[N("كولومبيا", "LOC"), N("فيسبوك", "PLATFORM"),
        N("القوات المسلحة الثورية لكولومبيا", "ORG"), N("عام 2008", "DATE")])
U("paragraph", "ar", [P("على هذه الفوائد، هنالك")], "risk")

sec("ثالثاً: أدوات الدبلوماسية الرقمية")
U("paragraph", "ar", [P("تُظهر الممارسة الدولية")], "goal")
U("paragraph", "ar", [P("نجد أن هناك عدة طرق")], "tool")
U("list_item", "ar", [P("1.وسائل التواصل الاجتماعي:")], "tool", "concept",
  edits=[E("الإنترنٌت", "الإنترنت", "stray_diacritic")],
  ents=[N("Instagram", "PLATFORM"), N("YouTube", "PLATFORM"), N("Twitter", "PLATFORM"),
        N("Skype", "PLATFORM"), N("WhatsApp", "PLATFORM"), N("Facebook", "PLATFORM")])
U("paragraph", "ar", [P("ووفقاً للإحصائيات احتل"), P("تويتر منذ توليه منصبه")], "example", "tool",
  edits=[E("الإنترنٌت", "الإنترنت", "stray_diacritic")],
  ents=[N("تويتر", "PLATFORM", "all"), N("Twitter", "PLATFORM"),
        N("Facebook", "PLATFORM"), N("Instagram", "PLATFORM"), N("فيسبوك", "PLATFORM"),
        N("أبريل/نيسان 2023", "DATE"), N("تبلوماسي", "ORG"), N("Twiplomacy", "ORG"),
        N("باراك أوباما", "PER"), N("مارس 2007", "DATE"), N("دونالد ترامب", "PER"),
        N("20 يناير 2017", "DATE"), N("مصر", "LOC"), N("جون كاسن", "PER"),
        N("كاسن", "PER", 1), N("محمد صلاح", "PER"),
        N("بو صلا", "PER"),  # adjudicated: the nickname of محمد صلاح in the quoted tweet (pass B)
        N("نادي ليفربول الإنجليزي", "ORG"), N("بي بي سي", "PLATFORM")])
U("list_item", "ar", [P("2. السفارات الافتراضية"), P("وتبعتها في ذلك السويد")], "tool", "concept",
  ents=[N("ايران", "LOC"), N("امريكا", "LOC"), N("جزر المالديف", "LOC"),
        N("عام 2007", "DATE"), N("السويد", "LOC"), N("الدنمارك", "LOC")])
U("list_item", "ar", [P("3. الموضع الإلكتروني")], "tool",
  edits=[E("الموضع", "الموقع", "real_word", "all")])
U("list_item", "ar", [P("4. تعليم الدبلوماسيين")], "tool",
  edits=[E("الإنترن特", "الإنترنت", "foreign_script", "all"),
         E("المزنة", "المرنة", "letter_confusion")],
  # adjudicated: "مؤسسة" is a descriptor, outside the span (pass B)
  ents=[N("Diplo", "ORG"), N("Diplo Foundation", "ORG")])

# ---- second part ---------------------------------------------------------
# The block "أولاً الدبلوماسية في العلاقات الدولية نظراً لأن ..." runs the heading
# into the text: the unit starts after the heading.
sec("أولاً الدبلوماسية في العلاقات الدولية")
U("paragraph", "ar", [P("نظراً لأن الدبلوماسية الرقمية هي اتجاه حديث", mid=True),
                      P("الدولية، وفي ظل حداثة الموضوع")], "concept")
U("paragraph", "ar", [P("وتعتبر مؤسسة")], "example",
  edits=[E("بيبلو", "ديبلو", "letter_confusion")],
  ents=[N("بيبلو فاونديشن", "ORG"), N("أندرياس ساندري", "PER"),
        # adjudicated: here Twiplomacy is "الموقع" (the site), so PLATFORM (pass B)
        N("Twiplomacy", "PLATFORM"), N("توبيلوماسي", "PLATFORM")])
U("paragraph", "ar", [P("وشهدت السنوات العشرون الماضية"), P("التكيف معها لتزييد")], "concept",
  edits=[E("ب أنها", "بأنها", "split_words")],
  ents=[N("ليف غروسمان", "PER"), N("جوزيف ناي", "PER"),
        N("ديفيد دي أوغارتي", "PER"), N("إستير دايسون", "PER")])
_DUP = "علاوة على ذلك، أدت الدبلوماسية الرقمية إلى تسريع نشر المعلومات، خاصة خلال الأزمات المختلفة"
_MT = " Moreover, digital diplomacy has accelerated the dissemination of information, especially during various crises."
U("paragraph", "ar", [P("علاوة على ذلك، أدت")], "risk", "example",
  edits=[E(_DUP + " ", "", "duplicate", 0),
         E(_MT, "", "leaked_translation", 0),
         E(" تسريع نشر المعلومات، خاصة خلال الأزمات المختلفة.", "", "duplicate", 1),
         E(_MT, "", "leaked_translation", 1),
         E("الانشار", "الانتشار", "letter_confusion"),
         E("وتدالوها", "وتداولها", "letter_confusion"),
         E("وأجّحت", "وأجّجت", "letter_confusion")],
  ents=[N("أبو غريب", "LOC"), N("أميركا", "LOC"), N("خوسيه ماريا أزنار", "PER"),
        N("إسبانيا", "LOC"), N("توني بلير", "PER"), N("بريطانيا", "LOC")])
# Second piece: "يبز دور ..." up to the interface junk; the heading
# "ثانياً : امثلة ..." that follows in the same line is not unit text.
U("paragraph", "ar", [P("ولم تقتصر حتمية التكيف"),
                      P("يبز دور لجنة", end="جارٍ إعادة المحاولة...")], "example", "concept",  # adjudicated: AIPAC illustrates
  edits=[E("يبز", "يبرز", "letter_confusion"),
         E(" جارٍ إعادة المحاولة...", "", "interface_junk")],
  ents=[N("لجنة الشؤون العامة الأمريكية-الإسرائيلية", "ORG"), N("آبياك", "ORG")])

sec("ثانياً : امثلة على تأثير الدبلوماسية الرقمية على العلاقات الدولية")
U("paragraph", "ar", [P("حاول الباحثون دراسة الآثار", mid=True)], "tool", "concept",
  edits=[E("متتابع", "متابع", "letter_confusion")])
U("list_item", "ar", [P("- في عام 2011 لم ترد")], "example",
  ents=[N("عام 2011", "DATE"), N("جوليا غيلارد", "PER"), N("تويتر", "PLATFORM"),
        N("جون فيليب كي", "PER")])
U("list_item", "ar", [P("- كما أن رئيس الوزراء الإسرائيلي")], "example",
  ents=[N("بنيامين نتنياهو", "PER"), N("فلسطين", "LOC")])
U("list_item", "ar", [P("- إن متابعة الرئيس الفنزويلي")], "example",
  ents=[N("هوغو شافيز", "PER"), N("الإكوادور", "LOC"), N("الأرجنتين", "LOC"),
        N("البرازيل", "LOC"), N("كوبا", "LOC"), N("تويتر", "PLATFORM"),
        N("أمريكا اللاتينية", "LOC")])
U("list_item", "ar", [P("- بينما شكّل التفاعل")], "example",
  ents=[N("تويتر", "PLATFORM"), N("كولومبيا", "LOC"), N("شيلي", "LOC"),
        N("بيرو", "LOC"), N("2014 م", "DATE")])
U("list_item", "ar", [P("- وفي 25 مايو/أيار"), P("رسمياً بالعودة إلى التفاعل")], "example",
  edits=[E("الإنترن特", "الإنترنت", "foreign_script")],
  ents=[N("25 مايو/أيار 2015 م", "DATE"), N("وزارة الخارجية الأمريكية", "ORG"),
        N("وزارة الخارجية الكوبية", "ORG"), N("تويتر", "PLATFORM"), N("كوبا", "LOC")])
U("list_item", "ar", [P("- ففي 28 يناير")], "example",
  ents=[N("28 يناير/كانون الثاني 2017", "DATE"), N("دونالد ترامب", "PER"),
        N("المكسيك", "LOC"), N("الحكومة المكسيكية", "ORG")])
U("list_item", "ar", [P("- أما في 20 فبراير")], "example",
  ents=[N("20 فبراير/شباط", "DATE"), N("السفارة السويدية", "ORG"), N("أميركا", "LOC"),
        N("ترامب", "PER"), N("السويد", "LOC")])
U("list_item", "ar", [P("- كما أن تغريدة السفير الفرنسي")], "example", "risk",
  ents=[N("الولايات المتحدة", "LOC"), N("جيرار أرنو", "PER"), N("دونالد ترامب", "PER")])
U("list_item", "ar", [P("- ففي تغريدة للسفارة الأمريكية")], "example", "risk",
  edits=[E("لإذاء", "لإيذاء", "letter_confusion")],
  ents=[N("لسفارة الأمريكية", "ORG"), N("القاهرة", "LOC"), N("11 سبتمبر/أيلول", "DATE"),
        N("أوباما", "PER")])
U("list_item", "ar", [P("- وفي الهند")], "example",
  edits=[E("توiter", "تويتر", "foreign_script")],
  ents=[N("الهند", "LOC"), N("وزارة الشؤون الخارجية", "ORG"), N("توiter", "PLATFORM"),
        N("ليبيا", "LOC"), N("عام 2011م", "DATE")])
U("list_item", "ar", [P("- تغريدة للرئيس الأمريكي"), P("الصغير فلن يستمرا")], "example",
  ents=[N("دونالد ترامب", "PER"), N("17 سبتمبر/أيلول عام 2017", "DATE"),
        N("ترامب", "PER", 1), N("كوريا الشمالية", "LOC", "all"), N("الأمم المتحدة", "ORG")])
U("paragraph", "ar", [P("إذن، يثبت المشهد الحالي")], "concept",
  edits=[E("متتصاعد", "متصاعد", "letter_confusion")],
  ents=[N("لبنان", "LOC"), N("توم فليتشر", "PER")])
U("paragraph", "ar", [P("وكان التفاعل في العلاقات الدولية حتى")], "concept", "example",
  edits=[E("التخيّي", "التخفّي", "letter_confusion")],
  ents=[N("خمسينيات القرن العشرين", "DATE"), N("هيدي بول", "PER"),
        N("ريتشارد جرانت", "PER"), N("وزارة الخارجية الأمريكية", "ORG")])
U("paragraph", "ar", [P("وقد اقتضى السياسيون"), P("في إشارة إلى GAFA")], "goal", "example",
  edits=[E("السيليكونSilicon", "السيليكون Silicon", "glued_script")],
  # adjudicated: the acronym GAFA names a group of companies, not one organisation (pass B)
  ents=[N("Google", "ORG"), N("Apple", "ORG"), N("Amazon", "ORG"),
        N("Facebook", "ORG"), N("وادي السيليكون", "LOC", glued=True),
        N("Silicon Valley", "LOC", glued=True),
        N("سان فرانسيسكو", "LOC"), N("كاليفورنيا", "LOC"), N("الولايات المتحدة", "LOC")])
U("paragraph", "ar", [P("وتدخل في هذا الإطار مبادرة"), P("الهولندية")], "example",
  ents=[N("وليام هيج", "PER"), N("تويتر", "PLATFORM"), N("وزارة الخارجية", "ORG"),
        N("الحكومة", "ORG", 0, upto="الهولندية")])

sec("الخاتمة")
U("paragraph", "ar", [P("الدبلوماسية الرقمية هي استعمال موقع")], "concept",
  ents=[N("دونالد ترامب", "PER"), N("التويتر", "PLATFORM"), N("فرنسا", "LOC"),
        N("المملكة المتحدة", "LOC")])
U("paragraph", "ar", [P("استناداً على ما سبق"), P("الدول ترسم استراتيجيات")], "concept", "goal",  # adjudicated
  edits=[E(" تي", "", "other"),
         E("عاته", "عاتقه", "letter_confusion"),
         E("يفهون", "يفهمون", "letter_confusion"),
         E("عقوًدا", "عقودا", "stray_diacritic")],
  ents=[N("توم فليشر", "PER"), N("بريطانيا", "LOC"), N("لبنان", "LOC")])

sec("الاستنتاجات")
U("paragraph", "ar", [P("بناء على ما سبق تم استنتاج")], "other")
U("list_item", "ar", [P("1. إن الدبلوماسية الرقمية امتداد")], "concept")
U("list_item", "ar", [P("2. ان الدبلوماسية الرقمية نتاج")], "concept",
  edits=[E("واللوسم", "والوسم", "letter_confusion")])
U("list_item", "ar", [P("3. أن الدبلوماسية الرقمية يجب"), P("باستخدام وسائل تفاعلية")], "concept")
U("list_item", "ar", [P("4. هدف تواجد الحكومات")], "goal")
U("list_item", "ar", [P("5. ان السهولة المحتملة")], "tool")
U("list_item", "ar", [P("6. يوفر الإنترت")], "tool",
  edits=[E("الإنترت", "الإنترنت", "letter_confusion")],
  ents=[N("تويتر", "PLATFORM"), N("فيسبوك", "PLATFORM")])
U("list_item", "ar", [P("7. من أجل تعزيز المصالح")], "goal", "example",
  edits=[E("ستنستفيد", "ستستفيد", "letter_confusion")],
  ents=[N("الدنمارك", "LOC"), N("وادي السيليكون", "LOC")])
U("list_item", "ar", [P("8. تعد وسائل الإعلام")], "tool")

sec("الوصيات")
U("paragraph", "ar", [P("بعد ما تم التوصل إليه")], "other")
U("list_item", "ar", [P("1. يجب تعزيز الجانب المرئي")], "tool")
U("list_item", "ar", [P("2. تفعيل الحسابات")], "tool",
  edits=[E("ولايتم", "ولايتهم", "letter_confusion")])
U("list_item", "ar", [P("3. المحافظة على الوجه")], "tool")
U("list_item", "ar", [P("4. بالنسبة للمؤسسات")], "goal")
U("list_item", "ar", [P("5. على الحكومات الاستفادة")], "tool", "example",
  edits=[E("الإنترت", "الإنترنت", "letter_confusion")],
  ents=[N("سريلانكا", "LOC"), N("عام 2012", "DATE")])
U("list_item", "ar", [P("6. تسخير الدبلوماسية"), P("واجهة سياحية")], "goal")
U("list_item", "ar", [P("7. يجب أن تتمتع")], "tool")

# ---- references (no labels, no entities) ---------------------------------
sec("المصادر")
U("reference", "ar", [P("1. دانا علي")],
  edits=[E("المقضيات", "المقتضيات", "letter_confusion")])
U("reference", "en", [P("2. Bridget")])
U("reference", "ar", [P("3. معاذ العامودي")],
  edits=[E("رؤبة", "رؤية", "letter_confusion")])
U("reference", "ar", [P("4. وليد خلف")])
U("reference", "ar", [P("الدبلوماسية الرقمية: لماذا"), P("<https://www.noonpost.com")],
  edits=[E("مد ونة", "مدونة", "split_words")])
U("reference", "en", [P("Olubukola"), P("p2 .ISSN"), P("<https://www.tandfonline.com")])
U("reference", "en", [P("Lewis, Dev.")])
U("reference", "ar", [P("7. صباح عبد الصبور")])
U("reference", "ar", [P("8.فليپ")],
  edits=[E("فليپ", "فليب", "persian_letter")])
U("reference", "en", [P("- viona Rashica"), P("-p77.")])
U("reference", "ar", [P("- 10.وائل")])
U("reference", "ar", [P("- 11.آلاء")])
U("reference", "en", [P("- We are social"), P("27 Apr 2023,")])
U("reference", "ar", [P("13. فتحية")])
U("reference", "ar", [P("- . Sayidaty"), P(". علاء شلقاوي")])
U("reference", "en", [P("15. Delali")])
U("reference", "ar", [P("16. مصدر سابق")])
U("reference", "ar", [P("17. محمد شريف")])
U("reference", "en", [P("18. Helle")])
U("reference", "ar", [P("19. مصدر سابق")])
U("reference", "en", [P("20. David De Ugarte")])
U("reference", "en", [P("21. Alfredo"), P("<https://bit.ly/3171gas>")])
U("reference", "en", [P("22. Efe Sevin")])
U("reference", "en", [P("Nicholas Westcott"), P("Research Report July 2008")])
U("reference", "ar", [P("عمر المديفر")])
U("reference", "en", [P(". BBC NEWS")])
U("reference", "en", [P(". I 2 4 NEWS")])
U("reference", "en", [P("US EMBASSYCAIRO")])
U("reference", "en", [P("FRANCE 24 ,")])
U("reference", "ar", [P(". مصدر سابق 2 ص 19")])

# Lines inside the article that are headings / table of contents / front
# matter, i.e. intentionally not unit text (checked for coverage below).
BODY_FIRST_LINE = "الدبلوماسية الرقمية وأثرها في العلاقات الدولية"

# ---- abstract sentences and alignment ------------------------------------
# Sentences as (unit key, first words, last words) inside that unit.
SENTENCES = [
    ("ar", "abs_ar_1", "في القرن العشرين", "بفلسفة منشئها."),
    ("ar", "abs_ar_1", "وشكلت هذه المفاهيم", "مفهوم الدبلوماسية الرقمية."),
    ("ar", "abs_ar_2", "اذ شهد العالم", "الشؤون الدولية والعالمية."),
    ("en", "abs_en_1", "In the twentieth century", "philosophy of their creators."),
    ("en", "abs_en_1", "These concepts constitute", "the concept of digital diplomacy."),
    ("en", "abs_en_2", "The world has witnessed", "dominate all international relations."),
    ("en", "abs_en_3", "Especially what is known", "international and global affairs ."),
]
# Abstract beads: indices into the ar / en sentence lists.
ABSTRACT_BEADS = [([0], [0]), ([1], [1]), ([2], [2, 3])]
KEYWORDS = [("الدبلوماسية", "diplomacy"), ("الرقمية", "digital"), ("ادوات", "tools"),
            ("العلاقات الدولية", "international relations")]


# --------------------------------------------------------------------------
# Build and check
# --------------------------------------------------------------------------

def build_units() -> list[dict]:
    """Resolve every unit to offsets, build its texts, check it."""
    out = []
    cursor = RAW.find("\n" + BODY_FIRST_LINE) + 1
    prev_end = cursor
    for n, u in enumerate(UNITS):
        spans = []
        after = prev_end
        for piece in u["pieces"]:
            s, e = resolve_piece(piece, after)
            spans.append((s, e))
            after = e
        if u["kind"] == "list_item":
            # The item marker ("1. ", "1.", "- ") is numbering, not passage text.
            s, e = spans[0]
            m = LIST_MARKER_RE.match(RAW, s, e)
            if not m or m.end() == s:
                raise GoldError(f"unit {n}: list item without a marker: {RAW[s:s + 20]!r}")
            spans[0] = (m.end(), e)
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            if not e1 <= s2:
                raise GoldError(f"unit {n}: pieces out of order {spans}")
        if spans[0][0] < prev_end:
            raise GoldError(f"unit {n}: overlaps previous unit")
        prev_end = spans[-1][1]
        pid = f"{ARTICLE}:p{n:03d}"

        # citations
        citations = []
        for s, e in spans:
            for m in MARKER_RE.finditer(RAW, s, e):
                num = int("".join(SUPERSCRIPT[c] for c in m.group()[1:-1]))
                citations.append({"number": num, "start": m.start(), "end": m.end()})

        # edits
        edits = []
        for ed in u["edits"]:
            occ = occurrences(ed["original"], spans, bounded=False)
            if not occ:
                raise GoldError(f"{pid}: edit {ed['original']!r} not found")
            chosen = occ if ed["occ"] == "all" else [occ[ed["occ"]]]
            for i in chosen:
                edits.append({"start": i, "end": i + len(ed["original"]),
                              "original": ed["original"], "replacement": ed["replacement"],
                              "kind": ed["kind"]})
        edits.sort(key=lambda d: d["start"])

        # entities
        ents = []
        for en in u["ents"]:
            occ = occurrences(en["text"], spans, bounded=en["upto"] is None and not en["glued"])
            if not occ:
                raise GoldError(f"{pid}: entity {en['text']!r} not found")
            chosen = occ if en["occ"] == "all" else [occ[en["occ"]]]
            for i in chosen:
                end = i + len(en["text"])
                if en["upto"] is not None:
                    end = RAW.find(en["upto"], i) + len(en["upto"])
                ents.append({"start": i, "end": end, "label": en["label"], "text": RAW[i:end]})
        ents.sort(key=lambda d: d["start"])

        text = build_text(pid, spans, edits, citations)
        raw_joined = " ".join(RAW[s:e] for s, e in spans)
        out.append({
            "id": pid, "article": ARTICLE, "kind": u["kind"], "lang": u["lang"],
            "section": u["section"], "spans": [list(sp) for sp in spans],
            "raw": raw_joined, "text": text, "citations": citations, "edits": edits,
            "label": u["label"], "label2": u["label2"], "entities": ents, "_key": u["key"],
        })
    return out


def build_text(pid: str, spans: list[tuple[int, int]], edits: list[dict],
               citations: list[dict]) -> str:
    """Apply edits and remove footnote markers piece by piece; join pieces with a space."""
    pieces = []
    for s, e in spans:
        ops = []
        for ed in edits:
            if s <= ed["start"] and ed["end"] <= e:
                ops.append((ed["start"], ed["end"], ed["replacement"]))
            elif ed["start"] < e and ed["end"] > s:
                raise GoldError(f"{pid}: edit crosses a piece boundary: {ed}")
        for c in citations:
            if s <= c["start"] < e:
                cs = c["start"]
                # drop the single space before a marker that was preceded by one
                if cs - 1 >= s and RAW[cs - 1] == " ":
                    cs -= 1
                ops.append((cs, c["end"], ""))
        ops.sort()
        for (a1, b1, _), (a2, b2, _) in zip(ops, ops[1:]):
            if b1 > a2:
                raise GoldError(f"{pid}: overlapping edits/markers at {a1}-{b1} and {a2}-{b2}")
        buf = []
        pos = s
        for a, b, rep in ops:
            buf.append(RAW[pos:a])
            buf.append(rep)
            pos = b
        buf.append(RAW[pos:e])
        pieces.append("".join(buf))
    return " ".join(pieces)


def check(units: list[dict]) -> None:
    """All invariants of gold_format.md, plus coverage of the body lines."""
    body_started = False
    all_ents = []
    for u in units:
        for s, e in u["spans"]:
            assert RAW[s:e] and not RAW[s].isspace() and not RAW[e - 1].isspace(), u["id"]
        assert u["raw"] == " ".join(RAW[s:e] for s, e in u["spans"]), u["id"]
        for c in u["citations"]:
            assert MARKER_RE.fullmatch(RAW[c["start"]:c["end"]]), u["id"]
        for ed in u["edits"]:
            assert RAW[ed["start"]:ed["end"]] == ed["original"], (u["id"], ed)
            assert ed["kind"] in EDIT_KINDS, (u["id"], ed)
            assert ed["original"] != ed["replacement"], (u["id"], ed)
        for en in u["entities"]:
            assert RAW[en["start"]:en["end"]] == en["text"], (u["id"], en)
            assert en["label"] in ENTITY_TYPES, (u["id"], en)
            assert any(s <= en["start"] and en["end"] <= e for s, e in u["spans"]) or \
                (u["spans"][0][0] <= en["start"] and en["end"] <= u["spans"][-1][1]), (u["id"], en)
            for c in u["citations"]:
                assert en["end"] <= c["start"] or c["end"] <= en["start"], (u["id"], en)
            all_ents.append(en)
        if u["kind"] == "paragraph" and u["section"] == "المقدمة":
            body_started = True
        is_body = u["kind"] in BODY_KINDS
        if is_body:
            assert body_started, u["id"]
            assert u["label"] in LABELS, u["id"]
            assert u["label2"] is None or (u["label2"] in LABELS and u["label2"] != u["label"]), u["id"]
        else:
            assert u["label"] is None and u["label2"] is None, u["id"]
        if u["kind"] == "reference":
            assert not u["entities"], u["id"]
        # no marker survives, no foreign debris survives in Arabic running text
        assert not MARKER_RE.search(u["text"]), u["id"]
        if u["lang"] == "ar" and u["kind"] != "reference":
            assert not re.search(r"[\u0900-\u097f\u3000-\u9fff\u067e\u0686\u06a4\u06af\u0640]", u["text"].replace("بـ", "")), u["id"]
    all_ents.sort(key=lambda d: d["start"])
    for a, b in zip(all_ents, all_ents[1:]):
        if a["end"] > b["start"]:
            raise GoldError(f"overlapping entities: {a} / {b}")


def uncovered_lines(units: list[dict]) -> list[str]:
    """Non-blank raw lines (after the front matter) that no unit touches."""
    covered = [tuple(sp) for u in units for sp in u["spans"]]
    start = RAW.find("\n" + BODY_FIRST_LINE) + 1
    out = []
    pos = start
    for line in RAW[start:].split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if not line.strip():
            continue
        # text of the line outside every span
        rest = list(line)
        for s, e in covered:
            for k in range(max(s, ls), min(e, le)):
                rest[k - ls] = " "
        left = "".join(rest).strip()
        if left and not LIST_MARKER_RE.fullmatch(left):
            out.append(left)
    return out


def build_sentences(units: list[dict]) -> tuple[list[dict], list[dict]]:
    """Gold sentences of both abstracts and the alignment beads."""
    by_key = {u["_key"]: u for u in units if u["_key"]}
    sents = {"ar": [], "en": []}
    for lang, key, first, last in SENTENCES:
        u = by_key[key]
        s0 = u["spans"][0][0]
        e_all = u["spans"][-1][1]
        s = RAW.find(first, s0, e_all)
        e = RAW.find(last, s, e_all)
        if s < 0 or e < 0:
            raise GoldError(f"sentence {first!r}..{last!r} not found in {key}")
        e += len(last)
        sents[lang].append({"article": ARTICLE, "lang": lang, "start": s, "end": e,
                            "text": RAW[s:e]})
    links = []
    t_ar, t_en = by_key["title_ar"], by_key["title_en"]
    links.append({"article": ARTICLE, "kind": "title", "ar": t_ar["spans"], "en": t_en["spans"]})
    kw_ar, kw_en = by_key["kw_ar"], by_key["kw_en"]
    pos_ar = RAW.find(":", kw_ar["spans"][0][0]) + 1
    pos_en = RAW.find(":", kw_en["spans"][0][0]) + 1
    for a, b in KEYWORDS:
        sa = RAW.find(a, pos_ar, kw_ar["spans"][0][1])
        sb = RAW.find(b, pos_en, kw_en["spans"][0][1])
        if sa < 0 or sb < 0:
            raise GoldError(f"keyword pair {a!r}/{b!r} not found")
        links.append({"article": ARTICLE, "kind": "keywords",
                      "ar": [[sa, sa + len(a)]], "en": [[sb, sb + len(b)]]})
        pos_ar, pos_en = sa + len(a), sb + len(b)
    for ia, ie in ABSTRACT_BEADS:
        links.append({"article": ARTICLE, "kind": "abstract",
                      "ar": [[sents["ar"][i]["start"], sents["ar"][i]["end"]] for i in ia],
                      "en": [[sents["en"][i]["start"], sents["en"][i]["end"]] for i in ie]})
    # every abstract sentence is in exactly one bead
    used_ar = sorted(i for ia, _ in ABSTRACT_BEADS for i in ia)
    used_en = sorted(i for _, ie in ABSTRACT_BEADS for i in ie)
    assert used_ar == list(range(len(sents["ar"]))) and used_en == list(range(len(sents["en"])))
    return sents["ar"] + sents["en"], links


def summary(units: list[dict]) -> str:
    """Counts for the report."""
    lines = []
    lines.append("units per kind: " + str(dict(Counter(u["kind"] for u in units))))
    body = [u for u in units if u["kind"] in BODY_KINDS]
    lines.append(f"body passages: {len(body)}")
    lines.append("label: " + str(dict(Counter(u["label"] for u in body))))
    lines.append("label2: " + str(dict(Counter(u["label2"] for u in body if u["label2"]))))
    lines.append("entities: " + str(dict(Counter(e["label"] for u in units for e in u["entities"]))))
    lines.append("edits: " + str(dict(Counter(e["kind"] for u in units for e in u["edits"]))))
    lines.append("citations: " + str(sum(len(u["citations"]) for u in units)))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Build, check, and (unless --check) write the gold files."""
    units = build_units()
    check(units)
    left = uncovered_lines(units)
    sentences, links = build_sentences(units)
    print(summary(units))
    print("lines not in any unit (must be headings / TOC / junk):")
    for line in left:
        print("   ", line[:100])
    if "--check" in argv:
        return 0
    GOLD.mkdir(parents=True, exist_ok=True)
    with open(GOLD / "passages.jsonl", "w", encoding="utf-8") as f:
        for u in units:
            u = {k: v for k, v in u.items() if not k.startswith("_")}
            f.write(json.dumps(u, ensure_ascii=False) + "\n")
    with open(GOLD / "sentences.jsonl", "w", encoding="utf-8") as f:
        for s in sentences:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    with open(GOLD / "alignment.jsonl", "w", encoding="utf-8") as f:
        for link in links:
            f.write(json.dumps(link, ensure_ascii=False) + "\n")
    print(f"wrote {len(units)} units, {len(sentences)} sentences, {len(links)} links to {GOLD}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
