"""The shared pieces of the time patterns, built once per lexicon.

:class:`Fragments` holds the regular-expression pieces that several pattern families use (a
month, a day, a year, a count, a unit, a season...); :class:`RuleBase` holds the lexicon and
the registered patterns, and registers a pattern. The pattern families themselves live by
concept: :mod:`times_calendar` (explicit dates, months, years, named days),
:mod:`times_relative` (today, last week, three days ago, the next day), :mod:`times_durations`
(durations, sets, vague references), :mod:`times_periods` (quarters, halves, seasons, the year
being reported) and :mod:`times_clock` (clock times); :mod:`times_rules` runs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sitrep.stages.extract.times_lexicon import Lexicon
from sitrep.stages.extract.times_lexicon import alternation as alt
from sitrep.stages.extract.times_select import Meaning

Handler = Callable[[re.Match[str]], Meaning | None]


# "last Tuesday", "next month", "this March": the direction a relative word gives.
DIRECTIONS = {
    "last": "last",
    "past": "last",
    "previous": "last",
    "following": "next",
    "next": "next",
    "coming": "next",
    "this": "this",
}


class Fragments:
    """The regular-expression pieces of one lexicon that the pattern families share."""

    def __init__(self, lex: Lexicon) -> None:
        self.full = full = alt(lex.full_months)
        self.abbr = abbr = alt(lex.month_abbreviations)
        # A month: a full name, or an abbreviation with a full stop or before a number.
        self.month = rf"(?P<month>(?:{full})\b|(?:{abbr})(?:\.|\b(?=\s*\d)))"
        self.month_full = rf"(?P<month>(?:{full}))\b"
        self.wday = wday = alt(list(lex.weekdays))
        self.wday_abbr = wday_abbr = alt(list(lex.weekday_abbreviations))
        self.weekday_prefix = rf"(?:(?P<wd>{wday}|(?:{wday_abbr})\.?)\s*,?\s+)?"
        self.day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        self.year = r"(?P<year>(?:1[6-9]|20)\d\d)"
        self.units = units = alt(list(lex.units))
        self.unit = rf"(?P<unit>{units})s?"
        self.tens = tens = [
            w for w, v in lex.numbers.items() if v >= 20 and v % 10 == 0 and v < 100
        ]
        self.ones = ones = [
            w for w, v in lex.numbers.items() if 1 <= v <= 9 and len(w) > 2 and " " not in w
        ]
        small = [w for w, v in lex.numbers.items() if len(w) > 2 and w not in tens]
        num_word = rf"(?:(?:{alt(tens)})(?:[-\s](?:{alt(ones)}))?|{alt(small)}|an?)"
        self.number = rf"(?P<num>\d+(?:\.\d+)?|{num_word}|{alt(lex.vague_numbers)})"
        self.seasons = alt(list(lex.seasons))
        self.seasons_no_fall = alt([w for w in lex.seasons if w != "fall"])
        self.parts = alt(list(lex.parts_of_day))
        self.ordinal = alt(list(lex.ordinals))
        # "the 1988 third quarter", "next year's first quarter": the year before the quarter.
        self.year_before = (
            r"(?:(?P<year0>(?:1[6-9]|20)\d\d)\s+|(?P<rel0>this|last|next)\s+year['’]s\s+)?"
        )
        # Adjectives between a count and its unit: "six straight days", "five trading days";
        # "an additional year", "two extra weeks" are durations of that count (TimeML P1Y, P2W).
        self.counted = (
            r"(?:straight|consecutive|successive|trading|business|working|full|long"
            r"|additional|extra)"
        )
        # Approximations belong to "N units ago" spans, not to durations ("about [two weeks]").
        self.approx = (
            r"(?:(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|less\s+than"
            r"|at\s+least|over|under|up\s+to|just|only)\s+)?"
        )
        self.teens = teens = [w for w, v in lex.numbers.items() if 10 <= v <= 19]
        spoken_rest = rf"(?:(?:{alt(tens)})(?:[-\s](?:{alt(ones)}))?|{alt(teens)})"
        self.spoken_year = (
            rf"(?:(?P<cent>{alt(teens)})[-\s]+(?P<rest>{spoken_rest})"
            rf"|(?P<thousand>two\s+thousand(?:\s+(?:and\s+)?(?P<trest>{spoken_rest}|{alt(ones)}))?))"
            # "two thousand years" is a count
            rf"(?!\s+(?:{units})s?\b)"
        )
        self.decade_words = [w[:-1] + "ies" for w in tens]
        self.hol = alt(
            list(lex.holidays)
            + list(lex.holidays_nth_weekday)
            + list(lex.holidays_easter)
            + list(lex.easter_weeks)
        )


class RuleBase:
    """The lexicon and the registered patterns, which each pattern family adds to."""

    lexicon: Lexicon
    _counted: re.Pattern[str]
    patterns: list[tuple[str, re.Pattern[str], Handler, int]]
    patterns_by_name: dict[str, re.Pattern[str]]

    def _add(
        self, name: str, pattern: str, handler: Handler, priority: int = 5, flags: int = re.I
    ) -> None:
        compiled = re.compile(rf"(?<![\w'’])(?<!\d-)(?:{pattern})(?![\w])", flags)
        self.patterns.append((name, compiled, handler, priority))
        self.patterns_by_name[name] = compiled

    def _month_number(self, m: re.Match[str]) -> int:
        return self.lexicon.months[m["month"].lower().rstrip(".")]

    def _unit_of(self, word: str) -> str:
        """The singular of a unit word ("centuries" -> "century", "days" -> "day")."""
        word = word.lower()
        return word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")
