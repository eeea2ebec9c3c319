"""The SQLite store: idempotent by content hash, migrated on open, filterable events."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.schema import (
    Actor,
    ArticleResult,
    Event,
    EventDate,
    EventLocation,
    Mentions,
    Participant,
    Place,
    Span,
    WarningRecord,
)
from sitrep.store import EventFilter, Store
from sitrep.store.dates import date_range
from sitrep.store.migrations import SCHEMA_VERSION

TEXT = "Police fired on protesters in Kherson on Monday. Rebels shelled Goma in May."


def make_result(article_id: str = "a1") -> ArticleResult:
    """Two events: an ASSAULT in Kherson on a day, a PROTEST-free shelling in Goma in a month."""
    police = Actor(id="a1", span=Span.of(TEXT, 0, 6), name="Police of Ukraine", kind="organisation",
                   country="UKR", sector="COP")
    kherson = Place(span=Span.of(TEXT, 30, 37), name="Kherson", lat=46.64, lon=32.61,
                    country="UKR", feature="populated_place", score=0.9)
    goma = Place(span=Span.of(TEXT, 64, 68), name="Goma", lat=-1.68, lon=29.22, country="COD",
                 feature="populated_place", score=0.9)
    first = Event(
        id="e1", type="ASSAULT", trigger=Span.of(TEXT, 7, 12), sentence=Span.of(TEXT, 0, 48),
        date=EventDate(value="2024-03-04", precision="day", span=Span.of(TEXT, 41, 47)),
        location=EventLocation(place=kherson, precision=1),
        participants=[Participant(role="source", span=Span.of(TEXT, 0, 6), actor="a1")],
    )
    second = Event(
        id="e2", type="ASSAULT", acled={"event_type": "Explosions/Remote violence",
                                        "sub_event_type": "Shelling/artillery/missile attack"},
        trigger=Span.of(TEXT, 56, 63), sentence=Span.of(TEXT, 49, len(TEXT)),
        date=EventDate(value="2024-05", precision="month", span=Span.of(TEXT, 72, 75)),
        location=EventLocation(place=goma, precision=1),
        participants=[Participant(role="source", span=Span.of(TEXT, 49, 55))],
    )
    return ArticleResult(id=article_id, published="2024-05-20",
                         mentions=Mentions(places=[kherson, goma], actors=[police]),
                         events=[first, second])


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "events.db") as opened:
        opened.add(make_result(), "f" * 64, origin="fixture")
        yield opened


def ids(store: Store, **filters: object) -> list[str]:
    return [e.event["id"] for e in store.events(EventFilter(**filters))]  # type: ignore[arg-type]


def test_storing_the_same_text_twice_is_a_no_op(store: Store):
    assert store.add(make_result("other-id"), "f" * 64) is False
    assert store.counts() == {"articles": 1, "events": 2, "failures": 0}


def test_events_filter_by_date_range_overlap(store: Store):
    assert ids(store, since="2024-05-15") == ["e2"]  # "2024-05" covers the whole month
    assert ids(store, until="2024-03-31") == ["e1"]
    assert ids(store, since="2024-06-01") == []


def test_events_filter_by_country_type_actor_and_bbox(store: Store):
    assert ids(store, country="cod") == ["e2"]
    assert ids(store, type="shelling/artillery/missile attack") == ["e2"]
    assert ids(store, type="ASSAULT") == ["e1", "e2"]
    assert ids(store, actor="police") == ["e1"]
    assert ids(store, actor="Rebels") == ["e2"]  # an unresolved participant, by its text
    assert ids(store, bbox=(30.0, 45.0, 35.0, 48.0)) == ["e1"]
    assert ids(store, limit=1) == ["e1"]


def test_stored_result_round_trips(store: Store):
    (result,) = list(store.results())
    assert result == make_result()


def test_error_records_of_a_stored_article_are_kept_as_failures(tmp_path: Path):
    result = make_result()
    result.warnings.append(WarningRecord(code="exception", message="boom", stage="x.v1",
                                         level="error"))
    with Store(tmp_path / "s.db") as store:
        store.add(result, "a" * 64, origin="feed.jsonl:3")
        row = store.db.execute("SELECT source, stage, code FROM failures").fetchone()
    assert tuple(row) == ("feed.jsonl:3", "x.v1", "exception")


def test_new_store_is_at_the_current_schema_version(store: Store):
    assert store.version == SCHEMA_VERSION


def test_store_from_a_newer_sitrep_is_refused(tmp_path: Path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="not a sitrep store"):
        Store(path)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-19", ("2023-09-19", "2023-09-19")),
        ("2023-09-19T14:00", ("2023-09-19", "2023-09-19")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-W38", ("2023-09-18", "2023-09-24")),
        ("2020", ("2020-01-01", "2020-12-31")),
        ("199", ("1990-01-01", "1999-12-31")),
        ("PRESENT_REF", None),
        ("P9M", None),
        ("2023-13", None),
    ],
)
def test_date_ranges_of_timeml_values(value: str, expected: tuple[str, str] | None):
    assert date_range(value) == expected
