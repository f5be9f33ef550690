"""analysis.camps: who is talking to whom (codebook frame rule 4), and its use by the framer.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from analysis.camps import default_camps, load_camps
from analysis.errors import LexiconError
from analysis.framing import FrameScorer


@pytest.mark.parametrize(
    ("sentence", "camp"),
    [
        ("Zelensky had an hour-long phone call with US President Joe Biden.", "west"),
        ("Austin met his counterparts from France, Germany and Poland.", "west"),
        ("Putin discussed the situation with Lukashenko by phone.", "east"),
        # the adversary as the topic is not a participant
        ("Austin spoke with his German counterpart about Russia's invasion.", "west"),
        ("Scholz and Macron discussed sanctions against Russia.", "west"),
        ("Biden and Sunak talked about Russian aggression.", "west"),
        # across the conflict, or too few parties, or parties with no camp
        ("Blinken spoke with Russian Foreign Minister Sergei Lavrov.", None),
        ("Macron called Putin on Saturday.", None),
        ("Zelensky spoke by phone on Tuesday.", None),
        ("Qatar and Egypt hosted the two delegations.", None),
    ],
)
def test_one_camp(sentence, camp):
    assert default_camps().one_camp(sentence) == camp


@pytest.mark.parametrize(
    ("sentence", "diplomacy", "one_camp"),
    [
        # coordination inside one camp: the contact cues are weakened, no diplomacy frame
        ("Zelensky had an hour-long phone conversation with US President Joe Biden.", False, True),
        (
            "The defence secretary convened a meeting with his counterparts from France, Germany and Italy.",
            False,
            True,
        ),
        # contact across the conflict stays diplomacy
        (
            "The US defense secretary spoke by phone with Russian Defense Minister Sergei Shoigu.",
            True,
            False,
        ),
        ("Blinken met with the Russian foreign minister in Geneva.", True, False),
        # talks and envoys are diplomacy whoever is named
        ("US and Ukrainian negotiators held talks on a ceasefire plan.", True, False),
    ],
)
def test_framer_weakens_contact_inside_one_camp(sentence, diplomacy, one_camp):
    fs = FrameScorer().score(sentence)
    assert fs.labels["diplomacy"] is diplomacy
    assert any(e.rule.endswith("+one_camp") for e in fs.evidence) is one_camp
    if one_camp:  # the evidence explains itself and the weights add up to the score
        weak = [e for e in fs.evidence if "+one_camp" in e.rule]
        assert all(e.subframe == "contact" and e.weight > 0 for e in weak)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # an opening quotation mark is not an apostrophe inside a word
        ("'Russia and Ukraine met,' he said.", ["Russia", "Ukraine"]),
        ("‘Biden met Scholz,’ he said.", ["Biden", "Scholz"]),
        # an apostrophe that joins a word still hides the name inside it
        ("Le sommet d'Ukraine a eu lieu.", []),
    ],
)
def test_parties_after_a_quotation_mark(sentence, names):
    assert [p[0] for p in default_camps().parties(sentence)] == names


def test_the_rule_can_be_switched_off():
    sentence = "Zelensky had an hour-long phone conversation with US President Joe Biden."
    assert FrameScorer(camps=False).score(sentence).labels["diplomacy"]
    assert not FrameScorer().score(sentence).labels["diplomacy"]


def test_a_user_camps_file(tmp_path):
    from importlib import resources

    path = tmp_path / "camps.toml"
    shipped = resources.files("analysis.lexicons").joinpath("camps.toml")
    text = shipped.read_text(encoding="utf-8").replace("factor = 0.3", "factor = 1.0")
    path.write_text(text, encoding="utf-8")
    sentence = "Zelensky had an hour-long phone conversation with US President Joe Biden."
    assert FrameScorer(camps=path).score(sentence).labels["diplomacy"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("factor = 2\n", "factor must be a number from 0 to 1"),
        ("min_parties = 0\n", "min_parties"),
        ("colour = 'red'\n", "unknown key"),
        ("[camps]\nmars = 'red'\n", "'mars' is not a side"),
        ("[camps]\nus = 3\n", "must be a camp name"),
        (
            "[patterns]\ntopic_before = '('\ntopic_after = 'x'\nnot_contact = 'y'\n",
            "patterns.topic_before is not a valid regex",
        ),
        ("[patterns]\ntopic_before = 'x'\n", "patterns.topic_after must be"),
        ("factor = \n", "not valid TOML"),
        ("cross_factor = 0.5\n", "cross_factor must be a number from 1 to 5"),
        ("window = -3\n", "window must be a whole number"),
        ("participants_window = 1000\n", "participants_window must be a whole number"),
        (
            "[patterns]\ntopic_before = 'x'\ntopic_after = 'x'\nnot_contact = 'y'\n"
            "participants = '('\n",
            "patterns.participants is not a valid regex",
        ),
        (
            "[patterns]\ntopic_before = 'x'\ntopic_after = 'x'\nnot_contact = 'y'\n"
            "participants_end = '['\n",
            "patterns.participants_end is not a valid regex",
        ),
    ],
)
def test_bad_camps_file_names_the_key(tmp_path, content, message):
    path = tmp_path / "camps.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        load_camps(path)
    assert str(path) in str(info.value)


def test_missing_camps_file():
    with pytest.raises(LexiconError, match="not found"):
        load_camps("/no/such/camps.toml")


def test_scorer_with_camps_pickles():
    import pickle

    scorer = FrameScorer()
    scorer.score("Zelensky had a phone call with US President Joe Biden.")  # loads the camps
    again = pickle.loads(pickle.dumps(scorer))
    sentence = "Zelensky had an hour-long phone conversation with US President Joe Biden."
    assert again.score(sentence).labels == scorer.score(sentence).labels


@pytest.mark.parametrize(
    ("sentence", "cross"),
    [
        ("Putin held a phone call with Biden on Tuesday.", True),
        ("During that conversation with Biden, Putin said Ukraine was not ready.", True),
        ("Zelensky met Biden at the White House.", False),
        # the participants after "between" run on past the window, to the clause's end
        (
            "The Kremlin confirmed a long telephone conversation between the President of "
            "the Russian Federation and the President of the United States.",
            True,
        ),
        (
            "A video call on Monday between Russian President Vladimir Putin and US "
            "President Joe Biden lasted two hours.",
            True,
        ),
        (
            "A phone call between Zelensky and the President of the United States, Joe "
            "Biden, covered air defence.",
            False,
        ),
        (
            "Officials described the meeting between the two delegations; later that day "
            "Russia and the United States exchanged prisoners.",
            False,
        ),
        # "between" of time: no participants follow it
        (
            "Ukrainian officials met in Geneva between long rounds of heavy artillery shelling "
            "carried out overnight by Russia's army.",
            False,
        ),
    ],
)
def test_contact_across_the_conflict_counts_more(sentence, cross):
    fs = FrameScorer().score(sentence)
    assert any(e.rule.endswith("+cross_camp") for e in fs.evidence) is cross
    if cross:
        assert fs.labels["diplomacy"]


def test_counterparts_from_a_country_are_participants():
    found = [
        p[0]
        for p in default_camps().parties("Austin met his counterparts from France and Germany.")
    ]
    assert found == ["Austin", "France", "Germany"]
