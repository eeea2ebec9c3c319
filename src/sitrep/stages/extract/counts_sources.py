"""Who a sentence attributes its casualty figures to, and how firmly.

The source is the subject of a speech verb of the sentence ("the ministry said"; not a pronoun,
not a phrase with a number, not a verb whose object is "responsibility", "credit" or "attack":
that is a claim of the attack, not of the toll): of those above the figure's casualty word in
the parse the nearest ("the ministry said 40 were killed, while the rebels said four were"
gives each figure its own source), else the first of the sentence; with no such verb, the
phrase after "according to". A subject longer than 15 tokens keeps its last 15. The status is
``reported``, or ``alleged`` / ``denied`` when the sentence holds a word of the lexicon's lists
(a speech verb that alleges, "claimed", makes its figure alleged too).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from sitrep.stages.extract.counts_lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

Status = Literal["reported", "alleged", "denied"]


def _source(sent: SpacySpan, trig_tok: Token | None, lex: Lexicon) -> tuple[
    tuple[int, int] | None, Status
]:
    """Who the sentence attributes its figures to, and how firmly."""
    status: Status = "reported"
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if lemmas & lex.alleged:
        status = "alleged"
    if lemmas & lex.denied:
        status = "denied"
    candidates: list[Token] = []
    for tok in sent:
        if tok.lemma_.lower() in lex.speech_verbs and tok.pos_ in {"VERB", "AUX"}:
            objects = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"}
            if objects & {"responsibility", "credit", "attack"}:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON" and not any(
                t.like_num for t in subj.subtree
            ):
                candidates.append(tok)
    if trig_tok is not None:
        # the nearest speech verb above the casualty word: "the ministry said 40 were
        # killed, while the rebels said four were" gives each figure its own source
        order = {a.i: n for n, a in enumerate(trig_tok.ancestors)}
        governing = sorted((c for c in candidates if c.i in order), key=lambda c: order[c.i])
        if governing:
            candidates = governing
    for tok in candidates:
        subj = next(c for c in tok.children if c.dep_ == "nsubj")
        left, right = subj.left_edge.i, subj.right_edge.i
        if right - left > 14:
            left = right - 14
        first, last = sent.doc[left], sent.doc[right]
        if tok.lemma_.lower() in lex.alleged and status == "reported":
            status = "alleged"
        return (first.idx, last.idx + len(last)), status
    text = sent.text
    match = re.search(r"\baccording to\s+", text, re.IGNORECASE)
    if match:
        start = sent.start_char + match.end()
        span = sent.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None:
            tok = span[0]
            pobj = tok if tok.dep_ == "pobj" else None
            if pobj is None:
                head = tok
                while head.dep_ != "pobj" and head.head.i != head.i and head.i >= span.start:
                    head = head.head
                pobj = head if head.dep_ == "pobj" else tok
            right = min(pobj.right_edge.i, pobj.left_edge.i + 14)
            last = sent.doc[right]
            return (start, last.idx + len(last)), status
    return None, status

