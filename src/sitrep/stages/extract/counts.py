"""The ``extract.counts.v1`` stage: killed, injured, abducted, arrested and displaced counts.

Two layers. :func:`~sitrep.stages.extract.counts_figures.casualty_figures` finds every
casualty figure of the article (no events needed). This stage then attaches each figure to
the event it belongs to and combines the figures of each event into the event's
``fatalities`` / ``injured`` / ``abducted`` / ``arrested`` / ``displaced`` :class:`Count`,
with one :class:`Claim` per figure saying who reports it.

Attaching (first rule that finds an event wins; negated and hypothetical events never take
a figure): the event whose trigger is the figure's casualty word; else the nearest event of
the same sentence whose type is related to the category (``related_types`` in the lexicon);
else the nearest preceding related event. A figure with no event is kept in the article
summary ``doc.user_data["extract.counts.v1"]`` and reported with a warning
``unattached_figure`` whose message reads::

    killed best=13 low=13 high=- kind=total qualifier=at_least civilians=- combatants=-
    at 0:11 sentence=0 source="police" trigger_at=25 trigger="killed": no event to attach
    "At least 13" to

(one line; :func:`article_casualties` reads these back from an :class:`ArticleResult`).

Combining the figures of one category (:func:`combine`), the documented conservative rule:

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

:func:`article_casualties` gives the article-level figures the ``casualties`` eval scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import ArticleResult, Claim, Count, Event, Span
from sitrep.stages.extract.actors import actor_id_at, actors_in
from sitrep.stages.extract.counts_figures import PRONOUN, Figure, casualty_figures
from sitrep.stages.extract.counts_lexicon import CATEGORIES, lexicon

__all__ = [
    "CountsStage",
    "Figure",
    "FigureValue",
    "article_casualties",
    "casualty_figures",
    "combine",
    "make_counts",
]

NAME = "extract.counts.v1"
GENERIC_VICTIMS = frozenset({"victim", "deceased", "person", "individual", "man", "woman"})
FIELD_OF = {
    "killed": "fatalities",
    "injured": "injured",
    "abducted": "abducted",
    "arrested": "arrested",
    "displaced": "displaced",
}


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


# -- attaching figures to events ---------------------------------------------------------
def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _attach(events: Sequence[Event], fig: Figure, preceding: bool) -> int | None:
    lex = lexicon()
    related = lex.related_types.get(fig.category, frozenset())
    usable = [
        (i, e) for i, e in enumerate(events) if not e.negated and not e.hypothetical
    ]
    if fig.trigger is not None:
        for i, e in usable:
            if _overlaps((e.trigger.start, e.trigger.end), fig.trigger):
                return i
    anchor = fig.trigger[0] if fig.trigger else fig.start
    same = [
        (abs(e.trigger.start - anchor), i) for i, e in usable
        if e.sentence.start <= fig.start < e.sentence.end and e.type in related
    ]
    if same:
        return min(same)[1]
    if not preceding:
        return None
    before = [
        (e.sentence.start, e.trigger.start, i) for i, e in usable
        if e.sentence.end <= fig.start and e.type in related
    ]
    return max(before)[2] if before else None


def _span(text: str, start_end: tuple[int, int]) -> Span:
    return Span.of(text, start_end[0], start_end[1])


def _claim(doc: Document, fig: Figure) -> Claim:
    """Who asserts a figure: the quote holding it, else its source phrase's actor."""
    by: str | None = None
    quote: str | None = None
    start, end = fig.evidence
    for q in doc.quotes:
        if q.content.start <= start and end <= q.content.end:
            quote = q.id
            by = q.speaker.actor
            break
    if by is None and fig.source is not None and doc.actors:
        by = actor_id_at(doc, fig.source[0], fig.source[1])
    return Claim(by=by, quote=quote, status=fig.status, span=_span(doc.text, fig.evidence))


def _victim_sides(doc: Document, fig: Figure) -> tuple[int | None, int | None]:
    """Civilians / combatants from the actors stage where the nouns said nothing."""
    if fig.civilians is not None or fig.combatants is not None or fig.victims_span is None:
        return fig.civilians, fig.combatants
    if not doc.actors:
        return None, None
    for actor in actors_in(doc, fig.victims_span[0], fig.victims_span[1]):
        if actor.sector == "CVL" or actor.kind == "population":
            return fig.best, None
        if actor.sector in {"MIL", "COP", "REB", "SPY", "UAF", "INS"}:
            return None, fig.best
    return None, None


def _count(doc: Document, figs: list[Figure], all_figs: list[Figure]) -> Count | None:
    values = [_value(f, doc.text) for f in figs]
    combined = combine(values)
    if combined is None:
        return None
    used = {(v.start, v.end) for v in combined.used}
    spans: list[Span] = []
    for index, fig in enumerate(all_figs):
        if (fig.start, fig.end) in used or (
            fig.parent is not None
            and (all_figs[fig.parent].start, all_figs[fig.parent].end) in used
        ):
            spans.append(_span(doc.text, fig.evidence))
            del index
    return Count(
        best=combined.best, low=combined.low, high=combined.high,
        civilians=combined.civilians, combatants=combined.combatants, spans=spans,
    )


def _dash(value: int | None) -> str:
    return "-" if value is None else str(value)


def _number(text: str) -> int | None:
    return None if text == "-" else int(text)


def _message(doc: Document, fig: Figure) -> str:
    source = doc.text[fig.source[0]:fig.source[1]] if fig.source else ""
    source = source.replace('"', "'")
    quoted = doc.text[fig.start:fig.end].replace('"', "'")
    low = "-" if fig.low is None else str(fig.low)
    high = "-" if fig.high is None else str(fig.high)
    trigger = doc.text[fig.trigger[0]:fig.trigger[1]].replace('"', "'") if fig.trigger else ""
    return (
        f'{fig.category} best={fig.best} low={low} high={high} kind={fig.kind} '
        f'qualifier={fig.qualifier} civilians={_dash(fig.civilians)} '
        f'combatants={_dash(fig.combatants)} at {fig.start}:{fig.end} sentence={fig.sentence[0]} '
        f'source="{source}" trigger_at={fig.trigger[0] if fig.trigger else -1} '
        f'trigger="{trigger}": no event to attach "{quoted}" to'
    )


_MESSAGE = re.compile(
    r'^(?P<category>\w+) best=(?P<best>\d+) low=(?P<low>\d+|-) high=(?P<high>\d+|-) '
    r'kind=(?P<kind>\w+) qualifier=(?P<qualifier>\w+) civilians=(?P<civilians>\d+|-) '
    r'combatants=(?P<combatants>\d+|-) at (?P<start>\d+):(?P<end>\d+) '
    r'sentence=(?P<sentence>\d+) source="(?P<source>[^"]*)" trigger_at=(?P<trigger_at>-?\d+)'
    r' trigger="(?P<trigger>[^"]*)"'
)


def _from_message(message: str) -> FigureValue | None:
    match = _MESSAGE.match(message)
    if match is None:
        return None
    low, high = match["low"], match["high"]
    return FigureValue(
        category=match["category"], best=int(match["best"]),
        low=None if low == "-" else int(low), high=None if high == "-" else int(high),
        kind=match["kind"], source=match["source"] or None, start=int(match["start"]),
        end=int(match["end"]), toll="toll" in match["trigger"].lower(),
        group=int(match["sentence"]), trigger=int(match["trigger_at"]),
        vague=match["qualifier"] == "vague", civilians=_number(match["civilians"]),
        combatants=_number(match["combatants"]),
    )


class CountsStage:
    """Fill each event's counts from the casualty figures of its article."""

    name = NAME

    def __init__(self, attach_preceding: bool, implicit_victims: bool) -> None:
        self.attach_preceding = attach_preceding
        self.implicit_victims = implicit_victims
        lexicon()  # load (and validate) the data file once, in the factory

    def __call__(self, doc: Document) -> Document:
        figures = casualty_figures(doc)
        if not self.implicit_victims:
            figures = [f for f in figures if f.kind != "implicit"]
        owner: dict[int, int | None] = {}
        for index, fig in enumerate(figures):
            if fig.parent is not None:
                owner[index] = owner.get(fig.parent)
                continue
            owner[index] = _attach(doc.events, fig, self.attach_preceding) if doc.events \
                else None
        for event_index, event in enumerate(doc.events):
            mine = [i for i, e in owner.items() if e == event_index]
            if not mine:
                continue
            updates: dict[str, Any] = {}
            for category in CATEGORIES:
                figs = [figures[i] for i in mine
                        if figures[i].category == category and figures[i].parent is None]
                count = _count(doc, figs, figures)
                if count is not None:
                    sides = [_victim_sides(doc, f) for f in figs]
                    if count.civilians is None and all(s[0] is not None for s in sides):
                        count = count.model_copy(update={"civilians": sum(
                            s[0] or 0 for s in sides)})
                    if count.combatants is None and all(s[1] is not None for s in sides):
                        count = count.model_copy(update={"combatants": sum(
                            s[1] or 0 for s in sides)})
                    updates[FIELD_OF[category]] = count
            claims = list(event.claims)
            seen = {(c.span.start, c.span.end) for c in claims}
            for i in mine:
                fig = figures[i]
                if fig.parent is not None or fig.evidence in seen:
                    continue
                seen.add(fig.evidence)
                claims.append(_claim(doc, fig))
            updates["claims"] = claims
            doc.events[event_index] = event.model_copy(update=updates)
        unattached = [i for i, e in owner.items() if e is None and figures[i].parent is None]
        for i in unattached:
            doc.warn(NAME, "unattached_figure", _message(doc, figures[i]))
        doc.user_data[NAME] = {
            "figures": [asdict(f) for f in figures],
            "unattached": unattached,
            "article": article_casualties(doc, figures=figures),
        }
        return doc


@register(
    NAME,
    requires=["doc.nlp", "events"],
    assigns=["events.fatalities", "events.injured", "events.abducted", "events.arrested",
             "events.displaced", "events.claims"],
    config="counts",
)
def make_counts(config: dict[str, Any]) -> CountsStage:
    """Killed / injured / abducted / arrested / displaced counts of each event, with claims."""
    return CountsStage(
        attach_preceding=bool(config.get("attach_preceding", True)),
        implicit_victims=bool(config.get("implicit_victims", True)),
    )


def _combine_categories(values: Iterable[FigureValue]) -> dict[str, int | None]:
    by_category: dict[str, list[FigureValue]] = {c: [] for c in CATEGORIES}
    for v in values:
        by_category.setdefault(v.category, []).append(v)
    out: dict[str, int | None] = {}
    for category in CATEGORIES:
        combined = combine(by_category[category], article=True)
        out[category] = combined.best if combined is not None else None
        out[f"{category}_civilians"] = combined.civilians if combined is not None else None
        out[f"{category}_combatants"] = combined.combatants if combined is not None else None
    return out


def article_casualties(
    result_or_doc: ArticleResult | Document, figures: list[Figure] | None = None
) -> dict[str, int | None]:
    """Article-level killed / injured / abducted / arrested / displaced (None: no figure),
    and for each category ``<category>_civilians`` / ``<category>_combatants`` where known.

    The events' counts (each one figure) and the figures attached to no event (a Document's
    own, or those read back from an ArticleResult's ``unattached_figure`` warnings),
    combined by :func:`combine`: restated figures count once and the largest total wins, so
    two events reporting the same dead are not added up.
    """
    events = result_or_doc.events
    if isinstance(result_or_doc, Document):
        doc = result_or_doc
        if figures is None:
            stored = doc.user_data.get(NAME)
            figures = [Figure(**_figure_fields(f)) for f in stored["figures"]] if stored \
                else casualty_figures(doc)
        loose = [
            _value(f, doc.text) for f in figures
            if f.parent is None and not _owned(doc.events, f)
        ]
    else:
        loose = [
            v for w in result_or_doc.warnings
            if w.code == "unattached_figure" and (v := _from_message(w.message)) is not None
        ]
    for event in events:
        for category in CATEGORIES:
            count = getattr(event, FIELD_OF[category])
            if count is None or count.best is None:
                continue
            start = min((s.start for s in count.spans), default=event.trigger.start)
            loose.append(FigureValue(
                category=category, best=count.best, low=count.low, high=count.high,
                kind="increment" if count.spans and all(
                    _says_increment(s.text) for s in count.spans
                ) else "total",
                source=None, start=start, end=start,
                civilians=count.civilians, combatants=count.combatants,
                group=event.sentence.start,
            ))
    return _combine_categories(loose)


def _says_increment(text: str) -> bool:
    """True when a count's evidence names more people than before ("two more", "others")."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & lexicon().increment)


def _owned(events: Sequence[Event], fig: Figure) -> bool:
    """True when an event's count cites this figure."""
    for event in events:
        for category in CATEGORIES:
            count = getattr(event, FIELD_OF[category])
            if count is not None and any(
                s.start <= fig.start and fig.end <= s.end for s in count.spans
            ):
                return True
    return False


def _figure_fields(stored: dict[str, Any]) -> dict[str, Any]:
    fields = dict(stored)
    for key in ("sentence", "trigger", "victims_span", "source"):
        if fields.get(key) is not None:
            fields[key] = tuple(fields[key])
    fields["parts"] = tuple(fields.get("parts", ()))
    return fields
