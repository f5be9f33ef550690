"""Inputs found by ``scripts/fuzz.py`` (atheris), kept so they stay fixed."""

from __future__ import annotations

import pytest

from analysis import Article, score_article, split_sentences
from analysis.errors import EmptyInputError


@pytest.mark.parametrize("text", ["\x00", "\x00\x00\n", " \x00 \r\n"])
def test_text_of_only_nul_bytes_is_a_typed_empty_error(text):
    # found by the `score` target: NUL bytes are removed while loading, leaving nothing
    with pytest.raises(EmptyInputError, match="empty"):
        score_article(text)


@pytest.mark.parametrize("text", ["k\x00", "a\x00b. C\x00d.", "\x00Talks resumed.\x00"])
def test_nul_bytes_inside_text_are_removed_and_offsets_hold(text):
    art = Article.from_text(text)
    assert "\x00" not in art.text
    df = score_article(art)
    assert len(df) == len(split_sentences(art.text))
    for row in df.itertuples():
        assert art.text[row.start : row.end] == row.text
