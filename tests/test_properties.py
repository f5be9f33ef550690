"""Property-based tests (hypothesis) over the whole pipeline."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import score_article, score_sentences, split_sentences
from analysis.errors import EmptyInputError
from analysis.schema import FRAME_LABELS, QUOTE_MODES, SIDES, SOURCE_TYPES

_HAS_WORD = re.compile(r"[^\W_]")  # a letter or digit: what makes a text an article

# text with the characters that matter: quotes of every kind, punctuation, breaks, words
ALPHABET = st.sampled_from(
    list("abcXYZ .,;:!?…-—'\"“”‘’«»()[]\n\t$0123456789") + ["\r\n", "\n\n", "said", " talks", " strikes", "Mr.", "U.S."]
)
texts = st.lists(ALPHABET, max_size=120).map("".join)
cue_words = st.sampled_from(
    ["Talks resumed.", "“We will fight on,” he said.", "Missiles struck Kyiv.", "", "  ", "“", "”", "Officials said that the truce held."]
)
sentence_lists = st.lists(st.one_of(texts, cue_words), max_size=12)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_split_offsets_round_trip(text):
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


@SETTINGS
@given(sentence_lists)
def test_one_row_per_input_and_values_in_range(sentences):
    df = score_sentences(sentences)
    assert len(df) == len(sentences)
    assert df["text"].tolist() == sentences
    assert df["diplomacy_score"].between(0, 1).all()
    assert df["escalation_score"].between(0, 1).all()
    assert set(df["frame"]) <= set(FRAME_LABELS)
    assert set(df["source_type"]) <= set(SOURCE_TYPES)
    assert set(df["quote_mode"]) <= set(QUOTE_MODES)
    assert set(df["side"]) <= set(SIDES)
    for row in df.itertuples():
        for ev in row.frame_evidence:
            assert 0 <= ev["start"] <= ev["end"] <= len(row.text)
            assert row.text[ev["start"] : ev["end"]] == ev["match"]


@SETTINGS
@given(texts)
def test_scoring_is_deterministic(text):
    assume(_HAS_WORD.search(text))
    a = score_article(text)
    b = score_article(text)
    pd.testing.assert_frame_equal(a, b)


@SETTINGS
@given(texts)
def test_a_text_without_words_is_a_clear_error(text):
    """A text with no letter or digit ("." or "“…”") is no article: an EmptyInputError, never
    a traceback of another kind and never an empty table passed off as a result."""
    assume(not _HAS_WORD.search(text))
    with pytest.raises(EmptyInputError):
        score_article(text)
