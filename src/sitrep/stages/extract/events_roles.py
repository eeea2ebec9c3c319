"""Participants of an event from the dependency parse: source, target, victim, object, instrument.

For a verbal trigger the subject acts (``source``) and the object is acted upon; in the passive
the ``by`` agent acts and the subject is acted upon. For a nominal trigger the possessor and
``by`` act ("Baku's attack", "an attack by rebels"), ``on``/``against``/``of`` name what is
acted upon, and a light verb that governs the noun lends its subject ("rebels launched an
attack"). ``with`` and weapon words give the instrument ("an attack with mortars", "with
rifle fire"), and so do what was used for the event ("used mortars to attack") and the gun
that fired the bullets ("bullets fired from rifles"). What is acted upon is a ``victim`` when
it is people, an ``object`` when it is a thing (a building, a vehicle) and a ``target`` when
it is an actor (a state, an organisation), per the contract. Phrases, word classes and who
acts in a clause are read with :mod:`events_syntax`; who an event is attributed to when its
clause names no one comes from :mod:`events_attribution`; who died in, escaped or was unhurt
in an event, whose lives it claimed and what it damaged, from :mod:`events_harm`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.stages.extract.events_attribution import (
    attributed_deed,
    claimed_by,
)
from sitrep.stages.extract.events_harm import (
    DAMAGE_VERBS,
    HARM_NOUNS,
    IMPACT_VERBS,
    accompanying,
    lives_of,
    what_was_damaged,
    who_died,
    whose,
)
from sitrep.stages.extract.events_lexicon import Lexicon
from sitrep.stages.extract.events_modality import lemma, word_forms
from sitrep.stages.extract.events_syntax import (
    MATERIAL_TYPES,
    PERSON_PRONOUNS,
    RELATIVE_WORDS,
    active_subject,
    agents,
    conjuncts,
    dependents,
    is_actorish,
    is_name,
    is_passive,
    is_people,
    is_time,
    is_weapon,
    nominal,
    passive_conjunct,
    patient_role,
    phrase_bounds,
    phrase_head,
    pobjs,
    shared_agents,
    shared_patients,
    weapon_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

ROLE_ORDER = ("source", "target", "victim", "object", "instrument")
ASPECTUAL_NOUNS = frozenset({"start", "beginning", "launch", "resumption", "continuation"})
NAMING = frozenset({"identify", "name", "call"})  # "a peasant identified as / named X"
NAME_POS = frozenset({"NOUN", "PROPN", "ADJ"})  # lower-cased surnames are often tagged ADJ


@dataclass(frozen=True)
class Role:
    role: str
    start: int
    end: int
    head: int
    """Token index of the participant's head."""
    located: bool = False
    """Found only as where the event happened ("exploded at the bank"), not as acted upon."""


USE_VERBS = frozenset({"use", "employ"})  # "used mortars to attack"


def _light_verb(verb: Token, lex: Lexicon) -> bool:
    """Is the verb a light verb ("launched", "carried out")? Its word form counts too where the
    lemmatizer misreads it ("staged" -> "stag")."""
    return not lex.cls("light_verb").isdisjoint(word_forms(verb))


def _misattached(agent: Token) -> list[tuple[str, Token]]:
    """Places the parse hung on a passive's agent that belong to the event: "the attack staged
    by commandos on the government house", "the bomb was placed by a man at the telephone
    office" (sites: a building there is what the event hit, but not where people were hit:
    "abducted by the rebels on x road")."""
    return [("site", o) for p in agent.children if p.dep_ == "prep"
            and lemma(p) in ("on", "against", "upon", "at", "inside")
            for o in dependents(p, "pobj")]


def _elided_passive(verb: Token, subject: Token) -> bool:
    """ "29 people were injured and 37 arrested", "two killed in blast": a bare number before
    a participle with no object or auxiliary is the people it happened to."""
    return verb.tag_ == "VBN" and subject.like_num and not any(
        c.dep_ in ("dobj", "aux") for c in verb.children)


def verb_roles(verb: Token, event_type: str, lex: Lexicon) -> list[tuple[str, Token]]:
    found: list[tuple[str, Token]] = []
    host = passive_conjunct(verb)
    passive = is_passive(verb) or host is not None or (  # "the kidnapped businessman"
        verb.dep_ == "amod" and verb.tag_ == "VBN")
    if passive:
        for agent in shared_agents(verb):
            found.append(("source", agent))
            found.extend(_misattached(agent))
        patients = shared_patients(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            patients.append(verb.head)
        elif verb.dep_ == "amod" and verb.tag_ == "VBN":  # "the kidnapped businessman x y"
            head = phrase_head(verb.head)
            if is_people(head, lex) or is_name(head, lex):  # not "a stolen car"
                patients.append(head)
    else:
        subject = active_subject(verb)
        if subject is not None and _elided_passive(verb, subject):
            found.append(("patient", subject))  # "29 injured and 37 arrested": the 37
        elif subject is not None:
            found.append(("source", subject))
        patients = dependents(verb, "dobj") or [  # "kidnapped cattleman x y", parsed as a
            c for c in dependents(verb, "npadvmod")  # modifier of time or measure
            if c.i > verb.i and is_name(c, lex) and not is_time(c)]
    for patient in patients:
        found.append(("patient", patient))
        # "killed two reporters, roberto navas and ...": an apposition the parser hung on the verb
        after = patient.right_edge.i + 1
        for loose in dependents(verb, "dep", "appos"):
            if loose.left_edge.i == after + 1 and verb.doc[after].text == "," and (
                loose.pos_ == "PROPN" or is_name(loose, lex)
            ):
                found.append(("patient", loose))
    if patients:  # "killed the mayor along with his bodyguards", "... together with x"
        found.extend(("patient", o) for o in accompanying(verb) if o.i > verb.i)
    found.extend(_sides(verb, lex))  # "fighting between X and Y" (a gerund)
    for prep, obj in pobjs(verb, ("against", "on", "upon", "at", "to", "with", "of", "from")):
        if prep == "at" and obj.like_num:
            continue  # "at 0600", "at 2130 hours": a clock time, not who was shot at
        if prep == "on" and lemma(obj) in ("fire", "flame"):
            continue  # "set the house on fire": how, not what
        if prep == "with":
            if is_weapon(obj, lex):
                found.append(("instrument", obj))
            elif event_type not in MATERIAL_TYPES or lex.mutual(lemma(verb)):
                found.append(("patient", obj))  # "met with", "talks with", "clashed with"
        elif prep == "to" and any(lemma(o) == "fire" for o in dependents(verb, "dobj")):
            found.append(("patient", obj))  # "set fire to the store"
        elif (prep == "of" and event_type == "ACCUSE") or (
            prep in ("to", "from") and event_type in MATERIAL_TYPES
        ):
            continue
        else:
            found.append(("patient", obj))
    found.extend(_sites(verb))
    if event_type in MATERIAL_TYPES:  # "a bomb exploded, destroying windows and water pipes"
        effects = dependents(verb, "advcl", "conj") + [  # ... or hung on the place or object
            e for _, o in pobjs(verb, SITE_PREPS) for e in dependents(o, "acl")
        ] + [e for o in dependents(verb, "dobj") for e in dependents(o, "acl")]
        for effect in effects:
            if lemma(effect) in DAMAGE_VERBS and effect.tag_ == "VBG":
                found.extend(("patient", o) for o in dependents(effect, "dobj"))
    for obj in dependents(verb, "dobj"):  # "detonated a bomb at the offices"
        if is_weapon(obj, lex):
            found.extend(_sites(obj))
    if verb.dep_ in ("xcomp", "advcl") and lemma(verb.head) in USE_VERBS:
        # "the guerrillas used mortars to attack the building"
        found.extend(("instrument", o) for o in dependents(verb.head, "dobj") if is_weapon(o, lex))
    return found


PART_NOUNS = frozenset({"front", "side", "entrance", "door", "doorway", "basement", "roof",
                        "gate", "wall", "yard", "garage", "lobby", "vicinity", "back", "rear"})
SITE_PREPS = ("in", "inside", "outside", "near", "into", "onto", "at", "beside", "behind",
              "under", "beneath", "opposite", "between")
HAPPEN_VERBS = frozenset({"occur", "happen", "take"})  # "took place"
DISTRIBUTIVE = frozenset({"one", "another", "other", "two", "three", "both", "each", "some"})


def _sites(trigger: Token) -> list[tuple[str, Token]]:
    """Places named by a locative preposition ("exploded in front of the bank", "an attack
    at a power station"): buildings and vehicles there are what the event hit."""
    found: list[tuple[str, Token]] = []
    holders = [trigger] + [m for c in trigger.children if c.lower_ in DISTRIBUTIVE
                           and c.dep_ in ("npadvmod", "appos", "dep", "advmod")
                           for m in (c, *c.conjuncts)]  # "went off, one at X, another at Y"
    preps = [p for h in holders for p in h.children
             if p.dep_ == "prep" and lemma(p) in SITE_PREPS]
    preps += [c for p in preps for c in p.conjuncts if c.dep_ == "conj" and c.pos_ == "ADP"
              and lemma(c) in SITE_PREPS]  # "at the house of X and at the offices of Y"
    for obj in (o for p in preps for o in p.children if o.dep_ == "pobj"):
        if lemma(obj) in PART_NOUNS and obj.i + 1 < len(obj.doc):  # "basement of X"
            found.extend(("site", o) for _, o in pobjs(obj, ("of",)))
        else:
            found.append(("site", obj))
    return found


def _located_at(token: Token, verb: Token) -> bool:
    """Is ``token`` the object of an "at" or "on" hung on ``verb`` ("killed at the airport")?"""
    prep = token.head
    return token.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == verb.i and (
        lemma(prep) in ("at", "on"))


def _misattached_agent(noun: Token, lex: Lexicon) -> list[Token]:
    """"investigating the burning of five buses by rebels", "condemned the murder of x by
    the army", "35 people died in attacks by 150 rebels": the parser hangs the event noun's
    "by" phrase on the active verb whose object the noun is (or that the noun follows "in");
    an active verb has no agent of its own, so the people it names (not "by midnight", "by
    killing") did the deed the noun names."""
    verb = noun.head
    if noun.dep_ == "pobj" and lemma(verb) == "in":
        verb = verb.head
    elif noun.dep_ != "dobj" or noun.tag_ == "NNS":
        return []
    if verb.pos_ != "VERB" or is_passive(verb):
        return []
    return [obj for prep in verb.children if prep.dep_ == "prep" and lemma(prep) == "by"
            and prep.i > noun.i for obj in dependents(prep, "pobj")
            if obj.pos_ != "VERB" and is_actorish(obj, lex) and obj.pos_ != "NUM"]


def _sides(noun: Token, lex: Lexicon) -> list[tuple[str, Token]]:
    """ "clashes between X and Y", "fighting broke out between X and Y": X is one side (a
    source), Y the other (a patient)."""
    if not lex.mutual(lemma(noun)):
        return []
    found = pobjs(noun, ("between",))
    if not found and noun.dep_ == "nsubj":
        found = pobjs(noun.head, ("between",))
    if not found:
        return []
    first = found[0][1]
    return [("side", first), *(("patient", c) for c in first.conjuncts if c.i > first.i)]


def noun_roles(noun: Token, event_type: str, lex: Lexicon) -> list[tuple[str, Token]]:
    found: list[tuple[str, Token]] = []
    for child in noun.children:
        if is_time(child):
            continue  # "wednesday's attack", "the 1989 bombings": when, not who
        if child.dep_ == "poss":
            suffers = lemma(noun) in lex.cls("patient_nominal") and is_people(child, lex)
            found.append(("patient" if suffers else "source", child))
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            if is_weapon(child, lex):
                found.append(("instrument", child))
            elif child.ent_type_ in ("NORP", "GPE", "ORG") or child.pos_ == "PROPN":
                found.append(("source", child))
    found.extend(("source", t) for t in _misattached_agent(noun, lex))
    for prep, obj in pobjs(noun, ("by", "against", "on", "upon", "of", "with", "targeting")):
        if prep == "by":
            found.append(("source", obj))
        elif prep == "with":
            if is_weapon(obj, lex):
                found.append(("instrument", obj))
            elif event_type not in MATERIAL_TYPES or lex.mutual(lemma(noun)):
                found.append(("patient", obj))
        elif prep == "of" and is_weapon(obj, lex):
            found.append(("instrument", obj))
        else:
            found.append(("patient", obj))
    found.extend(_sides(noun, lex))
    for _, place in pobjs(noun, ("in",)):  # "the murder in the capital of leaders x and y"
        if lemma(place) not in lex.cls("territory") and lemma(place) != "sector":  # town of x
            found.extend(("patient", p) for _, p in pobjs(place, ("of",)) if is_people(p, lex))
    for acl in dependents(noun, "acl", "relcl"):
        if _light_verb(acl, lex):
            for agent in agents(acl):
                found.append(("source", agent))
                found.extend(_misattached(agent))
            for _, obj in pobjs(acl, ("against", "on", "upon")):
                found.append(("patient", obj))
            for _, obj in pobjs(acl, ("with",)):
                if is_weapon(obj, lex):
                    found.append(("instrument", obj))
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and lemma(head) == "of"
        and lemma(head.head) in ASPECTUAL_NOUNS
        and head.head.dep_ in ("dobj", "nsubjpass")
    ):
        noun = head.head  # "announced the start of an operation": who announced, acts
        head = noun.head
        if noun.dep_ == "dobj":
            subject = active_subject(head)
            if subject is not None:
                found.append(("source", subject))
    if noun.dep_ in ("dobj", "nsubjpass") and _light_verb(head, lex):
        if noun.dep_ == "dobj":
            subject = active_subject(head)
            if subject is not None:
                found.append(("source", subject))
        else:
            found.extend(("source", a) for a in agents(head))
        for _, obj in pobjs(head, ("against", "on", "upon")):
            found.append(("patient", obj))
        for _, obj in pobjs(head, ("with",)):
            if is_weapon(obj, lex):
                found.append(("instrument", obj))
    if noun.dep_ == "nsubj" and lemma(head) in IMPACT_VERBS:  # "shelling hit a district"
        found.extend(("patient", o) for d in dependents(head, "dobj") for o in lives_of(d))
    for clause in dependents(noun, "relcl"):  # "attacks that claimed the lives of X"
        if lemma(clause) in IMPACT_VERBS and any(s.lower_ in ("that", "which")
                                                 for s in dependents(clause, "nsubj")):
            found.extend(("patient", o) for d in dependents(clause, "dobj")
                         for o in lives_of(d))
        for verb in dependents(head, "conj"):  # "the blast damaged X and destroyed Y"
            if lemma(verb) in IMPACT_VERBS | DAMAGE_VERBS and not dependents(verb, "nsubj"):
                found.extend(("patient", o) for o in dependents(verb, "dobj"))
    if noun.dep_ == "nsubj" and lemma(head) == "cause":  # "the explosion caused damage to X"
        for harm in dependents(head, "dobj"):
            if lemma(harm) in HARM_NOUNS:
                preps = [p for p in harm.children if p.dep_ == "prep" and p.lower_ == "to"]
                preps += [c for p in preps for c in p.conjuncts if c.lower_ == "to"] + [
                    c for c in dependents(head, "conj") if c.lower_ == "to"]  # "... and to Y"
                found.extend(("patient", o) for p in preps for o in dependents(p, "pobj"))
    causes = [head] if noun.dep_ == "nsubjpass" and lemma(head) == "cause" else []
    causes += [a for a in dependents(noun, "acl") if lemma(a) == "cause" and a.tag_ == "VBN"]
    # "the explosion was caused by a booby trap", "an explosion caused by a bomb"
    found.extend(("instrument", a) for c in causes for a in agents(c) if is_weapon(a, lex))
    found.extend(_sites(noun))
    subject = noun.head.head if (noun.dep_ == "pobj" and noun.head.lower_ == "of"
                                 and noun.head.head.lower_ in DISTRIBUTIVE) else noun
    if subject.dep_ == "nsubj" and lemma(subject.head) in HAPPEN_VERBS:  # "the explosion
        found.extend(_sites(subject.head))  # occurred near the courts", "took place at X"
    found.extend(("patient", t) for t in who_died(noun))
    found.extend(("patient", t) for t in what_was_damaged(noun))
    if noun.dep_ == "pobj" and lemma(head) == "under":
        verb = head.head
        found.extend(("patient", s) for s in dependents(verb, "nsubj"))
    return found


def participants(trigger: Token, event_type: str, lex: Lexicon) -> list[Role]:
    """The participants of the event evoked by ``trigger``, each a noun phrase."""
    if trigger.pos_ in ("VERB", "AUX"):
        raw = verb_roles(trigger, event_type, lex)
    else:
        raw = noun_roles(trigger, event_type, lex)
    if event_type in MATERIAL_TYPES and not any(kind == "source" for kind, _ in raw):
        raw.extend(claimed_by(trigger))
    if event_type in MATERIAL_TYPES and trigger.pos_ == "VERB":
        raw.extend(attributed_deed(trigger))
    roles: list[Role] = []
    seen: set[tuple[int, int]] = set()
    if any(k == "patient" and patient_role(_antecedent(t) or t, event_type, lex) == "victim"
           for k, t in raw):  # ("the mayor, who was shot at his office": the mayor)
        raw = [(k, t) for k, t in raw if k != "site"]  # people killed at a place: not a target
    if any(k == "patient" and t.head.i == trigger.i and t.dep_ in ("dobj", "nsubjpass") and (
            patient_role(t, event_type, lex) == "victim" or any(
                c.dep_ == "appos" and is_people(c, lex) for c in t.children))
           for k, t in raw):  # "x, the former leader, was killed at the airport": x
        # the place of "was killed at the airport", "killed x on the highway", which the
        # parse hangs on the verb like the object of "fired at the bank": where, not what
        raw = [(k, t) for k, t in raw if not (k == "patient" and _located_at(t, trigger)
                                              and patient_role(t, event_type, lex) != "victim")]
    raw.sort(key=lambda kt: kt[0] == "site")  # a phrase acted upon is not merely a location
    for kind, head in raw:
        if kind == "patient" and (person := whose(head)) is not head:
            if person is None:
                continue
            head = person
        if kind == "side":  # the first of two sides: a source, without its conjuncts
            kind, sides = "source", [head]
        else:
            sides = conjuncts(head)
        for token in sides:
            via = token  # the phrase found, where a name in apposition stands for it
            if kind == "patient":  # "the nun, who was shot": the nun
                token = _antecedent(token) or token
            elif kind == "source" and event_type in MATERIAL_TYPES and (
                    ante := _antecedent(token)) is not None and is_weapon(ante, lex):
                token = ante  # "a grenade that exploded": the grenade (an instrument below)
            elif kind == "source" and (named := _apposed_name(token, lex)) is not None:
                via, token = token, named  # "col x, one of the men involved": col x
            if token.i == trigger.i or (
                token.pos_ in ("VERB", "AUX", "ADP", "DET", "PUNCT")
                and not (kind == "site" and token.dep_ == "pobj")  # "building" tagged a verb
                and not nominal(token)
            ):
                continue
            # a subject "it" may be a group ("It said it had killed 25"): kept as a source, to
            # be resolved to the group named before it (events._group_antecedent)
            group_it = kind == "source" and token.lower_ == "it" and token.dep_ == "nsubj"
            if token.pos_ == "PRON" and token.lower_ not in PERSON_PRONOUNS and not group_it:
                continue
            if is_time(token) and weapon_of(token, lex) is None:
                continue  # (a quantity of a weapon is one: "20 kg of dynamite")
            if token.lower_ in RELATIVE_WORDS and not group_it:
                continue
            role: str | None = kind
            if kind == "patient":
                role = patient_role(token, event_type, lex)
            elif kind == "site":
                facility = lex.cls("facility")
                sited = event_type == "ASSAULT" and (
                    lemma(token) in facility or token.lower_ in facility
                ) and lemma(token) not in lex.cls("territory")  # "at the port": where
                role = "object" if sited else None
            elif kind == "source" and is_weapon(token, lex) and event_type in MATERIAL_TYPES:
                role = "instrument"
            if role is None:
                continue
            start, end = phrase_bounds(token, lex)
            if trigger.i < token.i and start <= trigger.idx < end:
                start = trigger.doc[trigger.i + 1].idx  # "the kidnapped [businessman x]"
            if (start, end) in seen or end <= start:
                continue
            seen.add((start, end))
            roles.append(Role(role, start, end, token.i, located=kind == "site"))
            if role == "source":
                roles.extend(affiliated_orgs(token, lex, seen))
            if role == "instrument":  # "bullets fired from heavy caliber weapons": the weapons
                for gun in (o for a in dependents(token, "acl") for _, o in pobjs(a, ("from",))
                            if is_weapon(o, lex)):
                    bounds = phrase_bounds(gun, lex)
                    if bounds not in seen:
                        seen.add(bounds)
                        roles.append(Role("instrument", bounds[0], bounds[1], gun.i))
            for appos in (c for c in token.children if c.dep_ == "appos"
                          and not c.left_edge.i <= via.i <= c.right_edge.i):
                if role in ("victim", "source") and is_people(appos, lex):  # "the mayor, X"
                    bounds = phrase_bounds(appos, lex)
                    if bounds not in seen:
                        seen.add(bounds)
                        roles.append(Role(role, bounds[0], bounds[1], appos.i))
                if role == "source" and is_people(appos, lex):
                    for listed in _appos_list(appos, lex):  # "x, two lieutenants, one
                        bounds = phrase_bounds(listed, lex)  # second lieutenant, and two soldiers"
                        if bounds not in seen:
                            seen.add(bounds)
                            roles.append(Role(role, bounds[0], bounds[1], listed.i))
                            roles.extend(affiliated_orgs(listed, lex, seen))
            named = _apposed_name(token, lex) if role == "victim" else None
            if named is not None:  # "x, one of the priests who were killed": x too
                bounds = phrase_bounds(named, lex)
                if bounds not in seen:
                    seen.add(bounds)
                    roles.append(Role(role, bounds[0], bounds[1], named.i))
    roles.extend(_included(trigger, roles, lex, seen))
    if event_type == "ASSAULT" and not any(r.role == "source" for r in roles):
        roles.extend(_weapon_nationality(trigger, roles, seen))
    return roles


def _weapon_nationality(trigger: Token, roles: list[Role],
                        seen: set[tuple[int, int]]) -> list[Role]:
    """ "Russian drones pounded the grid", "a Turkish missile hit the base": the nationality
    of the weapon that is the attack's subject names who attacked, as it does before an
    attack noun ("Israeli airstrikes"); not a maker ("Russian-made") nor a weapon acted on
    ("shot down Ukrainian drones")."""
    doc = trigger.doc
    out: list[Role] = []
    for role in roles:
        weapon = doc[role.head]
        subject = weapon
        while subject.dep_ == "conj":
            subject = subject.head
        if role.role != "instrument" or subject.dep_ != "nsubj" or subject.head.i != trigger.i:
            continue
        for child in weapon.children:
            if (child.dep_ in ("amod", "compound") and child.i < weapon.i
                    and child.ent_type_ == "NORP" and doc[child.i + 1].text != "-"):
                bounds = (child.idx, child.idx + len(child.text))
                if bounds not in seen:
                    seen.add(bounds)
                    out.append(Role("source", bounds[0], bounds[1], child.i))
    return out


def _included(trigger: Token, roles: list[Role], lex: Lexicon,
              seen: set[tuple[int, int]]) -> list[Role]:
    """"killed 10, including leader X": who or what "including" names shares the role of
    what the event acted upon (the victims or objects), whether the phrase hangs on the
    trigger or on the phrase acted upon."""
    found: list[Role] = []
    doc = trigger.doc
    for acted in [r for r in roles if r.role in ("victim", "object") and not r.located][:1]:
        for holder in (trigger, doc[acted.head]):
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ != "including":
                    continue
                for named in (o for p in prep.children if p.dep_ == "pobj" for o in conjuncts(p)):
                    obj = whose(named)  # "including the death of x": x
                    if obj is None or obj.like_num or obj.pos_ not in NAME_POS:
                        continue
                    bounds = phrase_bounds(obj, lex)
                    if bounds not in seen and bounds[1] > bounds[0]:
                        seen.add(bounds)
                        found.append(Role(acted.role, bounds[0], bounds[1], obj.i))
    for victim in (r for r in roles if r.role == "victim"):
        for name in _named_as(doc[victim.head]):  # "a peasant identified as juan lopez"
            bounds = phrase_bounds(name, lex)
            if bounds not in seen and bounds[1] > bounds[0]:
                seen.add(bounds)
                found.append(Role("victim", bounds[0], bounds[1], name.i))
    return found


def _named_as(head: Token) -> list[Token]:
    """The name a person phrase is given: "a peasant identified as X", "a foreigner named X"."""
    names: list[Token] = []
    for acl in (c for c in head.children if c.dep_ == "acl" and lemma(c) in NAMING):
        if lemma(acl) == "identify":
            names.extend(o for p in acl.children if p.dep_ == "prep" and p.lower_ == "as"
                         for o in p.children if o.dep_ == "pobj")
        else:
            names.extend(o for o in acl.children if o.dep_ in ("oprd", "dobj", "attr"))
    return [c for n in names for c in conjuncts(n) if c.pos_ in NAME_POS and not c.like_num]


def _appos_list(appos: Token, lex: Lexicon) -> list[Token]:
    """The people listed on from an apposition, where the parser chained the list ("a colonel,
    [two lieutenants, [one second lieutenant, two sergeants, and two soldiers]]"): the
    apposition's own apposition and what is coordinated with either."""
    found: list[Token] = []
    for member in (appos, *dependents(appos, "appos")):
        found.extend(c for c in (member, *member.conjuncts)
                     if c.i > appos.i and c not in found and is_people(c, lex))
    return found


def _apposed_name(token: Token, lex: Lexicon) -> Token | None:
    """The name a phrase stands in apposition to: "col x, [the person] implicated in the
    murder", "col x, one of [the men] involved", else None."""
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ == "one":
        node = node.head.head
    head = node.head
    if node.dep_ == "appos" and head.i < node.i and (head.pos_ == "PROPN" or is_name(head, lex)):
        return head
    return None


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the nun (who was shot)", else None."""
    if pronoun.lower_ not in ("who", "whom", "which", "that"):
        return None
    clause = pronoun.head
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return None


MILITARY_UNITS = frozenset({"battalion", "brigade", "regiment", "detachment", "division",
                            "platoon", "army", "garrison"})


def affiliated_orgs(token: Token, lex: Lexicon, seen: set[tuple[int, int]]) -> list[Role]:
    """"terrorists of the X front": the organisation the acting people belong to acts too."""
    found: list[Role] = []
    if lemma(token) in lex.cls("organisation"):
        return found
    orgs = [
        obj for _, obj in pobjs(token, ("of", "from"))
        if lemma(obj) in lex.cls("organisation") or obj.pos_ == "PROPN" or obj.ent_type_ == "ORG"
        or (lemma(obj) in MILITARY_UNITS and lemma(token) not in MILITARY_UNITS)
    ]  # "a soldier from the x detachment", not "a column of the x front" (a unit itself)
    known = lex.cls("civilian") | lex.cls("combatant") | lex.cls("perp_individual")
    orgs.extend(  # "fmln guerrillas": a name or acronym before the people noun
        c for c in token.lefts
        if c.dep_ in ("compound", "nmod") and lemma(c) not in known and c.pos_ in ("PROPN", "NOUN")
        and lemma(token) in known
    )
    for obj in orgs:
        start, end = phrase_bounds(obj, lex)
        if (start, end) not in seen:
            seen.add((start, end))
            found.append(Role("source", start, end, obj.i))
    return found
