"""Shared scoring helpers: one-to-one span matching, precision/recall/F1, great-circle distance."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Match:
    gold: int
    pred: int
    exact: bool


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> list[Match]:
    """Pair gold and predicted spans one-to-one: exact matches first, then largest overlap.

    This is the matching the gold READMEs specify for places and times (and, with a
    threshold applied by the caller, for quotes).
    """
    matches: list[Match] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    by_span: dict[tuple[int, int], list[int]] = {}
    for j, span in enumerate(pred):
        by_span.setdefault(span, []).append(j)
    for i, span in enumerate(gold):
        for j in by_span.get(span, []):
            if j not in used_pred:
                matches.append(Match(i, j, True))
                used_gold.add(i)
                used_pred.add(j)
                break
    pairs = [
        (overlap(g, p), i, j)
        for i, g in enumerate(gold)
        if i not in used_gold
        for j, p in enumerate(pred)
        if j not in used_pred and overlap(g, p) > 0
    ]
    for _size, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if i in used_gold or j in used_pred:
            continue
        matches.append(Match(i, j, False))
        used_gold.add(i)
        used_pred.add(j)
    return sorted(matches, key=lambda m: m.gold)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of mean Earth radius 6371.0 km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
