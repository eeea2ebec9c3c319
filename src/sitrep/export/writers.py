"""Writing stored events as CSV, JSONL, GeoJSON and Parquet.

CSV and Parquet hold the flat event table (:data:`~sitrep.export.flat.FLAT_COLUMNS`); GeoJSON
holds one Point feature per event that has coordinates, with the same columns as properties.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sitrep.export.flat import FLAT_COLUMNS, flat_row
from sitrep.schema import Event
from sitrep.store import StoredEvent


def stored_rows(events: Iterable[StoredEvent]) -> Iterator[dict[str, Any]]:
    """The flat row of each stored event, keyed by its store-wide event id."""
    for stored in events:
        article = {
            "id": stored.article_id,
            "published": stored.published,
            "url": stored.url,
            "title": stored.title,
            "outlet": stored.outlet,
        }
        event = Event.model_validate(stored.event)
        yield flat_row(article, event, stored.actors, event_id=stored.event_id)


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_jsonl(items: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count


def geojson_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point feature for ``row``, or None when the event has no coordinates."""
    if row.get("latitude") is None or row.get("longitude") is None:
        return None
    return {
        "type": "Feature",
        "id": row["event_id"],
        "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
        "properties": row,
    }


def write_geojson(rows: Iterable[dict[str, Any]], out: IO[str]) -> tuple[int, int]:
    """A FeatureCollection of the located events; (written, left out for lack of coordinates)."""
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for row in rows:
        feature = geojson_feature(row)
        if feature is None:
            skipped += 1
            continue
        out.write(("\n" if not written else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, skipped


_INT_COLUMNS = {
    "time_precision",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "civilian_fatalities",
    "injured",
}
_FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}
_BOOL_COLUMNS = {"negated", "hypothetical"}


def parquet_schema() -> Any:
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in _INT_COLUMNS:
            return pa.int64()
        if column in _FLOAT_COLUMNS:
            return pa.float64()
        if column in _BOOL_COLUMNS:
            return pa.bool_()
        return pa.string()

    return pa.schema([(column, kind(column)) for column in FLAT_COLUMNS])


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path) -> int:
    """The flat event table as one Parquet file at ``path``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    items = list(rows)
    table = pa.Table.from_pylist(
        [{column: row.get(column) for column in FLAT_COLUMNS} for row in items],
        schema=parquet_schema(),
    )
    pq.write_table(table, str(path))
    return len(items)
