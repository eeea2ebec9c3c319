"""Who a casualty figure counts: the people a number or a casualty word names.

- The victim noun of a number (:func:`_victim_noun`): the noun it modifies ("13 people"), the
  object of its "of" ("six of the soldiers"), none for "a family of four" (the number counts
  the members), else the next noun within three tokens ("killed two other civilians").
- Its class (:func:`victim_class`): ``civilian`` or ``combatant`` when the noun, its lemma or
  the noun with its compounds ("police officer") is in the lexicon's lists, else unknown.
- The victims a casualty word names with no number (:func:`_victims_of`, for implicit
  figures): the "of" object of a death noun ("the death of the chief"), else the passive
  subject or the object of the verb (through a relative pronoun, a coordinated verb, an
  adjective's verb, "with the chief killed"), else the subject of an adjective or an
  intransitive ("the chief is dead"), plus a person named "along with" or "alongside" the
  victim and the coordinated person nouns ("a judge and his friend" are two; "a businessman
  and activist" is one).
- A person noun (:func:`_personish`): a proper noun that is a PERSON or untyped, a noun of the
  lexicon's persons, or an agent noun in -er, -or, -ist, -ian, -man, -ee, -ant, -ent that is
  not a thing ("newspaper", "border", "tower").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.counts_lexicon import Lexicon, lexicon
from sitrep.stages.extract.counts_links import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

def _victim_noun(doc: SpacyDoc, first: int, last: int) -> Token | None:
    """The noun naming the people a number counts ("13 people", "a family of four")."""
    num = doc[last]
    if num.dep_ in {"nummod", "quantmod", "compound", "amod", "det"} and num.head.i > last \
            and num.head.pos_ in {"NOUN", "PROPN"}:
        return num.head
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
                return pobj
    if num.dep_ == "pobj" and num.head.lower_ == "of":
        return None  # "a family of four": the number counts the members
    # linear fallback: the next noun within three tokens
    for j in range(last + 1, min(last + 4, len(doc))):
        tok = doc[j]
        if tok.pos_ in {"NOUN", "PROPN"}:
            return tok
        if tok.pos_ not in {"ADJ", "NOUN", "PROPN"} and tok.lower_ not in {"other", "more"}:
            break
    return None


def victim_class(noun: Token | None, lex: Lexicon) -> str | None:
    """"civilian", "combatant" or None for the noun naming the people counted."""
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    low = noun.lower_
    compound = " ".join(c.lower_ for c in noun.lefts if c.dep_ == "compound")
    phrase = f"{compound} {lemma}".strip()
    if phrase in lex.combatants or lemma in lex.combatants or low in lex.combatants:
        return "combatant"
    if phrase in lex.civilians or lemma in lex.civilians or low in lex.civilians:
        return "civilian"
    return None


def _victims_of(tok: Token, trig: Trigger, numbered: bool) -> list[Token]:
    """The noun phrases a casualty word says were harmed, with their coordinated nouns."""
    found: list[Token] = []
    if trig.kind == "noun":
        if tok.lemma_ not in {"death", "killing", "murder", "body", "assassination"}:
            return []
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        found = [pobj] if pobj is not None else []
    else:
        verb = tok
        if trig.kind == "adj" and tok.dep_ in {"acomp", "oprd", "xcomp", "ccomp", "advmod"}:
            verb = tok.head
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        objects = [c for c in verb.children if c.dep_ == "dobj"] \
            if trig.kind == "verb" or verb is not tok else []
        if not passive and not objects and not numbered \
                and verb.dep_ in {"conj", "xcomp", "oprd", "advcl"}:
            passive = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "conj" and trig.kind == "verb":
                objects = [c for c in verb.head.children if c.dep_ == "dobj"]
        if not passive and not objects and verb.dep_ == "acl" and verb.tag_ == "VBN":
            passive = [verb.head]  # "with the village chief killed at a fair"
        passive = [
            p.head.head if p.lower_ in {"who", "that", "whom"} and p.head.dep_ == "relcl"
            else p.head.head.head if p.lower_ in {"who", "that"} and p.head.dep_ == "conj"
            and p.head.head.dep_ == "relcl" else p
            for p in passive
        ]
        found = passive or objects
        if not found and trig.kind in {"adj", "intr"}:
            found = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not found and verb.dep_ == "conj" and not numbered:
                found = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    with_others = False
    if trig.kind == "verb":
        # "was killed along with his wife", "killed alongside his nephew"
        for prep in tok.children:
            pobj = None
            if prep.dep_ == "prep" and prep.lower_ in {"alongside", "with"}:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            elif prep.dep_ == "advmod" and prep.lower_ in {"along", "together"}:
                with_ = next((c for c in prep.children if c.lower_ == "with"), None)
                pobj = next((c for c in with_.children if c.dep_ == "pobj"), None) \
                    if with_ is not None else None
            if pobj is not None and any(
                t.like_num and t.dep_ in {"nummod", "pobj", "conj"} for t in pobj.subtree
            ):
                with_others = True  # "killed along with eight others": the subject too
            if pobj is not None and not pobj.like_num and (
                _personish(pobj) or pobj.pos_ == "PRON"
            ) and not any(c.dep_ == "nummod" for c in pobj.children):
                found = [*found, pobj]  # "along with his wife (and 10 other people)"
    out: list[Token] = []
    for victim in found:
        if not numbered or with_others or any(
            c.like_num or d.like_num or d.dep_ == "nummod"
            for c in victim.conjuncts for d in c.children
        ):
            out.append(victim)
        # "a judge and his friend" are two; "a businessman and activist" is one
        out.extend(
            c for c in victim.conjuncts if c.i > victim.i and _personish(c)
            and (c.pos_ == "PROPN" or any(d.dep_ in {"det", "poss"} for d in c.children))
        )
    return out


NOT_PERSON_ER = frozenset(
    {
        "newspaper", "paper", "center", "centre", "border", "number", "order", "power", "water",
        "computer", "container", "tower", "corner", "river", "letter", "matter", "quarter",
        "headquarter", "shelter", "theater", "theatre"
    }
)


def _personish(tok: Token) -> bool:
    """A noun that names a person: a PERSON name, a listed person noun or an agent noun."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ in {"PERSON", ""}
    lemma = tok.lemma_.lower()
    if lemma in lexicon().persons:
        return True
    return lemma.endswith(("er", "or", "ist", "ian", "man", "ee", "ant", "ent")) \
        and lemma not in NOT_PERSON_ER

