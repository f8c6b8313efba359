"""Canonical parties and places, filled by plugins, matched on normalised Arabic text."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claimtrack.arabic_text import normalize_key, trie_regex
from claimtrack.errors import PluginError

PARTY_KINDS = ("organisation", "office", "person", "unnamed_source", "outlet")
PLACE_KINDS = ("town", "district", "area", "region", "country")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_\-:.]*$")

# Clitics that attach to a name in running Arabic text: و/ف then ب/ل/ك.
_PREFIX = r"(?:[وف]?[بكل]?)"


@dataclass(frozen=True)
class PartyEntry:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    contributed_by: str | None = None


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    name: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    kind: str = "town"
    radius_km: float = 10.0
    contributed_by: str | None = None


@dataclass(frozen=True)
class Mention:
    """A gazetteer hit: ``start``/``end`` index the normalised text it was found in."""

    id: str
    start: int
    end: int


@dataclass
class Gazetteer:
    parties: dict[str, PartyEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    _party_re: re.Pattern[str] | None = None
    _place_re: re.Pattern[str] | None = None
    _party_keys: dict[str, str] = field(default_factory=dict)
    _place_keys: dict[str, str] = field(default_factory=dict)

    # -- registration (plugins call these through the register hooks) --

    def add_party(
        self,
        id: str,
        name: str,
        kind: str,
        aliases: Iterable[str] = (),
        affiliation: str | None = None,
        *,
        contributed_by: str | None = None,
    ) -> PartyEntry:
        if not SLUG.match(id):
            raise PluginError(contributed_by or "?", f"party id {id!r} is not a lower-case slug")
        if kind not in PARTY_KINDS:
            raise PluginError(contributed_by or "?", f"party {id!r} has unknown kind {kind!r}")
        if id in self.parties:
            other = self.parties[id].contributed_by
            raise PluginError(contributed_by or "?", f"party {id!r} is already declared by {other}")
        entry = PartyEntry(id, name, kind, tuple(aliases), affiliation, contributed_by)
        self.parties[id] = entry
        self._party_re = None
        return entry

    def add_place(
        self,
        id: str,
        name: str,
        lat: float,
        lon: float,
        aliases: Iterable[str] = (),
        kind: str = "town",
        radius_km: float = 10.0,
        *,
        contributed_by: str | None = None,
    ) -> PlaceEntry:
        if not SLUG.match(id):
            raise PluginError(contributed_by or "?", f"place id {id!r} is not a lower-case slug")
        if kind not in PLACE_KINDS:
            raise PluginError(contributed_by or "?", f"place {id!r} has unknown kind {kind!r}")
        if id in self.places:
            other = self.places[id].contributed_by
            raise PluginError(contributed_by or "?", f"place {id!r} is already declared by {other}")
        entry = PlaceEntry(id, name, lat, lon, tuple(aliases), kind, radius_km, contributed_by)
        self.places[id] = entry
        self._place_re = None
        return entry

    def ensure_party(self, id: str, name: str, kind: str, affiliation: str | None = None,
                     contributed_by: str = "claimtrack") -> None:
        """Declare a party on the fly (an outlet speaking for itself, a municipal office).

        ``contributed_by`` names who it came from: the plugin that registered the outlet, or
        ``claimtrack`` for a party the extractor met in the text.
        """
        if id not in self.parties:
            self.parties[id] = PartyEntry(id, name, kind, (), affiliation, contributed_by)

    # -- lookups --

    def find_parties(self, normalised: str) -> list[Mention]:
        if self._party_re is None:
            self._party_re, self._party_keys = _compile(
                (p.id, [p.name, *p.aliases]) for p in self.parties.values()
            )
        return _scan(self._party_re, self._party_keys, normalised)

    def find_places(self, normalised: str) -> list[Mention]:
        if self._place_re is None:
            self._place_re, self._place_keys = _compile(
                (p.id, [p.name, *p.aliases]) for p in self.places.values()
            )
        return _scan(self._place_re, self._place_keys, normalised)

    def root(self, party_id: str) -> str:
        """The organisation a party ultimately speaks for (its own id if none)."""
        seen = {party_id}
        current = party_id
        while (entry := self.parties.get(current)) and entry.affiliation:
            if entry.affiliation in seen:
                break
            seen.add(entry.affiliation)
            current = entry.affiliation
        return current

    def distance_km(self, a: str, b: str) -> float | None:
        pa, pb = self.places.get(a), self.places.get(b)
        if not pa or not pb:
            return None
        return haversine_km(pa.lat, pa.lon, pb.lat, pb.lon)


def affiliations(stored: Iterable[tuple[str, str | None]],
                 gazetteer: Gazetteer) -> dict[str, str | None]:
    """Party id -> the id it speaks for. Parties met during extraction ("lna_source") are known
    from the store only, so the store is read too; the gazetteer of this run has the last word
    on the parties it declares."""
    out = dict(stored)
    out.update((pid, p.affiliation) for pid, p in gazetteer.parties.items())
    return out


def root_of(party: str, affiliation: Mapping[str, str | None]) -> str:
    """Follow ``affiliation`` links from party to the organisation at the top (cycles stop)."""
    seen = {party}
    while (parent := affiliation.get(party)) and parent not in seen:
        seen.add(parent)
        party = parent
    return party


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _variants(key: str) -> list[str]:
    # "ال" + name after the preposition ل is written "لل" + name: الافريكوم -> للافريكوم.
    out = [key]
    if key.startswith("ال"):
        out.append("ل" + key[1:])
    return out


def _compile(entries: Iterable[tuple[str, list[str]]]) -> tuple[re.Pattern[str], dict[str, str]]:
    keys: dict[str, str] = {}
    for entity_id, names in entries:
        for name in names:
            key = normalize_key(name)
            if len(key) < 2:
                continue
            for variant in _variants(key):
                keys.setdefault(variant, entity_id)
    if not keys:
        return re.compile(r"(?!x)x"), keys
    pattern = rf"(?<![\w]){_PREFIX}({trie_regex(keys)})(?![\w])"
    return re.compile(pattern), keys


def _scan(pattern: re.Pattern[str], keys: dict[str, str], text: str) -> list[Mention]:
    return [Mention(keys[m.group(1)], m.start(1), m.end(1)) for m in pattern.finditer(text)]
