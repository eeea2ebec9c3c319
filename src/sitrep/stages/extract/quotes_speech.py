"""Speech verbs in the parse, for ``extract.quotes.v1``: one attribution per verb.

A verb of ``data/quotes/verbs.tsv`` (or, outside it, a verb with a person or organisation
subject and a finite "that" clause) outside quote marks becomes a :class:`Relation`: its cue,
the speaker of :mod:`.quotes_speakers` and the content slot of :mod:`.quotes_content`, with the
word-order cases of the verb itself ("..., X said", "A, X said, B", 'X said, "..."', agentless
passives and evidential hedges). A verb used for a physical act ("militants attacked the base")
is no cue.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.stages.extract.quotes_content import (
    GENERIC_VERB,
    adverbial,
    host_tokens,
    passive_content,
    sourcing_remark,
    verb_content,
    whole_clause,
    without_trailing_adjunct,
)
from sitrep.stages.extract.quotes_context import Context, Range, Relation, trim
from sitrep.stages.extract.quotes_lexicon import Lexicon, SpeechVerb
from sitrep.stages.extract.quotes_marks import MarkedSpan
from sitrep.stages.extract.quotes_speakers import (
    dateline_end,
    left_subject,
    past_dateline,
    speaker_like,
    speaker_of,
    speaker_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_DATELINE_ENDS = frozenset({"—", "--", "―", ":", ";"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _parenthetical(ctx: Context, verb: Token, subject: Token) -> Range | None:
    """'Even if ..., Mr. Smith said, he has ...': the sentence around a comma-flanked "X said"."""
    sd = ctx.sd
    first = min(t.i for t in subject.subtree)
    if verb.i + 1 >= len(sd) or sd[verb.i + 1].text != "," or first == 0:
        return None
    if sd[first - 1].text != ",":
        return None
    if verb.i + 2 < len(sd) and sd[verb.i + 2].tag_ == "VBG" and sd[verb.i + 2].head == verb:
        return None  # "A, X said, adding that B": the verb's own adjunct, not the sentence
    sent = verb.sent
    par = ctx.paragraph(verb.idx)
    before = trim(ctx, [i for i in range(sent.start, first - 1)
                        if ctx.paragraph(sd[i].idx) == par])
    after = trim(ctx, [i for i in range(verb.i + 2, sent.end)
                       if ctx.paragraph(sd[i].idx) == par])
    if before is None or after is None:
        return None
    return before[0], after[1]


def _cue_range(tok: Token) -> Range:
    start, end = tok.idx, tok.idx + len(tok.text)
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            end = child.idx + len(child.text)
    return start, end


_LEAD_DEPS = frozenset({"dative", "prt", "advmod", "npadvmod", "prep", "dobj"})


def _quote_follows(ctx: Context, verb: Token) -> MarkedSpan | None:
    """'he said, "..."', 'told reporters: "..."': a quote mark opens right after the verb and
    its short right dependents, after a comma or colon."""
    sd = ctx.sd
    skip: set[int] = set()
    for child in verb.children:
        if child.i > verb.i and child.dep_ in _LEAD_DEPS:
            sub = [t.i for t in child.subtree]
            if len(sub) <= 8:
                skip.update(sub)
    i = verb.i + 1
    while i < len(sd) and i in skip:
        i += 1
    if i >= len(sd) or sd[i].text not in (",", ":"):
        return None
    i += 1
    while i < len(sd) and sd[i].is_space:
        i += 1
    if i >= len(sd):
        return None
    return next((mark for mark in ctx.marks if mark.start == sd[i].idx), None)


# the events lexicon's classes of things that are no content of speech: armed forces, weapons,
# structures and territory ("militants attacked the base", "jets blasted the bridge")
_CONCRETE_CLASSES = ("combatant", "weapon", "facility", "military_site", "territory")


@lru_cache(maxsize=1)
def _concrete_words() -> frozenset[str]:
    from sitrep.stages.extract.events_lexicon import default_lexicon

    lex = default_lexicon()
    return frozenset().union(*(lex.cls(name) for name in _CONCRETE_CLASSES))


def concrete(word: Token) -> bool:
    """An armed force, a weapon, a structure or territory ("militants", "base", "mortar")."""
    return word.lemma_.lower() in _concrete_words() or word.lower_ in _concrete_words()


def _physical_act(tok: Token) -> bool:
    """Is ``tok``, a verb that also names a physical act ("attacked", "blasted", "defended"),
    used for one? Its subject, agent or object is an armed force, a weapon, a structure or
    territory, its object is a place, or it acts "with" a weapon."""
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and concrete(child):
            return True
        if child.dep_ == "dobj" and child.ent_type_ in ("GPE", "LOC", "FAC"):
            return True  # "Israel attacked Gaza"
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "with") and any(
            g.dep_ == "pobj" and concrete(g) for g in child.children
        ):
            return True  # "was attacked by militants", "blasted the bridge with explosives"
    return False


def _generic_cue(ctx: Context, tok: Token, lemma: str) -> SpeechVerb | None:
    """'She groused that ...', 'they resent that ...': a verb outside ``verbs.tsv`` (and
    ``nonverbs.tsv``) with a person or organisation subject, no object and a finite "that"
    clause with its own subject after it reports that speaker's words or thought."""
    if lemma in ctx.lex.nonverbs or tok.pos_ != "VERB":
        return None
    children = list(tok.children)
    if any(c.dep_ in ("auxpass", "nsubjpass", "dobj", "dative") for c in children):
        return None  # "made it clear that", "told them that": an object changes the frame
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is None or not speaker_like(subject, ctx.lex):
        return None
    for child in children:
        if child.dep_ != "ccomp" or child.i < tok.i or adverbial(child):
            continue
        marks = [g for g in child.children if g.dep_ == "mark"]
        if not marks or marks[0].lower_ != "that":
            continue
        if not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in child.children):
            continue
        if child.tag_ in _FINITE or any(
            g.dep_ in ("aux", "auxpass") and g.tag_ in _FINITE for g in child.children
        ):
            return GENERIC_VERB
    return None


def _a_thing(subject: Token, lex: Lexicon) -> bool:
    """An action, plan or law (``things.tsv``), which wants, plans or threatens nothing."""
    return subject.pos_ == "NOUN" and not subject.ent_type_ and subject.lemma_.lower() in lex.things


def _mistagged_verb(tok: Token) -> bool:
    """'"...," the editorial read.': a speech verb the tagger took for a noun, though it heads
    the sentence and takes a clause, which no noun does."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and any(
        c.dep_ == "ccomp" for c in tok.children
    )


def _speaker_before_verb(verb: Token, subject: Token | None) -> Token | None:
    """'A killed at least 12 people, regional governor X said' parsed with "people" as the
    subject of "said" and X as a conjunct: the noun phrase right before a speech verb that
    follows its content, set off by a comma and neither the parsed subject nor in apposition or
    conjunction with it, is the speaker."""
    if subject is None or subject.i > verb.i:
        return None
    sd = verb.doc
    j = verb.i - 1
    while j > 0 and sd[j].head.i == verb.i and sd[j].dep_ in ("aux", "neg", "advmod"):
        j -= 1
    cand = sd[j]
    while cand.dep_ == "compound" and cand.i < cand.head.i < verb.i:
        cand = cand.head
    if cand.pos_ not in ("PROPN", "NOUN") or cand.i == subject.i or (
        cand.dep_ in ("appos", "conj", "compound") and cand.head.i == subject.i
    ):
        return None  # "X, the governor, said", "X and Y said": the parsed subject is right
    first = cand.left_edge.i
    if first <= subject.i or sd[first - 1].text != ",":
        return None
    return cand


def verb_relations(ctx: Context) -> dict[int, Relation]:
    """An attribution for each speech verb outside quote marks, keyed by the verb's index."""
    out: dict[int, Relation] = {}
    for index, lemma in enumerate(ctx.lemmas):
        tok = ctx.sd[index]
        entry = ctx.lex.verbs.get(lemma) or _generic_cue(ctx, tok, lemma)
        if entry is None:
            continue
        mistagged = _mistagged_verb(tok)
        if tok.pos_ != "VERB" and not mistagged:
            continue
        if ctx.in_mark(tok.idx) is not None:
            continue
        if entry.physical and _physical_act(tok):
            continue  # "militants attacked the base": an act, not speech
        if any(c.dep_ == "auxpass" for c in tok.children) and not any(
            c.dep_ == "agent" for c in tok.children
        ):
            clause = whole_clause(ctx, tok, True) if entry.passive else None
            if clause is not None:  # "the senator is expected to win": nobody's, the clause
                out[tok.i] = Relation(
                    cue=_cue_range(tok), speaker=None, speaker_head=None, content=clause,
                    status="alleged", verb=tok.i,
                )
                continue
            passive = passive_content(ctx, tok, lemma)
            if passive is not None:  # "she was asked about X", "X was seen as Y": nobody's
                out[tok.i] = Relation(
                    cue=_cue_range(tok), speaker=None, speaker_head=None, content=passive,
                    status=entry.status, verb=tok.i,
                )
            continue
        if tok.dep_ == "amod" and tok.i > 0 and ctx.sd[tok.i - 1].text == "-":
            continue  # "the so-called 'operation'", "a self-proclaimed leader": a modifier
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(
            c.dep_ == "agent" for c in tok.children
        ):
            continue  # "a show called X", "the plan announced Monday": a modifier, not speech
        if entry.clause:
            clause = whole_clause(ctx, tok)
            if clause is not None:  # "the plan seems to work": nobody's, the clause
                out[tok.i] = Relation(
                    cue=_cue_range(tok), speaker=None, speaker_head=None, content=clause,
                    status=entry.status, verb=tok.i,
                )
            continue
        content_tokens = verb_content(tok, ctx.lex, lemma, entry) or host_tokens(
            tok, ctx.lex, lemma
        )
        if content_tokens and sourcing_remark(ctx, content_tokens):
            ctx.muted.update(content_tokens)  # "who requested anonymity", "declined to be
            continue  # named": how the source is quoted, not what it said
        content: Range | None = None
        around: Range | None = None
        speaker_tok: Token | None = None
        follows = _quote_follows(ctx, tok)
        if follows is not None:
            content_tokens = None  # 'X said, "..."': the quote is the content
            content = (follows.start, follows.end)
        if content_tokens:
            content_tokens = [i for i in content_tokens if i != tok.i]
            subject = speaker_of(tok)
            around = _parenthetical(ctx, tok, subject) if subject is not None else None
            if around is not None and min(content_tokens) < tok.i:
                content_tokens = []  # "A, X said, B": the whole sentence
            elif content_tokens and max(content_tokens) < tok.i:
                # "..., X said": the content is all of the sentence before the attribution
                first = min(content_tokens)
                sent_start = ctx.sd[first].sent.start
                par = ctx.paragraph(tok.idx)
                first = max(first, ctx.token_at(ctx.pars[par][0]))
                while (
                    first > sent_start
                    and ctx.paragraph(ctx.sd[first - 1].idx) == par
                    and ctx.lowers[first - 1] not in _DATELINE_ENDS
                ):
                    first -= 1
                dash = dateline_end(ctx, tok)  # "KYIV, May 3 (Wire) - A, X said": not the
                if dash is not None and first <= dash < max(content_tokens):  # dateline
                    first = dash + 1
                content_tokens = list(range(first, max(content_tokens) + 1))
                moved = _speaker_before_verb(tok, subject)
                if moved is not None:  # the content runs up to the speaker's comma
                    speaker_tok = moved
                    content_tokens = list(range(first, moved.left_edge.i - 1))
            elif content_tokens and min(content_tokens) < tok.i < max(content_tokens):
                # "A, the group said, compared with B": one side, without the attribution
                subject = speaker_of(tok)
                cut = min([tok.i, *(t.i for t in subject.subtree)] if subject else [tok.i])
                left = [i for i in content_tokens if i < cut]
                right = [i for i in content_tokens if i > tok.i]
                content_tokens = left if len(left) >= len(right) else right
            par = ctx.paragraph(tok.idx)  # a parse run across a paragraph break stops there
            content_tokens = [
                i for i in content_tokens
                if ctx.paragraph(ctx.sd[i].idx) == par or ctx.in_mark(ctx.sd[i].idx) is not None
            ]
            content = trim(ctx, without_trailing_adjunct(ctx, content_tokens)) or around
        subject = speaker_tok or speaker_of(tok) or left_subject(tok)
        if subject is None and mistagged:
            subject = next((c for c in reversed(list(tok.lefts))
                            if c.dep_ in ("nsubj", "amod", "compound", "nmod")), None)
        if subject is not None:
            subject = past_dateline(ctx, subject, tok)
        if subject is not None and subject.lower_ in ("'s", "’s", "us"):
            continue  # "let's say"
        if entry.status is None and subject is not None and _a_thing(subject, ctx.lex):
            continue  # "the operation aims to", "tensions threaten to": no one's wish or plan
        if subject is None and tok.dep_ == "ROOT" and tok.tag_ == "VB":
            continue  # "Tell me ...", "Consider the ...": an imperative, nobody's attribution
        if content is None and subject is not None:
            content = around = _parenthetical(ctx, tok, subject)
        # "A, X said, B": the speaker sits inside the content's outer bounds
        speaker = (
            speaker_span(ctx, subject, None if content == around else content, tok.i)
            if subject is not None else None
        )
        out[tok.i] = Relation(
            cue=_cue_range(tok),
            speaker=speaker[0] if speaker else None,
            speaker_head=speaker[1] if speaker else None,
            content=content,
            status=entry.status,
            verb=tok.i,
        )
    return {i: r for i, r in out.items() if i not in ctx.muted}
