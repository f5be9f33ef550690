"""Sourcing: who each sentence's claim comes from.

Rules over the whole article (quotations and speakers carry over
sentences): find attribution cues in each sentence ("X said", "according
to X", "X told Newsweek", "The Washington Post cited officials who said",
"Source: claim" headlines, transcript labels), find the quotation spans of
the article and give each the speaker of its adjacent cue, then walk the
sentences in order resolving pronouns and definite descriptions to the
fullest earlier mention.

    >>> from analysis.sentences import Sentence
    >>> sents = [Sentence(0, 47, "“On secondary issues, positions are converging."),
    ...          Sentence(48, 115, "But on the main issues, we are treading water,” Medinsky said.")]
    >>> [(a.source_type, a.speaker, a.quote_mode) for a in attribute_sentences(sents)]
    [('named_official', 'Medinsky', 'continuation'), ('named_official', 'Medinsky', 'direct')]
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

import ahocorasick

from .errors import InputWarning
from .quotes import QuoteSpan, find_quotes
from .sentences import Sentence
from .speakers import (
    ARTICLE_NAMES,
    PRONOUNS,
    ArticleNames,
    EntityMemory,
    MentionType,
    SourceLexicon,
    SourcingWords,
    content_words,
)
from .textio import HIDDEN_CHARS, HIDDEN_RE, ZWSP_IN_WORD_RE, span_back, without_hidden

_ahocorasick_rs: Any  # the module, or None without it
try:  # the article scan's automaton: all hits in one call (Rust); else pyahocorasick
    import ahocorasick_rs as _ahocorasick_rs
except ImportError:  # pragma: no cover
    _ahocorasick_rs = None

_SET = object.__setattr__  # how a frozen dataclass sets its fields


@dataclass(frozen=True, slots=True, init=False)
class Attribution:
    """The sourcing of one sentence (see ``analysis.schema.SOURCING_COLUMNS``).

    ``speaker_start``/``speaker_end`` and ``cue_start``/``cue_end`` are
    character offsets inside the sentence text, -1 when the speaker or cue
    is not in this sentence (a continued quotation).
    """

    source_type: str = "unattributed"
    speaker: str = ""
    speaker_canonical: str = ""
    cue: str = ""
    quote_mode: str = "none"
    via_outlet: str = ""
    anonymous: bool = False
    side: str = "unknown"
    source_rule: str = "none"
    speaker_start: int = -1
    speaker_end: int = -1
    cue_start: int = -1
    cue_end: int = -1

    def __init__(self, source_type: str = "unattributed", speaker: str = "",
                 speaker_canonical: str = "", cue: str = "", quote_mode: str = "none",
                 via_outlet: str = "", anonymous: bool = False, side: str = "unknown",
                 source_rule: str = "none", speaker_start: int = -1, speaker_end: int = -1,
                 cue_start: int = -1, cue_end: int = -1) -> None:
        # what dataclass would generate, with the setter looked up once (one is built for
        # most sentences of an article)
        s = _SET
        s(self, "source_type", source_type)
        s(self, "speaker", speaker)
        s(self, "speaker_canonical", speaker_canonical)
        s(self, "cue", cue)
        s(self, "quote_mode", quote_mode)
        s(self, "via_outlet", via_outlet)
        s(self, "anonymous", anonymous)
        s(self, "side", side)
        s(self, "source_rule", source_rule)
        s(self, "speaker_start", speaker_start)
        s(self, "speaker_end", speaker_end)
        s(self, "cue_start", cue_start)
        s(self, "cue_end", cue_end)

    def as_row(self) -> dict:
        """All fields as a flat dict (the sourcing columns of the sentence table)."""
        return {
            "source_type": self.source_type, "speaker": self.speaker,
            "speaker_canonical": self.speaker_canonical, "cue": self.cue,
            "quote_mode": self.quote_mode, "via_outlet": self.via_outlet,
            "anonymous": self.anonymous, "side": self.side, "source_rule": self.source_rule,
            "speaker_start": self.speaker_start, "speaker_end": self.speaker_end,
            "cue_start": self.cue_start, "cue_end": self.cue_end,
        }


UNATTRIBUTED = Attribution()


@dataclass(slots=True)
class Cue:
    """An attribution cue found in one sentence (offsets inside the sentence)."""

    rule: str
    speaker: str
    s_start: int
    s_end: int
    cue: str
    c_start: int
    c_end: int
    kind: str = "speech"  # verb kind
    via: str = ""
    appositive: str = ""
    subordinate: bool = False  # the cue sits in a subordinate clause ("which Nato rejected")
    group: str = ""  # the list of sources the speaker opens ("Putin and Lavrov"), if any


# ---------------------------------------------------------------------------------------
# regular expressions compiled once

def _title_case(s: str) -> bool:
    """Whether ``s`` reads like a headline in Title Case ("Kovac Says He Will Run"): of its
    words longer than three letters, capitalised ones outnumber lower-case ones three to one."""
    up = low = 0
    for w in s.split():
        c = w.lstrip("\"'‘“(\x00")[:1]
        if len(w) > 3 and c.isalpha():
            if c.isupper():
                up += 1
            else:
                low += 1
    return up >= 3 and up >= 3 * low


def _word_alternation(alts: Sequence[str]) -> str:
    r"""``\b(?:alt1|alt2|...)`` for alternatives that each begin with a letter, written as a
    branch on that letter followed by ``(?<!\w\w)`` (the same boundary): the same matches,
    but ``re`` can skip to the candidate letters at C speed instead of trying the pattern
    at every character."""
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0], []).append(a[1:])
    return "(?:" + "|".join(rf"{c}(?<!\w\w)(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")"


_MASK = "\x00"
_CURLY_QUOTES = "“”„«»"  # the quotation marks other than the straight one
_SINGLE_MARKS = "'‘’"  # single quotation marks (made '"' by _mask where they mark a quotation)
_BOUNDARY = re.compile(
    r"(?i)(?:[\x00“”„«»\";:()\[\]]|\s[—–]\s|\s--?\s|\b(?:that|but|because|while|whereas|although|though|"
    r"when|where|after|before|since|if|unless|whether|as|so|and|or)\s)")
_RELATIVE = frozenset("which that who whom whose".split())
_IN_CLAUSE = _RELATIVE | frozenset("as when while after before if because although though since "
                                   "until unless whether what how".split())
_NOT_VERB_PREV = frozenset("to the a an his her its their our this that these those be been "
                           "being".split())
_BOUNDARY_WORDS = frozenset("that but because while whereas although though when where after "
                            "before since if unless whether as so and or".split())
#: up to the last boundary mark (in masked text every quotation mark is straight)
_RE_LAST_BOUNDARY_CHAR = re.compile(r'.*[\x00";:()\[\]]', re.DOTALL)
_RE_TAIL_CONJ = re.compile(r"(?i)[\s,](and|but)$")


def _name_over_role(lex: SourceLexicon, sp: str, am: re.Match[str], mt: MentionType) -> tuple[str, str, int]:
    """An inverted speaker ``sp`` (group 1 of ``am``) and its appositive (group 2)
    as (speaker, appositive, speaker start): when the speaker is a role and the
    appositive a bare name, the name speaks and the role describes it
    ("said Ukrainian political scientist, Volodymyr Fesenko"; "..., said the
    company's chief executive, Jan Kowal.")."""
    app = (am.group(2) or "").strip()
    if app and not lex.name_tokens(sp) and _NAME_ONLY.match(app) and \
            lex.name_tokens(app) and mt.roles:
        return app, sp, am.start(2) + (len(am.group(2)) - len(am.group(2).lstrip()))
    return sp, app, am.start(1)


#: an adverb and its comma opening a subject ("Nonetheless, House Republicans"; with a
#: "however," after it)
_RE_OPENER_COMMA = re.compile(r"([A-Z][a-z]+),\s+(?:however,\s+)?")
#: a transcriber's note alone in brackets: a capitalised word and at most two more
#: ("(Laughter.)", "(Applause.)", "[Inaudible]", "(Audience boos.)")
_RE_STAGE_DIRECTION = re.compile(r"\s*[(\[][A-Z][a-z]+(?:\s+[a-z]+){0,2}[.!]?[)\]]\s*")
#: the lower-case words of a title made of capitalised words ("the Adviser to the Head of
#: the Office of the President")
_TITLE_LINKS = frozenset(("the", "of", "to", "for", "and"))


def _title_chain(sp: str) -> bool:
    """Whether ``sp`` is a long title of capitalised words joined by "the", "of", "to",
    "for", "and" (at most 14 words): one speaker, however long ("said the Adviser to the
    Head of the Office of the President")."""
    words = sp.split()
    return len(words) <= 14 and all(w[:1].isupper() or w in _TITLE_LINKS for w in words)


def _looks_like_np(s: str) -> bool:
    """No finite verb in ``s`` ("Kyiv expected a clear answer" is a clause, not a speaker)."""
    words = s.split()
    for k, w in enumerate(words):
        lw = w.lower()
        if lw in _VERBISH_SET:
            return False
        if w[0].islower() and lw.endswith("ed") and lw not in _ED_ADJ and not (
                k + 1 < len(words) and words[k + 1] in _PARTICIPLE_PREPS):
            return False
        if w[0].islower() and k + 1 < len(words) and words[k + 1].lower() in _DET and \
                lw not in _PARTICIPLE_PREPS and lw not in ("of", "with", "to", "and", "for"):
            return False
    return True


def _last_word(text: str, end: int) -> str:
    """The lower-cased word that ends just before ``end`` (spaces skipped)."""
    # what follows the last space or newline of the stripped segment
    return text[max(0, end - 24):end].rstrip().rpartition(" ")[2].rpartition("\n")[2].lower()


def _clause_start(chunk: str) -> tuple[int, str]:
    """Offset where the clause ending ``chunk`` starts, and the boundary word ("" if none)."""
    n = len(chunk)
    lo = max(0, n - 160)
    # the last boundary mark (quotes, brackets, colon ...) at or after lo: one C-level match
    # (greedy, backing off from the end)
    mm = _RE_LAST_BOUNDARY_CHAR.match(chunk, lo)
    mark = mm.end() - 1 if mm else -1
    floor = max(lo, mark + 1)
    pos = n
    budget = 16  # a speaker phrase is at most 12 words: look no further back
    # the words back from the end, space-separated (one C-level split instead of rfinds)
    parts = chunk[floor:].rsplit(" ", budget)
    j = len(parts) - 1
    if _DASH_WORDS.isdisjoint(parts) and _BOUNDARY_SPELLINGS.isdisjoint(parts[-budget:j]):
        # no word the walk below stops at (one C-level test each): where it would end, i.e.
        # with the budget spent (16 words walked) or at the first word
        if j == budget or (j == budget - 1 and parts[0]):
            return floor + len(parts[0]), ""
        return (mark + 1 if mark >= lo else lo), ""
    while pos > floor and budget:
        budget -= 1
        word = parts[j]
        if word:
            if word in _DASH_WORDS:
                return pos + 1 if pos < n else pos, ""
            if pos < n:
                lw = word.lower()
                if lw in _BOUNDARY_WORDS:
                    return pos + 1, lw
        if j == 0:
            break
        pos -= len(word) + 1
        j -= 1
    if not budget:
        return max(pos, floor), ""
    return (mark + 1 if mark >= lo else lo), ""


_DASH_WORDS = frozenset(("—", "–", "-", "--"))
_KIND_ORDER = {"speech": 0, "comma_only": 0, "evidence": 0, "media": 0, "cognition": 1, "refusal": 2}
#: every spelling whose ``str.lower()`` is a boundary word (only ASCII letters lower to them)
_BOUNDARY_SPELLINGS = frozenset(
    "".join(cs) for w in _BOUNDARY_WORDS for cs in product(*((c, c.upper()) for c in w)))
_ASK_FORMS = frozenset({"asked", "asking", "asks", "requested", "requesting"})
_RE_ASKED_ANON = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|"
                            r"to\s+remain\s+(?:anonymous|unnamed)|that\s+(?:his|her|their)\s+"
                            r"names?\s+(?:not|be\s+withheld))")
_RE_WHEN_ASKED = re.compile(r"(?i)\b(?:when|if|after|once|as|before|while|until)(?:\s+being)?\s*$")
_RE_ASKED_ABOUT = re.compile(r"\s+(?:about|whether|if|why|how|what|when|where|which|who|by|for|"
                             r"on|to\s+comment|again)\b")
#: ", Sergei Ryabkov," after a role: the role holder's name
#: ", Name" closing a phrase ("according to a resident, Maria Petrenko.")
#: first words of an appositive that describes the name before it ("X, a professor at Y")
_APPOSITIVE_OPENERS = frozenset("a an the who which whose whom".split())
_RE_INITIAL_END = re.compile(r"(?:^|\s)[A-Z]\.$")  # a name ending in an initial ("Jan K.")
_RE_APPOS_NAME_END = re.compile(r"\s*,\s*((?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+)\s*(?:[,.;:!?\x00]|$)")
_RE_APPOS_NAME = re.compile(r"\s*,\s*((?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'.-]+)\s*,")
#: "for what it called ...", "what they described as ...": a characterisation by a pronoun
_RE_WHAT_PRON_CALLED = re.compile(r"\bwhat\s+(it|he|she|they)\s+(?:has\s+|had\s+|have\s+)?"
                                  r"(called|calls|described\s+as|describes\s+as|termed|terms|"
                                  r"dubbed|labell?ed|branded|said\s+(?:was|were)|"
                                  r"says\s+(?:is|are)|claimed\s+(?:was|were)|"
                                  r"claims\s+(?:is|are))\b")
#: a negation right before a speech verb ("did not say", "hasn't said", "would never say")
_RE_NEG_BEFORE = re.compile(r"(?:\b(?:did|does|do|has|have|had|would|could|will|can)\s+not|"
                            r"n['’]t|\bcannot|\bnever)\s+(?:\w+\s+)?$")


def _any_negated(cues, t: str) -> bool:
    """Whether one speech cue of several is negated (cheap test first)."""
    if " not " not in t and "n't" not in t and "n’t" not in t and "never" not in t and \
            "cannot" not in t:
        return False
    return any(c.kind == "speech" and _RE_NEG_BEFORE.search(t, max(0, c.c_start - 24), c.c_start)
               for c in cues)


_RE_SAID_NOTHING = re.compile(r"\s+(?:nothing|little|no\s|not\s|anything)")
_RE_PLUPERFECT = re.compile(r"\s+had(?:\s+(?:already|earlier|previously|also))?\s*$")
_CLAUSE_OPENERS = frozenset("during after before despite amid following since while when as in on "
                            "at with without under over through until unlike like if although "
                            "though because once".split())
_BE_FORMS = frozenset("was were is are be been being am".split())
_NAME_ONLY = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*$")
_HARD_BOUNDARY = re.compile(r"[\x00\";:()\[\]]|\s[—–]\s|\s--?\s|—")
_STOP_SUFFIX = frozenset("to of for with at in on from by about over against into after before "
                         "than and or but that spoken talked met called asked".split())
_RE_ACTION_OBJECT = re.compile(r"\s+(?:(?:responsibility|credit|victory|control|the\s+lives?|(?P<into>into)|"
                               r"up\s+reservists|"
                               r"(?:(?:his|her|its|their|a|an|the)\s+)?(?:(?:first|second|third|"
                               r"fourth|fifth|sixth|narrow|decisive|landslide|big|easy|clear|"
                               r"surprise|outright|comfortable|resounding)\s+)+(?:victory|win)|"
                               r"(?P<place>the\s+city|the\s+town|the\s+region|territory|"
                               r"\d[\d.,]*\s*(?:%|percent|per\s+cent)\s+of\s+the\s+vote))\b|"
                               r"(?P<money>(?:(?:over|more\s+than|about|nearly|some|an\s+additional|another|"
                               r"up\s+to|a\s+further)\s+)?(?:[$€£\d]|(?:hundreds|thousands|millions|"
                               r"billions|dozens|scores)\s+of\b)))")  # "pledged $1 billion": acting
#: the verbs of the third nominal pattern ("X made his remarks")
_GIVE_VERBS = r"made|gave|delivered|offered|provided|put\s+forth|presented|outlined"


@dataclass(frozen=True, slots=True)
class _NominalPatterns:
    """The nominal cues' patterns, built from the speech nouns of ``sourcing_words.toml``
    (``speech_nouns``, ``given_speech_nouns``) by ``_nominal_patterns``."""

    nouns: str  # the alternation of the speech nouns
    re_noun: re.Pattern[str]  # \b(?:nouns)\b
    #: "X's response", "the warning from X", "X gave his comments"
    nominals: tuple[re.Pattern[str], ...]
    #: the part of each of them that any match contains, as a pattern that opens with
    #: characters (so re skips to them fast): no match of it, no match of the whole
    cores: tuple[re.Pattern[str], ...]
    triggers: frozenset[str]  # the strings of the article scan that find a noun of them


def _plural_alternatives(words: Sequence[str]) -> list[str]:
    """``words`` as regex alternatives, a word and its plural in -s as one ("comments?")."""
    have = set(words)
    return [re.escape(w) + ("s?" if w + "s" in have else "") for w in words
            if not (w.endswith("s") and w[:-1] in have)]


def _nominal_patterns(speech_nouns: Sequence[str], given_nouns: Sequence[str]) -> _NominalPatterns:
    """Build ``_NominalPatterns`` (once per ``SourceAttributor``)."""
    alts = _plural_alternatives(speech_nouns)
    nouns = "|".join(alts)
    given = "|".join(_plural_alternatives(given_nouns))
    nominals = (
        re.compile(r"(?P<sp>(?:\b[Tt]he\s+)?(?:\b[A-Z][\w.\-]*\s+){0,4}\b[A-Z][\w.\-]*)['’]s\s+"
                   rf"(?:\w+\s+)?(?P<noun>{nouns})\b"),
        re.compile(rf"\b(?P<noun>{nouns})\s+(?:from|by)\s+(?P<sp>(?:the\s+)?[^,.;:\x00]{{2,60}}?)"
                   r"(?=[,.;:\x00]|\s+(?:came|was|is|were|said|described|added|to|on|in|that)\b|$)"),
        re.compile(r"(?P<sp>(?:\b[Tt]he\s+)?\b[A-Z][\w.’'\- ]{1,40}?)\s+(?:" + _GIVE_VERBS + r")\s+"
                   r"(?:his|her|their|its|the|these|those|a|an|some)\s+(?:[\w-]+\s+){0,2}?"
                   rf"(?P<noun>{given})\b"),
    )
    cores = (
        re.compile(rf"['’]s\s+(?:\w+\s+)?(?:{nouns})\b"),
        re.compile(rf"(?:{nouns})\s+(?:from|by)\s"),
        re.compile(r"\s+(?:" + _GIVE_VERBS + r")\s+(?:his|her|their|its|the|these|those|a|an|some)\s+"
                   rf"(?:[\w-]+\s+){{0,2}}?(?:{given})\b"),
    )
    # each speech noun's stem ("comment" of "comments") and the stem's plural; the given
    # nouns that no other given noun begins (finding "explanation" finds "explanations")
    stems = {w.rstrip("s") for w in speech_nouns}
    triggers = frozenset(stems | {n + "s" for n in stems} | {
        w for w in given_nouns if not any(v != w and w.startswith(v) for v in given_nouns)})
    return _NominalPatterns(nouns, re.compile(_word_alternation(alts) + r"\b"), nominals, cores,
                            triggers)


@lru_cache(maxsize=1)
def _shipped_nominal_patterns() -> _NominalPatterns:
    words = SourcingWords.load()
    return _nominal_patterns(words.speech_nouns, words.given_speech_nouns)


def __getattr__(name: str) -> Any:
    """The nominal patterns of the shipped word lists under their former module names
    (``_NOUNS``, ``_RE_NOMINAL_NOUN``, ``_NOMINALS``, ``_NOMINAL_CORES``), built when first
    asked for; a ``SourceAttributor`` uses its own (``self._nominal``: with a user's words)."""
    attr = {"_NOUNS": "nouns", "_RE_NOMINAL_NOUN": "re_noun", "_NOMINALS": "nominals",
            "_NOMINAL_CORES": "cores"}.get(name)
    if attr is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(_shipped_nominal_patterns(), attr)


#: where a body said it ("... on Telegram", "in a statement"): not part of the speaker
_RE_CHANNEL_TAIL = re.compile(r"\s+(?:on|in|via)\s+(?:its\s+|his\s+|her\s+|their\s+|the\s+|a\s+)?"
                              r"(?:official\s+)?(?:Telegram|Facebook|Twitter|X|website|channel|"
                              r"statement|page|account)\b.*$")
#: a time phrase ending a speaker taken up to the comma: "by the Foreign Ministry | on Monday",
#: "by the Kremlin | for years", "by Lavrov | last week"
_RE_TIME_TAIL = re.compile(
    r"\s+(?:(?:on|last|this|next|since|until|by|early|late)\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|weekend|night|morning|evening|"
    r"afternoon|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|\d)|for\s+(?:years|months|weeks|days|decades|some\s+time)|"
    r"(?:earlier|later)(?:\s+(?:today|this\s+\w+|in\s+the\s+\w+|on))?|yesterday|today|"
    r"(?:in|during)\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|\d{4}|the\s+(?:past|last)\b))\b.*$")
#: an outlet's correspondent, who relays a source named beside him
_RE_CORRESPONDENT = re.compile(r"(?i)\bcorrespondents?\b")
#: "learned from X", "were told by X": X is the source
_RE_LEARNED_FROM = re.compile(
    r"\b(?P<v>(?:learned|learnt)(?:\s+(?:this|it|that))?\s+from|(?:was|were|been)\s+told\s+by)\s+"
    r"(?P<sp>(?:the\s+)?[^,.;:\x00]{2,80}?)(?=[,.;:\x00]|\s+(?:on|in|at|that|during|who)\b|$)")
#: words that make the run before "gave ..." a clause, not a subject
_RE_NOT_NP = re.compile(r"\b(?:that|was|is|were|are|which|who|when|if|because|while|as)\b")
_NOMINAL_NEEDS = (("’s", "'s"), ("from", "by"), ("made", "gave", "delivered", "offered",
                                                   "provided", "put forth", "presented",
                                                   "outlined"))
_NP_CUT = re.compile(r"\s(?:who|which|whose|whom)\b")
#: a relative clause giving an office ("who heads", "who is now", "who serves as")
_RE_WHO_OFFICE = re.compile(r"\s*who\s+(?:is|heads|chairs|serves\s+as|now)\b")
_DET = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
        "my", "your", "some", "several", "two", "three", "four", "many", "other", "another",
        "one", "both", "all", "most"}
_VERBISH = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|may|"
    r"might|should|must|shall|not|there|it|this|said|says|say)\b")
_PARTICIPLE_PREPS = frozenset("by on in at from for near outside inside during after with under "
                              "overnight yesterday".split())  # "a video posted on Telegram"
_VERBISH_SET = frozenset("is are was were be been being has have had do does did will would can "
                         "could may might should must shall not there it this said says say".split())
#: common irregular past tenses: a verb after the subject ("Kovac struck a measured tone,
#: saying ...", "The minister shook her head and said ..."), not more of the noun phrase
_IRREGULAR_PAST = frozenset(
    "shook struck took put went made gave held met led spoke wrote told came ran left kept "
    "brought sent stood sat won lost hit set cut broke began threw drew fought sought sold paid "
    "spent built felt found got heard knew saw thought became chose drove flew rose fell grew "
    "hung laid let meant rode shot shut sang slept stuck swore taught tore understood woke wore "
    "withdrew oversaw forgave bought caught dealt fled forgot froze hid hurt lay lit quit sank "
    "stole swept swung upheld wept struck overcame undertook mistook bore beat bent bid bound "
    "dug fed forbade ground leapt lent shed slid spun split spread strode strove sprang "
    "dove".split())
_ED_ADJ = {"armed", "united", "unnamed", "retired", "based", "named", "elected", "appointed",
           "detained", "exiled", "self-proclaimed", "so-called", "unidentified", "authorized",
           "authorised", "related", "affiliated", "backed", "concerned", "displaced", "wounded",
           "informed", "involved", "qualified", "advanced", "red", "surveyed", "polled",
           "interviewed", "questioned"}  # (the last four: "those surveyed said")
_LEADING_JUNK = re.compile(
    r"^(?:(?:but|and|so|yet|however|meanwhile|instead|still|also|then|now|later|earlier|today|"
    r"\w+ly(?=,)|within\s+\w+|yesterday|separately|moreover|furthermore|indeed|in\s+turn|in\s+addition|at\s+the\s+same\s+"
    r"time|on\s+\w+|last\s+\w+|this\s+\w+|in\s+\w+|at\s+\w+)[\s,]+)+", re.IGNORECASE)
#: the first words _LEADING_JUNK can match without a comma (its "\w+ly(?=,)" needs one)
_JUNK_WORDS = frozenset("but and so yet however meanwhile instead still also then now later "
                        "earlier today within yesterday separately moreover furthermore indeed "
                        "in at on last this".split())


def _junk_word(s: str) -> bool:
    """Whether ``s`` (no comma in it) opens with a word _LEADING_JUNK could match: one of
    _JUNK_WORDS in any case (a word with a non-ASCII letter: perhaps, the pattern decides)."""
    words = s[:13].split(None, 1)  # (the longest of the words has 11 letters)
    if not words:
        return False
    w = words[0]
    return not w.isascii() or w.lower() in _JUNK_WORDS


_TIME_TAIL = re.compile(
    r"\s+(?:on|in|at|during|last|this|earlier|late|early)\s+(?:\w+\s+){0,3}?\w*(?:day|week|month|"
    r"year|night|morning|evening|afternoon|weekend)\b.*$|\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b.*$", re.IGNORECASE)
_ACCORDING = re.compile(r"(?i)\baccording\s+to\s+")
_IN_POLL = re.compile(r"(?:^|(?<=[\s,;(]))(?P<cue>[Ii]n)\s+(?P<sp>(?:the|a|an|this|that|its|their|"
                      r"his|her|[A-Z][\w.’'/-]*(?:’s|'s)?)\s+(?:[\w.’'/-]+\s+){0,5}?"
                      r"(?:poll|polls|survey|surveys))(?=\s*(?:[,.;:)\x00]|$|\s(?:of|by|from|"
                      r"released|published|conducted|taken|last|this|on|in)\b))")
_RE_POLL_QUALIFIED = re.compile(r"[A-Z]|\d|\b(?:opinion|exit|national|statewide|recent|latest|"
                                r"new|same|tracking|online|telephone)\b")
_AS_REPORTED = re.compile(r"(?i)\bas\s+(?:(?:first|previously|originally|earlier|also)\s+)?"
                          r"(?P<v>reported|stated|noted|announced|confirmed|revealed|described)"
                          r"\s+by\s+")
_AS_X_REPORTS = re.compile(r"(?:^\s*|,\s+)[Aa]s\s+(?P<sp>(?:the\s+)?[A-Z][^,;:\x00\"]{1,60}?)\s+"
                           r"(?:(?:has|had|first|also|previously)\s+)?(?P<v>reports|reported|says|"
                           r"said|notes|noted|writes|wrote|puts\s+it|put\s+it|explains|explained|"
                           r"observes|observed|points\s+out|pointed\s+out)\s*,")
_OUTLET_VERB = re.compile(r"(?:\s+(?:News|Digital|TV|Radio|Online|newspaper))?"  # "Bloomberg News"
                          r",?\s+(?:(?:reported|said|wrote),?\s+)?(?:cited|quoted|citing|quoting|"
                          r"with\s+reference\s+to|referring\s+to)\s+")
_PASSIVE_QUOTED = re.compile(r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:quoted|cited)"
                             r"(?:\s+by\s+([^,]+?))?\s+as\s+saying\b")
#: (the source may open with abbreviations: "Dr. Ben Carson: ...", "U.S. Sen. X: ...")
_HEADLINE = re.compile(r"^\s*((?:[A-Z][a-z]{0,3}\.\s*)*[A-Z][^:.!?\x00]{1,60}?):\s+\S")
_LABEL = re.compile(r"^[\s\"“”]*([A-Z][A-Z .,'’\-]{0,50}[A-Z.]|Q)\s*:\s*")  # (Q: a question)
_RE_INV_NP = re.compile(r"\s+([^,.;:\x00!?]{1,80})(?:,\s*([^.;:\x00!?]{2,100}))?")
_RE_INV_NP_END = re.compile(r"\s+([^,.;:\x00!?\"]{1,80}?)(?:,\s*([^.;:\x00!?]{2,100}?))?"
                            r"\s*[.!?]?[\"\s]*$")
#: "said X, “…" (an inverted speaker before a quotation; X, an appositive, then the mark)
_RE_INV_NP_QUOTE = re.compile(r"\s+([^,.;:\x00!?\"]{1,80}?)(?:,\s*([^.;:\x00!?\"]{2,100}?))?"
                              r"\s*[,:]\s*[\"\x00]")
_RE_INV_FIRST = _RE_INV_NP_QUOTE  # "Said Comey, “…”" opening a sentence
_INVERTING_TITLE = frozenset("Said Says Added Adds Wrote Writes Explained Explains Warned Warns "
                             "Insisted Insists".split())
_S_WORDS = frozenset("his its this was has is us thus as yes news series species plus less "
                     "unless whereas towards afterwards officials analysts experts".split())
_FUNCTION_WORDS = frozenset("on in at with from by to for of after before during over under last this "
                            "next also and or but as than into about against without since "
                            "until within".split())
_INVERTING = frozenset("said says added adds wrote writes noted notes explained explains argued "
                       "argues insisted insists warned warns stressed stresses".split())
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,}(?:,[^—–\n]{0,40}?)?\s*(?:\([^)]{1,30}\))?\s*"
                       r"(?:[—–]|--?)\s*")
_OPINION = re.compile(
    r"(?i)\b(?P<cue>in|to)\s+(?:(?P<sp>his|her|their)\s+(?:opinion|view|words)|the\s+(?:opinion|view)s?"
    r"\s+of\s+(?P<sp2>[^,;:.\x00]{2,60})|(?P<sp3>(?-i:(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*))[’']s\s+"
    r"(?:opinion|view))\b")
_PERSON_LABEL = re.compile(r"^[\s\"“]*(?:(?:\*\s*){3,})?"  # after a "* * *" section break
                           r"((?:[A-Z][\w.’'-]*\s+(?:(?:of|to)\s+(?:the\s+)?)?){0,6}"
                           r"[A-Z][\w.’'-]*)\s*:\s+(?=\S)")
#: a journalist's self-introduction opening a transcript turn: "Pavel Zarubin, Rossiya TV
#: Channel." / "Jan Kowal from Radio Ruritania." (the name, then the outlet)
_SELF_INTRO = re.compile(r"\s*((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)(?:,\s+|\s+from\s+)"
                         r"([^.,;:!?]{2,60})[.,;:!?]")
#: ... whose outlet part is a name alone: capitalised words, "the"/"of", and generic words of
#: outlets ("Rossiya TV Channel", "the BBC", "Izvestia newspaper"), no verb or clause
_OUTLET_ONLY = re.compile(r"(?:the\s+)?(?:(?:[A-Z0-9][\w.&’'-]*|of|the|and|news|agency|newspaper|"
                          r"channel|tv|radio|television|magazine|daily|weekly|service|network)"
                          r"(?:\s+|$))+")
#: a sentence that opens with a section break ("* * * Aide to the President X: Good
#: evening!"): in text whose paragraphs were flattened, the break starts a new turn
_SECTION_BREAK = re.compile(r"\s*(?:\*\s*){3,}\S")
_RE_NOUN_CLAIMS = re.compile(r"\s+(?:as|of|about|were|are|was|is|have|had|by|and|or|that\s+"
                             r"(?:were|are|was|is|have|had))\b|\s*[,.;:)]")
# "a spokesman for the Interior Minister, Yunis Qanuni,": the name is the inner role's
_RE_INNER_ROLE = re.compile(r"(?i)\S\s+(?:for|of|to)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}"
                            r"(?:minister|president|prime\s+minister|leader|secretary|chief|"
                            r"commander|governor|king|premier|chancellor|envoy)\s*$")
_EMERGED_TO = re.compile(r"\s+(?:emerged|appeared|came\s+out|came\s+forward|stepped\s+forward|"
                         r"went\s+on\s+(?:television|radio|air)|took\s+to\s+the\s+airwaves|"
                         # "X tried to explain", "sought to reassure": X speaks
                         r"tried|tries|sought|seeks|attempted|attempts|hastened|"
                         r"(?:was|were)\s+quick)"
                         r"(?:\s+[\w,]+){0,4}?\s+to\s+$")
_CONTACT_TO = re.compile(r"\s+(?:spoke|speaks|talked|talks|met|meets|called|calls|phoned)\b"
                         r"[^.;\x00\"]{0,200}?\s+to\s+$")
#: verbs whose "to" introduces what they answer, not an infinitive ("was responding to X")
_TO_COMPLEMENT = frozenset(("respond", "reply"))
_RE_TO_WORDS = re.compile(r"\s+to\s+(?:[\w’'-]+\s+){0,3}?(?:criticism|questions?|claims?|accusations?|"
                          r"remarks|comments?|statements?|reports?|allegations?|concerns|"
                          r"requests?|calls?|charges|suggestions?|demands?|threats?|warnings?|"
                          r"letters?|reporters|journalists)\b")
_PURPOSE_FORMS = frozenset("reiterate reaffirm express convey stress underscore emphasize "
                           "emphasise condemn urge warn".split())
# a clause follows: "that", punctuation or a quotation, or a subject pronoun and its verb
# ("Qantas maintains it has to ..."; not "maintains close ties")
_RE_CLAUSAL_AFTER = re.compile(r"\s*(?:that\b|[,.;:\x00\"]|$)|"
                               # an object that is itself speech: "rejected claims that ..."
                               r"\s+(?:the\s+|these\s+|such\s+|any\s+)?(?:claims?|accusations?|"
                               r"allegations?|assertions?|suggestions?|charges?|reports?|notion|idea|"
                               r"criticism|statements?|remarks?)\b|"
                               r"\s+(?:it|he|she|they|we|I|there)\s+"
                               r"(?:is|was|are|were|has|had|have|will|would|can|could|must|"
                               r"should|did|does|do|remains?|remained)\b")
_PASSIVE_BY = re.compile(
    _word_alternation(("was", "were", "is", "are", "been", "being")) + r"\s+(?:\w+ly\s+)?(?P<v>hailed|welcomed|criticised|criticized|"
    r"condemned|rejected|dismissed|denounced|praised|described|spelt\s+out|spelled\s+out|"
    r"announced|confirmed|denied|disputed|questioned|echoed|slammed|labelled|labeled|branded|"
    r"outlined|voiced|ruled\s+out|played\s+down|downplayed)\s+by\s+"
    r"(?P<sp>[^,;:.\x00()\"]{2,80}?)(?=\s*(?:[,;:.\x00()\"]|$|\s(?:as|in|on|at|after|during|who|"
    r"which|that|when|while|because|for|over|and\s+(?:the|a)\s)\b))")
_RE_AFTER_GAP = re.compile(r"[\s,.!?;:—–―'\"-]*")
_DASH_CREDIT = re.compile(r"(?:^|[\x00\"”])\s*[―—]\s*([A-Z][\w.’'\- ]{1,60}?)\s*$")
_NOT_SPEAKER_LABEL = re.compile(
    r"(?i)^(?:author|authors|by|photo|photos|image|video|watch|read|read more|update|updated|"
    r"opinion|analysis|live|exclusive|breaking|editor['’]?s note|source|sources|related|listen|note|"
    r"caption|credit|file|tags|topics|see also|more|also read|warning|disclaimer|correction|"
    r"copyright|posted|published|date|location|subject|keywords|summary|background|context|"
    r"explainer|factbox|timeline|q|a|question|answer|the latest|latest|live updates|"
    r"live|recap|highlights|what we know|key points|in brief|briefing|fact check|"
    # a running story's label: "Ukraine war", "Russia-Ukraine war live", "Ukraine war latest"
    r"(?:[\w’'.-]+\s+){0,3}?(?:war|crisis|conflict|invasion)(?:\s+(?:live|latest|updates?|"
    r"news|briefing|at a glance|explained|in maps))?|(?:[\w’'.-]+\s+){0,3}?day\s+\d+)$")
_QUESTION_LABEL = re.compile(r"(?i)^(?:q|question|questioner|reporter|journalist|moderator|"
                             r"interviewer|host|audience member)$")
_STATEMENT_WHOLE = re.compile(
    r"(?i)(?:(?:following|this|the)\s+(?:statement|readout|remarks|comments?)\s+(?:is|was|are|were|"
    r"should be)\s+|^\s*)attributed\s+to\s+([^:]{2,100}?:|[^:.]{2,100}\.)\s*")
# "X provided the following readout:", "X released the following statement ...",
# "The following is a statement from X:": the statement that follows is X's (codebook rule 7)
_STATEMENT_BY = re.compile(
    r"^\s*(?:[A-Z][A-Z .'’-]{2,}\s*[–—-]+\s*)?(?P<sp>[^,;:\x00\"“”]{2,120}?)\s+(?:has\s+)?"
    r"(?:provided|provides|released|releases|issued|issues|gave|gives|delivered|delivers|"
    r"made|makes|put\s+out)\s+the\s+following\s+(?:joint\s+)?(?:statement|readout|remarks|"
    r"comments?|message)\b")
_STATEMENT_FROM = re.compile(
    r"(?i)^\s*the\s+following\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?:joint\s+)?(?:statement|"
    r"readout|remarks|comments?|message)s?\s+(?:from|by|of)\s+(?P<sp>[^:]{2,100}?)\s*[:.]\s*")
# "Below are Putin’s key statements ...", "Here are the main remarks of X:": a list of one
# person's statements; every item after it is theirs (codebook rule 7), the line itself is
# the writer's
_STATEMENT_LIST = re.compile(
    r"^\s*(?:Below|Here|The\s+following)\s+(?:are|is)\s+(?:some\s+of\s+)?(?:the\s+)?(?:"
    r"(?P<sp>[A-Z][^,;:\x00\"“”]{1,80}?)(?:’s|'s|’|')\s+(?:[a-z]+\s+){0,2}|"
    r"(?:[a-z]+\s+){0,2}(?=(?:statements|remarks|quotes|comments|theses|quotations|"
    r"points|answers)\s+(?:of|by|from)\s+[A-Z]))"
    r"(?:statements|remarks|quotes|comments|theses|quotations|points|answers)\b"
    r"(?:\s+(?:of|by|from)\s+(?P<sp2>[A-Z][^,;:.\x00\"“”]{1,80}?)(?=\s*(?:[,;:.]|$|\s+(?:that|at|"
    r"during|in|on|to|which|as)\b)))?")
_RE_IT_IS_NOTED = re.compile(r"It\s+(?:is|was|has\s+been)\s+(?:also\s+|further\s+)?(?:noted|"
                             r"emphasi[sz]ed|stressed|underlined|underscored|pointed\s+out|"
                             r"stated|specified|indicated|said)\s+that\b")
#: the first person outside quotation marks (a speaker's own words, reported without them)
_RE_FIRST_PERSON = re.compile(r"(?:[Ww](?<!\w\w)e|[Oo](?<!\w\w)ur|u(?<!\w\w)s)\b")  # \b(?:we|our|us)\b
_RE_NAME_BEFORE_APPOS = re.compile(r"(?:^|[\x00\"”’]\s*|[.;:]\s+)([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}),\s*$")
_RE_DOC_ISSUER = re.compile(r"\s(?:conducted|carried\s+out|commissioned|published|released|"
                            r"issued|compiled)\s+by\s+((?:the\s+)?[^,]{2,60}?)(?:\s+(?:earlier|"
                            r"last|this|on|in|at|between|from|during)\b.*)?$")
#: what ends an indefinite speaker's head: a participle or a place/membership phrase
_RE_INDEF_MODIFIER = re.compile(r"\s(?:[a-z]+ing\s+(?:the|a|an|on|in|at|with|for|to|from|"
                                r"as|his|her|their|its)\b|among\b|in\s+charge\b)")
_RE_REDUCED_REL = re.compile(r"[a-z][\w’'-]*\s+(?:the|a|an|its|their|his|her)\s")
_RE_WH_QUESTION = re.compile(r"\s*(?:What|How|Why|When|Where|Who|Whom|Which)\s+(?:has|have|had|did|"
                             r"does|do|is|are|was|were|will|would|can|could)\b")
_RE_CHARGE_OF = re.compile(r"\s+(?:of|in|for|over)\b")
#: "a videotape which officials say shows": the relative clause's subject speaks
_RE_RELATIVE_SUBJECT = re.compile(r"\s(?:which|that|who|whom)\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)\s*$")
_RE_NEGATED = re.compile(r"(?i)\b(?:not|never|n[’']t)\b|n[’']t\b")
def _phrase_alternation(phrases: Sequence[str]) -> str:
    """``phrases`` as alternatives of a pattern, their words apart by any spacing."""
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)


def _stated_by_pattern(nouns: Sequence[str], verbs: Sequence[str],
                       noun_verbs: Sequence[str]) -> re.Pattern[str]:
    """"This was stated by X", "The statement was made by X" (``nouns``, ``verbs``,
    ``noun_verbs``: ``stated_by_nouns``, ``stated_by_verbs`` and ``stated_by_noun_verbs``
    of ``sourcing_words.toml``)."""
    stated = _phrase_alternation(verbs)
    return re.compile(
        r"(?i)^\s*(?:(?:this|that|it)\s+(?:was|has\s+been)\s+(?:\w+ly\s+)?(?:" + stated + r")"
        # "The statement was made by X": a speech noun as the subject
        r"|(?:the|this|that|these|those|such|a|an|similar)\s+(?:\w+\s+)?(?:"
        + "|".join(_plural_alternatives(nouns))
        + r")\s+(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:"
        + _phrase_alternation(noun_verbs) + "|" + stated + r"))"
        r"\s+by\s+([^.,;]{2,80})(?:,\s*([^.,;]{2,60}))?")
# "X emphasized this during a briefing": the speech verb's object points back to what the
# previous sentence said (a lead whose attribution follows)
_SAID_THIS = re.compile(r"\s+(?:this|so)(?=\s*(?:[,.;:]|$|\s+(?:during|in|at|on|while|when|after|"
                        r"before|as|to|with|speaking|via|through|from|today|yesterday|earlier|"
                        r"again|also|repeatedly)\b))")
_INTERVIEW_ALTS = (
    r"in\s+an?\s+(?:\w+\s+)?interview\s+(?:with|to)", r"in\s+comments\s+to", r"speaking\s+to",
    "told", r"in\s+an?\s+(?:op-ed|article|column)\s+(?:for|in)", r"writing\s+in", r"wrote\s+in",
    "on")
_INTERVIEW_WITH = re.compile(r"(?i)\b(?:" + "|".join(_INTERVIEW_ALTS) + r")\s+")
_WORDS = re.compile(r"\S+")
# _INTERVIEW_WITH without IGNORECASE, for lower-cased text (a case-sensitive scan is faster)
_INTERVIEW_WITH_LOWER = re.compile(_word_alternation(_INTERVIEW_ALTS) + r"\s+")


def _interview_with(s: str) -> re.Match | None:
    """``_INTERVIEW_WITH.search(s)`` (only the match's end is used): the same match in
    ``s.lower()``, which has the same offsets unless ``s`` has an İ; with ı or ſ (which
    IGNORECASE folds to i and s but ``lower`` keeps) the pattern itself decides."""
    if "ı" in s or "ſ" in s or "İ" in s:
        return _INTERVIEW_WITH.search(s)
    return _INTERVIEW_WITH_LOWER.search(s.lower())


# patterns of the rules below, compiled once (not looked up in re's cache per call)
#: ", when contacted by Reuters," / ", speaking to reporters," / ", in a statement,": a clause
#: between a speaker and its verb, not an appositive describing the speaker
_RE_CLAUSAL_APPOS = re.compile(
    r",\s*(?:when|while|after|before|if|as|though|although|once|speaking|writing|responding|"
    r"referring|addressing|commenting|replying|asked|contacted|reached|interviewed|quoted|"
    r"pressed|questioned|in\s+(?:a|an|the|his|her|their|its)\s+(?:statement|interview|speech|"
    r"letter|post|tweet|video|message|briefing|televised|written|radio|television|press))\b")
_RE_APP_CLAUSE = re.compile(r"\s*(?:who|which|whose|whom|where|\w+ed|\w+ing)\b")
_RE_TAIL_RELATIVE = re.compile(r"\s+(?:who|which|that)\s*$")
_RE_COMMA_AFTER = re.compile(r"\s*[,:\x00\"]")
_RE_TO_AFTER = re.compile(r"\s+to\s")
_RE_TO_VERB_AFTER = re.compile(r"\s+to\s+[a-z]")
_RE_WITH_TAIL = re.compile(r"\bwith\s+[\w’'.\- ]{2,60}$")
_RE_WITH_NP_TAIL = re.compile(r"\bwith\s+((?:the\s+)?[\w’'.\- ]{2,60}?)\s*$")
_RE_REFERENCE_AFTER = re.compile(r"\s+(?:was|were|is|are|had|has|would|will|could|to)\b|\s*(?:[,.;:)—–]|$)")
_RE_ACCORDING_NP = re.compile(r"([^,;:\x00()]{2,100}?)(?=\s*(?:[,;:\x00()]|\.(?!com\b|org\b|net\b)|$|\s(?:that|which|who|"
                              r"as|when|while|because|and\s+(?:the|a)\s)\b))")
_RE_THAT_ACCORDING = re.compile(r"\s*(?:That|This)(?:[’']s|\s+is|\s+was)\s+(?:\w+ly\s+)?according\s+to\s")
_SUBORDINATOR_END = frozenset(("if", "when", "unless", "once", "until", "whenever", "though",
                               "although", "while", "whether"))
_FRONTED_START = ("another ", "one ", "a further ", "the other ", "the main ", "the key ",
                  "the first ", "the last ", "the final ", "a second ", "the second ")
_RE_FRONTED_OBJECT = re.compile(r"(?i)(?:another|one|a\s+further|the\s+other|the\s+main|the\s+key|"
                                r"the\s+first|the\s+last|the\s+final|a\s+second|the\s+second)\s+"
                                r"(?:(?:important|key|main|major|further)\s+)?(?:point|thing|issue|"
                                r"matter|message|concern|argument|topic|subject)\s+(?:that\s+)?")
_PERCEIVER_START = ("we ", "i ", "you ", "they ")
_RE_PERCEIVED = re.compile(r"(?i)(?:we|i|you|they)\s+(?:(?:have|had|'ve|’ve)\s+)?(?:all\s+)?"
                           r"(?:heard|saw|seen|watched|listened\s+to)\s+")
_RE_YEARS_ASIDE = re.compile(r"\s*\((?:in office\s+)?(?:19|20)\d\d\s*(?:[-–—]|to)\s*(?:(?:19|20)?\d\d|present)\)\s+")
_RE_CLAUSE_SPLIT = re.compile(r"[,;:\x00]")
_RE_PLACE_TAIL = re.compile(r"\b(?:in|at|near|from|outside)\s+(?:[A-Z][\w.’'-]*\s*){1,3}$")
_RE_CAPS_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}")
_RE_GAP_BEFORE = re.compile(r"[^\x00“”\".!?]*?(?:[,:]\s*|\s+that\s*|\s*)")
_RE_GAP_PUNCT_END = re.compile(r"[,:]\s*$")
#: an aside between dashes that ends a clause before its verb (" — who ... — ", " -- ... -- ")
_RE_DASH_ASIDE = re.compile(r"(?:\s(?:—|–|--?)\s|—)[^—–\x00\"]{3,160}?(?:\s(?:—|–|--?)|—)\s*$")
_RE_RELATIVE_APPOS = re.compile(r",\s*(?:who|whose|which|whom)\b")
#: an appositive that is a participle clause ("X, blaming the rebels for ..., said"), not a
#: description of X (an adjective in -ing is: "X, acting governor of the region, said")
_RE_PARTICIPLE_APPOS = re.compile(
    r"\s*(?!\s)(?!(?:acting|outgoing|incoming|leading|ruling|visiting|presiding|managing|founding|"
    r"serving|governing|sitting|retiring|commanding|consulting|contributing|coordinating|"
    r"reigning|longstanding|long-serving|standing)\b)[a-z]+ing\b")
_RE_COMPARED_WITH = re.compile(r"\s+(?:with|to)\b")
#: a party-and-state or an age in brackets after a name ("(R-Ohio)", "(D-N.Y.)", "(58)")
_RE_NAME_ASIDE = re.compile(r"(?<=[A-Za-z.]) \((?:[DRI]-[A-Z][\w.]{1,12}(?: [A-Z][\w.]{1,12})?|\d{1,3}|"
                            r"[A-Z]{2,6})\)")  # (or a body's acronym: "Defence Intelligence (HUR)")


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


_RE_LEADING_THE = re.compile(r"^\s*(?:the\s+)?")
_RE_THE_WORD = re.compile(r"^[Tt]he\s+")


class SourceAttributor:
    """Attribute the sentences of an article to their sources.

    Rule tables are loaded and compiled once; ``extra`` maps a table name
    (``reporting_verbs``, ``roles``, ``institutions``, ``outlets``, ``sides``,
    ``anonymity``) to a user's CSV file with the same columns that extends it,
    and ``sourcing_words`` to a TOML file adding words to the word lists of
    ``analysis/lexicons/sourcing_words.toml``.

        >>> at = SourceAttributor()
        >>> a = at.attribute([Sentence(0, 52, "Peskov told Newsweek that talks would resume soon.")])[0]
        >>> (a.source_type, a.speaker, a.via_outlet)
        ('named_official', 'Peskov', 'Newsweek')
    """

    def __init__(self, extra: Mapping[str, str | Path] | None = None) -> None:
        self.lex = SourceLexicon.load(extra)
        # the word lists of sourcing_words.toml (with the user's words), as sets and patterns
        words = self.lex.words
        self._np_adj = words.np_adjectives
        self._body_heads = words.body_heads
        self._aux_words = _AUX_GRAMMAR | words.subject_adverbs
        self._ly_nouns = words.ly_nouns
        self._commit_forms = words.commit_forms
        self._passive_charge = words.passive_charge
        self._nominal = _nominal_patterns(words.speech_nouns, words.given_speech_nouns)
        self._stated_by = _stated_by_pattern(words.stated_by_nouns, words.stated_by_verbs,
                                             words.stated_by_noun_verbs)
        # adverbs that open a sentence before its subject, up to a comma ("Publicly, the
        # nominee ...")
        self._opener_adverbs = words.opener_adverbs
        # per reporting-verb form: its kind, whether it ends in "ing", whether it is one word
        self._verb_info = {f: (k, f.endswith("ing"), " " not in f)
                           for f, k in self.lex.verb_kind.items()}
        self._auto = None  # the Aho-Corasick automaton of _trigger_sentences, built on first use
        self._entries: frozenset[str] | None = None  # see _one_word_entries

    # -------------------------------------------------------------------------------------
    # cue finding in one sentence

    def _head_before_appositive(self, chunk_all: str, offset: int) -> tuple[int, int, str] | None:
        """For "HEAD, APPOSITIVE, verb": the head NP and its appositive, or None."""
        body = chunk_all.rstrip()[:-1]
        lo = max(0, len(body) - 240)
        bounds = [m.end() for m in _HARD_BOUNDARY.finditer(body, lo)]
        # the first comma after the last hard boundary that precedes it (a quoted book title
        # inside the appositive does not cut the head off)
        k = body.find(",", lo)
        hard = lo
        while k >= 0:
            hard = max([b for b in bounds if b <= k], default=lo)
            if body[hard:k].strip():
                break
            k = body.find(",", k + 1)
        if k < 0 or k == len(body):
            return None
        head = body[hard:k]
        app = body[k + 1:]
        if not app.strip() or len(app.split()) > 30 or len(head.split()) > 12:
            return None
        sp = self._np_span(head, finite=True, whole=True)
        if sp is None:
            return None
        h0, h1 = sp
        htxt = head[h0:h1]
        w0 = htxt.split()[0]
        if w0[0].islower() and w0 not in _DET and w0 not in self._np_adj and \
                w0 not in self.lex.role_type and w0 not in PRONOUNS:
            return None  # "held a meeting with the World Bank": not a noun phrase
        if _RE_CLAUSAL_APPOS.match(body, k) or _RE_PARTICIPLE_APPOS.match(app):
            app = ""  # "X, speaking to reporters, said": a clause, not a description of X
        mt = self.lex.classify(htxt, app)
        if not mt.source_type:
            return None
        if not self.lex.name_tokens(htxt) and self.lex.name_tokens(app) and \
                _NAME_ONLY.match(app.strip()) and not _RE_INNER_ROLE.search(htxt):
            # "Russia's leading negotiator, Vladimir Medinsky, said": the name speaks
            a0 = k + 1 + (len(app) - len(app.lstrip()))
            return offset + a0, offset + a0 + len(app.strip()), htxt
        if _RE_INNER_ROLE.search(htxt):
            return offset + hard + h0, offset + hard + h1, ""  # the name is the inner role's
        return offset + hard + h0, offset + hard + h1, app.strip()

    def _subject_with_appositive(self, masked: str, vs: int) -> bool:
        """Whether the sentence opens with "SPEAKER, APPOSITIVE," right before the verb at
        ``vs`` ("But Kowal, an analyst, said parents want ..."): the subject speaks, what
        follows the verb is what was said (not an inverted "…, said X." speaker)."""
        body = masked[:vs].rstrip()
        if len(body) > 240 or not body.endswith(","):
            return False
        k = body.find(",")
        if k == len(body) - 1:
            return False
        head = body[:k].lstrip(' "\x00\'‘“')
        if not head or head.split(None, 1)[0].lower() in _CLAUSE_OPENERS:
            return False  # "In nearby Decatur, the plant is ..., said X": a clause's opener
        jm = _LEADING_JUNK.match(head + " ") if _junk_word(head) else None
        if jm:
            head = head[jm.end():]
        if not head or len(head.split()) > 8 or not _looks_like_np(head) or \
                head.split()[0].lower() in _CLAUSE_OPENERS:
            return False
        app = _NP_CUT.split(body[k + 1:-1], 1)[0]  # (up to a relative clause)
        if not _looks_like_np(app):
            return False  # "Kyiv, the city said to be calm, is ..., said X": a clause
        return bool(self.lex.classify(head.strip()).source_type)

    def _np_at(self, chunk: str, offset: int, finite: bool) -> tuple[int, int, str] | None:
        """The speaker noun phrase that ends ``chunk`` (a clause before a verb), or None.

        Returns (start, end, appositive) with start/end relative to the sentence.
        """
        # appositives: "Russia's leading negotiator, Vladimir Medinsky," / "X, a professor at Y,"
        stripped = chunk.rstrip()
        appos = ""
        if stripped.endswith(","):
            body = stripped[:-1]
            k = body.rfind(",")
            if k >= 0:
                head = body[:k]
                app = body[k + 1:]
                h = self._np_span(head, finite=True)
                if h is not None and (_RE_CLAUSAL_APPOS.match(body, k) or
                                      _RE_PARTICIPLE_APPOS.match(app)):
                    # "Kovac, speaking to reporters in Kyiv, said": the clause is no appositive
                    return offset + h[0], offset + h[1], ""
                a = self._np_span(app, finite=True, whole=True)
                if h is not None and a is None and _RE_APP_CLAUSE.match(app):
                    # "The prime minister of Estonia, which was formerly Soviet-ruled, said"
                    hs, he = h
                    return offset + hs, offset + he, ""
                if h is not None and a is not None:
                    hs, he = h
                    as_, ae = a
                    htxt, atxt = head[hs:he], app[as_:ae]
                    hn = self.lex.name_tokens(htxt)
                    an = self.lex.name_tokens(atxt)
                    if an and not hn:  # role, NAME,  -> the name speaks
                        return offset + k + 1 + as_, offset + k + 1 + ae, htxt
                    if _RE_WHO_OFFICE.match(app, ae):
                        # "X, a retired general who heads the defence committee,": the
                        # relative clause says what X is now (for the type, not the span)
                        atxt = app[as_:].strip()
                    return offset + hs, offset + he, atxt
            chunk = body
        sp = self._np_span(chunk, finite=finite)
        if sp is None:
            return None
        return offset + sp[0], offset + sp[1], appos

    def _np_suffix(self, chunk: str, offset: int) -> tuple[int, int, str] | None:
        """Fallback: the short noun phrase that ends ``chunk`` after its last verb or preposition.

        "Reuters has spoken to unnamed diplomats who have" -> "unnamed diplomats".
        """
        body = _RE_TAIL_RELATIVE.sub("", chunk.rstrip(" ,")).rstrip(" ,")
        words = list(_WORDS.finditer(body))
        if not words:
            return None
        k = len(words)
        while k > 0 and len(words) - k < 6:
            w = words[k - 1].group().lower().strip(",")
            if w in _STOP_SUFFIX or _VERBISH.fullmatch(w) or (w.endswith("ed") and w not in _ED_ADJ) \
                    or w.endswith(","):
                break
            k -= 1
        if k == len(words):
            return None
        s0 = words[k].start()
        s1 = words[-1].end()
        return offset + s0, offset + s1, ""

    def _np_span(self, seg: str, *, finite: bool, whole: bool = False) -> tuple[int, int] | None:
        """Span of a speaker NP at the end of ``seg`` (relative), or None."""
        if not seg.strip():
            return None
        k = seg.rfind(",")
        if k >= 0 and not whole:
            seg_off = k + 1
        else:
            seg_off = 0
        part = seg[seg_off:]
        # strip leading adverbials
        stripped = part.lstrip()
        m = _LEADING_JUNK.match(stripped) if "," in stripped or _junk_word(stripped) else None
        lead = len(part) - len(stripped)
        if m:
            lead += m.end()
        cut = _NP_CUT.search(part, lead) if "wh" in part else None  # (who, which ... need it)
        end = cut.start() if cut else len(part.rstrip())
        np_text = part[lead:end]
        if not np_text.strip():
            return None
        words = np_text.split()
        if len(words) > 12:
            # "a staff member for the group Médecins Sans Frontières in the city": drop the place
            m2 = re.search(r"\s(?:in|at|near|on|from)\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+)?$",
                           np_text)
            if m2 is None or len(np_text[:m2.start()].split()) > 12:
                return None
            end = lead + m2.start()
            np_text = part[lead:end]
            words = np_text.split()
        low = np_text.strip().lower()
        if low in PRONOUNS:
            if low in ("him", "her", "his", "their", "its"):
                return None
            return seg_off + lead, seg_off + end
        w0 = words[0].lower()
        if w0 in _CLAUSE_OPENERS or w0 in _FUNCTION_WORDS:
            return None  # "after winning Ohio in the primary": not a noun phrase
        wl = words[-1].lower()
        if len(words) > 1 and wl in ("he", "she", "they", "we", "i"):
            # "In another study they": the pronoun is the subject
            k = np_text.rstrip().rfind(" ") + 1
            return seg_off + lead + k, seg_off + end
        if finite:
            lw = low.split()
            role_type = self.lex.role_type
            for k in range(len(words) - 1):
                w = words[k]
                if w[-1] == "s" and w[0].islower() and words[k + 1][0].isupper() and \
                        not w.endswith(("ss", "'s", "’s")) and lw[k] not in role_type and \
                        lw[k] not in _S_WORDS:
                    return None  # "Clinton leads Sanders by 271": a clause
            # must not contain finite verbs
            if not _VERBISH_SET.isdisjoint(lw):
                return None
            if "ed" in low:  # (a word ending in "ed" needs it)
                n = len(lw)
                for k, w in enumerate(lw):
                    if w.endswith("ed") and w not in _ED_ADJ and words[k][0].islower() and not (
                            k + 1 < n and lw[k + 1] in _PARTICIPLE_PREPS):
                        return None
        if wl in _DET or wl in ("of", "for", "with", "at", "in", "to"):
            return None
        return seg_off + lead, seg_off + end

    def _find_cues(self, text: str, masked: str, hits: int = 7,
                   verb_words: set[str] | None = None) -> list[Cue]:
        """The attribution cues of one sentence (``masked``: quotation content blanked).

        ``hits`` (from the article scan): bit 1 = a reporting-verb word occurs in the
        sentence, bit 2 = a nominal cue noun does, bit 4 = one of "ccording", "―", "—",
        "opinion", " view", " by " does; without them those searches are skipped (they
        would find nothing: masking never makes these strings); ``verb_words``: the first
        words of reporting verbs found there by the scan (None: search the sentence itself)."""
        lex = self.lex
        cues: list[Cue] = []
        if lex.re_verb is None:
            return cues
        if not hits & 1:
            verbs = []
        elif verb_words is None:
            verbs = lex.verbs_in(masked)
        else:
            verbs = lex.verbs_in_words(masked, verb_words)
        nominal_rx = self._nominal
        nominal = bool(hits & 2) and (nominal_rx.re_noun.search(masked) is not None or
                                      nominal_rx.cores[2].search(masked) is not None)
        other = hits & 4  # (else none of the strings tested with it below is here)
        if not verbs and not nominal and not (other and (
                "ccording" in masked or "―" in masked or "—" in masked or "opinion" in masked
                or " view" in masked or " by " in masked or " poll" in masked
                or " survey" in masked or " reports," in masked or " it," in masked
                or " learn" in masked)):
            return cues  # fast path: no cue of any kind can be here
        if "(" in masked:
            # "Rep. Jan Kowal (R-Ohio), a panel member, said", "Anna Nowak (58), a farmer,
            # said": a party or an age after a name is no boundary of the speaker's phrase
            masked = _RE_NAME_ASIDE.sub(_blank, masked)
        if masked.find(".", 0, len(masked.rstrip()) - 1) >= 0:
            # periods of abbreviations and initials ("Mr.", "U.S.", "J. J. Price") end nothing
            # (a sentence whose only period ends it has none)
            masked = _mark_abbrev_dots(masked)
        # "[outlet] cited/quoted X who said / as saying"
        if lex.re_outlet is not None and (" cit" in masked or " quot" in masked or
                                           " referen" in masked or " referring to " in masked) and (
                " cited " in masked or " quoted " in masked or " citing " in masked or
                " quoting " in masked or " reference to " in masked or " referring to " in masked):
            for om in lex.re_outlet.finditer(masked):
                after = masked[om.end():]
                vm = _OUTLET_VERB.match(after)
                if vm:
                    rest_off = om.end() + vm.end()
                    rest = masked[rest_off:]
                    sm = re.match(r"([^,;\x00]{2,90}?)\s+(?:who|which|that)\s+(?:\w+\s+){0,6}?"
                                  r"(?:said|told|say|says)\b|([^,;\x00]{2,90}?)\s+as\s+saying\b"
                                  r"|([^,;\x00]{2,90}?)(?=\s+saying\b|[,.;]|\s*$)", rest)
                    if sm:
                        g = sm.lastindex or 1
                        sp = sm.group(g)
                        s0 = rest_off + sm.start(g)
                        mt = lex.classify(sp)
                        if mt.source_type and mt.source_type != "media":
                            cues.append(Cue("outlet_cited", sp.strip(), s0, s0 + len(sp.rstrip()),
                                            vm.group().strip(), om.end() + vm.start() + 1,
                                            om.end() + vm.end() - 1, via=om.group()))
        covered = -1
        verb_info = self._verb_info
        headline = None
        for vs, ve, form in verbs:
            kind, ing, single = verb_info[form]
            if vs < covered:
                continue  # inside "did not immediately respond to a request for comment"
            if form[0].isupper():
                # a Title Case form: "Said Comey, “…”" opening the sentence, or a headline's verb
                if not masked[:vs].strip(' "\x00\'‘“'):
                    im = _RE_INV_FIRST.match(masked, ve)
                    if im and form in _INVERTING_TITLE:
                        sp = im.group(1).strip()
                        if len(sp.split()) <= 8 and _looks_like_np(sp) and (
                                lex.classify(sp, (im.group(2) or "").strip()).source_type):
                            cues.append(Cue("inverted_first", sp, im.start(1),
                                            im.start(1) + len(sp), form, vs, ve, kind,
                                            appositive=(im.group(2) or "").strip()))
                    continue
                if headline is None:
                    headline = _title_case(masked)
                if not headline:
                    continue
            if kind == "refusal":
                covered = ve
            before = masked[max(0, vs - 240):vs]
            boff = vs - len(before)
            subj_end = _strip_aux(before, self._aux_words, self._ly_nouns)
            near = before[-40:]
            # "to say", "the report", "Ukraine's demand": not a finite verb here (the word
            # before the verb, as _last_word(near, len(near)) reads it, inline)
            lw = near[-24:].rstrip().rpartition(" ")[2].rpartition("\n")[2].lower()
            if kind != "refusal" and (lw in _NOT_VERB_PREV or lw.endswith(("'s", "’s"))) and \
                    not ((lw == "been" or lw == "be") and (kind == "stative" or kind == "stance" or (
                        ing and _RE_CLAUSAL_AFTER.match(masked, ve)))):
                # ("have been sceptical", "has been saying that": a finite verb after all)
                em = _EMERGED_TO.search(before) if near.endswith("to ") else None
                if em is None and near.endswith("to ") and form in _PURPOSE_FORMS:
                    # "Sullivan spoke today with Patrushev to reiterate ...": the call's
                    # purpose is what its subject said
                    em = _CONTACT_TO.search(before)
                if em is None:
                    continue  # infinitive or noun use ("refused to say", "the report")
                # "a spokesman ... emerged soon after to say": the subject of "emerged" speaks
                before = before[:em.start()]
                subj_end = _strip_aux(before, self._aux_words, self._ly_nouns)
                near = before[-40:]
            if form in _ASK_FORMS and _RE_ASKED_ANON.match(masked, ve):
                continue  # "who asked not to be named": a condition of anonymity, not a claim
            if form == "asked" and (_RE_WHEN_ASKED.search(near) or (
                    near.rstrip().endswith(",") and _RE_ASKED_ABOUT.match(masked, ve))):
                continue  # "X, when asked about Y, said" / "X, asked about Y, said": X was asked
            if kind == "clausal":
                if not _RE_CLAUSAL_AFTER.match(masked, ve):
                    continue  # "It concludes a week of negotiations": not reporting
                kind = "speech"
            # passive "it was (also) noted that": no speaker
            aux = before[subj_end:].lower().split()
            if kind == "stative" or kind == "stance":
                if _BE_FORMS.isdisjoint(aux):
                    continue  # "convinced" needs "is": "X is convinced that ..."
                # ("X was critical of ...", "X has been outspoken": speech)
                kind = "cognition" if kind == "stative" else "speech"
            elif not ing and not _BE_FORMS.isdisjoint(aux):
                continue
            after = masked[ve:ve + 60]
            if after.startswith((" tank", " tanks")):
                continue  # "think tank"
            if form == "claims" and _RE_NOUN_CLAIMS.match(after):
                continue  # "32% of Republican claims as false": the noun
            am_ = _RE_ACTION_OBJECT.match(after)
            if am_ and (not am_.group("money") or form in self._commit_forms) and not (
                    am_.group("place") and lex.verb_lemma.get(form) != "claim") and not (
                    am_.group("into") and lex.verb_lemma.get(form) in ("say", "tell", "add")):
                continue  # "claimed responsibility", "pledged $1 billion", "slammed into":
                # acting; a place only after "claim" ("claimed the town"; "says the town is
                # empty" speaks)
            if form == "calls":
                pw = masked[max(0, vs - 24):vs].rstrip().rpartition(" ")[2]
                if pw[:1].isdigit() or (pw[:1].islower() and pw not in PRONOUNS and
                                        pw not in self._aux_words and not pw.endswith("ly")):
                    continue  # "phone calls", "911 calls": the plural noun (not "he calls")
            if form[:6] == "compar" and _RE_COMPARED_WITH.match(after):
                continue  # "rose five percent compared with last year": no one compares
            if form in self._passive_charge and _RE_CHARGE_OF.match(after):
                continue  # "the man accused of the attacks", "the number one suspect in": no
                # one speaks
            if kind == "comma_only" and not _RE_COMMA_AFTER.match(after):
                continue
            gerund = ing and single and not (
                aux and aux[-1] in _BE_FORMS)  # "is calling for": progressive, a finite verb
            to_inf = _RE_TO_AFTER.match(after) is not None and not (
                lex.verb_lemma.get(form) in _TO_COMPLEMENT and _RE_TO_WORDS.match(masked, ve))
            # ("was responding to criticism": what is answered, no infinitive)
            if not gerund and ing and single and (
                    to_inf or _last_word(masked, boff + subj_end) == "it"):
                continue  # "is threatening to turn", "It was revealing that": not a claim
            if gerund and (to_inf or kind == "cognition"):
                continue  # "vowing to make sure", "hoping for": not a claim
            if (kind == "cognition" or form in self._commit_forms) and _RE_TO_VERB_AFTER.match(after) \
                    and _MASK not in masked:
                continue  # "the leaders agreed to continue contacts": acting
            if gerund and not near.rstrip().endswith((",", "—", "–", "-")) and \
                    not text[:vs].rstrip().endswith((',"', ",”", ",’")) and \
                    not _RE_WITH_TAIL.search(near):
                continue  # "a joint statement condemning Russia": a noun's modifier
            # -- inverted: “…,” said X / , said X.
            nr = near.rstrip(" ,")
            after_quote = not gerund and bool(nr) and nr[-1] in '\x00"”»' and \
                near[len(nr):].count(",") <= 1
            if form in ("told", "tells", "tell", "telling"):
                after_quote = False  # "X told Fox News": the object is the addressee
            after_comma = not gerund and not after_quote and kind == "speech" and \
                near.rstrip().endswith(",") and form in _INVERTING
            if after_comma:
                # ", said X." at the end, or ", said X, “…" before a quotation
                am = _RE_INV_NP_END.match(masked, ve) or _RE_INV_NP_QUOTE.match(masked, ve)
                if am and len(am.group(1).split()) <= 8 and _looks_like_np(am.group(1)) and \
                        am.group(1).split()[0].lower() not in _CLAUSE_OPENERS | _PARTICIPLE_PREPS \
                        and not self._subject_with_appositive(masked, vs):
                    sp = _TIME_TAIL.sub("", am.group(1).strip()).strip()
                    mt = lex.classify(sp, am.group(2) or "")
                    if sp and (mt.source_type or sp.lower() in PRONOUNS):
                        sp, app, s0 = _name_over_role(lex, sp, am, mt)
                        cues.append(Cue("clause_then_inverted", sp, s0, s0 + len(sp), form,
                                        vs, ve, kind, appositive=app))
                        continue
            after_comma = False
            if after_quote:
                am = _RE_INV_NP.match(masked, ve)
                if am:
                    sp = am.group(1).strip()
                    sp = _TIME_TAIL.sub("", sp).strip()
                    if sp and (len(sp.split()) <= 10 or _title_chain(sp)) and not sp.lower().startswith(
                            ("that", "on ", "in ", "at ", "to ", "the following")):
                        mt = lex.classify(sp, am.group(2) or "")
                        if mt.source_type or sp.lower() in PRONOUNS:
                            sp, app, s0 = _name_over_role(lex, sp, am, mt)
                            cues.append(Cue("quote_then_inverted", sp, s0, s0 + len(sp), form,
                                            vs, ve, kind, appositive=app))
                            continue
            # -- subject before the verb
            chunk_all = before[:subj_end]
            dash_app = ""
            if chunk_all[-3:].rstrip()[-1:] in ("—", "–", "-"):
                # "The minister — who has been in a dispute with him — said": the subject
                # stands before the aside between dashes
                dm = _RE_DASH_ASIDE.search(chunk_all)
                if dm:
                    dash_app = chunk_all[dm.start():].strip(" —–-")
                    chunk_all = chunk_all[:dm.start()]
            # clause start: last boundary (within the last 160 characters)
            cstart, bword = _clause_start(chunk_all)
            chunk = chunk_all[cstart:]
            # _RE_TAIL_CONJ.search(chunk_all, len - 5), by slicing unless a newline ends it
            if chunk_all[-1:] == "\n":
                tail_conj = _RE_TAIL_CONJ.search(chunk_all, max(0, len(chunk_all) - 5))
                if tail_conj:
                    chunk, bword = "", tail_conj.group(1).lower()
            else:
                tail = chunk_all[-4:]
                conj = tail[1:].lower()
                if (conj == "and" or conj == "but") and len(tail) == 4 and (
                        tail[0].isspace() or tail[0] == ","):
                    chunk, bword = "", conj
            if gerund or (not chunk.strip(" ,") and bword in ("and", "but")):
                # "…, warning that …" / "… but said …": the main clause's subject speaks
                wm = _RE_WITH_NP_TAIL.search(chunk_all)
                np: tuple[int, int] | None
                if gerund and wm and lex.classify(wm.group(1)).source_type:
                    s0 = boff + wm.start(1)
                    np = (s0, s0 + len(wm.group(1)))
                else:
                    np = self._main_subject(masked)
                if np is None:
                    continue
                s0, s1 = np
                sp = text[s0:s1]
                mt = lex.classify(sp)
                if gerund and text[s1:vs].strip() == ",":
                    continue  # "Mr Sharon, blaming Mr Arafat for ..., sent his airforce": an
                    # aside to the subject; its main verb decides
                if (mt.source_type or sp.strip().lower() in PRONOUNS) and not (
                        kind == "evidence" and not lex.is_document(sp)):
                    cues.append(Cue("gerund" if gerund else "conjoined", sp, s0, s1, form, vs, ve,
                                    kind))
                continue
            found = self._np_at(chunk, boff + cstart, finite=True)
            if found is not None:
                ftxt = text[found[0]:found[1]].strip()
                if ftxt.lower() not in PRONOUNS and not lex.classify(ftxt, found[2]).source_type:
                    found = None
            if bword in ("after", "before", "following") and cstart > len(bword) + 1:
                # "A statement issued after a meeting chaired by X called for ...": the
                # document before the participle speaks (codebook rule 6), not the meeting
                pre = chunk_all[:cstart - len(bword) - 1].rstrip()
                rp = pre.rpartition(" ")
                if rp[1] and (rp[2].endswith("ed") or rp[2] in _IRREGULAR_PAST) and \
                        rp[2][:1].islower():
                    hp = self._np_span(rp[0], finite=True, whole=True)
                    if hp is not None and lex.is_document(rp[0][hp[0]:hp[1]]):
                        found = (boff + hp[0], boff + hp[1], "")
            if chunk_all.rstrip().endswith(",") or text[:boff + subj_end].rstrip().endswith(
                    (',"', ",”", ",’")):
                # "Dr. Connie Mariano, who as a Navy captain was ..., said": the head before
                # the first comma of the clause speaks; a named head beats a role-only phrase
                # cut out of a long appositive ("Mykhailo Podolyak, Adviser ... and a member of
                # the delegation, said")
                alt = self._head_before_appositive(chunk_all, boff)
                if alt is not None and (found is None or (
                        lex.name_tokens(text[alt[0]:alt[1]]) and
                        not lex.name_tokens(text[found[0]:found[1]])) or (
                        found[0] >= alt[1] and _RE_INNER_ROLE.search(text[alt[0]:alt[1]])) or (
                        found[0] >= alt[1] and (
                            _RE_CLAUSAL_APPOS.match(chunk_all, alt[1] - boff) or
                            _RE_PARTICIPLE_APPOS.match(chunk_all, alt[1] - boff + 1))) or (
                        # "Mr. Kowal, whose start-up, Gridline, uses ..., said": what follows
                        # is inside the relative clause
                        found[0] >= alt[1] and _RE_RELATIVE_APPOS.match(chunk_all, alt[1] - boff)) or (
                        # "Jan Kowal, an analyst at a research group in Arlington, Virginia,
                        # said": a role describes the named head; what follows is inside it
                        found[0] >= alt[1] and alt[2] and
                        lex.name_tokens(text[alt[0]:alt[1]]) and lex.classify(alt[2]).roles)):
                    found = alt  # ("X, when contacted by Reuters, said": X, not Reuters)
            if found is not None and not found[2] and \
                    text[found[0]:found[1]].lstrip().lower().startswith(("a ", "an ")):
                # "“…,” Jan Kowal, an adviser to Mr Duval said": the name before the
                # indefinite appositive speaks (its closing comma left out)
                pre = text[max(0, found[0] - 80):found[0]]
                nm = _RE_NAME_BEFORE_APPOS.search(pre)
                if nm and lex.name_tokens(nm.group(1)) and _NAME_ONLY.match(nm.group(1)):
                    n0 = found[0] - len(pre) + nm.start(1)
                    found = (n0, n0 + len(nm.group(1)), text[found[0]:found[1]].strip())
            if found is None:
                found = self._np_suffix(chunk, boff + cstart)
                if found is None:
                    continue
            s0, s1, appos = found
            if dash_app and not appos and dash_app.startswith(("a ", "an ", "the ", "who ")):
                appos = dash_app  # "X -- an economist who ... -- said": it describes X
            sp = text[s0:s1].strip()
            s0 = s0 + (len(text[s0:s1]) - len(text[s0:s1].lstrip()))
            s1 = s0 + len(sp)
            if not sp:
                continue
            low = sp.lower()
            if low.startswith(("which ", "who ", "that ")):
                k = sp.find(" ") + 1
                sp, s0 = sp[k:], s0 + k
                low = sp.lower()
            elif low.startswith(_FRONTED_START) and (fm_ := _RE_FRONTED_OBJECT.match(sp)) and \
                    fm_.end() < len(sp):
                # "Another point the President emphasised was that ...": the fronted object
                # is what was said, the speaker follows it
                sp, s0 = sp[fm_.end():], s0 + fm_.end()
                low = sp.lower()
            elif low.startswith(_PERCEIVER_START) and (pm_ := _RE_PERCEIVED.match(sp)) and \
                    pm_.end() < len(sp):
                # "We heard the President say ...": the one heard speaks
                sp, s0 = sp[pm_.end():], s0 + pm_.end()
                low = sp.lower()
            else:
                rm = _RE_RELATIVE_SUBJECT.search(masked, s0, vs) if (
                    " which " in masked or " that " in masked) else None
                if rm and not any(w.endswith("ed") or w in _VERBISH_SET
                                  for w in rm.group(1).lower().split()) and \
                        lex.classify(rm.group(1)).source_type:
                    sp, s0, s1 = rm.group(1), rm.start(1), rm.end(1)
                    low = sp.lower()
            if bword == "and" and appos and low not in PRONOUNS and \
                    text[boff + cstart:s0].strip(" ,") == appos and \
                    chunk_all[:cstart].rstrip()[:-3].rstrip().endswith(","):
                # "A farmer, Mykola, and his wife, Halyna, said": the described name after
                # "and" ends a list of described sources; the list speaks (its first source,
                # below: first_conjunct)
                prefix = chunk_all[:cstart].rstrip()[:-3].rstrip()
                p0, _ = _clause_start(prefix)
                l0 = boff + p0 + (len(prefix) - p0 - len(prefix[p0:].lstrip()))
                if lex.first_conjunct(text[l0:s1]):
                    sp, s0, appos = text[l0:s1], l0, ""
                    low = sp.lower()
            elif bword == "and" and low not in PRONOUNS and not text[boff + cstart:s0].strip():
                # "senior officials and the military have implied": both speak
                prefix = chunk_all[:cstart].rstrip()[:-3].rstrip()
                p0, _ = _clause_start(prefix)
                pseg = prefix[p0:]
                psp = self._np_span(pseg, finite=True, whole=True) if pseg.strip() else None
                if psp is not None and (len(pseg[psp[0]:psp[1]].split()) <= 6 or (
                        # "Adviser to the Head of the Office and member of the team Jan
                        # Kowal": two titles of one named person, opening the sentence
                        sp[:1].islower() and lex.name_tokens(sp) and
                        not boff + p0 + psp[0] and pseg[psp[0]:psp[1]][:1].isupper() and
                        len(pseg[psp[0]:psp[1]].split()) <= 12 and
                        not lex.name_tokens(pseg[psp[0]:psp[1]]))) and \
                        (lex.classify(pseg[psp[0]:psp[1]]).source_type or
                         pseg[psp[0]:psp[1]].strip().lower() in ("he", "she", "they") or
                         lex.side_kind.get(_RE_THE_WORD.sub("", pseg[psp[0]:psp[1]].strip()))
                         == "demonym"):
                    # ("He and his aides said": the pronoun heads the list; "Palestinian and
                    # Israeli security officials said": the adjectives share the head)
                    if len(pseg[psp[0]:psp[1]].split()) > 6:
                        # the titles describe the name, which is the speaker
                        k = sp.find(lex.name_tokens(sp)[0])
                        appos = (text[boff + p0 + psp[0]:s0 + k].strip() + " " + appos).strip()
                        s0 += k
                    else:
                        s0 = boff + p0 + psp[0]
                    sp = text[s0:s1]
                    low = sp.lower()
            if low.rpartition(" ")[2] in _SUBORDINATOR_END:
                continue  # "to defend its borders if threatened", "the talks, when asked":
                # a reduced clause ("if [it is] threatened"), no one who speaks
            if sp[:1].isupper() and "," in sp:
                opm = _RE_OPENER_COMMA.match(sp)
                if opm and opm.group(1).lower() in self._opener_adverbs and opm.end() < len(sp):
                    # "Nonetheless, House Republicans ... have said": the adverb opens the
                    # sentence, the subject follows it
                    s0 += opm.end()
                    sp = text[s0:s1]
                    low = sp.lower()
            mt = lex.classify(sp, appos)
            if not mt.source_type and low not in PRONOUNS:
                continue
            if low.startswith(("including ", "through ", "via ", "by ")) or (
                    _RE_REDUCED_REL.match(sp) and sp.split(None, 1)[0] not in _DET and
                    sp.split(None, 1)[0] not in self._np_adj and
                    sp.split(None, 1)[0] not in lex.role_type and
                    sp.split(None, 1)[0] not in self._aux_words and
                    sp.split(None, 1)[0] not in _JUNK_WORDS):
                continue  # "..., including through the aid the United States announced",
                # "the aid the cabinet announced": a reference inside a phrase, not the
                # sentence's source
            if low in ("i", "we", "it") and kind != "speech":
                continue
            if low in ("i", "we"):
                continue
            if kind == "cognition" and ((lex._is_country(sp) and not mt.roles) or
                                        (sp.endswith("s") and
                                         lex.side_kind.get(sp.split()[-1]) == "demonym")):
                continue  # "Poland felt ...": a state's mood, not a claim
            if kind == "evidence" and not lex.is_document(sp):
                continue  # "Russian forces showed no sign ..."
            if kind == "comma_only" and not (mt.person or low in PRONOUNS):
                continue  # "The discussion continued, including ..."
            pw = _last_word(masked, s0)
            sub = pw in _RELATIVE
            if sub and _RE_REFERENCE_AFTER.match(after):
                continue  # "an election that the opposition said was rigged", "zones, which
                # Nato has rejected.": a reference inside the sentence, not its source
            if kind == "cognition" and pw in _IN_CLAUSE:
                continue  # "before they believe ...": not a claim of theirs
            if kind == "speech" and form.startswith(("claim", "acknowledg", "admit")) and \
                    _RE_NEGATED.search(masked, s1, vs) and \
                    all(w in self._aux_words or w.endswith(("n't", "n’t"))
                        for w in masked[s1:vs].lower().split()):
                continue  # "Ukraine has not claimed responsibility": no one speaks
            if (pw in ("what", "how", "why") or low.startswith(("what ", "how ", "why "))) and \
                    _RE_NEGATED.search(masked, s1, vs):
                continue  # "What he didn't explain was ...": the writer's point, not a claim
            cues.append(Cue("subject_verb", sp, s0, s1, form, vs, ve, kind, appositive=appos,
                            subordinate=sub))
        # "“…” ― Name" (credit line after a quotation)
        if other and ("―" in masked or "—" in masked):
            dm = _DASH_CREDIT.search(masked)
            if dm and lex.classify(dm.group(1)).source_type and all(
                    w[0].isupper() or w in ("de", "van", "von", "bin", "al", "la", "da")
                    for w in dm.group(1).split()):
                sp = dm.group(1).strip()
                cues.append(Cue("dash_credit", sp, dm.start(1), dm.start(1) + len(sp), "―",
                                dm.start(1) - 1, dm.start(1), "speech"))
        # nominal cues: "the Pentagon’s response", "the warning from X", "made his comments"
        if nominal:
            nominals = nominal_rx.nominals
            for rx, need, core in zip(nominals, _NOMINAL_NEEDS, nominal_rx.cores, strict=True):
                if not any(w in masked for w in need) or core.search(masked) is None:
                    continue  # the words the pattern needs are not here
                for nm in rx.finditer(masked):
                    sp = nm.group("sp").strip()
                    if not sp:
                        continue
                    lead_txt = masked[:nm.start()].rstrip()
                    if rx is nominals[1]:  # "The warning from X": only an article may lead
                        lead_txt = re.sub(r"(?i)(?:^|\s)(?:the|a|an)(?:\s+\w+)?$", "", lead_txt)
                    if lead_txt and lead_txt[-1] not in ",;:—–(" and not _LEADING_JUNK.fullmatch(
                            lead_txt + " "):
                        continue  # "contradict Mr. Obama's comments": a reference, not a source
                    if rx is nominals[2]:
                        sp = sp[:_strip_aux(sp, self._aux_words, self._ly_nouns)].rstrip()  # "Trump has delivered", "X also gave"
                        if not sp or _RE_NOT_NP.search(sp):
                            continue  # "It was revealing that the minister gave ...": a clause
                    mt = lex.classify(sp)
                    if not mt.source_type and not (rx is nominals[2] and
                                                   sp.lower() in ("he", "she", "they")):
                        continue
                    s0 = nm.start("sp") + (len(nm.group("sp")) - len(nm.group("sp").lstrip()))
                    app = ""
                    am = _RE_APPOS_NAME.match(masked, s0 + len(sp)) if mt.roles and \
                        not mt.named else None
                    if am and lex.name_tokens(am.group(1)):
                        # "the warning from the deputy foreign minister, Sergei Ryabkov, ...":
                        # the name speaks, the role describes it
                        app, sp, s0 = sp, am.group(1), am.start(1)
                    cues.append(Cue("nominal", sp, s0, s0 + len(sp), nm.group("noun"),
                                    nm.start("noun"), nm.end("noun"), "speech", appositive=app))
        # passive quoted: "X was quoted by TASS as saying"
        for pm in (_PASSIVE_QUOTED.finditer(masked) if "as saying" in masked else ()):
            before = masked[:pm.start()]
            cstart = 0
            for bm in _BOUNDARY.finditer(before):
                cstart = bm.end()
            found = self._np_at(before[cstart:], cstart, finite=True)
            if found:
                s0, s1, appos = found
                sp = text[s0:s1].strip()
                if sp and lex.classify(sp, appos).source_type:
                    via = ""
                    if pm.group(1) and lex.re_outlet and (
                            outm := lex.re_outlet.search(pm.group(1))):
                        via = outm.group()
                    cues.append(Cue("quoted_as_saying", sp, s0, s0 + len(sp), pm.group().strip(),
                                    pm.start(), pm.end(), "speech", via=via, appositive=appos))
        # passive with an agent: "was hailed by UN envoy X as", "was spelt out by spokesman X",
        # "have been criticised by some commanders as"
        passive = other and " by " in masked and not self._stated_by.match(masked)  # "This was stated by X"
        for pm in (_PASSIVE_BY.finditer(masked) if passive else ()):
            if _last_word(masked, pm.start()) in _RELATIVE:
                continue  # "referendums that were condemned by Kyiv": a reference, not a source
            sp = pm.group("sp").strip()
            mt = lex.classify(sp)
            if not mt.source_type or mt.source_type == "media" and not mt.outlet:
                continue
            s0 = pm.start("sp")
            cues.append(Cue("passive_by", sp, s0, s0 + len(sp), pm.group("v") + " by",
                            pm.start("v"), pm.end("v"), "speech"))
        # "in his opinion", "in the view of X"
        if other and ("opinion" in masked or " view" in masked):
            for om in _OPINION.finditer(masked):
                gname = "sp" if om.group("sp") else "sp2" if om.group("sp2") else "sp3"
                sp = om.group(gname).strip()
                mt = lex.classify(sp)
                if not mt.source_type and sp.lower() not in PRONOUNS:
                    continue
                s0 = om.start(gname)
                cues.append(Cue("opinion", sp, s0, s0 + len(sp), om.group("cue").strip(),
                                om.start("cue"), om.end("cue"), "speech"))
        # as reported by X ("As first reported by Politico, ...")
        for am in (_AS_REPORTED.finditer(masked) if other and " by " in masked and (
                "As " in masked or "as " in masked) else ()):
            xm = _RE_ACCORDING_NP.match(masked, am.end())
            if not xm:
                continue
            sp = _TIME_TAIL.sub("", xm.group(1).strip()).strip()
            s0 = xm.start(1)
            if not sp or not lex.classify(sp).source_type:
                continue
            cues.append(Cue("according_to", sp, s0, s0 + len(sp), am.group("v"), am.start("v"),
                            am.end("v"), "speech"))
        # "As the BBC reports, ...", "as Kovac put it,": a parenthetical source
        asx = _AS_X_REPORTS.search(masked) if (other or verbs) and (
            "As " in masked or ", as " in masked) else None
        if asx:
            sp = asx.group("sp").strip()
            if lex.classify(sp).source_type and sp.lower() not in ("it", "this", "that"):
                cues.append(Cue("according_to", sp, asx.start("sp"), asx.start("sp") + len(sp),
                                asx.group("v"), asx.start("v"), asx.end("v"), "speech"))
        # "in a CNN poll", "In the latest survey, ...": the poll is the source
        for pm in (_IN_POLL.finditer(masked) if other and (" poll" in masked or " survey" in masked)
                   else ()):
            sp = pm.group("sp")
            # an opinion poll, not the vote ("went to vote in the poll on Sunday"): a survey,
            # or a poll named by its maker or qualified as one
            if (" survey" in sp or _RE_POLL_QUALIFIED.search(sp, 1)) and \
                    lex.classify(sp).source_type:
                cues.append(Cue("according_to", sp, pm.start("sp"), pm.end("sp"), pm.group("cue"),
                                pm.start("cue"), pm.end("cue"), "speech"))
        # according to X
        for am in (_ACCORDING.finditer(masked) if other and "ccording to" in masked else ()):
            rest = masked[am.end():]
            xm = _RE_ACCORDING_NP.match(rest)
            if not xm:
                continue
            sp = xm.group(1).strip()
            s0 = am.end() + xm.start(1)
            if rest[xm.end():xm.end() + 1] == "(" or rest[xm.end():xm.end() + 2] == " (":
                ym = _RE_YEARS_ASIDE.match(rest, xm.end())
                xm2 = _RE_ACCORDING_NP.match(rest, ym.end()) if ym else None
                if xm2 and xm2.group(1)[:1].isupper():
                    # "ex-President of Poland (1995-2005) Alexander Kwasniewski": the years
                    # in office between the role and the name
                    sp = rest[xm.start(1):xm2.end(1)].strip()
            mt = lex.classify(sp)
            if not mt.source_type and sp.lower() not in ("him", "her", "them", "it"):
                continue
            app = ""
            if mt.roles and mt.person and (nm := _RE_APPOS_NAME_END.match(rest, xm.end())) and \
                    not lex.name_tokens(sp) and lex.name_tokens(nm.group(1)) and \
                    lex.classify(nm.group(1)).person and \
                    not rest[nm.end():].lstrip()[:1].isupper():  # (not a list of places)
                # "according to a drone operator, Oleksandr.": the name speaks, the role
                # describes it (as in "said a resident, Maria Petrenko")
                name = nm.group(1)
                if name.endswith(".") and not _RE_INITIAL_END.search(name):
                    name = name[:-1]  # (the sentence's full stop)
                sp, app, s0 = name, sp, am.end() + nm.start(1)
            cues.append(Cue("according_to", sp, s0, s0 + len(sp), "according to", am.start(),
                            am.end() - 1, "speech", appositive=app))
        if other and (" learn" in masked or " told by " in masked):
            for lm in _RE_LEARNED_FROM.finditer(masked):
                sp = lm.group("sp").strip()
                s0 = lm.start("sp") + (len(lm.group("sp")) - len(lm.group("sp").lstrip()))
                if sp and lex.classify(sp).source_type:
                    # "..., BelTA learned from President X", "Reporters were told by a senior
                    # official that ...": X speaks
                    cues.append(Cue("learned_from", sp, s0, s0 + len(sp), lm.group("v"),
                                    lm.start("v"), lm.end("v"), "speech"))
        if "what " in masked:
            cues = self._what_x_called(text, masked, cues)
        if len(cues) > 1:
            # a verb inside another cue's speaker is a participle ("a video posted on Telegram")
            cues = [c for c in cues if c.rule in ("according_to", "outlet_cited") or not any(
                o is not c and o.s_start <= c.c_start < o.s_end for o in cues)]
            cues.sort(key=_CUE_ORDER)
        if _ABBREV_MARK in masked:
            cues = [replace(c, speaker=text[c.s_start:c.s_end].strip()) if _ABBREV_MARK in c.speaker
                    else c for c in cues]
        for k, c in enumerate(cues):
            if c.speaker.endswith(")") and " (" in c.speaker:
                # "Rep. Jan Kovac (D-Ohio)", "Anna Nowak (58)": the aside is not the name
                head = c.speaker[:c.speaker.rfind(" (")].rstrip()
                if head and len(c.speaker) - len(head) <= 24:
                    c = cues[k] = replace(c, speaker=head, s_end=c.s_start + len(head))
            if " and " in c.speaker and (first := lex.first_conjunct(c.speaker)):
                # "Putin, his diplomats and military leaders have said": the first of the
                # coordinated sources is the speaker and types the sentence (an appositive
                # after the list describes each of them: "X and Y, sociologists at Z,")
                if ", " in first:
                    # "A farmer, Mykola, and his wife ...": a role and the name it introduces
                    # (first_conjunct joins them); the name speaks, as in "A farmer, Mykola,
                    # said", and the role describes it
                    role, _, name = first.rpartition(", ")
                    n0 = c.s_start + len(first) - len(name)
                    cues[k] = replace(c, speaker=name, s_start=n0, s_end=n0 + len(name),
                                      appositive=role, group=c.speaker)
                else:
                    cues[k] = replace(c, speaker=first, s_end=c.s_start + len(first),
                                      group=c.speaker)
            elif " and " in c.appositive and \
                    c.appositive.split(None, 1)[0].lower() not in _APPOSITIVE_OPENERS and \
                    text[c.s_end:c.s_end + len(c.appositive) + 4].lstrip(" ,").startswith(
                        c.appositive) and \
                    (first := lex.first_conjunct(f"{c.speaker}, {c.appositive}")) and \
                    first.startswith(c.speaker):
                # "said Putin, his diplomats and military leaders": the rest of a list, not a
                # description of its first source
                group = f"{c.speaker}, {c.appositive}"
                if first == c.speaker:
                    cues[k] = replace(c, appositive="", group=group)
                elif first.startswith(f"{c.speaker}, "):
                    # "said a farmer, Mykola, and his wife, Halyna": the role's name speaks
                    name = first[len(c.speaker) + 2:]
                    n0 = text.find(name, c.s_end)
                    if n0 >= 0:
                        cues[k] = replace(c, speaker=name, s_start=n0, s_end=n0 + len(name),
                                          appositive=c.speaker, group=group)
        return cues

    def _what_x_called(self, text: str, masked: str, cues: list[Cue]) -> list[Cue]:
        """"... singled out the UK for what it called “sanctions hysteria”": the pronoun's
        characterisation is the main clause subject's; "launched what Ukraine called its
        biggest attack": Ukraine's (not "what Ukraine")."""
        out = []
        for c in cues:
            if c.speaker[:5].lower() == "what " and c.rule == "subject_verb":
                c = replace(c, speaker=c.speaker[5:].lstrip(), s_start=c.s_end - len(
                    c.speaker[5:].lstrip()))
            out.append(c)
        if any(c.kind == "speech" and not c.subordinate for c in out):
            return out  # a speaker of the sentence's own says it
        for wm in _RE_WHAT_PRON_CALLED.finditer(masked):
            np = self._main_subject(masked)
            if np is None or np[1] > wm.start():
                continue
            sp = text[np[0]:np[1]]
            mt = self.lex.classify(sp)
            pron = wm.group(1).lower()
            if not mt.source_type or (pron in ("he", "she") and not mt.person) or (
                    pron == "it" and mt.person):
                continue
            out.append(Cue("what_called", sp, np[0], np[1], wm.group(2), wm.start(2),
                           wm.end(2), "speech"))
            break
        return out

    def _main_subject(self, masked: str) -> tuple[int, int] | None:
        """The subject NP that opens the sentence's first clause ("Vladimir Putin delivered ...").

        Walks the opening words while they can belong to a noun phrase: determiners,
        capitalised words, role words, a few adjectives, "of"/"for" between them.
        """
        lex = self.lex
        dl = _DATELINE.match(masked)
        if dl:  # "WASHINGTON, Dec. 8 (UPI) — Clinton's aide rallied supporters, saying ..."
            masked = " " * dl.end() + masked[dl.end():]
        parts = _RE_CLAUSE_SPLIT.split(masked, maxsplit=2)
        first = parts[0]
        off = 0
        fw = first.split(maxsplit=1)
        if fw and len(parts) > 1 and (fw[0].lower() in _CLAUSE_OPENERS or
                                      fw[0].lower() in self._opener_adverbs or (
                len(fw[0]) > 5 and fw[0].endswith("ing") and fw[0][0].isupper())):
            off = len(first) + 1  # "During the briefing, Psaki said ...", "Speaking in Lyon, ...",
            # "There, the chairman declined ... but said", "Publicly, the nominee ... and
            # dismisses", "Early in his campaign, Trump attacked ..., calling"
            first = masked[:off + len(parts[1])]
            if len(parts) > 2 and _RE_PLACE_TAIL.search(parts[0]) and \
                    _RE_CAPS_RUN.fullmatch(parts[1].strip()):
                # "Speaking in Salem, New Hampshire, Trump went ...": the place's region, not
                # the subject (unless an appositive follows: "In Geneva, Psaki, the
                # spokeswoman, said")
                seg = _RE_CLAUSE_SPLIT.split(parts[2], maxsplit=1)[0]
                if len(seg.split()) >= 3:
                    off += len(parts[1]) + 1
                    first = masked[:off + len(seg)]
        lead = _LEADING_JUNK.match(first, off)
        off = lead.end() if lead else off
        words = list(_WORDS.finditer(first, off))
        if not words:
            return None
        end = None
        for k, m in enumerate(words):
            w = m.group()
            wl = w.lower().rstrip(".")
            if k == 0 and wl in ("he", "she", "they", "it"):
                end = m.end()
                break
            if w[0].isupper() or wl in _DET or wl in self._np_adj or wl in lex.role_type or (
                    end is not None and wl in self._body_heads):
                end = m.end()
                continue
            if end is not None and wl.isalpha() and k + 1 < len(words) and \
                    wl not in _VERBISH_SET and wl not in self._aux_words and \
                    wl not in _FUNCTION_WORDS and (
                        words[k + 1].group().lower().rstrip(".,") in lex.role_type or
                        words[k + 1].group().lower().rstrip(".,") in self._body_heads):
                end = m.end()  # "The district chairman", "the appeals court": a modifier
                continue
            if end is not None and wl.endswith("ly") and len(wl) > 4:
                break  # "Mr. Schultz generally supported ... and said": an adverb ends it
            if wl in ("of", "for", "and") and end is not None and k + 1 < len(words) and (
                    words[k + 1].group()[0].isupper() or words[k + 1].group().lower() in _DET):
                continue
            if end is not None and wl.isalpha() and wl not in _VERBISH_SET and \
                    wl not in self._aux_words and not wl.endswith(("ed", "s")) and \
                    wl not in _IRREGULAR_PAST and \
                    wl not in _FUNCTION_WORDS and \
                    k + 1 < len(words) and words[k + 1].start() == m.end() + 1:
                return None  # "The Odesa region, ...": the phrase goes on, its head is not here
            break
        if end is None:
            return None
        if masked.startswith(" of ", end) and masked[end + 4:end + 5].islower():
            return None  # "Truckloads of armed men ...": the head is not a speaker
        s0 = words[0].start()
        sp = masked[s0:end]
        while True:  # no trailing "of the"
            tw = sp.rsplit(None, 1)
            if len(tw) == 2 and tw[1].lower() in _DET | {"of", "for", "and"}:
                sp = tw[0]
                continue
            break
        end = s0 + len(sp)
        if len(sp.split()) > 12:
            return None
        if lex.classify(sp).source_type or sp.strip().lower() in ("he", "she", "they", "it"):
            return s0, end
        return None

    # -------------------------------------------------------------------------------------

    def attribute(self, sentences: Sequence[Sentence], text: str | None = None) -> list[Attribution]:
        """One :class:`Attribution` per sentence, same order; never raises on odd
        sentences (a rule that fails falls back to sentence-by-sentence rules), but a
        text, bytes or None instead of a sequence of sentences is a TypeError."""
        if isinstance(sentences, str | bytes) or not hasattr(sentences, "__iter__"):
            raise TypeError(
                "attribute takes a sequence of Sentence objects (split_sentences(text)), "
                f"got {type(sentences).__name__}"
            )
        sents = list(sentences)  # (once: a generator would be spent before the fallback)
        try:
            return self._attribute(sents, text)
        except Exception as exc:  # noqa: BLE001 - never fail an article on sourcing
            warnings.warn(InputWarning(f"sourcing fell back to sentence-by-sentence rules "
                                       f"({type(exc).__name__}: {exc})"), stacklevel=2)
            out = []
            for s in sents:
                try:
                    out.append(self._attribute([s], None)[0])
                except Exception:  # noqa: BLE001
                    out.append(UNATTRIBUTED)
            return out

    def _trigger_sentences(self, full: str, starts: list[int], sents: list[Sentence], *,
                           surnames: list[tuple[int, str]] | None = None,
                           ) -> tuple[dict[int, int], dict[int, set[str]]]:
        """The sentences that can hold a cue, each with the kinds of trigger found in it (bit
        1: a reporting-verb word, bit 2: a nominal cue noun, bit 4: another trigger): one
        Aho-Corasick pass over the article for the first words of reporting verbs, the
        nominal cue nouns, "according", dashes, "opinion", " view" and " by " (a superset of
        ``_find_cues``' own fast-path test, so skipping the other sentences changes
        nothing); and, per sentence, the reporting-verb words found. The same pass appends
        to ``surnames`` (offset, word) of each whole word of ``SourceLexicon.surname_words``
        in the article (for ``SourceLexicon.person_surnames``)."""
        n = len(starts)
        if starts != sorted(starts):  # (C speed: sorted input is one pass)
            if surnames is not None:
                surnames.extend(self.lex.surname_hits(full))
            return dict.fromkeys(range(n), 7), {}  # sentences out of order: no shortcut
        find, info = self._trigger_automaton()
        out: dict[int, int] = {}
        k = 0
        nfull = len(full)
        words: dict[int, set[str]] = {}
        lo, hi = starts[0], starts[0] + len(sents[0].text)  # sentence k's span
        nxt = starts[1] if n > 1 else nfull + 1
        for key, b, e in find(full, True):
            bits, w = info[key]
            if bits != 4:  # a word: whole words only
                if b > 0:
                    c = full[b - 1]
                    if c.isalnum() or c == "_":
                        continue
                if e < nfull:
                    c = full[e]
                    if c.isalnum() or c == "_":
                        continue
                if bits == 8:  # a word of an organisation's name that may be a surname
                    if surnames is not None:
                        surnames.append((b, w))
                    continue
            if b >= nxt:
                k = bisect_right(starts, b, k) - 1
                lo, hi = starts[k], starts[k] + len(sents[k].text)
                nxt = starts[k + 1] if k + 1 < n else nfull + 1
            if not lo <= b < hi:
                continue
            out[k] = out.get(k, 0) | bits
            if bits & 1:
                ws = words.get(k)
                if ws is None:
                    words[k] = {w}
                else:
                    ws.add(w)
        return out, words

    def _trigger_automaton(self):
        """(find, info): ``find(text, True)`` lists every occurrence of a trigger string,
        overlapping ones included, as (index, start, end) ordered by end (the longer first
        at one end); ``info[index]`` is its (bits, string). ``ahocorasick_rs`` when it is
        installed (all hits in one Rust call), else ``pyahocorasick``, same hits."""
        auto = self._auto
        if auto is None:
            verbs = set(self.lex.verb_first)
            nouns = set(self._nominal.triggers)
            bits = {w: (w in verbs) | (w in nouns) << 1 for w in verbs | nouns}
            for w in ("ccording", "―", "—", "opinion", " view", " by ", " poll", " survey",
                      " reports,", " put it,", " puts it,", " learned ", " learnt "):
                bits[w] = 4
            for w in self.lex.surname_words:
                bits.setdefault(w, 8)  # (no trigger is capitalised)
            keys = list(bits)
            info = [(bits[w], w) for w in keys]
            if _ahocorasick_rs is not None:
                find = _ahocorasick_rs.AhoCorasick(
                    keys, implementation=_ahocorasick_rs.Implementation.DFA
                ).find_matches_as_indexes
            else:
                pa = ahocorasick.Automaton()
                for k, w in enumerate(keys):
                    pa.add_word(w, (k, len(w)))
                pa.make_automaton()

                def find(text: str, overlapping: bool = True) -> list[tuple[int, int, int]]:
                    return [(k, e - ln + 1, e + 1) for e, (k, ln) in pa.iter(text)]

            auto = self._auto = (find, info)
        return auto

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_auto"] = None  # rebuilt on first use (a Rust automaton does not pickle)
        return state

    def _article_text(self, sents: list[Sentence], text: str | None) -> tuple[str, list[int]]:
        """The article text and each sentence's start offset in it."""
        if text is not None:
            n, starts_with, starts = len(text), text.startswith, []
            for s in sents:
                a, t = s.start, s.text
                if not (0 <= a and s.end <= n and s.end - a == len(t) and starts_with(t, a)):
                    break
                starts.append(a)
            else:
                return text, starts
        parts: list[str]
        parts, starts, pos, prev_para = [], [], 0, None
        for s in sents:
            sep = "" if not parts else ("\n\n" if s.paragraph != prev_para else " ")
            pos += len(sep)
            parts.append(sep + s.text)
            starts.append(pos)
            pos += len(s.text)
            prev_para = s.paragraph
        return "".join(parts), starts

    def _attribute(self, sents: list[Sentence], text: str | None) -> list[Attribution]:
        """``attribute`` without the fallback. A hidden character (``HIDDEN_CHARS``: a soft
        hyphen or a zero-width one) inside "said", a name, a role or an outlet hid it: an
        article holding one is attributed without them (its sentences, and the article text
        when given), and each sentence's spans are mapped back to its text as given (a span
        keeps the hidden characters inside it, not those around it). A zero-width space
        standing for a space between two words becomes one (``_zwsp_spaces``). The speaker
        and cue strings come from the copy, so a speaker groups with its other mentions."""
        if not sents:
            return []
        full, starts = self._article_text(sents, text)  # (every sentence's text is in it)
        if full.isascii() or not any(c in full for c in HIDDEN_CHARS):  # (C speed: no regex)
            return self._attribute_named(sents, full, starts)
        clean, clean_text, positions = _without_hidden(sents, text, self._one_word_entries())
        return [
            a if pos is None else _spans_back(a, pos)
            for a, pos in zip(
                self._attribute_named(clean, *self._article_text(clean, clean_text)),
                positions, strict=True,
            )
        ]

    def _attribute_named(self, sents: list[Sentence], full: str,
                         starts: list[int]) -> list[Attribution]:
        """``_attribute_plain``, with the surnames that the article's full names give to
        people although they are words of an organisation's name (``ArticleNames``: "Kennan
        stated" after "George Kennan", in spite of the Kennan Institute)."""
        surnames: list[tuple[int, str]] = []
        triggers = self._trigger_sentences(full, starts, sents, surnames=surnames)
        known = self.lex.person_surnames(full, surnames) if surnames else None
        if not known:
            return self._attribute_plain(sents, full, starts, triggers)
        names = ArticleNames(known)
        token = ARTICLE_NAMES.set(names)
        try:
            return self._attribute_plain(sents, full, starts, triggers, names)
        finally:
            ARTICLE_NAMES.reset(token)

    def _one_word_entries(self) -> frozenset[str]:
        """The rule tables' one-word entries, lower case (reporting-verb forms, roles,
        institutions, outlets, places and people of the sides table, anonymity phrases):
        what tells a zero-width space between two words from one inside a word
        (``_zwsp_spaces``)."""
        entries = self._entries
        if entries is None:
            lex = self.lex
            entries = self._entries = frozenset(
                w.lower() for table in (lex.verb_kind, lex.role_type, lex.inst_side,
                                        lex.outlet_side, lex.side_of, lex.anon_type)
                for w in table if w.isalpha()
            )
        return entries

    def _attribute_plain(self, sents: list[Sentence], full: str, starts: list[int],
                         triggers: tuple[dict[int, int], dict[int, set[str]]],
                         names: ArticleNames | None = None) -> list[Attribution]:
        """``_attribute`` for sentences without hidden characters: ``full`` is the article
        text and ``starts`` each sentence's start in it (``_article_text``), ``triggers``
        what ``_trigger_sentences`` found in it; ``names``: the article's surnames of
        ``_attribute_named``, to be told how far the reading is (a cue's bare surname names
        a person only after the full name)."""
        lex = self.lex
        spans = find_quotes(full)
        # quote mask over the article (content only)
        n = len(full)
        inside = bytearray(n)
        chain_size: dict[int, int] = {}
        for q in spans:
            chain_size[q.chain] = chain_size.get(q.chain, 0) + 1
        # a mark never closed and not continued in the next paragraph is likely stray:
        # keep it for continuation, but let cues inside it be seen
        spans_masked = [q for q in spans if q.closed or chain_size[q.chain] > 1]
        for q in spans:
            inside[q.start:q.end] = b"\x01" * (q.end - q.start)
        # paragraph of each sentence (from text when sentences carry no paragraph numbers)
        para_ids = self._paragraphs(sents, full, starts)

        spans_by_sent = _spans_by_sentence(spans_masked, sents, starts)
        all_spans_by_sent = _spans_by_sentence(spans, sents, starts) if len(spans_masked) < len(
            spans) else spans_by_sent
        # pass 1: cues per sentence; one scan of the article finds the sentences that can hold
        # a cue at all (a superset of _find_cues' own fast-path test), the others are skipped
        ns = len(sents)
        per_cues: list[Sequence[Cue]] = [()] * ns  # (read only)
        masked_list: list[str | None] = [None] * ns
        flagged, scan_words = triggers
        for i, hit in flagged.items():
            t = sents[i].text
            masked_t = _mask(t, starts[i], spans_by_sent[i])
            masked_list[i] = masked_t
            if names is not None:
                names.pos = starts[i] + len(t)
            if len(t) < 5000:
                per_cues[i] = self._find_cues(t, masked_t, hit, scan_words.get(i))

        # quotation chains: attribute each chain to an adjacent cue
        chain_cue: dict[int, tuple[int, Cue]] = {}
        embedded_chain: set[int] = set()
        sent_of = _sentence_locator(starts, sents) if spans else None
        for q in spans:
            assert sent_of is not None  # (there are spans)
            for pos, side in ((q.close_at, "after"), (q.open_at, "before")):
                if pos < 0 or q.chain in chain_cue:
                    continue
                si = sent_of(pos)
                if si is None:
                    continue
                if side == "after":  # a cue right after the closing mark
                    cands = [si]
                    if si + 1 < len(sents) and not full[
                            pos + 1:starts[si] + len(sents[si].text)].strip(" ,.!?'\"”―—–-"):
                        nxt = sents[si + 1].text
                        if len(nxt.split()) <= 6 or any(c.rule == "dash_credit"
                                                        for c in per_cues[si + 1]):
                            cands.append(si + 1)  # “…” | ― Name   /  “…”  | he said.
                    for sj in cands:
                        st = starts[sj]
                        for c in per_cues[sj]:
                            if c.kind == "refusal":
                                continue
                            a0 = st + min(c.s_start, c.c_start)
                            if a0 >= pos:
                                gap = full[pos + 1:a0]
                                if _RE_AFTER_GAP.fullmatch(gap):
                                    chain_cue[q.chain] = (sj, c)
                                    break
                        if q.chain in chain_cue:
                            break
                    continue
                # a cue right before the opening mark
                st = starts[si]
                for c in per_cues[si]:
                    if c.kind == "refusal":
                        continue
                    a1 = st + max(c.s_end, c.c_end)
                    if a1 <= pos:
                        gap = full[a1:pos]
                        if len(gap) <= 60 and _RE_GAP_BEFORE.fullmatch(gap):
                            chain_cue[q.chain] = (si, c)
                            if not _RE_GAP_PUNCT_END.search(gap):
                                embedded_chain.add(q.chain)  # "said that “…”": partial
                            break

        # which chain covers most of each sentence
        sent_chain: list[int | None] = [None] * len(sents)
        sent_quoted: list[float] = [0.0] * len(sents)
        for i, qs in enumerate(all_spans_by_sent):
            if not qs:
                continue  # no quotation overlaps the sentence: nothing of it is inside one
            s, st = sents[i], starts[i]
            ln = max(1, len(s.text.strip()))
            best, best_len = None, 0
            for q in qs:
                ov = min(q.end, st + len(s.text)) - max(q.start, st)
                if ov > best_len:
                    best, best_len = q.chain, ov
            total = inside.count(1, st, st + len(s.text))
            sent_quoted[i] = total / ln
            sent_chain[i] = best

        # a release in a government's own voice: the writer says "we"/"our" outside quotations
        # in at least two sentences that cite no one (codebook rule 7)
        # (worked out only when a sentence needs it)
        own_voice: bool | None = None

        # pass 2: decide each sentence in order, with coreference (the cues of pass 1 hold
        # a bare surname only after its full name)
        if names is not None:
            names.pos = len(full)
        mem = EntityMemory(full)
        out: list[Attribution] = []
        held_carry: dict[tuple[int, str], Attribution] = {}
        chain_attr: dict[int, Attribution] = {}
        last_quote_attr: Attribution | None = None
        last_quote_para = -10
        whole_statement: Attribution | None = None
        label_attr: Attribution | None = None
        label_para_only = False  # label_attr holds its paragraph only (a question, a lone label)
        transcript: bool | None = None  # labelled turns come back (worked out when needed)
        label_para = -1
        # turn labels of journalists, who introduced themselves with their outlet
        journalists: dict[str, MentionType] = {}
        for i, s in enumerate(sents):
            t = s.text
            para = para_ids[i]
            cues = per_cues[i]
            chain = sent_chain[i]
            if t[:1] in "([" and _RE_STAGE_DIRECTION.fullmatch(t):
                # "(Laughter.)", "[Applause]": the transcriber's note, no one's words
                out.append(UNATTRIBUTED)
                continue
            if whole_statement is None and ("Below " in t or "Here " in t or "following" in t) \
                    and label_attr is None:
                lm_ = _STATEMENT_LIST.match(t)
                sp = (lm_.group("sp") or lm_.group("sp2") or "") if lm_ else ""
                mt = lex.classify(sp) if sp else None
                if mt is not None and mt.source_type and mt.person:
                    assert lm_ is not None  # (sp, hence mt, comes from its match)
                    # "Below are Putin’s key statements": the list that follows is his
                    sp_short = _shorten_named(sp, lex)
                    off = t.find(sp_short)
                    whole_statement = self._make(
                        mem, sp_short, mt, off, off + len(sp_short), lm_.group().strip(),
                        lm_.start(), lm_.end(), "statement_attributed", "continuation", "")
                    out.append(UNATTRIBUTED)
                    continue
            if not cues and chain is None and whole_statement is None and label_attr is None \
                    and i > 0 and ":" not in t and " by " not in t:
                # fast path: nothing here can attribute the sentence (but its first person
                # may go on with the previous sentence's speaker)
                prev = out[i - 1]
                out.append(UNATTRIBUTED if prev.source_type == "unattributed" else
                           self._first_person_goes_on(t, prev, para - para_ids[i - 1],
                                                      sents[i - 1].text))
                continue
            mk = masked_list[i]
            if mk is None:
                # a sentence without cues: its masked text is only searched for
                # "attributed to" and " by " below (masking never creates them)
                mk = _mask(t, starts[i], spans_by_sent[i]) if (
                    "ttributed to" in t or " by " in t) else t
            # statement attributed as a whole
            wm = _STATEMENT_WHOLE.search(mk) if "ttributed to" in mk else None
            if wm is None and "following" in mk:
                wm = _STATEMENT_FROM.match(mk) or _STATEMENT_BY.match(mk)
            if wm:
                sp = wm.group(1).strip().rstrip(":.").strip()
                mt = lex.classify(sp)
                if mt.source_type:
                    sp_short = _shorten_named(sp, lex)
                    off = t.find(sp_short, wm.start(1))
                    if wm.re is _STATEMENT_WHOLE:
                        # the cue's span is the words "attributed to" ("The following
                        # statement is attributed to X:"), as its text says
                        c0 = wm.start() + wm.group().lower().find("attributed")
                        c0, c1 = _trimmed(t, c0, wm.start(1))
                        cue_txt = t[c0:c1]
                    else:
                        c0 = wm.end(1) if wm.re is _STATEMENT_BY else wm.start()
                        c1 = wm.end() if wm.re is _STATEMENT_BY else wm.start(1)
                        c0, c1 = _trimmed(t, c0, c1)
                        cue_txt = t[c0:c1]
                    a = self._make(mem, sp_short, mt, off, off + len(sp_short), cue_txt,
                                   c0, c1, "statement_attributed", "direct", "",
                                   appositive=sp if sp_short != sp else "")
                    whole_statement = a
                    out.append(a)
                    continue
            # transcript labels ("SECRETARY BLINKEN:") at the start of a paragraph
            lm = _LABEL.match(t) if (i == 0 or para_ids[i - 1] != para) else None
            if label_para_only and para != label_para:
                # a question ("Q:", "QUESTION:") holds its own paragraph only: the answer is
                # someone else's; so does a label no other paragraph repeats ("BOOM: Trump
                # fired ...", "Grandkids: It was ...") or a section's lead-in among others
                # ("The Gap Goes On: ..."), unless it names a speaker: a headline, not a
                # transcript's turn
                label_attr, label_para_only = None, False
            if lm and not _NOT_SPEAKER_LABEL.match(lm.group(1).strip()) or (
                    lm and _QUESTION_LABEL.match(lm.group(1).strip())):
                lab = lm.group(1).strip()
                if _QUESTION_LABEL.match(lab):
                    # the interviewer's turn is the outlet's (codebook: media); someone in the
                    # audience asking speaks for themselves
                    qtype = "other" if lab.lower() == "audience member" else "media"
                    a = Attribution(qtype, lab, lab, ":", "direct", "", False, "unknown",
                                    "transcript_label", lm.start(1), lm.end(1), lm.end(1),
                                    lm.end(1) + 1)
                    label_attr, label_para, label_para_only = a, para, True
                    out.append(a)
                    continue
                mt = lex.classify(lab.title())
                if mt.source_type and len(lab) > 1:
                    a = self._make(mem, lab, mt, lm.start(1), lm.end(1), ":", lm.end(1),
                                   lm.end(1) + 1, "transcript_label", "direct", "",
                                   classify_as=lab.title())
                    if transcript is None:
                        transcript = _label_paragraphs(sents, para_ids)
                    label_attr, label_para = a, para
                    label_para_only = not transcript and not self._names_a_speaker(mt)
                    out.append(a)
                    continue
            # mixed-case speaker labels of transcripts ("Vladimir Putin: Citizens of Russia, ...")
            brk = t[:1] in "* " and _SECTION_BREAK.match(t) is not None
            if (i == 0 or para_ids[i - 1] != para or label_attr is not None or brk) \
                    and ":" in t[:80]:
                pm = _PERSON_LABEL.match(t)
                rest = t[pm.end():].rstrip() if pm else ""
                # not a lone headline: the label's paragraph goes on, or a transcript is running
                multi = (i + 1 < len(sents) and para_ids[i + 1] == para) or label_attr is not None
                # (after a section break a turn may open with a greeting: "Good evening!")
                if pm and rest[-1:] in ".?!…\"”" and len(rest.split()) >= 3 - brk and multi:
                    lab = pm.group(1).strip()
                    mt = journalists.get(lab) or lex.classify(lab)
                    if mt.source_type != "media" and (im := _SELF_INTRO.match(rest)) and \
                            set(im.group(1).split()) <= set(lex.name_tokens(lab)) and \
                            _OUTLET_ONLY.fullmatch(im.group(2).strip()):
                        # "Pavel Zarubin: Pavel Zarubin, Rossiya TV Channel." a journalist's
                        # turn at a press conference (and the label's later turns): media.
                        # The label's own name, then an outlet and nothing else (not "President
                        # X: President Biden, in an interview with CNN, said ...")
                        om = lex.classify(im.group(2).strip())
                        if om.source_type == "media" and mt.person and mt.named:
                            mt = journalists[lab] = replace(
                                mt, source_type="media", outlet=om.outlet or im.group(2).strip())
                    if mt.person and mt.source_type in ("named_official", "expert", "other",
                                                        "media") \
                            and not _NOT_SPEAKER_LABEL.match(lab):
                        a = self._make(mem, lab, mt, pm.start(1), pm.end(1), ":", pm.end(1),
                                       pm.end(1) + 1, "transcript_label", "direct", "")
                        if transcript is None:
                            transcript = _label_paragraphs(sents, para_ids)
                        label_attr, label_para = a, para
                        label_para_only = not transcript and not self._names_a_speaker(mt)
                        out.append(a)
                        continue
            # "This was stated by X": the sentence and its paragraph's earlier sentences
            sm = self._stated_by.match(mk) if " by " in mk else None
            if sm and (not cues or all(
                    _RE_CORRESPONDENT.search(c.speaker) or
                    lex.classify(c.speaker).source_type == "media" for c in cues)):
                # (", an Ukrinform correspondent reports": the outlet relays the one named)
                sp = _RE_TIME_TAIL.sub("", _RE_CHANNEL_TAIL.sub("", sm.group(1))).strip()
                app = (sm.group(2) or "").strip()
                # "by the head of the delegation, David Arakhamia": the name speaks
                mt = lex.classify(sp, app) if app and _NAME_ONLY.match(app) else lex.classify(sp)
                app_mt = lex.classify(app) if (
                    app and not mt.named and not _NAME_ONLY.match(app)) else None
                if app_mt is not None and app_mt.named and app_mt.source_type in (
                        "named_official", "expert"):
                    # "by Head of the delegation, Head of the X faction David Arakhamia": a
                    # second title with the name; the named person speaks
                    mt, sp_short, app = app_mt, _shorten_named(app, lex), sp
                    off = t.find(sp_short, sm.start(2))
                elif mt.source_type:
                    name, role, s0 = _name_over_role(lex, sp, sm, mt)
                    if role == sp:  # the role's bare name after it
                        sp_short, off, app = name, s0, role
                    else:
                        sp_short = _shorten_named(sp, lex)
                        off = t.find(sp_short)
                        app = sp if sp_short != sp else ""
                if mt.source_type:
                    c0, c1 = _trimmed(t, sm.start(), sm.start(1))
                    a = self._make(mem, sp_short, mt, off, off + len(sp_short), t[c0:c1],
                                   c0, c1, "stated_by", "indirect", "", appositive=app)
                    for j in range(i - 1, -1, -1):
                        if para_ids[j] != para or out[j].source_type != "unattributed":
                            if j == i - 1 and para - para_ids[j] == 1 and out[j] is UNATTRIBUTED \
                                    and (j == 0 or para_ids[j - 1] != para_ids[j]):
                                out[j] = _carry(a, "continuation", "stated_by")  # a lead
                            break
                        out[j] = _carry(a, "continuation", "stated_by")
                    out.append(a)
                    continue
            # headline "Source: claim"
            if i == 0 and (not cues or min(c.s_start for c in cues) > t.find(":")):
                hm = _HEADLINE.match(t)
                if hm and not _NOT_SPEAKER_LABEL.match(hm.group(1).strip()) and \
                        "," not in hm.group(1) and len(hm.group(1).split()) <= 6:
                    sp = hm.group(1).strip()
                    mt = lex.classify(sp)
                    if mt.source_type:
                        a = self._make(mem, sp, mt, hm.start(1), hm.end(1), ":", hm.end(1),
                                       hm.end(1) + 1, "headline_colon", "indirect", "")
                        out.append(a)
                        continue
            if cues and ((whole_statement is not None and label_attr is None) or (
                    label_attr is not None and label_para_only and para == label_para and
                    label_attr.source_type == "media")):
                # a readout's own report of what someone said ("The Secretary conveyed that
                # ...") is that speaker's (chain rule); "I"/"we" are the statement's author;
                # so is an interviewer's relaying of it ("The President also said ...")
                c = self._primary(cues, t)
                if c.kind == "speech" and c.rule == "subject_verb" and not c.subordinate and \
                        c.speaker.lower() not in ("i", "we", "you") and (
                        _main_clause_subject(mk, c) or
                        _RE_PERCEIVED.fullmatch(mk, 0, c.s_start) is not None):
                    whole_statement_inner = True
                else:
                    whole_statement_inner = False
            else:
                whole_statement_inner = False
            if not whole_statement_inner and (whole_statement is not None or (
                    label_attr is not None and para >= label_para)):
                # inside a statement attributed as a whole or a transcript turn, the label's
                # speaker speaks every sentence, including the ones that report others
                held = whole_statement or label_attr
                assert held is not None  # one of the two is set (the test above)
                rule = "statement_attributed" if whole_statement is not None else "transcript_label"
                key = (id(held), rule)
                carried = held_carry.get(key)
                if carried is None:  # the same held source for every sentence: build it once
                    carried = held_carry[key] = _carry(held, "continuation", rule)
                out.append(carried)
                continue
            if cues and t[-1:] == "?" and _RE_WH_QUESTION.match(t) and chain is None and \
                    '"' not in t and "“" not in t:
                cues = ()  # "What has Zelenskiy said?": a subheading asks, no one speaks
            if cues:
                c = self._refine(self._primary(cues, t))
                via = c.via or self._via(t, mk, c, cues)
                mt = lex.classify(c.speaker, c.appositive)
                if c.cue in self.lex.words.stance_present and c.rule == "subject_verb" and \
                        mt.source_type == "institution" and not mt.roles and \
                        lex._is_country(c.speaker) and _main_clause_subject(mk, c) and (
                        own_voice if own_voice is not None else
                        (own_voice := _own_voice(full, sents, per_cues, sent_chain))):
                    # "The United States strongly condemns ..." in a release written as "we":
                    # the government's own voice, not a source it cites
                    out.append(UNATTRIBUTED)
                    continue
                mode = "indirect"
                if chain is not None and chain in chain_cue and chain_cue[chain][0] == i:
                    mode = "partial" if chain in embedded_chain else "direct"
                elif chain is not None and sent_quoted[i] >= 0.5 and chain not in chain_cue:
                    mode = "direct"
                elif inside.find(1, starts[i], starts[i] + len(t)) >= 0:
                    mode = "partial"
                speaker = c.speaker
                if mt.source_type == "media" and c.rule != "outlet_cited" and not via:
                    via = ""
                rule = c.rule if c.kind != "refusal" else "declined_to_comment"
                if c.kind == "cognition":
                    rule = "cognition_" + rule
                if speaker.strip().lower() in PRONOUNS and c.s_start > 3:
                    self._note_antecedent(mem, mk[:c.s_start], speaker.strip().lower())
                elif speaker.strip().lower() in ("they", "both") and i > 0 and \
                        para - para_ids[i - 1] <= 1:
                    self._note_pair(mem, sents[i - 1].text)
                a = self._make(mem, speaker, mt, c.s_start, c.s_end, c.cue, c.c_start, c.c_end,
                               rule, mode, via, appositive=c.appositive)
                if c.group:
                    # the whole list, for a later "they" ("Putin and Lavrov said ... They
                    # added"); no names or roles, so that "Putin" or "the minister" later
                    # finds the person
                    mem.add(c.group, MentionType(a.source_type, a.side, False, a.anonymous, False),
                            a.source_type, a.side, a.anonymous)
                for o in cues:
                    # later speakers of the same sentence are the most recent mentions
                    # ("… say X. “…,” said Andy Mok, a fellow at …" -> a later "he" is Mok)
                    if o is not c and o.s_start > c.s_end and o.speaker.lower() not in PRONOUNS \
                            and o.kind in ("speech", "cognition"):
                        self._remember(mem, o)
                if c.rule == "subject_verb" and c.kind == "speech" and i > 0 and \
                        (out[i - 1] is UNATTRIBUTED or (
                            # "The Foreign Ministry expects ... | Foreign Ministry spokesperson
                            # X said this": the body's words are its spokesperson's
                            out[i - 1].source_type == "institution" and
                            a.source_type in ("named_official", "unnamed_official") and
                            out[i - 1].speaker_start >= 0 and
                            content_words(out[i - 1].speaker) <= content_words(c.speaker))) and (
                            para_ids[i - 1] == para or (
                            # a lead that is a paragraph of its own
                            para - para_ids[i - 1] == 1 and
                            (i == 1 or para_ids[i - 2] != para_ids[i - 1]))) and \
                        _SAID_THIS.match(mk, c.c_end) and (_main_clause_subject(mk, c) or (
                            c.appositive and mk[:c.s_start].strip() == c.appositive)):
                    # "X emphasized this during ...": the sentence before is X's (a lead
                    # attributed afterwards)
                    out[i - 1] = _carry(a, "continuation", "stated_by")
                if chain is not None and chain in chain_cue and chain_cue[chain][0] == i:
                    chain_attr[chain] = a
                if chain is not None and chain in chain_cue or mode in ("direct", "partial"):
                    last_quote_attr, last_quote_para = a, para
                out.append(a)
                continue
            # a sentence inside a quotation (not one that only opens with a quoted word or
            # two: "'Stoic' driver identified in crash")
            if chain is not None and _starts_inside(inside, starts[i], t) and not (
                    sent_quoted[i] < 0.35 and _quoted_words_only(all_spans_by_sent[i][0], full,
                                                                 starts[i] + len(t))):
                if chain in chain_attr:
                    a = _carry(chain_attr[chain], "continuation", "quote_continuation")
                elif chain in chain_cue:
                    si, c = chain_cue[chain]
                    if si > i:
                        # attribution comes later (“…. …,” the spokesperson said.): resolve it now
                        mt = lex.classify(c.speaker, c.appositive)
                        a = self._peek(mem, c, mt)
                        a = _carry(a, "continuation", "quote_attributed_later")
                    else:
                        a = _carry(out[si], "continuation", "quote_continuation")
                elif (i == 0 or para_ids[i - 1] != para) and (
                        i + 1 == len(sents) or para_ids[i + 1] != para) and \
                        len(t.split()) <= 10 and \
                        t.rstrip(" ’”'\"»")[-1:] not in (".", "?", "!", "…", ",", ";", ":"):
                    # "‘Undermanned, inexperienced units’" alone in its paragraph, no
                    # sentence end: a subheading quoting the text, no one's new words
                    a = UNATTRIBUTED
                elif i > 0 and out[i - 1].source_type != "unattributed" and \
                        para - para_ids[i - 1] <= 1 and (
                        last_quote_attr is None or para - last_quote_para > 2 or
                        out[i - 1].quote_mode == "indirect"):
                    # a quotation after a sentence that reports its speaker's words: the
                    # speaker's ("Talbott described the Russian attitude. | “Many Russians
                    # see ...”"), not an earlier quotation's
                    a = _carry(out[i - 1], "continuation", "quote_after_attribution")
                    chain_attr[chain] = out[i - 1]
                elif last_quote_attr is not None and para - last_quote_para <= 2:
                    a = _carry(last_quote_attr, "continuation", "quote_previous_speaker")
                    chain_attr[chain] = last_quote_attr
                else:
                    a = UNATTRIBUTED
                if a.source_type != "unattributed":
                    last_quote_para = para
                    last_quote_attr = chain_attr.get(chain, last_quote_attr)
                out.append(a)
                continue
            if whole_statement is not None:
                out.append(_carry(whole_statement, "continuation", "statement_attributed"))
                continue
            if label_attr is not None and para >= label_para:
                out.append(_carry(label_attr, "continuation", "transcript_label"))
                continue
            out.append(self._first_person_goes_on(mk, out[i - 1], para - para_ids[i - 1],
                                                  sents[i - 1].text)
                       if i > 0 and chain is None else UNATTRIBUTED)
        if "ccording to" in full:
            _according_points_back(sents, para_ids, out)
        return out

    def _first_person_goes_on(self, t: str, prev: Attribution, para_gap: int,
                              prev_text: str = "") -> Attribution:
        """A sentence that names no source but speaks in the first person plural ("That is why
        our state needs allies") right after a sentence of the same paragraph that reports an
        official's or expert's words indirectly ("The adviser noted that ...") goes on with
        that speaker's account; else UNATTRIBUTED."""
        if prev.source_type != "unattributed" and prev_text.rstrip()[-1:] in (";", ":") and \
                para_gap <= 1 and prev.speaker:
            # the sentence before stopped at a semicolon or colon ("... suggested that the plan
            # includes X; | Y; and Z."): the same report goes on
            return _carry(prev, "continuation", "list_goes_on")
        if para_gap <= 1 and prev.source_type == "institution" and t.startswith("It ") and \
                _RE_IT_IS_NOTED.match(t) and self.lex.is_document(prev.speaker):
            # "According to the resolution, ... It is noted that ...": an agentless report
            # right after a document's goes on relaying the document (rule 6); a release's
            # own "It was noted that" (no document before it) stays the writer's
            return _carry(prev, "continuation", "document_goes_on")
        if para_gap or prev.quote_mode != "indirect" or prev.source_type not in (
                "named_official", "unnamed_official", "expert") or prev.source_rule not in (
                "subject_verb", "according_to", "clause_then_inverted", "stated_by"):
            return UNATTRIBUTED
        if _RE_FIRST_PERSON.search(t) is None:
            return UNATTRIBUTED
        return _carry(prev, "continuation", "first_person")

    # -------------------------------------------------------------------------------------

    def _names_a_speaker(self, mt) -> bool:
        """Whether a mention names its speaker by a role or a known person's name
        ("President of Russia Vladimir Putin", "ZELENSKY"), not just a capitalised word."""
        return bool(mt.roles) or any(self.lex.side_kind.get(n) == "person"
                                     for n in mt.name_tokens)

    def _primary(self, cues: Sequence[Cue], t: str = "") -> Cue:
        """The cue that decides the sentence: the first speech cue; an outlet named only in
        "according to <outlet>" gives way to a speaker elsewhere in the sentence, and so does
        a relay of an earlier statement ("The Fatah official said Hamas had said ...": the
        claim's original source is Hamas)."""
        if len(cues) == 1:
            return cues[0]  # what the rules below choose from one cue
        order = _KIND_ORDER
        pool: Sequence[Cue] = [c for c in cues if not (
            c.rule == "according_to" and self.lex.classify(c.speaker).source_type == "media")]
        pool = pool or cues
        if len(pool) > 1 and any(c.rule == "subject_verb" and c.kind == "media" or
                                 _RE_CORRESPONDENT.search(c.speaker) for c in pool):
            # "This was reported by the regional administration, an Ukrinform correspondent
            # reports", "..., X said, Reuters reports": the outlet relays, X speaks (chain rule)
            rest = [c for c in pool if not _RE_CORRESPONDENT.search(c.speaker) and not (
                c.kind == "media" and self.lex.classify(c.speaker).source_type == "media")]
            pool = rest or pool
        cited = [c for c in pool if c.rule == "outlet_cited"]
        if cited:
            return cited[0]
        if t and _any_negated(pool, t):
            # "Israeli forces did not say how many ..., although officials had said it was
            # two": a speaker who says nothing gives way to one who says something, as one
            # who declines to comment does
            def rank(c: Cue) -> int:
                k = order.get(c.kind, 3)
                return 2 if k == 0 and _RE_NEG_BEFORE.search(t, max(0, c.c_start - 24),
                                                                c.c_start) else k
        else:
            def rank(c: Cue) -> int:
                return order.get(c.kind, 3)
        first = min(pool, key=lambda c: (rank(c), c.subordinate,
                                         c.rule in ("gerund", "conjoined"),
                                         min(c.s_start, c.c_start)))
        if first.kind == "speech" and first.rule == "subject_verb" and \
                first.cue.split(None, 1)[0].lower() in self.lex.words.topic_verbs:
            # "Putin spoke about ..., the Kremlin said", "Koffler pointed to a comment from
            # Medvedev, who suggested ...": what was said is the later speaker's (chain rule)
            for c in sorted(pool, key=lambda c: c.c_start):
                if c.c_start > first.c_end and c.kind == "speech" and \
                        c.speaker.lower() not in PRONOUNS and \
                        self.lex.classify(c.speaker).source_type not in ("", "media"):
                    return replace(c, subordinate=False)
        fst = self.lex.classify(first.speaker).source_type
        if fst == "institution" and first.kind == "speech":
            # "The ministry stressed ..., spokesperson Oleg Nikolenko told Reuters": the body's
            # words come from its spokesperson, who is their speaker (chain rule)
            for c in pool:
                if c.c_start > first.c_end and c.kind == "speech" and not c.subordinate:
                    mt = self.lex.classify(c.speaker, c.appositive)
                    if mt.person and mt.source_type in ("named_official", "unnamed_official") \
                            and self.lex.words.spokes_roles.intersection(mt.roles):
                        return c
        if fst == "media":
            # "Postimees reported that Estonian companies had reported damage": the claim's
            # original source speaks, the outlet relays it
            inner = [c for c in pool if c.c_start > first.c_end and c.kind == "speech" and
                     c.rule == "subject_verb" and c.subordinate and
                     self.lex.classify(c.speaker).source_type not in ("", "media")]
            if inner:
                return replace(inner[0], via=_outlet_name(first.speaker, self.lex),
                               subordinate=False)
        elif t and first.kind == "speech" and first.rule == "subject_verb" and len(pool) > 1:
            ends = [b.c_end for b in pool if b.s_start == first.s_start and b.kind == "speech"]
            for c in pool:
                if c.s_start > first.s_end and c.rule == "subject_verb" and c.kind == "speech" \
                        and any(0 <= c.s_start - e <= 6 for e in ends) and \
                        _RE_PLUPERFECT.match(t, c.s_end, c.c_start) and \
                        not _RE_SAID_NOTHING.match(t, c.c_end) and \
                        self.lex.classify(c.speaker).source_type not in ("", "media"):
                    return replace(c, subordinate=False)  # "said Hamas had said"
        return first

    def _refine(self, c: Cue) -> Cue:
        """The speaker span cut to its source: a document's issuer ("a survey conducted by
        the Rating polling firm" -> the firm, codebook rule 6) and an indefinite head without
        its modifier ("a western diplomat among official observers" -> "a western diplomat")."""
        sp = c.speaker
        if " by " in sp and c.rule == "according_to":  # ("A report by X warned": the report)
            m = _RE_DOC_ISSUER.search(sp)
            if m and self.lex.is_document(sp[:m.start()]):
                own = m.group(1)
                if self.lex.classify(own).source_type not in ("", "other"):
                    k = c.s_start + m.start(1)
                    return replace(c, speaker=own, s_start=k, s_end=k + len(own), appositive="")
        elif sp.lower().startswith(("a ", "an ")) and not c.appositive:
            m = _RE_INDEF_MODIFIER.search(sp)
            if m and m.start() > 2:
                head = sp[:m.start()].rstrip()
                if self.lex.classify(head).source_type:
                    return replace(c, speaker=head, s_end=c.s_start + len(head))
        return c

    def _via(self, text: str, masked: str, c: Cue, cues: Sequence[Cue]) -> str:
        """The outlet a claim was relayed through ("told Newsweek", "according to Interfax")."""
        lex = self.lex
        if lex.re_outlet is None:
            return ""
        if lex.classify(c.speaker).source_type == "media":
            return ""
        for o in cues:
            if o.rule == "according_to" and o is not c and lex.classify(o.speaker).source_type == "media":
                m = lex.re_outlet.search(o.speaker)
                return m.group() if m else o.speaker
        after = masked[c.c_end:c.c_end + 80]
        m = _interview_with(after) if c.cue not in ("told", "tells", "tell") else None
        if c.cue in ("told", "tells", "tell", "telling"):
            om = lex.re_outlet.match(_RE_LEADING_THE.sub("", after))
            if om:
                return om.group()
        if m:
            om = lex.re_outlet.match(after[m.end():])
            if om:
                return om.group()
        return ""

    def _peek(self, mem: EntityMemory, c: Cue, mt: MentionType) -> Attribution:
        """Attribution for a cue that appears later, without recording it in memory."""
        e = mem.resolve(c.speaker, mt, self.lex)
        st = _resolved_type(c.speaker, mt, e)
        canon = e.canonical if e else c.speaker
        side = mt.side if mt.side != "unknown" else (e.side if e else "unknown")
        anonymous = (e.anonymous if e is not None and not mt.named else mt.anonymous)
        return Attribution(st or "other", c.speaker, canon, c.cue, "continuation", c.via,
                           bool(anonymous), side, "quote_attributed_later")

    def _remember(self, mem: EntityMemory, c: Cue) -> None:
        """Record a speaker that does not decide its sentence, for later references."""
        mt = self.lex.classify(c.speaker, c.appositive)
        if not mt.source_type:
            return
        e = mem.resolve(c.speaker, mt, self.lex)
        if e is not None:
            mem.merge(e, c.speaker, mt)
        else:
            e = mem.add(c.speaker, mt, mt.source_type, mt.side, mt.anonymous)
            if c.appositive:
                e.words |= content_words(c.appositive)

    def _note_antecedent(self, mem: EntityMemory, prefix: str, pronoun: str) -> None:
        """"Western officials have been briefing ... and they say": remember the subject that
        opens the sentence, so that the pronoun after it resolves to it."""
        np = self._main_subject(prefix)
        if np is None:
            return
        sp = prefix[np[0]:np[1]].strip()
        if sp.lower() in PRONOUNS:
            return
        mt = self.lex.classify(sp)
        if not mt.source_type or (PRONOUNS.get(pronoun) == "person") != mt.person:
            return
        if mem.resolve(sp, mt, self.lex) is None:
            mem.add(sp, mt, mt.source_type, mt.side, mt.anonymous)

    def _note_pair(self, mem: EntityMemory, prev: str) -> None:
        """"Both Berg and Holub were asked ... Both ruled it out": two named people who are the
        previous sentence's subject are what a plural pronoun after it means."""
        if " and " not in prev:
            return
        np = self._main_subject(prev)
        if np is None:
            return
        sp = prev[np[0]:np[1]]
        if sp.startswith(("Both ", "both ")):
            sp = sp[5:]
        parts = sp.split(" and ")
        if len(parts) != 2:
            return
        mts = [self.lex.classify(p.strip()) for p in parts]
        if not all(mt.person and mt.named and mt.source_type for mt in mts):
            return
        for p, mt in zip(parts, mts, strict=True):
            e = mem.resolve(p.strip(), mt, self.lex)
            if e is not None:
                mem.merge(e, p.strip(), mt)
            else:
                mem.add(p.strip(), mt, mt.source_type, mt.side, mt.anonymous)

    def _make(self, mem: EntityMemory, speaker: str, mt: MentionType, s0: int, s1: int, cue: str,
              c0: int, c1: int, rule: str, mode: str, via: str, *, appositive: str = "",
              classify_as: str | None = None) -> Attribution:
        """Resolve the speaker against earlier mentions, record it, and build the Attribution."""
        lex = self.lex
        mention = classify_as or speaker
        e = mem.resolve(mention, mt, lex)
        st = mt.source_type
        side = mt.side
        anonymous = mt.anonymous
        if e is not None:
            st = _resolved_type(mention, mt, e)
            if side == "unknown":
                side = e.side
            anonymous = e.anonymous if not mt.named else False
            mem.merge(e, mention if mention.strip().lower() not in PRONOUNS else e.canonical, mt)
            canonical = e.canonical
        else:
            if not st:
                st = "named_official" if mt.person else "institution"
            if st == "named_official" and mt.name_tokens and not mt.roles:
                st = lex.type_from_context(mention, mt, mem.text, mem.government_context)
            elif st in ("named_official", "unnamed_official") and mt.roles and \
                    lex.role_type.get(mt.roles[0]) == "official" and len(mem.text) >= 300 and \
                    not mem.government_context() and lex.unknown_employer(mention, mt.roles[0]):
                st = "other"  # a business or sport story's "Vigin Blue spokesman"
            e = mem.add(mention, mt, st, side, anonymous)
            if appositive:
                e.words |= content_words(appositive)
                e.roles |= set(lex.classify(appositive).roles)
            canonical = mention
        if appositive and len(appositive) < 120:
            canonical = canonical  # the span stays the shortest naming mention
        return Attribution(st, speaker, canonical, cue, mode, via, bool(anonymous), side, rule,
                           s0, s1, c0, c1)

    @staticmethod
    def _paragraphs(sents: list[Sentence], full: str, starts: list[int]) -> list[int]:
        paras = [s.paragraph for s in sents]
        if len(set(paras)) > 1 or len(sents) < 2:
            return paras
        # all zero: recompute from blank lines in the text
        out, p = [], 0
        for i, st in enumerate(starts):
            if i > 0:
                gap = full[starts[i - 1]:st]
                if "\n" in gap[len(sents[i - 1].text):]:
                    p += 1
            out.append(p)
        return out


def _main_clause_subject(masked: str, c: Cue) -> bool:
    """The cue's speaker opens the sentence (after a quotation mark or an opening adverb)."""
    head = masked[:c.s_start].lstrip(" \"“‘'\x00")
    if not head:
        return True
    lead = _LEADING_JUNK.match(head)
    return lead is not None and lead.end() == len(head)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the whitespace at either end of ``text[start:end]``, so that a
    cue's span holds its words only (" provided the following readout" -> "provided ...")."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _label_paragraphs(sents: Sequence[Sentence], para_ids: Sequence[int]) -> bool:
    """Whether the article reads as a transcript: paragraphs open with speaker labels
    ("PUTIN:", "Q:", "Jan Kowal: ..."), and a label comes back or questions are labelled
    (distinct "Title: ..." lead-ins of sections are no transcript's turns)."""
    seen: set[str] = set()
    question = repeated = False
    for i, s in enumerate(sents):
        if i and para_ids[i - 1] == para_ids[i]:
            continue
        t = s.text
        if ":" not in t[:80]:
            continue
        lm = _LABEL.match(t) or _PERSON_LABEL.match(t)
        if lm is None:
            continue
        lab = lm.group(1).strip()
        if _QUESTION_LABEL.match(lab):
            question = True
        elif _NOT_SPEAKER_LABEL.match(lab):
            continue
        key = lab.lower()
        repeated = repeated or key in seen
        seen.add(key)
        if len(seen) > 1 and (repeated or question):
            return True
    return False


def _CUE_ORDER(c: Cue) -> tuple[int, int]:
    return c.c_start, c.s_start


def _outlet_name(mention: str, lex: SourceLexicon) -> str:
    m = lex.re_outlet.search(mention) if lex.re_outlet is not None else None
    return m.group() if m else mention


def _according_points_back(sents: list[Sentence], para_ids: list[int],
                           out: list[Attribution]) -> None:
    """"That's according to X": the claims just before are X's, the earlier sentences of
    its paragraph or, when it opens a paragraph, a short paragraph before it (a lead)."""
    for i, s in enumerate(sents):
        a = out[i]
        if i == 0 or a.source_rule != "according_to" or not _RE_THAT_ACCORDING.match(s.text):
            continue
        para = para_ids[i]
        if para_ids[i - 1] == para:
            js = [j for j in range(i - 1, -1, -1) if para_ids[j] == para]
        else:
            js = [j for j in range(i - 1, -1, -1) if para_ids[j] == para_ids[i - 1]]
            if len(js) > 3:
                continue
        if not all(out[j] is UNATTRIBUTED for j in js):
            continue
        for j in js:
            out[j] = _carry(a, "continuation", "according_to")


def _resolved_type(mention: str, mt: MentionType, e) -> str:
    """The source type of a mention that refers back to entity ``e`` (or None)."""
    st = mt.source_type
    if e is None:
        return st
    if not st or mention.strip().lower() in PRONOUNS:
        if mention.strip().lower() == "it" and e.source_type in (
                "named_official", "unnamed_official", "expert"):
            return "institution"  # "It claimed" after "an army spokesman": the body speaks
        return e.source_type  # "he" takes its antecedent's type
    if st == "named_official" and not mt.roles and (e.source_type in ("expert", "other", "media") or (
            e.source_type == "institution" and _NAME_ONLY.match(mention.strip()))):
        return e.source_type  # the surname of an earlier expert, a company's short name
    if st in ("unnamed_official", "named_official") and not mt.named and \
            e.source_type in ("unnamed_official", "named_official"):
        return e.source_type  # "the spokesperson" keeps its antecedent's type
    return st


def _shorten_named(sp: str, lex: SourceLexicon) -> str:
    """'Pentagon Press Secretary John Kirby' -> 'John Kirby' (the shortest naming span)."""
    names = lex.name_tokens(sp)
    if names:
        i = sp.find(names[0])
        j = sp.rfind(names[-1]) + len(names[-1])
        if i >= 0 and j > i:
            return sp[i:j]
    return sp


#: the auxiliaries, negations, reflexives and quantifiers between a subject and its verb
#: ("Moscow has not itself said", "They both said"); with the adverbs of
#: ``subject_adverbs`` in ``sourcing_words.toml`` they are ``SourceAttributor._aux_words``
_AUX_GRAMMAR = frozenset(
    "has have had was were is are will would could did does do been be not never "
    "himself herself itself themselves all both".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _is_ly_adverb(w: str, ly_nouns: frozenset[str]) -> bool:
    """A lower-case adverb in -ly before a verb ("similarly", "privately"), which ends
    the subject as an auxiliary does (``aux_words`` of ``_strip_aux`` lists the common
    ones); not a noun or adjective of ``ly_nouns`` ("the family said"). ``w`` as written:
    "Ganguly" is a name."""
    return len(w) > 5 and w.endswith("ly") and w.isalpha() and w.islower() and w not in ly_nouns


def _strip_aux(before: str, aux_words: frozenset[str], ly_nouns: frozenset[str]) -> int:
    """End of the subject in ``before`` (text up to a verb): drop auxiliaries and adverbs
    (``aux_words``: ``SourceAttributor._aux_words``; those in -ly but ``ly_nouns``)."""
    end = len(before.rstrip())
    while end > 0:
        if before[end - 1] == ")":
            k = before.rfind("(", max(0, end - 40), end)
            if k > 0:  # "Rep. Trey Gowdy (R-S.C.) said"
                end = len(before[:k].rstrip())
                continue
        k = before.rfind(" ", 0, end)
        w = before[k + 1:end].lower()
        if (w in aux_words or w.endswith(("n't", "n’t")) or
                _is_ly_adverb(before[k + 1:end], ly_nouns)) and not (
                w == "both" and not before[:k + 1].strip()):
            # (a negative contraction is an auxiliary: "Moscow didn't say")
            # ("They both said"; a "Both" that opens the clause is its subject)
            end = len(before[:k + 1].rstrip()) if k >= 0 else 0
            continue
        if w in _WEEKDAYS or w in ("week", "month"):
            k2 = before.rfind(" ", 0, max(0, k))
            prev = before[k2 + 1:k].lower() if k >= 0 else ""
            if prev in ("on", "last", "this"):
                end = len(before[:k2 + 1].rstrip()) if k2 >= 0 else 0
                continue
            if w in _WEEKDAYS:
                end = len(before[:k + 1].rstrip()) if k >= 0 else 0
                continue
        break
    return end


def _mask(t: str, st: int, spans: list[QuoteSpan]) -> str:
    """The sentence with quoted content blanked (\\x00) and every quote mark made straight."""
    if spans:
        parts, pos = [], 0
        n = len(t)
        for q in spans:
            a, b = max(q.start - st, pos), min(q.end - st, n)
            if a >= b:
                continue
            o = q.open_at - st
            if 0 <= o < a and o >= pos and t[o] in _SINGLE_MARKS and t[o + 1] != "'":
                # 'We will,' he said (not the first of two apostrophes: a double mark)
                parts.append(t[pos:o])
                parts.append('"')
                pos = o + 1
            parts.append(t[pos:a])
            parts.append(_MASK * (b - a))
            pos = b
            c = q.close_at - st
            if c == b and c < n and t[c] in _SINGLE_MARKS and t[c + 1:c + 2] != "'":
                parts.append('"')
                pos = c + 1
        parts.append(t[pos:])
        t = "".join(parts)
    if not t.isascii():  # (the curly marks are not ASCII)
        for mark in _CURLY_QUOTES:  # every quotation mark made straight (str.replace: C speed)
            if mark in t:
                t = t.replace(mark, '"')
    if "''" in t:
        t = t.replace("''", '""')
    return t


_ABBREV_MARK = "\u2024"  # one dot leader: same length, not a sentence end
#: titles, ranks and places abbreviated with a period, and any one capital letter (initials)
_ABBREVS = frozenset("Mr Mrs Ms Dr St Gov Sen Rep Gen Gens Lt Col Jr Sr Adm Capt Sgt Maj Brig Prof "
                     "Rev Cmdr Ft Mt Va Fla Calif Mass".split()
                     + list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _mark_abbrev_dots(s: str) -> str:
    """``s`` with the periods of abbreviations and initials replaced by _ABBREV_MARK,
    found from the periods out (str.find), not by a pattern tried at every character: a
    period is marked when the word before it is one of _ABBREVS, not preceded by a word
    character or a period, and some non-space follows."""
    last = len(s.rstrip()) - 1
    p = s.find(".", 0, last)
    hits = []
    while p >= 0:
        a = p
        lim = p - 6 if p > 6 else 0  # the longest word is five letters
        while a > lim and (s[a - 1].isalnum() or s[a - 1] == "_"):
            a -= 1
        if a < p and not (a > 0 and (s[a - 1].isalnum() or s[a - 1] in "_.")) and \
                s[a:p] in _ABBREVS or (
                    # the next initial of "G.K." / "N.C.": one capital after "X."
                    p - a == 1 and a > 1 and s[a - 1] == "." and s[a].isupper() and
                    s[a - 2].isupper() and (a == 2 or not s[a - 3].isalnum())):
            hits.append(p)
        p = s.find(".", p + 1, last)
    if not hits:
        return s
    parts, pos = [], 0
    for p in hits:
        parts.append(s[pos:p])
        parts.append(_ABBREV_MARK)
        pos = p + 1
    parts.append(s[pos:])
    return "".join(parts)


def _own_voice(full: str, sents: list[Sentence], per_cues, sent_chain) -> bool:
    """Whether the article is written as "we": two sentences that cite no one and have no
    quotation say "we"/"our"/"us"."""
    if _RE_FIRST_PERSON.search(full) is None:
        return False
    k = 0
    for i, s in enumerate(sents):
        if not per_cues[i] and sent_chain[i] is None and _RE_FIRST_PERSON.search(s.text):
            k += 1
            if k >= 2:
                return True
    return False


def _carry(a: Attribution, mode: str, rule: str) -> Attribution:
    """The same source for a sentence that does not name it itself."""
    return Attribution(a.source_type, a.speaker, a.speaker_canonical, a.cue, mode, a.via_outlet,
                       a.anonymous, a.side, rule)


def _quoted_words_only(q: QuoteSpan, full: str, end: int) -> bool:
    """Whether ``q`` (opening a sentence that ends at ``end``) only quotes a word or two
    ("'Stoic' driver identified", "“Fake news” is his phrase"): closed inside the sentence,
    at most three words, no clause punctuation before its closing mark."""
    if not q.closed or q.close_at >= end - 1:
        return False
    body = full[q.start:q.end].rstrip()
    return len(body.split()) <= 3 and body[-1:] not in ",.!?;:…"


def _starts_inside(inside: bytearray, st: int, t: str) -> bool:
    k = len(t) - len(t.lstrip())
    if st + k < len(inside) and inside[st + k]:
        return True
    # after the opening mark: “, ", ‘, ' or two apostrophes ('' as a double mark), or a ”
    # typed for “ (quotes.find_quotes reads it as an opener there)
    w = 2 if t.startswith("''", k) else 1 if t[k:k + 1] in "“\"‘'”" else 0
    return w > 0 and st + k + w < len(inside) and bool(inside[st + k + w])


def _spans_by_sentence(spans: list[QuoteSpan], sents: list[Sentence],
                       starts: list[int]) -> list[list[QuoteSpan]]:
    """The quotation spans overlapping each sentence (spans are sorted and disjoint)."""
    import bisect

    if not spans:
        return [[] for _ in sents]
    ends = [q.end for q in spans]
    out = []
    for s, st in zip(sents, starts, strict=True):
        b = st + len(s.text)
        j = bisect.bisect_right(ends, st)
        hits = []
        while j < len(spans) and spans[j].start < b:
            if spans[j].end > st:
                hits.append(spans[j])
            j += 1
        out.append(hits)
    return out


def _sentence_locator(starts: list[int], sents: list[Sentence]) -> Callable[[int], int | None]:
    import bisect

    ends = [st + len(s.text) for st, s in zip(starts, sents, strict=True)]

    def locate(pos: int) -> int | None:
        i = bisect.bisect_right(starts, pos) - 1
        if 0 <= i < len(starts) and pos <= ends[i]:
            return i
        return None

    return locate


# Characters that do not show (soft hyphen, zero-width characters): the framing scorer's list
_IN_WORD = HIDDEN_CHARS.replace("\u200b", "")  # the others are inside a word wherever they are


def _zwsp_spaces(t: str, entries: frozenset[str]) -> set[int]:
    """The offsets of the zero-width spaces of ``t`` that stand for a space between two words
    ("Kremlin|spokesman", "Zelensky|said", "|" the zero-width space), not a break inside one
    ("sa|id", "Zel|ensky", "nego|tiators"): the two pieces do not make one of the rule
    tables' one-word ``entries`` ("said", "Interfax", "spokesman") but one of them, of three
    letters or more, is one. Otherwise the space is read as nothing, as the framing scorer
    reads it on a tie."""
    out: set[int] = set()
    n = len(t)
    for m in ZWSP_IN_WORD_RE.finditer(t):
        i = a = m.start()
        while a > 0 and (t[a - 1].isalnum() or t[a - 1] in _IN_WORD):
            a -= 1
        b = i + 1
        while b < n and (t[b].isalnum() or t[b] in _IN_WORD):
            b += 1
        left = HIDDEN_RE.sub("", t[a:i]).lower()
        right = HIDDEN_RE.sub("", t[i + 1:b]).lower()
        if left + right not in entries and any(
            len(w) >= 3 and w in entries for w in (left, right)
        ):
            out.add(i)
    return out


def _without_hidden(
    sents: list[Sentence], text: str | None, entries: frozenset[str]
) -> tuple[list[Sentence], str | None, list[list[int] | None]]:
    """The sentences and the article text without hidden characters (``HIDDEN_RE``; a
    zero-width space between two words, ``_zwsp_spaces``, becomes a space), and for each
    sentence that lost some, the offset in its text of each character of the copy (and of
    its end; textio's ``without_hidden``); None for the others. A sentence that was
    ``text[start:end]`` is ``clean_text[start':end']`` of the copy."""

    def drop(t: str) -> tuple[str, list[int] | None]:  # the copy, its offsets if it lost some
        if HIDDEN_RE.search(t) is None:
            return t, None
        spaces = _zwsp_spaces(t, entries) if "\u200b" in t else frozenset()
        clean, pos = without_hidden(t, spaces)
        return clean, (pos if len(pos) <= len(t) else None)

    text_pos = None
    clean_text = text
    if text is not None and not text.isascii():
        clean_text, text_pos = drop(text)
    out: list[Sentence] = []
    positions: list[list[int] | None] = []
    for s in sents:
        t = s.text
        # (the characters of the copy before the sentence: those of the text before it)
        start = bisect_left(text_pos, s.start) if text_pos else s.start
        pos = None
        if not t.isascii():
            t, pos = drop(t)
        out.append(s if t is s.text and start == s.start else
                   Sentence(start, start + len(t), t, s.paragraph))
        positions.append(pos)
    return out, clean_text, positions


def _spans_back(a: Attribution, pos: list[int]) -> Attribution:
    """``a`` (found in a sentence's copy without hidden characters) with its speaker and cue
    spans mapped back to the sentence as given by ``pos`` (see ``_without_hidden``): a span
    keeps the hidden characters inside it, not those before or after it (textio's
    ``span_back``)."""
    s0, s1 = span_back(pos, a.speaker_start, a.speaker_end)
    c0, c1 = span_back(pos, a.cue_start, a.cue_end)
    if (s0, s1, c0, c1) == (a.speaker_start, a.speaker_end, a.cue_start, a.cue_end):
        return a
    return replace(a, speaker_start=s0, speaker_end=s1, cue_start=c0, cue_end=c1)


@lru_cache(maxsize=1)
def default_attributor() -> SourceAttributor:
    """The attributor with the shipped rule tables, built once per process."""
    return SourceAttributor()


def attribute_sentences(sentences: Sequence[Sentence], text: str | None = None) -> list[Attribution]:
    """Attribute the sentences of one article with the shipped rules (see :class:`SourceAttributor`)."""
    return default_attributor().attribute(sentences, text)
