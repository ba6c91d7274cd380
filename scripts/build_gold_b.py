"""Build annotator B's independent gold passages for the seed article.

Annotator B's second pass over the units, passage labels and named entities of
``corpus/raw/000_295e6e45a451921c.txt`` (used for inter-annotator agreement).
All annotations are written below as data: every unit span is given by a start
string and an end string that are searched with ``str.find`` from a reading
cursor, and every entity by a context string in which the entity is bracketed
(``"السفير [جون كاسن] الذي"``) and searched inside the unit's spans. No offset
is typed by hand.

Run:  python scripts/build_gold_b.py
Writes corpus/gold/pass_b/passages.jsonl and checks that every span and entity
matches the raw text, that entities do not overlap and lie inside their unit,
and that labels belong to the scheme.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "000_295e6e45a451921c"
RAW_PATH = ROOT / "corpus" / "raw" / f"{ARTICLE}.txt"
OUT_PATH = ROOT / "corpus" / "gold" / "pass_b" / "passages.jsonl"

KINDS = ("title", "abstract", "keywords", "paragraph", "list_item", "reference")
LABELS = ("concept", "goal", "tool", "risk", "example", "other")
ENTITY_TYPES = ("PER", "ORG", "LOC", "PLATFORM", "DATE")
LABELLED_KINDS = ("paragraph", "list_item")


@dataclass
class Unit:
    """One annotated unit before offsets are resolved.

    Attributes:
        kind: Unit kind (see KINDS).
        lang: "ar" or "en".
        section: Heading text of the innermost section as it stands in raw.
        spans: (start string, end string) pairs, one per raw piece.
        label: Main passage label (body paragraphs and list items only).
        label2: Secondary label when the passage clearly has two functions.
        ents: (context with the entity in [brackets], entity type, occurrence
            index of the context string inside the unit).
    """

    kind: str
    lang: str
    section: str | None
    spans: list[tuple[str, str]]
    label: str | None = None
    label2: str | None = None
    ents: list[tuple[str, str, int]] = field(default_factory=list)


def U(kind, lang, section, spans, label=None, label2=None, ents=()):  # noqa: N802
    """Short constructor so the data table below stays readable."""
    return Unit(kind, lang, section, list(spans), label, label2,
                [e if len(e) == 3 else (e[0], e[1], 0) for e in ents])


# Section headings, spelled exactly as in raw.
S_ABS_AR = "الملخص"
S_ABS_EN = "summary"
S_INTRO = "المقدمة"
S_PROB = "مشكلة الدراسة"
S_IMP = "أهمية الدراسة"
S_AIMS = "اهداف الدراسة"
S_HYP = "الفرضية"
S_METH = "منهجية الدراسة"
S_STRUCT = "هيكلية الدراسة:"
S_M1 = "الإطار المفاهيمي للدبلوماسية الرقمية"
S_M1_1 = "أولاً: مفهوم الدبلوماسية الرقمية"
S_M1_2 = "ثانياً: أهداف الدبلوماسية الرقمية"
S_M1_3 = "ثالثاً: أدوات الدبلوماسية الرقمية"
S_M2 = "الدبلوماسية الرقمية وتأثيرها على العلاقات الدولية"
S_M2_1 = "أولاً الدبلوماسية في العلاقات الدولية"
S_M2_2 = "ثانياً : امثلة على تأثير الدبلوماسية الرقمية على العلاقات الدولية"
S_CONC = "الخاتمة"
S_FIND = "الاستنتاجات"
S_REC = "الوصيات"
S_REF = "المصادر"

P, L, R = "paragraph", "list_item", "reference"

UNITS: list[Unit] = [
    # ---------------------------------------------------------------- front
    U("title", "ar", None, [("الدبلوماسية الرقمية وأثرها في العلاقات الدولية",
                            "وأثرها في العلاقات الدولية")]),
    U("title", "en", None, [("Digital Diplomacy and its Effects",
                            "on International Relations")]),
    U("abstract", "ar", S_ABS_AR, [("في القرن العشرين انتشرت مفاهيم", "بما في ذلك مفهوم الدبلوماسية الرقمية.")],
      ents=[("في [القرن العشرين] انتشرت", "DATE")]),
    U("abstract", "ar", S_ABS_AR, [("اذ شهد العالم تطويراً", "مجالات الشؤون الدولية والعالمية.")]),
    U("keywords", "ar", S_ABS_AR, [("الكلمات المفتاحية:", "‘العلاقات الدولية’.")]),
    U("abstract", "en", S_ABS_EN, [("In the twentieth century", "within the framework of"),
                                   ("international relations, including", "concept of digital diplomacy.")],
      ents=[("In [the twentieth century],", "DATE")]),
    U("abstract", "en", S_ABS_EN, [("The world has witnessed", "all international relations. .")]),
    U("abstract", "en", S_ABS_EN, [(". Especially what is known", "international and global affairs .")]),
    U("keywords", "en", S_ABS_EN, [("Keywords: diplomacy", "tools, international relations.")]),
    # ---------------------------------------------------------------- introduction
    U(P, "ar", S_INTRO, [("في القرن العشرين انتشرت المفاهيم", "مفهوم \"الدبلوماسية الرقمية\".")],
      "concept", ents=[("في [القرن العشرين] انتشرت", "DATE")]),
    U(P, "ar", S_INTRO, [("إذ يشهد العالم اليوم ثورة", "لهذا التقدم التكنولوجي.")], "concept"),
    U(P, "ar", S_INTRO, [("وقد تركت هذه الثورة علامات", "وتتأثراً بهما"),
                         ("على الدبلوماسية كأداة لتنفيذ", "التواصل الاجتماعي بين جميع الناس.")], "tool"),
    U(P, "ar", S_INTRO, [("أنتجت ثورة الإعلام الرقمي", "وأداة لتحقيق مصالحهم.")], "tool"),
    U(P, "ar", S_INTRO, [("كما إنها تمارس شيئاً جديداً", "كخطة دبلوماسية.")], "concept"),
    U(P, "ar", S_PROB, [("تحاول الدراسة الإجابة", "بمختلف انتماءاتهم؟")], "other",
      ents=[("في ([تويتر]،", "PLATFORM"), ("، [الفيس بوك]، والمدونات", "PLATFORM")]),
    U(P, "ar", S_IMP, [("توضح أهمية هذه الدراسة", "السياسة الخارجية لها .")], "other"),
    U(P, "ar", S_AIMS, [("توضيح مفهوم الدبلوماسية الرقمية، من خلال", "الرقمية في العلاقات الدولية.")], "other"),
    U(P, "ar", S_HYP, [("الدراسة مفادها ان بأن البلدان", "على حد سواء.")], "other"),
    U(P, "ar", S_METH, [("وكان المنهج الأول", "بعمق اكثـر")], "other"),
    U(P, "ar", S_STRUCT, [("يقسم البحث الى الخطة التالية:", "يقسم البحث الى الخطة التالية:")], "other"),
    U(P, "ar", S_STRUCT, [("هذا فضلاً عن الخاتمة والاستنتاجات", "وقائمة المصادر")], "other"),
    # ---------------------------------------------------------------- part 1
    U(P, "ar", S_M1, [("إن التطور التكنولوجي خاصٌة", "وكسب الرأي العالمي.")], "concept"),
    U(P, "ar", S_M1_1, [("تجدر الإشارة إلى أن هناك أنواع", "العلمية الأخرى المرتبطة به.")], "concept",
      ents=[("دبلوماسية [الفيس بوك]،", "PLATFORM"), ("ودبلوماسية [التويتر] وذلك", "PLATFORM"),
            ("الاجتماعي ([Twitter])", "PLATFORM"), ("و ([Facebook])،", "PLATFORM")]),
    U(P, "ar", S_M1_1, [("وعليه، ونظراً لحداثة المصطلح", "تحت إطار الدبلوماسية الرقمية.⁽³⁾")], "concept"),
    U(P, "ar", S_M1_1, [("وفي هذا الإطار، فقد قام الموقع", "على الصعيد"),
                        ("الدبلوماسي ، لا سيما وأن وزارات", "والصورة التي تهدف إلى ترويجهما.")], "concept",
      ents=[("الموقع ([digdipblog.com])", "PLATFORM"), ("لأول مرة [عام 2001] ،", "DATE"),
            ("كل من [مانور] وسيجيف", "PER"), ("مانور و[سيجيف] في", "PER")]),
    U(P, "ar", S_M1_1, [("اما على المستوى الرسمي لوزارات", "عن طريق الانترنت.")], "concept",
      ents=[("عرفها [مكتب شؤون الخارجية البريطاني] بأنها", "ORG")]),
    U(P, "ar", S_M1_1, [("اما وزارة الخارجية الفرنسية،", "بالخدمات بشكل عام.⁽⁶⁾")], "concept",
      ents=[("اما [وزارة الخارجية الفرنسية]،", "ORG"), ("ضمن [وزارة الشؤون الفرنسية] والتحضير", "ORG")]),
    U(P, "ar", S_M1_1, [("ويقول إيفان بوتر", "دون الاتصال بالإنترنت\".⁽⁷⁾")], "concept",
      ents=[("ويقول [إيفان بوتر] \"", "PER"), ("اما [هولمز] فيعرف", "PER")]),
    U(P, "ar", S_M1_1, [("وتشير المعطيات الى ان عام 2007", "بات استخدام"),
                        ("التكنولوجيا الرقمية في الدبلوماسية الآن", "والأكاديميين .⁽⁸⁾")], "example", "concept",
      ents=[("الى ان [عام 2007] كان", "DATE"), ("أطلقت [وزارة الخارجية البريطانية] أول", "ORG"),
            ("في [أيلول / سبتمبر 2007] ،", "DATE"), ("وتأسست في العام نفسه [سفارة السويد الافتراضية]،", "ORG"),
            ("يستخدم السفراء النرويجيون [سكايب] للتحدث", "PLATFORM"), ("منصة [الفيسبوك]،", "PLATFORM"),
            ("ويقوم سفراء [الأمم المتحدة] باستخدام", "ORG"), ("تطبيق [واتساب] لتنسيق", "PLATFORM"),
            ("تستخدم [وزارة الخارجية الكينية] تطبيق", "ORG"), ("تطبيق [توينتر] لتسليم", "PLATFORM")]),
    U(P, "ar", S_M1_2, [("يمكن القول ان الدبلوماسية الرقمية من الادوات", "الانترنت خلال 60 ثانية.")], "goal"),
    U(P, "ar", S_M1_2, [("أن فرغاس هانسون يستفيض", "وهي:⁽⁹⁾")], "goal",
      ents=[("أن [فرغاس هانسون] يستفيض", "PER")]),
    U(L, "ar", S_M1_2, [("1. بذل الجهود المشتركة", "وزيادة قوتها الناعمة.")], "goal"),
    U(L, "ar", S_M1_2, [("2. البقاء عن طريق التواصل الرقمي", "الرئيسية عبر الإنترنط")], "goal"),
    U(L, "ar", S_M1_2, [("3. لاستفادة من التدفق الهائل", "الناشئة والاستجابة لها.")], "goal"),
    U(L, "ar", S_M1_2, [("4. إثراء الاتصالات الفنصلية", "التواصل معهم في الأزمات")], "goal"),
    U(L, "ar", S_M1_2, [("5. تعزيز حرية التعبير", "من أي جهة كانت.")], "goal"),
    U(L, "ar", S_M1_2, [("6. إنشاء معدات رقمية", "خدمة الامال الوطنية.")], "goal"),
    U(P, "ar", S_M1_2, [("وهناك مهمة أخرى للدبلوماسية الرقمية", "عام 2008⁽¹⁰⁾.")], "goal", "example",
      ents=[("تدشين حركة في [كولومبيا] تم", "LOC"), ("منصة [فيسبوك]، وسرعان", "PLATFORM"),
            ("ضد متمردي [القوات المسلحة الثورية لكولومبيا] عام", "ORG"), ("لكولومبيا [عام 2008]⁽¹⁰⁾", "DATE")]),
    U(P, "ar", S_M1_2, [("على هذه الفوائد، هنالك أيضا", "وأخيراً القرصنة.")], "risk"),
    U(P, "ar", S_M1_3, [("تُظهر الممارسة الدولية أن", "من حيث التكلفة.⁽¹¹⁾")], "goal"),
    U(P, "ar", S_M1_3, [("نجد أن هناك عدة طرق", "من أهمها:")], "tool"),
    U(L, "ar", S_M1_3, [("1.وسائل التواصل الاجتماعي:", "على بعض الإجراءات العامة.")], "tool", "concept",
      ents=[("أبرزها [Instagram]،", "PLATFORM"), ("، [YouTube]،Twitter", "PLATFORM"),
            ("YouTube،[Twitter] (", "PLATFORM"), ("([Skype]،", "PLATFORM"),
            ("Skype، [WhatsApp]،", "PLATFORM"), ("WhatsApp، [Facebook] ،", "PLATFORM")]),
    U(P, "ar", S_M1_3, [("ووفقاً للإحصائيات احتل موقع تويتر", "كان له أكبر تأثير على"),
                        ("تويتر منذ توليه منصبه", "وهو كرة القدم⁽¹⁵⁾.")], "example", "tool",
      ents=[("احتل موقع [تويتر] Twitter", "PLATFORM"), ("تويتر [Twitter] المرتبة", "PLATFORM"),
            ("بينما احتل [Facebook] المرتبة", "PLATFORM"), ("و الثالثة [Instagram].", "PLATFORM"),
            ("رسمية على \"[تويتر]\"", "PLATFORM"), ("صفحات على \"[فيسبوك]\"", "PLATFORM"),
            ("في [أبريل/نيسان 2023] حوالي", "DATE"), ("ويشهد موقع [تويتر] أبرز", "PLATFORM"),
            ("ظهور مصطلح دبلوماسية [تويتر] كما", "PLATFORM"), ("العنوان ذاته [تبلوماسي] (", "ORG"),
            ("تبلوماسي ([Twiplomacy]) ولها", "ORG"), ("حالة دبلوماسية [تويتر] ورصد", "PLATFORM"),
            ("السابق [باراك أوباما] أول", "PER"), ("حساباً على [تويتر] في", "PLATFORM"),
            ("في [مارس 2007] مع", "DATE"), ("السابق [دونالد ترامب] كان", "PER"),
            ("[تويتر] منذ توليه", "PLATFORM"), ("في ([20 يناير 2017])", "DATE"),
            ("(خاصة [تويتر] مع", "PLATFORM"), ("النشطين على [تويتر]،", "PLATFORM"),
            ("لدى [مصر] سابقاً", "LOC"), ("سابقاً [جون كاسن] الذي", "PER"),
            ("الرسمي على [تويتر] حوالي", "PLATFORM"), ("« [كاسن] »", "PER"),
            ("الدولي [محمد صلاح] المحترف", "PER"), ("في [نادي ليفربول الإنجليزي]،", "ORG"),
            ("عبر موقع [بي بي سي]،", "PLATFORM"), ("تؤمر يا [بو صلا] و", "PER")]),
    U(L, "ar", S_M1_3, [("2. السفارات الافتراضية:", "سفارة افتراضية في عام 2007"),
                        ("وتبعتها في ذلك السويد", "لفتح سفارات افتراضية. ⁽¹⁶⁾")], "tool",
      ents=[("مثل [ايران] وامريكا", "LOC"), ("ايران و[امريكا] في", "LOC"),
            ("وتعد [جزر المالديف] أول", "LOC"), ("افتراضية في [عام 2007]", "DATE"),
            ("في ذلك [السويد] والدنمارك", "LOC"), ("السويد و[الدنمارك] ودول", "LOC")]),
    U(L, "ar", S_M1_3, [("3. الموضع الإلكتروني:", "الذي تمثله البعثة. ⁽¹⁷⁾")], "tool"),
    U(L, "ar", S_M1_3, [("4. تعليم الدبلوماسيين عبر", "بناءً على الطلب ⁽¹⁸⁾.")], "tool",
      ents=[("مؤسسة [Diplo] هي", "ORG"), ("تقوم [Diplo Foundation] أيضاً", "ORG")]),
    # ---------------------------------------------------------------- part 2
    U(P, "ar", S_M2_1, [("نظراً لأن الدبلوماسية الرقمية هي اتجاه", "لتأثيرها على العلاقات"),
                        ("الدولية، وفي ظل حداثة الموضوع", "وهو الدبلوماسية الرقمية.")], "concept"),
    U(P, "ar", S_M2_1, [("وتعتبر مؤسسة \"بيبلو فاونديشن\"", "العديد من التغيرات.⁽¹⁹⁾")], "concept",
      ents=[("مؤسسة \"[بيبلو فاونديشن]\"", "ORG"), ("وقد قام [أندرياس ساندري] بتجميع", "PER"),
            ("لتقدير ([Twiplomacy]) أثر", "PLATFORM"), ("الموقع \"[توبيلوماسي]\"", "PLATFORM")]),
    U(P, "ar", S_M2_1, [("وشهدت السنوات العشرون الماضية", "ما يفرض على المسؤولين"),
                        ("التكيف معها لتزييد قوة", "المحلية التقليدية⁽²²⁾")], "concept",
      ents=[("ووصف [ليف غروسمان] ب", "PER"), ("كما حذر [جوزيف ناي] من", "PER"),
            ("واعتبر [ديفيد دي أوغارتي] في", "PER"), ("أما [إستير دايسون] فرُوج", "PER")]),
    U(P, "ar", S_M2_1, [("علاوة على ذلك، أدت الدبلوماسية الرقمية", "على مسرح العلاقات الدولية.")], "risk", "example",
      ents=[("فضيحة \"[أبو غريب]\"", "LOC"), ("سمعة [أميركا]،", "LOC"),
            ("كل من [خوسيه ماريا أزنار] في", "PER"), ("أزنار في [إسبانيا]،", "LOC"),
            ("وتوني بلير في [بريطانيا].", "LOC"), ("و[توني بلير] في", "PER")]),
    U(P, "ar", S_M2_1, [("ولم تقتصر حتمية التكيف", "وفي هذا السياق ،"),
                        ("يبز دور لجنة الشؤون العامة", "جارٍ إعادة المحاولة...")], "example",
      ents=[("دور [لجنة الشؤون العامة الأمريكية-الإسرائيلية]،", "ORG"), ("اختصاراً \"[آبياك]\"", "ORG")]),
    U(P, "ar", S_M2_2, [("حاول الباحثون دراسة الآثار", "شيئاً ما يحدث \"بينهما\".")], "tool"),
    U(L, "ar", S_M2_2, [("- في عام 2011 لم ترد", "جون فيليب كي.")], "example",
      ents=[("في [عام 2011] لم", "DATE"), ("السابقة، [جوليا غيلارد]،", "PER"),
            ("حسابها على [تويتر]،", "PLATFORM"), ("النيوزيلندي، [جون فيليب كي].", "PER")]),
    U(L, "ar", S_M2_2, [("- كما أن رئيس الوزراء الإسرائيلي، بنيامين", "دبلوماسية لها معنى⁽²³⁾")], "example",
      ents=[("الإسرائيلي، [بنيامين نتنياهو]،", "PER"), ("صداقة [فلسطين]،", "LOC")]),
    U(L, "ar", S_M2_2, [("- إن متابعة الرئيس الفنزويلي", "منطقة أمريكا اللاتينية.")], "example",
      ents=[("الراحل، [هوغو شافيز]،", "PER"), ("رؤساء [الإكوادور] و", "LOC"),
            ("والأرجنتين و[البرازيل] و", "LOC"), ("الإكوادور و[الأرجنتين] و", "LOC"),
            ("والبرازيل و[كوبا] على", "LOC"), ("وكوبا على [تويتر]،", "PLATFORM"),
            ("منطقة [أمريكا اللاتينية].", "LOC")]),
    U(L, "ar", S_M2_2, [("- بينما شكّل التفاعل على تويتر", "إلى غاية 2014 م.")], "example",
      ents=[("التفاعل على [تويتر] بين", "PLATFORM"), ("حكومات [كولومبيا] وشيلي", "LOC"),
            ("كولومبيا و[شيلي] و", "LOC"), ("وشيلي و[بيرو] محوراً", "LOC"),
            ("إلى غاية [2014 م].", "DATE")]),
    U(L, "ar", S_M2_2, [("- وفي 25 مايو/أيار 2015 م", "ترحيب البلدين"),
                        ("رسمياً بالعودة إلى التفاعل", "العلاقات بين الدولتين.")], "example", "goal",
      ents=[("وفي [25 مايو/أيار 2015 م] قررت", "DATE"), ("قررت [وزارة الخارجية الأمريكية] متابعة", "ORG"),
            ("متابعة [وزارة الخارجية الكوبية] على", "ORG"), ("الكوبية على [تويتر] ورددت", "PLATFORM"),
            ("عليها [كوبا] في", "LOC")]),
    U(L, "ar", S_M2_2, [("- ففي 28 يناير/كانون الثاني 2017", "الاعتذار عن بيانه⁽²⁴⁾.")], "example",
      ents=[("ففي [28 يناير/كانون الثاني 2017] نشر", "DATE"), ("الرئيس، [دونالد ترامب]،", "PER"),
            ("مع [المكسيك]،", "LOC")]),
    U(L, "ar", S_M2_2, [("- أما في 20 فبراير/شباط", "هجوم إرهابي في السويد.")], "example",
      ents=[("في [20 فبراير/شباط] من", "DATE"), ("فأجابت [السفارة السويدية] في", "ORG"),
            ("السويدية في [أميركا] على", "LOC"), ("تغريدة ل[ترامب]،", "PER"),
            ("إرهابي في [السويد].", "LOC")]),
    U(L, "ar", S_M2_2, [("- كما أن تغريدة السفير الفرنسي", "والإيجابي لها⁽²⁵⁾.")], "example", "risk",
      ents=[("لدى [الولايات المتحدة]،", "LOC"), ("المتحدة، [جيرار أرنو]،", "PER"),
            ("انتخاب [دونالد ترامب]،", "PER")]),
    U(L, "ar", S_M2_2, [("- ففي تغريدة للسفارة الأمريكية", "الإرهابيين الإسلامية⁽²⁶⁾.")], "example",
      ents=[("للسفارة الأمريكية في [القاهرة]،", "LOC"), ("ل[لسفارة الأمريكية] في", "ORG"),
            ("في ذكرى [11 سبتمبر/أيلول]،", "DATE"), ("إدارة [أوباما] بالوقوف", "PER")]),
    U(L, "ar", S_M2_2, [("- وفي الهند، استخدمت", "في عام 2011م.")], "example",
      ents=[("وفي [الهند]،", "LOC"), ("استخدمت [وزارة الشؤون الخارجية] توiter", "ORG"),
            ("الخارجية [توiter] لإجلاء", "PLATFORM"), ("من [ليبيا] خلال", "LOC"),
            ("في [عام 2011م].", "DATE")]),
    U(L, "ar", S_M2_2, [("- تغريدة للرئيس الأمريكي دونالد ترامب", "ترديد كلام رجل الصواريخ"),
                        ("الصغير فلن يستمرا", "مباشر لكوريا الشمالية⁽²⁷⁾.")], "example",
      ents=[("الأمريكي [دونالد ترامب] نشرها", "PER"), ("في [17 سبتمبر/أيلول عام 2017] واثارت", "DATE"),
            ("وقال [ترامب] في", "PER"), ("خارجية [كوريا الشمالية] يتحدث", "LOC"),
            ("في [الأمم المتحدة]،", "ORG"), ("مباشر ل[كوريا الشمالية]⁽²⁷⁾", "LOC")]),
    U(P, "ar", S_M2_2, [("إذن، يثبت المشهد الحالي", "المتعلقة بالسياسة الخارجية\" .")], "concept", "goal",
      ents=[("لدى [لبنان]، توم", "LOC"), ("لبنان، [توم فليتشر] \"", "PER")]),
    U(P, "ar", S_M2_2, [("وكان التفاعل في العلاقات الدولية حتى", "وتجاوز الرقابة.⁽³⁰⁾")], "concept", "example",
      ents=[("حتى [خمسينيات القرن العشرين] يتمحور", "DATE"), ("حسب [هيدي بول] تغيير", "PER"),
            ("النيوزيلندي، [ريتشارد جرانت] العملية", "PER"),
            ("وانخرطت [وزارة الخارجية الأمريكية] بجدية", "ORG")]),
    U(P, "ar", S_M2_2, [("وقد اقتضى السياسيون والدبلوماسيون", "بما يسمى مجموعة"),
                        ("في إشارة إلى GAFA،", "بالولايات المتحدة.")], "goal", "example",
      ents=[("GAFA، [Google]،", "ORG"), ("Google، [Apple]،", "ORG"), ("Apple، [Amazon] Facebook", "ORG"),
            ("Amazon [Facebook] في", "ORG"), ("في [وادي السيليكون]Silicon", "LOC"),
            ("السيليكون[Silicon Valley] ب", "LOC"), ("ب[سان فرانسيسكو] في", "LOC"),
            ("في [كاليفورنيا] ب", "LOC"), ("ب[الولايات المتحدة].", "LOC")]),
    U(P, "ar", S_M2_2, [("وتدخل في هذا الإطار مبادرة", "على غرار الحكومة"),
                        ("الهولندية⁽³¹⁾", "الهولندية⁽³¹⁾")], "example",
      ents=[("البريطاني [وليام هيج] الذي", "PER"), ("حسابه على [تويتر] لإطلاق", "PLATFORM"),
            ("نشاطات [وزارة الخارجية] للسنوات", "ORG")]),
    # ---------------------------------------------------------------- conclusion
    U(P, "ar", S_CONC, [("الدبلوماسية الرقمية هي استعمال موقع", "كفرنسا والمملكة المتحدة.")], "concept", "example",
      ents=[("السابق [دونالد ترامب] الذي", "PER"), ("دبلوماسية [التويتر] للتأثير", "PLATFORM"),
            ("ك[فرنسا] و", "LOC"), ("و[المملكة المتحدة].", "LOC")]),
    U(P, "ar", S_CONC, [("استناداً على ما سبق، فإن الدبلوماسية", "جعلت العديد من"),
                        ("الدول ترسم استراتيجيات ذكية", "وتزيد من سرعتها وفعاليتها.")], "goal", "concept",
      ents=[("الشبكات [توم فليشر]،", "PER"), ("سفير [بريطانيا] لدى", "LOC"), ("لدى [لبنان] الذي", "LOC")]),
    U(P, "ar", S_FIND, [("بناء على ما سبق تم استنتاج الآتي:", "بناء على ما سبق تم استنتاج الآتي:")], "other"),
    U(L, "ar", S_FIND, [("1. إن الدبلوماسية الرقمية امتداد", "وتوجهاتها الدولية.")], "concept"),
    U(L, "ar", S_FIND, [("2. ان الدبلوماسية الرقمية نتاج", "القوة الناعمة المؤثرة.")], "concept"),
    U(L, "ar", S_FIND, [("3. أن الدبلوماسية الرقمية يجب أن تكون", "والتواصل مع الجماهير"),
                        ("باستخدام وسائل تفاعلية،", "لا يتجاوز عمرها العشر سنوات")], "concept"),
    U(L, "ar", S_FIND, [("4. هدف تواجد الحكومات", "لمستخدمي هذه الشبكات.")], "goal"),
    U(L, "ar", S_FIND, [("5. ان السهولة المحتملة", "او ارتباطات.")], "tool"),
    U(L, "ar", S_FIND, [("6. يوفر الإنترت وسيلة", "والمتحدثين الرسميين لهم.")], "tool",
      ents=[("مثل [تويتر] أو", "PLATFORM"), ("تويتر أو [فيسبوك] من", "PLATFORM")]),
    U(L, "ar", S_FIND, [("7. من أجل تعزيز المصالح الخاصة", "وبالتالي الدبلوماسية.")], "example", "goal",
      ents=[("وضعتها [الدنمارك] في", "LOC"), ("سفير [وادي السيليكون].", "LOC")]),
    U(L, "ar", S_FIND, [("8. تعد وسائل الإعلام الاجتماعية", "الدبلوماسية العامة الحالية.")], "tool"),
    U(P, "ar", S_REC, [("بعد ما تم التوصل إليه", "يوصى بالاتي:")], "other"),
    U(L, "ar", S_REC, [("1. يجب تعزيز الجانب المرئي", "وفق الوسيلة المستخدمة.")], "tool"),
    U(L, "ar", S_REC, [("2. تفعيل الحسابات وعدم تركها", "المنتهية ولايتم.")], "tool"),
    U(L, "ar", S_REC, [("3. المحافظة على الوجه الإنساني", "الرأي الشخصي والرسمي.")], "tool"),
    U(L, "ar", S_REC, [("4. بالنسبة للمؤسسات الحكومية", "مع توقعات الشعوب.")], "goal"),
    U(L, "ar", S_REC, [("5. على الحكومات الاستفادة", "في مكاتب التأشيرات والمطارات")], "goal", "example",
      ents=[("في [سريلانكا] والذي", "LOC"), ("في [عام 2012] مثلاً", "DATE")]),
    U(L, "ar", S_REC, [("6. تسخير الدبلوماسية الرقمية لصالح", "لإعادة تشكيل صورة الدول"),
                       ("واجهة سياحية أو ثقافية", "من الإعلانات المادية.")], "goal"),
    U(L, "ar", S_REC, [("7. يجب أن تتمتع هذه الصفحات", "أو لديهم أسئلة.")], "tool"),
    # ---------------------------------------------------------------- references
    U(R, "ar", S_REF, [("1. دانا علي صالح", "ص 21 .")]),
    U(R, "en", S_REF, [("2. Bridget Verrekia", "(Spring 2017) p14.")]),
    U(R, "ar", S_REF, [("3. معاذ العامودي", "149 - 2015 .")]),
    U(R, "ar", S_REF, [("4. وليد خلف الله محمد", "العدد الحادي عشر ،ص66.")]),
    U(R, "ar", S_REF, [("الدبلوماسية الرقمية: لماذا تبعتها", "عبر الانترنت على الرابط:"),
                       ("<https://www.noonpost.com/content/30017>", "<https://www.noonpost.com/content/30017>")]),
    U(R, "en", S_REF, [("Olubukola S. Adesina", "Journal homepage:")]),
    U(R, "en", S_REF, [("Lewis, Dev. (2014).", "/digital-diplomacy/> .6")]),
    U(R, "ar", S_REF, [("7. صباح عبد الصبور", "، 2021 ، ص 9")]),
    U(R, "ar", S_REF, [("8.فليپ تايلو،", "أكتوبر 2010،ص39.")]),
    U(R, "en", S_REF, [("- viona Rashica", "DOI: 10.2478/seeur-2018")]),
    U(R, "ar", S_REF, [("- 10.وائل عبد العال", "2018 . ، ص 3.")]),
    U(R, "ar", S_REF, [("- 11.آلاء الحماصنة", "رقم 247.")]),
    U(R, "en", S_REF, [("- We are social,", " 27 Apr 2023,")]),
    U(R, "ar", S_REF, [("13. فتحية ليتيم", "جامعة باجي مختار . ص 9")]),
    U(R, "ar", S_REF, [("- . Sayidaty.nat .14", "14/ اغسطس 2018 .")]),
    U(R, "en", S_REF, [("15. Delali Anee", "The case Of Ghana_2016")]),
    U(R, "ar", S_REF, [("16. مصدر سابق 2 ص 6", "16. مصدر سابق 2 ص 6")]),
    U(R, "ar", S_REF, [("17. محمد شريف", "10 مارس 2005 .")]),
    U(R, "en", S_REF, [("18. Helle C. Dale", "4 ”meets.")]),
    U(R, "ar", S_REF, [("19. مصدر سابق 2 ص 28", "19. مصدر سابق 2 ص 28")]),
    U(R, "en", S_REF, [("20. David De Ugarte", "El Cobre, 2009")]),
    U(R, "en", S_REF, [("21. Alfredo A. Torrealba", "<https://bit.ly/3171gas> 2014),")]),
    U(R, "en", S_REF, [("22. Efe Sevin and Ilan Manor", ",9999 .2 Vol.")]),
    U(R, "en", S_REF, [("Nicholas Westcott,", "Oxford Internet Institute, London"),
                       ("Research Report July 2008, 2, 16", "Research Report July 2008, 2, 16")]),
    U(R, "ar", S_REF, [("عمر المديفر،", "<https://bit.ly/2QjMBGO>")]),
    U(R, "en", S_REF, [(". BBC NEWS 20.2.26", "فبراير 2017")]),
    U(R, "en", S_REF, [(". I 2 4 NEWS", "ابريل 2019")]),
    U(R, "en", S_REF, [("US EMBASSYCAIRO", "TWITTER.COM .28")]),
    U(R, "en", S_REF, [("FRANCE 24 , 19/9/2017", "FRANCE24.COM.29")]),
    U(R, "ar", S_REF, [(". مصدر سابق 2 ص 19 .30", ". مصدر سابق 2 ص 19 .30")]),
]


def fail(msg: str) -> None:
    """Stop with a message naming what went wrong."""
    sys.exit(f"build_gold_b: {msg}")


def resolve_span(raw: str, start_s: str, end_s: str, cursor: int) -> tuple[int, int]:
    """Raw (start, end) of the piece that begins with start_s and ends with end_s."""
    s = raw.find(start_s, cursor)
    if s < 0:
        fail(f"span start not found after {cursor}: {start_s!r}")
    e = raw.find(end_s, s)
    if e < 0:
        fail(f"span end not found after {s}: {end_s!r}")
    e += len(end_s)
    piece = raw[s:e]
    if "\n\n" in piece:
        fail(f"span crosses a blank line: {piece[:60]!r}...{piece[-60:]!r}")
    if piece != piece.strip():
        fail(f"span has outer whitespace: {piece[:40]!r}")
    # A piece must be a whole block: blank line (or file edge) on both sides,
    # except where a block holds several units (list items on adjacent lines,
    # the heading run into text, the junk before a heading) -- checked by eye.
    return s, e


def resolve_entity(raw: str, spans: list[tuple[int, int]], ctx: str, typ: str, occ: int) -> dict:
    """Raw offsets of the bracketed entity inside the occ-th match of its context."""
    if ctx.count("[") != 1 or ctx.count("]") != 1:
        fail(f"entity context needs exactly one [..]: {ctx!r}")
    pre, rest = ctx.split("[")
    ent, post = rest.split("]")
    plain = pre + ent + post
    hits = []
    for s, e in spans:
        i = raw.find(plain, s)
        while 0 <= i and i + len(plain) <= e:
            hits.append(i)
            i = raw.find(plain, i + 1)
    if len(hits) <= occ:
        fail(f"entity context {ctx!r} found {len(hits)} times in unit, wanted index {occ}")
    start = hits[occ] + len(pre)
    end = start + len(ent)
    if raw[start:end] != ent:
        fail(f"entity text mismatch for {ctx!r}")
    if typ not in ENTITY_TYPES:
        fail(f"bad entity type {typ!r}")
    if ent != ent.strip():
        fail(f"entity has outer whitespace: {ent!r}")
    return {"start": start, "end": end, "label": typ, "text": ent}


def build() -> list[dict]:
    """Resolve all units to JSON records and validate them."""
    raw = RAW_PATH.read_text(encoding="utf-8")
    cursor = raw.find("شروط حقوق الملكية الفكرية")
    records = []
    for n, u in enumerate(UNITS, 1):
        if u.kind not in KINDS:
            fail(f"bad kind {u.kind!r}")
        spans = []
        for a, b in u.spans:
            s, e = resolve_span(raw, a, b, cursor)
            spans.append((s, e))
            cursor = e
        if u.kind in LABELLED_KINDS:
            if u.label not in LABELS:
                fail(f"unit {n}: label {u.label!r} not in scheme")
            if u.label2 is not None and (u.label2 not in LABELS or u.label2 == u.label):
                fail(f"unit {n}: bad label2 {u.label2!r}")
        elif u.label is not None or u.label2 is not None:
            fail(f"unit {n}: {u.kind} must have null labels")
        if u.section is not None and f"\n{u.section}" not in raw:
            # Run-in headings are not on their own line; they must still be in raw.
            if u.section not in raw:
                fail(f"unit {n}: section {u.section!r} not in raw")
        if u.kind == "reference" and u.ents:
            fail(f"unit {n}: references are not annotated for entities")
        ents = [resolve_entity(raw, spans, c, t, o) for c, t, o in u.ents]
        ents.sort(key=lambda x: x["start"])
        for x, y in zip(ents, ents[1:]):
            if y["start"] < x["end"]:
                fail(f"unit {n}: overlapping entities {x} / {y}")
        records.append({
            "id": f"{ARTICLE}:b{n:03d}",
            "article": ARTICLE,
            "kind": u.kind,
            "lang": u.lang,
            "section": u.section,
            "spans": [list(sp) for sp in spans],
            "label": u.label,
            "label2": u.label2,
            "entities": ents,
        })
    # Units must not overlap one another and must come in reading order.
    flat = [sp for r in records for sp in r["spans"]]
    for x, y in zip(flat, flat[1:]):
        if y[0] < x[1]:
            fail(f"units overlap or are out of order: {x} {y}")
    return records


def main() -> None:
    """Write corpus/gold/pass_b/passages.jsonl and print a summary."""
    records = build()
    OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    with OUT_PATH.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    kinds = Counter(r["kind"] for r in records)
    labels = Counter(r["label"] for r in records if r["label"])
    label2 = Counter(r["label2"] for r in records if r["label2"])
    ents = Counter(e["label"] for r in records for e in r["entities"])
    print(f"wrote {len(records)} units to {OUT_PATH.relative_to(ROOT)}")
    print("kinds:", dict(kinds))
    print("labels:", dict(labels), "label2:", dict(label2))
    print("entities:", dict(ents), "total", sum(ents.values()))


if __name__ == "__main__":
    main()
