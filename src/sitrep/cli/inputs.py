"""Reading the documents named on the command line, reporting the unreadable ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from sitrep.pipeline import Document
from sitrep.schema import ArticleResult, DocumentError
from sitrep.stages.ingest import read_documents

F = TypeVar("F", bound=Callable[..., Any])


def input_options(func: F) -> F:
    """``--input-format``, ``--published``, ``--workers`` and ``--progress/--no-progress``:
    how the commands that run the pipeline read their inputs and show their progress."""
    options = [
        click.option(
            "--input-format",
            type=click.Choice(["auto", "text", "html", "jsonl", "csv"]),
            default="auto",
            show_default=True,
            help="How to read the inputs (auto: by suffix, else by content).",
        ),
        click.option(
            "--published",
            default=None,
            help="Publication date (YYYY-MM-DD) for the inputs that have none.",
        ),
        click.option(
            "--workers", type=int, default=None, help="Worker processes (default: config)."
        ),
        click.option(
            "--progress/--no-progress",
            "show_progress",
            default=None,
            help="Progress bar on stderr (default: when stderr is a terminal).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def report_error(error: DocumentError) -> None:
    click.echo(f"error: {error.source}: {error.stage}: {error.code}: {error.reason}", err=True)


def report_failed_result(result: ArticleResult, source: str | None = None) -> None:
    for warning in result.warnings:
        if warning.level == "error":
            click.echo(
                f"error: {source or result.id}: {warning.stage}: {warning.code}: {warning.message}",
                err=True,
            )


def documents(
    paths: list[str],
    config: dict[str, Any],
    input_format: str,
    published: str | None,
    on_error: Callable[[DocumentError], None],
) -> Iterator[Document]:
    """The readable documents of ``paths``; each unreadable one is reported and handed to
    ``on_error``. ``published`` fills in the date of documents that have none."""
    for item in read_documents(paths, config, input_format):  # type: ignore[arg-type]
        if isinstance(item, DocumentError):
            report_error(item)
            on_error(item)
            continue
        if published and item.published is None:
            item.published = published
        yield item
