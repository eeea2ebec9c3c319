"""Merging mentions of one occurrence into one event.

Two rules, both conservative (a wrong merge loses an event; a missed one duplicates it):

- **In one sentence**, an event whose trigger is attached to another event's trigger through
  ``in``/``during``/``by``... or as its subject or object ("six were killed in an attack",
  "the explosion killed two", "wounded during clashes"), or says what happened where the
  other did ("killed in the region, where a drone struck a car"), is the same occurrence: the more
  specific of the two (higher lexicon weight, else the noun: "attack" in "killed in an attack")
  keeps its trigger and type and takes the other's participants.
- **Across sentences**, a nominal trigger that refers back ("the operation", "this attack",
  "its offensive") or repeats an earlier event noun of the same type joins the most recent
  earlier event of that type.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.stages.extract.events_lexicon import Lexicon
from sitrep.stages.extract.events_modality import lemma
from sitrep.stages.extract.events_roles import (
    Role,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

    from sitrep.pipeline.document import Document

OUTCOMES = frozenset({"kill", "wound", "injure"})
LINK_PREPS = frozenset({"in", "during", "by", "from", "with", "amid", "under", "after"})
LINK_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
GENERIC = frozenset({"Attack", "Armed clash"})
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


@dataclass
class Draft:
    """An event under construction: token offsets into the parse, mutable while merging."""

    sent: SpacySpan
    start: int
    end: int
    head: int
    type: str
    mode: str | None
    acled: str | None
    weight: int
    roles: list[Role]
    negated: bool
    hypothetical: bool
    lemma: str
    merged: list[tuple[int, int]] = field(default_factory=list)
    """Token ranges of the other mentions merged into this event."""

    def add_instrument(self, start: int, end: int) -> None:
        doc = self.sent.doc
        first, last = doc[start], doc[end - 1]
        span = (first.idx, last.idx + len(last.text))
        if all((r.start, r.end) != span for r in self.roles):
            self.roles.append(Role("instrument", span[0], span[1], end - 1))

    def absorb(self, other: Draft) -> None:
        spans = {(r.start, r.end) for r in self.roles}
        for role in other.roles:
            if (role.start, role.end) not in spans:
                self.roles.append(role)
                spans.add((role.start, role.end))
            elif not role.located:  # acted upon in one mention, merely the place in another
                self.roles = [
                    role if (r.start, r.end) == (role.start, role.end) and r.located else r
                    for r in self.roles
                ]
        self.merged.append((other.start, other.end))
        self.merged.extend(other.merged)

    def detail(self) -> tuple[int, int]:
        """How much a mention says: a specific ACLED category, then its participants."""
        specific = self.acled is not None and self.acled not in GENERIC
        return int(specific), len({r.role for r in self.roles})

    def represent_by(self, other: Draft) -> None:
        """Make ``other``'s trigger and sentence this event's evidence (this one's become a
        merged mention)."""
        mine = (self.sent, self.start, self.end, self.head, self.lemma)
        self.sent, self.start, self.end, self.head, self.lemma = (
            other.sent, other.start, other.end, other.head, other.lemma
        )
        other.sent, other.start, other.end, other.head, other.lemma = mine

    def mentions(self, doc: Document) -> list[tuple[int, int]]:
        parse: SpacyDoc | None = doc.nlp
        assert parse is not None
        out = []
        for start, end in [(self.start, self.end), *self.merged]:
            out.append((parse[start].idx, parse[end - 1].idx + len(parse[end - 1].text)))
        return out


def asserted_attacks(drafts: list[Draft]) -> list[Draft]:
    """The asserted ASSAULT drafts, in text order: what a victim or a claim of responsibility
    named in another sentence can belong to."""
    return sorted((d for d in drafts if d.type == "ASSAULT" and not d.negated
                   and not d.hypothetical), key=lambda d: d.start)


def attack_at_or_before(attacks: list[Draft], sentence_start: int) -> Draft | None:
    """The attack of the sentence starting at token ``sentence_start``, else the latest one
    before it (None when there is none)."""
    before = [d for d in attacks if d.sent.start <= sentence_start]
    same = [d for d in before if d.sent.start == sentence_start]
    return same[0] if same else (before[-1] if before else None)


def _linked(a: Draft, b: Draft) -> bool:
    """Is b's trigger attached to a's (b in/during/by a; a is b's subject or object; a says
    what happened "where" b did)? Or is a a bare outcome ("killing four") after b in the
    sentence, with no subject of its own?"""
    doc = a.sent.doc
    child = doc[a.head]
    if (
        a.lemma in OUTCOMES and b.lemma not in OUTCOMES and b.start < a.start
        and child.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in child.children)
    ):
        return True
    head = child.head
    if head.i == b.head and child.dep_ in LINK_DEPS:
        return True
    if child.dep_ in ("advcl", "conj") and any(  # "shelling hit the town, killing four"
        c.i == b.head and c.dep_ in ("nsubj", "nsubjpass") for c in head.children
    ):
        return True
    if head.dep_ in ("prep", "agent") and lemma(head) in LINK_PREPS and head.head.i == b.head:
        return child.dep_ == "pobj"
    # "two were killed in the region, where a drone struck a car": the strike; not "where
    # soldiers had killed five", an earlier occurrence
    return (child.dep_ == "relcl" and any(c.lower_ == "where" for c in child.children)
            and not any(c.dep_ == "aux" for c in child.children)
            and head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == b.head)


def _rank(d: Draft) -> tuple[int, int, int]:
    """Which of two linked mentions names the occurrence: the more specific, then a noun
    ("attack" in "killed in an attack"), then the earlier."""
    noun = d.sent.doc[d.head].pos_ in ("NOUN", "PROPN")
    return (d.weight, int(noun), -d.start)


def _same_sentence(drafts: list[Draft]) -> list[Draft]:
    alive = list(drafts)
    changed = True
    while changed:
        changed = False
        for a in alive:
            for b in alive:
                if a is b or a.sent.start != b.sent.start:
                    continue
                if a.type != b.type or (a.type != "ASSAULT" and a.type != "COERCE"):
                    continue
                if not (_linked(a, b) or _linked(b, a)):
                    continue
                keep, drop = (a, b) if _rank(a) >= _rank(b) else (b, a)
                keep.absorb(drop)
                alive.remove(drop)
                changed = True
                break
            if changed:
                break
    return alive


def _refers_back(d: Draft) -> bool:
    doc = d.sent.doc
    head = doc[d.head]
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(
        c.dep_ in ("det", "poss") and lemma(c) in ANAPHORIC_DETS for c in head.children
    )


def _compatible(a: str | None, b: str | None, lex: Lexicon) -> bool:
    return a is None or b is None or lex.acled_types.get(a) == lex.acled_types.get(b)


def _sources(d: Draft, key: Callable[[int, int], str]) -> set[str]:
    return {key(r.start, r.end) for r in d.roles if r.role == "source"}


def _across_sentences(
    drafts: list[Draft], lex: Lexicon, key: Callable[[int, int], str]
) -> list[Draft]:
    kept: list[Draft] = []
    for d in drafts:
        target = None
        doc = d.sent.doc
        is_noun = doc[d.head].pos_ in ("NOUN", "PROPN")
        mine = _sources(d, key)
        candidates = [
            e for e in reversed(kept)
            if e.type == d.type and e.sent.start != d.sent.start
            and not (mine and _sources(e, key) and not mine & _sources(e, key))
        ]
        if is_noun:
            target = next((e for e in candidates if e.lemma == d.lemma), None)
        if target is None and _refers_back(d):
            target = next((e for e in candidates if _compatible(e.acled, d.acled, lex)), None)
        if target is not None:
            better = d.detail() > target.detail()
            if d.weight > target.weight or (
                target.acled in GENERIC and d.acled is not None and d.acled not in GENERIC
            ):
                target.mode, target.acled = d.mode or target.mode, d.acled or target.acled
                target.weight = max(d.weight, target.weight)
            if better:  # the detailed mention is the better evidence
                target.represent_by(d)
            target.absorb(d)
        else:
            kept.append(d)
    return kept


def merge_drafts(
    drafts: list[Draft], lex: Lexicon, source_key: Callable[[int, int], str] | None = None
) -> list[Draft]:
    """The drafts with mentions of one occurrence merged, in text order.

    ``source_key(start, end)`` names the acting party of a source span (an actor's country,
    else the text); two mentions whose sources are all different are never merged.
    """
    key = source_key or (lambda s, e: str((s, e)))
    merged = _same_sentence(drafts)
    merged.sort(key=lambda d: d.start)
    return sorted(_across_sentences(merged, lex, key), key=lambda d: d.start)
