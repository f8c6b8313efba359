"""Analysts' linking decisions: move claims, merge events, split events, take a decision back.

Each decision is stored as an ``Override`` naming claims (event ids change with their members)
and is replayed by ``claimtrack.linking.apply_overrides`` after every relink, so it survives new
articles and full rebuilds alike.
"""

from __future__ import annotations

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from claimtrack.errors import ClaimtrackError
from claimtrack.models import Claim, ClaimEvent, Event, Override
from claimtrack.store import session_scope


def event_of(session: Session, claim_id: str) -> str | None:
    return session.exec(select(ClaimEvent.event_id).where(
        ClaimEvent.claim_id == claim_id, ClaimEvent.role == "about")).first()


def members(session: Session, event_id: str) -> list[str]:
    if session.get(Event, event_id) is None:
        raise ClaimtrackError(f"no event {event_id!r} (see `claims events`)")
    return sorted(session.exec(select(ClaimEvent.claim_id).where(
        ClaimEvent.event_id == event_id, ClaimEvent.role == "about")))


def _check_claims(session: Session, claim_ids: list[str]) -> None:
    if not claim_ids:
        raise ClaimtrackError("name at least one claim")
    for cid in claim_ids:
        if session.get(Claim, cid) is None:
            raise ClaimtrackError(f"no claim {cid!r} (see `claims show EVENT`)")


def _record(session: Session, action: str, claims: list[str], anchor: str | None,
            note: str) -> Override:
    last = session.exec(select(func.max(Override.id))).one()
    decision = Override(id=(last or 0) + 1, action=action, claims=claims, anchor=anchor,
                        note=note)
    session.add(decision)
    return decision


def move(engine: Engine, claim_ids: list[str], to_event: str | None, note: str = "") -> Override:
    """Move claims into ``to_event``, or into a new event of their own when it is ``None``."""
    with session_scope(engine) as session:
        _check_claims(session, claim_ids)
        anchor = None
        if to_event is not None:
            candidates = [c for c in members(session, to_event) if c not in claim_ids]
            if not candidates:
                raise ClaimtrackError(f"event {to_event!r} has no other claim to join")
            anchor = candidates[0]
        return _record(session, "move", sorted(set(claim_ids)), anchor, note)


def split(engine: Engine, event_id: str, claim_ids: list[str], note: str = "") -> Override:
    """Take claims out of ``event_id`` into a new event of their own."""
    with session_scope(engine) as session:
        _check_claims(session, claim_ids)
        inside = members(session, event_id)
        strangers = [c for c in claim_ids if c not in inside]
        if strangers:
            raise ClaimtrackError(f"claim {strangers[0]!r} is not in event {event_id!r}")
        if set(claim_ids) >= set(inside):
            raise ClaimtrackError(f"that would take every claim out of {event_id!r}; "
                                  "name only the claims that belong elsewhere")
        return _record(session, "move", sorted(set(claim_ids)), None, note)


def merge(engine: Engine, into: str, other: str, note: str = "") -> Override:
    """Join event ``other`` to event ``into``; claims later linked to either follow."""
    if into == other:
        raise ClaimtrackError("an event cannot be merged with itself")
    with session_scope(engine) as session:
        anchor, joining = members(session, into), members(session, other)
        if not anchor or not joining:
            raise ClaimtrackError("both events need a claim to merge")
        return _record(session, "merge", [joining[0]], anchor[0], note)


def decisions(engine: Engine) -> list[Override]:
    with session_scope(engine) as session:
        return list(session.exec(select(Override).order_by(col(Override.id))))


def undo(engine: Engine, decision_id: int) -> Override:
    """Forget a decision; the caller relinks the claims it named."""
    with session_scope(engine) as session:
        decision = session.get(Override, decision_id)
        if decision is None:
            raise ClaimtrackError(f"no decision {decision_id} (see `claims overrides`)")
        session.delete(decision)
        return decision


def touched(decision: Override) -> list[str]:
    """The claims whose events a decision changes, to relink around."""
    return sorted(set(decision.claims) | ({decision.anchor} if decision.anchor else set()))
