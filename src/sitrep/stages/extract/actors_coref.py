"""Coreference for ``extract.actors.v1``: which mentions in one article are the same actor.

Mentions share an actor id when they have the same identity key (a country, an institution of
a country, a person's full name). Anaphors take the key of their antecedent: a definite
institution ("the ministry", "the military department") the most recent mention of the same
institution, else of the same class; a definite role ("the diplomat", "the minister") the
most recent person with that role or a role it heads ("Defence Minister X"); a subject pronoun
("he said") the most recent named person within a few sentences; "its" or "their" before an
institution ("its forces") the state or organisation that is the subject of the clause, else the
one named last, within a sentence (an armed group's fighters are the group); a lone surname the
earlier full name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MEMBER_CLASSES = frozenset({"rebels", "military"})
"""Institution classes whose members, qualified by an armed group, are the group itself
("Hamas militants", "its fighters")."""

PERSON_PRONOUN_WINDOW = 3
"""How many sentences back a subject pronoun looks for its antecedent."""


@dataclass
class Mention:
    """One actor mention being built: char span, identity key and attributes."""

    start: int
    end: int
    token: int
    key: tuple[str, ...]
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None = None
    affiliation: Mention | None = None
    canonical: str = ""
    anaphor: str = ""
    diplomatic: bool = False
    resolve: str = ""
    """"inst" or "person" when the mention is an anaphor still to be linked."""
    sentence: int = 0
    borrowed: bool = False
    """Its country comes from an antecedent ("its troops"): no evidence of its own."""
    subject_at: int | None = None
    """For "its X": the character offset of the subject of its clause, the likely owner."""


def resolve(mentions: list[Mention]) -> list[Mention]:
    """Link anaphors and surnames to their antecedents: they take its key, so its id."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    seen: list[Mention] = []
    surnames: dict[str, tuple[str, ...]] = {}
    for m in ordered:
        if m.resolve == "inst":
            ante = antecedent(
                seen, lambda a, m=m: a.canonical == m.canonical and a.resolve == ""
            ) or antecedent(
                seen,
                lambda a, m=m: (
                    bool(m.anaphor)
                    and a.anaphor == m.anaphor
                    and a.resolve == ""
                    and a.country is not None
                ),
            )
            if ante is not None:
                copy_mention(m, ante)
        elif m.resolve == "possessor":
            _possessor(m, seen)
        elif m.resolve in ("state", "qualifier"):
            ante = antecedent(seen, lambda a: a.kind == "state" and a.resolve == "")
            if ante is None and m.resolve == "state":
                continue
            if ante is None:
                m.key = ("inst", m.canonical)
            elif m.resolve == "state":
                copy_mention(m, ante)
            else:
                m.country = ante.country
                m.name = f"{m.canonical} of {ante.name}"
                m.key = ("inst", m.canonical, "state", ante.country or "")
            m.resolve = ""
        elif m.resolve == "person":
            ante = None
            if m.role is not None:
                ante = antecedent(
                    seen,
                    lambda a, m=m: (
                        a.kind == "person"
                        and a.resolve == ""
                        and (_same_role(a.role, m.role) or (m.diplomatic and a.diplomatic))
                    ),
                )
            else:
                ante = antecedent(
                    seen,
                    lambda a, m=m: (
                        a.kind == "person"
                        and a.key[0] == "person"
                        and m.sentence - a.sentence <= PERSON_PRONOUN_WINDOW
                    ),
                )
            if ante is not None:
                copy_mention(m, ante)
            elif m.key[0] == "pronoun":
                continue
        elif m.kind == "person" and m.key[0] == "person":
            words = m.name.lower().split()
            if len(words) == 1 and words[0] in surnames:
                full = next(a for a in seen if a.key == surnames[words[0]])
                copy_mention(m, full)
            elif len(words) > 1:
                surnames.setdefault(words[-1], m.key)
        seen.append(m)
    return seen


def _same_role(earlier: str | None, role: str) -> bool:
    """"the minister" after "Defence Minister X": a definite role refers back to a person
    whose role is the same or has it as its head noun (the last word)."""
    return earlier is not None and (earlier == role or earlier.split()[-1] == role)


POSSESSOR_WINDOW = 1
"""How many sentences back "its" / "their" looks for the state or organisation it names."""


def _possessor(m: Mention, seen: list[Mention]) -> None:
    """ "The RSF said its forces ...": the institution of the state or organisation that is
    the subject of the clause, else the one named just before (an armed group's forces or
    fighters are the group itself); with none, the institution of no one in particular."""
    def named(a: Mention) -> bool:
        return a.resolve == "" and a.key[0] in ("state", "org") and (
            m.sentence - a.sentence <= POSSESSOR_WINDOW)

    at = m.subject_at
    ante = antecedent(seen, lambda a: named(a) and at is not None and a.start <= at < a.end) or (
        antecedent(seen, named))
    m.resolve = ""
    m.borrowed = ante is not None
    if ante is None:
        m.key = ("inst", m.canonical)
    elif ante.key[0] == "org" and ante.kind == "armed_group" and m.anaphor in MEMBER_CLASSES:
        copy_mention(m, ante)
    else:
        m.country = ante.country
        m.name = f"{m.canonical} of {ante.name}"
        m.key = ("inst", m.canonical, *ante.key)


def antecedent(seen: list[Mention], ok: Any) -> Mention | None:
    for a in reversed(seen):
        if ok(a):
            return a
    return None


def copy_mention(m: Mention, ante: Mention) -> None:
    m.key = ante.key
    m.name = ante.name
    m.kind = ante.kind
    m.country = ante.country
    m.sector = ante.sector
    m.canonical = ante.canonical
    m.anaphor = ante.anaphor
    m.diplomatic = ante.diplomatic
    m.role = ante.role or m.role
    m.affiliation = ante.affiliation
    m.resolve = ""


def infer_countries(mentions: list[Mention]) -> None:
    """A person with a role but no stated country ("President X said") takes the one
    country named in the sentence, else the document's dominant country."""
    by_sentence: dict[int, set[str]] = {}
    counts: dict[str, int] = {}
    for m in mentions:
        if m.country and m.kind in ("state", "organisation", "armed_group"):
            by_sentence.setdefault(m.sentence, set()).add(m.country)
            if m.borrowed:
                continue  # "its troops": the state named before, not a second time
            counts[m.country] = counts.get(m.country, 0) + 1
    total = sum(counts.values())
    dominant = max(counts, key=lambda c: counts[c]) if counts else None
    if dominant is not None and (counts[dominant] < 2 or counts[dominant] * 2 < total):
        dominant = None
    found: dict[tuple[str, ...], str] = {}
    for m in mentions:
        if m.kind != "person" or m.country or m.role is None or m.resolve:
            continue
        if m.affiliation is not None and m.affiliation.country:
            continue
        here = by_sentence.get(m.sentence, set())
        country = next(iter(here)) if len(here) == 1 else dominant
        if country is not None:
            found.setdefault(m.key, country)
    for m in mentions:
        if m.key in found and not m.country:
            m.country = found[m.key]
