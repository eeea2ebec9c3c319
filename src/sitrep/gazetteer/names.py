"""Name normalisation shared by the index builder and the lookups.

``normalize("Guinea-Bissau")`` and ``normalize("guinea bissau")`` give the same key:
accents are stripped, case is folded, apostrophes are dropped and other punctuation becomes
a space. Keys are what the index stores; display names keep their original spelling.
"""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans({
    "ı": "i", "ə": "e", "Ə": "e", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss",
    "æ": "ae", "Æ": "ae", "đ": "d", "Đ": "d", "œ": "oe", "ʻ": "", "ʼ": "", "’": "", "'": "",
    "`": "", "´": "", "‘": "",
})
_NON_WORD = re.compile(r"[^\w]+")
_LATIN = re.compile(r"^[\x00-\x7f\u00c0-\u024f\u1e00-\u1eff\u0259\u02bb\u02bc\u2019\u2018]+$")


_ABBREVIATIONS = re.compile(r"\b(st|ste|mt|ft|pt)\b")
_EXPANDED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}


def normalize(name: str) -> str:
    """The index key of a place name (empty when nothing is left); "St." is "Saint"."""
    key = _simple(name)
    if " " in key and _ABBREVIATIONS.search(key):
        key = _ABBREVIATIONS.sub(lambda m: _EXPANDED[m.group(1)], key)
    return key


def _simple(name: str) -> str:
    if name.isascii():
        return _NON_WORD.sub(" ", name.lower().replace("'", "").replace("`", "").replace(
            "_", " ")).strip()
    folded = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    stripped = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold().replace("_", " ")).strip()


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (the only script English news uses)."""
    return bool(_LATIN.match(name))
