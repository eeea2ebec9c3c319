"""The ``extract.quotes.v1`` stage: who says what, direct, indirect and mixed.

Three sources of attributions, combined per document:

1. **Speech verbs** from ``data/quotes/verbs.tsv`` in the dependency parse
   (:mod:`.quotes_speech`): the subject is the speaker, the clausal complement (or, per verb,
   the object, infinitive or prepositional object) is the content ("X said that ...", "X
   accused Y of ...", "X warned that ..."); likewise nouns with a "that" clause ("Russia's
   claim that ...", ``nouns.tsv``).
2. **Cue phrases** from ``data/quotes/cues.tsv`` ("according to X", "citing X"): the noun
   phrase after the cue is the speaker, the rest of the host sentence the content; a
   sentence-initial "In <poll, survey, report ...>," (``evidence.tsv``) likewise; a comma-set
   "as X noted" clause attributes its host clause; "Speaker: content" headlines and transcript
   lines (not rubrics such as "BREAKING:", ``rubrics.tsv``); and title-case headlines
   ("Army Chief Slams Plan To ..."), split at an inflected speech verb.
3. **Quote marks** (:mod:`.quotes_marks`): a quoted span inside a verb's content makes a
   *mixed* quote; one that is the content, or that a nearby speech verb introduces ("..., X
   said", "X said: ...", a paragraph after "X continued:"), or that is signed ('"..." ― Name'),
   a *direct* quote. A quote that goes on after its attribution ('"A," X said. "B."') is one
   quote. A paragraph-initial quote with no verb of its own continues the previous speaker.

An attribution reported inside another's content ("X said she believed that ...", "rejected
Y's claim that ...") is not listed on its own: the outer one holds it (PolNeAR-style
annotation). The nested ones stay in ``user_data`` for ``extract.claims`` ("X said Y denied
Z" keeps Y's denial). Besides verbs, stance adjectives after a copula ("X is confident that
...", ``adjectives.tsv``) and cue nouns with a preposition or infinitive ("his criticism of
X", "a call to ...") attribute content; evidential hedges ("X appears to ...") have no
speaker and take their whole clause. An agentless passive speech verb keeps its complement
("was asked about X"), or its whole clause with "as" ("X was described as Y").

Speakers resolve to actor ids through ``extract.actors``' ``actor_at`` when actors exist;
pronouns ("he said") and definite role nouns ("the diplomat", "the ministry",
``data/quotes/speakers.tsv``) take the most recent compatible named speaker. What a later
stage may want (each quote's assertion status, unattributed scare quotes) is kept in
``doc.user_data["extract.quotes.v1"]``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import Actor, Quote, Span, Speaker
from sitrep.stages.extract.actors import actor_at
from sitrep.stages.extract.quotes_lexicon import load_lexicon
from sitrep.stages.extract.quotes_marks import MarkedSpan, paragraphs, quote_spans
from sitrep.stages.extract.quotes_speech import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    QUOTE_CHARS,
    SENTENCE_END,
    Context,
    Range,
    Relation,
    adjective_relations,
    colon_relations,
    cue_relations,
    evidence_relations,
    headline_relations,
    noun_relations,
    snap,
    verb_relations,
)

NAME = "extract.quotes.v1"

# -- direct quotes -----------------------------------------------------------------------


def _overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words(text: str) -> int:
    return len(text.split())


def _window_after(
    ctx: Context, mark: MarkedSpan, verbs: dict[int, Relation], limit: int
) -> int | None:
    sd = ctx.sd
    par = ctx.paragraph(mark.start if mark.paragraphs == 1 else mark.end - 1)
    i = ctx.token_at(mark.end)
    seen = 0
    while i < len(sd) and seen < limit:
        tok = sd[i]
        if ctx.paragraph(tok.idx) != par or ctx.in_mark(tok.idx) is not None:
            return None
        if i in verbs:
            return i
        if tok.text in SENTENCE_END:
            return None
        i += 1
        seen += 1
    return None


def _window_before(
    ctx: Context, mark: MarkedSpan, verbs: dict[int, Relation], limit: int
) -> tuple[int, bool] | None:
    """The nearest speech verb before the mark in its sentence, and whether it is tight."""
    sd = ctx.sd
    par = ctx.paragraph(mark.start)
    i = ctx.token_at(mark.start) - 1
    seen = 0
    between: list[str] = []
    while i >= 0 and seen < limit:
        tok = sd[i]
        if ctx.paragraph(tok.idx) != par:
            return None
        if ctx.in_mark(tok.idx) is not None or tok.text in SENTENCE_END:
            return None
        if i in verbs:
            tight = len(between) <= 3 and (not between or between[0] in (":", ",", "that"))
            return i, tight
        between.insert(0, tok.text)
        i -= 1
        seen += 1
    return None


def _paragraph_starts_with(ctx: Context, mark: MarkedSpan) -> bool:
    p_start, _ = ctx.pars[ctx.paragraph(mark.start)]
    return not ctx.text[p_start : mark.start].strip()


def attribute(ctx: Context, config: dict[str, Any]) -> tuple[list[Relation], list[MarkedSpan]]:
    """All attributions of the document, and the quoted spans left unattributed."""
    limit = int(config.get("window_tokens", 12))
    min_words = int(config.get("min_words", 4))
    verbs = verb_relations(ctx)
    relations: list[Relation] = [
        *cue_relations(ctx), *noun_relations(ctx), *adjective_relations(ctx),
        *evidence_relations(ctx), *headline_relations(ctx),
    ]

    used: set[int] = set()
    # 1. marks inside or equal to a parsed content
    for parsed in [*verbs.values(), *relations]:
        if parsed.content is None:
            continue
        for index, mark in enumerate(ctx.marks):
            if index in used:
                continue
            span = (mark.start, mark.end)
            inter = _overlap(span, parsed.content)
            if not inter:
                continue
            c_len = parsed.content[1] - parsed.content[0]
            inside = mark.start >= parsed.content[0] and mark.end <= parsed.content[1]
            if inside and c_len - inter > 10:
                parsed.kind = "mixed"
                used.add(index)
            elif inter >= 0.5 * c_len:
                verb_at = ctx.sd[parsed.verb].idx if parsed.verb is not None else -1
                if verb_at >= mark.end:  # '"...," X said': the quote is all the content
                    parsed.content = span
                else:
                    parsed.content = (
                        min(span[0], parsed.content[0]), max(span[1], parsed.content[1])
                    )
                parsed.kind = "direct" if inter >= 0.8 * c_len else "mixed"
                parsed.from_mark = True
                used.add(index)
    # 2. marks next to a speech verb, continuations, floating paragraphs
    last_direct: Relation | None = None
    for index, mark in enumerate(ctx.marks):
        if index in used:
            owner = next(
                (r for r in [*verbs.values(), *relations] if r.content
                 and r.content[0] <= mark.start < r.content[1]),
                None,
            )
            if owner is not None:
                last_direct = owner
            continue
        span = (mark.start, mark.end)
        if (
            config.get("merge_continuations", True)
            and last_direct is not None
            and _continues(ctx, last_direct, mark, limit)
        ):
            assert last_direct.content is not None
            last_direct.content = (last_direct.content[0], mark.end)
            used.add(index)
            continue
        dash = _dash_attribution(ctx, mark)
        if dash is not None:
            relations.append(dash)
            used.add(index)
            last_direct = dash
            continue
        before = _window_before(ctx, mark, verbs, limit)
        after = _window_after(ctx, mark, verbs, limit)
        choice: int | None = None
        if after is not None:
            own = verbs[after].content
            if own is not None and not _overlap(own, span):
                after = None  # '"A." Smith called it "B."': that verb has its own content
        if before is not None and before[1]:
            choice = before[0]
        elif after is not None:
            choice = after
        elif before is not None:
            choice = before[0]
        rel: Relation | None = None
        if choice is not None:
            base = verbs[choice]
            if (
                config.get("merge_continuations", True)
                and base.from_mark
                and base.content is not None
                and base.content[1] <= mark.start
                and ctx.paragraph(base.content[0]) == ctx.paragraph(mark.start)
            ):
                base.content = (base.content[0], mark.end)
                used.add(index)
                last_direct = base
                continue
            short = _words(ctx.text[mark.start : mark.end]) < min_words
            if before is not None and choice == before[0] and (short or base.content is None):
                # 'called them "deplorables"': the verb phrase up to the quote is the content
                start = ctx.sd[choice].idx + len(ctx.sd[choice].text)
                rest = snap(ctx, (start, mark.end))
                if base.content is None or _overlap(base.content, rest):
                    base.content = (min(rest[0], (base.content or rest)[0]), rest[1])
                    base.kind = "mixed"
                    base.from_mark = True
                    rel = base
                else:
                    rel = replace(base, content=rest, kind="mixed", from_mark=True)
                    relations.append(rel)
            elif base.content is None or _overlap(base.content, span):
                base.content = span
                base.kind = "direct"
                base.from_mark = True
                rel = base
            else:
                rel = replace(base, content=span, kind="direct", from_mark=True)
                relations.append(rel)
        elif _paragraph_starts_with(ctx, mark) and not mark.single:
            rel = _floating(ctx, mark, verbs, last_direct)
            if rel is not None and rel.inherited and last_direct is not None:
                mode = str(config.get("paragraph_continuation", "separate"))
                if mode == "merge" and last_direct.content is not None:
                    last_direct.content = (last_direct.content[0], mark.end)
                if mode in ("merge", "drop"):
                    used.add(index)
                    continue
            if rel is not None:
                relations.append(rel)
        if rel is None:
            if not mark.single and _words(ctx.text[mark.start : mark.end]) >= max(min_words, 8):
                rel = Relation(cue=None, speaker=None, speaker_head=None, content=span,
                               status="reported", kind="direct", from_mark=True)
                prior = _prior_speaker(ctx, [*verbs.values(), *relations], mark)
                if prior is not None:  # 'She said X. "..."': hers
                    rel.speaker, rel.speaker_head = prior.speaker, prior.speaker_head
                    rel.inherited = True
                relations.append(rel)
            else:
                continue
        used.add(index)
        last_direct = rel
    relations.extend(r for r in verbs.values() if r.content is not None)
    if config.get("bridge_quotes", True):
        relations = _bridge(ctx, relations, verbs, limit)
    # reported speech with nobody reporting it ("wanting to ...", "noting that ...") is noise
    if config.get("require_speaker", False):
        relations = [r for r in relations if r.speaker is not None or r.from_mark]
    else:  # a wish or refusal with nobody holding it ("refusing to testify") is noise
        relations = [
            r for r in relations if r.speaker is not None or r.from_mark or r.status is not None
        ]
    if config.get("colon_lines", True):
        colons = colon_relations(ctx)
        if colons:
            # a quote mark around a whole transcript is not one quote
            relations = [
                r for r in relations
                if r.speaker is not None or r.content is None
                or not any(r.content[0] <= c.content[0] < r.content[1]  # type: ignore[index]
                           for c in colons)
            ]
            relations.extend(colons)
    leftover = [m for i, m in enumerate(ctx.marks) if i not in used]
    return relations, leftover


_DASHES = frozenset("―—–-")


def _dash_attribution(ctx: Context, mark: MarkedSpan) -> Relation | None:
    """'"...." ― Jane Doe': a quote signed with a dash and a name, up to the line's end."""
    text = ctx.text
    par_end = ctx.pars[ctx.paragraph(mark.end - 1)][1]
    i = mark.end
    while i < par_end and text[i] in " \t\u00a0":
        i += 1
    if i >= par_end or text[i] not in _DASHES:
        return None
    dash = i
    while i < par_end and (text[i] in _DASHES or text[i] in " \t\u00a0"):
        i += 1
    name = text[i:par_end].strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return None
    end = i + len(text[i:par_end].rstrip())
    head = ctx.token_at(i)
    if head >= len(ctx.sd):
        return None
    return Relation(
        cue=(dash, dash + 1), speaker=(i, end), speaker_head=head,
        content=(mark.start, mark.end), status="reported", kind="direct", from_mark=True,
    )


def _continues(ctx: Context, last: Relation, mark: MarkedSpan, limit: int) -> bool:
    """'"A," X said. "B."': the mark goes on with the quote attributed just before it."""
    if last.content is None or last.content[1] > mark.start:
        return False
    if mark.start - last.content[1] > (last.content[1] - last.content[0]) + (mark.end - mark.start):
        return False  # the attribution between them outweighs the quote: two contents
    first, end = ctx.token_at(last.content[1]), ctx.token_at(mark.start)
    if (
        last.kind == "mixed"
        and end - first <= 6
        and ctx.paragraph(last.content[1]) == ctx.paragraph(mark.start)
        and not any(ctx.sd[i].text in SENTENCE_END for i in range(first, end))
    ):
        return True  # 'said the actions aim to "A" from the territory, "B" and ...'
    if last.verb is None or not last.from_mark:
        return False
    verb_at = ctx.sd[last.verb].idx
    if not last.content[1] <= verb_at < mark.start:
        return False
    if ctx.paragraph(last.content[0]) != ctx.paragraph(mark.start):
        return False
    first, end = ctx.token_at(last.content[1]), ctx.token_at(mark.start)
    lemmas = ctx.lemmas
    return end - first <= 6 * limit and not any(
        lemmas[i] in ctx.lex.verbs and i != last.verb and ctx.sd[i].pos_ == "VERB"
        for i in range(first, end)
    )


def _holder(relations: list[Relation], span: MarkedSpan) -> Relation | None:
    return next((r for r in relations if r.content is not None
                 and r.content[0] <= span.start and span.end <= r.content[1]), None)


def _bridge(
    ctx: Context, relations: list[Relation], verbs: dict[int, Relation], limit: int
) -> list[Relation]:
    """'"A," X said. "B."' and '"A," X said, "B."': one quote cut by its attribution is one
    content, from A to B, held by the verb between the two marks."""
    marks = ctx.marks
    text = ctx.text
    for a, b in pairwise(marks):
        if ctx.paragraph(a.start) != ctx.paragraph(b.start) or a.paragraphs != 1:
            continue
        if text[a.start : a.end].rstrip("".join(QUOTE_CHARS) + " ")[-1:] != ",":
            continue  # '"A," X said': A stops on a comma, the sentence goes on
        gap = text[a.end : b.start].strip()
        if not gap or not (gap[-1] in ",." or gap[-1].isalnum()):
            continue  # '"A," X said: "B"' introduces a new quote
        first, end = ctx.token_at(a.end), ctx.token_at(b.start)
        if end - first > 2 * limit:
            continue
        if b.start - a.end > (a.end - a.start) + (b.end - b.start):
            continue  # '"A," said X, a long description, "B"': not one content over X
        if any(ctx.sd[i].text in SENTENCE_END for i in range(first, end - 1)):
            continue
        inside = [i for i in range(first, end) if i in verbs]
        if not inside:
            continue
        main = verbs[inside[0]]
        if main.speaker is None:
            continue
        ra, rb = _holder(relations, a), _holder(relations, b)
        for r, mark in ((ra, a), (rb, b)):
            if r is None or r.content is None:
                continue
            if r.verb is not None and r.verb != main.verb:
                break  # that part has an attribution of its own ('adding, "B"')
            if r.content[0] < mark.start - 1 or r.content[1] > mark.end + 1:
                break  # 'said that X "A,"': the quote ends a wider content
        else:
            keep = next((r for r in (ra, rb) if r is not None and r.verb == main.verb), None)
            if keep is None:
                keep = main
                if keep not in relations:
                    relations.append(keep)
            start, stop = a.start, b.end
            keep.content = (start, stop)
            keep.kind = "direct"
            keep.from_mark = True
            keep.gap = (a.end, b.start)  # '"A," he said, noting that X. "B"': X is apart
            relations = [
                r for r in relations
                if r is keep or r.content is None
                or not (start <= r.content[0] and r.content[1] <= stop
                        and (r.verb is None or r.verb == main.verb))
            ]
    return relations


def _prior_speaker(ctx: Context, relations: list[Relation], mark: MarkedSpan) -> Relation | None:
    """The last attribution with a speaker before ``mark`` in its paragraph, when nothing but
    its own content lies between them."""
    par = ctx.paragraph(mark.start)
    before = [
        r for r in relations
        if r.speaker is not None and r.content is not None and r.cue is not None
        and r.content[1] <= mark.start and ctx.paragraph(r.cue[0]) == par
        and r.cue[0] < mark.start
    ]
    if not before:
        return None
    last = max(before, key=lambda r: r.content[1] if r.content else 0)
    assert last.content is not None
    first, end = ctx.token_at(last.content[1]), ctx.token_at(mark.start)
    if end - first > 36:  # an attribution clause, not a passage
        return None
    if sum(ctx.sd[i].text in SENTENCE_END for i in range(first, end)) > 1:
        return None  # '"A," said X, a member of Y. "B"': X's; not across another sentence
    if any(r is not last and r.cue is not None and last.content[1] <= r.cue[0] < mark.start
           for r in relations):
        return None
    return last


def _floating(
    ctx: Context, mark: MarkedSpan, verbs: dict[int, Relation], last: Relation | None
) -> Relation | None:
    """A paragraph-initial quote with no verb: after "X continued:", or the last speaker's."""
    par = ctx.paragraph(mark.start)
    if par > 0:
        p_start, p_end = ctx.pars[par - 1]
        if ctx.text[p_start:p_end].rstrip().endswith(":"):
            in_prev = [r for i, r in verbs.items() if p_start <= ctx.sd[i].idx < p_end]
            if in_prev:
                base = in_prev[-1]
                return replace(base, content=(mark.start, mark.end), kind="direct",
                               from_mark=True)
    if last is not None and last.content is not None and last.speaker is not None:
        gap = par - ctx.paragraph(last.content[1] - 1)
        if 0 < gap <= 1:
            return replace(last, content=(mark.start, mark.end), kind="direct",
                           from_mark=True, cue=None, inherited=True)
    return None


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


def _speakers(doc: Document, ctx: Context, relations: list[Relation]) -> list[Speaker]:
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


# -- the stage ---------------------------------------------------------------------------


class QuotesStage:
    """Direct, indirect and mixed quotes with cue and speaker (``mentions.quotes``)."""

    name = NAME

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.lex = load_lexicon()

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:
            doc.warn(NAME, "no_parse", "no spaCy parse (nlp.spacy.v1 did not run); no quotes")
            return doc
        text = doc.text
        marks, problems = quote_spans(text)
        for problem in problems:
            doc.warn(NAME, problem.code, f"{problem.message} (offset {problem.offset})")
        pars = paragraphs(text)
        ctx = Context(
            text=text,
            sd=doc.nlp,
            lex=self.lex,
            marks=marks,
            pars=pars,
            par_starts=[p[0] for p in pars],
            tok_starts=[int(i) for i in doc.nlp.to_array("IDX")] if len(doc.nlp) else [],
        )
        relations, leftover = attribute(ctx, self.config)
        relations = _dedupe([r for r in relations if r.content and r.content[1] > r.content[0]])
        relations.sort(key=lambda r: (r.content or (0, 0)))
        nested: list[Relation] = []
        if self.config.get("outermost_only", True):
            relations, nested = _outermost(
                relations, bool(self.config.get("transcript_inner", True)),
                bool(self.config.get("transcript_drop", True)),
            )
        everyone = _speakers(doc, ctx, [*relations, *nested])
        speakers, nested_speakers = everyone[: len(relations)], everyone[len(relations) :]
        quotes: list[Quote] = []
        status: dict[str, str | None] = {}
        for number, (rel, speaker) in enumerate(zip(relations, speakers, strict=True), 1):
            assert rel.content is not None
            qid = f"q{number}"
            quotes.append(
                Quote(
                    id=qid,
                    kind=rel.kind,
                    content=Span.of(text, *rel.content),
                    cue=Span.of(text, *rel.cue) if rel.cue else None,
                    speaker=speaker,
                )
            )
            status[qid] = rel.status
        doc.quotes = quotes
        doc.user_data[NAME] = {
            "status": status,
            "scare": [(m.start, m.end) for m in leftover],
            "nested": _nested_records(quotes, nested, nested_speakers),
        }
        return doc


def _outermost(
    relations: list[Relation], transcripts: bool = True, drop_transcript: bool = False
) -> tuple[list[Relation], list[Relation]]:
    """Split off the attributions reported inside another's content ("X said she
    believed that ..."): PolNeAR-style annotation lists only the outer one."""
    out: list[Relation] = []
    nested: list[Relation] = []
    for rel in relations:
        assert rel.content is not None
        anchor = rel.cue or rel.content
        inner = rel.cue is not None and not rel.from_mark and any(
            other is not rel
            and other.content is not None
            and not (transcripts and other.transcript)
            and not (other.gap is not None and other.gap[0] <= anchor[0] < other.gap[1])
            and other.content[0] <= anchor[0] < other.content[1]
            and other.content[0] <= rel.content[0]
            and rel.content[1] <= other.content[1]
            and (other.content[1] - other.content[0]) > (rel.content[1] - rel.content[0])
            for other in relations
        )
        (nested if inner else out).append(rel)
    if drop_transcript:
        out = [r for r in out if not r.transcript or not any(
            o is not r and o.cue is not None and r.content is not None and o.content is not None
            and r.content[0] <= o.content[0] and o.content[1] <= r.content[1] for o in out)]
    return out, nested


def _nested_records(
    quotes: list[Quote], nested: list[Relation], speakers: list[Speaker]
) -> list[dict[str, Any]]:
    """The nested attributions, for claims: content, cue, status, actor and the quote that
    reports them ("X said Y denied Z": Y's denial, inside X's quote)."""
    records: list[dict[str, Any]] = []
    for rel, speaker in zip(nested, speakers, strict=True):
        assert rel.content is not None
        anchor = (rel.cue or rel.content)[0]
        holders = [q for q in quotes if q.content.start <= anchor < q.content.end]
        if not holders or rel.cue is None:
            continue
        holder = min(holders, key=lambda q: q.content.end - q.content.start)
        records.append({
            "content": rel.content, "cue": rel.cue, "status": rel.status,
            "actor": speaker.actor, "quote": holder.id,
        })
    return records


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """Drop a relation whose content repeats an earlier one's: one content is one attribution
    ('"...," X shouted, interrupting Y')."""
    seen: set[Range | None] = set()
    out: list[Relation] = []
    for rel in relations:
        key = rel.content
        if key in seen:
            continue
        seen.add(key)
        out.append(rel)
    return out


@register(NAME, requires=["doc.nlp"], assigns=["mentions.quotes"], config="quotes")
def make_quotes(config: dict[str, Any]) -> QuotesStage:
    """Direct, indirect and mixed quotes with cue and speaker (``mentions.quotes``)."""
    return QuotesStage(config)
