"""Rule files: validation names the bad row."""

from __future__ import annotations

import pytest

from analysis.errors import LexiconError
from analysis.resources import parse_float, read_rule_table, read_word_lists


def _write(tmp_path, text, name="rules.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_reads_rows_and_skips_comments(tmp_path):
    p = _write(tmp_path, "# a comment\nterm,weight\n\npeace talks,1.5\n# another\nceasefire,2\n")
    rows = read_rule_table(p, required=["term", "weight"])
    assert [(r["term"], r["weight"]) for r in rows] == [("peace talks", "1.5"), ("ceasefire", "2")]
    assert rows[0]["_line"] == "4" and rows[1]["_line"] == "6"


@pytest.mark.parametrize(
    "text, message",
    [
        ("term,weight\nceasefire,high\n", r"rules.csv:2: weight 'high' is not a number"),
        ("term,weight\nceasefire\n", r"rules.csv:2: expected 2 fields"),
        ("term,weight,colour\nceasefire,1,red\n", r"rules.csv:1: unknown column"),
        ("term\nceasefire\n", r"rules.csv:1: missing column"),
        ("term,weight\n,1\n", r"rules.csv:2: empty required field"),
        ("# only a comment\n", r"no header row"),
    ],
)
def test_bad_rows_are_named(tmp_path, text, message):
    p = _write(tmp_path, text)
    with pytest.raises(LexiconError, match=message):
        read_rule_table(p, required=["term", "weight"], validate=lambda r: parse_float(r, "weight"))


def test_missing_package_file_is_a_lexicon_error():
    with pytest.raises(LexiconError, match="no such rules file"):
        read_rule_table("does-not-exist.csv", required=["x"], package=True)


def test_non_utf8_user_file(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_bytes(b"term,weight\n\xff\xfe,1\n")
    with pytest.raises(LexiconError, match="not UTF-8"):
        read_rule_table(p, required=["term", "weight"])


# --- TOML word lists (sourcing_words.toml) ---------------------------------------------------

def test_word_lists_read_and_validate(tmp_path):
    p = _write(tmp_path, '# a comment\nfruit = ["apple", "pear"]\n', name="words.toml")
    assert read_word_lists(p, known=["fruit", "veg"]) == {"fruit": ["apple", "pear"]}


@pytest.mark.parametrize(
    "text, message",
    [
        ('fruit = ["apple", ""]\n', r"words\.toml:1: fruit\[1\]: empty word"),
        ('# x\nfruit = ["apple", 3]\n', r"words\.toml:2: fruit\[1\]: expected a string, got int"),
        ('fruit = "apple"\n', r"words\.toml:1: fruit: expected a list of strings, got str"),
        ('fruit = ["a"]\n\nfruits = ["b"]\n', r"words\.toml:3: unknown word list 'fruits'"),
        ('fruit = [\n  "apple",\n  "apple",\n]\n', r"words\.toml:1: fruit\[1\]: 'apple' is repeated"),
        ('fruit = [" apple"]\n', r"fruit\[0\]: ' apple' has leading or trailing spaces"),
        ('fruit = ["apple"\n', r"words\.toml: not valid TOML"),
        ('fruit = ["Apple"]\n', r"words\.toml:1: fruit\[0\]: not lower case"),
    ],
)
def test_bad_word_lists_are_named(tmp_path, text, message):
    p = _write(tmp_path, text, name="words.toml")
    with pytest.raises(LexiconError, match=message):
        read_word_lists(p, known=["fruit"],
                        validate=lambda name, w: None if w == w.lower() else "not lower case")


def test_shipped_sourcing_words_are_valid():
    from analysis.speakers import WORD_LISTS, SourcingWords

    words = SourcingWords.load()
    assert all(getattr(words, name) for name in WORD_LISTS)
    assert "spokesman" in words.spokes_roles and "however," in words.subject_adverbs
    # the capitalised lists keep their words as written ("TV", "Mr.")
    assert "TV" in words.org_heads and {"Mr.", "President"} <= words.not_name_words
    assert "pointed out" in words.stated_by_verbs


# --- a user lexicon's new frame name close to a known one is likely a typo ---


def test_near_miss_frame_name_in_a_user_lexicon_warns(tmp_path):
    import warnings

    from analysis.errors import InputWarning
    from analysis.framing import load_lexicon

    p = _write(
        tmp_path,
        "frame,subframe,cue,weight\n"
        "humanitarian,aid,aid convoy,1.0\n"  # a new frame, far from any known one: no warning
        "diplomcy,talks,parley,1.0\n"  # a typo of a built-in frame
        "diplomcy,talks,powwow,1.0\n"  # the same name again: warned once
        "humanitarain,aid,food aid,1.0\n",  # a typo of the user's own new frame
        name="my_frames.csv",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lexicon = load_lexicon(p)
    messages = [str(w.message) for w in caught if issubclass(w.category, InputWarning)]
    assert messages == [
        f"{p}:3: frame 'diplomcy' is not a known frame, so it defines a new one; did you mean "
        "'diplomacy'? (rename it if it is a typo; a new frame needs no change)",
        f"{p}:5: frame 'humanitarain' is not a known frame, so it defines a new one; did you mean "
        "'humanitarian'? (rename it if it is a typo; a new frame needs no change)",
    ]
    # new frames stay documented behaviour: the typo still defines its frame
    assert lexicon.frames == ("diplomacy", "escalation", "humanitarian", "diplomcy", "humanitarain")


def test_known_and_distinct_frame_names_do_not_warn(tmp_path):
    import warnings

    from analysis.framing import load_lexicon

    p = _write(tmp_path, "frame,subframe,cue,weight\ndiplomacy,talks,parley,1.0\neconomy,trade,tariff,1.0\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_lexicon(p).frames == ("diplomacy", "escalation", "economy")
