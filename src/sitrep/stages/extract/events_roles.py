"""Participants of an event from the dependency parse: source, target, victim, object, instrument.

For a verbal trigger the subject acts (``source``) and the object is acted upon; in the passive
the ``by`` agent acts and the subject is acted upon. For a nominal trigger the possessor and
``by`` act ("Baku's attack", "an attack by rebels"), ``on``/``against``/``of`` name what is
acted upon, and a light verb that governs the noun lends its subject ("rebels launched an
attack"). ``with`` and weapon words give the instrument ("an attack with mortars", "with
rifle fire"), and so do what was used for the event ("used mortars to attack") and the gun
that fired the bullets ("bullets fired from rifles"). What is acted upon is a ``victim`` when
it is people, an ``object`` when it is a thing (a building, a vehicle) and a ``target`` when
it is an actor (a state, an organisation), per the contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.stages.extract.events_lexicon import Lexicon
from sitrep.stages.extract.events_modality import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

ROLE_ORDER = ("source", "target", "victim", "object", "instrument")
PARTITIVE = frozenset(
    {"member", "group", "unit", "column", "squad", "band", "faction", "cell", "wing",
     "detachment", "contingent", "commando", "battalion", "platoon", "company", "gang"}
)
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "what", "it", "this", "there"})
TIME_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
     "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "week",
     "month", "year", "day", "hour", "january", "february", "april", "june", "july", "august",
     "september", "october", "november", "december", "weekend", "dawn", "midnight", "noon"}
)
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSON_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "him", "her", "them", "us"})
SPAN_DEPS_LEFT = frozenset(
    {"compound", "amod", "nummod", "nmod", "poss", "quantmod", "advmod", "case", "punct",
     "npadvmod"}
)
IMPACT_VERBS = frozenset(
    {"hit", "strike", "target", "destroy", "damage", "kill", "wound", "injure", "rock", "level",
     "flatten", "devastate", "raze", "claim"}
)
DAMAGE_VERBS = frozenset({"destroy", "damage", "wreck", "level", "raze", "flatten", "burn",
                          "demolish", "shatter", "gut"})
HARM_NOUNS = frozenset({"damage", "destruction", "harm"})
ASPECTUAL_NOUNS = frozenset({"start", "beginning", "launch", "resumption", "continuation"})
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})

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


def _phrase_end(head: Token) -> int:
    """Index of the last token of ``head``'s phrase before any clause or prepositional phrase."""
    last = head.i
    for child in head.rights:
        if child.i == last + 1 and child.dep_ in ("compound", "flat", "nummod"):
            last = child.right_edge.i
        else:
            break
    return last


ANONYMOUS = frozenset({"man", "men", "individual", "person", "people", "woman", "women"})
CLOTHES = frozenset({"uniform", "clothes", "clothing", "fatigues", "hood", "mask", "dress",
                     "gear", "attire"})


def _described(modifier: Token) -> Token | None:
    """The last word of a phrase after "men" or "individuals" that says what they looked
    like ("wearing military uniforms", "dressed in combat gear", "in civilian clothes"), else
    None; what it says of anything else ("on 15 november") is left out."""
    if modifier.dep_ == "acl" and lemma(modifier) in ("wear", "dress"):
        worn = [c for c in modifier.children if c.dep_ == "dobj"] + [
            o for c in modifier.children if c.dep_ == "prep" and c.lower_ == "in"
            for o in c.children if o.dep_ == "pobj"]
        return modifier.doc[_phrase_end(worn[0])] if worn else None
    clothes = [o for o in modifier.children if o.dep_ == "pobj" and lemma(o) in CLOTHES]
    if modifier.dep_ == "prep" and modifier.lower_ == "in" and clothes:
        return modifier.doc[_phrase_end(clothes[0])]
    return None


def phrase_bounds(head: Token, lex: Lexicon) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``head``, without leading determiners
    and punctuation, clauses, appositions or coordinated phrases."""
    doc = head.doc
    first_i = head.i
    for child in reversed(list(head.lefts)):  # nearest first
        if child.dep_ not in SPAN_DEPS_LEFT and child.dep_ != "det":
            break
        first_i = child.left_edge.i
    last = head
    for child in head.rights:
        if child.i != last.i + 1:
            break
        if child.dep_ in ("compound", "flat", "nummod") or (
                child.dep_ == "acl" and laden(head, lex) == child):  # "a car loaded with X"
            last = child.right_edge
        elif child.dep_ == "prep" and lemma(child) == "of" and (
            lemma(head) in PARTITIVE or lemma(head) in lex.cls("organisation")
            or lemma(head) in lex.cls("facility")  # "the house of judge X", "offices of Y"
            or weapon_of(head, lex) is not None  # "20 kg of dynamite"
        ):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects:
                break
            last = doc[_phrase_end(objects[0])]
        elif lemma(head) in ANONYMOUS and (described := _described(child)) is not None:
            last = described  # "men wearing military uniforms": all that tells who
        else:
            break
    determiners = lex.cls("determiner")
    i, j = first_i, last.i
    while i < j and (doc[i].is_punct or doc[i].lower_ in determiners or doc[i].is_space):
        i += 1
    while j > i and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    start = doc[i].idx
    end = doc[j].idx + len(doc[j].text)
    # A heading or paragraph break the parse ran over: start after it. From the tokens, not
    # ``doc.text``, which spaCy rebuilds on every access.
    for k in range(head.i - 1, i - 1, -1):
        if "\n" in doc[k].text_with_ws:
            m = k + 1
            while m < head.i and doc[m].is_space:
                m += 1
            start = doc[m].idx
            break
    return start, end


NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "appos", "conj"})


def nominal(token: Token) -> bool:
    """A noun, or a word the lower-cased parse tagged a verb or an adjective where only a
    noun phrase can be ("the murder of leader x morales": surnames in -es read as verbs;
    "marta luz lopez, (...), was killed": a subject read as an adjective; "jesuits ignacio
    x, ... were killed": a subject read as a verb)."""
    return token.pos_ in ("NOUN", "PROPN") or (
        token.pos_ == "ADJ" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")) or (
        token.pos_ == "VERB" and token.dep_ in ("nsubj", "nsubjpass") and token.tag_ != "VBG"
    ) or (
        token.pos_ == "VERB" and token.dep_ in NOMINAL_DEPS and token.tag_ == "VBZ"
        and token.head.pos_ in ("ADP", "NOUN", "PROPN") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in token.children))


UNIT_NOUNS = frozenset({"stick", "package", "packet", "bundle", "bag", "case", "can",
                        "canister", "bottle", "cartridge", "round",  # "mortar rounds"
                        "trap"})  # "a booby trap"


FIRE_NOUNS = frozenset({"fire", "burst", "volley"})  # "rifle fire", "machinegun bursts"
# how much of a weapon: "20 kg of dynamite", "125 grams of tnt"
MEASURE_NOUNS = frozenset({"kg", "kilogram", "kilo", "gram", "pound", "lb", "ton", "tonne"})


def _weapon_word(token: Token, lex: Lexicon) -> bool:
    weapons = lex.cls("weapon")
    return lemma(token) in weapons or token.lower_ in weapons


def weapon_of(token: Token, lex: Lexicon) -> Token | None:
    """The weapon a unit, an amount or a charge is of: "sticks of dynamite", "20 kg of
    dynamite", "charges of dynamite" (the phrase runs on to it), else None."""
    if lemma(token) not in UNIT_NOUNS | MEASURE_NOUNS and not _weapon_word(token, lex):
        return None
    return next((o for _, o in pobjs(token, ("of",)) if _weapon_word(o, lex)), None)


VEHICLES = frozenset({"car", "vehicle", "truck", "van", "jeep", "bus", "automobile", "pickup"})
LOAD_VERBS = frozenset({"load", "fill", "pack", "stuff", "cram"})


def laden(token: Token, lex: Lexicon) -> Token | None:
    """The clause that makes a vehicle a bomb: "a car loaded with 200 kg of dynamite", "a
    vehicle filled with explosives" (the phrase runs on through it), else None."""
    if lemma(token) not in VEHICLES:
        return None
    return next((a for a in token.children if a.dep_ == "acl" and lemma(a) in LOAD_VERBS
                 and any(is_weapon(o, lex) for _, o in pobjs(a, ("with",)))), None)


def is_weapon(token: Token, lex: Lexicon) -> bool:
    """A weapon word, a unit or an amount of one ("dynamite sticks", "20 kg of dynamite"), its
    fire ("rifle fire") or a vehicle loaded with one."""
    if _weapon_word(token, lex) or laden(token, lex) is not None:
        return True
    return (lemma(token) in UNIT_NOUNS | FIRE_NOUNS and any(
        c.dep_ in ("compound", "nmod") and _weapon_word(c, lex) for c in token.lefts)
    ) or weapon_of(token, lex) is not None


def is_name(token: Token, lex: Lexicon) -> bool:
    """Does the phrase headed by ``token`` name a person (also in lower-cased text)?"""
    if token.ent_type_ == "PERSON":
        return True
    if not lex.known_words or not nominal(token):
        return False
    words = [c for c in token.lefts if c.dep_ in ("compound", "nmod")] + [token]
    known_classes = lex.cls("facility") | lex.cls("weapon") | lex.cls("organisation")
    return any(
        w.is_alpha and len(w) > 2 and w.lower_ not in lex.known_words
        and lemma(w) not in lex.known_words and lemma(w) not in known_classes
        for w in words
    ) and lemma(token) not in known_classes


def is_people(token: Token, lex: Lexicon) -> bool:
    word = lemma(token)
    if token.pos_ == "PRON":
        return token.lower_ in PERSON_PRONOUNS
    people = lex.cls("civilian") | lex.cls("combatant") | lex.cls("title")
    if word in people:
        return True
    if any(c.dep_ in ("compound", "amod") and lemma(c) in lex.cls("title") for c in token.lefts):
        return True  # "presidential candidate luis carlos galan"
    if is_name(token, lex):
        return True
    if token.ent_type_ in ("PERSON", "NORP"):
        return True
    return token.pos_ == "NUM" or (token.pos_ == "PROPN" and word not in lex.cls("facility")
                                   and token.ent_type_ not in ("GPE", "ORG", "LOC", "FAC"))


def is_actorish(token: Token, lex: Lexicon) -> bool:
    """Could this noun phrase head name an actor (someone who can act or be addressed)?"""
    if is_people(token, lex):
        return True
    word = lemma(token)
    return (
        token.ent_type_ in ACTOR_ENTS
        or word in lex.cls("organisation")
        or token.pos_ == "PROPN"
    )


def patient_role(token: Token, event_type: str, lex: Lexicon) -> str | None:
    """The role of what an event acts upon, from the head word of the phrase."""
    if is_weapon(token, lex) and event_type in MATERIAL_TYPES:
        return "instrument"
    if event_type in MATERIAL_TYPES or event_type == "RETREAT":
        if token.ent_type_ == "NORP" and token.pos_ == "NOUN" and lemma(token) in lex.cls(
                "facility"):
            return "object"  # "blew up three poles": power poles, not people
        if is_people(token, lex):
            return "victim"
        if lemma(token) in lex.cls("facility"):
            return "object"
        if is_actorish(token, lex):
            return "target"
        if token.pos_ in ("NOUN", "PROPN") and not token.like_num:
            return "object"
        return None
    return "target" if is_actorish(token, lex) else None


REMAINS = frozenset({"body", "corpse", "remains"})


def conjuncts(token: Token) -> list[Token]:
    """The phrase and those coordinated after it: "the bank, the school and the church".

    The parser often reads a list of three as an apposition ("one office, [one bus, and one
    transformer]", "one office, [one bus], and one transformer"); an apposition after a
    comma that is itself coordinated, or followed by the head's "and", is a member too. A
    name and common nouns are one list when a member is plural ("col x, director of y, two
    lieutenants and one corporal"), not when all are singular ("x, priest and teacher").
    """
    members = [token, *(c for c in token.conjuncts if c.i > token.i)]
    doc = token.doc
    for appos in (c for c in token.children if c.dep_ == "appos" and c.i > token.i):
        after = appos.right_edge.i + 1  # "the office, a station, and the post"
        listed = any(c.dep_ == "conj" for c in appos.children) or any(
            c.dep_ == "cc" and c.i > appos.i for c in token.children) or any(
            doc[k].dep_ == "cc" and doc[after:k].text in ("", ",")
            for k in range(after, min(after + 2, len(doc))))
        same = appos.pos_ == token.pos_ or (
            {appos.pos_, token.pos_} == {"NOUN", "PROPN"}
            and any(c.tag_ in ("NNS", "NNPS") for c in appos.conjuncts))
        if listed and same and token.doc[appos.left_edge.i - 1].text == ",":
            members.extend([appos, *(c for c in appos.conjuncts if c.i > appos.i)])
    return members


def _child(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def pobjs(token: Token, preps: tuple[str, ...]) -> list[tuple[str, Token]]:
    """The objects of ``token``'s prepositions ``preps``, a coordinated preposition's too
    ("attacks on X and on Y")."""
    found: list[tuple[str, Token]] = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and lemma(prep) in preps:
            for p in (prep, *(c for c in prep.conjuncts if c.pos_ == "ADP" and c.i > prep.i
                              and lemma(c) in preps)):
                found.extend((lemma(p), o) for o in p.children if o.dep_ == "pobj")
    return found


GERUND_PREPS = frozenset({"by", "after", "before", "upon", "while", "without"})


def active_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited from the governing verb through xcomp and conj."""
    current = verb
    for _ in range(3):
        subjects = _child(current, "nsubj")
        if subjects:
            return subjects[0]
        if current.dep_ == "pcomp" and lemma(current.head) == "of":  # "accused X of launching"
            host = current.head.head
            if host.pos_ in ("NOUN", "PROPN", "PRON") and host.dep_ == "dobj":
                return host
            objects = _child(host, "dobj")
            return objects[0] if objects else None
        if current.dep_ == "pcomp" and lemma(current.head) in GERUND_PREPS and (
                current.head.head.pos_ in ("VERB", "AUX")):  # "after killing x, the rebels
            current = current.head.head  # fled": the rebels killed
            continue
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head.i != current.i:
            if current.dep_ == "conj" and _child(current.head, "nsubjpass"):
                return None
            current = current.head
            continue
        return None
    return None


def _agent(verb: Token) -> list[Token]:
    return [p for _, p in pobjs(verb, ("by",)) if any(
        a.dep_ == "agent" or lemma(a) == "by" for a in verb.children)]


def _is_passive(verb: Token) -> bool:
    return bool(_child(verb, "nsubjpass", "auxpass")) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def _phrase_head(token: Token) -> Token:
    """The head of the noun phrase ``token`` modifies as a compound ("businessman" in
    "businessman sergio alarcon": "alarcon")."""
    while token.dep_ == "compound" and token.head.i != token.i and token.head.i > token.i:
        token = token.head
    return token


def _passive_conjunct(verb: Token) -> Token | None:
    """The verb whose subject the passive ``verb`` shares: "were abducted and (then)
    murdered", "the bomb contained tnt and was placed in X" (an active verb's subject is
    shared only by a verb with its own passive auxiliary)."""
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and head.i != verb.i and (
            _child(head, "nsubjpass") or (_child(head, "nsubj") and _child(verb, "auxpass"))
    ) and not _child(verb, "nsubj", "nsubjpass", "dobj"):
        return head
    return None


def shared_patients(verb: Token) -> list[Token]:
    """What the passive ``verb`` acted on: its own subject, else the one it shares."""
    host = _passive_conjunct(verb)
    if host is None:  # "also injured were x and y": the parse makes them the auxiliary's
        return _child(verb, "nsubjpass") or [  # attribute
            a for aux in _child(verb, "auxpass") if aux.i > verb.i
            for a in _child(aux, "attr", "acomp", "nsubj") if a.pos_ in ("NOUN", "PROPN")]
    return _child(host, "nsubjpass") or _child(host, "nsubj")


def _shared_agent(verb: Token) -> list[Token]:
    """The agent of a passive verb, or the one its passive conjuncts share ("were abducted
    and murdered by the rebels": the rebels did both)."""
    agents = _agent(verb)
    host = _passive_conjunct(verb)
    if not agents and host is not None:
        agents = _agent(host)
    if not agents:
        for conj in _child(verb, "conj"):
            conj_host = _passive_conjunct(conj)
            if conj_host is not None and conj_host.i == verb.i:
                agents = _agent(conj)
                break
    return agents


USE_VERBS = frozenset({"use", "employ"})  # "used mortars to attack"


def _misattached(agent: Token) -> list[tuple[str, Token]]:
    """Places the parse hung on a passive's agent that belong to the event: "the attack staged
    by commandos on the government house", "the bomb was placed by a man at the telephone
    office" (sites: a building there is what the event hit, but not where people were hit:
    "abducted by the rebels on x road")."""
    return [("site", o) for p in agent.children if p.dep_ == "prep"
            and lemma(p) in ("on", "against", "upon", "at", "inside") for o in _child(p, "pobj")]


def verb_roles(verb: Token, event_type: str, lex: Lexicon) -> list[tuple[str, Token]]:
    found: list[tuple[str, Token]] = []
    host = _passive_conjunct(verb)
    passive = _is_passive(verb) or host is not None or (  # "the kidnapped businessman"
        verb.dep_ == "amod" and verb.tag_ == "VBN")
    if passive:
        for agent in _shared_agent(verb):
            found.append(("source", agent))
            found.extend(_misattached(agent))
        patients = shared_patients(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            patients.append(verb.head)
        elif verb.dep_ == "amod" and verb.tag_ == "VBN":  # "the kidnapped businessman x y"
            head = _phrase_head(verb.head)
            if is_people(head, lex) or is_name(head, lex):  # not "a stolen car"
                patients.append(head)
    else:
        subject = active_subject(verb)
        if subject is not None:
            found.append(("source", subject))
        patients = _child(verb, "dobj") or [  # "kidnapped cattleman x y", parsed as a
            c for c in _child(verb, "npadvmod")  # modifier of time or measure
            if c.i > verb.i and is_name(c, lex) and c.ent_type_ not in TIME_ENTS
            and c.lower_ not in TIME_WORDS]
    for patient in patients:
        found.append(("patient", patient))
        # "killed two reporters, roberto navas and ...": an apposition the parser hung on the verb
        after = patient.right_edge.i + 1
        for loose in _child(verb, "dep", "appos"):
            if loose.left_edge.i == after + 1 and verb.doc[after].text == "," and (
                loose.pos_ == "PROPN" or is_name(loose, lex)
            ):
                found.append(("patient", loose))
    for prep, obj in pobjs(verb, ("against", "on", "upon", "at", "to", "with", "of", "from")):
        if prep == "at" and obj.like_num:
            continue  # "at 0600", "at 2130 hours": a clock time, not who was shot at
        if prep == "on" and lemma(obj) in ("fire", "flame"):
            continue  # "set the house on fire": how, not what
        if prep == "with":
            if is_weapon(obj, lex):
                found.append(("instrument", obj))
            elif event_type not in MATERIAL_TYPES:  # "met with", "agreed with", "talks with"
                found.append(("patient", obj))
        elif prep == "to" and any(lemma(o) == "fire" for o in _child(verb, "dobj")):
            found.append(("patient", obj))  # "set fire to the store"
        elif (prep == "of" and event_type == "ACCUSE") or (
            prep in ("to", "from") and event_type in MATERIAL_TYPES
        ):
            continue
        else:
            found.append(("patient", obj))
    found.extend(_sites(verb))
    if event_type in MATERIAL_TYPES:  # "a bomb exploded, destroying windows and water pipes"
        effects = _child(verb, "advcl", "conj") + [  # ... or hung on the place or object
            e for _, o in pobjs(verb, SITE_PREPS) for e in _child(o, "acl")
        ] + [e for o in _child(verb, "dobj") for e in _child(o, "acl")]
        for effect in effects:
            if lemma(effect) in DAMAGE_VERBS and effect.tag_ == "VBG":
                found.extend(("patient", o) for o in _child(effect, "dobj"))
    for obj in _child(verb, "dobj"):  # "detonated a bomb at the offices"
        if is_weapon(obj, lex):
            found.extend(_sites(obj))
    if verb.dep_ in ("xcomp", "advcl") and lemma(verb.head) in USE_VERBS:
        # "the guerrillas used mortars to attack the building"
        found.extend(("instrument", o) for o in _child(verb.head, "dobj") if is_weapon(o, lex))
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
    if verb.pos_ != "VERB" or _is_passive(verb):
        return []
    return [obj for prep in verb.children if prep.dep_ == "prep" and lemma(prep) == "by"
            and prep.i > noun.i for obj in _child(prep, "pobj")
            if obj.pos_ != "VERB" and is_actorish(obj, lex) and obj.pos_ != "NUM"]


def noun_roles(noun: Token, event_type: str, lex: Lexicon) -> list[tuple[str, Token]]:
    found: list[tuple[str, Token]] = []
    for child in noun.children:
        if child.ent_type_ in TIME_ENTS or child.lower_ in TIME_WORDS:
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
            elif event_type not in MATERIAL_TYPES:
                found.append(("patient", obj))
        elif prep == "of" and is_weapon(obj, lex):
            found.append(("instrument", obj))
        else:
            found.append(("patient", obj))
    for _, place in pobjs(noun, ("in",)):  # "the murder in the capital of leaders x and y"
        if lemma(place) not in lex.cls("territory") and lemma(place) != "sector":  # town of x
            found.extend(("patient", p) for _, p in pobjs(place, ("of",)) if is_people(p, lex))
    for acl in _child(noun, "acl", "relcl"):
        if lemma(acl) in lex.cls("light_verb"):
            for agent in _agent(acl):
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
    if noun.dep_ in ("dobj", "nsubjpass") and lemma(head) in lex.cls("light_verb"):
        if noun.dep_ == "dobj":
            subject = active_subject(head)
            if subject is not None:
                found.append(("source", subject))
        else:
            found.extend(("source", a) for a in _agent(head))
        for _, obj in pobjs(head, ("against", "on", "upon")):
            found.append(("patient", obj))
        for _, obj in pobjs(head, ("with",)):
            if is_weapon(obj, lex):
                found.append(("instrument", obj))
    if noun.dep_ == "nsubj" and lemma(head) in IMPACT_VERBS:  # "shelling hit a district"
        found.extend(("patient", o) for d in _child(head, "dobj") for o in _lives_of(d))
        for verb in _child(head, "conj"):  # "the blast damaged X and destroyed Y"
            if lemma(verb) in IMPACT_VERBS | DAMAGE_VERBS and not _child(verb, "nsubj"):
                found.extend(("patient", o) for o in _child(verb, "dobj"))
    if noun.dep_ == "nsubj" and lemma(head) == "cause":  # "the explosion caused damage to X"
        for harm in _child(head, "dobj"):
            if lemma(harm) in HARM_NOUNS:
                preps = [p for p in harm.children if p.dep_ == "prep" and p.lower_ == "to"]
                preps += [c for p in preps for c in p.conjuncts if c.lower_ == "to"] + [
                    c for c in _child(head, "conj") if c.lower_ == "to"]  # "... and to Y"
                found.extend(("patient", o) for p in preps for o in _child(p, "pobj"))
    causes = [head] if noun.dep_ == "nsubjpass" and lemma(head) == "cause" else []
    causes += [a for a in _child(noun, "acl") if lemma(a) == "cause" and a.tag_ == "VBN"]
    # "the explosion was caused by a booby trap", "an explosion caused by a bomb"
    found.extend(("instrument", a) for c in causes for a in _agent(c) if is_weapon(a, lex))
    found.extend(_sites(noun))
    subject = noun.head.head if (noun.dep_ == "pobj" and noun.head.lower_ == "of"
                                 and noun.head.head.lower_ in DISTRIBUTIVE) else noun
    if subject.dep_ == "nsubj" and lemma(subject.head) in HAPPEN_VERBS:  # "the explosion
        found.extend(_sites(subject.head))  # occurred near the courts", "took place at X"
    found.extend(("patient", t) for t in _who_died(noun))
    found.extend(("patient", t) for t in _what_was_damaged(noun))
    if noun.dep_ == "pobj" and lemma(head) == "under":
        verb = head.head
        found.extend(("patient", s) for s in _child(verb, "nsubj"))
    return found


DIE_VERBS = frozenset({"die", "perish", "succumb"})
# "survived an attack", "escaped unhurt from / emerged unscathed from an attack": the target
SURVIVE_VERBS = frozenset({"survive", "escape", "emerge"})
UNHARMED = frozenset({"unharmed", "unhurt", "uninjured", "unscathed", "unwounded"})


def _who_died(noun: Token) -> list[Token]:
    """"the inspector died in the explosion", "died as a consequence of an attack"; who
    survived or escaped it, or was unharmed in it, was its target too."""
    if noun.dep_ == "dobj" and lemma(noun.head) == "survive":
        return _child(noun.head, "nsubj")
    if noun.dep_ == "pobj" and noun.head.lower_ == "from":
        verb = noun.head.head
        if verb.dep_ in ("acomp", "oprd", "advmod", "advcl") and verb.pos_ == "ADJ":
            verb = verb.head  # "emerged unscathed from an attack"
        if lemma(verb) in SURVIVE_VERBS:
            return _child(verb, "nsubj")
    node = noun
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            return []
        node = node.head
        if node.lower_ in UNHARMED and node.dep_ in ("acomp", "oprd"):
            return _child(node.head, "nsubj")  # "x was unhurt in the attack"
        if node.pos_ in ("VERB", "AUX"):
            unharmed = lemma(node) == "be" and any(  # "x was unharmed following an attack"
                c.dep_ in ("acomp", "oprd") and c.lower_ in UNHARMED for c in node.children)
            return _child(node, "nsubj") if lemma(node) in DIE_VERBS or unharmed else []
    return []


def _lives_of(obj: Token) -> list[Token]:
    """"claimed the lives of X and Y": whose lives (else the object itself)."""
    if lemma(obj) == "life":
        return [t for _, o in pobjs(obj, ("of",)) for t in conjuncts(o)] or [obj]
    return [obj]


def _what_was_damaged(noun: Token) -> list[Token]:
    """"X were damaged by the blast", "X was destroyed as a result of the explosion"."""
    node = noun
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep", "agent") or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if lemma(node) in DAMAGE_VERBS or lemma(node) in IMPACT_VERBS:
                return [t for c in _child(node, "nsubjpass") for t in conjuncts(c)]
            return []
    return []


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
        if _child(node, "neg") or lemma(node) in DOUBT_VERBS or any(
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
    if _child(governor, "nsubjpass"):  # "X were involved in" (not "no other officers were")
        return [t for t in _child(governor, "nsubjpass")
                if not any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)]
    if governor.dep_ == "acl" and governor.tag_ == "VBN":  # "the soldiers involved in"
        return [governor.head]
    if lemma(governor) == "implicate":  # "implicated X in"
        return _child(governor, "dobj")
    subject = active_subject(governor)
    if subject is None and governor.dep_ == "xcomp":  # "X are believed to have participated"
        return _child(governor.head, "nsubjpass")
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
    for acl in _child(trigger, "acl"):  # "the crime perpetrated on 12 january by X"
        if acl.tag_ == "VBN" and lemma(acl) in CLAIM_VERBS:
            found.extend(("source", t) for _, t in pobjs(acl, ("by",)))
    for clause in _child(trigger, "relcl"):  # "the attack, for which X claimed responsibility"
        found.extend(r for p in _child(clause, "prep") if p.lower_ == "for"
                     for w in p.children if w.lower_ == "which" for r in claimed_by(w))
    if trigger.dep_ in ("pobj", "pcomp") and lemma(head) == "for":
        frame = head.head
        if frame.pos_ in ("VERB", "AUX") and any(
            lemma(o) in CLAIM_NOUNS for o in _child(frame, "dobj")
        ):
            frame = next(o for o in _child(frame, "dobj") if lemma(o) in CLAIM_NOUNS)
        if lemma(frame) in CLAIM_NOUNS:  # X claimed / took / assumed responsibility for
            verb = frame.head
            subject = active_subject(verb)
            if subject is not None and subject.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl":
                subject = verb.head  # "the eln, which claimed responsibility for ..."
            found.extend([("source", subject)] if subject is not None else [])
        elif lemma(frame) == "responsible":
            governor = frame.head
            if _child(frame, "nsubj"):  # (held) X responsible for, parsed as a small clause
                found.extend(("source", t) for t in _child(frame, "nsubj"))
            elif frame.dep_ == "acomp":  # X were responsible for
                found.extend(("source", t) for t in _child(governor, "nsubj"))
            elif lemma(governor) in BLAME_VERBS:  # held X responsible for, X are held ...
                found.extend(("source", t) for t in _child(governor, "dobj", "nsubjpass"))
        elif lemma(frame) in BLAME_VERBS:  # blamed X for the attack
            found.extend(("source", t) for t in _child(frame, "dobj"))
            if lemma(frame) == "hold":  # "(for which) X are held / they hold X responsible"
                found.extend(("source", t) for t in _child(frame, "nsubjpass"))
                found.extend(("source", t) for r in frame.children if lemma(r) == "responsible"
                             for t in _child(r, "nsubj"))
    elif trigger.dep_ in ("pobj", "pcomp") and lemma(head) in ("of", "with"):
        suspicion = head.head  # "people suspected of having detonated", "charged with murder"
        if lemma(suspicion) in SUSPECT_VERBS:
            if suspicion.dep_ == "acl" and suspicion.tag_ == "VBN":
                found.append(("source", suspicion.head))
            found.extend(("source", t) for t in _child(suspicion, "nsubjpass", "dobj"))
        elif lemma(suspicion) == "guilty" and suspicion.dep_ in ("acomp", "oprd"):
            # "X were guilty of the murders", "X was found guilty of"
            found.extend(("source", t) for t in _child(suspicion.head, "nsubj", "nsubjpass"))
        elif lemma(suspicion) in AUTHOR_NOUNS and suspicion.dep_ == "attr":
            # "X was the perpetrator of the murder"
            found.extend(("source", t) for t in _child(suspicion.head, "nsubj"))
    elif trigger.tag_ == "NNS" and trigger.dep_ == "pobj":
        pass  # "involved in murders such as ...", "behind all these attacks": no one event
    elif trigger.dep_ == "pobj" and lemma(head) == "in" and lemma(head.head) in INVOLVE_VERBS:
        found.extend(("source", t) for t in _involved(head.head))
    elif trigger.dep_ == "pobj" and lemma(head) == "in" and lemma(head.head) in INVOLVE_NOUNS:
        share = head.head  # "confirmed the involvement of troops in the murder"
        if share.head.pos_ not in ("VERB", "AUX") or asserted(share.head):
            found.extend(("source", t) for _, t in pobjs(share, ("of",)))
            found.extend(("source", t) for t in _child(share, "poss"))  # "the army's role in"
    elif trigger.dep_ == "pobj" and lemma(head) == "behind" and lemma(head.head) == "be":
        if asserted(head.head):  # X were behind it
            found.extend(("source", t) for t in _child(head.head, "nsubj"))
    elif trigger.dep_ == "nsubjpass" and lemma(head) in CLAIM_VERBS:
        found.extend(("source", t) for _, t in pobjs(head, ("by",)))  # carried out by X
    elif trigger.dep_ == "nsubj" and lemma(head) == "be":  # "the attack was the work of X",
        # "... was an action by X", "a maneuver by X", "a response from X"
        found.extend(("source", t) for w in _child(head, "attr") if lemma(w) in DEED_NOUNS
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
        for acl in _child(deed, "acl"):
            if acl.tag_ == "VBN" and lemma(acl) == "attribute":
                found.extend(("source", t) for _, t in pobjs(acl, ("to",)))
            elif acl.tag_ == "VBN" and lemma(acl) in CLAIM_VERBS:
                found.extend(("source", t) for _, t in pobjs(acl, ("by",)))
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
    raw.sort(key=lambda kt: kt[0] == "site")  # a phrase acted upon is not merely a location
    for kind, head in raw:
        if kind == "patient" and lemma(head) in REMAINS:  # "the bodies of x and y": x, y
            head = next((o for _, o in pobjs(head, ("of",))), head)
        for token in conjuncts(head):
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
            if token.pos_ == "PRON" and token.lower_ not in PERSON_PRONOUNS:
                continue
            if (token.ent_type_ in TIME_ENTS and weapon_of(token, lex) is None) or (
                    token.lower_ in TIME_WORDS):
                continue  # (a quantity of a weapon is one: "20 kg of dynamite")
            if token.lower_ in RELATIVE_WORDS:
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
                for gun in (o for a in _child(token, "acl") for _, o in pobjs(a, ("from",))
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
            named = _apposed_name(token, lex) if role == "victim" else None
            if named is not None:  # "x, one of the priests who were killed": x too
                bounds = phrase_bounds(named, lex)
                if bounds not in seen:
                    seen.add(bounds)
                    roles.append(Role(role, bounds[0], bounds[1], named.i))
    roles.extend(_included(trigger, roles, lex, seen))
    return roles


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
                for obj in (o for p in prep.children if p.dep_ == "pobj" for o in conjuncts(p)):
                    if obj.like_num or obj.pos_ not in NAME_POS:
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
