"""From fields to a :class:`Document`: checks every reader shares (empty, too large, date)."""

from __future__ import annotations

import re
from datetime import date, datetime

from sitrep.errors import IngestError
from sitrep.pipeline.document import Document
from sitrep.schema import Source

DEFAULT_MAX_CHARS = 2_000_000

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def normalise_published(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date, datetime or date-like string; None when there is none.

    Raises :class:`IngestError` (code ``bad_published``) for a value that is present but not a
    date, so that the reader can turn it into a warning naming the field.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            pass
    import dateparser  # slow import: only for non-ISO dates

    parsed = dateparser.parse(
        text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    if parsed is None:
        raise IngestError("bad_published", f"published value {text[:60]!r} is not a date")
    return str(parsed.date().isoformat())


def document_from_fields(
    text: str,
    *,
    published: object = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
    origin: str = "-",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Document:
    """A document from already-decoded fields, or :class:`IngestError` if it has no usable text.

    An unreadable ``published`` value does not lose the document: it becomes null with a
    warning (code ``bad_published``).
    """
    if not isinstance(text, str):
        raise IngestError("bad_text", f"text is {type(text).__name__}, not a string")
    if not text.strip():
        raise IngestError("empty", "the document has no text")
    if len(text) > max_chars:
        raise IngestError(
            "too_large",
            f"{len(text):,} characters of text is over the limit of {max_chars:,} "
            "(ingest.max_chars)",
        )
    if "\x00" in text:
        raise IngestError("binary", "the text contains NUL bytes (binary data?)")
    warning = None
    try:
        iso = normalise_published(published)
    except IngestError as exc:
        iso, warning = None, exc
    doc = Document(
        text=text,
        id=str(id) if id not in (None, "") else "",
        published=iso,
        source=Source(outlet=outlet or None, url=url or None, title=title or None),
        origin=origin,
    )
    if warning is not None:
        doc.warn("ingest", warning.code, warning.reason)
    return doc
