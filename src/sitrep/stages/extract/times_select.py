"""Choosing among overlapping candidates and attaching left modifiers.

Patterns overlap ("September 19, 2023" also contains "September 19" and "2023"); the longest
candidate wins, then the one whose rule has the lower priority number. Modifiers that
TimeML puts inside the expression ("early", "the end of", "mid-", "earlier") are then
attached on the left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Meaning:
    """What a time expression says, before it is anchored.

    ``kind`` is one of: value (a complete TimeML value), monthday, month, weekday, relative
    (this/last/next unit), offset (N units ago/earlier/later), anaphor (the next day, that
    day), quarter, season, clock, holiday, partofday.
    """

    kind: str
    type: str = "DATE"
    value: str = ""
    unit: str = ""
    amount: int | None = 0
    month: int = 0
    day: int = 0
    weekday: int = 0
    year: int | None = None
    code: str = ""
    direction: str = ""
    base: str = "publication"
    part: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Candidate:
    start: int
    end: int
    meaning: Meaning
    rule: str
    priority: int = 0
    checks: tuple[tuple[int, int, str], ...] = ()
    """Spans of words to check against the parse: (start, end, what), what = month|year."""


# "early", "late", "mid" join directly ("late 2023", "mid-June"); the nouns need "of" ("the end
# of the year"), so that a verb ("to end the day") is not taken for one.
_MODIFIER = re.compile(
    r"(?:(?:\bthe\s+)?(?:very\s+)?(?:\b(?:early|late|mid|middle)(?:\s+of\s+(?:the\s+)?|\s*-\s*|\s+)"
    r"|\b(?:end|beginning|start|turn|close|first\s+half|second\s+half)(?:\s+of\s+(?:the\s+)?|\s*-\s*)))$",
    re.I,
)
_EARLIER = re.compile(r"\b(?:earlier|later)\s+$", re.I)
_DAYLIKE = re.compile(r"^(?:this|that|today|tonight|yesterday|tomorrow|next|last|in\b|on\b)", re.I)


def _takes_modifiers(cand: Candidate) -> bool:
    meaning = cand.meaning
    return (
        meaning.type in ("DATE", "TIME")
        and meaning.kind != "clock"
        and meaning.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
    )


def select(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Non-overlapping candidates, longest first (then by rule priority), with left modifiers."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    chosen.sort(key=lambda c: c.start)
    chosen = _compose(chosen, text)
    previous_end = 0
    for cand in chosen:
        if _takes_modifiers(cand):
            head = text[previous_end : cand.start]
            found = _MODIFIER.search(head[-40:])
            if found is None and _DAYLIKE.match(text[cand.start : cand.end]):
                found = _EARLIER.search(head[-12:])
            if found is not None:
                cand.start -= len(found.group(0))
        elif _takes_quantity_modifier(cand, text):
            found = _QUANTITY.search(text[previous_end : cand.start][-25:])
            if found is not None:
                cand.start -= len(found.group(0))
        previous_end = cand.end
    return chosen


# TimeML puts the bound of an amount of time inside the expression (its mod attribute
# MORE_THAN, LESS_THAN, EQUAL_OR_MORE...: "more than four hours", "at least 30 days", "up to
# 180 days", "for over a week"; "over" only after a preposition or "last": "used over three
# years" is a span). Approximators ("about", "nearly") stay outside: the AQUAINT annotators
# leave them out, the TimeBank ones put them in (strict F1 TB +0.005, AQ -0.012).
_QUANTITY = re.compile(
    r"\b(?:more\s+than|less\s+than|fewer\s+than"
    r"|no\s+more\s+than|no\s+less\s+than|at\s+least|at\s+most|up\s+to"
    r"|(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bof\s)|(?<=\blast\s)|(?<=\blasting\s)|(?<=\blasted\s)"
    r"|(?<=\bjust\s)|(?<=\bwell\s))over)\s+$",
    re.I,
)
_COUNT_START = re.compile(r"(?:\d|an?\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b"
                          r"|nine\b|ten\b|twelve\b|twenty|thirty|forty|fifty|sixty|a\s+few\b|several\b"
                          r"|\w+\s+(?:years|months|weeks|days|hours|minutes)\b)", re.I)


def _takes_quantity_modifier(cand: Candidate, text: str) -> bool:
    meaning = cand.meaning
    if meaning.type == "DURATION":
        return bool(_COUNT_START.match(text, cand.start))
    return meaning.kind == "clock"


# "the day before", "the day after" followed at once by a day: one expression, that day
# moved by one ("the day before last Tuesday's vote", "the day after Christmas").
_DAY_SHIFT = re.compile(r"the\s+day\s+(before|after)$", re.I)
_DAY_KINDS = ("weekday", "monthday", "holiday")


def _names_a_day(meaning: Meaning) -> bool:
    if meaning.kind in _DAY_KINDS:
        return True
    if meaning.kind == "relative":
        return meaning.unit == "day" and not meaning.part  # yesterday, tomorrow, today
    return meaning.kind == "value" and "day" in meaning.extra


def _compose(chosen: list[Candidate], text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in chosen:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.rule == "anaphor"
            and not text[previous.end : cand.start].strip()
            and cand.meaning.type == "DATE"
            and _names_a_day(cand.meaning)
        ):
            found = _DAY_SHIFT.search(text[previous.start : previous.end])
            if found is not None:
                shift = -1 if found.group(1).lower() == "before" else 1
                extra = dict(cand.meaning.extra, day_shift=shift)
                meaning = Meaning(**{**cand.meaning.__dict__, "extra": extra})
                out[-1] = Candidate(
                    previous.start, cand.end, meaning, cand.rule, cand.priority, cand.checks
                )
                continue
        if previous is not None and _in_apposition(previous, cand, text):
            # "after March 3, the day before the vote", "In June, a week after the summit":
            # the phrase restates the time just named.
            cand.meaning = Meaning("apposition")
        out.append(cand)
    return out


# "the day before", "a week after": a time relative to an event; "the day before Tuesday"
# is composed above.
_EVENT_RELATIVE = re.compile(r"(?:the\s+day|(?:a|one)\s+(?:day|week|month))\s*$", re.I)
_BEFORE_AFTER = re.compile(r"\s+(?:before|after)\b", re.I)
_NAMED_TIME_KINDS = ("weekday", "monthday", "month", "holiday")


def _in_apposition(previous: Candidate, cand: Candidate, text: str) -> bool:
    """``cand`` ("the day before ...", "a week after ...") follows the date ``previous``
    after a comma: an apposition naming the same time."""
    if text[previous.end : cand.start] != ", " or previous.meaning.type != "DATE":
        return False
    named = previous.meaning
    if not (
        named.kind in _NAMED_TIME_KINDS
        or (named.kind == "value" and len(named.value) in (7, 10) and named.value[:4].isdigit())
    ):
        return False
    phrase = text[cand.start : cand.end]
    if _DAY_SHIFT.search(phrase):
        return True
    return bool(_EVENT_RELATIVE.match(phrase)) and bool(_BEFORE_AFTER.match(text, cand.end))
