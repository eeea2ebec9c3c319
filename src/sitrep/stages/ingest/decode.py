"""Bytes to text: encoding detection, and refusing what is not text.

UTF-8 (with or without a byte-order mark) is tried first, then UTF-16/32 by their marks, then
``charset-normalizer``'s best guess. Data with NUL bytes or many control characters is binary,
and data no encoding explains is undecodable; each raises :class:`IngestError` with its code.
"""

from __future__ import annotations

import codecs

from sitrep.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any byte-oriented encoding (sampled at the start)."""
    sample = data[:8192]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    control = sum(1 for byte in sample if byte in _CONTROL)
    return control / len(sample) > 0.05


def detect_encoding(data: bytes) -> str:
    """The encoding to decode ``data`` with, or :class:`IngestError` ``undecodable``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise IngestError("undecodable", "no text encoding explains these bytes")
    return str(best.encoding)


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; raises ``empty``, ``binary`` or ``undecodable``."""
    if not data.strip():
        raise IngestError("empty", "the file is empty" if not data else "the file is blank")
    if looks_binary(data):
        raise IngestError("binary", "binary data, not text (NUL or control bytes)")
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError("undecodable", f"cannot decode as {encoding}: {exc}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
