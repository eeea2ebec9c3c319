"""Who an event is attributed to: responsibility claimed, held or blamed ("X claimed
responsibility for the attack", "held X responsible for", "blamed the attack on X"),
involvement ("X participated in / were involved in / were behind the attack", "implicated X
in", "the involvement of X in the murder"), suspicion and guilt ("X, suspected of having
detonated", "X were found guilty of"), the doer or planner of a deed ("the attack was the work
of X", "an action by X", "perpetrated by X", "X masterminded the massacre", "Y attributed the
murder to X", "in another action attributed to X, ..."); not when denied, negated, a purpose,
"no X" or plural events in general. Used by ``events_roles.participants`` where an event's own
clause names no source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.events_modality import lemma
from sitrep.stages.extract.events_syntax import (
    RELATIVE_WORDS,
    active_subject,
    dependents,
    pobjs,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAIM_NOUNS = frozenset({"responsibility", "credit"})
BLAME_VERBS = frozenset({"blame", "hold", "accuse", "charge"})
SUSPECT_VERBS = frozenset({"suspect", "accuse", "charge", "convict", "indict"})
AUTHOR_NOUNS = frozenset({"perpetrator", "author", "culprit"})
PERPETRATE_VERBS = frozenset({"perpetrate", "carry", "commit", "plan", "execute"})
# who planned or commanded a deed did it: "X masterminded / ordered the murder of Y"
MASTERMIND_VERBS = frozenset({"mastermind", "orchestrate", "order"})
CLAIM_VERBS = PERPETRATE_VERBS | MASTERMIND_VERBS | {"claim"}  # "was claimed by X"
INVOLVE_VERBS = frozenset({"participate", "involve", "implicate", "part"})  # (took) part in
# "the involvement / participation of X in the murder", "X's complicity in"
INVOLVE_NOUNS = frozenset({"involvement", "participation", "complicity"})
DEED_NOUNS = frozenset({"work", "action", "act", "maneuver", "manoeuvre", "response",
                        "reprisal", "retaliation", "operation", "handiwork"})
DOUBT_VERBS = frozenset({"deny", "doubt", "dismiss", "reject", "question"})


def asserted(verb: Token) -> bool:
    """Is the clause of ``verb`` stated as fact? Not when it or a verb above it is negated
    ("did not confirm whether X was involved"), denied ("denied that X participated") or a
    purpose ("a stunt to implicate us")."""
    node = verb
    for _ in range(4):
        if dependents(node, "neg") or lemma(node) in DOUBT_VERBS or any(
            c.dep_ == "aux" and c.lower_ == "to" and node.dep_ != "xcomp" for c in node.children
        ):  # "believed to have participated" is stated; "a stunt to implicate X" is not
            return False
        if node.head.i == node.i:
            break
        node = node.head
    return True


def _involved(governor: Token) -> list[Token]:
    """Who took part in what ``governor`` ("participated in", "involved in") governs: "X
    participated in the crime", "X were (believed to be) involved in", "the soldiers involved
    in", "implicated X in", "X took part in"."""
    if lemma(governor) == "part" and governor.dep_ == "dobj":
        governor = governor.head
    if not asserted(governor):
        return []
    if dependents(governor, "nsubjpass"):  # "X were involved in" (not "no other officers were")
        return [t for t in dependents(governor, "nsubjpass")
                if not any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)]
    if governor.dep_ == "acl" and governor.tag_ == "VBN":  # "the soldiers involved in"
        return [governor.head]
    if lemma(governor) == "implicate":  # "implicated X in"
        return dependents(governor, "dobj")
    subject = active_subject(governor)
    if subject is None and governor.dep_ == "xcomp":  # "X are believed to have participated"
        return dependents(governor.head, "nsubjpass")
    return [subject] if subject is not None else []


def claimed_by(trigger: Token) -> list[tuple[str, Token]]:
    """Who an event is attributed to: "X claimed responsibility for the attack", "X were
    responsible for the massacre", "held X responsible for", "blamed X for", "blamed the
    attack on X", "the murder is attributed to X" (or "Y attributed the murder to X"), "X
    participated in / were involved in / were behind the attack", "implicated X in", "the
    involvement / participation of X in the attack" (stated: not "denied the involvement of
    X in"), "the crime perpetrated by X", "the killing was claimed by X", "the attack was
    the work of X", "an action / a maneuver by X" (one event: not "involved in murders"),
    "X masterminded / ordered the murder", "the murder ordered by X"."""
    found: list[tuple[str, Token]] = []
    head = trigger.head
    for acl in dependents(trigger, "acl"):  # "the crime perpetrated on 12 january by X"
        if acl.tag_ == "VBN" and lemma(acl) in CLAIM_VERBS:
            found.extend(("source", t) for _, t in pobjs(acl, ("by",)))
    for clause in dependents(trigger, "relcl"):  # "the attack, for which X claimed responsibility"
        found.extend(r for p in dependents(clause, "prep") if p.lower_ == "for"
                     for w in p.children if w.lower_ == "which" for r in claimed_by(w))
    if trigger.dep_ in ("pobj", "pcomp") and lemma(head) == "for":
        frame = head.head
        if frame.pos_ in ("VERB", "AUX") and any(
            lemma(o) in CLAIM_NOUNS for o in dependents(frame, "dobj")
        ):
            frame = next(o for o in dependents(frame, "dobj") if lemma(o) in CLAIM_NOUNS)
        if lemma(frame) in CLAIM_NOUNS:  # X claimed / took / assumed responsibility for
            verb = frame.head
            subject = active_subject(verb)
            if subject is not None and subject.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl":
                subject = verb.head  # "the eln, which claimed responsibility for ..."
            found.extend([("source", subject)] if subject is not None else [])
        elif lemma(frame) == "responsible":
            governor = frame.head
            if dependents(frame, "nsubj"):  # (held) X responsible for, parsed as a small clause
                found.extend(("source", t) for t in dependents(frame, "nsubj"))
            elif frame.dep_ == "acomp":  # X were responsible for
                found.extend(("source", t) for t in dependents(governor, "nsubj"))
            elif lemma(governor) in BLAME_VERBS:  # held X responsible for, X are held ...
                found.extend(("source", t) for t in dependents(governor, "dobj", "nsubjpass"))
        elif lemma(frame) in BLAME_VERBS:  # blamed X for the attack
            found.extend(("source", t) for t in dependents(frame, "dobj"))
            if lemma(frame) == "hold":  # "(for which) X are held / they hold X responsible"
                found.extend(("source", t) for t in dependents(frame, "nsubjpass"))
                found.extend(("source", t) for r in frame.children if lemma(r) == "responsible"
                             for t in dependents(r, "nsubj"))
    elif trigger.dep_ in ("pobj", "pcomp") and lemma(head) in ("of", "with"):
        suspicion = head.head  # "people suspected of having detonated", "charged with murder"
        if lemma(suspicion) in SUSPECT_VERBS:
            if suspicion.dep_ == "acl" and suspicion.tag_ == "VBN":
                found.append(("source", suspicion.head))
            found.extend(("source", t) for t in dependents(suspicion, "nsubjpass", "dobj"))
        elif lemma(suspicion) == "guilty" and suspicion.dep_ in ("acomp", "oprd"):
            # "X were guilty of the murders", "X was found guilty of"
            found.extend(("source", t) for t in dependents(suspicion.head, "nsubj", "nsubjpass"))
        elif lemma(suspicion) in AUTHOR_NOUNS and suspicion.dep_ == "attr":
            # "X was the perpetrator of the murder"
            found.extend(("source", t) for t in dependents(suspicion.head, "nsubj"))
    elif trigger.tag_ == "NNS" and trigger.dep_ == "pobj":
        pass  # "involved in murders such as ...", "behind all these attacks": no one event
    elif trigger.dep_ == "pobj" and lemma(head) == "in" and lemma(head.head) in INVOLVE_VERBS:
        found.extend(("source", t) for t in _involved(head.head))
    elif trigger.dep_ == "pobj" and lemma(head) == "in" and lemma(head.head) in INVOLVE_NOUNS:
        share = head.head  # "confirmed the involvement of troops in the murder"
        if share.head.pos_ not in ("VERB", "AUX") or asserted(share.head):
            found.extend(("source", t) for _, t in pobjs(share, ("of",)))
            found.extend(("source", t) for t in dependents(share, "poss"))  # "the army's role in"
    elif trigger.dep_ == "pobj" and lemma(head) == "behind" and lemma(head.head) == "be":
        if asserted(head.head):  # X were behind it
            found.extend(("source", t) for t in dependents(head.head, "nsubj"))
    elif trigger.dep_ == "nsubjpass" and lemma(head) in CLAIM_VERBS:
        found.extend(("source", t) for _, t in pobjs(head, ("by",)))  # carried out by X
    elif trigger.dep_ == "nsubj" and lemma(head) == "be":  # "the attack was the work of X",
        # "... was an action by X", "a maneuver by X", "a response from X"
        found.extend(("source", t) for w in dependents(head, "attr") if lemma(w) in DEED_NOUNS
                     for _, t in pobjs(w, ("of", "by", "from") if lemma(w) == "work"
                                       else ("by", "from")))
    elif trigger.dep_ == "dobj" and lemma(head) in MASTERMIND_VERBS and asserted(head):
        subject = active_subject(head)  # "X masterminded the murder", "X ordered the murder"
        found.extend([("source", subject)] if subject is not None else [])
    elif trigger.dep_ == "dobj" and lemma(head) == "blame":  # blamed the attack on X
        found.extend(("source", t) for _, t in pobjs(head, ("on",)))
    elif trigger.dep_ in ("nsubjpass", "dobj") and lemma(head) == "attribute" and (
            asserted(head)):  # "the murder was attributed to X", "attributed the murder to X"
        found.extend(("source", t) for _, t in pobjs(head, ("to",)))
    return found


def attributed_deed(trigger: Token) -> list[tuple[str, Token]]:
    """"in another action attributed to X, several men wounded a watchman", "in an attack
    claimed by X, ...": the clause is that action, so X acted too (with the men it names)."""
    found: list[tuple[str, Token]] = []
    for _, deed in pobjs(trigger, ("in",)):
        if lemma(deed) not in DEED_NOUNS or deed.i > trigger.i:
            continue
        for acl in dependents(deed, "acl"):
            if acl.tag_ == "VBN" and lemma(acl) == "attribute":
                found.extend(("source", t) for _, t in pobjs(acl, ("to",)))
            elif acl.tag_ == "VBN" and lemma(acl) in CLAIM_VERBS:
                found.extend(("source", t) for _, t in pobjs(acl, ("by",)))
    return found
