"""The claim reader (claimtrack_plugins.generic_arabic) on sentences written for these tests.

Each test is one rule of the grammar: who speaks, when they spoke, which strike a claim is
about, what kind of claim it is. None of these sentences is taken from the labelled articles.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest

from claimtrack.arabic_dates import DateValue
from claimtrack.cleaning import clean_lines
from claimtrack.documents import RawDocument
from claimtrack.extraction import ClaimDraft
from claimtrack.pipeline import build_gazetteer
from claimtrack.plugins import load_plugins
from claimtrack_plugins.generic_arabic import extract_claims

GAZETTEER = build_gazetteer(load_plugins())
SUNDAY = date(2019, 10, 20)  # publication day of most texts below


class Seen(NamedTuple):
    party: str
    kind: str
    value: float | None
    stance: str
    event: str | None  # the event date when it is a day, else None


def read(text: str, published: date | None = SUNDAY) -> list[ClaimDraft]:
    document = clean_lines(RawDocument("test", "عنوان الخبر\n\n" + text), "testoutlet")
    document.published = (DateValue(published, published, "day", "") if published
                          else DateValue.unknown())
    claims = extract_claims(document=document, gazetteer=GAZETTEER)
    for claim in claims:
        assert document.text[claim.span[0]:claim.span[1]] == claim.quote
    return claims


def seen(text: str, published: date | None = SUNDAY) -> set[Seen]:
    return {
        Seen(GAZETTEER.root(c.party) if c.party in ("africom",) else c.party, c.kind, c.value,
             c.stance,
             c.event_date.start.isoformat() if c.event_date.precision == "day"
             and c.event_date.start else None)
        for c in read(text, published)
    }


def one(text: str, kind: str, published: date | None = SUNDAY) -> ClaimDraft:
    found = [c for c in read(text, published) if c.kind == kind]
    assert len(found) == 1, found
    return found[0]


# --- when: the day a party spoke is not the day of the strike ------------------------------


def test_the_date_after_the_verb_is_when_it_was_said() -> None:
    claim = one("أعلنت أفريكوم أمس السبت أن غارة نفذتها الخميس الماضي قرب سبها قتلت أربعة "
                "مسلحين.", "killed")
    assert (claim.said_on.start, claim.event_date.start) == (date(2019, 10, 19),
                                                             date(2019, 10, 17))


def test_a_continuing_statement_keeps_the_strike_and_the_day_it_was_said() -> None:
    claims = read("قالت أفريكوم أمس السبت إن ضربة جوية نفذتها الخميس الماضي قرب أوباري قتلت "
                  "خمسة عناصر من داعش.\nوأوضحت القيادة في بيانها أن الضربة دمرت مركبتين.")
    vehicles = next(c for c in claims if c.kind == "vehicles_destroyed")
    assert (vehicles.party, vehicles.value) == ("africom", 2)
    assert vehicles.event_date.start == date(2019, 10, 17)
    assert vehicles.said_on.start == date(2019, 10, 19)


def test_a_day_given_later_dates_what_was_said_before_about_that_strike() -> None:
    claims = read("أعلن الجيش الوطني الليبي مقتل ستة عناصر من داعش في ضربة جوية قرب هون.\n"
                  "وأوضح المتحدث أن الضربة نفذت فجر الخميس.")
    killed = next(c for c in claims if c.kind == "killed")
    assert killed.event_date.start == date(2019, 10, 17)


def test_since_opens_a_window_and_makes_a_total() -> None:
    claim = one("قالت أفريكوم إنها نفذت ثماني ضربات منذ 19 سبتمبر قتلت خلالها 50 عنصراً.",
                "killed_total")
    assert claim.value == 50
    assert claim.event_date.precision == "window"
    assert claim.event_date.start == date(2019, 9, 19)


def test_an_undated_strike_is_never_given_a_day() -> None:
    claim = one("قالت أفريكوم إن غارة جوية قتلت ثلاثة مسلحين قرب مرزق.", "killed")
    assert claim.event_date.precision != "day"


def test_a_day_counted_from_another_day_dates_the_strike() -> None:
    claim = one("وأعلنت أفريكوم في 10 أكتوبر مقتل خمسة مسلحين في غارة نفذت قبل ذلك بيومين.",
                "killed")
    assert claim.event_date.start == date(2019, 10, 8)
    assert claim.said_on.start == date(2019, 10, 10)


def test_a_claim_made_before_the_strike_happened_is_about_another_strike() -> None:
    claims = read("قتل ثلاثة مدنيين في غارة على أوباري فجر الجمعة، بحسب مصدر محلي.\n"
                  "وكانت أفريكوم قد أعلنت الشهر الماضي مقتل 9 عناصر في غارة قرب مرزق.")
    nine = next(c for c in claims if c.value == 9)
    assert nine.event_date.precision != "day"


# --- which strike: groups, parts, respectively ----------------------------------------------


def test_respectively_pairs_each_figure_with_its_day() -> None:
    found = seen("قالت أفريكوم إن غاراتها في 3 و5 و9 أكتوبر قتلت أربعة وسبعة وعشرة مسلحين على "
                 "التوالي.")
    assert {(s.value, s.event) for s in found if s.kind == "killed"} == {
        (4, "2019-10-03"), (7, "2019-10-05"), (10, "2019-10-09")}


def test_respectively_pairs_each_figure_with_its_place() -> None:
    claims = read("أعلنت أفريكوم أن ضربتين نفذتهما الأربعاء في غات وقرب سبها قتلتا ثلاثة وخمسة "
                  "عناصر على التوالي.")
    assert {(c.value, c.place) for c in claims if c.kind == "killed"} == {(3, "ghat"),
                                                                          (5, "sabha")}


def test_what_is_said_of_two_strikes_in_two_places_is_said_of_each() -> None:
    claims = read("أعلنت أفريكوم أن ضربتين نفذتهما الأربعاء في غات وقرب سبها قتلتا ثلاثة وخمسة "
                  "عناصر على التوالي.\nوأكدت أن أياً من الضربتين لم يسفر عن ضحايا مدنيين.")
    zeros = [c for c in claims if c.kind == "civilians_harmed"]
    assert sorted(c.place for c in zeros) == ["ghat", "sabha"]


def test_strikes_told_apart_only_by_order_are_one_incident() -> None:
    found = seen("أعلنت أفريكوم أنها شنت الأربعاء ضربتين قرب القطرون قتل فيهما ستة مسلحين.\n"
                 "وأوضحت أن الضربة الأولى استهدفت مخزناً، فيما استهدفت الثانية سيارة.")
    kinds = sorted(s.kind for s in found)
    assert kinds == ["killed", "strikes", "targeting"]
    assert all(s.event == "2019-10-16" for s in found)


def test_the_first_and_second_strike_are_parts_of_the_group_told_last() -> None:
    found = seen("أعلنت أفريكوم أنها نفذت الخميس ضربتين جويتين في جنوب ليبيا.\n"
                 "وقالت إن الضربة الأولى قرب غات قتلت أربعة، أما الثانية فقتلت اثنين قرب مرزق.")
    assert {(s.value, s.event) for s in found if s.kind == "killed"} == {
        (4, "2019-10-17"), (2, "2019-10-17")}


def test_several_strikes_on_several_days_make_a_total() -> None:
    claim = one("قالت أفريكوم إن 12 عنصراً قتلوا في غارتين قرب مرزق في 5 أكتوبر و8 أكتوبر.",
                "killed_total")
    assert claim.value == 12 and [d.start.day for d in claim.part_dates] == [5, 8]


def test_a_different_figure_from_the_same_party_is_another_strike() -> None:
    claims = read("أعلنت أفريكوم مقتل 11 مسلحاً في غارة قرب مرزق.\nوكانت أفريكوم قد أكدت "
                  "الجمعة الماضية مقتل 8 أشخاص بعد غارة جوية على منزل في مرزق.")
    eleven, eight = (next(c for c in claims if c.value == v) for v in (11, 8))
    assert eleven.extra["incident"] != eight.extra["incident"]


# --- who says it -------------------------------------------------------------------------


def test_party_after_the_figure() -> None:
    claim = one("قتل تسعة مسلحين في غارة قرب أوباري أمس، وفقا للهلال الأحمر الليبي.", "killed")
    assert claim.party == "libyan_red_crescent"


def test_a_statement_named_by_a_noun_names_its_speaker() -> None:
    claim = one("ويأتي ذلك بعد أسبوع من إعلان «أفريكوم» مقتل 15 عنصراً في غارة قرب غات.",
                "killed")
    assert claim.party == "africom"


def test_the_speaker_continues_into_the_next_sentence() -> None:
    claims = read("قال عميد بلدية غات إن الغارة أصابت مزرعة.\nوأضاف أن ثلاثة أشخاص قتلوا فيها.")
    assert next(c for c in claims if c.kind == "killed").party == "ghat_municipality"


def test_a_person_named_in_the_sentence_before_speaks_next() -> None:
    claims = read("واتصلت الصحيفة بعميد بلدية سبها للسؤال عن الغارة.\nوأكد أن أحداً من المدنيين "
                  "لم يصب.")
    assert next(c for c in claims if c.kind == "civilians_harmed").party == "sabha_municipality"


def test_relayed_speaker_after_an() -> None:
    claim = one("ونقلت وكالة رويترز عن مسؤول في مستشفى سبها قوله إن المستشفى استقبل خمس جثث.",
                "killed")
    assert claim.party == "sabha_hospital"


def test_carrying_is_not_reporting() -> None:
    claims = read("قال عميد بلدية غات إن سيارة إسعاف نقلت جريحين إلى مستشفى أوباري.")
    assert [(c.party, c.kind, c.value) for c in claims] == [("ghat_municipality", "injured", 2)]


def test_relative_clause_speaker() -> None:
    claims = read("وهي حصيلة شكك فيها عميد بلدية أوباري، الذي قال إن الجثث لا تتجاوز أربعاً.")
    four = next(c for c in claims if c.value == 4)
    assert (four.party, four.qualifier) == ("ubari_municipality", "at_most")


def test_source_inside_an_organisation_speaks_for_it() -> None:
    claim = one("قال مصدر عسكري بالجيش الوطني إن الغارة قتلت سبعة مسلحين.", "killed")
    assert GAZETTEER.root(claim.party) == "lna"


def test_unnamed_officials_and_witnesses() -> None:
    assert one("قال أحد وجهاء البلدة إن الغارة قتلت شخصين.", "killed").party == \
        "unnamed_local_source"
    assert one("وقال مسؤولون أميركيون إن عدد عناصر التنظيم المتبقين بنحو 200 عنصر.",
               "remaining_strength").party == "us_military"


def test_head_noun_points_back_to_the_party_named_with_it() -> None:
    claims = read("قال المتحدث باسم القيادة العامة إن الغارة قتلت خمسة.\nوأضاف المتحدث أن "
                  "الضربة دمرت ثلاث مركبات.")
    assert GAZETTEER.root(next(c for c in claims if c.kind == "vehicles_destroyed").party) == \
        "lna"


def test_the_outlet_speaks_for_itself() -> None:
    claim = one("يذكر أن أفريكوم نفذت خمس غارات منذ مطلع العام قتلت فيها 40 عنصراً.",
                "killed_total")
    assert (claim.party, claim.attribution) == ("testoutlet", "outlet")
    compiled = one("وبحسب إحصاء أعدته الصحيفة، قتل 60 عنصراً في الضربات منذ سبتمبر.",
                   "killed_total")
    assert compiled.party == "testoutlet"


def test_confirmation_by_another_party_copies_the_claim() -> None:
    claims = read("وأعلنت أفريكوم مقتل ثلاثة من عناصر القاعدة في غارة قرب أوباري، وهو ما أكده "
                  "تنظيم القاعدة لاحقاً.")
    assert {(c.party, c.value) for c in claims if c.kind == "killed"} == {
        ("africom", 3), ("al_qaeda", 3)}


# --- what kind of claim -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "وأكدت أفريكوم أن الغارة نفذت بالتعاون مع حكومة الوفاق.",
        "وقالت أفريكوم إن الضربة جاءت في إطار تنسيق أمني وثيق مع حكومة الوفاق.",
        "وقالت أفريكوم إن الغارة نفذت بطلب من حكومة الوفاق.",
    ],
)
def test_coordination_in_several_wordings(sentence: str) -> None:
    claim = one("أعلنت أفريكوم مقتل أربعة مسلحين في غارة قرب سبها.\n" + sentence,
                "coordination")
    assert (claim.party, claim.stance, claim.target) == ("africom", "asserts", "gna")


def test_coordination_with_the_speaker_itself() -> None:
    claim = one("وأكدت حكومة الوفاق أن الغارة نفذت بالتنسيق معها.", "coordination")
    assert (claim.party, claim.target) == ("gna", "gna")


@pytest.mark.parametrize(
    "sentence",
    [
        "وقال الناطق باسم الجيش الوطني إن قواته لم تبلغ بالغارة، نافياً وجود أي تنسيق معها.",
        "وقال الناطق باسم الجيش الوطني إن الغارة نفذت دون أي تنسيق مع قواته.",
    ],
)
def test_coordination_denied(sentence: str) -> None:
    claim = one("قالت أفريكوم إن الغارة قتلت خمسة مسلحين قرب سبها.\n" + sentence,
                "coordination")
    assert claim.stance == "denies" and GAZETTEER.root(claim.party) == "lna"


def test_targeting_says_what_was_hit_not_who() -> None:
    assert one("قالت أفريكوم إن الغارة استهدفت مستودعاً للذخيرة قرب غات.",
               "targeting").target.startswith("مستودعاً")
    assert not [c for c in read("قالت أفريكوم إن الغارة استهدفت موقعا للتنظيم قرب غات.")
                if c.kind == "targeting"]


def test_target_denied_then_what_it_was() -> None:
    claims = read("ونفى عميد بلدية غات أن يكون المكان المستهدف مخبأً، مؤكداً أنه مزرعة لأحد "
                  "السكان.")
    assert sorted((c.kind, c.stance) for c in claims) == [("targeting", "asserts"),
                                                        ("targeting", "denies")]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("وقال عميد البلدية إن الغارة لم تقتل أحداً.", "killed"),
        ("وأكدت أفريكوم أن أيا من سكان المنطقة لم يصب.", "civilians_harmed"),
        ("وأكدت أفريكوم أن الغارة نفذت دون وقوع إصابات بين المدنيين.", "civilians_harmed"),
        ("وأكدت أفريكوم أن الضربة لم تلحق أضراراً بالمدنيين.", "civilians_harmed"),
        ("وقال مدير المستشفى إنه لم يستقبل أي جريح.", "injured"),
    ],
)
def test_figures_of_zero(sentence: str, kind: str) -> None:
    claims = read("قتل خمسة مسلحين في غارة قرب غات، بحسب أفريكوم.\n" + sentence)
    assert [c.value for c in claims if c.kind == kind and c.quote == sentence] == [0]


def test_only_is_no_zero() -> None:
    claims = read("وقال مدير المستشفى إنه لم يستقبل سوى جثتين.")
    assert [(c.kind, c.value) for c in claims] == [("killed", 2)]


def test_denial_of_a_toll_names_the_figure_it_denies() -> None:
    claims = read("أعلنت أفريكوم مقتل عشرة مسلحين في غارة قرب أوباري.\nلكن عميد بلدية أوباري "
                  "نفى صحة هذه الحصيلة، وقال إن المستشفى استقبل ثلاث جثث.")
    denial = next(c for c in claims if c.stance == "denies")
    assert (denial.party, denial.kind, denial.value) == ("ubari_municipality", "killed", 10)
    assert claims[denial.denies].party == "africom"
    assert any(c.value == 3 and c.stance == "asserts" for c in claims)


def test_denial_before_the_figure_it_denies() -> None:
    claims = read("قال مدير مستشفى سبها إن المستشفى استقبل جثتين فقط، نافياً الحصيلة التي "
                  "أعلنتها أفريكوم.\nوكانت أفريكوم قد أعلنت أمس أن غارة قتلت 15 مسلحاً قرب "
                  "سبها.")
    denial = next(c for c in claims if c.stance == "denies")
    assert (denial.party, denial.value) == ("sabha_hospital", 15)


def test_nobody_killed_denies_the_toll_and_says_zero() -> None:
    found = seen("أعلنت أفريكوم مقتل أربعة مسلحين في غارة قرب غات.\nونفى عميد بلدية غات مقتل "
                 "أي شخص في الغارة.")
    assert Seen("ghat_municipality", "killed", 4, "denies", None) in found
    assert Seen("ghat_municipality", "killed", 0, "asserts", None) in found


def test_civilians_killed_count_twice() -> None:
    found = seen("وقال مصدر محلي إن الغارة قتلت ثلاثة مدنيين بينهم طفل.")
    assert {(s.kind, s.value) for s in found} == {("killed", 3), ("civilians_harmed", 3)}


def test_children_among_the_wounded_are_civilians_harmed() -> None:
    found = seen("وقال مدير مستشفى غات إن المستشفى استقبل ستة جرحى.\nوأضاف أن من بين الجرحى "
                 "طفلاً في الثامنة.")
    assert ("civilians_harmed", 1) in {(s.kind, s.value) for s in found}


def test_a_subset_of_civilians_already_counted_is_no_new_claim() -> None:
    found = seen("قتل خمسة مدنيين في غارة على مزرعة، بحسب الهلال الأحمر الليبي.\nوقال الهلال "
                 "الأحمر إن بين القتلى طفلين.")
    assert ("civilians_harmed", 2) not in {(s.kind, s.value) for s in found}


def test_one_more_casualty_and_others() -> None:
    found = seen("قالت أفريكوم إن الغارة أسفرت عن مقتل ثلاثة عناصر وإصابة رابع، ومقتل 4 "
                 "آخرين في غارة ثانية.")
    assert {(s.kind, s.value) for s in found} >= {("killed", 3), ("injured", 1), ("killed", 4)}


def test_objects_destroyed_without_a_number() -> None:
    found = seen("وقال شهود إن الغارة دمرت منزلاً وسيارة قديمة كانت متوقفة أمامه.")
    assert {(s.kind, s.value) for s in found} >= {("buildings_destroyed", 1),
                                                  ("vehicles_destroyed", 1)}


def test_hit_is_not_destroyed() -> None:
    found = seen("وقال الجيش إن الغارة الأولى دمرت مخزناً، بينما أصابت الثانية ثلاث سيارات.")
    assert ("vehicles_destroyed", 3) not in {(s.kind, s.value) for s in found}


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        ("وقالت أفريكوم إنه لم يتبق من عناصر التنظيم في ليبيا سوى نحو 150 عنصراً.", 150, "about"),
        ("وتقدر أفريكوم عدد عناصر التنظيم المتبقين بأقل من مئتي عنصر.", 200, "at_most"),
        ("وقالت أفريكوم إن عدد مقاتلي التنظيم تراجع إلى أقل من مئة.", 100, "at_most"),
    ],
)
def test_remaining_strength(sentence: str, value: int, qualifier: str) -> None:
    claim = one(sentence, "remaining_strength")
    assert (claim.value, claim.qualifier) == (value, qualifier)
    assert claim.event_date.precision == "unknown"


@pytest.mark.parametrize(
    "sentence",
    [
        "وتقع أوباري على بعد 200 كيلومتر غرب سبها، ويبلغ عدد سكانها نحو 40 ألف نسمة.",
        "ونقلت قناة 218 عن مصادر أن الطريق أغلق لمدة 3 أيام.",
        "وقال الطبيب إن أحد الجرحى يبلغ من العمر 19 عاما.",
        "وتشكل الصحراء أكثر من 90 في المئة من مساحة البلاد منذ عام 2011.",
        "ولم تشر أفريكوم في بيانها إلى سقوط ضحايا بين المدنيين.",
    ],
)
def test_numbers_that_are_no_claims(sentence: str) -> None:
    assert read(sentence) == []


def test_headings_are_not_read() -> None:
    assert read("مقتل 12 عنصراً\n\nوقالت أفريكوم إن الغارة قتلت 12 عنصراً قرب غات.")[0].quote \
        .startswith("وقالت")


def test_without_a_publication_date_relative_days_stay_unknown() -> None:
    claim = one("أعلنت أفريكوم أمس أن غارة نفذتها الخميس الماضي قتلت أربعة.", "killed",
                published=None)
    assert claim.event_date.start is None and claim.said_on.start is None


# --- where ----------------------------------------------------------------------------------


def _strike_place(claims: list[ClaimDraft], value: int) -> str:
    """The place the reader gave the strike a claim is about (before export)."""
    claim = next(c for c in claims if c.value == value)
    return claim.extra["place"]


def test_a_place_given_by_distance_and_direction_keeps_its_precision() -> None:
    claims = read("قالت أفريكوم إن الغارة قتلت ثلاثة مسلحين على بعد 60 كيلومترا جنوب شرقي سبها.")
    place_id = _strike_place(claims, 3)
    place, town = GAZETTEER.places[place_id], GAZETTEER.places["sabha"]
    assert place.kind == "area" and place.radius_km >= 10
    assert place.lat < town.lat and place.lon > town.lon  # south-east of Sabha
    assert 50 <= (GAZETTEER.distance_km(place_id, "sabha") or 0) <= 70
    assert claims[0].place == "sabha"  # exported as its town until the core knows such places


def test_two_strikes_at_different_distances_from_one_town_are_two_places() -> None:
    claims = read("قالت أفريكوم إن غارة قتلت أربعة مسلحين على بعد 100 كيلومتر شمال غات.\n"
                  "وكانت غارة أخرى قد قتلت خمسة مسلحين على بعد 300 كيلومتر شمال غات.")
    four, five = _strike_place(claims, 4), _strike_place(claims, 5)
    assert (GAZETTEER.distance_km(four, five) or 0) > 150
    assert claims[0].extra["incident"] != claims[1].extra["incident"]


def test_between_two_towns() -> None:
    claims = read("وقال مصدر محلي إن الغارة قتلت شخصين بين مدينتي أوباري وغات.")
    assert _strike_place(claims, 2) == "between_ubari_ghat"
    assert GAZETTEER.places["between_ubari_ghat"].radius_km > 50


# --- more wordings ----------------------------------------------------------------------------


def test_numbers_inside_a_date_are_no_counts() -> None:
    claims = read("أعلنت أفريكوم أنها نفذت يوم 5 أكتوبر 2019 ضربة جوية قرب غات قتلت عنصرين.")
    assert [(c.kind, c.value) for c in claims] == [("killed", 2)]


def test_two_strikes_told_one_by_one_then_named_together_and_in_order() -> None:
    claims = read("أعلنت أفريكوم أنها نفذت يوم 5 أكتوبر ضربة قرب غات قتلت عنصرين.\n"
                  "وأضافت أنها نفذت بعد ذلك بيومين ضربة ثانية قرب أوباري قتلت ثلاثة.\n"
                  "وأكدت أن الضربتين لم تسفرا عن إصابات بين المدنيين.\n"
                  "وقال مصدر محلي إن الضربة الأولى أصابت منزلاً، فيما أصابت الثانية مزرعة.")
    zeros = sorted(c.event_date.start.day for c in claims if c.kind == "civilians_harmed")
    assert zeros == [5, 7]
    targets = {c.target.rstrip("."): c.event_date.start.day for c in claims
               if c.kind == "targeting"}
    assert targets == {"منزلاً": 5, "مزرعة": 7}


def test_the_council_of_the_town_just_named() -> None:
    claim = one("قتل عشرة أشخاص في قصف على مدينة غات، بحسب المجلس البلدي للمدينة.", "killed")
    assert claim.party == "ghat_municipality"


@pytest.mark.parametrize(
    ("sentence", "kind", "civilians"),
    [
        ("وقال عميد بلدية غات إن الغارة أصابت راعياً بجروح.", "injured", False),
        ("وقال عميد بلدية غات إن الغارة أسفرت عن مقتل مدني.", "killed", True),
    ],
)
def test_one_person_without_a_number(sentence: str, kind: str, civilians: bool) -> None:
    found = {(s.kind, s.value) for s in seen(sentence)}
    assert (kind, 1) in found
    assert (("civilians_harmed", 1) in found) == civilians


def test_no_resident_was_hurt() -> None:
    claim = one("وقال آمر المنطقة إن «لا أحد من السكان أصيب في الغارة».", "civilians_harmed")
    assert claim.value == 0


def test_no_civilian_casualties_denies_civilians_killed_but_not_civilians_wounded() -> None:
    killed = seen("قال عميد بلدية مرزق إن بين القتلى ثمانية أطفال.\nفي المقابل، قال المتحدث "
                  "باسم القيادة العامة إن الغارة استهدفت مخزناً، نافياً سقوط ضحايا مدنيين.")
    assert any(s.kind == "civilians_harmed" and s.value == 8 and s.stance == "denies"
               for s in killed)
    wounded = seen("قال مدير مستشفى سبها إن من بين الجرحى طفلاً.\nونفى عميد بلدية سبها سقوط "
                   "أي قتلى من المدنيين في الغارة.")
    assert not any(s.stance == "denies" for s in wounded)


def test_strength_named_with_a_pronoun() -> None:
    claim = one("وتقول الولايات المتحدة إن عدد مقاتليه هناك تراجع إلى أقل من 200.",
                "remaining_strength")
    assert (claim.party, claim.value, claim.qualifier) == ("us_government", 200, "at_most")


def test_part_of_the_dead_said_to_be_civilians() -> None:
    found = {(s.kind, s.value) for s in seen("وقال أحد السكان إن ستة من القتلى مدنيون.")}
    assert found == {("civilians_harmed", 6)}


def test_one_child_among_those_counted() -> None:
    found = {(s.kind, s.value) for s in seen(
        "وقال مدير مستشفى غات إن المستشفى استقبل جثتين وثلاثة جرحى، بينهم طفل.")}
    assert found == {("killed", 2), ("injured", 3), ("civilians_harmed", 1)}


def test_a_count_written_after_the_strikes() -> None:
    claim = one("وأكدت أفريكوم أن الضربات الثلاث التي نفذتها الخميس قرب سبها قتلت 19 عنصراً.",
                "strikes")
    assert claim.value == 3 and claim.event_date.start == date(2019, 10, 17)


def test_the_strike_named_twice_in_one_sentence_is_one_strike() -> None:
    claims = read("ردّ المجلس البلدي غات على بيان أفريكوم بشأن الغارة التي نفذتها ليلة السبت، "
                  "مؤكدا أن الغارة لم تسفر عن مقتل أي شخص.")
    (zero,) = [c for c in claims if c.kind == "killed"]
    assert (zero.party, zero.value, zero.event_date.start) == ("ghat_municipality", 0,
                                                                date(2019, 10, 19))


def test_stated_is_not_replied() -> None:
    claims = read("أعلنت أفريكوم مقتل ثلاثة مسلحين في غارة قرب غات.\nونفى عميد بلدية غات صحة ما "
                  "ورد في البيان، مؤكداً أن الغارة لم تقتل أحداً.")
    assert any(c.stance == "denies" and c.value == 3 for c in claims)


def test_a_depot_in_a_list_of_things_destroyed_is_what_was_hit() -> None:
    found = seen("وقال الجيش إن الغارات دمرت آليتين ومخزناً للأسلحة.")
    assert {(s.kind, s.value) for s in found} == {("vehicles_destroyed", 2),
                                                  ("buildings_destroyed", 1), ("targeting", None)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قالت وزارة الصحة بحكومة الوفاق إن خمسة مدنيين استشهدوا وأصيب ثمانية آخرون في الغارة.",
         {("killed", 5), ("civilians_harmed", 5), ("injured", 8)}),
        ("وقال شهود إن الغارة أسفرت عن مقتل عدد منهم.", {("killed", None)}),
        ("وقال المسؤول إن عدد عناصر التنظيم بات يقدر بأقل من مئة عنصر، مقارنة بنحو 400 عنصر "
         "مطلع العام.", {("remaining_strength", 100), ("remaining_strength", 400)}),
        ("وأعلنت القيادة العامة هلاك 12 إرهابياً في الغارة.", {("killed", 12)}),
    ],
)
def test_more_ways_to_count(sentence: str, expected: set[tuple[str, int | None]]) -> None:
    assert {(s.kind, s.value) for s in seen(sentence)} == expected


def test_a_negated_present_verb_is_no_speech() -> None:
    claims = read("وذكرت أفريكوم أن الضربة جرت بالتنسيق مع حكومة الوفاق، وأن تقييمها لا يشير إلى "
                  "وقوع ضحايا مدنيين.")
    assert {(c.party, c.kind, c.value) for c in claims} == {
        ("africom", "coordination", None), ("africom", "civilians_harmed", 0)}


# --- seventh round: rules found on unseen wording ----------------------------------------


def test_refusing_to_confirm_a_toll_denies_nothing() -> None:
    claims = read("قال مسؤول في مستشفى سبها إن المستشفى استقبل أربع جثث.\n"
                  "وقال متحدث باسم أفريكوم إن القيادة تراجع التقارير، رافضاً التعليق على الحصيلة.")
    assert not [c for c in claims if c.stance == "denies"]


def test_no_fighters_among_the_dead_makes_them_civilians_not_a_target_denial() -> None:
    found = seen("وقال مدير مستشفى سبها إن القتلى من عمال المزارع، نافياً وجود أي مسلحين بينهم.")
    assert ("sabha_hospital", "civilians_harmed", None, "asserts", None) in found
    assert not [s for s in found if s.kind == "targeting"]


def test_the_group_news_agency_in_quotes_speaks_for_the_group() -> None:
    claims = read('ونشرت وكالة "أعماق" بياناً زعمت فيه أن الغارة قتلت ثلاثة رعاة.')
    killed = next(c for c in claims if c.kind == "killed")
    assert (GAZETTEER.root(killed.party), killed.value) == ("isis", 3)


def test_a_verb_without_subject_speaks_for_the_owner_of_the_strike_named() -> None:
    claims = read("وأعلن الجيش الوطني الليبي مقتل ستة مسلحين.\n"
                  "ويأتي ذلك بعد أسابيع من غارة مماثلة للجيش قرب هون، قال إنها قتلت 9 عناصر.")
    nine = next(c for c in claims if c.value == 9)
    assert GAZETTEER.root(nine.party) == "lna"


def test_a_series_of_raids_at_one_place_on_one_dawn_is_one_strike() -> None:
    claim = one("قال الجيش الوطني الليبي إن طيرانه نفذ فجر الخميس سلسلة غارات على معسكر "
                "للتنظيم قرب هون، قتل خلالها 5 مسلحين.", "killed")
    assert (claim.value, claim.event_date.start) == (5, date(2019, 10, 17))


def test_strikes_on_listed_days_at_listed_places_are_told_in_that_order() -> None:
    claims = read("أعلنت أفريكوم أنها نفذت ضربتين يومي 15 و17 أكتوبر في منطقتي غات ومرزق.\n"
                  "وقالت إن الضربة الأولى قتلت أربعة مسلحين، فيما قتلت الثانية مسلحاً واحداً.\n"
                  "وقال مصدر محلي في مرزق إن الضربة أصابت شاحنة على الطريق.")
    by_value = {c.value: c.event_date.start for c in claims if c.kind == "killed"}
    assert by_value == {4: date(2019, 10, 15), 1: date(2019, 10, 17)}
    target = next(c for c in claims if c.kind == "targeting")
    assert target.event_date.start == date(2019, 10, 17)


def test_a_nominal_negation_with_a_preposition_is_a_zero() -> None:
    claim = one("وأفادت أفريكوم بعدم مقتل أو إصابة أي مدني في الغارة.", "civilians_harmed")
    assert claim.value == 0


@pytest.mark.parametrize(
    "sentence",
    ['وبهاتين الضربتين يرتفع عدد الضربات الأمريكية في ليبيا إلى 9 ضربات، وفق إحصاء لـ"الموقع".',
     "وبهذه الغارة يرتفع عدد الضربات التي نفذتها أفريكوم في الجنوب إلى تسع ضربات."],
)
def test_a_running_count_in_the_outlet_voice_is_the_outlet_s(sentence: str) -> None:
    claims = read("أعلنت أفريكوم مقتل مسلحين اثنين في غارة قرب غات.\n" + sentence)
    count = next(c for c in claims if c.kind == "strikes")
    assert (count.party, count.value) == ("testoutlet", 9)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وأكد العميد أن القتلى الأربعة مدنيون.", {("killed", 4), ("civilians_harmed", 4)}),
        ("وقالت البلدية إن غارة أوقعت قتيلاً وجريحين.", {("killed", 1), ("injured", 2)}),
        ("وقال المصدر إن جثة سائق الشاحنة نقلت إلى المستشفى.", {("killed", 1)}),
        ("وأكد المستشفى أنه لم يستقبل أي جريح أو جثة.", {("injured", 0)}),
    ],
)
def test_counts_written_without_a_figure_before_the_noun(
        sentence: str, expected: set[tuple[str, int | None]]) -> None:
    claims = read("قال مسؤول محلي إن غارة جوية استهدفت منزلاً قرب غات فجر الجمعة.\n" + sentence)
    last = [c for c in claims if c.quote.startswith(sentence[:20])]
    assert {(c.kind, c.value) for c in last} >= expected


# --- eighth round ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قالت أفريكوم إن الغارة أودت بحياة أربعة من أعضاء التنظيم.", {("killed", 4)}),
        ("وقال المصدر إن الغارة دمرت عربتين مسلحتين.", {("vehicles_destroyed", 2)}),
        ("وقال عضو المجلس إن ضحاياه خمسة أشخاص.", {("killed", 5)}),
        ("ويقدر الجيش الأمريكي أن أقل من 150 مقاتلا من التنظيم لا يزالون ينشطون في الجنوب.",
         {("remaining_strength", 150)}),
        ("وقالت أفريكوم إن تقييمها لا يشير إلى مقتل أو جرح أي مدني.", {("civilians_harmed", 0)}),
    ],
)
def test_more_ways_to_say_it(sentence: str, expected: set[tuple[str, int | None]]) -> None:
    found = {(s.kind, s.value) for s in seen("أعلنت أفريكوم تنفيذ غارة قرب غات فجر الجمعة.\n"
                                            + sentence) if s.kind != "targeting"}
    assert found >= expected


def test_the_source_of_an_organisation_is_the_source_later() -> None:
    claims = read("قال مصدر عسكري بحكومة الوفاق إن الغارة قتلت 6 مسلحين قرب غات.\n"
                  "وأشار المصدر إلى أن الضربة تمت بالتنسيق مع غرفة العمليات.")
    assert {GAZETTEER.root(c.party) for c in claims} == {"gna"}


def test_since_then_makes_a_total_and_the_last_of_them_is_one_strike() -> None:
    claims = read("منذ سبتمبر الماضي كثفت أفريكوم ضرباتها. وتقول أفريكوم إن خمس ضربات نفذتها منذ "
                  "ذلك الحين أدت إلى مقتل 30 مسلحا.\n"
                  "وفي آخر هذه الضربات، التي نفذت في 15 أكتوبر قرب مرزق، قالت أفريكوم إنها قتلت "
                  "ثلاثة عناصر.")
    total = one_of(claims, "killed_total")
    assert (total.value, total.event_date.precision != "day") == (30, True)
    last = one_of(claims, "killed")
    assert (last.value, last.event_date.start) == (3, date(2019, 10, 15))
    strikes = one_of(claims, "strikes")
    assert strikes.event_date.precision != "day"


def one_of(claims: list[ClaimDraft], kind: str) -> ClaimDraft:
    found = [c for c in claims if c.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_activists_doubting_the_figures_deny_the_total() -> None:
    claims = read("وتقول أفريكوم إن ست ضربات نفذتها منذ ذلك الحين قتلت 40 مسلحا.\n"
                  "لكن ناشطين في الجنوب يشككون في هذه الأرقام، ويقولون إن بين القتلى رعاة لا "
                  "علاقة لهم بالتنظيم.")
    doubt = [c for c in claims if c.party == "unnamed_local_source"]
    assert {(c.kind, c.value, c.stance) for c in doubt} == {
        ("killed_total", 40, "denies"), ("civilians_harmed", None, "asserts")}


def test_a_researcher_is_an_expert_and_a_title_before_a_name_is_the_person() -> None:
    expert = one("ويقول الباحث في الشؤون الليبية إن عدد مقاتلي التنظيم لا يتجاوز 300.",
                 "remaining_strength")
    assert expert.party == "experts"
    claims = read("قالت أفريكوم إن غارة قتلت 5 مسلحين قرب غات.\n"
                  "وهي رواية نفاها الخبير العسكري في حكومة الوفاق عادل عبد الكافي.")
    assert {c.party for c in claims if c.stance == "denies"} == {"adel_abdel_kafi"}


def test_the_target_after_the_clause_that_names_who_struck() -> None:
    claim = one("قتل مدنيان جراء غارة جوية شنها طيران حفتر، على مزرعة قرب غدوة، مساء الجمعة.",
                "targeting")
    assert claim.event_date.start == date(2019, 10, 18)


# --- ninth round ----------------------------------------------------------------------------


def test_denying_the_targeting_of_any_houses_is_a_target_denial() -> None:
    claims = read("قال عميد بلدية سبها إن الغارة استهدفت منازل مدنيين.\n"
                  "من جهتها، نفت القيادة العامة في بيان استهداف أي منازل.")
    assert {(c.party, c.kind, c.stance) for c in claims} == {
        ("sabha_municipality", "targeting", "asserts"), ("lna", "targeting", "denies")}


def test_describing_a_claim_as_exaggerated_denies_it() -> None:
    claims = read("أعلن الجيش الوطني الليبي مقتل 6 إرهابيين في غارة على غات.\n"
                  "في المقابل، وصف المجلس البلدي غات ما أعلنه الجيش بأنه \"مبالغ فيه\".")
    assert {(c.party, c.value, c.stance) for c in claims} == {
        ("lna", 6, "asserts"), ("ghat_municipality", 6, "denies")}


@pytest.mark.parametrize(
    ("sentence", "zero"),
    [("ولم يشر البيان إلى سقوط ضحايا في صفوف المدنيين.", False),
     ("وقالت أفريكوم إن تقييمها الأولي لم يشر إلى وقوع إصابات بين المدنيين.", True)],
)
def test_a_statement_silent_on_civilians_claims_no_zero(sentence: str, zero: bool) -> None:
    claims = read("أعلنت أفريكوم مقتل 4 مسلحين في غارة قرب غات.\n" + sentence)
    assert any(c.kind == "civilians_harmed" for c in claims) == zero


def test_the_toll_of_a_war_and_the_displaced_are_no_strike_claims() -> None:
    claims = read("تدخل المعارك جنوب طرابلس شهرها السابع، وسط تقديرات بسقوط أكثر من ألف قتيل، "
                  "ونزوح ما يزيد على 120 ألف شخص.\n"
                  "وفي الجنوب، قالت أفريكوم إنها قتلت ستة متشددين في غارة قرب غدوة.")
    assert {(c.kind, c.value) for c in claims} == {("killed", 6)}


def test_the_day_of_both_strikes_dates_the_strikes_told_respectively() -> None:
    claims = read("أعلن الجيش الليبي أن سلاح الجو شن غارتين على أوكار للتنظيم في منطقتي زويلة "
                  "وأم الأرانب، أسفرتا عن مقتل 5 و3 من عناصر التنظيم على التوالي.\n"
                  "وأضاف أن الغارتين نفذتا صباح الثلاثاء.", date(2019, 10, 23))
    killed = {c.value: c.event_date.start for c in claims if c.kind == "killed"}
    assert killed == {5: date(2019, 10, 22), 3: date(2019, 10, 22)}
    assert len({c.place for c in claims if c.kind == "killed"}) == 2


def test_strikes_over_the_last_days_and_what_these_strikes_did() -> None:
    claims = read("أعلن الجيش الليبي أن سلاح الجو نفذ خلال الأيام الثلاثة الماضية سلسلة غارات "
                  "على مقرات للتنظيم في الجفرة.\n"
                  "وقال بيان للقيادة العامة إنه تم خلال هذه الغارات القضاء على 11 إرهابيا.")
    total = one_of(claims, "killed_total")
    assert (total.value, total.event_date.precision != "day") == (11, True)


def test_the_town_of_an_institution_is_not_where_the_strike_was() -> None:
    claims = read("وأوضح العميد أن غارة الخميس الماضي على منطقة القطرون أسفرت عن مقتل تسعة عناصر.\n"
                  "كما أشار إلى أن الغارة نفذت بناء على معلومات قدمتها الأجهزة الأمنية في سبها، "
                  "في إطار التعاون القائم بين الطرفين.")
    assert {c.event_date.start for c in claims} == {date(2019, 10, 17)}


# --- tenth round ----------------------------------------------------------------------------


def test_a_vehicle_named_with_its_owner_is_one_vehicle() -> None:
    claim = one("وقال مصدر محلي إن الغارة دمرت سيارتهم بالكامل قرب غات.", "vehicles_destroyed")
    assert claim.value == 1


def test_a_count_compiled_by_the_outlet_from_someone_else_s_data_is_the_outlet_s() -> None:
    claims = read('وبحسب إحصاء أعدته "الموقع" استنادا إلى بيانات أفريكوم، نفذت الطائرات '
                  "الأميركية 9 ضربات بين 19 سبتمبر و30 نوفمبر، قتل فيها 70 عنصرا.")
    assert {(c.party, c.kind, c.value, c.event_date.precision == "day") for c in claims} == {
        ("testoutlet", "strikes", 9, False), ("testoutlet", "killed_total", 70, False)}


def test_the_fiercest_of_these_strikes_is_one_strike_with_its_own_day() -> None:
    claims = read("نفذت أفريكوم خمس ضربات منذ سبتمبر قتلت خلالها 40 مسلحا.\n"
                  "وكانت أعنف هذه الضربات تلك التي استهدفت تجمعا للتنظيم قرب مرزق في 26 سبتمبر، "
                  "وأسفرت عن مقتل 17 مسلحا، بحسب أفريكوم.")
    killed = one_of(claims, "killed")
    assert (killed.value, killed.event_date.start) == (17, date(2019, 9, 26))


def test_the_day_a_statement_was_published_is_not_the_day_of_the_strike() -> None:
    claims = read("قال مدير مستشفى هون إن المستشفى استقبل خمس جثث بعد قصف سيارتين مساء الجمعة.\n"
                  "وتبنت القيادة العامة الغارة في بيان نشرته صفحتها صباح السبت، وقالت إنها "
                  "استهدفت سيارتين تقلان عناصر من داعش.")
    assert {c.event_date.start for c in claims} == {date(2019, 10, 18)}


def test_strength_then_and_now_in_one_sentence() -> None:
    found = {(s.kind, s.value) for s in seen(
        "ويقدر مسؤولون أميركيون أن عدد عناصر التنظيم في ليبيا انخفض من نحو 750 عام 2016 إلى "
        "أقل من 100 حاليا.")}
    assert found == {("remaining_strength", 750), ("remaining_strength", 100)}


def test_a_run_without_full_stops_is_read_in_bounded_time() -> None:
    import time

    text = "قالت أفريكوم إن الغارة قتلت 4 مسلحين، " * 3000  # 110 KB, one "sentence"
    start = time.perf_counter()
    claims = read(text)
    assert time.perf_counter() - start < 10
    assert claims


# --- who struck: the perpetrator is whoever flies the strike, not only the US or the LNA -----

def test_a_foreign_air_force_is_the_perpetrator_of_its_raids() -> None:
    text = ("شنت المقاتلات المصرية فجر الجمعة ست غارات على مواقع قرب درنة.\n"
            "وقال المتحدث العسكري المصري إن الغارات قتلت 14 مسلحا.\n"
            "في المقابل، قال مجلس شورى مجاهدي درنة إن القصف أصاب منازل وقتل 3 مدنيين.")
    claims = read(text)
    assert {c.perpetrator for c in claims if c.kind in ("killed", "strikes")} == {
        "egyptian_military"}
    killed = {(c.party, c.value) for c in claims if c.kind == "killed"}
    assert killed == {("egyptian_military_spokesman", 14), ("derna_shura_council", 3)}


def test_a_bodys_seat_is_not_where_the_strike_fell() -> None:
    text = ("قالت أفريكوم أمس السبت إنها نفذت الجمعة غارة جوية قرب أوباري.\n"
            "وأوضحت أن الغارة تمت بالتنسيق مع حكومة الوفاق التي تتخذ من طرابلس مقرا لها.\n"
            "وأضافت أن خمسة مسلحين قتلوا فيها.")
    claims = read(text)
    assert {(c.kind, c.place, c.event_date.start.isoformat()) for c in claims} >= {
        ("coordination", "ubari", "2019-10-18"), ("killed", "ubari", "2019-10-18")}


def test_the_day_a_war_began_dates_no_strike() -> None:
    text = ("وقال المتحدث إن هجوم قوات حفتر جاء بعد فشلها في معركة طرابلس التي بدأت في 4 "
            "أبريل الماضي، وإن الغارات أصابت مزرعة قرب غريان.")
    assert {c.event_date.precision for c in read(text) if c.kind == "targeting"} == {"window"}


def test_a_place_located_by_a_bigger_town_is_one_place() -> None:
    # Read as two places, the two strikes would be two incidents (one at Sirte) and their
    # joint toll a total over both.
    text = ("أعلن الجيش الوطني أن سلاح الجو نفذ أمس السبت غارتين على مخابئ للتنظيم في منطقة "
            "هراوة شرق سرت، ما أسفر عن مقتل عدد من المسلحين.\n"
            "وقال المتحدث إن الغارة الأولى دمرت مقرا للتنظيم.")
    claims = read(text)
    assert {(c.kind, c.place) for c in claims if c.kind == "strikes"} == {
        ("strikes", "harawa")}
    assert {c.place for c in claims} == {"harawa"}
    kinds = {c.kind for c in claims}
    assert "killed" in kinds and "killed_total" not in kinds


# --- interviews: an answer is the interviewee's word ---------------------------------------

INTERVIEW = (
    "التقت الصحيفة أمس السبت المتحدث باسم الجيش الوطني الليبي اللواء أحمد المسماري، "
    "وأجرت معه الحوار التالي:\n"
    "الصحيفة: ماذا حققت الغارات الأخيرة في الجنوب؟\n"
    "المسماري: الكثير. غارة الخميس الماضي على مخبأ قرب أوباري قتلت تسعة إرهابيين.\n"
    "الصحيفة: وهل سقط مدنيون؟\n"
    "المسماري: لا، لم يصب أي مدني في تلك الغارة.\n"
)


def test_answers_in_an_interview_speak_for_the_interviewee() -> None:
    claims = read(INTERVIEW)
    answers = {(c.party, c.kind, c.value) for c in claims}
    assert {("ahmed_mismari", "killed", 9), ("ahmed_mismari", "civilians_harmed", 0)} <= answers
    assert all(c.said_on.start == date(2019, 10, 19) for c in claims)


def test_interview_answers_under_short_labels_go_to_whom_the_introduction_names() -> None:
    text = INTERVIEW.replace("الصحيفة:", "س:").replace("المسماري:", "ج:")
    assert {GAZETTEER.root(c.party) for c in read(text)} == {"lna"}



# --- who and when, at the end of a lead -----------------------------------------------------

def test_a_closing_attribution_gives_the_party_and_the_day_it_spoke() -> None:
    text = ("قتل 4 أشخاص، مساء الخميس، في قصف نفذته طائرة مسيرة على منزل قرب غريان، وفق ما "
            "أعلنته وزارة الصحة بالحكومة المعترف بها دوليا، أمس السبت.")
    claim = one(text, "killed")
    assert (GAZETTEER.root(claim.party), claim.value) == ("gna", 4)
    assert claim.event_date.start == date(2019, 10, 17)
    assert claim.said_on.start == date(2019, 10, 19)


def test_hasabama_closes_an_attribution() -> None:
    text = ("قتل شخصان مساء الجمعة في قصف استهدف سيارة قرب أوباري، حسبما أورد المجلس البلدي "
            "أوباري في منشور على صفحته.")
    assert one(text, "killed").party == "ubari_municipality"


def test_a_hospital_with_an_adjective_and_an_area_and_a_source_inside_it() -> None:
    text = ("وقال مدير المستشفى الميداني في منطقة السواني إن المستشفى استقبل جثامين أربعة "
            "أشخاص.\nوقال مصدر طبي في المستشفى إن ثلاثة جرحى نقلوا إلى طرابلس.")
    assert {(c.party, c.kind, c.value) for c in read(text)} >= {
        ("swani_hospital", "killed", 4), ("swani_hospital", "injured", 3)}


def test_a_strike_told_by_its_aircraft_dates_the_claims_that_follow() -> None:
    text = ("قصفت طائرة مسيرة مساء الخميس هدفا على الطريق الساحلي قرب مدينة الزاوية.\n"
            "وقال مدير مستشفى الزاوية إن المستشفى استقبل جثامين أربعة أشخاص.")
    claim = one(text, "killed")
    assert (claim.party, claim.place, claim.event_date.start) == (
        "zawiya_hospital", "zawiya", date(2019, 10, 17))


# --- which day belongs to the strike, and which to something else in the sentence ----------

def test_a_day_in_a_later_statement_of_the_sentence_does_not_date_the_strike() -> None:
    text = ("قال رئيس بلدية زليتن إن الغارة التي استهدفت مزرعة فجر الخميس قتلت خمسة أشخاص.\n"
            "وأضاف أن القصف دمر مخزنا للوقود، لافتا إلى أن فرق الإطفاء عملت حتى ظهر أمس على "
            "إخماد النيران.")
    assert {(c.kind, c.value, c.event_date.start) for c in read(text)} >= {
        ("killed", 5, date(2019, 10, 17)), ("buildings_destroyed", 1, date(2019, 10, 17))}


def test_a_day_that_dates_something_else_before_the_strike_does_not_date_it() -> None:
    text = ("أعلنت أفريكوم أمس السبت أن ضربة جوية نفذتها فجر الجمعة قرب أوباري قتلت سبعة "
            "مسلحين.\nوأكدت الخارجية التونسية أن اثنين من رعاياها، وهما مدنيان خطفا يوم 3 "
            "أغسطس الماضي، كانا محتجزين في المزرعة وقضيا في القصف.")
    civilians = one(text, "civilians_harmed")
    assert (civilians.value, civilians.event_date.start) == (2, date(2019, 10, 18))


def test_an_ordinal_after_a_toll_that_rose_is_no_figure() -> None:
    text = ("قال عميد بلدية صبراتة إن حصيلة الغارة ارتفعت إلى 33 قتيلا، بعد أن كانت الحصيلة "
            "الأولى 27 قتيلا.")
    assert sorted(c.value for c in read(text) if c.kind == "killed") == [27, 33]


def test_a_strike_called_by_its_weekday_in_an_undated_article() -> None:
    text = ("نفذت طائرات أمريكية غارة يوم الخميس 12/9/2019 على منزل قرب مرزق، ثم غارة ثانية يوم "
            "الثلاثاء 17/9/2019 قرب أوباري.\nوقال المجلس البلدي أوباري إن غارة الثلاثاء قتلت "
            "ثلاثة رعاة.")
    for published in (None, date(2019, 9, 30)):
        claim = one(text, "killed", published)
        assert (claim.value, claim.event_date.start) == (3, date(2019, 9, 17))


def test_a_toll_shared_out_over_the_strikes_of_a_pair() -> None:
    text = ("أعلنت أفريكوم أمس السبت أنها نفذت غارتين قرب سبها يومي الأربعاء والجمعة، قتل فيهما "
            "عشرة مسلحين، سبعة منهم في الغارة الأولى وثلاثة في الثانية.")
    killed = {(c.value, c.event_date.start) for c in read(text) if c.kind == "killed"}
    assert killed == {(7, date(2019, 10, 16)), (3, date(2019, 10, 18))}


def test_a_later_day_in_the_sentence_does_not_move_a_strike_already_dated() -> None:
    text = ("أعلنت أفريكوم أمس السبت أنها نفذت غارتين قرب سبها يومي الأربعاء والجمعة.\n"
            "وقال مصدر محلي إن الغارة الأولى استهدفت سيارة، وإن الأهالي عثروا صباح اليوم "
            "التالي على جثث أربعة أشخاص.")
    claim = one(text, "killed")
    assert (claim.value, claim.event_date.start) == (4, date(2019, 10, 16))


def test_a_source_in_an_operations_room_speaks_for_the_operation() -> None:
    text = ("وكشف مصدر عسكري في غرفة عمليات البنيان المرصوص أن الغارة قتلت تسعة من عناصر "
            "التنظيم.")
    assert one(text, "killed").party == "gna_source"


def test_the_reader_s_patterns_are_written_in_the_normalised_alphabet() -> None:
    """The reader matches normalised text (أ/إ/آ→ا, ى→ي, ة→ه, ؤ→و, ئ→ي): a pattern with one of
    the folded letters can never match there, and fails silently."""
    import importlib
    import pkgutil
    import re

    import claimtrack_plugins.generic_arabic as package

    folded = set("أإآىةؤئ")
    unreachable = [
        f"{info.name}.{name}"
        for info in pkgutil.iter_modules(package.__path__)
        for name, value in vars(importlib.import_module(f"{package.__name__}.{info.name}")).items()
        if isinstance(value, re.Pattern) and folded & set(value.pattern)
    ]
    assert unreachable == []


# --- the air war around Tripoli, and monitors writing in their own name ----------------------

@pytest.mark.parametrize("verb", ["قصفت", "دكت", "أغارت على"])
def test_what_a_bombing_verb_hit_is_the_target(verb: str) -> None:
    text = f"وقال المجلس البلدي غريان إن طائرة مسيرة {verb} مخزنا للأدوية مساء الجمعة."
    claim = one(text, "targeting")
    assert (claim.party, claim.event_date.start) == ("gharyan_municipality", date(2019, 10, 18))


def test_its_aircraft_before_the_verb_tell_the_strike_and_its_day() -> None:
    text = ("أعلنت عملية بركان الغضب في بيان مساء السبت أن طائراتها استهدفت فجر اليوم ذاته رتلا "
            "قرب ترهونة، وأن الضربة أسفرت عن مقتل تسعة من عناصره.")
    assert one(text, "killed").event_date.start == date(2019, 10, 19)


def test_a_monitor_writing_in_the_first_person_is_the_outlet() -> None:
    text = ("وأعلنت أفريكوم أنها قتلت ستة مسلحين في غارة قرب مرزق.\n"
            "وبعد مراجعة الروايات المحلية، قدّرنا عدد الضحايا المدنيين في الغارة بمدنيين اثنين.")
    assert ("testoutlet", 2) in {(c.party, c.value) for c in read(text)
                                 if c.kind == "civilians_harmed"}


def test_a_party_heading_a_line_before_a_colon_speaks_it() -> None:
    text = ("▪️ قصفت طائرة مسيرة سيارة قرب بني وليد فجر اليوم.\n"
            "▪️ مستشفى بني وليد العام: وصول ثلاث جثث إلى قسم الطوارئ.")
    claim = one(text, "killed")
    assert (claim.party, claim.value) == ("bani_walid_hospital", 3)


def test_a_town_s_hospital_speaks_of_the_strike_on_its_town() -> None:
    text = ("قصفت طائرة مسيرة مساء الخميس شاحنة قرب الزاوية، فيما أعلنت قوات الوفاق أن طائراتها "
            "أغارت فجر الجمعة على تمركزات قرب الوطية.\n"
            "وقال مدير مستشفى الزاوية إن المستشفى استقبل جثامين ثلاثة أشخاص.")
    claim = one(text, "killed")
    assert (claim.party, claim.event_date.start) == ("zawiya_hospital", date(2019, 10, 17))


# --- tolls told by their victims' work, and harm that did not come from the air -------------

@pytest.mark.parametrize(("sentence", "kind"), [
    ("فقضى مسعفان وأصيب ثالث بجروح", "killed"),
    ("وقُتل سائقا الشاحنتين على الفور", "killed"),
    ("ما أدى إلى إصابة مسافرَين اثنين بشظايا", "injured"),
])
def test_two_people_named_by_their_work_are_a_toll_of_two(sentence: str, kind: str) -> None:
    text = f"وقال مصدر طبي إن طائرة مسيرة استهدفت سيارة قرب ترهونة مساء الجمعة، {sentence}."
    claim = one(text, kind)
    assert (claim.value, claim.event_date.start) == (2, date(2019, 10, 18))


def test_a_drone_s_targeting_of_a_car_tells_the_strike_and_its_day() -> None:
    text = ("قتل ثلاثة أشخاص صباح الثلاثاء 15 أكتوبر 2019 إثر استهداف طائرة مسيرة سيارة مدنية "
            "على طريق المطار، بحسب ما أعلنه الهلال الأحمر الليبي.")
    claim = one(text, "killed")
    assert (claim.party, claim.event_date.start) == ("libyan_red_crescent", date(2019, 10, 15))


def test_a_bare_head_noun_points_back_to_the_organisation_it_heads() -> None:
    text = ("قتل ثلاثة أشخاص في غارة على سيارة تابعة لجمعية الهلال الأحمر الليبي قرب ترهونة "
            "مساء الجمعة، بحسب ما أعلنته الجمعية.")
    assert one(text, "killed").party == "libyan_red_crescent"


@pytest.mark.parametrize("sentence", [
    "وبعد ساعات سقطت قذائف هاون على منازل في حي أبو سليم، ما أسفر عن مقتل طفلين وإصابة والدتهما.",
    "وقُتل ثلاثة أشخاص وأصيب ثمانية في انفجار سيارة مفخخة قرب مركز تجاري في بنغازي.",
    "وانتشل خفر السواحل 9 جثث لمهاجرين من قارب مطاطي غرق قبالة صبراتة.",
])
def test_tolls_of_shelling_or_a_car_bomb_are_not_the_strike_s(sentence: str) -> None:
    text = "وقال مسؤول في بلدية ترهونة إن غارة جوية قتلت أربعة مسلحين مساء الجمعة.\n" + sentence
    assert [(c.kind, c.value) for c in read(text) if c.kind in ("killed", "injured")] == [
        ("killed", 4)]


def test_a_war_s_toll_to_date_keeps_only_its_share_from_the_air() -> None:
    text = ("وذكرت بعثة الأمم المتحدة للدعم في ليبيا أنها أحصت منذ بداية الهجوم على طرابلس أكثر "
            "من 280 قتيلا في صفوف المدنيين، سقط نحو 180 منهم في غارات جوية.")
    assert {c.value for c in read(text) if c.kind in ("killed", "killed_total")} == {180}


def test_a_risen_toll_of_one_strike_is_that_strike_s_toll() -> None:
    text = ("قتل مسعفان في غارة على سيارة إسعاف في عين زارة مساء الجمعة.\n"
            "وأعلن الهلال الأحمر الليبي أن مسعفا ثالثا توفي، ليرتفع عدد ضحايا الغارة إلى ثلاثة.")
    claim = next(c for c in read(text) if c.value == 3)
    assert (claim.kind, claim.event_date.start) == ("killed", date(2019, 10, 18))


def test_a_monitor_counting_the_dead_speaks_for_itself() -> None:
    text = ("قتل سبعة أشخاص في غارة جوية على مزرعة قرب سبها فجر الجمعة.\n"
            "وقال الهلال الأحمر إن فرقه انتشلت الجثث.\n"
            "ووثقت منظمة العفو الدولية مقتل خمسة مدنيين بين القتلى.")
    assert ("amnesty", 5) in {(c.party, c.value) for c in read(text)
                              if c.kind == "civilians_harmed"}


def test_civilians_among_them_named_after_a_qualifier() -> None:
    text = ("وقال أحد أعيان المدينة إن خمسة أشخاص قُتلوا في غارة على مزرعة قرب مرزق فجر الجمعة، "
            "\"ثلاثة منهم على الأقل مدنيون\".")
    claim = one(text, "civilians_harmed")
    assert (claim.value, claim.qualifier) == (3, "at_least")


def test_the_council_of_the_town_named_before_an_aside_on_where_it_lies() -> None:
    text = ("وفي غريان (نحو 80 كيلومترا جنوب طرابلس)، أفاد المجلس البلدي، أمس، بأن غارة جوية "
            "استهدفت ليل الجمعة مخزنا للأدوية من دون أن توقع قتلى.")
    assert one(text, "targeting").party == "gharyan_municipality"


def test_the_toll_of_a_war_since_it_began_is_no_strike_figure() -> None:
    text = ("وقال مسؤول في بلدية ترهونة إن غارة جوية قتلت أربعة مسلحين مساء الجمعة.\n"
            "ومنذ أن أطلق حفتر هجومه على طرابلس في 4 أبريل، قُتل أكثر من 1100 شخص ونزح نحو "
            "120 ألفا، وفق أرقام الأمم المتحدة.")
    assert [(c.kind, c.value) for c in read(text) if c.kind.startswith("killed")] == [
        ("killed", 4)]


def test_a_government_condemning_a_strike_speaks_what_follows() -> None:
    text = ("وأعلنت الحكومة الصربية أن موظفَين في سفارتها قتلا في الغارة على صبراتة.\n"
            "ودانت حكومة الإنقاذ الوطني في طرابلس الغارة، مؤكدة في بيان أنها نُفذت \"دون علمها "
            "أو التنسيق معها\".")
    claim = one(text, "coordination")
    assert (claim.party, claim.stance) == ("salvation_government", "denies")


def test_by_our_own_count_is_the_outlet_even_when_based_on_another_s_data() -> None:
    text = ("نفذت أفريكوم 40 ضربة جوية في ليبيا بين 2015 و2019.\n"
            "ووفق حسابنا المستند إلى بيانات القيادة، قُتل في هذه الضربات ما مجموعه ١٧٧ عنصرا.")
    claim = one(text, "killed_total")
    assert (claim.party, claim.value) == ("testoutlet", 177)


def test_a_terror_attack_on_the_ground_is_no_strike() -> None:
    text = ("قالت القوات المسلحة المصرية إن طائراتها نفذت ست ضربات على درنة مساء الجمعة.\n"
            "يُذكر أن الهجوم الإرهابي على حافلة المنيا، الذي وقع صباح أمس، أسفر عن استشهاد 29 "
            "شخصا وإصابة 24 آخرين، وفق بيان لوزارة الصحة.")
    assert [c.kind for c in read(text)] == ["strikes"]


def test_a_hospital_source_quoted_by_an_outlet_named_after_the_country() -> None:
    text = ("قتل شخصان في غارة لطائرة مسيرة قرب أوباري مساء الجمعة، بحسب مستشفى أوباري العام.\n"
            "وقال مصدر طبي في المستشفى لـ\"ليبيا ريفيو\" إن جثتي الضحيتين وصلتا متفحمتين.")
    assert {c.party for c in read(text) if c.kind == "killed"} == {"ubari_hospital"}


def test_the_day_a_named_campaign_began_is_not_its_total_s_day() -> None:
    text = ("وقالت أفريكوم إن مجموع غاراتها على سرت منذ انطلاق عملية \"البرق الأوديسي\" في "
            "الأول من أغسطس بلغ 147 غارة.")
    assert one(text, "strikes").event_date.start != date(2019, 8, 1)


def test_the_start_of_a_named_campaign_written_without_in_dates_no_strike() -> None:
    text = ("وأوضحت أفريكوم، في تحديثها اليومي منذ انطلاق عملية «البرق الأوديسي» مطلع أغسطس "
            "الماضي، أن الضربات دمرت ثلاث سيارات.")
    claim = one(text, "vehicles_destroyed")
    assert claim.event_date.start != date(2019, 8, 1)


def test_the_day_a_report_was_issued_does_not_date_the_strikes_it_reviews() -> None:
    text = ("أصدرت منظمة العفو الدولية، الأربعاء، تقريرا عن ثلاث حوادث قصف جوي تعرضت لها "
            "درنة، وخلص إلى أنها أسفرت مجتمعة عن مقتل ما لا يقل عن 31 مدنيا.")
    claim = one(text, "civilians_harmed")
    assert (claim.party, claim.said_on.start) == ("amnesty", date(2019, 10, 16))
    assert claim.event_date.precision != "day"


def test_a_hospital_named_by_its_own_name_then_its_town() -> None:
    text = ("وأفاد مدير مستشفى الجلاء في بنغازي، في تصريح مساء اليوم، بأن غارة جوية على حي "
            "سكني أمس أسفرت عن مقتل خمسة أشخاص.")
    assert one(text, "killed").party == "benghazi_hospital"


def test_a_statement_printed_whole_speaks_for_its_issuer() -> None:
    text = ("وفيما يلي نص البيان الذي وزعته القيادة الأمريكية في أفريقيا مساء أمس، كما ورد:\n"
            "نفذت القوات الأمريكية في 12 مارس ضربة جوية قرب أوباري أسفرت عن مقتل ثلاثة "
            "مسلحين. ولا تشير تقديراتنا إلى إصابة أي مدني.\n"
            "-انتهى-\n"
            "وقال مصدر محلي في أوباري إن القتلى أربعة.")
    got = {(c.party, c.kind, c.value) for c in read(text)}
    assert ("africom", "killed", 3) in got
    assert ("africom", "civilians_harmed", 0) in got
    assert ("unnamed_local_source", "killed", 4) in got


def test_an_introduction_without_the_promise_of_a_text_is_no_printed_statement() -> None:
    text = ("وتحدثت القيادة الأمريكية في أفريقيا عن الضربة في بيان مقتضب:\n"
            "وأفادت مصادر محلية بأن غارة قرب أوباري قتلت ثلاثة مسلحين.")
    assert one(text, "killed").party == "unnamed_local_source"


def test_aircraft_then_its_counted_strikes_are_one_strike_group_with_its_day() -> None:
    text = ("يُذكر أن مقاتلات مصرية شنت في 26 مايو الماضي ست ضربات على أهداف في المدينة، قالت "
            "القاهرة حينها إنها معسكرات للمسلحين.")
    claim = one(text, "strikes")
    assert (claim.value, claim.event_date.start) == (6, date(2019, 5, 26))


def test_a_subheading_with_a_day_dates_the_strike_told_under_it() -> None:
    text = ("أصدرت المنظمة تقريرا عن غارتين على درنة في عامين مختلفين.\n\n"
            "الواقعة الأولى: ليل 3 مارس 2016\n\n"
            "أصابت غارة جوية منزلا في حي باب طبرق، وقالت المنظمة إنها قتلت أربعة مدنيين.\n\n"
            "الواقعة الثانية: صباح 9 يونيو 2017\n\n"
            "قصفت طائرة مسيرة سوقا شعبية، وأحصت المنظمة سبعة قتلى.")
    days = {c.value: c.event_date.start for c in read(text) if c.kind == "killed"}
    assert days == {4: date(2016, 3, 3), 7: date(2017, 6, 9)}


def test_a_dateline_above_the_story_is_no_subheading_of_a_strike() -> None:
    text = ("طرابلس | الخميس 17 أكتوبر 2019\n\n"
            "قالت مصادر محلية إن غارة جوية قتلت ثلاثة مسلحين قرب أوباري.")
    assert one(text, "killed").event_date.precision != "day"


def test_who_the_counted_dead_were_is_not_a_figure_of_its_own() -> None:
    text = ("وقالت المنظمة إن القنبلة أصابت منزلا، ما أدى إلى مقتل خمسة مدنيين، هم رجل "
            "وزوجته وثلاثة من أطفالهما.")
    assert {c.value for c in read(text) if c.kind == "civilians_harmed"} == {5}


def test_a_participle_of_saying_speaks_for_whoever_acts_in_its_sentence() -> None:
    text = ("وفي كلمته أمام اللجنة، دافع المتحدث باسم أفريكوم عن الحصيلة التي أعلنتها "
            "الوفاق، قائلا إن الضربة قتلت ستة مسلحين.")
    assert one(text, "killed").party == "africom"


def test_a_participle_after_a_verb_of_saying_keeps_that_speaker() -> None:
    text = ("نقلت وكالة رويترز عن مسؤول محلي في أوباري قوله إن الغارة قتلت ثلاثة، مضيفا أن "
            "جريحين نقلا إلى المستشفى.")
    assert {c.party for c in read(text) if c.kind in ("killed", "injured")} == {
        "unnamed_local_source"}


def test_admitting_to_deaths_with_the_preposition_bi() -> None:
    text = "واعترف تنظيم القاعدة في بيان بمقتل ثلاثة من عناصره وبإصابة اثنين في الغارة."
    got = {(c.party, c.kind, c.value) for c in read(text)}
    assert {("al_qaeda", "killed", 3), ("al_qaeda", "injured", 2)} <= got


def test_belonging_to_is_no_verb_of_saying_between_a_strike_and_its_day() -> None:
    text = ("قتل أربعة مدنيين في غارة شنها طيران مسير تابع لقوات حفتر مساء أمس السبت على "
            "مزرعة قرب مرزق، بحسب المجلس البلدي مرزق.")
    claim = one(text, "civilians_harmed")
    assert (claim.party, claim.event_date.start) == ("murzuq_municipality", date(2019, 10, 19))


def test_the_spokesman_of_the_operations_room_named_before() -> None:
    text = ("نفت غرفة عمليات عمر المختار، اليوم الأحد، مقتل مدنيين في غارة على درنة مساء "
            "الجمعة.\n"
            "وجاء على لسان الناطق باسم الغرفة، في تصريح خاص لـ«الموقع» اليوم، أن الغارة قتلت "
            "خمسة إرهابيين.")
    claim = one(text, "killed")
    assert (claim.party, claim.event_date.start) == ("omar_mukhtar_operations_room",
                                                      date(2019, 10, 18))
    assert GAZETTEER.root(claim.party) == "lna"


def test_the_derna_protection_force_is_the_shura_council_s_successor() -> None:
    text = "وقالت قوة حماية درنة إن غارة جوية قتلت ثلاثة مدنيين في حي المغار."
    claim = one(text, "civilians_harmed")
    assert claim.party == "derna_protection_force"
    assert GAZETTEER.root(claim.party) == "derna_shura_council"


def test_a_running_count_written_before_its_noun_is_a_total() -> None:
    text = ("وبهذه الضربة، يرتفع إلى ٣١ عدد المسلحين الذين أعلنت أفريكوم مقتلهم في الجنوب "
            "الليبي منذ مطلع العام.\n"
            "ويرتفع بذلك إلى خمس عدد الغارات التي أعلنتها القيادة منذ مطلع العام.")
    got = {(c.kind, c.value, c.event_date.precision) for c in read(text)}
    assert ("killed_total", 31, "unknown") in got
    assert any(kind == "strikes" and value == 5 and precision != "day"
               for kind, value, precision in got)
