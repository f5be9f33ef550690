"""Who a speaker mention is: its source type, side, and the fullest earlier mention.

Rules are data: reporting verbs, roles, institutions, outlets, the side
gazetteer and anonymity markers are CSV files in ``analysis/lexicons/``
(each extendable with a user's file of the same columns), the content words
the attribution rules look for are the named lists of ``sourcing_words.toml``
(``SourcingWords``; extendable with a TOML file of the same layout). No model is
downloaded: typing is by gazetteer and role words, and coreference goes
back to the nearest fitting earlier mention.

How the codebook's types are read (the rules below, in ``classify``):

- an official is someone speaking for a government, military, ministry,
  legislature, intergovernmental body *or an armed non-state party to the
  conflict* (institutions of kind ``militant``: "a senior Hamas official" is an
  unnamed official, "Hamas said" an institution);
- a role at a company, union, NGO, club ("a union official", "a Qantas
  spokesman", "the airline's chief executive") is ``other``, while the head of a
  public body ("IMF Managing Director X") is an official;
- bodies and peoples speaking as one are institutions: "the Palestinian
  leadership", "Palestinian police", "fire authorities", "the Israelis", "the
  Bush administration", "Mr Sharon's office", "Unions";
- a bare personal name with no role takes the role that introduced it earlier in
  the article ("Australian paceman Glenn McGrath" ... "McGrath said": ``other``);
  with no role anywhere, a name in an article without any government
  vocabulary (sport, business, a bushfire) is ``other``, otherwise a named
  official.

    >>> lex = SourceLexicon.load()
    >>> lex.classify("a State Department spokesperson").source_type
    'unnamed_official'
    >>> lex.classify("Russia's leading negotiator, Vladimir Medinsky").source_type
    'named_official'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import LexiconError
from .resources import Row, read_rule_table, read_word_lists
from .schema import SIDES, SOURCE_TYPES

#: rule table name -> (file, required columns, optional columns)
TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "reporting_verbs": ("reporting_verbs.csv", ("verb", "kind"), ("forms",)),
    "roles": ("roles.csv", ("term", "type"), ("unique", "plural")),
    "institutions": ("institutions.csv", ("name", "side"), ("kind",)),
    "outlets": ("outlets.csv", ("name", "side"), ("kind",)),
    "sides": ("sides.csv", ("term", "side", "kind"), ("type",)),
    "anonymity": ("anonymity.csv", ("pattern",), ("type",)),
}

VERB_KINDS = ("speech", "cognition", "media", "refusal", "comma_only", "evidence", "stative",
              "clausal", "stance")
ROLE_TYPES = ("official", "expert", "other", "media")
SIDE_KINDS = ("country", "capital", "demonym", "person")

PRONOUNS = {
    "he": "person", "she": "person", "they": "plural", "it": "thing",
    "we": "plural", "i": "person", "him": "person", "her": "person", "his": "person",
    "their": "plural", "them": "plural", "its": "thing", "both": "plural",
}


#: capitalised words of the closed classes of grammar (determiners, pronouns, conjunctions,
#: prepositions, numerals) that never start a personal name; with the content words of
#: ``not_name_words`` in ``sourcing_words.toml`` they are ``SourceLexicon.not_name``
_NOT_NAME_GRAMMAR = frozenset(
    """The A An This That These Those Some Many Most Both All Each Every Several Other Another
    It He She They We I His Her Their Its Our My Your You But And Or So Yet Nor Either Neither
    Although Though Because If Unless Whether Once Whenever Wherever While When Where Since
    Until As In On At For From With By Of To After Before During Against Despite Amid Amidst
    Under Over Through Within Without Across Around Beyond Behind Inside Outside Toward Towards
    Upon Via Near Along Among Between Why What Who How Yes No Not Ah Oh One Two Three Four Five
    Six Seven Eight Nine Ten""".split()
)

#: a capitalised run ending in a word of ``org_heads`` ("World Food Programme"): the pattern
#: of ``SourceLexicon.re_org_run``, with ``{heads}`` the alternation of those words
_ORG_RUN_PATTERN = r"\b[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|the|on)?\s*[A-Z][\w.&’'-]*)*\s+(?:{heads})\b"
#: an organisation's head word before the rest of its name ("the Commission on Presidential
#: Debates", "the Ministry of Emergency Situations"): ``SourceLexicon.re_org_of``
_ORG_OF_PATTERN = r"\b(?:{heads})\s+(?:of|for|on)(?:\s+the)?\s+[A-Z]"
_ACRONYM = re.compile(r"^\s*(?:[Tt]he\s+)?[A-Z]{2,6}\s*$")  # "the WFP": an organisation
_GENERIC_ORG = re.compile(
    r"(?i)^\s*(?:the|its|their|this|that|both|all|each)\s+(?:[\w’'-]+\s+){0,2}(?:fund|agency|court|committee|campaign|"
    r"company|commission|council|department|embassy|party|organi[sz]ation|group|firm|bank|union|"
    r"alliance|coalition|bloc|office|parliament|legislature|regime|senate|board|institute|"
    r"foundation|charity|centre|center|university|network|movement|side|sides|team|"
    r"airline|carrier|hospital|school|church|league|club|website|hospitals|agencies|panel|tribunal|"
    r"think[ -]?tank|watchdog|grid operator|network operator|system operator|regulator|service|"
    r"fleet|flotilla|observatory|utility)\s*$")
#: a body's name after a common noun saying what it is ("grid operator Ukrenergo", "the
#: state energy company Naftogaz", "the rights group Memorial")
_RE_KIND_THEN_NAME = re.compile(
    r"(?:^|\s)(?:grid operator|company|group|firm|agency|watchdog|utility|giant|producer|"
    r"maker|think[ -]?tank|organi[sz]ation|charity|foundation|monopoly|conglomerate|consortium|"
    r"manufacturer|regulator|service|newspaper|broadcaster|outlet|website)\s+"
    r"(?:[A-Z][\w&.’'-]*\s*){1,3}$")
_RE_MEDIA_KIND = re.compile(r"news\s+agency|newspaper|broadcaster|outlet|website")
#: government vocabulary (not "talks", "price war", "union officials"; "prime minister" is
#: found by "minister"), the commonest first: found by C-level ``str.find`` in the
#: lower-cased text, then checked as whole words
_GOVERNMENT_WORDS = ("government", "minister", "president", "military", "troops", "army",
                     "soldiers", "ministry", "administration", "parliament", "congress", "cabinet",
                     "ceasefire", "diplomats", "diplomat", "embassy", "ambassador", "envoy",
                     "senator", "premier", "militants", "militant")
#: the same words as one pattern, for text where ``str.lower`` and IGNORECASE differ
_RE_GOVERNMENT_CONTEXT = re.compile(r"(?i)\b(?:" + "|".join(_GOVERNMENT_WORDS) + r")\b")
#: the commonest of them as usually spelt, looked for in the text itself first
_GOVERNMENT_USUAL = ("government", "President", "minister", "Minister", "president", "military",
                     "Government", "troops", "army", "soldiers")


def _government_context(text: str) -> bool:
    """Whether an article uses any government vocabulary (``_RE_GOVERNMENT_CONTEXT``)."""
    if "ı" in text or "ſ" in text or "İ" in text:
        # IGNORECASE folds these to a letter of the words, ``str.lower`` does not (one to one)
        return _RE_GOVERNMENT_CONTEXT.search(text) is not None
    # most articles say one of the usual words as spelt: no lower-casing; else the lower-cased
    # text, which has the same length and offsets as ``text`` (no İ)
    return _whole_word_in(text, text, _GOVERNMENT_USUAL) or _whole_word_in(
        text.lower(), text, _GOVERNMENT_WORDS)


def _whole_word_in(hay: str, text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` occurs in ``hay`` (found by C-level ``str.find``) as a whole
    word, i.e. with no letter, digit or underscore of ``text`` (same offsets) either side."""
    n = len(text)
    for w in words:
        p = hay.find(w)
        while p >= 0:
            e = p + len(w)
            if (p == 0 or not (text[p - 1].isalnum() or text[p - 1] == "_")) and (
                    e >= n or not (text[e].isalnum() or text[e] == "_")):
                return True
            p = hay.find(w, p + 1)
    return False


_RE_TITLE_ABBREV = re.compile(r"\b(?:Rep|Sen|Gov|Gen|Col|Lt|Maj|Adm|Brig|Amb|Hon|Cmdr|Capt)\b\.?\s")
_RE_FELLOW_ADJ = re.compile(r"\s+(?!(?:at|of|with|in|for|from|and|who)\b)[A-Za-z]")
_TITLES = frozenset("Mr Mrs Ms Dr Prof President Prime Minister Sheikh Mullah General Gen".split())
#: titles that only go before a surname ("Senator Hill")
_NAME_TITLES = frozenset("Mr Mrs Ms Dr Prof Senator Sen Rep Representative Congressman "
                         "Congresswoman Governor Gov Judge Justice Mayor Ambassador".split())
#: the separators of a list of sources ("A, B and C", "A, B, and C", "A and B")
_RE_CONJ_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_CONJ_DETERMINERS = frozenset("the his her its their our a an other several some many".split())
_RE_CONJ_PREP = re.compile(r"\s(?:of|for|from|at|in|to|with|on|by)\s")
#: the kinds of conjunct (``SourceLexicon._conjunct_kind``) that may follow a first one
_CONJ_JOINS = {"person": ("person", "source", "fullname", "name"),
               "source": ("person", "source"),
               "fullname": ("person", "fullname")}
#: a later conjunct after a prepositional first one: a determiner and a common noun ("his
#: deputy", "the head of ..."; not "the University of X")
_RE_CONJ_DET_NOUN = re.compile(r"(?i:the|his|her|its|their|our|a|an|other|several|some|many)\s+[a-z]")
_RE_BARE_NAME = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*$")
#: titles of an office before a name (not "Mr", "Dr")
_OFFICE_TITLES = (_NAME_TITLES | _TITLES) - {"Mr", "Mrs", "Ms", "Dr", "Prof"}
_RE_ORG_TAIL = re.compile(r"(?:’s|'s)?\s+(?:administration|government|cabinet|regime|camp|office|"
                          r"Administration|Government|Cabinet|Regime|Presidency|"
                          r"team|leadership|movement|party|coalition|army|navy|air force|forces|"
                          r"police|ministry|presidency|delegation)\b")
_COLLECTIVE_ROLES = frozenset({"authorities"})
#: "of", "for", "of the" after an organisation's head word, before the rest of its name
_RE_OF_NAME = re.compile(r"\s(?:of|for|on)(?:\s+the)?\s(?=[A-Z])")
_RE_NAME_GOES_ON = re.compile(r"\s(?:(?:of|for|on|and)(?:\s+the)?\s)?(?=[A-Z])")
#: a place or name with a lower-case participle or adjective ("Moscow-installed")
_RE_HYPHEN_ADJ = re.compile(r"[A-Z][\w’']*-(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)"
                            r"[a-z][\w-]*")
#: a body named by its holder ("Zelensky's office", "the prosecutor general's office")
_RE_POSS_BODY = re.compile(r"(?:’s|'s)\s+(?:[a-z]+\s+)?(?:office|administration|government|"
                           r"cabinet|regime|press service|press office|secretariat|"
                           r"headquarters)\s*$")
#: bodies whose officers are no officials of a state ("a program officer at the Hewlett
#: Foundation", "director of the Center for ...")
_RE_NON_STATE_BODY = re.compile(r"(?i)\b(?:foundation|institute|cent(?:er|re)|university|"
                                r"think[ -]tank|endowment|host committee|consultancy|charity|"
                                r"company|firm|business|NGO|non-?profit|club)\b")
#: "deputy defence minister", "vice foreign minister": one of several, not the unique office
_RE_DEPUTY_BEFORE = re.compile(r"(?i)\b(?:deputy|vice|assistant|junior|under|shadow)[\s-]+"
                               r"(?:[\w’'-]+\s+)?$")
#: "who heads", "who leads": a head role in a relative clause
_RE_WHO_HEADS = re.compile(r"who\s+(?:now\s+|currently\s+)?(?:heads|directs|chairs)\b")
#: "the West", "the collective West": its states speaking as one (not "Marty West")
_RE_THE_WEST = re.compile(r"\s*[Tt]he\s+(?:[a-z]+\s+)?West\s*$")
#: members of a governing body ("a member of the delegation", "two members of the Duma")
_RE_MEMBER_OF_BODY = re.compile(
    r"(?i)^\s*(?:(?:a|an|one|two|three|four|five|several|some|many|other|the|senior|leading|"
    r"prominent|influential)\s+)*members?\s+of\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,3}?"
    r"(?:government|cabinet|delegation|negotiating\s+team|parliament|duma|rada|senate|congress|council|"
    r"committee|assembly|legislature|commission|administration|knesset|bundestag|politburo|"
    r"junta|leadership|presidium)\b")
#: a personal name right after a title ("Member of Parliament | John Smith")
_RE_NAME_NEXT = re.compile(r",?\s+(?-i:[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w’'-]+)")
_RE_CAP_RUN = re.compile(r",?\s+(?:[A-Z][\w’'.-]*(?:\s+|$))+")
#: words that end a body's name, not a person's (beside org_heads of sourcing_words.toml, which are capitalised)
_BODY_WORDS = frozenset("committee subcommittee council commission caucus faction group "
                        "party bloc delegation chamber panel board office".split())
#: who made a document or evidence ("estimates by Western officials", "data from the agency")
_RE_DOC_ISSUER = re.compile(r"\s+(?:by|from|(?:released|published|issued|compiled|provided|"
                            r"collected|gathered)\s+by)\s+(.{2,80})$")
#: a document's maker after it ("a report by the New York Times", "an investigation in")
_RE_BY_OUTLET = re.compile(r"\s(?:by|from|in|of)\s+(?:the\s+)?\S?$")
#: a relative clause giving a current office ("a retired general who heads the committee")
_RE_WHO_NOW = re.compile(r"(?i)\bwho\s+(?=(?:is|heads|chairs|serves\s+as|sits|now)\b)")
#: a current office after a former one ("former president, now deputy head of ...")
_RE_NOW = re.compile(r"(?i)\b(?:now|currently|current|presently)\b")
#: role words that are also adjectives before a noun ("fellow ministers", "local police")
_ADJ_ROLES = frozenset({"fellow", "local", "militant", "daily", "weekly"})
#: of those, the ones that are adjectives only before a lower-case noun ("daily briefing", not
#: "the Daily News")
_ADJ_ROLES_LOWER = frozenset({"daily", "weekly"})  # "militant group Lashkar-e-Toiba"
#: where a noun phrase's head ends and its post-modifier begins ("Unions representing
#: Qantas workers", "Police in Kabul")
_RE_POSTMOD = re.compile(r"\s(?:representing|from|of|in|at|for|with|across|around|near)\s")
#: a named person's organisation after the name ("Doug Cameron from the Workers Union")
_RE_NAME_ORG = re.compile(r"\s(?:from|of|at|with)\s+(.{2,80})$")
_COLLECTIVE = re.compile(
    r"(?i)^\s*(?:(?:the|its|their|both|all)\s+)?(?:[\w’'.-]+\s+){0,3}?(?:leadership|government|"
    r"administration|regime|unions|union|police|army|military|militia|navy|cabinet|parliament|"
    r"team|campaign|camp|party|coalition|movement|office|agencies|charities|groups|"
    r"organi[sz]ations|"
    r"countries|nations|governments|capitals|"
    r"junta|opposition|Republicans|Democrats|Israelis|Palestinians|Americans|Russians|Ukrainians|Pakistanis|Indians|"
    r"Afghans|Iraqis|Iranians|Syrians|Chinese|British|French|Germans|Europeans|Arabs)\s*$")
_PEOPLE_OF = re.compile(r"(?i)^\s*(?:one|a|an|two|three|four|several|some|many|other)\s+"
                        r"(?:[\w’'-]+\s+)?[A-Z][\w’'-]+\s*$")
_RE_PREP = re.compile(r"\s(?:of|with|at|for|from|in|on|to|by|who|which|that),?\s|,")
_PREPS = frozenset("of in at for from with to on by near across into".split())

_TOKEN_PRE = ("", "(", "“", '"', "—", "–")
_TOKEN_POST = ("", ",", ".", ":", ";", "?", "!", ")", "”", '"', ",”", '."', ".”", ',"', "—",
               "–", "’", "'", ".’", "…")
_WORD = re.compile(r"[A-Za-z][\w’'.\-]*")
_CAP_WORD = re.compile(r"\b[A-Z][\w’'\-]+(?:\.[A-Z]\.?)?")
#: the capitalised word before a surname ("George Kennan", "Fiona Hill"; a middle initial
#: between), searched up to the surname
_RE_FIRST_NAME = re.compile(r"(?<![\w’'.-])([A-Z][a-z][\w’'-]*(?:\s+[A-Z]\.)?)\s+$")
#: a capitalised word after the surname: an organisation's name ("Pew Research Center",
#: "Kennan Institute", "Kennan’s Institute"), or a word joined to it ("Hill-based")
_RE_NAME_RUNS_ON = re.compile(r"(?:’s|'s)?\s+[A-Z]|-\w")


@dataclass(frozen=True, slots=True)
class MentionType:
    """What a speaker mention is, from the mention (and its appositive) alone."""

    source_type: str  # one of SOURCE_TYPES, or "" when the mention names no source
    side: str
    named: bool  # names a person
    anonymous: bool
    person: bool  # refers to one person (pronoun 'he' can point to it)
    roles: tuple[str, ...] = ()
    name_tokens: tuple[str, ...] = ()
    outlet: str = ""


class ArticleNames:
    """The article being attributed: the surnames its full names give to people although
    they are words of organisations' names (``SourceLexicon.person_surnames``), and how far
    the attribution has read (``pos``: a full name before it counts as mentioned earlier).

    While it is :data:`ARTICLE_NAMES`' value, ``SourceLexicon.classify`` reads such a bare
    surname ("Kennan stated" after "George Kennan") as the named person, and gives the full
    name its surname among its name tokens (so that the bare one resolves to it)."""

    __slots__ = ("first", "pos")

    def __init__(self, first: dict[str, int]) -> None:
        self.first = first
        self.pos = 0

    def typed(self, mention: str, mt: MentionType) -> MentionType:
        """``mt`` (the article-free type of ``mention``) in this article."""
        m = mention.strip()
        at = self.first.get(m)
        if at is not None:
            if at >= self.pos or (mt.named and mt.person):
                return mt
            st = mt.source_type if mt.source_type in ("named_official", "expert", "other") else \
                "named_official"
            return MentionType(st, mt.side, True, False, True, mt.roles, (m,))
        if mt.named and mt.person and mt.name_tokens:
            last = m.rpartition(" ")[2].removesuffix("’s").removesuffix("'s")
            if last in self.first and last not in mt.name_tokens:
                return replace(mt, name_tokens=(*mt.name_tokens, last))
        return mt


#: the article being attributed, if it names a person by a word of an organisation's name
#: (set by ``SourceAttributor`` for one article; each thread has its own)
ARTICLE_NAMES: ContextVar[ArticleNames | None] = ContextVar("ARTICLE_NAMES", default=None)


def _trie(terms) -> str:
    """A regex body matching any of ``terms``, factored by common prefixes (fast in ``re``)."""
    root: dict = {}
    for t in terms:
        node = root
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(root)


def _case_variants(terms) -> dict[str, str]:
    """Spellings of lower-case terms as they appear in text -> the term."""
    out: dict[str, str] = {}
    for t in terms:
        t = t.lower()
        for v in (t, t[:1].upper() + t[1:], t.title(), t.upper(),
                  " ".join(w if w in ("of", "the", "for", "and") else w.capitalize()
                           for w in t.split()),
                  # an acronym first ("TV host")
                  t.split(" ", 1)[0].upper() + t[t.find(" "):] if 0 < t.find(" ") <= 3 else t):
            out.setdefault(v, t)
    return out


def _alternation(terms, *, after_ex: bool = False) -> re.Pattern[str] | None:
    """One compiled pattern for a gazetteer: whole words, the longest term first
    (``after_ex``: also right after "ex-", as in "the ex-president")."""
    terms = {t for t in terms if t}
    if not terms:
        return None
    before = r"(?:(?<![\w’'-])|(?<=\b[Ee]x-))" if after_ex else r"(?<![\w’'-])"
    return re.compile(rf"{before}(?:{_trie(terms)})(?![\w-])")


def _regular_forms(verb: str) -> list[str]:
    if " " in verb:
        return [verb]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith(("s", "sh", "ch", "x")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def _check(column: str, allowed: Collection[str]) -> Callable[[Row], str | None]:
    def validate(row: Row) -> str | None:
        v = row.get(column, "")
        if v and v not in allowed:
            return f"{column} {v!r} is not one of {', '.join(allowed)}"
        return None

    return validate


_VALIDATORS = {
    "reporting_verbs": _check("kind", VERB_KINDS),
    "roles": lambda r: _check("type", ROLE_TYPES)(r)
    or (None if r.get("unique", "") in ("", "yes", "no") else f"unique {r['unique']!r} is not yes/no"),
    "institutions": _check("side", SIDES),
    "outlets": _check("side", SIDES),
    "sides": lambda r: _check("side", SIDES)(r)
    or _check("kind", SIDE_KINDS)(r)
    or _check("type", ROLE_TYPES)(r),
    "anonymity": _check("type", SOURCE_TYPES),
}


#: the word lists of ``sourcing_words.toml`` (see its comments), each a frozenset of
#: ``SourcingWords``; a user's TOML file of the same layout extends them
#: (``extra["sourcing_words"]``)
WORDS_FILE = "sourcing_words.toml"
#: the lists whose entries may be phrases ("press secretary"); the others are matched
#: against one word of the text
_PHRASE_LISTS = frozenset({"spokes_roles", "stated_by_verbs"})
#: the lists whose entries may end in a comma (the word followed by one: "however,")
_COMMA_LISTS = frozenset({"subject_adverbs"})
#: the lists of capitalised words, compared as written ("President", "TV")
_CAPITALISED_LISTS = frozenset({"not_name_words", "org_heads"})
#: the lists whose entries may end in an abbreviation's period ("Mr.")
_PERIOD_LISTS = frozenset({"not_name_words"})


def _check_word(name: str, word: str) -> str | None:
    """Why ``word`` cannot be an entry of the list ``name`` of ``sourcing_words.toml``, or
    None: entries are lower case letters (hyphens, apostrophes), one word but in
    ``_PHRASE_LISTS``, with a final comma only in ``_COMMA_LISTS``; in
    ``_CAPITALISED_LISTS`` they start with a capital letter instead (a final period only in
    ``_PERIOD_LISTS``)."""
    if name in _CAPITALISED_LISTS:
        if not word[:1].isupper():
            return f"{word!r} is not capitalised (the rules compare words as written)"
    elif word != word.lower():
        return f"{word!r} is not lower case (the rules compare lower-case words)"
    if name not in _PHRASE_LISTS and " " in word:
        return f"{word!r} is not one word"
    body = word[:-1] if name in _COMMA_LISTS and word.endswith(",") else word
    if name in _PERIOD_LISTS and body.endswith("."):
        body = body[:-1]
    if not all(c.isalpha() or c in "-’' " for c in body) or "  " in body:
        return f"{word!r} holds a character other than a letter, hyphen or apostrophe"
    return None


@dataclass(frozen=True, slots=True)
class SourcingWords:
    """The word lists of ``sourcing_words.toml``, one frozenset each (``speech_nouns``,
    ``given_speech_nouns``, ``stated_by_nouns``, ``stated_by_verbs`` and
    ``stated_by_noun_verbs`` also keep the file's order: they become regular expressions)."""

    title_case_lemmas: frozenset[str]
    political_leanings: frozenset[str]
    np_adjectives: frozenset[str]
    body_heads: frozenset[str]
    speech_nouns: tuple[str, ...]
    given_speech_nouns: tuple[str, ...]
    stated_by_nouns: tuple[str, ...]
    spokes_roles: frozenset[str]
    stance_present: frozenset[str]
    passive_charge: frozenset[str]
    topic_verbs: frozenset[str]
    commit_forms: frozenset[str]
    subject_adverbs: frozenset[str]
    ly_nouns: frozenset[str]
    stated_by_verbs: tuple[str, ...]
    stated_by_noun_verbs: tuple[str, ...]
    opener_adverbs: frozenset[str]
    not_name_words: frozenset[str]
    org_heads: frozenset[str]

    @classmethod
    def load(cls, extra: str | Path | None = None) -> SourcingWords:
        """The shipped lists, each extended by the same list of the user's file ``extra``."""
        lists = _shipped_word_lists()
        if extra is not None:
            lists = dict(lists)
            for name, words in read_word_lists(extra, known=WORD_LISTS, validate=_check_word,
                                               package=False).items():
                lists[name] = (*lists[name], *(w for w in words if w not in lists[name]))
        # the lists that become regular expressions keep the file's order; the rest are sets
        values: dict[str, Any] = {
            name: tuple(lists[name]) if name in _ORDERED_LISTS else frozenset(lists[name])
            for name in WORD_LISTS
        }
        return cls(**values)


#: the names of the word lists: the fields of SourcingWords, in the file's order
WORD_LISTS: tuple[str, ...] = tuple(f.name for f in fields(SourcingWords))
#: the lists kept in the file's order, typed tuple in SourcingWords (they become regular
#: expressions); the others are sets
_ORDERED_LISTS = frozenset(f.name for f in fields(SourcingWords) if str(f.type).startswith("tuple"))


@lru_cache(maxsize=1)
def _shipped_word_lists() -> dict[str, tuple[str, ...]]:
    lists = read_word_lists(WORDS_FILE, known=WORD_LISTS, validate=_check_word, package=True)
    missing = [n for n in WORD_LISTS if n not in lists]
    if missing:
        raise LexiconError(f"analysis/lexicons/{WORDS_FILE}", f"missing word list(s) {missing}")
    return {n: tuple(ws) for n, ws in lists.items()}


#: framing's gazetteer (``frame_places.csv``, its kinds mapped to sides.csv's): read for the
#: states and demonyms sides.csv leaves out
PLACES_FILE = "frame_places.csv"
_PLACE_KINDS = {"state": "country", "demonym": "demonym"}


def load_tables(extra: Mapping[str, str | Path] | None = None) -> dict[str, list[Row]]:
    """Read every sourcing rule table, each extended by ``extra[name]`` when given
    (``extra["sourcing_words"]``, the word lists' TOML file, is read by ``SourcingWords``)."""
    extra = {k: v for k, v in (extra or {}).items() if k != "sourcing_words"}
    unknown = [k for k in extra if k not in TABLES]
    if unknown:
        raise ValueError(f"unknown sourcing rule table(s) {unknown}; known: "
                         f"{sorted([*TABLES, 'sourcing_words'])}")
    out: dict[str, list[Row]] = {}
    for name, (fname, req, opt) in TABLES.items():
        rows = read_rule_table(fname, required=req, optional=opt, validate=_VALIDATORS[name],
                               package=True)
        if name in extra:
            rows = rows + read_rule_table(extra[name], required=req, optional=opt,
                                          validate=_VALIDATORS[name], package=False)
        out[name] = rows
    return out


@dataclass
class SourceLexicon:
    """The compiled sourcing rule tables."""

    verb_kind: dict[str, str]
    verb_lemma: dict[str, str]
    role_type: dict[str, str]  # lower-case form (singular or plural) -> type
    role_unique: dict[str, bool]
    role_plural: set[str]
    inst_side: dict[str, str]
    inst_kind: dict[str, str]
    outlet_side: dict[str, str]
    side_of: dict[str, str]
    side_kind: dict[str, str]
    person_type: dict[str, str]
    anon_type: dict[str, str]
    re_verb: re.Pattern[str] | None = None
    re_inst: re.Pattern[str] | None = None
    re_outlet: re.Pattern[str] | None = None
    re_side: re.Pattern[str] | None = None
    verb_first: dict[str, list[str]] = field(default_factory=dict)
    verb_tokens: dict[str, str] = field(default_factory=dict)  # "said," -> "said"
    verb_token_set: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()  # words of multi-word organisation names
    # capitalised words of organisations' names (not a whole name) that name_tokens drops,
    # a person's surname after the article named the person in full (person_surnames)
    surname_words: frozenset[str] = frozenset()
    # capitalised words that never start a personal name (_NOT_NAME_GRAMMAR, not_name_words)
    not_name: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()  # org_heads of sourcing_words.toml
    re_org_run: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!)"))
    re_org_of: re.Pattern[str] = field(default_factory=lambda: re.compile(r"(?!)"))
    # words that make an organisation a public one (or a person's title), not a company
    public_words: frozenset[str] = frozenset()
    private_names: tuple[str, ...] = ()  # institutions of kind company / union / ngo
    gaz: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    re_all: re.Pattern[str] | None = None
    words: SourcingWords = field(default_factory=SourcingWords.load)  # sourcing_words.toml
    _cache: dict[str, MentionType] = field(default_factory=dict)
    _bare_cache: dict[str, MentionType] = field(default_factory=dict)  # (no appositive)
    _names_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _re_surname: re.Pattern[str] | None = None  # surname_words (surname_hits)

    @classmethod
    def load(cls, extra: Mapping[str, str | Path] | None = None) -> SourceLexicon:
        t = load_tables(extra)
        words = SourcingWords.load((extra or {}).get("sourcing_words"))
        verb_kind, verb_lemma = {}, {}
        for r in t["reporting_verbs"]:
            forms = [f.strip() for f in r["forms"].split("|") if f.strip()] or _regular_forms(r["verb"])
            for f in forms:
                verb_kind[f] = r["kind"]
                verb_lemma[f] = r["verb"]
        for f in list(verb_kind):
            # "Kovac Says He Will Run" (a headline), "Said Comey, “…”": the Title Case forms
            if verb_lemma[f] in words.title_case_lemmas and " " not in f and not f.endswith("ing"):
                tf = f[0].upper() + f[1:]
                verb_kind.setdefault(tf, verb_kind[f])
                verb_lemma.setdefault(tf, verb_lemma[f])
        role_type, role_unique, role_plural = {}, {}, set()
        for r in t["roles"]:
            term = r["term"].lower()
            plural = (r["plural"] or (term + "es" if term.endswith(("s", "sh", "ch")) else term + "s")).lower()
            role_type[term] = r["type"]
            role_unique[term] = r["unique"] == "yes"
            if plural != term:
                role_type.setdefault(plural, r["type"])
                role_unique.setdefault(plural, False)
                role_plural.add(plural)
            else:
                role_plural.add(term) if term in ("authorities", "sources", "people", "relatives") else None
        inst_side = {r["name"]: r["side"] for r in t["institutions"]}
        inst_kind = {r["name"]: r["kind"] or "government" for r in t["institutions"]}
        outlet_side = {r["name"]: r["side"] for r in t["outlets"]}
        side_of = {r["term"]: r["side"] for r in t["sides"]}
        side_kind: dict[str, str] = {}
        for r in t["sides"]:  # a term listed as a country and as a demonym ("U.S."): the country
            if side_kind.get(r["term"]) != "country":
                side_kind[r["term"]] = r["kind"]
        # the states and demonyms framing's gazetteer knows that sides.csv does not ("Swiss",
        # "Qatar", "Austrian": mediators and third parties): side "other", never a personal
        # name ("A Swiss foreign ministry spokesperson" was a named official)
        for r in read_rule_table(PLACES_FILE, required=["name", "kind"]):
            kind = _PLACE_KINDS.get(r["kind"])
            if kind is not None and r["name"] not in side_of:
                side_of[r["name"]] = "other"
                side_kind[r["name"]] = kind
        person_type = {r["term"]: (r["type"] or "official") for r in t["sides"] if r["kind"] == "person"}
        anon_type = {r["pattern"].lower(): r["type"] for r in t["anonymity"]}
        lex = cls(verb_kind, verb_lemma, role_type, role_unique, role_plural, inst_side, inst_kind,
                  outlet_side, side_of, side_kind, person_type, anon_type, words=words)
        # (an adverb that opens a sentence is no name either: "Eventually, however, ...")
        lex.not_name = _NOT_NAME_GRAMMAR | words.not_name_words | {
            w[:1].upper() + w[1:] for w in words.opener_adverbs}
        lex.org_heads = heads = words.org_heads
        alt = "|".join(re.escape(h) for h in sorted(heads))
        lex.re_org_run = re.compile(_ORG_RUN_PATTERN.format(heads=alt))
        lex.re_org_of = re.compile(_ORG_OF_PATTERN.format(heads=alt))
        lex.public_words = heads.union(_TITLES, lex.not_name, _PUBLIC_WORDS)
        lex.private_names = tuple(n for n, k in inst_kind.items() if k in _PRIVATE_KINDS)
        lex.org_words = frozenset(w for name in [*inst_side, *outlet_side] if " " in name
                                  for w in name.split() if w[:1].isupper()) - set(side_of)
        # (not a body's whole name: "Bloomberg said" after "Michael Bloomberg" is the company;
        # nor the head noun of one: "Bank", "Council")
        lex.surname_words = frozenset(
            w for w in lex.org_words
            if w.isalpha() and w[:1].isupper() and w[1:2].islower() and w not in lex.not_name and
            w not in heads and w not in inst_side and w not in outlet_side and
            w.lower() not in role_type and side_kind.get(w, "person") == "person")
        # generic outlets ("state media") also open a sentence ("State media said")
        for r in t["outlets"]:
            if r["kind"] == "generic" and r["name"][:1].islower():
                cap = r["name"][:1].upper() + r["name"][1:]
                outlet_side.setdefault(cap, r["side"])
        # one pattern over every gazetteer: a mention is scanned once (longest match wins, so a
        # role inside an organisation's name - "General Staff" - is not a role)
        role_variants = _case_variants(role_type)
        anon_variants = _case_variants(anon_type)
        gaz: dict[str, list[tuple[str, str]]] = {}
        for term in side_of:
            gaz.setdefault(term, []).append(("side", term))
        for term in inst_side:
            gaz.setdefault(term, []).append(("inst", term))
        for term in outlet_side:
            gaz.setdefault(term, []).append(("outlet", term))
        for v, key in role_variants.items():
            gaz.setdefault(v, []).append(("role", key))
        for v, key in anon_variants.items():
            gaz.setdefault(v, []).append(("anon", key))
        lex.gaz = gaz
        lex.re_all = _alternation(gaz, after_ex=True)
        lex.re_verb = _alternation(verb_kind)
        for f in sorted(verb_kind, key=len, reverse=True):
            lex.verb_first.setdefault(f.split()[0], []).append(f)
        for w in lex.verb_first:
            for pre in _TOKEN_PRE:
                for post in _TOKEN_POST:
                    lex.verb_tokens[pre + w + post] = w
        lex.verb_token_set = frozenset(lex.verb_tokens)
        lex.re_inst = _alternation(inst_side)
        lex.re_outlet = _alternation(outlet_side)
        lex.re_side = _alternation(side_of)
        return lex

    # -- pieces ---------------------------------------------------------------------------
    def verbs_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of every reporting-verb form in ``text`` (whole words), in order."""
        hits = self.verb_token_set.intersection(text.split())  # C speed: most sentences stop here
        if not hits:
            return []
        out: list[tuple[int, int, str]] = []
        for w in {self.verb_tokens[h] for h in hits}:
            self._verb_forms_at(text, w, out)
        if len(out) > 1:
            out.sort()
        return out

    def _verb_forms_at(self, text: str, w: str, out: list[tuple[int, int, str]]) -> None:
        """Append (start, end, form) for each whole-word verb form beginning with ``w`` in ``text``."""
        n = len(text)
        first = self.verb_first
        s = text.find(w)
        while s >= 0:
            if s == 0 or not (text[s - 1].isalnum() or text[s - 1] in "-’'"):
                for f in first[w]:
                    e = s + len(f)
                    if text.startswith(f, s) and (e >= n or not (text[e].isalnum() or text[e] in "-_")):
                        out.append((s, e, f))
                        break
            s = text.find(w, s + 1)

    def verbs_in_words(self, text: str, words) -> list[tuple[int, int, str]]:
        """``verbs_in(text)`` when the first words of the verb forms that can occur in
        ``text`` are known (a superset, from a scan of the article): the same result,
        without splitting the sentence into tokens."""
        out: list[tuple[int, int, str]] = []
        n = len(text)
        tokens = self.verb_tokens
        for w in words:
            s = text.find(w)
            if s < 0:
                continue
            # does some whitespace-delimited token read pre + w + post (as verbs_in asks)?
            e = s + len(w)
            # the usual shape: the bare word between spaces (a token of its own)
            ok = (s == 0 or text[s - 1] == " ") and (e == n or text[e] == " ") and \
                tokens.get(w) == w
            while s >= 0 and not ok:
                a, b = s, s + len(w)
                while a > 0 and not text[a - 1].isspace() and s - a < 3:
                    a -= 1
                while b < n and not text[b].isspace() and b - s - len(w) < 4:
                    b += 1
                ok = tokens.get(text[a:b]) == w and (a == 0 or text[a - 1].isspace()) and (
                    b == n or text[b].isspace())
                if not ok:
                    s = text.find(w, s + 1)
            if not ok:
                continue
            self._verb_forms_at(text, w, out)
        if len(out) > 1:
            out.sort()
        return out

    def name_tokens(self, mention: str) -> tuple[str, ...]:
        """Capitalised tokens of ``mention`` that look like a personal name.

        Words of an organisation's name ("the World Food Programme") and
        objects of a preposition ("the governor of Donetsk") are not names.
        """
        hit = self._names_cache.get(mention)
        if hit is not None:
            return hit
        hit = self._name_tokens(mention)
        if len(self._names_cache) < 50_000:
            self._names_cache[mention] = hit
        return hit

    def _name_tokens(self, mention: str) -> tuple[str, ...]:
        caps = list(_CAP_WORD.finditer(mention))
        if not caps:
            return ()
        toks = []
        org_of = -1  # end of the last word of an organisation's name after "Ministry of"
        for idx, m in enumerate(caps):
            w = m.group().rstrip(".").removesuffix("’s").removesuffix("'s")
            if org_of >= 0 and m.start() == org_of + 1 and w.lower() not in self.role_type \
                    and w not in _NAME_TITLES:
                # "the Ministry of Emergency Situations", "Headquarters for the Treatment of
                # Prisoners": the rest of the body's name, not a person's
                om = _RE_NAME_GOES_ON.match(mention, m.end())
                # ("the Bureau of Meteorology's Claire Richards": the name ends at "'s")
                org_of = om.end() - 1 if om and w == m.group().rstrip(".") else -1
                continue
            org_of = -1
            if w in self.org_heads:
                om = _RE_OF_NAME.match(mention, m.end())
                if om and not any(x.strip(",").lower() in self.role_type
                                  for x in mention[:m.start()].split()):
                    # (not after a title: "Deputy Head of the Presidential Office of
                    # Ruritania Petro Hrabar" ends with a person's name)
                    org_of = om.end() - 1
            if not w or w in self.not_name or w.lower() in self.role_type:
                continue
            if _RE_HYPHEN_ADJ.fullmatch(w) or w.startswith(("Pro-", "Anti-")):
                continue  # "the Moscow-installed governor", "Kyiv-based", "Pro-Kremlin": an
                # adjective
            titled = idx > 0 and mention[caps[idx - 1].end():m.start()] in (" ", ". ") and \
                caps[idx - 1].group().rstrip(".") in _NAME_TITLES
            # "Senator Hill", "Mr Post", "Mr. Hill": a surname after a title, not "The Hill"
            if not titled and (w in self.inst_side or w in self.outlet_side or (
                    w in self.org_words and self.side_kind.get(w) != "person")):
                continue
            if w in self.side_of and self.side_kind.get(w) != "person":
                continue
            if w.isupper() and len(w) <= 4:  # acronyms: DIA, NATO, MP
                continue
            if w in self.org_heads and not titled:
                continue
            if idx == 0 and w.endswith("s") and mention[m.end():m.end() + 4] == " of " and \
                    self.side_kind.get(w) != "person":
                continue  # "Truckloads of armed men", "Dozens of residents": not a name
            if idx == 0 and w.endswith("ing") and m.start() == len(mention) - len(mention.lstrip()) \
                    and self.side_kind.get(w) != "person" and " " in mention.strip():
                continue  # "Boasting 108,000 residents": a participle, not a name
            before = mention[:m.start()].split()
            if before and (self.side_kind.get(w) != "person" or
                           any(b.lower().strip(",") in self.role_type for b in before)):
                # "the governor of Donetsk", "a spokesman for Mr Arafat": the object of a
                # preposition is not the speaker (a gazetteer person only after a role word)
                k = len(before) - 1
                while k > 0 and before[k].rstrip(".") in _TITLES:
                    k -= 1
                prev = before[k].lower()
                if prev == "the" and k > 0:
                    prev = before[k - 1].lower()
                if prev in _PREPS:
                    continue
            if _RE_ORG_TAIL.match(mention, m.end()):
                continue  # "the Bush administration", "the Sharon government": a body
            # the rest of this capitalised run: an organisation's name?
            org = False
            end = m.end()
            for m2 in caps[idx + 1:]:
                gap = mention[end:m2.start()]
                if gap.strip() not in ("", "of", "for", "and", "the", "of the", "on"):
                    break
                w2 = m2.group().rstrip(".")
                if w2 in self.org_heads or w2 in self.inst_side or w2 in self.outlet_side:
                    org = True
                    break
                end = m2.end()
            if org and not titled:
                continue
            toks.append(w)
        return tuple(toks)

    def _scan(self, full: str) -> list[tuple[str, int, int, str]]:
        """Gazetteer hits of a mention: (key, start, end, table) in text order."""
        if self.re_all is None:
            return []
        out = []
        for m in self.re_all.finditer(full):
            a = m.start()
            ex = a >= 3 and full[a - 1] == "-"  # "the ex-president": only a role follows "ex-"
            for table, key in self.gaz.get(m.group(), ()):
                if not ex or table == "role":
                    out.append((key, a, m.end(), table))
        return out

    def _side_from(self, hits) -> str:
        for key, _, _, tb in hits:
            if tb == "side" and self.side_kind.get(key) == "person":
                return self.side_of[key]
        for want, table in (("side", self.side_of), ("inst", self.inst_side),
                            ("outlet", self.outlet_side)):
            for key, _, _, tb in hits:
                if tb == want and table.get(key, "unknown") != "unknown":
                    return table[key]
        return "unknown"

    def _plain_description(self, mention: str, appositive: str, hits) -> bool:
        """Whether ``appositive`` is a short indefinite description of the named person in
        ``mention`` that says nothing official: no role, body, outlet, government word or
        capitalised word but a demonym ("a tank operator", "a Ukrainian farmhand"; not "a
        Clinton appointee", "an oversight panel member" of "Rep. Jim Jordan")."""
        if not _RE_INDEFINITE_DESCRIPTION.match(appositive) or any(
                tb in ("role", "inst", "outlet", "anon") for _, _, _, tb in hits):
            return False
        if _RE_TITLE_ABBREV.search(mention + " ") or any(
                w.rstrip(".") in _OFFICE_TITLES for w in mention.split()):
            return False
        if _RE_GOVERNMENT_CONTEXT.search(appositive) or \
                appositive.split()[-1].lower() in self.words.political_leanings:
            return False  # ("Ryan, a policy-focused conservative": a politician, maybe)
        return all(self.side_kind.get(w) == "demonym" for w in appositive.split()[1:]
                   if w[:1].isupper())

    def _ends_in_role(self, phrase: str) -> bool:
        """Whether a person's role word ends ``phrase`` ("a drone operator", "a taxi driver";
        not "a mobile operator", "a software company")."""
        end = len(phrase.rstrip())
        return any(tb == "role" and b == end and self.role_type.get(key) != "media"
                   for key, _, b, tb in self._scan(phrase))

    def _head_roles_from(self, full: str, hits) -> list[str]:
        """Role words of a mention, the head first: the last role before the first
        preposition ("local officials" -> officials; "the head of the delegation" -> head)."""
        roles = [(key, a, b) for key, a, b, tb in hits if tb == "role"]
        if not roles:
            return []
        pm = _RE_PREP.search(full, roles[0][2])
        cut = pm.start() if pm else len(full)
        # "a military analyst and director of studies at X": the first of two coordinated
        # roles heads the phrase
        k = full.find(" and ", roles[0][2], cut)
        if k >= 0 and any(a > k for _, a, _ in roles):
            cut = k
        before = [r for r in roles if r[1] < cut]
        head = before[-1] if before else roles[0]
        return [head[0]] + [r[0] for r in roles if r is not head]

    def first_conjunct(self, mention: str) -> str:
        """The first of coordinated sources ("Putin, his diplomats and military leaders" ->
        "Putin"; "Russia and its allies" -> "Russia"), or "" when ``mention`` is no list of
        sources: one name or body with "and" inside ("Procter and Gamble", "the Ministry of
        Foreign Affairs and Trade", "the Food and Agriculture Organization"), adjectives
        sharing one head ("US and British officials"), a list inside a phrase ("the foreign
        ministers of Russia and Ukraine") or a pair of possessives ("Putin's and Lavrov's
        aides"). Each conjunct must name a source by itself: a role, a known person, state
        or body, or a determiner before a typed head; names the lexicon does not know join
        only a named person ("Zelensky and Kowal", "Jan Kowal and Ivo Marek"; not "Marks and
        Spencer", "Trinidad and Tobago")."""
        seps = list(_RE_CONJ_SEP.finditer(mention))
        seps, described = self._join_described_names(mention, seps)
        if not seps or "and" not in seps[-1].group() or any("and" in m.group() for m in seps[:-1]):
            return ""
        bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(mention)]
        parts = [mention[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2)]
        if any(not p or len(p.split()) > 8 or p.endswith(("’s", "'s")) for p in parts) or \
                len({p.lower() for p in parts}) < len(parts) or \
                parts[0].split()[0].lower() in ("both", "either", "neither", "between"):
            return ""
        # a known name or a capitalised body's name that runs across a separator (not from a
        # pronoun: "He and House Judiciary Committee Chairman X")
        runs = [(a, b) for _, a, b, tb in self._scan(mention) if tb != "role"]
        runs += [(m.start(), m.end()) for m in self.re_org_run.finditer(mention)
                 if not (m.start() == 0 and parts[0].lower() in PRONOUNS)]
        if any(a < m.start() and m.end() < b for m in seps for a, b in runs):
            return ""
        kinds = ["person" if k in described else self._conjunct_kind(p) for k, p in enumerate(parts)]
        joins = _CONJ_JOINS.get(kinds[0], ())
        if not all(k in joins for k in kinds[1:]):
            return ""
        first, last = parts[0], parts[-1]
        det = _CONJ_DETERMINERS
        if " " not in first and (self.side_kind.get(first) == "demonym" or (
                self.side_kind.get(first) == "country" and first.replace(".", "").isupper())) and \
                last.split()[0].lower() not in det and last.split()[-1][:1].islower():
            return ""  # "US and British officials": the adjectives share the head
        if _RE_CONJ_PREP.search(first) and (self.is_document(first) or any(
                not _RE_CONJ_DET_NOUN.match(p) and p.lower() not in PRONOUNS for p in parts[1:])):
            # "the foreign ministers of Russia and Ukraine", "a study by Harvard and the
            # University of X": the list is the object of the preposition
            return ""
        mt0 = self.classify(first)
        if mt0.roles and mt0.roles[0] in self.role_plural and mt0.named:
            return ""  # "Presidential candidates Hillary Clinton and Donald Trump"
        if mt0.roles and mt0.person and self._ends_in_role(first) and \
                last.split()[0].lower() not in det and last.lower() not in PRONOUNS:
            # "The retired US army general and former CIA director David Petraeus": two
            # titles of one person
            return ""
        return first

    def _join_described_names(self, mention: str, seps: list[re.Match[str]]
                              ) -> tuple[list[re.Match[str]], set[int]]:
        """The separators of a list of sources without those between a singular role and the
        bare name it introduces ("A farmer, Mykola, and his wife, Halyna": two conjuncts, one
        person each), and the indices of the conjuncts so joined. The comma must not hold
        "and" and the role must name no one ("Putin, his diplomats and ...": kept apart)."""
        if len(seps) < 2:
            return seps, set()
        bounds = [0, *(x for m in seps for x in (m.start(), m.end())), len(mention)]
        parts = [mention[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2)]
        kept: list[re.Match[str]] = []
        joined: set[int] = set()  # the names joined to the role before them
        for j, m in enumerate(seps):
            role, name = parts[j], parts[j + 1]
            if "and" not in m.group() and j not in joined and \
                    self._conjunct_kind(name) in ("name", "fullname") and \
                    self._conjunct_kind(role) == "source":
                mt = self.classify(role)
                if mt.roles and not mt.named and mt.person and mt.roles[-1] not in self.role_plural:
                    joined.add(j + 1)
                    continue
            kept.append(m)
        # a joined conjunct's index in the list without the joined separators
        return kept, {x - sum(1 for y in joined if y <= x) for x in joined}

    def _name_org_kind(self, mention: str) -> str:
        """The kind of the institution named after a person's name ("Sergeant X of Sydney
        police": government), or ""."""
        om = _RE_NAME_ORG.search(mention) if " " in mention else None
        if om is None or self.re_inst is None:
            return ""
        return next((self.inst_kind.get(i.group(), "") for i in self.re_inst.finditer(om.group(1))), "")

    def _conjunct_kind(self, part: str) -> str:
        """What one conjunct of a list names: "person" (a role with a name, a known person,
        a title and a name), "source" (a role, a known state or body, a pronoun, a
        determiner before a typed head), "fullname" (two to four capitalised words the
        lexicon does not know: "Jan Kowal"), "name" (one such word: "Kowal", "Gamble") or
        ""."""
        if part.lower() in PRONOUNS:
            return "source"
        mt = self.classify(part)
        if not mt.source_type:
            return ""
        hits = self._scan(part)
        if any(tb == "side" and self.side_kind.get(k) == "person" for k, _, _, tb in hits):
            return "person"
        if mt.roles:
            return "person" if mt.named else "source"
        if any(tb in ("inst", "outlet") or (tb == "side" and self.side_kind.get(k) in (
                "country", "capital")) for k, _, _, tb in hits):
            return "source"
        if part.split()[0].lower() in _CONJ_DETERMINERS:
            return "source"
        if mt.named and _RE_BARE_NAME.match(part):
            if part.split()[0].rstrip(".") in _NAME_TITLES:
                return "person"  # "Mr. Jones", "Senator Hill"
            return "fullname" if " " in part else "name"
        return ""

    def is_document(self, mention: str) -> bool:
        """A report, statement, video ... (things that can "show" or "read")."""
        return _doc_head(mention) is not None

    def side(self, mention: str) -> str:
        """The side a mention belongs to, from the gazetteers ('unknown' when none fits)."""
        best = ""
        for rx, table in ((self.re_side, self.side_of), (self.re_inst, self.inst_side),
                          (self.re_outlet, self.outlet_side)):
            if rx is None:
                continue
            for m in rx.finditer(mention):
                s = table.get(m.group(), "unknown")
                if s != "unknown":
                    if table is self.side_of and self.side_kind.get(m.group()) == "person":
                        return s
                    best = best or s
        return best or "unknown"

    def _name_after(self, mention: str, pos: int) -> bool:
        """A personal name right after ``pos`` ("Member of Parliament | John Smith"), not
        the rest of a body's name ("A member of the Duma | Defence Committee")."""
        nm = _RE_NAME_NEXT.match(mention, pos)
        if nm is None:
            return False
        run = _RE_CAP_RUN.match(mention, nm.start())  # the whole capitalised run
        words = (run.group() if run else nm.group()).replace(",", " ").split()
        if any(w in self.org_heads or w.lower() in _BODY_WORDS for w in words):
            return False
        return bool(self.name_tokens(nm.group().strip(" ,")))

    def classify(self, mention: str, appositive: str = "") -> MentionType:
        """Type a speaker mention (plus an appositive like "a political scientist at RAND").

        Returns ``source_type == ""`` when the mention names no plausible source. While an
        article is attributed (:func:`article_names`), a surname that is also a word of an
        organisation's name ("Kennan" of the Kennan Institute) names the person whose full
        name the article gave earlier ("George Kennan").
        """
        if not appositive:  # the usual call: the mention itself is the key
            hit = self._bare_cache.get(mention)
            if hit is None:
                hit = self._classify(mention, "")
                if len(self._bare_cache) < 50_000:
                    self._bare_cache[mention] = hit
        else:
            key = mention + "\x01" + appositive
            hit = self._cache.get(key)
            if hit is None:
                hit = self._classify(mention, appositive)
                if len(self._cache) < 50_000:
                    self._cache[key] = hit
        names = ARTICLE_NAMES.get()
        return hit if names is None else names.typed(mention, hit)

    def _classify_plain(self, mention: str) -> MentionType:
        """``classify`` of the mention alone, whatever article is being attributed (what
        the caches keep must not depend on the article)."""
        hit = self._bare_cache.get(mention)
        if hit is None:
            hit = self._classify(mention, "")
            if len(self._bare_cache) < 50_000:
                self._bare_cache[mention] = hit
        return hit

    def person_surnames(self, text: str, hits: list[tuple[int, str]] | None = None
                        ) -> dict[str, int]:
        """The surnames of people named in full in ``text`` that are also words of an
        organisation's name (which alone are no name: "the Kennan Institute", "The Hill"),
        each with the offset of its first full name: "George Kennan" -> {"Kennan": 0}. A
        name run on by a capitalised word ("Pew Research Center") is no person's. ``hits``:
        (offset, word) of the words of ``surname_words`` in ``text`` (``surname_hits``).

            >>> SourceLexicon.load().person_surnames("George Kennan warned. Kennan said so.")
            {'Kennan': 0}
        """
        if hits is None:
            hits = self.surname_hits(text)
        out: dict[str, int] = {}
        for b, w in hits:
            if w in out:
                continue
            fm = _RE_FIRST_NAME.search(text, max(0, b - 40), b)
            if fm is None or _RE_NAME_RUNS_ON.match(text, b + len(w)):
                continue
            mt = self._classify_plain(fm.group(1) + " " + w)
            if mt.named and mt.person and mt.name_tokens and \
                    mt.source_type not in ("", "institution", "media"):
                out[w] = fm.start()
        return out

    def surname_hits(self, text: str) -> list[tuple[int, str]]:
        """(offset, word) of each whole word of ``surname_words`` in ``text``, in order."""
        rx = self._re_surname
        if rx is None:
            rx = self._re_surname = re.compile(
                r"(?<![\w])(?:" + _trie(sorted(self.surname_words)) + r")(?!\w)")
        return [(m.start(), m.group()) for m in rx.finditer(text)]

    def _classify(self, mention: str, appositive: str) -> MentionType:
        if appositive[:4] == "who " and _RE_WHO_HEADS.match(appositive):
            # "X, who heads the Razumkov Centre": X is its head
            appositive = _RE_WHO_HEADS.sub("head of", appositive, count=1)
        full = f"{mention}, {appositive}" if appositive else mention
        low = mention.strip().lower()
        if low in PRONOUNS:
            kind = PRONOUNS[low]
            return MentionType("", "unknown", False, False, kind == "person")
        if low in _BARE_GROUP or _RE_SHARE.match(low):
            # "Some said", "Another tweeted", "those surveyed", "47 percent said", "six in 10
            # say": people speaking for themselves (officials are named by a role word)
            return MentionType("other", "unknown", False, False, low == "another")
        dm = _doc_head(mention)
        if dm:
            # "a statement from the office of the French president", "satellite imagery"
            evidence = bool(_EVIDENCE_WORDS.intersection(dm.group(1).lower().split())) or bool(
                re.search(r"(?i)\b(?:leaked|private|anonymous|open)\b", dm.group(0)))
            side = self.side(full)
            pm = _RE_PRESS_REPORTS.match(mention) if not evidence else None
            om = self.re_outlet.search(mention, dm.end()) if (
                not evidence and self.re_outlet is not None) else None
            if om and _RE_BY_OUTLET.search(mention, dm.end(), om.start() + 1):
                # "a report by the New York Times": the outlet's own reporting
                return MentionType("media", side, False, False, False, (), (), om.group())
            if pm and (side == "unknown" or _RE_FROM_PLACE.match(mention, pm.end())):
                # "Reports from the area say", "Press reports said": no owner but the press
                return MentionType("media", side, False, False, False)
            im = _RE_DOC_ISSUER.match(mention, dm.end())
            if im and not (evidence and "leaked" in dm.group(0).lower()):
                it = self._classify_plain(im.group(1).strip())
                if it.roles and it.source_type in ("unnamed_official", "named_official",
                                                   "expert") and not any(
                        tb == "inst" for _, _, _, tb in self._scan(im.group(1))):
                    # (not "a joint statement by the European Commission and EU diplomacy
                    # chief X": a body's document)
                    # "estimates by Western officials", "a letter from the minister": the
                    # people who made it speak
                    return MentionType(it.source_type, side, it.named, it.anonymous, False,
                                       it.roles, it.name_tokens)
                if evidence and it.source_type == "institution" and not (
                        not it.roles and self._is_country(im.group(1))):
                    # "data from the UN refugee agency" (not "a video from Kyiv")
                    return MentionType("institution", side, False, False, False)
            return MentionType("other" if evidence else "institution", side, False,
                               False, False)
        mb = _RE_MEMBER_OF_BODY.match(mention) if "ember" in mention else None
        if mb and not self._name_after(mention, mb.end()):
            # "a member of Ukraine's negotiating team", "several members of the Duma": officials
            # (codebook: legislators are officials), not the body; followed by a name
            # ("Member of Parliament John Smith") the title is the named person's
            plural = "members" in mention.lower()
            return MentionType("unnamed_official", self.side(full), False, True, not plural,
                               ("members" if plural else "member",))
        if "West" in mention and _RE_THE_WEST.match(mention):
            return MentionType("institution", "unknown", False, False, False)  # "the West"
        pb = _RE_POSS_BODY.search(mention) if ("’s" in mention or "'s" in mention) else None
        if pb and not _RE_PREP.search(mention, 0, pb.start()):
            # "Zelensky's office", "Ukraine's prosecutor general's office": the body speaks
            # (not "the head of Zelensky's office")
            return MentionType("institution", self.side(full), False, False, False)
        if (_RE_COMPANY_STEM.search(mention) and _RE_COMPANY_NAME.match(mention)) or (
                appositive and _RE_COMPANY_APPOS.match(appositive) and
                not self.name_tokens(mention)[1:] and not self._ends_in_role(appositive)):
            # "Yallourn Energy", "Acme.com", "the Rating polling firm", "Acme, a software
            # company": a company speaking as a body (not "Oleksandr, a drone operator": a
            # person's role ends the appositive)
            # (its name, for a later bare "McAfee")
            toks = tuple(w.split(".")[0] for w in mention.split()
                         if w[:1].isupper() and w.lower() != "the" and
                         not _RE_COMPANY_STEM.fullmatch(w))
            return MentionType("institution", self.side(full), False, False, False,
                               name_tokens=toks[:2])
        names = self.name_tokens(mention) or self.name_tokens(appositive)
        hits = self._scan(full)
        if hits and "role" in {tb for _, _, _, tb in hits}:
            # "Fellow Republicans", "his fellow ministers", "local police": the adjective, not
            # a think-tank fellow or a local resident
            hits = [h for h in hits if not (h[3] == "role" and h[0] in _ADJ_ROLES and
                                            full[h[1]:h[2]].lower() == h[0] and
                                            _RE_FELLOW_ADJ.match(full, h[2]) and not (
                                                h[0] in _ADJ_ROLES_LOWER and
                                                not full[h[2]:h[2] + 2].strip()[:1].islower()))]
        if hits and "role" in {tb for _, _, _, tb in hits}:
            orgs = [(m.start(), m.end()) for m in self.re_org_run.finditer(full)]
            if orgs:  # "the Australian Manufacturing Workers Union": no role inside a name
                hits = [h for h in hits if h[3] != "role" or self.role_type[h[0]] == "media"
                        or not any(a <= h[1] and h[2] <= b for a, b in orgs)]
        nm = len(mention)
        person_hits = [h for h, a, b, tb in hits if tb == "side" and
                       self.side_kind.get(h) == "person" and (h in names or not any(
                           h2 == "role" for _, _, b2, h2 in hits if b2 <= a)) and
                       # ("the Biden Administration": the body, not the person)
                       not _RE_ORG_TAIL.fullmatch(full, b, len(mention.rstrip()))]
        roles = self._head_roles_from(full, hits)
        outlets = [h for h, a, b, tb in hits if tb == "outlet" and b <= nm]
        insts = [h for h, a, b, tb in hits if tb == "inst"]
        anon = [h for h, a, b, tb in hits if tb == "anon"]
        side = self._side_from(hits)
        named = bool(names or person_hits)
        plural = bool(roles) and roles[0] in self.role_plural
        if anon and not named:
            t = next((self.anon_type[a] for a in anon if self.anon_type.get(a)), "")
            if t and (not roles or self.role_type[roles[0]] == "other"):
                return MentionType(t, side, False, True, False, tuple(roles))
        if roles and not named and _GENERIC_ORG.search(mention) and \
                not self.role_type.get(mention.strip().split()[-1].lower()):
            # "the largest militant group": the head is the group, the role word a modifier
            return MentionType("institution", side, False, False, False)
        if roles and roles[0] in _COLLECTIVE_ROLES and (
                not named or mention.rstrip().lower().endswith(roles[0])):
            # "fire authorities say", "Authorities in Kabul": the governing body as a whole
            return MentionType("institution", side, False, False, False, tuple(roles))
        if roles and not named:
            pm = _RE_POSTMOD.search(mention)
            if pm and _COLLECTIVE.match(mention, 0, pm.start()) and not (
                    pm.group().strip() == "of" and
                    mention[:pm.start()].rstrip().lower().endswith("groups")) and not any(
                    a < pm.start() for _, a, _, tb in hits if tb == "role"):
                # "Unions representing Qantas maintenance workers": the head is the body
                return MentionType("institution", side, False, False, False, tuple(roles))
        if roles == ["allies"] and not named and not re.search(r"(?i)\b(?:his|her)\b", mention) \
                and any(tb == "inst" or (tb == "side" and self.side_kind.get(k) in (
                    "country", "capital", "demonym")) for k, _, _, tb in hits) and not any(
                    tb == "side" and self.side_kind.get(k) == "person" for k, _, _, tb in hits):
            # "Ukraine's allies", "Kyiv and its Western allies": states (not "Putin's allies")
            return MentionType("institution", side, False, False, False, tuple(roles))
        if roles and self.role_type[roles[0]] == "other" and \
                (spokes := next((r for r in roles[1:] if r in self.words.spokes_roles), None)):
            # "Sergeant X, a police spokesman": the person speaks for a body, as its spokesman
            # (who may be a former one, or a company's: decided below)
            roles = [spokes, *(r for r in roles if r != spokes)]
        if roles:
            rtype = self.role_type[roles[0]]
            fl = full.lower()
            former = _role_rx("former", roles[0]).search(full) if (
                "former" in fl or "ex-" in fl or "retired" in fl) else None
            if rtype == "official" and former:
                if not self._holds_office_now(full, former, hits, len(mention)):
                    rtype = "expert"  # not "former president, now deputy head of the council"
            if roles[0] == "captain" and re.search(r"\bCaptain\s+[A-Z]", full):
                rtype = "official"  # a military rank before a name, not a team's captain
            if rtype == "other" and not former and (
                    _employer_is_government(full, roles[0], self, _CIVIL_KINDS, before_role=False) or
                    (named and self._name_org_kind(mention) in _CIVIL_KINDS)):
                # "Sergeant X of Sydney police", "a driver for the Interior Ministry": speaking
                # for a government body (codebook: official); "a sergeant with the 93rd
                # Brigade" is a soldier, who speaks for himself (other). (Not a body before
                # the role: "Police killed the gunman, X")
                rtype = "official"
            if (rtype == "expert" or roles[0] in _EXECUTIVE_ROLES) and not former and \
                    roles[0] not in ("critic", "critics") and \
                    _employer_is_government(full, roles[0], self):
                rtype = "official"  # "a senior analyst with the Defense Intelligence Agency"
            elif rtype == "official" and (_RE_PRIVATE_STEM.search(fl) or any(
                    n in full for n in self.private_names)) and \
                    _employer_is_private(full, roles[0], self) and not (
                    roles[0] in ("official", "officials") and "hospital" in fl):
                # "hospital officials" are a (public) hospital's officials; its spokesman or
                # head speaks as staff
                rtype = "other"  # "a union official", "a Qantas spokesman": not a government's
                if roles[0] in _HEAD_ROLES and _employer_is_research(full, roles[0], self):
                    rtype = "expert"  # "X, head of the Razumkov Centre": a think tank's head
            elif rtype == "official" and roles[0] in _HEAD_ROLES and \
                    _employer_is_research(full, roles[0], self):
                rtype = "expert"  # "director of the Kyiv International Institute of Sociology"
            if rtype == "official":
                if plural:
                    st = "unnamed_official"
                elif named:
                    st = "named_official"
                elif self.role_unique.get(roles[0]) and re.match(r"(?i)\s*the\b|\w+['’]s\b", mention) \
                        and not plural and not any(
                            k == roles[0] and tb == "role" and _RE_DEPUTY_BEFORE.search(full, 0, a)
                            for k, a, _, tb in hits):
                    st = "named_official"  # "the Russian president": one identifiable person
                else:
                    st = "unnamed_official"
            else:
                st = {"expert": "expert", "other": "other", "media": "media"}[rtype]
            return MentionType(st, side, named, not named and st != "named_official", not plural,
                               tuple(roles), names)
        if names and not person_hits:
            places = [(a, b) for key, a, b, tb in hits if tb == "side" and
                      self.side_kind.get(key) in ("country", "capital")]
            if places and all(any(a <= full.find(n) < b for a, b in places) for n in names):
                names = ()  # "South Africa", "New Zealand": a country's words, not a name
        if outlets and not person_hits and not roles and all(
                any(n in o for o in outlets) or n in ("Digital", "Online", "Live") for n in names):
            return MentionType("media", side, False, False, False, (), (), outlets[0])
        if names and not person_hits and mention.rstrip()[-1:].islower() and \
                _COLLECTIVE.match(mention):
            return MentionType("institution", side, False, False, False)  # "Aid agencies"
        km = _RE_KIND_THEN_NAME.search(mention) if names and not person_hits else None
        if km and not _RE_PREP.search(mention, 0, km.start() + 1):
            # (not "Phil Musser of digital consulting firm IMGE": a person of the firm)
            if _RE_MEDIA_KIND.search(mention):  # "the news website Zyx"
                return MentionType("media", side, False, False, False, (), (), mention.strip())
            return MentionType("institution", side, False, False, False, (), names)
        if person_hits or names:
            t = self.person_type.get(person_hits[0], "official") if person_hits else "official"
            if not person_hits and t == "official" and " " in mention:
                om = _RE_NAME_ORG.search(mention)
                if om and _org_is_private(om.group(1), self):
                    t = "other"  # "Doug Cameron from the Workers Union": not a government's
            if not person_hits and t == "official" and appositive and \
                    self._plain_description(mention, appositive, hits):
                # "A tank operator, Oleksandr Kovalenko, said": an indefinite description
                # without any role, body or government word describes a person speaking for
                # themselves (officials come with a role: "a spokesman", "an aide")
                t = "other"
            st = {"official": "named_official", "expert": "expert"}.get(t, "other")
            return MentionType(st, side, True, False, True, (), names or tuple(person_hits))
        if outlets:
            return MentionType("media", side, False, False, False, (), (), outlets[0])
        country = any(tb == "side" and b <= nm and self.side_kind.get(key) in ("country", "capital")
                      for key, a, b, tb in hits)
        if not country and _PEOPLE_OF.match(mention) and any(
                tb == "side" and self.side_kind.get(k) == "demonym" for k, _, _, tb in hits):
            # "One Republican", "a Palestinian", "two Democrats": members speaking for
            # themselves
            return MentionType("other", side, False, False, mention.split()[0].lower() in (
                "one", "a", "an"))
        if not country and _COLLECTIVE.match(mention):
            # "The Palestinian leadership", "Unions", "the Israelis": a body or a people
            # speaking as one (codebook: an organisation or state speaking as a body)
            country = True
        if insts or country or self.re_org_run.search(mention) or self.re_org_of.search(mention) or \
                _GENERIC_ORG.search(mention) or _ACRONYM.match(mention):
            return MentionType("institution", side, False, False, False)
        if re.search(r"(?i)\b(?:officials|authorities|diplomats)\b", mention):
            return MentionType("unnamed_official", side, False, True, False)
        if re.search(r"(?i)\b(?:statement|report|document|resolution|communiqu[eé]|readout|"
                     r"decree|assessment|update|strategy|memo|bulletin|press release)\b", mention):
            if re.search(r"(?i)\b(?:leaked|letter|memo|anonymous)\b", mention):
                return MentionType("other", side, False, False, False)
            return MentionType("institution", side, False, False, False)
        if re.search(r"(?i)\b(?:video|post|letter|poster|footage|message|petition|witness)\b", mention):
            return MentionType("other", side, False, False, False)
        if anon:
            return MentionType("unnamed_official", side, False, True, False)
        return MentionType("", side, False, False, False)

    def _holds_office_now(self, full: str, former: re.Match, hits, nm: int) -> bool:
        """A former official who holds another office now: "former president X, now deputy
        head of the Security Council", "X, the former president who is now ...", "Former
        president X, deputy chairman of ..." (the appositive names a current office, not
        one of a private body: "former ambassador X, a director at the Atlantic Council")."""
        now = _RE_NOW.search(full, former.end())
        who = _RE_WHO_NOW.search(full, former.end())
        start = min(m.end() for m in (now, who) if m) if (now or who) else (
            nm + 1 if former.end() <= nm else -1)
        if start < 0:
            return False
        for k, a, _b, tb in hits:
            if tb != "role" or a < start or self.role_type.get(k) != "official":
                continue
            if not (who and who.end() <= a) and re.search(
                    r"(?i)\b(?:former|ex-|retired|then)\s*(?:\S+\s+){0,3}?$", full[max(0, a - 40):a]):
                continue  # (not "a former minister and ambassador": both past)
            if not _employer_is_private(full[a:], k, self) and not _RE_NON_STATE_BODY.search(
                    full, a, a + 80):
                return True
        return False

    def type_from_context(self, mention: str, mt: MentionType, text: str,
                          gov: bool | Callable[[], bool] | None = None) -> str:
        """The type of a bare personal name (no role in the mention) from the article.

        The first time the name appears, the words before it and an appositive after it
        usually say who the person is ("Australian paceman Glenn McGrath", "Greg Combet, the
        ACTU secretary"); a name of the person gazetteer keeps its type; with no clue at all,
        a name in an article without any government vocabulary (sport, business, a bushfire)
        is ``other``, otherwise ``named_official``. ``gov`` says whether the article uses
        government vocabulary, or is a function that answers it (asked only when needed);
        None: the article is searched here.

            >>> lex = SourceLexicon.load()
            >>> t = "Union leader Jo Bloggs spoke at a rally. Bloggs said the strike would go on."
            >>> lex.type_from_context("Bloggs", lex.classify("Bloggs"), t)
            'other'
        """
        if any(self.side_kind.get(n) == "person" for n in mt.name_tokens) or \
                self.side_kind.get(mention.strip()) == "person" or not text:
            return "named_official"
        if self._firm_of_two_names(mention, text):
            return "institution"
        if any(w in self.org_heads for w in _CAP_WORD.findall(mention)) or (
                self.re_inst is not None and self.re_inst.search(mention)):
            # "the Bureau of Meteorology's Claire Richards": speaks for a public body unless
            # that body is a company, a union or an NGO
            return "other" if _employer_is_private(mention, mt.name_tokens[0], self) else \
                "named_official"
        surname = mt.name_tokens[-1]
        ln, n = len(surname), len(text)
        p = text.find(surname)
        while p >= 0:  # each whole-word occurrence of the surname, in order
            q, p = p, text.find(surname, p + 1)
            b, e = q - 1, q + ln
            if (b >= 0 and (text[b].isalnum() or text[b] in "_’'-")) or (
                    e < n and (text[e].isalnum() or text[e] in "_-")):
                continue
            pre = text[max(0, q - 80):q]
            rf = pre.rfind  # the last of . ; : newline " “ ” (, unrolled
            cut = max(rf("."), rf(";"), rf(":"), rf("\n"), rf('"'), rf("“"), rf("”"), rf("("))
            pre = pre[cut + 1:]
            words = pre.split()[-6:]
            post = text[e:e + 100]
            am = _RE_CONTEXT_APPOSITIVE.match(post)
            ctx = " ".join(words) + " " + surname
            ct = self.classify(ctx.strip(), am.group(1) if am else "")
            if ct.roles:
                if ct.source_type == "media":
                    # "TV host Pavel Sokol" (not "Kovac, speaking to reporters, ...")
                    return "media" if self.classify(ctx.strip()).source_type == "media" else \
                        "named_official"
                return ct.source_type if ct.source_type in ("named_official", "expert",
                                                             "other") else "named_official"
        if gov is None:
            gov = _government_context(text)
        elif callable(gov):
            gov = gov()
        if len(text) >= 300 and not gov and \
                not _RE_TITLE_ABBREV.search(mention):
            return "other"  # only a real article's silence is evidence
        return "named_official"

    def _firm_of_two_names(self, mention: str, text: str) -> bool:
        """Whether ``mention`` is two bare capitalised words joined by "and" or "&" that
        name a firm (its founders' names: "Procter and Gamble", "Marks & Spencer"), not two
        people: neither word is a name of the gazetteers nor, anywhere in ``text``, the last
        word of a person's name ("Jan Kowal", "Mr. Kowal": news introduces people by full
        name or title), and the article treats the pair as one thing: an ampersand, a
        possessive or a singular "it"/"its" right after it ("... said it would leave")."""
        pm = _RE_NAME_PAIR.fullmatch(mention.strip())
        if pm is None:
            return False
        a, b = pm.group("a"), pm.group("b")
        if any(self.side_kind.get(w) or w in self.not_name for w in (a, b)):
            return False
        for w in (a, b):
            for m in re.finditer(rf"([\w.’'-]+)\s+{w}\b", text):
                prev = m.group(1)
                if prev.rstrip(".") in _NAME_TITLES or (
                        prev[:1].isupper() and prev not in self.not_name and prev not in (a, b)):
                    return False  # "Jan Kowal", "Mr. Kowal": a person's name
        if pm.group("amp") == "&":
            return True
        one = re.escape(pm.group().strip())
        return re.search(rf"{one}(?:’s|'s|\s+(?:[a-z]+\s+){{1,2}}(?:it|its)\b)", text) is not None

    def unknown_employer(self, mention: str, role: str) -> bool:
        """Whether the role's organisation is a capitalised name the gazetteers do not know
        and that does not look like a public body ("Vigin Blue spokesman David Huttner",
        "a spokeswoman for Telstra"; not "Fire Service spokesman", "a Kremlin spokesman").

        In an article without any government vocabulary such a spokesman speaks for a
        company, a club or a charity, i.e. is ``other`` (see ``SourcingMemory``'s use).

            >>> SourceLexicon.load().unknown_employer("Vigin Blue spokesman David Huttner",
            ...                                       "spokesman")
            True
        """
        m = _role_rx("private", role).search(mention)
        if not m:
            return False
        before = mention[max(0, m.start() - 40):m.start()]
        bm = _RE_EMPLOYER_BEFORE.search(before)
        org = bm.group(1) if bm else ""
        while org.split(" ", 1)[0] in ("A", "An", "The", "Its", "Their"):  # "A spokesman for X"
            org = org.split(" ", 1)[1] if " " in org else ""
        if not org and m.group(1):
            am = _RE_EMPLOYER_AFTER.match(m.group(1))
            org = am.group(1) if am else ""
        if not org or self.public_words.intersection(org.replace("’s", "").replace("'s", "").split()):
            return False
        return not self._scan(org)

    def _is_country(self, mention: str) -> bool:
        return any(tb == "side" and self.side_kind.get(key) in ("country", "capital")
                   for key, _, _, tb in self._scan(mention))


#: (not a participle clause: "Holub, blaming the rebels for ..., said" says nothing of Holub)
#: two bare capitalised words joined by "and" or "&" ("Procter and Gamble", "Kowal and Marek")
_RE_NAME_PAIR = re.compile(r"(?:[Tt]he\s+)?(?P<a>[A-Z][a-z]+)\s+(?P<amp>and|&)\s+(?P<b>[A-Z][a-z]+)")
_RE_CONTEXT_APPOSITIVE = re.compile(
    r"\s*,\s*(?!\s)(?!(?!(?:acting|outgoing|incoming|leading|ruling|visiting|presiding|managing|"
    r"founding|serving|governing|sitting|retiring|commanding|consulting|contributing|"
    r"coordinating|reigning|longstanding|standing)\b)[a-z]+ing\b)([^,.;:()\"“”]{2,80})")


def _lower_first(s: str) -> str:
    t = s.lstrip()
    return t[:1].lower() + t[1:]


@lru_cache(maxsize=4096)
def _role_rx(kind: str, role: str) -> re.Pattern[str]:
    """The per-role patterns of ``classify``, compiled once per role (a pattern built from
    a role and handed to ``re.search`` each time falls out of ``re``'s small cache)."""
    r = re.escape(role)
    if kind == "former":
        return re.compile(r"\b(?:former|ex-|retired)\s*(?:\S+\s+){0,3}?" + r, re.IGNORECASE)
    if kind == "employer":
        return re.compile(r"(?:^|\s)" + r + r"(?:\s+(?:with|at|for|from|in)\s+(.{2,80}))?",
                          re.IGNORECASE)
    return re.compile(r"(?:^|\s)" + r + r"(?:\s+(?:with|at|for|from|of)\s+(.{2,80}))?",
                      re.IGNORECASE)


def _employer_is_government(full: str, role: str, lex: SourceLexicon,
                            kinds: frozenset[str] | None = None, before_role: bool = True) -> bool:
    """"a senior analyst with the Pentagon's DIA": an expert role employed by a government
    (an institution of ``kinds``, by default ``_GOVERNMENT_KINDS``; named before the role
    too unless ``before_role`` is False)."""
    kinds = _GOVERNMENT_KINDS if kinds is None else kinds
    if lex.re_inst is None:
        return False
    m = _role_rx("employer", role).search(full)
    if not m:
        return False
    # the employer named before the role ("the DIA analyst") or after it ("with the DIA")
    before = full[max(0, m.start() - 40):m.start()] if before_role else ""
    where = before + " | " + (m.group(1) or "")
    n = len(before.rstrip())
    # a lower-case body word right before the role is the field, not the employer: "a
    # military analyst", "Russian military expert X" (not "a DIA analyst")
    return any(lex.inst_kind.get(i.group()) in kinds and
               not (i.end() == n and i.group()[:1].islower())
               for i in lex.re_inst.finditer(where))


#: institution kinds whose staff speak as officials (codebook: government, military, ministry,
#: intergovernmental body; legislators; an armed non-state party's officials)
_GOVERNMENT_KINDS = frozenset({"government", "military", "intergov", "legislature", "militant"})
#: the institution kinds whose staff in an "other" role (a sergeant, a driver) speak as
#: officials: not an army's (codebook: "soldiers speaking for themselves" are other)
_CIVIL_KINDS = frozenset({"government", "intergov", "legislature"})
#: "other" roles that head an organisation: officials when it is a government or
#: intergovernmental body ("IMF Managing Director Kristalina Georgieva")
_EXECUTIVE_ROLES = frozenset({"chief executive", "managing director", "ceo", "executive"})
_PRIVATE_KINDS = frozenset({"company", "union", "ngo"})
# the words of _RE_PRIVATE_WORD without word boundaries: a cheap test that must hold first
_RE_PRIVATE_STEM = re.compile(r"union|compan|airline|firm|corporation|club|team|business|"
                              r"employer|industry|association|federation|church|hospital|"
                              r"charity|school|bank|insurer|retailer|supermarket|hotel")
_RE_PRIVATE_WORD = re.compile(
    r"(?i)\b(?:unions?|company|companies|airlines?|firms?|corporation|club|team|businesses|"
    r"employers?|industry|association|federation|church|hospital|charity|school|banks?|"
    r"insurers?|retailers?|supermarkets?|hotels?)\b")
#: banks that are public bodies ("a central bank spokesman", "the Reserve Bank's governor")
_RE_PUBLIC_BANK = re.compile(r"(?i)\b(?:central|reserve|national|world|federal|development|"
                             r"people's|state)\s+bank\b")


#: roles that head a body ("head of the Razumkov Centre", "director of the institute")
_HEAD_ROLES = frozenset({"head", "director", "president", "chairman", "chair", "founder",
                         "executive director", "deputy director", "co-founder", "chief"})
#: research bodies named after a head role: think tanks, institutes, universities
_RE_RESEARCH_BODY = re.compile(r"\b(?:Institute|Endowment|Studies|Research|University|Academy|"
                               r"[Tt]hink[ -]?[Tt]ank|Observatory|Monitor)\b")


def _employer_is_research(full: str, role: str, lex: SourceLexicon) -> bool:
    """"X, head of the Razumkov Centre", "director of the Kyiv International Institute of
    Sociology": the role heads a think tank or research body (an NGO of the gazetteer or a
    body named as research), whose head speaks as an expert."""
    m = _role_rx("private", role).search(full)
    if not m or not m.group(1):
        return False
    where = m.group(1)
    if lex.re_inst is not None and any(lex.inst_kind.get(i.group()) == "ngo"
                                       for i in lex.re_inst.finditer(where)):
        return True
    return _RE_RESEARCH_BODY.search(where) is not None and not any(
        lex.inst_kind.get(i.group()) in _GOVERNMENT_KINDS
        for i in (lex.re_inst.finditer(where) if lex.re_inst is not None else ()))


def _employer_is_private(full: str, role: str, lex: SourceLexicon) -> bool:
    """"a union official", "a Qantas spokesman", "the airline's chief": the role's
    organisation is not a government (codebook: such people are ``other``)."""
    m = _role_rx("private", role).search(full)
    if not m:
        return False
    return _org_is_private(full[max(0, m.start() - 40):m.start()] + " | " + (m.group(1) or ""),
                           lex)


#: a capitalised organisation name right before a role ("Vigin Blue spokesman") or after
#: its preposition ("a spokeswoman for Telstra")
_RE_EMPLOYER_BEFORE = re.compile(r"((?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)(?:’s|'s)?\s*$")
_RE_EMPLOYER_AFTER = re.compile(r"(?:the\s+)?((?:[A-Z][\w&.-]*\s*){1,4})\s*(?:[,.;]|$)")
#: words that make an organisation a public one (or a person's title) rather than a company
#: (with org_heads, the titles and the words that start no name: SourceLexicon.public_words)
_PUBLIC_WORDS = frozenset("""Health Fire Rescue Ambulance Emergency
    Services Police Water Transport Roads Shire City State Federal National Government Customs
    Immigration Treasury Reserve Defence Defense Commonwealth Crown Royal Territory Prison
    Council Tax Taxation Electoral Parks Wildlife Environment Education Coast Border""".split())


def _org_is_private(where: str, lex: SourceLexicon) -> bool:
    """Whether the organisation named in ``where`` is a company, union or NGO rather than
    a government ("the Transport Workers Union": yes; "the European Union": no)."""
    if lex.re_inst is not None:
        kinds = {lex.inst_kind.get(i.group()) for i in lex.re_inst.finditer(where)}
        if kinds & _GOVERNMENT_KINDS:
            return False
        if kinds & _PRIVATE_KINDS:
            return True
    return _RE_PRIVATE_WORD.search(where) is not None and _RE_PUBLIC_BANK.search(where) is None


# -- coreference ---------------------------------------------------------------------------

_CONTENT_STOP = frozenset(
    "a an the of for with at in on to from and its his her their our this that these those "
    "mr mrs ms dr".split()
)


def content_words(s: str) -> set[str]:
    """Lower-cased content words of a mention (possessives stripped)."""
    return set(_content_words(s))


@lru_cache(maxsize=20_000)
def _content_words(s: str) -> frozenset[str]:
    return frozenset({w.lower().removesuffix("’s").removesuffix("'s").rstrip(".")
                      for w in _WORD.findall(s)} - _CONTENT_STOP)


@dataclass
class Entity:
    """A source seen earlier in the article."""

    canonical: str
    source_type: str
    side: str
    person: bool
    named: bool
    roles: set[str]
    names: set[str]
    words: set[str]
    anonymous: bool


class EntityMemory:
    """Speakers seen so far in one article, for pronouns and definite descriptions."""

    def __init__(self, text: str = "") -> None:
        self.entities: list[Entity] = []
        self.text = text  # the article, for the roles that introduce a name earlier
        self._gov: bool | None = None

    def government_context(self) -> bool:
        """Whether the article uses any government vocabulary (searched once per article)."""
        if self._gov is None:
            self._gov = _government_context(self.text)
        return self._gov

    def resolve(self, mention: str, mt: MentionType, lex: SourceLexicon) -> Entity | None:
        """Find the earlier entity ``mention`` refers to, or None."""
        low = mention.strip().lower()
        if low in PRONOUNS:
            want = PRONOUNS[low]
            ents = self.entities
            if want == "plural" and len(ents) >= 2 and ents[-1].person and ents[-2].person and \
                    ents[-1].named and ents[-2].named and \
                    ents[-1].source_type == ents[-2].source_type != "institution":
                # "Putin spoke with Michel ... They confirmed": the two people last mentioned
                return ents[-1]
            for e in reversed(ents):
                if want == "person" and e.person and e.source_type != "institution":
                    return e
                if want in ("plural", "thing") and (not e.person):
                    return e
            return None
        if mt.name_tokens:
            # a full name is matched by its surname ("Volodymyr Fesenko" is not an earlier
            # "Volodymyr Zelenskiy"); a lone name by itself
            toks = {mt.name_tokens[-1].lower()}
            for e in reversed(self.entities):
                if e.names & toks and (e.person or not any(
                        w[:1].islower() for w in mention.split())):
                    return e  # (a company's name alone: "McAfee", not "McAfee's manager")
            return None
        if mt.roles and _DEFINITE.match(mention):
            words = content_words(mention)
            for e in reversed(self.entities):
                if set(mt.roles) & e.roles and (words - set(mt.roles)) <= (e.words | e.roles
                                                                          | _ROLE_FILLER):
                    return e
            extra = words - set(mt.roles) - _ROLE_FILLER - {w for r in mt.roles for w in r.split()}
            extra = {w for w in extra if w not in lex.side_of and w.capitalize() not in lex.side_of}
            if mt.person and extra and not any(w[:1].isupper() for w in mention.split()[1:]):
                # "the spies’ spokesman" after "The Agency’s Spokesman, Vadym Skibitsky":
                # a recent named holder of the same role, described in other (common) words
                for e in reversed(self.entities[-4:]):
                    if set(mt.roles) & e.roles and e.named and e.person and \
                            (mt.side == "unknown" or e.side in (mt.side, "unknown")):
                        return e
            if mt.person and lex.role_type.get(mt.roles[0]) == "official" and not extra:
                # "the diplomat", "Russia's top diplomat": the last named official of that side
                side = mt.side
                for e in reversed(self.entities[-4:]):
                    if e.named and e.person and e.source_type == "named_official" and \
                            (side == "unknown" or e.side in (side, "unknown")):
                        return e
        return None

    def add(self, mention: str, mt: MentionType, source_type: str, side: str,
            anonymous: bool) -> Entity:
        e = Entity(mention, source_type, side, mt.person, mt.named, set(mt.roles),
                   {t.lower() for t in mt.name_tokens}, content_words(mention), anonymous)
        self.entities.append(e)
        return e

    def merge(self, e: Entity, mention: str, mt: MentionType) -> None:
        """Record a further mention; the canonical form is the fullest one."""
        if mt.roles:
            e.roles.update(mt.roles)
        if mt.name_tokens:
            e.names |= {t.lower() for t in mt.name_tokens}
        words = _content_words(mention)
        e.words |= words
        if mention.strip().lower() not in PRONOUNS and \
                len(words) > len(_content_words(e.canonical)):
            e.canonical = mention
        ents = self.entities
        if ents and ents[-1] is e:
            return  # already the most recent
        for k in range(len(ents) - 1, -1, -1):  # by identity (dataclass == compares fields)
            if ents[k] is e:
                del ents[k]
                break
        ents.append(e)


#: a quantifier standing for people ("Some said", "Others disagreed", "those surveyed")
_BARE_GROUP = frozenset(("some", "others", "many", "several", "another", "a few",
                         "few", "those surveyed", "those polled", "those questioned",
                         "those interviewed", "many others", "some others", "a majority",
                         "the majority", "a minority"))
#: a share of people polled ("47 percent", "six in 10", "two-thirds of voters" is a role's)
_RE_SHARE = re.compile(r"(?:(?:about|nearly|almost|more\s+than|fewer\s+than|less\s+than|only|"
                       r"just|roughly|some|over|under|another|a\s+further)\s+)?(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|"
                       r"(?:\d+|one|two|three|four|five|six|seven|eight|nine)[\s-]+in[\s-]+"
                       r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten))"
                       r"(?:\s+of\s+(?:those|them|respondents|the\s+\w+))?$")
_EVIDENCE_WORDS = {"video", "videos", "footage", "book", "memoir", "clip", "clips", "film",
                   "documentary", "image", "images", "imagery", "photo", "photos",
                   "photograph", "photographs", "post", "posts", "letter", "memo", "petition",
                   "recording", "recordings", "satellite", "data", "poll", "survey", "map",
                   "videotape", "tape", "audiotape", "polls", "surveys", "lawsuit", "lawsuits",
                   "complaint", "ad", "ads", "advertisement", "commercial", "email", "emails",
                   "e-mail", "e-mails", "tweet", "tweets", "transcript", "suit"}
_DOC_HEAD = re.compile(
    r"^\s*(?:(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]nother|[Nn]ew|"
    r"[Jj]oint|[Oo]fficial|[Rr]ecent|[Ww]ritten|[Ss]eparate|[Ll]atest|[Dd]aily|[Ll]eaked|[Pp]rivate|"
    r"[Oo]pen|[Ee]xit|[Ee]arly|[Pp]reliminary|[Uu]nofficial|[Cc]omplete|[Ff]inal|[Cc]ourt|"
    r"[Cc]ampaign|[Ff]inance|[Ff]undraising|[Ff]inancial|[Ff]ederal|[Pp]ublic|[Ii]nternal|"
    r"[Gg]overnment|[Cc]ensus|[Ee]lection|[Oo]pinion|[Nn]ational|[Ss]tatewide|[Ii]ndependent|"
    r"[Ss]ame|[Pp]revious|[Ee]arlier|[Ff]irst|[Uu]nsigned|[Mm]ost|[Tt]racking|\d[\w.,-]*|[Aa]dvisory|[Cc]onfidential|"
    r"[Cc]lassified|[Ss]ecret|[Pp]olice|[Mm]edical|[Tt]ax|[Tt]elevision|[Tt]elevised|[Oo]nline|"
    r"[Ff]ederal|[Rr]eleased|[Pp]ublished|[Ss]ource|[Oo]pen-source|[A-Z][\w’'./-]*(?:’s|'s)?)\s+){0,4}"
    r"(statement|statements|report|reports|document|documents|resolution|communiqu[eé]|readout|"
    r"decree|assessment|update|strategy|memo|memorandum|bulletin|press release|position paper|"
    r"paper|declaration|letter|video|videos|footage|images?|imagery|photos?|photographs?|post|"
    r"posts|recording|satellite imagery|book|memoir|clips?|film|documentary|data|poll|survey|map|analysis|study|intelligence update|"
    r"dossier|note|notice|message|appeal|petition|videotape|tape|audiotape|polls|surveys|briefing|"
    r"results|returns|records|filings?|figures|statistics|estimates|projections|tally|"
    r"lawsuits?|suit|complaint|indictment|ruling|verdict|court papers|court filing|"
    r"inquiry|investigation|review|audit|probe|"
    r"ads?|advertisement|commercial|e-?mails?|tweets?|transcript|studies|"
    r"(?i:plan|peace plan|proposal|roadmap|road map|"
    r"accord|treaty|memorandum|agreement|deal|communique|manifesto|charter|constitution))\b")

#: what may follow a document's head in its mention ("the report of the commission",
#: "polls released Friday"); anything else ("The figures include"): not a document
_DOC_TAIL = re.compile(r"\s*(?:$|[,(:;—–-]|(?:of|from|by|in|on|at|for|with|to|about|released|"
                       r"issued|published|filed|posted|obtained|seen|conducted|taken|cited|shared|"
                       r"circulated|made|sent|that|which|this|last|over|under|among|after|"
                       r"before|since|during|and|or|out|his|her|their|its|the|a|an|"
                       r"\w+ed|\w+ing)\b)")  # "imagery reviewed by CNN", "figures her campaign released"


def _doc_head(mention: str) -> re.Match | None:
    """The document head that opens ``mention`` ("a statement", "Exit polls"), if nothing but
    a qualifier follows it."""
    dm = _DOC_HEAD.match(mention) or _DOC_HEAD.match(_lower_first(mention))
    if dm is None or not _DOC_TAIL.match(mention, dm.end()):
        return None
    return dm


#: company names and firms ("Yallourn Energy", "Acme.com", "the Rating polling firm"):
#: the last word of a company's name (written once for the quick test and the full pattern)
_COMPANY_SUFFIXES = ("Energy", "Airlines", "Airways", "Inc", "Corp", "Ltd", "LLC", "plc",
                     "Technologies", "Telecom", "Petroleum", "Pharmaceuticals")
_RE_COMPANY_STEM = re.compile(r"\.com\b|firm\b|(?:" + "|".join(_COMPANY_SUFFIXES) + r")\b")
_RE_COMPANY_NAME = re.compile(
    r"^\s*(?:[Tt]he\s+)?(?:(?:[A-Z][\w&’'-]*\s+){0,3}(?:[A-Z][\w&’'-]*\.com|[A-Z][\w&’'-]*,?\s+"
    r"(?:" + "|".join(_COMPANY_SUFFIXES) + r")\.?)|(?:[A-Z][\w&’'-]*\s+)?(?:polling|research|"
    r"consulting|security|software|energy|oil|gas|mining|law|accounting|advertising|marketing|"
    r"analytics)\s+firm(?:\s+[A-Z][\w&’'-]*){0,3})\s*$")
#: a short indefinite description: one noun phrase ending in a common noun ("a tank operator";
#: not "a member of the panel", "a mother of two")
_RE_INDEFINITE_DESCRIPTION = re.compile(
    r"(?i)^\s*(?:a|an|one|another)\s+(?:(?!(?:of|for|at|in|on|with|from|to|by|and|or)\s)"
    r"[\w’'-]+\s+){0,3}(?-i:[a-z][\w’'-]*)\s*$")
_RE_COMPANY_APPOS = re.compile(r"(?i)^\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,5}(?:company|firm|"
                               r"corporation|manufacturer|maker|producer|retailer|provider|"
                               r"operator|utility|insurer)\s*$")
_RE_PRESS_REPORTS = re.compile(r"(?i)^\s*(?:the\s+|these\s+|those\s+|some\s+|other\s+|several\s+|"
                               r"many\s+)?(?:(?:press|media|news|local|unconfirmed|initial|early|"
                               r"first|recent|latest|new|further|earlier|later|conflicting)\s+)*"
                               r"reports\b(?!\s+(?:by|of)\s)")
#: "reports from London say": the place is where the reports come from, not their owner
_RE_FROM_PLACE = re.compile(r"\s+(?:from\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?|"
                            r"in\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,2}(?:press|media|newspapers))"
                            r"\s*$")  # (or "reports in the Russian press": the press's)
_DEFINITE = re.compile(r"(?i)\s*(?:the|this|that)\b|\s*[A-Z][\w.]*['’]s\b")
_ROLE_FILLER = {"russian", "ukrainian", "us", "u.s.", "american", "belarusian", "head", "state",
                "country", "senior", "top", "foreign", "defence", "defense", "dia", "department",
                "president", "of"}
