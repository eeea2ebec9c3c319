"""Calendar arithmetic for TimeML values: shifting an anchor date and writing the result.

An :class:`Anchor` is the date relative expressions are resolved against (the publication
date, or the time of the event a phrase such as "the next day" refers back to). Without one,
the functions here return TimeML values with ``X`` placeholders ("XXXX-XX-XX", "XXXX-WXX-2"),
never a value computed from the day the program runs.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

GRANULARITIES = ("day", "week", "month", "quarter", "year", "decade", "century")

UNDATED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the last day of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` units (day, week, month, quarter, year, decade, century)."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, months * amount)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def value_at(day: date | None, unit: str) -> str:
    """The TimeML value of the ``unit`` containing ``day`` ("2023-W38", "2023-Q3", "202")."""
    if day is None:
        return UNDATED[unit]
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        return iso_week(day)
    if unit == "weekend":
        return iso_week(day) + "-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year:04d}"[:3]
    if unit == "century":
        return f"{day.year:04d}"[:2]
    raise ValueError(f"unknown unit {unit!r}")


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The ``weekday`` (ISO, Monday = 1) nearest ``anchor``.

    ``direction`` "past": the same day or up to six days before; "future": the same day or up
    to six days after; "near": within three days either way; "next"/"last": strictly
    after/before.
    """
    delta = weekday - anchor.isoweekday()
    if direction == "past":
        return anchor + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "future":
        return anchor + timedelta(days=delta if delta >= 0 else delta + 7)
    if direction == "near":
        delta = (delta + 3) % 7 - 3
        return anchor + timedelta(days=delta)
    if direction == "last":
        return anchor + timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "next":
        return anchor + timedelta(days=delta if delta > 0 else delta + 7)
    raise ValueError(f"unknown direction {direction!r}")


def day_of_month_near(anchor: date, day_number: int, weekday: int | None = None) -> date | None:
    """The date with day-of-month ``day_number`` nearest ``anchor`` (within a month either way).

    With ``weekday``, a date falling on that weekday is preferred ("Tuesday (19)").
    """
    candidates: list[date] = []
    for months in (-1, 0, 1):
        first = add_months(anchor.replace(day=1), months)
        if day_number <= calendar.monthrange(first.year, first.month)[1]:
            candidates.append(first.replace(day=day_number))
    if not candidates:
        return None
    if weekday is not None:
        matching = [d for d in candidates if d.isoweekday() == weekday]
        if matching:
            candidates = matching
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))


def month_near(anchor: date, month: int, direction: str) -> int:
    """The year of ``month`` seen from ``anchor``: "past" at or before, "future" at or after,
    "near" the anchor's year unless the month is over six months ahead (then last year's) or
    over eight months behind (then next year's)."""
    this_year = anchor.year
    diff = month - anchor.month
    if direction == "past":
        return this_year if diff <= 0 else this_year - 1
    if direction == "future":
        return this_year if diff >= 0 else this_year + 1
    if diff > 6:
        return this_year - 1
    if diff < -8:
        return this_year + 1
    return this_year


def date_near(
    anchor: date, month: int, day_number: int, direction: str, weekday: int | None = None
) -> date | None:
    """``month``/``day_number`` in the year that puts it nearest ``anchor``.

    A date within a month of the anchor wins whatever the direction; further away,
    "past"/"future" pick the year before/after. With ``weekday``, years where the date falls
    on that weekday ("Monday, Oct. 26") are preferred.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day_number))
        except ValueError:
            continue
    if not candidates:
        return None
    if weekday is not None:
        candidates = [d for d in candidates if d.isoweekday() == weekday] or candidates
    close = [d for d in candidates if abs((d - anchor).days) <= 31]
    if close:
        candidates = close
    elif direction == "past":
        candidates = [d for d in candidates if d <= anchor] or candidates
    elif direction == "future":
        candidates = [d for d in candidates if d >= anchor] or candidates
    return min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))


def nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    """The ``n``-th (``-1``: last) ISO ``weekday`` of a month."""
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).isoweekday() == weekday
    ]
    return days[n - 1] if n > 0 else days[n]


_PRECISION_PATTERNS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T\d{2}:\d{2}"), "minute"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T\d{2}"), "hour"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T(MO|AF|EV|NI|DT)"), "hour"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$"), "day"),
    (re.compile(r"^[\dX]{4}-W[\dX]{2}-\d$"), "day"),
    (re.compile(r"^[\dX]{4}-W[\dX]{2}"), "week"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}$"), "month"),
    (re.compile(r"^[\dX]{4}-(Q[\dX]|H\d|SP|SU|FA|WI)$"), "year"),
    (re.compile(r"^[\dX]{4}$"), "year"),
    (re.compile(r"^[\dX]{3}$"), "decade"),
)


def precision_of(value: str) -> str | None:
    """The schema precision of a TimeML date/time value; None for durations, sets and refs."""
    for pattern, precision in _PRECISION_PATTERNS:
        if pattern.match(value):
            return precision
    return None


COARSER = {
    "minute": "hour",
    "hour": "day",
    "day": "week",
    "week": "month",
    "month": "year",
    "year": "decade",
}
