"""How the participants of our MUC-4 incidents become the role fillers of the ``muc4`` task.

Only events that are incidents (:mod:`~sitrep.evaluation.tasks.muc4_incidents`) give fillers:
``source`` participants fill PerpOrg or PerpInd, ``object`` fills Target, ``victim`` fills
Victim and ``instrument`` fills Weapon, by the rules below. Each distinct normalised string is
one predicted entity, except that an organisation linked to one actor is named once (its first
string).

Perpetrators. Which of PerpOrg and PerpInd a source fills, and the word tests the rules here
use (a thing, a dictionary word, an organisation named inside a phrase, anonymous people and
their looks, the suspected group), are in :mod:`~sitrep.evaluation.tasks.muc4_perpetrators`;
a longer phrase with neither a linked actor nor an organisation word, such as "helicopter
gunship", is no perpetrator. A hedge ("alleged", "suspected") is dropped from perpetrators
(and so are a date or a word the parse ran over before it: "on 10 march", "those", "or"), and
so is a possessor before people or a unit ("the fmln's x urban commandos": the commandos; the
fmln is a perpetrator of its own), and a source that is a thing (a weapon, a building, a
violent event noun: "a bomb explosion"; "air force helicopters": the air force), and a source
linked to no actor whose head is a dictionary word for a thing or an abstraction ("the words",
"shrapnel"; not a people, group or organisation word, nor a known actor's name such as "eln"),
is no perpetrator. A perpetrator that is part of its linked actor's name ("path" of "shining
path") is that whole name, and so is a part of it ("x front forces", "eln fronts": forces,
fronts, cells, units; not "members of the x armed forces": people of it); an organisation
actor named inside a perpetrator phrase ("a column of shining path terrorists", "fmln forces")
is a PerpOrg of its own, named once by that name, and the people beside it keep its name
("shining path terrorists") unless the organisation is also named on its own; a perpetrator
loses a leading count ("at least 50 rebels"), except anonymous people ("two men", "three
individuals": the count is all the key has; not "several men") and an exact number ("two
lieutenants", "four heavily armed individuals"; not "two suspected terrorists"): the keys keep
it, and what anonymous people looked like ("men wearing military uniforms": judged as "men"),
whose uniform's institution ("military", "army", "police", "navy") is a PerpOrg said only
inside the phrase; a bare noun that names no one ("the group", "the enemy") is no perpetrator,
nor is a source linked to a civilian population (sector CVL: "peasants", "four people"; but
"unidentified people", "unknown persons" are doers no one knows, not a population) or one whose
head word is only a civilian's ("the watchman", "embassy employees", "labor leaders": no word
of it names armed people, an organisation or anonymous people), nor a one-word dictionary noun
inside another source of the event ("drug" of "drug traffickers", "death" of "death squads";
not "fmln"), or to a government office (sector GOV, an organisation: "the government", "the
ministry"), nor one who speaks for or about the doers ("an alleged spokesman for the
extraditables", "a newsman": his head word, before "of", is a speaker word; an organisation
named inside the phrase is still PerpOrg); where a document's incidents name no perpetrator
organisation (people alone, "gunmen", or no one), the group suspected in them is the
perpetrator organisation; a string inside a longer perpetrator string of the same role is that
entity; people named with the organisation the document's perpetrators also give ("eln
guerrillas" beside "eln") are the people alone ("guerrillas"), unless that leaves a bare
partitive ("members").

Targets. ``object`` fills Target when its head is a facility word, and so does a target or
victim whose head is a firm with premises ("an attack against el espectador newspaper", "the
state energy company": newspaper, company, fund, corporation, enterprise, daily). A target's
head is the word before "of" ("the house of judge X"); a target named as military ("army
convoy", "air force base", "the 4th brigade's installations") is no MUC-4 target (the key
treats attacks on the armed forces as combat, not terrorism), and so is an aircraft not said
to be civil ("the helicopter" but not "a private plane"), nor an armoured vehicle ("two
armored cars"), nor what a raid entered ("troops raided five farms": a search, or a foray,
that hit no building).

Weapons. ``instrument`` fills Weapon ("machinegun fire", "bursts": the gun). A leading count
("several", "two", "half a dozen") or ordinal, and a word the parse ran over ("or", from
weapons also a month: "october"), is dropped from targets and weapons, and from targets a word
leading into a list or an estimate ("namely, a bank", "approximately 25 vehicles"), a target's
head being its last word before "of" and a house number ("house number 729"); so are a weapon's
size or weight ("a powerful bomb", "a 20-kg bomb") and a target's size or "same" ("a large gas
station", "the same pipeline"): the keys mostly name them without; a number before a unit of
weight stays ("20 kg of dynamite": the keys keep the amount); ammunition ("riddled with
bullets") is no weapon: the keys name the gun ("mortar rounds", "rounds of mortar": the
mortar), nor is the materiel of war between armies (artillery, landmines); a transcriber's note
("six (as heard) bombs") goes from both.

Victims. ``victim`` fills Victim when it names someone (MUC-4 keeps only named victims: no
class word such as "peasants"; a leading title such as "presidential candidate" is dropped). A
victim linked to an actor that is not a person (a union, a population) is not named; a pronoun
or a bare title linked to a person ("he", "the judge") is that person's name; a class word
before a name is dropped ("university student pablo serra"), and so are an age
("26-year-old"), a nationality ("peruvian", "spaniard", from the actors' ``demonyms.tsv``) and
a function word the parse ran over ("when x"); counts, ordinals and "member of X" are not
names; a surname already named in full in the document ("montes" beside "rafael montes
duarte") is the same victim, and a surname is given the full name of a person actor of the
document that ends with it; "X and Y" are two victims; a name that starts like a place name
("san", "la": class ``place_prefix``) or ends in a territory word ("province") is a place, not
a victim, and one that ends in a facility, organisation or weapon word ("x pipeline") is a
thing.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.evaluation.tasks.grit import normalise
from sitrep.evaluation.tasks.muc4_incidents import _military, muc_incident
from sitrep.evaluation.tasks.muc4_perpetrators import (
    ANONYMOUS,
    ANONYMOUS_ONE,
    ORG_HEADS,
    PARTITIVE,
    _common_noun,
    _described,
    _inner_orgs,
    _is_thing,
    _perp_role,
    _suspected_group,
)
from sitrep.evaluation.tasks.muc4_words import NUMBERS, VAGUE, _in_class, _words
from sitrep.schema import Actor, ArticleResult
from sitrep.stages.extract.actors_knowledge import demonym_adjectives
from sitrep.stages.extract.events_lexicon import Lexicon
from sitrep.stages.extract.events_syntax import (
    FIRE_NOUNS,
    MEASURE_NOUNS,
)

MUC_ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
# who speaks for or about the doers is not one of them ("a spokesman for x", "a newsman")
SPEAKERS = frozenset({"spokesman", "spokesmen", "spokeswoman", "spokesperson", "newsman",
                      "newsmen", "reporter", "reporters", "journalist", "journalists",
                      "caller", "announcer"})
NOT_PERPETRATORS = frozenset(
    {"they", "that", "this", "it", "which", "who", "he", "she", "we", "i", "you", "them",
     "others", "other", "one", "two", "three", "four", "five", "some", "those", "these"}
)
QUANTIFIERS = frozenset(
    {"several", "some", "many", "few", "at", "least", "more", "than", "about", "nearly",
     "over", "up", "to", "dozens", "hundreds", "of", "one", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten", "various", "numerous", "all", "both", "other",
     "no"}
)
# a bare noun that names no one: the key gives who acted ("armed men", a group's name)
UNNAMED = frozenset({"organization", "organisation", "group", "groups", "people", "persons",
                     "person", "enemy"})
LEAD_INS = frozenset({"or", "and", "those", "these", "on", "such"})  # the parse ran over
# words that lead into a list or an estimate: "namely, a bank", "approximately 25 vehicles"
LIST_LEADS = frozenset({"namely", "including", "especially", "particularly", "approximately",
                        "almost", "around", "roughly", "some"})
# a transcriber's note in a phrase, its brackets gone: "six (as heard) bombs"
NOTE = re.compile(r"\b(?:as heard|as received|as published|words indistinct)\b")
HEDGES = frozenset({"alleged", "suspected", "presumed", "presumable", "purported",
                    "reported", "supposed", "apparent", "socalled", "selfstyled",
                    "selfnamed", "selfproclaimed"})
NESTED = ("Victim", "PerpInd", "PerpOrg")  # a string inside a longer one is that entity
DEDUPE = ("PerpOrg",)  # an organisation linked to one actor is one entity, named once
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "only", "hundred",
                      "thousand", "dozen", "another"})
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we", "us", "i", "you"})
# aircraft under fire are the air force's unless said to be civil ("a private plane")
AIRCRAFT = frozenset({"helicopter", "plane", "aircraft", "airplane", "gunship", "jet"})
# an organisation whose building an attack on it hits ("the attack against x newspaper")
PREMISES = frozenset({"newspaper", "company", "fund", "corporation", "enterprise", "daily"})
# an armoured vehicle is the armed forces' or the police's (the keys hold almost none)
ARMOURED = frozenset({"armored", "armoured"})
# a raid is a search by the forces of order or a foray: what it enters is not what it hit
SEARCHES = frozenset({"raid", "raids", "raided", "raiding"})
CIVIL = frozenset({"private", "passenger", "commercial", "civilian", "cargo", "airline",
                   "airliner", "civil"})
# how big a weapon was: the keys name the weapon without it ("a powerful bomb": "bomb")
SIZES = frozenset({"powerful", "large", "small", "big", "huge", "average", "sized",
                   "averagesized", "mediumsized", "medium", "highpowered"})
AMMUNITION = frozenset({"bullet", "bullets", "ammunition", "rounds", "shots"})
# the materiel of war between armies: the keys name no artillery or landmines as weapons
WAR_MATERIEL = frozenset({"artillery", "mine", "mines", "landmine", "landmines"})
WEIGHT = re.compile(r"\d+(kg|kilogram|kilo|pound|lb|gram)s?")
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"})
AGE = re.compile(r"\d+(?:year|month|week|day)s?old")
POSSESSIVE = re.compile(r"['’]s$")
OWNER = re.compile(r"^.*?['’]s\s+")  # "the eln's": a leading possessor
# who the keys never give as perpetrators: a civilian population, a government office
UNARMED = frozenset({("CVL", "population"), ("GOV", "organisation")})
# people no one knows are not a population: "unidentified people" did it
UNKNOWN = frozenset({"unidentified", "unknown"})
# people in the uniform of an armed institution are the keys' perpetrator organisation too
UNIFORMS = frozenset({"uniform", "fatigues"})
UNIFORMED = frozenset({"military", "army", "police", "navy"})


# parts of an organisation that the keys name by the organisation ("eln fronts")
ORG_PARTS = frozenset({"forces", "fronts", "front", "cell", "cells", "structures", "structure",
                       "units"})


def _named_victim(text: str, lex: Lexicon, actor: Actor | None = None) -> str | None:
    if actor is not None and actor.kind != "person":
        return None  # a group, a state, a population ("the communists") is no named victim
    words = _words(text)
    if "alias" in words:  # "mario vega alias el zorro": the name, not the alias
        words = words[: words.index("alias")]
    while words and words[0] in STOP_WORDS and words[0] not in QUANTIFIERS:
        words = words[1:]  # "when x y": a word the parse ran over
    if words and (words[0] in QUANTIFIERS or words[0].isdigit()):
        return None
    # a title or a class word before the name is dropped ("university student pablo serra");
    # a class word with no name after it ("two women", "peasants") is no named victim
    common = (lex.cls("title") | lex.cls("civilian") | lex.cls("combatant")
              | lex.cls("perp_individual"))
    demonyms = demonym_adjectives()  # "peruvian ana vela": the name
    last_title = max((i for i, w in enumerate(words) if _in_class(w, common)
                      or AGE.fullmatch(w) or w in demonyms), default=-1)  # "26yearold X"
    words = words[last_title + 1 :]
    if not words or any(w.isdigit() or w in QUANTIFIERS or w in ORDINALS for w in words):
        return None
    if words[0] in PRONOUNS or words[0] == "of":  # "member of the party": the party's name
        return None
    things = (lex.cls("territory") | lex.cls("facility") | lex.cls("organisation")
              | lex.cls("weapon"))  # "valmora avenue", "x pipeline", "x news agency mission"
    if words[0] in lex.cls("place_prefix") or _in_class(words[-1], things):
        return None  # "san ramon", "buenos aires province": a place, not a person
    return " ".join(words)


def _refers(text: str, lex: Lexicon) -> bool:
    """Does the phrase name no one itself: a pronoun or a title ("he", "the judge")?"""
    words = _words(text)
    return len(words) == 1 and (words[0] in PRONOUNS or _in_class(words[0], lex.cls("title")))


def _premises(text: str, lex: Lexicon) -> bool:
    """Does a phrase acted upon as an actor name a thing by its head word ("the state-owned
    agrarian fund", "el espectador newspaper")?"""
    words = _words(normalise(text))
    return bool(words) and _in_class(words[-1], PREMISES)


def muc_fillers(result: ArticleResult, lex: Lexicon) -> dict[str, list[str]]:
    """The normalised role-filler strings our events give a document, per MUC-4 role."""
    actors = {a.id: a for a in result.mentions.actors}
    fillers: dict[str, list[str]] = {role: [] for role in MUC_ROLES}
    taken: set[tuple[str, str]] = set()  # (role, actor id): one entity, named once
    persons = lex.cls("perp_individual") | lex.cls("combatant") | lex.cls("civilian")
    inside: set[str] = set()  # organisations named only inside a perpetrator phrase
    # words that may name doers: people, armed men, organisations, anonymous people, parts
    doers = (persons - lex.cls("civilian") | lex.cls("perp_individual") | lex.cls("organisation")
             | ANONYMOUS | ANONYMOUS_ONE | PARTITIVE)
    incidents = [e for e in result.events if muc_incident(e, result.published, actors)]
    for event in incidents:
        for part in event.participants:
            text = part.span.text
            role: str | None
            if part.role == "source":
                for inner in _inner_orgs(part, result.mentions.actors, persons):
                    value = normalise(inner.span.text)  # "a column of shining path terrorists"
                    if value not in fillers["PerpOrg"] and ("PerpOrg", inner.id) not in taken:
                        taken.add(("PerpOrg", inner.id))
                        fillers["PerpOrg"].append(value)
                        inside.add(value)
                actor = actors.get(part.actor or "")
                if actor is not None and (actor.sector, actor.kind) in UNARMED and not (
                        actor.sector == "CVL" and UNKNOWN & set(_words(text))):
                    continue  # "the peasants", "the ministry": civilians or officials, no one armed
                if set(_words(text.partition(" of ")[0])[-1:]) & SPEAKERS:
                    continue  # "an alleged spokesman (for x)", "spokesmen of x": not the doers
                if actor is not None and actor.span.start <= part.span.start \
                        and part.span.end <= actor.span.end:
                    text = actor.span.text  # "path" of the actor "shining path": the whole name
                elif actor is not None and part.span.start <= actor.span.start \
                        and actor.span.end <= part.span.end and _words(text)[-1:] and \
                        _words(text)[-1] in ORG_PARTS and \
                        not set(_words(text.partition(" of ")[0])[-1:]) & PARTITIVE:
                    # "the x front forces": the organisation x front; not "members of the x
                    # armed forces": people of it
                    text = actor.span.text
                # "the fmln's x urban commandos": the people or unit, without their owner (an
                # entity itself); not "the army's response"
                owned = _words(OWNER.sub("", text))[-1:]
                if owned and (_in_class(owned[0], PARTITIVE) or _in_class(owned[0], persons)):
                    text = OWNER.sub("", text)
                words, described = _described(_words(text))  # "men [wearing uniforms]"
                if any(_in_class(w, UNIFORMS) for w in described):
                    # "men wearing military uniforms": the military too, said only inside
                    worn = next((w for w in described if w in UNIFORMED), None)
                    if worn is not None and worn not in fillers["PerpOrg"]:
                        fillers["PerpOrg"].append(worn)
                        inside.add(worn)
                # "alleged urban guerrillas", "at least 50 rebels": who, without hedge or count
                while len(words) > 1 and (words[0] in LEAD_INS or words[0] in MONTHS or (
                        words[0].isdigit() and words[1] in MONTHS)):
                    words = words[1:]  # "those gunmen", "on 10 march alleged x members"
                while len(words) > 1 and words[0] in HEDGES:
                    words = words[1:]
                counted = words
                while len(words) > 1 and (words[0] in HEDGES or words[0] in QUANTIFIERS
                                          or words[0].isdigit()):
                    words = words[1:]  # "two suspected terrorists"
                if (len(words) == 1 and words[0] in ANONYMOUS and len(counted) == 2
                        and counted[0] not in VAGUE) or (
                        counted and (counted[0] in NUMBERS or counted[0].isdigit())
                        and not any(w in HEDGES or w in QUANTIFIERS for w in counted[1:])):
                    words = counted  # "two men", "three individuals": the count is all they are
                text = " ".join(words + described)
                if not words or all(w in NOT_PERPETRATORS or w.isdigit() for w in words) or (
                        len(words) == 1 and words[0] in UNNAMED):  # "the group", "the enemy"
                    continue
                if _is_thing(words[-1], lex):
                    # "a bomb explosion", "army helicopters": a means, not who did it; but
                    # "the salvadoran air force helicopters": the air force used them
                    owner = words[:-1]
                    while owner and _is_thing(owner[-1], lex):
                        owner = owner[:-1]
                    while owner and (owner[0] in QUANTIFIERS or owner[0].isdigit()):
                        owner = owner[1:]  # "six salvadoran air force planes"
                    if owner and _in_class(owner[-1], lex.cls("organisation") | ORG_HEADS):
                        value = " ".join(owner)
                        if value not in fillers["PerpOrg"]:
                            fillers["PerpOrg"].append(value)
                    continue
                if part.actor is None and _common_noun(words[-1], lex):
                    continue  # "the words", "shrapnel", "the war": no one who acted
                if len(words) == 1 and _common_noun(words[0], lex) and any(
                        o is not part and o.role == "source" and o.span.start <= part.span.start
                        and part.span.end <= o.span.end for o in event.participants):
                    continue  # "drug" of "drug traffickers", "death" of "death squads"
                head = " ".join(words).partition(" of ")[0].split()
                if head and _in_class(head[-1], lex.cls("civilian")) and not any(
                        _in_class(w, doers) for w in words):
                    continue  # "the watchman", "embassy employees": no one the keys blame
                role = _perp_role(" ".join(words), actors.get(part.actor or ""), lex)
                if role == "PerpOrg" and part.actor is None and len(words) > 1 and not _in_class(
                        words[-1], lex.cls("organisation")):
                    continue  # no actor, no organisation word: "helicopter gunship"
            elif part.role == "object" or (part.role in ("target", "victim") and _premises(
                    text, lex)):  # "an attack against el espectador newspaper": its building
                # MUC-4 physical targets: buildings, vehicles, installations, without a count
                words = _words(NOTE.sub("", normalise(text)))
                while len(words) > 1 and (words[0] in QUANTIFIERS or words[0].isdigit()
                                          or words[0] in ORDINALS or words[0] == "half"
                                          or words[0] in SIZES or words[0] == "same"
                                          or words[0] in LEAD_INS or words[0] in LIST_LEADS):
                    words = words[1:]
                text = " ".join(words)
                head = " ".join(words).partition(" of ")[0].split()  # "house of X"
                while len(head) > 1 and (head[-1].isdigit() or head[-1] in ("number", "no")):
                    head = head[:-1]  # "house number 729", "building 626": a house, a building
                last = head[-1:] or [""]
                role = "Target" if _in_class(last[0], lex.cls("facility") | PREMISES) else None
                if _military(words) or (any(_in_class(w, AIRCRAFT) for w in words)
                                        and not any(w in CIVIL for w in words)) or any(
                        w in ARMOURED for w in words):
                    role = None  # MUC-4: an attack on the armed forces is combat, not terrorism
                if set(_words(event.trigger.text)[-1:]) & SEARCHES:
                    role = None  # "troops raided five farms", "raids on business premises"
            elif part.role == "victim":
                actor = actors.get(part.actor or "")
                named = _named_victim(text, lex, actor)
                if named is None and actor is not None and actor.kind == "person" and (
                        _refers(text, lex)):
                    named = _named_victim(actor.name, lex)  # "he", "the judge": who it is
                role, text = ("Victim", named) if named else (None, text)
            elif part.role == "instrument":
                words = _words(NOTE.sub("", normalise(text)))
                while len(words) > 1 and (words[0] in QUANTIFIERS or words[0].isdigit()
                                          or words[0] in ORDINALS or words[0] in MONTHS
                                          or words[0] in SIZES or WEIGHT.fullmatch(words[0])
                                          or words[0] in LEAD_INS) and not (
                                              words[0].isdigit()
                                              and _in_class(words[1], MEASURE_NOUNS)):
                    words = words[1:]  # "several bombs", "a powerful 20-kg bomb"
                if len(words) > 1 and (_in_class(words[-1], FIRE_NOUNS)
                                       or words[-1] in AMMUNITION):
                    words = words[:-1]  # "machinegun fire", "machinegun bursts": the machinegun
                elif len(words) > 2 and words[0] in AMMUNITION and words[1] == "of":
                    words = words[2:]  # "rounds of mortar", like "mortar rounds": the mortar
                text = " ".join(words)
                # "riddled with bullets": the keys name the gun, not its ammunition
                role = None if words and (words[-1] in AMMUNITION
                                          or words[-1] in WAR_MATERIEL) else "Weapon"
            else:
                role = None
            value = normalise(text)
            if role == "PerpOrg":
                inside.discard(value)  # named on its own too
            if role is not None and value and value not in fillers[role]:
                if part.actor is not None and role in DEDUPE:
                    if (role, part.actor) in taken:
                        continue
                    taken.add((role, part.actor))
                fillers[role].append(value)
    if not fillers["PerpOrg"]:
        fillers["PerpOrg"].extend(_suspected_group(result.mentions.actors, incidents, persons))
    # "montes" once "rafael montes duarte" is named: one victim, named in full; likewise
    # "shining path group" beside "members of shining path group" is one perpetrator
    # "angel hernandez and jose flores": two victims
    fillers["Victim"] = list(dict.fromkeys(
        n for v in fillers["Victim"] for part in v.split(" and ")
        if (n := _named_victim(part, lex)) is not None))
    # "sierra" where a person is named "luis alberto sierra" in the document: the full name
    people = [n for a in result.mentions.actors if a.kind == "person"
              and (n := _named_victim(POSSESSIVE.sub("", a.span.text), lex)) is not None]
    fillers["Victim"] = list(dict.fromkeys(
        max((n for n in people if f" {n}".endswith(f" {v}")), key=len, default=v)
        for v in fillers["Victim"]))
    # "eln guerrillas" beside the organisation "eln": the people are "guerrillas" (but "eln
    # members" stay: "members" alone names no one)
    fillers["PerpInd"] = list(dict.fromkeys(
        next((rest for o in fillers["PerpOrg"] if o not in inside and f" {o} " in f" {v}"
              and (rest := v.partition(f"{o} ")[2]) and not _in_class(rest.split()[-1],
                                                                       PARTITIVE)), v)
        for v in fillers["PerpInd"]))
    for role in NESTED:
        fillers[role] = [v for v in fillers[role] if not any(
            v != w and f" {v} " in f" {w} " for w in fillers[role])]
    return fillers

