"""Claims from Arabic news about armed violence, for any outlet.

How a sentence is read:

1. Attribution cues split it into segments: a speech verb (قال، أعلن، أكد، أشار، صرح، ذكر،
   أوضح، أفاد …) or a denial verb (نفى، نفت، نفاها …) opens a segment; "وفق / بحسب / نقلا عن"
   followed by a party names the speaker of what came before it. "وفق قوله" and "بحسب البيان"
   only close a quote.
2. Each segment gets its party: the gazetteer name nearest the verb (after it, as Arabic news
   mostly writes, or just before it), else the speaker of the previous segment or sentence (a
   quote that runs on), else the outlet itself, marked as such.
3. Each count in a segment gets a kind from the words around it (مقتل، جرحى، مدنيين، مركبات،
   ضربات، تبقى …); counts with no such word are not claims.
4. Dates: one between the verb and "أن / إن" is when the party spoke; the others date the
   event. An undated claim takes the date of the incident it continues, a strike dated
   elsewhere in the article ("الغارة التي نفذت في …"), or the week before it was said.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from claimtrack import hookimpl
from claimtrack.arabic_dates import DateMention, DateValue, find_dates
from claimtrack.arabic_numbers import NumberMention, find_numbers
from claimtrack.arabic_text import NormalizedText, normalize, sentence_spans
from claimtrack.cleaning import clean_lines
from claimtrack.documents import CleanDocument, RawDocument
from claimtrack.extraction import ClaimDraft, read_in_windows
from claimtrack.gazetteer import Gazetteer, Mention

# Every pattern below runs on normalised text: ا for hamzated alefs, ي for ى, ه for ة.
_W = r"(?<![\w])"
_E = r"(?![\w])"
SAY = re.compile(
    _W + r"[وف]?(?:قال|قالت|يقول|تقول|اعلن|اعلنت|يعلن|تعلن|اكد|اكدت|يوكد|توكد|موكدا|موكده|"
    r"اشار|اشارت|مشيرا|مشيره|صرح|صرحت|مصرحا|ذكر|ذكرت|اوضح|اوضحت|موضحا|موضحه|افاد|افادت|"
    r"اضاف|اضافت|مضيفا|مضيفه|كشف|كشفت|لفت|لفتت|نوه|نوهت|منوها|منوهه|شدد|شددت|مبينا|"
    r"اعتبر|اعتبرت|زعم|زعمت|ادعي|ادعت|تبني|تبنت|اعترف|اعترفت|اكدا)" + _E
)
DENY = re.compile(
    _W + r"[وف]?(?:نفي|نفت|ينفي|تنفي|نافيا|نافيه|نفاها|نفاه|نفتها|نفته|كذب|كذبت|فند|فندت|شكك|"
    r"شككت|يشكك|تشكك)" + _E
)
POST = re.compile(_W + r"(?:وفقا ل|وفق|بحسب|حسب|نقلا عن|نقل عن|علي لسان)" + _E + r"\s*")
CLOSER = re.compile(r"(?:قوله|قولها|تعبيره|تعبيرها|البيان|بيانه|بيانها|المصدر|ما قال)" + _E)
COMPLEMENTIZER = re.compile(_W + r"(?:ان|انه|انها|انهم|بان|الي ان|قائلا)" + _E)

KILL = re.compile(_W + r"(?:[وف]?(?:مقتل|قتل|قتلت|قتلوا|قتلي|مصرع|القضاء علي|تصفيه|حصيله|"
                  r"سقوط|ادت الي مقتل|اسفرت عن مقتل|جثث|جثه|جثامين|"
                  r"قض(?:ت|ي|وا)?(?:\s+\S+)?\s+علي))" + _E)
INJURE = re.compile(_W + r"[وف]?(?:اصابه|اصابات|اصيب|جرح|جرحي|جريح|جريحا|مصابين|مصابا)" + _E)
DESTROY = re.compile(_W + r"[وف]?(?:تدمير|دمرت|دمر|تدمر|احراق|احرقت)" + _E)
REMAIN = re.compile(_W + r"(?:تبقي|يتبقي|المتبقين|المتبقيه|ما تبقي|قلص اعداد|تقلص|الموجودين|"
                    r"لا يتجاوز عددهم|يقدر عدد|يقدر عددهم)" + _E)
TARGETED = re.compile(_W + r"[وف]?(?:استهدفت|استهدف)" + _E)
TOTALISER = re.compile(_W + r"(?:جميعها|كلها|مجتمعه|اجمالي|اجمالا|في المجمل|مجموع|خلالها|"
                       r"منذ بدء|منذ بدايه)" + _E)
ORDINAL_STRIKE = re.compile(
    _W + r"(?:الضربه|الغاره)\s+(?:\S+\s+){0,4}?(الاولي|الثانيه|الثالثه|الرابعه|الخامسه)" + _E
    + r"|" + _W + r"(?:هي|وهي)\s+(الاولي|الثانيه|الثالثه|الرابعه|الخامسه)" + _E
)
ORDINALS = {"الاولي": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5}
TOLL_WORD = re.compile(_W + r"(?:الحصيله|حصيله|العدد|عدد|الرقم|الارقام|ارقام|القتلي|مقتل)" + _E)
DEFINITE_STRIKE = re.compile(_W + r"(?:ال|هذه ال|هذا ال)(?:غاره|ضربه|قصف|هجوم)" + _E)
EXECUTED = re.compile(_W + r"(?:نفذت|نفذتا|نفذ|نفذتها|نفذها|جرت|شنت|شنها|وقعت|شنتها)" + _E)
STRIKE_WORD = re.compile(_W + r"[وفبل]?(?:ال)?(?:ضربه|ضربات|ضربتين|غاره|غارات|غارتين|هجوم|"
                         r"هجمات|قصف)(?:ها|هم|هما|ه)?" + _E)
NEGATED = re.compile(
    _W + r"(?:عدم|دون|بدون|لم|لا|من غير)\s+(?:\S+\s+){0,3}?(?:اي|ايه)?\s*"
    r"(مدنيين|المدنيين|مدني|جرحي|اصابات|ضحايا|قتلي|خساير بشريه)" + _E
)
UNCOUNTED = re.compile(_W + r"(?:عدم|لم)\s+(?:\S+\s+){0,2}?من\s+(?:حصر|تحديد|معرفه)\s+"
                       r"(?:اي\s+|عدد\s+)?(?:خساير|الخساير|القتلي|الضحايا)")
COORDINATION = re.compile(
    _W + r"(?:بالتنسيق|بالتعاون|بتنسيق|تنسيق|تنسيقهما|نسقنا|نسقت|التعاون المشترك)" + _E
    + r"(?:\s+\S+){0,3}?\s+مع\s+"
)
NARRATION = re.compile(_W + r"(?:[وف]?يذكر ان|[وف]?يشار الي ان|الجدير بالذكر)" + _E)
MEDICAL = re.compile(_W + r"[وفبل]?(?:ال)?(?:مركز|مستشفي)\s+(?:مدينه\s+)?")
OFFICIAL = re.compile(
    _W + r"(?:عميد|رييس|عضو|عمده|مسوول|مسوولو|مدير)\s+(?:(?:المجلس|مجلس)\s+(?:البلدي|"
    r"الاجتماعي|المحلي|التسييري|بلديه|حكماء|اعيان)|بلديه|مستشفي)\s+(?:ل|في|ب)?(?:مدينه\s+)?"
)

PERSON_NOUNS = ("عنصر", "عناصر", "شخص", "اشخاص", "مسلح", "مقاتل", "ارهابي", "جندي", "جنود",
                "فرد", "افراد", "قيادي", "قياديين", "داعشي", "اخرين", "متشدد", "ارهابيين",
                "مسلحين", "مقاتلين", "مدني", "مدنيين", "طفل", "اطفال", "امراه", "نساء")
NOUN_KIND = {
    "جثه": "killed", "جثث": "killed", "جثمان": "killed", "جثامين": "killed",
    "قتيل": "killed", "قتيلا": "killed", "قتلي": "killed",
    "جثتين": "killed", "قتيلين": "killed", "جريحين": "injured",
    "جريح": "injured", "جريحا": "injured", "جرحي": "injured", "مصابين": "injured",
    "مصابا": "injured", "اصابات": "injured",
    "مدني": "civilians_harmed", "مدنيا": "civilians_harmed", "مدنيين": "civilians_harmed",
    "ضربه": "strikes", "ضربات": "strikes", "ضربتين": "strikes", "غاره": "strikes",
    "غارات": "strikes", "غارتين": "strikes",
}
VEHICLE_NOUNS = ("مركبه", "مركبات", "مركبتين", "سياره", "سيارات", "اليه", "اليات", "عربه",
                 "عربات", "شاحنه", "شاحنات", "اليتين")
BUILDING_NOUNS = ("منزل", "منازل", "مبني", "مباني", "مبان", "مقر", "مقرات", "مخزن", "مخازن",
                  "منزلين")
PLACE_RANK = {"town": 0, "district": 1, "area": 1, "region": 2, "country": 3}
US_MARK = re.compile(_W + r"(?:امريكي|امريكيه|اميركي|اميركيه|الامريكي|الاميركي|الامريكيه|"
                     r"الاميركيه)" + _E)
LNA_MARK = re.compile(_W + r"(?:حفتر|الكرامه|الجيش الوطني)" + _E)
NON_SPEAKERS = {"isis", "al_qaeda"}
PARTICIPLES = {"موكدا", "موكده", "مشيرا", "مشيره", "مصرحا", "موضحا", "موضحه", "مضيفا", "مضيفه",
               "منوها", "منوهه", "مبينا", "نافيا", "نافيه"}
DEFAULT_WINDOW_DAYS = 7


@dataclass
class Cue:
    start: int  # in the normalised document text
    end: int
    kind: str  # say | deny | post
    party: str | None = None


@dataclass
class Incident:
    """What a claim is about, shared by the claims that continue it."""

    key: int
    date: DateValue
    place: str | None
    perpetrator: str | None
    dated: bool  # the date came from the text, not from the default window
    kinds: set[tuple[str, str]] = field(default_factory=set)  # (party root, kind) reported


@dataclass
class Anchor:
    """A strike the article dates explicitly ("الغارة التي نفذت في 26 من سبتمبر")."""

    start: int
    date: DateValue
    place: str | None
    ordinal: int | None


@hookimpl(trylast=True)
def clean_document(document: RawDocument, outlet: str) -> CleanDocument:
    return clean_lines(document, outlet)


@hookimpl
def extract_claims(document: CleanDocument, gazetteer: Gazetteer) -> list[ClaimDraft]:
    if document.language not in ("ar", "") or not _mostly_arabic(document.text):
        return []
    return read_in_windows(document, lambda part: Reader(part, gazetteer).read())


def _mostly_arabic(text: str) -> bool:
    sample = text[:4000]
    letters = [ch for ch in sample if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff")
    return bool(letters) and arabic >= 0.5 * len(letters)


@dataclass
class Reader:
    document: CleanDocument
    gazetteer: Gazetteer
    drafts: list[ClaimDraft] = field(default_factory=list)

    def __post_init__(self) -> None:
        text = self.document.text
        self.norm: NormalizedText = normalize(text)
        published = self.document.published
        self.published: date | None = (
            published.start if published and published.precision == "day" else None
        )
        self.dates = find_dates(text, self.published)
        self.numbers = find_numbers(text)
        self.places = [self._to_original(m) for m in self.gazetteer.find_places(self.norm.text)]
        self.parties = self._party_mentions()
        # The same mentions in normalised coordinates, for the attribution search.
        self.party_positions = [(self._norm_pos(m.start), self._norm_pos(m.end), m.id)
                                for m in self.parties]
        self.sentences = [
            (block_start + s, block_start + e)
            for block_start, block_end in self.document.body
            for s, e in sentence_spans(self.document.text[block_start:block_end])
        ]
        self.incidents = 0
        self.by_key: dict[int, Incident] = {}
        self.anchors = self._anchors()
        self.last_party: str | None = None
        self.last_incident: Incident | None = None

    # -- mentions in original-text coordinates --

    def _to_original(self, mention: Mention) -> Mention:
        start, end = self.norm.span_to_original(mention.start, mention.end)
        return Mention(mention.id, start, end)

    def _orig(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span_to_original(start, end)

    def _norm_pos(self, original: int) -> int:
        # offsets are monotone, so a binary search maps an original index back.
        return bisect.bisect_left(self.norm.offsets, original)

    def _party_mentions(self) -> list[Mention]:
        found = [self._to_original(m) for m in self.gazetteer.find_parties(self.norm.text)]
        for m in OFFICIAL.finditer(self.norm.text):
            start, end = self._orig(m.start(), m.end())
            place = next((p for p in self.places if end - 2 <= p.start <= end + 3), None)
            if place is None:
                continue
            kind = "hospital" if "مستشفي" in m.group(0) else "municipality"
            party_id = f"{place.id}_{kind}"
            name = place.id.replace("_", " ").title()
            self.gazetteer.ensure_party(
                party_id, f"{name} {'hospital' if kind == 'hospital' else 'municipal council'}",
                "office",
            )
            found = [f for f in found if f.end <= start or f.start >= place.end]
            found.append(Mention(party_id, start, place.end))
        for m in MEDICAL.finditer(self.norm.text):
            start, end = self._orig(m.start(), m.end())
            place = next((p for p in self.places if end - 1 <= p.start <= end + 1), None)
            if place is None or any(f.start <= start < f.end for f in found):
                continue
            party_id = f"{place.id}_hospital"
            self.gazetteer.ensure_party(
                party_id, f"{place.id.replace('_', ' ').title()} hospital", "office")
            found.append(Mention(party_id, start, place.end))
        return sorted(found, key=lambda m: m.start)

    def _anchors(self) -> list[Anchor]:
        anchors = []
        for mention in self.dates:
            if not mention.resolved or mention.value.precision != "day":
                continue
            ns = self._norm_pos(mention.start)
            before = self.norm.text[max(0, ns - 60):ns]
            if not EXECUTED.search(before[-30:]) or not STRIKE_WORD.search(before):
                continue
            sentence = self._sentence_of(mention.start)
            ordinal = self._ordinal(sentence[0], sentence[1])
            place = self._best_place(sentence[0], sentence[1])
            anchors.append(Anchor(mention.start, mention.value, place, ordinal))
        return anchors

    def _sentence_of(self, position: int) -> tuple[int, int]:
        for start, end in self._sentences():
            if start <= position < end:
                return start, end
        return position, position + 1

    def _sentences(self) -> list[tuple[int, int]]:
        return self.sentences

    def _ordinal(self, start: int, end: int) -> int | None:
        ns, ne = self._norm_pos(start), self._norm_pos(end)
        m = ORDINAL_STRIKE.search(self.norm.text, ns, ne)
        if not m:
            return None
        return ORDINALS.get(m.group(1) or m.group(2))

    def _best_place(self, start: int, end: int) -> str | None:
        inside = [p for p in self.places if start <= p.start < end and not self._in_party(p)]
        if not inside:
            return None
        ranked = sorted(inside, key=lambda p: (PLACE_RANK.get(
            self.gazetteer.places[p.id].kind, 4), p.start))
        return ranked[0].id

    def _in_party(self, place: Mention) -> bool:
        """A town inside a name ("قوة حماية سرت") is not where anything happened, unless the
        name is that town's own office ("عميد بلدية سبها" → sabha_municipality)."""
        return any(
            p.start <= place.start and place.end <= p.end
            and not p.id.startswith(place.id + "_")
            and self.gazetteer.parties[p.id].kind in ("office", "organisation")
            for p in self.parties if p.id in self.gazetteer.parties
        )

    # -- reading --

    def read(self) -> list[ClaimDraft]:
        previous_block = None
        for block_start, block_end in self.document.body:
            if previous_block is not None and block_start - previous_block > 400:
                self.last_party = None
            previous_block = block_end
            block = self.document.text[block_start:block_end]
            if _is_heading(block):
                continue  # subheadings restate the body; a careful reader counts the body
            for s, e in sentence_spans(block):
                self._read_sentence(block_start + s, block_start + e)
        return self.drafts

    def _cues(self, ns: int, ne: int) -> list[Cue]:
        text = self.norm.text
        cues: list[Cue] = []
        for pattern, kind in ((SAY, "say"), (DENY, "deny")):
            cues += [Cue(m.start(), m.end(), kind) for m in pattern.finditer(text, ns, ne)]
        for m in POST.finditer(text, ns, ne):
            if CLOSER.match(text, m.end()):
                continue
            cues.append(Cue(m.start(), m.end(), "post"))
        cues.sort(key=lambda c: c.start)
        for cue in cues:
            cue.party = self._speaker(cue, ns, ne)
        return [c for c in cues if c.kind != "post" or c.party]

    def _speaker(self, cue: Cue, ns: int, ne: int) -> str | None:
        text = self.norm.text
        if self._participle(cue):
            return None  # "…, مؤكدا أن": the subject is whoever spoke before
        mentions = self.party_positions
        stop = COMPLEMENTIZER.search(text, cue.end, ne)
        limit = min(cue.end + (45 if cue.kind == "post" else 70), stop.start() if stop else ne)
        after = [m for m in mentions if cue.end <= m[0] < limit]
        before = [m for m in mentions if ns <= m[0] and m[1] <= cue.start]
        close_before = [m for m in before if len(text[m[1]:cue.start].split()) <= 1
                        and not re.search(r"[،,؛;.:]", text[m[1]:cue.start])]
        if cue.kind != "post" and close_before and close_before[-1][2] not in NON_SPEAKERS:
            return self._specific(close_before[-1][2], after)
        candidates = [m for m in after if m[2] not in NON_SPEAKERS or m[0] - cue.end <= 3]
        if candidates:
            return self._specific(candidates[0][2], candidates[1:])
        if cue.kind == "say" and not text[cue.start:cue.end].startswith(("و", "ف")):
            # "استهدفت الأفريكوم موقعا … قالت إنها": the sentence's subject is speaking.
            subject = [m for m in before if m[2] not in NON_SPEAKERS]
            if subject:
                return subject[-1][2]
        return None

    def _participle(self, cue: Cue) -> bool:
        return cue.kind != "post" and self.norm.text[cue.start:cue.end].lstrip("وف") in PARTICIPLES

    def _specific(self, party: str, following: list[tuple[int, int, str]]) -> str:
        """Prefer a named person or office of the same organisation right after its name."""
        root = self.gazetteer.root(party)
        if self.gazetteer.parties[party].kind != "organisation":
            return party
        for _s, _e, other in following[:2]:
            entry = self.gazetteer.parties.get(other)
            if entry and entry.kind in ("person", "office") and self.gazetteer.root(other) == root:
                return other
        return party

    def _read_sentence(self, start: int, end: int) -> None:
        ns, ne = self._norm_pos(start), self._norm_pos(end)
        quote = self.document.text[start:end]
        cues = self._cues(ns, ne)
        segments = self._segments(cues, ns, ne)
        numbers = [n for n in self.numbers if start <= n.start < end]
        produced_party = None
        incident: Incident | None = None
        for seg_start, seg_end, cue in segments:
            party = cue.party if cue else None
            if party is None:
                post = next((c for c in cues if c.kind == "post" and seg_start <= c.start < seg_end
                             and c.party), None)
                party = post.party if post else None
            if party is None and cue is None:
                after = next((c for c in cues if c.kind != "post" and c.party), None)
                party = after.party if after and numbers else None
            attribution = "stated"
            if party is None and NARRATION.search(self.norm.text, seg_start,
                                                  min(seg_end, seg_start + 40)):
                party, attribution = self.document.outlet, "outlet"
            if party is None:
                party = produced_party or self.last_party
            if party is None:
                party, attribution = self.document.outlet, "outlet"
            seg_numbers = [n for n in numbers if self._norm_pos(n.start) in range(seg_start,
                                                                                   seg_end)]
            said = self._said_date(cue, seg_start, seg_end, seg_numbers)
            incident = self._segment_claims(
                quote, (start, end), seg_start, seg_end, cue, party, attribution, said,
                seg_numbers, incident,
            )
            if attribution == "stated":
                produced_party = party
        if produced_party:
            self.last_party = produced_party
        if incident is None and not cues:
            incident = self._mentioned_strike(start, end, ns, ne)
        if incident is not None:
            self.last_incident = incident

    def _mentioned_strike(self, start: int, end: int, ns: int, ne: int) -> Incident | None:
        """A strike told about without figures ("قوات حفتر كثفت ضرباتها على سرت")."""
        if not STRIKE_WORD.search(self.norm.text, ns, ne) or DEFINITE_STRIKE.search(
                self.norm.text, ns, ne):
            return None
        place = self._best_place(start, end)
        if place is not None and self.gazetteer.places[place].kind == "country":
            return None
        perpetrator = self._perpetrator(ns, ne, "", inherit=False)
        if place is None or perpetrator is None:
            return None
        return self._new_incident(_week_before(self.published), place, perpetrator, dated=False)

    def _segments(self, cues: list[Cue], ns: int, ne: int) -> list[tuple[int, int, Cue | None]]:
        openers = [c for c in cues if c.kind != "post"]
        # "…, قالت إنهم …" with no new speaker continues the segment before it.
        openers = [c for i, c in enumerate(openers)
                   if i == 0 or c.party or c.kind == "deny" or self._participle(c)
                   or self.norm.text[c.start] in "وف"]
        if not openers:
            return [(ns, ne, None)]
        out: list[tuple[int, int, Cue | None]] = []
        if openers[0].start > ns:
            out.append((ns, openers[0].start, None))
        for i, cue in enumerate(openers):
            seg_end = openers[i + 1].start if i + 1 < len(openers) else ne
            out.append((cue.start, seg_end, cue))
        return out

    def _said_date(self, cue: Cue | None, seg_start: int, seg_end: int,
                   numbers: list[NumberMention]) -> DateValue:
        if cue is not None and cue.kind != "post":
            stop = COMPLEMENTIZER.search(self.norm.text, cue.end, seg_end)
            limit = stop.start() if stop else seg_end
            if numbers:
                limit = min(limit, self._norm_pos(numbers[0].start))
            for mention in self.dates:
                pos = self._norm_pos(mention.start)
                if cue.end <= pos < limit:
                    between = self.norm.text[cue.end:pos]
                    if not STRIKE_WORD.search(between):
                        return mention.value
        if self.document.published and self.document.published.start:
            pub = self.document.published
            return DateValue(None, pub.start if pub.precision == "day" else None, "unknown", "")
        return DateValue.unknown()

    def _segment_claims(
        self,
        quote: str,
        span: tuple[int, int],
        seg_start: int,
        seg_end: int,
        cue: Cue | None,
        party: str,
        attribution: str,
        said: DateValue,
        numbers: list[NumberMention],
        incident: Incident | None,
    ) -> Incident | None:
        text = self.norm.text
        base = dict(party=party, span=span, quote=quote, attribution=attribution, said_on=said)
        said_pos = next((d.start for d in self.dates if d.value is said), None)
        segment_dates = [d for d in self.dates if seg_start <= self._norm_pos(d.start) < seg_end
                         and d.start != said_pos and d.resolved]
        found_numeric = False
        counts = [n for n in numbers if n.role == "count"]
        skip: set[int] = set()
        for index, number in enumerate(counts):
            if id(number) in skip:
                continue
            kind = self._kind(number, seg_start)
            if kind is None:
                continue
            found_numeric = True
            next_start = counts[index + 1].start if index + 1 < len(counts) else None
            previous_end = counts[index - 1].end if index else -1
            own_dates = [d for d in segment_dates if d.start > number.start and
                         (next_start is None or d.start < next_start)]
            before_dates = [d for d in segment_dates if previous_end < d.start < number.start]
            zone_end = self._norm_pos(next_start) if next_start else seg_end
            part_count = None
            part_dates: list[DateValue] = []
            if kind == "killed":
                strikes = [n for n in counts[index + 1:index + 2]
                           if n.noun and NOUN_KIND.get(n.noun) == "strikes"
                           and n.start - (number.noun_end or number.end) < 25]
                day_dates = [d.value for d in own_dates if d.value.precision == "day"]
                if strikes:
                    # "19 in two strikes on 19 and 24 September": the dates belong to the parts.
                    next_after = counts[index + 2].start if index + 2 < len(counts) else None
                    day_dates = [d.value for d in segment_dates if d.start > number.start and
                                 (next_after is None or d.start < next_after)
                                 and d.value.precision == "day"]
                totalled = TOTALISER.search(text, seg_start, zone_end)
                if (strikes and strikes[0].value and strikes[0].value >= 2 and
                        len(day_dates) >= 2) or totalled:
                    kind = "killed_total"
                    part_count = int(strikes[0].value) if strikes and strikes[0].value else (
                        self._ordinal(*self._sentence_of(number.start)))
                    part_dates = day_dates
                    for s in strikes:
                        skip.add(id(s))
            if kind in ("killed_total", "remaining_strength"):
                when = _span_of(part_dates) or next(
                    (d.value for d in before_dates + own_dates
                     if d.value.precision in ("window", "week", "month")), said)
                draft = ClaimDraft(kind=kind, value=number.value, qualifier=number.qualifier,
                                   vague=number.vague, event_date=when, part_count=part_count,
                                   part_dates=part_dates,
                                   place=self._best_place(number.start, self._orig(zone_end,
                                                          zone_end)[0]) or None, **base)
                self.drafts.append(draft)
                continue
            own = own_dates[:1] or before_dates[-1:]
            zone = (number.start, self._orig(zone_end, zone_end)[0])
            incident = self._incident(own[0] if own else None, zone, seg_start, seg_end,
                                      party, said, incident, kind)
            incident.kinds.add((self.gazetteer.root(party), kind))
            self.drafts.append(ClaimDraft(
                kind=kind, value=number.value, qualifier=number.qualifier, vague=number.vague,
                event_date=incident.date, place=incident.place, perpetrator=incident.perpetrator,
                extra={"incident": incident.key}, **base))
            if cue is not None and cue.kind == "deny" and index == 0:
                self.drafts[-1].stance = "denies"
                self.drafts[-1].denies = self._denied_index(party, kind, number.value, span)
        for m in NEGATED.finditer(text, seg_start, seg_end):
            noun = m.group(1)
            kind = "civilians_harmed" if "مدني" in noun else (
                "injured" if noun in ("جرحي", "اصابات") else "killed")
            if "مدني" in text[m.end():m.end() + 25]:  # "… ضحايا في صفوف المدنيين"
                kind = "civilians_harmed"
            found_numeric = True
            incident = incident or self._incident(None, self._orig(m.start(), m.end()), seg_start,
                                                  seg_end, party, said, incident)
            self.drafts.append(ClaimDraft(
                kind=kind, value=0, event_date=incident.date, place=incident.place,
                perpetrator=incident.perpetrator, extra={"incident": incident.key}, **base))
        for m in UNCOUNTED.finditer(text, seg_start, seg_end):
            found_numeric = True
            incident = incident or self._incident(None, self._orig(m.start(), m.end()), seg_start,
                                                  seg_end, party, said, incident)
            self.drafts.append(ClaimDraft(
                kind="killed", value=None, qualifier="unspecified", event_date=incident.date,
                place=incident.place, perpetrator=incident.perpetrator,
                extra={"incident": incident.key}, **base))
        if cue is not None and cue.kind == "deny" and not found_numeric:
            toll = bool(TOLL_WORD.search(text, seg_start, seg_end))
            denied = self._denied_index(party, None, None, span, toll)
            if denied is not None:
                target = self.drafts[denied]
                self.drafts.append(replace(
                    target, stance="denies", denies=denied, extra=dict(target.extra), **base))
                return self.by_key.get(target.extra.get("incident"), incident)
        if not found_numeric and cue is not None:
            incident = self._non_numeric(seg_start, seg_end, base, said, incident) or incident
        return incident

    def _non_numeric(self, seg_start: int, seg_end: int, base: dict, said: DateValue,
                     incident: Incident | None) -> Incident | None:
        text = self.norm.text
        coordination = COORDINATION.search(text, seg_start, seg_end)
        if coordination:
            partner = next((m for m in self.parties
                            if coordination.end() <= self._norm_pos(m.start) <
                            coordination.end() + 40), None)
            if incident is None and STRIKE_WORD.search(text, seg_start, seg_end):
                incident = self.last_incident
            if partner and self.gazetteer.root(partner.id) != self.gazetteer.root(base["party"]):
                self.drafts.append(ClaimDraft(
                    kind="coordination", value=None, qualifier="unspecified",
                    target=partner.id,
                    event_date=incident.date if incident else DateValue.unknown(),
                    place=incident.place if incident else None,
                    perpetrator=incident.perpetrator if incident else None,
                    extra={"incident": incident.key} if incident else {}, **base))
        hit = TARGETED.search(text, seg_start, seg_end) or re.compile(
            _W + r"(?:طاولت|طالت|طاول|طال|اصابت)" + _E).search(text, seg_start, seg_end)
        if hit and STRIKE_WORD.search(text, max(seg_start, hit.start() - 40), hit.start()):
            end = seg_end
            stop = re.compile(r"[،,؛;.]").search(text, hit.end(), seg_end)
            if stop:
                end = stop.start()
            o_start, o_end = self._orig(hit.end(), end)
            target = self.document.text[o_start:o_end].strip(" \u201c\u201d\"")
            if target:
                zone = self._orig(seg_start, hit.start())
                new = incident or self._incident(None, zone, seg_start, hit.start(),
                                                 base["party"], said, None)
                self.drafts.append(ClaimDraft(
                    kind="targeting", value=None, qualifier="unspecified", target=target[:200],
                    event_date=new.date, place=new.place, perpetrator=new.perpetrator,
                    extra={"incident": new.key}, **base))
                return new
        return None

    def _denied_index(self, party: str, kind: str | None, value: float | None,
                      span: tuple[int, int], toll: bool = False) -> int | None:
        """The latest claim by another party that this denial answers; figures first."""
        root = self.gazetteer.root(party)
        candidates = [
            i for i in range(len(self.drafts) - 1, -1, -1)
            if self.gazetteer.root(self.drafts[i].party) != root
            and self.drafts[i].stance == "asserts"
            and (kind is None or self.drafts[i].kind == kind)
        ]
        same_sentence = [i for i in candidates if self.drafts[i].span == span]
        figures = [i for i in same_sentence if self.drafts[i].value]
        # "نفى صحة الحصيلة": a denial that speaks of a toll answers the latest death toll.
        tolls = [i for i in candidates if self.drafts[i].kind in ("killed", "killed_total")
                 and self.drafts[i].value] if toll else []
        for group in (figures, tolls, same_sentence, candidates):
            if group:
                return group[0]
        return None

    def _kind(self, number: NumberMention, seg_start: int) -> str | None:
        noun = number.noun or ""
        text = self.norm.text
        ns = self._norm_pos(number.start)
        before = text[max(seg_start, ns - 45):ns]
        after_end = self._norm_pos(number.noun_end) if number.noun_end else ns
        after = text[after_end:after_end + 30]
        if noun in VEHICLE_NOUNS:
            return "vehicles_destroyed" if DESTROY.search(before) else None
        if noun in BUILDING_NOUNS:
            return "buildings_destroyed" if DESTROY.search(before) else None
        if noun in NOUN_KIND:
            kind = NOUN_KIND[noun]
            if kind == "strikes" and number.value is None:
                return None
            return kind
        person = noun.startswith(PERSON_NOUNS) or noun in PERSON_NOUNS or number.value is None
        if not person:
            return None
        if REMAIN.search(before):
            return "remaining_strength"
        if "مدني" in noun:
            return "civilians_harmed"
        last_kill = _last(KILL, before)
        last_injure = _last(INJURE, before)
        if last_kill is not None or last_injure is not None:
            if last_injure is not None and (last_kill is None or last_injure > last_kill):
                return "injured"
            return "killed"
        if INJURE.match(after.strip()) or re.match(r"\s*(?:بجروح|بجراح)", after):
            return "injured"
        if TARGETED.search(before) and number.value is not None:
            return "killed"
        return None

    def _incident(self, own: DateMention | None, zone: tuple[int, int], seg_start: int,
                  seg_end: int, party: str, said: DateValue,
                  previous: Incident | None, kind: str = "") -> Incident:
        place = self._best_place(*zone) or self._best_place(*self._orig(seg_start, seg_end))
        perpetrator = self._perpetrator(seg_start, seg_end, party)
        if own is not None:
            return self._new_incident(own.value, place, perpetrator, dated=True)
        if previous is not None and (self.gazetteer.root(party), kind) not in previous.kinds:
            return previous
        ns, ne = self._norm_pos(zone[0]), self._norm_pos(zone[1])
        if self.last_incident is not None and DEFINITE_STRIKE.search(self.norm.text, ns, ne):
            return self.last_incident  # "the strike": the one the article is telling about
        if self.last_incident is not None and self.last_incident.dated and place is None:
            return self.last_incident
        sentence = self._sentence_of(zone[0])
        ordinal = self._ordinal(*sentence)
        said_by = said.start or said.end or self.published
        for anchor in self.anchors:
            if ordinal is not None and anchor.ordinal is not None and ordinal != anchor.ordinal:
                continue
            if said_by and anchor.date.start and anchor.date.start > said_by:
                continue
            if place and anchor.place and not self._places_agree(place, anchor.place):
                continue
            return self._new_incident(anchor.date, self._finer(place, anchor.place), perpetrator,
                                      dated=True)
        reference = said.start or self.published
        return self._new_incident(_week_before(reference), place, perpetrator, dated=False)

    def _new_incident(self, when: DateValue, place: str | None, perpetrator: str | None,
                      dated: bool) -> Incident:
        self.incidents += 1
        incident = Incident(self.incidents, when, place, perpetrator, dated)
        self.by_key[incident.key] = incident
        return incident

    def _places_agree(self, a: str, b: str) -> bool:
        if a == b:
            return True
        pa, pb = self.gazetteer.places[a], self.gazetteer.places[b]
        distance = self.gazetteer.distance_km(a, b) or 0.0
        return distance <= max(pa.radius_km, pb.radius_km, 50.0)

    def _finer(self, a: str | None, b: str | None) -> str | None:
        if a is None or b is None:
            return a or b
        rank = PLACE_RANK.get
        return a if rank(self.gazetteer.places[a].kind, 4) <= rank(
            self.gazetteer.places[b].kind, 4) else b

    def _perpetrator(self, seg_start: int, seg_end: int, party: str,
                     inherit: bool = True) -> str | None:
        text = self.norm.text
        window = text[seg_start:seg_end]
        for m in self.parties:
            pos = self._norm_pos(m.start)
            if seg_start <= pos < seg_end and self.gazetteer.root(m.id) == "us_military":
                return "africom" if m.id == "africom" or self.gazetteer.parties[m.id].affiliation \
                    == "africom" else m.id
        root = self.gazetteer.root(party)
        if root == "us_military":
            return "africom" if self.gazetteer.root(party) != party and party != "us_military" \
                else party
        if US_MARK.search(window):
            return "us_military"
        if LNA_MARK.search(window) or root == "lna":
            return "lna"
        if inherit and self.last_incident is not None:
            return self.last_incident.perpetrator
        return None


def _week_before(reference: date | None) -> DateValue:
    """An undated incident: news tells of the days before the report (or the statement)."""
    if reference is None:
        return DateValue.unknown()
    return DateValue(reference - timedelta(days=DEFAULT_WINDOW_DAYS), reference, "window", "")


def _span_of(days: list[DateValue]) -> DateValue | None:
    known = sorted(d.start for d in days if d.start)
    if not known:
        return None
    text = " / ".join(d.text for d in days)
    return DateValue(known[0], known[-1], "window" if len(known) > 1 else "day", text)


def _is_heading(line: str) -> bool:
    return len(line.split()) <= 12 and not line.rstrip().endswith((".", ":", "»", '"', "”"))


def _last(pattern: re.Pattern[str], text: str) -> int | None:
    last = None
    for m in pattern.finditer(text):
        last = m.start()
    return last
