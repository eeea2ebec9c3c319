"""Quote marks and parsed attributions combined, for ``extract.quotes.v1``.

:func:`attribute` gathers the relations of the speech verbs, cue words and lines, then places
each quoted span of :mod:`.quotes_marks`: inside a parsed content (a *mixed* quote) or equal to
it (*direct*), next to a speech verb ('"...," X said', 'X said: "..."'), signed with a dash
('"..." ― Name'), going on after its attribution ('"A," X said. "B."', one quote), or
paragraph-initial with no verb of its own (after "X continued:", else the previous speaker's).
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

from sitrep.stages.extract.quotes_context import (
    QUOTE_CHARS,
    SENTENCE_END,
    Context,
    Range,
    Relation,
    snap,
)
from sitrep.stages.extract.quotes_cues import (
    adjective_relations,
    cue_relations,
    evidence_relations,
    noun_relations,
)
from sitrep.stages.extract.quotes_lines import colon_relations, headline_relations
from sitrep.stages.extract.quotes_marks import MarkedSpan
from sitrep.stages.extract.quotes_speech import verb_relations

_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from",
     "as", "is"}
)


def _titled(ctx: Context, mark: MarkedSpan) -> bool:
    """A quoted name in title case in the body ('on "Meet the Press"', 'his book "The Art of
    the Deal"', a slogan): a programme, work or motto, no one's words unless a verb introduces
    it ('called it "Operation Blue Sky"')."""
    if ctx.paragraph(mark.start) == 0:
        return False  # a title-case headline quotes in title case
    quoted = ctx.text[mark.start : mark.end]
    if quoted.rstrip("".join(QUOTE_CHARS) + " ")[-1:] in ("?", "!"):
        return False  # '"What A Night!"', '"Mr. Smith?"': an exclamation or a question, words
    words = [w.strip(".,:;!?\"'“”‘’«»()-–—") for w in quoted.split()]
    words = [w for w in words if w[:1].isalpha()]
    capitals = sum(w[0].isupper() for w in words)
    return capitals >= 2 and all(w[0].isupper() or w.lower() in _MINOR_WORDS for w in words)


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
        if _titled(ctx, mark):
            tight = _window_before(ctx, mark, verbs, limit)
            if tight is None or not tight[1]:
                continue  # 'on NBC's "Meet the Press."': a name, nobody's words
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
    """'"...." ― Jane Doe': a quote signed with a dash and a name, up to the line's end; or
    on a line of its own after the quote's paragraph ('"..."' / '- Jane Doe, in a speech.'),
    the name up to a comma."""
    text = ctx.text
    number = ctx.paragraph(mark.end - 1)
    par_end = ctx.pars[number][1]
    i = mark.end
    while i < par_end and text[i] in " \t\u00a0.":
        i += 1
    own_line = i >= par_end and number + 1 < len(ctx.pars)
    if own_line:  # the quote ends its paragraph: a signature may stand on the next line
        i, par_end = ctx.pars[number + 1]
    if i >= par_end or text[i] not in _DASHES:
        return None
    dash = i
    while i < par_end and (text[i] in _DASHES or text[i] in " \t\u00a0"):
        i += 1
    if own_line:
        line = text[i:par_end].rstrip(" .")
        if not line or line[-1] in _DASHES:
            return None  # "– A subheading –": no signature
        comma = line.find(",")
        par_end = i + (comma if comma > 0 else len(line))
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
