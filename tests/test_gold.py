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
