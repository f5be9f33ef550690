"""The framing scorer's fast path gives the word-by-word results.

``FrameScorer()`` finds candidate words with an Aho-Corasick automaton
(``ahocorasick_rs`` when installed, else ``pyahocorasick``) and rules out
context rules by the literals the automaton found; ``FrameScorer(prefilter=False)``
looks at every word and runs every rule. Sentences here are written for these
tests; none is copied from the shared corpus.
"""

from __future__ import annotations

import pickle

import pytest
from test_framing import PREFILTER_CASES

import analysis.framing as framing
from analysis.framing import FrameScore, FrameScorer

# sentences where context rules, modifiers and repeats meet (each rule kind:
# before, after, sentence, unless), plus ones where a rule's literal occurs
# without the rule applying
RULE_CASES = [
    "Russia's chief negotiator, Vladimir Medinsky, said the sides may meet again.",
    "Since the war began, the talks have stalled twice.",
    "Before the invasion, trade talks between the firms had collapsed.",
    "The merger talks failed, but the peace talks went on.",
    "Zelensky thanked Biden for the new air defence package in a call on Monday.",
    "Zelensky thanked Biden in a call, and the two sides agreed to keep talking about a ceasefire.",
    "The G7 leaders discussed support for Kyiv; no talks with Moscow are planned.",
    "Nobel Peace Prize laureates called for peace and security in the region.",
    "The September 11 attacks were followed by the war in Afghanistan.",
    "Union members went on strike over pay after wage talks broke down.",
    "The rebels said they would lay down their arms if their safety was guaranteed.",
    "The president may not resume talks, officials said, although a truce could hold.",
    "Talks, talks and more talks: the shelling went on, and the talks did not stop it.",
    "“We are ready for peace talks,” he said, “but not for surrender.”",
    'He called the strikes "a war crime" and the talks "a sham".',
    "EU diplomacy chief Kaja Kallas met the Ukrainian envoy in Brussels.",
    "The diplomatic row over the expelled envoy deepened as missiles hit Odesa.",
    "The top diplomat said the war would end only with a military victory.",
    "In the first days of the war, negotiators met in Belarus; since then, drones have hit Moscow.",
    "Both sides accused each other of shelling the plant, and the IAEA urged restraint.",
    # cues gated by their uncommon words (not tried at every "the", "would", "can"...)
    "Kyiv accused the other side of breaking the truce; the other sides said nothing.",
    "Thing other side? The other-side delegation and the other  side left.",
    "The president refused to talk with the rebels, and the rebels would not negotiate with him.",
    "The militants said they would lay down their arms; others would not give up their weapons.",
    "Talks between Russia and Ukraine, and between the two sides and Moscow, stalled.",
    "Both countries pulled back from the brink after the Putin-Biden phone call.",
    "The envoy tried to bring the two warring parties to the table; no off-ramp was offered.",
    "Officials have not spoken since the no-fly zone was declared and de-escalation failed.",
    # a rule regex indexed by the places it needs, not by "the" / "this"
    "An inquiry into the parliament attack, in which six people were killed, began.",
    "Investigators studied the parliament attack.",
    "This week's embassy bombing and the recent hotel attack were condemned.",
    "The attack on the small business district killed two; the bus attack wounded nine.",
]


def _result(fs: FrameScore):
    return fs.labels, fs.scores, fs.frame, fs.evidence, fs.suppressed


@pytest.fixture(scope="module")
def fast() -> FrameScorer:
    return FrameScorer()


@pytest.fixture(scope="module")
def slow() -> FrameScorer:
    return FrameScorer(prefilter=False)


@pytest.mark.parametrize("sentence", RULE_CASES + PREFILTER_CASES)
def test_fast_path_gives_the_word_by_word_result(fast, slow, sentence):
    for text in (sentence, sentence.upper(), sentence.lower()):
        assert _result(fast.score(text)) == _result(slow.score(text)), text


def test_rules_are_applied_on_the_fast_path(fast):
    """The set test on the automaton's keys does not rule out a rule that applies."""
    fs = fast.score("Russia's chief negotiator, Vladimir Medinsky, said the sides may meet again.")
    assert any("+title_after_name" in e.rule for e in fs.suppressed)
    fs = fast.score("Since the war began, the talks have stalled twice.")
    assert any("+time_reference" in e.rule for e in fs.suppressed)


def test_without_ahocorasick_rs_pyahocorasick_gives_the_same_results(monkeypatch, fast, slow):
    if framing._ahocorasick is None:  # pragma: no cover - pyahocorasick is a dependency
        pytest.skip("pyahocorasick is not installed")
    monkeypatch.setattr(framing, "_ahocorasick_rs", None)
    plain = FrameScorer()
    assert plain._prefilter is not None
    for text in RULE_CASES + PREFILTER_CASES:
        assert (
            _result(plain.score(text)) == _result(slow.score(text)) == _result(fast.score(text))
        ), text
    clone = pickle.loads(pickle.dumps(plain))
    for text in RULE_CASES:
        assert _result(clone.score(text)) == _result(plain.score(text))


def test_function_words_do_not_index_cues_or_rules(fast):
    """ "the" (in one cue in ten thousand sentences) is looked for no more: the
    cue is gated by "other" and "side", the rule by the places it names."""
    keys = set(fast._prefilter.ac.keys)
    assert "the" not in keys and "this" not in keys
    assert {"parliament", "embassy"} <= keys
    fs = fast.score("Investigators studied the parliament attack.")
    assert [e.rule.split("+", 1)[1] for e in fs.evidence] == ["event_name_place_attack"]
    fs = fast.score("Kyiv accused the other side of breaking the truce.")
    assert any(e.cue == "the other side" for e in fs.evidence)


def test_automaton_finds_overlapping_keys_with_character_offsets():
    ac = framing._Automaton(["peace", "peace ta", "ace", "talks"], [()] * 4, 2)
    text = "“peace talks” – peace"
    hits = sorted(ac.find(text))
    assert hits == [(0, 1, 6), (0, 16, 21), (1, 1, 9), (2, 3, 6), (2, 18, 21), (3, 7, 12)]
    assert sorted(pickle.loads(pickle.dumps(ac)).find(text)) == hits


def test_neutral_results_are_not_shared(fast):
    a, b = fast.score("The weather was fine."), fast.score("The weather was fine.")
    assert a == b and a.frame == "neutral"
    a.labels["diplomacy"] = True
    a.scores["diplomacy"] = 1.0
    assert b.labels == {"diplomacy": False, "escalation": False}
    assert b.scores == {"diplomacy": 0.0, "escalation": 0.0}
    assert fast.score("The weather was fine.").labels["diplomacy"] is False


def _modifiers_reference(text, hits, start, end):
    """``FrameScorer._modifiers`` as it was before the word-start shortcut: the
    words of the clause before the cue's end, the last ``scope`` of them."""
    from bisect import bisect_right

    flags = {"negated": False, "hedged": False}
    starts = framing.clause_breaks(text)
    i = bisect_right(starts, start)
    clause_start = starts[i - 1] if i else 0
    for kind, scope, h0, h1 in hits:
        if flags[kind] or h1 > end or h0 < clause_start:
            continue
        words, _ = framing._words_back(text, clause_start, end, scope)
        lo = words[max(0, len(words) - scope)] if words else 0
        if h0 >= lo:
            flags[kind] = True
    return flags["negated"], flags["hedged"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said they would not, under any circumstances, resume the peace talks soon.",
        "The talks may resume; however, a ceasefire is unlikely, and the shelling could go on.",
        "No-one expects a deal — not now, not ever — said the envoy's deputy, who didn't go.",
        "a b c d e f g h i j k l m n o p talks",
        "x-y z_w 12 3.5 “quoted” (paren) talks, but not here; never: truce",
    ],
)
def test_modifier_scope_shortcut_agrees_with_the_word_list(text):
    import re

    ends = [m.end() for m in re.finditer(r"\w+", text)]
    places = range(len(text))
    for end in ends:
        start = max(0, end - 5)
        for scope in (1, 2, 3, 4, 6, 15):
            for h0 in places:
                if h0 >= end:
                    break
                hits = [("negated", scope, h0, min(end, h0 + 3))]
                got = FrameScorer._modifiers(text, hits, {}, start, end)
                assert got == _modifiers_reference(text, hits, start, end), (text, end, scope, h0)


def test_automaton_numbers_cue_keys_first_and_modifier_keys_in_one_run(fast):
    pf = fast._prefilter
    m0, m1 = pf.mod_range
    for i, val in enumerate(pf.ac.vals):
        assert (val[0] is not None or val[3] is not None) == (i < pf.ac.first)
        assert (val[4] is not None) == (m0 <= i < m1)


def test_word_path_alternations_compile_on_first_use_and_pickle():
    """The word-by-word path's alternations are compiled when that path first
    needs them (building a scorer compiles none), and a scorer pickled after
    using them unpickles and scores the same."""
    scorer = FrameScorer(prefilter=False)
    lazy = [rx for cues, _ in scorer._table.values() for _, rx in cues]
    assert lazy and all(isinstance(rx, framing._LazyPattern) for rx in lazy)
    assert not any("match" in rx.__dict__ for rx in lazy)  # nothing compiled yet
    sentence = "Talks between the two delegations resumed in Istanbul after the shelling."
    first = scorer.score(sentence)
    assert first.labels["diplomacy"] and first.labels["escalation"]
    assert any("match" in rx.__dict__ for rx in lazy)  # compiled by that score
    again = pickle.loads(pickle.dumps(scorer))
    assert again.score(sentence) == first
