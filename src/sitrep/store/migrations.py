"""The store's schema, as an ordered list of SQL scripts.

``MIGRATIONS[i]`` takes a store from schema version ``i`` to ``i + 1``; the version a file is
at is kept in ``PRAGMA user_version``. A migration is only ever appended, never edited once
released: a store written by an older sitrep is brought up to date when it is opened, and a
store written by a newer one is refused rather than misread.

Version 1 tables:

- ``runs``: one row per ``sitrep run`` (inputs, counts, start and end time).
- ``articles``: one row per stored article result, unique by ``content_hash`` (sha256 of
  the text), with the source fields, the stages and sitrep version that produced it, and the
  full ``sitrep/1`` result as JSON.
- ``events``: one row per event of an article, unique by (article, event id), with indexed
  columns for filtering (date range, country, type, ACLED categories, lat/lon), the event as
  JSON and the actors it refers to (``actors``: id -> name, country, sector).
- ``event_actors``: who takes part in an event (participant role, name, country, sector), to
  filter events by actor name.
- ``failures``: every document that could not be read or whose stage failed (source, stage,
  code, reason, time, and the run it happened in).
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE runs (
        pk INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        inputs TEXT NOT NULL,             -- JSON list of the paths given
        stages TEXT NOT NULL,             -- JSON list of pipeline stage names
        sitrep_version TEXT NOT NULL,
        counts TEXT                       -- JSON object of the run's counts
    );

    CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL,                 -- the article result's id (not unique across inputs)
        content_hash TEXT NOT NULL UNIQUE,
        published TEXT,
        url TEXT,
        title TEXT,
        outlet TEXT,
        language TEXT,
        origin TEXT,                      -- where it was read from (path, path:line, -)
        stored_at TEXT NOT NULL,
        run_pk INTEGER REFERENCES runs(pk),
        stages TEXT NOT NULL,             -- JSON list of the stages that ran
        sitrep_version TEXT NOT NULL,
        failed INTEGER NOT NULL DEFAULT 0,
        n_events INTEGER NOT NULL DEFAULT 0,
        result TEXT NOT NULL              -- the sitrep/1 article result as JSON
    );
    CREATE INDEX articles_id ON articles(id);
    CREATE INDEX articles_published ON articles(published);

    CREATE TABLE events (
        pk INTEGER PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
        event_id TEXT NOT NULL UNIQUE,    -- store-wide id: content hash prefix + event id
        id TEXT NOT NULL,                 -- the event's id within its article
        position INTEGER NOT NULL,        -- its index in the article's event list
        type TEXT NOT NULL COLLATE NOCASE,
        mode TEXT,
        acled_event_type TEXT COLLATE NOCASE,
        acled_sub_event_type TEXT COLLATE NOCASE,
        date_value TEXT,                  -- TimeML value as extracted
        date_precision TEXT,
        date_start TEXT,                  -- first and last ISO day the value covers
        date_end TEXT,
        place TEXT,
        country TEXT,
        lat REAL,
        lon REAL,
        geo_precision INTEGER,
        fatalities INTEGER,
        confidence REAL NOT NULL,
        negated INTEGER NOT NULL DEFAULT 0,
        hypothetical INTEGER NOT NULL DEFAULT 0,
        actors TEXT NOT NULL,             -- JSON: actor id -> {name, kind, country, sector}
        event TEXT NOT NULL,              -- the sitrep/1 event as JSON
        UNIQUE (article_pk, id)
    );
    CREATE INDEX events_date ON events(date_start, date_end);
    CREATE INDEX events_country ON events(country);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_acled ON events(acled_event_type, acled_sub_event_type);
    CREATE INDEX events_acled_sub ON events(acled_sub_event_type);
    CREATE INDEX events_latlon ON events(lat, lon);
    CREATE INDEX events_article ON events(article_pk);

    CREATE TABLE event_actors (
        event_pk INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
        role TEXT NOT NULL,
        actor_id TEXT,
        name TEXT NOT NULL COLLATE NOCASE,
        country TEXT,
        sector TEXT
    );
    CREATE INDEX event_actors_event ON event_actors(event_pk);
    CREATE INDEX event_actors_name ON event_actors(name);

    CREATE TABLE failures (
        pk INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        content_hash TEXT,                -- set when the article itself was stored
        at TEXT NOT NULL,
        run_pk INTEGER REFERENCES runs(pk)
    );
    CREATE INDEX failures_code ON failures(stage, code);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
