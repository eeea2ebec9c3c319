"""The ``extract.counts.v1`` stage: killed, injured, abducted, arrested and displaced counts.

Two layers. :func:`~sitrep.stages.extract.counts_figures.casualty_figures` finds every
casualty figure of the article (no events needed). This stage then attaches each figure to
the event it belongs to and combines the figures of each event into the event's
``fatalities`` / ``injured`` / ``abducted`` / ``arrested`` / ``displaced`` :class:`Count`,
with one :class:`Claim` per figure saying who reports it.

Attaching (first rule that finds an event wins; negated and hypothetical events never take
a figure): the event whose trigger is the figure's casualty word; else the event whose
trigger governs the casualty verb ("fired at protesters, killing 11": not the nearer
"protesters"), if its type is related to the category (``related_types`` in the lexicon);
else the nearest related event of the same sentence; else the nearest preceding related
event, unless the figure is a running total (counted since a time its sentence names, "has
displaced 400,000 people since 2019", or by a war, "the war has killed thousands"). A figure
with no event is kept in the article summary ``doc.user_data["extract.counts.v1"]`` and
reported with a warning ``unattached_figure`` whose message reads::

    killed best=13 low=13 high=- kind=total qualifier=at_least civilians=- combatants=-
    at 0:11 sentence=0 source="police" trigger_at=25 trigger="killed": no event to attach
    "At least 13" to

(one line; :func:`article_casualties` reads these back from an :class:`ArticleResult`).

Combining the figures of one category into one count (:func:`combine`) follows the documented
conservative rule of :mod:`~sitrep.stages.extract.counts_totals`.

:func:`article_casualties` gives the article-level figures the ``casualties`` eval scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import ArticleResult, Claim, Count, Event, Span
from sitrep.stages.extract.actors import actor_id_at, actors_in
from sitrep.stages.extract.counts_figures import Figure, casualty_figures
from sitrep.stages.extract.counts_lexicon import CATEGORIES, lexicon
from sitrep.stages.extract.counts_totals import FigureValue, _value, combine
from sitrep.stages.extract.events_lexicon import default_lexicon
from sitrep.stages.extract.events_syntax import is_running_total

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

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
FIELD_OF = {
    "killed": "fatalities",
    "injured": "injured",
    "abducted": "abducted",
    "arrested": "arrested",
    "displaced": "displaced",
}


# -- attaching figures to events ---------------------------------------------------------
def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _casualty_word(parsed: SpacyDoc | None, fig: Figure) -> Token | None:
    """The parsed token of the figure's casualty word ("killed", "killing"), if any."""
    if fig.trigger is None or parsed is None:
        return None
    span = parsed.char_span(fig.trigger[0], fig.trigger[1], alignment_mode="expand")
    return span.root if span is not None else None


def _running_total(doc: Document, fig: Figure, word: Token | None) -> bool:
    """'violence has displaced 400,000 people since 2019', 'the war has killed thousands': a
    figure counted since a time named in its sentence (``mentions.times``, when that stage
    ran) or by a war's perfect is a running total, no earlier event's own toll."""
    start, end = fig.sentence
    if word is not None and is_running_total(word, default_lexicon()):
        return True
    return any(
        start <= t.span.start < end and doc.text[max(start, t.span.start - 6):t.span.start]
        .lower().rstrip().endswith("since")
        for t in doc.times
    )


def _governing_event(usable: list[tuple[int, Event]], word: Token | None) -> int | None:
    """ "Police fired at protesters, killing at least 11": the event whose trigger governs
    the casualty verb's participle clause, before any nearer event word."""
    if word is None or word.dep_ != "advcl" or word.tag_ != "VBG":
        return None  # (a conjoined clause is an event of its own: "X killed A and B died")
    head = word.head
    for i, e in usable:
        if e.trigger.start <= head.idx < e.trigger.end:
            return i
    return None


def _attach(events: Sequence[Event], fig: Figure, preceding: bool,
            word: Token | None = None) -> int | None:
    lex = lexicon()
    related = lex.related_types.get(fig.category, frozenset())
    usable = [
        (i, e) for i, e in enumerate(events) if not e.negated and not e.hypothetical
    ]
    if fig.trigger is not None:
        for i, e in usable:
            if _overlaps((e.trigger.start, e.trigger.end), fig.trigger):
                return i
    governor = _governing_event(usable, word)
    if governor is not None and events[governor].type in related:
        return governor
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
            word = _casualty_word(doc.nlp, fig)
            preceding = self.attach_preceding and not _running_total(doc, fig, word)
            owner[index] = _attach(doc.events, fig, preceding, word) if doc.events else None
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

