"""Finding event triggers: lexicon lemmas and lemma sequences, checked against the parse.

Matching is on lower-cased lemmas (and, failing those, lower-cased word forms), so it does
not depend on capitalisation: lower-cased and all-capitals wire copy match as mixed case
does. An entry's constraints (``obj=``, ``mod=``, ``gov=``, ``agent``...; see the data README)
keep a word that is an event in one use and not in another ("fire a missile" vs "fire a
worker", "military operation" vs "operation of the airport").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.stages.extract.events_lexicon import Lexicon, TriggerEntry
from sitrep.stages.extract.events_modality import lemma, word_forms
from sitrep.stages.extract.events_syntax import (
    active_subject,
    agents,
    is_actorish,
    is_passive,
    is_time,
    passive_conjunct,
    shared_patients,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

INANIMATE_SUBJECTS = frozenset(
    {"tension", "report", "statement", "news", "situation", "escalation", "development",
     "move", "decision", "document", "law", "plan", "this", "that", "which", "what",
     "there", "price", "rate", "market", "economy", "weather", "number", "figure", "data",
     "study", "survey", "analysis", "incident", "violence", "conflict", "crisis", "war",
     "problem", "issue", "question", "evidence", "result", "effort", "measure", "policy",
     "step", "change", "event", "fighting", "attack", "action", "operation"}
)


UNIT_NOUNS = frozenset({"stick", "charge", "cartridge", "package", "packet", "bundle", "bag",
                        "case", "can", "canister", "bottle"})
QUANTITY_NOUNS = frozenset(
    {"amount", "number", "ton", "tonne", "kg", "kilogram", "litre", "liter", "pound", "batch",
     "total", "lot", "quantity", "haul", "consignment", "cache", "stash", "load", "supply",
     "dozen", "hundred", "thousand", "pile", "set", "kind", "type", "gram", "g", "kilo",
     "kilos"}
)


@dataclass(frozen=True)
class TriggerMatch:
    entry: TriggerEntry
    start: int
    """Token index of the first token."""
    end: int
    """Token index after the last token."""

    def head(self, sent: SpacySpan) -> Token:
        """The syntactic head of the trigger's tokens (the first verb of a verb phrase)."""
        doc = sent.doc
        tokens = [doc[i] for i in range(self.start, self.end)]
        if self.entry.pos == "V" or tokens[0].pos_ == "VERB":
            return tokens[0]
        inside = {t.i for t in tokens}
        for token in tokens:
            if token.head.i not in inside or token.head.i == token.i:
                return token
        return tokens[-1]


def _objects(verb: Token) -> list[Token]:
    # "were searched and destroyed": a passive conjunct shares its host's subject
    passive = is_passive(verb) or passive_conjunct(verb) is not None
    objs = shared_patients(verb) if passive else [
        c for c in verb.children if c.dep_ == "dobj"]
    if not objs and not passive:
        # "discovered a cache of arms believed to belong to X": the small model makes the
        # object the subject of a clausal complement
        objs = [s for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                for s in c.children if s.dep_ == "nsubj" and s.pos_ == "NOUN"]
    if passive and not objs:
        # "there were disturbances and bombs were set off": the small model joins the
        # subject to the noun before it; the noun right before the passive auxiliary is it
        aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
        if aux is not None and aux.i > 0 and (before := aux.nbor(-1)).pos_ in (
                "NOUN", "PROPN") and before.dep_ == "conj":
            objs = [before]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objs.append(verb.head)
    out: list[Token] = []
    for obj in objs:
        out.append(obj)
        out.extend(c for c in obj.conjuncts if c.i > obj.i)
        if lemma(obj) in UNIT_NOUNS:  # "hurled dynamite sticks": the dynamite
            out.extend(c for c in obj.lefts if c.dep_ in ("compound", "nmod"))
        if lemma(obj) in QUANTITY_NOUNS:  # "seized a large amount of ammunition"
            out.extend(
                p for prep in obj.children if prep.dep_ == "prep" and lemma(prep) == "of"
                for p in prep.children if p.dep_ == "pobj"
            )
    return out


ARGUMENT_DEPS = frozenset({"dobj", "oprd", "attr", "xcomp", "advcl", "npadvmod"})


def _arguments(verb: Token) -> list[str]:
    """Lemmas of the words that complete the verb: its objects and predicatives, and the
    objects of its prepositions ("held hostage", "took X hostage", "riddled with bullets",
    "taking as hostages"; the small model hangs "hostage" on the verb in all these ways)."""
    words = [lemma(c) for c in verb.children if c.dep_ in ARGUMENT_DEPS]
    words += [lemma(o) for prep in verb.children if prep.dep_ == "prep"
              for o in prep.children if o.dep_ == "pobj"]
    return words


def _left_text(token: Token) -> str:
    # From the tokens, not ``doc.text``: spaCy rebuilds that string on every access.
    doc = token.doc
    return "".join(t.text_with_ws for t in doc[token.left_edge.i : token.i]).lower()


def _gov(token: Token) -> list[str]:
    head = token.head
    words = [lemma(head)]
    if head.pos_ == "ADP" and head.head.i != head.i:
        words.append(lemma(head.head))
    return words


def _has(values: tuple[str, ...], words: list[str]) -> bool:
    return any(w in values for w in words)


def _sentence_has(sent_lemmas: str, values: tuple[str, ...]) -> bool:
    return any(f" {v} " in sent_lemmas for v in values)


def agentive_subject(verb: Token, lex: Lexicon) -> bool:
    """Does someone (not "tensions", "the report") do this?"""
    subject = active_subject(verb)
    if subject is None:
        return is_passive(verb)  # "was accused of": someone did it
    if lemma(subject) in INANIMATE_SUBJECTS or subject.dep_ == "expl":
        return False
    if subject.lower_ == "it":  # "Hungary said it will support": a state, not "it is feared"
        return lemma(verb) != "be"
    return is_actorish(subject, lex) or subject.pos_ in ("NOUN", "PROPN")


def constraints_ok(entry: TriggerEntry, head: Token, sent_lemmas: str, lex: Lexicon) -> bool:
    values = entry.values
    if "notdep" in values and head.dep_ in values["notdep"]:
        return False
    if "dep" in values and head.dep_ not in values["dep"]:
        return False
    if "obj" in values or "notobj" in values or "intrans" in entry.flags:
        objs = [lemma(o) for o in _objects(head)] + [o.lower_ for o in _objects(head)]
        if "obj" in values and not _has(values["obj"], objs):
            return False
        if "notobj" in values and _has(values["notobj"], objs):
            return False
        if "intrans" in entry.flags and any(c.dep_ == "dobj" for c in head.children):
            return False
    if "mod" in values and not any(v in _left_text(head) for v in values["mod"]):
        return False
    if "notmod" in values and any(v in _left_text(head) for v in values["notmod"]):
        return False
    if "gov" in values and not _has(values["gov"], _gov(head)):
        return False
    if "notctx" in values and _sentence_has(sent_lemmas, values["notctx"]):
        return False
    if "subj" in values or "notsubj" in values:
        # a passive's "by" does the deed: "a booth was destroyed by a bomb"
        subject = active_subject(head) or next(iter(agents(head)), None)
        word = lemma(subject) if subject is not None else ""
        if "subj" in values and word not in values["subj"]:
            return False
        if "notsubj" in values and word in values["notsubj"]:
            return False
    if "prep" in values and not any(  # "fired at the house", not "fired on monday"
        c.dep_ in ("prep", "dative") and lemma(c) in values["prep"]
        and not any(is_time(o) for o in c.children)
        for c in head.children
    ):
        return False
    if "arg" in values and not _has(values["arg"], _arguments(head)):
        return False
    if "agent" in entry.flags and not agentive_subject(head, lex):
        return False
    return "comp" not in entry.flags or (any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and lemma(c) in ("for", "on"))
        for c in head.children) and not any(c.dep_ == "oprd" for c in head.children)
    )


def describes_a_crew(token: Token, lex: Lexicon) -> bool:
    """An event noun modifying a noun that names who or what does it is no event: "a
    sabotage group", "a kidnapping gang", "attack helicopters", "assault rifles" (classes
    ``crew``, ``combatant``, ``organisation``, ``weapon``), and neither is "riot police": police
    for riots. "a bombing campaign" is one, and so are "wounded soldiers"."""
    if token.dep_ not in ("compound", "amod", "nmod") or token.head.i != token.i + 1:
        return False
    if token.tag_ not in ("NN", "NNS", "NNP", "NNPS", "VBG"):
        return False  # "wounded soldiers", "detained militants": a participle tells an event
    if token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = lemma(token.head)
    return any(noun in lex.cls(c) for c in ("crew", "combatant", "organisation", "weapon"))


def sentence_lemmas(sent: SpacySpan) -> str:
    return " " + " ".join(lemma(t) for t in sent) + " " + " ".join(t.lower_ for t in sent) + " "


def find_triggers(sent: SpacySpan, lex: Lexicon) -> list[TriggerMatch]:
    """Trigger matches of one sentence, longest match first at each token, no overlaps."""
    matches: list[TriggerMatch] = []
    tokens = list(sent)
    sent_lemmas = sentence_lemmas(sent)
    n = len(tokens)
    k = 0
    while k < n:
        token = tokens[k]
        found: TriggerMatch | None = None
        candidates: list[TriggerEntry] = []
        for form in dict.fromkeys(word_forms(token)):
            candidates.extend(lex.triggers.get(form, ()))
        candidates.sort(key=lambda e: -len(e.lemmas))
        for entry in candidates:
            size = len(entry.lemmas)
            if k + size > n:
                continue
            window = tokens[k : k + size]
            if not all(entry.lemmas[m] in word_forms(window[m]) for m in range(size)):
                continue
            match = TriggerMatch(entry, token.i, token.i + size)
            head = match.head(sent)
            if size == 1 and not entry.pos_ok(head.pos_):
                continue
            if size > 1 and entry.pos == "V" and window[0].pos_ not in ("VERB", "AUX"):
                continue
            if not constraints_ok(entry, head, sent_lemmas, lex):
                continue
            if size == 1 and describes_a_crew(head, lex):
                continue
            found = match
            break
        if found is not None:
            matches.append(found)
            k += found.end - found.start
        else:
            k += 1
    return matches
