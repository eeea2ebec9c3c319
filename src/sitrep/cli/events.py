"""``sitrep events``: the stored events that match some filters."""

from __future__ import annotations

import sys
from dataclasses import asdict

import click
from rich.console import Console
from rich.table import Table

from sitrep.cli.selection import filter_options, stored_db_option
from sitrep.export.writers import stored_rows, write_csv, write_jsonl
from sitrep.store import EventFilter, Store


@click.command()
@stored_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="table: a summary for reading; jsonl: each event with its article; "
    "csv: the flat event table.",
)
@filter_options
def events(
    db_path: str,
    fmt: str,
    selection: EventFilter,
) -> None:
    """List the events stored in --db, oldest first, filtered by date, place, type or actor.

    An event matches a date filter when the days its date covers overlap the range: an
    event dated only "2023-09" matches --since 2023-09-15.

    \b
    Examples:
      sitrep events --db sitrep.db --since 2023-09-01 --until 2023-09-30
      sitrep events --db sitrep.db --country AZE --type ASSAULT --format csv
      sitrep events --db sitrep.db --bbox 44,38,48,42 --actor police
    """
    with Store(db_path) as store:
        stored = store.events(selection)
        if fmt == "jsonl":
            write_jsonl((asdict(item) for item in stored), sys.stdout)
        elif fmt == "csv":
            write_csv(stored_rows(stored), sys.stdout)
        else:
            _table(list(stored_rows(stored)))


def _table(rows: list[dict[str, object]]) -> None:
    table = Table(
        "date",
        "type",
        "ACLED sub-event",
        "actor 1",
        "actor 2",
        "location",
        "killed",
        "trigger",
        title=f"{len(rows)} events",
        title_justify="left",
    )
    for row in rows:
        table.add_row(
            *(
                "" if row[column] is None else str(row[column])
                for column in (
                    "event_date",
                    "type",
                    "acled_sub_event_type",
                    "actor1",
                    "actor2",
                    "location",
                    "fatalities",
                    "trigger",
                )
            )
        )
    # A pipe gets full rows rather than columns cut to 80 characters.
    Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(table)
