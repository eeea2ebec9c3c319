"""``sitrep run``: ingest, extract and store, then a summary of what was stored."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

import click
from rich.console import Console
from rich.table import Table

from sitrep.cli.common import (
    EXIT_FAILED_DOCS,
    EXIT_OK,
    config_options,
    load_config,
    progress,
    stderr,
)
from sitrep.cli.inputs import documents, input_options, report_failed_result
from sitrep.pipeline import Document, Pipeline
from sitrep.schema import DocumentError
from sitrep.store import Store


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default="sitrep.db",
    show_default=True,
    help="The SQLite store (created if missing).",
)
@input_options
@config_options
@click.pass_context
def run(
    ctx: click.Context,
    paths: tuple[str, ...],
    db_path: str,
    input_format: str,
    published: str | None,
    workers: int | None,
    show_progress: bool | None,
    config_path: str | None,
    overrides: tuple[str, ...],
) -> None:
    """Extract events from PATHS and store them in the SQLite file --db, with a summary.

    Articles already in the store (the same text, by content hash) are skipped, so running
    again on the same folder stores nothing new. Unreadable documents and failed stages are
    reported on stderr and recorded in the store's failures table; the exit code is then 1.

    \b
    Example:
      sitrep run examples/ --db sitrep.db
      sitrep events --db sitrep.db --since 2023-09-01
    """
    config = load_config(config_path, overrides)
    workers = workers if workers is not None else int(config["pipeline"].get("workers", 1))
    pipeline = Pipeline(config=config)
    counts = {"read": 0, "skipped": 0, "stored": 0, "events": 0, "unreadable": 0, "failed": 0}
    with Store(db_path) as store:
        run_pk = store.start_run(paths, pipeline.names)

        def on_error(error: DocumentError) -> None:
            counts["unreadable"] += 1
            store.add_error(error, run_pk)

        pending: deque[Document] = deque()

        def new_documents() -> Iterator[Document]:
            seen: set[str] = set()
            for doc in documents(list(paths), config, input_format, published, on_error):
                counts["read"] += 1
                if doc.hash in seen or store.has(doc.hash):
                    counts["skipped"] += 1
                    continue
                seen.add(doc.hash)
                pending.append(doc)
                yield doc

        enabled = show_progress if show_progress is not None else stderr.is_terminal
        results = pipeline.extract_many(new_documents(), workers=workers)
        for result in progress(results, "extracting", enabled=enabled):
            doc = pending.popleft()
            if result.failed:
                counts["failed"] += 1
                report_failed_result(result, doc.origin)
            if store.add(result, doc.hash, origin=doc.origin, stages=pipeline.names, run_pk=run_pk):
                counts["stored"] += 1
                counts["events"] += len(result.events)
        store.finish_run(run_pk, counts)
        print_summary(store, db_path, counts)
    ctx.exit(EXIT_FAILED_DOCS if counts["unreadable"] or counts["failed"] else EXIT_OK)


def print_summary(store: Store, db_path: str, counts: dict[str, int]) -> None:
    """This run's counts, then what the whole store holds, as tables on stdout."""
    console = Console(highlight=False)
    table = Table(title="this run", title_justify="left")
    for column in ("read", "skipped", "stored", "events", "unreadable", "failed"):
        table.add_column(column, justify="right")
    table.add_row(
        *(str(counts[c]) for c in ("read", "skipped", "stored", "events", "unreadable", "failed"))
    )
    console.print(table)
    if counts["read"] and counts["skipped"] == counts["read"]:
        console.print("nothing new: every document was already stored")
    totals = store.counts()
    console.print(
        f"store {db_path}: {totals['articles']} articles, {totals['events']} events, "
        f"{totals['failures']} failures recorded"
    )
    by_type = store.event_types()
    if by_type:
        types = Table("event type", "events")
        for name, number in by_type:
            types.add_row(name, str(number))
        console.print(types)
