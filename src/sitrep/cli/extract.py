"""``sitrep extract``: article results for files, folders or stdin, on stdout."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from sitrep.cli.common import (
    EXIT_FAILED_DOCS,
    EXIT_OK,
    config_options,
    load_config,
    progress,
    stderr,
)
from sitrep.cli.inputs import documents, input_options, report_failed_result
from sitrep.export.flat import FLAT_COLUMNS, flat_rows
from sitrep.pipeline import Pipeline
from sitrep.schema import ArticleResult, DocumentError


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "csv"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one sitrep/1 object a line; json: one array; csv: one row per event.",
)
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the error records of unreadable documents to this JSONL file.",
)
@input_options
@config_options
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    errors_path: str | None,
    input_format: str,
    published: str | None,
    workers: int | None,
    show_progress: bool | None,
    config_path: str | None,
    overrides: tuple[str, ...],
) -> None:
    """Extract events from PATHS (files, folders, or - for stdin) and print the results.

    Unreadable documents are reported on stderr (source, stage, code, reason) and the rest
    are processed; the exit code is then 1.

    \b
    Examples:
      sitrep extract examples/
      cat articles.jsonl | sitrep extract - --format csv > events.csv
    """
    config = load_config(config_path, overrides)
    workers = workers if workers is not None else int(config["pipeline"].get("workers", 1))
    errors: list[DocumentError] = []
    error_file: IO[str] | None = open(errors_path, "w", encoding="utf-8") if errors_path else None  # noqa: SIM115

    def on_error(error: DocumentError) -> None:
        errors.append(error)
        if error_file:
            error_file.write(error.model_dump_json() + "\n")

    pipeline = Pipeline(config=config)
    results = pipeline.extract_many(
        documents(list(paths), config, input_format, published, on_error), workers=workers
    )
    enabled = show_progress if show_progress is not None else stderr.is_terminal
    failed = 0
    try:
        failed = _write(progress(results, "extracting", enabled=enabled), fmt, sys.stdout)
    finally:
        if error_file:
            error_file.close()
    ctx.exit(EXIT_FAILED_DOCS if errors or failed else EXIT_OK)


def _write(results: Iterator[ArticleResult], fmt: str, out: IO[str]) -> int:
    """Write ``results`` to ``out`` as they come; the number of failed documents."""
    failed = 0
    first = True
    writer: Any = None
    if fmt == "json":
        out.write("[")
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
        writer.writeheader()
    for result in results:
        if result.failed:
            failed += 1
            report_failed_result(result)
        if fmt == "jsonl":
            out.write(result.to_json() + "\n")
        elif fmt == "json":
            out.write(("" if first else ",\n") + json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            writer.writerows(flat_rows(result))
        out.flush()
        first = False
    if fmt == "json":
        out.write("]\n")
    out.flush()
    return failed
