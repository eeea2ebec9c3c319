"""Layer 1 of the counts stage: every casualty figure in an article, with no events needed.

A :class:`Figure` is one number that counts people killed, injured, abducted, arrested or
displaced, with its category, best / low / high, who the people are (civilians, combatants),
whether it is a new total, an increment ("two more") or part of another figure's breakdown
("including 10 foreigners"), the source it is attributed to and the spans it comes from.

How a number becomes a figure (in order, first rule that decides wins):

1. a breakdown: the number follows a figure of the same sentence after "including", "–",
   "(", ":", "among them", or is followed by "of whom" / "of them": it is a *part*;
2. backward: a casualty verb or noun right before it ("killing 11", "the death of six",
   "the death toll rose to 30");
3. forward: the number's noun phrase, then auxiliaries, then a casualty word ("13 people were
   killed", "six inmates dead", "14 others wounded"); an active transitive verb with an
   object after it means the number counts the perpetrators ("two bombers killed 12"), and it
   is rejected;
4. the dependency parse: the noun phrase is the passive subject or object of a casualty verb,
   the subject of "die", or of a verb whose object is "injuries" / "lives".

A casualty verb with no number whose victim is one named or singular person ("the village
chief was shot dead") gives an *implicit* figure of 1.

Who a figure counts is read by :mod:`~sitrep.stages.extract.counts_victims`, who reports it by
:mod:`~sitrep.stages.extract.counts_sources`, and which figures break another down by
:mod:`~sitrep.stages.extract.counts_breakdowns`; the casualty words and how a number reaches
one are in :mod:`~sitrep.stages.extract.counts_links`.
"""


from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from sitrep.stages.extract.counts_breakdowns import _breakdown_parent, _with_parts
from sitrep.stages.extract.counts_lexicon import Lexicon, lexicon
from sitrep.stages.extract.counts_links import (
    Trigger,
    backward,
    dependency,
    find_triggers,
    forward,
    toll_of,
    unsplit_partner,
)
from sitrep.stages.extract.counts_sources import Status, _source
from sitrep.stages.extract.counts_victims import _personish, _victim_noun, _victims_of, victim_class
from sitrep.stages.extract.numbers import Quantity, find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan

    from sitrep.pipeline.document import Document

Kind = Literal["total", "increment", "part", "implicit"]


@dataclass(frozen=True)
class Figure:
    """One casualty figure in an article (character offsets into the text)."""

    category: str
    best: int
    low: int | None
    high: int | None
    qualifier: str
    start: int
    end: int
    """the number with its qualifier ("at least 13"); for an implicit figure, the victim"""
    sentence: tuple[int, int]
    trigger: tuple[int, int] | None = None
    """the casualty word ("killed", "death toll")"""
    kind: Kind = "total"
    victims: str | None = None
    """the noun that names the people counted (lemma), e.g. "civilian"."""
    victims_span: tuple[int, int] | None = None
    civilians: int | None = None
    combatants: int | None = None
    parent: int | None = None
    """for a part: index (in the article's figure list) of the figure it breaks down"""
    source: tuple[int, int] | None = None
    """the span naming who reports the figure ("the army", "police and medical sources")"""
    status: Status = "reported"
    parts: tuple[int, ...] = field(default=())

    @property
    def evidence(self) -> tuple[int, int]:
        """The smallest span holding the number, its casualty word and the noun naming the
        people ("killed two other civilians", "Two more people were killed")."""
        spans = [(self.start, self.end)]
        if self.trigger is not None:
            spans.append(self.trigger)
        if self.victims_span is not None and abs(self.victims_span[0] - self.end) < 40:
            spans.append(self.victims_span)
        return (min(a for a, _ in spans), max(b for _, b in spans))


# -- the finder ---------------------------------------------------------------------------
def _listed_after(
    parsed: SpacyDoc, text: str, q: Quantity, qfirst: int, figures: list[Figure],
    sent: tuple[int, int], triggers: dict[int, Trigger],
) -> Trigger | None:
    """The trigger of the figure this number is listed after, with only nouns between."""
    previous = [f for f in figures if f.sentence == sent and f.end <= q.start
                and f.kind != "part" and f.trigger is not None]
    if not previous:
        return None
    fig = previous[-1]
    gap = parsed.char_span(fig.end, q.start, alignment_mode="expand")
    if gap is None or len(gap) > 8 or not len(gap) or gap[-1].lower_ not in {"and", ","}:
        return None
    if any(t.pos_ not in {"NOUN", "PROPN", "ADJ", "CCONJ", "PUNCT", "DET"} or t.i in triggers
           for t in gap):
        return None
    assert fig.trigger is not None
    for trig in triggers.values():
        if (trig.start, trig.end) == fig.trigger:
            return trig
    return None


def _is_increment(
    doc: SpacyDoc, qfirst: int, last: int, sent: SpacySpan, lex: Lexicon
) -> bool:
    """"two more people", "another six", "14 others": a figure adding to an earlier one."""
    before = range(max(sent.start, qfirst - 2), qfirst)
    after = range(last + 1, min(sent.end, last + 3))
    return any(doc[j].lower_ in lex.increment for j in (*before, *after))


def casualty_figures(doc: Document) -> list[Figure]:
    """Every casualty figure in the document, in text order (needs ``doc.nlp``)."""
    parsed = doc.nlp
    if parsed is None:
        return []
    lex = lexicon()
    text = doc.text
    quantities = [q for q in find_quantities(text) if not q.measure]
    figures: list[Figure] = []
    qi = 0
    for sent in parsed.sents:
        sent_range = (sent.start_char, sent.end_char)
        triggers = find_triggers(sent, lex)
        trigger_chars = sorted({(t.start, t.end) for t in triggers.values()})
        in_sent: list[Quantity] = []
        while qi < len(quantities) and quantities[qi].num_start < sent.end_char:
            if quantities[qi].num_start >= sent.start_char:
                in_sent.append(quantities[qi])
            qi += 1
        spans: list[tuple[Quantity, int, int, int]] = []
        number_tokens: set[int] = set()
        for q in in_sent:
            span = parsed.char_span(q.num_start, q.num_end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            last_span = parsed.char_span(q.start, q.end, alignment_mode="expand")
            last = last_span[-1].i if last_span is not None and len(last_span) else span[-1].i
            qfirst = last_span[0].i if last_span is not None and len(last_span) else span[0].i
            spans.append((q, span[0].i, last, qfirst))
            number_tokens.update(range(span[0].i, last + 1))
        used_triggers: set[int] = set()
        for q, first, last, qfirst in spans:
            noun = _victim_noun(parsed, first, last)
            appositive = noun is not None and (
                noun.dep_ == "appos" or (noun.dep_ == "conj" and noun.head.dep_ == "appos")
            )
            parent = _breakdown_parent(
                text, q, figures, sent_range, lex, trigger_chars, appositive
            )
            victims = noun.lemma_.lower() if noun is not None else None
            victims_span = (noun.idx, noun.idx + len(noun)) if noun is not None else None
            vclass = victim_class(noun, lex)
            if parent is not None:
                figures.append(Figure(
                    category=figures[parent].category, best=q.best, low=q.low, high=q.high,
                    qualifier=q.qualifier, start=q.start, end=q.end, sentence=sent_range,
                    trigger=figures[parent].trigger, kind="part", victims=victims,
                    victims_span=victims_span,
                    civilians=q.best if vclass == "civilian" else None,
                    combatants=q.best if vclass == "combatant" else None, parent=parent,
                    source=figures[parent].source, status=figures[parent].status,
                ))
                continue
            if victims in lex.not_people:
                continue
            num_tok = parsed[last]
            if num_tok.dep_ == "pobj" and num_tok.head.lower_ == "of" \
                    and num_tok.head.head.lemma_.lower() in lex.persons \
                    and num_tok.head.head.lemma_.lower() not in {"family", "group"}:
                continue  # "the mother of three": her children, not casualties
            subset = re.match(
                r"\s+of\s+(?:them|whom|those|the\s+(?:dead|victims|fatalities|casualties|"
                r"injured|wounded|killed|deceased))\b", text[q.end:q.end + 30], re.IGNORECASE,
            ) is not None
            found: Trigger | None = None
            total_marker = False
            coordinated = False
            back = backward(parsed, qfirst, sent, triggers) or toll_of(parsed, last, triggers)
            if back is not None:
                found, total_marker = back
            else:
                fwd = forward(parsed, first, last, sent, triggers, number_tokens)
                if fwd is False:
                    continue
                found = fwd
                if found is None:
                    node = parsed[last]
                    if noun is not None and node.dep_ in {"nummod", "quantmod", "compound"}:
                        node = noun
                    dep = dependency(parsed, node, triggers, lex)
                    if dep is False:
                        continue
                    if dep is not None:
                        found, coordinated = dep
            if found is None:
                found = _listed_after(parsed, text, q, qfirst, figures, sent_range, triggers)
                coordinated = found is not None
            if found is None:
                continue
            among = any(parsed[j].lower_ == "among" for j in range(last + 1, found.token)) \
                if found.token > last else False
            if q.vague and noun is not None and noun.i == found.token:
                continue  # "several gunshot wounds": wounds, not people
            if noun is not None and victims in lex.nouns and not total_marker:
                # "30 deaths": the noun is the casualty word, not the people
                vclass = None
            used_triggers.add(found.token)
            trig_tok = parsed[found.token]
            source, status = _source(sent, trig_tok, lex)
            kind: Kind = "total" if total_marker or coordinated else (
                "increment" if _is_increment(parsed, qfirst, last, sent, lex) else "total"
            )
            parent_of_subset: int | None = None
            if among or subset:
                # "two legislators were among the dead", "one of the fatalities was a soldier"
                parent_of_subset = next((
                    i for i in range(len(figures) - 1, -1, -1)
                    if figures[i].category == found.category and figures[i].kind != "part"
                ), None)
                if parent_of_subset is not None or among:
                    kind = "part"
            figures.append(Figure(
                category=found.category, best=q.best, low=q.low, high=q.high,
                qualifier=q.qualifier, start=q.start, end=q.end, sentence=sent_range,
                trigger=(found.start, found.end), kind=kind, victims=victims,
                victims_span=victims_span,
                civilians=q.best if vclass == "civilian" else None,
                combatants=q.best if vclass == "combatant" else None,
                source=source, status=status, parent=parent_of_subset,
            ))
            other = unsplit_partner(parsed, found, triggers)
            if other is not None:
                # "killed or injured 12": the split is unknown; each category up to 12
                first_fig = figures[-1]
                figures[-1] = replace(first_fig, low=None, high=q.best, qualifier="up_to")
                figures.append(replace(
                    first_fig, category=other.category, trigger=(other.start, other.end),
                    low=None, high=q.best, qualifier="up_to",
                ))
        figures.extend(_implicit(parsed, sent, triggers, used_triggers, number_tokens, lex))
    return _with_parts(figures, text)


SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
ORDINALS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "latest", "last"}
)
PRONOUN = "<pronoun>"


def _implicit(
    parsed: SpacyDoc, sent: SpacySpan, triggers: dict[int, Trigger], used: set[int],
    number_tokens: set[int], lex: Lexicon,
) -> Iterable[Figure]:
    """Figures of 1 for each singular person a casualty word names with no number ("the
    village chief was shot dead"); beside a numbered figure of the same word ("a judge and
    seven members of his family were killed") they are increments of it."""
    seen: set[int] = set()
    taken: set[tuple[int, str]] = set()
    for trig in {t.token: t for t in triggers.values()}.values():
        if trig.token in seen or trig.kind not in {"verb", "adj", "noun", "intr"}:
            continue
        seen.add(trig.token)
        tok = parsed[trig.token]
        numbered = trig.token in used
        for victim in _victims_of(tok, trig, numbered):
            if victim.i in number_tokens or (victim.i, trig.category) in taken:
                continue
            if any(c.dep_ == "nummod" or c.lower_ in ORDINALS for c in victim.children):
                continue  # "the third journalist killed this month": a count of incidents
            lemma = victim.lemma_.lower()
            if victim.lower_ in {"another", "one"} and victim.dep_ in {"dobj", "nsubjpass"}:
                pass  # "killed five and wounded another"
            elif victim.pos_ == "PRON":
                if victim.lower_ not in SINGULAR_PRONOUNS or (numbered and not victim.conjuncts):
                    continue
            elif victim.tag_ == "NNP":
                if victim.ent_type_ in {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME"}:
                    continue
            elif victim.tag_ != "NN":
                continue
            if trig.category not in {"killed", "injured"} and victim.pos_ == "NOUN" \
                    and not _personish(victim):
                continue
            if lemma in lex.not_people or lemma in lex.nouns or lemma in {
                "people", "police", "army", "force", "militia", "group", "population",
                "crowd", "military", "government", "unit", "team", "number", "dozen",
            }:
                continue
            taken.add((victim.i, trig.category))
            left = victim.left_edge
            if victim.pos_ == "PROPN":
                first_i = victim.i
                while first_i - 1 >= sent.start and parsed[first_i - 1].pos_ == "PROPN":
                    first_i -= 1
                left = parsed[first_i]
            if left.i < sent.start or left.i > victim.i:
                left = victim
            start, end = left.idx, victim.idx + len(victim)
            vclass = victim_class(victim, lex)
            source, status = _source(sent, tok, lex)
            n = 2 if lemma == "couple" else 1  # "an activist couple were killed"
            yield Figure(
                category=trig.category, best=n, low=n, high=n, qualifier="exact",
                start=start, end=end, sentence=(sent.start_char, sent.end_char),
                trigger=(trig.start, trig.end), kind="total" if numbered else (
                    "increment" if any(c.lower_ in lex.increment for c in victim.children)
                    else "implicit"  # "another Palestinian man was killed": one more
                ),
                victims=PRONOUN if victim.pos_ == "PRON" else (
                    None if victim.pos_ == "PROPN" else lemma
                ),
                victims_span=(victim.idx, victim.idx + len(victim)),
                civilians=1 if vclass == "civilian" else None,
                combatants=1 if vclass == "combatant" else None, source=source,
                status=status,
            )

