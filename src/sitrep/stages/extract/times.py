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
from datetime import date
from typing import TYPE_CHECKING, Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import EventDate, Span, Time
from sitrep.stages.extract.counts_lexicon import lexicon as counts_lexicon
from sitrep.stages.extract.times_lexicon import load_lexicon
from sitrep.stages.extract.times_resolve import REFS, Context, resolve
from sitrep.stages.extract.times_rules import Rules, default_rules
from sitrep.stages.extract.times_select import Candidate, select

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

NAME = "extract.times.v1"

# Temporal prepositions and modifiers that make a bare month name ("in May") a date when
# there is no parse to tell a month from a verb or a modal.
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|of|since|until|till|by|from|to|through|during|before|after|early|late|mid|last|this|next|and)\W*$",
    re.I,
)
_FUTURE_WORDS = frozenset({"will", "'ll", "shall", "wo"})
_COUNT_WORDS = re.compile(
    r"(?:about|around|some|nearly|almost|over|than|least|to|up|only|just)\s*$", re.I
)
# "from 2009 to", "between 2014 and": what comes next ends a span of years, not a count.
_YEAR_SPAN = re.compile(
    r"\b(?:from|between)\s+(?:1[6-9]|20)\d\d\s+(?:to|and|until|through)\s*$", re.I
)
# Prepositions after which a four-digit number before a plural noun is still a year.
_YEAR_PREPOSITIONS = frozenset(
    {"in", "since", "until", "till", "before", "after", "by", "during", "from", "through"}
)
# Around a capitalised time word: what makes it the start of a sentence or part of a name.
_OPENS_SENTENCE = re.compile(r"(?:[.!?:;(\[\n\"“‘'`]|^)\s*$")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.&'’-]*\s+$")
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")
_LONG_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
# "No. 1922", "Nos. 1922", "# 1922", "number 1922": what follows is a number, not a year.
_NUMBER_SIGN = re.compile(r"(?:\b(?:No|Nos|Nr)\.?|#|\bnumber)\s*$", re.I)
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
            c for c in self.rules.candidates(text) if _plausible(c, text, parse, published)
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
            doc.times.append(
                Time(
                    span=Span.of(text, cand.start, cand.end),
                    type=resolved.type,
                    value=resolved.value,
                    precision=resolved.precision,
                )
            )
            meta.append({"basis": resolved.basis, "rule": cand.rule})
        doc.user_data[NAME] = {"meta": meta}
        if ctx.unanchored:
            doc.warn(
                NAME,
                "no_anchor",
                "no publication date: relative time expressions keep unresolved values (XXXX)",
            )
        return doc


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


def _tokens(parse: SpacyDoc, start: int, end: int) -> list[Token]:
    span = parse.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _plausible(
    cand: Candidate, text: str, parse: SpacyDoc | None, published: date | None = None
) -> bool:
    """Veto candidates whose key word is not a date word here (case, parse, counts)."""
    for start, end, what in cand.checks:
        word = text[start:end]
        if what in ("month", "weekday") and not (word[:1].isupper()):
            return False
        tokens = _tokens(parse, start, end) if parse is not None else []
        if what == "month":
            if tokens:
                tok = tokens[0]
                if tok.tag_ == "MD" or (tok.pos_ == "VERB" and cand.rule == "month"):
                    return False
            elif (
                cand.rule == "month"
                and word.lower() in ("may", "march")
                and not _MONTH_CONTEXT.search(text[max(0, start - 12) : start])
            ):
                return False
        elif what == "year":
            if not _plausible_year(text, start, end, tokens, published):
                return False
        elif what == "vague" and (_noun_current(word, tokens) or _discourse_now(text, start, end)):
            return False
        elif what == "season" and tokens and tokens[0].pos_ not in ("NOUN", "PROPN"):
            return False  # "prices fall", "troops spring into action"
        elif what == "name" and _in_name(text, start, end, tokens):
            return False
        elif what == "prenominal" and tokens and _modifies_next_noun(tokens[-1]):
            return False  # "year-end net", "year-end bonuses": a modifier, not a date
    return True


def _in_name(text: str, start: int, end: int, tokens: list[Token]) -> bool:
    """A capitalised time word inside a name: "USA Today", "Russia TODAY", "The Daily Beast",
    "Politics Now", "the GREEN Spring Cleanup". The word is capitalised, does not open a
    sentence, and a capitalised word is next to it; a title-case headline does not count."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if tokens and tokens[0].is_sent_start:
        return False
    before = text[max(0, start - 40) : start]
    if not before.strip() or _OPENS_SENTENCE.search(before):
        return False
    if not (_CAPITALISED_BEFORE.search(before) or _CAPITALISED_AFTER.match(text, end)):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    words = _LONG_WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)])
    capitalised = sum(1 for w in words if w[:1].isupper())
    return not (words and capitalised >= 0.7 * len(words))  # a headline in title case


def _modifies_next_noun(tok: Token) -> bool:
    return tok.dep_ in ("amod", "compound", "nmod") and tok.head.i == tok.i + 1


def _discourse_now(text: str, start: int, end: int) -> bool:
    """ "Now, ..." opening a sentence is a discourse marker ("Now, he says, it looks like..."),
    not the present time ("Now the court has ruled" is)."""
    return (
        text[start:end] == "Now"
        and text[end : end + 1] == ","
        and bool(_OPENS_SENTENCE.search(text[max(0, start - 40) : start]))
    )


def _noun_current(word: str, tokens: list[Token]) -> bool:
    """ "current" as a noun (an electric or ocean current) is not a time reference."""
    return word.lower() == "current" and bool(tokens) and tokens[0].pos_ == "NOUN"


def _plausible_year(
    text: str, start: int, end: int, tokens: list[Token], published: date | None = None
) -> bool:
    """A four-digit number is a year unless it counts something ("about 1500", "2000 troops")."""
    if text[end : end + 2][:1] == "." and text[end + 1 : end + 2].isdigit():
        return False
    if text[start - 1 : start] in ("$", "#", "£", "€"):
        return False
    if _NUMBER_SIGN.search(text[max(0, start - 8) : start]):
        return False  # "Lodge No. 1871", "Resolution #1973": a number, not a year
    number = text[start:end]
    far = published is not None and number.isdigit() and abs(int(number) - published.year) > 2
    if tokens and far and _after_name(tokens[0]):
        return False  # "Resolution 1701" (an event of the time, "WWDC 2005", keeps its year)
    is_date_entity = any(t.ent_type_ == "DATE" for t in tokens)
    counted = _COUNT_WORDS.search(text[max(0, start - 12) : start])
    if counted and _YEAR_SPAN.search(text[max(0, start - 24) : start]):
        counted = None  # "from 2009 to 2011": the end of a span of years
    if counted and text[start - 1 : start] != "-" and not is_date_entity:
        return False
    if tokens:
        tok = tokens[0]
        if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and not is_date_entity:
            return False
        if _counts_next_word(tok):
            return False
    return True


def _counts_next_word(tok: Token) -> bool:
    """"2000 soldiers crossed", "this month 1990 people fled": a number right before a plural
    noun naming people counts them, whatever the entity tagger or the parse made of the words
    around (the people nouns are the casualty lexicon's, ``data/counts/lexicon.toml``). A year
    still modifies such a noun after a determiner, a possessive or a time preposition ("the
    1948 refugees", "the country's 1990 conscripts", "in 2000 soldiers were deployed")."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].tag_ != "NNS":
        return False
    noun = doc[tok.i + 1].lemma_.lower()
    if noun not in ("people", "person") and noun not in counts_lexicon().persons:
        return False
    if tok.i == 0:
        return True
    before = doc[tok.i - 1]
    return before.tag_ not in ("DT", "PRP$", "POS") and before.lower_ not in _YEAR_PREPOSITIONS


def _after_name(tok: Token) -> bool:
    """A four-digit number right after a proper noun is part of a name, not a year
    ("Resolution 1701", "the Russell 2000 index", "Windows 2000"): TimeML does not mark
    numbers in names. The caller asks only for numbers more than two years from the
    publication year: a name with the year of its event ("WWDC 2005", "Euro 2016") is
    reported around that year, and its year is a date. A calendar word before it keeps the
    year ("Christmas 2001", "Fiscal 2020"; lexicon ``year_names``); a year before a name
    stays one ("his 1987 Chevrolet")."""
    if tok.i == 0 or tok.is_sent_start:
        return False
    prev = tok.nbor(-1)
    if prev.whitespace_ != " " or prev.is_sent_start or prev.pos_ != "PROPN":
        return False
    if not prev.text[:1].isupper() or any(c.isdigit() for c in prev.text):
        return False
    word = re.sub(r"['’]s$", "", prev.lower_).strip(".")
    return word not in load_lexicon().calendar_words


def _verb_just_before(parse: SpacyDoc, start: int, end: int) -> Token | None:
    """A tensed verb right before the expression ("said Friday", "said on Friday that"): the
    expression dates that verb even where the parse hangs it on the next clause ("said on
    Friday it would withdraw")."""
    tokens = _tokens(parse, start, end)
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
        tokens = _tokens(parse, start, end)
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
    tokens = _tokens(parse, start, end)
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
    tensed = [a for a in auxes if a.lower_ != "to"]
    if tok.tag_ in ("VBZ", "VBP") or tensed:
        return "present"
    if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VB", "VBN", "VBG"):
        return "untensed"
    return "present"


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
    trig = _tokens(doc.nlp, trigger[0], trigger[1])
    expr = _tokens(doc.nlp, time.span.start, time.span.end)
    if not trig or not expr:
        return 1
    head = trig[0]
    root = min(expr, key=lambda t: len(list(t.ancestors)))
    ancestors = list(root.ancestors)
    if head in expr:
        return 0
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
