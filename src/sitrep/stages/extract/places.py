"""The ``extract.places.v1`` stage: every toponym, resolved to a GeoNames place.

Candidates come from :mod:`sitrep.stages.extract.places_candidates` (gazetteer matches over
capitalised runs, with spaCy's labels used only as evidence). Each is then resolved among
the places bearing its name in two passes:

1. a prior from population, feature type (a country beats a village of the same name),
   capital status, whether the name is the place's main name (or a close spelling of the main
   name of a city of 500,000+ people five times the size of any place of exactly that name:
   "Odessa" is Odesa), and type words ("the X region");
2. the same plus the article's context: the countries its unambiguous places and demonyms
   name, the first-level divisions it names (states, provinces, and the states of its
   counties: a town in the state the article is about wins, in proportion to that state's
   share of the mentions, unless the name is also a city of 500,000+ people ten times its
   size: "Portland" in a Texan story is still Oregon's), the "Springfield, Illinois"
   pattern ("X, Y" or "X (Y)" only: "from China. U.S. officials" is no qualifier), and the
   distance to the other towns of the article (a place near them is more likely; countries,
   regions and national capitals are no anchors for this, a capital being as often its
   government as a place).

A hamlet (under 1,000 people) read only through one of GeoNames' other names, or a small
town (under 10,000) read only through a spelling that is not its main name, in a story that
names its country nowhere else, is no reading: the toponym stays unresolved. Unresolved
toponyms stay in ``mentions.places`` with null coordinates. The helper
:func:`event_location` gives later stages the place that governs an event's sentence with an
ACLED-style precision.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from sitrep.gazetteer import Entry, Gazetteer, load
from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import EventLocation, Place, Span
from sitrep.stages.extract.places_candidates import Mention, find_mentions

NAME = "extract.places.v1"
MAX_CANDIDATES = 25
BIG_CITY = 500_000
"""A town this size keeps its name against the state pull of a namesake ten times smaller."""

DWARFS = 5
"""A big city a name spells closely is read as its main name when it is this many times
larger than every place of exactly that name."""

SAME_AREA = 0.8
"""Bonus for a country or first-level division another name of the article stands for."""

WEAK_NAME_POPULATION = 1_000
"""A town known by the name only through a name that is no spelling of its own (GeoNames'
other names) and smaller than this, or only through a close spelling ("West Coast" for
"West Coast Village") and ten times this, is a reading only in a story that names its
country."""

FAR_KM = 2_000
"""A city below ``BIG_CITY`` read through any name but its main one, in a country the story
names nowhere else, is no reading when it lies this far from every other place of the story
("Boni" as Bonn in a story about Mali)."""

FEATURE_PRIOR = {"country": 0.9, "admin1": 0.5, "admin2": 0.2, "populated_place": 0.0,
                 "region": 0.7, "other": 0.6}


def _distance_km(a: Entry, b: Entry) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Resolver:
    """Scores the gazetteer entries of each mention; see the module docstring."""

    def __init__(self, gaz: Gazetteer, config: dict[str, Any]) -> None:
        self.gaz = gaz
        self.context_weight = float(config.get("context_weight", 0.6))
        self.distance_weight = float(config.get("distance_weight", 0.3))
        self.population_weight = float(config.get("population_weight", 0.6))
        self.rounds = int(config.get("rounds", 2))
        # pull of the first-level divisions the article names, by their share of its mentions
        self.state_weight = float(config.get("state_weight", 0.4))

    def prior(self, mention: Mention, entry: Entry) -> float:
        score = FEATURE_PRIOR[entry.feature]
        if entry.feature == "populated_place":
            score += self.population_weight * math.log10(entry.population + 1) / 7
        if entry.capital:
            score += 0.3
        if entry.match == 2 or entry.row in mention.spelled or (
                mention.key + " city" == _key(entry.name) and not mention.names_country):
            # "Mexico" is the country, not "Mexico City"; "Quebec" may be "Quebec City";
            # "Odessa" is Odesa, a city of a million, not a Texan town a tenth its size
            score += 0.2
        elif entry.match == 1:
            score += 0.05
        else:
            score -= 0.3
        if (entry.feature == "populated_place" and entry.population < 100_000
                and mention.has_area):
            score -= 0.5  # "Egypt", "Atlantic": a country, region or sea, not the village
        if entry.feature in ("admin1", "admin2") and entry.country in mention.big_city:
            score -= 0.35
        if mention.hint == "admin":
            score += 0.4 if entry.feature in ("admin1", "admin2", "region") else -0.1
        if entry.lat is None:
            score -= 1.0
        return score

    def resolve(self, mentions: list[Mention], demonyms: Counter[str]) -> list[Entry | None]:
        """The chosen entry of each mention (None: unresolved); its confidence goes in
        ``mention.context["score"]``."""
        pools = {m.key: _pool(m.entries) for m in mentions if m.entries}
        keys = sorted(k for k, pool in pools.items() if pool)
        by_key = {m.key: m for m in mentions if m.entries}
        for key in keys:
            by_key[key].big_city = _big_city_over_region(pools[key])
            by_key[key].has_area = any(
                (e.feature in ("country", "admin1") and e.match == 2)
                or (e.feature in ("region", "other") and e.match > 0) for e in pools[key])
            by_key[key].names_country = any(
                e.feature == "country" and e.match == 2 for e in pools[key])
            by_key[key].spelled = _spelled_big_cities(key, pools[key])
        priors = {k: [self.prior(by_key[k], e) for e in pools[k]] for k in keys}
        counts = Counter(m.key for m in mentions if m.entries)
        state = {k: _best(pools[k], priors[k]) for k in keys}
        for _ in range(self.rounds):
            state = {k: _best(pools[k], self._scores(k, pools, priors, state, counts, demonyms))
                     for k in keys}
        chosen: list[Entry | None] = []
        for n, mention in enumerate(mentions):
            if mention.key not in state:
                chosen.append(None)
                continue
            entry, margin = state[mention.key]
            if n and (area := _qualifier(mentions[n - 1], mention, pools, state)) is not None:
                entry, margin = area, 1.0  # "Tacoma, Washington": the state, not the capital
            follower = self._follower(mentions, state, n)
            if n + 1 < len(mentions):
                follower = _qualifier(mention, mentions[n + 1], pools, state) or follower
            if follower is not None:
                scores = self._scores(mention.key, pools, priors, state, counts, demonyms)
                pool = pools[mention.key]
                scores = [s + _follows(e, follower) for s, e in zip(scores, pool, strict=True)]
                entry, margin = _best(pool, scores)
            if _unsupported(entry, mention.key, state, demonyms):
                chosen.append(None)  # "Sahara": no Yemeni hamlet with it as an other name
                continue
            mention.context["score"] = round(min(1.0, 0.5 + margin / 2), 3)
            chosen.append(entry)
        return chosen

    def _scores(self, key: str, pools: dict[str, list[Entry]], priors: dict[str, list[float]],
                state: dict[str, tuple[Entry, float]], counts: Counter[str],
                demonyms: Counter[str]) -> list[float]:
        """Scores of the entries for ``key`` given the other names' current choices."""
        countries: defaultdict[str, float] = defaultdict(float)
        for iso, n in demonyms.items():
            countries[iso] += 0.5 * n
        admin1: defaultdict[tuple[str | None, str], float] = defaultdict(float)
        others: dict[int, Entry] = {}
        named: set[int] = set()  # places another name of the article already stands for
        for other, (entry, margin) in state.items():
            if other == key:
                continue
            if margin > 0.3:
                named.add(entry.row)
            weight = counts[other] * (1.0 if margin > 0.3 else 0.3)
            if entry.country:
                countries[entry.country] += weight
            if entry.feature == "admin1":
                admin1[(entry.country, entry.name)] += weight
            elif entry.feature == "admin2" and entry.admin1:
                admin1[(entry.country, entry.admin1)] += weight  # "Tarrant County" says Texas
            others[entry.row] = entry
        total = sum(countries.values()) or 1.0
        states = sum(admin1.values()) or 1.0
        # anchors for nearness are places, not areas: the middle of a country or a sea says
        # nothing about where in it a story is; a national capital is as often its
        # government ("Washington said") as a place
        near = [e for e in others.values()
                if not e.capital and e.feature not in ("country", "region", "other")]
        country_name = any(  # "China" is no town in a Texan story
            e.feature == "country" and e.match == 2 for e in pools[key])
        # the name of a big city ("Portland", "Louisville"): a state's pull does not make it
        # a small namesake town of that state
        big = max((e.population for e in pools[key]
                   if e.feature == "populated_place" and e.match > 0), default=0)
        if big < BIG_CITY:
            big = 0
        scores = []
        for entry, prior in zip(pools[key], priors[key], strict=True):
            score = prior
            if entry.country and countries.get(entry.country):
                score += self.context_weight * (0.15 + 0.5 * countries[entry.country] / total)
            elif entry.country is None:
                score += self.context_weight * 0.15
            share = admin1.get((entry.country, entry.admin1 or ""), 0.0) / states
            dwarfed = big and entry.population < big / 10
            if share and entry.feature != "admin1" and not country_name and not dwarfed:
                score += 0.2 + self.state_weight * share
            score += self.distance_weight * _nearness(entry, near)
            if entry.feature in ("country", "admin1") and entry.row in named:
                score += SAME_AREA  # "Wash." ... "Washington": the state named twice
            scores.append(score)
        return scores

    @staticmethod
    def _follower(mentions: list[Mention], state: dict[str, tuple[Entry, float]],
                  n: int) -> Entry | None:
        """The place right after ``X, `` or ``X (`` ("Springfield, Illinois"), if it is a
        region."""
        if n + 1 >= len(mentions) or mentions[n + 1].key not in state:
            return None
        nxt = mentions[n + 1]
        entry = state[nxt.key][0]
        if (not mentions[n].qualified or nxt.start - mentions[n].end > 3
                or entry.feature not in ("country", "admin1")):
            return None
        return entry


def _qualifier(place: Mention, after: Mention, pools: dict[str, list[Entry]],
               state: dict[str, tuple[Entry, float]]) -> Entry | None:
    """The first-level division ``after`` names when it qualifies the town named right before
    it ("Tacoma, Washington", "Portland, Maine"): one of its readings holds one of the town's
    readings. None when ``after`` does not follow closely or the first name is an area."""
    if (not place.qualified or place.key not in state or after.key not in state
            or after.start - place.end > 3):
        return None
    if state[place.key][0].feature in ("country", "admin1"):
        return None
    towns = [e for e in pools[place.key] if e.feature in ("populated_place", "admin2")]
    for area in pools[after.key]:
        if area.feature == "admin1" and any(
            t.admin1 == area.name and t.country == area.country for t in towns
        ):
            return area
    return None


def _unsupported(entry: Entry, key: str, state: dict[str, tuple[Entry, float]],
                 demonyms: Counter[str]) -> bool:
    """A small town read through a name that is none of its spellings (or a small town read
    through a spelling other than its main name), or a city below ``BIG_CITY`` read through
    any name but its main one ``FAR_KM`` from every other place of the story, when the
    story names its country nowhere else: no reading at all is safer."""
    if entry.feature != "populated_place" or entry.match == 2:
        return False
    others = [other for k, (other, _) in state.items() if k != key]
    if demonyms.get(entry.country or "") or any(o.country == entry.country for o in others):
        return False
    if entry.population < WEAK_NAME_POPULATION * (10 if entry.match else 1):
        return True
    # another spelling or name of a city below the big ones, far from every place the story
    # names ("Boni" read as Bonn in a story whose places are all in Mali): the story is
    # elsewhere, about a place the gazetteer does not have
    placed = [o for o in others if o.lat is not None]
    return entry.population < BIG_CITY and entry.lat is not None and bool(placed) and all(
        _distance_km(entry, o) > FAR_KM for o in placed)


def _pool(entries: list[Entry]) -> list[Entry]:
    """The candidates worth scoring: every area, and the most populous towns."""
    towns = [e for e in entries if e.feature == "populated_place"][:MAX_CANDIDATES]
    return [e for e in entries if e.feature != "populated_place"] + towns


def _best(pool: list[Entry], scores: list[float]) -> tuple[Entry, float]:
    """The best-scoring entry and its margin over the runner-up (1.0 when alone)."""
    order = sorted(range(len(pool)), key=lambda i: -scores[i])
    margin = scores[order[0]] - scores[order[1]] if len(order) > 1 else 1.0
    return pool[order[0]], margin


def _follows(entry: Entry, follower: Entry) -> float:
    """Bonus for ``entry`` being inside the region named right after it."""
    if entry.feature in ("country", "admin1"):
        return 0.0
    if follower.feature == "country":
        return 1.0 if entry.country == follower.country else 0.0
    if entry.admin1 == follower.name:
        return 1.2
    if entry.country == follower.country and _distance_km(entry, follower) < 400:
        return 0.8
    return 0.0


def _spelled_big_cities(key: str, pool: list[Entry]) -> frozenset[int]:
    """Rows of the cities of 500,000+ people whose main name ``key`` spells closely (see
    :func:`_close_spelling`: "Odessa" for Odesa) and that are at least ``DWARFS`` times the
    largest place of exactly that name (Odessa, Texas): news that writes a big city's name a
    little differently still means the big city."""
    exact = max((e.population for e in pool if e.match == 2), default=0)
    return frozenset(
        e.row for e in pool
        if e.feature == "populated_place" and e.match == 1 and e.population >= BIG_CITY
        and e.population >= DWARFS * exact and _close_spelling(key, _key(e.name))
    )


def _close_spelling(a: str, b: str) -> bool:
    """Two spellings apart only in doubled consonants ("odessa", "odesa") or in one letter
    inside the word ("kharkov", "kharkiv"); a letter added or changed at either end makes
    another word ("adena", "aden")."""
    if _undoubled(a) == _undoubled(b):
        return True
    if len(a) > len(b):
        a, b = b, a
    if not a or len(b) - len(a) > 1 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    rest = k + 1 if len(a) == len(b) else k  # one letter changed, or one letter inserted
    return a[rest:] == b[k + 1:]


def _undoubled(name: str) -> str:
    """``name`` with each doubled consonant written once ("hannover" -> "hanover")."""
    return "".join(ch for k, ch in enumerate(name)
                   if k == 0 or ch != name[k - 1] or ch in "aeiouy")


def _big_city_over_region(pool: list[Entry]) -> tuple[str, ...]:
    """Countries where the name is both a city of 500,000+ people and a region around it:
    news means the city ("New York", "Baghdad", "Donetsk") unless it says "region"."""
    cities = [e for e in pool if e.feature == "populated_place" and e.population >= 500_000
              and e.match > 0]
    return tuple({c.country for c in cities for e in pool
                  if e.feature in ("admin1", "admin2") and e.country == c.country
                  and c.country and _distance_km(c, e) < 300})


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    from sitrep.gazetteer import normalize

    return normalize(name)


def _nearness(entry: Entry, others: list[Entry]) -> float:
    """0..1: how close ``entry`` is to the other places of the article; a country or a
    first-level division is close when it contains one of them."""
    if not others:
        return 0.0
    if entry.feature == "country":
        return 1.0 if any(o.country == entry.country for o in others) else 0.0
    if entry.feature == "admin1" and any(
        o.admin1 == entry.name and o.country == entry.country for o in others
    ):
        return 1.0
    nearest = min(_distance_km(entry, other) for other in others)
    if nearest < 50:
        return 1.0
    if nearest < 200:
        return 0.7
    if nearest < 600:
        return 0.35
    return 0.0


class PlacesStage:
    """Find the toponyms of each document and resolve them; sets ``mentions.places``."""

    name = NAME

    def __init__(self, config: dict[str, Any]) -> None:
        self.gaz = load(config)
        self.resolver = Resolver(self.gaz, config)
        self.min_population = int(config.get("min_population", 20_000))
        self.embedded_population = int(config.get("embedded_population", 100_000))
        self.person_population = int(config.get("person_population", 500_000))

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:
            doc.warn(NAME, "no_parse", "no spaCy parse (run nlp.spacy.v1 first); no places")
            return doc
        mentions, demonyms = find_mentions(doc.nlp, self.gaz, self.min_population,
                                           self.embedded_population, self.person_population)
        chosen = _localise(self.gaz, self.resolver.resolve(mentions, demonyms))
        doc.places = [_place(doc.text, m, e) for m, e in zip(mentions, chosen, strict=True)]
        doc.user_data[NAME] = {
            "countries": dict(demonyms),
            "tokens": [m.token for m in mentions],
        }
        unresolved = sum(e is None for e in chosen)
        if unresolved:
            doc.warn(NAME, "unresolved_places",
                     f"{unresolved} toponym(s) not in the gazetteer, kept without coordinates")
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def _localise(gaz: Gazetteer, chosen: list[Entry | None]) -> list[Entry | None]:
    """Move places with only a rough position (a US county at its state's middle) to the
    middle of the article's towns in the same first-level division, when it names some, or
    else to the town of their name in that division ("Orange County" -> Orange, California)."""
    towns: dict[tuple[str | None, str], list[Entry]] = {}
    for entry in chosen:
        if entry is not None and entry.feature == "populated_place" and entry.admin1:
            towns.setdefault((entry.country, entry.admin1), []).append(entry)
    out: list[Entry | None] = []
    for entry in chosen:
        if entry is None or not entry.coarse:
            out.append(entry)
            continue
        near = towns.get((entry.country, entry.admin1 or ""))
        town = gaz.namesake.get(entry.row)
        if near:
            lats = sorted(t.lat for t in near if t.lat is not None)
            lons = sorted(t.lon for t in near if t.lon is not None)
            entry = entry._replace(lat=lats[len(lats) // 2], lon=lons[len(lons) // 2])
        elif town is not None:
            entry = entry._replace(lat=gaz.lat[town], lon=gaz.lon[town])
        out.append(entry)
    return out


def _place(text: str, mention: Mention, entry: Entry | None) -> Place:
    span = Span.of(text, mention.start, mention.end)
    if entry is None:
        return Place(span=span, name=span.text, feature="other", score=0.0)
    return Place(
        span=span, name=entry.name, geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon,
        country=entry.country, admin1=entry.admin1, feature=entry.feature,
        score=float(mention.context.get("score", 0.5)),
    )


@register(NAME, requires=["doc.nlp"], assigns=["mentions.places"], config="places")
def make_places(config: dict[str, Any]) -> PlacesStage:
    """Toponyms resolved to GeoNames places with coordinates (``mentions.places``)."""
    return PlacesStage(config)


# --- the event-location helper ----------------------------------------------------------

NEAR_WORDS = frozenset({"near", "outside", "around", "outskirts", "close", "nearby", "north",
                        "south", "east", "west", "northeast", "northwest", "southeast",
                        "southwest", "km", "kilometres", "kilometers", "miles", "border"})
PRECISION = {"populated_place": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3,
             "other": 3}


def _names_an_actor(doc: Document, place: Place) -> bool:
    """True when the mention is (part of) a state, organisation or armed group that the actors
    stage found: "Baku said", "Armenia's armed formations"."""
    return any(
        actor.span.start <= place.span.start
        and place.span.end <= actor.span.end
        and actor.kind in ("state", "organisation", "armed_group")
        for actor in doc.actors
    )


def event_location(doc: Document, sentence: tuple[int, int],
                   trigger: tuple[int, int]) -> EventLocation | None:
    """The place that governs an event, with ACLED-style precision (1 town, 2 near a town or
    part of a region, 3 a larger region).

    The resolved place of the event's sentence nearest the trigger wins, a town before a
    region, and a place named as an actor ("Baku said", "Moscow's attack": a government, not
    where it happened) only when the sentence has no other; without one in the sentence, the
    last resolved place before it (precision one step coarser), again passing over places
    named as actors while there is another. None when the document has no resolved place
    before the event.
    """
    resolved = [p for p in doc.places if p.lat is not None]
    if not resolved:
        return None
    inside = [p for p in resolved if sentence[0] <= p.span.start and p.span.end <= sentence[1]]
    located = [p for p in inside if not _names_an_actor(doc, p)]
    inside = located or inside
    if inside:
        def rank(place: Place) -> tuple[int, int]:
            distance = min(abs(place.span.start - trigger[1]), abs(trigger[0] - place.span.end))
            return (0 if place.feature in ("populated_place", "admin2") else 1, distance)

        place = min(inside, key=rank)
        precision = PRECISION[place.feature]
        before = doc.text[max(sentence[0], place.span.start - 25):place.span.start].lower()
        if precision == 1 and any(word in before.split() for word in NEAR_WORDS):
            precision = 2
        return EventLocation(place=place, precision=precision)
    earlier = [p for p in resolved if p.span.end <= sentence[0]]
    if not earlier:
        return None
    # the last place named as a place, not as an actor ("... allegedly organised by Armenia")
    place = next((p for p in reversed(earlier) if not _names_an_actor(doc, p)), earlier[-1])
    return EventLocation(place=place, precision=min(3, PRECISION[place.feature] + 1))
