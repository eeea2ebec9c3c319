"""Actor mentions for ``extract.actors.v1``: composition of lexicon hits into actors.

Institutions and groups take the country, organisation or place qualifying them ("the
Azerbaijani Ministry of Defense", "Armenia's Foreign Ministry", "Authorities in <place>",
"guerrillas of the FMLN"); countries, capitals, peoples, organisations and seats of government
stand alone when they act (a capital only as subject, possessor, agent or object, never as a
location; neither in a dateline, "MOSCOW (AP) —"); organisations the lexicon lacks come
from spaCy ORG entities. Matching and qualifiers are in :mod:`.actors_base`, persons in
:mod:`.actors_persons`, shared ids in :mod:`.actors_coref`.
"""

from __future__ import annotations

from sitrep.schema import Actor, Span
from sitrep.stages.extract.actors_base import (
    LINK_WORDS,
    POSSESSIVE,
    PRONOUNS,
    STATE_ANAPHORS,
    Hit,
    Options,
    is_caseless,
)
from sitrep.stages.extract.actors_coref import MEMBER_CLASSES, Mention, infer_countries, resolve
from sitrep.stages.extract.actors_knowledge import Country, Institution, Organisation
from sitrep.stages.extract.actors_persons import PersonFinder
from sitrep.stages.extract.events_syntax import in_dateline

__all__ = ["ActorExtractor", "Options", "is_caseless"]


class ActorExtractor(PersonFinder):
    """Finds the actor mentions of one parsed document: ``ActorExtractor(know, doc).run()``."""

    def institutions(self) -> dict[int, Mention]:
        """Institution and group mentions, by the token index they end at."""
        by_end: dict[int, Mention] = {}
        for hit in self.hits:
            inst = hit.entry.payload
            if hit.entry.type != "inst" or not isinstance(inst, Institution):
                continue
            if hit.i in self.used or self._modifier_only(hit):
                continue
            q = self.qualifier_left(hit.i, anaphoric=True)
            i, j = hit.i, hit.j
            possessor = q is not None and q.key == ("possessor",)
            if possessor and self.qualifier_right(hit.j):
                q, possessor = None, False  # "their force from Chad": the named qualifier
            if q is not None and q.anaphoric:
                m = self._add(
                    q.start,
                    hit.j,
                    key=("inst", inst.name, "anaphor", str(hit.i)),
                    name=inst.name,
                    kind=inst.kind,
                    country=None,
                    sector=inst.sector,
                    canonical=inst.name,
                    anaphor=inst.anaphor,
                    resolve="possessor" if possessor else "qualifier",
                    subject_at=self._clause_subject(hit.i) if possessor else None,
                )
                self._mark(q.start, hit.j)
                by_end[hit.j] = m
                continue
            if q is not None:
                i = q.start
            else:
                q = self.qualifier_right(hit.j)
                if q is not None:
                    j = q.end
            if q is not None:
                key: tuple[str, ...] = ("inst", inst.name, *q.key)
                name, kind, sector = f"{inst.name} of {q.label}", inst.kind, inst.sector
                org = q.hit.entry.payload if q.hit is not None else None
                if (
                    isinstance(org, Organisation)
                    and org.kind == "armed_group"
                    and inst.anaphor in MEMBER_CLASSES
                ):
                    # "Hamas militants", "FMLN guerrillas": the group itself
                    key, name, kind, sector = ("org", org.name), org.name, org.kind, org.sector
                m = self._add(
                    i,
                    j,
                    key=key,
                    name=name,
                    kind=kind,
                    country=q.country,
                    sector=sector,
                    canonical=inst.name,
                    anaphor=inst.anaphor,
                )
                self._mark(i, j)
                by_end[hit.j] = m
                if q.hit is not None and isinstance(q.hit.entry.payload, Organisation):
                    # "guerrillas of the FMLN": the organisation is an actor of its own too
                    self._org_mention(q.hit, q.hit.entry.payload)
                if (
                    q.hit is not None
                    and q.hit.entry.type in ("adj", "country")
                    and q.start == q.hit.i
                ):
                    self._conjoined_adjectives(q.hit, inst)
                continue
            definite = self._definite(hit.i)
            start = hit.i - 1 if definite else hit.i
            m = self._add(
                start,
                hit.j,
                key=("inst", inst.name),
                name=inst.name,
                kind=inst.kind,
                country=None,
                sector=inst.sector,
                canonical=inst.name,
                anaphor=inst.anaphor,
                resolve="inst" if definite else "",
            )
            self._mark(start, hit.j)
            by_end[hit.j] = m
        return by_end

    def _modifier_only(self, hit: Hit) -> bool:
        """An institution word used as a modifier of a non-actor noun ("military
        infrastructure", "anti-terrorist operation", "press conference")."""
        sp = self.sp
        if hit.i > 1 and sp[hit.i - 1].text == "-" and not sp[hit.i - 2].whitespace_:
            return True
        if hit.j < len(sp) and sp[hit.j].text == "-" and not sp[hit.j - 1].whitespace_:
            return True
        last = sp[hit.j - 1]
        if last.dep_ in ("amod", "compound", "nmod") and last.head.i >= hit.j:
            nxt = self.hit_at.get(hit.j)
            return not (nxt is not None and nxt.entry.type in ("inst", "role"))
        return False

    def _clause_subject(self, k: int) -> int | None:
        """The character offset of the subject of the clause around token ``k`` (the likely
        antecedent of a possessive "its" there: "Argentina apologized to Brazil for one of
        its gunboats"); None without one."""
        tok = self.sp[k]
        for _ in range(4):
            if tok.head is tok:
                break
            tok = tok.head
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if tok.pos_ in ("VERB", "AUX") and subject is not None and subject.i < k:
                return int(subject.idx)
        return None

    def _conjoined_adjectives(self, adj: Hit, inst: Institution) -> None:
        """ "Hungarian and Romanian officials": the first adjective qualifies the noun too."""
        k = adj.i
        while k >= 2 and self.toks[k - 1] in ("and", ",", "or"):
            prev = self.hit_ending.get(k - 1)
            if (
                prev is None
                or prev.entry.type not in ("adj", "country")
                or not isinstance(prev.entry.payload, Country)
            ):
                return
            p = prev.entry.payload
            self._add(
                prev.i,
                prev.j,
                key=("inst", inst.name, "state", p.iso3),
                name=f"{inst.name} of {p.name}",
                kind=inst.kind,
                country=p.iso3,
                sector=inst.sector,
                canonical=inst.name,
                anaphor=inst.anaphor,
            )
            self._mark(prev.i, prev.j)
            k = prev.i

    def standalone(self) -> None:
        for hit in self.hits:
            if any(k in self.used for k in range(hit.i, hit.j)):
                continue
            p = hit.entry.payload
            head = self.sp[hit.j - 1]
            t = hit.entry.type
            if t in ("country", "capital") and in_dateline(head):
                continue  # "MOSCOW (AP) —": where the report was filed, not who acts
            if t in ("org", "metonym") and isinstance(p, Organisation):
                self._org_mention(hit, p)
            elif t == "country" and isinstance(p, Country):
                if self._locative(head):
                    continue
                self._add_state(hit, p, None)
            elif t == "capital" and isinstance(p, Country):
                possessive = hit.j < len(self.toks) and self.toks[hit.j] in POSSESSIVE
                if not (possessive or self._agentive(head)):
                    continue
                self._add_state(hit, p, "GOV")
            elif t == "people" and isinstance(p, Country):
                self._add(
                    hit.i,
                    hit.j,
                    key=("people", p.iso3),
                    name=p.people,
                    kind="population",
                    country=p.iso3,
                    sector="CVL",
                )
            elif t == "adj" and isinstance(p, Country):
                if not (
                    head.dep_ in ("amod", "compound", "nmod")
                    and head.head.lemma_.lower() in self.know.agentive_nouns
                ):
                    continue
                self._add_state(hit, p, None)
            else:
                continue
            self._mark(hit.i, hit.j)

    def pronouns(self) -> None:
        """Subject pronouns ("he said") and acting definite "the country", to resolve later."""
        for tok in self.sp:
            k = tok.i
            if (
                self.toks[k] in STATE_ANAPHORS
                and k > 0
                and self.toks[k - 1] == "the"
                and k not in self.used
                and (k - 1) not in self.used
                and self._agentive(tok)
            ):
                self._add(
                    k - 1,
                    k + 1,
                    key=("anaphor", str(k)),
                    name=tok.text,
                    kind="state",
                    country=None,
                    sector=None,
                    resolve="state",
                )
                self._mark(k - 1, k + 1)
        for tok in self.sp:
            if (
                self.toks[tok.i] in PRONOUNS
                and tok.dep_ in ("nsubj", "nsubjpass")
                and tok.i not in self.used
            ):
                self._add(
                    tok.i,
                    tok.i + 1,
                    key=("pronoun", str(tok.i)),
                    name=tok.text,
                    kind="person",
                    country=None,
                    sector=None,
                    resolve="person",
                )

    def organisations(self) -> None:
        """Organisations the lexicon does not know: spaCy ORG entities in mixed-case text, with
        the sector the words of their name suggest and the country a demonym in it names."""
        if self.caseless:
            return
        for ent in self.sp.ents:
            if ent.label_ != "ORG" or any(k in self.used for k in range(ent.start, ent.end)):
                continue
            inside = self.hits_in(ent.start, ent.end)
            if any(
                h.entry.type in ("org", "metonym", "leader", "people", "capital") for h in inside
            ):
                continue
            covered = {k for h in inside for k in range(h.i, h.j)}
            rest = [
                t for t in ent if t.is_alpha and t.i not in covered and t.lower_ not in LINK_WORDS
            ]
            nouns = [h for h in inside if h.entry.type in ("inst", "role")]
            if not rest and len(nouns) <= 1:
                # "the Armenian Foreign Ministry", "Ministry of Defence of X": an institution
                # of a country, which institutions() composes; not a name of its own
                continue
            if any(k in self.place_tokens for k in range(ent.start, ent.end)):
                continue
            words = [t.text for t in ent if t.is_alpha]
            if not words or not all(w[:1].isupper() for w in words if len(w) > 3):
                continue
            if len(ent) == 1 and not (ent.text.isupper() and len(ent.text) >= 3):
                continue
            kind, sector = "organisation", None
            for word in reversed(words):
                found = self.know.org_heads.get(word.lower())
                if found is not None:
                    kind, sector = found
                    break
            country = None
            for hit in inside:
                if isinstance(hit.entry.payload, Country):
                    country = hit.entry.payload.iso3
                    break
            start = ent.start + 1 if self.toks[ent.start] == "the" else ent.start
            if start >= ent.end:
                continue
            name = self.sp[start : ent.end].text
            self._add(
                start,
                ent.end,
                key=("org", name.lower()),
                name=name,
                kind=kind,
                country=country,
                sector=sector,
            )
            self._mark(start, ent.end)

    def run(self) -> list[Actor]:
        if self.options.unknown_organisations:
            self.organisations()
        insts = self.institutions()
        self.roles(insts)
        self.persons()
        self.standalone()
        if self.options.anaphors:
            self.pronouns()
        mentions = resolve(self.mentions)
        infer_countries(mentions)
        ids: dict[tuple[str, ...], str] = {}
        for m in mentions:
            if m.key not in ids:
                ids[m.key] = f"a{len(ids) + 1}"
        text = self.doc.text
        actors = []
        seen_spans: set[tuple[int, int]] = set()
        for m in mentions:
            if (m.start, m.end) in seen_spans:
                continue
            seen_spans.add((m.start, m.end))
            sector = m.sector
            if sector is None and m.kind == "person" and m.affiliation is not None:
                sector = m.affiliation.sector
            country = m.country or (m.affiliation.country if m.affiliation else None)
            actors.append(
                Actor(
                    id=ids[m.key],
                    span=Span.of(text, m.start, m.end),
                    name=m.name,
                    kind=m.kind,
                    country=country,
                    sector=sector,
                    role=m.role,
                    affiliation=ids.get(m.affiliation.key) if m.affiliation is not None else None,
                )
            )
        return actors
