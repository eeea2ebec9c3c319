"""Periods of a year: quarters ("the third quarter", "the year-ago quarter"), halves, seasons
("last summer", "the fall of 1998"), the weekend, year-end, and the year a text reports on
("for the year", "the same period a year earlier").
"""

from __future__ import annotations

import re

from sitrep.stages.extract.times_fragments import Fragments, RuleBase
from sitrep.stages.extract.times_select import Meaning


class PeriodRules(RuleBase):
    """Patterns and handlers of quarters, halves, seasons and reported years."""

    def _add_periods(self, f: Fragments) -> None:
        add = self._add
        year, year_before, ordinal, seasons, seasons_no_fall = (
            f.year,
            f.year_before,
            f.ordinal,
            f.seasons,
            f.seasons_no_fall,
        )
        add(
            "quarter",
            rf"(?:the\s+)?{year_before}(?:(?:fiscal|calendar)\s+)?(?:(?P<yearago>year-(?:ago|earlier))\s+)?(?P<ord>{ordinal})[-\s]+quarter(?:\s+of\s+(?:{year}|(?P<rel>this|last|next)\s+year))?",
            self._quarter,
            2,
        )
        add(
            "quarter_anaphor",
            r"(?:the\s+(?:(?P<year0>(?:1[6-9]|20)\d\d)\s+)?|(?P<rel0>this|last|next)\s+year['’]s\s+)"
            r"(?:(?P<yearago>year-(?:ago|earlier))\s+)?(?:(?P<latest>latest|most\s+recent)\s+|current\s+|same\s+)?(?:quarter|period)",
            self._quarter,
            4,
        )
        add(
            "half_year",
            rf"(?:the\s+)?(?:(?P<h>first|second|last|latter)\s+half|(?P<q>first|last)\s+two\s+quarters)"
            rf"\s+of\s+(?:(?:fiscal|calendar)\s+)?{year}",
            self._half_year,
            2,
        )
        # "the same period a year earlier", "the quarter a year ago", "the corresponding
        # period last year": the period the text is about, a year before.
        add(
            "same_period_ago",
            r"the\s+(?:(?:same|comparable|corresponding|year-earlier|year-ago)\s+)?(?P<u>quarter|period|month|week|time)"
            r"\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?(?:the\s+)?(?:last|previous|prior)\s+year|the\s+year\s+before)",
            lambda m: Meaning("same_period", unit=m["u"].lower(), amount=-1),
            2,
        )
        # "for the year ended Sept. 30": a year-long period; "for the year", "throughout the
        # fiscal year": the year the text is about.
        add(
            "the_year",
            r"(?P<ended>the\s+(?:(?:fiscal|full|entire|whole|calendar)\s+)?year)"
            r"(?=\s+(?:that\s+)?(?:ended|ending|ends|to\s+date)\b)"
            r"|(?:(?<=\bfor\s)|(?<=\bof\s)|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthroughout\s)|(?<=\bover\s))"
            r"the\s+(?:(?P<adj>fiscal|full|entire|whole|calendar)\s+)?year(?![\w'’-])"
            r"(?!\s+(?:ago|before|after|earlier|later|previous|of|when|that|in|\d))",
            self._the_year,
            5,
        )
        # "by year-end", "around year end", "by year's end": the end of this year; "since
        # year-end": the last one, last year's
        add(
            "year_end",
            r"(?:the\s+)?year(?:['’]s)?[-\s]end(?![\w'’-])",
            lambda m: Meaning(
                "relative",
                unit="year",
                amount=-1
                if re.search(r"\bsince\s+$", m.string[max(0, m.start() - 6) : m.start()])
                else 0,
            ),
            4,
        )
        add("weekend", r"the\s+weekend", lambda m: Meaning("weekend"), 5)
        add("year_ago", r"year-(?:ago|earlier)", self._year_ago, 5)
        add(
            "season",
            rf"(?:(?P<rel>this|last|next|past|this\s+past)\s+)?(?:the\s+)?(?P<season>{seasons})(?:\s+(?:of\s+)?{year})",
            self._season,
            2,
        )
        # A season alone ("over the summer", "Autumn meetings") is this year's; "fall" only
        # as "the fall" (the parse vetoes the verb), and "the summer of discontent" is no date.
        add(
            "season_bare",
            rf"(?:the\s+)?(?P<season>{seasons_no_fall})(?![\w'’-])(?!\s+of\b)|the\s+(?P<fall>fall)(?![\w'’-])(?!\s+of\b)",
            self._season,
            6,
        )

    def _quarter(self, m: re.Match[str]) -> Meaning | None:
        groups = m.groupdict()
        n: int | None = None
        if groups.get("ord"):
            n = self.lexicon.ordinals[m["ord"].lower()]
            if n == -1:
                return Meaning("quarter", amount=-1, extra={"relative": True})
            if not 1 <= n <= 4:
                return None
        year_text = groups.get("year") or groups.get("year0")
        year = int(year_text) if year_text else None
        rel = (groups.get("rel") or groups.get("rel0") or "").lower()
        year_shift = {"this": 0, "last": -1, "next": 1}.get(rel)
        if n is None and groups.get("latest"):
            return Meaning("quarter", amount=-1, extra={"relative": True})
        return Meaning(
            "quarter",
            amount=n,
            year=year,
            extra={"year_shift": year_shift, "year_ago": bool(groups.get("yearago"))},
        )

    def _half_year(self, m: re.Match[str]) -> Meaning:
        first = (m["h"] or m["q"]).lower() == "first"
        return Meaning("value", value=f"{m['year']}-H{1 if first else 2}")

    def _the_year(self, m: re.Match[str]) -> Meaning | None:
        if "Year" in m.group(0):
            return None  # "Person of the Year": a title
        if m["ended"]:
            return Meaning("value", type="DURATION", value="P1Y")
        # The year being reported: never one the text only names as a target ("by 1992").
        return Meaning("anaphor", unit="year", amount=0, extra={"reported": True})

    def _year_ago(self, m: re.Match[str]) -> Meaning:
        return Meaning("offset", unit="year", amount=-1, base="reference", extra={"sign": -1})

    def _season(self, m: re.Match[str]) -> Meaning:
        groups = m.groupdict()
        code = self.lexicon.seasons[(groups.get("season") or groups["fall"]).lower()]
        if groups.get("year"):
            return Meaning("value", value=f"{m['year']}-{code}")
        rel = (groups.get("rel") or "").lower()
        amount = {"this": 0, "last": -1, "past": -1, "this past": -1, "next": 1}.get(rel, 0)
        return Meaning("season", code=code, amount=amount)
