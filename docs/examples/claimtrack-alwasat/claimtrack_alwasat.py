"""claimtrack plugin for Al-Wasat (بوابة الوسط, alwasat.ly), a Libyan news site.

It teaches claimtrack three things:

- to recognise the outlet: a URL on alwasat.ly, or the dateline that opens its articles
  ("بنغازي - بوابة الوسط", on older pages "بنغازي (الوسط) -") and the way it credits itself
  as the one a source spoke to ("لـ«بوابة الوسط»");
- to clean its pages: the date line under the headline (read as the publication date), photo
  captions, the «اقرأ أيضا» links set inside the text, and the "المزيد من بوابة الوسط" block
  of other headlines at the end. Their figures are about other stories and must not be mined;
- a few parties and places its coverage of southern Libya names that the built-in gazetteer
  lacks.

The claims themselves are read by claimtrack's generic Arabic extractor from what this plugin
keeps, so an outlet plugin never has to parse a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack import hookimpl
from claimtrack.arabic_dates import parse_date
from claimtrack.cleaning import Line, clean_lines, lines
from claimtrack.documents import CleanDocument, RawDocument

#: The hook contract this plugin was written for; claimtrack refuses to load it under another
#: major version instead of failing halfway through an ingest.
CLAIMTRACK_HOOK_CONTRACT = "1.0"

OUTLET = "alwasat"
# "بنغازي - بوابة الوسط" (optionally followed by ":" and the first sentence), or the older
# "بنغازي (الوسط) -". A city name is one to three words.
DATELINE = re.compile(r"^(?P<city>[^\s\d:()«»-]+(?: [^\s\d:()«»-]+){0,2}) *"
                      r"(?:[-–] *بوابة الوسط|\(الوسط\) *[-–]) *:? *")
SELF_CREDIT = re.compile(r"لـ?\s*«?بوابة الوسط»?|لـ?\s*«الوسط»")
# "الأحد 17 نوفمبر 2019، 10:45 صباحا" right under the headline.
DATE_LINE = re.compile(r"^(?:نشر في:?\s*)?(?:\S+\s+)?\d{1,2}\s+\S+\s+\d{4}(?:\s*[،,]\s*"
                       r"\d{1,2}:\d{2}\s*\S*)?$")
CAPTION = re.compile(r"\((?:أرشيفية|الإنترنت|بوابة الوسط|أ ف ب|رويترز)[^()]{0,30}\)$")
READ_ALSO = re.compile(r"^اقرأ أيضاً?\s*:")
MORE_FROM = ("المزيد من بوابة الوسط",)


@hookimpl
def register_outlets(register: Callable[..., None]) -> None:
    register(OUTLET, "Al-Wasat", language="ar", homepage="https://alwasat.ly")


@hookimpl
def score_outlet(document: RawDocument) -> tuple[str, float] | None:
    if document.url and re.search(r"(^|[/.])alwasat\.ly([/:]|$)", document.url):
        return OUTLET, 1.0
    score = 0.0
    opening = lines(document.text[:3000])[:6]
    if any(DATELINE.match(line.text) for line in opening):
        score += 0.6
    if SELF_CREDIT.search(document.text):
        score += 0.2
    if "المزيد من بوابة الوسط" in document.text:
        score += 0.2
    # Another outlet quoting "بوابة الوسط" scores 0.2 at most: not enough to be taken for it.
    return (OUTLET, round(min(score, 1.0), 2)) if score else None


def _drop(line: Line, index: int) -> str | None:
    if index <= 3 and DATE_LINE.match(line.text):
        return "date line"
    if CAPTION.search(line.text) and len(line.text) < 250:
        return "photo caption"
    if READ_ALSO.match(line.text):
        return "read-also link"
    if index <= 4 and (m := DATELINE.match(line.text)) and m.end() == len(line.text):
        return "dateline"
    return None


@hookimpl
def clean_document(document: RawDocument, outlet: str) -> CleanDocument | None:
    if outlet != OUTLET:
        return None
    clean = clean_lines(document, OUTLET, drop=_drop, cut_after=MORE_FROM)
    for line in lines(document.text)[:4]:
        if DATE_LINE.match(line.text):
            published = parse_date(line.text)
            if published is not None and published.precision == "day":
                clean.published = published
            break
    # A dateline that opens the first paragraph is cut off the kept block, so that a claim's
    # quote starts with its own first word; the city is kept as the dateline.
    if clean.body:
        start, end = clean.body[0]
        match = DATELINE.match(document.text[start:end])
        if match and start + match.end() < end:
            clean.body[0] = (start + match.end(), end)
            clean.removed.append((start, start + match.end(), "dateline"))
            clean.dateline = match.group("city")
    for start, end, why in clean.removed:
        if why == "dateline" and clean.dateline is None:
            match = DATELINE.match(document.text[start:end])
            clean.dateline = match.group("city") if match else None
    return clean


# Parties and places the built-in Libya gazetteer does not have. Coordinates are approximate
# town centres (WGS 84).
PARTIES = [
    ("ambulance_emergency_service", "Ambulance and Emergency Service", "organisation",
     ("جهاز الإسعاف والطوارئ", "جهاز الاسعاف والطوارئ", "الإسعاف والطوارئ")),
    ("tebu_social_council", "Social Council of the Tebu tribes", "organisation",
     ("المجلس الاجتماعي لقبائل التبو", "المجلس الاجتماعي للتبو", "مجلس التبو")),
]
PLACES = [
    ("traghen", "تراغن", 25.93, 14.43, ("تراغان",)),
    ("tmassah", "تمسة", 26.37, 15.80, ()),
]


@hookimpl
def register_parties(register: Callable[..., object]) -> None:
    for party_id, name, kind, aliases in PARTIES:
        register(party_id, name, kind, aliases=aliases)


@hookimpl
def register_places(register: Callable[..., object]) -> None:
    for place_id, name, lat, lon, aliases in PLACES:
        register(place_id, name, lat, lon, aliases=aliases, kind="town", radius_km=10.0)
