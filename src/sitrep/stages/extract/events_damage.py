"""Damage a report states apart from the attack that did it: "two vehicles were destroyed
and several houses were damaged", "it also destroyed a telephone booth", "the blast caused
severe damage to nearby businesses", "five houses damaged by explosives", "her vehicle
sustained considerable damage".

Reports of bombings tell the explosion in one sentence and what it wrecked in the next, often
with no agent at all. A damage predicate whose agent is missing, a pronoun ("it", "which") or
a thing that is no one (an explosion, a blast, a shock wave, a bomb), and whose patient is a
thing (not people: see :func:`~sitrep.stages.extract.events_syntax.patient_role`), gives that
thing as an object of the nearest asserted attack at or before it (the same sentence's, else
the latest earlier one); a damaged part ("the windows of the bank") stands for the whole
(each whole: "the windows of a bank and a hotel"), and "the destruction of X" is damage too.
Damage done by someone ("the rebels destroyed the bridge") is an event of its own and is
left to the triggers; negated or hypothetical damage ("was not damaged", "could destroy") is
none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.stages.extract.events_attribution import (
    asserted,
)
from sitrep.stages.extract.events_harm import DAMAGE_VERBS, HARM_NOUNS
from sitrep.stages.extract.events_lexicon import Lexicon
from sitrep.stages.extract.events_merge import Draft, asserted_attacks, attack_at_or_before
from sitrep.stages.extract.events_modality import lemma
from sitrep.stages.extract.events_roles import Role
from sitrep.stages.extract.events_syntax import (
    conjuncts,
    is_actorish,
    is_people,
    patient_role,
    phrase_bounds,
    pobjs,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

SUFFER_VERBS = frozenset({"sustain", "suffer", "receive"})  # "X sustained damage"


def _no_one(verb: Token, lex: Lexicon) -> bool:
    """Is the damage ``verb`` states done by no one named: no agent, a pronoun ("it",
    "which": no person), or a thing?"""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for _, o in pobjs(verb, ("by",)) if verb.tag_ == "VBN"]
    return not any(is_people(d, lex) or is_actorish(d, lex) for d in doers)


def _stated(verb: Token, lex: Lexicon) -> bool:
    """Asserted, and under no modal of the lexicon ("could destroy")."""
    modal = lex.cls("modal")
    return asserted(verb) and not any(c.dep_ == "aux" and lemma(c) in modal
                                      for c in verb.children)


PARTS = frozenset({"window", "windshield", "facade", "roof", "wall", "door", "front",
                   "showcase", "entrance"})


def _whole(thing: Token) -> list[Token]:
    """What a damaged part belongs to: "the windows of the bank" are the bank's, "the windows
    of a house and a building" theirs."""
    if lemma(thing) in PARTS:
        return [w for _, o in pobjs(thing, ("of",)) for w in conjuncts(o)][:4] or [thing]
    return [thing]


# the stems of DAMAGE_VERBS and HARM_NOUNS: only words that start so are looked at
STEMS = re.compile(r"\b(?:destr|damag|wreck|level|raz|flatten|burn|demoli|shatter|gut|harm)")


def _candidates(parse: SpacyDoc) -> list[Token]:
    """The tokens that could state damage, found in the text (cheaper than every token)."""
    found: dict[int, Token] = {}
    for m in STEMS.finditer(parse.text.lower()):
        span = parse.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span):
            found.setdefault(span[0].i, span[0])
    return list(found.values())


def damaged_things(parse: SpacyDoc, lex: Lexicon) -> list[Token]:
    """Heads of the things a sentence states were damaged by no one named (module
    docstring)."""
    found: list[Token] = []
    for token in _candidates(parse):
        if token.pos_ in ("VERB", "AUX") and lemma(token) in DAMAGE_VERBS:
            if not _stated(token, lex) or not _no_one(token, lex):
                continue
            for patient in (c for c in token.children if c.dep_ in ("nsubjpass", "dobj")):
                found.extend(conjuncts(patient))
            if token.dep_ == "acl" and token.tag_ == "VBN":  # "five houses damaged by x"
                found.append(token.head)
        elif token.pos_ == "NOUN" and lemma(token) in HARM_NOUNS:
            verb = token.head
            if token.dep_ == "dobj" and lemma(verb) in SUFFER_VERBS and _stated(verb, lex):
                found.extend(t for c in verb.children if c.dep_ == "nsubj"
                             for t in conjuncts(c))  # "the vehicle sustained damage"
            holders = [token, *(c for c in token.children if c.dep_ == "acl")]  # "caused to"
            found.extend(t for h in holders for _, o in pobjs(h, ("to",)) for t in conjuncts(o))
            if lemma(token) != "damage":  # "the destruction of five power lines"
                found.extend(t for _, o in pobjs(token, ("of",)) for t in conjuncts(o))
    found = [w for t in found for w in _whole(t)]
    return [t for t in found if t.pos_ in ("NOUN", "PROPN") and not t.like_num
            and patient_role(t, "ASSAULT", lex) == "object"]


def add_damage(drafts: list[Draft], parse: SpacyDoc, lex: Lexicon) -> None:
    """Give each thing :func:`damaged_things` finds to the nearest asserted attack at or
    before its sentence, as an object."""
    attacks = asserted_attacks(drafts)
    if not attacks:
        return
    for head in damaged_things(parse, lex):
        draft = attack_at_or_before(attacks, head.sent.start)
        if draft is None:
            continue
        start, end = phrase_bounds(head, lex)
        if end <= start or any(r.start <= start and end <= r.end for r in draft.roles):
            continue
        draft.roles.append(Role("object", start, end, head.i))
