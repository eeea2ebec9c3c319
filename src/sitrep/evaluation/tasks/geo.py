"""The ``geo`` eval task: toponym recognition and resolution on ``gold/geo`` (GWN, LGL, TR-News).

Predictions (``mentions.places``) and gold toponyms are paired one-to-one within each
document, exact spans first, then largest overlap. Micro-averaged over the file:

- recognition P/R/F1, *exact* (same start and end) and *overlap* (one shared character);
  the GWN gold set leaves out the kinds Literal_Expression, Non_Lit_Expression and
  Non_Toponym; ``recall_coords`` is the overlap recall over gold toponyms with coordinates;
- ``lenient_precision``: a prediction overlapping any annotation is not a false positive;
- ``overlap_f1_nouns`` / ``overlap_recall_nouns``: overlap scores with demonyms and country
  adjectives ("Sudanese") left out of the gold set, since sitrep treats them as country
  context rather than places (the issue's contract), while GWN and LGL annotate them;
- resolution over gold toponyms with coordinates: ``acc161`` end to end (unrecognised or
  unresolved counts as wrong), ``acc161_resolved`` and ``median_km`` over the matched and
  resolved ones (``resolved`` gives their count), ``country_accuracy`` (ISO codes; the GWN
  gold country comes from the gold GeoNames id in the gazetteer) and ``geonameid_accuracy``.
"""

from __future__ import annotations

import statistics
from functools import lru_cache
from typing import Any

from sitrep.evaluation.framework import Metrics, task
from sitrep.evaluation.matching import haversine_km, match_spans, prf
from sitrep.schema import ArticleResult

NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
ADJECTIVAL = frozenset({"Demonym", "Language", "Homonym"})
ACCURATE_KM = 161.0


def is_toponym(annotation: dict[str, Any]) -> bool:
    """True for the annotations the recognition gold set counts (all but three GWN kinds)."""
    return annotation.get("kind") not in NOT_TOPONYMS


@lru_cache(maxsize=1)
def _country_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(GeoNames id -> ISO3, normalised country name -> ISO3) from the gazetteer."""
    from sitrep.gazetteer import load, normalize

    gaz = load()
    by_id: dict[str, str] = {}
    for index, gid in enumerate(gaz.geonameid):
        iso = gaz.countries[gaz.country[index]]
        if gid > 0 and iso:
            by_id[str(gid)] = iso
    by_name = {normalize(gaz.names[i]): iso for iso, i in gaz.country_entry.items()}
    for key, indexes in gaz.keys.items():
        for i in indexes:
            if gaz.feature[i] == 0:
                by_name.setdefault(key, gaz.countries[gaz.country[i]])
    return by_id, by_name


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    from sitrep.gazetteer.build import load_demonyms

    return frozenset(load_demonyms())


def is_adjectival(annotation: dict[str, Any]) -> bool:
    """A demonym or country adjective ("Sudanese", "Russian"): sitrep keeps these as country
    context, not as places, so ``*_nouns`` metrics leave them out of the gold set."""
    from sitrep.gazetteer import normalize

    return annotation.get("kind") in ADJECTIVAL or normalize(str(annotation["text"])) in (
        _demonyms())


def gold_country(annotation: dict[str, Any]) -> str | None:
    """The ISO3 country of a gold toponym: its ``country`` name, else its GeoNames id's."""
    from sitrep.gazetteer import normalize

    by_id, by_name = _country_tables()
    if annotation.get("country"):
        return by_name.get(normalize(str(annotation["country"])))
    if annotation.get("geonameid"):
        return by_id.get(str(annotation["geonameid"]))
    return None


def score_geo(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    """Recognition and resolution scores of ``mentions.places`` against gold toponyms."""
    n_gold = n_pred = exact = overlap = lenient_ok = 0
    n_nouns = overlap_nouns = pred_adjectival = 0
    n_coords = coords_found = resolved = accurate = 0
    country_n = country_ok = id_n = id_ok = 0
    errors: list[float] = []
    for record, result in zip(records, results, strict=True):
        annotations = record["gold"].get("toponyms", [])
        gold = [a for a in annotations if is_toponym(a)]
        pred = result.mentions.places
        n_gold += len(gold)
        n_pred += len(pred)
        spans = [(p.span.start, p.span.end) for p in pred]
        matches = match_spans([(int(g["start"]), int(g["end"])) for g in gold], spans)
        exact += sum(m.exact for m in matches)
        overlap += len(matches)
        adjectival = [is_adjectival(g) for g in gold]
        n_nouns += adjectival.count(False)
        overlap_nouns += sum(not adjectival[m.gold] for m in matches)
        pred_adjectival += sum(adjectival[m.gold] for m in matches)
        everything = [(int(a["start"]), int(a["end"])) for a in annotations]
        lenient_ok += sum(
            any(min(e, s[1]) > max(b, s[0]) for b, e in everything) for s in spans
        )
        matched = {m.gold: pred[m.pred] for m in matches}
        for i, annotation in enumerate(gold):
            if annotation.get("lat") is None or annotation.get("lon") is None:
                continue
            n_coords += 1
            place = matched.get(i)
            if place is None:
                continue
            coords_found += 1
            if place.lat is None or place.lon is None:
                continue
            resolved += 1
            error = haversine_km(float(annotation["lat"]), float(annotation["lon"]),
                                 place.lat, place.lon)
            errors.append(error)
            accurate += error <= ACCURATE_KM
            iso = gold_country(annotation)
            if iso is not None:
                country_n += 1
                country_ok += place.country == iso
            if annotation.get("geonameid"):
                id_n += 1
                id_ok += place.geonameid == str(annotation["geonameid"])
    ep, er, ef = prf(exact, n_pred, n_gold)
    op, orr, of = prf(overlap, n_pred, n_gold)
    _, nr, nf = prf(overlap_nouns, n_pred - pred_adjectival, n_nouns)
    return {
        "exact_precision": ep,
        "exact_recall": er,
        "exact_f1": ef,
        "overlap_precision": op,
        "overlap_recall": orr,
        "overlap_f1": of,
        "overlap_f1_nouns": nf,
        "overlap_recall_nouns": nr,
        "lenient_precision": lenient_ok / n_pred if n_pred else 0.0,
        "recall_coords": coords_found / n_coords if n_coords else 0.0,
        "acc161": accurate / n_coords if n_coords else 0.0,
        "acc161_resolved": accurate / resolved if resolved else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
        "country_accuracy": country_ok / country_n if country_n else 0.0,
        "geonameid_accuracy": id_ok / id_n if id_n else 0.0,
        "resolved": resolved,
        "gold": n_gold,
        "gold_coords": n_coords,
        "predicted": n_pred,
    }


task(
    "geo",
    stages=["nlp.spacy.v1", "extract.places.v1"],
    description="toponym recognition P/R/F1 and resolution acc@161 km (gold/geo)",
    headline=["overlap_f1", "exact_f1", "acc161", "acc161_resolved", "median_km"],
)(score_geo)
