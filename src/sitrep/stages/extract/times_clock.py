"""Clock times: "10:30 p.m.", "0800 UTC", "noon", "4 in the morning", "9 a.m. Tuesday"."""

from __future__ import annotations

import re

from sitrep.stages.extract.times_fragments import Fragments, RuleBase
from sitrep.stages.extract.times_lexicon import alternation as alt
from sitrep.stages.extract.times_select import Meaning


class ClockRules(RuleBase):
    """Patterns and handlers of clock times, alone or with their day."""

    def _add_clocks(self, f: Fragments) -> None:
        add, lex = self._add, self.lexicon
        wday, month, day = f.wday, f.month, f.day
        add(
            "clock",
            r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?!\w))?(?:\s+(?P<z>UTC|GMT|local\s+time))?",
            self._clock,
            2,
        )
        # "0800 UTC", "1633gmt", "1900 local time": a four-digit clock only with its time zone.
        add(
            "clock_military",
            r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?:\s*(?P<z>UTC|GMT)|\s+local\s+time)",
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
            # "11:40 a.m. Saturday, March 14": the weekday and the date it names
            rf"(?P<clock>{clock_any}){zone}\s*,?\s+(?:on\s+)?(?:(?:(?P<wd2>{wday})\s*,?\s+)?{month}\s*{day}"
            rf"|(?P<wd>{wday})|(?P<dw>today|yesterday|tomorrow))",
            self._clock_day,
            1,
        )

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
        meaning = Meaning("clock", type="TIME", extra={"time": f"{hour:02d}:{minute:02d}{zone}"})
        line_start = m.string.rfind("\n", 0, m.start()) + 1
        line_end = m.string.find("\n", m.end())
        if not m.string[line_start : m.start()].strip() and not (
            m.string[m.end() : line_end if line_end >= 0 else len(m.string)].strip()
        ):
            # A clock time alone on its line stamps a live report's entry: the day of
            # publication, not the day the entry before it talked about.
            meaning.extra["stamp"] = True
        return meaning

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
            weekday = self.lexicon.weekdays[m["wd2"].lower()] if m["wd2"] else 0
            day = Meaning(
                "monthday", month=self._month_number(m), day=int(m["day"]), weekday=weekday
            )
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
