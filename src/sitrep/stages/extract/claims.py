"""The ``extract.claims.v1`` stage: who asserts each event, and how firmly.

For every event in ``doc.events`` it lists :class:`~sitrep.schema.Claim` records from

- **attributions**: a quote (``mentions.quotes``) whose content contains the event's trigger
  ("X said the army shelled ...", "according to X"); the claim's status is the speech verb's
  (``reported`` for "said", ``alleged`` for "claimed"/"accused", ``denied`` for "denied",
  ``disputed`` for "disputed", from ``data/quotes/verbs.tsv``);
- **attributions inside a quote** ("X said Y denied Z"): the quotes stage lists only X's
  quote, and keeps Y's denial in ``user_data``; it becomes a claim by Y with X's quote;
- **blame with an anaphor**: a blame or denial verb whose object refers back to events
  ("Baku attributed the episodes to ...", "denied the attack", "denied the allegations",
  "denied carrying out the attack", "denied responsibility for the attack") applies to the
  events of the previous sentence and of its own sentence: any of them for a general noun,
  those of the same noun or event type for an event noun (``data/quotes/anaphors.tsv``);
- **hedges** in the trigger's clause ("allegedly", "reportedly", "so-called",
  ``data/quotes/hedges.tsv``) and **scare quotes** around the trigger: the article itself
  keeps its distance, so the claim has no author (``by`` null) and status ``alleged``.

An event asserted by one party and denied by another keeps both claims, side by side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import Claim, Quote, Span
from sitrep.stages.extract.actors import actor_id_at
from sitrep.stages.extract.quotes_lexicon import Lexicon, Status, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

NAME = "extract.claims.v1"
QUOTES = "extract.quotes.v1"
EVENTS = "extract.events.v1"
"""The events stage keeps each event's merged mentions (trigger char spans) here."""
_BLAME_STATUSES = frozenset({"alleged", "denied", "disputed"})
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})


def _quote_claims(
    mention: tuple[int, int], quotes: list[Quote], status_of: dict[str, str | None]
) -> list[Claim]:
    """Claims from the quotes whose content holds the event's trigger, innermost first."""
    start, end = mention
    holding = [q for q in quotes if q.content.start <= start and end <= q.content.end]
    holding.sort(key=lambda q: q.content.end - q.content.start)
    claims: list[Claim] = []
    for quote in holding:
        status = status_of.get(quote.id, "reported")
        if status is None:
            continue  # "X vowed to ...": an intention, not an assertion
        if status not in ("reported", "alleged", "denied", "disputed"):
            status = "reported"
        span = quote.cue or quote.speaker.span or quote.content
        claims.append(Claim(by=quote.speaker.actor, quote=quote.id, status=status, span=span))
    return claims


def _nested_claims(
    text: str, mention: tuple[int, int], nested: list[dict[str, Any]]
) -> list[Claim]:
    """Claims from attributions reported inside a quote ("X said Y denied Z"), innermost first;
    the quote that reports them is the claim's quote."""
    start, end = mention
    holding = [
        n for n in nested
        if n["content"][0] <= start and end <= n["content"][1] and n["status"] is not None
    ]
    holding.sort(key=lambda n: n["content"][1] - n["content"][0])
    return [
        Claim(by=n["actor"], quote=n["quote"], status=n["status"],
              span=Span.of(text, int(n["cue"][0]), int(n["cue"][1])))
        for n in holding
    ]


def _trigger_token(sd: SpacyDoc, mention: tuple[int, int]) -> Token | None:
    span = sd.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _hedge_claims(
    text: str, sd: SpacyDoc, trigger: Token, lex: Lexicon, window: int
) -> list[Claim]:
    """'a weapons attack allegedly organized by ...': hedges near the trigger in its clause."""
    claims: list[Claim] = []
    sent = trigger.sent
    lowers = [t.lower_ for t in sd]
    related = {trigger.i, trigger.head.i, *(c.i for c in trigger.children)}
    for phrase, status in lex.hedges.items():
        n = len(phrase)
        for i in range(sent.start, sent.end - n + 1):
            if tuple(lowers[i : i + n]) != phrase:
                continue
            token = sd[i]
            if any(c.dep_ == "nsubj" for c in token.children):
                continue  # "X claimed ...": an attribution, which the quotes carry
            near = abs(i - trigger.i) <= window
            attached = token.head.i in related or token.i in related or any(
                a.i == trigger.i for a in list(token.ancestors)[:3]
            )
            if not (near or attached):
                continue
            last = sd[i + n - 1]
            claims.append(
                Claim(status=status, span=Span.of(text, token.idx, last.idx + len(last.text)))
            )
    return claims


def _scare_claims(
    text: str, mention: tuple[int, int], scare: list[tuple[int, int]]
) -> list[Claim]:
    """A trigger inside unattributed quote marks ('an "anti-terrorist operation"')."""
    return [
        Claim(status="alleged", span=Span.of(text, start, end))
        for start, end in scare
        if start <= mention[0] and mention[1] <= end
    ]


def _blames(sd: SpacyDoc, lex: Lexicon) -> list[tuple[Token, Token, Status]]:
    """(verb, anaphoric object, status): "attributed the episodes to ...", "denied the attack"."""
    out: list[tuple[Token, Token, Status]] = []
    for token in sd:
        verb = lex.verbs.get(token.lemma_.lower())
        if verb is None or verb.status is None or token.pos_ != "VERB":
            continue
        if verb.status not in _BLAME_STATUSES:
            continue
        for child in _blamed(token, verb.status):
            if child.lemma_.lower() in lex.anaphors and any(
                d.lower_ in _DEFINITE for d in child.children
            ):
                out.append((token, child, verb.status))
    return out


def _blamed(verb: Token, status: Status) -> list[Token]:
    """What a blame or denial verb is about: its object ("denied the attack"), the object of
    its gerund ("denied carrying out the attack") and, for a denial, the noun after the
    object's preposition ("denied responsibility for the attack", "denied any role in it";
    not "claimed responsibility for the attack", which owns the attack, not alleges it)."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found.append(child)
        if child.tag_ == "VBG" and child.dep_ in ("xcomp", "dobj"):
            found += [g for g in child.children if g.dep_ == "dobj"]
    if status not in ("denied", "disputed"):
        return found
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    heads = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if has_object:
        heads.append(verb)  # the parse may hang "in the attack" on the verb
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "in", "behind", "of"):
                found += [g for g in prep.children if g.dep_ == "pobj"]
    return found


def _blame_claims(
    doc: Document, sd: SpacyDoc, trigger: Token,
    blames: list[tuple[Token, Token, Status]], lex: Lexicon,
    event_type: str | None = None, types: dict[int, str] | None = None,
) -> list[Claim]:
    """Claims from blame and denial verbs whose object refers to the event of ``trigger``
    (of type ``event_type``; ``types`` gives the event type of each trigger token)."""
    types = types or {}
    claims: list[Claim] = []
    for verb, obj, status in blames:
        sent = verb.sent
        itself = trigger.i == obj.i  # "denied carrying out the attack": the attack is denied
        same = sent.start <= trigger.i < verb.i
        previous = sent.start > 0 and sd[sent.start - 1].sent.start <= trigger.i < sent.start
        if not (same or previous or itself):
            continue
        if trigger.pos_ == "VERB" and trigger.lemma_.lower() in lex.verbs and any(
            c.dep_ in ("ccomp", "dobj") for c in trigger.children
        ):
            continue  # a speech act ("X said ...") is not what "the episodes" refers to
        anaphor = obj.lemma_.lower()
        specific = lex.anaphors.get(anaphor) != "any"
        same_kind = (
            event_type is not None
            and types.get(obj.i) == event_type
            and not any(c.dep_ == "prep" for c in obj.children)
        )  # "shelled the market ... denied the attack": an event noun of the same type that
        # names no other target or place of its own refers back to the event
        if (
            specific and not itself and not same_kind
            and trigger.lemma_.lower() != anaphor and obj.lower_ != trigger.lower_
        ):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        by = None
        if subject is not None:
            head_end = subject.idx + len(subject.text)
            by = actor_id_at(doc, subject.idx, head_end)
        cue = (verb.idx, verb.idx + len(verb.text))
        quote = next(
            (q.id for q in doc.quotes if q.cue is not None and (q.cue.start, q.cue.end) == cue),
            None,
        )
        if by is None and quote is not None:
            by = next((q.speaker.actor for q in doc.quotes if q.id == quote), None)
        claims.append(Claim(by=by, quote=quote, status=status, span=Span.of(doc.text, *cue)))
    return claims


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[str | None, str | None, str, int, int]] = set()
    out: list[Claim] = []
    for claim in claims:
        key = (claim.by, claim.quote, claim.status, claim.span.start, claim.span.end)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


class ClaimsStage:
    """Who asserts each event and how firmly (``events.claims``)."""

    name = NAME

    def __init__(self, config: dict[str, Any]) -> None:
        self.window = int(config.get("hedge_window", 3))
        self.anaphora = bool(config.get("anaphora", True))
        self.lex = load_lexicon()

    def __call__(self, doc: Document) -> Document:
        if not doc.events:
            return doc
        data = doc.user_data.get(QUOTES, {})
        status_of: dict[str, str | None] = dict(data.get("status", {}))
        scare = [(int(s[0]), int(s[1])) for s in data.get("scare", [])]
        nested: list[dict[str, Any]] = list(data.get("nested", []))
        sd = doc.nlp
        blames = _blames(sd, self.lex) if sd is not None and self.anaphora else []
        mentions: dict[str, list[tuple[int, int]]] = doc.user_data.get(EVENTS, {}).get(
            "mentions", {}
        )
        spans_of: dict[str, list[tuple[int, int]]] = {}
        types: dict[int, str] = {}
        for event in doc.events:
            spans = [(event.trigger.start, event.trigger.end)]
            spans += [
                (int(m[0]), int(m[1])) for m in mentions.get(event.id, [])
                if (int(m[0]), int(m[1])) not in spans
            ]
            spans_of[event.id] = spans
            for mention in spans:
                token = _trigger_token(sd, mention) if sd is not None else None
                if token is not None:
                    types.setdefault(token.i, event.type)
        for event in doc.events:
            claims: list[Claim] = []
            for mention in spans_of[event.id]:
                claims += _nested_claims(doc.text, mention, nested)
                claims += _quote_claims(mention, doc.quotes, status_of)
                if sd is not None:
                    trigger = _trigger_token(sd, mention)
                    if trigger is not None:
                        claims += _blame_claims(
                            doc, sd, trigger, blames, self.lex, event.type, types
                        )
                        claims += _hedge_claims(doc.text, sd, trigger, self.lex, self.window)
                claims += _scare_claims(doc.text, mention, scare)
            event.claims = _dedupe(claims)
        return doc


@register(NAME, requires=["events", "mentions.quotes"], assigns=["events.claims"], config="claims")
def make_claims(config: dict[str, Any]) -> ClaimsStage:
    """Who asserts each event and how firmly: attributions, hedges, denials (``events.claims``)."""
    return ClaimsStage(config)
