"""Places given relative to a town: "على بعد 35 كيلومترا شرق أوباري", "نحو 160 كيلومترا جنوب
شرقي سرت", "بين مدينتي مرزق ووادي عتبة", "هراوة شرق سرت" (the first place, located by the town).

Each becomes a place of its own in the gazetteer (kind ``area``), so that an incident "160 km
south-east of Sirte" is not placed in Sirte and is not merged with one "240 km south-east of
Sirte". Its point is computed from the town (destination on a sphere, or the midpoint of two
towns); its radius says how precise it is: a fifth of the distance, at least 10 km, since
distances in news are round figures ("نحو 160"), and for "between" half the gap between the
towns.
"""

from __future__ import annotations

import math
import re

from claimtrack.gazetteer import Gazetteer

from . import lexicon as lx
from .article import Article, PlaceHit, the_town_at

_BEARINGS = {
    ("شمال", None): 0, ("شمال", "شرق"): 45, ("شرق", None): 90, ("جنوب", "شرق"): 135,
    ("جنوب", None): 180, ("جنوب", "غرب"): 225, ("غرب", None): 270, ("شمال", "غرب"): 315,
}
_DIRECTION = re.compile(
    r"\s+(?:الي\s+)?(?:ال)?(?P<a>شمال|جنوب|شرق|غرب)ي?(?:\s*(?:ال)?(?P<b>شرق|غرب)ي?)?"
    r"\s+(?:من\s+|ل)?(?:مدينه\s+|بلده\s+|منطقه\s+)?[“”\"«»]?"
)
_BETWEEN = re.compile(lx.W + r"بين\s+(?:مدينتي\s+|بلدتي\s+|منطقتي\s+)?[“”\"«»]?")
_AND = re.compile(r"[“”\"«»]?\s*و\s*[“”\"«»]?")
_UNIT_KM = {"كيلومتر": 1.0, "كيلومترا": 1.0, "كيلومترات": 1.0, "كلم": 1.0, "كم": 1.0,
            "km": 1.0, "ميل": 1.609, "ميلا": 1.609, "اميال": 1.609, "متر": 0.001,
            "مترا": 0.001, "امتار": 0.001, "m": 0.001}
_EARTH_KM = 6371.0
_DIRECTION_WORDS = {"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west"}
_LETTER = {"شمال": "n", "جنوب": "s", "شرق": "e", "غرب": "w"}


def is_relative(place: str) -> bool:
    """A place this module made ("sirte_160km_se", "between_murzuq_wadi_utba")."""
    return place.startswith("between_") or bool(_RELATIVE_ID.search(place))


_RELATIVE_ID = re.compile(r"_\d+km_[nsew]{1,2}$")


def anchor_town(place: str | None) -> str | None:
    """The town a relative place is given from: "sirte_160km_se" -> "sirte"; for "between A
    and B", A."""
    if place is None or not is_relative(place):
        return place
    if place.startswith("between_"):
        return _BETWEEN_IDS.get(place, place)
    return _RELATIVE_ID.sub("", place)


_BETWEEN_IDS: dict[str, str] = {}  # "between_murzuq_wadi_utba" -> "murzuq"


def relative_places(article: Article, found: list[PlaceHit]) -> list[PlaceHit]:
    """found, with each relative expression replacing the town it is anchored on."""
    text = article.text
    out = list(found)
    for number in article.numbers:
        mention = number.mention
        if mention.role != "distance" or not mention.value or number.noun_end is None:
            continue
        scale = _UNIT_KM.get((mention.noun or "").lstrip("ب"))
        direction = _DIRECTION.match(text, number.noun_end)
        if scale is None or direction is None:
            continue
        anchor = _anchor(article, out, direction.end())
        if anchor is None:
            continue
        town, end = anchor
        bearing = _BEARINGS.get((direction["a"], direction["b"]))
        if bearing is None:
            continue
        place = _offset_place(article.gazetteer, town, mention.value * scale, bearing,
                              direction["a"], direction["b"])
        if place is not None:
            out = _cover(out, PlaceHit(number.start, end, place))
    # "هراوة شرق سرت": a known place located by a bigger town; the town only says where it is.
    for place in list(out):
        direction = _DIRECTION.match(text, place.end)
        town = None if direction is None else next(
            (p for p in out if direction.end() - 1 <= p.start <= direction.end() + 1), None)
        if town is not None and town.id != place.id and not is_relative(place.id):
            out = _cover(out, PlaceHit(place.start, town.end, place.id))
    for m in _BETWEEN.finditer(text):
        first = next((p for p in out if p.start == m.end()), None)
        if first is None:
            continue
        joint = _AND.match(text, first.end)
        second = next((p for p in out if joint and p.start == joint.end()), None)
        if second is None or second.id == first.id:
            continue
        place = _between_place(article.gazetteer, first.id, second.id)
        if place is not None:
            out = _cover(out, PlaceHit(m.start(), second.end, place))
    return sorted(out, key=lambda p: p.start)


def _anchor(article: Article, places: list[PlaceHit], position: int) -> tuple[str, int] | None:
    for place in places:
        if position - 1 <= place.start <= position + 1:
            return place.id, place.end
    return the_town_at(article, position)


def _cover(places: list[PlaceHit], new: PlaceHit) -> list[PlaceHit]:
    kept = [p for p in places if p.end <= new.start or p.start >= new.end]
    kept.append(new)
    return sorted(kept, key=lambda p: p.start)


def _offset_place(gazetteer: Gazetteer, town: str, km: float, bearing: int, a: str,
                  b: str | None) -> str | None:
    entry = gazetteer.places.get(town)
    if entry is None or entry.kind in ("region", "country") or km > 3000:
        return None
    suffix = "".join(_LETTER[w] for w in (a, b) if w)
    place_id = f"{town}_{round(km)}km_{suffix}"
    if place_id not in gazetteer.places:
        lat, lon = _destination(entry.lat, entry.lon, km, bearing)
        words = " ".join(_DIRECTION_WORDS[w] for w in (a, b) if w)
        gazetteer.add_place(place_id, f"{round(km)} km {words} of {entry.name}", lat, lon,
                            kind="area", radius_km=max(10.0, km / 5),
                            contributed_by="claimtrack_plugins.generic_arabic")
    return place_id


def _between_place(gazetteer: Gazetteer, a: str, b: str) -> str | None:
    pa, pb = gazetteer.places.get(a), gazetteer.places.get(b)
    if pa is None or pb is None or "region" in (pa.kind, pb.kind) or "country" in (pa.kind,
                                                                                    pb.kind):
        return None
    place_id = f"between_{a}_{b}"
    _BETWEEN_IDS[place_id] = a
    if place_id not in gazetteer.places:
        gap = gazetteer.distance_km(a, b) or 0.0
        gazetteer.add_place(place_id, f"between {pa.name} and {pb.name}",
                            round((pa.lat + pb.lat) / 2, 4), round((pa.lon + pb.lon) / 2, 4),
                            kind="area", radius_km=round(max(10.0, gap / 2), 1),
                            contributed_by="claimtrack_plugins.generic_arabic")
    return place_id


def _destination(lat: float, lon: float, km: float, bearing: int) -> tuple[float, float]:
    """The point km away from (lat, lon) on the given bearing, on a sphere."""
    phi, lam, theta = math.radians(lat), math.radians(lon), math.radians(bearing)
    delta = km / _EARTH_KM
    phi2 = math.asin(math.sin(phi) * math.cos(delta)
                     + math.cos(phi) * math.sin(delta) * math.cos(theta))
    lam2 = lam + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(phi),
                            math.cos(delta) - math.sin(phi) * math.sin(phi2))
    return round(math.degrees(phi2), 4), round(math.degrees(lam2), 4)
