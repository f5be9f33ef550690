"""analysis.gold: speakers given as offsets (annotations of third-party text)."""

from __future__ import annotations

import json

import pytest

from analysis.errors import MalformedRecordError
from analysis.gold import load_gold

TEXT = (
    "Kremlin spokesman Dmitry Peskov said talks were possible. "
    "Ukraine's foreign ministry rejected the offer."
)


def _write(tmp_path, sentences, text=TEXT):
    path = tmp_path / "g.jsonl"
    rec = {"id": "a", "source": "", "text": text, "sentences": sentences}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return path


def _sentence(start, end, **extra):
    return {
        "start": start,
        "end": end,
        "diplomacy": 1,
        "escalation": 0,
        "source_type": "named_official",
        **extra,
    }


@pytest.mark.parametrize(
    ("span", "alts", "speaker", "speaker_alt"),
    [
        ([18, 31], [], "Dmitry Peskov", []),
        ([0, 31], [[25, 31]], "Kremlin spokesman Dmitry Peskov", ["Peskov"]),
    ],
)
def test_speaker_span_is_read_from_the_article(tmp_path, span, alts, speaker, speaker_alt):
    path = _write(tmp_path, [_sentence(0, 57, speaker_span=span, speaker_alt_spans=alts)])
    row = load_gold(path).sentences.iloc[0]
    assert row["text"] == TEXT[:57]
    assert row["speaker"] == speaker
    assert row["speaker_alt"] == speaker_alt


def test_a_speaker_string_wins_over_a_span(tmp_path):
    path = _write(tmp_path, [_sentence(0, 57, speaker="Peskov", speaker_span=[18, 31])])
    assert load_gold(path).sentences.iloc[0]["speaker"] == "Peskov"


@pytest.mark.parametrize("bad", [[31, 18], [0, 10_000], [-1, 3], ["a", "b"], [1], 7, [True, 3]])
def test_a_bad_span_names_the_sentence(tmp_path, bad):
    path = _write(tmp_path, [_sentence(0, 57), _sentence(58, 103, speaker_span=bad)])
    with pytest.raises(MalformedRecordError, match=r"article a sentence 1: bad speaker span"):
        load_gold(path)


@pytest.mark.parametrize("bad", [7, "18,31", {"start": 18}])
def test_bad_alt_spans_name_the_sentence(tmp_path, bad):
    path = _write(tmp_path, [_sentence(0, 57, speaker_alt_spans=bad)])
    with pytest.raises(MalformedRecordError, match=r"article a sentence 0: .*speaker"):
        load_gold(path)


def test_without_the_text_a_span_leaves_the_speaker_unknown(tmp_path):
    path = tmp_path / "g.jsonl"
    rec = {
        "id": "a",
        "source": "corpus:not-there",
        "sentences": [{**_sentence(0, 57, speaker_span=[18, 31]), "text": TEXT[:57]}],
    }
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    gold = load_gold(path, corpus=tmp_path / "missing.jsonl")
    assert gold.texts["a"] is None
    assert gold.sentences.iloc[0]["speaker"] == ""


@pytest.mark.parametrize("bad", [0, False, "", {}])
def test_a_falsy_span_is_not_taken_for_no_speaker(tmp_path, bad):
    """Only null or [] mean "no span"; 0, false, "" or {} are errors, not silence."""
    path = _write(tmp_path, [_sentence(0, 57, speaker_span=bad)])
    with pytest.raises(MalformedRecordError, match=r"article a sentence 0: bad speaker span"):
        load_gold(path)


@pytest.mark.parametrize("empty", [None, []])
def test_null_or_empty_span_means_no_speaker(tmp_path, empty):
    path = _write(tmp_path, [_sentence(0, 57, speaker_span=empty, speaker_alt_spans=empty)])
    row = load_gold(path).sentences.iloc[0]
    assert (row["speaker"], row["speaker_alt"]) == ("", [])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"diplomacy": "yes"}, r"diplomacy must be 0 or 1, got 'yes'"),
        ({"escalation": 2}, r"escalation must be 0 or 1, got 2"),
        ({"diplomacy": [1]}, r"diplomacy must be 0 or 1"),
        ({"diplomacy": None}, r"diplomacy must be 0 or 1, got None"),
        ({"source_type": "wizard"}, r"unknown source_type 'wizard' \(one of unattributed"),
        ({"end": 10_000}, r"bad offsets start=0 end=10000 \(article of 104 characters\)"),
        ({"start": 30, "end": 20}, r"bad offsets start=30 end=20"),
        ({"start": "0"}, r"bad offsets start='0'"),
    ],
)
def test_bad_labels_and_offsets_name_the_sentence(tmp_path, change, message):
    """A label the evaluation cannot read must not be scored as something else."""
    path = _write(tmp_path, [{**_sentence(0, 57), **change}])
    with pytest.raises(MalformedRecordError, match=r"article a sentence 0: " + message):
        load_gold(path)


@pytest.mark.parametrize(
    ("sentences", "message"),
    [("x", r"article a: 'sentences' must be a list, got str"),
     ([5], r"article a sentence 0: a sentence must be a JSON object, got int")],
)
def test_a_malformed_sentence_list_is_an_error(tmp_path, sentences, message):
    path = _write(tmp_path, sentences)
    with pytest.raises(MalformedRecordError, match=message):
        load_gold(path)


def test_a_single_json_object_without_sentences_is_an_error(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"id": "a", "text": TEXT}), encoding="utf-8")
    with pytest.raises(MalformedRecordError, match=r"not a gold article \(no 'sentences'\)"):
        load_gold(path)


def test_labels_as_booleans_or_whole_floats_are_read(tmp_path):
    path = _write(tmp_path, [{**_sentence(0, 57), "diplomacy": True, "escalation": 0.0}])
    row = load_gold(path).sentences.iloc[0]
    assert (row["diplomacy"], row["escalation"]) == (1, 0)


@pytest.mark.parametrize(
    "source, message",
    [
        ("corpus:not-there", "has no article with id 'not-there'"),
        ("file:/no/such/article.txt", "does not exist"),
        ("", "neither a 'text' nor a 'source'"),
    ],
)
def test_a_sentence_whose_article_text_is_not_found_says_why(tmp_path, source, message):
    # it said "missing ['text', 'source_type']" although the labels were all there
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "other", "text": "Talks resumed."}) + "\n")
    rec = {"id": "a", "source": source, "sentences": [
        {"start": 0, "end": 6, "diplomacy": 1, "escalation": 0, "source_type": "unattributed"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rec) + "\n")
    with pytest.raises(MalformedRecordError, match=message):
        load_gold(path, corpus=corpus)


@pytest.mark.parametrize(
    ("sentence_extra", "article_extra", "message"),
    [
        ({"speakr": "Dmitry Peskov"}, {}, "unknown sentence key 'speakr' (in 1 sentence, did you mean 'speaker'?)"),
        ({"sourcetype": "institution"}, {}, "unknown sentence key 'sourcetype' (in 1 sentence, did you mean 'source_type'?)"),
        ({}, {"outlett": "TASS"}, "unknown article key 'outlett' (in 1 article, did you mean 'outlet'?)"),
        ({"colour": "red"}, {}, "unknown sentence key 'colour' (in 1 sentence) not read"),
    ],
)
def test_a_misspelt_key_is_a_warning_naming_the_likely_one(tmp_path, sentence_extra, article_extra, message):
    """User review: a sentence with "speakr" loaded without a word, its speaker counted as
    missing (speaker match 0/1). Unknown keys are still not read, but said."""
    from analysis.errors import InputWarning

    path = tmp_path / "g.jsonl"
    rec = {"id": "a", "source": "", "text": TEXT, **article_extra,
           "sentences": [_sentence(0, 57, **sentence_extra)]}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    with pytest.warns(InputWarning) as record:
        gold = load_gold(path)
    assert any(message in str(w.message) and str(path) in str(w.message) for w in record)
    assert gold.sentences.loc[0, "speaker"] == ""  # not read: the warning is the only trace


def test_the_codebook_keys_raise_no_warning(tmp_path, recwarn):
    path = _write(tmp_path, [_sentence(0, 57, speaker="Dmitry Peskov", note="a lead", speaker_span=[18, 31],
                                       speaker_alt=["Peskov"], speaker_alt_spans=[[25, 31]], text=TEXT[:57])])
    load_gold(path)
    assert not [w for w in recwarn if "unknown" in str(w.message)]
