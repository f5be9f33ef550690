"""Helpers of analysis.textio shared by the scorers and the tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.textio import (
    is_missing,
    normalise_text,
    span_back,
    text_or_empty,
    without_hidden,
    without_surrogates,
)


@pytest.mark.parametrize(
    ("text", "spaces", "clean", "pos"),
    [
        ("plain text", (), "plain text", list(range(11))),
        ("", (), "", [0]),
        ("cease\u00adfire", (), "ceasefire", [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]),
        ("a\u200bb", (), "ab", [0, 2, 3]),
        ("a\u200bb", {1}, "a b", [0, 1, 2, 3]),  # a zero-width space read as a space
        ("\ufeff\u2060x\u200c\u200d", (), "x", [2, 5]),
        ("peace\u200btalks\u00ad", {5}, "peace talks", [*range(11), 12]),
    ],
)
def test_without_hidden(text, spaces, clean, pos):
    assert without_hidden(text, spaces) == (clean, pos)
    assert len(pos) == len(clean) + 1


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Zel\u00adensky said", (0, 8), "Zel\u00adensky"),  # the hidden character inside is kept
        ("\u200bsaid\u00ad", (0, 4), "said"),  # not those before or after
        ("no hidden", (3, 9), "hidden"),
        ("a\u00adb", (1, 1), ""),  # an empty span stays empty
    ],
)
def test_span_back(text, span, expected):
    clean, pos = without_hidden(text)
    a, b = span_back(pos, *span)
    assert text[a:b] == expected


@pytest.mark.parametrize(
    ("span", "expected"),
    [((-1, -1), (-1, -1)), ((2, 99), (3, 4)), ((0, 2), (0, 3))],
)
def test_span_back_edges(span, expected):
    pos = without_hidden("a\u00adbc\u200b")[1]  # copy "abc"
    assert span_back(pos, *span) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (float("nan"), ""),
        (math.nan, ""),
        (np.float64("nan"), ""),
        (np.float32("nan"), ""),
        (pd.NA, ""),
        (pd.NaT, ""),
        ("", ""),
        ("nan", "nan"),  # a string is a value, even this one
        ("Reuters", "Reuters"),
        (0, "0"),
        (1.5, "1.5"),
        (math.inf, "inf"),
        (False, "False"),
        (["a"], "['a']"),  # not a scalar: as str() gives it
    ],
)
def test_text_or_empty(value, expected):
    assert text_or_empty(value) == expected
    assert is_missing(value) == (expected == "" and not isinstance(value, str))


def test_text_or_empty_on_a_column_read_back_from_csv(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"outlet": ["Reuters", None, ""]}).to_csv(path, index=False)
    assert pd.read_csv(path)["outlet"].map(text_or_empty).tolist() == ["Reuters", "", ""]


def test_lone_surrogates_are_replaced_and_reported():
    # a JSON article with a broken escape ('\ud800' without its pair) loaded, then every
    # output failed: "'utf-8' codec can't encode character '\ud800': surrogates not allowed"
    text, repairs = normalise_text("Talks resumed." + chr(0xD800) + " ok", "a.json")
    assert text == "Talks resumed.\ufffd ok" and len(text) == 18
    assert ["lone surrogate" in r.reason for r in repairs] == [True]
    assert without_surrogates("Talks \U0001f600") == ("Talks \U0001f600", 0)  # a pair is one character
