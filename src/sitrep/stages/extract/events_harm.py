"""Who was harmed and what was damaged: the frames that name an event's victims and objects
beyond its own arguments.

"The inspector died in the explosion", "x escaped an attack", "x was unhurt in the attack",
"claimed the lives of x and y", "x were damaged by the blast", "killed the mayor along with his
bodyguards", and the person a phrase acted upon stands for ("the bodies of x", "the death of
x"). :mod:`events_roles` asks these of every trigger; :mod:`events_damage` and
:mod:`events_victims` share their word classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.events_modality import lemma
from sitrep.stages.extract.events_syntax import conjuncts, dependents, pobjs

if TYPE_CHECKING:
    from spacy.tokens import Token

IMPACT_VERBS = frozenset(
    {"hit", "strike", "target", "destroy", "damage", "kill", "wound", "injure", "rock", "level",
     "flatten", "devastate", "raze", "claim"}
)
DAMAGE_VERBS = frozenset({"destroy", "damage", "wreck", "level", "raze", "flatten", "burn",
                          "demolish", "shatter", "gut"})
HARM_NOUNS = frozenset({"damage", "destruction", "harm"})
REMAINS = frozenset({"body", "corpse", "remains"})
# "including the death of candidate x": the person whose death it was, not the death
DEATHS = frozenset({"death", "murder", "assassination", "killing", "slaying", "kidnapping",
                    "abduction"})

ALONG = frozenset({"along", "together"})


def accompanying(verb: Token) -> list[Token]:
    """Who "along with" or "together with" names beside the verb's own participants."""
    found: list[Token] = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        if prep.lower_ in ALONG:
            withs = [w for w in prep.children if w.lower_ == "with"]
        elif prep.lower_ == "with" and any(c.lower_ in ALONG for c in prep.children):
            withs = [prep]
        else:
            continue
        found.extend(o for w in withs for o in dependents(w, "pobj"))
    return found


DIE_VERBS = frozenset({"die", "perish", "succumb"})
# "survived an attack", "escaped unhurt from / emerged unscathed from an attack": the target
SURVIVE_VERBS = frozenset({"survive", "escape", "emerge"})
UNHARMED = frozenset({"unharmed", "unhurt", "uninjured", "unscathed", "unwounded"})


def who_died(noun: Token) -> list[Token]:
    """"the inspector died in the explosion", "died as a consequence of an attack"; who
    survived or escaped it, or was unharmed in it, was its target too."""
    if noun.dep_ == "dobj" and lemma(noun.head) in SURVIVE_VERBS:  # "x escaped an attack"
        return dependents(noun.head, "nsubj")
    if noun.dep_ == "pobj" and noun.head.lower_ == "from":
        verb = noun.head.head
        if verb.dep_ in ("acomp", "oprd", "advmod", "advcl") and verb.pos_ == "ADJ":
            verb = verb.head  # "emerged unscathed from an attack"
        if lemma(verb) in SURVIVE_VERBS:
            return dependents(verb, "nsubj")
    node = noun
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            return []
        node = node.head
        if node.lower_ in UNHARMED and node.dep_ in ("acomp", "oprd"):
            return dependents(node.head, "nsubj")  # "x was unhurt in the attack"
        if node.pos_ in ("VERB", "AUX"):
            unharmed = lemma(node) == "be" and any(  # "x was unharmed following an attack"
                c.dep_ in ("acomp", "oprd") and c.lower_ in UNHARMED for c in node.children)
            return dependents(node, "nsubj") if lemma(node) in DIE_VERBS or unharmed else []
    return []


def lives_of(obj: Token) -> list[Token]:
    """"claimed the lives of X and Y": whose lives (else the object itself)."""
    if lemma(obj) == "life":
        return [t for _, o in pobjs(obj, ("of",)) for t in conjuncts(o)] or [obj]
    return [obj]


def what_was_damaged(noun: Token) -> list[Token]:
    """"X were damaged by the blast", "X was destroyed as a result of the explosion"."""
    node = noun
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep", "agent") or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if lemma(node) in DAMAGE_VERBS or lemma(node) in IMPACT_VERBS:
                return [t for c in dependents(node, "nsubjpass") for t in conjuncts(c)]
            return []
    return []


def whose(head: Token) -> Token | None:
    """The person a phrase acted upon stands for: "the bodies of x and y" and "the death of
    x" stand for x (a death of no one named for no one); any other phrase for itself."""
    if lemma(head) not in REMAINS and lemma(head) not in DEATHS:
        return head
    person = next((o for _, o in pobjs(head, ("of",))), None)
    return head if person is None and lemma(head) in REMAINS else person
