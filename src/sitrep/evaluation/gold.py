"""Reading gold files: one JSON object per line, ``{"id", "text", "published", "gold", ...}``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitrep.errors import EvalError
from sitrep.pipeline.document import Document
from sitrep.schema import Source


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The records of a gold file, the first ``limit`` of them if given."""
    path = Path(path)
    if not path.is_file():
        raise EvalError(f"gold file {path} does not exist")
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict) or "text" not in record or "gold" not in record:
                raise EvalError(f"{path}:{number}: a gold record needs 'text' and 'gold'")
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def document_of(record: dict[str, Any]) -> Document:
    """The pipeline input for one gold record (its text exactly, so offsets line up)."""
    return Document(
        text=record["text"],
        id=str(record.get("id") or ""),
        published=record.get("published"),
        source=Source(
            outlet=record.get("outlet"), url=record.get("url"), title=record.get("title")
        ),
        origin=str(record.get("id") or "-"),
    )
