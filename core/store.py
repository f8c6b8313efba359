"""Where everything is kept: SQLite by default, any SQLAlchemy URL (PostgreSQL) on request."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlmodel import Session, SQLModel, create_engine, delete, select

from claimtrack.errors import ClaimtrackError
from claimtrack.models import Claim, Event, Finding, Party, Source

DEFAULT_DB = "claims.db"
FIRST_REVISION = "0001"  # the schema of release 0.1.0, which had no migrations
MIGRATION_LOCK = 0x636C61696D73  # any fixed number: the advisory lock migrations hold


def database_url(db: str | None) -> str:
    """``--db`` wins, then ``CLAIMS_DB``, then ``claims.db`` here; a bare path means SQLite."""
    value = db or os.environ.get("CLAIMS_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Several ingest processes may share one file: wait for the writer ahead instead of failing.
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def open_store(db: str | None = None) -> Engine:
    url = database_url(db)
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise ClaimtrackError(f"cannot use database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise ClaimtrackError(f"cannot open database {_safe(url)}: {reason}") from exc
    return engine


def migrate(engine: Engine) -> None:
    """Bring the store to the newest schema with Alembic; a new store is created this way too.

    A store written before migrations existed (release 0.1.0) has the tables but no
    ``alembic_version``: it is stamped as the first revision and upgraded from there.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "claimtrack:migrations")
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a new store at once must not both create its tables.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        config.attributes["connection"] = connection
        if current is None and inspect(connection).has_table("source"):
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def source_by_hash(session: Session, sha256: str) -> Source | None:
    return session.exec(select(Source).where(Source.sha256 == sha256)).first()


def save_parties(session: Session, parties: list[Party]) -> None:
    """Insert parties not stored yet; the stored ones are left as they are."""
    known = set(session.exec(select(Party.id)))
    for party in parties:
        if party.id not in known:
            session.add(party)
            known.add(party.id)


def counts(session: Session) -> dict[str, int]:
    from sqlalchemy import func

    def count(model: type[SQLModel], *where) -> int:  # type: ignore[no-untyped-def]
        stmt = select(func.count()).select_from(model)
        for clause in where:
            stmt = stmt.where(clause)
        return int(session.exec(stmt).one())

    return {
        "sources": count(Source, Source.status == "ok"),
        "failed": count(Source, Source.status == "failed"),
        "claims": count(Claim),
        "events": count(Event),
        "findings": count(Finding),
    }


# -- writing from several processes at once --


def complete_row(model: type[SQLModel], values: dict[str, Any]) -> dict[str, Any]:
    """A full row for a bulk insert: every column of ``model``, its defaults where not given."""
    row: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in values:
            row[name] = values[name]
        elif name in model.__table__.columns:  # type: ignore[attr-defined]
            row[name] = info.get_default(call_default_factory=True)
    return row


def insert_new(session: Session, model: type[SQLModel], rows: list[dict[str, Any]],
               *, report: bool = True) -> set[Any]:
    """Insert the rows whose key is not stored yet; returns the primary keys inserted.

    ``report=False`` skips finding out which (an empty set comes back): one prepared statement
    then serves every batch, where a ``RETURNING`` insert is a new statement per batch size.

    A row stored by another process, even one whose transaction is still open, is skipped
    rather than an error (``INSERT … ON CONFLICT DO NOTHING``): PostgreSQL waits for that
    transaction, then skips. Rows go in key order so that two writers never wait on each other
    in opposite orders.
    """
    if not rows:
        return set()
    table = model.__table__  # type: ignore[attr-defined]
    key = next(iter(table.primary_key.columns))
    rows = sorted(rows, key=lambda r: r[key.name])
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # any other database: one row at a time, a savepoint each
        return _insert_one_by_one(session, table, key, rows)
    statement = insert(table).on_conflict_do_nothing()
    if not report:
        connection.execute(statement, rows)
        return set()
    return {row[0] for row in connection.execute(statement.returning(key), rows)}


def _insert_one_by_one(session: Session, table: Any, key: Any, rows: list[dict]) -> set[Any]:
    from sqlalchemy.exc import IntegrityError

    inserted = set()
    for row in rows:
        try:
            with session.begin_nested():
                session.connection().execute(table.insert(), row)
            inserted.add(row[key.name])
        except IntegrityError:
            continue
    return inserted


def known_hashes(engine: Engine, hashes: list[str]) -> set[str]:
    """Which of these content hashes are stored as read without failure."""
    if not hashes:
        return set()
    with Session(engine) as session:
        found = session.exec(
            select(Source.sha256).where(Source.sha256.in_(hashes), Source.status == "ok")  # type: ignore[attr-defined]
        )
        return set(found)


def clear_failures(session: Session, hashes: list[str]) -> None:
    """Forget earlier failed attempts at these documents, which are about to be stored again."""
    if hashes:
        session.exec(delete(Source).where(Source.sha256.in_(hashes),  # type: ignore[attr-defined, call-overload]
                                          Source.status == "failed"))
