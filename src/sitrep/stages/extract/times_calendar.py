"""Explicit calendar dates: "2023-09-19", "Sept. 19-21", "March 2023", "1990s", "the 20th century",
a year spoken in words, and named days ("Black Monday", Christmas, Easter).

Each family registers its patterns on a :class:`~times_fragments.RuleBase`; the handlers turn a
match into a :class:`Meaning` with an explicit value or a month and day to anchor.
"""

from __future__ import annotations

import re

from sitrep.stages.extract.times_fragments import DIRECTIONS, Fragments, RuleBase
from sitrep.stages.extract.times_lexicon import alternation as alt
from sitrep.stages.extract.times_lexicon import number_value
from sitrep.stages.extract.times_select import Meaning


class CalendarRules(RuleBase):
    """Patterns and handlers of explicit dates, months, years, decades and named days."""

    def _add_dates(self, f: Fragments) -> None:
        add = self._add
        month, month_full, full, day, year = f.month, f.month_full, f.full, f.day, f.year
        weekday_prefix, wday, seasons = f.weekday_prefix, f.wday, f.seasons
        spoken_year, decade_words = f.spoken_year, f.decade_words
        add(
            "iso_date",
            r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>\d\d):(?P<mi>\d\d))?",
            self._iso,
            1,
        )
        add(
            "numeric_date",
            # "9/19/2023", "19.09.2023", "7/8/07" (a two-digit year only with slashes)
            r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[6-9]|20)\d\d)"
            r"|(?P<a2>[0-3]?\d)/(?P<b2>[0-3]?\d)/(?P<yy>\d\d)(?![/\d])",
            self._numeric,
            1,
        )
        # Ranges give one expression per end, as TimeML annotates them.
        add(
            "month_day_range",
            rf"{month}\s*{day}\s*(?:[-–]|\s(?:and|or|to|through)\s)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?!\s*(?:%|percent|per\b|[.,]\d))(?:\s*,?\s*{year})?",
            self._range,
            1,
        )
        add(
            "day_range_month",
            rf"{day}\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{month}(?:\s*,?\s*{year})?",
            self._range,
            1,
        )
        add(
            "day_range_month_words",
            # "from 5 to 7 May", "between 5 and 7 May 2023": words join the days only after
            # "from" or "between", where the first number cannot be a count of something.
            rf"(?:(?<=\bfrom\s)|(?<=\bbetween\s)){day}\s+(?:to|and|through|until|till)\s+"
            rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{month}(?:\s*,?\s*{year})?",
            self._range,
            1,
        )
        add("year_range", rf"{year}\s*[-–]\s*(?P<y2>\d\d(?:\d\d)?)", self._range, 1)
        add(
            "day_of_month",
            r"(?<=\bon\s)the\s+(?P<dn>[0-3]?\d)(?:st|nd|rd|th)"
            r"(?!\s+(?:century|centuries|of|anniversary|time|day|round|floor|minute|place))",
            lambda m: Meaning("relative", unit="day", amount=0, day=int(m["dn"])),
            3,
        )
        add(
            "month_day_year",
            rf"{weekday_prefix}{month}\s*{day}(?:\s*,\s*|\s+|\s*\(\s*){year}\)?",
            self._month_day,
            1,
        )
        add(
            "day_month_year",
            rf"{weekday_prefix}(?:the\s+)?{day}(?:\s+of)?\s+{month}\s*,?\s*{year}",
            self._month_day,
            1,
        )
        add("month_day", rf"{weekday_prefix}{month}\s*{day}(?![\d,]\d)", self._month_day, 2)
        # "the last week of March", "the first week of May 2023": a week of that month.
        add(
            "week_of_month",
            rf"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+{month_full}"
            rf"(?:\s*,?\s*{year})?",
            self._week_of_month,
            1,
        )
        # "the week of March 6": the week that day falls in.
        add(
            "week_of",
            rf"(?:the\s+)?week\s+of\s+{month}\s*{day}(?:\s*,\s*{year})?(?![\d,]\d)",
            self._week_of,
            1,
        )
        add(
            "day_month",
            rf"{weekday_prefix}(?:the\s+)?{day}(?:\s+of)?\s+{month}",
            self._month_day,
            2,
        )
        add("month_year", rf"{month}\s*,?\s*(?:of\s+)?{year}", self._month_year, 2)
        add(
            "relative_month",
            rf"(?P<rel>last|this|next|past|previous|coming)\s+{month_full}",
            self._month_alone,
            2,
        )
        add(
            "month_relative_year",
            rf"{month_full}\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year",
            self._month_year,
            2,
        )
        # A bare month name before "for/of/on/against" and a capitalised word names a march
        # or an event ("the annual March for Life", "the March of the Mothers"), not a month.
        add(
            "month",
            rf"{month_full}(?!\s+(?:for|of|on|against)\s+(?:the\s+)?(?!(?:{wday}|{full})\b)(?-i:[A-Z]))",
            self._month_alone,
            4,
        )
        add("year", rf"(?:(?P<fiscal>fiscal|calendar)\s+)?{year}(?!\s*%|\s*-\s*\d)", self._year, 4)
        add("decade", r"(?:the\s+)?(?:(?P<c>1[0-9]|20)(?P<d>\d)0|'(?P<d2>\d)0)'?s", self._decade, 3)
        # "the 70s and 80s": a decade without its century is the 1900s'.
        add("short_decade", r"(?:(?<=\bthe\s)|(?<=\d0s\sand\s))(?P<d2>[2-9])0s", self._decade, 3)
        # "since '82": a year without its century, after a preposition.
        add(
            "short_year",
            r"(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bto\s)|(?<=\bby\s)|(?<=\bsince\s)|(?<=\buntil\s)"
            r"|(?<=\bafter\s)|(?<=\bfrom\s))'(?P<yy>\d\d)(?![\w%'’-])",
            self._short_year,
            3,
        )
        add("spoken_year", rf"(?:the\s+year\s+)?{spoken_year}", self._spoken_year, 3)
        # "January nineteen ninety-seven", "the winter of nineteen ninety-four"
        add(
            "spoken_month_year",
            rf"(?:{month_full}|(?:the\s+)?(?P<season>{seasons}))\s+(?:of\s+)?{spoken_year}",
            self._spoken_month_year,
            2,
        )
        add("decade_word", rf"(?:the\s+)?(?P<dw>{alt(decade_words)})", self._decade_word, 3)
        add("century", r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century", self._century, 3)

    def _add_named_days(self, f: Fragments) -> None:
        add, lex, year, hol = self._add, self.lexicon, f.year, f.hol
        # "Black Monday", "Bloody Sunday", "Super Tuesday": names of days whose date the
        # calendar does not give; they are no weekday near the publication date.
        if lex.named_days:
            # (its own pattern: the name may open a quotation, "'Black Monday'")
            named_day = re.compile(rf"(?<!\w)(?:{alt(list(lex.named_days))})(?!\w)", re.I)
            self.patterns.append(("named_day", named_day, self._named_day, 1))
            self.patterns_by_name["named_day"] = named_day
        # "the Good Friday Agreement" is a treaty, not a day.
        add(
            "holiday",
            rf"(?P<name>{hol})(?:\s*,?\s*{year})?(?!\s+(?:agreement|accord)\b)",
            self._holiday,
            2,
        )

    def _iso(self, m: re.Match[str]) -> Meaning | None:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        if m["h"]:
            return Meaning(
                "value", type="TIME", value=f"{y:04d}-{mo:02d}-{d:02d}T{m['h']}:{m['mi']}"
            )
        return Meaning("value", value=f"{y:04d}-{mo:02d}-{d:02d}", extra={"day": (y, mo, d)})

    def _numeric(self, m: re.Match[str]) -> Meaning | None:
        if m["yy"]:
            yy = int(m["yy"])
            a, b, y = int(m["a2"]), int(m["b2"]), (1900 if yy >= 30 else 2000) + yy
        else:
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
            return None
        if a <= 12 and b <= 12 and a != b:
            # Both readings are valid: the stage's configured order decides.
            return Meaning("numeric", month=a, day=b, year=y, code=m["sep"])
        mo, d = (a, b) if b > 12 else (b, a)
        return Meaning("value", value=f"{y:04d}-{mo:02d}-{d:02d}", extra={"day": (y, mo, d)})

    def _range(self, m: re.Match[str]) -> Meaning | None:
        """Both ends of "Sept. 19-21", "19-21 September 2023" or "1992-94"."""
        groups = m.groupdict()
        if groups.get("y2"):
            first = int(m["year"])
            tail = m["y2"]
            second = int(tail) if len(tail) == 4 else (first // 100) * 100 + int(tail)
            if not first < second <= first + 100:
                return None
            ends = [(m.start("year"), m.end("year"), first), (m.start("y2"), m.end("y2"), second)]
            pieces = [(s, e, Meaning("value", value=f"{y:04d}")) for s, e, y in ends]
            return Meaning("range", extra={"pieces": pieces})
        d1, d2 = int(m["day"]), int(m["day2"])
        if not 1 <= d1 < d2 <= 31:
            return None
        month = self._month_number(m)
        year = int(groups["year"]) if groups.get("year") else None
        meanings = []
        for d in (d1, d2):
            if year is not None:
                meanings.append(
                    Meaning(
                        "value",
                        value=f"{year:04d}-{month:02d}-{d:02d}",
                        extra={"day": (year, month, d)},
                    )
                )
            else:
                meanings.append(Meaning("monthday", month=month, day=d))
        if m.start("month") < m.start("day"):
            # "Sept. 19-21, 2023": "Sept. 19" and "21, 2023".
            spans = [(m.start(), m.end("day")), (m.start("day2"), m.end())]
        else:
            # "19-21 September 2023": "19" and "21 September 2023".
            spans = [(m.start("day"), m.end("day")), (m.start("day2"), m.end())]
        pieces = [(s, e, meaning) for (s, e), meaning in zip(spans, meanings, strict=True)]
        return Meaning("range", extra={"pieces": pieces})

    def _month_day(self, m: re.Match[str]) -> Meaning | None:
        d = int(m["day"])
        if not 1 <= d <= 31:
            return None
        month = self._month_number(m)
        groups = m.groupdict()
        if groups.get("year"):
            y = int(groups["year"])
            return Meaning(
                "value", value=f"{y:04d}-{month:02d}-{d:02d}", extra={"day": (y, month, d)}
            )
        wd = (groups.get("wd") or "").lower().rstrip(".")
        weekday = self.lexicon.weekdays.get(wd) or self.lexicon.weekday_abbreviations.get(wd) or 0
        return Meaning("monthday", month=month, day=d, weekday=weekday)

    def _week_of_month(self, m: re.Match[str]) -> Meaning:
        month = self._month_number(m)
        # The week around the 4th, 11th, 18th or 25th; the last one around the 4th-last day.
        nth = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["ord"].lower(), -1)
        if m["year"]:
            meaning = Meaning("value", value=f"{int(m['year']):04d}-{month:02d}")
        else:
            meaning = Meaning("month", month=month)
        meaning.extra["week_of_month"] = nth
        return meaning

    def _week_of(self, m: re.Match[str]) -> Meaning | None:
        meaning = self._month_day(m)
        if meaning is not None:
            meaning.extra["unit"] = "week"
        return meaning

    def _month_year(self, m: re.Match[str]) -> Meaning:
        groups = m.groupdict()
        if groups.get("yrel"):
            shift = {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
            return Meaning("month", month=self._month_number(m), direction="year", amount=shift)
        return Meaning("value", value=f"{int(m['year']):04d}-{self._month_number(m):02d}")

    def _month_alone(self, m: re.Match[str]) -> Meaning:
        rel = (m.groupdict().get("rel") or "").lower()
        direction = DIRECTIONS.get(rel, "")
        return Meaning("month", month=self._month_number(m), direction=direction)

    def _year(self, m: re.Match[str]) -> Meaning:
        return Meaning("value", value=m["year"], extra={"bare_year": not m["fiscal"]})

    def _decade(self, m: re.Match[str]) -> Meaning:
        if m.groupdict().get("c"):
            return Meaning("value", value=f"{m['c']}{m['d']}")
        return Meaning("value", value=f"19{m['d2']}")

    def _short_year(self, m: re.Match[str]) -> Meaning:
        yy = int(m["yy"])
        return Meaning("value", value=f"{19 if yy >= 30 else 20}{yy:02d}")

    def _spoken_month_year(self, m: re.Match[str]) -> Meaning | None:
        year = self._spoken_year(m)
        if year is None:
            return None
        if m["season"]:
            code = self.lexicon.seasons[m["season"].lower()]
            return Meaning("value", value=f"{year.value}-{code}")
        return Meaning("value", value=f"{year.value}-{self._month_number(m):02d}")

    def _spoken_year(self, m: re.Match[str]) -> Meaning | None:
        if m["thousand"]:
            rest = number_value(m["trest"], self.lexicon) if m["trest"] else 0
            year = 2000 + (rest or 0)
        else:
            century = number_value(m["cent"], self.lexicon)
            rest = number_value(m["rest"], self.lexicon)
            if century is None or rest is None or not 10 <= century <= 20 or rest >= 100:
                return None
            year = century * 100 + rest
        return Meaning("value", value=f"{year:04d}")

    def _decade_word(self, m: re.Match[str]) -> Meaning | None:
        tens = number_value(m["dw"][:-3] + "y", self.lexicon)
        if tens is None:
            return None
        return Meaning("value", value=f"19{tens // 10}")

    def _century(self, m: re.Match[str]) -> Meaning | None:
        n = int(m["n"])
        if not 1 <= n <= 21:
            return None
        return Meaning("value", value=f"{n - 1:02d}")

    def _named_day(self, m: re.Match[str]) -> Meaning | None:
        """A named day ("Black Monday"): a candidate that hides the weekday and resolves to
        nothing; only with a capital letter ("a black Monday for markets" is a weekday)."""
        return Meaning("name") if m.group(0)[:1].isupper() else None

    def _holiday(self, m: re.Match[str]) -> Meaning:
        name = re.sub(r"\s+", " ", m["name"].lower())
        year = int(m["year"]) if m["year"] else None
        if name in self.lexicon.easter_weeks:
            return Meaning("holiday", year=year, extra={"easter": 0, "week": True})
        if name in self.lexicon.holidays_easter:
            return Meaning(
                "holiday", year=year, extra={"easter": self.lexicon.holidays_easter[name]}
            )
        if name in self.lexicon.holidays:
            month, day = (int(x) for x in self.lexicon.holidays[name].split("-"))
            return Meaning("holiday", month=month, day=day, year=year)
        month, n, weekday = self.lexicon.holidays_nth_weekday[name]
        return Meaning("holiday", month=month, amount=n, weekday=weekday, year=year)
