"""Split an article into sentences with exact character offsets.

    >>> text = "Gen. Mark Milley met U.S. officials on Jan. 6. “Talks are on. We hope,” he said."
    >>> [s.text for s in split_sentences(text)]
    ['Gen. Mark Milley met U.S. officials on Jan. 6.', '“Talks are on.', 'We hope,” he said.']

Every :class:`Sentence` satisfies ``text[s.start:s.end] == s.text``; sentences
are in order, do not overlap, are never empty and never start or end with
whitespace. ``paragraph`` numbers the paragraphs from 0.

Why our own splitter
--------------------
``benchmarks/segmenters.py`` compares it with pysbd, syntok and blingfire
(each on the whole text and on each line separately, "+lines") by boundary F1
(sentence end offsets) on the hand-split seed article and on the dev set
(automatic boundaries, indicative only), and times each on the shared corpus
(118 articles, 4,388 sentences; 2-core machine shared with other jobs, so
times vary ±2x between runs)::

    candidate        seed F1  dev F1  µs/sentence
    rules (this)       1.000   0.996      1.6   (1.9 on 100k sentences)
    pysbd              0.919   0.947   1100-1700
    syntok             1.000   1.000    ~370   (dev boundaries look syntok-made)
    blingfire          0.889   0.983     ~18
    blingfire+lines    1.000   0.993     ~24
    VADER polarity_scores (the speed reference)   ~47

The pipeline (split + frame + source) must be at least twice as fast as VADER,
i.e. about 23 µs per sentence in all: pysbd and syntok alone are 15-70x over
that budget, and blingfire (fast C, but through ctypes and a per-line wrapper
for headlines) would take the whole budget by itself while still splitting
"Roe v. Wade", "J. R. R. Tolkien", numbered list markers and quotations
followed by their attribution (“Why now?” Lavrov asked.). This splitter ties
the best seed and dev scores, passes all of ``tests/test_sentences.py``'s
hard cases (syntok+lines and blingfire+lines pass 57 and 58 of 71), keeps exact
offsets (pysbd's ``char_span`` re-finds sentences in the text), needs no
dependency, and keeps its knowledge as data: ``abbreviations.csv``,
``sentence_starters.csv`` and ``sentence_speech_verbs.csv`` in
``analysis/lexicons/``; users add abbreviations or sentence openers with a
file of the same columns (``split_sentences(text, abbreviations="mine.csv")``,
``SentenceSplitter(extra=..., extra_starters=...)``).

The rules
---------
* **Line structure first.** A blank line (or U+2029) ends a paragraph. A single
  line break ends the sentence too — a headline, a byline ("Author: Dave
  DeCamp"), a list item (``- ...``, ``• ...``, ``1. ...``, ``a) ...``) — unless
  the next line obviously continues it (a hard-wrapped line: it starts with a
  lowercase letter, or the line ends with ``,``/``;``/a title such as "Mr.",
  and the next line is not a list item). A single line break also starts a new
  paragraph when the text has no blank lines at all (one paragraph a line, as
  text extractors write it) or when it follows a line without final
  punctuation that is not a list item (a headline or byline before the body).
* **Final punctuation** ``. ! ? …`` (also ``...``, ``?!``), with any closing
  quotes/brackets ``” ’ " ' » ) ]`` attached, followed by whitespace, ends a
  sentence unless the next character (after opening quotes/brackets) is a
  lowercase letter or ``, ; :``. So a quotation holding several sentences is
  split inside it, and the closing quote stays with the sentence it closes;
  ``,” the spokesperson said.`` has no final punctuation and stays too. After
  ``?”``/``!”``/``.”``, a short capitalized speaker and a speech verb
  (``sentence_speech_verbs.csv``) followed by at most three words and
  punctuation is the quotation's attribution, not a new sentence
  (“Why now?” Foreign Minister Sergey Lavrov asked on Monday.).
* **A period after an abbreviation** (``abbreviations.csv``) depends on its
  kind: ``prefix`` (Mr., Dr., Gen., Sen., e.g.) never ends a sentence;
  ``number`` (No., Art.) does not before a digit; ``month`` (Jan., Feb.) does
  not before a digit; ``any`` (Inc., Corp., St., etc.) — and dotted initials
  (U.S., U.N., J.R.R., a.m.) and single letters — end a sentence only when the
  next word is a usual sentence opener (``sentence_starters.csv``: "The",
  "He", "However", ...). "in the U.S. The talks" breaks, "the U.S. Army" does
  not.
* **An ellipsis** (``…`` or ``...``) without a closing quote is a boundary only
  before a sentence opener ("it’s hard … to swallow" and "… Vladimir Putin"
  are not boundaries, "… But we will" is).
* **Numbers**: "$1.2 billion" and "3.5%" have no whitespace after the point; a
  number at the start of a line followed by a period (``1. First item``) is a
  list marker, not a sentence.
* **Length cap**: a sentence longer than :data:`MAX_SENTENCE_CHARS` (2,000)
  characters is cut at the last whitespace before that length (or hard at
  that length when there is none), so a 10 MB line without punctuation gives
  sentences in linear time. The cut is a repair, never silent: ``split``
  issues an :class:`~analysis.errors.InputWarning` naming how many over-long
  stretches were cut and at which character offsets, and
  :meth:`SentenceSplitter.split_with_cuts` returns the stretches with the
  sentences (``score_corpus`` lists them among an article's warnings). Text
  without such a stretch pays nothing for the check.

Known weak spots: an "any" abbreviation or initials that really end a sentence
before a name ("... in the U.S. Russia said") are not split; an ellipsis that
ends a sentence before a name is not split; hard-wrapped text whose next line
starts with a capital is split at the line break.

Speed: about 1.6-2 µs per sentence (see ``benchmarks/segmenters.py``). Regexes and
tables are compiled once per splitter and the default splitter is cached; the
text is scanned with one literal-prefixed regex per event character present
(``_events``); a splitter caches what the word before a period means (a
rule-level cache: word -> abbreviation kind, bounded); sentences are cut
without stripping and built column-wise (``_sentences``). The plain version of
the algorithm is kept in ``tests/test_sentences_fast.py``, which checks that
both agree.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, fields
from itertools import chain, repeat
from pathlib import Path

from .errors import InputWarning
from .resources import Row, read_rule_table

__all__ = [
    "MAX_SENTENCE_CHARS",
    "Sentence",
    "SentenceSplitter",
    "cut_note",
    "load_abbreviations",
    "load_sentence_starters",
    "load_speech_verbs",
    "split_sentences",
]

#: Longest sentence produced, in characters; longer runs are cut at whitespace.
MAX_SENTENCE_CHARS = 2000

ABBREVIATIONS_FILE = "abbreviations.csv"
STARTERS_FILE = "sentence_starters.csv"
SPEECH_VERBS_FILE = "sentence_speech_verbs.csv"
ABBREVIATION_KINDS = ("prefix", "number", "month", "any")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: ``article_text[start:end] == text``.

    ``paragraph`` is the 0-based index of the paragraph (blocks separated by
    a blank line, or by a line break after a headline/byline line; in a text
    without blank lines, every line).

    >>> split_sentences("Talks resumed Monday.")
    [Sentence(start=0, end=21, text='Talks resumed Monday.', paragraph=0)]
    """

    start: int
    end: int
    text: str
    paragraph: int = 0


# Building many Sentence objects: ``Sentence(...)`` runs the frozen dataclass's __init__ (four
# object.__setattr__ calls in Python) per sentence, a sixth of the splitter's time. The splitter
# collects the columns instead and fills fresh instances through the slot descriptors, each column
# in one C-level map: the same objects (type, fields, equality, hash, pickling), ~3x cheaper.
# This relies on Sentence having no __post_init__ (tests/test_sentences_fast.py checks both paths
# agree and that the fields are these four).
_SET_START, _SET_END, _SET_TEXT, _SET_PARAGRAPH = (
    Sentence.__dict__[f.name].__set__ for f in fields(Sentence)
)


def _sentences(
    starts: list[int], ends: list[int], texts: list[str], paragraphs: list[int]
) -> list[Sentence]:
    """``list(map(Sentence, starts, ends, texts, paragraphs))`` without calling __init__ per item."""
    out = list(map(object.__new__, repeat(Sentence, len(starts))))
    # each __set__ returns None: any() runs the whole map in C
    any(map(_SET_START, out, starts))
    any(map(_SET_END, out, ends))
    any(map(_SET_TEXT, out, texts))
    any(map(_SET_PARAGRAPH, out, paragraphs))
    return out


# --- character classes ------------------------------------------------------------------------
_LB_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() breaks at
_LB_NO_CR = _LB_CHARS.replace("\r", "")
_H = f"[^\\S{_LB_CHARS}]"  # horizontal whitespace
_LBX = f"(?:\r\n|\r(?!\n)|[{_LB_NO_CR}])"  # one line break (CRLF counts once)
_TERM = ".!?…‼⁇⁈⁉"
_CLOSERS = "\"'”’»›)]}"
_CLOSERS_QUOTES = frozenset("\"'”’»›")
_OPENERS = "\"'“‘„«‹([{"
_NO_BREAK_BEFORE = frozenset(",;:")
_TERM_SET = frozenset(_TERM)
# the characters str.isspace() and str.strip() take for whitespace (none is above U+3000)
_SPACES = frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace())

# Events, in text order: a line break (with any blank lines after it: a paragraph break), or
# final punctuation followed by horizontal whitespace and a non-space character (a candidate
# boundary). Punctuation at the end of a line or of the text is left to the line-break / end logic.
# The pattern starts with one character class, so CPython's regex engine skips to candidates
# at C speed (an alternation of classes would be tried at every character: ~8x slower); every
# repeat is possessive or bounded, so scanning stays linear on any input.
# The first alternative is a shortcut for the most common event, a single period followed by
# spaces and an ASCII capital (". The"): the second alternative would match it too, with the same
# span, but the splitter can skip most checks when `m.lastindex` says the first one matched.
_TERM_CLASS = f"[{re.escape(_TERM)}]"
_EVENT_CHARS = _TERM + _LB_CHARS


def _event_re(first: str) -> re.Pattern[str]:
    """The event pattern whose first character (group x) is ``first`` (a regex)."""
    return re.compile(
        f"(?P<x>{first})"
        f"(?:(?<=\\.)(?P<plain>{_H}++)(?=[A-Z])"
        f"|(?<={_TERM_CLASS})(?P<t>{_TERM_CLASS}{{0,10}}+)(?P<c>[{re.escape(_CLOSERS)}]*+){_H}++(?=\\S)"
        f"|(?<=[{_LB_CHARS}])(?:(?<=\r)\n)?+(?P<para>(?:{_H}*{_LBX})+)?{_H}*+)"
    )


_EVENT_RE = _event_re(f"[{re.escape(_TERM)}{_LB_CHARS}]")
# The same, one pattern per event character. A pattern that starts with one literal character is
# scanned for it about 6x faster than for a character class, so a text whose only event
# characters are, say, "." and "\n" is scanned twice by literal and the matches are merged:
# matches of different characters only overlap when both are final punctuation ("?!", "?..") or
# both line breaks ("\r\n"), and an overlapping match ends where the first one does.
_EVENT_RE_FOR = {ch: _event_re(re.escape(ch)) for ch in _EVENT_CHARS}
_match_start = re.Match.start
_match_end = re.Match.end


def _events(text: str) -> Iterable[re.Match[str]]:
    """``_EVENT_RE.finditer(text)``, only faster."""
    present = [ch for ch in _EVENT_CHARS if ch in text]
    if len(present) == 1:
        return _EVENT_RE_FOR[present[0]].finditer(text)
    if not present:
        return ()
    matches = sorted(
        chain.from_iterable([_EVENT_RE_FOR[ch].finditer(text) for ch in present]), key=_match_start
    )
    terms = len(_TERM_SET.intersection(present))
    if terms < 2 and len(present) - terms < 2:
        return matches  # one kind of final punctuation and one kind of line break: no overlaps
    # Drop the matches that start inside an earlier one: they end where it ends, so keep the
    # first (smallest start) match of each end: the last one written when going backwards.
    matches.reverse()
    kept = list(dict(zip(map(_match_end, matches), matches, strict=True)).values())
    kept.reverse()
    return kept


# m.lastindex of an _EVENT_RE match: which alternative matched (a single line break: 1, group x)
_PLAIN_PERIOD, _FINAL_PUNCT, _PARAGRAPH_BREAK = (
    _EVENT_RE.groupindex[g] for g in ("plain", "c", "para")
)
_BLANK_LINE_RE = re.compile(f"[{_LB_CHARS}](?:(?<=\u2029)|(?:(?<=\r)\n)?+{_H}*+{_LBX})")
# a list item at the start of a line: bullet, "1." "1)" "(1)" "a)" "iv."
_LIST_RE = re.compile(r"(?:[-*•·▪►‣◦–—]|\(?(?:\d{1,3}|[A-Za-z]|[ivxlIVXL]{1,5})[.)])" + _H)
# matched from a point to a line break: its end is the first non-space/tab after the last line
# break before (or the first after the starting point, if none); it always matches
_LINE_START_RE = re.compile(f"(?:.*[{_LB_CHARS}])?[ \t]*+", re.DOTALL)
_LIST_TOKEN_RE = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxlIVXL]{1,5})")
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_NEXT_WORD_RE = re.compile(r"\w+(?:[’']\w+)?")
_LAST_WS_RE = re.compile(r".*\s", re.DOTALL)  # greedy: its end is just past the last whitespace
_FIRST_NON_SPACE_RE = re.compile(r"\s*+")  # its end: the first non-space character (or the end)
_TOKEN_WINDOW = 40  # look this far back for the word before a period
_TOKEN_STRIP_LEFT = _OPENERS + "—–-"
_TOKEN_STRIP_RIGHT = _CLOSERS + "."
_ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# what the word before a period means (see SentenceSplitter._period_word), one object per value
# for the values without a list marker, so the splitter can test the common ones with `is`
_WORD_INFOS: dict[tuple[str | None, int], tuple[str | None, int]] = {
    (kind, 0): (kind, 0) for kind in (None, *ABBREVIATION_KINDS)
}
_PLAIN_WORD = _WORD_INFOS[None, 0]  # no abbreviation: the period ends the sentence
_PREFIX_WORD = _WORD_INFOS["prefix", 0]  # "Mr.": the period never ends the sentence
_TOKEN_CACHE_MAX = 50_000  # entries of SentenceSplitter._period_words before it is emptied


# --- rules as data ----------------------------------------------------------------------------
def _validate_abbreviation(row: Row) -> str | None:
    abbr = row["abbreviation"].rstrip(".")
    if not abbr:
        return "abbreviation is empty (only periods)"
    if any(ch.isspace() for ch in abbr):
        return f"abbreviation {row['abbreviation']!r} contains whitespace; write one word"
    if row["kind"] not in ABBREVIATION_KINDS:
        return f"kind {row['kind']!r} is not one of {', '.join(ABBREVIATION_KINDS)}"
    return None


def _validate_starter(row: Row) -> str | None:
    word = row["word"]
    if any(ch.isspace() for ch in word):
        return f"word {word!r} contains whitespace; write one word"
    if not word[0].isupper():
        return f"word {word!r} must start with a capital letter (starters are case-sensitive)"
    return None


def load_abbreviations(
    source: str | Path = ABBREVIATIONS_FILE, *, package: bool | None = None
) -> dict[str, str]:
    """Abbreviation -> kind from a rules file (the shipped one by default).

    Keys are lowercased and have no final period: ``{"mr": "prefix", "u.s": "any", ...}``.
    A bad row raises :class:`analysis.errors.LexiconError` naming the file and line.

    >>> load_abbreviations()["gen"]
    'prefix'
    """
    rows = read_rule_table(
        source,
        required=["abbreviation", "kind"],
        optional=["note"],
        validate=_validate_abbreviation,
        package=package,
    )
    return {r["abbreviation"].rstrip(".").lower(): r["kind"] for r in rows}


def load_sentence_starters(
    source: str | Path = STARTERS_FILE, *, package: bool | None = None
) -> frozenset[str]:
    """The words that usually open a sentence ("The", "However", ...), case-sensitive.

    >>> "However" in load_sentence_starters()
    True
    """
    rows = read_rule_table(source, required=["word"], validate=_validate_starter, package=package)
    return frozenset(r["word"] for r in rows)


def load_speech_verbs(
    source: str | Path = SPEECH_VERBS_FILE, *, package: bool | None = None
) -> frozenset[str]:
    """Speech verbs as written ("said", "asked", ...) that mark an attribution after a quotation.

    >>> "asked" in load_speech_verbs()
    True
    """

    def check(row: Row) -> str | None:
        word = row["word"]
        if not word.isalpha():
            return f"word {word!r} must be one word of letters"
        return None

    rows = read_rule_table(source, required=["word"], validate=check, package=package)
    return frozenset(r["word"].lower() for r in rows)


def _attribution_re(verbs: Iterable[str]) -> re.Pattern[str]:
    """Speaker (1-7 words, the first capitalized) + speech verb + at most 3 words + punctuation.

    A comma or colon that opens a new quotation ('He said, “We will ...') is no attribution.
    """
    alternatives = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))
    word = r"(?:[A-Z]\.)+|[\w’'\-]+"
    return re.compile(
        f"(?:{word})(?:{_H}+(?:{word})){{0,6}}?{_H}+(?:{alternatives})"
        f"(?:{_H}+[\\w’'\\-]+){{0,3}}?{_H}*(?:[.!?…]|,(?!{_H}*[“\"‘'„«]))"
    )


def _as_paths(extra: str | Path | Iterable[str | Path] | None) -> list[str | Path]:
    if extra is None:
        return []
    if isinstance(extra, (str, Path)):
        return [extra]
    return list(extra)


class SentenceSplitter:
    """A sentence splitter with its rule tables loaded once.

    ``extra`` is a user's abbreviations file (or several) with the columns of
    ``analysis/lexicons/abbreviations.csv`` (``abbreviation,kind[,note]``);
    its rows add to or override the shipped ones. ``extra_starters`` likewise
    adds sentence openers (column ``word``).

    The splitter caches what the words before periods mean (from
    ``abbreviations``), so change the tables by making a new splitter, not by
    editing ``abbreviations`` in place.

    >>> splitter = SentenceSplitter()
    >>> [s.text for s in splitter.split("Sen. Ann Lee spoke. She left.")]
    ['Sen. Ann Lee spoke.', 'She left.']
    """

    def __init__(
        self,
        extra: str | Path | Iterable[str | Path] | None = None,
        *,
        extra_starters: str | Path | Iterable[str | Path] | None = None,
        max_chars: int = MAX_SENTENCE_CHARS,
    ) -> None:
        if max_chars < 2:
            raise ValueError(f"max_chars must be at least 2, got {max_chars}")
        kinds = load_abbreviations(ABBREVIATIONS_FILE, package=True)
        for path in _as_paths(extra):
            kinds.update(load_abbreviations(path, package=False))
        starters = set(load_sentence_starters(STARTERS_FILE, package=True))
        for path in _as_paths(extra_starters):
            starters |= load_sentence_starters(path, package=False)
        self.abbreviations: dict[str, str] = kinds
        self.starters: frozenset[str] = frozenset(starters)
        self.speech_verbs: frozenset[str] = load_speech_verbs(SPEECH_VERBS_FILE, package=True)
        self._attribution = _attribution_re(self.speech_verbs)
        self.max_chars = max_chars
        # the characters between the last space and a period -> what they mean; see _period_word
        self._period_words: dict[str, tuple[str | None, int]] = {}

    def __call__(self, text: str) -> list[Sentence]:
        return self.split(text)

    def __getstate__(self) -> dict[str, object]:
        state = self.__dict__.copy()
        state["_period_words"] = {}  # a cache: not worth pickling
        return state

    # -- decisions ---------------------------------------------------------------------------
    def _token_before(self, text: str, p: int) -> tuple[str, int]:
        """The word ending at ``p`` (exclusive), without opening/closing quotes, and its start."""
        window = text[max(0, p - _TOKEN_WINDOW) : p]
        if not window or window[-1].isspace():
            return "", p
        raw = window.rsplit(None, 1)[-1]
        start = p - len(raw)
        token = raw.lstrip(_TOKEN_STRIP_LEFT)
        start += len(raw) - len(token)
        return token.rstrip(_TOKEN_STRIP_RIGHT), start

    def _kind(self, token: str) -> str | None:
        low = token.lower()
        kind = self.abbreviations.get(low)
        if kind is None and "-" in low:
            kind = self.abbreviations.get(low.rsplit("-", 1)[-1])
        if kind is None and _INITIALS_RE.fullmatch(token):
            kind = "any"
        return kind

    def _starts_sentence(self, text: str, j: int) -> bool:
        m = _NEXT_WORD_RE.match(text, j)
        return m is not None and m.group() in self.starters

    def _at_line_start(self, text: str, s: int) -> bool:
        i = s - 1
        stop = max(-1, s - 17)
        while i > stop:
            ch = text[i]
            if ch in _LB_CHARS:
                return True
            if not ch.isspace():
                return False
            i -= 1
        return i < 0

    def _period_word(self, text: str, p: int, word: str) -> tuple[str | None, int]:
        """What the word before the period at ``p`` means, cached by the word as found.

        ``word`` is ``text`` from after the last space (" ") before ``p`` up to ``p``,
        as written (any other whitespace, quotes and periods included). Returns the
        kind of the word before the period without its quotes and final periods
        (:meth:`_kind`; None for a plain word) and, if it could be a list marker
        ("1", "a", "iv"), how far before the period it starts (else 0). The answer
        depends on ``word`` and the tables only (it is what :meth:`_token_before`
        finds in ``text``), so it is cached unless ``word`` is longer than the
        window :meth:`_token_before` looks at.
        """
        if len(word) > _TOKEN_WINDOW:
            token, tstart = self._token_before(text, p)
            marker = p - tstart if _LIST_TOKEN_RE.fullmatch(token) else 0
            return self._kind(token), marker
        if not word or word[-1].isspace():
            raw = ""
        else:
            raw = word.rsplit(None, 1)[-1]
        stripped = raw.lstrip(_TOKEN_STRIP_LEFT)
        token = stripped.rstrip(_TOKEN_STRIP_RIGHT)
        info = (self._kind(token), len(stripped) if _LIST_TOKEN_RE.fullmatch(token) else 0)
        info = _WORD_INFOS.get(info, info)
        cache = self._period_words
        if len(cache) >= _TOKEN_CACHE_MAX:
            cache.clear()
        cache[word] = info
        return info

    def _period_breaks(
        self, text: str, p: int, j: int, quoted: bool, info: tuple[str | None, int]
    ) -> bool:
        """Does the single period at ``p`` end a sentence?

        ``j`` is the next word's first character; ``info`` what the word before the
        period means (:meth:`_period_word`).
        """
        kind, marker = info
        if marker and self._at_line_start(text, p - marker):
            return False  # "1. First item" — a list marker
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
            return True  # 'the U.S.” The ...' — a closing quote after the period
        return self._starts_sentence(text, j)

    def _line_continues(self, text: str, lb: int, j: int) -> bool:
        """After a single line break at ``lb``, does the next line (from ``j``) continue the sentence?"""
        if j >= len(text):
            return False
        if text[j].islower():
            return _LIST_RE.match(text, j) is None
        k = lb
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == 0:
            return False
        last = text[k - 1]
        if last in ",;":
            return _LIST_RE.match(text, j) is None
        if last == ".":
            p = k - 1
            # the word's kind (_period_word, cached) is "prefix" if the word is listed as one
            word = text[text.rfind(" ", 0, p) + 1 : p]
            if (self._period_words.get(word) or self._period_word(text, p, word))[0] != "prefix":
                return False
            token, _ = self._token_before(text, p)
            if not token or self.abbreviations.get(token.lower()) != "prefix":
                return False  # (e.g. "anti-Gen.": a prefix by its last part only)
            return _LIST_RE.match(text, j) is None
        return False

    @staticmethod
    def _line_has_final_punct(text: str, lb: int) -> bool:
        tail = text[max(0, lb - 8) : lb].rstrip().rstrip(_CLOSERS)
        return bool(tail) and tail[-1] in _TERM_SET

    # -- the splitter ------------------------------------------------------------------------
    def split(self, text: str) -> list[Sentence]:
        """Split ``text`` into sentences (see the module docstring for the rules).

        A stretch longer than ``max_chars`` without a sentence boundary is cut at
        whitespace, and an :class:`~analysis.errors.InputWarning` says so (see
        :func:`cut_note`; :meth:`split_with_cuts` returns the stretches instead).

        >>> [(s.paragraph, s.text) for s in SentenceSplitter().split("Headline here\\n\\nIt rained. Talks went on.")]
        [(0, 'Headline here'), (1, 'It rained.'), (1, 'Talks went on.')]
        """
        sentences, cuts = self.split_with_cuts(text)
        if cuts:
            warnings.warn(InputWarning(cut_note(cuts, self.max_chars)), stacklevel=2)
        return sentences

    def split_with_cuts(self, text: str) -> tuple[list[Sentence], list[tuple[int, int]]]:
        """The sentences of ``text`` (as :meth:`split`, without warning) and the
        ``(start, end)`` offsets of each stretch longer than ``max_chars`` that had no
        sentence boundary and was cut at whitespace (usually none).

        >>> sents, cuts = SentenceSplitter(max_chars=12).split_with_cuts("Talks.\\n\\nalpha beta gamma")
        >>> [s.text for s in sents], cuts
        (['Talks.', 'alpha beta', 'gamma'], [(8, 24)])
        """
        if not isinstance(text, str):
            raise TypeError(f"split_sentences expects str, got {type(text).__name__}")
        if not text or text.isspace():
            return [], []
        n = len(text)
        # The sentences as columns (see _sentences), not yet capped at max_chars. Each sentence
        # starts at a non-space character: `pos` is always one (or n) when a sentence is cut, as
        # every event ends before a non-space character or at the end of the text.
        starts: list[int] = []
        ends: list[int] = []
        paras: list[int] = []
        pos = _FIRST_NON_SPACE_RE.match(text).end()  # type: ignore[union-attr]  # always matches
        para = -1
        new_para = True
        seen_blank_line = False
        lines_are_paragraphs: bool | None = None  # decided when first needed
        attribution = self._attribution.match
        openers = _OPENERS
        no_break_before = _NO_BREAK_BEFORE
        quote_closers = _CLOSERS_QUOTES
        spaces = _SPACES
        ascii_capitals = _ASCII_CAPITALS
        plain_period, final_punct, paragraph = _PLAIN_PERIOD, _FINAL_PUNCT, _PARAGRAPH_BREAK
        last_space = text.rfind
        period_words = self._period_words

        for m in _events(text):
            k = m.lastindex
            if k == plain_period:  # ". The": one period, spaces, an ASCII capital at e
                s, e = m.span()
                word = text[last_space(" ", 0, s) + 1 : s]  # (with quotes, periods)
                info = period_words.get(word) or self._period_word(text, s, word)
                if info is not _PLAIN_WORD and (
                    info is _PREFIX_WORD or not self._period_breaks(text, s, e, False, info)
                ):
                    continue
                b = s + 1
            elif k == final_punct:  # final punctuation x + t, closers c, spaces, a non-space at e
                s, e = m.span()
                j = e
                nxt = text[j]
                if nxt not in ascii_capitals:  # (a capital: no opener, not lowercase, no , ; :)
                    # skip opening quotes/brackets to the first character of the next word
                    while nxt in openers and j + 1 < n:
                        j += 1
                        nxt = text[j]
                    if nxt.islower() or nxt in no_break_before:
                        continue
                c0, b = m.span(final_punct)  # the closers
                quoted = c0 != b and text[c0] in quote_closers
                if quoted and nxt.isupper() and attribution(text, j):
                    continue  # “Why now?” Lavrov asked on Monday.
                if c0 - s == 1:  # one mark
                    x = text[s]
                    if x == ".":
                        word = text[last_space(" ", 0, s) + 1 : s]
                        info = period_words.get(word) or self._period_word(text, s, word)
                        if info is not _PLAIN_WORD and not self._period_breaks(
                            text, s, j, quoted, info
                        ):
                            continue
                    elif x == "…" and not quoted and not self._starts_sentence(text, j):
                        continue
                elif not quoted:
                    t = text[s:c0]
                    if ("…" in t or ".." in t) and not self._starts_sentence(text, j):
                        continue
            else:  # a line break at b, with any blank lines after it (a paragraph break)
                b, e = m.span()
                if k == paragraph or text[b] == "\u2029":
                    seen_blank_line = paragraph_break = True
                elif self._line_continues(text, b, e):
                    continue
                else:  # a single line break
                    paragraph_break = (
                        not self._line_has_final_punct(text, b)
                        and not self._line_is_list_item(text, b)
                        and not _LIST_RE.match(text, e)
                    )
                    if not paragraph_break:
                        if lines_are_paragraphs is None:
                            lines_are_paragraphs = (
                                not seen_blank_line and _BLANK_LINE_RE.search(text) is None
                            )
                        paragraph_break = lines_are_paragraphs
                if pos < b:
                    if text[b - 1] in spaces:
                        b = pos + len(text[pos:b].rstrip())
                    if new_para:
                        para += 1
                    starts.append(pos)
                    ends.append(b)
                    paras.append(para)
                    new_para = paragraph_break
                elif paragraph_break:
                    new_para = True
                pos = e
                continue
            # a sentence ends at b
            if new_para:
                para += 1
                new_para = False
            starts.append(pos)
            ends.append(b)
            paras.append(para)
            pos = e
        if pos < n:
            if new_para:
                para += 1
            starts.append(pos)
            ends.append(pos + len(text[pos:].rstrip()))
            paras.append(para)

        texts = [text[a:b] for a, b in zip(starts, ends, strict=True)]
        if max(map(len, texts), default=0) > self.max_chars:
            return self._capped(text, starts, ends, paras)
        return _sentences(starts, ends, texts, paras), []

    def _line_is_list_item(self, text: str, lb: int) -> bool:
        """Is the line ending at ``lb`` a list item? (looks back at most 2,000 characters)"""
        k = _LINE_START_RE.match(text, max(0, lb - self.max_chars), lb).end()  # type: ignore[union-attr]
        return _LIST_RE.match(text, k, lb + 1) is not None

    def _capped(
        self, text: str, starts: list[int], ends: list[int], paras: list[int]
    ) -> tuple[list[Sentence], list[tuple[int, int]]]:
        """The sentences, those longer than ``max_chars`` cut at whitespace into shorter
        ones, and the (start, end) of each sentence that was cut."""
        max_chars = self.max_chars
        half = max_chars // 2
        out_starts: list[int] = []
        out_ends: list[int] = []
        out_texts: list[str] = []
        out_paras: list[int] = []
        add_start, add_end = out_starts.append, out_ends.append
        add_text, add_para = out_texts.append, out_paras.append
        cuts: list[tuple[int, int]] = []
        for start, end, para in zip(starts, ends, paras, strict=True):
            if end - start > max_chars:
                cuts.append((start, end))
            while end - start > max_chars:
                hi = start + max_chars
                m = _LAST_WS_RE.match(text, start + half, hi + 1)  # whitespace at index <= hi
                cut = m.end() - 1 if m else hi
                piece = text[start:cut].rstrip()
                if piece:
                    add_start(start)
                    add_end(start + len(piece))
                    add_text(piece)
                    add_para(para)
                start = cut
                while start < end and text[start].isspace():
                    start += 1
            if start < end:
                add_start(start)
                add_end(end)
                add_text(text[start:end])
                add_para(para)
        return _sentences(out_starts, out_ends, out_texts, out_paras), cuts


def cut_note(cuts: list[tuple[int, int]], max_chars: int = MAX_SENTENCE_CHARS) -> str:
    """The sentence saying which over-long stretches (``(start, end)`` character
    offsets, from :meth:`SentenceSplitter.split_with_cuts`) were cut.

    >>> cut_note([(0, 1_243_000), (1_243_002, 1_245_500)])
    'cut 2 over-long stretches without a sentence boundary (more than 2,000 characters) at whitespace into pieces of at most 2,000 characters: characters 0-1,243,000 and 1,243,002-1,245,500'
    """
    n = len(cuts)
    shown = [f"{a:,}-{b:,}" for a, b in cuts[:5]]
    where = " and ".join(shown) if n <= 2 else ", ".join(shown)
    if n > 5:
        where += f" and {n - 5} more"
    return (
        f"cut {n} over-long stretch{'es' if n != 1 else ''} without a sentence boundary "
        f"(more than {max_chars:,} characters) at whitespace into pieces of at most "
        f"{max_chars:,} characters: characters {where}"
    )


@functools.lru_cache(maxsize=1)
def default_splitter() -> SentenceSplitter:
    """The shared splitter with the shipped rules (built once per process)."""
    return SentenceSplitter()


@functools.lru_cache(maxsize=16)
def _splitter_for(path: str) -> SentenceSplitter:
    return SentenceSplitter(extra=path)


def split_sentences(text: str, abbreviations: str | Path | None = None) -> list[Sentence]:
    """Split an article into :class:`Sentence` objects with exact offsets.

    ``abbreviations`` is an optional extra abbreviations file (columns
    ``abbreviation,kind[,note]``, see ``analysis/lexicons/abbreviations.csv``).
    Empty or whitespace-only text gives ``[]``. A stretch of more than
    :data:`MAX_SENTENCE_CHARS` characters without a sentence boundary is cut at
    whitespace and an :class:`~analysis.errors.InputWarning` names the stretches
    (:func:`cut_note`).

    >>> [s.text for s in split_sentences("Russia’s GDP fell 3.5% in Feb. The bank blamed sanctions.")]
    ['Russia’s GDP fell 3.5% in Feb.', 'The bank blamed sanctions.']
    """
    splitter = default_splitter() if abbreviations is None else _splitter_for(str(abbreviations))
    sentences, cuts = splitter.split_with_cuts(text)
    if cuts:
        warnings.warn(InputWarning(cut_note(cuts, splitter.max_chars)), stacklevel=2)
    return sentences
