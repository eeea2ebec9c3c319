"""Relative expressions, anchored on the publication date or on the time the text is about:
"today", "last Tuesday", "next month", "this evening", "three days ago", "the next day",
"the day before", "for the day".
"""

from __future__ import annotations

import re

from sitrep.stages.extract.times_fragments import DIRECTIONS, Fragments, RuleBase
from sitrep.stages.extract.times_lexicon import number_value
from sitrep.stages.extract.times_select import Meaning


class RelativeRules(RuleBase):
    """Patterns and handlers of deictic, relative, offset and anaphoric expressions."""

    def _add_relative(self, f: Fragments) -> None:
        add = self._add
        wday, parts, seasons, approx, number, unit = (
            f.wday,
            f.parts,
            f.seasons,
            f.approx,
            f.number,
            f.unit,
        )
        add(
            "part_of_reference_unit",
            r"(?:(?<=\bend\sof\s)|(?<=\bstart\sof\s)|(?<=\bmiddle\sof\s))the\s+(?P<u>week|month|year)",
            lambda m: Meaning("relative", unit=m["u"].lower(), amount=0),
            3,
        )
        add(
            "deictic_day",
            rf"(?P<w>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{parts}))?(?:\s*\(\s*(?P<dn>[0-3]?\d)\s*\))?",
            self._deictic,
            2,
        )
        add(
            "weekday",
            # "following" only after "the": "Following Monday's debate" is "after" the debate
            # "this coming Sunday", "this past Friday": the whole phrase, read as "coming", "past"
            rf"(?:(?:the\s+|this\s+(?=(?:coming|past)\s))?(?P<rel>last|this|next|past|coming|previous|(?<=the\s)following)\s+)?(?P<wd>{wday})(?:\s*\(\s*(?P<dn>[0-3]?\d)\s*\))?(?:\s+(?P<part>{parts}))?",
            self._weekday,
            3,
        )
        add(
            "relative_unit",
            # "this fiscal year", "the latest fiscal year": a fiscal or calendar year or quarter
            # (TimeML gives it the calendar value of the year it falls in, as "fiscal 1989").
            rf"(?:the\s+|this\s+(?=(?:coming|past)\s))?"
            rf"(?P<rel>this|last|next|past|previous|coming|current|following|latest)\s+"
            rf"(?:(?P<fiscal>fiscal|calendar)\s+)?"
            rf"(?P<u>week|weekend|month|year|quarter|decade|century|{seasons})",
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
            r"(?:the\s+)?(?P<rel>next|(?<=the\s)following|previous|same|preceding|that)\s+(?P<u>day|morning|night|evening|afternoon|week|month|year)"
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
        unit = m["u"].lower()
        if m["fiscal"] and unit not in ("year", "quarter"):
            return None
        if rel == "latest" and unit != "year":
            return None  # "the latest quarter" is the quarter rule's; "the latest week" is vague
        amount = {
            "this": 0,
            "current": 0,
            # "the latest fiscal year": the last one completed (as "the latest quarter")
            "latest": -1,
            "last": -1,
            "past": -1,
            "previous": -1,
            "next": 1,
            "coming": 1,
            "following": 1,
        }[rel]
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
