"""Reading an article sentence by sentence into claims.

For each sentence: find who speaks (attribution), which strikes it mentions (incidents), what
each part of it claims (figures); then tie every claim to its speaker, to the day the speaker
spoke and to its strike. The article is read once, front to back; what a later sentence adds
about a strike (its date, its parts) reaches the claims made earlier about it, because claims
take their dates from their incident only at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from claimtrack.arabic_dates import DateValue
from claimtrack.documents import CleanDocument
from claimtrack.extraction import ClaimDraft
from claimtrack.gazetteer import Gazetteer

from . import lexicon as lx
from .article import Article, DateHit, NumberHit, Sentence
from .attribution import Cue, find_cues, said_date
from .denials import resolve_denials
from .drafts import Denial, Draft
from .figures import (
    Spot,
    civilian_spots,
    coordination_spots,
    is_period,
    is_really_spots,
    number_spots,
    object_spots,
    on_target_spots,
    pair_respectively,
    targeting_spots,
    zero_spots,
)
from .incidents import Incident, Incidents, Ref, attach, best_place, find_refs, nearest_ref, striker
from .interviews import find_interview
from .output import claim_drafts
from .parties import office_town
from .releases import find_printed_statements

_SINCE_CHARS = 10
_CLAUSE_GAP = 20
_DATE_AND = re.compile(r"\s*[؛;،,]?\s*و\s*")
#: "خلال الأشهر الماضية", "منذ أسابيع": a stretch of time, over which figures add up.
_PERIOD_WORDS = re.compile(r"[وف]?(?:خلال|طوال|طيله|منذ|في غضون|علي مدي|علي مدار|هذا العام)"
                           + lx.E)
_TOLL_BEFORE = 25
#: "بين 19 أيلول و30 تشرين الثاني": a stretch of time.
_BETWEEN = re.compile(lx.W + r"(?:ما\s+)?بين\s*$")
#: "في بيان نشرته صفحة الشعبة صباح السبت": the day of a statement.
_IN_STATEMENT = re.compile(
    lx.W + r"(?:بيان|تصريح|تصريحات|موتمر\s+صحفي|منشور|تغريده|ايجاز)\s+(?:\S+\s+){0,5}?"
    r"(?:نشر|نشرته|نشرها|اصدره|اصدرته|صدر|بثه|بثته|عقده|عقدته|ادلي\s+به|القاه)"
    r"(?:\s+\S+){0,4}\s*$"
    # "في تصريح خاص لـ«المرصد» اليوم", "في اتصال هاتفي مع البوابة صباح اليوم"
    + "|" + lx.W + r"(?:بيان|تصريح|تصريحات|حديث|اتصال|مقابله)\s+(?:(?:خاص|صحفي|هاتفي)\s+)?"
    r"(?:ل|مع\s+)\S*(?:\s+\S+){0,3}?\s*$")
#: "معركة طرابلس التي بدأت في 4 أبريل": the day a war or campaign began is no strike's day.
_BEGAN = re.compile(lx.W + r"(?:بدات|بدا|بدء|انطلقت|انطلق|انطلاق|اندلعت|اندلع|اندلاع)"
                    r"(?:ت|ها|ه)?\s+(?:في\s+|يوم\s+|منذ\s+)?$")
#: 'منذ انطلاق عملية "البرق الأوديسي" في الأول من أغسطس': the same, the campaign named.
_CAMPAIGN_BEGAN = re.compile(lx.W + r"(?:بدء|بدايه|انطلاق|اطلاق)\s+(?:ال)?(?:عمليه|حمله)"
                             r"(?:\s+\S+){0,3}?\s+(?:(?:في|يوم)\s+)?$")
_STATEMENT = re.compile(
    lx.W + r"(?:تصريحات|التصريحات|روايه|الروايه|الانباء|المعلومات|ذلك|هذا|هذه|الاتهامات|"
    r"المزاعم|مزاعم|الادعاءات)" + lx.E
)
_SPEAKER_KINDS = ("office", "person", "unnamed_source")
_HARM = ("killed", "injured", "civilians_harmed")
_FROM_STRIKES_CHARS = 30
_FRESH_SENTENCES = 2
#: Coordination is a claim about strikes: "رصد واستهداف … بالتنسيق مع", "تنسيقهما المشترك".
_OPERATION = re.compile(r"استهداف|تنسيقهما|تعاونهما|عمليات|ضربات")


@dataclass
class Reader:
    document: CleanDocument
    gazetteer: Gazetteer
    drafts: list[Draft] = field(default_factory=list)
    denials: list[Denial] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.article = Article(self.document, self.gazetteer)
        self.incidents = Incidents(self.article)
        self.published: date | None = self.article.published
        self.last_speaker: str | None = None
        self.stale = 0
        self.last_mentioned: str | None = None
        self.last_said: dict[str, DateValue] = {}
        self.sentence_index = 0
        self._orders = 0
        self._refs: list[Ref] = []  # the strikes of the sentence being read
        self._sentence_first = 0  # where the drafts of the sentence being read begin
        self._figure_sentence: dict[tuple, int] = {}  # where a party's figure was first given
        self.interview = find_interview(self.article)
        self._answer = False  # the sentence being read is an interviewee's answer
        self.printed = find_printed_statements(self.article, self.document.outlet)
        self._issuer: str | None = None  # who issued the printed statement being read
        self._post_said: dict[str, DateValue] = {}  # party -> day, from a closing attribution

    def _next(self) -> int:
        """The place of a claim (or a denial waiting for its object) in reading order."""
        self._orders += 1
        return self._orders

    # -- the article --

    def read(self) -> list[ClaimDraft]:
        told = False  # a body sentence has been read: headings above it are datelines
        for index, sentence in enumerate(self.article.sentences):
            if sentence.heading:
                if told:
                    self._heading(sentence)
                continue
            told = True
            self.sentence_index = index
            self._sentence_first = len(self.drafts)
            self._answer = bool(self.interview and self.interview.answering(sentence.start))
            self._issuer = next((p.party for p in self.printed if p.holds(sentence.start)), None)
            self._sentence(sentence)
        resolve_denials(self.drafts, self.denials, self.gazetteer, self.article.sentences)
        return claim_drafts(self)

    def _heading(self, sentence: Sentence) -> None:
        """"الحادثة الأولى: فجر 16 فبراير 2015": a subheading that gives one day opens the
        account of that day's strike; what is told under it without a date of its own is of
        that day. The publication day is left out: there a heading is a live blog's clock."""
        days = [d for d in self.article.dates_in(sentence.start, sentence.end) if d.day]
        if len(days) != 1 or days[0].mention.value.start == self.published:
            return
        places = [p.id for p in self.article.places_in(sentence.start, sentence.end)]
        self.incidents.current = self.incidents.new(
            date=days[0].mention.value, place=best_place(self.article, places),
            said=self.published)

    # -- one sentence --

    def _sentence(self, sentence: Sentence) -> None:
        article = self.article
        cues = find_cues(article, sentence)
        refs = find_refs(article, sentence)
        self._refs = refs
        self._post_said: dict[str, DateValue] = {}
        numbers = article.numbers_in(sentence.start, sentence.end)
        said_hits = self._said_hits(cues, sentence, numbers, refs)
        periods = self._place_dates(sentence, refs, {h.start for h in said_hits.values()},
                                    cues)
        first_said = next(iter(said_hits.values()), None)
        said_day = first_said.mention.value.start if first_said else self.published
        before_sentence = self.incidents.current
        for ref in refs:
            ref.incident = self.incidents.resolve(ref, said_day)
            if not ref.earlier and not ref.incident.aggregate and not ref.incident.earlier:
                self.incidents.current = ref.incident  # "الغارة" later in the sentence
        self.incidents.current = before_sentence
        self._respectively(sentence, refs)
        produced_party: str | None = None
        made: list[Draft] = []
        for seg_start, seg_end, cue in self._segments(cues, sentence):
            party, attribution, named = self._party(cue, cues, seg_start, seg_end,
                                                    produced_party)
            said = self._said(cue, said_hits, party, attribution)
            before = len(self.drafts)
            if cue is not None and cue.kind == "echo":
                self._echo(made, party, said, cue)
            else:
                self._segment(sentence, seg_start, seg_end, cue, party, attribution, said,
                              numbers, refs, periods)
            made.extend(self.drafts[before:])
            if named:
                produced_party = party
                self.last_said[self.gazetteer.root(party)] = said
        self._carry_over(sentence, cues, made, produced_party, refs)

    def _said_hits(self, cues: list[Cue], sentence: Sentence, numbers: list[NumberHit],
                   refs: list[Ref]) -> dict[int, DateHit]:
        hits: dict[int, DateHit] = {}
        for cue in cues:
            figure = next((n.start for n in numbers if n.start > cue.end
                           and n.mention.role == "count"), None)
            strike = next((r.start for r in refs if r.start > cue.end), None)
            hit = said_date(self.article, cue, sentence.end, figure, strike)
            if hit is not None:
                hits[id(cue)] = hit
                if cue.kind == "post" and cue.party:
                    self._post_said[cue.party] = hit.mention.value
        return hits

    def _place_dates(self, sentence: Sentence, refs: list[Ref], said: set[int],
                     cues: list[Cue]) -> list[DateHit]:
        """Give each date of the sentence to the strike it dates; return the periods."""
        text = self.article.text
        periods: list[DateHit] = []
        last: tuple[DateHit, Ref] | None = None
        between: DateHit | None = None
        for hit in self.article.dates_in(sentence.start, sentence.end):
            if hit.start in said:
                continue
            if between is not None and _DATE_AND.fullmatch(text, between.end, hit.start):
                # "بين 19 أيلول و30 تشرين الثاني": the period ends on the second day
                first, second = between.mention.value, hit.mention.value
                if first.start and second.end and second.end >= first.start:
                    window = DateValue(first.start, second.end, "window",
                                       text[between.start:hit.end])
                    periods[-1] = DateHit(between.start, hit.end,
                                          replace(between.mention, value=window))
                between = None
                continue
            between = None
            if last is not None and _DATE_AND.fullmatch(text, last[0].end, hit.start):
                last[1].dates.append(hit)  # "في 19 سبتمبر؛ و24 من سبتمبر": the same strikes
                last = (hit, last[1])
                continue
            if _IN_STATEMENT.search(text, max(sentence.start, hit.start - 45), hit.start):
                continue  # "في بيان نشرته … صباح السبت": when it was said, not when it struck
            if _BEGAN.search(text, max(sentence.start, hit.start - 20), hit.start) or (
                    _CAMPAIGN_BEGAN.search(text, max(sentence.start, hit.start - 60), hit.start)):
                continue
            since = lx.SINCE.search(text, max(sentence.start, hit.start - _SINCE_CHARS),
                                    hit.start) or _BETWEEN.search(
                text, max(sentence.start, hit.start - 8), hit.start)
            if since or _PERIOD_WORDS.match(text, hit.start) or (
                    hit.mention.resolved and hit.mention.value.precision == "year"
                    and is_period(hit.mention.value)):
                periods.append(hit)
                if since is not None and "بين" in since.group():
                    between = hit
                plural = [r for r in refs if (r.plural or (r.count or 0) >= 2)
                          and abs(r.start - hit.start) < 120]
                if plural:
                    plural[0].since = hit
                continue
            if hit.mention.resolved and hit.mention.value.precision == "year" and not refs:
                continue
            ref = nearest_ref(text, refs, hit.start, hit.end)
            if ref is not None and _other_clause(text, ref, hit, cues):
                ref = None
            if ref is not None:
                ref.dates.append(hit)
                last = (hit, ref)
        return periods

    def _segments(self, cues: list[Cue],
                  sentence: Sentence) -> list[tuple[int, int, Cue | None]]:
        openers = [c for c in cues if c.opens]
        openers = [c for i, c in enumerate(openers)
                   if i == 0 or c.party or c.kind in ("deny", "echo") or c.continues]
        if not openers:
            return [(sentence.start, sentence.end, None)]
        out: list[tuple[int, int, Cue | None]] = []
        if openers[0].start > sentence.start:
            out.append((sentence.start, openers[0].start, None))
        for i, cue in enumerate(openers):
            end = openers[i + 1].start if i + 1 < len(openers) else sentence.end
            out.append((cue.start, end, cue))
        return out

    def _party(self, cue: Cue | None, cues: list[Cue], seg_start: int, seg_end: int,
               produced: str | None) -> tuple[str, str, bool]:
        """(party, attribution, named here): the segment's speaker, else the speaker it
        continues, else the outlet."""
        party = cue.party if cue else None
        if party is None:
            post = next((c for c in cues if c.kind == "post" and seg_start <= c.start < seg_end
                         and c.party), None)
            party = post.party if post else None
        if party is None and self._answer and self.interview:
            return self.interview.party, "stated", False
        if party is None and self._issuer:
            return self._issuer, "stated", False
        if party is None and lx.NARRATION.search(self.article.text, seg_start,
                                                 min(seg_end, seg_start + 40)):
            return self.document.outlet, "outlet", False
        if party is None and (cue is None or cue.kind == "post") and lx.FIRST_PERSON.search(
                self.article.text, seg_start, seg_end):
            return self.document.outlet, "outlet", False
        if party is None and cue is None:
            headed = _headed_by(self.article, seg_start, seg_end)
            if headed is not None:
                return headed, "stated", True  # "مستشفى بني وليد: وصول جثتين"
        if party is None and cue is None and lx.FRAMING.match(self.article.text, seg_start):
            return self.document.outlet, "outlet", False
        if party == self.document.outlet:
            return party, "outlet", False
        if party is not None:
            return party, "stated", True
        party = produced or self.last_mentioned or self.last_speaker
        if party is None:
            return self.document.outlet, "outlet", False
        return party, "stated", False

    def _said(self, cue: Cue | None, hits: dict[int, DateHit], party: str,
              attribution: str) -> DateValue:
        if attribution == "outlet" and self.published:
            return DateValue(self.published, self.published, "day", "")
        if cue is not None and id(cue) in hits:
            return hits[id(cue)].mention.value
        if (cue is None or cue.party is None) and party in self._post_said:
            return self._post_said[party]  # "…، وفق ما أعلنته الوزارة اليوم الأربعاء"
        if self._answer and self.interview and self.interview.said and (
                party == self.interview.party):
            return self.interview.said
        known = self.last_said.get(self.gazetteer.root(party))
        if known is not None and (cue is None or cue.continues or cue.party is None
                                  or cue.kind == "post"):
            return known  # "وأوضحت … في بيانها": the statement it continues
        published = self.document.published
        if published and published.start:
            return DateValue(None, published.start if published.precision == "day" else None,
                             "unknown", "")
        return DateValue.unknown()

    # -- claims of one segment --

    def _segment(self, sentence: Sentence, seg_start: int, seg_end: int, cue: Cue | None,
                 party: str, attribution: str, said: DateValue, numbers: list[NumberHit],
                 refs: list[Ref], periods: list[DateHit]) -> None:
        article, text = self.article, self.article.text
        denial = cue is not None and cue.kind == "deny"
        seg_numbers = [n for n in numbers if seg_start <= n.start < seg_end]
        spots = number_spots(article, seg_numbers, seg_start, seg_end)
        spots += zero_spots(article, seg_start, seg_end, denial)
        spots += civilian_spots(article, seg_start, seg_end)
        spots += object_spots(article, seg_start, seg_end, seg_numbers)
        has_strike = bool(refs) or self.incidents.current is not None
        spots += targeting_spots(article, seg_start, seg_end, has_strike, seg_numbers)
        for ref in refs:
            if seg_start <= ref.start < seg_end:
                spots += on_target_spots(article, ref.end, ref.window_end)
        if any(d.spot.kind == "targeting" and d.spot.stance == "denies"
               for d in self.drafts[self._sentence_first:]):
            spots += is_really_spots(article, seg_start, seg_end)
        if refs or any(s.number is not None for s in spots) or (
                lx.COORDINATION.search(text, seg_start, seg_end) and _OPERATION.search(
                    text, sentence.start, sentence.end)):
            spots += coordination_spots(article, seg_start, seg_end, denial)
        if not refs and (lx.WAR.search(text, sentence.start, sentence.end)
                         or lx.GROUND_CAUSE.search(text, sentence.start, sentence.end)):
            # the toll of battles, shelling or a bomb, with no strike named in the sentence,
            # is not a strike's
            spots = [s for s in spots if s.kind not in _HARM]
        elif war := lx.SINCE_WAR.search(text, sentence.start, sentence.end):
            # "أحصت منذ بداية الهجوم على طرابلس 280 قتيلا، سقط 180 منهم في غارات": after it,
            # only the share said to be from strikes is a strike figure
            spots = [s for s in spots if s.kind not in _HARM or s.position < war.start()
                     or _from_strikes(s, refs)]
        spots.sort(key=lambda s: s.position)
        period = next((p for p in periods if seg_start <= p.start < seg_end), None)
        period_value = self._period(period, said) if period is not None else None
        numeric = [s for s in spots if s.value is not None or s.kind in ("killed", "injured")]
        if denial:
            spots = self._denied(sentence, cue, seg_start, seg_end, spots, numeric, party, said)
        if lx.RESPECTIVELY.search(text, seg_start, seg_end):
            pair_respectively(spots)
        for spot in spots:
            if spot.kind == "coordination" and spot.partner_pronoun:
                spot.target = party
            ref = attach(text, spot, seg_start, seg_end, refs)
            incident = ref.incident if ref and ref.incident else self._default_incident(
                spot, sentence, said)
            totaliser = lx.TOTALISER.search(
                text, seg_start, spot.number.start if spot.number else spot.position)
            if spot.kind == "killed" and totaliser and not (
                    totaliser.group() in lx.OVER_THEM and ref is not None
                    and (ref.plural or (ref.count or 0) >= 2)
                    and _single_day(ref) and not incident.grouped) and not (
                    # "ليرتفع عدد ضحايا الهجوم إلى ثلاثة": the toll of one strike, risen
                    ref is not None and ref.definite and ref.count == 1 and not ref.plural
                    and totaliser.start() < ref.start and not incident.aggregate):
                # "لقي خلالها 4" after "سلسلة غارات فجر الجمعة" on one place: one strike
                spot.total = True
            if spot.part is not None:
                group = self.incidents.group_of(incident) or incident
                incident = self.incidents.part(group, spot.part)
            elif ref is not None and not ref.definite and spot.number is not None:
                incident = self._other_figure(spot, party, ref, incident, said)
            if _said_before(said, incident):
                incident = self._earlier_strike(ref, incident, said)
            town = office_town(self.gazetteer, party)
            if town is not None and (ref is None or (ref.definite and not ref.places)):
                incident = self.incidents.at_town(incident, town)
            over_period = spot.total or ref is None or (
                (ref.plural or (ref.count or 0) >= 2) and not _single_day(ref))
            self._add(spot, party, attribution, said, incident, sentence, seg_start, seg_end,
                      period_value if over_period else None)

    def _other_figure(self, spot: Spot, party: str, ref: Ref, incident: Incident,
                      said: DateValue) -> Incident:
        """A party that gives a second, different toll of the same kind about "a strike" is
        telling of another strike ("… 11 قتيلا … في الوقت الذي أكد فيه مقتل 8 بعد غارة …")."""
        key = (self.gazetteer.root(party), spot.kind)
        known = incident.figures.get(key, spot.value)
        if known == spot.value or incident.grouped or spot.stance == "denies" or (
                spot.kind != "killed" or self._figure_sentence.get((incident.key, key))
                == self.sentence_index):
            return incident  # "قتل 5 وأصيب 8" in one sentence is one strike
        other = self.incidents.new(place=incident.place, perpetrator=incident.perpetrator,
                                   said=said.start or said.end or self.published)
        other.figures[key] = spot.value
        ref.incident = other
        return other

    def _earlier_strike(self, ref: Ref | None, incident: Incident, said: DateValue) -> Incident:
        """A claim made before a strike happened is about an earlier one ("وكانت أفريكوم قد
        أعلنت الشهر الماضي مقتل 17 في غارة قرب مرزق", in news of a strike this week)."""
        places = ref.places if ref is not None else []
        other = self.incidents.new(place=best_place(self.article, places),
                                   perpetrator=ref.perpetrator if ref else None,
                                   said=said.end or said.start, earlier=True)
        if ref is not None:
            ref.incident = other
        return other

    def _period(self, hit: DateHit, said: DateValue) -> DateValue:
        """"منذ 19 سبتمبر": from that day to when it was said; a window, never a day."""
        value = hit.mention.value
        if value.start is None or value.end is None:
            return DateValue.unknown(value.text)
        end = max(value.end, said.start or said.end or self.published or value.end)
        return DateValue(value.start, end, "window", value.text)

    def _denied(self, sentence: Sentence, cue: Cue | None, seg_start: int, seg_end: int,
                spots: list[Spot], numeric: list[Spot], party: str,
                said: DateValue) -> list[Spot]:
        """Turn a denial segment's spots into what it denies and what it asserts instead."""
        text = self.article.text
        figures = [s for s in numeric if s.value]
        zeros = [s for s in numeric if s.value == 0]
        if figures:
            figures[0].stance = "denies"
            figures[0].denial = "figure"
            return spots
        denial_base = Spot(cue.start if cue else seg_start, "killed")
        if zeros:
            # "نفى مقتل أي شخص" answers another party's death toll; "no civilian was killed"
            # does not contradict a count of civilians wounded.
            for zero in zeros:
                if zero.kind in ("killed", "civilians_harmed"):
                    self._pending(Spot(zero.position, zero.kind, harm=zero.harm), party, said,
                                  sentence, "zero", zero.kind)
            return spots
        if any(s.kind == "coordination" for s in spots):
            return spots
        if lx.TARGET_DENIAL.search(text, seg_start, seg_end) and lx.TARGET_DENIAL_OBJECT.search(
                text, seg_start, seg_end) and not lx.NO_FIGHTERS_AMONG.search(
                text, seg_start, seg_end):
            return [s for s in spots if s.kind != "targeting"] + [
                Spot(denial_base.position, "targeting", stance="denies")]
        toll_from = max(sentence.start, (cue.start if cue else seg_start) - _TOLL_BEFORE)
        if lx.TOLL_WORD.search(text, toll_from, seg_end) and not lx.VAGUE_OBJECT.search(
                text, seg_start, seg_end):
            self._pending(denial_base, party, said, sentence, "toll", None)
        elif _STATEMENT.search(text, toll_from, seg_end):
            self._pending(denial_base, party, said, sentence, "statement", None)
        return [s for s in spots if s.kind != "targeting"]

    def _pending(self, spot: Spot, party: str, said: DateValue, sentence: Sentence, what: str,
                 kind: str | None) -> None:
        here = [d for d in self.drafts[self._sentence_first:] if d.sentence is sentence]
        strikes = [r.incident for r in self._refs if r.incident is not None and not r.earlier]
        incident = (here[-1].incident if here else strikes[0] if strikes
                    else self.incidents.current) or self.incidents.new(said=said.start)
        draft = Draft(spot, party, "stated", said, incident, sentence, incident.perpetrator,
                      incident.place, order=self._next())
        self.denials.append(Denial(draft, what, kind, self.sentence_index))

    def _echo(self, made: list[Draft], party: str, said: DateValue, cue: Cue) -> None:
        """"وهو ما أكده التنظيم": the same claims, now also by this party."""
        denies = cue.word in lx.ECHO_DENY
        for draft in [d for d in made if d.spot.kind not in ("coordination",)]:
            spot = replace(draft.spot, stance="denies" if denies else "asserts")
            echoed = replace(draft, spot=spot, party=party, attribution="stated",
                             said=DateValue.unknown(), order=self._next())
            if denies:
                echoed.denies = draft
            self.drafts.append(echoed)

    def _default_incident(self, spot: Spot, sentence: Sentence, said: DateValue) -> Incident:
        current = self.incidents.current
        if current is not None:
            return current
        incident = self.incidents.new(said=said.start or said.end or self.published)
        self.incidents.current = incident
        return incident

    def _add(self, spot: Spot, party: str, attribution: str, said: DateValue,
             incident: Incident, sentence: Sentence, seg_start: int, seg_end: int,
             period: DateValue | None) -> None:
        article = self.article
        perpetrator = incident.perpetrator or self._perpetrator(sentence, party)
        if incident.perpetrator is None:
            incident.perpetrator = perpetrator
        place = incident.place
        if place is None and incident.parent is None:
            places = [p.id for p in article.places_in(seg_start, seg_end)
                      if not any(q.start <= p.start < q.end
                                 for q in article.parties_in(seg_start, seg_end))]
            place = best_place(article, places)
            if place is not None and not incident.earlier:
                incident.place = place
        key = (self.gazetteer.root(party), spot.kind)
        if spot.kind == "civilians_harmed" and spot.subset:
            known = incident.figures.get(key)
            if known is not None and spot.value is not None and known >= spot.value:
                return  # "قتل أربعة مدنيين … بين القتلى طفلين": part of what was said
        if (spot.number is not None or spot.kind == "civilians_harmed") and (
                spot.stance == "asserts" and spot.value is not None):
            if key not in incident.figures:
                incident.figures[key] = spot.value
                self._figure_sentence[(incident.key, key)] = self.sentence_index
        self.drafts.append(Draft(spot, party, attribution, said, incident, sentence,
                                 perpetrator, place, period, order=self._next()))

    def _perpetrator(self, sentence: Sentence, party: str) -> str | None:
        article, gazetteer = self.article, self.gazetteer
        text = article.text[sentence.start:sentence.end]
        for hit in article.parties_in(sentence.start, sentence.end):
            if gazetteer.root(hit.id) == "us_military":
                return "africom"
        root = gazetteer.root(party)
        if root == "us_military":
            return "africom"
        if lx.US_MARK.search(text):
            return "us_military"
        if lx.LNA_MARK.search(text) or root == "lna":
            return "lna"
        foreign = {striker(gazetteer.root(h.id))
                   for h in article.parties_in(sentence.start, sentence.end)} | {striker(root)}
        foreign.discard(None)
        if len(foreign) == 1:
            return foreign.pop()
        current = self.incidents.current
        return current.perpetrator if current else None

    # -- "X و Y … على التوالي" --

    def _respectively(self, sentence: Sentence, refs: list[Ref]) -> None:
        """Give the parts of a group their places when the sentence pairs them: "الأولى
        والثانية في محيط مرزق والثالثة في منطقة صحراوية", "في الهروج وقرب أم الأرانب"."""
        article, text = self.article, self.article.text
        groups = [r.incident for r in refs if r.incident is not None and r.incident.grouped]
        if not groups:
            return
        group = groups[-1]
        pending: list[int] = []
        events = [(m.start(), "ord", lx.ORDINALS[m.group("ord")])
                  for m in lx.ORDINAL_ALONE.finditer(text, sentence.start, sentence.end)]
        if not events:
            return
        first = events[0][0]
        events += [(p.start, "place", p.id) for p in article.places_in(first, sentence.end)]
        for _pos, what, value in sorted(events, key=lambda e: e[0]):
            if what == "ord":
                pending.append(int(value))
            elif pending:
                for ordinal in pending:
                    for part in group.parts:
                        if part.ordinal == ordinal:
                            part.place = str(value)
                pending = []

    # -- after the sentence --

    def _carry_over(self, sentence: Sentence, cues: list[Cue], made: list[Draft],
                    produced: str | None, refs: list[Ref]) -> None:
        if produced is not None:
            self.last_speaker, self.stale = produced, 0
        elif not made:
            self.stale += 1
            if self.stale >= _FRESH_SENTENCES:
                self.last_speaker = None
        self.last_mentioned = None
        if not cues:
            named = [h for h in self.article.parties_in(sentence.start, sentence.end)
                     if (e := self.gazetteer.parties.get(h.id)) and e.kind in _SPEAKER_KINDS]
            if named:
                self.last_mentioned = named[-1].id
        about = [d.incident for d in made if not d.incident.earlier and not (
            d.incident.aggregate)]
        if about:
            self.incidents.current = about[-1]
        else:
            dated = [r.incident for r in refs if r.incident and any(d.day for d in r.dates)
                     and not r.earlier and not r.incident.aggregate]
            if dated:
                self.incidents.current = dated[-1]

    # -- the whole article --

def _other_clause(text: str, ref: Ref, hit: DateHit, cues: list[Cue]) -> bool:
    """The date belongs to another clause than the strike's: a statement opens between them
    ("…الغارة، لافتا إلى أن المتطوعين واصلوا البحث حتى ظهر أمس"), or it comes before a strike
    already told, across a comma ("اختطفا في نوفمبر، وقتلا في القصف")."""
    low, high = (ref.end, hit.start) if ref.end <= hit.start else (hit.end, ref.start)
    if any(low <= c.start < high for c in cues):
        return True
    return ref.definite and hit.end <= ref.start and high - low > _CLAUSE_GAP and bool(
        re.search(r"[،,]", text[low:high]))


#: A party heading a line, then a colon: "▪️ مستشفى سبها: وصول ثلاث جثث".
_LINE_HEAD = re.compile(r"[\W\d_]*")
_COLON = re.compile(r"(?:\s+[^\s:：،,.]+){0,2}?\s*[:：]")  # "مستشفى سبها الطبي:" too


def _headed_by(article: Article, start: int, end: int) -> str | None:
    head = _LINE_HEAD.match(article.text, start)
    first = head.end() if head else start
    for hit in article.parties_in(first, min(end, first + 2)):
        if hit.start <= first + 1 and _COLON.match(article.text, hit.end):
            return hit.id
    return None


def _said_before(said: DateValue, incident: Incident) -> bool:
    latest = said.end or said.start
    happened = incident.date.start if incident.date is not None else None
    return latest is not None and happened is not None and latest < happened


def _single_day(ref: Ref) -> bool:
    return any(d.day for d in ref.dates) and not ref.since and not ref.open_period


def _from_strikes(spot: Spot, refs: list[Ref]) -> bool:
    """Is a strike named just after the figure ("سقط نحو 180 منهم في غارات جوية")?"""
    end = (spot.number.noun_end or spot.number.end) if spot.number else spot.position
    return any(end <= r.start <= end + _FROM_STRIKES_CHARS for r in refs)
