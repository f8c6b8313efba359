"""A phrase book: one sentence for each common way Arabic news words a claim about a strike.

Every sentence here was written for this test (none comes from the labelled articles or the
seeds). Each is read after a one-line context ("a strike near Ghat on Thursday dawn"), so that
"الغارة" has something to point back to. The expectations are a subset: the reader may find
more, but must find these; the sentences in ``NO_CLAIM`` must yield nothing at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from claimtrack.arabic_dates import DateValue
from claimtrack.cleaning import clean_lines
from claimtrack.documents import RawDocument
from claimtrack.extraction import ClaimDraft
from claimtrack.pipeline import build_gazetteer
from claimtrack.plugins import load_plugins
from claimtrack_plugins.generic_arabic import extract_claims

GAZETTEER = build_gazetteer(load_plugins())
SUNDAY = date(2019, 10, 20)
CONTEXT = "شنت طائرة غارة جوية على موقع قرب غات فجر الخميس.\n"


def read(text: str, context: str = CONTEXT) -> list[ClaimDraft]:
    document = clean_lines(RawDocument("t", "عنوان\n\n" + context + text), "testoutlet")
    document.published = DateValue(SUNDAY, SUNDAY, "day", "")
    return extract_claims(document=document, gazetteer=GAZETTEER)


def found(text: str) -> set[tuple[str, str, str, float | None, str]]:
    return {(c.party, GAZETTEER.root(c.party), c.kind, c.value, c.stance) for c in read(text)}


def has(got: set[tuple[str, str, str, float | None, str]],
        party: str | None, kind: str, value: float | None, stance: str) -> bool:
    return any((party is None or party in (p, r)) and (k, v, s) == (kind, value, stance)
               for p, r, k, v, s in got)


# (sentence, claims it must yield: (party or its organisation or None, kind, value, stance))
PHRASES = [
    ('قالت أفريكوم إن الغارة أسفرت عن مصرع خمسة مسلحين.',
     [('africom', 'killed', 5, 'asserts')]),
    ('وقالت أفريكوم إن ثلاثة مسلحين لقوا حتفهم في الغارة.',
     [('africom', 'killed', 3, 'asserts')]),
    ('وأعلنت أفريكوم أن الغارة حصدت أرواح سبعة من عناصر داعش.',
     [('africom', 'killed', 7, 'asserts')]),
    ('وذكر المصدر أن جريحين فارقا الحياة لاحقا متأثرين بجروحهما.',
     [('unnamed_local_source', 'killed', 2, 'asserts')]),
    ('وجاء في بيان أفريكوم أن الضربة قتلت أربعة إرهابيين.',
     [('africom', 'killed', 4, 'asserts')]),
    ('وبحسب ما جاء في البيان، فقد قتل ستة عناصر من التنظيم.',
     [(None, 'killed', 6, 'asserts')]),
    ('وأصدرت أفريكوم بيانا أكدت فيه مقتل ثمانية عناصر.',
     [('africom', 'killed', 8, 'asserts')]),
    ('وأسفرت الغارة، بحسب أفريكوم، عن مقتل تسعة مسلحين.',
     [('africom', 'killed', 9, 'asserts')]),
    ('وقتل في الغارة 11 عنصرا من داعش، وفق ما أعلنته أفريكوم.',
     [('africom', 'killed', 11, 'asserts')]),
    ('وأكد مصدر محلي سقوط 4 قتلى و6 جرحى جراء الغارة.',
     [('unnamed_local_source', 'injured', 6, 'asserts'),
      ('unnamed_local_source', 'killed', 4, 'asserts')]),
    ('وقال المصدر إن حصيلة الغارة بلغت 12 قتيلا.',
     [('unnamed_local_source', 'killed', 12, 'asserts')]),
    ('وقال المصدر إن عدد القتلى ارتفع إلى 15.',
     [('unnamed_local_source', 'killed', 15, 'asserts')]),
    ('وقالت أفريكوم إنها تمكنت من تحييد عشرة إرهابيين.',
     [('africom', 'killed', 10, 'asserts')]),
    ('وقالت القيادة العامة إن الغارة أدت إلى هلاك خمسة دواعش.',
     [('lna', 'killed', 5, 'asserts')]),
    ('وقالت أفريكوم إن الضربة قضت على أربعة من مقاتلي التنظيم.',
     [('africom', 'killed', 4, 'asserts')]),
    ('وأفاد مستشفى سبها بوصول ثلاثة مصابين إثر الغارة.',
     [('sabha_hospital', 'injured', 3, 'asserts')]),
    ('وقال المصدر إن خمسة أشخاص أصيبوا بجروح متفاوتة.',
     [('unnamed_local_source', 'injured', 5, 'asserts')]),
    ('وقال الهلال الأحمر إن فرقه أسعفت سبعة جرحى.',
     [('libyan_red_crescent', 'injured', 7, 'asserts')]),
    ('وقال عميد بلدية غات إن بين الضحايا ثلاثة أطفال.',
     [('ghat_municipality', 'civilians_harmed', 3, 'asserts')]),
    ('وقالت أفريكوم إنه لم يتم تسجيل أي إصابات في صفوف المدنيين.',
     [('africom', 'civilians_harmed', 0, 'asserts')]),
    ('وأكدت أفريكوم أن الضربة لم تسفر عن سقوط ضحايا مدنيين.',
     [('africom', 'civilians_harmed', 0, 'asserts')]),
    ('وشددت أفريكوم على أنه لم يصب أي مدني.',
     [('africom', 'civilians_harmed', 0, 'asserts')]),
    ('وقال المصدر إن القتلى مدنيون يعملون في رعي الأغنام.',
     [('unnamed_local_source', 'civilians_harmed', None, 'asserts')]),
    ('وقال شهود إن الغارة قتلت مدنيين اثنين.',
     [('unnamed_local_source', 'civilians_harmed', 2, 'asserts'),
      ('unnamed_local_source', 'killed', 2, 'asserts')]),
    ('وقالت أفريكوم إن الغارة دمرت ثلاث مركبات.',
     [('africom', 'vehicles_destroyed', 3, 'asserts')]),
    ('وقالت أفريكوم إن الضربة أسفرت عن تدمير سيارتين.',
     [('africom', 'vehicles_destroyed', 2, 'asserts')]),
    ('وقالت أفريكوم إنها نفذت ثلاث غارات جوية.',
     [('africom', 'strikes', 3, 'asserts')]),
    ('وقالت أفريكوم إنها شنت خمس ضربات منذ سبتمبر.',
     [('africom', 'strikes', 5, 'asserts')]),
    ('وبلغ عدد الغارات الأمريكية في ليبيا هذا العام سبع غارات، وفق أفريكوم.',
     [('africom', 'strikes', 7, 'asserts')]),
    ('وقدرت أفريكوم عدد مقاتلي التنظيم في ليبيا بنحو 100 مقاتل.',
     [('africom', 'remaining_strength', 100, 'asserts')]),
    ('وقال مسؤولون أمريكيون إن التنظيم لم يعد يملك سوى 150 مقاتلا في ليبيا.',
     [('us_military', 'remaining_strength', 150, 'asserts')]),
    ('وقالت أفريكوم إن الغارة نفذت بالتنسيق مع حكومة الوفاق.',
     [('africom', 'coordination', None, 'asserts')]),
    ('وقالت أفريكوم إن الضربة جاءت بالتعاون مع حكومة الوفاق الوطني.',
     [('africom', 'coordination', None, 'asserts')]),
    ('وقالت أفريكوم إن الغارة نفذت بموافقة حكومة الوفاق.',
     [('africom', 'coordination', None, 'asserts')]),
    ('ونفت حكومة الوفاق أي تنسيق مع أفريكوم بشأن الغارة.',
     [('gna', 'coordination', None, 'denies')]),
    ('وقالت أفريكوم إن الغارة استهدفت مخبأ للتنظيم.',
     [('africom', 'targeting', None, 'asserts')]),
    ('وقال المصدر إن الضربة أصابت منزلا مهجورا.',
     [('unnamed_local_source', 'targeting', None, 'asserts')]),
    ('وقالت أفريكوم إنها ضربت معسكرا لتدريب عناصر التنظيم.',
     [('africom', 'targeting', None, 'asserts')]),
    ('وقالت البلدية إن الغارة طالت مزرعة يملكها مواطن.',
     [('ghat_municipality', 'targeting', None, 'asserts')]),
    ('وقالت أفريكوم إن الغارة قتلت 8 مسلحين.\nونفى عميد بلدية غات صحة هذه الأرقام.',
     [('ghat_municipality', 'killed', 8, 'denies')]),
    ('وقالت أفريكوم إن الغارة قتلت 8 مسلحين.\nوكذب عميد بلدية غات رواية أفريكوم.',
     [('ghat_municipality', 'killed', 8, 'denies')]),
    ('وقالت أفريكوم إن الغارة قتلت 8 مسلحين.\nوفند عميد بلدية غات ما ورد في بيان أفريكوم.',
     [('ghat_municipality', 'killed', 8, 'denies')]),
    ('وقالت أفريكوم إن الغارة قتلت 8 مسلحين.\nواعتبر عميد بلدية غات أن هذه الأرقام عارية عن الصحة.',
     [('ghat_municipality', 'killed', 8, 'denies')]),
    ('وقال الناطق باسم القيادة العامة إن الغارة قتلت 6 مسلحين.',
     [('lna', 'killed', 6, 'asserts')]),
    ('وقالت وزارة الداخلية بحكومة الوفاق إن الغارة قتلت 3 مسلحين.',
     [('gna', 'killed', 3, 'asserts')]),
    ('وقال مصدر أمني في غات إن الغارة قتلت 3 مسلحين.',
     [('unnamed_local_source', 'killed', 3, 'asserts')]),
    ('وقال شهود عيان إن الغارة قتلت 3 مسلحين.',
     [('unnamed_local_source', 'killed', 3, 'asserts')]),
    ('وقال سكان محليون إن الغارة قتلت 3 مسلحين.',
     [('unnamed_local_source', 'killed', 3, 'asserts')]),
    ('وقال الجيش الأمريكي إن الغارة قتلت 3 مسلحين.',
     [('us_military', 'killed', 3, 'asserts')]),
    ('وقال البنتاغون إن الغارة قتلت 3 مسلحين.',
     [('us_military', 'killed', 3, 'asserts')]),
    ('وقالت وزارة الدفاع الأمريكية إن الغارة قتلت 3 مسلحين.',
     [('us_military', 'killed', 3, 'asserts')]),
    ('وتبنى تنظيم داعش الهجوم، وقال إن مقاتليه قتلوا 4 جنود.',
     [('isis', 'killed', 4, 'asserts')]),
    ('وقال مصدر طبي في مستشفى أوباري إن المستشفى استقبل 5 جثث.',
     [('ubari_hospital', 'killed', 5, 'asserts')]),
    ('وقال مدير مستشفى مرزق العام إن المستشفى استقبل 5 جثث.',
     [('murzuq_hospital', 'killed', 5, 'asserts')]),
    ('وقال المجلس البلدي لبلدية غات إن الغارة قتلت 5 أشخاص.',
     [('ghat_municipality', 'killed', 5, 'asserts')]),
    ('وقال المتحدث باسم أفريكوم: "قتلنا خمسة إرهابيين في الغارة".',
     [('africom', 'killed', 5, 'asserts')]),
    ('وأضاف المتحدث: "لم يصب أي مدني".',
     [(None, 'civilians_harmed', 0, 'asserts')]),
    ('وبحسب أفريكوم، فإن الغارة قتلت سبعة مسلحين.',
     [('africom', 'killed', 7, 'asserts')]),
    ('ووفقا لمصادر محلية، قتل في الغارة ثلاثة أشخاص.',
     [('unnamed_local_source', 'killed', 3, 'asserts')]),
    ('ونقلت رويترز عن مسؤول محلي قوله إن الغارة قتلت أربعة أشخاص.',
     [('unnamed_local_source', 'killed', 4, 'asserts')]),
    ('ونقلت وكالة الأنباء الفرنسية عن مصدر طبي في مستشفى غات أن المستشفى استقبل 5 جثث.',
     [('ghat_hospital', 'killed', 5, 'asserts')]),
    ('وفي حين قالت أفريكوم إن الغارة قتلت 6 مسلحين، أكد عميد بلدية غات أن القتلى 3 مدنيين.',
     [('africom', 'killed', 6, 'asserts'),
      ('ghat_municipality', 'civilians_harmed', 3, 'asserts'),
      ('ghat_municipality', 'killed', 3, 'asserts')]),
    ('قالت أفريكوم إن الغارة قتلت 6 مسلحين، بينما قال السكان إن القتلى رعاة.',
     [('africom', 'killed', 6, 'asserts')]),
    ('ستة قتلى في غارة أمريكية على غات، بحسب أفريكوم.',
     [('africom', 'killed', 6, 'asserts')]),
    ('وأكدت أفريكوم في تغريدة على تويتر مقتل 4 مسلحين.',
     [('africom', 'killed', 4, 'asserts')]),
    ('وتقول أفريكوم إن الغارة قتلت أربعة مسلحين، وهو ما نفاه عميد بلدية غات.',
     [('africom', 'killed', 4, 'asserts'), ('ghat_municipality', 'killed', 4, 'denies')]),
    ('ولم تعلق أفريكوم على الغارة، فيما قال مصدر محلي إن القصف قتل اثنين.',
     [('unnamed_local_source', 'killed', 2, 'asserts')]),
    # Foreign armies, the UN and monitors speak too, under their own names.
    ('وأعلن المتحدث العسكري المصري أن الضربات الجوية أسفرت عن مقتل عشرين مسلحا.',
     [('egyptian_military', 'killed', 20, 'asserts')]),
    ('وقالت وزارة الدفاع التركية إن المسيرات دمرت أربع مركبات.',
     [('turkish_military', 'vehicles_destroyed', 4, 'asserts')]),
    ('وقالت بعثة الأمم المتحدة للدعم في ليبيا إن ثلاثة مدنيين على الأقل قتلوا في الغارة.',
     [('unsmil', 'civilians_harmed', 3, 'asserts'), ('un', 'killed', 3, 'asserts')]),
    ('وأفادت منظمة إيروورز بأن خمسة مدنيين قتلوا في الضربة.',
     [('airwars', 'civilians_harmed', 5, 'asserts')]),
    ('ونفت حكومة الإنقاذ أي تنسيق مع الجانب الأمريكي بشأن الغارة.',
     [('gnc', 'coordination', None, 'denies')]),
    ('وقالت منظمة العفو الدولية إن الغارة قتلت طفلين.',
     [('amnesty', 'killed', 2, 'asserts')]),
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASES)
def test_a_common_phrasing_yields_its_claims(
        sentence: str, expected: list[tuple[str | None, str, float | None, str]]) -> None:
    got = found(sentence)
    missing = [e for e in expected if not has(got, *e)]
    assert not missing, (missing, sorted(got, key=str))


NO_CLAIM = [
    'وقال عميد بلدية غات إن المدينة تبعد 1350 كيلومترا عن طرابلس.',
    'وأشار إلى أن أحد القتلى يبلغ من العمر 45 عاما.',
    'ويعيش في غات نحو 25 ألف نسمة.',
    'وقال إن التنظيم سيطر على سرت عام 2015 وطرد منها في 2016.',
    'وقال المبعوث الأممي إن المعارك أدت إلى نزوح أكثر من 100 ألف شخص.',
    'وأعلنت أفريكوم أنها تراقب الوضع، وأن نحو 300 جندي أمريكي ينتشرون في أفريقيا.',
    'ويحمل القرار رقم 2259 دعما للحكومة.',
    'ويقود اللواء 73 العمليات في المنطقة.',
    'وهذه المرة الثالثة التي تستهدف فيها أفريكوم المنطقة.',
    'وتبلغ تكلفة الغارة الواحدة نحو 100 ألف دولار.',
]


@pytest.mark.parametrize("sentence", NO_CLAIM)
def test_numbers_that_are_no_claims(sentence: str) -> None:
    assert not read(sentence), read(sentence)


# (sentence, (kind, value, event day or None when the text gives no day))
DAYS = [
    ('قالت أفريكوم إن غارة نفذتها مساء الجمعة قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-18')]),
    ('قالت أفريكوم إن غارة نفذتها فجر اليوم قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-20')]),
    ('قالت أفريكوم إن غارة نفذتها ليل السبت قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-19')]),
    ('قالت أفريكوم إن غارة نفذتها الليلة الماضية قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-19')]),
    ('قالت أفريكوم إن غارة نفذتها يوم الثلاثاء الموافق 15 أكتوبر قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-15')]),
    ('قالت أفريكوم إن غارة نفذتها في 15/10/2019 قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-15')]),
    ('قالت أفريكوم إن غارة نفذتها في الخامس عشر من أكتوبر قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-15')]),
    ('قالت أفريكوم إن غارة نفذتها مطلع الأسبوع قرب غات قتلت 4 مسلحين.',
     [('killed', 4, None)]),
    ('قالت أفريكوم إن غارة نفذتها قبل يومين قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-18')]),
    ('قالت أفريكوم إن غارة نفذتها أول أمس قرب غات قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-18')]),
    ('أعلنت أفريكوم أمس مقتل 4 مسلحين في غارة قرب غات يوم الخميس.',
     [('killed', 4, '2019-10-17')]),
    ('أعلنت أفريكوم، الجمعة، مقتل 4 مسلحين في غارة قرب غات.',
     [('killed', 4, None)]),
    ('قتل 4 مسلحين في غارة أمريكية قرب غات يوم الخميس الماضي، بحسب أفريكوم.',
     [('killed', 4, '2019-10-17')]),
    ('وكانت أفريكوم قد قتلت 4 مسلحين في غارة قرب غات في 15 أكتوبر الجاري.',
     [('killed', 4, '2019-10-15')]),
    ('وفي 12 أكتوبر، قتلت غارة أمريكية 4 مسلحين قرب غات، وفق أفريكوم.',
     [('killed', 4, '2019-10-12')]),
    ('قالت أفريكوم إن غارتها على غات، التي نفذت يوم 16 من الشهر الجاري، قتلت 4 مسلحين.',
     [('killed', 4, '2019-10-16')]),
    ('قالت أفريكوم في بيان صدر يوم 18 أكتوبر إن غارة قرب غات قتلت 4 مسلحين.',
     [('killed', 4, None)]),
    ('قالت أفريكوم إن غارتين نفذتهما يومي 14 و16 أكتوبر قرب غات قتلتا 3 و5 مسلحين على التوالي.',
     [('killed', 3, '2019-10-14'), ('killed', 5, '2019-10-16')]),
    ('قالت أفريكوم إن الغارة الأولى في 14 أكتوبر قتلت 3 مسلحين، والثانية في 16 أكتوبر قتلت 5.',
     [('killed', 3, '2019-10-14'), ('killed', 5, '2019-10-16')]),
]


@pytest.mark.parametrize(("sentence", "expected"), DAYS)
def test_the_day_of_the_strike(sentence: str,
                               expected: list[tuple[str, float | None, str | None]]) -> None:
    got = {(c.kind, c.value, c.event_date.start.isoformat()
            if c.event_date.precision == "day" and c.event_date.start else None)
           for c in read(sentence, context="")}
    assert set(expected) <= got, sorted(got, key=str)
