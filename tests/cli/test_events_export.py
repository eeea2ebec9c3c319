"""``sitrep events`` and ``sitrep export`` over a store holding known events."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sitrep.export.flat import FLAT_COLUMNS
from sitrep.store import Store

# The store test's two-event article (Kherson on a day, Goma in a month).
from store.test_store import make_result
from support import read_jsonl, sitrep


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "events.db"
    with Store(path) as store:
        store.add(make_result(), "f" * 64)
    return str(path)


def test_events_jsonl_lists_each_event_with_its_article(db: str):
    outcome = sitrep("events", "--db", db, "--format", "jsonl")
    assert outcome.code == 0
    rows = read_jsonl(outcome.stdout)
    assert [r["event"]["id"] for r in rows] == ["e1", "e2"]  # type: ignore[index]
    assert rows[0]["article_id"] == "a1"
    assert rows[0]["event_id"] == "ffffffffffffffff:e1"


def test_events_filters_combine(db: str):
    outcome = sitrep("events", "--db", db, "--format", "csv", "--since", "2024-05-01",
                     "--country", "COD")
    rows = list(csv.DictReader(io.StringIO(outcome.stdout)))
    assert [(r["location"], r["event_date"]) for r in rows] == [("Goma", "2024-05")]


def test_events_table_is_readable(db: str):
    outcome = sitrep("events", "--db", db, "--actor", "police")
    assert outcome.code == 0
    assert "1 events" in outcome.stdout
    assert "Police of Ukraine" in outcome.stdout


def test_bad_filter_values_are_usage_errors(db: str):
    assert sitrep("events", "--db", db, "--since", "last week").code == 2
    assert sitrep("events", "--db", db, "--country", "Ukraine").code == 2
    assert sitrep("events", "--db", db, "--bbox", "1,2,3").code == 2


def test_export_csv_and_parquet_hold_the_flat_table(db: str, tmp_path: Path):
    outcome = sitrep("export", "--db", db, "--format", "csv")
    reader = csv.DictReader(io.StringIO(outcome.stdout))
    assert reader.fieldnames == FLAT_COLUMNS
    assert len(list(reader)) == 2
    parquet = tmp_path / "events.parquet"
    assert sitrep("export", "--db", db, "--format", "parquet", "-o", str(parquet)).code == 0
    table = pq.read_table(parquet)
    assert table.column_names == FLAT_COLUMNS
    assert table.column("latitude").to_pylist() == [46.64, -1.68]


def test_export_parquet_needs_an_output_file(db: str):
    assert sitrep("export", "--db", db, "--format", "parquet").code == 2


def test_export_geojson_has_one_point_per_located_event(db: str):
    outcome = sitrep("export", "--db", db, "--format", "geojson", "--type", "ASSAULT")
    collection = json.loads(outcome.stdout)
    assert collection["type"] == "FeatureCollection"
    assert [f["geometry"]["coordinates"] for f in collection["features"]] == [
        [32.61, 46.64],
        [29.22, -1.68],
    ]


def test_export_jsonl_gives_the_article_results(db: str):
    outcome = sitrep("export", "--db", db)
    (article,) = read_jsonl(outcome.stdout)
    assert article == make_result().to_dict()
