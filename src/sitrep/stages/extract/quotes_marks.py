"""Quote-mark pairing for ``extract.quotes.v1``: direct quotes in any mark style.

Handles straight ("), curly (“ ”, „), guillemets (« », ‹ ›) and single (‘ ’, ') marks, marks
nested inside each other, and quotes that run over several paragraphs (the news convention:
each continued paragraph opens with a mark, only the last one closes). An unbalanced mark
degrades that one quote (closed at its paragraph's end, or dropped) and is reported as a
problem; it never affects the other quotes of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“„‟«‹")
DOUBLE_CLOSE = frozenset("”»›")
DOUBLE_AMBIGUOUS = frozenset('"')
DOUBLE = DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_AMBIGUOUS
DOUBLE_PAIRS = frozenset({"''", "``"})
"""Typewriter double quotes made of two single marks (older wire and NYT copy)."""
SINGLE_OPEN = frozenset("‘")
SINGLE_CLOSE = frozenset("’")
SINGLE_AMBIGUOUS = frozenset("'")
SINGLE = SINGLE_OPEN | SINGLE_CLOSE | SINGLE_AMBIGUOUS

_BEFORE_OPEN = frozenset(" \t\n([{—–-/:")
_AFTER_CLOSE = frozenset(" \t\n)]},.;:!?—–-…/")
_PARAGRAPH = re.compile(r"[^\n]+")
_DOUBLE_MARK = re.compile("''|``|[\"“”„‟«»‹›]")
_SINGLE_MARK = re.compile("['‘’]")

MAX_SINGLE_CHARS = 400
"""A single-quoted span longer than this is taken for apostrophes, not a quote."""


@dataclass(frozen=True)
class MarkedSpan:
    """A span of text between quote marks, marks included (``text[start:end]``)."""

    start: int
    end: int
    balanced: bool = True
    single: bool = False
    paragraphs: int = 1


@dataclass(frozen=True)
class MarkProblem:
    offset: int
    code: str
    message: str


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of ``text`` (news paragraphs), as ``(start, end)`` offsets."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _width(text: str, i: int) -> int:
    """Length of the double quote mark at ``i`` (2 for typewriter ``''`` and ````), else 0."""
    if text[i : i + 2] in DOUBLE_PAIRS:
        return 2
    return 1 if text[i] in DOUBLE else 0


def _role(text: str, i: int, par_start: int, par_end: int) -> str:
    """``open``, ``close`` or ``either`` for the double mark at ``i``, from its neighbours."""
    width = max(1, _width(text, i))
    ch = text[i]
    if text[i : i + 2] == "``":
        return "open"
    prev = text[i - 1] if i > par_start else " "
    nxt = text[i + width] if i + width < par_end else " "
    opens_by_context = prev in _BEFORE_OPEN or prev in DOUBLE or prev in SINGLE
    closes_by_context = nxt in _AFTER_CLOSE or nxt in DOUBLE or nxt in SINGLE
    if ch in DOUBLE_OPEN:
        # a misprinted opener used as a closer: "... done“ he said"
        if closes_by_context and not opens_by_context and not nxt.isalnum():
            return "close"
        return "open"
    if ch in DOUBLE_CLOSE:
        if opens_by_context and not closes_by_context and nxt.isalnum():
            return "open"
        return "close"
    if opens_by_context and not closes_by_context:
        return "open"
    if closes_by_context and not opens_by_context:
        return "close"
    return "either"


def _first_char(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return None


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def double_quotes(text: str) -> tuple[list[MarkedSpan], list[MarkProblem]]:
    """Pair the double quote marks of ``text`` (any style, nested, over paragraphs)."""
    spans: list[MarkedSpan] = []
    problems: list[MarkProblem] = []
    stack: list[tuple[int, str]] = []
    carried = 1  # paragraphs the open quote has run over
    pars = paragraphs(text)
    prev_end = 0
    for index, (p_start, p_end) in enumerate(pars):
        skip: int | None = None
        if stack:
            first = _first_char(text, p_start, p_end)
            if first is not None and _width(text, first) and _role(
                text, first, p_start, p_end
            ) != "close":
                skip = first  # the quote goes on in this paragraph
                stack = stack[:1]
                carried += 1
            else:
                start = stack[0][0]
                spans.append(
                    MarkedSpan(start, _strip_end(text, start, prev_end), False, False, carried)
                )
                problems.append(
                    MarkProblem(start, "unbalanced_quote", "quote mark never closed; "
                                "quote ends at its paragraph's end")
                )
                stack = []
                carried = 1
        for found in _DOUBLE_MARK.finditer(text, p_start, p_end):
            i = found.start()
            width = found.end() - i
            ch = text[i]
            if i == skip:
                continue
            role = _role(text, i, p_start, p_end)
            at = i
            i += width - 1  # i is now the mark's last character
            if role == "either":
                typewriter = stack and stack[-1][1] in DOUBLE_AMBIGUOUS | SINGLE_AMBIGUOUS
                role = "close" if typewriter else "open"
            if role == "open":
                stack.append((at, ch))
                continue
            if not stack:
                problems.append(
                    MarkProblem(at, "stray_quote_mark", "closing quote mark without an opening one")
                )
                continue
            start, _ = stack.pop()
            if not stack:
                spans.append(MarkedSpan(start, i + 1, True, False, carried))
                carried = 1
        if stack and index == len(pars) - 1:
            start = stack[0][0]
            spans.append(MarkedSpan(start, _strip_end(text, start, p_end), False, False, carried))
            problems.append(
                MarkProblem(start, "unbalanced_quote",
                            "quote mark never closed; quote ends at the end of the text")
            )
            stack = []
        prev_end = p_end
    return spans, problems


def _single_opens(text: str, i: int, p_start: int, p_end: int) -> bool:
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + 1] if i + 1 < p_end else " "
    if text[i] in SINGLE_CLOSE and text[i] not in SINGLE_OPEN:
        return False
    return (prev in _BEFORE_OPEN or prev in DOUBLE) and not nxt.isspace()


def _single_closes(text: str, i: int, p_start: int, p_end: int) -> bool:
    prev = text[i - 1] if i > p_start else " "
    nxt = text[i + 1] if i + 1 < p_end else " "
    if text[i] in SINGLE_OPEN:
        return False
    if prev.isalnum() and nxt.isalnum():  # an apostrophe: don't, Clinton's
        return False
    return not prev.isspace() and (nxt in _AFTER_CLOSE or nxt in DOUBLE)


def single_quotes(text: str, outside: list[MarkedSpan]) -> list[MarkedSpan]:
    """Pairs of single quote marks within one paragraph, outside the double-quoted spans."""
    spans: list[MarkedSpan] = []
    blocked = [(s.start, s.end) for s in outside]
    for p_start, p_end in paragraphs(text):
        opener: int | None = None
        for found in _SINGLE_MARK.finditer(text, p_start, p_end):
            i = found.start()
            if text[i - 1 : i + 1] in DOUBLE_PAIRS or text[i : i + 2] in DOUBLE_PAIRS:
                continue
            if any(s <= i < e for s, e in blocked):
                continue
            if opener is None:
                if _single_opens(text, i, p_start, p_end):
                    opener = i
                continue
            if _single_closes(text, i, p_start, p_end):
                if i - opener <= MAX_SINGLE_CHARS:
                    spans.append(MarkedSpan(opener, i + 1, True, True, 1))
                opener = None
            elif _single_opens(text, i, p_start, p_end) and text[i] in SINGLE_OPEN:
                opener = i
    return spans


_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]{0,400})?/?>")


def markup(text: str) -> list[tuple[int, int]]:
    """The char ranges of markup tags left in a text (an embedded post's ``<tweet
    author="..." date="...">``): their quote marks delimit attribute values, their words are no
    prose."""
    return [m.span() for m in _TAG.finditer(text)]


def quote_spans(text: str) -> tuple[list[MarkedSpan], list[MarkProblem]]:
    """All quoted spans of ``text`` in text order, and the mark problems met; the marks inside
    markup tags are not quote marks."""
    tags = markup(text)
    if tags:
        chars = list(text)
        for start, end in tags:
            chars[start:end] = [c if c == "\n" else " " for c in chars[start:end]]
        text = "".join(chars)
    doubles, problems = double_quotes(text)
    singles = single_quotes(text, doubles)
    return sorted(doubles + singles, key=lambda s: s.start), problems
