"""Quantities as news writes them: "1,200", "twenty-five", "a dozen", "dozens", "at least 13",
"between 10 and 15", "5-7", "more than 100".

:func:`find_quantities` scans a text and returns every quantity with its character span, its
best / low / high reading and the qualifier that produced them. It knows nothing about
casualties: :mod:`sitrep.stages.extract.counts` decides which quantities count people.

Conventions (the words and figures are in ``sitrep/data/counts/quantities.toml``):

- a vague quantifier takes the figure of the data file (ACLED's where ACLED has one:
  tens 10, dozens 12, hundreds 100), with ``qualifier="vague"``;
- "at least N" / "no fewer than N" / "more than N": best N, low N (ACLED codes the stated
  figure; a low of N + 1 would sit above the best, and low <= best <= high always holds);
- "up to N" / "as many as N": best N, high N; "nearly N" / "fewer than N": best N, high N;
- "about N": best N; a range "N to M", "N-M", "between N and M", "N or M": best N (the
  conservative end), low N, high M;
- "from N to M" (a toll that rose) is the later figure M;
- a number followed by a unit ("5 km", "44-day", "27 years") or preceded by a date word,
  an age or an identifier ("aged 27", "September 19", "No. 5"), and a bare year such as
  "1991", is marked ``measure=True``: it is not a count of people.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from text_to_num import text2num

__all__ = ["Quantity", "find_quantities", "parse_number", "quantity_table"]

QUALIFIERS = ("at_least", "more_than", "up_to", "nearly", "about")

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ["hundred", "thousand", "million", "billion"]
_WORD = "|".join(sorted(_UNITS + _TENS + _SCALES, key=len, reverse=True))
_WORDS_RE = rf"(?:{_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*"
_DIGITS_RE = (
    r"\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+(?:\.\d+)?"
    r"(?:\s+(?:million|thousand|hundred|billion)\b)?"
)


@dataclass(frozen=True)
class Quantity:
    """One quantity in a text; ``start``/``end`` include its qualifier ("at least 13")."""

    start: int
    end: int
    num_start: int
    num_end: int
    best: int
    low: int | None
    high: int | None
    qualifier: str
    """exact, at_least, more_than, up_to, nearly, about, range or vague."""
    measure: bool = False
    """True when the number is a measure, date, age, year or identifier, not a count."""

    @property
    def vague(self) -> bool:
        return self.qualifier == "vague"


@lru_cache(maxsize=1)
def quantity_table() -> dict[str, Any]:
    """The vague-quantifier convention, collective words, qualifiers and units (data file)."""
    text = resources.files("sitrep").joinpath("data/counts/quantities.toml").read_text("utf-8")
    return tomllib.loads(text)


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    table = quantity_table()
    vague = _alternation(list(table["vague"]))
    collective = _alternation(list(table["collective"]))
    core = re.compile(
        rf"(?<![\w.,])(?:(?P<dozens>(?:{_WORDS_RE}|\d+)\s+dozen)|(?P<digits>{_DIGITS_RE})"
        rf"|(?P<collective>{collective})"
        rf"|(?P<words>{_WORDS_RE})|(?P<vague>{vague}))(?![\w]|[.,]\d)",
        re.IGNORECASE,
    )
    qualifier_of: dict[str, str] = {}
    for name in QUALIFIERS:
        for phrase in table["qualifiers"][name]:
            qualifier_of[" ".join(phrase.lower().split())] = name
    prefix = re.compile(rf"(?:^|(?<=\W))(?:{_alternation(list(qualifier_of))})\s+$", re.IGNORECASE)
    return core, prefix, qualifier_of


def parse_number(text: str) -> int | None:
    """The integer a number written in digits or words stands for ("1,200", "twenty-five")."""
    cleaned = " ".join(text.lower().replace("-", " ").split())
    if not cleaned:
        return None
    collective = quantity_table()["collective"]
    if cleaned in collective:
        return int(collective[cleaned])
    dozens = re.fullmatch(r"(.+) dozen", cleaned)
    if dozens:
        count = parse_number(dozens.group(1))
        return count * 12 if count is not None else None
    match = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?: (hundred|thousand|million|billion))?", cleaned)
    if match:
        digits = match.group(1).replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
        scale = {None: 1, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
        return round(value * scale[match.group(2)])
    try:
        return int(text2num(cleaned, "en"))
    except ValueError:
        return None


_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}


def _is_measure(text: str, start: int, end: int, value: int, digits: bool) -> bool:
    table = quantity_table()["units"]
    after = text[end:end + 24]
    if re.match(r"-[A-Za-z]", after):  # "44-day", "27-year-old", "12-member"
        return True
    if re.match(r"\s*(?:%|\$)", after):
        return True
    next_word = re.match(r"\s*([A-Za-z][\w.'-]*)", after)
    word = next_word.group(1).lower().rstrip(".") if next_word else ""
    if word in table["after"] or (word.split("-")[0] in table["after"] and "-" in word):
        return True
    if re.match(r"\s*(?:local\s+time|hrs?\b|GMT\b|h\b)", after, re.IGNORECASE):
        return True
    if re.match(r"\s*,", after) and re.search(
        r"\b[A-Z][a-z]+,\s*$", text[max(0, start - 30):start]
    ):
        return True  # "Ricardo Campos, 30, died": an age after a name
    before = text[max(0, start - 24):start]
    prev = re.search(r"([A-Za-z$€£][\w.$]*)\s*$", before)
    if prev and prev.group(1).lower() in table["before"]:
        return True
    if re.search(r"[$€£#]\s*$", before):
        return True
    if digits and 1800 <= value <= 2100 and "," not in text[start:end]:
        # a year, unless a lowercase noun follows ("1900 people")
        return not (word.islower() and word.endswith("s") and word not in {"and", "was", "is"})
    # "19 September", "(19)" after a weekday: a day of the month
    return bool(digits and value <= 31 and word in _MONTHS)


def _core_quantities(text: str) -> list[tuple[int, int, int, str]]:
    """(start, end, value, kind) for every bare number, collective word or vague word."""
    core, _prefix, _q = _patterns()
    vague = {" ".join(k.split()): v for k, v in quantity_table()["vague"].items()}
    found: list[tuple[int, int, int, str]] = []
    for match in core.finditer(text):
        kind = match.lastgroup or ""
        raw = match.group(0)
        if kind == "vague":
            entry = vague[" ".join(raw.lower().split())]
            found.append((match.start(), match.end(), int(entry["best"]), "vague"))
            continue
        value = parse_number(raw)
        if value is None and kind == "words":
            # "one two" or a stray "and": keep the longest prefix that parses
            for sub in re.finditer(rf"{_WORDS_RE}", raw, re.IGNORECASE):
                sub_value = parse_number(sub.group(0))
                if sub_value is not None:
                    found.append(
                        (match.start() + sub.start(), match.start() + sub.end(), sub_value, kind)
                    )
                    break
            continue
        if value is None:
            continue
        found.append((match.start(), match.end(), value, kind))
    return found


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order, with ranges and qualifiers folded in."""
    _core, prefix, qualifier_of = _patterns()
    vague_table = quantity_table()["vague"]
    raw = _core_quantities(text)
    out: list[Quantity] = []
    i = 0
    while i < len(raw):
        start, end, value, kind = raw[i]
        low: int | None = None
        high: int | None = None
        qualifier = "vague" if kind == "vague" else "exact"
        if kind == "vague":
            entry = vague_table[" ".join(text[start:end].lower().split())]
            low = int(entry.get("low", entry["best"]))
        span_start, span_end = start, end
        best = value
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        before = text[max(0, start - 40):start]
        if nxt is not None and kind != "vague" and nxt[3] != "vague":
            gap = text[end:nxt[0]]
            between = re.search(r"\bbetween\s+$", before, re.IGNORECASE)
            from_ = re.search(r"\bfrom\s+$", before, re.IGNORECASE)
            if from_ and re.fullmatch(r"\s+to\s+", gap, re.IGNORECASE):
                # "rose from 10 to 30": the later figure
                out.append(Quantity(nxt[0], nxt[1], nxt[0], nxt[1], nxt[2], None, None, "exact",
                                    _is_measure(text, nxt[0], nxt[1], nxt[2],
                                                nxt[3] == "digits")))
                i += 2
                continue
            is_range = (
                (between and re.fullmatch(r"\s+and\s+", gap, re.IGNORECASE))
                or re.fullmatch(r"\s*(?:-|–|—|to|or)\s*", gap, re.IGNORECASE)
            )
            if is_range and nxt[2] > value:
                low, high, best = value, nxt[2], value
                qualifier = "range"
                if between:
                    span_start = start - len(between.group(0))
                span_end = nxt[1]
                i += 1
        if qualifier in {"exact", "vague"}:
            match = prefix.search(text, max(0, start - 40), start)
            if match and match.end() == start:
                name = qualifier_of[" ".join(match.group(0).lower().split())]
                span_start = match.start()
                if qualifier == "exact":
                    qualifier = name
                    if name in {"at_least", "more_than"}:  # low <= best: "more than 40"
                        low = value  # is coded 40 (ACLED), so its low cannot be 41
                    elif name in {"up_to", "nearly"}:
                        high = value
        measure = kind != "vague" and _is_measure(text, start, end, value, kind == "digits")
        if qualifier == "range":
            measure = measure or _is_measure(text, start, span_end, value, kind == "digits")
        out.append(Quantity(span_start, span_end, start, end, best, low, high, qualifier, measure))
        i += 1
    # "as many as seven": the vague "many" inside a qualifier is no quantity of its own
    return [
        q for q in out
        if not any(o is not q and o.start <= q.start and q.end <= o.end for o in out)
    ]
