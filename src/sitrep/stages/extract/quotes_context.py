"""The working state of ``extract.quotes.v1``: one attribution under construction
(:class:`Relation`, character ranges of cue, speaker and content), the per-document
:class:`Context` (text, parse, lexicon, quote marks, paragraphs) and the helpers that turn token
runs into character spans (:func:`trim`, :func:`snap`).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sitrep.stages.extract.quotes_lexicon import Lexicon, Status
from sitrep.stages.extract.quotes_marks import MarkedSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

Kind = Literal["direct", "indirect", "mixed"]
Range = tuple[int, int]

SENTENCE_END = frozenset({".", "?", "!"})
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


def contiguous(indices: list[int], head: int) -> list[int]:
    """The run of consecutive indices around ``head``."""
    pool = set(indices)
    lo = hi = head
    while lo - 1 in pool:
        lo -= 1
    while hi + 1 in pool:
        hi += 1
    return list(range(lo, hi + 1))
