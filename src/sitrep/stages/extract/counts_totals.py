"""Combining the casualty figures of one category into one count, the conservative rule.

:func:`combine` takes the figures of one event or (``article=True``) of a whole article as
:class:`FigureValue` records (what combining needs of a figure: made from a
:class:`~sitrep.stages.extract.counts_figures.Figure` by :func:`_value`, or read back from an
``unattached_figure`` warning) and follows these rules:

- a part of a breakdown ("including 10 foreigners", "two of them soldiers") never adds: it
  fills civilians / combatants of its total;
- figures of one sentence sharing one casualty word are one list and add up ("nine men and
  four women were killed" is 13; "a judge and seven members of his family" is 8);
- a vague figure ("dozens", ACLED's 12) counts only where no number does;
- per source, an increment ("two more were killed", "another man") adds to the figure just
  before it; a later total replaces the running one when it is larger or is a toll ("the
  toll rose to 30"); restating the same or a smaller figure changes nothing;
- sources that disagree about one event: best is the lowest figure (ACLED's "most
  conservative estimate"), low the lowest and high the highest. Over a whole article
  (``article=True``) only figures of one sentence are taken as such a conflict: figures of
  different sentences are mostly an update, a part or another incident, and the largest
  stands;
- implicit figures (a named or singular victim, no number: "the village chief was shot
  dead") count only where the category has no numbered figure: one per sentence list, or
  one per distinct common noun naming a victim over the article ("the chief ... the chief's
  wife" is 2; "the mayor ... Mr Lopez ... he" is 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sitrep.stages.extract.counts_figures import PRONOUN, Figure

GENERIC_VICTIMS = frozenset({"victim", "deceased", "person", "individual", "man", "woman"})


@dataclass(frozen=True)
class FigureValue:
    """What combining needs of a figure (a :class:`Figure` or one read back from a warning)."""

    category: str
    best: int
    low: int | None
    high: int | None
    kind: str
    source: str | None
    start: int
    end: int
    civilians: int | None = None
    combatants: int | None = None
    victims: str | None = None
    toll: bool = False
    group: int = 0
    """the sentence (its start) the figure is in"""
    trigger: int = -1
    """where its casualty word starts: figures of one sentence sharing it are one list"""
    vague: bool = False


def _value(fig: Figure, text: str) -> FigureValue:
    source = text[fig.source[0]:fig.source[1]] if fig.source else None
    trigger = text[fig.trigger[0]:fig.trigger[1]].lower() if fig.trigger else ""
    return FigureValue(
        category=fig.category, best=fig.best, low=fig.low, high=fig.high, kind=fig.kind,
        source=source, start=fig.start, end=fig.end, civilians=fig.civilians,
        combatants=fig.combatants, victims=fig.victims, toll="toll" in trigger,
        group=fig.sentence[0], trigger=fig.trigger[0] if fig.trigger else -1,
        vague=fig.qualifier == "vague",
    )


@dataclass
class Combined:
    best: int
    low: int | None
    high: int | None
    civilians: int | None
    combatants: int | None
    used: list[FigureValue]


def _side(a: int | None, b: int | None) -> int | None:
    """Civilians (or combatants) of two figures together: unknown only if both are."""
    return None if a is None and b is None else (a or 0) + (b or 0)


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _plus(cur: Combined, v: FigureValue) -> Combined:
    return Combined(
        cur.best + v.best, _add(cur.low, v.low), _add(cur.high, v.high),
        _side(cur.civilians, v.civilians),
        _side(cur.combatants, v.combatants),
        [*cur.used, v],
    )


def _alone(v: FigureValue) -> Combined:
    low = v.low if v.low is not None else v.best
    high = v.high if v.high is not None else (v.best if v.low == v.best else None)
    return Combined(v.best, low, high, v.civilians, v.combatants, [v])


def _lists_summed(values: list[FigureValue]) -> list[FigureValue]:
    """Totals of one sentence sharing one casualty word are one list ("nine men and four
    women were killed"): one figure, their sum."""
    out: list[FigureValue] = []
    index: dict[tuple[int, int], int] = {}
    for v in values:
        key = (v.group, v.trigger)
        if v.kind != "total" or v.trigger < 0 or v.vague or key not in index:
            if v.kind == "total" and v.trigger >= 0 and not v.vague:
                index[key] = len(out)
            out.append(v)
            continue
        first = out[index[key]]
        out[index[key]] = replace(
            first, best=first.best + v.best, low=_add(first.low, v.low),
            high=_add(first.high, v.high),
            civilians=_side(first.civilians, v.civilians),
            combatants=_side(first.combatants, v.combatants),
            end=max(first.end, v.end),
        )
    return out


def combine(values: Sequence[FigureValue], article: bool = False) -> Combined | None:
    """One count from the figures of one category, in text order (rules: module docstring).

    ``article``: the figures are a whole article's, not one event's: sources disagreeing
    across sentences are taken as separate reports (the largest stands), not as a conflict.
    """
    ordered = _lists_summed(sorted(values, key=lambda v: v.start))
    if any(not v.vague for v in ordered if v.kind != "implicit"):
        # "dozens were killed; 31 bodies were identified": the number, not the convention
        ordered = [v for v in ordered if not v.vague]
    explicit = [v for v in ordered if v.kind in {"total", "increment"}]
    if not explicit:
        implicit = [v for v in ordered if v.kind == "implicit"]
        if not implicit:
            return None
        named = [v for v in implicit if v.victims != PRONOUN]
        implicit = named or implicit[:1]  # a pronoun adds no one to a named victim
        # one victim per sentence list, or per distinct noun naming one ("the chief ... the
        # chief's wife" is two; "the mayor ... Mr Lopez" is one: a name adds no one)
        groups: dict[tuple[int, int], list[FigureValue]] = {}
        for v in implicit:
            groups.setdefault((v.group, v.trigger), []).append(v)
        largest = max(groups.values(), key=len)
        nouns = {v.victims for v in implicit if v.victims and v.victims not in GENERIC_VICTIMS}
        if len(nouns) > len(largest):
            largest = [next(v for v in implicit if v.victims == noun) for noun in sorted(nouns)]
        n = sum(v.best for v in largest)  # "an activist couple" is two
        civ = sum(1 for v in largest if v.civilians) or None
        com = sum(1 for v in largest if v.combatants) or None
        return Combined(n, n, n, civ, com, list(largest))
    running: dict[str | None, Combined] = {}
    last: Combined | None = None
    last_key: str | None = None
    for v in explicit:
        key = " ".join(v.source.lower().split()) if v.source else None
        if v.kind == "increment":
            # an increment adds to the figure just before it, whoever gave that one
            local = _plus(last, v) if last is not None else _alone(v)
            key = key if key is not None else last_key
        else:
            local = _alone(v)
        cur = running.get(key)
        if cur is None or local.best > cur.best or (v.toll and local.best != cur.best):
            running[key] = local
        elif local.best == cur.best:
            cur.used.extend(u for u in local.used if u not in cur.used)
            if cur.combatants is None and local.combatants is not None:
                cur.combatants = local.combatants
            if cur.civilians is None and local.civilians is not None:
                cur.civilians = local.civilians
        last, last_key = local, key
    attributed = {k: c for k, c in running.items() if k is not None}
    loose = running.get(None)
    if len({c.best for c in attributed.values()}) > 1:
        # sources disagree: the most conservative figure, with the range of them all; across
        # the sentences of an article they are more often separate reports (an update, a
        # part, another incident), and the largest stands
        chains = list(attributed.values())
        sentences = {v.group for c in chains for v in c.used}
        if article and len(sentences) > 1:
            low_chain = max(chains, key=lambda c: c.best)
        else:
            low_chain = min(chains, key=lambda c: c.best)
        lows = [c.low if c.low is not None else c.best for c in chains]
        highs = [c.high if c.high is not None else c.best for c in chains]
        return Combined(low_chain.best, min(lows), max(highs), low_chain.civilians,
                        low_chain.combatants, [v for c in chains for v in c.used])
    chosen = next(iter(attributed.values()), None)
    if chosen is not None and len(attributed) > 1:
        # the same figure from several sources: one, with any breakdown one of them gives
        for other in attributed.values():
            if chosen.civilians is None:
                chosen.civilians = other.civilians
            if chosen.combatants is None:
                chosen.combatants = other.combatants
        chosen.used[:] = [v for c in attributed.values() for v in c.used]
    if chosen is None or (loose is not None and loose.best > chosen.best):
        return loose
    return chosen

