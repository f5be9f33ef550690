"""The splitter's fast paths give exactly what the plain algorithm gives.

``SentenceSplitter.split`` is written for speed: a cache of what the word before a
period means, the word found in the reversed text, sentences cut without stripping,
Sentence objects filled column-wise. ``plain_split`` below is the straightforward
version of the same rules (one event at a time, the word before a period found and
classified from scratch, each sentence stripped and built with ``Sentence(...)``);
both must agree on every input.
"""

from __future__ import annotations

import dataclasses
import pickle
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import sentences as S
from analysis.sentences import Sentence, SentenceSplitter


def plain_period_breaks(sp: SentenceSplitter, text: str, p: int, j: int, quoted: bool) -> bool:
    token, tstart = sp._token_before(text, p)
    if not token:
        return True
    if S._LIST_TOKEN_RE.fullmatch(token) and sp._at_line_start(text, tstart):
        return False
    kind = sp._kind(token)
    if kind is None:
        return True
    if kind == "prefix":
        return False
    nxt = text[j]
    if kind == "number":
        return not nxt.isdigit()
    if kind == "month" and nxt.isdigit():
        return False
    if quoted:
        return True
    return sp._starts_sentence(text, j)


def plain_capped(
    sp: SentenceSplitter, text: str, start: int, end: int, para: int, out: list[Sentence]
) -> None:
    half = sp.max_chars // 2
    while end - start > sp.max_chars:
        hi = start + sp.max_chars
        m = S._LAST_WS_RE.match(text, start + half, hi + 1)
        cut = m.end() - 1 if m else hi
        piece = text[start:cut].rstrip()
        if piece:
            out.append(Sentence(start, start + len(piece), piece, para))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, text[start:end], para))


def plain_line_is_list_item(sp: SentenceSplitter, text: str, lb: int) -> bool:
    lo = max(0, lb - sp.max_chars)
    i = lb - 1
    while i >= lo and text[i] not in S._LB_CHARS:
        i -= 1
    k = i + 1
    while k < lb and text[k] in " \t":
        k += 1
    return S._LIST_RE.match(text, k, lb + 1) is not None


def plain_line_continues(sp: SentenceSplitter, text: str, lb: int, j: int) -> bool:
    if j >= len(text):
        return False
    if S._LIST_RE.match(text, j):
        return False
    if text[j].islower():
        return True
    k = lb
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0:
        return False
    last = text[k - 1]
    if last in ",;":
        return True
    if last == ".":
        token, _ = sp._token_before(text, k - 1)
        return bool(token) and sp.abbreviations.get(token.lower()) == "prefix"
    return False


# the events without the splitter's shortcut for ". The" (its first alternative)
PLAIN_EVENT_RE = re.compile(
    f"(?P<x>[{re.escape(S._TERM)}{S._LB_CHARS}])"
    f"(?:(?<={S._TERM_CLASS})(?P<t>{S._TERM_CLASS}{{0,10}}+)(?P<c>[{re.escape(S._CLOSERS)}]*+)"
    f"{S._H}++(?=\\S)"
    f"|(?<=[{S._LB_CHARS}])(?:(?<=\r)\n)?+(?P<para>(?:{S._H}*{S._LBX})+)?{S._H}*+)"
)


def plain_split(
    sp: SentenceSplitter, text: str, cuts: list[tuple[int, int]] | None = None
) -> list[Sentence]:
    """The rules of analysis.sentences, one regex event at a time, without shortcuts;
    ``cuts`` collects the (start, end) of each over-long stretch cut at whitespace."""
    out: list[Sentence] = []
    if not text or text.isspace():
        return out
    lines_are_paragraphs = (
        re.search(f"[{S._LB_CHARS}]", text) is None or S._BLANK_LINE_RE.search(text) is None
    )
    n = len(text)
    pos, para, new_para = 0, -1, True

    def emit(a: int, b: int) -> None:
        nonlocal para, new_para
        seg = text[a:b]
        stripped = seg.strip()
        if not stripped:
            return
        start = a + (len(seg) - len(seg.lstrip()))
        end = start + len(stripped)
        if new_para:
            para += 1
            new_para = False
        if end - start <= sp.max_chars:
            out.append(Sentence(start, end, stripped, para))
        else:
            if cuts is not None:
                cuts.append((start, end))
            plain_capped(sp, text, start, end, para, out)

    for m in PLAIN_EVENT_RE.finditer(text):
        x = m.group("x")
        if x in S._TERM_SET:
            j = m.end()
            nxt = text[j]
            while nxt in S._OPENERS and j + 1 < n:
                j += 1
                nxt = text[j]
            if nxt.islower() or nxt in S._NO_BREAK_BEFORE:
                continue
            t = x + m.group("t")
            closers = m.group("c")
            quoted = bool(closers) and closers[0] in S._CLOSERS_QUOTES
            if quoted and nxt.isupper() and sp._attribution.match(text, j):
                continue
            if t == ".":
                if not plain_period_breaks(sp, text, m.start(), j, quoted):
                    continue
            elif ("…" in t or ".." in t) and not quoted:
                if not sp._starts_sentence(text, j):
                    continue
            b = m.end("c")
            emit(pos, b)
            pos = b
        elif m.group("para") is not None or x == "\u2029":
            emit(pos, m.start())
            pos = m.end()
            new_para = True
        else:
            lb, j = m.start(), m.end()
            if plain_line_continues(sp, text, lb, j):
                continue
            emit(pos, lb)
            pos = j
            if lines_are_paragraphs or (
                not sp._line_has_final_punct(text, lb)
                and not plain_line_is_list_item(sp, text, lb)
                and not S._LIST_RE.match(text, j)
            ):
                new_para = True
    emit(pos, n)
    return out


TRICKY = [
    "Gen. Mark Milley met U.S. officials on Jan. 6. “Talks are on. We hope,” he said.",
    "in the U.S. The talks. The U.S. Army left. Roe v. Wade. J. R. R. Tolkien wrote. etc. The end.",
    "1. First item\n2. Second item\n  iv. Fourth\n(a) x. Y\n- bullet. Next\n\nMr.\nSmith came. No. 5 won. No. Really.",
    "“Why now?” Foreign Minister Sergey Lavrov asked on Monday. “Go!” she said, “we will.” Then...",
    "It’s hard … to swallow. … But we will... The end.. Really?! Yes!!! (Fine.) [Done.] «Oui.» Next.",
    "Headline here\nAuthor: Dave DeCamp\n\nBody. Text\r\nmore text\r\n\r\nNew para.\u2029Last one. \u2028x",
    "anti-Gen. Smith and ex-Sen. Lee. St. Petersburg. Feb. 24 came. In Feb. The war. a.m. The. p.m. today",
    "  \n\n  leading space. Trailing space.   \n   \n",
    "“U.S.” The end. 'e.g.' This. (Ph.D.) The. —Mr. Big. -Dr. No. 3.5% rose. $1.2 billion. v. Wade",
    "x" * 50 + ". " + "y " * 40 + "\n" + "z" * 30,
]

TOKENS = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        "\u00a0",
        "\u2029",
        "\u2028",
        "\x0c",
        "\x1f",
        "\x85",
        ".",
        ". ",
        "...",
        "…",
        "?",
        "!",
        "?!",
        "..",
        "“",
        "”",
        '"',
        "'",
        "’",
        "‘",
        "«",
        "»",
        "(",
        ")",
        "[",
        "]",
        ",",
        ";",
        ":",
        "-",
        "—",
        "- ",
        "• ",
        "1. ",
        "a) ",
        "iv. ",
        "Mr.",
        "mr.",
        "U.S.",
        "Feb.",
        "No.",
        "Inc.",
        "a.m.",
        "J.",
        "v.",
        "etc.",
        "anti-Gen.",
        "The",
        "the",
        "He",
        "However",
        "Putin",
        "said",
        "asked",
        "Lavrov",
        "however",
        "3.5%",
        "$1.2",
        "2022",
        "6",
        "\x00",
        "é",
        "É",
        "ß",
        "\u0301",
        "🇺🇦",
        "中文。",
        "x" * 30,
    ]
)
ARTICLES = st.one_of(st.text(max_size=300), st.lists(TOKENS, max_size=80).map("".join))
SPLITTERS = {n: SentenceSplitter(max_chars=n) for n in (2, 15, 60, S.MAX_SENTENCE_CHARS)}


def assert_same(sp: SentenceSplitter, text: str) -> None:
    got, cuts = sp.split_with_cuts(text)
    plain_cuts: list[tuple[int, int]] = []
    assert got == plain_split(sp, text, plain_cuts)
    assert cuts == plain_cuts  # the over-long stretches reported are the ones cut
    assert all(type(s) is Sentence for s in got)


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("max_chars", sorted(SPLITTERS))
def test_fast_split_equals_plain_split_on_tricky_texts(text, max_chars):
    assert_same(SPLITTERS[max_chars], text)
    assert_same(SPLITTERS[max_chars], text)  # again, now with the word cache filled


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES, st.sampled_from(sorted(SPLITTERS)))
def test_property_fast_split_equals_plain_split(text, max_chars):
    assert_same(SPLITTERS[max_chars], text)


def test_fast_split_equals_plain_split_on_the_seed(seed_text):
    assert_same(S.default_splitter(), seed_text)


def test_word_cache_is_bounded_and_does_not_change_results(monkeypatch):
    monkeypatch.setattr(S, "_TOKEN_CACHE_MAX", 3)
    sp = SentenceSplitter()
    text = " ".join(TRICKY)
    assert sp.split(text) == plain_split(sp, text)
    assert len(sp._period_words) <= 3
    assert sp.split(text) == plain_split(sp, text)


def test_pickled_splitter_splits_the_same():
    sp = SentenceSplitter()
    text = " ".join(TRICKY)
    first = sp.split(text)
    copy = pickle.loads(pickle.dumps(sp))
    assert copy._period_words == {} and sp._period_words  # the cache stays behind
    assert copy.split(text) == first
    assert copy.abbreviations == sp.abbreviations and copy.max_chars == sp.max_chars


def test_column_built_sentences_are_ordinary_sentences():
    built = S._sentences([0, 5], [4, 9], ["One.", "Two."], [0, 1])
    plain = [Sentence(0, 4, "One.", 0), Sentence(5, 9, "Two.", 1)]
    assert built == plain
    assert [hash(s) for s in built] == [hash(s) for s in plain]
    assert [repr(s) for s in built] == [repr(s) for s in plain]
    assert pickle.loads(pickle.dumps(built)) == plain
    assert [dataclasses.astuple(s) for s in built] == [(0, 4, "One.", 0), (5, 9, "Two.", 1)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        built[0].start = 1  # type: ignore[misc]
    assert S._sentences([], [], [], []) == []


@settings(max_examples=300, deadline=None)
@given(ARTICLES, st.sampled_from(sorted(SPLITTERS)))
def test_property_line_helpers_equal_plain_ones(text, max_chars):
    sp = SPLITTERS[max_chars]
    for lb in range(len(text) + 1):
        assert sp._line_is_list_item(text, lb) == plain_line_is_list_item(sp, text, lb)
        for j in (lb + 1, lb + 2):
            assert sp._line_continues(text, lb, j) == plain_line_continues(sp, text, lb, j)


def test_event_shortcut_matches_like_the_plain_events():
    text = " ".join(TRICKY) + " a. B a.  C a.\tD a.\u00a0E a. é a.” F a.. G a. \u2029H .\n. X"
    fast = [m.span() for m in S._EVENT_RE.finditer(text)]
    assert fast == [m.span() for m in PLAIN_EVENT_RE.finditer(text)]
    assert any(m.lastindex == S._PLAIN_PERIOD for m in S._EVENT_RE.finditer(text))


EVENT_DENSE = st.text(alphabet=S._EVENT_CHARS + ' \t\u00a0x”)"A', max_size=60)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(EVENT_DENSE, ARTICLES))
def test_property_events_by_literal_scans_equal_one_scan(text):
    def spans(matches):
        return [(m.regs, m.lastindex) for m in matches]

    assert spans(S._events(text)) == spans(S._EVENT_RE.finditer(text))


def test_sentence_has_no_init_side_effects():
    # _sentences fills the slots directly: it would skip a __post_init__ or any other __init__ work
    assert not hasattr(Sentence, "__post_init__")
    assert [f.name for f in dataclasses.fields(Sentence)] == ["start", "end", "text", "paragraph"]
    assert Sentence.__slots__ == ("start", "end", "text", "paragraph")
