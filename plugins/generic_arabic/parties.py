"""Who is named in an article: gazetteer parties, town offices, sources inside organisations,
and head nouns that point back to a party named earlier ("القيادة", "الناطق", "التنظيم").

Town offices are made on the fly: "عميد بلدية أوباري" is ``ubari_municipality``, "مدير مستشفى
القطرون" and "مركز سبها الطبي" are ``qatrun_hospital`` and ``sabha_hospital``, "السلطات المحلية
في المدينة" is the council of the town named last. An unnamed source placed inside an
organisation ("مصدر عسكري بالجيش الوطني") speaks for that organisation.
"""

from __future__ import annotations

import re

from claimtrack.gazetteer import Gazetteer

from . import lexicon as lx
from .article import Article, PartyHit, the_town_at, town_before

#: Parties that are talked about far more often than they talk.
NON_SPEAKERS = frozenset({"isis", "al_qaeda"})
#: "القيادة", "وأوضحت القيادة", and after the preposition ل "للجيش" (الجيش).
_POINTER = re.compile(lx.W + r"(?:[وف]?(?P<ll>لل)(?P<rest>" + lx.words(*(h[2:] for h in lx.HEADS))
                      + r")|[وفل]?(?P<head>" + lx.words(*lx.HEADS) + "))" + lx.E)
_ROLE = re.compile(lx.W + r"[وفل]?(?:ال)?(?:متحدث|متحدثه|ناطق)\s+(?:الرسمي\s+)?(?:باسم|عن)" + lx.E)
_SOURCE_WORD = re.compile(
    lx.W + r"[وف]?(?:مصدر|مصادر|مسوول|مسوولون|مسوولين|تقديرات|شاهد|شهود|طبيب|ناشط|ناشطون|"
    r"احد\s+وجهاء|وجهاء|احد\s+اعيان|اعيان|شيخ|احد\s+سكان|احد\s+الاهالي|مواطن|مواطنون|ناشطين|"
    r"ناشطا|نشطاء|حقوقيون|حقوقيين)"
    r"(?:\s+(?:عسكري|عسكريه|امني|امنيه|مطلع|مطلعه|رسمي|رسميه|حكومي|حكوميه|مسوول|مقرب|مقربه|"
    r"ميداني|اخر|محلي|محليه|محليون|محليين|طبي|طبيه))?" + lx.E
)
_US_ADJECTIVE = re.compile(
    r"\s*(?:ال)?(?:امريكي|اميركي|امريكيه|اميركيه|امريكيون|اميركيون|امريكيين|اميركيين)" + lx.E
)
#: "مصدر في غرفة عمليات «البنيان المرصوص»": a unit or office of the organisation named next.
_UNIT_BEFORE = re.compile(r"(?:ال)?(?:غرفه\s+(?:ال)?عمليات|قياده|مكتب|اداره|صفوف|قوات|مقر)"
                          r"\s*[«\"“']?\s*")
_GROUP_HEAD = "التنظيم"
#: An organisation's kind written before its name: "جمعية الهلال الأحمر", "لمنظمة الصحة العالمية".
_KIND_BEFORE = re.compile(lx.W + r"[وفبل]?(?P<kind>جمعيه|جهاز|منظمه|هييه|لجنه|بعثه)\s+$")
_BARE_HOSPITAL = re.compile(r"المستشفي" + lx.E)
#: "مستشفى الهريش في درنة", "مستشفى ابن سينا بمدينة سرت": a hospital's own name, then its town.
_HOSPITAL_NAME = re.compile(r"(?:[^\s،,.:؛«»\"]+\s+){1,2}?(?:في|ب)\s*(?:مدينه\s+)?")
_VERB_BEFORE = re.compile(r"(?:" + lx.SAY.pattern + "|" + lx.DENY.pattern + r")\s*$")
_BARE_COUNCIL = re.compile(r"[وفلب]?(?:ال)?(?:بلديه|مجلس\s+(?:ال)?بلدي)\s*")
#: 'وكالة "أعماق"': the group's news agency, its name in quotes.
_AGENCY_QUOTED = re.compile(lx.W + r"[وبل]?(?:ال)?وكاله\s*[«\"“']\s*(?:اعماق)\s*[»\"”']")


def party_hits(article: Article) -> list[PartyHit]:
    text, gazetteer = article.text, article.gazetteer
    hits = [PartyHit(m.start, m.end, m.id, _heads(text, m.start, m.end, m.id))
            for m in gazetteer.find_parties(text)]
    for m in _AGENCY_QUOTED.finditer(text):
        if "amaq" in gazetteer.parties:
            hits = _replace(hits, PartyHit(m.start(), m.end(), "amaq", frozenset({"الوكاله"})))
    hits = _town_offices(article, hits)
    hits = _sources_inside(article, hits)
    hits = _roles(text, sorted(hits, key=lambda h: h.start))
    return _pointers(text, hits)


def _heads(text: str, start: int, end: int, party: str) -> frozenset[str]:
    first = text[start:end].split(" ", 1)[0]
    if first.startswith("لل"):
        first = first[1:]  # "للجيش" is "الجيش" after the preposition ل
    heads = {first if first.startswith("ال") else "ال" + first}
    before = _KIND_BEFORE.search(text, max(0, start - 12), start)
    if before:  # "جمعية الهلال الأحمر" … "الجمعية"
        heads.add("ال" + before.group("kind"))
    if party in NON_SPEAKERS:
        heads.add(_GROUP_HEAD)
    return frozenset(heads)


def _replace(hits: list[PartyHit], new: PartyHit) -> list[PartyHit]:
    """Add new, dropping the hits it covers ("بلدية سبها" inside "عميد بلدية سبها")."""
    kept = [h for h in hits if h.end <= new.start or h.start >= new.end]
    kept.append(new)
    return kept


def _town_at(article: Article, position: int, slack: int = 3) -> tuple[str, int] | None:
    """The town named at position ("أوباري"), or the one "المدينة" there points back to."""
    for place in article.places_in(max(0, position - 2), position + slack):
        if article.place_kind(place.id) in ("country", "region"):
            break  # 'مصدر في المستشفى لـ"ليبيا ريفيو"': a country has no town hospital
        return place.id, place.end
    return the_town_at(article, position)


def _office(gazetteer: Gazetteer, town: str, kind: str) -> str:
    party = f"{town}_{kind}"
    name = town.replace("_", " ").title()
    gazetteer.ensure_party(party, f"{name} {'hospital' if kind == 'hospital' else 'council'}",
                           "office")
    return party


def office_town(gazetteer: Gazetteer, party: str) -> str | None:
    """The town of a town office made by ``_office`` ("zawiya_hospital" -> "zawiya")."""
    town, _, office = party.rpartition("_")
    return town if office in ("hospital", "municipality") and town in gazetteer.places else None


def _town_offices(article: Article, hits: list[PartyHit]) -> list[PartyHit]:
    text, gazetteer = article.text, article.gazetteer
    for m in lx.OFFICIAL.finditer(text):
        found = _town_at(article, m.end())
        if found is None and _BARE_COUNCIL.fullmatch(m.group()) and _VERB_BEFORE.search(
                text, max(0, m.start() - 16), m.start()):
            # "وقالت البلدية" after the town was named: that town's council
            town = town_before(article, m.start())
            found = (town, m.end() - len(m.group()) + len(m.group().rstrip())) if town else None
        if found is None:
            continue
        town, end = found
        hospital = "مستشفي" in m.group(0)
        party = _office(gazetteer, town, "hospital" if hospital else "municipality")
        heads = {"المستشفي", "المدير"} if hospital else {"البلديه", "المجلس", "المسوول"}
        hits = _replace(hits, PartyHit(m.start(), end, party, frozenset(heads)))
    for m in lx.MEDICAL.finditer(text):
        if any(h.start <= m.start() < h.end for h in hits):
            continue
        found = _town_at(article, m.end(), 1)
        if found is None and "مستشفي" in m.group(0):
            named = _HOSPITAL_NAME.match(text, m.end())
            found = _town_at(article, named.end(), 1) if named else None
        if found is None:
            continue
        town, end = found
        tail = lx.MEDICAL_TAIL.match(text, end)
        if "مركز" in m.group(0) and not tail:
            continue  # "مركز البلدة" is the town centre, not a clinic
        party = _office(gazetteer, town, "hospital")
        heads = {"المستشفي", "المركز"}
        hits = _replace(hits, PartyHit(m.start(), tail.end() if tail else end, party,
                                       frozenset(heads)))
    for m in lx.LOCAL_AUTHORITY.finditer(text):
        found = _town_at(article, m.end())
        if found is not None:
            party = _office(gazetteer, found[0], "municipality")
            hits = _replace(hits, PartyHit(m.start(), found[1], party,
                                           frozenset({"السلطات", "البلديه"})))
    return hits


def _sources_inside(article: Article, hits: list[PartyHit]) -> list[PartyHit]:
    """"مصدر عسكري بالجيش الوطني", "مصدر في وزارة الدفاع": a source of that organisation;
    "مسؤولون أميركيون": the US military; any other unnamed official, source or witness is an
    unnamed local source."""
    text, gazetteer = article.text, article.gazetteer
    by_start = {h.start: h for h in hits}
    for m in _SOURCE_WORD.finditer(text):
        if any(h.start <= m.start() < h.end for h in hits if h.id != "unnamed_local_source"):
            continue
        if _US_ADJECTIVE.match(text, m.end()):
            us = _US_ADJECTIVE.match(text, m.end())
            hits = _replace(hits, PartyHit(m.start(), us.end() if us else m.end(), "us_military",
                                           frozenset({"المسوولون"})))
            continue
        link = lx.SOURCE_IN.match(text, m.end())
        org = None if link is None else next(
            (h for h in hits if link.end() - 1 <= h.start <= link.end() + 1
             or (link.end() < h.start and _UNIT_BEFORE.fullmatch(text, link.end(), h.start))),
            None)
        bare = None if link is None or org is not None else _BARE_HOSPITAL.match(text, link.end())
        if bare is not None:
            # "مصدر طبي في المستشفى": the hospital named last
            named = [h for h in hits if h.end <= m.start() and h.id.endswith("_hospital")]
            if named:
                hits = _replace(hits, PartyHit(m.start(), bare.end(), named[-1].id,
                                               named[-1].heads | {"المصدر"}))
                continue
        if org is None or org.id not in gazetteer.parties:
            if not any(h.start <= m.start() < h.end for h in hits):
                hits = _replace(hits, PartyHit(m.start(), m.end(), "unnamed_local_source",
                                               frozenset({"المصدر", "المسوول"})))
            continue
        if org.id.endswith(("_hospital", "_municipality")):
            # "مصدر طبي في مستشفى مرزق" speaks for the hospital
            hits = _replace(hits, PartyHit(m.start(), org.end, org.id, org.heads | {"المصدر"}))
            continue
        root = gazetteer.root(org.id)
        entry = gazetteer.parties.get(root)
        if root in NON_SPEAKERS or entry is None or entry.kind != "organisation":
            continue
        party = f"{root}_source"
        gazetteer.ensure_party(party, f"{entry.name}: unnamed source", "unnamed_source", root)
        start = min(m.start(), by_start.get(m.start(), org).start)
        hits = _replace(hits, PartyHit(start, org.end, party, org.heads | {"المصدر"}))
    return hits


def _roles(text: str, hits: list[PartyHit]) -> list[PartyHit]:
    """"المتحدث باسم وزارة الدفاع": the ministry can later be called "المتحدث"."""
    out = list(hits)
    for m in _ROLE.finditer(text):
        for i, hit in enumerate(out):
            if m.end() <= hit.start <= m.end() + 40:
                out[i] = PartyHit(hit.start, hit.end, hit.id,
                                  hit.heads | {"المتحدث", "الناطق", "المتحدثه"})
                break
    return out


def _pointers(text: str, hits: list[PartyHit]) -> list[PartyHit]:
    """Bare head nouns ("وأوضحت القيادة") become hits of the last party with that head."""
    found = [(m.start("ll"), m.end(), "ال" + m.group("rest")) if m.group("ll") else
             (m.start("head"), m.end(), m.group("head")) for m in _POINTER.finditer(text)]
    out: list[PartyHit] = []
    latest: dict[str, str] = {}
    i = j = 0
    while i < len(hits) or j < len(found):
        if j >= len(found) or (i < len(hits) and hits[i].start <= found[j][0]):
            hit = hits[i]
            out.append(hit)
            for head in hit.heads:
                latest[head] = hit.id
            i += 1
            continue
        start, end, head = found[j]
        j += 1
        if any(h.start <= start < h.end for h in hits[max(0, i - 1):i + 1]):
            continue  # part of a longer name
        if head in latest:
            out.append(PartyHit(start, end, latest[head], frozenset({head}), pointer=True))
        elif head == "المصدر":
            # "وقال المصدر" with no source named before: an unnamed source all the same
            out.append(PartyHit(start, end, "unnamed_local_source", frozenset({head})))
    return out
