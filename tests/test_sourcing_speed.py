"""The fast paths of sourcing give what the plain rules give.

Each shortcut taken for speed (str.find instead of a regex scan, a set test before a
walk, a pattern reordered on its first letter, ...) is compared with the plain form it
replaces, on hand-picked tricky strings and on seeded random strings built from the
pieces that matter (case variants, ı/ſ/İ, underscores, newlines, punctuation).
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from analysis import quotes, sourcing, speakers
from analysis.sourcing import Attribution
from analysis.speakers import SourceLexicon


def _strings(pieces, n=4000, k=8, seed=7, seps=("", " ", " ", ",")):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(pieces) + rnd.choice(seps) for _ in range(rnd.randint(0, k)))


def _span(m):
    return None if m is None else m.span()


# -- quotes ---------------------------------------------------------------------------------

#: the pattern quotes._marks replaces
_MARK = re.compile(r"''|[“”„«»\"]")


def test_quote_marks_by_find_equal_the_pattern():
    pieces = ["“", "”", "„", "«", "»", '"', "'", "''", "'''", "x", "He said", "\n", "’"]
    for s in _strings(pieces, k=10):
        want = [(m.start(), m.group()) for m in _MARK.finditer(s)]
        assert quotes._marks(s) == want, s


# -- speakers -------------------------------------------------------------------------------

#: the pattern speakers._government_context replaces (as written before the speed pass)
_RE_GOVERNMENT_CONTEXT = re.compile(
    r"(?i)\b(?:minister|ministry|government|president|prime\s+minister|premier|parliament|"
    r"senator|congress|ambassador|diplomats?|military|army|troops|soldiers|militants?|"
    r"administration|envoy|embassy|cabinet|ceasefire)\b")


@pytest.mark.parametrize("text", [
    "The Prime  Minister spoke.", "xminister", "minister_", "ministers", "MINISTRY said",
    "ſoldiers", "army-led", "diplomats.", "İ army", "armyı", "The Government", "GoVeRnMeNt",
    "", "president_", "_president", "a cabinet.", "premiership", "Embassy", "ceasefires",
])
def test_government_context_equals_the_pattern(text):
    assert speakers._government_context(text) == (
        _RE_GOVERNMENT_CONTEXT.search(text) is not None)


def test_government_context_random():
    pieces = ["government", "Government", "GOVERNMENT", "minister", "Minister", "army", "Army",
              "troops", "x", "_", "-", "ı", "ſ", "İ", "ministers", "senatorial", "Senator",
              "envoy", "en", "voy", "\n", "é"]
    for s in _strings(pieces, k=5, seps=("", " ", "_", "-")):
        assert speakers._government_context(s) == (
            _RE_GOVERNMENT_CONTEXT.search(s) is not None), s


def test_verbs_in_words_equals_verbs_in():
    lex = SourceLexicon.load()
    first = list(lex.verb_first)
    pieces = ["said", "says", "told", "added", "(said", '"said,"', "said.", "said—", "unsaid",
              "said_", "_said", "point out", "pointed out", "x", "Said", "—said", "said’",
              "essay", "\n", "“said"]
    for s in _strings(pieces, k=6):
        words = [w for w in first if w in s]
        assert lex.verbs_in_words(s, words) == lex.verbs_in(s), s


# -- sourcing ------------------------------------------------------------------------------

def _clause_start_walk(chunk: str) -> tuple[int, str]:
    """_clause_start as it was, with the word walk always taken."""
    n = len(chunk)
    lo = max(0, n - 160)
    rf = chunk.rfind
    mark = max(rf("\x00", lo), rf('"', lo), rf(";", lo), rf(":", lo), rf("(", lo), rf(")", lo),
               rf("[", lo), rf("]", lo))
    floor = max(lo, mark + 1)
    pos = n
    budget = 16
    parts = chunk[floor:].rsplit(" ", budget)
    j = len(parts) - 1
    while pos > floor and budget:
        budget -= 1
        word = parts[j]
        if word:
            if word in sourcing._DASH_WORDS:
                return pos + 1 if pos < n else pos, ""
            if pos < n:
                lw = word.lower()
                if lw in sourcing._BOUNDARY_WORDS:
                    return pos + 1, lw
        if j == 0:
            break
        pos -= len(word) + 1
        j -= 1
    if not budget:
        return max(pos, floor), ""
    return (mark + 1 if mark >= lo else lo), ""


def test_clause_start_shortcut_equals_the_walk():
    pieces = ["that", "That", "THAT", "and", "And", "—", "–", "-", "--", "", "said", "the",
              "minister", "x,", "(a)", "\x00\x00", "when", "As", "so", "but", "Whereas", "a:b",
              "[x]", "officials"]
    rnd = random.Random(3)
    for s in _strings(pieces, n=6000, k=40, seps=(" ",)):
        if rnd.random() < 0.3:
            s = "x" * rnd.randint(0, 200) + s
        if rnd.random() < 0.3:
            s += " "
        assert sourcing._clause_start(s) == _clause_start_walk(s), s


#: the pattern sourcing._mark_abbrev_dots replaces (its substitution: the period marked)
_RE_ABBREV_DOT = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Jr|Sr|Adm|Capt|Sgt|"
                            r"Maj|Brig|Prof|Rev|Gens?|Cmdr|Ft|Mt|Va|Fla|Calif|Mass|[A-Z])\.(?=\S|\s+\S)")


def _abbrev_dot(m: re.Match) -> str:
    return m.group()[:-1] + sourcing._ABBREV_MARK


def test_abbreviation_periods_equal_the_pattern():
    pieces = ["Mr", "Mrs", "Gens", "Gen", "Calif", "Califo", "U", "S", "x", "é", "_", ".", " ",
              "  ", "\n", "ab", "Z", "\u2024", "3", "Dr", "MrX", "—", '"']
    for s in _strings(pieces, n=6000, k=14, seps=("",)):
        assert sourcing._mark_abbrev_dots(s) == _RE_ABBREV_DOT.sub(_abbrev_dot, s), s


def test_interview_pattern_on_lower_case_equals_ignorecase():
    pieces = ["In", "in", "IN", "an", "A", "interview", "INTERVIEW", "with", "To", "told", "TOLD",
              "on", "On", "oN", "speaking", "SPEAKİNG", "ı", "ſ", "K", "wrote", "Writing",
              "op-ed", "Op-Ed", "comments", "x", "é", "_", "column", "for", "\n"]
    for s in _strings(pieces, k=10):
        assert _span(sourcing._interview_with(s)) == _span(sourcing._INTERVIEW_WITH.search(s)), s


def test_first_letter_alternations_equal_the_boundary_patterns():
    nominal = re.compile(rf"\b(?:{sourcing._NOUNS})\b")
    head = sourcing._word_alternation(("was", "were", "is", "are", "been", "being"))
    assert sourcing._PASSIVE_BY.pattern.startswith(head)
    passive = re.compile(r"\b(?:was|were|is|are|been|being)"
                         + sourcing._PASSIVE_BY.pattern[len(head):])
    pieces = ["response", "responses", "xresponse", "_reply", "comments", "Comment", "claim",
              "claims", "was", "wasn't", "is", "this", "being", "been", "were", "are", "hailed",
              "criticised", "by", "the UN envoy", "x", ",", ".", "\x00", "é", "_was"]
    for s in _strings(pieces, n=6000, k=9):
        assert _span(sourcing._RE_NOMINAL_NOUN.search(s)) == _span(nominal.search(s)), s
        got = [(m.span(), m.groupdict()) for m in sourcing._PASSIVE_BY.finditer(s)]
        assert got == [(m.span(), m.groupdict()) for m in passive.finditer(s)], s


def test_leading_junk_gate_equals_the_pattern():
    pieces = ["But", "and", "AND", "so", "So", "yet", "however", "Meanwhile", "then", "now", "In",
              "in", "at", "AT", "on", "last", "this", "This", "the", "The", "Putin", "officials",
              "ſo", "ınstead", "İn", "x", "quickly", "Quickly", "turn", "the same time", "Today",
              "within", "Furthermore", "furthermore1", "_", "é", "\n"]
    for s in _strings(pieces, n=6000, k=5):
        s = s.lstrip()
        gated = sourcing._LEADING_JUNK.match(s) if "," in s or sourcing._junk_word(s) else None
        assert _span(gated) == _span(sourcing._LEADING_JUNK.match(s)), s


def test_attribution_is_still_a_frozen_dataclass():
    a = Attribution("named_official", "Peskov", speaker_end=6)
    assert a == Attribution(source_type="named_official", speaker="Peskov", speaker_end=6)
    assert hash(a) == hash(Attribution("named_official", "Peskov", speaker_end=6))
    assert dataclasses.replace(a, cue="said").cue == "said"
    assert Attribution() == sourcing.UNATTRIBUTED and Attribution().source_type == "unattributed"
    assert [f.name for f in dataclasses.fields(Attribution)] == list(a.as_row())
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.cue = "x"  # type: ignore[misc]


def test_nominal_cores_are_in_every_nominal_match():
    pieces = ["Russia's", "Russia’s", "The Kremlin’s", "official", "response", "responses",
              "comments", "remarks", "made", "his", "the", "warning", "from", "by", "Peskov",
              "Mr.", "x", "reply", "\x00", ",", "claim"]
    for s in _strings(pieces, n=6000, k=8):
        for rx, core in zip(sourcing._NOMINALS, sourcing._NOMINAL_CORES, strict=True):
            if rx.search(s):
                assert core.search(s), s


def test_last_word_by_partition_equals_the_rfind_form():
    def plain(text, end):
        seg = text[max(0, end - 24):end].rstrip()
        return seg[max(seg.rfind(" "), seg.rfind("\n")) + 1:].lower()

    pieces = ["the", "Ukraine's", "to", "\n", "  ", "x", "Said", "who", "\t", "’s", "ab\ncd"]
    for s in _strings(pieces, k=10):
        for end in (len(s), len(s) // 2, 3, 0):
            assert sourcing._last_word(s, end) == plain(s, end), (s, end)


def test_article_scan_same_hits_with_either_automaton(monkeypatch):
    from analysis.sentences import Sentence
    from analysis.sourcing import SourceAttributor

    pieces = ["said", "says", "added", "address", "told", "statement", "according", " by ",
              "by", "warning", "claims", "—", "―", "opinion", " view", "readd", "_said", "x",
              "\n", "Mr.", "“", "”", "said.", "(said)", "aid", "s"]
    texts = list(_strings(pieces, n=400, k=30, seps=("", " ", " ", ". ")))
    fast = SourceAttributor()
    fast._trigger_automaton()  # built now: ahocorasick_rs when installed
    monkeypatch.setattr(sourcing, "_ahocorasick_rs", None)
    plain = SourceAttributor()  # pyahocorasick
    plain._trigger_automaton()
    assert plain._auto[0] is not fast._auto[0]
    for text in texts:
        if not text:
            continue
        cut = [0, len(text) // 3, len(text) // 2, len(text)]
        sents = [Sentence(a, b, text[a:b]) for a, b in zip(cut, cut[1:], strict=False) if b > a]
        starts = [s.start for s in sents]
        assert fast._trigger_sentences(text, starts, sents) == \
            plain._trigger_sentences(text, starts, sents), text
