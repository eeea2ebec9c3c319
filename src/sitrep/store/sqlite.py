"""The SQLite store: one file, migrated on open, one transaction per stored article.

Articles are keyed by the sha256 of their text, so storing the same text twice is a no-op and
``sitrep run`` can skip what a previous run already stored. Events get indexed columns for the
filters users ask for (date range, country, type, actor, bounding box) beside the full
``sitrep/1`` JSON, which stays the record of truth.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sitrep import __version__
from sitrep.errors import StoreError
from sitrep.schema import ArticleResult, DocumentError
from sitrep.store.migrations import MIGRATIONS, SCHEMA_VERSION
from sitrep.store.rows import dumps, event_rows


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class EventFilter:
    """What ``sitrep events`` and ``sitrep export`` select. Every field is optional."""

    since: str | None = None
    """ISO day: events whose date range ends on or after it."""
    until: str | None = None
    """ISO day: events whose date range starts on or before it."""
    country: str | None = None
    """ISO 3166-1 alpha-3 code of the event's place."""
    type: str | None = None
    """PLOVER type or ACLED event type or sub-event type (case-insensitive)."""
    actor: str | None = None
    """Substring of a participant's name (case-insensitive)."""
    bbox: tuple[float, float, float, float] | None = None
    """min_lon, min_lat, max_lon, max_lat."""
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.since:
            clauses.append("e.date_end >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.date_start <= ?")
            params.append(self.until)
        if self.country:
            clauses.append("e.country = ?")
            params.append(self.country.upper())
        if self.type:
            clauses.append("(e.type = ? OR e.acled_event_type = ? OR e.acled_sub_event_type = ?)")
            params.extend([self.type] * 3)
        if self.actor:
            clauses.append(
                "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_pk = e.pk AND a.name LIKE ?)"
            )
            params.append(f"%{self.actor}%")
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            clauses.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params.extend([min_lon, max_lon, min_lat, max_lat])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True)
class StoredEvent:
    """One event row with its article's identity, as ``sitrep events`` lists it."""

    event_id: str
    article_id: str
    published: str | None
    url: str | None
    title: str | None
    outlet: str | None
    event: dict[str, Any]
    actors: dict[str, dict[str, Any]]
    date_start: str | None
    date_end: str | None


class Store:
    """A sitrep store in one SQLite file (created, or migrated, when opened).

    >>> with Store("events.db") as store:       # doctest: +SKIP
    ...     store.add(result, content_hash)
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(str(self.path))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from None
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(f"{self.path} is not a sitrep store: {exc}") from None

    # -- lifecycle -----------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Bring the file up to :data:`SCHEMA_VERSION`; refuse one written by a newer sitrep."""
        current = self.version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has store schema {current}, newer than this sitrep's "
                f"{SCHEMA_VERSION}: upgrade sitrep to read it"
            )
        for version in range(current, SCHEMA_VERSION):
            # One transaction per migration, the version bump included.
            self.db.executescript(
                f"BEGIN;\n{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
            )

    # -- writing -------------------------------------------------------------------------
    def start_run(self, inputs: Iterable[str], stages: Iterable[str]) -> int:
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO runs (started_at, inputs, stages, sitrep_version) VALUES (?,?,?,?)",
                (now(), dumps(list(inputs)), dumps(list(stages)), __version__),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_pk: int, counts: dict[str, int]) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET finished_at = ?, counts = ? WHERE pk = ?",
                (now(), dumps(counts), run_pk),
            )

    def has(self, content_hash: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    def add(
        self,
        result: ArticleResult,
        content_hash: str,
        *,
        origin: str = "-",
        stages: Iterable[str] = (),
        run_pk: int | None = None,
    ) -> bool:
        """Store ``result`` and its events in one transaction; False if the text was stored."""
        if self.has(content_hash):
            return False
        rows = event_rows(content_hash, result)
        with self.db:
            cursor = self.db.execute(
                """INSERT INTO articles (id, content_hash, published, url, title, outlet,
                       language, origin, stored_at, run_pk, stages, sitrep_version, failed,
                       n_events, result)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (
                    result.id,
                    content_hash,
                    result.published,
                    result.source.url,
                    result.source.title,
                    result.source.outlet,
                    result.language,
                    origin,
                    now(),
                    run_pk,
                    dumps(list(stages)),
                    __version__,
                    int(result.failed),
                    len(result.events),
                    result.to_json(),
                ),
            )
            article_pk = cursor.lastrowid
            for row in rows:
                columns = ["article_pk", *row.values]
                event_cursor = self.db.execute(
                    f"INSERT INTO events ({', '.join(columns)}) "  # noqa: S608 - fixed columns
                    f"VALUES ({', '.join('?' * len(columns))})",
                    [article_pk, *row.values.values()],
                )
                self.db.executemany(
                    "INSERT INTO event_actors (event_pk, role, actor_id, name, country, sector) "
                    "VALUES (?,?,?,?,?,?)",
                    [(event_cursor.lastrowid, *actor) for actor in row.actors],
                )
            for warning in result.warnings:
                if warning.level == "error":
                    self._failure(
                        origin,
                        warning.stage or "-",
                        warning.code,
                        warning.message,
                        run_pk,
                        content_hash,
                    )
        return True

    def add_error(self, error: DocumentError, run_pk: int | None = None) -> None:
        """Record a document that could not be read at all."""
        with self.db:
            self._failure(error.source, error.stage, error.code, error.reason, run_pk, None)

    def _failure(
        self,
        source: str,
        stage: str,
        code: str,
        reason: str,
        run_pk: int | None,
        content_hash: str | None,
    ) -> None:
        self.db.execute(
            "INSERT INTO failures (source, stage, code, reason, content_hash, at, run_pk) "
            "VALUES (?,?,?,?,?,?,?)",
            (source, stage, code, reason, content_hash, now(), run_pk),
        )

    # -- reading -------------------------------------------------------------------------
    def events(self, selection: EventFilter | None = None) -> Iterator[StoredEvent]:
        """Stored events matching ``selection``, oldest first (undated last)."""
        where, params = (selection or EventFilter()).where()
        limit = ""
        if selection and selection.limit is not None:
            limit = " LIMIT ?"
            params.append(selection.limit)
        query = (
            "SELECT e.event_id, e.event, e.actors, e.date_start, e.date_end, "  # noqa: S608
            "a.id AS article_id, a.published, a.url, a.title, a.outlet "
            "FROM events e JOIN articles a ON a.pk = e.article_pk"
            f"{where} ORDER BY e.date_start IS NULL, e.date_start, a.pk, e.position{limit}"
        )
        for row in self.db.execute(query, params):
            yield StoredEvent(
                event_id=row["event_id"],
                article_id=row["article_id"],
                published=row["published"],
                url=row["url"],
                title=row["title"],
                outlet=row["outlet"],
                event=json.loads(row["event"]),
                actors=json.loads(row["actors"]),
                date_start=row["date_start"],
                date_end=row["date_end"],
            )

    def results(self, selection: EventFilter | None = None) -> Iterator[ArticleResult]:
        """Stored article results in the order stored; with ``selection``, only the articles
        that have a matching event."""
        query = "SELECT result FROM articles ORDER BY pk"
        params: list[Any] = []
        if selection is not None and selection != EventFilter():
            where, params = selection.where()
            query = (
                "SELECT result FROM articles WHERE pk IN "  # noqa: S608 - fixed clauses
                f"(SELECT e.article_pk FROM events e{where}) ORDER BY pk"
            )
        for (text,) in self.db.execute(query, params):
            yield ArticleResult.model_validate_json(text)

    def counts(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "articles": int(one("SELECT count(*) FROM articles").fetchone()[0]),
            "events": int(one("SELECT count(*) FROM events").fetchone()[0]),
            "failures": int(one("SELECT count(*) FROM failures").fetchone()[0]),
        }

    def event_types(self) -> list[tuple[str, int]]:
        return [
            (row[0], int(row[1]))
            for row in self.db.execute(
                "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type"
            )
        ]
