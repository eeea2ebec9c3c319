"""Anchoring: turning what a time expression means into a TimeML value.

Expressions are resolved in text order. Deictic ones ("yesterday", "last week", "Tuesday")
are anchored on the publication date; anaphoric ones ("the next day", "a year earlier",
"hours later") on the last time the text mentioned (the *reference time*), else on the
publication date with a coarser precision. Without a publication date, relative values keep
``X`` placeholders and :attr:`Context.unanchored` is set so the stage can warn.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sitrep.stages.extract.times_anchor import (
    COARSER,
    UNDATED,
    add_months,
    date_near,
    day_of_month_near,
    month_near,
    nth_weekday,
    precision_of,
    quarter_of,
    shift,
    value_at,
    weekday_near,
)
from sitrep.stages.extract.times_select import Meaning

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@dataclass
class Resolved:
    type: str
    value: str
    precision: str | None
    basis: str
    """text: the value is in the words; publication: anchored on the publication date;
    reference: anchored on an earlier time in the text; none: no anchor (X placeholders)."""


@dataclass
class Context:
    published: date | None
    ref_day: date | None = None
    ref_unit: str = "day"
    ref_quarter: tuple[int, int] | None = None
    quarter_end: int = 0
    ref_end: int = 0
    position: int = 0
    """Where the expression being resolved starts."""
    day_first: bool = False
    """Read ambiguous numeric dates (03/04/2023) day first."""
    window: int = 400
    """How far back (characters) a reference time may be for "the next day", "hours earlier"."""
    unanchored: bool = False


def _point_unit(unit: str) -> str:
    return {
        "hour": "day",
        "minute": "day",
        "second": "day",
        "night": "day",
        "fortnight": "week",
    }.get(unit, unit)


def resolve(meaning: Meaning, ctx: Context, tense: str) -> Resolved | None:
    """The value of ``meaning`` in context ``ctx``; ``tense`` is past, present or future.

    None when the words name no real date ("September 31", "2023-02-30").
    """
    try:
        result = _resolve(meaning, ctx, tense)
    except (ValueError, OverflowError):
        return None
    if result is not None and result.value.startswith("X") and result.value not in REFS:
        ctx.unanchored = True
    return result


def _remember(ctx: Context, day: date, unit: str) -> None:
    ctx.ref_day, ctx.ref_unit, ctx.ref_end = day, unit, ctx.position
    if unit == "quarter":
        ctx.ref_quarter, ctx.quarter_end = (day.year, quarter_of(day)), ctx.position


def _with_part(value: str, part: str) -> str:
    return f"{value}T{part}" if part and len(value) == 10 else value


def _resolve(m: Meaning, ctx: Context, tense: str) -> Resolved | None:
    day_shift = m.extra.get("day_shift")
    if isinstance(day_shift, int):
        # "the day before last Tuesday": the day named, moved by one.
        named = _resolve_point(replace(m, extra={**m.extra, "day_shift": None}), ctx, tense)
        if named is None or not named.value[:4].isdigit() or len(named.value) != 10:
            return named
        moved = date.fromisoformat(named.value) + timedelta(days=day_shift)
        _remember(ctx, moved, "day")
        return Resolved("DATE", moved.isoformat(), "day", named.basis)
    clock = m.extra.get("clock")
    if clock is not None:
        # "10 p.m. Wednesday": the day's value with the time of day.
        day = _resolve_point(m, ctx, tense)
        if day is None:
            return None
        return Resolved("TIME", f"{day.value[:10]}T{clock}", "minute", day.basis)
    return _resolve_point(m, ctx, tense)


def _resolve_point(m: Meaning, ctx: Context, tense: str) -> Resolved | None:
    dct = ctx.published
    kind = m.kind
    if m.extra.get("unit") == "week":
        # "the week of March 6": the ISO week of the day named.
        day_value = _resolve_point(replace(m, extra={}), ctx, tense)
        if day_value is None:
            return None
        if not day_value.value[:4].isdigit():
            return Resolved("DATE", UNDATED["week"], "week", "none")
        value = value_at(date.fromisoformat(day_value.value[:10]), "week")
        return Resolved("DATE", value, "week", day_value.basis)
    nth = m.extra.get("week_of_month")
    if isinstance(nth, int):
        month_value = _resolve_point(replace(m, extra={}), ctx, tense)
        if month_value is None:
            return None
        if not month_value.value[:4].isdigit():
            return Resolved("DATE", UNDATED["week"], "week", "none")
        first = date(int(month_value.value[:4]), int(month_value.value[5:7]), 1)
        if nth > 0:
            middle = first + timedelta(days=7 * nth - 4)
        else:
            middle = add_months(first, 1) - timedelta(days=4)
        return Resolved("DATE", value_at(middle, "week"), "week", month_value.basis)
    if kind == "value":
        day = m.extra.get("day")
        if day is not None:
            _remember(ctx, date(*day), "day")
        elif m.type == "DATE" and len(m.value) == 7 and m.value[4] == "-" and m.value[5:].isdigit():
            _remember(ctx, date(int(m.value[:4]), int(m.value[5:]), 1), "month")
        elif m.type == "DATE" and len(m.value) == 4 and m.value.isdigit():
            _remember(ctx, date(int(m.value), 1, 1), "year")
        return Resolved(m.type, m.value, precision_of(m.value), "text")

    if kind == "numeric":
        # 03/04/2023: month first unless the stage is configured day first. A dotted date
        # (03.04.2023) is day first wherever dots are the convention (German, Russian,
        # Turkish, Ukrainian usage); month-first writing uses slashes.
        day_first = ctx.day_first or m.code == "."
        month, day_number = (m.day, m.month) if day_first else (m.month, m.day)
        year = m.year or 0
        _remember(ctx, date(year, month, day_number), "day")
        return Resolved("DATE", f"{year:04d}-{month:02d}-{day_number:02d}", "day", "text")

    if kind == "monthday":
        if dct is None:
            value = f"XXXX-{m.month:02d}-{m.day:02d}"
            return Resolved("DATE", value, "day", "none")
        direction = {"past": "past", "future": "future"}.get(tense, "near")
        found = date_near(dct, m.month, m.day, direction, m.weekday or None)
        if found is None:
            return None
        _remember(ctx, found, "day")
        return Resolved("DATE", found.isoformat(), "day", "publication")

    if kind == "month":
        if dct is None:
            return Resolved("DATE", f"XXXX-{m.month:02d}", "month", "none")
        if m.direction == "year":
            year = dct.year + (m.amount or 0)
        elif m.direction == "last":
            year = dct.year if m.month < dct.month else dct.year - 1
        elif m.direction == "next":
            year = dct.year if m.month > dct.month else dct.year + 1
        elif m.direction == "this":
            year = dct.year
        else:
            year = month_near(dct, m.month, {"past": "past", "future": "future"}.get(tense, "near"))
        _remember(ctx, date(year, m.month, 1), "month")
        return Resolved("DATE", f"{year:04d}-{m.month:02d}", "month", "publication")

    if kind == "weekday":
        if dct is None:
            value = f"XXXX-WXX-{m.weekday}" + (f"T{m.part}" if m.part else "")
            return Resolved(m.type, value, "day", "none")
        found_day: date | None
        if m.day:
            found_day = day_of_month_near(dct, m.day, m.weekday)
        elif m.direction in ("last", "next"):
            origin = dct
            if m.base == "reference" and ctx.ref_unit == "day":
                origin = _anchor(ctx, "reference")[0] or dct
            found_day = weekday_near(origin, m.weekday, m.direction)
        else:
            found_day = weekday_near(
                dct, m.weekday, {"future": "future", "past": "past"}.get(tense, "near")
            )
        if found_day is None:
            return None
        _remember(ctx, found_day, "day")
        value = _with_part(found_day.isoformat(), m.part)
        return Resolved(m.type, value, precision_of(value), "publication")

    if kind == "relative":
        unit = m.unit
        anchor, basis = _anchor(ctx, m.base)
        if anchor is None:
            value = _with_part(UNDATED[unit], m.part)
            return Resolved(m.type, value, precision_of(value), "none")
        target = shift(anchor, unit, m.amount or 0)
        if m.day and unit == "day" and m.amount == 0:
            target = day_of_month_near(anchor, m.day) or target
        if unit not in ("weekend",):
            _remember(ctx, target, unit)
        value = _with_part(value_at(target, unit), m.part)
        return _coarse(Resolved(m.type, value, precision_of(value), basis))

    if kind in ("offset", "anaphor"):
        unit = _point_unit(m.unit)
        anchor, basis = _anchor(ctx, m.base if kind == "offset" else "reference")
        if kind == "anaphor" and unit == "day" and basis == "reference" and ctx.ref_unit != "day":
            if ctx.ref_unit == "month" and m.extra.get("same") and anchor is not None:
                # "that same day" after "last October": a day of that month, unknown ("that day"
                # alone is more often the day of the report).
                value = _with_part(value_at(anchor, "month") + "-XX", m.part)
                return Resolved(m.type, value, "month", basis)
            # "that day", "the next day" after "in March": the month says no day.
            anchor, basis = ctx.published, "publication_fallback"
        if m.amount is None:
            if basis != "reference" and m.base == "publication":
                value = "PAST_REF" if m.extra.get("sign", -1) < 0 else "FUTURE_REF"
                return Resolved("DATE", value, None, "text")
            # "hours later", "days earlier": near the reference time, at a coarser grain.
            unit = (
                {"day": "week", "week": "month", "month": "year"}.get(unit, unit)
                if m.unit != "hour"
                else "day"
            )
            if anchor is None:
                return Resolved("DATE", UNDATED[unit], precision_of(UNDATED[unit]), "none")
            return _coarse(
                Resolved(
                    "DATE", value_at(anchor, unit), precision_of(value_at(anchor, unit)), basis
                )
            )
        if anchor is None:
            value = _with_part(UNDATED[unit], m.part)
            return Resolved(m.type, value, precision_of(value), "none")
        if m.extra.get("reported") and dct is not None and anchor.year > dct.year:
            anchor, basis = dct, "publication"
        if (
            unit == "year"
            and kind == "offset"
            and ctx.ref_quarter is not None
            and ctx.position - ctx.quarter_end <= ctx.window
        ):
            # "a year ago" in a text about a quarter: the same quarter a year before.
            unit = "quarter"
            year, number = ctx.ref_quarter
            target = shift(date(year, 3 * number - 2, 1), "year", m.amount)
        else:
            target = shift(anchor, unit, m.amount)
        if kind == "anaphor":
            _remember(ctx, target, unit)
        value = _with_part(value_at(target, unit), m.part)
        return _coarse(Resolved(m.type, value, precision_of(value), basis))

    if kind == "apposition":
        # "March 3, the day before the vote": the time just named.
        if ctx.ref_day is None or ctx.ref_unit not in ("day", "month"):
            return None
        value = value_at(ctx.ref_day, ctx.ref_unit)
        return Resolved("DATE", value, ctx.ref_unit, "reference")

    if kind == "quarter":
        return _quarter(m, ctx, tense)

    if kind == "same_period":
        return _same_period(m, ctx)

    if kind == "season":
        if dct is None:
            return Resolved("DATE", f"XXXX-{m.code}", "year", "none")
        start_month = SEASON_MONTHS[m.code]
        year = dct.year
        amount = m.amount or 0
        if amount < 0 and (start_month > dct.month or (start_month <= dct.month < start_month + 3)):
            year -= 1
        elif amount > 0 and start_month <= dct.month:
            year += 1
        # A season without a year is anchored like a month name (TimeML: the tense of the
        # clause gives the direction from the publication date).
        elif amount == 0 and tense == "past" and start_month > dct.month:
            year -= 1  # "fighting eased in the summer" written in January: last summer
        elif amount == 0 and tense == "future" and start_month + 2 < dct.month:
            year += 1  # "talks will resume in the spring" written in November: next spring
        return Resolved("DATE", f"{year:04d}-{m.code}", "year", "publication")

    if kind == "clock":
        time = str(m.extra["time"])
        near = ctx.ref_day is not None and ctx.position - ctx.ref_end <= ctx.window
        near = near and not m.extra.get("stamp")
        day = ctx.ref_day if near and ctx.ref_unit == "day" else dct
        if day is None:
            return Resolved("TIME", f"XXXX-XX-XXT{time}", "minute", "none")
        return Resolved("TIME", f"{day.isoformat()}T{time}", "minute", "publication")

    if kind == "weekend":
        if dct is None:
            return Resolved("DATE", UNDATED["weekend"], "week", "none")
        saturday = weekday_near(dct, 6, "future" if tense == "future" else "past")
        return Resolved("DATE", value_at(saturday, "weekend"), "week", "publication")

    if kind == "partofday":
        # "in the early afternoon": a part of the day the text is about (as for a clock time)
        near = ctx.ref_day is not None and ctx.position - ctx.ref_end <= ctx.window
        day = ctx.ref_day if near and ctx.ref_unit == "day" else dct
        if day is None:
            return Resolved("TIME", f"XXXX-XX-XXT{m.part}", "hour", "none")
        return Resolved("TIME", f"{day.isoformat()}T{m.part}", "hour", "publication")

    if kind == "holiday" and "easter" in m.extra:
        return _movable_feast(m, ctx, tense)

    if kind == "holiday":
        if m.year is None and dct is None:
            return Resolved(
                "DATE",
                f"XXXX-{m.month:02d}-{m.day:02d}" if m.day else f"XXXX-{m.month:02d}",
                None,
                "none",
            )
        years = (
            [m.year]
            if m.year is not None
            else [dct.year - 1, dct.year, dct.year + 1]
            if dct
            else []
        )
        days = [
            date(y, m.month, m.day) if m.day else nth_weekday(y, m.month, m.amount or 1, m.weekday)
            for y in years
        ]
        found = _nearest_holiday(days, dct, tense)
        _remember(ctx, found, "day")
        return Resolved("DATE", found.isoformat(), "day", "text" if m.year else "publication")
    return None


def _nearest_holiday(days: list[date], dct: date | None, tense: str) -> date:
    """Of a holiday's dates in neighbouring years, the one the tense points to: on or before
    the publication date in the past tense, on or after it in the future, else the nearest."""
    if dct is None or len(days) == 1:
        return days[0]
    if tense in ("past", "future"):
        days = [d for d in days if (d >= dct if tense == "future" else d <= dct)] or days
    return min(days, key=lambda d: abs((d - dct).days))


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _movable_feast(m: Meaning, ctx: Context, tense: str) -> Resolved:
    """Easter and the days and weeks counted from it ("Good Friday", "Holy Week")."""
    dct = ctx.published
    week = bool(m.extra.get("week"))
    unit = "week" if week else "day"
    if m.year is not None:
        years = [m.year]
    elif dct is not None:
        years = [dct.year - 1, dct.year, dct.year + 1]
    else:
        return Resolved("DATE", UNDATED[unit], unit, "none")
    # a week from its Monday: "Holy Week began" (on the publication day) is this year's
    offset = int(m.extra["easter"]) - (6 if week else 0)
    days = [easter_sunday(y) + timedelta(days=offset) for y in years]
    found = _nearest_holiday(days, dct, tense)
    _remember(ctx, found, unit)
    basis = "text" if m.year else "publication"
    return Resolved("DATE", value_at(found, unit), unit, basis)


def _anchor(ctx: Context, base: str) -> tuple[date | None, str]:
    if base == "reference" and ctx.ref_day is not None and ctx.position - ctx.ref_end <= ctx.window:
        return ctx.ref_day, "reference"
    if base == "reference":
        return ctx.published, "publication_fallback"
    return ctx.published, "publication"


def _coarse(resolved: Resolved) -> Resolved:
    """An anaphor anchored on the publication date for want of a reference: coarser precision."""
    if resolved.basis == "publication_fallback":
        precision = COARSER.get(resolved.precision or "", resolved.precision)
        return Resolved(resolved.type, resolved.value, precision, "publication")
    return resolved


def _quarter(m: Meaning, ctx: Context, tense: str) -> Resolved | None:
    dct = ctx.published
    relative = bool(m.extra.get("relative"))
    if relative:
        if dct is None:
            return Resolved("DATE", "XXXX-QX", "year", "none")
        target = shift(dct, "quarter", m.amount or 0)
        _remember(ctx, target, "quarter")
        return Resolved("DATE", value_at(target, "quarter"), "year", "publication")
    number = m.amount
    year_ago = bool(m.extra.get("year_ago"))
    if number is None:
        # "the quarter", "the year-ago period", "the 1988 period", "last year's quarter":
        # the quarter the text is talking about, in the year the words give.
        if ctx.ref_quarter is None:
            return None
        year, number = ctx.ref_quarter
        year_shift = m.extra.get("year_shift")
        if m.year is not None:
            year = m.year
        elif isinstance(year_shift, int) and dct is not None:
            year = dct.year + year_shift
        if year_ago:
            year -= 1
        elif m.year is None and year_shift is None:
            # "the quarter" names the quarter in question again: it stays the reference
            ctx.quarter_end = ctx.position
        return Resolved("DATE", f"{year:04d}-Q{number}", "year", "reference")
    if m.year is not None:
        year = m.year
    elif dct is None:
        return Resolved("DATE", f"XXXX-Q{number}", "year", "none")
    else:
        current = quarter_of(dct)
        year_shift = m.extra.get("year_shift")
        if isinstance(year_shift, int):
            year = dct.year + year_shift
        elif number <= current or tense != "past":
            year = dct.year
        else:
            year = dct.year - 1
    if not year_ago:
        ctx.ref_quarter, ctx.quarter_end = (year, number), ctx.position
        ctx.ref_day, ctx.ref_unit = date(year, 3 * number - 2, 1), "quarter"
    else:
        year -= 1
    return Resolved("DATE", f"{year:04d}-Q{number}", "year", "text" if m.year else "publication")


def _same_period(m: Meaning, ctx: Context) -> Resolved | None:
    """ "the same period a year earlier", "the quarter a year ago": the period the text is
    about (its last quarter, month or week; for "period" or "time", whatever it last named),
    ``m.amount`` years away."""
    years = m.amount or 0
    recent = ctx.ref_day is not None and ctx.position - ctx.ref_end <= ctx.window
    unit = m.unit if m.unit in ("quarter", "month", "week") else ""
    if not unit:
        unit = ctx.ref_unit if recent and ctx.ref_unit in ("quarter", "month", "week") else "year"
    if unit == "quarter" and ctx.ref_quarter is not None:
        year, number = ctx.ref_quarter
        return Resolved("DATE", f"{year + years:04d}-Q{number}", "year", "reference")
    anchor = ctx.ref_day if recent else ctx.published
    if anchor is None:
        return Resolved("DATE", UNDATED[unit], precision_of(UNDATED[unit]), "none")
    value = value_at(shift(anchor, "year", years), unit)
    return Resolved("DATE", value, precision_of(value), "reference" if recent else "publication")
