"""Finding time expressions: regular patterns over the text, built from the lexicon.

Each pattern yields a :class:`Candidate`, a span with what it means (:class:`Meaning`: an
explicit date, a weekday, "last week", "three days ago", a duration...). Overlapping
candidates are reduced to the longest ones, left modifiers ("early", "the end of",
"earlier") are attached, and :mod:`times_resolve <sitrep.stages.extract.times_resolve>`
turns each meaning into a TimeML value. Words and names come from
``sitrep/data/times/lexicon.toml``.

The patterns live by concept, one family per module (:mod:`times_calendar`,
:mod:`times_relative`, :mod:`times_durations`, :mod:`times_periods`, :mod:`times_clock`,
sharing :mod:`times_fragments`); :class:`Rules` registers them in a fixed order, runs them
only near the words they need, and marks the words the parse must confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from sitrep.stages.extract.times_calendar import CalendarRules
from sitrep.stages.extract.times_clock import ClockRules
from sitrep.stages.extract.times_durations import DurationRules
from sitrep.stages.extract.times_fragments import DIRECTIONS, Fragments, Handler
from sitrep.stages.extract.times_lexicon import Lexicon, load_lexicon
from sitrep.stages.extract.times_lexicon import alternation as alt
from sitrep.stages.extract.times_periods import PeriodRules
from sitrep.stages.extract.times_relative import RelativeRules
from sitrep.stages.extract.times_select import Candidate

__all__ = ["DIRECTIONS", "WINDOW", "Handler", "Rules", "default_rules"]


class Rules(CalendarRules, RelativeRules, DurationRules, PeriodRules, ClockRules):
    """The compiled patterns of one lexicon; :meth:`candidates` runs them over a text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lex = lexicon
        counts = alt([*lex.numbers, *lex.vague_numbers])
        self._counted = re.compile(rf"(?:\d|\b(?:{counts}))[\s-]+$", re.I)
        self.patterns = []
        self.patterns_by_name = {}
        f = Fragments(lex)
        # The order of registration breaks ties between equal candidates: keep it.
        self._add_dates(f)
        self._add_relative(f)
        self._add_durations(f)
        self._add_periods(f)
        self._add_clocks(f)
        self._add_vague(f)
        self._add_sets(f)
        self._add_named_days(f)
        full, abbr, units, parts, wday, wday_abbr = (
            f.full,
            f.abbr,
            f.units,
            f.parts,
            f.wday,
            f.wday_abbr,
        )
        seasons, teens, decade_words, hol = f.seasons, f.teens, f.decade_words, f.hol

        # Speed: a rule whose matches all contain one of a few words is only run in windows
        # around those words (found with one cheap pattern per word family).
        month_words = rf"(?:{full}|{abbr})"
        unit_words = rf"(?:{units}|{parts}|fortnight)"
        clock_words = r"(?:\d:[0-5]\d|\d\s*[ap]\.?m|noon|midnight|midday|\d{4}\s*(?:UTC|GMT|local))"
        families = {
            month_words: (
                "month_day_year",
                "day_month_year",
                "month_day",
                "week_of",
                "week_of_month",
                "day_month",
                "month_year",
                "relative_month",
                "month_relative_year",
                "month",
            ),
            rf"(?:{wday}|{wday_abbr})": ("weekday", "named_day", "weekday_set"),
            unit_words: (
                "duration_plural",
                "duration",
                "duration_adj",
                "duration_long",
                "duration_vague",
                "offset",
                "vague_offset",
                "anaphor",
                "the_day",
                "set_per",
                "part_of_day",
                "part_modified",
            ),
            r"(?:quarter|period)": ("quarter", "quarter_anaphor"),
            r"year": ("the_year", "same_period_ago", "year_end"),
            r"(?:half|quarters)": ("half_year",),
            r"'\d\d": ("short_year",),
            seasons: ("season", "season_bare"),
            rf"(?:{alt(teens)}|thousand)": ("spoken_year", "spoken_month_year"),
            alt(decade_words): ("decade_word",),
            r"(?:century)": ("century",),
            clock_words: ("clock", "clock_ampm", "clock_day", "noon", "clock_military"),
            r"(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)": ("clock_part",),
            r"(?:1[6-9]|20)\d\d": ("year",),
            r"\d0'?s": ("decade", "short_decade"),
            r"\d[-/.][0-3]?\d": ("iso_date", "numeric_date"),
            r"\d\s*(?:[-–]|\s(?:and|or|to|through)\s)\s*\d": (
                "month_day_range",
                "day_range_month",
                "year_range",
            ),
            r"(?:every|each)": ("set_every", "set_every_n"),
            hol: ("holiday",),
        }
        self.needles: dict[str, re.Pattern[str]] = {}
        for needle, names in families.items():
            compiled_needle = re.compile(needle, re.I)
            for name in names:
                self.needles[name] = compiled_needle

    # -- running ---------------------------------------------------------------------

    def _windows(
        self, name: str, text: str, cache: dict[int, list[tuple[int, int]]]
    ) -> list[tuple[int, int]]:
        """Where rule ``name`` can match: merged windows around its needle words."""
        needle = self.needles.get(name)
        if needle is None:
            return [(0, len(text))]
        key = id(needle)
        if key not in cache:
            merged: list[tuple[int, int]] = []
            for hit in needle.finditer(text):
                start, end = max(0, hit.start() - WINDOW), min(len(text), hit.end() + WINDOW)
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], end)
                else:
                    merged.append((start, end))
            cache[key] = merged
        return cache[key]

    def _matches(
        self,
        name: str,
        pattern: re.Pattern[str],
        text: str,
        cache: dict[int, list[tuple[int, int]]],
    ) -> Iterator[re.Match[str]]:
        for start, end in self._windows(name, text, cache):
            yield from pattern.finditer(text, start, end)

    def candidates(self, text: str) -> Iterator[Candidate]:
        cache: dict[int, list[tuple[int, int]]] = {}
        for name, pattern, handler, priority in self.patterns:
            for m in self._matches(name, pattern, text, cache):
                if _UNIT_COMPOUND.match(text, m.end()):
                    continue  # "the quarter-to-quarter comparison", "day-to-day work"
                meaning = handler(m)
                if meaning is None:
                    continue
                if meaning.kind == "range":
                    month_check: tuple[tuple[int, int, str], ...] = ()
                    if m.groupdict().get("month"):
                        month_check = ((m.start("month"), m.end("month"), "month"),)
                    for piece_start, piece_end, piece in meaning.extra["pieces"]:
                        yield Candidate(piece_start, piece_end, piece, name, priority, month_check)
                    continue
                start, end = m.span()
                checks: list[tuple[int, int, str]] = []
                groups = m.groupdict()
                if groups.get("month"):
                    checks.append((m.start("month"), m.end("month"), "month"))
                if groups.get("wd"):
                    checks.append((m.start("wd"), m.end("wd"), "weekday"))
                if name == "year":
                    checks.append((m.start("year"), m.end("year"), "year"))
                if name == "spoken_year":
                    checks.append((start, end, "year"))
                if name in ("duration", "duration_adj", "offset") and groups.get("num"):
                    checks.append((m.start("num"), m.end("num"), "number"))
                if name == "vague":
                    checks.append((start, end, "vague"))
                if name == "year_end":
                    checks.append((start, end, "prenominal"))
                if name == "set_word":
                    checks.append((start, end, "frequency"))
                if name == "season_bare":
                    word = "season" if groups.get("season") else "fall"
                    checks.append((m.start(word), m.end(word), "season"))
                    checks.append((m.start(word), m.end(word), "name"))
                if name in ("vague", "set_word", "deictic_day", "weekday_set"):
                    # "USA Today", "The Daily Beast", "Politics Now", "TGI Fridays": a name's word
                    first = re.match(r"\S+", m.group(0))
                    checks.append((start, start + (first.end() if first else 0), "name"))
                yield Candidate(start, end, meaning, name, priority, tuple(checks))


WINDOW = 120

# A unit word that opens "quarter-to-quarter", "year-to-year", "day-to-day": a comparison or
# a routine, not a time expression (TimeML marks no part of these adjectives).
_UNIT_COMPOUND = re.compile(r"-to-(?:day|week|month|quarter|year)\b", re.I)


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    return Rules(load_lexicon())
