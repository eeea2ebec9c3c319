"""Reading the documents named on the command line, reporting the unreadable ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import click

from sitrep.pipeline import Document
from sitrep.schema import ArticleResult, DocumentError
from sitrep.stages.ingest import read_documents


def report_error(error: DocumentError) -> None:
    click.echo(f"error: {error.source}: {error.stage}: {error.code}: {error.reason}", err=True)


def report_failed_result(result: ArticleResult, source: str | None = None) -> None:
    for warning in result.warnings:
        if warning.level == "error":
            click.echo(
                f"error: {source or result.id}: {warning.stage}: {warning.code}: "
                f"{warning.message}",
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
