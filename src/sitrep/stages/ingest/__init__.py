"""Ingest: articles from files, folders and stdin into :class:`Document` objects.

``read_documents(inputs, config)`` yields a :class:`Document` for every article it can read and
a :class:`~sitrep.schema.DocumentError` (source, stage ``ingest``, code, reason) for every one
it cannot, and always carries on with the rest. Formats, chosen by suffix (configurable in
``[ingest]``) or by sniffing the content when the suffix says nothing:

- plain text (encoding detected); ``published`` comes from an ISO date in the file name
  (``report-2023-09-19.txt``) when there is one;
- HTML (body text, title, date, author and site name by trafilatura);
- JSONL and CSV with the fields ``id, text, published, url, title, outlet``;
- folders, recursively (hidden files skipped), in sorted order; ``-`` for stdin.

Error codes: ``not_found``, ``empty``, ``binary``, ``undecodable``, ``too_large``,
``bad_json``, ``bad_csv``, ``no_text``, ``no_body``, ``bad_html``, ``unreadable``; and the
warning ``bad_published`` on a document whose date could not be read.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal

from sitrep.config import defaults
from sitrep.errors import IngestError
from sitrep.pipeline.document import Document
from sitrep.schema import DocumentError
from sitrep.stages.ingest.decode import decode, detect_encoding, looks_binary
from sitrep.stages.ingest.html import extract_html, looks_like_html
from sitrep.stages.ingest.records import DEFAULT_MAX_CHARS, document_from_fields
from sitrep.stages.ingest.tabular import read_csv, read_jsonl

__all__ = ["InputFormat", "document_from_fields", "read_documents"]

InputFormat = Literal["auto", "text", "html", "jsonl", "csv"]
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
# UTF-8 needs at most 4 bytes a character: a file larger than this cannot be within the limit.
_BYTES_PER_CHAR = 4


class _Settings:
    def __init__(self, config: dict[str, Any]) -> None:
        section = {**defaults().get("ingest", {}), **config.get("ingest", {})}
        self.max_chars = int(section.get("max_chars", DEFAULT_MAX_CHARS))
        self.suffixes: dict[str, InputFormat] = {}
        for key, kind in (
            ("text_suffixes", "text"),
            ("html_suffixes", "html"),
            ("jsonl_suffixes", "jsonl"),
            ("csv_suffixes", "csv"),
        ):
            for suffix in section.get(key, []):
                self.suffixes[str(suffix).lower()] = kind  # type: ignore[assignment]

    def format_of(self, path: Path) -> InputFormat:
        return self.suffixes.get(path.suffix.lower(), "auto")


def read_documents(
    inputs: Sequence[str],
    config: dict[str, Any] | None = None,
    input_format: InputFormat = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | DocumentError]:
    """Every article in ``inputs`` (files, folders, ``-``), or an error record for it."""
    settings = _Settings(config or {})
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_bytes(stream.read(), "-", input_format, settings, None)
            continue
        path = Path(item)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_file(child, input_format, settings)
        elif path.exists():
            yield from _read_file(path, input_format, settings)
        else:
            yield DocumentError(
                source=item, stage="ingest", code="not_found", reason="no such file or folder"
            )


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            yield path


def _read_file(
    path: Path, input_format: InputFormat, settings: _Settings
) -> Iterator[Document | DocumentError]:
    name = str(path)
    kind = input_format if input_format != "auto" else settings.format_of(path)
    try:
        if kind == "jsonl":
            with path.open("rb") as handle:
                head = handle.read(65536)
                if looks_binary(head):
                    raise IngestError("binary", "binary data, not JSON lines")
                encoding = detect_encoding(head) if head else "utf-8"
                handle.seek(0)
                yield from read_jsonl(handle, name, settings.max_chars, _line_safe(encoding))
            return
        size = path.stat().st_size
        limit = settings.max_chars * _BYTES_PER_CHAR
        if kind != "csv" and size > limit:
            raise IngestError(
                "too_large",
                f"{size:,} bytes cannot fit the limit of {settings.max_chars:,} characters "
                "(ingest.max_chars)",
            )
        data = path.read_bytes()
    except IngestError as exc:
        yield DocumentError(source=name, stage=exc.stage, code=exc.code, reason=exc.reason)
        return
    except OSError as exc:
        yield DocumentError(
            source=name, stage="ingest", code="unreadable", reason=exc.strerror or str(exc)
        )
        return
    yield from _read_bytes(data, name, kind, settings, path)


def _line_safe(encoding: str) -> str:
    """Line-by-line decoding cannot split a BOM'd UTF-16/32 file; JSONL is UTF-8 in practice."""
    return "utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding


def _read_bytes(
    data: bytes,
    name: str,
    kind: InputFormat,
    settings: _Settings,
    path: Path | None,
) -> Iterator[Document | DocumentError]:
    try:
        if kind == "jsonl" or (kind == "auto" and data.lstrip()[:1] == b"{"):
            if not data.strip():
                raise IngestError("empty", "the input is empty")
            if looks_binary(data):
                raise IngestError("binary", "binary data, not JSON lines")
            encoding = _line_safe(detect_encoding(data))
            yield from read_jsonl(io.BytesIO(data), name, settings.max_chars, encoding)
            return
        text, _encoding = decode(data)
        if kind == "csv":
            yield from read_csv(text, name, settings.max_chars)
            return
        if kind == "html" or (kind == "auto" and looks_like_html(text)):
            page = extract_html(text)
            doc = document_from_fields(
                page["text"],
                published=page["published"],
                url=page["url"],
                title=page["title"],
                outlet=page["outlet"],
                origin=name,
                max_chars=settings.max_chars,
            )
            if page["author"]:
                doc.source = doc.source.model_copy(update={"author": page["author"]})
            if doc.published is None and path is not None:
                doc.published = _date_from_name(path)
            yield doc
            return
        yield document_from_fields(
            text,
            published=_date_from_name(path) if path is not None else None,
            origin=name,
            max_chars=settings.max_chars,
        )
    except IngestError as exc:
        yield DocumentError(source=name, stage=exc.stage, code=exc.code, reason=exc.reason)


def _date_from_name(path: Path) -> str | None:
    match = _DATE_IN_NAME.search(path.name)
    if not match:
        return None
    try:
        return date.fromisoformat(match[1]).isoformat()
    except ValueError:
        return None
