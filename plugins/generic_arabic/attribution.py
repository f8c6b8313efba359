"""Who says what in a sentence, and when they said it.

A speech verb (قال، أعلن، أكد …) or a denial (نفى، شكك …) opens a *segment* of the sentence
that its speaker asserts (or denies); "وفق / بحسب / نقلا عن" + a party names the speaker of
the segment it sits in, wherever the figure is. The speaker of a verb is, in this order:

1. nobody new for a participle ("…، مؤكدا أن"): the sentence's speaker goes on;
2. for "نقلت وكالة … عن X قوله", X;
3. for "الذي قال", the party the relative clause hangs on;
4. a party written right before the verb ("مصدر محلي أكد");
5. the first party after the verb, before "أن / إن" (the usual Arabic order);
6. the subject at the head of the clause ("استهدفت الأفريكوم موقعا … قالت إنها"), or for
   "وقالت" / "فأكد" with nobody after it, a party opening the sentence;
7. otherwise nobody: the segment continues whoever spoke last.

The date between a verb and its "أن" (or its object) is the day the party spoke; it is never
an event date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.gazetteer import Gazetteer

from . import lexicon as lx
from .article import Article, DateHit, PartyHit, Sentence
from .parties import NON_SPEAKERS

_CLAUSE_BREAK = re.compile(r"[،,؛;:.]")
_QUOTES_AND_GROUP = re.compile(r"[\s«»\"“”'()]*(?:تنظيم)?[\s«»\"“”'()]*")
_AFTER_SPEAKER = 70  # characters after a verb where its subject may be named
_AFTER_POST = 45
_ABOUT = re.compile(lx.W + r"عن" + lx.E)
#: "بعد أيام من إعلان «أفريكوم» مقتل 17": the party's statement, named by a noun.
_STATEMENT_NOUN = re.compile(lx.W + r"[وبل]?(?:اعلان|بيان|تصريحات|روايه)" + lx.E)
_BLOCKED_BEFORE = re.compile(r"(?:مع|بين|ضد|علي|الي|ل|عن|باسم|عبر)\s*[«\"“]?\s*$")
_VERB_BEFORE = re.compile(
    r"(?:" + lx.EXECUTED.pattern + "|" + lx.SAY.pattern + r")\s*$|(?:كان|كانت)\s+\S*\s*$"
)
_APPOSITION = re.compile(r"\s*[،,]\s*(?:\S+\s+){0,3}?\S+\s*[،,]\s*")
_CONNECTIVE = re.compile(r"(?:غير|الا|بيد)\s+$")
_SPEAKER_KINDS = ("organisation", "office", "person", "unnamed_source", "outlet")


@dataclass
class Cue:
    start: int
    end: int
    kind: str  # say | deny | post | echo
    word: str  # the verb without its و/ف
    party: str | None = None
    continues: bool = False  # "وقال", "مؤكدا": the statement goes on
    nominal: bool = False  # "إعلان أفريكوم …": a statement named by a noun

    @property
    def opens(self) -> bool:
        return self.kind != "post"


def find_cues(article: Article, sentence: Sentence) -> list[Cue]:
    text = article.text
    ns, ne = sentence.start, sentence.end
    cues: list[Cue] = []
    for pattern, kind in ((lx.SAY, "say"), (lx.DENY, "deny")):
        for m in pattern.finditer(text, ns, ne):
            word = m.group()
            bare = word[1:] if word[:1] in "وف" and word[1:] in _ALL_VERBS else word
            if bare in lx.RELAY_WORDS and not _ABOUT.search(text, m.end(), min(ne, m.end() + 80)):
                continue  # "نقلت سيارة إسعاف جريحين": carried, not reported
            if bare in lx.REFUSE_WORDS and lx.REFUSAL.match(text, m.end()):
                continue  # "رافضا تأكيد أي حصيلة": no denial
            if bare == "تابع" and _BELONGING.match(text, m.end()):
                continue  # "طيران مسيّر تابع لمليشيات حفتر": belonging to, not "he went on"
            if kind == "say" and bare in lx.DEEM_WORDS and lx.DISMISSED.search(
                    text, m.end(), min(ne, m.end() + 120)):
                kind = "deny"  # "اعتبر أن هذه الأرقام عارية عن الصحة"
            cues.append(Cue(m.start(), m.end(), kind, bare, continues=bare != word))
            kind = "say" if pattern is lx.SAY else "deny"
    for m in lx.DESCRIBE.finditer(text, ns, ne):
        if lx.DISMISSED.search(text, m.end(), min(ne, m.end() + 120)):
            cues.append(Cue(m.start(), m.end(), "deny", m.group().lstrip("وف")))
    for m in _STATEMENT_NOUN.finditer(text, ns, ne):
        cues.append(Cue(m.start(), m.end(), "post", m.group().strip(), nominal=True))
    for m in lx.ECHO.finditer(text, ns, ne):
        cues.append(Cue(m.start("verb"), m.end("verb"), "echo", m.group("verb")))
    for m in lx.POST.finditer(text, ns, ne):
        if not lx.CLOSER.match(text, m.end()):
            cues.append(Cue(m.start(), m.end(), "post", m.group().strip()))
    cues.sort(key=lambda c: c.start)
    parties = article.parties_in(ns, ne)
    spoken = False  # a verb of saying came before in the sentence
    for cue in cues:
        participle = cue.word in lx.PARTICIPLES
        cue.party = _acting(article, cue, ns, parties) if participle and not spoken else (
            _speaker(article, cue, sentence, parties))
        cue.continues = cue.continues or participle
        spoken = spoken or cue.kind in ("say", "deny")
    return [c for c in cues if c.kind != "post" or c.party]


_ALL_VERBS = frozenset(lx.SAY_WORDS) | frozenset(lx.DENY_WORDS)


def _speaks(gazetteer: Gazetteer, party: str) -> bool:
    entry = gazetteer.parties.get(party)
    return party not in NON_SPEAKERS and (entry is None or entry.kind in _SPEAKER_KINDS)


def _speaker(article: Article, cue: Cue, sentence: Sentence,
             parties: list[PartyHit]) -> str | None:
    text, gazetteer = article.text, article.gazetteer
    ns, ne = sentence.start, sentence.end
    if cue.kind == "post" and cue.nominal:
        after = [p for p in parties if cue.end <= p.start <= cue.end + 4]
        return after[0].id if after and _speaks(gazetteer, after[0].id) else None
    if cue.kind == "post":
        if lx.FIRST_PERSON.match(text, cue.end):
            # "ووفق حسابنا المستند إلى بيانات القيادة": the writer's own count
            return article.document.outlet
        compiled = lx.COMPILED.match(text, cue.end)
        if compiled:
            # "وفق إحصاء أعدته …": the count of whoever compiled it, the outlet when that is
            # not a party ('أعدته "الغد" استنادا إلى بيانات أفريكوم')
            by = [p for p in parties if compiled.end() <= p.start <= compiled.end() + 4]
            return by[0].id if by else article.document.outlet
        after = [p for p in parties if cue.end <= p.start < cue.end + _AFTER_POST]
        if after:
            return after[0].id
        return None
    if cue.kind == "echo":
        after = [p for p in parties if cue.end <= p.start < cue.end + 30]
        return after[0].id if after else None
    if cue.word in lx.PARTICIPLES:
        return None
    if cue.word in lx.RELAY_WORDS:
        about = _ABOUT.search(text, cue.end, min(ne, cue.end + 80))
        if about:
            relayed = [p for p in parties if about.end() <= p.start < about.end() + 40]
            if relayed:
                return relayed[0].id
    before = [p for p in parties if p.end <= cue.start]
    if lx.RELATIVE.search(text, max(ns, cue.start - 8), cue.start) and before:
        antecedent = [p for p in before if _speaks(gazetteer, p.id)]
        if antecedent:
            return antecedent[-1].id
    if before:
        last = before[-1]
        gap = text[last.end:cue.start]
        close = len(gap.split()) <= 1 and not _CLAUSE_BREAK.search(gap)
        if (close or _APPOSITION.fullmatch(gap)) and _speaks(gazetteer, last.id):
            return _specific(gazetteer, last.id, [])  # "عميد بلدية سبها، حامد الخيالي، شكك"
    stop = lx.COMPLEMENTIZER.search(text, cue.end, ne)
    limit = min(cue.end + _AFTER_SPEAKER, stop.start() if stop else ne)
    after = [p for p in parties if cue.end <= p.start < limit]
    candidates = [p for p in after if _speaks(gazetteer, p.id) or (
        p.id in NON_SPEAKERS and _QUOTES_AND_GROUP.fullmatch(text, cue.end, p.start))]
    if candidates:
        return _specific(gazetteer, candidates[0].id, after[after.index(candidates[0]) + 1:])
    if not cue.continues:
        subject = _clause_subject(text, before, cue.start)
        if subject and _speaks(gazetteer, subject.id):
            return subject.id
    opening = [p for p in before if len(text[ns:p.start].split()) <= 4
               and _speaks(gazetteer, p.id) and not _BLOCKED_BEFORE.search(text[ns:p.start])
               and not _complement(text, ns, p.start)]
    if opening:
        return opening[0].id  # "نفذت القيادة … ست غارات …، قالت إنها": the sentence's subject
    if not cue.continues:
        owner = _strike_owner(article, [p for p in before if p.start >= ns])
        if owner is not None:
            return owner  # "غارة مماثلة للجيش …، قال إنها": whose strike it was
    return None


_OWNER_GAP = re.compile(r"\s+(?:\S+\s+){0,2}?(?:ل|(?:التي|الذي)\s+\S+\s+)?$")


_BELONGING = re.compile(r"\s+ل\S")
#: A party after a preposition is no subject: "بالحصيلة التي أعلنتها القيادة", "مع الوفاق".
_GOVERNED = re.compile(r"(?:^|\s)(?:[بل]|مع|عن|في|من|الي|علي|امام)\s*$|[بل]$")


def _acting(article: Article, cue: Cue, start: int, parties: list[PartyHit]) -> str | None:
    """"تمسّك نائب قائد أفريكوم …، قائلاً إن": a participle with no verb of saying before it
    speaks for whoever acts in its sentence, the first party there that is no complement."""
    text = article.text
    for hit in parties:
        if hit.end > cue.start:
            break
        if _speaks(article.gazetteer, hit.id) and not _GOVERNED.search(
                text, max(start, hit.start - 6), hit.start) and not _complement(
                text, start, hit.start):
            return hit.id
    return None


def _strike_owner(article: Article, before: list[PartyHit]) -> str | None:
    """The party whose strike the clause names ("غارة مماثلة للجيش", "الضربة التي نفذتها
    أفريكوم"), for a speech verb with no subject of its own."""
    text = article.text
    for hit in reversed(before):
        if not _speaks(article.gazetteer, hit.id):
            continue
        lead = text[max(0, hit.start - 40):hit.start]
        strikes = list(lx.STRIKE_WORD.finditer(lead))
        strike = strikes[-1] if strikes else None
        if strike is None or _CLAUSE_BREAK.search(lead, strike.end()):
            continue
        possessive = text.startswith("ل", hit.start) or lead.endswith("ل")
        if _OWNER_GAP.fullmatch(lead, strike.end()) and (
                possessive or lx.EXECUTED.search(lead, strike.end())):
            return hit.id
    return None


def _clause_subject(text: str, before: list[PartyHit], position: int) -> PartyHit | None:
    """The subject of the clause the verb is in: a party opening the clause ("مصدر محلي من
    أوباري أكد") or written right after the clause's first verb ("استهدفت الأفريكوم موقعا …
    قالت"); never a complement ("بالتنسيق مع حكومة الوفاق …، مشيرة", "بأن مستشفى المدينة
    استقبل … قال")."""
    for hit in reversed(before):
        if _CLAUSE_BREAK.search(text, hit.end, position):
            return None
        if _BLOCKED_BEFORE.search(text, max(0, hit.start - 12), hit.start):
            continue
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, hit.start - 200),
                                                               hit.start)), default=0)
        lead = text[max(start, hit.start - 200):hit.start]
        if _complement(lead, 0, len(lead)):
            return None
        if len(lead.split()) <= 3 or _VERB_BEFORE.search(lead):
            return hit
        return None
    return None


def _complement(text: str, start: int, end: int) -> bool:
    """Is there an "أن / إن" in text[start:end] that opens a reported clause? "غير أن",
    "إلا أن", "بيد أن" only join sentences."""
    return any(not _CONNECTIVE.search(text, max(0, m.start() - 6), m.start())
               for m in lx.COMPLEMENTIZER.finditer(text, start, end))


def _specific(gazetteer: Gazetteer, party: str, following: list[PartyHit]) -> str:
    """Prefer a named person or office of the same organisation right after its name, and
    a named person right after a title ("المتحدث باسم وزارة الدفاع العميد …")."""
    entry = gazetteer.parties.get(party)
    if entry is not None and entry.kind == "unnamed_source":
        for hit in following[:2]:
            other = gazetteer.parties.get(hit.id)
            if other and other.kind == "person":
                return hit.id
        return party
    if entry is None or entry.kind != "organisation":
        return party
    root = gazetteer.root(party)
    for hit in following[:2]:
        other = gazetteer.parties.get(hit.id)
        if other and other.kind in ("person", "office") and gazetteer.root(hit.id) == root:
            return hit.id
    return party


def said_date(article: Article, cue: Cue, segment_end: int, first_figure: int | None,
              first_strike: int | None) -> DateHit | None:
    """The date between a speech verb and what it says: when the party spoke."""
    text = article.text
    if cue.kind == "post":
        # "…، وفق ما أعلنته وزارة الصحة، اليوم الأربعاء.": the date closing the attribution
        for hit in article.dates_in(cue.end, min(segment_end, cue.end + 90)):
            between = text[cue.end:hit.start]
            if not lx.STRIKE_WORD.search(between) and not article.numbers_in(
                    cue.end, hit.start) and not text[hit.end:segment_end].strip(" ،,.\n"):
                return hit
        return None
    if cue.kind not in ("say", "deny"):
        return None
    stop = lx.COMPLEMENTIZER.search(text, cue.end, segment_end)
    limit = stop.start() if stop else segment_end
    for bound in (first_figure, first_strike):
        if bound is not None and bound > cue.end:
            limit = min(limit, bound)
    for hit in article.dates_in(cue.end, limit):
        if not lx.STRIKE_WORD.search(text, cue.end, hit.start):
            return hit
    return None
