"""Breakdowns: the figures that are parts of another figure of the same sentence.

A number is a part of an earlier figure (:func:`_breakdown_parent`) when, after the last
casualty word between them, only "among them", "among whom", "including" or "of whom" comes
before it ("14 people were killed, among them four children"); when it is the next item of a
list of parts ("including two civilians and four police officers"); and, the gap from the
figure being at most 90 characters, when the gap ends with a breakdown marker of the lexicon
(and at most a few listed words: "29 people, including 10 foreigners"), when "of whom", "of
them" or "among them" follows the number, or when its noun is in apposition and the gap opens
an aside (",", "(", "–", ":").

Once all figures are found (:func:`_with_parts`, in text order): figures listed right after
a figure of the same sentence whose sum is that figure are its parts ("six people, two
Turkish nationals and four Somalis, were killed"); each total takes the civilians and
combatants of its parts, unless the parts add up to more than the total (and it is not
vague): then they are not a breakdown, and stand alone.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.stages.extract.counts_lexicon import Lexicon

if TYPE_CHECKING:
    from sitrep.stages.extract.counts_figures import Figure
    from sitrep.stages.extract.numbers import Quantity

_LIST_GAP = re.compile(r"[\w\s'.-]*?(?:,|\band\b|,\s*and)\s*", re.IGNORECASE)
_ASIDE_GAP = re.compile(r"[\w\s'.-]*(?:,|\(|–|—|:|\s-)\s*", re.IGNORECASE)


def _breakdown_parent(
    text: str, q: Quantity, figures: list[Figure], sent: tuple[int, int], lex: Lexicon,
    trigger_chars: list[tuple[int, int]], appositive: bool,
) -> int | None:
    """Index of the earlier figure this quantity breaks down, if any."""
    parts: list[Figure] = []
    for index in range(len(figures) - 1, -1, -1):
        fig = figures[index]
        if fig.sentence != sent or fig.end > q.start:
            continue
        if fig.kind == "part":
            parts.append(fig)
            continue
        inside = [e for s, e in trigger_chars if s >= fig.end and e <= q.start]
        if inside:
            # "14 people were killed, among them four children": only after the last trigger
            tail = text[max(inside):q.start].lower()
            if not re.fullmatch(r"\s*,?\s*(?:among them|among whom|including|of whom)\s+", tail):
                return None
            return index
        if parts:
            # the next item of a list of parts: "two civilians and four police officers"
            gap = text[parts[0].end:q.start]
            return index if _LIST_GAP.fullmatch(gap) and parts[0].parent == index else None
        gap = text[fig.end:q.start]
        if len(gap) > 90:
            return None
        gap_low = gap.lower()
        ends = [gap_low.rfind(m) + len(m) for m in lex.breakdown if m in gap_low]
        if ends and re.fullmatch(
            r"[\s,]*(?:[\w'-]+(?:\s+[\w'-]+){0,6}\s*(?:,|\band\b)\s*){0,4}"
            r"(?:(?:the|a|an|some|at least)\s+)?", gap_low[max(ends):]
        ):
            return index  # the marker ends the gap: "29 people, including 10 foreigners"
        after = text[q.end:q.end + 20].lower()
        if re.match(r"\s+(?:of whom|of them|among them)\b", after):
            return index
        if appositive and _ASIDE_GAP.fullmatch(gap):
            return index
        return None
    return None


def _with_parts(figures: list[Figure], text: str) -> list[Figure]:
    """Fill each total's civilians/combatants from its parts (when they fit inside it)."""
    ordered = sorted(enumerate(figures), key=lambda item: (item[1].start, item[0]))
    remap = {old: new for new, (old, _f) in enumerate(ordered)}
    out = [
        replace(f, parent=remap[f.parent]) if f.parent is not None else f for _i, f in ordered
    ]
    _appositive_lists(out, text)
    for index, fig in enumerate(out):
        parts = [i for i, f in enumerate(out) if f.parent == index]
        if not parts:
            continue
        civilians = sum(out[i].civilians or 0 for i in parts)
        combatants = sum(out[i].combatants or 0 for i in parts)
        total = sum(out[i].best for i in parts)
        if total > fig.best and fig.qualifier != "vague":
            # the "parts" are more than the whole: not a breakdown, and not figures either
            for i in parts:
                out[i] = replace(out[i], parent=None)
            continue
        out[index] = replace(
            fig,
            parts=tuple(parts),
            civilians=civilians if civilians else fig.civilians,
            combatants=combatants if combatants else fig.combatants,
        )
    return out


def _appositive_lists(figures: list[Figure], text: str) -> None:
    """"Six people, two Turkish nationals and four Somalis, were killed": figures listed right
    after a figure of the same sentence, whose sum is that figure, are its parts."""
    for index, fig in enumerate(figures):
        if fig.kind == "part" or fig.qualifier == "vague":
            continue
        chain: list[int] = []
        total = 0
        prev_end = fig.end
        for j in range(index + 1, len(figures)):
            nxt = figures[j]
            if nxt.sentence != fig.sentence or nxt.kind == "part":
                break
            gap = text[prev_end:nxt.start]
            pattern = _ASIDE_GAP if not chain else _LIST_GAP
            if not pattern.fullmatch(gap) or len(gap) > 60:
                break
            chain.append(j)
            total += nxt.best
            prev_end = nxt.end
            if total >= fig.best:
                break
        if len(chain) >= 2 and total == fig.best:
            for j in chain:
                part = figures[j]
                figures[j] = replace(
                    part, kind="part", parent=index, category=fig.category,
                    trigger=fig.trigger, source=fig.source, status=fig.status,
                )

