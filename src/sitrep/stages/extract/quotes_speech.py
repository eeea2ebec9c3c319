"""Reported speech in the parse, for ``extract.quotes.v1``: cue, speaker and content spans.

Speech verbs (``data/quotes/verbs.tsv``) with their subject and their clausal complement,
object, infinitive or prepositional object; nouns with a "that" clause (``nouns.tsv``); cue
phrases such as "according to X" (``cues.tsv``); "Speaker: content" headlines and transcript
lines. Each becomes a :class:`Relation` of character ranges, which :mod:`.quotes` combines
with the quote marks.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from sitrep.stages.extract.quotes_lexicon import CueWord, Lexicon, SpeechVerb, Status
from sitrep.stages.extract.quotes_marks import MarkedSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

Kind = Literal["direct", "indirect", "mixed"]
Range = tuple[int, int]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "it", "we", "their", "its"})
_DOCUMENT_NOUNS = frozenset(
    {"statement", "communique", "communiqué", "release", "report", "letter", "note", "post",
     "tweet", "message", "spokesman", "spokeswoman", "spokesperson"}
)
_SPEAKER_DEPS = ("nsubj",)
_CUT_DEPS = frozenset({"relcl", "acl", "punct"})
SENTENCE_END = frozenset({".", "?", "!"})
_DATELINE_ENDS = frozenset({"—", "--", "―", ":", ";"})
QUOTE_CHARS = frozenset("\"'`“”‘’„‟«»‹›")


@dataclass
class Relation:
    """One attribution under construction: cue, speaker and content as char ranges."""

    cue: Range | None
    speaker: Range | None
    speaker_head: int | None
    """Token index of the speaker's head (for pronouns and actor lookup)."""
    content: Range | None
    status: Status | None
    """How firmly the content is asserted; None: not at all ("wants to")."""
    verb: int | None = None
    """Token index of the speech verb, if any."""
    kind: Kind = "indirect"
    from_mark: bool = False
    inherited: bool = False
    """The speaker was carried over from the previous quote."""
    gap: Range | None = None
    """The attribution between the two parts of a quote it cuts ('"A," X said. "B"')."""
    transcript: bool = False
    """A "SPEAKER: ..." line of a transcript (the attributions inside it are its own)."""


def verb_lemma(form: str, verbs: Mapping[str, object]) -> str | None:
    """The lexicon verb an inflected form belongs to when the lemmatizer missed it
    ("hoping" -> "hop" is not "hope")."""
    for suffix in ("ing", "ed", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            for candidate in (stem + "e", stem, stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
                if candidate in verbs:
                    return candidate
    return None


@dataclass
class Context:
    text: str
    sd: SpacyDoc
    lex: Lexicon
    marks: list[MarkedSpan]
    pars: list[Range]
    par_starts: list[int]
    tok_starts: list[int]
    lemmas: list[str] = field(default_factory=list)
    lowers: list[str] = field(default_factory=list)
    muted: set[int] = field(default_factory=set)
    """Tokens of a sourcing remark ("requested anonymity to discuss X"): no cue inside."""

    def __post_init__(self) -> None:
        if not len(self.sd):
            return
        strings = self.sd.vocab.strings
        array = self.sd.to_array(["LEMMA", "LOWER"])
        self.lemmas = [str(strings[int(row[0])]).lower() for row in array]
        self.lowers = [str(strings[int(row[1])]) for row in array]
        verbs = self.lex.verbs
        for i, lemma in enumerate(self.lemmas):
            if lemma not in verbs and self.sd[i].tag_ in ("VBG", "VBD", "VBN", "VBZ"):
                self.lemmas[i] = verb_lemma(self.lowers[i], verbs) or lemma

    def paragraph(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.par_starts, offset) - 1)

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.tok_starts, offset)

    def in_mark(self, offset: int) -> int | None:
        for index, mark in enumerate(self.marks):
            if mark.start < offset < mark.end - 1 or mark.start == offset:
                return index
            if mark.start > offset:
                break
        return None


# -- spans from tokens -----------------------------------------------------------------


def trim(ctx: Context, tokens: list[int]) -> Range | None:
    """The char range of the token run, without leading/trailing punctuation and space."""
    if not tokens:
        return None
    lo, hi = min(tokens), max(tokens)
    sd = ctx.sd
    while lo <= hi and (
        sd[lo].is_space or (sd[lo].is_punct and sd[lo].text[0] not in QUOTE_CHARS)
    ):
        lo += 1
    while hi >= lo and (
        sd[hi].is_space
        or (sd[hi].is_punct and sd[hi].text[0] not in QUOTE_CHARS)
        or (sd[hi].pos_ == "CCONJ" and hi > lo)  # "... and" left by a cut conjunct
    ):
        hi -= 1
    if lo > hi:
        return None
    start, end = sd[lo].idx, sd[hi].idx + len(sd[hi].text)
    return snap(ctx, (start, end))


def snap(ctx: Context, span: Range) -> Range:
    """Widen ``span`` over quote marks it cuts through, so a quote is never half-taken."""
    start, end = span
    for mark in ctx.marks:
        if mark.end <= start or mark.start >= end:
            continue
        if mark.start < start <= mark.start + 1 or (mark.start < start and mark.end <= end):
            start = mark.start
        cuts_end = mark.end - 1 <= end < mark.end or (mark.start >= start and end < mark.end)
        if cuts_end and (mark.end - end <= 3 or mark.paragraphs == 1):
            end = mark.end
    text = ctx.text
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _subtree(tok: Token, exclude_deps: frozenset[str] = frozenset()) -> list[int]:
    out = [tok.i]
    for child in tok.children:
        if child.dep_ in exclude_deps:
            continue
        out.extend(t.i for t in child.subtree)
    return out


_ADJUNCT_DEPS = frozenset({"relcl", "advcl", "acl", "appos", "conj"})
_ADJUNCT_LEADS = frozenset({",", "—", "--", "–", ";"})


def _without_trailing_adjunct(ctx: Context, tokens: list[int]) -> list[int]:
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


def _contiguous(indices: list[int], head: int) -> list[int]:
    """The run of consecutive indices around ``head``."""
    pool = set(indices)
    lo = hi = head
    while lo - 1 in pool:
        lo -= 1
    while hi + 1 in pool:
        hi += 1
    return list(range(lo, hi + 1))


# -- speakers ----------------------------------------------------------------------------


def _subject(tok: Token) -> Token | None:
    """The speaker of the speech verb ``tok``: its subject, a passive's agent, or inherited."""
    current = tok
    for _ in range(3):
        for child in current.children:
            if child.dep_ in _SPEAKER_DEPS:
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
            return current.head  # "Smith, saying ...", "ads urging ..."; not "people accused of"
        if current.dep_ in ("conj", "advcl", "xcomp") and current.head is not current:
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "responded by saying ..."
            continue
        return None
    return None


_NO_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _left_subject(tok: Token) -> Token | None:
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


def _speaker_span(
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
        sent = ctx.sd[verb].sent
        par = ctx.paragraph(ctx.sd[verb].idx)
        indices = [
            i for i in indices
            if sent.start <= i < sent.end and ctx.paragraph(ctx.sd[i].idx) == par
        ]
    if head.i not in indices:
        return None
    run = _contiguous(indices, head.i)
    span = trim(ctx, run)
    if span is None:
        return None
    return span, head.i


# -- relations from the parse ----------------------------------------------------------


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


def _adverbial(clause: Token) -> bool:
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


def _gerund_clause(child: Token) -> bool:
    """'said cutting output must be ...': a gerund subject parsed as the verb's xcomp."""
    return child.dep_ == "xcomp" and child.tag_ == "VBG" and any(
        g.dep_ == "ccomp" and g.i > child.i and any(s.dep_ == "nsubj" for s in g.children)
        for g in child.children
    )


_ANSWERS = frozenset({"yes", "no", "so", "otherwise"})


_CONDITION_MARKS = frozenset({"if", "unless"})


def _content_tokens(
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
    # a complement after the verb first: "A; X said B" parsed with A as a second complement
    clauses = sorted(
        (
            c for c in children
            if (c.dep_ in ("ccomp", "parataxis") and not _adverbial(c)) or _gerund_clause(c)
        ),
        key=lambda c: c.i < tok.i,
    )
    for child in clauses:
        if child.i != tok.i:
            if verb.np and child.i > tok.i:
                return _right_remainder(tok)
            return _clause(child, lex, tok)
    if verb.np and verb.preps and not verb.inf and any(
        c.dep_ == "dobj" and c.i > tok.i for c in children
    ):
        return _right_remainder(tok)  # "accused X of Y": the object and its charge
    objects = [c for c in children if c.dep_ == "dobj" and c.i > tok.i]
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
                if obj is not None and tok.i < obj.i < child.i:
                    return [obj.i, *(t.i for t in obj.subtree), *(t.i for t in child.subtree)]
                return [t.i for t in child.subtree]
    if verb.np and any(child.dep_ == "dobj" for child in children):
        return _right_remainder(tok)
    if verb.label and any(child.dep_ == "dobj" for child in children) and any(
        child.dep_ in ("oprd", "xcomp", "ccomp") or (child.dep_ == "prep" and child.lower_ == "as")
        for child in children if child.i > tok.i
    ):
        return _right_remainder(tok)
    for child in children:  # "said yes", "said so", "said the same"
        if child.i > tok.i and (
            (child.dep_ in ("dobj", "intj", "advmod", "acomp") and child.lower_ in _ANSWERS)
            or (child.dep_ == "dobj" and child.lower_ in ("same", "opposite"))
        ):
            return [t.i for t in child.subtree]
    for child in children:  # "said in a message to staff that ...": a "that" clause the
        if child.dep_ == "prep" and child.i > tok.i:  # parse hung on the setting phrase
            for sub in child.subtree:
                if sub.dep_ in ("acl", "ccomp") and sub.i > child.i and any(
                    g.dep_ == "mark" and g.lower_ == "that" and g.i == min(t.i for t in sub.subtree)
                    for g in sub.children
                ):
                    return [t.i for t in sub.subtree]
    for child in children:  # "wrote about the war": the topic of any attribution verb
        if child.dep_ == "prep" and child.lower_ == "about" and child.i > tok.i:
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return [t.i for o in objs for t in o.subtree]
    return None


def _host_tokens(tok: Token, lex: Lexicon, lemma: str) -> list[int] | None:
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


_HEDGE_COMPLEMENTS = frozenset({"xcomp", "ccomp", "acomp", "attr", "oprd"})
_CLAUSE_CUT = frozenset({"conj", "cc", "punct", "parataxis", "mark", "advcl"})


def _whole_clause(ctx: Context, tok: Token, passive: bool = False) -> Range | None:
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
    return trim(ctx, _contiguous(tokens, tok.i)) if len(tokens) > 2 else None


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


def _passive_content(ctx: Context, tok: Token, lemma: str) -> Range | None:
    """The content of an agentless passive speech verb: its complement or prepositional
    object ("was asked about X", "it is assumed that ..."), or, for an object-taking verb with
    an "as" phrase, the whole clause ("X was described as Y")."""
    if any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "to") for c in tok.children):
        return None  # "is called X", "was referred to the FBI": a name or a recipient
    par = ctx.paragraph(tok.idx)
    tokens = _content_tokens(tok, ctx.lex, lemma)
    if not tokens and ctx.lex.verbs.get(lemma, GENERIC_VERB).np and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in tok.children if c.i > tok.i
    ):
        return _whole_clause(ctx, tok, True)  # "X was described as Y": the whole clause
    if not tokens:
        return None
    tokens = [i for i in tokens if i != tok.i and ctx.paragraph(ctx.sd[i].idx) == par]
    return trim(ctx, _without_trailing_adjunct(ctx, tokens)) if tokens else None


# the events lexicon's classes of things that are no content of speech: armed forces, weapons,
# structures and territory ("militants attacked the base", "jets blasted the bridge")
_CONCRETE_CLASSES = ("combatant", "weapon", "facility", "military_site", "territory")


@lru_cache(maxsize=1)
def _concrete_words() -> frozenset[str]:
    from sitrep.stages.extract.events_lexicon import default_lexicon

    lex = default_lexicon()
    return frozenset().union(*(lex.cls(name) for name in _CONCRETE_CLASSES))


def _concrete(word: Token) -> bool:
    """An armed force, a weapon, a structure or territory ("militants", "base", "mortar")."""
    return word.lemma_.lower() in _concrete_words() or word.lower_ in _concrete_words()


def _physical_act(tok: Token) -> bool:
    """Is ``tok``, a verb that also names a physical act ("attacked", "blasted", "defended"),
    used for one? Its subject, agent or object is an armed force, a weapon, a structure or
    territory, its object is a place, or it acts "with" a weapon."""
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and _concrete(child):
            return True
        if child.dep_ == "dobj" and child.ent_type_ in ("GPE", "LOC", "FAC"):
            return True  # "Israel attacked Gaza"
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "with") and any(
            g.dep_ == "pobj" and _concrete(g) for g in child.children
        ):
            return True  # "was attacked by militants", "blasted the bridge with explosives"
    return False


def _sourcing_remark(ctx: Context, tokens: list[int]) -> bool:
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


GENERIC_VERB = SpeechVerb(lemma="", status="alleged")
"""A verb outside ``verbs.tsv`` in the frame of :func:`_generic_cue`: its clause only, held
as ``alleged`` (the verb's own force is unknown)."""

_SPEAKER_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who"})
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _speaker_like(word: Token, lex: Lexicon) -> bool:
    """A person or organisation: a name, a personal pronoun or a role noun."""
    if word.lower_ in _SPEAKER_PRONOUNS:
        return True
    if word.ent_type_ in _SPEAKER_ENTS:
        return True
    return word.pos_ == "NOUN" and word.lemma_.lower() in lex.speakers


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
    if subject is None or not _speaker_like(subject, ctx.lex):
        return None
    for child in children:
        if child.dep_ != "ccomp" or child.i < tok.i or _adverbial(child):
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


def verb_relations(ctx: Context) -> dict[int, Relation]:
    """An attribution for each speech verb outside quote marks, keyed by the verb's index."""
    out: dict[int, Relation] = {}
    for index, lemma in enumerate(ctx.lemmas):
        tok = ctx.sd[index]
        entry = ctx.lex.verbs.get(lemma) or _generic_cue(ctx, tok, lemma)
        if entry is None:
            continue
        if tok.pos_ != "VERB":
            continue
        if ctx.in_mark(tok.idx) is not None:
            continue
        if entry.physical and _physical_act(tok):
            continue  # "militants attacked the base": an act, not speech
        if any(c.dep_ == "auxpass" for c in tok.children) and not any(
            c.dep_ == "agent" for c in tok.children
        ):
            clause = _whole_clause(ctx, tok, True) if entry.passive else None
            if clause is not None:  # "the senator is expected to win": nobody's, the clause
                out[tok.i] = Relation(
                    cue=_cue_range(tok), speaker=None, speaker_head=None, content=clause,
                    status="alleged", verb=tok.i,
                )
                continue
            passive = _passive_content(ctx, tok, lemma)
            if passive is not None:  # "she was asked about X", "X was seen as Y": nobody's
                out[tok.i] = Relation(
                    cue=_cue_range(tok), speaker=None, speaker_head=None, content=passive,
                    status=entry.status, verb=tok.i,
                )
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(
            c.dep_ == "agent" for c in tok.children
        ):
            continue  # "a show called X", "the plan announced Monday": a modifier, not speech
        if entry.clause:
            clause = _whole_clause(ctx, tok)
            if clause is not None:  # "the plan seems to work": nobody's, the clause
                out[tok.i] = Relation(
                    cue=_cue_range(tok), speaker=None, speaker_head=None, content=clause,
                    status=entry.status, verb=tok.i,
                )
            continue
        content_tokens = _content_tokens(tok, ctx.lex, lemma, entry) or _host_tokens(
            tok, ctx.lex, lemma
        )
        if content_tokens and _sourcing_remark(ctx, content_tokens):
            ctx.muted.update(content_tokens)  # "who requested anonymity", "declined to be
            continue  # named": how the source is quoted, not what it said
        content: Range | None = None
        around: Range | None = None
        follows = _quote_follows(ctx, tok)
        if follows is not None:
            content_tokens = None  # 'X said, "..."': the quote is the content
            content = (follows.start, follows.end)
        if content_tokens:
            content_tokens = [i for i in content_tokens if i != tok.i]
            subject = _subject(tok)
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
                content_tokens = list(range(first, max(content_tokens) + 1))
            elif content_tokens and min(content_tokens) < tok.i < max(content_tokens):
                # "A, the group said, compared with B": one side, without the attribution
                subject = _subject(tok)
                cut = min([tok.i, *(t.i for t in subject.subtree)] if subject else [tok.i])
                left = [i for i in content_tokens if i < cut]
                right = [i for i in content_tokens if i > tok.i]
                content_tokens = left if len(left) >= len(right) else right
            par = ctx.paragraph(tok.idx)  # a parse run across a paragraph break stops there
            content_tokens = [
                i for i in content_tokens
                if ctx.paragraph(ctx.sd[i].idx) == par or ctx.in_mark(ctx.sd[i].idx) is not None
            ]
            content = trim(ctx, _without_trailing_adjunct(ctx, content_tokens)) or around
        subject = _subject(tok) or _left_subject(tok)
        if subject is not None and subject.lower_ in ("'s", "’s", "us"):
            continue  # "let's say"
        if subject is None and tok.dep_ == "ROOT" and tok.tag_ == "VB":
            continue  # "Tell me ...", "Consider the ...": an imperative, nobody's attribution
        if content is None and subject is not None:
            content = around = _parenthetical(ctx, tok, subject)
        # "A, X said, B": the speaker sits inside the content's outer bounds
        speaker = (
            _speaker_span(ctx, subject, None if content == around else content, tok.i)
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
        return _subject(tok.head)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        return _subject(tok.head.head)  # "X voted in favor of Y", "X acted in hopes of Y"
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
        speaker = _speaker_span(ctx, subject, content, copula.i)
        out.append(
            Relation(
                cue=(tok.idx, tok.idx + len(tok.text)),
                speaker=speaker[0] if speaker else None,
                speaker_head=speaker[1] if speaker else None,
                content=content, status=cue.status, verb=None,
            )
        )
    return out


def cue_relations(ctx: Context) -> list[Relation]:
    """Attributions from cue phrases: "according to X", "citing X"."""
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
    return _concrete(sd[max(source)]) or (end > start and _concrete(sd[end - 1]))


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
