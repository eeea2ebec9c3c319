"""How our events become MUC-4 incidents, for the ``muc4`` task (events of other types fill no
role):

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

The incident types of a document are those of its events, except that in a document with a
bombing, an attack told only by an effect ("three people were injured", "the bank was
destroyed") or by a word that refers back ("the attack", "this action"), with no firearm named,
is that bombing (the keys file one bombing template for it), not an attack of its own; this
changes no filler.
"""

from __future__ import annotations

import re

from sitrep.evaluation.tasks.muc4_words import NUMBERS, VAGUE, _in_class, _words
from sitrep.schema import Actor, ArticleResult, Event, Participant

BOMBING = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})
ARSON_WORDS = ("burn", "fire", "torch", "arson", "ablaze", "blaze")
ROBBERY_WORDS = ("rob", "steal", "stole", "loot", "plunder", "ransack", "sack")
MILITARY = frozenset({"military", "army", "convoy", "navy", "naval", "airforce", "brigade",
                      "battalion", "regiment", "detachment", "garrison", "barrack"})
REBELS = frozenset({"guerrilla", "rebel", "insurgent", "subversive"})
# a year, not a clock time ("at 1930", "1830 hours", "2340 gmt")
YEAR = re.compile(r"(?<!at )\b(1[89]\d\d|20\d\d)\b(?! ?(?:hours|hrs|gmt|local))")


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

