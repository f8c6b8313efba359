"""Arabic temporal expressions in news text: find them, keep their spans, resolve them.

Every expression is matched on a *shadow* of the text: a length-preserving translation that
folds digit scripts and common spelling variants (hamza on alef, alef maksura, ta marbuta).
Offsets found on the shadow are therefore offsets in the original text.

Relative expressions are resolved against the publication date (or, for "the following year"
and "the same month", against the last explicit date written earlier in the text). Each value
keeps its precision: day, week, month, year, window (a span that is none of those) or unknown.
See docs/dates.md for the rules and the windows chosen.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from claimtrack.arabic_text import trie_regex

__all__ = [
    "DateMention",
    "DateValue",
    "Precision",
    "find_dates",
    "latest_absolute_date",
    "parse_date",
    "weekday_named",
]

Precision = Literal["day", "week", "month", "year", "window", "unknown"]


@dataclass(frozen=True)
class DateValue:
    """A resolved (or unresolvable) date: an inclusive range plus how precise it is."""

    start: date | None
    end: date | None
    precision: Precision
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "text": self.text,
        }

    @classmethod
    def unknown(cls, text: str = "") -> DateValue:
        return cls(None, None, "unknown", text)


@dataclass(frozen=True)
class DateMention:
    """One temporal expression found in a text, with its span in the original string."""

    start: int
    end: int
    value: DateValue
    relative: bool
    resolved: bool


# --- shadow text -------------------------------------------------------------------------

_SHADOW_PAIRS: tuple[tuple[str, str], ...] = (
    *((chr(0x0660 + i), str(i)) for i in range(10)),  # Arabic-Indic digits
    *((chr(0x06F0 + i), str(i)) for i in range(10)),  # Persian digits
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ی", "ي"), ("ة", "ه"),
    ("ک", "ك"),
)  # fmt: skip


def _shadow(text: str) -> str:
    # One str.replace per character present: far faster than str.translate, which does a
    # dict lookup for every character of a non-ASCII string. Every pair is 1:1, so offsets hold.
    for a, b in _SHADOW_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


# --- lexicon (in shadow spelling) --------------------------------------------------------

_MONTHS: dict[str, int] = {
    # Gregorian names as used in Egypt and the Gulf (and most pan-Arab outlets)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    # Levantine / Iraqi (Syriac) names
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12,
    # Maghrebi (French-derived) names; Moroccan ones too
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}  # fmt: skip

# Names that are also ordinary words (a verb, "father", a car brand, a given name): they
# count as a month only with a day, a year, a qualifier, "شهر", or a preposition before them.
_WEAK_MONTHS = frozenset({"مارس", "اب", "ماي", "اوت", "جوان", "نيسان", "تموز", "اذار"})

_WEEKDAYS: dict[str, int] = {  # date.weekday() numbering
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
    "الاحد": 6,
}  # fmt: skip

_ONES: dict[str, int] = {
    "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9,
}  # fmt: skip
_ORDINALS: dict[str, int] = {
    **{k: v for k, v in _ONES.items() if v > 1},
    "الاول": 1, "اول": 1, "العاشر": 10, "العشرين": 20, "الثلاثين": 30,
}  # fmt: skip

_NUMWORDS: dict[str, int] = {
    "واحد": 1, "اثنين": 2, "اثنان": 2, "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4,
    "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8,
    "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
}  # fmt: skip
_VAGUE_COUNT = frozenset({"بضعه", "بضع", "عده"})

# unit word (shadow, tanween stripped) -> (unit, count or None for an unnumbered plural)
_UNITS: dict[str, tuple[str, int | None]] = {
    "يوم": ("day", 1), "يومين": ("day", 2), "ايام": ("day", None),
    "اسبوع": ("week", 1), "اسبوعين": ("week", 2), "اسابيع": ("week", None),
    "شهر": ("month", 1), "شهرين": ("month", 2), "اشهر": ("month", None),
    "شهور": ("month", None),
    "عام": ("year", 1), "عامين": ("year", 2), "اعوام": ("year", None),
    "سنه": ("year", 1), "سنتين": ("year", 2), "سنوات": ("year", None), "سنين": ("year", None),
    "ساعه": ("hour", 1), "ساعتين": ("hour", 2), "ساعات": ("hour", None),
}  # fmt: skip

_QUALIFIERS: dict[str, str] = {
    "منتصف": "mid", "اواسط": "mid",
    "اوائل": "early", "اوايل": "early", "مطلع": "early", "بدايه": "early",
    "بدايات": "early", "مستهل": "early",
    "اواخر": "late", "نهايه": "late", "اخر": "late", "ختام": "late",
    "النصف الاول من": "h1", "النصف الثاني من": "h2", "الربع الاول من": "q1",
    "الربع الثاني من": "q2", "الربع الثالث من": "q3", "الربع الرابع من": "q4",
    "الربع الاخير من": "q4",
}  # fmt: skip


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so a prefix never shadows a longer word."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(r"\s{1,3}".join(map(re.escape, w.split())) for w in items) + ")"


_S = r"\s{1,3}"  # bounded whitespace keeps every pattern linear
_S0 = r"\s{0,3}"
_EOW = r"(?!\w)"
_TAN = "[ا\u064b]{0,2}"  # accusative alef and/or tanween: يوما / يوماً

_MONTH = _alt(_MONTHS) + _EOW
_WD = _alt(_WEEKDAYS) + _EOW
_QUAL = _alt(_QUALIFIERS) + _EOW
_DAYPARTS = (
    "منتصف ليله", "مساء", "صباح", "ليله", "ليل", "ظهر", "ظهيره", "فجر", "عصر", "ضحي", "نهار",
)  # fmt: skip
_DAYPART = _alt(_DAYPARTS) + _EOW
_NUMW = _alt(_NUMWORDS) + _EOW
_TENS = "(?:" + _S0 + "و" + _S0 + "(?:العشرين|الثلاثين)|" + _S + "عشر)"  # 21-29, 31 / 11-19
_DAYWORD = "(?:" + _alt(_ONES) + _TENS + "?|" + _alt(_ORDINALS) + ")" + _EOW
_DAYNUM = r"(?<!\d)\d{1,2}(?!\d)"
_RELMOD = r"(?:الماضي|المنصرم|الفائت|السابق|المقبل|القادم|الجاري|الحالي)ه?" + _EOW
_BEFORE_LAST = r"قبل" + _S + r"الماضي(?:ه)?" + _EOW  # "the one before last"
_WDMOD = r"(?:الماضي|المنصرم|الفائت|السابق|الاخير|المقبل|القادم)ه?" + _EOW + "|" + _BEFORE_LAST
_PMOD = (
    r"(?:(?:الماضي|المنصرم|الفائت|السابق|الجاري|الحالي|المقبل|القادم|التالي)ه?"
    r"|نفسه|ذاته|نفسها|ذاتها)" + _EOW
    + r"|(?:الذي|التي)" + _S + r"(?:تلاه|تلته|تلتها|يليه|تليه|تليها)" + _EOW
    + "|" + _BEFORE_LAST
)
_RECENT = r"(?:الاخير|الماضي|المنصرم|الفائت|السابق)(?:تين|ين|ه)?" + _EOW
_UNIT_ANY = (
    r"(?:يومين|ايام|اسبوعين|اسابيع|شهرين|اشهر|شهور|عامين|اعوام|سنتين|سنوات|سنين|"
    r"ساعتين|ساعات|ساعه|سنه|(?:يوم|اسبوع|شهر|عام)" + _TAN + ")" + _EOW
)
_UNIT_PLURAL = (
    r"(?:يومين|ايام|اسبوعين|اسابيع|شهرين|اشهر|شهور|عامين|اعوام|سنتين|سنوات|ساعتين|ساعات)"
    + _EOW
)
_PERIOD_UNIT = r"ال(?:اسبوع|شهر|عام|سنه|يوم)" + _EOW
_ALIAS = (
    r"(?:" + _S0 + r"[/\\-]" + _S0 + _MONTH + "|" + _S0 + r"\(" + _S0 + _MONTH + _S0 + r"\)"
    + "|" + _S0 + "[«\"]" + _S0 + _MONTH + _S0 + "[»\"])"
)

# A window of recent time: "خلال الأيام العشرة الأخيرة", "في الأيام الأخيرة", "الـ24 ساعة الماضية".
_P_WINDOW = (
    r"(?:(?P<xp>خلال|في|طيله|طوال|في" + _S + r"غضون|علي" + _S + r"(?:مدي|مدار))" + _S + ")?"
    r"(?:(?:ال\u0640*)?(?P<xn1>\d{1,3}|" + _NUMW + ")" + _S + "(?:ال)?(?P<xu1>" + _UNIT_ANY + ")"
    r"|ال(?P<xu2>" + _UNIT_PLURAL + ")(?:" + _S + r"ال\u0640*(?P<xn2>\d{1,3}|" + _NUMW + "))?)"
    + "(?:" + _S + "القليله)?" + _S + "(?P<xm>" + _RECENT + ")"
)
# "قبل أسبوع", "منذ 3 أيام", "قبل بضعة أشهر" (and not "قبل شهر من ...": a month before X).
_P_AGO = (
    r"(?P<ap>قبل|منذ)" + _S
    + r"(?:(?P<aq>نحو|حوالي|قرابه|زهاء|اكثر" + _S + "من|اقل" + _S + "من|ما" + _S + "يزيد"
    + _S + "عن)" + _S + ")?"
    r"(?:(?P<an>\d{1,3}|" + _NUMW + "|" + _alt(_VAGUE_COUNT) + ")" + _S0 + ")?"
    r"(?P<au>" + _UNIT_ANY + ")"
    # not "قبل عام 2011", "منذ يوم 19 سبتمبر", "قبل أسبوع من", "منذ شهر مارس"
    r"(?!" + _S0 + r"\d{4}(?!\d)|" + _S0 + _DAYNUM + _S0 + "(?:من" + _S + ")?" + _MONTH
    + "|" + _S + r"(?:من|علي|عن)" + _EOW + "|" + _S + "ال|" + _S + _MONTH + ")"
)
# "قبل ذلك بيوم واحد", "بعدها بيومين", "بعد ذلك بأسبوع": counted from the last day written.
_P_ANCH = (
    r"(?P<kp>قبل|بعد)(?:" + _S + r"ذلك(?:" + _S + r"(?:اليوم|التاريخ))?|ها|ه)" + _S
    + r"ب(?:(?P<kn>\d{1,2}|" + _NUMW + ")" + _S + ")?(?P<ku>" + _UNIT_ANY + ")"
    + r"(?:" + _S + r"(?:واحد|واحده)" + _EOW + ")?"
)
# "الأسبوع الماضي", "هذا العام", "العام التالي", "الشهر نفسه", "مطلع العام الجاري".
_P_PERIOD = (
    r"(?P<pq>" + _QUAL + ")" + _S + r"(?P<pu0>ال(?:اسبوع|شهر|عام|سنه)" + _EOW + ")"
    r"(?:" + _S + "(?P<pm0>" + _PMOD + "))?"
    r"|(?:هذا|هذه)" + _S + "(?P<pu1>" + _PERIOD_UNIT + ")"
    r"|(?:نفس|ذات)" + _S + "(?P<pu2>" + _PERIOD_UNIT + ")"
    r"|(?P<pu3>" + _PERIOD_UNIT + ")" + _S + "(?P<pm3>" + _PMOD + ")"
    # "تلك الليلة", "في ذلك اليوم": the day last written ("ذلك اليوم" alone is too often
    # "that [statement] today")
    r"|(?:تلك" + _S + "(?P<pu4>الليله)|ذلك" + _S + "(?P<pu5>المساء|الصباح|الفجر)|في" + _S
    + "ذلك" + _S + "(?P<pu6>اليوم))" + _EOW
)
# Calendar dates: "السادس والعشرين من شهر سبتمبر", "منتصف مارس الماضي",
# "ديسمبر (كانون الأول) 2016", "25 سبتمبر/أيلول 2019", "سبتمبر من العام الماضي".
_P_CAL = (
    r"(?:(?P<cq>" + _QUAL + ")" + _S + ")?"
    r"(?:(?:يوم" + _S + ")?(?:ال\u0640*)?(?P<cd>" + _DAYNUM + "|" + _DAYWORD + ")" + _S0
    + "(?:من" + _S + ")?)?"
    r"(?:(?P<csh>شهر" + _S + ")?(?P<cm>" + _MONTH + ")(?:" + _ALIAS + ")?"
    r"|(?P<cpm>الشهر" + _S + _PMOD + "|ذلك" + _S + "الشهر" + _EOW + "(?!" + _S + _PMOD
    + ")))(?P<cme>)"
    r"(?:" + _S0 + "[,،]?" + _S0 + "(?:من" + _S + ")?(?:(?:عام|العام|سنه|السنه)" + _S0 + ")?"
    r"(?P<cy>\d{4})(?!\d)"
    r"|" + _S + "(?:من" + _S + ")?(?P<cyr>(?:العام|السنه)" + _S + _RELMOD
    + "|هذا" + _S + "العام|هذه" + _S + "السنه)"
    r"|" + _S + "(?P<cr>" + _RELMOD + "))?"
)
# Years: "عام 2016", "أوائل عام 2015", "في 2015".
_P_YEAR = (
    r"(?:(?P<yq>" + _QUAL + ")" + _S + ")?(?:عام|العام|سنه|السنه)" + _S0 + r"(?P<yy>\d{4})(?!\d)"
    r"|(?:(?<=في )|(?<=منذ )|(?<=حتي )|(?<=خلال )|(?<=مطلع )|(?<=بحلول ))"
    r"(?P<yy2>\d{4})(?!\d)"
)
_P_NUM = (
    r"(?P<nd>\d{1,2})(?P<ns>[-/.])(?P<nm>\d{1,2})(?P=ns)(?P<ny>\d{4})(?!\d)"
    r"|(?P<iy>\d{4})(?P<is>[-/.])(?P<im>\d{1,2})(?P=is)(?P<id>\d{1,2})(?!\d)"
)
_P_WEEK = (
    r"(?:" + _DAYPART + _S + ")?(?:يوم" + _S + ")?(?P<wd>" + _WD + ")(?!" + _S + "عشر)"
    r"(?:" + _S + "(?P<wm>" + _WDMOD + "))?"
)
_P_REL = (
    r"(?:" + _DAYPART + _S + ")?(?:يوم" + _S + ")?"
    r"(?P<ry>(?:ال)?امس(?:" + _S + "الاول)?|البارحه|اول" + _S + "(?:من" + _S + ")?امس)" + _EOW
    + "(?:" + _S + _WD + "|" + _S0 + r"\(" + _S0 + _WD + _S0 + r"\))?"
    + r"|(?P<rn>الليله" + _S + "(?:الماضيه|البارحه))" + _EOW
    + r"|(?:" + _DAYPART + _S + r")?(?<!في )(?P<rt>اليوم)" + _EOW
    + "(?:" + _S + _WD + "|(?!" + _S + "(?:ال|نفس|ذات)))"
    + r"|(?P<rg>غدا\u064b|(?:" + _DAYPART + _S + ")الغد|يوم" + _S + "غد)" + _EOW
)

# Order matters where two kinds can start at the same word: a numeric date before a bare year.
_KINDS = ("NUM", "WINDOW", "ANCH", "AGO", "PERIOD", "CAL", "YEAR", "WEEK", "REL")
# Each kind is an outermost group, so Match.lastgroup names the kind that matched.
_MASTER = re.compile(
    r"(?<!\w)(?:[وف]?[بلك]?\u0640*)(?:"
    + "|".join(
        f"(?P<{k}>{p})"
        for k, p in zip(
            _KINDS,
            (_P_NUM, _P_WINDOW, _P_ANCH, _P_AGO, _P_PERIOD, _P_CAL, _P_YEAR, _P_WEEK,
             _P_REL),
            strict=True,
        )
    )
    + ")"
)


# First words of every pattern above; only word starts holding one are tried with _MASTER.
_TRIGGER_WORDS = (
    {w.split()[0] for w in _MONTHS}
    | {w.split()[0] for w in _QUALIFIERS}
    | set(_WEEKDAYS) | set(_ONES) | set(_ORDINALS) | set(_NUMWORDS)
    | {"ال" + w for w in _NUMWORDS}
    | {w.split()[0] for w in _DAYPARTS}
    | {"يوم", "شهر", "عام", "العام", "سنه", "السنه", "قبل", "منذ", "هذا", "هذه", "نفس", "ذات"}
    | {"بعد", "قبلها", "بعدها", "قبله", "بعده"}
    | {"الاسبوع", "الشهر", "اليوم", "خلال", "في", "طيله", "طوال", "علي"}
    | {"ال" + w for w in _UNITS if _UNITS[w][1] != 1}
    | {"امس", "الامس", "البارحه", "اول", "الليله", "غدا", "تلك", "ذلك"}
)  # fmt: skip
_TRIGGER = re.compile(
    # A trigger word ends at a non-letter, or at a "و" glued to the next word ("الثانيوالعشرين").
    r"(?<!\w)[وف]?[بلك]?\u0640*(?:\d|ال\u0640*\d|" + trie_regex(_TRIGGER_WORDS)
    + r"(?!(?!و)[^\W\d]))"
)
# What may sit between a weekday and the explicit date that pins it down.
_WD_GAP = re.compile(r"[\s,،]{0,3}\(?\s{0,2}(?:الموافق(?:ه)?\s{0,3})?(?:[لب]\u0640*)?\s{0,2}")
# A weak month name standing alone needs one of these right before it.
_WEAK_CTX = re.compile(r"(?<!\w)[وف]?(?:في|منذ|حتي|خلال|بحلول|قبل|بعد)\s{1,3}$")
_WS = re.compile(r"\s+")


# --- calendar helpers --------------------------------------------------------------------


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week_of(d: date) -> tuple[date, date]:
    # Weeks run Sunday..Saturday: الأحد is "the first" day in the Arabic names.
    start = d - timedelta(days=(d.weekday() + 1) % 7)
    return start, start + timedelta(days=6)


def _unit_range(unit: str, d: date, shift: int = 0) -> tuple[date, date]:
    """The calendar unit containing d, moved by shift units."""
    if unit == "day":
        x = d + timedelta(days=shift)
        return x, x
    if unit == "week":
        a, b = _week_of(d)
        return a + timedelta(weeks=shift), b + timedelta(weeks=shift)
    if unit == "month":
        first = _add_months(d.replace(day=1), shift)
        return first, _month_end(first.year, first.month)
    y = d.year + shift
    return date(y, 1, 1), date(y, 12, 31)


# Parts of a period named by a qualifier: months of a year, days of a month, and otherwise a
# fraction (numerator, denominator) of the days.
_YEAR_PARTS = {
    "early": (1, 4), "mid": (5, 8), "late": (9, 12), "h1": (1, 6), "h2": (7, 12),
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
}  # fmt: skip
_MONTH_PARTS = {
    "early": (1, 10), "mid": (11, 20), "late": (21, 31), "h1": (1, 15), "h2": (16, 31),
    "q1": (1, 7), "q2": (8, 15), "q3": (16, 23), "q4": (24, 31),
}  # fmt: skip
_DAY_PARTS = {
    "early": (0, 1, 3), "mid": (1, 2, 3), "late": (2, 3, 3), "h1": (0, 1, 2), "h2": (1, 2, 2),
    "q1": (0, 1, 4), "q2": (1, 2, 4), "q3": (2, 3, 4), "q4": (3, 4, 4),
}  # fmt: skip


def _qualify(a: date, b: date, unit: str, q: str) -> tuple[date, date]:
    """The early / mid / late (or half, quarter) part of the period [a, b]."""
    if unit == "year":
        m1, m2 = _YEAR_PARTS[q]
        return date(a.year, m1, 1), _month_end(a.year, m2)
    if unit == "month":
        d1, d2 = _MONTH_PARTS[q]
        return a.replace(day=d1), a.replace(day=min(d2, b.day))
    lo, hi, den = _DAY_PARTS[q]
    n = (b - a).days + 1
    return a + timedelta(days=n * lo // den), a + timedelta(days=-(-n * hi // den) - 1)


def _qual(word: str | None) -> str | None:
    return _QUALIFIERS[_WS.sub(" ", word)] if word else None


def _mod_kind(word: str) -> str:
    w = _WS.sub(" ", word)
    if w.startswith("قبل"):
        return "before_last"
    if w.startswith(("الماضي", "المنصرم", "الفائت", "الاخير")):
        return "past"
    if w.startswith("السابق"):
        return "prev"
    if w.startswith(("المقبل", "القادم")):
        return "next"
    if w.startswith(("الجاري", "الحالي")):
        return "current"
    if w.startswith(("نفس", "ذات")):
        return "same"
    return "following"  # التالي, الذي تلاه, التي تليها ...


def _num_value(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.lstrip("\u0640")
    if word.isdigit():
        return int(word)
    return _NUMWORDS.get(word)


def _day_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    parts = _WS.sub(" ", word).replace("و ", "و").split(" ")
    if len(parts) == 1:
        if parts[0].startswith("و"):  # "والعشرين" glued to the previous token
            return None
        return _ORDINALS.get(parts[0])
    if len(parts) == 2 and parts[1] == "عشر":
        ones = _ONES.get(parts[0])
        return 10 + ones if ones else None
    if len(parts) == 2 and parts[1] in ("والعشرين", "والثلاثين"):
        ones = _ONES.get(parts[0])
        tens = 20 if parts[1] == "والعشرين" else 30
        return tens + ones if ones else None
    return None


def _unit_of(word: str) -> tuple[str, int | None]:
    w = word.rstrip("\u064b")
    if w not in _UNITS and w.endswith("ا"):
        w = w[:-1].rstrip("\u064b")
    return _UNITS[w]


# --- resolution --------------------------------------------------------------------------

_Groups = re.Match[str] | dict[str, str | None]  # a match, or its groups edited: both do g["x"]


@dataclass
class _Anchors:
    year: int | None = None
    month: tuple[int, int] | None = None
    day: date | None = None


@dataclass
class _Res:
    """Outcome of resolving one match: a range, or nothing when it could not be resolved."""

    start: date | None
    end: date | None
    precision: Precision
    relative: bool


_UNRESOLVED_REL = _Res(None, None, "unknown", True)


def _infer_year(m: int, d: int, pub: date, weekday: int | None) -> int | None:
    """Latest year in which d/m is not after pub + 7 days (a weekday written next to the
    date may pick the year before that instead)."""
    limit = pub + timedelta(days=7)
    found: list[int] = []
    for y in range(pub.year + 1, pub.year - 9, -1):
        try:
            x = date(y, m, d)
        except ValueError:
            continue
        if x <= limit:
            found.append(y)
            if len(found) == 2:
                break
    if not found:
        return None
    if weekday is not None:
        for y in found:
            if date(y, m, d).weekday() == weekday:
                return y
    return found[0]


def _resolve_cal(
    g: _Groups, pub: date | None, anchors: _Anchors, weekday: int | None
) -> _Res | None:
    day = _day_value(g["cd"]) if g["cd"] else None
    if g["cd"] and day is None:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if g["cpm"]:
        return _resolve_day_of_month_period(g["cpm"], day, pub, anchors)
    month = _MONTHS[_WS.sub(" ", g["cm"] or "")]
    qual = _qual(g["cq"]) if day is None else None
    year: int | None = None
    relative = True
    if g["cy"]:
        year, relative = int(g["cy"]), False
    elif pub is None:
        return _UNRESOLVED_REL
    elif g["cyr"]:
        k = _mod_kind(g["cyr"].split(None, 1)[-1]) if g["cyr"][:2] == "ال" else "current"
        year = pub.year + {"past": -1, "prev": -1, "next": 1}.get(k, 0)
    elif g["cr"]:
        k = _mod_kind(g["cr"])
        if k == "current":
            year = pub.year
        elif k == "next":
            if day is not None:
                year = pub.year if (month, day) > (pub.month, pub.day) else pub.year + 1
            else:
                year = pub.year if month > pub.month else pub.year + 1
        elif day is not None:  # a named day in the past: the latest one before pub
            year = pub.year if (month, day) < (pub.month, pub.day) else pub.year - 1
        else:  # a month in the past: the latest one before pub's month
            year = pub.year if month < pub.month else pub.year - 1
    elif day is not None:
        year = _infer_year(month, day, pub, weekday)
        if year is None:
            return None
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    if day is not None:
        if day > calendar.monthrange(year, month)[1]:
            return None
        x = date(year, month, day)
        anchors.day = x
        anchors.month = (year, month)
        if not relative:
            anchors.year = year
        return _Res(x, x, "day", relative)
    a, b = date(year, month, 1), _month_end(year, month)
    anchors.month = (year, month)
    if not relative:
        anchors.year = year
    if qual:
        a, b = _qualify(a, b, "month", qual)
        return _Res(a, b, "window", relative)
    return _Res(a, b, "month", relative)


def _resolve_day_of_month_period(
    phrase: str, day: int | None, pub: date | None, anchors: _Anchors
) -> _Res | None:
    """"التاسع من الشهر الجاري", "العاشر من الشهر نفسه", "يوم 19 من ذلك الشهر": a day of a
    relative month."""
    kind = "same" if phrase.startswith("ذلك") else _mod_kind(phrase.split(None, 1)[1])
    if kind in ("same", "following", "prev") and anchors.month is not None:
        base: date | None = date(anchors.month[0], anchors.month[1], 1)
        shift = {"same": 0, "following": 1, "prev": -1}[kind]
    elif kind in ("same", "following"):
        base, shift = None, 0
    else:
        base, shift = pub, {"past": -1, "prev": -1, "next": 1, "before_last": -2}.get(kind, 0)
    if base is None:
        return _UNRESOLVED_REL
    a, b = _unit_range("month", base, shift)
    anchors.month = (a.year, a.month)
    if day is None:
        return _Res(a, b, "month", True)
    if day > b.day:
        return None
    x = a.replace(day=day)
    anchors.day = x
    return _Res(x, x, "day", True)


def _resolve_period(g: _Groups, pub: date | None, anchors: _Anchors) -> _Res:
    unit_word = g["pu0"] or g["pu1"] or g["pu2"] or g["pu3"] or ""
    that_day = g["pu4"] or g["pu5"] or g["pu6"]
    unit = "day" if that_day else {"اسبوع": "week", "شهر": "month", "عام": "year",
                                   "سنه": "year", "يوم": "day"}[unit_word[2:]]
    mod = g["pm0"] or g["pm3"]
    if g["pu1"]:
        kind = "current"
    elif g["pu2"] or that_day:
        kind = "same"
    elif mod:
        kind = _mod_kind(mod)
    else:
        kind = "current"  # "مطلع العام": the year of publication
    qual = _qual(g["pq"])
    base: date | None = None
    shift = 0
    if kind in ("same", "following", "prev"):
        shift = {"same": 0, "following": 1, "prev": -1}[kind]
        if unit == "year" and anchors.year is not None:
            base = date(anchors.year, 1, 1)
        elif unit == "month" and anchors.month is not None:
            base = date(anchors.month[0], anchors.month[1], 1)
        elif unit in ("day", "week") and anchors.day is not None:
            base = anchors.day
        elif kind == "prev" and pub is not None:
            base = pub  # "العام السابق" with nothing before it: the year before publication
    elif pub is not None:
        base = pub
        shift = {"past": -1, "next": 1, "before_last": -2}.get(kind, 0)
    if base is None:
        return _UNRESOLVED_REL
    a, b = _unit_range(unit, base, shift)
    precision: Precision = unit  # type: ignore[assignment]
    if qual:
        a, b = _qualify(a, b, unit, qual)
        precision = "window"
    if unit == "day":
        anchors.day = a
    return _Res(a, b, precision, True)


def _back(pub: date, unit: str, n: int) -> date:
    """pub moved n units into the past."""
    if unit == "hour":
        return pub - timedelta(days=-(-n // 24))
    if unit == "day":
        return pub - timedelta(days=n)
    if unit == "week":
        return pub - timedelta(weeks=n)
    return _add_months(pub, -n if unit == "month" else -12 * n)


# Half-width of the range given to "n units ago": a week ago is 4-10 days back, a month ago
# the same day last month +- 15 days, a year ago +- half a year.
_AGO_SLACK = {"week": 3, "month": 15, "year": 182}
_AGO_PRECISION: dict[str, Precision] = {"week": "week", "month": "month", "year": "year"}
_VAGUE_AGO: dict[str, tuple[int, int]] = {  # unnumbered plurals, in days back: (far, near)
    "day": (7, 1),
    "week": (42, 8),
    "month": (183, 31),
    "year": (3653, 365),
    "hour": (1, 0),
}


def _resolve_ago(g: _Groups, pub: date | None) -> _Res | None:
    unit, count = _unit_of(g["au"] or "")
    an = g["an"]
    vague = an in _VAGUE_COUNT
    n = count if an is None else _num_value(an)
    if an is not None and not vague and (n is None or n <= 0):
        return None
    if pub is None:
        return _UNRESOLVED_REL
    if n is None or vague:  # "قبل أيام", "منذ بضعة أشهر"
        far, near = _VAGUE_AGO[unit]
        return _Res(pub - timedelta(days=far), pub - timedelta(days=near), "window", True)
    c = _back(pub, unit, n)
    q = _WS.sub(" ", g["aq"] or "")
    if q.startswith(("اكثر", "ما يزيد")):  # further back than n units, up to twice that
        return _Res(_back(pub, unit, 2 * n), c, "window", True)
    if q.startswith("اقل"):
        return _Res(c, pub, "window", True)
    if unit == "day":
        return _Res(c, c, "day", True)
    if unit == "hour":
        return _Res(c, pub, "window", True)
    slack = timedelta(days=_AGO_SLACK[unit])
    return _Res(c - slack, min(c + slack, pub), _AGO_PRECISION[unit], True)


_WINDOW_DEFAULT = {"day": 7, "week": 4, "month": 3, "year": 3, "hour": 24}


def _resolve_window(g: _Groups, pub: date | None) -> _Res | None:
    unit, count = _unit_of(g["xu1"] or g["xu2"] or "")
    raw = g["xn1"] or g["xn2"]
    n = _num_value(raw) if raw else count
    if raw and (n is None or n <= 0):
        return None
    if n is None:
        n = _WINDOW_DEFAULT[unit]
    if pub is None:
        return _UNRESOLVED_REL
    a = _back(pub, unit, n)
    return _Res(a, pub, "window", True)


def _resolve_anchored(g: _Groups, anchors: _Anchors) -> _Res:
    """"قبل ذلك بيوم": a day counted from the last day written before it, never from pub."""
    if anchors.day is None:
        return _UNRESOLVED_REL
    unit, count = _unit_of(g["ku"] or "")
    raw = g["kn"]
    n = _num_value(raw) if raw else count
    sign = -1 if (g["kp"] or "").startswith("قبل") else 1
    base = anchors.day
    if n is None:  # "بعدها بأيام": some days away, a window on that side of the anchor
        far, near = _VAGUE_AGO[unit]
        a, b = base + timedelta(days=sign * near), base + timedelta(days=sign * far)
        return _Res(min(a, b), max(a, b), "window", True)
    if unit == "hour":
        return _Res(base, base, "day", True)
    if unit in ("day", "week"):
        # "قبل ذلك بأسبوع" from a day written: the same weekday, a week away
        x = base + timedelta(days=sign * n * (7 if unit == "week" else 1))
        anchors.day = x
        return _Res(x, x, "day", True)
    x = _back(base, unit, -sign * n)
    slack = timedelta(days=_AGO_SLACK[unit])
    return _Res(x - slack, x + slack, "window", True)


def _resolve_week(g: _Groups, pub: date | None, anchors: _Anchors) -> _Res:
    if pub is None:
        return _UNRESOLVED_REL
    w = _WEEKDAYS[g["wd"] or ""]
    kind = _mod_kind(g["wm"]) if g["wm"] else "bare"
    if kind == "next":
        x = pub + timedelta(days=(w - pub.weekday()) % 7 or 7)
    elif kind == "bare":  # news mostly looks back: the latest such day on or before pub
        x = pub - timedelta(days=(pub.weekday() - w) % 7)
    else:
        x = pub - timedelta(days=(pub.weekday() - w) % 7 or 7)
        if kind == "before_last":
            x -= timedelta(days=7)
    anchors.day = x
    return _Res(x, x, "day", True)


def _resolve_rel(g: _Groups, pub: date | None, anchors: _Anchors) -> _Res:
    if pub is None:
        return _UNRESOLVED_REL
    if g["ry"] is not None:
        w = _WS.sub(" ", g["ry"])
        offset = -2 if w.startswith("اول") or w.endswith("الاول") else -1
    elif g["rn"] is not None:
        offset = -1
    elif g["rg"] is not None:
        offset = 1
    else:
        offset = 0
    x = pub + timedelta(days=offset)
    anchors.day = x
    return _Res(x, x, "day", True)


def _resolve_year(g: _Groups, anchors: _Anchors) -> _Res | None:
    y = int(g["yy"] or g["yy2"] or "0")
    lo = 1000 if g["yy"] else 1900  # a bare number after "في" is a year only if plausible
    if not lo <= y <= 2100:
        return None
    a, b = date(y, 1, 1), date(y, 12, 31)
    anchors.year = y
    qual = _qual(g["yq"])
    if qual:
        a, b = _qualify(a, b, "year", qual)
        return _Res(a, b, "window", False)
    return _Res(a, b, "year", False)


def _resolve_num(g: _Groups, anchors: _Anchors) -> _Res | None:
    if g["nd"] is not None:
        d, m, y = int(g["nd"] or 0), int(g["nm"] or 0), int(g["ny"] or 0)
    else:
        d, m, y = int(g["id"] or 0), int(g["im"] or 0), int(g["iy"] or 0)
    try:
        x = date(y, m, d)
    except ValueError:
        return None
    anchors.year, anchors.month, anchors.day = y, (y, m), x
    return _Res(x, x, "day", False)


# --- scanning ----------------------------------------------------------------------------


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    groups: _Groups
    weekday: int | None = None  # a weekday written just before an explicit date


def _scan(shadow: str, starts: Iterable[int] | None = None) -> list[_Cand]:
    """Leftmost, non-overlapping matches of _MASTER tried at trigger words (or at `starts`)."""
    out: list[_Cand] = []
    last = 0
    if starts is None:
        starts = (t.start() for t in _TRIGGER.finditer(shadow))
    for pos in starts:
        if pos < last:
            continue
        m = _MASTER.match(shadow, pos)
        if m is None:
            continue
        kind = m.lastgroup or ""
        s, e = m.span(kind)
        g: _Groups = m
        if kind == "CAL":
            if m["cy"] and not 1000 <= int(m["cy"]) <= 2100:
                e = m.end("cme")  # a 4-digit count after a month, not a year
                g = {**m.groupdict(), "cy": None}
            month_word = _WS.sub(" ", g["cm"] or "")
            alone = not (g["cd"] or g["cq"] or g["csh"] or g["cy"] or g["cyr"] or g["cr"])
            if alone and month_word in _WEAK_MONTHS and not _weak_ok(shadow, s):
                continue
            if g["cd"] and not g["cd"].isdigit() and _modifies_noun(shadow, s):
                continue  # "الأسبوع الأول من أكتوبر": later triggers (the month) still get tried
        last = m.end()
        out.append(_Cand(s, e, kind, g))
    return out


def _weak_ok(shadow: str, pos: int) -> bool:
    # look only a few characters back: searching the whole prefix would be quadratic
    return _WEAK_CTX.search(shadow, max(0, pos - 12), pos) is not None


_PREV_DEFINITE = re.compile(r"(?<!\w)[وف]?[بلك]?(ال\w+)\s{1,3}$")


def _modifies_noun(shadow: str, pos: int) -> bool:
    """True when an ordinal at pos follows a definite noun it qualifies ("النصف الأول")."""
    m = _PREV_DEFINITE.search(shadow, max(0, pos - 24), pos)
    return m is not None and m.group(1) not in _WEEKDAYS and m.group(1) != "اليوم"


def _merge_weekdays(cands: list[_Cand], shadow: str) -> list[_Cand]:
    """"الأحد الموافق 27-10-2019" / "الأحد 27 أكتوبر": one mention, the explicit date wins."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if c.kind == "WEEK" and i + 1 < len(cands):
            nxt = cands[i + 1]
            explicit = nxt.kind == "NUM" or (nxt.kind == "CAL" and nxt.groups["cd"])
            if explicit and _WD_GAP.fullmatch(shadow, c.end, nxt.start):
                wd = _WEEKDAYS[c.groups["wd"] or ""]
                out.append(_Cand(c.start, nxt.end, nxt.kind, nxt.groups, wd))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


def _resolve(c: _Cand, pub: date | None, anchors: _Anchors) -> _Res | None:
    g = c.groups
    try:
        if c.kind == "CAL":
            return _resolve_cal(g, pub, anchors, c.weekday)
        if c.kind == "NUM":
            return _resolve_num(g, anchors)
        if c.kind == "YEAR":
            return _resolve_year(g, anchors)
        if c.kind == "WEEK":
            return _resolve_week(g, pub, anchors)
        if c.kind == "REL":
            return _resolve_rel(g, pub, anchors)
        if c.kind == "AGO":
            return _resolve_ago(g, pub)
        if c.kind == "ANCH":
            return _resolve_anchored(g, anchors)
        if c.kind == "WINDOW":
            return _resolve_window(g, pub)
        return _resolve_period(g, pub, anchors)
    except (OverflowError, ValueError):  # arithmetic beyond year 1..9999
        return _UNRESOLVED_REL


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every temporal expression in text, in order, non-overlapping, resolved if possible.

    Relative expressions need `published` (or an explicit date earlier in the text for
    "العام التالي" / "الشهر نفسه"); without it they come back with resolved=False and an
    unknown value.
    """
    if isinstance(published, datetime):
        published = published.date()
    shadow = _shadow(text)
    anchors = _Anchors()
    out: list[DateMention] = []
    for c in _merge_weekdays(_scan(shadow), shadow):
        r = _resolve(c, published, anchors)
        if r is None:
            continue
        expr = text[c.start : c.end]
        if c.kind == "CAL" and c.groups["cd"] and c.groups["cd"].isdigit():
            out.extend(_listed_days(text, shadow, c.start, r, out[-1].end if out else 0))
        if r.start is None or r.end is None:
            out.append(DateMention(c.start, c.end, DateValue.unknown(expr), r.relative, False))
        else:
            value = DateValue(r.start, r.end, r.precision, expr)
            out.append(DateMention(c.start, c.end, value, r.relative, True))
    return out


# One more day of a list written before a full date: "19 و24 و26 سبتمبر", "3، 5 و9 أكتوبر".
_LISTED_DAY = re.compile(
    r"(?:(?<!\w)|(?<=(?<!\w)و))(\d{1,2})\s{0,3}(?:[,،]\s{0,3}|و\s{0,2}|[,،]\s{0,3}و\s{0,2})$"
)
_MAX_LISTED = 12


def _listed_days(text: str, shadow: str, pos: int, last: _Res, floor: int) -> list[DateMention]:
    """The days listed before the date at pos, each in that date's month and year."""
    found: list[DateMention] = []
    while len(found) < _MAX_LISTED:
        m = _LISTED_DAY.search(shadow, max(floor, pos - 12), pos)
        if m is None:
            break
        day = int(m.group(1))
        start, end = m.start(1), m.end(1)
        if last.start is None or last.precision != "day":
            found.append(DateMention(start, end, DateValue.unknown(text[start:end]),
                                     last.relative, False))
        else:
            try:
                x = last.start.replace(day=day)
            except ValueError:
                break
            found.append(DateMention(start, end, DateValue(x, x, "day", text[start:end]),
                                     last.relative, True))
        pos = m.start()
    return found[::-1]


_WEEKDAY_WORD = re.compile(r"(?<!\w)[وفب]?(" + "|".join(_WEEKDAYS) + r")(?!\w)")


def weekday_named(expression: str) -> int | None:
    """The weekday (``date.weekday()`` numbering) an expression names without a day of the
    month: "الثلاثاء", "يوم الخميس الماضي", "فجر الجمعة"; None for "الأحد 27 أكتوبر".

    A strike called by its weekday ("غارة الثلاثاء") can be matched to a strike already told
    even when the article's publication day, and so the date itself, is unknown."""
    shadow = _shadow(expression)
    found = _WEEKDAY_WORD.search(shadow)
    if found is None or any(ch.isdigit() for ch in shadow) or any(
            month in shadow.split() for month in _MONTHS):
        return None
    return _WEEKDAYS[found.group(1)]


def latest_absolute_date(text: str) -> date | None:
    """The latest full date (day, month and year all written) in text, or None.

    An article cannot be older than the dates it cites, so this bounds its publication date.
    """
    best: date | None = None
    for m in find_dates(text, None):
        if m.resolved and not m.relative and m.value.precision == "day" and m.value.start:
            if best is None or m.value.start > best:
                best = m.value.start
    return best


_PERIOD_PRECISION: dict[str, Precision] = {"day": "day", "week": "week", "month": "month"}


def parse_date(expr: str, published: date | None = None) -> DateValue | None:
    """One date string (metadata field, date line): ISO 8601 with or without time, numeric
    day-first dates, Arabic written dates; odd formats go to dateparser. None if no date."""
    s = expr.strip()
    if not s:
        return None
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s)
        return DateValue(dt.date(), dt.date(), "day", expr)
    except ValueError:
        pass
    found = find_dates(s, published)
    if found:
        best = max(found, key=lambda m: m.end - m.start)
        v = best.value
        return DateValue(v.start, v.end, v.precision, best.value.text)
    return _parse_with_dateparser(s, published)


def _parse_with_dateparser(s: str, published: date | None) -> DateValue | None:
    from email.utils import parsedate_to_datetime

    try:  # RFC 2822, as in feeds and HTTP headers
        dt = parsedate_to_datetime(s)
        return DateValue(dt.date(), dt.date(), "day", s)
    except (TypeError, ValueError, IndexError):
        pass
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    data = DateDataParser(languages=["ar", "en"], settings=settings).get_date_data(s)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        return DateValue(d.replace(day=1), _month_end(d.year, d.month), "month", s)
    if period == "year":
        return DateValue(date(d.year, 1, 1), date(d.year, 12, 31), "year", s)
    if period == "week":
        a, b = _week_of(d)
        return DateValue(a, b, "week", s)
    return DateValue(d, d, _PERIOD_PRECISION.get(period, "day"), s)
