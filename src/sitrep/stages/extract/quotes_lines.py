"""Attributions read off a whole line, for ``extract.quotes.v1``: title-case headlines split
at an inflected speech verb ("Senator Slams Plan To ..."), where the parse is unreliable, and
"Speaker: content" lines (a headline "Poll: ..." or a transcript "SMITH: ...", not a rubric of
``rubrics.tsv``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.quotes_context import (
    QUOTE_CHARS,
    Context,
    Relation,
    snap,
    trim,
    verb_lemma,
)
from sitrep.stages.extract.quotes_speech import concrete

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak",
              "thought": "think", "knew": "know", "saw": "see", "heard": "hear",
              "found": "find", "sought": "seek", "led": "lead", "gave": "give"}
_HEADLINE_STOPS = frozenset({"–", "—", "-", "--", ":", ",", ";", ".", "!", "?", "|"})
_HEADLINE_SKIP = frozenset({"just", "now", "also", "finally", "still", "again", "reportedly"})
_HEADLINE_NOT_SOURCE = frozenset(
    {"after", "before", "in", "on", "to", "for", "with", "at", "by", "is", "are", "was", "were",
     "has", "have", "had", "will", "would", "could", "can", "got", "get", "that", "who", "these",
     "this", "why", "how", "what", "when", "if"}
)
_HEADLINE_END = frozenset({"as", "amid", "while", "after", "despite", "because", "with", "in"})


def _headline_verb(ctx: Context, word: str) -> str | None:
    """The lexicon verb of an inflected title-case word ("Slams", "Endorsed", "Says")."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower] if _IRREGULAR[lower] in ctx.lex.verbs else None
    if not lower.endswith(("s", "ed")) or lower.endswith("ss"):
        return None
    return verb_lemma(lower, ctx.lex.verbs)


def _physical_headline(sd: SpacyDoc, source: list[int], start: int, stop: int) -> bool:
    """A headline verb used for a physical act: the last word of its source or of its object
    (the words from ``start`` up to a preposition or "to") is an armed force, a weapon, a
    structure or territory ("Militants Attacked Army Base"; not "Army Chief Slams Plan To
    Close The Border")."""
    end = start
    while end < stop and sd[end].pos_ not in ("ADP", "PART") and sd[end].lower_ != "to":
        end += 1
    return concrete(sd[max(source)]) or (end > start and concrete(sd[end - 1]))


def headline_relations(ctx: Context) -> list[Relation]:
    """ "Senator Slams Plan To Close The Border": in a title-case headline (the first line),
    the words before an inflected speech verb are the source, the words after it up to a dash,
    colon or comma the content (the parse of such lines is unreliable)."""
    if not ctx.pars:
        return []
    start, end = ctx.pars[0]
    words = ctx.text[start:end].split()
    if not words or len(words) > 30:
        return []
    capital = [w for w in words if w[:1].isalpha()]
    if len(capital) < 4 or sum(w[:1].isupper() for w in capital) < 0.8 * len(capital):
        return []
    sd = ctx.sd
    first, last = ctx.token_at(start), ctx.token_at(end)
    out: list[Relation] = []
    seg = first  # the segment of the line the verb is in starts here
    i = first
    while i < last:
        tok = sd[i]
        if tok.text in _HEADLINE_STOPS:
            seg = i + 1
            i += 1
            continue
        lemma = _headline_verb(ctx, tok.text) if tok.text[:1].isupper() else None
        if lemma is None or i == seg or ctx.in_mark(tok.idx) is not None:
            i += 1
            continue
        src = [j for j in range(seg, i) if sd[j].lower_ not in _HEADLINE_SKIP]
        j = i + 1
        verb = ctx.lex.verbs[lemma]
        cue_end = i
        while j < last and sd[j].lower_ in (*verb.preps, "about", "on", "up", "out"):
            cue_end = j
            j += 1
        stop = j
        while stop < last and not (
            (sd[stop].text in _HEADLINE_STOPS and sd[stop - 1].whitespace_)
            or (stop > j + 1 and sd[stop].lower_ in _HEADLINE_END)
        ):
            stop += 1
        source, content = trim(ctx, src), trim(ctx, list(range(j, stop)))
        if (
            source is None or content is None or not src or len(src) > 6 or stop - j < 2
            or any(sd[k].lower_ in _HEADLINE_NOT_SOURCE for k in src)
            or (sd[j].pos_ == "ADP" or sd[j].lower_ == "to")
            or (verb.physical and _physical_headline(sd, src, j, stop))
        ):
            i += 1
            continue
        out.append(Relation(cue=(tok.idx, sd[cue_end].idx + len(sd[cue_end].text)),
                            speaker=source, speaker_head=max(src), content=content,
                            status=verb.status))
        i = stop
    return out


def colon_relations(ctx: Context) -> list[Relation]:
    """ "Speaker: content" lines: a headline ("Poll: ...") or a transcript ("SMITH: ...")."""
    out: list[Relation] = []
    for number, (start, end) in enumerate(ctx.pars):
        line = ctx.text[start:end]
        colon = line.find(": ")
        if colon <= 0:
            continue
        lead = 1 if line[0] in QUOTE_CHARS else 0
        label = line[lead:colon]
        words = label.split()
        if not words or any(ch.isdigit() for ch in label) or label.lower() in ctx.lex.rubrics:
            continue  # "BREAKING: ...", "A: ...": a rubric, not a speaker
        if number == 0 and len(line.split()) <= 30:
            if len(words) > 4 or not all(w[0].isupper() for w in words if w[0].isalpha()):
                continue
        elif len(words) > 3 or not label.replace(" ", "").replace(".", "").isupper():
            continue
        head = None
        for i in range(ctx.token_at(start + lead), len(ctx.sd)):
            tok = ctx.sd[i]
            if tok.idx >= start + colon:
                break
            if tok.pos_ in ("PROPN", "NOUN") or tok.text.isupper():
                head = i
            elif tok.lower_ not in ("of", "the", ".", "-", "'s", "’s"):
                head = None  # "Stealth Over Health: ...": a title, not a speaker
                break
        if head is None:
            continue
        content = snap(ctx, (start + colon + 1, end))
        if content[1] <= content[0]:
            continue
        out.append(
            Relation(
                cue=(start + colon, start + colon + 1),
                speaker=(start + lead, start + colon),
                speaker_head=head,
                content=content,
                status="reported",
                kind="direct" if number else "indirect",
                transcript=number > 0,
            )
        )
    return out
