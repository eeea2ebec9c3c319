"""Shared ground of the actor extractor: lexicon hits over tokens and their qualifiers.

:class:`MentionBase` matches names, demonyms, institutions and roles on lower-cased tokens
(longest first; proper names need a capital in mixed-case text, acronyms their exact case) and
finds what qualifies a noun: a country, nationality, possessive, capital, organisation, leader
or place before it ("the Azerbaijani", "Armenia's", "the Bush") or after "of/in/from/for"
("Authorities in <place>"). :mod:`.actors_persons` and :mod:`.actors_mentions` build on it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sitrep.pipeline.document import Document
from sitrep.stages.extract.actors_coref import Mention
from sitrep.stages.extract.actors_knowledge import (
    Country,
    Entry,
    Knowledge,
    Leader,
    Organisation,
    norm_token,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
POSSESSIVE = frozenset({"'s", "'"})
POSSESSOR_PRONOUNS = frozenset({"its", "their"})
# fmt: off
LOCATIVE_PREPS = frozenset({
    "in", "into", "inside", "within", "across", "throughout", "near", "at", "around",
    "outside", "towards", "toward", "through", "via", "over", "under", "beyond",
})
# fmt: on
"""A country as the object of these is a location, not an actor ("troops in Mali")."""
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "agent", "csubj"})
AGENT_PREPS = frozenset({"by", "with", "against", "between", "from"})
QUALIFIER_PREPS = frozenset({"of", "in", "from", "for"})
PRONOUNS = frozenset({"he", "she"})
STATE_ANAPHORS = frozenset({"country", "nation"})
PLACE_LIKE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC", "ORG"})
LINK_WORDS = frozenset({"the", "of", "in", "for", "and", "on"})


@dataclass
class Hit:
    """A lexicon match over tokens ``[i, j)``."""

    i: int
    j: int
    entry: Entry


@dataclass
class Qualifier:
    """What an institution or role belongs to: a country, organisation or place."""

    start: int
    end: int
    label: str
    country: str | None
    key: tuple[str, ...]
    hit: Hit | None = None
    anaphoric: bool = False
    """"the country's": the state is the most recent one mentioned before."""
    state_like: bool = False
    """A country, adjective or capital: emitted as the state when it qualifies a person."""


@dataclass(frozen=True)
class Options:
    """The stage's settings (config section ``actors``)."""

    max_name_tokens: int = 4
    """Longest person name taken from capitalised words without an entity tag."""
    anaphors: bool = True
    """Resolve subject pronouns ("he said") and an acting "the country" to earlier actors."""
    unknown_organisations: bool = True
    """Also emit spaCy ORG entities missing from the lexicon, typed by the words of their name."""


def is_caseless(text: str) -> bool:
    """True when the text is (nearly) all lower or all upper case, so case cannot mark names."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for c in letters if c.isupper()) / len(letters)
    return upper < 0.01 or upper > 0.9


class MentionBase:
    """Token-level state of one document: hits, qualifiers and the mentions found so far."""

    def __init__(self, know: Knowledge, doc: Document, options: Options | None = None) -> None:
        assert doc.nlp is not None
        self.options = options or Options()
        self.know = know
        self.doc = doc
        self.sp: SpacyDoc = doc.nlp
        self.max_name_tokens = self.options.max_name_tokens
        self.caseless = is_caseless(doc.text)
        self.toks = [norm_token(t.text) for t in self.sp]
        self.sent_of = [0] * len(self.sp)
        for n, sent in enumerate(self.sp.sents):
            for k in range(sent.start, sent.end):
                self.sent_of[k] = n
        self._starts = {i for i in range(len(self.toks)) if self.know.longest(self.toks, i)}
        self.hits = self._match()
        self.hit_at = {h.i: h for h in self.hits}
        self._hit_tokens = {k for h in self.hits for k in range(h.i, h.j)}
        self.hit_ending = {h.j: h for h in self.hits}
        self.hit_of: list[Hit | None] = [None] * len(self.toks)
        for h in self.hits:
            for k in range(h.i, h.j):
                self.hit_of[k] = h
        self.person_ent_at = {e.start: e for e in self.sp.ents if e.label_ == "PERSON"}
        self.person_ent_ending = {e.end: e for e in self.sp.ents if e.label_ == "PERSON"}
        self.place_like = {
            k for e in self.sp.ents if e.label_ in PLACE_LIKE_ENTS for k in range(e.start, e.end)
        }
        """Tokens in entities that can name where an unknown institution belongs."""
        self.places = self._places()
        self.place_ending = {e: s for s, (e, _, _) in self.places.items()}
        self.place_tokens = {k for s, (e, _, _) in self.places.items() for k in range(s, e)}
        self.used: set[int] = set()
        self.surnames: set[str] = set()
        self.mentions: list[Mention] = []

    def _valid(self, entry: Entry, i: int, j: int) -> bool:
        surface = self.sp[i:j].text
        if self.caseless:
            low = norm_token(surface)
            if entry.proper and low in self.know.caseless_ambiguous:
                return False
            return not (entry.acronym and low in self.know.caseless_ambiguous)
        if entry.acronym:
            return surface.replace("’", "'") == entry.surface
        if entry.proper:
            return self.sp[i].text[:1].isupper() or self.sp[i].text[:1].isdigit()
        return True

    def _match(self) -> list[Hit]:
        hits: list[Hit] = []
        i = 0
        n = len(self.toks)
        while i < n:
            found = None
            for j, entries in self.know.longest(self.toks, i):
                valid = [e for e in entries if self._valid(e, i, j)]
                if valid:
                    found = Hit(i, j, self._prefer(valid, j))
                    break
            if found is None:
                i += 1
                continue
            hits.append(found)
            i = found.j
        return hits

    def _prefer(self, entries: list[Entry], j: int) -> Entry:
        order = ["leader", "org", "metonym", "inst", "role", "country", "people", "adj", "capital"]
        # "British", "Japanese" name a people or qualify a noun: before a noun, the adjective.
        nxt = self.sp[j] if j < len(self.sp) else None
        own = self.sp[j - 1]
        if own.pos_ == "ADJ" or (
            nxt is not None
            and nxt.is_alpha
            and (nxt.pos_ in ("NOUN", "PROPN", "ADJ") or j in self._starts)
        ):
            order = [
                "leader",
                "org",
                "metonym",
                "inst",
                "role",
                "adj",
                "country",
                "people",
                "capital",
            ]
        return min(entries, key=lambda e: order.index(e.type))

    def _places(self) -> dict[int, tuple[int, str, str | None]]:
        """Token start -> (token end, name, country) for places found by the places stage,
        else for GPE/LOC entities."""
        out: dict[int, tuple[int, str, str | None]] = {}
        spans: list[tuple[int, int, str, str | None]] = []
        for place in self.doc.places:
            spans.append((place.span.start, place.span.end, place.name, place.country))
        if not spans:
            for ent in self.sp.ents:
                if ent.label_ in ("GPE", "LOC"):
                    spans.append((ent.start_char, ent.end_char, ent.text, None))
        for start, end, name, country in spans:
            span = self.sp.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                out[span.start] = (span.end, name, country)
        return out

    def hits_in(self, i: int, j: int) -> list[Hit]:
        """The lexicon hits overlapping tokens ``[i, j)``, in order."""
        out: list[Hit] = []
        for k in range(i, j):
            h = self.hit_of[k]
            if h is not None and (not out or out[-1] is not h):
                out.append(h)
        return out

    def _qualifier_from_hit(self, hit: Hit, start: int, end: int) -> Qualifier | None:
        p = hit.entry.payload
        if hit.entry.type in ("country", "adj", "capital") and isinstance(p, Country):
            return Qualifier(start, end, p.name, p.iso3, ("state", p.iso3), hit, state_like=True)
        if hit.entry.type in ("org", "metonym") and isinstance(p, Organisation):
            return Qualifier(start, end, p.name, p.country, ("org", p.name), hit)
        if hit.entry.type == "people" and isinstance(p, Country):
            return Qualifier(start, end, p.name, p.iso3, ("state", p.iso3), hit, state_like=True)
        if hit.entry.type == "leader" and isinstance(p, tuple):
            # "the Bush administration", "the Putin government": the leader's country
            leader = self._leader(hit)
            country = self.know.countries.get(leader.country or "") if leader else None
            if country is not None:
                return Qualifier(start, end, country.name, country.iso3, ("state", country.iso3))
        return None

    def _place_qualifier(self, start: int, end: int) -> Qualifier | None:
        place = self.places.get(start)
        if place is None or place[0] != end:
            return None
        return Qualifier(start, end, place[1], place[2], ("place", place[1].lower()))

    def qualifier_left(self, i: int, anaphoric: bool = False) -> Qualifier | None:
        """A qualifier ending just before token ``i`` ("Armenian", "Armenia's", "<place>"; with
        ``anaphoric``, also "the country's", resolved later to the most recent state, and
        "its", "their", resolved later to the state or organisation named just before)."""
        end = i
        if anaphoric and i > 0 and self.toks[i - 1] in POSSESSOR_PRONOUNS:
            # "its forces", "their government": the state or group named just before
            return Qualifier(i - 1, i, "", None, ("possessor",), anaphoric=True)
        if i > 0 and self.toks[i - 1] in POSSESSIVE:
            end = i - 1
            if (
                anaphoric
                and end >= 2
                and self.toks[end - 1] in STATE_ANAPHORS
                and self.toks[end - 2] == "the"
            ):
                return Qualifier(end - 2, i, "", None, ("anaphor",), anaphoric=True)
        hit = self.hit_ending.get(end)
        if hit is not None and hit.i not in self.used:
            q = self._qualifier_from_hit(hit, hit.i, i)
            if q is not None and (hit.entry.type != "people" or end < i):
                return q
            if q is not None:
                return None
        s = self.place_ending.get(end, end)
        if s < end and not any(k in self.used for k in range(s, end)):
            return self._place_qualifier(s, end)
        s = self._proper_run_left(end)
        if s < end and end == i:
            return Qualifier(
                s, end, self.sp[s:end].text, None, ("place", self.sp[s:end].text.lower())
            )
        return None

    def _proper_token(self, k: int) -> bool:
        tok = self.sp[k]
        return (
            not self.caseless
            and tok.is_alpha
            and tok.text[:1].isupper()
            and tok.pos_ == "PROPN"
            and k not in self.used
            and self.hit_of[k] is None
            and k in self.place_like
        )

    def _proper_run_left(self, end: int) -> int:
        """Start of a run of capitalised proper-noun tokens (hyphens inside) ending at ``end``."""
        i = end
        while i > 0 and end - i < self.max_name_tokens:
            if self._proper_token(i - 1):
                i -= 1
            elif (
                i - 2 >= 0 and i < end and self.sp[i - 1].text == "-" and self._proper_token(i - 2)
            ):
                i -= 2
            else:
                break
        return i

    def _proper_run_right(self, start: int) -> int:
        j = start
        while j < len(self.sp) and j - start < self.max_name_tokens:
            if self._proper_token(j):
                j += 1
            elif (
                j > start
                and j + 1 < len(self.sp)
                and self.sp[j].text == "-"
                and self._proper_token(j + 1)
            ):
                j += 2
            else:
                break
        return j

    def qualifier_right(self, j: int) -> Qualifier | None:
        """A qualifier after token ``j``: "of/in/from [the] <country|organisation|place>"."""
        if j >= len(self.toks) or self.toks[j] not in QUALIFIER_PREPS:
            return None
        k = j + 1
        if k < len(self.toks) and self.toks[k] == "the":
            k += 1
        hit = self.hit_at.get(k)
        if hit is not None and hit.entry.type in ("country", "capital", "org", "metonym"):
            q = self._qualifier_from_hit(hit, j, hit.j)
            if q is not None:
                return q
        place = self.places.get(k)
        if place is not None:
            q = self._place_qualifier(k, place[0])
            if q is not None:
                q.start = j
                return q
        e = self._proper_run_right(k)
        if e > k:
            return Qualifier(j, e, self.sp[k:e].text, None, ("place", self.sp[k:e].text.lower()))
        return None

    def _add(self, i: int, j: int, **kwargs: Any) -> Mention:
        start = self.sp[i].idx
        end = self.sp[j - 1].idx + len(self.sp[j - 1].text)
        head = j - 1
        m = Mention(start=start, end=end, token=head, sentence=self.sent_of[head], **kwargs)
        self.mentions.append(m)
        return m

    def _mark(self, i: int, j: int) -> None:
        self.used.update(range(i, j))

    def _state_mention(self, q: Qualifier, sector: str | None) -> Mention | None:
        """The state (or organisation) a qualifier names, as its own mention."""
        if q.hit is None:
            return None
        p = q.hit.entry.payload
        if isinstance(p, Country):
            return self._add_state(q.hit, p, sector)
        if isinstance(p, Organisation):
            return self._org_mention(q.hit, p)
        return None

    def _add_state(self, hit: Hit, country: Country, sector: str | None) -> Mention:
        return self._add(
            hit.i,
            hit.j,
            key=("state", country.iso3),
            name=country.name,
            kind="state",
            country=country.iso3,
            sector=sector,
        )

    def _org_mention(self, hit: Hit, org: Organisation) -> Mention:
        return self._add(
            hit.i,
            hit.j,
            key=("org", org.name),
            name=org.name,
            kind=org.kind,
            country=org.country,
            sector=org.sector,
        )

    def _definite(self, i: int) -> bool:
        """Whether token ``i`` is preceded by a definite determiner ("the ministry")."""
        return i > 0 and self.toks[i - 1] in DETERMINERS and self.sp[i - 1].dep_ == "det"

    def _role_modifier_only(self, hit: Hit) -> bool:
        """A role word used as a modifier ("official newspaper", "minister level talks");
        before a name ("President Cerezo") it is a title and stays."""
        last = self.sp[hit.j - 1]
        if last.head.i < hit.j:
            return False
        if last.dep_ == "amod":
            return True
        return (
            last.dep_ in ("compound", "nmod")
            and last.head.pos_ == "NOUN"
            and self.hit_of[last.head.i] is None
        )

    def _governor(self, tok: Token) -> Token:
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head
        return tok

    def _locative(self, tok: Token) -> bool:
        tok = self._governor(tok)
        return tok.dep_ == "pobj" and norm_token(tok.head.text) in LOCATIVE_PREPS

    def _agentive(self, tok: Token) -> bool:
        tok = self._governor(tok)
        if tok.dep_ in AGENT_DEPS:
            return True
        if tok.dep_ == "pobj":
            prep = tok.head
            if norm_token(prep.text) == "by":
                return True
            if norm_token(prep.text) in AGENT_PREPS and prep.head.pos_ in ("NOUN", "PROPN"):
                return True
        return False

    def _leader(self, hit: Hit) -> Leader | None:
        terms = hit.entry.payload
        if not isinstance(terms, tuple):
            return None
        holding = [t for t in terms if t.holds(self.doc.published)]
        if holding:
            return holding[0]
        published = self.doc.published
        last = max(terms, key=lambda t: t.start)
        if published is not None and last.end is not None and published > last.end:
            # out of office: a former leader is one of the elites (PLOVER ELI)
            return replace(last, role=f"former {last.role}", sector="ELI")
        return terms[0]
