"""Speakers of ``extract.quotes.v1``: who says it, in the parse and as a record.

In the parse, the speaker of a speech verb is its subject, a passive's agent or the noun a
relative or participle clause hangs on (:func:`subject`), else the noun phrase right before a
finite verb parsed without one (:func:`left_subject`); :func:`speaker_span` cuts that noun
phrase to the sentence and paragraph. :func:`speakers` turns each attribution's speaker into a
:class:`~sitrep.schema.Speaker`: an actor of ``extract.actors`` where one is there, pronouns
("he said") and definite role nouns ("the diplomat", ``data/quotes/speakers.tsv``) taking the
most recent compatible named speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.pipeline.document import Document
from sitrep.schema import Actor, Span, Speaker
from sitrep.stages.extract.actors import actor_at
from sitrep.stages.extract.quotes_context import Context, Range, Relation, contiguous, trim
from sitrep.stages.extract.quotes_lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "it", "we", "their", "its"})
_DOCUMENT_NOUNS = frozenset(
    {"statement", "communique", "communiqué", "release", "report", "letter", "note", "post",
     "tweet", "message", "spokesman", "spokeswoman", "spokesperson"}
)
_SPEAKER_DEPS = ("nsubj",)
_CUT_DEPS = frozenset({"relcl", "acl", "punct"})
_SPEAKER_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who"})
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})

# -- speakers in the parse ---------------------------------------------------------------


def _subtree(tok: Token, exclude_deps: frozenset[str] = frozenset()) -> list[int]:
    out = [tok.i]
    for child in tok.children:
        if child.dep_ in exclude_deps:
            continue
        out.extend(t.i for t in child.subtree)
    return out


def speaker_of(tok: Token) -> Token | None:
    """The speaker of the speech verb ``tok``: its subject, a passive's agent, or inherited."""
    current = tok
    for _ in range(3):
        for child in current.children:
            if child.dep_ in _SPEAKER_DEPS and not child.is_punct:
                # (a closing guillemet the parser made the subject: '«...,» the commander said')
                if child.tag_ in ("WP", "WDT") and current.dep_ == "relcl":
                    return child  # "who said": the relative pronoun (its antecedent's actor)
                if child.lower_ in ("there",):
                    return None
                return child
        for child in current.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in (
            "PROPN", "NOUN"
        ):
            return _issuer(current.head)  # "Smith, saying ...", "ads urging ..."; not
            # "people accused of"
        if current.dep_ in ("conj", "advcl", "xcomp") and current.head is not current:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "responded by saying ..."
            continue
        return None
    return None


def _issuer(noun: Token) -> Token:
    """'X issued a statement saying ...': a document noun with no owner of its own speaks for
    whoever issued it, the subject of the verb it is the object of."""
    if noun.lemma_.lower() not in _DOCUMENT_NOUNS or noun.dep_ != "dobj" or any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by", "of"))
        for c in noun.children
    ):
        return noun
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("it", "that", "which"):
        return noun
    return subject


_DATELINE_DASHES = frozenset({"—", "--", "―", "–", "-"})


def dateline_end(ctx: Context, verb: Token) -> int | None:
    """The dash that ends a dateline opening the verb's paragraph ("WASHINGTON (AP) —",
    "KHARKIV, May 3 (Wire) -"), if there is one before the verb."""
    sd = ctx.sd
    start = ctx.token_at(ctx.pars[ctx.paragraph(verb.idx)][0])
    for j in range(start + 1, min(start + 10, verb.i)):
        if sd[j].text in _DATELINE_DASHES and sd[j - 1].whitespace_:
            before = sd[j - 1]
            return j if before.text == ")" or before.text.isupper() else None  # not "R-Tex."
    return None


def past_dateline(ctx: Context, subject: Token, verb: Token) -> Token:
    """'WASHINGTON (AP) — The senator said ...' parsed with the dateline as the subject: the
    speaker is the noun phrase between the dateline's dash and the verb."""
    dash = dateline_end(ctx, verb)
    if dash is None or subject.i > dash:
        return subject
    inside = range(dash + 1, verb.i)
    for j in inside:
        if ctx.sd[j].head.i not in inside and ctx.sd[j].pos_ in ("PROPN", "NOUN", "PRON"):
            return ctx.sd[j]
    return subject


_NO_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def left_subject(tok: Token) -> Token | None:
    """'Alarmed by X, Senator Y, the leader, said ...' parsed without a subject: the noun
    phrase right before a finite speech verb."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    if tok.dep_ == "conj" or any(c.dep_ in _NO_SUBJECT_DEPS for c in tok.children):
        return None
    sd = tok.doc
    j = tok.i - 1
    while j >= tok.sent.start and sd[j].head.i == tok.i and sd[j].dep_ in (
        "aux", "neg", "advmod", "punct"
    ):
        j -= 1
    if j < tok.sent.start:
        return None
    cand = sd[j]
    while cand.dep_ in ("appos", "compound") and cand.head.i < cand.i:
        cand = cand.head
    if cand.pos_ not in ("PROPN", "NOUN", "PRON") or cand.head.i > tok.i:
        return None
    return cand


def speaker_span(
    ctx: Context, head: Token, content: Range | None, verb: int | None = None
) -> tuple[Range, int] | None:
    """The speaker noun phrase around ``head`` (relative clauses cut), and its head index."""
    for child in head.children:  # "a statement from the ministry" -> the ministry
        if head.lemma_.lower() in _DOCUMENT_NOUNS and child.dep_ == "prep" and child.lower_ in (
            "from", "by", "of"
        ):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    head = grand
                    break
    if verb is not None and ctx.paragraph(head.idx) != ctx.paragraph(ctx.sd[verb].idx):
        # the parse ran a heading into the sentence: take the subject's part in this paragraph
        par = ctx.paragraph(ctx.sd[verb].idx)
        inside = [
            t for t in head.subtree
            if ctx.paragraph(t.idx) == par and ctx.paragraph(t.head.idx) != par
        ]
        if not inside:
            return None
        head = inside[0]
    indices = _subtree(head, _CUT_DEPS)
    if content is not None:
        indices = [i for i in indices if not content[0] <= ctx.sd[i].idx < content[1]]
    indices = [i for i in indices if ctx.in_mark(ctx.sd[i].idx) is None or i == head.i]
    if verb is not None:
        dash = dateline_end(ctx, ctx.sd[verb])
        if dash is not None and head.i > dash:  # "KYIV (Wire) - Minister X said": not the city
            indices = [i for i in indices if i > dash]
        sent = ctx.sd[verb].sent
        par = ctx.paragraph(ctx.sd[verb].idx)
        indices = [
            i for i in indices
            if sent.start <= i < sent.end and ctx.paragraph(ctx.sd[i].idx) == par
        ]
    if head.i not in indices:
        return None
    run = contiguous(indices, head.i)
    span = trim(ctx, run)
    if span is None:
        return None
    return span, head.i


def speaker_like(word: Token, lex: Lexicon) -> bool:
    """A person or organisation: a name, a personal pronoun or a role noun."""
    if word.lower_ in _SPEAKER_PRONOUNS:
        return True
    if word.ent_type_ in _SPEAKER_ENTS:
        return True
    return word.pos_ == "NOUN" and word.lemma_.lower() in lex.speakers


# -- speakers to actors ------------------------------------------------------------------


@dataclass
class _Named:
    person: bool
    name: str
    actor: str | None
    text: str
    paragraph: int = 0


def _actor_lookup(doc: Document, start: int, end: int) -> Actor | None:
    return actor_at(doc, start, end) if doc.actors else None


def resolve_speakers(doc: Document, ctx: Context, relations: list[Relation]) -> list[Speaker]:
    """The speaker of each relation, pronouns and role nouns resolved to earlier speakers."""
    def position(i: int) -> int:
        rel = relations[i]
        return (rel.speaker or rel.cue or rel.content or (0, 0))[0]

    order = sorted(range(len(relations)), key=position)
    history: list[_Named] = []
    resolved: dict[int, Speaker] = {}
    for index in order:
        rel = relations[index]
        if rel.speaker is None or rel.speaker_head is None:
            resolved[index] = Speaker()
            continue
        span = Span.of(ctx.text, *rel.speaker)
        head = ctx.sd[rel.speaker_head]
        lower = head.lower_
        named: _Named | None = None
        if rel.inherited:
            prev = next((h for h in reversed(history) if h.text == span.text), None)
            resolved[index] = Speaker(
                span=span, actor=prev.actor if prev else None, name=prev.name if prev else span.text
            )
            continue
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
            # "X, who said ...": the relative pronoun speaks for its antecedent
            antecedent = head.head.head
            actor = _actor_lookup(doc, antecedent.idx, antecedent.idx + len(antecedent.text))
            resolved[index] = Speaker(
                span=span, actor=actor.id if actor else None,
                name=actor.name if actor else antecedent.text,
            )
            continue
        if head.pos_ == "PRON" and lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
            want_person = lower in PERSON_PRONOUNS
            named = next(
                (h for h in reversed(history) if h.person == want_person or lower == "they"),
                None,
            )
            here = ctx.paragraph(span.start)
            if named is None and history and here - history[-1].paragraph <= 2:
                named = history[-1]  # no named person before: the last speaker, if close
            resolved[index] = Speaker(
                span=span, actor=named.actor if named else None, name=named.name if named else None
            )
            continue
        tokens = range(ctx.token_at(span.start), ctx.token_at(span.end))
        is_definite = (
            head.lemma_.lower() in ctx.lex.speakers
            and not any(ctx.sd[i].pos_ == "PROPN" for i in tokens)
            and any(c.lower_ in ("the", "this") for c in head.children)
        )
        if is_definite:
            noun = head.lemma_.lower()
            named = next(
                (h for h in reversed(history) if noun in h.text.lower() or noun in h.name.lower()),
                None,
            )
            if named is None and noun not in ("ministry", "department", "agency", "office"):
                named = next((h for h in reversed(history) if h.person), None)
            if named is not None:
                resolved[index] = Speaker(span=span, actor=named.actor, name=named.name)
                continue
        # the head, else its premodifiers ("Azerbaijani officials"), never a trailing
        # phrase ("tensions between A and B" is not A speaking)
        head_end = head.idx + len(head.text)
        actor = _actor_lookup(doc, head.idx, head_end) or _actor_lookup(
            doc, span.start, max(span.start + 1, head_end)
        )
        person = (
            actor.kind == "person"
            if actor is not None
            else any(
                ctx.sd[i].ent_type_ == "PERSON"
                for i in range(ctx.token_at(span.start), ctx.token_at(span.end))
            )
        )
        name = actor.name if actor is not None else span.text
        resolved[index] = Speaker(span=span, actor=actor.id if actor else None, name=name)
        if not is_definite:
            history.append(
                _Named(person, name, actor.id if actor else None, span.text,
                       ctx.paragraph(span.start))
            )
    return [resolved[i] for i in range(len(relations))]
