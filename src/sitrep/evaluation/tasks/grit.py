"""GRIT's document-level role-filler entity metric, as the ``muc4`` task scores it.

GRIT (Du, Cardie & Rush, EACL 2021; gold/events/README.md) scores each role apart. A predicted
filler is a string normalised by :func:`normalise` (lower case, no punctuation, no articles,
single spaces); a gold entity is the set of its alternative mentions in the record's
``gold.extracts``, normalised the same way. The matched count of a role is the size of a
maximum one-to-one matching of predicted strings to gold entities, a string matching an entity
when it is one of its alternatives (CEAF with 0/1 similarities); the ``muc4`` task
(:mod:`sitrep.evaluation.tasks.muc4`) pools the counts of all roles into micro P/R/F1.
"""

from __future__ import annotations

import re
import string
from typing import Any

_PUNCT = re.compile(f"[{re.escape(string.punctuation)}]")


def normalise(text: str) -> str:
    """GRIT's string normalisation: lower case, no punctuation, no articles, single spaces."""
    text = _PUNCT.sub("", text.lower())
    return " ".join(w for w in text.split() if w not in ("a", "an", "the"))


def _max_matching(pred: list[str], gold: list[set[str]]) -> int:
    """Size of a maximum one-to-one matching (Hungarian/CEAF with 0/1 similarities)."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g, alts in enumerate(gold):
            if g in seen or pred[p] not in alts:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(pred)))


def _gold_entities(record: dict[str, Any], role: str) -> list[set[str]]:
    entities = record["gold"].get("extracts", {}).get(role, [])
    return [{normalise(m[0]) for m in entity} for entity in entities]

