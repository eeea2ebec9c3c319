"""Is an event asserted as happening? Negation, and hypothetical, future or threatened events.

Read from the dependency parse around the trigger, with the word classes of the events
lexicon: "did not attack" and "no attack" are negated; "will attack", "could attack",
"if they attack", "threaten to nullify the ceasefire", "called on them to stop the fighting",
"the threat of an attack" and "a possible attack" are hypothetical.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.events_lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

HYPOTHETICAL_MODIFIERS = frozenset(
    {"possible", "potential", "planned", "imminent", "future", "hypothetical", "feared",
     "threatened", "expected", "proposed", "prospective", "likely", "eventual"}
)
# Dependency relations through which an irrealis verb or noun governs its content.
CONTENT_DEPS = frozenset(
    {"xcomp", "ccomp", "dobj", "advcl", "pobj", "prep", "pcomp", "nsubjpass", "acl", "conj"}
)
MAX_HOPS = 6
ATTEMPT_NOUNS = frozenset({"attempt", "bid"})
"""An attempted attack is coded as an attack (ACLED, MUC-4's ATTEMPTED stage)."""
LEGAL_FRAMES = frozenset({"case", "charge", "investigation", "probe", "proceeding", "lawsuit"})


def lemma(token: Token) -> str:
    return str(token.lemma_).lower()


def word_forms(token: Token) -> tuple[str, ...]:
    """The lemma, the word and, for a verb the small model lemmatised badly ("raped" ->
    "rap"), the word without its inflection."""
    word = token.lower_
    forms = [lemma(token), word]
    if token.pos_ == "VERB" and len(word) > 4:
        if word.endswith("ed"):
            forms += [word[:-1], word[:-2]]
            if len(word) > 5 and word[-3] == word[-4]:
                forms.append(word[:-3])  # "shelled" -> "shell" is word[:-2]; "mobbed" -> "mob"
        elif word.endswith("ing"):
            forms += [word[:-3], word[:-3] + "e"]
    return tuple(forms)


def governing_verb(token: Token) -> Token:
    """The verb a nominal trigger hangs on ("launched an attack" -> launched), else itself."""
    current = token
    for _ in range(3):
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        current = current.head
    return token


def is_negated(trigger: Token, lex: Lexicon) -> bool:
    neg = lex.cls("negation")
    if any(c.dep_ == "neg" or (c.dep_ == "det" and lemma(c) in neg) for c in trigger.children):
        return True
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass", "nsubj"):
        verb = trigger.head
        return any(c.dep_ == "neg" for c in verb.children)
    return trigger.dep_ == "pobj" and lemma(trigger.head) == "without"


def _has_modal(token: Token, lex: Lexicon) -> bool:
    modal = lex.cls("modal")
    return any(c.dep_ == "aux" and lemma(c) in modal and not _month(c) for c in token.children)


def _naming(verb: Token) -> bool:
    """Does the verb name something rather than ask for it ("the gang called the hawks were
    arrested": "called" with an object predicate)?"""
    return any(c.dep_ == "oprd" for c in verb.children)


def _month(aux: Token) -> bool:
    """Is a modal-looking word the month of a date ("on 11 may a bomb destroyed ...")?"""
    return aux.lower_ == "may" and aux.i > 0 and aux.nbor(-1).like_num


def _has_condition(token: Token) -> bool:
    return any(c.dep_ == "mark" and lemma(c) in ("if", "unless") for c in token.children)


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def presupposed(trigger: Token) -> bool:
    """A definite event noun with its participant ("the assassination of X", "Baku's attack")
    or a relative clause in the past ("the attack that killed ten workers") refers to an event
    that happened, even under "demanded that they investigate ..."."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    definite = any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these"))
        for c in trigger.children
    )
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children)
    has_poss = any(c.dep_ == "poss" for c in trigger.children)
    told = any(c.dep_ == "relcl" and c.tag_ == "VBD" for c in trigger.children)  # "the attack
    return definite and (has_of or has_poss or told)  # that killed ten workers"


def _told_done(verb: Token) -> bool:
    """Is a participle verb told as done by its auxiliaries: past or perfect, active or
    passive ("has been kidnapped", "was murdered", "had killed"), not a modal?"""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and bool(auxes) and all(
        c.tag_ in ("VBD", "VBZ", "VBP", "VBN") for c in auxes)


def is_hypothetical(trigger: Token, lex: Lexicon) -> bool:
    """True when the trigger is under a modal, a condition, or an irrealis verb or noun."""
    if any(c.dep_ == "amod" and lemma(c) in HYPOTHETICAL_MODIFIERS for c in trigger.children):
        return True
    if presupposed(trigger):
        return False
    if trigger.pos_ in ("NOUN", "PROPN") and any(  # "opened a case for terrorism, murder"
        sibling.i != trigger.i and sibling.dep_ in ("dobj", "conj", "nsubjpass")
        and lemma(sibling) in LEGAL_FRAMES
        for sibling in trigger.head.children
    ):
        return True
    irrealis_verbs = lex.cls("irrealis_verb")
    irrealis_nouns = lex.cls("irrealis_noun")
    if trigger.pos_ in ("VERB", "AUX") and (_has_modal(trigger, lex) or _has_condition(trigger)):
        return True
    if trigger.dep_ == "relcl" and (trigger.tag_ == "VBD" or _told_done(trigger)):
        return False  # "(will investigate) the attack that killed ten workers": it happened;
        # so did "(a commission to receive) x, who has been kidnapped by the eln"
    child = trigger
    node = trigger.head
    for _ in range(MAX_HOPS):
        if node.i == child.i:  # the root
            break
        via = child.dep_
        if (
            child.pos_ in ("VERB", "AUX") and via in ("advcl", "acl") and _infinitive(child)
            and not (via == "acl" and lemma(node) in ATTEMPT_NOUNS)
        ):
            return True  # a purpose: "to achieve a ceasefire", "an attack to capture the base"
        if node.pos_ in ("VERB", "AUX"):
            content = via in CONTENT_DEPS and via != "conj" and (
                via != "advcl" or _infinitive(child)  # "after X was killed" is no content
            )
            if content and lemma(node) in irrealis_verbs and not _naming(node):
                return True
            if via in ("xcomp", "ccomp", "advcl", "conj", "dobj", "pcomp") and (
                _has_modal(node, lex) or _has_condition(node)
            ):
                return True
            if lemma(node) in ("say", "state", "announce", "report", "tell", "add", "claim"):
                break  # reported speech: the report itself is asserted
        elif (
            node.pos_ in ("NOUN", "PROPN")
            and via in ("pobj", "prep", "acl", "compound")
            and lemma(node) in irrealis_nouns
        ):
            return True
        child, node = node, node.head
    return False
