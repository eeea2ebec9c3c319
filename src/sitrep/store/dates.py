"""Calendar ranges of TimeML date values, so that vague event dates can be filtered by day.

An event dated ``2023-09`` happened some day in September 2023: it is stored with the range
``2023-09-01 .. 2023-09-30`` and a ``--since 2023-09-15`` filter keeps it (the ranges
overlap). Values with no calendar position (``PRESENT_REF``, durations such as ``P9M``) have
no range and are left out of date filters.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")


def date_range(value: str | None) -> tuple[str, str] | None:
    """The first and last ISO day covered by a TimeML date ``value``, or None."""
    if not value:
        return None
    text = value.strip()
    try:
        if match := _DAY.match(text):
            day = date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            return day, day
        if match := _MONTH.match(text):
            year, month = int(match[1]), int(match[2])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
        if match := _WEEK.match(text):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if match := _YEAR.match(text):
            year = int(match[1])
            return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
        if match := _DECADE.match(text):
            start = int(match[1]) * 10
            return date(start, 1, 1).isoformat(), date(start + 9, 12, 31).isoformat()
    except ValueError:  # month 13, week 54, ...: not a calendar position
        return None
    return None
