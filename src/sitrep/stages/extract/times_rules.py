"""Finding time expressions: regular patterns over the text, built from the lexicon.

Each pattern yields a :class:`Candidate`, a span with what it means (:class:`Meaning`: an
explicit date, a weekday, "last week", "three days ago", a duration...). Overlapping
candidates are reduced to the longest ones, left modifiers ("early", "the end of",
"earlier") are attached, and :mod:`times_resolve <sitrep.stages.extract.times_resolve>`
turns each meaning into a TimeML value. Words and names come from
``sitrep/data/times/lexicon.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from sitrep.stages.extract.times_lexicon import Lexicon, load_lexicon, number_value
from sitrep.stages.extract.times_lexicon import alternation as alt
from sitrep.stages.extract.times_select import Candidate, Meaning

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


class Rules:
    """The compiled patterns of one lexicon; :meth:`candidates` runs them over a text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lex = lexicon
        counts = alt([*lex.numbers, *lex.vague_numbers])
        self._counted = re.compile(rf"(?:\d|\b(?:{counts}))[\s-]+$", re.I)
        full = alt(lex.full_months)
        abbr = alt(lex.month_abbreviations)
        # A month: a full name, or an abbreviation with a full stop or before a number.
        month = rf"(?P<month>(?:{full})\b|(?:{abbr})(?:\.|\b(?=\s*\d)))"
        month_full = rf"(?P<month>(?:{full}))\b"
        wday = alt(list(lex.weekdays))
        wday_abbr = alt(list(lex.weekday_abbreviations))
        weekday_prefix = rf"(?:(?P<wd>{wday}|(?:{wday_abbr})\.?)\s*,?\s+)?"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        year = r"(?P<year>(?:1[6-9]|20)\d\d)"
        units = alt(list(lex.units))
        unit = rf"(?P<unit>{units})s?"
        tens = [w for w, v in lex.numbers.items() if v >= 20 and v % 10 == 0 and v < 100]
        ones = [w for w, v in lex.numbers.items() if 1 <= v <= 9 and len(w) > 2 and " " not in w]
        small = [w for w, v in lex.numbers.items() if len(w) > 2 and w not in tens]
        num_word = rf"(?:(?:{alt(tens)})(?:[-\s](?:{alt(ones)}))?|{alt(small)}|an?)"
        number = rf"(?P<num>\d+(?:\.\d+)?|{num_word}|{alt(lex.vague_numbers)})"
        seasons = alt(list(lex.seasons))
        seasons_no_fall = alt([w for w in lex.seasons if w != "fall"])
        parts = alt(list(lex.parts_of_day))
        ordinal = alt(list(lex.ordinals))
        # "the 1988 third quarter", "next year's first quarter": the year before the quarter.
        year_before = (
            r"(?:(?P<year0>(?:1[6-9]|20)\d\d)\s+|(?P<rel0>this|last|next)\s+year['’]s\s+)?"
        )
        # Adjectives between a count and its unit: "six straight days", "five trading days".
        counted = r"(?:straight|consecutive|successive|trading|business|working|full|long)"
        # Approximations belong to "N units ago" spans, not to durations ("about [two weeks]").
        approx = (
            r"(?:(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|less\s+than"
            r"|at\s+least|over|under|up\s+to|just|only)\s+)?"
        )
        self.patterns: list[tuple[str, re.Pattern[str], Handler, int]] = []
        self.patterns_by_name: dict[str, re.Pattern[str]] = {}

        def add(
            name: str, pattern: str, handler: Handler, priority: int = 5, flags: int = re.I
        ) -> None:
            compiled = re.compile(rf"(?<![\w'’])(?<!\d-)(?:{pattern})(?![\w])", flags)
            self.patterns.append((name, compiled, handler, priority))
            self.patterns_by_name[name] = compiled

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
        teens = [w for w, v in lex.numbers.items() if 10 <= v <= 19]
        spoken_rest = rf"(?:(?:{alt(tens)})(?:[-\s](?:{alt(ones)}))?|{alt(teens)})"
        spoken_year = (
            rf"(?:(?P<cent>{alt(teens)})[-\s]+(?P<rest>{spoken_rest})"
            rf"|(?P<thousand>two\s+thousand(?:\s+(?:and\s+)?(?P<trest>{spoken_rest}|{alt(ones)}))?))"
            # "two thousand years" is a count
            rf"(?!\s+(?:{units})s?\b)"
        )
        add("spoken_year", rf"(?:the\s+year\s+)?{spoken_year}", self._spoken_year, 3)
        # "January nineteen ninety-seven", "the winter of nineteen ninety-four"
        add(
            "spoken_month_year",
            rf"(?:{month_full}|(?:the\s+)?(?P<season>{seasons}))\s+(?:of\s+)?{spoken_year}",
            self._spoken_month_year,
            2,
        )
        decade_words = [w[:-1] + "ies" for w in tens]
        add("decade_word", rf"(?:the\s+)?(?P<dw>{alt(decade_words)})", self._decade_word, 3)
        add(
            "part_of_reference_unit",
            r"(?:(?<=\bend\sof\s)|(?<=\bstart\sof\s)|(?<=\bmiddle\sof\s))the\s+(?P<u>week|month|year)",
            lambda m: Meaning("relative", unit=m["u"].lower(), amount=0),
            3,
        )
        add("century", r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century", self._century, 3)
        add(
            "deictic_day",
            rf"(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{parts}))?(?:\s*\(\s*(?P<dn>[0-3]?\d)\s*\))?",
            self._deictic,
            2,
        )
        add(
            "weekday",
            rf"(?:(?:the\s+)?(?P<rel>last|this|next|past|coming|previous|following)\s+)?(?P<wd>{wday})(?:\s*\(\s*(?P<dn>[0-3]?\d)\s*\))?(?:\s+(?P<part>{parts}))?",
            self._weekday,
            3,
        )
        add(
            "relative_unit",
            rf"(?:the\s+)?(?P<rel>this|last|next|past|previous|coming|current|following)\s+(?P<u>week|weekend|month|year|quarter|decade|century|{seasons})",
            self._relative_unit,
            3,
        )
        add(
            "part_of_day",
            rf"(?P<rel>this|last|yesterday|tomorrow|that)\s+(?P<part>{parts})",
            self._part_of_day,
            3,
        )
        add("overnight", r"overnight", lambda m: Meaning("partofday", type="TIME", part="NI"), 6)
        # "mid-afternoon", "late morning yesterday", "early evening Friday": a part of a day
        add(
            "part_modified",
            r"(?:mid[-\s]?|(?:early|late)\s+)(?P<part>morning|afternoon|evening)"
            rf"(?:\s+(?P<dw>today|yesterday|tomorrow)|\s+(?:on\s+)?(?P<wd>{wday}))?",
            self._part_modified,
            3,
        )
        # "three days ago", "a week or so ago" (TimeML: one DATE, "or so" its APPROX mod)
        add(
            "offset",
            rf"{approx}{number}[\s-]+{unit}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence)",
            self._offset,
            2,
        )
        add(
            "vague_offset",
            r"(?P<unit>hour|day|week|month|year)s\s+(?P<dir>ago|earlier|later)",
            self._offset,
            7,
        )
        add(
            "anaphor",
            r"(?:the\s+)?(?P<rel>next|following|previous|same|preceding|that)\s+(?P<u>day|morning|night|evening|afternoon|week|month|year)"
            # "the day before": "a day after the bombing" is a duration before an event.
            r"|the\s+(?P<u2>day|night|week|month|year)\s+(?P<rel2>before|after)(?!\s+[a-z]+ing\b)"
            # "the year previous", "the month prior" (not "the year prior to the war")
            r"|the\s+(?P<u3>day|week|month|year)\s+(?P<rel3>previous|prior)(?!\s+to\b)",
            self._anaphor,
            3,
        )
        # "ending the day up 2%", "for the day": the day being reported.
        add(
            "the_day",
            r"(?:(?<=\bend\s)|(?<=\bends\s)|(?<=\bending\s)|(?<=\bended\s)|(?<=\bfinish\s)"
            r"|(?<=\bfinished\s)|(?<=\bfinishing\s)|(?<=\bclose\s)|(?<=\bclosed\s)|(?<=\bclosing\s)"
            r"|(?<=\bstart\sof\s)|(?<=\bend\sof\s)|(?<=\bfor\s))the\s+day(?![\w'’-])"
            r"(?!\s+(?:of|when|that|in|on|he|she|they|it|we|I|you)\b)",
            lambda m: None if "Day" in m.group(0) else Meaning("anaphor", unit="day", amount=0),
            5,
        )
        # An age is no time expression in TimeML: "52 years old", "a four year-old boy" (the
        # plural "years-old" is a duration adjective, as "decades-long" is).
        add(
            "duration",
            rf"(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|latest|following|final|recent|entire|whole|full)\s+)?{number}(?P<half>\s+1/2)?\s+(?:(?:and\s+a\s+half|more|{counted})\s+)?{unit}(?P<half2>\s+and\s+a\s+half)?(?!\s+old\b)(?!(?<!s)-old\b)",
            self._duration,
            4,
        )
        add(
            "duration_plural",
            r"(?:(?<=\bthe\s)(?P<unit>hour|day|week|month|year|decade)s"
            r"(?=\s+(?:before|after|ahead|since|following|leading|that\s+followed))"
            # "for years", "in minutes", "within weeks": an unspecified number of units.
            r"|(?:(?<=\bwithin\s)|(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s))"
            r"(?P<unit2>(?:minute|hour|day|week|month|year|decade)s|centuries)(?![\w'’-]))",
            self._duration,
            5,
        )
        add("duration_adj", rf"{number}-{unit}(?!-old)(?:-long)?", self._duration, 4)
        # "a day-long meeting" (one day), "a decades-long dispute" (an unknown number).
        add(
            "duration_long",
            r"(?P<unit>minute|hour|day|week|month|year|decade|century|centurie)(?P<pl>s)?-long",
            self._duration_long,
            4,
        )
        add(
            "duration_vague",
            r"(?:(?P<rel>recent|coming|past|the\s+past|the\s+coming|the\s+next|the\s+last|the\s+past\s+few|the\s+last\s+few)\s+)(?P<unit>hour|day|week|month|year|decade)s",
            self._duration,
            5,
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
        add(
            "clock",
            r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?!\w))?(?:\s+(?P<z>UTC|GMT|local\s+time))?",
            self._clock,
            2,
        )
        # "0800 UTC": a four-digit clock only with its time zone.
        add(
            "clock_military",
            r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<z>UTC|GMT)",
            self._clock,
            2,
        )
        add(
            "clock_ampm",
            r"(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?P<z>UTC|GMT|local\s+time))?",
            self._clock,
            2,
        )
        # "high noon" is a showdown, not twelve o'clock.
        add("noon", r"(?<!\bhigh\s)(?P<w>noon|midday|midnight)", self._clock, 5)
        # "4 in the morning", "ten at night": an hour and the part of the day it lies in.
        hour_words = [w for w, v in lex.numbers.items() if 1 <= v <= 12 and " " not in w]
        add(
            "clock_part",
            rf"(?P<h>1[0-2]|0?[1-9]|{alt(hour_words)})"
            r"(?:\s+o['’]clock)?\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))",
            self._clock_part,
            2,
        )
        zone = r"(?:\s+(?P<z>[ECMP][SD]T|GMT|UTC|BST|CES?T|local\s+time))?"
        clock_any = (
            r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:a\.m\.|p\.m\.|am|pm))?"
            r"|(?:1[0-2]|0?[1-9])\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon|midnight|midday)"
        )
        add(
            "clock_day",
            rf"(?P<clock>{clock_any}){zone}\s*,?\s+(?:on\s+)?(?:(?P<wd>{wday})|(?P<dw>today|yesterday|tomorrow)|{month}\s*{day})",
            self._clock_day,
            1,
        )
        add("vague", alt(list(lex.vague_references)), self._vague, 6)
        add("set_word", alt(list(lex.sets)), self._set, 6)
        add(
            "set_every",
            rf"(?:every|each)\s+(?:(?P<n>other|single)\s+)?(?:(?P<unit>day|week|fortnight|month|quarter|year|hour|minute|night|morning|evening|weekend)|(?P<wd>{wday})|{month_full}|(?P<season>{seasons}))\b",
            self._set_every,
            3,
        )
        # "every two years", "every 24 hours": a SET whose period is the counted duration.
        add("set_every_n", rf"(?:every|each)\s+{number}[\s-]+{unit}", self._set_every_n, 3)
        add("set_per", r"(?P<w>per|a)\s+(?P<unit>day|week|month|year)", self._set_per, 6)
        # "Black Monday", "Bloody Sunday", "Super Tuesday": names of days whose date the
        # calendar does not give; they are no weekday near the publication date.
        if lex.named_days:
            # (its own pattern: the name may open a quotation, "'Black Monday'")
            named_day = re.compile(rf"(?<!\w)(?:{alt(list(lex.named_days))})(?!\w)", re.I)
            self.patterns.append(("named_day", named_day, self._named_day, 1))
            self.patterns_by_name["named_day"] = named_day
        hol = alt(
            list(lex.holidays)
            + list(lex.holidays_nth_weekday)
            + list(lex.holidays_easter)
            + list(lex.easter_weeks)
        )
        # "the Good Friday Agreement" is a treaty, not a day.
        add(
            "holiday",
            rf"(?P<name>{hol})(?:\s*,?\s*{year})?(?!\s+(?:agreement|accord)\b)",
            self._holiday,
            2,
        )

        # Speed: a rule whose matches all contain one of a few words is only run in windows
        # around those words (found with one cheap pattern per word family).
        month_words = rf"(?:{full}|{abbr})"
        unit_words = rf"(?:{units}|{parts}|fortnight)"
        clock_words = r"(?:\d:[0-5]\d|\d\s*[ap]\.?m|noon|midnight|midday|\d{4}\s+(?:UTC|GMT))"
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
            rf"(?:{wday}|{wday_abbr})": ("weekday", "named_day"),
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

    # -- handlers --------------------------------------------------------------------

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

    def _month_number(self, m: re.Match[str]) -> int:
        return self.lexicon.months[m["month"].lower().rstrip(".")]

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

    def _deictic(self, m: re.Match[str]) -> Meaning:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]
        part = self.lexicon.parts_of_day[m["part"].lower()] if m["part"] else ""
        if m["w"].lower() == "tonight":
            part = "NI"
        return Meaning(
            "relative",
            type="TIME" if part else "DATE",
            unit="day",
            amount=offset,
            part=part,
            day=int(m["dn"]) if m["dn"] else 0,
        )

    def _weekday(self, m: re.Match[str]) -> Meaning:
        rel = (m["rel"] or "").lower()
        direction = DIRECTIONS.get(rel, "")
        # "the previous Friday", "the following Monday": from the day the text is talking about.
        base = "reference" if rel in ("previous", "following") else "publication"
        part = self.lexicon.parts_of_day[m["part"].lower()] if m["part"] else ""
        return Meaning(
            "weekday",
            type="TIME" if part else "DATE",
            weekday=self.lexicon.weekdays[m["wd"].lower()],
            direction=direction,
            day=int(m["dn"]) if m["dn"] else 0,
            part=part,
            base=base,
        )

    def _relative_unit(self, m: re.Match[str]) -> Meaning | None:
        if m["u"][:1].isupper() and m.string[m.start() - 1 : m.start()] in ('"', "“", "`", "'"):
            return None  # ABC's "This Week": a title in quotes
        rel = m["rel"].lower()
        amount = {
            "this": 0,
            "current": 0,
            "last": -1,
            "past": -1,
            "previous": -1,
            "next": 1,
            "coming": 1,
            "following": 1,
        }[rel]
        unit = m["u"].lower()
        if unit in ("decade", "century") and rel in ("last", "past", "previous", "coming", "next"):
            # "the past decade" is the ten years up to now, not the previous calendar decade.
            return Meaning("value", type="DURATION", value="P10Y" if unit == "decade" else "P100Y")
        if unit in self.lexicon.seasons:
            return Meaning("season", code=self.lexicon.seasons[unit], amount=amount)
        if unit == "quarter":
            return Meaning("quarter", amount=amount, extra={"relative": True})
        base = "reference" if rel == "following" else "publication"
        return Meaning("relative", unit=unit, amount=amount, base=base)

    def _part_modified(self, m: re.Match[str]) -> Meaning:
        part = self.lexicon.parts_of_day[m["part"].lower()]
        if m["wd"]:
            return Meaning(
                "weekday", type="TIME", weekday=self.lexicon.weekdays[m["wd"].lower()], part=part
            )
        if m["dw"]:
            offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["dw"].lower()]
            return Meaning("relative", type="TIME", unit="day", amount=offset, part=part)
        return Meaning("partofday", type="TIME", part=part)

    def _part_of_day(self, m: re.Match[str]) -> Meaning:
        rel = m["rel"].lower()
        part = self.lexicon.parts_of_day[m["part"].lower()]
        if rel == "that":
            return Meaning("anaphor", type="TIME", unit="day", amount=0, part=part)
        offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
        if rel == "last" and part != "NI":
            offset = -1
        return Meaning("relative", type="TIME", unit="day", amount=offset, part=part)

    def _unit_of(self, word: str) -> str:
        """The singular of a unit word ("centuries" -> "century", "days" -> "day")."""
        word = word.lower()
        return word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")

    def _offset(self, m: re.Match[str]) -> Meaning | None:
        groups = m.groupdict()
        unit = self._unit_of(m["unit"])
        if unit not in self.lexicon.units:
            return None
        amount = number_value(groups["num"], self.lexicon) if groups.get("num") else None
        counted = self._counted.search(m.string, max(0, m.start() - 30), m.start())
        if not groups.get("num") and counted:
            # "two years later", "several days earlier": a counted duration before its
            # signal (TimeML marks "two years" as a DURATION), not "years later" alone.
            return None
        direction = m["dir"].lower().split()[0]
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        base = "publication" if direction in ("ago", "from", "hence") else "reference"
        return Meaning(
            "offset",
            unit=unit,
            amount=None if amount is None else sign * amount,
            base=base,
            extra={"sign": sign},
        )

    def _anaphor(self, m: re.Match[str]) -> Meaning:
        rel = (m["rel"] or m["rel2"] or m["rel3"]).lower()
        word = (m["u"] or m["u2"] or m["u3"]).lower()
        amount = {
            "next": 1,
            "following": 1,
            "after": 1,
            "previous": -1,
            "preceding": -1,
            "before": -1,
            "prior": -1,
            "same": 0,
            "that": 0,
        }[rel]
        if (word in self.lexicon.parts_of_day and word != "night") or word == "night":
            part = self.lexicon.parts_of_day.get(word, "NI")
            return Meaning("anaphor", type="TIME", unit="day", amount=amount, part=part)
        return Meaning("anaphor", unit=word, amount=amount, extra={"same": rel == "same"})

    def _duration(self, m: re.Match[str]) -> Meaning | None:
        groups = m.groupdict()
        unit_word = groups.get("unit") or groups.get("unit2") or ""
        unit = self._unit_of(unit_word)
        code = self.lexicon.units.get(unit)
        if code is None:
            return None
        group = "unit" if groups.get("unit") else "unit2"
        plural = m.string[m.end(group) : m.end(group) + 1].lower() == "s" or unit_word.endswith("s")
        if unit == "quarter" and (not plural or "-" in m.group(0)):
            return None  # "a quarter of the votes", "three-quarters": fractions, not periods
        text = m.group(0).lower()
        if unit == "second" and _ORDINAL_SECOND.match(m.string, m.end()):
            return None  # "a second group", "a second consecutive day": the ordinal
        num = (groups.get("num") or "").lower()
        if num in ("a", "an") and m.group(0).lower().startswith(num):
            before = m.string[max(0, m.start() - 30) : m.start()]
            if _RATE_BEFORE.search(before):
                return None  # "$2 million a year", "24 hours a day": a rate (set_per)
        if text == "one day" and _MODAL_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
            # "will one day be", "could one day happen": some day ahead (TimeML FUTURE_REF),
            # not a day-long duration.
            return Meaning("value", type="DATE", value="FUTURE_REF")
        amount = number_value(groups["num"], self.lexicon) if groups.get("num") else None
        count = "X" if amount is None else str(amount)
        if amount is not None and (groups.get("half") or groups.get("half2")):
            # "2 1/2 years", "a minute and a half": the half in the next smaller unit.
            smaller = _HALVES.get(code)
            if smaller:
                return Meaning("value", type="DURATION", value=smaller.format(n=amount))
            count = f"{amount}.5"
        elif "and a half" in text and amount is not None:
            count = f"{amount}.5"
        if code == "DE":
            value = f"P{int(count) * 10}Y" if amount is not None else "PXY"
        elif code == "CE":
            value = f"P{int(count) * 100}Y" if amount is not None else "PXY"
        elif code == "2W":
            value = f"P{int(count) * 2}W" if amount is not None else "PXW"
        elif code.startswith("T"):
            value = f"PT{count}{code[1:]}"
        else:
            value = f"P{count}{code}"
        return Meaning("value", type="DURATION", value=value)

    def _duration_long(self, m: re.Match[str]) -> Meaning | None:
        unit = m["unit"].lower().replace("centurie", "century")
        code = self.lexicon.units.get(unit)
        if code is None or code == "2W":
            return None
        count = "X" if m["pl"] else "1"
        years = {"DE": 10, "CE": 100}.get(code)
        if years is not None:
            value = "PXY" if m["pl"] else f"P{years}Y"
        elif code.startswith("T"):
            value = f"PT{count}{code[1:]}"
        else:
            value = f"P{count}{code}"
        return Meaning("value", type="DURATION", value=value)

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

    def _clock(self, m: re.Match[str]) -> Meaning | None:
        groups = m.groupdict()
        if groups.get("w"):
            word = m["w"].lower()
            return Meaning(
                "clock", type="TIME", extra={"time": "24:00" if word == "midnight" else "12:00"}
            )
        hour = int(m["h"])
        minute = int(groups["mi"]) if groups.get("mi") else 0
        ap = (groups.get("ap") or "").lower().replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        if ap == "am" and hour == 12:
            hour = 0
        zone = "Z" if (groups.get("z") or "").upper() in ("UTC", "GMT") else ""
        return Meaning("clock", type="TIME", extra={"time": f"{hour:02d}:{minute:02d}{zone}"})

    def _clock_part(self, m: re.Match[str]) -> Meaning | None:
        word = m["h"].lower()
        hour = int(word) if word.isdigit() else self.lexicon.numbers[word]
        part = (m["part"] or "night").lower()
        if part in ("afternoon", "evening") or (part == "night" and hour >= 6):
            hour = hour % 12 + 12
        elif part == "morning" and hour == 12:
            hour = 0
        return Meaning("clock", type="TIME", extra={"time": f"{hour:02d}:00"})

    def _clock_day(self, m: re.Match[str]) -> Meaning | None:
        inner = self.patterns_by_name["clock"].match(m["clock"]) or self.patterns_by_name[
            "clock_ampm"
        ].match(m["clock"])
        clock = self._clock(inner) if inner else self._clock_word(m["clock"])
        if clock is None:
            return None
        if m["wd"]:
            day = Meaning("weekday", weekday=self.lexicon.weekdays[m["wd"].lower()])
        elif m["dw"]:
            day = Meaning(
                "relative",
                unit="day",
                amount={"today": 0, "yesterday": -1, "tomorrow": 1}[m["dw"].lower()],
            )
        else:
            day = Meaning("monthday", month=self._month_number(m), day=int(m["day"]))
        day.type = "TIME"
        utc = (m["z"] or "").upper() in ("UTC", "GMT") and not str(clock.extra["time"]).endswith(
            "Z"
        )
        day.extra["clock"] = f"{clock.extra['time']}{'Z' if utc else ''}"
        return day

    def _clock_word(self, word: str) -> Meaning | None:
        word = word.lower()
        if word in ("noon", "midday", "midnight"):
            return Meaning(
                "clock", type="TIME", extra={"time": "24:00" if word == "midnight" else "12:00"}
            )
        return None

    def _vague(self, m: re.Match[str]) -> Meaning:
        key = re.sub(r"\s+", " ", m.group(0).lower())
        value, kind = self.lexicon.vague_references[key]
        return Meaning("value", type=kind, value=value, extra={"vague": key})

    def _set(self, m: re.Match[str]) -> Meaning:
        return Meaning("value", type="SET", value=self.lexicon.sets[m.group(0).lower()])

    def _set_every(self, m: re.Match[str]) -> Meaning | None:
        step = 2 if (m["n"] or "").lower() == "other" else 1
        # TimeML: a quantified calendar name is a SET of that month or season in every year
        # ("each July" = XXXX-07, "every winter" = XXXX-WI), as "every Monday" is XXXX-WXX-1.
        if m["month"]:
            if not m["month"][:1].isupper():
                return None  # "each may", "every march": no month
            return Meaning("value", type="SET", value=f"XXXX-{self._month_number(m):02d}")
        if m["season"]:
            return Meaning(
                "value", type="SET", value=f"XXXX-{self.lexicon.seasons[m['season'].lower()]}"
            )
        if m["wd"]:
            return Meaning(
                "value", type="SET", value=f"XXXX-WXX-{self.lexicon.weekdays[m['wd'].lower()]}"
            )
        unit = m["unit"].lower()
        value = {
            "hour": f"PT{step}H",
            "night": f"P{step}D",
            "morning": "XXXX-XX-XXTMO",
            "evening": "XXXX-XX-XXTEV",
            "weekend": "XXXX-WXX-WE",
        }.get(unit)
        if value is None:
            code = self.lexicon.units.get(unit, "D")
            if code.startswith("T"):
                value = f"PT{step}{code[1:]}"  # "every minute" = PT1M
            elif code == "2W":
                value = f"P{2 * step}W"  # "every fortnight" = P2W
            else:
                value = f"P{step}{code}"
        return Meaning("value", type="SET", value=value)

    def _set_every_n(self, m: re.Match[str]) -> Meaning | None:
        # TimeML: "every two years" is a SET with the period P2Y ("every year" is P1Y,
        # "every few weeks" PXW).
        duration = self._duration(m)
        if duration is None:
            return None
        return Meaning("value", type="SET", value=duration.value)

    def _set_per(self, m: re.Match[str]) -> Meaning | None:
        before = m.string[max(0, m.start() - 30) : m.start()]
        if m["w"].lower() == "a" and not _RATE_BEFORE.search(before):
            return None
        return Meaning(
            "value",
            type="SET",
            value=f"P1{self.lexicon.units[m['unit'].lower()]}",
        )

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
                if name == "season_bare":
                    word = "season" if groups.get("season") else "fall"
                    checks.append((m.start(word), m.end(word), "season"))
                    checks.append((m.start(word), m.end(word), "name"))
                if name in ("vague", "set_word", "deictic_day"):
                    # "USA Today", "The Daily Beast", "Politics Now": a word of a name
                    first = re.match(r"\S+", m.group(0))
                    checks.append((start, start + (first.end() if first else 0), "name"))
                yield Candidate(start, end, meaning, name, priority, tuple(checks))


# After "a second": a word that makes "second" the ordinal ("a second group"), not the unit.
_ORDINAL_SECOND = re.compile(
    r"\s+(?!(?:of|or|and|to|in|on|at|for|later|earlier|after|before|ago|longer|more)\b)[A-Za-z]"
)

# A whole count and a half, in the next smaller unit: TimeML writes 2 1/2 years as P2Y6M.
_HALVES = {
    "Y": "P{n}Y6M",
    "M": "P{n}M15D",
    "D": "P{n}DT12H",
    "TH": "PT{n}H30M",
    "TM": "PT{n}M30S",
}

# Characters searched either side of a needle word: longer than any time expression.
WINDOW = 120

# What comes before "a week" when it is a rate ("700 seats a week", "twice a day", "5% a year").
# What comes before "a day", "a year" in a rate ("$2 million a year", "twice a week", "50
# miles a day", "hundreds of interviews a day"): an amount, or a plural noun that a count
# comes shortly before. A plural word alone is no rate: "comes a day after", "lasts a week".
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|can|may|might|shall|should|must|'ll)\s+$", re.I
)
_RATE_BEFORE = re.compile(
    r"(?:\d%?|\b(?:once|twice|times|percent|cents?|dollars?|hundred|thousand|million|billion|trillion)"
    r"|(?:\d|\b(?:few|several|many|dozens|hundreds|thousands|millions|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety))(?:\s+of)?\s+(?:[\w'’-]+\s+){0,2}[a-z]+s)\s+$",
    re.I,
)


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    return Rules(load_lexicon())
