"""The ``extract.quotes.v1`` stage: who says what, direct, indirect and mixed.

Three sources of attributions, combined per document:

1. **Speech verbs** from ``data/quotes/verbs.tsv`` in the dependency parse
   (:mod:`.quotes_speech`): the subject is the speaker, the clausal complement (or, per verb,
   the object, infinitive or prepositional object) is the content ("X said that ...", "X
   accused Y of ...", "X warned that ..."); likewise nouns with a "that" clause ("Russia's
   claim that ...", ``nouns.tsv``, :mod:`.quotes_cues`).
2. **Cue phrases** from ``data/quotes/cues.tsv`` ("according to X", "as reported by X"): the noun
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

The stage's modules: :mod:`.quotes_context` (the :class:`Relation` under construction, the
document context, token runs to char spans), :mod:`.quotes_speech` (speech verbs),
:mod:`.quotes_content` (a verb's content slot), :mod:`.quotes_speakers` (speakers in the parse
and their resolution to actors), :mod:`.quotes_cues` (cue nouns, stance adjectives, cue
phrases, evidence), :mod:`.quotes_lines` (headlines and "Speaker: content" lines),
:mod:`.quotes_marks` (quote marks and paragraphs), :mod:`.quotes_attribution` (all of them
combined with the quote marks) and :mod:`.quotes_lexicon` (the data files).
"""

from __future__ import annotations

from typing import Any

from sitrep.pipeline.document import Document
from sitrep.pipeline.registry import register
from sitrep.schema import Quote, Span, Speaker
from sitrep.stages.extract.quotes_attribution import attribute
from sitrep.stages.extract.quotes_context import Context, Range, Relation
from sitrep.stages.extract.quotes_lexicon import load_lexicon
from sitrep.stages.extract.quotes_marks import markup, paragraphs, quote_spans
from sitrep.stages.extract.quotes_speakers import resolve_speakers

NAME = "extract.quotes.v1"


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
        for start, end in markup(text):  # an embedded post's tag: no cue inside
            ctx.muted.update(range(ctx.token_at(start), ctx.token_at(end)))
        relations, leftover = attribute(ctx, self.config)
        relations = _dedupe([r for r in relations if r.content and r.content[1] > r.content[0]])
        relations = _one_per_cue(relations)
        relations.sort(key=lambda r: (r.content or (0, 0)))
        nested: list[Relation] = []
        if self.config.get("outermost_only", True):
            relations, nested = _outermost(
                relations, bool(self.config.get("transcript_inner", True)),
                bool(self.config.get("transcript_drop", True)),
            )
        everyone = resolve_speakers(doc, ctx, [*relations, *nested])
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


def _one_per_cue(relations: list[Relation]) -> list[Relation]:
    """One cue, one attribution. When a speech verb both introduces a quote and has a parsed
    slot apart from it ('accused X of Y, "..."', 'suggested Z. "..."'), the quoted words are what
    it attributes: the parsed slot, disjoint from every quote of that cue, is dropped. Two
    readings of one cue that overlap (a title split at its verb and its parse: "Senator Says
    Plan Is Dead, Vows Fight") keep the longer content."""
    quoted: dict[Range, list[Range]] = {}
    for rel in relations:
        if rel.cue is not None and rel.from_mark and rel.content is not None:
            quoted.setdefault(rel.cue, []).append(rel.content)

    def kept(rel: Relation) -> bool:
        if rel.from_mark or rel.cue is None or rel.content is None or rel.cue not in quoted:
            return True
        return any(q[0] < rel.content[1] and rel.content[0] < q[1] for q in quoted[rel.cue])

    out = [rel for rel in relations if kept(rel)]
    longer: dict[int, Relation] = {}
    for rel in out:
        for other in out:
            if (
                other is not rel and other.cue == rel.cue and rel.cue is not None
                and rel.content is not None and other.content is not None
                and other.content[0] < rel.content[1] and rel.content[0] < other.content[1]
                and other.content[1] - other.content[0] > rel.content[1] - rel.content[0]
            ):
                longer[id(rel)] = other
    return [rel for rel in out if id(rel) not in longer]


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
