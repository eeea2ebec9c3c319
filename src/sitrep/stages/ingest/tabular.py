"""Many articles in one file: JSONL (one object a line) and CSV.

Both use the fields ``id, text, published, url, title, outlet`` (``html`` may stand in for
``text``: its body is extracted). A bad record (malformed JSON, no text) is reported with its
line number and the others are read.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from sitrep.errors import IngestError
from sitrep.pipeline.document import Document
from sitrep.schema import DocumentError
from sitrep.stages.ingest.html import extract_html
from sitrep.stages.ingest.records import document_from_fields

FIELDS = ("id", "text", "published", "url", "title", "outlet")


def record_to_document(record: dict[str, Any], origin: str, max_chars: int) -> Document:
    """A document from one JSONL/CSV record; raises :class:`IngestError` naming the problem."""
    text = record.get("text")
    fields = {key: record.get(key) for key in ("published", "url", "title", "outlet")}
    author = record.get("author")
    if (text is None or text == "") and record.get("html"):
        page = extract_html(str(record["html"]))
        text = page["text"]
        author = author or page["author"]
        for key in fields:
            fields[key] = fields[key] or page.get(key)
    if text is None:
        raise IngestError("no_text", "record has no 'text' field")
    doc = document_from_fields(
        text,
        id=None if record.get("id") is None else str(record["id"]),
        origin=origin,
        max_chars=max_chars,
        published=fields["published"],
        url=_str(fields["url"]),
        title=_str(fields["title"]),
        outlet=_str(fields["outlet"]),
    )
    if author:
        doc.source = doc.source.model_copy(update={"author": str(author)})
    return doc


def _str(value: object) -> str | None:
    return None if value in (None, "") else str(value)


def _error(origin: str, exc: IngestError) -> DocumentError:
    return DocumentError(source=origin, stage=exc.stage, code=exc.code, reason=exc.reason)


def read_jsonl(
    stream: IO[bytes], name: str, max_chars: int, encoding: str = "utf-8"
) -> Iterator[Document | DocumentError]:
    saw_any = False
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        saw_any = True
        origin = f"{name}:{number}"
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            yield DocumentError(
                source=origin, stage="ingest", code="undecodable", reason=f"line {number}: {exc}"
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocumentError(
                source=origin,
                stage="ingest",
                code="bad_json",
                reason=f"line {number} is not JSON: {exc.msg} at column {exc.colno}",
            )
            continue
        if not isinstance(record, dict):
            yield DocumentError(
                source=origin,
                stage="ingest",
                code="bad_json",
                reason=f"line {number} is a JSON {type(record).__name__}, not an object",
            )
            continue
        try:
            yield record_to_document(record, origin, max_chars)
        except IngestError as exc:
            yield _error(origin, exc)
    if not saw_any:
        yield DocumentError(source=name, stage="ingest", code="empty", reason="no records")


def read_csv(text: str, name: str, max_chars: int) -> Iterator[Document | DocumentError]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "text" not in columns and "html" not in columns:
        yield DocumentError(
            source=name,
            stage="ingest",
            code="bad_csv",
            reason=f"no 'text' column (columns: {', '.join(columns) or 'none'})",
        )
        return
    reader.fieldnames = columns
    saw_any = False
    for row in reader:
        saw_any = True
        origin = f"{name}:{reader.line_num}"
        if None in row:
            yield DocumentError(
                source=origin,
                stage="ingest",
                code="bad_csv",
                reason=f"line {reader.line_num} has more cells than the header",
            )
            continue
        try:
            yield record_to_document(row, origin, max_chars)
        except IngestError as exc:
            yield _error(origin, exc)
    if not saw_any:
        yield DocumentError(source=name, stage="ingest", code="empty", reason="no rows")
