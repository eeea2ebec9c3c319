"""Toponym candidates: where a place may be named, without trusting spaCy's labels.

The small English model tags many toponyms PERSON or ORG, so candidates come from the
gazetteer over *capitalised runs* of tokens (proper-noun chunks, NER spans of any label,
"X Province", "Gulf of Aden", "Bosnia and Herzegovina"), matched longest-first. spaCy's labels
then only serve as evidence: a PERSON or ORG span must name a prominent place, or be
introduced as one ("in X", "the capital, X", "the X region", listed with a GPE or LOC:
"Nakuru and X"), to count. A span tagged LANGUAGE, LAW or EVENT ("in Odesa" read as a
language) counts only when the text places the name elsewhere, qualifies it ("X, Ohio"), or
names a prominent place right after a locative word ("in X"). Demonyms and country
adjectives ("Azerbaijani") are collected as country context and never returned as places.
GPE/LOC entities the gazetteer does not know are kept, unresolved, and so are streets, roads,
rivers and lakes named as such ("Third Street", "Lake Manassas").

Evidence is shared across the text (one sense per discourse): a name introduced once as a
place ("in Riverdale", a GPE, "Greer, South Carolina", an upper-case dateline "CAIRO -") is
accepted wherever else it stands, inside an organisation's name included, but never inside a
person's name ("Mary Fallin").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from typing import TYPE_CHECKING

from sitrep.gazetteer import Entry, Gazetteer, normalize
from sitrep.stages.extract.actors_knowledge import armed_group_names

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

MAX_TOKENS = 7
CONNECTORS = frozenset({"of", "de", "del", "da", "do", "di", "du", "la", "le", "el", "al",
                        "upon", "on", "and", "y", "en", "sur", "am", "an", "der", "-", "&"})
POSSESSIVES = frozenset({"'s", "’s"})
TYPE_WORDS = frozenset({"region", "province", "oblast", "county", "parish", "governorate",
                        "district", "state", "prefecture", "department", "municipality",
                        "territory", "valley", "corridor", "area", "raion", "rayon", "krai",
                        "canton", "emirate", "borough", "township", "city", "town", "village"})
ADMIN_TYPES = TYPE_WORDS - {"city", "town", "village"}
# Words that, right before a name, introduce it as a place ("in X", "the capital, X").
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "from", "to", "into", "outside", "across",
                                "around", "toward", "towards", "via", "through", "inside",
                                "between", "throughout", "within", "entered", "reached",
                                "visited", "shelled", "bombed", "captured", "struck", "hit"})
PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "region", "province",
                         "district", "port", "enclave", "county", "state", "country",
                         "border", "suburb", "outskirts", "settlement", "hometown"})
SKIP_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL",
                         "QUANTITY", "LAW", "LANGUAGE", "EVENT"})
# Labels the small model also puts on a lone town's name ("in Odesa" tagged LANGUAGE): such a
# name still counts when the text introduces it as a place; see ``_mislabelled_place``.
MISLABELS = frozenset({"LAW", "LANGUAGE", "EVENT"})
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "stated", "wrote", "asked",
                          "argued", "claimed", "explained", "noted", "insisted", "tweeted"})
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "president", "minister", "general",
                    "gen", "lt", "col", "sgt", "capt", "judge", "senator", "sen", "rep",
                    "gov", "governor", "mayor", "prof", "professor", "officer", "pope",
                    "king", "queen", "prince", "princess", "lord", "lady", "saint"})
# Last words of a street or natural feature's name ("Royal Street", "Neches River") and first
# words of a natural feature's ("Lake Manassas", "Mount Hood").
FEATURE_WORDS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd",
                           "drive", "lane", "highway", "parkway", "square", "bridge", "airport",
                           "park", "lake", "river", "creek", "bay", "island", "islands",
                           "mountain", "mountains", "canyon", "beach", "harbor", "harbour",
                           "canal", "pike", "turnpike", "expressway", "freeway", "plaza"})
FEATURE_PREFIXES = frozenset({"lake", "mount", "mt", "cape", "isle"})
PROMINENT = frozenset({"country", "admin1", "region", "other"})


@dataclass
class Mention:
    """One toponym candidate: a text span and the gazetteer entries its name matches."""

    start: int
    end: int
    key: str
    entries: list[Entry]
    label: str = ""
    """spaCy's entity label over the span, if any."""
    hint: str | None = None
    """'admin' when a type word names it a region ("the Idlib region", "Kent County")."""
    cue: bool = False
    """Introduced as a place ("in X", "the capital, X")."""
    embedded: bool = False
    """Inside a larger organisation or person name."""
    token: int = 0
    """Index of the first token."""
    placed: bool = False
    """Placed by the text itself: "Greer, South Carolina" or a dateline ("CAIRO -")."""
    qualified: bool = False
    """Followed by a comma or a bracket, where a name that qualifies it would stand
    ("Springfield, Illinois", "Laval (Quebec)"); a full stop ends the sentence instead."""
    context: dict[str, float] = field(default_factory=dict)
    big_city: tuple[str, ...] = ()
    """Countries where the name is also a big city inside a region of that name."""
    has_area: bool = False
    """The name is, under its own name, a country or first-level division."""
    names_country: bool = False
    """The name is a country's own name ("Mexico", "Panama")."""
    spelled: frozenset[int] = frozenset()
    """Rows of big cities whose main name this name spells closely and which dwarf every
    place of exactly this name ("Odessa": Odesa, not Odessa, Texas): read as main names."""


@lru_cache(maxsize=1)
def nonplaces() -> frozenset[str]:
    """The normalised words of ``data/places/nonplaces.txt`` and the names of the armed
    groups the actors stage knows (``data/actors/organisations.tsv``, acronyms apart):
    "Hamas" is no spelling of Hamm, "Taliban" no Turkish village. (International bodies stay
    candidates: "the European Union" is an area.)"""
    text = resources.files("sitrep.data.places").joinpath("nonplaces.txt").read_text("utf-8")
    words = {
        normalize(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    }
    return frozenset(words | {normalize(name) for name in armed_group_names()})


_CAPITAL = re.compile(r"^[A-Z][\w.'’-]*$|^[A-Z]\.$")


def _capitalised(token: Token) -> bool:
    return bool(_CAPITAL.match(token.text)) and any(ch.isalpha() for ch in token.text)


def _opening_word(token: Token) -> bool:
    """A function word capitalised only because it opens a sentence or a line ("In",
    "The", "At"): not part of the name that follows it."""
    return token.is_stop and token.text[1:].islower() and (
        token.is_sent_start or token.i == 0 or "\n" in token.nbor(-1).whitespace_
        or token.nbor(-1).text in ("\n", ".", ":", '"', "“", "(")
    )


def _runs(sdoc: SpacyDoc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, joined by connectors and in-word hyphens."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(sdoc)
    while i < n:
        if not _capitalised(sdoc[i]) or _opening_word(sdoc[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            token = sdoc[j]
            if _capitalised(token):
                j += 1
                continue
            nxt = j + 1 < n and _capitalised(sdoc[j + 1])
            joined = token.text == "-" and not sdoc[j - 1].whitespace_ and not token.whitespace_
            if nxt and (joined or token.lower_ in CONNECTORS) and sdoc[j - 1].whitespace_ != "\n":
                j += 2
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _join_possessives(sdoc: SpacyDoc, text: str, gaz: Gazetteer,
                      runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join two runs split by a possessive when the words across it are one name the gazetteer
    knows ("Democratic People's Republic of Korea"); "Toronto's Pearson Airport" stays two."""
    out: list[tuple[int, int]] = []
    for start, end in runs:
        if out and start == out[-1][1] + 1 and sdoc[start - 1].lower_ in POSSESSIVES \
                and not sdoc[start - 2].whitespace_:
            first = out[-1][0]
            if any(
                gaz.has_key(normalize(text[sdoc[a].idx:sdoc[b - 1].idx + len(sdoc[b - 1])]))
                for a in range(first, start - 1) for b in range(end, start, -1)
            ):
                out[-1] = (first, end)
                continue
        out.append((start, end))
    return out


def _entity_of(sdoc: SpacyDoc) -> list[tuple[int, int, str] | None]:
    spans: list[tuple[int, int, str] | None] = [None] * len(sdoc)
    for ent in sdoc.ents:
        for k in range(ent.start, ent.end):
            spans[k] = (ent.start, ent.end, ent.label_)
    return spans


def _preceded_by_cue(sdoc: SpacyDoc, start: int) -> bool:
    k = start - 1
    while k >= 0 and sdoc[k].lower_ in {"the", ",", "of", "northern", "southern", "eastern",
                                          "western", "central", "north", "south", "east",
                                          "west", "occupied", "besieged", "embattled"}:
        if sdoc[k].lower_ == "of" and k > 0 and sdoc[k - 1].lower_ in PLACE_NOUNS:
            return True
        k -= 1
    if k < 0:
        return False
    word = sdoc[k].lower_
    return word in PLACE_PREPOSITIONS or word in PLACE_NOUNS


def _person_like(sdoc: SpacyDoc, start: int, end: int) -> bool:
    """Looks like a person: after a title, or the subject of a speech verb."""
    before = sdoc[start - 1].lower_.rstrip(".") if start > 0 else ""
    after = sdoc[end].lower_ if end < len(sdoc) else ""
    return before in TITLES or after in SPEECH_VERBS


def find_mentions(
    sdoc: SpacyDoc, gaz: Gazetteer, min_population: int = 20_000,
    embedded_population: int = 100_000, person_population: int = 500_000,
) -> tuple[list[Mention], Counter[str]]:
    """The toponym candidates of a parsed document and the countries its demonyms name."""
    text = sdoc.text
    entity = _entity_of(sdoc)
    doc = sdoc
    sdoc = list(doc)  # type: ignore[assignment]  # token objects made once, not per access
    stop = nonplaces()
    demonyms: Counter[str] = Counter()
    # Given names and surnames of multi-token PERSON entities ("Vladimir Putin").
    names = {normalize(e[k].text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
             for k in (0, -1)}
    runs = _join_possessives(sdoc, text, gaz, _runs(sdoc))
    judge = partial(_judge, sdoc, text, gaz, entity=entity, stop=stop, names=names,
                    thresholds=(min_population, embedded_population, person_population))
    # One sense per discourse: a name the text once introduces as a place ("in Riverdale",
    # a GPE) is a place wherever else it stands, inside an organisation's name or tagged
    # PERSON ("the Riverdale Lukoil station", "Klamath Falls residents").
    first_pass, _ = _scan(sdoc, gaz, runs, judge, Counter(), frozenset())
    anchored = frozenset(m.key for m in first_pass if m.placed or (m.key not in names and (
        m.label in ("GPE", "LOC")
        or (m.cue and not m.embedded and m.label not in ("PERSON", "ORG")))))
    mentions, covered = _scan(sdoc, gaz, runs, judge, demonyms, anchored)
    mentions, covered = _streets(sdoc, text, runs, entity, mentions, covered)

    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or any(covered[k] for k in range(ent.start, ent.end)):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        if start >= ent.end or not _capitalised(sdoc[start]):
            continue
        key = normalize(text[sdoc[start].idx:ent.end_char])
        if not key or key in gaz.demonyms or key in stop or not _preceded_by_cue(sdoc, start):
            continue
        first, last = sdoc[start].idx, ent[-1].idx + len(ent[-1].text)
        mentions.append(Mention(first, last, key, [], label=ent.label_, token=start))
    mentions.sort(key=lambda m: m.start)
    return mentions, demonyms


def _streets(sdoc: SpacyDoc, text: str, runs: list[tuple[int, int]],
             entity: list[tuple[int, int, str] | None], mentions: list[Mention],
             covered: list[bool]) -> tuple[list[Mention], list[bool]]:
    """Streets, roads, rivers and other named features the gazetteer does not hold ("Third
    Street", "Neches River", "Lake Manassas"): kept whole and unresolved when no place
    the gazetteer knows was found inside them."""
    for start, end in runs:
        first, last = sdoc[start], sdoc[end - 1]
        if end - start < 2 or not (last.lower_.rstrip(".") in FEATURE_WORDS
                                   or first.lower_ in FEATURE_PREFIXES):
            continue
        if any(entity[k] is not None and entity[k][2] in ("PERSON", *SKIP_LABELS)  # type: ignore[index]
               for k in range(start, end)):
            continue
        begin, finish = first.idx, last.idx + len(last.text)
        if any(begin <= m.start and m.end <= finish for m in mentions):
            continue  # the gazetteer knows it ("Mississippi River") or a place in it
        key = normalize(text[begin:finish])
        mentions.append(Mention(begin, finish, key, [], label="FAC", token=start))
        for k in range(start, end):
            covered[k] = True
    return mentions, covered


def _scan(sdoc: SpacyDoc, gaz: Gazetteer, runs: list[tuple[int, int]],
          judge: Callable[..., Mention | None], demonyms: Counter[str],
          anchored: frozenset[str]) -> tuple[list[Mention], list[bool]]:
    """The gazetteer matches over the capitalised runs that the evidence accepts, and which
    tokens they cover; counts the demonyms met on the way."""
    text = sdoc[0].doc.text if sdoc else ""
    mentions: list[Mention] = []
    covered = [False] * len(sdoc)
    for run_start, run_end in runs:
        i = run_start
        while i < run_end:
            found = _longest_match(sdoc, text, gaz, i, run_end)
            if found is None:
                word = normalize(sdoc[i].text)
                if word in gaz.demonyms:
                    demonyms[gaz.demonyms[word]] += 1
                i += 1
                continue
            j, key, hint = found
            mention = judge(i, j, key, hint, demonyms=demonyms, run=(run_start, run_end),
                            anchored=anchored)
            if mention is not None:
                mentions.append(mention)
                for k in range(i, j):
                    covered[k] = True
                i = j
            else:
                i += 1
    return mentions, covered


def _longest_match(sdoc: SpacyDoc, text: str, gaz: Gazetteer, i: int,
                   run_end: int) -> tuple[int, str, str | None] | None:
    """The longest span from token ``i`` whose name is in the gazetteer."""
    for j in range(min(run_end, i + MAX_TOKENS), i, -1):
        last = sdoc[j - 1]
        if not _capitalised(last):
            continue
        end = last.idx + len(last.text)
        key = normalize(text[sdoc[i].idx:end])
        dotted = text.endswith(".", 0, end) or text.startswith(".", end)
        if dotted and gaz.has_key(key + "."):  # "Calif.", "Man." (the period may be a token)
            if not text.endswith(".", 0, end) and j < len(sdoc) and sdoc[j].text == ".":
                j += 1
            return j, key + ".", None
        if gaz.has_key(key):
            named = j - i > 1 and last.lower_ in ADMIN_TYPES  # "Tarrant County"
            return j, key, "admin" if named else _type_after(sdoc, j)
        if j - i > 1 and last.lower_ in ADMIN_TYPES:
            bare = normalize(text[sdoc[i].idx:sdoc[j - 2].idx + len(sdoc[j - 2].text)])
            if gaz.has_key(bare):
                return j, bare, "admin"
    return None


def _followed_by_region(sdoc: SpacyDoc, text: str, gaz: Gazetteer, j: int) -> bool:
    """``X, <state or country>``: "Greer, South Carolina", "Hinton, Alta.", "Gori, Georgia"."""
    if j + 1 >= len(sdoc) or sdoc[j].text != "," or not _capitalised(sdoc[j + 1]):
        return False
    end = j + 1
    while end < len(sdoc) and end - j <= 3 and _capitalised(sdoc[end]):
        end += 1
    found = _longest_match(sdoc, text, gaz, j + 1, end)
    if found is None:
        return False
    return any(e.feature in ("admin1", "country") and e.match > 0
               for e in gaz.lookup_key(found[1]))


DATELINE_MARKS = frozenset({"-", "--", "–", "—", "(", ",", ":"})


def _dateline(sdoc: SpacyDoc, i: int, j: int, run: tuple[int, int]) -> bool:
    """An upper-case place name opening the text, a line or a sentence, before a dash,
    comma or bracket: a news dateline ("CAIRO -", "ST. LOUIS –", "BEIRUT, Lebanon (AP)")."""
    if i != run[0] or j >= len(sdoc) or sdoc[j].text not in DATELINE_MARKS:
        return False
    before = sdoc[i - 1] if i > 0 else None
    if before is not None and not (sdoc[i].is_sent_start or before.text in (".", "\n")
                                   or "\n" in before.whitespace_ or before.text.isspace()):
        return False
    return all(not any(ch.islower() for ch in sdoc[k].text) for k in range(i, j))


def _type_after(sdoc: SpacyDoc, j: int) -> str | None:
    if j < len(sdoc) and sdoc[j].lower_ in TYPE_WORDS:
        return "admin" if sdoc[j].lower_ in ADMIN_TYPES else "place"
    return None


def prominence(entries: list[Entry], threshold: int) -> bool:
    """A place famous enough to be meant even where the parser saw a person or an
    organisation: a country, a curated region, a first-level division of a million people,
    or a town of ``threshold`` people, under its own name or a spelling of it."""
    for e in entries:
        if e.match == 0 and e.feature == "populated_place":
            continue
        if e.feature in ("country", "region", "other"):
            return True
        if e.feature == "admin1" and (e.population >= 1_000_000 or e.population == 0):
            # population 0: a curated division ("Tamil Nadu") whose size the build cannot tell
            return True
        if e.feature == "populated_place" and e.population >= threshold:
            return True
    return False


def _mislabelled_place(sdoc: SpacyDoc, text: str, gaz: Gazetteer, i: int, j: int, key: str,
                       labels: set[str], entity: list[tuple[int, int, str] | None],
                       anchored: frozenset[str], threshold: int) -> bool:
    """A place that spaCy tagged LANGUAGE, LAW or EVENT ("killed in Odesa", "the Riverdale
    Fair"), which counts when the text introduces it as a place: named so elsewhere in the
    text (``anchored``), or tagged alone (after a "the") and either placed by the region
    after it ("Riverdale, Ohio") or after a locative word ("in", "near", "shelled") and
    prominent (a country, a large region, a town of ``threshold`` people)."""
    if not labels <= MISLABELS:
        return False
    if key in anchored:
        return True
    ent = entity[i]
    if ent is None or ent[1] != j or not (
            ent[0] == i or (ent[0] == i - 1 and sdoc[i - 1].lower_ == "the")):
        return False  # inside a longer name: "the Riverdale Film Festival"
    return _followed_by_region(sdoc, text, gaz, j) or (
        _preceded_by_cue(sdoc, i) and prominence(gaz.lookup_key(key), threshold))


def _listed_with_place(sdoc: SpacyDoc, i: int, j: int,
                       entity: list[tuple[int, int, str] | None]) -> bool:
    """ "in the capital, Nakuru and Nyeri" with "Nyeri" tagged ORG: a name conjoined to one
    spaCy tags GPE or LOC is listed as a place, as good a cue as "in"."""
    root = sdoc[j - 1]
    if root.dep_ != "conj" or not i <= root.i < j:
        return False
    tagged = entity[root.head.i]
    return tagged is not None and tagged[2] in ("GPE", "LOC")


def _judge(sdoc: SpacyDoc, text: str, gaz: Gazetteer, i: int, j: int, key: str, hint: str | None,
           *, entity: list[tuple[int, int, str] | None], stop: frozenset[str],
           names: set[str], demonyms: Counter[str], run: tuple[int, int],
           thresholds: tuple[int, int, int], anchored: frozenset[str]) -> Mention | None:
    """A mention for tokens ``i:j`` matching ``key``, or None when the evidence says no.
    A name in ``anchored`` (introduced as a place elsewhere in the text) needs no more
    evidence than not following a title ("Mr Nelson")."""
    min_population, embedded_population, person_population = thresholds
    if key in gaz.demonyms:
        demonyms[gaz.demonyms[key]] += 1
        return None
    labels = {entity[k][2] for k in range(i, j) if entity[k] is not None}  # type: ignore[index]
    if labels & SKIP_LABELS and not _mislabelled_place(
            sdoc, text, gaz, i, j, key, labels, entity, anchored, embedded_population):
        return None
    first, last = sdoc[i], sdoc[j - 1]
    surface = text[first.idx:last.idx + len(last.text)]
    # part of a longer name: "Royal Street", "Eastern Ghouta", "Manila Cathedral"
    inside_run = (j < run[1] and _capitalised(sdoc[j])) or (i > run[0] and _capitalised(
        sdoc[i - 1]))
    located = bool(labels & {"GPE", "LOC", "FAC"})
    if key in stop and (not located or inside_run):
        return None
    dateline = _dateline(sdoc, i, j, run)
    if first.is_sent_start and j - i == 1 and first.pos_ != "PROPN" and not (
            located or dateline):
        return None
    entries = gaz.lookup_key(key)
    if not entries:
        return None
    in_region = _followed_by_region(sdoc, text, gaz, j)
    cue = dateline or in_region or _preceded_by_cue(sdoc, i) or hint is not None or (
        _listed_with_place(sdoc, i, j, entity))
    compact = surface.replace(".", "")
    acronym = " " not in surface and (surface.isupper() or not compact[1:].islower())
    short = (acronym and len(compact) <= 5 and not dateline) or surface.startswith("-")
    if short and not any(e.feature in ("country", "admin1", "region") for e in entries):
        return None  # "APC", "UN", "MoD": only a country or region written short ("US")
    ent = next((entity[k] for k in range(i, j) if entity[k] is not None), None)
    embedded = inside_run or (ent is not None and (ent[0] < i or ent[1] > j)
                              and ent[2] not in ("GPE", "LOC", "FAC"))
    in_person = ent is not None and ent[2] == "PERSON" and (ent[0] < i or ent[1] > j)
    if in_person and not any(e.feature == "country" for e in entries):
        return None  # part of a person's name: "Mary Fallin", "Mario Diaz-Balart"
    if (located and not embedded) or dateline:
        pass
    elif key in anchored:
        if i > 0 and sdoc[i - 1].lower_.rstrip(".") in TITLES:
            return None
    elif embedded:
        if not (prominence(entries, embedded_population) or hint == "admin"):
            return None
    else:
        if _person_like(sdoc, i, j) and not prominence(entries, embedded_population):
            return None
        if key in names and not prominence(entries, embedded_population) and not in_region:
            return None
        threshold = min_population
        if labels:
            threshold = person_population if "PERSON" in labels else embedded_population
        if not (prominence(entries, threshold) or cue):
            return None
        if not labels and not any(sdoc[k].pos_ == "PROPN" for k in range(i, j)) and not cue:
            return None
    return Mention(first.idx, last.idx + len(last.text), key, entries,
                   label=ent[2] if ent else "", hint=hint, cue=cue, embedded=embedded, token=i,
                   placed=in_region or dateline,
                   qualified=j < len(sdoc) and sdoc[j].text in (",", "("))
