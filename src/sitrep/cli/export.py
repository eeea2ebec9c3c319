"""``sitrep export``: the store as JSONL, CSV, GeoJSON or Parquet."""

from __future__ import annotations

import sys
from typing import IO

import click

from sitrep.cli.common import stderr
from sitrep.cli.selection import filter_options, stored_db_option
from sitrep.export.writers import (
    stored_rows,
    write_csv,
    write_geojson,
    write_jsonl,
    write_parquet,
)
from sitrep.store import EventFilter, Store


@click.command()
@stored_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "geojson", "parquet"]),
    default="jsonl",
    show_default=True,
    help="jsonl: sitrep/1 article results; csv and parquet: the flat event table; "
    "geojson: located events as points.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="Output file (- for stdout; required for parquet).",
)
@filter_options
def export(
    db_path: str,
    fmt: str,
    output: str,
    selection: EventFilter,
) -> None:
    """Export the store --db. Filters select events (for jsonl: the articles that have one).

    \b
    Examples:
      sitrep export --db sitrep.db --format jsonl > articles.jsonl
      sitrep export --db sitrep.db --format geojson --country UKR -o ukraine.geojson
      sitrep export --db sitrep.db --format parquet -o events.parquet
    """
    if fmt == "parquet" and output == "-":
        raise click.UsageError("--format parquet needs --output FILE")
    with Store(db_path) as store:
        if fmt == "parquet":
            count = write_parquet(stored_rows(store.events(selection)), output)
            stderr.print(f"wrote {count} events to {output}")
            return
        out: IO[str] = (
            sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
        )
        try:
            if fmt == "jsonl":
                count = write_jsonl((r.to_dict() for r in store.results(selection)), out)
                what = "articles"
            elif fmt == "csv":
                count = write_csv(stored_rows(store.events(selection)), out)
                what = "events"
            else:
                count, skipped = write_geojson(stored_rows(store.events(selection)), out)
                what = f"located events ({skipped} without coordinates left out)"
        finally:
            if out is not sys.stdout:
                out.close()
    if output != "-":
        stderr.print(f"wrote {count} {what} to {output}")
