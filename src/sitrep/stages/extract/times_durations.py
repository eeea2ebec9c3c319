"""Durations and sets: "three days", "2 1/2 years", "decades-long", "for years"; "every
Monday", "each July", "every two years", "$2 million a year", "daily"; and the vague
references of the lexicon ("now", "recently", "the future").

TimeML writes a duration as P<n><unit> ("P3D", "PT2H", "PXY" for an unknown count) and a set
as its period or its calendar pattern ("P1W", "XXXX-WXX-1").
"""

from __future__ import annotations

import re

from sitrep.stages.extract.times_fragments import Fragments, RuleBase
from sitrep.stages.extract.times_lexicon import alternation as alt
from sitrep.stages.extract.times_lexicon import number_value
from sitrep.stages.extract.times_select import Meaning


class DurationRules(RuleBase):
    """Patterns and handlers of durations, sets and vague references."""

    def _add_durations(self, f: Fragments) -> None:
        add = self._add
        number, unit, counted = f.number, f.unit, f.counted
        # An age is no time expression in TimeML: "52 years old", "a four year-old boy" (the
        # plural "years-old" is a duration adjective, as "decades-long" is). Before "-long" the
        # unit belongs to the adjective: "after a [month-long] trial" (duration_long).
        add(
            "duration",
            rf"(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|latest|following|final|recent|entire|whole|full)\s+)?{number}(?P<half>\s+1/2)?\s+(?:(?:and\s+a\s+half|more|{counted})\s+)?{unit}(?P<half2>\s+and\s+a\s+half)?(?!\s+old\b)(?!(?<!s)-old\b)(?!-long\b)",
            self._duration,
            4,
        )
        add(
            "duration_plural",
            r"(?:(?<=\bthe\s)(?P<unit>hour|day|week|month|year|decade)s"
            r"(?=\s+(?:before|after|ahead|since|following|leading|that\s+followed))"
            # "for years", "in minutes", "within weeks": an unspecified number of units.
            r"|(?:(?<=\bwithin\s)|(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s))"
            # "over the years": TimeML marks "the years" as a DURATION of unknown length (PXY)
            r"(?:(?<=\bover\s)the\s+(?=(?:year|decade)s\b|centuries))?"
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

    def _add_vague(self, f: Fragments) -> None:
        add, lex = self._add, self.lexicon
        add("vague", alt(list(lex.vague_references)), self._vague, 6)

    def _add_sets(self, f: Fragments) -> None:
        add, lex = self._add, self.lexicon
        wday, month_full, seasons, number, unit = f.wday, f.month_full, f.seasons, f.number, f.unit
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
        # A plural weekday, "(on) Mondays", "Tuesday nights": TimeML's SET of that day in every
        # week (XXXX-WXX-1, XXXX-WXX-2TNI), as "every Monday" is.
        add(
            "weekday_set",
            rf"(?P<wd>{wday})(?:s|\s+(?P<part>morning|afternoon|evening|night)s)",
            self._weekday_set,
            3,
        )

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

    def _weekday_set(self, m: re.Match[str]) -> Meaning:
        weekday = self.lexicon.weekdays[m["wd"].lower()]
        part = f"T{self.lexicon.parts_of_day[m['part'].lower()]}" if m["part"] else ""
        return Meaning("value", type="SET", value=f"XXXX-WXX-{weekday}{part}")

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


# What comes before "a day", "a year" in a rate ("$2 million a year", "twice a week", "50
# miles a day", "hundreds of interviews a day"): an amount, or a plural noun that a count
# comes shortly before. A plural word alone is no rate: "comes a day after", "lasts a week".
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|can|may|might|shall|should|must|'ll)\s+$", re.I)
_RATE_BEFORE = re.compile(
    r"(?:\d%?|\b(?:once|twice|times|percent|cents?|dollars?|hundred|thousand|million|billion|trillion)"
    r"|(?:\d|\b(?:few|several|many|dozens|hundreds|thousands|millions|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety))(?:\s+of)?\s+(?:[\w'’-]+\s+){0,2}[a-z]+s)\s+$",
    re.I,
)
