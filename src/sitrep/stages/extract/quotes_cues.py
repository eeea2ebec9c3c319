"""Cue words other than verbs, for ``extract.quotes.v1``.

Cue nouns with a "that" clause, infinitive or prepositional object ("Russia's claim that ...",
"his criticism of X", ``nouns.tsv``), stance adjectives after a copula ("X is confident that
...", ``adjectives.tsv``), cue phrases ("according to X", "as reported by X", ``cues.tsv``) and a
sentence-initial "In <poll, survey, report ...>," (``evidence.tsv``): each a :class:`Relation`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.quotes_context import Context, Range, Relation, trim
from sitrep.stages.extract.quotes_lexicon import CueWord
from sitrep.stages.extract.quotes_speakers import speaker_of, speaker_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_LIGHT_VERBS = frozenset(
    {"make", "issue", "offer", "express", "voice", "raise", "deliver", "give", "have", "repeat",
     "renew", "reiterate", "launch", "level", "air", "share", "put", "release", "post"}
)


def _noun_content(ctx: Context, tok: Token, cue: CueWord) -> list[int] | None:
    """The content slot of a cue noun: a "that" clause, an infinitive or a preposition's object."""
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return [t.i for t in child.subtree]
        if cue.inf and child.dep_ in ("acl", "relcl") and any(
            g.dep_ == "aux" and g.tag_ == "TO" for g in child.children
        ):
            return [t.i for t in child.subtree]
        if child.dep_ == "prep" and child.lower_ in cue.preps:
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return [t.i for o in objs for t in o.subtree]
    return None


def _noun_owner(tok: Token) -> Token | None:
    """Who holds the noun's content: "Russia's claim", "a Times report", "claims by X", or the
    subject of a light verb ("X made the case that ...")."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if names:
        return names[-1]
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _LIGHT_VERBS:
        return speaker_of(tok.head)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        return speaker_of(tok.head.head)  # "X voted in favor of Y", "X acted in hopes of Y"
    return None


def noun_relations(ctx: Context) -> list[Relation]:
    """ "Russia's claim that ...", "his criticism of X", "a call to ...": a cue noun
    (``nouns.tsv``) with its content slot; the possessor is the speaker, else nobody."""
    out: list[Relation] = []
    for index, lemma in enumerate(ctx.lemmas):
        cue = ctx.lex.nouns.get(lemma)
        if cue is None:
            continue
        tok = ctx.sd[index]
        if tok.pos_ != "NOUN" or ctx.in_mark(tok.idx) is not None or index in ctx.muted:
            continue
        tokens = _noun_content(ctx, tok, cue)
        if not tokens:
            continue
        content = trim(ctx, tokens)
        if content is None:
            continue
        owner = _noun_owner(tok)
        speaker = None
        if owner is not None:
            speaker = trim(ctx, list(range(min(t.i for t in owner.subtree), owner.i + 1)))
        out.append(
            Relation(
                cue=(tok.idx, tok.idx + len(tok.text)),
                speaker=speaker,
                speaker_head=owner.i if owner is not None and speaker is not None else None,
                content=content, status=cue.status,
            )
        )
    return out


def adjective_relations(ctx: Context) -> list[Relation]:
    """ "X is confident that ...", "Y was critical of Z": a stance adjective (``adjectives.tsv``)
    after a copula; the copula's subject is the speaker ("it is clear that" is left out)."""
    out: list[Relation] = []
    for index, lower in enumerate(ctx.lowers):
        cue = ctx.lex.adjectives.get(lower)
        if cue is None:
            continue
        tok = ctx.sd[index]
        made = tok.dep_ in ("ccomp", "oprd", "xcomp") and tok.head.lemma_.lower() == "make"
        if tok.pos_ != "ADJ" or not (tok.dep_ == "acomp" or made):
            continue  # "X is clear that ...", "X made (it) clear that ..."
        if ctx.in_mark(tok.idx) is not None:
            continue
        copula = tok.head
        tokens: list[int] | None = None
        for child in [*tok.children, *(c for c in copula.children if c.i > tok.i)]:
            if child.i > tok.i and (child.dep_ == "ccomp" or (made and child.dep_ == "advcl")):
                tokens = [t.i for t in child.subtree]
                break
            if cue.inf and child.dep_ == "xcomp" and child.head.i == tok.i:
                tokens = [t.i for t in child.subtree]
                break
            if child.dep_ == "prep" and child.head.i == tok.i and child.lower_ in cue.preps:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    tokens = [t.i for o in objs for t in o.subtree]
                    break
        content = trim(ctx, tokens) if tokens else None
        if content is None:
            continue
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ == "it":
            continue  # "it is clear that ...": mostly the writer's own voice
        speaker = speaker_span(ctx, subject, content, copula.i)
        out.append(
            Relation(
                cue=(tok.idx, tok.idx + len(tok.text)),
                speaker=speaker[0] if speaker else None,
                speaker_head=speaker[1] if speaker else None,
                content=content, status=cue.status, verb=None,
            )
        )
    return out


def _swallowed(tokens: list[int], head: Token, sent: Span) -> list[int]:
    """'According to X, the move reeks of ...' parsed with the clause inside the source's
    noun phrase: the source of a sentence-initial cue running to the end of its sentence
    stops at its first comma."""
    doc = head.doc
    if any(not (doc[i].is_punct or doc[i].is_space) for i in range(max(tokens) + 1, sent.end)):
        return tokens
    comma = next((i for i in tokens if i > head.i and doc[i].text == ","), None)
    return tokens if comma is None else [i for i in tokens if i < comma]


def cue_relations(ctx: Context) -> list[Relation]:
    """Attributions from cue phrases: "according to X", "as reported by X"."""
    out: list[Relation] = []
    sd = ctx.sd
    lowers = ctx.lowers
    for phrase, status in ctx.lex.cues.items():
        n = len(phrase)
        for i in range(len(sd) - n + 1):
            if lowers[i] != phrase[0] or tuple(lowers[i : i + n]) != phrase:
                continue
            if ctx.in_mark(sd[i].idx) is not None:
                continue
            last = sd[i + n - 1]
            sent = sd[i].sent
            objs = [c for c in last.children if c.dep_ in ("pobj", "dobj")]
            if objs:
                src_tokens = [t.i for o in objs for t in o.subtree]
                if i == sent.start:
                    src_tokens = _swallowed(src_tokens, objs[0], sent)
            else:
                src_tokens = []
                for j in range(i + n, min(sent.end, i + n + 8)):
                    if sd[j].is_punct:
                        break
                    src_tokens.append(j)
            source = trim(ctx, src_tokens) if src_tokens else None
            src_end_tok = max(src_tokens) + 1 if src_tokens else i + n
            par = ctx.paragraph(sd[i].idx)
            before = [j for j in range(sent.start, i) if ctx.paragraph(sd[j].idx) == par]
            after = [j for j in range(src_end_tok, sent.end) if ctx.paragraph(sd[j].idx) == par]
            content_tokens = before if len(before) >= len(after) else after
            content = trim(ctx, content_tokens)
            if content is None:
                continue
            head = objs[0].i if objs else (src_tokens[0] if src_tokens else None)
            out.append(
                Relation(
                    cue=(sd[i].idx, last.idx + len(last.text)),
                    speaker=source,
                    speaker_head=head,
                    content=content,
                    status=status,
                )
            )
    return out


def _host_clause(ctx: Context, first: int, last: int) -> Range | None:
    """The rest of the sentence around the cue tokens ``first``..``last`` in its paragraph:
    the longer side."""
    sd = ctx.sd
    sent = sd[first].sent
    par = ctx.paragraph(sd[first].idx)
    before = [j for j in range(sent.start, first) if ctx.paragraph(sd[j].idx) == par]
    after = [j for j in range(last + 1, sent.end) if ctx.paragraph(sd[j].idx) == par]
    return trim(ctx, before if len(before) >= len(after) else after)


def evidence_relations(ctx: Context) -> list[Relation]:
    """ "In the latest poll, X leads": "in" with a record of findings (``evidence.tsv``) as its
    object; that noun phrase is the source, the rest of the sentence the content."""
    out: list[Relation] = []
    for index, lower in enumerate(ctx.lowers):
        if lower != "in":
            continue
        tok = ctx.sd[index]
        if tok.dep_ != "prep" or ctx.in_mark(tok.idx) is not None:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or ctx.lemmas[obj.i] not in ctx.lex.evidence:
            continue
        source_tokens = [t.i for t in obj.subtree]
        last = max(source_tokens)
        if index != tok.sent.start or last + 1 >= len(ctx.sd) or ctx.lowers[last + 1] != ",":
            continue  # only a sentence-initial "In the poll, ...": "leads in the polls" is not
        host = tok.head
        speaker = next((c for c in host.children if c.dep_ == "nsubj"), None)
        if ctx.lemmas[host.i] in ctx.lex.verbs and speaker is not None and not (
            speaker.ent_type_ in ("PERCENT", "CARDINAL")
            or any(c.dep_ == "nummod" for c in speaker.children)
        ):
            continue  # "In its report, the UN said ...": the UN's attribution, not the report's
        content = _host_clause(ctx, index, last)
        source = trim(ctx, source_tokens)
        if content is None or source is None:
            continue
        out.append(Relation(cue=(tok.idx, tok.idx + len(tok.text)), speaker=source,
                            speaker_head=obj.i, content=content, status="reported"))
    return out
