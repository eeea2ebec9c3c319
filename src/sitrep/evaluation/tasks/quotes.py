"""The ``quotes`` eval task: attribution (source, cue, content) on PolNeAR-style gold.

A predicted quote matches a gold attribution when their contents overlap by at least half of
the longer one (gold discontinuous contents count only their fragments), one-to-one, best
overlap first. Among matches, the source and cue are correct when their spans overlap (both
null also counts as correct for the source). The ``exact_*`` variants ask for identical
spans (ignoring surrounding white space).
"""

from __future__ import annotations

import importlib.util
from typing import Any

from sitrep.evaluation.framework import Metrics, task
from sitrep.evaluation.matching import prf
from sitrep.schema import ArticleResult, Quote


def _stages() -> tuple[str, ...]:
    """spaCy, actors (when that stage exists, for speaker ids) and quotes."""
    actors = importlib.util.find_spec("sitrep.stages.extract.actors") is not None
    return ("nlp.spacy.v1", *(("extract.actors.v1",) if actors else ()), "extract.quotes.v1")


STAGES = _stages()
Range = tuple[int, int]


def _gold_ranges(span: dict[str, Any] | None) -> list[Range]:
    if not span:
        return []
    fragments = span.get("fragments")
    if fragments:
        return [(int(s), int(e)) for s, e in fragments if int(e) > int(s)]
    start, end = int(span["start"]), int(span["end"])
    return [(start, end)] if end > start else []


def _size(ranges: list[Range]) -> int:
    return sum(e - s for s, e in ranges)


def _overlap(a: list[Range], b: list[Range]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _stripped(text: str, start: int, end: int) -> Range:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def match_attributions(
    gold: list[list[Range]], pred: list[list[Range]], threshold: float = 0.5
) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) pairs whose overlap is at least ``threshold`` of the longer."""
    pairs: list[tuple[float, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            inter = _overlap(g, p)
            if not inter:
                continue
            ratio = inter / max(_size(g), _size(p), 1)
            if ratio >= threshold:
                pairs.append((ratio, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _ratio, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return sorted(out)


def _ranges(span: Any) -> list[Range]:
    return [(span.start, span.end)] if span is not None and span.end > span.start else []


@task(
    "quotes",
    stages=STAGES,
    description="attribution P/R/F1 (content overlap >= 50%), source and cue accuracy",
    headline=["attribution_f1", "source_accuracy", "cue_accuracy"],
)
def score_quotes(records: list[dict[str, Any]], results: list[ArticleResult]) -> Metrics:
    """Attribution P/R/F1 (content overlap >= 50%), source and cue accuracy."""
    n_gold = n_pred = tp = exact_tp = 0
    src_ok = cue_ok = exact_src = exact_cue = 0
    by_kind: dict[str, list[int]] = {}
    for record, result in zip(records, results, strict=True):
        text: str = record["text"]
        gold = [a for a in record["gold"].get("attributions", []) if _gold_ranges(a.get("content"))]
        quotes: list[Quote] = result.mentions.quotes
        g_ranges = [_gold_ranges(a["content"]) for a in gold]
        p_ranges = [[(q.content.start, q.content.end)] for q in quotes]
        n_gold += len(gold)
        n_pred += len(quotes)
        for q in quotes:
            by_kind.setdefault(q.kind, [0, 0])[1] += 1
        for i, j in match_attributions(g_ranges, p_ranges):
            tp += 1
            g, q = gold[i], quotes[j]
            by_kind[q.kind][0] += 1
            g_content = g["content"]
            if _stripped(text, g_content["start"], g_content["end"]) == _stripped(
                text, q.content.start, q.content.end
            ):
                exact_tp += 1
            g_src, p_src = _gold_ranges(g.get("source")), _ranges(q.speaker.span)
            if (not g_src and not p_src) or _overlap(g_src, p_src):
                src_ok += 1
            if (g_src and p_src and _stripped(text, g_src[0][0], g_src[-1][1]) == _stripped(
                text, p_src[0][0], p_src[0][1]
            )) or (not g_src and not p_src):
                exact_src += 1
            g_cue, p_cue = _gold_ranges(g.get("cue")), _ranges(q.cue)
            if (not g_cue and not p_cue) or _overlap(g_cue, p_cue):
                cue_ok += 1
            if g_cue and p_cue and _stripped(text, g_cue[0][0], g_cue[-1][1]) == _stripped(
                text, p_cue[0][0], p_cue[0][1]
            ):
                exact_cue += 1
    p, r, f = prf(tp, n_pred, n_gold)
    ep, er, ef = prf(exact_tp, n_pred, n_gold)
    metrics: Metrics = {
        "attribution_precision": round(p, 4),
        "attribution_recall": round(r, 4),
        "attribution_f1": round(f, 4),
        "source_accuracy": round(src_ok / tp, 4) if tp else 0.0,
        "cue_accuracy": round(cue_ok / tp, 4) if tp else 0.0,
        "exact_precision": round(ep, 4),
        "exact_recall": round(er, 4),
        "exact_f1": round(ef, 4),
        "exact_source_accuracy": round(exact_src / tp, 4) if tp else 0.0,
        "exact_cue_accuracy": round(exact_cue / tp, 4) if tp else 0.0,
        "gold": n_gold,
        "predicted": n_pred,
        "matched": tp,
    }
    for kind, (matched, total) in sorted(by_kind.items()):
        metrics[f"{kind}_precision"] = round(matched / total, 4) if total else 0.0
    return metrics
