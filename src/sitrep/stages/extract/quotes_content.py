"""Content slots of ``extract.quotes.v1``: what a speech verb attributes.

Per verb frame (``data/quotes/verbs.tsv``) the clausal complement, the object and what follows
it, an infinitive or a prepositional object (:func:`content_tokens`); the host clause of a
comma-set "as X noted" (:func:`host_tokens`); the whole clause of an evidential hedge or an
agentless passive (:func:`whole_clause`, :func:`passive_content`); a trailing comma-led adjunct
cut off (:func:`without_trailing_adjunct`); and the sourcing remarks that are no content at all
(:func:`sourcing_remark`, ``sourcing.tsv``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.extract.quotes_context import QUOTE_CHARS, Context, Range, contiguous, trim
from sitrep.stages.extract.quotes_lexicon import Lexicon, SpeechVerb

if TYPE_CHECKING:
    from spacy.tokens import Token

GENERIC_VERB = SpeechVerb(lemma="", status="alleged")
"""A verb outside ``verbs.tsv`` in the generic frame of :mod:`.quotes_speech`: its clause
only, held as ``alleged`` (the verb's own force is unknown)."""

_ADJUNCT_DEPS = frozenset({"relcl", "advcl", "acl", "appos", "conj"})
_ADJUNCT_LEADS = frozenset({",", "—", "--", "–", ";"})


def without_trailing_adjunct(ctx: Context, tokens: list[int]) -> list[int]:
    """Drop a trailing comma- or dash-led adjunct: "..., saying ...", "..., which ..."."""
    if len(tokens) < 4:
        return tokens
    pool = set(tokens)
    last = max(tokens)
    for i in sorted(pool):
        tok = ctx.sd[i]
        if tok.dep_ not in _ADJUNCT_DEPS or tok.head.i not in pool:
            continue
        sub = [t.i for t in tok.subtree]
        lead = min(sub) - 1
        if lead - 1 in pool and ctx.lowers[lead][0] in QUOTE_CHARS and (
            ctx.lowers[lead - 1] in _ADJUNCT_LEADS
        ):  # 'called it "a hoax," saying ...': the comma inside the closing quote mark
            lead -= 1
        if max(sub) < last - 1 or lead not in pool or ctx.lowers[lead] not in _ADJUNCT_LEADS:
            continue
        if tok.dep_ == "conj" and not (tok.tag_ == "VBG" or ctx.lowers[lead] != ","):
            continue
        if tok.dep_ in ("advcl", "acl") and tok.tag_ != "VBG" and ctx.lowers[lead] == ",":
            continue
        kept = [j for j in tokens if j < lead]
        return kept if len(kept) >= 3 else tokens
    return tokens


_REMAINDER_SKIP = frozenset({"conj", "cc", "punct", "dep", "parataxis", "mark", "advcl"})


_SETTING_PREPS = frozenset(
    {"at", "in", "on", "during", "after", "before", "since", "amid", "via", "through",
     "throughout", "despite", "while", "inside", "outside", "until"}
)


def _as_predicate(tok: Token) -> bool:
    """'described X as short of ...': an "as" clause predicating the object, not a time."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i == min(t.i for t in tok.subtree)
        for c in tok.children
    ) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _right_remainder(tok: Token) -> list[int]:
    """The verb phrase after ``tok``: its right dependents, conjoined clauses and the setting
    after an object ("endorsed X at a rally", "in a tweet") left out."""
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    return [
        t.i for c in tok.children if c.i > tok.i and (
            c.dep_ not in _REMAINDER_SKIP or _as_predicate(c)
        )
        and not (obj is not None and c.i > obj.i and c.dep_ in ("prep", "npadvmod", "advmod")
                 and (c.dep_ != "prep" or c.lower_ in _SETTING_PREPS))
        for t in c.subtree
    ]


def _clause(head: Token, lex: Lexicon, verb: Token | None = None) -> list[int]:
    """A content clause, without a conjoined speech verb ("said X and warned Y")."""
    drop: set[int] = set()
    for child in head.children:
        if (
            child.dep_ == "conj"
            and child.lemma_.lower() in lex.verbs
            and (verb is None or child.tag_ == verb.tag_)  # "said X would go and endorse Y":
            # another form than the reporting verb's is the content's own verb
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children)
        ):  # "said A and warned B"; not "said A and that B was found"
            drop.update(t.i for t in child.subtree)
            drop.update(c.i for c in head.children if c.dep_ == "cc" and c.i < child.i)
    return [t.i for t in head.subtree if t.i not in drop]


_ADVERBIAL_MARKS = frozenset(
    {"as", "because", "while", "when", "after", "before", "since", "although", "though",
     "until", "unless", "once", "whereas"}
)


def adverbial(clause: Token) -> bool:
    """'"A," he said as the crowd booed': a clause led by a subordinator, parsed as the
    verb's complement, is its setting, not its content."""
    first = min(t.i for t in clause.subtree)
    return any(
        c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS and c.i == first for c in clause.children
    )


def _to_infinitive(tok: Token, lex: Lexicon) -> bool:
    """A "to" infinitive after the verb's object; not a speech verb with a clause of its own
    ("called them on their phones to say they ...": the second attribution's)."""
    return tok.dep_ in ("xcomp", "advcl") and tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ) and not (
        tok.lemma_.lower() in lex.verbs and any(c.dep_ == "ccomp" for c in tok.children)
    )


def _shared_infinitives(verb: Token, inf: Token, lex: Lexicon) -> list[int]:
    """ "wants to triple X, grow Y and create Z", "promised to meet and exceed the goals": bare
    verbs after the infinitive that share its "to", which the parse hung on the main verb."""
    if inf.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children):
        return []
    shared = [
        c for c in verb.children
        if c.i > inf.i and c.dep_ in ("conj", "dep") and c.tag_ in ("VB", "VBP")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for g in c.subtree)
        and c.lemma_.lower() not in lex.verbs
    ]  # (no clause of its own inside: "and he pledged", "when I posted")
    if not shared:
        return []
    last = max(t.i for c in shared for t in c.subtree)
    return [t.i for c in verb.children if inf.i < c.i <= last
            and (c in shared or c.dep_ in ("cc", "punct", "prep")) for t in c.subtree]


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _bare_clause(verb: Token, child: Token, lex: Lexicon) -> bool:
    """'said after the convention he would not ...': a finite clause with its own subject and
    no subordinator after the verb, parsed as an adverbial clause because a phrase came
    between them, is the verb's complement."""
    if child.dep_ != "advcl" or child.i < verb.i:
        return False
    first = min(t.i for t in child.subtree)
    subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ in ("WDT", "WP") or child.lemma_.lower() in lex.verbs:
        return False  # a relative clause, or a speech verb with an attribution of its own
    if any(
        c.i < subject.i and c.dep_ not in ("prep", "npadvmod") for c in child.children
    ):  # only the phrase between verb and clause may stand before the subject
        return False
    finite = child.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in child.children
    )
    return finite and verb.doc[first - 1].text not in (",", ";", ":", "—", "--")


def _gerund_clause(child: Token) -> bool:
    """'said cutting output must be ...': a gerund subject parsed as the verb's xcomp."""
    return child.dep_ == "xcomp" and child.tag_ == "VBG" and any(
        g.dep_ == "ccomp" and g.i > child.i and any(s.dep_ == "nsubj" for s in g.children)
        for g in child.children
    )


def _hung_clause(verb: Token, strict: bool = False) -> list[int] | None:
    """ "said in a message to staff that ...", "told a meeting of leaders that ...": a "that"
    clause the parse hung on the setting phrase or on the hearer; ``strict``, only a complete
    clause on the hearer (looked for before the verb's prepositional and infinitive frames)."""
    for child in verb.children:
        if child.dep_ not in (("dobj", "dative") if strict else ("prep", "dobj", "dative")) or (
            child.i < verb.i
        ):
            continue
        for sub in child.subtree:
            if sub.i > child.i and (
                _complete(sub) or (not strict and sub.dep_ in ("acl", "ccomp"))
            ) and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i == sub.left_edge.i
                for g in sub.children
            ):
                return [t.i for t in sub.subtree]
    return None


def _complete(tok: Token) -> bool:
    """'told a meeting of leaders that few people understood the stakes': a "that" clause
    parsed as a relative clause of the hearer though nothing is missing from it (its subject
    and its object or predicate are there), so it is the verb's complement."""
    return tok.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ != "that" for c in tok.children
    ) and any(c.dep_ in ("dobj", "attr", "acomp", "oprd", "auxpass") for c in tok.children)


_ANSWERS = frozenset({"yes", "no", "so", "otherwise"})


_CONDITION_MARKS = frozenset({"if", "unless"})


def verb_content(
    tok: Token, lex: Lexicon, lemma: str, entry: SpeechVerb | None = None
) -> list[int] | None:
    """The content slot of a speech verb, with a condition on it after the content ("promised
    reform if he wins", "would support him unless ..."): the claim holds only under it."""
    out = _slot_tokens(tok, lex, lemma, entry)
    if not out or max(out) < tok.i:
        return out
    last = max(out)
    for child in tok.children:
        if child.dep_ != "advcl" or child.i < last:
            continue
        first = min(t.i for t in child.subtree)
        if any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS and m.i == first
               for m in child.children):
            out = [*out, *(t.i for t in child.subtree)]
    return out


def _slot_tokens(
    tok: Token, lex: Lexicon, lemma: str, entry: SpeechVerb | None = None
) -> list[int] | None:
    verb = entry or lex.verbs.get(lemma, GENERIC_VERB)
    children = list(tok.children)
    # a complement after the verb first: "A; X said B" parsed with A as a second complement;
    # a clause before the verb across a semicolon is never its content ("A says B; C disputes
    # the figure" parsed with "A says B" as the complement of "disputes")
    clauses = sorted(
        (
            c for c in children
            if ((c.dep_ in ("ccomp", "parataxis") and not adverbial(c)) or _gerund_clause(c)
                or _bare_clause(tok, c, lex))
            and not (c.i < tok.i and any(t.text == ";" for t in tok.doc[c.right_edge.i : tok.i]))
        ),
        key=lambda c: c.i < tok.i,
    )
    for child in clauses:
        if child.i != tok.i:
            if child.dep_ == "advcl":  # the bare clause from its subject on
                start = next(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
                return [i for i in _clause(child, lex, tok) if i >= start.left_edge.i]
            if verb.np and child.i > tok.i:
                return _right_remainder(tok)
            return _clause(child, lex, tok)
    if verb.np and verb.preps and not verb.inf and any(
        c.dep_ == "dobj" and c.i > tok.i for c in children
    ):
        return _right_remainder(tok)  # "accused X of Y": the object and its charge
    objects = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
    hung = _hung_clause(tok, strict=True) if not (verb.np or verb.label) else None
    if hung is not None:
        return hung  # "told a meeting of leaders that ...": not the "of" frame
    for child in [*children, *(g for o in objects for g in o.children if g.i > o.i)]:
        if child.dep_ == "advcl" and child.i > tok.i and any(
            g.dep_ == "mark" and g.lower_ in verb.preps and g.i < child.i for g in child.children
        ):  # "called for X to resign": the clause after "for"
            return [t.i for t in child.subtree if not (t.dep_ == "mark" and t.head.i == child.i)]
        if child.dep_ == "prep" and child.lower_ in verb.preps:  # also "asked X about Y"
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                tokens = [t.i for o in objs for t in o.subtree]
                if verb.inf:  # "called on X to resign": X and what X is to do
                    tokens += [
                        t.i for c in children
                        if c.i > max(tokens) and _to_infinitive(c, lex) for t in c.subtree
                    ]
                return tokens
        if child.dep_ == "prt" and child.lower_ in verb.preps:
            for other in children:
                if other.dep_ in ("dobj", "ccomp"):
                    return [t.i for t in other.subtree]
    if verb.inf:
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
        for child in children:
            if child.dep_ in ("xcomp", "ccomp"):
                more = _shared_infinitives(tok, child, lex)
                if obj is not None and tok.i < obj.i < child.i:
                    return [obj.i, *(t.i for t in obj.subtree), *(t.i for t in child.subtree),
                            *more]
                return [*(t.i for t in child.subtree), *more]
    if verb.np and any(child.dep_ == "dobj" for child in children):
        return _right_remainder(tok)
    if verb.label and any(child.dep_ == "dobj" for child in children) and any(
        child.dep_ in ("oprd", "xcomp", "ccomp") or (child.dep_ == "prep" and child.lower_ == "as")
        for child in children if child.i > tok.i
    ):
        return _right_remainder(tok)
    # "says the attack killed 30 people" parsed as the object "the attack" with a participle
    # clause: a passive participle takes no direct object, so it is the clause's past-tense
    # verb, and the object with its clause is the content
    for child in children:
        if child.dep_ == "dobj" and child.i > tok.i and any(
            g.dep_ == "acl" and g.tag_ == "VBN" and g.right_edge.i == child.right_edge.i
            and any(d.dep_ == "dobj" for d in g.children)
            for g in child.children
        ):
            return [t.i for t in child.subtree]
    for child in children:  # "said yes", "said so", "said the same"
        if child.i > tok.i and (
            (child.dep_ in ("dobj", "intj", "advmod", "acomp") and child.lower_ in _ANSWERS)
            or (child.dep_ == "dobj" and child.lower_ in ("same", "opposite"))
        ):
            return [t.i for t in child.subtree]
    hung = _hung_clause(tok)
    if hung is not None:
        return hung
    for child in children:  # "wrote about the war": the topic of any attribution verb
        if child.dep_ == "prep" and child.lower_ == "about" and child.i > tok.i:
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return [t.i for o in objs for t in o.subtree]
    return None


def host_tokens(tok: Token, lex: Lexicon, lemma: str) -> list[int] | None:
    """ "As X noted, Y" and "Y, as X reported": a reporting verb with no slot of its own in
    a comma-set "as" clause comments on its host clause Y."""
    if tok.dep_ != "advcl" or lemma not in lex.verbs or lex.verbs[lemma].status != "reported" or (
        lemma == "continue"
    ):
        return None
    children = list(tok.children)
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in children) or not any(
        c.dep_ == "nsubj" for c in children
    ) or any(c.dep_ in ("dobj", "ccomp", "xcomp", "acomp", "attr", "oprd") for c in children):
        return None
    own = sorted(t.i for t in tok.subtree)
    sd = tok.doc
    before = own[0] - 1
    after = own[-1] + 1
    if not ((before < tok.sent.start or sd[before].text == ",")
            and (after >= len(sd) or sd[after].text in (",", ".", ";"))):
        return None
    host = tok.head
    if host.pos_ not in ("VERB", "AUX"):
        return None
    skip = set(own)
    return [t.i for t in host.subtree if t.i not in skip]


_HEDGE_COMPLEMENTS = frozenset({"xcomp", "ccomp", "acomp", "attr", "oprd"})
_CLAUSE_CUT = frozenset({"conj", "cc", "punct", "parataxis", "mark", "advcl"})


def whole_clause(ctx: Context, tok: Token, passive: bool = False) -> Range | None:
    """The clause of ``tok`` with its subject, without conjoined clauses, leading
    conjunctions and adverbial clauses."""
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return None
    if not any(
        c.dep_ in _HEDGE_COMPLEMENTS or (passive and c.dep_ == "prep" and c.lower_ in ("as", "for"))
        for c in tok.children if c.i > tok.i
    ):
        return None  # "appeared at the debate" is no hedge; "appeared to end it" is
    tokens = [tok.i]
    for child in tok.children:
        if child.dep_ in _CLAUSE_CUT:
            continue
        tokens.extend(t.i for t in child.subtree)
    par = ctx.paragraph(tok.idx)
    tokens = [i for i in tokens if ctx.paragraph(ctx.sd[i].idx) == par]
    return trim(ctx, contiguous(tokens, tok.i)) if len(tokens) > 2 else None


def passive_content(ctx: Context, tok: Token, lemma: str) -> Range | None:
    """The content of an agentless passive speech verb: its complement or prepositional
    object ("was asked about X", "it is assumed that ..."), or, for an object-taking verb with
    an "as" phrase, the whole clause ("X was described as Y")."""
    if any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children):
        return None  # "is called X", "was referred to the FBI": a name or a recipient
    par = ctx.paragraph(tok.idx)
    tokens = verb_content(tok, ctx.lex, lemma)
    if not tokens and ctx.lex.verbs.get(lemma, GENERIC_VERB).np and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in tok.children if c.i > tok.i
    ):
        return whole_clause(ctx, tok, True)  # "X was described as Y": the whole clause
    if not tokens:
        return None
    tokens = [i for i in tokens if i != tok.i and ctx.paragraph(ctx.sd[i].idx) == par]
    return trim(ctx, without_trailing_adjunct(ctx, tokens)) if tokens else None


def sourcing_remark(ctx: Context, tokens: list[int]) -> bool:
    """Whether the content says how its source agreed to be quoted ("anonymity", "to be
    named", "to speak on the record"), the sourcing words of ``sourcing.tsv``."""
    pool = set(tokens)
    heads = [
        ctx.sd[i] for i in sorted(pool) if ctx.sd[i].head.i not in pool or ctx.sd[i].head.i == i
    ]
    if not heads:
        return False
    head, words = heads[0], ctx.lex.sourcing
    if head.lemma_.lower() in words["head"]:
        return True
    if head.lemma_.lower() in words["passive"] and any(c.dep_ == "auxpass" for c in head.children):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "on"
        and any(t.lemma_.lower() in words["on"] for t in c.subtree)
        for c in head.children
    )
