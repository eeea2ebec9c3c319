"""Perpetrators a report names apart from the event: "X claimed responsibility".

Reports often tell an attack in one sentence and who claimed it in another ("a bomb exploded
at the bank. the eln claimed responsibility."), or name the attack by a word that evokes no
event ("claimed responsibility for the action"). The subject of a stated claim of
responsibility or credit (``claim``, ``take``, ``assume``, ``accept``, ``admit``; not
denied, negated or "no group"; for "a spokesman for X", X) is a source of the nearest event
of violence: an ASSAULT of the same sentence, else the latest earlier one. A claim whose
object is itself an event trigger ("for the attack") is left to the event's own roles
(``events_attribution.claimed_by``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.events_attribution import (
    CLAIM_NOUNS,
    asserted,
)
from sitrep.stages.extract.events_lexicon import Lexicon
from sitrep.stages.extract.events_merge import Draft, asserted_attacks, attack_at_or_before
from sitrep.stages.extract.events_modality import lemma
from sitrep.stages.extract.events_roles import (
    Role,
    affiliated_orgs,
)
from sitrep.stages.extract.events_syntax import (
    active_subject,
    phrase_bounds,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

CLAIM_FRAMES = frozenset({"claim", "take", "assume", "accept", "admit"})
SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative",
                      "communique", "statement", "message", "caller"})  # speak for someone


def _claimant(noun: Token) -> Token | None:
    """Who claims ``noun`` ("responsibility"), if the claim is stated, else None."""
    verb = noun.head
    if noun.dep_ != "dobj" or lemma(verb) not in CLAIM_FRAMES or not asserted(verb):
        return None
    subject = active_subject(verb)
    if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subject = verb.head  # "the eln, which claimed responsibility"
    if subject is not None and lemma(subject) in SPEAKERS:  # "a spokesman for X": X
        subject = next((o for p in subject.children if p.dep_ == "prep"
                        and p.lower_ in ("for", "of") for o in p.children if o.dep_ == "pobj"),
                       None)
    if subject is None or subject.pos_ == "PRON" or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    ):
        return None  # "they": whom it stands for is unknown here; "no group"
    return subject


def add_claimants(drafts: list[Draft], parse: SpacyDoc, lex: Lexicon) -> None:
    """Give each claimant (module docstring) to the nearest ASSAULT draft at or before it."""
    violent = asserted_attacks(drafts)
    if not violent:
        return
    heads = {d.head for d in drafts} | {i for d in drafts for s, e in d.merged
                                         for i in range(s, e)}
    for noun in parse:
        if noun.lower_ not in CLAIM_NOUNS:
            continue  # cheap test first
        objects = [o for p in (*noun.children, *noun.head.children)
                   if p.dep_ == "prep" and p.lower_ == "for" for o in p.children
                   if o.dep_ in ("pobj", "pcomp")]
        if any(o.i in heads for o in objects):
            continue  # "claimed responsibility for the attack": the attack's own role
        subject = _claimant(noun)
        if subject is None:
            continue
        draft = attack_at_or_before(violent, noun.sent.start)
        if draft is None:
            continue
        start, end = phrase_bounds(subject, lex)
        if end <= start or any((r.start, r.end) == (start, end) for r in draft.roles):
            continue
        draft.roles.append(Role("source", start, end, subject.i))
        seen = {(r.start, r.end) for r in draft.roles}
        draft.roles.extend(affiliated_orgs(subject, lex, seen))
