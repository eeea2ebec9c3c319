"""Persons for ``extract.actors.v1``: names, roles, titles, appositions and leaders.

A role noun ("spokesman", "Prime Minister", "general") attaches to the name after it ("Prime
Minister <name>") or before it across a comma ("<name>, Russian Foreign Ministry spokesman"),
takes the country and organisation that qualify it, and the sector of the role or else of the
organisation. A role of a country without a name ("Montenegro's prime minister") resolves to
the office holder in the date-bounded leaders list when exactly one held it on the
publication date. :class:`PersonFinder` is extended by the extractor in :mod:`.actors_mentions`.
"""

from __future__ import annotations

from typing import Any

from sitrep.stages.extract.actors_base import MentionBase
from sitrep.stages.extract.actors_coref import Mention
from sitrep.stages.extract.actors_knowledge import Leader, Role

DETERMINERS_BEFORE_ROLE = frozenset({"the", "a", "an"})
FORMER = frozenset({"former", "ousted", "ex", "exiled", "deposed", "toppled", "overthrown"})


class PersonFinder(MentionBase):
    """Person mentions; extended by :class:`~.actors_mentions.ActorExtractor`."""

    def _name_run(self, i: int) -> int:
        """End of a person name starting at token ``i`` (``i`` when there is none)."""
        sp = self.sp
        hit = self.hit_at.get(i)
        if hit is not None and hit.entry.type == "leader":
            return hit.j
        ent = self.person_ent_at.get(i)
        if ent is not None and not self._proper_hit_in(ent.start, ent.end):
            return int(ent.end)
        j = i
        while j < len(sp) and j - i < self.max_name_tokens and self._name_token(j):
            j += 1
        return j

    def _name_token(self, k: int) -> bool:
        """A capitalised proper noun (any proper noun in single-case text) not yet used."""
        tok = self.sp[k]
        return (
            tok.pos_ == "PROPN"
            and tok.is_alpha
            and (self.caseless or tok.text[:1].isupper())
            and k not in self.used
            and k not in self._hit_tokens
        )

    def _proper_hit_in(self, i: int, j: int) -> bool:
        return any(
            h.entry.type in ("country", "adj", "capital", "org", "metonym", "people", "inst")
            for h in self.hits_in(i, j)
        )

    def _name_ending(self, end: int) -> int:
        """Start of a person name ending at token ``end`` (``end`` when there is none)."""
        hit = self.hit_ending.get(end)
        if hit is not None and hit.entry.type == "leader":
            return hit.i
        ent = self.person_ent_ending.get(end)
        if ent is not None and not self._proper_hit_in(ent.start, ent.end):
            return int(ent.start)
        i = end
        while i > 0 and end - i < self.max_name_tokens and self._name_token(i - 1):
            i -= 1
        if end - i < 2 and not (self.caseless and end - i == 1):
            return end
        return i

    def _person(self, i: int, j: int, **kwargs: Any) -> Mention:
        text = self.sp[i:j].text
        if self.caseless:
            text = text.title()
        leader = self._leader_named(i, j)
        if leader is not None:
            kwargs.setdefault("role", leader.role)
            kwargs["country"] = kwargs.get("country") or leader.country
            kwargs["sector"] = kwargs.get("sector") or leader.sector
            text = leader.name
        m = self._add(i, j, key=("person", text.lower()), name=text, kind="person", **kwargs)
        self._mark(i, j)
        words = text.split()
        if len(words) > 1:
            self.surnames.add(words[-1].lower())
        return m

    def _leader_named(self, i: int, j: int) -> Leader | None:
        """The leader a name ``[i, j)`` refers to: the whole name is an alias ("Putin"), or it
        ends with one and its first word is in the leader's name ("Omar Hassan al-Bashir"),
        not another person with the same surname."""
        hit = self.hit_ending.get(j)
        if hit is None or hit.entry.type != "leader" or hit.i < i:
            return None
        leader = self._leader(hit)
        if leader is None or hit.i == i:
            return leader
        return leader if self.toks[i] in leader.name.lower().split() else None

    def roles(self, insts: dict[int, Mention]) -> None:
        for hit in self.hits:
            role = hit.entry.payload
            if hit.entry.type != "role" or not isinstance(role, Role) or hit.i in self.used:
                continue
            if self._role_modifier_only(hit):
                continue
            start, end = hit.i, hit.j
            affiliation = insts.get(hit.i)
            country = affiliation.country if affiliation else None
            q = None
            if affiliation is not None:
                start = self._mention_start_token(affiliation)
            else:
                q = self.qualifier_left(self._skip_modifiers(hit.i)) or self.qualifier_right(hit.j)
                if q is not None:
                    country = q.country
                    if q.start < hit.i:
                        start = q.start
                    else:
                        end = q.end
            if affiliation is None and q is None:
                # "a spokesman for the army", "the head of the ministry"
                affiliation, end = self._institution_after(hit.j, insts, end)
                country = affiliation.country if affiliation else None
            sector = role.sector or (affiliation.sector if affiliation else None)
            if sector is None and q is not None and q.state_like:
                sector = "GOV"
            attrs: dict[str, Any] = {
                "role": role.name,
                "country": country,
                "sector": sector,
                "diplomatic": role.diplomatic
                or bool(affiliation and affiliation.canonical == "Ministry of Foreign Affairs"),
            }
            if any(self.toks[k] in FORMER for k in range(max(0, start - 3), hit.i)):
                attrs["role"] = f"former {role.name}"
                attrs["sector"] = "ELI"
            # the person named after the role ("Prime Minister X", "spokesman, X,")
            k = end + 1 if end < len(self.toks) and self.toks[end] == "," else end
            name_start, name_end = k, self._name_run(k)
            if name_end == k:
                # or before it ("X, Russian Foreign Ministry spokesman")
                b = (
                    start - 1
                    if start > 0 and self.toks[start - 1] in DETERMINERS_BEFORE_ROLE
                    else start
                )
                if b > 0 and self.toks[b - 1] == ",":
                    before = self._name_ending(b - 1)
                    if before < b - 1:
                        name_start, name_end = before, b - 1
            if affiliation is None and q is not None and q.state_like and q.hit is not None:
                affiliation = self._state_mention(q, "GOV")
            elif affiliation is None and q is not None and q.hit is not None:
                affiliation = self._state_mention(q, None)
            self._mark(start, end)
            if name_end > name_start:
                self._person(name_start, name_end, affiliation=affiliation, **attrs)
                continue
            definite = self._definite(start)
            if q is None and affiliation is None:
                s = start - 1 if definite else start
                self._add(
                    s,
                    end,
                    key=("role", role.name, str(hit.i)),
                    name=role.name,
                    kind="person",
                    resolve="person" if definite else "",
                    **attrs,
                )
                continue
            label = q.label if q is not None else (affiliation.name if affiliation else "")
            former = attrs["role"] != role.name
            leader = None if former else self._leader_for(country, role.name)
            if leader is not None:
                attrs["sector"] = attrs["sector"] or leader.sector
                self._add(
                    start,
                    end,
                    key=("person", leader.name.lower()),
                    name=leader.name,
                    kind="person",
                    affiliation=affiliation,
                    **attrs,
                )
            else:
                self._add(
                    start,
                    end,
                    key=("role", role.name, label),
                    name=f"{role.name} of {label}",
                    kind="person",
                    affiliation=affiliation,
                    **attrs,
                )

    def _institution_after(
        self, j: int, insts: dict[int, Mention], end: int
    ) -> tuple[Mention | None, int]:
        """The institution mention after "of/for [the]" at token ``j``, and its end token."""
        if j >= len(self.toks) or self.toks[j] not in ("of", "for"):
            return None, end
        k = j + 1
        for m_end, m in insts.items():
            start = self._mention_start_token(m)
            if start in (k, k + 1) and (start == k or self.toks[k] == "the"):
                return m, m_end
        return None, end

    def _skip_modifiers(self, i: int) -> int:
        """Step back over up to two plain adjectives ("Lebanon's new President")."""
        k = i
        while (
            k > 0 and i - k < 2 and self.sp[k - 1].pos_ == "ADJ" and (k - 1) not in self._hit_tokens
        ):
            k -= 1
        return k

    def _mention_start_token(self, m: Mention) -> int:
        span = self.sp.char_span(m.start, m.end, alignment_mode="expand")
        return int(span.start) if span is not None else m.token

    def _leader_for(self, country: str | None, role: str) -> Leader | None:
        if country is None:
            return None
        terms = [
            t
            for t in self.know.leaders_by_role.get((country, role), [])
            if self.doc.published is not None and t.holds(self.doc.published)
        ]
        return terms[0] if len({t.name for t in terms}) == 1 else None

    def persons(self) -> None:
        """Named persons not already attached to a role: leaders and PERSON entities."""
        for hit in self.hits:
            if hit.entry.type == "leader" and hit.i not in self.used:
                # the alias may end a longer name ("Omar Hassan al-Bashir", or another
                # person's "Ivanka Trump"): take the whole name, a leader's only if it fits
                start = self._proper_run_before(hit.i)
                self._person(start, hit.j, country=None, sector=None)
        for ent in self.sp.ents:
            if ent.label_ != "PERSON" or any(k in self.used for k in range(ent.start, ent.end)):
                continue
            if self._proper_hit_in(ent.start, ent.end) or any(
                k in self.place_tokens for k in range(ent.start, ent.end)
            ):
                continue
            toks = [t for t in ent if t.is_alpha]
            if not toks or (not self.caseless and not all(t.text[:1].isupper() for t in toks)):
                continue
            if len(toks) < 2 and not self._known_surname(toks[0].text):
                continue
            self._person(ent.start, ent.end, country=None, sector=None)

    def _proper_run_before(self, i: int) -> int:
        """Start of the capitalised name words (and hyphens) right before token ``i``."""
        k = i
        while k > 0 and i - k < self.max_name_tokens:
            prev = k - 1
            hyphen = self.sp[prev].text == "-" and prev not in self._hit_tokens
            if not (hyphen or self._name_token(prev)):
                break
            k -= 1
        while k < i and self.sp[k].text == "-":
            k += 1
        return k

    def _known_surname(self, word: str) -> bool:
        return word.lower() in self.surnames
