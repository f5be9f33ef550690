"""Quotation spans of an article: where quoted speech starts and ends.

Curly marks (“ ”) say which way they point; a straight mark (") is an
opener when it follows a space or a line start and a closer otherwise. A
quotation left open at the end of a paragraph continues when the next
paragraph opens with a quotation mark (the newspaper convention), otherwise
it is closed there, so one stray mark never swallows the rest of the article.

Single quotation marks (British style: ‘We will not surrender,’ he said / 'We will,' he
said) count outside double-quoted text, told from apostrophes (don't, Russia's, '90s,
rock 'n' roll, the soldiers' families) by what stands on either side of the mark: an
opener follows a space or a line start and is not an elision; a closer follows a non-space
and is not followed by a letter or digit.

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

_SPACES = re.compile(r"\s*")
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
    if not text:
        return []
    spans = _double_quotes(text) if (any(c in text for c in ALL_MARKS) or "''" in text) else []
    if "‘" in text or "'" in text or "’" in text:
        single = _single_quotes(text, spans)
        if single:
            spans = sorted(spans + single, key=lambda q: q.start)
    return spans


SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
APOSTROPHE = "'"
_OPEN_PREV = "([{—–-/"
#: what follows an apostrophe that starts a word, not a quotation: '90s, 'em, 'tis, rock 'n'
#: roll, 's-Hertogenbosch
_ELISION = re.compile(r"(?i)(?:\d\d?s?|em|tis|twas|til|cause|cos|bout|round|n|nuff|s|ll|re|ve|d|t)"
                      r"(?!\w)")


def _single_quotes(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotations in single marks outside the double-quoted ones (see the module doc)."""
    n = len(text)
    find = text.find
    opens: list[int] = []
    for ch in (SINGLE_OPEN, APOSTROPHE):
        p = find(ch)
        while p >= 0:
            prev = text[p - 1] if p > 0 else "\n"
            if (prev.isspace() or prev in _OPEN_PREV) and p + 1 < n:
                nxt = text[p + 1]
                if not nxt.isspace() and nxt not in "'’" and not _ELISION.match(text, p + 1):
                    opens.append(p)
            p = find(ch, p + 1)
    if not opens:
        return []
    opens.sort()
    # double-quoted stretches (marks included): single marks inside them are nested quotations
    blocked = [(q.open_at if q.open_at >= 0 else q.start, (q.close_at if q.close_at >= 0 else q.end) + 1)
               for q in doubles]
    para_ends = [m.start() for m in _PARA_BREAK.finditer(text)] + [n]
    out: list[QuoteSpan] = []
    chain = max((q.chain for q in doubles), default=0) + 1000
    bi = pi = 0
    pos = 0  # nothing before pos is searched again
    prev_unclosed_para = -1
    # (paragraph end or limit, closer marks) searched in vain from an earlier opener: a later
    # opener before the same limit finds no closer either (its candidates are a subset, each
    # refused for a reason of its own), and it does not open its paragraph, so it is skipped;
    # without this a paragraph of many unclosed marks (" 'a 'b 'c ...") is quadratic
    dead: set[tuple[int, str]] = set()
    for o in opens:
        if o < pos:
            continue
        while bi < len(blocked) and blocked[bi][1] <= o:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= o:
            continue  # inside a double-quoted stretch
        while para_ends[pi] <= o:
            pi += 1
        limit = para_ends[pi]
        if bi < len(blocked):
            limit = min(limit, blocked[bi][0])
        closer_chars = "’" if text[o] == SINGLE_OPEN else "'"
        if (limit, closer_chars) in dead:
            continue
        close = -1
        fallback = -1
        p = o + 1
        while True:
            cands = [c for c in (find(ch, p, limit) for ch in closer_chars) if c >= 0]
            if not cands:
                break
            c = min(cands)
            p = c + 1
            before = text[c - 1]
            after = text[c + 1] if c + 1 < n else " "
            if before.isspace() or after.isalnum() or c == o + 1:
                continue  # an apostrophe inside a word (don't, Russia's) or an opener
            if closer_chars == "'" and (after == "'" or before == "'"):
                continue  # two apostrophes: a double mark
            if before in "sS" and after == " " and c + 2 < n and text[c + 2].isalnum():
                if fallback < 0:
                    fallback = c  # the soldiers' families: a possessive, unless nothing follows
                continue
            close = c
            break
        if close < 0:
            close = fallback
            if close < 0:
                dead.add((limit, closer_chars))
        pstart = para_ends[pi - 1] if pi > 0 else 0
        lead = _SPACES.match(text, pstart)
        assert lead is not None  # \s* matches everywhere
        at_para_start = lead.end() >= o  # (not a copy of the paragraph)
        if at_para_start and prev_unclosed_para == pi - 1 and out and not out[-1].closed:
            ch_id = out[-1].chain  # the next paragraph of a quotation left open
        else:
            ch_id = chain
        if close >= 0:
            out.append(QuoteSpan(o + 1, close, o, close, ch_id, True))
            chain += ch_id == chain
            pos = close + 1
            continue
        # no closer in the paragraph: a quotation opening its paragraph runs to its end and
        # goes on when the next paragraph opens with a single mark (the newspaper convention)
        if not at_para_start or limit != para_ends[pi] or \
                text[o + 1:limit].rstrip()[-1:] not in ".!?…":
            continue
        chain += ch_id == chain
        out.append(QuoteSpan(o + 1, _trim_end(text, o + 1, limit), o, -1, ch_id, False))
        prev_unclosed_para = pi
        pos = limit
    return out


def _double_quotes(text: str) -> list[QuoteSpan]:
    """The spans of double quotation marks (curly, straight or two apostrophes)."""
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
        if ch in OPEN_MARKS or (ch == STRAIGHT and open_at < 0 and _is_opener(text, i)) or (
                ch == "”" and open_at < 0 and _is_opener(text, i)):
            # (a closing mark after a space and before a word, with nothing open, opens: the
            # wrong mark typed, '“…,” Kennan stated. ”I think …”')
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
