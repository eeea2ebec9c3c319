"""HTML pages: main body text and metadata (title, date, author, site) with trafilatura."""

from __future__ import annotations

from typing import Any

from sitrep.errors import IngestError


def extract_html(html: str) -> dict[str, Any]:
    """``{"text", "title", "published", "author", "url", "outlet"}`` of an HTML page.

    Raises :class:`IngestError` ``no_body`` when trafilatura finds no main text (a reason,
    where trafilatura itself would only return None).
    """
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise IngestError("bad_html", f"HTML could not be parsed: {exc}") from None
    if extracted is None:
        raise IngestError("no_body", "no main text found in the HTML page")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    if not text.strip():
        raise IngestError("no_body", "no main text found in the HTML page")
    return {
        "text": text,
        "title": data.get("title"),
        "published": data.get("date"),
        "author": data.get("author"),
        "url": data.get("url"),
        "outlet": data.get("sitename"),
    }


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and "<body" in text[:20000].lower()
    )
