"""Sourcing: who each sentence's claim comes from (analysis/sourcing.py, speakers.py, quotes.py).

Sentences here are invented news sentences, or the seed article (which the
repository may ship); shared gold data is read in place and skipped when absent.
"""

from __future__ import annotations

import functools
import json
import re
import time
import warnings

import pytest
from conftest import sents_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import LexiconError
from analysis.paths import seed_article_path, seed_gold_path, shared_gold_dev_path
from analysis.quotes import find_quotes
from analysis.schema import QUOTE_MODES, SIDES, SOURCE_TYPES, SOURCING_COLUMNS
from analysis.sentences import Sentence
from analysis.sourcing import Attribution, SourceAttributor, attribute_sentences


def one(at: SourceAttributor, sentence: str) -> Attribution:
    sents, text = sents_of(sentence)
    return at.attribute(sents, text)[0]


# --- single sentences ------------------------------------------------------------------

SINGLE = [
    # sentence, source_type, speaker, quote_mode, via_outlet, side
    # third parties and mediators framing's gazetteer knows (user review: "Swiss" read as a name)
    ("A Swiss foreign ministry spokesperson said the talks would resume.",
     "unnamed_official", "A Swiss foreign ministry spokesperson", "indirect", "", "other"),
    ("A Qatari official said the prisoner exchange was agreed.",
     "unnamed_official", "A Qatari official", "indirect", "", "other"),
    ("Austria said it would host the next round.",
     "institution", "Austria", "indirect", "", "other"),
    ("Peskov told Newsweek that talks would resume soon.",
     "named_official", "Peskov", "indirect", "Newsweek", "russia"),
    ("Talks resumed on Monday in Istanbul, according to Interfax.",
     "media", "Interfax", "indirect", "", "russia"),
    ("Medinsky said the sides were close to agreement, according to Interfax.",
     "named_official", "Medinsky", "indirect", "Interfax", "russia"),
    ("The Washington Post reported that the talks had stalled.",
     "media", "The Washington Post", "indirect", "", "us"),
    ("The Washington Post cited US officials who said the envoy had not called Moscow.",
     "unnamed_official", "US officials", "indirect", "The Washington Post", "us"),
    ("The Kremlin said in a statement that the talks would continue.",
     "institution", "The Kremlin", "indirect", "", "russia"),
    ("Russia says the drills near the border are purely defensive.",
     "institution", "Russia", "indirect", "", "russia"),
    ("Zelensky said on Telegram that the city was still holding out.",
     "named_official", "Zelensky", "indirect", "", "ukraine"),
    ("“We are ready to talk,” said Samuel Carter, a political scientist at the Brookings "
     "Institution.", "expert", "Samuel Carter", "direct", "", "unknown"),
    ("Russian and Ukrainian officials have been engaged in negotiations for a week.",
     "unattributed", "", "none", "", "unknown"),
    ("Instead, the US has pledged over $1 billion in new military aid for Ukraine.",
     "unattributed", "", "none", "", "unknown"),
    ("People familiar with the matter said the deal was close.",
     "unnamed_official", "People familiar with the matter", "indirect", "", "unknown"),
    ("A resident of Irpin said the shelling lasted all night.",
     "other", "A resident of Irpin", "indirect", "", "unknown"),
    ("A video posted on Telegram showed the bridge collapsing into the river.",
     "other", "A video posted on Telegram", "indirect", "", "unknown"),
    ("NATO said it would reinforce its eastern flank with four battalions.",
     "institution", "NATO", "indirect", "", "eu_nato"),
    ("Belarusian President Alexander Lukashenko said Minsk would not send troops.",
     "named_official", "Belarusian President Alexander Lukashenko", "indirect", "", "belarus"),
    ("Former ambassador Michael Reed said the talks were doomed from the start.",
     "expert", "Former ambassador Michael Reed", "indirect", "", "unknown"),
    ("The UN secretary-general called for an immediate ceasefire in the city.",
     "named_official", "The UN secretary-general", "indirect", "", "un"),
    ("Senator Jane Holt told reporters that the aid bill would pass next week.",
     "named_official", "Senator Jane Holt", "indirect", "", "unknown"),
    ("Two diplomats told Reuters that the summit had been postponed.",
     "unnamed_official", "Two diplomats", "indirect", "Reuters", "unknown"),
    ("The foreign ministry spokesman, Oleg Nikolenko, said Kyiv expected a clear answer.",
     "named_official", "Oleg Nikolenko", "indirect", "", "ukraine"),
    ("It was noted that the decision should not harm European importers of gas.",
     "unattributed", "", "none", "", "unknown"),
    ("A report published by the International Atomic Energy Agency warned of a leak.",
     "institution", "A report published by the International Atomic Energy Agency", "indirect",
     "", "un"),
]


@pytest.mark.parametrize(("sentence", "stype", "speaker", "mode", "via", "side"), SINGLE)
def test_single_sentence(at, sentence, stype, speaker, mode, via, side):
    a = one(at, sentence)
    assert (a.source_type, a.speaker, a.quote_mode, a.via_outlet) == (stype, speaker, mode, via)
    if side != "unknown":
        assert a.side == side
    if speaker:
        assert sentence[a.speaker_start:a.speaker_end] == speaker
        assert a.cue and sentence[a.cue_start:a.cue_end].strip()
    else:
        assert (a.speaker_start, a.cue_start) == (-1, -1)


MORE = [
    # sentence, source_type, speaker  (rules added while checking unseen articles)
    # (a list of sources: the first speaks and types the sentence)
    ("Senior officials and the military have implied Ukrainian involvement in the blasts.",
     "unnamed_official", "Senior officials"),
    ("Western officials have been briefing on the war and they say Russia is regrouping.",
     "unnamed_official", "they"),
    ("The leaders agreed to continue their contacts on the grain corridor.",
     "unattributed", ""),
    ("The US has pledged over $1 billion in new military aid for Kyiv.", "unattributed", ""),
    ("Russia has pledged to “respond decisively” to any new deployment.", "institution", "Russia"),
    ("The Odesa region, which is sometimes called New Russia, was shelled again on Monday, "
     "officials said.", "unnamed_official", "officials"),
    ("Rebekah Lowe, a former U.S. intelligence officer and the author of \"Moscow Rules,\" told "
     "Fox News Digital that an escalation was coming.", "expert", "Rebekah Lowe"),
    ("Mass protests broke out against an election that the opposition said was rigged.",
     "unattributed", ""),
    ("The WFP said it was coordinating with member states on the export of grain.",
     "institution", "The WFP"),
    ("People were boiling water for drinking, a staff member for the aid group Doctors Without "
     "Borders in the city said.", "other",
     "a staff member for the aid group Doctors Without Borders"),
    ("The President of Russia gave a detailed account of the talks held in Istanbul.",
     "named_official", "The President of Russia"),
    ("Today, we are facing the test of this policy, the resolution reads.", "institution",
     "the resolution"),
    ("Despite the shelling, the people of Kharkiv have shown remarkable resilience.",
     "unattributed", ""),
    ("The talks are stalled, said one European diplomat in Brussels.", "unnamed_official",
     "one European diplomat in Brussels"),
    ("Rep. Jane Carter (D-Ohio) said the aid package would pass.", "named_official",
     "Rep. Jane Carter"),
    ("“There is always resistance,” said Mr. Gunnels, who now advises the campaign.",
     "named_official", "Mr. Gunnels"),
    ("“We check every list,” said C. Stewart Verdery Jr., a senior homeland security official.",
     "named_official", "C. Stewart Verdery Jr."),
    ("The party says 34,570 citizens living abroad cast votes.", "institution", "The party"),
    ("The judge rubbed his chin, and then said something very strange.", "unnamed_official",
     "The judge"),
]


MEDIA = [
    # sentence, source_type, speaker, via_outlet
    ("State media said three people were killed in the blast.", "media", "State media", ""),
    ("Ukrainian media reported heavy fighting near Bakhmut.", "media", "Ukrainian media", ""),
    ("The explosion damaged two buildings, according to local media.", "media", "local media", ""),
    ("RIA Novosti reported, citing a source in the defence ministry, that troops had withdrawn.",
     "unnamed_official", "a source in the defence ministry", "RIA Novosti"),
    ("The Wall Street Journal, citing people familiar with the matter, reported that the deal "
     "was close.", "unnamed_official", "people familiar with the matter",
     "The Wall Street Journal"),
    ("TASS quoted Peskov as saying that the talks were over.", "named_official", "Peskov", "TASS"),
    ("Peskov was quoted by TASS as saying the talks were over.", "named_official", "Peskov",
     "TASS"),
    ("Zelensky said in an interview with CNN that he was ready to meet Putin.", "named_official",
     "Zelensky", "CNN"),
    ("Amnesty International said the strike may amount to a war crime.", "institution",
     "Amnesty International", ""),
    ("Ukraine’s General Staff said in its morning update that 20 attacks were repelled.",
     "institution", "Ukraine’s General Staff", ""),
    ("Local officials said the water supply was cut.", "unnamed_official", "Local officials", ""),
    ("Reuters reported that US officials said the talks were over.", "unnamed_official",
     "US officials", "Reuters"),
    ("The Daily Herald reported that Estonian companies had reported damage to three cables.",
     "other", "Estonian companies", "The Daily Herald"),
    ("Posts on social media showed long queues at the border.", "other", "Posts on social media",
     ""),
]


# other conflicts and non-conflict news (issue 4: the rules must generalise beyond the
# Russia-Ukraine war); invented sentences in the style of wire copy
OTHER_CONFLICTS = [
    # sentence, source_type, speaker
    ("A senior Hamas official said the group would not lay down its arms.", "unnamed_official",
     "A senior Hamas official"),
    ("A Taliban spokesman said the fighters had withdrawn from the city.", "unnamed_official",
     "A Taliban spokesman"),
    ("Hamas has warned of more attacks if the raids continue.", "institution", "Hamas"),
    ("The Taliban has denied holding the aid workers.", "institution", "The Taliban"),
    ("The Palestinian leadership is calling for international monitors.", "institution",
     "The Palestinian leadership"),
    ("Palestinian police said two gunmen were killed in the clash.", "institution",
     "Palestinian police"),
    ("The Israelis say they will not resume talks until the attacks stop.", "institution",
     "The Israelis"),
    ("The Bush administration says it supports a ceasefire.", "institution",
     "The Bush administration"),
    ("India ruled out talks with Pakistan until the militants are handed over.", "institution",
     "India"),
    ("Pakistan claims the gunmen crossed the border from India.", "institution", "Pakistan"),
    ("Islamabad insists it had no role in the attack.", "institution", "Islamabad"),
    ("The Israeli army reacted with caution to the offer.", "institution", "The Israeli army"),
    ("But the largest militant group, Hamas, issued a statement vowing to fight on.",
     "institution", "the largest militant group"),
    ("Fire authorities say the blaze has closed the highway.", "institution", "Fire authorities"),
    ("The plan was hailed by UN envoy Kofi Annan as a turning point.", "named_official",
     "UN envoy Kofi Annan"),
    ("The government position was spelt out by spokesman Tom Bradley.", "named_official",
     "spokesman Tom Bradley"),
    ("The proposal has been criticised by some commanders as a foreign occupation.",
     "unnamed_official", "some commanders"),
    ("But a spokesman for the ministry emerged soon after to say there was no deal.",
     "unnamed_official", "a spokesman for the ministry"),
    ("The Mitchell Plan calls for an end to the violence before talks resume.", "institution",
     "The Mitchell Plan"),
    ("Reports from the area say there has been heavy fighting near the caves.", "media",
     "Reports from the area"),
    # non-government people and organisations are not officials (codebook: named_official
    # speaks for a government, military, ministry or intergovernmental body)
    ("A union official said the workers would strike on Monday.", "other", "A union official"),
    ("A Qantas spokesman said fares would fall.", "other", "A Qantas spokesman"),
    # rejecting a thing is acting (codebook sourcing rule 2: "acting is not speaking");
    # rejecting claims, or rejecting with a that-clause or a quotation, is speaking
    ("Unions have rejected the latest pay offer.", "unattributed", ""),
    ("The striking workers rejected the pay negotiations.", "unattributed", ""),
    ("The Kremlin rejected claims that it had shelled the plant.", "institution", "The Kremlin"),
    ("Moscow rejected the accusations.", "institution", "Moscow"),
    ("Lavrov rejected that idea, saying it was unrealistic.", "named_official", "Lavrov"),
    ("Qantas says it will match the cheaper fares.", "institution", "Qantas"),
    ("Australian paceman Glenn Morton says the catch was typical of the side.", "other",
     "Australian paceman Glenn Morton"),
    ("IMF Managing Director Anna Brandt said the talks had stalled.", "named_official",
     "IMF Managing Director Anna Brandt"),
    ("A spokesman for the Prime Minister, Ariel Sharon, said the talks were off.",
     "unnamed_official", "A spokesman for the Prime Minister"),
    ("A spokesman for Mr Arafat said the talks would go on.", "unnamed_official",
     "A spokesman for Mr Arafat"),
    ("Mr Sharon's office said the talks were off.", "institution", "Mr Sharon's office"),
    ("Israel Radio reported that troops had entered the town.", "media", "Israel Radio"),
    ("The agreement says the interim administration will take power next month.",
     "institution", "The agreement"),
    ("One Republican said the vote would fail.", "other", "One Republican"),
    ("The Australian Manufacturing Workers Union says it will step up industrial action.",
     "institution", "The Australian Manufacturing Workers Union"),
    ("India's captain Sourav Ganguly says his side is confident.", "other",
     "India's captain Sourav Ganguly"),
    ("Captain Yuval Dror said the area was closed to journalists.", "named_official",
     "Captain Yuval Dror"),
    ("His fellow ministers said the plan was dead.", "unnamed_official",
     "His fellow ministers"),
    ("Jim Bean, a research fellow, said the figures were wrong.", "expert", "Jim Bean"),
    # witnesses, residents and other people speaking for themselves
    ("Tribal elders say the fighters have fled the town.", "other", "Tribal elders"),
    ("The pilot says the plane was hit by ground fire.", "other", "The pilot"),
    ("Mr Hussein, a shopkeeper, says business has collapsed.", "other", "Mr Hussein"),
    ("One resident, Ahmed Khan, says the town is empty.", "other", "Ahmed Khan"),
    ("A videotape shows the leader praising the attacks.", "other", "A videotape"),
    # acting and background are not speaking
    ("The rebels claimed the town on Monday.", "unattributed", ""),
    ("Now that the dispute is threatening to turn violent, both sides must wait.",
     "unattributed", ""),
    ("It was revealing that the minister gave a critical assessment.", "unattributed", ""),
    ("The regions were annexed after referendums that were condemned by Kyiv as illegitimate.",
     "unattributed", ""),
    ("Truckloads of armed men have been seen heading toward the area, suggesting an attack "
     "is imminent.", "unattributed", ""),
    ("It concludes more than a week of negotiations outside the capital.", "unattributed", ""),
]


@pytest.mark.parametrize(("sentence", "stype", "speaker"), OTHER_CONFLICTS)
def test_other_conflicts_and_non_conflict_news(at, sentence, stype, speaker):
    a = one(at, sentence)
    assert (a.source_type, a.speaker) == (stype, speaker)


_FIRE = ["The fire started on Monday afternoon in dry bushland near the coast and spread "
         "quickly towards the town in strong winds.",
         "More than forty homes were destroyed overnight and hundreds of residents spent the "
         "night in evacuation centres set up in local schools.",
         "Crews worked through the night to protect the hospital and the main street, and the "
         "highway stayed closed in both directions."]


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # "the official" / "He" after an unnamed official keep its type
    ((["A senior Hamas official said the group would fight on.",
       "The official said talks were pointless.", "He said the raids would continue."],),
     ["unnamed_official"] * 3),
    # a bare surname is typed by the role that introduced the person earlier
    ((["Qantas chief executive Geoff Dalton was in Sydney on Monday.",
       "Dalton said fares would fall."],), ["unattributed", "other"]),
    ((["Greg Combs, the union secretary, spoke to workers at the gate.",
       "Combs said the strike would go on."],), ["unattributed", "other"]),
    # a name with no role in news without any government vocabulary (sport, a bushfire)
    ((_FIRE + ["John Marsh said he lost everything."],), ["unattributed"] * 3 + ["other"]),
    ((_FIRE + ["The Bureau of Meteorology's Clara Reeves says the rain did little."],),
     ["unattributed"] * 3 + ["named_official"]),
    # ... but a short text is no evidence either way
    ((["John Marsh said he lost everything."],), ["named_official"]),
    # a quotation continued in the next sentence keeps the speaker
    ((["Israeli Prime Minister Ariel Sharon said the talks were over.",
       "\u201cWe will not negotiate under fire,\u201d he said.",
       "\u201cThe attacks must stop first.\u201d"],),
     ["named_official"] * 3),
])
def test_speaker_types_across_sentences(at, paragraphs, expected):
    sents, text = sents_of(*paragraphs)
    assert [a.source_type for a in at.attribute(sents, text)] == expected


@pytest.mark.parametrize(("sentence", "stype", "speaker", "via"), MEDIA)
def test_media_and_relayed_claims(at, sentence, stype, speaker, via):
    a = one(at, sentence)
    assert (a.source_type, a.speaker, a.via_outlet) == (stype, speaker, via)


@pytest.mark.parametrize(("sentence", "stype", "speaker"), MORE)
def test_more_sentences(at, sentence, stype, speaker):
    a = one(at, sentence)
    assert (a.source_type, a.speaker) == (stype, speaker)


@pytest.mark.parametrize(("sentence", "anonymous"), [
    ("A senior administration official, speaking on condition of anonymity, said the sanctions "
     "would widen.", True),
    ("People familiar with the matter said the deal was close.", True),
    ("Medinsky said the talks were treading water.", False),
])
def test_anonymity(at, sentence, anonymous):
    a = one(at, sentence)
    assert a.source_type != "unattributed"
    assert a.anonymous is anonymous


@pytest.mark.parametrize("sentence", [
    "The Pentagon declined to comment.",
    "The ministry did not immediately respond to a request for comment.",
])
def test_declined_to_comment(at, sentence):
    a = one(at, sentence)
    assert a.source_type == "institution"
    assert a.source_rule == "declined_to_comment"


def test_headline_source_colon(at):
    sents, text = sents_of("State Department: Blinken Hasn’t Spoken With Russian FM Since Invasion",
                           "Author: Dave Smith")
    a, b = at.attribute(sents, text)
    assert (a.source_type, a.speaker, a.side) == ("institution", "State Department", "us")
    assert b.source_type == "unattributed"  # a byline is not a source


# --- quotations across sentences and paragraphs ------------------------------------------

def test_quote_closed_later_takes_the_closing_speaker(at):
    sents, text = sents_of(["“We continue to believe diplomacy is key.",
                            "However, we remain clear-eyed,” the spokesperson said."])
    a, b = at.attribute(sents, text)
    assert (a.speaker, a.quote_mode) == ("the spokesperson", "continuation")
    assert (b.speaker, b.quote_mode) == ("the spokesperson", "direct")
    assert a.source_type == b.source_type == "unnamed_official"
    assert (a.speaker_start, b.speaker_start) == (-1, sents[1].text.index("the spokesperson"))


def test_quote_opened_after_attribution_continues(at):
    sents, text = sents_of(["“Negotiations went on all week,” Medinsky said, according to Interfax.",
                            "“On secondary issues, positions are converging.",
                            "On the main issues, we are treading water.”"])
    a, b, c = at.attribute(sents, text)
    assert (a.speaker, a.via_outlet, a.quote_mode) == ("Medinsky", "Interfax", "direct")
    for x in (b, c):
        assert (x.source_type, x.speaker, x.quote_mode) == ("named_official", "Medinsky",
                                                            "continuation")


def test_paragraph_opening_with_a_quote_continues_previous_speaker(at):
    sents, text = sents_of(["Lavrov said the West was to blame.", "“They started this,” he said."],
                           "“Nobody listens to us.”",
                           "Separately, the ministry announced new drills.")
    out = at.attribute(sents, text)
    assert out[2].source_type == "named_official"
    assert (out[2].speaker, out[2].quote_mode) == ("he", "continuation")
    assert out[2].speaker_canonical == "Lavrov"
    assert out[3].speaker == "the ministry"


def test_quote_running_over_paragraphs(at):
    # the first paragraph leaves the quotation open; the next one reopens it
    sents, text = sents_of(["Kuleba said: “We will not give up our land."],
                           ["“Our position has not changed and will not change.”"])
    a, b = at.attribute(sents, text)
    assert a.speaker == "Kuleba" and a.source_type == "named_official"
    assert (b.speaker, b.quote_mode) == ("Kuleba", "continuation")


def test_new_quote_paragraph_with_its_own_attribution(at):
    sents, text = sents_of(["“We are ready,” Kuleba said."], ["“Kyiv is stalling,” Peskov said."])
    a, b = at.attribute(sents, text)
    assert (a.speaker, b.speaker) == ("Kuleba", "Peskov")
    assert b.quote_mode == "direct"


def test_partial_quote_inside_reported_speech(at):
    a = one(at, "The spokesperson said that Russia “needs to stop its campaign of death” now.")
    assert (a.speaker, a.quote_mode) == ("The spokesperson", "partial")


def test_straight_quotes(at):
    sents, text = sents_of(['"We will rebuild every house.', 'Every single one," the mayor said.'])
    a, b = at.attribute(sents, text)
    assert a.speaker == b.speaker == "the mayor"
    assert a.quote_mode == "continuation"


@pytest.mark.parametrize("paragraphs", [
    (["He said “this never ends.", "Then the market opened."], ["A new paragraph."]),
    (["Nothing opened ” here but a closer.", "“ And an opener at the end"],),
    (["\"", "”“", "“”"],),
    ([""], [" "], ["“"]),
])
def test_unbalanced_quotes_never_raise(at, paragraphs):
    sents, text = sents_of(*paragraphs)
    out = at.attribute(sents, text)
    assert len(out) == len(sents)
    assert all(a.source_type in SOURCE_TYPES and a.quote_mode in QUOTE_MODES for a in out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab said,.:“”\"' \nTheKremlinhe—‘’(")),
                        max_size=60), max_size=8))
def test_any_text_never_raises(at, texts):
    sents, text = sents_of(texts)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no fallback either: the rules themselves must cope
        out = at.attribute(sents, text)
    assert len(out) == len(sents)
    for s, a in zip(sents, out, strict=True):
        assert a.source_type in SOURCE_TYPES
        if a.speaker_start >= 0:
            assert 0 <= a.speaker_start <= a.speaker_end <= len(s.text)


_SCAN_WORDS = ["said", "says", "added", "address", "told", "statement", "according", "by",
               "warning", "claims", "went on to say", "declined to comment", "Mr", "Hamas",
               "the", "view", "opinion", "—", "(", ")", "“", "”", "\"", "''", ",", ".", ":",
               "\u00a0", "\n", " ", "  ", "x", "readd"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(_SCAN_WORDS), max_size=25).map("".join), min_size=1,
                max_size=6))
def test_article_scan_shortcuts_change_nothing(at, texts):
    """The article-wide scan (which sentences can hold a cue, which verb words they hold) is
    a superset of the per-sentence tests: the result equals scoring each sentence with the
    shortcuts off."""
    sents, text = sents_of(texts)
    fast = at.attribute(sents, text)
    flagged, words = at._trigger_sentences(text, [s.start for s in sents], sents)
    from analysis.sourcing import _mask

    for i, s in enumerate(sents):
        mk = _mask(s.text, 0, [])
        if at.lex.verbs_in(mk):
            assert flagged.get(i, 0) & 1
            assert at.lex.verbs_in_words(mk, words.get(i, set())) == at.lex.verbs_in(mk)
    assert _unscanned().attribute(sents, text) == fast


@functools.lru_cache(maxsize=1)
def _unscanned() -> SourceAttributor:
    """An attributor whose article scan flags every sentence (no shortcut taken)."""
    slow = SourceAttributor()
    slow._trigger_sentences = lambda full, starts, ss, **kw: (dict.fromkeys(range(len(ss)), 7), {})
    return slow


def test_stray_quote_does_not_swallow_the_next_paragraph(at):
    sents, text = sents_of(["The mayor said “the water is back."], ["Prices rose again in March."])
    out = at.attribute(sents, text)
    assert out[1].source_type == "unattributed"


def test_find_quotes_nested_and_double_apostrophes():
    t = 'He said. "Today these are antonyms - "Russia" and "trust"," the head of state noted.'
    spans = find_quotes(t)
    assert len(spans) == 1 and t[spans[0].start:spans[0].end].endswith('"trust",')
    t2 = "''It's anti-reform,'' said Alan Cole."
    (q,) = find_quotes(t2)
    assert t2[q.start:q.end] == "It's anti-reform,"


# --- speakers resolved over the article --------------------------------------------------

def test_pronoun_takes_antecedent_type_and_canonical(at):
    sents, text = sents_of(["Russia’s leading negotiator, Vladimir Medinsky, said talks continue.",
                            "He said positions on secondary issues were converging."])
    a, b = at.attribute(sents, text)
    assert (a.speaker, a.source_type) == ("Vladimir Medinsky", "named_official")
    assert (b.speaker, b.speaker_canonical, b.source_type) == ("He", "Vladimir Medinsky",
                                                             "named_official")


def test_long_appositive_keeps_the_named_head_and_later_descriptions_resolve(at):
    sents, text = sents_of(["Mykola Hrytsenko, Adviser to the Head of the Office of the President "
                            "and a member of the delegation at the talks, said the talks had "
                            "stalled.", "According to him, Europe is getting tired."],
                           ["“What does this mean for us?", "More victims,” said the Adviser to "
                            "the Head of the Office."])
    out = at.attribute(sents, text)
    assert out[0].speaker == "Mykola Hrytsenko"
    assert out[1].speaker_canonical.startswith("Mykola Hrytsenko")
    assert [a.source_type for a in out] == ["named_official"] * 4
    assert out[2].quote_mode == "continuation"


def test_is_convinced_is_a_belief_after_be(at):
    a = one(at, "Podolyak is convinced that Europe will not abandon Kyiv.")
    assert (a.speaker, a.source_rule) == ("Podolyak", "cognition_subject_verb")
    assert one(at, "Convinced voters lined up early.").source_type == "unattributed"


def test_later_speaker_in_a_sentence_is_the_pronouns_antecedent(at):
    sents, text = sents_of(["NATO Secretary General Jens Stoltenberg said China was not a broker.",
                            "Analysts in China meanwhile say Beijing is neutral. “China benefits "
                            "from peace,” said Andy Moe, a research fellow at a Beijing think "
                            "tank."], ["“It would burnish China’s reputation,” he told Al "
                                       "Jazeera."])
    out = at.attribute(sents, text)
    assert (out[1].speaker, out[1].source_type) == ("Analysts in China", "expert")
    assert (out[2].speaker, out[2].speaker_canonical) == ("he", "Andy Moe")
    assert out[2].source_type == "expert" and out[2].via_outlet == "Al Jazeera"


def test_in_his_opinion(at):
    sents, text = sents_of(["Zelensky said the talks must continue.",
                            "In his opinion, some points need to be agreed first."])
    b = at.attribute(sents, text)[1]
    assert (b.source_type, b.speaker, b.speaker_canonical) == ("named_official", "his", "Zelensky")
    c = one(at, "In the view of the ministry, the sanctions are illegal.")
    assert (c.source_type, c.speaker) == ("institution", "the ministry")


def test_relative_clause_reference_is_not_the_source(at):
    a = one(at, "Both leaders were asked about the demands for no-fly zones, which Nato has "
                "rejected.")
    assert a.source_type == "unattributed"


def test_definite_description_keeps_unnamed_type(at):
    sents, text = sents_of(["A State Department spokesperson said the last call was in February.",
                            "The spokesperson added that diplomacy remained key."])
    a, b = at.attribute(sents, text)
    assert b.source_type == "unnamed_official"
    assert b.speaker == "The spokesperson"
    assert b.speaker_canonical == "A State Department spokesperson"
    assert b.anonymous


def test_surname_goes_back_to_full_name(at):
    sents, text = sents_of(["Analyst Dara Whitfield of the Carnegie Endowment said Moscow was "
                            "overstretched.", "Whitfield said the offensive had stalled."])
    a, b = at.attribute(sents, text)
    assert b.speaker == "Whitfield"
    assert b.source_type == a.source_type == "expert"
    assert "Dara Whitfield" in b.speaker_canonical


def test_statement_attributed_as_a_whole(at):
    sents, text = sents_of(["The following statement is attributed to Pentagon Press Secretary "
                            "John Kirby: Today the Secretary approved new aid for Ukraine.",
                            "This brings the total to $1 billion.",
                            "We will continue to stand with our partners."])
    out = at.attribute(sents, text)
    assert [a.source_type for a in out] == ["named_official"] * 3
    assert {a.speaker for a in out} == {"John Kirby"}


def test_readout_in_own_voice_is_unattributed_except_attributed_statements(at):
    sents, text = sents_of(["The two leaders discussed the situation around Ukraine.",
                            "It was agreed to maintain contact.",
                            "The President of Russia stressed that the talks must continue."])
    out = at.attribute(sents, text)
    assert [a.source_type for a in out] == ["unattributed", "unattributed", "named_official"]


def test_attributed_to_label_makes_the_readout_the_persons(at):
    sents, text = sents_of("Attributed to Pentagon Press Secretary Brig. Gen. Pat Ryder:",
                           "Secretary Austin spoke by phone with his Ukrainian counterpart today.",
                           "The two leaders discussed air defense needs.")
    out = at.attribute(sents, text)
    assert out[0].speaker == "Pat Ryder"
    assert all(a.source_type == "named_official" for a in out)
    assert out[2].speaker == "Pat Ryder"


def test_dash_credit_after_quote(at):
    sents, text = sents_of(["“He has no plan for the economy.", "None at all.”"], "― Maria Lopez")
    out = at.attribute(sents, text)
    assert [a.speaker for a in out] == ["Maria Lopez"] * 3


def test_mixed_case_speaker_label_opens_a_transcript(at):
    sents, text = sents_of(["President of Russia Vladimir Putin: Citizens of Russia, friends, I "
                            "want to speak again today.", "I will begin with what I said on "
                            "Monday."], ["Our efforts were in vain."])
    out = at.attribute(sents, text)
    assert [a.speaker for a in out] == ["President of Russia Vladimir Putin"] * 3
    assert out[2].source_type == "named_official"


def test_transcript_turns_hold_reported_speech(at):
    sents, text = sents_of(["President of Russia Vladimir Putin: Mr Lavrov, we agreed to meet "
                            "today.", "I would like to hear your analysis."],
                           ["Foreign Minister Sergei Lavrov: Mr President, we have been working "
                            "on it.", "Antony Blinken asked me for a separate meeting."])
    out = at.attribute(sents, text)
    assert [a.speaker for a in out] == ["President of Russia Vladimir Putin"] * 2 + [
        "Foreign Minister Sergei Lavrov"] * 2
    assert out[3].source_rule == "transcript_label"


def test_headline_with_a_colon_does_not_swallow_the_article(at):
    sents, text = sents_of("Putin: Russia will respond to NATO expansion.",
                           ["Russian troops massed near the border on Monday."])
    a, b = at.attribute(sents, text)
    assert a.speaker == "Putin"
    assert b.source_type == "unattributed"


def test_transcript_labels(at):
    sents, text = sents_of("QUESTION: Will you meet your Russian counterpart?",
                           "SECRETARY BLINKEN: We have no plans to do so.",
                           "There is nothing to discuss at this point.")
    q, a, b = at.attribute(sents, text)
    assert (q.source_type, q.speaker) == ("media", "QUESTION")
    assert (a.source_type, a.speaker) == ("named_official", "SECRETARY BLINKEN")
    assert (b.source_type, b.speaker) == ("named_official", "SECRETARY BLINKEN")


# --- API contract --------------------------------------------------------------------------

def test_as_row_has_every_sourcing_column(at):
    row = one(at, "Peskov said the talks would resume.").as_row()
    assert set(SOURCING_COLUMNS) <= set(row)
    assert {"speaker_start", "speaker_end", "cue_start", "cue_end"} <= set(row)
    assert row["side"] in SIDES


def test_as_row_matches_the_dataclass_fields(at):
    from dataclasses import asdict

    a = one(at, "Peskov told Newsweek that talks would resume.")
    assert a.as_row() == asdict(a)


def test_attribution_is_frozen():
    a = Attribution()
    with pytest.raises(AttributeError):
        a.speaker = "x"  # type: ignore[misc]


def test_module_function_and_no_text(at):
    sents = [Sentence(0, 10, "He is out."), Sentence(11, 40, "Lavrov said it was over.")]
    out = attribute_sentences(sents)  # no article text: rebuilt from the sentences
    assert [a.speaker for a in out] == ["", "Lavrov"]
    assert attribute_sentences([]) == []


def test_sentences_that_do_not_match_the_text_still_work(at):
    sents = [Sentence(0, 5, "Lavrov said the talks were over."), Sentence(3, 2, "")]
    out = at.attribute(sents, text="unrelated")
    assert out[0].speaker == "Lavrov" and out[1].source_type == "unattributed"


def test_ten_thousand_sentences_fast_and_safe(at):
    base = ["“We are ready,” the minister said.", "Prices rose in March.",
            "Peskov told Newsweek that talks would resume.", "“This is open", "and this ” too."]
    texts = [base[i % len(base)] for i in range(10_000)]
    sents, text = sents_of(*[texts[i:i + 5] for i in range(0, len(texts), 5)])
    t0 = time.process_time()
    out = at.attribute(sents, text)
    elapsed = time.process_time() - t0
    assert len(out) == 10_000
    assert elapsed < 10.0  # generous: a shared, loaded machine


# --- rule files ----------------------------------------------------------------------------

def test_bad_rule_row_names_file_and_line(tmp_path):
    bad = tmp_path / "my_outlets.csv"
    bad.write_text("name,side,kind\nDaily Planet,us,newspaper\nGotham Gazette,gotham,newspaper\n",
                   encoding="utf-8")
    with pytest.raises(LexiconError, match=r"my_outlets\.csv:3: side 'gotham'"):
        SourceAttributor({"outlets": bad})


def test_unknown_rule_table_name(tmp_path):
    with pytest.raises(ValueError, match="unknown sourcing rule table"):
        SourceAttributor({"outletz": tmp_path / "x.csv"})


def test_user_extension_file(tmp_path):
    extra = tmp_path / "my_outlets.csv"
    extra.write_text("# my outlets\nname,side,kind\nDaily Planet,us,newspaper\n", encoding="utf-8")
    at2 = SourceAttributor({"outlets": extra})
    s = "Governor Ruth Park told the Daily Planet that the dam would hold."
    a = at2.attribute([Sentence(0, len(s), s)], s)[0]
    assert (a.source_type, a.speaker, a.via_outlet) == ("named_official", "Governor Ruth Park",
                                                         "Daily Planet")
    b = at2.attribute([Sentence(0, 43, "The Daily Planet reported that it had won.")])[0]
    assert b.source_type == "media"
    # the shipped default does not know it
    c = SourceAttributor().attribute([Sentence(0, len(s), s)], s)[0]
    assert c.via_outlet == ""


def test_user_roles_extension(tmp_path):
    extra = tmp_path / "roles.csv"
    extra.write_text("term,type\nchaplain,other\n", encoding="utf-8")
    s = "A military chaplain said morale was low."
    assert SourceAttributor({"roles": extra}).attribute([Sentence(0, len(s), s)])[0].source_type \
        == "other"


@pytest.mark.parametrize(("mention", "appositive", "expected"), [
    # an "other" role employed by a civil government body speaks for it ...
    ("Sergeant John Smith of Sydney police", "", "named_official"),
    ("a driver for the Interior Ministry", "", "unnamed_official"),
    # ... not a soldier of an army, nor a role after a body that acts on the person
    ("Sergeant Ivan Petrov of the Ukrainian army", "", "other"),
    ("Police killed the gunman, Omar Mateen", "", "other"),
    # a spokesperson role beside an "other" one decides, former or a company's as usual
    ("Sergeant John Smith", "a police spokesman", "named_official"),
    ("on 'Fox and Friends,' said Tommy Vietor", "a former spokesman for Mr", "expert"),
    ("Jan Kowal", "a volunteer and Qantas spokesman", "other"),
])
def test_other_roles_that_speak_for_a_body(at, mention, appositive, expected):
    assert at.lex.classify(mention, appositive).source_type == expected


def test_user_sourcing_words_extension(tmp_path):
    # a speech noun of the user's: "the Kremlin's rebuttal" becomes a nominal cue
    extra = tmp_path / "my_words.toml"
    extra.write_text('# my speech nouns\nspeech_nouns = ["rebuttal"]\n', encoding="utf-8")
    s = "The Kremlin's rebuttal came within hours."
    a = SourceAttributor({"sourcing_words": extra}).attribute([Sentence(0, len(s), s)], s)[0]
    assert (a.source_type, a.speaker, a.cue) == ("institution", "The Kremlin", "rebuttal")
    assert SourceAttributor().attribute([Sentence(0, len(s), s)], s)[0].source_type == "unattributed"
    # the same through the Scorer, and the shipped words still count ("response")
    from analysis.articles import Article
    from analysis.scoring import Scorer

    text = s + " The Kremlin's response came later."
    df = Scorer(source_rules={"sourcing_words": extra}).score_article(Article.from_text(text, id="x"))
    assert df["source_type"].tolist() == ["institution", "institution"]


def test_user_adverb_extension_ends_the_subject(tmp_path):
    # an adverb between subject and verb that the shipped list lacks ("anew") is part of the
    # speaker; listed by the user, it ends the subject as "again" does
    extra = tmp_path / "my_words.toml"
    extra.write_text('subject_adverbs = ["anew"]\n', encoding="utf-8")
    s = "The ministry anew said the talks had failed."
    before = SourceAttributor().attribute([Sentence(0, len(s), s)], s)[0]
    after = SourceAttributor({"sourcing_words": extra}).attribute([Sentence(0, len(s), s)], s)[0]
    assert after.speaker == "The ministry"
    assert before.speaker != after.speaker


@pytest.mark.parametrize(("toml", "paragraphs", "before", "after"), [
    # a speech verb of "This was ... by X" (stated_by_verbs; a phrase with any spacing)
    ('stated_by_verbs = ["relayed", "passed on"]\n',
     ["Talks will resume in May.", "This was relayed by the Kremlin."],
     [("unattributed", ""), ("unattributed", "")],
     [("institution", "the Kremlin"), ("institution", "the Kremlin")]),
    ('stated_by_verbs = ["relayed", "passed on"]\n',
     ["Talks will resume in May.", "This was passed  on by the Kremlin."],
     [("unattributed", ""), ("unattributed", "")],
     [("institution", "the Kremlin"), ("institution", "the Kremlin")]),
    # ... and one only after a speech noun (stated_by_noun_verbs)
    ('stated_by_noun_verbs = ["read"]\n',
     ["Peace is near.", "The statement was read by the envoy."],
     [("unattributed", ""), ("unattributed", "")],
     [("unnamed_official", "the envoy"), ("unnamed_official", "the envoy")]),
    # the last word of an organisation's name (org_heads)
    ('org_heads = ["Syndicate"]\n', ["The Kovac Syndicate said it would appeal."],
     [("named_official", "The Kovac Syndicate")], [("institution", "The Kovac Syndicate")]),
    # a capitalised word that starts no name (not_name_words)
    ('not_name_words = ["Overnight"]\n', ["Overnight said the bridge fell."],
     [("named_official", "Overnight")], [("unattributed", "")]),
])
def test_user_sourcing_words_of_the_code_lists(tmp_path, toml, paragraphs, before, after):
    # lists that were vocabulary in the code: a user's words extend them as the others
    extra = tmp_path / "my_words.toml"
    extra.write_text(toml, encoding="utf-8")
    sents, text = sents_of(paragraphs)
    got = [[(a.source_type, a.speaker) for a in att.attribute(sents, text)]
           for att in (SourceAttributor(), SourceAttributor({"sourcing_words": extra}))]
    assert got == [before, after]


def test_user_opener_adverb_is_passed_over(tmp_path):
    # an adverb opening the sentence before its subject, up to a comma (opener_adverbs)
    extra = tmp_path / "my_words.toml"
    extra.write_text('opener_adverbs = ["regrettably"]\n', encoding="utf-8")
    s = "Regrettably, the ministry rejected the plan and said talks had failed."
    subjects = []
    for att in (SourceAttributor(), SourceAttributor({"sourcing_words": extra})):
        span = att._main_subject(s)
        subjects.append(s[span[0]:span[1]] if span else None)
    assert subjects == ["Regrettably", "the ministry"]


@pytest.mark.parametrize(
    "text, message",
    [
        ('speech_nouns = ["rebuttal", ""]\n', r"my_words\.toml:1: speech_nouns\[1\]: empty word"),
        ('speech_nouns = [1]\n', r"my_words\.toml:1: speech_nouns\[0\]: expected a string"),
        ('speach_nouns = ["rebuttal"]\n', r"my_words\.toml:1: unknown word list 'speach_nouns'"),
        ('speech_nouns = ["rebuttal", "rebuttal"]\n', r"speech_nouns\[1\]: 'rebuttal' is repeated"),
        ('np_adjectives = ["Senior"]\n', r"np_adjectives\[0\]: 'Senior' is not lower case"),
        ('body_heads = ["city hall"]\n', r"body_heads\[0\]: 'city hall' is not one word"),
        ('ly_nouns = ["tally,"]\n', r"ly_nouns\[0\]: 'tally,' holds a character"),
        ('speech_nouns = "rebuttal"\n', r"speech_nouns: expected a list of strings, got str"),
        ('org_heads = ["syndicate"]\n', r"org_heads\[0\]: 'syndicate' is not capitalised"),
        ('not_name_words = ["Overnight", "today"]\n', r"not_name_words\[1\]: 'today' is not"),
        ('org_heads = ["Inc."]\n', r"org_heads\[0\]: 'Inc\.' holds a character"),
        ('stated_by_verbs = ["Relayed"]\n', r"stated_by_verbs\[0\]: 'Relayed' is not lower case"),
        ('opener_adverbs = ["sadly,"]\n', r"opener_adverbs\[0\]: 'sadly,' holds a character"),
    ],
)
def test_bad_sourcing_words_are_named(tmp_path, text, message):
    extra = tmp_path / "my_words.toml"
    extra.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        SourceAttributor({"sourcing_words": extra})


# --- the seed article end to end, and the shared dev gold ------------------------------------

def _content(s: str) -> set[str]:
    stop = {"a", "an", "the", "of", "for", "with", "at", "in", "on", "to", "from", "and"}
    return {w.lower().strip(".,’'") for w in re.findall(r"[\w’'.\-]+", s or "")} - stop - {""}


def _speaker_ok(pred: str, golds: list[str]) -> bool:
    p = _content(pred)
    if not p or len(pred.split()) > 12:
        return False
    for g in golds:
        gw = _content(g)
        if gw and 2 * len(p & gw) >= min(len(p), len(gw)) and p & gw:
            return True
    return False


def _score_gold(at, articles: list[tuple[dict, str]]) -> tuple[float, float, float]:
    n = correct = spk_n = spk_ok = tp = fp = fn = 0
    for rec, text in articles:
        golds = rec["sentences"]
        paras = [len(re.findall(r"\n\s*\n", text[:g["start"]])) for g in golds]
        sents = [Sentence(g["start"], g["end"], g["text"], p) for g, p in zip(golds, paras,
                                                                                strict=True)]
        for g, a in zip(golds, at.attribute(sents, text), strict=True):
            n += 1
            correct += a.source_type == g["source_type"]
            ga, pa = g["source_type"] != "unattributed", a.source_type != "unattributed"
            tp, fp, fn = tp + (ga and pa), fp + (pa and not ga), fn + (ga and not pa)
            if ga:
                spk_n += 1
                spk_ok += _speaker_ok(a.speaker, [g.get("speaker") or "",
                                                  *(g.get("speaker_alt") or [])])
    f1 = 2 * tp / (2 * tp + fp + fn)
    return correct / n, f1, spk_ok / spk_n


def test_seed_article_end_to_end(at):
    gold = json.loads(seed_gold_path().read_text(encoding="utf-8"))
    text = seed_article_path().read_text(encoding="utf-8")
    acc, f1, spk = _score_gold(at, [(gold, text)])
    assert acc >= 0.95
    assert f1 >= 0.95
    assert spk >= 0.9


def test_seed_rows(at):
    gold = json.loads(seed_gold_path().read_text(encoding="utf-8"))
    text = seed_article_path().read_text(encoding="utf-8")
    g = gold["sentences"]
    sents = [Sentence(x["start"], x["end"], x["text"], len(re.findall(r"\n\s*\n",
                                                                       text[:x["start"]])))
             for x in g]
    out = at.attribute(sents, text)
    by_text = {x["text"][:30]: a for x, a in zip(g, out, strict=True)}
    interfax = next(a for t, a in by_text.items() if t.startswith("“Negotiations"))
    assert (interfax.speaker, interfax.via_outlet) == ("Medinsky", "Interfax")
    dia = next(a for t, a in by_text.items() if t.startswith("A senior analyst"))
    assert (dia.source_type, dia.via_outlet) == ("unnamed_official", "Newsweek")
    post = next(a for t, a in by_text.items() if t.startswith("On Wednesday"))
    assert (post.speaker, post.via_outlet) == ("US officials", "The Washington Post")


def test_shared_dev_gold(at):
    path = shared_gold_dev_path()
    if path is None:
        pytest.skip("shared dev gold not available")
    from analysis.gold import load_gold

    gold = load_gold(path)
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = gold.texts.get(rec["id"])
        if text:
            articles.append((rec, text))
    if not articles:
        pytest.skip("corpus texts of the dev gold not available")
    acc, f1, spk = _score_gold(at, articles)
    assert acc >= 0.88
    assert f1 >= 0.94
    assert spk >= 0.88


# --- the command line ------------------------------------------------------------------------

def test_cli_source_rules_option(tmp_path, capsys):
    from analysis.cli import main

    art = tmp_path / "art.txt"
    art.write_text("Governor Ruth Park told the Daily Planet that the dam would hold.\n",
                   encoding="utf-8")
    extra = tmp_path / "my_outlets.csv"
    extra.write_text("name,side,kind\nDaily Planet,us,newspaper\n", encoding="utf-8")
    out = tmp_path / "scored.csv"
    assert main(["score", str(art), "--source-rules", f"outlets={extra}", "-q", "-o",
                 str(out)]) == 0
    import pandas as pd

    df = pd.read_csv(out)
    assert df.loc[0, "source_type"] == "named_official"
    assert df.loc[0, "via_outlet"] == "Daily Planet"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,side,kind\nDaily Planet,gotham,newspaper\n", encoding="utf-8")
    assert main(["score", str(art), "--source-rules", f"outlets={bad}", "-q"]) != 0
    assert "bad.csv:2" in capsys.readouterr().err
    assert main(["score", str(art), "--source-rules", "outlets", "-q"]) != 0


# Probe sentences written for the second generalisation pass (other conflicts and
# non-conflict news): witnesses, residents, doctors, aid workers, company and union people,
# athletes, lawyers, family members, militant commanders, clerics, UN agencies, NGOs.
# Before the pass: type 39/46, type+speaker 36/46.
PROBES_OTHER_VOICES = [
    ('A witness said the car exploded outside the mosque.',
     'other', 'A witness'),
    ('Witnesses said soldiers opened fire on the crowd.',
     'other', 'Witnesses'),
    ('One villager, Abdul Rahim, said the bombs fell at night.',
     'other', 'Abdul Rahim'),
    ('Residents of Jalalabad said the fighters left before dawn.',
     'other', 'Residents of Jalalabad'),
    ('A local resident told reporters the market had been destroyed.',
     'other', 'A local resident'),
    ('A doctor at the city hospital said 12 people had died.',
     'other', 'A doctor at the city hospital'),
    ('Dr Sarah Jones, an emergency doctor, said the wards were full.',
     'other', 'Dr Sarah Jones'),
    ('An aid worker in Kandahar said food supplies were running low.',
     'other', 'An aid worker in Kandahar'),
    ('A spokeswoman for the World Food Programme said convoys had resumed.',
     'unnamed_official', 'A spokeswoman for the World Food Programme'),
    ('The UN refugee agency said 5,000 people had crossed the border.',
     'institution', 'The UN refugee agency'),
    ('Amnesty International says the prisoners were tortured.',
     'institution', 'Amnesty International'),
    ('The Red Cross said it had suspended its operations.',
     'institution', 'The Red Cross'),
    ('A spokesman for the Red Cross said the delegates were safe.',
     'other', 'A spokesman for the Red Cross'),
    ('Ansett spokeswoman Jane Hill says the airline will resume flights.',
     'other', 'Ansett spokeswoman Jane Hill'),
    ('BHP chief executive Paul Anderson says profits will rise.',
     'other', 'BHP chief executive Paul Anderson'),
    ('John Smith from the Transport Workers Union says drivers will strike.',
     'other', 'John Smith from the Transport Workers Union'),
    ('Bill Kelty from the ACTU says the deal is unfair.',
     'other', 'Bill Kelty from the ACTU'),
    ('Union leader Greg Combet says the strike will go ahead.',
     'other', 'Union leader Greg Combet'),
    ('Company spokesman Peter Brown says the mine will close.',
     'other', 'Company spokesman Peter Brown'),
    ('Coach Rod Macqueen says the team is ready.',
     'other', 'Coach Rod Macqueen'),
    ('Australian captain Steve Waugh says his side will bat first.',
     'other', 'Australian captain Steve Waugh'),
    ('Tennis star Lleyton Hewitt says he is fit to play.',
     'other', 'Tennis star Lleyton Hewitt'),
    ('Defence lawyer Mark Davis said his client would plead not guilty.',
     'other', 'Defence lawyer Mark Davis'),
    ('His lawyer said the charges were politically motivated.',
     'other', 'His lawyer'),
    ("The victim's mother said she had not heard from police.",
     'other', "The victim's mother"),
    ('His brother said the family had not been told.',
     'other', 'His brother'),
    ('A Taliban commander, Mullah Haqqani, said his men would fight on.',
     'named_official', 'Mullah Haqqani'),
    ('A rebel spokesman said the guerrillas had captured the town.',
     'unnamed_official', 'A rebel spokesman'),
    ('Hezbollah said it fired rockets at Israeli positions.',
     'institution', 'Hezbollah'),
    ('A senior cleric said the attacks were un-Islamic.',
     'other', 'A senior cleric'),
    ('The imam of the mosque said worshippers had fled.',
     'other', 'The imam of the mosque'),
    ('Local police said three men were arrested.',
     'institution', 'Local police'),
    ('Police say the man was shot dead.',
     'institution', 'Police'),
    ('A police spokesman said the fire was deliberately lit.',
     'unnamed_official', 'A police spokesman'),
    ('Professor Amin Saikal from the Australian National University says the Taliban is finished.',
     'expert', 'Professor Amin Saikal from the Australian National University'),
    ('A spokesman for the hospital said two patients were critical.',
     'other', 'A spokesman for the hospital'),
    ('Farmers say the drought has ruined the crop.',
     'other', 'Farmers'),
    ('Shop owners say trade has fallen by half.',
     'other', 'Shop owners'),
    ('Survivors said the boat sank within minutes.',
     'other', 'Survivors'),
    ('Passengers said the plane shook violently.',
     'other', 'Passengers'),
    ('Greenpeace spokesman Ben Pearson says the logging must stop.',
     'other', 'Greenpeace spokesman Ben Pearson'),
    ('The Australian Council of Trade Unions says wages must rise.',
     'institution', 'The Australian Council of Trade Unions'),
    ('A Reuters correspondent in the city said the shelling had stopped.',
     'media', 'A Reuters correspondent in the city'),
    ('Fire Service spokesman Mark Sullivan says the blaze is contained.',
     'named_official', 'Fire Service spokesman Mark Sullivan'),
    ('The Prime Minister, John Howard, says the troops will stay.',
     'named_official', 'John Howard'),
    ('Opposition Leader Simon Crean says the Government has failed.',
     'named_official', 'Opposition Leader Simon Crean'),
]


@pytest.mark.parametrize(("sentence", "stype", "speaker"), PROBES_OTHER_VOICES)
def test_other_voices_probes(at, sentence, stype, speaker):
    a = one(at, sentence)
    assert (a.source_type, a.speaker) == (stype, speaker)


_BUSINESS = ("The company's shares rose four per cent on Tuesday after it reported a strong "
             "half-year result, with revenue up across its mobile and broadband divisions and "
             "costs falling for the first time in three years. Analysts had expected a smaller "
             "rise, and the board lifted its dividend for shareholders.")


@pytest.mark.parametrize(("sentence", "stype"), [
    # a spokesman of a company the gazetteers do not know, in a story without any
    # government vocabulary, speaks for that company
    ("Telstrom spokeswoman Jo Ray says the network will be upgraded.", "other"),
    ("A spokesman for Woolmart said the stores would stay open.", "other"),
    # a public body keeps its officials even there
    ("Fire Service spokesman Mark Sullivan says the blaze is contained.", "named_official"),
    ("A police spokesman said the shop had been robbed twice.", "unnamed_official"),
])
def test_unknown_employer_in_a_story_without_government(at, sentence, stype):
    sents, text = sents_of(_BUSINESS, sentence)
    assert at.attribute(sents, text)[-1].source_type == stype


@pytest.mark.parametrize(("sentence", "stype", "speaker"), [
    ("The official refused to say what tactics the group would use.", "unnamed_official",
     "The official"),
    ("Police would not say how many people had been arrested.", "institution", "Police"),
    ("A Qantas spokesman refused to say whether fares would rise.", "other",
     "A Qantas spokesman"),
])
def test_refused_to_say_attributes_the_refusal(at, sentence, stype, speaker):
    a = one(at, sentence)
    assert (a.source_type, a.speaker, a.source_rule) == (stype, speaker, "declined_to_comment")


def test_unknown_employer_with_government_vocabulary_stays_official(at):
    sents, text = sents_of("The minister announced the budget cuts in parliament on Monday, "
                           "and the government said more savings would follow next year. " * 3,
                           "Telstrom spokeswoman Jo Ray says the network will be upgraded.")
    assert at.attribute(sents, text)[-1].source_type == "named_official"


# A second probe batch (written before its fixes: type 21/30, type+speaker 20/30):
# militant groups and commanders, clerics, tribal leaders, settlers, NGOs, families, sport.
PROBES_OTHER_VOICES_2 = [
    ('Palestinian security sources said the gunmen had been arrested.',
     'unnamed_official', 'Palestinian security sources'),
    ('Northern Alliance commander Mohammad Fahim said his troops would enter the city.',
     'named_official', 'Northern Alliance commander Mohammad Fahim'),
    ('UNICEF says thousands of children are at risk of starvation.',
     'institution', 'UNICEF'),
    ('Oxfam spokeswoman Anne Smith said the camps were overcrowded.',
     'other', 'Oxfam spokeswoman Anne Smith'),
    ('Red Cross spokeswoman Amanda Williamson said the detainees were being visited.',
     'other', 'Red Cross spokeswoman Amanda Williamson'),
    ('Islamic Jihad leader Abdullah Shami said the attacks would continue.',
     'named_official', 'Islamic Jihad leader Abdullah Shami'),
    ('A Palestinian man whose house was demolished said he had nowhere to go.',
     'other', 'A Palestinian man'),
    ('Israeli settlers said they would not leave the area.',
     'other', 'Israeli settlers'),
    ('Tribal leader Haji Zaman said the fighters had surrendered.',
     'other', 'Tribal leader Haji Zaman'),
    ('A Northern Alliance soldier said the Taliban had fled overnight.',
     'other', 'A Northern Alliance soldier'),
    ('Ansett administrator Mark Korda says the airline could fly again within weeks.',
     'other', 'Ansett administrator Mark Korda'),
    ("The airline's chief executive, Geoff Dixon, says costs must fall.",
     'other', 'Geoff Dixon'),
    ('Opposition MP Kevin Rudd says the Government has misled the public.',
     'named_official', 'Opposition MP Kevin Rudd'),
    ('Local farmer Bill Jones says he lost half his stock in the fire.',
     'other', 'Local farmer Bill Jones'),
    ('Horse trainer Gai Waterhouse says the colt is ready for the race.',
     'other', 'Horse trainer Gai Waterhouse'),
    ('The Archbishop of Sydney, Peter Jensen, says the church will help the victims.',
     'other', 'Peter Jensen'),
    ('Former prime minister Bob Hawke says the war was a mistake.',
     'expert', 'Former prime minister Bob Hawke'),
    ('A Pakistani cleric, Maulana Sami ul-Haq, said thousands would join the fight.',
     'other', 'Maulana Sami ul-Haq'),
    ('The head of the hospital, Dr Ahmad Shah, said supplies had run out.',
     'other', 'Dr Ahmad Shah'),
    ('Aid agencies say the refugees urgently need blankets and food.',
     'institution', 'Aid agencies'),
    ('The World Health Organisation says the outbreak is under control.',
     'institution', 'The World Health Organisation'),
    ('Human Rights Watch researcher John Sifton said the prisoners had been beaten.',
     'expert', 'Human Rights Watch researcher John Sifton'),
    ('Qantas engineers say they will walk off the job on Friday.',
     'other', 'Qantas engineers'),
    ('Teachers say the new curriculum is confusing.',
     'other', 'Teachers'),
    ('Parents of the missing boy say they are desperate for news.',
     'other', 'Parents of the missing boy'),
    ("The boy's father, Tom Green, says he is angry with police.",
     'other', 'Tom Green'),
    ('Melbourne coach Neale Daniher says the side will be stronger next year.',
     'other', 'Melbourne coach Neale Daniher'),
    ('Kashmiri militant group Lashkar-e-Toiba denied any role in the attack.',
     'institution', 'Kashmiri militant group Lashkar-e-Toiba'),
    ('A Lashkar-e-Toiba spokesman said the group was not involved.',
     'unnamed_official', 'A Lashkar-e-Toiba spokesman'),
    ('A Hezbollah commander said his fighters were ready.',
     'unnamed_official', 'A Hezbollah commander'),
]


@pytest.mark.parametrize(("sentence", "stype", "speaker"), PROBES_OTHER_VOICES_2)
def test_other_voices_probes_2(at, sentence, stype, speaker):
    a = one(at, sentence)
    assert (a.source_type, a.speaker) == (stype, speaker)


# A third probe batch, experts against other voices (written before its fixes:
# type 19/20, type+speaker 18/20).
PROBES_EXPERTS_AND_OTHERS = [
    ('Middle East analyst Tony Walker says the ceasefire will not hold.',
     'expert', 'Middle East analyst Tony Walker'),
    ('Political scientist Jane Doe of the University of Sydney said the vote was close.',
     'expert', 'Political scientist Jane Doe of the University of Sydney'),
    ('A former CIA officer said the group was well funded.',
     'expert', 'A former CIA officer'),
    ('Greg Barton, an Indonesia expert at Deakin University, says the group is small.',
     'expert', 'Greg Barton'),
    ('Economist Saul Eslake says interest rates will rise.',
     'expert', 'Economist Saul Eslake'),
    ('ANZ chief economist Saul Eslake says interest rates will rise.',
     'expert', 'ANZ chief economist Saul Eslake'),
    ('A senior fellow at the Lowy Institute, Mike Smith, said the talks had failed.',
     'expert', 'Mike Smith'),
    ('Doctors at the hospital said the boy was in a critical condition.',
     'other', 'Doctors at the hospital'),
    ('Nurses say they are exhausted after the double shifts.',
     'other', 'Nurses'),
    ('A spokesman for the Australian Medical Association said doctors were worried.',
     'other', 'A spokesman for the Australian Medical Association'),
    ('Terrorism expert Rohan Gunaratna says al Qaeda has cells in Asia.',
     'expert', 'Terrorism expert Rohan Gunaratna'),
    ('The Pope has called for an end to the violence.',
     'named_official', 'The Pope'),
    ('Journalist Robert Fisk, who was beaten by refugees, says he understands their anger.',
     'media', 'Journalist Robert Fisk'),
    ('The Australian Federal Police says the man has been charged.',
     'institution', 'The Australian Federal Police'),
    ('A Palestinian journalist said the soldiers fired first.',
     'media', 'A Palestinian journalist'),
    ('Hamas leader Sheikh Ahmed Yassin said the attacks would go on.',
     'named_official', 'Hamas leader Sheikh Ahmed Yassin'),
    ('A Hamas gunman told reporters he was ready to die.',
     'other', 'A Hamas gunman'),
    ('A Taliban fighter captured near Kunduz said he had been forced to fight.',
     'other', 'A Taliban fighter captured near Kunduz'),
    ('Former Taliban foreign minister Wakil Ahmed Muttawakil says he has surrendered.',
     'expert', 'Former Taliban foreign minister Wakil Ahmed Muttawakil'),
    ('Amnesty researcher Donatella Rovera said civilians were being targeted.',
     'expert', 'Amnesty researcher Donatella Rovera'),
]


@pytest.mark.parametrize(("sentence", "stype", "speaker"), PROBES_EXPERTS_AND_OTHERS)
def test_experts_and_other_voices_probes(at, sentence, stype, speaker):
    a = one(at, sentence)
    assert (a.source_type, a.speaker) == (stype, speaker)


def test_straight_quote_after_a_sentence_end_reopens_the_quotation():
    # the paragraph break before the quotation's next paragraph was lost: the mark opens
    # the next paragraph of the same quotation, it does not close the open one
    t = ('"We know where he is," Mr Habib said. "He is in the mountains. "His men have left." '
         'The town is quiet. Mr Habib said "peace" was near.')
    spans = [(t[q.start:q.end], q.chain, q.closed) for q in find_quotes(t)]
    assert spans == [("We know where he is,", 1, True), ("He is in the mountains.", 2, False),
                     ("His men have left.", 2, True), ("peace", 3, True)]


def test_narration_after_a_reopened_quotation_is_not_quoted(at):
    sents, text = sents_of([
        'Army spokesman Ali Rasuli says the leader has fled.',
        '"He is no longer here, we cannot say where he went.',
        '"His men have left the valley."',
        'Mr Omar, who is in hiding, is the head of the movement.'])
    got = [(a.source_type, a.speaker) for a in at.attribute(sents, text)]
    assert got[3] == ("unattributed", "")
    assert got[2][0] == "named_official"


# A fourth probe batch: relayed witnesses, families, workers, companies, rebels, UN
# agencies (written before its fixes: type 23/24, type+speaker 22/24).
PROBES_OTHER_VOICES_4 = [
    ('According to witnesses, the gunmen fled in a car.',
     'other', 'witnesses'),
    ('According to the Red Cross, 200 people were killed.',
     'institution', 'the Red Cross'),
    ('Eyewitnesses told AFP that the soldiers fired on the crowd.',
     'other', 'Eyewitnesses'),
    ('The family of the dead man says he was unarmed.',
     'other', 'The family of the dead man'),
    ('His wife, Mary, told reporters he had been threatened.',
     'other', 'Mary'),
    ('Rescue workers say more bodies are buried under the rubble.',
     'other', 'Rescue workers'),
    ('Firefighters say the blaze is now under control.',
     'other', 'Firefighters'),
    ("The union's national secretary, Bill Shorten, says the members are angry.",
     'other', 'Bill Shorten'),
    ('Qantas pilots say they are worried about safety.',
     'other', 'Qantas pilots'),
    ('A senior Northern Alliance commander said the city would fall within days.',
     'unnamed_official', 'A senior Northern Alliance commander'),
    ('Taliban fighters told reporters they would surrender.',
     'other', 'Taliban fighters'),
    ('Indian Prime Minister Atal Behari Vajpayee said the talks were over.',
     'named_official', 'Indian Prime Minister Atal Behari Vajpayee'),
    ('Chechen rebel spokesman Movladi Udugov said the fighters had left Grozny.',
     'named_official', 'Chechen rebel spokesman Movladi Udugov'),
    ('A UN spokeswoman in Kabul said the flights would resume.',
     'unnamed_official', 'A UN spokeswoman in Kabul'),
    ('UNHCR spokesman Kris Janowski said the camps were full.',
     'named_official', 'UNHCR spokesman Kris Janowski'),
    ('Medecins Sans Frontieres says the clinic was looted.',
     'institution', 'Medecins Sans Frontieres'),
    ('The head of the UN mission, Lakhdar Brahimi, said the talks would resume.',
     'named_official', 'Lakhdar Brahimi'),
    ('Striking workers say they will not return until their pay is restored.',
     'other', 'Striking workers'),
    ('Students at the university said the protest was peaceful.',
     'other', 'Students at the university'),
    ('A spokesman for the Tamil Tigers said the ceasefire was holding.',
     'unnamed_official', 'A spokesman for the Tamil Tigers'),
    ('A hospital spokeswoman says the victims are in a stable condition.',
     'other', 'A hospital spokeswoman'),
    ('A bank spokesman says the branch will close in March.',
     'other', 'A bank spokesman'),
    ("The club's chairman, Ron Walker, says the coach will stay.",
     'other', 'Ron Walker'),
    ('Woolworths chief executive Roger Corbett says sales are strong.',
     'other', 'Woolworths chief executive Roger Corbett'),
    ('A central bank spokesman said rates would stay on hold.',
     'unnamed_official', 'A central bank spokesman'),
    ('A hotel spokeswoman said the guests were safe.',
     'other', 'A hotel spokeswoman'),
]


@pytest.mark.parametrize(("sentence", "stype", "speaker"), PROBES_OTHER_VOICES_4)
def test_other_voices_probes_4(at, sentence, stype, speaker):
    a = one(at, sentence)
    assert (a.source_type, a.speaker) == (stype, speaker)


@pytest.mark.parametrize(("sentence", "stype", "speaker"), [
    # a relayed earlier statement: the claim's original source (codebook: label the chain's
    # original speaker)
    ("The official said Hamas had said it did not want to damage national unity.",
     "institution", "Hamas"),
    ("The Fatah official, who asked to remain anonymous, said Hamas had said it would stop.",
     "institution", "Hamas"),
    ("He said the minister had told parliament the troops would stay.", "unnamed_official",
     "the minister"),
    # not a relay: the inner subject acted, or said nothing
    ("The minister said Russia had attacked the city.", "unnamed_official", "The minister"),
    ("Police said the man had said nothing.", "institution", "Police"),
])
def test_relayed_earlier_statement_takes_the_original_speaker(at, sentence, stype, speaker):
    a = one(at, sentence)
    assert (a.source_type, a.speaker) == (stype, speaker)


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # a sport story: the player keeps his role's type through the surname and the pronoun
    (["Australian opener Matthew Hayden has been named player of the series after scoring "
      "three centuries against New Zealand.",
      "Hayden says the team's preparation made the difference.",
      '"We worked really hard in the nets and it paid off," he said.',
      "Selectors will name the squad for the South African tour on Friday."],
     ["unattributed", "other", "other", "unattributed"]),
    # a crime story without government vocabulary: police ranks are still officials, a
    # neighbour is not
    (["A man has been charged with murder after a woman was found dead in her home in "
      "Sydney's west.",
      "Detective Inspector Jim Brown says the man was arrested at a nearby house.",
      "Neighbour Sue Lee says she heard screaming late on Saturday night.",
      '"It was terrible, we just did not know what to do," she said.'],
     ["unattributed", "named_official", "other", "other"]),
    # a business story: the chief executive and an analyst
    (["Shares in the telecommunications company fell sharply on Tuesday.",
      "Chief executive Ziggy Switkowski says the result was disappointing.",
      '"We have to do better and we will," Mr Switkowski said.',
      "Analyst Tim Smith from Macquarie says the market had expected a smaller loss."],
     ["unattributed", "other", "other", "expert"]),
    # Kashmir: a villager, the army as a body, a militant group's spokesman
    (["Thousands of Kashmiris have fled their homes near the line of control as Indian and "
      "Pakistani troops exchanged fire.",
      "Villager Ghulam Nabi says shells landed on his house overnight.",
      "The Indian Army says five militants were killed in a gun battle.",
      "A spokesman for the separatist group Hizbul Mujahideen says its fighters will "
      "continue the struggle."],
     ["unattributed", "other", "institution", "unnamed_official"]),
])
def test_other_voices_across_an_article(at, paragraphs, expected):
    sents, text = sents_of(*paragraphs)
    assert [a.source_type for a in at.attribute(sents, text)] == expected


@pytest.mark.parametrize(("sentence", "speaker", "cue"), [
    ("A diplomat, who asked not to be named, said the talks had failed.", "A diplomat", "said"),
    ("The official, who asked to remain anonymous, said the plan was dead.", "The official",
     "said"),
    ("A Western diplomat who asked not to be identified said the deal was close.",
     "A Western diplomat", "said"),
])
def test_asking_for_anonymity_is_not_the_claim(at, sentence, speaker, cue):
    a = one(at, sentence)
    assert (a.source_type, a.speaker, a.cue, a.anonymous) == ("unnamed_official", speaker, cue,
                                                              True)


def test_fallback_gives_one_row_per_sentence_for_a_generator(at):
    # the sentence-by-sentence fallback used to iterate the caller's generator again, after
    # list() had spent it, and returned no rows at all
    good = Sentence(0, 19, "The minister spoke.", 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = at.attribute(s for s in (good, None))  # None breaks the whole-article pass
    assert len(rows) == 2
    assert all(isinstance(r, Attribution) for r in rows)


@pytest.mark.parametrize("bad", [None, 5, "Putin said talks failed.", b"Putin said talks failed."])
def test_attribute_rejects_what_is_not_a_sequence_of_sentences(bad):
    """A text would be attributed character by character; None raised a bare TypeError."""
    from analysis.sourcing import SourceAttributor

    with pytest.raises(TypeError, match=r"sequence of Sentence objects .*got " + type(bad).__name__):
        SourceAttributor().attribute(bad)


# --- hidden characters (soft hyphen, zero-width characters) in a cue, name, role or outlet ---

HIDDEN = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
_DROP_HIDDEN = str.maketrans(dict.fromkeys(HIDDEN))
_SAME = ("source_type", "speaker", "speaker_canonical", "cue", "quote_mode", "via_outlet",
         "anonymous", "side", "source_rule")


def _same_as_plain(got: Attribution, want: Attribution, sentence: str, plain: str) -> None:
    assert [getattr(got, f) for f in _SAME] == [getattr(want, f) for f in _SAME]
    for a, b in (("speaker_start", "speaker_end"), ("cue_start", "cue_end")):
        g0, g1, w0, w1 = getattr(got, a), getattr(got, b), getattr(want, a), getattr(want, b)
        assert (g0 < 0) == (w0 < 0)
        if g0 >= 0:  # the span indexes the sentence as given: its text is the plain one's
            assert sentence[g0:g1].translate(_DROP_HIDDEN) == plain[w0:w1]
            assert sentence[g0] not in HIDDEN and sentence[g1 - 1] not in HIDDEN


@pytest.mark.parametrize("char", HIDDEN, ids=["shy", "zwsp", "zwnj", "zwj", "wj", "bom"])
@pytest.mark.parametrize("sentence", [
    # "|" marks where the hidden character goes
    "Zelensky sa|id the talks were over.",  # the verb
    "Peskov to|ld Newsweek that talks would resume soon.",
    "Zel|ensky said the talks were over.",  # a name
    "Belarusian President Alexander Luka|shenko said Minsk would not send troops.",
    "A Kremlin spokes|man said the talks were over.",  # a role
    "Former ambas|sador Michael Reed said the talks were doomed from the start.",
    "Peskov told Inter|fax that talks would resume.",  # an outlet
    "Two diplomats told Reu|ters that the summit had been postponed.",
    "Talks will resume next week, accor|ding to Inter|fax.",
    "|Zelensky| said| the talks were over.|",  # before and after words
])
def test_hidden_characters_do_not_hide_an_attribution(at, char, sentence):
    plain = sentence.replace("|", "")
    sentence = sentence.replace("|", char)
    want, got = one(at, plain), one(at, sentence)
    assert want.source_type != "unattributed"  # the plain sentence is attributed: a real test
    _same_as_plain(got, want, sentence, plain)


@pytest.mark.parametrize("sentence", [
    # a zero-width space in place of a space between two words ("|"): read as a space when the
    # two pieces do not make a word of the rule tables but one of them is one
    "A Kremlin|spokesman said the talks were over.",
    "Zelensky|said the talks were over.",
    "The talks were over, said|Zelensky.",
    "Talks will resume, according to|Interfax.",
    "Peskov told|Interfax that talks would resume.",
    "Russian Foreign|Minister Sergei Lavrov said Moscow was ready.",
])
def test_a_zero_width_space_between_two_words(at, sentence):
    plain = sentence.replace("|", " ")
    sentence = sentence.replace("|", "\u200b")
    want, got = one(at, plain), one(at, sentence)
    assert want.source_type != "unattributed"
    assert [getattr(got, f) for f in _SAME] == [getattr(want, f) for f in _SAME]
    assert (got.speaker_start, got.speaker_end, got.cue_start, got.cue_end) == (
        want.speaker_start, want.speaker_end, want.cue_start, want.cue_end)  # one for one


@pytest.mark.parametrize(("sentence", "speaker", "cue"), [
    # exact spans in the sentence as given: a span keeps the hidden characters inside it,
    # not those before or after it
    ("Zelensky sa\u00adid the talks were over.", (0, 8), (9, 14)),
    ("Zel\u00adensky said the talks were over.", (0, 9), (10, 14)),
    ("\ufeffZelensky\u200b said the talks were over.", (1, 9), (11, 15)),
    ("A Kremlin spokes\u200dman said the talks were over.", (0, 20), (21, 25)),
    ("Peskov told Inter\u2060fax that talks would resume.", (0, 6), (7, 11)),
    ("Two diplo\u200cmats to\u200bld Reuters that the summit had been postponed.", (0, 14),
     (15, 20)),
    ("A Kremlin\u200bspokes\u00adman said the talks were over.", (0, 20), (21, 25)),
])
def test_hidden_characters_keep_true_spans(at, sentence, speaker, cue):
    a = one(at, sentence)
    assert ((a.speaker_start, a.speaker_end), (a.cue_start, a.cue_end)) == (speaker, cue)


@pytest.mark.parametrize("paragraphs", [
    # a quotation carried over sentences and paragraphs, a pronoun, a later mention
    (["\u201cWe will not give up an inch of our land,\u201d Zel\u00adensky sa\u00adid.",
      "\u201cThe talks are over.\u201d"],
     ["He add\u200bed that the army would hold the line.",
      "Zelensky\u200b also said the allies had to move faster."]),
    (["A Kremlin spokes\u00adman told Inter\u2060fax that the talks had stalled.",
      "The spokes\u00adman said Moscow was ready to wait."],
     "\u201cWe are in no hurry,\u201d Pes\u200bkov said."),
])
def test_hidden_characters_across_an_article(at, paragraphs):
    def plain(p):
        return [s.translate(_DROP_HIDDEN) for s in p] if isinstance(p, list) else \
            p.translate(_DROP_HIDDEN)

    sents, text = sents_of(*paragraphs)
    psents, ptext = sents_of(*map(plain, paragraphs))
    want = at.attribute(psents, ptext)
    assert sum(a.source_type != "unattributed" for a in want) >= 3
    for got in (at.attribute(sents, text), at.attribute(sents)):  # with and without the text
        for g, w, s, p in zip(got, want, sents, psents, strict=True):
            _same_as_plain(g, w, s.text, p.text)


def test_hidden_characters_between_sentences_keep_the_offsets(at):
    from analysis.sourcing import _without_hidden

    sents, text = sents_of(["\u200bZel\u00adensky said the talks were over.", "\u2060"],
                           ["\ufeff\ufeff", "Peskov told Inter\u00adfax they would resume."])
    text = text.replace("\n\n", "\n\u200b\n")  # one more between the paragraphs
    sents = [Sentence(s.start + (s.paragraph > 0), s.end + (s.paragraph > 0), s.text,
                      s.paragraph) for s in sents]
    assert all(text[s.start:s.end] == s.text for s in sents)
    clean, clean_text, positions = _without_hidden(sents, text, at._one_word_entries())
    assert clean_text == text.translate(_DROP_HIDDEN)
    assert all(clean_text[s.start:s.end] == s.text for s in clean)
    assert [s.text for s in clean] == [s.text.translate(_DROP_HIDDEN) for s in sents]
    assert [p is None for p in positions] == [False, False, False, False]
    got = at.attribute(sents, text)
    assert [(a.speaker, a.via_outlet, a.speaker_start) for a in got] == [
        ("Zelensky", "", 1), ("", "", -1), ("", "", -1), ("Peskov", "Interfax", 0)]


def test_an_article_without_hidden_characters_takes_the_usual_path(at, monkeypatch):
    import analysis.sourcing as sourcing

    def fail(*args):
        raise AssertionError("the clean step ran on an article without hidden characters")

    monkeypatch.setattr(sourcing, "_without_hidden", fail)
    sents, text = sents_of(
        ["\u201cOn secondary issues, positions are converging.",
         "But on the main issues, we are treading water,\u201d Medinsky said."],
        "Peskov told Newsweek that talks in Gen\u00e8ve would resume soon \u2014 next week.",
    )
    rows = [(a.source_type, a.speaker, a.quote_mode, a.via_outlet, a.speaker_start, a.cue_start)
            for a in at.attribute(sents, text)]
    assert rows == [
        ("named_official", "Medinsky", "continuation", "", -1, -1),
        ("named_official", "Medinsky", "direct", "", 48, 57),
        ("named_official", "Peskov", "indirect", "Newsweek", 0, 7),
    ]
