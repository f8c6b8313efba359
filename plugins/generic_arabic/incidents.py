"""Which strike a claim is about.

Every mention of a strike in a sentence is a ``Ref``: a noun (غارة، ضربتين، ثلاث ضربات،
الغارات، القصف، العملية) or a perpetrator's verb ("استهدفت الأفريكوم موقعا"). A ref carries what
the text says about it: how many strikes, definite or not, an ordinal ("الضربة الثانية"), the
date written next to it (never the date a party spoke, never "منذ …"), its places, and markers
of another strike ("غارة أخرى", "سبقتها", "الغارات السابقة", "بعد أسابيع من").

Refs resolve to ``Incident``s that live for the whole article:

* a day date finds the incident of that day (same place and perpetrator) or starts one;
* "الضربة الأولى / الثانية" is a part of the group of strikes told about last ("ضربتين");
* a place finds the incident at that place, or starts one;
* a definite ref without a date or place ("الغارة", "الضربتين") is the incident told about
  last, and gives it the date it carries ("الغارتين نفذتا الثلاثاء الماضي");
* a ref marked as another (earlier) strike always starts a new incident.

A group of strikes with several dates, or one place each ("في جبال الهروج وقرب بلدة أم
الأرانب"), gets one part per strike. What is said of the group as a whole is then said of
every part ("أياً من الضربتين لم يسفر عن إصابات"), and its death toll is a total.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimtrack.arabic_dates import DateValue, weekday_named

from . import lexicon as lx
from .article import Article, DateHit, PlaceHit, Sentence
from .figures import Spot
from .places import is_relative

_CLAUSE = re.compile(r"[؛;.]")
_DEFINITE_AIRCRAFT = re.compile(r"[وف]?ال(?:طايره|مسيره|مقاتله|طيران)")
_CLAUSE_BREAK = re.compile(r"[،,؛;.:]")
_PREPOSITION = re.compile(r"(?:في|جراء|اثر|عقب|بعد|خلال|من|و|موقع|مكان)\s*$")
PLACE_RANK = {"town": 0, "district": 1, "area": 1, "region": 2, "country": 3}
DEFAULT_WINDOW_DAYS = 7
RECALL = 200
_WINDOW_CHARS = 120
#: How far back a weekday reaches for a strike already told ("غارة الخميس").
_WEEKDAY_REACH = timedelta(days=21)
_US_PARTIES = frozenset({"africom", "us_military"})


def striker(root: str) -> str | None:
    """The perpetrator a party's organisation stands for, if it is one that flies strikes:
    the US (as "africom"), the LNA, and any foreign military ("egyptian_military")."""
    if root in _US_PARTIES:
        return "africom"
    if root == "lna" or root.endswith("_military"):
        return root
    return None


@dataclass(eq=False)
class Incident:
    key: int
    date: DateValue | None = None  # from the text; None when it gives no date
    place: str | None = None
    perpetrator: str | None = None
    count: int | None = None  # strikes in it, when it is a group
    parts: list[Incident] = field(default_factory=list)
    parent: Incident | None = None
    ordinal: int | None = None
    aggregate: bool = False  # a period or a series: its death toll is a total
    earlier: bool = False  # told as background ("سبقتها غارة")
    said: date | None = None  # when it was first reported, for a default window
    figures: dict[tuple[str, str], float | None] = field(default_factory=dict)

    @property
    def where(self) -> str | None:
        """Its place, or its group's when it is one strike of a group."""
        return self.place or (self.parent.place if self.parent is not None else None)

    @property
    def grouped(self) -> bool:
        """Several incidents: strikes on different days or at different places. Strikes told
        apart only by order ("الأولى … الثانية") on one day at one place are one incident."""
        if len(self.parts) < 2:
            return False
        days = {p.date for p in self.parts if p.date is not None}
        places = {p.place for p in self.parts if p.place is not None}
        return len(days) > 1 or len(places) > 1

    def event_date(self, published: date | None) -> DateValue:
        if self.date is not None:
            return self.date
        if self.parent is not None and self.parent.date is not None:
            return self.parent.date
        if self.aggregate or self.earlier:
            return DateValue.unknown()
        reference = self.said or published
        if reference is None:
            return DateValue.unknown()
        # An undated strike in the news is one of the days before the report.
        return DateValue(reference - timedelta(days=DEFAULT_WINDOW_DAYS), reference, "window",
                         "")


@dataclass(eq=False)
class Ref:
    start: int
    end: int
    definite: bool
    count: int | None  # 1 one strike, N counted, None an uncounted plural
    plural: bool
    ordinal: int | None = None
    another: bool = False
    earlier: bool = False
    verbal: bool = False
    dates: list[DateHit] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    since: DateHit | None = None
    window_end: int = 0
    open_period: bool = False  # "منذ ذلك الحين": over a stretch of time, without a date
    later_places: list[str] = field(default_factory=list)  # named after it in the sentence
    sentence_places: list[str] = field(default_factory=list)  # even in a speaker's title
    perpetrator: str | None = None
    incident: Incident | None = None


_GROUND_ATTACK = re.compile(r"\s+(?:ال)?(?:ارهابي|ارهابيه|انتحاري|انتحاريه|مسلح|المسلح|بري|البري)"
                            + lx.E)


def find_refs(article: Article, sentence: Sentence) -> list[Ref]:
    text = article.text
    parties = article.parties_in(sentence.start, sentence.end)
    numbers = article.numbers_in(max(0, sentence.start), sentence.end)
    refs: list[Ref] = []
    for m in lx.STRIKE_WORD.finditer(text, sentence.start, sentence.end):
        if any(p.start <= m.start() < p.end for p in parties):
            continue  # "عملية الكرامة", "غرفة عمليات"
        noun = m.group("noun")
        if noun in ("غارت", "ضربت", "عمليت"):
            noun = noun[:-1] + "ه"  # "غارتها": its strike
        definite = bool(m.group("al")) or bool(m.group("suffix"))
        if noun == "عمليه" and not (definite or text.startswith(("الاستهداف", "القصف"),
                                                                  m.end() + 1)):
            continue
        if noun in ("هجوم", "هجمات") and _GROUND_ATTACK.match(text, m.end()):
            continue  # "الهجوم الإرهابي على حافلة المنيا": an attack on the ground
        plural = noun in ("غارات", "ضربات", "هجمات") or noun.endswith(("تين", "تان"))
        count: int | None = 1
        if noun.endswith(("تين", "تان")):
            count = 2
        elif plural:
            count = None
        start = m.start()
        for n in numbers:
            if n.mention.role == "count" and n.value and (
                    n.noun_end == m.end() - len(m.group("suffix") or "")
                    or n.start <= m.start("noun") < n.end + 2):
                count = n.value
                start = min(start, n.start)  # "ثلاث ضربات" starts at its number
        if m.group("suffix") and noun in ("ضربات", "غارات"):
            count = None  # "ضرباتها": its strikes in general
        ref = Ref(start, m.end(), definite, count, plural)
        if plural and lx.ONE_OF_THEM.search(text, max(sentence.start, start - 16), start):
            ref.count, ref.plural, ref.another = 1, False, True  # "آخر هذه الضربات"
        tail = m.end()
        while (adj := lx.STRIKE_ADJ.match(text, tail)) is not None:
            tail = adj.end()
        ordinal = lx.ORDINAL.match(text, m.end()) or lx.ORDINAL.match(text, tail)
        if ordinal and not text.startswith(" من نوع", ordinal.end()):
            ref.ordinal = lx.ORDINALS[ordinal.group("ord")]
            ref.another = not ordinal.group(0).strip().startswith("ال")
        if lx.ANOTHER.match(text, m.end()) or lx.ANOTHER.match(text, tail):
            ref.another = True
        around = text[max(sentence.start, m.start() - 30):min(sentence.end, tail + 16)]
        after = lx.AFTER_PREP.search(text, max(sentence.start, start - 30), start)
        # "بعد أسابيع من ثلاث ضربات", "وتأتي الغارة بعد ضربات …": an earlier strike; but
        # "مقتل 8 أشخاص بعد غارة" is the toll of that strike.
        ref.earlier = bool(lx.EARLIER.search(around)) or bool(after and (
            after.group("of") or _follows_strike(text, refs, after.start())))
        refs.append(ref)
    refs.extend(_verbal_refs(article, sentence, refs))
    refs.extend(_elided_refs(article, sentence, refs))
    refs.sort(key=lambda r: r.start)
    named = article.places_in(sentence.start, sentence.end)
    for i, ref in enumerate(refs):
        ref.sentence_places = [p.id for p in named]
        ref.open_period = bool(lx.SINCE_THEN.search(
            text, max(sentence.start, ref.start - 30), min(sentence.end, ref.end + 40)))
        ref.later_places = [p.id for p in named if p.start >= ref.end
                            and not _not_where_it_fell(article, p)]
        ref.window_end = _window_end(article, sentence, ref, refs[i + 1:])
        own_places = [p for p in article.places_in(ref.start, ref.window_end)
                      if not _not_where_it_fell(article, p) and not _INSTITUTION_BEFORE.search(
                          text, max(0, p.start - 40), p.start)]
        ref.places = [p.id for p in own_places]
        if ref.perpetrator is None:
            ref.perpetrator = _perpetrator_in(article, ref.end, ref.window_end)
        if not ref.definite and own_places and own_places[0].start - ref.end <= 2:
            ref.definite = True  # "غارة أوباري": named by its place
    return refs


_ELIDED_AFTER = re.compile(
    r"(?:[،,؛]|اما|فيما|بينما|ثم)\s*$|(?:[وف]?(?:قتلت|اسفرت|خلفت|اوقعت|دمرت)\s*$)|(?:"
    + lx.TARGET_VERB.pattern + "|" + lx.EXECUTED.pattern
    + r")\s*$"
)


def _elided_refs(article: Article, sentence: Sentence, nouns: list[Ref]) -> list[Ref]:
    """"الضربة الأولى نفذت في 13 نوفمبر …، والثانية في 15 نوفمبر": an ordinal standing alone
    after a strike was named is one more strike of the same group."""
    if not nouns:
        return []
    taken = [(r.start, r.end + 20) for r in nouns]
    out = []
    text = article.text
    for m in lx.ORDINAL_ALONE.finditer(text, sentence.start, sentence.end):
        if m.start() < nouns[0].start or any(a <= m.start() < b for a, b in taken):
            continue
        before = text[max(sentence.start, m.start() - 20):m.start()]
        if not (m.group().startswith("و") or _ELIDED_AFTER.search(before)):
            continue  # "تقييمها الأولي": an adjective of the noun before it
        out.append(Ref(m.start(), m.end(), True, 1, False,
                       ordinal=lx.ORDINALS[m.group("ord")]))
    return out


def _follows_strike(text: str, refs: list[Ref], position: int) -> bool:
    """"وتأتي غارة أوباري بعد ضربات": one strike told as coming after others."""
    return bool(refs) and position - refs[-1].end <= 25 and not re.search(
        r"[،,؛;.\d]", text[refs[-1].end:position])


def _verbal_refs(article: Article, sentence: Sentence, nouns: list[Ref]) -> list[Ref]:
    """"استهدفت الأفريكوم موقعا": a perpetrator's verb with no strike noun before it."""
    text = article.text
    out = []
    for m in lx.EXECUTED.finditer(text, sentence.start, sentence.end):
        if any(r.start < m.start() and m.start() - r.end < 60
               and not _CLAUSE.search(text, r.end, m.start()) for r in nouns):
            continue  # "الضربة التي نفذتها الأفريكوم": the noun's own relative clause
        subject = next((p for p in article.parties_in(m.end(), m.end() + 3)), None)
        if subject is None:
            continue
        perpetrator = striker(article.gazetteer.root(subject.id))
        if perpetrator is None:
            continue
        out.append(Ref(m.start(), m.end(), False, 1, False, verbal=True,
                       perpetrator=perpetrator))
    for m in [*lx.AIRCRAFT_STRIKE.finditer(text, sentence.start, sentence.end),
              *lx.AIRCRAFT_FIRST.finditer(text, sentence.start, sentence.end)]:
        if any(r.start <= m.start() < r.end + 40 or m.start() <= r.start < m.end()
               for r in [*nouns, *out]):
            continue  # the strike is already named here
        if any(m.end() <= r.start < m.end() + 40 and not _CLAUSE_BREAK.search(
                text, m.end(), r.start) for r in nouns):
            continue  # "شنت مقاتلات مصرية في 26 مايو ست ضربات": the verb's own object
        definite = bool(_DEFINITE_AIRCRAFT.match(text, m.start()))  # "الطائرة استهدفت"
        out.append(Ref(m.start(), m.end(), definite, 1, False, verbal=True,
                       perpetrator=_perpetrator_in(article, m.start(), m.end() + 60)))
    return out


def _perpetrator_in(article: Article, start: int, end: int) -> str | None:
    """"الضربات التي تنفذها أفريكوم": who carries out the strikes, when the ref says it."""
    for verb in lx.EXECUTED.finditer(article.text, start, end):
        for hit in article.parties_in(verb.end(), verb.end() + 3):
            perpetrator = striker(article.gazetteer.root(hit.id))
            if perpetrator is not None:
                return perpetrator
    return None


def _window_end(article: Article, sentence: Sentence, ref: Ref, later: list[Ref]) -> int:
    text = article.text
    end = min(sentence.end, ref.end + _WINDOW_CHARS)
    if later:
        end = min(end, later[0].start)
    for n in article.numbers_in(ref.end, end):
        if n.mention.role == "count":
            end = n.start
            break
    for stop in ("،", "؛", ".", ":"):
        found = text.find(stop, ref.end, end)
        if found != -1:
            end = found
    return end


#: "معلومات قدمتها الأجهزة الأمنية في سبها": the town of an institution, not of the strike.
_INSTITUTION_BEFORE = re.compile(
    lx.W + r"(?:ال)?(?:اجهزه|سلطات|مديريه|مكتب|فرع|غرفه|اداره|كتيبه|سكان|اهالي|ابناء|"
    r"مستشفي|عميد|مجلس)(?:\s+\S+)?\s+(?:في|ب)\s*$"
)


#: "ومقرها طرابلس", "التي تتخذ من بنغازي مقرا": where a body sits, not where a strike fell.
_SEAT_BEFORE = re.compile(lx.W + r"[و]?(?:مقرها|مقره|مقرهم|تتخذ\s+من|يتخذ\s+من)(?:\s+في)?\s*$")


def _not_where_it_fell(article: Article, place: PlaceHit) -> bool:
    """A town inside a name ("قوة حماية سرت", "عميد بلدية سبها") or named as a body's seat
    ("ومقرها طرابلس") is not where a strike fell."""
    return any(p.start <= place.start and place.end <= p.end
               for p in article.parties_in(max(0, place.start - 60), place.start + 1)
               ) or bool(_SEAT_BEFORE.search(article.text, max(0, place.start - 25), place.start))


def places_agree(article: Article, a: str | None, b: str | None, strict: bool = False,
                 distance: float = 50.0) -> bool:
    """Could a and b be where one strike happened? A town lies in its region; ``strict``
    asks for the same spot (a town and the region around it are then two places)."""
    if a is None or b is None or a == b:
        return True
    gazetteer = article.gazetteer
    pa, pb = gazetteer.places.get(a), gazetteer.places.get(b)
    if pa is None or pb is None:
        return False
    apart = gazetteer.distance_km(a, b) or 0.0
    if strict:
        radii = [p.radius_km for p in (pa, pb) if p.kind not in ("region", "country")]
        return bool(radii) and len(radii) == 2 and apart <= max(*radii, distance)
    return apart <= max(pa.radius_km, pb.radius_km, distance)


def finer(article: Article, a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    rank = PLACE_RANK.get
    return a if rank(article.place_kind(a), 4) <= rank(article.place_kind(b), 4) else b


def distinct_places(article: Article, places: list[str]) -> list[str]:
    """Places that are not inside one another: two towns, not a town and its region."""
    out: list[str] = []
    for place in dict.fromkeys(places):  # in the order the text names them
        if article.place_kind(place) in ("region", "country"):
            continue
        # two towns named apart are two places, however close; a town and the area around
        # it are one
        if all(not places_agree(article, place, kept, distance=0.0) for kept in out):
            out.append(place)
    return out


def best_place(article: Article, places: list[str]) -> str | None:
    """The most precise place named: a place given relative to a town, then a town, …"""
    ranked = sorted(places, key=lambda p: -1 if is_relative(p) else PLACE_RANK.get(
        article.place_kind(p), 4))
    return ranked[0] if ranked else None


@dataclass
class Incidents:
    """The strikes an article tells of, and the one it is telling about now."""

    article: Article
    all: list[Incident] = field(default_factory=list)
    current: Incident | None = None
    last_group: Incident | None = None  # the group "الضربة الأولى" would be a part of
    last_aggregate: Incident | None = None  # strikes over a period, "هذه الغارات" later

    def new(self, **kwargs: object) -> Incident:
        incident = Incident(len(self.all) + 1, **kwargs)  # type: ignore[arg-type]
        self.all.append(incident)
        if incident.count is not None and incident.count >= 2:
            self.last_group = incident
        if incident.aggregate:
            self.last_aggregate = incident
        return incident

    def part(self, group: Incident, ordinal: int) -> Incident:
        for part in group.parts:
            if part.ordinal == ordinal:
                return part
        part = self.new(parent=group, ordinal=ordinal, date=group.date,
                        perpetrator=group.perpetrator, said=group.said, earlier=group.earlier)
        group.parts.append(part)
        group.parts.sort(key=lambda p: p.ordinal or 0)
        if group.count is None or group.count < len(group.parts):
            group.count = len(group.parts)
        return part

    def _recent(self) -> Iterator[Incident]:
        """The strikes told so far, latest first, at most ``RECALL`` of them: a strike named
        again by its day or place is one of the last few told, and the lookup stays bounded
        in a very long document."""
        return itertools.islice(reversed(self.all), RECALL)

    def at_town(self, incident: Incident, town: str) -> Incident:
        """The strike a town's own hospital or council speaks of: of the strikes told, the
        one at that town, when the strike being told is elsewhere."""
        if incident.where in (None, town) or incident.parent is not None:
            return incident
        for known in self._recent():
            if known.where == town and not known.aggregate and not known.earlier and (
                    known.parent is None):
                return known
        return incident

    def group_of(self, incident: Incident | None) -> Incident | None:
        if incident is None:
            return self.last_group
        if incident.parent is not None:
            return incident.parent
        if incident.count is not None and incident.count >= 2:
            return incident
        return self.last_group

    def resolve(self, ref: Ref, said: date | None) -> Incident:
        article = self.article
        place = best_place(article, ref.places)
        # a date written after the strike ("نفذتها الخميس الماضي") before one written ahead
        ordered = sorted(ref.dates, key=lambda d: (d.start < ref.start, abs(d.start - ref.end)))
        days = [d for d in ordered if d.day]
        dated = [d for d in ordered if d.mention.resolved or not article.published]
        current = self.current
        if (ref.since is not None or ref.open_period) and (
                ref.plural or (ref.count or 0) >= 2) and not days:
            return self.new(place=place, perpetrator=ref.perpetrator, said=said, aggregate=True,
                            count=ref.count if (ref.count or 0) >= 2 else None)
        if len(days) >= 2 and (ref.plural or (ref.count or 0) >= 2):
            days.sort(key=lambda d: d.start)
            group = self.new(count=max(ref.count or 0, len(days)), place=place,
                             perpetrator=ref.perpetrator, said=said, earlier=ref.earlier)
            # "ضربتين يومي 8 و10 ديسمبر … في منطقتي وادي عتبة والقطرون": in that order
            spots = distinct_places(article, ref.later_places)
            for i, day in enumerate(days, 1):
                part = self.part(group, i)
                part.date = day.mention.value
                if len(spots) == len(days):
                    part.place = spots[i - 1]
            return group
        if ref.ordinal is not None and not ref.another:
            group = self.group_of(current)
            if group is not None and (group.count is None or ref.ordinal <= group.count):
                part = self.part(group, ref.ordinal)
                part.place = finer(article, part.place, place)
                if days and (part.date is None or part.date == group.date):
                    part.date = days[0].mention.value  # a day told before is kept
                return part
            named = [i for i in self.all if i.parent is None and i.ordinal == ref.ordinal]
            if named and not days:
                return named[-1]
            told = [i for i in self.all if i.parent is None and not i.earlier
                    and not i.aggregate and i.date is not None and i.ordinal is None]
            if len(told) >= 2 and ref.ordinal <= len(told) and not days:
                # "الضربة الأولى … الثانية" after two strikes told one by one: in that order
                told[ref.ordinal - 1].ordinal = ref.ordinal
                return told[ref.ordinal - 1]
        by_weekday = self._by_weekday(ref, ordered)
        if by_weekday is not None:
            return by_weekday
        value = dated[0].mention.value if dated else None
        aggregate = self.last_aggregate
        if aggregate is not None and ref.definite and ref.plural and ref.count is None and (
                not days and not ref.earlier and (current is None or current.key < aggregate.key)
                and _same_hand(aggregate, ref)):
            return aggregate  # "خلال هذه الغارات": the strikes of the period just told
        if current is not None and current.grouped and ref.definite and ref.count == 1 and (
                not ref.plural and ref.ordinal is None and value is None and not ref.another
                and not ref.earlier):
            # "مصدر محلي في القطرون: الضربة أصابت …": of the strikes just told, the one at
            # the town named
            for places in (ref.places, ref.sentence_places):
                at = [p for p in current.parts if p.place in places] or [
                    p for p in current.parts if p.place is not None and any(
                        places_agree(article, p.place, q, strict=True) for q in places)]
                if len(at) == 1:
                    return at[0]
        if value is not None:
            if current is not None and current.parent is not None and (
                    ref.plural or (ref.count or 0) >= 2) and ref.definite:
                current = current.parent  # "الغارتين نفذتا صباح الثلاثاء": the group's day
            if current is not None and not ref.another and (
                    ref.definite or (ref.verbal and current.date is None)) and (
                    current.date is None or current.date == value) and places_agree(
                    article, current.place, place) and not ref.earlier and _same_hand(
                    current, ref):
                current.date = value
                current.place = finer(article, current.place, place)
                return current
            for known in self._recent():
                if known.date == value and value.precision == "day" and places_agree(
                        article, known.place, place) and _same_hand(known, ref):
                    known.place = finer(article, known.place, place)
                    return known
            return self._start(ref, place, value, said)
        if ref.earlier or ref.another or (ref.ordinal is not None):
            return self._start(ref, place, None, said)
        if place is not None and ref.definite and not ref.plural and current is not None and (
                _same_hand(current, ref)) and (current.where is None or is_relative(place)) and (
                places_agree(article, current.where, place, distance=150.0)):
            # "الغارة استهدفت سيارة على بعد 60 كيلومترا جنوب المدينة": the strike being told,
            # placed more precisely
            current.place = place
            return current
        if place is not None:
            # an indefinite strike at a named town is the current one only at that same spot
            strict = not ref.definite
            if current is not None and places_agree(article, current.where, place, strict) and (
                    ref.definite or current.count is None
                    or ref.count in (None, current.count, 1)) and _same_hand(current, ref):
                current.place = finer(article, current.place, place)
                return current
            for known in self._recent():
                if known.place == place and _same_hand(known, ref):
                    return known
            return self._start(ref, place, None, said)
        if current is not None and _same_hand(current, ref):
            if ref.definite:
                if ref.count == 2 or ref.plural:
                    return self.group_of(current) or self._joint(ref.count) or current
                return current
            if ref.count in (None, 1) or ref.count == current.count:
                return current
        return self._start(ref, place, None, said)

    def _by_weekday(self, ref: Ref, dates: list[DateHit]) -> Incident | None:
        """"غارة الثلاثاء": of the strikes told, the latest that fell on that weekday. This
        holds when the article is undated, and when the strike was told weeks back."""
        if ref.plural or ref.another or ref.earlier or ref.ordinal is not None or not dates:
            return None
        hit = dates[0]
        weekday = weekday_named(self.article.text[hit.start:hit.end])
        if weekday is None:
            return None
        seen = hit.mention.value.start if hit.mention.resolved else None
        for known in self._recent():
            day = known.date.start if known.date is not None and (
                known.date.precision == "day") else None
            if day is None or day.weekday() != weekday or known.aggregate or (
                    not _same_hand(known, ref)):
                continue
            if seen is not None and not timedelta(0) <= seen - day <= _WEEKDAY_REACH:
                continue
            return known
        return None

    def _joint(self, count: int | None) -> Incident | None:
        """"الضربتين" after two strikes told one by one: the two of them, as a group."""
        told = [i for i in self.all if i.parent is None and not i.earlier and not i.aggregate
                and i.date is not None and not i.parts]
        if count is None or len(told) < count:
            return None
        group = self.new(count=count)
        for ordinal, part in enumerate(told[-count:], 1):
            part.parent, part.ordinal = group, ordinal
            group.parts.append(part)
        return group

    def _start(self, ref: Ref, place: str | None, value: DateValue | None,
               said: date | None) -> Incident:
        aggregate = ref.earlier and ref.plural and ref.count is None
        incident = self.new(date=value, place=place, perpetrator=ref.perpetrator,
                            count=ref.count if ref.count and ref.count >= 2 else None,
                            said=said, earlier=ref.earlier, aggregate=aggregate,
                            ordinal=None if ref.another else ref.ordinal)
        if ref.count and ref.count >= 2:
            spots = distinct_places(self.article, ref.places)
            if len(spots) == ref.count:
                for i, spot in enumerate(spots, 1):
                    self.part(incident, i).place = spot
        return incident


def _same_hand(known: Incident, ref: Ref) -> bool:
    return known.perpetrator is None or ref.perpetrator is None or (
        known.perpetrator == ref.perpetrator)


def nearest_ref(text: str, refs: list[Ref], start: int, end: int) -> Ref | None:
    """The strike a date belongs to: the closest one, not across "؛" or a full stop."""
    best: tuple[int, Ref] | None = None
    for ref in refs:
        if ref.end <= start:
            distance, between = start - ref.end, text[ref.end:start]
        else:
            distance, between = ref.start - end, text[end:ref.start]
        if "؛" in between or "." in between:
            distance += 200
        if ref.end > start:
            distance += 5  # a tie goes to the strike before the date
        if best is None or distance < best[0]:
            best = (distance, ref)
    return best[1] if best else None


def attach(text: str, spot: Spot, seg_start: int, seg_end: int, refs: list[Ref]) -> Ref | None:
    """The strike a claim is about."""
    position = spot.position
    if spot.subject is not None:
        for ref in refs:
            if spot.subject[0] <= ref.start < spot.subject[1]:
                return ref  # "استهدفت الثالثة … قافلة": the strike named as the subject
    if spot.number is not None:
        number = spot.number
        for ref in refs:
            if number.start <= ref.start <= (number.noun_end or number.end) + 1:
                return ref  # "ثلاث ضربات": the count of its own strikes
        position = number.noun_end or number.end
    for ref in refs:
        if position <= ref.start < position + 70 and not _CLAUSE_BREAK.search(
                text, position, ref.start) and (
                _PREPOSITION.search(text, max(0, ref.start - 8), ref.start)
                or text[ref.start] in "بل"):
            return ref  # "مقتل 12 عنصرا في غارة"
    before = [r for r in refs if r.start < spot.position]
    in_segment = [r for r in before if r.start >= seg_start]
    if in_segment:
        return in_segment[-1]
    if before:
        return before[-1]
    after = [r for r in refs if r.start >= spot.position]
    return after[0] if after else None
