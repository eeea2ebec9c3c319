"""The noun phrases and clauses event roles are read from: a phrase's bounds and head words,
the word classes that make it people, a name, an actor or a weapon ("20 kg of dynamite", "a car
loaded with explosives"), its conjuncts ("the bank, the school and the church"), and who acts in
a clause (the subject, inherited through xcomp, conj and gerunds; the passive's agent and
patients, shared by conjoined passives).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.events_lexicon import Lexicon
from sitrep.stages.extract.events_modality import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

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


def is_time(token: Token) -> bool:
    """Is the word a date, a time or a quantity ("monday", "1989", "20 kg"), not a participant?"""
    return token.ent_type_ in TIME_ENTS or token.lower_ in TIME_WORDS


PERSON_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "him", "her", "them", "us"})
SPAN_DEPS_LEFT = frozenset(
    {"compound", "amod", "nummod", "nmod", "poss", "quantmod", "advmod", "case", "punct",
     "npadvmod"}
)
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})


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
    opening = i - 1 if i > 0 and doc[i - 1].text == "(" else None
    if opening is not None and (opening == doc[opening].sent.start or doc[opening - 1].is_punct):
        close = next((k for k in range(i, head.i) if doc[k].text == ")"), None)
        if close is not None:  # "(sentence as published) x was killed": a note opening the
            i = close + 1  # sentence, not part of x (unlike "the x (y) headquarters")
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
    if not lex.known_words or not (nominal(token) or token.dep_ == "appos"):
        return False  # (an apposition is a noun phrase, however the word was tagged)
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


def dependents(token: Token, *deps: str) -> list[Token]:
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


_DASHES = frozenset({"-", "--", "—", "–", "―"})


def in_dateline(token: Token) -> bool:
    """Whether ``token`` is part of a dateline opening its sentence ("KYIV, March 3 (Wire) -",
    "CITY (AP) —", "CITY, Country --"): an upper-case place name, then only names, numbers and
    punctuation up to a dash. The parse often makes the place the subject of the story's first
    verb; it is where the report was filed, never a participant."""
    sent = token.sent
    first = sent[0]
    if not (first.is_upper and first.is_alpha and len(first) >= 3):
        return False
    for t in sent[1:12]:
        if t.text in _DASHES:
            return token.i < t.i
        if not (t.pos_ in ("PROPN", "NUM", "PUNCT") or t.is_upper):
            return False
    return False


def active_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, inherited from the governing verb through xcomp and conj."""
    current = verb
    for _ in range(3):
        subjects = [s for s in dependents(current, "nsubj") if not in_dateline(s)]
        if subjects:
            return subjects[0]
        if current.dep_ == "pcomp" and lemma(current.head) == "of":  # "accused X of launching"
            host = current.head.head
            if host.pos_ in ("NOUN", "PROPN", "PRON") and host.dep_ == "dobj":
                return host
            objects = dependents(host, "dobj")
            return objects[0] if objects else None
        if current.dep_ == "pcomp" and lemma(current.head) in GERUND_PREPS and (
                current.head.head.pos_ in ("VERB", "AUX")):  # "after killing x, the rebels
            current = current.head.head  # fled": the rebels killed
            continue
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head.i != current.i:
            if current.dep_ == "conj" and dependents(current.head, "nsubjpass"):
                return None
            current = current.head
            continue
        return None
    return None


def agents(verb: Token) -> list[Token]:
    return [p for _, p in pobjs(verb, ("by",)) if any(
        a.dep_ == "agent" or lemma(a) == "by" for a in verb.children)]


def is_passive(verb: Token) -> bool:
    return bool(dependents(verb, "nsubjpass", "auxpass")) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def phrase_head(token: Token) -> Token:
    """The head of the noun phrase ``token`` modifies as a compound ("businessman" in
    "businessman sergio alarcon": "alarcon")."""
    while token.dep_ == "compound" and token.head.i != token.i and token.head.i > token.i:
        token = token.head
    return token


def passive_conjunct(verb: Token) -> Token | None:
    """The verb whose subject the passive ``verb`` shares: "were abducted and (then)
    murdered", "the bomb contained tnt and was placed in X" (an active verb's subject is
    shared only by a verb with its own passive auxiliary)."""
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and head.i != verb.i and (
            dependents(head, "nsubjpass")
            or (dependents(head, "nsubj") and dependents(verb, "auxpass"))
    ) and not dependents(verb, "nsubj", "nsubjpass", "dobj"):
        return head
    return None


def shared_patients(verb: Token) -> list[Token]:
    """What the passive ``verb`` acted on: its own subject, else the one it shares."""
    host = passive_conjunct(verb)
    if host is None:  # "also injured were x and y": the parse makes them the auxiliary's
        return dependents(verb, "nsubjpass") or [  # attribute
            a for aux in dependents(verb, "auxpass") if aux.i > verb.i
            for a in dependents(aux, "attr", "acomp", "nsubj") if a.pos_ in ("NOUN", "PROPN")]
    return dependents(host, "nsubjpass") or dependents(host, "nsubj")


def shared_agents(verb: Token) -> list[Token]:
    """The agent of a passive verb, or the one its passive conjuncts share ("were abducted
    and murdered by the rebels": the rebels did both)."""
    found = agents(verb)
    host = passive_conjunct(verb)
    if not found and host is not None:
        found = agents(host)
    if not found:
        for conj in dependents(verb, "conj"):
            conj_host = passive_conjunct(conj)
            if conj_host is not None and conj_host.i == verb.i:
                found = agents(conj)
                break
    return found


def is_running_total(trigger: Token, lex: Lexicon) -> bool:
    """ "The war has killed tens of thousands", "violence has displaced 400,000 people since
    2019": a war or a state of violence (class ``conflict``) as the subject of a perfect or a
    "since" clause sums up many events; it is none itself."""
    if trigger.pos_ != "VERB":
        return False
    subject = active_subject(trigger)
    if subject is None or lemma(subject) not in lex.cls("conflict"):
        return False
    return any(
        (c.dep_ == "aux" and lemma(c) == "have") or (c.dep_ == "prep" and c.lower_ == "since")
        for c in trigger.children
    )
