"""The stored model: sources, parties, claims, events, findings and the links between them.

Identifiers are derived from content (hashes of what a row is about), so two stores fed the
same articles in any order hold the same ids and export the same document.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Source(SQLModel, table=True):
    """One ingested document and its stored text (every claim span points into ``text``)."""

    id: str = Field(primary_key=True)  # "s_" + first 16 hex of sha256
    sha256: str = Field(index=True, unique=True)
    outlet: str = Field(index=True)
    url: str | None = None
    title: str | None = None
    published_start: date | None = None
    published_end: date | None = None
    published_precision: str = "unknown"
    published_text: str = ""
    language: str = "ar"
    text: str = Field(sa_column=Column(Text, nullable=False))
    origin: str = ""  # the file (and line) it was read from
    status: str = Field(default="ok", index=True)  # ok | failed
    error: str | None = None
    failed_plugin: str | None = None
    ingested_at: datetime = Field(default_factory=utcnow)


class Party(SQLModel, table=True):
    """An actor that asserts things, under its canonical id."""

    id: str = Field(primary_key=True)
    name: str
    kind: str
    affiliation: str | None = None
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    contributed_by: str | None = None


class Claim(SQLModel, table=True):
    """One assertion by one party as reported in one source."""

    id: str = Field(primary_key=True)
    source_id: str = Field(foreign_key="source.id", index=True)
    party_id: str = Field(index=True)
    attribution: str = "stated"  # stated | outlet (no party found in the text)
    outlet: str
    kind: str = Field(index=True)
    value: float | None = None
    qualifier: str = "exact"
    vague: bool = False
    stance: str = "asserts"
    said_start: date | None = None
    said_end: date | None = None
    said_precision: str = "unknown"
    said_text: str = ""
    event_start: date | None = Field(default=None, index=True)
    event_end: date | None = None
    event_precision: str = "unknown"
    event_text: str = ""
    place: str | None = None
    perpetrator: str | None = None
    target: str | None = None
    denies_id: str | None = None
    incident: str | None = None  # the extractor's incident number within this source
    parts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # The dates it can link on (event window and part dates), so linking finds neighbours.
    link_start: date | None = Field(default=None, index=True)
    link_end: date | None = Field(default=None, index=True)
    span_start: int
    span_end: int
    quote: str = Field(sa_column=Column(Text, nullable=False))
    extractor: str
    extractor_version: str


class Event(SQLModel, table=True):
    """One real-world incident and what is estimated about it."""

    id: str = Field(primary_key=True)
    kind: str = "air_strike"
    perpetrator: str | None = None
    target: str | None = None
    date_start: date | None = Field(default=None, index=True)
    date_end: date | None = None
    date_precision: str = "unknown"
    date_text: str = ""
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: str = "unknown"
    radius_km: float | None = None
    killed_low: int | None = None
    killed_best: int | None = None
    killed_high: int | None = None
    killed_rule: str = ""
    grade: str = "unverifiable"


class ClaimEvent(SQLModel, table=True):
    """Why a claim belongs to an event; role ``part`` links an aggregate to what it sums."""

    claim_id: str = Field(foreign_key="claim.id", primary_key=True)
    event_id: str = Field(foreign_key="event.id", primary_key=True, index=True)
    role: str = "about"  # about | part
    reason: str = ""


class Finding(SQLModel, table=True):
    """What a verifier concluded, with the claims it rests on."""

    id: str = Field(primary_key=True)
    verifier: str
    check: str
    subject: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    grade: str
    outcome: str
    reason: str = Field(sa_column=Column(Text, nullable=False))
    claims: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    details: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Override(SQLModel, table=True):
    """An analyst's decision about linking, replayed after every relink so it survives it.

    Decisions name claims, not events, because event ids change when their members do.
    ``move`` takes ``claims`` out of their event into the one holding ``anchor`` (or into a new
    event of their own when ``anchor`` is empty); ``merge`` joins the event holding ``claims[0]``
    to the one holding ``anchor``.
    """

    # The order decisions are replayed in; chosen by the store, never by the database.
    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    action: str  # move | merge
    claims: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    anchor: str | None = None
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)
