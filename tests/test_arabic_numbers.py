"""Tests for number mentions in Arabic news text."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.arabic_numbers import NumberMention, find_numbers, parse_cardinal
from claimtrack.arabic_text import normalize_key

_TO_ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")
_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _check_spans(text: str, found: list[NumberMention]) -> None:
    prev_end = 0
    for m in found:
        assert prev_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        if m.noun_end is not None:
            assert m.start < m.noun_end <= len(text)
        prev_end = m.end


def _all(text: str) -> list[NumberMention]:
    found = find_numbers(text)
    _check_spans(text, found)
    return found


def _one(text: str) -> NumberMention:
    found = _all(text)
    assert len(found) == 1, [(m.text, m.role) for m in found]
    return found[0]


def _noun_text(text: str, m: NumberMention) -> str:
    assert m.noun_end is not None
    return text[: m.noun_end]


# --- counts in every script -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("أسفرت الغارة عن مقتل 11 شخصا قرب الحدود", 11, "شخصا"),
        ("أسفرت الغارة عن مقتل ١١ شخصا قرب الحدود", 11, "شخصا"),
        ("أسفرت الغارة عن مقتل ۱۱ شخصا قرب الحدود", 11, "شخصا"),
        ("عثر السكان على 3 جثث في المزرعة", 3, "جثث"),
        ("نزح 1,200 شخص من البلدة", 1200, "شخص"),
        ("نزح ١٬٢٠٠ شخص من البلدة", 1200, "شخص"),
        ("نزح 1.200 شخص من البلدة", 1200, "شخص"),
        ("قالت البلدية إن 2000 مقاتل دخلوا المدينة", 2000, "مقاتل"),
        ("أحصت المنظمة 17 آخرين بين الجرحى", 17, "اخرين"),
    ],
)
def test_digit_counts(text: str, value: int, noun: str) -> None:
    m = _one(text)
    assert (m.value, m.role, m.qualifier, m.noun, m.vague) == (value, "count", "exact", noun, False)
    assert m.fraction is None


def test_noun_end_points_at_the_noun_in_the_original() -> None:
    text = "قُتل 36 “إرهابيا” في الهجوم"
    m = _one(text)
    assert m.noun == "ارهابيا"
    assert _noun_text(text, m).endswith("إرهابيا")


def test_noun_after_min() -> None:
    m = _one("أعلنت القيادة مقتل ثمانية من عناصر التنظيم")
    assert (m.value, m.noun, m.role) == (8, "عناصر", "count")


@pytest.mark.parametrize(
    ("text", "number", "value"),
    [
        ("شنت الطائرات و24 غارة", "24", 24),
        ("تعرضت المنطقة ل 11 ضربة", "11", 11),
        ("ارتفعت الحصيلة لـ17 قتيلا", "17", 17),
        ("استهدفت بـ٨ صواريخ", "٨", 8),
        ("تعرض الرتل بــ5 قذائف", "5", 5),
        ("أصيب فيها كذلك بثلاثة جرحى", "ثلاثة", 3),
        ("وثمانية مدنيين بين القتلى", "ثمانية", 8),
    ],
)
def test_attached_prefixes_stay_outside_the_span(text: str, number: str, value: int) -> None:
    m = _one(text)
    assert (m.text, m.value, m.role) == (number, value, "count")


# --- number words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("وقتل في الهجوم ثمانية عناصر", 8, "عناصر"),
        ("ودمرت ثماني آليات", 8, "اليات"),
        ("وصل ثمان نساء إلى المستشفى", 8, "نساء"),
        ("قالت إن ست ضربات جوية نفذت", 6, "ضربات"),
        ("قالت إن ستة مقاتلين قتلوا", 6, "مقاتلين"),
        ("أدت إلى تدمير ثلاث مركبات", 3, "مركبات"),
        ("أدت إلى مقتل ثلاثة أشخاص", 3, "اشخاص"),
        ("قتل اثنان من الحراس", 2, "الحراس"),
        ("أوقف اثنين من المشتبه بهم", 2, "المشتبه"),
        ("أصيبت اثنتين من الممرضات", 2, "الممرضات"),
        ("أعلن مقتل سبعة عشر مسلحا", 17, "مسلحا"),
        ("أعلن مقتل أحد عشر مسلحا", 11, "مسلحا"),
        ("نفذت إحدى عشرة غارة", 11, "غاره"),
        ("أصيب اثنا عشر جنديا", 12, "جنديا"),
        ("دمرت اثنتي عشرة سيارة", 12, "سياره"),
        ("عاد خمسة وعشرون نازحا", 25, "نازحا"),
        ("رصدت خمس وعشرين شاحنة", 25, "شاحنه"),
        ("سلم عشرين أسيرا", 20, "اسيرا"),
        ("استقبلت المدينة مائة وخمسين عائلة", 150, "عايله"),
        ("وزعت مئة سلة غذائية", 100, "سله"),
        ("أجلت مئتين وخمسة مرضى", 205, "مرضي"),
        ("نقلت ثلاثمائة لاجئ", 300, "لاجي"),
        ("نقلت ثلاث مئة لاجئ", 300, "لاجي"),
        ("فر ألف ومئتي شخص", 1200, "شخص"),
        ("فر ثلاثة آلاف شخص", 3000, "شخص"),
        ("فر خمسة وعشرون ألف شخص", 25000, "شخص"),
        ("فر مئتا ألف نازح", 200000, "نازح"),
        ("أحصت الأمم المتحدة مليون نازح", 10**6, "نازح"),
    ],
)
def test_word_counts(text: str, value: int, noun: str) -> None:
    m = _one(text)
    assert (m.value, m.role, m.noun, m.qualifier) == (value, "count", noun, "exact")


@pytest.mark.parametrize(
    "text",
    [
        "وقعت الغارة يوم الثلاثاء الماضي",
        "أعلنت القيادة يوم الأحد أن أحد المصادر أكد الخبر",
        "نفذت العمليتان في آن واحد",
        "قال إن الانتخابات ستتم قريبا",
        "يستأنف العمل يوم الاثنين المقبل",
        "ورد الخبر يوم الإثنين والأربعاء والخميس",
        "استهدفت ضربة جوية موقعا للتنظيم",
        "نفذت غارة على المعسكر",
        "قتل مدنيين ومسلحين في الاشتباكات",
        "قال مسؤول إن واحدا من الجنود أصيب",
        "التقى الوفد بأحد القادة",
        "لست متأكدا من الرقم",
        "الحرب العالمية الثانية وكانون الأول وتشرين الثاني",
    ],
)
def test_traps_are_not_counts(text: str) -> None:
    assert [m for m in _all(text) if m.role == "count"] == []


# --- duals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "noun", "role"),
    [
        ("نفذ الجيش ضربتين جويتين", "ضربتين", "count"),
        ("نفذ الجيش غارتين جويتين", "غارتين", "count"),
        ("قتل جنديين في الهجوم", "جنديين", "count"),
        ("أصيب مسلحان في الاشتباك", "مسلحان", "count"),
        ("استهدفت الطائرة بمركبتين", "مركبتين", "count"),
        ("استمر القصف يومين", "يومين", "duration"),
        ("توقفت المحادثات لمدة شهرين", "شهرين", "duration"),
    ],
)
def test_duals(text: str, noun: str, role: str) -> None:
    m = _one(text)
    assert (m.value, m.noun, m.role, m.qualifier) == (2, noun, role, "exact")
    assert _noun_text(text, m).endswith(m.text)


def test_dual_with_emphasis_word() -> None:
    m = _one("نفذت القوات غارتين اثنتين فقط")
    assert (m.value, m.text, m.noun) == (2, "غارتين اثنتين", "غارتين")


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("قضى مسعفان في القصف", "مسعفان"),
        # the construct dual loses its nun before the noun it belongs to
        ("قتل سائقا الشاحنتين على الفور", "سايقا"),
        # a two after its plural noun, with another noun after it
        ("أدت الغارة إلى إصابة مسافرَين اثنين بشظايا", "مسافرين"),
    ],
)
def test_duals_of_people_named_by_their_work(text: str, noun: str) -> None:
    m = _one(text)
    assert (m.value, m.noun, m.role) == (2, noun, "count")


@pytest.mark.parametrize("text", ["كان سائقا ماهرا", "وقف شخصا واحدا", "عين موظفا جديدا"])
def test_an_accusative_singular_is_no_construct_dual(text: str) -> None:
    assert [m for m in _all(text) if m.value == 2] == []


# --- qualifiers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "value"),
    [
        ("قضت الغارات على نحو 36 عنصرا", "نحو 36", "about", 36),
        ("قتل حوالي 40 شخصا", "حوالي 40", "about", 40),
        ("قتل حوالى 40 شخصا", "حوالى 40", "about", 40),
        ("فر قرابة 300 عائلة", "قرابة 300", "about", 300),
        ("فر زهاء ألف شخص", "زهاء ألف", "about", 1000),
        ("قتل ما يقارب 20 مسلحا", "ما يقارب 20", "about", 20),
        ("قتل ما يقرب من 20 مسلحا", "ما يقرب من 20", "about", 20),
        ("بنحو 15 كيلومترا", "نحو 15", "about", 15),
        ("قتل أكثر من 100 شخص", "أكثر من 100", "at_least", 100),
        ("قتل ما يزيد عن 50 مدنيا", "ما يزيد عن 50", "at_least", 50),
        ("قتل ما يزيد على 50 مدنيا", "ما يزيد على 50", "at_least", 50),
        ("قتل ما لا يقل عن 9 أشخاص", "ما لا يقل عن 9", "at_least", 9),
        ("قتل لا يقل عن 9 أشخاص", "لا يقل عن 9", "at_least", 9),
        ("بلغ عددهم لأكثر من عشرة آلاف", "أكثر من عشرة آلاف", "at_least", 10000),
        ("تقلص عددهم إلى أقل من 150 عنصرا", "أقل من 150", "at_most", 150),
        ("بقي ما لا يزيد عن 30 مقاتلا", "ما لا يزيد عن 30", "at_most", 30),
        ("بقي عدد لا يتجاوز 30 مقاتلا", "لا يتجاوز 30", "at_most", 30),
    ],
)
def test_leading_qualifiers(text: str, span: str, qualifier: str, value: int) -> None:
    m = _one(text)
    assert (m.text, m.qualifier, m.value) == (span, qualifier, value)


def test_trailing_qualifiers() -> None:
    m = _one("قتل 8 أشخاص على الأقل في القصف")
    assert (m.text, m.qualifier, m.noun) == ("8", "at_least", "اشخاص")
    m = _one("قتل 12 مسلحا تقريبا")
    assert (m.text, m.qualifier) == ("12", "about")


def test_qualifier_without_a_number_is_nothing() -> None:
    assert _all("أعلنت الحكومة في أكثر من مناسبة دعمها") == []
    assert _all("في ظرف لا يتجاوز الأسبوع") == []


@pytest.mark.parametrize(
    ("text", "span", "noun"),
    [
        ("أسفر القصف عن مصرع عدد من مقاتلي الجماعة", "عدد من", "مقاتلي"),
        ("اعتقلت عددا من المشتبه بهم", "عددا من", "المشتبه"),
        ("سقط عدد كبير من الضحايا", "عدد كبير من", "الضحايا"),
        ("نزح العديد من السكان", "العديد من", "السكان"),
    ],
)
def test_unspecified_counts(text: str, span: str, noun: str) -> None:
    m = _one(text)
    assert (m.text, m.value, m.qualifier, m.role, m.noun, m.vague) == (
        span, None, "unspecified", "count", noun, False,
    )


# --- vague quantities -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("سقط عشرات القتلى في القصف", 12, "القتلي"),
        ("أصيب العشرات من المدنيين", 12, "المدنيين"),
        ("نزحت مئات العائلات", 100, "العايلات"),
        ("نزح المئات من السكان", 100, "السكان"),
        ("عبر آلاف المهاجرين الحدود", 1000, "المهاجرين"),
        ("فر عشرات الآلاف من المدنيين", 12000, "المدنيين"),
        ("شارك بضعة مقاتلين", 3, "مقاتلين"),
        ("اعتقلت بضع نساء", 3, "نساء"),
        ("انتشرت الخلايا في عدة مناطق", 3, "مناطق"),
    ],
)
def test_vague_quantities(text: str, value: int, noun: str) -> None:
    m = _one(text)
    assert (m.value, m.vague, m.qualifier, m.role, m.noun) == (
        value, True, "at_least", "count", noun,
    )


def test_vague_with_explicit_qualifier_and_unit() -> None:
    m = _one("دام القصف بضع ساعات")
    assert (m.value, m.role, m.vague) == (3, "duration", True)
    m = _one("اختفى نحو عشرات الأشخاص")
    assert (m.qualifier, m.value) == ("about", 12)


def test_vague_few_needs_a_noun() -> None:
    assert _all("أعد المقاتلون عدة.") == []


# --- roles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("طرد التنظيم من المدينة عام 2016", "2016", 2016),
        ("في يونيو 2015 حين انسحبت القوات", "2015", 2015),
        ("خلال العام 2019 تراجع التنظيم", "2019", 2019),
        ("وقعت الحادثة سنة 1969 في طرابلس", "1969", 1969),
        ("تأسست عام 1441 هـ", "1441", 1441),
        ("وذلك في 2011 بعد الثورة", "2011", 2011),
    ],
)
def test_years(text: str, span: str, value: int) -> None:
    m = _one(text)
    assert (m.text, m.value, m.role) == (span, value, "year")


def test_years_and_dates_together() -> None:
    found = _all("في ديسمبر (كانون الأول) 2016 وفي 4 أبريل (نيسان) الماضي")
    assert [(m.text, m.role) for m in found] == [("2016", "year"), ("4", "date")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("قتلوا في 19 سبتمبر الماضي", "19", 19),
        ("في 27 من سبتمبر", "27", 27),
        ("في 26 من شهر سبتمبر", "26", 26),
        ("بتاريخ 3 أيلول", "3", 3),
        ("يوم 5 أفريل", "5", 5),
        ("يوم 14 جويلية", "14", 14),
        ("يوم 15 أوت", "15", 15),
        ("يوم 1 ماي", "1", 1),
        ("الأحد الموافق لــ27-10-2019 أعلن", "27-10-2019", 27),
        ("الموافق 27/10/2019", "27/10/2019", 27),
        ("بتاريخ ٢٧/١٠/٢٠١٩", "٢٧/١٠/٢٠١٩", 27),
        ("بتاريخ 2019-10-27", "2019-10-27", 27),
    ],
)
def test_dates(text: str, span: str, value: int) -> None:
    m = _one(text)
    assert (m.text, m.value, m.role) == (span, value, "date")


def test_coordinated_dates() -> None:
    found = _all("قتلوا في غارتين في 19 سبتمبر؛ و24 من سبتمبر")
    assert [(m.text, m.role) for m in found] == [
        ("غارتين", "count"), ("19", "date"), ("24", "date"),
    ]
    found = _all("في 19 و24 سبتمبر")
    assert [(m.value, m.role) for m in found] == [(19, "date"), (24, "date")]


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("على مسافة 240 كيلومترا من الساحل", 240, "كيلومترا"),
        ("تبعد 160 كلم عن الساحل", 160, "كلم"),
        ("على بعد 30 كم من المدينة", 30, "كم"),
        ("على بعد 500 متر من المنزل", 500, "متر"),
        ("على بعد 12 ميلا من الشاطئ", 12, "ميلا"),
    ],
)
def test_distances(text: str, value: int, noun: str) -> None:
    m = _one(text)
    assert (m.value, m.role, m.noun) == (value, "distance", noun)


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("عجز التنظيم خلال 6 سنوات عن التمدد", 6, "سنوات"),
        ("استمرت الحملة ستة أشهر", 6, "اشهر"),
        ("خلال العشرة أيام الأخيرة", 10, "ايام"),
        ("بعد 48 ساعة من القصف", 48, "ساعه"),
        ("منذ 3 أسابيع", 3, "اسابيع"),
        ("قبل 20 دقيقة", 20, "دقيقه"),
        ("سجن 15 عاما", 15, "عاما"),
    ],
)
def test_durations(text: str, value: int, noun: str) -> None:
    m = _one(text)
    assert (m.value, m.role, m.noun) == (value, "duration", noun)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("تراجعت الهجمات بنسبة 45%", 45),
        ("تراجعت الهجمات بنسبة ٤٥٪", 45),
        ("تراجعت الهجمات 30 في المئة", 30),
        ("تراجعت الهجمات 30 في المائة", 30),
        ("تراجعت الهجمات 30 بالمئة", 30),
    ],
)
def test_percent(text: str, value: int) -> None:
    m = _one(text)
    assert (m.value, m.role) == (value, "percent")


@pytest.mark.parametrize(
    ("text", "span", "value", "noun"),
    [
        ("خصصت الحكومة 500 دولار لكل أسرة", "500", 500, "دولار"),
        ("بلغت الخسائر 3 ملايين دينار", "3 ملايين", 3_000_000, "دينار"),
        ("بقيمة 2.5 مليون يورو", "2.5 مليون", 2_500_000, "يورو"),
        ("دفع خمسة آلاف دولار", "خمسة آلاف", 5000, "دولار"),
    ],
)
def test_money(text: str, span: str, value: int, noun: str) -> None:
    m = _one(text)
    assert (m.text, m.value, m.role, m.noun) == (span, value, "money", noun)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الضربة الأولى استهدفت منزلا", 1),
        ("الضربة الثانية كانت قرب مرزق", 2),
        ("هي الثالثة خلال أسبوع", 3),
        ("إنها الضربة الثالث على التوالي", 3),
        ("دخلت الحرب شهرها السابع", 7),
        ("في الذكرى العاشرة للثورة", 10),
        ("للمرة الحادية عشرة", 11),
        ("في الحادي عشر من الشهر", 11),
        ("الثالث عشر من أكتوبر", 13),
        ("في السادس والعشرين من شهر سبتمبر", 26),
        ("في اليوم الحادي والعشرين", 21),
        ("للمرة الخامسة والعشرين", 25),
        ("هذه ثالث ضربة خلال أسبوع", 3),
        ("في القرن العشرين", 20),
    ],
)
def test_ordinals(text: str, value: int) -> None:
    m = _one(text)
    assert (m.value, m.role, m.noun) == (value, "ordinal", None)


@pytest.mark.parametrize(
    ("text", "span", "fraction", "qualifier", "noun"),
    [
        ("قتل أكثر من ربع أفراد التنظيم", "أكثر من ربع", 0.25, "at_least", "افراد"),
        ("دمر نصف المنازل", "نصف", 0.5, "exact", "المنازل"),
        ("نزح ثلث السكان", "ثلث", 1 / 3, "exact", "السكان"),
        ("نزح ثلثا السكان", "ثلثا", 2 / 3, "exact", "السكان"),
        ("دمر ثلاثة أرباع الحي", "ثلاثة أرباع", 0.75, "exact", None),
    ],
)
def test_fractions(
    text: str, span: str, fraction: float, qualifier: str, noun: str | None,
) -> None:
    m = _one(text)
    assert (m.text, m.role, m.value, m.qualifier, m.noun) == (
        span, "fraction", None, qualifier, noun,
    )
    assert m.fraction == pytest.approx(fraction)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("قالت قناة 218 إن القصف استمر", "218"),
        ("نقل موقع 218 الخبر", "218"),
        ("أفادت 218 نيوز بوقوع انفجار", "218"),
        ("بثت 218 تي في لقطات", "218"),
        ("حلقت طائرة mq-9 فوق المدينة", "9"),
    ],
)
def test_names(text: str, span: str) -> None:
    m = _one(text)
    assert (m.text, m.role) == (span, "name")


def test_other_without_noun() -> None:
    m = _one("ارتفعت الحصيلة إلى 17.")
    assert (m.value, m.role, m.noun) == (17, "other", None)
    m = _one("وقع الانفجار عند الساعة 10:30 صباحا")
    assert (m.text, m.role) == ("10:30", "other")


def test_coordinated_range_shares_the_noun() -> None:
    found = _all("قتل بين 8 و11 قتيلا")
    assert [(m.value, m.role, m.noun) for m in found] == [
        (8, "count", "قتيلا"), (11, "count", "قتيلا"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "role", "noun"),
    [
        ("خلال الأيام العشرة الأخيرة", 10, "duration", None),
        ("قتل العناصر الثمانية", 8, "count", None),
        ("ارتفع العدد إلى العشرين", 20, "other", None),
        # a noun made definite by its pronoun: "all five of its members"
        ("أكد مقتل جميع أفرادها الخمسة", 5, "count", None),
    ],
)
def test_definite_number_after_a_definite_noun(text: str, value: int, role: str,
                                               noun: str | None) -> None:
    m = _one(text)
    assert (m.value, m.role, m.noun, m.noun_end) == (value, role, noun, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أوقعت الغارة قتيلا وجريحين", [(1, "قتيلا"), (2, "جريحين")]),
        ("أسفر القصف عن سقوط قتيل واحد", [(1, "قتيل")]),
        ("خلفت قتيلين وجريحا", [(2, "قتيلين"), (1, "جريحا")]),
        ("لم يسقط قتيل في الغارة", []),
        ("كان القتيل يعمل راعيا", []),
    ],
)
def test_a_singular_casualty_noun_is_one(text: str, expected: list[tuple[int, str]]) -> None:
    found = [(m.value, m.noun) for m in find_numbers(text) if m.role == "count"]
    assert found == [(v, normalize_key(n)) for v, n in expected]


def test_decimal_rounds_half_up() -> None:
    m = _one("على بعد 3.5 كم")
    assert (m.value, m.role) == (4, "distance")


# --- a whole paragraph in news style --------------------------------------------------------


def test_paragraph() -> None:
    text = (
        "قال بيان عسكري أمريكي، الجمعة، إن غارتين جويتين نفذتا في "
        "19 و24 من سبتمبر أسفرتا عن مقتل 19 عنصرا، فيما قتل 17 آخرون في غارة ثالثة "
        "على بعد نحو 160 كيلومترا، ليصل المجموع إلى نحو 36 عنصرا خلال عشرة أيام."
    )
    got = [(m.text, m.value, m.role, m.qualifier) for m in _all(text)]
    assert got == [
        ("غارتين", 2, "count", "exact"),
        ("19", 19, "date", "exact"),
        ("24", 24, "date", "exact"),
        ("19", 19, "count", "exact"),
        ("17", 17, "count", "exact"),
        ("ثالثة", 3, "ordinal", "exact"),
        ("نحو 160", 160, "distance", "about"),
        ("نحو 36", 36, "count", "about"),
        ("عشرة", 10, "duration", "exact"),
    ]


# --- parse_cardinal -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("سبعة عشر", 17),
        ("مائة وخمسين", 150),
        ("ثماني", 8),
        ("ثمان", 8),
        ("ست", 6),
        ("ستة", 6),
        ("اثنان", 2),
        ("اثنتين", 2),
        ("واحد", 1),
        ("واحدة", 1),
        ("أحد عشر", 11),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("اثني عشر", 12),
        ("تسعة عشر", 19),
        ("عشرون", 20),
        ("عشرين", 20),
        ("خمسة وعشرون", 25),
        ("خمس وعشرين", 25),
        ("خمس و عشرين", 25),
        ("مئة", 100),
        ("مئتان", 200),
        ("مائتين", 200),
        ("ثلاثمائة", 300),
        ("ثمانمئة", 800),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("ثلاثة آلاف", 3000),
        ("ألف ومئتي", 1200),
        ("ألف وتسعمائة وتسعة وتسعون", 1999),
        ("مليون وخمسمائة ألف", 1_500_000),
        ("الثلاثة", 3),
        ("١٧", 17),
        ("1,200", 1200),
    ],
)
def test_parse_cardinal(words: str, value: int) -> None:
    assert parse_cardinal(words) == value


@pytest.mark.parametrize(
    "words", ["", "الثلاثاء", "ستتم", "عشرات", "مرزق", "سبعة مرزق", "خمسة عشرون", "1,20"],
)
def test_parse_cardinal_rejects(words: str) -> None:
    assert parse_cardinal(words) is None


# Our own speller for 1..999: the forms used with masculine and feminine counted nouns,
# nominative and oblique cases, both spellings of the hundred, glued or spaced hundreds.
_UNIT_M = {1: ("واحد",), 2: ("اثنان", "اثنين"), 3: ("ثلاثة",), 4: ("أربعة",), 5: ("خمسة",),
           6: ("ستة",), 7: ("سبعة",), 8: ("ثمانية",), 9: ("تسعة",)}
_UNIT_F = {1: ("واحدة", "إحدى"), 2: ("اثنتان", "اثنتين"), 3: ("ثلاث",), 4: ("أربع",),
           5: ("خمس",), 6: ("ست",), 7: ("سبع",), 8: ("ثماني", "ثمان"), 9: ("تسع",)}
_TENS = {2: ("عشرون", "عشرين"), 3: ("ثلاثون", "ثلاثين"), 4: ("أربعون", "أربعين"),
         5: ("خمسون", "خمسين"), 6: ("ستون", "ستين"), 7: ("سبعون", "سبعين"),
         8: ("ثمانون", "ثمانين"), 9: ("تسعون", "تسعين")}
_HUNDRED_STEM = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان", 9: "تسع"}


def _pick(options: tuple[str, ...], k: int) -> str:
    return options[k % len(options)]


def _spell(n: int, fem: bool, oblique: bool, k: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    case = 1 if oblique else 0
    if hundreds == 1:
        parts.append(_pick(("مائة", "مئة"), k))
    elif hundreds == 2:
        parts.append(_pick(("مائتين", "مئتين") if oblique else ("مائتان", "مئتان"), k))
    elif hundreds:
        hundred = _pick(("مائة", "مئة"), k)
        sep = "" if k % 3 else " "
        parts.append(_HUNDRED_STEM[hundreds] + sep + hundred)
    if rest:
        units = _UNIT_F if fem else _UNIT_M
        tens, unit = divmod(rest, 10)
        if rest < 10:
            parts.append(_pick(units[rest], k + case))
        elif rest == 10:
            parts.append("عشر" if fem else "عشرة")
        elif rest == 11:
            parts.append("إحدى عشرة" if fem else "أحد عشر")
        elif rest == 12:
            two = ("اثنتي", "اثنتا") if fem else ("اثني", "اثنا")
            parts.append(two[case] + (" عشرة" if fem else " عشر"))
        elif rest < 20:
            parts.append(_pick(units[unit], k) + (" عشرة" if fem else " عشر"))
        else:
            ten_word = _TENS[tens][case]
            parts.append(f"{_pick(units[unit], k)} و{ten_word}" if unit else ten_word)
    return " و".join(parts)


@settings(max_examples=400)
@given(st.integers(1, 999), st.booleans(), st.booleans(), st.integers(0, 5))
def test_parse_cardinal_round_trips_spelled_numbers(
    n: int, fem: bool, oblique: bool, k: int,
) -> None:
    words = _spell(n, fem, oblique, k)
    assert parse_cardinal(words) == n, words


@settings(max_examples=200)
@given(st.integers(13, 999), st.booleans(), st.booleans(), st.integers(0, 5))
def test_spelled_numbers_are_found_in_text(n: int, fem: bool, oblique: bool, k: int) -> None:
    words = _spell(n, fem, oblique, k)
    text = f"وأحصى المرصد {words} ضحية"
    m = _one(text)
    assert (m.value, m.role, m.noun) == (n, "count", normalize_key("ضحية"))
    assert normalize_key(m.text) == normalize_key(words)


# --- properties over arbitrary input ----------------------------------------------------------

_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآىةؤئء\u0640\u064e\u200f"
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹.,٫٬%٪-/:،؛؟“”«»\n"
)
_WORDS = [
    "ثلاثة", "عشر", "وعشرين", "مائة", "ألف", "آلاف", "عشرات", "نحو", "أكثر", "من", "عدد",
    "ربع", "الثالثة", "الحادي", "غارتين", "عنصرا", "سبتمبر", "عام", "قناة", "كيلومترا", "و",
    "ب", "لـ", "في", "المئة", "أقل", "على", "الأقل", "تقريبا", "واحد", "أحد", "إحدى", "اثنا",
    "2019", "27-10-2019", "١٬٢٠٠", "3.5", "218", "نيوز", "%", "الاثنين", "مليون", "دولار",
]
word_soup = st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)
char_soup = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=300)


@settings(max_examples=300)
@given(st.one_of(word_soup, char_soup, st.text(max_size=300)))
def test_find_numbers_never_raises_and_spans_are_sane(text: str) -> None:
    for m in _all(text):
        assert m.qualifier in ("exact", "about", "at_least", "at_most", "unspecified")
        assert (m.value is None) == (m.qualifier == "unspecified" or m.role == "fraction")
        assert (m.fraction is not None) == (m.role == "fraction")


@given(st.integers(0, 10**12), st.sampled_from(["ascii", "arabic", "persian", "grouped"]))
def test_any_integer_before_a_noun_is_a_count(n: int, script: str) -> None:
    digits = str(n)
    if script == "arabic":
        digits = digits.translate(_TO_ARABIC_INDIC)
    elif script == "persian":
        digits = digits.translate(_TO_PERSIAN)
    elif script == "grouped":
        digits = f"{n:,}".translate(_TO_ARABIC_INDIC if n % 2 else {})
    text = f"قال المصدر إن الغارة قتلت {digits} عنصرا"
    m = _one(text)
    assert (m.value, m.role, m.noun, m.text) == (n, "count", "عنصرا", digits)


# --- speed and pathological input -------------------------------------------------------------

_LONG_RUNS = [
    "٣" * 100_000,
    "9" * 100_000,
    "ب" * 100_000,
    "." * 100_000,
    "،" * 100_000,
    "\u0640" * 100_000,
    "1," * 50_000,
    "1." * 50_000,
    "11.11." * 20_000,
    "١٬" * 50_000,
    "5 " * 50_000,
    "ثلاثة " * 16_000,
    "خمسة وعشرين " * 8_000,
    "عشرات " * 16_000,
    "أكثر من " * 12_000,
    "و" * 100_000,
    "و " * 50_000,
    "ال" * 50_000,
    "غارتين " * 14_000,
    "%" * 100_000,
]


@pytest.mark.parametrize("text", _LONG_RUNS, ids=lambda t: f"{t[:6]!r}x{len(t)}")
def test_long_runs_are_fast(text: str) -> None:
    t0 = time.perf_counter()
    found = find_numbers(text)
    assert time.perf_counter() - t0 < 2.0
    _check_spans(text, found)


@settings(max_examples=20, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_repeated_random_text_is_fast(chunk: str) -> None:
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    t0 = time.perf_counter()
    find_numbers(text)
    assert time.perf_counter() - t0 < 2.0


def test_news_sized_text_is_fast() -> None:
    paragraph = (
        "ذكر بيان للقيادة الأمريكية في إفريقيا مقتل ٨ عناصر في غارة جوية قرب مرزق، "
        "فيما نفى مسؤول محلي ذلك وأكد العثور على 3 جثث؛ وقالت إن نحو 36 عنصرا قتلوا "
        "خلال عشرة أيام في ثلاث ضربات على بعد 160 كيلومترا جنوب سرت في 19 سبتمبر 2019.\n"
    )
    text = (paragraph * (4096 // len(paragraph) + 1))[:4096]
    best = float("inf")
    for _ in range(20):
        t0 = time.perf_counter()
        find_numbers(text)
        best = min(best, time.perf_counter() - t0)
    # Typically about 1 ms; the bound leaves room for a busy machine.
    assert best < 0.006


# --- a one or a two after its noun, accusative numbers, "لم يتجاوز" ------------------------


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("ودمرت مركبة واحدة كانوا يستقلونها", 1, "مركبه"),
        ("استقبل المستشفى جثتين ومصاباً واحداً", 1, "مصابا"),
        ("وقتلت عاملين مدنيين اثنين في المزرعة", 2, "مدنيين"),
    ],
)
def test_one_or_two_written_after_the_noun(text: str, value: int, noun: str) -> None:
    last = find_numbers(text)[-1]
    assert (last.value, last.role, last.noun) == (value, "count", noun)


@pytest.mark.parametrize("text", ["قتل في آن واحد", "أودت بحياة اثنين", "وصل اثنان فقط"])
def test_one_or_two_after_a_word_that_is_no_counted_noun(text: str) -> None:
    assert all(m.role != "count" or m.noun is None for m in find_numbers(text))


def test_a_day_written_after_its_noun_is_a_duration() -> None:
    [one] = find_numbers("نفذت قبل ذلك بيوم واحد")
    assert (one.value, one.role) == (1, "duration")


def test_accusative_number_with_a_negated_ceiling() -> None:
    [five] = find_numbers("إن عدد الجثث التي انتشلت لم يتجاوز خمساً")
    assert (five.value, five.qualifier, five.role) == (5, "at_most", "other")
    assert five.text.startswith("لم يتجاوز خمس")  # the tanween after the last letter stays out


def test_counted_noun_after_a_demonstrative() -> None:
    [two] = find_numbers("أودت بحياة اثنين من هؤلاء العمال المدنيين")
    assert (two.value, two.noun) == (2, "العمال")


def test_a_place_word_after_a_number_is_not_its_noun() -> None:
    [two] = find_numbers("فقتلت اثنين قرب مرزق")
    assert (two.value, two.noun) == (2, None)


def test_a_figure_in_a_given_year_is_no_duration() -> None:
    text = "انخفض من نحو 750 عام 2016 إلى أقل من 100 حاليا"
    found = [(m.value, m.role) for m in find_numbers(text)]
    assert found == [(750, "other"), (2016, "year"), (100, "other")]
    assert [(m.value, m.role) for m in find_numbers("منذ 5 أعوام")] == [(5, "duration")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أسفرت الغارة عن مقتل ما بين 15 و20 من عناصره",
         [(15, "at_least"), (20, "at_most")]),
        ("يقدر عددهم بين ٤٠٠ و٦٠٠ مقاتل", [(400, "at_least"), (600, "at_most")]),
        ("أصيب من 8 إلى 11 شخصا", [(8, "at_least"), (11, "at_most")]),
        # not ranges: two tolls, a date span, numbers the wrong way round
        ("قتل 8 و11 عنصرا في الغارتين", [(8, "exact"), (11, "exact")]),
        ("بين 19 و24 سبتمبر", [(19, "exact"), (24, "exact")]),
        ("قتل بين 20 و10 أشخاص", [(20, "exact"), (10, "exact")]),
    ],
)
def test_a_range_is_two_ends(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(m.value, m.qualifier) for m in find_numbers(text)] == expected
