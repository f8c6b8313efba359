"""Numbers in Arabic news text: digits, number words, vague quantities, duals and ordinals.

``find_numbers`` returns every number mention with its value, qualifier, role (is it a count,
a year, a date, a distance, ...) and the counted noun that follows it.  Matching runs on the
normalised text from :func:`claimtrack.arabic_text.normalize`; every span is mapped back to
the original text, so ``text[m.start:m.end] == m.text`` always holds.

Vague quantities
----------------
Words that name a quantity without stating it are coded, in the spirit of ACLED's fatality
coding, with the smallest figure the word can honestly mean, ``vague=True`` and qualifier
``"at_least"`` (a leading qualifier such as "نحو" wins over that default):

=====================================  ==========
word                                   value
=====================================  ==========
بضعة / بضع / عدة  ("a few", "several")   3
عشرات / العشرات  ("dozens")              12
مئات / المئات  ("hundreds")              100
آلاف / الآلاف  ("thousands", no number)  1000
ملايين / الملايين  ("millions")          1000000
=====================================  ==========

A following "آلاف"/"ملايين" multiplies ("عشرات الآلاف" -> 12000).  بضعة/بضع/عدة count only
when a noun follows.  "عدد من", "عددا من", "عدد كبير من", "أعداد من" and "العديد من" say
there were some without any figure: value ``None``, qualifier ``"unspecified"``, role
``"count"``, ``vague=False``.

Other conventions
-----------------
* The span covers leading qualifier words and the number (with a multiplier word such as
  "ألف"/"مليون"), never a prefix letter glued to it ("و24" -> "24") nor the noun.  Trailing
  qualifiers ("تقريبا", "على الأقل") set the qualifier without widening the span.
* "واحد" (and an emphatic "اثنان") written after a known count noun or a sound plural counts
  that noun ("مركبة واحدة" -> 1, "عاملين مدنيين اثنين" -> 2); ``noun_end`` is then None,
  since the noun comes first.
* ``noun`` is filled for counts (the counted noun, looking past "من"), for distance,
  duration and money (the unit word) and for fractions; it is ``None`` for the other roles.
* Decimal figures are rounded half up ("3.5" -> 4) unless a multiplier makes them whole
  ("1.5 مليون" -> 1500000).  "1.200" followed by a count noun reads as 1200.
* Ordinals keep role ``"ordinal"`` even when a month follows ("السادس والعشرين من سبتمبر").
* A bare "واحد"/"أحد"/"إحدى" is never a mention; only compounds ("أحد عشر", "واحد وعشرون").
  Definite "الاثنين" (Monday) is never 2, and number words must be whole words.
* Duals of a fixed list of countable nouns ("غارتين", "جنديين", "مسلحان") are counts of 2 and
  duals of time words ("يومين", "شهرين") durations of 2; the span is the word itself, which is
  also the noun; the construct dual in alef counts only before a definite noun ("سائقا
  الشاحنتين").  Definite duals ("الغارتين") refer back to something already counted and are
  skipped.
* A definite number after a definite noun ("الأيام العشرة", "العناصر الثمانية", "أفرادها
  الخمسة") describes that noun: role from the noun before it, ``noun`` None.
* A singular casualty noun after a verb or noun of causing or falling ("أوقعت قتيلا",
  "سقوط قتيل"), or joined to another figure ("قتيلين وجريحا"), is a count of 1 (never after a
  negation: "لم يسقط قتيل").  A definite ten used that way
  ("القرن العشرين") is an ordinal.
* In "19 و24 من سبتمبر" or "بين 8 و11 قتيلا" the first figure takes the role and noun of the
  second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from claimtrack.arabic_text import normalize, normalize_key

__all__ = ["NumberMention", "Qualifier", "Role", "find_numbers", "parse_cardinal"]

Qualifier = Literal["exact", "about", "at_least", "at_most", "unspecified"]
Role = Literal[
    "count", "year", "date", "distance", "duration", "ordinal", "fraction", "percent",
    "money", "name", "other",
]


@dataclass(frozen=True)
class NumberMention:
    """One number found in a text; offsets point into the text given to ``find_numbers``."""

    start: int
    end: int
    value: int | None
    qualifier: Qualifier
    vague: bool
    role: Role
    noun: str | None
    noun_end: int | None
    fraction: float | None
    text: str


# --- lexicon (written in ordinary spelling, normalised at import) -----------------------


def _k(*words: str) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words)


def _kd(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    return {normalize_key(w): v for w, v in pairs}


_UNIT_FORMS: dict[int, tuple[str, ...]] = {
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "ثنتان", "ثنتين"),
    3: ("ثلاث", "ثلاثة"),
    4: ("أربع", "أربعة"),
    5: ("خمس", "خمسة"),
    6: ("ست", "ستة"),
    7: ("سبع", "سبعة"),
    8: ("ثمان", "ثماني", "ثمانى", "ثمانية"),
    9: ("تسع", "تسعة"),
}
# Units that are numbers only inside a compound ("أحد عشر", "واحد وعشرون", "اثنا عشر").
_BOUND_UNIT_FORMS: dict[int, tuple[str, ...]] = {
    1: ("واحد", "واحدة", "أحد", "إحدى"),
    2: ("اثنا", "اثني", "اثنتا", "اثنتي"),
}
_TEN_FORMS = ("عشر", "عشرة")
_TENS_FORMS: dict[int, tuple[str, ...]] = {
    20: ("عشرون", "عشرين"),
    30: ("ثلاثون", "ثلاثين"),
    40: ("أربعون", "أربعين"),
    50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"),
    70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"),
    90: ("تسعون", "تسعين"),
}
_HUNDRED_STEMS: dict[int, tuple[str, ...]] = {
    3: ("ثلاث",), 4: ("أربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",),
    8: ("ثمان", "ثماني"), 9: ("تسع",),
}

# A number standing for its noun takes the accusative: "لم يتجاوز خمساً" (no more than five).
_ACCUSATIVE_UNITS: dict[int, tuple[str, ...]] = {
    3: ("ثلاثا",), 4: ("أربعا",), 5: ("خمسا",), 6: ("ستا",), 7: ("سبعا",), 8: ("ثمانيا",),
    9: ("تسعا",),
}
_UNIT = _kd((w, v) for forms in (_UNIT_FORMS, _ACCUSATIVE_UNITS) for v, ws in forms.items()
            for w in ws)
# "واحد" after a noun counts one of it ("مركبة واحدة", "مصاباً واحداً").
_ONE_AFTER_NOUN = _k("واحد", "واحدة", "واحدا")
# A casualty noun in the singular is one casualty after a verb or noun of falling or causing
# ("أوقعت قتيلا وجريحين", "سقوط قتيل"), or next to another figure ("قتيلين وجريحا").
_SINGLE_CASUALTY = _k("قتيل", "قتيلا", "قتيلة", "جريح", "جريحا", "جريحة", "مصاب", "مصابا",
                      "مصابة")
# One body ("انتشال جثة", "جثة سائقها نقلت"), unless negated ("لم يعثر على أي جثة").
_SINGLE_BODY = _k("جثة", "جثمان")
_SINGLE_AFTER = _k("أوقع", "أوقعت", "يوقع", "توقع", "خلف", "خلفت", "يخلف", "تخلف", "سقوط",
                   "سقط", "يسقط", "عن")
_NEGATIONS = _k("لم", "لا", "دون", "بدون", "عدم", "أي", "ولم", "ولا", "غير")
# A pronoun ending that makes a noun definite: "أفرادها الخمسة", "ضرباتها الثلاث".
_POSSESSIVE_ENDINGS = tuple(normalize_key(e) for e in ("هما", "ها", "هم"))
_BOUND = _kd((w, v) for v, forms in _BOUND_UNIT_FORMS.items() for w in forms)
_TEN = _k(*_TEN_FORMS)
_TENS = _kd((w, v) for v, forms in _TENS_FORMS.items() for w in forms)
_HUNDRED_ONE = _k("مائة", "مئة", "مايه", "ميه")
_HUNDREDS = _kd(
    [(w, 100) for w in ("مائة", "مئة")]
    + [
        (w, 200)
        for w in ("مائتان", "مائتين", "مئتان", "مئتين", "مائتا", "مائتي", "مئتا", "مئتي")
    ]
    + [
        (stem + h, v * 100)
        for v, stems in _HUNDRED_STEMS.items()
        for stem in stems
        for h in ("مائة", "مئة")
    ]
)
# Scale words that multiply the number before them.
_SCALE_MULT = _kd(
    [(w, 1000) for w in ("ألف", "ألفا", "آلاف")]
    + [(w, 10**6) for w in ("مليون", "مليونا", "ملايين")]
    + [(w, 10**9) for w in ("مليار", "مليارا", "مليارات")]
)
# Scale words that stand alone as a number: word -> (value, scale).
_SCALE_ALONE: dict[str, tuple[int, int]] = {
    normalize_key(w): (v, s)
    for w, v, s in (
        ("ألف", 1000, 1000), ("ألفا", 1000, 1000), ("ألفان", 2000, 1000),
        ("ألفين", 2000, 1000), ("ألفي", 2000, 1000),
        ("مليون", 10**6, 10**6), ("مليونا", 10**6, 10**6), ("مليونان", 2 * 10**6, 10**6),
        ("مليونين", 2 * 10**6, 10**6),
        ("مليار", 10**9, 10**9), ("مليارا", 10**9, 10**9), ("ملياران", 2 * 10**9, 10**9),
        ("مليارين", 2 * 10**9, 10**9),
    )
}
_LEXICON = frozenset(
    [*_UNIT, *_BOUND, *_TEN, *_TENS, *_HUNDREDS, *_SCALE_MULT, *_SCALE_ALONE]
)

_ORDINALS: dict[str, int] = _kd(
    [
        ("أول", 1), ("أولى", 1), ("ثاني", 2), ("ثانية", 2), ("ثالث", 3), ("ثالثة", 3),
        ("رابع", 4), ("رابعة", 4), ("خامس", 5), ("خامسة", 5), ("سادس", 6), ("سادسة", 6),
        ("سابع", 7), ("سابعة", 7), ("ثامن", 8), ("ثامنة", 8), ("تاسع", 9), ("تاسعة", 9),
        ("عاشر", 10), ("عاشرة", 10), ("حادي", 1), ("حادية", 1), ("واحد", 1),
    ]
)
# Ordinal stems that need "عشر" or "والعشرين" after them to be ordinals at all.
_ORD_NEEDS_MORE = _k("حادي", "حادية", "واحد")
# Month names written with an ordinal ("كانون الأول", "جمادى الثانية").
_ORD_MONTH_PREV = _k("كانون", "تشرين", "ربيع", "جمادى")

_VAGUE: dict[str, int] = _kd(
    [
        ("عشرات", 12), ("العشرات", 12), ("مئات", 100), ("المئات", 100),
        ("آلاف", 1000), ("الآلاف", 1000), ("ملايين", 10**6), ("الملايين", 10**6),
        ("بضعة", 3), ("بضع", 3), ("عدة", 3),
    ]
)
_VAGUE_NEEDS_NOUN = _k("بضعة", "بضع", "عدة")
_VAGUE_MULT: dict[str, int] = _kd(
    [("آلاف", 1000), ("الآلاف", 1000), ("ملايين", 10**6), ("الملايين", 10**6)]
)
_UNSPEC = _k("عدد", "عددا", "العديد", "أعداد", "أعدادا")
_UNSPEC_ADJ = _k(
    "كبير", "كبيرا", "قليل", "قليلا", "محدود", "محدودا", "آخر", "آخرا", "ضخم", "ضخما",
    "كبيرة", "قليلة", "محدودة", "أخرى", "غفير", "غفيرة",
)

_FRACTIONS: dict[str, float] = {
    normalize_key(w): v
    for w, v in (
        ("نصف", 0.5), ("النصف", 0.5), ("ثلث", 1 / 3), ("الثلث", 1 / 3), ("ربع", 0.25),
        ("الربع", 0.25), ("ثلثي", 2 / 3), ("ثلثا", 2 / 3),
    )
}
_QUARTERS = _k("أرباع")

# Countable nouns whose dual ending is unambiguous.  Nouns whose sound masculine plural is
# spelt like their dual ("مدنيين", "مسلحين", "مقاتلين") only count in the -ان form.
_DUAL_NOUNS = (
    "ضربة", "غارة", "عنصر", "شخص", "جندي", "طفل", "امرأة", "مركبة", "سيارة", "آلية", "قتيل",
    "جريح", "عملية", "هجوم", "منزل", "مبنى", "شاحنة", "دبابة", "طائرة", "صاروخ", "قذيفة",
    "معسكر", "هدف", "قائد", "ضابط", "رجل", "مدرعة", "قارب", "مسيرة", "مرة", "جثة", "ضحية",
    "رهينة", "شقيق", "زورق", "انفجار", "عربة",
)
_DUAL_NOUNS_AN_ONLY = ("مسلح", "مدني", "مقاتل", "مسؤول", "إرهابي", "انتحاري", "مصاب", "عسكري",
                       "مسعف", "سائق", "مسافر", "عامل", "موظف", "مواطن", "مهاجر", "حارس", "صياد")
_DUAL_TIME = ("يوم", "ساعة", "أسبوع", "شهر", "عام", "سنة", "دقيقة", "ليلة", "عقد")


def _duals(stems: Iterable[str], endings: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for stem in stems:
        s = normalize_key(stem)
        base = s[:-1] + "ت" if s.endswith("ه") else s
        out.update(base + e for e in endings)
    return frozenset(out)


_DUAL_COUNT = (_duals(_DUAL_NOUNS, ("ين", "ان")) | _duals(_DUAL_NOUNS_AN_ONLY, ("ان",))
               # the construct dual drops its nun: "جثتي القتيلين" (the two dead's bodies)
               | _duals(("جثة",), ("ي", "ا")))
_DUAL_DURATION = _duals(_DUAL_TIME, ("ين", "ان"))
# The nominative construct dual ends in alef ("سائقا الشاحنتين", the two trucks' drivers); it
# is read only before a definite noun, since "سائقاً" alone is an accusative singular.
_DUAL_CONSTRUCT = _duals((*_DUAL_NOUNS, *_DUAL_NOUNS_AN_ONLY), ("ا",)) - _DUAL_COUNT
_TWO_EMPHASIS = _k("اثنين", "اثنتين", "اثنان", "اثنتان")

_MONTHS = _k(
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "أفريل", "مايو", "ماي", "يونيو", "يونيه",
    "جوان", "يوليو", "يوليه", "جويلية", "يوليوز", "أغسطس", "اغسطس", "أوت", "غشت", "سبتمبر",
    "شتنبر", "أكتوبر", "نوفمبر", "نونبر", "ديسمبر", "دجنبر", "جانفي", "فيفري", "كانون",
    "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
)
_MONTH_WORD = normalize_key("شهر")
_DISTANCE = _k(
    "كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم", "متر", "مترا", "أمتار", "م", "ميل",
    "ميلا", "أميال", "km", "m", "mi",
)
_DURATION = _k(
    "يوم", "يوما", "أيام", "ساعة", "ساعات", "أسبوع", "أسبوعا", "أسابيع", "شهر", "شهرا",
    "أشهر", "شهور", "سنة", "سنوات", "سنين", "عام", "عاما", "أعوام", "دقيقة", "دقائق",
    "ثانية", "ثوان", "ثواني", "ليلة", "ليال", "ليالي", "عقد", "عقود",
) | _DUAL_DURATION
_CURRENCY = _k(
    "دولار", "دولارا", "دولارات", "دينار", "دينارا", "دنانير", "يورو", "جنيه", "جنيها",
    "جنيهات", "ريال", "ريالا", "ريالات", "درهم", "درهما", "دراهم", "ليرة", "ليرات",
    "فرنك", "usd", "eur",
)
_PERCENT_ONE = _k("بالمئة", "بالمائة")
_PERCENT_TWO = _k("المئة", "المائة")
_NAME_PREV = _k(
    "قناة", "القناة", "موقع", "الموقع", "صحيفة", "الصحيفة", "إذاعة", "راديو", "مجلة",
    "وكالة", "شبكة", "منصة", "بوابة", "تلفزيون",
)
_NAME_NEXT = _k("نيوز", "news", "tv", "fm")
_YEAR_PREV = _k("عام", "العام", "سنة", "السنة", "عامي", "سنتي")
_COUNT_NOUNS = _k(
    "عنصر", "عنصرا", "عناصر", "شخص", "شخصا", "أشخاص", "قتيل", "قتيلا", "قتلى", "جريح",
    "جريحا", "جرحى", "مصاب", "مصابا", "مصابين", "مسلح", "مسلحا", "مسلحين", "مقاتل", "مقاتلا",
    "مقاتلين", "جندي", "جنديا", "جنود", "مدني", "مدنيا", "مدنيين", "طفل", "طفلا", "أطفال",
    "امرأة", "نساء", "رجل", "رجلا", "رجال", "ضربة", "ضربات", "غارة", "غارات", "هجوم", "هجمات",
    "عملية", "عمليات", "منزل", "منازل", "مبنى", "مباني", "مركبة", "مركبات", "سيارة", "سيارات",
    "آلية", "آليات", "عربة", "عربات", "دبابة", "دبابات", "صاروخ", "صواريخ", "قذيفة", "قذائف",
    "طائرة", "طائرات", "ضحية", "ضحايا", "جثة", "جثث", "إرهابي", "إرهابيا", "إرهابيين", "نازح",
    "نازحين", "لاجئ", "لاجئين", "مهاجر", "مهاجرين", "أسير", "أسرى", "معتقل", "معتقلين",
    "هدف", "أهداف", "عائلة", "عائلات", "أسرة", "قائد", "قادة", "قيادي", "قياديين", "ضابط",
    "ضباط", "فرد", "أفراد", "عسكري", "عسكريين", "مواطن", "مواطنين", "آخرين",
)
_STOP = _k(
    "من", "في", "على", "إلى", "عن", "مع", "و", "أو", "ثم", "قد", "لقد", "لا", "لم", "لن", "ما",
    "أن", "إن", "أنه", "إنه", "أنها", "أنهم", "التي", "الذي", "الذين", "اللذين", "اللتين",
    "هذا", "هذه", "ذلك", "تلك", "هناك", "هنا", "كان", "كانت", "يكون", "تكون", "بعد", "قبل",
    "منذ", "خلال", "حتى", "عند", "بين", "أي", "كل", "بعض", "غير", "دون", "حيث", "إذ", "إذا",
    "لو", "كما", "مثل", "ضد", "نحو", "حول", "لدى", "عبر", "بحسب", "حسب", "وفق", "وفقا", "أما",
    "أم", "بل", "لكن", "لأن", "كي", "فقط", "أيضا", "تقريبا", "أكثر", "أقل", "حوالي", "قرابة",
    "زهاء", "هم", "هو", "هي", "نحن", "فيما", "فإن", "فيها", "فيه", "منها", "منهم", "عليه",
    "قرب", "بالقرب", "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط",
    "داخل", "خارج", "أمام", "خلف", "إثر", "جراء", "بسبب", "أثناء", "حاليا", "الآن", "اليوم",
    "أمس",
    "عليها", "لها", "له", "لهم", "بها", "به", "وفي", "ومن", "وعلى", "وإلى", "وقد", "ولا", "وما",
)
# Verbs that follow a figure whose noun came first ("سائقين اثنين قتلا"): never the noun.
_VERBS_AFTER = _k(
    "قتل", "قتلا", "قتلوا", "قتلت", "أصيب", "أصيبا", "أصيبوا", "لقي", "لقيا", "لقوا", "سقطوا",
    "سقط", "جرحوا", "جرحا", "نقلوا", "نقلا", "فروا", "اعتقلوا", "اعتقلا",
)
# Words that start with "ال" without it being the article.
_AL_NOT_ARTICLE = _k(
    "إلى", "إلا", "ألف", "آلاف", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان",
    "اللتان", "الآن", "ألا",
)
_FROM = normalize_key("من")
_FROM_THEM = _k("منهم", "منها", "منهما")
_DEMONSTRATIVES = _k("هؤلاء", "هذه", "هذا", "تلك", "أولئك")
_IN = normalize_key("في")
_ABOUT_AFTER = normalize_key("تقريبا")
_AT_LEAST_AFTER = (normalize_key("على"), normalize_key("الأقل"))


def _phrases(
    groups: dict[Qualifier, tuple[str, ...]],
) -> tuple[tuple[tuple[str, ...], Qualifier], ...]:
    out = [(tuple(normalize_key(p).split()), q) for q, ps in groups.items() for p in ps]
    # Longest first, so that "ما لا يزيد عن" is never read as "يزيد عن".
    out.sort(key=lambda item: -len(item[0]))
    return tuple(out)


_LEAD_QUALIFIERS = _phrases(
    {
        "about": (
            "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "يقارب", "ما يقرب من",
            "يقرب من", "ما يناهز", "يناهز", "تقريبا",
        ),
        "at_least": (
            "أكثر من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "يزيد على", "ما لا يقل عن",
            "لا يقل عن", "ما لا يقل على", "لا يقل على", "على الأقل", "أزيد من", "ما يربو على",
            "يربو على", "ما يفوق", "يفوق", "ما يتجاوز", "يتجاوز",
        ),
        "at_most": (
            "أقل من", "ما لا يزيد عن", "ما لا يزيد على", "لا يزيد عن", "لا يزيد على",
            "لا يتجاوز", "ما لا يتجاوز", "لا يتعدى", "ما لا يتعدى", "لم يتجاوز", "لم تتجاوز",
            "لا تتجاوز", "لم يتعد", "لم يتعدى", "لم يزد عن", "لم يزد على", "لا تزيد عن",
            "لا تزيد على",
        ),
    }
)
# Indexed by the last word, which never carries an attached prefix unless it is the only one.
_QUALIFIERS_BY_LAST: dict[str, list[tuple[tuple[str, ...], Qualifier]]] = {}
for _phrase, _qual in _LEAD_QUALIFIERS:
    _QUALIFIERS_BY_LAST.setdefault(_phrase[-1], []).append((_phrase, _qual))

_PREFIX1 = frozenset("وفبلك")
_PREFIX2 = frozenset("بلك")
_NO_PREFIX_FOR = {normalize_key("ست"): frozenset("لك")}

# Every bare word that can start a mention; anything else is skipped after one set lookup.
_STARTERS = frozenset(
    [*_LEXICON, *("ال" + w for w in _LEXICON), *_ORDINALS, *("ال" + w for w in _ORDINALS),
     *_VAGUE, *_FRACTIONS, *_UNSPEC, *_DUAL_COUNT, *_DUAL_DURATION, *_ONE_AFTER_NOUN,
     *_SINGLE_CASUALTY, *_SINGLE_BODY]
)
# Not in _STARTERS: "شخصا" after a figure is still that figure's noun.
_WORD_STARTERS = _STARTERS | _DUAL_CONSTRUCT

# --- token and figure patterns ------------------------------------------------------------

_AR_LETTERS = "\u0621-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
_TOKEN_RE = re.compile(
    rf"(?P<n>[0-9]+(?:[.,][0-9]+)*)|(?P<w>[{_AR_LETTERS}]+)|(?P<l>[a-z]+)|(?P<p>[%\u066a])"
)
_WS_GAP_RE = re.compile(r"[ \t]*")
_NOUN_GAP_RE = re.compile(r"[ \t\"'\u201c\u201d\u00ab\u00bb\u2018\u2019]*")
_LATIN_GAP_RE = re.compile(r"-?")
_RANGE_OPEN_RE = re.compile(r"(?:^|[\s\"«(])(?:ما[ \t]+)?(?:بين|من)[ \t]*[\"«]?[ \t]*$")
_RANGE_GAP_RE = re.compile(r"[ \t]*(?:و|الي|حتي|-|\u2013)[ \t]*")
_COORD_GAP_RE = re.compile(
    r"[ \t]*(?:(?:و|او|الي|حتي)[ \t]*|[-\u2013\u060c,][ \t]*)?", re.UNICODE
)
_DATE_DMY_RE = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9])")
_DATE_YMD_RE = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])")
_TIME_RE = re.compile(r"([0-9]{1,2}):([0-9]{2})(?![0-9])")
_THOUSANDS_COMMA_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_THOUSANDS_DOT_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}")
_DECIMAL_RE = re.compile(r"[0-9]+\.[0-9]+")
_ONE_DOT_GROUP_RE = re.compile(r"[0-9]{1,3}\.[0-9]{3}")
_PIECE_RE = re.compile(r"[0-9]+")
_MAX_DIGITS = 15


def _half_up(x: float) -> int:
    return int(x + 0.5)


# --- number-word parsing --------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    word: str  # bare number word, without connector or article
    conn: bool  # preceded by the connector "و"
    definite: bool
    last_tok: int  # index of the last token this item used


def _strip_article(w: str) -> tuple[str, bool]:
    if w in _LEXICON:
        return w, False
    if w.startswith("ال") and w[2:] in _LEXICON:
        return w[2:], True
    return w, False


def _parse_items(items: list[_Item]) -> tuple[int, int, bool] | None:
    """Longest number at the head of ``items``: (value, items used, only a bound unit)."""
    n = len(items)

    def lead(p: int, need_conn: bool) -> str | None:
        if p >= n or items[p].conn != need_conn:
            return None
        return items[p].word

    def plain(p: int) -> str | None:
        return lead(p, False)

    def below100(p: int, need_conn: bool) -> tuple[int, int, bool] | None:
        w = lead(p, need_conn)
        if w is None:
            return None
        bound = w in _BOUND
        if w in _UNIT or bound:
            u = _UNIT.get(w) or _BOUND[w]
            nxt = plain(p + 1)
            if nxt in _TEN and _teen_agrees(w, nxt):
                return 10 + u, p + 2, False
            if p + 1 < n and items[p + 1].conn and items[p + 1].word in _TENS:
                return u + _TENS[items[p + 1].word], p + 2, False
            return u, p + 1, bound
        if w in _TEN:
            return 10, p + 1, False
        if w in _TENS:
            return _TENS[w], p + 1, False
        return None

    def below1000(p: int, need_conn: bool) -> tuple[int, int, bool] | None:
        w = lead(p, need_conn)
        if w is None:
            return None
        hundreds = 0
        q = p
        if w in _HUNDREDS:
            hundreds, q = _HUNDREDS[w], p + 1
        elif w in _UNIT and 3 <= _UNIT[w] <= 9 and plain(p + 1) in _HUNDRED_ONE:
            hundreds, q = _UNIT[w] * 100, p + 2
        if hundreds:
            rest = below100(q, True)
            if rest is not None:
                return hundreds + rest[0], rest[1], False
            return hundreds, q, False
        return below100(p, need_conn)

    total = 0
    pos = 0
    last_scale = 10**18
    bound_only = False
    while True:
        need_conn = pos > 0
        group = below1000(pos, need_conn)
        if group is not None:
            value, nxt, bound = group
            scale_word = plain(nxt)
            if scale_word in _SCALE_MULT and _SCALE_MULT[scale_word] < last_scale:
                last_scale = _SCALE_MULT[scale_word]
                total += value * last_scale
                pos = nxt + 1
            elif last_scale > 1:
                total += value
                pos = nxt
                last_scale = 1
                bound_only = bound and pos == 1
            else:
                break
        else:
            w = lead(pos, need_conn)
            if w is None or w not in _SCALE_ALONE or _SCALE_ALONE[w][1] >= last_scale:
                break
            value, last_scale = _SCALE_ALONE[w]
            total += value
            pos += 1
        if last_scale == 1:
            break
    if pos == 0:
        return None
    return total, pos, bound_only


def _teen_agrees(unit: str, ten: str) -> bool:
    # "أحد عشرة" reads as "one of ten", not eleven; the other units are not ambiguous.
    if unit == "احد":
        return ten == "عشر"
    if unit == "احدي":
        return ten == "عشره"
    return True


def parse_cardinal(words: str) -> int | None:
    """Value of a cardinal written in digits or words ("سبعة عشر" -> 17), else None."""
    key = normalize_key(words)
    if not key:
        return None
    if _PIECE_RE.fullmatch(key.replace(",", "")) and len(key) <= _MAX_DIGITS * 2:
        digits = key.replace(",", "")
        if "," in key and not _THOUSANDS_COMMA_RE.fullmatch(key):
            return None
        return int(digits) if len(digits) <= _MAX_DIGITS else None
    items: list[_Item] = []
    pending_conn = False
    for idx, tok in enumerate(key.split()):
        if items and tok == "و" and not pending_conn:
            pending_conn = True
            continue
        if not items:
            found = next(
                (
                    _strip_article(bare) for bare, _ in _prefix_candidates(tok)
                    if _strip_article(bare)[0] in _LEXICON
                ),
                None,
            )
            if found is None:
                return None
            items.append(_Item(found[0], False, found[1], idx))
            continue
        later = _later_word(tok, pending_conn)
        if later is None:
            return None
        items.append(_Item(later[0], later[1], later[2], idx))
        pending_conn = False
    if pending_conn:
        return None
    parsed = _parse_items(items)
    if parsed is None or parsed[1] != len(items):
        return None
    return parsed[0]


def _later_word(w: str, conn: bool) -> tuple[str, bool, bool] | None:
    """(word, has connector, definite) for a word inside a compound, or None."""
    if not conn and w.startswith("و"):
        # Inside a compound "واحد" is "و" + "أحد" ("مائة وأحد عشر"), so try the connector first.
        word, definite = _strip_article(w[1:])
        if word in _LEXICON:
            return word, True, definite
    word, definite = _strip_article(w)
    if word in _LEXICON:
        return word, conn, definite
    return None


def _bare_set(w: str) -> frozenset[str]:
    return frozenset(b for b, _ in _prefix_candidates(w))


def _prefix_candidates(w: str) -> list[tuple[str, int]]:
    """The word itself, then the word without attached و/ف/ب/ل/ك (and لل -> ال)."""
    out = [(w, 0)]
    if len(w) < 3 or w[0] not in _PREFIX1:
        return out
    if w.startswith("لل"):
        out.append(("ال" + w[2:], 1))
    elif w[0] in "وف" and w[1:3] == "لل" and len(w) > 4:
        out.append(("ال" + w[3:], 2))
    rest = w[1:]
    if w[0] not in _NO_PREFIX_FOR.get(rest, ()):
        out.append((rest, 1))
    if w[0] in "وف" and len(w) > 3 and w[1] in _PREFIX2:
        rest2 = w[2:]
        if w[1] not in _NO_PREFIX_FOR.get(rest2, ()):
            out.append((rest2, 2))
    return out


# --- scanning ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    value: int | None
    qualifier: Qualifier
    vague: bool
    role: Role
    noun: str | None
    noun_span: tuple[int, int] | None
    fraction: float | None


class _Scanner:
    """Walks the tokens of a normalised text once and collects number mentions."""

    def __init__(self, text: str) -> None:
        self.s = text
        toks = [
            (m.start(), m.end(), m.lastgroup or "", m.group()) for m in _TOKEN_RE.finditer(text)
        ]
        self.starts: list[int] = [t[0] for t in toks]
        self.ends: list[int] = [t[1] for t in toks]
        self.kinds: list[str] = [t[2] for t in toks]
        self.words: list[str] = [t[3] for t in toks]
        self.n = len(toks)
        self.out: list[_Raw] = []

    # token helpers

    def _gap_ok(self, k: int, pattern: re.Pattern[str]) -> bool:
        """Is the text between token k-1 and token k matched entirely by ``pattern``?"""
        return pattern.fullmatch(self.s, self.ends[k - 1], self.starts[k]) is not None

    def _word_at(self, k: int, pattern: re.Pattern[str] = _NOUN_GAP_RE) -> str | None:
        if 0 < k < self.n and self.kinds[k] == "w" and self._gap_ok(k, pattern):
            return self.words[k]
        return None

    def _prev_word(self, i: int) -> str | None:
        if i >= 1 and self.kinds[i - 1] == "w" and self._gap_ok(i, _WS_GAP_RE):
            return self.words[i - 1]
        return None

    def _bare_prev(self, i: int) -> frozenset[str]:
        w = self._prev_word(i)
        if w is None:
            return frozenset()
        return frozenset(b for b, _ in _prefix_candidates(w))

    def _noun_ok(self, w: str | None) -> bool:
        if w is None or len(w) < 2 or w in _STOP or w in _VERBS_AFTER:
            return False
        if w in _STARTERS and w not in _SINGLE_CASUALTY and w not in _SINGLE_BODY:
            return False
        # "و" + verb or + another figure right after a number ("وأصيب", "وخمس") starts a new
        # phrase; it is not the counted noun.
        return not (
            w[0] == "و" and len(w) > 2
            and (w[1:] in _STOP or w[1:] in _STARTERS or w[1] in "ايتن")
        )

    # qualifiers

    def _lookback(self, i: int, start: int) -> tuple[Qualifier, int]:
        """A qualifier phrase ending right before token i; returns it and the new start."""
        last = i - 1
        # A lone prefix letter typed apart from the number ("ب 11") sits between them.
        if (
            last >= 0 and self.kinds[last] == "w" and len(self.words[last]) <= 2
            and all(c in _PREFIX1 for c in self.words[last])
        ):
            last -= 1
        if last < 0 or not self._gap_ok(last + 1, _WS_GAP_RE):
            return "exact", start
        floor = self.out[-1].end if self.out else 0
        last_word = self.words[last]
        candidates = list(_QUALIFIERS_BY_LAST.get(last_word, ()))
        for bare, _ in _prefix_candidates(last_word)[1:]:
            candidates.extend(p for p in _QUALIFIERS_BY_LAST.get(bare, ()) if len(p[0]) == 1)
        for phrase, qual in candidates:
            first = last - len(phrase) + 1
            if first < 0 or self.starts[first] < floor:
                continue
            if not all(
                self.kinds[k] == "w" and self.words[k] == want and self._gap_ok(k, _WS_GAP_RE)
                for k, want in zip(range(first + 1, last + 1), phrase[1:], strict=True)
            ):
                continue
            if self.kinds[first] != "w":
                continue
            for bare, plen in _prefix_candidates(self.words[first]):
                if bare == phrase[0]:
                    return qual, self.starts[first] + plen
        return "exact", start

    def _trailing_qualifier(self, k: int) -> Qualifier | None:
        """"تقريبا" or "على الأقل" at token k or one word later."""
        for j in (k, k + 1):
            w = self._word_at(j)
            if w == _ABOUT_AFTER:
                return "about"
            if w == _AT_LEAST_AFTER[0] and self._word_at(j + 1, _WS_GAP_RE) == _AT_LEAST_AFTER[1]:
                return "at_least"
            if w is None:
                return None
        return None

    # classification of what follows a figure

    def _classify(
        self, i: int, j: int, value: int | None, digits: str | None, qualified: bool,
    ) -> tuple[Role, int | None, int]:
        """Role of the figure spanning tokens [i, j); returns (role, noun token, next token)."""
        w1 = self._word_at(j)
        w2 = self._word_at(j + 1, _WS_GAP_RE) if w1 is not None else None
        if digits is not None:
            prev = self._bare_prev(i)
            if prev & _NAME_PREV:
                return "name", None, j
            lat = self.words[j] if j < self.n and self.kinds[j] == "l" else None
            if lat is not None and not self._gap_ok(j, _WS_GAP_RE):
                lat = None
            if w1 in _NAME_NEXT or lat in _NAME_NEXT or (w1 == "تي" and w2 == "في"):
                return "name", None, j + 1
            if prev & _YEAR_PREV and 3 <= len(digits) <= 4:
                return "year", None, j
        if j < self.n and self.kinds[j] == "p" and self._gap_ok(j, _WS_GAP_RE):
            return "percent", None, j + 1
        if value is not None and 1 <= value <= 31 and w1 is not None:
            if w1 in _MONTHS or (w1 == _MONTH_WORD and w2 in _MONTHS):
                return "date", None, j
            if w1 == _FROM and (
                w2 in _MONTHS
                or (w2 == _MONTH_WORD and self._word_at(j + 2, _WS_GAP_RE) in _MONTHS)
            ):
                return "date", None, j
        if digits is not None and value is not None:
            if (
                len(digits) == 4 and 1900 <= value <= 2100 and not qualified
                and w1 not in _COUNT_NOUNS
            ):
                return "year", None, j
            if 3 <= len(digits) <= 4 and w1 == "ه":
                return "year", None, j + 1
        if (w1 == _IN and w2 in _PERCENT_TWO) or w1 in _PERCENT_ONE:
            return "percent", None, j + (2 if w1 == _IN else 1)
        if w1 is not None:
            if w1 in _CURRENCY:
                return "money", j, j + 1
            if w1 in _DISTANCE:
                return "distance", j, j + 1
            if w1 in _DURATION:
                year = self.words[j + 1] if j + 1 < self.n and self.kinds[j + 1] == "n" and (
                    self._gap_ok(j + 1, _WS_GAP_RE)) else ""
                if w1 in _YEAR_PREV and len(year) == 4:
                    return "other", None, j  # "نحو 750 عام 2016": 750 in the year 2016
                return "duration", j, j + 1
        elif j < self.n and self.kinds[j] == "l" and self._gap_ok(j, _WS_GAP_RE):
            unit = self.words[j]
            if unit in _DISTANCE:
                return "distance", j, j + 1
            if unit in _CURRENCY:
                return "money", j, j + 1
        if self._noun_ok(w1):
            return "count", j, j + 1
        if w1 == _FROM and self._noun_ok(self._word_at(j + 1, _WS_GAP_RE)):
            if self.words[j + 1] in _DEMONSTRATIVES and self._noun_ok(self._word_at(j + 2)):
                return "count", j + 2, j + 3  # "اثنين من هؤلاء العمال"
            return "count", j + 1, j + 2
        return "other", None, j

    def _emit(
        self, i: int, j: int, start: int, end: int, value: int | None, digits: str | None,
        *, vague: bool = False, needs_noun: bool = False,
    ) -> int | None:
        """Classify a figure over tokens [i, j), record it, and return the next token."""
        qual, start = self._lookback(i, start)
        qualified = qual != "exact"
        if not qualified and vague:
            qual = "at_least"
        role, noun_tok, nxt = self._classify(i, j, value, digits, qualified)
        if vague:
            # A vague word is a quantity of something even when no noun follows it.
            if role in ("other", "year", "date", "name"):
                role = "count"
            if role == "count" and noun_tok is None and needs_noun:
                return None
        if qual == "exact":
            trailing = self._trailing_qualifier(noun_tok + 1 if noun_tok is not None else j)
            if trailing is not None:
                qual = trailing
        noun, noun_span = None, None
        if noun_tok is not None:
            noun = self.words[noun_tok]
            noun_span = (self.starts[noun_tok], self.ends[noun_tok])
        self.out.append(_Raw(start, end, value, qual, vague, role, noun, noun_span, None))
        return nxt

    # figures written in digits

    def _digits(self, i: int) -> int:
        st = self.starts[i]
        tok = self.words[i]
        after = self.s[self.ends[i] : self.ends[i] + 1]
        if after in ("-", "/") or "." in tok:
            for date_re, day, month in ((_DATE_DMY_RE, 1, 3), (_DATE_YMD_RE, 4, 3)):
                m = date_re.match(self.s, st)
                if m and 1 <= int(m.group(day)) <= 31 and 1 <= int(m.group(month)) <= 12:
                    self.out.append(
                        _Raw(st, m.end(), int(m.group(day)), "exact", False, "date", None,
                             None, None)
                    )
                    return self._first_token_from(m.end(), i)
        m = _TIME_RE.match(self.s, st) if after == ":" else None
        if m and int(m.group(1)) <= 24 and int(m.group(2)) < 60:
            self.out.append(_Raw(st, m.end(), int(m.group(1)), "exact", False, "other", None,
                                 None, None))
            return self._first_token_from(m.end(), i)
        if i > 0 and self.kinds[i - 1] == "l" and self._gap_ok(i, _LATIN_GAP_RE):
            # Model designations such as "mq-9" or "f16".
            first = self.words[i].split(",")[0].split(".")[0]
            if len(first) <= _MAX_DIGITS:
                end = st + len(first)
                self.out.append(_Raw(st, end, int(first), "exact", False, "name", None, None,
                                     None))
            return i + 1
        if _PIECE_RE.fullmatch(tok) or _THOUSANDS_COMMA_RE.fullmatch(tok) or \
                _THOUSANDS_DOT_RE.fullmatch(tok):
            digits = tok.replace(",", "").replace(".", "")
            if len(digits) > _MAX_DIGITS:
                return i + 1
            # Only a bare run of digits can be a year; "2,019" cannot.
            plain_digits = tok if _PIECE_RE.fullmatch(tok) else ""
            return self._figure(i, st, self.ends[i], int(digits), None, plain_digits)
        if _DECIMAL_RE.fullmatch(tok):
            whole, frac = tok.split(".")
            if len(whole) > _MAX_DIGITS or len(frac) > _MAX_DIGITS:
                return i + 1
            return self._figure(i, st, self.ends[i], None, float(tok), "")
        # A list such as "8,11,17": each piece on its own, only the last one gets a noun.
        pieces = list(_PIECE_RE.finditer(tok))
        for m in pieces[:-1]:
            if m.end() - m.start() <= _MAX_DIGITS:
                self.out.append(_Raw(st + m.start(), st + m.end(), int(m.group()), "exact",
                                     False, "other", None, None, None))
        last = pieces[-1]
        if last.end() - last.start() > _MAX_DIGITS:
            return i + 1
        return self._figure(i, st + last.start(), self.ends[i], int(last.group()), None,
                            last.group())

    def _first_token_from(self, pos: int, i: int) -> int:
        k = i + 1
        while k < self.n and self.starts[k] < pos:
            k += 1
        return k

    def _figure(
        self, i: int, start: int, end: int, value: int | None, decimal: float | None,
        digits: str,
    ) -> int:
        j = i + 1
        scale_word = self._word_at(j, _WS_GAP_RE)
        if scale_word in _SCALE_MULT:
            scale = _SCALE_MULT[scale_word]
            if decimal is not None:
                value = _half_up(decimal * scale)
            elif value is not None:
                value *= scale
            end = self.ends[j]
            j += 1
            digits = ""
        elif decimal is not None:
            tok = self.words[i]
            nxt = self._word_at(j)
            if _ONE_DOT_GROUP_RE.fullmatch(tok) and nxt in _COUNT_NOUNS:
                value = int(tok.replace(".", ""))
            else:
                value = _half_up(decimal)
        nxt = self._emit(i, j, start, end, value, digits)
        return j if nxt is None else nxt

    # figures written in words

    def _word(self, i: int) -> int:
        w = self.words[i]
        if w not in _WORD_STARTERS and (len(w) < 3 or w[0] not in _PREFIX1):
            return i + 1
        for bare, plen in _prefix_candidates(w):
            if bare not in _WORD_STARTERS:
                continue
            start = self.starts[i] + plen
            nxt: int | None = None
            if bare in _UNSPEC:
                nxt = self._unspecified(i, start)
            elif bare in _VAGUE:
                nxt = self._vague(i, start, bare)
            elif bare in _FRACTIONS:
                nxt = self._fraction(i, start, _FRACTIONS[bare])
            if nxt is None and (bare in _ORDINALS or bare[2:] in _ORDINALS):
                nxt = self._ordinal(i, start, bare)
            if nxt is None:
                nxt = self._cardinal(i, start, bare)
            if nxt is None and (bare in _DUAL_COUNT or bare in _DUAL_DURATION or (
                    bare in _DUAL_CONSTRUCT and (self._word_at(i + 1) or "").startswith("ال"))):
                nxt = self._dual(i, start, bare)
            if nxt is None and bare in _ONE_AFTER_NOUN:
                nxt = self._after_noun(i, start, 1)
            if nxt is None and (bare in _SINGLE_CASUALTY or bare in _SINGLE_BODY):
                nxt = self._single(i, start, bare, joined=plen > 0)
            if nxt is not None:
                return nxt
        return i + 1

    def _unspecified(self, i: int, start: int) -> int | None:
        j = i + 1
        w = self._word_at(j, _WS_GAP_RE)
        if w in _UNSPEC_ADJ:
            j += 1
            w = self._word_at(j, _WS_GAP_RE)
        if w in _FROM_THEM:  # "عدد منهم": some of those just named
            self.out.append(_Raw(start, self.ends[j], None, "unspecified", False, "count", None,
                                 None, None))
            return j + 1
        if w != _FROM:
            return None
        noun_tok = j + 1 if self._noun_ok(self._word_at(j + 1)) else None
        noun = self.words[noun_tok] if noun_tok is not None else None
        span = (self.starts[noun_tok], self.ends[noun_tok]) if noun_tok is not None else None
        self.out.append(
            _Raw(start, self.ends[j], None, "unspecified", False, "count", noun, span, None)
        )
        return noun_tok + 1 if noun_tok is not None else j + 1

    def _vague(self, i: int, start: int, bare: str) -> int | None:
        value = _VAGUE[bare]
        j = i + 1
        end = self.ends[i]
        mult = self._word_at(j, _WS_GAP_RE)
        if mult in _VAGUE_MULT and _VAGUE_MULT[mult] > value:
            value *= _VAGUE_MULT[mult]
            end = self.ends[j]
            j += 1
        return self._emit(
            i, j, start, end, value, None, vague=True, needs_noun=bare in _VAGUE_NEEDS_NOUN
        )

    def _fraction(self, i: int, start: int, fraction: float) -> int:
        qual, start = self._lookback(i, start)
        j = i + 1
        w = self._word_at(j)
        noun_tok: int | None = None
        if self._noun_ok(w):
            noun_tok = j
        elif w == _FROM and self._noun_ok(self._word_at(j + 1, _WS_GAP_RE)):
            noun_tok = j + 1
        noun = self.words[noun_tok] if noun_tok is not None else None
        span = (self.starts[noun_tok], self.ends[noun_tok]) if noun_tok is not None else None
        self.out.append(
            _Raw(start, self.ends[i], None, qual, False, "fraction", noun, span, fraction)
        )
        return noun_tok + 1 if noun_tok is not None else j

    def _ordinal(self, i: int, start: int, bare: str) -> int | None:
        definite = bare.startswith("ال") and bare[2:] in _ORDINALS
        core = bare[2:] if definite else bare
        if core not in _ORDINALS:
            return None
        base = _ORDINALS[core]
        if not definite and not 3 <= base <= 10:
            return None
        if self._prev_word(i) in _ORD_MONTH_PREV:
            return None
        value, end, j = base, self.ends[i], i + 1
        nxt = self._word_at(j, _WS_GAP_RE)
        if nxt is not None and base <= 9:
            if nxt in _TEN:
                value, end, j = base + 10, self.ends[j], j + 1
            else:
                ten_tok = j
                if nxt == "و" and self._word_at(j + 1, _WS_GAP_RE) is not None:
                    ten_tok, tens_word = j + 1, self.words[j + 1]
                elif nxt.startswith("و"):
                    tens_word = nxt[1:]
                else:
                    tens_word = ""
                tens_word = _strip_article(tens_word)[0]
                if tens_word in _TENS:
                    value, end, j = base + _TENS[tens_word], self.ends[ten_tok], ten_tok + 1
        if core in _ORD_NEEDS_MORE and value == base:
            return None
        if core == normalize_key("واحد") and not definite:
            return None
        self.out.append(_Raw(start, end, value, "exact", False, "ordinal", None, None, None))
        return j

    def _collect_items(self, i: int, first: str) -> list[_Item]:
        word, definite = _strip_article(first)
        items = [_Item(word, False, definite, i)]
        k = i + 1
        while k < self.n and len(items) < 12:
            w = self._word_at(k, _WS_GAP_RE)
            if w is None:
                break
            conn, last = False, k
            if w == "و":
                nxt = self._word_at(k + 1, _WS_GAP_RE)
                if nxt is None:
                    break
                w, conn, last = nxt, True, k + 1
            later = _later_word(w, conn)
            if later is None or (later[2] and not items[0].definite):
                break
            items.append(_Item(later[0], later[1], later[2], last))
            k = last + 1
        return items

    def _cardinal(self, i: int, start: int, bare: str) -> int | None:
        word, definite = _strip_article(bare)
        if word not in _LEXICON:
            return None
        if definite and not (
            (word in _UNIT and _UNIT[word] >= 3) or word in _TEN or word in _TENS
        ):
            return None
        items = self._collect_items(i, bare)
        parsed = _parse_items(items)
        if parsed is None:
            return None
        value, used, bound_only = parsed
        if bound_only:
            return None
        last_tok = items[used - 1].last_tok
        j, end = last_tok + 1, self.ends[last_tok]
        # "مسافرين اثنين": a two after its plural noun, even when a noun follows ("مسافرين
        # اثنين بشظايا"); a two before its noun is rare in news prose.
        if used == 1 and bare in _TWO_EMPHASIS:
            after = self._after_noun(i, start, 2)
            if after is not None:
                return after
        quarters = self._word_at(j, _WS_GAP_RE)
        if quarters in _QUARTERS and 1 <= value <= 3:
            qual, start = self._lookback(i, start)
            self.out.append(
                _Raw(start, self.ends[j], None, qual, False, "fraction", None, None, value / 4)
            )
            return j + 1
        prev = self._prev_word(i) if definite else None
        if prev is not None and ((prev.startswith("ال") and prev not in _AL_NOT_ARTICLE) or (
                prev.endswith(_POSSESSIVE_ENDINGS) and len(prev) >= 5 and prev not in _STOP
                and value >= 3)):
            if used == 1 and word in _TENS:
                # "الذكرى العشرين", "القرن العشرين": a definite ten after a definite noun.
                role: Role = "ordinal"
            else:
                # "الأيام العشرة", "العناصر الثمانية": the number describes the noun before it.
                noun_before = prev[2:]
                role = "count"
                if prev in _DURATION or noun_before in _DURATION:
                    role = "duration"
                elif prev in _DISTANCE or noun_before in _DISTANCE:
                    role = "distance"
            self.out.append(_Raw(start, end, value, "exact", False, role, None, None, None))
            return j
        return self._emit(i, j, start, end, value, None)

    def _after_noun(self, i: int, start: int, value: int) -> int | None:
        """"مركبة واحدة", "عاملين مدنيين اثنين": a one or a two written after its noun."""
        k = i - 1
        if k < 0 or self.kinds[k] != "w" or not self._gap_ok(i, _WS_GAP_RE):
            return None
        if self.out and self.out[-1].end > self.starts[k]:
            return None  # the word before already belongs to a figure
        word = self.words[k]
        noun = next((b for b, _n in _prefix_candidates(word)
                     if b in _COUNT_NOUNS or b in _DUAL_COUNT or b in _DURATION), None)
        if noun is None:
            # otherwise only a sound plural or dual: "عاملين", not a verb or "بحياة"
            if not self._noun_ok(word) or word in _STARTERS or not word.endswith(
                    ("ين", "ون", "ات", "ان")):
                return None
            noun = word
        role: Role = "duration" if noun in _DURATION else (
            "distance" if noun in _DISTANCE else "count")
        # noun_span stays None: the noun sits before the figure, and noun_end means "after".
        self.out.append(_Raw(start, self.ends[i], value, "exact", False, role, noun, None, None))
        return i + 1

    def _single(self, i: int, start: int, bare: str, joined: bool) -> int | None:
        """"أوقعت قتيلا وجريحين", "سقوط قتيل": one casualty, in a singular noun."""
        prev = self._prev_word(i)
        after_figure = joined and bool(self.out) and self.out[-1].role == "count" and (
            _COORD_GAP_RE.fullmatch(self.s, self.out[-1].end, self.starts[i]) is not None)
        if bare in _SINGLE_BODY:
            k = i
            for _ in range(4):  # "لم يستقبل أي جريح أو جثة": under the negation
                word = self._prev_word(k)
                if word is None:
                    break
                if word in _NEGATIONS:
                    return None
                k -= 1
        elif not after_figure:
            if prev is None:
                return None
            trigger = i
            if prev.startswith("ال") and not (_bare_set(prev) & _SINGLE_AFTER):
                trigger = i - 1  # "أوقعت الغارة قتيلا": the verb, then its subject
                prev = self._prev_word(trigger)
            if prev is None or not (_bare_set(prev) & _SINGLE_AFTER):
                return None
            if self._prev_word(trigger - 1) in _NEGATIONS:
                return None  # "لم يسقط قتيل": nobody
        end, j = self.ends[i], i + 1
        if self._word_at(j, _WS_GAP_RE) in _ONE_AFTER_NOUN:
            end, j = self.ends[j], j + 1
        self.out.append(_Raw(start, end, 1, "exact", False, "count", bare,
                             (self.ends[i] - len(bare), self.ends[i]), None))
        return j

    def _dual(self, i: int, start: int, bare: str) -> int:
        qual, start = self._lookback(i, start)
        end = self.ends[i]
        j = i + 1
        if self._word_at(j, _WS_GAP_RE) in _TWO_EMPHASIS:
            end = self.ends[j]
            j += 1
        role: Role = "duration" if bare in _DUAL_DURATION else "count"
        noun_start = self.ends[i] - len(bare)
        self.out.append(
            _Raw(start, end, 2, qual, False, role, bare, (noun_start, self.ends[i]), None)
        )
        return j

    def run(self) -> list[_Raw]:
        i = 0
        while i < self.n:
            kind = self.kinds[i]
            if kind == "n":
                nxt = self._digits(i)
            elif kind == "w":
                nxt = self._word(i)
            else:
                nxt = i + 1
            i = max(nxt, i + 1)
        return self._coordinate(self.out)

    def _coordinate(self, raws: list[_Raw]) -> list[_Raw]:
        """"19 و24 من سبتمبر", "بين 8 و11 قتيلا": the first figure shares the second's role."""
        raws = sorted(raws, key=lambda r: (r.start, r.end))
        kept: list[_Raw] = []
        for r in raws:
            if kept and r.start < kept[-1].end:
                continue
            kept.append(r)
        for idx in range(len(kept) - 2, -1, -1):
            a, b = kept[idx], kept[idx + 1]
            if (
                a.role == "other" and a.noun is None and a.value is not None
                and b.role in ("date", "distance", "duration", "percent", "money", "count")
                and b.value is not None
                and _COORD_GAP_RE.fullmatch(self.s, a.end, b.start) is not None
            ):
                kept[idx] = replace(a, role=b.role, noun=b.noun, noun_span=b.noun_span)
        for idx in range(len(kept) - 1):
            a, b = kept[idx], kept[idx + 1]
            if (a.role == b.role == "count" and a.qualifier == b.qualifier == "exact"
                    and a.value is not None and b.value is not None and a.value < b.value
                    and _RANGE_OPEN_RE.search(self.s, max(0, a.start - 8), a.start)
                    and _RANGE_GAP_RE.fullmatch(self.s, a.end, b.start)):
                # "ما بين 15 و20 قتيلا", "من 500 إلى 700 عنصر": a range, its two ends
                kept[idx] = replace(a, qualifier="at_least")
                kept[idx + 1] = replace(b, qualifier="at_most")
        return kept


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in ``text``, in order of start offset."""
    nt = normalize(text)
    out: list[NumberMention] = []
    for r in _Scanner(nt.text).run():
        start, end = nt.span_to_original(r.start, r.end)
        noun_end = nt.span_to_original(*r.noun_span)[1] if r.noun_span is not None else None
        out.append(
            NumberMention(
                start=start, end=end, value=r.value, qualifier=r.qualifier, vague=r.vague,
                role=r.role, noun=r.noun, noun_end=noun_end, fraction=r.fraction,
                text=text[start:end],
            )
        )
    return out
