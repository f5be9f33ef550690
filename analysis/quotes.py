"""Quotation spans of an article: where quoted speech starts and ends.

Curly marks (“ ”) say which way they point; a straight mark (") is an
opener when it follows a space or a line start and a closer otherwise. A
quotation left open at the end of a paragraph continues when the next
paragraph opens with a quotation mark (the newspaper convention), otherwise
it is closed there, so one stray mark never swallows the rest of the article.

    >>> spans = find_quotes('He said, “We are ready.” Then he left.')
    >>> [(s.start, s.end, s.closed) for s in spans]
    [(10, 23, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
STRAIGHT2 = "''"  # two apostrophes used as a double quotation mark (some newspapers' archives)
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT

_PARA_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[“„«\"])")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One stretch of quoted text inside one paragraph.

    ``start``/``end`` delimit the quoted content (without the marks);
    ``open_at``/``close_at`` are the offsets of the marks (-1 when missing);
    ``chain`` is shared by the spans of one quotation that runs over
    several paragraphs; ``closed`` is False when no closing mark was found.
    """

    start: int
    end: int
    open_at: int
    close_at: int
    chain: int
    closed: bool


def _is_opener(text: str, i: int) -> bool:
    """Decide whether the straight mark at ``i`` opens a quotation."""
    w = 2 if text.startswith("''", i) else 1
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + w] if i + w < len(text) else " "
    if prev.isspace() or prev in "([{—–-/":
        return not nxt.isspace()
    return False


def _reopens(text: str, i: int) -> bool:
    """A straight mark after a sentence's end and a space, before a word, inside an open
    quotation: it opens the quotation's next paragraph, it does not close it."""
    if i < 2 or not text[i - 1].isspace() or not _is_opener(text, i):
        return False
    j = i - 1
    while j > 0 and text[j].isspace():
        j -= 1
    return text[j] in ".!?" and text[i + 1:i + 2].isalpha()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _nested(text: str, marks: list[tuple[int, str]], k: int) -> bool:
    """Is the straight opener ``marks[k]`` (inside an open quotation) a nested quotation?

    Yes when the next mark closes it within 60 characters and a further mark
    in the same paragraph can still close the outer quotation.
    """
    if k + 2 >= len(marks):
        return False
    i, _ = marks[k]
    j, ch2 = marks[k + 1]
    m, _ = marks[k + 2]
    if ch2 != STRAIGHT or j - i > 60 or _is_opener(text, j):
        return False
    return "\n" not in text[i:m]


def _marks(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of every quotation mark in ``text``, in order: what a regex scan for
    ``''|[“”„«»"]`` finds (a pair of apostrophes is one mark, scanned left to right), by
    C-level ``str.find`` per mark instead of a regex scan of every character."""
    out: list[tuple[int, str]] = []
    find = text.find
    for ch in ALL_MARKS:
        p = find(ch)
        while p >= 0:
            out.append((p, ch))
            p = find(ch, p + 1)
    p = find(STRAIGHT2)
    while p >= 0:
        out.append((p, STRAIGHT2))
        p = find(STRAIGHT2, p + 2)
    out.sort()
    return out


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quotation spans of ``text`` (never raises; unbalanced marks are repaired)."""
    if not text or not (any(c in text for c in ALL_MARKS) or "''" in text):
        return []
    spans: list[QuoteSpan] = []
    para_ends = [m.start() for m in _PARA_BREAK.finditer(text)] + [len(text)]
    pi = 0
    open_at = -1
    start = -1
    chain = 0
    chain_open = False  # the current quotation continues from the previous paragraph
    n = len(text)
    i = 0
    marks = _marks(text)
    skip: set[int] = set()
    last_close = -1
    for k, (i, ch) in enumerate(marks):
        if i in skip:
            continue
        # close any quotation left open at paragraph ends before this mark
        while pi < len(para_ends) and para_ends[pi] <= i:
            if open_at >= 0:
                end = para_ends[pi]
                while end > start and text[end - 1].isspace():
                    end -= 1
                spans.append(QuoteSpan(start, max(start, end), open_at, -1, chain, False))
                # continues if the next paragraph opens with a quotation mark
                nxt = para_ends[pi]
                while nxt < n and text[nxt].isspace():
                    nxt += 1
                chain_open = nxt < n and text[nxt] in OPEN_MARKS + STRAIGHT and nxt == i
                open_at = -1
            pi += 1
        width = len(ch)
        if ch == STRAIGHT2:
            ch = STRAIGHT
        if ch == STRAIGHT and width == 1 and open_at >= 0 and _is_opener(text, i) and \
                not _reopens(text, i) and _nested(text, marks, k):
            # a quotation inside a quotation ('... antonyms - "Russia" and "trust","')
            skip.add(marks[k + 1][0])
            continue
        if ch in OPEN_MARKS or (ch == STRAIGHT and open_at < 0 and _is_opener(text, i)):
            if open_at >= 0:
                # a new opener while one is open: close the old one here
                spans.append(QuoteSpan(start, i, open_at, -1, chain, False))
            if not chain_open:
                chain += 1
            chain_open = False
            open_at, start = i, i + width
        elif ch == STRAIGHT and width == 1 and open_at >= 0 and _reopens(text, i):
            # '... this information. "Bin Laden ...': a new paragraph of the same quotation
            # whose paragraph break was lost (the open one is left unclosed, as at a break)
            spans.append(QuoteSpan(start, _trim_end(text, start, i), open_at, -1, chain, False))
            open_at, start = i, i + width
        elif ch in CLOSE_MARKS or ch == STRAIGHT:
            if open_at >= 0:
                spans.append(QuoteSpan(start, i, open_at, i, chain, True))
                open_at = -1
                last_close = i
            else:
                # a closer with nothing open: the quotation began at the paragraph start
                pstart = 0 if pi == 0 else para_ends[pi - 1]
                pstart = max(pstart, last_close + 1)
                if i - pstart > 400:
                    continue
                last_close = i
                while pstart < i and text[pstart].isspace():
                    pstart += 1
                if i > pstart and not chain_open:
                    chain += 1
                if i > pstart:
                    spans.append(QuoteSpan(pstart, i, -1, i, chain, True))
                chain_open = False
    if open_at >= 0:
        end = para_ends[pi] if pi < len(para_ends) else n
        end = min(end, n)
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append(QuoteSpan(start, max(start, end), open_at, -1, chain, False))
    return spans
