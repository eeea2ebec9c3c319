"""The ``extract.times.v1`` stage: every time expression, normalised to a TimeML value.

Patterns built from ``data/times/lexicon.toml`` (:mod:`times_rules`) find DATE, TIME,
DURATION and SET expressions; the spaCy parse vetoes words that only look like dates ("May"
as a modal, "March" as a verb, "2000 troops") and gives the tense that decides whether
"Thursday" is last or next Thursday; :mod:`times_resolve` anchors relative expressions on
the publication date, or on the time the text last mentioned for "the next day" and "a year
earlier". Without a publication date, relative values keep ``X`` placeholders ("XXXX-WXX-2")
and the document gets one ``no_anchor`` warning: nothing is anchored on the day the program
runs.

:func:`event_date` is the helper later stages use to date an event.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import EventDate, Span, Time
from sitrep.stages.extract.times_filters import plausible, prenominal_start, span_tokens
from sitrep.stages.extract.times_lexicon import load_lexicon
from sitrep.stages.extract.times_resolve import REFS, Context, resolve
from sitrep.stages.extract.times_rules import Rules, default_rules
from sitrep.stages.extract.times_select import select

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

NAME = "extract.times.v1"

_FUTURE_WORDS = frozenset({"will", "'ll", "shall", "wo"})
_BARE_CLOCKS = ("clock", "clock_ampm", "clock_military", "noon")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|to|until|till|through|and)\s*", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?:T|$)")
ACLED_TIME_PRECISION = {"minute": 1, "hour": 1, "day": 1, "week": 2}
PUBLICATION_TIME_PRECISION = 2


class TimesStage:
    """Find and normalise time expressions; fills ``doc.times``."""

    name = NAME

    def __init__(
        self,
        rules: Rules,
        use_tense: bool = True,
        reference_window: int = 400,
        day_first: bool = False,
    ) -> None:
        self.rules = rules
        self.day_first = day_first
        self.use_tense = use_tense
        self.reference_window = reference_window

    def __call__(self, doc: Document) -> Document:
        published = _parse_published(doc)
        text = doc.text
        parse = doc.nlp
        candidates = [
            c for c in self.rules.candidates(text) if plausible(c, text, parse, published)
        ]
        ctx = Context(published=published, window=self.reference_window, day_first=self.day_first)
        meta: list[dict[str, Any]] = []
        for cand in select(candidates, text):
            tense = (
                _tense(parse, cand.start, cand.end)
                if (parse is not None and self.use_tense)
                else "present"
            )
            ctx.position = cand.start
            resolved = resolve(cand.meaning, ctx, tense)
            if resolved is None:
                continue
            start = prenominal_start(text, parse, cand.start, cand.end)
            doc.times.append(
                Time(
                    span=Span.of(text, start, cand.end),
                    type=resolved.type,
                    value=resolved.value,
                    precision=resolved.precision,
                )
            )
            meta.append({"basis": resolved.basis, "rule": cand.rule})
        _clock_ranges(doc.times, meta, text)
        _weekday_ranges(doc.times, meta, text)
        doc.user_data[NAME] = {"meta": meta}
        if ctx.unanchored:
            doc.warn(
                NAME,
                "no_anchor",
                "no publication date: relative time expressions keep unresolved values (XXXX)",
            )
        return doc


def _clock_ranges(times: list[Time], meta: list[dict[str, Any]], text: str) -> None:
    """ "9 a.m. to 2 p.m. May 16": a bare clock time opening a range is on the day of the
    clock time that closes it (TimeML anchors both ends on that day)."""
    for i in range(len(times) - 1):
        first, last = times[i], times[i + 1]
        if (
            meta[i]["rule"] in _BARE_CLOCKS
            and meta[i + 1]["rule"] == "clock_day"
            and "T" in first.value
            and "T" in last.value
            and _RANGE_JOIN.fullmatch(text, first.span.end, last.span.start)
        ):
            value = f"{last.value.split('T')[0]}T{first.value.split('T')[1]}"
            times[i] = first.model_copy(update={"value": value})


def _weekday_ranges(times: list[Time], meta: list[dict[str, Any]], text: str) -> None:
    """ "between Friday and Saturday", "from Monday evening to Tuesday morning": the ends of a
    range of weekdays lie within one week, the second after the first. When each end was
    anchored on its own across a week boundary (the first on the publication day, the second
    in the week before), the second follows the first."""
    for i in range(len(times) - 1):
        first, last = times[i], times[i + 1]
        if not (
            meta[i]["rule"] == meta[i + 1]["rule"] == "weekday"
            and _DAY_VALUE.match(first.value)
            and _DAY_VALUE.match(last.value)
            and _RANGE_JOIN.fullmatch(text, first.span.end, last.span.start)
            and _RANGE_OPEN.search(text, max(0, first.span.start - 12), first.span.start)
        ):
            continue
        start, end = date.fromisoformat(first.value[:10]), date.fromisoformat(last.value[:10])
        gap = (end.weekday() - start.weekday()) % 7 or 7
        if 0 < (end - start).days <= 6:
            continue
        moved = start + timedelta(days=gap)
        times[i + 1] = last.model_copy(update={"value": moved.isoformat() + last.value[10:]})


def _parse_published(doc: Document) -> date | None:
    if not doc.published:
        return None
    try:
        return date.fromisoformat(doc.published[:10])
    except ValueError:
        doc.warn(
            NAME, "bad_published", f"publication date {doc.published!r} is not YYYY-MM-DD; not used"
        )
        return None



def _verb_just_before(parse: SpacyDoc, start: int, end: int) -> Token | None:
    """A tensed verb right before the expression ("said Friday", "said on Friday that"): the
    expression dates that verb even where the parse hangs it on the next clause ("said on
    Friday it would withdraw")."""
    tokens = span_tokens(parse, start, end)
    if not tokens or tokens[0].i == 0:
        return None
    if any(t.dep_ == "poss" or (t.head.i > tokens[-1].i and t.head.pos_ == "NOUN") for t in tokens):
        return None  # "said Thursday's drill will test": the day names the drill
    prev = tokens[0].nbor(-1)
    if prev.lower_ == "on" and prev.i > 0:
        prev = prev.nbor(-1)
    if prev.pos_ in ("VERB", "AUX") and prev.tag_ in ("VBD", "VBZ", "VBP"):
        return prev
    return None


def _tense(parse: SpacyDoc, start: int, end: int) -> str:
    """The tense of :func:`_clause_tense` (which way a TimeML value is anchored from the
    publication date), except that an expression right after a verb in
    the past tense is past ("said on Friday it would withdraw", whatever clause the parse
    hangs it on), and a weekday ending a span in the present tense or in no clause lies
    ahead: "the lane is closed through Friday", "Lane closure until Thursday" (in the past
    tense, "stayed until Friday", it is behind)."""
    tense = _clause_tense(parse, start, end)
    verb = _verb_just_before(parse, start, end)
    if verb is not None and _verb_tense(verb) == "past" and tense != "past":
        return "past"
    if tense == "present":
        tokens = span_tokens(parse, start, end)
        weekdays = load_lexicon().weekdays
        if (
            tokens
            and tokens[0].dep_ == "pobj"
            and tokens[0].head.lower_ in ("until", "till", "through")
            and any(t.lower_ in weekdays for t in tokens)
        ):
            return "future"
    return tense


def _clause_tense(parse: SpacyDoc, start: int, end: int) -> str:
    """past, present or future: the tense of the clause the expression sits in.

    The expression's verb gives the tense; a verb without a tense of its own takes it from
    the clause above: a participle modifying a noun ("the ruling issued Thursday", "the
    year ended March 31") is past; an infinitive is future under a present or future verb
    ("is scheduled to resume Monday") and takes the tense of a past one ("had been due to
    expire Friday"). "since" dates something past; an expression hanging on an adjective has
    no tense (present: the nearest date), unless the adjective looks ahead ("payable Dec. 7",
    "effective June 1": future). A day naming an event ("the May 4 shooting") is past. After
    a verb of planning ("planned a rally on Saturday") the day is the nearest one even in the
    past tense, and after a verb of putting off with "until" ("postponed until Tuesday") the
    next one.
    """
    words = load_lexicon().tense
    tokens = span_tokens(parse, start, end)
    if not tokens:
        return "present"
    tok = tokens[0]
    if tok.dep_ == "poss":
        # "Wednesday's ruling": a day named for something that happened, unless the clause
        # of what it names is future ("Wednesday's drill will test the sirens").
        governor = _governing_verb(tok.head)
        if governor is not None and _verb_tense(governor) == "future":
            return "future"
        return "past"
    if (
        tok.dep_ in ("compound", "nmod")
        and tok.head not in tokens
        and tok.head.pos_ == "NOUN"
        and any(t.like_num for t in tokens)
    ):
        # "the May 4 shooting": a day naming an event is past too (a month alone, "the
        # March accession", takes the tense of its clause); a day naming a scheduled event
        # ("the Nov. 8 election", "the May 8 ballot") is the nearest such day.
        return "present" if tok.head.lemma_.lower() in words["scheduled"] else "past"
    path = []
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        path.append(tok)
        if tok.lower_ == "since" and tok.dep_ == "prep":
            return "past"
        if tok.pos_ == "ADJ" and (tok.dep_ != "amod" or tok not in tokens):
            # "payable Dec. 7", "effective June 1", "due Friday": a date still to come
            return "future" if tok.lemma_.lower() in words["due"] else "present"
        tok = tok.head
    until = any(t.lower_ in ("until", "till", "through", "to") for t in path)
    for _ in range(4):
        tense = _verb_tense(tok)
        lemma = tok.lemma_.lower()
        if until and tense == "past" and lemma in words["deferring"]:
            return "future"  # "postponed until Tuesday morning"
        if tense == "past" and lemma in words["planning"] and tokens[0].i > tok.i:
            # "planned a demonstration on Saturday": the nearest day ("On Friday, the
            # government planned to pay": the day of the planning, past)
            return "present"
        if tense != "untensed":
            return tense
        if lemma in words["prospective"] and not (lemma == "set" and not _sets_ahead(tok, path)):
            # "talks set to resume Monday", "the summit planned for April"; under a past
            # verb ("a service planned for Saturday was cancelled") the nearest day.
            governor = _governing_verb(tok)
            above = _verb_tense(governor) if governor is not None else "present"
            return "present" if above == "past" else "future"
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "relcl"):
            return "past"  # "the injunction issued Thursday"
        if tok.tag_ == "VBG" and tok.dep_ not in ("pobj", "pcomp"):
            return "present"  # "resulting in closures during the fourth quarter"
        governor = _governing_verb(tok)
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if infinitive and tok.tag_ == "VB":
            above = _verb_tense(governor) if governor is not None else "present"
            # "is scheduled to resume Monday"; under a past verb ("planned to leave
            # Thursday", "was due to expire Friday") either way: the nearest day.
            return "present" if above == "past" else "future"
        if governor is None:
            return "present"
        tok = governor
    return "present"


def _sets_ahead(tok: Token, path: list[Token]) -> bool:
    """ "set" looks ahead only as "set to resume", "set for April" (not "a record set on
    Aug. 6")."""
    return any(t.lower_ == "for" for t in path) or any(
        c.dep_ == "xcomp" or c.lower_ in ("to", "for") for c in tok.children
    )


def _verb_tense(tok: Token) -> str:
    """past, present or future from a verb and its auxiliaries; untensed for infinitives
    and participles without an auxiliary."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_WORDS for a in auxes) or tok.lower_ in _FUTURE_WORDS:
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (
        tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)
    ):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and tok.dep_ == "ROOT" and not auxes and _has_subject(tok):
        return "past"  # a main clause's verb tagged as a participle ("The daily reported")
    tensed = [a for a in auxes if a.lower_ != "to"]
    if tok.tag_ in ("VBZ", "VBP") or tensed:
        return "present"
    if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VB", "VBN", "VBG"):
        return "untensed"
    return "present"


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` in the parse (through nouns and prepositions)."""
    head = tok.head
    for _ in range(8):
        if head is tok or (head.head is head and head.pos_ not in ("VERB", "AUX")):
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        tok, head = head, head.head
    return None


@register(NAME, requires=["doc.nlp"], assigns=["mentions.times"], config="times")
def make_times(config: dict[str, Any]) -> TimesStage:
    """Time expressions (DATE, TIME, DURATION, SET) with TimeML values (``mentions.times``)."""
    return TimesStage(
        default_rules(),
        use_tense=bool(config.get("use_tense", True)),
        reference_window=int(config.get("reference_window", 400)),
        day_first=bool(config.get("day_first", False)),
    )


# -- the event-date helper ----------------------------------------------------------------


def _acled_precision(precision: str | None) -> int:
    return ACLED_TIME_PRECISION.get(precision or "", 3)


def event_date(
    doc: Document, sentence: tuple[int, int], trigger: tuple[int, int]
) -> EventDate | None:
    """When the event whose trigger is ``trigger`` (in ``sentence``) happened.

    The date or time expression governing the trigger's clause (one the trigger dominates in
    the parse, else the nearest in the sentence that does not belong to another clause) with
    its precision; otherwise the publication date with ``basis="publication"`` and no span;
    None without either.
    """
    candidates = [
        time
        for time in doc.times
        if sentence[0] <= time.span.start
        and time.span.end <= sentence[1]
        and time.type in ("DATE", "TIME")
        and time.precision is not None
        and time.value not in REFS
    ]
    scored = [(_governs(doc, t, trigger), _distance(t, trigger), t) for t in candidates]
    usable = [item for item in scored if item[0] < 2]
    if usable:
        best = min(usable, key=lambda item: (item[0], item[1]))[2]
        return EventDate(
            value=best.value,
            precision=best.precision,
            span=best.span,
            basis="text",
            time_precision=_acled_precision(best.precision),
        )
    if doc.published:
        try:
            published = date.fromisoformat(doc.published[:10])
        except ValueError:
            return None
        return EventDate(
            value=published.isoformat(),
            precision="day",
            span=None,
            basis="publication",
            time_precision=PUBLICATION_TIME_PRECISION,
        )
    return None


def _dates_a_thing(root: Token, head: Token) -> bool:
    """The expression dates a noun that is neither the trigger nor a time, and that noun does
    not place the trigger in time: "the declaration of November 9 (2020)", "violating the
    2020 ceasefire", "the ceasefire of 2020 collapsed when rebels shelled the town" (the
    shelling is not of 2020). A noun after a temporal preposition still dates its clause
    ("lost ground in the 2020 war")."""
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
    elif root.dep_ in ("compound", "nmod", "poss", "amod"):
        noun = root.head
    else:
        return False
    if noun.i == head.i or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    words = load_lexicon().tense
    if noun.lemma_.lower() in words["time_nouns"]:
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in words["temporal_prepositions"])


def _distance(time: Time, trigger: tuple[int, int]) -> int:
    if time.span.end <= trigger[0]:
        return trigger[0] - time.span.end
    return max(0, time.span.start - trigger[1])


def _governs(doc: Document, time: Time, trigger: tuple[int, int]) -> int:
    """How the expression relates to the trigger in the parse.

    0: it is in the trigger's clause (for a noun trigger, also in a clause under it);
    1: unknown, or its clause dominates the trigger ("announced Tuesday that troops
    attacked"); 2: it belongs to another clause (it dates something else).
    """
    if doc.nlp is None:
        return 1
    trig = span_tokens(doc.nlp, trigger[0], trigger[1])
    expr = span_tokens(doc.nlp, time.span.start, time.span.end)
    if not trig or not expr:
        return 1
    head = trig[0]
    words = [t for t in expr if not t.is_punct] or expr  # "(2020)": its brackets hang anywhere
    root = min(words, key=lambda t: len(list(t.ancestors)))
    ancestors = list(root.ancestors)
    if head in expr:
        return 0
    if _dates_a_thing(root, head):
        return 2
    if head in ancestors:
        between = ancestors[: ancestors.index(head)]
        verbal = head.pos_ in ("VERB", "AUX")
        # A verb trigger owns the expression unless another verb's clause comes between;
        # a noun trigger ("the attack that began Tuesday") also owns its relative clauses.
        return 2 if verbal and any(a.pos_ in ("VERB", "AUX") for a in between) else 0
    clause = next((a for a in ancestors if a.pos_ in ("VERB", "AUX")), None)
    if clause is None or clause in head.ancestors:
        return 1
    return 2
