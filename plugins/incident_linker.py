"""Group claims into incidents by perpetrator, place and date window together.

A figure alone never links two claims. Two groups of claims join when their perpetrators agree
(or one is unknown), their places are within each other's radius, and their date windows overlap
(day-precise dates may differ by one day: that is a date conflict to flag, not two events). The
same party giving two different figures of the same kind is taken as two incidents. Aggregates
("36 killed in three strikes") are linked to the incidents they sum over, never made events.
Groups are visited in an order that depends only on the claims, so ingest order never matters.
Candidate incidents are looked up by day in an index, never by comparing every pair.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimtrack import hookimpl
from claimtrack.arabic_dates import DateValue
from claimtrack.gazetteer import haversine_km
from claimtrack.linking import ClaimFacts, EventDraft

DAY_TOLERANCE = timedelta(days=1)
NEAR_KM = 60.0
# Claim kinds that can found an event; the others only join one.
FOUNDING = {"killed", "injured", "civilians_harmed", "vehicles_destroyed",
            "buildings_destroyed", "strikes", "targeting"}


@dataclass
class Group:
    claims: list[ClaimFacts]
    reasons: dict[str, str] = field(default_factory=dict)
    order: int = 0  # creation order among clusters: the tie-breaker

    @property
    def sort_key(self) -> tuple:
        window = self.window()
        width = (window[1] - window[0]).days if window[0] and window[1] else 10**6
        return (0 if self.day_dates() else 1, width, window[0] or date.max,
                min(c.id for c in self.claims))

    def day_dates(self) -> list[date]:
        return sorted({c.event_date.start for c in self.claims
                       if c.event_date.precision == "day" and c.event_date.start})

    def window(self) -> tuple[date | None, date | None]:
        days = self.day_dates()
        if days:
            return days[0], days[-1]
        starts = [c.event_date.start for c in self.claims if c.event_date.start]
        ends = [c.event_date.end or c.event_date.start for c in self.claims
                if c.event_date.start]
        if not starts:
            return None, None
        start, end = max(starts), min(ends)  # intersection of the windows
        if start > end:
            start, end = min(starts), max(ends)
        return start, end

    def perpetrators(self) -> set[str]:
        return {c.perpetrator for c in self.claims if c.perpetrator}

    def places(self) -> list[ClaimFacts]:
        return [c for c in self.claims if c.lat is not None]

    def figures(self) -> set[tuple[str, str, float]]:
        return {(c.root_party, c.kind, c.value) for c in self.claims
                if c.value is not None and c.stance == "asserts"}


FIGURES = {"killed", "injured", "civilians_harmed", "vehicles_destroyed", "buildings_destroyed"}


def _can_found(group: Group) -> bool:
    """Whether a group is evidence of an incident of its own, not just a remark about one.

    A count of several strikes sums over incidents rather than being one; an undated group
    with nothing but words (what was targeted, who coordinated) is more often a description
    of a campaign than a strike, and could never be matched by another report anyway, unless
    one party denies what another says of it: a dispute is worth an event of its own.
    """
    founding = [c for c in group.claims if c.kind in FOUNDING
                and not (c.kind == "strikes" and (c.value or 0) >= 2)]
    if not founding:
        return False
    if group.window()[0] is None:
        # A figure, or a dispute: a claim another party denies is about one thing in question.
        return any(c.kind in FIGURES and c.value is not None for c in founding) or any(
            c.stance == "denies" for c in group.claims)
    return True


def _perpetrators_agree(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return True
    return bool(_roots(a) & _roots(b))


def _roots(parties: set[str]) -> set[str]:
    # AFRICOM strikes are US military strikes: compare the organisations behind them.
    return {"us_military" if p in ("africom", "us_military") else p for p in parties}


def _places_agree(a: Group, b: Group) -> bool:
    pa, pb = a.places(), b.places()
    if not pa or not pb:
        return True
    for x in pa:
        for y in pb:
            limit = max(x.place_radius_km or 0, y.place_radius_km or 0, NEAR_KM)
            if haversine_km(x.lat, x.lon, y.lat, y.lon) <= limit:  # type: ignore[arg-type]
                return True
    return False


def _dates_agree(a: Group, b: Group) -> bool:
    (a0, a1), (b0, b1) = a.window(), b.window()
    if a0 is None or b0 is None:
        return False  # an undated claim links only through its own article
    tolerance = DAY_TOLERANCE if a.day_dates() and b.day_dates() else timedelta(0)
    return a0 - tolerance <= (b1 or b0) and b0 - tolerance <= (a1 or a0)


def _figures_clash(a: Group, b: Group) -> bool:
    """The same party giving another figure of the same kind speaks of another incident."""
    fa: dict[tuple[str, str], set[float]] = {}
    for p, k, v in a.figures():
        fa.setdefault((p, k), set()).add(v)  # a toll that rose gives one party two figures
    return any((p, k) in fa and v not in fa[(p, k)] for p, k, v in b.figures())


def _compatible(a: Group, b: Group) -> bool:
    return (_perpetrators_agree(a.perpetrators(), b.perpetrators()) and _places_agree(a, b)
            and _dates_agree(a, b) and not _figures_clash(a, b))


def _why(group: Group, cluster: Group) -> str:
    start, end = cluster.window()
    shared = group.figures() & cluster.figures()
    parts = [f"perpetrator {'/'.join(sorted(cluster.perpetrators())) or 'unknown'}"]
    places = sorted({c.place for c in cluster.places() if c.place})
    if places:
        parts.append(f"place {'/'.join(places)}")
    if start:
        parts.append(f"dates overlap {start.isoformat()}..{(end or start).isoformat()}")
    if shared:
        party, kind, value = sorted(shared)[0]
        parts.append(f"same figure from {party} ({kind} {value:g})")
    return "matched on " + ", ".join(parts)


def _initial_groups(claims: list[ClaimFacts]) -> list[Group]:
    by_key: dict[tuple[str, str], list[ClaimFacts]] = {}
    singles: list[Group] = []
    for claim in claims:
        if claim.incident:
            by_key.setdefault((claim.source, claim.incident), []).append(claim)
        else:
            singles.append(Group([claim]))
    groups = [Group(members) for members in by_key.values()] + singles
    for group in groups:
        for claim in group.claims:
            group.reasons[claim.id] = "reported as one incident in its article"
    # A denial belongs with what it denies.
    by_claim = {c.id: g for g in groups for c in g.claims}
    for claim in claims:
        denied = by_claim.get(claim.denies or "")
        own = by_claim[claim.id]
        if denied is not None and denied is not own:
            denied.claims += own.claims
            for member in own.claims:
                denied.reasons[member.id] = "denies a claim about this incident"
                by_claim[member.id] = denied
            own.claims = []
    return [g for g in groups if g.claims]


def _event_date(group: Group) -> DateValue:
    days = group.day_dates()
    texts = sorted({c.event_date.text for c in group.claims if c.event_date.text})
    text = "; ".join(texts)
    if days:
        precision = "day" if len(days) == 1 else "window"
        return DateValue(days[0], days[-1], precision, text)  # type: ignore[arg-type]
    start, end = group.window()
    if start is None:
        return DateValue.unknown(text)
    return DateValue(start, end, "window" if start != end else "day", text)  # type: ignore[arg-type]


def _finest_place(group: Group) -> str | None:
    placed = sorted(group.places(), key=lambda c: (c.place_radius_km or 10**6, c.place or ""))
    return placed[0].place if placed else None


class DayIndex:
    """Clusters by the days their windows cover (widened by the tolerance)."""

    def __init__(self) -> None:
        self.clusters: list[Group] = []
        self._by_day: dict[date, list[Group]] = {}

    def add(self, cluster: Group) -> None:
        cluster.order = len(self.clusters)
        self.clusters.append(cluster)
        self.update(cluster)

    def update(self, cluster: Group) -> None:
        start, end = cluster.window()
        for day in _days(start, end, DAY_TOLERANCE):
            bucket = self._by_day.setdefault(day, [])
            if cluster not in bucket:
                bucket.append(cluster)

    def near(self, start: date | None, end: date | None) -> list[Group]:
        """Clusters whose window may meet [start, end], in creation order."""
        found: dict[int, Group] = {}
        for day in _days(start, end, timedelta(0)):
            for cluster in self._by_day.get(day, ()):
                found[cluster.order] = cluster
        return [found[k] for k in sorted(found)]


def _days(start: date | None, end: date | None, slack: timedelta) -> list[date]:
    if start is None:
        return []
    first, last = start - slack, (end or start) + slack
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _link_aggregates(
    aggregates: list[ClaimFacts], index: DayIndex
) -> tuple[dict[int, list[tuple[str, str]]], dict[int, DateValue]]:
    """Which incidents each total sums over, and the part dates it gives them."""
    parts: dict[int, list[tuple[str, str]]] = {}
    dated: dict[int, DateValue] = {}
    for claim in aggregates:
        if claim.kind != "killed_total":
            continue
        perps = {claim.perpetrator} if claim.perpetrator else {claim.root_party}

        def candidates(start: date | None, end: date | None) -> list[Group]:
            return [g for g in index.near(start, end)
                    if _perpetrators_agree(perps, g.perpetrators())  # noqa: B023
                    and g.window()[0] is not None
                    and any(c.kind == "killed" for c in g.claims)]

        chosen: list[int] = []
        days = [d.start for d in claim.part_dates if d.start]
        if days:
            for day in days:
                fits = [g for g in candidates(day, day) if g.order not in chosen and
                        g.window()[0] - DAY_TOLERANCE <= day <= (g.window()[1] or day)
                        + DAY_TOLERANCE]  # type: ignore[operator]
                fits.sort(key=lambda g: ((g.window()[1] - g.window()[0]).days,
                                         g.sort_key))  # type: ignore[operator]
                if fits:
                    chosen.append(fits[0].order)
                    part = next(d for d in claim.part_dates if d.start == day)
                    dated.setdefault(fits[0].order, DateValue(day, day, "day", part.text))
        elif claim.event_date.start:
            start, end = claim.event_date.start, claim.event_date.end or claim.event_date.start
            inside = [g.order for g in candidates(start, end)
                      if start <= g.window()[0] <= end  # type: ignore[operator]
                      and (claim.place is None or _near(claim, g))]
            if claim.part_count is None or len(inside) <= claim.part_count:
                chosen = inside
        for i in chosen:
            why = ("its parts are dated " + ", ".join(d.isoformat() for d in days)) if days \
                else "falls in the aggregate's date window"
            parts.setdefault(i, []).append((claim.id, why))
    return parts, dated


def _near(claim: ClaimFacts, group: Group) -> bool:
    return any(
        haversine_km(claim.lat, claim.lon, c.lat, c.lon)  # type: ignore[arg-type]
        <= max(claim.place_radius_km or 0, c.place_radius_km or 0, NEAR_KM)
        for c in group.places()
    ) if claim.lat is not None and group.places() else True


@hookimpl
def link_events(claims: list[ClaimFacts]) -> list[EventDraft]:
    incident = [c for c in claims if not c.aggregate]
    aggregates = [c for c in claims if c.aggregate]
    groups = sorted(_initial_groups(incident), key=lambda g: g.sort_key)
    index = DayIndex()
    followers: list[Group] = []
    for group in groups:
        if not _can_found(group):
            followers.append(group)
            continue
        fits = [c for c in index.near(*group.window()) if _compatible(group, c)]
        if fits:
            best = max(fits, key=lambda c: (len(group.figures() & c.figures()), -c.order))
            reason = _why(group, best)
            for claim in group.claims:
                best.reasons[claim.id] = reason
            best.claims += group.claims
            index.update(best)
        else:
            index.add(group)
    for group in followers:
        fits = [c for c in index.near(*group.window()) if _compatible(group, c)]
        if len(fits) == 1:
            for claim in group.claims:
                fits[0].reasons[claim.id] = _why(group, fits[0])
            fits[0].claims += group.claims
            index.update(fits[0])
    parts, part_dates = _link_aggregates(aggregates, index)
    drafts = []
    for cluster in index.clusters:
        date_value = _event_date(cluster)
        part_links = parts.get(cluster.order, [])
        if not cluster.day_dates() and cluster.order in part_dates:
            date_value = part_dates[cluster.order]  # only a total's list of parts dates this one
        perps = Counter(c.perpetrator for c in cluster.claims if c.perpetrator)
        drafts.append(EventDraft(
            claims=[(c.id, cluster.reasons.get(c.id, "")) for c in
                    sorted(cluster.claims, key=lambda c: c.id)],
            perpetrator=perps.most_common(1)[0][0] if perps else None,
            date=date_value,
            place=_finest_place(cluster),
            parts_of=part_links,
        ))
    return drafts
