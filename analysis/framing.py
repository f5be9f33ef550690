"""Frame one sentence: diplomacy and escalation (and user frames), with the evidence.

The scorer is a weighted cue lexicon (``lexicons/frames.csv``), a table of
context rules for pseudo-cues (``lexicons/frame_rules.csv``: a title word, the
war as a time reference, a labour strike...) and a table of modifiers
(``lexicons/frame_modifiers.csv``: negation, hedging). Everything is data;
users pass extra CSV files of the same columns to add or override cues and to
define new frames. See ``docs/scheme.md`` for the scheme in full.

    >>> fs = score_frames("Russia and Ukraine resumed peace talks in Istanbul on Tuesday.")
    >>> fs.frame, fs.labels["diplomacy"], fs.evidence[0].subframe
    ('diplomacy', True, 'talks')

A frame's score is ``1 - exp(-sum of the weights of its cues)``, in [0, 1);
the label is ``score >= THRESHOLD`` (0.5, i.e. weights summing to ln 2 ≈
0.69: one strong cue of weight >= 0.7, or two weaker ones). Negation, hedging
and quotation are recorded on each piece of evidence and do not remove it
(codebook rule 1: the absence of talks is still a diplomacy frame).

Matching is compiled once per scorer: every cue is indexed by the (up to)
three first letters it can start with, and a word is tried against one
alternation per frame (longest cues first). Which words are tried is decided
by an Aho-Corasick automaton (``ahocorasick_rs``, else ``pyahocorasick``)
over the lower-cased sentence: it holds the literal beginnings of every cue
(``literal_prefixes``), so one call finds the few words where a cue can
start, and a sentence with none is done (many news sentences). A cue
with no literal start is looked for only when a literal that all its matches
contain occurs. The same is done for modifiers (only in sentences with a cue)
and for the context rules' ``sentence``, ``unless`` and ``before`` regexes,
which are tried only where one of their literal beginnings occurs (a rule
none of whose literals occurs is ruled out by a set test). The results are
those of the word-by-word scan, ``FrameScorer(prefilter=False)``: the tests
compare both. Context rules are looked up per cue form and cached.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import LexiconError
from .resources import parse_float, read_rule_table
from .textio import (
    HIDDEN_RE,
    ODD_SPACES,
    PLAIN_SPACES,
    ZWSP_IN_WORD_RE,
    span_back,
    without_hidden,
)

if TYPE_CHECKING:
    from .camps import Camps

_ahocorasick_rs: Any  # the module, or None without it
try:  # the prefilter's automaton: all matches in one call (Rust)
    import ahocorasick_rs as _ahocorasick_rs
except ImportError:  # pragma: no cover
    _ahocorasick_rs = None
try:  # ... or, without it, pyahocorasick; without either every word is looked at
    import ahocorasick as _ahocorasick
except ImportError:  # pragma: no cover
    _ahocorasick = None

try:  # Python >= 3.11
    import re._parser as _sre_parser
    from re._constants import MAXREPEAT as _MAXREPEAT
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parser  # type: ignore[no-redef]
    from sre_constants import MAXREPEAT as _MAXREPEAT  # type: ignore[no-redef]

#: A frame fires when its score reaches this value.
THRESHOLD = 0.5

BUILTIN_FRAMES: tuple[str, ...] = ("diplomacy", "escalation")

LEXICON_FILE = "frames.csv"
RULES_FILE = "frame_rules.csv"
MODIFIERS_FILE = "frame_modifiers.csv"
PLACES_FILE = "frame_places.csv"

#: ``{state}``, ``{demonym}`` or ``{city}`` in a regex cue stands for the
#: names of that kind in ``frame_places.csv`` (matched as written, capitalised).
_PLACE_KINDS = ("state", "demonym", "city")
_PLACEHOLDER_RE = re.compile(r"\{(" + "|".join(_PLACE_KINDS) + r")\}")

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_MODIFIERS = ("negated", "hedged")

LexiconSource = str | Path | Sequence[str | Path] | None


# ---------------------------------------------------------------- data types


@dataclass(frozen=True)
class Evidence:
    """One cue that fired in a sentence.

    ``start``/``end`` are character offsets in the sentence; ``weight`` is the
    weight the cue contributed (after context rules; 0 for a repeat of the
    same cue); ``rule`` names the lexicon row (``frames.csv:57``) and, after
    a ``+``, any context rule that scaled it; ``negated``, ``hedged`` and
    ``quoted`` are modifiers, recorded but not removing the frame.
    """

    frame: str
    subframe: str
    match: str
    start: int
    end: int
    weight: float
    rule: str
    negated: bool = False
    hedged: bool = False
    quoted: bool = False
    cue: str = ""


@dataclass(frozen=True)
class FrameScore:
    """The frames of one sentence.

    ``frame`` is ``diplomacy``, ``escalation``, ``mixed`` (both) or
    ``neutral`` (neither) when only the built-in frames can fire; when a user
    frame fires, it is the fired frames joined with ``+`` in lexicon order
    (``"escalation+humanitarian"``). ``suppressed`` holds cues a context rule
    switched off (e.g. "negotiator" as a title), for explanation only.
    """

    labels: dict[str, bool]
    scores: dict[str, float]
    frame: str
    evidence: tuple[Evidence, ...]
    suppressed: tuple[Evidence, ...] = ()

    def evidence_for(self, frame: str) -> tuple[Evidence, ...]:
        """The evidence of one frame, strongest first."""
        return tuple(
            sorted((e for e in self.evidence if e.frame == frame), key=lambda e: -e.weight)
        )


@dataclass(frozen=True)
class Cue:
    frame: str
    subframe: str
    pattern: str  # as written in the lexicon
    weight: float
    regex: str  # compiled form (no groups)
    where: str  # file:line


@dataclass(frozen=True)
class ContextRule:
    name: str
    frame: str  # '' = any
    subframe: str  # '' = any
    cue: re.Pattern | None
    before: re.Pattern | None
    after: re.Pattern | None
    sentence: re.Pattern | None
    unless: re.Pattern | None
    factor: float
    where: str
    # word-start keys the sentence/unless regex needs (None: cannot tell); used
    # to skip a regex search when no word of the sentence could start a match
    sentence_keys: frozenset[str] | None = None
    unless_keys: frozenset[str] | None = None


@dataclass(frozen=True)
class Modifier:
    kind: str  # negated | hedged
    pattern: re.Pattern
    scope: int  # words before the cue
    where: str


@dataclass(frozen=True)
class Lexicon:
    """All cues, context rules and modifiers, validated (see :func:`load_lexicon`)."""

    frames: tuple[str, ...]
    cues: tuple[Cue, ...]
    rules: tuple[ContextRule, ...] = ()
    modifiers: tuple[Modifier, ...] = ()
    subframes: dict[str, tuple[str, ...]] = field(default_factory=dict)


# ---------------------------------------------------------------- loading


def phrase_regex(phrase: str) -> str:
    """Turn a lexicon phrase into a regex that matches its inflections.

    Words are separated by spaces or hyphens in the text. A word ending in
    ``*`` matches any continuation ("negotiat*"); a word starting with ``=``
    matches exactly; any other word also matches its regular inflections
    (s/es/ed/ing, with a doubled final consonant or a dropped final e, y→ies).

    >>> bool(re.fullmatch(phrase_regex("shell"), "shelling", re.I))
    True
    >>> bool(re.fullmatch(phrase_regex("=war"), "wars", re.I))
    False
    """
    words = phrase.split()
    if not words:
        raise ValueError("empty phrase")
    parts = [_word_regex(w) for w in words]
    body = r"(?:[\s\-‐–]+)".join(parts)
    return rf"(?<![\w-]){body}(?![\w])"


def _word_regex(word: str) -> str:
    if word.startswith("="):
        return re.escape(word[1:])
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"[\w’'-]*"
    w = word.lower()
    if not w.isalpha() or len(w) < 3:
        return re.escape(word)
    last = w[-1]
    if w.endswith("e"):
        stem = re.escape(word[:-1])
        return stem + r"(?:e|es|ed|ing)"
    if last == "y" and w[-2] not in "aeiou":
        stem = re.escape(word[:-1])
        return stem + r"(?:y|ies|ied|ying)"
    return re.escape(word) + rf"(?:s|es|ed|ing|{re.escape(last)}ed|{re.escape(last)}ing)?"


def _as_paths(extra: LexiconSource) -> list[Path]:
    if extra is None:
        return []
    if isinstance(extra, str | Path):
        return [Path(extra)]
    return [Path(p) for p in extra]


def _compile(where: str, line: str, pattern: str, what: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(where, f"{what} is not a valid regex ({exc})", line=int(line)) from exc


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """``{kind: regex alternation}`` of the names in ``frame_places.csv``
    (longest first, case-sensitive), for the ``{state}``/``{demonym}``/``{city}``
    placeholders of regex cues."""
    rows = read_rule_table(
        PLACES_FILE,
        required=["name", "kind"],
        validate=lambda r: None if r["kind"] in _PLACE_KINDS else f"kind {r['kind']!r} must be one of {', '.join(_PLACE_KINDS)}",
        package=True,
    )
    return {
        kind: "(?-i:" + _trie_alternation({r["name"] for r in rows if r["kind"] == kind}) + ")"
        for kind in _PLACE_KINDS
    }


def _trie_alternation(names: set[str]) -> str:
    """An alternation of ``names`` factored as a trie ("Ir(?:an(?:ian)?|aq)"):
    the regex engine tests one character per letter instead of every name in
    turn, so a list of 130 names costs little more than one name."""
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:  # a name ends here: the longer ones are tried first
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie) if names else "(?!x)x"


def expand_places(pattern: str) -> str:
    """A regex cue with its place placeholders replaced by the name lists.

    >>> bool(re.fullmatch(expand_places("{demonym} troops"), "Ethiopian troops", re.I))
    True
    """
    if "{" not in pattern:
        return pattern
    names = place_names()
    return _PLACEHOLDER_RE.sub(lambda m: names[m.group(1)], pattern)


#: characters that mean something in a regex and nothing in a phrase cue (a phrase's own
#: syntax is "*" at a word's end, "=" at its start, hyphens, apostrophes and periods)
_REGEX_ONLY = frozenset("?|()[]{}\\^$+")


def _validate_cue(row: dict[str, str]) -> str | None:
    if not _NAME_RE.match(row["frame"]):
        return f"frame {row['frame']!r} must be a lowercase name (letters, digits, _)"
    if row.get("kind") not in ("", "phrase", "regex"):
        return f"kind {row['kind']!r} must be 'phrase' or 'regex'"
    problem = parse_float(row, "weight", lo=0.0, hi=5.0)
    if problem:
        return problem
    pattern = row["cue"]
    if row.get("kind") != "regex":
        odd = sorted(set(pattern) & _REGEX_ONLY)
        if odd:  # a phrase matches its characters literally: "cyber-?attack*" never matched
            return (
                f"cue {pattern!r} is a phrase but holds regex syntax {' '.join(odd)}: "
                "give it kind 'regex', or write the words plainly"
            )
    try:
        rx = re.compile(
            expand_places(pattern) if row.get("kind") == "regex" else phrase_regex(pattern), re.I
        )
    except (re.error, ValueError) as exc:
        return f"cue {pattern!r} is not a valid pattern ({exc})"
    if rx.groups:
        return f"cue {pattern!r}: use non-capturing groups (?:...) only"
    if rx.search(""):
        return f"cue {pattern!r} matches the empty string"
    return None


def _read_cues(source: str | Path, package: bool) -> list[dict[str, str]]:
    return read_rule_table(
        source,
        required=["frame", "subframe", "cue", "weight"],
        optional=["kind", "note"],
        validate=_validate_cue,
        package=package,
    )


def _validate_rule(row: dict[str, str]) -> str | None:
    if row["frame"] and not _NAME_RE.match(row["frame"]):
        return f"frame {row['frame']!r} must be a lowercase name"
    if not any(row[c] for c in ("cue", "before", "after", "sentence")):
        return "a rule needs at least one of cue, before, after, sentence"
    for col in ("cue", "before", "after", "sentence", "unless"):
        if row.get(col):
            try:
                re.compile(row[col], re.I)
            except re.error as exc:
                return f"{col} {row[col]!r} is not a valid regex ({exc})"
    return parse_float(row, "factor", lo=0.0, hi=5.0)


def _read_rules(source: str | Path, package: bool) -> list[ContextRule]:
    rows = read_rule_table(
        source,
        required=["rule", "factor"],
        optional=["frame", "subframe", "cue", "before", "after", "sentence", "unless", "note"],
        validate=_validate_rule,
        package=package,
    )
    out = []
    for r in rows:
        where, line = r["_file"], r["_line"]

        def rx(col: str, wrap: str = "{}", r=r, where=where, line=line) -> re.Pattern | None:
            return _compile(where, line, wrap.format(r[col]), col) if r[col] else None

        out.append(
            ContextRule(
                name=r["rule"],
                frame=r["frame"],
                subframe=r["subframe"],
                cue=rx("cue", r"(?:{})\Z"),
                before=rx("before", r"(?:{})\s*\Z"),
                after=rx("after", r"\A\s*(?:{})"),
                sentence=rx("sentence"),
                unless=rx("unless"),
                factor=float(r["factor"]),
                where=f"{where}:{line}",
                sentence_keys=_word_keys(r["sentence"]),
                unless_keys=_word_keys(r["unless"]),
            )
        )
    return out


def _check_rule_names(rules: Sequence[ContextRule]) -> None:
    """Rule names appear in the evidence (``frames.csv:12+name``): each must be
    unique, or two rules would read as one."""
    seen: dict[str, str] = {}
    for r in rules:
        if r.name in seen:
            file, _, line = r.where.rpartition(":")
            raise LexiconError(
                file,
                f"rule name {r.name!r} is already used at {seen[r.name]}; give this rule its own name",
                line=int(line),
            )
        seen[r.name] = r.where


def _word_keys(pattern: str) -> frozenset[str] | None:
    """First-letter keys of a regex that can only match at a word start (it
    begins with ``\\b``), else None."""
    if not pattern or not pattern.startswith("\\b"):
        return None
    keys = first_letters(pattern)
    return frozenset(keys) if keys else None


def _validate_modifier(row: dict[str, str]) -> str | None:
    if row["modifier"] not in _MODIFIERS:
        return f"modifier {row['modifier']!r} must be one of {list(_MODIFIERS)}"
    try:
        re.compile(row["pattern"], re.I)
    except re.error as exc:
        return f"pattern {row['pattern']!r} is not a valid regex ({exc})"
    return parse_float(row, "scope", lo=1, hi=40)


def _read_modifiers(source: str | Path, package: bool) -> list[Modifier]:
    rows = read_rule_table(
        source,
        required=["modifier", "pattern", "scope"],
        optional=["note"],
        validate=_validate_modifier,
        package=package,
    )
    return [
        Modifier(
            kind=r["modifier"],
            pattern=_compile(
                r["_file"], r["_line"], rf"(?<![\w])(?:{r['pattern']})(?![\w])", "pattern"
            ),
            scope=int(float(r["scope"])),
            where=f"{r['_file']}:{r['_line']}",
        )
        for r in rows
    ]


def _header(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return set()
    for ln in text.splitlines():
        if ln.strip() and not ln.lstrip().startswith("#"):
            return {h.strip() for h in ln.split(",")}
    return set()


def _warn_near_miss_frames(rows: Sequence[dict[str, str]], known: Sequence[str]) -> None:
    """A user's cue row whose frame is new but close to a known one (``diplomcy``) is most
    likely a typo: it would define a frame of its own in silence, so an InputWarning names
    the file, the row and the frame meant. Known: the built-in and shipped frames and the
    new frames of earlier rows; each new name is checked once (at its first row)."""
    import difflib
    import warnings

    from .errors import InputWarning

    seen = list(known)
    for r in rows:
        name = r["frame"]
        if name in seen:
            continue
        close = difflib.get_close_matches(name, seen, n=1, cutoff=0.8)
        seen.append(name)
        if close:
            warnings.warn(
                InputWarning(
                    f"{r['_file']}:{r['_line']}: frame {name!r} is not a known frame, so it "
                    f"defines a new one; did you mean {close[0]!r}? (rename it if it is a typo; "
                    "a new frame needs no change)"
                ),
                stacklevel=3,
            )


def load_lexicon(extra: LexiconSource = None) -> Lexicon:
    """The shipped cues, rules and modifiers, plus extra user files.

    An extra file is recognised by its header: ``frame,subframe,cue,weight``
    (cues; a row with the same frame and cue as an earlier one overrides it,
    weight 0 switches a cue off; a new frame name defines a new frame, with an
    :class:`~analysis.errors.InputWarning` when it is close to a known one: a typo),
    ``rule,...,factor`` (context rules) or ``modifier,pattern,scope``.
    A bad row raises :class:`LexiconError` naming the file and line.
    """
    cue_rows = _read_cues(LEXICON_FILE, package=True)
    rules = _read_rules(RULES_FILE, package=True)
    modifiers = _read_modifiers(MODIFIERS_FILE, package=True)
    known = list(dict.fromkeys([*BUILTIN_FRAMES, *(r["frame"] for r in cue_rows)]))
    user_cues: list[dict[str, str]] = []
    for path in _as_paths(extra):
        if not path.exists():
            raise LexiconError(str(path), "file not found")
        cols = _header(path)
        if {"rule", "factor"} <= cols:
            rules += _read_rules(path, package=False)
        elif {"modifier", "pattern"} <= cols:
            modifiers += _read_modifiers(path, package=False)
        else:
            user_cues += _read_cues(path, package=False)
    cue_rows += user_cues
    _warn_near_miss_frames(user_cues, known)
    _check_rule_names(rules)
    merged: dict[tuple[str, str], dict[str, str]] = {}
    for r in cue_rows:
        merged[(r["frame"], r["cue"].lower())] = r  # later rows override earlier ones
    frames = list(BUILTIN_FRAMES)
    subframes: dict[str, list[str]] = {f: [] for f in frames}
    cues = []
    for r in merged.values():
        f = r["frame"]
        if f not in subframes:
            frames.append(f)
            subframes[f] = []
        if r["subframe"] not in subframes[f]:
            subframes[f].append(r["subframe"])
        weight = float(r["weight"])
        if weight <= 0:
            continue
        regex = r["cue"] if r.get("kind") == "regex" else phrase_regex(r["cue"])
        if r.get("kind") == "regex":
            regex = rf"(?<![\w])(?:{expand_places(regex)})(?![\w])"
        cues.append(
            Cue(f, r["subframe"], r["cue"], weight, regex, f"{Path(r['_file']).name}:{r['_line']}")
        )
    return Lexicon(
        frames=tuple(frames),
        cues=tuple(cues),
        rules=tuple(rules),
        modifiers=tuple(modifiers),
        subframes={f: tuple(s) for f, s in subframes.items()},
    )


# ---------------------------------------------------------------- scoring

_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, including a quotation that
    started in an earlier sentence (a closing mark with no opening one) or
    goes on into the next (an opening mark never closed).

    >>> quoted_spans('He said “talks are stuck” today.')
    [(9, 24)]
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    straight_open: int | None = None
    first = True
    for m in _QUOTE_CHARS_RE.finditer(text):  # only quotation marks change the state
        i = m.start()
        ch = text[i]
        if ch in _OPEN_QUOTES:
            open_at = i + 1
        elif ch in _CLOSE_QUOTES:
            spans.append((open_at if open_at is not None else (0 if first else i), i))
            open_at = None
            first = False
        elif ch == '"':
            if straight_open is None:
                straight_open = i + 1
            else:
                spans.append((straight_open, i))
                straight_open = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    if straight_open is not None:
        # an odd straight quote: opening a quote that runs on, or closing one
        before = text[: straight_open - 1]
        if (
            before.strip() == ""
            or straight_open - 1 < len(text) / 2
            and not before.rstrip().endswith(",")
        ):
            spans.append((straight_open, len(text)))
        else:
            spans.append((0, straight_open - 1))
    return sorted(spans)


#: a space other than " " (no-break, thin, ideographic...), turned into " " before scoring
_ODD_SPACE_RE = re.compile(f"[{ODD_SPACES}]")
_TOKEN_RE = re.compile(r"\w+")
_QUOTE_CHARS_RE = re.compile('["“”«»„]')
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:but|while|whereas|although|though)\b|\b(?:but|however)\b", re.I
)


_CLAUSES = 1  # memo key of the clause starts
_RAW = 2  # memo key of the automaton's hits in the sentence
_FOUND = 3  # memo key of the automaton's keys found in the sentence (by number)


def _words_back(text: str, clause_start: int, end: int, n: int) -> tuple[list[int], bool]:
    """The starts of the words that start in ``[clause_start, end)``: at least
    the last ``n`` of them (all when the second value is True). A window
    before ``end`` is scanned first, widened to the start of the word it cuts."""
    w = end - 16 * n
    if w > clause_start:
        while w > clause_start and (text[w - 1].isalnum() or text[w - 1] == "_"):
            w -= 1
        words = [m.start() for m in _TOKEN_RE.finditer(text, w, end)]
        if len(words) >= n:
            return words, False
    return [m.start() for m in _TOKEN_RE.finditer(text, clause_start, end)], True


def clause_breaks(text: str) -> list[int]:
    """Where the clauses after the first start (see ``_CLAUSE_BREAK``).

    >>> clause_breaks("Talks resumed; the shelling went on, but less.")
    [14, 40]
    """
    if ";" not in text and ":" not in text and not _odd_case(text):
        low = text.lower()  # none of the words either: no break (the common case)
        if (
            "but" not in low
            and "however" not in low
            and (
                "," not in text
                or ("while" not in low and "whereas" not in low and "though" not in low)
            )
        ):
            return []
    return [m.end() for m in _CLAUSE_BREAK.finditer(text)]


def first_letters(pattern: str, k: int = 3) -> set[str] | None:
    """The lower-cased first ``k`` word characters a regex can match at a word
    start (fewer when the word ends sooner), or None when they cannot be
    enumerated (the cue is then tried at every word).

    >>> sorted(first_letters(phrase_regex("peace talks")))
    ['pea']
    >>> sorted(first_letters("(?:an |the )?end to"))
    ['an', 'end', 'the']
    """
    return _beginnings(pattern, k, _word_leaf, (300, 60))


class _Unbounded(Exception):
    pass


@lru_cache(maxsize=8192)
def _parsed(pattern: str) -> tuple | None:
    """The top-level items of a case-insensitive regex as ``re``'s parser gives
    them (None when it does not parse), parsed once per pattern: building a
    scorer reads each cue's regex several times (its beginnings at 8, 5 and 3
    characters, its first letters, its required literals), and the parser is
    slow pure Python. Read only: callers copy before they change a sequence."""
    try:
        return tuple(_sre_parser.parse(pattern, re.IGNORECASE))
    except re.error:
        return None


def _beginnings(pattern: str, k: int, leaf, limits: tuple[int, int]) -> set[str] | None:
    """The beginnings ``_expand`` enumerates for a regex with ``leaf``, or None
    when the regex does not parse, they cannot be enumerated, or one is empty."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    out: set[str] = set()
    try:
        _expand(list(parsed), "", k, out, 0, leaf, limits)
    except _Unbounded:
        return None
    return out if out and "" not in out else None


def _expand(
    items: list, prefix: str, k: int, out: set[str], depth: int, leaf, limits: tuple[int, int]
) -> None:
    """Enumerate the beginnings (up to ``k`` characters) a parsed regex can match.

    The structure (alternation, groups, repeats, zero-width assertions) is
    walked here; ``leaf(name, av)`` decides for every other node and returns
    ``(chars, stop)``: the characters to continue with, and whether the
    beginning may also end here. It raises ``_Unbounded`` when it cannot tell.
    """
    max_out, max_depth = limits
    if len(out) > max_out or depth > max_depth:
        raise _Unbounded
    if len(prefix) >= k or not items:
        out.add(prefix)
        return
    (op, av), rest = items[0], items[1:]
    name = str(op)
    if name == "BRANCH":
        for alt in av[1]:
            _expand(list(alt) + rest, prefix, k, out, depth + 1, leaf, limits)
    elif name == "SUBPATTERN":
        _expand(list(av[-1]) + rest, prefix, k, out, depth + 1, leaf, limits)
    elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, hi, sub = av
        if lo == 0:
            _expand(rest, prefix, k, out, depth + 1, leaf, limits)
        if hi != 0:
            again = (
                [] if hi == 1 else [(op, (max(lo - 1, 0), hi - 1 if hi != _MAXREPEAT else hi, sub))]
            )
            _expand(list(sub) + again + rest, prefix, k, out, depth + 1, leaf, limits)
    elif name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width
        _expand(rest, prefix, k, out, depth + 1, leaf, limits)
    else:
        chars, stop = leaf(name, av)
        for ch in chars:
            _expand(rest, prefix + ch, k, out, depth + 1, leaf, limits)
        if stop:
            out.add(prefix)


def _word_leaf(name: str, av) -> tuple[set[str], bool]:
    """``first_letters``: word characters continue the word, a non-word character
    or a space class ends it; anything it cannot enumerate is unbounded."""
    if name == "LITERAL":
        ch = chr(av)
        return ({ch.lower()}, False) if ch.isalnum() or ch == "_" else (set(), True)
    if name == "IN":
        chars: set[str] = set()
        ends = False
        for sub_op, sub_av in av:
            sub = str(sub_op)
            if sub == "LITERAL":
                chars.add(chr(sub_av).lower())
            elif sub == "RANGE" and sub_av[1] - sub_av[0] <= 30:
                chars.update(chr(c).lower() for c in range(sub_av[0], sub_av[1] + 1))
            elif sub == "CATEGORY" and str(sub_av) in ("CATEGORY_SPACE", "CATEGORY_NOT_WORD"):
                ends = True
            else:
                raise _Unbounded
        word = {ch for ch in chars if ch.isalnum() or ch == "_"}
        return word, ends or len(word) < len(chars)
    raise _Unbounded  # ANY, CATEGORY, NOT_LITERAL, GROUPREF, ...


#: Characters that a case-insensitive regex matches to an ASCII letter although
#: ``str.lower`` does not map them to it: dotless i and long s (dotted capital
#: I also lengthens the text; the Kelvin sign lowers to "k" and is harmless).
#: A sentence holding one is scored by the word-by-word path.
_ODD_CASE = ("\u0131", "\u017f", "\u0130")



def _odd_case(text: str) -> bool:
    return _ODD_CASE[0] in text or _ODD_CASE[1] in text or _ODD_CASE[2] in text


_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def literal_prefixes(pattern: str, k: int = 8) -> set[str] | None:
    """The lower-cased ASCII beginnings (up to ``k`` characters) one of which
    starts every match of a regex, or None when one of them would be empty
    (the regex can start with anything) or they cannot be enumerated.

    Sound, not exact: a match of the regex (case-insensitive) at a position
    implies that the lower-cased text there starts with one of the prefixes.

    >>> sorted(literal_prefixes(phrase_regex("peace talks")))  # "peace" inflects
    ['peace', 'peaced', 'peaces', 'peacing']
    >>> sorted(literal_prefixes(phrase_regex("truce")))
    ['truce', 'truced', 'truces', 'trucing']
    """
    return _beginnings(pattern, k, _ascii_leaf, (400, 80))


def _ascii_lower(ch: str) -> str | None:
    low = ch.lower()
    return low if len(low) == 1 and low.isascii() and ch.isascii() else None


def _ascii_leaf(name: str, av) -> tuple[set[str], bool]:
    """``literal_prefixes``: ASCII letters (lower-cased) continue the prefix;
    anything else ends it there (a prefix may be shorter than ``k``)."""
    if name == "LITERAL":
        ch = _ascii_lower(chr(av))
        return (set(), True) if ch is None else ({ch}, False)
    if name == "IN":
        chars: set[str] = set()
        for sub_op, sub_av in av:
            sub = str(sub_op)
            if sub == "LITERAL":
                chars.add(chr(sub_av))
            elif sub == "RANGE" and sub_av[1] - sub_av[0] <= 30:
                chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            else:  # a category, a negated set, a wide range: stop here
                return set(), True
        lowered: set[str] = set()
        for ch in chars:
            low = _ascii_lower(ch)
            if low is None:
                return set(), True
            lowered.add(low)
        return lowered, False
    return set(), True  # ANY, CATEGORY, NOT_LITERAL, GROUPREF, ATOMIC_GROUP...: stop here


def required_literals(pattern: str) -> frozenset[str] | None:
    r"""Lower-cased ASCII strings one of which every match of a regex contains
    (the set with the longest shortest member), or None.

    >>> sorted(required_literals(r"(?-i:[A-Z]\w+)-(?-i:[A-Z]\w+) (?:summit|talks)"))
    ['summit', 'talks']

    Memoised: building a scorer asks for the same cue's literals once per
    automaton key it sits under, and parsing a regex is slow pure Python.
    """
    return _required_literals(pattern)


@lru_cache(maxsize=8192)
def _required_literals(pattern: str) -> frozenset[str] | None:
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    found = _required(list(parsed))
    return None if found is None else frozenset(found)


def _literal_runs(items: list):
    """The top-level sequence of a parsed regex, in order, as ``(run, None,
    None)`` for each run of literal characters (lower-cased ASCII) and
    ``(None, op, av)`` for every other node."""
    run = ""
    for op, av in items:
        ch = _ascii_lower(chr(av)) if str(op) == "LITERAL" else None
        if ch is not None:
            run += ch
            continue
        if run:
            yield run, None, None
            run = ""
        yield None, op, av
    if run:
        yield run, None, None


def _required(items: list) -> set[str] | None:
    options: list[set[str]] = []
    for run, op, av in _literal_runs(items):
        if run is not None:
            options.append({run})
            continue
        name = str(op)
        found: set[str] | None = None
        if name == "SUBPATTERN":
            found = _required(list(av[-1]))
        elif name == "BRANCH":
            alts = [_required(list(alt)) for alt in av[1]]
            found = None if any(a is None for a in alts) else set().union(*alts)  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            found = _required(list(av[2]))
        if found:
            options.append(found)
    options = [o for o in options if "" not in o]
    if not options:
        return None
    return max(options, key=lambda o: (min(len(x) for x in o), -len(o)))


def required_sets(pattern: str) -> list[set[str]]:
    r"""Every set of lower-cased ASCII strings such that each match of a regex
    contains one of them (one set per literal run or required group of its
    top-level sequence, looking into plain groups), the longest shortest
    member first.

    >>> [sorted(o) for o in required_sets(phrase_regex("the other side"))][:3]
    [['other'], ['sid'], ['th']]
    """
    parsed = _parsed(pattern)
    if parsed is None:
        return []
    out: list[set[str]] = []
    _all_required(list(parsed), out)
    return sorted(
        (o for o in out if "" not in o), key=lambda o: (-min(map(len, o)), len(o), sorted(o))
    )


def _all_required(items: list, out: list[set[str]]) -> None:
    for run, op, av in _literal_runs(items):
        if run is not None:
            out.append({run})
        elif str(op) == "SUBPATTERN":
            _all_required(list(av[-1]), out)
        else:
            found = _required([(op, av)])
            if found:
                out.append(found)


def _uncommon_sets(pattern: str, common: frozenset[str]) -> list[set[str]]:
    """:func:`required_sets` whose members have 3 characters or more, those
    with no common word first (the best one to look for)."""
    sets = [o for o in required_sets(pattern) if min(map(len, o)) >= 3]
    return sorted(sets, key=lambda o: any(x.strip() in common for x in o))


def _keys_regex(keys: set[str]) -> re.Pattern:
    """A regex matching, at a word start, any of ``keys``: a 3-letter key as a
    word's beginning, a shorter one as a whole word (a trie, so the regex
    engine does one character test per letter)."""
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict, depth: int) -> str:
        alts = []
        for ch, child in sorted(node.items()):
            if ch == "":
                continue
            alts.append(re.escape(ch) + build(child, depth + 1))
        end = node.get("")
        if end and depth < 3:
            alts.append(r"(?!\w)")
        elif end:
            alts.append("")
        if not alts:
            return ""
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    body = build(trie, 0) or r"(?!x)x"
    return re.compile(rf"(?<!\w){body}", re.IGNORECASE)


@dataclass
class _Prefilter:
    """What lets a sentence be scanned in one pass of an Aho–Corasick automaton.

    Every cue (and modifier) is indexed by the literal beginnings one of which
    starts each of its matches (:func:`literal_prefixes`), reduced to the
    shortest ones so that at most one key starts at a position; the automaton
    finds them in the lower-cased sentence, and only those words are tried.
    A cue whose beginning cannot be enumerated (a capitalised name...), or is
    a function word ("the other side"), is *gated*: it is looked for only when
    one of the literals every match of it contains (:func:`required_literals`,
    :func:`required_sets`) occurs in the sentence (and one of each further
    set of such literals). When some cue or modifier can be neither, there is
    no prefilter (word-by-word scan).
    One automaton holds them all, and the literal beginnings of the context
    rules' regexes, so that a sentence is read once (see :func:`_automaton`).
    """

    ac: _Automaton
    mod_range: tuple[int, int]  # the numbers of the modifier keys in ac
    cues_of: dict[str, tuple[Cue, ...]]
    gated: tuple[Cue, ...]  # (their literals are automaton keys: see _automaton)
    # per gated cue, more sets of literals the sentence must hold one of each
    also: tuple[tuple[tuple[str, ...], ...], ...]
    mods_of: dict[str, tuple[Modifier, ...]]
    finders: dict[tuple[int, ...], re.Pattern] = field(default_factory=dict)

    def finder(self, passing: tuple[int, ...]) -> re.Pattern:
        """Word starts where one of the gated cues ``passing`` matches."""
        body = "|".join(self.gated[i].regex for i in passing)
        return re.compile(rf"(?<!\w)(?=\w)(?=(?:{body}))", re.IGNORECASE)

    @staticmethod
    def build(
        cues: Sequence[Cue],
        modifiers: Sequence[Modifier],
        rules: dict[str, tuple[frozenset[str], frozenset[str] | None]],
        needs: dict[str, frozenset[str]] | None = None,
        common: frozenset[str] = frozenset(),
    ) -> _Prefilter | None:
        """``needs``: more keys for the rules (see :func:`_rule_keys`);
        ``common``: words too common to index a cue by (function words): a cue
        that can begin with one is gated when it can be."""
        if _ahocorasick_rs is None and _ahocorasick is None:
            return None
        keyed: list[tuple[Cue, set[str]]] = []
        gated: list[Cue] = []
        gates: list[tuple[int, tuple[str, ...]]] = []
        also: list[tuple[tuple[str, ...], ...]] = []
        for c in cues:
            keys = _prefixes(c.regex)
            if keys is not None and not keys:  # it cannot start at a word: never tried
                continue
            if keys is None or min(map(len, keys)) < 3:
                lits = required_literals(c.regex)
                if lits and min(map(len, lits)) >= 3:
                    gates.append((len(gated), tuple(sorted(lits))))
                    also.append(())
                    gated.append(c)
                    continue
            elif any(k.strip() in common for k in keys):
                # e.g. "the other side": gated by "sid" (then "other"), not tried at every "the"
                sets = _uncommon_sets(c.regex, common)
                if sets and not any(x.strip() in common for x in sets[0]):
                    gates.append((len(gated), tuple(sorted(sets[0]))))
                    also.append(tuple(tuple(sorted(o)) for o in sets[1:]))
                    gated.append(c)
                    continue
            if keys is None:
                return None
            keyed.append((c, keys))
        mod_keyed: list[tuple[Modifier, set[str]]] = []
        for m in modifiers:
            keys = _prefixes(m.pattern.pattern)
            if keys is None:
                return None
            if keys:
                mod_keyed.append((m, keys))
        lets: dict[str, set[int]] = {}
        for i, gate_lits in gates:
            for lit in gate_lits:
                lets.setdefault(lit, set()).add(i)
        cues_of, mods_of = _minimal(keyed), _minimal(mod_keyed)
        gate_lets = {lit: tuple(sorted(idx)) for lit, idx in lets.items()}
        ac, mod_range = _automaton(cues_of, gate_lets, mods_of, rules, needs or {})
        return _Prefilter(ac, mod_range, cues_of, tuple(gated), tuple(also), mods_of)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """English function words (``lexicons/english_function_words.csv``): too
    common to index a cue or a rule by."""
    rows = read_rule_table("english_function_words.csv", required=["word"])
    return frozenset(r["word"].lower() for r in rows)


def _longest_prefixes(pattern: str) -> set[str] | None:
    """:func:`literal_prefixes` up to 8, else 5, else 3 characters: the longest
    for which there are not too many."""
    for k in (8, 5, 3):
        keys = literal_prefixes(pattern, k)
        if keys is not None:
            return keys
    return None


def _prefixes(pattern: str) -> set[str] | None:
    """Literal prefixes that can start a word, as long as there are not too many."""
    keys = _longest_prefixes(pattern)
    return None if keys is None else {x for x in keys if x[0] in _ASCII_WORD}


def _minimal(items: Sequence[tuple[object, set[str]]]) -> dict[str, tuple]:
    """Per shortest key (none a prefix of another), the items one of whose
    prefixes starts with it, in their order."""
    everything = {k for _, keys in items for k in keys}
    minimal = {k for k in everything if not any(k[:i] in everything for i in range(1, len(k)))}
    by_key: dict[str, dict[int, object]] = {}
    for item, keys in items:
        for k in keys:
            short = next(k[:i] for i in range(1, len(k) + 1) if k[:i] in minimal)
            by_key.setdefault(short, {})[id(item)] = item
    return {k: tuple(v.values()) for k, v in by_key.items()}


def _verifier(key: str, cues: Sequence[Cue]) -> tuple[str, ...] | None:
    """Literals one of which the sentence must hold for one of ``cues`` (the
    cues of an automaton key) to match anywhere in it, when that says more
    than the key itself ("the other side" needs "other": most "the" are no
    candidate); None when some cue has no such literal."""
    out: set[str] = set()
    for c in cues:
        lits = required_literals(c.regex)
        if not lits or any(len(lit) < 3 or lit in key for lit in lits):
            return None
        out |= lits
    return tuple(sorted(out)) if len(out) <= 8 else None


class _LazyPattern:
    """A regex compiled on its first ``match``; after that ``match`` is the compiled
    pattern's own (an instance attribute, no wrapper left on the path). Pickled as
    its source.

    >>> p = _LazyPattern("peace talks?", re.IGNORECASE)
    >>> p.match("Peace talks resumed.").end()
    11
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.match = re.compile(self.pattern, self.flags).match  # type: ignore[method-assign,assignment]
        return self.match(text, pos)

    def __getstate__(self) -> dict:
        return {"pattern": self.pattern, "flags": self.flags}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)


class _Automaton:
    """An Aho–Corasick automaton over lower-cased keys, each with a value:
    :meth:`find` gives every (overlapping) occurrence as ``(key number,
    start, end)``. Keys ``0 .. first - 1`` are the "first" ones (the cue
    keys: a caller can skip the rest by number). ``ahocorasick_rs`` when it
    is installed, else ``pyahocorasick``; pickled as its keys and values."""

    def __init__(self, keys: Sequence[str], vals: Sequence[tuple], first: int) -> None:
        self.keys, self.vals, self.first = tuple(keys), list(vals), first
        self._build()

    def _build(self) -> None:
        if _ahocorasick_rs is not None:
            ac = _ahocorasick_rs.AhoCorasick(
                self.keys, implementation=_ahocorasick_rs.Implementation.DFA
            )
            find = ac.find_matches_as_indexes
            self.find = lambda low: find(low, overlapping=True)
        else:
            ac = _ahocorasick.Automaton()
            for i, k in enumerate(self.keys):
                ac.add_word(k, (i, len(k) - 1))
            ac.make_automaton()
            it = ac.iter
            self.find = lambda low: [(i, end - n, end + 1) for end, (i, n) in it(low)]

    def __getstate__(self) -> dict:
        return {"keys": self.keys, "vals": self.vals, "first": self.first}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._build()


def _automaton(
    cues_of: dict[str, tuple],
    lets: dict[str, tuple[int, ...]],
    mods_of: dict[str, tuple],
    rules: dict[str, tuple[frozenset[str], frozenset[str] | None]],
    needs: dict[str, frozenset[str]],
) -> tuple[_Automaton, tuple[int, int]]:
    """One automaton over the cue keys and the gated cues' literals (first),
    the modifier keys (numbered in one run, returned) and the rules' literals
    (and ``needs``, see :func:`_rule_keys`). Value: (cue key or
    None, the word's 3-letter index key when the key fixes it, a slot for the
    alternations tried at such a word, gated cues let through or None,
    modifier key or None, rule entry or None, the key's verifier or None)."""
    cue_keys, mod_keys = set(cues_of) | set(lets), set(mods_of)
    # cue keys first, the modifier keys in one run from the last of them on
    first = sorted(cue_keys - mod_keys) + sorted(cue_keys & mod_keys)
    mods = sorted(mod_keys - cue_keys)
    keys = first + mods + sorted((set(rules) | set(needs)) - cue_keys - mod_keys)
    vals: list[tuple] = []
    for k in keys:
        k3 = k[:3] if len(k) >= 3 and all(ch in _ASCII_WORD for ch in k[:3]) else None
        vals.append(
            (
                k if k in cues_of else None,
                k3,
                [],
                lets.get(k),
                k if k in mods_of else None,
                rules.get(k),
                _verifier(k, cues_of[k]) if k in cues_of else None,
            )
        )
    m0 = len(cue_keys - mod_keys)
    return _Automaton(keys, vals, len(first)), (m0, m0 + len(mod_keys))


def _rule_keys(
    rules: Sequence[ContextRule], common: frozenset[str] = frozenset()
) -> tuple[dict[str, tuple[frozenset[str], frozenset[str] | None]], dict[str, frozenset[str]]]:
    """The literal beginnings of the rules' regexes that are searched
    (``sentence``, ``unless``, ``before``; a regex whose matches can begin with
    anything is always run) and, per literal, the regexes (by pattern) a hit
    lets through anywhere, and at a word start (None: the same). Second: for
    a regex that can begin with a ``common`` word but must contain one of some
    uncommon literals, those literals and, per literal, the regexes (searched
    only in a sentence that holds one of their literals)."""
    entries: dict[str, dict[str, bool]] = {}
    needs: dict[str, set[str]] = {}
    for r in rules:
        for rx in (r.sentence, r.unless, r.before):
            if rx is None:
                continue
            keys = _longest_prefixes(rx.pattern)
            if keys is not None and any(k.strip() in common for k in keys):
                sets = _uncommon_sets(rx.pattern, common)
                if sets and not any(x.strip() in common for x in sets[0]):
                    for lit in sets[0]:
                        needs.setdefault(lit, set()).add(rx.pattern)
                    continue
            if keys is None or any(len(k) < 3 and not any(ch.isdigit() for ch in k) for k in keys):
                continue  # a key of one or two letters is too common to be worth it ("g7" is not)
            keys = {k for k in keys if not any(k[:i] in keys for i in range(3, len(k)))}
            items = _parsed(rx.pattern)
            if items is None:  # pragma: no cover - compiled already
                continue
            parsed = list(items)
            first_op, first_av = parsed[0] if parsed else (None, None)
            word_only = (
                rx is not r.before  # searched in a window: a word boundary at its start
                and str(first_op) == "AT"
                and str(first_av) == "AT_BOUNDARY"
                and all(k[0] in _ASCII_WORD for k in keys)
            )
            for k in keys:
                rid = rx.pattern  # ids by pattern text: they survive pickling
                entries.setdefault(k, {})[rid] = entries.get(k, {}).get(rid, True) and word_only
    out = {}
    for k, ids in entries.items():
        anywhere = frozenset(i for i, word_only in ids.items() if not word_only)
        out[k] = (anywhere, frozenset(ids) if len(anywhere) < len(ids) else None)
    return out, {k: frozenset(v) for k, v in needs.items()}


def _rule_automaton(
    keys: dict[str, tuple[frozenset[str], frozenset[str] | None]],
) -> _Automaton | None:
    """An automaton of the rules' literals alone (values shaped as the cue
    automaton's), for a scorer whose cues have no prefilter."""
    if (_ahocorasick_rs is None and _ahocorasick is None) or not keys:
        return None
    return _Automaton(
        list(keys),
        [(None, None, None, None, None, entry) for entry in keys.values()],
        0,
    )


#: A frozen dataclass instance (Evidence, FrameScore) is made by ``_new(cls)``
#: and ``obj.__dict__.update(...)`` with all its fields, not by the generated
#: ``__init__`` (which sets each field through ``object.__setattr__``, several
#: times slower); the object is the same as ``cls(**fields)``.
_new = object.__new__
_first_item = itemgetter(0)


#: ``FrameScorer._rule_hits``: the rule regexes (by pattern) whose literal
#: beginnings occur, and the hits ``(start, end, regexes)``
_RuleHits = tuple[set[str], list[tuple[int, int, frozenset[str]]]]


class _RuleSet(tuple):
    """The context rules of a cue form (a tuple), with ``need``: the automaton
    keys (by number) any of its rules needs one of, and ``plain``: its rules
    that need none (see ``FrameScorer._rule_need``)."""

    need: frozenset[int] = frozenset()
    plain: tuple[ContextRule, ...] = ()


class FrameScorer:
    """A compiled scorer: the lexicon's cues in one regex per frame, built once.

    >>> scorer = FrameScorer()
    >>> scorer.frames
    ('diplomacy', 'escalation')
    >>> scorer.score("Missiles hit a residential block in Kharkiv, killing six.").frame
    'escalation'
    """

    def __init__(
        self,
        lexicon: LexiconSource | Lexicon = None,
        *,
        prefilter: bool = True,
        camps: Camps | str | Path | bool | None = None,
    ) -> None:
        """``prefilter=False`` looks at every word of a sentence instead of the
        words the automata point to: the same results, slower (for tests and
        benchmarks). ``camps``: who is on which side, for contact inside one
        camp (codebook rule 4; :mod:`analysis.camps`): None for the shipped
        ``camps.toml`` (loaded when first needed), a path to your own file or
        a :class:`~analysis.camps.Camps`, False to switch the rule off."""
        self.lexicon = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
        if isinstance(camps, str | Path):
            from .camps import load_camps

            camps = load_camps(camps)
        self._camps: Camps | bool | None = camps  # None: the shipped camps, on first use
        order = {f: i for i, f in enumerate(self.lexicon.frames)}
        # longer patterns first so that a phrase wins over its first word
        cues = sorted(self.lexicon.cues, key=lambda c: (order[c.frame], -len(c.pattern)))
        # Index every cue by the (up to) 3 first letters it can start with, so a
        # sentence is scanned once, word by word, trying only the cues that can
        # start at that word (cues whose start cannot be enumerated are tried
        # at every word).
        by_key: dict[str, dict[str, list[Cue]]] = {}
        always: dict[str, list[Cue]] = {}
        self._first: dict[Cue | Modifier, set[str] | None] = {}
        for c in cues:
            keys = self._first[c] = first_letters(c.regex)
            if keys is None:
                always.setdefault(c.frame, []).append(c)
            else:
                for k in keys:
                    by_key.setdefault(k, {}).setdefault(c.frame, []).append(c)
        # a named group per cue (dicts keyed by the cue itself, not id(): a
        # scorer is pickled to worker processes)
        self._groups = {c: f"c{i}" for i, c in enumerate(cues)}
        self._cue_by_group = {g: c for c, g in self._groups.items()}

        def combined(cs: list[Cue]) -> _LazyPattern:
            # compiled when the word-by-word path first needs it: most scorers never
            # take that path (the automaton's is the usual one), and compiling every
            # alternation up front was a third of building a scorer
            ordered = sorted(cs, key=lambda c: -len(c.pattern))
            return _LazyPattern(
                "|".join(f"(?P<{self._groups[c]}>{c.regex})" for c in ordered), re.IGNORECASE
            )

        # one alternation per (first letters, frame): a word is tried against
        # at most one regex per frame
        frames = self.lexicon.frames
        index: dict[str, tuple[tuple[str, _LazyPattern], ...]] = {}
        for k, per_frame in by_key.items():
            index[k] = tuple(
                (f, combined(per_frame.get(f, []) + always.get(f, [])))
                for f in frames
                if per_frame.get(f) or always.get(f)
            )
        always_rx = tuple((f, combined(always[f])) for f in frames if always.get(f))
        mods_by_key: dict[str, list[tuple[str, int, re.Pattern]]] = {}
        mods_always: list[tuple[str, int, re.Pattern]] = []
        for mod in self.lexicon.modifiers:
            entry = (mod.kind, mod.scope, mod.pattern)
            keys = self._first[mod] = first_letters(mod.pattern.pattern)
            if keys is None:
                mods_always.append(entry)
            else:
                for k in keys:
                    mods_by_key.setdefault(k, []).append(entry)
        mod_index = {k: tuple(v + mods_always) for k, v in mods_by_key.items()}
        mod_always = tuple(mods_always)
        # key -> (cue alternations as (frame number, regex), modifiers): one lookup per word
        frame_no = {f: i for i, f in enumerate(frames)}
        self._table = {
            k: (
                tuple((frame_no[f], rx) for f, rx in index.get(k, always_rx)),
                mod_index.get(k, mod_always),
            )
            for k in set(index) | set(mod_index)
        }
        self._fallback = (tuple((frame_no[f], rx) for f, rx in always_rx), mod_always)
        # One regex finds, at C speed, the words whose first letters start a cue
        # or a modifier; only those words are looked at in Python.
        self._finder = (
            _TOKEN_RE if always_rx or mod_always else _keys_regex(set(index) | set(mod_index))
        )
        self._rule_cache: dict[tuple[str, str], _RuleSet] = {}
        self._rules_by_frame = {
            f: tuple(r for r in self.lexicon.rules if not r.frame or r.frame == f) for f in frames
        }
        self._order = {c: (-len(c.pattern), self._first[c] is None, i) for i, c in enumerate(cues)}
        self._frame_no = frame_no
        common = _function_words()
        rule_keys, rule_needs = (
            _rule_keys(self.lexicon.rules, common)
            if prefilter and (_ahocorasick_rs is not None or _ahocorasick is not None)
            else ({}, {})
        )
        self._rule_filtered = frozenset(i for a, w in rule_keys.values() for i in (w or a))
        self._prefilter = (
            _Prefilter.build(cues, self.lexicon.modifiers, rule_keys, rule_needs, common)
            if prefilter
            else None
        )
        # the rules' literals alone, when the cues cannot be prefiltered
        self._rule_ac = _rule_automaton(rule_keys) if self._prefilter is None else None
        # per rule (by where): the automaton keys (by number) one of which must
        # occur in the sentence for its ``before`` / ``sentence`` regex to
        # match (None: no such keys), so that most rules are ruled out by a
        # set test on the keys found
        self._rule_need: dict[str, tuple[frozenset[int] | None, frozenset[int] | None]] = {}
        if self._prefilter is not None:
            numbered = self._prefilter.ac.keys
            by_rid: dict[str, set[int]] = {}
            for i, k in enumerate(numbered):
                a, w = rule_keys.get(k, (frozenset(), None))
                for rid in (w or a) | rule_needs.get(k, frozenset()):
                    by_rid.setdefault(rid, set()).add(i)

            def need(rx: re.Pattern | None) -> frozenset[int] | None:
                if rx is None or rx.pattern not in by_rid:
                    return None
                return frozenset(by_rid[rx.pattern])

            self._rule_need = {
                r.where: (need(r.before), need(r.sentence)) for r in self.lexicon.rules
            }
        self._entries: dict[tuple, tuple] = {}
        self._no_labels = dict.fromkeys(frames, False)  # copied for a sentence with no cue
        # frame_name per labels (in frame order), and per frame where the last match ended
        self._frame_names: dict[tuple[bool, ...], str] = {}
        self._no_busy = [-1] * len(frames)
        self._no_scores = dict.fromkeys(frames, 0.0)
        self._mod_entries: dict[tuple, tuple] = {}
        # the parse trees were needed while the index was built (~10 MB kept otherwise, in
        # every worker process); a later scorer parses again
        _parsed.cache_clear()

    @property
    def frames(self) -> tuple[str, ...]:
        return self.lexicon.frames

    def matches(self, text: str) -> list[tuple[Cue, int, int]]:
        """Raw cue matches (before context rules), in text order; within a
        frame matches do not overlap (the longest cue listed first wins)."""
        return self._scan(text)[0]

    def _scan(
        self, text: str
    ) -> tuple[list[tuple[Cue, int, int]], list[tuple[str, int, int, int]]]:
        """Cue matches and (when there is a cue) modifier hits ``(kind, scope,
        start, end)``: by the prefilter when it can be used, else word by word
        (the same results; tests compare the two)."""
        pf = self._prefilter
        if pf is not None and not _odd_case(text):
            low = text.lower()
            if len(low) == len(text):
                raw = pf.ac.find(low)
                out = self._scan_fast(pf, text, low, raw)
                return out, (self._mod_hits_fast(pf, text, raw) if out else [])
        out, hits = self._scan_words(text)
        return out, (hits if out else [])

    def _scan_fast(
        self, pf: _Prefilter, text: str, low: str, raw: list
    ) -> list[tuple[Cue, int, int]]:
        """Cue matches, trying only the words where the automaton found the
        beginning of a cue (and, when a gated cue's required literal occurs,
        the words where such a cue matches)."""
        cands = []
        lets: set[int] | None = None
        vals, first = pf.ac.vals, pf.ac.first
        for i, p, _ in raw:
            if i >= first:  # a modifier's or a rule's key
                continue
            val = vals[i]
            if val[3] is not None:  # a gated cue's literal
                if lets is None:
                    lets = set()
                lets.update(val[3])
            if val[0] is None:  # no cue key (a literal)
                continue
            if p:
                ch = text[p - 1]
                if ch.isalnum() or ch == "_":  # not a word start
                    continue
            verify = val[6]
            if verify is not None:
                for lit in verify:
                    if lit in low:
                        break
                else:
                    continue  # none of its cues can match in this sentence
            cands.append((p, val))
        gated_at: set[int] | tuple = ()
        if lets:
            passing_list = []
            for i in lets:  # those whose further literals occur too
                for alt in pf.also[i]:
                    for x in alt:
                        if x in low:
                            break
                    else:
                        break  # none of this set
                else:
                    passing_list.append(i)
            passing = tuple(sorted(passing_list))
            if passing:
                finder = pf.finders.get(passing)
                if finder is None:
                    finder = pf.finders[passing] = pf.finder(passing)
                gated_at = {m.start() for m in finder.finditer(text)}
            if gated_at:
                keyed = {c[0] for c in cands}
                cands += [(p, None) for p in gated_at if p not in keyed]
        if not cands:
            return []
        if len(cands) > 1:
            cands.sort(key=_first_item)  # at most one key starts at a place
        return self._match_at(text, cands, gated_at)

    def _match_at(self, text: str, cands: list, gated_at) -> list[tuple[Cue, int, int]]:
        out: list[tuple[Cue, int, int]] = []
        busy = self._no_busy.copy()
        entries, groups = self._entries, self._cue_by_group
        for p, val in cands:
            gated = p in gated_at
            if val is not None and val[2] and not gated:
                entry = val[2][0]  # the key fixes the word's index key: kept with the key
            else:
                key, k3 = (None, None) if val is None else (val[0], val[1])
                if k3 is None:
                    tok = _TOKEN_RE.match(text, p)
                    # p is a word start (a key's ASCII word character, or a gated finder's \w)
                    assert tok is not None
                    k3 = tok.group()[:3].lower()
                ekey = (key, k3, gated)
                entry = entries.get(ekey)
                if entry is None:
                    entry = entries[ekey] = self._entry(*ekey)
                if val is not None and val[1] is not None and not gated:
                    val[2].append(entry)
            for fi, rx in entry:
                if busy[fi] > p:
                    continue
                hit = rx.match(text, p)
                if hit is not None and hit.end() > p:
                    out.append((groups[hit.lastgroup], p, hit.end()))
                    busy[fi] = hit.end()
        return out

    def _entry(self, key: str | None, k3: str, gated: bool) -> tuple[tuple[int, re.Pattern], ...]:
        """The alternations to try at a word: per frame, the cues the
        word-by-word scan would try there (those indexed under the word's
        first letters, and those tried at every word) that can start with
        the automaton's key, or are gated cues matching there, in its order."""
        pf = self._prefilter
        assert pf is not None
        pool = list(pf.cues_of.get(key, ())) if key is not None else []
        if gated:
            pool += pf.gated
        first, order = self._first, self._order
        allowed = [c for c in pool if (fc := first[c]) is None or k3 in fc]
        out = []
        for f in self.lexicon.frames:
            cs = sorted((c for c in allowed if c.frame == f), key=lambda c: order[c])
            if cs:
                out.append((self._frame_no[f], self._alternation(cs)))
        return tuple(out)

    def _alternation(self, cues: Sequence[Cue]) -> re.Pattern:
        """One regex trying ``cues`` in order, each in its named group."""
        return re.compile(
            "|".join(f"(?P<{self._groups[c]}>{c.regex})" for c in cues), re.IGNORECASE
        )

    def _mod_hits_fast(
        self, pf: _Prefilter, text: str, raw: list
    ) -> list[tuple[str, int, int, int]]:
        """Modifier hits at the words where the automaton found a modifier's beginning."""
        hits: list[tuple[str, int, int, int]] = []
        entries = self._mod_entries
        vals = pf.ac.vals
        m0, m1 = pf.mod_range
        for i, p, _ in raw:
            if i < m0 or i >= m1:  # not a modifier's key
                continue
            val = vals[i]
            key = val[4]
            k3 = val[1]
            if p:
                ch = text[p - 1]
                if ch.isalnum() or ch == "_":
                    continue
            if k3 is None:
                tok = _TOKEN_RE.match(text, p)
                assert tok is not None  # p is a word start: a modifier key's ASCII word character
                k3 = tok.group()[:3].lower()
            entry = entries.get((key, k3))
            if entry is None:
                first = self._first
                entry = entries[(key, k3)] = tuple(
                    (m.kind, m.scope, m.pattern)
                    for m in pf.mods_of[key]
                    if (fm := first[m]) is None or k3 in fm
                )
            for kind, scope, rx in entry:
                hit = rx.match(text, p)
                if hit is not None:
                    hits.append((kind, scope, p, hit.end()))
        return hits

    def _scan_words(
        self, text: str
    ) -> tuple[list[tuple[Cue, int, int]], list[tuple[str, int, int, int]]]:
        """One pass over the words: cue matches and modifier hits."""
        out: list[tuple[Cue, int, int]] = []
        hits: list[tuple[str, int, int, int]] = []
        busy = [-1] * len(self.lexicon.frames)
        table, fallback, groups = self._table, self._fallback, self._cue_by_group
        for m in self._finder.finditer(text):
            pos = m.start()
            cues, mods = table.get(m.group()[:3].lower(), fallback)
            for fi, rx in cues:
                if busy[fi] > pos:
                    continue
                hit = rx.match(text, pos)
                if hit is not None and hit.end() > pos:
                    group = hit.lastgroup
                    assert group is not None  # each cue of the alternation is a named group
                    out.append((groups[group], pos, hit.end()))
                    busy[fi] = hit.end()
            for kind, scope, mod_rx in mods:
                hit = mod_rx.match(text, pos)
                if hit is not None:
                    hits.append((kind, scope, pos, hit.end()))
        return out, hits

    def _factor(
        self, text: str, start: int, end: int, memo: dict, rules: tuple[ContextRule, ...]
    ) -> tuple[float, list[str]]:
        """The product of the factors of the context rules that apply to a cue
        match, and their names. ``rules``: the cue's rules as :meth:`_result`
        narrowed them; ``memo`` caches sentence-wide conditions and holds the
        automaton's hits and the keys found (None on the word-by-word path)."""
        factor, names = 1.0, []
        before_text = after_text = None  # the 80 characters each side, when a rule needs them
        raw = memo.get(_RAW)
        if raw is not None:
            found = memo[_FOUND]  # the automaton's keys found in the sentence
            need = self._rule_need
        for r in rules:
            if raw is not None:
                before_keys, sentence_keys = need[r.where]
                if (before_keys is not None and before_keys.isdisjoint(found)) or (
                    sentence_keys is not None and sentence_keys.isdisjoint(found)
                ):
                    continue  # none of the literals its before/sentence regex needs occurs
            if r.before is not None:
                if before_text is None:
                    before_text = text[max(0, start - 80) : start]
                rid = r.before.pattern
                present: _RuleHits | Literal[False] = False
                if rid in self._rule_filtered:
                    cached = memo.get(None)
                    if cached is None:
                        cached = memo[None] = self._rule_hits(text, memo.get(_RAW))
                    present = cached
                if present is not False:
                    # a match in the window starts where one of its literal beginnings occurs
                    if rid not in present[0]:
                        continue
                    lo = start - 80 if start > 80 else 0
                    if not any(
                        lo <= a
                        and b <= start
                        and rid in ids
                        and r.before.match(before_text, a - lo) is not None
                        for a, b, ids in present[1]
                    ):
                        continue
                elif not r.before.search(before_text):
                    continue
            if r.after is not None:
                if after_text is None:
                    after_text = text[end : end + 80]
                if not r.after.match(after_text):
                    continue
            if r.sentence is not None or r.unless is not None:
                ok = memo.get(r.where)
                if ok is None:
                    ok = (
                        r.sentence is None or self._finds(r.sentence, r.sentence_keys, text, memo)
                    ) and (r.unless is None or not self._finds(r.unless, r.unless_keys, text, memo))
                    memo[r.where] = ok
                if not ok:
                    continue
            factor *= r.factor
            names.append(r.name)
            if factor == 0:
                break
        return factor, names

    def _rules_for(self, cue: Cue, matched: str) -> _RuleSet:
        """The context rules whose frame, subframe and cue conditions hold for
        a cue matched as ``matched`` (cached)."""
        rules = _RuleSet(
            r
            for r in self._rules_by_frame[cue.frame]
            if (not r.subframe or r.subframe == cue.subframe)
            and (r.cue is None or r.cue.match(matched))
        )
        needs = [self._rule_need.get(r.where, (None, None)) for r in rules]
        rules.need = frozenset().union(*(k for pair in needs for k in pair if k is not None))
        rules.plain = tuple(r for r, pair in zip(rules, needs, strict=True) if pair == (None, None))
        if len(self._rule_cache) > 100_000:
            self._rule_cache.clear()
        self._rule_cache[(cue.where, matched)] = rules
        return rules

    def _finds(self, rx: re.Pattern, needed: frozenset[str] | None, text: str, memo: dict) -> bool:
        """Whether a rule's sentence-wide regex is found in the sentence (and,
        when ``needed`` is given, a word of the sentence has one of those
        first letters). The regex is not run when the rule automaton found
        none of the literal beginnings of its matches."""
        present = memo.get(None)
        if present is None:
            present = memo[None] = self._rule_hits(text, memo.get(_RAW))
        rid = rx.pattern
        if present is not False and rid in self._rule_filtered:
            # a match starts where one of its literal beginnings occurs: try those places
            if rid not in present[0] or not any(
                rid in ids and rx.match(text, a) is not None for a, _, ids in present[1]
            ):
                return False
        elif rx.search(text) is None:
            return False
        if needed is None:
            return True
        keys = memo.get("")
        if keys is None:
            keys = memo[""] = {m.group()[:3].lower() for m in _TOKEN_RE.finditer(text)}
        return not needed.isdisjoint(keys)

    def _rule_hits(self, text: str, raw: list | None = None) -> _RuleHits | Literal[False]:
        """The rule regexes (by pattern) one of whose literal beginnings occurs
        in the sentence (at a word start for a regex that begins with
        ``\\b``), and the hits ``(start, end, regexes)``; False when the
        automaton cannot be used on this sentence. ``raw``: the automaton's
        hits when the sentence was scanned already."""
        ac = self._prefilter.ac if self._prefilter is not None else self._rule_ac
        if raw is None:
            if ac is None or not self._rule_filtered or _odd_case(text):
                return False
            low = text.lower()
            if len(low) != len(text):
                return False
            raw = ac.find(low)
        assert ac is not None  # raw hits come from an automaton: the prefilter's (see _scan)
        found: set[str] = set()
        hits: list[tuple[int, int, frozenset[str]]] = []
        vals = ac.vals
        for i, p, end in raw:
            entry = vals[i][5]
            if entry is None:
                continue
            anywhere, at_word = entry
            if at_word and (p == 0 or not (text[p - 1].isalnum() or text[p - 1] == "_")):
                ids = at_word
            else:
                ids = anywhere
            if ids:
                found.update(ids)
                hits.append((p, end, ids))
        return found, hits

    @staticmethod
    def _modifiers(
        text: str, hits: list[tuple[str, int, int, int]], memo: dict, start: int, end: int
    ) -> tuple[bool, bool]:
        """Negation/hedge within ``scope`` words before the cue (or inside it),
        in the cue's clause (a clause ends at ";", ":" or "but"/"however"):
        ``(negated, hedged)``.

        The words counted are those that start in the clause before the cue's
        end (a clause never starts inside a word, so they are found by a scan
        of that stretch only). ``memo`` keeps the clause starts of the sentence."""
        flags = dict.fromkeys(_MODIFIERS, False)
        clause_start = -1
        words: list[int] | None = None
        whole = False
        for kind, scope, h0, h1 in hits:
            if flags[kind] or h1 > end:
                continue
            if clause_start < 0:
                clause_starts = memo.get(_CLAUSES)
                if clause_starts is None:
                    clause_starts = memo[_CLAUSES] = clause_breaks(text)
                i = bisect_right(clause_starts, start)
                clause_start = clause_starts[i - 1] if i else 0
            if h0 < clause_start:
                continue
            if words is None or (len(words) < scope and whole is False):
                words, whole = _words_back(text, clause_start, end, scope)
            lo = words[max(0, len(words) - scope)] if words else 0
            if h0 >= lo:
                flags[kind] = True
        return flags["negated"], flags["hedged"]

    def score(self, text: str) -> FrameScore:
        """Score one sentence (see the module docstring)."""
        text = str(text)
        if not text.isascii():
            if _ODD_SPACE_RE.search(text) is not None:  # a scan costs a 15th of a translate
                text = text.translate(PLAIN_SPACES)  # one for one: offsets hold
            if HIDDEN_RE.search(text) is not None:
                return self._score_hidden(text)
        pf = self._prefilter
        raw = None  # the automaton's hits (as _scan, inlined)
        if pf is not None and not (
            _ODD_CASE[0] in text or _ODD_CASE[1] in text or _ODD_CASE[2] in text
        ):
            low = text.lower()
            if len(low) == len(text):
                raw = pf.ac.find(low)
        if raw is None:  # the word-by-word path
            found, hits = self._scan_words(text)
        elif raw:
            assert pf is not None  # raw hits come from pf's automaton
            found = self._scan_fast(pf, text, low, raw)
            hits = self._mod_hits_fast(pf, text, raw) if found else []
        else:
            found = None
        if found:
            return self._result(text, found, hits, raw)
        obj = _new(FrameScore)  # most background sentences: no cue at all
        obj.__dict__.update(
            labels=self._no_labels.copy(),
            scores=self._no_scores.copy(),
            frame="neutral",
            evidence=(),
            suppressed=(),
        )
        return obj

    def _score_hidden(self, text: str) -> FrameScore:
        """Score a sentence holding hidden characters (``textio.HIDDEN_RE``): the cues are
        looked for in a copy without them, and the evidence's ``start``/``end`` and
        ``match`` are mapped back to ``text`` (a cue's span holds the hidden characters
        inside it). A zero-width space between two word characters is read both ways
        (left out: one word; a space: two words) and the reading that finds more cue text
        is kept, the one-word reading on a tie (textio's ``without_hidden`` makes the copy,
        ``span_back`` maps a span back)."""
        from dataclasses import replace

        zwsp = [m.start() for m in ZWSP_IN_WORD_RE.finditer(text)]
        readings = (False, True) if zwsp else (False,)
        best: tuple[int, FrameScore, list[int]] | None = None
        for split in readings:
            clean, pos = without_hidden(text, set(zwsp) if split else frozenset())
            fs = self.score(clean)  # no hidden character left: the usual path
            covered = len({
                pos[i]
                for ev in (*fs.evidence, *fs.suppressed)
                for i in range(ev.start, ev.end)
                if clean[i] != " " or text[pos[i]] == " "
            })
            if best is None or covered > best[0]:
                best = (covered, fs, pos)
        assert best is not None
        covered, fs, pos = best
        if not covered:
            return fs

        def back(ev: Evidence) -> Evidence:
            start, end = span_back(pos, ev.start, ev.end)
            return replace(ev, start=start, end=end, match=text[start:end])

        return replace(
            fs,
            evidence=tuple(map(back, fs.evidence)),
            suppressed=tuple(map(back, fs.suppressed)),
        )

    def _result(self, text: str, found: list, hits: list, raw: list | None) -> FrameScore:
        """The score of a sentence with cue matches ``found``, modifier hits
        ``hits`` and the automaton's hits ``raw`` (None on the word-by-word path)."""
        frames = self.lexicon.frames
        quotes = quoted_spans(text) if _QUOTE_CHARS_RE.search(text) else None
        evidence: list[Evidence] = []
        suppressed: list[Evidence] = []
        seen: set[tuple[str, str]] = set()
        memo: dict = {_RAW: raw}
        rule_cache = self._rule_cache
        modifiers = self._modifiers
        sums = dict.fromkeys(frames, 0.0)
        keys_found = None  # the automaton's keys found in the sentence (see _factor)
        rules: tuple[ContextRule, ...] | None  # a _RuleSet, or the plain rules of one
        for cue, start, end in found:
            matched = text[start:end]
            # keyed by the text as written: a rule's cue condition can be case-sensitive
            rules = rule_cache.get((cue.where, matched))
            if rules is None:
                rules = self._rules_for(cue, matched)
            if rules and raw is not None:
                if keys_found is None:
                    keys_found = memo[_FOUND] = {h[0] for h in raw}
                if rules.need.isdisjoint(keys_found):
                    rules = rules.plain  # none of the rules that need a literal can apply
            if rules:
                factor, names = self._factor(text, start, end, memo, rules)
            else:
                factor, names = 1.0, None
            if hits:
                negated, hedged = modifiers(text, hits, memo, start, end)
            else:
                negated = hedged = False
            key = (cue.frame, cue.pattern)
            rule = cue.where
            if names:
                rule += "".join(f"+{n}" for n in names)
            if key in seen:
                weight = 0.0
                rule += "+repeat"
            else:
                weight = round(cue.weight * factor, 4)
            # Evidence(...) without the frozen __init__ (see _new)
            ev = _new(Evidence)
            ev.__dict__.update(
                frame=cue.frame,
                subframe=cue.subframe,
                match=matched,
                start=start,
                end=end,
                weight=weight,
                rule=rule,
                negated=negated,
                hedged=hedged,
                quoted=quotes is not None and any(a <= start and end <= b for a, b in quotes),
                cue=cue.pattern,
            )
            if factor == 0:
                suppressed.append(ev)
                continue
            seen.add(key)
            evidence.append(ev)
            sums[cue.frame] += weight
        if self._camps is not False and "diplomacy" in sums and sums["diplomacy"]:
            self._one_camp(text, evidence, sums)
        scores, labels = {}, {}
        for f, s in sums.items():
            scores[f] = x = round(1.0 - math.exp(-s), 4) if s else 0.0
            labels[f] = x >= THRESHOLD
        fired = tuple(labels.values())
        name = self._frame_names.get(fired)
        if name is None:
            name = self._frame_names[fired] = frame_name(labels, frames)
        obj = _new(FrameScore)
        obj.__dict__.update(
            labels=labels,
            scores=scores,
            frame=name,
            evidence=tuple(evidence),
            suppressed=tuple(suppressed),
        )
        return obj

    def _one_camp(self, text: str, evidence: list[Evidence], sums: dict[str, float]) -> None:
        """Codebook rule 4: contact cues (calls, meetings, counterparts) whose
        named parties all belong to one camp keep ``camps.factor`` of their
        weight (their rule gains ``+one_camp``); those with parties of both
        camps beside them weigh ``camps.cross_factor`` times more
        (``+cross_camp``). Mediators, envoys, talks and peace are diplomacy
        whoever is named (``patterns.not_contact``): never changed."""
        contact = [
            ev for ev in evidence
            if ev.frame == "diplomacy" and ev.subframe == "contact" and ev.weight > 0
        ]
        if not contact:
            return
        camps = self._camps
        if camps is None:
            from .camps import default_camps

            camps = self._camps = default_camps()
        assert not isinstance(camps, bool)
        contact = [ev for ev in contact if not camps.not_contact.search(ev.match)]
        if not contact:
            return
        parties = camps.parties(text)
        if not parties:
            return
        if camps.one_camp(text, parties) is not None:
            factor, name = camps.factor, "+one_camp"
        else:  # contact across the conflict: parties of both camps right beside the cue
            contact = [ev for ev in contact if camps.across(text, ev.start, ev.end, parties)]
            factor, name = camps.cross_factor, "+cross_camp"
            if not contact or factor == 1:
                return
        for ev in contact:  # not yet handed out: set in place (the dataclass is frozen)
            ev.__dict__["weight"] = round(ev.weight * factor, 4)
            ev.__dict__["rule"] = ev.rule + name
        total = 0.0
        for ev in evidence:
            if ev.frame == "diplomacy":
                total += ev.weight
        sums["diplomacy"] = total

    def score_many(self, texts: Sequence[str]) -> list[FrameScore]:
        return [self.score(t) for t in texts]


def frame_name(labels: dict[str, bool], frames: Sequence[str] = BUILTIN_FRAMES) -> str:
    """The ``frame`` column: diplomacy | escalation | mixed | neutral, or user
    frames joined with ``+`` when any user frame fired.

    >>> frame_name({"diplomacy": True, "escalation": True})
    'mixed'
    >>> frame_name({"diplomacy": False, "escalation": True, "humanitarian": True},
    ...            ("diplomacy", "escalation", "humanitarian"))
    'escalation+humanitarian'
    """
    fired = [f for f in frames if labels.get(f)]
    if any(f not in BUILTIN_FRAMES for f in fired):
        return "+".join(fired)
    if len(fired) == 2:
        return "mixed"
    return fired[0] if fired else "neutral"


@lru_cache(maxsize=1)
def default_frame_scorer() -> FrameScorer:
    """The scorer with the shipped lexicon, compiled once per process."""
    return FrameScorer()


def score_frames(text: str, lexicon: LexiconSource = None) -> FrameScore:
    """Score one sentence with the shipped lexicon (cached) or with extra files.

    >>> score_frames("The United States imposed new sanctions on Russian banks.").frame
    'escalation'
    """
    scorer = default_frame_scorer() if lexicon is None else FrameScorer(lexicon)
    return scorer.score(text)
